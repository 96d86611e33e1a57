/* check: integrity and schema check with a plain report. */
#include "lianfang/audit.h"
#include "lianfang/cli.h"
#include "lianfang/rec.h"

#include <getopt.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_check = {
	"check", "检查数据库的完整性、数据结构、修订和审计日志",
	"用法：lianfang check [文件]\n"
	"\n"
	"检查数据库文件：SQLite 完整性、外键、数据结构是否与本版本一致、每条修订的哈希、\n"
	"每条记录是否与其修订相符、审计日志的哈希链。逐项报告，发现任何问题时退出状态为 1。\n"
	"只读，不修改数据库。\n",
	run,
};

static void print_problem(void *ctx, const char *msg)
{
	long *n = ctx;

	printf("  问题：%s\n", msg);
	(*n)++;
}

/* Run a one-column pragma and report each row that is not "ok". */
static long pragma_report(struct lf_db *db, const char *sql, int foreign)
{
	sqlite3_stmt *st;
	long n = 0;

	if (lf_prepare(db, sql, &st)) {
		printf("  问题：%s\n", db->err);
		return 1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (foreign) {
			printf("  问题：%s 表第 %lld 行引用的 %s 记录不存在。\n",
			       (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
			       (const char *)sqlite3_column_text(st, 2));
		} else {
			const char *m = (const char *)sqlite3_column_text(st, 0);

			if (m && !strcmp(m, "ok"))
				continue;
			printf("  问题：%s\n", m ? m : "");
		}
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

static long count_of(struct lf_db *db, const char *sql)
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

static void step(const char *what, long before, long after)
{
	printf("%s：%s\n", what, after == before ? "通过" : "有问题");
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 } };
	struct lf_db *db;
	long problems = 0, before;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		if (lf_cli_common_opt(cli, &lf_cmd_check, c, optarg, &rc))
			return rc;
	if (argc - optind > 1)
		return lf_cli_usage(&lf_cmd_check, "只能给出一个文件。");
	if ((rc = lf_cli_open(cli, argc > optind ? argv[optind] : NULL, LF_OPEN_CHECK, &db)))
		return rc;
	printf("检查 %s（单位 %s，数据结构第 %d 版）\n", db->path, db->unit, lf_db_schema_version(db));
	before = problems;
	problems += pragma_report(db, "PRAGMA integrity_check", 0);
	step("SQLite 完整性", before, problems);
	before = problems;
	problems += pragma_report(db, "PRAGMA foreign_key_check", 1);
	step("记录之间的引用", before, problems);
	before = problems;
	lf_db_check_schema(db, print_problem, &problems);
	step("数据结构", before, problems);
	before = problems;
	lf_rec_check(db, print_problem, &problems);
	step("修订与记录", before, problems);
	before = problems;
	lf_audit_verify(db, print_problem, &problems);
	step("审计日志", before, problems);
	printf("共 %ld 条修订，%ld 条审计日志。\n", count_of(db, "SELECT count(*) FROM rev"),
	       count_of(db, "SELECT count(*) FROM audit"));
	if (problems)
		printf("结果：发现 %ld 个问题。\n", problems);
	else
		printf("结果：通过。\n");
	lf_db_close(db);
	return problems ? LF_EXIT_FAIL : LF_EXIT_OK;
}
