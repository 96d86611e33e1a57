/* ui_rows: what the screens share — a list source over rows held in memory
 * (one page the model returned: the risk points of a step, the gaps of the
 * coverage check) for the list widget, which asks any source for "the n rows
 * after/before this row" (a row's id is its index); and reporting a failed
 * model call. */
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>

void lf_rows_add(struct lf_rows *m, const char *gid, const char *const *cells, int ncells)
{
	struct lf_listrow *r;
	int i;

	if (m->n == m->cap) {
		m->cap = m->cap * 2 + 16;
		m->v = lf_realloc(m->v, (size_t)m->cap * sizeof *m->v);
	}
	r = &m->v[m->n];
	memset(r, 0, sizeof *r);
	r->id = m->n;
	snprintf(r->gid, sizeof r->gid, "%s", gid ? gid : "");
	r->sort = lf_printf("%d", m->n);
	for (i = 0; i < ncells && i < LF_LIST_COLS; i++)
		r->cell[i] = lf_strdup(cells[i] ? cells[i] : "");
	m->n++;
}

void lf_rows_clear(struct lf_rows *m)
{
	int i;

	for (i = 0; i < m->n; i++)
		lf_listrow_clear(&m->v[i]);
	lf_free(m->v);
	memset(m, 0, sizeof *m);
}

static lf_status rows_page(void *ctx, const struct lf_listrow *from, int dir, int n, struct lf_listrow *out, int *got)
{
	struct lf_rows *m = ctx;
	int first, last, i, k = 0;

	if (dir > 0) {
		first = from ? (int)from->id + 1 : 0;
		last = first + n - 1 < m->n - 1 ? first + n - 1 : m->n - 1;
	} else {
		last = from ? (int)from->id - 1 : m->n - 1;
		first = last - n + 1 > 0 ? last - n + 1 : 0;
	}
	for (i = first; i <= last && i >= 0; i++) {
		lf_listrow_clear(&out[k]);
		lf_listrow_copy(&out[k++], &m->v[i]);
	}
	*got = k;
	return LF_OK;
}

static int row_has(const struct lf_listrow *r, const char *q)
{
	int i;

	for (i = 0; i < LF_LIST_COLS; i++)
		if (r->cell[i] && strstr(r->cell[i], q))
			return 1;
	return 0;
}

static lf_status rows_find(void *ctx, const struct lf_listrow *from, int dir, const char *q, struct lf_listrow *out,
                           int *found)
{
	struct lf_rows *m = ctx;
	int i = from ? (int)from->id + dir : (dir > 0 ? 0 : m->n - 1);

	*found = 0;
	for (; i >= 0 && i < m->n; i += dir)
		if (row_has(&m->v[i], q)) {
			lf_listrow_clear(out);
			lf_listrow_copy(out, &m->v[i]);
			*found = 1;
			break;
		}
	return LF_OK;
}

struct lf_list_source lf_list_source_rows(struct lf_rows *m)
{
	struct lf_list_source s = { m, rows_page, rows_find };

	return s;
}

int lf_ui_failed(struct lf_ui *ui, lf_status st)
{
	if (st)
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(lf_ui_ctx(ui)->db, st));
	return st != LF_OK;
}
