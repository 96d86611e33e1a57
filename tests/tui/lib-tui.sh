# tests/tui/lib-tui.sh: helpers for screen tests. Source it after nothing else:
#
#   . "$LIANFANG_TOP/tests/tui/lib-tui.sh"
#   demo_db x.db
#   tui -- --db x.db <<'EOS'
#   wait 首页
#   type 3
#   expect-row 2 …
#   EOS
#
# `tui [harness options] -- [lianfang options]` runs the real (sanitizer)
# binary in an 80×24 pseudo-terminal under tests/tui/harness.c, reading the
# script from standard input; the harness's TAP lines are numbered here so a
# file can mix them with ordinary checks. The script language is described at
# the top of harness.c.
. "$LIANFANG_TOP/tests/lib.sh"
HARNESS="$LIANFANG_BUILD/san/tui-harness"
export TERM=xterm
unset NO_COLOR

tui() {
	hopts=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		hopts="$hopts $1"
		shift
	done
	[ $# -gt 0 ] && shift
	# shellcheck disable=SC2086
	"$HARNESS" $hopts -- "$LIANFANG" "$@" >"$T_DIR/.tui" 2>"$T_DIR/.tui-err"
	TUI_RC=$?
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok 0 "${line#ok - }" ;;
		"not ok - "*) ok 1 "${line#not ok - }" ;;
		*) printf '%s\n' "$line" ;;
		esac
	done <"$T_DIR/.tui"
	if [ "$TUI_RC" -gt 1 ]; then
		ok 1 "the harness ran (status $TUI_RC)"
		sed 's/^/# /' "$T_DIR/.tui-err"
	fi
}

# A demo database (the same one every time: fixed seed and clock).
demo_db() {
	"$LIANFANG" demo "$1" >/dev/null 2>&1 || { ok 1 "demo database $1"; exit 1; }
}

# Run SQL on a database read-only and print the result.
q() { # db sql
	sqlite3 -readonly "$1" "$2"
}

# A zh_CN.GBK locale made with localedef under the build directory (no
# system-wide change); sets GBK_LOCPATH. Skips the file if it cannot be made.
gbk_locale() {
	GBK_LOCPATH="$LIANFANG_BUILD/locale"
	if [ ! -f "$GBK_LOCPATH/zh_CN.GBK/LC_CTYPE" ]; then
		mkdir -p "$GBK_LOCPATH"
		localedef -i zh_CN -f GBK "$GBK_LOCPATH/zh_CN.GBK" >/dev/null 2>&1
	fi
	if [ ! -f "$GBK_LOCPATH/zh_CN.GBK/LC_CTYPE" ]; then
		ok 1 "localedef made a zh_CN.GBK locale in $GBK_LOCPATH"
		done_testing
		exit 1
	fi
}
