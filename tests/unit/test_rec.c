/* Tests of rec: revisions, tombstones, conflicts, canonical bodies and dumps,
 * and the agreement between src/kinds.c and the schema. */
#include "t.h"
#include "lianfang/demo.h"
#include "lianfang/rec.h"
#include "lianfang/store.h"
#include "lianfang/util.h"

#include <stdlib.h>
#include <string.h>

static char err[1024];

static struct lf_db *fresh(const char *name, const char *unit)
{
	struct lf_db *db = NULL;

	if (lf_db_create(t_path(name), unit, "测试局", NULL, "tester", &db, err, sizeof err) != LF_OK)
		T_OK(0, "create %s: %s", name, err);
	return db;
}

static long count(struct lf_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	if (lf_prepare(db, sql, &st) == LF_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

static char *dump_of(struct lf_db *db)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	lf_dump(db, f);
	fclose(f);
	return buf;
}

static struct lf_rec *dept(const char *name)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("dept"));

	lf_rec_set_text(r, "name", name);
	return r;
}

TEST(rec_put_edit_noop_delete)
{
	struct lf_db *db = fresh("r1.db", "330102");
	struct lf_rec *r, *back;
	char first[LF_HASH_LEN + 1];
	long revs;

	if (!db)
		return;
	r = dept("登记注册科");
	T_OK(lf_rec_put(db, r) == LF_OK, "a new department is saved: %s", db->err);
	T_OK(lf_is_hex(r->gid, LF_GID_LEN) && lf_is_hex(r->rid, LF_HASH_LEN), "it has a gid and a revision");
	T_EQ_STR(r->owner, "330102", "owned by this unit");
	memcpy(first, r->rid, sizeof first);
	revs = count(db, "SELECT count(*) FROM rev");
	T_OK(lf_rec_put(db, r) == LF_OK && !strcmp(r->rid, first), "saving the same content again is a no-op");
	T_EQ_INT(count(db, "SELECT count(*) FROM rev"), revs, "and makes no revision");
	lf_rec_set_text(r, "name", "行政审批科");
	T_OK(lf_rec_put(db, r) == LF_OK && strcmp(r->rid, first), "an edit makes a new revision");
	back = lf_rec_new(lf_kind_find("dept"));
	T_OK(lf_rec_load(db, lf_kind_find("dept"), r->gid, back) == LF_OK, "loads");
	T_EQ_STR(lf_rec_text(back, "name"), "行政审批科", "the visible row is the latest");
	T_EQ_INT(count(db, "SELECT gen FROM rev WHERE leaf = 1 AND kind = 'dept'"), 2, "gen is 2");
	T_EQ_INT(count(db, "SELECT count(*) FROM rev WHERE leaf = 0 AND kind = 'dept'"), 1, "the first is no longer a leaf");
	T_OK(lf_rec_delete(db, lf_kind_find("dept"), r->gid) == LF_OK, "delete");
	T_OK(lf_rec_load(db, lf_kind_find("dept"), r->gid, back) == LF_OK && back->deleted, "the row stays, marked deleted");
	T_EQ_INT(count(db, "SELECT count(*) FROM rev WHERE kind = 'dept' AND deleted = 1 AND leaf = 1"), 1,
	         "a tombstone revision is the leaf");
	{
		char *d = dump_of(db);

		T_OK(!strstr(d, "行政审批科"), "deleted records are not dumped");
		lf_free(d);
	}
	T_OK(lf_rec_put(db, r) == LF_OK, "putting it again brings it back");
	T_OK(lf_rec_load(db, lf_kind_find("dept"), r->gid, back) == LF_OK && !back->deleted, "no longer deleted");
	T_EQ_INT(count(db, "SELECT count(*) FROM audit"), 5, "every revision (unit + 4) is in the audit chain");
	lf_rec_free(r);
	lf_rec_free(back);
	lf_db_close(db);
}

TEST(rec_save_checks_and_hands_back_the_id)
{
	struct lf_db *db = fresh("save.db", "330104");
	struct lf_rec *r;
	char gid[LF_GID_LEN + 1] = "";

	if (!db)
		return;
	r = lf_rec_new(lf_kind_find("dept"));
	T_OK(lf_rec_save(db, r, gid) == LF_INVALID && !gid[0], "a department without a name is refused");
	T_OK(strstr(db->err, "处室名称") != NULL, "naming the field: %s", db->err);
	lf_rec_set_text(r, "name", "登记注册科");
	T_OK(lf_rec_save(db, r, gid) == LF_OK, "saved: %s", db->err);
	T_EQ_STR(gid, r->gid, "its id handed back");
	T_OK(lf_rec_save(db, r, NULL) == LF_OK, "no id wanted");
	lf_rec_free(r);
	lf_db_close(db);
}

TEST(rec_load_live_says_what_is_missing)
{
	struct lf_db *db = fresh("live.db", "330103");
	struct lf_rec *r, *back;

	if (!db)
		return;
	r = dept("登记注册科");
	back = lf_rec_new(lf_kind_find("dept"));
	T_OK(lf_rec_put(db, r) == LF_OK, "saved: %s", db->err);
	T_OK(lf_rec_load_live(db, r->gid, back) == LF_OK, "a live record loads: %s", db->err);
	T_EQ_STR(lf_rec_text(back, "name"), "登记注册科", "its fields");
	T_OK(lf_rec_load_live(db, "0123456789abcdef0123456789abcdef", back) == LF_NOTFOUND, "an unknown id");
	T_EQ_STR(db->err, "找不到处室（01234567）。", "names the kind and the id");
	T_OK(lf_rec_load_live(db, NULL, back) == LF_NOTFOUND, "no id at all");
	T_EQ_STR(db->err, "找不到处室（）。", "says so");
	T_OK(lf_rec_delete(db, r->kind, r->gid) == LF_OK, "deleted");
	T_OK(lf_rec_load_live(db, r->gid, back) == LF_NOTFOUND, "a deleted record is not live");
	lf_rec_free(r);
	lf_rec_free(back);
	lf_db_close(db);
}

TEST(rec_validation_names_the_field)
{
	struct lf_db *db = fresh("r2.db", "330102");
	struct lf_rec *r = lf_rec_new(lf_kind_find("post"));
	char longname[400];

	if (!db) {
		lf_rec_free(r);
		return;
	}
	lf_rec_set_text(r, "name", "受理审查岗");
	T_OK(lf_rec_put(db, r) == LF_INVALID && strstr(db->err, "岗位的“所属处室”不能为空"), "%s", db->err);
	lf_rec_set_text(r, "dept", "nothex");
	T_OK(lf_rec_put(db, r) == LF_INVALID && strstr(db->err, "不是有效的记录编号"), "%s", db->err);
	lf_rec_set_text(r, "dept", "0123456789abcdef0123456789abcdef");
	T_OK(lf_rec_put(db, r) == LF_INVALID && strstr(db->err, "引用的"), "a missing referent is refused at commit: %s",
	     db->err);
	T_EQ_INT(count(db, "SELECT count(*) FROM post"), 0, "and nothing was saved");
	memset(longname, 0, sizeof longname);
	for (int i = 0; i < 101; i++)
		strcat(longname, "岗");
	lf_rec_set_text(r, "name", longname);
	T_OK(lf_rec_put(db, r) == LF_INVALID && strstr(db->err, "最多 100 个字，现有 101 个"), "%s", db->err);
	lf_rec_set_text(r, "name", "岗\x1b[2J");
	T_OK(lf_rec_put(db, r) == LF_INVALID && strstr(db->err, "控制字符"), "%s", db->err);
	lf_rec_free(r);
	r = lf_rec_new(lf_kind_find("power"));
	lf_rec_set_text(r, "kind", "审批");
	T_OK(lf_rec_validate(db, r) == LF_INVALID, "refused");
	lf_rec_set_text(r, "dept", "0123456789abcdef0123456789abcdef");
	lf_rec_set_text(r, "name", "受理");
	T_OK(lf_rec_validate(db, r) == LF_INVALID && strstr(db->err, "只能是 决策|执行|监督 之一"), "%s", db->err);
	lf_rec_free(r);
	r = lf_rec_new(lf_kind_find("cycle"));
	lf_rec_set_int(r, "year", 2026);
	lf_rec_set_text(r, "p1_start", "2026-02-30");
	T_OK(lf_rec_validate(db, r) == LF_INVALID && strstr(db->err, "第一阶段开始”不是有效日期"), "%s", db->err);
	lf_rec_free(r);
	lf_db_close(db);
}

TEST(rec_other_units_records_are_read_only)
{
	struct lf_db *county = fresh("c.db", "620921"), *city = fresh("city.db", "620900");
	struct lf_rec *r = dept("执法稽查大队");
	struct lf_rev v;

	if (!county || !city)
		goto out;
	lf_rec_put(county, r);
	lf_tx_begin(city);
	lf_rev_load(county, r->rid, &v);
	T_OK(lf_rev_verify(city, &v) == LF_OK && lf_rev_add(city, &v) == LF_OK, "the city takes the county's revision");
	T_OK(lf_rev_add(city, &v) == LF_EXISTS, "adding it again changes nothing");
	T_OK(lf_tx_end(city, LF_OK) == LF_OK, "commits");
	lf_rev_clear(&v);
	lf_rec_set_text(r, "name", "城市改的名字");
	T_OK(lf_rec_put(city, r) == LF_DENIED && strstr(city->err, "属于单位 620921"), "the city cannot revise it: %s",
	     city->err);
	T_OK(lf_rec_delete(city, lf_kind_find("dept"), r->gid) == LF_DENIED, "nor delete it");
out:
	lf_rec_free(r);
	lf_db_close(county);
	lf_db_close(city);
}

/* Copy every revision of a into b, in rid order or reversed. */
static void copy_revs(struct lf_db *a, struct lf_db *b, int reverse)
{
	sqlite3_stmt *st;

	lf_prepare(a, reverse ? "SELECT rid FROM rev ORDER BY rid DESC" : "SELECT rid FROM rev ORDER BY rid", &st);
	lf_tx_begin(b);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct lf_rev v;

		if (lf_rev_load(a, (const char *)sqlite3_column_text(st, 0), &v) == LF_OK) {
			lf_status s = lf_rev_add(b, &v);

			if (s != LF_OK && s != LF_EXISTS)
				T_OK(0, "add revision: %s", b->err);
		}
		lf_rev_clear(&v);
	}
	sqlite3_finalize(st);
	T_OK(lf_tx_end(b, LF_OK) == LF_OK, "merge commits: %s", b->err);
}

static void count_msgs(void *ctx, const char *msg)
{
	(void)msg;
	(*(long *)ctx)++;
}

/* True if every line of a is a line of b. */
static int all_lines_in(const char *a, const char *b)
{
	const char *p = a;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
		char *line = lf_strndup(p, n);
		int found = strstr(b, line) != NULL;

		lf_free(line);
		if (!found)
			return 0;
		p += n;
	}
	return 1;
}

static int lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

TEST(rec_merge_order_does_not_matter)
{
	struct lf_db *src = NULL, *x = fresh("x.db", "620900"), *y = fresh("y.db", "620900");
	char *dx = NULL, *dy = NULL, *ds = NULL;
	long problems = 0;

	if (lf_db_create(t_path("src.db"), "620902", "肃州区市场监督管理局", "620900", "demo", &src, err, sizeof err) ||
	    !x || !y) {
		T_OK(0, "setup: %s", err);
		goto out;
	}
	T_OK(lf_demo_fill(src, 3) == LF_OK, "demo data: %s", src->err);
	copy_revs(src, x, 0);
	copy_revs(src, y, 1);
	copy_revs(src, y, 0); /* and again: idempotent */
	dx = dump_of(x);
	dy = dump_of(y);
	ds = dump_of(src);
	T_OK(!strcmp(dx, dy), "forward and reverse merges dump byte-identically");
	T_OK(all_lines_in(ds, dx), "every record of the county is in the city's dump");
	T_EQ_INT(lines(dx), lines(ds) + 1, "plus the city's own unit record");
	T_EQ_INT(lf_rec_check(y, count_msgs, &problems), 0, "the merged database checks clean");
out:
	lf_free(dx);
	lf_free(dy);
	lf_free(ds);
	lf_db_close(src);
	lf_db_close(x);
	lf_db_close(y);
}

/* A restored backup edited again: two histories of the same records. */
TEST(rec_conflicts_keep_both_and_pick_one_winner)
{
	struct lf_db *a = fresh("a.db", "330102"), *b = NULL;
	struct lf_rec *r = dept("办公室");
	char gid[LF_GID_LEN + 1], *da = NULL, *db_ = NULL;
	long n = 0;

	if (!a)
		goto out;
	lf_rec_put(a, r);
	memcpy(gid, r->gid, sizeof gid);
	lf_db_close(a);
	t_sh("cp '%s' '%s'", t_path("a.db"), t_path("b.db"));
	lf_db_open(t_path("a.db"), LF_OPEN_WRITE, &a, err, sizeof err);
	lf_db_open(t_path("b.db"), LF_OPEN_WRITE, &b, err, sizeof err);
	if (!a || !b) {
		T_OK(0, "reopen: %s", err);
		goto out;
	}
	lf_rec_set_text(r, "name", "办公室（A 改）");
	lf_rec_put(a, r);
	lf_rec_set_text(r, "name", "办公室（B 改）");
	lf_rec_put(b, r);
	copy_revs(b, a, 0);
	copy_revs(a, b, 1);
	da = dump_of(a);
	db_ = dump_of(b);
	T_OK(!strcmp(da, db_), "both databases show the same winner");
	T_EQ_INT(count(a, "SELECT count(*) FROM rev WHERE leaf = 1 AND kind = 'dept'"), 2, "both versions are kept");
	n = count(a, "SELECT count(*) FROM (SELECT gid FROM rev WHERE leaf = 1 GROUP BY gid HAVING count(*) > 1)");
	T_EQ_INT(n, 1, "one conflict is listed");
	{
		sqlite3_stmt *st;
		char loser[LF_HASH_LEN + 1] = "";

		/* resolve in favour of the version that did not win */
		lf_prepare(a, "SELECT rid FROM rev WHERE gid = ?1 AND leaf = 1 ORDER BY deleted ASC, gen DESC, rid DESC", &st);
		sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
		sqlite3_step(st);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(loser, sizeof loser, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		T_OK(lf_rec_resolve(a, gid, loser) == LF_OK, "resolve: %s", a->err);
	}
	T_EQ_INT(count(a, "SELECT count(*) FROM rev WHERE leaf = 1 AND kind = 'dept'"), 1, "one leaf after resolving");
	T_EQ_INT(count(a, "SELECT length(parents) FROM rev WHERE leaf = 1 AND kind = 'dept'"), 2 * LF_HASH_LEN + 1,
	         "the resolution names both versions as parents");
	T_OK(lf_rec_resolve(a, gid, "x") == LF_STATE, "resolving again: no conflict");
	copy_revs(a, b, 0);
	lf_free(da);
	lf_free(db_);
	da = dump_of(a);
	db_ = dump_of(b);
	T_OK(!strcmp(da, db_), "the resolution travels: both agree again");
	n = 0;
	T_EQ_INT(lf_rec_check(b, count_msgs, &n), 0, "and check clean");
out:
	lf_free(da);
	lf_free(db_);
	lf_rec_free(r);
	lf_db_close(a);
	lf_db_close(b);
}

TEST(rec_deletion_loses_to_a_concurrent_edit)
{
	struct lf_db *a = fresh("d1.db", "330102"), *b = NULL;
	struct lf_rec *r = dept("人事科"), *back = lf_rec_new(lf_kind_find("dept"));

	if (!a)
		goto out;
	lf_rec_put(a, r);
	lf_db_close(a);
	t_sh("cp '%s' '%s'", t_path("d1.db"), t_path("d2.db"));
	lf_db_open(t_path("d1.db"), LF_OPEN_WRITE, &a, err, sizeof err);
	lf_db_open(t_path("d2.db"), LF_OPEN_WRITE, &b, err, sizeof err);
	if (!a || !b)
		goto out;
	lf_rec_delete(a, lf_kind_find("dept"), r->gid);
	lf_rec_set_text(r, "name", "人事教育科");
	lf_rec_put(b, r);
	copy_revs(b, a, 0);
	lf_rec_load(a, lf_kind_find("dept"), r->gid, back);
	T_OK(!back->deleted && !strcmp(lf_rec_text(back, "name"), "人事教育科"), "the edit is visible: nothing lost");
out:
	lf_rec_free(r);
	lf_rec_free(back);
	lf_db_close(a);
	lf_db_close(b);
}

TEST(rec_bodies_must_be_canonical)
{
	struct lf_db *db = fresh("body.db", "330102");
	struct lf_rec *r = lf_rec_new(lf_kind_find("unit"));
	static const struct {
		const char *body, *why;
	} bad[] = {
		{ "{\"code\": \"330102\",\"name\":\"局\",\"parent\":null}", "a space" },
		{ "{\"name\":\"局\",\"code\":\"330102\",\"parent\":null}", "keys out of order" },
		{ "{\"code\":\"330102\",\"name\":\"局\"}", "a missing key" },
		{ "{\"code\":\"330102\",\"name\":\"局\",\"parent\":null,\"x\":1}", "an extra key" },
		{ "{\"code\":\"330102\",\"code\":\"330102\",\"name\":\"局\",\"parent\":null}", "a duplicate key" },
		{ "{\"code\":330102,\"name\":\"局\",\"parent\":null}", "a number for text" },
		{ "{\"code\":\"330102\",\"name\":\"\\u5c40\",\"parent\":null}", "an escape for a plain character" },
		{ "{\"code\":\"330102\",\"name\":\"a\\u0000b\",\"parent\":null}", "an escaped NUL" },
		{ "{\"code\":\"330102\",\"name\":\"\xff\",\"parent\":null}", "invalid UTF-8" },
		{ "{\"code\":\"330102\",\"name\":\"局\",\"parent\":null", "broken JSON" },
		{ "[1,2,3]", "not an object" },
		{ "{\"code\":\"3\",\"name\":\"局\",\"parent\":null}", "a bad unit code" },
	};
	size_t i;

	if (!db)
		goto out;
	T_OK(lf_rec_from_body(db, r, "{\"code\":\"330102\",\"name\":\"局\\\"甲\\\"\\n\",\"parent\":null}") == LF_OK,
	     "a canonical body is accepted: %s", db->err);
	T_EQ_STR(lf_rec_text(r, "name"), "局\"甲\"\n", "and decoded");
	for (i = 0; i < LF_COUNT(bad); i++)
		T_OK(lf_rec_from_body(db, r, bad[i].body) != LF_OK, "refused: %s (%s)", bad[i].why, db->err);
out:
	lf_rec_free(r);
	lf_db_close(db);
}

TEST(rec_revisions_are_tamper_evident)
{
	struct lf_db *db = fresh("tv.db", "330102");
	struct lf_rec *r = dept("财务科");
	struct lf_rev v;

	if (!db)
		goto out;
	lf_rec_put(db, r);
	lf_rev_load(db, r->rid, &v);
	T_OK(lf_rev_verify(db, &v) == LF_OK, "an untouched revision verifies");
	lf_free(v.body);
	v.body = lf_strdup("{\"name\":\"财务科X\",\"seq\":null,\"head\":null,\"leader\":null,\"retired\":0}");
	T_OK(lf_rev_verify(db, &v) == LF_INVALID && strstr(db->err, "内容与其哈希不符"), "changed body: %s", db->err);
	lf_rev_seal(&v);
	snprintf(v.author, sizeof v.author, "mallory");
	T_OK(lf_rev_verify(db, &v) == LF_INVALID && strstr(db->err, "编号与其内容不符"), "changed author: %s", db->err);
	snprintf(v.author, sizeof v.author, "tester");
	lf_free(v.parents);
	v.parents = lf_strdup("zz");
	T_OK(lf_rev_verify(db, &v) == LF_INVALID && strstr(db->err, "上一版本列表无效"), "bad parents: %s", db->err);
	lf_rev_clear(&v);
	lf_db_close(db);
	db = NULL;
	/* now tamper with the stored data behind lianfang's back */
	t_sh("sqlite3 '%s' \"UPDATE dept SET name = '财务处'\"", t_path("tv.db"));
	if (lf_db_open(t_path("tv.db"), LF_OPEN_CHECK, &db, err, sizeof err) == LF_OK) {
		long n = 0;

		T_OK(lf_rec_check(db, count_msgs, &n) == 1, "a row edited directly is found");
		lf_db_close(db);
		db = NULL;
	}
	t_sh("sqlite3 '%s' \"UPDATE dept SET name = '财务科'; UPDATE rev SET body = replace(body, '财务科', '财务处') "
	     "WHERE kind = 'dept'\"", t_path("tv.db"));
	if (lf_db_open(t_path("tv.db"), LF_OPEN_CHECK, &db, err, sizeof err) == LF_OK) {
		long n = 0;

		T_OK(lf_rec_check(db, count_msgs, &n) >= 1, "a revision edited directly is found (%ld)", n);
	}
out:
	lf_rec_free(r);
	lf_db_close(db);
}

/* src/kinds.c and the schema agree: columns, order, limits. */
TEST(rec_kinds_match_schema)
{
	struct lf_db *db = NULL;
	int i;

	if (lf_db_create(t_path("k.db"), "620902", "局", NULL, "demo", &db, err, sizeof err) != LF_OK) {
		T_OK(0, "create: %s", err);
		return;
	}
	lf_demo_fill(db, 1);
	for (i = 0; i < lf_nkinds; i++) {
		const struct lf_kind *k = &lf_kinds[i];
		char sql[128];
		sqlite3_stmt *st;
		int col = 0, ok = 1, f;
		long rows;

		snprintf(sql, sizeof sql, "PRAGMA table_info(\"%s\")", k->name);
		lf_prepare(db, sql, &st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 1);
			static const char *const head[] = { "id", "gid", "owner", "rid", "deleted" };
			const char *want = col < 5 ? head[col] : col - 5 < k->nfields ? k->fields[col - 5].name : "";

			ok &= !strcmp(name, want);
			col++;
		}
		sqlite3_finalize(st);
		T_OK(ok && col == 5 + k->nfields, "%s: table columns match kinds.c", k->name);
		/* Each limit in kinds.c is the schema's: max fits, max + 1 is refused. */
		snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", k->name);
		rows = count(db, sql);
		if (rows <= 0)
			continue;
		for (f = 0; f < k->nfields; f++) {
			const struct lf_field *fd = &k->fields[f];
			char upd[256];
			int rc_ok, rc_over;

			if (fd->type != LF_F_TEXT || fd->choices || !strcmp(fd->name, "content_hash"))
				continue;
			snprintf(upd, sizeof upd, "UPDATE \"%s\" SET \"%s\" = substr(replace(hex(zeroblob(?1)), '0', '字'), 1, ?1) "
			         "WHERE id = (SELECT min(id) FROM \"%s\")", k->name, fd->name, k->name);
			lf_exec(db, "SAVEPOINT lim");
			lf_prepare(db, upd, &st);
			sqlite3_bind_int(st, 1, fd->max);
			rc_ok = sqlite3_step(st);
			sqlite3_reset(st);
			sqlite3_bind_int(st, 1, fd->max + 1);
			rc_over = sqlite3_step(st);
			sqlite3_finalize(st);
			lf_exec(db, "ROLLBACK TO lim; RELEASE lim");
			T_OK(rc_ok == SQLITE_DONE && (rc_over & 0xff) == SQLITE_CONSTRAINT,
			     "%s.%s: %d characters fit, %d do not", k->name, fd->name, fd->max, fd->max + 1);
		}
	}
	lf_db_close(db);
}
