#!/bin/sh
# Entry forms on screen: Chinese typed into a field (also wider than the
# field), the rows and the cursor column, checks when leaving a field and on
# save, saving and reopening, the stored UTF-8, a reference picked from a list,
# and dates in every accepted form stored as ISO.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

# 张三丰 in the name field: 姓名 is at row 4, the field starts at column 11.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
type a
wait 新建人员
type 张三丰
wait-cursor 4 17
expect-row 4   姓名*    张三丰                                     最多 20 字
# 28 characters (56 columns) in a 41-column field: it scrolls by whole characters
type 一二三四五六七八九十一二三四五六七八九十甲乙丙丁戊
wait 28/20 字
expect-row 4   姓名*    十一二三四五六七八九十甲乙丙丁戊           28/20 字
expect-cursor 4 43
# leaving the field checks it: the message under it, the text kept
key Tab
wait 最多 20 个字，现在有 28 个
expect-row 5            “姓名”最多 20 个字，现在有 28 个。
expect-row 4   姓名*    张三丰一二三四五六七八九十一二三四五六七
expect-cursor 6 11
# saving is refused and the cursor goes back to the bad field
key F2
wait 没有保存
expect-cursor 4 43
# cut it all (Ctrl-U), type the name again, pick a post (Ctrl-T, search, Enter)
key C-u
type 张三丰
key Tab C-t
wait 选择岗位
type /
wait 查找：
type 出纳
key Enter
wait 出纳岗
key Enter
wait-gone 选择岗位
expect-row-has 5 出纳岗
key F2
wait 已保存
expect-has 张三丰
type q
type q
expect-exit 0
expect-restored
EOS

contains "$(q d.db "SELECT hex(name) FROM person WHERE name = '张三丰'")" "E5BCA0E4B889E4B8B0" \
	"stored as UTF-8: 张三丰 = E5BCA0 E4B889 E4B8B0"
contains "$(q d.db "SELECT p.name FROM person x JOIN post p ON p.gid = x.post WHERE x.name = '张三丰'")" "出纳岗" \
	"the picked post is stored as a reference"
lf check d.db
is_rc 0 "the database checks clean after saving from the screen"

# Reopen from the list (search, Enter) and find the saved text.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 26 条
type /
type 张三丰
key Enter
wait 查找“张三丰”
key Enter
wait 修改人员
expect-row 4   姓名*    张三丰                                     最多 20 字
expect-row-has 5 出纳岗
key Esc
wait-gone 修改人员
type q
type q
expect-exit 0
EOS

# An empty required field: the message names it, the cursor goes there.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 26 条
type a
wait 新建人员
key Tab Tab
key F2
wait 没有保存
expect-row 5            “姓名”不能为空。
expect-cursor 4 11
# something typed: leaving asks, and discarding keeps nothing
key Tab Tab
type 科员
key F10
wait 1 保存
type 2
wait 已放弃修改
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM draft")" "0" "discarding keeps no draft"

# Dates: 20260301 and 2026/3/2 are stored as ISO; 2026-02-30 is refused.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 1
wait 2026年度的四个阶段
key Enter
wait 修改年度工作
key Tab Tab
key C-u
type 20260301
key Tab
wait 2026-03-01
key C-u
type 2026-02-30
key Tab
wait 不是有效日期
expect-has “制定方案、动员部署  结束”不是有效日期
key BTab
key C-u
type 2026/3/2
key Tab
wait 2026-03-02
key F2
wait 已保存
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT p1_start || ' ' || p1_end FROM cycle")" "2026-03-01 2026-03-02" "dates stored as ISO"

# A bracketed paste (xterm, tmux) with a line break into a one-line field
# stays in that field, the break a space; typed Enter moves on as usual.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 26 条
type a
wait 新建人员
type 粘贴测试
key Tab Tab
raw \e[200~科长\r兼\t办公室主任\e[201~
wait 科长 兼 办公室主任
expect-cursor 6 29
key Enter
wait-cursor 7 11
key F2
wait 已保存
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT title FROM person WHERE name = '粘贴测试'")" "科长 兼 办公室主任" "pasted text kept whole in its field"

done_testing
