#!/bin/sh
# lianfang user: the first administrator, managing accounts and roles, help.
. "$LIANFANG_TOP/tests/lib.sh"
# (lf sets RC, OUT and ERR, so it must not run in a pipeline's subshell: input comes from a file.)

as() { # login password command…: run one lianfang command as that user
	_as_u=${LIANFANG_USER-} _as_p=${LIANFANG_PASSWORD-}
	LIANFANG_USER=$1 LIANFANG_PASSWORD=$2
	export LIANFANG_USER LIANFANG_PASSWORD
	shift 2
	lf "$@"
	LIANFANG_USER=$_as_u LIANFANG_PASSWORD=$_as_p
}

lf --help
contains "$OUT" "user " "lianfang --help lists user"
contains "$OUT" "audit " "lianfang --help lists audit"
for sub in "" whoami list add edit role password map retire unlock; do
	lf user $sub --help
	is_rc 0 "user $sub --help"
	contains "$OUT" "用法：lianfang user" "user $sub --help prints its usage"
done
lf audit --help
is_rc 0 "audit --help"
lf user frobnicate
is_rc 2 "an unknown subcommand is a usage error"

# ---------------------------------------------------------------- setup mode
lf init --unit-code 620902 --unit-name 测试局 t.db
is_rc 0 "init"
lf --db t.db user whoami
is_rc 0 "whoami in a database without accounts"
contains "$OUT" "还没有用户" "whoami says setup mode"
lf --db t.db user add zhang --name 张三 --no-password
is_rc 1 "no ordinary user before the first administrator"
contains "$ERR" "--role admin" "and it says how to create the administrator"
printf 'short\n' >in
lf --db t.db user add boss --name 局长 --role admin --password-stdin <in
is_rc 1 "a short password is refused"
contains "$ERR" "8–64" "saying how long it must be"
printf 'Admin-pass-1\n' >in
lf --db t.db user add boss --name 局长 --role admin --password-stdin <in
is_rc 0 "the first administrator is created"
contains "$OUT" "第一个管理员" "and called so"
lf check t.db
is_rc 0 "check passes with the account in the log"

# ---------------------------------------------------------------- enforced from now on
lf --db t.db user list
is_rc 1 "LIANFANG_USER=tester without a password reads as nobody"
contains "$ERR" "尚未登录" "and listing users is refused, saying nobody is signed in"
lf --db t.db user unlock boss
is_rc 1 "a command that writes"
contains "$ERR" "需要用户“tester”的密码" "needs the named user's password"
printf 'Admin-pass-1\n' >in
lf --db t.db user add boss2 --name 又一个 --role admin --password-stdin <in
is_rc 1 "nobody can add a 'first administrator' any more"
export LIANFANG_USER=boss LIANFANG_PASSWORD=Admin-pass-1
lf --db t.db user whoami
is_rc 0 "the administrator signs in with LIANFANG_PASSWORD"
contains "$OUT" "登录方式：密码" "whoami says how"
printf 'Clerk-pass-1\n' >in
lf --db t.db user add clerk --name 办事员 --password-stdin <in
is_rc 0 "the administrator adds a user"
lf --db t.db user role add boss discipline
is_rc 1 "the administrator cannot grant themselves discipline"
contains "$ERR" "另一位管理员" "and is told who can"
lf --db t.db user role add clerk head
is_rc 1 "head without a department"
lf --db t.db user role add clerk discipline upper
is_rc 0 "two roles at once"
contains "$OUT" "纪检监察、上级审核人" "both shown"
lf --db t.db user role add clerk principal nosuchrole
is_rc 1 "an unknown role"
contains "$ERR" "nosuchrole" "is named"
lf --db t.db user list
lacks "$OUT" "主要领导" "and nothing of that command was applied"
lf --db t.db user role remove clerk 上级审核人
is_rc 0 "a role removed by its Chinese name"
lf --db t.db user retire boss
is_rc 1 "the only administrator cannot be retired"
lf --db t.db user retire clerk
is_rc 0 "retire clerk"
as clerk Clerk-pass-1 --db t.db user whoami
is_rc 1 "a retired user cannot sign in"
contains "$ERR" "停用" "and is told so"
lf --db t.db user reinstate clerk
is_rc 0 "reinstate clerk"
printf 'New-clerk-2\n' >in
lf --db t.db user password clerk --password-stdin <in
is_rc 0 "the administrator resets clerk's password"
printf 'New-clerk-2\nOwn-choice-3\n' >in
as clerk New-clerk-2 --db t.db user password --password-stdin <in
is_rc 0 "clerk changes their own password (old, then new)"
as clerk Own-choice-3 --db t.db user whoami
is_rc 0 "and signs in with it"
lf --db t.db user edit clerk --name 办事员甲
is_rc 0 "edit the name"
lf --db t.db audit log --record clerk
is_rc 0 "the administrator reads clerk's history"
contains "$OUT" "管理员重设密码" "the reset is logged"
contains "$OUT" "本人修改密码" "the change is logged"
contains "$OUT" "姓名：办事员 → 办事员甲" "with what changed"
lacks "$OUT" "Own-choice" "but never the password"
lacks "$OUT" "argon2" "nor its hash"
lf audit verify t.db
is_rc 0 "audit verify passes"

# ---------------------------------------------------------------- on the demo: persons and departments by name
lf demo d.db
is_rc 0 "demo"
export LIANFANG_USER=admin LIANFANG_PASSWORD=lianfang
printf 'Zhang-pass-1\n' >in
lf --db d.db user add zhangfang --name 张芳 --person 张芳 --role staff \
	--role head:登记注册科 --password-stdin <in
is_rc 0 "add a user by person and department names"
contains "$OUT" "岗位：受理审查岗" "the person's post is found"
contains "$OUT" "处室负责人（登记注册科）" "the department is found"
lf --db d.db user add x --name X --person 不存在的人 --no-password
is_rc 1 "an unknown person"
contains "$ERR" "不存在的人" "is named"
lf --db d.db user role add zhangfang leader:没有这个科
is_rc 1 "an unknown department"
contains "$ERR" "没有这个科" "is named"
lf --db d.db user list
contains "$OUT" "zhangfang  张芳" "listed"
lf check d.db
is_rc 0 "check passes"

done_testing
