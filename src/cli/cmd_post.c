/* post: posts (岗位: name and duties) — add, list, edit, retire, restore. */
#include "lianfang/cliopt.h"
#include "lianfang/org.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_post = {
	"post", "岗位和岗位职责（add list edit retire restore）",
	"用法：lianfang post add --dept 处室 --name 名称 [--duties 职责] [--seq N]\n"
	"      lianfang post list [--dept 处室] [--all] [--limit N] [--after 位置]\n"
	"      lianfang post edit 岗位 [--dept 处室] [--name 名称] [--duties 职责] [--seq N]\n"
	"      lianfang post retire 岗位\n"
	"      lianfang post restore 岗位\n"
	"\n"
	"维护岗位和岗位职责。岗位用名称（在 --dept 处室内）或编号指明。edit 时给 --dept\n"
	"表示把岗位调到另一个处室。有在岗人员的岗位不能撤销。\n"
	"\n"
	"  --dept 处室      所属处室（名称或编号）\n"
	"  --name 名称      岗位名称（同一处室内不重复）\n"
	"  --duties 职责    岗位职责\n"
	"  --seq N          在处室内的排列顺序（默认排在最后）\n"
	"  --all            list 时也列出已撤销的岗位\n",
	run,
};

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL;
	struct lf_post_in in = { 0 };
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "name", &in.name, 0 }, { "duties", &in.duties, 0 },
	                         { "seq", &in.seq, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], dg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!dept || !in.name)
		return lf_cli_usage(cmd, "post add 必须给出 --dept 和 --name。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "dept", dept, dg);
	in.dept = dg;
	if (st == LF_OK)
		st = lf_post_add(db, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已增加岗位 %.8s %s\n", gid, in.name), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *dept = NULL, *all_flag = NULL, *limit = NULL, *after = NULL;
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "all", &all_flag, 1 }, { "limit", &limit, 0 },
	                         { "after", &after, 0 }, { NULL, NULL, 0 } };
	char dg[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st = LF_OK;
	int first, rc, all, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 ||
	    (rc = lf_cli_paging(cmd, limit, after, &pg, &all)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	if (dept)
		st = lf_cli_find(db, "dept", dept, dg);
	while (st == LF_OK) {
		struct lf_post_list l;

		if ((st = lf_post_list(db, dept ? dg : NULL, all_flag != NULL, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_post *p = &l.v[i];

			printf("%.8s  %s  %s%s  人员 %s\n", p->gid, p->dept_name, p->name, p->retired ? "（已撤销）" : "",
			       p->person_names ? p->person_names : "（无）");
			lf_cli_field("    ", "职责", p->duties);
		}
		lf_post_list_free(&l);
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
	const char *dept = NULL;
	struct lf_post_in in = { 0 };
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { "name", &in.name, 0 }, { "duties", &in.duties, 0 },
	                         { "seq", &in.seq, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], dg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st = LF_OK;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "要修改的岗位")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "post", argv[first], gid);
	if (st == LF_OK && dept && (st = lf_cli_find(db, "dept", dept, dg)) == LF_OK)
		in.dept = dg;
	if (st == LF_OK)
		st = lf_post_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改岗位 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int retire_or_restore(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, int retire)
{
	const char *dept = NULL;
	struct lf_opt opts[] = { { "dept", &dept, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "岗位")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find_post(db, argv[first], dept, gid);
	if (st == LF_OK)
		st = lf_post_retire(db, gid, retire);
	rc = st ? lf_cli_status(db, st) : (printf("已%s岗位 %.8s\n", retire ? "撤销" : "恢复", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int retire(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return retire_or_restore(cli, cmd, argc, argv, 1);
}

static int restore(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return retire_or_restore(cli, cmd, argc, argv, 0);
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "retire", retire }, { "restore", restore }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_post, subs, argc, argv);
}
