/* export_data: the data sources of the official tables
 * (include/lianfang/export_data.h), read through the model.
 *
 * Each source walks one model list a page at a time — the summary table
 * (summary.h) for the risk tables, the self-check forms (selfcheck.h), the
 * power catalog (power.h) — and turns each record into one or more rows of
 * text cells; a change of the record's "document key" (the department, the
 * person, the form) starts a new document. Details come from the model too:
 * a form's risks, measures and signatures, a power's flow and its risks. So
 * the model decides what the acting user may export, exactly as it decides
 * what a list shows them: the part they may read, with the same note; and
 * the unit's own level names are the grading scheme's (grade.h). No SQL
 * here. */
#include "lianfang/export_data.h"
#include "lianfang/cycle.h"
#include "lianfang/flow.h"
#include "lianfang/grade.h"
#include "lianfang/heatmap.h"
#include "lianfang/org.h"
#include "lianfang/perm.h"
#include "lianfang/power.h"
#include "lianfang/progress.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 200 /* records read from the model at a time */

/* ------------------------------------------------------------------ columns */

/* Every source built on risk points offers the same columns; a form shows
 * the ones it names. */
static const char *const risk_cols[] = {
	"seq", "dept", "post", "person", "duties", "power", "risk", "category", "source", "found_by",
	"probability", "severity", "level_proposed", "level", "level_reason", "measures", "remarks",
	"responsible", "supervisor", NULL,
};
enum {
	RC_SEQ, RC_DEPT, RC_POST, RC_PERSON, RC_DUTIES, RC_POWER, RC_RISK, RC_CATEGORY, RC_SOURCE,
	RC_FOUND_BY, RC_PROBABILITY, RC_SEVERITY, RC_LEVEL_PROPOSED, RC_LEVEL, RC_LEVEL_REASON,
	RC_MEASURES, RC_REMARKS, RC_RESPONSIBLE, RC_SUPERVISOR, RC_N
};

static const char *const selfcheck_cols[] = { "item", "no", "content", NULL };
enum { SC_ITEM, SC_NO, SC_CONTENT, SC_N };

static const char *const power_cols[] = {
	"seq", "dept", "post", "power", "kind", "area", "content", "basis", "holder", "flow",
	"risk", "level", "measures", NULL,
};
enum {
	PC_SEQ, PC_DEPT, PC_POST, PC_POWER, PC_KIND, PC_AREA, PC_CONTENT, PC_BASIS, PC_HOLDER, PC_FLOW,
	PC_RISK, PC_LEVEL, PC_MEASURES, PC_N
};

/* The {placeholders} every source knows; opinion., signer. and signed. take
 * a role after the dot (处室负责人, 分管领导, 主要领导, 纪检组). */
static const char *const common_keys[] = {
	"unit", "unit_code", "dept", "person", "post", "date", "year", "cycle", "filled", "blank", "blank_date", NULL,
};
static const char *const role_prefixes[] = { "opinion.", "signer.", "signed.", NULL };

/* ------------------------------------------------------------------ sources */

enum split { SPLIT_NONE, SPLIT_DEPT, SPLIT_PERSON, SPLIT_RECORD };
enum list { L_SUMMARY, L_SELFCHECK, L_POWER };

struct source_def {
	const char *name;
	const char *const *columns;
	int ncols;
	enum list list;
	enum split split;
	int needs_cycle;    /* a cycle must exist (powers do without) */
	int person_filter;  /* --person makes sense */
};

static const struct source_def defs[] = {
	{ "summary", risk_cols, RC_N, L_SUMMARY, SPLIT_NONE, 1, 1 },
	{ "register_unit", risk_cols, RC_N, L_SUMMARY, SPLIT_NONE, 1, 1 },
	{ "register_dept", risk_cols, RC_N, L_SUMMARY, SPLIT_DEPT, 1, 1 },
	{ "register_person", risk_cols, RC_N, L_SUMMARY, SPLIT_PERSON, 1, 1 },
	{ "risks", risk_cols, RC_N, L_SUMMARY, SPLIT_NONE, 1, 1 },
	{ "selfcheck", selfcheck_cols, SC_N, L_SELFCHECK, SPLIT_RECORD, 1, 1 },
	{ "powers", power_cols, PC_N, L_POWER, SPLIT_NONE, 0, 0 },
};

const char *const lf_xsrc_names[] = {
	"summary", "selfcheck", "register_unit", "register_dept", "register_person", "powers", "risks", NULL,
};

/* One document's {placeholder} values. */
struct doc {
	char dept_gid[LF_GID_LEN + 1];
	char *dept, *person, *post, *filled, *name;
};

/* What starts a document: the record's department, post and person. */
struct doc_key {
	const char *gid, *dept_gid, *dept, *post_gid, *post, *person_gid, *person;
};

struct lf_xsrc {
	struct lf_db *db;
	const struct source_def *def;
	char unit[LF_CODE_MAX + 1];
	const char *other_unit;            /* unit, when it is not this database's; else NULL */
	char *unit_name;
	char cycle[LF_GID_LEN + 1];        /* "" when there is none (powers) */
	int year;
	char dept_gid[LF_GID_LEN + 1];     /* the filter's department, "" for all */
	char *dept_name, *person_filter;
	char *note;                        /* the part of it the user may read; NULL: all */
	char today[11];
	char level[4][LF_LABEL_MAX];       /* the unit's names; [0] "" */
	char *columns;                     /* "a, b, c" */
	long total, done;
	int started, finished, docs;
	/* the model list being walked, a page at a time */
	struct lf_page pg;
	int loaded, pos;
	struct lf_summary_filter sf;
	struct lf_selfcheck_filter cf;
	struct lf_summary_list sl;
	struct lf_selfcheck_list cl;
	struct lf_power_list wl;
	/* rows made from the last record, handed out one by one */
	char **queue;
	int qlen, qcap, qpos;
	char **row;                        /* the current row: a slice of queue */
	int pending_doc;                   /* the queued rows start a new document */
	char doc_key[2 * LF_GID_LEN + 2];
	struct doc doc, next_doc;
	long power_seq;
	long seq;                          /* row number within the document */
	struct lf_buf tmp;
	char value[512];
};

static void doc_clear(struct doc *d)
{
	lf_free(d->dept);
	lf_free(d->person);
	lf_free(d->post);
	lf_free(d->filled);
	lf_free(d->name);
	memset(d, 0, sizeof *d);
}

static const char *str(const char *s)
{
	return s ? s : "";
}

/* "2026-04-09" → "2026年4月9日"; "" → blanks to write a date in by hand. */
static void chinese_date(const char *iso, char *out, size_t len)
{
	int y, m, d;

	if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, len, "%d年%d月%d日", y, m, d);
	else
		snprintf(out, len, "　　　　年　　月　　日");
}

static const char *level_name(const struct lf_xsrc *s, int level)
{
	return level >= 1 && level <= 3 ? s->level[level] : "";
}

/* ------------------------------------------------------------------ walking a model list */

/* The first page of the source's list, or the next one, into its buffer. */
static lf_status load_page(struct lf_xsrc *s)
{
	lf_status st = LF_OK;

	if (s->loaded)
		lf_page_advance(&s->pg);
	s->loaded = 1;
	s->pos = 0;
	switch (s->def->list) {
	case L_SUMMARY:
		lf_summary_list_free(&s->sl);
		st = lf_summary_page(s->db, &s->sf, &s->pg, &s->sl);
		break;
	case L_SELFCHECK:
		lf_selfcheck_list_free(&s->cl);
		st = lf_selfcheck_list(s->db, &s->cf, &s->pg, &s->cl);
		break;
	case L_POWER:
		lf_power_list_free(&s->wl);
		st = lf_power_list_unit(s->db, s->other_unit, s->dept_gid[0] ? s->dept_gid : NULL, NULL, 0, &s->pg, &s->wl);
		break;
	}
	return st;
}

static int page_rows(const struct lf_xsrc *s)
{
	return s->def->list == L_SUMMARY ? s->sl.n : s->def->list == L_SELFCHECK ? s->cl.n : s->wl.n;
}

/* Step to the next record: *more = 0 at the end; else its index in the page. */
static lf_status next_record(struct lf_xsrc *s, int *more, int *i)
{
	lf_status st;

	*more = 0;
	if (s->pos >= page_rows(s)) {
		if (!s->pg.next[0]) /* the last page is read */
			return LF_OK;
		if ((st = load_page(s)))
			return st;
		if (!page_rows(s))
			return LF_OK;
	}
	*i = s->pos++;
	*more = 1;
	s->done++;
	return LF_OK;
}

/* ------------------------------------------------------------------ rows */

/* Start a row of the queue; its cells are set with put(). */
static char **new_row(struct lf_xsrc *s)
{
	int n = s->def->ncols;

	if (s->qlen + n > s->qcap) {
		s->qcap = (s->qlen + n) * 2;
		s->queue = lf_realloc(s->queue, (size_t)s->qcap * sizeof *s->queue);
	}
	memset(s->queue + s->qlen, 0, (size_t)n * sizeof *s->queue);
	s->qlen += n;
	return s->queue + s->qlen - n;
}

static void put(char **row, int col, const char *v)
{
	lf_free(row[col]);
	row[col] = lf_strdup(v ? v : "");
}

static void put_int(char **row, int col, int v)
{
	char num[24] = "";

	if (v)
		snprintf(num, sizeof num, "%d", v);
	put(row, col, num);
}

/* Whether the record starts a new document; if so its context goes to
 * next_doc. */
static void check_doc(struct lf_xsrc *s, const struct doc_key *k)
{
	char key[sizeof s->doc_key];

	switch (s->def->split) {
	case SPLIT_NONE: snprintf(key, sizeof key, "all"); break;
	case SPLIT_DEPT: snprintf(key, sizeof key, "%s", str(k->dept_gid)); break;
	case SPLIT_PERSON: snprintf(key, sizeof key, "%s/%s", str(k->person_gid), str(k->post_gid)); break;
	case SPLIT_RECORD: snprintf(key, sizeof key, "%s", str(k->gid)); break;
	}
	if (s->started && !strcmp(key, s->doc_key))
		return;
	snprintf(s->doc_key, sizeof s->doc_key, "%s", key);
	s->pending_doc = 1;
	doc_clear(&s->next_doc);
	if (s->def->split == SPLIT_NONE) {
		snprintf(s->next_doc.dept_gid, sizeof s->next_doc.dept_gid, "%s", s->dept_gid);
		s->next_doc.dept = lf_strdup(str(s->dept_name));
		s->next_doc.name = lf_strdup(str(s->dept_name));
		return;
	}
	snprintf(s->next_doc.dept_gid, sizeof s->next_doc.dept_gid, "%s", str(k->dept_gid));
	s->next_doc.dept = lf_strdup(str(k->dept));
	if (s->def->split == SPLIT_DEPT) {
		s->next_doc.name = lf_strdup(str(k->dept));
		return;
	}
	s->next_doc.person = lf_strdup(str(k->person));
	s->next_doc.post = lf_strdup(str(k->post));
	s->next_doc.name = lf_strdup(k->person && *k->person ? k->person : str(k->post));
}

/* Measures as the tables write them: "1.前期预防：…" one per line (numbered),
 * or "前期预防：…" (not); and their responsible persons and supervisors,
 * each once, "、"-separated. */
struct measure_text {
	struct lf_buf text, resp, sup;
	int n;
};

static void mt_init(struct measure_text *m)
{
	memset(m, 0, sizeof *m);
	lf_buf_init(&m->text);
	lf_buf_init(&m->resp);
	lf_buf_init(&m->sup);
}

static void mt_free(struct measure_text *m)
{
	lf_buf_free(&m->text);
	lf_buf_free(&m->resp);
	lf_buf_free(&m->sup);
}

static void add_name(struct lf_buf *b, const char *name)
{
	if (name && *name && !strstr(b->s ? b->s : "", name))
		lf_buf_addf(b, "%s%s", b->len ? "、" : "", name);
}

static void mt_add(struct measure_text *m, int numbered, const char *stage, const char *content, const char *resp,
                   const char *sup)
{
	if (m->n++)
		lf_buf_addc(&m->text, '\n');
	if (numbered)
		lf_buf_addf(&m->text, "%d.", m->n);
	if (stage && *stage)
		lf_buf_addf(&m->text, "%s：", stage);
	lf_buf_adds(&m->text, str(content));
	add_name(&m->resp, resp);
	add_name(&m->sup, sup);
}

/* The measures of a risk through the model (measures of a form or a post). */
static lf_status measures_of(struct lf_xsrc *s, const char *risk, int numbered, struct measure_text *m)
{
	struct lf_page pg;
	lf_status st;
	int i;

	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		struct lf_measure_list l;

		if ((st = lf_measure_list(s->db, risk, &pg, &l)))
			return st;
		for (i = 0; i < l.n; i++)
			mt_add(m, numbered, l.v[i].stage, l.v[i].content, l.v[i].responsible_name, l.v[i].supervisor_name);
		lf_measure_list_free(&l);
	} while (lf_page_advance(&pg));
	return LF_OK;
}

/* One summary row: a risk point with its form, post and measures. */
static lf_status fill_risk(struct lf_xsrc *s, int *more)
{
	const struct lf_summary_row *r;
	struct measure_text m;
	struct doc_key k;
	char **row;
	int i, j;
	lf_status st;

	if ((st = next_record(s, more, &i)) || !*more)
		return st;
	r = &s->sl.v[i];
	k = (struct doc_key){ r->risk, r->dept, r->dept_name, r->post, r->post_name, r->person, r->person_name };
	check_doc(s, &k);
	row = new_row(s);
	put(row, RC_SEQ, "0"); /* numbered when handed out, per document */
	put(row, RC_DEPT, r->dept_name);
	put(row, RC_POST, r->post_name);
	put(row, RC_PERSON, r->person_name);
	put(row, RC_DUTIES, r->duties);
	put(row, RC_POWER, r->power_name);
	put(row, RC_RISK, r->description);
	put(row, RC_CATEGORY, r->category);
	put(row, RC_SOURCE, r->source);
	put(row, RC_FOUND_BY, r->found_by);
	put_int(row, RC_PROBABILITY, r->probability);
	put_int(row, RC_SEVERITY, r->severity);
	put(row, RC_LEVEL_PROPOSED, level_name(s, r->level_proposed));
	put(row, RC_LEVEL, level_name(s, r->level ? r->level : r->level_proposed));
	put(row, RC_LEVEL_REASON, r->level_reason);
	put(row, RC_REMARKS, r->remarks);
	mt_init(&m);
	for (j = 0; j < r->nmeasures; j++)
		mt_add(&m, 1, r->mv[j].stage, r->mv[j].content, r->mv[j].responsible, r->mv[j].supervisor);
	put(row, RC_MEASURES, m.text.s);
	put(row, RC_RESPONSIBLE, m.resp.s);
	put(row, RC_SUPERVISOR, m.sup.s);
	mt_free(&m);
	return LF_OK;
}

static void sc_row(struct lf_xsrc *s, const char *item, const char *no, const char *content)
{
	char **row = new_row(s);

	put(row, SC_ITEM, item);
	put(row, SC_NO, no);
	put(row, SC_CONTENT, content);
}

/* A form's opinion box: the last head's (or leader's) opinion with its
 * signature line under it, or blanks to sign by hand. */
static void signed_text(struct lf_buf *b, const struct lf_review *r)
{
	char date[64];

	if (!r) {
		chinese_date(NULL, date, sizeof date);
		lf_buf_addf(b, "\n\n签字：　　　　　　%s", date);
		return;
	}
	chinese_date(r->signed_on, date, sizeof date);
	lf_buf_addf(b, "%s\n签字：%s　%s", str(r->opinion), str(r->signer), date);
}

/* The opinion boxes of a form: from its history, the latest review of each
 * of the two steps. */
static lf_status form_opinions(struct lf_xsrc *s, const char *form)
{
	static const struct {
		const char *step, *label;
	} boxes[] = { { "head", "单位（处室）负责人意见" }, { "leader", "局分管领导意见" } };
	struct lf_review latest[2];
	struct lf_arena keep;
	struct lf_page pg;
	struct lf_buf text;
	int found[2] = { 0, 0 }, i;
	size_t k;
	lf_status st = LF_OK;

	memset(&keep, 0, sizeof keep);
	memset(latest, 0, sizeof latest);
	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		struct lf_review_list l;

		if ((st = lf_review_history(s->db, form, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++)
			for (k = 0; k < LF_COUNT(boxes); k++)
				if (!strcmp(l.v[i].step, boxes[k].step)) {
					found[k] = 1;
					latest[k].opinion = lf_arena_strdup(&keep, l.v[i].opinion);
					latest[k].signer = lf_arena_strdup(&keep, l.v[i].signer);
					latest[k].signed_on = lf_arena_strdup(&keep, l.v[i].signed_on);
				}
		lf_review_list_free(&l);
	} while (lf_page_advance(&pg));
	lf_buf_init(&text);
	for (k = 0; k < LF_COUNT(boxes) && st == LF_OK; k++) {
		lf_buf_reset(&text);
		signed_text(&text, found[k] ? &latest[k] : NULL);
		sc_row(s, boxes[k].label, "", text.s);
	}
	lf_buf_free(&text);
	lf_arena_free(&keep);
	return st;
}

/* One self-check form (附件1): name, post, duties, its risks and their
 * measures on numbered lines (four at least, as on paper), the opinions. */
static lf_status fill_selfcheck(struct lf_xsrc *s, int *more)
{
	const struct lf_selfcheck *c;
	struct lf_risk_list *pages = NULL;
	struct measure_text m;
	struct doc_key k;
	struct lf_page pg;
	char no[16], date[64], *duties = NULL;
	int npages = 0, nrisks = 0, i, j, p, line;
	lf_status st;

	if ((st = next_record(s, more, &i)) || !*more)
		return st;
	c = &s->cl.v[i];
	k = (struct doc_key){ c->gid, c->dept, c->dept_name, c->post, c->post_name, c->person, c->person_name };
	check_doc(s, &k);
	chinese_date(c->filled, date, sizeof date);
	s->next_doc.filled = lf_strdup(date);
	if (c->duties) {
		duties = lf_strdup(c->duties);
	} else { /* the post's, as the form shows them */
		struct lf_post_list pl;

		if ((st = lf_post_get(s->db, c->post, &pl)))
			return st;
		duties = lf_strdup(str(pl.v[0].duties));
		lf_post_list_free(&pl);
	}
	sc_row(s, "姓名", "", c->person_name);
	sc_row(s, "岗位名称", "", c->post_name);
	sc_row(s, "岗位职责", "", duties);
	lf_free(duties);
	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		pages = lf_realloc(pages, (size_t)(npages + 1) * sizeof *pages);
		if ((st = lf_risk_list(s->db, c->gid, 0, &pg, &pages[npages])))
			break;
		nrisks += pages[npages++].n;
	} while (lf_page_advance(&pg));
	/* The paper form has four numbered lines each; more when there are more. */
	for (line = 0, p = 0; st == LF_OK && p <= npages; p++)
		for (j = 0; j < (p < npages ? pages[p].n : 4 - nrisks); j++) {
			snprintf(no, sizeof no, "%d", ++line);
			sc_row(s, "潜在风险", no, p < npages ? pages[p].v[j].description : "");
		}
	for (line = 0, p = 0; st == LF_OK && p <= npages; p++)
		for (j = 0; st == LF_OK && j < (p < npages ? pages[p].n : 4 - nrisks); j++) {
			snprintf(no, sizeof no, "%d", ++line);
			mt_init(&m);
			if (p < npages)
				st = measures_of(s, pages[p].v[j].gid, 0, &m);
			sc_row(s, "防控措施", no, m.text.s);
			mt_free(&m);
		}
	for (p = 0; p < npages; p++)
		lf_risk_list_free(&pages[p]);
	lf_free(pages);
	return st ? st : form_opinions(s, c->gid);
}

static const char *power_kind(const char *k)
{
	return !strcmp(k, "决策") ? "决策权" : !strcmp(k, "执行") ? "执行权" : !strcmp(k, "监督") ? "监督权" : k;
}

/* A power's flow: one numbered line per step, risk steps marked. */
static lf_status flow_of(struct lf_xsrc *s, const char *power, struct lf_buf *b)
{
	struct lf_page pg;
	lf_status st;
	int i;

	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		struct lf_step_list l;

		if ((st = lf_step_list(s->db, power, &pg, &l)))
			return st;
		for (i = 0; i < l.n; i++) {
			const struct lf_step *f = &l.v[i];
			const char *cond = str(f->condition), *limit = str(f->time_limit), *sup = str(f->supervision);

			if (b->len)
				lf_buf_addc(b, '\n');
			lf_buf_addf(b, "%d.", f->seq);
			if (f->actor && *f->actor)
				lf_buf_addf(b, "%s：", f->actor);
			lf_buf_adds(b, str(f->action));
			if (*cond || *limit || *sup) {
				lf_buf_adds(b, "（");
				if (*cond)
					lf_buf_addf(b, "条件：%s%s", cond, *limit || *sup ? "；" : "");
				if (*limit)
					lf_buf_addf(b, "时限：%s%s", limit, *sup ? "；" : "");
				if (*sup)
					lf_buf_addf(b, "监督：%s", sup);
				lf_buf_adds(b, "）");
			}
			if (f->risky)
				lf_buf_adds(b, "【风险环节】");
		}
		lf_step_list_free(&l);
	} while (lf_page_advance(&pg));
	return LF_OK;
}

static void power_row(struct lf_xsrc *s, const struct lf_power *w, const char *flow, const struct lf_risk *r,
                      const char *measures)
{
	char **row = new_row(s);
	char num[24];

	snprintf(num, sizeof num, "%ld", s->power_seq);
	put(row, PC_SEQ, num);
	put(row, PC_DEPT, w->dept_name);
	put(row, PC_POST, w->post_name);
	put(row, PC_POWER, w->name);
	put(row, PC_KIND, power_kind(str(w->kind)));
	put(row, PC_AREA, w->area);
	put(row, PC_CONTENT, w->content);
	put(row, PC_BASIS, w->basis);
	put(row, PC_HOLDER, w->holder);
	put(row, PC_FLOW, flow);
	put(row, PC_RISK, r ? r->description : "");
	put(row, PC_LEVEL, r ? level_name(s, r->level ? r->level : r->level_proposed) : "");
	put(row, PC_MEASURES, measures);
}

/* One power of the catalog: a row for each of its risk points in the
 * cycle, or one row when it has none. */
static lf_status fill_power(struct lf_xsrc *s, int *more)
{
	const struct lf_power *w;
	struct lf_buf flow;
	struct doc_key k;
	struct lf_page pg;
	int i, j, rows = 0;
	lf_status st;

	if ((st = next_record(s, more, &i)) || !*more)
		return st;
	w = &s->wl.v[i];
	k = (struct doc_key){ w->gid, w->dept, w->dept_name, w->post, w->post_name, NULL, NULL };
	check_doc(s, &k);
	s->power_seq++;
	lf_buf_init(&flow);
	st = flow_of(s, w->gid, &flow);
	lf_page_init(&pg, LF_PAGE_MAX);
	while (st == LF_OK && s->cycle[0]) {
		struct lf_risk_list l;

		if ((st = lf_risk_list_of_power(s->db, w->gid, s->cycle, &pg, &l)))
			break;
		for (j = 0; j < l.n && st == LF_OK; j++, rows++) {
			struct measure_text m;

			mt_init(&m);
			st = measures_of(s, l.v[j].gid, 1, &m);
			power_row(s, w, flow.s, &l.v[j], m.text.s);
			mt_free(&m);
		}
		lf_risk_list_free(&l);
		if (!lf_page_advance(&pg))
			break;
	}
	if (st == LF_OK && !rows)
		power_row(s, w, flow.s, NULL, NULL);
	lf_buf_free(&flow);
	return st;
}

/* ------------------------------------------------------------------ opening */

static void clear_queue(struct lf_xsrc *s)
{
	int i;

	for (i = 0; i < s->qlen; i++)
		lf_free(s->queue[i]);
	s->qlen = s->qpos = 0;
	s->row = NULL;
}

/* How many records the source will read, where the model counts them in
 * advance: the risks the summary shows (the heat map's total), the forms
 * of the cycle or department (progress); 0 when not known (one person's). */
static lf_status count_total(struct lf_xsrc *s)
{
	lf_status st = LF_OK;

	s->total = 0;
	if (s->person_filter) /* the counts are not by person */
		return LF_OK;
	if (s->def->list == L_SUMMARY) { /* the cycle is the unit's */
		struct lf_heatmap h;

		if ((st = lf_heatmap_get(s->db, &s->sf, &h)) == LF_OK)
			s->total = h.total;
	} else if (s->def->list == L_SELFCHECK && !s->other_unit) {
		struct lf_progress p;
		struct lf_progress_list l;
		struct lf_page pg;
		int i;

		if (!s->dept_gid[0]) {
			if ((st = lf_progress_total(s->db, s->cycle, &p)) == LF_OK)
				s->total = p.forms;
			return st;
		}
		lf_page_init(&pg, LF_PAGE_MAX);
		do {
			if ((st = lf_progress_list(s->db, s->cycle, &pg, &l)))
				break;
			for (i = 0; i < l.n; i++)
				if (!strcmp(l.v[i].dept, s->dept_gid))
					s->total = l.v[i].forms;
			lf_progress_list_free(&l);
		} while (lf_page_advance(&pg));
	}
	return st;
}

/* Another unit's records held here (what a lower unit sent) are read by
 * whoever reads the whole unit: the departments a role covers are this
 * unit's, so anyone else would get an empty table without a word. */
static lf_status other_unit_readable(struct lf_xsrc *s)
{
	char why[sizeof s->db->err];

	if (lf_perm_check(s->db, LF_ACT_READ, NULL) == LF_OK)
		return LF_OK;
	memcpy(why, s->db->err, sizeof why);
	return lf_fail(s->db, LF_DENIED, "不能导出单位 %s 的表格：%s", s->unit, why);
}

lf_status lf_xsrc_open(struct lf_db *db, const char *name, const struct lf_xfilter *f, struct lf_xsrc **out)
{
	static const struct lf_xfilter none = { NULL, NULL, NULL, 0 };
	const struct source_def *def = NULL;
	struct lf_cycle_list cl;
	struct lf_scheme sc;
	struct lf_xsrc *s;
	struct lf_unit u;
	lf_status rc;
	size_t i;
	int k;

	*out = NULL;
	if (!f)
		f = &none;
	for (i = 0; i < LF_COUNT(defs); i++)
		if (!strcmp(defs[i].name, name))
			def = &defs[i];
	if (!def)
		return lf_fail(db, LF_NOTFOUND, "程序没有名为“%s”的数据来源（有：summary、selfcheck、register_unit、"
		               "register_dept、register_person、powers、risks）。", name);
	if (f->person && *f->person && !def->person_filter)
		return lf_fail(db, LF_USAGE, "这张表格不按人员筛选，不能指定人员。");
	s = lf_alloc(sizeof *s);
	s->db = db;
	s->def = def;
	lf_buf_init(&s->tmp);
	snprintf(s->unit, sizeof s->unit, "%s", f->unit && *f->unit ? f->unit : db->unit);
	s->other_unit = strcmp(s->unit, db->unit) ? s->unit : NULL;
	lf_today(s->today);
	if ((rc = lf_unit_get(db, s->unit, &u)))
		goto fail;
	s->unit_name = lf_strdup(u.name);
	lf_unit_clear(&u);
	if (s->other_unit && (rc = other_unit_readable(s)))
		goto fail;
	/* The unit's level names: its grading scheme is the one source of them. */
	if ((rc = lf_scheme_load_unit(db, s->other_unit, &sc)))
		goto fail;
	for (k = 1; k <= 3; k++)
		snprintf(s->level[k], sizeof s->level[k], "%s", lf_scheme_level_name(&sc, k));
	lf_scheme_free(&sc);
	rc = lf_cycle_of_unit(db, s->other_unit, f->year, &cl);
	if (rc == LF_OK) {
		snprintf(s->cycle, sizeof s->cycle, "%s", cl.v[0].gid);
		s->year = cl.v[0].year;
		lf_cycle_list_free(&cl);
	} else if (rc == LF_NOTFOUND && !def->needs_cycle) {
		rc = LF_OK; /* the power catalog is not a year's: no risks in it then */
	} else {
		goto fail;
	}
	if (f->dept && *f->dept) {
		if ((rc = lf_dept_find(db, s->other_unit, f->dept, s->dept_gid)))
			goto fail;
		s->dept_name = lf_strdup(f->dept);
	}
	if (f->person && *f->person) {
		char gid[LF_GID_LEN + 1];

		if ((rc = lf_person_find(db, s->other_unit, NULL, f->person, gid)))
			goto fail;
		s->person_filter = lf_strdup(f->person);
	}
	s->sf.cycle = s->cf.cycle = s->cycle;
	s->sf.dept = s->cf.dept = s->dept_gid[0] ? s->dept_gid : NULL;
	s->sf.person_name = s->cf.person_name = s->person_filter;
	s->sf.unit = s->other_unit;
	lf_page_init(&s->pg, PAGE);
	/* The first page now: a user who may read none of it is refused here,
	 * before any file is made. */
	if ((rc = load_page(s)))
		goto fail;
	if (!s->other_unit && (rc = lf_perm_reach_note(db, LF_ACT_READ, s->sf.dept, &s->note)))
		goto fail;
	if ((rc = count_total(s)))
		goto fail;
	lf_buf_reset(&s->tmp);
	for (k = 0; k < def->ncols; k++)
		lf_buf_addf(&s->tmp, "%s%s", k ? ", " : "", def->columns[k]);
	s->columns = lf_strdup(s->tmp.s);
	*out = s;
	return LF_OK;
fail:
	lf_xsrc_close(s);
	return rc;
}

void lf_xsrc_close(struct lf_xsrc *s)
{
	if (!s)
		return;
	clear_queue(s);
	lf_free(s->queue);
	lf_summary_list_free(&s->sl);
	lf_selfcheck_list_free(&s->cl);
	lf_power_list_free(&s->wl);
	doc_clear(&s->doc);
	doc_clear(&s->next_doc);
	lf_free(s->unit_name);
	lf_free(s->dept_name);
	lf_free(s->person_filter);
	lf_free(s->note);
	lf_free(s->columns);
	lf_buf_free(&s->tmp);
	lf_free(s);
}

int lf_xsrc_column(const struct lf_xsrc *s, const char *name)
{
	int i;

	for (i = 0; i < s->def->ncols; i++)
		if (!strcmp(s->def->columns[i], name))
			return i;
	return -1;
}

const char *lf_xsrc_columns(const struct lf_xsrc *s)
{
	return s->columns;
}

const char *lf_xsrc_note(const struct lf_xsrc *s)
{
	return s->note;
}

int lf_xsrc_per_dept(const struct lf_xsrc *s)
{
	return s->dept_gid[0] != 0 || s->def->split == SPLIT_DEPT || s->def->split == SPLIT_PERSON;
}

long lf_xsrc_total(const struct lf_xsrc *s)
{
	return s->total;
}

long lf_xsrc_done(const struct lf_xsrc *s)
{
	return s->done;
}

/* ------------------------------------------------------------------ events */

static lf_status fill(struct lf_xsrc *s, int *more)
{
	switch (s->def->list) {
	case L_SUMMARY: return fill_risk(s, more);
	case L_SELFCHECK: return fill_selfcheck(s, more);
	case L_POWER: return fill_power(s, more);
	}
	return LF_INTERNAL;
}

lf_status lf_xsrc_next(struct lf_xsrc *s, enum lf_xev *ev)
{
	int n = s->def->ncols, more;
	lf_status rc;

	*ev = LF_XEV_END;
	if (s->finished)
		return LF_OK;
	if (s->qpos >= s->qlen && !s->pending_doc) {
		clear_queue(s);
		if ((rc = fill(s, &more)))
			return rc;
		if (!more) {
			s->finished = 1;
			/* A table of the whole unit or a department is shown even when empty. */
			if (!s->started && s->def->split == SPLIT_NONE) {
				s->started = 1;
				doc_clear(&s->doc);
				s->doc.dept = lf_strdup(str(s->dept_name));
				s->doc.name = lf_strdup(str(s->dept_name));
				snprintf(s->doc.dept_gid, sizeof s->doc.dept_gid, "%s", s->dept_gid);
				s->docs++;
				*ev = LF_XEV_DOC;
			}
			return LF_OK;
		}
	}
	if (s->pending_doc) {
		s->pending_doc = 0;
		s->started = 1;
		doc_clear(&s->doc);
		s->doc = s->next_doc;
		memset(&s->next_doc, 0, sizeof s->next_doc);
		s->docs++;
		s->seq = 0;
		*ev = LF_XEV_DOC;
		return LF_OK;
	}
	s->row = s->queue + s->qpos;
	s->qpos += n;
	if (s->def->list == L_SUMMARY) {
		char num[24];

		snprintf(num, sizeof num, "%ld", ++s->seq);
		put(s->row, RC_SEQ, num);
	}
	*ev = LF_XEV_ROW;
	return LF_OK;
}

const char *lf_xsrc_cell(const struct lf_xsrc *s, int col)
{
	if (!s->row || col < 0 || col >= s->def->ncols || !s->row[col])
		return "";
	return s->row[col];
}

const char *lf_xsrc_doc_name(const struct lf_xsrc *s)
{
	return s->doc.name ? s->doc.name : "";
}

/* {opinion.ROLE}, {signer.ROLE}, {signed.ROLE} (which 0, 1, 2) of the
 * document's table: blank lines to sign by hand where there is none, or
 * where the user may not read it (a department's head exporting the unit's
 * table sees the unit's opinions as blank). */
static const char *opinion_value(struct lf_xsrc *s, int which, const char *role)
{
	struct lf_summary_opinion o;
	char err[sizeof s->db->err];

	s->value[0] = 0;
	memset(&o, 0, sizeof o);
	memcpy(err, s->db->err, sizeof err);
	if (s->cycle[0] && lf_summary_opinion(s->db, s->other_unit, s->cycle, s->doc.dept_gid[0] ? s->doc.dept_gid : NULL,
	                                      role, &o) != LF_OK)
		o.found = 0;
	memcpy(s->db->err, err, sizeof err); /* not being allowed to read it is not a failure of the export */
	if (which == 2)
		chinese_date(o.found ? o.signed_on : NULL, s->value, sizeof s->value);
	else if (o.found)
		snprintf(s->value, sizeof s->value, "%s", str(which ? o.signer : o.text));
	else if (which == 1)
		snprintf(s->value, sizeof s->value, "　　　　　　");
	lf_summary_opinion_free(&o);
	return s->value;
}

const char *lf_xsrc_value(struct lf_xsrc *s, const char *key)
{
	size_t i;

	for (i = 0; role_prefixes[i]; i++) {
		size_t n = strlen(role_prefixes[i]);

		if (!strncmp(key, role_prefixes[i], n) && key[n])
			return opinion_value(s, (int)i, key + n);
	}
	for (i = 0; common_keys[i]; i++)
		if (!strcmp(key, common_keys[i]))
			break;
	if (!common_keys[i])
		return NULL;
	if (!strcmp(key, "unit"))
		return s->unit_name;
	if (!strcmp(key, "unit_code"))
		return s->unit;
	if (!strcmp(key, "dept"))
		return str(s->doc.dept);
	if (!strcmp(key, "person"))
		return str(s->doc.person);
	if (!strcmp(key, "post"))
		return str(s->doc.post);
	if (!strcmp(key, "filled"))
		return str(s->doc.filled);
	/* Room to write by hand: a form file cannot start a value with blanks. */
	if (!strcmp(key, "blank"))
		return "　　　　　　";
	if (!strcmp(key, "blank_date")) {
		chinese_date(NULL, s->value, sizeof s->value);
		return s->value;
	}
	if (!strcmp(key, "date")) {
		chinese_date(s->today, s->value, sizeof s->value);
		return s->value;
	}
	if (!strcmp(key, "year") || !strcmp(key, "cycle")) {
		if (!s->year)
			return "";
		snprintf(s->value, sizeof s->value, key[0] == 'y' ? "%d" : "%d年度", s->year);
		return s->value;
	}
	return "";
}
