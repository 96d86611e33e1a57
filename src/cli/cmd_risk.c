/* risk: risk points — add, list, edit, retire, delete, level. */
#include "lianfang/cliopt.h"
#include "lianfang/grade.h"
#include "lianfang/lookup.h"
#include "lianfang/risk.h"

#include <stdio.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_risk = {
	"risk", "风险点和审定等级（add list edit retire delete level）",
	"用法：lianfang risk add (--selfcheck 自查表 | --post 岗位) --description 风险描述\n"
	"                        [--category 类别] [--source 来源] [--found-by 查找方式]\n"
	"                        [--probability N] [--severity N] [--power 职权 [--step N]] [--remarks 备注]\n"
	"      lianfang risk list --selfcheck 自查表 [--all]\n"
	"      lianfang risk edit 风险点 [上面的选项]\n"
	"      lianfang risk retire 风险点\n"
	"      lianfang risk delete 风险点\n"
	"      lianfang risk level 风险点 (--level 等级 [--reason 理由] | --proposed)\n"
	"\n"
	"廉政风险点。一般填在某人的自查表上（--selfcheck 给自查表编号或填表人姓名）；部门评查、\n"
	"交叉互查等查出的岗位风险用 --post。类别、来源、查找方式须在本单位的列表中\n"
	"（lianfang scheme show）。发生概率和危害程度按本单位的矩阵打分（3×3 时为 1–3），\n"
	"矩阵据此给出建议等级。领导小组审定等级与建议不同时用 risk level，并写明理由；建议等级\n"
	"和审定等级都保留。--proposed 恢复为建议等级。风险点编号见 risk list 或 selfcheck show。\n"
	"已提交或已签字的自查表，风险点一经修改，原签字失效，需重新提交。\n"
	"\n"
	"  --step N     流程图的第 N 步（在 --power 职权内），或环节编号\n"
	"  --cycle 年份 用姓名指明自查表时的年度（默认当前年度）\n",
	run,
};

#define RISK_OPTS(in) \
	{ "description", &(in).description, 0 }, { "category", &(in).category, 0 }, { "source", &(in).source, 0 }, \
	{ "found-by", &(in).found_by, 0 }, { "probability", &(in).probability, 0 }, \
	{ "severity", &(in).severity, 0 }, { "remarks", &(in).remarks, 0 }, { "seq", &(in).seq, 0 }

struct links {
	const char *power, *step;
	char pg[LF_GID_LEN + 1], sg[LF_GID_LEN + 1];
};

static lf_status resolve_links(struct lf_db *db, struct links *k, struct lf_risk_in *in)
{
	lf_status s = LF_OK;

	in->power = k->power;
	in->step = k->step;
	if (k->power && *k->power && (s = lf_lookup(db, "power", k->power, NULL, NULL, k->pg)) == LF_OK)
		in->power = k->pg;
	if (s == LF_OK && k->step && *k->step && (s = lf_cli_step(db, in->power && *in->power ? k->pg : NULL, k->step, k->sg)) == LF_OK)
		in->step = k->sg;
	return s;
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *sc = NULL, *post = NULL, *dept = NULL;
	struct lf_risk_in in = { 0 };
	struct links k = { 0 };
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "selfcheck", &sc, 0 }, { "post", &post, 0 }, { "dept", &dept, 0 },
	                         { "power", &k.power, 0 }, { "step", &k.step, 0 }, RISK_OPTS(in), { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], owner[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!sc == !post)
		return lf_cli_usage(cmd, "risk add 须给出 --selfcheck 或 --post 之一。");
	if (!in.description)
		return lf_cli_usage(cmd, "risk add 必须给出 --description。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = sc ? lf_cli_selfcheck(db, cycle, sc, NULL, owner) : lf_cli_find_post(db, post, dept, owner);
	if (st == LF_OK)
		st = resolve_links(db, &k, &in);
	if (st == LF_OK)
		st = sc ? lf_risk_add(db, owner, &in, gid) : lf_risk_add_to_post(db, cycle, owner, &in, gid);
	if (st == LF_OK) {
		struct lf_risk_list l;
		struct lf_scheme s;

		printf("已增加风险点 %.8s", gid);
		if (lf_risk_get(db, gid, &l) == LF_OK && lf_scheme_load(db, &s) == LF_OK) {
			if (l.v[0].level_proposed)
				printf("，建议等级：%s", lf_scheme_level_name(&s, l.v[0].level_proposed));
			lf_scheme_free(&s);
			lf_risk_list_free(&l);
		}
		printf("\n");
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *year = NULL, *sc = NULL, *all_flag = NULL;
	struct lf_opt opts[] = { { "cycle", &year, 0 }, { "selfcheck", &sc, 0 }, { "all", &all_flag, 1 },
	                         { NULL, NULL, 0 } };
	char cycle[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_scheme s;
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0)
		return rc;
	if (!sc)
		return lf_cli_usage(cmd, "risk list 必须用 --selfcheck 指明自查表。");
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_page_init(&pg, 100);
	st = lf_cli_cycle(db, year, cycle, NULL);
	if (st == LF_OK)
		st = lf_cli_selfcheck(db, cycle, sc, NULL, gid);
	if (st == LF_OK && (st = lf_scheme_load(db, &s)) == LF_OK) {
		while (st == LF_OK) {
			struct lf_risk_list l;

			if ((st = lf_risk_list(db, gid, all_flag != NULL, &pg, &l)))
				break;
			for (i = 0; i < l.n; i++) {
				const struct lf_risk *r = &l.v[i];

				printf("%.8s  %d  %s  %s%s  措施 %d%s\n", r->gid, r->seq, r->description,
				       r->level ? "等级 " : "未评级", lf_scheme_level_name(&s, r->level), r->measures,
				       r->retired ? "（已撤销）" : "");
			}
			lf_risk_list_free(&l);
			if (!lf_page_advance(&pg))
				break;
		}
		lf_scheme_free(&s);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	struct lf_risk_in in = { 0 };
	struct links k = { 0 };
	struct lf_opt opts[] = { { "power", &k.power, 0 }, { "step", &k.step, 0 }, RISK_OPTS(in), { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, reopened = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "风险点编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "risk", argv[first], gid);
	if (st == LF_OK && k.step && *k.step && !k.power) { /* a step number belongs to the risk's power */
		struct lf_risk_list l;

		if ((st = lf_risk_get(db, gid, &l)) == LF_OK && l.v[0].power[0])
			snprintf(k.pg, sizeof k.pg, "%s", l.v[0].power), k.power = k.pg;
		lf_risk_list_free(&l);
	}
	if (st == LF_OK)
		st = resolve_links(db, &k, &in);
	if (st == LF_OK)
		st = lf_risk_edit(db, gid, &in, &reopened);
	if (st == LF_OK) {
		printf("已修改风险点 %.8s\n", gid);
		lf_cli_reopened(reopened);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int retire_or_delete(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, int del)
{
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, reopened = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, NULL, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "风险点编号")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "risk", argv[first], gid);
	if (st == LF_OK)
		st = del ? lf_risk_delete(db, gid, &reopened) : lf_risk_retire(db, gid, 1, &reopened);
	if (st == LF_OK) {
		printf("已%s风险点 %.8s\n", del ? "删除" : "撤销", gid);
		lf_cli_reopened(reopened);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int retire(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return retire_or_delete(cli, cmd, argc, argv, 0);
}

static int delete(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	return retire_or_delete(cli, cmd, argc, argv, 1);
}

static int level(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *lv = NULL, *reason = NULL, *proposed = NULL;
	struct lf_opt opts[] = { { "level", &lv, 0 }, { "reason", &reason, 0 }, { "proposed", &proposed, 1 },
	                         { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "风险点编号")) >= 0)
		return rc;
	if (!lv == !proposed)
		return lf_cli_usage(cmd, "risk level 须给出 --level 等级 或 --proposed 之一。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_cli_find(db, "risk", argv[first], gid);
	if (st == LF_OK)
		st = lf_grade_set_level(db, gid, proposed ? "" : lv, reason);
	if (st == LF_OK) {
		struct lf_risk_list l;
		struct lf_scheme s;

		if (lf_risk_get(db, gid, &l) == LF_OK && lf_scheme_load(db, &s) == LF_OK) {
			printf("风险点 %.8s 的等级：%s（建议等级 %s）\n", gid, lf_scheme_level_name(&s, l.v[0].level),
			       l.v[0].level_proposed ? lf_scheme_level_name(&s, l.v[0].level_proposed) : "无");
			lf_scheme_free(&s);
			lf_risk_list_free(&l);
		}
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "retire", retire }, { "delete", delete },
		{ "level", level }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_risk, subs, argc, argv);
}
