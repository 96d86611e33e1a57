/* audit: appending to and verifying the hash-chained log (include/lianfang/audit.h). */
#include "lianfang/audit.h"
#include "lianfang/hash.h"
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
		"INSERT INTO audit(unit, seq, at, actor, action, kind, gid, before, after, prev, hash) "
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

/* Fill e from a row of unit, seq, at, actor, action, kind, gid, before, after,
 * prev, hash; the strings are borrowed from the statement. */
static void entry_of_row(sqlite3_stmt *st, struct lf_audit_entry *e)
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
	static const char sql[] = "SELECT unit, seq, at, actor, action, kind, gid, before, after, prev, hash "
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

		entry_of_row(st, &e);
		if (fn(ctx, &e))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取审计日志失败");
}

lf_status lf_audit_add(struct lf_db *db, const struct lf_audit_entry *e)
{
	static const char insert_sql[] =
		"INSERT INTO audit(unit, seq, at, actor, action, kind, gid, before, after, prev, hash) "
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

long lf_audit_verify(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	static const char sql[] = "SELECT unit, seq, at, actor, action, kind, gid, before, after, prev, hash "
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

		memset(&e, 0, sizeof e);
		snprintf(e.unit, sizeof e.unit, "%s", col(st, 0));
		e.seq = sqlite3_column_int64(st, 1);
		snprintf(e.at, sizeof e.at, "%s", col(st, 2));
		e.actor = (char *)col(st, 3);
		e.action = (char *)col(st, 4);
		e.kind = (char *)col(st, 5);
		e.gid = (char *)col(st, 6);
		e.before = (char *)col(st, 7);
		e.after = (char *)col(st, 8);
		snprintf(e.prev, sizeof e.prev, "%s", col(st, 9));
		snprintf(e.hash, sizeof e.hash, "%s", col(st, 10));
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
