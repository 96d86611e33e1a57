/* cycle: the yearly cycle and its phases — add, list, show, edit, phase, next. */
#include "lianfang/cliopt.h"
#include "lianfang/cycle.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_cycle = {
	"cycle", "年度和四个阶段（add list show edit phase next）",
	"用法：lianfang cycle add 年份 [--title 名称] [--p1-start 日期] [--p1-end 日期] … [--p4-end 日期]\n"
	"      lianfang cycle list\n"
	"      lianfang cycle show [年份]\n"
	"      lianfang cycle edit 年份 [--title 名称] [--p1-start 日期] … [--p4-end 日期]\n"
	"      lianfang cycle phase 年份 1|2|3|4|auto\n"
	"      lianfang cycle next [年份] [--to 新年份]\n"
	"\n"
	"廉政风险点防范管理以年度为周期，分四个阶段：一、制定方案、动员部署；二、界定职责、\n"
	"查找风险；三、健全机制、防范监督；四、检查考核、修正完善。建立年度时各阶段日期默认为\n"
	"3 月、4 月、5–11 月、12 月，可以修改。当前阶段按日期确定，也可以用 phase 手动设定\n"
	"（auto 恢复按日期）。next 建立下一年度，并把本年度在用岗位和人员的自查表连同风险点和\n"
	"防控措施转入，作为修订的起点。不给年份时指当前年度。\n"
	"\n"
	"  --pN-start 日期, --pN-end 日期   第 N 阶段的开始、结束日期（N 为 1–4）\n"
	"  --to 新年份                       next 建立的年度（默认下一年）\n",
	run,
};

struct dates {
	const char *v[2][LF_PHASES + 1];
};

#define DATE_OPTS(d) \
	{ "p1-start", &(d).v[0][1], 0 }, { "p1-end", &(d).v[1][1], 0 }, { "p2-start", &(d).v[0][2], 0 }, \
	{ "p2-end", &(d).v[1][2], 0 }, { "p3-start", &(d).v[0][3], 0 }, { "p3-end", &(d).v[1][3], 0 }, \
	{ "p4-start", &(d).v[0][4], 0 }, { "p4-end", &(d).v[1][4], 0 }

static void to_in(const struct dates *d, const char *title, struct lf_cycle_in *in)
{
	int i;

	memset(in, 0, sizeof *in);
	in->title = title;
	for (i = 1; i <= LF_PHASES; i++) {
		in->start[i] = d->v[0][i];
		in->end[i] = d->v[1][i];
	}
}

static int parse_year(const struct lf_cmd *cmd, const char *text, int *year)
{
	char *end;
	long y = strtol(text, &end, 10);

	if (*end || end == text || y < 2000 || y > 2100)
		return lf_cli_usage(cmd, "年份应为 2000 到 2100 之间的整数，而不是“%s”。", text);
	*year = (int)y;
	return -1;
}

static void print_cycle(const struct lf_cycle *c)
{
	static const char *const nums[] = { "", "一", "二", "三", "四" };
	char today[11];
	int now, i, late;

	lf_today(today);
	now = lf_cycle_phase(c, today);
	late = lf_cycle_overdue_phase(c, today);
	printf("%d 年度  %s  （编号 %.8s）\n", c->year, c->title ? c->title : "", c->gid);
	for (i = 1; i <= LF_PHASES; i++)
		printf("  %s 第%s阶段 %-18s %s 至 %s\n", i == now ? "▶" : " ", nums[i], lf_phase_name(i),
		       c->start[i][0] ? c->start[i] : "（未定）", c->end[i][0] ? c->end[i] : "（未定）");
	printf("当前阶段：%s（%s）\n", lf_phase_name(now), c->phase_set ? "手动设定" : "按日期");
	if (late)
		printf("注意：第%s阶段已于 %s 结束，但仍停留在这一阶段。\n", nums[late], c->end[late]);
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *title = NULL;
	struct dates d;
	struct lf_opt opts[] = { { "title", &title, 0 }, DATE_OPTS(d), { NULL, NULL, 0 } };
	struct lf_cycle_in in;
	struct lf_cycle_list l;
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, year;

	memset(&d, 0, sizeof d);
	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "年份")) >= 0 ||
	    (rc = parse_year(cmd, argv[first], &year)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	to_in(&d, title, &in);
	st = lf_cycle_add(db, year, &in, gid);
	if (st == LF_OK && (st = lf_cycle_get(db, gid, &l)) == LF_OK) {
		printf("已建立 ");
		print_cycle(&l.v[0]);
		lf_cycle_list_free(&l);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_page pg;
	struct lf_db *db;
	char today[11];
	lf_status st;
	int first, rc, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_today(today);
	lf_page_init(&pg, 100);
	do {
		struct lf_cycle_list l;

		if ((st = lf_cycle_list(db, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++)
			printf("%d  %.8s  %s  %s\n", l.v[i].year, l.v[i].gid, l.v[i].title ? l.v[i].title : "",
			       lf_phase_name(lf_cycle_phase(&l.v[i], today)));
		lf_cycle_list_free(&l);
	} while (lf_page_advance(&pg));
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int show(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_cycle_list l;
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0)
		return rc;
	if (argc - first > 1)
		return lf_cli_usage(cmd, "多余的参数“%s”。", argv[first + 1]);
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = lf_cli_cycle(db, argc > first ? argv[first] : NULL, gid, NULL);
	if (st == LF_OK && (st = lf_cycle_get(db, gid, &l)) == LF_OK) {
		print_cycle(&l.v[0]);
		lf_cycle_list_free(&l);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *title = NULL;
	struct dates d;
	struct lf_opt opts[] = { { "title", &title, 0 }, DATE_OPTS(d), { NULL, NULL, 0 } };
	struct lf_cycle_in in;
	struct lf_cycle_list l;
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	memset(&d, 0, sizeof d);
	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "年份")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	to_in(&d, title, &in);
	st = lf_cli_cycle(db, argv[first], gid, NULL);
	if (st == LF_OK)
		st = lf_cycle_edit(db, gid, &in);
	if (st == LF_OK && (st = lf_cycle_get(db, gid, &l)) == LF_OK) {
		printf("已修改 ");
		print_cycle(&l.v[0]);
		lf_cycle_list_free(&l);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int phase(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, n;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 2, "年份和阶段（1–4 或 auto）")) >= 0)
		return rc;
	if (!strcmp(argv[first + 1], "auto"))
		n = 0;
	else if (strlen(argv[first + 1]) == 1 && argv[first + 1][0] >= '1' && argv[first + 1][0] <= '4')
		n = argv[first + 1][0] - '0';
	else
		return lf_cli_usage(cmd, "阶段应为 1、2、3、4 或 auto，而不是“%s”。", argv[first + 1]);
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, argv[first], gid, NULL);
	if (st == LF_OK)
		st = lf_cycle_set_phase(db, gid, n);
	rc = st ? lf_cli_status(db, st)
	        : (printf("%s 年度的当前阶段：%s\n", argv[first], n ? lf_phase_name(n) : "按日期确定"), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int next(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *to = NULL;
	struct lf_opt opts[] = { { "to", &to, 0 }, { NULL, NULL, 0 } };
	struct lf_carry_count count;
	char from[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, year = 0, from_year = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0)
		return rc;
	if (argc - first > 1)
		return lf_cli_usage(cmd, "多余的参数“%s”。", argv[first + 1]);
	if (to && (rc = parse_year(cmd, to, &year)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, argc > first ? argv[first] : NULL, from, &from_year);
	if (st == LF_OK)
		st = lf_cycle_start_next(db, from, year, gid, &count);
	if (st == LF_OK) {
		printf("已从 %d 年度转入 %d 年度：自查表 %d 张、风险点 %d 个、防控措施 %d 条（均为“填写中”，请修订后提交）。\n",
		       from_year, year ? year : from_year + 1, count.selfchecks, count.risks, count.measures);
		if (count.skipped)
			printf("因岗位撤销或人员离岗，有 %d 张自查表未转入。\n", count.skipped);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "show", show }, { "edit", edit }, { "phase", phase }, { "next", next },
		{ NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_cycle, subs, argc, argv);
}
