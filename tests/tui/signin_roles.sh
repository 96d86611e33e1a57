#!/bin/sh
# On the demo database, people sign in one after another at one terminal —
# staff, department head, discipline office — and each sees what their roles
# may do and is refused the rest, the screen saying which role it takes;
# signing out brings back the sign-in screen for the next person.
. "$LIANFANG_TOP/tests/tui/tui-lib"
unset LIANFANG_USER LIANFANG_PASSWORD

demo_db d.db
before=$(q d.db "SELECT count(*) FROM rev")

tui -- --db d.db <<'EOS'
wait 请登录
type staff
key Tab
type lianfang
key Enter
wait 1 年度工作
expect-row-has 0 用户 staff
expect-has 2026年度廉政风险点防范管理  当前：第三阶段
# the organisation is public: staff read it (changing it is refused elsewhere)
type 5
wait 共 8 条
key F10
wait 1 年度工作
type u
wait 当前用户：staff（沈军）
expect-has 角色：科员
expect-has 人员：沈军（受理审查岗）
expect-has 查看 —— 本人岗位（受理审查岗）
expect-has 填写或修改自查表、风险点和措施 —— 本人岗位（受理审查岗），提交之前或退回之后
expect-has 不能做的事：
expect-lacks 维护处室、岗位和人员 ——
type u
wait 不能管理用户：需要系统管理员的角色
expect-lacks 用户管理 ›
# one's own history is readable
key C-r
wait 用户“staff”的历史
key Esc
wait-gone 用户“staff”的历史
type o
wait 请登录
expect-row-has 0 未登录
expect-row 5     登录名*
type head
key Tab
type lianfang
key Enter
wait 1 年度工作
expect-row-has 0 用户 head
type 5
wait 共 8 条
key F10
wait 1 年度工作
type u
wait 当前用户：head（蔡涛）
expect-has 角色：科员、处室负责人（登记注册科）
expect-has 以处室负责人身份审核自查表 —— 登记注册科
expect-has 维护职权目录和流程图 —— 登记注册科
expect-lacks 管理用户 ——
type u
wait 需要系统管理员的角色
type o
wait 请登录
type discipline
key Tab
type lianfang
key Enter
wait 1 年度工作
expect-row-has 0 用户 discipline
expect-has 2026年度廉政风险点防范管理  当前：第三阶段
type 5
wait 共 8 条
type q
wait 1 年度工作
type u
wait 当前用户：discipline（潘超）
expect-has 以处室负责人身份审核自查表 —— 纪检监察室
expect-has （下面还有）
key PgDn
wait 登记预警和处置 —— 全单位
key End
wait 不能做的事：
expect-has 管理用户
type u
wait 需要系统管理员的角色
key Esc
wait 1 年度工作
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "nobody changed a record"

# The administrator manages users and settings but sees no risk work as theirs.
LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang tui -- --db d.db <<'EOS'
wait 1 年度工作
type u
wait 当前用户：admin
expect-has 管理用户 —— 全单位
expect-lacks 以处室负责人身份审核自查表 ——
type u
wait 共 8 个用户
key Esc
wait-gone 共 8 个用户
key Esc
wait-gone 当前用户
type q
expect-exit 0
EOS

done_testing
