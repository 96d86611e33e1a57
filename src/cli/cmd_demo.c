/* demo: a new database holding a realistic demo unit. */
#include "lianfang/cli.h"
#include "lianfang/demo.h"
#include "lianfang/util.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_demo = {
	"demo", "建立一个演示数据库（县市场监管局的 2026 年度工作）",
	"用法：lianfang demo [--unit-code 代码 --unit-name 名称 --parent-code 上级代码] [--seed N] [文件]\n"
	"\n"
	"建立一个演示数据库：一个县级市场监督管理局，有处室、岗位、人员、职权和流程图，\n"
	"各类风险点、防控措施、自查表和审核记录，以及公示、预警、检查和整改。\n"
	"文件已存在时不会覆盖。默认单位 620902 肃州区市场监督管理局，上级 620900。\n"
	"\n"
	"  --seed N   改变人名、评分和进度；同一个 N 总是得到相同的数据（默认 1）\n",
	run,
};

int lf_cli_make_parent_dirs(const char *path);

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit-code", 1, 0, 'c' }, { "unit-name", 1, 0, 'n' }, { "parent-code", 1, 0, 'p' },
		{ "seed", 1, 0, 's' }, LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 },
	};
	const char *code = "620902", *name = "肃州区市场监督管理局", *parent = "620900";
	unsigned long long seed = 1;
	struct lf_db *db;
	char err[1024], *path, *tmp, *end;
	lf_status st;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': code = optarg; break;
		case 'n': name = optarg; break;
		case 'p': parent = *optarg ? optarg : NULL; break;
		case 's':
			errno = 0;
			seed = strtoull(optarg, &end, 10);
			if (errno || *end || !*optarg || *optarg == '-')
				return lf_cli_usage(&lf_cmd_demo, "--seed 应为非负整数，而不是“%s”。", optarg);
			break;
		default:
			if (lf_cli_common_opt(cli, &lf_cmd_demo, c, optarg, &rc))
				return rc;
		}
	}
	if (argc - optind > 1)
		return lf_cli_usage(&lf_cmd_demo, "只能给出一个文件。");
	path = argc > optind ? lf_strdup(argv[optind]) : lf_cli_db_path(cli);
	if (access(path, F_OK) == 0) {
		rc = lf_cli_fail("%s 已经存在；不会覆盖已有文件。", path);
		lf_free(path);
		return rc;
	}
	if (argc <= optind && (rc = lf_cli_make_parent_dirs(path))) {
		lf_free(path);
		return rc;
	}
	/* Built under a temporary name and put in place whole, or not at all. */
	tmp = lf_printf("%s.partial-%ld", path, (long)getpid());
	st = lf_db_create(tmp, code, name, parent, cli->user ? cli->user : "demo", &db, err, sizeof err);
	if (st == LF_OK) {
		st = lf_demo_fill(db, seed);
		if (st)
			snprintf(err, sizeof err, "%s", lf_errmsg(db, st));
		lf_db_close(db);
	}
	if (st == LF_OK && lf_file_commit(tmp, path, 0) != 0) {
		st = LF_IO;
		snprintf(err, sizeof err, "无法建立 %s：%s", path, errno == EEXIST ? "文件已经存在" : strerror(errno));
	}
	if (st) {
		unlink(tmp);
		rc = lf_cli_fail("%s", err);
	} else {
		printf("已建立演示数据库 %s：单位 %s %s（种子 %llu）\n", path, code, name, seed);
		rc = LF_EXIT_OK;
	}
	lf_free(tmp);
	lf_free(path);
	return rc;
}
