/* ui_auth: what the screens of users and sign-in share (ui_cred.c,
 * ui_signin.c, ui_users.c, ui_history.c) and no other screen needs.
 *
 * A credentials form (lf_cred) is a few one-line fields, some of them secret,
 * with a note under each field that the screen updates as the user types
 * (the password rules, whether two passwords match) and a result under the
 * fields. A secret is typed into a fixed buffer of printable ASCII, drawn as
 * one '*' per character, never kept in a line editor (whose cut buffer would
 * hold a copy) and wiped when the form closes; the form has no hangup
 * operation, so nothing typed into it is ever kept as a draft. */
#ifndef LIANFANG_UI_AUTH_H
#define LIANFANG_UI_AUTH_H

#include "lianfang/screen.h"
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/perm.h"

#define LF_CRED_MAX 5

struct lf_cred;

struct lf_cred_field_def {
	const char *label;
	int secret;
	int required;
};

/* What one kind of credentials form does. */
struct lf_cred_kind {
	const char *name;                 /* the screen's name */
	const struct lf_ui_action *actions;  /* built with LF_CRED_ACTIONS */
	/* Update the notes after a field changed (optional). */
	void (*check)(struct lf_cred *c);
	/* Every required field is filled: do it. The function closes the form
	 * (lf_ui_pop) or says what is wrong (lf_cred_result). */
	void (*submit)(struct lf_cred *c);
	/* A paragraph for the help page (optional). */
	const char *help;
};

/* The action ids of a credentials form and a table for one kind: the submit
 * action's name, label and help differ, the keys are the same. */
enum { LF_CRED_SUBMIT = 1, LF_CRED_NEXT, LF_CRED_PREV };
#define LF_CRED_ACTIONS(name, label, help)                                                                 \
	{                                                                                                      \
		{ LF_CRED_SUBMIT, name, label, { LF_ENTER, LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR, help },   \
		{ LF_CRED_NEXT, "next-field", "下一项", { LF_TAB, LF_CTRL('N') }, 0, "到下一项（也可以按 Down）" },   \
		{ LF_CRED_PREV, "prev-field", "上一项", { LF_KEY(KEY_BTAB), LF_CTRL('P') }, 0,                     \
		  "到上一项（也可以按 Up）" },                                                                      \
		{ 0 },                                                                                             \
	}

/* Open a form of `n` fields (at most LF_CRED_MAX) on top. `intro` is drawn
 * above the fields, `foot` at the bottom (both may be NULL). ctx is the
 * caller's; `free_ctx` (may be NULL) frees it with the form. */
struct lf_cred *lf_cred_open(struct lf_ui *ui, const struct lf_cred_kind *kind, const char *title,
                             const char *intro, const char *foot, const struct lf_cred_field_def *defs, int n,
                             void *ctx, void (*free_ctx)(void *ctx));
struct lf_ui *lf_cred_ui(struct lf_cred *c);
struct lf_db *lf_cred_db(struct lf_cred *c);
void *lf_cred_ctx(struct lf_cred *c);
/* A text field's text (caller frees); a secret field's text (borrowed, ""
 * when empty; valid until the field changes). */
char *lf_cred_text(struct lf_cred *c, int i);
const char *lf_cred_secret(struct lf_cred *c, int i);
void lf_cred_set_text(struct lf_cred *c, int i, const char *text);
/* Empty a secret field (wiping it). */
void lf_cred_clear(struct lf_cred *c, int i);
void lf_cred_focus(struct lf_cred *c, int i);
/* The note under field i: an error (red) or a remark; NULL fmt clears it. */
void lf_cred_note(struct lf_cred *c, int i, int error, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The result under the fields (the last try's outcome); NULL fmt clears it. */
void lf_cred_result(struct lf_cred *c, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Notes for a new password typed twice into fields pw and again: the rules
 * of lf_password_check for `login` as the user types, then whether the two
 * agree. With `optional`, both empty is fine. */
void lf_cred_check_new_password(struct lf_cred *c, const char *login, int pw, int again, int optional);
/* On submit: 1 if the two agree and pass the rules (or, optional, are both
 * empty); otherwise the result says why, the focus goes there, 0. */
int lf_cred_new_password_ok(struct lf_cred *c, const char *login, int pw, int again, int optional);

/* The action tables of these screens (for lf_action_tables and the tests). */
extern const struct lf_ui_action lf_signin_actions[], lf_setup_actions[], lf_password_actions[], lf_adduser_actions[],
	lf_account_actions[], lf_users_actions[], lf_user_actions[], lf_history_actions[];

/* Lines of text that scroll (ui_history.c): the history and audit pages,
 * the account page. Scrolled with the keys of lf_history_actions. */
enum { LF_TV_UP = 1, LF_TV_DOWN, LF_TV_PGUP, LF_TV_PGDN, LF_TV_TOP, LF_TV_BOTTOM };
struct lf_tvline {
	char *text;
	enum lf_ui_role role;
	int indent;
};
struct lf_textview {
	struct lf_tvline *l;
	int n, cap;
	int top, height;
};
void lf_tv_add(struct lf_textview *v, enum lf_ui_role role, int indent, const char *text);
void lf_tv_addf(struct lf_textview *v, enum lf_ui_role role, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Draw from row y0, `rows` rows; a line longer than the width wraps. */
void lf_tv_draw(struct lf_textview *v, WINDOW *w, int y0, int rows, int cols);
/* Scroll by an LF_TV_* id; 1 if it was one. */
int lf_tv_scroll(struct lf_textview *v, int id);
/* Scroll by a key of lf_history_actions; 1 if it was one. */
int lf_tv_key(struct lf_textview *v, int key);
void lf_tv_free(struct lf_textview *v);

/* The user management screens (ui_users.c). */
void lf_users_open(struct lf_ui *ui);

#endif
