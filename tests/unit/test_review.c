/* Tests of the review chain: every transition, legal and illegal. */
#include "t.h"
#include "fixture.h"
#include "lianfang/grade.h"
#include "lianfang/rec.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <string.h>

static lf_status step(struct fx *f, const char *sc, enum lf_review_step which, const char *signer, const char *date,
                      int reject, const char *grade, const char *opinion)
{
	struct lf_review_in in = { 0 };

	in.signer = signer;
	in.date = date;
	in.reject = reject;
	in.grade = grade;
	in.opinion = opinion;
	return lf_review_step(f->db, sc, which, &in);
}

/* The form's status and grade as "status/grade". */
static const char *state(struct fx *f, const char *sc)
{
	static char buf[64];
	struct lf_selfcheck_list l;

	if (lf_selfcheck_get(f->db, sc, &l))
		return "?";
	snprintf(buf, sizeof buf, "%s/%s", l.v[0].status, l.v[0].grade ? l.v[0].grade : "");
	lf_selfcheck_list_free(&l);
	return buf;
}

static long long revisions(struct fx *f)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (lf_prepare(f->db, "SELECT count(*) FROM rev", &st) == LF_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

/* A refusal: LF_STATE (or `want`), the reason contains `why`, nothing written. */
static void refused(struct fx *f, const char *sc, enum lf_review_step which, const char *signer, const char *grade,
                    const char *opinion, lf_status want, const char *why, const char *what)
{
	long long before = revisions(f);
	char was[64];
	lf_status s;

	snprintf(was, sizeof was, "%s", state(f, sc));
	s = step(f, sc, which, signer, NULL, 0, grade, opinion);
	T_OK(s == want && strstr(f->db->err, why), "%s: refused (%s, “%s”)", what, lf_status_name(s), f->db->err);
	T_EQ_INT(revisions(f), before, "nothing written when refused");
	{
		const char *w = was;

		T_EQ_STR(state(f, sc), w, "status unchanged when refused");
	}
}

static int to_leader_signed(struct fx *f, const char *sc)
{
	return step(f, sc, LF_REVIEW_SUBMIT, "王静", "2026-04-10", 0, NULL, NULL) == LF_OK &&
	       step(f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-12", 0, NULL, "同意") == LF_OK &&
	       step(f, sc, LF_REVIEW_LEADER, "赵志强", "2026-04-14", 0, NULL, "同意处室意见") == LF_OK;
}

TEST(review_submit_needs_a_risk)
{
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-empty.db") || !fx_form(&f, 0, sc))
		return;
	refused(&f, sc, LF_REVIEW_SUBMIT, NULL, NULL, NULL, LF_STATE, "没有填写任何潜在风险", "submit without risks");
	fx_close(&f);
}

TEST(review_nothing_before_submission)
{
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-draft.db") || !fx_form(&f, 1, sc))
		return;
	refused(&f, sc, LF_REVIEW_HEAD, "李建国", NULL, NULL, LF_STATE, "尚未提交", "head on a draft");
	refused(&f, sc, LF_REVIEW_LEADER, "赵志强", NULL, NULL, LF_STATE, "尚未提交", "leader on a draft");
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "准确", NULL, LF_STATE, "尚未提交，不能评估", "grading a never-submitted form");
	fx_close(&f);
}

TEST(review_whole_chain_to_accepted)
{
	struct lf_review_list h;
	struct lf_page pg;
	char sc[33], hash[65];
	struct fx f;
	int i, all_current = 1;

	if (!fx_open(&f, "rv-chain.db") || !fx_form(&f, 2, sc))
		return;
	T_EQ_STR(state(&f, sc), "draft/", "a new form is a draft");
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-11-20", 0, NULL, NULL), LF_OK, "submit");
	T_EQ_STR(state(&f, sc), "submitted/", "submitted");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-11-21", 0, NULL, "同意"), LF_OK, "head signs");
	T_EQ_STR(state(&f, sc), "head_signed/", "head signed");
	T_STATUS(step(&f, sc, LF_REVIEW_LEADER, "赵志强", "2026-11-22", 0, NULL, NULL), LF_OK, "leader signs");
	T_EQ_STR(state(&f, sc), "leader_signed/", "leader signed");
	T_STATUS(step(&f, sc, LF_REVIEW_ASSESS, "刘纪检", NULL, 0, "准确", NULL), LF_OK, "assessed 准确");
	T_EQ_STR(state(&f, sc), "accepted/准确", "accepted with its grade");
	lf_page_init(&pg, 10);
	lf_selfcheck_content_hash(f.db, sc, hash);
	if (T_OK(lf_review_history(f.db, sc, &pg, &h) == LF_OK, "history")) {
		T_EQ_INT(h.n, 4, "four steps recorded");
		for (i = 0; i < h.n; i++)
			all_current &= h.v[i].current && !strcmp(h.v[i].content_hash, hash);
		T_OK(all_current, "every signature is for the content as it is");
		T_EQ_STR(h.v[0].step, "submit", "first the submission");
		T_EQ_STR(h.v[0].signer, "clerk", "the acting user signs when no signer is given");
		T_EQ_STR(h.v[1].signer, "李建国", "who signed as head");
		T_EQ_STR(h.v[1].signed_on, "2026-11-21", "when");
		T_EQ_STR(h.v[1].opinion, "同意", "the opinion");
		T_EQ_STR(h.v[3].grade, "准确", "the grade");
		T_EQ_STR(h.v[3].signed_on, "2026-11-23", "today by default");
		lf_review_list_free(&h);
	}
	fx_close(&f);
}

TEST(review_steps_out_of_order_and_twice)
{
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-order.db") || !fx_form(&f, 1, sc))
		return;
	step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-10", 0, NULL, NULL);
	refused(&f, sc, LF_REVIEW_SUBMIT, NULL, NULL, NULL, LF_STATE, "不能重复提交", "submit twice");
	refused(&f, sc, LF_REVIEW_LEADER, "赵志强", NULL, NULL, LF_STATE, "处室负责人尚未签字", "leader before head");
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "准确", NULL, LF_STATE, "签字后才能评估", "assess before signatures");
	step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-12", 0, NULL, NULL);
	refused(&f, sc, LF_REVIEW_HEAD, "李建国", NULL, NULL, LF_STATE, "不能重复签字", "head approves twice");
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "准确", NULL, LF_STATE, "签字后才能评估", "assess before the leader");
	step(&f, sc, LF_REVIEW_LEADER, "赵志强", "2026-04-14", 0, NULL, NULL);
	refused(&f, sc, LF_REVIEW_LEADER, "赵志强", NULL, NULL, LF_STATE, "分管领导已于 2026-04-14 签字", "leader twice");
	refused(&f, sc, LF_REVIEW_HEAD, "李建国", NULL, NULL, LF_STATE, "不能重复签字", "head after the leader");
	step(&f, sc, LF_REVIEW_ASSESS, "刘纪检", NULL, 0, "比较准确", NULL);
	T_EQ_STR(state(&f, sc), "accepted/比较准确", "比较准确 is accepted");
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "准确", NULL, LF_STATE, "不能重复评估", "assess twice");
	refused(&f, sc, LF_REVIEW_SUBMIT, NULL, NULL, NULL, LF_STATE, "已评估通过", "submit an accepted form");
	fx_close(&f);
}

TEST(review_not_your_own_form)
{
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-own.db") || !fx_form(&f, 1, sc))
		return;
	step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-10", 0, NULL, NULL);
	refused(&f, sc, LF_REVIEW_HEAD, "王静", NULL, NULL, LF_STATE, "不能审核自己的自查表", "signing one's own form");
	snprintf(f.db->actor, sizeof f.db->actor, "%s", "王静");
	refused(&f, sc, LF_REVIEW_HEAD, "李建国", NULL, NULL, LF_STATE, "不能审核自己的自查表",
	        "recording a head's signature on one's own form");
	fx_close(&f);
}

TEST(review_returned_until_accurate)
{
	struct lf_selfcheck_list l;
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-return.db") || !fx_form(&f, 1, sc) || !T_OK(to_leader_signed(&f, sc), "to the leader"))
		return;
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "不准确", NULL, LF_INVALID, "须写明意见", "return without an opinion");
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "很好", NULL, LF_INVALID, "只能是 准确", "an unknown grade");
	T_STATUS(step(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "2026-04-20", 0, "不准确", "风险点不具体"), LF_OK, "graded 不准确");
	T_EQ_STR(state(&f, sc), "returned/不准确", "不准确 returns the form");
	if (lf_selfcheck_get(f.db, sc, &l) == LF_OK) {
		T_EQ_STR(l.v[0].rework_due, "2026-05-05", "rework deadline: 15 days after the assessment");
		T_OK(l.v[0].overdue, "past its deadline on 2026-11-23: overdue");
		lf_selfcheck_list_free(&l);
	}
	refused(&f, sc, LF_REVIEW_HEAD, "李建国", NULL, NULL, LF_STATE, "退回整改", "head on a returned form");
	refused(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "准确", NULL, LF_STATE, "重新提交", "assess a returned form again");
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, "王静", "2026-04-28", 0, NULL, NULL), LF_OK, "resubmitted after rework");
	T_EQ_STR(state(&f, sc), "submitted/", "resubmission clears the old grade");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-29", 0, NULL, NULL), LF_OK, "head again");
	T_STATUS(step(&f, sc, LF_REVIEW_LEADER, "赵志强", "2026-04-30", 0, NULL, NULL), LF_OK, "leader again");
	T_STATUS(step(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "2026-05-03", 0, "基本准确", "措施仍不够具体"), LF_OK, "基本准确");
	T_EQ_STR(state(&f, sc), "returned/基本准确", "基本准确 returns it too");
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, "王静", "2026-05-06", 0, NULL, NULL), LF_OK, "resubmitted");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-05-06", 0, NULL, NULL), LF_OK, "head");
	T_STATUS(step(&f, sc, LF_REVIEW_LEADER, "赵志强", "2026-05-07", 0, NULL, NULL), LF_OK, "leader");
	T_STATUS(step(&f, sc, LF_REVIEW_ASSESS, "刘纪检", "2026-05-08", 0, "准确", NULL), LF_OK, "准确 at last");
	T_EQ_STR(state(&f, sc), "accepted/准确", "accepted");
	fx_close(&f);
}

TEST(review_head_or_leader_may_return)
{
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-headret.db") || !fx_form(&f, 1, sc))
		return;
	step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-10", 0, NULL, NULL);
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-11", 1, NULL, NULL), LF_INVALID,
	         "a return needs an opinion");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-11", 1, NULL, "请结合窗口实际补充"), LF_OK, "head returns");
	T_EQ_STR(state(&f, sc), "returned/", "returned by the head, no grade");
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-15", 0, NULL, NULL), LF_OK, "resubmitted");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-16", 0, NULL, NULL), LF_OK, "head approves");
	T_STATUS(step(&f, sc, LF_REVIEW_LEADER, "赵志强", "2026-04-17", 1, NULL, "措施不具体"), LF_OK, "leader returns");
	T_EQ_STR(state(&f, sc), "returned/", "returned by the leader");
	fx_close(&f);
}

TEST(review_editing_sends_a_signed_form_back)
{
	struct lf_review_list h;
	struct lf_risk_list rl;
	struct lf_risk_in edit = { 0 };
	struct lf_measure_list ml;
	struct lf_measure_in done = { 0 };
	struct lf_page pg;
	struct fx f;
	char sc[33];
	int reopened = 0;

	if (!fx_open(&f, "rv-edit.db") || !fx_form(&f, 1, sc))
		return;
	step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-10", 0, NULL, NULL);
	step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-12", 0, NULL, NULL);
	lf_page_init(&pg, 10);
	if (!T_OK(lf_risk_list(f.db, sc, 0, &pg, &rl) == LF_OK && rl.n == 1, "the form's risk"))
		return;
	edit.description = "对材料不全的申请违规受理，或对符合条件的故意刁难、拖延";
	T_STATUS(lf_risk_edit(f.db, rl.v[0].gid, &edit, &reopened), LF_OK, "edit a risk of a signed form");
	T_OK(reopened, "the edit says it sent the form back");
	T_EQ_STR(state(&f, sc), "draft/", "back to draft");
	refused(&f, sc, LF_REVIEW_LEADER, "赵志强", NULL, NULL, LF_STATE, "尚未提交", "the leader cannot sign the edited form");
	lf_page_init(&pg, 10);
	if (lf_review_history(f.db, sc, &pg, &h) == LF_OK) {
		T_OK(h.n == 2 && !h.v[0].current && !h.v[1].current, "old signatures stay in the history, no longer current");
		lf_review_list_free(&h);
	}
	/* The same edit again changes nothing: no revision, still a draft. */
	T_STATUS(lf_risk_edit(f.db, rl.v[0].gid, &edit, &reopened), LF_OK, "same text again");
	T_OK(!reopened, "an edit that changes nothing sends nothing back");
	/* Through to accepted; then the level and a measure's progress are not content. */
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, NULL, 0, NULL, NULL), LF_OK, "resubmit the edited form");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", NULL, 0, NULL, NULL), LF_OK, "head");
	T_STATUS(step(&f, sc, LF_REVIEW_LEADER, "赵志强", NULL, 0, NULL, NULL), LF_OK, "leader");
	T_STATUS(step(&f, sc, LF_REVIEW_ASSESS, "刘纪检", NULL, 0, "准确", NULL), LF_OK, "assess");
	T_EQ_STR(state(&f, sc), "accepted/准确", "accepted");
	T_STATUS(lf_grade_set_level(f.db, rl.v[0].gid, "高", "近年发生过同类案件"), LF_OK, "the leadership sets the level");
	T_EQ_STR(state(&f, sc), "accepted/准确", "setting the level does not send the form back");
	lf_page_init(&pg, 10);
	if (lf_measure_list(f.db, rl.v[0].gid, &pg, &ml) == LF_OK && ml.n == 1) {
		done.status = "已完成";
		T_STATUS(lf_measure_edit(f.db, ml.v[0].gid, &done, &reopened), LF_OK, "a measure is done");
		T_OK(!reopened, "progress on a measure is not content");
		done.status = NULL;
		done.content = "公开办事指南，推行“最多跑一次”";
		T_STATUS(lf_measure_edit(f.db, ml.v[0].gid, &done, &reopened), LF_OK, "a measure's text changes");
		T_OK(reopened, "changing a measure's text sends the accepted form back");
		lf_measure_list_free(&ml);
	}
	T_EQ_STR(state(&f, sc), "draft/", "draft again, grade cleared");
	lf_risk_list_free(&rl);
	fx_close(&f);
}

TEST(review_refuses_a_stale_signature)
{
	struct lf_risk_list rl;
	struct lf_rec *r;
	struct lf_page pg;
	struct fx f;
	char sc[33];

	if (!fx_open(&f, "rv-stale.db") || !fx_form(&f, 1, sc))
		return;
	step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-10", 0, NULL, NULL);
	step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-12", 0, NULL, NULL);
	lf_page_init(&pg, 10);
	lf_risk_list(f.db, sc, 0, &pg, &rl);
	/* Content changed behind the model's back (as a merged revision might). */
	r = lf_rec_new(lf_kind_find("risk"));
	lf_rec_load(f.db, r->kind, rl.v[0].gid, r);
	lf_rec_set_text(r, "description", "被直接改动的内容");
	T_STATUS(lf_rec_put(f.db, r), LF_OK, "raw edit");
	lf_rec_free(r);
	lf_risk_list_free(&rl);
	refused(&f, sc, LF_REVIEW_LEADER, "赵志强", NULL, NULL, LF_STATE, "原签字不再有效", "leader on changed content");
	fx_close(&f);
}

TEST(review_dates)
{
	struct fx f;
	char sc[33];
	struct lf_selfcheck_in in = { NULL, "2026-04-08" };

	if (!fx_open(&f, "rv-dates.db") || !fx_form(&f, 1, sc))
		return;
	lf_selfcheck_edit(f.db, sc, &in, NULL);
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-04-01", 0, NULL, NULL), LF_INVALID, "before the form was filled");
	T_OK(strstr(f.db->err, "早于填表日期") != NULL, "says why: %s", f.db->err);
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-12-01", 0, NULL, NULL), LF_INVALID, "in the future");
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026-13-01", 0, NULL, NULL), LF_INVALID, "not a date");
	T_OK(strstr(f.db->err, "签字日期") != NULL, "names the field: %s", f.db->err);
	T_STATUS(step(&f, sc, LF_REVIEW_SUBMIT, NULL, "2026年4月10日", 0, NULL, NULL), LF_OK, "a date as written by hand");
	T_STATUS(step(&f, sc, LF_REVIEW_HEAD, "李建国", "2026-04-09", 0, NULL, NULL), LF_INVALID, "before the submission");
	T_OK(strstr(f.db->err, "早于上一环节") != NULL, "says why: %s", f.db->err);
	fx_close(&f);
}
