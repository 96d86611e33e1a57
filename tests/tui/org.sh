#!/bin/sh
# The organisation from the screens: departments, Enter to a department's
# posts, Enter to a post's persons. A post added under a department belongs
# to it and a person added under a post holds it, without picking either.
# e edits the record itself; retiring keeps it in the list, dimmed, and in
# the database. F9 shows a department's history.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

NO_COLOR=1 tui -- --db d.db <<'EOS'
wait 1 年度工作
type 5
wait 共 8 条
expect-row 1  首页 › 组织机构 ──────────────────────────────────────────────────────────────
expect-row-has 2 处室名称
expect-row-has 21 共 8 条　Enter 看处室的岗位
expect-row 23 F1 ^G帮助 F5 a新建 Enter打开 e修改 F8 d停用 F3 /查找 F9 ^R历史 F10 ^X返回
# the history of the department under the cursor
key F9
wait 处室“局领导班子”的历史：1 次
key Esc
# the list shows beside the history: wait for the history to go, so the
# next key is not read together with Esc as Alt-a
wait-gone 的历史
wait 共 8 条
# a department
type a
wait 新建处室
type 网络交易监管科
key Tab
type 9
key F2
wait 共 9 条
expect-has 网络交易监管科
# its posts: none yet
key End
wait-cursor 11 0
key Enter
wait 首页 › 组织机构 › 网络交易监管科
wait 还没有记录
expect-row-has 2 岗位名称              岗位职责
type a
wait 新建岗位
expect-row-has 4 所属处室*  网络交易监管科
wait-cursor 5 13
type 网络监测岗
key Tab
type 监测网络交易行为，
key Enter
type 发现违法线索及时移交。
key F2
wait 共 1 条
expect-row-has 3 网络监测岗            监测网络交易行为， 发现违法线索及时移交。
# its persons
key Enter
wait 首页 › 组织机构 › 网络交易监管科 › 网络监测岗
expect-row-has 21 a 新建的人员在这个岗位上
type a
wait 新建人员
type 司马相如
key Tab Tab
type 科员
key F2
wait 共 1 条
expect-row-has 3 司马相如              科员
# retired: still listed, marked, and dimmed
type d
wait 把“司马相如”标为已离岗？
type 1
wait 已标为已离岗
expect-row-has 3 是
key F10
wait 首页 › 组织机构 › 网络交易监管科 ──
# e opens the post itself
type e
wait 修改岗位
expect-row-has 5 网络监测岗
key F10
wait-gone 修改岗位
key F10
wait 共 9 条
key F10
wait 1 年度工作
type q
expect-exit 0
EOS

contains "$(q d.db "SELECT d.name || ' ' || p.name || ' ' || x.name || ' ' || x.retired FROM person x
  JOIN post p ON p.gid = x.post JOIN dept d ON d.gid = p.dept WHERE x.name = '司马相如'")" \
	"网络交易监管科 网络监测岗 司马相如 1" "department, post and person linked, the person retired"
contains "$(q d.db "SELECT duties FROM post WHERE name = '网络监测岗'")" "$(printf '监测网络交易行为，\n发现违法线索及时移交。')" \
	"the duties with their line break"
lf check d.db
is_rc 0 "the database checks clean"

done_testing
