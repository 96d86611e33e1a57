/* screen: the engine every screen is built on — a stack of screens, one main
 * loop, actions bound to keys, the title line, message line and key bar, and
 * the widgets (text fields, lists, forms, pickers). Only src/ui/ includes it.
 *
 * Writing a screen (see also README "Writing a screen"):
 *
 *   enum { A_OPEN = 1, A_ADD };                      // the screen's own action ids
 *   static const struct lf_ui_action acts[] = {
 *       { A_OPEN, "open", "打开", { LF_KEY(KEY_ENTER), '\r', 'o' }, LF_ACT_BAR, "打开选中的一项" },
 *       { A_ADD,  "add",  "新建", { LF_KEY(KEY_F(5)), 'a' }, LF_ACT_BAR, "新建一条记录" },
 *       { 0 } };
 *   struct my_screen { struct lf_screen base; int sel; };   // base first
 *   static void my_draw(struct lf_screen *s, WINDOW *w, int rows, int cols) { … }
 *   static int my_action(struct lf_screen *s, int id) { …; return LF_DIRTY_BODY; }
 *   static const struct lf_screen_ops my_ops = { .name = "mine", .actions = acts,
 *       .draw = my_draw, .action = my_action, .free = my_free };
 *   …  struct my_screen *m = lf_alloc(sizeof *m);
 *      lf_screen_init(&m->base, &my_ops, "标题");  lf_ui_push(ui, &m->base);
 *
 * The engine reads a key, finds it in the top screen's action table (then in
 * the global one: F1 help, F10/Esc back, F9/Ctrl-R the history of the record
 * the screen shows (its `record` op), Ctrl-L redraw, Ctrl-Z suspend), calls
 * `action` or else `key`, and redraws what the call marked dirty: the body is
 * erased and `draw` paints all of it; curses sends only the cells that
 * changed, so a keystroke in a field costs a few bytes on a slow link.
 * Draw with lf_ui_print (clips by display width, never splits a Chinese
 * character, shows what the terminal cannot display as a placeholder) and the
 * theme's attributes (lf_ui_attr), never with colours directly: the same
 * screen then works in colour and monochrome. Screens never write SQL; they
 * call the model (entry.h, reclist.h, draft.h …). */
#ifndef LIANFANG_SCREEN_H
#define LIANFANG_SCREEN_H

#include <curses.h>

#include "lianfang/cli.h"
#include "lianfang/edit.h"
#include "lianfang/entry.h"
#include "lianfang/form.h"
#include "lianfang/overview.h"
#include "lianfang/pathcomp.h"
#include "lianfang/reclist.h"
#include "lianfang/util.h"

/* ------------------------------------------------------------------ keys */

/* One int space for keys: a character is its code point, a curses key code
 * (KEY_F(2), KEY_UP, …) is LF_KEY(code), Alt/Meta-x is LF_META('x'). */
#define LF_KEY(k)    (0x200000 | (k))
#define LF_META(c)   (0x400000 | (c))
#define LF_CTRL(c)   ((c) & 0x1f)
#define LF_ESC       0x1b
#define LF_ENTER     '\r'
#define LF_TAB       '\t'
/* Ctrl-Left/Right and Ctrl-Home/End arrive under names, not fixed codes. */
#define LF_KEY_CLEFT  LF_KEY(0x7e00)
#define LF_KEY_CRIGHT LF_KEY(0x7e01)
#define LF_KEY_CHOME  LF_KEY(0x7e02)
#define LF_KEY_CEND   LF_KEY(0x7e03)
/* Bracketed paste (xterm, tmux, screen): the text between is typed text. */
#define LF_KEY_PASTE_BEGIN LF_KEY(0x7e10)
#define LF_KEY_PASTE_END   LF_KEY(0x7e11)

/* A key's name for the key bar and help: "F2", "^S", "Esc", "Enter", "a". */
void lf_key_name(int key, char *buf, size_t len);

/* ------------------------------------------------------------------ actions */

enum {
	LF_ACT_BAR = 1,   /* shown on the key bar */
	LF_ACT_TEXT = 2,  /* its keys are printable: only for screens where typing is not text */
};

/* What a screen can do. One table per screen; the key bar and the F1 help
 * page are generated from it, so help never drifts from the keys. Every
 * action has a key that works without function keys (vt100, some SSH
 * clients): put the function key first, the others after it. */
struct lf_ui_action {
	int id;             /* the screen's number for it (> 0); { 0 } ends a table */
	const char *name;   /* stable English name, for docs and tests */
	const char *label;  /* key bar and help: "保存" */
	int keys[5];        /* 0-terminated */
	unsigned flags;
	const char *help;   /* one sentence for the help page */
};

/* The engine's own actions, in every screen. A screen's table may use the
 * same keys to do otherwise (its table is looked at first). LF_A_HISTORY
 * (F9, Ctrl-R) opens the history of the record the screen shows (its
 * `record` operation). */
enum { LF_A_HELP = 1000, LF_A_BACK, LF_A_REDRAW, LF_A_SUSPEND, LF_A_HISTORY };
extern const struct lf_ui_action lf_global_actions[];

/* ------------------------------------------------------------------ screens */

enum {
	LF_DIRTY_TITLE = 1,  /* title line and the path of screens under it */
	LF_DIRTY_BODY = 2,
	LF_DIRTY_MSG = 4,
	LF_DIRTY_KEYS = 8,
	LF_DIRTY_ALL = 15,
};

struct lf_ui;
struct lf_screen;

struct lf_screen_ops {
	const char *name;
	const struct lf_ui_action *actions;
	/* Paint the body: w is erased, rows × cols. Set s->cy/s->cx for the
	 * terminal cursor (cy < 0: hidden). Required. */
	void (*draw)(struct lf_screen *s, WINDOW *w, int rows, int cols);
	/* Run one of the screen's actions; return what became dirty. */
	int (*action)(struct lf_screen *s, int id);
	/* A key no action claimed (typed text); return dirty flags, or -1 if
	 * the key means nothing here. */
	int (*key)(struct lf_screen *s, int key);
	/* 0 hides an action from the key bar and ignores its keys (optional). */
	int (*enabled)(struct lf_screen *s, int id);
	/* Asked before the screen closes (F10/Esc, quitting): 1 to close. It may
	 * ask the user (lf_ui_ask) first. Optional: always 1. */
	int (*leave)(struct lf_screen *s);
	/* The terminal is gone (SIGHUP, SIGTERM, read error): keep whatever is
	 * unsaved, e.g. as a draft, without touching the screen. Optional. */
	void (*hangup)(struct lf_screen *s);
	/* The screen above this one closed: reload what it shows. Optional. */
	void (*resume)(struct lf_screen *s);
	/* The record the screen shows — the one under the cursor, or the one in
	 * its form: its kind's name ("person", or "account" for a user) and gid
	 * (a login for a user). Return 0 when there is none (an empty list, a new
	 * record). With it the history key (F9, Ctrl-R) opens the record's
	 * history, and the key bar offers it. Optional. */
	int (*record)(struct lf_screen *s, const char **kind, const char **gid);
	/* Add to the F1 help page (the field's help, …). Optional. */
	void (*help)(struct lf_screen *s, struct lf_buf *b);
	/* Keys of a widget the screen embeds (lf_edit_actions, lf_list_actions),
	 * listed on the help page after the screen's own. Optional. */
	const struct lf_ui_action *more_actions;
	const char *more_title;
	void (*free)(struct lf_screen *s);
};

/* Embed as the first member of a screen's own struct. */
struct lf_screen {
	const struct lf_screen_ops *ops;
	struct lf_ui *ui;
	char *title;        /* its place in the path on line 2: "人员", "修改人员" */
	int cy, cx;         /* terminal cursor in the body, set by draw; cy < 0 hidden */
};

void lf_screen_init(struct lf_screen *s, const struct lf_screen_ops *ops, const char *title);
void lf_screen_set_title(struct lf_screen *s, const char *title);

/* What screens may read. */
struct lf_ui_ctx {
	struct lf_db *db;
	struct lf_cli *cli;
	struct lf_formset *forms;
	struct lf_overview overview;
};
struct lf_ui_ctx *lf_ui_ctx(struct lf_ui *ui);

/* The screen on top, or NULL. */
struct lf_screen *lf_ui_top(struct lf_ui *ui);
/* Put a screen on top (the engine owns it from now). */
void lf_ui_push(struct lf_ui *ui, struct lf_screen *s);
/* Close the top screen without asking (after its own leave said yes, or a
 * picker that made its choice). */
void lf_ui_pop(struct lf_ui *ui);
/* Ask the top screen's leave() and close it if it agrees. */
void lf_ui_back(struct lf_ui *ui);
void lf_ui_dirty(struct lf_ui *ui, int what);
/* Re-read the unit/cycle/phase shown on the title line. */
void lf_ui_refresh_overview(struct lf_ui *ui);

enum lf_msg { LF_MSG_INFO, LF_MSG_ERROR };
/* A message on the message line, until the next key. */
void lf_ui_msg(struct lf_ui *ui, enum lf_msg kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A question on the message line. Each choice is picked by its number
 * (1, 2, …) or its letter; Esc gives `cancel`. Also returns `cancel` when the
 * terminal goes away meanwhile (the main loop then keeps drafts). */
struct lf_choice {
	int letter;          /* 'S' (either case) */
	const char *label;   /* "保存" */
};
int lf_ui_ask(struct lf_ui *ui, const char *question, const struct lf_choice *choices, int n, int cancel);
/* Draw now what is dirty — a message such as "正在检查……" before a long
 * computation, which would otherwise appear only after it. */
void lf_ui_update(struct lf_ui *ui);
/* A line of text typed on the message line, with the field editor. Returns a
 * new UTF-8 string, or NULL on Esc. */
char *lf_ui_prompt(struct lf_ui *ui, const char *prompt, const char *initial);
/* 1 when the terminal has gone away or a signal asked us to stop: screens
 * in a loop of their own should stop. */
int lf_ui_stopping(const struct lf_ui *ui);

/* A progress bar on the message line while a long model call runs (a
 * merge, an export): call it from the model's progress callback with the
 * stage and done of total (total <= 0: unknown — a count, no bar). It
 * repaints what is dirty and the bar at most ten times a second, and reads
 * keys without waiting: it returns 1 once Esc (or Ctrl-C, Ctrl-G, Ctrl-X,
 * F10) was pressed or the terminal is going away — return that to the model,
 * which then cancels and changes nothing. Other keys typed meanwhile are
 * dropped. lf_ui_progress_end takes the bar away and marks everything
 * dirty; then report the result with lf_ui_msg. (LIANFANG_TEST_PROGRESS_MS slows each repaint down, for
 * screen tests only.) */
int lf_ui_progress(struct lf_ui *ui, const char *what, const char *stage, long long done, long long total);
void lf_ui_progress_end(struct lf_ui *ui);

/* ------------------------------------------------------------------ drawing */

enum lf_ui_role {
	LF_R_NORMAL, LF_R_TITLE, LF_R_PATH, LF_R_BAR, LF_R_BARKEY, LF_R_LABEL, LF_R_FIELD, LF_R_FOCUS,
	LF_R_ERROR, LF_R_INFO, LF_R_SELECT, LF_R_MATCH, LF_R_DIM, LF_R_HEADER, LF_R_PLACEHOLDER,
	/* a risk level, low to high (heat map cells, level tags): coloured where
	 * the terminal has colour; in monochrome plain, bold, reverse — screens
	 * also write the level's name, so it reads without either */
	LF_R_LEVEL_LOW, LF_R_LEVEL_MID, LF_R_LEVEL_HIGH,
	LF_R_COUNT
};
/* The attributes (colour pair included) of a role in this terminal's theme. */
attr_t lf_ui_attr(enum lf_ui_role r);
/* 1 if colours are in use. */
int lf_ui_colour(void);
/* 1 if text may draw lines with box-drawing characters (┌─┐ ║ ═): a UTF-8
 * locale and a terminal with line drawing and colours; else draw in ASCII
 * (vt100, a GBK terminal, one without line drawing). */
int lf_ui_line_drawing(void);

/* Draw UTF-8 text at y, x in at most maxw columns; line breaks and tabs
 * are drawn as spaces. Returns the columns used. */
int lf_ui_print(WINDOW *w, int y, int x, int maxw, const char *utf8, attr_t a);
/* The same, highlighting every occurrence of `match` (may be NULL) with hl. */
int lf_ui_print_hl(WINDOW *w, int y, int x, int maxw, const char *utf8, attr_t a, const char *match, attr_t hl);
/* Draw n wide characters (a field's visible part) the same way. */
int lf_ui_print_wcs(WINDOW *w, int y, int x, int maxw, const wchar_t *s, size_t n, attr_t a);
/* Fill n columns with blanks in attribute a. */
void lf_ui_fill(WINDOW *w, int y, int x, int n, attr_t a);
/* Wrap UTF-8 text to lines of at most width columns; returns the number of
 * lines drawn from row y (at most maxrows); with w NULL only counts. */
int lf_ui_wrap(WINDOW *w, int y, int x, int width, int maxrows, const char *utf8, attr_t a);

/* ------------------------------------------------------------------ text fields */

/* The editing keys (Left, Ctrl-A, Ctrl-K, …) as an action table whose ids
 * are enum lf_edit_op + 1: the form and the prompt use it, and so does the
 * help page. */
extern const struct lf_ui_action lf_edit_actions[];
/* Apply a key to an editor: 1 if it was an editing key or typed text, 0 if
 * not. In a text area Enter is a line break; in one line it is not handled. */
int lf_field_key(struct lf_edit *e, int key, int pasting);
/* Draw an editor in a field at y, x of width × height; sets *cy, *cx to the
 * cursor's place in the window. */
void lf_field_draw(WINDOW *w, struct lf_edit *e, int y, int x, int width, int height, attr_t a, int *cy, int *cx);

/* ------------------------------------------------------------------ lists */

/* Where a list's rows come from: a record list (lf_list_source_reclist) or
 * any other model with the same two questions. */
struct lf_list_source {
	void *ctx;
	lf_status (*page)(void *ctx, const struct lf_listrow *from, int dir, int n, struct lf_listrow *out, int *got);
	lf_status (*find)(void *ctx, const struct lf_listrow *from, int dir, const char *q, struct lf_listrow *out,
	                  int *found);
};
struct lf_list_source lf_list_source_reclist(struct lf_reclist *l);

struct lf_list_column {
	const char *label;
	int width;          /* columns; 0: what is left */
};

/* A scrolling list widget: holds only the rows on screen. */
struct lf_list {
	struct lf_list_source src;
	struct lf_list_column cols[LF_LIST_COLS];
	int ncols;
	struct lf_listrow *rows;
	int nrows, cap;
	int sel;            /* index into rows, -1 when empty */
	int height;         /* rows it shows (set by draw) */
	char *query;        /* the last search: highlighted */
	struct lf_db *db;   /* for error messages */
	lf_status err;
};

void lf_list_init(struct lf_list *l, struct lf_list_source src, struct lf_db *db);
void lf_list_free(struct lf_list *l);
/* Movement; each returns 1 if the selection moved. */
enum lf_list_move { LF_LIST_UP, LF_LIST_DOWN, LF_LIST_PGUP, LF_LIST_PGDN, LF_LIST_HOME, LF_LIST_END };
int lf_list_move(struct lf_list *l, enum lf_list_move m);
/* Fetch the page again from its first row (after an edit). */
void lf_list_reload(struct lf_list *l);
/* Show the page around a row and select it. */
void lf_list_goto(struct lf_list *l, const struct lf_listrow *r);
/* Search from the selection (dir 1 forward, -1 back), wrapping once; sets the
 * highlight. Returns 1 found, 2 found after wrapping, 0 not found. */
int lf_list_search(struct lf_list *l, const char *q, int dir);
const struct lf_listrow *lf_list_selected(const struct lf_list *l);
/* Draw with a header row at y; the rows below fill `rows - 1` lines. */
void lf_list_draw(struct lf_list *l, WINDOW *w, int y, int x, int rows, int cols);
/* The list's movement keys as actions (ids enum lf_list_move + 1). */
extern const struct lf_ui_action lf_list_actions[];

/* Every action table of the engine and its screens, titled, ending with a
 * NULL title: the manual's KEYS section is generated from it (and a test
 * keeps lianfang.1 equal to what lf_keys_man writes). */
struct lf_action_table {
	const char *title;
	const struct lf_ui_action *actions;
};
extern const struct lf_action_table lf_action_tables[];
/* The KEYS section of lianfang.1, in groff, from lf_action_tables. */
void lf_keys_man(struct lf_buf *b);

/* ------------------------------------------------------------------ ready-made screens */

/* The list of a kind's records with add / edit / retire / search, and its
 * entry form, both from forms/<form_id>.form. Any kind with an entry form
 * can use it. */
lf_status lf_records_open(struct lf_ui *ui, const char *form_id);
/* The same with options (each may be 0/NULL). */
typedef lf_status (*lf_records_open_fn)(struct lf_ui *ui, const char *gid, void *ctx);
struct lf_records_opts {
	/* Only the records whose field equals value (a gid for a reference): the
	 * posts of one department. New ones start with it; the column is left out. */
	const char *filter_field, *filter_value;
	const char *title;     /* on the path line; NULL: the form's title */
	const char *sort;      /* a required field to sort by; "": entry order; NULL: the record's name */
	/* The fields to show, NULL-terminated; a text area's column takes the
	 * room the others leave. NULL: the form's fields that fit. */
	const char *const *columns;
	/* What is under a record (a department's posts, a power's flow chart):
	 * Enter opens it and e the record's own form. NULL: Enter edits. */
	lf_records_open_fn open;
	void *ctx;
	const char *about;     /* a hint beside the count: "Enter 查看这个处室的岗位" */
	const char *add_hint;  /* how to add here ("a 添加成员……"), shown to those who may */
};
lf_status lf_records_open_with(struct lf_ui *ui, const char *form_id, const struct lf_records_opts *o);
/* An entry form on record gid (NULL: new). on_saved (may be NULL) hears the
 * gid after each save. Offers this user's draft, asks before leaving. */
typedef void (*lf_saved_fn)(void *ctx, const char *gid);
lf_status lf_form_open(struct lf_ui *ui, const char *form_id, const char *gid, lf_saved_fn on_saved, void *ctx);
/* An entry form on a new record whose fields start from `preset` — pairs of
 * field name and text, ending with NULL: { "dept", gid, NULL } — instead of
 * the form's defaults (a post added under its department). */
lf_status lf_form_open_new(struct lf_ui *ui, const char *form_id, const char *const *preset, lf_saved_fn on_saved,
                           void *ctx);
/* A picker over records of kind k (or fixed choices): calls picked(ctx, value,
 * label) with a gid (or the choice's text), then closes. */
typedef void (*lf_picked_fn)(void *ctx, const char *value, const char *label);
lf_status lf_picker_records(struct lf_ui *ui, const struct lf_kind *k, const char *title, lf_picked_fn picked,
                            void *ctx);
lf_status lf_picker_choices(struct lf_ui *ui, const char *title, char *const *choices, int n, lf_picked_fn picked,
                            void *ctx);
/* The history of one record (kind "account": a user, gid the login): each
 * audit entry — when, who, what — and the fields it changed, if the signed-in
 * user may read the record (audit.h lf_audit_may_read); otherwise a message
 * naming the role it needs. The history key calls it with `record`. */
void lf_history_open(struct lf_ui *ui, const char *kind, const char *gid);
/* Sign the user out and go back to the sign-in screen, closing every screen
 * (each is asked first, as when going back; nothing happens if one refuses). */
void lf_ui_signout(struct lf_ui *ui);
/* The audit log's problems (audit.h lf_audit_verify): 0 when the chain, the
 * revisions it names and the accounts agree. Checked once per sign-in: the
 * engine does it just after the home is first drawn and warns on the message
 * line; later calls give the same count without checking again (a home may
 * call it to show its own warning). About 1 s per 100,000 log entries. */
long lf_ui_audit_problems(struct lf_ui *ui);
/* The same count once the log has been checked this sign-in, or -1 while it
 * has not: for a home to draw its warning without making the check before it
 * is on screen. A home is drawn again when the check finds problems. */
long lf_ui_audit_seen(const struct lf_ui *ui);
/* The audit log screen: the problems found, or that the log is intact with
 * its last entry (to write down as an anchor). */
void lf_audit_open(struct lf_ui *ui);
/* The signed-in user's own account: roles, what they may do, changing the
 * password, signing out, and for administrators user management. */
void lf_account_open(struct lf_ui *ui);
/* Choose a file or a directory (pathcomp.h): a path field with Tab
 * completion over a list of the directory's entries (directories marked,
 * ".." to go up), starting on the USB stick under /media or /mnt — or at
 * `initial` (bytes; NULL: the stick, else the home directory). A missing or
 * unreadable stick is said so; Ctrl-R reads again after plugging one in.
 * When a path that suits `mode` is chosen, picked(ctx, path, shown) gets its
 * bytes (for open()) and its text (for messages), and the chooser closes.
 * picked runs while the chooser is still on top: keep the path and act on it
 * in your screen's resume, which runs once the chooser has closed. */
typedef void (*lf_path_picked_fn)(void *ctx, const char *path, const char *shown);
void lf_path_open(struct lf_ui *ui, const char *title, enum lf_path_mode mode, const char *initial,
                  lf_path_picked_fn picked, void *ctx);
/* The export screen (official tables to .xlsx, CSV or text) with a table
 * form and its filter already chosen — what the calling screen shows, e.g.
 * the summary screen exporting the department it shows:
 *     struct lf_xfilter f = { .dept = "登记注册科", .year = 2026 };
 *     lf_export_open(ui, "summary", &f);
 * form_id NULL: the first table; filter NULL: everything (this unit, every
 * department and person, the latest cycle). Strings are copied. The user can
 * change both before exporting. LF_NOTFOUND when form_id is no table form. */
struct lf_xfilter;
lf_status lf_export_open(struct lf_ui *ui, const char *form_id, const struct lf_xfilter *filter);
/* The help page for the screen under it. */
void lf_help_open(struct lf_ui *ui, struct lf_screen *of);
/* Add a section listing a table of actions to a help text (for a screen's
 * help op: the keys of a widget it embeds). */
void lf_help_add_actions(struct lf_buf *b, const char *heading, const struct lf_ui_action *t);
/* The home screen. */
void lf_home_open(struct lf_ui *ui);

/* Columns for a list of kind k from its entry form (or the kind): names of
 * the fields and their widths, for lf_reclist_open and lf_list. */
int lf_records_columns(const struct lf_form *f, const struct lf_kind *k, const char **names,
                       struct lf_list_column *cols, int max, int width);

#endif
