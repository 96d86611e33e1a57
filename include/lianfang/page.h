/* page: what the model's list functions share — keyset pages ("after this
 * key, at most N rows"), an arena holding the strings of the rows they return,
 * and lists of text lines (flow charts, heat maps) the CLI prints and a screen
 * can draw. A list never loads more than one page of rows. */
#ifndef LIANFANG_PAGE_H
#define LIANFANG_PAGE_H

#include <stddef.h>
#include "lianfang/store.h"

#define LF_KEY_MAX 96
#define LF_PAGE_MAX 1000 /* the most rows one page may hold */

/* A keyset page. Keys are opaque, short strings made of local row numbers:
 * valid for this database file, never sent anywhere. To go back a page, keep
 * the `after` of the pages already seen. */
struct lf_page {
	char after[LF_KEY_MAX]; /* in: continue after this key; "" = from the start */
	int limit;              /* in: at most this many rows (1 … LF_PAGE_MAX) */
	char next[LF_KEY_MAX];  /* out: the key to pass for the next page; "" = no more */
};

void lf_page_init(struct lf_page *pg, int limit);
/* Move to the next page: after = next. Returns 0 when there is none. */
int lf_page_advance(struct lf_page *pg);

/* Parse a key of up to n local row numbers "12.34.5"; missing parts are 0.
 * "" gives all zeros. Returns LF_INVALID with a message on a malformed key. */
lf_status lf_key_parse(struct lf_db *db, const char *key, long long *parts, int n);
/* Write a key of n numbers. */
void lf_key_make(char out[LF_KEY_MAX], const long long *parts, int n);
/* The limit to query: pg->limit clamped to 1 … LF_PAGE_MAX. */
int lf_page_limit(const struct lf_page *pg);

/* An arena: many small allocations freed at once. Zero-initialise it. */
struct lf_arena_block;
struct lf_arena {
	struct lf_arena_block *head;
};

void *lf_arena_alloc(struct lf_arena *a, size_t n);          /* zeroed */
char *lf_arena_strdup(struct lf_arena *a, const char *s);    /* NULL stays NULL */
char *lf_arena_strndup(struct lf_arena *a, const char *s, size_t n); /* at most n bytes */
void lf_arena_free(struct lf_arena *a);

/* Lines of text, each with what a screen needs to colour or select it. */
struct lf_line {
	const char *text;  /* UTF-8, no newline */
	int item;          /* the item the line belongs to (a flow step's seq, a cell), 0 = none */
	int mark;          /* 1: a risk line (risk step, high level …), for colour or bold */
};

struct lf_lines {
	struct lf_line *v;
	int n, cap;
	struct lf_arena arena;
};

void lf_lines_add(struct lf_lines *l, int item, int mark, const char *text);
void lf_lines_addf(struct lf_lines *l, int item, int mark, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void lf_lines_free(struct lf_lines *l);

/* Reading result rows into list structs (model modules). */
const char *lf_col_str(struct lf_arena *a, sqlite3_stmt *st, int col); /* NULL stays NULL */
void lf_col_gid(char out[LF_GID_LEN + 1], sqlite3_stmt *st, int col); /* "" when NULL */

/* Step `st` filling out->v (allocated in out->arena) with `row(out, st)`
 * for each row, up to `limit`; the query asks for limit + 1 rows so that one
 * more means a next page, whose key is the last row's `idfield`. Sets the
 * status variable `s` on an SQLite error. */
#define LF_PAGE_LOOP(db, s, st, out, limit, pg, row, idfield)                               \
	do {                                                                                    \
		int rc_;                                                                            \
		(out)->v = lf_arena_alloc(&(out)->arena, (size_t)((limit) + 1) * sizeof *(out)->v); \
		while ((rc_ = sqlite3_step(st)) == SQLITE_ROW) {                                    \
			if ((out)->n == (limit)) {                                                      \
				long long k_ = (out)->v[(out)->n - 1].idfield;                              \
				lf_key_make((pg)->next, &k_, 1);                                            \
				break;                                                                      \
			}                                                                               \
			row(out, st);                                                                   \
		}                                                                                   \
		if (rc_ != SQLITE_ROW && rc_ != SQLITE_DONE)                                        \
			(s) = lf_sqlfail(db, rc_, "读取列表失败");                                      \
	} while (0)

/* Display width of UTF-8 text in terminal columns (CJK wide = 2). */
int lf_text_width(const char *s);
/* The longest prefix of s, in bytes, that fits in `cols` columns. */
size_t lf_text_fit(const char *s, int cols);

#endif
