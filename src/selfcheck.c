/* selfcheck: the post self-check form (include/lianfang/selfcheck.h). */
#include "lianfang/selfcheck.h"
#include "lianfang/cycle.h"
#include "lianfang/hash.h"
#include "lianfang/input.h"
#include "lianfang/org.h"
#include "lianfang/perm.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/risk.h"
#include "lianfang/util.h"

#include <string.h>

static const char *const status_names[] = {
#define LF_SC_NAME(id, name, label) name,
	LF_SELFCHECK_STATUS_INFO(LF_SC_NAME)
#undef LF_SC_NAME
};

static const char *const status_labels[] = {
#define LF_SC_LABEL(id, name, label) label,
	LF_SELFCHECK_STATUS_INFO(LF_SC_LABEL)
#undef LF_SC_LABEL
};

const char *lf_selfcheck_status_label(const char *status)
{
	size_t i;

	for (i = 0; status && i < LF_COUNT(status_names); i++)
		if (!strcmp(status, status_names[i]))
			return status_labels[i];
	return "";
}

const char *lf_selfcheck_status_parse(const char *text)
{
	size_t i;

	for (i = 0; text && i < LF_COUNT(status_names); i++)
		if (!strcmp(text, status_names[i]) || !strcmp(text, status_labels[i]))
			return status_names[i];
	return NULL;
}

/* ------------------------------------------------------------------ content hash */

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
		"WHERE r.selfcheck = ?1 AND r.deleted = 0 AND r.retired = 0 "
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

/* ------------------------------------------------------------------ writing */

static int signed_status(const char *status)
{
	return status && (!strcmp(status, "submitted") || !strcmp(status, "head_signed") ||
	                  !strcmp(status, "leader_signed") || !strcmp(status, "accepted"));
}

lf_status lf_selfcheck_edit_begin(struct lf_db *db, const char *gid, struct lf_selfcheck_edit *e)
{
	memset(e, 0, sizeof *e);
	if (!gid || !*gid)
		return LF_OK;
	snprintf(e->gid, sizeof e->gid, "%s", gid);
	return lf_selfcheck_content_hash(db, gid, e->hash);
}

lf_status lf_selfcheck_edit_end(struct lf_db *db, const struct lf_selfcheck_edit *e, int *reopened)
{
	struct lf_rec *r;
	char hash[65];
	lf_status s;

	if (reopened)
		*reopened = 0;
	if (!e->gid[0])
		return LF_OK;
	if ((s = lf_selfcheck_content_hash(db, e->gid, hash)) || !strcmp(hash, e->hash))
		return s;
	r = lf_rec_new(lf_kind_find("selfcheck"));
	if ((s = lf_rec_load(db, r->kind, e->gid, r)) == LF_OK && signed_status(lf_rec_text(r, "status"))) {
		lf_rec_set_text(r, "status", "draft");
		lf_rec_set_null(r, "grade");
		lf_rec_set_null(r, "rework_due");
		s = lf_rec_put(db, r);
		if (s == LF_OK && reopened)
			*reopened = 1;
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_selfcheck_set_status(struct lf_db *db, const char *gid, const char *status, const char *grade,
                                  const char *rework_due, const char *submitted)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("selfcheck"));
	lf_status s = lf_rec_load_live(db, gid, r);

	if (s == LF_OK) {
		lf_rec_set_text(r, "status", status);
		lf_rec_set_text(r, "grade", grade);
		lf_rec_set_text(r, "rework_due", rework_due);
		if (submitted)
			lf_rec_set_text(r, "submitted", submitted);
		s = lf_rec_save(db, r, NULL);
	}
	lf_rec_free(r);
	return s;
}

static lf_status exists_for(struct lf_db *db, const char *cycle, const char *post, const char *person, int *n)
{
	static const char sql[] = "SELECT count(*) FROM selfcheck WHERE cycle = ?1 AND post = ?2 AND person = ?3 "
	                          "AND deleted = 0";

	return lf_query_int(db, sql, cycle, post, person, n);
}

/* A new form; `check`: whether the acting user must be allowed to fill it
 * (not when the next cycle carries forms over, which needs LF_ACT_CYCLE_EDIT). */
static lf_status new_form(struct lf_db *db, const char *cycle, const char *post, const char *person,
                          const struct lf_selfcheck_in *in, int check, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *c = lf_rec_new(lf_kind_find("cycle")), *p = lf_rec_new(lf_kind_find("post")),
		*x = lf_rec_new(lf_kind_find("person")), *r = lf_rec_new(lf_kind_find("selfcheck"));
	char today[11];
	int n = 0;
	lf_status s = lf_rec_load_live(db, cycle, c);

	if (s == LF_OK)
		s = lf_rec_load_live(db, post, p);
	if (s == LF_OK)
		s = lf_rec_load_live(db, person, x);
	if (s == LF_OK && check)
		s = lf_post_perm_check(db, LF_ACT_SELFCHECK_EDIT, post, NULL, person);
	if (s == LF_OK && lf_rec_int(p, "retired"))
		s = lf_fail(db, LF_STATE, "岗位“%s”已撤销。", lf_rec_text(p, "name"));
	if (s == LF_OK && lf_rec_int(x, "retired"))
		s = lf_fail(db, LF_STATE, "%s已离岗。", lf_rec_text(x, "name"));
	if (s == LF_OK && (s = exists_for(db, cycle, post, person, &n)) == LF_OK && n)
		s = lf_fail(db, LF_EXISTS, "%s在 %lld 年度已有“%s”岗位的自查表。", lf_rec_text(x, "name"),
		            lf_rec_int(c, "year"), lf_rec_text(p, "name"));
	if (s == LF_OK) {
		lf_today(today);
		lf_rec_set_text(r, "cycle", cycle);
		lf_rec_set_text(r, "post", post);
		lf_rec_set_text(r, "person", person);
		lf_rec_set_text(r, "duties", lf_rec_text(p, "duties"));
		lf_rec_set_text(r, "filled", today);
		lf_rec_set_text(r, "status", "draft");
		s = lf_input_setv(db, r, "duties", in ? in->duties : NULL, "filled", in ? in->filled : NULL, (char *)NULL);
	}
	if (s == LF_OK)
		s = lf_rec_save(db, r, gid);
	lf_rec_free(c);
	lf_rec_free(p);
	lf_rec_free(x);
	lf_rec_free(r);
	return s;
}

lf_status lf_selfcheck_new(struct lf_db *db, const char *cycle, const char *post, const char *person,
                           const struct lf_selfcheck_in *in, char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_tx_begin(db);

	return s ? s : lf_tx_end(db, new_form(db, cycle, post, person, in, 1, gid));
}

lf_status lf_selfcheck_edit(struct lf_db *db, const char *gid, const struct lf_selfcheck_in *in, int *reopened)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("selfcheck"));
	struct lf_selfcheck_edit e;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = lf_rec_load_live(db, gid, r);
		if (s == LF_OK)
			s = lf_post_perm_check(db, LF_ACT_SELFCHECK_EDIT, lf_rec_text(r, "post"), gid, NULL);
		if (s == LF_OK)
			s = lf_selfcheck_edit_begin(db, gid, &e);
		if (s == LF_OK)
			s = lf_input_setv(db, r, "duties", in->duties, "filled", in->filled, (char *)NULL);
		if (s == LF_OK)
			s = lf_rec_save(db, r, NULL);
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

/* ------------------------------------------------------------------ reading */

#define SC_COLUMNS \
	"s.id, s.gid, s.cycle, s.post, s.person, p.dept, d.name, p.name, x.name, s.duties, s.filled, s.status, " \
	"s.grade, s.rework_due, s.submitted, " \
	"(SELECT count(*) FROM risk r WHERE r.selfcheck = s.gid AND r.deleted = 0 AND r.retired = 0), " \
	"s.status = 'returned' AND s.rework_due < ?9 "
#define SC_FROM \
	"FROM selfcheck s JOIN post p ON p.gid = s.post JOIN dept d ON d.gid = p.dept JOIN person x ON x.gid = s.person "

static void sc_row(struct lf_selfcheck_list *out, sqlite3_stmt *st)
{
	struct lf_selfcheck *c = &out->v[out->n++];

	c->id = sqlite3_column_int64(st, 0);
	lf_col_gid(c->gid, st, 1);
	lf_col_gid(c->cycle, st, 2);
	lf_col_gid(c->post, st, 3);
	lf_col_gid(c->person, st, 4);
	lf_col_gid(c->dept, st, 5);
	c->dept_name = lf_col_str(&out->arena, st, 6);
	c->post_name = lf_col_str(&out->arena, st, 7);
	c->person_name = lf_col_str(&out->arena, st, 8);
	c->duties = lf_col_str(&out->arena, st, 9);
	c->filled = lf_col_str(&out->arena, st, 10);
	c->status = lf_col_str(&out->arena, st, 11);
	c->grade = lf_col_str(&out->arena, st, 12);
	c->rework_due = lf_col_str(&out->arena, st, 13);
	c->submitted = lf_col_str(&out->arena, st, 14);
	c->risks = sqlite3_column_int(st, 15);
	c->overdue = sqlite3_column_int(st, 16);
}

lf_status lf_selfcheck_get(struct lf_db *db, const char *gid, struct lf_selfcheck_list *out)
{
	static const char sql[] = "SELECT " SC_COLUMNS SC_FROM "WHERE s.gid = ?1 AND s.deleted = 0";
	struct lf_page pg;
	sqlite3_stmt *st;
	char today[11];
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	lf_today(today);
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, today, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, sc_row, id);
	sqlite3_finalize(st);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到自查表（%.8s）。", gid);
	if (s == LF_OK) {
		struct lf_scope scope = { .dept = out->v[0].dept, .post = out->v[0].post, .selfcheck = out->v[0].gid };

		s = lf_perm_check(db, LF_ACT_READ, &scope);
	}
	if (s)
		lf_selfcheck_list_free(out);
	return s;
}

lf_status lf_selfcheck_find(struct lf_db *db, const char *cycle, const char *person, const char *post,
                            char gid[LF_GID_LEN + 1])
{
	static const char sql[] = "SELECT gid FROM selfcheck WHERE cycle = ?1 AND person = ?2 AND (?3 IS NULL OR post = ?3) "
	                          "AND deleted = 0 ORDER BY id LIMIT 2";
	sqlite3_stmt *st;
	lf_status s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL); /* signed in at all */
	int n = 0;

	gid[0] = 0;
	if (s || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, person, -1, SQLITE_STATIC);
	if (post)
		sqlite3_bind_text(st, 3, post, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (n++ == 0)
			lf_col_gid(gid, st, 0);
	sqlite3_finalize(st);
	if (n == 0)
		return lf_fail(db, LF_NOTFOUND, "这个人在本年度还没有自查表。");
	if (n > 1) {
		gid[0] = 0;
		return lf_fail(db, LF_INVALID, "这个人在本年度有多张自查表（在不同岗位），请指明岗位或用编号。");
	}
	return LF_OK;
}

/* The list walks the departments in the unit's order and, in each, seeks
 * its posts' forms (post_dept, then selfcheck_post), like the summary: a
 * page costs what it shows, not what the cycle holds, also for a head or a
 * staff member whose reach is a small part of it. The page key is the id of
 * the last form shown; the walk resumes in its department. */
#define SC_IN_DEPT "ifnull(p.seq, 0), p.name, p.id, x.name, s.id"

/* Departments from the one a page starts in (?3; NULL: the first), those of
 * f->dept (?2) the user reaches, whole or through their own post. */
static const char sc_depts_sql[] =
	"SELECT d.gid FROM dept d WHERE (?2 IS NULL OR d.gid = ?2) AND " LF_REACH_DEPT_SQL("d.gid") " AND "
	"(?3 IS NULL OR (ifnull(d.seq, 0), d.name, d.id) >= (SELECT ifnull(seq, 0), name, id FROM dept WHERE gid = ?3)) "
	"ORDER BY ifnull(d.seq, 0), d.name, d.id";
/* The forms of one department (?7), of one post only when ?8 is set, after
 * form ?5 (0: from the start). */
static const char sc_rows_sql[] =
	"SELECT " SC_COLUMNS "FROM post p CROSS JOIN selfcheck s ON s.post = p.gid JOIN dept d ON d.gid = p.dept "
	"JOIN person x ON x.gid = s.person WHERE p.dept = ?7 AND (?8 IS NULL OR p.gid = ?8) AND s.cycle = ?1 "
	"AND s.deleted = 0 AND (?3 IS NULL OR s.status = ?3) AND (?4 = 0 OR (s.status = 'returned' AND s.rework_due < ?9)) "
	"AND (?10 IS NULL OR x.name = ?10) "
	"AND (?5 = 0 OR (" SC_IN_DEPT ") > (SELECT " SC_IN_DEPT " FROM selfcheck s JOIN post p ON p.gid = s.post "
	"JOIN person x ON x.gid = s.person WHERE s.id = ?5)) ORDER BY " SC_IN_DEPT " LIMIT ?6";
static const char sc_start_sql[] = "SELECT p.dept FROM selfcheck s JOIN post p ON p.gid = s.post WHERE s.id = ?1";

/* The forms of one department into the page; *more when one is left over. */
static lf_status sc_dept_rows(struct lf_db *db, sqlite3_stmt *st, const char *dept, const char *post,
                              long long after, int limit, struct lf_selfcheck_list *out, int *more)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 7, dept, -1, SQLITE_TRANSIENT);
	if (post)
		sqlite3_bind_text(st, 8, post, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_int64(st, 5, after);
	sqlite3_bind_int(st, 6, limit - out->n + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == limit) {
			*more = 1;
			return LF_OK;
		}
		sc_row(out, st);
	}
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取自查表失败");
}

lf_status lf_selfcheck_list(struct lf_db *db, const struct lf_selfcheck_filter *f, struct lf_page *pg,
                            struct lf_selfcheck_list *out)
{
	struct lf_perm_reach reach;
	sqlite3_stmt *depts = NULL, *rows = NULL, *st;
	char today[11], start[LF_GID_LEN + 1] = "";
	long long after;
	int limit = lf_page_limit(pg), more = 0, rc;
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	lf_today(today);
	if ((s = lf_perm_reach_in(db, LF_ACT_READ, f->dept, &reach)) || (s = lf_key_parse(db, pg->after, &after, 1)))
		goto out;
	if (after && (s = lf_prepare(db, sc_start_sql, &st)) == LF_OK) {
		sqlite3_bind_int64(st, 1, after);
		if (sqlite3_step(st) == SQLITE_ROW)
			lf_col_gid(start, st, 0);
		sqlite3_finalize(st);
		if (!start[0]) /* the form of the key is gone: nothing after it */
			goto out;
	}
	if (s || (s = lf_prepare(db, sc_depts_sql, &depts)) || (s = lf_prepare(db, sc_rows_sql, &rows)))
		goto out;
	lf_perm_reach_bind(depts, &reach);
	if (f->dept)
		sqlite3_bind_text(depts, 2, f->dept, -1, SQLITE_STATIC);
	if (start[0])
		sqlite3_bind_text(depts, 3, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(rows, 1, f->cycle, -1, SQLITE_STATIC);
	if (f->status)
		sqlite3_bind_text(rows, 3, f->status, -1, SQLITE_STATIC);
	sqlite3_bind_int(rows, 4, f->overdue);
	if (f->person_name)
		sqlite3_bind_text(rows, 10, f->person_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(rows, 9, today, -1, SQLITE_STATIC);
	out->v = lf_arena_alloc(&out->arena, (size_t)(limit + 1) * sizeof *out->v);
	while (s == LF_OK && !more && (rc = sqlite3_step(depts)) == SQLITE_ROW) {
		char dept[LF_GID_LEN + 1];

		lf_col_gid(dept, depts, 0);
		s = sc_dept_rows(db, rows, dept, lf_perm_reach_whole_dept(&reach, dept) ? NULL : reach.post,
		                 !strcmp(dept, start) ? after : 0, limit, out, &more);
	}
	if (s == LF_OK && more)
		lf_key_make(pg->next, &out->v[out->n - 1].id, 1);
out:
	sqlite3_finalize(depts);
	sqlite3_finalize(rows);
	lf_perm_reach_clear(&reach);
	return s;
}

void lf_selfcheck_list_free(struct lf_selfcheck_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ the next cycle */

/* Forms of `from` and whether their post and person are still in use. */
static const char carry_sql[] =
	"SELECT s.gid FROM selfcheck s JOIN post p ON p.gid = s.post JOIN person x ON x.gid = s.person "
	"WHERE s.cycle = ?1 AND s.deleted = 0 AND p.deleted = 0 AND p.retired = 0 AND x.deleted = 0 "
	"AND x.retired = 0 ORDER BY s.id";
static const char carry_gone_sql[] =
	"SELECT s.gid FROM selfcheck s JOIN post p ON p.gid = s.post JOIN person x ON x.gid = s.person "
	"WHERE s.cycle = ?1 AND s.deleted = 0 AND (p.deleted OR p.retired OR x.deleted OR x.retired) ORDER BY s.id";
static const char carry_risks_sql[] =
	"SELECT gid FROM risk WHERE selfcheck = ?1 AND deleted = 0 AND retired = 0 ORDER BY seq, id";
static const char target_used_sql[] =
	"SELECT (SELECT count(*) FROM selfcheck WHERE cycle = ?1 AND deleted = 0) + "
	"(SELECT count(*) FROM risk WHERE cycle = ?1 AND deleted = 0)";

static lf_status carry_form(struct lf_db *db, const char *old, const char *to, struct lf_carry_count *count)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("selfcheck"));
	char gid[LF_GID_LEN + 1], (*risks)[LF_GID_LEN + 1] = NULL;
	lf_status s = lf_rec_load(db, r->kind, old, r);
	int n = 0, i;

	if (s == LF_OK) {
		struct lf_selfcheck_in in = { lf_rec_text(r, "duties"), NULL };

		s = new_form(db, to, lf_rec_text(r, "post"), lf_rec_text(r, "person"), &in, 0, gid);
	}
	lf_rec_free(r);
	if (s == LF_OK)
		s = lf_query_gids(db, carry_risks_sql, old, "读取记录失败", &risks, &n);
	if (s == LF_OK)
		count->selfchecks++;
	for (i = 0; i < n && s == LF_OK; i++) {
		int m = 0;

		if ((s = lf_risk_copy(db, risks[i], to, gid, &m)) == LF_OK) {
			count->risks++;
			count->measures += m;
		}
	}
	lf_free(risks);
	return s;
}

lf_status lf_selfcheck_carry(struct lf_db *db, const char *from, const char *to, struct lf_carry_count *count)
{
	char (*forms)[LF_GID_LEN + 1] = NULL, (*gone)[LF_GID_LEN + 1] = NULL;
	int used = 0, n = 0, ngone = 0, i;
	lf_status s = lf_query_int(db, target_used_sql, to, NULL, NULL, &used);

	if (s)
		return s;
	if (used)
		return lf_fail(db, LF_EXISTS, "新年度已有自查表或风险点，不再转入（避免重复）。");
	s = lf_query_gids(db, carry_sql, from, "读取记录失败", &forms, &n);
	if (s == LF_OK)
		s = lf_query_gids(db, carry_gone_sql, from, "读取记录失败", &gone, &ngone);
	count->skipped = ngone;
	for (i = 0; i < n && s == LF_OK; i++)
		s = carry_form(db, forms[i], to, count);
	lf_free(forms);
	lf_free(gone);
	return s;
}
