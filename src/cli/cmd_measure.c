/* measure: prevention measures of a risk point — add, list, edit, delete. */
#include "lianfang/cliopt.h"
#include "lianfang/risk.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_measure = {
	"measure", "防控措施（add list edit delete）",
	"用法：lianfang measure add 风险点 --content 措施内容 [--stage 阶段] [--rule 相关制度]\n"
	"                           [--responsible 责任人] [--supervisor 监督人] [--due 期限] [--status 状态]\n"
	"      lianfang measure list 风险点\n"
	"      lianfang measure edit 措施 [上面的选项] [--done 完成日期]\n"
	"      lianfang measure delete 措施\n"
	"\n"
	"风险点的防控措施。阶段：前期预防、中期监控、后期处置（可只写“前期”等）；状态：计划、\n"
	"进行中、已完成。风险点和措施用编号指明（见 selfcheck show 或 measure list）；责任人、\n"
	"监督人用姓名或编号。已提交或已签字的自查表，措施内容一经修改，原签字失效。\n",
	run,
};

#define MEASURE_OPTS(in, resp, sup) \
	{ "content", &(in).content, 0 }, { "stage", &(in).stage, 0 }, { "rule", &(in).rule, 0 }, \
	{ "responsible", &(resp), 0 }, { "supervisor", &(sup), 0 }, { "due", &(in).due, 0 }, \
	{ "status", &(in).status, 0 }, { "seq", &(in).seq, 0 }

static lf_status people(struct lf_db *db, struct lf_measure_in *in, const char *resp, const char *sup,
                        char rg[LF_GID_LEN + 1], char sg[LF_GID_LEN + 1])
{
	lf_status s = LF_OK;

	in->responsible = resp;
	in->supervisor = sup;
	if (resp && *resp && (s = lf_cli_find(db, "person", resp, rg)) == LF_OK)
		in->responsible = rg;
	if (s == LF_OK && sup && *sup && (s = lf_cli_find(db, "person", sup, sg)) == LF_OK)
		in->supervisor = sg;
	return s;
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *resp = NULL, *sup = NULL;
	struct lf_measure_in in = { 0 };
	struct lf_opt opts[] = { MEASURE_OPTS(in, resp, sup), { NULL, NULL, 0 } };
	char risk[LF_GID_LEN + 1], rg[LF_GID_LEN + 1], sg[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, reopened = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "风险点编号")) >= 0)
		return rc;
	if (!in.content)
		return lf_cli_usage(cmd, "measure add 必须给出 --content。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "risk", argv[first], risk);
	if (st == LF_OK)
		st = people(db, &in, resp, sup, rg, sg);
	if (st == LF_OK)
		st = lf_measure_add(db, risk, &in, gid, &reopened);
	if (st == LF_OK) {
		printf("已增加防控措施 %.8s\n", gid);
		lf_cli_reopened(reopened);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	char risk[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "风险点编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_page_init(&pg, 100);
	st = lf_cli_find(db, "risk", argv[first], risk);
	while (st == LF_OK) {
		struct lf_measure_list l;

		if ((st = lf_measure_list(db, risk, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_measure *m = &l.v[i];

			printf("%.8s  %d  %s  %s  %s\n", m->gid, m->seq, m->stage ? m->stage : "—", m->content,
			       lf_measure_status_label(m->status));
			lf_cli_field("    ", "相关制度", m->rule);
			lf_cli_field("    ", "责任人", m->responsible_name);
			lf_cli_field("    ", "监督人", m->supervisor_name);
			lf_cli_field("    ", "完成期限", m->due);
			lf_cli_field("    ", "完成日期", m->done);
		}
		lf_measure_list_free(&l);
		if (!lf_page_advance(&pg))
			break;
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *resp = NULL, *sup = NULL;
	struct lf_measure_in in = { 0 };
	struct lf_opt opts[] = { MEASURE_OPTS(in, resp, sup), { "done", &in.done, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1], rg[LF_GID_LEN + 1], sg[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, reopened = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "措施编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "measure", argv[first], gid);
	if (st == LF_OK)
		st = people(db, &in, resp, sup, rg, sg);
	if (st == LF_OK)
		st = lf_measure_edit(db, gid, &in, &reopened);
	if (st == LF_OK) {
		printf("已修改防控措施 %.8s\n", gid);
		lf_cli_reopened(reopened);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int delete(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, reopened = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "措施编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "measure", argv[first], gid);
	if (st == LF_OK)
		st = lf_measure_delete(db, gid, &reopened);
	if (st == LF_OK) {
		printf("已删除防控措施 %.8s\n", gid);
		lf_cli_reopened(reopened);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "delete", delete }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_measure, subs, argc, argv);
}
