#!/bin/sh
# The screens save through the model, which enforces roles: the principal
# leader (主要领导) and staff may read the organisation but not change it, and
# the screen says which role it takes, keeping what was typed. Nothing the
# model refuses is written.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
before=$(q d.db "SELECT count(*) FROM rev")

LIANFANG_USER=principal tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
type a
wait 新建人员
type 越权测试
key F2
wait 没有保存
expect-has 维护处室、岗位和人员
expect-row-has 4 越权测试
key F10
wait 2 放弃修改
type 2
wait 共 25 条
type d
wait 标为已离岗？
type 1
wait 没有改
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "nothing was written"

# The organisation and the cycle are public: staff read them, but may not change them.
LIANFANG_USER=staff tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-has 2026年度廉政风险点防范管理
type 6
wait 共 25 条
type a
wait 新建人员
type 员工越权
key F2
wait 没有保存
expect-has 纪检监察
key F10
wait 2 放弃修改
type 2
wait 共 25 条
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT count(*) FROM rev")" "$before" "still nothing was written"

done_testing
