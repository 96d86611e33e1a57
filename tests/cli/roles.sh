#!/bin/sh
# Phase 2 on the demo database, as the people who do it: each role's lists
# show exactly its part (counted against the database with SQL of our own),
# and one form goes the whole way — the staff member fills and submits it,
# the department head and the leader in charge sign, the discipline office
# grades it 不准确, the staff member reworks and resubmits, and head, leader
# and discipline office pass it as 准确 — with each refusing what is not
# theirs to do.
. "$LIANFANG_TOP/tests/lib.sh"

lf demo d.db
is_rc 0 "demo"
export LIANFANG_PASSWORD=lianfang

q() { sqlite3 d.db "$1"; }

# What a login may read, straight from the account tables: the departments
# it covers wholly (unit-wide roles: all; head and leader: theirs) and the
# posts (those of these departments, and a staff member's own post).
reach_cte() { # login
	cat <<EOF
WITH me AS (SELECT a.id, x.post FROM account a LEFT JOIN person x ON x.gid = a.person WHERE a.login = '$1'),
roles AS (SELECT r.role, r.dept FROM account_role r JOIN me ON r.account = me.id),
vdept AS (SELECT gid FROM dept WHERE EXISTS (SELECT 1 FROM roles WHERE role IN ('principal', 'discipline', 'admin', 'upper'))
          OR gid IN (SELECT dept FROM roles WHERE role IN ('head', 'leader'))),
vpost AS (SELECT gid FROM post WHERE dept IN vdept
          OR (gid = (SELECT post FROM me) AND EXISTS (SELECT 1 FROM roles WHERE role = 'staff'))),
yr AS (SELECT gid FROM cycle WHERE year = 2026)
EOF
}

forms_of() { q "$(reach_cte "$1") SELECT count(*) FROM selfcheck WHERE deleted = 0 AND cycle IN yr AND post IN vpost"; }
risks_of() { q "$(reach_cte "$1") SELECT count(*) FROM risk WHERE deleted = 0 AND retired = 0 AND cycle IN yr AND post IN vpost"; }
posts_of() { q "$(reach_cte "$1") SELECT count(*) FROM post WHERE deleted = 0 AND retired = 0 AND gid IN vpost"; }
powers_of() { q "$(reach_cte "$1") SELECT count(*) FROM power WHERE deleted = 0 AND retired = 0 AND (post IN vpost OR dept IN vdept)"; }
# Risks whose description, duties or a measure contain 受理 (the search below).
found_of() {
	q "$(reach_cte "$1") SELECT count(*) FROM risk r JOIN post p ON p.gid = r.post LEFT JOIN selfcheck s ON s.gid = r.selfcheck
	   WHERE r.deleted = 0 AND r.retired = 0 AND r.cycle IN yr AND r.post IN vpost AND (r.description LIKE '%受理%'
	   OR ifnull(s.duties, p.duties) LIKE '%受理%'
	   OR EXISTS (SELECT 1 FROM measure m WHERE m.risk = r.gid AND m.deleted = 0 AND m.content LIKE '%受理%'))"
}

# The demo must give the roles something to tell apart.
[ "$(forms_of staff)" -ge 1 ] && [ "$(forms_of head)" -gt "$(forms_of staff)" ] &&
	[ "$(forms_of leader)" -gt "$(forms_of head)" ] && [ "$(forms_of discipline)" -gt "$(forms_of leader)" ]
ok $? "staff < head < leader < discipline in forms they may read ($(forms_of staff), $(forms_of head), $(forms_of leader), $(forms_of discipline))"

# ---- every role's lists: exactly its part
for login in staff head leader leader2 principal discipline admin upper; do
	export LIANFANG_USER=$login
	lf --db d.db selfcheck list
	is_rc 0 "$login: selfcheck list"
	n=$(printf '%s\n' "$OUT" | grep -c '^[0-9a-f]\{8\}  ')
	[ "$n" -eq "$(forms_of $login)" ]; ok $? "$login: selfcheck list shows $n forms, the database says $(forms_of $login)"
	lf --db d.db selfcheck list --limit 2
	first=$(printf '%s\n' "$OUT" | grep '^[0-9a-f]\{8\}  ' | head -1 | cut -c1-8)
	lf --db d.db summary --tsv
	n=$(($(printf '%s\n' "$OUT" | wc -l) - 1))
	[ "$n" -eq "$(risks_of $login)" ]; ok $? "$login: summary has $n rows, the database says $(risks_of $login)"
	lf --db d.db heatmap
	contains "$OUT" "合计 $(risks_of $login) 个风险点" "$login: the heat map counts the same risks"
	lf --db d.db progress
	contains "$OUT" "合计：岗位 $(posts_of $login)，自查表 $(forms_of $login)（" "$login: progress totals its posts and forms"
	contains "$OUT" "风险点 $(risks_of $login)（" "$login: and its risks"
	lf --db d.db coverage
	contains "$OUT" "没有自查表的岗位：0 个（共 $(posts_of $login) 个）" "$login: coverage counts its posts"
	lf --db d.db power list
	n=$(printf '%s\n' "$OUT" | grep -c '^[0-9a-f]\{8\}  ')
	[ "$n" -eq "$(powers_of $login)" ]; ok $? "$login: power list shows $n powers, the database says $(powers_of $login)"
	lf --db d.db search 受理
	contains "$OUT" "共找到 $(found_of $login) 个风险点" "$login: search finds only in its part"
	[ -n "$first" ]; ok $? "$login: a first page of forms"
done

# ---- the note says whose part it is, and only when it is a part
export LIANFANG_USER=staff
lf --db d.db summary --limit 1
contains "$OUT" "（只显示你有权查看的：本人岗位（受理审查岗））" "staff: the summary says it is their own post"
lf --db d.db summary --tsv
lacks "$OUT" "只显示" "the note stays out of the TSV table"
contains "$ERR" "（只显示你有权查看的：本人岗位（受理审查岗））" "and goes to stderr instead"
lf --db d.db summary --dept 登记注册科 --limit 1
is_rc 0 "staff asks for their department's summary"
contains "$OUT" "（只显示你有权查看的：本人岗位（受理审查岗））" "and gets their post's part of it"
lf --db d.db summary --dept 执法稽查大队
is_rc 1 "staff asks for another department's summary: refused"
contains "$ERR" "科员只能处理本人岗位的事项" "saying staff see their own post"
export LIANFANG_USER=head
lf --db d.db selfcheck list
contains "$OUT" "（只显示你有权查看的：登记注册科）" "head: the forms of their department"
lf --db d.db summary --dept 登记注册科 --limit 1
lacks "$OUT" "只显示" "head asking for their own department sees all of it: no note"
lf --db d.db heatmap --dept 执法稽查大队
is_rc 1 "head asks for another department's heat map: refused"
contains "$ERR" "执法稽查大队" "naming it"
contains "$ERR" "处室负责人（登记注册科）" "and what the head covers"
export LIANFANG_USER=leader
lf --db d.db progress
contains "$OUT" "（只显示你有权查看的：办公室、登记注册科、消费者权益保护科、本人岗位（分管副局长（登记审批）））" \
	"leader: the departments covered and the own post"
lacks "$OUT" "执法稽查大队：" "and no department of the other leader"
for login in discipline principal admin upper; do
	export LIANFANG_USER=$login
	lf --db d.db summary --limit 1
	lacks "$OUT" "只显示" "$login sees the whole unit: no note"
done
unset LIANFANG_USER
lf --db d.db summary
is_rc 1 "nobody signed in reads nothing"
contains "$ERR" "尚未登录" "and is told to sign in"

# ---- naming one form: its own scope decides
export LIANFANG_USER=staff
lf --db d.db selfcheck show 沈军
is_rc 0 "staff names their own form"
contains "$OUT" "姓名：沈军" "and reads it"
lf --db d.db selfcheck show 黄学军
is_rc 1 "staff names a form of another post"
contains "$ERR" "这是黄学军（岗位“核准登记岗”）的自查表，科员只能处理本人岗位的事项" "refused, saying whose it is"
lf --db d.db review history 黄学军
is_rc 1 "nor its history"
export LIANFANG_USER=leader2
lf --db d.db selfcheck show 沈军
is_rc 1 "the other leader cannot read a form of 登记注册科"
contains "$ERR" "登记注册科" "and is told which department it is"

# ---- the walk, in the next cycle the principal starts
export LIANFANG_USER=principal
lf --db d.db cycle next
is_rc 0 "the principal starts 2027 from 2026 (CYCLE_EDIT carries the forms)"
carried=$(q "SELECT count(*) FROM selfcheck s JOIN cycle c ON c.gid = s.cycle WHERE c.year = 2027 AND s.status = 'draft'")
contains "$OUT" "自查表 $carried 张" "every carried form is a draft ($carried)"
[ "$carried" -gt 0 ]; ok $? "forms were carried"
C="--cycle 2027"

export LIANFANG_USER=staff
lf --db d.db selfcheck show 沈军 $C
contains "$OUT" "状态：填写中" "staff's 2027 form is a draft"
lf --db d.db risk add --selfcheck 沈军 $C --description "为熟人插队办理、优先受理" --category 行政审批 --source 权力行使 --found-by 个人自查 --probability 2 --severity 2
is_rc 0 "staff adds a risk to their own form"
R=$(printf '%s' "$OUT" | sed -n 's/^已增加风险点 \([0-9a-f]*\).*/\1/p')
lf --db d.db measure add "$R" --stage 中期 --content 按取号顺序办理，系统记录插队操作
is_rc 0 "and a measure"
lf --db d.db selfcheck new --person 张芳 $C
is_rc 1 "staff cannot make a form for a colleague on the same post"
contains "$ERR" "这是张芳的自查表，科员只能填写和提交本人的自查表" "the refusal says whose form it would be"
lf --db d.db risk add --selfcheck 黄学军 $C --description 代填
is_rc 1 "staff cannot add to another post's form"
lf --db d.db review head 沈军 $C
is_rc 1 "staff cannot sign as head"
contains "$ERR" "需要处室负责人（所负责的处室）的角色" "the refusal names the role it needs"
lf --db d.db selfcheck submit 沈军 $C
is_rc 0 "staff submits their own form"
lf --db d.db risk edit "$R" --description 改
is_rc 1 "a submitted form is closed to its person"
contains "$ERR" "本人不能再修改" "saying why"
contains "$ERR" "处室负责人" "and who can return it"
contains "$ERR" "自查表现为“已提交”" "naming its state"

export LIANFANG_USER=head
lf --db d.db review head 吴勇 $C
is_rc 1 "the head cannot sign a form of another department"
contains "$ERR" "不能以处室负责人身份审核自查表：这是执法稽查大队的事项" "refused as head, naming the department"
lf --db d.db risk edit "$R" --description 代改
is_rc 1 "the head cannot rewrite what the person wrote"
lf --db d.db review head 沈军 $C --opinion 同意
is_rc 0 "the head signs the form of their department"
contains "$OUT" "处室负责人已签字" "head_signed"

export LIANFANG_USER=leader2
lf --db d.db review leader 沈军 $C
is_rc 1 "a leader who does not cover 登记注册科 cannot sign"
contains "$ERR" "需要分管领导（所负责的处室）的角色" "refused, naming the role"
export LIANFANG_USER=admin
lf --db d.db review leader 沈军 $C
is_rc 1 "the administrator signs nothing off"
contains "$ERR" "系统管理员" "and is told so"
export LIANFANG_USER=leader
lf --db d.db review leader 沈军 $C --opinion 同意
is_rc 0 "the leader covering 登记注册科 signs"

export LIANFANG_USER=head
lf --db d.db review assess 沈军 $C --grade 准确
is_rc 1 "the head cannot assess"
contains "$ERR" "需要主要领导、纪检监察的角色" "only the principal or the discipline office"
export LIANFANG_USER=discipline
lf --db d.db review assess 沈军 $C --grade 不准确 --opinion 风险点不具体，请结合窗口实际完善。
is_rc 0 "the discipline office grades it 不准确"
contains "$OUT" "退回整改" "and it goes back"

export LIANFANG_USER=staff
lf --db d.db risk edit "$R" --description "为熟人插队办理、优先受理，或违规加急办理"
is_rc 0 "staff reworks their returned form"
lf --db d.db selfcheck submit 沈军 $C
is_rc 0 "and resubmits"
export LIANFANG_USER=head
lf --db d.db review head 沈军 $C --opinion 同意
is_rc 0 "head signs again"
export LIANFANG_USER=leader
lf --db d.db review leader 沈军 $C --opinion 同意
is_rc 0 "leader signs again"
export LIANFANG_USER=discipline
lf --db d.db review assess 沈军 $C --grade 准确 --opinion 风险点查找准确。
is_rc 0 "the discipline office passes it as 准确"
contains "$OUT" "评估通过" "accepted"
status=$(q "SELECT s.status || '/' || s.grade FROM selfcheck s JOIN cycle c ON c.gid = s.cycle JOIN account a ON a.person = s.person
            WHERE c.year = 2027 AND a.login = 'staff'")
[ "$status" = "accepted/准确" ]; ok $? "the database says accepted/准确 ($status)"

export LIANFANG_USER=staff
lf --db d.db review history 沈军 $C
is_rc 0 "staff reads their form's history"
[ "$(printf '%s\n' "$OUT" | grep -c '签字：')" -eq 8 ] && [ "$(printf '%s\n' "$OUT" | grep -c '不再有效')" -eq 4 ]
ok $? "eight signatures, the first round's four no longer valid"
signers=$(q "SELECT group_concat(signer, ',') FROM (SELECT r.signer FROM review r JOIN selfcheck s ON s.gid = r.selfcheck
             JOIN cycle c ON c.gid = s.cycle JOIN account a ON a.person = s.person
             WHERE c.year = 2027 AND a.login = 'staff' ORDER BY r.id)")
[ "$signers" = "沈军,蔡涛,沈小燕,潘超,沈军,蔡涛,沈小燕,潘超" ]; ok $? "each step signed by the one who did it ($signers)"

# ---- levels and measures after the review
export LIANFANG_USER=head
lf --db d.db risk level "$R" --level 高 --reason 窗口人员流动大
is_rc 1 "the head cannot set levels"
M=$(q "SELECT substr(m.gid, 1, 8) FROM measure m JOIN risk r ON r.gid = m.risk WHERE r.gid LIKE '$R%'")
lf --db d.db measure edit "$M" --status 进行中
is_rc 0 "the head keeps track of a measure of the accepted form"
lf --db d.db selfcheck show 沈军 $C
contains "$OUT" "状态：评估通过" "which stays accepted: tracking is not what was signed"
lf --db d.db measure edit "$M" --content 代改
is_rc 1 "but cannot change what it says"
export LIANFANG_USER=discipline
lf --db d.db risk level "$R" --level 高 --reason 窗口人员流动大
is_rc 0 "the discipline office sets the level"

# ---- a risk of a post found by the department's own review (部门评查)
export LIANFANG_USER=head
lf --db d.db risk add --post 核准登记岗 $C --description 部门评查发现：核准时未比对原件 --found-by 部门评查
is_rc 0 "the head records a risk found reviewing their department"
lf --db d.db risk add --post 调查取证岗 $C --description 代查
is_rc 1 "but not in another department"
export LIANFANG_USER=staff
lf --db d.db risk add --post 受理审查岗 $C --description 自报
is_rc 1 "staff put their risks on their form, not on the post"
contains "$ERR" "需要处室负责人（所负责的处室）、纪检监察的角色" "the refusal names who records them"

# ---- the head's own form: the leader in charge signs for the department
export LIANFANG_USER=head
lf --db d.db review head 蔡涛 --opinion 同意
is_rc 1 "the head cannot sign his own form"
contains "$ERR" "不能审核自己的自查表" "says why"
export LIANFANG_USER=leader
lf --db d.db review head 蔡涛 --opinion 同意
is_rc 0 "the leader in charge of 登记注册科 signs it as head"
lf --db d.db review leader 蔡涛 --opinion 同意
is_rc 0 "and as leader"
export LIANFANG_USER=leader2
lf --db d.db review head 姚春花 --opinion 同意
is_rc 1 "a leader does not sign for a department that has its head"

lf check d.db
is_rc 0 "the database checks clean after the walk"
done_testing
