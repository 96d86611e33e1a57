/* org: departments, posts and persons (include/lianfang/org.h).
 * Writes go through the record layer (a revision per change); the SQL here
 * only reads the dept, post and person tables. Lists are keyset pages: the
 * key is the local row number of the last row, whose sort values the next
 * query looks up, so a page never depends on how many rows came before.
 * The organisation is public inside the unit (LF_ACT_READ_PUBLIC): everyone
 * who works here may read who is on which post and its duties. */
#include "lianfang/org.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

/* ------------------------------------------------------------------ shared */

static struct lf_rec *rec_of(const char *kind)
{
	return lf_rec_new(lf_kind_find(kind));
}

/* Load a live record, or say which is missing (also when none was named). */
static lf_status load_live(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	if (!gid || !*gid)
		return lf_fail(db, LF_INVALID, "没有指明%s。", r->kind->label);
	return lf_rec_load_live(db, gid, r);
}

/* Retire (1) or restore (0) a loaded record and save it, if its kind's
 * checks allow. */
static lf_status save_retired(struct lf_db *db, struct lf_rec *r, int retired,
                              lf_status (*checks)(struct lf_db *db, struct lf_rec *r))
{
	lf_status s;

	lf_rec_set_int(r, "retired", retired ? 1 : 0);
	s = checks(db, r);
	return s ? s : lf_rec_save(db, r, NULL);
}

lf_status lf_post_dept(struct lf_db *db, const char *post, char dept[LF_GID_LEN + 1])
{
	struct lf_rec *r = rec_of("post");
	lf_status s = load_live(db, post, r);

	dept[0] = 0;
	if (s == LF_OK)
		snprintf(dept, LF_GID_LEN + 1, "%s", lf_rec_text(r, "dept"));
	lf_rec_free(r);
	return s;
}

lf_status lf_post_perm_check(struct lf_db *db, enum lf_action act, const char *post, const char *selfcheck,
                             const char *person)
{
	struct lf_rec *p = rec_of("post");
	lf_status s = lf_rec_load_live(db, post, p);

	if (s == LF_OK) {
		struct lf_scope scope = { .dept = lf_rec_text(p, "dept"), .post = post, .selfcheck = selfcheck,
		                          .person = person };

		s = lf_perm_check(db, act, &scope);
	}
	lf_rec_free(p);
	return s;
}

/* ------------------------------------------------------------------ departments */

static lf_status check_person(struct lf_db *db, const char *gid, const char *what)
{
	struct lf_rec *p = rec_of("person");
	lf_status s = LF_OK;

	if (gid && lf_rec_load(db, p->kind, gid, p) != LF_OK)
		s = lf_fail(db, LF_NOTFOUND, "找不到%s（%.8s）。", what, gid);
	else if (gid && p->deleted)
		s = lf_fail(db, LF_NOTFOUND, "%s（%.8s）已被删除。", what, gid);
	lf_rec_free(p);
	return s;
}

static lf_status dept_name_taken(struct lf_db *db, struct lf_rec *r, int *n)
{
	static const char sql[] = "SELECT count(*) FROM dept WHERE owner = ?1 AND deleted = 0 AND retired = 0 "
	                          "AND name = ?2 AND gid IS NOT ?3";

	return lf_query_int(db, sql, db->unit, lf_rec_text(r, "name"), r->gid[0] ? r->gid : NULL, n);
}

static lf_status dept_checks(struct lf_db *db, struct lf_rec *r)
{
	lf_status s = lf_rec_validate(db, r);
	int n;

	if (s)
		return s;
	if (!lf_rec_int(r, "retired")) {
		if ((s = dept_name_taken(db, r, &n)))
			return s;
		if (n)
			return lf_fail(db, LF_EXISTS, "已有名为“%s”的处室。", lf_rec_text(r, "name"));
	}
	if ((s = check_person(db, lf_rec_text(r, "head"), "处室负责人")))
		return s;
	return check_person(db, lf_rec_text(r, "leader"), "分管领导");
}

static lf_status dept_apply(struct lf_db *db, struct lf_rec *r, const struct lf_dept_in *in,
                            char gid[LF_GID_LEN + 1])
{
	static const char seq_sql[] =
		"SELECT ifnull(max(seq), 0) FROM dept WHERE owner = ?1 AND deleted = 0";
	lf_status s = lf_input_setv(db, r, "name", in->name, "seq", in->seq, "head", in->head, "leader",
	                            in->leader, (char *)NULL);

	if (s == LF_OK)
		s = lf_query_default_seq(db, r, seq_sql, db->unit);
	if (s == LF_OK)
		s = dept_checks(db, r);
	if (s == LF_OK)
		s = lf_rec_save(db, r, gid);
	return s;
}

/* A department to change: loaded, and the user may (ORG_EDIT on it). */
static lf_status dept_open(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	struct lf_scope scope = { .dept = gid, .post = NULL };
	lf_status s = load_live(db, gid, r);

	return s ? s : lf_perm_check(db, LF_ACT_ORG_EDIT, &scope);
}

lf_status lf_dept_add(struct lf_db *db, const struct lf_dept_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = rec_of("dept");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = lf_perm_check(db, LF_ACT_ORG_EDIT, NULL);
		if (s == LF_OK && (!in->name || !*in->name))
			s = lf_fail(db, LF_INVALID, "处室的“处室名称”不能为空。");
		if (s == LF_OK)
			s = dept_apply(db, r, in, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_dept_edit(struct lf_db *db, const char *gid, const struct lf_dept_in *in)
{
	struct lf_rec *r = rec_of("dept");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = dept_open(db, gid, r);
		if (s == LF_OK)
			s = dept_apply(db, r, in, NULL);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_dept_retire(struct lf_db *db, const char *gid, int retired)
{
	static const char posts_sql[] =
		"SELECT count(*) FROM post WHERE dept = ?1 AND deleted = 0 AND retired = 0";
	struct lf_rec *r = rec_of("dept");
	lf_status s = lf_tx_begin(db);
	int n = 0;

	if (s == LF_OK) {
		s = dept_open(db, gid, r);
		if (s == LF_OK && retired && (s = lf_query_int(db, posts_sql, gid, NULL, NULL, &n)) == LF_OK && n)
			s = lf_fail(db, LF_STATE, "处室“%s”还有 %d 个在用的岗位，请先撤销或调整这些岗位。",
			            lf_rec_text(r, "name"), n);
		if (s == LF_OK)
			s = save_retired(db, r, retired, dept_checks);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

#define DEPT_COLUMNS \
	"d.id, d.gid, d.name, ifnull(d.seq, 0), d.retired, d.head, d.leader, h.name, l.name, " \
	"(SELECT count(*) FROM post p WHERE p.dept = d.gid AND p.deleted = 0 AND p.retired = 0) "
#define DEPT_FROM \
	"FROM dept d LEFT JOIN person h ON h.gid = d.head LEFT JOIN person l ON l.gid = d.leader "

static void dept_row(struct lf_dept_list *out, sqlite3_stmt *st)
{
	struct lf_dept *d = &out->v[out->n++];

	d->id = sqlite3_column_int64(st, 0);
	lf_col_gid(d->gid, st, 1);
	d->name = lf_col_str(&out->arena, st, 2);
	d->seq = sqlite3_column_int(st, 3);
	d->retired = sqlite3_column_int(st, 4);
	lf_col_gid(d->head, st, 5);
	lf_col_gid(d->leader, st, 6);
	d->head_name = lf_col_str(&out->arena, st, 7);
	d->leader_name = lf_col_str(&out->arena, st, 8);
	d->posts = sqlite3_column_int(st, 9);
}

lf_status lf_dept_list(struct lf_db *db, int with_retired, struct lf_page *pg, struct lf_dept_list *out)
{
	static const char sql[] =
		"SELECT " DEPT_COLUMNS DEPT_FROM
		"WHERE d.owner = ?1 AND d.deleted = 0 AND (?2 OR d.retired = 0) AND (?3 = 0 OR "
		"(ifnull(d.seq, 0), d.name, d.id) > (SELECT ifnull(seq, 0), name, id FROM dept WHERE id = ?3)) "
		"ORDER BY ifnull(d.seq, 0), d.name, d.id LIMIT ?4";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, with_retired);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, dept_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_dept_get(struct lf_db *db, const char *gid, struct lf_dept_list *out)
{
	static const char sql[] = "SELECT " DEPT_COLUMNS DEPT_FROM "WHERE d.gid = ?1 AND d.deleted = 0";
	struct lf_page pg;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, dept_row, id);
	sqlite3_finalize(st);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到处室（%.8s）。", gid);
	return s;
}

void lf_dept_list_free(struct lf_dept_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ posts */

static lf_status post_checks(struct lf_db *db, struct lf_rec *r)
{
	static const char taken_sql[] =
		"SELECT count(*) FROM post WHERE dept = ?1 AND deleted = 0 AND retired = 0 AND name = ?2 AND gid IS NOT ?3";
	struct lf_rec *d = rec_of("dept");
	lf_status s = lf_rec_validate(db, r);
	int n = 0;

	if (s == LF_OK && (s = load_live(db, lf_rec_text(r, "dept"), d)) == LF_OK && lf_rec_int(d, "retired") &&
	    !lf_rec_int(r, "retired"))
		s = lf_fail(db, LF_STATE, "处室“%s”已撤销，不能在其下设岗位。", lf_rec_text(d, "name"));
	lf_rec_free(d);
	if (s || lf_rec_int(r, "retired"))
		return s;
	if ((s = lf_query_int(db, taken_sql, lf_rec_text(r, "dept"), lf_rec_text(r, "name"), r->gid[0] ? r->gid : NULL,
	                      &n)))
		return s;
	if (n)
		return lf_fail(db, LF_EXISTS, "这个处室已有名为“%s”的岗位。", lf_rec_text(r, "name"));
	return LF_OK;
}

static lf_status post_apply(struct lf_db *db, struct lf_rec *r, const struct lf_post_in *in,
                            char gid[LF_GID_LEN + 1])
{
	static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM post WHERE dept = ?1 AND deleted = 0";
	struct lf_scope scope = { .dept = NULL };
	lf_status s = lf_input_setv(db, r, "dept", in->dept, "name", in->name, "duties", in->duties, "seq", in->seq,
	                            (char *)NULL);

	if (s == LF_OK && lf_rec_is_null(r, "dept"))
		s = lf_fail(db, LF_INVALID, "岗位的“所属处室”不能为空。");
	scope.dept = lf_rec_text(r, "dept");
	scope.post = r->gid[0] ? r->gid : NULL;
	if (s == LF_OK)
		s = lf_perm_check(db, LF_ACT_ORG_EDIT, &scope);
	if (s == LF_OK && in->dept && !in->seq && r->gid[0]) /* moved: last in the new department */
		lf_rec_set_null(r, "seq");
	if (s == LF_OK)
		s = lf_query_default_seq(db, r, seq_sql, lf_rec_text(r, "dept"));
	if (s == LF_OK)
		s = post_checks(db, r);
	if (s == LF_OK)
		s = lf_rec_save(db, r, gid);
	return s;
}

/* A post to change: loaded, and the user may (ORG_EDIT on it). */
static lf_status post_open(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	lf_status s = load_live(db, gid, r);

	if (s == LF_OK) {
		struct lf_scope scope = { .dept = lf_rec_text(r, "dept"), .post = gid };

		s = lf_perm_check(db, LF_ACT_ORG_EDIT, &scope);
	}
	return s;
}

lf_status lf_post_add(struct lf_db *db, const struct lf_post_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = rec_of("post");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		if (!in->name || !*in->name)
			s = lf_fail(db, LF_INVALID, "岗位的“岗位名称”不能为空。");
		if (s == LF_OK)
			s = post_apply(db, r, in, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_post_edit(struct lf_db *db, const char *gid, const struct lf_post_in *in)
{
	struct lf_rec *r = rec_of("post");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = post_open(db, gid, r);
		if (s == LF_OK)
			s = post_apply(db, r, in, NULL);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_post_retire(struct lf_db *db, const char *gid, int retired)
{
	static const char persons_sql[] =
		"SELECT count(*) FROM person WHERE post = ?1 AND deleted = 0 AND retired = 0";
	struct lf_rec *r = rec_of("post");
	lf_status s = lf_tx_begin(db);
	int n = 0;

	if (s == LF_OK) {
		s = post_open(db, gid, r);
		if (s == LF_OK && retired && (s = lf_query_int(db, persons_sql, gid, NULL, NULL, &n)) == LF_OK && n)
			s = lf_fail(db, LF_STATE, "岗位“%s”上还有 %d 名在岗人员，请先调整他们的岗位。",
			            lf_rec_text(r, "name"), n);
		if (s == LF_OK)
			s = save_retired(db, r, retired, post_checks);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

#define POST_COLUMNS \
	"p.id, p.gid, p.dept, d.name, p.name, p.duties, ifnull(p.seq, 0), p.retired, " \
	"(SELECT count(*) FROM person x WHERE x.post = p.gid AND x.deleted = 0 AND x.retired = 0), " \
	"(SELECT group_concat(name, '、') FROM (SELECT x.name FROM person x WHERE x.post = p.gid " \
	"AND x.deleted = 0 AND x.retired = 0 ORDER BY x.name, x.id)) "
#define POST_FROM "FROM post p JOIN dept d ON d.gid = p.dept "
#define POST_ORDER "ifnull(d.seq, 0), d.name, d.id, ifnull(p.seq, 0), p.name, p.id"

static void post_row(struct lf_post_list *out, sqlite3_stmt *st)
{
	struct lf_post *p = &out->v[out->n++];

	p->id = sqlite3_column_int64(st, 0);
	lf_col_gid(p->gid, st, 1);
	lf_col_gid(p->dept, st, 2);
	p->dept_name = lf_col_str(&out->arena, st, 3);
	p->name = lf_col_str(&out->arena, st, 4);
	p->duties = lf_col_str(&out->arena, st, 5);
	p->seq = sqlite3_column_int(st, 6);
	p->retired = sqlite3_column_int(st, 7);
	p->persons = sqlite3_column_int(st, 8);
	p->person_names = lf_col_str(&out->arena, st, 9);
}

lf_status lf_post_list(struct lf_db *db, const char *dept, int with_retired, struct lf_page *pg,
                       struct lf_post_list *out)
{
	static const char sql[] =
		"SELECT " POST_COLUMNS POST_FROM
		"WHERE p.owner = ?1 AND p.deleted = 0 AND (?2 IS NULL OR p.dept = ?2) AND (?3 OR p.retired = 0) AND "
		"(?4 = 0 OR (" POST_ORDER ") > (SELECT " POST_ORDER " FROM post p JOIN dept d ON d.gid = p.dept "
		"WHERE p.id = ?4)) ORDER BY " POST_ORDER " LIMIT ?5";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 2, dept, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, with_retired);
	sqlite3_bind_int64(st, 4, after);
	sqlite3_bind_int(st, 5, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, post_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_post_get(struct lf_db *db, const char *gid, struct lf_post_list *out)
{
	static const char sql[] = "SELECT " POST_COLUMNS POST_FROM "WHERE p.gid = ?1 AND p.deleted = 0";
	struct lf_page pg;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, post_row, id);
	sqlite3_finalize(st);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到岗位（%.8s）。", gid);
	return s;
}

void lf_post_list_free(struct lf_post_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ persons */

static lf_status person_checks(struct lf_db *db, struct lf_rec *r)
{
	struct lf_rec *p = rec_of("post");
	const char *post = lf_rec_text(r, "post");
	lf_status s = lf_rec_validate(db, r);

	if (s == LF_OK && post && (s = load_live(db, post, p)) == LF_OK && lf_rec_int(p, "retired") &&
	    !lf_rec_int(r, "retired"))
		s = lf_fail(db, LF_STATE, "岗位“%s”已撤销，不能安排人员。", lf_rec_text(p, "name"));
	lf_rec_free(p);
	return s;
}

static lf_status person_scope_check(struct lf_db *db, const char *post, const char *gid)
{
	char dept[LF_GID_LEN + 1] = "";
	struct lf_scope scope = { .dept = NULL, .post = post };
	lf_status s = post ? lf_post_dept(db, post, dept) : LF_OK;

	(void)gid;
	scope.dept = dept[0] ? dept : NULL;
	return s ? s : lf_perm_check(db, LF_ACT_ORG_EDIT, &scope);
}

static lf_status person_apply(struct lf_db *db, struct lf_rec *r, const struct lf_person_in *in,
                              char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_input_setv(db, r, "name", in->name, "post", in->post, "title", in->title, (char *)NULL);

	if (s == LF_OK)
		s = person_scope_check(db, lf_rec_text(r, "post"), r->gid);
	if (s == LF_OK)
		s = person_checks(db, r);
	if (s == LF_OK)
		s = lf_rec_save(db, r, gid);
	return s;
}

/* A person to change: loaded, and the user may change the people of the
 * post they are on (an edit may move them: the post they leave, too). */
static lf_status person_open(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	lf_status s = load_live(db, gid, r);

	return s ? s : person_scope_check(db, lf_rec_text(r, "post"), gid);
}

lf_status lf_person_add(struct lf_db *db, const struct lf_person_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = rec_of("person");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		if (!in->name || !*in->name)
			s = lf_fail(db, LF_INVALID, "人员的“姓名”不能为空。");
		if (s == LF_OK)
			s = person_apply(db, r, in, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_person_edit(struct lf_db *db, const char *gid, const struct lf_person_in *in)
{
	struct lf_rec *r = rec_of("person");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = person_open(db, gid, r);
		if (s == LF_OK)
			s = person_apply(db, r, in, NULL);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_person_retire(struct lf_db *db, const char *gid, int retired)
{
	struct lf_rec *r = rec_of("person");
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = person_open(db, gid, r);
		if (s == LF_OK)
			s = save_retired(db, r, retired, person_checks);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

#define PERSON_COLUMNS \
	"x.id, x.gid, x.post, p.dept, x.name, x.title, p.name, d.name, x.retired "
#define PERSON_FROM \
	"FROM person x LEFT JOIN post p ON p.gid = x.post LEFT JOIN dept d ON d.gid = p.dept "
/* Persons are listed by name: the unit's list pages along person_name
 * (owner, name) however many there are; a post's or department's list is
 * small. */
#define PERSON_AFTER \
	"AND x.deleted = 0 AND (?4 OR x.retired = 0) AND " \
	"x.name >= ifnull((SELECT name FROM person WHERE id = ?5), '') AND " /* lets SQLite seek the index */ \
	"(?5 = 0 OR (x.name, x.id) > (SELECT name, id FROM person WHERE id = ?5)) ORDER BY x.name, x.id LIMIT ?6"

static const char *const person_sql[] = {
	"SELECT " PERSON_COLUMNS PERSON_FROM "WHERE x.owner = ?1 " PERSON_AFTER,
	"SELECT " PERSON_COLUMNS "FROM post p CROSS JOIN person x ON x.post = p.gid LEFT JOIN dept d ON d.gid = p.dept "
	"WHERE p.dept = ?2 " PERSON_AFTER,
	"SELECT " PERSON_COLUMNS PERSON_FROM "WHERE x.post = ?3 " PERSON_AFTER,
};

static void person_row(struct lf_person_list *out, sqlite3_stmt *st)
{
	struct lf_person *p = &out->v[out->n++];

	p->id = sqlite3_column_int64(st, 0);
	lf_col_gid(p->gid, st, 1);
	lf_col_gid(p->post, st, 2);
	lf_col_gid(p->dept, st, 3);
	p->name = lf_col_str(&out->arena, st, 4);
	p->title = lf_col_str(&out->arena, st, 5);
	p->post_name = lf_col_str(&out->arena, st, 6);
	p->dept_name = lf_col_str(&out->arena, st, 7);
	p->retired = sqlite3_column_int(st, 8);
}

lf_status lf_person_list(struct lf_db *db, const char *dept, const char *post, int with_retired,
                         struct lf_page *pg, struct lf_person_list *out)
{
	const char *sql = person_sql[post ? 2 : dept ? 1 : 0];
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) ||
	    (s = lf_key_parse(db, pg->after, &after, 1)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 2, dept, -1, SQLITE_STATIC);
	if (post)
		sqlite3_bind_text(st, 3, post, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, with_retired);
	sqlite3_bind_int64(st, 5, after);
	sqlite3_bind_int(st, 6, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, person_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_person_get(struct lf_db *db, const char *gid, struct lf_person_list *out)
{
	static const char sql[] = "SELECT " PERSON_COLUMNS PERSON_FROM "WHERE x.gid = ?1 AND x.deleted = 0";
	struct lf_page pg;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, person_row, id);
	sqlite3_finalize(st);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到人员（%.8s）。", gid);
	if (s)
		lf_person_list_free(out);
	return s;
}

void lf_person_list_free(struct lf_person_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ by name */

/* The first gid a by-name query gives (those in use first), or "". */
static lf_status first_named(struct lf_db *db, const char *sql, const char *a, const char *b, const char *c,
                             char gid[LF_GID_LEN + 1])
{
	sqlite3_stmt *st;
	lf_status s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL);
	int rc;

	gid[0] = 0;
	if (s || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (c)
		sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lf_col_gid(gid, st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取组织机构失败");
}

lf_status lf_dept_find(struct lf_db *db, const char *unit, const char *name, char gid[LF_GID_LEN + 1])
{
	static const char sql[] =
		"SELECT gid FROM dept WHERE owner = ?1 AND name = ?2 AND deleted = 0 ORDER BY retired, id LIMIT 1";
	static const char names_sql[] =
		"SELECT name FROM dept WHERE owner = ?1 AND deleted = 0 AND retired = 0 ORDER BY ifnull(seq, 0), name, id";
	const char *code = unit ? unit : db->unit;
	struct lf_buf names;
	sqlite3_stmt *st;
	lf_status s = first_named(db, sql, code, name, NULL, gid);

	if (s || gid[0] || (s = lf_prepare(db, names_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	lf_buf_init(&names);
	while (sqlite3_step(st) == SQLITE_ROW)
		lf_buf_addf(&names, "%s%s", names.len ? "、" : "", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	s = lf_fail(db, LF_NOTFOUND, "单位 %s 没有名为“%s”的处室%s%s%s。", code, name, names.len ? "（有：" : "",
	            names.len ? names.s : "", names.len ? "）" : "");
	lf_buf_free(&names);
	return s;
}

lf_status lf_post_find(struct lf_db *db, const char *dept, const char *name, char gid[LF_GID_LEN + 1])
{
	static const char sql[] =
		"SELECT gid FROM post WHERE dept = ?1 AND name = ?2 AND deleted = 0 ORDER BY retired, id LIMIT 1";
	lf_status s = first_named(db, sql, dept, name, NULL, gid);

	return s || gid[0] ? s : lf_fail(db, LF_NOTFOUND, "这个处室没有名为“%s”的岗位。", name);
}

lf_status lf_person_find(struct lf_db *db, const char *unit, const char *post, const char *name,
                         char gid[LF_GID_LEN + 1])
{
	static const char sql[] =
		"SELECT gid FROM person WHERE owner = ?1 AND name = ?2 AND (?3 IS NULL OR post = ?3) AND deleted = 0 "
		"ORDER BY retired, id LIMIT 1";
	const char *code = unit ? unit : db->unit;
	lf_status s = first_named(db, sql, code, name, post, gid);

	if (s || gid[0])
		return s;
	return post ? lf_fail(db, LF_NOTFOUND, "这个岗位没有名叫“%s”的人员。", name)
	            : lf_fail(db, LF_NOTFOUND, "单位 %s 没有名叫“%s”的人员。", code, name);
}
