#!/bin/sh
# The flow chart of a power: boxes joined by arrows, the risk step in a
# double box with its risk points, in colour with box-drawing characters and
# in ASCII on a vt100 (and in a GBK terminal); Enter on the risk step lists
# its risk points. Steps added, inserted, marked risky, moved and deleted from
# the screen keep their order in the database.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
steps() { # the power's steps: "seq:risky:action|…"
	q d.db "SELECT group_concat(seq || ':' || risky || ':' || action, '|') FROM (SELECT f.seq, f.risky, f.action
	  FROM flow_step f JOIN power w ON w.gid = f.power WHERE w.name = '受理审查' AND f.deleted = 0 ORDER BY f.seq)"
}
before=$(steps)

# 登记注册科 (the third department), 受理审查 (its second power)
TERM=xterm-256color tui -- --db d.db <<'EOS'
wait 1 年度工作
type 7
wait 共 8 条
key Down Down Enter
wait 登记注册科的职权
expect-row-has 21 共 4 条　Enter 看职权的流程图
key Down Enter
wait 流程图：受理审查
expect-colour
expect-row 2   职权：受理审查（执行权）
expect-row 5 ▶ ┌──────────────────────────────────────────────────────────────────────────┐
expect-row 6   │ 1. 申请人                                                                │
expect-row 9   └─────────────────────────────────────┬────────────────────────────────────┘
expect-row 10                                         ▼
expect-row 11   ╔══════════════════════════════════════════════════════════════════════════╗
expect-row 12   ║ 2. 受理审查岗  【风险环节】                                              ║
expect-row-has 15 ║ 风险点 7a64e3e3（中）：对材料不全的申请违规受理
expect-row-has 17 ║ 风险点 7f9e7a91（低）：收受申请人或代理中介的礼品礼金、宴请
expect-row-has 21 第 1 步，共 4 步，风险环节 1 个。
expect-row 23 F1 ^G帮助 Enter打开 F5 a新增 e修改 r风险环节 F8 d删除 F9 ^R历史 F10 ^X返回
# the risk box in the error colour (bold)
expect-attr 12 4 bold
# the selected step's history
key F9
wait 流程环节“提交申请材料”的历史：1 次
key F10
wait-gone 的历史：1 次
wait 第 1 步，共 4 步
key Down
wait 第 2 步，共 4 步，风险环节 1 个。Enter 看这一步的风险点
key Enter
wait 第 2 步的风险点
expect-row-has 2 风险等级  风险点
expect-row-has 3 中        对材料不全的申请违规受理
expect-row-has 3 受理审查岗　沈军
expect-row-has 4 低        收受申请人或代理中介的礼品礼金、宴请
key F10
wait-gone 第 2 步的风险点
# a step after step 2
type a
wait 新建流程环节
expect-row-has 2 职权       受理审查
expect-row-has 3 序号*      3
type 受理审查岗
key Tab
type 一次性告知需要补正的全部材料
key F2
wait 已保存：流程环节。
wait 第 3 步，共 5 步，风险环节 1 个。r 标为风险环节
# marked risky, then moved before step 2, then inserted before it
type r
wait 第 3 步已标为风险环节。
wait 这一步还没有关联风险点
type K
wait 移到了第 2 步。
type i
wait 新建流程环节
expect-row-has 3 序号*      2
key Tab
type 导服人员引导取号
key F2
wait 第 2 步，共 6 步
# the new step 2 deleted again
type d
wait 删除第 2 步“导服人员引导取号”？
type 1
wait 已删除第 2 步，后面的步骤依次前移。
# a step with risk points cannot go
key Down
wait 第 3 步，共 5 步
type d
wait 删除第 3 步
type 1
wait 关联着 2 个风险点
type q
type q
type q
type q
expect-exit 0
EOS

contains "$before" "1:0:提交申请材料|2:1:审查材料是否齐全" "the demo's chart before"
contains "$(steps)" "1:0:提交申请材料|2:1:一次性告知需要补正的全部材料|3:1:审查材料是否齐全、符合法定形式|4:0:" \
	"after: the new risky step second, the others after it, numbered 1…5"

# vt100: ASCII boxes, '#' for the risk step, no colour; every action without function keys.
TERM=vt100 tui -- --db d.db <<'EOS'
wait 1 年度工作
type 7
wait 共 8 条
key Down Down Enter
wait 登记注册科的职权
key Down Enter
wait 流程图：受理审查
expect-no-colour
expect-row 5 > +--------------------------------------------------------------------------+
expect-row 6   | 1. 申请人                                                                |
expect-row 9   +-------------------------------------+------------------------------------+
expect-row 10                                         v
expect-row 11   #==========================================================================#
expect-row 12   # 2. 受理审查岗  【风险环节】                                              #
expect-lacks ┌
expect-lacks ║
expect-row 23 F1 ^G帮助 Enter打开 F5 a新增 e修改 r风险环节 F8 d删除 F9 ^R历史 F10 ^X返回
# in monochrome the selected step is reversed, the risk box bold
expect-attr 6 4 reverse
expect-attr 12 4 bold
key Down
wait 第 2 步
expect-attr 12 4 reverse
expect-attr 6 4 plain
# t: box-drawing characters after all, and back
type t
wait 改用制表符画流程图。
expect-row-has 5 ┌───
type t
wait 改用 ASCII 字符画流程图。
key C-g
wait 帮助：
expect-has 现在用ASCII 字符画
key C-x
wait-gone 帮助：
key C-x
key C-x
key C-x
wait 1 年度工作
key C-x
expect-exit 0
EOS

# A GBK terminal: ASCII (its box-drawing characters are two columns wide),
# the Chinese in the boxes as in UTF-8.
gbk_locale
LOCPATH=$GBK_LOCPATH LC_ALL=zh_CN.GBK LANG=zh_CN.GBK tui -e GBK -- --db d.db <<'EOS'
wait 1 年度工作
type 7
wait 共 8 条
key Down Down Enter
wait 登记注册科的职权
key Down Enter
wait 流程图：受理审查
expect-row 5 > +--------------------------------------------------------------------------+
expect-row 12   # 2. 受理审查岗  【风险环节】                                              #
type q
type q
type q
type q
expect-exit 0
EOS

done_testing
