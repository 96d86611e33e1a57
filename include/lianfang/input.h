/* input: text typed by a user (a form field, a command-line option) turned
 * into a record field, with a Chinese message naming the field when it does
 * not fit. Every model "add" and "edit" takes its values as text this way, so
 * the screens and the command line share one set of checks. */
#ifndef LIANFANG_INPUT_H
#define LIANFANG_INPUT_H

#include "lianfang/rec.h"

/* Set `field` of r from text: NULL leaves the field as it is; "" (after
 * trimming spaces) clears it, which a required field refuses; integers must be
 * whole numbers in range; dates may be written 2026-04-01, 2026/4/1,
 * 2026年4月1日 …; yes/no fields take 是/否, 1/0, yes/no. */
lf_status lf_input_set(struct lf_db *db, struct lf_rec *r, const char *field, const char *text);

/* lf_input_set for pairs of field name and text, ending with a NULL name:
 *   lf_input_setv(db, r, "name", in->name, "seq", in->seq, (char *)NULL); */
lf_status lf_input_setv(struct lf_db *db, struct lf_rec *r, ...);

/* Parse a whole number for a named field (label used in the message). */
lf_status lf_input_int(struct lf_db *db, const char *label, const char *text, long long lo, long long hi,
                       long long *out);
/* Parse a date for a named field into ISO form. */
lf_status lf_input_date(struct lf_db *db, const char *label, const char *text, char out[11]);

/* Trim ASCII and ideographic spaces from both ends into a new string. */
char *lf_input_trim(const char *s);

/* iso + days, ISO form. */
void lf_date_add(const char *iso, int days, char out[11]);

#endif
