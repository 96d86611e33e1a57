/* ui_cred: the small form of the sign-in and password screens — one-line
 * fields, some secret, a note under each that follows what is typed, and the
 * result of the last try (ui_auth.h). Secrets live only in a fixed buffer
 * here: drawn as '*', wiped when emptied and when the form closes, never
 * given to the line editor and never kept as a draft. */
#include "ui_auth.h"
#include "ui_priv.h"

#include <sodium.h>
#include <stdarg.h>
#include <string.h>

#define LABEL_X 4
#define FIELD_W 30

struct cred_field {
	struct lf_cred_field_def def;
	struct lf_edit ed;                    /* text fields */
	char secret[LF_PASSWORD_MAX + 1];     /* secret fields */
	size_t slen;
	char *note;
	int note_err;
};

struct lf_cred {
	struct lf_screen base;
	struct lf_screen_ops ops;  /* the kind's actions with the shared functions */
	const struct lf_cred_kind *kind;
	struct cred_field f[LF_CRED_MAX];
	int n, focus;
	char *intro, *foot;
	char *result;
	int result_err;
	void *ctx;
	void (*free_ctx)(void *ctx);
};

struct lf_ui *lf_cred_ui(struct lf_cred *c)
{
	return c->base.ui;
}

struct lf_db *lf_cred_db(struct lf_cred *c)
{
	return lf_ui_ctx(c->base.ui)->db;
}

void *lf_cred_ctx(struct lf_cred *c)
{
	return c->ctx;
}

char *lf_cred_text(struct lf_cred *c, int i)
{
	return c->f[i].def.secret ? lf_strdup("") : lf_edit_text(&c->f[i].ed);
}

const char *lf_cred_secret(struct lf_cred *c, int i)
{
	return c->f[i].def.secret ? c->f[i].secret : "";
}

void lf_cred_set_text(struct lf_cred *c, int i, const char *text)
{
	if (!c->f[i].def.secret)
		lf_edit_set(&c->f[i].ed, text);
}

void lf_cred_clear(struct lf_cred *c, int i)
{
	sodium_memzero(c->f[i].secret, sizeof c->f[i].secret);
	c->f[i].slen = 0;
}

void lf_cred_focus(struct lf_cred *c, int i)
{
	if (i >= 0 && i < c->n)
		c->focus = i;
}

static char *vformat(const char *fmt, va_list ap)
{
	struct lf_buf b;

	lf_buf_init(&b);
	lf_buf_vaddf(&b, fmt, ap);
	return lf_buf_steal(&b);
}

void lf_cred_note(struct lf_cred *c, int i, int error, const char *fmt, ...)
{
	va_list ap;

	lf_free(c->f[i].note);
	c->f[i].note = NULL;
	c->f[i].note_err = error;
	if (!fmt)
		return;
	va_start(ap, fmt);
	c->f[i].note = vformat(fmt, ap);
	va_end(ap);
}

void lf_cred_result(struct lf_cred *c, int error, const char *fmt, ...)
{
	va_list ap;

	lf_free(c->result);
	c->result = NULL;
	c->result_err = error;
	if (!fmt)
		return;
	va_start(ap, fmt);
	c->result = vformat(fmt, ap);
	va_end(ap);
}

static int filled(struct lf_cred *c, int i)
{
	char *t;
	int yes;

	if (c->f[i].def.secret)
		return c->f[i].slen > 0;
	t = lf_edit_text(&c->f[i].ed);
	yes = t[strspn(t, " ")] != 0;
	lf_free(t);
	return yes;
}

/* ------------------------------------------------------------------ new passwords */

void lf_cred_check_new_password(struct lf_cred *c, const char *login, int pw, int again, int optional)
{
	struct lf_db *db = lf_cred_db(c);
	const char *a = lf_cred_secret(c, pw), *b = lf_cred_secret(c, again);

	if (!*a && optional)
		lf_cred_note(c, pw, 0, "可以不填：不设密码就只能从对应的系统账户登录");
	else if (!*a)
		lf_cred_note(c, pw, 0, "%d–%d 个英文字母、数字、符号或空格", LF_PASSWORD_MIN, LF_PASSWORD_MAX);
	else if (lf_password_check(db, login, a) != LF_OK)
		lf_cred_note(c, pw, 1, "%s", db->err);
	else
		lf_cred_note(c, pw, 0, "符合要求。");
	if (!*b)
		lf_cred_note(c, again, 0, NULL);
	else if (strcmp(a, b))
		lf_cred_note(c, again, 1, "两次输入的密码不一样。");
	else
		lf_cred_note(c, again, 0, "两次输入一致。");
}

int lf_cred_new_password_ok(struct lf_cred *c, const char *login, int pw, int again, int optional)
{
	struct lf_db *db = lf_cred_db(c);
	const char *a = lf_cred_secret(c, pw), *b = lf_cred_secret(c, again);

	if (optional && !*a && !*b)
		return 1;
	if (lf_password_check(db, login, a) != LF_OK) {
		lf_cred_result(c, 1, "%s", db->err);
		c->focus = pw;
		return 0;
	}
	if (strcmp(a, b)) {
		lf_cred_result(c, 1, "两次输入的密码不一样，请再输入一次。");
		lf_cred_clear(c, again);
		lf_cred_note(c, again, 0, NULL);
		c->focus = again;
		return 0;
	}
	return 1;
}

/* ------------------------------------------------------------------ drawing */

static int label_width(struct lf_cred *c)
{
	int i, w = 8;

	for (i = 0; i < c->n; i++)
		if (lf_utf8_width(c->f[i].def.label) + 2 > w)
			w = lf_utf8_width(c->f[i].def.label) + 2;
	return w;
}

static void draw_secret(struct lf_cred *c, WINDOW *w, int i, int y, int x, attr_t a)
{
	struct cred_field *f = &c->f[i];
	int n = (int)f->slen < FIELD_W - 1 ? (int)f->slen : FIELD_W - 1;

	lf_ui_fill(w, y, x, FIELD_W, a);
	/* one '*' per character: how many were typed, nothing more */
	mvwhline(w, y, x, '*' | a, n);
	if (i == c->focus) {
		c->base.cy = y;
		c->base.cx = x + n;
	}
}

static void cred_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct lf_cred *c = (struct lf_cred *)s;
	int lw = label_width(c), fx = LABEL_X + lw + 1, y = 1, i, cy, cx;
	int foot_rows = c->foot ? lf_ui_wrap(NULL, 0, 0, cols - 8, 3, c->foot, 0) : 0;

	if (c->intro)
		y += lf_ui_wrap(w, y, 2, cols - 4, 5, c->intro, lf_ui_attr(LF_R_NORMAL)) + 1;
	for (i = 0; i < c->n; i++) {
		struct cred_field *f = &c->f[i];
		int focus = i == c->focus;
		attr_t a = lf_ui_attr(focus ? LF_R_FOCUS : LF_R_FIELD);
		char label[80];

		snprintf(label, sizeof label, "%s%s", f->def.label, f->def.required ? "*" : "");
		lf_ui_print(w, y, LABEL_X, lw, label, lf_ui_attr(focus ? LF_R_PATH : LF_R_LABEL));
		if (f->def.secret) {
			draw_secret(c, w, i, y, fx, a);
		} else {
			lf_field_draw(w, &f->ed, y, fx, FIELD_W, 1, a, &cy, &cx);
			if (focus) {
				s->cy = cy;
				s->cx = cx;
			}
		}
		y++;
		if (f->note)
			y += lf_ui_wrap(w, y, fx, cols - fx - 2, 2, f->note,
			                lf_ui_attr(f->note_err ? LF_R_ERROR : LF_R_DIM));
		else
			y++;
	}
	if (c->result)
		lf_ui_wrap(w, y + 1, 2, cols - 4, rows - y - 2 - foot_rows, c->result,
		           lf_ui_attr(c->result_err ? LF_R_ERROR : LF_R_INFO) | A_BOLD);
	if (c->foot)
		lf_ui_wrap(w, rows - foot_rows, 2, cols - 4, foot_rows, c->foot, lf_ui_attr(LF_R_DIM));
}

/* ------------------------------------------------------------------ keys */

static void recheck(struct lf_cred *c)
{
	if (c->kind->check)
		c->kind->check(c);
}

static int cred_action(struct lf_screen *s, int id)
{
	struct lf_cred *c = (struct lf_cred *)s;
	int i;

	switch (id) {
	case LF_CRED_SUBMIT:
		/* the first required field still empty gets the cursor */
		for (i = 0; i < c->n; i++)
			if (c->f[i].def.required && !filled(c, i)) {
				if (i == c->focus || i < c->focus)
					lf_ui_msg(s->ui, LF_MSG_ERROR, "请填写“%s”。", c->f[i].def.label);
				c->focus = i;
				return LF_DIRTY_BODY;
			}
		c->kind->submit(c);
		return LF_DIRTY_ALL;
	case LF_CRED_NEXT:
		c->focus = (c->focus + 1) % c->n;
		break;
	case LF_CRED_PREV:
		c->focus = (c->focus + c->n - 1) % c->n;
		break;
	}
	return LF_DIRTY_BODY;
}

static int secret_key(struct lf_cred *c, struct cred_field *f, int key)
{
	switch (key) {
	case LF_KEY(KEY_BACKSPACE):
	case 0x7f:
	case LF_CTRL('H'):
		if (f->slen)
			f->secret[--f->slen] = 0;
		return 1;
	case LF_CTRL('U'):
	case LF_CTRL('W'):
	case LF_CTRL('K'):
		lf_cred_clear(c, (int)(f - c->f));
		return 1;
	case LF_KEY(KEY_LEFT):
	case LF_KEY(KEY_RIGHT):
	case LF_KEY(KEY_HOME):
	case LF_KEY(KEY_END):
	case LF_KEY(KEY_DC):
	case LF_ENTER: /* inside a paste */
		return 0;
	}
	if (key >= 0x20 && key < 0x7f) {
		if (f->slen >= LF_PASSWORD_MAX) {
			lf_ui_msg(c->base.ui, LF_MSG_ERROR, "密码最多 %d 个字符。", LF_PASSWORD_MAX);
			return 0;
		}
		f->secret[f->slen++] = (char)key;
		return 1;
	}
	if (key >= 0x80 && key < 0x200000) {
		lf_ui_msg(c->base.ui, LF_MSG_ERROR, "密码只能用英文字母、数字、符号和空格：请切换到英文输入。");
		return 0;
	}
	return -1;
}

static int cred_key(struct lf_screen *s, int key)
{
	struct lf_cred *c = (struct lf_cred *)s;
	struct cred_field *f = &c->f[c->focus];
	int r;

	if ((key == LF_KEY(KEY_DOWN) || key == LF_KEY(KEY_UP)) && !lf_ui_pasting(s->ui))
		return cred_action(s, key == LF_KEY(KEY_DOWN) ? LF_CRED_NEXT : LF_CRED_PREV);
	if (f->def.secret) {
		if ((r = secret_key(c, f, key)) < 0)
			return -1;
	} else {
		if (!lf_field_key(&f->ed, key, lf_ui_pasting(s->ui)))
			return -1;
		r = f->ed.changed;
		f->ed.changed = 0;
	}
	if (r)
		recheck(c);
	return LF_DIRTY_BODY;
}

static void cred_help(struct lf_screen *s, struct lf_buf *b)
{
	struct lf_cred *c = (struct lf_cred *)s;

	if (c->kind->help)
		lf_buf_addf(b, "%s\n", c->kind->help);
	lf_buf_adds(b, "密码一栏每输入一个字符显示一个“*”，密码本身不会显示，也不会存为草稿。"
	               "Backspace 删去最后一个字符，Ctrl-U 清空。\n");
}

static void cred_free(struct lf_screen *s)
{
	struct lf_cred *c = (struct lf_cred *)s;
	int i;

	for (i = 0; i < c->n; i++) {
		lf_cred_clear(c, i);
		lf_edit_free(&c->f[i].ed);
		lf_free(c->f[i].note);
	}
	lf_free(c->intro);
	lf_free(c->foot);
	lf_free(c->result);
	if (c->free_ctx)
		c->free_ctx(c->ctx);
	sodium_memzero(c, sizeof *c);
	lf_free(c);
}

struct lf_cred *lf_cred_open(struct lf_ui *ui, const struct lf_cred_kind *kind, const char *title,
                             const char *intro, const char *foot, const struct lf_cred_field_def *defs, int n,
                             void *ctx, void (*free_ctx)(void *ctx))
{
	struct lf_cred *c = lf_alloc(sizeof *c);
	int i;

	c->kind = kind;
	c->ops.name = kind->name;
	c->ops.actions = kind->actions;
	c->ops.draw = cred_draw;
	c->ops.action = cred_action;
	c->ops.key = cred_key;
	c->ops.help = cred_help;
	c->ops.more_actions = lf_edit_actions;
	c->ops.more_title = "编辑文字（登录名、姓名）";
	c->ops.free = cred_free;
	c->n = n < LF_CRED_MAX ? n : LF_CRED_MAX;
	for (i = 0; i < c->n; i++) {
		c->f[i].def = defs[i];
		lf_edit_init(&c->f[i].ed, 0);
	}
	c->intro = lf_strdup(intro);
	c->foot = lf_strdup(foot);
	c->ctx = ctx;
	c->free_ctx = free_ctx;
	lf_screen_init(&c->base, &c->ops, title);
	lf_ui_push(ui, &c->base);
	recheck(c);
	return c;
}
