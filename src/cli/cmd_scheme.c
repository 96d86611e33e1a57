/* scheme: the unit's grading scheme — show, set, preset, reset. */
#include "lianfang/cliopt.h"
#include "lianfang/grade.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_scheme = {
	"scheme", "风险分级方案（show set preset reset）",
	"用法：lianfang scheme show\n"
	"      lianfang scheme set [--levels 低,中,高] [--matrix 1,1,2;1,2,3;2,3,3]\n"
	"                          [--probability-names 低,中,高] [--severity-names 轻微,较重,严重]\n"
	"                          [--categories …] [--sources …] [--found-by …]\n"
	"      lianfang scheme preset 高中低|一级最低|一级最高\n"
	"      lianfang scheme reset 设置项…\n"
	"\n"
	"本单位的风险分级方案，随本单位的数据一起上报。等级名称从低到高写（--levels）：各地说法\n"
	"不同，高中低（认可中心、指导意见），一级最低三级最高（酒泉市方案），一级最高三级最低\n"
	"（丽水市通知），可用 preset 选用。矩阵按发生概率一行、危害程度一列，每格写 1（低）、\n"
	"2（中）、3（高），行之间用“;”，3×3 到 5×5；发生概率或危害程度越高，等级不能越低。\n"
	"列表用逗号分开。reset 的设置项为 levels、matrix、probability-names、severity-names、\n"
	"categories、sources、found-by。\n",
	run,
};

static const struct {
	const char *option, *key;
} keys[] = {
	{ "levels", LF_SET_LEVELS }, { "matrix", LF_SET_MATRIX }, { "probability-names", LF_SET_PROB },
	{ "severity-names", LF_SET_SEVERITY }, { "categories", LF_SET_CATEGORIES }, { "sources", LF_SET_SOURCES },
	{ "found-by", LF_SET_FOUND_BY },
};

#define NKEYS ((int)(sizeof keys / sizeof keys[0]))

static void print_list(const char *label, char *const *list)
{
	int i;

	printf("%s：", label);
	for (i = 0; list[i]; i++)
		printf("%s%s", i ? "、" : "", list[i]);
	printf("\n");
}

static int show(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_scheme s;
	struct lf_db *db;
	lf_status st;
	int first, rc, p, v;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	if ((st = lf_scheme_load(db, &s)) == LF_OK) {
		printf("风险等级（由低到高）：%s、%s、%s\n", s.level[1], s.level[2], s.level[3]);
		printf("分级矩阵（%d×%d，行为发生概率，列为危害程度）：\n", s.size, s.size);
		printf("  %-8s", "");
		for (v = 1; v <= s.size; v++)
			printf("  %d %s", v, s.severity[v]);
		printf("\n");
		for (p = s.size; p >= 1; p--) {
			printf("  %d %s  ", p, s.prob[p]);
			for (v = 1; v <= s.size; v++)
				printf("  %s", lf_scheme_level_name(&s, lf_scheme_propose(&s, p, v)));
			printf("\n");
		}
		print_list("风险类别", s.categories);
		print_list("风险来源", s.sources);
		print_list("查找方式", s.found_by);
		lf_scheme_free(&s);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int set(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *values[NKEYS] = { 0 };
	struct lf_opt opts[NKEYS + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, i, any = 0;

	for (i = 0; i < NKEYS; i++)
		opts[i] = (struct lf_opt){ keys[i].option, &values[i], 0 };
	opts[NKEYS] = (struct lf_opt){ NULL, NULL, 0 };
	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	for (i = 0; i < NKEYS; i++)
		any |= values[i] != NULL;
	if (!any)
		return lf_cli_usage(cmd, "scheme set 至少要给出一项设置。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	/* One action, one transaction: every setting is saved, or none. The
	 * matrix first, so names of a new size are checked against it. */
	st = lf_tx_begin(db);
	if (st == LF_OK && values[1])
		st = lf_scheme_set(db, keys[1].key, values[1]);
	for (i = 0; i < NKEYS && st == LF_OK; i++)
		if (values[i] && i != 1)
			st = lf_scheme_set(db, keys[i].key, values[i]);
	if (st == LF_OK || db->tx_depth)
		st = lf_tx_end(db, st);
	rc = st ? lf_cli_status(db, st) : (printf("已修改分级方案。\n"), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int preset(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "方案名称（高中低、一级最低或一级最高）")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_scheme_preset(db, argv[first]);
	rc = st ? lf_cli_status(db, st) : (printf("已选用等级名称方案“%s”。\n", argv[first]), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int reset(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_db *db;
	lf_status st = LF_OK;
	int first, rc, i, k;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0)
		return rc;
	if (argc == first)
		return lf_cli_usage(cmd, "缺少要恢复默认的设置项。");
	for (i = first; i < argc; i++) {
		for (k = 0; k < NKEYS && strcmp(argv[i], keys[k].option); k++)
			;
		if (k == NKEYS)
			return lf_cli_usage(cmd, "没有“%s”这个设置项。", argv[i]);
	}
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_tx_begin(db);
	for (i = first; i < argc && st == LF_OK; i++) {
		for (k = 0; strcmp(argv[i], keys[k].option); k++)
			;
		st = lf_scheme_reset(db, keys[k].key);
	}
	if (st == LF_OK || db->tx_depth)
		st = lf_tx_end(db, st);
	rc = st ? lf_cli_status(db, st) : (printf("已恢复默认设置。\n"), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "show", show }, { "set", set }, { "preset", preset }, { "reset", reset }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_scheme, subs, argc, argv);
}
