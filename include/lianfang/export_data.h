/* export_data: what the official tables show, read from the database. A
 * data source (the 数据： of a table form) gives rows of named text columns,
 * one row at a time — never all loaded — grouped into documents (one
 * summary table, or one self-check form per person), each with the values
 * its header and footer lines ask for ({unit}, {date}, {opinion.纪检组} …).
 *
 * This module owns the export queries until the phase-2 model offers them
 * (src/summary.c and friends); the writers in export.c only see this
 * interface, so switching the queries does not touch them. */
#ifndef LIANFANG_EXPORT_DATA_H
#define LIANFANG_EXPORT_DATA_H

#include "lianfang/store.h"

/* Which records a table shows. NULL / 0 members mean "all" or "the default". */
struct lf_xfilter {
	const char *unit;   /* the owning unit's code; NULL: this database's unit */
	const char *dept;   /* a department's name; NULL: every department */
	const char *person; /* a person's name; NULL: everyone */
	int year;           /* the cycle; 0: the unit's latest cycle */
};

enum lf_xev {
	LF_XEV_END,  /* no more */
	LF_XEV_DOC,  /* a new document starts: its context values changed */
	LF_XEV_ROW,  /* a row of the current document */
};

struct lf_xsrc;

/* The data sources, NULL-terminated: summary, selfcheck, register_unit,
 * register_dept, register_person, powers, risks. */
extern const char *const lf_xsrc_names[];

/* Open a data source with a filter. Fails (with a Chinese message in db->err)
 * for an unknown source, unit, department, person or cycle. */
lf_status lf_xsrc_open(struct lf_db *db, const char *name, const struct lf_xfilter *f,
                       struct lf_xsrc **out);
void lf_xsrc_close(struct lf_xsrc *s);

/* Index of a column by name, or -1. */
int lf_xsrc_column(const struct lf_xsrc *s, const char *name);
/* Its columns, comma-separated, for messages. */
const char *lf_xsrc_columns(const struct lf_xsrc *s);
/* True when the filter chose one department (tables then leave out the
 * columns marked 隐藏：按处室). */
int lf_xsrc_per_dept(const struct lf_xsrc *s);
/* For a progress bar: how many records it will read in all, and so far. */
long lf_xsrc_total(const struct lf_xsrc *s);
long lf_xsrc_done(const struct lf_xsrc *s);

/* Advance. The first event is LF_XEV_DOC, unless there is nothing to show. */
lf_status lf_xsrc_next(struct lf_xsrc *s, enum lf_xev *ev);
/* A cell of the current row ("" for none). */
const char *lf_xsrc_cell(const struct lf_xsrc *s, int col);
/* The value of a {placeholder} in the current document: "" when it has
 * none, NULL when the source does not know that name at all. */
const char *lf_xsrc_value(struct lf_xsrc *s, const char *key);
/* A short name for the current document (a spreadsheet tab): the person or
 * the department, or "" for a single table. */
const char *lf_xsrc_doc_name(const struct lf_xsrc *s);

/* ------------------------------------------------------------------ levels */

/* Risk levels are stored as 1 (low) … 3 (high). Their names are the unit's
 * own: setting "grade.level_names" = "低|中|高" (lowest first), else 低/中/高.
 * lf_level_name gives "" for 0 (no level). */
const char *lf_level_name(struct lf_db *db, const char *unit, int level);
/* The ordinal for a name the unit uses (or 1–3 written as digits); 0 if none. */
int lf_level_parse(struct lf_db *db, const char *unit, const char *name);
/* "高、中、低" — the names, for messages. */
const char *lf_level_names(struct lf_db *db, const char *unit);

/* The names loaded once, for callers that name many levels (an import). */
struct lf_levels {
	char name[4][64]; /* [0] is "" */
};
void lf_levels_load(struct lf_db *db, const char *unit, struct lf_levels *ln);
int lf_levels_parse(const struct lf_levels *ln, const char *name);

#endif
