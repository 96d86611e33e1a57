/* Tests of perm: every role × every action, in scope, out of scope and for
 * the whole unit; self-check state; setup mode; who is refused and why. */
#include "t.h"
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/org.h"
#include "lianfang/overview.h"
#include "lianfang/perm.h"
#include "lianfang/rec.h"
#include "lianfang/store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* T_EQ_INT evaluates its expression twice; this evaluates it once. */
#define T_IS(expr, want, what)                                                                   \
	do {                                                                                         \
		long long v_ = (long long)(expr);                                                        \
		T_OK(v_ == (long long)(want), "%s: got %lld, want %lld", what, v_, (long long)(want));   \
	} while (0)

/* ------------------------------------------------------------------ a small unit */

struct org {
	struct lf_db *db;
	char cycle[33], dept_a[33], dept_b[33], post_a[33], post_b[33], person_a[33], person_b[33];
	char sc_draft[33], sc_submitted[33], sc_returned[33], sc_accepted[33], risk[33], measure[33];
};

static struct lf_rec *rec(const char *kind)
{
	return lf_rec_new(lf_kind_find(kind));
}

static void save(struct org *o, struct lf_rec *r, char out[33])
{
	lf_status st = lf_rec_put(o->db, r);

	T_OK(st == LF_OK, "save %s: %s", r->kind->name, st ? lf_errmsg(o->db, st) : "ok");
	if (out)
		memcpy(out, r->gid, 33);
	lf_rec_free(r);
}

static void make_selfcheck(struct org *o, const char *post, const char *person, const char *status, char out[33])
{
	struct lf_rec *r = rec("selfcheck");

	lf_rec_set_text(r, "cycle", o->cycle);
	lf_rec_set_text(r, "post", post);
	lf_rec_set_text(r, "person", person);
	lf_rec_set_text(r, "status", status);
	save(o, r, out);
}

/* Two departments with a post and a person each, self-checks in every state
 * on post A, a risk and a measure. Still in setup mode afterwards. */
static int make_org(struct org *o, const char *file)
{
	char err[512];
	struct lf_rec *r;
	lf_status st;

	memset(o, 0, sizeof *o);
	unlink(t_path(file));
	st = lf_db_create(t_path(file), "620902", "测试局", NULL, "tester", &o->db, err, sizeof err);
	if (!T_OK(st == LF_OK, "create %s: %s", file, err))
		return 0;
	r = rec("cycle");
	lf_rec_set_int(r, "year", 2026);
	save(o, r, o->cycle);
	r = rec("dept");
	lf_rec_set_text(r, "name", "甲科");
	save(o, r, o->dept_a);
	r = rec("dept");
	lf_rec_set_text(r, "name", "乙科");
	save(o, r, o->dept_b);
	r = rec("post");
	lf_rec_set_text(r, "dept", o->dept_a);
	lf_rec_set_text(r, "name", "甲岗");
	save(o, r, o->post_a);
	r = rec("post");
	lf_rec_set_text(r, "dept", o->dept_b);
	lf_rec_set_text(r, "name", "乙岗");
	save(o, r, o->post_b);
	r = rec("person");
	lf_rec_set_text(r, "name", "甲某");
	lf_rec_set_text(r, "post", o->post_a);
	save(o, r, o->person_a);
	r = rec("person");
	lf_rec_set_text(r, "name", "乙某");
	lf_rec_set_text(r, "post", o->post_b);
	save(o, r, o->person_b);
	make_selfcheck(o, o->post_a, o->person_a, "draft", o->sc_draft);
	make_selfcheck(o, o->post_a, o->person_a, "submitted", o->sc_submitted);
	make_selfcheck(o, o->post_a, o->person_a, "returned", o->sc_returned);
	make_selfcheck(o, o->post_a, o->person_a, "accepted", o->sc_accepted);
	r = rec("risk");
	lf_rec_set_text(r, "cycle", o->cycle);
	lf_rec_set_text(r, "selfcheck", o->sc_draft);
	lf_rec_set_text(r, "description", "风险");
	save(o, r, o->risk);
	r = rec("measure");
	lf_rec_set_text(r, "risk", o->risk);
	lf_rec_set_text(r, "content", "措施");
	lf_rec_set_text(r, "status", "planned");
	save(o, r, o->measure);
	return 1;
}

/* One account per role, holding only that role; staff is 甲某 on post A,
 * head and leader cover department A. Signed in as nobody afterwards. */
static void make_accounts(struct org *o)
{
	lf_status st = lf_auth_create_admin(o->db, "r-admin", "管理员", "perm-test-nobody", NULL);
	int r;

	T_OK(st == LF_OK, "first administrator: %s", st ? lf_errmsg(o->db, st) : "ok");
	for (r = 0; r < LF_ROLE_COUNT; r++) {
		char login[32];
		struct lf_account_new a = { login, lf_role_label((enum lf_role)r), NULL, NULL, NULL };

		if (r == LF_ROLE_ADMIN)
			continue;
		snprintf(login, sizeof login, "r-%s", lf_role_name((enum lf_role)r));
		if (r == LF_ROLE_STAFF)
			a.person = o->person_a;
		st = lf_account_add(o->db, &a);
		if (st == LF_OK)
			st = lf_account_role_add(o->db, login, (enum lf_role)r,
			                         r == LF_ROLE_HEAD || r == LF_ROLE_LEADER ? o->dept_a : NULL);
		T_OK(st == LF_OK, "account %s: %s", login, st ? lf_errmsg(o->db, st) : "ok");
	}
	lf_auth_signout(o->db);
}

static void act_as(struct org *o, const char *login)
{
	snprintf(o->db->actor, sizeof o->db->actor, "%s", login);
}

/* ------------------------------------------------------------------ the matrix */

/* What each role may do, written out from DESIGN.md and the issue, column
 * per role in LF_ROLE_INFO order (staff head leader principal discipline
 * admin upper): U whole unit, D the departments the role covers, P own post,
 * - never. */
static const struct {
	enum lf_action act;
	const char *grid;
} want[] = {
	{ LF_ACT_READ, "PDDUUUU" },
	{ LF_ACT_READ_PUBLIC, "UUUUUUU" },
	{ LF_ACT_ORG_EDIT, "----UU-" },
	{ LF_ACT_CYCLE_EDIT, "---UU--" },
	{ LF_ACT_POWER_EDIT, "-D--U--" },
	{ LF_ACT_SELFCHECK_EDIT, "P------" },
	{ LF_ACT_SELFCHECK_SUBMIT, "P------" },
	{ LF_ACT_REVIEW_HEAD, "-D-----" },
	{ LF_ACT_REVIEW_LEADER, "--D----" },
	{ LF_ACT_REVIEW_STANDIN, "----U--" },
	{ LF_ACT_ASSESS, "---UU--" },
	{ LF_ACT_LEVEL_SET, "---UU--" },
	{ LF_ACT_MEASURE_EDIT, "-D--U--" },
	{ LF_ACT_RISK_FIND, "-D--U--" },
	{ LF_ACT_NOTICE, "----U--" },
	{ LF_ACT_WARN, "----U--" },
	{ LF_ACT_INSPECT, "----U-U" },
	{ LF_ACT_RECTIFY_RESPOND, "-D--U--" },
	{ LF_ACT_ACCOUNTABILITY, "----U--" },
	{ LF_ACT_EXCHANGE, "----UU-" },
	{ LF_ACT_UPPER_ASSESS, "------U" },
	{ LF_ACT_SETTINGS, "-----U-" },
	{ LF_ACT_USERS, "-----U-" },
	{ LF_ACT_IMPORT, "----U--" },
};

static int grid_of(enum lf_action act, enum lf_role role)
{
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		if (want[i].act == act)
			return want[i].grid[role];
	return '?';
}

TEST(perm_matrix_covers_every_action)
{
	int a, r;

	T_IS(sizeof want / sizeof want[0], LF_ACT_COUNT, "the expected matrix lists every action");
	for (a = 0; a < LF_ACT_COUNT; a++)
		for (r = 0; r < LF_ROLE_COUNT; r++) {
			int g = grid_of((enum lf_action)a, (enum lf_role)r);
			enum lf_reach_kind k = lf_perm_role_may((enum lf_role)r, (enum lf_action)a);
			int got = k == LF_REACH_UNIT ? 'U' : k == LF_REACH_DEPT ? 'D' : k == LF_REACH_POST ? 'P' : '-';

			T_OK(g == got, "lf_perm_role_may(%s, %s) = %c, want %c", lf_role_name((enum lf_role)r),
			     lf_action_name((enum lf_action)a), got, g);
		}
}

TEST(perm_matrix_every_role_every_action)
{
	struct org o;
	int a, r;

	if (!make_org(&o, "matrix.db"))
		return;
	make_accounts(&o);
	for (r = 0; r < LF_ROLE_COUNT; r++) {
		char login[32];

		snprintf(login, sizeof login, "r-%s", lf_role_name((enum lf_role)r));
		for (a = 0; a < LF_ACT_COUNT; a++) {
			struct lf_scope in = { .post = o.post_a }, out = { .post = o.post_b };
			int g = grid_of((enum lf_action)a, (enum lf_role)r);
			int want_in = g != '-', want_out = g == 'U';
			lf_status s_in, s_out, s_unit;
			char msg[1024] = "";

			act_as(&o, login);
			s_in = lf_perm_check(o.db, (enum lf_action)a, &in);
			s_out = lf_perm_check(o.db, (enum lf_action)a, &out);
			if (s_out)
				snprintf(msg, sizeof msg, "%s", o.db->err);
			s_unit = lf_perm_check(o.db, (enum lf_action)a, NULL);
			T_OK((s_in == LF_OK) == want_in && (s_out == LF_OK) == want_out && (s_unit == LF_OK) == want_out,
			     "%s × %s (%c): own/in %s, other dept %s, whole unit %s", lf_role_name((enum lf_role)r),
			     lf_action_name((enum lf_action)a), g, s_in ? "refused" : "allowed",
			     s_out ? "refused" : "allowed", s_unit ? "refused" : "allowed");
			if (s_out) {
				/* A refusal names the action and a role that may do it. */
				int named = 0, k;

				for (k = 0; k < LF_ROLE_COUNT; k++)
					if (grid_of((enum lf_action)a, (enum lf_role)k) != '-' &&
					    strstr(msg, lf_role_label((enum lf_role)k)))
						named = 1;
				T_OK(s_out == LF_DENIED && named && strstr(msg, lf_action_label((enum lf_action)a)),
				     "%s × %s: refusal names the action and a role: %s", lf_role_name((enum lf_role)r),
				     lf_action_name((enum lf_action)a), msg);
			}
		}
	}
	/* Scope given as the department itself works the same as through a post. */
	act_as(&o, "r-head");
	{
		struct lf_scope a_dept = { .dept = o.dept_a }, b_dept = { .dept = o.dept_b };

		T_OK(lf_perm_check(o.db, LF_ACT_REVIEW_HEAD, &a_dept) == LF_OK, "head reviews own department by dept");
		T_OK(lf_perm_check(o.db, LF_ACT_REVIEW_HEAD, &b_dept) == LF_DENIED &&
		     strstr(o.db->err, "乙科") && strstr(o.db->err, "甲科"),
		     "head refused another department, both named: %s", o.db->err);
	}
	lf_db_close(o.db);
}

TEST(perm_staff_edits_only_until_submitted)
{
	struct org o;
	struct {
		const char *gid, *status;
		int editable;
	} cases[4];
	int i;

	if (!make_org(&o, "states.db"))
		return;
	make_accounts(&o);
	cases[0].gid = o.sc_draft, cases[0].status = "draft", cases[0].editable = 1;
	cases[1].gid = o.sc_returned, cases[1].status = "returned", cases[1].editable = 1;
	cases[2].gid = o.sc_submitted, cases[2].status = "submitted", cases[2].editable = 0;
	cases[3].gid = o.sc_accepted, cases[3].status = "accepted", cases[3].editable = 0;
	act_as(&o, "r-staff");
	for (i = 0; i < 4; i++) {
		struct lf_scope sc = { .selfcheck = cases[i].gid };
		lf_status e = lf_perm_check(o.db, LF_ACT_SELFCHECK_EDIT, &sc);
		lf_status s = lf_perm_check(o.db, LF_ACT_SELFCHECK_SUBMIT, &sc);
		char why[1024];
		lf_status r;

		snprintf(why, sizeof why, "%s", o.db->err); /* the submit refusal, if any */
		r = lf_perm_check(o.db, LF_ACT_READ, &sc);
		T_OK((e == LF_OK) == cases[i].editable && (s == LF_OK) == cases[i].editable && r == LF_OK,
		     "staff on a %s self-check: edit %s, submit %s, read %s", cases[i].status, e ? "refused" : "allowed",
		     s ? "refused" : "allowed", r ? "refused" : "allowed");
		if (!cases[i].editable)
			T_OK(strstr(why, "退回") && strstr(why, cases[i].status[0] == 's' ? "已提交" : "“评估通过”"),
			     "the refusal says it is %s and must be returned first: %s", cases[i].status, why);
	}
	/* The head of the department reviews it in any state; the perm check is not the workflow. */
	act_as(&o, "r-head");
	{
		struct lf_scope sc = { .selfcheck = o.sc_submitted };

		T_OK(lf_perm_check(o.db, LF_ACT_REVIEW_HEAD, &sc) == LF_OK, "head may review the submitted self-check");
		T_OK(lf_perm_check(o.db, LF_ACT_SELFCHECK_EDIT, &sc) == LF_DENIED, "but not edit what the person wrote");
	}
	/* A scope whose parts disagree is a programming error, not a permission. */
	{
		struct lf_scope bad = { .dept = o.dept_b, .post = o.post_a }, bad2 = { .post = o.post_b, .selfcheck = o.sc_draft };

		T_IS(lf_perm_check(o.db, LF_ACT_READ, &bad), LF_INTERNAL, "post A given with department B");
		T_IS(lf_perm_check(o.db, LF_ACT_READ, &bad2), LF_INTERNAL, "self-check of post A given with post B");
	}
	lf_db_close(o.db);
}

TEST(perm_who_may_act_at_all)
{
	struct org o;
	lf_status st;

	if (!make_org(&o, "who.db"))
		return;
	/* Setup mode: no account, anything goes for anyone (init, demo, tools). */
	act_as(&o, "whoever");
	T_OK(lf_perm_check(o.db, LF_ACT_USERS, NULL) == LF_OK, "setup mode allows managing users");
	T_OK(lf_perm_check(o.db, LF_ACT_ASSESS, NULL) == LF_OK, "setup mode allows risk work");
	make_accounts(&o);
	act_as(&o, "");
	st = lf_perm_check(o.db, LF_ACT_READ_PUBLIC, NULL);
	T_OK(st == LF_DENIED && strstr(o.db->err, "尚未登录"), "nobody signed in is refused: %s", o.db->err);
	act_as(&o, "whoever");
	st = lf_perm_check(o.db, LF_ACT_READ_PUBLIC, NULL);
	T_OK(st == LF_DENIED && strstr(o.db->err, "whoever"), "an unknown login is refused: %s", o.db->err);
	act_as(&o, "r-admin");
	T_OK(lf_account_retire(o.db, "r-discipline", 1) == LF_OK, "retire the discipline account");
	act_as(&o, "r-discipline");
	st = lf_perm_check(o.db, LF_ACT_READ, NULL);
	T_OK(st == LF_DENIED && strstr(o.db->err, "停用"), "a retired account is refused: %s", o.db->err);
	/* The account table emptied behind the program's back does not reopen setup mode. */
	T_IS(sqlite3_exec(o.db->sql, "DELETE FROM account_role; DELETE FROM account", NULL, NULL, NULL), SQLITE_OK,
	         "empty the account table with SQL");
	act_as(&o, "anyone");
	st = lf_perm_check(o.db, LF_ACT_USERS, NULL);
	T_OK(st == LF_DENIED && strstr(o.db->err, "审计日志"), "emptied accounts refuse everything: %s", o.db->err);
	st = lf_auth_create_admin(o.db, "intruder", "闯入者", "x", NULL);
	T_IS(st, LF_STATE, "and no new first administrator can be made");
	lf_db_close(o.db);
}

/* Setup mode reads the audit chain once and then only what was added since
 * (every check of every action asks, and the chain grows with each change).
 * Regression for that shortcut: entries taken back by a rolled-back
 * transaction must not hide an account entry written later at their place. */
TEST(perm_setup_mode_reads_the_chain_once_and_soundly)
{
	struct lf_dept_in d = { .name = "丙科" };
	struct org o;
	lf_status st;
	int i;

	if (!make_org(&o, "setup.db"))
		return;
	act_as(&o, "whoever");
	for (i = 0; i < 3; i++)
		T_OK(lf_perm_check(o.db, LF_ACT_ORG_EDIT, NULL) == LF_OK, "setup mode, asked again (%d)", i);
	T_OK(lf_tx_begin(o.db) == LF_OK, "a transaction");
	T_OK(lf_dept_add(o.db, &d, NULL) == LF_OK, "that adds to the chain: %s", o.db->err);
	T_OK(lf_perm_check(o.db, LF_ACT_ORG_EDIT, NULL) == LF_OK, "still setup mode inside it");
	T_IS(lf_tx_end(o.db, LF_STATE), LF_STATE, "and is rolled back");
	T_OK(lf_auth_create_admin(o.db, "boss", "局长", "perm-test-nobody", NULL) == LF_OK, "the first administrator");
	lf_auth_signout(o.db);
	T_IS(sqlite3_exec(o.db->sql, "DELETE FROM account_role; DELETE FROM account", NULL, NULL, NULL), SQLITE_OK,
	     "the account table emptied with SQL");
	act_as(&o, "anyone");
	st = lf_perm_check(o.db, LF_ACT_USERS, NULL);
	T_OK(st == LF_DENIED && strstr(o.db->err, "审计日志"), "the account in the chain is seen: %s", o.db->err);
	lf_db_close(o.db);
}

TEST(perm_reach_and_record_scope)
{
	struct org o;
	struct lf_perm_reach reach;
	struct lf_scope_buf buf;
	struct lf_scope sc;
	lf_status st;

	if (!make_org(&o, "reach.db"))
		return;
	make_accounts(&o);
	act_as(&o, "r-head");
	st = lf_perm_reach(o.db, LF_ACT_READ, &reach);
	T_OK(st == LF_OK && !reach.unit && !reach.post[0] &&
	     strstr(reach.depts, o.dept_a) && !strstr(reach.depts, o.dept_b),
	     "head reads department A only: %s", reach.depts);
	lf_perm_reach_clear(&reach);
	act_as(&o, "r-staff");
	T_OK(lf_perm_reach(o.db, LF_ACT_READ, &reach) == LF_OK && !reach.unit && !strcmp(reach.post, o.post_a) &&
	     !strcmp(reach.depts, "[]"), "staff reads own post only");
	lf_perm_reach_clear(&reach);
	T_OK(lf_perm_reach(o.db, LF_ACT_USERS, &reach) == LF_OK && !reach.unit && !reach.post[0] &&
	     !strcmp(reach.depts, "[]"), "staff manages no users");
	lf_perm_reach_clear(&reach);
	act_as(&o, "r-discipline");
	T_OK(lf_perm_reach(o.db, LF_ACT_WARN, &reach) == LF_OK && reach.unit, "discipline warns unit-wide");
	lf_perm_reach_clear(&reach);
	T_OK(lf_perm_scope_of(o.db, "measure", o.measure, &buf, &sc) == LF_OK && sc.selfcheck &&
	     !strcmp(sc.selfcheck, o.sc_draft), "a measure belongs to its risk's self-check");
	T_OK(lf_perm_scope_of(o.db, "person", o.person_b, &buf, &sc) == LF_OK && sc.post && !strcmp(sc.post, o.post_b),
	     "a person belongs to their post");
	T_OK(lf_perm_scope_of(o.db, "cycle", o.cycle, &buf, &sc) == LF_OK && !sc.post && !sc.dept && !sc.selfcheck,
	     "a cycle belongs to the whole unit");
	act_as(&o, "r-staff");
	lf_perm_scope_of(o.db, "measure", o.measure, &buf, &sc);
	T_OK(lf_perm_check(o.db, LF_ACT_READ, &sc) == LF_OK, "staff reads the measure of their own self-check");
	lf_perm_scope_of(o.db, "person", o.person_b, &buf, &sc);
	T_OK(lf_perm_check(o.db, LF_ACT_READ, &sc) == LF_DENIED, "but not the person on another post");
	T_EQ_STR(lf_perm_actor_name(o.db), "甲某", "staff signs with the person's name");
	act_as(&o, "r-upper");
	T_EQ_STR(lf_perm_actor_name(o.db), "上级审核人", "an account without a person signs with its name");
	lf_db_close(o.db);
}

TEST(perm_public_kinds)
{
	static const char *const pub[] = { "unit", "dept", "post", "person", "cycle", "plan", "meeting", "notice" };
	static const char *const priv[] = { "selfcheck", "risk", "measure", "review", "warning", "inspection" };
	size_t i;

	for (i = 0; i < sizeof pub / sizeof pub[0]; i++)
		T_OK(lf_perm_kind_public(pub[i]), "%s is read by everyone signed in", pub[i]);
	for (i = 0; i < sizeof priv / sizeof priv[0]; i++)
		T_OK(!lf_perm_kind_public(priv[i]), "%s is read by scope", priv[i]);
	T_OK(!lf_perm_kind_public(NULL), "no kind is not public");
}

/* A record's history (the screens' history key, `audit log --record`) is
 * readable where the record is: its own scope for READ; an account's by its
 * owner, by whoever reads the whole unit, and by administrators. */
TEST(perm_history_follows_the_record)
{
	struct org o;
	lf_status st;

	if (!make_org(&o, "history.db"))
		return;
	make_accounts(&o);
	act_as(&o, "r-staff");
	T_IS(lf_audit_may_read(o.db, "measure", o.measure), LF_OK, "staff: the history of a measure of their own form");
	T_IS(lf_audit_may_read(o.db, "person", o.person_a), LF_OK, "staff: their own person's history");
	st = lf_audit_may_read(o.db, "person", o.person_b);
	T_OK(st == LF_DENIED && strstr(o.db->err, "乙岗"), "staff: not another post's person (%s)", o.db->err);
	T_IS(lf_audit_may_read(o.db, "cycle", o.cycle), LF_DENIED, "staff: not a unit-wide record's history");
	T_IS(lf_audit_may_read(o.db, "account", "r-staff"), LF_OK, "staff: their own account's history");
	st = lf_audit_may_read(o.db, "account", "r-head");
	T_OK(st == LF_DENIED && strstr(o.db->err, "系统管理员"), "staff: not another account's (%s)", o.db->err);
	T_IS(lf_audit_may_read(o.db, NULL, NULL), LF_DENIED, "staff: not the whole log");
	act_as(&o, "r-head");
	T_IS(lf_audit_may_read(o.db, "post", o.post_a), LF_OK, "head: a post of their department");
	T_IS(lf_audit_may_read(o.db, "post", o.post_b), LF_DENIED, "head: not a post of another department");
	act_as(&o, "r-discipline");
	T_IS(lf_audit_may_read(o.db, "person", o.person_b), LF_OK, "discipline: any person");
	T_IS(lf_audit_may_read(o.db, "account", "r-head"), LF_OK, "discipline: any account");
	T_IS(lf_audit_may_read(o.db, NULL, NULL), LF_OK, "discipline: the whole log");
	act_as(&o, "r-admin");
	T_IS(lf_audit_may_read(o.db, "account", "r-staff"), LF_OK, "admin: any account");
	act_as(&o, "");
	T_IS(lf_audit_may_read(o.db, "account", "r-staff"), LF_DENIED, "nobody signed in: nothing");
	lf_db_close(o.db);
}

/* What the screens ask before offering to add: the same table, by kind. */
TEST(perm_screens_may_edit_by_kind)
{
	struct org o;
	lf_status st;

	if (!make_org(&o, "edit.db"))
		return;
	make_accounts(&o);
	act_as(&o, "r-head");
	T_IS(lf_overview_may_edit(o.db, "power", o.dept_a), LF_OK, "a head keeps the powers of their department");
	T_IS(lf_overview_may_edit(o.db, "flow_step", o.dept_a), LF_OK, "and its flow charts");
	st = lf_overview_may_edit(o.db, "power", o.dept_b);
	T_OK(st == LF_DENIED && strstr(o.db->err, "乙科"), "not another department's: %s", o.db->err);
	T_IS(lf_overview_may_edit(o.db, "dept", NULL), LF_DENIED, "nor the organisation");
	act_as(&o, "r-principal");
	T_IS(lf_overview_may_edit(o.db, "cycle", NULL), LF_OK, "the principal keeps the years");
	T_IS(lf_overview_may_edit(o.db, "meeting", NULL), LF_OK, "and their meetings");
	T_IS(lf_overview_may_edit(o.db, "power", o.dept_a), LF_DENIED, "but not the powers");
	act_as(&o, "r-admin");
	T_IS(lf_overview_may_edit(o.db, "person", NULL), LF_OK, "the administrator keeps the organisation");
	st = lf_overview_may_edit(o.db, "group_member", NULL);
	T_OK(st == LF_DENIED && strstr(o.db->err, "维护年度、实施方案、领导小组和会议"), "but not the leading group: %s",
	     o.db->err);
	act_as(&o, "r-staff");
	T_IS(lf_overview_may_edit(o.db, "post", NULL), LF_DENIED, "staff change no posts");
	T_IS(lf_overview_may_edit(o.db, "selfcheck", NULL), LF_OK, "kinds the screens do not ask about are the model's");
	lf_db_close(o.db);
}

/* The export opened from the home starts on what the user may read. */
TEST(perm_reach_names_for_the_export)
{
	struct org o;
	char *dept, *person;

	if (!make_org(&o, "names.db"))
		return;
	make_accounts(&o);
	act_as(&o, "r-head");
	lf_overview_reach_names(o.db, &dept, &person);
	T_OK(dept && !strcmp(dept, "甲科") && !person, "a head: their department (%s)", dept ? dept : "NULL");
	lf_free(dept);
	lf_free(person);
	act_as(&o, "r-staff");
	lf_overview_reach_names(o.db, &dept, &person);
	T_OK(!dept && person && !strcmp(person, "甲某"), "staff: their own person (%s)", person ? person : "NULL");
	lf_free(dept);
	lf_free(person);
	act_as(&o, "r-discipline");
	lf_overview_reach_names(o.db, &dept, &person);
	T_OK(!dept && !person, "the discipline office: the whole unit");
	act_as(&o, "nobody-here");
	lf_overview_reach_names(o.db, &dept, &person);
	T_OK(!dept && !person, "an unknown login: nothing");
	lf_db_close(o.db);
}
