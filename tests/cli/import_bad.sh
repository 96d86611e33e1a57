#!/bin/sh
# lianfang import: every kind of bad input is refused with a message that
# names the file, the line, the column or the byte, and changes nothing.
. "$LIANFANG_TOP/tests/lib.sh"
# The demo has accounts: the discipline office reads the whole unit and imports.
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 t.db
is_rc 0 "an empty database"
export LIANFANG_DB="$T_DIR/t.db"
"$LIANFANG" dump t.db >before.dump

HEAD='处室,姓名,岗位名称,潜在风险,防控措施,风险等级'
ROW='登记注册科,张三,受理审查岗,违规受理,1.公开办事指南,中'

refused() { # file expected-message description [extra import options]
	f=$1 want=$2 what=$3
	shift 3
	lf import summary "$f" "$@"
	is_rc 1 "$what: refused"
	contains "$ERR" "$want" "$what: says why"
}

# ---------------------------------------------------------------- quoting
printf '%s\n' "$HEAD" "$ROW" '登记注册科,李四,核准登记岗,"先发照,1.抽查,高' "$ROW" >unclosed.csv
refused unclosed.csv "unclosed.csv：第 3 行第 4 列的引号直到文件末尾都没有结束" "a quote never closed"
printf '%s\n' "$HEAD" '登记注册科,李四,核准登记岗,"先发照"后审核,1.抽查,高' "$ROW" >after.csv
refused after.csv "after.csv：第 2 行第 4 列：引号结束后紧接着还有内容（“?”）" "text after a closing quote"
printf '%s\n' "$HEAD" '登记注册科,李四,核准登记岗,先发照"后"审核,1.抽查,高' >bare.csv
refused bare.csv "第 2 行第 4 列：没有用引号括起来的内容中间出现了引号" "a quote inside an unquoted field"

# ---------------------------------------------------------------- columns
printf '%s\n' '处室,姓名,岗位名称,防控措施,风险等级' '登记注册科,张三,受理审查岗,1.公开,中' >missing.csv
refused missing.csv "missing.csv 第 1 行：表中没有“潜在风险”（或“风险点”）列。" "a missing column"
printf '%s\n' "$HEAD,联系电话" "$ROW,13900000000" >unknown.csv
refused unknown.csv "第 7 列“联系电话”不是“单位（处室）廉政风险点及防控措施汇总表”的列" "an unknown column"
printf '%s\n' "$HEAD,岗位" "$ROW,受理审查岗" >twice.csv
refused twice.csv "列“岗位”（第 7 列）和“岗位名称”（第 3 列）是同一项" "the same column twice"
printf '%s\n' "$HEAD" "$ROW,多出来的" >extra.csv
refused extra.csv "extra.csv 第 2 行：第 7 列有内容，但这一列没有列名。" "a cell beyond the last column"

# ---------------------------------------------------------------- bytes and encodings
printf '%s\n' "$HEAD" "$ROW" | iconv -f UTF-8 -t GBK >gbk.csv
refused gbk.csv "第 1 行第 1 个字节（文件第 1 个字节）起的 B4 A6 CA D2 不是有效的 UTF-8 编码" "GBK declared as UTF-8" --encoding utf-8
{ printf '%s\n' "$HEAD" | iconv -f UTF-8 -t GBK; printf '\265\307\274\307,\377\376\n'; } >badgbk.csv
refused badgbk.csv "第 2 行第 6 个字节（文件第" "invalid bytes in declared GBK" --encoding gbk
contains "$ERR" "起的 FF FE 0A 不是有效的 GBK 编码" "the bytes are shown"
refused badgbk.csv "起的 FF FE 0A 不是有效的 GB18030 编码" "invalid bytes when detected as GBK/GB18030"
printf '\357\273\277%s\n' "$HEAD" "$ROW" >bom.csv
refused bom.csv "开头有 UTF-8 的标记（BOM），是 UTF-8 文件，但指定了 --encoding gbk" "a UTF-8 BOM declared as GBK" --encoding gbk
printf '%s\n' "$HEAD" "$ROW" | iconv -f UTF-8 -t UTF-16 >utf16.csv
refused utf16.csv "是 UTF-16 编码的文本" "UTF-16"
printf '%s\n' "$HEAD" "登记注册科,张三,受理审查岗,违规$(printf '\001')受理,1.公开,中" >control.csv
refused control.csv "control.csv 第 2 行“潜在风险”列：含有控制字符" "a control character"
printf '%s\n%s\0\n' "$HEAD" "$ROW" >nul.csv
refused nul.csv "nul.csv 含有零字节，不是文本文件" "a NUL byte"

# ---------------------------------------------------------------- files of another kind
lf demo other.db
lf --db other.db export summary -o other.xlsx
refused other.xlsx "是 .xlsx（或其他压缩包）文件，不是 CSV" "an .xlsx file"
refused other.db "是 SQLite 数据库文件，不是表格" "a database"
printf '%%PDF-1.4\n' >doc.pdf
refused doc.pdf "是 PDF 文件" "a PDF"
printf '\320\317\021\340\241\261\032\341rest' >old.xls
refused old.xls "旧版 Excel（.xls）" "an .xls file"
lf --db other.db export power_table -o power.csv
refused power.csv "这个文件像是“职权运行和廉政风险防控措施表”" "another table"
printf '%s\n' 'name,email' 'a,b@c' >contacts.csv
refused contacts.csv "前 30 行里找不到“单位（处室）廉政风险点及防控措施汇总表”的列名" "a CSV of something else"
lf import summary /nonexistent.csv
is_rc 1 "a file that is not there"
contains "$ERR" "找不到文件 /nonexistent.csv" "says so"
mkdir adir
refused adir "adir 不是普通文件" "a directory"

# ---------------------------------------------------------------- empty
: >empty.csv
refused empty.csv "empty.csv 是空文件" "an empty file"
printf '\357\273\277' >bomonly.csv
refused bomonly.csv "bomonly.csv 是空文件" "a BOM and nothing else"
printf '\n\r\n  \n' >blank.csv
refused blank.csv "文件里没有内容（只有空行）" "only blank lines"
printf '%s\n' "$HEAD" >header.csv
refused header.csv "表中只有列名，没有数据行" "only the header"

# ---------------------------------------------------------------- values
long=$(awk 'BEGIN { for (i = 0; i < 2001; i++) printf "险" }')
printf '%s\n' "$HEAD" "登记注册科,张三,受理审查岗,$long,1.公开,中" >long.csv
refused long.csv "long.csv 第 2 行“潜在风险”列：有 2001 个字，最多 2000 个。" "a field longer than the record allows"
huge=$(awk 'BEGIN { for (i = 0; i < 300000; i++) printf "x" }')
printf '%s\n' "$HEAD" "登记注册科,张三,受理审查岗,$huge,1.公开,中" "$ROW" >huge.csv
refused huge.csv "第 2 行第 4 列的内容超过 256 KB" "a 300 KB field"
printf '%s\n' "$HEAD" '登记注册科,张三,受理审查岗,违规受理,1.公开,很高' '登记注册科,张三,,违规受理,1.公开,中' \
	'登记注册科,张三,受理审查岗,违规受理,1.公开,低' >values.csv
refused values.csv "values.csv 第 2 行“风险等级”列：“很高”不是风险等级（应为 高、中、低 之一）。" "a level that is not one"
contains "$ERR" "values.csv 第 3 行“岗位名称”列：是空的。" "every bad row is listed, not just the first"
lacks "$ERR" "第 4 行" "the good row is not"
printf '%s\n' '岗位名称,潜在风险' '受理审查岗,违规受理' >nodept.csv
refused nodept.csv "请用 --dept 指定这些风险点属于哪个处室" "no department anywhere"

lf import summary unclosed.csv --encoding latin1
is_rc 2 "an unknown encoding is a usage error"

"$LIANFANG" dump t.db >after.dump
same_file before.dump after.dump "nothing was written by any of them"
ls ./*.partial-* >/dev/null 2>&1
ok $((!$?)) "and no temporary files"

done_testing
