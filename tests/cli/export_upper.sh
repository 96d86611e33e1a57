#!/bin/sh
# An upper level exports a lower unit's tables (--unit) from what the lower
# unit sent: the same model reads them, so the city's copy of a county's
# tables is byte for byte the county's own — with the county's level names.
. "$LIANFANG_TOP/tests/lib.sh"
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

lf demo --unit-code 620921 --unit-name 金塔县市场监督管理局 --parent-code 620900 --seed 2 county.db
is_rc 0 "a county"
# Regression: the levels of another unit's table were named by this
# database's scheme, not by the unit's own (its settings travel with it).
LIANFANG_USER=admin lf --db county.db scheme preset 一级最高
is_rc 0 "the county names its levels 一级 (highest) … 三级"
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
contains "$(cat city-summary.csv)" ",一级," "the city names the county's levels as the county does"
lacks "$(cat city-summary.csv)" ",高," "not by its own names"
lf --db county.db export summary --dept 登记注册科 --cycle 2026 -o county-dept.csv
lf --db city.db export summary --unit 620921 --dept 登记注册科 --cycle 2026 -o city-dept.csv
same_file county-dept.csv city-dept.csv "one department of one year: the same bytes"
lf --db city.db export summary -o city-own.csv
is_rc 1 "the city has no year of its own"
contains "$ERR" "单位 620900 还没有任何年度的工作记录" "and says so"
lf --db city.db export summary --unit 620921 --dept 没有这个科 -o x.csv
is_rc 1 "a department the county does not have"
contains "$ERR" "单位 620921 没有名为“没有这个科”的处室（有：局领导班子、办公室" "lists the county's departments"

# Another unit's tables are for whoever reads the whole unit: a role that
# covers departments or a post covers this unit's, and would get nothing.
printf 'Admin-pass-1\n' >pw
lf --db city.db user add boss --name 局长 --role admin --password-stdin <pw
is_rc 0 "the city gets its first administrator"
LIANFANG_USER=boss LIANFANG_PASSWORD=Admin-pass-1 lf --db city.db dept add --name 办公室
is_rc 0 "a department of the city"
LIANFANG_USER=boss LIANFANG_PASSWORD=Admin-pass-1 lf --db city.db user add chief --name 办公室主任 --role head:办公室 --password-stdin <pw
is_rc 0 "and its head"
for t in selfcheck_table summary power_table; do
	LIANFANG_USER=chief LIANFANG_PASSWORD=Admin-pass-1 lf --db city.db export $t --unit 620921 -o chief.csv
	is_rc 1 "the head of a city department may not export the county's $t"
	contains "$ERR" "不能导出单位 620921 的表格" "is told so, naming the unit"
	[ ! -e chief.csv ]; ok $? "and no file is written"
done
LIANFANG_USER=boss LIANFANG_PASSWORD=Admin-pass-1 lf --db city.db export selfcheck_table --unit 620921 -o boss.csv
is_rc 0 "the administrator, who reads the whole unit, may"
same_file county-selfcheck_table.csv boss.csv "and gets all of it"
done_testing
