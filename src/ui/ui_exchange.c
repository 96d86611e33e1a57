/* ui_exchange: the USB trip on screen — pack a bundle for the parent or for
 * a child unit onto the stick, and merge a bundle from it: first a dry run
 * whose preview says who sent it, what it would add, what is already held,
 * the conflicts, the warnings and every refusal with its reason; then the
 * merge itself, with a progress bar and a way to cancel that applies
 * nothing. All of it is exchange.h's: this file only asks and shows. The
 * chooser (lf_path_open) and the child picker hand their answer to `resume`,
 * which does the work once they have closed. */
#include "lianfang/exchange.h"
#include "lianfang/unit.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <string.h>

/* ------------------------------------------------------------------ the exchange screen */

enum { E_OPEN = 1, E_UP, E_DOWN, E_ALL };

const struct lf_ui_action lf_exchange_actions[] = {
	{ E_OPEN, "open", "打开", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "做选中的一项（也可以直接按它前面的数字）" },
	{ E_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一项" },
	{ E_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_TAB }, LF_ACT_TEXT, "选中下一项" },
	{ E_ALL, "all", "全部", { 'a' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "打包时带上全部记录，不管对方确认收到过什么（对方恢复过备份，或不确定时）；再按一次改回" },
	{ 0 },
};

enum { I_UP, I_DOWN, I_MERGE, I_CONFLICTS, I_N };
enum { P_NONE, P_CHILD, P_PACK_UP, P_PACK_DOWN, P_MERGE };

struct unitname {
	char code[LF_CODE_MAX + 1];
	char *name;
};

struct exch {
	struct lf_screen base;
	int sel;
	int all;
	char me_name[401], parent[LF_CODE_MAX + 1], parent_name[401];
	struct unitname *kids;
	int nkids;
	long long conflicts;     /* -1: not allowed to look */
	char *denied;            /* why this user may not exchange, or NULL */
	int pending;             /* what to do when the chooser or picker closes */
	int for_child;           /* the directory chooser is for a pack down */
	char *path;              /* its answer (bytes) */
	char child[LF_CODE_MAX + 1];
	char *lastdir;           /* where the last bundle went or came from */
	struct xview last;       /* the last result */
};

static struct lf_db *dbof(struct exch *e)
{
	return lf_ui_ctx(e->base.ui)->db;
}

static int count_one(void *ctx, const char *kind, const char *gid, int leaves)
{
	(void)kind;
	(void)gid;
	(void)leaves;
	(*(long long *)ctx)++;
	return 0;
}

struct kids_ctx {
	struct exch *e;
	struct lf_db *db;
};

static int collect_kid(void *ctx, const char *code, const char *parent, int deleted)
{
	struct kids_ctx *k = ctx;
	struct lf_unit u;

	if (deleted || strcmp(parent, k->db->unit))
		return 0;
	k->e->kids = lf_realloc(k->e->kids, (size_t)(k->e->nkids + 1) * sizeof *k->e->kids);
	snprintf(k->e->kids[k->e->nkids].code, sizeof k->e->kids[0].code, "%s", code);
	memset(&u, 0, sizeof u);
	k->e->kids[k->e->nkids].name = lf_strdup(lf_unit_get(k->db, code, &u) == LF_OK && u.name ? u.name : "");
	lf_unit_clear(&u);
	k->e->nkids++;
	return 0;
}

static void free_kids(struct exch *e)
{
	int i;

	for (i = 0; i < e->nkids; i++)
		lf_free(e->kids[i].name);
	lf_free(e->kids);
	e->kids = NULL;
	e->nkids = 0;
}

/* Who we are, who is above and below, whether this user may exchange. */
static void load(struct exch *e)
{
	struct lf_db *db = dbof(e);
	struct kids_ctx k = { e, db };
	struct lf_unit u;

	memset(&u, 0, sizeof u);
	e->me_name[0] = e->parent[0] = e->parent_name[0] = 0;
	if (lf_unit_get(db, db->unit, &u) == LF_OK) {
		snprintf(e->me_name, sizeof e->me_name, "%s", u.name ? u.name : "");
		snprintf(e->parent, sizeof e->parent, "%s", u.parent);
	}
	lf_unit_clear(&u);
	if (e->parent[0] && lf_unit_get(db, e->parent, &u) == LF_OK)
		snprintf(e->parent_name, sizeof e->parent_name, "%s", u.name ? u.name : "");
	lf_unit_clear(&u);
	free_kids(e);
	lf_unit_each(db, collect_kid, &k);
	lf_free(e->denied);
	e->denied = NULL;
	e->conflicts = 0;
	if (lf_exchange_allowed(db)) {
		e->denied = lf_strdup(db->err);
		e->conflicts = -1;
	} else if (lf_exchange_conflicts(db, count_one, &e->conflicts)) {
		e->conflicts = -1;
	}
}

static void item_text(struct exch *e, int i, const char **label, struct lf_buf *about)
{
	switch (i) {
	case I_UP:
		*label = "上报";
		if (e->parent[0])
			lf_buf_addf(about, "给上级 %s%s%s 打数据包，写到 U 盘上", e->parent, *e->parent_name ? " " : "",
			            e->parent_name);
		else
			lf_buf_adds(about, "本单位没有上级单位");
		break;
	case I_DOWN:
		*label = "下发";
		if (e->nkids)
			lf_buf_addf(about, "给一个下级单位打数据包（共 %d 个下级单位）", e->nkids);
		else
			lf_buf_adds(about, "给下级单位打数据包（还没有收到过下级单位的数据）");
		break;
	case I_MERGE:
		*label = "合并";
		lf_buf_adds(about, "合并 U 盘上的数据包：先试合并，看清楚了再合并");
		break;
	case I_CONFLICTS:
		*label = "冲突";
		if (e->conflicts < 0)
			lf_buf_adds(about, "有冲突的记录（需要纪检监察或系统管理员的角色才能查看）");
		else
			lf_buf_addf(about, "有冲突的记录：%lld 条", e->conflicts);
		break;
	}
}

static void exch_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct exch *e = (struct exch *)s;
	struct lf_db *db = dbof(e);
	struct lf_buf b;
	int y = 1, i;

	lf_buf_init(&b);
	lf_buf_addf(&b, "本单位  %s %s", db->unit, e->me_name);
	lf_ui_print(w, y++, 3, cols - 6, b.s, A_BOLD);
	lf_buf_reset(&b);
	if (e->parent[0])
		lf_buf_addf(&b, "上级    %s %s", e->parent, e->parent_name);
	else
		lf_buf_adds(&b, "上级    无");
	lf_ui_print(w, y++, 3, cols - 6, b.s, A_NORMAL);
	lf_buf_reset(&b);
	lf_buf_adds(&b, "下级    ");
	for (i = 0; i < e->nkids; i++)
		lf_buf_addf(&b, "%s%s %s", i ? "、" : "", e->kids[i].code, e->kids[i].name);
	if (!e->nkids)
		lf_buf_adds(&b, "（还没有收到过下级单位的数据）");
	lf_ui_print(w, y++, 3, cols - 6, b.s, A_NORMAL);
	if (e->denied)
		y += lf_ui_wrap(w, y, 3, cols - 6, 2, e->denied, lf_ui_attr(LF_R_ERROR));
	y++;
	lf_ui_print(w, y++, 3, cols - 6, "U 盘交换", lf_ui_attr(LF_R_HEADER));
	for (i = 0; i < I_N; i++, y++) {
		attr_t a = i == e->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;
		const char *label = "";
		char num[16];

		lf_buf_reset(&b);
		item_text(e, i, &label, &b);
		if (i == e->sel) {
			lf_ui_fill(w, y, 3, cols - 6, a);
			s->cy = y;
			s->cx = 3;
		}
		snprintf(num, sizeof num, " %d ", i + 1);
		lf_ui_print(w, y, 3, 4, num, a);
		lf_ui_print(w, y, 8, 8, label, a | A_BOLD);
		lf_ui_print(w, y, 16, cols - 19, b.s, a);
	}
	lf_ui_print(w, y++, 3, cols - 6,
	            e->all ? "打包范围：全部记录，不管对方确认收到过什么（按 a 改回）"
	                   : "打包范围：对方还没有确认收到的记录（按 a 改为全部）",
	            lf_ui_attr(e->all ? LF_R_INFO : LF_R_DIM));
	lf_buf_free(&b);
	if (e->last.n) {
		y++;
		lf_ui_print(w, y++, 3, cols - 6, "上一次", lf_ui_attr(LF_R_HEADER));
		xview_draw(&e->last, w, y, 3, rows - y, cols - 4);
	}
}

/* ------------------------------------------------------------------ packing */

static void pack_picked(void *ctx, const char *path, const char *shown)
{
	struct exch *e = ctx;

	(void)shown;
	lf_free(e->path);
	e->path = lf_strdup(path);
	lf_free(e->lastdir);
	e->lastdir = lf_printf("%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/");
	e->pending = e->for_child ? P_PACK_DOWN : P_PACK_UP;
}

static void child_picked(void *ctx, const char *value, const char *label)
{
	struct exch *e = ctx;
	size_t n = strcspn(value, " ");

	(void)label;
	snprintf(e->child, sizeof e->child, "%.*s", (int)(n < sizeof e->child ? n : sizeof e->child - 1), value);
	e->pending = P_CHILD;
}

static int may_exchange(struct exch *e)
{
	struct lf_db *db = dbof(e);
	lf_status st = lf_exchange_allowed(db);

	if (st)
		lf_ui_msg(e->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	return st == LF_OK;
}

static void choose_dir(struct exch *e, const char *title)
{
	lf_path_open(e->base.ui, title, LF_PATH_DIR, e->lastdir, pack_picked, e);
}

static void start_pack_up(struct exch *e)
{
	if (!may_exchange(e))
		return;
	if (!e->parent[0]) {
		lf_ui_msg(e->base.ui, LF_MSG_ERROR, "本单位没有上级单位，无法上报。");
		return;
	}
	e->pending = P_NONE;
	e->for_child = 0;
	choose_dir(e, "上报：选择 U 盘上的目录");
}

static void start_pack_down(struct exch *e)
{
	char **choices;
	int i;

	if (!may_exchange(e))
		return;
	if (!e->nkids) {
		lf_ui_msg(e->base.ui, LF_MSG_ERROR, "还没有收到过下级单位的数据：合并过下级单位的数据包后，才能给它下发。");
		return;
	}
	choices = lf_alloc((size_t)e->nkids * sizeof *choices);
	for (i = 0; i < e->nkids; i++)
		choices[i] = lf_printf("%s %s", e->kids[i].code, e->kids[i].name);
	lf_picker_choices(e->base.ui, "下发给哪个单位", choices, e->nkids, child_picked, e);
	for (i = 0; i < e->nkids; i++)
		lf_free(choices[i]);
	lf_free(choices);
}

static void pack(struct exch *e, int down)
{
	struct lf_ui *ui = e->base.ui;
	struct lf_db *db = dbof(e);
	struct xprog p = { ui, "打包" };
	struct lf_pack_opts o = { e->all, xprog_stage, &p };
	struct lf_pack_result r;
	lf_status st;
	char size[32];

	st = down ? lf_pack_down(db, e->child, e->path, &o, &r) : lf_pack_up(db, e->path, &o, &r);
	lf_ui_progress_end(ui);
	xview_clear(&e->last);
	if (st) {
		char *shown = lf_path_display(e->path);

		xview_add(&e->last, LF_R_ERROR, 0, "没有写出数据包（%s）：", shown);
		xview_add(&e->last, LF_R_ERROR, 2, "%s", lf_errmsg(db, st));
		lf_ui_msg(ui, LF_MSG_ERROR, "没有写出数据包：%s", lf_errmsg(db, st));
		lf_free(shown);
	} else {
		char *shown = lf_path_display(r.path);

		x_size(size, sizeof size, r.bytes);
		xview_add(&e->last, LF_R_INFO, 0, "已写出数据包 %s", shown);
		xview_add(&e->last, LF_R_NORMAL, 2, "%s → %s（%s%s），%lld 条修订，%lld 条审计日志，%lld 条确认，%s。", r.m.sender,
		          r.m.receiver, down ? "下发" : "上报", e->all ? "，全部" : "", r.m.revs, r.m.audits,
		          r.m.acks + r.m.audit_acks, size);
		xview_add(&e->last, LF_R_NORMAL, 2, "已读回核对。文件校验码（BLAKE2b-256）：%s", r.file_hash);
		lf_ui_msg(ui, LF_MSG_INFO, "已写出数据包 %s（%lld 条修订），已读回核对。", shown, r.m.revs);
		lf_free(shown);
		lf_pack_result_free(&r);
	}
}

/* ------------------------------------------------------------------ merging */

static void merge_picked(void *ctx, const char *path, const char *shown)
{
	struct exch *e = ctx;
	const char *slash = strrchr(path, '/');

	(void)shown;
	lf_free(e->path);
	e->path = lf_strdup(path);
	lf_free(e->lastdir);
	e->lastdir = slash ? lf_strndup(path, (size_t)(slash - path + 1)) : NULL;
	e->pending = P_MERGE;
}

static void merge_open(struct lf_ui *ui, const char *path);

static void exch_resume(struct lf_screen *s)
{
	struct exch *e = (struct exch *)s;
	int what = e->pending;

	e->pending = P_NONE;
	switch (what) {
	case P_CHILD:
		e->for_child = 1; /* the chooser's answer is a pack for this child */
		choose_dir(e, "下发：选择 U 盘上的目录");
		return;
	case P_PACK_UP: pack(e, 0); break;
	case P_PACK_DOWN: pack(e, 1); break;
	case P_MERGE: merge_open(s->ui, e->path); return;
	}
	load(e);
}

static int open_item(struct exch *e, int i)
{
	e->sel = i;
	switch (i) {
	case I_UP: start_pack_up(e); break;
	case I_DOWN: start_pack_down(e); break;
	case I_MERGE:
		if (may_exchange(e)) {
			e->pending = P_NONE;
			lf_path_open(e->base.ui, "合并：选择数据包文件", LF_PATH_READ, e->lastdir, merge_picked, e);
		}
		break;
	case I_CONFLICTS:
		if (may_exchange(e))
			lf_conflicts_open(e->base.ui);
		break;
	}
	return LF_DIRTY_ALL;
}

static int exch_action(struct lf_screen *s, int id)
{
	struct exch *e = (struct exch *)s;

	switch (id) {
	case E_OPEN: return open_item(e, e->sel);
	case E_UP: e->sel = (e->sel + I_N - 1) % I_N; break;
	case E_DOWN: e->sel = (e->sel + 1) % I_N; break;
	case E_ALL:
		e->all = !e->all;
		lf_ui_msg(s->ui, LF_MSG_INFO, e->all ? "打包时带上全部记录。" : "打包时只带对方还没有确认收到的记录。");
		break;
	}
	return LF_DIRTY_BODY;
}

static int exch_key(struct lf_screen *s, int key)
{
	struct exch *e = (struct exch *)s;

	if (key >= '1' && key < '1' + I_N)
		return open_item(e, key - '1');
	if (xview_key(&e->last, key))
		return LF_DIRTY_BODY;
	return -1;
}

static void exch_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "用 U 盘在上下级单位之间带数据。上报：把本单位（和下级单位）的记录打成数据包，写到 U 盘上，"
	               "带到上级单位合并。下发：把与一个下级单位有关的评估、检查、整改通知等打包给它。"
	               "合并：选 U 盘上的数据包，先试合并（什么也不改），看清楚是谁发来的、会新增什么、"
	               "有没有冲突或被拒收的内容，再按 F2 合并；合并中按 Esc 取消，什么也不会改。"
	               "冲突：同一条记录有几个互不相承的版本时，看各版本的不同之处，由所属单位保留其中一个。"
	               "需要纪检监察或系统管理员的角色。数据包先写成临时文件、读回核对后才改名，U 盘上要么是完整的新数据包，"
	               "要么保持原样。\n");
}

static void exch_free(struct lf_screen *s)
{
	struct exch *e = (struct exch *)s;

	free_kids(e);
	lf_free(e->denied);
	lf_free(e->path);
	lf_free(e->lastdir);
	xview_clear(&e->last);
	lf_free(e);
}

static const struct lf_screen_ops exch_ops = {
	.name = "exchange",
	.actions = lf_exchange_actions,
	.draw = exch_draw,
	.action = exch_action,
	.key = exch_key,
	.resume = exch_resume,
	.help = exch_help,
	.free = exch_free,
};

void lf_exchange_open(struct lf_ui *ui)
{
	struct exch *e = lf_alloc(sizeof *e);

	lf_screen_init(&e->base, &exch_ops, "数据交换");
	lf_ui_push(ui, &e->base);
	load(e);
}

/* ------------------------------------------------------------------ the merge preview */

enum { M_APPLY = 1, M_RECHECK, M_CONFLICTS };

const struct lf_ui_action lf_merge_actions[] = {
	{ M_APPLY, "merge", "合并", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "试合并通过后，把数据包合并进本单位的数据库（一次全部合并；按 Esc 取消时什么也不改）" },
	{ M_RECHECK, "recheck", "重新检查", { LF_KEY(KEY_F(5)), LF_META('r') }, LF_ACT_BAR,
	  "再试合并一次（取消了检查，或重新插好 U 盘之后）" },
	{ M_CONFLICTS, "conflicts", "冲突", { 'c' }, LF_ACT_BAR | LF_ACT_TEXT, "查看并解决有冲突的记录" },
	{ 0 },
};

struct merge {
	struct lf_screen base;
	char *path, *shown;
	struct lf_merge_result dry, res;
	lf_status dst, st;
	int ran;              /* 0 dry run only, 1 merged (or tried to) */
	struct xview v;
};

static void show_manifest(struct merge *m, const struct lf_merge_result *r, struct lf_db *db)
{
	const struct lf_manifest *x = &r->m;
	char size[32];

	x_size(size, sizeof size, r->bytes);
	if (r->bytes)
		xview_add(&m->v, LF_R_NORMAL, 0, "文件    %s（%s）", m->shown, size);
	else
		xview_add(&m->v, LF_R_NORMAL, 0, "文件    %s", m->shown);
	if (!r->opened)
		return;
	xview_add(&m->v, LF_R_NORMAL, 0, "发送方  %s %s，%s %s%s", x->sender, x->sender_name,
	          !strcmp(x->direction, "up") ? "上报给" : "下发给", x->receiver,
	          !strcmp(x->receiver, db->unit) ? "（本单位）" : "");
	xview_add(&m->v, LF_R_NORMAL, 0, "打包于  %s（%s）", x->created, x->program);
	xview_add(&m->v, LF_R_NORMAL, 0, "内容    %lld 条修订，%lld 条审计日志，%lld 条确认", x->revs, x->audits,
	          x->acks + x->audit_acks);
	xview_add(&m->v, LF_R_DIM, 0, "校验码  %s", r->file_hash);
}

static void show_lists(struct merge *m, const struct lf_merge_result *r)
{
	int i;

	if (r->nconflicts) {
		xview_add(&m->v, LF_R_HEADER, 0, "冲突 %d 条（都已保留，各处显示同一个版本；按 c 查看并解决）", r->nconflicts);
		for (i = 0; i < r->nconflicts; i++) {
			const struct lf_kind *k = lf_kind_find(r->conflicts[i].kind);

			xview_add(&m->v, LF_R_NORMAL, 2, "%s %s（单位 %s）有 %d 个版本", k ? k->label : r->conflicts[i].kind,
			          r->conflicts[i].gid, r->conflicts[i].owner, r->conflicts[i].leaves);
		}
	}
	if (r->nwarnings) {
		xview_add(&m->v, LF_R_HEADER, 0, "警告 %d 条", r->nwarnings);
		for (i = 0; i < r->nwarnings; i++)
			xview_add(&m->v, LF_R_ERROR, 2, "%s", r->warnings[i]);
	}
	if (r->refused) {
		xview_add(&m->v, LF_R_HEADER, 0, "拒收 %lld 处", r->refused);
		for (i = 0; i < r->nrefusals; i++)
			xview_add(&m->v, LF_R_ERROR, 2, "%s", r->refusals[i]);
		if (r->refused > r->nrefusals)
			xview_add(&m->v, LF_R_ERROR, 2, "……另有 %lld 处未列出。", r->refused - r->nrefusals);
	}
	if (r->notes)
		xview_add_lines(&m->v, LF_R_DIM, 0, r->notes);
}

static void build_view(struct merge *m)
{
	struct lf_db *db = lf_ui_ctx(m->base.ui)->db;
	const struct lf_merge_result *r = m->ran ? &m->res : &m->dry;
	lf_status st = m->ran ? m->st : m->dst;

	xview_clear(&m->v);
	show_manifest(m, r, db);
	if (st == LF_OK && !m->ran) {
		xview_add(&m->v, LF_R_HEADER, 0, "试合并（什么也没有改）");
		xview_add(&m->v, LF_R_NORMAL, 2, "将新增修订 %lld 条，已有 %lld 条", r->added, r->had);
		xview_add(&m->v, LF_R_NORMAL, 2, "审计日志将新增 %lld 条，已有 %lld 条；记下对方的确认 %lld 条", r->audit_added,
		          r->audit_had, r->acks);
		if (!r->nconflicts)
			xview_add(&m->v, LF_R_NORMAL, 2, "冲突：无");
	} else if (st == LF_OK) {
		xview_add(&m->v, LF_R_HEADER, 0, "已合并");
		xview_add(&m->v, LF_R_INFO, 2, "新增修订 %lld 条，已有 %lld 条", r->added, r->had);
		xview_add(&m->v, LF_R_INFO, 2, "审计日志新增 %lld 条，已有 %lld 条；记下对方的确认 %lld 条", r->audit_added,
		          r->audit_had, r->acks);
		if (!r->nconflicts)
			xview_add(&m->v, LF_R_NORMAL, 2, "冲突：无");
		if (strcmp(m->res.file_hash, m->dry.file_hash) && m->res.opened && m->dry.opened)
			xview_add(&m->v, LF_R_ERROR, 2, "注意：试合并之后文件变了；合并的是现在的文件，结果如上。");
	}
	show_lists(m, r);
	if (st == LF_OK && !m->ran)
		xview_add(&m->v, LF_R_INFO, 0, "可以合并：按 F2 或 Ctrl-S 合并，按 Esc 返回（什么也不改）。");
	else if (st)
		xview_add(&m->v, LF_R_ERROR, 0, "%s：%s", m->ran ? "没有合并" : "不能合并", lf_errmsg(db, st));
}

static void run(struct merge *m, int dry)
{
	struct lf_ui *ui = m->base.ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct xprog p = { ui, dry ? "试合并" : "合并" };
	struct lf_merge_opts o = { dry, xprog_stage, &p };
	lf_status st;

	if (dry) {
		lf_merge_result_free(&m->dry);
		m->ran = 0;
		m->dst = LF_STATE; /* not checked yet: nothing to apply */
		st = m->dst = lf_merge(db, m->path, &o, &m->dry);
	} else {
		lf_merge_result_free(&m->res);
		st = m->st = lf_merge(db, m->path, &o, &m->res);
		m->ran = 1;
	}
	lf_ui_progress_end(ui);
	build_view(m);
	if (st)
		lf_ui_msg(ui, LF_MSG_ERROR, "%s：%s", dry ? "不能合并" : "没有合并", lf_errmsg(db, st));
	else if (!dry)
		lf_ui_msg(ui, LF_MSG_INFO, "已合并：新增修订 %lld 条，冲突 %d 条。", m->res.added, m->res.nconflicts);
	if (!dry && st == LF_OK)
		lf_ui_refresh_overview(ui);
}

static void merge_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct merge *m = (struct merge *)s;

	xview_draw(&m->v, w, 1, 2, rows - 1, cols - 4);
}

static int merge_enabled(struct lf_screen *s, int id)
{
	struct merge *m = (struct merge *)s;

	if (id == M_APPLY) /* again after a cancel */
		return m->dst == LF_OK && !(m->ran && m->st == LF_OK);
	if (id == M_RECHECK)
		return !(m->ran && m->st == LF_OK);
	return 1;
}

static int merge_action(struct lf_screen *s, int id)
{
	struct merge *m = (struct merge *)s;

	if (id == M_APPLY)
		run(m, 0);
	else if (id == M_RECHECK)
		run(m, 1);
	else if (id == M_CONFLICTS)
		lf_conflicts_open(s->ui);
	return LF_DIRTY_ALL;
}

static int merge_key(struct lf_screen *s, int key)
{
	return xview_key(&((struct merge *)s)->v, key) ? LF_DIRTY_BODY : -1;
}

static void merge_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "数据包的试合并结果：谁发来的、什么时候打的包、会新增多少记录、哪些已经有了、冲突、警告，"
	               "以及每一处被拒收的内容和原因。有任何一处被拒收，就什么也不合并。"
	               "试合并通过后按 F2 或 Ctrl-S 合并，一次全部合并；合并中按 Esc 取消，什么也不会改。"
	               "同一个数据包合并几次，结果都一样。\n");
}

static void merge_free(struct lf_screen *s)
{
	struct merge *m = (struct merge *)s;

	lf_free(m->path);
	lf_free(m->shown);
	lf_merge_result_free(&m->dry);
	lf_merge_result_free(&m->res);
	xview_clear(&m->v);
	lf_free(m);
}

static const struct lf_screen_ops merge_ops = {
	.name = "merge",
	.actions = lf_merge_actions,
	.draw = merge_draw,
	.action = merge_action,
	.key = merge_key,
	.enabled = merge_enabled,
	.help = merge_help,
	.more_actions = lf_list_actions,
	.more_title = "滚动",
	.free = merge_free,
};

static void merge_open(struct lf_ui *ui, const char *path)
{
	struct merge *m = lf_alloc(sizeof *m);

	m->path = lf_strdup(path);
	m->shown = lf_path_display(path);
	lf_screen_init(&m->base, &merge_ops, "合并数据包");
	lf_ui_push(ui, &m->base);
	xview_add(&m->v, LF_R_NORMAL, 0, "正在检查 %s ……", m->shown);
	run(m, 1);
}
