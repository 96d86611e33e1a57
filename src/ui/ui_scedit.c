/* ui_scedit: the sheets behind the self-check form (ui_scform.c) — the form's
 * header (duties, date), a risk point, a measure, a step of the review chain
 * and the leadership's level. Labels and help come from forms/ (risk.form,
 * measure.form, review.form, selfcheck.form) where they say it; the choices
 * and the matrix come from the unit's grading scheme (grade.h) when the sheet
 * opens; every save goes through the model module that owns the record,
 * which checks the role, the state of the form and the values. */
#include "ui_p2.h"
#include "ui_access.h"
#include "lianfang/grade.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What every sheet here carries. */
struct ed {
	char gid[LF_GID_LEN + 1];    /* the record edited, "" for a new one */
	char owner[LF_GID_LEN + 1];  /* the form (a new risk, the header, a review) or risk (a new measure) */
	enum lf_review_step step;
	struct lf_scheme sc;
	int have_scheme;
	lf_saved_fn done;
	void *ctx;
	int f[LF_SHEET_MAX];         /* field indexes by the sheet's own names below */
	char *was[3];                /* a measure's content, stage and rule as loaded: only changes are sent */
};

static void ed_free(struct lf_sheet *sh)
{
	struct ed *e = sh->ctx;

	if (e->have_scheme)
		lf_scheme_free(&e->sc);
	for (size_t i = 0; i < LF_COUNT(e->was); i++)
		lf_free(e->was[i]);
	lf_free(e);
}

static struct ed *ed_new(const char *gid, const char *owner, lf_saved_fn done, void *ctx)
{
	struct ed *e = lf_alloc(sizeof *e);

	snprintf(e->gid, sizeof e->gid, "%s", gid ? gid : "");
	snprintf(e->owner, sizeof e->owner, "%s", owner ? owner : "");
	e->done = done;
	e->ctx = ctx;
	return e;
}

/* The label (or help) of a field in forms/<form>.form, else `fallback`. */
static const char *flabel(struct lf_ui *ui, const char *form, const char *field, const char *fallback, int help)
{
	const struct lf_form *f = lf_formset_get(lf_ui_ctx(ui)->forms, form);
	const struct lf_form_field *fd = f ? lf_form_field(f, field) : NULL;

	if (!fd)
		return fallback;
	return help ? (fd->help ? fd->help : fallback) : fd->label;
}

static const char *kind_label(const char *kind, const char *field)
{
	const struct lf_kind *k = lf_kind_find(kind);
	int i = lf_field_index(k, field);

	return i >= 0 ? k->fields[i].label : NULL;
}

static void said(struct lf_sheet *sh, const char *msg, int reopened)
{
	lf_free(sh->saved_msg);
	sh->saved_msg = lf_strdup(msg);
	if (reopened) {
		char *m = lf_printf("%s自查表已退回“填写中”，原来的签字失效，请修改完后重新提交。", sh->saved_msg);

		lf_free(sh->saved_msg);
		sh->saved_msg = m;
	}
}

/* ------------------------------------------------------------------ the header */

enum { H_DUTIES, H_FILLED };

static lf_status header_save(struct lf_sheet *sh)
{
	struct ed *e = sh->ctx;
	struct lf_selfcheck_in in = { lf_sheet_text(sh, e->f[H_DUTIES]), lf_sheet_text(sh, e->f[H_FILLED]) };
	int reopened = 0;
	lf_status s = lf_selfcheck_edit(lf_ui_ctx(sh->base.ui)->db, e->owner, &in, &reopened);

	if (s == LF_OK) {
		said(sh, "已保存岗位职责和填表日期。", reopened);
		if (e->done)
			e->done(e->ctx, e->owner);
	}
	return s;
}

static const struct lf_sheet_ops header_ops = { .save = header_save, .free = ed_free };


lf_status lf_header_sheet_open(struct lf_ui *ui, const char *selfcheck, lf_saved_fn done, void *ctx)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_selfcheck_list l;
	struct lf_sheet *sh;
	struct ed *e;
	char intro[400];
	lf_status s = lf_selfcheck_get(db, selfcheck, &l);

	if (s)
		return s;
	e = ed_new(selfcheck, selfcheck, done, ctx);
	sh = lf_sheet_new("岗位职责", &header_ops, e, "p2.selfcheck", selfcheck);
	lf_sheet_record(sh, "selfcheck", selfcheck);
	snprintf(intro, sizeof intro, "%s　%s　%s：岗位职责照岗位职责填写，可以结合实际补充。", l.v[0].dept_name,
	         l.v[0].post_name, l.v[0].person_name);
	lf_sheet_intro(sh, intro);
	e->f[H_DUTIES] = lf_sheet_add(sh, "duties", flabel(ui, "selfcheck", "duties", "岗位职责", 0), LF_SH_AREA,
	                              l.v[0].duties, 5000, 0, flabel(ui, "selfcheck", "duties", NULL, 1));
	e->f[H_FILLED] = lf_sheet_add(sh, "filled", flabel(ui, "selfcheck", "filled", "填表日期", 0), LF_SH_DATE,
	                              l.v[0].filled, 0, 0, "纸质表上的填表日期。");
	lf_selfcheck_list_free(&l);
	lf_sheet_open(ui, sh);
	return LF_OK;
}

/* ------------------------------------------------------------------ a risk */

enum { R_DESC, R_CATEGORY, R_SOURCE, R_FOUND, R_PROB, R_SEV, R_PROPOSED, R_REMARKS };

/* "2 较高" from a score; "" for 0. */
static void score_text(const struct lf_scheme *sc, char names[][LF_LABEL_MAX], int v, char *out, size_t len)
{
	if (v >= 1 && v <= sc->size)
		snprintf(out, len, "%d %s", v, names[v]);
	else
		out[0] = 0;
}

static int score_of(const char *text)
{
	return text && *text ? atoi(text) : 0;
}

static void risk_changed(struct lf_sheet *sh, int i)
{
	struct ed *e = sh->ctx;
	int p, s, level;
	char buf[200];

	if (i != e->f[R_PROB] && i != e->f[R_SEV] && i >= 0)
		return;
	p = score_of(lf_sheet_text(sh, e->f[R_PROB]));
	s = score_of(lf_sheet_text(sh, e->f[R_SEV]));
	level = e->have_scheme ? lf_scheme_propose(&e->sc, p, s) : 0;
	if (level)
		snprintf(buf, sizeof buf, "%s（按本单位 %d×%d 矩阵：发生概率 %s × 危害程度 %s）",
		         lf_scheme_level_name(&e->sc, level), e->sc.size, e->sc.size, e->sc.prob[p], e->sc.severity[s]);
	else
		snprintf(buf, sizeof buf, "（选定发生概率和危害程度后，按本单位的矩阵算出）");
	lf_sheet_set(sh, e->f[R_PROPOSED], buf);
}

static lf_status risk_save(struct lf_sheet *sh)
{
	struct ed *e = sh->ctx;
	struct lf_db *db = lf_ui_ctx(sh->base.ui)->db;
	struct lf_risk_in in;
	char p[8], s[8], gid[LF_GID_LEN + 1];
	int reopened = 0;
	lf_status st;

	memset(&in, 0, sizeof in);
	snprintf(p, sizeof p, "%d", score_of(lf_sheet_text(sh, e->f[R_PROB])));
	snprintf(s, sizeof s, "%d", score_of(lf_sheet_text(sh, e->f[R_SEV])));
	in.description = lf_sheet_text(sh, e->f[R_DESC]);
	/* "" clears a field on an edit; a new risk leaves it unset */
	in.category = lf_sheet_text(sh, e->f[R_CATEGORY]);
	in.source = lf_sheet_text(sh, e->f[R_SOURCE]);
	in.found_by = lf_sheet_text(sh, e->f[R_FOUND]);
	in.probability = strcmp(p, "0") ? p : "";
	in.severity = strcmp(s, "0") ? s : "";
	in.remarks = lf_sheet_text(sh, e->f[R_REMARKS]);
	if (!e->gid[0]) {
		in.category = *in.category ? in.category : NULL;
		in.source = *in.source ? in.source : NULL;
		in.found_by = *in.found_by ? in.found_by : NULL;
		in.probability = *in.probability ? in.probability : NULL;
		in.severity = *in.severity ? in.severity : NULL;
		in.remarks = *in.remarks ? in.remarks : NULL;
		st = lf_risk_add(db, e->owner, &in, gid);
		if (st == LF_OK) {
			said(sh, "已添加风险点。选中它按 F6 或 m 添加防控措施。", 0);
			if (e->done)
				e->done(e->ctx, gid);
		}
		return st;
	}
	st = lf_risk_edit(db, e->gid, &in, &reopened);
	if (st == LF_OK) {
		said(sh, "已保存风险点。", reopened);
		if (e->done)
			e->done(e->ctx, e->gid);
	}
	return st;
}

static const struct lf_sheet_ops risk_ops = { .save = risk_save, .changed = risk_changed, .free = ed_free };

static int add_choice(struct lf_sheet *sh, struct lf_ui *ui, const char *name, const char *fallback,
                      char *const *list, const char *value)
{
	int n = 0, i;

	while (list[n])
		n++;
	i = lf_sheet_add(sh, name, flabel(ui, "risk", name, fallback, 0), LF_SH_CHOICE, value, 0, 0,
	                 flabel(ui, "risk", name, NULL, 1));
	lf_sheet_choices(sh, i, list, n);
	lf_sheet_also(sh, i, kind_label("risk", name));
	return i;
}

static int add_score(struct lf_sheet *sh, struct lf_ui *ui, struct ed *e, const char *name, const char *fallback,
                     char names[][LF_LABEL_MAX], int v)
{
	char *choices[LF_MATRIX_MAX], cur[LF_LABEL_MAX + 8];
	int i, k;

	score_text(&e->sc, names, v, cur, sizeof cur);
	i = lf_sheet_add(sh, name, flabel(ui, "risk", name, fallback, 0), LF_SH_CHOICE, cur, 0, 0,
	                 flabel(ui, "risk", name, NULL, 1));
	for (k = 1; k <= e->sc.size; k++)
		choices[k - 1] = lf_printf("%d %s", k, names[k]);
	lf_sheet_choices(sh, i, choices, e->sc.size);
	for (k = 1; k <= e->sc.size; k++)
		lf_free(choices[k - 1]);
	lf_sheet_also(sh, i, kind_label("risk", name));
	return i;
}


lf_status lf_risk_sheet_open(struct lf_ui *ui, const char *selfcheck, const char *risk, lf_saved_fn done, void *ctx)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_risk_list rl;
	const struct lf_risk *r = NULL;
	struct lf_sheet *sh;
	struct ed *e;
	char intro[600], title[64];
	lf_status s;

	memset(&rl, 0, sizeof rl);
	if (risk && (s = lf_risk_get(db, risk, &rl)))
		return s;
	if (risk)
		r = &rl.v[0];
	e = ed_new(risk, selfcheck, done, ctx);
	if ((s = lf_scheme_load(db, &e->sc))) {
		lf_free(e);
		lf_risk_list_free(&rl);
		return s;
	}
	e->have_scheme = 1;
	if (r)
		snprintf(title, sizeof title, "修改风险点 %d", r->seq);
	else
		snprintf(title, sizeof title, "新的风险点");
	sh = lf_sheet_new(title, &risk_ops, e, r ? "p2.risk" : "p2.risk-new", r ? risk : selfcheck);
	lf_sheet_record(sh, "risk", r ? risk : NULL);
	snprintf(intro, sizeof intro, "具体写出这个岗位在履行职责、行使权力中可能怎样出问题。发生概率和危害程度按本单位的"
	                              "分级矩阵给出建议等级%s。",
	         r && r->level_reason ? "；领导小组审定的等级另行保留" : "");
	lf_sheet_intro(sh, intro);
	e->f[R_DESC] = lf_sheet_add(sh, "description", flabel(ui, "risk", "description", "潜在风险", 0), LF_SH_AREA,
	                            r ? r->description : NULL, 500, 1, flabel(ui, "risk", "description", NULL, 1));
	lf_sheet_also(sh, e->f[R_DESC], kind_label("risk", "description"));
	e->f[R_CATEGORY] = add_choice(sh, ui, "category", "风险类别", e->sc.categories, r ? r->category : NULL);
	e->f[R_SOURCE] = add_choice(sh, ui, "source", "风险来源", e->sc.sources, r ? r->source : NULL);
	e->f[R_FOUND] = add_choice(sh, ui, "found_by", "查找方式", e->sc.found_by,
	                           r ? r->found_by : lf_scheme_has(e->sc.found_by, "个人自查") ? "个人自查" : NULL);
	e->f[R_PROB] = add_score(sh, ui, e, "probability", "发生概率", e->sc.prob, r ? r->probability : 0);
	e->f[R_SEV] = add_score(sh, ui, e, "severity", "危害程度", e->sc.severity, r ? r->severity : 0);
	e->f[R_PROPOSED] = lf_sheet_add(sh, "level_proposed", flabel(ui, "risk", "level_proposed", "建议等级", 0),
	                                LF_SH_SHOW, "", 0, 0, flabel(ui, "risk", "level_proposed", NULL, 1));
	e->f[R_REMARKS] = lf_sheet_add(sh, "remarks", flabel(ui, "risk", "remarks", "备注", 0), LF_SH_LINE,
	                               r ? r->remarks : NULL, 200, 0, flabel(ui, "risk", "remarks", NULL, 1));
	/* a new risk's found-by is preset, not typed: it is no change */
	risk_changed(sh, -1);
	lf_risk_list_free(&rl);
	lf_sheet_open(ui, sh);
	return LF_OK;
}

/* ------------------------------------------------------------------ a measure */

enum { M_CONTENT, M_STAGE, M_RULE, M_RESP, M_SUPER, M_DUE, M_STATUS };

static char *const stages[] = { "前期预防", "中期监控", "后期处置" };
static char *const measure_states[] = { "计划", "进行中", "已完成" };

static lf_status measure_save(struct lf_sheet *sh)
{
	struct ed *e = sh->ctx;
	struct lf_db *db = lf_ui_ctx(sh->base.ui)->db;
	struct lf_measure_in in;
	char gid[LF_GID_LEN + 1];
	int reopened = 0;
	lf_status st;

	memset(&in, 0, sizeof in);
	in.content = lf_sheet_text(sh, e->f[M_CONTENT]);
	in.stage = lf_sheet_text(sh, e->f[M_STAGE]);
	in.rule = lf_sheet_text(sh, e->f[M_RULE]);
	in.responsible = lf_sheet_text(sh, e->f[M_RESP]);
	in.supervisor = lf_sheet_text(sh, e->f[M_SUPER]);
	in.due = lf_sheet_text(sh, e->f[M_DUE]);
	in.status = lf_sheet_or_null(sh, e->f[M_STATUS]);
	if (!e->gid[0]) {
		in.stage = *in.stage ? in.stage : NULL;
		in.rule = *in.rule ? in.rule : NULL;
		in.responsible = *in.responsible ? in.responsible : NULL;
		in.supervisor = *in.supervisor ? in.supervisor : NULL;
		in.due = *in.due ? in.due : NULL;
		st = lf_measure_add(db, e->owner, &in, gid, &reopened);
		if (st == LF_OK) {
			said(sh, "已添加防控措施。", reopened);
			if (e->done)
				e->done(e->ctx, gid);
		}
		return st;
	}
	/* what the person wrote is sent only when it changed: an edit of the
	 * carrying-out alone is the department's to make at any time */
	if (e->was[0] && !strcmp(in.content, e->was[0]))
		in.content = NULL;
	if (e->was[1] && !strcmp(in.stage, e->was[1]))
		in.stage = NULL;
	if (e->was[2] && !strcmp(in.rule, e->was[2]))
		in.rule = NULL;
	st = lf_measure_edit(db, e->gid, &in, &reopened);
	if (st == LF_OK) {
		said(sh, "已保存防控措施。", reopened);
		if (e->done)
			e->done(e->ctx, e->gid);
	}
	return st;
}

static const struct lf_sheet_ops measure_ops = { .save = measure_save, .free = ed_free };


lf_status lf_measure_sheet_open(struct lf_ui *ui, const char *risk, const char *measure, lf_saved_fn done, void *ctx)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_measure_list ml;
	struct lf_risk_list rl;
	const struct lf_measure *m = NULL;
	struct lf_page pg;
	struct lf_sheet *sh;
	struct ed *e;
	char *intro, title[64];
	lf_status s;
	int i, words;

	memset(&ml, 0, sizeof ml);
	if ((s = lf_risk_get(db, risk, &rl)))
		return s;
	if (measure) {
		lf_page_init(&pg, LF_PAGE_MAX);
		if ((s = lf_measure_list(db, risk, &pg, &ml))) {
			lf_risk_list_free(&rl);
			return s;
		}
		for (i = 0; i < ml.n; i++)
			if (!strcmp(ml.v[i].gid, measure))
				m = &ml.v[i];
		if (!m) {
			lf_risk_list_free(&rl);
			lf_measure_list_free(&ml);
			return lf_fail(db, LF_NOTFOUND, "找不到这条防控措施，可能已被删除。");
		}
	}
	e = ed_new(measure, risk, done, ctx);
	/* the words of a form's measure are the person's while they may edit
	 * the form; the department may still record how it is carried out */
	words = !m || !rl.v[0].selfcheck[0] || lf_may_edit_form(db, rl.v[0].selfcheck) == LF_OK;
	if (m) {
		e->was[0] = lf_strdup(m->content ? m->content : "");
		e->was[1] = lf_strdup(m->stage ? m->stage : "");
		e->was[2] = lf_strdup(m->rule ? m->rule : "");
		snprintf(title, sizeof title, "修改措施 %d.%d", rl.v[0].seq, m->seq);
	} else
		snprintf(title, sizeof title, "风险 %d 的新措施", rl.v[0].seq);
	sh = lf_sheet_new(title, &measure_ops, e, m ? "p2.measure" : "p2.measure-new", m ? measure : risk);
	lf_sheet_record(sh, "measure", m ? measure : NULL);
	intro = lf_printf("风险点 %d：%s%s", rl.v[0].seq, rl.v[0].description,
	                  words ? "" : "\n措施的内容、阶段和制度是本人在自查表上写的，这里不能改；可以记录落实情况：责任人、"
	                               "监督人、完成期限和进度。");
	lf_sheet_intro(sh, intro);
	lf_free(intro);
	e->f[M_CONTENT] = lf_sheet_add(sh, "content", flabel(ui, "measure", "content", "防控措施", 0),
	                               words ? LF_SH_AREA : LF_SH_SHOW, m ? m->content : NULL, 1000, words,
	                               flabel(ui, "measure", "content", NULL, 1));
	lf_sheet_also(sh, e->f[M_CONTENT], "措施内容");
	e->f[M_STAGE] = lf_sheet_add(sh, "stage", flabel(ui, "measure", "stage", "防控阶段", 0),
	                             words ? LF_SH_CHOICE : LF_SH_SHOW, m ? m->stage : NULL, 0, 0,
	                             flabel(ui, "measure", "stage", NULL, 1));
	if (words)
		lf_sheet_choices(sh, e->f[M_STAGE], stages, 3);
	e->f[M_RULE] = lf_sheet_add(sh, "rule", flabel(ui, "measure", "rule", "相关制度", 0),
	                            words ? LF_SH_LINE : LF_SH_SHOW, m ? m->rule : NULL, 100, 0,
	                            flabel(ui, "measure", "rule", NULL, 1));
	e->f[M_RESP] = lf_sheet_add(sh, "responsible", flabel(ui, "measure", "responsible", "责任人", 0),
	                            LF_SH_PERSON, m && m->responsible[0] ? m->responsible : NULL, 0, 0, "落实这项措施的人。");
	e->f[M_SUPER] = lf_sheet_add(sh, "supervisor", flabel(ui, "measure", "supervisor", "监督人", 0), LF_SH_PERSON,
	                             m && m->supervisor[0] ? m->supervisor : NULL, 0, 0, "监督这项措施落实的人。");
	e->f[M_DUE] = lf_sheet_add(sh, "due", flabel(ui, "measure", "due", "完成期限", 0), LF_SH_DATE,
	                           m ? m->due : NULL, 0, 0, "措施应完成的日期。");
	e->f[M_STATUS] = lf_sheet_add(sh, "status", "落实情况", LF_SH_CHOICE,
	                              m ? lf_measure_status_label(m->status) : "计划", 0, 0, "计划、进行中或已完成。");
	lf_sheet_choices(sh, e->f[M_STATUS], measure_states, 3);
	lf_risk_list_free(&rl);
	lf_measure_list_free(&ml);
	lf_sheet_open(ui, sh);
	return LF_OK;
}

/* ------------------------------------------------------------------ a review step */

enum { V_RESULT, V_OPINION, V_DUE, V_DATE, V_SIGNER };

static char *const results[] = { "同意", "退回修改" };

static lf_status review_save(struct lf_sheet *sh)
{
	struct ed *e = sh->ctx;
	struct lf_db *db = lf_ui_ctx(sh->base.ui)->db;
	struct lf_review_in in;
	const char *result = lf_sheet_text(sh, e->f[V_RESULT]);
	lf_status s;

	memset(&in, 0, sizeof in);
	if (e->step == LF_REVIEW_ASSESS)
		in.grade = result;
	else
		in.reject = !strcmp(result, results[1]);
	in.opinion = lf_sheet_text(sh, e->f[V_OPINION]);
	in.rework_due = lf_sheet_or_null(sh, e->f[V_DUE]);
	in.date = lf_sheet_or_null(sh, e->f[V_DATE]);
	in.signer = lf_sheet_or_null(sh, e->f[V_SIGNER]);
	s = lf_review_step(db, e->owner, e->step, &in);
	if (s == LF_INVALID && strstr(db->err, "意见"))
		sh->bad = e->f[V_OPINION];
	if (s == LF_OK) {
		lf_free(sh->saved_msg);
		if (e->step == LF_REVIEW_ASSESS)
			sh->saved_msg = lf_printf("已评定为“%s”%s。", result,
			                          !strcmp(result, "基本准确") || !strcmp(result, "不准确") ? "，退回本人限期整改" : "，评估通过");
		else
			sh->saved_msg = lf_strdup(in.reject ? "已退回本人修改。" : "已签字同意。");
		if (e->done)
			e->done(e->ctx, e->owner);
	}
	return s;
}

static const struct lf_sheet_ops review_ops = { .save = review_save, .free = ed_free };


lf_status lf_review_sheet_open(struct lf_ui *ui, const char *selfcheck, enum lf_review_step step, lf_saved_fn done,
                               void *ctx)
{
	static const char *const titles[] = { "提交", "处室负责人审核", "分管领导审核", "质量评估" };
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_selfcheck_list l;
	struct lf_sheet *sh;
	struct lf_me me;
	struct ed *e;
	char *intro, today[11], draft[32];
	lf_status s;

	if (step == LF_REVIEW_SUBMIT || step > LF_REVIEW_ASSESS)
		return lf_fail(db, LF_INTERNAL, "程序错误：这一步不用填写意见。");
	if ((s = lf_selfcheck_get(db, selfcheck, &l)))
		return s;
	lf_me_load(db, &me);
	lf_today(today);
	e = ed_new(NULL, selfcheck, done, ctx);
	e->step = step;
	snprintf(draft, sizeof draft, "p2.review-%s", lf_review_step_name(step));
	sh = lf_sheet_new(titles[step], &review_ops, e, draft, selfcheck);
	lf_sheet_record(sh, "selfcheck", selfcheck);
	if (step == LF_REVIEW_ASSESS)
		intro = lf_printf("评估%s（%s，%s）的自查表，共 %d 项风险。评为准确或比较准确即评估通过；评为基本准确或"
		                  "不准确的退回本人限期整改（要写明意见；整改期限不填为 15 天后）。",
		                  l.v[0].person_name, l.v[0].dept_name, l.v[0].post_name, l.v[0].risks);
	else
		intro = lf_printf("以%s身份审核%s（%s，%s）的自查表，共 %d 项风险。同意即签字%s；退回时写明意见，"
		                  "本人限期修改（整改期限不填为 15 天后）。",
		                  step == LF_REVIEW_HEAD ? "处室负责人" : "分管领导", l.v[0].person_name, l.v[0].dept_name,
		                  l.v[0].post_name, l.v[0].risks,
		                  step == LF_REVIEW_HEAD ? "，交分管领导审核" : "，交评估组评估");
	lf_sheet_intro(sh, intro);
	lf_free(intro);
	if (step == LF_REVIEW_ASSESS) {
		e->f[V_RESULT] = lf_sheet_add(sh, "grade", flabel(ui, "review", "grade", "评估等次", 0), LF_SH_CHOICE, NULL,
		                              0, 1, flabel(ui, "review", "grade", NULL, 1));
		lf_sheet_choices(sh, e->f[V_RESULT], (char *const *)lf_assess_grades, 4);
	} else {
		e->f[V_RESULT] = lf_sheet_add(sh, "result", flabel(ui, "review", "result", "审核结果", 0), LF_SH_CHOICE,
		                              results[0], 0, 1, flabel(ui, "review", "result", NULL, 1));
		lf_sheet_choices(sh, e->f[V_RESULT], results, 2);
	}
	e->f[V_OPINION] = lf_sheet_add(sh, "opinion", flabel(ui, "review", "opinion", "意见", 0), LF_SH_AREA, NULL,
	                               1000, 0, "退回或评为基本准确、不准确时必须写明：哪里不准确，要怎样改。");
	e->f[V_DUE] = lf_sheet_add(sh, "rework_due", flabel(ui, "review", "rework_due", "整改期限", 0), LF_SH_DATE,
	                           NULL, 0, 0, "退回时本人重新提交的期限；不填为签字后 15 天。");
	lf_sheet_also(sh, e->f[V_DUE], "整改期限");
	e->f[V_DATE] = lf_sheet_add(sh, "signed", "签字日期", LF_SH_DATE, today, 0, 0, "签字的日期，不能晚于今天。");
	lf_sheet_also(sh, e->f[V_DATE], "签字日期");
	e->f[V_SIGNER] = lf_sheet_add(sh, "signer", "签字人", LF_SH_LINE, me.name, 40, 0,
	                              "默认是你自己。代为登记纸质表上的签字时，改成签字人的姓名（登记人仍记入修改记录）。");
	lf_selfcheck_list_free(&l);
	lf_sheet_open(ui, sh);
	return LF_OK;
}

/* ------------------------------------------------------------------ the level */

enum { G_LEVEL, G_REASON };

static lf_status level_save(struct lf_sheet *sh)
{
	struct ed *e = sh->ctx;
	struct lf_db *db = lf_ui_ctx(sh->base.ui)->db;
	const char *level = lf_sheet_text(sh, e->f[G_LEVEL]);
	char name[LF_LABEL_MAX];
	lf_status s;

	/* "按建议（中）" goes back to the proposal */
	snprintf(name, sizeof name, "%s", !strncmp(level, "按建议", strlen("按建议")) ? "" : level);
	s = lf_grade_set_level(db, e->gid, name, lf_sheet_text(sh, e->f[G_REASON]));
	if (s == LF_INVALID && strstr(db->err, "理由"))
		sh->bad = e->f[G_REASON];
	if (s == LF_OK) {
		lf_free(sh->saved_msg);
		sh->saved_msg = lf_strdup(name[0] ? "已审定风险等级。" : "风险等级已恢复为矩阵的建议。");
		if (e->done)
			e->done(e->ctx, e->gid);
	}
	return s;
}

static const struct lf_sheet_ops level_ops = { .save = level_save, .free = ed_free };


lf_status lf_level_sheet_open(struct lf_ui *ui, const char *risk, lf_saved_fn done, void *ctx)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_risk_list rl;
	const struct lf_risk *r;
	struct lf_sheet *sh;
	struct ed *e;
	char *choices[4], *intro, title[64];
	const char *cur;
	lf_status s;
	int n = 0, k;

	if ((s = lf_risk_get(db, risk, &rl)))
		return s;
	r = &rl.v[0];
	e = ed_new(risk, NULL, done, ctx);
	if ((s = lf_scheme_load(db, &e->sc))) {
		lf_free(e);
		lf_risk_list_free(&rl);
		return s;
	}
	e->have_scheme = 1;
	snprintf(title, sizeof title, "审定风险点 %d 的等级", r->seq);
	sh = lf_sheet_new(title, &level_ops, e, "p2.level", risk);
	lf_sheet_record(sh, "risk", risk);
	if (r->level_proposed)
		intro = lf_printf("风险点 %d：%s\n矩阵建议：%s（发生概率 %s × 危害程度 %s）。审定为别的等级时须写明理由；"
		                  "建议等级和审定等级都保留。",
		                  r->seq, r->description, lf_scheme_level_name(&e->sc, r->level_proposed),
		                  r->probability <= e->sc.size ? e->sc.prob[r->probability] : "",
		                  r->severity <= e->sc.size ? e->sc.severity[r->severity] : "");
	else
		intro = lf_printf("风险点 %d：%s\n还没有评发生概率和危害程度，没有矩阵建议：请直接审定等级并写明理由。", r->seq,
		                  r->description);
	lf_sheet_intro(sh, intro);
	lf_free(intro);
	if (r->level_proposed)
		choices[n++] = lf_printf("按建议（%s）", lf_scheme_level_name(&e->sc, r->level_proposed));
	for (k = 3; k >= 1; k--)
		choices[n++] = lf_strdup(lf_scheme_level_name(&e->sc, k));
	cur = r->level && r->level_reason ? lf_scheme_level_name(&e->sc, r->level) : r->level_proposed ? choices[0] : "";
	e->f[G_LEVEL] = lf_sheet_add(sh, "level", "审定等级", LF_SH_CHOICE, cur, 0, 1, "领导小组审定的风险等级。");
	lf_sheet_choices(sh, e->f[G_LEVEL], choices, n);
	lf_sheet_also(sh, e->f[G_LEVEL], "风险等级");
	for (k = 0; k < n; k++)
		lf_free(choices[k]);
	e->f[G_REASON] = lf_sheet_add(sh, "reason", "调整理由", LF_SH_AREA, r->level_reason, 500, 0,
	                              "审定等级与矩阵建议不同时必须写明。");
	lf_sheet_also(sh, e->f[G_REASON], "理由");
	lf_risk_list_free(&rl);
	lf_sheet_open(ui, sh);
	return LF_OK;
}
