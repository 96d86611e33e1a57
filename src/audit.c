/* audit: appending to and verifying the hash-chained log, and reading it
 * back as a record's history (include/lianfang/audit.h). */
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/hash.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

void lf_audit_hash(const struct lf_audit_entry *e, char out[65])
{
	struct lf_hasher h;

	lf_hash_init(&h, "lianfang-audit-1");
	lf_hash_str(&h, e->prev);
	lf_hash_str(&h, e->unit);
	lf_hash_int(&h, e->seq);
	lf_hash_str(&h, e->at);
	lf_hash_str(&h, e->actor);
	lf_hash_str(&h, e->action);
	lf_hash_str(&h, e->kind);
	lf_hash_str(&h, e->gid);
	lf_hash_str(&h, e->before);
	lf_hash_str(&h, e->after);
	lf_hash_final(&h, out);
}

lf_status lf_audit_append(struct lf_db *db, const char *action, const char *kind,
                          const char *gid, const char *before, const char *after)
{
	static const char last_sql[] = "SELECT seq, hash FROM audit WHERE unit = ?1 ORDER BY seq DESC LIMIT 1";
	static const char insert_sql[] =
		"INSERT INTO audit(" LF_AUDIT_COLUMNS ") "
		"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	struct lf_audit_entry e;
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	memset(&e, 0, sizeof e);
	snprintf(e.unit, sizeof e.unit, "%s", db->unit);
	snprintf(e.prev, sizeof e.prev, "%s", LF_AUDIT_GENESIS);
	if ((s = lf_prepare(db, last_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e.seq = sqlite3_column_int64(st, 0);
		snprintf(e.prev, sizeof e.prev, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "读取审计日志失败");
	e.seq++;
	lf_now_utc(e.at);
	e.actor = db->actor;
	e.action = (char *)action;
	e.kind = (char *)(kind ? kind : "");
	e.gid = (char *)(gid ? gid : "");
	e.before = (char *)(before ? before : "");
	e.after = (char *)(after ? after : "");
	lf_audit_hash(&e, e.hash);
	if ((s = lf_prepare(db, insert_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, e.unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, e.seq);
	sqlite3_bind_text(st, 3, e.at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e.actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e.action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e.kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e.gid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, e.before, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, e.after, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, e.prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, e.hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "写入审计日志失败");
}

lf_status lf_audit_last(struct lf_db *db, const char *unit, long long *seq, char hash[65])
{
	static const char sql[] = "SELECT seq, hash FROM audit WHERE unit = ?1 ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	*seq = 0;
	snprintf(hash, 65, "%s", LF_AUDIT_GENESIS);
	if (s)
		return s;
	sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审计日志失败");
}

lf_status lf_audit_hash_at(struct lf_db *db, const char *unit, long long seq, char hash[65])
{
	static const char sql[] = "SELECT hash FROM audit WHERE unit = ?1 AND seq = ?2";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : rc == SQLITE_DONE ? LF_NOTFOUND : lf_sqlfail(db, rc, "读取审计日志失败");
}

static const char *col(sqlite3_stmt *st, int i);

void lf_audit_entry_of_row(sqlite3_stmt *st, struct lf_audit_entry *e)
{
	memset(e, 0, sizeof *e);
	snprintf(e->unit, sizeof e->unit, "%s", col(st, 0));
	e->seq = sqlite3_column_int64(st, 1);
	snprintf(e->at, sizeof e->at, "%s", col(st, 2));
	e->actor = (char *)col(st, 3);
	e->action = (char *)col(st, 4);
	e->kind = (char *)col(st, 5);
	e->gid = (char *)col(st, 6);
	e->before = (char *)col(st, 7);
	e->after = (char *)col(st, 8);
	snprintf(e->prev, sizeof e->prev, "%s", col(st, 9));
	snprintf(e->hash, sizeof e->hash, "%s", col(st, 10));
}

lf_status lf_audit_each(struct lf_db *db, const char *unit, long long after,
                        int (*fn)(void *ctx, const struct lf_audit_entry *e), void *ctx)
{
	static const char sql[] = "SELECT " LF_AUDIT_COLUMNS " "
	                          "FROM audit WHERE unit = ?1 AND seq > ?2 ORDER BY seq";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lf_audit_entry e;

		lf_audit_entry_of_row(st, &e);
		if (fn(ctx, &e))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审计日志失败");
}

lf_status lf_audit_add(struct lf_db *db, const struct lf_audit_entry *e)
{
	static const char insert_sql[] =
		"INSERT INTO audit(" LF_AUDIT_COLUMNS ") "
		"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	char want[65], last_hash[65], held[65];
	long long last;
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	if (!strcmp(e->unit, db->unit))
		return lf_fail(db, LF_DENIED, "审计日志：本单位（%s）的日志只在本数据库中记录，不能从别处合并。", e->unit);
	lf_audit_hash(e, want);
	if (strcmp(want, e->hash))
		return lf_fail(db, LF_INVALID, "审计日志：单位 %s 第 %lld 条的内容与其哈希不符——被改动过。", e->unit, e->seq);
	if ((s = lf_audit_hash_at(db, e->unit, e->seq, held)) == LF_OK)
		return strcmp(held, e->hash) ? lf_fail(db, LF_INVALID, "审计日志：单位 %s 第 %lld 条与本地已有的不同"
		                                       "——日志分叉（该单位可能恢复过旧备份或改动过日志）。",
		                                       e->unit, e->seq)
		                             : LF_EXISTS;
	if (s != LF_NOTFOUND || (s = lf_audit_last(db, e->unit, &last, last_hash)))
		return s;
	if (e->seq != last + 1)
		return lf_fail(db, LF_INVALID, "审计日志：单位 %s 缺少第 %lld 条到第 %lld 条，无法接上第 %lld 条。",
		               e->unit, last + 1, e->seq - 1, e->seq);
	if (strcmp(e->prev, last_hash))
		return lf_fail(db, LF_INVALID, "审计日志：单位 %s 第 %lld 条与前一条接不上——日志被删除、插入或调换。",
		               e->unit, e->seq);
	if ((s = lf_prepare(db, insert_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, e->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, e->seq);
	sqlite3_bind_text(st, 3, e->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e->gid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, e->before, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, e->after, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, e->prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, e->hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "写入审计日志失败");
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

static long verify_chains(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	static const char sql[] = "SELECT " LF_AUDIT_COLUMNS " "
	                          "FROM audit ORDER BY unit, seq";
	char unit[LF_CODE_MAX + 1] = "", prev[65] = "", msg[512];
	long long expect = 0;
	long broken = 0;
	int bad = 0, rc;
	sqlite3_stmt *st;

	if (lf_prepare(db, sql, &st)) {
		report(ctx, db->err);
		return 1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lf_audit_entry e;
		char want[65];

		lf_audit_entry_of_row(st, &e);
		if (strcmp(unit, e.unit)) {
			snprintf(unit, sizeof unit, "%s", e.unit);
			snprintf(prev, sizeof prev, "%s", LF_AUDIT_GENESIS);
			expect = 1;
			bad = 0;
		}
		if (bad)
			continue;
		lf_audit_hash(&e, want);
		if (e.seq != expect)
			snprintf(msg, sizeof msg, "审计日志：单位 %s 缺少第 %lld 条（下一条是第 %lld 条）——日志被删除或改动。",
			         e.unit, expect, e.seq);
		else if (strcmp(e.prev, prev))
			snprintf(msg, sizeof msg, "审计日志：单位 %s 第 %lld 条与前一条接不上——日志被删除、插入或调换。",
			         e.unit, e.seq);
		else if (strcmp(e.hash, want))
			snprintf(msg, sizeof msg, "审计日志：单位 %s 第 %lld 条（%s %s %s）的内容与其哈希不符——被改动过。",
			         e.unit, e.seq, e.at, e.actor, e.action);
		else {
			snprintf(prev, sizeof prev, "%s", e.hash);
			expect++;
			continue;
		}
		report(ctx, msg);
		bad = 1;
		broken++;
	}
	if (rc != SQLITE_DONE) {
		report(ctx, sqlite3_errmsg(db->sql));
		broken++;
	}
	sqlite3_finalize(st);
	return broken;
}

/* ------------------------------------------------------------------ against what it describes */

/* Each record entry of this unit names a revision of that record, by its author. */
static const char entries_sql[] =
	"SELECT a.seq, a.at, a.action, a.kind, a.gid, a.after, a.actor, r.gid, r.kind, r.author "
	"FROM audit a LEFT JOIN rev r ON r.rid = a.after "
	"WHERE a.unit = ?1 AND a.action IN ('put', 'delete', 'resolve') ORDER BY a.seq";
/* Each revision this unit made has its entry. */
static const char unlogged_sql[] =
	"SELECT r.rid, r.kind, r.gid, r.author, r.at FROM rev r "
	"WHERE r.owner = ?1 AND r.rid NOT IN (SELECT after FROM audit WHERE unit = ?1) ORDER BY r.at, r.rid";

#define REPORT_MAX 5

struct capped {
	void (*report)(void *ctx, const char *msg);
	void *ctx;
	long n;
};

static void capped_report(struct capped *c, const char *msg)
{
	if (c->n++ < REPORT_MAX)
		c->report(c->ctx, msg);
}

static void capped_end(struct capped *c, const char *what)
{
	char msg[256];

	if (c->n > REPORT_MAX) {
		snprintf(msg, sizeof msg, "……另有 %ld 处%s。", c->n - REPORT_MAX, what);
		c->report(c->ctx, msg);
	}
}

static long verify_entries(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	struct capped c = { report, ctx, 0 };
	char msg[512];
	sqlite3_stmt *st;
	int rc;

	if (lf_prepare(db, entries_sql, &st)) {
		report(ctx, db->err);
		return 1;
	}
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		const char *kind = col(st, 3), *gid = col(st, 4), *after = col(st, 5), *actor = col(st, 6);

		if (sqlite3_column_type(st, 7) == SQLITE_NULL)
			snprintf(msg, sizeof msg, "审计日志：单位 %s 第 %lld 条（%s %s %s %.12s）记下的修订 %.12s 不存在——"
			         "修订被删除了。", db->unit, seq, col(st, 1), actor, kind, gid, after);
		else if (strcmp(col(st, 7), gid) || strcmp(col(st, 8), kind))
			snprintf(msg, sizeof msg, "审计日志：单位 %s 第 %lld 条记下的修订 %.12s 不是%s %.12s 的修订。",
			         db->unit, seq, after, kind, gid);
		else if (strcmp(col(st, 9), actor))
			snprintf(msg, sizeof msg, "审计日志：单位 %s 第 %lld 条的操作人“%s”与修订 %.12s 记下的“%s”不同。",
			         db->unit, seq, actor, after, col(st, 9));
		else
			continue;
		capped_report(&c, msg);
	}
	if (rc != SQLITE_DONE)
		capped_report(&c, sqlite3_errmsg(db->sql));
	sqlite3_finalize(st);
	capped_end(&c, "审计日志与修订不符");
	if (lf_prepare(db, unlogged_sql, &st)) {
		report(ctx, db->err);
		return c.n + 1;
	}
	{
		struct capped u = { report, ctx, 0 };

		sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			snprintf(msg, sizeof msg, "修订 %.12s（%s %.12s，%s %s）在审计日志中没有记录——日志的这一条被删除了，"
			         "或修订是绕过廉防写入的。", col(st, 0), col(st, 1), col(st, 2), col(st, 4), col(st, 3));
			capped_report(&u, msg);
		}
		if (rc != SQLITE_DONE)
			capped_report(&u, sqlite3_errmsg(db->sql));
		sqlite3_finalize(st);
		capped_end(&u, "修订没有审计记录");
		c.n += u.n;
	}
	return c.n;
}

long lf_audit_verify(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	long n = verify_chains(db, report, ctx);

	n += verify_entries(db, report, ctx);
	n += lf_auth_verify_log(db, report, ctx);
	return n;
}

lf_status lf_audit_head(struct lf_db *db, long long *seq, char hash[65])
{
	static const char sql[] = "SELECT seq, hash FROM audit WHERE unit = ?1 ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	*seq = 0;
	snprintf(hash, 65, "%s", LF_AUDIT_GENESIS);
	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		snprintf(hash, 65, "%s", col(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审计日志失败");
}

/* ------------------------------------------------------------------ reading it back */

lf_status lf_audit_list(struct lf_db *db, const char *gid, const char *actor,
                        int (*fn)(void *ctx, const struct lf_audit_entry *e), void *ctx)
{
	static const char sql[] = "SELECT " LF_AUDIT_COLUMNS " "
	                          "FROM audit WHERE unit = ?1 AND (?2 IS NULL OR gid = ?2) "
	                          "AND (?3 IS NULL OR actor = ?3) ORDER BY seq";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	if (gid)
		sqlite3_bind_text(st, 2, gid, -1, SQLITE_TRANSIENT);
	if (actor)
		sqlite3_bind_text(st, 3, actor, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lf_audit_entry e;

		lf_audit_entry_of_row(st, &e);
		if (fn(ctx, &e))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审计日志失败");
}

/* A field value as text: references by the name of what they point at. */
static char *value_text(struct lf_db *db, const struct lf_field *f, const struct lf_val *v)
{
	const struct lf_kind *ref;
	char *out = NULL;

	if (v->null)
		return NULL;
	if (f->type == LF_F_INT || f->type == LF_F_BOOL)
		return lf_printf("%lld", v->i);
	if (f->type == LF_F_REF && (ref = lf_kind_find(f->ref))) {
		const char *show = lf_field_index(ref, "name") >= 0 ? "name" : lf_field_index(ref, "title") >= 0 ? "title" : NULL;
		struct lf_rec *r = lf_rec_new(ref);

		if (show && lf_rec_load(db, ref, v->s, r) == LF_OK && lf_rec_text(r, show))
			out = lf_strdup(lf_rec_text(r, show));
		lf_rec_free(r);
		db->err[0] = 0;
	}
	return out ? out : lf_strdup(v->s);
}

static lf_status record_changes(struct lf_db *db, const struct lf_audit_entry *e,
                                int (*fn)(void *, const char *, const char *, const char *, const char *),
                                void *ctx)
{
	const struct lf_kind *k = lf_kind_find(e->kind);
	struct lf_rev before, after;
	struct lf_rec *rb, *ra;
	lf_status s;
	int i;

	memset(&before, 0, sizeof before);
	memset(&after, 0, sizeof after);
	if (!k || strcmp(e->action, "put"))
		return LF_OK;
	rb = lf_rec_new(k);
	ra = lf_rec_new(k);
	s = lf_rev_load(db, e->after, &after);
	if (s == LF_OK)
		s = lf_rec_from_body(db, ra, after.body);
	if (s == LF_OK && e->before[0] && (s = lf_rev_load(db, e->before, &before)) == LF_OK)
		s = lf_rec_from_body(db, rb, before.body);
	for (i = 0; i < k->nfields && s == LF_OK; i++) {
		const struct lf_field *f = &k->fields[i];
		char *b = e->before[0] ? value_text(db, f, &rb->v[i]) : NULL;
		char *a = value_text(db, f, &ra->v[i]);
		int same = (!a && !b) || (a && b && !strcmp(a, b) && rb->v[i].i == ra->v[i].i);

		if (!same && fn(ctx, f->name, f->label, b, a))
			i = k->nfields;
		lf_free(b);
		lf_free(a);
	}
	lf_rec_free(rb);
	lf_rec_free(ra);
	lf_rev_clear(&before);
	lf_rev_clear(&after);
	return s;
}

static lf_status account_changes(struct lf_db *db, const struct lf_audit_entry *e,
                                 int (*fn)(void *, const char *, const char *, const char *, const char *),
                                 void *ctx)
{
	static const char sql[] =
		"SELECT a.key, b.value, a.value FROM json_each(?2) a LEFT JOIN json_each(?1) b ON b.key = a.key "
		"WHERE b.value IS NOT a.value ORDER BY a.id";
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	if (!strcmp(e->action, "lock") || !e->after[0])
		return LF_OK;
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, e->before[0] ? e->before : "{}", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->after, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = col(st, 0);
		char *b = e->before[0] ? lf_account_field_text(db, key, (const char *)sqlite3_column_text(st, 1)) : NULL;
		char *a = lf_account_field_text(db, key, (const char *)sqlite3_column_text(st, 2));
		int stop = fn(ctx, key, lf_account_field_label(key), b, a);

		lf_free(b);
		lf_free(a);
		if (stop)
			break;
	}
	s = rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审计日志失败");
	sqlite3_finalize(st);
	return s;
}

lf_status lf_audit_changes(struct lf_db *db, const struct lf_audit_entry *e,
                           int (*fn)(void *ctx, const char *field, const char *label, const char *before,
                                     const char *after),
                           void *ctx)
{
	if (!strcmp(e->kind, "account"))
		return account_changes(db, e, fn, ctx);
	return record_changes(db, e, fn, ctx);
}

lf_status lf_audit_find(struct lf_db *db, const char *prefix, char out[LF_GID_LEN + 1], char kind[40])
{
	static const char sql[] =
		"SELECT gid, kind FROM audit WHERE unit = ?1 AND gid <> '' AND (gid = ?2 OR (length(?2) >= 6 AND "
		"substr(gid, 1, length(?2)) = ?2)) GROUP BY gid ORDER BY gid = ?2 DESC, gid LIMIT 2";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc, n = 0, exact = 0;

	out[0] = kind[0] = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, prefix, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!n++) {
			snprintf(out, LF_GID_LEN + 1, "%s", col(st, 0));
			snprintf(kind, 40, "%s", col(st, 1));
			exact = !strcmp(out, prefix);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "读取审计日志失败");
	if (!n)
		return lf_fail(db, LF_NOTFOUND, "审计日志中没有编号以“%s”开头的记录，也没有这个登录名%s。", prefix,
		               strlen(prefix) < 6 ? "（记录编号至少给出前 6 位）" : "");
	if (n > 1 && !exact) {
		out[0] = kind[0] = 0;
		return lf_fail(db, LF_INVALID, "编号以“%s”开头的记录不止一条，请多给几位。", prefix);
	}
	return LF_OK;
}

lf_status lf_audit_may_read(struct lf_db *db, const char *kind, const char *gid)
{
	struct lf_scope_buf buf;
	struct lf_scope scope;
	lf_status st;

	if (!gid)
		return lf_perm_check(db, LF_ACT_READ, NULL);
	if (kind && !strcmp(kind, "account")) {
		if (db->actor[0] && !strcmp(gid, db->actor) && lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL) == LF_OK)
			return LF_OK;
		if (lf_perm_check(db, LF_ACT_READ, NULL) == LF_OK)
			return LF_OK;
		return lf_perm_check(db, LF_ACT_USERS, NULL);
	}
	if ((st = lf_perm_scope_of(db, kind ? kind : "", gid, &buf, &scope)))
		return st;
	return lf_perm_check(db, LF_ACT_READ, &scope);
}

const char *lf_audit_action_label(const char *action)
{
	static const char *const map[][2] = {
		{ "put", "保存" }, { "delete", "删除" }, { "resolve", "解决冲突" },
		{ "add", "建立用户" }, { "update", "修改用户" }, { "role-add", "授予角色" },
		{ "role-remove", "收回角色" }, { "password-reset", "管理员重设密码" },
		{ "password-change", "本人修改密码" }, { "map", "对应系统账户" }, { "unmap", "取消对应系统账户" },
		{ "retire", "停用" }, { "reinstate", "恢复启用" }, { "unlock", "解锁" },
		{ "lock", "密码连续错误，锁定" },
		{ "merge", "合并数据包" }, { "restore", "从上级收回本单位丢失的修订" },
	};
	size_t i;

	for (i = 0; i < LF_COUNT(map); i++)
		if (!strcmp(map[i][0], action))
			return map[i][1];
	return action;
}
