/* init: a new, empty database for a unit. */
#include "lianfang/cli.h"
#include "lianfang/util.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_init = {
	"init", "为一个单位建立新的空数据库",
	"用法：lianfang init --unit-code 代码 --unit-name 名称 [--parent-code 上级代码] [文件]\n"
	"\n"
	"为一个单位建立新的空数据库。文件已存在时不会覆盖。不给文件时使用默认位置\n"
	"（$LIANFANG_DB，否则 ~/.local/share/lianfang/lianfang.db）。\n"
	"\n"
	"  --unit-code 代码     本单位代码：2–32 个字母、数字或“-”（如行政区划代码 620902）\n"
	"  --unit-name 名称     本单位名称，如“肃州区市场监督管理局”\n"
	"  --parent-code 代码   上级单位代码（数据上报给它）\n",
	run,
};

/* mkdir -p for the directory that will hold path. */
int lf_cli_make_parent_dirs(const char *path);

int lf_cli_make_parent_dirs(const char *path)
{
	char *dir = lf_strdup(path);
	char *p;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int e = errno;

			lf_cli_fail("无法建立目录 %s：%s。请用 --db 或 LIANFANG_DB 指定一个可写的位置。", dir,
			            strerror(e));
			lf_free(dir);
			return LF_EXIT_FAIL;
		}
		*p = '/';
	}
	lf_free(dir);
	return LF_EXIT_OK;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit-code", 1, 0, 'c' }, { "unit-name", 1, 0, 'n' }, { "parent-code", 1, 0, 'p' },
		LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 },
	};
	const char *code = NULL, *name = NULL, *parent = NULL;
	struct lf_db *db;
	char err[1024], *path;
	lf_status st;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': code = optarg; break;
		case 'n': name = optarg; break;
		case 'p': parent = optarg; break;
		default:
			if (lf_cli_common_opt(cli, &lf_cmd_init, c, optarg, &rc))
				return rc;
		}
	}
	if (!code || !name)
		return lf_cli_usage(&lf_cmd_init, "必须给出 --unit-code 和 --unit-name。");
	if (argc - optind > 1)
		return lf_cli_usage(&lf_cmd_init, "只能给出一个文件。");
	path = argc > optind ? lf_strdup(argv[optind]) : lf_cli_db_path(cli);
	if (argc <= optind && (rc = lf_cli_make_parent_dirs(path))) {
		lf_free(path);
		return rc;
	}
	st = lf_db_create(path, code, name, parent, cli->user, &db, err, sizeof err);
	if (st) {
		lf_free(path);
		return lf_cli_fail("%s", err);
	}
	printf("已建立 %s：单位 %s %s%s%s\n", path, code, name, parent ? "，上级 " : "", parent ? parent : "");
	lf_db_close(db);
	lf_free(path);
	return LF_EXIT_OK;
}
