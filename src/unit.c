/* unit: the unit records (see include/lianfang/unit.h). */
#include "lianfang/unit.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

lf_status lf_unit_put(struct lf_db *db, const char *code, const char *name, const char *parent)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("unit"));
	lf_status st;

	if (strcmp(code, db->unit)) {
		lf_rec_free(r);
		return lf_fail(db, LF_DENIED, "只能修改本单位（%s）的信息。", db->unit);
	}
	lf_rec_set_text(r, "code", code);
	lf_rec_set_text(r, "name", name);
	lf_rec_set_text(r, "parent", parent && *parent ? parent : NULL);
	st = lf_rec_put(db, r);
	lf_rec_free(r);
	return st;
}

lf_status lf_unit_get(struct lf_db *db, const char *code, struct lf_unit *u)
{
	static const char sql[] = "SELECT name, parent FROM unit WHERE code = ?1 AND deleted = 0";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	memset(u, 0, sizeof *u);
	if (s)
		return s;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(u->code, sizeof u->code, "%s", code);
		u->name = lf_strdup((const char *)sqlite3_column_text(st, 0));
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(u->parent, sizeof u->parent, "%s", (const char *)sqlite3_column_text(st, 1));
	} else if (rc == SQLITE_DONE) {
		s = lf_fail(db, LF_NOTFOUND, "没有代码为 %s 的单位。", code);
	} else {
		s = lf_sqlfail(db, rc, "读取单位失败");
	}
	sqlite3_finalize(st);
	return s;
}

void lf_unit_clear(struct lf_unit *u)
{
	lf_free(u->name);
	memset(u, 0, sizeof *u);
}

lf_status lf_unit_each(struct lf_db *db, int (*fn)(void *ctx, const char *code, const char *parent, int deleted),
                       void *ctx)
{
	static const char sql[] = "SELECT code, coalesce(parent, ''), deleted FROM unit ORDER BY code";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		       sqlite3_column_int(st, 2)))
			break;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取单位失败");
}

int lf_unit_is_within(struct lf_db *db, const char *code, const char *ancestor)
{
	/* Walk up from code through the parents known here; the depth bound stops
	 * a cycle that hostile unit records could build. */
	static const char sql[] =
		"WITH RECURSIVE up(code, depth) AS (SELECT ?1, 0 UNION "
		"SELECT u.parent, up.depth + 1 FROM unit u JOIN up ON u.code = up.code "
		"WHERE u.parent IS NOT NULL AND up.depth < 16) "
		"SELECT 1 FROM up WHERE code = ?2 LIMIT 1";
	sqlite3_stmt *st;
	int found;

	if (!strcmp(code, ancestor))
		return 1;
	if (lf_prepare(db, sql, &st))
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ancestor, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}
