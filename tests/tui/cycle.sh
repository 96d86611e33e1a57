#!/bin/sh
# Phase 1 from the screens: a new year whose form starts from seed 001's
# schedule (nothing is saved until F2, and a date can be changed first); its
# phases on the year screen; the work plan typed in Chinese with a long body
# of several paragraphs, saved whole and found again; a meeting; a member of
# the leading group picked from the persons.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

# 802 characters in three paragraphs
para="为深入推进党风廉政建设，从源头上有效预防腐败，结合我局实际，制定本方案。"
body1=""
i=0
while [ $i -lt 20 ]; do
	body1="$body1$para"
	i=$((i + 1))
done
body2="一、工作步骤。廉政风险点防范管理工作以年度为周期，分为四个阶段。"
body3="二、查找风险。围绕行政审批权、行政执法权、干部队伍管理权和财务资金管理权，逐岗位查找廉政风险点。"

tui -- --db d.db <<EOS
wait 1 年度工作
type 1
wait 2026年度的四个阶段
expect-row-has 3   2026   2026年度廉政风险点防范管理               健全机制、防范监督
expect-row-has 8 ▶ 三  健全机制、防范监督  2026-05-01 至 2026-11-30   当前阶段
expect-row-has 12 f 实施方案   2026年度廉政风险点防范管理工作实施方案
# the selected year's history, one key away
key F9
wait 年度“2026”的历史：1 次
key F10
wait-gone 的历史：1 次
wait 2026年度的四个阶段
# a new year: the year asked first, the form filled from the usual schedule
type a
wait 新建年度（年份）：2027
key C-u
type ２０２８
key Enter
wait 新建年度工作
expect-row-has 4 年度*
expect-row-has 4 2028
expect-row-has 5 2028年度廉政风险点防范管理
expect-row-has 6 制定方案、动员部署  开始   2028-03-01
expect-row-has 7 制定方案、动员部署  结束   2028-03-31
expect-row-has 11 健全机制、防范监督  结束   2028-11-30
expect-row-has 13 检查考核、修正完善  结束   2028-12-31
expect-has 四个阶段的日期按惯例填好了
# the cursor starts at the end of the name; a first phase that starts after it ends is refused at its field
wait-cursor 5 55
key Tab
key C-u
type 2028/4/7
key F2
wait 没有保存：“第一阶段开始” 2028-04-07 晚于“第一阶段结束” 2028-03-31。
expect-cursor 6 39
expect-row-has 7 “第一阶段开始” 2028-04-07 晚于
key F10
wait 1 保存
type 2
wait 已放弃修改
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM cycle WHERE year = 2028")" "0" "a refused year is not saved"

tui -- --db d.db <<EOS
wait 1 年度工作
type 1
wait 2026年度的四个阶段
type a
wait 新建年度（年份）：2027
key Enter
wait 新建年度工作
expect-row-has 6 2027-03-01
key Tab Tab
key C-u
type 20270407
key Tab
key C-u
type 2027-04-08
key F2
wait 2027年度的四个阶段
expect-row-has 3 2027   2027年度廉政风险点防范管理               尚未开始
expect-row-has 7 一  制定方案、动员部署  2027-03-01 至 2027-04-07   未开始
expect-row-has 8 二  界定职责、查找风险  2027-04-08 至 2027-04-30   未开始
expect-row-has 14 f 实施方案   还没有实施方案（按 f 填写）
# the same year again is not made twice
type a
wait 新建年度（年份）：2028
key C-u
type 2027
key Enter
wait 2027 年度已经建立，已选中它。
# the work plan of 2027
type f
wait 新建实施方案
expect-row-has 4 年度*        2027
expect-row-has 5 2027年度廉政风险点防范管理工作实施方案
wait-cursor 5 53
key Tab
type 肃市监党发〔2027〕3号
key Tab
type 2027.2.20
key Tab
type 纪检监察室
key Tab
type $body1
key Enter
type $body2
key Enter
type $body3
wait 802/200000
key F2
wait 已保存：实施方案。
expect-row-has 14 f 实施方案   2027年度廉政风险点防范管理工作实施方案　肃市监党发〔2027〕3号
# a meeting
type m
wait 2027年度会议和学习
wait 还没有记录
type a
wait 新建会议和学习
expect-row-has 2 年度*      2027
type 2027-03-05
key Tab Space
wait 动员大会
key Tab
type 全局廉政风险点防范管理工作动员大会
key Tab
type 三楼会议室
key Tab
type 全体干部职工
key Tab
type 43
key Tab
type 局长作动员讲话，纪检组长解读实施方案。
key F2
wait 共 1 条
expect-row-has 3 2027-03-05  动员大会  43      三楼会议室            全局廉政风险点防范管理工作
type q
wait 2027年度的四个阶段
expect-row-has 16 m 会议学习   1 次，最近一次 2027-03-05 动员大会
# the leading group: a person picked from the list
type g
wait 2027年度领导小组
type a
wait 新建领导小组成员
key C-t
wait 选择姓名
# not found, and again (the picker read the freed query once)
type /
type 无此人
key Enter
wait 没有找到“无此人”
type n
wait 没有找到“无此人”
type /
key C-u
type 吕明辉
key Enter
wait-cursor 6 0
expect-row-has 6 吕明辉
key Enter
wait-gone 选择姓名
key Tab Space
wait 组长
key Tab
type 全面负责
key F2
wait 共 1 条
expect-row-has 3 吕明辉
expect-row-has 3 组长
type q
wait 2027年度的四个阶段
expect-row-has 15 g 领导小组   1 人：组长 吕明辉
type q
type q
expect-exit 0
EOS

contains "$(q d.db "SELECT p1_start || ' ' || p1_end || ' ' || p2_start || ' ' || p4_end FROM cycle WHERE year = 2027")" \
	"2027-03-01 2027-04-07 2027-04-08 2027-12-31" "the new year's dates: the schedule, one changed"
body=$(printf '%s\n%s\n%s' "$body1" "$body2" "$body3")
contains "$(q d.db "SELECT body = '$body' FROM plan p JOIN cycle c ON c.gid = p.cycle WHERE c.year = 2027")" "1" \
	"the plan's long body saved whole, line breaks and all"
contains "$(q d.db "SELECT doc_no || ' ' || issued || ' ' || office FROM plan p JOIN cycle c ON c.gid = p.cycle WHERE c.year = 2027")" \
	"肃市监党发〔2027〕3号 2027-02-20 纪检监察室" "its number, date (as ISO) and office"
contains "$(q d.db "SELECT held || ' ' || kind || ' ' || count || ' ' || attendees FROM meeting m JOIN cycle c ON c.gid = m.cycle WHERE c.year = 2027")" \
	"2027-03-05 动员大会 43 全体干部职工" "the meeting, in 2027"
contains "$(q d.db "SELECT x.name || ' ' || g.role || ' ' || g.duty FROM group_member g JOIN person x ON x.gid = g.person JOIN cycle c ON c.gid = g.cycle WHERE c.year = 2027")" \
	"吕明辉 组长 全面负责" "the group member, a reference to the person"

# Reopened: the plan comes back as saved, the body scrolled from its start.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 1
wait 2026年度的四个阶段
key Up
wait 2027年度的四个阶段
type f
wait 修改实施方案
expect-row-has 6 肃市监党发〔2027〕3号
expect-row-has 7 2027-02-20
expect-row-has 9 正文         为深入推进党风廉政建设
key F10
wait 2027年度的四个阶段
type q
type q
expect-exit 0
EOS

# The current phase by hand, and back to the dates. (First the help page:
# a wrapped line never starts with closing punctuation — 避头.)
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 1
wait 2026年度的四个阶段
key F1
wait 帮助：年度工作
expect-row 4  廉政风险点防范管理以年度为周期，分四个阶段：制定方案、动员部署（3月）；界定职
expect-row 5  责、查找风险（4月）；健全机制、防范监督（5月至11月）；检查考核、修正完善（12
expect-row 6  月）。新建年度时按这个惯例填好日期，可以修改。
expect-row 10  m）。
key F10
wait-gone 帮助：年度工作
type p
wait 当前阶段：  1 按日期  2 第一阶段
type 5
wait 当前阶段指定为第四阶段。
expect-row-has 10 ▶ 四  检查考核、修正完善  2026-12-01 至 2026-12-31   当前阶段（指定）
expect-row-has 0 2026年度 第四阶段 检查考核
type p
wait 当前阶段：
type 1
wait 当前阶段按日期判断。
expect-row-has 9 ▶ 三
type q
type q
expect-exit 0
EOS

# A new database, no year yet, signed in as its discipline officer: the home
# and the year screen say what to do, and the first year is made from there.
lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 --parent-code 620900 new.db
is_rc 0 "a new database"
demo_accounts new.db; ok $? "with an administrator and a discipline officer"
tui -- --db new.db <<'EOS'
wait 1 年度工作
expect-row-has 2 还没有年度工作。按 1 打开“年度工作”，新建一个年度。
type 2
wait 还没有年度：先按 1 打开“年度工作”，新建一个年度。
type 1
wait 还没有年度。按 F5 或 a 新建一个年度，比如今年。
expect-row 23 F1 ^G帮助 F5 a新建年度 F10 ^X返回
type a
wait 新建年度（年份）：2026
key Enter
wait 新建年度工作
key F2
wait 2026年度的四个阶段
key F10
wait 1 年度工作
expect-row-has 2 2026年度廉政风险点防范管理  当前：第三阶段
expect-row-has 6 各处室进度
expect-row-has 7 还没有处室：按 5 打开“组织机构”添加。
expect-row-has 8 合计                0    0
type q
expect-exit 0
EOS

done_testing
