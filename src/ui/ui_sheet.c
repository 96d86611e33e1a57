/* ui_sheet: a screen of a few fields for the phase-2 screens — a risk, a
 * measure, a review opinion, a level decision. Unlike an entry form (ui_form.c)
 * its choices and checks come from the model at the moment it opens (the
 * unit's categories, the size of its matrix) and it can show what it computes
 * while the user types (the level the matrix proposes); it saves through a
 * function of the screen that opened it. Like an entry form it keeps what was
 * typed: a failed check only adds a message, leaving asks save / discard /
 * keep as draft, and a hang-up keeps a draft of this user's. */
#include "ui_p2.h"
#include "ui_priv.h"
#include "lianfang/input.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum { S_SAVE = 1, S_PICK, S_NEXT, S_PREV };

const struct lf_ui_action lf_sheet_actions[] = {
	{ S_SAVE, "save", "保存", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "检查每一项并保存，然后回到上一屏；有错的项会标出来，已填的内容不会丢" },
	{ S_PICK, "pick", "选择", { LF_KEY(KEY_F(4)), LF_CTRL('T') }, LF_ACT_BAR,
	  "为当前一项打开选择列表（类别、来源、等级、人员等）" },
	{ S_NEXT, "next-field", "下一项", { LF_TAB, LF_CTRL('N') }, 0,
	  "到下一项（单行的项也可以按 Enter，或在最后一行按 Down）" },
	{ S_PREV, "prev-field", "上一项", { LF_KEY(KEY_BTAB), LF_CTRL('P') }, 0, "到上一项（也可以在第一行按 Up）" },
	{ 0 },
};

static int is_editor(const struct lf_sheet_field *f)
{
	return f->kind == LF_SH_LINE || f->kind == LF_SH_AREA || f->kind == LF_SH_DATE;
}

static int focusable(const struct lf_sheet_field *f)
{
	return f->kind != LF_SH_SHOW;
}

static void set_err(struct lf_sheet_field *f, const char *msg)
{
	lf_free(f->err);
	f->err = msg ? lf_strdup(msg) : NULL;
}

/* ------------------------------------------------------------------ building */

int lf_sheet_add(struct lf_sheet *sh, const char *name, const char *label, enum lf_sheet_kind kind, const char *value,
                 int max, int required, const char *help)
{
	struct lf_sheet_field *f;

	if (sh->n == LF_SHEET_MAX)
		return sh->n - 1;
	f = &sh->f[sh->n];
	memset(f, 0, sizeof *f);
	f->name = name;
	f->label = lf_strdup(label);
	f->kind = kind;
	f->max = max;
	f->required = required;
	f->help = lf_strdup(help);
	lf_edit_init(&f->ed, kind == LF_SH_AREA);
	if (is_editor(f))
		lf_edit_set(&f->ed, value ? value : "");
	else
		f->value = lf_strdup(value ? value : "");
	return sh->n++;
}

void lf_sheet_choices(struct lf_sheet *sh, int i, char *const *choices, int n)
{
	struct lf_sheet_field *f = &sh->f[i];
	int j;

	for (j = 0; j < f->nchoices; j++)
		lf_free(f->choices[j]);
	lf_free(f->choices);
	f->choices = lf_alloc((size_t)(n + 1) * sizeof *f->choices);
	for (j = 0; j < n; j++)
		f->choices[j] = lf_strdup(choices[j]);
	f->nchoices = n;
}

void lf_sheet_also(struct lf_sheet *sh, int i, const char *also)
{
	lf_free(sh->f[i].also);
	sh->f[i].also = lf_strdup(also);
}

void lf_sheet_intro(struct lf_sheet *sh, const char *text)
{
	lf_free(sh->intro);
	sh->intro = lf_strdup(text);
}

const char *lf_sheet_text(struct lf_sheet *sh, int i)
{
	struct lf_sheet_field *f = &sh->f[i];
	char *raw = is_editor(f) ? lf_edit_text(&f->ed) : lf_strdup(f->value ? f->value : "");

	lf_free(f->cache);
	f->cache = lf_input_trim(raw);
	lf_free(raw);
	return f->cache;
}

const char *lf_sheet_or_null(struct lf_sheet *sh, int i)
{
	const char *t = lf_sheet_text(sh, i);

	return *t ? t : NULL;
}

static void person_name(struct lf_sheet *sh, struct lf_sheet_field *f)
{
	lf_free(f->shown);
	f->shown = NULL;
	if (f->value && *f->value)
		f->shown = lf_record_label(lf_ui_ctx(sh->base.ui)->db, lf_kind_find("person"), f->value);
}

void lf_sheet_set(struct lf_sheet *sh, int i, const char *text)
{
	struct lf_sheet_field *f = &sh->f[i];

	if (is_editor(f)) {
		lf_edit_set(&f->ed, text ? text : "");
	} else {
		lf_free(f->value);
		f->value = lf_strdup(text ? text : "");
		if (f->kind == LF_SH_PERSON && sh->base.ui)
			person_name(sh, f);
	}
}

/* ------------------------------------------------------------------ checks */

/* Check field i as when the cursor leaves it; 1 if good. A date is written
 * ISO; the text is otherwise kept as typed. */
static int check(struct lf_sheet *sh, int i)
{
	struct lf_sheet_field *f = &sh->f[i];
	struct lf_db *db = lf_ui_ctx(sh->base.ui)->db;
	const char *t = lf_sheet_text(sh, i);
	char iso[11], msg[300];

	set_err(f, NULL);
	if (!*t) {
		if (!f->required)
			return 1;
		snprintf(msg, sizeof msg, f->kind == LF_SH_CHOICE || f->kind == LF_SH_PERSON
		                              ? "请选择“%s”（按 F4 或 Ctrl-T）。" : "“%s”不能为空。", f->label);
		set_err(f, msg);
		return 0;
	}
	if (is_editor(f) && lf_has_control(t)) {
		snprintf(msg, sizeof msg, "“%s”含有控制字符。", f->label);
		set_err(f, msg);
		return 0;
	}
	if ((f->kind == LF_SH_LINE || f->kind == LF_SH_AREA) && f->max && lf_utf8_chars(t) > (size_t)f->max) {
		snprintf(msg, sizeof msg, "“%s”最多 %d 个字，现在有 %zu 个。", f->label, f->max, lf_utf8_chars(t));
		set_err(f, msg);
		return 0;
	}
	if (f->kind == LF_SH_DATE) {
		if (lf_input_date(db, f->label, t, iso)) {
			set_err(f, db->err);
			return 0;
		}
		if (strcmp(iso, t)) {
			lf_edit_set(&f->ed, iso);
			sh->changed = 1;
		}
	}
	return 1;
}

/* The field whose label (or other name) the model's message quotes, or -1. */
static int field_named(struct lf_sheet *sh, const char *msg)
{
	int i, pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sh->n; i++) {
			const char *name = pass ? sh->f[i].also : sh->f[i].label;
			char *quoted;
			int hit;

			if (!name || !*name)
				continue;
			quoted = lf_printf("“%s”", name);
			hit = strstr(msg, quoted) != NULL;
			lf_free(quoted);
			if (hit)
				return i;
		}
	return -1;
}

/* ------------------------------------------------------------------ drafts */

static int draft_values(struct lf_sheet *sh, const char **names, const char **values)
{
	int i;

	for (i = 0; i < sh->n; i++) {
		names[i] = sh->f[i].name;
		values[i] = lf_sheet_text(sh, i);
	}
	return sh->n;
}

static lf_status keep_draft(struct lf_sheet *sh, char **rescued)
{
	struct lf_db *db = lf_ui_ctx(sh->base.ui)->db;
	const char *names[LF_SHEET_MAX], *values[LF_SHEET_MAX];
	int n = draft_values(sh, names, values);
	lf_status s = lf_draft_save(db, sh->draft_form, sh->draft_target, n, names, values);

	if (s && rescued) {
		/* the texts again: lf_sheet_text's buffers are per field and still valid */
		*rescued = lf_draft_rescue(db, sh->draft_form, sh->draft_target, n, names, values);
		if (*rescued)
			s = LF_OK;
	}
	return s;
}

static void offer_draft(struct lf_sheet *sh)
{
	static const struct lf_choice choices[] = { { 'R', "恢复草稿" }, { 'D', "删除草稿" } };
	struct lf_ui *ui = sh->base.ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_draft d;
	char q[200], when[40];
	int i;

	if (lf_draft_load(db, sh->draft_form, sh->draft_target, &d) != LF_OK)
		return;
	lf_local_time(d.saved, when);
	snprintf(q, sizeof q, "有 %s 存下的草稿：", when);
	switch (lf_ui_ask(ui, q, choices, 2, -1)) {
	case 0:
		for (i = 0; i < sh->n; i++) {
			const char *v = lf_draft_get(&d, sh->f[i].name);

			if (v && sh->f[i].kind != LF_SH_SHOW)
				lf_sheet_set(sh, i, v);
		}
		for (i = 0; i < sh->n; i++)
			if (sh->ops->changed)
				sh->ops->changed(sh, i);
		sh->changed = 1;
		sh->draft_restored = 1;
		lf_ui_msg(ui, LF_MSG_INFO, "已恢复草稿。保存后草稿自动删除。");
		break;
	case 1:
		lf_draft_delete(db, sh->draft_form, sh->draft_target);
		lf_ui_msg(ui, LF_MSG_INFO, "草稿已删除。");
		break;
	default:
		lf_ui_msg(ui, LF_MSG_INFO, "草稿还留着，下次打开时再问。");
	}
	lf_draft_clear(&d);
}

/* ------------------------------------------------------------------ layout */

struct place {
	int y, h, w;
};

static int label_width(const struct lf_sheet *sh)
{
	int i, w = 8;

	for (i = 0; i < sh->n; i++)
		if (lf_utf8_width(sh->f[i].label) + 2 > w)
			w = lf_utf8_width(sh->f[i].label) + 2;
	return w > 16 ? 16 : w;
}

static int field_width(const struct lf_sheet_field *f, int avail)
{
	int w, j;

	switch (f->kind) {
	case LF_SH_DATE: w = 12; break;
	case LF_SH_PERSON: w = 20; break;
	case LF_SH_CHOICE:
		for (w = 8, j = 0; j < f->nchoices; j++)
			if (lf_utf8_width(f->choices[j]) + 2 > w)
				w = lf_utf8_width(f->choices[j]) + 2;
		break;
	case LF_SH_LINE: w = f->max ? f->max * 2 + 1 : avail; break;
	default: w = avail; break;
	}
	return w > avail ? avail : w < 4 ? 4 : w;
}

static int lay_out(struct lf_sheet *sh, int rows, int avail, struct place *p)
{
	int i, y = 0, areas = 0, fixed = 0, area_h = 3;

	for (i = 0; i < sh->n; i++) {
		p[i].w = field_width(&sh->f[i], avail);
		/* a shown text takes the rows it wraps to, at most four */
		p[i].h = sh->f[i].kind == LF_SH_SHOW ? lf_p2_wrap_print(NULL, 0, 0, p[i].w, 4, sh->f[i].value, 0) : 1;
		if (p[i].h < 1)
			p[i].h = 1;
		if (sh->f[i].kind == LF_SH_AREA)
			areas++;
		else
			fixed += p[i].h;
		if (sh->f[i].err)
			fixed++;
	}
	if (areas) {
		area_h = (rows - fixed) / areas;
		area_h = area_h < 3 ? 3 : area_h > 8 ? 8 : area_h;
	}
	for (i = 0; i < sh->n; i++) {
		p[i].y = y;
		if (sh->f[i].kind == LF_SH_AREA)
			p[i].h = area_h;
		y += p[i].h + (sh->f[i].err ? 1 : 0);
	}
	return y;
}

static void draw_hint(struct lf_sheet *sh, WINDOW *w, int i, int y, int x, int room)
{
	struct lf_sheet_field *f = &sh->f[i];
	char hint[80] = "";
	size_t n = is_editor(f) ? lf_edit_chars(&f->ed) : 0;

	if (room < 6)
		return;
	if (f->kind == LF_SH_CHOICE)
		snprintf(hint, sizeof hint, "空格换一个，F4 或 ^T 选择");
	else if (f->kind == LF_SH_PERSON)
		snprintf(hint, sizeof hint, "F4 或 ^T 选择");
	else if (f->kind == LF_SH_DATE)
		snprintf(hint, sizeof hint, "如 2026-11-22");
	else if (f->max && n * 4 > (size_t)f->max * 3)
		snprintf(hint, sizeof hint, "%zu/%d 字", n, f->max);
	else if (f->max)
		snprintf(hint, sizeof hint, "最多 %d 字", f->max);
	lf_ui_print(w, y, x, room, hint, lf_ui_attr(f->max && n > (size_t)f->max ? LF_R_ERROR : LF_R_DIM));
}

static void draw_field(struct lf_sheet *sh, WINDOW *w, int i, int y, int x, const struct place *p, int vis)
{
	struct lf_sheet_field *f = &sh->f[i];
	int focus = i == sh->focus, cy, cx;
	attr_t a = lf_ui_attr(focus ? LF_R_FOCUS : LF_R_FIELD);
	const char *t;

	if (f->kind == LF_SH_SHOW) {
		lf_p2_wrap_print(w, y, x, p->w, vis, f->value, A_BOLD);
		return;
	}
	if (is_editor(f)) {
		struct lf_edit view = f->ed;

		if (!focus && !f->ed.multiline) { /* a line not being edited shows its start */
			view.cur = 0;
			view.hscroll = 0;
		}
		lf_field_draw(w, focus ? &f->ed : &view, y, x, p->w, vis, a, &cy, &cx);
		if (focus) {
			sh->base.cy = cy;
			sh->base.cx = cx;
		}
		return;
	}
	t = f->kind == LF_SH_PERSON ? (f->shown ? f->shown : f->value && *f->value ? "（找不到这个人）" : "") : f->value;
	lf_ui_fill(w, y, x, p->w, a);
	lf_ui_print(w, y, x, p->w, t, a);
	if (focus) {
		sh->base.cy = y;
		sh->base.cx = x;
	}
}

static void sheet_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;
	struct place p[LF_SHEET_MAX];
	int lw = label_width(sh), x0 = 2 + lw + 1, avail = cols - x0 - 2, head = 0, height, i;

	if (sh->intro) {
		head = lf_p2_wrap_print(w, 0, 2, cols - 4, rows / 3, sh->intro, lf_ui_attr(LF_R_DIM));
		head++;
	}
	rows -= head;
	height = lay_out(sh, rows, avail, p);
	{
		int fy = p[sh->focus].y, fh = p[sh->focus].h + (sh->f[sh->focus].err ? 1 : 0);

		if (fy < sh->top)
			sh->top = fy;
		if (fy + fh > sh->top + rows)
			sh->top = fy + fh - rows;
		if (sh->top > height - rows)
			sh->top = height - rows > 0 ? height - rows : 0;
		if (sh->top < 0)
			sh->top = 0;
	}
	for (i = 0; i < sh->n; i++) {
		struct lf_sheet_field *f = &sh->f[i];
		int y = p[i].y - sh->top + head, vis;
		char label[160];

		if (p[i].y < sh->top || y >= rows + head)
			continue;
		vis = p[i].h < rows + head - y ? p[i].h : rows + head - y;
		snprintf(label, sizeof label, "%s%s", f->label, f->required ? "*" : "");
		lf_ui_print(w, y, 2, lw, label, lf_ui_attr(i == sh->focus ? LF_R_PATH : LF_R_LABEL));
		draw_field(sh, w, i, y, x0, &p[i], vis);
		if (i == sh->focus && f->kind == LF_SH_AREA && vis > 1) {
			char count[40];
			size_t n = lf_edit_chars(&f->ed);

			if (f->max)
				snprintf(count, sizeof count, "%zu/%d 字", n, f->max);
			else
				snprintf(count, sizeof count, "%zu 字", n);
			lf_ui_print(w, y + 1, 2, lw, count, lf_ui_attr(f->max && n > (size_t)f->max ? LF_R_ERROR : LF_R_DIM));
		} else if (i == sh->focus) {
			draw_hint(sh, w, i, y, x0 + p[i].w + 2, cols - (x0 + p[i].w + 2) - 1);
		}
		if (f->err && y + p[i].h < rows + head)
			lf_ui_print(w, y + p[i].h, x0, cols - x0 - 1, f->err, lf_ui_attr(LF_R_ERROR));
	}
	if (sh->top > 0)
		lf_ui_print(w, head, cols - 3, 2, "↑", lf_ui_attr(LF_R_DIM));
	if (height - sh->top > rows)
		lf_ui_print(w, rows + head - 1, cols - 3, 2, "↓", lf_ui_attr(LF_R_DIM));
}

/* ------------------------------------------------------------------ moving */

static void left(struct lf_sheet *sh, int i)
{
	if (!check(sh, i))
		lf_ui_msg(sh->base.ui, LF_MSG_ERROR, "%s", sh->f[i].err);
	if (is_editor(&sh->f[i]) && sh->ops->changed)
		sh->ops->changed(sh, i);
}

static int go(struct lf_sheet *sh, int dir)
{
	int i = sh->focus;

	do
		i += dir;
	while (i >= 0 && i < sh->n && !focusable(&sh->f[i]));
	if (i < 0 || i >= sh->n)
		return LF_DIRTY_BODY;
	left(sh, sh->focus);
	sh->focus = i;
	return LF_DIRTY_BODY | LF_DIRTY_KEYS;
}

/* ------------------------------------------------------------------ saving */

static int save(struct lf_sheet *sh)
{
	struct lf_ui *ui = sh->base.ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	int i, bad = -1;
	lf_status st;

	for (i = 0; i < sh->n; i++)
		if (!check(sh, i) && bad < 0)
			bad = i;
	if (bad >= 0) {
		sh->focus = bad;
		lf_ui_msg(ui, LF_MSG_ERROR, "没有保存：%s", sh->f[bad].err);
		return 0;
	}
	sh->bad = -1;
	if ((st = sh->ops->save(sh))) {
		char *msg = lf_strdup(lf_errmsg(db, st));

		bad = sh->bad >= 0 ? sh->bad : field_named(sh, msg);
		if (bad >= 0 && focusable(&sh->f[bad])) {
			set_err(&sh->f[bad], msg);
			sh->focus = bad;
		}
		lf_ui_msg(ui, LF_MSG_ERROR, "没有保存：%s", msg);
		lf_free(msg);
		return 0;
	}
	lf_draft_delete(db, sh->draft_form, sh->draft_target);
	sh->changed = 0;
	lf_ui_msg(ui, LF_MSG_INFO, "%s", sh->saved_msg ? sh->saved_msg : "已保存。");
	return 1;
}

static int sheet_leave(struct lf_screen *s)
{
	static const struct lf_choice choices[] = { { 'S', "保存" }, { 'D', "放弃修改" }, { 'K', "存为草稿" } };
	struct lf_sheet *sh = (struct lf_sheet *)s;
	struct lf_db *db = lf_ui_ctx(s->ui)->db;

	if (!sh->changed)
		return 1;
	switch (lf_ui_ask(s->ui, "有未保存的修改：", choices, 3, -1)) {
	case 0:
		return save(sh);
	case 1:
		if (sh->draft_restored)
			lf_draft_delete(db, sh->draft_form, sh->draft_target);
		lf_ui_msg(s->ui, LF_MSG_INFO, "已放弃修改。");
		return 1;
	case 2:
		if (keep_draft(sh, NULL)) {
			lf_ui_msg(s->ui, LF_MSG_ERROR, "草稿没有存上：%s", lf_errmsg(db, LF_IO));
			return 0;
		}
		lf_ui_msg(s->ui, LF_MSG_INFO, "已存为草稿；下次打开时可以恢复。");
		return 1;
	default:
		return 0;
	}
}

static void sheet_hangup(struct lf_screen *s)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;
	char *rescued = NULL;

	if (!sh->changed)
		return;
	if (keep_draft(sh, &rescued) == LF_OK)
		lf_ui_msg(s->ui, LF_MSG_INFO, rescued ? "未保存的“%s”存到了文件 %s。" : "未保存的“%s”已存为草稿。%s",
		          s->title, rescued ? rescued : "");
	else
		lf_ui_msg(s->ui, LF_MSG_ERROR, "未保存的“%s”没能存下。", s->title);
	lf_free(rescued);
}

/* ------------------------------------------------------------------ picking */

static void picked(void *ctx, const char *value, const char *label)
{
	struct lf_sheet *sh = ctx;
	struct lf_sheet_field *f = &sh->f[sh->focus];

	(void)label;
	if (!f->value || strcmp(f->value, value))
		sh->changed = 1;
	lf_sheet_set(sh, sh->focus, value);
	set_err(f, NULL);
	if (sh->ops->changed)
		sh->ops->changed(sh, sh->focus);
}

static int pick(struct lf_sheet *sh, int key)
{
	struct lf_sheet_field *f = &sh->f[sh->focus];
	struct lf_ui *ui = sh->base.ui;
	char title[200];
	lf_status st = LF_OK;

	snprintf(title, sizeof title, "选择%s", f->label);
	if (f->kind == LF_SH_CHOICE)
		st = lf_picker_choices(ui, title, f->choices, f->nchoices, picked, sh);
	else if (f->kind == LF_SH_PERSON)
		st = lf_picker_records(ui, lf_kind_find("person"), title, picked, sh);
	else
		return LF_DIRTY_BODY;
	if (st) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(lf_ui_ctx(ui)->db, st));
		return LF_DIRTY_ALL;
	}
	lf_picker_select(ui, f->value);
	if (key)
		lf_picker_type(ui, key);
	return LF_DIRTY_ALL;
}

/* Space on a choice: the next one. */
static void step_choice(struct lf_sheet *sh)
{
	struct lf_sheet_field *f = &sh->f[sh->focus];
	int j;

	if (!f->nchoices)
		return;
	for (j = 0; j < f->nchoices; j++)
		if (f->value && !strcmp(f->choices[j], f->value))
			break;
	j = j < f->nchoices ? (j + 1) % f->nchoices : 0;
	lf_sheet_set(sh, sh->focus, f->choices[j]);
	set_err(f, NULL);
	sh->changed = 1;
	if (sh->ops->changed)
		sh->ops->changed(sh, sh->focus);
}

/* ------------------------------------------------------------------ keys */

static int sheet_action(struct lf_screen *s, int id)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;

	switch (id) {
	case S_SAVE:
		if (save(sh))
			lf_ui_pop(s->ui);
		return LF_DIRTY_BODY;
	case S_PICK: return pick(sh, 0);
	case S_NEXT: return go(sh, 1);
	case S_PREV: return go(sh, -1);
	}
	return 0;
}

static int sheet_enabled(struct lf_screen *s, int id)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;
	enum lf_sheet_kind k = sh->f[sh->focus].kind;

	return id != S_PICK || k == LF_SH_CHOICE || k == LF_SH_PERSON;
}

static int sheet_key(struct lf_screen *s, int key)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;
	struct lf_sheet_field *f = &sh->f[sh->focus];
	int pasting = lf_ui_pasting(s->ui);

	if (is_editor(f)) {
		if (key == LF_KEY(KEY_UP) && !pasting)
			return lf_edit_do(&f->ed, LF_ED_UP) ? LF_DIRTY_BODY : go(sh, -1);
		if (key == LF_KEY(KEY_DOWN) && !pasting)
			return lf_edit_do(&f->ed, LF_ED_DOWN) ? LF_DIRTY_BODY : go(sh, 1);
		if (key == LF_ENTER && !pasting && !f->ed.multiline)
			return go(sh, 1);
		if (!lf_field_key(&f->ed, key, pasting))
			return -1;
		if (f->ed.changed) {
			sh->changed = 1;
			f->ed.changed = 0;
		}
		return LF_DIRTY_BODY;
	}
	switch (key) {
	case LF_KEY(KEY_UP): return go(sh, -1);
	case LF_KEY(KEY_DOWN):
	case LF_ENTER: return go(sh, 1);
	case ' ':
		if (f->kind == LF_SH_PERSON)
			return pick(sh, 0);
		step_choice(sh);
		return LF_DIRTY_BODY;
	case LF_KEY(KEY_BACKSPACE):
	case LF_KEY(KEY_DC):
	case 0x7f:
	case LF_CTRL('H'):
	case LF_CTRL('D'):
		if (f->value && *f->value)
			sh->changed = 1;
		lf_sheet_set(sh, sh->focus, "");
		if (sh->ops->changed)
			sh->ops->changed(sh, sh->focus);
		return LF_DIRTY_BODY;
	}
	if (key >= 0x20 && key < 0x200000 && key != 0x7f)
		return pick(sh, key); /* typing on a list field searches its list */
	return -1;
}

static void sheet_help(struct lf_screen *s, struct lf_buf *b)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;
	struct lf_sheet_field *f = &sh->f[sh->focus];
	static const char *const kinds[] = { "一行文字", "多行文字", "日期", "从选项中选", "从人员中选", "自动算出" };

	lf_buf_addf(b, "当前一项：%s（%s%s", f->label, kinds[f->kind], f->required ? "，必填" : "，可不填");
	if (f->max && (f->kind == LF_SH_LINE || f->kind == LF_SH_AREA))
		lf_buf_addf(b, "，最多 %d 个字", f->max);
	lf_buf_adds(b, "）\n");
	if (f->help)
		lf_buf_addf(b, "%s\n", f->help);
	if (f->kind == LF_SH_CHOICE && f->nchoices) {
		int j;

		lf_buf_adds(b, "可选：");
		for (j = 0; j < f->nchoices; j++)
			lf_buf_addf(b, "%s%s", j ? "、" : "", f->choices[j]);
		lf_buf_adds(b, "\n");
	}
	if (f->kind == LF_SH_DATE)
		lf_buf_adds(b, "日期可以写成 2026-11-22、2026/11/22、2026.11.22、20261122 或 2026年11月22日。\n");
	if (sh->intro)
		lf_buf_addf(b, "\n%s\n", sh->intro);
	lf_buf_adds(b, "\n标 * 的项必须填写。离开一项时检查它；有错会在它下面说明，已输入的文字不会丢。"
	               "离开本屏时如有未保存的修改会询问；终端断开时自动存为草稿。\n");
}

static void sheet_resume(struct lf_screen *s)
{
	(void)s;
}

static void sheet_free(struct lf_screen *s)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;
	int i, j;

	if (sh->ops->free)
		sh->ops->free(sh);
	for (i = 0; i < sh->n; i++) {
		struct lf_sheet_field *f = &sh->f[i];

		lf_free(f->label);
		lf_free(f->also);
		lf_free(f->help);
		for (j = 0; j < f->nchoices; j++)
			lf_free(f->choices[j]);
		lf_free(f->choices);
		lf_edit_free(&f->ed);
		lf_free(f->value);
		lf_free(f->shown);
		lf_free(f->err);
		lf_free(f->cache);
	}
	lf_free(sh->intro);
	lf_free(sh->draft_form);
	lf_free(sh->draft_target);
	lf_free(sh->saved_msg);
	lf_free(sh);
}

static int sheet_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct lf_sheet *sh = (struct lf_sheet *)s;

	*kind = sh->rec_kind;
	*gid = sh->rec_gid;
	return sh->rec_kind != NULL;
}

void lf_sheet_record(struct lf_sheet *sh, const char *kind, const char *gid)
{
	sh->rec_kind = gid && *gid ? kind : NULL;
	snprintf(sh->rec_gid, sizeof sh->rec_gid, "%s", gid ? gid : "");
}

static const struct lf_screen_ops sheet_ops = {
	.name = "sheet",
	.actions = lf_sheet_actions,
	.draw = sheet_draw,
	.action = sheet_action,
	.key = sheet_key,
	.enabled = sheet_enabled,
	.leave = sheet_leave,
	.hangup = sheet_hangup,
	.resume = sheet_resume,
	.record = sheet_record,
	.help = sheet_help,
	.more_actions = lf_edit_actions,
	.more_title = "编辑文字",
	.free = sheet_free,
};

struct lf_sheet *lf_sheet_new(const char *title, const struct lf_sheet_ops *ops, void *ctx, const char *draft_form,
                              const char *draft_target)
{
	struct lf_sheet *sh = lf_alloc(sizeof *sh);

	sh->ops = ops;
	sh->ctx = ctx;
	sh->draft_form = lf_strdup(draft_form);
	sh->draft_target = lf_strdup(draft_target ? draft_target : "");
	lf_screen_init(&sh->base, &sheet_ops, title);
	return sh;
}

void lf_sheet_open(struct lf_ui *ui, struct lf_sheet *sh)
{
	int i;

	lf_ui_push(ui, &sh->base);
	for (i = 0; i < sh->n; i++)
		if (sh->f[i].kind == LF_SH_PERSON)
			person_name(sh, &sh->f[i]);
	while (sh->focus < sh->n - 1 && !focusable(&sh->f[sh->focus]))
		sh->focus++;
	offer_draft(sh);
}
