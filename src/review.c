/* review: the review chain of a self-check form (include/lianfang/review.h).
 * `decide` works out whether a step is legal and what it records; `record`
 * writes the review and the form's new status in the same transaction. */
#include "lianfang/review.h"
#include "lianfang/auth.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <string.h>

#define REWORK_DAYS 15

const char *const lf_assess_grades[] = { "准确", "比较准确", "基本准确", "不准确", NULL };

static const char *const step_names[] = { "submit", "head", "leader", "assess" };

const char *lf_review_step_name(enum lf_review_step step)
{
	return step <= LF_REVIEW_ASSESS ? step_names[step] : "";
}

const char *lf_review_step_label(const char *name)
{
	static const struct {
		const char *name, *label;
	} labels[] = {
		{ "submit", "提交" }, { "head", "处室负责人审核" }, { "leader", "分管领导审核" },
		{ "assess", "质量评估" }, { "upper", "上级评估" },
	};
	size_t i;

	for (i = 0; name && i < LF_COUNT(labels); i++)
		if (!strcmp(name, labels[i].name))
			return labels[i].label;
	return "";
}

/* The last signature of a step since the form was last submitted. */
struct sig {
	int found;
	char signer[160], date[11], hash[65], grade[16];
};

struct form {
	char gid[LF_GID_LEN + 1], dept[LF_GID_LEN + 1], post[LF_GID_LEN + 1];
	char status[16], grade[16], person[160], hash[65], filled[11];
	char last_date[11]; /* of the latest review of any step */
	int risks;
	struct sig sig[LF_REVIEW_ASSESS + 1];
};

struct decision {
	char signer[160], date[11], due[11];
	int only_self;      /* nobody but the form's own person holds this step's role (permission) */
	int standin;        /* so the discipline office signs it (permission) */
	const char *status, *result, *grade;
	char *opinion;
};

static lf_status load_reviews(struct lf_db *db, struct form *f)
{
	static const char sql[] =
		"SELECT step, signer, signed, content_hash, grade FROM review WHERE selfcheck = ?1 AND deleted = 0 "
		"ORDER BY signed, id";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc, i;

	if (s)
		return s;
	sqlite3_bind_text(st, 1, f->gid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *step = (const char *)sqlite3_column_text(st, 0);
		const char *grade = (const char *)sqlite3_column_text(st, 4);

		for (i = 0; i <= LF_REVIEW_ASSESS; i++) {
			if (strcmp(step, step_names[i]))
				continue;
			if (i == LF_REVIEW_SUBMIT) /* a new submission: earlier signatures no longer count */
				memset(f->sig, 0, sizeof f->sig);
			f->sig[i].found = 1;
			snprintf(f->sig[i].signer, sizeof f->sig[i].signer, "%s", (const char *)sqlite3_column_text(st, 1));
			snprintf(f->sig[i].date, sizeof f->sig[i].date, "%s", (const char *)sqlite3_column_text(st, 2));
			snprintf(f->sig[i].hash, sizeof f->sig[i].hash, "%s", (const char *)sqlite3_column_text(st, 3));
			snprintf(f->sig[i].grade, sizeof f->sig[i].grade, "%s", grade ? grade : "");
		}
		snprintf(f->last_date, sizeof f->last_date, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审核记录失败");
}

static lf_status load_form(struct lf_db *db, const char *gid, struct form *f)
{
	struct lf_selfcheck_list l;
	lf_status s;

	memset(f, 0, sizeof *f);
	if ((s = lf_selfcheck_get(db, gid, &l)))
		return s;
	snprintf(f->gid, sizeof f->gid, "%s", l.v[0].gid);
	snprintf(f->dept, sizeof f->dept, "%s", l.v[0].dept);
	snprintf(f->post, sizeof f->post, "%s", l.v[0].post);
	snprintf(f->status, sizeof f->status, "%s", l.v[0].status);
	snprintf(f->grade, sizeof f->grade, "%s", l.v[0].grade ? l.v[0].grade : "");
	snprintf(f->person, sizeof f->person, "%s", l.v[0].person_name);
	snprintf(f->filled, sizeof f->filled, "%s", l.v[0].filled ? l.v[0].filled : "");
	f->risks = l.v[0].risks;
	lf_selfcheck_list_free(&l);
	if ((s = lf_selfcheck_content_hash(db, gid, f->hash)))
		return s;
	return load_reviews(db, f);
}

/* Has the form's department a head other than the form's own person? */
static int other_head(struct lf_db *db, const struct lf_rec *form)
{
	struct lf_rec *p = lf_rec_new(lf_kind_find("post")), *d = lf_rec_new(lf_kind_find("dept"));
	const char *post = lf_rec_text(form, "post"), *person = lf_rec_text(form, "person"), *head = NULL;
	int other = 1;

	if (post && lf_rec_load(db, p->kind, post, p) == LF_OK && lf_rec_text(p, "dept") &&
	    lf_rec_load(db, d->kind, lf_rec_text(p, "dept"), d) == LF_OK) {
		head = lf_rec_text(d, "head");
		other = head && *head && (!person || strcmp(head, person));
	}
	lf_rec_free(p);
	lf_rec_free(d);
	return other;
}

/* Is the form's own person the only one who could give this signature? The
 * head's is given by whoever heads the department, or — when it has no
 * other head — by its leader in charge (REVIEW_LEADER); the leader's by the
 * leader in charge. Counted over the accounts that hold those roles for the
 * form's department: some do, and all of them are the form's person's.
 * (Where none does, the role is simply not given yet: an administrator
 * grants it, nobody steps in.) Never while the database has no accounts. */
static lf_status only_own_person(struct lf_db *db, const struct lf_rec *form, enum lf_review_step step, int *only)
{
	const char *person = lf_rec_text(form, "person");
	char dept[LF_GID_LEN + 1] = "";
	enum lf_auth_state state;
	int all = 0, others = 0, n, k;
	struct lf_rec *p;
	lf_status s = lf_auth_state(db, &state);

	*only = 0;
	if (s || state != LF_AUTH_ENFORCED || !person || (step != LF_REVIEW_HEAD && step != LF_REVIEW_LEADER))
		return s;
	p = lf_rec_new(lf_kind_find("post"));
	if (lf_rec_text(form, "post") && lf_rec_load(db, p->kind, lf_rec_text(form, "post"), p) == LF_OK &&
	    lf_rec_text(p, "dept"))
		snprintf(dept, sizeof dept, "%s", lf_rec_text(p, "dept"));
	lf_rec_free(p);
	for (k = 0; k < 2 && s == LF_OK && dept[0]; k++) {
		enum lf_action act = k == 0 ? LF_ACT_REVIEW_HEAD : LF_ACT_REVIEW_LEADER;

		if (k == 0 && step != LF_REVIEW_HEAD)
			continue;
		if (k == 1 && step == LF_REVIEW_HEAD && other_head(db, form))
			continue;
		if ((s = lf_perm_others(db, act, dept, NULL, &n)) == LF_OK) {
			all += n;
			s = lf_perm_others(db, act, dept, person, &n);
			others += n;
		}
	}
	*only = s == LF_OK && all > 0 && others == 0;
	return s;
}

static const char *standin_why(enum lf_review_step step)
{
	return step == LF_REVIEW_HEAD
	       ? "这张自查表的处室负责人、分管领导只有填表人本人，这一步由纪检监察（派驻纪检组）审核签字。"
	       : "这张自查表的分管领导只有填表人本人，这一步由纪检监察（派驻纪检组）审核签字。";
}

/* May the acting user take this step on the form? Checked before the form
 * is read, so the refusal names the step's role, not READ's. The head's
 * signature on the form of a department with no other head (the head's own
 * form, or a department without one, such as the leadership) is the leader
 * in charge's to give. A head's or leader's signature nobody but the form's
 * own person could give — the principal's own form, when he is the leader in
 * charge of the leadership — is the discipline office's (派驻纪检组, seed 003:
 * it sits on the assessment team and supervises the leadership); *standin
 * says so, and the review records it. */
static lf_status permission(struct lf_db *db, const char *selfcheck, enum lf_review_step step, struct decision *d)
{
	static const enum lf_action acts[] = { LF_ACT_SELFCHECK_SUBMIT, LF_ACT_REVIEW_HEAD, LF_ACT_REVIEW_LEADER,
	                                       LF_ACT_ASSESS };
	struct lf_rec *r = lf_rec_new(lf_kind_find("selfcheck"));
	lf_status s = step > LF_REVIEW_ASSESS ? lf_fail(db, LF_INTERNAL, "程序错误：未知的审核环节。")
	              : lf_rec_load(db, r->kind, selfcheck, r);
	char err[sizeof db->err];

	if (s == LF_OK && !r->deleted) {
		struct lf_scope scope = { .selfcheck = selfcheck };

		s = only_own_person(db, r, step, &d->only_self);
		if (s == LF_OK)
			s = lf_perm_check(db, acts[step], &scope);
		if (s == LF_DENIED && step == LF_REVIEW_HEAD && !other_head(db, r)) {
			memcpy(err, db->err, sizeof err);
			if ((s = lf_perm_check(db, LF_ACT_REVIEW_LEADER, &scope)) == LF_DENIED && !d->only_self)
				lf_fail(db, LF_DENIED, "%s（这个处室没有别的处室负责人，也可由分管领导签这一步。）", err);
		}
		if (s == LF_DENIED && d->only_self) {
			if ((s = lf_perm_check(db, LF_ACT_REVIEW_STANDIN, &scope)) == LF_OK)
				d->standin = 1;
			else if (s == LF_DENIED)
				lf_fail(db, LF_DENIED, "不能%s：%s", lf_action_label(acts[step]), standin_why(step));
		}
	}
	lf_rec_free(r);
	return s == LF_NOTFOUND ? LF_OK : s; /* load_form says it is not there */
}

static int is(const struct form *f, const char *status)
{
	return !strcmp(f->status, status);
}

/* Why the form is not in the state a step needs, or LF_OK. */
static lf_status state_for(struct lf_db *db, const struct form *f, enum lf_review_step step)
{
	const struct sig *head = &f->sig[LF_REVIEW_HEAD], *leader = &f->sig[LF_REVIEW_LEADER];

	switch (step) {
	case LF_REVIEW_SUBMIT:
		if (is(f, "draft") || is(f, "returned"))
			return f->risks ? LF_OK : lf_fail(db, LF_STATE, "自查表还没有填写任何潜在风险，不能提交。");
		if (is(f, "accepted"))
			return lf_fail(db, LF_STATE, "自查表已评估通过（%s），不需要再提交。", f->grade);
		return lf_fail(db, LF_STATE, "自查表已经提交（%s），不能重复提交。", lf_selfcheck_status_label(f->status));
	case LF_REVIEW_HEAD:
		if (is(f, "submitted"))
			return LF_OK;
		if (is(f, "draft"))
			return lf_fail(db, LF_STATE, "自查表尚未提交，处室负责人不能审核。");
		if (is(f, "returned"))
			return lf_fail(db, LF_STATE, "自查表已退回整改，需重新提交后才能审核。");
		return lf_fail(db, LF_STATE, "处室负责人已于 %s 签字（%s），不能重复签字。", head->found ? head->date : "",
		               head->found ? head->signer : "");
	case LF_REVIEW_LEADER:
		if (is(f, "head_signed"))
			return LF_OK;
		if (is(f, "draft"))
			return lf_fail(db, LF_STATE, "自查表尚未提交，分管领导不能审核。");
		if (is(f, "submitted"))
			return lf_fail(db, LF_STATE, "处室负责人尚未签字，分管领导不能先签。");
		if (is(f, "returned"))
			return lf_fail(db, LF_STATE, "自查表已退回整改，需重新提交后才能审核。");
		return lf_fail(db, LF_STATE, "分管领导已于 %s 签字（%s），不能重复签字。", leader->found ? leader->date : "",
		               leader->found ? leader->signer : "");
	case LF_REVIEW_ASSESS:
		if (is(f, "leader_signed"))
			return LF_OK;
		if (is(f, "draft"))
			return lf_fail(db, LF_STATE, "自查表尚未提交，不能评估。");
		if (is(f, "submitted") || is(f, "head_signed"))
			return lf_fail(db, LF_STATE, "处室负责人和分管领导签字后才能评估（现为“%s”）。",
			               lf_selfcheck_status_label(f->status));
		if (is(f, "returned"))
			return lf_fail(db, LF_STATE, "自查表已退回整改，需重新提交并经审核签字后才能再次评估。");
		return lf_fail(db, LF_STATE, "自查表已评估为“%s”，不能重复评估。", f->grade);
	}
	return LF_INTERNAL;
}

/* The signature a step builds on must be for the content as it is now. */
static lf_status content_unchanged(struct lf_db *db, const struct form *f, enum lf_review_step step)
{
	static const char *const who[] = { "提交", "处室负责人签字", "分管领导签字" };
	const struct sig *prev;

	if (step == LF_REVIEW_SUBMIT)
		return LF_OK;
	prev = &f->sig[step - 1];
	if (prev->found && !strcmp(prev->hash, f->hash))
		return LF_OK;
	return lf_fail(db, LF_STATE, "%s之后自查表的内容已被修改，原签字不再有效，需重新提交审核。", who[step - 1]);
}

static lf_status choose_date(struct lf_db *db, const struct form *f, enum lf_review_step step,
                             const struct lf_review_in *in, char out[11])
{
	char today[11];
	lf_status s;

	lf_today(today);
	if (!in->date || !*in->date)
		memcpy(out, today, 11);
	else if ((s = lf_input_date(db, "签字日期", in->date, out)))
		return s;
	if (strcmp(out, today) > 0)
		return lf_fail(db, LF_INVALID, "签字日期 %s 晚于今天（%s）。", out, today);
	if (step == LF_REVIEW_SUBMIT && f->filled[0] && strcmp(out, f->filled) < 0)
		return lf_fail(db, LF_INVALID, "提交日期 %s 早于填表日期 %s（可先修改填表日期）。", out, f->filled);
	if (f->last_date[0] && strcmp(out, f->last_date) < 0)
		return lf_fail(db, LF_INVALID, "签字日期 %s 早于上一环节的日期 %s。", out, f->last_date);
	return LF_OK;
}

static int is_grade(const char *g)
{
	int i;

	for (i = 0; lf_assess_grades[i]; i++)
		if (!strcmp(g, lf_assess_grades[i]))
			return 1;
	return 0;
}

static lf_status choose_outcome(struct lf_db *db, enum lf_review_step step, const struct lf_review_in *in,
                                struct decision *d)
{
	int returns;

	switch (step) {
	case LF_REVIEW_SUBMIT:
		d->status = "submitted";
		return LF_OK;
	case LF_REVIEW_HEAD:
	case LF_REVIEW_LEADER:
		d->result = in->reject ? "退回" : "同意";
		d->status = in->reject ? "returned" : step == LF_REVIEW_HEAD ? "head_signed" : "leader_signed";
		returns = in->reject;
		break;
	default:
		if (!in->grade || !*in->grade)
			return lf_fail(db, LF_INVALID, "评估须给出等次：准确、比较准确、基本准确或不准确。");
		if (!is_grade(in->grade))
			return lf_fail(db, LF_INVALID, "评估等次只能是 准确、比较准确、基本准确、不准确 之一，而不是“%s”。", in->grade);
		d->grade = in->grade;
		returns = !strcmp(in->grade, "基本准确") || !strcmp(in->grade, "不准确");
		d->status = returns ? "returned" : "accepted";
		break;
	}
	if (returns && !*d->opinion)
		return lf_fail(db, LF_INVALID, "退回整改时须写明意见（哪里不准确、要怎样改）。");
	if (returns && in->rework_due && *in->rework_due) {
		lf_status s = lf_input_date(db, "整改期限", in->rework_due, d->due);

		if (s)
			return s;
		if (strcmp(d->due, d->date) <= 0)
			return lf_fail(db, LF_INVALID, "整改期限 %s 应晚于签字日期 %s。", d->due, d->date);
	} else if (returns) {
		lf_date_add(d->date, REWORK_DAYS, d->due);
	}
	return LF_OK;
}

/* d->only_self and d->standin are set by the caller (permission); the rest
 * is filled here. */
static lf_status decide(struct lf_db *db, const struct form *f, enum lf_review_step step,
                        const struct lf_review_in *in, struct decision *d)
{
	const char *actor = lf_perm_actor_name(db);
	char *signer = in->signer ? lf_input_trim(in->signer) : NULL;
	lf_status s;

	snprintf(d->signer, sizeof d->signer, "%s", signer && *signer ? signer : actor);
	lf_free(signer);
	d->opinion = lf_input_trim(in->opinion ? in->opinion : "");
	if (step > LF_REVIEW_ASSESS)
		return lf_fail(db, LF_INTERNAL, "程序错误：未知的审核环节。");
	if ((s = state_for(db, f, step)) || (s = content_unchanged(db, f, step)))
		return s;
	/* Nobody reviews their own form: not the person it belongs to, nor who
	 * submitted it, whether signing or recording the signature. */
	if (step != LF_REVIEW_SUBMIT && (!strcmp(d->signer, f->person) || !strcmp(actor, f->person) ||
	                                 !strcmp(d->signer, f->sig[LF_REVIEW_SUBMIT].signer)))
		return lf_fail(db, LF_STATE, "不能审核自己的自查表（%s）。%s", !strcmp(d->signer, f->sig[LF_REVIEW_SUBMIT].signer)
		               ? d->signer : f->person, d->only_self ? standin_why(step) : "");
	if (d->standin) /* the signature says in what capacity it was given */
		snprintf(d->signer + strlen(d->signer), sizeof d->signer - strlen(d->signer), "%s", LF_REVIEW_STANDIN_MARK);
	if ((s = choose_date(db, f, step, in, d->date)))
		return s;
	return choose_outcome(db, step, in, d);
}

static lf_status record(struct lf_db *db, const struct form *f, enum lf_review_step step, const struct decision *d)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("review"));
	lf_status s;

	lf_rec_set_text(r, "selfcheck", f->gid);
	lf_rec_set_text(r, "step", step_names[step]);
	lf_rec_set_text(r, "result", d->result);
	lf_rec_set_text(r, "grade", d->grade);
	lf_rec_set_text(r, "opinion", *d->opinion ? d->opinion : NULL);
	lf_rec_set_text(r, "signer", d->signer);
	lf_rec_set_text(r, "signed", d->date);
	lf_rec_set_text(r, "rework_due", d->due[0] ? d->due : NULL);
	lf_rec_set_text(r, "content_hash", f->hash);
	s = lf_rec_put(db, r);
	lf_rec_free(r);
	if (s)
		return s;
	return lf_selfcheck_set_status(db, f->gid, d->status, d->grade, d->due[0] ? d->due : NULL,
	                               step == LF_REVIEW_SUBMIT ? d->date : NULL);
}

lf_status lf_review_check(struct lf_db *db, const char *selfcheck, enum lf_review_step step,
                          const struct lf_review_in *in)
{
	static const struct lf_review_in none;
	struct decision d;
	struct form f;
	lf_status s;

	memset(&d, 0, sizeof d);
	s = permission(db, selfcheck, step, &d);
	if (s == LF_OK)
		s = load_form(db, selfcheck, &f);
	if (s == LF_OK)
		s = decide(db, &f, step, in ? in : &none, &d);
	lf_free(d.opinion);
	return s;
}

lf_status lf_review_step(struct lf_db *db, const char *selfcheck, enum lf_review_step step,
                         const struct lf_review_in *in)
{
	static const struct lf_review_in none;
	struct decision d;
	struct form f;
	lf_status s = lf_tx_begin(db);

	memset(&d, 0, sizeof d);
	if (s)
		return s;
	s = permission(db, selfcheck, step, &d);
	if (s == LF_OK)
		s = load_form(db, selfcheck, &f);
	if (s == LF_OK)
		s = decide(db, &f, step, in ? in : &none, &d);
	if (s == LF_OK)
		s = record(db, &f, step, &d);
	lf_free(d.opinion);
	return lf_tx_end(db, s);
}

/* ------------------------------------------------------------------ history */

static void review_row(struct lf_review_list *out, sqlite3_stmt *st)
{
	struct lf_review *r = &out->v[out->n++];
	const char *hash = (const char *)sqlite3_column_text(st, 9);

	r->id = sqlite3_column_int64(st, 0);
	lf_col_gid(r->gid, st, 1);
	r->step = lf_col_str(&out->arena, st, 2);
	r->result = lf_col_str(&out->arena, st, 3);
	r->grade = lf_col_str(&out->arena, st, 4);
	r->opinion = lf_col_str(&out->arena, st, 5);
	r->signer = lf_col_str(&out->arena, st, 6);
	r->signed_on = lf_col_str(&out->arena, st, 7);
	r->rework_due = lf_col_str(&out->arena, st, 8);
	snprintf(r->content_hash, sizeof r->content_hash, "%s", hash ? hash : "");
	r->current = sqlite3_column_int(st, 10);
}

lf_status lf_review_history(struct lf_db *db, const char *selfcheck, struct lf_page *pg, struct lf_review_list *out)
{
	static const char sql[] =
		"SELECT id, gid, step, result, grade, opinion, signer, signed, rework_due, content_hash, content_hash = ?4 "
		"FROM review WHERE selfcheck = ?1 AND deleted = 0 AND "
		"(?2 = 0 OR (signed, id) > (SELECT signed, id FROM review WHERE id = ?2)) ORDER BY signed, id LIMIT ?3";
	struct lf_selfcheck_list l;
	sqlite3_stmt *st;
	char hash[65];
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = lf_selfcheck_get(db, selfcheck, &l); /* checks LF_ACT_READ */

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	lf_selfcheck_list_free(&l);
	if (s || (s = lf_selfcheck_content_hash(db, selfcheck, hash)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, selfcheck, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, review_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_review_list_free(struct lf_review_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}
