#!/bin/sh
# The self-check form on screen: its own person cannot change it once it is
# submitted and is told why; after the leader returns it, the person edits
# it and the signatures given before show as lapsed; risks are reordered and
# retired; a hang-up in the middle of a new risk keeps a draft that is
# offered back whole; the history key shows the record under the cursor; the
# leadership decides a level other than the matrix's only with a reason, and
# both levels are shown; the head records how a measure is carried out but
# cannot change its words; and a GBK terminal types Chinese into a risk that is
# stored as UTF-8.
. "$LIANFANG_TOP/tests/tui/tui-lib"

# ---------------------------------------------------------------- a new database, its accounts
lf init --unit-code 620902 --unit-name 测试局 m.db
demo_accounts m.db
is_rc 0 "a new database with the demo's administrator and discipline officer"
export LIANFANG_PASSWORD=lianfang
LIANFANG_USER=discipline lf --db m.db cycle add 2026
LIANFANG_USER=discipline lf --db m.db dept add --name 测试科
LIANFANG_USER=discipline lf --db m.db post add --dept 测试科 --name 审批岗 --duties 负责审批
LIANFANG_USER=discipline lf --db m.db person add --name 王五 --post 审批岗
LIANFANG_USER=discipline lf --db m.db person add --name 李四 --post 审批岗
LIANFANG_USER=discipline lf --db m.db dept edit 测试科 --head 李四
is_rc 0 "a department, its post, its head and a clerk"
printf 'lianfang\n' >pw
LIANFANG_USER=admin lf --db m.db user add wangwu --name 王五 --person 王五 --role staff --password-stdin <pw
LIANFANG_USER=admin lf --db m.db user add lisi --name 李四 --person 李四 --role head:测试科 --password-stdin <pw
LIANFANG_USER=admin lf --db m.db user add zhao --name 赵六 --role leader:测试科 --password-stdin <pw
is_rc 0 "accounts for the clerk, the head and the leader in charge"
export LIANFANG_USER=wangwu
lf --db m.db selfcheck new --person 王五
lf --db m.db risk add --selfcheck 王五 --description 甲风险 --probability 1 --severity 1
lf --db m.db risk add --selfcheck 王五 --description 乙风险
lf --db m.db selfcheck submit 王五
LIANFANG_USER=lisi lf --db m.db review head 王五 --opinion 同意
is_rc 0 "a form with two risks, submitted and signed by the head"

# The person's own form, signed: nothing to change, and the key says why.
tui -- --db m.db <<'EOS'
wait 1 年度工作
type 9
wait 自查表：王五
expect-has 状态：处室负责人已签字　下一步：分管领导审核。
expect-has 处室负责人审核：同意  李四
expect-lacks 加风险
key Down Down
key Enter
wait 自查表现为“处室负责人已签字”
# the whole reason is on the help page
key F1
wait 最近的消息
expect-has 本人不能再修改
key Esc
wait 自查表：王五
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

LIANFANG_USER=zhao lf --db m.db review leader 王五 --return --opinion 风险找得不全 --due 2026-12-10
is_rc 0 "the leader in charge returns it"

tui -- --db m.db <<'EOS'
wait 1 年度工作
type 9
wait 自查表：王五
expect-has 状态：退回整改　整改期限 2026-12-10，本人修改后重新提交。
key Down
key Enter
wait 修改风险点 1
key End
type （补充）
key F2
wait 已保存风险点。
expect-has [低] 甲风险（补充）
expect-has 处室负责人审核：同意  李四  [签字已失效：之后内容有修改]
key Down
type K
wait  1 [未评] 乙风险
expect-has  2 [低] 甲风险（补充）
# the history key shows the selected risk's history
key F9
wait 风险点“乙风险”的历史
expect-row-has 1 › 历史：风险点“乙风险”
key Esc
wait  1 [未评] 乙风险
type d
wait 风险点 1：停用的保留在表上，不计入汇总。
type 1
wait 乙风险（已停用）
type a
wait 新的风险点
type 利用审批权为亲友办理不符合条件的事项
hangup
expect-exit 1
EOS
contains "$(q m.db "SELECT group_concat(seq || description || retired, ' ') FROM (SELECT * FROM risk ORDER BY seq)")" \
	"1乙风险1 2甲风险（补充）0" "reordered, edited and retired as on the screen"
contains "$(q m.db "SELECT status FROM selfcheck")" "returned" "still returned: it is resubmitted by hand"
contains "$(q m.db "SELECT form || ' ' || json_extract(data, '\$.description') FROM draft")" \
	"p2.risk-new 利用审批权为亲友办理不符合条件的事项" "the hang-up kept the new risk as a draft"

tui -- --db m.db <<'EOS'
wait 1 年度工作
type 9
wait 自查表：王五
type a
wait 存下的草稿：  1 恢复草稿  2 删除草稿
type 1
wait 已恢复草稿
expect-has 潜在风险*  利用审批权为亲友办理不符合条件的事项
key Tab Space
key F2
wait 已添加风险点
expect-has  3 [未评] 利用审批权为亲友办理不符合条件的事项
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
contains "$(q m.db "SELECT count(*) FROM draft")" "0" "saving used the draft up"

# ---------------------------------------------------------------- the leadership decides a level (demo)
export LIANFANG_PASSWORD=lianfang LIANFANG_USER=discipline
demo_db d.db
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 9
wait 沈军
key Down Down Down Down Down Down Down Down
key Enter
wait 自查表：沈军
key Down
wait 审定等级
expect-has 发生概率 中 × 危害程度 较重 → 建议等级 中
type l
wait 审定风险点 1 的等级
expect-has 矩阵建议：中（发生概率 中 × 危害程度 较重）
expect-has 审定等级*  按建议（中）
key Space
expect-has 审定等级*  高
key F2
wait 没有保存：审定等级“高”与矩阵建议的“中”不同，须写明调整理由。
type 该岗位近两年发生过违规受理问题。
key F2
wait 已审定风险等级。
expect-has  1 [高] 对材料不全的申请违规受理
expect-has 领导审定 高（建议 中）
expect-has 审定理由：该岗位近两年发生过违规受理问题。
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT level_proposed || level || level_reason FROM risk WHERE description LIKE '对材料不全%'")" \
	"23该岗位近两年发生过违规受理问题。" "both levels kept, with the reason"

# ---------------------------------------------------------------- the head tracks a measure (demo)
# 程志强's form was returned; its words are his, but the head records how a
# measure is carried out. Regression: the sheet sent the unchanged words too,
# and the model refused the head every save.
LIANFANG_USER=head tui -- --db d.db <<'EOS'
wait 1 年度工作
type 9
wait 程志强
key Down Down Down
key Enter
wait 自查表：程志强
# a measure's particulars wrap between items, not inside a name or a date
expect-row 12            前期预防 · 制度：档案管理制度 · 责任人 程志强 · 监督人 潘超 ·
expect-row 13            期限 2026-10-30 · 进行中
key Down Down Down
wait ›    措施 2  科长每月核对查询登记簿
key Enter
wait 修改措施 1.2
expect-has 措施的内容、阶段和制度是本人在自查表上写的，这里不能改
expect-row-has 6 防控措施   科长每月核对查询登记簿
expect-cursor 9 13
key Tab Tab Tab
expect-has 落实情况   计划
key Space
expect-has 落实情况   进行中
key F2
wait 已保存防控措施。
expect-has 中期监控 · 责任人 程志强 · 监督人 潘超 · 期限 2026-08-30 · 进行中
expect-has 状态：退回整改（不准确）
key Esc Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT m.status || ' ' || s.status FROM measure m JOIN risk r ON r.gid = m.risk \
	JOIN selfcheck s ON s.gid = r.selfcheck WHERE m.content = '科长每月核对查询登记簿'")" "doing returned" \
	"the head's tracking is saved, the form stays returned"

# ---------------------------------------------------------------- the leader signs for a head (demo)
# 蔡涛 heads 登记注册科: his own form's head signature is his leader's to
# give. The sheet's words wrap without a line starting with "。" or a number
# cut in two (regression: "风险\n。同意" and "不填为 1\n5 天后").
LIANFANG_USER=leader tui -- --db d.db <<'EOS'
wait 1 年度工作
type 9
wait 蔡涛
key Down Down Down Down
key Enter
wait 自查表：蔡涛
wait 下一步：处室负责人审核。轮到你了：按 r 审核。
type r
wait 处室负责人审核
expect-row 2   以处室负责人身份审核蔡涛（登记注册科，登记注册科科长）的自查表，共 1 项风
expect-row 3   险。同意即签字，交分管领导审核；退回时写明意见，本人限期修改（整改期限不填为
expect-row 4   15 天后）。
key Esc Esc Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

# ---------------------------------------------------------------- typing in a GBK terminal
# The director's own form was returned for rework: he adds a risk.
gbk_locale
LIANFANG_USER=principal LOCPATH=$GBK_LOCPATH LC_ALL=zh_CN.GBK LANG=zh_CN.GBK tui -e GBK -- --db d.db <<'EOS'
wait 1 年度工作
type 9
wait 吕明辉
type m
wait 自查表：吕明辉
expect-has 状态：退回整改（基本准确）
type a
wait 新的风险点
type 对重大项目资金拨付把关不严
wait 13/500 字
expect-row 5   潜在风险*  对重大项目资金拨付把关不严
expect-cursor 5 39
key Tab Space
expect-has 风险类别   行政审批
key F2
wait 已添加风险点
expect-has > 2 [未评] 对重大项目资金拨付把关不严
# the marks between the fields are in GBK too (no placeholders)
expect-has 类别 行政审批 · 来源 — · 查找方式 个人自查
expect-has 发生概率 中 × 危害程度 严重 → 建议等级 高
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
expect-restored
EOS
contains "$(q d.db "SELECT description FROM risk WHERE hex(description) = \
	hex('对重大项目资金拨付把关不严')")" "对重大项目资金拨付把关不严" "typed in GBK, stored as UTF-8"

done_testing
