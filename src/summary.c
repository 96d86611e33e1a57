/* summary: the summary table and search (include/lianfang/summary.h).
 * Read-only: it joins the tables of org, selfcheck and risk to print what
 * they own, and never writes. SQL variants are chosen among fixed strings;
 * every value is a bound parameter. */
#include "lianfang/summary.h"
#include "lianfang/perm.h"
#include "lianfang/util.h"

#include <string.h>

int lf_search_uses_index(const char *text)
{
	return text && lf_utf8_chars(text) >= 3;
}

/* The measures of a row as one text: each measure's stage, content,
 * responsible and supervisor separated by U+001F, measures by U+001E (text
 * fields hold no control characters but tab and new line). */
#define ROW_COLUMNS \
	"r.id, p.id, r.gid, r.selfcheck, r.post, r.person, p.dept, ?20, p.name, x.name, ifnull(s.duties, p.duties), " \
	"r.description, (SELECT group_concat(m, char(30)) FROM (SELECT ifnull(m.stage, '') || char(31) || m.content || " \
	"char(31) || ifnull(a.name, '') || char(31) || ifnull(b.name, '') AS m FROM measure m " \
	"LEFT JOIN person a ON a.gid = m.responsible LEFT JOIN person b ON b.gid = m.supervisor " \
	"WHERE m.risk = r.gid AND m.deleted = 0 ORDER BY ifnull(m.seq, 0), m.id)), r.remarks, r.category, r.source, " \
	"r.found_by, s.status, r.level_reason, ifnull(r.probability, 0), ifnull(r.severity, 0), " \
	"ifnull(r.level_proposed, 0), ifnull(r.level, 0), (SELECT w.name FROM power w WHERE w.gid = r.power) "
/* CROSS JOIN keeps SQLite from scanning the whole cycle's risks for one department:
 * posts of the department by post_dept, then their risks by risk_post. */
#define ROW_FROM \
	"FROM post p CROSS JOIN risk r ON r.post = p.gid LEFT JOIN selfcheck s ON s.gid = r.selfcheck " \
	"LEFT JOIN person x ON x.gid = r.person "
#define ROW_ORDER \
	"ifnull(p.seq, 0), p.name, p.id, ifnull(x.name, ''), ifnull(s.id, 0), ifnull(r.seq, 0), r.id"
#define ROW_WHERE \
	"WHERE p.dept = ?1 AND r.cycle = ?2 AND r.deleted = 0 AND (?3 OR r.retired = 0) " \
	"AND (?4 = 0 OR ifnull(r.level, r.level_proposed) = ?4) AND (?5 IS NULL OR r.category = ?5) " \
	"AND (?6 IS NULL OR s.status = ?6) AND (?7 = 0 OR r.probability = ?7) AND (?8 = 0 OR r.severity = ?8) " \
	"AND (?21 IS NULL OR p.gid = ?21) AND (?22 IS NULL OR x.name = ?22) " \
	"AND (?9 = 0 OR (" ROW_ORDER ") > (SELECT " ROW_ORDER " FROM risk r JOIN post p ON p.gid = r.post " \
	"LEFT JOIN selfcheck s ON s.gid = r.selfcheck LEFT JOIN person x ON x.gid = r.person WHERE r.id = ?9)) "
#define ROW_TAIL "ORDER BY " ROW_ORDER " LIMIT ?10"

static const char rows_sql[] = "SELECT " ROW_COLUMNS ROW_FROM ROW_WHERE ROW_TAIL;
static const char rows_fts_sql[] =
	"SELECT " ROW_COLUMNS ROW_FROM ROW_WHERE
	"AND (r.id IN (SELECT rowid FROM risk_fts WHERE risk_fts MATCH ?11) "
	"OR p.id IN (SELECT rowid FROM post_fts WHERE post_fts MATCH ?11) "
	"OR r.gid IN (SELECT m.risk FROM measure m WHERE m.deleted = 0 AND m.id IN "
	"(SELECT rowid FROM measure_fts WHERE measure_fts MATCH ?11))) " ROW_TAIL;
static const char rows_like_sql[] =
	"SELECT " ROW_COLUMNS ROW_FROM ROW_WHERE
	"AND (r.description LIKE ?11 ESCAPE '\\' OR ifnull(s.duties, p.duties) LIKE ?11 ESCAPE '\\' "
	"OR EXISTS (SELECT 1 FROM measure m WHERE m.risk = r.gid AND m.deleted = 0 AND m.content LIKE ?11 ESCAPE '\\')) "
	ROW_TAIL;

/* Departments from the one a page starts in, in the unit's order: those the
 * acting user reaches (whole, or only through their own post). */
static const char depts_sql[] =
	"SELECT id, gid, name FROM dept WHERE owner = ?1 AND deleted = 0 AND (?2 IS NULL OR gid = ?2) AND "
	LF_REACH_DEPT_SQL("gid") " AND "
	"(?3 = 0 OR (ifnull(seq, 0), name, id) >= (SELECT ifnull(seq, 0), name, id FROM dept WHERE id = ?3)) "
	"ORDER BY ifnull(seq, 0), name, id";

/* The search text as an FTS5 phrase ("…" with quotes doubled) or a LIKE
 * pattern (%…% with % _ \ escaped). */
static char *search_arg(const char *text, int fts)
{
	struct lf_buf b;
	const char *p;

	lf_buf_init(&b);
	lf_buf_addc(&b, fts ? '"' : '%');
	for (p = text; *p; p++) {
		if (fts && *p == '"')
			lf_buf_addc(&b, '"');
		else if (!fts && (*p == '%' || *p == '_' || *p == '\\'))
			lf_buf_addc(&b, '\\');
		lf_buf_addc(&b, *p);
	}
	lf_buf_addc(&b, fts ? '"' : '%');
	return lf_buf_steal(&b);
}

/* Split the measures column (ROW_COLUMNS) into r->mv, and their contents
 * one per line into r->measures. */
static void row_measures(struct lf_arena *a, struct lf_summary_row *r, const char *packed)
{
	struct lf_summary_measure *mv;
	struct lf_buf text;
	const char *p;
	int n = 1, i;

	if (!packed)
		return;
	for (p = packed; *p; p++)
		n += *p == '\x1e';
	mv = lf_arena_alloc(a, (size_t)n * sizeof *mv);
	lf_buf_init(&text);
	for (i = 0, p = packed; i < n; i++) {
		const char *f[4];
		size_t len[4];
		int k;

		for (k = 0; k < 4; k++) {
			size_t l = strcspn(p, k < 3 ? "\x1f\x1e" : "\x1e");

			f[k] = p;
			len[k] = l;
			p += l;
			if (*p == '\x1f' && k < 3)
				p++;
		}
		if (*p == '\x1e')
			p++;
		mv[i].stage = len[0] ? lf_arena_strndup(a, f[0], len[0]) : NULL;
		mv[i].content = lf_arena_strndup(a, f[1], len[1]);
		mv[i].responsible = len[2] ? lf_arena_strndup(a, f[2], len[2]) : NULL;
		mv[i].supervisor = len[3] ? lf_arena_strndup(a, f[3], len[3]) : NULL;
		lf_buf_addf(&text, "%s%s", i ? "\n" : "", mv[i].content);
	}
	r->mv = mv;
	r->nmeasures = n;
	r->measures = lf_arena_strdup(a, text.s ? text.s : "");
	lf_buf_free(&text);
}

static void summary_row(struct lf_summary_list *out, sqlite3_stmt *st, int no)
{
	struct lf_summary_row *r = &out->v[out->n++];
	struct lf_arena *a = &out->arena;

	r->id = sqlite3_column_int64(st, 0);
	r->no = no;
	lf_col_gid(r->risk, st, 2);
	lf_col_gid(r->selfcheck, st, 3);
	lf_col_gid(r->post, st, 4);
	lf_col_gid(r->person, st, 5);
	lf_col_gid(r->dept, st, 6);
	r->dept_name = lf_col_str(a, st, 7);
	r->post_name = lf_col_str(a, st, 8);
	r->person_name = lf_col_str(a, st, 9);
	r->duties = lf_col_str(a, st, 10);
	r->description = lf_col_str(a, st, 11);
	row_measures(a, r, (const char *)sqlite3_column_text(st, 12));
	r->remarks = lf_col_str(a, st, 13);
	r->category = lf_col_str(a, st, 14);
	r->source = lf_col_str(a, st, 15);
	r->found_by = lf_col_str(a, st, 16);
	r->status = lf_col_str(a, st, 17);
	r->level_reason = lf_col_str(a, st, 18);
	r->probability = sqlite3_column_int(st, 19);
	r->severity = sqlite3_column_int(st, 20);
	r->level_proposed = sqlite3_column_int(st, 21);
	r->level = sqlite3_column_int(st, 22);
	r->power_name = lf_col_str(a, st, 23);
}

struct walk {
	const struct lf_summary_filter *f;
	struct lf_perm_reach reach;
	const char *sql;
	char *arg;             /* search argument, or NULL */
	long long key[4];      /* dept id, post id, risk id, last 序号 */
	int limit;
};

/* Rows of one department after `after_risk` (0: from its start), up to the
 * room left on the page plus one. Returns 1 in *more when a row is left over. */
static lf_status dept_rows(struct lf_db *db, struct walk *w, long long dept_id, const char *dept_gid,
                           const char *dept_name, long long after_risk, struct lf_summary_list *out, int *more)
{
	const struct lf_summary_filter *f = w->f;
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, w->sql, &st);
	int rc;

	*more = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, dept_gid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->cycle, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, f->with_retired);
	sqlite3_bind_int(st, 4, f->level);
	if (f->category)
		sqlite3_bind_text(st, 5, f->category, -1, SQLITE_STATIC);
	if (f->status)
		sqlite3_bind_text(st, 6, f->status, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, f->probability);
	sqlite3_bind_int(st, 8, f->severity);
	sqlite3_bind_int64(st, 9, after_risk);
	sqlite3_bind_int(st, 10, w->limit - out->n + 1);
	if (!lf_perm_reach_whole_dept(&w->reach, dept_gid)) /* reached only through the user's own post */
		sqlite3_bind_text(st, 21, w->reach.post, -1, SQLITE_STATIC);
	if (w->arg)
		sqlite3_bind_text(st, 11, w->arg, -1, SQLITE_STATIC);
	if (f->person_name)
		sqlite3_bind_text(st, 22, f->person_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, dept_name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == w->limit) {
			*more = 1;
			break;
		}
		summary_row(out, st, (int)++w->key[3]);
		w->key[0] = dept_id;
		w->key[1] = sqlite3_column_int64(st, 1);
		w->key[2] = out->v[out->n - 1].id;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取汇总表失败");
	sqlite3_finalize(st);
	return s;
}

/* Another unit's records held here (an upper level's copy of what a lower
 * unit sent) are read by whoever reads the whole unit: the departments a
 * role covers are this unit's. */
static lf_status other_unit(struct lf_db *db, const char *unit, const struct lf_perm_reach *reach)
{
	char why[sizeof db->err];

	if (!unit || !strcmp(unit, db->unit) || reach->unit)
		return LF_OK;
	lf_perm_check(db, LF_ACT_READ, NULL);
	memcpy(why, db->err, sizeof why);
	return lf_fail(db, LF_DENIED, "不能查看单位 %s 的数据：%s", unit, why);
}

lf_status lf_summary_page(struct lf_db *db, const struct lf_summary_filter *f, struct lf_page *pg,
                          struct lf_summary_list *out)
{
	struct walk w;
	sqlite3_stmt *st;
	long long start_dept, after_risk;
	int more = 0, rc;
	lf_status s;

	memset(out, 0, sizeof *out);
	memset(&w, 0, sizeof w);
	pg->next[0] = 0;
	w.f = f;
	w.limit = lf_page_limit(pg);
	if (!f->cycle)
		return lf_fail(db, LF_INVALID, "没有指明年度。");
	if ((s = lf_perm_reach_in(db, LF_ACT_READ, f->dept, &w.reach)) || (s = other_unit(db, f->unit, &w.reach)) ||
	    (s = lf_key_parse(db, pg->after, w.key, 4))) {
		lf_perm_reach_clear(&w.reach);
		return s;
	}
	if (f->text && *f->text) {
		int fts = lf_search_uses_index(f->text);

		w.sql = fts ? rows_fts_sql : rows_like_sql;
		w.arg = search_arg(f->text, fts);
	} else {
		w.sql = rows_sql;
	}
	start_dept = w.key[0];
	after_risk = w.key[2];
	out->v = lf_arena_alloc(&out->arena, (size_t)w.limit * sizeof *out->v);
	if ((s = lf_prepare(db, depts_sql, &st))) {
		lf_free(w.arg);
		lf_perm_reach_clear(&w.reach);
		return s;
	}
	lf_perm_reach_bind(st, &w.reach);
	sqlite3_bind_text(st, 1, f->unit ? f->unit : db->unit, -1, SQLITE_STATIC);
	if (f->dept)
		sqlite3_bind_text(st, 2, f->dept, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, start_dept);
	while (s == LF_OK && !more && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		char gid[LF_GID_LEN + 1];
		char *name = lf_strdup((const char *)sqlite3_column_text(st, 2));

		lf_col_gid(gid, st, 1);
		s = dept_rows(db, &w, id, gid, name, id == start_dept ? after_risk : 0, out, &more);
		lf_free(name); /* a full page goes on to peek for one more row in the next departments */
	}
	sqlite3_finalize(st);
	lf_free(w.arg);
	lf_perm_reach_clear(&w.reach);
	if (s == LF_OK && more)
		lf_key_make(pg->next, w.key, 4);
	return s;
}

void lf_summary_list_free(struct lf_summary_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

lf_status lf_summary_opinion(struct lf_db *db, const char *unit, const char *cycle, const char *dept,
                             const char *role, struct lf_summary_opinion *out)
{
	static const char sql[] =
		"SELECT text, signer, signed FROM opinion WHERE owner = ?1 AND cycle = ?2 AND dept IS ?3 AND role = ?4 "
		"AND deleted = 0 ORDER BY signed DESC, gid DESC LIMIT 1";
	struct lf_scope scope = { .dept = dept };
	sqlite3_stmt *st;
	lf_status s = lf_perm_check(db, LF_ACT_READ, dept ? &scope : NULL);
	int rc;

	memset(out, 0, sizeof *out);
	if (s || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, unit ? unit : db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 3, dept, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->found = 1;
		out->text = lf_col_str(&out->arena, st, 0);
		out->signer = lf_col_str(&out->arena, st, 1);
		out->signed_on = lf_col_str(&out->arena, st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取汇总表意见失败");
}

void lf_summary_opinion_free(struct lf_summary_opinion *o)
{
	lf_arena_free(&o->arena);
	memset(o, 0, sizeof *o);
}
