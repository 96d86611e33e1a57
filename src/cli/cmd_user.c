/* user: accounts, roles, passwords and system-user mappings (auth.h), and
 * who the run is acting as. Thin: parse, call the model, print. */
#include "lianfang/auth.h"
#include "lianfang/cli.h"
#include "lianfang/cli_auth.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

#define ROLES_HELP \
	"角色：staff 科员、head 处室负责人、leader 分管领导、principal 主要领导、discipline 纪检监察、\n" \
	"admin 系统管理员、upper 上级审核人（也可以写中文名称）。处室负责人和分管领导要写明\n" \
	"处室，如 head:登记注册科（多个处室就写多次）；其余角色面向全单位。人员和处室可以\n" \
	"写名称，重名时写编号。\n"

#define SIGNIN_HELP \
	"以谁的身份：--user 登录名（或 LIANFANG_USER）。这个用户对应当前系统账户时不用密码；\n" \
	"否则要密码：在终端中会提示输入，脚本可用环境变量 LIANFANG_PASSWORD（同一系统账户\n" \
	"下的其他程序能读到环境变量，只宜在受控的脚本中使用）。不给 --user 时，用当前系统账户\n" \
	"对应的用户。\n"

const struct lf_cmd lf_cmd_user = {
	"user", "管理用户、角色、密码和系统账户；显示当前用户能做什么",
	"用法：lianfang user 子命令 [参数]\n"
	"\n"
	"管理本数据库的用户：登录名、姓名、对应的人员、角色及负责的处室、系统账户、密码。\n"
	"除 whoami 和修改自己的密码外，都需要系统管理员角色（list 也可由能查看全单位的\n"
	"角色使用）。每项修改都记入审计日志，密码不会以任何形式写入日志。\n"
	"\n"
	"子命令（每个都有 --help）：\n"
	"  whoami                         当前以谁的身份操作，有哪些角色，能做什么、不能做什么\n"
	"  list                           列出全部用户\n"
	"  add 登录名 --name 姓名 …        添加用户；数据库还没有用户时，先添加管理员（--role admin）\n"
	"  edit 登录名 [--name 姓名] [--person 人员 | --no-person]\n"
	"  role add|remove 登录名 角色[:处室]…   授予或收回角色\n"
	"  password [登录名]              修改自己的密码；给出别人的登录名时由管理员重设\n"
	"  map 登录名 系统账户 / unmap 登录名    对应或取消对应系统账户（对应后不用密码）\n"
	"  retire 登录名 / reinstate 登录名      停用或恢复启用\n"
	"  unlock 登录名                  清除密码错误次数和锁定\n"
	"\n" ROLES_HELP "\n" SIGNIN_HELP,
	run,
};

/* ------------------------------------------------------------------ helpers */

static int fail_db(struct lf_db *db, lf_status st)
{
	return lf_cli_fail("%s", lf_errmsg(db, st));
}

/* Parse the options every subcommand shares plus `extra`; returns -1 to go
 * on, else the exit status. */
static int parse(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, const struct option *extra,
                 int (*on)(void *ctx, int c, const char *arg), void *ctx)
{
	struct option opts[16];
	int n = 0, c, rc;
	const struct option common[] = { LF_CLI_COMMON_OPTIONS };

	for (; extra && extra[n].name; n++)
		opts[n] = extra[n];
	for (c = 0; c < (int)LF_COUNT(common); c++)
		opts[n++] = common[c];
	memset(&opts[n], 0, sizeof opts[n]);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c >= 0x100 && c <= 0x102) {
			lf_cli_common_opt(cli, cmd, c, optarg, &rc);
			continue;
		}
		if (c != 'h' && c != '?' && on && (rc = on(ctx, c, optarg)) >= 0) {
			if (rc > 0)
				return rc;
			continue;
		}
		lf_cli_common_opt(cli, cmd, c, optarg, &rc); /* help, or a usage error */
		return rc;
	}
	return -1;
}

/* "head:登记注册科" or "处室负责人：登记注册科" → role and department. */
static lf_status parse_role(struct lf_db *db, const char *spec, enum lf_role *role, char dept[LF_GID_LEN + 1])
{
	const char *colon = strchr(spec, ':'), *wide = strstr(spec, "："), *d = NULL;
	char name[64];
	size_t n = strlen(spec);
	int r;

	dept[0] = 0;
	if (wide && (!colon || wide < colon)) {
		n = (size_t)(wide - spec);
		d = wide + strlen("：");
	} else if (colon) {
		n = (size_t)(colon - spec);
		d = colon + 1;
	}
	snprintf(name, sizeof name, "%.*s", (int)n, spec);
	if ((r = lf_role_parse(name)) < 0)
		return lf_fail(db, LF_INVALID, "没有“%s”这个角色。角色有：staff 科员、head 处室负责人、leader 分管领导、"
		               "principal 主要领导、discipline 纪检监察、admin 系统管理员、upper 上级审核人。", name);
	*role = (enum lf_role)r;
	return d && *d ? lf_auth_find_dept(db, d, dept) : LF_OK;
}

static void print_roles(struct lf_db *db, const struct lf_account *a)
{
	int i;

	if (!a->nroles)
		fputs("（无）", stdout);
	for (i = 0; i < a->nroles; i++) {
		printf("%s%s", i ? "、" : "", lf_role_label(a->roles[i].role));
		if (a->roles[i].dept[0])
			printf("（%s）", lf_auth_dept_name(db, a->roles[i].dept));
	}
}

static const char *post_name(struct lf_db *db, const char *gid)
{
	static char name[256];
	const struct lf_kind *k = lf_kind_find("post");
	struct lf_rec *r = lf_rec_new(k);

	snprintf(name, sizeof name, "%.12s", gid);
	if (lf_rec_load(db, k, gid, r) == LF_OK)
		snprintf(name, sizeof name, "%s", lf_rec_text(r, "name"));
	lf_rec_free(r);
	return name;
}

static void print_lock(const struct lf_account *a)
{
	char now[21];

	lf_now_utc(now);
	if (a->locked_until[0] && strcmp(a->locked_until, now) > 0)
		printf("，%s到 %s（UTC，连续 %d 次密码错误）", a->failures >= LF_AUTH_LOCK_AFTER ? "锁定" : "暂停登录",
		       a->locked_until, a->failures);
	else if (a->failures)
		printf("，连续 %d 次密码错误", a->failures);
}

static void print_account(struct lf_db *db, const struct lf_account *a)
{
	printf("%s  %s%s\n", a->login, a->name, a->retired ? "（已停用）" : "");
	if (a->person[0]) {
		printf("  人员：%s", a->person_name ? a->person_name : a->person);
		if (a->post[0])
			printf("，岗位：%s", post_name(db, a->post));
		putchar('\n');
	}
	fputs("  角色：", stdout);
	print_roles(db, a);
	printf("\n  系统账户：%s；密码：%s", a->sys_user[0] ? a->sys_user : "（无）", a->has_password ? "已设置" : "未设置");
	print_lock(a);
	putchar('\n');
}

/* ------------------------------------------------------------------ whoami, list */

static const struct lf_cmd sub_whoami = {
	"user whoami", "",
	"用法：lianfang user whoami\n"
	"\n"
	"显示这次以谁的身份操作（怎样登录的）、对应的人员和岗位、角色，以及每项操作能做到\n"
	"什么范围（全单位、所负责的处室、本人岗位）或不能做。\n\n" SIGNIN_HELP,
	NULL,
};

static void print_reach(struct lf_db *db, const struct lf_account *a, enum lf_action act)
{
	int i, n = 0, unit = 0, post = 0;

	for (i = 0; i < a->nroles; i++)
		unit |= lf_perm_role_may(a->roles[i].role, act) == LF_REACH_UNIT;
	if (unit) {
		fputs("全单位", stdout);
		return;
	}
	for (i = 0; i < a->nroles; i++) {
		enum lf_reach_kind k = lf_perm_role_may(a->roles[i].role, act);

		if (k == LF_REACH_DEPT && a->roles[i].dept[0])
			printf("%s%s", n++ ? "、" : "", lf_auth_dept_name(db, a->roles[i].dept));
		else if (k == LF_REACH_POST && a->post[0] && !post++)
			printf("%s本人岗位（%s）", n++ ? "、" : "", post_name(db, a->post));
	}
	if (act == LF_ACT_SELFCHECK_EDIT || act == LF_ACT_SELFCHECK_SUBMIT)
		fputs("，提交之前或退回之后", stdout);
}

static int may_at_all(const struct lf_account *a, enum lf_action act)
{
	int i;

	for (i = 0; i < a->nroles; i++) {
		enum lf_reach_kind k = lf_perm_role_may(a->roles[i].role, act);

		if (k == LF_REACH_UNIT || (k == LF_REACH_DEPT && a->roles[i].dept[0]) || (k == LF_REACH_POST && a->post[0]))
			return 1;
	}
	return 0;
}

static int run_whoami(struct lf_cli *cli, int argc, char **argv)
{
	enum lf_auth_state state;
	struct lf_account a;
	struct lf_db *db;
	lf_status st;
	int rc, act, n = 0;

	if ((rc = parse(cli, &sub_whoami, argc, argv, NULL, NULL, NULL)) >= 0)
		return rc;
	if (optind < argc)
		return lf_cli_usage(&sub_whoami, "不需要参数。");
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_READ, &db)))
		return rc;
	if ((st = lf_auth_state(db, &state))) {
		rc = fail_db(db, st);
		goto out;
	}
	if (state == LF_AUTH_SETUP) {
		printf("本数据库还没有用户（初始设置）：不检查权限，操作记在“%s”名下。\n"
		       "请先建立管理员：lianfang user add 登录名 --name 姓名 --role admin\n", db->actor);
		goto out;
	}
	if (!db->actor[0]) {
		rc = lf_cli_fail("尚未登录：本数据库已设有用户。请用 --user 登录名 登录（在终端中会询问密码，脚本可设 "
		                 "LIANFANG_PASSWORD），或请管理员把系统账户“%s”对应到你的用户。", lf_auth_system_user());
		goto out;
	}
	if ((st = lf_account_get(db, db->actor, &a))) {
		rc = fail_db(db, st);
		goto out;
	}
	printf("当前用户：%s（%s），登录方式：%s\n", a.login, a.person_name ? a.person_name : a.name,
	       lf_cli_signed_in_how());
	print_account(db, &a);
	puts("可以：");
	for (act = 0; act < LF_ACT_COUNT; act++)
		if (may_at_all(&a, (enum lf_action)act)) {
			printf("  %s —— ", lf_action_label((enum lf_action)act));
			print_reach(db, &a, (enum lf_action)act);
			putchar('\n');
		}
	fputs("不可以：", stdout);
	for (act = 0; act < LF_ACT_COUNT; act++)
		if (!may_at_all(&a, (enum lf_action)act))
			printf("%s%s", n++ ? "；" : "", lf_action_label((enum lf_action)act));
	puts(n ? "。" : "（无）");
	lf_account_clear(&a);
out:
	lf_db_close(db);
	return rc;
}

static const struct lf_cmd sub_list = {
	"user list", "",
	"用法：lianfang user list\n"
	"\n"
	"列出全部用户：登录名、姓名、人员和岗位、角色、系统账户、是否设置密码、锁定、停用。\n"
	"需要系统管理员角色，或能查看全单位的角色（主要领导、纪检监察、上级审核人）。\n",
	NULL,
};

static int list_one(void *ctx, const struct lf_account *a)
{
	print_account(ctx, a);
	return 0;
}

static int run_list(struct lf_cli *cli, int argc, char **argv)
{
	struct lf_db *db;
	lf_status st;
	int rc;

	if ((rc = parse(cli, &sub_list, argc, argv, NULL, NULL, NULL)) >= 0)
		return rc;
	if (optind < argc)
		return lf_cli_usage(&sub_list, "不需要参数。");
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_READ, &db)))
		return rc;
	st = lf_perm_check(db, LF_ACT_USERS, NULL);
	if (st == LF_DENIED && lf_perm_check(db, LF_ACT_READ, NULL) == LF_OK)
		st = LF_OK;
	else if (st == LF_DENIED)
		lf_perm_check(db, LF_ACT_USERS, NULL); /* the message to show is about users */
	if (st == LF_OK)
		st = lf_account_list(db, list_one, db);
	rc = st ? fail_db(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

/* ------------------------------------------------------------------ add */

static const struct lf_cmd sub_add = {
	"user add", "",
	"用法：lianfang user add 登录名 --name 姓名 [--person 人员] [--role 角色[:处室]]…\n"
	"                         [--sys-user 系统账户] [--no-password | --password-stdin]\n"
	"\n"
	"添加一个用户。登录名为 1–32 个英文字母、数字或“.”“_”“-”。默认在终端上输入两次\n"
	"密码；--password-stdin 从标准输入读一行；--no-password 不设密码（只能从对应的\n"
	"系统账户登录，以后可用 user password 设置）。密码为 8–64 个英文字母、数字或符号。\n"
	"\n"
	"数据库还没有用户时，第一个用户必须是管理员（--role admin），谁都可以建立；之后\n"
	"只有管理员能添加用户。\n"
	"\n"
	"  --name 姓名          显示的姓名（1–50 字）\n"
	"  --person 人员        对应的人员（姓名或编号）；科员角色需要它来确定本人岗位\n"
	"  --role 角色[:处室]   授予的角色，可写多次\n"
	"  --sys-user 账户      对应的系统账户（SSH 下每人一个）：从该账户登录不用密码\n"
	"\n" ROLES_HELP,
	NULL,
};

struct add_opts {
	const char *name, *person, *sys_user;
	const char *roles[16];
	int nroles, no_password, from_stdin;
};

static int on_add(void *ctx, int c, const char *arg)
{
	struct add_opts *o = ctx;

	switch (c) {
	case 'n': o->name = arg; return 0;
	case 'p': o->person = arg; return 0;
	case 's': o->sys_user = arg; return 0;
	case 'N': o->no_password = 1; return 0;
	case 'S': o->from_stdin = 1; return 0;
	case 'r':
		if (o->nroles == (int)LF_COUNT(o->roles))
			return lf_cli_usage(&sub_add, "--role 最多 %d 个。", (int)LF_COUNT(o->roles));
		o->roles[o->nroles++] = arg;
		return 0;
	}
	return -1;
}

static lf_status add_roles(struct lf_db *db, const char *login, const char *const *specs, int n, int skip_admin)
{
	lf_status st = LF_OK;
	int i;

	for (i = 0; i < n && st == LF_OK; i++) {
		char dept[LF_GID_LEN + 1];
		enum lf_role role;

		if ((st = parse_role(db, specs[i], &role, dept)))
			break;
		if (skip_admin && role == LF_ROLE_ADMIN)
			continue;
		st = lf_account_role_add(db, login, role, dept[0] ? dept : NULL);
	}
	return st;
}

static int run_add(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", 1, 0, 'n' }, { "person", 1, 0, 'p' }, { "role", 1, 0, 'r' }, { "sys-user", 1, 0, 's' },
		{ "no-password", 0, 0, 'N' }, { "password-stdin", 0, 0, 'S' }, { 0, 0, 0, 0 },
	};
	struct add_opts o;
	enum lf_auth_state state;
	char person[LF_GID_LEN + 1] = "", *pw = NULL, *login;
	struct lf_db *db;
	lf_status st;
	int rc, i, admin = 0;

	memset(&o, 0, sizeof o);
	if ((rc = parse(cli, &sub_add, argc, argv, opts, on_add, &o)) >= 0)
		return rc;
	if (argc - optind != 1)
		return lf_cli_usage(&sub_add, "要给出一个登录名。");
	login = argv[optind];
	if (!o.name)
		return lf_cli_usage(&sub_add, "要用 --name 给出姓名。");
	if (o.no_password && o.from_stdin)
		return lf_cli_usage(&sub_add, "--no-password 和 --password-stdin 只能选一个。");
	for (i = 0; i < o.nroles; i++) {
		char name[64];

		snprintf(name, sizeof name, "%.*s", (int)strcspn(o.roles[i], ":："), o.roles[i]);
		admin |= lf_role_parse(name) == LF_ROLE_ADMIN;
	}
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	if ((st = lf_auth_state(db, &state)))
		goto done;
	if (state == LF_AUTH_SETUP && !admin) {
		st = lf_fail(db, LF_STATE, "本数据库还没有用户：第一个用户必须是管理员，请加上 --role admin。");
		goto done;
	}
	if (state == LF_AUTH_ENFORCED && (st = lf_perm_check(db, LF_ACT_USERS, NULL)))
		goto done; /* refuse before asking for a password */
	if (o.person && (st = lf_auth_find_person(db, o.person, person)))
		goto done;
	if (!o.no_password && !(pw = lf_cli_new_password(login, o.from_stdin))) {
		lf_db_close(db);
		return LF_EXIT_FAIL;
	}
	if ((st = lf_tx_begin(db)))
		goto done;
	if (state == LF_AUTH_SETUP) {
		st = lf_auth_create_admin(db, login, o.name, o.sys_user, pw);
		if (st == LF_OK && person[0])
			st = lf_account_update(db, login, NULL, person);
	} else {
		struct lf_account_new a = { login, o.name, person[0] ? person : NULL, o.sys_user, pw };

		st = lf_account_add(db, &a);
	}
	if (st == LF_OK)
		st = add_roles(db, login, o.roles, o.nroles, state == LF_AUTH_SETUP);
	st = lf_tx_end(db, st);
done:
	lf_cli_password_free(pw);
	if (st == LF_OK) {
		struct lf_account a;

		if (lf_account_get(db, login, &a) == LF_OK) {
			printf("已添加用户%s：\n", state == LF_AUTH_SETUP ? "（本数据库的第一个管理员）" : "");
			print_account(db, &a);
		}
		lf_account_clear(&a);
	}
	rc = st ? fail_db(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

/* ------------------------------------------------------------------ edit, role */

static const struct lf_cmd sub_edit = {
	"user edit", "",
	"用法：lianfang user edit 登录名 [--name 姓名] [--person 人员 | --no-person]\n"
	"\n"
	"修改用户的姓名或对应的人员（姓名或编号）。需要系统管理员角色。\n",
	NULL,
};

struct edit_opts {
	const char *name, *person;
	int no_person;
};

static int on_edit(void *ctx, int c, const char *arg)
{
	struct edit_opts *o = ctx;

	switch (c) {
	case 'n': o->name = arg; return 0;
	case 'p': o->person = arg; return 0;
	case 'N': o->no_person = 1; return 0;
	}
	return -1;
}

static int run_edit(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", 1, 0, 'n' }, { "person", 1, 0, 'p' }, { "no-person", 0, 0, 'N' }, { 0, 0, 0, 0 },
	};
	struct edit_opts o = { NULL, NULL, 0 };
	char person[LF_GID_LEN + 1] = "";
	struct lf_db *db;
	lf_status st = LF_OK;
	int rc;

	if ((rc = parse(cli, &sub_edit, argc, argv, opts, on_edit, &o)) >= 0)
		return rc;
	if (argc - optind != 1)
		return lf_cli_usage(&sub_edit, "要给出一个登录名。");
	if (!o.name && !o.person && !o.no_person)
		return lf_cli_usage(&sub_edit, "没有要修改的内容。");
	if (o.person && o.no_person)
		return lf_cli_usage(&sub_edit, "--person 和 --no-person 只能选一个。");
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	if (o.person)
		st = lf_auth_find_person(db, o.person, person);
	if (st == LF_OK)
		st = lf_account_update(db, argv[optind], o.name, o.person ? person : o.no_person ? "" : NULL);
	if (st == LF_OK)
		printf("已修改用户 %s。\n", argv[optind]);
	rc = st ? fail_db(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static const struct lf_cmd sub_role = {
	"user role", "",
	"用法：lianfang user role add 登录名 角色[:处室]…\n"
	"      lianfang user role remove 登录名 角色[:处室]…\n"
	"\n"
	"授予或收回角色（全部成功才生效）。需要系统管理员角色；管理员不能给自己授予审核、\n"
	"评定一类的角色（科员、系统管理员以外的角色），须由另一位管理员授予。\n"
	"\n" ROLES_HELP,
	NULL,
};

static int run_role(struct lf_cli *cli, int argc, char **argv)
{
	const char *login;
	struct lf_db *db;
	lf_status st;
	int rc, add, i;

	if ((rc = parse(cli, &sub_role, argc, argv, NULL, NULL, NULL)) >= 0)
		return rc;
	if (argc - optind < 3 || (strcmp(argv[optind], "add") && strcmp(argv[optind], "remove")))
		return lf_cli_usage(&sub_role, "要写 add 或 remove、登录名和至少一个角色。");
	add = !strcmp(argv[optind], "add");
	login = argv[optind + 1];
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	if ((st = lf_tx_begin(db)) == LF_OK) {
		for (i = optind + 2; i < argc && st == LF_OK; i++) {
			char dept[LF_GID_LEN + 1];
			enum lf_role role;

			if ((st = parse_role(db, argv[i], &role, dept)))
				break;
			st = add ? lf_account_role_add(db, login, role, dept[0] ? dept : NULL)
			         : lf_account_role_remove(db, login, role, dept[0] ? dept : NULL);
		}
		st = lf_tx_end(db, st);
	}
	if (st == LF_OK) {
		struct lf_account a;

		if (lf_account_get(db, login, &a) == LF_OK) {
			printf("已%s。用户 %s 现在的角色：", add ? "授予" : "收回", login);
			print_roles(db, &a);
			putchar('\n');
		}
		lf_account_clear(&a);
	}
	rc = st ? fail_db(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

/* ------------------------------------------------------------------ password */

static const struct lf_cmd sub_password = {
	"user password", "",
	"用法：lianfang user password [登录名] [--password-stdin]\n"
	"\n"
	"不给登录名（或给自己的）：修改自己的密码，先输入原密码（还没有密码时不用）。\n"
	"给出别人的登录名：管理员为其重设密码，同时清除错误次数和锁定。\n"
	"默认在终端上输入；--password-stdin 从标准输入读：改自己的密码时先一行原密码\n"
	"（有密码时），再一行新密码；重设别人的密码时一行新密码。密码修改和重设都记入\n"
	"审计日志（只记“已设置”，不记密码）。\n\n" SIGNIN_HELP,
	NULL,
};

static int on_password(void *ctx, int c, const char *arg)
{
	(void)arg;
	if (c != 'S')
		return -1;
	*(int *)ctx = 1;
	return 0;
}

static int run_password(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "password-stdin", 0, 0, 'S' }, { 0, 0, 0, 0 } };
	char *old = NULL, *pw = NULL;
	int from_stdin = 0, rc, self;
	struct lf_account me;
	struct lf_db *db;
	lf_status st;

	if ((rc = parse(cli, &sub_password, argc, argv, opts, on_password, &from_stdin)) >= 0)
		return rc;
	if (argc - optind > 1)
		return lf_cli_usage(&sub_password, "最多给出一个登录名。");
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	self = argc == optind || !strcmp(argv[optind], db->actor);
	if (self) {
		if (!db->actor[0] || (st = lf_account_get(db, db->actor, &me)) != LF_OK) {
			lf_db_close(db);
			return lf_cli_fail("尚未登录，不能修改自己的密码。请用 --user 登录名 登录。");
		}
		if (me.has_password) {
			old = from_stdin ? lf_cli_stdin_line() : lf_cli_ask_password("原密码：");
			if (!old) {
				lf_account_clear(&me);
				lf_db_close(db);
				return lf_cli_fail("需要输入原密码。");
			}
		}
		lf_account_clear(&me);
	} else if ((st = lf_perm_check(db, LF_ACT_USERS, NULL))) {
		rc = fail_db(db, st); /* refuse before asking for a password */
		lf_db_close(db);
		return rc;
	}
	if (!(pw = lf_cli_new_password(self ? db->actor : argv[optind], from_stdin))) {
		lf_cli_password_free(old);
		lf_db_close(db);
		return LF_EXIT_FAIL;
	}
	st = self ? lf_account_password_change(db, old, pw) : lf_account_password_reset(db, argv[optind], pw);
	lf_cli_password_free(old);
	lf_cli_password_free(pw);
	if (st == LF_OK)
		printf(self ? "已修改用户 %s 的密码。\n" : "已重设用户 %s 的密码，并清除了错误次数和锁定。\n",
		       self ? db->actor : argv[optind]);
	rc = st ? fail_db(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

/* ------------------------------------------------------------------ one-login subcommands */

static const struct lf_cmd sub_map = {
	"user map", "",
	"用法：lianfang user map 登录名 系统账户\n"
	"      lianfang user unmap 登录名\n"
	"\n"
	"让一个系统账户（SSH 下每人一个）不用密码就以这个用户的身份使用廉防，或取消对应。\n"
	"一个系统账户只能对应一个用户。不要对应多人共用的系统账户：共用账户的人就都成了这\n"
	"个用户。需要系统管理员角色。\n",
	NULL,
};

static const struct lf_cmd sub_retire = {
	"user retire", "",
	"用法：lianfang user retire 登录名\n"
	"      lianfang user reinstate 登录名\n"
	"\n"
	"停用一个用户（不能再登录和操作；记录和日志都保留，用户不会被删除），或恢复启用。\n"
	"唯一在用的管理员不能停用。需要系统管理员角色。\n",
	NULL,
};

static const struct lf_cmd sub_unlock = {
	"user unlock", "",
	"用法：lianfang user unlock 登录名\n"
	"\n"
	"清除用户的密码错误次数和锁定。连续 5 次密码错误会锁定 15 分钟（第 3、4 次之后\n"
	"分别要等 30、60 秒）。需要系统管理员角色。\n",
	NULL,
};

static int run_simple(struct lf_cli *cli, int argc, char **argv)
{
	const char *what = argv[0];
	const struct lf_cmd *cmd = !strcmp(what, "map") || !strcmp(what, "unmap") ? &sub_map
	                         : !strcmp(what, "unlock") ? &sub_unlock : &sub_retire;
	int want = !strcmp(what, "map") ? 2 : 1, rc;
	struct lf_db *db;
	lf_status st;

	if ((rc = parse(cli, cmd, argc, argv, NULL, NULL, NULL)) >= 0)
		return rc;
	if (argc - optind != want)
		return lf_cli_usage(cmd, want == 2 ? "要给出登录名和系统账户。" : "要给出一个登录名。");
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	if (!strcmp(what, "map"))
		st = lf_account_map(db, argv[optind], argv[optind + 1]);
	else if (!strcmp(what, "unmap"))
		st = lf_account_map(db, argv[optind], NULL);
	else if (!strcmp(what, "unlock"))
		st = lf_account_unlock(db, argv[optind]);
	else
		st = lf_account_retire(db, argv[optind], !strcmp(what, "retire"));
	if (st == LF_OK) {
		if (!strcmp(what, "map"))
			printf("已把系统账户 %s 对应到用户 %s：从该系统账户使用廉防不用密码。\n", argv[optind + 1],
			       argv[optind]);
		else
			printf("已%s用户 %s。\n", !strcmp(what, "unmap") ? "取消对应系统账户：" :
			       !strcmp(what, "unlock") ? "解锁" : !strcmp(what, "retire") ? "停用" : "恢复启用",
			       argv[optind]);
	}
	rc = st ? fail_db(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

/* ------------------------------------------------------------------ dispatch */

static const struct {
	const char *name;
	int (*run)(struct lf_cli *cli, int argc, char **argv);
} subs[] = {
	{ "whoami", run_whoami }, { "list", run_list }, { "add", run_add }, { "edit", run_edit },
	{ "role", run_role }, { "password", run_password }, { "map", run_simple }, { "unmap", run_simple },
	{ "retire", run_simple }, { "reinstate", run_simple }, { "unlock", run_simple },
};

static int run(struct lf_cli *cli, int argc, char **argv)
{
	size_t i;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (argc < 2)
			return lf_cli_usage(&lf_cmd_user, "要给出子命令。");
		fputs(lf_cmd_user.usage, stdout);
		return LF_EXIT_OK;
	}
	for (i = 0; i < LF_COUNT(subs); i++)
		if (!strcmp(argv[1], subs[i].name))
			return subs[i].run(cli, argc - 1, argv + 1);
	return lf_cli_usage(&lf_cmd_user, "没有“%s”这个子命令。", argv[1]);
}
