#!/bin/sh
# The permission matrix of phases 1–2 through the command line: every demo
# role × every phase-1/2 command → allowed (y) or refused (n), each refusal a
# permission refusal that names the role the command needs. A command that
# writes runs on a fresh copy of a database in which it is legal, so only the
# permission decides; columns are the logins
#     staff head leader leader2 principal discipline admin upper
# (staff: 受理审查岗 of 登记注册科; head: 登记注册科; leader: 登记注册科 and two
# more; leader2: 执法稽查大队 and three more; see README "Demo logins").
. "$LIANFANG_TOP/tests/lib.sh"

LOGINS="staff head leader leader2 principal discipline admin upper"
export LIANFANG_PASSWORD=lianfang

lf demo d.db
is_rc 0 "demo"
q() { sqlite3 "$1" "$2"; }
as() { # login command… on the current $DB
	u=$1
	shift
	LIANFANG_USER=$u lf --db "$DB" "$@"
}

# Databases in which each step of the review chain is next, for the form of
# staff (沈军) in 2027: carried as a draft, submitted, signed by the head,
# signed by the leader. 2028 is an empty cycle.
DB=d.db
as principal cycle next
is_rc 0 "the principal starts 2027"
as principal cycle add 2028
cp d.db draft.db
as staff selfcheck submit 沈军 --cycle 2027
is_rc 0 "staff submits"
cp d.db submitted.db
as head review head 沈军 --cycle 2027
is_rc 0 "head signs"
cp d.db head.db
as leader review leader 沈军 --cycle 2027
is_rc 0 "leader signs"
cp d.db leader.db

# Records named by id.
R26=$(q d.db "SELECT substr(r.gid, 1, 8) FROM risk r JOIN selfcheck s ON s.gid = r.selfcheck JOIN cycle c ON c.gid = s.cycle
              JOIN account a ON a.person = s.person WHERE a.login = 'staff' AND c.year = 2026 ORDER BY r.id LIMIT 1")
R27=$(q d.db "SELECT substr(r.gid, 1, 8) FROM risk r JOIN selfcheck s ON s.gid = r.selfcheck JOIN cycle c ON c.gid = s.cycle
              JOIN account a ON a.person = s.person WHERE a.login = 'staff' AND c.year = 2027 ORDER BY r.id LIMIT 1")
M26=$(q d.db "SELECT substr(m.gid, 1, 8) FROM measure m WHERE m.risk LIKE '$R26%' ORDER BY m.id LIMIT 1")
PW_REG=$(q d.db "SELECT substr(w.gid, 1, 8) FROM power w JOIN dept d ON d.gid = w.dept WHERE d.name = '登记注册科' ORDER BY w.id LIMIT 1")
PW_ENF=$(q d.db "SELECT substr(w.gid, 1, 8) FROM power w JOIN dept d ON d.gid = w.dept WHERE d.name = '执法稽查大队'
                 AND EXISTS (SELECT 1 FROM flow_step f WHERE f.power = w.gid) ORDER BY w.id LIMIT 1")
for v in "$R26" "$R27" "$M26" "$PW_REG" "$PW_ENF"; do
	[ -n "$v" ]; ok $? "a record to name: $v"
done

# One row: "command" base want needle. base "-" reads on d.db; a base file
# gets a fresh copy per login. A refusal must exit 1, be a permission
# refusal (需要 / 只能 / 只到 / 不能再修改) and contain the needle: the role
# the command needs.
FAILED_ROWS=
row() { # command base want needle
	cmd=$1 base=$2 want=$3 needle=$4 got= i=0
	for login in $LOGINS; do
		i=$((i + 1))
		if [ "$base" = - ]; then DB=d.db; else cp "$base" x.db; DB=x.db; fi
		# shellcheck disable=SC2086
		as "$login" $cmd
		case $RC in
		0) got="${got}y" ;;
		1) got="${got}n"
		   case $ERR in
		   *需要*|*只能*|*只到*|*不能再修改*) ;;
		   *) ok 1 "$login: $cmd: not a permission refusal: $ERR"; continue ;;
		   esac
		   case $ERR in
		   *"$needle"*) ;;
		   *) ok 1 "$login: $cmd: the refusal does not name $needle: $ERR" ;;
		   esac ;;
		*) got="${got}?" ;;
		esac
	done
	if [ "$got" = "$want" ]; then ok 0 "$cmd: $got"; else
		ok 1 "$cmd: got $got, want $want"
		FAILED_ROWS="$FAILED_ROWS$cmd "
	fi
}

READERS=处室负责人（所负责的处室）
# ---- reading: all of the unit's public records, and each role's part of the rest
row "selfcheck list" - yyyyyyyy "$READERS"
row "selfcheck show 沈军" - yyynyyyy "$READERS"
row "selfcheck show 吴勇" - nnnyyyyy "$READERS"
row "risk list --selfcheck 沈军" - yyynyyyy "$READERS"
row "measure list $R26" - yyynyyyy "$READERS"
row "review history 吴勇" - nnnyyyyy "$READERS"
row "summary" - yyyyyyyy "$READERS"
row "summary --dept 执法稽查大队" - nnnyyyyy "$READERS"
row "summary --dept 登记注册科" - yyynyyyy "$READERS"
row "search 受理" - yyyyyyyy "$READERS"
row "heatmap" - yyyyyyyy "$READERS"
row "heatmap --dept 执法稽查大队" - nnnyyyyy "$READERS"
row "heatmap --cell 2,2" - yyyyyyyy "$READERS"
row "coverage" - yyyyyyyy "$READERS"
row "coverage --dept 登记注册科" - yyynyyyy "$READERS"
row "progress" - yyyyyyyy "$READERS"
row "power list" - yyyyyyyy "$READERS"
row "power list --dept 执法稽查大队" - nnnyyyyy "$READERS"
row "power chart $PW_ENF" - nnnyyyyy "$READERS"
row "step list --power $PW_ENF" - nnnyyyyy "$READERS"
row "cycle list" - yyyyyyyy -
row "cycle show" - yyyyyyyy -
row "plan show" - yyyyyyyy -
row "group list" - yyyyyyyy -
row "meeting list" - yyyyyyyy -
row "dept list" - yyyyyyyy -
row "post list" - yyyyyyyy -
row "person list" - yyyyyyyy -
row "scheme show" - yyyyyyyy -

# ---- phase 1: the principal and the discipline office run the cycle
row "cycle add 2029" draft.db nnnnyynn 主要领导、纪检监察
row "cycle edit 2026 --title 年度" draft.db nnnnyynn 主要领导、纪检监察
row "cycle phase 2026 3" draft.db nnnnyynn 主要领导、纪检监察
row "plan set --title 方案" draft.db nnnnyynn 主要领导、纪检监察
row "group add --person 张芳 --role 成员" draft.db nnnnyynn 主要领导、纪检监察
row "meeting add --date 2026-03-02 --kind 专题学习" draft.db nnnnyynn 主要领导、纪检监察

# ---- phase 2: organisation, powers, forms, review, levels, settings
row "dept add --name 新设科" draft.db nnnnnyyn 纪检监察、系统管理员
row "post add --dept 登记注册科 --name 新设岗" draft.db nnnnnyyn 纪检监察、系统管理员
row "person add --name 新来的" draft.db nnnnnyyn 纪检监察、系统管理员
row "power add --dept 登记注册科 --name 新职权 --kind 执行" draft.db nynnnynn 处室负责人（所负责的处室）、纪检监察
row "step add --power $PW_REG --action 新环节" draft.db nynnnynn 处室负责人（所负责的处室）、纪检监察
row "selfcheck new --person 沈军 --cycle 2028" draft.db ynnnnnnn 科员
row "selfcheck edit 沈军 --cycle 2027 --duties 职责" draft.db ynnnnnnn 科员
row "risk add --selfcheck 沈军 --cycle 2027 --description 风险" draft.db ynnnnnnn 科员
row "risk edit $R27 --description 风险" draft.db ynnnnnnn 科员
row "measure add $R27 --content 措施" draft.db ynnnnnnn 科员
row "selfcheck submit 沈军 --cycle 2027" draft.db ynnnnnnn 科员
row "risk add --post 核准登记岗 --cycle 2027 --description 评查" draft.db nynnnynn 处室负责人（所负责的处室）、纪检监察
row "measure edit $M26 --status 进行中" draft.db nynnnynn 处室负责人
row "review head 沈军 --cycle 2027" submitted.db nynnnnnn 处室负责人（所负责的处室）
row "review leader 沈军 --cycle 2027" head.db nnynnnnn 分管领导（所负责的处室）
row "review assess 沈军 --cycle 2027 --grade 准确" leader.db nnnnyynn 主要领导、纪检监察
row "risk level $R26 --level 高 --reason 审定" draft.db nnnnyynn 主要领导、纪检监察
row "scheme preset 一级最高" draft.db nnnnnnyn 系统管理员

[ -z "$FAILED_ROWS" ]; ok $? "every row as the permission table says"
done_testing
