#!/bin/sh
# Phase 2 walked from the screens alone, at 80×24, by new users of a fresh
# database, each signed in as themselves: the discipline officer creates the
# cycle, a department, a post and a person (the generic screens); the person
# starts their self-check, fills it with Chinese risks and measures and
# submits it; the department head and the leader in charge sign it; the
# assessment grades it 不准确, which returns it with a deadline; the person
# reworks and resubmits; head and leader sign again; it is graded 准确; and the
# risk is in the summary table (found by search, highlighted) and in the heat
# map, where Enter on its cell lists it.
#
# The administrator is made on the first-run screen and adds the discipline
# officer on the user screens; the accounts of the person, the head and the
# leader are made with `lianfang user add` (tests/tui/users.sh walks those
# screens). Each account holds only the role of its step.
. "$LIANFANG_TOP/tests/tui/tui-lib"

lf init --unit-code 620902 --unit-name 测试局 w.db
is_rc 0 "a fresh database"

# ---------------------------------------------------------------- first run: the administrator, then the discipline officer
(unset LIANFANG_USER LIANFANG_PASSWORD
tui -- --db w.db <<'EOS'
wait 建立系统管理员
type admin
key Tab
type 管理员
key Tab
type Admin-pass-1
key Tab
type Admin-pass-1
wait 两次输入一致
key Enter
wait 已建立系统管理员“admin”，并已登录
type u
wait 当前用户：admin
type u
wait 共 1 个用户
type a
wait 添加用户
type ji
key Tab
type 纪检干部
key Tab
type Lianfang-1
key Tab
type Lianfang-1
wait 两次输入一致
key Enter
wait 已添加用户“ji”
key Enter
wait 用户 ji
type g
wait 授予角色
key Down Down Down Down
key Enter
wait 已授予“ji”纪检监察角色
key Esc Esc Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
)
printf 'Lianfang-1\n' >pw
export LIANFANG_PASSWORD=Lianfang-1

# ---------------------------------------------------------------- the discipline officer sets up the year
LIANFANG_USER=ji tui -- --db w.db <<'EOS'
wait 1 年度工作
type 9
wait 还没有建立年度工作
type 1
wait 还没有年度
type a
wait 新建年度（年份）：2026
key Enter
wait 新建年度工作
key F2
wait 2026年度的四个阶段
key Esc
wait-gone 首页 ›
wait 1 年度工作
type 5
wait 还没有记录
type a
wait 新建处室
type 廉政测试科
key F2
wait 共 1 条
key Enter
wait 首页 › 组织机构 › 廉政测试科
type a
wait 新建岗位
expect-row-has 4 所属处室*  廉政测试科
type 审批岗
key Tab
type 负责行政许可事项的受理、审查和审批。
key F2
wait 共 1 条
key Enter
wait 首页 › 组织机构 › 廉政测试科 › 审批岗
type a
wait 新建人员
type 王小明
key F2
wait 已保存：人员。
key Esc
wait-gone 首页 › 组织机构 › 廉政测试科 › 审批岗
key Esc
wait-gone 首页 › 组织机构 › 廉政测试科
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

# ---------------------------------------------------------------- accounts for the person, the head, the leader
LIANFANG_USER=admin LIANFANG_PASSWORD=Admin-pass-1 lf --db w.db user add wang --name 王小明 --person 王小明 \
	--role staff --password-stdin <pw
is_rc 0 "an account for the person on the post"
LIANFANG_USER=ji lf --db w.db person add --name 李处长 --post 审批岗
is_rc 0 "the head of the department, as a person"
LIANFANG_USER=ji lf --db w.db dept edit 廉政测试科 --head 李处长
is_rc 0 "named as its head"
LIANFANG_USER=admin LIANFANG_PASSWORD=Admin-pass-1 lf --db w.db user add chu --name 李处长 --person 李处长 \
	--role head:廉政测试科 --password-stdin <pw
is_rc 0 "the department head"
LIANFANG_USER=admin LIANFANG_PASSWORD=Admin-pass-1 lf --db w.db user add fen --name 赵局长 \
	--role leader:廉政测试科 --password-stdin <pw
is_rc 0 "the leader in charge"
# A staff member who reads only their own post gets their form at once (and
# leaves it for the home screen).
LIANFANG_USER=chu lf --db w.db cycle list
is_rc 0 "the head reads the cycle with the head's role alone"

# ---------------------------------------------------------------- the person fills the form and submits it
LIANFANG_USER=wang tui -- --db w.db <<'EOS'
wait 1 年度工作
type 9
wait 本年度你还没有自查表，新建一张？
type 1
wait 已新建自查表
expect-row-has 1 首页 › 自查表
expect-has 岗位职责：负责行政许可事项的受理、审查和审批。
expect-has 还不能提交：自查表还没有填写任何潜在风险
type a
wait 新的风险点
type 对申请材料把关不严，违规受理不符合条件的许可申请
key Tab
key Space
expect-has 风险类别   行政审批
key Tab Space Tab Tab
key Space Space
key Tab
key Space Space
expect-has 建议等级   中（按本单位 3×3 矩阵
key Space
expect-has 建议等级   高（按本单位 3×3 矩阵：发生概率 中 × 危害程度 严重）
key F2
wait 已添加风险点
expect-has  1 [高] 对申请材料把关不严，违规受理不符合条件的许可申请
expect-has 发生概率 中 × 危害程度 严重 → 建议等级 高
type m
wait 风险 1 的新措施
type 实行受理与审批分离，申请材料清单和办理时限对外公开
key Tab Space
key F2
wait 已添加防控措施
expect-has 措施 1  实行受理与审批分离，申请材料清单和办理时限对外公开
type a
wait 新的风险点
type 收受申请人的礼品礼金、宴请
key F2
wait 已添加风险点
expect-has  2 [未评] 收受申请人的礼品礼金、宴请
type m
wait 风险 2 的新措施
type 签订廉洁承诺书，窗口全程录音录像
key F2
wait 已添加防控措施
type s
wait 提交自查表？
type 1
wait 已提交，等待处室负责人审核。
expect-has 状态：已提交　下一步：处室负责人审核。
type e
wait 本人不能再修改
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

# ---------------------------------------------------------------- the head and the leader sign
sign() { # login, step title
	LIANFANG_USER=$1 tui -- --db w.db <<EOS
wait 1 年度工作
type 9
wait 王小明
key Enter
wait 自查表：王小明
wait 轮到你了：按 r 审核。
type s
wait 不能提交自查表
type r
wait $2
expect-has 签字日期   2026-11-23
key Tab
type 同意，风险点查找较准确。
key F2
wait 已签字同意。
expect-has 同意，风险点查找较准确。
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
}

# before it is their turn, the leader is told why not
LIANFANG_USER=fen tui -- --db w.db <<'EOS'
wait 1 年度工作
type 9
wait 王小明
key Enter
wait 下一步：处室负责人审核。
expect-row 23 F1 ^G帮助 F9 ^R历史 F10 ^X返回
type r
wait 处室负责人尚未签字，分管领导不能先签。
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
sign chu 处室负责人审核
sign fen 分管领导审核

# ---------------------------------------------------------------- the assessment: 不准确, returned
LIANFANG_USER=ji tui -- --db w.db <<'EOS'
wait 1 年度工作
type 9
wait 分管领导已签字
key Enter
wait 轮到你了
type r
wait 质量评估
key Space Space Space Space
expect-has 评估等次*  不准确
key F2
wait 没有保存：退回整改时须写明意见
# the cursor is in the opinion, the field the refusal is about
type 风险描述不够具体，请写明违规受理的具体情形。
key Tab
type 2026年12月10日
key F2
wait 已评定为“不准确”，退回本人限期整改。
expect-has 整改期限 2026-12-10，本人修改后重新提交。
expect-has 质量评估：不准确  纪检干部
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

# ---------------------------------------------------------------- the person reworks and resubmits
LIANFANG_USER=wang tui -- --db w.db <<'EOS'
wait 1 年度工作
type 9
wait 整改期限 2026-12-10
key Down
key Enter
wait 修改风险点 1
type （如材料不全仍予受理）
key F2
wait 已保存风险点。
expect-has 违规受理不符合条件的许可申请（如材料不全仍予受
expect-has 提交  王小明  [之后内容有修改]
type s
wait 提交自查表？
type 1
wait 已提交，等待处室负责人审核。
expect-has —— 重新提交 ——
expect-has 质量评估：不准确  纪检干部
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

sign chu 处室负责人审核
sign fen 分管领导审核

# ---------------------------------------------------------------- 准确; then the summary table and the heat map
LIANFANG_USER=ji tui -- --db w.db <<'EOS'
wait 1 年度工作
type 9
wait 王小明
key Enter
wait 轮到你了
type r
wait 质量评估
key Space
expect-has 评估等次*  准确
key F2
wait 已评定为“准确”，评估通过。
expect-has 状态：评估通过（准确）
expect-has 已评估通过（准确），审核完毕。
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type 0
wait 汇总表
wait 对申请材料把关不严
expect-row-has 4 廉政测试科 王小明 审批岗
expect-row-has 4 [高]
expect-has 防控措施：1. 实行受理与审批分离，申请材料清单和办理时限对外公开
type /
wait 查找（风险、职责、措施）：
type 录像
key Enter
wait 查找“录像”
expect-has 收受申请人的礼品礼金、宴请
expect-lacks 对申请材料把关不严
expect-has 防控措施：1. 签订廉洁承诺书，窗口全程录音录像
key Esc
wait-gone 首页 ›
wait 1 年度工作
type h
wait 风险热力图
expect-has 合计 2 个风险点，按审定等级：高 1，中 0，低 0，未评级 1
key Down
wait 选中：发生概率 中 × 危害程度 严重，1 个风险点
key Enter
wait 汇总表（热力图一格）
expect-has 发生概率 中 × 危害程度 严重
expect-has 对申请材料把关不严
expect-lacks 收受申请人
key Enter
wait 自查表：王小明
key Esc
key Esc
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

contains "$(q w.db "SELECT status || '/' || grade FROM selfcheck")" "accepted/准确" "the form is accepted as 准确"
contains "$(q w.db "SELECT group_concat(step || ':' || ifnull(result, '') || ifnull(grade, ''), ' ') FROM \
	(SELECT * FROM review ORDER BY signed, id)")" \
	"submit: head:同意 leader:同意 assess:不准确 submit: head:同意 leader:同意 assess:准确" \
	"every step recorded, in order"
contains "$(q w.db "SELECT group_concat(signer) FROM review WHERE step = 'head'")" "李处长,李处长" \
	"the head signed as themselves"
contains "$(q w.db "SELECT level_proposed || level FROM risk WHERE seq = 1")" "33" "the risk is graded 高 by the matrix"
lf check w.db
is_rc 0 "the database checks out"

done_testing
