#!/bin/sh
# The permission matrix through the command line: every demo role × every
# command that checks a permission → allowed (y) or refused (n).
. "$LIANFANG_TOP/tests/lib.sh"

lf demo d.db
is_rc 0 "demo"
export LIANFANG_PASSWORD=lianfang
# A self-check of staff's own post (登记注册科) and one of 执法稽查大队.
own=$(sqlite3 d.db "SELECT s.gid FROM selfcheck s JOIN account a ON a.person = s.person WHERE a.login = 'staff'")
other=$(sqlite3 d.db "SELECT s.gid FROM selfcheck s JOIN post o ON o.gid = s.post JOIN dept d ON d.gid = o.dept
                      WHERE d.name = '执法稽查大队' ORDER BY s.gid LIMIT 1")
[ -n "$own" ] && [ -n "$other" ]
ok $? "found the two self-checks"

# One row per login; columns: whoami, user list (users or whole unit),
# user unlock (users), audit log (whole unit), history of own self-check,
# history of the 执法稽查大队 self-check, a refused command's message names a role.
grid=
for login in staff head leader leader2 principal discipline admin upper; do
	export LIANFANG_USER=$login
	row=$login
	for cmd in "user whoami" "user list" "user unlock staff" "audit log --last 1" \
		"audit log --record $own" "audit log --record $other"; do
		# shellcheck disable=SC2086
		lf --db d.db $cmd
		case $RC in
		0) row="$row y" ;;
		1) row="$row n"
		   case $ERR in *需要*|*只能*|*只到*) ;; *) ok 1 "$login: $cmd: refusal explains: $ERR" ;; esac ;;
		*) row="$row ?$RC" ;;
		esac
	done
	grid="$grid$row
"
done
# staff sees its own self-check; head and leader their departments; the
# leader of the enforcement side the other; unit-wide roles everything;
# only the administrator unlocks accounts.
want="staff y n n n y n
head y n n n y n
leader y n n n y n
leader2 y n n n n y
principal y y n y y y
discipline y y n y y y
admin y y y y y y
upper y y n y y y
"
if [ "$grid" = "$want" ]; then ok 0 "the command-line matrix"; else
	ok 1 "the command-line matrix"
	printf '# got:\n%s# want:\n%s' "$grid" "$want" | sed 's/^/# /'
fi

# The refusals say what role is needed.
export LIANFANG_USER=staff
lf --db d.db user unlock head
contains "$ERR" "需要系统管理员的角色" "staff managing users: needs the administrator"
lf --db d.db audit log --record "$other"
contains "$ERR" "科员只能处理本人岗位的事项" "staff reading another post: own post only"
export LIANFANG_USER=head
lf --db d.db audit log --record "$other"
contains "$ERR" "执法稽查大队" "head reading another department: names it"
contains "$ERR" "登记注册科" "and the one head covers"
export LIANFANG_USER=leader
lf --db d.db audit log
contains "$ERR" "全单位范围需要主要领导、纪检监察、系统管理员、上级审核人" "leader reading the whole log: who may"

# whoami shows each role what it may do.
export LIANFANG_USER=staff
lf --db d.db user whoami
contains "$OUT" "填写或修改自查表、风险点和措施 —— 本人岗位（受理审查岗）" "staff fills its own self-check"
contains "$OUT" "不可以：维护处室" "and is told what it may not do"
export LIANFANG_USER=head
lf --db d.db user whoami
contains "$OUT" "以处室负责人身份审核自查表 —— 登记注册科" "head reviews its department"
export LIANFANG_USER=discipline
lf --db d.db user whoami
contains "$OUT" "评估自查表质量（准确、不准确……） —— 全单位" "discipline grades the whole unit"
contains "$OUT" "登记预警和处置 —— 全单位" "and warns"
contains "$OUT" "检查考核、下发整改通知 —— 全单位" "and inspects"
export LIANFANG_USER=admin
lf --db d.db user whoami
contains "$OUT" "不可以：维护年度" "the administrator signs off no risk work"
contains "$OUT" "以处室负责人身份审核自查表" "(reviews are among what it may not do)"

done_testing
