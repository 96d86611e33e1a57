/* plan: the work plan of a cycle (实施方案) — set, show. */
#include "lianfang/cliopt.h"
#include "lianfang/plan.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_plan = {
	"plan", "实施方案（set show）",
	"用法：lianfang plan set [--cycle 年份] [--title 标题] [--doc-no 文号] [--issued 日期]\n"
	"                        [--office 牵头办公室] [--body 正文 | --body-file 文件]\n"
	"      lianfang plan show [--cycle 年份]\n"
	"\n"
	"本年度廉政风险点防范管理工作实施方案：标题、文号、印发日期、牵头组织实施的办公室和正文。\n"
	"每个年度一份；set 第一次建立，以后修改给出的项目。不给 --cycle 时为当前年度。\n"
	"\n"
	"  --body-file 文件   从文件（UTF-8）读正文；“-”表示标准输入\n",
	run,
};

static char *read_all(FILE *f)
{
	struct lf_buf b;
	char chunk[4096];
	size_t n;

	lf_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lf_buf_add(&b, chunk, n);
	return lf_buf_steal(&b);
}

static int set(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *body_file = NULL;
	struct lf_plan_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "title", &in.title, 0 }, { "doc-no", &in.doc_no, 0 },
	                         { "issued", &in.issued, 0 }, { "office", &in.office, 0 }, { "body", &in.body, 0 },
	                         { "body-file", &body_file, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1], *body = NULL;
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (in.body && body_file)
		return lf_cli_usage(cmd, "--body 和 --body-file 只能给一个。");
	if (body_file) {
		FILE *f = strcmp(body_file, "-") ? fopen(body_file, "r") : stdin;

		if (!f)
			return lf_cli_fail("无法读取正文文件 %s。", body_file);
		body = read_all(f);
		if (f != stdin)
			fclose(f);
		in.body = body;
	}
	if ((rc = lf_cli_db(cli, 1, &db))) {
		lf_free(body);
		return rc;
	}
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_plan_set(db, cycle, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已保存实施方案 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	lf_free(body);
	return rc;
}

static int show(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { NULL, NULL, 0 } };
	struct lf_arena a = { 0 };
	struct lf_plan p;
	char cycle[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_plan_get(db, cycle, &p, &a);
	if (st == LF_OK) {
		printf("%s\n", p.title);
		lf_cli_field("", "文号", p.doc_no);
		lf_cli_field("", "印发日期", p.issued);
		lf_cli_field("", "牵头办公室", p.office);
		if (p.body)
			printf("\n%s\n", p.body);
	}
	lf_arena_free(&a);
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = { { "set", set }, { "show", show }, { NULL, NULL } };

	return lf_cli_dispatch(cli, &lf_cmd_plan, subs, argc, argv);
}
