/* ui_form: an entry form on screen, laid out from its definition in forms/ —
 * a label column, one field per row (text areas several rows), the inline
 * message under a field that failed its check, scrolling when the form is
 * taller than the screen. What is typed lives in the entry (entry.h); this
 * file only turns keys into edits and edits into pixels. Leaving with
 * changes asks save / discard / keep as draft; a hang-up keeps a draft. */
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>
#include <time.h>

enum { F_SAVE = 1, F_PICK, F_NEXT, F_PREV };

const struct lf_ui_action lf_form_actions[] = {
	{ F_SAVE, "save", "保存", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "检查每一项并保存，然后回到上一屏；有错的项会标出来" },
	{ F_PICK, "pick", "选择", { LF_KEY(KEY_F(4)), LF_CTRL('T') }, LF_ACT_BAR,
	  "为当前一项打开选择列表（处室、岗位、人员等引用和选项）" },
	{ F_NEXT, "next-field", "下一项", { LF_TAB, LF_CTRL('N') }, 0,
	  "到下一项（单行的项也可以按 Enter，或在最后一行按 Down）" },
	{ F_PREV, "prev-field", "上一项", { LF_KEY(KEY_BTAB), LF_CTRL('P') }, 0, "到上一项（也可以在第一行按 Up）" },
	{ 0 },
};

struct form {
	struct lf_screen base;
	struct lf_entry *e;
	const struct lf_form *f;
	struct lf_edit *ed;       /* per field; used by text, area, date and integer fields */
	char **disp;              /* per field: shown text of a reference, and … */
	char **disp_of;           /* … the text it was made for */
	int focus;
	int top;                  /* first layout row in view */
	int draft_restored;
	lf_saved_fn on_saved;
	void *ctx;
};

static int is_editor(const struct lf_form_field *fd)
{
	return fd->input == LF_IN_TEXT || fd->input == LF_IN_MULTILINE || fd->input == LF_IN_DATE ||
	       fd->input == LF_IN_INT;
}

static int focusable(const struct form *m, int i)
{
	return !m->f->fields[i].readonly;
}

/* Editors from the entry's texts (after load, a check that normalised a
 * date, a restored draft). */
static void sync_editors(struct form *m)
{
	int i;

	for (i = 0; i < m->f->nfields; i++) {
		char *cur;

		if (!is_editor(&m->f->fields[i]))
			continue;
		cur = lf_edit_text(&m->ed[i]);
		if (strcmp(cur, lf_entry_text(m->e, i)))
			lf_edit_set(&m->ed[i], lf_entry_text(m->e, i));
		lf_free(cur);
	}
}

/* The editor's text into the entry after an edit. */
static void store(struct form *m, int i)
{
	char *t = lf_edit_text(&m->ed[i]);

	lf_entry_set(m->e, i, t);
	lf_free(t);
}

static const char *display(struct form *m, int i)
{
	const char *t = lf_entry_text(m->e, i);

	if (!m->disp_of[i] || strcmp(m->disp_of[i], t)) {
		lf_free(m->disp[i]);
		lf_free(m->disp_of[i]);
		m->disp[i] = lf_entry_display(m->e, i);
		m->disp_of[i] = lf_strdup(t);
	}
	return m->disp[i];
}

/* ------------------------------------------------------------------ layout */

struct place {
	int y, h;      /* first layout row and rows of the field */
	int w;         /* field width */
};

static int label_width(const struct form *m)
{
	int i, w = 8;

	for (i = 0; i < m->f->nfields; i++) {
		int lw = lf_utf8_width(m->f->fields[i].label) + 2;

		if (lw > w)
			w = lw;
	}
	return w > 28 ? 28 : w;
}

static int field_width(const struct lf_form_field *fd, int avail)
{
	int w, j;

	if (fd->width)
		w = fd->width;
	else
		switch (fd->input) {
		case LF_IN_DATE: w = 12; break;
		case LF_IN_INT: w = 10; break;
		case LF_IN_BOOL: w = 4; break;
		case LF_IN_CHOICE:
			for (w = 8, j = 0; j < fd->nchoices; j++)
				if (lf_utf8_width(fd->choices[j]) + 2 > w)
					w = lf_utf8_width(fd->choices[j]) + 2;
			break;
		case LF_IN_REF: w = 40; break;
		case LF_IN_MULTILINE: w = avail; break;
		default: w = fd->max ? fd->max * 2 + 1 : avail; break;
		}
	if (w < 4)
		w = 4;
	return w > avail ? avail : w;
}

/* Where each field goes; returns the layout's height. Text areas share the
 * rows the other fields leave, 3 to 10 rows each. */
static int lay_out(struct form *m, int rows, int avail, struct place *p)
{
	int i, y = 0, areas = 0, fixed = 0, area_h = 3;

	for (i = 0; i < m->f->nfields; i++) {
		if (m->f->fields[i].input == LF_IN_MULTILINE)
			areas++;
		else
			fixed++;
		if (m->e->err[i])
			fixed++;
	}
	if (areas) {
		area_h = (rows - 1 - fixed) / areas;
		if (area_h < 3)
			area_h = 3;
		if (area_h > 10)
			area_h = 10;
	}
	for (i = 0; i < m->f->nfields; i++) {
		const struct lf_form_field *fd = &m->f->fields[i];

		p[i].y = y;
		p[i].h = fd->input == LF_IN_MULTILINE ? area_h : 1;
		p[i].w = field_width(fd, avail);
		y += p[i].h + (m->e->err[i] ? 1 : 0);
	}
	return y;
}

static void draw_field(struct form *m, WINDOW *w, int i, int y, int x, const struct place *p, int vis_h)
{
	const struct lf_form_field *fd = &m->f->fields[i];
	int focus = i == m->focus;
	attr_t a = fd->readonly ? lf_ui_attr(LF_R_DIM) : lf_ui_attr(focus ? LF_R_FOCUS : LF_R_FIELD);
	int cy, cx;

	if (is_editor(fd) && !focus && !m->ed[i].multiline) {
		/* a line not being edited shows its start */
		struct lf_edit view = m->ed[i];

		view.cur = 0;
		view.hscroll = 0;
		lf_field_draw(w, &view, y, x, p->w, vis_h, a, &cy, &cx);
		return;
	}
	if (is_editor(fd)) {
		lf_field_draw(w, &m->ed[i], y, x, p->w, vis_h, a, &cy, &cx);
		if (focus) {
			m->base.cy = cy;
			m->base.cx = cx;
		}
		return;
	}
	lf_ui_fill(w, y, x, p->w, a);
	if (fd->input == LF_IN_REF)
		lf_ui_print(w, y, x, p->w, display(m, i), a);
	else
		lf_ui_print(w, y, x, p->w, lf_entry_text(m->e, i), a);
	if (focus) {
		m->base.cy = y;
		m->base.cx = x;
	}
}

/* The hint right of the focused field: how to fill it, or how many
 * characters of how many. */
static void draw_hint(struct form *m, WINDOW *w, int i, int y, int x, int room)
{
	const struct lf_form_field *fd = &m->f->fields[i];
	char hint[64] = "";
	size_t n;

	if (room < 6)
		return;
	if (fd->input == LF_IN_REF || fd->input == LF_IN_CHOICE)
		snprintf(hint, sizeof hint, "F4 或 ^T 选择");
	else if (fd->input == LF_IN_BOOL)
		snprintf(hint, sizeof hint, "空格键切换");
	else if (fd->input == LF_IN_DATE)
		snprintf(hint, sizeof hint, "如 2026-11-22");
	else if ((fd->input == LF_IN_TEXT || fd->input == LF_IN_MULTILINE) && fd->max) {
		/* a counter only near the limit: otherwise the hint stays put and a
		 * keystroke repaints just the character typed */
		n = lf_edit_chars(&m->ed[i]);
		if (n * 4 > (size_t)fd->max * 3)
			snprintf(hint, sizeof hint, "%zu/%d 字", n, fd->max);
		else
			snprintf(hint, sizeof hint, "最多 %d 字", fd->max);
	}
	if (m->ed[i].overwrite)
		snprintf(hint + strlen(hint), sizeof hint - strlen(hint), " 改写");
	lf_ui_print(w, y, x, room, hint,
	            lf_ui_attr(fd->max && is_editor(fd) && lf_edit_chars(&m->ed[i]) > (size_t)fd->max ? LF_R_ERROR
	                                                                                                : LF_R_DIM));
}

/* A text area's count, under its label. */
static void draw_count(struct form *m, WINDOW *w, int i, int y, int x, int width)
{
	const struct lf_form_field *fd = &m->f->fields[i];
	size_t n = lf_edit_chars(&m->ed[i]);
	char count[64];

	if (fd->max)
		snprintf(count, sizeof count, "%zu/%d 字", n, fd->max);
	else
		snprintf(count, sizeof count, "%zu 字", n);
	lf_ui_print(w, y, x, width, count, lf_ui_attr(fd->max && n > (size_t)fd->max ? LF_R_ERROR : LF_R_DIM));
}

static void form_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct form *m = (struct form *)s;
	struct place p[LF_MAX_FIELDS + 1];
	int lw = label_width(m), x0 = 2 + lw + 1, avail = cols - x0 - 2, i, height;
	int head = 0;

	if (m->f->help && rows > 16) {
		/* the form's own description, one line, when there is room */
		lf_ui_print(w, 0, 2, cols - 4, m->f->help, lf_ui_attr(LF_R_DIM));
		head = 2;
	}
	rows -= head;
	height = lay_out(m, rows, avail, p);
	/* scroll so the focused field and its message are in view */
	{
		int fy = p[m->focus].y, fh = p[m->focus].h + (m->e->err[m->focus] ? 1 : 0);

		if (fy < m->top)
			m->top = fy;
		if (fy + fh > m->top + rows)
			m->top = fy + fh - rows;
		if (m->top > height - rows)
			m->top = height - rows > 0 ? height - rows : 0;
		if (m->top < 0)
			m->top = 0;
	}
	for (i = 0; i < m->f->nfields; i++) {
		const struct lf_form_field *fd = &m->f->fields[i];
		int y = p[i].y - m->top + head, vis;
		char label[160];

		if (p[i].y < m->top || y >= rows + head)
			continue;
		vis = p[i].h < rows + head - y ? p[i].h : rows + head - y;
		snprintf(label, sizeof label, "%s%s", fd->label, fd->required && fd->input != LF_IN_BOOL ? "*" : "");
		lf_ui_print(w, y, 2, lw, label, lf_ui_attr(i == m->focus ? LF_R_PATH : LF_R_LABEL));
		draw_field(m, w, i, y, x0, &p[i], vis);
		if (i == m->focus && fd->input == LF_IN_MULTILINE && vis > 1)
			draw_count(m, w, i, y + 1, 2, lw);
		else if (i == m->focus)
			draw_hint(m, w, i, y, x0 + p[i].w + 2, cols - (x0 + p[i].w + 2) - 1);
		if (m->e->err[i] && y + p[i].h < rows + head)
			lf_ui_print(w, y + p[i].h, x0, cols - x0 - 1, m->e->err[i], lf_ui_attr(LF_R_ERROR));
	}
	if (m->top > 0)
		lf_ui_print(w, head, cols - 3, 2, "↑", lf_ui_attr(LF_R_DIM));
	if (height - m->top > rows)
		lf_ui_print(w, rows + head - 1, cols - 3, 2, "↓", lf_ui_attr(LF_R_DIM));
}

/* ------------------------------------------------------------------ moving */

/* Leave field i: check it, show its message. */
static void leave_field(struct form *m, int i)
{
	if (is_editor(&m->f->fields[i]))
		store(m, i);
	if (!lf_entry_check(m->e, i))
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", m->e->err[i]);
	sync_editors(m);
}

static int go(struct form *m, int dir)
{
	int i = m->focus;

	do
		i += dir;
	while (i >= 0 && i < m->f->nfields && !focusable(m, i));
	if (i < 0 || i >= m->f->nfields)
		return LF_DIRTY_BODY;
	leave_field(m, m->focus);
	m->focus = i;
	return LF_DIRTY_BODY | LF_DIRTY_KEYS;
}

/* ------------------------------------------------------------------ saving */

static int save(struct form *m)
{
	struct lf_ui *ui = m->base.ui;
	char gid[LF_GID_LEN + 1];
	int bad, i;
	lf_status st;

	for (i = 0; i < m->f->nfields; i++)
		if (is_editor(&m->f->fields[i]))
			store(m, i);
	st = lf_entry_save(m->e, &bad);
	sync_editors(m);
	if (st) {
		if (bad >= 0) {
			m->focus = bad;
			lf_ui_msg(ui, LF_MSG_ERROR, "没有保存：%s",
			          m->e->err[bad] ? m->e->err[bad] : lf_errmsg(lf_ui_ctx(ui)->db, st));
		} else {
			lf_ui_msg(ui, LF_MSG_ERROR, "没有保存：%s", lf_errmsg(lf_ui_ctx(ui)->db, st));
		}
		return 0;
	}
	snprintf(gid, sizeof gid, "%s", lf_entry_target(m->e));
	lf_ui_msg(ui, LF_MSG_INFO, "已保存：%s。", m->f->title);
	if (m->on_saved)
		m->on_saved(m->ctx, gid);
	return 1;
}

static int form_leave(struct lf_screen *s)
{
	static const struct lf_choice choices[] = { { 'S', "保存" }, { 'D', "放弃修改" }, { 'K', "存为草稿" } };
	struct form *m = (struct form *)s;
	int i;

	for (i = 0; i < m->f->nfields; i++)
		if (is_editor(&m->f->fields[i]))
			store(m, i);
	if (!m->e->changed)
		return 1;
	switch (lf_ui_ask(s->ui, "表单有未保存的修改：", choices, 3, -1)) {
	case 0:
		return save(m);
	case 1:
		if (m->draft_restored)
			lf_entry_drop_draft(m->e);
		lf_ui_msg(s->ui, LF_MSG_INFO, "已放弃修改。");
		return 1;
	case 2:
		if (lf_entry_keep_draft(m->e)) {
			lf_ui_msg(s->ui, LF_MSG_ERROR, "草稿没有存上：%s", lf_errmsg(lf_ui_ctx(s->ui)->db, LF_IO));
			return 0;
		}
		lf_ui_msg(s->ui, LF_MSG_INFO, "已存为草稿；下次打开这张表单时可以恢复。");
		return 1;
	default:
		return 0;
	}
}

static void form_hangup(struct lf_screen *s)
{
	struct form *m = (struct form *)s;
	char *rescued = NULL;
	int i;

	for (i = 0; i < m->f->nfields; i++)
		if (is_editor(&m->f->fields[i]))
			store(m, i);
	if (!m->e->changed)
		return;
	if (lf_entry_keep_draft_anyhow(m->e, &rescued) == LF_OK)
		lf_ui_msg(s->ui, LF_MSG_INFO, rescued ? "未保存的“%s”存到了文件 %s。" : "未保存的“%s”已存为草稿。%s",
		          m->f->title, rescued ? rescued : "");
	else
		lf_ui_msg(s->ui, LF_MSG_ERROR, "未保存的“%s”没能存下：%s", m->f->title,
		          lf_errmsg(lf_ui_ctx(s->ui)->db, LF_IO));
	lf_free(rescued);
}

/* ------------------------------------------------------------------ picking */

static void picked(void *ctx, const char *value, const char *label)
{
	struct form *m = ctx;

	(void)label;
	lf_entry_set(m->e, m->focus, value);
	if (!lf_entry_check(m->e, m->focus))
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "%s", m->e->err[m->focus]);
}

static int pick(struct form *m, int key)
{
	const struct lf_form_field *fd = &m->f->fields[m->focus];
	struct lf_ui *ui = m->base.ui;
	char title[200];

	snprintf(title, sizeof title, "选择%s", fd->label);
	if (fd->input == LF_IN_REF)
		lf_picker_records(ui, fd->ref, title, picked, m);
	else if (fd->input == LF_IN_CHOICE)
		lf_picker_choices(ui, title, fd->choices, fd->nchoices, picked, m);
	else
		return LF_DIRTY_BODY;
	lf_picker_select(ui, lf_entry_text(m->e, m->focus));
	if (key)
		lf_picker_type(ui, key);
	return LF_DIRTY_ALL;
}

/* Space on a choice or yes/no field: the next value. */
static void cycle(struct form *m)
{
	const struct lf_form_field *fd = &m->f->fields[m->focus];
	const char *t = lf_entry_text(m->e, m->focus);
	int j;

	if (fd->input == LF_IN_BOOL) {
		lf_entry_set(m->e, m->focus, !strcmp(t, "是") ? "否" : "是");
		return;
	}
	if (!fd->nchoices)
		return;
	for (j = 0; j < fd->nchoices; j++)
		if (!strcmp(fd->choices[j], t))
			break;
	j = j < fd->nchoices ? (j + 1) % fd->nchoices : 0; /* nothing chosen yet: the first */
	lf_entry_set(m->e, m->focus, fd->choices[j]);
}

/* ------------------------------------------------------------------ keys */

static int form_action(struct lf_screen *s, int id)
{
	struct form *m = (struct form *)s;

	switch (id) {
	case F_SAVE:
		if (save(m))
			lf_ui_pop(s->ui);
		return LF_DIRTY_BODY;
	case F_PICK:
		if (m->f->fields[m->focus].input == LF_IN_BOOL) {
			cycle(m);
			return LF_DIRTY_BODY;
		}
		return pick(m, 0);
	case F_NEXT:
		return go(m, 1);
	case F_PREV:
		return go(m, -1);
	}
	return 0;
}

static int form_enabled(struct lf_screen *s, int id)
{
	struct form *m = (struct form *)s;
	enum lf_input in = m->f->fields[m->focus].input;

	if (id == F_PICK)
		return in == LF_IN_REF || in == LF_IN_CHOICE || in == LF_IN_BOOL;
	return 1;
}

static int form_key(struct lf_screen *s, int key)
{
	struct form *m = (struct form *)s;
	const struct lf_form_field *fd = &m->f->fields[m->focus];
	int pasting = lf_ui_pasting(s->ui);

	if (is_editor(fd)) {
		struct lf_edit *e = &m->ed[m->focus];

		if (key == LF_KEY(KEY_UP) && !pasting)
			return lf_edit_do(e, LF_ED_UP) ? LF_DIRTY_BODY : go(m, -1);
		if (key == LF_KEY(KEY_DOWN) && !pasting)
			return lf_edit_do(e, LF_ED_DOWN) ? LF_DIRTY_BODY : go(m, 1);
		if (key == LF_ENTER && !pasting && !e->multiline)
			return go(m, 1);
		if (!lf_field_key(e, key, pasting))
			return -1;
		if (e->changed) {
			store(m, m->focus);
			e->changed = 0;
		}
		return LF_DIRTY_BODY;
	}
	/* yes/no, choices, references */
	switch (key) {
	case LF_KEY(KEY_UP): return go(m, -1);
	case LF_KEY(KEY_DOWN):
	case LF_ENTER: return go(m, 1);
	case ' ':
		if (fd->input == LF_IN_REF)
			return pick(m, 0);
		cycle(m);
		return LF_DIRTY_BODY;
	case LF_KEY(KEY_BACKSPACE):
	case LF_KEY(KEY_DC):
	case 0x7f:
	case LF_CTRL('H'):
	case LF_CTRL('D'):
		lf_entry_set(m->e, m->focus, fd->input == LF_IN_BOOL ? "否" : "");
		return LF_DIRTY_BODY;
	}
	if (fd->input == LF_IN_BOOL) {
		if (key == '1' || key == 'y' || key == 'Y' || key == 0x662f /* 是 */)
			lf_entry_set(m->e, m->focus, "是");
		else if (key == '0' || key == 'n' || key == 'N' || key == 0x5426 /* 否 */)
			lf_entry_set(m->e, m->focus, "否");
		else
			return -1;
		return LF_DIRTY_BODY;
	}
	if (key >= 0x20 && key < 0x200000 && key != 0x7f)
		return pick(m, key); /* typing on a list field searches its list */
	return -1;
}

static void form_help(struct lf_screen *s, struct lf_buf *b)
{
	struct form *m = (struct form *)s;
	const struct lf_form_field *fd = &m->f->fields[m->focus];
	static const char *const kinds[] = { "一行文字", "多行文字", "日期", "整数", "从选项中选", "从列表中选", "是或否" };

	lf_buf_addf(b, "当前一项：%s（%s%s", fd->label, kinds[fd->input],
	            fd->input == LF_IN_BOOL ? "" : fd->required ? "，必填" : "，可不填");
	if (fd->max && (fd->input == LF_IN_TEXT || fd->input == LF_IN_MULTILINE))
		lf_buf_addf(b, "，最多 %d 个字", fd->max);
	if (fd->input == LF_IN_INT)
		lf_buf_addf(b, "，%d 到 %d", fd->min, fd->max);
	lf_buf_adds(b, "）\n");
	if (fd->help)
		lf_buf_addf(b, "%s\n", fd->help);
	if (fd->input == LF_IN_DATE)
		lf_buf_adds(b, "日期可以写成 2026-11-22、2026/11/22、2026.11.22 或 20261122，保存为 2026-11-22。\n");
	if (m->f->help)
		lf_buf_addf(b, "\n这张表单：%s\n", m->f->help);
	lf_buf_addf(b, "\n标 * 的项必须填写。表单定义：%s（%s.form）。\n", m->f->origin ? m->f->origin : "内置", m->f->id);
	lf_buf_adds(b, "离开一项时检查它；有错会在它下面说明，已输入的文字不会丢。粘贴的长文字会完整保留。\n");
}

static void form_resume(struct lf_screen *s)
{
	struct form *m = (struct form *)s;

	sync_editors(m);
}

static int form_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct form *m = (struct form *)s;

	*kind = m->f->kind->name;
	*gid = lf_entry_target(m->e);
	return **gid != 0;
}

static void form_free(struct lf_screen *s)
{
	struct form *m = (struct form *)s;
	int i;

	for (i = 0; i < m->f->nfields; i++) {
		lf_edit_free(&m->ed[i]);
		lf_free(m->disp[i]);
		lf_free(m->disp_of[i]);
	}
	lf_free(m->ed);
	lf_free(m->disp);
	lf_free(m->disp_of);
	lf_entry_free(m->e);
	lf_free(m);
}

static const struct lf_screen_ops form_ops = {
	.name = "form",
	.actions = lf_form_actions,
	.draw = form_draw,
	.action = form_action,
	.key = form_key,
	.enabled = form_enabled,
	.leave = form_leave,
	.hangup = form_hangup,
	.resume = form_resume,
	.record = form_record,
	.help = form_help,
	.more_actions = lf_edit_actions,
	.more_title = "编辑文字",
	.free = form_free,
};

static void offer_draft(struct form *m)
{
	static const struct lf_choice choices[] = { { 'R', "恢复草稿" }, { 'D', "删除草稿" } };
	struct lf_ui *ui = m->base.ui;
	struct lf_draft d;
	char when[40], q[200];

	if (lf_entry_find_draft(m->e, &d) != LF_OK)
		return;
	lf_local_time(d.saved, when);
	snprintf(q, sizeof q, "有 %s 存下的草稿：", when);
	switch (lf_ui_ask(ui, q, choices, 2, -1)) {
	case 0:
		lf_entry_apply_draft(m->e, &d);
		m->draft_restored = 1;
		sync_editors(m);
		lf_ui_msg(ui, LF_MSG_INFO, "已恢复草稿。保存后草稿自动删除。");
		break;
	case 1:
		lf_entry_drop_draft(m->e);
		lf_ui_msg(ui, LF_MSG_INFO, "草稿已删除。");
		break;
	default:
		lf_ui_msg(ui, LF_MSG_INFO, "草稿还留着，下次打开时再问。");
	}
	lf_draft_clear(&d);
}

static int is_preset(const struct lf_form *f, int i, const char *const *preset)
{
	int k;

	for (k = 0; preset && preset[k] && preset[k + 1]; k += 2)
		if (!strcmp(preset[k], f->fields[i].name))
			return 1;
	return 0;
}

static lf_status open_form(struct lf_ui *ui, const char *form_id, const char *gid, const char *const *preset,
                           lf_saved_fn on_saved, void *ctx)
{
	struct lf_ui_ctx *c = lf_ui_ctx(ui);
	const struct lf_form *f = lf_formset_get(c->forms, form_id);
	struct lf_entry *e;
	struct form *m;
	char title[200];
	lf_status st;
	int i;

	if (!f)
		return lf_fail(c->db, LF_NOTFOUND, "没有“%s”这张表单。", form_id);
	if ((st = lf_entry_open(c->db, f, gid, &e)))
		return st;
	for (i = 0; preset && preset[i] && preset[i + 1]; i += 2)
		if ((st = lf_entry_preset(e, preset[i], preset[i + 1]))) {
			lf_entry_free(e);
			return st;
		}
	m = lf_alloc(sizeof *m);
	m->e = e;
	m->f = f;
	m->ed = lf_alloc((size_t)(f->nfields + 1) * sizeof *m->ed);
	m->disp = lf_alloc((size_t)(f->nfields + 1) * sizeof *m->disp);
	m->disp_of = lf_alloc((size_t)(f->nfields + 1) * sizeof *m->disp_of);
	for (i = 0; i < f->nfields; i++) {
		lf_edit_init(&m->ed[i], f->fields[i].input == LF_IN_MULTILINE);
		lf_edit_set(&m->ed[i], lf_entry_text(e, i));
		if (m->ed[i].multiline)
			m->ed[i].cur = 0; /* a long text is read from its start */
	}
	/* the cursor starts past what the screen chose for the user (the cycle of
	 * a meeting, the number of a step): at the first thing to type */
	m->focus = 0;
	while (m->focus < f->nfields - 1 &&
	       (!focusable(m, m->focus) || (is_preset(f, m->focus, preset) && (f->fields[m->focus].input == LF_IN_REF ||
	                                                                       f->fields[m->focus].input == LF_IN_INT))))
		m->focus++;
	m->on_saved = on_saved;
	m->ctx = ctx;
	snprintf(title, sizeof title, "%s%s", gid && *gid ? "修改" : "新建", f->title);
	lf_screen_init(&m->base, &form_ops, title);
	lf_ui_push(ui, &m->base);
	offer_draft(m);
	return LF_OK;
}

lf_status lf_form_open(struct lf_ui *ui, const char *form_id, const char *gid, lf_saved_fn on_saved, void *ctx)
{
	return open_form(ui, form_id, gid, NULL, on_saved, ctx);
}

lf_status lf_form_open_new(struct lf_ui *ui, const char *form_id, const char *const *preset, lf_saved_fn on_saved,
                           void *ctx)
{
	return open_form(ui, form_id, NULL, preset, on_saved, ctx);
}
