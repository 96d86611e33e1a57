/* query: running the model modules' small one-off queries — one number (a
 * count, a maximum), the next position in a list, a column of ids. The SQL
 * stays a static string in the module that owns the table; these bind its
 * text parameters and step it. */
#ifndef LIANFANG_QUERY_H
#define LIANFANG_QUERY_H

#include "lianfang/store.h"

/* The integer in the first column of the first row of `sql`, whose text
 * parameters ?1, ?2, ?3 are a, b, c (NULL binds NULL); 0 when there is no
 * row. A failure of SQLite says so. */
lf_status lf_query_int(struct lf_db *db, const char *sql, const char *a, const char *b, const char *c, int *out);

/* The position after the highest one: `sql` gives the highest seq so far
 * ("SELECT ifnull(max(seq), 0) FROM … WHERE x = ?1"), *seq is one more,
 * at most 9999. */
lf_status lf_query_next_seq(struct lf_db *db, const char *sql, const char *a, const char *b, int *seq);
/* When record r has no "seq" yet, give it the next one (sql with ?1 = arg). */
struct lf_rec;
lf_status lf_query_default_seq(struct lf_db *db, struct lf_rec *r, const char *sql, const char *arg);

/* The gids in the first column of `sql` for its text parameter ?1 = arg, all
 * read before the caller writes anything. *out (lf_free it, also on failure)
 * holds *n of them; `what` names them in a failure ("读取防控措施失败"). */
lf_status lf_query_gids(struct lf_db *db, const char *sql, const char *arg, const char *what,
                        char (**out)[LF_GID_LEN + 1], int *n);

#endif
