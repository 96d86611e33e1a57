/* Tests of reading and writing by reach: lists, reports and the summary
 * show each role the part of the unit it may read, page by page with the
 * same rows as one big page; the note and the refusal when it reaches less
 * or nothing; staff fill only their own form, also against a colleague on
 * the same post; measures tracked by the head without reopening the form;
 * flow charts that count the risks they may not show; the next cycle
 * started by whoever runs the cycle. */
#include "t.h"
#include "lianfang/auth.h"
#include "lianfang/coverage.h"
#include "lianfang/cycle.h"
#include "lianfang/flow.h"
#include "lianfang/heatmap.h"
#include "lianfang/org.h"
#include "lianfang/perm.h"
#include "lianfang/power.h"
#include "lianfang/progress.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_IS(expr, want, what)                                                                 \
	do {                                                                                       \
		long long v_ = (long long)(expr);                                                      \
		T_OK(v_ == (long long)(want), "%s: got %lld, want %lld", what, v_, (long long)(want)); \
	} while (0)

/* ------------------------------------------------------------------ a unit of five departments */

enum { D_REG, D_ENF, D_OFF, D_LEAD, D_DISC, NDEPT };
enum { P_ACCEPT, P_APPROVE, P_INVEST, P_TRIAL, P_BUY, P_DEPUTY, P_DISC, NPOST };
enum { X_WANG, X_ZHOU, X_LI, X_CHEN, X_GAO, X_GUO, X_ZHAO, X_PAN, NPERSON };

static const char *const dept_names[NDEPT] = { "登记注册科", "执法稽查大队", "办公室", "局领导班子", "纪检监察室" };
static const struct {
	int dept;
	const char *name;
} posts[NPOST] = {
	{ D_REG, "受理审查岗" }, { D_REG, "核准登记岗" }, { D_ENF, "调查取证岗" }, { D_ENF, "案件审理岗" },
	{ D_OFF, "政府采购岗" }, { D_LEAD, "分管副局长" }, { D_DISC, "纪检监察室主任" },
};
static const struct {
	const char *name;
	int post;
} persons[NPERSON] = {
	{ "王静", P_ACCEPT }, { "周敏", P_ACCEPT }, { "李建国", P_APPROVE }, { "陈静", P_INVEST },
	{ "高军", P_TRIAL }, { "郭静", P_BUY }, { "赵志强", P_DEPUTY }, { "潘超", P_DISC },
};

struct unit {
	struct lf_db *db;
	char cycle[33], dept[NDEPT][33], post[NPOST][33], person[NPERSON][33], form[NPERSON][33];
	char risk[NPERSON][2][33], measure[NPERSON][33];
	char power_reg[33], power_enf[33], step_reg[33], step_enf[33];
};

static struct unit U;

/* Building the unit: silent when it works, one failure and out when not. */
#define OKS(expr, what)                                                                          \
	do {                                                                                         \
		lf_status s_ = (expr);                                                                   \
		if (s_ != LF_OK) {                                                                       \
			T_OK(0, "making the unit: %s: %s", what, lf_errmsg(U.db, s_));                       \
			return 0;                                                                            \
		}                                                                                        \
	} while (0)

static void act_as(const char *login)
{
	snprintf(U.db->actor, sizeof U.db->actor, "%s", login);
}

static int account(const char *login, int person, enum lf_role role, int dept1, int dept2)
{
	struct lf_account_new a = { login, persons[person].name, U.person[person], NULL, NULL };

	OKS(lf_account_add(U.db, &a), login);
	OKS(lf_account_role_add(U.db, login, LF_ROLE_STAFF, NULL), "staff role");
	if (role != LF_ROLE_STAFF)
		OKS(lf_account_role_add(U.db, login, role, dept1 >= 0 ? U.dept[dept1] : NULL), "role");
	if (dept2 >= 0)
		OKS(lf_account_role_add(U.db, login, role, U.dept[dept2]), "second department");
	return 1;
}

/* The unit, built in setup mode; then accounts: staff 王静 and her colleague
 * 周敏 on 受理审查岗, head 李建国 of 登记注册科, leader 赵志强 of 登记注册科 and
 * 办公室, discipline 潘超. Forms of 王静 and 陈静 are accepted. */
static int make_unit(const char *file)
{
	char err[1024];
	int i, k;

	memset(&U, 0, sizeof U);
	setenv("LIANFANG_NOW", "2026-11-23T08:00:00Z", 1);
	remove(t_path(file));
	if (lf_db_create(t_path(file), "620902", "测试局", NULL, "setup", &U.db, err, sizeof err) != LF_OK) {
		T_OK(0, "create: %s", err);
		return 0;
	}
	lf_db_seed(U.db, 11);
	OKS(lf_cycle_add(U.db, 2026, NULL, U.cycle), "cycle");
	for (i = 0; i < NDEPT; i++) {
		struct lf_dept_in d = { dept_names[i], NULL, NULL, NULL };

		OKS(lf_dept_add(U.db, &d, U.dept[i]), dept_names[i]);
	}
	for (i = 0; i < NPOST; i++) {
		struct lf_post_in p = { U.dept[posts[i].dept], posts[i].name, "依法履行岗位职责，受理、审查、核准", NULL };

		OKS(lf_post_add(U.db, &p, U.post[i]), posts[i].name);
	}
	for (i = 0; i < NPERSON; i++) {
		struct lf_person_in x = { persons[i].name, U.post[persons[i].post], NULL };
		struct lf_selfcheck_in in = { NULL, "2026-04-08" };

		OKS(lf_person_add(U.db, &x, U.person[i]), persons[i].name);
		OKS(lf_selfcheck_new(U.db, U.cycle, U.post[persons[i].post], U.person[i], &in, U.form[i]), "form");
		for (k = 0; k < 2; k++) {
			struct lf_risk_in r = { 0 };
			struct lf_measure_in m = { 0 };
			char desc[128], p[2] = { (char)('1' + (i + k) % 3), 0 }, sv[2] = { (char)('1' + (i * 2 + k) % 3), 0 };

			snprintf(desc, sizeof desc, "%s的第%d个风险：违规受理", persons[i].name, k + 1);
			r.description = desc;
			r.category = "行政审批";
			r.probability = p;
			r.severity = sv;
			m.content = "公开办事指南";
			OKS(lf_risk_add(U.db, U.form[i], &r, U.risk[i][k]), "risk");
			OKS(lf_measure_add(U.db, U.risk[i][k], &m, k ? NULL : U.measure[i], NULL), "measure");
		}
	}
	{
		struct lf_power_in w = { 0 };
		struct lf_step_in st = { 0 };

		w.dept = U.dept[D_REG];
		w.name = "登记审核";
		w.kind = "执行";
		OKS(lf_power_add(U.db, &w, U.power_reg), "power of 登记注册科");
		w.dept = U.dept[D_ENF];
		w.post = U.post[P_INVEST];
		w.name = "调查取证";
		OKS(lf_power_add(U.db, &w, U.power_enf), "power of 调查取证岗");
		st.action = "审查材料";
		st.risky = "1";
		OKS(lf_step_insert(U.db, U.power_reg, 0, &st, U.step_reg), "risky step");
		OKS(lf_step_insert(U.db, U.power_enf, 0, &st, U.step_enf), "risky step");
	}
	{ /* A risk of 王静 on the step of 登记注册科's power, one of 陈静 too. */
		struct lf_risk_in r = { 0 };

		r.step = U.step_reg;
		OKS(lf_risk_edit(U.db, U.risk[X_WANG][0], &r, NULL), "link a risk of 王静");
		OKS(lf_risk_edit(U.db, U.risk[X_CHEN][0], &r, NULL), "link a risk of 陈静");
	}
	OKS(lf_auth_create_admin(U.db, "admin", "管理员", "reach-test-nobody", NULL), "administrator");
	if (!account("staff", X_WANG, LF_ROLE_STAFF, -1, -1) || !account("staff2", X_ZHOU, LF_ROLE_STAFF, -1, -1) ||
	    !account("head", X_LI, LF_ROLE_HEAD, D_REG, -1) || !account("leader", X_ZHAO, LF_ROLE_LEADER, D_REG, D_OFF) ||
	    !account("discipline", X_PAN, LF_ROLE_DISCIPLINE, -1, -1))
		return 0;
	/* The forms of 王静 and 陈静 through the chain. */
	{
		struct lf_review_in in = { 0 };

		in.grade = "准确";
		act_as("staff");
		OKS(lf_review_step(U.db, U.form[X_WANG], LF_REVIEW_SUBMIT, &in), "staff submits");
		act_as("head");
		OKS(lf_review_step(U.db, U.form[X_WANG], LF_REVIEW_HEAD, &in), "head signs");
		act_as("leader");
		OKS(lf_review_step(U.db, U.form[X_WANG], LF_REVIEW_LEADER, &in), "leader signs");
		act_as("discipline");
		OKS(lf_review_step(U.db, U.form[X_WANG], LF_REVIEW_ASSESS, &in), "discipline assesses");
	}
	return 1;
}

/* ------------------------------------------------------------------ what each may read */

/* The forms (gids, in list order) a login should see, from the tables. */
static char *expected(const char *sql_tail, const char *login)
{
	static const char head[] =
		"WITH me AS (SELECT a.id, x.post FROM account a LEFT JOIN person x ON x.gid = a.person WHERE a.login = ?1), "
		"roles AS (SELECT r.role, r.dept FROM account_role r JOIN me ON r.account = me.id), "
		"vdept AS (SELECT gid FROM dept WHERE EXISTS (SELECT 1 FROM roles WHERE role IN ('principal', 'discipline', "
		"'admin', 'upper')) OR gid IN (SELECT dept FROM roles WHERE role IN ('head', 'leader'))), "
		"vpost AS (SELECT gid FROM post WHERE dept IN vdept OR (gid = (SELECT post FROM me) AND EXISTS "
		"(SELECT 1 FROM roles WHERE role = 'staff'))) ";
	struct lf_buf sql, out;
	sqlite3_stmt *st;

	lf_buf_init(&sql);
	lf_buf_init(&out);
	lf_buf_addf(&sql, "%s%s", head, sql_tail);
	if (sqlite3_prepare_v2(U.db->sql, sql.s, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			lf_buf_addf(&out, "%s ", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	} else {
		lf_buf_adds(&out, "SQL ERROR");
	}
	lf_buf_free(&sql);
	return lf_buf_steal(&out);
}

/* Every page of the self-check list, `limit` rows a page. */
static char *forms_seen(int limit, lf_status *st)
{
	struct lf_selfcheck_filter f = { 0 };
	struct lf_buf out;
	struct lf_page pg;
	int i;

	f.cycle = U.cycle;
	lf_buf_init(&out);
	lf_page_init(&pg, limit);
	do {
		struct lf_selfcheck_list l;

		if ((*st = lf_selfcheck_list(U.db, &f, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++)
			lf_buf_addf(&out, "%s ", l.v[i].gid);
		lf_selfcheck_list_free(&l);
	} while (lf_page_advance(&pg));
	return lf_buf_steal(&out);
}

/* Every page of the summary: risk gids, and whether 序号 ran 1, 2, 3 … */
static char *summary_seen(int limit, int *numbered, lf_status *st)
{
	struct lf_summary_filter f = { 0 };
	struct lf_buf out;
	struct lf_page pg;
	int i, no = 0;

	f.cycle = U.cycle;
	*numbered = 1;
	lf_buf_init(&out);
	lf_page_init(&pg, limit);
	do {
		struct lf_summary_list l;

		if ((*st = lf_summary_page(U.db, &f, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			lf_buf_addf(&out, "%s ", l.v[i].risk);
			*numbered &= l.v[i].no == ++no;
		}
		lf_summary_list_free(&l);
	} while (lf_page_advance(&pg));
	return lf_buf_steal(&out);
}

static const char forms_sql[] =
	"SELECT s.gid FROM selfcheck s JOIN post p ON p.gid = s.post JOIN dept d ON d.gid = p.dept JOIN person x ON "
	"x.gid = s.person WHERE s.post IN vpost ORDER BY ifnull(d.seq, 0), d.name, d.id, ifnull(p.seq, 0), p.name, p.id, "
	"x.name, s.id";
static const char risks_sql[] =
	"SELECT r.gid FROM risk r JOIN post p ON p.gid = r.post JOIN dept d ON d.gid = p.dept JOIN person x ON "
	"x.gid = r.person JOIN selfcheck s ON s.gid = r.selfcheck WHERE r.post IN vpost AND r.deleted = 0 AND "
	"r.retired = 0 ORDER BY ifnull(d.seq, 0), d.name, d.id, ifnull(p.seq, 0), p.name, p.id, x.name, s.id, r.seq, r.id";

TEST(reach_lists_page_through_each_roles_part)
{
	static const char *const logins[] = { "staff", "staff2", "head", "leader", "discipline", "admin" };
	static const int want_forms[] = { 2, 2, 3, 5, 8, 8 }; /* 王静+周敏; 登记注册科; + 办公室 + own post; all */
	size_t i;
	int limit;

	if (!make_unit("lists.db"))
		return;
	for (i = 0; i < LF_COUNT(logins); i++) {
		char *want_f = expected(forms_sql, logins[i]), *want_r = expected(risks_sql, logins[i]);
		int n = 0;
		const char *p;

		for (p = want_f; (p = strchr(p, ' ')); p++)
			n++;
		T_IS(n, want_forms[i], logins[i]);
		act_as(logins[i]);
		for (limit = 1; limit <= 4; limit++) {
			lf_status st;
			int numbered;
			char *f = forms_seen(limit, &st), *r;

			T_OK(st == LF_OK && !strcmp(f, want_f), "%s: forms in pages of %d: %s, want %s (%s)", logins[i], limit, f,
			     want_f, st ? U.db->err : "");
			r = summary_seen(limit, &numbered, &st);
			T_OK(st == LF_OK && !strcmp(r, want_r) && numbered, "%s: summary in pages of %d as in one (%s)",
			     logins[i], limit, st ? U.db->err : numbered ? "wrong rows" : "序号 not 1, 2, 3 …");
			lf_free(f);
			lf_free(r);
		}
		{ /* The heat map, progress and coverage count the same part. */
			struct lf_summary_filter f = { 0 };
			struct lf_heatmap h;
			struct lf_progress total;
			struct lf_coverage c;

			f.cycle = U.cycle;
			T_OK(lf_heatmap_get(U.db, &f, &h) == LF_OK && h.total == 2 * n, "%s: heat map total %d", logins[i],
			     h.total);
			T_OK(lf_progress_total(U.db, U.cycle, &total) == LF_OK && total.forms == n && total.risks == 2 * n,
			     "%s: progress total %d forms, %d risks", logins[i], total.forms, total.risks);
			T_OK(lf_coverage_get(U.db, U.cycle, NULL, &c) == LF_OK && c.posts_no_form == 0,
			     "%s: coverage: every post it sees has a form", logins[i]);
		}
		lf_free(want_f);
		lf_free(want_r);
	}
	lf_db_close(U.db);
}

TEST(reach_progress_rows_of_a_department_seen_through_one_post)
{
	struct lf_progress_list l;
	struct lf_page pg;

	if (!make_unit("progress.db"))
		return;
	act_as("staff");
	lf_page_init(&pg, 10);
	T_OK(lf_progress_list(U.db, U.cycle, &pg, &l) == LF_OK, "staff: progress: %s", U.db->err);
	T_OK(l.n == 1 && !strcmp(l.v[0].dept, U.dept[D_REG]) && l.v[0].posts == 1 && l.v[0].forms == 2 &&
	     l.v[0].accepted == 1 && l.v[0].risks == 4,
	     "one row, 登记注册科 through 受理审查岗 alone: %d rows, posts %d, forms %d", l.n, l.n ? l.v[0].posts : -1,
	     l.n ? l.v[0].forms : -1);
	lf_progress_list_free(&l);
	act_as("leader");
	T_OK(lf_progress_list(U.db, U.cycle, &pg, &l) == LF_OK && l.n == 3, "leader: three departments (%d)", l.n);
	if (l.n == 3)
		T_OK(!strcmp(l.v[0].dept, U.dept[D_REG]) && l.v[0].posts == 2 && !strcmp(l.v[1].dept, U.dept[D_OFF]) &&
		     !strcmp(l.v[2].dept, U.dept[D_LEAD]) && l.v[2].posts == 1,
		     "two covered whole, the leadership through the own post");
	lf_progress_list_free(&l);
	lf_db_close(U.db);
}

TEST(reach_in_a_department_notes_and_refusals)
{
	struct lf_perm_reach r;
	char *note;
	lf_status st;

	if (!make_unit("notes.db"))
		return;
	act_as("head");
	T_OK(lf_perm_reach_in(U.db, LF_ACT_READ, U.dept[D_REG], &r) == LF_OK && !r.partial, "head: all of 登记注册科");
	lf_perm_reach_clear(&r);
	T_OK(lf_perm_reach_in(U.db, LF_ACT_READ, NULL, &r) == LF_OK && r.partial, "head: part of the unit");
	lf_perm_reach_clear(&r);
	T_OK(lf_perm_reach_in(U.db, LF_ACT_READ, U.dept[D_ENF], &r) == LF_DENIED && strstr(U.db->err, "执法稽查大队") &&
	     strstr(U.db->err, "处室负责人（登记注册科）"), "head: none of 执法稽查大队: %s", U.db->err);
	lf_perm_reach_clear(&r);
	st = lf_perm_reach_note(U.db, LF_ACT_READ, NULL, &note);
	T_OK(st == LF_OK && note && !strcmp(note, "登记注册科"),
	     "head's note: %s", note ? note : "(none)");
	lf_free(note);
	st = lf_perm_reach_note(U.db, LF_ACT_READ, U.dept[D_REG], &note);
	T_OK(st == LF_OK && !note, "no note for all of it");
	act_as("staff");
	T_OK(lf_perm_reach_in(U.db, LF_ACT_READ, U.dept[D_REG], &r) == LF_OK && r.partial &&
	     !strcmp(r.post_dept, U.dept[D_REG]), "staff: part of 登记注册科");
	lf_perm_reach_clear(&r);
	st = lf_perm_reach_note(U.db, LF_ACT_READ, U.dept[D_REG], &note);
	T_OK(st == LF_OK && note &&
	     !strcmp(note, "本人岗位（受理审查岗）"), "staff's note: %s", note ? note : "(none)");
	lf_free(note);
	T_OK(lf_perm_reach_in(U.db, LF_ACT_READ, U.dept[D_OFF], &r) == LF_DENIED && strstr(U.db->err, "科员"),
	     "staff: none of 办公室: %s", U.db->err);
	lf_perm_reach_clear(&r);
	act_as("leader");
	st = lf_perm_reach_note(U.db, LF_ACT_READ, NULL, &note);
	T_OK(st == LF_OK && note &&
	     !strcmp(note, "登记注册科、办公室、本人岗位（分管副局长）"), "leader's note: %s", note ? note : "(none)");
	lf_free(note);
	act_as("discipline");
	st = lf_perm_reach_note(U.db, LF_ACT_READ, NULL, &note);
	T_OK(st == LF_OK && !note, "discipline: the whole unit");
	act_as("");
	{
		struct lf_summary_filter f = { 0 };
		struct lf_summary_list l;
		struct lf_page pg;

		f.cycle = U.cycle;
		lf_page_init(&pg, 10);
		T_OK(lf_summary_page(U.db, &f, &pg, &l) == LF_DENIED && strstr(U.db->err, "尚未登录"),
		     "nobody reads no summary: %s", U.db->err);
	}
	act_as("admin"); /* an account without roles reaches nothing */
	T_OK(lf_account_role_remove(U.db, "staff2", LF_ROLE_STAFF, NULL) == LF_OK, "take staff2's only role away");
	act_as("staff2");
	{
		struct lf_selfcheck_filter f = { 0 };
		struct lf_selfcheck_list l;
		struct lf_page pg;

		f.cycle = U.cycle;
		lf_page_init(&pg, 10);
		T_OK(lf_selfcheck_list(U.db, &f, &pg, &l) == LF_DENIED && strstr(U.db->err, "需要"),
		     "an account without roles is refused, told what it needs: %s", U.db->err);
	}
	lf_db_close(U.db);
}

/* ------------------------------------------------------------------ writing */

TEST(reach_staff_fill_only_their_own_form)
{
	struct lf_selfcheck_list l;
	struct lf_risk_in r = { 0 };
	char gid[33];
	int reopened;

	if (!make_unit("own.db"))
		return;
	act_as("staff2"); /* 周敏, on 王静's post */
	r.description = "代填的风险";
	T_IS(lf_risk_add(U.db, U.form[X_WANG], &r, gid), LF_DENIED, "a colleague adds to 王静's form");
	T_OK(strstr(U.db->err, "这是王静的自查表，科员只能填写和提交本人的自查表") != NULL, "saying whose: %s", U.db->err);
	T_IS(lf_review_step(U.db, U.form[X_WANG], LF_REVIEW_SUBMIT, NULL), LF_DENIED, "nor submits it");
	T_IS(lf_selfcheck_new(U.db, U.cycle, U.post[P_ACCEPT], U.person[X_WANG], NULL, gid), LF_DENIED,
	     "nor makes one for her");
	T_OK(lf_selfcheck_get(U.db, U.form[X_WANG], &l) == LF_OK, "but reads it: the post's forms are the post's");
	lf_selfcheck_list_free(&l);
	T_IS(lf_risk_add(U.db, U.form[X_ZHOU], &r, gid), LF_OK, "and fills her own");
	T_IS(lf_selfcheck_get(U.db, U.form[X_CHEN], &l), LF_DENIED, "a form of another post is not hers to read");
	T_OK(strstr(U.db->err, "陈静") && strstr(U.db->err, "调查取证岗"), "the refusal says whose: %s", U.db->err);
	act_as("staff");
	T_IS(lf_risk_edit(U.db, U.risk[X_WANG][1], &r, &reopened), LF_DENIED, "王静's accepted form is closed to her");
	T_OK(strstr(U.db->err, "本人不能再修改") && strstr(U.db->err, "处室负责人"), "and told who returns it: %s",
	     U.db->err);
	/* the status by the name every other screen and command gives it */
	T_OK(strstr(U.db->err, "自查表现为“评估通过”") != NULL, "and in what state it is: %s", U.db->err);
	lf_db_close(U.db);
}

TEST(reach_measures_tracked_without_reopening)
{
	struct lf_measure_in track = { 0 }, words = { 0 };
	struct lf_selfcheck_list l;
	int reopened = -1;

	if (!make_unit("measure.db"))
		return;
	track.status = "进行中";
	track.due = "2026-12-31";
	words.content = "改写的措施";
	act_as("head");
	T_IS(lf_measure_edit(U.db, U.measure[X_WANG], &track, &reopened), LF_OK, "the head tracks a measure");
	T_IS(reopened, 0, "without reopening the accepted form");
	T_OK(lf_selfcheck_get(U.db, U.form[X_WANG], &l) == LF_OK && !strcmp(l.v[0].status, "accepted"), "still accepted");
	lf_selfcheck_list_free(&l);
	T_IS(lf_measure_edit(U.db, U.measure[X_WANG], &words, &reopened), LF_DENIED, "but cannot rewrite it");
	T_IS(lf_measure_edit(U.db, U.measure[X_CHEN], &track, &reopened), LF_DENIED,
	     "nor track one of another department");
	T_OK(strstr(U.db->err, "维护防控措施") && strstr(U.db->err, "执法稽查大队"), "refused naming it: %s", U.db->err);
	T_IS(lf_measure_delete(U.db, U.measure[X_WANG], &reopened), LF_DENIED, "nor delete one");
	act_as("leader");
	T_IS(lf_measure_edit(U.db, U.measure[X_WANG], &track, &reopened), LF_DENIED, "a leader does not keep measures");
	T_OK(strstr(U.db->err, "需要处室负责人（所负责的处室）、纪检监察"), "told who does: %s", U.db->err);
	act_as("staff");
	T_IS(lf_measure_edit(U.db, U.measure[X_WANG], &track, &reopened), LF_DENIED, "nor the person, once accepted");
	T_OK(strstr(U.db->err, "本人不能再修改") != NULL, "told their form is closed: %s", U.db->err);
	T_IS(lf_measure_edit(U.db, U.measure[X_ZHOU], &track, &reopened), LF_DENIED, "nor a colleague's");
	act_as("staff2");
	T_IS(lf_measure_edit(U.db, U.measure[X_ZHOU], &track, &reopened), LF_OK, "the person tracks on her draft");
	act_as("discipline");
	T_IS(lf_measure_edit(U.db, U.measure[X_CHEN], &track, &reopened), LF_OK, "the discipline office, anywhere");
	lf_db_close(U.db);
}

TEST(reach_risks_of_a_post_found_by_review)
{
	struct lf_risk_in r = { 0 };
	struct lf_measure_in m = { 0 };
	char risk[33], gid[33];
	int reopened;

	if (!make_unit("post.db"))
		return;
	r.description = "部门评查发现：核准时未比对原件";
	r.found_by = "部门评查";
	m.content = "核准前逐项比对原件";
	act_as("head");
	T_IS(lf_risk_add_to_post(U.db, U.cycle, U.post[P_APPROVE], &r, risk), LF_OK, "the head records one in 登记注册科");
	T_IS(lf_measure_add(U.db, risk, &m, gid, &reopened), LF_OK, "with a measure");
	T_IS(lf_risk_add_to_post(U.db, U.cycle, U.post[P_INVEST], &r, gid), LF_DENIED, "not in 执法稽查大队");
	act_as("staff");
	T_IS(lf_risk_add_to_post(U.db, U.cycle, U.post[P_ACCEPT], &r, gid), LF_DENIED, "staff use their form");
	T_IS(lf_risk_edit(U.db, risk, &r, &reopened), LF_DENIED, "nor edit the head's");
	T_OK(strstr(U.db->err, "登记部门评查") != NULL, "refused as RISK_FIND: %s", U.db->err);
	act_as("discipline");
	T_IS(lf_risk_retire(U.db, risk, 1, &reopened), LF_OK, "the discipline office retires it");
	lf_db_close(U.db);
}

TEST(reach_flow_charts_and_steps)
{
	struct lf_lines lines;
	char gid[33];
	int i, hidden = 0, shown = 0, other = 0;

	if (!make_unit("flow.db"))
		return;
	act_as("head");
	T_OK(lf_flow_chart(U.db, U.power_reg, U.cycle, 0, 80, &lines) == LF_OK, "head draws 登记注册科's chart: %s",
	     U.db->err);
	for (i = 0; i < lines.n; i++) {
		shown += strstr(lines.v[i].text, "王静的第1个风险") != NULL;
		hidden += strstr(lines.v[i].text, "另有 1 个风险点在你的查看范围之外") != NULL;
		other += strstr(lines.v[i].text, "陈静") != NULL;
	}
	T_OK(shown == 1 && hidden == 1 && !other, "王静's risk shown, 陈静's counted, not shown (%d, %d, %d)", shown,
	     hidden, other);
	lf_lines_free(&lines);
	T_IS(lf_step_at(U.db, U.power_enf, 1, gid), LF_DENIED, "a step of another department's power");
	T_IS(lf_step_at(U.db, U.power_reg, 1, gid), LF_OK, "one of its own");
	act_as("staff");
	T_IS(lf_flow_chart(U.db, U.power_reg, U.cycle, 0, 80, &lines), LF_DENIED,
	     "staff cannot read a power of the department, only of their post");
	act_as("discipline");
	T_OK(lf_flow_chart(U.db, U.power_reg, U.cycle, 0, 80, &lines) == LF_OK, "discipline draws it");
	for (i = 0, hidden = 0; i < lines.n; i++)
		hidden += strstr(lines.v[i].text, "查看范围之外") != NULL;
	T_IS(hidden, 0, "and sees every risk");
	lf_lines_free(&lines);
	lf_db_close(U.db);
}

TEST(reach_the_next_cycle_by_whoever_runs_the_cycle)
{
	struct lf_carry_count count;
	char gid[33];

	if (!make_unit("next.db"))
		return;
	act_as("head");
	T_IS(lf_cycle_start_next(U.db, U.cycle, 0, gid, &count), LF_DENIED, "a head does not run the cycle");
	act_as("discipline");
	T_IS(lf_cycle_start_next(U.db, U.cycle, 0, gid, &count), LF_OK, "the discipline office starts 2027");
	T_IS(count.selfchecks, NPERSON, "every form carried");
	T_IS(count.risks, 2 * NPERSON, "with its risks");
	act_as("staff");
	{
		char form[33];
		struct lf_risk_in r = { 0 };

		r.description = "新年度的风险";
		T_OK(lf_selfcheck_find(U.db, gid, U.person[X_WANG], NULL, form) == LF_OK &&
		     lf_risk_add(U.db, form, &r, NULL) == LF_OK, "and 王静 fills her carried draft: %s", U.db->err);
	}
	lf_db_close(U.db);
}

TEST(reach_the_heads_own_form_is_signed_by_the_leader)
{
	struct lf_review_in in = { 0 };

	if (!make_unit("headform.db"))
		return;
	act_as("admin"); /* 李建国 heads 登记注册科 in the records, not only by his role */
	{
		struct lf_dept_in d = { NULL, NULL, U.person[X_LI], U.person[X_ZHAO] };

		T_IS(lf_dept_edit(U.db, U.dept[D_REG], &d), LF_OK, "李建国 heads 登记注册科");
	}
	act_as("head");
	T_IS(lf_review_step(U.db, U.form[X_LI], LF_REVIEW_SUBMIT, &in), LF_OK, "the head submits his own form");
	T_IS(lf_review_step(U.db, U.form[X_LI], LF_REVIEW_HEAD, &in), LF_STATE, "but cannot sign it");
	act_as("leader");
	T_IS(lf_review_step(U.db, U.form[X_LI], LF_REVIEW_HEAD, &in), LF_OK, "the leader in charge signs as head");
	T_IS(lf_review_step(U.db, U.form[X_LI], LF_REVIEW_LEADER, &in), LF_OK, "and as leader");
	act_as("staff2");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_SUBMIT, &in), LF_OK, "周敏 submits");
	act_as("leader");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_HEAD, &in), LF_DENIED,
	     "a form of a department with its own head is the head's to sign");
	T_OK(strstr(U.db->err, "需要处室负责人") && !strstr(U.db->err, "也可由分管领导"), "plainly refused: %s", U.db->err);
	/* 局领导班子 has no head: the deputy's form waits for its leader in charge. */
	act_as("leader");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_SUBMIT, &in), LF_OK, "the deputy submits");
	act_as("head");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_DENIED, "a head of another department cannot");
	T_OK(strstr(U.db->err, "也可由分管领导签") != NULL, "and is told the leader in charge can: %s", U.db->err);
	lf_db_close(U.db);
}

/* The principal's own form: he is the leader in charge of the leadership and
 * nobody reviews their own form, so the discipline office signs the head's
 * and the leader's steps, and the signature says so. 赵志强 here leads
 * 局领导班子 (his own department) and no other account does. */
TEST(reach_the_principals_own_form_is_signed_by_the_discipline_office)
{
	struct lf_review_in in = { 0 };
	struct lf_review_list h;
	struct lf_page pg;
	int others = -1;

	if (!make_unit("principal.db"))
		return;
	act_as("admin");
	T_IS(lf_account_role_add(U.db, "leader", LF_ROLE_LEADER, U.dept[D_LEAD]), LF_OK, "赵志强 leads 局领导班子");
	T_IS(lf_account_role_add(U.db, "leader", LF_ROLE_PRINCIPAL, NULL), LF_OK, "and is the principal");
	T_IS(lf_perm_others(U.db, LF_ACT_REVIEW_LEADER, U.dept[D_LEAD], U.person[X_ZHAO], &others), LF_OK, "counting");
	T_IS(others, 0, "no account but his own leads 局领导班子");
	T_IS(lf_perm_others(U.db, LF_ACT_REVIEW_LEADER, U.dept[D_LEAD], NULL, &others), LF_OK, "counting");
	T_IS(others, 1, "his own does");
	act_as("leader");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_SUBMIT, &in), LF_OK, "the principal submits his form");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_STATE, "he cannot sign it as head");
	T_OK(strstr(U.db->err, "不能审核自己的自查表") && strstr(U.db->err, "由纪检监察（派驻纪检组）审核签字"),
	     "and is told who signs: %s", U.db->err);
	act_as("head");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_DENIED, "nor can a head of another department");
	T_OK(strstr(U.db->err, "由纪检监察（派驻纪检组）审核签字") != NULL, "who is told the same: %s", U.db->err);
	act_as("discipline");
	T_IS(lf_review_check(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_OK, "the discipline office may sign the head's step");
	T_IS(lf_review_check(U.db, U.form[X_ZHAO], LF_REVIEW_LEADER, &in), LF_STATE, "the leader's comes after it");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_OK, "and signs it");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_STATE, "once");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_LEADER, &in), LF_OK, "then the leader's step");
	in.grade = "准确";
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_ASSESS, &in), LF_OK, "and assesses it");
	lf_page_init(&pg, 10);
	T_IS(lf_review_history(U.db, U.form[X_ZHAO], &pg, &h), LF_OK, "history");
	T_OK(h.n == 4 && !strcmp(h.v[0].signer, "赵志强") && !strcmp(h.v[1].step, "head") &&
	     !strcmp(h.v[1].signer, "潘超" LF_REVIEW_STANDIN_MARK) && !strcmp(h.v[2].signer, "潘超" LF_REVIEW_STANDIN_MARK) &&
	     !strcmp(h.v[3].signer, "潘超"), "the head's and leader's signatures are recorded as the discipline office's: %s, %s",
	     h.n > 1 ? h.v[1].signer : "", h.n > 2 ? h.v[2].signer : "");
	lf_review_list_free(&h);
	/* Where somebody else could sign, the discipline office may not. */
	act_as("staff2");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_SUBMIT, &in), LF_OK, "周敏 submits");
	act_as("discipline");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_HEAD, &in), LF_DENIED, "her form has its head");
	T_OK(!strstr(U.db->err, "派驻纪检组"), "plainly refused: %s", U.db->err);
	lf_db_close(U.db);
}

TEST(reach_the_discipline_office_signs_only_where_nobody_else_can)
{
	struct lf_review_in in = { 0 };

	if (!make_unit("standin.db"))
		return;
	act_as("admin");
	T_IS(lf_account_role_add(U.db, "leader", LF_ROLE_LEADER, U.dept[D_LEAD]), LF_OK, "赵志强 leads 局领导班子");
	T_IS(lf_account_role_add(U.db, "head", LF_ROLE_LEADER, U.dept[D_LEAD]), LF_OK, "so does 李建国");
	act_as("leader");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_SUBMIT, &in), LF_OK, "赵志强 submits");
	act_as("discipline");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_DENIED,
	     "the discipline office does not sign where another leader in charge can");
	act_as("head");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_HEAD, &in), LF_OK, "李建国 signs as the leadership's leader in charge");
	T_IS(lf_review_step(U.db, U.form[X_ZHAO], LF_REVIEW_LEADER, &in), LF_OK, "and as leader");
	act_as("admin");
	T_IS(lf_account_retire(U.db, "head", 1), LF_OK, "李建国's account is retired");
	act_as("staff2");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_SUBMIT, &in), LF_OK, "周敏 submits");
	act_as("discipline");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_HEAD, &in), LF_DENIED,
	     "with no head's account left, the leader in charge of 登记注册科 still can: not the discipline office");
	act_as("leader");
	T_IS(lf_review_step(U.db, U.form[X_ZHOU], LF_REVIEW_HEAD, &in), LF_OK, "the leader in charge signs for the head");
	lf_db_close(U.db);
}
