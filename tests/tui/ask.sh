#!/bin/sh
# A question on the message line is answered with Esc too: the question goes
# away and nothing is done. (Regression: every caller passes -1 as the
# cancel answer, and lf_ui_ask looped for ever on Esc, waiting for an answer
# of 0 or more.)
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
before=$(q d.db "SELECT count(*) FROM rev")
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
type a
wait 新建人员
type 张三
key F10
wait 表单有未保存的修改：
key Esc
wait-gone 表单有未保存的修改：
expect-has 新建人员
expect-row-has 4 张三
key F10
wait 表单有未保存的修改：
key C-g
wait-gone 表单有未保存的修改：
key F10
wait 2 放弃修改
type 2
wait 共 25 条
type d
wait 标为已离岗？
key Esc
wait-gone 标为已离岗？
type q
wait 1 年度工作
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "nothing was written"
contains "$(q d.db "SELECT count(*) FROM person WHERE retired = 1")" 0 "nobody was retired"

done_testing
