/* selfcheck: the content a sign-off belongs to (include/lianfang/selfcheck.h). */
#include "lianfang/selfcheck.h"
#include "lianfang/hash.h"

static void hash_columns(struct lf_hasher *h, sqlite3_stmt *st)
{
	int i, n = sqlite3_column_count(st);

	for (i = 0; i < n; i++) {
		if (sqlite3_column_type(st, i) == SQLITE_NULL)
			lf_hash_str(h, "\x01null");
		else
			lf_hash_field(h, (const char *)sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
	}
}

lf_status lf_selfcheck_content_hash(struct lf_db *db, const char *gid, char out[65])
{
	static const char form_sql[] = "SELECT post, person, duties FROM selfcheck WHERE gid = ?1";
	static const char risk_sql[] =
		"SELECT r.gid, r.seq, r.description, r.category, r.source, r.found_by, r.probability, "
		"r.severity, r.remarks, m.gid, m.seq, m.stage, m.content, m.rule "
		"FROM risk r LEFT JOIN measure m ON m.risk = r.gid AND m.deleted = 0 "
		"WHERE r.selfcheck = ?1 AND r.deleted = 0 "
		"ORDER BY r.seq, r.gid, m.seq, m.gid";
	struct lf_hasher h;
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	lf_hash_init(&h, "lianfang-selfcheck-content-1");
	if ((s = lf_prepare(db, form_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		hash_columns(&h, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? lf_fail(db, LF_NOTFOUND, "没有这张自查表（%.12s）。", gid)
		                         : lf_sqlfail(db, rc, "读取自查表失败");
	if ((s = lf_prepare(db, risk_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		hash_columns(&h, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "读取风险点失败");
	lf_hash_final(&h, out);
	return LF_OK;
}
