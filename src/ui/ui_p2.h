/* ui_p2: what the phase-2 screens share — the self-check forms, the review
 * chain, the summary table and the heat map (ui_selfcheck.c, ui_scform.c,
 * ui_scedit.c, ui_summary.c, ui_heatmap.c) — and the two small widgets they
 * are built from: a sheet (a screen of a few fields whose choices and checks
 * come from the model, not from a form file alone) and a keyset pager (pages
 * of a model list that only goes forward). */
#ifndef LIANFANG_UI_P2_H
#define LIANFANG_UI_P2_H

#include "lianfang/review.h"
#include "lianfang/screen.h"
#include "lianfang/summary.h"

/* ------------------------------------------------------------------ openers */

/* The self-check forms of the current cycle; a user who reads no more than
 * their own post gets their own form straight away. */
void lf_selfcheck_screen_open(struct lf_ui *ui);
/* One self-check form. */
lf_status lf_scform_open(struct lf_ui *ui, const char *selfcheck);
/* The summary table of the current cycle, filtered (f may be NULL; its
 * strings are copied; the cycle is the current one when f->cycle is NULL). */
void lf_summary_screen_open(struct lf_ui *ui, const struct lf_summary_filter *f);
void lf_summary_screen_open_menu(struct lf_ui *ui);
/* The heat map of the current cycle, filtered as the summary (f may be NULL;
 * its cell and search are not used). */
void lf_heatmap_screen_open(struct lf_ui *ui, const struct lf_summary_filter *f);
void lf_heatmap_screen_open_menu(struct lf_ui *ui);

/* The sheets behind a self-check form (ui_scedit.c); `done` hears the gid
 * saved (the risk, the measure, or the form). NULL risk / measure: a new one. */
lf_status lf_header_sheet_open(struct lf_ui *ui, const char *selfcheck, lf_saved_fn done, void *ctx);
lf_status lf_risk_sheet_open(struct lf_ui *ui, const char *selfcheck, const char *risk, lf_saved_fn done, void *ctx);
lf_status lf_measure_sheet_open(struct lf_ui *ui, const char *risk, const char *measure, lf_saved_fn done, void *ctx);
lf_status lf_review_sheet_open(struct lf_ui *ui, const char *selfcheck, enum lf_review_step step, lf_saved_fn done,
                               void *ctx);
lf_status lf_level_sheet_open(struct lf_ui *ui, const char *risk, lf_saved_fn done, void *ctx);

/* The current cycle's gid, or NULL after saying on the message line why
 * there is none (no cycle yet, or the user may not read it). */
const char *lf_p2_cycle(struct lf_ui *ui);
/* For the heading of a list of department `dept` (NULL: the unit) when the
 * user reaches only part of it: "只显示你有权查看的：登记注册科" (owned);
 * NULL when they see all of it (or none: the list says so). Headings put it
 * last, after the filters, which a narrow terminal must not cut off. */
char *lf_p2_reach_note(struct lf_ui *ui, const char *dept);

/* The action tables, for lf_action_tables (the manual) and the key tests. */
extern const struct lf_ui_action lf_sheet_actions[], lf_sclist_actions[], lf_scform_actions[],
	lf_summary_actions[], lf_heatmap_actions[];

/* ------------------------------------------------------------------ sheet */

#define LF_SHEET_MAX 12

enum lf_sheet_kind {
	LF_SH_LINE,   /* one line of text */
	LF_SH_AREA,   /* a text area */
	LF_SH_DATE,   /* a date as typed, checked and written ISO on leaving */
	LF_SH_CHOICE, /* one of `choices`: Space steps, F4 picks, typing searches */
	LF_SH_PERSON, /* a person (gid), picked from the list */
	LF_SH_SHOW,   /* shown, not edited: what the sheet computes (a proposed level) */
};

struct lf_sheet_field {
	const char *name;      /* key of the draft */
	char *label;
	char *also;            /* another name the model's messages use for it, or NULL */
	enum lf_sheet_kind kind;
	int max;               /* characters, 0: no limit here */
	int required;
	char *help;
	char **choices;        /* LF_SH_CHOICE */
	int nchoices;
	struct lf_edit ed;     /* LINE, AREA, DATE */
	char *value;           /* CHOICE: the text chosen; PERSON: a gid; SHOW: the text */
	char *shown;           /* PERSON: the name of value */
	char *err;             /* the last check's message */
	char *cache;           /* lf_sheet_text's answer */
};

struct lf_sheet;

struct lf_sheet_ops {
	/* Save through the model. On failure return the status; the message is
	 * in db->err and lands on the field it names (or on sh->bad, when the
	 * function sets it). Required. */
	lf_status (*save)(struct lf_sheet *sh);
	/* Field i changed (a choice, or on leaving a text): update what the
	 * sheet computes. Optional. */
	void (*changed)(struct lf_sheet *sh, int i);
	void (*free)(struct lf_sheet *sh); /* free ctx. Optional. */
};

struct lf_sheet {
	struct lf_screen base;
	const struct lf_sheet_ops *ops;
	void *ctx;
	struct lf_sheet_field f[LF_SHEET_MAX];
	int n, focus, top;
	char *intro;           /* lines above the fields: what is being edited */
	char *draft_form, *draft_target;
	int changed, draft_restored;
	int bad;               /* set by ops->save: the field a refusal is about, or -1 */
	char *saved_msg;       /* said after a save */
	const char *rec_kind;  /* the record being edited, for the history key; NULL: a new one */
	char rec_gid[LF_GID_LEN + 1];
};

struct lf_sheet *lf_sheet_new(const char *title, const struct lf_sheet_ops *ops, void *ctx, const char *draft_form,
                              const char *draft_target);
/* Add a field with its starting value; returns its index. */
int lf_sheet_add(struct lf_sheet *sh, const char *name, const char *label, enum lf_sheet_kind kind, const char *value,
                 int max, int required, const char *help);
void lf_sheet_choices(struct lf_sheet *sh, int i, char *const *choices, int n);
void lf_sheet_also(struct lf_sheet *sh, int i, const char *also);
void lf_sheet_intro(struct lf_sheet *sh, const char *text);
/* The record the sheet edits (kind a static string), for the history key. */
void lf_sheet_record(struct lf_sheet *sh, const char *kind, const char *gid);
/* The text of field i (trimmed; a gid for a person; "" when empty): valid
 * until the field changes or the sheet is freed. */
const char *lf_sheet_text(struct lf_sheet *sh, int i);
/* NULL when the field is empty (the model reads NULL as "leave it"). */
const char *lf_sheet_or_null(struct lf_sheet *sh, int i);
void lf_sheet_set(struct lf_sheet *sh, int i, const char *text);
/* Push it, offering this user's draft of it if there is one. */
void lf_sheet_open(struct lf_ui *ui, struct lf_sheet *sh);

/* ------------------------------------------------------------------ pager */

/* Pages of a list the model gives forward only (keyset: "after this key"):
 * the keys of the pages above are kept, so going back costs one query too. */
struct lf_pager {
	char (*keys)[LF_KEY_MAX]; /* after-keys of the pages above this one */
	int depth, cap;
	char after[LF_KEY_MAX];   /* this page's */
	char next[LF_KEY_MAX];    /* the next page's, "" at the end */
};

void lf_pager_reset(struct lf_pager *p);
void lf_pager_free(struct lf_pager *p);
/* Move to the next / previous page: 0 if there is none. */
int lf_pager_next(struct lf_pager *p);
int lf_pager_prev(struct lf_pager *p);

/* ------------------------------------------------------------------ drawing */

/* Text wrapped to `width` columns (the first line `first` columns
 * narrower), line breaks kept: *n lines, each a new string; free with
 * lf_p2_wrap_free. */
char **lf_p2_wrap(const char *text, int width, int first, int *n);
void lf_p2_wrap_free(char **lines, int n);
/* Print text wrapped so (like lf_ui_wrap, which breaks anywhere): at most
 * maxrows rows; returns the rows used (w NULL: only counts them). */
int lf_p2_wrap_print(WINDOW *w, int y, int x, int width, int maxrows, const char *text, attr_t a);
/* The attribute of a level 1 (low) … 3 (high); 0 unset. */
attr_t lf_p2_level_attr(int level);
/* "[高]" for a level, with a mark that reads without colour. */
void lf_p2_level_tag(char *buf, size_t len, const char *name);

#endif
