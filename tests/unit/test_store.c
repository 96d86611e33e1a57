/* Tests of store: creating, opening and refusing files; migrations; locks. */
#include "t.h"
#include "lianfang/rec.h"
#include "lianfang/store.h"
#include "lianfang/util.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char err[1024];

static struct lf_db *create(const char *name)
{
	struct lf_db *db = NULL;
	lf_status st = lf_db_create(t_path(name), "330102", "测试局", "330100", "tester", &db, err, sizeof err);

	T_OK(st == LF_OK && db, "create %s: %s", name, st ? err : "ok");
	return db;
}

static long long size_of(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* Checksum of a whole file, to show a refused open changed nothing. */
static unsigned long file_sum(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned long h = 5381;
	int c;

	if (!f)
		return 0;
	while ((c = getc(f)) != EOF)
		h = h * 33 + (unsigned)c;
	fclose(f);
	return h;
}

TEST(store_create_and_open)
{
	struct lf_db *db = create("a.db");
	char *unit = NULL;

	if (!db)
		return;
	T_EQ_STR(db->unit, "330102", "unit code of the new database");
	T_EQ_INT(lf_db_schema_version(db), LF_SCHEMA_VERSION, "schema version");
	lf_meta_get(db, "unit", &unit);
	T_EQ_STR(unit, "330102", "meta records the unit");
	lf_free(unit);
	lf_db_close(db);
	T_OK(access(t_path("a.db-journal"), F_OK) != 0, "no journal left at rest");
	T_OK(access(t_path("a.db-wal"), F_OK) != 0, "no -wal file");
	T_OK(lf_db_open(t_path("a.db"), LF_OPEN_READ, &db, err, sizeof err) == LF_OK, "reopens: %s", err);
	lf_db_close(db);
}

TEST(store_create_never_overwrites)
{
	struct lf_db *db = NULL;
	unsigned long before;
	lf_status st;

	t_sh("echo 'precious data' > '%s'", t_path("exists.db"));
	before = file_sum(t_path("exists.db"));
	st = lf_db_create(t_path("exists.db"), "330102", "测试局", NULL, "tester", &db, err, sizeof err);
	T_OK(st == LF_EXISTS && !db, "refused: %s", err);
	T_OK(strstr(err, "已经存在"), "message says it exists: %s", err);
	T_EQ_INT(file_sum(t_path("exists.db")), before, "the existing file is unchanged");
	st = lf_db_create(t_path("x.db"), "3", "测试局", NULL, "tester", &db, err, sizeof err);
	T_OK(st == LF_INVALID && strstr(err, "单位代码“3”无效"), "bad unit code: %s", err);
	T_OK(access(t_path("x.db"), F_OK) != 0, "nothing created for a bad code");
	st = lf_db_create(t_path("x.db"), "330102", "", NULL, "tester", &db, err, sizeof err);
	T_OK(st == LF_INVALID && strstr(err, "单位名称"), "empty unit name: %s", err);
	st = lf_db_create(t_path("no/such/dir/x.db"), "330102", "局", NULL, "tester", &db, err, sizeof err);
	T_OK(st == LF_NOTFOUND && strstr(err, "目录不存在"), "missing directory: %s", err);
	T_OK(t_sh("ls -a '%s' | grep -q lianfang-new", t_path("")) != 0, "no temporary files left behind");
}

TEST(store_refuses_bad_files_unchanged)
{
	struct lf_db *db = create("good.db");
	struct {
		const char *name, *setup, *want;
		lf_status st;
	} cases[] = {
		/* $F is the file, $D the directory holding good.db */
		{ "text.db", "echo 'not a database' > \"$F\"", "不是 SQLite 数据库文件", LF_NOTDB },
		{ "empty.db", ": > \"$F\"", "空文件", LF_NOTDB },
		{ "other.db", "sqlite3 \"$F\" 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'", "其他程序的 SQLite 数据库",
		  LF_FOREIGN },
		{ "newer.db", "cp \"$D/good.db\" \"$F\" && sqlite3 \"$F\" 'PRAGMA user_version = 99'", "第 99 版", LF_NEWER },
		{ "trunc.db", "head -c 8192 \"$D/good.db\" > \"$F\"", "被截断了", LF_CORRUPT },
		{ "dir.db", "mkdir \"$F\"", "是目录", LF_INVALID },
	};
	size_t i;

	if (!db)
		return;
	lf_db_close(db);
	for (i = 0; i < LF_COUNT(cases); i++) {
		unsigned long before;
		long long size;
		lf_status st;

		t_sh("F='%s' D='%s'; %s", t_path(cases[i].name), t_path(""), cases[i].setup);
		before = file_sum(t_path(cases[i].name));
		size = size_of(t_path(cases[i].name));
		st = lf_db_open(t_path(cases[i].name), LF_OPEN_WRITE, &db, err, sizeof err);
		T_OK(st == cases[i].st && !db, "%s refused with %s: %s", cases[i].name, lf_status_name(st), err);
		T_OK(strstr(err, cases[i].want) != NULL, "%s: message “%s” says “%s”", cases[i].name, err, cases[i].want);
		T_OK(strstr(err, cases[i].name) != NULL, "%s: message names the file", cases[i].name);
		T_OK(file_sum(t_path(cases[i].name)) == before && size_of(t_path(cases[i].name)) == size,
		     "%s is unchanged", cases[i].name);
		lf_db_close(db);
		db = NULL;
	}
}

TEST(store_refuses_tampered_schema)
{
	struct lf_db *db = create("tamper.db");
	lf_status st;

	if (!db)
		return;
	lf_db_close(db);
	t_sh("sqlite3 '%s' \"CREATE TRIGGER evil AFTER INSERT ON risk BEGIN DELETE FROM risk; END;\"",
	     t_path("tamper.db"));
	st = lf_db_open(t_path("tamper.db"), LF_OPEN_WRITE, &db, err, sizeof err);
	T_OK(st == LF_CORRUPT && !db && strstr(err, "数据结构被改动过"), "a foreign trigger refuses the open: %s", err);
	st = lf_db_open(t_path("tamper.db"), LF_OPEN_CHECK, &db, err, sizeof err);
	T_OK(st == LF_OK && db, "check mode still opens it to report: %s", err);
	lf_db_close(db);
}

static void count_msgs(void *ctx, const char *msg)
{
	(void)msg;
	(*(long *)ctx)++;
}

/* Build a file at schema version v as that version's lianfang left it: the
 * schema files 1..v applied in order (src/sql/schema-N.sql). */
static void build_at_version(const char *path, int v)
{
	const char *top = getenv("LIANFANG_TOP") ? getenv("LIANFANG_TOP") : ".";
	int k;

	t_sh("rm -f '%s' && sqlite3 '%s' 'PRAGMA application_id = %d'", path, path, LF_APPLICATION_ID);
	for (k = 1; k <= v; k++)
		t_sh("sqlite3 '%s' < '%s/src/sql/schema-%d.sql'", path, top, k);
	if (v > 0)
		t_sh("sqlite3 '%s' \"PRAGMA user_version = %d; INSERT INTO meta VALUES('unit', '330102');\"", path, v);
}

/* Every earlier schema version migrates to the current one and ends with
 * exactly the schema a new database gets. */
TEST(store_migrations_from_every_version)
{
	struct lf_db *db = NULL;
	int v;

	build_at_version(t_path("v0.db"), 0);
	T_OK(lf_db_open(t_path("v0.db"), LF_OPEN_WRITE, &db, err, sizeof err) == LF_CORRUPT && !db,
	     "a version-0 file is not opened as ours: %s", err);
	for (v = 1; v <= LF_SCHEMA_VERSION; v++) {
		char name[32];
		long n = 0;

		snprintf(name, sizeof name, "v%d.db", v);
		build_at_version(t_path(name), v);
		if (lf_db_open(t_path(name), LF_OPEN_WRITE, &db, err, sizeof err) != LF_OK) {
			T_OK(0, "version %d opens and migrates: %s", v, err);
			continue;
		}
		T_EQ_INT(lf_db_schema_version(db), LF_SCHEMA_VERSION, "migrated to the current version");
		T_EQ_INT(lf_db_check_schema(db, count_msgs, &n), 0, "and has exactly the current schema");
		lf_db_close(db);
		db = NULL;
	}
}

TEST(store_schema_check_finds_changes)
{
	struct lf_db *db = create("mig.db");
	long n = 0;

	if (!db)
		return;
	T_EQ_INT(lf_db_check_schema(db, count_msgs, &n), 0, "a new database has exactly our schema");
	lf_db_close(db);
	t_sh("sqlite3 '%s' 'CREATE INDEX extra ON risk(description)'", t_path("mig.db"));
	lf_db_open(t_path("mig.db"), LF_OPEN_CHECK, &db, err, sizeof err);
	if (!db)
		return;
	n = 0;
	T_EQ_INT(lf_db_check_schema(db, count_msgs, &n), 1, "an extra index is one difference");
	lf_db_close(db);
}

TEST(store_write_lock_waits_then_explains)
{
	struct lf_db *a = create("lock.db"), *b = NULL;
	lf_status st;

	if (!a)
		return;
	T_OK(lf_db_open(t_path("lock.db"), LF_OPEN_WRITE, &b, err, sizeof err) == LF_OK, "second handle opens");
	if (!b) {
		lf_db_close(a);
		return;
	}
	b->busy_ms = 300;
	sqlite3_busy_timeout(b->sql, b->busy_ms);
	T_OK(lf_tx_begin(a) == LF_OK, "first writer takes the lock");
	st = lf_tx_begin(b);
	T_OK(st == LF_BUSY, "second writer is refused after waiting: %s", lf_status_name(st));
	T_OK(strstr(b->err, "正被另一个程序使用") && strstr(b->err, "lock.db"), "message: %s", b->err);
	T_EQ_INT(b->tx_depth, 0, "no transaction is left open after the refusal");
	lf_tx_end(a, LF_OK);
	T_OK(lf_tx_begin(b) == LF_OK, "once released, the second writer proceeds");
	lf_tx_end(b, LF_OK);
	lf_db_close(a);
	lf_db_close(b);
}

TEST(store_nested_transactions_roll_back_together)
{
	struct lf_db *db = create("nest.db");
	char *v = NULL;

	if (!db)
		return;
	lf_tx_begin(db);
	lf_meta_set(db, "k", "outer");
	lf_tx_begin(db);
	lf_meta_set(db, "k2", "inner");
	lf_tx_end(db, LF_INVALID); /* the inner step fails */
	T_OK(lf_tx_end(db, LF_OK) == LF_INVALID, "the outer end reports the inner failure");
	T_OK(lf_meta_get(db, "k", &v) == LF_NOTFOUND, "and nothing of either was kept");
	lf_free(v);
	lf_db_close(db);
}

TEST(store_ids)
{
	struct lf_db *db = create("ids.db");
	char a[LF_GID_LEN + 1], b[LF_GID_LEN + 1], k1[LF_GID_LEN + 1], k2[LF_GID_LEN + 1];

	if (!db)
		return;
	db->seeded = 0;
	lf_gid_new(db, a);
	lf_gid_new(db, b);
	T_OK(lf_is_hex(a, LF_GID_LEN) && strcmp(a, b), "random ids are 32 hex digits and differ");
	lf_db_seed(db, 42);
	lf_tx_begin(db);
	lf_gid_new(db, a);
	lf_gid_new(db, b);
	lf_tx_end(db, LF_OK);
	T_OK(strcmp(a, b), "seeded ids still differ from each other");
	lf_gid_for_key("unit", "330102/330102", k1);
	lf_gid_for_key("unit", "330102/330102", k2);
	T_EQ_STR(k1, k2, "keyed ids are the same everywhere");
	lf_db_close(db);
}
