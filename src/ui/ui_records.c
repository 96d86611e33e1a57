/* ui_records: the generic list of one kind's records — add, edit, retire,
 * search — with the entry form of forms/<id>.form behind it. Departments,
 * posts and persons use it; any kind with an entry form can:
 * lf_records_open(ui, "meeting"). */
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>

#define COUNT_CAP 9999 /* "共 9999 条以上": counting further costs a scan */

/* "共 25 条", or "共 9999 条以上". */
static void count_text(char *buf, size_t len, long long n)
{
	if (n > COUNT_CAP)
		snprintf(buf, len, "共 %d 条以上", COUNT_CAP);
	else
		snprintf(buf, len, "共 %lld 条", n);
}

enum { R_ADD = 1, R_EDIT, R_RETIRE, R_FIND, R_NEXT, R_PREV, R_QUIT, R_OPEN };

const struct lf_ui_action lf_records_actions[] = {
	{ R_ADD, "add", "新建", { LF_KEY(KEY_F(5)), 'a', LF_KEY(KEY_IC) }, LF_ACT_BAR | LF_ACT_TEXT, "新建一条记录" },
	{ R_EDIT, "edit", "修改", { LF_ENTER, 'e' }, LF_ACT_BAR | LF_ACT_TEXT, "打开选中的记录修改" },
	{ R_RETIRE, "retire", "停用", { LF_KEY(KEY_F(8)), 'd' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "把选中的记录标为已撤销或已离岗（先询问）；再按一次恢复。历史记录都保留" },
	{ R_FIND, "search", "查找", { LF_KEY(KEY_F(3)), '/' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "输入文字，找到含有它的记录（找到的文字会突出显示）" },
	{ R_NEXT, "search-next", "下一个", { 'n' }, LF_ACT_TEXT, "找下一个" },
	{ R_PREV, "search-prev", "上一个", { 'N' }, LF_ACT_TEXT, "找上一个" },
	{ R_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

/* A list whose records have something under them (a department's posts, a
 * power's flow chart): Enter opens that, e the record's form. */
const struct lf_ui_action lf_records_tree_actions[] = {
	{ R_ADD, "add", "新建", { LF_KEY(KEY_F(5)), 'a', LF_KEY(KEY_IC) }, LF_ACT_BAR | LF_ACT_TEXT, "新建一条记录" },
	{ R_OPEN, "open", "打开", { LF_ENTER, LF_KEY(KEY_RIGHT), 'o' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "打开选中记录的下一级：处室的岗位、岗位上的人员、职权的流程图（列表下方写着是什么）" },
	{ R_EDIT, "edit", "修改", { 'e' }, LF_ACT_BAR | LF_ACT_TEXT, "打开选中的记录本身修改" },
	{ R_RETIRE, "retire", "停用", { LF_KEY(KEY_F(8)), 'd' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "把选中的记录标为已撤销或已离岗（先询问）；再按一次恢复。历史记录都保留" },
	{ R_FIND, "search", "查找", { LF_KEY(KEY_F(3)), '/' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "输入文字，找到含有它的记录（找到的文字会突出显示）" },
	{ R_NEXT, "search-next", "下一个", { 'n' }, LF_ACT_TEXT, "找下一个" },
	{ R_PREV, "search-prev", "上一个", { 'N' }, LF_ACT_TEXT, "找上一个" },
	{ R_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

struct records {
	struct lf_screen base;
	const struct lf_form *f;
	const struct lf_kind *k;
	struct lf_reclist *rl;
	struct lf_list list;
	long long count;
	char pending[LF_GID_LEN + 1]; /* select this record when we come back */
	char *filter_field, *filter_value; /* only these records; new ones start with it */
	char *refused;                     /* why the user may not add or retire here, or NULL */
	lf_records_open_fn open;
	void *open_ctx;
	char *about;
};

static int type_width(const struct lf_form_field *fd, const struct lf_field *d)
{
	int w, j;

	switch (d->type) {
	case LF_F_BOOL: w = 4; break;
	case LF_F_INT: w = 6; break;
	case LF_F_DATE: w = 10; break;
	case LF_F_REF: w = 16; break;
	case LF_F_CODE: w = 10; break;
	default:
		w = 20;
		if (fd && fd->input == LF_IN_CHOICE)
			for (w = 4, j = 0; j < fd->nchoices; j++)
				if (lf_utf8_width(fd->choices[j]) > w)
					w = lf_utf8_width(fd->choices[j]);
	}
	return w;
}

/* The columns, leaving out field `skip` (may be NULL). */
static int columns(const struct lf_form *f, const struct lf_kind *k, const char *skip, const char **names,
                   struct lf_list_column *cols, int max, int width)
{
	int n = 0, i, used = 0, w;

	if (max > LF_LIST_COLS)
		max = LF_LIST_COLS;
	for (i = 0; i < (f ? f->nfields : k->nfields) && n < max; i++) {
		const struct lf_form_field *fd = f ? &f->fields[i] : NULL;
		const struct lf_field *d = &k->fields[lf_field_index(k, f ? fd->name : k->fields[i].name)];
		const char *label = fd ? fd->label : d->label;

		if ((fd && fd->input == LF_IN_MULTILINE) || (d->type == LF_F_TEXT && d->max > 1000))
			continue;
		if (skip && !strcmp(d->name, skip))
			continue;
		w = type_width(fd, d);
		if (lf_utf8_width(label) > w)
			w = lf_utf8_width(label);
		if (used + w + 2 > width)
			break;
		names[n] = d->name;
		cols[n].label = label;
		cols[n].width = w;
		used += w + 2;
		n++;
	}
	if (n)
		cols[n - 1].width = 0; /* the last column takes what is left */
	return n;
}

/* The columns named (a text area's column takes what the others leave). */
static int columns_named(const struct lf_form *f, const struct lf_kind *k, const char *const *want,
                         const char **names, struct lf_list_column *cols)
{
	int n = 0, i;

	for (i = 0; want[i] && n < LF_LIST_COLS; i++) {
		const struct lf_form_field *fd = lf_form_field(f, want[i]);
		int d = lf_field_index(k, want[i]);
		const char *label;
		int w;

		if (d < 0)
			continue;
		label = fd ? fd->label : k->fields[d].label;
		w = (fd && fd->input == LF_IN_MULTILINE) || (k->fields[d].type == LF_F_TEXT && k->fields[d].max > 1000)
		        ? 0 : type_width(fd, &k->fields[d]);
		if (w && lf_utf8_width(label) > w)
			w = lf_utf8_width(label);
		names[n] = k->fields[d].name;
		cols[n].label = label;
		cols[n].width = w;
		n++;
	}
	for (i = 0; i < n && cols[i].width; i++)
		;
	if (i == n && n)
		cols[n - 1].width = 0; /* none takes the rest: the last one does */
	return n;
}

int lf_records_columns(const struct lf_form *f, const struct lf_kind *k, const char **names,
                       struct lf_list_column *cols, int max, int width)
{
	return columns(f, k, NULL, names, cols, max, width);
}

static void records_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct records *r = (struct records *)s;
	char status[200];

	lf_list_draw(&r->list, w, 0, 0, rows - 1, cols);
	if (r->list.sel >= 0) {
		s->cy = 1 + r->list.sel;
		s->cx = 0;
	}
	count_text(status, sizeof status, r->count);
	if (r->refused && !r->list.query)
		snprintf(status + strlen(status), sizeof status - strlen(status), "　只能查看");
	if (r->about && !r->list.query)
		snprintf(status + strlen(status), sizeof status - strlen(status), "　%s", r->about);
	if (r->list.query)
		snprintf(status + strlen(status), sizeof status - strlen(status), "　查找“%s”：n 下一个，N 上一个",
		         r->list.query);
	lf_ui_print(w, rows - 1, 1, cols - 2, status, lf_ui_attr(LF_R_DIM));
}

static void recount(struct records *r)
{
	lf_reclist_count(r->rl, COUNT_CAP, &r->count);
}

static void saved(void *ctx, const char *gid)
{
	struct records *r = ctx;

	snprintf(r->pending, sizeof r->pending, "%s", gid);
}

static void records_resume(struct lf_screen *s)
{
	struct records *r = (struct records *)s;
	struct lf_listrow row;

	memset(&row, 0, sizeof row);
	if (r->pending[0] && lf_reclist_get(r->rl, r->pending, &row) == LF_OK)
		lf_list_goto(&r->list, &row);
	else
		lf_list_reload(&r->list);
	lf_listrow_clear(&row);
	r->pending[0] = 0;
	recount(r);
}

static void search(struct records *r, const char *q, int dir)
{
	struct lf_ui *ui = r->base.ui;
	int found = lf_list_search(&r->list, q, dir);

	if (r->list.err)
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(lf_ui_ctx(ui)->db, r->list.err));
	else if (!found)
		lf_ui_msg(ui, LF_MSG_INFO, "没有找到“%s”。", r->list.query); /* q may be the old query, now freed */
	else if (found == 2)
		lf_ui_msg(ui, LF_MSG_INFO, "已从%s找起。", dir > 0 ? "头" : "末尾");
}

static void retire(struct records *r, const struct lf_listrow *row)
{
	static const struct lf_choice yes[] = { { 'Y', "是" } };
	struct lf_ui *ui = r->base.ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	const char *label = r->k->fields[lf_field_index(r->k, "retired")].label;
	char q[300], gid[LF_GID_LEN + 1];
	int to = !row->retired;
	lf_status st;

	snprintf(q, sizeof q, to ? "把“%s”标为%s？" : "“%s”不再是%s？", row->cell[0] ? row->cell[0] : "", label);
	snprintf(gid, sizeof gid, "%s", row->gid);
	if (lf_ui_ask(ui, q, yes, 1, -1) != 0)
		return;
	if ((st = lf_record_set_retired(db, r->k, gid, to))) {
		lf_ui_msg(ui, LF_MSG_ERROR, "没有改：%s", lf_errmsg(db, st));
		return;
	}
	lf_list_reload(&r->list);
	lf_ui_msg(ui, LF_MSG_INFO, to ? "已标为%s。" : "已取消“%s”。", label);
}

static void prompt_search(struct records *r)
{
	char *q = lf_ui_prompt(r->base.ui, "查找：", r->list.query);

	if (q && *q)
		search(r, q, 1);
	lf_free(q);
}

static int records_action(struct lf_screen *s, int id)
{
	struct records *r = (struct records *)s;
	const struct lf_listrow *row = lf_list_selected(&r->list);
	struct lf_db *db = lf_ui_ctx(s->ui)->db;
	lf_status st = LF_OK;

	if ((id == R_ADD || id == R_RETIRE) && r->refused) {
		/* before anything is typed or asked; the model checks again on saving */
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", r->refused);
		return LF_DIRTY_BODY;
	}
	switch (id) {
	case R_ADD: {
		const char *preset[] = { r->filter_field, r->filter_value, NULL };

		st = lf_form_open_new(s->ui, r->f->id, r->filter_field ? preset : NULL, saved, r);
		break;
	}
	case R_OPEN:
		if (row) {
			char gid[LF_GID_LEN + 1];

			snprintf(gid, sizeof gid, "%s", row->gid);
			st = r->open(s->ui, gid, r->open_ctx);
		}
		break;
	case R_EDIT:
		if (row)
			st = lf_form_open(s->ui, r->f->id, row->gid, saved, r);
		break;
	case R_RETIRE:
		if (row)
			retire(r, row);
		break;
	case R_FIND:
		prompt_search(r);
		break;
	case R_NEXT:
	case R_PREV:
		if (r->list.query)
			search(r, r->list.query, id == R_NEXT ? 1 : -1);
		else
			prompt_search(r);
		break;
	case R_QUIT:
		lf_ui_back(s->ui);
		break;
	}
	if (st)
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	return LF_DIRTY_BODY;
}

static int records_enabled(struct lf_screen *s, int id)
{
	struct records *r = (struct records *)s;

	if (id == R_RETIRE)
		return lf_field_index(r->k, "retired") >= 0 && r->list.sel >= 0;
	if (id == R_EDIT || id == R_OPEN)
		return r->list.sel >= 0;
	return 1;
}

static int records_key(struct lf_screen *s, int key)
{
	struct records *r = (struct records *)s;
	const struct lf_ui_action *a;
	int i;

	for (a = lf_list_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key) {
				lf_list_move(&r->list, (enum lf_list_move)(a->id - 1));
				return LF_DIRTY_BODY;
			}
	return -1;
}

static void records_help(struct lf_screen *s, struct lf_buf *b)
{
	struct records *r = (struct records *)s;

	char count[64];

	count_text(count, sizeof count, r->count);
	if (r->filter_field) {
		const struct lf_field *d = &r->k->fields[lf_field_index(r->k, r->filter_field)];
		char *v = d->type == LF_F_REF ? lf_record_label(lf_ui_ctx(s->ui)->db, lf_kind_find(d->ref), r->filter_value)
		                              : NULL;

		lf_buf_addf(b, "%s为“%s”的%s，%s；新建的%s也是它。", d->label, v ? v : r->filter_value, r->k->label, count,
		            r->k->label);
		lf_free(v);
	} else {
		lf_buf_addf(b, "本单位的%s，%s。", r->k->label, count);
	}
	if (r->f->help)
		lf_buf_addf(b, "%s", r->f->help);
	if (r->refused)
		lf_buf_addf(b, "\n您只能查看这些记录，不能新建或停用：%s\n", r->refused);
	lf_buf_adds(b, "\n列表每次只从数据库读一屏，记录再多，翻页和查找也一样快。\n");
}

static int records_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct records *r = (struct records *)s;
	const struct lf_listrow *row = lf_list_selected(&r->list);

	*kind = r->k->name;
	*gid = row ? row->gid : NULL;
	return row != NULL;
}

static void records_free(struct lf_screen *s)
{
	struct records *r = (struct records *)s;

	lf_list_free(&r->list);
	lf_reclist_free(r->rl);
	lf_free(r->filter_field);
	lf_free(r->filter_value);
	lf_free(r->refused);
	lf_free(r->about);
	lf_free(r);
}

static const struct lf_screen_ops records_ops = {
	.name = "records",
	.actions = lf_records_actions,
	.draw = records_draw,
	.action = records_action,
	.key = records_key,
	.enabled = records_enabled,
	.resume = records_resume,
	.record = records_record,
	.help = records_help,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = records_free,
};

static const struct lf_screen_ops records_tree_ops = {
	.name = "records",
	.actions = lf_records_tree_actions,
	.draw = records_draw,
	.action = records_action,
	.key = records_key,
	.enabled = records_enabled,
	.resume = records_resume,
	.record = records_record,
	.help = records_help,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = records_free,
};

lf_status lf_records_open_with(struct lf_ui *ui, const char *form_id, const struct lf_records_opts *o)
{
	struct lf_ui_ctx *c = lf_ui_ctx(ui);
	const struct lf_form *f = lf_formset_get(c->forms, form_id);
	const char *names[LF_LIST_COLS];
	struct lf_list_column cols[LF_LIST_COLS];
	const char *sort;
	struct records *r;
	struct lf_reclist *rl;
	int n, i;
	lf_status st;

	if (!f || f->type != LF_FORM_ENTRY)
		return lf_fail(c->db, LF_NOTFOUND, "没有“%s”这张录入表单。", form_id);
	if (o && o->sort)
		sort = *o->sort ? o->sort : NULL;
	else
		sort = lf_kind_label_field(f->kind);
	if (sort && !f->kind->fields[lf_field_index(f->kind, sort)].required)
		sort = NULL;
	if (o && o->columns)
		n = columns_named(f, f->kind, o->columns, names, cols);
	else
		n = columns(f, f->kind, o ? o->filter_field : NULL, names, cols, LF_LIST_COLS, COLS - 2);
	if (o && o->filter_field)
		st = lf_reclist_open_in(c->db, f->kind, sort, names, n, o->filter_field, o->filter_value, &rl);
	else
		st = lf_reclist_open(c->db, f->kind, sort, names, n, &rl);
	if (st)
		return st;
	r = lf_alloc(sizeof *r);
	r->f = f;
	r->k = f->kind;
	r->rl = rl;
	if (o && o->filter_field) {
		r->filter_field = lf_strdup(o->filter_field);
		r->filter_value = lf_strdup(o->filter_value);
	}
	if (o && o->open) {
		r->open = o->open;
		r->open_ctx = o->ctx;
	}
	if (lf_overview_may_edit(c->db, f->kind->name,
	                         o && o->filter_field && !strcmp(o->filter_field, "dept") ? o->filter_value : NULL))
		r->refused = lf_strdup(c->db->err);
	if (o && (o->about || (o->add_hint && !r->refused)))
		r->about = lf_printf("%s%s%s", o->about ? o->about : "", o->about && o->add_hint && !r->refused ? "　" : "",
		                     o->add_hint && !r->refused ? o->add_hint : "");
	lf_list_init(&r->list, lf_list_source_reclist(rl), c->db);
	for (i = 0; i < n; i++)
		r->list.cols[i] = cols[i];
	r->list.ncols = n;
	recount(r);
	lf_screen_init(&r->base, r->open ? &records_tree_ops : &records_ops, o && o->title ? o->title : f->title);
	lf_ui_push(ui, &r->base);
	return LF_OK;
}

lf_status lf_records_open(struct lf_ui *ui, const char *form_id)
{
	return lf_records_open_with(ui, form_id, NULL);
}
