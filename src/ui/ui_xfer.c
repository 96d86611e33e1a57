/* ui_xfer: the scrolling report page and progress glue the exchange, export
 * and import screens share (ui_xfer.h). */
#include "ui_xfer.h"

#include <stdarg.h>
#include <string.h>

void xview_clear(struct xview *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		lf_free(v->l[i].text);
	lf_free(v->l);
	memset(v, 0, sizeof *v);
}

static void add(struct xview *v, enum lf_ui_role role, int indent, char *text)
{
	if (v->n == v->cap) {
		v->cap = v->cap * 2 + 16;
		v->l = lf_realloc(v->l, (size_t)v->cap * sizeof *v->l);
	}
	v->l[v->n].text = text;
	v->l[v->n].role = role;
	v->l[v->n].indent = indent;
	v->n++;
}

void xview_add(struct xview *v, enum lf_ui_role role, int indent, const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	add(v, role, indent, lf_buf_steal(&b));
}

void xview_add_lines(struct xview *v, enum lf_ui_role role, int indent, const char *text)
{
	while (text && *text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);

		add(v, role, indent, lf_strndup(text, n));
		text += n + (nl ? 1 : 0);
	}
}

void xview_draw(struct xview *v, WINDOW *w, int y, int x, int rows, int cols)
{
	int i, used = 0;

	v->height = rows;
	if (v->top >= v->n)
		v->top = v->n > 0 ? v->n - 1 : 0;
	if (v->top < 0)
		v->top = 0;
	v->last = v->top - 1;
	for (i = v->top; i < v->n && used < rows; i++) {
		int ind = v->l[i].indent, need = lf_ui_wrap(NULL, 0, 0, cols - ind, 1000, v->l[i].text, 0);

		if (need < 1)
			need = 1;
		if (used + need > rows && i > v->top)
			break;
		lf_ui_wrap(w, y + used, x + ind, cols - ind, rows - used, v->l[i].text, lf_ui_attr(v->l[i].role));
		used += need;
		v->last = i;
	}
	if (v->last < v->n - 1 && rows > 0) {
		/* more below: say so on the last row */
		lf_ui_fill(w, y + rows - 1, x, cols, A_NORMAL);
		lf_ui_print(w, y + rows - 1, x + cols - 24, 24, "↓ 下面还有（PgDn、空格）", lf_ui_attr(LF_R_DIM));
		if (v->last > v->top && used >= rows)
			v->last--;
	}
}

int xview_key(struct xview *v, int key)
{
	const struct lf_ui_action *a;
	int i, id = 0;

	for (a = lf_list_actions; a->id && !id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key)
				id = a->id;
	switch (id - 1) {
	case LF_LIST_UP: v->top--; break;
	case LF_LIST_DOWN:
		if (v->last < v->n - 1)
			v->top++;
		break;
	case LF_LIST_PGDN:
		if (v->last < v->n - 1)
			v->top = v->last + 1 > v->top ? v->last + 1 : v->top + 1;
		break;
	case LF_LIST_PGUP: v->top -= v->height > 2 ? v->height - 2 : 1; break;
	case LF_LIST_HOME: v->top = 0; break;
	case LF_LIST_END: v->top = v->n - (v->height > 2 ? v->height - 2 : 1); break;
	default: return 0;
	}
	if (v->top < 0)
		v->top = 0;
	return 1;
}

int xprog_stage(void *ctx, const char *stage, long long done, long long total)
{
	struct xprog *p = ctx;

	return lf_ui_progress(p->ui, p->what, stage, done, total);
}

void x_size(char *buf, size_t len, long long n)
{
	if (n >= 1024 * 1024)
		snprintf(buf, len, "%.1f MB", (double)n / (1024 * 1024));
	else
		snprintf(buf, len, "%.1f KB", (double)n / 1024);
}
