/* power: the power catalog (include/lianfang/power.h). */
#include "lianfang/power.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

/* "决策权" → "决策": people write the kind with or without 权. */
static char *normal_kind(const char *kind)
{
	char *k = lf_input_trim(kind);
	size_t n = k ? strlen(k) : 0;

	if (n > 3 && !strcmp(k + n - 3, "权"))
		k[n - 3] = 0;
	return k;
}

static lf_status power_checks(struct lf_db *db, struct lf_rec *r)
{
	struct lf_rec *d = lf_rec_new(lf_kind_find("dept")), *p = lf_rec_new(lf_kind_find("post"));
	const char *post = lf_rec_text(r, "post");
	lf_status s = lf_rec_validate(db, r);

	if (s == LF_OK)
		s = lf_rec_load_live(db, lf_rec_text(r, "dept"), d);
	if (s == LF_OK && post && (s = lf_rec_load_live(db, post, p)) == LF_OK &&
	    strcmp(lf_rec_text(p, "dept"), lf_rec_text(r, "dept")))
		s = lf_fail(db, LF_INVALID, "岗位“%s”不属于处室“%s”。", lf_rec_text(p, "name"), lf_rec_text(d, "name"));
	if (s == LF_OK && !lf_rec_int(r, "retired") && lf_rec_int(d, "retired"))
		s = lf_fail(db, LF_STATE, "处室“%s”已撤销。", lf_rec_text(d, "name"));
	if (s == LF_OK && post && !lf_rec_int(r, "retired") && lf_rec_int(p, "retired"))
		s = lf_fail(db, LF_STATE, "岗位“%s”已撤销。", lf_rec_text(p, "name"));
	lf_rec_free(d);
	lf_rec_free(p);
	return s;
}

static lf_status apply(struct lf_db *db, struct lf_rec *r, const struct lf_power_in *in, char gid[LF_GID_LEN + 1])
{
	static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM power WHERE dept = ?1 AND deleted = 0";
	char *kind = in->kind ? normal_kind(in->kind) : NULL;
	lf_status s = lf_input_setv(db, r, "dept", in->dept, "post", in->post, "name", in->name, "content", in->content,
	                            "kind", kind, "area", in->area, "basis", in->basis, "holder", in->holder, "seq",
	                            in->seq, (char *)NULL);
	struct lf_scope scope = { .dept = NULL };

	lf_free(kind);
	/* A post given without its department: the post's. */
	if (s == LF_OK && in->post && *in->post && !in->dept) {
		struct lf_rec *p = lf_rec_new(lf_kind_find("post"));

		if ((s = lf_rec_load_live(db, lf_rec_text(r, "post"), p)) == LF_OK)
			lf_rec_set_text(r, "dept", lf_rec_text(p, "dept"));
		lf_rec_free(p);
	}
	if (s == LF_OK && lf_rec_is_null(r, "dept"))
		s = lf_fail(db, LF_INVALID, "职权的“处室”不能为空（给出处室或岗位）。");
	scope.dept = lf_rec_text(r, "dept");
	scope.post = lf_rec_text(r, "post");
	if (s == LF_OK)
		s = lf_perm_check(db, LF_ACT_POWER_EDIT, &scope);
	if (s == LF_OK)
		s = lf_query_default_seq(db, r, seq_sql, lf_rec_text(r, "dept"));
	if (s == LF_OK)
		s = power_checks(db, r);
	return s ? s : lf_rec_save(db, r, gid);
}

lf_status lf_power_open(struct lf_db *db, const char *gid, struct lf_rec *w)
{
	lf_status s = lf_rec_load_live(db, gid, w);

	if (s == LF_OK) {
		struct lf_scope scope = { .dept = lf_rec_text(w, "dept"), .post = lf_rec_text(w, "post") };

		s = lf_perm_check(db, LF_ACT_POWER_EDIT, &scope);
	}
	return s;
}

lf_status lf_power_add(struct lf_db *db, const struct lf_power_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("power"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		if (!in->name || !*in->name)
			s = lf_fail(db, LF_INVALID, "职权的“职权名称”不能为空。");
		else if (!in->kind || !*in->kind)
			s = lf_fail(db, LF_INVALID, "职权的“职权类别”不能为空（决策、执行或监督）。");
		if (s == LF_OK)
			s = apply(db, r, in, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_power_edit(struct lf_db *db, const char *gid, const struct lf_power_in *in)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("power"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = lf_power_open(db, gid, r);
		if (s == LF_OK)
			s = apply(db, r, in, NULL);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_power_retire(struct lf_db *db, const char *gid, int retired)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("power"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = lf_power_open(db, gid, r);
		if (s == LF_OK) {
			lf_rec_set_int(r, "retired", retired ? 1 : 0);
			s = power_checks(db, r);
		}
		if (s == LF_OK)
			s = lf_rec_put(db, r);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

#define POWER_COLUMNS \
	"w.id, w.gid, w.dept, w.post, d.name, p.name, w.name, w.content, w.kind, w.area, w.basis, w.holder, " \
	"ifnull(w.seq, 0), w.retired, " \
	"(SELECT count(*) FROM flow_step f WHERE f.power = w.gid AND f.deleted = 0), " \
	"(SELECT count(*) FROM flow_step f WHERE f.power = w.gid AND f.deleted = 0 AND f.risky = 1) "
#define POWER_FROM "FROM power w JOIN dept d ON d.gid = w.dept LEFT JOIN post p ON p.gid = w.post "
#define POWER_ORDER "ifnull(d.seq, 0), d.name, d.id, ifnull(w.seq, 0), w.name, w.id"

static void power_row(struct lf_power_list *out, sqlite3_stmt *st)
{
	struct lf_power *w = &out->v[out->n++];

	w->id = sqlite3_column_int64(st, 0);
	lf_col_gid(w->gid, st, 1);
	lf_col_gid(w->dept, st, 2);
	lf_col_gid(w->post, st, 3);
	w->dept_name = lf_col_str(&out->arena, st, 4);
	w->post_name = lf_col_str(&out->arena, st, 5);
	w->name = lf_col_str(&out->arena, st, 6);
	w->content = lf_col_str(&out->arena, st, 7);
	w->kind = lf_col_str(&out->arena, st, 8);
	w->area = lf_col_str(&out->arena, st, 9);
	w->basis = lf_col_str(&out->arena, st, 10);
	w->holder = lf_col_str(&out->arena, st, 11);
	w->seq = sqlite3_column_int(st, 12);
	w->retired = sqlite3_column_int(st, 13);
	w->steps = sqlite3_column_int(st, 14);
	w->risky_steps = sqlite3_column_int(st, 15);
}

lf_status lf_power_list(struct lf_db *db, const char *dept, const char *post, int with_retired,
                        struct lf_page *pg, struct lf_power_list *out)
{
	return lf_power_list_unit(db, NULL, dept, post, with_retired, pg, out);
}

lf_status lf_power_list_unit(struct lf_db *db, const char *unit, const char *dept, const char *post, int with_retired,
                             struct lf_page *pg, struct lf_power_list *out)
{
	static const char sql[] =
		"SELECT " POWER_COLUMNS POWER_FROM
		"WHERE w.owner = ?1 AND w.deleted = 0 AND (?2 IS NULL OR w.dept = ?2) AND (?3 IS NULL OR w.post = ?3) "
		"AND (?4 OR w.retired = 0) AND " LF_REACH_SQL("w.dept", "w.post") " AND "
		"(?5 = 0 OR (" POWER_ORDER ") > (SELECT " POWER_ORDER " " POWER_FROM
		"WHERE w.id = ?5)) ORDER BY " POWER_ORDER " LIMIT ?6";
	struct lf_perm_reach reach;
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = LF_OK;

	memset(out, 0, sizeof *out);
	memset(&reach, 0, sizeof reach);
	pg->next[0] = 0;
	if (post) { /* one post: READ on it */
		struct lf_rec *p = lf_rec_new(lf_kind_find("post"));

		if ((s = lf_rec_load(db, p->kind, post, p)) == LF_OK) {
			struct lf_scope scope = { .dept = lf_rec_text(p, "dept"), .post = post };

			s = lf_perm_check(db, LF_ACT_READ, &scope);
		} else if (s == LF_NOTFOUND) {
			s = lf_fail(db, LF_NOTFOUND, "找不到岗位（%.8s）。", post);
		}
		lf_rec_free(p);
	}
	if (s == LF_OK && unit && strcmp(unit, db->unit)) /* another unit's: the whole unit's reader */
		s = lf_perm_check(db, LF_ACT_READ, NULL);
	if (s || (s = lf_perm_reach_in(db, LF_ACT_READ, dept, &reach)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	lf_perm_reach_bind(st, &reach);
	lf_perm_reach_clear(&reach);
	sqlite3_bind_text(st, 1, unit ? unit : db->unit, -1, SQLITE_STATIC);
	if (dept)
		sqlite3_bind_text(st, 2, dept, -1, SQLITE_STATIC);
	if (post)
		sqlite3_bind_text(st, 3, post, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, with_retired);
	sqlite3_bind_int64(st, 5, after);
	sqlite3_bind_int(st, 6, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, power_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_power_get(struct lf_db *db, const char *gid, struct lf_power_list *out)
{
	static const char sql[] = "SELECT " POWER_COLUMNS POWER_FROM "WHERE w.gid = ?1 AND w.deleted = 0";
	struct lf_page pg;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, power_row, id);
	sqlite3_finalize(st);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到职权（%.8s）。", gid);
	if (s == LF_OK) {
		struct lf_scope scope = { .dept = out->v[0].dept, .post = out->v[0].post[0] ? out->v[0].post : NULL };

		s = lf_perm_check(db, LF_ACT_READ, &scope);
	}
	if (s)
		lf_power_list_free(out);
	return s;
}

void lf_power_list_free(struct lf_power_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

lf_status lf_power_find(struct lf_db *db, const char *dept, const char *name, char gid[LF_GID_LEN + 1])
{
	static const char sql[] =
		"SELECT gid FROM power WHERE dept = ?1 AND name = ?2 AND deleted = 0 ORDER BY retired, id LIMIT 1";
	struct lf_scope scope = { .dept = dept };
	sqlite3_stmt *st;
	lf_status s = lf_perm_check(db, LF_ACT_READ, &scope);
	int rc;

	gid[0] = 0;
	if (s || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, dept, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lf_col_gid(gid, st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return lf_fail(db, LF_NOTFOUND, "这个处室的职权目录里没有“%s”。", name);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取职权目录失败");
}
