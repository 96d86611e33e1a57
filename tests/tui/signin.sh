#!/bin/sh
# Signing in on the screen of a shared terminal: nobody signed in gets the
# sign-in screen, never the home; the password shows as one '*' per character
# and nowhere else; a wrong password says so in Chinese with the tries left;
# the 3rd and 4th make the account wait, the 5th locks it until a time shown
# as HH:MM; the lock ends by itself (the clock is LIANFANG_NOW). A retired
# account is refused; a login named on the command line without a password
# is filled in; a mapped system user needs no password; signing out returns
# to the sign-in screen. `make run` (LIANFANG_USER + LIANFANG_PASSWORD) opens
# straight to the home.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

# make run's way: straight to the home, no sign-in screen.
tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 0 用户 discipline
expect-lacks 请登录
type q
expect-exit 0
EOS

unset LIANFANG_USER LIANFANG_PASSWORD

# Nobody named: the sign-in screen. Rows: 登录名 at 5, 密码 at 7, fields from column 13.
tui -- --db d.db <<'EOS'
wait 请登录
expect-row-has 0 未登录
expect-lacks 首页
expect-cursor 5 13
type staff
key Enter
wait-cursor 7 13
type Wrong-One-1
wait-cursor 7 24
expect-row 7     密码*    ***********
expect-lacks Wrong-One
key Enter
wait 登录名或密码不对。再错 4 次，这个用户将被锁定 15 分钟。
expect-row 7     密码*
expect-cursor 7 13
expect-lacks Wrong-One
# an unknown login: the same words, and no count
key BTab C-u
type nosuchuser
key Tab
type Wrong-One-1
key Enter
wait-gone 再错 4 次
expect-has 登录名或密码不对。
expect-lacks 再错
key BTab C-u
type staff
key Tab
type Wrong-Two-2
key Enter
wait 再错 3 次
type Wrong-Three-3
key Enter
wait 已连续错 3 次，请 30 秒后（08:00:30）再试；再错 2 次将锁定
# the right password now is refused too: it must wait
type lianfang
key Enter
wait 密码错误次数较多，请 30 秒后（08:00:30）再试。
expect-row-has 0 未登录
key F1
wait 帮助：登录
expect-has 连续错 5 次锁定 15 分钟
expect-lacks Wrong-
key Esc
wait-gone 帮助：登录
key Esc
expect-exit 0
EOS

LIANFANG_NOW=2026-11-23T08:00:31Z tui -- --db d.db <<'EOS'
wait 请登录
type staff
key Tab
type Wrong-Four-4
key Enter
wait 已连续错 4 次，请 60 秒后（08:01:31）再试
key Esc
expect-exit 0
EOS

LIANFANG_NOW=2026-11-23T08:01:32Z tui -- --db d.db <<'EOS'
wait 请登录
type staff
key Tab
type Wrong-Five-5
key Enter
wait 已连续错 5 次，用户“staff”锁定到 08:16；到时再试
key Esc
expect-exit 0
EOS

# Still locked at 08:10, even with the right password.
LIANFANG_NOW=2026-11-23T08:10:00Z tui -- --db d.db <<'EOS'
wait 请登录
type staff
key Tab
type lianfang
key Enter
wait 连续 5 次密码错误，已锁定到 08:16；到时再试
key Esc
expect-exit 0
EOS
lacks "$(q d.db "SELECT before || after FROM audit")" "Wrong-" "no typed password reached the audit log"
contains "$(q d.db "SELECT action FROM audit WHERE gid = 'staff' ORDER BY seq DESC LIMIT 1")" "lock" \
	"the lock is in the audit log"

# The lock has run out: the right password signs in, to the home.
LIANFANG_NOW=2026-11-23T08:16:33Z tui -- --db d.db <<'EOS'
wait 请登录
type staff
key Tab
type lianfang
key Enter
wait 1 年度工作
expect-row-has 0 用户 staff
expect-has 您好
type u
wait 当前用户：staff
type o
wait 请登录
expect-row-has 0 未登录
expect-row 5     登录名*
key Esc
expect-exit 0
EOS
contains "$(q d.db "SELECT failures || '|' || coalesce(locked_until, '') FROM account WHERE login = 'staff'")" "0|" \
	"a right password clears the count and the lock"

# A login named without a password: filled in, the cursor in the password field.
LIANFANG_USER=head tui -- --db d.db <<'EOS'
wait 请登录
expect-row 5     登录名*  head
expect-cursor 7 13
type lianfang
key Enter
wait 1 年度工作
expect-row-has 0 用户 head
type q
expect-exit 0
EOS

# A retired account.
LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang lf --db d.db user retire leader2
is_rc 0 "the administrator retires leader2"
tui -- --db d.db <<'EOS'
wait 请登录
type leader2
key Tab
type lianfang
key Enter
wait 用户“leader2”已停用，不能登录
expect-cursor 5 20
key Esc
expect-exit 0
EOS

# A wrong LIANFANG_PASSWORD fails as on the command line, before any screen.
LIANFANG_USER=staff LIANFANG_PASSWORD=not-the-password tui -- --db d.db <<'EOS'
wait 登录名或密码不对
expect-exit 1
EOS

# Over SSH each person has their own system account: mapped, no password.
me=$(id -un)
LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang lf --db d.db user map head "$me"
is_rc 0 "map the system user $me to head"
tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 0 用户 head
expect-lacks 请登录
type u
wait 当前用户：head
type o
wait 请登录
expect-row-has 0 未登录
key Esc
expect-exit 0
EOS

# A dropped link while the password is typed keeps nothing of it.
drafts=$(q d.db "SELECT count(*) FROM draft")
tui -- --db d.db <<'EOS'
wait 1 年度工作
type u
wait 当前用户：head
type o
wait 请登录
type staff
key Tab
type Half-Typed-77
wait-cursor 7 26
hangup
expect-exit 1
EOS
contains "$(q d.db "SELECT count(*) FROM draft")" "$drafts" "a hang-up on the sign-in screen keeps no draft"
! grep -aq "Half-Typed" d.db
ok $? "and the typed password is nowhere in the file"

# The same in a GBK terminal.
gbk_locale
LOCPATH=$GBK_LOCPATH LC_ALL=zh_CN.GBK LANG=zh_CN.GBK tui -e GBK -- --db d.db <<'EOS'
wait 1 年度工作
type u
wait 当前用户：head
type o
wait 请登录
type principal
key Tab
type Not-Right-9
wait-cursor 7 24
expect-row 7     密码*    ***********
key Enter
wait 登录名或密码不对。再错 4 次，这个用户将被锁定 15 分钟。
type lianfang
key Enter
wait 1 年度工作
expect-row-has 0 用户 principal
type q
expect-exit 0
EOS

done_testing
