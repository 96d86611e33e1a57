/* ui_list: the scrolling list widget. It holds only the rows on screen and
 * asks its source for "the n rows after/before this row", so moving through
 * a million rows costs one small query per keystroke. The source is usually
 * a record list (reclist.h); anything with the same two questions will do. */
#include "lianfang/screen.h"

#include <string.h>

static lf_status rl_page(void *ctx, const struct lf_listrow *from, int dir, int n, struct lf_listrow *out, int *got)
{
	return lf_reclist_page(ctx, from, dir, n, out, got);
}

static lf_status rl_find(void *ctx, const struct lf_listrow *from, int dir, const char *q, struct lf_listrow *out,
                         int *found)
{
	return lf_reclist_find(ctx, from, dir, q, out, found);
}

struct lf_list_source lf_list_source_reclist(struct lf_reclist *l)
{
	struct lf_list_source s = { l, rl_page, rl_find };

	return s;
}

#define MOVE(m) ((m) + 1)

const struct lf_ui_action lf_list_actions[] = {
	{ MOVE(LF_LIST_UP), "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一条" },
	{ MOVE(LF_LIST_DOWN), "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N') }, LF_ACT_TEXT, "选中下一条" },
	{ MOVE(LF_LIST_PGUP), "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_TEXT, "向上翻一页" },
	{ MOVE(LF_LIST_PGDN), "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_TEXT,
	  "向下翻一页" },
	{ MOVE(LF_LIST_HOME), "first", "第一条", { LF_KEY(KEY_HOME), 'g', '<' }, LF_ACT_TEXT, "到第一条" },
	{ MOVE(LF_LIST_END), "last", "最后一条", { LF_KEY(KEY_END), 'G', '>' }, LF_ACT_TEXT, "到最后一条" },
	{ 0 },
};

void lf_list_init(struct lf_list *l, struct lf_list_source src, struct lf_db *db)
{
	memset(l, 0, sizeof *l);
	l->src = src;
	l->sel = -1;
	l->height = 10;
	l->db = db;
}

static struct lf_listrow *rows_new(int n)
{
	return lf_alloc((size_t)(n > 0 ? n : 1) * sizeof(struct lf_listrow));
}

static void rows_free(struct lf_listrow *r, int n)
{
	int i;

	for (i = 0; i < n; i++)
		lf_listrow_clear(&r[i]);
	lf_free(r);
}

void lf_list_free(struct lf_list *l)
{
	rows_free(l->rows, l->nrows);
	lf_free(l->query);
	memset(l, 0, sizeof *l);
}

/* Take n rows (ownership moves) as what the list shows. */
static void set_rows(struct lf_list *l, struct lf_listrow *r, int n)
{
	rows_free(l->rows, l->nrows);
	l->rows = r;
	l->nrows = n;
	l->cap = n;
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->sel < 0 && n > 0)
		l->sel = 0;
	if (n == 0)
		l->sel = -1;
}

static int fetch(struct lf_list *l, const struct lf_listrow *from, int dir, int n, struct lf_listrow *out)
{
	int got = 0;

	l->err = l->src.page(l->src.ctx, from, dir, n, out, &got);
	return l->err ? 0 : got;
}

/* Rows a ++ b (ownership moves), then the `keep` of them from the end (or
 * from the start), freeing the rest. */
static struct lf_listrow *join(struct lf_listrow *a, int na, struct lf_listrow *b, int nb, int keep, int from_end,
                               int *n)
{
	struct lf_listrow *all = rows_new(na + nb), *out;
	int total = na + nb, skip, i;

	memcpy(all, a, (size_t)na * sizeof *a);
	memcpy(all + na, b, (size_t)nb * sizeof *b);
	lf_free(a);
	lf_free(b);
	if (keep > total)
		keep = total;
	skip = from_end ? total - keep : 0;
	out = rows_new(keep);
	memcpy(out, all + skip, (size_t)keep * sizeof *all);
	for (i = 0; i < total; i++)
		if (i < skip || i >= skip + keep)
			lf_listrow_clear(&all[i]);
	lf_free(all);
	*n = keep;
	return out;
}

static void load_first(struct lf_list *l, int dir)
{
	struct lf_listrow *r = rows_new(l->height);
	int n = fetch(l, NULL, dir, l->height, r);

	set_rows(l, r, n);
	l->sel = n ? (dir > 0 ? 0 : n - 1) : -1;
}

static int step(struct lf_list *l, int dir)
{
	struct lf_listrow *one, *old;
	int n, on;

	if (l->nrows == 0)
		return 0;
	if (dir > 0 && l->sel + 1 < l->nrows) {
		l->sel++;
		return 1;
	}
	if (dir < 0 && l->sel > 0) {
		l->sel--;
		return 1;
	}
	one = rows_new(1);
	if (!fetch(l, dir > 0 ? &l->rows[l->nrows - 1] : &l->rows[0], dir, 1, one)) {
		rows_free(one, 1);
		return 0;
	}
	old = l->rows;
	on = l->nrows;
	l->rows = NULL;
	l->nrows = 0;
	if (dir > 0)
		l->rows = join(old, on, one, 1, l->height, 1, &n);
	else
		l->rows = join(one, 1, old, on, l->height, 0, &n);
	l->nrows = l->cap = n;
	l->sel = dir > 0 ? n - 1 : 0;
	return 1;
}

static int page(struct lf_list *l, int dir)
{
	struct lf_listrow *more, *old;
	int got, n, on, h = l->height, was = l->sel;

	if (l->nrows == 0)
		return 0;
	more = rows_new(h);
	got = fetch(l, dir > 0 ? &l->rows[l->nrows - 1] : &l->rows[0], dir, h, more);
	if (!got) {
		rows_free(more, h);
		n = dir > 0 ? l->nrows - 1 : 0;
		if (n == l->sel)
			return 0;
		l->sel = n;
		return 1;
	}
	old = l->rows;
	on = l->nrows;
	if (dir > 0)
		l->rows = join(old, on, more, got, h, 1, &n);
	else
		l->rows = join(more, got, old, on, h, 0, &n);
	l->nrows = l->cap = n;
	/* a whole page: the selection keeps its place on the screen; at an end
	 * it goes to the first or last row */
	l->sel = got == h ? (was < n ? was : n - 1) : (dir > 0 ? n - 1 : 0);
	return 1;
}

int lf_list_move(struct lf_list *l, enum lf_list_move m)
{
	const char *gid = l->sel >= 0 ? l->rows[l->sel].gid : NULL;
	char before[LF_GID_LEN + 1] = "";

	if (gid)
		snprintf(before, sizeof before, "%s", gid);
	switch (m) {
	case LF_LIST_UP: return step(l, -1);
	case LF_LIST_DOWN: return step(l, 1);
	case LF_LIST_PGUP: return page(l, -1);
	case LF_LIST_PGDN: return page(l, 1);
	case LF_LIST_HOME: load_first(l, 1); break;
	case LF_LIST_END: load_first(l, -1); break;
	}
	return l->sel >= 0 && strcmp(before, l->rows[l->sel].gid);
}

void lf_list_reload(struct lf_list *l)
{
	struct lf_listrow *prev = rows_new(1), *r;
	char keep[LF_GID_LEN + 1] = "";
	int hasprev = 0, n, i, sel = l->sel;

	if (l->sel >= 0)
		snprintf(keep, sizeof keep, "%s", l->rows[l->sel].gid);
	if (l->nrows)
		hasprev = fetch(l, &l->rows[0], -1, 1, prev);
	r = rows_new(l->height);
	n = fetch(l, hasprev ? prev : NULL, 1, l->height, r);
	rows_free(prev, 1);
	set_rows(l, r, n);
	l->sel = n ? (sel < n ? (sel < 0 ? 0 : sel) : n - 1) : -1;
	for (i = 0; i < n; i++)
		if (!strcmp(r[i].gid, keep))
			l->sel = i;
}

void lf_list_goto(struct lf_list *l, const struct lf_listrow *target)
{
	int h = l->height, nb, na, p, n, i, k = 0;
	struct lf_listrow *before = rows_new(h), *after = rows_new(h), *r;

	nb = fetch(l, target, -1, h - 1, before);
	na = fetch(l, target, 1, h - 1, after);
	p = nb < h / 2 ? nb : h / 2;
	if (na < h - 1 - p)
		p = nb < h - 1 - na ? nb : h - 1 - na;
	r = rows_new(h);
	for (i = nb - p; i < nb; i++)
		lf_listrow_copy(&r[k++], &before[i]);
	lf_listrow_copy(&r[k++], target);
	for (i = 0; i < na && k < h; i++)
		lf_listrow_copy(&r[k++], &after[i]);
	rows_free(before, h);
	rows_free(after, h);
	n = k;
	set_rows(l, r, n);
	l->sel = p;
}

int lf_list_search(struct lf_list *l, const char *q, int dir)
{
	struct lf_listrow *hit = rows_new(1);
	int found = 0, wrapped = 0;

	char *again = lf_strdup(q); /* q may be l->query itself (search again) */

	lf_free(l->query);
	l->query = again;
	q = again;
	if (!q || !*q) {
		rows_free(hit, 1);
		return 0;
	}
	l->err = l->src.find(l->src.ctx, l->sel >= 0 ? &l->rows[l->sel] : NULL, dir, q, hit, &found);
	if (!l->err && !found) {
		l->err = l->src.find(l->src.ctx, NULL, dir, q, hit, &found);
		wrapped = 1;
	}
	if (!l->err && found)
		lf_list_goto(l, hit);
	rows_free(hit, 1);
	return found ? 1 + wrapped : 0;
}

const struct lf_listrow *lf_list_selected(const struct lf_list *l)
{
	return l->sel >= 0 && l->sel < l->nrows ? &l->rows[l->sel] : NULL;
}

/* Make the rows cover the height after a resize or the first draw. */
static void fit(struct lf_list *l, int h)
{
	struct lf_listrow *more, *old;
	int got, n, on;

	if (h < 1)
		h = 1;
	if (h == l->height && l->rows)
		return;
	l->height = h;
	if (!l->rows) {
		load_first(l, 1);
		return;
	}
	if (l->nrows > h) {
		/* keep the selection in view */
		int drop_front = l->sel >= h ? l->sel - h + 1 : 0;

		old = l->rows;
		on = l->nrows;
		l->rows = join(old, on, rows_new(0), 0, on - drop_front, 1, &n);
		l->rows = join(l->rows, n, rows_new(0), 0, h, 0, &n);
		l->nrows = l->cap = n;
		l->sel -= drop_front;
	} else if (l->nrows < h && l->nrows > 0) {
		more = rows_new(h - l->nrows);
		got = fetch(l, &l->rows[l->nrows - 1], 1, h - l->nrows, more);
		old = l->rows;
		on = l->nrows;
		l->rows = join(old, on, more, got, h, 0, &n);
		l->nrows = l->cap = n;
	}
}

void lf_list_draw(struct lf_list *l, WINDOW *w, int y, int x, int rows, int cols)
{
	int widths[LF_LIST_COLS], i, c, cx, rest = cols - 1;

	fit(l, rows - 1);
	for (c = 0; c < l->ncols; c++) {
		widths[c] = l->cols[c].width;
		if (widths[c])
			rest -= widths[c] + 2;
	}
	for (c = 0; c < l->ncols; c++)
		if (!widths[c])
			widths[c] = rest > 4 ? rest : 4;
	cx = x + 1;
	for (c = 0; c < l->ncols; c++) {
		lf_ui_print(w, y, cx, widths[c], l->cols[c].label, lf_ui_attr(LF_R_HEADER));
		cx += widths[c] + 2;
	}
	if (l->nrows == 0)
		lf_ui_print(w, y + 2, x + 2, cols - 4, l->query ? "（没有记录）" : "（还没有记录）",
		            lf_ui_attr(LF_R_DIM));
	for (i = 0; i < l->nrows && i < rows - 1; i++) {
		const struct lf_listrow *r = &l->rows[i];
		attr_t a = i == l->sel ? lf_ui_attr(LF_R_SELECT) : r->retired ? lf_ui_attr(LF_R_DIM) : A_NORMAL;

		if (i == l->sel)
			lf_ui_fill(w, y + 1 + i, x, cols, a);
		cx = x + 1;
		for (c = 0; c < l->ncols; c++) {
			/* colour pairs cannot be combined: in colour the match has its
			 * own; in monochrome it keeps the selection's reverse */
			lf_ui_print_hl(w, y + 1 + i, cx, widths[c], r->cell[c], a, l->query,
			               lf_ui_attr(LF_R_MATCH) | (i == l->sel && !lf_ui_colour() ? A_REVERSE : 0));
			cx += widths[c] + 2;
		}
	}
}
