/* ui_signin: the first screen when nobody is signed in. A new database (no
 * account yet) first creates its administrator; a database with accounts
 * asks for a login and a password. The model decides everything — wrong
 * password, slow-down, lock, retired account (auth.h) — and says it in
 * Chinese; this screen shows it and starts over as the signed-in user. */
#include "ui_auth.h"
#include "ui_priv.h"

#include <string.h>

/* ------------------------------------------------------------------ signing in */

enum { SI_LOGIN, SI_PASSWORD };

const struct lf_ui_action lf_signin_actions[] =
	LF_CRED_ACTIONS("signin", "登录", "用登录名和密码登录（还没填密码时，先到密码一栏）");

static void signin_submit(struct lf_cred *c)
{
	struct lf_db *db = lf_cred_db(c);
	struct lf_ui *ui = lf_cred_ui(c);
	char *login = lf_cred_text(c, SI_LOGIN);
	struct lf_signin in;
	lf_status st;

	st = lf_auth_signin(db, login, lf_cred_secret(c, SI_PASSWORD), &in);
	lf_cred_clear(c, SI_PASSWORD);
	lf_free(login);
	if (st == LF_OK) {
		lf_ui_msg(ui, LF_MSG_INFO, "%s，您好。", lf_perm_actor_name(db));
		lf_ui_start_over(ui);
		return;
	}
	if (st != LF_DENIED) {
		lf_cred_result(c, 1, "没有登录：%s", lf_errmsg(db, st));
		return;
	}
	switch (in.result) {
	case LF_SIGNIN_WRONG:
		if (in.tries_left > 0)
			lf_cred_result(c, 1, "%s再错 %d 次，这个用户将被锁定 %d 分钟。", db->err, in.tries_left,
			               LF_AUTH_LOCK_SECONDS / 60);
		else
			lf_cred_result(c, 1, "%s", db->err);
		lf_cred_focus(c, SI_PASSWORD);
		break;
	case LF_SIGNIN_RETIRED:
	case LF_SIGNIN_NO_PASSWORD:
		lf_cred_result(c, 1, "%s", db->err);
		lf_cred_focus(c, SI_LOGIN);
		break;
	default: /* waiting, locked (the model says until when, HH:MM) */
		lf_cred_result(c, 1, "%s", db->err);
		lf_cred_focus(c, SI_PASSWORD);
		break;
	}
}

static const struct lf_cred_kind signin_kind = {
	.name = "signin",
	.actions = lf_signin_actions,
	.submit = signin_submit,
	.help = "本数据库设有用户：请用自己的登录名和密码登录。连续输错密码，从第 3 次起每次要等待一会儿"
	        "才能再试，连续错 5 次锁定 15 分钟；管理员可以解锁或重设密码。通过 SSH 用自己的系统账户"
	        "登录时，管理员可以把系统账户对应到用户（lianfang user map），就不用再输入密码。",
};

void lf_signin_open(struct lf_ui *ui, const char *login)
{
	static const struct lf_cred_field_def defs[] = {
		{ "登录名", 0, 1 },
		{ "密码", 1, 1 },
	};
	struct lf_cred *c;

	c = lf_cred_open(ui, &signin_kind, "登录", "请登录。", "忘记密码请找系统管理员重设。按 Esc 退出。", defs, 2,
	                 NULL, NULL);
	if (login && *login) {
		lf_cred_set_text(c, SI_LOGIN, login);
		lf_cred_focus(c, SI_PASSWORD);
	}
}

/* ------------------------------------------------------------------ the first administrator */

enum { SU_LOGIN, SU_NAME, SU_PASSWORD, SU_AGAIN };

const struct lf_ui_action lf_setup_actions[] =
	LF_CRED_ACTIONS("create-admin", "建立", "建立系统管理员并以他登录（还有没填的项时，先到那一项）");

static void setup_check(struct lf_cred *c)
{
	char *login = lf_cred_text(c, SU_LOGIN);

	lf_cred_check_new_password(c, login, SU_PASSWORD, SU_AGAIN, 0);
	lf_free(login);
}

static void setup_submit(struct lf_cred *c)
{
	struct lf_db *db = lf_cred_db(c);
	struct lf_ui *ui = lf_cred_ui(c);
	char *login = lf_cred_text(c, SU_LOGIN), *name = lf_cred_text(c, SU_NAME);
	lf_status st;

	if (lf_cred_new_password_ok(c, login, SU_PASSWORD, SU_AGAIN, 0)) {
		st = lf_auth_create_admin(db, login, name, NULL, lf_cred_secret(c, SU_PASSWORD));
		if (st == LF_OK) {
			lf_ui_msg(ui, LF_MSG_INFO, "已建立系统管理员“%s”，并已登录。请在“账户”里添加其他用户。", login);
			lf_ui_start_over(ui);
		} else {
			lf_cred_result(c, 1, "没有建立：%s", lf_errmsg(db, st));
		}
	}
	lf_free(login);
	lf_free(name);
}

static const struct lf_cred_kind setup_kind = {
	.name = "setup",
	.actions = lf_setup_actions,
	.check = setup_check,
	.submit = setup_submit,
	.help = "新数据库第一次打开时，先建立系统管理员：他管理用户、角色和设置，但不审批风险工作。"
	        "建立以后，每个操作都要登录、都检查权限，并记入审计日志。",
};

void lf_setup_open(struct lf_ui *ui)
{
	static const struct lf_cred_field_def defs[] = {
		{ "登录名", 0, 1 },
		{ "姓名", 0, 1 },
		{ "密码", 1, 1 },
		{ "再输入一次", 1, 1 },
	};

	lf_cred_open(ui, &setup_kind, "建立系统管理员",
	             "这是新数据库，还没有用户。请先建立系统管理员：他管理用户、角色和设置。登录名用英文字母、"
	             "数字或“. _ -”。",
	             "建立以后，打开本数据库都要登录。按 Esc 退出（不建立）。", defs, 4, NULL, NULL);
}
