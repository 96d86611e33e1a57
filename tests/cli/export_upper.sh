#!/bin/sh
# An upper level exports a lower unit's tables (--unit) from what the lower
# unit sent: the same model reads them, so the city's copy of a county's
# tables is byte for byte the county's own.
. "$LIANFANG_TOP/tests/lib.sh"
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

lf demo --unit-code 620921 --unit-name 金塔县市场监督管理局 --parent-code 620900 --seed 2 county.db
is_rc 0 "a county"
lf init --unit-code 620900 --unit-name 酒泉市市场监督管理局 --parent-code 620000 city.db
is_rc 0 "its city"
lf --db county.db pack --up -o up.lfb
is_rc 0 "the county packs up"
lf --db city.db merge up.lfb
is_rc 0 "the city merges it"

for t in summary selfcheck_table register_unit register_dept register_person power_table risk_register; do
	lf --db county.db export "$t" -o "county-$t.csv"
	is_rc 0 "the county exports $t"
	lf --db city.db export "$t" --unit 620921 -o "city-$t.csv"
	is_rc 0 "the city exports the county's $t"
	same_file "county-$t.csv" "city-$t.csv" "$t: the same bytes"
done
lf --db county.db export summary --dept 登记注册科 --cycle 2026 -o county-dept.csv
lf --db city.db export summary --unit 620921 --dept 登记注册科 --cycle 2026 -o city-dept.csv
same_file county-dept.csv city-dept.csv "one department of one year: the same bytes"
lf --db city.db export summary -o city-own.csv
is_rc 1 "the city has no year of its own"
contains "$ERR" "单位 620900 还没有任何年度的工作记录" "and says so"
lf --db city.db export summary --unit 620921 --dept 没有这个科 -o x.csv
is_rc 1 "a department the county does not have"
contains "$ERR" "单位 620921 没有名为“没有这个科”的处室（有：局领导班子、办公室" "lists the county's departments"
done_testing
