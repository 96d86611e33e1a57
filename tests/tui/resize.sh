#!/bin/sh
# Resizing: below 80×24 a clear message instead of a broken layout; back at
# 80×24 (or larger) the form is laid out again with everything typed still there.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
type a
wait 新建人员
type 张三丰
key Tab Tab
type 科长
wait-cursor 6 15
resize 60 20
wait 终端窗口太小
expect-has 现在是 60×20，至少要 80×24
expect-has 已填写的内容都还在
expect-lacks 张三丰
resize 80 24
wait 张三丰
expect-row 4   姓名*    张三丰
expect-row 6   职务     科长
expect-cursor 6 15
expect-row 23 F1 ^G帮助 F2 ^S保存 F10 ^X返回
resize 100 30
wait-cursor 6 15
expect-row-has 29 F2 ^S保存
resize 80 24
wait-cursor 6 15
type 科员
wait 科长科员
key F2
wait 已保存
type q
type q
expect-exit 0
expect-restored
EOS
contains "$(q d.db "SELECT title FROM person WHERE name = '张三丰'")" "科长科员" "typed before and after resizing, all saved"

done_testing
