#!/bin/sh
# Benchmark of lianfang import: the time per row of a large file against a
# small one, printed as ratios (1× is linear; quadratic work shows as the size
# ratio). The files are the pathological shape: every row on one post, so
# whatever the importer looks up or numbers per post, per person or per form
# grows with the file — as the rows of one person (their self-check form) and
# as risks of the post found outside a form (no 姓名). A dry run (the check
# pass and the same work rolled back) and an import into a database that
# already holds the file (every row found, nothing made) are timed too.
# Self-contained: builds its own files and databases in a temporary directory.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
B=${LIANFANG_BUILD:-$top/build}
L="$B/lianfang"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lianfang-bench-import-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM
export LIANFANG_NOW=2026-11-23T08:00:00Z
unset LIANFANG_USER LIANFANG_PASSWORD
SMALL=${SMALL:-1000}
LARGE=${LARGE:-10000}

table() { # rows person file
	awk -v n="$1" -v who="$2" 'BEGIN {
		print "处室,姓名,岗位名称,岗位职责,潜在风险,防控措施,风险等级,备注"
		for (i = 1; i <= n; i++)
			printf "办公室,%s,出纳岗,管理现金和票据,第%d个风险点：白条抵库、公款私存,1.前期预防：每日盘点第%d次,低,\n", who, i, i
	}' >"$3"
}

# Seconds (with fractions) that a command takes.
seconds() {
	s=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.4f", $2 - $1 }'
}

run() { # label rows file args...
	label=$1 rows=$2 file=$3
	shift 3
	rm -f "$tmp/x.db"
	"$L" init --unit-code 620902 --unit-name 基准测试单位 "$tmp/x.db" >/dev/null
	t_apply=$(seconds "$L" --db "$tmp/x.db" import summary "$file" --cycle 2026 "$@")
	t_again=$(seconds "$L" --db "$tmp/x.db" import summary "$file" --cycle 2026 "$@")
	rm -f "$tmp/y.db"
	"$L" init --unit-code 620902 --unit-name 基准测试单位 "$tmp/y.db" >/dev/null
	t_dry=$(seconds "$L" --db "$tmp/y.db" import summary "$file" --cycle 2026 --dry-run "$@")
	echo "$label $rows $t_apply $t_again $t_dry"
}

table "$SMALL" 张三 "$tmp/form-small.csv"
table "$LARGE" 张三 "$tmp/form-large.csv"
table "$SMALL" "" "$tmp/post-small.csv"
table "$LARGE" "" "$tmp/post-large.csv"
{
	run form-small "$SMALL" "$tmp/form-small.csv"
	run form-large "$LARGE" "$tmp/form-large.csv"
	run post-small "$SMALL" "$tmp/post-small.csv"
	run post-large "$LARGE" "$tmp/post-large.csv"
} >"$tmp/times"

echo "import of a one-post table, time per row: $LARGE rows against $SMALL (1× is linear; $((LARGE / SMALL))× quadratic)"
awk '
	{ rows[$1] = $2; apply[$1] = $3; again[$1] = $4; dry[$1] = $5 }
	function ratio(t, big, small) { return t[small] > 0 ? (t[big] / rows[big]) / (t[small] / rows[small]) : 0 }
	END {
		split("form post", shapes, " ")
		names["form"] = "one person (a self-check form)"
		names["post"] = "no person (risks of the post)"
		for (i = 1; i <= 2; i++) {
			s = shapes[i]
			printf "  %-32s applied %5.1f×   again (all found) %5.1f×   dry run %5.1f×\n", names[s],
				ratio(apply, s "-large", s "-small"), ratio(again, s "-large", s "-small"),
				ratio(dry, s "-large", s "-small")
		}
	}' "$tmp/times"
