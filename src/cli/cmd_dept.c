/* dept: departments (处室) — add, list, edit, retire, restore. */
#include "lianfang/cliopt.h"
#include "lianfang/org.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_dept = {
	"dept", "处室（add list edit retire restore）",
	"用法：lianfang dept add --name 名称 [--seq N] [--head 人员] [--leader 人员]\n"
	"      lianfang dept list [--all] [--limit N] [--after 位置]\n"
	"      lianfang dept edit 处室 [--name 名称] [--seq N] [--head 人员] [--leader 人员]\n"
	"      lianfang dept retire 处室\n"
	"      lianfang dept restore 处室\n"
	"\n"
	"维护本单位的处室。处室可以用名称或列表中的编号（前 4 位以上）指明；人员用姓名或编号。\n"
	"撤销的处室不再用于新的工作，但保留在历史和往年的记录中；有在用岗位的处室不能撤销。\n"
	"\n"
	"  --name 名称     处室名称（本单位内不重复）\n"
	"  --seq N         排列顺序（默认排在最后）\n"
	"  --head 人员     处室负责人；--leader 人员  分管领导（给空字符串清除）\n"
	"  --all           list 时也列出已撤销的处室\n",
	run,
};

static lf_status resolve_people(struct lf_db *db, struct lf_dept_in *in, const char *head, const char *leader,
                                char hg[LF_GID_LEN + 1], char lg[LF_GID_LEN + 1])
{
	lf_status s = LF_OK;

	in->head = head;
	in->leader = leader;
	if (head && *head && (s = lf_cli_find(db, "person", head, hg)) == LF_OK)
		in->head = hg;
	if (s == LF_OK && leader && *leader && (s = lf_cli_find(db, "person", leader, lg)) == LF_OK)
		in->leader = lg;
	return s;
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *head = NULL, *leader = NULL;
	struct lf_dept_in in = { 0 };
	struct lf_opt opts[] = { { "name", &in.name, 0 }, { "seq", &in.seq, 0 }, { "head", &head, 0 },
	                         { "leader", &leader, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], hg[LF_GID_LEN + 1], lg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!in.name)
		return lf_cli_usage(cmd, "dept add 必须给出 --name。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = resolve_people(db, &in, head, leader, hg, lg);
	if (st == LF_OK)
		st = lf_dept_add(db, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已增加处室 %.8s %s\n", gid, in.name), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *all_flag = NULL, *limit = NULL, *after = NULL;
	struct lf_opt opts[] = { { "all", &all_flag, 1 }, { "limit", &limit, 0 }, { "after", &after, 0 },
	                         { NULL, NULL, 0 } };
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
	do {
		struct lf_dept_list l;

		if ((st = lf_dept_list(db, all_flag != NULL, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_dept *d = &l.v[i];

			printf("%.8s  %d  %s%s", d->gid, d->seq, d->name, d->retired ? "（已撤销）" : "");
			if (d->head_name)
				printf("  负责人 %s", d->head_name);
			if (d->leader_name)
				printf("  分管领导 %s", d->leader_name);
			printf("  岗位 %d\n", d->posts);
		}
		lf_dept_list_free(&l);
	} while (all && lf_page_advance(&pg));
	if (st == LF_OK && !all)
		lf_cli_more(&pg);
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *head = NULL, *leader = NULL;
	struct lf_dept_in in = { 0 };
	struct lf_opt opts[] = { { "name", &in.name, 0 }, { "seq", &in.seq, 0 }, { "head", &head, 0 },
	                         { "leader", &leader, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], hg[LF_GID_LEN + 1], lg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "要修改的处室")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "dept", argv[first], gid);
	if (st == LF_OK)
		st = resolve_people(db, &in, head, leader, hg, lg);
	if (st == LF_OK)
		st = lf_dept_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改处室 %.8s\n", gid), LF_EXIT_OK);
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
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "处室")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "dept", argv[first], gid);
	if (st == LF_OK)
		st = lf_dept_retire(db, gid, retire);
	rc = st ? lf_cli_status(db, st) : (printf("已%s处室 %.8s\n", retire ? "撤销" : "恢复", gid), LF_EXIT_OK);
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

	return lf_cli_dispatch(cli, &lf_cmd_dept, subs, argc, argv);
}
