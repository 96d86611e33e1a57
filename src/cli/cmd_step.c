/* step: the steps of a power's flow chart — add, list, edit, move, delete. */
#include "lianfang/cliopt.h"
#include "lianfang/flow.h"
#include "lianfang/lookup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_step = {
	"step", "流程图的环节（add list edit move delete）",
	"用法：lianfang step add --power 职权 --action 办理事项 [--at N] [--actor 办理主体]\n"
	"                        [--condition 条件] [--limit 时限] [--supervision 监督方式] [--risky]\n"
	"      lianfang step list --power 职权\n"
	"      lianfang step edit --power 职权 环节 [上面的选项] [--not-risky]\n"
	"      lianfang step move --power 职权 环节 --to N\n"
	"      lianfang step delete --power 职权 环节\n"
	"\n"
	"权力运行流程图的环节，按顺序编号 1、2、3……；插入、移动、删除后自动重新编号。\n"
	"环节用序号（在 --power 职权内）或编号指明。--risky 标出风险环节，风险点可以关联到它。\n"
	"关联着风险点的环节不能删除。职权用名称或编号；名称重复时用编号。\n"
	"\n"
	"  --at N      插入到第 N 步（默认最后）\n"
	"  --to N      移动到第 N 步\n",
	run,
};

#define STEP_OPTS(in, limit) \
	{ "action", &(in).action, 0 }, { "actor", &(in).actor, 0 }, { "condition", &(in).condition, 0 }, \
	{ "limit", &(limit), 0 }, { "supervision", &(in).supervision, 0 }, { "risky", &(in).risky, 1 }

static int need_power(const struct lf_cmd *cmd, const char *power)
{
	return power ? -1 : lf_cli_usage(cmd, "必须用 --power 指明职权。");
}

static int add(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *power = NULL, *at = NULL, *limit = NULL;
	struct lf_step_in in = { 0 };
	struct lf_opt opts[] = { { "power", &power, 0 }, { "at", &at, 0 }, STEP_OPTS(in, limit), { NULL, NULL, 0 } };
	char pg[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc, n = 0;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 || (rc = need_power(cmd, power)) >= 0)
		return rc;
	if (!in.action)
		return lf_cli_usage(cmd, "step add 必须给出 --action。");
	if (at && ((n = atoi(at)) < 1 || strspn(at, "0123456789") != strlen(at)))
		return lf_cli_usage(cmd, "--at 应为正整数，而不是“%s”。", at);
	in.time_limit = limit;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = lf_lookup(db, "power", power, NULL, NULL, pg);
	if (st == LF_OK)
		st = lf_step_insert(db, pg, n, &in, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已增加流程环节 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int list(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *power = NULL;
	struct lf_opt opts[] = { { "power", &power, 0 }, { NULL, NULL, 0 } };
	char pgid[LF_GID_LEN + 1];
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, i;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 || (rc = need_power(cmd, power)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	lf_page_init(&pg, 100);
	st = lf_lookup(db, "power", power, NULL, NULL, pgid);
	while (st == LF_OK) {
		struct lf_step_list l;

		if ((st = lf_step_list(db, pgid, &pg, &l)))
			break;
		for (i = 0; i < l.n; i++) {
			const struct lf_step *f = &l.v[i];

			printf("%d. %.8s  %s  %s%s", f->seq, f->gid, f->actor ? f->actor : "—", f->action,
			       f->risky ? "  【风险环节】" : "");
			if (f->risky)
				printf("  关联风险点 %d", f->risks);
			printf("\n");
			lf_cli_field("    ", "条件", f->condition);
			lf_cli_field("    ", "时限", f->time_limit);
			lf_cli_field("    ", "监督", f->supervision);
		}
		lf_step_list_free(&l);
		if (!lf_page_advance(&pg))
			break;
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static lf_status find_step(struct lf_db *db, const char *power, const char *text, char gid[LF_GID_LEN + 1])
{
	char pg[LF_GID_LEN + 1];
	lf_status s = power ? lf_lookup(db, "power", power, NULL, NULL, pg) : LF_OK;

	return s ? s : lf_cli_step(db, power ? pg : NULL, text, gid);
}

static int edit(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *power = NULL, *limit = NULL, *not_risky = NULL;
	struct lf_step_in in = { 0 };
	struct lf_opt opts[] = { { "power", &power, 0 }, { "not-risky", &not_risky, 1 }, STEP_OPTS(in, limit),
	                         { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "环节")) >= 0)
		return rc;
	if (in.risky && not_risky)
		return lf_cli_usage(cmd, "--risky 和 --not-risky 只能给一个。");
	if (not_risky)
		in.risky = "0";
	in.time_limit = limit;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = find_step(db, power, argv[first], gid);
	if (st == LF_OK)
		st = lf_step_edit(db, gid, &in);
	rc = st ? lf_cli_status(db, st) : (printf("已修改流程环节 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int move(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *power = NULL, *to = NULL;
	struct lf_opt opts[] = { { "power", &power, 0 }, { "to", &to, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "环节")) >= 0)
		return rc;
	if (!to || strspn(to, "0123456789") != strlen(to) || !*to)
		return lf_cli_usage(cmd, "step move 必须用 --to N 给出目标位置。");
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = find_step(db, power, argv[first], gid);
	if (st == LF_OK)
		st = lf_step_move(db, gid, atoi(to));
	rc = st ? lf_cli_status(db, st) : (printf("已把流程环节 %.8s 移到第 %s 步\n", gid, to), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int delete(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv)
{
	const char *power = NULL;
	struct lf_opt opts[] = { { "power", &power, 0 }, { NULL, NULL, 0 } };
	char gid[LF_GID_LEN + 1];
	struct lf_db *db;
	lf_status st;
	int first, rc;

	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 1, "环节")) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 1, &db)))
		return rc;
	st = find_step(db, power, argv[first], gid);
	if (st == LF_OK)
		st = lf_step_delete(db, gid);
	rc = st ? lf_cli_status(db, st) : (printf("已删除流程环节 %.8s\n", gid), LF_EXIT_OK);
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct lf_sub subs[] = {
		{ "add", add }, { "list", list }, { "edit", edit }, { "move", move }, { "delete", delete }, { NULL, NULL },
	};

	return lf_cli_dispatch(cli, &lf_cmd_step, subs, argc, argv);
}
