/* lookup: records by id prefix or name (include/lianfang/lookup.h).
 * The kind's table and name column come from the fixed kind table below —
 * identifiers only; what the user typed is always a bound parameter. */
#include "lianfang/lookup.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

/* Kinds that can be found by name, and the name column. */
static const struct {
	const char *kind, *name;
} named[] = {
	{ "dept", "name" }, { "post", "name" }, { "person", "name" }, { "power", "name" },
};

static const char *name_column(const char *kind)
{
	size_t i;

	for (i = 0; i < LF_COUNT(named); i++)
		if (!strcmp(named[i].kind, kind))
			return named[i].name;
	return NULL;
}

int lf_lookup_is_id(const char *text)
{
	size_t n = strlen(text);

	return n >= 4 && n <= LF_GID_LEN && strspn(text, "0123456789abcdef") == n;
}

static lf_status run_lookup(struct lf_db *db, const struct lf_kind *k, const char *sql, const char *text,
                            const char *prefix_end, const char *within, char out[LF_GID_LEN + 1], int *found)
{
	sqlite3_stmt *st;
	struct lf_buf cands;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	*found = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	if (prefix_end)
		sqlite3_bind_text(st, 3, prefix_end, -1, SQLITE_STATIC);
	if (within)
		sqlite3_bind_text(st, 4, within, -1, SQLITE_STATIC);
	lf_buf_init(&cands);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *gid = (const char *)sqlite3_column_text(st, 0);
		const char *label = (const char *)sqlite3_column_text(st, 1);

		if (*found == 0)
			snprintf(out, LF_GID_LEN + 1, "%s", gid);
		if (*found < 6)
			lf_buf_addf(&cands, "%s%.8s %s", *found ? "；" : "", gid, label ? label : "");
		(*found)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "查找记录失败");
	else if (*found > 1)
		s = lf_fail(db, LF_INVALID, "“%s”对应 %d 条%s：%s%s。请用编号指明是哪一条。", text, *found, k->label,
		            cands.s, *found > 6 ? "……" : "");
	lf_buf_free(&cands);
	return s;
}

lf_status lf_lookup(struct lf_db *db, const char *kind, const char *text, const char *within_field,
                    const char *within, char out[LF_GID_LEN + 1])
{
	const struct lf_kind *k = lf_kind_find(kind);
	const char *name = k ? name_column(kind) : NULL;
	struct lf_buf sql;
	lf_status s = LF_OK;
	int found = 0;

	out[0] = 0;
	if (!k)
		return lf_fail(db, LF_INTERNAL, "程序错误：没有记录类型 %s。", kind);
	if (!text || !*text)
		return lf_fail(db, LF_INVALID, "没有给出要找的%s。", k->label);
	if (within_field && lf_field_index(k, within_field) < 0)
		return lf_fail(db, LF_INTERNAL, "程序错误：%s没有字段 %s。", kind, within_field);
	lf_buf_init(&sql);
	if (lf_lookup_is_id(text)) {
		char end[LF_GID_LEN + 2];

		snprintf(end, sizeof end, "%sg", text); /* 'g' sorts after every hex digit */
		lf_buf_addf(&sql, "SELECT gid, %s%s%s FROM \"%s\" WHERE owner = ?1 AND deleted = 0 AND gid >= ?2 AND gid < ?3",
		            name ? "\"" : "", name ? name : "''", name ? "\"" : "", kind);
		if (within_field)
			lf_buf_addf(&sql, " AND \"%s\" = ?4", within_field);
		lf_buf_adds(&sql, " ORDER BY gid LIMIT 7");
		s = run_lookup(db, k, sql.s, text, end, within, out, &found);
	}
	/* By name: those in use first; only when none is in use, retired ones
	 * (a new 王静 on the post is meant, not the one who left). */
	if (s == LF_OK && !found && name) {
		int retired;

		for (retired = 0; retired <= 1 && s == LF_OK && !found; retired++) {
			lf_buf_reset(&sql);
			lf_buf_addf(&sql, "SELECT gid, \"%s\" FROM \"%s\" WHERE owner = ?1 AND deleted = 0 AND \"%s\" = ?2",
			            name, kind, name);
			lf_buf_adds(&sql, retired ? " AND retired = 1" : " AND retired = 0");
			if (within_field)
				lf_buf_addf(&sql, " AND \"%s\" = ?4", within_field);
			lf_buf_adds(&sql, " ORDER BY id LIMIT 7");
			s = run_lookup(db, k, sql.s, text, NULL, within, out, &found);
		}
	}
	lf_buf_free(&sql);
	if (s == LF_OK && !found)
		s = lf_fail(db, LF_NOTFOUND, "找不到%s“%s”。", k->label, text);
	if (s)
		out[0] = 0;
	return s;
}
