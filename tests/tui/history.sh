#!/bin/sh
# A record's history is one key away (F9, or Ctrl-R without function keys)
# wherever a record is shown: the list (the record under the cursor), its
# entry form, a picker. After a person is renamed on screen, the history
# shows who did it, when, and the field that changed, newest first — the same
# entries `lianfang audit log --record` prints. Screens without a record, or
# a form on a record not yet saved, say so.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
gid=$(q d.db "SELECT gid FROM person WHERE name = '冯国庆'")

tui -- --db d.db <<'EOS'
wait 1 年度工作
key F9
wait 这一屏没有显示某一条记录
type 6
wait 共 25 条
expect-row-has 23 F9 ^R历史
expect-row-has 3 冯国庆
key Enter
wait 修改人员
key C-u
type 冯国强
key F2
wait 已保存
expect-row-has 3 冯国强
key F9
wait 人员“冯国强”的历史：2 次，最近的在上面。
expect-row-has 1 历史：人员“冯国强”
expect-row 4  2026-11-23 08:00  潘超（discipline）  修改  （日志第 441 条）
expect-row 5      姓名：冯国庆 → 冯国强
expect-has 新建
expect-has     岗位：消保科科长
key Esc
wait 共 25 条
# the entry form: the record it shows
key Enter
wait 修改人员
key F9
wait 人员“冯国强”的历史：2 次
key Esc
wait 修改人员
# a picker: the record under its cursor
key Tab
key C-t
wait 选择岗位
key F9
wait 岗位“
expect-has 的历史：
key Esc
wait-gone 的历史：
wait 选择岗位
key Esc
wait-gone 选择岗位
key Esc
wait 共 25 条
# a new record has no history yet
type a
wait 新建人员
key F9
wait 没有选中的记录
expect-lacks 的历史
key Esc
wait 共 25 条
type q
wait 1 年度工作
type q
expect-exit 0
EOS

lf --db d.db audit log --record "$gid"
contains "$OUT" "（2 条）" "the command line lists the same two entries"
contains "$OUT" "姓名：冯国庆 → 冯国强" "with the same change"

# Without function keys (vt100): Ctrl-R.
TERM=vt100 tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
key C-r
wait 人员“冯国强”的历史
key C-x
wait 共 25 条
type q
type q
expect-exit 0
EOS

done_testing
