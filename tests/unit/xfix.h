/* xfix: helpers for the exchange tests — units in the test directory,
 * records put through the record layer, dumps as sorted lines, checksums. */
#ifndef LIANFANG_TEST_XFIX_H
#define LIANFANG_TEST_XFIX_H

#include "lianfang/exchange.h"

/* A new unit database t_dir()/file, ids seeded by `seed`. */
struct lf_db *fx_unit(const char *file, const char *code, const char *name, const char *parent, unsigned seed);
/* A demo county (lf_demo_fill with seed). */
struct lf_db *fx_demo(const char *file, const char *code, const char *name, const char *parent, unsigned seed);
/* Put a record of kind with "field", "value", … NULL (NULL value = null);
 * returns its status; the gid goes to gid_out (may be NULL), the new rid to
 * rid_out (may be NULL). When gid_in is given, revises that record. */
lf_status fx_put(struct lf_db *db, const char *kind, const char *gid_in, char gid_out[33], char rid_out[65], ...);
/* The first column of the first row of sql (text), into out; 0 if none. */
int fx_text(struct lf_db *db, const char *sql, const char *arg, char *out, size_t n);
long long fx_count(struct lf_db *db, const char *sql, const char *arg);
/* lf_dump into a string. */
char *fx_dump(struct lf_db *db);
/* Every line of a is a line of b. Reports the first that is not. */
int fx_lines_subset(const char *a, const char *b, const char *what);
/* BLAKE2b of a file's bytes. */
void fx_file_hash(const char *path, char out[65]);
/* Problems lf_rec_check, lf_audit_verify and integrity_check find. */
long fx_problems(struct lf_db *db);
/* Pack and merge with the result freed; *added (may be NULL) gets the count. */
lf_status fx_pack_up(struct lf_db *db, const char *file);
lf_status fx_pack_down(struct lf_db *db, const char *child, const char *file);
lf_status fx_merge(struct lf_db *db, const char *file, long long *added);
/* Equal strings (NULL equals nothing); for arrays, where T_EQ_STR warns. */
int fx_same(const char *a, const char *b);
const char *fx_or_null(const char *s);
#define T_SAME(a, b, what) \
	T_OK(fx_same((a), (b)), "%s: got \"%.100s\", want \"%.100s\"", what, fx_or_null(a), fx_or_null(b))
/* T_EQ_INT evaluating its arguments once (they often pack or merge). */
#define T_IS(expr, want, what)                                                               \
	do {                                                                                     \
		long long got_ = (long long)(expr), want_ = (long long)(want);                       \
		T_OK(got_ == want_, "%s: got %lld, want %lld", what, got_, want_);                   \
	} while (0)
/* Copy a file. */
int fx_copy(const char *from, const char *to);

#endif
