/* merge: merge a bundle from the parent or a child unit. */
#include "lianfang/cli.h"
#include "lianfang/exchange.h"
#include "lianfang/rec.h"

#include <getopt.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_merge = {
	"merge", "合并上级或下级单位带来的数据包",
	"用法：lianfang merge 文件 [--dry-run]\n"
	"\n"
	"合并上级或下级单位用“lianfang pack”打的数据包。先把文件复制到本机，再检查文件头、\n"
	"完整性、数据结构、校验码，以及每一条记录：是否被改动过、对方是否有权带来、\n"
	"引用的记录是否都在。全部通过才在一个事务中一次合并；有任何一处被拒收，就什么也\n"
	"不合并，并逐条说明原因。同一个数据包合并多次、几个数据包以任意顺序合并，结果都一样。\n"
	"\n"
	"  --dry-run   只检查，报告将会新增什么、有什么冲突，不做任何修改\n"
	"\n"
	"需要纪检监察或系统管理员的角色。\n"
	"\n"
	"退出状态：0 已合并（或试合并通过）；1 没有合并（原因已说明）。\n",
	run,
};

static void print_header(const char *file, const struct lf_merge_result *r)
{
	const struct lf_manifest *m = &r->m;

	printf("数据包 %s（%lld 字节，文件校验码 %s）\n", file, r->bytes, r->file_hash);
	printf("  %s %s %s %s，打包于 %s（%s）\n", m->sender, m->sender_name, !strcmp(m->direction, "up") ? "上报给" : "下发给",
	       m->receiver, m->created, m->program);
	printf("  内有 %lld 条修订，%lld 条审计日志，%lld 条确认\n", m->revs, m->audits, m->acks + m->audit_acks);
}

static void print_result(const struct lf_merge_result *r, int dry_run)
{
	int i;

	printf("%s新增修订 %lld 条，已有 %lld 条；审计日志新增 %lld 条，已有 %lld 条；记下对方的确认 %lld 条。\n",
	       dry_run ? "试合并（没有做任何修改）：将" : "已合并：", r->added, r->had, r->audit_added, r->audit_had, r->acks);
	if (r->nconflicts) {
		printf("冲突 %d 条（同一记录有几个互不相承的版本；都已保留，各处显示同一个版本。"
		       "用“lianfang conflicts”查看，由所属单位解决）：\n", r->nconflicts);
		for (i = 0; i < r->nconflicts; i++) {
			const struct lf_kind *k = lf_kind_find(r->conflicts[i].kind);

			printf("  %s %s（单位 %s）有 %d 个版本\n", k ? k->label : r->conflicts[i].kind, r->conflicts[i].gid,
			       r->conflicts[i].owner, r->conflicts[i].leaves);
		}
	} else {
		printf("冲突：无。\n");
	}
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "dry-run", 0, 0, 'n' }, LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 } };
	struct lf_merge_opts o = { 0, NULL, NULL };
	struct lf_merge_result r;
	struct lf_db *db;
	const char *file;
	lf_status st;
	int c, rc, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "hn", opts, NULL)) != -1) {
		if (c == 'n')
			o.dry_run = 1;
		else if (lf_cli_common_opt(cli, &lf_cmd_merge, c, optarg, &rc))
			return rc;
	}
	if (argc - optind != 1)
		return lf_cli_usage(&lf_cmd_merge, "必须给出一个数据包文件。");
	file = argv[optind];
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	st = lf_merge(db, file, &o, &r);
	if (r.notes)
		fputs(r.notes, stdout);
	if (r.opened)
		print_header(file, &r);
	for (i = 0; i < r.nwarnings; i++)
		printf("警告：%s\n", r.warnings[i]);
	if (st == LF_OK) {
		print_result(&r, o.dry_run);
		rc = LF_EXIT_OK;
	} else {
		if (r.refused) {
			printf("拒收 %lld 处：\n", r.refused);
			for (i = 0; i < r.nrefusals; i++)
				printf("  %s\n", r.refusals[i]);
			if (r.refused > r.nrefusals)
				printf("  ……另有 %lld 处未列出。\n", r.refused - r.nrefusals);
		}
		fflush(stdout);
		rc = lf_cli_fail("%s", lf_errmsg(db, st));
	}
	lf_merge_result_free(&r);
	lf_db_close(db);
	return rc;
}
