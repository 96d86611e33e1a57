#!/bin/sh
# The heat map and the summary table on the demo: on a vt100 (no colour) the
# heat map's levels read by their names and by plain / bold / reverse cells;
# in colour they are coloured; Enter on a cell lists its risks and Enter on a
# risk opens its form. The summary table pages forward and back, filters by
# level, and searches risks, duties and measures with the matches underlined;
# the history key shows the selected risk's history. A head and a clerk are
# told they see only their part.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

TERM=vt100 tui -- --db d.db <<'EOS'
wait 1 年度工作
type h
wait 风险热力图
expect-no-colour
expect-has 合计 25 个风险点，按审定等级：高 9，中 8，低 8
expect-has 领导审定等级与矩阵建议不同 1 个
expect-row 4  发生概率 ↓        轻微(1)          较重(2)          严重(3)
expect-row 6  高(3)               0 个             1 个       [     2 个     ]
expect-row 7                       中               高        [      高      ]
expect-row 9  中(2)               0 个             3 个             5 个
expect-row 12  低(1)               0 个             8 个             6 个
# high: reverse; middle: bold; low: plain — and the name in the cell
expect-attr 6 33 reverse
expect-attr 6 16 bold
expect-attr 9 16 plain
expect-attr 12 16 plain
expect-attr 12 50 bold
expect-cursor 6 49
key Left
wait 选中：发生概率 高 × 危害程度 较重，1 个风险点，矩阵等级 高。
expect-row 6  高(3)               0 个       [     1 个     ]       2 个
key Enter
wait 汇总表（热力图一格）
expect-has 全单位 · 发生概率 高 × 危害程度 较重
expect-row-has 4 冯国庆 消保科科长   对投诉推诿拖延
expect-lacks 下面还有
key Enter
wait 自查表：冯国庆
key Esc
wait 汇总表（热力图一格）
key Esc
wait-gone 汇总表（热力图一格）
key Esc
wait-gone 首页 ›
wait 1 年度工作
type 0
wait 第 1 页，下面还有
expect-row 3  序号 处室       姓名   岗位名称     潜在风险                            等级
expect-row-has 4    1 局领导班子 吕明辉 局长
# a vt100 has no PgDn: Space and - page
key Space
wait 第 2 页
expect-row-has 4    9 登记注册科
type -
wait-gone 第 2 页
expect-row-has 4    1 局领导班子
type l
wait 选择风险等级
key Down
key Enter
wait 全单位 · 等级 高
expect-lacks [中]
expect-has [高]
type x
wait-gone 等级 高
type /
wait 查找（风险、职责、措施）：
type 礼品礼金
key Enter
wait 查找“礼品礼金”
expect-has 全文索引查找
expect-row-has 4 收受供应商回扣、礼品礼金
expect-has 潜在风险：收受供应商回扣、礼品礼金
key Down
wait 潜在风险：收受申请人或代理中介的礼品礼金、宴请
# the match is underlined (no colour here), the rest of the row plain
expect-attr 4 53 underline
expect-attr 4 55 underline
expect-attr 4 51 plain
# Ctrl-R (a vt100 has no F9) shows the selected row's risk and its history
key C-r
wait 风险点“收受申请人或代理中介的礼品礼金、宴请”的历史
key Esc
wait 查找“礼品礼金”
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

tui -- --db d.db <<'EOS'
wait 1 年度工作
type h
wait 风险热力图
expect-colour
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

# A head and a clerk see their part, and the heading says so (regression:
# it said 全单位 over the head's department alone).
LIANFANG_USER=head tui -- --db d.db <<'EOS'
wait 1 年度工作
type 0
wait 只显示你有权查看的：登记注册科
expect-lacks 全单位
expect-row-has 4 登记注册科
expect-lacks 局领导班子
key Esc
wait-gone 首页 ›
wait 1 年度工作
type h
wait （不含已停用的风险点）　只显示你有权查看的：登记注册科
expect-has 合计 5 个风险点
key Esc
wait-gone 首页 ›
wait 1 年度工作
type 9
wait 状态：全部　只显示你有权查看的：登记注册科
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
# A leader covers three departments: the filters stay on the line, the long
# note comes after them.
LIANFANG_USER=leader tui -- --db d.db <<'EOS'
wait 1 年度工作
type 0
wait 只显示你有权查看的：办公室、登记注册科、消费者权益保护科
type l
wait 选择风险等级
key Down
key Enter
wait 等级 高　只显示你有权查看的：办公室、登记注册科
key Esc
wait-gone 首页 ›
wait 1 年度工作
type 9
wait 状态：全部　只显示你有权查看的：办公室、登记注册科
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS
LIANFANG_USER=staff tui -- --db d.db <<'EOS'
wait 1 年度工作
type 0
wait 只显示你有权查看的：本人岗位（受理审查岗）
expect-row-has 4 沈军   受理审查岗
expect-row-has 5 沈军   受理审查岗
expect-row 6 
key Esc
wait-gone 首页 ›
wait 1 年度工作
type q
expect-exit 0
EOS

done_testing
