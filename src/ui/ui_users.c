/* ui_users: who is working and who may — the signed-in user's own account
 * (roles, what they may do, their password, signing out) and, for
 * administrators, the list of accounts and one account's page: name, person,
 * roles with their departments, password reset, system user, retire, unlock.
 * Every change is an auth.h call: the model checks the role, logs the change
 * and says in Chinese what is wrong; these screens only show it. */
#include "ui_auth.h"
#include "ui_priv.h"

#include <string.h>

/* Roles given with a department (auth.h lf_account_role_add): the others
 * cover the whole unit. */
static int role_has_dept(enum lf_role r)
{
	return r == LF_ROLE_HEAD || r == LF_ROLE_LEADER;
}

/* "处室负责人（登记注册科）、科员", or "（无）". Caller frees. */
static char *roles_text(struct lf_db *db, const struct lf_account *a)
{
	struct lf_buf b;
	int i;

	lf_buf_init(&b);
	for (i = 0; i < a->nroles; i++) {
		lf_buf_addf(&b, "%s%s", i ? "、" : "", lf_role_label(a->roles[i].role));
		if (a->roles[i].dept[0])
			lf_buf_addf(&b, "（%s）", lf_auth_dept_name(db, a->roles[i].dept));
	}
	if (!a->nroles)
		lf_buf_adds(&b, "（无）");
	return lf_buf_steal(&b);
}

/* "锁定到 08:15", "已停用", "连续错 2 次", or "". */
static void state_text(const struct lf_account *a, char *buf, size_t len)
{
	char now[21], when[17];

	lf_now_utc(now);
	buf[0] = 0;
	if (a->retired) {
		snprintf(buf, len, "已停用");
	} else if (a->locked_until[0] && strcmp(a->locked_until, now) > 0) {
		lf_local_time(a->locked_until, when);
		snprintf(buf, len, "%s到 %s", a->failures >= LF_AUTH_LOCK_AFTER ? "锁定" : "等待", when + 11);
	} else if (a->failures) {
		snprintf(buf, len, "连续错 %d 次", a->failures);
	} else if (!a->has_password && !a->sys_user[0]) {
		snprintf(buf, len, "无法登录");
	}
}

/* ------------------------------------------------------------------ passwords */

enum { PW_OLD, PW_NEW, PW_AGAIN };
enum { RS_NEW, RS_AGAIN };

const struct lf_ui_action lf_password_actions[] =
	LF_CRED_ACTIONS("save-password", "保存", "保存新密码（还有没填的项时，先到那一项）");

static void change_check(struct lf_cred *c)
{
	struct lf_db *db = lf_cred_db(c);

	lf_cred_check_new_password(c, db->actor, PW_NEW, PW_AGAIN, 0);
}

static void change_submit(struct lf_cred *c)
{
	struct lf_db *db = lf_cred_db(c);
	lf_status st;

	if (!lf_cred_new_password_ok(c, db->actor, PW_NEW, PW_AGAIN, 0))
		return;
	st = lf_account_password_change(db, lf_cred_secret(c, PW_OLD), lf_cred_secret(c, PW_NEW));
	lf_cred_clear(c, PW_OLD);
	if (st) {
		lf_cred_result(c, 1, "密码没有改：%s", lf_errmsg(db, st));
		lf_cred_focus(c, PW_OLD);
		return;
	}
	lf_ui_msg(lf_cred_ui(c), LF_MSG_INFO, "密码已修改（审计日志记下了修改，但不记密码）。");
	lf_ui_pop(lf_cred_ui(c));
}

static const struct lf_cred_kind change_kind = {
	.name = "password",
	.actions = lf_password_actions,
	.check = change_check,
	.submit = change_submit,
	.help = "修改自己的密码：先输入现在的密码，再把新密码输入两次。",
};

static void open_change(struct lf_ui *ui, int has_password)
{
	const struct lf_cred_field_def defs[] = {
		{ "现在的密码", 1, has_password },
		{ "新密码", 1, 1 },
		{ "再输入一次", 1, 1 },
	};

	lf_cred_open(ui, &change_kind, "修改密码",
	             has_password ? "修改自己的密码。" : "你还没有密码（从系统账户登录）：设置一个，以后也能用密码登录。",
	             NULL, defs, 3, NULL, NULL);
}

static void reset_check(struct lf_cred *c)
{
	lf_cred_check_new_password(c, lf_cred_ctx(c), RS_NEW, RS_AGAIN, 0);
}

static void reset_submit(struct lf_cred *c)
{
	struct lf_db *db = lf_cred_db(c);
	const char *login = lf_cred_ctx(c);
	lf_status st;

	if (!lf_cred_new_password_ok(c, login, RS_NEW, RS_AGAIN, 0))
		return;
	if ((st = lf_account_password_reset(db, login, lf_cred_secret(c, RS_NEW)))) {
		lf_cred_result(c, 1, "密码没有重设：%s", lf_errmsg(db, st));
		return;
	}
	lf_ui_msg(lf_cred_ui(c), LF_MSG_INFO, "已为“%s”重设密码，并解除了锁定；审计日志记下了重设（不记密码）。", login);
	lf_ui_pop(lf_cred_ui(c));
}

static const struct lf_cred_kind reset_kind = {
	.name = "password-reset",
	.actions = lf_password_actions,
	.check = reset_check,
	.submit = reset_submit,
	.help = "管理员为用户设一个新密码（用户忘了密码，或被锁定时）。密码错误次数和锁定随之清除，"
	        "重设记入审计日志，密码本身不记。请把新密码当面告诉用户，并请他登录后自己改掉。",
};

static void open_reset(struct lf_ui *ui, const char *login)
{
	static const struct lf_cred_field_def defs[] = {
		{ "新密码", 1, 1 },
		{ "再输入一次", 1, 1 },
	};
	char *intro = lf_printf("为用户“%s”设一个新密码。", login);

	lf_cred_open(ui, &reset_kind, "重设密码", intro, "请把新密码当面告诉用户，并请他登录后自己改掉。", defs, 2,
	             lf_strdup(login), lf_free);
	lf_free(intro);
}

/* ------------------------------------------------------------------ one account */

enum { U_NAME = 1, U_PERSON, U_ROLE_ADD, U_ROLE_DEL, U_RESET, U_MAP, U_RETIRE, U_UNLOCK, U_BACK };

const struct lf_ui_action lf_user_actions[] = {
	{ U_ROLE_ADD, "role-add", "授予角色", { 'g', '+' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "授予一个角色；处室负责人和分管领导还要选处室" },
	{ U_ROLE_DEL, "role-remove", "收回角色", { 'x', '-' }, LF_ACT_BAR | LF_ACT_TEXT, "收回一个角色" },
	{ U_RESET, "password-reset", "重设密码", { 'r' }, LF_ACT_BAR | LF_ACT_TEXT, "为这个用户设新密码（记入审计日志）" },
	{ U_RETIRE, "retire", "停用", { 'd' }, LF_ACT_BAR | LF_ACT_TEXT, "停用这个用户（先询问）；再按一次恢复启用" },
	{ U_NAME, "name", "改姓名", { 'n' }, LF_ACT_TEXT, "修改用户的姓名" },
	{ U_PERSON, "person", "人员", { 'p' }, LF_ACT_TEXT, "关联到本单位的一个人员（科员角色需要），或取消关联" },
	{ U_MAP, "map", "系统账户", { 'm' }, LF_ACT_TEXT, "对应一个系统账户：从那个系统账户运行廉防不用密码；留空取消" },
	{ U_UNLOCK, "unlock", "解锁", { 'u' }, LF_ACT_TEXT, "清除密码错误次数和锁定" },
	{ U_BACK, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到用户列表（同 F10）" },
	{ 0 },
};

struct user {
	struct lf_screen base;
	char login[LF_LOGIN_MAX + 1];
	struct lf_account a;
	int loaded;
	enum lf_role pending;   /* a role waiting for its department */
	int has_pending;
	char **choices;         /* the roles offered for removal */
	int nchoices;
};

static void user_load(struct user *u)
{
	struct lf_db *db = lf_ui_ctx(u->base.ui)->db;
	lf_status st;

	lf_account_clear(&u->a);
	memset(&u->a, 0, sizeof u->a);
	u->loaded = (st = lf_account_get(db, u->login, &u->a)) == LF_OK;
	if (st)
		lf_ui_msg(u->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
}

static void row(WINDOW *w, int y, const char *label, const char *value, attr_t a)
{
	lf_ui_print(w, y, 3, 10, label, lf_ui_attr(LF_R_LABEL));
	lf_ui_print(w, y, 14, COLS - 16, value, a);
}

static void user_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct user *u = (struct user *)s;
	struct lf_db *db = lf_ui_ctx(s->ui)->db;
	const struct lf_account *a = &u->a;
	char state[64], when[17], *t;
	int y = 1, i;

	if (!u->loaded)
		return;
	lf_local_time(a->created, when);
	t = lf_printf("%s　　（建立于 %s）", a->login, when);
	row(w, y++, "登录名", t, A_BOLD);
	lf_free(t);
	row(w, y++, "姓名", a->name, A_NORMAL);
	if (a->person[0]) {
		char *post = a->post[0] ? lf_record_label(db, lf_kind_find("post"), a->post) : NULL;

		t = lf_printf("%s%s%s%s", a->person_name ? a->person_name : a->person, post ? "（" : "", post ? post : "",
		              post ? "）" : "");
		row(w, y++, "人员", t, A_NORMAL);
		lf_free(t);
		lf_free(post);
	} else {
		row(w, y++, "人员", "（未关联）", lf_ui_attr(LF_R_DIM));
	}
	if (a->sys_user[0]) {
		t = lf_printf("%s（从这个系统账户运行廉防不用密码）", a->sys_user);
		row(w, y++, "系统账户", t, A_NORMAL);
		lf_free(t);
	} else {
		row(w, y++, "系统账户", "（未对应）", lf_ui_attr(LF_R_DIM));
	}
	row(w, y++, "密码", a->has_password ? "已设置" : "未设置", A_NORMAL);
	state_text(a, state, sizeof state);
	row(w, y++, "状态", state[0] ? state : "正常", lf_ui_attr(state[0] ? LF_R_ERROR : LF_R_NORMAL));
	y++;
	lf_ui_print(w, y, 3, 10, "角色", lf_ui_attr(LF_R_LABEL));
	if (!a->nroles)
		lf_ui_print(w, y++, 14, cols - 16, "（无）", lf_ui_attr(LF_R_DIM));
	for (i = 0; i < a->nroles && y < rows - 3; i++, y++) {
		lf_ui_print(w, y, 14, 12, lf_role_label(a->roles[i].role), A_BOLD);
		if (a->roles[i].dept[0])
			lf_ui_print(w, y, 26, cols - 28, lf_auth_dept_name(db, a->roles[i].dept), A_NORMAL);
	}
	lf_ui_print(w, rows - 2, 3, cols - 6, "g 授予角色   x 收回角色   r 重设密码   d 停用或恢复", lf_ui_attr(LF_R_DIM));
	lf_ui_print(w, rows - 1, 3, cols - 6, "n 改姓名   p 关联人员   m 系统账户   u 解锁   F9 或 Ctrl-R 历史",
	            lf_ui_attr(LF_R_DIM));
}

static void report(struct user *u, lf_status st, const char *done)
{
	struct lf_db *db = lf_ui_ctx(u->base.ui)->db;

	if (st)
		lf_ui_msg(u->base.ui, LF_MSG_ERROR, "没有改：%s", lf_errmsg(db, st));
	else
		lf_ui_msg(u->base.ui, LF_MSG_INFO, "%s", done);
	user_load(u);
}

static void picked_person(void *ctx, const char *value, const char *label)
{
	struct user *u = ctx;
	char done[300];

	snprintf(done, sizeof done, "已把“%s”关联到人员“%s”。", u->login, label);
	report(u, lf_account_update(lf_ui_ctx(u->base.ui)->db, u->login, NULL, value), done);
}

static void picked_dept(void *ctx, const char *value, const char *label)
{
	struct user *u = ctx;
	char done[300];

	snprintf(done, sizeof done, "已授予“%s”%s（%s）角色。", u->login, lf_role_label(u->pending), label);
	u->has_pending = 0;
	report(u, lf_account_role_add(lf_ui_ctx(u->base.ui)->db, u->login, u->pending, value), done);
}

static void picked_role(void *ctx, const char *value, const char *label)
{
	struct user *u = ctx;
	int r = lf_role_parse(value);
	char done[300];

	(void)label;
	if (r < 0)
		return;
	if (role_has_dept((enum lf_role)r)) {
		/* the department is picked when this picker has closed (user_resume) */
		u->pending = (enum lf_role)r;
		u->has_pending = 1;
		return;
	}
	snprintf(done, sizeof done, "已授予“%s”%s角色。", u->login, lf_role_label((enum lf_role)r));
	report(u, lf_account_role_add(lf_ui_ctx(u->base.ui)->db, u->login, (enum lf_role)r, NULL), done);
}

static void free_choices(struct user *u)
{
	int i;

	for (i = 0; i < u->nchoices; i++)
		lf_free(u->choices[i]);
	lf_free(u->choices);
	u->choices = NULL;
	u->nchoices = 0;
}

static void picked_removal(void *ctx, const char *value, const char *label)
{
	struct user *u = ctx;
	int i;

	(void)label;
	for (i = 0; i < u->nchoices && i < u->a.nroles; i++)
		if (!strcmp(u->choices[i], value)) {
			struct lf_account_role r = u->a.roles[i];
			char done[300];

			snprintf(done, sizeof done, "已收回“%s”的%s角色。", u->login, value);
			report(u, lf_account_role_remove(lf_ui_ctx(u->base.ui)->db, u->login, r.role, r.dept[0] ? r.dept : NULL),
			       done);
			break;
		}
}

static void offer_roles(struct user *u)
{
	char *labels[LF_ROLE_COUNT];
	int i;

	for (i = 0; i < LF_ROLE_COUNT; i++)
		labels[i] = (char *)lf_role_label((enum lf_role)i);
	lf_picker_choices(u->base.ui, "授予角色", labels, LF_ROLE_COUNT, picked_role, u);
}

static void offer_removal(struct user *u)
{
	struct lf_db *db = lf_ui_ctx(u->base.ui)->db;
	int i;

	if (!u->a.nroles) {
		lf_ui_msg(u->base.ui, LF_MSG_INFO, "“%s”没有角色可收回。", u->login);
		return;
	}
	free_choices(u);
	u->choices = lf_alloc((size_t)u->a.nroles * sizeof *u->choices);
	for (i = 0; i < u->a.nroles; i++)
		u->choices[i] = u->a.roles[i].dept[0]
		                        ? lf_printf("%s（%s）", lf_role_label(u->a.roles[i].role),
		                                    lf_auth_dept_name(db, u->a.roles[i].dept))
		                        : lf_strdup(lf_role_label(u->a.roles[i].role));
	u->nchoices = u->a.nroles;
	lf_picker_choices(u->base.ui, "收回角色", u->choices, u->nchoices, picked_removal, u);
}

static void choose_person(struct user *u)
{
	static const struct lf_choice choices[] = { { 'C', "换一个人员" }, { 'U', "取消关联" } };
	struct lf_ui *ui = u->base.ui;
	char q[200];

	if (u->a.person[0]) {
		snprintf(q, sizeof q, "“%s”现在关联到“%s”：", u->login, u->a.person_name ? u->a.person_name : "");
		switch (lf_ui_ask(ui, q, choices, 2, -1)) {
		case 0: break;
		case 1:
			report(u, lf_account_update(lf_ui_ctx(ui)->db, u->login, NULL, ""), "已取消关联人员。");
			return;
		default: return;
		}
	}
	lf_picker_records(ui, lf_kind_find("person"), "选择人员", picked_person, u);
	lf_picker_select(ui, u->a.person);
}

static void rename_user(struct user *u)
{
	char *name = lf_ui_prompt(u->base.ui, "姓名：", u->a.name);

	if (name && strcmp(name, u->a.name))
		report(u, lf_account_update(lf_ui_ctx(u->base.ui)->db, u->login, name, NULL), "姓名已修改。");
	lf_free(name);
}

static void map_user(struct user *u)
{
	char *sys = lf_ui_prompt(u->base.ui, "系统账户（留空则取消对应）：", u->a.sys_user);
	char done[300];

	if (!sys)
		return;
	if (*sys)
		snprintf(done, sizeof done, "已把系统账户“%s”对应到“%s”：从那个系统账户运行廉防不用密码。", sys, u->login);
	else
		snprintf(done, sizeof done, "已取消“%s”对应的系统账户。", u->login);
	if (*sys || u->a.sys_user[0])
		report(u, lf_account_map(lf_ui_ctx(u->base.ui)->db, u->login, *sys ? sys : NULL), done);
	lf_free(sys);
}

static void retire_user(struct user *u)
{
	static const struct lf_choice yes[] = { { 'Y', "是" } };
	char q[200];
	int to = !u->a.retired;

	snprintf(q, sizeof q, to ? "停用用户“%s”（以后不能登录，历史都保留）？" : "恢复启用用户“%s”？", u->login);
	if (lf_ui_ask(u->base.ui, q, yes, 1, -1) != 0)
		return;
	report(u, lf_account_retire(lf_ui_ctx(u->base.ui)->db, u->login, to), to ? "已停用。" : "已恢复启用。");
}

static int user_action(struct lf_screen *s, int id)
{
	struct user *u = (struct user *)s;

	if (!u->loaded && id != U_BACK)
		return 0;
	switch (id) {
	case U_NAME: rename_user(u); break;
	case U_PERSON: choose_person(u); break;
	case U_ROLE_ADD: offer_roles(u); break;
	case U_ROLE_DEL: offer_removal(u); break;
	case U_RESET: open_reset(s->ui, u->login); break;
	case U_MAP: map_user(u); break;
	case U_RETIRE: retire_user(u); break;
	case U_UNLOCK:
		report(u, lf_account_unlock(lf_ui_ctx(s->ui)->db, u->login), "已解锁：密码错误次数已清除。");
		break;
	case U_BACK: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_ALL;
}

static void user_resume(struct lf_screen *s)
{
	struct user *u = (struct user *)s;

	if (u->has_pending) {
		char title[100];

		u->has_pending = 0;
		snprintf(title, sizeof title, "选择%s负责的处室", lf_role_label(u->pending));
		lf_picker_records(s->ui, lf_kind_find("dept"), title, picked_dept, u);
		return;
	}
	user_load(u);
}

static int user_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct user *u = (struct user *)s;

	*kind = "account";
	*gid = u->login;
	return 1;
}

static void user_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "一个用户的账户。角色：科员（本岗位，需要先关联人员）、处室负责人和分管领导（所选的处室）、"
	               "主要领导、纪检监察、系统管理员、上级审核人（全单位）。管理员不能给自己授予风险工作的角色；"
	               "最后一个系统管理员不能被停用，也不能失去这个角色。每项修改都记入审计日志（F9 查看）。\n");
}

static void user_free(struct lf_screen *s)
{
	struct user *u = (struct user *)s;

	lf_account_clear(&u->a);
	free_choices(u);
	lf_free(u);
}

static const struct lf_screen_ops user_ops = {
	.name = "user",
	.actions = lf_user_actions,
	.draw = user_draw,
	.action = user_action,
	.resume = user_resume,
	.record = user_record,
	.help = user_help,
	.free = user_free,
};

static void user_open(struct lf_ui *ui, const char *login)
{
	struct user *u = lf_alloc(sizeof *u);
	char title[100];

	snprintf(u->login, sizeof u->login, "%s", login);
	snprintf(title, sizeof title, "用户 %s", login);
	lf_screen_init(&u->base, &user_ops, title);
	lf_ui_push(ui, &u->base);
	user_load(u);
}

/* ------------------------------------------------------------------ adding an account */

enum { AU_LOGIN, AU_NAME, AU_PASSWORD, AU_AGAIN };

const struct lf_ui_action lf_adduser_actions[] =
	LF_CRED_ACTIONS("add-user", "添加", "添加这个用户（还有没填的项时，先到那一项）");

struct users;
static void users_select(struct users *l, const char *login);

static void add_check(struct lf_cred *c)
{
	char *login = lf_cred_text(c, AU_LOGIN);

	lf_cred_check_new_password(c, login, AU_PASSWORD, AU_AGAIN, 1);
	lf_free(login);
}

static void add_submit(struct lf_cred *c)
{
	struct lf_db *db = lf_cred_db(c);
	char *login = lf_cred_text(c, AU_LOGIN), *name = lf_cred_text(c, AU_NAME);
	const char *pw = lf_cred_secret(c, AU_PASSWORD);
	struct lf_account_new a = { login, name, NULL, NULL, *pw ? pw : NULL };
	lf_status st;

	if (lf_cred_new_password_ok(c, login, AU_PASSWORD, AU_AGAIN, 1)) {
		if ((st = lf_account_add(db, &a))) {
			lf_cred_result(c, 1, "没有添加：%s", lf_errmsg(db, st));
		} else {
			lf_ui_msg(lf_cred_ui(c), LF_MSG_INFO, "已添加用户“%s”。按 Enter 打开它，授予角色。", login);
			users_select(lf_cred_ctx(c), login);
			lf_ui_pop(lf_cred_ui(c));
		}
	}
	lf_free(login);
	lf_free(name);
}

static const struct lf_cred_kind add_kind = {
	.name = "add-user",
	.actions = lf_adduser_actions,
	.check = add_check,
	.submit = add_submit,
	.help = "添加一个用户：登录名（英文字母、数字或“. _ -”，以后不能改）、姓名和密码。密码可以不设，"
	        "那样他只能从对应的系统账户登录。添加以后再授予角色。",
};

/* ------------------------------------------------------------------ the list of accounts */

enum { L_ADD = 1, L_OPEN, L_FIND, L_NEXT, L_PREV, L_BACK };

const struct lf_ui_action lf_users_actions[] = {
	{ L_ADD, "add", "添加", { LF_KEY(KEY_F(5)), 'a', LF_KEY(KEY_IC) }, LF_ACT_BAR | LF_ACT_TEXT, "添加一个用户" },
	{ L_OPEN, "open", "打开", { LF_ENTER, 'e', 'o' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "打开选中的用户：角色、密码、系统账户、停用、解锁" },
	{ L_FIND, "search", "查找", { LF_KEY(KEY_F(3)), '/' }, LF_ACT_BAR | LF_ACT_TEXT, "输入文字，找到含有它的用户" },
	{ L_NEXT, "search-next", "下一个", { 'n' }, LF_ACT_TEXT, "找下一个" },
	{ L_PREV, "search-prev", "上一个", { 'N' }, LF_ACT_TEXT, "找上一个" },
	{ L_BACK, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

struct users {
	struct lf_screen base;
	struct lf_listrow *rows;  /* every account: there are few */
	int n;
	struct lf_list list;
	char pending[LF_LOGIN_MAX + 1];
};

static int collect(void *ctx, const struct lf_account *a)
{
	struct users *l = ctx;
	struct lf_db *db = lf_ui_ctx(l->base.ui)->db;
	struct lf_listrow *r;
	char state[64];

	l->rows = lf_realloc(l->rows, (size_t)(l->n + 1) * sizeof *l->rows);
	r = &l->rows[l->n];
	memset(r, 0, sizeof *r);
	r->id = l->n++;
	snprintf(r->gid, sizeof r->gid, "%s", a->login);
	r->sort = lf_strdup("");
	r->cell[0] = lf_strdup(a->login);
	r->cell[1] = lf_strdup(a->person_name ? a->person_name : a->name);
	state_text(a, state, sizeof state);
	r->cell[2] = lf_strdup(state);
	r->cell[3] = roles_text(db, a);
	r->retired = a->retired;
	return 0;
}

static void users_clear(struct users *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		lf_listrow_clear(&l->rows[i]);
	lf_free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

static lf_status users_load(struct users *l)
{
	users_clear(l);
	return lf_account_list(lf_ui_ctx(l->base.ui)->db, collect, l);
}

static lf_status users_page(void *ctx, const struct lf_listrow *from, int dir, int n, struct lf_listrow *out, int *got)
{
	struct users *l = ctx;
	int i, first, last, k = 0;

	if (dir > 0) {
		first = from ? (int)from->id + 1 : 0;
		last = first + n - 1 < l->n - 1 ? first + n - 1 : l->n - 1;
	} else {
		last = from ? (int)from->id - 1 : l->n - 1;
		first = last - n + 1 > 0 ? last - n + 1 : 0;
	}
	for (i = first; i <= last; i++)
		lf_listrow_copy(&out[k++], &l->rows[i]);
	for (i = k; i < n; i++)
		lf_listrow_clear(&out[i]);
	*got = k;
	return LF_OK;
}

static lf_status users_find(void *ctx, const struct lf_listrow *from, int dir, const char *q, struct lf_listrow *out,
                            int *found)
{
	struct users *l = ctx;
	int i = from ? (int)from->id + dir : (dir > 0 ? 0 : l->n - 1), c;

	*found = 0;
	for (; i >= 0 && i < l->n; i += dir)
		for (c = 0; c < 4; c++)
			if (l->rows[i].cell[c] && strstr(l->rows[i].cell[c], q)) {
				lf_listrow_copy(out, &l->rows[i]);
				*found = 1;
				return LF_OK;
			}
	return LF_OK;
}

static void users_select(struct users *l, const char *login)
{
	snprintf(l->pending, sizeof l->pending, "%s", login);
}

static void users_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct users *l = (struct users *)s;
	char status[100];

	lf_list_draw(&l->list, w, 0, 0, rows - 1, cols);
	if (l->list.sel >= 0) {
		s->cy = 1 + l->list.sel;
		s->cx = 0;
	}
	snprintf(status, sizeof status, "共 %d 个用户", l->n);
	lf_ui_print(w, rows - 1, 1, cols - 2, status, lf_ui_attr(LF_R_DIM));
}

static void users_search(struct users *l, const char *q, int dir)
{
	int found = lf_list_search(&l->list, q, dir);

	if (!found)
		lf_ui_msg(l->base.ui, LF_MSG_INFO, "没有找到“%s”。", q);
	else if (found == 2)
		lf_ui_msg(l->base.ui, LF_MSG_INFO, "已从%s找起。", dir > 0 ? "头" : "末尾");
}

static int users_action(struct lf_screen *s, int id)
{
	struct users *l = (struct users *)s;
	const struct lf_listrow *r = lf_list_selected(&l->list);
	static const struct lf_cred_field_def defs[] = {
		{ "登录名", 0, 1 },
		{ "姓名", 0, 1 },
		{ "密码", 1, 0 },
		{ "再输入一次", 1, 0 },
	};
	char *q;

	switch (id) {
	case L_ADD:
		lf_cred_open(s->ui, &add_kind, "添加用户", "添加一个用户。添加以后，在用户列表里打开它，授予角色。", NULL,
		             defs, 4, l, NULL);
		break;
	case L_OPEN:
		if (r)
			user_open(s->ui, r->gid);
		break;
	case L_FIND:
		q = lf_ui_prompt(s->ui, "查找：", l->list.query);
		if (q && *q)
			users_search(l, q, 1);
		lf_free(q);
		break;
	case L_NEXT:
	case L_PREV:
		if (l->list.query)
			users_search(l, l->list.query, id == L_NEXT ? 1 : -1);
		break;
	case L_BACK: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_ALL;
}

static int users_key(struct lf_screen *s, int key)
{
	struct users *l = (struct users *)s;
	const struct lf_ui_action *a;
	int i;

	for (a = lf_list_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key) {
				lf_list_move(&l->list, (enum lf_list_move)(a->id - 1));
				return LF_DIRTY_BODY;
			}
	return -1;
}

static void users_resume(struct lf_screen *s)
{
	struct users *l = (struct users *)s;
	struct lf_db *db = lf_ui_ctx(s->ui)->db;
	char keep[LF_LOGIN_MAX + 1];
	const struct lf_listrow *r = lf_list_selected(&l->list);
	lf_status st;
	int i;

	snprintf(keep, sizeof keep, "%s", l->pending[0] ? l->pending : r ? r->gid : "");
	l->pending[0] = 0;
	if ((st = users_load(l)))
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	lf_list_reload(&l->list);
	for (i = 0; i < l->n; i++)
		if (!strcmp(l->rows[i].gid, keep))
			lf_list_goto(&l->list, &l->rows[i]);
}

static int users_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct users *l = (struct users *)s;
	const struct lf_listrow *r = lf_list_selected(&l->list);

	*kind = "account";
	*gid = r ? r->gid : NULL;
	return r != NULL;
}

static void users_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "本数据库的全部用户（只有系统管理员能管理）。用户不会删除，只能停用，历史都保留。"
	               "选中一个按 Enter 打开，授予或收回角色、重设密码、对应系统账户、停用、解锁。\n");
}

static void users_free(struct lf_screen *s)
{
	struct users *l = (struct users *)s;

	lf_list_free(&l->list);
	users_clear(l);
	lf_free(l);
}

static const struct lf_screen_ops users_ops = {
	.name = "users",
	.actions = lf_users_actions,
	.draw = users_draw,
	.action = users_action,
	.key = users_key,
	.resume = users_resume,
	.record = users_record,
	.help = users_help,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = users_free,
};

void lf_users_open(struct lf_ui *ui)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_list_source src;
	struct users *l;
	lf_status st;

	if ((st = lf_perm_check(db, LF_ACT_USERS, NULL))) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
		return;
	}
	l = lf_alloc(sizeof *l);
	lf_screen_init(&l->base, &users_ops, "用户管理");
	lf_ui_push(ui, &l->base);
	if ((st = users_load(l)))
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	src.ctx = l;
	src.page = users_page;
	src.find = users_find;
	lf_list_init(&l->list, src, db);
	l->list.cols[0] = (struct lf_list_column){ "登录名", 12 };
	l->list.cols[1] = (struct lf_list_column){ "姓名", 10 };
	l->list.cols[2] = (struct lf_list_column){ "状态", 12 };
	l->list.cols[3] = (struct lf_list_column){ "角色", 0 };
	l->list.ncols = 4;
}

/* ------------------------------------------------------------------ one's own account */

enum { A_PASSWORD = 1, A_USERS, A_SIGNOUT, A_BACK };

const struct lf_ui_action lf_account_actions[] = {
	{ A_PASSWORD, "password", "改密码", { 'p' }, LF_ACT_BAR | LF_ACT_TEXT, "修改自己的密码" },
	{ A_USERS, "users", "用户管理", { 'u' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "添加用户、授予角色、重设密码、停用、解锁（只有系统管理员能用）" },
	{ A_SIGNOUT, "signout", "退出登录", { 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "退出登录，回到登录屏，换一个人登录" },
	{ A_BACK, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

struct account {
	struct lf_screen base;
	struct lf_textview v;
	char login[LF_LOGIN_MAX + 1];
	int has_password;
};

/* "全单位", or the departments and the post the user's permission covers
 * (worded as `lianfang user whoami` words it). */
static char *reach_text(struct lf_db *db, enum lf_action act, const struct lf_perm_reach *r)
{
	struct lf_buf b;
	const char *p;

	lf_buf_init(&b);
	if (r->unit) {
		lf_buf_adds(&b, "全单位");
		return lf_buf_steal(&b);
	}
	for (p = r->depts; p && (p = strchr(p, '"')); ) {
		const char *end = strchr(p + 1, '"');
		char gid[LF_GID_LEN + 1];

		if (!end)
			break;
		snprintf(gid, sizeof gid, "%.*s", (int)(end - p - 1), p + 1);
		lf_buf_addf(&b, "%s%s", b.len ? "、" : "", lf_auth_dept_name(db, gid));
		p = end + 1;
	}
	if (r->post[0]) {
		char *post = lf_record_label(db, lf_kind_find("post"), r->post);

		lf_buf_addf(&b, "%s本人岗位（%s）", b.len ? "、" : "", post ? post : r->post);
		if (act == LF_ACT_SELFCHECK_EDIT || act == LF_ACT_SELFCHECK_SUBMIT)
			lf_buf_adds(&b, "，提交之前或退回之后");
		lf_free(post);
	}
	return lf_buf_steal(&b);
}

static void account_load(struct account *m)
{
	struct lf_db *db = lf_ui_ctx(m->base.ui)->db;
	struct lf_buf no;
	struct lf_account a;
	lf_status st;
	char *t;
	int act;

	lf_tv_free(&m->v);
	snprintf(m->login, sizeof m->login, "%s", db->actor);
	if ((st = lf_account_get(db, db->actor, &a))) {
		lf_tv_add(&m->v, LF_R_ERROR, 0, lf_errmsg(db, st));
		return;
	}
	m->has_password = a.has_password;
	lf_tv_addf(&m->v, LF_R_HEADER, 0, "当前用户：%s（%s）", a.login, a.person_name ? a.person_name : a.name);
	t = roles_text(db, &a);
	lf_tv_addf(&m->v, LF_R_NORMAL, 2, "角色：%s", t);
	lf_free(t);
	if (a.person[0]) {
		char *post = a.post[0] ? lf_record_label(db, lf_kind_find("post"), a.post) : NULL;

		lf_tv_addf(&m->v, LF_R_NORMAL, 2, "人员：%s%s%s%s", a.person_name ? a.person_name : "", post ? "（" : "",
		              post ? post : "", post ? "）" : "");
		lf_free(post);
	}
	lf_tv_addf(&m->v, LF_R_NORMAL, 2, "密码：%s　　系统账户：%s", a.has_password ? "已设置" : "未设置",
	              a.sys_user[0] ? a.sys_user : "（未对应）");
	lf_tv_add(&m->v, LF_R_NORMAL, 0, "");
	lf_tv_add(&m->v, LF_R_HEADER, 0, "可以做的事（范围）：");
	lf_buf_init(&no);
	for (act = 0; act < LF_ACT_COUNT; act++) {
		struct lf_perm_reach r;

		memset(&r, 0, sizeof r);
		if (lf_perm_reach(db, (enum lf_action)act, &r) == LF_OK && (r.unit || r.post[0] || strcmp(r.depts, "[]"))) {
			t = reach_text(db, (enum lf_action)act, &r);
			lf_tv_addf(&m->v, LF_R_NORMAL, 2, "%s —— %s", lf_action_label((enum lf_action)act), t);
			lf_free(t);
		} else {
			lf_buf_addf(&no, "%s%s", no.len ? "；" : "", lf_action_label((enum lf_action)act));
		}
		lf_perm_reach_clear(&r);
	}
	if (no.len) {
		lf_tv_add(&m->v, LF_R_NORMAL, 0, "");
		lf_tv_add(&m->v, LF_R_HEADER, 0, "不能做的事：");
		lf_tv_add(&m->v, LF_R_DIM, 2, no.s);
	}
	lf_buf_free(&no);
	lf_account_clear(&a);
}

static void account_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	lf_tv_draw(&((struct account *)s)->v, w, 1, rows - 1, cols);
}

static int account_action(struct lf_screen *s, int id)
{
	struct account *m = (struct account *)s;

	switch (id) {
	case A_PASSWORD: open_change(s->ui, m->has_password); break;
	case A_USERS: lf_users_open(s->ui); break;
	case A_SIGNOUT: lf_ui_signout(s->ui); break;
	case A_BACK: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_ALL;
}

static int account_key(struct lf_screen *s, int key)
{
	return lf_tv_key(&((struct account *)s)->v, key) ? LF_DIRTY_BODY : -1;
}

static void account_resume(struct lf_screen *s)
{
	account_load((struct account *)s);
}

static int account_record(struct lf_screen *s, const char **kind, const char **gid)
{
	*kind = "account";
	*gid = ((struct account *)s)->login;
	return 1;
}

static void account_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "你的账户：角色和它们的范围，能做和不能做的事（权限由程序统一检查，不只是隐藏菜单）。"
	               "在这里修改自己的密码、退出登录（换人使用同一台终端时），系统管理员还可以管理用户。\n");
}

static void account_free(struct lf_screen *s)
{
	struct account *m = (struct account *)s;

	lf_tv_free(&m->v);
	lf_free(m);
}

static const struct lf_screen_ops account_ops = {
	.name = "account",
	.actions = lf_account_actions,
	.draw = account_draw,
	.action = account_action,
	.key = account_key,
	.resume = account_resume,
	.record = account_record,
	.help = account_help,
	.more_actions = lf_history_actions,
	.more_title = "滚动",
	.free = account_free,
};

void lf_account_open(struct lf_ui *ui)
{
	struct account *m = lf_alloc(sizeof *m);

	lf_screen_init(&m->base, &account_ops, "账户");
	lf_ui_push(ui, &m->base);
	account_load(m);
}
