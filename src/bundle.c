/* bundle: the bundle file (include/lianfang/bundle.h). The one idea: a file
 * from elsewhere is read only through a private copy, in a connection that
 * cannot run anything the file brings, and the schema is compared with ours
 * before SQLite does anything else with it; every row is type-checked and
 * hashed in one fixed order, which is also the order it is written and used. */
#include "lianfang/bundle.h"
#include "lianfang/hash.h"
#include "lianfang/util.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The bundle's schema, format 1. Plain tables without CHECKs or functions:
 * every value is checked in C on the way in (see the column rules below). */
static const char schema_sql[] =
	"CREATE TABLE manifest(\n"
	"  format      INTEGER NOT NULL,\n"
	"  schema      INTEGER NOT NULL,\n"
	"  sender      TEXT NOT NULL,\n"
	"  sender_name TEXT NOT NULL,\n"
	"  receiver    TEXT NOT NULL,\n"
	"  direction   TEXT NOT NULL,\n"
	"  created     TEXT NOT NULL,\n"
	"  program     TEXT NOT NULL,\n"
	"  revs        INTEGER NOT NULL,\n"
	"  audits      INTEGER NOT NULL,\n"
	"  acks        INTEGER NOT NULL,\n"
	"  audit_acks  INTEGER NOT NULL,\n"
	"  content     TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE rev(\n"
	"  rid     TEXT PRIMARY KEY NOT NULL,\n"
	"  gid     TEXT NOT NULL,\n"
	"  kind    TEXT NOT NULL,\n"
	"  owner   TEXT NOT NULL,\n"
	"  gen     INTEGER NOT NULL,\n"
	"  parents TEXT NOT NULL,\n"
	"  author  TEXT NOT NULL,\n"
	"  at      TEXT NOT NULL,\n"
	"  deleted INTEGER NOT NULL,\n"
	"  body    TEXT NOT NULL,\n"
	"  hash    TEXT NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX rev_gid ON rev(gid);\n"
	"CREATE TABLE audit(\n"
	"  unit   TEXT NOT NULL,\n"
	"  seq    INTEGER NOT NULL,\n"
	"  at     TEXT NOT NULL,\n"
	"  actor  TEXT NOT NULL,\n"
	"  action TEXT NOT NULL,\n"
	"  kind   TEXT NOT NULL,\n"
	"  gid    TEXT NOT NULL,\n"
	"  before TEXT NOT NULL,\n"
	"  after  TEXT NOT NULL,\n"
	"  prev   TEXT NOT NULL,\n"
	"  hash   TEXT NOT NULL,\n"
	"  PRIMARY KEY(unit, seq)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE ack(\n"
	"  rid TEXT PRIMARY KEY NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE audit_ack(\n"
	"  unit TEXT PRIMARY KEY NOT NULL,\n"
	"  seq  INTEGER NOT NULL,\n"
	"  hash TEXT NOT NULL\n"
	") WITHOUT ROWID;\n";

static const char insert_rev_sql[] =
	"INSERT INTO rev(rid, gid, kind, owner, gen, parents, author, at, deleted, body, hash) "
	"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char insert_audit_sql[] =
	"INSERT INTO audit(unit, seq, at, actor, action, kind, gid, before, after, prev, hash) "
	"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char insert_ack_sql[] = "INSERT OR IGNORE INTO ack(rid) VALUES(?1)";
static const char insert_audit_ack_sql[] = "INSERT INTO audit_ack(unit, seq, hash) VALUES(?1, ?2, ?3)";
static const char insert_manifest_sql[] =
	"INSERT INTO manifest(format, schema, sender, sender_name, receiver, direction, created, program, "
	"revs, audits, acks, audit_acks, content) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
static const char gid_sql[] = "SELECT DISTINCT kind, owner FROM rev WHERE gid = ?1 LIMIT 2";

/* ------------------------------------------------------------------ tables and column rules */

/* A column: its name, type ('T' text, 'I' integer) and byte lengths allowed. */
struct column {
	const char *name;
	char type;
	long min, max;
};

struct table {
	const char *name;
	const char *select;       /* every column, in the hashed order */
	const struct column *cols;
	int ncols;
};

#define HEX64 64, 64
static const struct column manifest_cols[] = {
	{ "format", 'I', 0, 0 }, { "schema", 'I', 0, 0 }, { "sender", 'T', 2, LF_CODE_MAX },
	{ "sender_name", 'T', 0, 400 }, { "receiver", 'T', 2, LF_CODE_MAX }, { "direction", 'T', 2, 4 },
	{ "created", 'T', 20, 20 }, { "program", 'T', 0, 64 }, { "revs", 'I', 0, 0 }, { "audits", 'I', 0, 0 },
	{ "acks", 'I', 0, 0 }, { "audit_acks", 'I', 0, 0 }, { "content", 'T', HEX64 },
};
static const struct column rev_cols[] = {
	{ "rid", 'T', HEX64 }, { "gid", 'T', LF_GID_LEN, LF_GID_LEN }, { "kind", 'T', 1, 39 },
	{ "owner", 'T', 2, LF_CODE_MAX }, { "gen", 'I', 0, 0 }, { "parents", 'T', 0, 65L * 4096 },
	{ "author", 'T', 1, LF_LOGIN_MAX }, { "at", 'T', 20, 20 }, { "deleted", 'I', 0, 0 },
	{ "body", 'T', 2, 3000000 }, { "hash", 'T', HEX64 },
};
static const struct column audit_cols[] = {
	{ "unit", 'T', 2, LF_CODE_MAX }, { "seq", 'I', 0, 0 }, { "at", 'T', 20, 20 }, { "actor", 'T', 1, 200 },
	{ "action", 'T', 1, 64 }, { "kind", 'T', 0, 64 }, { "gid", 'T', 0, LF_GID_LEN },
	{ "before", 'T', 0, 1000000 }, { "after", 'T', 0, 1000000 }, { "prev", 'T', HEX64 }, { "hash", 'T', HEX64 },
};
static const struct column ack_cols[] = { { "rid", 'T', HEX64 } };
static const struct column audit_ack_cols[] = {
	{ "unit", 'T', 2, LF_CODE_MAX }, { "seq", 'I', 0, 0 }, { "hash", 'T', HEX64 },
};

enum { T_MANIFEST, T_REV, T_AUDIT, T_ACK, T_AUDIT_ACK, T_COUNT };

static const struct table tables[T_COUNT] = {
	{ "manifest", "SELECT format, schema, sender, sender_name, receiver, direction, created, program, revs, "
	              "audits, acks, audit_acks, content FROM manifest",
	  manifest_cols, (int)LF_COUNT(manifest_cols) },
	{ "rev", "SELECT rid, gid, kind, owner, gen, parents, author, at, deleted, body, hash FROM rev ORDER BY rid",
	  rev_cols, (int)LF_COUNT(rev_cols) },
	{ "audit", "SELECT unit, seq, at, actor, action, kind, gid, before, after, prev, hash FROM audit "
	           "ORDER BY unit, seq",
	  audit_cols, (int)LF_COUNT(audit_cols) },
	{ "ack", "SELECT rid FROM ack ORDER BY rid", ack_cols, (int)LF_COUNT(ack_cols) },
	{ "audit_ack", "SELECT unit, seq, hash FROM audit_ack ORDER BY unit", audit_ack_cols,
	  (int)LF_COUNT(audit_ack_cols) },
};

static const char *text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

/* Check one row against its table's column rules; the message names the
 * file, table, row and column. */
static lf_status check_row(struct lf_db *db, const char *file, const struct table *t, sqlite3_stmt *st,
                           long long row)
{
	int i;

	for (i = 0; i < t->ncols; i++) {
		const struct column *c = &t->cols[i];
		int type = sqlite3_column_type(st, i);

		if (c->type == 'I') {
			if (type != SQLITE_INTEGER)
				return lf_fail(db, LF_INVALID, "数据包 %s 的 %s 表第 %lld 行：“%s”应为整数。", file, t->name,
				               row, c->name);
			continue;
		}
		if (type != SQLITE_TEXT)
			return lf_fail(db, LF_INVALID, "数据包 %s 的 %s 表第 %lld 行：“%s”应为文字。", file, t->name, row,
			               c->name);
		{
			const char *s = (const char *)sqlite3_column_text(st, i);
			long n = sqlite3_column_bytes(st, i);

			if (!s)
				return lf_fail(db, LF_NOMEM, "读取数据包 %s 时内存不足。", file);
			if ((long)strlen(s) != n)
				return lf_fail(db, LF_INVALID, "数据包 %s 的 %s 表第 %lld 行：“%s”中含有零字节。", file,
				               t->name, row, c->name);
			if (n < c->min || n > c->max)
				return lf_fail(db, LF_INVALID, "数据包 %s 的 %s 表第 %lld 行：“%s”的长度 %ld 字节不在 %ld–%ld 之间。",
				               file, t->name, row, c->name, n, c->min, c->max);
			if (lf_utf8_valid(s, (size_t)n) != (size_t)n)
				return lf_fail(db, LF_INVALID, "数据包 %s 的 %s 表第 %lld 行：“%s”含有无效的 UTF-8 字节。", file,
				               t->name, row, c->name);
			if (lf_has_control(s))
				return lf_fail(db, LF_INVALID, "数据包 %s 的 %s 表第 %lld 行：“%s”含有控制字符。", file,
				               t->name, row, c->name);
		}
	}
	return LF_OK;
}

static void hash_row(struct lf_hasher *h, const struct table *t, sqlite3_stmt *st)
{
	int i;

	for (i = 0; i < t->ncols; i++) {
		if (t->cols[i].type == 'I')
			lf_hash_int(h, sqlite3_column_int64(st, i));
		else
			lf_hash_field(h, text(st, i), (size_t)sqlite3_column_bytes(st, i));
	}
}

static void hash_manifest(struct lf_hasher *h, const struct lf_manifest *m)
{
	lf_hash_init(h, "lianfang-bundle-1");
	lf_hash_int(h, m->format);
	lf_hash_int(h, m->schema);
	lf_hash_str(h, m->sender);
	lf_hash_str(h, m->sender_name);
	lf_hash_str(h, m->receiver);
	lf_hash_str(h, m->direction);
	lf_hash_str(h, m->created);
	lf_hash_str(h, m->program);
	lf_hash_int(h, m->revs);
	lf_hash_int(h, m->audits);
	lf_hash_int(h, m->acks);
	lf_hash_int(h, m->audit_acks);
}

static lf_status sqlfail_in(struct lf_db *db, sqlite3 *h, int rc, const char *file, const char *what)
{
	int prim = rc & 0xff;

	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return lf_fail(db, LF_CORRUPT, "数据包 %s 已损坏（%s：%s）。", file, what, sqlite3_errmsg(h));
	if (prim == SQLITE_TOOBIG)
		return lf_fail(db, LF_INVALID, "数据包 %s 中有过大的值（%s：%s）。", file, what, sqlite3_errmsg(h));
	if (prim == SQLITE_NOMEM)
		return lf_fail(db, LF_NOMEM, "读取数据包 %s 时内存不足。", file);
	return lf_fail(db, LF_CORRUPT, "无法读取数据包 %s（%s：%s）。", file, what, sqlite3_errmsg(h));
}

/* Walk the content tables in the hashed order: check every row, count and
 * hash it. counts[] gets the rows of T_REV … T_AUDIT_ACK. */
static lf_status hash_content(struct lf_db *db, sqlite3 *h, const char *file, const struct lf_manifest *m,
                              long long counts[T_COUNT], char out[LF_HASH_LEN + 1], lf_progress_fn progress,
                              void *pctx)
{
	struct lf_hasher hs;
	long long total = m->revs + m->audits + m->acks + m->audit_acks, done = 0;
	int t;

	hash_manifest(&hs, m);
	for (t = T_REV; t < T_COUNT; t++) {
		sqlite3_stmt *st;
		long long row = 0;
		int rc = sqlite3_prepare_v2(h, tables[t].select, -1, &st, NULL);

		if (rc != SQLITE_OK)
			return sqlfail_in(db, h, rc, file, tables[t].name);
		lf_hash_str(&hs, tables[t].name);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			lf_status s = check_row(db, file, &tables[t], st, ++row);

			if (s) {
				sqlite3_finalize(st);
				return s;
			}
			hash_row(&hs, &tables[t], st);
			if (progress && (++done & 255) == 0 && progress(pctx, "校验", done, total)) {
				sqlite3_finalize(st);
				return lf_fail(db, LF_STATE, "已取消。");
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sqlfail_in(db, h, rc, file, tables[t].name);
		counts[t] = row;
	}
	lf_hash_final(&hs, out);
	return LF_OK;
}

/* ------------------------------------------------------------------ files */

static char *dir_of(const char *path)
{
	char *copy = lf_strdup(path);
	char *dir = lf_strdup(dirname(copy));

	lf_free(copy);
	return dir;
}

static char *base_of(const char *path)
{
	char *copy = lf_strdup(path);
	char *base = lf_strdup(basename(copy));

	lf_free(copy);
	return base;
}

static const char *tmp_root(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t ? t : "/tmp";
}

/* Write all of buf; returns 0 or -1 with errno. */
static int write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* BLAKE2b-256 of a file's bytes (what `b2sum -l 256` prints), read from the
 * device rather than the page cache where the kernel lets us. Returns 0, or
 * -1 with errno. */
static int hash_file(const char *path, char out[LF_HASH_LEN + 1], long long *size)
{
	crypto_generichash_state st;
	unsigned char raw[32];
	char buf[65536];
	long long n = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
#ifdef POSIX_FADV_DONTNEED
	posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
#endif
	crypto_generichash_init(&st, NULL, 0, sizeof raw);
	while ((r = read(fd, buf, sizeof buf)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			close(fd);
			errno = e;
			return -1;
		}
		crypto_generichash_update(&st, (unsigned char *)buf, (size_t)r);
		n += r;
	}
	close(fd);
	crypto_generichash_final(&st, raw, sizeof raw);
	lf_hex(out, raw, sizeof raw);
	if (size)
		*size = n;
	return 0;
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

/* The 100-byte SQLite header of a bundle, checked by hand before SQLite
 * sees the file: magic, page size, page count against the size, encoding,
 * rollback journal mode, application_id and format. */
static lf_status check_header(struct lf_db *db, const char *file, const unsigned char *b, long long n)
{
	static const char magic[16] = "SQLite format 3";
	unsigned page_size, pages, appid;
	int format;

	if (n < 100) {
		if (n == 0)
			return lf_fail(db, LF_NOTDB, "%s 是空文件，不是数据包。", file);
		if (!memcmp(b, magic, (size_t)(n < 16 ? n : 16)))
			return lf_fail(db, LF_CORRUPT, "数据包 %s 只有 %lld 字节，被截断了（可能是拔出 U 盘太早）。请重新打包。",
			               file, n);
		return lf_fail(db, LF_NOTDB, "%s 不是数据包（不是 SQLite 文件）。", file);
	}
	if (memcmp(b, magic, sizeof magic))
		return lf_fail(db, LF_NOTDB, "%s 不是数据包（文件头不是 SQLite 文件）。", file);
	page_size = (unsigned)b[16] << 8 | b[17];
	if (page_size == 1)
		page_size = 65536;
	if (page_size < 512 || (page_size & (page_size - 1)))
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的文件头已损坏（第 16–17 字节：页大小 %u 无效）。", file, page_size);
	if (be32(b + 92) != be32(b + 24))
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的文件头已损坏（第 92–95 字节与第 24–27 字节不符，页数不可信）。", file);
	pages = be32(b + 28);
	if ((long long)pages * page_size > n)
		return lf_fail(db, LF_CORRUPT, "数据包 %s 被截断了：应有 %lld 字节，实际只有 %lld 字节（可能是拔出 U 盘太早）。"
		               "请重新打包。", file, (long long)pages * page_size, n);
	if ((long long)pages * page_size < n)
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的长度不对：应有 %lld 字节，实际有 %lld 字节（文件末尾多出数据）。",
		               file, (long long)pages * page_size, n);
	if (b[18] != 1 || b[19] != 1)
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的文件头不对（第 18–19 字节：不是回滚日志模式）。", file);
	if (be32(b + 56) != 1)
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的文件头不对（第 56–59 字节：文字编码不是 UTF-8）。", file);
	appid = be32(b + 68);
	if (appid == LF_APPLICATION_ID)
		return lf_fail(db, LF_FOREIGN, "%s 是廉防的数据库文件，不是数据包。请在那边用“lianfang pack”打包，"
		               "再合并打出的文件。", file);
	if (appid != LF_BUNDLE_APPLICATION_ID)
		return lf_fail(db, LF_FOREIGN, "%s 不是廉防的数据包（第 68–71 字节：application_id 为 0x%08x）。", file, appid);
	format = (int)be32(b + 60);
	if (format > LF_BUNDLE_FORMAT)
		return lf_fail(db, LF_NEWER, "数据包 %s 是第 %d 版格式，由更新版本的廉防写出；本程序只认识到第 %d 版。"
		               "请升级廉防后再合并。", file, format, LF_BUNDLE_FORMAT);
	if (format < 1)
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的文件头不对（第 60–63 字节：格式版本 %d 无效）。", file, format);
	return LF_OK;
}

/* ------------------------------------------------------------------ writing */

struct lf_bundle_writer {
	struct lf_db *db;    /* for errors */
	sqlite3 *h;
	char *path;          /* the private temporary file */
	sqlite3_stmt *ins[T_COUNT];
	int sealed;
};

static lf_status wfail(struct lf_bundle_writer *w, int rc, const char *what)
{
	if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
		return lf_fail(w->db, LF_IO, "在 %s 中准备数据包时写入失败（%s）：%s。没有写出数据包。", tmp_root(), what,
		               sqlite3_errmsg(w->h));
	return lf_fail(w->db, LF_SQL, "准备数据包失败（%s）：%s", what, sqlite3_errmsg(w->h));
}

static lf_status wexec(struct lf_bundle_writer *w, const char *sql)
{
	int rc = sqlite3_exec(w->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? LF_OK : wfail(w, rc, "建立数据包");
}

lf_status lf_bundle_writer_new(struct lf_db *db, struct lf_bundle_writer **out)
{
	struct lf_bundle_writer *w = lf_alloc(sizeof *w);
	static const char *const ins_sql[T_COUNT] = { insert_manifest_sql, insert_rev_sql, insert_audit_sql,
	                                              insert_ack_sql, insert_audit_ack_sql };
	char pragma[96];
	lf_status s;
	int fd, rc, i;

	*out = NULL;
	w->db = db;
	w->path = lf_printf("%s/lianfang-pack-XXXXXX", tmp_root());
	if ((fd = mkstemp(w->path)) < 0) {
		s = lf_fail(db, LF_IO, "无法在 %s 中建立临时文件：%s", tmp_root(), strerror(errno));
		lf_free(w->path);
		lf_free(w);
		return s;
	}
	close(fd);
	rc = sqlite3_open_v2(w->path, &w->h, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		s = lf_fail(db, LF_IO, "无法建立数据包：%s", w->h ? sqlite3_errmsg(w->h) : sqlite3_errstr(rc));
		lf_bundle_writer_free(w);
		return s;
	}
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
	         LF_BUNDLE_APPLICATION_ID, LF_BUNDLE_FORMAT);
	if ((s = wexec(w, "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")) ||
	    (s = wexec(w, pragma)) || (s = wexec(w, schema_sql)) || (s = wexec(w, "BEGIN"))) {
		lf_bundle_writer_free(w);
		return s;
	}
	for (i = 0; i < T_COUNT; i++)
		if ((rc = sqlite3_prepare_v2(w->h, ins_sql[i], -1, &w->ins[i], NULL)) != SQLITE_OK) {
			s = wfail(w, rc, "准备语句");
			lf_bundle_writer_free(w);
			return s;
		}
	*out = w;
	return LF_OK;
}

static lf_status wstep(struct lf_bundle_writer *w, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? LF_OK : wfail(w, rc, what);
}

lf_status lf_bundle_put_rev(struct lf_bundle_writer *w, const struct lf_rev *v)
{
	sqlite3_stmt *st = w->ins[T_REV];

	sqlite3_bind_text(st, 1, v->rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v->gid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v->owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, v->gen);
	sqlite3_bind_text(st, 6, v->parents, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, v->author, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, v->at, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, v->deleted);
	sqlite3_bind_text(st, 10, v->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, v->hash, -1, SQLITE_STATIC);
	return wstep(w, st, "写入修订");
}

lf_status lf_bundle_put_audit(struct lf_bundle_writer *w, const struct lf_audit_entry *e)
{
	sqlite3_stmt *st = w->ins[T_AUDIT];

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
	return wstep(w, st, "写入审计日志");
}

lf_status lf_bundle_put_ack(struct lf_bundle_writer *w, const char *rid)
{
	sqlite3_bind_text(w->ins[T_ACK], 1, rid, -1, SQLITE_STATIC);
	return wstep(w, w->ins[T_ACK], "写入确认");
}

lf_status lf_bundle_put_audit_ack(struct lf_bundle_writer *w, const char *unit, long long seq, const char *hash)
{
	sqlite3_stmt *st = w->ins[T_AUDIT_ACK];

	sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
	return wstep(w, st, "写入确认");
}

/* Seal: counts and content hash computed by the same walk that reads bundles. */
static lf_status seal(struct lf_bundle_writer *w, struct lf_manifest *m)
{
	long long counts[T_COUNT] = { 0 };
	sqlite3_stmt *st = w->ins[T_MANIFEST];
	lf_status s;
	int rc, i;

	/* Counts first: they are part of what is hashed. */
	for (i = T_REV; i < T_COUNT; i++) {
		static const char *const count_sql[T_COUNT] = { NULL, "SELECT count(*) FROM rev",
		                                                "SELECT count(*) FROM audit", "SELECT count(*) FROM ack",
		                                                "SELECT count(*) FROM audit_ack" };
		sqlite3_stmt *c;

		if ((rc = sqlite3_prepare_v2(w->h, count_sql[i], -1, &c, NULL)) != SQLITE_OK)
			return wfail(w, rc, "统计");
		counts[i] = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int64(c, 0) : 0;
		sqlite3_finalize(c);
	}
	m->format = LF_BUNDLE_FORMAT;
	m->revs = counts[T_REV];
	m->audits = counts[T_AUDIT];
	m->acks = counts[T_ACK];
	m->audit_acks = counts[T_AUDIT_ACK];
	if ((s = hash_content(w->db, w->h, w->path, m, counts, m->content, NULL, NULL)))
		return s;
	sqlite3_bind_int(st, 1, m->format);
	sqlite3_bind_int(st, 2, m->schema);
	sqlite3_bind_text(st, 3, m->sender, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->sender_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->receiver, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, m->program, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, m->revs);
	sqlite3_bind_int64(st, 10, m->audits);
	sqlite3_bind_int64(st, 11, m->acks);
	sqlite3_bind_int64(st, 12, m->audit_acks);
	sqlite3_bind_text(st, 13, m->content, -1, SQLITE_STATIC);
	if ((s = wstep(w, st, "写入清单")) || (s = wexec(w, "COMMIT")))
		return s;
	for (i = 0; i < T_COUNT; i++) {
		sqlite3_finalize(w->ins[i]);
		w->ins[i] = NULL;
	}
	rc = sqlite3_close(w->h);
	w->h = NULL;
	if (rc != SQLITE_OK)
		return lf_fail(w->db, LF_IO, "关闭数据包临时文件失败。");
	w->sealed = 1;
	return LF_OK;
}

/* Is dest absent, or an earlier bundle we may replace? */
static lf_status dest_replaceable(struct lf_db *db, const char *dest)
{
	unsigned char b[100];
	struct stat sb;
	ssize_t n;
	int fd;

	if (stat(dest, &sb) != 0)
		return errno == ENOENT ? LF_OK : lf_fail(db, LF_IO, "无法访问 %s：%s", dest, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return lf_fail(db, LF_EXISTS, "%s 已经存在且不是普通文件，不会覆盖。", dest);
	if ((fd = open(dest, O_RDONLY | O_CLOEXEC)) < 0)
		return lf_fail(db, LF_IO, "无法读取已有的 %s：%s", dest, strerror(errno));
	n = read(fd, b, sizeof b);
	close(fd);
	if (n == (ssize_t)sizeof b && !memcmp(b, "SQLite format 3", 16) && be32(b + 68) == LF_BUNDLE_APPLICATION_ID)
		return LF_OK;
	return lf_fail(db, LF_EXISTS, "%s 已经存在，而且不是廉防数据包，不会覆盖它。请换一个文件名。", dest);
}

static lf_status write_fail(struct lf_db *db, const char *dest, int e)
{
	if (e == ENOSPC || e == EFBIG || e == EDQUOT)
		return lf_fail(db, LF_IO, "%s 所在的盘空间不足，数据包没有写完；%s 保持原样（原来的数据包仍在，或没有文件）。"
		               "请腾出空间或换一个 U 盘后重新打包。", dest, dest);
	return lf_fail(db, LF_IO, "写入 %s 失败：%s。%s 保持原样（原来的数据包仍在，或没有文件）；请检查 U 盘后重新打包。",
	               dest, strerror(e), dest);
}

/* Copy the sealed file to tmp beside dest; fsync it. */
static lf_status copy_to(struct lf_bundle_writer *w, const char *tmp, const char *dest, lf_progress_fn progress,
                         void *pctx, long long total)
{
	char buf[65536];
	long long done = 0;
	ssize_t r;
	int in = open(w->path, O_RDONLY | O_CLOEXEC), out = -1, e = 0;

	if (in < 0)
		return lf_fail(w->db, LF_IO, "无法读取临时文件 %s：%s", w->path, strerror(errno));
	out = open(tmp, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (out < 0)
		e = errno;
	while (!e && (r = read(in, buf, sizeof buf)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || write_all(out, buf, (size_t)r) != 0) {
			e = errno;
			break;
		}
		done += r;
		if (progress && progress(pctx, "写入", done, total)) {
			close(in);
			close(out);
			return lf_fail(w->db, LF_STATE, "已取消；%s 保持原样。", dest);
		}
	}
	if (!e && fsync(out) != 0)
		e = errno;
	if (out >= 0 && close(out) != 0 && !e)
		e = errno;
	close(in);
	return e ? write_fail(w->db, dest, e) : LF_OK;
}

lf_status lf_bundle_finish(struct lf_bundle_writer *w, struct lf_manifest *m, const char *dest,
                           lf_progress_fn progress, void *pctx, char file_hash[LF_HASH_LEN + 1],
                           long long *bytes)
{
	char again[LF_HASH_LEN + 1];
	char *dir, *base, *tmp;
	long long size = 0, size2 = 0;
	lf_status s;
	int fd;

	if ((s = dest_replaceable(w->db, dest)) || (s = seal(w, m)))
		return s;
	if (hash_file(w->path, file_hash, &size) != 0)
		return lf_fail(w->db, LF_IO, "无法读取临时文件 %s：%s", w->path, strerror(errno));
	dir = dir_of(dest);
	base = base_of(dest);
	tmp = lf_printf("%s/.%s.tmp-XXXXXX", dir, base);
	lf_free(base);
	if ((fd = mkstemp(tmp)) < 0) {
		s = errno == ENOENT ? lf_fail(w->db, LF_NOTFOUND, "目录 %s 不存在（U 盘拔出了吗？）。", dir)
		                    : write_fail(w->db, dest, errno);
		goto out;
	}
	/* mkstemp makes it private; a bundle is for carrying: the usual mode. */
	{
		mode_t mask = umask(022);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	close(fd);
	if ((s = copy_to(w, tmp, dest, progress, pctx, size)))
		goto out;
	if (progress)
		progress(pctx, "读回", 0, size);
	if (hash_file(tmp, again, &size2) != 0 || size2 != size || strcmp(again, file_hash)) {
		s = lf_fail(w->db, LF_IO, "写入 %s 后读回核对不符（U 盘可能有问题或是扩容盘）；%s 保持原样。请换一个 U 盘重新打包。",
		            dest, dest);
		goto out;
	}
	if (lf_file_commit(tmp, dest, 1) != 0) {
		s = write_fail(w->db, dest, errno);
		goto out;
	}
	if (hash_file(dest, again, &size2) != 0 || size2 != size || strcmp(again, file_hash)) {
		unlink(dest);
		s = lf_fail(w->db, LF_IO, "写入 %s 后读回核对不符（U 盘可能有问题或是扩容盘），已删除这个坏文件。"
		            "请换一个 U 盘重新打包。", dest);
		goto out;
	}
	if (progress)
		progress(pctx, "读回", size, size);
	*bytes = size;
out:
	unlink(tmp);  /* gone already after a successful rename */
	lf_free(tmp);
	lf_free(dir);
	return s;
}

void lf_bundle_writer_free(struct lf_bundle_writer *w)
{
	int i;

	if (!w)
		return;
	for (i = 0; i < T_COUNT; i++)
		sqlite3_finalize(w->ins[i]);
	if (w->h)
		sqlite3_close(w->h);
	if (w->path)
		unlink(w->path);
	lf_free(w->path);
	lf_free(w);
}

/* ------------------------------------------------------------------ reading */

struct lf_bundle {
	sqlite3 *h;
	char *file;                   /* as given, for messages */
	char *dir;                    /* private directory holding the copy */
	char *copy;
	struct lf_manifest m;
	char file_hash[LF_HASH_LEN + 1];
	char computed[LF_HASH_LEN + 1];
	long long bytes;
	sqlite3_stmt *gid_st;
	struct lf_buf notes;
};

const struct lf_manifest *lf_bundle_manifest(const struct lf_bundle *b) { return &b->m; }
const char *lf_bundle_file_hash(const struct lf_bundle *b) { return b->file_hash; }
const char *lf_bundle_computed_hash(const struct lf_bundle *b) { return b->computed; }
long long lf_bundle_bytes(const struct lf_bundle *b) { return b->bytes; }
const char *lf_bundle_notes(const struct lf_bundle *b) { return b->notes.s ? b->notes.s : ""; }

void lf_bundle_close(struct lf_bundle *b)
{
	if (!b)
		return;
	sqlite3_finalize(b->gid_st);
	if (b->h)
		sqlite3_close(b->h);
	if (b->copy)
		unlink(b->copy);
	if (b->dir)
		rmdir(b->dir);
	lf_free(b->copy);
	lf_free(b->dir);
	lf_free(b->file);
	lf_buf_free(&b->notes);
	lf_free(b);
}

/* Copy the file to the private directory, hashing it on the way. */
static lf_status copy_in(struct lf_db *db, struct lf_bundle *b, lf_progress_fn progress, void *pctx)
{
	crypto_generichash_state hs;
	unsigned char raw[32];
	char buf[65536];
	struct stat sb;
	long long done = 0;
	ssize_t r;
	int in, out, e = 0;

	if ((in = open(b->file, O_RDONLY | O_CLOEXEC)) < 0)
		return lf_fail(db, errno == ENOENT ? LF_NOTFOUND : LF_IO, "无法打开数据包 %s：%s", b->file,
		               errno == ENOENT ? "文件不存在" : strerror(errno));
	if (fstat(in, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(in);
		return lf_fail(db, LF_INVALID, "%s 不是普通文件。", b->file);
	}
	if (sb.st_size > LF_BUNDLE_MAX_BYTES) {
		close(in);
		return lf_fail(db, LF_INVALID, "%s 有 %lld 字节，超过数据包的上限 %lld 字节，不是廉防写出的数据包。", b->file,
		               (long long)sb.st_size, LF_BUNDLE_MAX_BYTES);
	}
	if ((out = open(b->copy, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		e = errno;
		close(in);
		return lf_fail(db, LF_IO, "无法在 %s 建立数据包的本地副本：%s", b->dir, strerror(e));
	}
	crypto_generichash_init(&hs, NULL, 0, sizeof raw);
	while ((r = read(in, buf, sizeof buf)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			lf_fail(db, LF_IO, "读取数据包 %s 时出错（第 %lld 字节处）：%s。U 盘被拔出了吗？", b->file, done, strerror(e));
			break;
		}
		if (done + r > LF_BUNDLE_MAX_BYTES) {
			e = EFBIG;
			lf_fail(db, LF_INVALID, "%s 在读取时不断变长，不是完整的数据包。", b->file);
			break;
		}
		if (write_all(out, buf, (size_t)r) != 0) {
			e = errno;
			lf_fail(db, LF_IO, "写入数据包的本地副本失败（%s）：%s", b->dir, strerror(e));
			break;
		}
		crypto_generichash_update(&hs, (unsigned char *)buf, (size_t)r);
		done += r;
		if (progress && progress(pctx, "复制", done, sb.st_size)) {
			e = ECANCELED;
			lf_fail(db, LF_STATE, "已取消。");
			break;
		}
	}
	close(in);
	if (close(out) != 0 && !e) {
		e = errno;
		lf_fail(db, LF_IO, "写入数据包的本地副本失败（%s）：%s", b->dir, strerror(e));
	}
	if (e)
		return e == ECANCELED ? LF_STATE : e == EFBIG ? LF_INVALID : LF_IO;
	if (done != sb.st_size)
		return lf_fail(db, LF_IO, "数据包 %s 在读取时发生了变化（应为 %lld 字节，读到 %lld 字节）。请等写入完成后再合并。",
		               b->file, (long long)sb.st_size, done);
	crypto_generichash_final(&hs, raw, sizeof raw);
	lf_hex(b->file_hash, raw, sizeof raw);
	b->bytes = done;
	return LF_OK;
}

static void note_sidecars(struct lf_bundle *b)
{
	static const char *const ext[] = { "-journal", "-wal", "-shm" };
	size_t i;

	for (i = 0; i < LF_COUNT(ext); i++) {
		char *side = lf_printf("%s%s", b->file, ext[i]);
		struct stat sb;

		if (stat(side, &sb) == 0)
			lf_buf_addf(&b->notes, "注意：%s 旁边有 %s，它不属于数据包，已忽略（没有使用也没有改动它）。\n", b->file, side);
		lf_free(side);
	}
}

/* "file:" URI for a path, percent-encoding everything but unreserved bytes. */
static char *file_uri(const char *path)
{
	struct lf_buf u;
	const unsigned char *p;

	lf_buf_init(&u);
	lf_buf_adds(&u, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			lf_buf_addc(&u, (char)*p);
		else
			lf_buf_addf(&u, "%%%02X", *p);
	}
	lf_buf_adds(&u, "?immutable=1");
	return lf_buf_steal(&u);
}

/* The connection, locked down before the file's schema is ever read. */
static lf_status open_locked(struct lf_db *db, struct lf_bundle *b)
{
	static const struct {
		int id, value;
	} limits[] = {
		{ SQLITE_LIMIT_LENGTH, 4000000 }, { SQLITE_LIMIT_SQL_LENGTH, 100000 }, { SQLITE_LIMIT_COLUMN, 64 },
		{ SQLITE_LIMIT_EXPR_DEPTH, 64 }, { SQLITE_LIMIT_COMPOUND_SELECT, 3 }, { SQLITE_LIMIT_VDBE_OP, 25000 },
		{ SQLITE_LIMIT_FUNCTION_ARG, 8 }, { SQLITE_LIMIT_ATTACHED, 0 }, { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 64 },
		{ SQLITE_LIMIT_VARIABLE_NUMBER, 16 }, { SQLITE_LIMIT_TRIGGER_DEPTH, 1 }, { SQLITE_LIMIT_WORKER_THREADS, 0 },
	};
	char *uri = file_uri(b->copy);
	size_t i;
	int rc = sqlite3_open_v2(uri, &b->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_PRIVATECACHE, NULL);

	lf_free(uri);
	if (rc != SQLITE_OK)
		return lf_fail(db, LF_IO, "无法打开数据包 %s 的本地副本：%s", b->file,
		               b->h ? sqlite3_errmsg(b->h) : sqlite3_errstr(rc));
	sqlite3_extended_result_codes(b->h, 1);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_FKEY, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	for (i = 0; i < LF_COUNT(limits); i++)
		sqlite3_limit(b->h, limits[i].id, limits[i].value);
	/* These pragmas touch no schema. */
	rc = sqlite3_exec(b->h, "PRAGMA mmap_size = 0; PRAGMA cell_size_check = ON; PRAGMA query_only = ON; "
	                        "PRAGMA trusted_schema = OFF;", NULL, NULL, NULL);
	return rc == SQLITE_OK ? LF_OK : sqlfail_in(db, b->h, rc, b->file, "设置连接");
}

/* The schema objects, as (type, name, tbl_name, sql) text in a fixed order. */
static lf_status schema_text(sqlite3 *h, struct lf_buf *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
	                               "ORDER BY type, name", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return LF_CORRUPT;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i;

		for (i = 0; i < 4; i++) {
			const char *s = (const char *)sqlite3_column_text(st, i);

			lf_buf_addf(out, "%d:", sqlite3_column_bytes(st, i));
			lf_buf_adds(out, s ? s : "");
			lf_buf_addc(out, '\n');
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : LF_CORRUPT;
}

/* Compare the file's schema with the one this build writes, before anything
 * reads a table: a view, trigger, CHECK or index expression the file brings
 * is refused here without being run. */
static lf_status check_schema(struct lf_db *db, struct lf_bundle *b)
{
	struct lf_buf want, have;
	sqlite3 *ref = NULL;
	lf_status s = LF_OK;

	lf_buf_init(&want);
	lf_buf_init(&have);
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
	    sqlite3_exec(ref, schema_sql, NULL, NULL, NULL) != SQLITE_OK || schema_text(ref, &want) != LF_OK)
		s = lf_fail(db, LF_INTERNAL, "无法建立用于比对的数据包结构。");
	else if (schema_text(b->h, &have) != LF_OK)
		s = lf_fail(db, LF_CORRUPT, "数据包 %s 的数据结构无法读取（%s），文件已损坏或不是廉防写出的。", b->file,
		            sqlite3_errmsg(b->h));
	else if (!have.s || strcmp(want.s, have.s))
		s = lf_fail(db, LF_FOREIGN, "数据包 %s 的数据结构不是廉防写出的样子（表、索引、视图或触发器被改动过），"
		            "为安全起见不读取它的内容。", b->file);
	sqlite3_close(ref);
	lf_buf_free(&want);
	lf_buf_free(&have);
	return s;
}

static lf_status integrity(struct lf_db *db, struct lf_bundle *b)
{
	sqlite3_stmt *st;
	struct lf_buf msg;
	int rc = sqlite3_prepare_v2(b->h, "PRAGMA integrity_check(5)", -1, &st, NULL), bad = 0;

	if (rc != SQLITE_OK)
		return sqlfail_in(db, b->h, rc, b->file, "完整性检查");
	lf_buf_init(&msg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);

		if (m && !strcmp(m, "ok"))
			continue;
		lf_buf_addf(&msg, "%s%s", bad++ ? "；" : "", m ? m : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		lf_buf_free(&msg);
		return sqlfail_in(db, b->h, rc, b->file, "完整性检查");
	}
	if (bad) {
		lf_status s = lf_fail(db, LF_CORRUPT, "数据包 %s 已损坏（SQLite 完整性检查：%s）。请重新打包。", b->file, msg.s);

		lf_buf_free(&msg);
		return s;
	}
	lf_buf_free(&msg);
	return LF_OK;
}

static int timestamp_ok(const char *at)
{
	char date[11];

	if (strlen(at) != 20 || at[4] != '-' || at[10] != 'T' || at[13] != ':' || at[16] != ':' || at[19] != 'Z')
		return 0;
	memcpy(date, at, 10);
	date[10] = 0;
	return lf_date_parse(date, date) == 0 && !strncmp(date, at, 10);
}

/* Read and check the one manifest row. */
static lf_status read_manifest(struct lf_db *db, struct lf_bundle *b)
{
	const struct table *t = &tables[T_MANIFEST];
	struct lf_manifest *m = &b->m;
	sqlite3_stmt *st;
	lf_status s = LF_OK;
	int rc = sqlite3_prepare_v2(b->h, t->select, -1, &st, NULL), rows = 0;

	if (rc != SQLITE_OK)
		return sqlfail_in(db, b->h, rc, b->file, "清单");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && s == LF_OK) {
		if (++rows > 1)
			break;
		if ((s = check_row(db, b->file, t, st, rows)))
			break;
		m->format = (int)sqlite3_column_int64(st, 0);
		m->schema = sqlite3_column_int64(st, 1) > 1000000 || sqlite3_column_int64(st, 1) < -1000000
		            ? -1 : (int)sqlite3_column_int64(st, 1);
		snprintf(m->sender, sizeof m->sender, "%s", text(st, 2));
		snprintf(m->sender_name, sizeof m->sender_name, "%s", text(st, 3));
		snprintf(m->receiver, sizeof m->receiver, "%s", text(st, 4));
		snprintf(m->direction, sizeof m->direction, "%s", text(st, 5));
		snprintf(m->created, sizeof m->created, "%s", text(st, 6));
		snprintf(m->program, sizeof m->program, "%s", text(st, 7));
		m->revs = sqlite3_column_int64(st, 8);
		m->audits = sqlite3_column_int64(st, 9);
		m->acks = sqlite3_column_int64(st, 10);
		m->audit_acks = sqlite3_column_int64(st, 11);
		snprintf(m->content, sizeof m->content, "%s", text(st, 12));
	}
	sqlite3_finalize(st);
	if (s)
		return s;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sqlfail_in(db, b->h, rc, b->file, "清单");
	if (rows != 1)
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单应有 1 行，实际有 %s 行。", b->file, rows ? "多" : "0");
	if (m->format != LF_BUNDLE_FORMAT)
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单中的格式版本 %d 与文件头不符。", b->file, m->format);
	if (m->schema > LF_SCHEMA_VERSION)
		return lf_fail(db, LF_NEWER, "数据包 %s 来自使用第 %d 版数据结构的廉防（更新的版本）；本程序是第 %d 版。"
		               "请升级廉防后再合并。", b->file, m->schema, LF_SCHEMA_VERSION);
	if (m->schema < LF_SCHEMA_VERSION)
		return lf_fail(db, m->schema < 1 ? LF_INVALID : LF_OLDER, "数据包 %s 来自使用第 %d 版数据结构的廉防（较旧的版本）；"
		               "本程序是第 %d 版。请对方升级廉防后重新打包。", b->file, m->schema, LF_SCHEMA_VERSION);
	if (!lf_unit_code_valid(m->sender) || !lf_unit_code_valid(m->receiver) || !strcmp(m->sender, m->receiver))
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单中的单位代码无效（发出 %s，接收 %s）。", b->file, m->sender,
		               m->receiver);
	if (strcmp(m->direction, "up") && strcmp(m->direction, "down"))
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单中的方向“%s”无效。", b->file, m->direction);
	if (!timestamp_ok(m->created))
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单中的打包时间“%s”无效。", b->file, m->created);
	if (m->revs < 0 || m->audits < 0 || m->acks < 0 || m->audit_acks < 0)
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单中的数量无效。", b->file);
	if (!lf_is_hex(m->content, LF_HASH_LEN))
		return lf_fail(db, LF_INVALID, "数据包 %s 的清单中的内容校验码无效。", b->file);
	return LF_OK;
}

lf_status lf_bundle_open(struct lf_db *db, const char *path, lf_progress_fn progress, void *pctx,
                         struct lf_bundle **out)
{
	struct lf_bundle *b = lf_alloc(sizeof *b);
	long long counts[T_COUNT] = { 0 };
	unsigned char head[100];
	lf_status s;
	ssize_t n;
	int fd;

	*out = NULL;
	b->file = lf_strdup(path);
	lf_buf_init(&b->notes);
	b->dir = lf_printf("%s/lianfang-merge-XXXXXX", tmp_root());
	if (!mkdtemp(b->dir)) {
		s = lf_fail(db, LF_IO, "无法在 %s 中建立临时目录：%s", tmp_root(), strerror(errno));
		lf_free(b->dir);
		b->dir = NULL;
		goto fail;
	}
	b->copy = lf_printf("%s/bundle", b->dir);
	note_sidecars(b);
	if ((s = copy_in(db, b, progress, pctx)))
		goto fail;
	if ((fd = open(b->copy, O_RDONLY | O_CLOEXEC)) < 0) {
		s = lf_fail(db, LF_IO, "无法读取数据包的本地副本：%s", strerror(errno));
		goto fail;
	}
	memset(head, 0, sizeof head);
	n = read(fd, head, sizeof head);
	close(fd);
	if ((s = check_header(db, b->file, head, n < 0 ? 0 : b->bytes)))
		goto fail;
	if (progress && progress(pctx, "检查", 0, 1)) {
		s = lf_fail(db, LF_STATE, "已取消。");
		goto fail;
	}
	if ((s = open_locked(db, b)) || (s = check_schema(db, b)) || (s = integrity(db, b)) ||
	    (s = read_manifest(db, b)))
		goto fail;
	if (progress && progress(pctx, "检查", 1, 1)) {
		s = lf_fail(db, LF_STATE, "已取消。");
		goto fail;
	}
	if ((s = hash_content(db, b->h, b->file, &b->m, counts, b->computed, progress, pctx)))
		goto fail;
	if (counts[T_REV] != b->m.revs || counts[T_AUDIT] != b->m.audits || counts[T_ACK] != b->m.acks ||
	    counts[T_AUDIT_ACK] != b->m.audit_acks) {
		s = lf_fail(db, LF_INVALID, "数据包 %s 的清单与内容不符：清单说有 %lld/%lld/%lld/%lld 行，实际有 "
		            "%lld/%lld/%lld/%lld 行（修订/审计日志/确认/日志确认）。文件被改动过或已损坏。", b->file,
		            b->m.revs, b->m.audits, b->m.acks, b->m.audit_acks, counts[T_REV], counts[T_AUDIT],
		            counts[T_ACK], counts[T_AUDIT_ACK]);
		goto fail;
	}
	*out = b;
	return LF_OK;
fail:
	lf_bundle_close(b);
	return s;
}

lf_status lf_bundle_verify(struct lf_db *db, const struct lf_bundle *b)
{
	if (strcmp(b->computed, b->m.content))
		return lf_fail(db, LF_CORRUPT, "数据包 %s 的内容与清单中的校验码不符：内容被改动过或已损坏。请重新打包。", b->file);
	return LF_OK;
}

/* ------------------------------------------------------------------ rows */

/* Step through a table's rows in the hashed order, checking each again. */
static lf_status each_row(struct lf_db *db, struct lf_bundle *b, int t,
                          int (*row_fn)(void *ctx, long long row, sqlite3_stmt *st), void *ctx)
{
	sqlite3_stmt *st;
	long long row = 0;
	lf_status s = LF_OK;
	int rc = sqlite3_prepare_v2(b->h, tables[t].select, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sqlfail_in(db, b->h, rc, b->file, tables[t].name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((s = check_row(db, b->file, &tables[t], st, ++row)) || row_fn(ctx, row, st))
			break;
	}
	if (s == LF_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = sqlfail_in(db, b->h, rc, b->file, tables[t].name);
	sqlite3_finalize(st);
	return s;
}

struct rev_walk {
	int (*fn)(void *ctx, long long row, const struct lf_rev *v, const char *kind_name);
	void *ctx;
};

static int rev_row_fn(void *ctx, long long row, sqlite3_stmt *st)
{
	struct rev_walk *w = ctx;
	struct lf_rev v;

	memset(&v, 0, sizeof v);
	snprintf(v.rid, sizeof v.rid, "%s", text(st, 0));
	snprintf(v.gid, sizeof v.gid, "%s", text(st, 1));
	v.kind = lf_kind_find(text(st, 2));
	snprintf(v.owner, sizeof v.owner, "%s", text(st, 3));
	v.gen = sqlite3_column_int64(st, 4);
	v.parents = (char *)text(st, 5);
	snprintf(v.author, sizeof v.author, "%s", text(st, 6));
	snprintf(v.at, sizeof v.at, "%s", text(st, 7));
	v.deleted = sqlite3_column_int64(st, 8) == 0 ? 0 : sqlite3_column_int64(st, 8) == 1 ? 1 : -1;
	v.body = (char *)text(st, 9);
	snprintf(v.hash, sizeof v.hash, "%s", text(st, 10));
	return w->fn(w->ctx, row, &v, text(st, 2));
}

lf_status lf_bundle_each_rev(struct lf_db *db, struct lf_bundle *b,
                             int (*fn)(void *ctx, long long row, const struct lf_rev *v, const char *kind_name),
                             void *ctx)
{
	struct rev_walk w = { fn, ctx };

	return each_row(db, b, T_REV, rev_row_fn, &w);
}

struct audit_walk {
	int (*fn)(void *ctx, long long row, const struct lf_audit_entry *e);
	void *ctx;
};

static int audit_row_fn(void *ctx, long long row, sqlite3_stmt *st)
{
	struct audit_walk *w = ctx;
	struct lf_audit_entry e;

	lf_audit_entry_of_row(st, &e);
	return w->fn(w->ctx, row, &e);
}

lf_status lf_bundle_each_audit(struct lf_db *db, struct lf_bundle *b,
                               int (*fn)(void *ctx, long long row, const struct lf_audit_entry *e), void *ctx)
{
	struct audit_walk w = { fn, ctx };

	return each_row(db, b, T_AUDIT, audit_row_fn, &w);
}

struct ack_walk {
	int (*fn)(void *ctx, long long row, const char *rid);
	void *ctx;
};

static int ack_row_fn(void *ctx, long long row, sqlite3_stmt *st)
{
	struct ack_walk *w = ctx;

	return w->fn(w->ctx, row, text(st, 0));
}

lf_status lf_bundle_each_ack(struct lf_db *db, struct lf_bundle *b,
                             int (*fn)(void *ctx, long long row, const char *rid), void *ctx)
{
	struct ack_walk w = { fn, ctx };

	return each_row(db, b, T_ACK, ack_row_fn, &w);
}

struct audit_ack_walk {
	int (*fn)(void *ctx, long long row, const char *unit, long long seq, const char *hash);
	void *ctx;
};

static int audit_ack_row_fn(void *ctx, long long row, sqlite3_stmt *st)
{
	struct audit_ack_walk *w = ctx;

	return w->fn(w->ctx, row, text(st, 0), sqlite3_column_int64(st, 1), text(st, 2));
}

lf_status lf_bundle_each_audit_ack(struct lf_db *db, struct lf_bundle *b,
                                   int (*fn)(void *ctx, long long row, const char *unit, long long seq,
                                             const char *hash),
                                   void *ctx)
{
	struct audit_ack_walk w = { fn, ctx };

	return each_row(db, b, T_AUDIT_ACK, audit_ack_row_fn, &w);
}

lf_status lf_bundle_gid(struct lf_db *db, struct lf_bundle *b, const char *gid, int *n, char kind[40],
                        char owner[LF_CODE_MAX + 1])
{
	int rc;

	*n = 0;
	kind[0] = owner[0] = 0;
	if (!b->gid_st && (rc = sqlite3_prepare_v2(b->h, gid_sql, -1, &b->gid_st, NULL)) != SQLITE_OK)
		return sqlfail_in(db, b->h, rc, b->file, "查找记录");
	sqlite3_reset(b->gid_st);
	sqlite3_bind_text(b->gid_st, 1, gid, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(b->gid_st)) == SQLITE_ROW) {
		if ((*n)++ == 0) {
			snprintf(kind, 40, "%s", text(b->gid_st, 0));
			snprintf(owner, LF_CODE_MAX + 1, "%s", text(b->gid_st, 1));
		}
	}
	sqlite3_reset(b->gid_st);
	return rc == SQLITE_DONE ? LF_OK : sqlfail_in(db, b->h, rc, b->file, "查找记录");
}
