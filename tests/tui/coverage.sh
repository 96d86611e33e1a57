#!/bin/sh
# Coverage: the demo's known gaps (five risk steps without a risk point),
# each opening the thing to fix — the flow chart at that step — and counted
# again on the way back; a new post shows as one with no self-check and
# opens its persons; a new power shows as one with no flow chart.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
LIANFANG_USER=discipline lf --db d.db post add --dept 人事科 --name 考勤管理岗
is_rc 0 "a new post in 人事科"
LIANFANG_USER=discipline lf --db d.db power add --dept 人事科 --name 年休假审批 --kind 执行
is_rc 0 "a new power without steps"

tui -- --db d.db <<'EOS'
wait 1 年度工作
type 8
wait 覆盖检查
expect-row 2  1 没有流程图的职权 1/24 │ 2 没有风险点的环节 5/28 │ 3 没有自查表的岗位 1/22
# it opens on the first kind of gap there is
expect-row-has 3 Enter 打开流程图，按 a 添加环节
expect-row-has 5 人事科            年休假审批
type 2
wait 第 3 步：集体讨论，逐人表态，末位表
expect-row-has 5 局领导班子        “三重一大”事项决策        第 3 步：集体讨论
expect-row-has 9 人事科            干部选拔任用              第 3 步：讨论决定
expect-row-has 21 2026年度，5 项。
# the first: the chart opens at its step 3, the one to fix
key Enter
wait 流程图：“三重一大”事项决策
wait 第 3 步，共 4 步，风险环节 2 个。这一步还没有关联风险点
expect-has ║ 3. 局党组会  【风险环节】
expect-has ║ （尚未关联风险点）
# not a risk step after all: unmarked, and the gap is gone
type r
wait 第 3 步不再是风险环节。
key F10
wait 覆盖检查
expect-row 2  1 没有流程图的职权 1/24 │ 2 没有风险点的环节 4/27 │ 3 没有自查表的岗位 1/22
expect-row-has 5 办公室            政府采购
# the post with no self-check opens its persons (none yet)
key Tab
wait 考勤管理岗
expect-row-has 3 Enter 看岗位上的人员：自查表由本人填写
expect-row-has 5 人事科            考勤管理岗
key Enter
wait 首页 › 覆盖检查 › 考勤管理岗
wait 还没有记录
key F10
wait 覆盖检查
# the power with no chart opens its empty chart
type 1
wait 年休假审批
key Enter
wait 流程图：年休假审批
wait 还没有流程环节：按 F5 或 a 新增第一步。
type a
wait 新建流程环节
expect-row-has 3 序号*      1
type 人事科
key Tab
type 审核年休假申请
key F2
wait 第 1 步，共 1 步
key F10
wait 覆盖检查
expect-row 2  1 没有流程图的职权 0/24 │ 2 没有风险点的环节 4/27 │ 3 没有自查表的岗位 1/22
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT f.risky FROM flow_step f JOIN power w ON w.gid = f.power WHERE w.name = '“三重一大”事项决策' AND f.seq = 3")" \
	"0" "the step unmarked from the coverage screen"

done_testing
