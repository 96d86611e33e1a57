#!/bin/sh
# Exporting from the screen: the summary (附件2) to .xlsx on the stick, the
# same as the command writes; to CSV in GBK, stopped by a name with 䶮 that
# GBK lacks — every such character listed with its row and column, nothing
# written — then written as GB18030; an existing file replaced only when the
# user says so; one department to GBK CSV, byte for byte what the command
# writes; a staff member gets their own post's part of the unit's table, told
# so, and is told which role another department's table takes.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
mkdir -p media/usb
echo 说明 >media/usb/说明.txt
export LIANFANG_MOUNTS="$T_DIR/media"
# a person whose name GBK cannot hold, added with the command line
printf '处室,姓名,岗位名称,岗位职责,潜在风险,防控措施,风险等级\n登记注册科,王䶮,受理审查岗,受理登记申请,受理时故意刁难申请人,1.前期预防：公开受理标准,中\n' >wang.csv
lf --db d.db import summary wang.csv; is_rc 0 "王䶮 added with lianfang import"
lf --db d.db export summary --encoding gbk -o cli-gbk.csv; is_rc 1 "GBK cannot hold 䶮 (the command says so too)"
problem=$(printf '%s\n' "$ERR" | sed -n 's/^lianfang: \(第 .*“王䶮”.*GBK 中没有这个字\)$/\1/p')
contains "$problem" "（U+4DAE）" "the problem as the model words it: $problem"
lf --db d.db export summary -o cli.xlsx; is_rc 0 "the summary to .xlsx from the command"
lf --db d.db export summary --encoding gb18030 -o cli-gb18030.csv; is_rc 0 "and to GB18030"
lf --db d.db export summary --dept 财务科 --encoding gbk -o cli-finance.csv; is_rc 0 "one department to GBK"

tui -- --db d.db <<EOS
wait 首页
type e
wait 导出正式表格
expect-row 4   表格     单位（处室）廉政风险点及防控措施汇总表
expect-row 9   格式     Excel 工作簿（.xlsx）
expect-row 11   文件     $T_DIR/media/usb/汇总表.xlsx
key F2
wait 已导出：1 份，26 行，Excel 工作簿。
expect-row 14     $T_DIR/media/usb/汇总表.xlsx
# CSV in GBK: the format and encoding rows, changed with Right
key Down Down Down Down Down Right
expect-row 9   格式     CSV（.csv）
expect-row 11   文件     $T_DIR/media/usb/汇总表.csv
key Down Right Right
expect-row 10   编码     GBK
key F2
wait 无法表示的字
expect-has GBK 里没有下面 1 个字，所以没有写出文件
expect-has $problem
expect-has 按 1：改用 GB18030 导出
type 1
wait 已导出：1 份，26 行，GB18030。
expect-row 10   编码     GB18030
# the file is there now: replaced only when the user says so
key F2
wait 已经存在，替换它吗？
key Esc
wait 没有导出：原来的文件没有动。
key F2
wait 已经存在，替换它吗？
type 1
wait 已导出 $T_DIR/media/usb/汇总表.csv
# one department, picked from the list, in GBK
key Up Up Up Up Enter
wait 只导出一个处室
type /
wait 查找：
type 财务科
key Enter Enter
wait 财务科
expect-row 6   处室     财务科
expect-row 11   文件     $T_DIR/media/usb/汇总表-财务科.csv
key Down Down Down Down Left
expect-row 10   编码     GBK
key F2
wait 已导出：1 份，3 行，GBK。
expect-row 14     $T_DIR/media/usb/汇总表-财务科.csv
key F10
wait 首页
type q
expect-exit 0
EOS

[ -f media/usb/汇总表.xlsx ]; ok $? "the .xlsx is on the stick"
mkdir x1 x2
(cd x1 && unzip -q ../media/usb/汇总表.xlsx) && (cd x2 && unzip -q ../cli.xlsx)
same_file x1/xl/worksheets/sheet1.xml x2/xl/worksheets/sheet1.xml "its sheet is the one the command writes"
same_file x1/xl/sharedStrings.xml x2/xl/sharedStrings.xml "with the same text"
contains "$(cat x1/xl/sharedStrings.xml)" "王䶮" "王䶮 included (a spreadsheet is UTF-8)"
same_file media/usb/汇总表.csv cli-gb18030.csv "the GB18030 CSV is the command's, byte for byte"
contains "$(iconv -f GB18030 -t UTF-8 media/usb/汇总表.csv)" "王䶮" "and holds 王䶮"
same_file media/usb/汇总表-财务科.csv cli-finance.csv "the department's GBK CSV is the command's, byte for byte"
contains "$(iconv -f GBK -t UTF-8 media/usb/汇总表-财务科.csv)" "财务科" "and reads as GBK"
lacks "$(ls media/usb)" "partial" "no temporary file left"

# the staff member may read only their own post: the home opens the export
# on their own form; the unit's table holds that part and says so; another
# department's is refused with the role it takes
LIANFANG_USER=staff tui -- --db d.db <<EOS
wait 首页
type e
wait 导出正式表格
expect-row-has 7 人员     沈军
key Down Down Down
type x
wait 人员     全部
key F2
wait 已经存在，替换它吗？
type 1
wait 已导出：1 份，3 行，Excel 工作簿。
expect-has 只导出了你有权查看的：本人岗位（受理审查岗）
key Up Enter
wait 只导出一个处室
type /
wait 查找：
type 财务科
key Enter Enter
wait 财务科
expect-row 6   处室     财务科
key F2
wait 没有导出：不能查看：这是财务科的事项
expect-has 纪检监察
key F10
wait 首页
type q
expect-exit 0
EOS
rm -rf x3 && mkdir x3 && (cd x3 && unzip -q ../media/usb/汇总表.xlsx)
contains "$(cat x3/xl/sharedStrings.xml)" "受理审查岗" "the staff member's table holds their post"
lacks "$(cat x3/xl/sharedStrings.xml)" "政府采购岗" "and no other"
[ ! -e media/usb/汇总表-财务科.xlsx ]; ok $? "the refused export wrote nothing"

done_testing
