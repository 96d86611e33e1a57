#!/bin/sh
# The grading scheme (分级方案) from the home's key g: every setting on a row
# as `lianfang scheme set` writes it, the matrix also as a grid of level
# names. The administrator (the role the model lets change settings) picks
# a preset for the level names and edits the categories; an invalid matrix
# is refused with the model's message and the typed text stays. Others read
# it, and changing is refused with the model's reason.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

LIANFANG_USER=admin tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 15  g 分级方案
type g
wait 本单位的风险分级方案
expect-row-has 3 ▶ 风险等级    低,中,高
expect-row-has 5   分级矩阵    1,1,2;1,2,3;2,3,3
expect-row-has 18 概率＼危害   轻微      较重      严重
expect-row-has 19 高           中        高        高
expect-row-has 21 低           低        低        中
expect-colour
# the preset, chosen from a list and confirmed
type p
wait 一级最高
key Down
key Down
key Enter
wait 风险等级名称改用“一级最高”方案？
type 1
wait 已选用等级名称方案“一级最高”。
expect-row-has 3 ▶ 风险等级    三级,二级,一级
expect-row-has 19 高           二级      一级      一级
# the categories edited in place
type jjjj
key Enter
wait Enter 保存，Esc 放弃修改
key C-U
type 行政审批,行政执法,政府采购
key Enter
wait 已修改“风险类别”。
expect-row-has 11 ▶ 风险类别    行政审批,行政执法,政府采购
# a matrix whose level falls as the severity rises: refused, the text kept
type kkk
key Enter
key C-U
type 1,1,2;1,2,3;3,2,1
key Enter
wait 分级矩阵有误
expect-row-has 5 ▶ 分级矩阵    1,1,2;1,2,3;3,2,1
expect-row-has 6 Enter 保存，Esc 放弃修改
# fixed in the same field
key Bksp
key Bksp
key Bksp
key Bksp
key Bksp
type 2,3,3
key Enter
wait 已修改“分级矩阵”。
expect-row-has 5 ▶ 分级矩阵    1,1,2;1,2,3;2,3,3
# reset, confirmed: the default names come back
type kr
wait 把“风险等级”恢复为默认设置？
type 1
wait “风险等级”已恢复默认。
expect-row-has 3 ▶ 风险等级    低,中,高
type p
wait 一级最高
key Down
key Down
key Enter
wait 改用“一级最高”方案？
type 1
wait 已选用等级名称方案“一级最高”。
type q
wait 1 年度工作
type q
expect-exit 0
EOS

lf --db d.db scheme show
contains "$OUT" "风险等级（由低到高）：三级、二级、一级" "the preset is saved"
contains "$OUT" "风险类别：行政审批、行政执法、政府采购" "the categories are saved"
contains "$OUT" "  3 高    二级  一级  一级" "the matrix is what was fixed"
before=$(q d.db "SELECT count(*) FROM rev")

# Staff read it; changing, a preset or a reset is refused with the model's reason.
LIANFANG_USER=staff tui -- --db d.db <<'EOS'
wait 1 年度工作
type g
wait 只能查看：您的角色不能修改分级方案。
expect-row-has 3 ▶ 风险等级    三级,二级,一级
key Enter
wait 不能修改本单位设置
expect-lacks Enter 保存，Esc 放弃修改
type p
wait 不能修改本单位设置
expect-lacks 选用等级名称方案
type r
wait 不能修改本单位设置
expect-lacks 恢复为默认设置？
type q
wait 1 年度工作
type q
expect-exit 0
EOS

# So does the discipline office: settings are the administrator's.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type g
wait 只能查看
key Enter
wait 需要系统管理员的角色
type q
wait 1 年度工作
type q
expect-exit 0
EOS
after=$(q d.db "SELECT count(*) FROM rev")
ok "$([ "$before" = "$after" ]; echo $?)" "nothing refused was written"

# A vt100 has no ▶: the selected row is marked with ">" as on the home.
TERM=vt100 tui -- --db d.db <<'EOS'
wait 1 年度工作
type g
wait 只能查看
expect-row-has 3 > 风险等级
expect-lacks ▶
type q
wait 1 年度工作
type q
expect-exit 0
EOS

done_testing
