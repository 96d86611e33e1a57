/* group: the leading group of a cycle (领导小组) — add, list, edit, remove. */
#include "lianfang/cliopt.h"
#include "lianfang/plan.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_group = {
	"group", "领导小组成员（add list edit remove）",
	"用法：lianfang group add --person 人员 --role 小组职务 [--duty 分工] [--seq N] [--cycle 年份]\n"
	"      lianfang group list [--cycle 年份]\n"
	"      lianfang group edit 成员编号 [--role 小组职务] [--duty 分工] [--seq N]\n"
	"      lianfang group remove 成员编号\n"
	"\n"
	"本年度廉政风险点防范管理领导小组的成员和他们在小组中的职务（组长、副组长、成员、\n"
	"办公室主任……）。同一个人在一个年度的小组中只出现一次。成员编号见 group list。\n",
	run,
};

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *person = NULL;
	struct lf_member_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "person", &person, 0 }, { "role", &in.role, 0 },
	                         { "duty", &in.duty, 0 }, { "seq", &in.seq, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], pg[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!person || !in.role)
		return lf_cli_usage(cmd, "group add 必须给出 --person 和 --role。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK && (st = lf_cli_find(db, "person", person, pg)) == LF_OK) {
		in.person = pg;
		st = lf_member_add(db, cycle, &in, gid);
	}
	rc = st ? lf_cli_status(db, st) : (printf("已把 %s 加入领导小组（%s），编号 %.8s\n", person, in.role, gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_page_init(&pg, 100);
	st = lf_cli_cycle(db, year, cycle, NULL);
	while (st == LF_OK) {
		struct lf_member_list l;

		if ((st = lf_member_list(db, cycle, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_member *m = &l.v[i];

			printf("%.8s  %s  %s", m->gid, m->role, m->person_name);
			if (m->dept_name)
				printf("  %s", m->dept_name);
			if (m->person_title)
				printf("  %s", m->person_title);
			if (m->duty)
				printf("  分工：%s", m->duty);
			printf("\n");
		}
		lf_member_list_free(&l);
		if (!lf_page_advance(&pg))
			break;
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_member_in in = { 0 };
	struct lf_opt opts[] = { { "role", &in.role, 0 }, { "duty", &in.duty, 0 }, { "seq", &in.seq, 0 },
	                         { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "成员编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "group_member", argv[first], gid);
	if (st == LF_OK)
		st = lf_member_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改领导小组成员 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int remove_member(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "成员编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "group_member", argv[first], gid);
	if (st == LF_OK)
		st = lf_member_remove(db, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已移除领导小组成员 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "remove", remove_member }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_group, subs, argc, argv);
}
