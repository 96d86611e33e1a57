/* perm: the permission check (include/lianfang/perm.h).
 *
 * One fixed table says how far each role reaches for each action: not at
 * all, the user's own post, the departments the role covers, or the whole
 * unit. The check loads the acting account and its roles (auth.c), works out
 * the target's post and department from the scope (through the record
 * layer), and accepts if any role reaches it; otherwise it explains, in
 * Chinese, which role the action needs. */
#include "lianfang/perm.h"
#include "lianfang/auth.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const role_names[] = {
#define LF_ROLE_NAME(id, name, label) name,
	LF_ROLE_INFO(LF_ROLE_NAME)
#undef LF_ROLE_NAME
};

static const char *const role_labels[] = {
#define LF_ROLE_LABEL(id, name, label) label,
	LF_ROLE_INFO(LF_ROLE_LABEL)
#undef LF_ROLE_LABEL
};

static const char *const action_labels[] = {
#define LF_ACTION_LABEL(id, label) label,
	LF_ACTION_INFO(LF_ACTION_LABEL)
#undef LF_ACTION_LABEL
};

static const char *const action_names[] = {
#define LF_ACTION_NAME(id, label) #id,
	LF_ACTION_INFO(LF_ACTION_NAME)
#undef LF_ACTION_NAME
};

#define N_ LF_REACH_NONE
#define P_ LF_REACH_POST
#define D_ LF_REACH_DEPT
#define U_ LF_REACH_UNIT

/* The table of perm.h; columns in LF_ROLE_INFO order. */
static const unsigned char matrix[LF_ACT_COUNT][LF_ROLE_COUNT] = {
	/*                          staff head leader principal discipline admin upper */
	[LF_ACT_READ]             = { P_, D_, D_, U_, U_, U_, U_ },
	[LF_ACT_READ_PUBLIC]      = { U_, U_, U_, U_, U_, U_, U_ },
	[LF_ACT_ORG_EDIT]         = { N_, N_, N_, N_, U_, U_, N_ },
	[LF_ACT_CYCLE_EDIT]       = { N_, N_, N_, U_, U_, N_, N_ },
	[LF_ACT_POWER_EDIT]       = { N_, D_, N_, N_, U_, N_, N_ },
	[LF_ACT_SELFCHECK_EDIT]   = { P_, N_, N_, N_, N_, N_, N_ },
	[LF_ACT_SELFCHECK_SUBMIT] = { P_, N_, N_, N_, N_, N_, N_ },
	[LF_ACT_REVIEW_HEAD]      = { N_, D_, N_, N_, N_, N_, N_ },
	[LF_ACT_REVIEW_LEADER]    = { N_, N_, D_, N_, N_, N_, N_ },
	[LF_ACT_REVIEW_STANDIN]   = { N_, N_, N_, N_, U_, N_, N_ },
	[LF_ACT_ASSESS]           = { N_, N_, N_, U_, U_, N_, N_ },
	[LF_ACT_LEVEL_SET]        = { N_, N_, N_, U_, U_, N_, N_ },
	[LF_ACT_MEASURE_EDIT]     = { N_, D_, N_, N_, U_, N_, N_ },
	[LF_ACT_RISK_FIND]        = { N_, D_, N_, N_, U_, N_, N_ },
	[LF_ACT_NOTICE]           = { N_, N_, N_, N_, U_, N_, N_ },
	[LF_ACT_WARN]             = { N_, N_, N_, N_, U_, N_, N_ },
	[LF_ACT_INSPECT]          = { N_, N_, N_, N_, U_, N_, U_ },
	[LF_ACT_RECTIFY_RESPOND]  = { N_, D_, N_, N_, U_, N_, N_ },
	[LF_ACT_ACCOUNTABILITY]   = { N_, N_, N_, N_, U_, N_, N_ },
	[LF_ACT_EXCHANGE]         = { N_, N_, N_, N_, U_, U_, N_ },
	[LF_ACT_UPPER_ASSESS]     = { N_, N_, N_, N_, N_, N_, U_ },
	[LF_ACT_SETTINGS]         = { N_, N_, N_, N_, N_, U_, N_ },
	[LF_ACT_USERS]            = { N_, N_, N_, N_, N_, U_, N_ },
	[LF_ACT_IMPORT]           = { N_, N_, N_, N_, U_, N_, N_ },
};

int lf_perm_kind_public(const char *kind)
{
	static const char *const public_kinds[] = { "unit", "setting", "dept", "post", "person", "cycle",
	                                            "plan", "group_member", "meeting", "notice" };
	size_t i;

	for (i = 0; kind && i < LF_COUNT(public_kinds); i++)
		if (!strcmp(kind, public_kinds[i]))
			return 1;
	return 0;
}

const char *lf_role_name(enum lf_role r)
{
	return (unsigned)r < LF_ROLE_COUNT ? role_names[r] : "";
}

const char *lf_role_label(enum lf_role r)
{
	return (unsigned)r < LF_ROLE_COUNT ? role_labels[r] : "";
}

const char *lf_action_label(enum lf_action a)
{
	return (unsigned)a < LF_ACT_COUNT ? action_labels[a] : "";
}

const char *lf_action_name(enum lf_action a)
{
	return (unsigned)a < LF_ACT_COUNT ? action_names[a] : "";
}

int lf_role_parse(const char *s)
{
	int i;

	for (i = 0; s && i < LF_ROLE_COUNT; i++)
		if (!strcmp(s, role_names[i]) || !strcmp(s, role_labels[i]))
			return i;
	return -1;
}

enum lf_reach_kind lf_perm_role_may(enum lf_role role, enum lf_action act)
{
	if ((unsigned)role >= LF_ROLE_COUNT || (unsigned)act >= LF_ACT_COUNT)
		return LF_REACH_NONE;
	return (enum lf_reach_kind)matrix[act][role];
}

/* ------------------------------------------------------------------ the target */

struct target {
	char dept[LF_GID_LEN + 1], post[LF_GID_LEN + 1];
	char person[LF_GID_LEN + 1]; /* whose form it is, "" if not a form */
	char status[16];      /* the self-check's status, "" if no self-check */
};

/* A text field of a record, through the record layer; "" if null. */
static lf_status field_of(struct lf_db *db, const char *kind, const char *gid, const char *field,
                          char *out, size_t len, char *field2, const char *name2, size_t len2)
{
	const struct lf_kind *k = lf_kind_find(kind);
	struct lf_rec *r = lf_rec_new(k);
	lf_status s = lf_rec_load(db, k, gid, r);

	if (s == LF_OK) {
		snprintf(out, len, "%s", lf_rec_text(r, field) ? lf_rec_text(r, field) : "");
		if (field2)
			snprintf(field2, len2, "%s", lf_rec_text(r, name2) ? lf_rec_text(r, name2) : "");
	}
	lf_rec_free(r);
	return s;
}

/* A self-check's post, person and status. */
static lf_status form_of(struct lf_db *db, const char *gid, struct target *t)
{
	const struct lf_kind *k = lf_kind_find("selfcheck");
	struct lf_rec *r = lf_rec_new(k);
	lf_status s = lf_rec_load(db, k, gid, r);

	if (s == LF_OK) {
		snprintf(t->post, sizeof t->post, "%s", lf_rec_text(r, "post") ? lf_rec_text(r, "post") : "");
		snprintf(t->person, sizeof t->person, "%s", lf_rec_text(r, "person") ? lf_rec_text(r, "person") : "");
		snprintf(t->status, sizeof t->status, "%s", lf_rec_text(r, "status") ? lf_rec_text(r, "status") : "");
	}
	lf_rec_free(r);
	return s;
}

static lf_status resolve(struct lf_db *db, const struct lf_scope *sc, struct target *t)
{
	lf_status s;

	memset(t, 0, sizeof *t);
	if (!sc)
		return LF_OK;
	if (sc->selfcheck && *sc->selfcheck) {
		if ((s = form_of(db, sc->selfcheck, t)))
			return s;
		if (sc->post && *sc->post && strcmp(sc->post, t->post))
			return lf_fail(db, LF_INTERNAL, "权限检查的范围自相矛盾：自查表 %.12s 不属于岗位 %.12s。",
			               sc->selfcheck, sc->post);
		if (sc->person && *sc->person && strcmp(sc->person, t->person))
			return lf_fail(db, LF_INTERNAL, "权限检查的范围自相矛盾：自查表 %.12s 不是人员 %.12s 的。",
			               sc->selfcheck, sc->person);
	} else {
		if (sc->post && *sc->post)
			snprintf(t->post, sizeof t->post, "%s", sc->post);
		if (sc->person && *sc->person)
			snprintf(t->person, sizeof t->person, "%s", sc->person);
	}
	if (t->post[0]) {
		if ((s = field_of(db, "post", t->post, "dept", t->dept, sizeof t->dept, NULL, NULL, 0)))
			return s;
		if (sc->dept && *sc->dept && strcmp(sc->dept, t->dept))
			return lf_fail(db, LF_INTERNAL, "权限检查的范围自相矛盾：岗位 %.12s 不属于处室 %.12s。", t->post,
			               sc->dept);
	} else if (sc->dept && *sc->dept) {
		snprintf(t->dept, sizeof t->dept, "%s", sc->dept);
	}
	return LF_OK;
}

/* ------------------------------------------------------------------ messages */

static const char *reach_words(enum lf_reach_kind k)
{
	return k == LF_REACH_POST ? "（本人岗位）" : k == LF_REACH_DEPT ? "（所负责的处室）" : "";
}

/* "处室负责人（所负责的处室）或纪检监察" */
static void roles_needed(struct lf_buf *b, enum lf_action act)
{
	int r, n = 0;

	for (r = 0; r < LF_ROLE_COUNT; r++)
		if (matrix[act][r] != N_)
			lf_buf_addf(b, "%s%s%s", n++ ? "、" : "", role_labels[r], reach_words((enum lf_reach_kind)matrix[act][r]));
	if (!n)
		lf_buf_adds(b, "（任何角色都不能）");
}

static void roles_held(struct lf_db *db, struct lf_buf *b, const struct lf_account *a)
{
	int i;

	if (!a->nroles) {
		lf_buf_adds(b, "没有任何角色");
		return;
	}
	for (i = 0; i < a->nroles; i++) {
		lf_buf_addf(b, "%s%s", i ? "、" : "", role_labels[a->roles[i].role]);
		if (a->roles[i].dept[0])
			lf_buf_addf(b, "（%s）", lf_auth_dept_name(db, a->roles[i].dept));
	}
}

static const char *who(const struct lf_account *a)
{
	return a->person_name ? a->person_name : a->name;
}

/* ------------------------------------------------------------------ the check */

/* Why a check failed, least telling first: the most telling one is reported. */
enum miss { MISS_ROLE, MISS_POST, MISS_DEPT, MISS_UNIT, MISS_PERSON, MISS_SUBMITTED };

/* The name of a post or department, for messages ("" if unknown). */
static void name_of(struct lf_db *db, const char *kind, const char *gid, char *out, size_t len)
{
	out[0] = 0;
	if (gid[0] && field_of(db, kind, gid, "name", out, len, NULL, NULL, 0) != LF_OK)
		snprintf(out, len, "%.12s", gid);
}

/* "处室负责人（登记注册科）、科员（本人岗位）" — the parts of the user's roles
 * that reach less than the unit for this action. */
static void narrow_reach(struct lf_db *db, struct lf_buf *b, const struct lf_account *a, enum lf_action act)
{
	int i, n = 0;

	for (i = 0; i < a->nroles; i++) {
		enum lf_reach_kind k = (enum lf_reach_kind)matrix[act][a->roles[i].role];

		if (k == D_)
			lf_buf_addf(b, "%s%s（%s）", n++ ? "、" : "", role_labels[a->roles[i].role],
			            a->roles[i].dept[0] ? lf_auth_dept_name(db, a->roles[i].dept) : "未指定处室");
		else if (k == P_)
			lf_buf_addf(b, "%s%s（本人岗位）", n++ ? "、" : "", role_labels[a->roles[i].role]);
	}
}

static lf_status deny(struct lf_db *db, enum lf_action act, const struct lf_account *a, enum miss why,
                      const struct target *t)
{
	char name[256];
	struct lf_buf b;
	lf_status s;

	lf_buf_init(&b);
	switch (why) {
	case MISS_SUBMITTED:
		lf_buf_addf(&b, "不能%s：自查表现为“%s”，本人不能再修改；需处室负责人或分管领导退回、"
		            "或评估为基本准确、不准确后才能修改。", action_labels[act], lf_selfcheck_status_label(t->status));
		break;
	case MISS_PERSON:
		name_of(db, "person", t->person, name, sizeof name);
		lf_buf_addf(&b, "不能%s：这是%s的自查表，科员只能填写和提交本人的自查表。", action_labels[act], name);
		break;
	case MISS_POST:
		name_of(db, "post", t->post, name, sizeof name);
		if (!t->post[0]) { /* a department's, not one post's */
			lf_buf_addf(&b, "不能%s：这是%s的事项，", action_labels[act], lf_auth_dept_name(db, t->dept));
		} else if (t->person[0]) { /* a form: say whose */
			char person[256];

			name_of(db, "person", t->person, person, sizeof person);
			lf_buf_addf(&b, "不能%s：这是%s（岗位“%s”）的自查表，", action_labels[act], person, name);
		} else {
			lf_buf_addf(&b, "不能%s：这是岗位“%s”的事项，", action_labels[act], name);
		}
		lf_buf_addf(&b, "科员只能处理本人岗位的事项%s", a->post[0] ? "" : "（用户没有关联有岗位的人员）");
		{
			int r, n = 0;

			for (r = 0; r < LF_ROLE_COUNT; r++)
				if (matrix[act][r] == D_ || matrix[act][r] == U_)
					lf_buf_addf(&b, "%s%s%s", n++ ? "、" : "；其他岗位的需要", role_labels[r],
					            reach_words((enum lf_reach_kind)matrix[act][r]));
			lf_buf_adds(&b, n ? "的角色。" : "。");
		}
		break;
	case MISS_DEPT:
		lf_buf_addf(&b, "不能%s：这是%s的事项，你的角色只到", action_labels[act], lf_auth_dept_name(db, t->dept));
		narrow_reach(db, &b, a, act);
		lf_buf_adds(&b, "。需要");
		roles_needed(&b, act);
		lf_buf_adds(&b, "的角色。");
		break;
	case MISS_UNIT:
		lf_buf_addf(&b, "不能%s（全单位范围）：你的角色只到", action_labels[act]);
		narrow_reach(db, &b, a, act);
		{
			int r, n = 0;

			for (r = 0; r < LF_ROLE_COUNT; r++)
				if (matrix[act][r] == U_)
					lf_buf_addf(&b, "%s%s", n++ ? "、" : "。全单位范围需要", role_labels[r]);
			lf_buf_adds(&b, n ? "的角色。" : "；这项操作要针对具体的处室或岗位。");
		}
		break;
	case MISS_ROLE:
		lf_buf_addf(&b, "不能%s：需要", action_labels[act]);
		roles_needed(&b, act);
		lf_buf_addf(&b, "的角色；用户“%s”（%s）%s", a->login, who(a), a->nroles ? "的角色是" : "");
		roles_held(db, &b, a);
		lf_buf_adds(&b, "。");
		break;
	}
	s = lf_fail(db, LF_DENIED, "%s", b.s);
	lf_buf_free(&b);
	return s;
}

/* The acting account, or a refusal when there is none to act as. */
static lf_status acting_account(struct lf_db *db, struct lf_account *a, int *setup)
{
	enum lf_auth_state state;
	lf_status s;

	*setup = 0;
	memset(a, 0, sizeof *a);
	if ((s = lf_auth_state(db, &state)))
		return s;
	if (state == LF_AUTH_SETUP) {
		*setup = 1;
		return LF_OK;
	}
	if (state == LF_AUTH_BROKEN)
		return lf_fail(db, LF_DENIED, "用户表是空的，但审计日志记录过用户——用户表被绕过廉防删改过。"
		               "为安全起见拒绝一切操作；请用备份恢复数据库。");
	if (!db->actor[0])
		return lf_fail(db, LF_DENIED, "尚未登录：本数据库已设有用户。请用 --user 登录名 登录（在终端中会询问"
		               "密码，脚本可设 LIANFANG_PASSWORD），或请管理员把你的系统账户“%s”对应到你的用户。",
		               lf_auth_system_user());
	s = lf_account_get(db, db->actor, a);
	if (s == LF_NOTFOUND)
		return lf_fail(db, LF_DENIED, "“%s”不是本数据库的用户，不能操作。", db->actor);
	if (s)
		return s;
	if (a->retired) {
		s = lf_fail(db, LF_DENIED, "用户“%s”已停用，不能操作。", a->login);
		lf_account_clear(a);
	}
	return s;
}

static int is_selfcheck_edit(enum lf_action act)
{
	return act == LF_ACT_SELFCHECK_EDIT || act == LF_ACT_SELFCHECK_SUBMIT;
}

static int editable_status(const char *st)
{
	return !*st || !strcmp(st, "draft") || !strcmp(st, "returned");
}

lf_status lf_perm_check(struct lf_db *db, enum lf_action act, const struct lf_scope *scope)
{
	struct lf_account a;
	struct target t;
	enum miss why = MISS_ROLE;
	int setup, i, resolved = 0;
	lf_status s;

	memset(&t, 0, sizeof t);
	if ((unsigned)act >= LF_ACT_COUNT)
		return lf_fail(db, LF_INTERNAL, "未知的操作 %d。", (int)act);
	if ((s = acting_account(db, &a, &setup)) || setup)
		return s;
	for (i = 0; i < a.nroles; i++) {
		enum lf_reach_kind k = (enum lf_reach_kind)matrix[act][a.roles[i].role];

		if (k == N_)
			continue;
		if (k == U_)
			goto allowed;
		if (!resolved) {
			if ((s = resolve(db, scope, &t)))
				goto out;
			resolved = 1;
		}
		if (k == D_) {
			if (t.dept[0] && !strcmp(a.roles[i].dept, t.dept))
				goto allowed;
			why = why > MISS_DEPT ? why : MISS_DEPT;
		} else if (k == P_) {
			if (a.post[0] && !strcmp(a.post, t.post)) {
				if (is_selfcheck_edit(act) && t.person[0] && strcmp(t.person, a.person))
					why = why == MISS_SUBMITTED ? why : MISS_PERSON;
				else if (!is_selfcheck_edit(act) || editable_status(t.status))
					goto allowed;
				else
					why = MISS_SUBMITTED;
			} else {
				why = why > MISS_POST ? why : MISS_POST;
			}
		}
	}
	if (resolved && why != MISS_ROLE && why != MISS_SUBMITTED && why != MISS_PERSON && !t.dept[0] && !t.post[0])
		why = MISS_UNIT;
	s = deny(db, act, &a, why, &t);
	goto out;
allowed:
	s = LF_OK;
out:
	lf_account_clear(&a);
	return s;
}

lf_status lf_perm_reach(struct lf_db *db, enum lf_action act, struct lf_perm_reach *out)
{
	struct lf_account a;
	struct lf_buf depts;
	int setup, i, n = 0;
	lf_status s;

	memset(out, 0, sizeof *out);
	out->depts = lf_strdup("[]");
	if ((unsigned)act >= LF_ACT_COUNT)
		return lf_fail(db, LF_INTERNAL, "未知的操作 %d。", (int)act);
	if ((s = acting_account(db, &a, &setup)))
		return s == LF_DENIED ? LF_OK : s; /* nobody to act as: reaches nothing */
	if (setup) {
		out->unit = 1;
		return LF_OK;
	}
	lf_buf_init(&depts);
	lf_buf_addc(&depts, '[');
	for (i = 0; i < a.nroles; i++) {
		enum lf_reach_kind k = (enum lf_reach_kind)matrix[act][a.roles[i].role];

		if (k == U_)
			out->unit = 1;
		else if (k == P_ && a.post[0])
			snprintf(out->post, sizeof out->post, "%s", a.post);
		else if (k == D_ && a.roles[i].dept[0])
			lf_buf_addf(&depts, "%s\"%s\"", n++ ? "," : "", a.roles[i].dept); /* gids are hex */
	}
	lf_buf_addc(&depts, ']');
	lf_free(out->depts);
	out->depts = lf_buf_steal(&depts);
	lf_account_clear(&a);
	if (out->post[0] && (s = field_of(db, "post", out->post, "dept", out->post_dept, sizeof out->post_dept, NULL,
	                                  NULL, 0)) == LF_NOTFOUND)
		s = LF_OK; /* a post that is gone reaches no department */
	return s;
}

struct others {
	enum lf_action act;
	const char *dept, *person;
	int n;
};

static int count_other(void *ctx, const struct lf_account *a)
{
	struct others *o = ctx;
	int i;

	if (a->retired || (o->person && !strcmp(a->person, o->person)))
		return 0;
	for (i = 0; i < a->nroles; i++) {
		enum lf_reach_kind k = (enum lf_reach_kind)matrix[o->act][a->roles[i].role];

		if (k == U_ || (k == D_ && o->dept && !strcmp(a->roles[i].dept, o->dept))) {
			o->n++;
			break;
		}
	}
	return 0;
}

lf_status lf_perm_others(struct lf_db *db, enum lf_action act, const char *dept, const char *person, int *n)
{
	struct others o = { act, dept, person, 0 };
	lf_status s;

	*n = 0;
	if ((unsigned)act >= LF_ACT_COUNT)
		return lf_fail(db, LF_INTERNAL, "未知的操作 %d。", (int)act);
	s = lf_account_list(db, count_other, &o);
	*n = o.n;
	return s;
}

void lf_perm_reach_clear(struct lf_perm_reach *r)
{
	lf_free(r->depts);
	memset(r, 0, sizeof *r);
}

int lf_perm_reach_whole_dept(const struct lf_perm_reach *r, const char *dept)
{
	char quoted[LF_GID_LEN + 3];

	if (r->unit)
		return 1;
	if (!dept || !*dept)
		return 0;
	snprintf(quoted, sizeof quoted, "\"%s\"", dept);
	return r->depts && strstr(r->depts, quoted) != NULL;
}

void lf_perm_reach_bind(sqlite3_stmt *st, const struct lf_perm_reach *r)
{
	sqlite3_bind_int(st, 90, r->unit);
	sqlite3_bind_text(st, 91, r->depts ? r->depts : "[]", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 92, r->post, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 93, r->post_dept, -1, SQLITE_TRANSIENT);
}

lf_status lf_perm_reach_in(struct lf_db *db, enum lf_action act, const char *dept, struct lf_perm_reach *out)
{
	lf_status s = lf_perm_reach(db, act, out);
	int any;

	if (s)
		return s;
	if (dept && *dept) {
		any = lf_perm_reach_whole_dept(out, dept) || !strcmp(out->post_dept, dept);
		out->partial = !lf_perm_reach_whole_dept(out, dept);
	} else {
		any = out->unit || strcmp(out->depts, "[]") || out->post[0];
		out->partial = !out->unit;
	}
	if (!any) {
		struct lf_scope scope = { .dept = dept && *dept ? dept : NULL };

		out->partial = 0;
		s = lf_perm_check(db, act, dept && *dept ? &scope : NULL);
		if (s == LF_OK) /* cannot be: the check and the reach read one table */
			s = lf_fail(db, LF_INTERNAL, "程序错误：权限范围与权限检查不一致（%s）。", lf_action_name(act));
	}
	return s;
}

/* A department as the unit orders them: by seq, then name. */
struct dept_key {
	char gid[LF_GID_LEN + 1], name[256];
	long long seq;
};

static void dept_order(struct lf_db *db, const char *gid, struct dept_key *k)
{
	const struct lf_kind *kind = lf_kind_find("dept");
	struct lf_rec *r = lf_rec_new(kind);

	memset(k, 0, sizeof *k);
	snprintf(k->gid, sizeof k->gid, "%s", gid);
	snprintf(k->name, sizeof k->name, "%.12s", gid);
	if (lf_rec_load(db, kind, gid, r) == LF_OK) {
		k->seq = lf_rec_is_null(r, "seq") ? 0 : lf_rec_int(r, "seq");
		snprintf(k->name, sizeof k->name, "%s", lf_rec_text(r, "name") ? lf_rec_text(r, "name") : "");
	}
	lf_rec_free(r);
}

static int dept_cmp(const void *x, const void *y)
{
	const struct dept_key *a = x, *b = y;

	return a->seq != b->seq ? (a->seq < b->seq ? -1 : 1) : strcmp(a->name, b->name);
}

lf_status lf_perm_reach_note(struct lf_db *db, enum lf_action act, const char *dept, char **note)
{
	struct lf_perm_reach r;
	struct lf_account a;
	struct lf_buf b;
	struct dept_key *order;
	char post[256];
	int setup, i, n = 0, nd = 0;
	lf_status s = lf_perm_reach_in(db, act, dept, &r);

	*note = NULL;
	if (s || !r.partial) {
		lf_perm_reach_clear(&r);
		return s;
	}
	if ((s = acting_account(db, &a, &setup)) || setup) {
		lf_perm_reach_clear(&r);
		return s;
	}
	lf_buf_init(&b);
	order = lf_alloc((size_t)(a.nroles + 1) * sizeof *order);
	/* The departments covered, once each, in the unit's order. */
	for (i = 0; i < a.nroles; i++) {
		const char *d = a.roles[i].dept;
		int j, seen = 0;

		if (matrix[act][a.roles[i].role] != D_ || !d[0] || (dept && *dept && strcmp(d, dept)))
			continue;
		for (j = 0; j < nd; j++)
			seen |= !strcmp(order[j].gid, d);
		if (!seen)
			dept_order(db, d, &order[nd++]);
	}
	qsort(order, (size_t)nd, sizeof order[0], dept_cmp);
	for (i = 0; i < nd; i++)
		lf_buf_addf(&b, "%s%s", n++ ? "、" : "", order[i].name);
	lf_free(order);
	if (r.post[0] && !lf_perm_reach_whole_dept(&r, r.post_dept) && (!dept || !*dept || !strcmp(r.post_dept, dept))) {
		name_of(db, "post", r.post, post, sizeof post);
		lf_buf_addf(&b, "%s本人岗位（%s）", n++ ? "、" : "", post);
	}
	*note = lf_buf_steal(&b);
	lf_account_clear(&a);
	lf_perm_reach_clear(&r);
	return LF_OK;
}

const char *lf_perm_actor_name(struct lf_db *db)
{
	static char name[128];
	struct lf_account a;
	char err[sizeof db->err];

	memset(&a, 0, sizeof a);
	memcpy(err, db->err, sizeof err);
	snprintf(name, sizeof name, "%s", db->actor);
	if (db->actor[0] && lf_account_get(db, db->actor, &a) == LF_OK)
		snprintf(name, sizeof name, "%s", who(&a));
	lf_account_clear(&a);
	memcpy(db->err, err, sizeof err);
	return name;
}

void lf_perm_actor_person(struct lf_db *db, char out[LF_GID_LEN + 1])
{
	struct lf_account a;
	char err[sizeof db->err];

	memset(&a, 0, sizeof a);
	memcpy(err, db->err, sizeof err);
	out[0] = 0;
	if (db->actor[0] && lf_account_get(db, db->actor, &a) == LF_OK)
		snprintf(out, LF_GID_LEN + 1, "%s", a.person);
	lf_account_clear(&a);
	memcpy(db->err, err, sizeof err);
}

/* ------------------------------------------------------------------ scope of a record */

lf_status lf_perm_scope_of(struct lf_db *db, const char *kind, const char *gid, struct lf_scope_buf *buf,
                           struct lf_scope *out)
{
	char next[LF_GID_LEN + 1], other[LF_GID_LEN + 1];
	lf_status s = LF_OK;
	int depth;

	memset(buf, 0, sizeof *buf);
	memset(out, 0, sizeof *out);
	/* Walk up from the record to the self-check, post or department it belongs to. */
	for (depth = 0; depth < 4 && s == LF_OK; depth++) {
		if (!strcmp(kind, "dept")) {
			snprintf(buf->dept, sizeof buf->dept, "%s", gid);
		} else if (!strcmp(kind, "post")) {
			snprintf(buf->post, sizeof buf->post, "%s", gid);
		} else if (!strcmp(kind, "selfcheck")) {
			snprintf(buf->selfcheck, sizeof buf->selfcheck, "%s", gid);
		} else if (!strcmp(kind, "person")) {
			s = field_of(db, "person", gid, "post", buf->post, sizeof buf->post, NULL, NULL, 0);
		} else if (!strcmp(kind, "review")) {
			s = field_of(db, "review", gid, "selfcheck", buf->selfcheck, sizeof buf->selfcheck, NULL, NULL, 0);
		} else if (!strcmp(kind, "risk")) {
			s = field_of(db, "risk", gid, "selfcheck", buf->selfcheck, sizeof buf->selfcheck, buf->post, "post",
			             sizeof buf->post);
			if (buf->selfcheck[0])
				buf->post[0] = 0;
		} else if (!strcmp(kind, "power")) {
			s = field_of(db, "power", gid, "post", buf->post, sizeof buf->post, buf->dept, "dept",
			             sizeof buf->dept);
			if (buf->post[0])
				buf->dept[0] = 0;
		} else if (!strcmp(kind, "measure") || !strcmp(kind, "flow_step")) {
			int measure = !strcmp(kind, "measure");

			s = field_of(db, kind, gid, measure ? "risk" : "power", next, sizeof next, NULL, NULL, 0);
			memcpy(other, next, sizeof other);
			kind = measure ? "risk" : "power";
			gid = other;
			if (s == LF_OK && other[0])
				continue;
		}
		break;
	}
	if (s)
		return s;
	out->dept = buf->dept[0] ? buf->dept : NULL;
	out->post = buf->post[0] ? buf->post : NULL;
	out->selfcheck = buf->selfcheck[0] ? buf->selfcheck : NULL;
	return LF_OK;
}
