/* meeting: mobilization meetings and study sessions — add, list, edit, delete. */
#include "lianfang/cliopt.h"
#include "lianfang/plan.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_meeting = {
	"meeting", "动员会议和学习教育（add list edit delete）",
	"用法：lianfang meeting add --date 日期 --kind 类型 [--title 主题] [--place 地点]\n"
	"                           [--attendees 参加人员] [--count 人数] [--notes 记录] [--cycle 年份]\n"
	"      lianfang meeting list [--cycle 年份]\n"
	"      lianfang meeting edit 会议编号 [上面的选项]\n"
	"      lianfang meeting delete 会议编号\n"
	"\n"
	"第一阶段的动员部署会议和学习教育活动。类型如：动员大会、视频会议、专题学习、警示教育、\n"
	"部署会、推进会、培训、座谈会（也可以写别的）。日期可写 2026-03-05、2026/3/5、2026年3月5日。\n",
	run,
};

#define MEETING_OPTS(in) \
	{ "date", &(in).held, 0 }, { "kind", &(in).kind, 0 }, { "title", &(in).title, 0 }, \
	{ "place", &(in).place, 0 }, { "attendees", &(in).attendees, 0 }, { "count", &(in).count, 0 }, \
	{ "notes", &(in).notes, 0 }

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL;
	struct lf_meeting_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, MEETING_OPTS(in), { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!in.held || !in.kind)
		return lf_cli_usage(cmd, "meeting add 必须给出 --date 和 --kind。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_meeting_add(db, cycle, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已登记%s %.8s\n", in.kind, gid), LF_EXIT_OK);
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
		struct lf_meeting_list l;

		if ((st = lf_meeting_list(db, cycle, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_meeting *m = &l.v[i];

			printf("%.8s  %s  %s  %s", m->gid, m->held, m->kind, m->title ? m->title : "");
			if (m->count >= 0)
				printf("  %d 人", m->count);
			printf("\n");
			lf_cli_field("    ", "地点", m->place);
			lf_cli_field("    ", "参加人员", m->attendees);
			lf_cli_field("    ", "记录", m->notes);
		}
		lf_meeting_list_free(&l);
		if (!lf_page_advance(&pg))
			break;
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_meeting_in in = { 0 };
	struct lf_opt opts[] = { MEETING_OPTS(in), { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "会议编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "meeting", argv[first], gid);
	if (st == LF_OK)
		st = lf_meeting_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改会议 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int delete(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "会议编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "meeting", argv[first], gid);
	if (st == LF_OK)
		st = lf_meeting_delete(db, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已删除会议 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "delete", delete }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_meeting, subs, argc, argv);
}
