#!/bin/sh
# The demo built through the model: it checks clean, the same seed gives the
# same bytes, and its forms are where the review chain says they are.
. "$LIANFANG_TOP/tests/lib.sh"
# The demo has accounts: read it as the discipline office, which sees the unit.
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

lf demo --seed 3 a.db
is_rc 0 "demo"
lf demo --seed 3 b.db
lf dump a.db
A=$OUT
lf dump b.db
[ "$A" = "$OUT" ]; ok $? "demo --seed 3 twice gives byte-identical dumps"
lf demo --seed 4 c.db
lf dump c.db
[ "$A" != "$OUT" ]; ok $? "another seed gives other data"
lf check a.db
is_rc 0 "lianfang check passes on the demo"
contains "$OUT" "结果：通过" "check says so"

# Every form's status matches its last review step.
bad=$(sqlite3 a.db "SELECT count(*) FROM selfcheck s WHERE status <> CASE
  (SELECT step || '/' || ifnull(result, '') || '/' || ifnull(grade, '') FROM review r
   WHERE r.selfcheck = s.gid ORDER BY signed DESC, id DESC LIMIT 1)
  WHEN 'submit//' THEN 'submitted' WHEN 'head/同意/' THEN 'head_signed' WHEN 'leader/同意/' THEN 'leader_signed'
  WHEN 'assess//准确' THEN 'accepted' WHEN 'assess//比较准确' THEN 'accepted'
  WHEN 'assess//基本准确' THEN 'returned' WHEN 'assess//不准确' THEN 'returned' ELSE 'draft' END")
[ "$bad" = 0 ]; ok $? "each form's status follows from its review history ($bad mismatches)"
n=$(sqlite3 a.db "SELECT count(*) FROM review r JOIN selfcheck s ON s.gid = r.selfcheck
  JOIN person x ON x.gid = s.person WHERE r.step <> 'submit' AND r.signer = x.name")
[ "$n" = 0 ]; ok $? "nobody signed their own form in the demo"

lf --db a.db progress
is_rc 0 "progress on the demo"
contains "$OUT" "合计：岗位 21" "the unit's total"
lf --db a.db summary --limit 5
is_rc 0 "a first page of the summary"
contains "$OUT" "下一页：--after" "says how to get the next page"
next=$(printf '%s' "$OUT" | sed -n 's/.*--after \([0-9.]*\).*/\1/p')
lf --db a.db summary --limit 5 --after "$next"
contains "$OUT" "6. " "the second page goes on from 6"
lf --db a.db summary --after 1.x
is_rc 1 "a malformed page key"
done_testing
