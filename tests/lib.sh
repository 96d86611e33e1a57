# tests/lib.sh: helpers for shell tests. Source it; it prints TAP.
#
#   . "$LIANFANG_TOP/tests/lib.sh"
#   lf demo x.db;      is_rc 0 "demo succeeds"
#   golden demo-check "$(lf check x.db)"
#
# Every test runs in a fresh temporary directory with a fixed clock, a fixed
# id seed, a fixed user and a C.UTF-8 locale; golden files live beside the
# test in tests/<dir>/golden/. UPDATE_GOLDEN=1 rewrites them.
set -u
: "${LIANFANG:?set by tests/run}"
: "${LIANFANG_TOP:?set by tests/run}"
T_N=0
T_FAILED=0
# Before the cd below: $0 may be a relative path (tests/run tests/cli/x.sh).
T_GOLDEN_DIR=$(cd "$(dirname "$0")" && pwd)/golden
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/lianfang-test-XXXXXX")
trap 'rm -rf "$T_DIR"' EXIT INT TERM
# Before the cd: $0 may be relative (tests/run tests/cli/foo.sh).
T_GOLDEN_DIR=$(cd "$(dirname "$0")" && pwd)/golden
cd "$T_DIR" || exit 1
export HOME="$T_DIR/home" LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
mkdir -p "$HOME"
export LIANFANG_NOW=2026-11-23T08:00:00Z LIANFANG_SEED=7 LIANFANG_USER=tester LIANFANG_BUSY_MS=1000
unset LIANFANG_DB LIANFANG_FORMS XDG_DATA_HOME

ok() { # condition-exit-status description
	T_N=$((T_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T_N - $2"
	else
		echo "not ok $T_N - $2"
		T_FAILED=$((T_FAILED + 1))
	fi
}

# Run lianfang; stdout → $OUT, stderr → $ERR, status → $RC.
lf() {
	"$LIANFANG" "$@" >"$T_DIR/.out" 2>"$T_DIR/.err"
	RC=$?
	OUT=$(cat "$T_DIR/.out")
	ERR=$(cat "$T_DIR/.err")
}

is_rc() { # expected description
	if [ "$RC" -eq "$1" ]; then ok 0 "$2"; else
		ok 1 "$2 (exit $RC, want $1)"
		printf '# stdout: %s\n# stderr: %s\n' "$OUT" "$ERR" | head -20
	fi
}

contains() { # haystack needle description
	case $1 in *"$2"*) ok 0 "$3" ;; *)
		ok 1 "$3"
		printf '# wanted: %s\n# in: %s\n' "$2" "$1" | head -20 ;;
	esac
}

lacks() { # haystack needle description
	case $1 in *"$2"*) ok 1 "$3"; printf '# unwanted: %s\n' "$2" ;; *) ok 0 "$3" ;; esac
}

same_file() { # a b description
	if cmp -s "$1" "$2"; then ok 0 "$3"; else
		ok 1 "$3"
		diff "$1" "$2" | head -20 | sed 's/^/# /'
	fi
}

# Compare text with tests/<dir>/golden/NAME.
golden() { # name text
	mkdir -p "$T_GOLDEN_DIR"
	printf '%s\n' "$2" >"$T_DIR/.golden"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$T_DIR/.golden" "$T_GOLDEN_DIR/$1"
	fi
	if [ -f "$T_GOLDEN_DIR/$1" ] && cmp -s "$T_DIR/.golden" "$T_GOLDEN_DIR/$1"; then
		ok 0 "golden $1"
	else
		ok 1 "golden $1"
		diff "$T_GOLDEN_DIR/$1" "$T_DIR/.golden" 2>&1 | head -30 | sed 's/^/# /'
	fi
}

# Compare a file byte for byte with tests/<dir>/golden/NAME (for output that
# is not text in the test's locale: CSV with a BOM and CRLF, GBK bytes).
golden_file() { # name file
	mkdir -p "$T_GOLDEN_DIR"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$2" "$T_GOLDEN_DIR/$1"
	fi
	if [ -f "$T_GOLDEN_DIR/$1" ] && cmp -s "$2" "$T_GOLDEN_DIR/$1"; then
		ok 0 "golden $1"
	else
		ok 1 "golden $1"
		diff "$T_GOLDEN_DIR/$1" "$2" 2>&1 | head -30 | sed 's/^/# /'
	fi
}

# The path of a copy of lianfang that the unprivileged user nobody can run
# (the build tree may sit under a directory nobody cannot enter, like /root).
nobody_lianfang() {
	if [ ! -x "$T_DIR/.nobody/lianfang" ]; then
		mkdir -p "$T_DIR/.nobody"
		cp "$LIANFANG" "$T_DIR/.nobody/lianfang"
		chmod 755 "$T_DIR/.nobody" "$T_DIR/.nobody/lianfang"
		chmod go+x "$T_DIR"
	fi
	echo "$T_DIR/.nobody/lianfang"
}

# Checksum of a file, to show it did not change.
# An administrator "admin" and a discipline officer "discipline" (the demo's
# logins, password lianfang) on a new database, so a screen test on it signs
# in as the demo's do instead of meeting the first-run setup.
demo_accounts() { # db
	printf 'lianfang\n' | LIANFANG_USER=admin "$LIANFANG" --db "$1" user add admin --name 管理员 \
		--role admin --password-stdin >/dev/null &&
		printf 'lianfang\n' | LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang "$LIANFANG" --db "$1" \
			user add discipline --name 纪检监察室 --role discipline --password-stdin >/dev/null
}

sum_of() { cksum <"$1" | cut -d' ' -f1-2; }

done_testing() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
}
