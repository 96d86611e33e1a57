#!/bin/sh
# Killing lianfang at random points while it merges a bundle leaves a database
# that passes `lianfang check` and holds either everything from before or
# everything from after — never part of the bundle. The kill points are the
# Nth write, sync or unlink system call, chosen at random (seeded) among those
# a full merge makes, delivered by strace's fault injection.
. "$LIANFANG_TOP/tests/lib.sh"
# Demo databases have accounts: act as their discipline office, which may
# exchange (the new city and province have none yet: setup mode).
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
	ok 0 "skipped: strace is missing or cannot trace here"
	done_testing
	exit
fi
# A killed merge leaves its private copy of the bundle in TMPDIR: keep those
# in the test's directory, which is removed at the end.
mkdir -p "$T_DIR/tmp"
export TMPDIR="$T_DIR/tmp"
# LeakSanitizer cannot run under ptrace.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

lf demo --unit-code 620921 --unit-name 金塔县市场监督管理局 --parent-code 620900 --seed 2 county.db; is_rc 0 "county"
lf init --unit-code 620900 --unit-name 酒泉市市场监督管理局 --parent-code 620000 fresh.db; is_rc 0 "city"
lf --db county.db pack --up -o up.lfb; is_rc 0 "county packs up"
lf dump fresh.db; before=$OUT
cp fresh.db full.db
calls=syscalls
strace -o "$calls" -e trace=pwrite64,fdatasync,fsync,unlink "$LIANFANG" --db full.db merge up.lfb >/dev/null 2>&1
ok $? "a whole merge under strace"
lf dump full.db; after=$OUT
[ "$before" != "$after" ]; ok $? "the merge changes the records"

# Kill points: every sync and unlink, and 12 random writes.
points=$(awk -v seed="${LIANFANG_SEED:-7}" '
	{ split($1, a, "("); n[a[1]]++ }
	END {
		srand(seed)
		for (s in n) if (s != "pwrite64" && s != "+++") for (i = 1; i <= n[s]; i++) print s ":" i
		for (i = 0; i < 12; i++) print "pwrite64:" int(1 + rand() * n["pwrite64"])
	}' "$calls" | sort -u)
total=0; journals=0; states_before=0; states_after=0
for p in $points; do
	call=${p%%:*}; nth=${p#*:}
	cp fresh.db k.db
	rm -f k.db-journal
	strace -o /dev/null -e trace="$call" -e inject="$call":signal=KILL:when="$nth" \
		"$LIANFANG" --db k.db merge up.lfb >/dev/null 2>&1
	rc=$?
	total=$((total + 1))
	[ -e k.db-journal ] && journals=$((journals + 1))
	lf check k.db
	if [ "$RC" -ne 0 ]; then
		ok 1 "killed at $call #$nth (exit $rc): check fails"
		printf '%s\n' "$OUT" | sed 's/^/# /' | head -10
		continue
	fi
	lf dump k.db
	if [ "$OUT" = "$before" ]; then
		states_before=$((states_before + 1)); ok 0 "killed at $call #$nth: passes check, state before"
	elif [ "$OUT" = "$after" ]; then
		states_after=$((states_after + 1)); ok 0 "killed at $call #$nth: passes check, state after"
	else
		ok 1 "killed at $call #$nth: passes check but holds a partial merge"
	fi
done
[ "$total" -ge 12 ]; ok $? "$total kill points"
[ "$journals" -gt 0 ]; ok $? "$journals kills left a hot journal (killed inside the transaction)"
[ "$states_before" -gt 0 ] && [ "$states_after" -gt 0 ]; ok $? "both outcomes seen ($states_before before, $states_after after)"
done_testing
