/* ui_picker: choose one item from a list — a record of some kind (for a
 * reference field) or one of a form field's choices — then close and hand
 * the choice to whoever asked. The list pages through the database like every
 * other list, so picking a person among thousands is as quick as among ten. */
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>

enum { P_PICK = 1, P_FIND, P_NEXT, P_PREV };

const struct lf_ui_action lf_picker_actions[] = {
	{ P_PICK, "choose", "选定", { LF_ENTER, LF_KEY(KEY_F(4)), LF_CTRL('T') }, LF_ACT_BAR, "选定这一项，回到表单" },
	{ P_FIND, "search", "查找", { LF_KEY(KEY_F(3)), '/' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "输入文字，找到含有它的一项（找到的文字会突出显示）" },
	{ P_NEXT, "search-next", "下一个", { 'n' }, LF_ACT_TEXT, "找下一个" },
	{ P_PREV, "search-prev", "上一个", { 'N' }, LF_ACT_TEXT, "找上一个" },
	{ 0 },
};

struct picker {
	struct lf_screen base;
	struct lf_reclist *rl;  /* records, or NULL for choices */
	char **choices;
	int n;
	struct lf_list list;
	lf_picked_fn picked;
	void *ctx;
};

/* ------------------------------------------------------------------ a list of choices */

static void choice_row(struct picker *p, int i, struct lf_listrow *r)
{
	lf_listrow_clear(r);
	r->id = i;
	r->sort = lf_printf("%d", i);
	r->cell[0] = lf_strdup(p->choices[i]);
}

static lf_status choice_page(void *ctx, const struct lf_listrow *from, int dir, int n, struct lf_listrow *out,
                             int *got)
{
	struct picker *p = ctx;
	int i, first, last, k = 0;

	if (dir > 0) {
		first = from ? (int)from->id + 1 : 0;
		last = first + n - 1 < p->n - 1 ? first + n - 1 : p->n - 1;
	} else {
		last = from ? (int)from->id - 1 : p->n - 1;
		first = last - n + 1 > 0 ? last - n + 1 : 0;
	}
	for (i = first; i <= last; i++)
		choice_row(p, i, &out[k++]);
	for (i = k; i < n; i++)
		lf_listrow_clear(&out[i]);
	*got = k;
	return LF_OK;
}

static lf_status choice_find(void *ctx, const struct lf_listrow *from, int dir, const char *q, struct lf_listrow *out,
                             int *found)
{
	struct picker *p = ctx;
	int i = from ? (int)from->id + dir : (dir > 0 ? 0 : p->n - 1);

	*found = 0;
	for (; i >= 0 && i < p->n; i += dir)
		if (strstr(p->choices[i], q)) {
			choice_row(p, i, out);
			*found = 1;
			break;
		}
	return LF_OK;
}

/* ------------------------------------------------------------------ the screen */

static void picker_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct picker *p = (struct picker *)s;

	lf_list_draw(&p->list, w, 0, 0, rows - 1, cols);
	if (p->list.sel >= 0) {
		s->cy = 1 + p->list.sel;
		s->cx = 0;
	}
	lf_ui_print(w, rows - 1, 1, cols - 2, "用 ↑↓ 或 j k 移动，Enter 选定，/ 查找，Esc 不选", lf_ui_attr(LF_R_DIM));
}

static void search(struct picker *p, const char *q, int dir)
{
	int r = lf_list_search(&p->list, q, dir);

	if (p->list.err)
		lf_ui_msg(p->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(lf_ui_ctx(p->base.ui)->db, p->list.err));
	else if (!r)
		lf_ui_msg(p->base.ui, LF_MSG_INFO, "没有找到“%s”。", p->list.query); /* q may be the old query, now freed */
	else if (r == 2)
		lf_ui_msg(p->base.ui, LF_MSG_INFO, "已从%s找起。", dir > 0 ? "头" : "末尾");
}

static void prompt_search(struct picker *p, const char *initial)
{
	char *q = lf_ui_prompt(p->base.ui, "查找：", initial);

	if (q && *q)
		search(p, q, 1);
	lf_free(q);
}

static int picker_action(struct lf_screen *s, int id)
{
	struct picker *p = (struct picker *)s;
	const struct lf_listrow *r = lf_list_selected(&p->list);

	switch (id) {
	case P_PICK:
		if (!r)
			return 0;
		p->picked(p->ctx, p->rl ? r->gid : r->cell[0], r->cell[0]);
		lf_ui_pop(s->ui);
		return LF_DIRTY_ALL;
	case P_FIND:
		prompt_search(p, p->list.query);
		break;
	case P_NEXT:
	case P_PREV:
		if (p->list.query)
			search(p, p->list.query, id == P_NEXT ? 1 : -1);
		else
			prompt_search(p, NULL);
		break;
	}
	return LF_DIRTY_BODY;
}

static int picker_key(struct lf_screen *s, int key)
{
	struct picker *p = (struct picker *)s;
	const struct lf_ui_action *a;
	int i;

	for (a = lf_list_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key) {
				lf_list_move(&p->list, (enum lf_list_move)(a->id - 1));
				return LF_DIRTY_BODY;
			}
	return -1;
}

static void picker_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "从列表中选定一项。列表每次只从数据库读一屏，记录再多也一样快。\n");
}

/* Records offered for a reference have a history too; fixed choices do not. */
static int picker_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct picker *p = (struct picker *)s;
	const struct lf_listrow *r = lf_list_selected(&p->list);

	if (!p->rl)
		return 0;
	*kind = lf_reclist_kind(p->rl)->name;
	*gid = r ? r->gid : NULL;
	return r != NULL;
}

static void picker_free(struct lf_screen *s)
{
	struct picker *p = (struct picker *)s;
	int i;

	lf_list_free(&p->list);
	lf_reclist_free(p->rl);
	for (i = 0; i < p->n; i++)
		lf_free(p->choices[i]);
	lf_free(p->choices);
	lf_free(p);
}

static const struct lf_screen_ops picker_ops = {
	.name = "picker",
	.actions = lf_picker_actions,
	.draw = picker_draw,
	.action = picker_action,
	.key = picker_key,
	.record = picker_record,
	.help = picker_help,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = picker_free,
};

lf_status lf_picker_records(struct lf_ui *ui, const struct lf_kind *k, const char *title, lf_picked_fn picked,
                            void *ctx)
{
	struct lf_ui_ctx *c = lf_ui_ctx(ui);
	const struct lf_form *f = lf_formset_get(c->forms, k->name);
	const char *names[LF_LIST_COLS];
	struct lf_list_column cols[LF_LIST_COLS];
	const char *sort = lf_kind_label_field(k);
	struct picker *p;
	struct lf_reclist *rl;
	int n, i;
	lf_status st;

	n = lf_records_columns(f && f->kind == k ? f : NULL, k, names, cols, LF_LIST_COLS, COLS - 4);
	if (!k->fields[lf_field_index(k, sort)].required)
		sort = NULL;
	if ((st = lf_reclist_open(c->db, k, sort, names, n, &rl)))
		return st;
	p = lf_alloc(sizeof *p);
	p->rl = rl;
	p->picked = picked;
	p->ctx = ctx;
	lf_list_init(&p->list, lf_list_source_reclist(rl), c->db);
	for (i = 0; i < n; i++)
		p->list.cols[i] = cols[i];
	p->list.ncols = n;
	lf_screen_init(&p->base, &picker_ops, title);
	lf_ui_push(ui, &p->base);
	return LF_OK;
}

lf_status lf_picker_choices(struct lf_ui *ui, const char *title, char *const *choices, int n, lf_picked_fn picked,
                            void *ctx)
{
	struct picker *p = lf_alloc(sizeof *p);
	struct lf_list_source src;
	int i;

	p->choices = lf_alloc((size_t)(n + 1) * sizeof *p->choices);
	for (i = 0; i < n; i++)
		p->choices[i] = lf_strdup(choices[i]);
	p->n = n;
	p->picked = picked;
	p->ctx = ctx;
	src.ctx = p;
	src.page = choice_page;
	src.find = choice_find;
	lf_list_init(&p->list, src, lf_ui_ctx(ui)->db);
	p->list.cols[0].label = "选项";
	p->list.cols[0].width = 0;
	p->list.ncols = 1;
	lf_screen_init(&p->base, &picker_ops, title);
	lf_ui_push(ui, &p->base);
	return LF_OK;
}

void lf_picker_type(struct lf_ui *ui, int key)
{
	wchar_t wc = (wchar_t)key;
	char *initial;

	if (!lf_ui_top(ui) || lf_ui_top(ui)->ops != &picker_ops)
		return;
	initial = lf_wcs_to_utf8(&wc, 1);
	prompt_search((struct picker *)lf_ui_top(ui), initial);
	lf_free(initial);
}

void lf_picker_select(struct lf_ui *ui, const char *value)
{
	struct picker *p;
	struct lf_listrow row;
	int i;

	if (!value || !*value || !lf_ui_top(ui) || lf_ui_top(ui)->ops != &picker_ops)
		return;
	p = (struct picker *)lf_ui_top(ui);
	memset(&row, 0, sizeof row);
	if (p->rl) {
		if (lf_reclist_get(p->rl, value, &row) == LF_OK)
			lf_list_goto(&p->list, &row);
	} else {
		for (i = 0; i < p->n; i++)
			if (!strcmp(p->choices[i], value)) {
				choice_row(p, i, &row);
				lf_list_goto(&p->list, &row);
			}
	}
	lf_listrow_clear(&row);
}
