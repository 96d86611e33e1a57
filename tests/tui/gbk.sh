#!/bin/sh
# The same typing in a zh_CN.GBK terminal: the harness decodes the program's
# GBK output and encodes what it types, so rows read as in UTF-8. What is
# stored is UTF-8 all the same, and a character GBK cannot show is drawn as a
# visible placeholder, never as blanks.
. "$LIANFANG_TOP/tests/tui/tui-lib"

gbk_locale
demo_db d.db
# A person whose name has a character outside GBK (U+1F600), written directly
# into the visible row (the screen only reads it).
sqlite3 d.db "UPDATE person SET name = '张' || char(128512) WHERE name = '冯杰'"

LOCPATH=$GBK_LOCPATH LC_ALL=zh_CN.GBK LANG=zh_CN.GBK tui -e GBK -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 0 肃州区市场监督管理局
type 6
wait 共 25 条
# the character GBK lacks is a '?' placeholder, the rest of the row intact
expect-has  张?                   政府采购岗        科员
type a
wait 新建人员
type 李四王五
wait-cursor 4 19
expect-row 4   姓名*    李四王五                                   最多 20 字
type 一二三四五六七八九十一二三四五六七八九十甲乙丙丁
wait 28/20 字
expect-row 4   姓名*    九十一二三四五六七八九十甲乙丙丁           28/20 字
expect-cursor 4 43
key Home
expect-row 4   姓名*    李四王五一二三四五六七八九十一二三四五六   28/20 字
expect-cursor 4 11
key End
key Bksp Bksp Bksp Bksp Bksp Bksp Bksp Bksp
key C-a C-k
type 赵钱孙李
key F2
wait 已保存
expect-has 赵钱孙李
type q
type q
expect-exit 0
expect-restored
EOS

contains "$(q d.db "SELECT hex(name) FROM person WHERE name = '赵钱孙李'")" "E8B5B5E992B1E5AD99E69D8E" \
	"typed in GBK, stored as UTF-8"
lacks "$(q d.db "SELECT group_concat(name) FROM person")" "$(printf '\265\324')" "no GBK bytes stored"

done_testing
