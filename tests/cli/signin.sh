#!/bin/sh
# Signing in from the command line: wrong password, slow-down and lockout on
# a fixed clock, system-user mapping (as nobody), the terminal prompt.
. "$LIANFANG_TOP/tests/lib.sh"
# (lf sets RC, OUT and ERR, so it must not run in a pipeline's subshell.)

as() { # login password command…: run one lianfang command as that user
	_as_u=${LIANFANG_USER-} _as_p=${LIANFANG_PASSWORD-}
	LIANFANG_USER=$1 LIANFANG_PASSWORD=$2
	export LIANFANG_USER LIANFANG_PASSWORD
	shift 2
	lf "$@"
	LIANFANG_USER=$_as_u LIANFANG_PASSWORD=$_as_p
}

lf demo d.db
is_rc 0 "demo"

# ---------------------------------------------------------------- passwords
as staff lianfang --db d.db user whoami
is_rc 0 "staff signs in with the demo password"
contains "$OUT" "当前用户：staff" "as staff"
as staff wrong-password --db d.db user whoami
is_rc 1 "a wrong password is refused"
contains "$ERR" "登录名或密码不对" "saying so"
as nosuchuser lianfang --db d.db user whoami
is_rc 1 "an unknown login is refused"
contains "$ERR" "登录名或密码不对" "with the same words as a wrong password"
lf --db d.db user whoami
is_rc 1 "LIANFANG_USER=tester without a password and no terminal: nobody"
contains "$ERR" "LIANFANG_PASSWORD" "is told how to give the password"
lf --db d.db dump
is_rc 0 "dump, which only reads the file, needs no user"
lf --db d.db user unlock staff
is_rc 1 "a command that writes fails at once"
contains "$ERR" "需要用户“tester”的密码" "asking for the password"

# ---------------------------------------------------------------- slow-down and lockout
export LIANFANG_NOW=2026-11-23T08:00:00Z
as head wrong-1 --db d.db user whoami
as head wrong-2 --db d.db user whoami
contains "$ERR" "登录名或密码不对" "2nd wrong password: no wait yet"
as head wrong-3 --db d.db user whoami
contains "$ERR" "请 30 秒后（08:00:30）再试" "3rd wrong password: wait 30 seconds"
export LIANFANG_NOW=2026-11-23T08:00:10Z
as head lianfang --db d.db user whoami
is_rc 1 "while waiting, even the right password is refused"
contains "$ERR" "请 20 秒后" "with the time left"
export LIANFANG_NOW=2026-11-23T08:00:30Z
as head wrong-4 --db d.db user whoami
contains "$ERR" "请 60 秒后" "4th wrong password: wait 60 seconds"
export LIANFANG_NOW=2026-11-23T08:01:30Z
as head wrong-5 --db d.db user whoami
contains "$ERR" "锁定到 08:16" "5th wrong password: locked for 15 minutes"
as admin lianfang --db d.db user list
contains "$OUT" "锁定到 2026-11-23T08:16:30Z" "the administrator sees the lock"
export LIANFANG_NOW=2026-11-23T08:16:29Z
as head lianfang --db d.db user whoami
is_rc 1 "a second before the end the lock holds"
export LIANFANG_NOW=2026-11-23T08:16:30Z
as head lianfang --db d.db user whoami
is_rc 0 "when it ends, the right password works"
as head wrong-6 --db d.db user whoami
contains "$ERR" "登录名或密码不对" "and the count started again"
as admin lianfang --db d.db audit log --record head
contains "$OUT" "密码连续错误，锁定" "the lock is in the audit log"
export LIANFANG_NOW=2026-11-23T08:00:00Z

# ---------------------------------------------------------------- system users
by_nobody() { # [VAR=value…] -- lianfang arguments…: run as the system user nobody
	_env=
	while [ "$1" != -- ]; do _env="$_env $1"; shift; done
	shift
	# shellcheck disable=SC2086
	setpriv --reuid=65534 --regid=65534 --clear-groups env -u LIANFANG_USER -u LIANFANG_PASSWORD $_env \
		"$LF_NOBODY" "$@" >"$T_DIR/.out" 2>"$T_DIR/.err"
	RC=$?
	OUT=$(cat "$T_DIR/.out")
	ERR=$(cat "$T_DIR/.err")
}
# nobody may pass through the test directory and use a copy in shared/.
LF_NOBODY=$(nobody_lianfang)
chmod 711 "$T_DIR"
mkdir shared
chmod 777 shared
cp d.db shared/d.db
chmod 666 shared/d.db
by_nobody -- --db shared/d.db user whoami
is_rc 1 "nobody, not mapped, is not signed in"
contains "$ERR" "系统账户“nobody”" "and is told which system user to map"
as admin lianfang --db shared/d.db user map staff nobody
is_rc 0 "the administrator maps the system user nobody to staff"
by_nobody -- --db shared/d.db user whoami
is_rc 0 "nobody, mapped to staff, needs no password"
contains "$OUT" "当前用户：staff（" "and acts as staff"
contains "$OUT" "系统账户“nobody”" "whoami says how"
by_nobody LIANFANG_USER=staff -- --db shared/d.db user whoami
is_rc 0 "nobody naming staff needs no password either"
by_nobody LIANFANG_USER=head -- --db shared/d.db user unlock staff
is_rc 1 "nobody naming head needs head's password"
contains "$ERR" "需要用户“head”的密码" "and is told so"
by_nobody LIANFANG_USER=head LIANFANG_PASSWORD=lianfang -- --db shared/d.db user whoami
is_rc 0 "nobody signs in as head with head's password"
contains "$OUT" "当前用户：head" "as head"
unset LIANFANG_USER
lf --db shared/d.db user list
is_rc 1 "root, not mapped, naming nobody: not signed in"
contains "$ERR" "尚未登录" "the refusal says nobody is signed in"
export LIANFANG_USER=tester
as admin lianfang --db shared/d.db user unmap staff
is_rc 0 "unmap"
by_nobody -- --db shared/d.db user whoami
is_rc 1 "after unmap nobody is nobody again"
# A file nobody may only read: signing in still works, wrong passwords cannot be counted.
cp d.db shared/ro.db
chmod 644 shared/ro.db
before=$(sum_of shared/ro.db)
by_nobody LIANFANG_USER=staff LIANFANG_PASSWORD=wrong-password -- --db shared/ro.db user whoami
is_rc 1 "a wrong password on a read-only file"
contains "$ERR" "登录名或密码不对" "is just wrong (no count claimed)"
by_nobody LIANFANG_USER=staff LIANFANG_PASSWORD=lianfang -- --db shared/ro.db user whoami
is_rc 0 "the right password signs in on a read-only file"
[ "$(sum_of shared/ro.db)" = "$before" ]
ok $? "and the read-only file was not changed"

# ---------------------------------------------------------------- the terminal prompt
if command -v script >/dev/null 2>&1; then
	# A pseudo-terminal: the password is asked on /dev/tty and not echoed.
	(sleep 2; printf 'lianfang\n') | script -qec "env -u LIANFANG_PASSWORD $LIANFANG --db d.db --user discipline user whoami" /dev/null >tty.out 2>&1
	RC=$?
	OUT=$(tr -d '\r' <tty.out)
	is_rc 0 "a password typed on the terminal signs in"
	contains "$OUT" "用户“discipline”的密码：" "the prompt names the user"
	contains "$OUT" "当前用户：discipline" "signed in as discipline"
	lacks "$OUT" "lianfang
" "the password is not echoed"
fi

done_testing
