#!/bin/sh
# Benchmark of what travels: the USB exchange and the exports.
#
#   merge   a city merging the bundles of 20 demo counties against 2, time
#           per revision (should stay near 1×: each revision costs the same),
#           and the peak memory of the merge process (a bundle is read row by
#           row, so memory should not grow with it);
#   again   merging the same 20 bundles a second time (all already held)
#           against the first time;
#   export  the unit's summary table of 20,000 risk points against 1,000, as
#           .xlsx and as GBK CSV: time per row and peak memory, large/small.
#
# Ratios only, never absolute times; never fails on speed.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
B=${LIANFANG_BUILD:-$top/build}
L="$B/lianfang"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lianfang-bench-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM
export LIANFANG_NOW=2026-11-23T08:00:00Z
unset LIANFANG_USER LIANFANG_PASSWORD

now() { date +%s%N; }
# peak resident memory in kB of one command (GNU time when there is one,
# else 0 and the memory ratios are left out)
peak() { # out-file command…
	out=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$out" "$@" >/dev/null 2>&1 || true
	else
		echo 0 >"$out"
		"$@" >/dev/null 2>&1 || true
	fi
}

# ---------------------------------------------------------------- the exchange
i=1
while [ $i -le 20 ]; do
	c=$((620920 + i))
	"$L" demo --unit-code $c --unit-name "县$c" --parent-code 620900 --seed $i "$tmp/c$i.db" >/dev/null
	LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang "$L" --db "$tmp/c$i.db" pack --up -o "$tmp/c$i.lfb" >/dev/null
	i=$((i + 1))
done
city() { "$L" init --unit-code 620900 --unit-name 酒泉市 --parent-code 620000 "$1" >/dev/null; }
merge_all() { # db n: merge bundles 1..n, print nanoseconds
	t0=$(now)
	k=1
	while [ $k -le "$2" ]; do
		"$L" --db "$1" merge "$tmp/c$k.lfb" >/dev/null
		k=$((k + 1))
	done
	echo $(($(now) - t0))
}
revs() { sqlite3 "$1" "SELECT count(*) FROM rev"; }

city "$tmp/s.db"
city "$tmp/l.db"
ts=$(merge_all "$tmp/s.db" 2)
tl=$(merge_all "$tmp/l.db" 20)
ta=$(merge_all "$tmp/l.db" 20)
rs=$(revs "$tmp/s.db")
rl=$(revs "$tmp/l.db")
city "$tmp/m.db"
peak "$tmp/ms" "$L" --db "$tmp/m.db" merge "$tmp/c1.lfb"
# one bundle holding all 20 counties: the city packs up what it merged
LIANFANG_USER= "$L" --db "$tmp/l.db" pack --up -o "$tmp/city.lfb" >/dev/null
"$L" init --unit-code 620000 --unit-name 甘肃省 "$tmp/p.db" >/dev/null
peak "$tmp/ml" "$L" --db "$tmp/p.db" merge "$tmp/city.lfb"

echo "exchange: 20 demo counties ($rl revisions) against 2 ($rs)"
awk -v ts="$ts" -v tl="$tl" -v ta="$ta" -v rs="$rs" -v rl="$rl" 'BEGIN {
	printf "  merge, time per revision           %6.1f×\n", (tl / rl) / (ts / rs)
	printf "  the same 20 again, against the first %4.1f×\n", ta / tl }'
awk -v a="$(cat "$tmp/ms")" -v b="$(cat "$tmp/ml")" 'BEGIN {
	if (a > 0) printf "  peak memory, one bundle of 20 counties against one county: %.1f×\n", b / a }'

# ---------------------------------------------------------------- the exports
make_db() { # file depts posts risks
	"$L" init --unit-code 620902 --unit-name 基准测试单位 "$1" >/dev/null
	"$L" --db "$1" cycle add 2026 >/dev/null
	sqlite3 "$1" -cmd ".parameter set :depts $2" -cmd ".parameter set :posts $3" \
		-cmd ".parameter set :risks $4" <"$top/tests/bench/bulk.sql"
	# the discipline office signs in as this system user, without a password
	sqlite3 "$1" "UPDATE account SET sys_user = '$(id -un)' WHERE login = 'discipline'"
}
make_db "$tmp/small.db" 10 20 5
make_db "$tmp/large.db" 50 80 5
export_time() { # db format encoding out → nanoseconds
	t0=$(now)
	"$L" --db "$1" export summary --format "$2" --encoding "$3" -o "$4" >/dev/null
	echo $(($(now) - t0))
}
echo "exports: the unit's summary table, 20,000 risk points against 1,000"
for f in "xlsx utf-8" "csv gbk"; do
	set -- $f
	s=$(export_time "$tmp/small.db" "$1" "$2" "$tmp/s.$1")
	l=$(export_time "$tmp/large.db" "$1" "$2" "$tmp/l.$1")
	peak "$tmp/xs" "$L" --db "$tmp/small.db" export summary --format "$1" --encoding "$2" -o "$tmp/s2.$1"
	peak "$tmp/xl" "$L" --db "$tmp/large.db" export summary --format "$1" --encoding "$2" -o "$tmp/l2.$1"
	awk -v s="$s" -v l="$l" -v ms="$(cat "$tmp/xs")" -v ml="$(cat "$tmp/xl")" -v f="$1 $2" 'BEGIN {
		printf "  %-10s time per row %5.1f×", f, (l / 20000) / (s / 1000)
		if (ms > 0) printf ", peak memory %.1f×", ml / ms
		printf "\n" }'
done
