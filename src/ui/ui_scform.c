/* ui_scform: one self-check form (廉政风险自查表（岗位）, seed 003 附件1) as a
 * document on screen: the header (department, name, post, date, duties), every
 * risk with its category, source, scores, the level the matrix proposes and
 * the level the leadership decided, each risk's measures, and the history of
 * the review chain — who signed when, with what opinion, and which
 * signatures no longer count because the form changed since. The paper form
 * has four risk lines per page; the screen has as many as the form has and
 * scrolls.
 *
 * Up and Down select an item (the header, a risk, a measure, a review); the
 * actions work on it: edit, add, retire, reorder — each through a sheet
 * (ui_scedit.c) that saves through the model. The review steps (submit,
 * sign, assess) are offered only when lf_review_check says the user may take
 * them now; the key of a step that is not theirs says why. Editing a form
 * that was submitted or signed first warns that the signatures will lapse. */
#include "ui_p2.h"
#include "ui_access.h"
#include "lianfang/grade.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <string.h>

enum { A_EDIT = 1, A_ADD_RISK, A_ADD_MEASURE, A_RETIRE, A_MOVE_UP, A_MOVE_DOWN, A_SUBMIT, A_REVIEW, A_LEVEL };

const struct lf_ui_action lf_scform_actions[] = {
	{ A_EDIT, "edit", "修改", { LF_ENTER, 'e' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "修改选中的一项：岗位职责和填表日期、风险点或防控措施" },
	{ A_ADD_RISK, "add-risk", "加风险", { LF_KEY(KEY_F(5)), 'a' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "添加一项潜在风险（风险描述、类别、来源、查找方式、发生概率、危害程度）" },
	{ A_ADD_MEASURE, "add-measure", "加措施", { LF_KEY(KEY_F(6)), 'm' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "为选中的风险点添加一条防控措施" },
	{ A_RETIRE, "retire", "停用", { LF_KEY(KEY_F(8)), 'd' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "停用或恢复选中的风险点（录错的可以删除），或删除选中的防控措施；先询问" },
	{ A_MOVE_UP, "move-up", "上移", { 'K', '[' }, LF_ACT_TEXT, "把选中的风险点或防控措施往前移一位" },
	{ A_MOVE_DOWN, "move-down", "下移", { 'J', ']' }, LF_ACT_TEXT, "把选中的风险点或防控措施往后移一位" },
	{ A_SUBMIT, "submit", "提交", { LF_KEY(KEY_F(7)), 's' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "提交自查表，交处室负责人审核；提交后本人不能再修改，除非被退回" },
	{ A_REVIEW, "review", "审核", { 'r' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "以处室负责人或分管领导身份签署意见（同意或退回），或由评估组评定准确程度——轮到你时才有" },
	{ A_LEVEL, "level", "审定等级", { 'l' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "领导审定选中风险点的等级（与矩阵建议不同时写明理由；两个等级都保留）" },
	{ 0 },
};

enum { I_HEAD, I_RISK, I_MEASURE, I_REVIEW };

struct item {
	int kind, r, m, v; /* risk index, its measure index, review index */
};

struct dline {
	int item;          /* -1: not selectable */
	int x;
	attr_t a;
	char *pre;         /* drawn first, in a */
	char *badge;       /* then this, in the level's attribute */
	int level;
	char *text;        /* then this */
};

struct scform {
	struct lf_screen base;
	char gid[LF_GID_LEN + 1];
	struct lf_selfcheck_list sc;
	struct lf_risk_list risks;
	struct lf_measure_list *ms;   /* per risk */
	struct lf_review_list hist;
	struct lf_scheme scheme;
	int have_scheme, loaded, error;
	struct item *items;
	int nitems;
	struct dline *lines;
	int nlines, cap, width;
	int sel, top, height;
	int pinned;                   /* lines at the top that never scroll: who, status, next step */
	char pending[LF_GID_LEN + 1]; /* select this risk or measure after a reload */
	int show_last;                /* select the last review after a reload */
	struct lf_me me;
	int own;                      /* the form is the user's own */
	int may_edit, may_measures, may_level, may_submit, may_review;
	int step;                     /* the step the form waits for, -1 none */
	char *why_edit, *why_level, *why_submit, *why_review;
};

static struct lf_db *db_of(struct scform *m)
{
	return lf_ui_ctx(m->base.ui)->db;
}

static const struct lf_selfcheck *form(struct scform *m)
{
	return m->sc.n ? &m->sc.v[0] : NULL;
}

static const char *level_name(struct scform *m, int level, char *buf, size_t len)
{
	if (!level)
		return "";
	if (m->have_scheme)
		return lf_scheme_level_name(&m->scheme, level);
	snprintf(buf, len, "%d 级", level);
	return buf;
}

static int status_is(struct scform *m, const char *st)
{
	return form(m) && form(m)->status && !strcmp(form(m)->status, st);
}

/* ------------------------------------------------------------------ the document */

static void lines_free(struct scform *m)
{
	int i;

	for (i = 0; i < m->nlines; i++) {
		lf_free(m->lines[i].pre);
		lf_free(m->lines[i].badge);
		lf_free(m->lines[i].text);
	}
	m->nlines = 0;
}

static struct dline *line_new(struct scform *m, int item, int x, attr_t a)
{
	struct dline *l;

	if (m->nlines == m->cap) {
		m->cap = m->cap * 2 + 64;
		m->lines = lf_realloc(m->lines, (size_t)m->cap * sizeof *m->lines);
	}
	l = &m->lines[m->nlines++];
	memset(l, 0, sizeof *l);
	l->item = item;
	l->x = x;
	l->a = a;
	return l;
}

/* Text wrapped into lines from column x to the right edge; the first line
 * goes into `head` when given (after its prefix, which starts left of x). */
static void add_text(struct scform *m, int item, int x, attr_t a, const char *text, struct dline *head)
{
	int n, i;
	char **w = lf_p2_wrap(text, m->width - x > 10 ? m->width - x : 10, 0, &n);

	for (i = 0; i < n; i++) {
		struct dline *l = i == 0 && head ? head : line_new(m, item, x, a);

		l->text = w[i];
	}
	lf_free(w);
}

static void add_line(struct scform *m, int item, int x, attr_t a, const char *text)
{
	add_text(m, item, x, a, text, NULL);
}

static void add_item(struct scform *m, int kind, int r, int mi, int v)
{
	m->items = lf_realloc(m->items, (size_t)(m->nitems + 1) * sizeof *m->items);
	m->items[m->nitems].kind = kind;
	m->items[m->nitems].r = r;
	m->items[m->nitems].m = mi;
	m->items[m->nitems].v = v;
	m->nitems++;
}

static void next_step_text(struct scform *m, struct lf_buf *b)
{
	static const char *const waits[] = { "本人提交", "处室负责人审核", "分管领导审核", "评估组评估" };
	const struct lf_selfcheck *f = form(m);

	if (!f)
		return;
	if (m->step < 0) {
		lf_buf_addf(b, "已评估通过（%s），审核完毕。", f->grade ? f->grade : "");
		return;
	}
	if (status_is(m, "returned")) {
		lf_buf_addf(b, "整改期限 %s%s，本人修改后重新提交。", f->rework_due ? f->rework_due : "",
		            f->overdue ? "（已超期）" : "");
	} else {
		lf_buf_addf(b, "下一步：%s。", waits[m->step]);
	}
	if (m->step == LF_REVIEW_SUBMIT && m->may_submit)
		lf_buf_adds(b, "填写完后按 F7 或 s 提交。");
	else if (m->step != LF_REVIEW_SUBMIT && m->may_review)
		lf_buf_adds(b, "轮到你了：按 r 审核。");
	else if (m->step == LF_REVIEW_SUBMIT && m->own && m->why_submit)
		lf_buf_addf(b, "还不能提交：%s", m->why_submit);
}

static void build_risk(struct scform *m, int ri, int item)
{
	const struct lf_risk *r = &m->risks.v[ri];
	attr_t a = r->retired ? lf_ui_attr(LF_R_DIM) : A_NORMAL;
	struct lf_buf b;
	struct dline *l;
	char num[16], tag[64], lv[32], lv2[32];
	int j, pw;

	snprintf(num, sizeof num, "%2d ", r->seq);
	lf_p2_level_tag(tag, sizeof tag, level_name(m, r->level, lv, sizeof lv));
	l = line_new(m, item, 1, a | A_BOLD);
	l->pre = lf_strdup(num);
	l->badge = lf_strdup(tag);
	l->level = r->level;
	pw = lf_utf8_width(num) + lf_utf8_width(tag) + 1; /* a blank after the tag */
	lf_buf_init(&b);
	lf_buf_addf(&b, "%s%s", r->description ? r->description : "", r->retired ? "（已停用）" : "");
	add_text(m, item, 1 + pw, a | A_BOLD, b.s, l); /* wrapped lines start under the text */
	lf_buf_reset(&b);
	lf_buf_addf(&b, "类别 %s · 来源 %s · 查找方式 %s", r->category ? r->category : "—", r->source ? r->source : "—",
	            r->found_by ? r->found_by : "—");
	add_line(m, item, 5, a, b.s);
	lf_buf_reset(&b);
	if (r->probability && r->severity && m->have_scheme && r->probability <= m->scheme.size &&
	    r->severity <= m->scheme.size)
		lf_buf_addf(&b, "发生概率 %s × 危害程度 %s → 建议等级 %s", m->scheme.prob[r->probability],
		            m->scheme.severity[r->severity], level_name(m, r->level_proposed, lv, sizeof lv));
	else if (r->probability && r->severity)
		lf_buf_addf(&b, "发生概率 %d × 危害程度 %d → 建议等级 %s", r->probability, r->severity,
		            level_name(m, r->level_proposed, lv, sizeof lv));
	else
		lf_buf_adds(&b, "还没有评发生概率和危害程度");
	if (r->level_reason)
		lf_buf_addf(&b, "；领导审定 %s（建议 %s）", level_name(m, r->level, lv, sizeof lv),
		            r->level_proposed ? level_name(m, r->level_proposed, lv2, sizeof lv2) : "无");
	add_line(m, item, 5, a, b.s);
	if (r->level_reason) {
		lf_buf_reset(&b);
		lf_buf_addf(&b, "审定理由：%s", r->level_reason);
		add_line(m, item, 5, a, b.s);
	}
	if (r->remarks && *r->remarks) {
		lf_buf_reset(&b);
		lf_buf_addf(&b, "备注：%s", r->remarks);
		add_line(m, item, 5, a, b.s);
	}
	for (j = 0; j < m->ms[ri].n; j++) {
		const struct lf_measure *me = &m->ms[ri].v[j];
		int mitem = m->nitems;

		add_item(m, I_MEASURE, ri, j, 0);
		lf_buf_reset(&b);
		lf_buf_addf(&b, "措施 %d  ", j + 1);
		l = line_new(m, mitem, 5, a);
		l->pre = lf_strdup(b.s);
		add_text(m, mitem, 5 + lf_utf8_width(b.s), a, me->content, l);
		lf_buf_reset(&b);
		if (me->stage)
			lf_buf_addf(&b, "%s", me->stage);
		if (me->rule)
			lf_buf_addf(&b, "%s制度：%s", b.len ? " · " : "", me->rule);
		if (me->responsible_name)
			lf_buf_addf(&b, "%s责任人 %s", b.len ? " · " : "", me->responsible_name);
		if (me->supervisor_name)
			lf_buf_addf(&b, "%s监督人 %s", b.len ? " · " : "", me->supervisor_name);
		if (me->due)
			lf_buf_addf(&b, "%s期限 %s", b.len ? " · " : "", me->due);
		if (me->status && strcmp(me->status, "planned"))
			lf_buf_addf(&b, "%s%s", b.len ? " · " : "", lf_measure_status_label(me->status));
		if (b.len)
			add_line(m, mitem, 11, lf_ui_attr(LF_R_DIM), b.s);
	}
	if (!m->ms[ri].n)
		add_line(m, item, 5, lf_ui_attr(LF_R_DIM), "（还没有防控措施：选中这项风险，按 F6 或 m 添加）");
	lf_buf_free(&b);
}

static void build_history(struct scform *m)
{
	struct lf_buf b;
	int i, submits = 0;

	add_line(m, -1, 0, A_NORMAL, "");
	add_line(m, -1, 0, lf_ui_attr(LF_R_HEADER), "审核记录");
	if (!m->hist.n)
		add_line(m, -1, 2, lf_ui_attr(LF_R_DIM), "（还没有提交）");
	lf_buf_init(&b);
	for (i = 0; i < m->hist.n; i++) {
		const struct lf_review *v = &m->hist.v[i];
		int item = m->nitems;

		if (!strcmp(v->step, "submit") && submits++)
			add_line(m, -1, 2, lf_ui_attr(LF_R_DIM), "—— 重新提交 ——");
		add_item(m, I_REVIEW, 0, 0, i);
		lf_buf_reset(&b);
		lf_buf_addf(&b, "%s  %s", v->signed_on ? v->signed_on : "", lf_review_step_label(v->step));
		if (v->grade)
			lf_buf_addf(&b, "：%s", v->grade);
		else if (v->result)
			lf_buf_addf(&b, "：%s", v->result);
		lf_buf_addf(&b, "  %s", v->signer ? v->signer : "");
		if (!v->current && strcmp(v->step, "submit"))
			lf_buf_adds(&b, "  [签字已失效：之后内容有修改]");
		else if (!v->current)
			lf_buf_adds(&b, "  [之后内容有修改]");
		add_line(m, item, 2, v->current ? A_NORMAL : lf_ui_attr(LF_R_DIM), b.s);
		if (v->opinion) {
			lf_buf_reset(&b);
			lf_buf_addf(&b, "意见：%s", v->opinion);
			add_line(m, item, 14, v->current ? A_NORMAL : lf_ui_attr(LF_R_DIM), b.s);
		}
		if (v->rework_due) {
			lf_buf_reset(&b);
			lf_buf_addf(&b, "整改期限：%s", v->rework_due);
			add_line(m, item, 14, lf_ui_attr(LF_R_DIM), b.s);
		}
	}
	lf_buf_free(&b);
}

static void build(struct scform *m, int width)
{
	const struct lf_selfcheck *f = form(m);
	struct lf_buf b;
	int i, head;

	lines_free(m);
	lf_free(m->items);
	m->items = NULL;
	m->nitems = 0;
	m->width = width;
	if (!f)
		return;
	lf_buf_init(&b);
	lf_buf_addf(&b, "单位（处室）：%s　　姓名：%s　　岗位名称：%s", f->dept_name, f->person_name, f->post_name);
	add_line(m, -1, 1, A_BOLD, b.s);
	lf_buf_reset(&b);
	lf_buf_addf(&b, "状态：%s%s%s%s　", lf_selfcheck_status_label(f->status), f->grade ? "（" : "",
	            f->grade ? f->grade : "", f->grade ? "）" : "");
	next_step_text(m, &b);
	add_line(m, -1, 1, m->may_submit || m->may_review ? lf_ui_attr(LF_R_INFO) : A_NORMAL, b.s);
	m->pinned = m->nlines;
	head = m->nitems;
	add_item(m, I_HEAD, 0, 0, 0);
	lf_buf_reset(&b);
	lf_buf_addf(&b, "填表日期：%s", f->filled ? f->filled : "（未填）");
	add_line(m, head, 1, A_NORMAL, b.s);
	{
		struct dline *l = line_new(m, head, 1, A_NORMAL);

		l->pre = lf_strdup("岗位职责：");
		add_text(m, head, 11, A_NORMAL, f->duties && *f->duties ? f->duties : "（未填）", l);
	}
	lf_buf_reset(&b);
	lf_buf_addf(&b, "潜在风险和防控措施（%d 项%s）", m->risks.n, m->risks.n > 4 ? "；纸质表每页印 4 项" : "");
	add_line(m, -1, 0, A_NORMAL, "");
	add_line(m, -1, 0, lf_ui_attr(LF_R_HEADER), b.s);
	if (!m->risks.n)
		add_line(m, -1, 2, lf_ui_attr(LF_R_DIM), "（还没有潜在风险：按 F5 或 a 添加）");
	for (i = 0; i < m->risks.n; i++) {
		int item = m->nitems;

		if (i && i % 4 == 0)
			add_line(m, -1, 2, lf_ui_attr(LF_R_DIM), "—— 以上为纸质表的一页 ——");
		add_item(m, I_RISK, i, 0, 0);
		build_risk(m, i, item);
	}
	build_history(m);
	lf_buf_free(&b);
}

/* ------------------------------------------------------------------ loading */

static void clear_data(struct scform *m)
{
	int i;

	for (i = 0; m->ms && i < m->risks.n; i++)
		lf_measure_list_free(&m->ms[i]);
	lf_free(m->ms);
	m->ms = NULL;
	lf_selfcheck_list_free(&m->sc);
	lf_risk_list_free(&m->risks);
	lf_review_list_free(&m->hist);
	if (m->have_scheme)
		lf_scheme_free(&m->scheme);
	m->have_scheme = 0;
	lf_free(m->why_edit);
	lf_free(m->why_level);
	lf_free(m->why_submit);
	lf_free(m->why_review);
	m->why_edit = m->why_level = m->why_submit = m->why_review = NULL;
}

/* Whether the user may; the reason when not. */
static int may(struct lf_db *db, lf_status s, char **why)
{
	if (s == LF_OK)
		return 1;
	*why = lf_strdup(lf_errmsg(db, s));
	return 0;
}

static void load_rights(struct scform *m)
{
	struct lf_db *db = db_of(m);
	const struct lf_selfcheck *f = form(m);
	struct lf_review_in probe;

	memset(&probe, 0, sizeof probe);
	probe.grade = "准确";
	m->own = m->me.person[0] && !strcmp(m->me.person, f->person);
	m->may_edit = may(db, lf_may_edit_form(db, m->gid), &m->why_edit);
	m->may_measures = lf_may_edit_measures(db, f->dept) == LF_OK;
	m->may_level = may(db, lf_may_set_level(db, f->dept), &m->why_level);
	if (status_is(m, "draft") || status_is(m, "returned"))
		m->step = LF_REVIEW_SUBMIT;
	else if (status_is(m, "submitted"))
		m->step = LF_REVIEW_HEAD;
	else if (status_is(m, "head_signed"))
		m->step = LF_REVIEW_LEADER;
	else if (status_is(m, "leader_signed"))
		m->step = LF_REVIEW_ASSESS;
	else
		m->step = -1;
	/* the model says whether, and why not: for a step that is not the
	 * form's next, the reason is the one its state gives */
	m->may_submit = may(db, lf_review_check(db, m->gid, LF_REVIEW_SUBMIT, NULL), &m->why_submit);
	m->may_review = m->step > 0 && may(db, lf_review_check(db, m->gid, (enum lf_review_step)m->step, &probe),
	                                   &m->why_review);
	if (!m->may_review) {
		/* why not: the reason of a step whose role the user holds (a
		 * leader before the head has signed), else the next step's */
		enum lf_review_step k;
		lf_status st;

		for (k = LF_REVIEW_HEAD; k <= LF_REVIEW_ASSESS; k++)
			if ((st = lf_review_check(db, m->gid, k, &probe)) != LF_DENIED && st != LF_OK) {
				lf_free(m->why_review);
				m->why_review = lf_strdup(lf_errmsg(db, st));
				break;
			}
		if (!m->why_review)
			may(db, lf_review_check(db, m->gid, LF_REVIEW_HEAD, &probe), &m->why_review);
	}
}

static void reselect(struct scform *m)
{
	int i;

	if (m->pending[0])
		for (i = 0; i < m->nitems; i++) {
			const struct item *it = &m->items[i];

			if ((it->kind == I_RISK && !strcmp(m->risks.v[it->r].gid, m->pending)) ||
			    (it->kind == I_MEASURE && !strcmp(m->ms[it->r].v[it->m].gid, m->pending)))
				m->sel = i;
		}
	m->pending[0] = 0;
	for (i = 0; m->show_last && i < m->nitems; i++)
		if (m->items[i].kind == I_REVIEW)
			m->sel = i;
	m->show_last = 0;
	if (m->sel >= m->nitems)
		m->sel = m->nitems - 1;
	if (m->sel < 0)
		m->sel = 0;
}

static void load(struct scform *m)
{
	struct lf_db *db = db_of(m);
	struct lf_page pg;
	lf_status s;
	int i;

	clear_data(m);
	m->loaded = 1;
	m->error = 0;
	if ((s = lf_selfcheck_get(db, m->gid, &m->sc))) {
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, s));
		m->error = 1;
		memset(&m->sc, 0, sizeof m->sc);
		build(m, m->width);
		return;
	}
	m->have_scheme = lf_scheme_load(db, &m->scheme) == LF_OK;
	lf_page_init(&pg, LF_PAGE_MAX);
	if ((s = lf_risk_list(db, m->gid, 1, &pg, &m->risks)))
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, s));
	m->ms = lf_alloc((size_t)(m->risks.n + 1) * sizeof *m->ms);
	for (i = 0; i < m->risks.n; i++) {
		lf_page_init(&pg, LF_PAGE_MAX);
		if ((s = lf_measure_list(db, m->risks.v[i].gid, &pg, &m->ms[i])))
			memset(&m->ms[i], 0, sizeof m->ms[i]);
	}
	lf_page_init(&pg, LF_PAGE_MAX);
	if ((s = lf_review_history(db, m->gid, &pg, &m->hist)))
		memset(&m->hist, 0, sizeof m->hist);
	load_rights(m);
	build(m, m->width > 0 ? m->width : COLS - 2);
	reselect(m);
}

/* ------------------------------------------------------------------ drawing */

static void item_lines(struct scform *m, int item, int *first, int *last)
{
	int i;

	*first = *last = -1;
	for (i = 0; i < m->nlines; i++)
		if (m->lines[i].item == item) {
			if (*first < 0)
				*first = i;
			*last = i;
		}
}

static void draw_line(struct scform *m, WINDOW *w, int y, int cols, const struct dline *l, int first)
{
	int selected = l->item >= 0 && l->item == m->sel;
	attr_t a = selected ? lf_ui_attr(LF_R_SELECT) : l->a;
	int x = l->x;

	if (selected) {
		lf_ui_fill(w, y, 0, cols, a);
		if (first) {
			m->base.cy = y;
			m->base.cx = 0;
			lf_ui_print(w, y, 0, 1, lf_wc_showable(0x203a) && lf_wc_width(0x203a) == 1 ? "›" : ">", a);
		}
	}
	if (l->pre)
		x += lf_ui_print(w, y, x, cols - x, l->pre, a);
	if (l->badge)
		x += lf_ui_print(w, y, x, cols - x, l->badge, lf_p2_level_attr(l->level)) + 1;
	if (l->text)
		lf_ui_print(w, y, x, cols - x, l->text, a);
}

/* The pinned lines (who, status, next step) stay at the top; the rest
 * scrolls so that the selected item is in view. */
static void scform_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct scform *m = (struct scform *)s;
	int i, first, last, pin, body, n;

	if (!m->loaded)
		load(m);
	if (m->width != cols - 2)
		build(m, cols - 2);
	if (m->error) {
		lf_p2_wrap_print(w, 1, 2, cols - 4, rows - 1, "这张自查表打不开（原因见下面一行）。按 F10 或 Esc 返回。",
		           lf_ui_attr(LF_R_DIM));
		return;
	}
	pin = m->pinned < rows / 2 ? m->pinned : 0;
	for (i = 0; i < pin; i++)
		draw_line(m, w, i, cols, &m->lines[i], 0);
	body = rows - pin;
	n = m->nlines - pin; /* scrolling lines, from index pin */
	m->height = body;
	item_lines(m, m->sel, &first, &last);
	if (first >= 0) {
		first -= pin;
		last -= pin;
		if (last - first + 1 > body)
			last = first + body - 1;
		if (first < m->top)
			m->top = first;
		if (last >= m->top + body)
			m->top = last - body + 1;
	}
	if (m->top > n - body)
		m->top = n - body;
	if (m->top < 0)
		m->top = 0;
	for (i = 0; i < body && m->top + i < n; i++)
		draw_line(m, w, pin + i, cols, &m->lines[pin + m->top + i], m->top + i == first);
	if (m->top > 0)
		lf_ui_print(w, pin, cols - 2, 2, "↑", lf_ui_attr(LF_R_DIM));
	if (m->top + body < n)
		lf_ui_print(w, rows - 1, cols - 2, 2, "↓", lf_ui_attr(LF_R_DIM));
}

/* ------------------------------------------------------------------ actions */

static void saved(void *ctx, const char *gid)
{
	struct scform *m = ctx;

	snprintf(m->pending, sizeof m->pending, "%s", gid);
}

/* After a step of the review chain: show it, the last of the history. */
static void reviewed(void *ctx, const char *gid)
{
	struct scform *m = ctx;

	(void)gid;
	m->show_last = 1;
}

static const struct item *selected(struct scform *m)
{
	return m->sel >= 0 && m->sel < m->nitems ? &m->items[m->sel] : NULL;
}

/* May the user change the form now? Asks first when that sends a
 * signed form back. measure: a measure, which the department may also look
 * after. */
static int guard(struct scform *m, int measure)
{
	static const struct lf_choice go[] = { { 'Y', "仍要修改" } };
	char q[300];

	if (!m->may_edit) {
		if (measure && m->may_measures)
			return 1;
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", m->why_edit ? m->why_edit : "不能修改这张自查表。");
		return 0;
	}
	if (status_is(m, "draft") || status_is(m, "returned"))
		return 1;
	snprintf(q, sizeof q, "自查表%s：修改后原来的签字失效，要重新提交审核。", lf_selfcheck_status_label(form(m)->status));
	return lf_ui_ask(m->base.ui, q, go, 1, -1) == 0;
}

static void retire(struct scform *m, const struct item *it)
{
	static const struct lf_choice risk_choices[] = { { 'T', "停用" }, { 'D', "删除（录错了）" } };
	static const struct lf_choice back_choices[] = { { 'H', "恢复" }, { 'D', "删除（录错了）" } };
	static const struct lf_choice yes[] = { { 'D', "删除" } };
	struct lf_db *db = db_of(m);
	struct lf_ui *ui = m->base.ui;
	char q[300], gid[LF_GID_LEN + 1];
	int reopened = 0, c;
	lf_status s;

	if (it->kind == I_MEASURE) {
		snprintf(q, sizeof q, "删除风险点 %d 的措施 %d？", m->risks.v[it->r].seq, it->m + 1);
		snprintf(gid, sizeof gid, "%s", m->ms[it->r].v[it->m].gid);
		if (lf_ui_ask(ui, q, yes, 1, -1) != 0)
			return;
		s = lf_measure_delete(db, gid, &reopened);
	} else {
		const struct lf_risk *r = &m->risks.v[it->r];

		snprintf(gid, sizeof gid, "%s", r->gid);
		snprintf(q, sizeof q, r->retired ? "风险点 %d 已停用：" : "风险点 %d：停用的保留在表上，不计入汇总。", r->seq);
		c = lf_ui_ask(ui, q, r->retired ? back_choices : risk_choices, 2, -1);
		if (c < 0)
			return;
		if (c == 1) {
			static const struct lf_choice sure[] = { { 'Y', "确定删除" } };

			snprintf(q, sizeof q, "删除风险点 %d 和它的 %d 条措施？", r->seq, m->ms[it->r].n);
			if (lf_ui_ask(ui, q, sure, 1, -1) != 0)
				return;
			s = lf_risk_delete(db, gid, &reopened);
		} else {
			s = lf_risk_retire(db, gid, !r->retired, &reopened);
			snprintf(m->pending, sizeof m->pending, "%s", gid);
		}
	}
	if (s) {
		lf_ui_msg(ui, LF_MSG_ERROR, "没有改：%s", lf_errmsg(db, s));
		return;
	}
	load(m);
	lf_ui_msg(ui, LF_MSG_INFO, "已改。%s", reopened ? "自查表已退回“填写中”，原来的签字失效，请修改完后重新提交。" : "");
}

static void move_item(struct scform *m, const struct item *it, int dir)
{
	struct lf_db *db = db_of(m);
	char gid[LF_GID_LEN + 1];
	int reopened = 0;
	lf_status s;

	if (it->kind == I_RISK) {
		snprintf(gid, sizeof gid, "%s", m->risks.v[it->r].gid);
		s = lf_risk_move(db, gid, dir, &reopened);
	} else {
		snprintf(gid, sizeof gid, "%s", m->ms[it->r].v[it->m].gid);
		s = lf_measure_move(db, gid, dir, &reopened);
	}
	if (s) {
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, s));
		return;
	}
	snprintf(m->pending, sizeof m->pending, "%s", gid);
	load(m);
	if (reopened)
		lf_ui_msg(m->base.ui, LF_MSG_INFO, "顺序已改。自查表已退回“填写中”，原来的签字失效，请重新提交。");
}

static void submit(struct scform *m)
{
	static const struct lf_choice yes[] = { { 'Y', "提交" } };
	struct lf_db *db = db_of(m);
	lf_status s;

	if (lf_ui_ask(m->base.ui, "提交自查表？提交后本人不能再修改，除非被退回。", yes, 1, -1) != 0)
		return;
	if ((s = lf_review_step(db, m->gid, LF_REVIEW_SUBMIT, NULL))) {
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "没有提交：%s", lf_errmsg(db, s));
		return;
	}
	m->show_last = 1;
	load(m);
	lf_ui_msg(m->base.ui, LF_MSG_INFO, "已提交，等待处室负责人审核。");
}

static int scform_action(struct lf_screen *s, int id)
{
	struct scform *m = (struct scform *)s;
	const struct item *it = selected(m);
	struct lf_db *db = db_of(m);
	lf_status st = LF_OK;

	switch (id) {
	case A_EDIT:
		if (!it || it->kind == I_REVIEW)
			break;
		if (!guard(m, it->kind == I_MEASURE))
			break;
		if (it->kind == I_HEAD)
			st = lf_header_sheet_open(s->ui, m->gid, saved, m);
		else if (it->kind == I_RISK)
			st = lf_risk_sheet_open(s->ui, m->gid, m->risks.v[it->r].gid, saved, m);
		else
			st = lf_measure_sheet_open(s->ui, m->risks.v[it->r].gid, m->ms[it->r].v[it->m].gid, saved, m);
		break;
	case A_ADD_RISK:
		if (guard(m, 0))
			st = lf_risk_sheet_open(s->ui, m->gid, NULL, saved, m);
		break;
	case A_ADD_MEASURE:
		if (!it || (it->kind != I_RISK && it->kind != I_MEASURE)) {
			lf_ui_msg(s->ui, LF_MSG_ERROR, "先用上下键选中一项风险点，再为它添加措施。");
			break;
		}
		if (guard(m, 0))
			st = lf_measure_sheet_open(s->ui, m->risks.v[it->r].gid, NULL, saved, m);
		break;
	case A_RETIRE:
		if (it && (it->kind == I_RISK || it->kind == I_MEASURE) && guard(m, 0))
			retire(m, it);
		break;
	case A_MOVE_UP:
	case A_MOVE_DOWN:
		if (it && (it->kind == I_RISK || it->kind == I_MEASURE) && guard(m, 0))
			move_item(m, it, id == A_MOVE_UP ? -1 : 1);
		break;
	case A_SUBMIT:
		submit(m);
		break;
	case A_REVIEW:
		st = lf_review_sheet_open(s->ui, m->gid, (enum lf_review_step)m->step, reviewed, m);
		break;
	case A_LEVEL:
		if (it && (it->kind == I_RISK || it->kind == I_MEASURE))
			st = lf_level_sheet_open(s->ui, m->risks.v[it->r].gid, saved, m);
		break;
	}
	if (st)
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	return LF_DIRTY_ALL;
}

static int on_content(const struct item *it)
{
	return it && (it->kind == I_RISK || it->kind == I_MEASURE);
}

static int scform_enabled(struct lf_screen *s, int id)
{
	struct scform *m = (struct scform *)s;
	const struct item *it = selected(m);
	/* the user's own form shows its editing keys while it can be edited,
	 * even when the model refuses (the key then says why) */
	int edit = m->may_edit || (m->own && (status_is(m, "draft") || status_is(m, "returned")));

	if (!form(m))
		return 0;
	switch (id) {
	case A_EDIT:
		return it && it->kind != I_REVIEW && (edit || (it->kind == I_MEASURE && m->may_measures));
	case A_ADD_RISK: return edit;
	case A_ADD_MEASURE:
	case A_RETIRE:
	case A_MOVE_UP:
	case A_MOVE_DOWN: return edit && on_content(it);
	case A_SUBMIT: return m->may_submit;
	case A_REVIEW: return m->may_review;
	case A_LEVEL: return m->may_level && on_content(it);
	}
	return 1;
}

/* The key of an action that is not on offer: say why. */
static int explain(struct scform *m, int id)
{
	const struct item *it = selected(m);
	const char *why = NULL;

	switch (id) {
	case A_EDIT:
	case A_ADD_RISK:
	case A_ADD_MEASURE:
	case A_RETIRE:
	case A_MOVE_UP:
	case A_MOVE_DOWN:
		why = !m->may_edit ? m->why_edit : id == A_EDIT ? "审核记录不能修改。" : "先用上下键选中一项风险点或措施。";
		break;
	case A_SUBMIT: why = m->why_submit; break;
	case A_REVIEW: why = m->why_review; break;
	case A_LEVEL: why = !m->may_level ? m->why_level : on_content(it) ? NULL : "先用上下键选中一项风险点。"; break;
	}
	if (!why)
		return 0;
	lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", why);
	return 1;
}

static void select_item(struct scform *m, int i)
{
	if (i < 0)
		i = 0;
	if (i >= m->nitems)
		i = m->nitems - 1;
	m->sel = i;
}

static int scform_key(struct lf_screen *s, int key)
{
	struct scform *m = (struct scform *)s;
	const struct lf_ui_action *a;
	int k, first, last;

	for (a = lf_list_actions; a->id; a++)
		for (k = 0; k < 5 && a->keys[k]; k++)
			if (a->keys[k] == key) {
				switch ((enum lf_list_move)(a->id - 1)) {
				case LF_LIST_UP: select_item(m, m->sel - 1); break;
				case LF_LIST_DOWN: select_item(m, m->sel + 1); break;
				case LF_LIST_HOME:
					select_item(m, 0);
					m->top = 0;
					break;
				case LF_LIST_END: select_item(m, m->nitems - 1); break;
				case LF_LIST_PGUP:
				case LF_LIST_PGDN:
					/* scroll a page, then select the first item in view */
					m->top += (a->id - 1 == LF_LIST_PGDN ? 1 : -1) * (m->height > 2 ? m->height - 2 : 1);
					if (m->top > m->nlines - m->pinned - m->height)
						m->top = m->nlines - m->pinned - m->height;
					if (m->top < 0)
						m->top = 0;
					for (k = m->pinned + m->top; k < m->nlines && k < m->pinned + m->top + m->height; k++)
						if (m->lines[k].item >= 0) {
							item_lines(m, m->lines[k].item, &first, &last);
							if (first >= m->pinned + m->top) {
								m->sel = m->lines[k].item;
								break;
							}
						}
					break;
				}
				return LF_DIRTY_BODY;
			}
	for (a = lf_scform_actions; a->id; a++)
		for (k = 0; k < 5 && a->keys[k]; k++)
			if (a->keys[k] == key && explain(m, a->id))
				return LF_DIRTY_BODY;
	return -1;
}

/* The history key shows the selected item's record: the form itself on
 * its head, else the risk, measure or review step. */
static int scform_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct scform *m = (struct scform *)s;
	const struct item *it = selected(m);

	if (!form(m) || !it)
		return 0;
	switch (it->kind) {
	case I_RISK:
		*kind = "risk";
		*gid = m->risks.v[it->r].gid;
		break;
	case I_MEASURE:
		*kind = "measure";
		*gid = m->ms[it->r].v[it->m].gid;
		break;
	case I_REVIEW:
		*kind = "review";
		*gid = m->hist.v[it->v].gid;
		break;
	default:
		*kind = "selfcheck";
		*gid = m->gid;
	}
	return 1;
}

static void scform_resume(struct lf_screen *s)
{
	load((struct scform *)s);
}

static void scform_help(struct lf_screen *s, struct lf_buf *b)
{
	struct scform *m = (struct scform *)s;

	lf_buf_adds(b, "廉政风险自查表（岗位）。用上下键选中一项（岗位职责、一项风险点、一条措施），再按键修改、添加、"
	               "停用或调整顺序。每项风险点显示类别、来源、查找方式、发生概率和危害程度、矩阵给出的建议等级，"
	               "以及领导审定的等级和理由（两者都保留）。\n"
	               "审核流程：本人提交 → 处室负责人签署意见 → 分管领导签署意见 → 评估组评定准确、比较准确、基本准确或"
	               "不准确；后两种退回本人限期整改。轮到你做的那一步，键栏上才有它的键；按别的步骤的键会说明原因。\n"
	               "签字属于签字时的内容：提交或签字之后再修改，原来的签字失效，自查表退回“填写中”，要重新提交。"
	               "下面的审核记录里，失效的签字标有“签字已失效”。\n");
	if (m->step >= 0 && !m->may_review && m->why_review && m->step > 0)
		lf_buf_addf(b, "\n现在：%s\n", m->why_review);
}

static void scform_free(struct lf_screen *s)
{
	struct scform *m = (struct scform *)s;

	clear_data(m);
	lines_free(m);
	lf_free(m->lines);
	lf_free(m->items);
	lf_free(m);
}

static const struct lf_screen_ops scform_ops = {
	.name = "selfcheck",
	.actions = lf_scform_actions,
	.draw = scform_draw,
	.action = scform_action,
	.key = scform_key,
	.enabled = scform_enabled,
	.resume = scform_resume,
	.record = scform_record,
	.help = scform_help,
	.more_actions = lf_list_actions,
	.more_title = "在自查表中移动",
	.free = scform_free,
};

lf_status lf_scform_open(struct lf_ui *ui, const char *selfcheck)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_selfcheck_list l;
	struct scform *m;
	char title[200];
	lf_status s = lf_selfcheck_get(db, selfcheck, &l);

	if (s)
		return s;
	snprintf(title, sizeof title, "自查表：%s", l.v[0].person_name);
	lf_selfcheck_list_free(&l);
	m = lf_alloc(sizeof *m);
	snprintf(m->gid, sizeof m->gid, "%s", selfcheck);
	lf_me_load(db, &m->me);
	m->step = -1;
	lf_screen_init(&m->base, &scform_ops, title);
	lf_ui_push(ui, &m->base);
	load(m);
	return LF_OK;
}
