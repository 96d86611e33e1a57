#!/bin/sh
# lianfang demo, check and dump: a realistic unit, deterministic by seed.
. "$LIANFANG_TOP/tests/lib.sh"

lf demo a.db
is_rc 0 "demo builds a database"
contains "$OUT" "620902 肃州区市场监督管理局" "the default unit"
lf check a.db
is_rc 0 "the demo checks clean"
golden demo-check "$OUT"
lf dump a.db
is_rc 0 "dump succeeds"
echo "$OUT" >a.jsonl
n=$(wc -l <a.jsonl)
[ "$n" -gt 300 ]
ok $? "the demo has many records ($n)"
for kind in unit dept post person cycle plan group_member meeting power flow_step selfcheck risk measure review notice comment task warning disposition inspection finding rectification response; do
	grep -q "\"kind\":\"$kind\"" a.jsonl
	ok $? "the demo has $kind records"
done
for word in 受理审查 核准登记 立销案管理 调查取证 行政处罚自由裁量 罚没财物管理 干部选拔任用 财务审核审批; do
	grep -q "$word" a.jsonl
	ok $? "the demo draws on the seeds: $word"
done
for level in 1 2 3; do
	grep '"kind":"risk"' a.jsonl | grep -q "\"level\":$level,"
	ok $? "the demo has risks at level $level"
done
for cat in 行政审批 行政执法 干部队伍管理 财务、资产管理 其他; do
	grep '"kind":"risk"' a.jsonl | grep -q "\"category\":\"$cat\""
	ok $? "the demo has risks in category $cat"
done

lf demo b.db
lf dump b.db
echo "$OUT" >b.jsonl
same_file a.jsonl b.jsonl "the same seed gives a byte-identical dump"
lf dump a.db
echo "$OUT" >a2.jsonl
same_file a.jsonl a2.jsonl "dumping twice gives the same bytes"
unset LIANFANG_SEED
LIANFANG_NOW=2027-01-01T00:00:00Z LIANFANG_USER=someone lf demo c.db
lf dump c.db
echo "$OUT" >c.jsonl
same_file a.jsonl c.jsonl "the demo does not depend on the clock, the user or LIANFANG_SEED"
lf demo --seed 2 d.db
lf dump d.db
echo "$OUT" >d.jsonl
cmp -s a.jsonl d.jsonl
ok $((! $?)) "another seed gives other data"
lf check d.db
is_rc 0 "which also checks clean"

lf demo --unit-code 620921 --unit-name 金塔县市场监督管理局 --parent-code 620900 e.db
is_rc 0 "demo for another unit"
lf dump e.db
contains "$OUT" '"code":"620921","name":"金塔县市场监督管理局","parent":"620900"' "with its code, name and parent"

before=$(sum_of a.db)
lf demo a.db
is_rc 1 "demo never overwrites"
[ "$(sum_of a.db)" = "$before" ]
ok $? "the existing file is unchanged"
lf demo --seed -3 f.db
is_rc 2 "a negative seed is a usage error"
lf demo --seed abc f.db
is_rc 2 "a non-numeric seed is a usage error"
[ ! -e f.db ]
ok $? "and nothing is created"
ls | grep -q partial
ok $((! $?)) "no partial file is left"

done_testing
