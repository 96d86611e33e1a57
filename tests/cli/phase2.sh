#!/bin/sh
# Phases 1 and 2 from the command line, end to end: create the cycle and the
# plan, the organisation, a power with its flow chart, a self-check with
# Chinese risks, the review chain through 不准确 (returned), rework and 准确,
# then the summary table, heat map, search and coverage. The whole transcript
# is a golden file; the key steps are also asserted one by one.
. "$LIANFANG_TOP/tests/lib.sh"

T=transcript
: >$T
# Run a command, append it and its output and exit status to the transcript.
step() {
	lf --db o.db "$@"
	{
		printf '$ lianfang %s\n' "$*"
		[ -n "$OUT" ] && printf '%s\n' "$OUT"
		[ -n "$ERR" ] && printf '%s\n' "$ERR"
		printf '[exit %d]\n' "$RC"
	} >>$T
}

lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 o.db
is_rc 0 "init"

# ---- phase 1
step cycle add 2026
is_rc 0 "cycle add"
contains "$OUT" "2026-05-01 至 2026-11-30" "phase 3 defaults to May–November"
step plan set --title 2026年度廉政风险点防范管理工作实施方案 --doc-no "肃市监党发〔2026〕5号" --issued 2026年2月25日 --office 纪检监察室 --body "结合我局实际，制定本方案。"
is_rc 0 "plan set"
step plan show
contains "$OUT" "印发日期：2026-02-25" "the issuing date, written in Chinese, stored as ISO"
step dept add --name 登记注册科
step post add --dept 登记注册科 --name 受理审查岗 --duties "在政务大厅窗口受理市场主体登记申请，审查申请材料是否齐全、是否符合法定形式。"
is_rc 0 "post add"
step person add --name 王静 --post 受理审查岗 --title 科员
step person add --name 李建国 --post 受理审查岗 --title 科长
step person add --name 赵志强 --title 副局长
step person add --name 刘纪 --title 纪检组长
step dept edit 登记注册科 --head 李建国 --leader 赵志强
is_rc 0 "department head and leader in charge"
step group add --person 赵志强 --role 组长
step group add --person 刘纪 --role 办公室主任 --duty 领导小组办公室日常工作
step group list
contains "$OUT" "办公室主任  刘纪" "the leading group"
step meeting add --date 2026-03-05 --kind 动员大会 --title 全局廉政风险点防范管理工作动员大会 --count 46
step meeting add --date 2026-03-18 --kind 专题学习 --count 四十
is_rc 1 "attendance must be a number"
contains "$ERR" "人数" "the message names the field"
step meeting list

# ---- phase 2: duties, powers, flow chart
step power add --post 受理审查岗 --name 受理审查 --kind 执行权 --basis "《中华人民共和国市场主体登记管理条例》第十七条"
is_rc 0 "power add"
step step add --power 受理审查 --actor 申请人 --action 提交申请材料
step step add --power 受理审查 --actor 受理审查岗 --action 审查材料是否齐全、符合法定形式 --limit 当场 --supervision 系统留痕 --risky
step step add --power 受理审查 --at 2 --actor 受理审查岗 --action 材料不全的一次性告知补正内容
step step list --power 受理审查
contains "$OUT" "3. " "the risky step moved to 3"
step coverage
contains "$OUT" "没有风险点的风险环节：1 个" "the risky step has no risk yet"
contains "$OUT" "没有自查表的岗位：1 个" "the post has no self-check yet"

# ---- the self-check
step selfcheck new --person 王静 --filled 2026-04-08
is_rc 0 "selfcheck new"
step risk add --selfcheck 王静 --description "对材料不全的申请违规受理，或对符合条件的故意刁难、拖延" --category 行政审批 --source 权力行使 --found-by 个人自查 --probability 2 --severity 3 --power 受理审查 --step 3
is_rc 0 "a Chinese risk on the risky step"
contains "$OUT" "建议等级：高" "the matrix proposes 高 for 2×3"
R1=$(printf '%s' "$OUT" | sed -n 's/^已增加风险点 \([0-9a-f]*\).*/\1/p')
step risk add --selfcheck 王静 --description "收受申请人或代理中介的礼品礼金、宴请" --category 行政审批 --source 思想道德 --probability 1 --severity 2
R2=$(printf '%s' "$OUT" | sed -n 's/^已增加风险点 \([0-9a-f]*\).*/\1/p')
step risk add --selfcheck 王静 --description 测试 --category 吃拿卡要
is_rc 1 "a category outside the unit's list"
contains "$ERR" "风险类别" "names the field"
step measure add "$R1" --stage 前期 --content "公开办事指南和一次性告知清单，推行“最多跑一次”" --rule 首问负责制 --responsible 王静 --supervisor 李建国
is_rc 0 "measure add"
step measure add "$R2" --stage 中期监控 --content 在窗口公布监督举报电话
step review assess 王静 --grade 准确
is_rc 1 "grading a never-submitted form is refused"
contains "$ERR" "尚未提交" "with the reason"
step selfcheck submit 王静 --user wangjing --date 2026-04-10
is_rc 0 "submitted"
step review head 王静 --user wangjing --opinion 同意
is_rc 1 "nobody reviews their own form"
step review leader 王静 --signer 赵志强
is_rc 1 "the leader cannot sign before the head"
contains "$ERR" "处室负责人尚未签字" "says why"
step review head 王静 --user lijg --signer 李建国 --opinion "风险点查找基本全面，同意。" --date 2026-04-12
is_rc 0 "head signs"
step review head 王静 --signer 李建国 --date 2026-04-12
is_rc 1 "approving twice is refused"
step review leader 王静 --signer 赵志强 --opinion 同意处室意见 --date 2026-04-14
is_rc 0 "leader signs"
step review assess 王静 --grade 不准确 --signer 刘纪 --date 2026-04-20
is_rc 1 "returning needs an opinion"
step review assess 王静 --grade 不准确 --signer 刘纪 --date 2026-04-20 --opinion "风险点未结合窗口实际，措施针对性不强，请限期完善。"
is_rc 0 "graded 不准确"
contains "$OUT" "退回整改" "returned"
contains "$OUT" "整改期限 2026-05-05" "with a deadline 15 days on"
step selfcheck list --overdue
contains "$OUT" "已超期" "past its deadline on 2026-11-23"

# ---- rework and the second round
step risk edit "$R1" --description "对材料不全的申请违规受理，对符合条件的故意刁难、拖延，或为中介代办开“绿灯”"
is_rc 0 "rework the risk"
step measure add "$R1" --stage 中期 --content 窗口安装评价器，群众现场评价；科长每周抽查受理件
step selfcheck submit 王静 --signer 王静 --date 2026-04-28
step review head 王静 --signer 李建国 --opinion 同意 --date 2026-04-29
step review leader 王静 --signer 赵志强 --opinion 同意 --date 2026-04-30
step review assess 王静 --grade 准确 --signer 刘纪 --opinion 风险点查找准确，等级评定恰当。 --date 2026-05-06
is_rc 0 "graded 准确"
contains "$OUT" "评估通过" "accepted"
step selfcheck show 王静
contains "$OUT" "不再有效" "the first round's signatures are kept and marked stale"
step risk level "$R2" --level 中
is_rc 1 "a level other than the proposal needs a reason"
step risk level "$R2" --level 中 --reason 窗口人员流动大，提高一级管理
is_rc 0 "the leadership sets the level with a reason"
step selfcheck list
contains "$OUT" "评估通过·准确" "setting the level leaves the accepted form accepted"

# ---- the summary table, heat map, search, coverage
step summary
contains "$OUT" "潜在风险：对材料不全的申请违规受理" "the risk is in the summary table"
contains "$OUT" "矩阵建议“低”，审定为“中”" "the override is shown with the proposal"
step summary --tsv
contains "$OUT" "序号	姓名	岗位名称	岗位职责	潜在风险	防控措施	风险等级	备注" "the columns of 附件2"
step heatmap
contains "$OUT" "合计 2 个风险点：高 1，中 1，低 0" "the heat map totals"
step heatmap --cell 2,3
contains "$OUT" "绿灯" "the risk is in its cell"
step search 绿灯
contains "$OUT" "逐条比对" "two characters search without the index"
step search 一次性告知
contains "$OUT" "全文索引" "five characters use the index"
contains "$OUT" "共找到 1 个风险点" "found by its measure"
step coverage
contains "$OUT" "没有风险点的风险环节：0 个" "the risky step is covered now"
step progress
step power chart 受理审查 --width 60
contains "$OUT" "【风险环节】" "the chart marks the risk step"
step power chart 受理审查 --width 60 --ascii
lacks "$OUT" "┌" "the ASCII chart has no box-drawing characters"

# ---- usage errors and help
step post add --name 无处室岗位
is_rc 2 "a missing option is a usage error"
step risk fly
is_rc 2 "an unknown subcommand is a usage error"
for c in cycle plan group meeting dept post person power step selfcheck risk measure review scheme summary search heatmap coverage progress; do
	lf "$c" --help
	[ "$RC" -eq 0 ] && [ -n "$OUT" ] || { ok 1 "$c --help"; continue; }
	ok 0 "$c --help"
done
lf --help
for c in cycle selfcheck review summary heatmap coverage; do
	contains "$OUT" "  $c " "lianfang --help lists $c"
done

golden phase2 "$(cat $T)"

lf check o.db
is_rc 0 "the database checks clean after the walk"
done_testing
