/* csv: RFC 4180 — writing a field, and reading records from a stream of
 * UTF-8 text one at a time in bounded memory. A reader never trusts its
 * input: fields, records and the number of fields have limits; quoting that
 * is broken is reported with the line and column where it happened; the
 * record is still returned (flagged) so that every bad row can be listed. */
#ifndef LIANFANG_CSV_H
#define LIANFANG_CSV_H

#include <stddef.h>
#include "lianfang/util.h"

/* Append s as one field: quoted (with "" for ") when it holds a comma, a
 * quote, a line break or leading/trailing blanks; as it is otherwise. */
void lf_csv_field(struct lf_buf *b, const char *s);

/* ------------------------------------------------------------------ reading */

#define LF_CSV_MAX_FIELD  (256 * 1024)   /* bytes in one field */
#define LF_CSV_MAX_RECORD (1024 * 1024)  /* bytes in one record */
#define LF_CSV_MAX_FIELDS 256            /* fields in one record */

/* Fills buf with up to cap bytes; 0 at the end, -1 on error. */
typedef long (*lf_csv_read_fn)(void *ctx, char *buf, size_t cap);

struct lf_csv;

struct lf_csv *lf_csv_new(lf_csv_read_fn read, void *ctx);
void lf_csv_free(struct lf_csv *c);

enum { LF_CSV_END = 0, LF_CSV_RECORD = 1, LF_CSV_FATAL = -1, LF_CSV_READ_ERROR = -2 };

/* The next record. LF_CSV_RECORD: fields are available, and lf_csv_problem
 * says whether something was wrong with it. LF_CSV_FATAL: the rest of the
 * file cannot be read as CSV (a quote never closed); lf_csv_problem says why.
 * LF_CSV_READ_ERROR: the read function failed. */
int lf_csv_next(struct lf_csv *c);
int lf_csv_count(const struct lf_csv *c);
/* Field i of the current record ("" beyond the last). */
const char *lf_csv_get(const struct lf_csv *c, int i);
/* The line the current record starts on, 1-based. */
long lf_csv_line(const struct lf_csv *c);
/* What was wrong with the current record, or NULL; the column (1-based) it
 * concerns is in *col when col is not NULL (0: the whole record). */
const char *lf_csv_problem(const struct lf_csv *c, int *col);

#endif
