/* ui_heatmap: risks by probability (rows, high at the top) and severity
 * (columns, low at the left), the count in each cell, each cell coloured by
 * the level the unit's matrix gives it — and, so that it reads on a
 * monochrome terminal too, the level's name written in the cell and the
 * levels set apart by plain, bold and reverse. Arrows move between cells;
 * Enter lists the cell's risks (the summary table filtered to the cell). */
#include "ui_p2.h"
#include "ui_access.h"
#include "ui_priv.h"
#include "lianfang/grade.h"
#include "lianfang/heatmap.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <string.h>

enum { M_OPEN = 1, M_SUMMARY, M_DEPT, M_CATEGORY, M_STATUS, M_CLEAR, M_UP, M_DOWN, M_LEFT, M_RIGHT };

const struct lf_ui_action lf_heatmap_actions[] = {
	{ M_OPEN, "open", "列出", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "列出选中一格的风险点（汇总表）" },
	{ M_SUMMARY, "summary", "汇总表", { 's' }, LF_ACT_BAR | LF_ACT_TEXT, "按同样的筛选打开汇总表（全部格子）" },
	{ M_DEPT, "dept", "处室", { LF_KEY(KEY_F(4)), 'f' }, LF_ACT_BAR | LF_ACT_TEXT, "只看一个处室" },
	{ M_CATEGORY, "category", "类别", { 'c' }, LF_ACT_TEXT, "只看一个风险类别" },
	{ M_STATUS, "status", "状态", { 't' }, LF_ACT_TEXT, "只看自查表处于某个状态的风险点" },
	{ M_CLEAR, "clear", "全部", { 'x' }, LF_ACT_TEXT, "取消筛选" },
	{ M_UP, "up", "上", { LF_KEY(KEY_UP), 'k' }, LF_ACT_TEXT, "到上一行（发生概率更高）" },
	{ M_DOWN, "down", "下", { LF_KEY(KEY_DOWN), 'j' }, LF_ACT_TEXT, "到下一行（发生概率更低）" },
	{ M_LEFT, "left", "左", { LF_KEY(KEY_LEFT), 'h' }, LF_ACT_TEXT, "到左边一格（危害程度更轻）" },
	{ M_RIGHT, "right", "右", { LF_KEY(KEY_RIGHT), 'l' }, LF_ACT_TEXT, "到右边一格（危害程度更重）" },
	{ 0 },
};

struct heat {
	struct lf_screen base;
	char cycle[LF_GID_LEN + 1];
	char dept[LF_GID_LEN + 1];
	char *dept_name, *category;
	const char *status;
	int level;
	char *scope;                 /* lf_p2_reach_note, or NULL */
	struct lf_me me;
	struct lf_scheme sc;
	int have_scheme;
	struct lf_heatmap h;
	int ok, loaded;
	int p, s;          /* the selected cell */
};

static struct lf_db *db_of(struct heat *m)
{
	return lf_ui_ctx(m->base.ui)->db;
}

static void set_dept(struct heat *m, const char *gid)
{
	snprintf(m->dept, sizeof m->dept, "%s", gid ? gid : "");
	lf_free(m->dept_name);
	m->dept_name = m->dept[0] ? lf_record_label(db_of(m), lf_kind_find("dept"), m->dept) : NULL;
}

static void filter_of(struct heat *m, struct lf_summary_filter *f)
{
	memset(f, 0, sizeof *f);
	f->cycle = m->cycle;
	f->dept = m->dept[0] ? m->dept : NULL;
	f->level = m->level;
	f->category = m->category;
	f->status = m->status;
}

static void load(struct heat *m)
{
	struct lf_db *db = db_of(m);
	struct lf_summary_filter f;
	lf_status s;

	filter_of(m, &f);
	s = lf_heatmap_get(db, &f, &m->h);
	lf_free(m->scope);
	m->scope = lf_p2_reach_note(m->base.ui, f.dept);
	m->loaded = 1;
	m->ok = s == LF_OK;
	if (s)
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, s));
	if (m->ok) {
		if (m->p < 1 || m->p > m->h.size)
			m->p = m->h.size;
		if (m->s < 1 || m->s > m->h.size)
			m->s = m->h.size;
	}
}

static const char *lname(struct heat *m, int level)
{
	return m->have_scheme ? lf_scheme_level_name(&m->sc, level) : level == 3 ? "高" : level == 2 ? "中" : "低";
}

static const char *axis(struct heat *m, int prob, int i, char *buf, size_t len)
{
	if (m->have_scheme)
		snprintf(buf, len, "%s(%d)", prob ? m->sc.prob[i] : m->sc.severity[i], i);
	else
		snprintf(buf, len, "%d", i);
	return buf;
}

/* ------------------------------------------------------------------ drawing */

static void centre(WINDOW *w, int y, int x, int width, const char *text, attr_t a)
{
	int tw = lf_utf8_width(text);

	lf_ui_print(w, y, x + (width - tw > 0 ? (width - tw) / 2 : 0), width, text, a);
}

static void heat_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct heat *m = (struct heat *)s;
	int n, lw = 14, cw, ch, p, sv, y, x0, i;
	char buf[128];
	struct lf_buf b;

	if (!m->loaded)
		load(m);
	lf_buf_init(&b);
	lf_buf_adds(&b, m->dept_name ? m->dept_name : m->scope ? "" : "全单位");
	if (m->category)
		lf_buf_addf(&b, "%s类别 %s", b.len ? " · " : "", m->category);
	if (m->status)
		lf_buf_addf(&b, "%s%s", b.len ? " · " : "", lf_selfcheck_status_label(m->status));
	lf_buf_addf(&b, "%s（不含已停用的风险点）", b.len ? "　" : "");
	if (m->scope)
		lf_buf_addf(&b, "　%s", m->scope);
	lf_ui_print(w, 0, 1, cols - 2, b.s, lf_ui_attr(LF_R_PATH));
	if (!m->ok) {
		lf_buf_free(&b);
		return;
	}
	n = m->h.size;
	cw = (cols - lw - 2) / n - 1;
	if (cw > 16)
		cw = 16;
	ch = n <= 3 ? 3 : 2;
	x0 = lw + 1;
	centre(w, 1, x0, (cw + 1) * n, "危害程度 →（由轻到重）", lf_ui_attr(LF_R_DIM));
	for (sv = 1; sv <= n; sv++)
		centre(w, 2, x0 + (sv - 1) * (cw + 1), cw, axis(m, 0, sv, buf, sizeof buf), lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, 2, 1, lw, "发生概率 ↓", lf_ui_attr(LF_R_DIM));
	for (p = n, y = 3; p >= 1; p--, y += ch) {
		lf_ui_print(w, y + (ch - 1) / 2, 1, lw - 1, axis(m, 1, p, buf, sizeof buf), lf_ui_attr(LF_R_HEADER));
		for (sv = 1; sv <= n; sv++) {
			int x = x0 + (sv - 1) * (cw + 1), level = m->h.level[p][sv], sel = p == m->p && sv == m->s;
			attr_t a = lf_p2_level_attr(level);

			for (i = 0; i < ch; i++)
				lf_ui_fill(w, y + i, x, cw, a);
			snprintf(buf, sizeof buf, "%d 个", m->h.count[p][sv]);
			centre(w, y + (ch > 2 ? 1 : 0), x, cw, buf, a | (m->h.count[p][sv] ? A_BOLD : 0));
			centre(w, y + (ch > 2 ? 2 : 1), x, cw, lname(m, level), a);
			if (sel) {
				/* the selection reads without colour: brackets at its edges */
				for (i = 0; i < ch; i++) {
					lf_ui_print(w, y + i, x, 1, "[", a | A_BOLD);
					lf_ui_print(w, y + i, x + cw - 1, 1, "]", a | A_BOLD);
				}
				s->cy = y + (ch > 2 ? 1 : 0);
				s->cx = x;
			}
		}
	}
	y++;
	lf_buf_reset(&b);
	lf_buf_addf(&b, "合计 %d 个风险点，按审定等级：", m->h.total);
	for (i = 3; i >= 1; i--)
		lf_buf_addf(&b, "%s %d%s", lname(m, i), m->h.by_level[i], i > 1 ? "，" : "");
	if (m->h.by_level[0])
		lf_buf_addf(&b, "，未评级 %d", m->h.by_level[0]);
	y += lf_p2_wrap_print(w, y, 1, cols - 2, rows - y, b.s, A_NORMAL);
	if (m->h.unscored || m->h.overridden) {
		lf_buf_reset(&b);
		if (m->h.unscored)
			lf_buf_addf(&b, "未评发生概率或危害程度（不在图中）%d 个", m->h.unscored);
		if (m->h.overridden)
			lf_buf_addf(&b, "%s领导审定等级与矩阵建议不同 %d 个", m->h.unscored ? "；" : "", m->h.overridden);
		y += lf_p2_wrap_print(w, y, 1, cols - 2, rows - y, b.s, A_NORMAL);
	}
	lf_buf_reset(&b);
	lf_buf_addf(&b, "选中：发生概率 %s × 危害程度 %s，%d 个风险点，矩阵等级 %s。按 Enter 列出。",
	            m->have_scheme ? m->sc.prob[m->p] : "", m->have_scheme ? m->sc.severity[m->s] : "",
	            m->h.count[m->p][m->s], lname(m, m->h.level[m->p][m->s]));
	lf_p2_wrap_print(w, y + 1, 1, cols - 2, rows - y - 1, b.s, lf_ui_attr(LF_R_DIM));
	lf_buf_free(&b);
}

/* ------------------------------------------------------------------ actions */

static void dept_picked(void *ctx, const char *value, const char *label)
{
	struct heat *m = ctx;

	(void)label;
	set_dept(m, value);
	m->loaded = 0;
}

static void category_picked(void *ctx, const char *value, const char *label)
{
	struct heat *m = ctx;

	(void)label;
	lf_free(m->category);
	m->category = strcmp(value, "全部") ? lf_strdup(value) : NULL;
	m->loaded = 0;
}

static void status_picked(void *ctx, const char *value, const char *label)
{
	struct heat *m = ctx;

	(void)label;
	m->status = lf_selfcheck_status_parse(value);
	m->loaded = 0;
}

static int heat_action(struct lf_screen *s, int id)
{
	static const char *const st[] = { "全部", "填写中", "已提交", "处室负责人已签字", "分管领导已签字", "退回整改",
		                              "评估通过" };
	struct heat *m = (struct heat *)s;
	struct lf_summary_filter f;
	lf_status r = LF_OK;
	int n = m->h.size;

	switch (id) {
	case M_OPEN:
	case M_SUMMARY:
		filter_of(m, &f);
		if (id == M_OPEN) {
			f.probability = m->p;
			f.severity = m->s;
		}
		lf_summary_screen_open(s->ui, &f);
		break;
	case M_DEPT:
		r = lf_picker_records(s->ui, lf_kind_find("dept"), "选择处室", dept_picked, m);
		if (r == LF_OK)
			lf_picker_select(s->ui, m->dept);
		break;
	case M_CATEGORY: {
		char *choices[LF_LIST_MAX + 2];
		int k, c = 0;

		choices[c++] = "全部";
		for (k = 0; m->have_scheme && m->sc.categories[k]; k++)
			choices[c++] = m->sc.categories[k];
		lf_picker_choices(s->ui, "选择风险类别", choices, c, category_picked, m);
		lf_picker_select(s->ui, m->category ? m->category : "全部");
		break;
	}
	case M_STATUS:
		lf_picker_choices(s->ui, "选择自查表状态", (char *const *)st, (int)LF_COUNT(st), status_picked, m);
		lf_picker_select(s->ui, m->status ? lf_selfcheck_status_label(m->status) : "全部");
		break;
	case M_CLEAR:
		set_dept(m, NULL);
		lf_free(m->category);
		m->category = NULL;
		m->status = NULL;
		m->level = 0;
		m->loaded = 0;
		break;
	case M_UP: m->p = m->p < n ? m->p + 1 : n; break;
	case M_DOWN: m->p = m->p > 1 ? m->p - 1 : 1; break;
	case M_LEFT: m->s = m->s > 1 ? m->s - 1 : 1; break;
	case M_RIGHT: m->s = m->s < n ? m->s + 1 : n; break;
	}
	if (r)
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", lf_errmsg(db_of(m), r));
	return LF_DIRTY_ALL;
}

static int heat_enabled(struct lf_screen *s, int id)
{
	struct heat *m = (struct heat *)s;

	return m->ok || id == M_DEPT || id == M_CLEAR;
}

static void heat_resume(struct lf_screen *s)
{
	load((struct heat *)s);
}

static void heat_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "风险热力图：纵向是发生概率（上高下低），横向是危害程度（左轻右重）。每格写着这一格有几个风险点，"
	               "以及本单位分级矩阵给这一格的等级；彩色终端按等级着色，单色终端里高等级反白、中等级加粗，"
	               "等级名称都写在格子里。合计按领导审定的等级计。\n"
	               "用方向键（或 h j k l）选一格，按 Enter 列出这一格的风险点。\n");
}

static void heat_free(struct lf_screen *s)
{
	struct heat *m = (struct heat *)s;

	if (m->have_scheme)
		lf_scheme_free(&m->sc);
	lf_free(m->dept_name);
	lf_free(m->scope);
	lf_free(m->category);
	lf_free(m);
}

static const struct lf_screen_ops heat_ops = {
	.name = "heatmap",
	.actions = lf_heatmap_actions,
	.draw = heat_draw,
	.action = heat_action,
	.enabled = heat_enabled,
	.resume = heat_resume,
	.help = heat_help,
	.free = heat_free,
};

void lf_heatmap_screen_open(struct lf_ui *ui, const struct lf_summary_filter *f)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	const char *cycle = f && f->cycle ? f->cycle : lf_p2_cycle(ui);
	struct heat *m;

	if (!cycle)
		return;
	m = lf_alloc(sizeof *m);
	snprintf(m->cycle, sizeof m->cycle, "%s", cycle);
	lf_me_load(db, &m->me);
	m->have_scheme = lf_scheme_load(db, &m->sc) == LF_OK;
	lf_screen_init(&m->base, &heat_ops, "风险热力图");
	lf_ui_push(ui, &m->base);
	if (f) {
		set_dept(m, f->dept);
		m->category = lf_strdup(f->category);
		m->status = f->status ? lf_selfcheck_status_parse(f->status) : NULL;
		m->level = f->level;
	}
}

void lf_heatmap_screen_open_menu(struct lf_ui *ui)
{
	lf_heatmap_screen_open(ui, NULL);
}
