/* power: the power catalog (职权目录) — add, list, edit, retire, chart. */
#include "lianfang/cliopt.h"
#include "lianfang/flow.h"
#include "lianfang/lookup.h"
#include "lianfang/power.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_power = {
	"power", "职权目录和流程图（add list edit retire chart）",
	"用法：lianfang power add --dept 处室 [--post 岗位] --name 名称 --kind 决策|执行|监督\n"
	"                         [--content 内容] [--area 业务领域] [--basis 法律依据] [--holder 行使主体] [--seq N]\n"
	"      lianfang power list [--dept 处室] [--post 岗位] [--all] [--limit N] [--after 位置]\n"
	"      lianfang power edit 职权 [上面的选项]\n"
	"      lianfang power retire 职权\n"
	"      lianfang power chart 职权 [--cycle 年份] [--ascii] [--width 列数]\n"
	"\n"
	"职权目录：每个处室、岗位行使的职权，分决策权、执行权、监督权，写明内容、业务领域、\n"
	"法律依据和行使主体。职权用名称或编号指明（名称重复时加 --dept）。流程环节用\n"
	"lianfang step 维护；chart 把流程图画成竖排的方框图，风险环节用双线框标出，并列出\n"
	"关联的风险点（--cycle 年度的，默认当前年度）。终端显示不好制表符时用 --ascii。\n",
	run,
};

#define POWER_OPTS(in) \
	{ "name", &(in).name, 0 }, { "kind", &(in).kind, 0 }, { "content", &(in).content, 0 }, \
	{ "area", &(in).area, 0 }, { "basis", &(in).basis, 0 }, { "holder", &(in).holder, 0 }, \
	{ "seq", &(in).seq, 0 }

static lf_status where(struct lf_db *db, const char *dept, const char *post, char dg[LF_GID_LEN + 1],
                       char pg[LF_GID_LEN + 1])
{
	lf_status s = LF_OK;

	dg[0] = pg[0] = 0;
	if (dept)
		s = lf_cli_find(db, "dept", dept, dg);
	if (s == LF_OK && post && *post)
		s = lf_cli_find_post(db, post, dept, pg);
	return s;
}

/* A power by name or id; a name may be narrowed by --dept. */
static lf_status find_power(struct lf_db *db, const char *text, const char *dept, char gid[LF_GID_LEN + 1])
{
	char dg[LF_GID_LEN + 1], pg[LF_GID_LEN + 1];
	lf_status s = where(db, dept, NULL, dg, pg);

	return s ? s : lf_lookup(db, "power", text, dept ? "dept" : NULL, dept ? dg : NULL, gid);
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL, *post = NULL;
	struct lf_power_in in = { 0 };
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "post", &post, 0 }, POWER_OPTS(in), { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], dg[LF_GID_LEN + 1], pg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((!dept && !post) || !in.name || !in.kind)
		return lf_cli_usage(cmd, "power add 必须给出 --dept（或 --post）、--name 和 --kind。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = where(db, dept, post, dg, pg);
	in.dept = dg[0] ? dg : NULL;
	in.post = pg[0] ? pg : NULL;
	if (st == LF_OK)
		st = lf_power_add(db, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已增加职权 %.8s %s\n", gid, in.name), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL, *post = NULL, *all_flag = NULL, *limit = NULL, *after = NULL;
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "post", &post, 0 }, { "all", &all_flag, 1 },
	                         { "limit", &limit, 0 }, { "after", &after, 0 }, { NULL, NULL, 0 } };
	char dg[LF_GID_LEN + 1], pgid[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, all, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 ||
	    (rc = lf_cli_paging(cmd, limit, after, &pg, &all)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = where(db, dept, post, dg, pgid);
	if (st == LF_OK && !pgid[0])
		lf_cli_reach_note(db, dg[0] ? dg : NULL, stdout);
	while (st == LF_OK) {
		struct lf_power_list l;

		if ((st = lf_power_list(db, dg[0] ? dg : NULL, pgid[0] ? pgid : NULL, all_flag != NULL, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_power *w = &l.v[i];

			printf("%.8s  %s  %s  %s权  %s  流程 %d 步（风险环节 %d）%s\n", w->gid, w->dept_name,
			       w->post_name ? w->post_name : "（处室）", w->kind, w->name, w->steps, w->risky_steps,
			       w->retired ? "（已撤销）" : "");
			lf_cli_field("    ", "内容", w->content);
			lf_cli_field("    ", "业务领域", w->area);
			lf_cli_field("    ", "法律依据", w->basis);
			lf_cli_field("    ", "行使主体", w->holder);
		}
		lf_power_list_free(&l);
		if (!all || !lf_page_advance(&pg))
			break;
	}
	if (st == LF_OK && !all)
		lf_cli_more(&pg);
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL, *post = NULL;
	struct lf_power_in in = { 0 };
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "post", &post, 0 }, POWER_OPTS(in), { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], dg[LF_GID_LEN + 1], pg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "要修改的职权")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_lookup(db, "power", argv[first], NULL, NULL, gid);
	if (st == LF_OK)
		st = where(db, dept, post, dg, pg);
	in.dept = dg[0] ? dg : NULL;
	in.post = post && !*post ? "" : pg[0] ? pg : NULL;
	if (st == LF_OK)
		st = lf_power_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改职权 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int retire(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL;
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "职权")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = find_power(db, argv[first], dept, gid);
	if (st == LF_OK)
		st = lf_power_retire(db, gid, 1);
	rc = st ? lf_cli_status(db, st) : (printf("已撤销职权 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int chart(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL, *year = NULL, *ascii = NULL, *width = NULL;
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "cycle", &year, 0 }, { "ascii", &ascii, 1 },
	                         { "width", &width, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], cycle[LF_GID_LEN + 1];
	struct lf_lines lines;
	struct lf_db *db;
	lf_status st;
	int first, rc, w = 72, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "职权")) >= 0)
		return rc;
	if (width) {
		char *end;

		w = (int)strtol(width, &end, 10);
		if (*end || end == width || w < 40 || w > 200)
			return lf_cli_usage(cmd, "--width 应为 40 到 200 之间的整数，而不是“%s”。", width);
	}
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = find_power(db, argv[first], dept, gid);
	if (st == LF_OK && (st = lf_cli_cycle(db, year, cycle, NULL)) == LF_NOTFOUND && !year)
		st = LF_OK, cycle[0] = 0; /* no cycle yet: risk points of any cycle */
	if (st == LF_OK)
		st = lf_flow_chart(db, gid, cycle[0] ? cycle : NULL, ascii != NULL, w, &lines);
	if (st == LF_OK) {
		for (i = 0; i < lines.n; i++)
			printf("%s\n", lines.v[i].text);
		lf_lines_free(&lines);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "retire", retire }, { "chart", chart }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_power, subs, argc, argv);
}
