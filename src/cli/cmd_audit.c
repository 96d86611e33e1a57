/* audit: verify the audit chain and the records against their revisions;
 * show the log, or one record's history. */
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/cli.h"
#include "lianfang/perm.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_audit = {
	"audit", "核对审计日志（防篡改）；查看日志和一条记录的修改历史",
	"用法：lianfang audit verify [--anchor 序号:哈希] [文件]\n"
	"      lianfang audit log [--record 编号或登录名] [--actor 登录名] [--last N]\n"
	"\n"
	"审计日志记下每一次修改：谁、什么时候、哪条记录、改前改后。每条日志都含有前一条的\n"
	"哈希，改动、删除或调换任何一条，链就断了。\n"
	"\n"
	"verify  核对审计日志的哈希链，日志与修订、与用户表是否一致，以及每条记录是否与其修订\n"
	"        相符；指出第一处有问题的日志。有问题时退出状态为 1。只读，不需要登录，可以\n"
	"        核对从别处拿来的文件。通过时打印最后一条日志的序号和哈希：把它记下来（或\n"
	"        报给上级），以后用 --anchor 序号:哈希 核对，就能发现日志被整段重写。\n"
	"log     按时间顺序列出本单位的审计日志和每次改动的字段。--record 只看一条记录（编号\n"
	"        至少前 6 位）或一个用户的历史，--actor 只看某人做的，--last N 只看最后 N 条。\n"
	"        看一条记录的历史需要能查看这条记录；看整个日志需要能查看全单位。\n",
	run,
};

static void print_problem(void *ctx, const char *msg)
{
	long *n = ctx;

	printf("  问题：%s\n", msg);
	(*n)++;
}

struct anchor_find {
	long long seq;
	char hash[65];
	int found;
};

static int find_seq(void *ctx, const struct lf_audit_entry *e)
{
	struct anchor_find *f = ctx;

	if (e->seq != f->seq)
		return 0;
	snprintf(f->hash, sizeof f->hash, "%s", e->hash);
	f->found = 1;
	return 1;
}

/* "序号:哈希" (the hash may be shortened to its first 16 or more hex digits):
 * the entry must still be there with that hash. Returns the problems found. */
static long check_anchor(struct lf_db *db, const char *anchor, long *problems)
{
	const char *colon = strchr(anchor, ':'), *want = colon ? colon + 1 : "";
	struct anchor_find f;
	long before = *problems;
	char msg[256], *end;

	memset(&f, 0, sizeof f);
	f.seq = colon ? strtoll(anchor, &end, 10) : 0;
	if (!colon || end != colon || f.seq < 1 || strlen(want) < 16 || strlen(want) > 64 ||
	    !lf_is_hex(want, strlen(want))) {
		snprintf(msg, sizeof msg, "--anchor 应为“序号:哈希”（哈希至少前 16 位），而不是“%s”。", anchor);
		print_problem(problems, msg);
		return 1;
	}
	lf_audit_list(db, NULL, NULL, find_seq, &f);
	if (!f.found) {
		long long seq;
		char head[65];

		if (lf_audit_head(db, &seq, head) == LF_OK && seq < f.seq)
			snprintf(msg, sizeof msg, "记下的是第 %lld 条，但日志现在只有 %lld 条——日志被截短了。", f.seq, seq);
		else
			snprintf(msg, sizeof msg, "记下的第 %lld 条在日志中找不到——日志被删改过。", f.seq);
		print_problem(problems, msg);
	} else if (strncmp(f.hash, want, strlen(want))) {
		snprintf(msg, sizeof msg, "第 %lld 条的哈希与记下的不同——日志从这一条或更早被重写过。", f.seq);
		print_problem(problems, msg);
	}
	printf("与记下的第 %lld 条核对：%s\n", f.seq, *problems == before ? "一致" : "不一致");
	return *problems - before;
}

static int run_verify(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "anchor", 1, 0, 'a' }, LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 } };
	const char *anchor = NULL;
	long problems = 0, before;
	long long seq;
	char head[65];
	struct lf_db *db;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'a')
			anchor = optarg;
		else if (lf_cli_common_opt(cli, &lf_cmd_audit, c, optarg, &rc))
			return rc;
	}
	if (argc - optind > 1)
		return lf_cli_usage(&lf_cmd_audit, "只能给出一个文件。");
	if ((rc = lf_cli_open(cli, argc > optind ? argv[optind] : NULL, LF_OPEN_CHECK, &db)))
		return rc;
	printf("核对 %s（单位 %s）\n", db->path, db->unit);
	lf_audit_verify(db, print_problem, &problems);
	printf("审计日志：%s\n", problems ? "有问题" : "哈希链完整，与修订和用户一致");
	if (anchor)
		check_anchor(db, anchor, &problems);
	before = problems;
	lf_rec_check(db, print_problem, &problems);
	printf("记录与修订：%s\n", problems == before ? "通过" : "有问题");
	if (lf_audit_head(db, &seq, head) == LF_OK && !problems)
		printf("结果：通过。最后一条日志：第 %lld 条，哈希 %s\n"
		       "（记下“%lld:%.16s”，以后可用 --anchor 核对日志没有被整段重写。）\n", seq, head, seq, head);
	else
		printf("结果：发现 %ld 个问题。\n", problems);
	lf_db_close(db);
	return problems ? LF_EXIT_FAIL : LF_EXIT_OK;
}

/* ------------------------------------------------------------------ log */

struct show {
	struct lf_db *db;
	long skip, n;     /* print from the (skip+1)th entry on */
};

/* ctx: non-zero when the entry changed something that existed before. */
static int print_change(void *ctx, const char *field, const char *label, const char *before, const char *after)
{
	(void)field;
	if (*(const int *)ctx)
		printf("    %s：%s → %s\n", label, before ? before : "（空）", after ? after : "（空）");
	else
		printf("    %s：%s\n", label, after ? after : "（空）");
	return 0;
}

static int show_entry(void *ctx, const struct lf_audit_entry *e)
{
	struct show *s = ctx;
	const struct lf_kind *k = lf_kind_find(e->kind);
	char when[17];
	const char *what;

	if (++s->n <= s->skip)
		return 0;
	lf_local_time(e->at, when);
	what = !strcmp(e->action, "put") && !e->before[0] ? "新建" : lf_audit_action_label(e->action);
	if (!strcmp(e->kind, "account"))
		printf("#%lld %s %s %s 用户 %s\n", e->seq, when, e->actor, what, e->gid);
	else
		printf("#%lld %s %s %s %s %.12s\n", e->seq, when, e->actor, what, k ? k->label : e->kind, e->gid);
	{
		int update = e->before[0] != 0;

		lf_audit_changes(s->db, e, print_change, &update);
	}
	return 0;
}

static int count_entry(void *ctx, const struct lf_audit_entry *e)
{
	(void)e;
	(*(long *)ctx)++;
	return 0;
}

static int run_log(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "record", 1, 0, 'r' }, { "actor", 1, 0, 'a' }, { "last", 1, 0, 'l' }, LF_CLI_COMMON_OPTIONS,
		{ 0, 0, 0, 0 },
	};
	const char *record = NULL, *actor = NULL;
	char gid[LF_GID_LEN + 1], kind[40] = "";
	long last = 0, total = 0;
	struct show show;
	struct lf_db *db;
	lf_status st = LF_OK;
	char *end;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': record = optarg; break;
		case 'a': actor = optarg; break;
		case 'l':
			last = strtol(optarg, &end, 10);
			if (*end || last < 1)
				return lf_cli_usage(&lf_cmd_audit, "--last 应为正整数，而不是“%s”。", optarg);
			break;
		default:
			if (lf_cli_common_opt(cli, &lf_cmd_audit, c, optarg, &rc))
				return rc;
		}
	}
	if (argc > optind)
		return lf_cli_usage(&lf_cmd_audit, "audit log 不接受“%s”；数据库用 --db 指定。", argv[optind]);
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_READ, &db)))
		return rc;
	if (record)
		st = lf_audit_find(db, record, gid, kind);
	if (st == LF_OK)
		st = lf_audit_may_read(db, kind, record ? gid : NULL);
	if (st == LF_OK)
		st = lf_audit_list(db, record ? gid : NULL, actor, count_entry, &total);
	if (st == LF_OK) {
		memset(&show, 0, sizeof show);
		show.db = db;
		show.skip = last && total > last ? total - last : 0;
		if (record) {
			const struct lf_kind *k = lf_kind_find(kind);

			if (!strcmp(kind, "account"))
				printf("用户 %s 的历史（%ld 条）：\n", gid, total);
			else
				printf("%s %s 的历史（%ld 条）：\n", k ? k->label : kind, gid, total);
		}
		st = lf_audit_list(db, record ? gid : NULL, actor, show_entry, &show);
	}
	rc = st ? lf_cli_fail("%s", lf_errmsg(db, st)) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return lf_cli_usage(&lf_cmd_audit, "要给出 verify 或 log。");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(lf_cmd_audit.usage, stdout);
		return LF_EXIT_OK;
	}
	if (!strcmp(argv[1], "verify"))
		return run_verify(cli, argc - 1, argv + 1);
	if (!strcmp(argv[1], "log"))
		return run_log(cli, argc - 1, argv + 1);
	return lf_cli_usage(&lf_cmd_audit, "没有“%s”这个子命令；可用 verify 或 log。", argv[1]);
}
