/* form: the definitions in the files in forms/ — what an entry screen asks for and
 * how an official table is laid out — parsed from text a clerk can edit.
 * The files are compiled into the binary and can be overridden at run time
 * from a directory (--forms, LIANFANG_FORMS); a malformed override is
 * reported as "file:line: message" and the built-in form is used instead.
 * The format is described in forms/README. No curses here: the screens and
 * the exports both read these structures. */
#ifndef LIANFANG_FORM_H
#define LIANFANG_FORM_H

#include <stddef.h>
#include "lianfang/rec.h"

enum lf_form_type {
	LF_FORM_ENTRY, /* one record of a kind: 表单 */
	LF_FORM_TABLE, /* rows from a data source, for printing/export: 表格 */
};

enum lf_input {
	LF_IN_TEXT,      /* 文本: one line */
	LF_IN_MULTILINE, /* 多行: wrapped text area */
	LF_IN_DATE,      /* 日期 */
	LF_IN_INT,       /* 整数 */
	LF_IN_CHOICE,    /* 选项: one of a list */
	LF_IN_REF,       /* 引用: another record (person, post, dept, power, risk …) */
	LF_IN_BOOL,      /* 是否 */
};

struct lf_form_field {
	char *name;                 /* column of the record it fills */
	char *label;
	enum lf_input input;
	const struct lf_kind *ref;  /* LF_IN_REF: the kind referred to */
	int required;
	int max;                    /* most characters (text) or largest value (integer) */
	int min;                    /* integer: smallest value */
	int width;                  /* display columns on screen; 0 = the screen decides */
	int readonly;
	char *help;
	char **choices;
	int nchoices;
	char *def;                  /* default value, as typed */
	int line;                   /* where it was defined */
};

enum lf_align { LF_ALIGN_LEFT, LF_ALIGN_CENTER, LF_ALIGN_RIGHT };

struct lf_form_column {
	char *label;                /* header text */
	char *source;               /* the data source's column it shows */
	int width;                  /* in characters (a Chinese character is one) */
	enum lf_align align;
	int wrap;
	int merge;                  /* 合并: equal values in a run of rows share one cell */
	int hide_per_dept;          /* 隐藏：按处室 — left out when one department is shown */
	int line;
};

struct lf_form {
	char *id;                   /* the file's base name: "person" for person.form */
	char *origin;               /* "内置" or the path it was read from */
	char *title;
	enum lf_form_type type;
	const struct lf_kind *kind; /* entry forms: the record kind */
	char *source;               /* table forms: the data source name */
	char *help;
	char **header, **footer;    /* table forms: lines above/below, with {placeholders} */
	char **footer_sign;         /* 签字 line under footer[i], or NULL (nfooter entries) */
	int nheader, nfooter;
	int per_page;               /* rows per printed page, 0 = as many as fit */
	int landscape;
	struct lf_form_field *fields;
	int nfields;
	struct lf_form_column *columns;
	int ncolumns;
};

/* Parse one definition. `name` is used in messages and for the id (its base
 * name without ".form"). On failure *out is NULL and err holds
 * "name:line: message" in Chinese. */
lf_status lf_form_parse(const char *name, const char *text, size_t len, struct lf_form **out,
                        char *err, size_t errlen);
void lf_form_free(struct lf_form *f);

/* A field of an entry form by column name, or NULL. */
const struct lf_form_field *lf_form_field(const struct lf_form *f, const char *name);

/* The set of forms a program run uses: the built-in ones, each replaced by
 * dir/<id>.form when that exists and parses. */
struct lf_formset;

typedef void (*lf_form_warn_fn)(void *ctx, const char *msg);

/* dir may be NULL (then LIANFANG_FORMS, then built-in only). Problems with
 * override files are passed to warn (may be NULL) and never fatal. */
struct lf_formset *lf_formset_load(const char *dir, lf_form_warn_fn warn, void *ctx);
void lf_formset_free(struct lf_formset *set);
/* The form with this id, or NULL. */
const struct lf_form *lf_formset_get(const struct lf_formset *set, const char *id);
int lf_formset_count(const struct lf_formset *set);
const struct lf_form *lf_formset_at(const struct lf_formset *set, int i);

#endif
