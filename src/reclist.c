/* reclist: paged lists of records (see reclist.h). Identifiers in the SQL
 * come only from the compiled-in kind table (src/kinds.c), never from input;
 * every value is a bound parameter:
 *   ?1 owner  ?2 sort value  ?3 row id  ?4 limit  ?5 filter value  ?6 search  ?7 gid
 * The key condition is written as "s >= ?2 AND (s > ?2 OR id > ?3)" rather
 * than a row value, so SQLite seeks the (owner, s) index for every page. */
#include "lianfang/reclist.h"
#include "lianfang/perm.h"
#include "lianfang/util.h"

#include <string.h>

enum { KEY_NONE, KEY_AFTER, KEY_BEFORE };

struct lf_reclist {
	struct lf_db *db;
	const struct lf_kind *k;
	int sort;                 /* field index, -1: entry order */
	int cols[LF_LIST_COLS];
	int ncols;
	int filter;               /* field index, -1: none */
	char *filter_value;
	int retired;              /* field index of `retired`, -1: none */
	sqlite3_stmt *st[3][2][2]; /* [key][descending][search] */
	sqlite3_stmt *get, *count;
};

static const char *const label_fields[] = {
	"name", "year", "title", "description", "content", "requirement", "reason", "action", "key",
	"code", "role", "signer", "kind", "person",
};

const char *lf_kind_label_field(const struct lf_kind *k)
{
	size_t i;

	for (i = 0; i < LF_COUNT(label_fields); i++)
		if (lf_field_index(k, label_fields[i]) >= 0)
			return label_fields[i];
	return k->fields[0].name;
}

/* follow: when the label field names another record (a self-check's
 * person), that record's label — one step, never round a loop. */
static char *record_label(struct lf_db *db, const struct lf_kind *k, const char *gid, int follow)
{
	const char *field = lf_kind_label_field(k);
	int fi = lf_field_index(k, field);
	char *sql = lf_printf("SELECT CAST(\"%s\" AS TEXT) FROM \"%s\" WHERE gid = ?1", field, k->name);
	sqlite3_stmt *st;
	char *out = NULL;

	if (gid && *gid && lf_prepare(db, sql, &st) == LF_OK) {
		sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			out = lf_strdup(sqlite3_column_type(st, 0) == SQLITE_NULL ? ""
			                                                           : (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	lf_free(sql);
	if (follow && out && *out && fi >= 0 && k->fields[fi].type == LF_F_REF && lf_kind_find(k->fields[fi].ref)) {
		char *named = record_label(db, lf_kind_find(k->fields[fi].ref), out, 0);

		if (named) {
			lf_free(out);
			out = named;
		}
	}
	return out;
}

char *lf_record_label(struct lf_db *db, const struct lf_kind *k, const char *gid)
{
	return record_label(db, k, gid, 1);
}

void lf_listrow_clear(struct lf_listrow *r)
{
	int i;

	lf_free(r->sort);
	for (i = 0; i < LF_LIST_COLS; i++)
		lf_free(r->cell[i]);
	memset(r, 0, sizeof *r);
}

void lf_listrow_copy(struct lf_listrow *dst, const struct lf_listrow *src)
{
	int i;

	if (dst == src)
		return;
	lf_listrow_clear(dst);
	dst->id = src->id;
	memcpy(dst->gid, src->gid, sizeof dst->gid);
	dst->sort = lf_strdup(src->sort);
	for (i = 0; i < LF_LIST_COLS; i++)
		dst->cell[i] = lf_strdup(src->cell[i]);
	dst->retired = src->retired;
}

/* scope NULL: the whole unit's records. */
static lf_status open_list(struct lf_db *db, const struct lf_kind *k, const char *sort, const char *const *cols,
                           int ncols, const struct lf_scope *scope, struct lf_reclist **out)
{
	struct lf_reclist *l;
	int i;

	lf_status s;

	*out = NULL;
	if (ncols > LF_LIST_COLS)
		return lf_fail(db, LF_USAGE, "列表最多 %d 列。", LF_LIST_COLS);
	/* a list shows the whole unit's records (or one department's, one
	 * post's): public kinds to everyone, the others only to those who may
	 * read that much */
	if ((s = lf_perm_check(db, lf_perm_kind_public(k->name) ? LF_ACT_READ_PUBLIC : LF_ACT_READ, scope)))
		return s;
	l = lf_alloc(sizeof *l);
	l->db = db;
	l->k = k;
	l->filter = -1;
	l->sort = sort ? lf_field_index(k, sort) : -1;
	l->retired = lf_field_index(k, "retired");
	if (sort && (l->sort < 0 || !k->fields[l->sort].required)) {
		lf_free(l);
		return lf_fail(db, LF_USAGE, "%s不能按“%s”排序：它不是必填的项。", k->label, sort);
	}
	for (i = 0; i < ncols; i++) {
		if ((l->cols[i] = lf_field_index(k, cols[i])) < 0) {
			lf_free(l);
			return lf_fail(db, LF_USAGE, "%s没有“%s”这一项。", k->label, cols[i]);
		}
	}
	l->ncols = ncols;
	*out = l;
	return LF_OK;
}

lf_status lf_reclist_open(struct lf_db *db, const struct lf_kind *k, const char *sort,
                          const char *const *cols, int ncols, struct lf_reclist **out)
{
	return open_list(db, k, sort, cols, ncols, NULL, out);
}

lf_status lf_reclist_open_in(struct lf_db *db, const struct lf_kind *k, const char *sort, const char *const *cols,
                             int ncols, const char *field, const char *value, struct lf_reclist **out)
{
	struct lf_scope scope = { 0 };
	lf_status s;

	*out = NULL;
	if (lf_field_index(k, field) < 0)
		return lf_fail(db, LF_USAGE, "%s没有“%s”这一项。", k->label, field);
	if (!strcmp(field, "dept"))
		scope.dept = value;
	else if (!strcmp(field, "post"))
		scope.post = value;
	s = open_list(db, k, sort, cols, ncols, scope.dept || scope.post ? &scope : NULL, out);
	if (s == LF_OK && (s = lf_reclist_filter(*out, field, value))) {
		lf_reclist_free(*out);
		*out = NULL;
	}
	return s;
}

lf_status lf_reclist_filter(struct lf_reclist *l, const char *field, const char *value)
{
	int f = lf_field_index(l->k, field);

	if (f < 0)
		return lf_fail(l->db, LF_USAGE, "%s没有“%s”这一项。", l->k->label, field);
	l->filter = f;
	lf_free(l->filter_value);
	l->filter_value = lf_strdup(value);
	return LF_OK;
}

void lf_reclist_free(struct lf_reclist *l)
{
	int a, b, c;

	if (!l)
		return;
	for (a = 0; a < 3; a++)
		for (b = 0; b < 2; b++)
			for (c = 0; c < 2; c++)
				sqlite3_finalize(l->st[a][b][c]);
	sqlite3_finalize(l->get);
	sqlite3_finalize(l->count);
	lf_free(l->filter_value);
	lf_free(l);
}

const struct lf_kind *lf_reclist_kind(const struct lf_reclist *l)
{
	return l->k;
}

/* The text a column shows. `full`: the whole value (for searching); else
 * the first 200 characters (a list cell never shows more). */
static void add_cell(struct lf_buf *b, const struct lf_kind *k, int f, int full)
{
	const struct lf_field *d = &k->fields[f];
	const struct lf_kind *rk;

	switch (d->type) {
	case LF_F_BOOL:
		lf_buf_addf(b, "CASE WHEN t.\"%s\" THEN '是' ELSE '' END", d->name);
		break;
	case LF_F_INT:
		lf_buf_addf(b, "coalesce(CAST(t.\"%s\" AS TEXT), '')", d->name);
		break;
	case LF_F_REF:
		rk = lf_kind_find(d->ref);
		lf_buf_addf(b, "coalesce((SELECT CAST(r.\"%s\" AS TEXT) FROM \"%s\" r WHERE r.gid = t.\"%s\"), '')",
		            lf_kind_label_field(rk), rk->name, d->name);
		break;
	default:
		if (full)
			lf_buf_addf(b, "coalesce(t.\"%s\", '')", d->name);
		else
			lf_buf_addf(b, "substr(coalesce(t.\"%s\", ''), 1, 200)", d->name);
	}
}

static void add_select(struct lf_buf *b, const struct lf_reclist *l)
{
	int i;

	lf_buf_adds(b, "SELECT t.id, t.gid, ");
	if (l->sort >= 0)
		lf_buf_addf(b, "CAST(t.\"%s\" AS TEXT), ", l->k->fields[l->sort].name);
	else
		lf_buf_adds(b, "'', ");
	if (l->retired >= 0)
		lf_buf_adds(b, "t.retired");
	else
		lf_buf_adds(b, "0");
	for (i = 0; i < l->ncols; i++) {
		lf_buf_adds(b, ", ");
		add_cell(b, l->k, l->cols[i], 0);
	}
	lf_buf_addf(b, " FROM \"%s\" t WHERE t.owner = ?1 AND t.deleted = 0", l->k->name);
	if (l->filter >= 0)
		lf_buf_addf(b, " AND t.\"%s\" = ?5", l->k->fields[l->filter].name);
}

static lf_status stmt_for(struct lf_reclist *l, int key, int desc, int search, sqlite3_stmt **out)
{
	sqlite3_stmt **slot = &l->st[key][desc][search];
	const char *s = l->sort >= 0 ? l->k->fields[l->sort].name : NULL;
	struct lf_buf b;
	lf_status st;
	int i;

	if (*slot) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		*out = *slot;
		return LF_OK;
	}
	lf_buf_init(&b);
	add_select(&b, l);
	if (key != KEY_NONE) {
		const char *op = key == KEY_AFTER ? ">" : "<";

		if (s)
			lf_buf_addf(&b, " AND t.\"%s\" %s= ?2 AND (t.\"%s\" %s ?2 OR t.id %s ?3)", s, op, s, op, op);
		else
			lf_buf_addf(&b, " AND t.id %s ?3", op);
	}
	if (search) {
		lf_buf_adds(&b, " AND (0");
		for (i = 0; i < l->ncols; i++) {
			lf_buf_adds(&b, " OR instr(");
			add_cell(&b, l->k, l->cols[i], 1);
			lf_buf_adds(&b, ", ?6) > 0");
		}
		lf_buf_adds(&b, ")");
	}
	if (s)
		lf_buf_addf(&b, " ORDER BY t.\"%s\" %s, t.id %s", s, desc ? "DESC" : "ASC", desc ? "DESC" : "ASC");
	else
		lf_buf_addf(&b, " ORDER BY t.id %s", desc ? "DESC" : "ASC");
	lf_buf_adds(&b, " LIMIT ?4");
	st = lf_prepare(l->db, b.s, slot);
	lf_buf_free(&b);
	*out = *slot;
	return st;
}

static void bind_common(struct lf_reclist *l, sqlite3_stmt *st)
{
	sqlite3_bind_text(st, 1, l->db->unit, -1, SQLITE_STATIC);
	if (l->filter >= 0)
		sqlite3_bind_text(st, 5, l->filter_value, -1, SQLITE_STATIC);
}

static void read_row(const struct lf_reclist *l, sqlite3_stmt *st, struct lf_listrow *r)
{
	int i;

	lf_listrow_clear(r);
	r->id = sqlite3_column_int64(st, 0);
	snprintf(r->gid, sizeof r->gid, "%s", (const char *)sqlite3_column_text(st, 1));
	r->sort = lf_strdup((const char *)sqlite3_column_text(st, 2));
	r->retired = sqlite3_column_int(st, 3);
	for (i = 0; i < l->ncols; i++)
		r->cell[i] = lf_strdup((const char *)sqlite3_column_text(st, 4 + i));
}

/* Run a page query, reversing a descending one into list order. */
static lf_status run(struct lf_reclist *l, sqlite3_stmt *st, int desc, int n, struct lf_listrow *out, int *got)
{
	int rc, k = 0, i;

	while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(l, st, &out[k++]);
	if (k < n && rc != SQLITE_DONE) {
		for (i = 0; i < k; i++)
			lf_listrow_clear(&out[i]);
		*got = 0;
		sqlite3_reset(st);
		return lf_sqlfail(l->db, rc, "读取列表失败");
	}
	sqlite3_reset(st);
	if (desc) {
		for (i = 0; i < k / 2; i++) {
			struct lf_listrow t = out[i];

			out[i] = out[k - 1 - i];
			out[k - 1 - i] = t;
		}
	}
	*got = k;
	return LF_OK;
}

static lf_status query(struct lf_reclist *l, const struct lf_listrow *from, int dir, const char *q, int n,
                       struct lf_listrow *out, int *got)
{
	int key = from ? (dir > 0 ? KEY_AFTER : KEY_BEFORE) : KEY_NONE;
	int desc = dir < 0;
	sqlite3_stmt *st;
	lf_status s;

	*got = 0;
	if (n <= 0)
		return LF_OK;
	if ((s = stmt_for(l, key, desc, q != NULL, &st)))
		return s;
	bind_common(l, st);
	if (from) {
		sqlite3_bind_text(st, 2, from->sort ? from->sort : "", -1, SQLITE_TRANSIENT); /* from may be out */
		sqlite3_bind_int64(st, 3, from->id);
	}
	sqlite3_bind_int(st, 4, n);
	if (q)
		sqlite3_bind_text(st, 6, q, -1, SQLITE_STATIC);
	s = run(l, st, desc, n, out, got);
	for (int i = *got; i < n; i++)
		lf_listrow_clear(&out[i]);
	return s;
}

lf_status lf_reclist_page(struct lf_reclist *l, const struct lf_listrow *from, int dir, int n,
                          struct lf_listrow *out, int *got)
{
	return query(l, from, dir, NULL, n, out, got);
}

lf_status lf_reclist_find(struct lf_reclist *l, const struct lf_listrow *from, int dir, const char *q,
                          struct lf_listrow *out, int *found)
{
	return query(l, from, dir, q, 1, out, found);
}

lf_status lf_reclist_get(struct lf_reclist *l, const char *gid, struct lf_listrow *out)
{
	struct lf_buf b;
	lf_status s;
	int rc;

	if (!l->get) {
		lf_buf_init(&b);
		add_select(&b, l);
		lf_buf_adds(&b, " AND t.gid = ?7");
		s = lf_prepare(l->db, b.s, &l->get);
		lf_buf_free(&b);
		if (s)
			return s;
	}
	sqlite3_reset(l->get);
	bind_common(l, l->get);
	sqlite3_bind_text(l->get, 7, gid, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(l->get);
	if (rc == SQLITE_ROW)
		read_row(l, l->get, out);
	sqlite3_reset(l->get);
	if (rc == SQLITE_ROW)
		return LF_OK;
	if (rc == SQLITE_DONE)
		return lf_fail(l->db, LF_NOTFOUND, "列表中没有这条%s。", l->k->label);
	return lf_sqlfail(l->db, rc, "读取列表失败");
}

lf_status lf_reclist_count(struct lf_reclist *l, long long cap, long long *n)
{
	lf_status s;
	int rc;

	*n = 0;
	if (!l->count) {
		char *sql = lf_printf("SELECT count(*) FROM (SELECT 1 FROM \"%s\" t WHERE t.owner = ?1 AND t.deleted = 0%s%s%s "
		                      "LIMIT ?4)", l->k->name, l->filter >= 0 ? " AND t.\"" : "",
		                      l->filter >= 0 ? l->k->fields[l->filter].name : "", l->filter >= 0 ? "\" = ?5" : "");

		s = lf_prepare(l->db, sql, &l->count);
		lf_free(sql);
		if (s)
			return s;
	}
	sqlite3_reset(l->count);
	bind_common(l, l->count);
	sqlite3_bind_int64(l->count, 4, cap + 1);
	rc = sqlite3_step(l->count);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(l->count, 0);
	sqlite3_reset(l->count);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(l->db, rc, "统计记录失败");
}
