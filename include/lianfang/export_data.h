/* export_data: what the official tables show, read through the model. A
 * data source (the 数据： of a table form) gives rows of named text columns,
 * one row at a time — read from the model a page at a time, never all
 * loaded — grouped into documents (one summary table, or one self-check form
 * per person), each with the values its header and footer lines ask for
 * ({unit}, {date}, {opinion.纪检组} …).
 *
 * What a source shows is what the model lets the acting user read: the
 * whole unit, the departments their role covers, or their own post — the
 * same part, with the same note, as the lists (summary.h, selfcheck.h,
 * power.h); nobody signed in reads nothing. Level names are the unit's
 * grading scheme's (grade.h). The writers in export.c only see this
 * interface. */
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
 * for an unknown source, unit, department, person or cycle, and with
 * LF_DENIED when the user may read none of what the filter asks for. */
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
/* What part of the filter's records the user may read, in words
 * ("登记注册科、本人岗位（受理审查岗）"), or NULL when all of them. */
const char *lf_xsrc_note(const struct lf_xsrc *s);
/* For a progress bar: how many records it will read in all (0 when not
 * known in advance), and so far. */
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

#endif
