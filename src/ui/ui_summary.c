/* ui_summary: the summary table (单位（处室）廉政风险点及防控措施汇总表, seed 003
 * 附件2) of a department or the unit. Its eight columns — 序号, 姓名, 岗位名称,
 * 岗位职责, 潜在风险, 防控措施, 风险等级, 备注 — do not fit 80 columns, so the
 * list shows one line per risk (序号, 处室, 姓名, 岗位名称, 潜在风险, 风险等级)
 * and a pane under it shows the selected row in full: duties, risk, measures,
 * level (the decided one and the matrix's), remarks. Filters by department,
 * level, category and form status, and a heat-map cell; `/` searches risks,
 * duties and measures (FTS5 trigram in the model) and highlights what it
 * found. Pages are the model's keyset pages: as quick on the millionth row as
 * on the first. Enter opens the row's self-check form. */
#include "ui_p2.h"
#include "ui_access.h"
#include "ui_priv.h"
#include "lianfang/grade.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { U_OPEN = 1, U_FIND, U_DEPT, U_LEVEL, U_CATEGORY, U_STATUS, U_CLEAR, U_HEATMAP, U_UP, U_DOWN, U_PGUP, U_PGDN,
	   U_HOME };

const struct lf_ui_action lf_summary_actions[] = {
	{ U_OPEN, "open", "打开", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "打开选中一行所在的自查表" },
	{ U_FIND, "search", "查找", { LF_KEY(KEY_F(3)), '/' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "在潜在风险、岗位职责和防控措施中查找文字（找到的文字突出显示）；查找空文字取消" },
	{ U_DEPT, "dept", "处室", { LF_KEY(KEY_F(4)), 'f' }, LF_ACT_BAR | LF_ACT_TEXT, "只看一个处室的汇总表" },
	{ U_LEVEL, "level", "等级", { 'l' }, LF_ACT_BAR | LF_ACT_TEXT, "只看一个风险等级（审定等级）" },
	{ U_CATEGORY, "category", "类别", { 'c' }, LF_ACT_TEXT, "只看一个风险类别" },
	{ U_STATUS, "status", "状态", { 't' }, LF_ACT_TEXT, "只看自查表处于某个状态的风险点" },
	{ U_CLEAR, "clear", "全部", { 'x' }, LF_ACT_BAR | LF_ACT_TEXT, "取消所有筛选和查找" },
	{ U_HEATMAP, "heatmap", "热力图", { 'h' }, LF_ACT_TEXT, "按同样的筛选打开风险热力图" },
	{ U_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一行" },
	{ U_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N') }, LF_ACT_TEXT, "选中下一行" },
	{ U_PGUP, "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_TEXT, "向上翻一页" },
	{ U_PGDN, "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_TEXT, "向下翻一页" },
	{ U_HOME, "first", "第一行", { LF_KEY(KEY_HOME), 'g', '<' }, LF_ACT_TEXT, "回到第一页" },
	{ 0 },
};

struct summary {
	struct lf_screen base;
	char cycle[LF_GID_LEN + 1];
	char dept[LF_GID_LEN + 1];
	char *dept_name, *category, *text;
	const char *status;
	int level, probability, severity;
	char *scope;                 /* lf_p2_reach_note, or NULL */
	struct lf_me me;
	struct lf_scheme sc;
	int have_scheme;
	struct lf_pager pager;
	struct lf_summary_list rows;
	int sel, height, loaded;
};

static struct lf_db *db_of(struct summary *u)
{
	return lf_ui_ctx(u->base.ui)->db;
}

static void set_dept(struct summary *u, const char *gid)
{
	snprintf(u->dept, sizeof u->dept, "%s", gid ? gid : "");
	lf_free(u->dept_name);
	u->dept_name = u->dept[0] ? lf_record_label(db_of(u), lf_kind_find("dept"), u->dept) : NULL;
}

static void filter_of(struct summary *u, struct lf_summary_filter *f)
{
	memset(f, 0, sizeof *f);
	f->cycle = u->cycle;
	f->dept = u->dept[0] ? u->dept : NULL;
	f->level = u->level;
	f->category = u->category;
	f->status = u->status;
	f->text = u->text;
	f->probability = u->probability;
	f->severity = u->severity;
}

static void load(struct summary *u)
{
	struct lf_db *db = db_of(u);
	struct lf_summary_filter f;
	struct lf_page pg;
	lf_status s;

	lf_summary_list_free(&u->rows);
	filter_of(u, &f);
	lf_page_init(&pg, u->height > 0 ? u->height : 8);
	memcpy(pg.after, u->pager.after, LF_KEY_MAX);
	s = lf_summary_page(db, &f, &pg, &u->rows);
	lf_free(u->scope);
	u->scope = lf_p2_reach_note(u->base.ui, f.dept);
	u->loaded = 1;
	if (s) {
		lf_ui_msg(u->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, s));
		memset(&u->rows, 0, sizeof u->rows);
	}
	memcpy(u->pager.next, pg.next, LF_KEY_MAX);
	if (u->sel >= u->rows.n)
		u->sel = u->rows.n - 1;
	if (u->sel < 0)
		u->sel = 0;
}

static void restart(struct summary *u)
{
	lf_pager_reset(&u->pager);
	u->sel = 0;
	u->loaded = 0;
}

static const char *level_name(struct summary *u, int level)
{
	static char buf[16];

	if (!level)
		return "";
	if (u->have_scheme)
		return lf_scheme_level_name(&u->sc, level);
	snprintf(buf, sizeof buf, "%d级", level);
	return buf;
}

/* ------------------------------------------------------------------ drawing */

static void filter_line(struct summary *u, struct lf_buf *b)
{
#define SEP (b->len ? " · " : "")
	lf_buf_adds(b, u->dept_name ? u->dept_name : u->scope ? "" : "全单位");
	if (u->level)
		lf_buf_addf(b, "%s等级 %s", SEP, level_name(u, u->level));
	if (u->category)
		lf_buf_addf(b, "%s类别 %s", SEP, u->category);
	if (u->status)
		lf_buf_addf(b, "%s%s", SEP, lf_selfcheck_status_label(u->status));
	if (u->probability && u->severity) {
		if (u->have_scheme && u->probability <= u->sc.size && u->severity <= u->sc.size)
			lf_buf_addf(b, "%s发生概率 %s × 危害程度 %s", SEP, u->sc.prob[u->probability],
			            u->sc.severity[u->severity]);
		else
			lf_buf_addf(b, "%s发生概率 %d × 危害程度 %d", SEP, u->probability, u->severity);
	}
	if (u->text)
		lf_buf_addf(b, "%s查找“%s”", SEP, u->text);
#undef SEP
	if (u->scope)
		lf_buf_addf(b, "%s%s", b->len ? "　" : "", u->scope);
}

/* Lines of the detail pane for a row, at most `room`, highlighted. */
static int draw_detail(struct summary *u, WINDOW *w, int y, int rows, int cols, const struct lf_summary_row *r)
{
	struct {
		const char *label, *text;
		int max;
	} part[5];
	struct lf_buf lv, ms;
	attr_t hl = lf_ui_attr(LF_R_MATCH);
	int i, k, used = 0, n;

	lf_buf_init(&lv);
	lf_buf_addf(&lv, "%s", r->level ? level_name(u, r->level) : "未评");
	if (r->level_reason)
		lf_buf_addf(&lv, "（矩阵建议 %s；审定理由：%s）", r->level_proposed ? level_name(u, r->level_proposed) : "无",
		            r->level_reason);
	if (r->category)
		lf_buf_addf(&lv, "　类别：%s", r->category);
	if (r->remarks && *r->remarks)
		lf_buf_addf(&lv, "　备注：%s", r->remarks);
	lf_buf_init(&ms);
	if (r->measures) {
		const char *p = r->measures;

		for (k = 1; *p; k++) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);

			lf_buf_addf(&ms, "%s%d. ", k > 1 ? "\n" : "", k);
			lf_buf_add(&ms, p, len);
			p += len + (nl ? 1 : 0);
		}
	}
	part[0].label = "岗位职责：", part[0].text = r->duties, part[0].max = 2;
	part[1].label = "潜在风险：", part[1].text = r->description, part[1].max = 3;
	part[2].label = "防控措施：", part[2].text = ms.len ? ms.s : "（无）", part[2].max = 0;
	part[3].label = "风险等级：", part[3].text = lv.s, part[3].max = 2;
	{
		/* the measures get what the others leave */
		int need = 0;

		for (i = 0; i < 4; i++)
			if (i != 2) {
				char **l = lf_p2_wrap(part[i].text ? part[i].text : "", cols - 2 - lf_utf8_width(part[i].label), 0,
				                      &n);

				need += n < part[i].max ? n : part[i].max;
				lf_p2_wrap_free(l, n);
			}
		part[2].max = rows - need > 1 ? rows - need : 1;
	}
	for (i = 0; i < 4; i++) {
		char **lines;
		int lw = lf_utf8_width(part[i].label);

		if (used >= rows)
			break;
		lines = lf_p2_wrap(part[i].text ? part[i].text : "", cols - 2 - lw, 0, &n);
		lf_ui_print(w, y + used, 1, lw, part[i].label, lf_ui_attr(LF_R_LABEL) | A_BOLD);
		for (k = 0; k < n && k < part[i].max && used < rows; k++, used++) {
			int cut = (k == part[i].max - 1 || used == rows - 1) && k < n - 1;
			int x = 1 + lw;

			x += lf_ui_print_hl(w, y + used, x, cols - x - (cut ? 3 : 1), lines[k], A_NORMAL, u->text, hl);
			if (cut)
				lf_ui_print(w, y + used, x, 2, "…", lf_ui_attr(LF_R_DIM));
		}
		lf_p2_wrap_free(lines, n);
	}
	lf_buf_free(&lv);
	lf_buf_free(&ms);
	return used;
}

static void summary_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct summary *u = (struct summary *)s;
	int unit = !u->dept[0], list_h = rows >= 20 ? rows - 12 : rows / 2 - 2, i, x;
	attr_t hl = lf_ui_attr(LF_R_MATCH);
	struct lf_buf b;

	if (list_h < 2)
		list_h = 2;
	if (list_h != u->height || !u->loaded) {
		u->height = list_h;
		load(u);
	}
	lf_buf_init(&b);
	filter_line(u, &b);
	lf_ui_print(w, 0, 1, cols - 2, b.s, lf_ui_attr(LF_R_PATH));
	x = 1;
	lf_ui_print(w, 1, x, 4, "序号", lf_ui_attr(LF_R_HEADER));
	x += 5;
	if (unit) {
		lf_ui_print(w, 1, x, 10, "处室", lf_ui_attr(LF_R_HEADER));
		x += 11;
	}
	lf_ui_print(w, 1, x, 6, "姓名", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, 1, x + 7, 12, "岗位名称", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, 1, x + 20, cols - x - 28, "潜在风险", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, 1, cols - 7, 6, "等级", lf_ui_attr(LF_R_HEADER));
	if (!u->rows.n)
		lf_ui_print(w, 3, 3, cols - 6,
		            u->text || u->level || u->category || u->status || u->probability || u->dept[0]
		                ? "（没有符合条件的风险点；按 x 取消筛选）" : "（本年度还没有风险点）",
		            lf_ui_attr(LF_R_DIM));
	for (i = 0; i < u->rows.n && i < list_h; i++) {
		const struct lf_summary_row *r = &u->rows.v[i];
		attr_t a = i == u->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;
		attr_t h = hl | (i == u->sel && !lf_ui_colour() ? A_REVERSE : 0);
		char no[16], tag[64];
		int y = 2 + i, cx = 1;

		if (i == u->sel) {
			lf_ui_fill(w, y, 0, cols, a);
			s->cy = y;
			s->cx = 0;
		}
		snprintf(no, sizeof no, "%4d", r->no);
		lf_ui_print(w, y, cx, 4, no, a);
		cx += 5;
		if (unit) {
			lf_ui_print(w, y, cx, 10, r->dept_name, a);
			cx += 11;
		}
		lf_ui_print_hl(w, y, cx, 6, r->person_name ? r->person_name : "（岗位）", a, u->text, h);
		lf_ui_print_hl(w, y, cx + 7, 12, r->post_name, a, u->text, h);
		lf_ui_print_hl(w, y, cx + 20, cols - cx - 28, r->description, a, u->text, h);
		lf_p2_level_tag(tag, sizeof tag, r->level ? level_name(u, r->level) : "");
		lf_ui_print(w, y, cols - 7, 6, tag, lf_p2_level_attr(r->level));
	}
	/* the selected row in full */
	{
		int y = 2 + list_h;

		lf_buf_reset(&b);
		if (u->sel < u->rows.n) {
			const struct lf_summary_row *r = &u->rows.v[u->sel];

			lf_buf_addf(&b, "第 %d 行：%s　%s　%s", r->no, r->dept_name, r->post_name,
			            r->person_name ? r->person_name : "");
			if (r->status)
				lf_buf_addf(&b, "（自查表%s）", lf_selfcheck_status_label(r->status));
		}
		mvwhline(w, y, 0, ACS_HLINE, cols);
		if (b.len)
			lf_ui_print(w, y, 2, cols - 4, b.s, lf_ui_attr(LF_R_PATH));
		if (u->sel < u->rows.n)
			draw_detail(u, w, y + 1, rows - y - 2, cols, &u->rows.v[u->sel]);
	}
	lf_buf_reset(&b);
	lf_buf_addf(&b, "第 %d 页", u->pager.depth + 1);
	if (u->pager.next[0])
		lf_buf_adds(&b, "，下面还有（PgDn 或空格）");
	if (u->pager.depth)
		lf_buf_adds(&b, "，PgUp 或 - 回上一页");
	if (u->text)
		lf_buf_addf(&b, "　%s", lf_search_uses_index(u->text) ? "全文索引查找" : "一两个字：逐行查找");
	lf_ui_print(w, rows - 1, 1, cols - 2, b.s, lf_ui_attr(LF_R_DIM));
	lf_buf_free(&b);
}

/* ------------------------------------------------------------------ actions */

static void dept_picked(void *ctx, const char *value, const char *label)
{
	struct summary *u = ctx;

	(void)label;
	set_dept(u, value);
	restart(u);
}

static void level_picked(void *ctx, const char *value, const char *label)
{
	struct summary *u = ctx;
	int k;

	(void)label;
	u->level = 0;
	for (k = 1; k <= 3 && u->have_scheme; k++)
		if (!strcmp(value, lf_scheme_level_name(&u->sc, k)))
			u->level = k;
	restart(u);
}

static void category_picked(void *ctx, const char *value, const char *label)
{
	struct summary *u = ctx;

	(void)label;
	lf_free(u->category);
	u->category = strcmp(value, "全部") ? lf_strdup(value) : NULL;
	restart(u);
}

static void status_picked(void *ctx, const char *value, const char *label)
{
	struct summary *u = ctx;

	(void)label;
	u->status = lf_selfcheck_status_parse(value);
	restart(u);
}

static void pick_level(struct summary *u)
{
	char *choices[4];
	int n = 0, k;

	choices[n++] = lf_strdup("全部");
	for (k = 3; k >= 1; k--)
		choices[n++] = lf_strdup(level_name(u, k));
	lf_picker_choices(u->base.ui, "选择风险等级", choices, n, level_picked, u);
	lf_picker_select(u->base.ui, u->level ? level_name(u, u->level) : "全部");
	for (k = 0; k < n; k++)
		lf_free(choices[k]);
}

static void pick_category(struct summary *u)
{
	char *choices[LF_LIST_MAX + 2];
	int n = 0, k;

	choices[n++] = "全部";
	for (k = 0; u->have_scheme && u->sc.categories[k]; k++)
		choices[n++] = u->sc.categories[k];
	lf_picker_choices(u->base.ui, "选择风险类别", choices, n, category_picked, u);
	lf_picker_select(u->base.ui, u->category ? u->category : "全部");
}

static void pick_status(struct summary *u)
{
	static const char *const st[] = { "全部", "填写中", "已提交", "处室负责人已签字", "分管领导已签字", "退回整改",
		                              "评估通过" };

	lf_picker_choices(u->base.ui, "选择自查表状态", (char *const *)st, (int)LF_COUNT(st), status_picked, u);
	lf_picker_select(u->base.ui, u->status ? lf_selfcheck_status_label(u->status) : "全部");
}

static void find(struct summary *u)
{
	char *q = lf_ui_prompt(u->base.ui, "查找（风险、职责、措施）：", u->text);

	if (!q)
		return;
	lf_free(u->text);
	u->text = *q ? q : NULL;
	if (!*q)
		lf_free(q);
	restart(u);
}

static int summary_action(struct lf_screen *s, int id)
{
	struct summary *u = (struct summary *)s;
	struct lf_db *db = db_of(u);
	lf_status st = LF_OK;

	switch (id) {
	case U_OPEN:
		if (u->sel < u->rows.n) {
			const struct lf_summary_row *r = &u->rows.v[u->sel];

			if (r->selfcheck[0])
				st = lf_scform_open(s->ui, r->selfcheck);
			else
				lf_ui_msg(s->ui, LF_MSG_INFO, "这个风险点是部门评查等查出的岗位风险，不在自查表上。");
		}
		break;
	case U_FIND: find(u); break;
	case U_DEPT:
		st = lf_picker_records(s->ui, lf_kind_find("dept"), "选择处室", dept_picked, u);
		if (st == LF_OK)
			lf_picker_select(s->ui, u->dept);
		break;
	case U_LEVEL: pick_level(u); break;
	case U_CATEGORY: pick_category(u); break;
	case U_STATUS: pick_status(u); break;
	case U_CLEAR:
		set_dept(u, NULL);
		u->level = u->probability = u->severity = 0;
		lf_free(u->category);
		lf_free(u->text);
		u->category = u->text = NULL;
		u->status = NULL;
		restart(u);
		break;
	case U_HEATMAP: {
		struct lf_summary_filter f;

		filter_of(u, &f);
		lf_heatmap_screen_open(s->ui, &f);
		break;
	}
	case U_UP:
		if (u->sel > 0)
			u->sel--;
		else if (lf_pager_prev(&u->pager)) {
			load(u);
			u->sel = u->rows.n - 1;
		}
		break;
	case U_DOWN:
		if (u->sel + 1 < u->rows.n)
			u->sel++;
		else if (lf_pager_next(&u->pager)) {
			u->sel = 0;
			load(u);
		}
		break;
	case U_PGUP:
		if (lf_pager_prev(&u->pager))
			load(u);
		else
			u->sel = 0;
		break;
	case U_PGDN:
		if (lf_pager_next(&u->pager))
			load(u);
		else
			u->sel = u->rows.n - 1;
		break;
	case U_HOME: restart(u); break;
	}
	if (st)
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	return LF_DIRTY_ALL;
}

static int summary_enabled(struct lf_screen *s, int id)
{
	struct summary *u = (struct summary *)s;

	return id != U_OPEN || u->rows.n > 0;
}

static void summary_resume(struct lf_screen *s)
{
	load((struct summary *)s);
}

static void summary_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "单位（处室）廉政风险点及防控措施汇总表。纸质表有八列：序号、姓名、岗位名称、岗位职责、潜在风险、"
	               "防控措施、风险等级、备注；屏幕上每个风险点一行，选中一行时下面显示它的岗位职责、潜在风险、"
	               "全部防控措施、风险等级和备注。风险等级是审定等级；与矩阵建议不同的，同时写出建议和理由。\n"
	               "按 / 查找：在风险描述、岗位职责和防控措施中找，三个字以上用全文索引，找到的文字突出显示。"
	               "按 F4 或 f、l、c、t 按处室、等级、类别、自查表状态筛选，x 全部取消。\n"
	               "每次只从数据库读一页，风险点再多，翻页和查找也一样快。\n");
}

static void summary_free(struct lf_screen *s)
{
	struct summary *u = (struct summary *)s;

	lf_summary_list_free(&u->rows);
	lf_pager_free(&u->pager);
	if (u->have_scheme)
		lf_scheme_free(&u->sc);
	lf_free(u->dept_name);
	lf_free(u->scope);
	lf_free(u->category);
	lf_free(u->text);
	lf_free(u);
}

/* The history key shows the selected row's risk. */
static int summary_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct summary *u = (struct summary *)s;

	if (u->sel < 0 || u->sel >= u->rows.n)
		return 0;
	*kind = "risk";
	*gid = u->rows.v[u->sel].risk;
	return 1;
}

static const struct lf_screen_ops summary_ops = {
	.name = "summary",
	.actions = lf_summary_actions,
	.draw = summary_draw,
	.action = summary_action,
	.enabled = summary_enabled,
	.resume = summary_resume,
	.record = summary_record,
	.help = summary_help,
	.free = summary_free,
};

void lf_summary_screen_open(struct lf_ui *ui, const struct lf_summary_filter *f)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	const char *cycle = f && f->cycle ? f->cycle : lf_p2_cycle(ui);
	struct summary *u;

	if (!cycle)
		return;
	u = lf_alloc(sizeof *u);
	snprintf(u->cycle, sizeof u->cycle, "%s", cycle);
	lf_me_load(db, &u->me);
	u->have_scheme = lf_scheme_load(db, &u->sc) == LF_OK;
	lf_screen_init(&u->base, &summary_ops, f && f->probability ? "汇总表（热力图一格）" : "汇总表");
	lf_ui_push(ui, &u->base);
	if (f) {
		set_dept(u, f->dept);
		u->level = f->level;
		u->category = lf_strdup(f->category);
		u->status = f->status ? lf_selfcheck_status_parse(f->status) : NULL;
		u->text = f->text && *f->text ? lf_strdup(f->text) : NULL;
		u->probability = f->probability;
		u->severity = f->severity;
	}
}

void lf_summary_screen_open_menu(struct lf_ui *ui)
{
	lf_summary_screen_open(ui, NULL);
}
