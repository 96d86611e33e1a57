/* pack: write a bundle for the parent unit or for one child unit. */
#include "lianfang/cli.h"
#include "lianfang/exchange.h"

#include <getopt.h>
#include <string.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_pack = {
	"pack", "打数据包：上报给上级单位，或下发给下级单位（用 U 盘带去）",
	"用法：lianfang pack --up -o 文件 [--all]\n"
	"      lianfang pack --down 单位代码 -o 文件 [--all]\n"
	"\n"
	"把数据打成一个数据包文件，用 U 盘带给上级或下级单位，由对方用“lianfang merge”合并。\n"
	"\n"
	"  --up           给上级单位：本单位和下级单位的记录与审计日志中，上级还没有确认收到的部分，\n"
	"                 以及对上级下发内容的确认\n"
	"  --down 代码    给一个直接下级单位：与它有关的上级记录（评估、退回意见、检查、整改通知……）\n"
	"                 连同这些记录引用的记录，以及对它上报内容的确认\n"
	"  -o 文件        写到这个文件；给一个目录时在其中自动取名。原有的同名数据包会被替换，\n"
	"                 别的文件不会被覆盖\n"
	"  --all          不管对方确认过什么，全部带上（对方恢复过备份，或不确定时使用）\n"
	"\n"
	"写入 U 盘时先写临时文件、同步到盘、读回核对，再改名为正式文件并再次读回核对：\n"
	"U 盘上要么是完整的新数据包，要么保持原来的样子，出错时会说明。\n"
	"需要纪检监察或系统管理员的角色。\n",
	run,
};

static void print_size(long long n)
{
	if (n >= 1024 * 1024)
		printf("%.1f MB", (double)n / (1024 * 1024));
	else
		printf("%.1f KB", (double)n / 1024);
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "up", 0, 0, 'u' }, { "down", 1, 0, 'd' }, { "output", 1, 0, 'o' }, { "all", 0, 0, 'a' },
		LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 },
	};
	struct lf_pack_opts o = { 0, NULL, NULL };
	struct lf_pack_result r;
	const char *down = NULL, *out = NULL;
	struct lf_db *db;
	lf_status st;
	int up = 0, c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'u': up = 1; break;
		case 'd': down = optarg; break;
		case 'o': out = optarg; break;
		case 'a': o.all = 1; break;
		default:
			if (lf_cli_common_opt(cli, &lf_cmd_pack, c, optarg, &rc))
				return rc;
		}
	}
	if (up == !!down)
		return lf_cli_usage(&lf_cmd_pack, "必须给出 --up 或 --down 代码（只能选一个）。");
	if (!out || !*out)
		return lf_cli_usage(&lf_cmd_pack, "必须用 -o 给出数据包文件。");
	if (argc > optind)
		return lf_cli_usage(&lf_cmd_pack, "多余的参数“%s”。", argv[optind]);
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	st = up ? lf_pack_up(db, out, &o, &r) : lf_pack_down(db, down, out, &o, &r);
	if (st) {
		rc = lf_cli_fail("%s", lf_errmsg(db, st));
	} else {
		printf("已写出数据包 %s：%s → %s（%s），", r.path, r.m.sender, r.m.receiver, up ? "上报" : "下发");
		printf("%lld 条修订，%lld 条审计日志，%lld 条确认，", r.m.revs, r.m.audits, r.m.acks + r.m.audit_acks);
		print_size(r.bytes);
		printf("。\n已读回核对。文件校验码（BLAKE2b-256，可用 b2sum -l 256 核对）：%s\n", r.file_hash);
		rc = LF_EXIT_OK;
	}
	lf_pack_result_free(&r);
	lf_db_close(db);
	return rc;
}
