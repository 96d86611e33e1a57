#!/bin/sh
# lianfang export: every official table in every format, byte for byte where
# it is text; .xlsx files opened and read back; GBK checked character by
# character; nothing half-written.
. "$LIANFANG_TOP/tests/lib.sh"
# The demo has accounts: the discipline office reads the whole unit and imports.
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

lf demo demo.db
is_rc 0 "demo database"
export LIANFANG_DB="$T_DIR/demo.db"

FORMS="summary selfcheck_table register_unit register_dept register_person power_table risk_register"

# The text of a cell of an .xlsx unpacked in $1: sheet file $2, cell $3 (shared strings resolved).
cell() {
	idx=$(xmllint --xpath "string(//*[local-name()='c'][@r='$3']/*[local-name()='v'])" "$1/xl/worksheets/$2.xml")
	type=$(xmllint --xpath "string(//*[local-name()='c'][@r='$3']/@t)" "$1/xl/worksheets/$2.xml")
	if [ "$type" = s ]; then
		xmllint --xpath "string((//*[local-name()='si'])[$((idx + 1))])" "$1/xl/sharedStrings.xml"
	else
		printf '%s' "$idx"
	fi
}

# ---------------------------------------------------------------- every form, every format
for f in $FORMS; do
	lf export "$f" -o "$f.xlsx"
	is_rc 0 "$f to .xlsx"
	lf export "$f" -o "$f.csv"
	is_rc 0 "$f to CSV"
	lf export "$f" -o "$f.gbk.csv" --encoding gbk
	is_rc 0 "$f to CSV in GBK"
	lf export "$f" -o "$f.txt"
	is_rc 0 "$f to text"
	lf export "$f" -o "$f.gbk.txt" --encoding gbk
	is_rc 0 "$f to text in GBK"
	[ "$(head -c 3 "$f.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	ok $? "$f: CSV is UTF-8 with a BOM by default"
	# UTF-8 → GBK → UTF-8 is exact for this (GBK-encodable) text.
	iconv -f GBK -t UTF-8 "$f.gbk.csv" >back.csv && tail -c +4 "$f.csv" | cmp -s - back.csv
	ok $? "$f: the GBK CSV converts back to exactly the UTF-8 one"
	unzip -tq "$f.xlsx" >/dev/null 2>&1
	ok $? "$f.xlsx is a sound zip"
	mkdir "x-$f" && (cd "x-$f" && unzip -q "../$f.xlsx")
	bad=0
	for x in $(find "x-$f" -name '*.xml' -o -name '*.rels'); do
		xmllint --noout "$x" 2>/dev/null || { bad=1; echo "# $x does not parse"; }
	done
	ok $bad "$f.xlsx: every XML part parses"
	ls ./*.partial-* >/dev/null 2>&1
	ok $((!$?)) "$f: no temporary file left behind"
done

# ---------------------------------------------------------------- golden files
lf export summary -o g-summary.csv
golden_file export-summary.csv g-summary.csv
lf export summary -o g-summary.txt
golden_file export-summary.txt g-summary.txt
lf export summary --dept 登记注册科 -o g-summary-dept.csv
golden_file export-summary-dept.csv g-summary-dept.csv
lf export summary --dept 登记注册科 -o g-summary-dept.txt
golden_file export-summary-dept.txt g-summary-dept.txt
lf export summary --dept 登记注册科 --encoding gbk -o g-summary-dept.gbk.txt
golden_file export-summary-dept.gbk.txt g-summary-dept.gbk.txt
lf export selfcheck_table --dept 登记注册科 -o g-selfcheck.csv
golden_file export-selfcheck-dept.csv g-selfcheck.csv
lf export selfcheck_table --dept 登记注册科 -o g-selfcheck.txt
golden_file export-selfcheck-dept.txt g-selfcheck.txt
lf export register_unit -o g-register-unit.csv
golden_file export-register-unit.csv g-register-unit.csv
lf export register_unit -o g-register-unit.txt
golden_file export-register-unit.txt g-register-unit.txt
lf export register_dept --dept 办公室 -o g-register-dept.csv
golden_file export-register-dept.csv g-register-dept.csv
lf export register_dept --dept 办公室 -o g-register-dept.txt
golden_file export-register-dept.txt g-register-dept.txt
lf export register_person --dept 财务科 -o g-register-person.csv
golden_file export-register-person.csv g-register-person.csv
lf export register_person --dept 财务科 -o g-register-person.txt
golden_file export-register-person.txt g-register-person.txt
lf export power_table --dept 执法稽查大队 -o g-power.csv
golden_file export-power-dept.csv g-power.csv
lf export power_table --dept 执法稽查大队 -o g-power.txt
golden_file export-power-dept.txt g-power.txt
lf export risk_register -o g-risks.csv
golden_file export-risk-register.csv g-risks.csv
lf export risk_register -o g-risks.txt
golden_file export-risk-register.txt g-risks.txt
lf export summary --table-only --encoding utf-8 -o g-summary-table.csv
golden_file export-summary-table-only.csv g-summary-table.csv

# ---------------------------------------------------------------- the spreadsheet's layout
X=x-summary
contains "$(cell $X sheet1 A1)" "单位（处室）廉政风险点及防控措施汇总表" "xlsx: the title in A1"
contains "$(cell $X sheet1 A2)" "单位名称：肃州区市场监督管理局" "xlsx: the unit line"
contains "$(cell $X sheet1 A3)" "填表日期：2026年11月23日" "xlsx: the date line"
contains "$(cell $X sheet1 B4)$(cell $X sheet1 F4)$(cell $X sheet1 I4)" "处室潜在风险备注" "xlsx: the column headers"
first_person=$(sed -n 5p summary.csv | cut -d, -f3)
contains "$(cell $X sheet1 B5)|$(cell $X sheet1 C5)|$(cell $X sheet1 D5)" "局领导班子|$first_person|局长" "xlsx: the first row's cells hold the Chinese text"
contains "$(cell $X sheet1 A5)" "1" "xlsx: 序号 is a number"
contains "$(cat $X/xl/worksheets/sheet1.xml)" '<mergeCell ref="A1:I1"/>' "xlsx: the title is merged across the columns"
contains "$(cat $X/xl/worksheets/sheet1.xml)" '<mergeCell ref="B5:B8"/>' "xlsx: 局领导班子 is one cell over its four rows"
contains "$(cat $X/xl/worksheets/sheet1.xml)" '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>' "xlsx: A4 landscape, as wide as the page"
contains "$(cat $X/xl/worksheets/sheet1.xml)" '<pageSetUpPr fitToPage="1"/>' "xlsx: fitted to the page width"
contains "$(cat $X/xl/workbook.xml)" '_xlnm.Print_Titles' "xlsx: the header row repeats on every page"
contains "$(cat $X/xl/sharedStrings.xml)" "派驻纪检组意见：" "xlsx: the opinion rows at the bottom"
contains "$(cat $X/xl/sharedStrings.xml)" "签字：" "xlsx: and their signature lines"
contains "$(cat $X/xl/styles.xml)" '宋体' "xlsx: a Chinese font"
contains "$(cat x-selfcheck_table/xl/workbook.xml)" '<sheet name="' "xlsx: 附件1 has sheets"
[ "$(ls x-selfcheck_table/xl/worksheets | wc -l)" -gt 10 ]
ok $? "xlsx: one self-check form per sheet"
lacks "$(cat x-selfcheck_table/xl/worksheets/sheet1.xml)" 'orientation="landscape"' "xlsx: 附件1 is portrait"

# ---------------------------------------------------------------- characters GBK cannot hold
# A person named 王䶮, a bullet and an emoji, brought in through the importer.
printf '%s\r\n' '处室,姓名,岗位名称,潜在风险,防控措施,风险等级,备注' \
	'登记注册科,王䶮,受理审查岗,对材料不全的申请违规受理,• 公开办事指南,中,' \
	'登记注册科,李四,核准登记岗,先发照后审核,定期抽查,高,需重点关注😀' >odd.csv
lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 odd.db
lf --db odd.db import summary odd.csv
is_rc 0 "a table with 䶮, • and 😀 imported"
lf --db odd.db export summary --encoding gbk -o odd-gbk.csv
is_rc 1 "GBK export of 䶮 stops"
contains "$ERR" "第 1 行“姓名”列“王䶮”的第 2 个字“䶮”（U+4DAE）：GBK 中没有这个字" "names the row, the column and the code point"
contains "$ERR" "第 1 行“防控措施”列“1.• 公开办事指南”的第 3 个字“•”（U+2022）：GBK 中没有这个字" "the bullet too"
contains "$ERR" "第 2 行“备注”列“需重点关注😀”的第 6 个字“😀”（U+1F600）：GBK 中没有这个符号" "and the emoji"
contains "$ERR" "有 3 个字符无法用 GBK 表示" "and counts them"
[ ! -e odd-gbk.csv ] && ! ls ./*.partial-* >/dev/null 2>&1
ok $? "nothing is written, not even a partial file"
lf --db odd.db export summary --encoding gbk -o odd-gbk.txt
is_rc 1 "the same for text"
contains "$ERR" "（U+4DAE）" "text export reports 䶮 as well"
lf --db odd.db export summary --encoding gb18030 -o odd-18030.csv
is_rc 0 "GB18030 holds them"
lf --db odd.db export summary -o odd-utf8.csv
iconv -f GB18030 -t UTF-8 odd-18030.csv >odd-back.csv && tail -c +4 odd-utf8.csv | cmp -s - odd-back.csv
ok $? "GB18030 converts back exactly"
lf --db odd.db export summary --encoding gbk --replace -o odd-replaced.csv
is_rc 0 "--replace writes the file"
contains "$ERR" "已写成 [U+4DAE]" "and still lists what it replaced"
contains "$(iconv -f GBK -t UTF-8 odd-replaced.csv)" "王[U+4DAE]" "the replacement is visible in the file"
lf --db odd.db export summary -o odd.xlsx
is_rc 0 ".xlsx is UTF-8 and holds them all"
mkdir x-odd && (cd x-odd && unzip -q ../odd.xlsx)
contains "$(cell x-odd sheet1 C5)" "王䶮" "the name with 䶮 is in the spreadsheet"
lf --db odd.db export summary -o odd2.xlsx --encoding gbk
is_rc 1 ".xlsx cannot be GBK"
contains "$ERR" "总是 UTF-8" "and says why"

# ---------------------------------------------------------------- files and choices
cp g-summary.csv before.csv
lf export summary -o g-summary.csv --dept 办公室
is_rc 1 "an existing file is not replaced"
contains "$ERR" "已经存在；要覆盖请加 --force" "says how to replace it"
same_file before.csv g-summary.csv "and it is unchanged"
lf export summary -o g-summary.csv --dept 办公室 --force
is_rc 0 "--force replaces it"
lf export summary --format csv -o -
is_rc 0 "-o - writes to standard output"
printf '%s\n' "$OUT" >stdout.csv
printf '%s\n' "$(cat summary.csv)" >file.csv
same_file file.csv stdout.csv "the same bytes as the file"
lf export 汇总表 -o by-title.csv
is_rc 0 "a table can be named by a piece of its title"
same_file summary.csv by-title.csv "the same table"
lf export 登记表 -o x.csv
is_rc 2 "an ambiguous name is a usage error"
contains "$ERR" "好几张表格" "says it is ambiguous"
lf export person -o x.csv
is_rc 2 "an entry form is not a table"
lf export summary -o x.dat
is_rc 2 "a file name without a known extension needs --format"
lf export summary --dept 不存在的科 -o x.csv
is_rc 1 "an unknown department"
contains "$ERR" "没有名为“不存在的科”的处室（有：局领导班子、办公室" "lists the departments there are"
lf export summary --cycle 2020 -o x.csv
is_rc 1 "an unknown year"
contains "$ERR" "没有 2020 年度的记录（有：2026）" "lists the years there are"
lf export summary --person 没这人 -o x.csv
is_rc 1 "an unknown person"
lf export summary --encoding latin1 -o x.csv
is_rc 2 "an unknown encoding"
lf export --list
is_rc 0 "--list"
contains "$OUT" "selfcheck_table  廉政风险自查表（岗位）（纵向）" "lists the tables"
[ ! -e x.csv ] && [ ! -e x.dat ]
ok $? "no file from any failed export"

# A form override naming a placeholder the program does not know.
mkdir forms
sed 's/{date}/{tomorrow}/' "$LIANFANG_TOP/forms/summary.form" >forms/summary.form
lf --forms forms export summary -o x.csv
is_rc 1 "an unknown placeholder in a form"
contains "$ERR" "里的 {tomorrow} 程序不认识" "is named"
sed 's/来源：risk$/来源：riks/' "$LIANFANG_TOP/forms/summary.form" >forms/summary.form
lf --forms forms export summary -o x.csv
is_rc 1 "an unknown column source in a form"
contains "$ERR" "列“潜在风险”的来源“riks”程序不认识" "is named with its line"

# 每页 (rows per printed page): text repeats the column headers after a form feed; .xlsx breaks pages.
sed 's/^纸张：横向$/纸张：横向\n每页：10/' "$LIANFANG_TOP/forms/summary.form" >forms/summary.form
lf --forms forms export summary -o paged.txt
is_rc 0 "a form with 每页：10"
[ "$(grep -c '| 序号 |' paged.txt)" = 3 ] && [ "$(tr -cd '\f' <paged.txt | wc -c)" = 2 ]
ok $? "25 rows: three pages, the column headers on each"
lf --forms forms export summary -o paged.xlsx
mkdir x-paged && (cd x-paged && unzip -q ../paged.xlsx)
contains "$(cat x-paged/xl/worksheets/sheet1.xml)" '<rowBreaks count="2"' ".xlsx has two page breaks"

lf export summary --unit 999999 -o x.csv
is_rc 1 "an unknown unit"
contains "$ERR" "没有代码为 999999 的单位" "is named"

# ---------------------------------------------------------------- who may export
# Exports read through the same permission check as every screen and command.
as() { LIANFANG_USER=$1 LIANFANG_PASSWORD=lianfang lf --db demo.db "$@"; }
LIANFANG_USER= LIANFANG_PASSWORD= lf --db demo.db export summary -o nobody.csv
is_rc 1 "nobody signed in may not export"
[ ! -e nobody.csv ]; ok $? "and no file is written"
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db user whoami
staff_name=$(echo "$OUT" | sed -n 's/^当前用户：staff（\(.*\)），.*/\1/p')
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db export summary -o staff.csv
is_rc 1 "staff may not export the whole unit's summary"
contains "$ERR" "纪检监察" "the refusal names a role that may"
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db export selfcheck_table --person "$staff_name" -o own.csv
is_rc 0 "staff may export their own self-check ($staff_name)"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export summary --dept 登记注册科 -o head.csv
is_rc 0 "a head may export their department's summary"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export summary --dept 财务科 -o other.csv
is_rc 1 "but not another department's"
[ ! -e other.csv ]; ok $? "and no file is written"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db import summary head.csv --dry-run
is_rc 1 "a head may not import"
contains "$ERR" "纪检监察" "the refusal names the discipline office"

done_testing
