#!/bin/sh
# The screens follow the roles the model enforces. A list, a year or a flow
# chart the user may read but not change says so ("只能查看"); adding,
# retiring, moving or marking is refused at once with the model's reason,
# before anything is typed or asked, and the hints to add are left out. A
# record's form still opens to be read; saving a change there is refused by
# the model, keeping what was typed. Nothing refused is written.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
before=$(q d.db "SELECT count(*) FROM rev")

# The principal leader (主要领导) reads the organisation but may not change it.
LIANFANG_USER=principal tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条　只能查看
type a
wait 不能维护处室、岗位和人员：需要纪检监察、系统管理员的角色
expect-lacks 新建人员
type d
wait 不能维护处室、岗位和人员
expect-lacks 标为已离岗？
key F1
wait 帮助：人员
expect-has 您只能查看这些记录，不能新建或停用
key F10
wait 共 25 条　只能查看
key Enter
wait 修改人员
key End
type 越权测试
key F2
wait 没有保存
expect-has 维护处室、岗位和人员
expect-row-has 4 姓名*    冯国庆越权测试
key F10
wait 2 放弃修改
type 2
wait 共 25 条
type q
wait 1 年度工作
# the power catalog: read, not changed — neither the powers nor a chart
type 7
wait 共 8 条　只能查看
key Down Down Enter
wait 登记注册科的职权
expect-row-has 21 共 4 条　只能查看　Enter 看职权的流程图
type a
wait 不能维护职权目录和流程图
expect-lacks 新建职权
key Down Enter
wait 流程图：受理审查
expect-row-has 21 第 1 步，共 4 步，风险环节 1 个。（只能查看）
type a
wait 不能维护职权目录和流程图
expect-lacks 新建流程环节
type r
wait 不能维护职权目录和流程图
type J
wait 不能维护职权目录和流程图
type d
wait 不能维护职权目录和流程图
expect-lacks 删除第 1 步
key F1
wait 帮助：流程图
expect-has 您只能查看这张流程图
key F10
wait 流程图：受理审查
type q
type q
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "nothing was written"

# A department head keeps the powers and charts of their own department: no
# "只能查看" there, and adding a step opens its form.
LIANFANG_USER=head tui -- --db d.db <<'EOS'
wait 1 年度工作
type 7
wait 共 8 条　只能查看
key Down Down Enter
wait 登记注册科的职权
expect-row-has 21 共 4 条　Enter 看职权的流程图
expect-lacks 只能查看
key Down Enter
wait 流程图：受理审查
expect-row-has 21 第 1 步，共 4 步，风险环节 1 个。r 标为风险环节
expect-lacks 只能查看
type a
wait 新建流程环节
key F10
wait 流程图：受理审查
type q
type q
type q
type q
expect-exit 0
EOS

# The organisation and the cycle are public: staff read them, but may not
# change them. A year without its plan says so, and f opens no empty form.
LIANFANG_USER=discipline lf --db d.db cycle add 2027
is_rc 0 "a year with nothing in it yet"
before=$(q d.db "SELECT count(*) FROM rev")
LIANFANG_USER=staff tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-has 2026年度廉政风险点防范管理
type 6
wait 共 25 条　只能查看
type a
wait 不能维护处室、岗位和人员
expect-lacks 新建人员
type q
wait 1 年度工作
type 1
wait 2026年度的四个阶段
type a
wait 不能维护年度、实施方案、领导小组和会议
expect-lacks 新建年度（年份）
type p
wait 不能维护年度、实施方案、领导小组和会议
expect-lacks 当前阶段：
type g
wait 2026年度领导小组
expect-has 只能查看
expect-lacks a 添加成员
type q
wait 2026年度的四个阶段
key Up
wait 2027年度的四个阶段
expect-has 还没有实施方案
expect-lacks 按 f 填写
expect-lacks 按 g 添加
type f
wait 2027年度还没有实施方案。
expect-lacks 新建实施方案
type q
wait 1 年度工作
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "still nothing was written"

# A new database whose only account is an administrator, who keeps the
# organisation but not the years: the home offers to add departments, not
# years; the year screen has nothing to add.
lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 --parent-code 620900 new.db
is_rc 0 "a new database"
echo admin-pass1 | lf --db new.db user add boss --name 管理员 --role admin --password-stdin
is_rc 0 "its first administrator"
LIANFANG_USER=boss LIANFANG_PASSWORD=admin-pass1 tui -- --db new.db <<'EOS'
wait 1 年度工作
expect-row-has 2 还没有年度工作。
expect-lacks 新建一个年度
type 2
wait 还没有年度。
expect-lacks 先按 1 打开
type 1
wait 还没有年度。
expect-lacks 按 F5 或 a 新建一个年度
type a
wait 不能维护年度、实施方案、领导小组和会议
type q
wait 1 年度工作
type 5
wait 共 0 条
expect-lacks 只能查看
type q
wait 1 年度工作
type q
expect-exit 0
EOS

done_testing
