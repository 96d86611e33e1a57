#!/bin/sh
# Benchmark of the screens' lists: the real program in a pseudo-terminal
# (tests/tui/harness.c), the person list of a unit with 1,000,000 persons
# against one with 1,000 — opening it, End, PgUp, Home, PgDn, and a search —
# each from the key to the screen showing the row, printed as a ratio
# large/small. Keyset paging should keep moves near 1×; opening the list
# counts the rows once and grows with them.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
B=${LIANFANG_BUILD:-$top/build}
L="$B/lianfang"
H="$B/san/tui-harness"
[ -x "$H" ] || make -C "$top" --no-print-directory "$H" >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lianfang-bench-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM
export LIANFANG_NOW=2026-11-23T08:00:00Z LIANFANG_USER=bench TERM=xterm LC_ALL=C.UTF-8
export LIANFANG_PASSWORD=bench-pass-1

make_db() { # file persons
	"$L" init --unit-code 620902 --unit-name 基准测试单位 "$1" >/dev/null
	# an account, or the screens open on the first-run setup
	echo "$LIANFANG_PASSWORD" | "$L" --db "$1" user add bench --name 基准 --role admin --password-stdin >/dev/null
	sqlite3 "$1" "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $2)
	  INSERT INTO person(gid, owner, rid, name, title) SELECT printf('%08x%024x', 9, i), '620902',
	  printf('%064x', i), '人员' || printf('%07d', (i * 7919) % $2), '科员' FROM c"
}

run() { # db persons → times
	db=$1
	n=$2
	nth() { sqlite3 "$db" "SELECT name FROM person ORDER BY name, id LIMIT 1 OFFSET $1"; }
	first=$(nth 0)
	second_page=$(nth 18)
	last=$(nth $((n - 1)))
	before=$(nth $((n - 19)))
	middle=$(nth $((n / 2)))
	"$H" -t 60000 -- "$L" --db "$db" <<EOS
wait 首页
clock
type 6
wait 共 $([ $n -gt 9999 ] && echo "9999 条以上" || echo "$n 条")
clock-report open
clock
key End
wait $last
clock-report end
clock
key PgUp
wait $before
clock-report pgup
clock
key Home
wait $first
clock-report home
clock
key PgDn
wait $second_page
clock-report pgdn
clock
type /
type $middle
key Enter
wait 查找“$middle”
clock-report search
type q
type q
EOS
}

make_db "$tmp/small.db" 1000
make_db "$tmp/large.db" 1000000
# best of 3 runs of each
for i in 1 2 3; do run "$tmp/small.db" 1000; done | sed -n 's/^# time //p' >"$tmp/small.txt"
for i in 1 2 3; do run "$tmp/large.db" 1000000; done | sed -n 's/^# time //p' >"$tmp/large.txt"

best() { sort -k1,1 -k2,2n "$1" | awk '!seen[$1]++'; }
echo "screen lists, best of 3: 1,000,000 persons against 1,000 (key to row on screen)"
best "$tmp/small.txt" >"$tmp/s"
best "$tmp/large.txt" >"$tmp/l"
join "$tmp/s" "$tmp/l" | awk '{ r = $2 > 0 ? $3 / $2 : $3; printf "  %-8s %7.1f×\n", $1, r }'
echo "  (a move's time is the whole round trip: key, query, repaint, terminal)"
