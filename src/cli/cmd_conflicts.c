/* conflicts, resolve: records with several versions that do not descend from
 * each other, and resolving one (the resolution is itself a revision). */
#include "lianfang/cli.h"
#include "lianfang/exchange.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <getopt.h>
#include <string.h>

static int run_list(struct lf_cli *cli, int argc, char **argv);
static int run_resolve(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_conflicts = {
	"conflicts", "列出有冲突的记录（几个互不相承的版本）及其不同之处",
	"用法：lianfang conflicts\n"
	"\n"
	"列出有冲突的记录：同一条记录有几个互不相承的版本（例如某单位恢复了旧备份后又做了修改）。\n"
	"所有版本都保留着，每个数据库都显示同一个版本（标 *）。列出每个版本的作者、时间和不同的字段，\n"
	"以及解决的命令。只有记录的所属单位能解决；解决后打包上报，各处的冲突随之消失。\n"
	"只读，不修改数据库。没有冲突时退出状态为 0，有冲突时也为 0。\n"
	"需要纪检监察或系统管理员的角色（与打包、合并相同）。\n",
	run_list,
};

const struct lf_cmd lf_cmd_resolve = {
	"resolve", "解决一条记录的冲突：选定保留的版本",
	"用法：lianfang resolve 记录编号 保留的修订编号\n"
	"\n"
	"解决一条记录的冲突：以选定版本的内容建立一个新修订，它以所有冲突版本为上一版本，\n"
	"于是冲突消失，什么也不丢（旧版本都还在）。编号可以只写开头几位（至少 8 位），\n"
	"只要不与别的重复；“lianfang conflicts”列出可用的编号。只有记录的所属单位能解决。\n"
	"需要纪检监察或系统管理员的角色。\n",
	run_resolve,
};

struct conflict {
	char kind[40];
	char gid[LF_GID_LEN + 1];
	int leaves;
};

struct conflicts {
	struct conflict *c;
	int n;
};

static int collect(void *ctx, const char *kind, const char *gid, int leaves)
{
	struct conflicts *cs = ctx;

	cs->c = lf_realloc(cs->c, (size_t)(cs->n + 1) * sizeof *cs->c);
	snprintf(cs->c[cs->n].kind, sizeof cs->c[0].kind, "%s", kind);
	snprintf(cs->c[cs->n].gid, sizeof cs->c[0].gid, "%s", gid);
	cs->c[cs->n].leaves = leaves;
	cs->n++;
	return 0;
}

/* A value for display, at most 40 characters, on one line. */
static void show_value(const char *s)
{
	int n = 0;

	if (!s) {
		printf("（空）");
		return;
	}
	for (; *s && n < 40; n++) {
		int len = 1;

		while ((s[len] & 0xc0) == 0x80)
			len++;
		printf("%.*s", len, *s == '\n' ? " " : s);
		s += len;
	}
	if (*s)
		printf("……");
}

static void show_conflict(struct lf_db *db, const struct conflict *c)
{
	struct lf_conflict x;
	int i, j;

	if (lf_exchange_conflict(db, c->gid, &x) != LF_OK) {
		printf("%s %s：无法读取其版本：%s\n", c->kind, c->gid, db->err);
		lf_conflict_free(&x);
		return;
	}
	printf("%s %s（单位 %s）有 %d 个版本：\n", x.kind->label, c->gid, x.owner, x.nv);
	for (i = 0; i < x.nv; i++)
		printf("  %s %s  第 %lld 版  %s  %s%s%s\n", i == 0 ? "*" : " ", x.v[i].rid, x.v[i].gen, x.v[i].at, x.v[i].author,
		       x.v[i].deleted ? "  （已删除）" : "", i == 0 ? "  ← 现在显示的版本" : "");
	for (j = 0; j < x.nf; j++) {
		if (!j)
			printf("  不同之处：\n");
		printf("    %s：", x.f[j].label);
		for (i = 0; i < x.nv; i++) {
			printf("%s%.12s 为“", i ? "；" : "", x.v[i].rid);
			show_value(x.f[j].value[i]);
			printf("”");
		}
		printf("\n");
	}
	printf("  解决：lianfang resolve %.12s 保留的修订编号（例如 %.12s）%s%s%s\n", c->gid, x.v[0].rid,
	       x.mine ? "" : "——只有单位 ", x.mine ? "" : x.owner, x.mine ? "" : " 能解决");
	lf_conflict_free(&x);
}

static int run_list(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 } };
	struct conflicts cs = { NULL, 0 };
	struct lf_db *db;
	lf_status st;
	int c, rc, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		if (lf_cli_common_opt(cli, &lf_cmd_conflicts, c, optarg, &rc))
			return rc;
	if (argc > optind)
		return lf_cli_usage(&lf_cmd_conflicts, "多余的参数“%s”。", argv[optind]);
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_READ, &db)))
		return rc;
	st = lf_exchange_conflicts(db, collect, &cs);
	if (st) {
		rc = lf_cli_fail("%s", lf_errmsg(db, st));
	} else {
		if (!cs.n)
			printf("没有冲突。\n");
		else
			printf("有 %d 条记录存在冲突。\n", cs.n);
		for (i = 0; i < cs.n; i++)
			show_conflict(db, &cs.c[i]);
		rc = LF_EXIT_OK;
	}
	lf_free(cs.c);
	lf_db_close(db);
	return rc;
}

struct match {
	const char *prefix;
	char found[LF_HASH_LEN + 1];
	int n;
};

static int match_leaf(void *ctx, const struct lf_rev *v)
{
	struct match *m = ctx;

	if (!strncmp(v->rid, m->prefix, strlen(m->prefix)) && m->n++ == 0)
		snprintf(m->found, sizeof m->found, "%s", v->rid);
	return 0;
}

static int run_resolve(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 } };
	struct conflicts cs = { NULL, 0 };
	struct match gm = { NULL, "", 0 }, rm = { NULL, "", 0 };
	struct lf_db *db;
	lf_status st;
	int c, rc, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		if (lf_cli_common_opt(cli, &lf_cmd_resolve, c, optarg, &rc))
			return rc;
	if (argc - optind != 2)
		return lf_cli_usage(&lf_cmd_resolve, "必须给出记录编号和保留的修订编号。");
	gm.prefix = argv[optind];
	rm.prefix = argv[optind + 1];
	if (strlen(gm.prefix) < 8 || strlen(rm.prefix) < 8)
		return lf_cli_usage(&lf_cmd_resolve, "编号至少写 8 位。");
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	if ((st = lf_exchange_conflicts(db, collect, &cs)) == LF_OK) {
		for (i = 0; i < cs.n; i++)
			if (!strncmp(cs.c[i].gid, gm.prefix, strlen(gm.prefix)) && gm.n++ == 0)
				snprintf(gm.found, sizeof gm.found, "%s", cs.c[i].gid);
		if (gm.n != 1)
			st = lf_fail(db, gm.n ? LF_INVALID : LF_NOTFOUND, gm.n ? "编号“%s”对应不止一条有冲突的记录，请多写几位。"
			                                                 : "没有编号以“%s”开头的有冲突的记录。", gm.prefix);
	}
	if (st == LF_OK && (st = lf_rev_leaves(db, gm.found, match_leaf, &rm)) == LF_OK && rm.n != 1)
		st = lf_fail(db, rm.n ? LF_INVALID : LF_NOTFOUND, rm.n ? "修订编号“%s”不止对应一个版本，请多写几位。"
		                                                   : "记录 %.12s 的冲突版本中没有以“%s”开头的。",
		             rm.n ? rm.prefix : gm.found, rm.prefix);
	if (st == LF_OK)
		st = lf_exchange_resolve(db, gm.found, rm.found);
	if (st) {
		rc = lf_cli_fail("%s", lf_errmsg(db, st));
	} else {
		printf("已解决记录 %s 的冲突：保留版本 %.12s 的内容。打包上报后，上级那里的冲突也会消失。\n", gm.found, rm.found);
		rc = LF_EXIT_OK;
	}
	lf_free(cs.c);
	lf_db_close(db);
	return rc;
}
