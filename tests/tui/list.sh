#!/bin/sh
# Lists page through the database: Home, End, PgDn, PgUp land on the rows the
# ordering says, whatever the size; `/` finds a row and highlights the text;
# retiring asks first and is undone the same way.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
# 5000 more persons straight into the visible table (the list only reads it)
sqlite3 d.db "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000)
  INSERT INTO person(gid, owner, rid, deleted, name, post, title, retired)
  SELECT printf('%032x', 1000000 + x), '620902', (SELECT rid FROM person LIMIT 1), 0,
         printf('测试%05d', x), NULL, '科员', 0 FROM n"
nth() { q d.db "SELECT name FROM person WHERE owner = '620902' AND deleted = 0 ORDER BY name, id LIMIT 1 OFFSET $1"; }
first=$(nth 0)
row19=$(nth 18)
last=$(nth 5024)
before_last=$(nth 5023)

NO_COLOR=1 tui -- --db d.db <<EOS
wait 1 年度工作
type 6
wait 共 5025 条
expect-row-has 3 $first
key End
wait $last
expect-row-has 20 $last
expect-row-has 19 $before_last
expect-cursor 20 0
key Home
wait-cursor 3 0
expect-row-has 3 $first
key PgDn
wait $row19
expect-row-has 3 $row19
key PgUp
wait-cursor 3 0
expect-row-has 3 $first
type /
wait 查找：
type 测试04321
key Enter
wait 查找“测试04321”
expect-cursor 12 0
expect-row-has 12 测试04321
expect-attr 12 1 underline
expect-attr 12 1 reverse
expect-row-has 11 测试04320
expect-row-has 13 测试04322
type n
wait 已从头找起
expect-row-has 12 测试04321
type /
key C-u
type 没有这个人
key Enter
wait 没有找到“没有这个人”
# searching again for what is not there (this read the freed query once)
type n
wait 没有找到“没有这个人”
type N
wait 没有找到“没有这个人”
key Home
type /
key C-u
type 冯国庆
key Enter
wait-cursor 3 0
type d
wait 把“冯国庆”标为已离岗？  1 是  Esc 取消
type 1
wait 已标为已离岗
expect-row-has 3 是
type d
wait “冯国庆”不再是已离岗？
type 1
wait 已取消“已离岗”
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT p.retired || ' ' || count(r.rid) FROM person p JOIN rev r ON r.gid = p.gid WHERE p.name = '冯国庆'")" \
	"0 3" "retired and back: two new revisions, the record in use again"

done_testing
