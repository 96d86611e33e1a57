/* coverage and progress: what phase 2 has not covered yet, and how far each
 * department has got. */
#include "lianfang/cliopt.h"
#include "lianfang/coverage.h"
#include "lianfang/cycle.h"
#include "lianfang/grade.h"
#include "lianfang/progress.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

static int run_coverage(struct lf_cli *cli, int argc, char **argv);
static int run_progress(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_coverage = {
	"coverage", "查漏：无流程图的职权、无风险点的风险环节、无自查表的岗位",
	"用法：lianfang coverage [--dept 处室] [--cycle 年份]\n"
	"\n"
	"列出第二阶段还没有做到的地方：在用的职权中还没有画流程图的；流程图中标为风险环节、\n"
	"但本年度还没有关联风险点的；在用的岗位中本年度还没有自查表的。\n",
	run_coverage,
};

const struct lf_cmd lf_cmd_progress = {
	"progress", "各处室进度：自查表各状态、超期整改、各等级风险点",
	"用法：lianfang progress [--cycle 年份]\n"
	"\n"
	"本年度的阶段和日期，各处室的岗位数、自查表（已建、填写中、审核中、退回、评估通过、超过\n"
	"整改期限）和风险点（按审定等级）数，以及需要注意的事项。\n",
	run_progress,
};

static lf_status print_gaps(struct lf_db *db, enum lf_gap gap, const char *cycle, const char *dept)
{
	struct lf_page pg;
	lf_status st;
	int i;

	lf_page_init(&pg, 100);
	do {
		struct lf_gap_list l;

		if ((st = lf_coverage_list(db, gap, cycle, dept, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_gap_row *g = &l.v[i];

			if (gap == LF_GAP_STEP_NO_RISK)
				printf("  %.8s  %s  %s 第 %d 步：%s\n", g->gid, g->dept_name, g->name, g->seq, g->detail);
			else if (gap == LF_GAP_POST_NO_FORM)
				printf("  %.8s  %s  %s  人员：%s\n", g->gid, g->dept_name, g->name, g->detail ? g->detail : "（无）");
			else
				printf("  %.8s  %s  %s%s%s\n", g->gid, g->dept_name, g->name, g->detail ? "  岗位：" : "",
				       g->detail ? g->detail : "");
		}
		lf_gap_list_free(&l);
	} while (lf_page_advance(&pg));
	return st;
}

static int run_coverage(struct lf_cli *cli, int argc, char **argv)
{
	const struct lf_cmd *cmd = &lf_cmd_coverage;
	const char *year = NULL, *dept = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "dept", &dept, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], dg[LF_GID_LEN + 1];
	struct lf_coverage c;
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK && dept)
		st = lf_cli_find(db, "dept", dept, dg);
	if (st == LF_OK)
		lf_cli_reach_note(db, dept ? dg : NULL, stdout);
	if (st == LF_OK)
		st = lf_coverage_get(db, cycle, dept ? dg : NULL, &c);
	if (st == LF_OK) {
		printf("没有流程图的职权：%d 个（共 %d 个）\n", c.powers_no_chart, c.powers);
		if (c.powers_no_chart)
			st = print_gaps(db, LF_GAP_POWER_NO_CHART, cycle, dept ? dg : NULL);
	}
	if (st == LF_OK) {
		printf("没有风险点的风险环节：%d 个（共 %d 个）\n", c.steps_no_risk, c.risky_steps);
		if (c.steps_no_risk)
			st = print_gaps(db, LF_GAP_STEP_NO_RISK, cycle, dept ? dg : NULL);
	}
	if (st == LF_OK) {
		printf("没有自查表的岗位：%d 个（共 %d 个）\n", c.posts_no_form, c.posts);
		if (c.posts_no_form)
			st = print_gaps(db, LF_GAP_POST_NO_FORM, cycle, dept ? dg : NULL);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static void progress_row(const struct lf_progress *p, const struct lf_scheme *sc)
{
	printf("%s：岗位 %d，自查表 %d（填写中 %d，审核中 %d，退回 %d，评估通过 %d", p->dept_name, p->posts, p->forms,
	       p->draft, p->in_review, p->returned, p->accepted);
	if (p->overdue)
		printf("，超期未整改 %d", p->overdue);
	printf("），风险点 %d（%s %d，%s %d，%s %d", p->risks, sc->level[3], p->by_level[3], sc->level[2], p->by_level[2],
	       sc->level[1], p->by_level[1]);
	if (p->by_level[0])
		printf("，未评级 %d", p->by_level[0]);
	printf("）\n");
}

static int run_progress(struct lf_cli *cli, int argc, char **argv)
{
	const struct lf_cmd *cmd = &lf_cmd_progress;
	const char *year = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], today[11];
	struct lf_cycle_list cl;
	struct lf_progress total;
	struct lf_scheme sc;
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, i, late;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_today(today);
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK && (st = lf_cycle_get(db, cycle, &cl)) == LF_OK) {
		printf("%d 年度，当前阶段：%s\n", cl.v[0].year, lf_phase_name(lf_cycle_phase(&cl.v[0], today)));
		if ((late = lf_cycle_overdue_phase(&cl.v[0], today)))
			printf("注意：%s阶段已于 %s 结束。\n", lf_phase_name(late), cl.v[0].end[late]);
		lf_cycle_list_free(&cl);
	}
	if (st == LF_OK && (st = lf_scheme_load(db, &sc)) == LF_OK) {
		lf_cli_reach_note(db, NULL, stdout);
		lf_page_init(&pg, 100);
		do {
			struct lf_progress_list l;

			if ((st = lf_progress_list(db, cycle, &pg, &l)))
				break;
			for (i = 0; i < l.n; i++)
				progress_row(&l.v[i], &sc);
			lf_progress_list_free(&l);
		} while (lf_page_advance(&pg));
		if (st == LF_OK && (st = lf_progress_total(db, cycle, &total)) == LF_OK)
			progress_row(&total, &sc);
		if (st == LF_OK && total.overdue) {
			struct lf_selfcheck_filter f = { .cycle = cycle, .overdue = 1 };
			struct lf_selfcheck_list l;

			lf_page_init(&pg, 100);
			printf("超过整改期限仍未重新提交的自查表：\n");
			if ((st = lf_selfcheck_list(db, &f, &pg, &l)) == LF_OK) {
				for (i = 0; i < l.n; i++)
					printf("  %.8s  %s  %s  %s  整改期限 %s\n", l.v[i].gid, l.v[i].dept_name, l.v[i].post_name,
					       l.v[i].person_name, l.v[i].rework_due);
				lf_selfcheck_list_free(&l);
			}
		}
		lf_scheme_free(&sc);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}
