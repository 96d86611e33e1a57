#!/bin/sh
# SSH-friendly redraw: typing into a field sends only what changed. Count the
# bytes the program writes for 20 characters typed one at a time; a keystroke
# that repainted the whole screen (what Ctrl-L does: thousands of bytes) fails.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
type a
wait 新建人员
type-each 张三丰李四王五赵六钱七孙八周九吴十郑冯陈 80
key Tab Tab
type-each 受理审查岗科员 80
# a whole repaint, for comparison
mark
key C-l
expect-bytes-min 600
# moving in a list costs a row or two, not a page
key F10
wait 1 保存
type 2
wait 共 25 条
mark
key Down
wait-cursor 4 0
expect-bytes-max 200
type q
type q
expect-exit 0
EOS

done_testing
