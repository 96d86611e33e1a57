/* selfcheck: the post self-check form — new, list, show, edit, submit. */
#include "lianfang/cliopt.h"
#include "lianfang/grade.h"
#include "lianfang/org.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_selfcheck = {
	"selfcheck", "岗位自查表（new list show edit submit）",
	"用法：lianfang selfcheck new --person 人员 [--post 岗位] [--duties 职责] [--filled 日期] [--cycle 年份]\n"
	"      lianfang selfcheck list [--dept 处室] [--status 状态] [--overdue] [--cycle 年份] [--limit N] [--after 位置]\n"
	"      lianfang selfcheck show 自查表 [--post 岗位] [--cycle 年份]\n"
	"      lianfang selfcheck edit 自查表 [--duties 职责] [--filled 日期] [--post 岗位] [--cycle 年份]\n"
	"      lianfang selfcheck submit 自查表 [--date 日期] [--signer 姓名] [--post 岗位] [--cycle 年份]\n"
	"\n"
	"廉政风险自查表（岗位）：每人每个岗位每年度一张，写明岗位职责、潜在风险和防控措施\n"
	"（风险点用 lianfang risk，措施用 lianfang measure）。自查表用编号或填表人姓名指明\n"
	"（一人多岗时加 --post）。不给 --cycle 时为当前年度。\n"
	"\n"
	"提交后依次由处室负责人、分管领导审核签字，再由评估组评估（lianfang review）。已提交或\n"
	"已签字的自查表，内容一经修改，原签字失效，退回“填写中”，需重新提交。\n"
	"\n"
	"  --post 岗位     new：岗位（默认为此人现在的岗位）\n"
	"  --duties 职责   岗位职责（默认取岗位的职责）\n"
	"  --status 状态   填写中、已提交、处室负责人已签字、分管领导已签字、退回整改、评估通过\n"
	"  --overdue       只列出超过整改期限仍未重新提交的\n"
	"  --date 日期     submit：提交日期（默认今天）；--signer：代为登记时写提交人姓名\n",
	run,
};

static int new_form(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *person = NULL, *post = NULL;
	struct lf_selfcheck_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "person", &person, 0 }, { "post", &post, 0 },
	                         { "duties", &in.duties, 0 }, { "filled", &in.filled, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], xg[LF_GID_LEN + 1], pg[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_person_list x;
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!person)
		return lf_cli_usage(cmd, "selfcheck new 必须给出 --person。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_find(db, "person", person, xg);
	if (st == LF_OK && post)
		st = lf_cli_find_post(db, post, NULL, pg);
	else if (st == LF_OK && (st = lf_person_get(db, xg, &x)) == LF_OK) {
		snprintf(pg, sizeof pg, "%s", x.v[0].post);
		lf_person_list_free(&x);
		if (!pg[0])
			st = lf_fail(db, LF_INVALID, "%s还没有安排岗位；请用 --post 指明自查表的岗位。", person);
	}
	if (st == LF_OK)
		st = lf_selfcheck_new(db, cycle, pg, xg, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已建立%s的自查表 %.8s\n", person, gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *dept = NULL, *status = NULL, *overdue = NULL, *limit = NULL, *after = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "dept", &dept, 0 }, { "status", &status, 0 },
	                         { "overdue", &overdue, 1 }, { "limit", &limit, 0 }, { "after", &after, 0 },
	                         { NULL, NULL, 0 } };
	struct lf_selfcheck_filter f = { 0 };
	char cycle[LF_GID_LEN + 1], dg[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, all, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 ||
	    (rc = lf_cli_paging(cmd, limit, after, &pg, &all)) >= 0)
		return rc;
	if (status && !(f.status = lf_selfcheck_status_parse(status)))
		return lf_cli_usage(cmd, "--status 应为 填写中、已提交、处室负责人已签字、分管领导已签字、退回整改、评估通过 之一，"
		                         "而不是“%s”。", status);
	f.overdue = overdue != NULL;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	f.cycle = cycle;
	if (st == LF_OK && dept && (st = lf_cli_find(db, "dept", dept, dg)) == LF_OK)
		f.dept = dg;
	if (st == LF_OK)
		lf_cli_reach_note(db, f.dept, stdout);
	while (st == LF_OK) {
		struct lf_selfcheck_list l;

		if ((st = lf_selfcheck_list(db, &f, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_selfcheck *c = &l.v[i];

			printf("%.8s  %s  %s  %s  %s%s%s  风险点 %d%s%s%s\n", c->gid, c->dept_name, c->post_name, c->person_name,
			       lf_selfcheck_status_label(c->status), c->grade ? "·" : "", c->grade ? c->grade : "", c->risks,
			       c->rework_due ? "  整改期限 " : "", c->rework_due ? c->rework_due : "", c->overdue ? "（已超期）" : "");
		}
		lf_selfcheck_list_free(&l);
		if (!all || !lf_page_advance(&pg))
			break;
	}
	if (st == LF_OK && !all)
		lf_cli_more(&pg);
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static void print_risk(const struct lf_scheme *sc, const struct lf_risk *r, int n, struct lf_db *db)
{
	struct lf_measure_list ml;
	struct lf_page pg;
	int i;

	printf("  %d. %s（风险点 %.8s%s）\n", n, r->description, r->gid, r->retired ? "，已撤销" : "");
	if (r->category || r->source || r->found_by)
		printf("     类别：%s  来源：%s  查找方式：%s\n", r->category ? r->category : "—", r->source ? r->source : "—",
		       r->found_by ? r->found_by : "—");
	if (r->probability && r->severity)
		printf("     发生概率 %d（%s）× 危害程度 %d（%s）→ 建议等级 %s\n", r->probability, sc->prob[r->probability],
		       r->severity, sc->severity[r->severity], lf_scheme_level_name(sc, r->level_proposed));
	if (r->level)
		printf("     风险等级：%s%s%s%s\n", lf_scheme_level_name(sc, r->level), r->level_reason ? "（审定调整，理由：" : "",
		       r->level_reason ? r->level_reason : "", r->level_reason ? "）" : "");
	if (r->power_name && r->step_seq)
		printf("     职权：%s，流程第 %d 步\n", r->power_name, r->step_seq);
	else if (r->power_name)
		printf("     职权：%s\n", r->power_name);
	lf_cli_field("     ", "备注", r->remarks);
	lf_page_init(&pg, LF_PAGE_MAX);
	if (lf_measure_list(db, r->gid, &pg, &ml) == LF_OK) {
		for (i = 0; i < ml.n; i++)
			printf("     措施 %d）%s%s%s%s%s%s（%.8s）\n", i + 1, ml.v[i].stage ? "【" : "", ml.v[i].stage ? ml.v[i].stage : "",
			       ml.v[i].stage ? "】" : "", ml.v[i].content, ml.v[i].rule ? "  制度：" : "",
			       ml.v[i].rule ? ml.v[i].rule : "", ml.v[i].gid);
		if (!ml.n)
			printf("     （尚无防控措施）\n");
		lf_measure_list_free(&ml);
	}
}

static lf_status print_history(struct lf_db *db, const char *gid)
{
	struct lf_review_list l;
	struct lf_page pg;
	lf_status st;
	int i;

	lf_page_init(&pg, LF_PAGE_MAX);
	if ((st = lf_review_history(db, gid, &pg, &l)))
		return st;
	printf("审核记录：%s\n", l.n ? "" : "（无）");
	for (i = 0; i < l.n; i++)
		lf_cli_review_line("  ", &l.v[i]);
	lf_review_list_free(&l);
	return LF_OK;
}

static lf_status show_form(struct lf_db *db, const char *gid)
{
	struct lf_selfcheck_list l;
	struct lf_risk_list rl;
	struct lf_scheme sc;
	struct lf_page pg;
	lf_status st;
	int i;

	if ((st = lf_selfcheck_get(db, gid, &l)))
		return st;
	if ((st = lf_scheme_load(db, &sc))) {
		lf_selfcheck_list_free(&l);
		return st;
	}
	{
		const struct lf_selfcheck *c = &l.v[0];

		printf("廉政风险自查表（岗位）  编号 %.8s\n", c->gid);
		printf("单位（处室）名称：%s    填表日期：%s\n", c->dept_name, c->filled ? c->filled : "");
		printf("姓名：%s    岗位名称：%s\n", c->person_name, c->post_name);
		printf("状态：%s%s%s%s%s%s\n", lf_selfcheck_status_label(c->status), c->grade ? "（评估：" : "",
		       c->grade ? c->grade : "", c->grade ? "）" : "", c->rework_due ? "  整改期限 " : "",
		       c->rework_due ? c->rework_due : "");
		printf("岗位职责：%s\n", c->duties ? c->duties : "");
		printf("潜在风险和防控措施：\n");
	}
	lf_page_init(&pg, LF_PAGE_MAX);
	if ((st = lf_risk_list(db, gid, 1, &pg, &rl)) == LF_OK) {
		for (i = 0; i < rl.n; i++)
			print_risk(&sc, &rl.v[i], i + 1, db);
		if (!rl.n)
			printf("  （尚未填写）\n");
		lf_risk_list_free(&rl);
	}
	lf_scheme_free(&sc);
	lf_selfcheck_list_free(&l);
	return st ? st : print_history(db, gid);
}

static int show(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *post = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "post", &post, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "自查表（编号或填表人姓名）")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_selfcheck(db, cycle, argv[first], post, gid);
	if (st == LF_OK)
		st = show_form(db, gid);
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *post = NULL;
	struct lf_selfcheck_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "post", &post, 0 }, { "duties", &in.duties, 0 },
	                         { "filled", &in.filled, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, reopened = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "自查表（编号或填表人姓名）")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_selfcheck(db, cycle, argv[first], post, gid);
	if (st == LF_OK)
		st = lf_selfcheck_edit(db, gid, &in, &reopened);
	if (st == LF_OK) {
		printf("已修改自查表 %.8s\n", gid);
		lf_cli_reopened(reopened);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int submit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *post = NULL;
	struct lf_review_in in = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "post", &post, 0 }, { "date", &in.date, 0 },
	                         { "signer", &in.signer, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "自查表（编号或填表人姓名）")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_selfcheck(db, cycle, argv[first], post, gid);
	if (st == LF_OK)
		st = lf_review_step(db, gid, LF_REVIEW_SUBMIT, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已提交自查表 %.8s，等待处室负责人审核。\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "new", new_form }, { "list", list }, { "show", show }, { "edit", edit }, { "submit", submit }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_selfcheck, subs, argc, argv);
}
