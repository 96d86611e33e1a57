#!/bin/sh
# The first run of a new database creates its administrator on screen: login,
# name, a password typed twice with the rules checked as it is typed (never
# shown: one '*' per character), then the home as that administrator. Leaving
# or hanging up before that creates nothing and keeps no draft; from then on
# the screens start at the sign-in screen, never with nobody signed in.
. "$LIANFANG_TOP/tests/tui/tui-lib"
unset LIANFANG_USER LIANFANG_PASSWORD

lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 n.db
is_rc 0 "a new database"

# Esc leaves without creating anyone.
tui -- --db n.db <<'EOS'
wait 建立系统管理员
expect-row-has 0 初始设置
expect-has 这是新数据库，还没有用户
key Esc
expect-exit 0
EOS
contains "$(q n.db "SELECT count(*) FROM account")" "0" "leaving the first-run screen creates no account"

# A dropped link while the password is typed: nothing created, nothing kept.
tui -- --db n.db <<'EOS'
wait 建立系统管理员
type wangzr
key Tab
type 王主任
key Tab
type Hangup-Secret-7
wait 符合要求
hangup
expect-exit 1
EOS
contains "$(q n.db "SELECT count(*) FROM account")|$(q n.db "SELECT count(*) FROM draft")" "0|0" \
	"a hang-up on the first-run screen keeps no account and no draft"
! grep -aq "Hangup-Secret-7" n.db
ok $? "and the typed password is nowhere in the file"

tui -- --db n.db <<'EOS'
wait 建立系统管理员
# Enter with the next field empty goes there
type wangzr
key Enter
wait-cursor 8 17
type 王主任
key Enter
wait-cursor 10 17
# the rules, live: too short, the login itself, then good
type abc
wait 现在是 3 个
expect-row 10     密码*        ***
expect-row 11                  密码应为 8–64 个字符，现在是 3 个。
key C-u
type wangzr12
wait 符合要求
key Bksp Bksp
wait 现在是 6 个
key C-u
type Spring-Rain-2026
wait 符合要求
expect-row 10     密码*        ****************
expect-lacks Spring-Rain-2026
# Chinese is refused as typed (a GBK terminal would send other bytes)
type 春
wait 请切换到英文输入
expect-row 10     密码*        ****************
key Tab
type Spring-Rain-2025
wait 两次输入的密码不一样
key Enter
wait 请再输入一次
expect-cursor 12 17
type Spring-Rain-2026
wait 两次输入一致
expect-lacks Spring-Rain
key Enter
wait 首页
expect-row-has 0 用户 wangzr
expect-has 已建立系统管理员“wangzr”，并已登录
expect-lacks Spring-Rain
type u
wait 当前用户：wangzr（王主任）
expect-has 角色：系统管理员
expect-has 管理用户 —— 全单位
key F10
wait-gone 当前用户
type q
expect-exit 0
expect-restored
EOS

LIANFANG_USER=wangzr LIANFANG_PASSWORD=Spring-Rain-2026 lf --db n.db user list
contains "$OUT" "wangzr" "the administrator made on screen signs in on the command line"
contains "$OUT" "系统管理员" "with the administrator role"
! grep -aq "Spring-Rain-2026" n.db
ok $? "the password is stored only as a hash"
lf audit verify n.db
is_rc 0 "the audit log records the new administrator cleanly"

# From now on: the sign-in screen, never the home with nobody signed in.
tui -- --db n.db <<'EOS'
wait 请登录
expect-row-has 0 未登录
expect-lacks 首页
expect-lacks 建立系统管理员
key Esc
expect-exit 0
EOS

done_testing
