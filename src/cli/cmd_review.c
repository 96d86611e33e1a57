/* review: the review chain of a self-check — head, leader, assess, history. */
#include "lianfang/cliopt.h"
#include "lianfang/review.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_review = {
	"review", "审核自查表（head leader assess history）",
	"用法：lianfang review head 自查表 [--opinion 意见] [--return] [--due 整改期限] [--date 日期] [--signer 姓名]\n"
	"      lianfang review leader 自查表 [同上]\n"
	"      lianfang review assess 自查表 --grade 准确|比较准确|基本准确|不准确 [--opinion 意见]\n"
	"                                    [--due 整改期限] [--date 日期] [--signer 姓名]\n"
	"      lianfang review history 自查表\n"
	"\n"
	"自查表提交（lianfang selfcheck submit）后，先由处室负责人、再由分管领导提出意见并签字，\n"
	"最后由评估组评为准确、比较准确、基本准确或不准确。评为基本准确、不准确的，或负责人、\n"
	"领导退回（--return）的，退回本人限期整改（--due，默认签字后 15 天），整改后重新提交，\n"
	"直到评估准确为止。退回时须写意见。每一步记录签字人、日期、意见和所签的内容；签字后\n"
	"内容被修改的，签字失效。不能审核自己的自查表，不能重复签字，不能跳过前一步。\n"
	"\n"
	"自查表用编号或填表人姓名指明（一人多岗时加 --post 岗位；年度用 --cycle）。签字人默认为\n"
	"当前用户；代为登记纸质签字时用 --signer 写签字人姓名（登记人仍记入修改记录）。\n",
	run,
};

static int step(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, enum lf_review_step which)
{
	const char *year = NULL, *post = NULL, *reject = NULL;
	struct lf_review_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "post", &post, 0 }, { "opinion", &in.opinion, 0 },
	                         { "return", &reject, 1 }, { "grade", &in.grade, 0 }, { "due", &in.rework_due, 0 },
	                         { "date", &in.date, 0 }, { "signer", &in.signer, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_selfcheck_list l;
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "自查表（编号或填表人姓名）")) >= 0)
		return rc;
	if (which == LF_REVIEW_ASSESS && reject)
		return lf_cli_usage(cmd, "评估用 --grade 给出等次；基本准确、不准确即退回，不用 --return。");
	if (which != LF_REVIEW_ASSESS && in.grade)
		return lf_cli_usage(cmd, "--grade 只用于 review assess。");
	if (which == LF_REVIEW_ASSESS && !in.grade)
		return lf_cli_usage(cmd, "review assess 必须给出 --grade（准确、比较准确、基本准确或不准确）。");
	in.reject = reject != NULL;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_selfcheck(db, cycle, argv[first], post, gid);
	if (st == LF_OK)
		st = lf_review_step(db, gid, which, &in);
	if (st == LF_OK && (st = lf_selfcheck_get(db, gid, &l)) == LF_OK) {
		printf("%s：%s的自查表 %.8s 现为“%s”", lf_review_step_label(lf_review_step_name(which)), l.v[0].person_name,
		       gid, lf_selfcheck_status_label(l.v[0].status));
		if (l.v[0].rework_due)
			printf("，整改期限 %s", l.v[0].rework_due);
		printf("。\n");
		lf_selfcheck_list_free(&l);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int head(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return step(cli, cmd, argc, argv, LF_REVIEW_HEAD);
}

static int leader(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return step(cli, cmd, argc, argv, LF_REVIEW_LEADER);
}

static int assess(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return step(cli, cmd, argc, argv, LF_REVIEW_ASSESS);
}

static int history(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *post = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "post", &post, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "自查表（编号或填表人姓名）")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_page_init(&pg, 100);
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_selfcheck(db, cycle, argv[first], post, gid);
	while (st == LF_OK) {
		struct lf_review_list l;

		if ((st = lf_review_history(db, gid, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++)
			lf_cli_review_line("", &l.v[i]);
		lf_review_list_free(&l);
		if (!lf_page_advance(&pg))
			break;
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "head", head }, { "leader", leader }, { "assess", assess }, { "history", history }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_review, subs, argc, argv);
}
