/* reclist: a kind's records one page at a time, for the screens' lists and
 * pickers. Pages are keyset queries on (sort field, local row id): "the n
 * rows after this row" costs the same at row ten and at row a million, and
 * no list ever loads every row. Also the name that stands for a record
 * (lf_record_label) in lists, pickers and reference fields. No curses.
 *
 * A list is in the order of its sort field when an index leads with
 * (owner, field) — person(owner, name) — and in entry order (sort NULL)
 * otherwise; sorting a big table without such an index works, but each page
 * then costs a scan. Lists show the records this unit owns, live ones only,
 * to a user who may read the whole unit (perm.h READ). */
#ifndef LIANFANG_RECLIST_H
#define LIANFANG_RECLIST_H

#include "lianfang/rec.h"

#define LF_LIST_COLS 8

struct lf_listrow {
	long long id;                 /* local row id: the tie-breaker of the key */
	char gid[LF_GID_LEN + 1];
	char *sort;                   /* the sort field's value, as text ("" in entry order) */
	char *cell[LF_LIST_COLS];     /* each column as shown: references by label, 是 for true */
	int retired;                  /* the kind has a `retired` field and it is set */
};

void lf_listrow_clear(struct lf_listrow *r);
void lf_listrow_copy(struct lf_listrow *dst, const struct lf_listrow *src);

struct lf_reclist;

/* A list of kind k showing the given fields as columns (at most
 * LF_LIST_COLS), ordered by `sort` (a required field, or NULL: entry order). */
lf_status lf_reclist_open(struct lf_db *db, const struct lf_kind *k, const char *sort,
                          const char *const *cols, int ncols, struct lf_reclist **out);
/* A list of only the rows whose `field` equals `value`, as lf_reclist_open
 * and lf_reclist_filter, read with the right to that much: a list of one
 * department's records (field "dept") needs the right to read that
 * department, of one post's ("post") that post — a department head lists
 * their department's powers. */
lf_status lf_reclist_open_in(struct lf_db *db, const struct lf_kind *k, const char *sort, const char *const *cols,
                             int ncols, const char *field, const char *value, struct lf_reclist **out);
/* Only rows whose `field` equals `value` (a gid for references); call before
 * the first page. One filter per list. */
lf_status lf_reclist_filter(struct lf_reclist *l, const char *field, const char *value);
void lf_reclist_free(struct lf_reclist *l);
const struct lf_kind *lf_reclist_kind(const struct lf_reclist *l);

/* Up to n rows strictly after `from` (dir > 0) or before it (dir < 0); from
 * NULL means from the start (dir > 0) or from the end (dir < 0). The rows
 * come in list order either way. */
lf_status lf_reclist_page(struct lf_reclist *l, const struct lf_listrow *from, int dir, int n,
                          struct lf_listrow *out, int *got);
/* The nearest row after (dir > 0) or before `from` (exclusive; NULL: from the
 * start or end) with a column containing q. *found is 0 if none. */
lf_status lf_reclist_find(struct lf_reclist *l, const struct lf_listrow *from, int dir, const char *q,
                          struct lf_listrow *out, int *found);
/* The row of one record (to keep a just-saved record selected). */
lf_status lf_reclist_get(struct lf_reclist *l, const char *gid, struct lf_listrow *out);
/* How many rows the list has, counting no further than cap + 1: *n > cap
 * means "more than cap" (counting a million rows would take a second). */
lf_status lf_reclist_count(struct lf_reclist *l, long long cap, long long *n);

/* The field whose value names a record of kind k (name, year, title, …). */
const char *lf_kind_label_field(const struct lf_kind *k);
/* The name of one record, e.g. a person's name, for showing a reference
 * (a record named by another, as a self-check by its person: that one's
 * name); NULL if there is no such record. Caller frees. */
char *lf_record_label(struct lf_db *db, const struct lf_kind *k, const char *gid);

#endif
