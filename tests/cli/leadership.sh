#!/bin/sh
# Who signs for the top leadership, on the demo database: the principal (局长)
# is the leader in charge of 局领导班子, so his own self-check has no head and
# no leader in charge but himself, and nobody reviews their own form. The
# discipline office (派驻纪检组) signs those two steps, the signature says in
# what capacity, and it then assesses the form like any other. Nobody else
# may sign for him, and the discipline office signs for nobody else.
. "$LIANFANG_TOP/tests/lib.sh"

lf demo d.db
is_rc 0 "demo"
export LIANFANG_PASSWORD=lianfang
q() { sqlite3 d.db "$1"; }

export LIANFANG_USER=principal
lf --db d.db user whoami
me=$(printf '%s\n' "$OUT" | sed -n 's/^当前用户：principal（\(.*\)），.*/\1/p')
[ -n "$me" ]; ok $? "the principal is $me"
lf --db d.db selfcheck show "$me"
is_rc 0 "his own form"
contains "$OUT" "状态：退回整改" "was returned for rework in the demo"

lf --db d.db selfcheck submit "$me"
is_rc 0 "he resubmits it"
lf --db d.db review head "$me" --opinion 同意
is_rc 1 "he cannot sign it as head (he leads 局领导班子, but it is his own form)"
contains "$ERR" "不能审核自己的自查表" "says why"
contains "$ERR" "由纪检监察（派驻纪检组）审核签字" "and who signs instead"
for login in leader leader2 head; do
	export LIANFANG_USER=$login
	lf --db d.db review head "$me" --opinion 同意
	is_rc 1 "$login cannot sign the principal's form"
done
contains "$ERR" "由纪检监察（派驻纪检组）审核签字" "the refusal says who signs it"

export LIANFANG_USER=discipline
lf --db d.db user whoami
inspector=$(printf '%s\n' "$OUT" | sed -n 's/^当前用户：discipline（\(.*\)），.*/\1/p')
contains "$OUT" "审核无他人可签的环节" "whoami lists the discipline office's new action"
lf --db d.db review leader "$me" --opinion 同意
is_rc 1 "the discipline office cannot skip the head's step"
contains "$ERR" "处室负责人尚未签字" "says which step comes first"
lf --db d.db review head "$me" --opinion 风险点查找全面，同意。
is_rc 0 "the discipline office ($inspector) signs the head's step"
contains "$OUT" "现为“处室负责人已签字”" "the form moves on"
lf --db d.db review leader "$me" --opinion 同意。
is_rc 0 "and the leader's step"
contains "$OUT" "现为“分管领导已签字”" "the form moves on again"
lf --db d.db review assess "$me" --grade 准确 --opinion 风险点查找准确。
is_rc 0 "then assesses it"
contains "$OUT" "现为“评估通过”" "and the form is accepted"

lf --db d.db review history "$me"
is_rc 0 "history"
contains "$OUT" "处室负责人审核  同意  签字：$inspector（纪检监察）" "the head's step is recorded as signed by the discipline office"
contains "$OUT" "分管领导审核  同意  签字：$inspector（纪检监察）" "so is the leader's"
contains "$OUT" "质量评估  准确  签字：$inspector" "the assessment is signed as usual"
[ "$(q "SELECT count(*) FROM review WHERE signer = '$inspector（纪检监察）'")" = 2 ]
ok $? "two review records carry the mark, in the record that travels"

# The printed form (附件1) shows who signed the head's and the leader's boxes.
lf --db d.db export selfcheck_table --person "$me" --format csv -o -
is_rc 0 "the principal's form exported"
contains "$OUT" "签字：$inspector（纪检监察）" "its opinion boxes carry the discipline office's signature"

# The discipline office signs only where nobody but the form's own person
# could: the head 蔡涛's submitted form is the leader in charge's to sign.
[ "$(q "SELECT s.status FROM selfcheck s JOIN person x ON x.gid = s.person WHERE x.name = '蔡涛'")" = submitted ]
ok $? "the head's own form waits for its head's signature in the demo"
lf --db d.db review head 蔡涛 --opinion 同意
is_rc 1 "the discipline office does not sign it"
lacks "$ERR" "派驻纪检组" "and is plainly refused"
export LIANFANG_USER=leader
lf --db d.db review head 蔡涛 --opinion 同意
is_rc 0 "the leader in charge of 登记注册科 does"

lf check d.db
is_rc 0 "the database checks clean after the walk"
done_testing
