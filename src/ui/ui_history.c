/* ui_history: two read-only pages over the audit log — a record's history
 * (each entry: when, who, what, and the fields it changed), opened by the
 * engine's history key on any screen that shows a record; and the audit log
 * check (lf_audit_verify), listing what is wrong when the chain is broken.
 * Both are lines of text that scroll; who may read a history is the model's
 * question (lf_audit_may_read). */
#include "ui_auth.h"
#include "ui_priv.h"

#include <stdarg.h>
#include <string.h>
#include <time.h>

const struct lf_ui_action lf_history_actions[] = {
	{ LF_TV_UP, "up", "上滚", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "向上滚一行" },
	{ LF_TV_DOWN, "down", "下滚", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_ENTER }, LF_ACT_TEXT, "向下滚一行" },
	{ LF_TV_PGUP, "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_BAR | LF_ACT_TEXT, "向上翻一页" },
	{ LF_TV_PGDN, "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "向下翻一页" },
	{ LF_TV_TOP, "top", "开头", { LF_KEY(KEY_HOME), 'g' }, LF_ACT_TEXT, "到开头（最近的一次）" },
	{ LF_TV_BOTTOM, "bottom", "末尾", { LF_KEY(KEY_END), 'G' }, LF_ACT_TEXT, "到末尾" },
	{ 0 },
};

/* ------------------------------------------------------------------ lines that scroll */

void lf_tv_add(struct lf_textview *v, enum lf_ui_role role, int indent, const char *text)
{
	if (v->n == v->cap) {
		v->cap = v->cap * 2 + 32;
		v->l = lf_realloc(v->l, (size_t)v->cap * sizeof *v->l);
	}
	v->l[v->n].text = lf_strdup(text);
	v->l[v->n].role = role;
	v->l[v->n].indent = indent;
	v->n++;
}

void lf_tv_addf(struct lf_textview *v, enum lf_ui_role role, int indent, const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	lf_tv_add(v, role, indent, b.s);
	lf_buf_free(&b);
}

void lf_tv_draw(struct lf_textview *v, WINDOW *w, int y0, int rows, int cols)
{
	int y = y0, i, cut = 0;

	v->height = rows;
	if (v->top > v->n - 1)
		v->top = v->n - 1;
	if (v->top < 0)
		v->top = 0;
	for (i = v->top; i < v->n && y < y0 + rows; i++) {
		attr_t a = lf_ui_attr(v->l[i].role);

		if (v->l[i].role == LF_R_HEADER || v->l[i].role == LF_R_ERROR)
			a |= A_BOLD;
		const char *t = v->l[i].text[0] ? v->l[i].text : " ";
		int width = cols - 2 - v->l[i].indent;

		if (y + lf_ui_wrap(NULL, 0, 0, width, rows + 1, t, 0) > y0 + rows)
			cut = 1;
		y += lf_ui_wrap(w, y, 1 + v->l[i].indent, width, y0 + rows - y, t, a);
	}
	if (i < v->n || cut) {
		const char *more = "（下面还有）";
		int mw = lf_utf8_width(more);

		lf_ui_fill(w, y0 + rows - 1, cols - mw - 2, mw + 1, A_NORMAL);
		lf_ui_print(w, y0 + rows - 1, cols - mw - 1, mw, more, lf_ui_attr(LF_R_DIM));
	}
}

int lf_tv_scroll(struct lf_textview *v, int id)
{
	int page = v->height > 4 ? v->height / 2 : 1;

	switch (id) {
	case LF_TV_UP: v->top--; break;
	case LF_TV_DOWN: v->top++; break;
	case LF_TV_PGUP: v->top -= page; break;
	case LF_TV_PGDN: v->top += page; break;
	case LF_TV_TOP: v->top = 0; break;
	case LF_TV_BOTTOM: v->top = v->n - page; break;
	default: return 0;
	}
	if (v->top > v->n - 1)
		v->top = v->n - 1;
	if (v->top < 0)
		v->top = 0;
	return 1;
}

int lf_tv_key(struct lf_textview *v, int key)
{
	const struct lf_ui_action *a;
	int i;

	for (a = lf_history_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key)
				return lf_tv_scroll(v, a->id);
	return 0;
}

void lf_tv_free(struct lf_textview *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		lf_free(v->l[i].text);
	lf_free(v->l);
	memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------ a page of lines */

struct page {
	struct lf_screen base;
	struct lf_textview v;
	const char *about;  /* for the help page */
};

static void add_line(struct page *p, enum lf_ui_role role, int indent, const char *text)
{
	lf_tv_add(&p->v, role, indent, text);
}

static void page_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	lf_tv_draw(&((struct page *)s)->v, w, 0, rows, cols);
}

static int page_action(struct lf_screen *s, int id)
{
	lf_tv_scroll(&((struct page *)s)->v, id);
	return LF_DIRTY_BODY;
}

static void page_help(struct lf_screen *s, struct lf_buf *b)
{
	struct page *p = (struct page *)s;

	if (p->about)
		lf_buf_addf(b, "%s\n", p->about);
}

static void page_free(struct lf_screen *s)
{
	struct page *p = (struct page *)s;

	lf_tv_free(&p->v);
	lf_free(p);
}

static const struct lf_screen_ops history_ops = {
	.name = "history",
	.actions = lf_history_actions,
	.draw = page_draw,
	.action = page_action,
	.help = page_help,
	.free = page_free,
};

static const struct lf_screen_ops audit_ops = {
	.name = "audit",
	.actions = lf_history_actions,
	.draw = page_draw,
	.action = page_action,
	.help = page_help,
	.free = page_free,
};

/* ------------------------------------------------------------------ a record's history */

#define NAMES 16

struct entry_lines {
	struct lf_tvline *l;
	int n;
};

struct hist {
	struct lf_db *db;
	struct entry_lines *e;  /* one group of lines per entry, oldest first */
	int n, cap;
	int update;             /* the entry changes a record that existed before */
	char *name_of[NAMES][2];  /* actor → the name to show */
	int names;
};

static const char *actor_name(struct hist *h, const char *actor)
{
	struct lf_account a;
	int i;

	if (!*actor)
		return "（初始设置）";
	for (i = 0; i < h->names; i++)
		if (!strcmp(h->name_of[i][0], actor))
			return h->name_of[i][1];
	if (h->names == NAMES) { /* a long history by many people: forget the oldest */
		lf_free(h->name_of[0][0]);
		lf_free(h->name_of[0][1]);
		memmove(h->name_of[0], h->name_of[1], (NAMES - 1) * sizeof h->name_of[0]);
		h->names--;
	}
	h->name_of[h->names][0] = lf_strdup(actor);
	if (lf_account_get(h->db, actor, &a) == LF_OK)
		h->name_of[h->names][1] = lf_printf("%s（%s）", a.person_name ? a.person_name : a.name, actor);
	else
		h->name_of[h->names][1] = lf_strdup(actor);
	lf_account_clear(&a);
	return h->name_of[h->names++][1];
}

static void group_add(struct hist *h, enum lf_ui_role role, int indent, const char *text)
{
	struct entry_lines *g = &h->e[h->n - 1];

	g->l = lf_realloc(g->l, (size_t)(g->n + 1) * sizeof *g->l);
	g->l[g->n].text = lf_strdup(text);
	g->l[g->n].role = role;
	g->l[g->n].indent = indent;
	g->n++;
}

static int one_change(void *ctx, const char *field, const char *label, const char *before, const char *after)
{
	struct hist *h = ctx;
	char *t;

	(void)field;
	if (h->update)
		t = lf_printf("%s：%s → %s", label, before ? before : "（空）", after ? after : "（空）");
	else
		t = lf_printf("%s：%s", label, after ? after : "（空）");
	group_add(h, LF_R_NORMAL, 4, t);
	lf_free(t);
	return 0;
}

static int one_entry(void *ctx, const struct lf_audit_entry *e)
{
	struct hist *h = ctx;
	char when[17], *head;
	const char *what;

	if (h->n == h->cap) {
		h->cap = h->cap * 2 + 16;
		h->e = lf_realloc(h->e, (size_t)h->cap * sizeof *h->e);
	}
	memset(&h->e[h->n++], 0, sizeof *h->e);
	lf_local_time(e->at, when);
	h->update = e->before[0] != 0;
	what = !strcmp(e->action, "put") ? (h->update ? "修改" : "新建") : lf_audit_action_label(e->action);
	head = lf_printf("%s  %s  %s  （日志第 %lld 条）", when, actor_name(h, e->actor), what, e->seq);
	group_add(h, LF_R_HEADER, 0, head);
	lf_free(head);
	lf_audit_changes(h->db, e, one_change, h);
	return 0;
}

void lf_history_open(struct lf_ui *ui, const char *kind, const char *gid)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	const struct lf_kind *k = lf_kind_find(kind);
	int account = !strcmp(kind, "account");
	struct hist h;
	struct page *p;
	char *label = NULL, *what, title[200];
	lf_status st;
	int i, j;

	if ((st = lf_audit_may_read(db, kind, gid))) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
		return;
	}
	memset(&h, 0, sizeof h);
	h.db = db;
	if ((st = lf_audit_list(db, gid, NULL, one_entry, &h)))
		lf_ui_msg(ui, LF_MSG_ERROR, "历史没有读全：%s", lf_errmsg(db, st));
	if (!account && k)
		label = lf_record_label(db, k, gid);
	if (account)
		what = lf_printf("用户“%s”", gid);
	else
		what = lf_printf("%s“%s”", k ? k->label : kind, label ? label : gid);
	p = lf_alloc(sizeof *p);
	p->about = "一条记录的历史，来自本单位的审计日志：每次谁、在什么时候、做了什么，以及改了哪些项"
	           "（“→”左边是原来的，右边是改成的）。最近的一次在最上面。命令行：lianfang audit log --record 编号。";
	{
		char *t = h.n ? lf_printf("%s的历史：%d 次，最近的在上面。", what, h.n)
		              : lf_printf("%s在本单位的审计日志里还没有历史（别的单位建立的记录，历史在那个单位的日志里）。",
		                          what);

		add_line(p, LF_R_PATH, 0, t);
		lf_free(t);
	}
	for (i = h.n - 1; i >= 0; i--) {
		add_line(p, LF_R_NORMAL, 0, "");
		for (j = 0; j < h.e[i].n; j++) {
			struct lf_tvline *l = &h.e[i].l[j];

			add_line(p, l->role, l->indent, l->text);
			lf_free(l->text);
		}
		lf_free(h.e[i].l);
	}
	lf_free(h.e);
	for (i = 0; i < h.names; i++) {
		lf_free(h.name_of[i][0]);
		lf_free(h.name_of[i][1]);
	}
	snprintf(title, sizeof title, "历史：%s", what);
	lf_screen_init(&p->base, &history_ops, title);
	lf_ui_push(ui, &p->base);
	lf_free(what);
	lf_free(label);
}

/* ------------------------------------------------------------------ the audit log check */

static void problem(void *ctx, const char *msg)
{
	add_line(ctx, LF_R_NORMAL, 2, msg);
}

void lf_audit_open(struct lf_ui *ui)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct page *p = lf_alloc(sizeof *p);
	char hash[65], *t;
	long long seq;
	long n;

	p->about = "检查审计日志：每一条都带着前一条的哈希，改动、删除或调换任何一条都会使链条断开；"
	           "还核对日志与修订、与用户是否一致，以及每条记录是否与它的修订一致。命令行：lianfang audit verify。";
	lf_ui_msg(ui, LF_MSG_INFO, "正在检查审计日志和每条记录……");
	lf_ui_update(ui);
	add_line(p, LF_R_PATH, 0, "");
	n = lf_audit_verify(db, problem, p);
	n += lf_rec_check(db, problem, p);
	lf_free(p->v.l[0].text);
	if (n) {
		p->v.l[0].text = lf_printf("审计日志有 %ld 个问题：数据可能被人绕过廉防改动过。", n);
		p->v.l[0].role = LF_R_ERROR;
		add_line(p, LF_R_NORMAL, 0, "");
		add_line(p, LF_R_DIM, 0,
		         "审计日志的每一条都带着前一条的哈希，所以改动、删除或调换其中任何一条，链条就会从那里断开；"
		         "记录或用户与日志不符，说明有人用别的工具直接改了数据库文件。请保留这个文件的副本，"
		         "与备份、上级收到的数据核对（lianfang audit verify 会列出同样的问题），并报告纪检监察部门。");
		lf_ui_msg(ui, LF_MSG_ERROR, "发现 %ld 个问题。", n);
	} else {
		p->v.l[0].text = lf_strdup("审计日志完整：链条没有断开，日志、修订、记录和用户都相互一致。");
		p->v.l[0].role = LF_R_INFO;
		lf_ui_msg(ui, LF_MSG_INFO, "检查完毕，没有发现问题。");
	}
	if (lf_audit_head(db, &seq, hash) == LF_OK && seq) {
		add_line(p, LF_R_NORMAL, 0, "");
		t = lf_printf("本单位日志的最后一条：第 %lld 条，哈希 %s", seq, hash);
		add_line(p, LF_R_NORMAL, 0, t);
		lf_free(t);
		t = lf_printf("把它抄下来另外保存，以后用 lianfang audit verify --anchor %lld:%s 就能查出日志是否被"
		              "整段改写过。", seq, hash);
		add_line(p, LF_R_DIM, 0, t);
		lf_free(t);
	}
	lf_screen_init(&p->base, &audit_ops, "审计日志");
	lf_ui_push(ui, &p->base);
}
