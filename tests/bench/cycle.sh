#!/bin/sh
# Benchmark of the phase-2 lists: the same model calls on a small unit
# (1,000 risk points) and a large one (20,000 risk points, 40,000 measures,
# 4,000 posts), printed as ratios — large/small for each call, and a page deep
# in the summary table against its first page. Keyset pages should stay near
# 1×, also for a head (*-head: one department of 50) and a staff member
# (*-staff: one post), whose lists are filtered by their reach; whole-cycle
# aggregates (heat map, progress) grow with the data.
# Self-contained: builds its own databases and driver in a temporary directory.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
B=${LIANFANG_BUILD:-$top/build}
L="$B/lianfang"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lianfang-bench-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM
export LIANFANG_NOW=2026-11-23T08:00:00Z LIANFANG_USER=bench

libs=$(sed -n 's/^PKG_LIBS := //p' "$B/config.mk")
cflags=$(sed -n 's/^PKG_CFLAGS := //p' "$B/config.mk")
objs=$(find "$B/obj/src" -name '*.o' ! -name main.o)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -O2 -I"$top/include" $cflags \
	-o "$tmp/lists" "$top/tests/bench/lists.c" $objs "$B/obj/embedded.o" $libs

make_db() { # file depts posts risks
	"$L" init --unit-code 620902 --unit-name 基准测试单位 "$1" >/dev/null
	"$L" --db "$1" cycle add 2026 >/dev/null
	sqlite3 "$1" -cmd ".parameter set :depts $2" -cmd ".parameter set :posts $3" \
		-cmd ".parameter set :risks $4" <"$top/tests/bench/bulk.sql"
}

make_db "$tmp/small.db" 10 20 5
make_db "$tmp/large.db" 50 80 5
"$tmp/lists" "$tmp/small.db" 15 100 >"$tmp/small.txt"
"$tmp/lists" "$tmp/large.db" 15 2000 >"$tmp/large.txt"

echo "phase-2 lists, median of 15 runs: 20,000 risks against 1,000 (pages of 50 rows)"
sort "$tmp/small.txt" >"$tmp/s" && sort "$tmp/large.txt" >"$tmp/l"
join "$tmp/s" "$tmp/l" | awk '{ r = $2 > 0 ? $3 / $2 : 0; printf "  %-20s %6.1f×\n", $1, r }'
awk '$1 == "summary-first" { f = $2 } $1 == "summary-deep" { d = $2 }
     END { if (f > 0) printf "  summary page half way down the large table against its first page: %.1f×\n", d / f }' \
	"$tmp/large.txt"
