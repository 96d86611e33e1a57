#!/bin/sh
# lianfang import: the summary table out and back in gives the same records;
# twice adds nothing; a dry run changes nothing; one bad row stops all.
. "$LIANFANG_TOP/tests/lib.sh"
# The demo has accounts: the discipline office reads the whole unit and imports.
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

UNIT="--unit-code 620902 --unit-name 肃州区市场监督管理局 --parent-code 620900"
fresh() { # file
	rm -f "$1"
	lf init $UNIT "$1"
}
count() { # db kind
	"$LIANFANG" dump "$1" | grep -c "\"kind\":\"$2\""
}

lf demo demo.db
is_rc 0 "demo database"
lf --db demo.db export summary -o summary.csv
is_rc 0 "the demo's summary table exported"

# ---------------------------------------------------------------- round trip
fresh fresh.db
"$LIANFANG" dump fresh.db >empty.dump
lf --db fresh.db import summary summary.csv --dry-run
is_rc 0 "dry run"
golden import-dry-run.out "$OUT"
"$LIANFANG" dump fresh.db >after-dry.dump
same_file empty.dump after-dry.dump "a dry run changes nothing"
lf --db fresh.db import summary summary.csv
is_rc 0 "import into a fresh database"
contains "$OUT" "新建风险点 25 个" "25 risk points made"
lf --db fresh.db export summary -o again.csv
same_file summary.csv again.csv "exported again, the summary table is byte for byte the same"
for k in dept post risk measure; do
	[ "$(count fresh.db $k)" -gt 0 ]
	ok $? "fresh database has ${k} records"
done
[ "$(count fresh.db risk)" = "$(count demo.db risk)" ] && [ "$(count fresh.db measure)" = "$(count demo.db measure)" ] &&
	[ "$(count fresh.db dept)" = "$(count demo.db dept)" ]
ok $? "as many departments, risks and measures as the demo"
lf check fresh.db
is_rc 0 "the imported database passes lianfang check"

# ---------------------------------------------------------------- twice adds nothing
"$LIANFANG" dump fresh.db >once.dump
lf --db fresh.db import summary summary.csv
is_rc 0 "the same file again"
contains "$OUT" "已有风险点 25 个" "every risk is found"
lacks "$OUT" "新建" "nothing is made"
"$LIANFANG" dump fresh.db >twice.dump
same_file once.dump twice.dump "the records are exactly as they were"
lf --db demo.db import summary summary.csv
is_rc 0 "the table into the database it came from"
lacks "$OUT" "新建" "nothing new there either"

# ---------------------------------------------------------------- through the model
# The import finds and makes records through the model, so its permission
# checks and its audit apply: the discipline office records risks of a post
# and decides levels; a risk on a person's self-check form is that person's
# words, which an import does not change.
cp demo.db model.db
lf --db model.db export risk_register -o own.csv
"$LIANFANG" dump model.db >demo-before.dump
sed '5s/,其他,权力行使,/,民主决策,权力行使,/' own.csv >form-changed.csv
cmp -s own.csv form-changed.csv && echo "# the category was not changed: the test data moved"
lf --db model.db import risk_register form-changed.csv
is_rc 1 "a table changing a risk on 吕明辉's self-check form"
contains "$ERR" "form-changed.csv 第 5 行：不能填写或修改自查表、风险点和措施：这是吕明辉（岗位“局长”）的自查表" \
	"is refused by the model, naming the row and whose form it is"
contains "$ERR" "第 5 行无法导入（见上），没有导入任何内容" "and says nothing was imported"
"$LIANFANG" dump model.db >demo-after.dump
same_file demo-before.dump demo-after.dump "nothing changed"
sed '5s/,2,3,高,高,,/,2,3,高,中,,/' own.csv >level-no-reason.csv
lf --db model.db import risk_register level-no-reason.csv
is_rc 1 "a level other than the matrix proposes, without a reason"
contains "$ERR" "level-no-reason.csv 第 5 行“风险等级”列：“中”与本单位的矩阵建议的“高”不同，须在“调整理由”列写明调整理由。" \
	"is a bad row, found before anything is applied"
sed '5s/,2,3,高,高,,/,2,3,高,中,经领导小组集体研究，影响可控,/' own.csv >level.csv
lf --db model.db import risk_register level.csv
is_rc 0 "with the reason, the discipline office decides that form's risk's level"
contains "$OUT" "修改风险点 1 个" "that risk is changed"
lf --db model.db export risk_register --format csv --table-only --encoding utf-8 -o -
contains "$OUT" ",2,3,高,中,经领导小组集体研究，影响可控," "the level and its reason, beside the proposal"
lf --db model.db selfcheck list
contains "$OUT" "吕明辉" "the form is listed"
lacks "$(echo "$OUT" | grep 吕明辉)" "填写中" "and the leadership's level did not send it back to draft"
printf '%s\r\n' '处室,姓名,岗位名称,潜在风险,防控措施,风险等级' '办公室,新来的,文印岗,私自复印涉密文件,1.前期预防：复印登记,中' >new.csv
lf --db model.db import summary new.csv --cycle 2026
is_rc 0 "a risk of a new post, of a person who has no form"
contains "$OUT" "新建风险点 1 个" "is made"
lf --db model.db audit log --actor discipline
contains "$OUT" "discipline 新建 风险点" "the audit log names who made it"
contains "$OUT" "风险描述：私自复印涉密文件" "and what"
lf --db model.db import summary new.csv --cycle 2026
is_rc 0 "the same row again"
lacks "$OUT" "新建" "makes nothing"
LIANFANG_USER=head lf --db model.db import summary new.csv --cycle 2026
is_rc 1 "a head may not import even what is there"

# ---------------------------------------------------------------- the unit's grading scheme
# Rows are checked against the scheme the model applies: every bad one is
# listed before anything is applied.
{
	printf '%s\r\n' '处室,岗位,姓名,风险点,风险类别,查找方式,发生概率,危害程度,建议等级,风险等级,调整理由,防控措施'
	printf '%s\r\n' '办公室,出纳岗,赵六,白条抵库,财务、资产管理,个人自查,2,3,高,高,,钱账分管'
	printf '%s\r\n' '办公室,出纳岗,赵六,公款私存,财务资产,个人自查,2,2,中,中,,定期对账'
	printf '%s\r\n' '办公室,出纳岗,赵六,坐支现金,财务、资产管理,听说,4,1,低,低,,日清日结'
	printf '%s\r\n' '办公室,出纳岗,赵六,私设小金库,财务、资产管理,个人自查,1,1,高,高,,定期审计'
	printf '%s\r\n' '办公室,出纳岗,赵六,虚列支出,财务、资产管理,个人自查,,,中,中,,严格审核'
} >scheme.csv
fresh scheme.db
lf --db scheme.db import risk_register scheme.csv --cycle 2026
is_rc 1 "rows the scheme does not allow"
contains "$ERR" "第 3 行“风险类别”列：“财务资产”不是本单位设定的风险类别" "a category not in the unit's list"
contains "$ERR" "第 4 行“查找方式”列：“听说”不是本单位设定的查找方式" "a way of finding not in its list"
contains "$ERR" "第 4 行“发生概率”列：“4”应为 1 到 3 的整数（本单位的矩阵为 3×3）" "a score beyond the matrix"
contains "$ERR" "第 5 行“建议等级”列：“高”与本单位的矩阵不符：发生概率 1、危害程度 1 建议“低”。" \
	"a proposed level the matrix does not give"
contains "$ERR" "第 6 行“建议等级”列：是按本单位的矩阵由“发生概率”和“危害程度”得出的，这一行没有这两项" \
	"a proposed level without the scores"
lacks "$ERR" "第 2 行" "the good row is not listed"
[ "$(count scheme.db risk)" = 0 ]; ok $? "and nothing is imported"

# ---------------------------------------------------------------- GBK, detected
lf --db demo.db export summary --encoding gbk -o summary-gbk.csv
fresh gbk.db
lf --db gbk.db import summary summary-gbk.csv
is_rc 0 "a GBK file"
contains "$OUT" "GBK/GB18030" "is recognised as GBK"
lf --db gbk.db export summary -o gbk-again.csv
same_file summary.csv gbk-again.csv "and gives the same table: UTF-8 → GBK → UTF-8 is exact"
fresh gbk2.db
lf --db gbk2.db import summary summary-gbk.csv --encoding gbk
is_rc 0 "--encoding gbk"

# ---------------------------------------------------------------- one department's table
lf --db demo.db export summary --dept 登记注册科 -o dept.csv
fresh dept.db
lf --db dept.db import summary dept.csv
is_rc 0 "a department's table (no 处室 column)"
contains "$OUT" "新建处室 1 个：登记注册科" "the department comes from the 单位名称 line"
lf --db dept.db export summary --dept 登记注册科 -o dept-again.csv
same_file dept.csv dept-again.csv "and the table is the same"
lf --db demo.db export summary --dept 登记注册科 --table-only -o bare.csv
fresh bare.db
lf --db bare.db import summary bare.csv
is_rc 1 "no 处室 column and no header line"
contains "$ERR" "请用 --dept 指定" "asks for --dept"
lf --db bare.db import summary bare.csv --dept 登记注册科
is_rc 0 "with --dept"
contains "$OUT" "新建处室 1 个：登记注册科" "the rows go to that department"

# ---------------------------------------------------------------- a table typed by hand, saved from Excel
# Other column names, another order, merged cells left empty, numbering 1、 and no stages.
printf '%s\r\n' '2026年度廉政风险点汇总' '部门,岗位,姓名,风险点,防范措施,等级' \
	'办公室,出纳岗,赵六,"白条抵库","1、钱账分管' '2、每月盘点"' \
	',,,"公款私存",定期对账,低' \
	',会计岗,钱七,虚开发票,严格审核,中' '' '处室负责人意见：同意' >hand.csv
fresh hand.db
lf --db hand.db import summary hand.csv --cycle 2026 -v
is_rc 0 "a hand-made table"
contains "$OUT" "新建岗位 2 个：出纳岗、会计岗" "empty cells under merged ones take the value above"
contains "$OUT" "新建人员 2 人：赵六、钱七" "the person is carried down too"
contains "$OUT" "新建防控措施 4 条" "numbered measures split, unnumbered one kept whole"
contains "$OUT" "第 5 行  新建风险点  公款私存" "-v names each record and its line"
lf --db hand.db export summary --format csv --table-only --encoding utf-8 -o -
contains "$OUT" '1,办公室,赵六,出纳岗,,白条抵库,"1.钱账分管
2.每月盘点",,' "measures numbered as the form writes them"

# ---------------------------------------------------------------- a change is an update, not a copy
sed '0,/",高,\r$/s//",中,\r/' summary.csv >changed.csv
cmp -s summary.csv changed.csv && echo "# the level was not changed: the test data moved"
lf --db fresh.db import summary changed.csv
is_rc 0 "a table with one level changed"
contains "$OUT" "修改风险点 1 个" "that risk is updated"
[ "$(count fresh.db risk)" = 25 ]
ok $? "and still 25 risks"

# ---------------------------------------------------------------- all or nothing
"$LIANFANG" dump fresh.db >before-bad.dump
# The whole table, then a good new row, a bad level and an empty risk.
n=$(wc -l <summary.csv)
cp summary.csv bad.csv
printf '%s\r\n' '99,办公室,新人,新岗位,,一个全新的风险点,新措施,低,' \
	'100,办公室,新人,新岗位,,又一个,措施,很高,' '101,办公室,新人,新岗位,,,措施,低,' >>bad.csv
lf --db fresh.db import summary bad.csv
is_rc 1 "a file with bad rows"
contains "$ERR" "bad.csv 第 $((n + 2)) 行“风险等级”列：“很高”不是风险等级（应为 高、中、低 之一）。" "names the line and column"
contains "$ERR" "bad.csv 第 $((n + 3)) 行“潜在风险”列：是空的。" "every bad row is listed"
contains "$ERR" "没有导入任何内容" "says nothing was imported"
"$LIANFANG" dump fresh.db >after-bad.dump
same_file before-bad.dump after-bad.dump "not even the good new row at the end"
lf --db fresh.db import summary bad.csv --dry-run
is_rc 1 "a dry run reports the same"

# ---------------------------------------------------------------- the risk register
lf --db demo.db export risk_register -o register.csv
fresh reg.db
lf --db reg.db import risk_register register.csv
is_rc 0 "the risk register imports"
contains "$OUT" "新建风险点 25 个" "all its risks"
contains "$OUT" "有 25 行的“所属职权”在本单位的职权目录里找不到" "says the powers are not there to link"
lf --db reg.db export risk_register -o register-again.csv
cut -d, -f5 --complement register.csv >a.cut
cut -d, -f5 --complement register-again.csv >b.cut
same_file a.cut b.cut "the register comes back the same but for 所属职权"
lf --db demo.db import risk_register register.csv
is_rc 0 "into the demo, where the powers exist"
lacks "$OUT" "找不到" "every power is found"
lf --db demo.db import power_table register.csv
is_rc 2 "a table that cannot be imported"
contains "$ERR" "可以导入的是 summary" "says which can"

done_testing
