/* overview: the unit, current cycle and counts for the title line and home
 * screen (see overview.h). The cycle and its phase come from the cycle model. */
#include "lianfang/overview.h"
#include "lianfang/cycle.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <string.h>

const char *lf_phase_label(int phase)
{
	static const char *const labels[] = { "尚未开始", "动员部署", "查找风险", "防范监督", "检查考核", "本年度已结束" };

	return phase >= 0 && phase <= 5 ? labels[phase] : "";
}

lf_status lf_overview_load(struct lf_db *db, struct lf_overview *o)
{
	struct lf_cycle_list cl;
	struct lf_unit u;
	char today[11];
	lf_status s;

	memset(o, 0, sizeof *o);
	snprintf(o->unit_code, sizeof o->unit_code, "%s", db->unit);
	if (lf_unit_get(db, db->unit, &u) == LF_OK) {
		o->unit_name = lf_strdup(u.name);
		lf_unit_clear(&u);
	} else {
		o->unit_name = lf_strdup(db->unit);
	}
	memset(&cl, 0, sizeof cl);
	s = lf_cycle_current(db, &cl);
	if (s == LF_OK && cl.n > 0) {
		snprintf(o->cycle, sizeof o->cycle, "%s", cl.v[0].gid);
		o->year = cl.v[0].year;
		lf_today(today);
		o->phase = lf_cycle_phase(&cl.v[0], today);
	}
	lf_cycle_list_free(&cl);
	o->cycle_denied = s == LF_DENIED;
	return s == LF_NOTFOUND || s == LF_DENIED ? LF_OK : s;
}

void lf_overview_clear(struct lf_overview *o)
{
	lf_free(o->unit_name);
	memset(o, 0, sizeof *o);
}

lf_status lf_overview_count(struct lf_db *db, const struct lf_kind *k, long long cap, long long *n)
{
	char *sql = lf_printf("SELECT count(*) FROM (SELECT 1 FROM \"%s\" WHERE owner = ?1 AND deleted = 0 LIMIT ?2)",
	                      k->name);
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	lf_free(sql);
	*n = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, cap + 1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "统计记录失败");
}
