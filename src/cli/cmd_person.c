/* person: persons (人员, each on a post) — add, list, edit, retire, restore. */
#include "lianfang/cliopt.h"
#include "lianfang/org.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_person = {
	"person", "人员（add list edit retire restore）",
	"用法：lianfang person add --name 姓名 [--post 岗位 [--dept 处室]] [--title 职务]\n"
	"      lianfang person list [--dept 处室] [--post 岗位] [--all] [--limit N] [--after 位置]\n"
	"      lianfang person edit 人员 [--name 姓名] [--post 岗位 [--dept 处室]] [--title 职务]\n"
	"      lianfang person retire 人员\n"
	"      lianfang person restore 人员\n"
	"\n"
	"维护人员和他们的岗位。人员用姓名或编号指明；同名的人请用编号。离岗（retire）的人员\n"
	"不再用于新的工作，但保留在历史和往年的自查表中。\n"
	"\n"
	"  --name 姓名     姓名\n"
	"  --post 岗位     所在岗位（名称或编号；岗位名称重复时用 --dept 指明处室）\n"
	"  --title 职务    职务，如科长、科员\n"
	"  --all           list 时也列出已离岗的人员\n",
	run,
};

static lf_status resolve_post(struct lf_db *db, const char *post, const char *dept, struct lf_person_in *in,
                              char pg[LF_GID_LEN + 1])
{
	lf_status s = LF_OK;

	in->post = post;
	if (post && *post && (s = lf_cli_find_post(db, post, dept, pg)) == LF_OK)
		in->post = pg;
	return s;
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *post = NULL, *dept = NULL;
	struct lf_person_in in = { 0 };
	struct lf_opt opts[] = { { "name", &in.name, 0 }, { "post", &post, 0 }, { "dept", &dept, 0 },
	                         { "title", &in.title, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], pgid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!in.name)
		return lf_cli_usage(cmd, "person add 必须给出 --name。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = resolve_post(db, post, dept, &in, pgid);
	if (st == LF_OK)
		st = lf_person_add(db, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已增加人员 %.8s %s\n", gid, in.name), LF_EXIT_OK);
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
	lf_status st = LF_OK;
	int first, rc, all, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 ||
	    (rc = lf_cli_paging(cmd, limit, after, &pg, &all)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	if (dept && !post)
		st = lf_cli_find(db, "dept", dept, dg);
	if (post)
		st = lf_cli_find_post(db, post, dept, pgid);
	while (st == LF_OK) {
		struct lf_person_list l;

		if ((st = lf_person_list(db, dept && !post ? dg : NULL, post ? pgid : NULL, all_flag != NULL, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_person *x = &l.v[i];

			printf("%.8s  %s%s  %s  %s", x->gid, x->name, x->retired ? "（已离岗）" : "",
			       x->dept_name ? x->dept_name : "—", x->post_name ? x->post_name : "（未安排岗位）");
			if (x->title)
				printf("  %s", x->title);
			printf("\n");
		}
		lf_person_list_free(&l);
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
	const char *post = NULL, *dept = NULL;
	struct lf_person_in in = { 0 };
	struct lf_opt opts[] = { { "name", &in.name, 0 }, { "post", &post, 0 }, { "dept", &dept, 0 },
	                         { "title", &in.title, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], pgid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "要修改的人员")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "person", argv[first], gid);
	if (st == LF_OK)
		st = resolve_post(db, post, dept, &in, pgid);
	if (st == LF_OK)
		st = lf_person_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改人员 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int retire_or_restore(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, int retire)
{
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "人员")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "person", argv[first], gid);
	if (st == LF_OK)
		st = lf_person_retire(db, gid, retire);
	rc = st ? lf_cli_status(db, st) : (printf("已将人员 %.8s %s\n", gid, retire ? "设为离岗" : "恢复在岗"), LF_EXIT_OK);
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

	return lf_cli_dispatch(cli, &lf_cmd_person, subs, argc, argv);
}
