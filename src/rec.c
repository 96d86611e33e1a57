/* rec: records, their revisions and the rule that derives the visible row.
 * The model is described at the top of include/lianfang/rec.h. Here: the
 * canonical body encoding, sealing and verifying revisions, adding them, and
 * materialising the winner of a record's leaves into its kind's table. */
#include "lianfang/rec.h"
#include "lianfang/audit.h"
#include "lianfang/hash.h"
#include "lianfang/util.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ statement cache */

struct kind_stmts {
	sqlite3_stmt *upsert; /* materialise a winner */
	sqlite3_stmt *load;   /* visible row by gid */
};

struct cache {
	struct kind_stmts k[64];
	sqlite3_stmt *rev_insert, *edge_insert, *not_leaf, *leaves, *winner, *rev_get, *gid_meta;
};

static void cache_free(struct lf_db *db)
{
	struct cache *c = db->cache;
	int i;

	if (!c)
		return;
	for (i = 0; i < lf_nkinds; i++) {
		sqlite3_finalize(c->k[i].upsert);
		sqlite3_finalize(c->k[i].load);
	}
	sqlite3_finalize(c->rev_insert);
	sqlite3_finalize(c->edge_insert);
	sqlite3_finalize(c->not_leaf);
	sqlite3_finalize(c->leaves);
	sqlite3_finalize(c->winner);
	sqlite3_finalize(c->rev_get);
	sqlite3_finalize(c->gid_meta);
	lf_free(c);
	db->cache = NULL;
}

static struct cache *cache_of(struct lf_db *db)
{
	if (!db->cache) {
		db->cache = lf_alloc(sizeof(struct cache));
		db->cache_free = cache_free;
	}
	return db->cache;
}

/* Prepare once per connection; statements are reset before reuse. */
static lf_status cached(struct lf_db *db, sqlite3_stmt **slot, const char *sql)
{
	if (*slot) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return LF_OK;
	}
	return lf_prepare(db, sql, slot);
}

static int kind_index(const struct lf_kind *k)
{
	return (int)(k - lf_kinds);
}

/* The column list "a", "b", … of a kind, optionally prefixed. */
static void add_columns(struct lf_buf *b, const struct lf_kind *k, const char *prefix)
{
	int i;

	for (i = 0; i < k->nfields; i++)
		lf_buf_addf(b, "%s%s\"%s\"", i ? ", " : "", prefix, k->fields[i].name);
}

/* SQL is built from the kind tables above — identifiers only, never values. */
static lf_status kind_upsert(struct lf_db *db, const struct lf_kind *k, sqlite3_stmt **st)
{
	struct kind_stmts *ks = &cache_of(db)->k[kind_index(k)];
	struct lf_buf b;
	lf_status s;
	int i;

	if (ks->upsert) {
		sqlite3_reset(ks->upsert);
		*st = ks->upsert;
		return LF_OK;
	}
	lf_buf_init(&b);
	lf_buf_addf(&b, "INSERT INTO \"%s\"(gid, owner, rid, deleted, ", k->name);
	add_columns(&b, k, "");
	lf_buf_adds(&b, ") VALUES(?1, ?2, ?3, ?4");
	for (i = 0; i < k->nfields; i++)
		lf_buf_addf(&b, ", json_extract(?5, '$.%s')", k->fields[i].name);
	lf_buf_adds(&b, ") ON CONFLICT(gid) DO UPDATE SET owner = excluded.owner, rid = excluded.rid, "
	                "deleted = excluded.deleted");
	for (i = 0; i < k->nfields; i++)
		lf_buf_addf(&b, ", \"%s\" = excluded.\"%s\"", k->fields[i].name, k->fields[i].name);
	lf_buf_adds(&b, " WHERE rid <> excluded.rid");
	s = lf_prepare(db, b.s, &ks->upsert);
	lf_buf_free(&b);
	*st = ks->upsert;
	return s;
}

static lf_status kind_load(struct lf_db *db, const struct lf_kind *k, sqlite3_stmt **st)
{
	struct kind_stmts *ks = &cache_of(db)->k[kind_index(k)];
	struct lf_buf b;
	lf_status s;

	if (ks->load) {
		sqlite3_reset(ks->load);
		*st = ks->load;
		return LF_OK;
	}
	lf_buf_init(&b);
	lf_buf_adds(&b, "SELECT owner, rid, deleted, ");
	add_columns(&b, k, "");
	lf_buf_addf(&b, " FROM \"%s\" WHERE gid = ?1", k->name);
	s = lf_prepare(db, b.s, &ks->load);
	lf_buf_free(&b);
	*st = ks->load;
	return s;
}

/* ------------------------------------------------------------------ records in memory */

struct lf_rec *lf_rec_new(const struct lf_kind *k)
{
	struct lf_rec *r = lf_alloc(sizeof *r);
	int i;

	r->kind = k;
	for (i = 0; i < k->nfields; i++) {
		r->v[i].null = 1;
		if (k->fields[i].type == LF_F_BOOL)
			r->v[i].null = 0;
	}
	return r;
}

void lf_rec_clear(struct lf_rec *r)
{
	int i;

	for (i = 0; i < LF_MAX_FIELDS; i++) {
		lf_free(r->v[i].s);
		r->v[i].s = NULL;
		r->v[i].null = 1;
		r->v[i].i = 0;
	}
	for (i = 0; i < r->kind->nfields; i++)
		if (r->kind->fields[i].type == LF_F_BOOL)
			r->v[i].null = 0;
	r->gid[0] = r->owner[0] = r->rid[0] = 0;
	r->deleted = 0;
}

void lf_rec_free(struct lf_rec *r)
{
	if (!r)
		return;
	lf_rec_clear(r);
	lf_free(r);
}

static int field_or_die(const struct lf_rec *r, const char *field)
{
	int i = lf_field_index(r->kind, field);

	if (i < 0) {
		fprintf(stderr, "lianfang: 程序错误：%s 没有字段 %s\n", r->kind->name, field);
		abort();
	}
	return i;
}

static int is_int_type(enum lf_ftype t)
{
	return t == LF_F_INT || t == LF_F_BOOL;
}

void lf_rec_set_text(struct lf_rec *r, const char *field, const char *s)
{
	int i = field_or_die(r, field);

	lf_free(r->v[i].s);
	r->v[i].s = NULL;
	r->v[i].null = !s;
	if (s && is_int_type(r->kind->fields[i].type))
		r->v[i].i = atoll(s);
	else
		r->v[i].s = lf_strdup(s);
}

void lf_rec_set_int(struct lf_rec *r, const char *field, long long v)
{
	int i = field_or_die(r, field);

	if (!is_int_type(r->kind->fields[i].type)) {
		char num[24];

		snprintf(num, sizeof num, "%lld", v);
		lf_rec_set_text(r, field, num);
		return;
	}
	r->v[i].null = 0;
	r->v[i].i = v;
}

void lf_rec_set_null(struct lf_rec *r, const char *field)
{
	int i = field_or_die(r, field);

	lf_free(r->v[i].s);
	r->v[i].s = NULL;
	r->v[i].null = 1;
	r->v[i].i = 0;
}

const char *lf_rec_text(const struct lf_rec *r, const char *field)
{
	int i = field_or_die(r, field);

	return r->v[i].null ? NULL : r->v[i].s;
}

long long lf_rec_int(const struct lf_rec *r, const char *field)
{
	int i = field_or_die(r, field);

	return r->v[i].null ? 0 : r->v[i].i;
}

int lf_rec_is_null(const struct lf_rec *r, const char *field)
{
	return r->v[field_or_die(r, field)].null;
}

/* ------------------------------------------------------------------ validation */

static int in_choices(const char *choices, const char *s)
{
	size_t n = strlen(s);
	const char *p = choices;

	while (*p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && !strncmp(p, s, n))
			return 1;
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

static lf_status validate_field(struct lf_db *db, const struct lf_kind *k, int i, const struct lf_val *v)
{
	const struct lf_field *f = &k->fields[i];
	char iso[11];

	if (v->null)
		return f->required ? lf_fail(db, LF_INVALID, "%s的“%s”不能为空。", k->label, f->label) : LF_OK;
	switch (f->type) {
	case LF_F_INT:
	case LF_F_BOOL:
		if (v->i < f->min || v->i > f->max)
			return lf_fail(db, LF_INVALID, "%s的“%s”应在 %d 到 %d 之间，而不是 %lld。",
			               k->label, f->label, f->min, f->max, v->i);
		return LF_OK;
	case LF_F_DATE:
		if (!v->s || lf_date_parse(v->s, iso) != 0 || strcmp(iso, v->s))
			return lf_fail(db, LF_INVALID, "%s的“%s”不是有效日期（应为 2026-11-22 这样的形式）。",
			               k->label, f->label);
		return LF_OK;
	case LF_F_REF:
		if (!lf_is_hex(v->s, LF_GID_LEN))
			return lf_fail(db, LF_INVALID, "%s的“%s”不是有效的记录编号。", k->label, f->label);
		return LF_OK;
	case LF_F_CODE:
		if (!lf_unit_code_valid(v->s))
			return lf_fail(db, LF_INVALID, "%s的“%s”应为 2–32 个字母、数字或“-”。", k->label, f->label);
		return LF_OK;
	case LF_F_TEXT:
		if (!v->s || lf_utf8_valid(v->s, strlen(v->s)) != strlen(v->s))
			return lf_fail(db, LF_INVALID, "%s的“%s”含有无效的 UTF-8 字节。", k->label, f->label);
		if (lf_has_control(v->s))
			return lf_fail(db, LF_INVALID, "%s的“%s”含有控制字符。", k->label, f->label);
		if (f->required && !*v->s)
			return lf_fail(db, LF_INVALID, "%s的“%s”不能为空。", k->label, f->label);
		if (lf_utf8_chars(v->s) > (size_t)f->max)
			return lf_fail(db, LF_INVALID, "%s的“%s”最多 %d 个字，现有 %zu 个。",
			               k->label, f->label, f->max, lf_utf8_chars(v->s));
		if (f->choices && !in_choices(f->choices, v->s))
			return lf_fail(db, LF_INVALID, "%s的“%s”只能是 %s 之一，而不是“%s”。",
			               k->label, f->label, f->choices, v->s);
		return LF_OK;
	}
	return LF_INTERNAL;
}

lf_status lf_rec_validate(struct lf_db *db, const struct lf_rec *r)
{
	lf_status st;
	int i;

	for (i = 0; i < r->kind->nfields; i++)
		if ((st = validate_field(db, r->kind, i, &r->v[i])))
			return st;
	return LF_OK;
}

/* ------------------------------------------------------------------ canonical JSON */

static void json_value(struct lf_buf *b, enum lf_ftype t, const struct lf_val *v)
{
	if (v->null)
		lf_buf_adds(b, "null");
	else if (is_int_type(t))
		lf_buf_addf(b, "%lld", v->i);
	else
		lf_json_string(b, v->s ? v->s : "");
}

char *lf_rec_body(const struct lf_rec *r)
{
	struct lf_buf b;
	int i;

	lf_buf_init(&b);
	lf_buf_addc(&b, '{');
	for (i = 0; i < r->kind->nfields; i++) {
		if (i)
			lf_buf_addc(&b, ',');
		lf_json_string(&b, r->kind->fields[i].name);
		lf_buf_addc(&b, ':');
		json_value(&b, r->kind->fields[i].type, &r->v[i]);
	}
	lf_buf_addc(&b, '}');
	return lf_buf_steal(&b);
}

lf_status lf_rec_from_body(struct lf_db *db, struct lf_rec *r, const char *body)
{
	static const char sql[] = "SELECT key, type, atom FROM json_each(?1)";
	sqlite3_stmt *st;
	lf_status s;
	char *again;
	int i = 0, rc;

	if (lf_utf8_valid(body, strlen(body)) != strlen(body))
		return lf_fail(db, LF_INVALID, "%s的内容含有无效的 UTF-8 字节。", r->kind->label);
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct lf_field *f = &r->kind->fields[i];
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);

		if (i >= r->kind->nfields || !key || strcmp(key, f->name)) {
			s = lf_fail(db, LF_INVALID, "%s的内容字段不符：第 %d 个字段应为 %s。", r->kind->label,
			            i + 1, i < r->kind->nfields ? f->name : "（无）");
			break;
		}
		lf_free(r->v[i].s);
		r->v[i].s = NULL;
		r->v[i].null = !strcmp(type, "null");
		if (!r->v[i].null && is_int_type(f->type)) {
			if (strcmp(type, "integer")) {
				s = lf_fail(db, LF_INVALID, "%s的“%s”应为整数。", r->kind->label, f->label);
				break;
			}
			r->v[i].i = sqlite3_column_int64(st, 2);
		} else if (!r->v[i].null) {
			const char *t = (const char *)sqlite3_column_text(st, 2);

			if (strcmp(type, "text") || !t || (size_t)sqlite3_column_bytes(st, 2) != strlen(t)) {
				s = lf_fail(db, LF_INVALID, "%s的“%s”应为文字。", r->kind->label, f->label);
				break;
			}
			r->v[i].s = lf_strdup(t);
		}
		i++;
	}
	if (s == LF_OK && rc != SQLITE_DONE)
		s = lf_fail(db, LF_INVALID, "%s的内容不是有效的 JSON 对象。", r->kind->label);
	sqlite3_finalize(st);
	if (s == LF_OK && i != r->kind->nfields)
		s = lf_fail(db, LF_INVALID, "%s的内容有 %d 个字段，应有 %d 个。", r->kind->label, i,
		            r->kind->nfields);
	if (s)
		return s;
	again = lf_rec_body(r);
	if (strcmp(again, body))
		s = lf_fail(db, LF_INVALID, "%s的内容不是规范格式。", r->kind->label);
	lf_free(again);
	return s ? s : lf_rec_validate(db, r);
}

/* ------------------------------------------------------------------ revisions */

void lf_rev_clear(struct lf_rev *v)
{
	lf_free(v->parents);
	lf_free(v->body);
	memset(v, 0, sizeof *v);
}

void lf_rev_seal(struct lf_rev *v)
{
	struct lf_hasher h;

	lf_hash_bytes(v->body, strlen(v->body), v->hash);
	lf_hash_init(&h, "lianfang-rev-1");
	lf_hash_str(&h, v->gid);
	lf_hash_str(&h, v->kind->name);
	lf_hash_str(&h, v->owner);
	lf_hash_int(&h, v->gen);
	lf_hash_str(&h, v->parents);
	lf_hash_str(&h, v->author);
	lf_hash_str(&h, v->at);
	lf_hash_int(&h, v->deleted);
	lf_hash_str(&h, v->hash);
	lf_hash_final(&h, v->rid);
}

/* parents: "" or sorted, distinct, space-separated rids. */
static int parents_valid(const char *p)
{
	char prev[LF_HASH_LEN + 1] = "";

	while (*p) {
		char cur[LF_HASH_LEN + 1];

		if (strlen(p) < LF_HASH_LEN)
			return 0;
		memcpy(cur, p, LF_HASH_LEN);
		cur[LF_HASH_LEN] = 0;
		if (!lf_is_hex(cur, LF_HASH_LEN) || strcmp(prev, cur) >= 0)
			return 0;
		memcpy(prev, cur, sizeof cur);
		p += LF_HASH_LEN;
		if (*p == ' ' && p[1])
			p++;
		else if (*p)
			return 0;
	}
	return 1;
}

static int timestamp_valid(const char *at)
{
	char date[11];

	if (strlen(at) != 20 || at[10] != 'T' || at[19] != 'Z' || at[13] != ':' || at[16] != ':')
		return 0;
	memcpy(date, at, 10);
	date[10] = 0;
	if (lf_date_parse(date, date) != 0 || strncmp(date, at, 10))
		return 0;
	return at[11] >= '0' && at[11] <= '2' && at[12] >= '0' && at[12] <= '9' &&
	       at[14] >= '0' && at[14] <= '5' && at[15] >= '0' && at[15] <= '9' &&
	       at[17] >= '0' && at[17] <= '6' && at[18] >= '0' && at[18] <= '9';
}

lf_status lf_rev_verify(struct lf_db *db, const struct lf_rev *v)
{
	struct lf_rev copy;
	struct lf_rec *r;
	lf_status st;
	size_t alen = strlen(v->author);

	if (!v->kind)
		return lf_fail(db, LF_INVALID, "修订 %.12s 的记录类型未知。", v->rid);
	if (!lf_is_hex(v->gid, LF_GID_LEN))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的记录编号无效。", v->rid);
	if (!lf_unit_code_valid(v->owner))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的所属单位代码无效。", v->rid);
	if (v->gen < 1 || v->gen > (1LL << 40))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的版本号 %lld 无效。", v->rid, v->gen);
	if (!v->parents || !parents_valid(v->parents) || (v->gen == 1) != (v->parents[0] == 0))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的上一版本列表无效。", v->rid);
	if (alen < 1 || alen > LF_LOGIN_MAX || lf_utf8_valid(v->author, alen) != alen || lf_has_control(v->author))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的修改人无效。", v->rid);
	if (!timestamp_valid(v->at))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的时间“%s”无效。", v->rid, v->at);
	if (v->deleted != 0 && v->deleted != 1)
		return lf_fail(db, LF_INVALID, "修订 %.12s 的删除标记无效。", v->rid);
	if (!v->body)
		return lf_fail(db, LF_INVALID, "修订 %.12s 没有内容。", v->rid);
	copy = *v;
	lf_rev_seal(&copy);
	if (strcmp(copy.hash, v->hash))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的内容与其哈希不符（内容被改动或损坏）。", v->rid);
	if (strcmp(copy.rid, v->rid))
		return lf_fail(db, LF_INVALID, "修订 %.12s 的编号与其内容不符（被改动或损坏）。", v->rid);
	r = lf_rec_new(v->kind);
	st = lf_rec_from_body(db, r, v->body);
	if (st == LF_OK && v->kind->key) {
		/* A keyed record's id must be the one its key gives. */
		char gid[LF_GID_LEN + 1];
		struct lf_buf key;
		int i = lf_field_index(v->kind, v->kind->key);

		lf_buf_init(&key);
		lf_buf_addf(&key, "%s/", v->owner);
		if (is_int_type(v->kind->fields[i].type))
			lf_buf_addf(&key, "%lld", r->v[i].i);
		else
			lf_buf_adds(&key, r->v[i].s ? r->v[i].s : "");
		lf_gid_for_key(v->kind->name, key.s, gid);
		lf_buf_free(&key);
		if (strcmp(gid, v->gid))
			st = lf_fail(db, LF_INVALID, "修订 %.12s 的记录编号与%s的关键字段不符。", v->rid,
			             v->kind->label);
	}
	lf_rec_free(r);
	return st;
}

static lf_status rev_row(struct lf_db *db, sqlite3_stmt *st, struct lf_rev *v)
{
	const char *kind = (const char *)sqlite3_column_text(st, 2);

	memset(v, 0, sizeof *v);
	snprintf(v->rid, sizeof v->rid, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(v->gid, sizeof v->gid, "%s", (const char *)sqlite3_column_text(st, 1));
	v->kind = kind ? lf_kind_find(kind) : NULL;
	snprintf(v->owner, sizeof v->owner, "%s", (const char *)sqlite3_column_text(st, 3));
	v->gen = sqlite3_column_int64(st, 4);
	v->parents = lf_strdup((const char *)sqlite3_column_text(st, 5));
	snprintf(v->author, sizeof v->author, "%s", (const char *)sqlite3_column_text(st, 6));
	snprintf(v->at, sizeof v->at, "%s", (const char *)sqlite3_column_text(st, 7));
	v->deleted = sqlite3_column_int(st, 8);
	v->body = lf_strdup((const char *)sqlite3_column_text(st, 9));
	snprintf(v->hash, sizeof v->hash, "%s", (const char *)sqlite3_column_text(st, 10));
	if (!v->kind)
		return lf_fail(db, LF_CORRUPT, "修订 %.12s 的记录类型“%s”未知。", v->rid, kind ? kind : "");
	return LF_OK;
}

#define REV_COLUMNS "rid, gid, kind, owner, gen, parents, author, at, deleted, body, hash"

lf_status lf_rev_load(struct lf_db *db, const char *rid, struct lf_rev *v)
{
	struct cache *c = cache_of(db);
	lf_status s = cached(db, &c->rev_get, "SELECT " REV_COLUMNS " FROM rev WHERE rid = ?1");
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(c->rev_get, 1, rid, -1, SQLITE_STATIC);
	rc = sqlite3_step(c->rev_get);
	if (rc == SQLITE_ROW)
		s = rev_row(db, c->rev_get, v);
	else if (rc == SQLITE_DONE)
		s = lf_fail(db, LF_NOTFOUND, "没有修订 %.12s。", rid);
	else
		s = lf_sqlfail(db, rc, "读取修订失败");
	sqlite3_reset(c->rev_get);
	return s;
}

/* The winner of a record's leaves: live before deleted, highest gen, highest rid. */
static lf_status winner_of(struct lf_db *db, const char *gid, struct lf_rev *v, int *found)
{
	struct cache *c = cache_of(db);
	lf_status s = cached(db, &c->winner, "SELECT " REV_COLUMNS " FROM rev WHERE gid = ?1 AND leaf = 1 "
	                                     "ORDER BY deleted ASC, gen DESC, rid DESC LIMIT 1");
	int rc;

	*found = 0;
	if (s)
		return s;
	sqlite3_bind_text(c->winner, 1, gid, -1, SQLITE_STATIC);
	rc = sqlite3_step(c->winner);
	if (rc == SQLITE_ROW) {
		*found = 1;
		s = rev_row(db, c->winner, v);
	} else if (rc != SQLITE_DONE) {
		s = lf_sqlfail(db, rc, "读取修订失败");
	}
	sqlite3_reset(c->winner);
	return s;
}

/* Write the winner of gid into its kind's table. */
static lf_status materialize(struct lf_db *db, const char *gid)
{
	struct lf_rev w;
	sqlite3_stmt *st;
	lf_status s;
	int found, rc;

	if ((s = winner_of(db, gid, &w, &found)) || !found) {
		lf_rev_clear(&w);
		return s;
	}
	if ((s = kind_upsert(db, w.kind, &st)) == LF_OK) {
		sqlite3_bind_text(st, 1, w.gid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, w.owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, w.rid, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, w.deleted);
		sqlite3_bind_text(st, 5, w.body, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			s = (rc & 0xff) == SQLITE_CONSTRAINT
			    ? lf_fail(db, LF_INVALID, "%s %.12s 的内容不符合数据库的约束：%s", w.kind->label, w.gid,
			              sqlite3_errmsg(db->sql))
			    : lf_sqlfail(db, rc, "保存记录失败");
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	lf_rev_clear(&w);
	return s;
}

/* Insert a revision and its edges; keep leaf flags right whatever the order
 * revisions arrive in. Returns LF_EXISTS if it was already here. */
static lf_status insert_rev(struct lf_db *db, const struct lf_rev *v)
{
	struct cache *c = cache_of(db);
	const char *p;
	lf_status s;
	int rc;

	if ((s = cached(db, &c->rev_insert,
	                "INSERT OR IGNORE INTO rev(" REV_COLUMNS ", leaf) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	                "?9, ?10, ?11, NOT EXISTS(SELECT 1 FROM rev_parent WHERE parent = ?1))")))
		return s;
	sqlite3_bind_text(c->rev_insert, 1, v->rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->rev_insert, 2, v->gid, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->rev_insert, 3, v->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->rev_insert, 4, v->owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(c->rev_insert, 5, v->gen);
	sqlite3_bind_text(c->rev_insert, 6, v->parents, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->rev_insert, 7, v->author, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->rev_insert, 8, v->at, -1, SQLITE_STATIC);
	sqlite3_bind_int(c->rev_insert, 9, v->deleted);
	sqlite3_bind_text(c->rev_insert, 10, v->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->rev_insert, 11, v->hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(c->rev_insert);
	sqlite3_reset(c->rev_insert);
	if (rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "保存修订失败");
	if (sqlite3_changes(db->sql) == 0)
		return LF_EXISTS;
	for (p = v->parents; *p; p += p[LF_HASH_LEN] ? LF_HASH_LEN + 1 : LF_HASH_LEN) {
		if ((s = cached(db, &c->edge_insert, "INSERT OR IGNORE INTO rev_parent(parent, child) VALUES(?1, ?2)")))
			return s;
		sqlite3_bind_text(c->edge_insert, 1, p, LF_HASH_LEN, SQLITE_STATIC);
		sqlite3_bind_text(c->edge_insert, 2, v->rid, -1, SQLITE_STATIC);
		rc = sqlite3_step(c->edge_insert);
		sqlite3_reset(c->edge_insert);
		if (rc != SQLITE_DONE)
			return lf_sqlfail(db, rc, "保存修订关系失败");
		if ((s = cached(db, &c->not_leaf, "UPDATE rev SET leaf = 0 WHERE rid = ?1 AND leaf = 1")))
			return s;
		sqlite3_bind_text(c->not_leaf, 1, p, LF_HASH_LEN, SQLITE_STATIC);
		rc = sqlite3_step(c->not_leaf);
		sqlite3_reset(c->not_leaf);
		if (rc != SQLITE_DONE)
			return lf_sqlfail(db, rc, "更新修订关系失败");
	}
	return LF_OK;
}

/* A record's identity across revisions: every revision of a gid has the same
 * kind and owner. Returns LF_NOTFOUND when the gid is new here. */
static lf_status gid_identity(struct lf_db *db, const char *gid, char kind[40], char owner[LF_CODE_MAX + 1])
{
	struct cache *c = cache_of(db);
	lf_status s = cached(db, &c->gid_meta, "SELECT kind, owner FROM rev WHERE gid = ?1 LIMIT 1");
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(c->gid_meta, 1, gid, -1, SQLITE_STATIC);
	rc = sqlite3_step(c->gid_meta);
	if (rc == SQLITE_ROW) {
		snprintf(kind, 40, "%s", (const char *)sqlite3_column_text(c->gid_meta, 0));
		snprintf(owner, LF_CODE_MAX + 1, "%s", (const char *)sqlite3_column_text(c->gid_meta, 1));
	}
	sqlite3_reset(c->gid_meta);
	return rc == SQLITE_ROW ? LF_OK : rc == SQLITE_DONE ? LF_NOTFOUND : lf_sqlfail(db, rc, "读取修订失败");
}

lf_status lf_rev_add(struct lf_db *db, const struct lf_rev *v)
{
	char kind[40], owner[LF_CODE_MAX + 1];
	lf_status s = gid_identity(db, v->gid, kind, owner);

	if (s == LF_OK && (strcmp(kind, v->kind->name) || strcmp(owner, v->owner)))
		return lf_fail(db, LF_INVALID, "修订 %.12s 与已有记录 %.12s 的类型或所属单位不一致（本地为 %s/%s，"
		               "收到 %s/%s）。", v->rid, v->gid, kind, owner, v->kind->name, v->owner);
	if (s != LF_OK && s != LF_NOTFOUND)
		return s;
	if ((s = insert_rev(db, v)))
		return s;
	return materialize(db, v->gid);
}

/* ------------------------------------------------------------------ writing here */

static void set_keyed_gid(struct lf_rec *r)
{
	struct lf_buf key;
	int i = lf_field_index(r->kind, r->kind->key);

	lf_buf_init(&key);
	lf_buf_addf(&key, "%s/", r->owner);
	if (is_int_type(r->kind->fields[i].type))
		lf_buf_addf(&key, "%lld", r->v[i].i);
	else
		lf_buf_adds(&key, r->v[i].s ? r->v[i].s : "");
	lf_gid_for_key(r->kind->name, key.s, r->gid);
	lf_buf_free(&key);
}

/* Make a revision here of gid with this body; parents are `parents`. */
static lf_status new_revision(struct lf_db *db, const struct lf_kind *k, const char *gid,
                              const char *parents, long long gen, int deleted, const char *body,
                              const char *action, const char *before, char rid_out[LF_HASH_LEN + 1])
{
	struct lf_rev v;
	lf_status s;

	memset(&v, 0, sizeof v);
	snprintf(v.gid, sizeof v.gid, "%s", gid);
	v.kind = k;
	snprintf(v.owner, sizeof v.owner, "%s", db->unit);
	v.gen = gen;
	v.parents = (char *)parents;
	snprintf(v.author, sizeof v.author, "%s", db->actor);
	lf_now_utc(v.at);
	v.deleted = deleted;
	v.body = (char *)body;
	lf_rev_seal(&v);
	if ((s = insert_rev(db, &v)) == LF_EXISTS)
		s = lf_fail(db, LF_INTERNAL, "修订 %.12s 已经存在。", v.rid);
	if (s == LF_OK)
		s = materialize(db, gid);
	if (s == LF_OK)
		s = lf_audit_append(db, action, k->name, gid, before, v.rid);
	if (s == LF_OK && rid_out)
		memcpy(rid_out, v.rid, LF_HASH_LEN + 1);
	return s;
}

static lf_status check_owner(struct lf_db *db, const struct lf_kind *k, const char *gid)
{
	char kind[40], owner[LF_CODE_MAX + 1];
	lf_status s = gid_identity(db, gid, kind, owner);

	if (s == LF_NOTFOUND)
		return s;
	if (s)
		return s;
	if (strcmp(kind, k->name))
		return lf_fail(db, LF_INVALID, "记录 %.12s 是%s，不是%s。", gid,
		               lf_kind_find(kind) ? lf_kind_find(kind)->label : kind, k->label);
	if (strcmp(owner, db->unit))
		return lf_fail(db, LF_DENIED, "这条%s属于单位 %s，只能由该单位修改；本单位的意见请另建记录。",
		               k->label, owner);
	return LF_OK;
}

static lf_status put(struct lf_db *db, struct lf_rec *r)
{
	struct lf_rev w;
	char *body;
	lf_status s;
	int found = 0;

	if ((s = lf_rec_validate(db, r)))
		return s;
	snprintf(r->owner, sizeof r->owner, "%s", db->unit);
	if (r->kind->key)
		set_keyed_gid(r);
	else if (!r->gid[0] && (s = lf_gid_new(db, r->gid)))
		return s;
	if ((s = check_owner(db, r->kind, r->gid)) && s != LF_NOTFOUND)
		return s;
	memset(&w, 0, sizeof w);
	if (s == LF_OK && (s = winner_of(db, r->gid, &w, &found)))
		return s;
	body = lf_rec_body(r);
	if (found && !w.deleted && !strcmp(w.body, body)) {
		memcpy(r->rid, w.rid, sizeof r->rid);
		s = LF_OK; /* nothing changed: no revision */
	} else {
		s = new_revision(db, r->kind, r->gid, found ? w.rid : "", found ? w.gen + 1 : 1, 0, body,
		                 "put", found ? w.rid : "", r->rid);
	}
	r->deleted = 0;
	lf_free(body);
	lf_rev_clear(&w);
	return s;
}

lf_status lf_rec_put(struct lf_db *db, struct lf_rec *r)
{
	lf_status s = lf_tx_begin(db);

	if (s)
		return s;
	return lf_tx_end(db, put(db, r));
}

static lf_status delete(struct lf_db *db, const struct lf_kind *k, const char *gid)
{
	struct lf_rev w;
	lf_status s = check_owner(db, k, gid);
	int found = 0;

	if (s == LF_NOTFOUND)
		return lf_fail(db, LF_NOTFOUND, "没有这条%s（%.12s）。", k->label, gid);
	if (s || (s = winner_of(db, gid, &w, &found)))
		return s;
	if (!found || w.deleted)
		s = found ? LF_OK : lf_fail(db, LF_NOTFOUND, "没有这条%s（%.12s）。", k->label, gid);
	else
		s = new_revision(db, k, gid, w.rid, w.gen + 1, 1, w.body, "delete", w.rid, NULL);
	lf_rev_clear(&w);
	return s;
}

lf_status lf_rec_save(struct lf_db *db, struct lf_rec *r, char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_rec_validate(db, r);

	if (s == LF_OK)
		s = lf_rec_put(db, r);
	if (s == LF_OK && gid)
		memcpy(gid, r->gid, LF_GID_LEN + 1);
	return s;
}

lf_status lf_rec_delete(struct lf_db *db, const struct lf_kind *k, const char *gid)
{
	lf_status s = lf_tx_begin(db);

	if (s)
		return s;
	return lf_tx_end(db, delete(db, k, gid));
}

lf_status lf_rec_load(struct lf_db *db, const struct lf_kind *k, const char *gid, struct lf_rec *r)
{
	char id[LF_GID_LEN + 1];
	sqlite3_stmt *st;
	lf_status s = kind_load(db, k, &st);
	int rc, i;

	if (s)
		return s;
	snprintf(id, sizeof id, "%s", gid); /* gid may be r->gid, cleared below */
	gid = id;
	r->kind = k;
	lf_rec_clear(r);
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->gid, sizeof r->gid, "%s", gid);
		snprintf(r->owner, sizeof r->owner, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(r->rid, sizeof r->rid, "%s", (const char *)sqlite3_column_text(st, 1));
		r->deleted = sqlite3_column_int(st, 2);
		for (i = 0; i < k->nfields; i++) {
			int col = i + 3;

			r->v[i].null = sqlite3_column_type(st, col) == SQLITE_NULL;
			if (r->v[i].null)
				continue;
			if (is_int_type(k->fields[i].type))
				r->v[i].i = sqlite3_column_int64(st, col);
			else
				r->v[i].s = lf_strdup((const char *)sqlite3_column_text(st, col));
		}
	} else if (rc == SQLITE_DONE) {
		s = lf_fail(db, LF_NOTFOUND, "没有这条%s（%.12s）。", k->label, gid);
	} else {
		s = lf_sqlfail(db, rc, "读取记录失败");
	}
	sqlite3_reset(st);
	return s;
}

lf_status lf_rec_load_live(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	lf_status s = gid ? lf_rec_load(db, r->kind, gid, r) : LF_NOTFOUND;

	if (s == LF_NOTFOUND || (s == LF_OK && r->deleted))
		return lf_fail(db, LF_NOTFOUND, "找不到%s（%.8s）。", r->kind->label, gid ? gid : "");
	return s;
}

/* ------------------------------------------------------------------ reading revisions */

lf_status lf_rec_identity(struct lf_db *db, const char *gid, char kind[40], char owner[LF_CODE_MAX + 1])
{
	return gid_identity(db, gid, kind, owner);
}

/* Run a statement of REV_COLUMNS rows, binding gid to ?1 when given. */
static lf_status each_rev_row(struct lf_db *db, const char *sql, const char *gid,
                              int (*fn)(void *ctx, const struct lf_rev *v), void *ctx)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	if (gid)
		sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lf_rev v;
		int stop;

		if ((s = rev_row(db, st, &v))) {
			lf_rev_clear(&v);
			break;
		}
		stop = fn(ctx, &v);
		lf_rev_clear(&v);
		if (stop)
			break;
	}
	if (s == LF_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取修订失败");
	sqlite3_finalize(st);
	return s;
}

lf_status lf_rev_each(struct lf_db *db, const char *gid,
                      int (*fn)(void *ctx, const struct lf_rev *v), void *ctx)
{
	return gid ? each_rev_row(db, "SELECT " REV_COLUMNS " FROM rev WHERE gid = ?1 ORDER BY rid", gid, fn, ctx)
	           : each_rev_row(db, "SELECT " REV_COLUMNS " FROM rev ORDER BY rid", NULL, fn, ctx);
}

lf_status lf_rev_leaves(struct lf_db *db, const char *gid,
                        int (*fn)(void *ctx, const struct lf_rev *v), void *ctx)
{
	return each_rev_row(db, "SELECT " REV_COLUMNS " FROM rev WHERE gid = ?1 AND leaf = 1 "
	                        "ORDER BY deleted ASC, gen DESC, rid DESC", gid, fn, ctx);
}

/* ------------------------------------------------------------------ conflicts */

lf_status lf_conflicts(struct lf_db *db,
                       int (*fn)(void *ctx, const char *kind, const char *gid, int leaves), void *ctx)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, "SELECT kind, gid, count(*) FROM rev WHERE leaf = 1 "
	                             "GROUP BY gid HAVING count(*) > 1 ORDER BY gid", &st);
	int rc;

	if (s)
		return s;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		       sqlite3_column_int(st, 2)))
			break;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取冲突失败");
}

static lf_status resolve(struct lf_db *db, const char *gid, const char *keep_rid)
{
	struct lf_buf parents;
	struct lf_rev keep;
	sqlite3_stmt *st;
	long long gen = 0;
	int n = 0, kept = 0, rc;
	lf_status s;

	memset(&keep, 0, sizeof keep);
	if ((s = lf_prepare(db, "SELECT rid, gen FROM rev WHERE gid = ?1 AND leaf = 1 ORDER BY rid", &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	lf_buf_init(&parents);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *rid = (const char *)sqlite3_column_text(st, 0);

		lf_buf_addf(&parents, "%s%s", n++ ? " " : "", rid);
		if (sqlite3_column_int64(st, 1) > gen)
			gen = sqlite3_column_int64(st, 1);
		kept |= !strcmp(rid, keep_rid);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取修订失败");
	else if (n < 2)
		s = lf_fail(db, LF_STATE, "记录 %.12s 没有冲突。", gid);
	else if (!kept)
		s = lf_fail(db, LF_INVALID, "修订 %.12s 不是记录 %.12s 的冲突版本之一。", keep_rid, gid);
	else if ((s = lf_rev_load(db, keep_rid, &keep)) == LF_OK &&
	         (s = check_owner(db, keep.kind, gid)) == LF_OK)
		s = new_revision(db, keep.kind, gid, parents.s, gen + 1, keep.deleted, keep.body, "resolve",
		                 parents.s, NULL);
	lf_rev_clear(&keep);
	lf_buf_free(&parents);
	return s;
}

lf_status lf_rec_resolve(struct lf_db *db, const char *gid, const char *keep_rid)
{
	lf_status s = lf_tx_begin(db);

	if (s)
		return s;
	return lf_tx_end(db, resolve(db, gid, keep_rid));
}

/* ------------------------------------------------------------------ dump and check */

/* Append the fields of a row (columns from `first`) as "name":value pairs. */
static void add_field_json(struct lf_buf *b, const struct lf_kind *k, sqlite3_stmt *st, int first)
{
	int i;

	for (i = 0; i < k->nfields; i++) {
		struct lf_val v = { 0, 0, NULL };
		int col = first + i;

		v.null = sqlite3_column_type(st, col) == SQLITE_NULL;
		if (!v.null && is_int_type(k->fields[i].type))
			v.i = sqlite3_column_int64(st, col);
		else if (!v.null)
			v.s = (char *)sqlite3_column_text(st, col);
		if (i)
			lf_buf_addc(b, ',');
		lf_json_string(b, k->fields[i].name);
		lf_buf_addc(b, ':');
		json_value(b, k->fields[i].type, &v);
	}
}

/* One visible row as a dump line: kind, gid, owner, then the fields. */
static void row_json(struct lf_buf *b, const struct lf_kind *k, sqlite3_stmt *st, int first_field)
{
	lf_buf_reset(b);
	lf_buf_adds(b, "{\"kind\":");
	lf_json_string(b, k->name);
	lf_buf_adds(b, ",\"gid\":");
	lf_json_string(b, (const char *)sqlite3_column_text(st, 0));
	lf_buf_adds(b, ",\"owner\":");
	lf_json_string(b, (const char *)sqlite3_column_text(st, 1));
	lf_buf_addc(b, ',');
	add_field_json(b, k, st, first_field);
	lf_buf_addc(b, '}');
}

/* A row's fields as they would be a canonical body. */
static void row_body(struct lf_buf *b, const struct lf_kind *k, sqlite3_stmt *st, int first_field)
{
	lf_buf_reset(b);
	lf_buf_addc(b, '{');
	add_field_json(b, k, st, first_field);
	lf_buf_addc(b, '}');
}

lf_status lf_dump(struct lf_db *db, FILE *out)
{
	struct lf_buf sql, line;
	lf_status s = LF_OK;
	int i, rc;

	lf_buf_init(&sql);
	lf_buf_init(&line);
	for (i = 0; i < lf_nkinds && s == LF_OK; i++) {
		const struct lf_kind *k = &lf_kinds[i];
		sqlite3_stmt *st;

		lf_buf_reset(&sql);
		lf_buf_adds(&sql, "SELECT gid, owner, ");
		add_columns(&sql, k, "");
		lf_buf_addf(&sql, " FROM \"%s\" WHERE deleted = 0 ORDER BY gid", k->name);
		if ((s = lf_prepare(db, sql.s, &st)))
			break;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			row_json(&line, k, st, 2);
			lf_buf_addc(&line, '\n');
			if (fwrite(line.s, 1, line.len, out) != line.len) {
				s = lf_fail(db, LF_IO, "写出失败。");
				break;
			}
		}
		if (s == LF_OK && rc != SQLITE_DONE)
			s = lf_sqlfail(db, rc, "读取记录失败");
		sqlite3_finalize(st);
	}
	lf_buf_free(&sql);
	lf_buf_free(&line);
	return s;
}

struct checker {
	struct lf_db *db;
	void (*report)(void *ctx, const char *msg);
	void *ctx;
	long problems;
};

static void problem(struct checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(struct checker *c, const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	c->report(c->ctx, b.s);
	lf_buf_free(&b);
	c->problems++;
}

/* Every stored revision is intact and its leaf flag right. */
static void check_revisions(struct checker *c)
{
	sqlite3_stmt *st;
	int rc;

	if (lf_prepare(c->db, "SELECT " REV_COLUMNS ", leaf, NOT EXISTS(SELECT 1 FROM rev_parent p "
	                      "WHERE p.parent = rev.rid) FROM rev ORDER BY rid", &st)) {
		problem(c, "无法读取修订表：%s", c->db->err);
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lf_rev v;

		if (rev_row(c->db, st, &v) != LF_OK)
			problem(c, "%s", c->db->err);
		else if (lf_rev_verify(c->db, &v) != LF_OK)
			problem(c, "%s", c->db->err);
		if (sqlite3_column_int(st, 11) != sqlite3_column_int(st, 12))
			problem(c, "修订 %.12s 的末端标记与修订关系不符。", v.rid);
		lf_rev_clear(&v);
	}
	if (rc != SQLITE_DONE)
		problem(c, "读取修订表失败：%s", sqlite3_errmsg(c->db->sql));
	sqlite3_finalize(st);
}

/* Every visible row is what its revisions derive, and every record has one. */
static void check_rows(struct checker *c, const struct lf_kind *k)
{
	struct lf_buf sql, body;
	sqlite3_stmt *st;
	int rc;

	lf_buf_init(&sql);
	lf_buf_init(&body);
	lf_buf_adds(&sql, "SELECT t.gid, t.owner, ");
	add_columns(&sql, k, "t.");
	lf_buf_addf(&sql, ", t.rid, t.deleted, w.rid, w.owner, w.deleted, w.body FROM \"%s\" t "
	                  "LEFT JOIN rev w ON w.rid = (SELECT rid FROM rev WHERE gid = t.gid AND leaf = 1 "
	                  "ORDER BY deleted ASC, gen DESC, rid DESC LIMIT 1) ORDER BY t.gid", k->name);
	if (lf_prepare(c->db, sql.s, &st)) {
		problem(c, "无法读取%s表：%s", k->label, c->db->err);
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int base = 2 + k->nfields;
		const char *gid = (const char *)sqlite3_column_text(st, 0);
		const char *rid = (const char *)sqlite3_column_text(st, base);
		const char *wrid = (const char *)sqlite3_column_text(st, base + 2);
		const char *wowner = (const char *)sqlite3_column_text(st, base + 3);
		const char *wbody = (const char *)sqlite3_column_text(st, base + 5);

		if (!wrid) {
			problem(c, "%s %.12s 没有任何修订记录（被直接写入数据库）。", k->label, gid);
			continue;
		}
		if (!rid || strcmp(rid, wrid) || sqlite3_column_int(st, base + 1) != sqlite3_column_int(st, base + 4) ||
		    strcmp((const char *)sqlite3_column_text(st, 1), wowner)) {
			problem(c, "%s %.12s 显示的版本不是其修订应得的版本。", k->label, gid);
			continue;
		}
		row_body(&body, k, st, 2);
		if (strcmp(body.s, wbody))
			problem(c, "%s %.12s 的内容与其修订记录不符（被直接改动）。", k->label, gid);
	}
	if (rc != SQLITE_DONE)
		problem(c, "读取%s表失败：%s", k->label, sqlite3_errmsg(c->db->sql));
	sqlite3_finalize(st);
	/* Revisions whose record has no row. */
	lf_buf_reset(&sql);
	lf_buf_addf(&sql, "SELECT DISTINCT r.gid FROM rev r WHERE r.kind = ?1 AND NOT EXISTS "
	                  "(SELECT 1 FROM \"%s\" t WHERE t.gid = r.gid) ORDER BY r.gid", k->name);
	if (lf_prepare(c->db, sql.s, &st) == LF_OK) {
		sqlite3_bind_text(st, 1, k->name, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			problem(c, "%s %.12s 有修订记录，但表中没有这条记录。", k->label,
			        (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
out:
	lf_buf_free(&sql);
	lf_buf_free(&body);
}

long lf_rec_check(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	struct checker c = { db, report, ctx, 0 };
	sqlite3_stmt *st;
	int i;

	check_revisions(&c);
	if (lf_prepare(db, "SELECT DISTINCT kind FROM rev", &st) == LF_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			if (!lf_kind_find((const char *)sqlite3_column_text(st, 0)))
				problem(&c, "修订表中有未知的记录类型“%s”。", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	for (i = 0; i < lf_nkinds; i++)
		check_rows(&c, &lf_kinds[i]);
	return c.problems;
}
