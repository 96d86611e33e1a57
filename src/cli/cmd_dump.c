/* dump: every live record as JSON Lines in canonical order. */
#include "lianfang/cli.h"
#include "lianfang/rec.h"

#include <getopt.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_dump = {
	"dump", "把全部记录按规范顺序输出为 JSON Lines",
	"用法：lianfang dump [文件]\n"
	"\n"
	"把数据库中每条有效记录输出为一行 JSON（JSON Lines），按类型、再按记录编号排序，\n"
	"字段顺序固定，不含本地的簿记信息。数据相同的两个数据库输出逐字节相同。\n"
	"不给文件时使用 --db、LIANFANG_DB 或默认位置。只读，不修改数据库。\n",
	run,
};

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 } };
	struct lf_db *db;
	lf_status st;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		if (lf_cli_common_opt(cli, &lf_cmd_dump, c, optarg, &rc))
			return rc;
	if (argc - optind > 1)
		return lf_cli_usage(&lf_cmd_dump, "只能给出一个文件。");
	if ((rc = lf_cli_open(cli, argc > optind ? argv[optind] : NULL, LF_OPEN_READ, &db)))
		return rc;
	st = lf_dump(db, stdout);
	if (st == LF_OK && fflush(stdout) != 0)
		st = lf_fail(db, LF_IO, "写出失败。");
	rc = st ? lf_cli_fail("%s", lf_errmsg(db, st)) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}
