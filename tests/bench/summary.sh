#!/bin/sh
# Benchmark of the phase-2 screens: the real program in a pseudo-terminal
# (tests/tui/harness.c) on a unit with 100,000 risk points against one with
# 1,000 — opening the summary table, paging down, a full-text search, the
# heat map, and the self-check list — each from the key to the screen
# showing the result, printed as a ratio large/small. Keyset pages should
# stay near 1×; the heat map counts the whole cycle and grows with it.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
B=${LIANFANG_BUILD:-$top/build}
L="$B/lianfang"
H="$B/san/tui-harness"
[ -x "$H" ] || make -C "$top" --no-print-directory "$H" >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lianfang-bench-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM
export LIANFANG_NOW=2026-11-23T08:00:00Z TERM=xterm LC_ALL=C.UTF-8

make_db() { # file depts posts risks
	"$L" init --unit-code 620902 --unit-name 基准测试单位 "$1" >/dev/null
	# an administrator and a discipline officer "ji" (bulk.sql adds its own
	# accounts without passwords): the screens read as ji, the whole unit
	printf 'lianfang\n' | LIANFANG_USER=admin "$L" --db "$1" user add admin --name 管理员 --role admin \
		--password-stdin >/dev/null
	printf 'lianfang\n' | LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang "$L" --db "$1" user add ji \
		--name 纪检干部 --role discipline --password-stdin >/dev/null
	LIANFANG_USER=ji LIANFANG_PASSWORD=lianfang "$L" --db "$1" cycle add 2026 >/dev/null
	sqlite3 "$1" -cmd ".parameter set :depts $2" -cmd ".parameter set :posts $3" \
		-cmd ".parameter set :risks $4" <"$top/tests/bench/bulk.sql"
}

run() { # db
	LIANFANG_USER=ji LIANFANG_PASSWORD=lianfang "$H" -t 60000 -- "$L" --db "$1" <<'EOS'
wait 1 年度工作
clock
type 0
wait 第 1 页，下面还有
clock-report summary-open
clock
key Space
wait 第 2 页
clock-report summary-pgdn
clock
type /
type 礼品礼金，编号1
key Enter
wait 查找“礼品礼金，编号1”
wait 全文索引查找
clock-report summary-search
key Esc
wait-gone 首页 ›
wait 1 年度工作
clock
type h
wait 个风险点，按审定等级
clock-report heatmap
key Esc
wait-gone 首页 ›
wait 1 年度工作
clock
type 9
wait 第 1 页，下面还有
clock-report selfcheck-list
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
EOS
}

make_db "$tmp/small.db" 10 20 5
make_db "$tmp/large.db" 100 200 5
for i in 1 2 3; do run "$tmp/small.db"; done | sed -n 's/^# time //p' >"$tmp/small.txt"
for i in 1 2 3; do run "$tmp/large.db"; done | sed -n 's/^# time //p' >"$tmp/large.txt"

best() { sort -k1,1 -k2,2n "$1" | awk '!seen[$1]++'; }
echo "phase-2 screens, best of 3: 100,000 risk points against 1,000 (key to result on screen)"
best "$tmp/small.txt" >"$tmp/s"
best "$tmp/large.txt" >"$tmp/l"
join "$tmp/s" "$tmp/l" | awk '{ r = $2 > 0 ? $3 / $2 : $3; printf "  %-16s %7.1f×  (%.0f ms on the large unit)\n", $1, r, $3 / 1000 }'
