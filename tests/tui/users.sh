#!/bin/sh
# An administrator manages users on screen, every change through the model
# and into the audit log: add a user with a password, link a person, grant a
# department head's role (picking the department), reset the password, map a
# system user, retire and reinstate, unlock after a lockout. The new user then
# signs in with the reset password and holds the role. An administrator cannot
# give their own account risk work; others cannot manage users at all.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
export LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang

tui -- --db d.db <<'EOS'
wait 1 年度工作
type u
wait 当前用户：admin
type u
wait 共 8 个用户
expect-row 2  登录名        姓名        状态          角色
expect-has  head          蔡涛                      科员、处室负责人（登记注册科）
type a
wait 添加用户
type zhaoliu
key Tab
type 赵六
key Tab
type First-Pass-1
wait 符合要求
key Tab
type First-Pass-1
wait 两次输入一致
expect-lacks First-Pass
key Enter
wait 已添加用户“zhaoliu”
wait 共 9 个用户
# the new user is selected: open it
key Enter
wait 用户 zhaoliu
expect-has 角色       （无）
# link a person: 沈军 is on 受理审查岗
type p
wait 选择人员
type /
type 韩
key Enter
wait-gone 查找：
key Enter
wait 已把“zhaoliu”关联到人员
# grant 处室负责人 of a department picked from the list
type g
wait 授予角色
key Down Enter
wait 选择处室负责人负责的处室
type /
type 登记注册科
key Enter
wait-gone 查找：
key Enter
wait 已授予“zhaoliu”处室负责人（登记注册科）角色
expect-has 处室负责人  登记注册科
# reset the password: typed twice, never shown
type r
wait 为用户“zhaoliu”设一个新密码
type Reset-Pass-22
key Tab
type Reset-Pass-22
wait 两次输入一致
expect-lacks Reset-Pass
key F2
wait 已为“zhaoliu”重设密码
# map a system user, then retire and reinstate
type m
wait 系统账户（留空则取消对应）：
type zhaosys
key Enter
wait 已把系统账户“zhaosys”对应到“zhaoliu”
expect-has 系统账户   zhaosys
type d
wait 停用用户“zhaoliu”
type 1
wait 已停用。
expect-has 状态       已停用
type d
wait 恢复启用用户“zhaoliu”？
type 1
wait 已恢复启用。
# rename, and a role granted and taken back again
type n
wait 姓名：
key C-u
type 赵六一
key Enter
wait 姓名已修改。
expect-has 姓名       赵六一
type g
wait 授予角色
type /
type 上级审核人
key Enter
wait-gone 查找：
key Enter
wait 已授予“zhaoliu”上级审核人角色
type x
wait 收回角色
expect-has 处室负责人（登记注册科）
expect-has 上级审核人
type /
type 上级
key Enter
wait-gone 查找：
key Enter
wait 已收回“zhaoliu”的上级审核人角色
expect-row 10    角色       处室负责人  登记注册科
expect-row 11
# its history: every change, with the fields
key F9
wait 用户“zhaoliu”的历史：10 次
expect-has 姓名：赵六 → 赵六一
expect-has 角色：处室负责人（登记注册科）、上级审核人 → 处室负责人（登记注册科）
expect-has 系统账户：（无） → zhaosys
key PgDn
wait 管理员重设密码
expect-has 角色：（无） → 处室负责人（登记注册科）
expect-lacks Reset-Pass
key Esc
wait-gone 的历史
key Esc
wait 共 9 个用户
key Esc
wait 当前用户：admin
# the administrator's own account takes no risk work
key Esc
wait 1 年度工作
type u
wait 当前用户：admin
type u
wait 共 9 个用户
type /
type admin
key Enter
wait-gone 查找：
key Enter
wait 用户 admin
type g
wait 授予角色
type /
type 纪检监察
key Enter
wait-gone 查找：
key Enter
wait 管理员不能给自己授予纪检监察角色
expect-lacks 纪检监察    
key Esc
wait 共 9 个用户
key Esc
wait 当前用户：admin
key Esc
wait 1 年度工作
type q
expect-exit 0
EOS

lf --db d.db user list
contains "$OUT" "zhaoliu  赵六一" "the user added (and renamed) on screen is there"
contains "$OUT" "角色：处室负责人（登记注册科）
  系统账户：zhaosys" "with the role granted on screen, and not the one taken back"
lf --db d.db audit log --record zhaoliu
contains "$OUT" "管理员重设密码" "the reset is in the audit log"
lacks "$(q d.db "SELECT before || after FROM audit")" "Pass-" "no password in the audit log"
! grep -aq "Reset-Pass-22" d.db
ok $? "no password in the file"
lf audit verify d.db
is_rc 0 "the audit log checks clean after the changes on screen"

# zhaoliu locks himself out (command line), the administrator unlocks him.
for t in 08:05:00 08:05:01 08:05:40 08:06:50 08:08:00; do
	LIANFANG_NOW=2026-11-23T${t}Z LIANFANG_USER=zhaoliu LIANFANG_PASSWORD=wrong-password lf --db d.db user whoami
done
contains "$ERR" "锁定到 08:23" "five wrong passwords lock zhaoliu"
LIANFANG_NOW=2026-11-23T08:09:00Z tui -- --db d.db <<'EOS'
wait 1 年度工作
type u
wait 当前用户：admin
type u
wait 共 9 个用户
expect-has 锁定到 08:23
type /
type zhaoliu
key Enter
wait-gone 查找：
key Enter
wait 用户 zhaoliu
expect-has 锁定到 08:23
type u
wait 已解锁
expect-has 状态       正常
# and the system user is unmapped again
type m
wait 系统账户（留空则取消对应）：
key C-u
key Enter
wait 已取消“zhaoliu”对应的系统账户
expect-has 系统账户   （未对应）
key Esc
wait 共 9 个用户
key Esc
wait 当前用户：admin
key Esc
wait 1 年度工作
type q
expect-exit 0
EOS

# A dropped link while an administrator types a new password keeps nothing.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type u
wait 当前用户：admin
type u
wait 共 9 个用户
type /
type staff
key Enter
wait-gone 查找：
key Enter
wait 用户 staff
type r
wait 为用户“staff”设一个新密码
type Dropped-Reset-5
wait 符合要求
hangup
expect-exit 1
EOS
contains "$(q d.db "SELECT count(*) FROM draft")" "0" "a hang-up on the reset screen keeps no draft"
! grep -aq "Dropped-Reset" d.db
ok $? "and the typed password is nowhere in the file"

# The new user signs in on the screen with the reset password.
unset LIANFANG_USER LIANFANG_PASSWORD
LIANFANG_NOW=2026-11-23T08:09:30Z tui -- --db d.db <<'EOS'
wait 请登录
type zhaoliu
key Tab
type First-Pass-1
key Enter
wait 登录名或密码不对
type Reset-Pass-22
key Enter
wait 1 年度工作
expect-row-has 0 用户 zhaoliu
type u
wait 角色：处室负责人（登记注册科）
# not an administrator: refused, naming the role
type u
wait 需要系统管理员的角色
# and may change their own password
type p
wait 修改密码
type Reset-Pass-22
key Tab
type Own-Choice-33
key Tab
type Own-Choice-33
key Enter
wait 密码已修改
key Esc
wait 1 年度工作
type q
expect-exit 0
EOS
LIANFANG_USER=zhaoliu LIANFANG_PASSWORD=Own-Choice-33 lf --db d.db user whoami
is_rc 0 "the password changed on screen works"

done_testing
