#!/bin/sh
# The home screen on the demo: the year's four phases with their dates and
# the current one marked, the overdue self-checks at the top, progress by
# department, the menu. A phase kept past its end date and a tampered audit
# log stand out too. Each role sees its part; what it may not open is greyed,
# says why, and its key opens nothing.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row 0  廉防  肃州区市场监督管理局         2026年度 第三阶段 防范监督  用户 discipline
expect-row-has 2 2026年度廉政风险点防范管理  当前：第三阶段
expect-row-has 3   一 动员部署 03-01至03-31      二 查找风险 04-01至04-30
expect-row-has 4 ▶ 三 防范监督 05-01至11-30      四 检查考核 12-01至12-31
# the two returned forms past their rework deadline (2026-11-20 and -22; today is 11-23)
expect-row-has 6 ！退回整改超期 11-20：吕明辉（局领导班子 局长）
expect-row-has 7 ！退回整改超期 11-22：陈静（执法稽查大队 调查取证岗）
expect-row-has 9 各处室进度       岗位 已填 审核中 通过 退回   高   中   低
expect-row-has 10 局领导班子          4    4      0    3    1    3    1    0
expect-row-has 13 执法稽查大队        4    4      2    1    1    3    2    0
expect-row-has 18 合计               21   21      5   11    5    9    8    8
expect-row-has 20 潘超：科员、处室负责人（纪检监察室）、纪检监察
expect-row-has 21 年度工作：每个年度的四个阶段
# the menu, one key each, grouped by phase
expect-row 3   1 年度工作      │  一 动员部署 03-01至03-31      二 查找风险 04-01至04-30
expect-row-has 8  5 组织机构
expect-row-has 11  8 覆盖检查
# overdue lines in the error colour
expect-colour
# moving the selection shows what the row opens
key Down Down Down Down
wait 组织机构：处室、处室的岗位和职责、岗位上的人员
expect-cursor 8 1
key F1
wait 帮助：首页
expect-has （▶ 是当前阶段）
expect-has 灰色的是您
key PgDn
wait 您的角色可以：
expect-has   维护处室、岗位和人员 —— 全单位
key PgDn
wait 不可以：以分管领导身份审核自查表
key F10
wait-gone 帮助：首页
type q
expect-exit 0
EOS

# The demo's phase 2 set by hand: now long past its end (04-30).
LIANFANG_USER=discipline lf --db d.db cycle phase 2026 2
is_rc 0 "phase 2 set by hand"
tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 6 ！第二阶段“查找风险”已于 04-30 结束，仍停在本阶段
expect-row-has 7 ！退回整改超期 11-20：吕明辉
expect-row-has 2 当前：第二阶段
type q
expect-exit 0
EOS
LIANFANG_USER=discipline lf --db d.db cycle phase 2026 auto
is_rc 0 "back to following the dates"

# An audit entry changed behind the program's back: a warning at the top,
# from the engine's one check after signing in, and l lists the problems.
cp d.db tampered.db
sqlite3 tampered.db "UPDATE audit SET actor = 'someone' WHERE seq = 3 AND unit = '620902'"
tui -- --db tampered.db <<'EOS'
wait ！审计日志有 2 个问题：数据可能被人改动过，按 l 查看
expect-row-has 6 ！审计日志有 2 个问题
expect-row-has 7 ！退回整改超期 11-20：吕明辉
expect-row-has 22 审计日志有 2 个问题：数据可能被人绕过廉防改动过。请在首页打开“审计日志”查看。
key F1
wait 帮助：首页
key PgDn
wait 审计日志有 2 个问题
expect-has lianfang audit verify
key F10
wait-gone 帮助：首页
type l
wait 报告纪检监察部门
expect-row-has 1 首页 › 审计日志
key F10
wait ！审计日志有 2 个问题
type q
expect-exit 0
EOS

# Every form returned and overdue: four rows of alerts at most, the last one
# counting the rest; the table keeps its room and pages with PgDn.
cp d.db late.db
sqlite3 late.db "UPDATE selfcheck SET status = 'returned', rework_due = '2026-11-01'"
tui -- --db late.db <<'EOS'
wait 1 年度工作
expect-row-has 6 ！退回整改超期 11-01：吕明辉（局领导班子 局长）
expect-row-has 8 ！退回整改超期 11-01：彭子涵
expect-row-has 9 ！还有 17 项以上
expect-row-has 11 各处室进度
expect-row-has 12 局领导班子
expect-row-has 18 人事科              2    2      0    0    2    1    0    1 ↓
expect-row-has 19 合计               21   21      0    0   21    9    8    8
key PgDn
wait 纪检监察室          1    1      0    0    1    0    0    1
expect-row-has 12 办公室              3    3      0    0    3    0    2    2 ↑
key PgUp
wait 局领导班子
type q
expect-exit 0
EOS

# A department head: the year, and the progress of their own department; the
# power catalog of their department opens, another's is refused with the
# model's reason.
LIANFANG_USER=head tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 2 2026年度廉政风险点防范管理  当前：第三阶段
expect-row-has 6 各处室进度
expect-row-has 7 登记注册科          4    4      1    2    1    1    1    3
expect-row-has 8 合计                4    4      1    2    1    1    1    3
expect-row-has 20 蔡涛：科员、处室负责人（登记注册科）
type 7
wait 共 8 条
key Down Down Enter
wait 登记注册科的职权
expect-row-has 3 核准登记
type q
wait 共 8 条
key Down Down Down Enter
wait 不能查看：这是财务科的事项
expect-lacks 财务科的职权
type q
wait 1 年度工作
key F1
wait 帮助：首页
key PgDn PgDn
wait   以处室负责人身份审核自查表 —— 登记注册科
key F10
wait-gone 帮助：首页
# the data rows: exchange and import are not a head's; exporting what they read is
expect-attr 17 2 bold
expect-attr 18 2 bold
expect-attr 19 2 plain
expect-attr 20 2 bold
expect-attr 21 2 plain
type x
wait 不能打包和合并数据（U 盘交换）：需要纪检监察、系统管理员的角色
expect-row-has 21 数据交换：不能打开。
expect-row-has 1 首页 ───
# the export starts on their department
type e
wait 首页 › 导出表格
expect-row-has 6 处室     登记注册科
expect-row-has 7 人员     全部
key F10
wait 1 年度工作
type q
expect-exit 0
EOS

# A clerk: their roles, and what they may not read. Their account, the audit
# check and exporting their own form open; exchange and import do not.
LIANFANG_USER=staff tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 20 沈军：科员
# 自查表, 汇总表, 热力图: their own part
expect-attr 12 2 bold
expect-attr 13 2 bold
expect-attr 14 2 bold
expect-attr 17 2 bold
expect-attr 18 2 bold
expect-attr 19 2 plain
expect-attr 20 2 bold
expect-attr 21 2 plain
type i
wait 不能导入已有的表格（处室、岗位、人员、风险点）：需要纪检监察的角色
expect-row-has 21 导入表格：不能打开。
expect-row-has 1 首页 ───
type x
wait 数据交换：不能打开。
expect-row-has 1 首页 ───
type e
wait 首页 › 导出表格
# it starts on what a clerk may export: their own form
expect-row-has 7 人员     沈军
key F2
wait 已导出：1 份，2 行，Excel 工作簿。
key F10
wait 1 年度工作
type u
wait 当前用户：staff（沈军）
key F10
wait 1 年度工作
type 7
wait 共 8 条
key Down Down Enter
wait 不能查看
expect-lacks 登记注册科的职权
type q
type q
expect-exit 0
EOS

# The administrator: exchange and export, not import (the discipline office's).
LIANFANG_USER=admin tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 20 系统管理员
expect-attr 19 2 bold
expect-attr 20 2 bold
expect-attr 21 2 plain
type x
wait 首页 › 数据交换
key F10
wait 1 年度工作
type i
wait 导入表格：不能打开。
type q
expect-exit 0
EOS

# An account with no role at all: every row of the cycle and the data greyed,
# each saying why, and its key opens nothing; their own account and the
# audit check are everyone's.
LIANFANG_USER=admin lf --db d.db user add visitor --name 访客 --password-stdin <<'EOF2'
visitor-pass
EOF2
is_rc 0 "an account without roles"
LIANFANG_USER=visitor LIANFANG_PASSWORD=visitor-pass tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 2 您的角色不能查看年度工作。
expect-row-has 20 访客：没有角色
expect-row-has 21 年度工作：不能打开。您的角色不能查看年度工作。
type 5
wait 组织机构：不能打开。
expect-row-has 1 首页 ───
type 8
wait 覆盖检查：不能打开。
expect-row-has 1 首页 ───
type g
wait 分级方案：不能打开。
expect-row-has 1 首页 ───
expect-attr 15 2 plain
key F1
wait 帮助：首页
expect-has 1 年度工作：每个年度的四个阶段、起止日期和当前阶段；新建年度（您不能打开）
key F10
wait-gone 帮助：首页
expect-attr 12 2 plain
expect-attr 13 2 plain
expect-attr 14 2 plain
type 9
wait 自查表：不能打开。
expect-row-has 1 首页 ───
expect-attr 17 2 bold
expect-attr 18 2 bold
expect-attr 19 2 plain
expect-attr 20 2 plain
expect-attr 21 2 plain
type e
wait 导出表格：不能打开。
expect-row-has 1 首页 ───
type u
wait 当前用户：visitor（访客）
key F10
wait 1 年度工作
type q
expect-exit 0
EOS

done_testing
