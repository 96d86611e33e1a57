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
# Exports read through the model: each user gets the part of a table the
# lists show them — own post, covered departments, the unit — with the same
# note; nobody signed in gets nothing.
q() { sqlite3 demo.db "$1"; }
# The data rows of a CSV export (after the header row, before the footer).
rows_of() { # file
	awk -F, 'found && /^[0-9]+,/ { print } /^序号,/ { found = 1 }' "$1"
}
LIANFANG_USER= LIANFANG_PASSWORD= lf --db demo.db export summary -o nobody.csv
is_rc 1 "nobody signed in may not export"
contains "$ERR" "尚未登录" "and is told to sign in"
[ ! -e nobody.csv ]; ok $? "and no file is written"
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db user whoami
staff_name=$(echo "$OUT" | sed -n 's/^当前用户：staff（\(.*\)），.*/\1/p')
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db export summary -o staff.csv
is_rc 0 "staff exporting the unit's summary"
contains "$OUT" "（只显示你有权查看的：本人岗位（受理审查岗））" "gets their own post, and is told so as the lists say it"
n=$(q "SELECT count(*) FROM risk r JOIN post p ON p.gid = r.post WHERE p.name = '受理审查岗' AND r.deleted = 0 AND r.retired = 0")
[ "$(rows_of staff.csv | wc -l)" -eq "$n" ] && [ "$n" -gt 0 ]
ok $? "every risk of 受理审查岗 ($n) and nothing else"
[ -z "$(rows_of staff.csv | grep -v ',受理审查岗,')" ]; ok $? "every row is of 受理审查岗"
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db export selfcheck_table --person "$staff_name" -o own.csv
is_rc 0 "staff may export their own self-check ($staff_name)"
LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang lf --db demo.db export summary --dept 财务科 -o staff-other.csv
is_rc 1 "but not another department's table"
contains "$ERR" "纪检监察" "the refusal names a role that may"
# Regression: a staff member refused a department's table was told
# "这是岗位“”的事项", naming no post.
contains "$ERR" "不能查看：这是财务科的事项，科员只能处理本人岗位的事项" "and the department it concerns"
[ ! -e staff-other.csv ]; ok $? "and no file is written"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export summary --dept 登记注册科 -o head.csv
is_rc 0 "a head may export their department's summary"
lacks "$OUT" "只显示" "all of it: no note"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export summary -o head-unit.csv
is_rc 0 "a head exporting the unit's summary"
contains "$OUT" "（只显示你有权查看的：登记注册科）" "gets their department, and is told so"
n=$(q "SELECT count(*) FROM risk r JOIN post p ON p.gid = r.post JOIN dept d ON d.gid = p.dept WHERE d.name = '登记注册科' AND r.deleted = 0 AND r.retired = 0")
[ "$(rows_of head-unit.csv | wc -l)" -eq "$n" ] && [ -z "$(rows_of head-unit.csv | grep -v '^[0-9]*,登记注册科,')" ]
ok $? "the $n risks of 登记注册科 and no others"
rows_of head-unit.csv | cut -d, -f3- >a.rows
rows_of head.csv | cut -d, -f2- >b.rows
same_file a.rows b.rows "the same rows as the department's own table"
[ "$(tr -d '\r' <head-unit.csv | grep -A1 '^局主要领导意见：$' | tail -1)" = "签字：　　　　　　　　　　　年　　月　　日" ]
ok $? "the unit's opinions, which a head may not read, are left to sign by hand"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export summary --format csv -o -
contains "$ERR" "（只显示你有权查看的：登记注册科）" "with -o - the note goes to standard error"
lacks "$OUT" "只显示" "not into the table"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export summary --dept 财务科 -o other.csv
is_rc 1 "but not another department's"
[ ! -e other.csv ]; ok $? "and no file is written"
LIANFANG_USER=leader LIANFANG_PASSWORD=lianfang lf --db demo.db export register_dept -o leader.csv
is_rc 0 "a leader in charge exports the departments' registers"
contains "$OUT" "（只显示你有权查看的：办公室、登记注册科、消费者权益保护科、本人岗位（分管副局长（登记审批）））" \
	"their departments and own post"
[ "$(grep -c '部门廉政风险点和防范措施登记表' leader.csv)" = 4 ]; ok $? "one register each"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db export power_table -o head-powers.csv
is_rc 0 "a head exports the power table"
contains "$OUT" "（只显示你有权查看的：登记注册科）" "of their department"
LIANFANG_USER=head LIANFANG_PASSWORD=lianfang lf --db demo.db import summary head.csv --dry-run
is_rc 1 "a head may not import"
contains "$ERR" "纪检监察" "the refusal names the discipline office"

# ---------------------------------------------------------------- the unit's level names
# Regression: the export read level names from a setting of its own
# ("grade.level_names") that nothing writes, so a unit that names its levels
# 一级…三级 (seed 003: 一级 highest) still exported 高/中/低. The grading
# scheme is the one source.
cp demo.db levels.db
LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang lf --db levels.db scheme preset 一级最高
is_rc 0 "the unit names its levels 一级 (highest) … 三级"
lf --db levels.db export summary --table-only --encoding utf-8 -o levels.csv
is_rc 0 "exported"
high=$(q "SELECT count(*) FROM risk WHERE deleted = 0 AND retired = 0 AND ifnull(level, level_proposed) = 3")
[ "$(grep -o ',一级,' levels.csv | wc -l)" -eq "$high" ] && [ "$high" -gt 0 ]
ok $? "the $high high risks are 一级"
[ "$(grep -c ',[高中低],' levels.csv)" = 0 ]; ok $? "and no level is named by the default names"
lf --db levels.db export risk_register --table-only --encoding utf-8 -o levels-reg.csv
contains "$(cat levels-reg.csv)" ",三级," "the register names them too"

done_testing
