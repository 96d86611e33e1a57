/* ui_conflicts: records with several versions that do not descend from each
 * other (a unit that restored an old backup and edited again) — the list,
 * and one record's versions with who wrote each and when and the fields
 * that differ, where its owning unit keeps one. Keeping one is a new
 * revision whose parents are all the versions (exchange.h): nothing is lost.
 * What differs is lf_exchange_conflict's, the same the command prints. */
#include "lianfang/exchange.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <string.h>

/* "2026-11-24T09:30:00Z" → "2026-11-24 09:30:00" */
static void when(const char *at, char *buf, size_t len)
{
	snprintf(buf, len, "%.10s %.8s", at, strlen(at) > 11 ? at + 11 : "");
}

/* ------------------------------------------------------------------ the list */

enum { C_OPEN = 1 };

const struct lf_ui_action lf_conflicts_actions[] = {
	{ C_OPEN, "open", "查看", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "查看选中记录的各个版本和不同之处，选定保留哪个" },
	{ 0 },
};

struct crow {
	char kind[40];
	char gid[LF_GID_LEN + 1];
	char owner[LF_CODE_MAX + 1];
	int leaves;
	char *label;
};

struct cfl {
	struct lf_screen base;
	struct crow *r;
	int n, sel, top;
	char *err;
};

static int collect(void *ctx, const char *kind, const char *gid, int leaves)
{
	struct cfl *l = ctx;
	struct crow *r;

	l->r = lf_realloc(l->r, (size_t)(l->n + 1) * sizeof *l->r);
	r = &l->r[l->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->kind, sizeof r->kind, "%s", kind);
	snprintf(r->gid, sizeof r->gid, "%s", gid);
	r->leaves = leaves;
	return 0;
}

static void cfl_clear(struct cfl *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		lf_free(l->r[i].label);
	lf_free(l->r);
	l->r = NULL;
	l->n = 0;
	lf_free(l->err);
	l->err = NULL;
}

static void cfl_load(struct cfl *l)
{
	struct lf_db *db = lf_ui_ctx(l->base.ui)->db;
	lf_status st;
	int i;

	cfl_clear(l);
	if ((st = lf_exchange_conflicts(db, collect, l))) {
		l->err = lf_strdup(lf_errmsg(db, st));
		return;
	}
	for (i = 0; i < l->n; i++) {
		char kind[40];
		const struct lf_kind *k = lf_kind_find(l->r[i].kind);

		lf_rec_identity(db, l->r[i].gid, kind, l->r[i].owner);
		l->r[i].label = k ? lf_record_label(db, k, l->r[i].gid) : NULL;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
}

static void cfl_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct cfl *l = (struct cfl *)s;
	struct lf_db *db = lf_ui_ctx(s->ui)->db;
	int y, i, height;

	if (l->err) {
		lf_ui_wrap(w, 1, 2, cols - 4, 4, l->err, lf_ui_attr(LF_R_ERROR));
		return;
	}
	y = lf_ui_wrap(w, 0, 1, cols - 2, 2,
	               "同一条记录有几个互不相承的版本（例如某单位恢复了旧备份后又改过）。所有版本都保留着，各处显示同一个版本；"
	               "由记录的所属单位选定保留哪个。",
	               lf_ui_attr(LF_R_DIM));
	if (!l->n) {
		lf_ui_print(w, y + 1, 2, cols - 4, "没有冲突。", lf_ui_attr(LF_R_INFO));
		return;
	}
	y++;
	lf_ui_print(w, y, 2, 10, "类别", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y, 14, 30, "记录", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y, 46, 8, "版本", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y, 54, cols - 55, "由谁解决", lf_ui_attr(LF_R_HEADER));
	y++;
	height = rows - y - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + height)
		l->top = l->sel - height + 1;
	for (i = l->top; i < l->n && y < rows - 1; i++, y++) {
		const struct lf_kind *k = lf_kind_find(l->r[i].kind);
		attr_t a = i == l->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;
		char buf[200];

		if (i == l->sel) {
			lf_ui_fill(w, y, 0, cols, a);
			s->cy = y;
			s->cx = 0;
		}
		lf_ui_print(w, y, 2, 10, k ? k->label : l->r[i].kind, a);
		snprintf(buf, sizeof buf, "%s（%.8s）", l->r[i].label ? l->r[i].label : "", l->r[i].gid);
		lf_ui_print(w, y, 14, 30, buf, a);
		snprintf(buf, sizeof buf, "%d 个", l->r[i].leaves);
		lf_ui_print(w, y, 46, 8, buf, a);
		if (!strcmp(l->r[i].owner, db->unit))
			snprintf(buf, sizeof buf, "本单位（可以在这里解决）");
		else
			snprintf(buf, sizeof buf, "单位 %s", l->r[i].owner);
		lf_ui_print(w, y, 54, cols - 55, buf, a);
	}
	{
		char total[64];

		snprintf(total, sizeof total, "共 %d 条", l->n);
		lf_ui_print(w, rows - 1, 1, cols - 2, total, lf_ui_attr(LF_R_DIM));
	}
}

static void detail_open(struct lf_ui *ui, const char *gid);

static int cfl_action(struct lf_screen *s, int id)
{
	struct cfl *l = (struct cfl *)s;

	if (id == C_OPEN && l->n > 0)
		detail_open(s->ui, l->r[l->sel].gid);
	return LF_DIRTY_ALL;
}

static int list_move(int key, int *sel, int n, int page)
{
	const struct lf_ui_action *a;
	int i, id = 0;

	for (a = lf_list_actions; a->id && !id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key)
				id = a->id;
	switch (id - 1) {
	case LF_LIST_UP: (*sel)--; break;
	case LF_LIST_DOWN: (*sel)++; break;
	case LF_LIST_PGUP: *sel -= page; break;
	case LF_LIST_PGDN: *sel += page; break;
	case LF_LIST_HOME: *sel = 0; break;
	case LF_LIST_END: *sel = n - 1; break;
	default: return 0;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	return 1;
}

static int cfl_key(struct lf_screen *s, int key)
{
	struct cfl *l = (struct cfl *)s;

	return list_move(key, &l->sel, l->n, 10) ? LF_DIRTY_BODY : -1;
}

static int cfl_enabled(struct lf_screen *s, int id)
{
	(void)id;
	return ((struct cfl *)s)->n > 0;
}

static void cfl_resume(struct lf_screen *s)
{
	cfl_load((struct cfl *)s);
}

static void cfl_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "有冲突的记录。冲突不会丢东西：所有版本都保留着，每个数据库都显示同一个版本。"
	               "只有记录的所属单位能选定保留哪个版本；选定后打包上报，上级那里的冲突也随之消失。\n");
}

static void cfl_free(struct lf_screen *s)
{
	cfl_clear((struct cfl *)s);
	lf_free(s);
}

static const struct lf_screen_ops cfl_ops = {
	.name = "conflicts",
	.actions = lf_conflicts_actions,
	.draw = cfl_draw,
	.action = cfl_action,
	.key = cfl_key,
	.enabled = cfl_enabled,
	.resume = cfl_resume,
	.help = cfl_help,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = cfl_free,
};

void lf_conflicts_open(struct lf_ui *ui)
{
	struct cfl *l = lf_alloc(sizeof *l);

	lf_screen_init(&l->base, &cfl_ops, "冲突");
	lf_ui_push(ui, &l->base);
	cfl_load(l);
}

/* ------------------------------------------------------------------ one record */

enum { D_KEEP = 1 };

const struct lf_ui_action lf_conflict_actions[] = {
	{ D_KEEP, "keep", "保留此版本", { LF_KEY(KEY_F(2)), LF_CTRL('S'), LF_ENTER }, LF_ACT_BAR,
	  "保留选中的版本（先询问）：以它的内容建立一个新版本，冲突随之解决，旧版本都还在" },
	{ 0 },
};

struct cfd {
	struct lf_screen base;
	struct lf_conflict c;
	char *label;
	int sel;
	char *err;
};

static void cfd_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct cfd *d = (struct cfd *)s;
	struct lf_buf b;
	int y = 0, i, j;
	char at[32];

	if (d->err) {
		lf_ui_wrap(w, 1, 2, cols - 4, 4, d->err, lf_ui_attr(LF_R_ERROR));
		return;
	}
	lf_buf_init(&b);
	lf_buf_addf(&b, "%s“%s”（记录 %.12s，单位 %s）有 %d 个版本", d->c.kind->label, d->label ? d->label : "", d->c.gid,
	            d->c.owner, d->c.nv);
	lf_ui_print(w, y++, 1, cols - 2, b.s, A_BOLD);
	lf_buf_reset(&b);
	if (d->c.mine)
		lf_buf_adds(&b, "各处都显示标 * 的版本。选一个版本，按 F2 或 Enter 保留它。");
	else
		lf_buf_addf(&b, "这是单位 %s 的记录，只有它能解决：在那里保留一个版本后打包上报，这里的冲突就会消失。", d->c.owner);
	y += lf_ui_wrap(w, y, 1, cols - 2, 2, b.s, lf_ui_attr(d->c.mine ? LF_R_DIM : LF_R_ERROR));
	y++;
	lf_ui_print(w, y, 4, 14, "版本", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y, 18, 8, "第几版", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y, 28, 20, "时间（UTC）", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y++, 49, cols - 50, "作者", lf_ui_attr(LF_R_HEADER));
	for (i = 0; i < d->c.nv && y < rows; i++, y++) {
		attr_t a = i == d->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;

		if (i == d->sel) {
			lf_ui_fill(w, y, 0, cols, a);
			s->cy = y;
			s->cx = 0;
		}
		lf_buf_reset(&b);
		lf_buf_addf(&b, "%s %.12s", i == 0 ? "*" : " ", d->c.v[i].rid);
		lf_ui_print(w, y, 2, 16, b.s, a);
		lf_buf_reset(&b);
		lf_buf_addf(&b, "第 %lld 版", d->c.v[i].gen);
		lf_ui_print(w, y, 18, 10, b.s, a);
		when(d->c.v[i].at, at, sizeof at);
		lf_ui_print(w, y, 28, 20, at, a);
		lf_buf_reset(&b);
		lf_buf_addf(&b, "%s%s%s", d->c.v[i].author, d->c.v[i].deleted ? "  （已删除）" : "",
		            i == 0 ? "  ← 现在显示的" : "");
		lf_ui_print(w, y, 49, cols - 50, b.s, a);
	}
	y++;
	if (y < rows)
		lf_ui_print(w, y++, 1, cols - 2, d->c.nf ? "不同之处" : "各版本的内容相同（只是各自改过）", lf_ui_attr(LF_R_HEADER));
	for (j = 0; j < d->c.nf && y < rows; j++) {
		lf_ui_print(w, y, 2, 20, d->c.f[j].label, A_BOLD);
		for (i = 0; i < d->c.nv && y < rows; i++, y++) {
			attr_t a = i == d->sel ? A_BOLD : A_NORMAL;

			lf_buf_reset(&b);
			lf_buf_addf(&b, "%.12s：%s", d->c.v[i].rid, d->c.f[j].value[i] ? d->c.f[j].value[i] : "（空）");
			lf_ui_print(w, y, 22, cols - 23, b.s, a);
		}
	}
	lf_buf_free(&b);
}

static int cfd_action(struct lf_screen *s, int id)
{
	static const struct lf_choice yes[] = { { 'Y', "保留" } };
	struct cfd *d = (struct cfd *)s;
	struct lf_ui *ui = s->ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	char q[300], at[32], rid[LF_HASH_LEN + 1];
	lf_status st;

	if (id != D_KEEP || d->err || d->sel < 0 || d->sel >= d->c.nv)
		return 0;
	when(d->c.v[d->sel].at, at, sizeof at);
	snprintf(q, sizeof q, "保留版本 %.12s（%s，%s）的内容？", d->c.v[d->sel].rid, at, d->c.v[d->sel].author);
	if (lf_ui_ask(ui, q, yes, 1, -1) != 0)
		return LF_DIRTY_MSG;
	snprintf(rid, sizeof rid, "%s", d->c.v[d->sel].rid);
	if ((st = lf_exchange_resolve(db, d->c.gid, rid))) {
		lf_ui_msg(ui, LF_MSG_ERROR, "没有解决：%s", lf_errmsg(db, st));
		return LF_DIRTY_BODY;
	}
	lf_ui_msg(ui, LF_MSG_INFO, "已解决：保留了版本 %.12s 的内容。打包上报后，上级那里的冲突也会消失。", rid);
	lf_ui_pop(ui);
	return LF_DIRTY_ALL;
}

static int cfd_key(struct lf_screen *s, int key)
{
	struct cfd *d = (struct cfd *)s;

	return list_move(key, &d->sel, d->c.nv, 5) ? LF_DIRTY_BODY : -1;
}

static void cfd_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "一条有冲突的记录的各个版本：谁在什么时候写的，哪些字段不同、各是什么。标 * 的是各处现在显示的版本。"
	               "所属单位选定一个版本后，以它的内容建立一个新版本（它以所有冲突的版本为上一版本），冲突就解决了；"
	               "什么也不会丢，旧版本都还在。\n");
}

static void cfd_free(struct lf_screen *s)
{
	struct cfd *d = (struct cfd *)s;

	lf_conflict_free(&d->c);
	lf_free(d->label);
	lf_free(d->err);
	lf_free(d);
}

static const struct lf_screen_ops cfd_ops = {
	.name = "conflict",
	.actions = lf_conflict_actions,
	.draw = cfd_draw,
	.action = cfd_action,
	.key = cfd_key,
	.help = cfd_help,
	.more_actions = lf_list_actions,
	.more_title = "选择版本",
	.free = cfd_free,
};

static void detail_open(struct lf_ui *ui, const char *gid)
{
	struct cfd *d = lf_alloc(sizeof *d);
	struct lf_db *db = lf_ui_ctx(ui)->db;
	lf_status st = lf_exchange_conflict(db, gid, &d->c);

	if (st)
		d->err = lf_strdup(lf_errmsg(db, st));
	else
		d->label = lf_record_label(db, d->c.kind, gid);
	lf_screen_init(&d->base, &cfd_ops, "冲突的版本");
	lf_ui_push(ui, &d->base);
}
