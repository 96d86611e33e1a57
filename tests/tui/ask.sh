#!/bin/sh
# A question on the message line is cancelled by Esc (or F10, Ctrl-G,
# Ctrl-X, Ctrl-C) even where "cancel" is no choice of its own: retiring a
# person, or leaving a changed form. Regression: with cancel = -1 the
# question stayed and took no key but its choices.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
before=$(q d.db "SELECT count(*) FROM rev")

tui -- --db d.db <<'EOS'
wait 组织机构和年度
type 3
wait 共 25 条
type d
wait 标为已离岗？
key Esc
wait-gone 标为已离岗？
type d
wait 标为已离岗？
key C-g
wait-gone 标为已离岗？
type a
wait 新建人员
type 张三
key F10
wait 表单有未保存的修改
key Esc
wait-gone 表单有未保存的修改
expect-row-has 4 张三
key F10
wait 表单有未保存的修改
type 2
wait 已放弃修改
type q
wait 组织机构和年度
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "nothing was written"

done_testing
