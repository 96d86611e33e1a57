/* query: small one-off queries of the model modules (include/lianfang/query.h). */
#include "lianfang/query.h"
#include "lianfang/page.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

lf_status lf_query_int(struct lf_db *db, const char *sql, const char *a, const char *b, const char *c, int *out)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	*out = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取记录失败");
}

lf_status lf_query_next_seq(struct lf_db *db, const char *sql, const char *a, const char *b, int *seq)
{
	lf_status s = lf_query_int(db, sql, a, b, NULL, seq);

	*seq = s ? 1 : *seq >= 9999 ? 9999 : *seq + 1;
	return s;
}

lf_status lf_query_default_seq(struct lf_db *db, struct lf_rec *r, const char *sql, const char *arg)
{
	int seq;
	lf_status s;

	if (!lf_rec_is_null(r, "seq"))
		return LF_OK;
	if ((s = lf_query_next_seq(db, sql, arg, NULL, &seq)) == LF_OK)
		lf_rec_set_int(r, "seq", seq);
	return s;
}

lf_status lf_query_gids(struct lf_db *db, const char *sql, const char *arg, const char *what,
                        char (**out)[LF_GID_LEN + 1], int *n)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc, cap = 16;

	*n = 0;
	*out = NULL;
	if (s)
		return s;
	*out = lf_alloc((size_t)cap * sizeof **out);
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*out = lf_realloc(*out, (size_t)cap * sizeof **out);
		}
		lf_col_gid((*out)[(*n)++], st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, what);
}
