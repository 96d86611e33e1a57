#!/bin/sh
# The cycle from the command line: phase dates, the phase by hand, the next
# cycle from this year's risks; retiring and restoring the organisation;
# moving and deleting flow steps.
. "$LIANFANG_TOP/tests/lib.sh"

T=transcript
: >$T
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
step cycle show
is_rc 1 "no cycle yet"
contains "$ERR" "lianfang cycle add" "says how to make one"
step cycle add 2026 --p2-end 2026-05-15 --p3-start 2026-05-16
is_rc 0 "a cycle with phase 2 a fortnight longer"
step cycle edit 2026 --p4-start 2026-11-30 --p4-end 2026-11-01
is_rc 1 "a phase ending before it starts"
contains "$ERR" "第四阶段" "names the phase"
step cycle phase 2026 2
step cycle show 2026
contains "$OUT" "手动设定" "set by hand"
contains "$OUT" "注意：第二阶段已于 2026-05-15 结束" "a phase past its end date stands out"
step cycle phase 2026 auto
step cycle phase 2026 7
is_rc 2 "phase 7 is a usage error"

step dept add --name 办公室
step post add --dept 办公室 --name 政府采购岗 --duties 负责编制采购计划，组织实施政府采购。
step person add --name 郭静 --post 政府采购岗
step person add --name 林涛 --post 政府采购岗
step post retire 政府采购岗
is_rc 1 "a post with persons in it cannot retire"
step dept retire 办公室
is_rc 1 "nor a department with posts"
step selfcheck new --person 郭静
step risk add --selfcheck 郭静 --description 化整为零规避公开招标 --category 采购 --source 制度机制 --probability 2 --severity 3
R=$(printf '%s' "$OUT" | sed -n 's/^已增加风险点 \([0-9a-f]*\).*/\1/p')
step measure add "$R" --stage 前期预防 --content 限额以上项目一律公开招标 --due 2026-06-30 --status 已完成
step selfcheck new --person 林涛
step person retire 林涛
step person list --all
contains "$OUT" "林涛（已离岗）" "retired persons stay, marked"
step cycle next 2026
is_rc 0 "the next cycle"
contains "$OUT" "自查表 1 张、风险点 1 个、防控措施 1 条" "郭静's form is carried"
contains "$OUT" "有 1 张自查表未转入" "林涛 has left: not carried"
step cycle next 2026
is_rc 1 "not twice"
step selfcheck list --cycle 2027
contains "$OUT" "郭静  填写中  风险点 1" "a draft in 2027"
step measure list "$R"
step cycle list

step power add --dept 办公室 --name 政府采购 --kind 执行
step step add --power 政府采购 --action 提出采购需求
step step add --power 政府采购 --action 编制采购计划 --risky
step step add --power 政府采购 --action 组织验收
step step move --power 政府采购 3 --to 1
step step delete --power 政府采购 2
step step list --power 政府采购
contains "$OUT" "1. " "renumbered after move and delete"
lacks "$OUT" "提出采购需求" "the deleted step is gone"

golden cycle "$(cat $T)"
lf check o.db
is_rc 0 "checks clean"
done_testing
