/* overview: the unit, current cycle and counts for the title line and home
 * screen (see overview.h). */
#include "lianfang/overview.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <string.h>

const char *lf_phase_label(int phase)
{
	static const char *const labels[] = { "", "动员部署", "查找风险", "防范监督", "检查考核" };

	return phase >= 1 && phase <= 4 ? labels[phase] : "";
}

/* The phase by the dates: the last one whose start is today or earlier. */
static int phase_by_date(sqlite3_stmt *st, const char *today)
{
	int p, phase = 0;

	for (p = 1; p <= 4; p++) {
		const char *start = (const char *)sqlite3_column_text(st, 3 + (p - 1) * 2);

		if (start && strcmp(start, today) <= 0)
			phase = p;
	}
	return phase ? phase : 1;
}

lf_status lf_overview_load(struct lf_db *db, struct lf_overview *o)
{
	static const char sql[] =
		"SELECT gid, year, phase, p1_start, p1_end, p2_start, p2_end, p3_start, p3_end, p4_start, p4_end "
		"FROM cycle WHERE owner = ?1 AND deleted = 0 ORDER BY closed, year DESC LIMIT 1";
	struct lf_unit u;
	sqlite3_stmt *st;
	char today[11];
	lf_status s;
	int rc;

	memset(o, 0, sizeof *o);
	snprintf(o->unit_code, sizeof o->unit_code, "%s", db->unit);
	if (lf_unit_get(db, db->unit, &u) == LF_OK) {
		o->unit_name = lf_strdup(u.name);
		lf_unit_clear(&u);
	} else {
		o->unit_name = lf_strdup(db->unit);
	}
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(o->cycle, sizeof o->cycle, "%s", (const char *)sqlite3_column_text(st, 0));
		o->year = sqlite3_column_int(st, 1);
		lf_today(today);
		o->phase = sqlite3_column_type(st, 2) != SQLITE_NULL ? sqlite3_column_int(st, 2)
		                                                      : phase_by_date(st, today);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取年度失败");
}

void lf_overview_clear(struct lf_overview *o)
{
	lf_free(o->unit_name);
	memset(o, 0, sizeof *o);
}

lf_status lf_overview_count(struct lf_db *db, const struct lf_kind *k, long long *n)
{
	char *sql = lf_printf("SELECT count(*) FROM \"%s\" WHERE owner = ?1 AND deleted = 0", k->name);
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	lf_free(sql);
	*n = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "统计记录失败");
}
