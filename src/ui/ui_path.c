/* ui_path: choosing a file or a directory — a path field with Tab
 * completion above a list of the directory's entries, starting on the USB
 * stick. What to list, complete and accept is pathcomp.c's (no curses);
 * this file turns keys into those calls and their results into a screen.
 * The list is read when asked (Tab, Enter on a directory, F5 or Alt-R), never on
 * every keystroke: a stick can be slow and so can the link. */
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>
#include <time.h>

enum { PA_OPEN = 1, PA_CHOOSE, PA_COMPLETE, PA_NEXT, PA_PREV, PA_REFRESH };

const struct lf_ui_action lf_path_actions[] = {
	{ PA_OPEN, "open", "打开", { LF_ENTER }, LF_ACT_BAR,
	  "在输入框里：选定写好的路径（是目录时列出其中的文件）；在列表里：进入选中的目录，或选定选中的文件" },
	{ PA_CHOOSE, "choose", "选定", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "选定输入框里的路径（选目录时用它：Enter 在列表里是进入目录）" },
	{ PA_COMPLETE, "complete", "补全", { LF_TAB }, LF_ACT_BAR,
	  "补全文件名：只有一个可选时补全整个名字，有几个时补全它们相同的开头并列出它们" },
	{ PA_NEXT, "next", "下一个", { LF_CTRL('N') }, 0, "到列表中、选中下一项（也可以按 Down）" },
	{ PA_PREV, "prev", "上一个", { LF_CTRL('P') }, 0, "选中上一项，在第一项时回到输入框（也可以按 Up）" },
	{ PA_REFRESH, "refresh", "刷新", { LF_KEY(KEY_F(5)), LF_META('r') }, LF_ACT_BAR,
	  "重新读取目录：刚插上 U 盘时，没有找到 U 盘时会再找一次" },
	{ 0 },
};

struct chooser {
	struct lf_screen base;
	enum lf_path_mode mode;
	struct lf_edit ed;
	struct lf_pathlist list;
	char *listdir;       /* bytes of the directory listed, ending in '/' ("" is the working directory) */
	char *filter;        /* the completion prefix the list is limited to, or NULL */
	char *err;           /* why the directory could not be listed */
	int up;              /* the list starts with ".." */
	int focus;           /* 0 the field, 1 the list */
	int sel, top, height;
	int no_stick;        /* started in the home directory: no stick was found */
	lf_path_picked_fn picked;
	void *ctx;
};

/* ------------------------------------------------------------------ text and listing */

static void set_wcs(struct chooser *c, const wchar_t *w, size_t n)
{
	size_t i;

	lf_edit_set(&c->ed, "");
	for (i = 0; i < n; i++)
		lf_edit_insert(&c->ed, w[i]);
}

static void set_bytes(struct chooser *c, const char *bytes)
{
	size_t n;
	wchar_t *w = lf_path_decode(bytes, strlen(bytes), &n);

	set_wcs(c, w, n);
	lf_free(w);
}

static char *with_slash(const char *dir)
{
	size_t n = strlen(dir);

	return n && dir[n - 1] != '/' ? lf_printf("%s/", dir) : lf_strdup(dir);
}

static void set_list(struct chooser *c, const char *dir, struct lf_pathlist *l, const char *prefix)
{
	char *d = with_slash(dir);

	lf_pathlist_free(&c->list);
	c->list = *l;
	memset(l, 0, sizeof *l);
	lf_free(c->listdir);
	c->listdir = d;
	lf_free(c->filter);
	c->filter = lf_strdup(prefix);
	c->up = !c->filter && strcmp(c->listdir, "/");
	lf_free(c->err);
	c->err = NULL;
	c->sel = c->top = 0;
}

/* List a whole directory; on failure keep what was shown and say why. */
static int relist(struct chooser *c, const char *dir)
{
	struct lf_pathlist l;
	char err[1024];

	if (lf_path_list(dir, NULL, 0, &l, err, sizeof err)) {
		lf_pathlist_free(&c->list);
		lf_free(c->listdir);
		c->listdir = with_slash(dir);
		lf_free(c->filter);
		c->filter = NULL;
		c->up = strcmp(c->listdir, "/") && *c->listdir;
		lf_free(c->err);
		c->err = lf_strdup(err);
		c->sel = c->top = 0;
		lf_ui_msg(c->base.ui, LF_MSG_ERROR, "%s", err);
		return -1;
	}
	set_list(c, dir, &l, NULL);
	return 0;
}

/* The directory part of bytes: up to and including the last '/'. */
static char *dir_part(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? lf_strndup(path, (size_t)(s - path + 1)) : lf_strdup("");
}

static char *parent_of(const char *dir)
{
	size_t n = strlen(dir), k;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 1 && dir[0] == '/')
		return lf_strdup("/");
	if (n == 0)
		return lf_strdup("../");
	for (k = n; k > 0 && dir[k - 1] != '/'; k--)
		;
	if (n - k == 2 && !strncmp(dir + k, "..", 2))
		return lf_printf("%.*s/../", (int)n, dir);
	return lf_strndup(dir, k);
}

static char *field_bytes(struct chooser *c)
{
	return lf_path_encode(c->ed.s, c->ed.len);
}

/* ------------------------------------------------------------------ choosing */

static int rows_in_list(const struct chooser *c)
{
	return c->up + c->list.n;
}

static void accept(struct chooser *c, char *path)
{
	struct lf_ui *ui = c->base.ui;
	char err[1024];
	int r = lf_path_check(path, c->mode, err, sizeof err);

	if (r == 1) {
		char *d = with_slash(path);

		set_bytes(c, d);
		if (relist(c, d) == 0)
			lf_ui_msg(ui, LF_MSG_INFO, "这是目录，下面列出了其中的文件：请选一个%s。",
			          c->mode == LF_PATH_READ ? "文件" : "文件，或写上新的文件名");
		c->focus = 0;
		lf_free(d);
	} else if (r == 0) {
		char *shown = lf_path_display(path);

		c->picked(c->ctx, path, shown);
		lf_free(shown);
		lf_ui_pop(ui);
	} else {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", err);
	}
	lf_free(path);
}

static void open_entry(struct chooser *c)
{
	const struct lf_pathent *e;
	char *path;

	if (c->sel < 0 || c->sel >= rows_in_list(c))
		return;
	if (c->sel < c->up) {
		char *p = parent_of(c->listdir);

		set_bytes(c, p);
		relist(c, p);
		lf_free(p);
		return;
	}
	e = &c->list.v[c->sel - c->up];
	path = lf_printf("%s%s%s", c->listdir, e->bytes, e->dir ? "/" : "");
	set_bytes(c, path);
	if (e->dir) {
		relist(c, path);
		lf_free(path);
		return;
	}
	accept(c, path);
}

static void complete(struct chooser *c)
{
	struct lf_ui *ui = c->base.ui;
	struct lf_pathcomp pc;
	char err[1024];
	size_t cut = 0, i;
	char *typed;
	int r;

	for (i = 0; i < c->ed.len; i++)
		if (c->ed.s[i] == '/')
			cut = i + 1;
	if (cut == c->ed.len) { /* nothing to complete: show the whole directory */
		char *dir = lf_path_encode(c->ed.s, c->ed.len);

		if (relist(c, dir) == 0)
			lf_ui_msg(ui, LF_MSG_INFO, "写上文件名的头几个字再按 Tab 补全，或按 ↓ 到列表中选。");
		lf_free(dir);
		c->focus = 0;
		return;
	}
	typed = lf_wcs_to_utf8(c->ed.s + cut, c->ed.len - cut);
	r = lf_path_complete(c->ed.s, c->ed.len, &pc, err, sizeof err);
	set_wcs(c, pc.text, pc.len);
	c->focus = 0;
	if (pc.listed_dir) {
		if (r == 0)
			set_list(c, pc.dir, &pc.cands, NULL);
		else
			relist(c, pc.dir);
	} else if (r == 0) {
		set_list(c, pc.dir, &pc.cands, typed);
		if (!pc.unique)
			lf_ui_msg(ui, LF_MSG_INFO, "有 %d 个可选%s：再写几个字后按 Tab，或按 ↓ 到列表中选。", c->list.total,
			          c->list.total > c->list.n ? "（只列出前面一些）" : "");
	} else {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", err);
	}
	lf_pathcomp_free(&pc);
	lf_free(typed);
}

static void reread(struct chooser *c)
{
	if (c->no_stick) {
		int stick = 0;
		char *start = lf_path_start(&stick);

		if (stick) {
			c->no_stick = 0;
			set_bytes(c, start);
			if (relist(c, start) == 0)
				lf_ui_msg(c->base.ui, LF_MSG_INFO, "找到了 U 盘：%s", start);
			lf_free(start);
			return;
		}
		lf_free(start);
	}
	if (relist(c, c->listdir) == 0)
		lf_ui_msg(c->base.ui, LF_MSG_INFO, "已重新读取。");
}

static void step(struct chooser *c, int by)
{
	int n = rows_in_list(c);

	if (c->focus == 0) {
		if (by > 0 && n > 0)
			c->focus = 1;
		return;
	}
	c->sel += by;
	if (c->sel < 0) {
		c->sel = 0;
		if (by == -1)
			c->focus = 0;
	}
	if (c->sel >= n)
		c->sel = n - 1;
}

/* ------------------------------------------------------------------ the screen */

static const char *hint(const struct chooser *c)
{
	switch (c->mode) {
	case LF_PATH_READ: return "选一个文件：写路径，按 Tab 补全；或按 ↓ 到列表中选，Enter 进入目录或选定文件。";
	case LF_PATH_WRITE: return "写上要保存的文件名（Tab 补全目录）；已有的文件会先问过再替换。";
	case LF_PATH_DIR: return "选一个目录：在列表中按 Enter 进入目录，按 F2 或 Ctrl-S 选定输入框里的目录。";
	}
	return "";
}

static void size_text(const struct lf_pathent *e, char *buf, size_t len)
{
	if (e->dir)
		snprintf(buf, len, "目录");
	else if (e->size < 0)
		snprintf(buf, len, "（链接断了）");
	else if (e->size >= 1024LL * 1024 * 1024)
		snprintf(buf, len, "%.1f GB", (double)e->size / (1024.0 * 1024 * 1024));
	else if (e->size >= 1024 * 1024)
		snprintf(buf, len, "%.1f MB", (double)e->size / (1024.0 * 1024));
	else if (e->size >= 1024)
		snprintf(buf, len, "%.1f KB", (double)e->size / 1024.0);
	else
		snprintf(buf, len, "%lld 字节", e->size);
}

static void draw_entry(const struct chooser *c, WINDOW *w, int y, int cols, int i)
{
	const struct lf_pathent *e = i < c->up ? NULL : &c->list.v[i - c->up];
	int sel = i == c->sel && c->focus == 1, namew = cols - 34;
	attr_t a = sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;
	char size[32], when[32];
	int x;

	if (sel)
		lf_ui_fill(w, y, 0, cols, a);
	if (!e) {
		x = lf_ui_print(w, y, 2, namew, "../", a | A_BOLD);
		lf_ui_print(w, y, 2 + x, namew - x, "（上一级目录）", a);
		return;
	}
	x = lf_ui_print_wcs(w, y, 2, namew - 1, e->name, e->len, e->dir ? a | A_BOLD : a);
	if (e->dir)
		lf_ui_print(w, y, 2 + x, 1, "/", a | A_BOLD);
	size_text(e, size, sizeof size);
	lf_ui_print(w, y, cols - 31, 12, size, e->dir ? a | lf_ui_attr(LF_R_DIM) : a);
	if (e->size >= 0) {
		struct tm tm;

		localtime_r(&e->mtime, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		lf_ui_print(w, y, cols - 17, 16, when, a);
	}
}

static void chooser_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct chooser *c = (struct chooser *)s;
	int n = rows_in_list(c), i, y, fy, fx;
	struct lf_buf b;
	char *dir;

	lf_ui_print(w, 0, 1, cols - 2, hint(c), lf_ui_attr(LF_R_DIM));
	lf_ui_print(w, 1, 1, 6, "路径", lf_ui_attr(LF_R_LABEL) | A_BOLD);
	lf_field_draw(w, &c->ed, 1, 7, cols - 8, 1, lf_ui_attr(c->focus == 0 ? LF_R_FOCUS : LF_R_FIELD), &fy, &fx);
	lf_buf_init(&b);
	dir = lf_path_display(*c->listdir ? c->listdir : "./");
	if (c->err)
		lf_buf_adds(&b, c->err);
	else if (c->filter)
		lf_buf_addf(&b, "%s 里以“%s”开头的：%d 项", dir, c->filter, c->list.total);
	else
		lf_buf_addf(&b, "%s：%d 项", dir, c->list.total);
	if (!c->err && c->list.total > c->list.n)
		lf_buf_addf(&b, "（只列出前 %d 项）", c->list.n);
	lf_ui_print(w, 2, 1, cols - 2, b.s, lf_ui_attr(c->err ? LF_R_ERROR : LF_R_INFO));
	lf_buf_free(&b);
	lf_free(dir);
	lf_ui_print(w, 3, 2, cols - 34, "名称", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, 3, cols - 31, 12, "大小", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, 3, cols - 17, 16, "修改时间", lf_ui_attr(LF_R_HEADER));
	c->height = rows - 4 > 1 ? rows - 4 : 1;
	if (c->sel < c->top)
		c->top = c->sel;
	if (c->sel >= c->top + c->height)
		c->top = c->sel - c->height + 1;
	if (c->top > 0 && c->top > n - c->height)
		c->top = n - c->height > 0 ? n - c->height : 0;
	for (i = c->top, y = 4; i < n && y < 4 + c->height; i++, y++)
		draw_entry(c, w, y, cols, i);
	if (!n && !c->err)
		lf_ui_print(w, 5, 4, cols - 8, "（空目录）", lf_ui_attr(LF_R_DIM));
	if (c->focus == 0) {
		s->cy = fy;
		s->cx = fx;
	} else {
		s->cy = 4 + c->sel - c->top;
		s->cx = 0;
	}
}

static int chooser_action(struct lf_screen *s, int id)
{
	struct chooser *c = (struct chooser *)s;

	switch (id) {
	case PA_OPEN:
		if (c->focus == 1)
			open_entry(c);
		else
			accept(c, field_bytes(c));
		break;
	case PA_CHOOSE: accept(c, field_bytes(c)); break;
	case PA_COMPLETE: complete(c); break;
	case PA_NEXT: step(c, 1); break;
	case PA_PREV: step(c, -1); break;
	case PA_REFRESH: reread(c); break;
	}
	return LF_DIRTY_BODY;
}

static int chooser_key(struct lf_screen *s, int key)
{
	struct chooser *c = (struct chooser *)s;
	int page = c->height > 1 ? c->height - 1 : 1;

	switch (key) {
	case LF_KEY(KEY_DOWN): step(c, 1); return LF_DIRTY_BODY;
	case LF_KEY(KEY_UP): step(c, -1); return LF_DIRTY_BODY;
	case LF_KEY(KEY_NPAGE): c->focus = rows_in_list(c) > 0; step(c, page); return LF_DIRTY_BODY;
	case LF_KEY(KEY_PPAGE):
		if (c->focus)
			step(c, -page);
		return LF_DIRTY_BODY;
	}
	if (c->focus == 1) {
		if (key == LF_KEY(KEY_HOME) || key == LF_KEY(KEY_END)) {
			c->sel = key == LF_KEY(KEY_HOME) ? 0 : rows_in_list(c) - 1;
			return LF_DIRTY_BODY;
		}
		c->focus = 0; /* typing goes to the field */
	}
	return lf_field_key(&c->ed, key, lf_ui_pasting(s->ui)) ? LF_DIRTY_BODY : -1;
}

static void chooser_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "选择文件或目录。一开始在 U 盘上（/media、/mnt 下插着的 U 盘；环境变量 LIANFANG_MOUNTS 可以另指挂载目录），"
	               "没有 U 盘时在主目录。输入路径时按 Tab 补全：只有一个可选时补全整个名字（目录后面加 /），"
	               "有几个时补全相同的开头，并在下面列出。按 Down 到列表中，Up、Down、PgUp、PgDn、Home、End 移动，"
	               "Enter 进入目录或选定文件，“../”回到上一级。目录的名字后面有 /，大小一栏写着“目录”。"
	               "中文文件名按本机的编码（UTF-8 或 GBK）读写；别的机器写的 UTF-8 文件名也能认出；"
	               "哪种编码都读不出的字节显示为占位符，照样能选。\n");
}

static void chooser_free(struct lf_screen *s)
{
	struct chooser *c = (struct chooser *)s;

	lf_edit_free(&c->ed);
	lf_pathlist_free(&c->list);
	lf_free(c->listdir);
	lf_free(c->filter);
	lf_free(c->err);
	lf_free(c);
}

static const struct lf_screen_ops chooser_ops = {
	.name = "path",
	.actions = lf_path_actions,
	.draw = chooser_draw,
	.action = chooser_action,
	.key = chooser_key,
	.help = chooser_help,
	.more_actions = lf_edit_actions,
	.more_title = "编辑路径",
	.free = chooser_free,
};

void lf_path_open(struct lf_ui *ui, const char *title, enum lf_path_mode mode, const char *initial,
                  lf_path_picked_fn picked, void *ctx)
{
	struct chooser *c = lf_alloc(sizeof *c);
	char *start, *dir;
	int stick = 1;

	c->mode = mode;
	c->picked = picked;
	c->ctx = ctx;
	c->listdir = lf_strdup("");
	lf_edit_init(&c->ed, 0);
	start = lf_path_start(&stick);
	c->no_stick = !stick; /* then F5 looks for one again */
	if (initial && *initial) {
		lf_free(start);
		start = lf_strdup(initial);
	}
	set_bytes(c, start);
	lf_screen_init(&c->base, &chooser_ops, title);
	lf_ui_push(ui, &c->base);
	dir = dir_part(start);
	relist(c, dir);
	if (c->no_stick && !c->err && !(initial && *initial))
		lf_ui_msg(ui, LF_MSG_INFO, "没有找到 U 盘（/media、/mnt 下没有东西），现在在主目录。插上 U 盘后按 F5（或 Alt-R）刷新。");
	lf_free(dir);
	lf_free(start);
}
