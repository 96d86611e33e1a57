/* coverage: phase-2 gaps (include/lianfang/coverage.h). Read-only queries
 * across the power, flow_step, risk, post and selfcheck tables. */
#include "lianfang/coverage.h"
#include "lianfang/perm.h"
#include "lianfang/util.h"

#include <string.h>

/* The conditions of each gap, shared by counts and lists. */
#define POWER_GAP \
	"NOT EXISTS (SELECT 1 FROM flow_step f WHERE f.power = w.gid AND f.deleted = 0)"
#define STEP_GAP \
	"NOT EXISTS (SELECT 1 FROM risk r WHERE r.step = f.gid AND r.cycle = ?2 AND r.deleted = 0 AND r.retired = 0)"
#define POST_GAP \
	"NOT EXISTS (SELECT 1 FROM selfcheck s WHERE s.post = p.gid AND s.cycle = ?2 AND s.deleted = 0)"

#define POWERS_FROM \
	"FROM power w JOIN dept d ON d.gid = w.dept LEFT JOIN post p ON p.gid = w.post " \
	"WHERE w.owner = ?1 AND w.deleted = 0 AND w.retired = 0 AND (?3 IS NULL OR w.dept = ?3) " \
	"AND " LF_REACH_SQL("w.dept", "w.post") " "
#define STEPS_FROM \
	"FROM flow_step f JOIN power w ON w.gid = f.power JOIN dept d ON d.gid = w.dept " \
	"WHERE w.owner = ?1 AND f.deleted = 0 AND f.risky = 1 AND w.deleted = 0 AND w.retired = 0 " \
	"AND (?3 IS NULL OR w.dept = ?3) AND " LF_REACH_SQL("w.dept", "w.post") " "
#define POSTS_FROM \
	"FROM post p JOIN dept d ON d.gid = p.dept WHERE p.owner = ?1 AND p.deleted = 0 AND p.retired = 0 " \
	"AND (?3 IS NULL OR p.dept = ?3) AND " LF_REACH_SQL("p.dept", "p.gid") " "

static const char counts_sql[] =
	"SELECT (SELECT count(*) " POWERS_FROM "), (SELECT count(*) " POWERS_FROM "AND " POWER_GAP "), "
	"(SELECT count(*) " STEPS_FROM "), (SELECT count(*) " STEPS_FROM "AND " STEP_GAP "), "
	"(SELECT count(*) " POSTS_FROM "), (SELECT count(*) " POSTS_FROM "AND " POST_GAP ")";

#define POWER_ORDER "ifnull(d.seq, 0), d.name, d.id, ifnull(w.seq, 0), w.name, w.id"
#define STEP_ORDER "ifnull(d.seq, 0), d.name, d.id, ifnull(w.seq, 0), w.name, w.id, f.seq, f.id"
#define POST_ORDER "ifnull(d.seq, 0), d.name, d.id, ifnull(p.seq, 0), p.name, p.id"

static const char *const list_sql[] = {
	"SELECT w.id, w.gid, d.name, w.name, 0, p.name " POWERS_FROM "AND " POWER_GAP " AND (?4 = 0 OR (" POWER_ORDER
	") > (SELECT " POWER_ORDER " FROM power w JOIN dept d ON d.gid = w.dept WHERE w.id = ?4)) "
	"ORDER BY " POWER_ORDER " LIMIT ?5",
	"SELECT f.id, f.gid, d.name, w.name, f.seq, f.action " STEPS_FROM "AND " STEP_GAP " AND (?4 = 0 OR (" STEP_ORDER
	") > (SELECT " STEP_ORDER " FROM flow_step f JOIN power w ON w.gid = f.power JOIN dept d ON d.gid = w.dept "
	"WHERE f.id = ?4)) ORDER BY " STEP_ORDER " LIMIT ?5",
	"SELECT p.id, p.gid, d.name, p.name, 0, (SELECT group_concat(name, '、') FROM (SELECT x.name FROM person x "
	"WHERE x.post = p.gid AND x.deleted = 0 AND x.retired = 0 ORDER BY x.name)) " POSTS_FROM "AND " POST_GAP
	" AND (?4 = 0 OR (" POST_ORDER ") > (SELECT " POST_ORDER " FROM post p JOIN dept d ON d.gid = p.dept "
	"WHERE p.id = ?4)) ORDER BY " POST_ORDER " LIMIT ?5",
};


lf_status lf_coverage_get(struct lf_db *db, const char *cycle, const char *dept, struct lf_coverage *c)
{
	struct lf_perm_reach reach;
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	memset(c, 0, sizeof *c);
	if ((s = lf_perm_reach_in(db, LF_ACT_READ, dept, &reach)) || (s = lf_prepare(db, counts_sql, &st))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	lf_perm_reach_bind(st, &reach);
	lf_perm_reach_clear(&reach);
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 3, dept, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->powers = sqlite3_column_int(st, 0);
		c->powers_no_chart = sqlite3_column_int(st, 1);
		c->risky_steps = sqlite3_column_int(st, 2);
		c->steps_no_risk = sqlite3_column_int(st, 3);
		c->posts = sqlite3_column_int(st, 4);
		c->posts_no_form = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取覆盖情况失败");
}

static void gap_row(struct lf_gap_list *out, sqlite3_stmt *st)
{
	struct lf_gap_row *g = &out->v[out->n++];

	g->id = sqlite3_column_int64(st, 0);
	lf_col_gid(g->gid, st, 1);
	g->dept_name = lf_col_str(&out->arena, st, 2);
	g->name = lf_col_str(&out->arena, st, 3);
	g->seq = sqlite3_column_int(st, 4);
	g->detail = lf_col_str(&out->arena, st, 5);
}

lf_status lf_coverage_list(struct lf_db *db, enum lf_gap gap, const char *cycle, const char *dept,
                           struct lf_page *pg, struct lf_gap_list *out)
{
	struct lf_perm_reach reach;
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((unsigned)gap >= LF_COUNT(list_sql))
		return lf_fail(db, LF_INTERNAL, "程序错误：未知的覆盖检查。");
	if ((s = lf_perm_reach_in(db, LF_ACT_READ, dept, &reach)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, list_sql[gap], &st))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	lf_perm_reach_bind(st, &reach);
	lf_perm_reach_clear(&reach);
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 3, dept, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, after);
	sqlite3_bind_int(st, 5, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, gap_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_gap_list_free(struct lf_gap_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}
