#!/bin/sh
# Importing from the screen: the demo's summary (exported as CSV) into a new
# database — the preview is the model's dry run and changes nothing, then
# all of it goes in, the same records the command makes; a file with a bad
# row is refused whole, the row and reason shown; in a GBK terminal a GBK
# file with a GBK name is found by Tab and read as GBK.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
mkdir -p media/usb
export LIANFANG_MOUNTS="$T_DIR/media"
lf --db d.db export summary -o media/usb/汇总表.csv; is_rc 0 "the demo's summary as CSV"
lf init --unit-code 620922 --unit-name 瓜州县市场监督管理局 --parent-code 620900 new.db; is_rc 0 "a new database"
demo_accounts new.db; ok $? "with the demo's administrator and discipline officer"
cp new.db cli.db
cp new.db bad.db
lf --db cli.db import summary media/usb/汇总表.csv; is_rc 0 "the same file imported by the command, to compare"

before=$(sum_of new.db)
tui -- --db new.db <<EOS
wait 首页
type i
wait 导入已有的表格
expect-row 5   表格     单位（处室）廉政风险点及防控措施汇总表
key Enter
wait 导入哪个文件
type 汇
key Tab
wait 里以“汇”开头的：1 项
key Enter
wait 试导入（什么也没有改），将要：
expect-has 读作    UTF-8（带 BOM）；列名在第 4 行
expect-has 新建处室 8 个：局领导班子、办公室
expect-has 新建风险点 25 个
expect-has 新建防控措施 57 条
expect-has 没有问题：按 F2 或 Ctrl-S 全部导入
EOS
[ "$(sum_of new.db)" = "$before" ]; ok $? "the preview changed nothing"
tui -- --db new.db <<EOS
wait 首页
type i
wait 导入已有的表格
key Enter
wait 导入哪个文件
type 汇
key Tab Enter
wait 没有问题
key F2
wait 已导入 25 行。
expect-has 已导入
expect-has 新建处室 8 个
key F10
wait 导入已有的表格
key F10
wait 首页
# the home's progress table: the departments, posts and risk points imported
expect-row-has 7 局领导班子          4    0      0    0    0    3    1    0
expect-row-has 15 合计               21    0      0    0    0    9    8    8
type q
expect-exit 0
EOS
lf dump new.db; ui=$OUT
lf dump cli.db; cli=$OUT
[ -n "$ui" ] && [ "$ui" = "$cli" ]; ok $? "the screen made exactly the records the command makes (lianfang dump)"
contains "$(printf '%s\n' "$ui" | grep -c '"kind":"risk"')" 25 "25 risk points"

# --- a bad row: refused whole, the line and the reason shown
sed '0,/,高,/s//,极高,/' media/usb/汇总表.csv >media/usb/坏的汇总表.csv
lf --db bad.db import summary media/usb/坏的汇总表.csv --dry-run; is_rc 1 "the command refuses it too"
line=$(printf '%s\n' "$ERR" | sed -n 's/.* 第 \([0-9]*\) 行“风险等级”列.*/\1/p')
[ -n "$line" ] && [ "$(printf '%s\n' "$ERR" | grep -c ' 第 .* 行')" -eq 1 ]; ok $? "one bad row, at line $line"
before=$(sum_of bad.db)
tui -- --db bad.db <<EOS
wait 首页
type i
wait 导入已有的表格
key Enter
wait 导入哪个文件
type 坏
key Tab Enter
wait 什么也不能导入
expect-has 有问题的地方 1 处（1 行）
expect-has 第 $line 行“风险等级”列：“极高”不是风险等级
key F2
wait 这个键在这里没有作用
key F10 F10
wait 首页
type q
expect-exit 0
EOS
[ "$(sum_of bad.db)" = "$before" ]; ok $? "nothing imported"

# --- a GBK terminal, a GBK file with a GBK name
gbk_locale
rm -f media/usb/*.csv
gbkname=$(printf '汇总表.csv' | iconv -f UTF-8 -t GBK)
lf --db d.db export summary --encoding gbk -o "media/usb/$gbkname"; is_rc 0 "the summary as GBK, under a GBK name"
cp bad.db gbk.db
LOCPATH=$GBK_LOCPATH LC_ALL=zh_CN.GBK LANG=zh_CN.GBK tui -e GBK -- --db gbk.db <<EOS
wait 首页
type i
wait 导入已有的表格
key Enter
wait 导入哪个文件
expect-has 汇总表.csv
type 汇
key Tab
wait 里以“汇”开头的：1 项
expect-row 3  路径  $T_DIR/media/usb/汇总表.csv
key Enter
wait 没有问题
expect-has 读作    GBK
expect-has 新建处室 8 个
key F2
wait 已导入 25 行。
key F10 F10
wait 首页
type q
expect-exit 0
EOS
lf dump gbk.db
[ "$OUT" = "$cli" ]; ok $? "the GBK file gave the same records"

done_testing
