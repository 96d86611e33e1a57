/* progress: per-department counts for the home screen
 * (include/lianfang/progress.h). Read-only aggregates. */
#include "lianfang/progress.h"
#include "lianfang/perm.h"
#include "lianfang/util.h"

#include <string.h>

/* ?1 unit, ?2 cycle, ?3 dept, ?4 today, ?5 the one post of the department
 * the user reaches (NULL: all of it). A department's counts start from its
 * posts (CROSS JOIN fixes the order), so they cost what the department holds,
 * not what the whole cycle holds; the unit's go through the cycle's index.
 * Who reaches less than the unit gets the total of what they reach. */
#define FORM_COUNTS \
	"count(s.id), ifnull(sum(s.status = 'draft'), 0), " \
	"ifnull(sum(s.status IN ('submitted', 'head_signed', 'leader_signed')), 0), " \
	"ifnull(sum(s.status = 'returned'), 0), ifnull(sum(s.status = 'accepted'), 0), " \
	"ifnull(sum(s.status = 'returned' AND s.rework_due < ?4), 0) "
#define RISK_COUNTS \
	"count(r.id), ifnull(sum(r.level IS NULL), 0), ifnull(sum(r.level = 1), 0), ifnull(sum(r.level = 2), 0), " \
	"ifnull(sum(r.level = 3), 0) "

static const char dept_forms_sql[] =
	"SELECT (SELECT count(*) FROM post p WHERE p.dept = ?3 AND p.deleted = 0 AND p.retired = 0 "
	"AND (?5 IS NULL OR p.gid = ?5)), " FORM_COUNTS
	"FROM post p CROSS JOIN selfcheck s ON s.post = p.gid WHERE p.dept = ?3 AND (?5 IS NULL OR p.gid = ?5) "
	"AND s.cycle = ?2 AND s.deleted = 0";
static const char unit_forms_sql[] =
	"SELECT (SELECT count(*) FROM post p WHERE p.owner = ?1 AND p.deleted = 0 AND p.retired = 0), " FORM_COUNTS
	"FROM selfcheck s WHERE s.cycle = ?2 AND s.deleted = 0";
static const char dept_risks_sql[] =
	"SELECT " RISK_COUNTS "FROM post p CROSS JOIN risk r ON r.post = p.gid WHERE p.dept = ?3 "
	"AND (?5 IS NULL OR p.gid = ?5) AND r.cycle = ?2 AND r.deleted = 0 AND r.retired = 0";
static const char unit_risks_sql[] =
	"SELECT " RISK_COUNTS "FROM risk r WHERE r.cycle = ?2 AND r.deleted = 0 AND r.retired = 0 AND r.post IS NOT NULL";
static const char reach_forms_sql[] =
	"SELECT (SELECT count(*) FROM post p WHERE p.owner = ?1 AND p.deleted = 0 AND p.retired = 0 AND "
	LF_REACH_SQL("p.dept", "p.gid") "), " FORM_COUNTS
	"FROM selfcheck s JOIN post p ON p.gid = s.post WHERE s.cycle = ?2 AND s.deleted = 0 AND "
	LF_REACH_SQL("p.dept", "p.gid");
static const char reach_risks_sql[] =
	"SELECT " RISK_COUNTS "FROM risk r JOIN post p ON p.gid = r.post WHERE r.cycle = ?2 AND r.deleted = 0 "
	"AND r.retired = 0 AND " LF_REACH_SQL("p.dept", "p.gid");

static lf_status run_counts(struct lf_db *db, const char *sql, const char *cycle, const char *dept,
                            const struct lf_perm_reach *reach, int *v, int n)
{
	sqlite3_stmt *st;
	char today[11];
	lf_status s = lf_prepare(db, sql, &st);
	int rc, i;

	if (s)
		return s;
	lf_today(today);
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 3, dept, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, today, -1, SQLITE_STATIC);
	if (dept && !lf_perm_reach_whole_dept(reach, dept)) /* only the user's own post */
		sqlite3_bind_text(st, 5, reach->post, -1, SQLITE_STATIC);
	lf_perm_reach_bind(st, reach);
	rc = sqlite3_step(st);
	for (i = 0; i < n; i++)
		v[i] = rc == SQLITE_ROW ? sqlite3_column_int(st, i) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取进度失败");
}

/* The counts of a department (dept) or of all the user reaches (NULL). */
static lf_status fill(struct lf_db *db, const char *cycle, const char *dept, const struct lf_perm_reach *reach,
                      struct lf_progress *p)
{
	const char *forms = dept ? dept_forms_sql : reach->unit ? unit_forms_sql : reach_forms_sql;
	const char *risks = dept ? dept_risks_sql : reach->unit ? unit_risks_sql : reach_risks_sql;
	int c[7], r[5];
	lf_status s = run_counts(db, forms, cycle, dept, reach, c, 7);

	if (s == LF_OK)
		s = run_counts(db, risks, cycle, dept, reach, r, 5);
	if (s)
		return s;
	p->posts = c[0];
	p->forms = c[1];
	p->draft = c[2];
	p->in_review = c[3];
	p->returned = c[4];
	p->accepted = c[5];
	p->overdue = c[6];
	p->risks = r[0];
	memcpy(p->by_level, r + 1, sizeof p->by_level);
	return LF_OK;
}

lf_status lf_progress_total(struct lf_db *db, const char *cycle, struct lf_progress *total)
{
	struct lf_perm_reach reach;
	lf_status s = lf_perm_reach_in(db, LF_ACT_READ, NULL, &reach);

	memset(total, 0, sizeof *total);
	total->dept_name = "合计";
	if (s == LF_OK)
		s = fill(db, cycle, NULL, &reach, total);
	lf_perm_reach_clear(&reach);
	return s;
}

static void dept_row(struct lf_progress_list *out, sqlite3_stmt *st)
{
	struct lf_progress *p = &out->v[out->n++];

	p->id = sqlite3_column_int64(st, 0);
	lf_col_gid(p->dept, st, 1);
	p->dept_name = lf_col_str(&out->arena, st, 2);
}

lf_status lf_progress_list(struct lf_db *db, const char *cycle, struct lf_page *pg, struct lf_progress_list *out)
{
	static const char sql[] =
		"SELECT d.id, d.gid, d.name FROM dept d WHERE d.owner = ?1 AND d.deleted = 0 AND (d.retired = 0 OR "
		"EXISTS (SELECT 1 FROM selfcheck s JOIN post p ON p.gid = s.post WHERE p.dept = d.gid AND s.cycle = ?2 "
		"AND s.deleted = 0)) AND " LF_REACH_DEPT_SQL("d.gid") " AND (?3 = 0 OR (ifnull(d.seq, 0), d.name, d.id) > "
		"(SELECT ifnull(seq, 0), name, id FROM dept WHERE id = ?3)) ORDER BY ifnull(d.seq, 0), d.name, d.id LIMIT ?4";
	struct lf_perm_reach reach;
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg), i;
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_reach_in(db, LF_ACT_READ, NULL, &reach)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	lf_perm_reach_bind(st, &reach);
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, dept_row, id);
	sqlite3_finalize(st);
	for (i = 0; i < out->n && s == LF_OK; i++)
		s = fill(db, cycle, out->v[i].dept, &reach, &out->v[i]);
	lf_perm_reach_clear(&reach);
	return s;
}

void lf_progress_list_free(struct lf_progress_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}
