/* store: opening, creating and migrating a unit's SQLite file.
 *
 * A database is checked before SQLite may write to it: the header is read by
 * hand (magic, page count against file size, application_id, user_version), so
 * another program's file, a truncated copy or a newer schema is refused with
 * the file left exactly as it was. The journal is a rollback journal (one file
 * at rest), synchronous=FULL, foreign keys on. */
#include "lianfang/store.h"
#include "lianfang/unit.h"
#include "lianfang/embedded.h"
#include "lianfang/hash.h"
#include "lianfang/util.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_BUSY_MS 5000

/* ------------------------------------------------------------------ errors */

static void vset(char *err, size_t errlen, const char *fmt, va_list ap)
{
	if (err && errlen)
		vsnprintf(err, errlen, fmt, ap);
}

static lf_status fail_to(char *err, size_t errlen, lf_status st, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static lf_status fail_to(char *err, size_t errlen, lf_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(err, errlen, fmt, ap);
	va_end(ap);
	return st;
}

lf_status lf_fail(struct lf_db *db, lf_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(db->err, sizeof db->err, fmt, ap);
	va_end(ap);
	return st;
}

static lf_status status_of_sqlite(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return LF_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return LF_BUSY;
	case SQLITE_READONLY: return LF_READONLY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return LF_CORRUPT;
	case SQLITE_CONSTRAINT: return LF_INVALID;
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN: return LF_IO;
	case SQLITE_NOMEM: return LF_NOMEM;
	default: return LF_SQL;
	}
}

lf_status lf_sqlfail(struct lf_db *db, int rc, const char *what)
{
	lf_status st = status_of_sqlite(rc);
	const char *detail = sqlite3_errmsg(db->sql);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return lf_fail(db, st, "数据库 %s 正被另一个程序使用（写入中），已等待 %d 秒仍未释放。"
		               "请等对方完成后再试。", db->path, db->busy_ms / 1000);
	case SQLITE_READONLY:
		return lf_fail(db, st, "无法写入 %s：文件或所在目录只读。", db->path);
	case SQLITE_FULL:
		return lf_fail(db, st, "磁盘已满，无法写入 %s；没有做任何修改。", db->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return lf_fail(db, st, "数据库 %s 已损坏（%s）。请用备份恢复。", db->path, detail);
	default:
		return lf_fail(db, st, "%s：%s", what, detail);
	}
}

const char *lf_errmsg(const struct lf_db *db, lf_status st)
{
	return db && db->err[0] ? db->err : lf_status_msg(st);
}

/* ------------------------------------------------------------------ helpers */

lf_status lf_exec(struct lf_db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);

	sqlite3_free(msg);
	return rc == SQLITE_OK ? LF_OK : lf_sqlfail(db, rc, "执行数据库语句失败");
}

lf_status lf_prepare(struct lf_db *db, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, st, NULL);

	return rc == SQLITE_OK ? LF_OK : lf_sqlfail(db, rc, "准备数据库语句失败");
}

int lf_unit_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	return n >= 2 && n <= LF_CODE_MAX &&
	       strspn(code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") == n;
}

const char *lf_schema_sql(int version)
{
	char name[64];
	const struct lf_embedded *e;

	snprintf(name, sizeof name, "src/sql/schema-%d.sql", version);
	e = lf_embedded_find(name);
	return e ? e->data : NULL;
}

/* ------------------------------------------------------------------ header */

struct header {
	long long file_size;
	unsigned page_size;
	unsigned page_count;     /* 0 when the header's count is not valid */
	unsigned application_id;
	int user_version;
};

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

/* Read the 100-byte SQLite header of an existing file without SQLite. */
static lf_status read_header(const char *path, struct header *h, char *err, size_t errlen)
{
	unsigned char b[100];
	struct stat sb;
	ssize_t n;
	int fd;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return fail_to(err, errlen, LF_NOTFOUND, "文件 %s 不存在。", path);
		return fail_to(err, errlen, LF_IO, "无法访问 %s：%s", path, strerror(errno));
	}
	if (S_ISDIR(sb.st_mode))
		return fail_to(err, errlen, LF_INVALID, "%s 是目录，不是数据库文件。", path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return fail_to(err, errlen, errno == EACCES ? LF_READONLY : LF_IO,
		               "无法读取 %s：%s", path, strerror(errno));
	n = read(fd, b, sizeof b);
	close(fd);
	h->file_size = sb.st_size;
	if (n == 0)
		return fail_to(err, errlen, LF_NOTDB, "%s 是空文件，不是廉防数据库。", path);
	if (n < (ssize_t)sizeof b || memcmp(b, "SQLite format 3", 16) != 0)
		return fail_to(err, errlen, LF_NOTDB, "%s 不是 SQLite 数据库文件（文件头不符）。", path);
	h->page_size = (unsigned)b[16] << 8 | b[17];
	if (h->page_size == 1)
		h->page_size = 65536;
	h->page_count = be32(b + 92) == be32(b + 24) ? be32(b + 28) : 0;
	h->user_version = (int)be32(b + 60);
	h->application_id = be32(b + 68);
	if (h->page_size < 512 || (h->page_size & (h->page_size - 1)))
		return fail_to(err, errlen, LF_CORRUPT, "%s 的文件头已损坏（页大小 %u 无效）。", path, h->page_size);
	if (h->page_count && (long long)h->page_count * h->page_size > h->file_size)
		return fail_to(err, errlen, LF_CORRUPT,
		               "%s 被截断了：应有 %lld 字节，实际只有 %lld 字节。请用完整的副本或备份。",
		               path, (long long)h->page_count * h->page_size, h->file_size);
	if (h->application_id != LF_APPLICATION_ID)
		return fail_to(err, errlen, LF_FOREIGN,
		               "%s 是其他程序的 SQLite 数据库（application_id 为 0x%08x），不是廉防的数据库。",
		               path, h->application_id);
	if (h->user_version > LF_SCHEMA_VERSION)
		return fail_to(err, errlen, LF_NEWER,
		               "%s 的数据结构是第 %d 版，由更新版本的廉防写入；本程序只认识到第 %d 版。"
		               "请升级廉防后再打开。", path, h->user_version, LF_SCHEMA_VERSION);
	return LF_OK;
}

static char *dir_of(const char *path)
{
	char *copy = lf_strdup(path);
	char *dir = lf_strdup(dirname(copy));

	lf_free(copy);
	return dir;
}

static int file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* ------------------------------------------------------------------ connection */

static int busy_ms_from_env(void)
{
	const char *s = getenv("LIANFANG_BUSY_MS");
	int v = s ? atoi(s) : 0;

	return v > 0 ? v : DEFAULT_BUSY_MS;
}

static void set_actor_default(struct lf_db *db)
{
	const char *u = getenv("LIANFANG_USER");

	if (!u || !*u)
		u = getenv("USER");
	if (!u || !*u)
		u = getenv("LOGNAME");
	snprintf(db->actor, sizeof db->actor, "%s", u && *u ? u : "system");
}

static lf_status connect(const char *path, int flags, struct lf_db **out, char *err, size_t errlen)
{
	struct lf_db *db = lf_alloc(sizeof *db);
	const char *seed = getenv("LIANFANG_SEED");
	int rc;

	if (sodium_init() < 0)
		return fail_to(err, errlen, LF_INTERNAL, "libsodium 初始化失败。");
	db->path = lf_strdup(path);
	db->busy_ms = busy_ms_from_env();
	set_actor_default(db);
	if (seed && *seed)
		lf_db_seed(db, strtoull(seed, NULL, 10));
	rc = sqlite3_open_v2(path, &db->sql, flags, NULL);
	if (rc != SQLITE_OK) {
		fail_to(err, errlen, status_of_sqlite(rc), "无法打开 %s：%s", path,
		        db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc));
		lf_db_close(db);
		return status_of_sqlite(rc);
	}
	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, db->busy_ms);
	db->readonly = !!(flags & SQLITE_OPEN_READONLY);
	*out = db;
	return LF_OK;
}

/* Per-connection settings; none of them writes to the file. The schema is
 * trusted only because lf_db_open first checks it is exactly ours (the FTS5
 * triggers need a trusted schema); files from elsewhere are never opened
 * this way (see exchange.c). */
static lf_status configure(struct lf_db *db)
{
	int on = 1;

	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_ENABLE_FKEY, on, &on);
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, NULL);
	return lf_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
	                   "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;");
}

static lf_status pragma_int(struct lf_db *db, const char *sql, int *v)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取数据库设置失败");
}

int lf_db_schema_version(struct lf_db *db)
{
	int v = -1;

	pragma_int(db, "PRAGMA user_version", &v);
	return v;
}

static lf_status load_unit(struct lf_db *db)
{
	char *code = NULL;
	lf_status st = lf_meta_get(db, "unit", &code);

	if (st == LF_NOTFOUND || (st == LF_OK && !lf_unit_code_valid(code))) {
		lf_free(code);
		return lf_fail(db, LF_CORRUPT, "数据库 %s 缺少所属单位的信息。", db->path);
	}
	if (st == LF_OK)
		snprintf(db->unit, sizeof db->unit, "%s", code);
	lf_free(code);
	return st;
}

/* A crash mid-write leaves a hot journal; SQLite rolls it back on the first
 * read by a connection that may write. Do that before a read-only open. */
static void recover_hot_journal(const char *path)
{
	char *journal = lf_printf("%s-journal", path);
	struct stat sb;
	sqlite3 *h = NULL;

	if (stat(journal, &sb) == 0 && sb.st_size > 0 && access(path, W_OK) == 0) {
		char *dir = dir_of(path);

		if (access(dir, W_OK) == 0 &&
		    sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
			sqlite3_busy_timeout(h, busy_ms_from_env());
			sqlite3_exec(h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
		}
		sqlite3_close(h);
		lf_free(dir);
	}
	lf_free(journal);
}

static void ignore_report(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

lf_status lf_db_open(const char *path, enum lf_open_mode mode, struct lf_db **out,
                     char *err, size_t errlen)
{
	struct header h;
	struct lf_db *db = NULL;
	lf_status st;
	int appid = 0, version = 0;

	*out = NULL;
	if ((st = read_header(path, &h, err, errlen)) == LF_CORRUPT) {
		/* A crash during a commit leaves page 1 describing the new, longer
		 * file until the hot journal is rolled back: roll back, look again. */
		recover_hot_journal(path);
		st = read_header(path, &h, err, errlen);
	}
	if (st)
		return st;
	if (mode == LF_OPEN_WRITE) {
		char *dir = dir_of(path);
		int dir_ok = access(dir, W_OK) == 0;

		lf_free(dir);
		if (access(path, W_OK) != 0)
			return fail_to(err, errlen, LF_READONLY, "%s 是只读文件，无法修改。", path);
		if (!dir_ok)
			return fail_to(err, errlen, LF_READONLY,
			               "%s 所在的目录只读：写入时需要在旁边建立回滚日志，无法修改。", path);
	} else {
		recover_hot_journal(path);
	}
	st = connect(path, mode == LF_OPEN_WRITE ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
	             &db, err, errlen);
	if (st == LF_OK && mode == LF_OPEN_CHECK)
		sqlite3_db_config(db->sql, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (st)
		return st;
	if ((st = configure(db)) ||
	    (st = pragma_int(db, "PRAGMA application_id", &appid)) ||
	    (st = pragma_int(db, "PRAGMA user_version", &version)))
		goto fail;
	if (appid != LF_APPLICATION_ID || version > LF_SCHEMA_VERSION || version < 1) {
		st = lf_fail(db, LF_CORRUPT, "数据库 %s 的文件头前后不一致（application_id 或版本号）。", path);
		goto fail;
	}
	if (version < LF_SCHEMA_VERSION) {
		if (mode != LF_OPEN_WRITE) {
			st = lf_fail(db, LF_OLDER, "数据库 %s 是第 %d 版，需要先以可写方式打开一次完成升级。",
			             path, version);
			goto fail;
		}
		if ((st = lf_db_migrate(db)))
			goto fail;
	}
	if (mode != LF_OPEN_CHECK && lf_db_check_schema(db, ignore_report, NULL) != 0) {
		st = lf_fail(db, LF_CORRUPT, "数据库 %s 的数据结构被改动过（不是廉防建立的样子），为安全起见不打开。"
		             "请运行“lianfang check %s”查看。", path, path);
		goto fail;
	}
	if ((st = load_unit(db)))
		goto fail;
	*out = db;
	return LF_OK;
fail:
	snprintf(err, errlen, "%s", lf_errmsg(db, st));
	lf_db_close(db);
	return st;
}

void lf_db_close(struct lf_db *db)
{
	if (!db)
		return;
	if (db->cache_free)
		db->cache_free(db);
	if (db->sql)
		sqlite3_close_v2(db->sql);
	lf_free(db->path);
	lf_free(db);
}

/* ------------------------------------------------------------------ transactions */

lf_status lf_tx_begin(struct lf_db *db)
{
	int rc;

	if (db->tx_depth++ > 0)
		return LF_OK;
	db->tx_failed = LF_OK;
	rc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		db->tx_depth = 0;
		return lf_sqlfail(db, rc, "开始事务失败");
	}
	return LF_OK;
}

/* Name the first broken reference after a deferred foreign-key failure. */
static lf_status explain_foreign_keys(struct lf_db *db)
{
	sqlite3_stmt *st;
	lf_status s = LF_INVALID;

	if (lf_prepare(db, "PRAGMA foreign_key_check", &st))
		return LF_INVALID;
	if (sqlite3_step(st) == SQLITE_ROW)
		lf_fail(db, LF_INVALID, "保存失败：%s 表第 %lld 行引用的 %s 记录不存在，没有做任何修改。",
		        (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		        (const char *)sqlite3_column_text(st, 2));
	else
		lf_fail(db, LF_INVALID, "保存失败：引用的记录不存在，没有做任何修改。");
	sqlite3_finalize(st);
	return s;
}

lf_status lf_tx_end(struct lf_db *db, lf_status st)
{
	int rc;

	if (st != LF_OK && db->tx_failed == LF_OK)
		db->tx_failed = st;
	if (db->tx_depth == 0)
		return st ? st : lf_fail(db, LF_INTERNAL, "事务结束时没有进行中的事务。");
	if (--db->tx_depth > 0)
		return st;
	if (db->tx_failed != LF_OK) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		return db->tx_failed;
	}
	rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return LF_OK;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		st = explain_foreign_keys(db);
	else
		st = lf_sqlfail(db, rc, "提交事务失败");
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return st;
}

/* ------------------------------------------------------------------ meta */

lf_status lf_meta_get(struct lf_db *db, const char *key, char **value)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, "SELECT value FROM meta WHERE key = ?1", &st);
	int rc;

	*value = NULL;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = lf_strdup((const char *)sqlite3_column_text(st, 0));
	else if (rc == SQLITE_DONE)
		s = LF_NOTFOUND;
	else
		s = lf_sqlfail(db, rc, "读取设置失败");
	sqlite3_finalize(st);
	return s;
}

lf_status lf_meta_set(struct lf_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, "INSERT INTO meta(key, value) VALUES(?1, ?2) "
	                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "写入设置失败");
}

/* ------------------------------------------------------------------ ids */

void lf_db_seed(struct lf_db *db, uint64_t seed)
{
	db->seed = seed;
	db->seeded = 1;
}

lf_status lf_gid_new(struct lf_db *db, char out[LF_GID_LEN + 1])
{
	unsigned char raw[16];

	if (db->seeded) {
		struct lf_hasher h;
		char *counter = NULL, hex[65], next[24];
		long long n = 0;
		lf_status st = lf_meta_get(db, "gid_counter", &counter);

		if (st != LF_OK && st != LF_NOTFOUND)
			return st;
		if (counter)
			n = atoll(counter);
		lf_free(counter);
		snprintf(next, sizeof next, "%lld", n + 1);
		if ((st = lf_meta_set(db, "gid_counter", next)))
			return st;
		lf_hash_init(&h, "lianfang-seeded-gid");
		lf_hash_int(&h, (long long)db->seed);
		lf_hash_str(&h, db->unit);
		lf_hash_int(&h, n);
		lf_hash_final(&h, hex);
		memcpy(out, hex, LF_GID_LEN);
		out[LF_GID_LEN] = 0;
		return LF_OK;
	}
	randombytes_buf(raw, sizeof raw);
	lf_hex(out, raw, sizeof raw);
	return LF_OK;
}

void lf_gid_for_key(const char *kind, const char *key, char out[LF_GID_LEN + 1])
{
	struct lf_hasher h;
	char hex[65];

	lf_hash_init(&h, "lianfang-keyed-gid");
	lf_hash_str(&h, kind);
	lf_hash_str(&h, key);
	lf_hash_final(&h, hex);
	memcpy(out, hex, LF_GID_LEN);
	out[LF_GID_LEN] = 0;
}

/* ------------------------------------------------------------------ migrations */

/* Step to `version` from version - 1: the SQL of src/sql/schema-N.sql. */
static lf_status migrate_step(struct lf_db *db, int version)
{
	const char *sql = lf_schema_sql(version);
	char pragma[64];
	lf_status st;

	if (!sql)
		return lf_fail(db, LF_INTERNAL, "缺少第 %d 版数据结构的定义。", version);
	if ((st = lf_exec(db, sql)))
		return st;
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	return lf_exec(db, pragma);
}

lf_status lf_db_migrate_to(struct lf_db *db, int version)
{
	int v = lf_db_schema_version(db);
	lf_status st;

	if (v < 0 || v > version || version > LF_SCHEMA_VERSION)
		return lf_fail(db, LF_INTERNAL, "无法从第 %d 版升级到第 %d 版。", v, version);
	if (v == version)
		return LF_OK;
	/* Schema changes need the whole file: an exclusive lock for one transaction. */
	if ((st = lf_exec(db, "BEGIN EXCLUSIVE")))
		return st;
	for (v = v + 1; v <= version && st == LF_OK; v++)
		st = migrate_step(db, v);
	if (st == LF_OK)
		st = lf_exec(db, "COMMIT");
	if (st != LF_OK)
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return st;
}

lf_status lf_db_migrate(struct lf_db *db)
{
	return lf_db_migrate_to(db, LF_SCHEMA_VERSION);
}

/* ------------------------------------------------------------------ create */

static lf_status fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return LF_IO;
	rc = fsync(fd);
	close(fd);
	return rc == 0 ? LF_OK : LF_IO;
}

/* Move tmp to path. Without `replace`, only if path does not exist: link()
 * fails if it does; on file systems without hard links (FAT sticks) check,
 * then rename. */
static int place_file(const char *tmp, const char *path, int replace)
{
	if (replace)
		return rename(tmp, path);
	if (link(tmp, path) == 0)
		return unlink(tmp);
	if (errno == EEXIST)
		return -1;
	if (file_exists(path)) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, path);
}

int lf_file_commit(const char *tmp, const char *path, int replace)
{
	char *dir;
	int saved;

	if (fsync_path(tmp, 0) != LF_OK || place_file(tmp, path, replace) != 0)
		return -1;
	dir = dir_of(path);
	saved = fsync_path(dir, 1) == LF_OK ? 0 : -1;
	lf_free(dir);
	return saved;
}

static lf_status set_application_id(struct lf_db *db)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", LF_APPLICATION_ID);
	return lf_exec(db, sql);
}

lf_status lf_db_create(const char *path, const char *unit_code, const char *unit_name,
                       const char *parent_code, const char *actor, struct lf_db **out,
                       char *err, size_t errlen)
{
	char *dir, *tmp = NULL;
	struct lf_db *db = NULL;
	lf_status st;
	int fd;

	*out = NULL;
	if (!lf_unit_code_valid(unit_code))
		return fail_to(err, errlen, LF_INVALID,
		               "单位代码“%s”无效：应为 2–32 个字母、数字或“-”。", unit_code);
	if (parent_code && !lf_unit_code_valid(parent_code))
		return fail_to(err, errlen, LF_INVALID,
		               "上级单位代码“%s”无效：应为 2–32 个字母、数字或“-”。", parent_code);
	if (parent_code && !strcmp(parent_code, unit_code))
		return fail_to(err, errlen, LF_INVALID, "上级单位代码不能与本单位代码相同。");
	if (!unit_name || !*unit_name || lf_utf8_valid(unit_name, strlen(unit_name)) != strlen(unit_name) ||
	    lf_has_control(unit_name) || lf_utf8_chars(unit_name) > 100)
		return fail_to(err, errlen, LF_INVALID, "单位名称应为 1–100 个字符的文字。");
	if (file_exists(path))
		return fail_to(err, errlen, LF_EXISTS, "%s 已经存在；不会覆盖已有文件。", path);
	dir = dir_of(path);
	if (access(dir, W_OK) != 0) {
		st = fail_to(err, errlen, errno == ENOENT ? LF_NOTFOUND : LF_READONLY,
		             "无法在目录 %s 中建立数据库：%s", dir,
		             errno == ENOENT ? "目录不存在" : "目录只读");
		lf_free(dir);
		return st;
	}
	tmp = lf_printf("%s/.lianfang-new-XXXXXX", dir);
	lf_free(dir);
	if ((fd = mkstemp(tmp)) < 0) {
		st = fail_to(err, errlen, LF_IO, "无法建立临时文件 %s：%s", tmp, strerror(errno));
		lf_free(tmp);
		return st;
	}
	close(fd);
	if ((st = connect(tmp, SQLITE_OPEN_READWRITE, &db, err, errlen)))
		goto out;
	if (actor)
		snprintf(db->actor, sizeof db->actor, "%s", actor);
	snprintf(db->unit, sizeof db->unit, "%s", unit_code);
	if ((st = configure(db)) ||
	    (st = lf_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096;")) ||
	    (st = set_application_id(db)) ||
	    (st = lf_db_migrate(db)) ||
	    (st = lf_tx_begin(db)))
		goto out;
	st = lf_meta_set(db, "unit", unit_code);
	if (st == LF_OK)
		st = lf_unit_put(db, unit_code, unit_name, parent_code);
	if ((st = lf_tx_end(db, st)))
		goto out;
	lf_db_close(db);
	db = NULL;
	if (lf_file_commit(tmp, path, 0) != 0) {
		st = fail_to(err, errlen, errno == EEXIST ? LF_EXISTS : LF_IO, "无法建立 %s：%s", path,
		             errno == EEXIST ? "文件已经存在" : strerror(errno));
		goto out;
	}
	lf_free(tmp);
	return lf_db_open(path, LF_OPEN_WRITE, out, err, errlen);
out:
	if (db && st)
		snprintf(err, errlen, "%s", lf_errmsg(db, st));
	lf_db_close(db);
	unlink(tmp);
	{
		char *journal = lf_printf("%s-journal", tmp);

		unlink(journal);
		lf_free(journal);
	}
	lf_free(tmp);
	return st;
}

/* ------------------------------------------------------------------ schema check */

struct schema_obj {
	char *type, *name, *sql;
};

static int load_schema(sqlite3 *h, struct schema_obj **out)
{
	sqlite3_stmt *st;
	int n = 0, cap = 0;

	*out = NULL;
	if (sqlite3_prepare_v2(h, "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
	                          "ORDER BY type, name", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = lf_realloc(*out, (size_t)cap * sizeof **out);
		}
		(*out)[n].type = lf_strdup((const char *)sqlite3_column_text(st, 0));
		(*out)[n].name = lf_strdup((const char *)sqlite3_column_text(st, 1));
		(*out)[n].sql = lf_strdup((const char *)sqlite3_column_text(st, 2));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

static void free_schema(struct schema_obj *o, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		lf_free(o[i].type);
		lf_free(o[i].name);
		lf_free(o[i].sql);
	}
	lf_free(o);
}

long lf_db_check_schema(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	struct lf_db *ref = NULL;
	struct schema_obj *want = NULL, *have = NULL;
	int nw, nh, i = 0, j = 0;
	long diffs = 0;
	char msg[512], err[256];

	if (connect(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, &ref, err, sizeof err) ||
	    lf_db_migrate_to(ref, lf_db_schema_version(db))) {
		report(ctx, "无法建立用于比对的数据结构。");
		lf_db_close(ref);
		return 1;
	}
	nw = load_schema(ref->sql, &want);
	nh = load_schema(db->sql, &have);
	if (nw < 0 || nh < 0) {
		report(ctx, "无法读取数据结构。");
		diffs = 1;
		nw = nw < 0 ? 0 : nw;
		nh = nh < 0 ? 0 : nh;
	}
	while (i < nw || j < nh) {
		int c = i >= nw ? 1 : j >= nh ? -1 : strcmp(want[i].type, have[j].type);

		if (c == 0)
			c = strcmp(want[i].name, have[j].name);
		if (c < 0) {
			snprintf(msg, sizeof msg, "数据结构缺少 %s %s。", want[i].type, want[i].name);
			i++;
		} else if (c > 0) {
			snprintf(msg, sizeof msg, "数据结构多出了 %s %s（不是廉防建立的）。", have[j].type, have[j].name);
			j++;
		} else {
			int same = !strcmp(want[i].sql, have[j].sql);

			if (same) {
				i++, j++;
				continue;
			}
			snprintf(msg, sizeof msg, "%s %s 的定义被改动过。", have[j].type, have[j].name);
			i++, j++;
		}
		report(ctx, msg);
		diffs++;
	}
	free_schema(want, nw);
	free_schema(have, nh);
	lf_db_close(ref);
	return diffs;
}
