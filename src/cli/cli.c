/* cli: global options, the command table, and helpers every command uses. */
#include "lianfang/cli.h"
#include "lianfang/cli_auth.h"
#include "lianfang/ui.h"
#include "lianfang/util.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern const struct lf_cmd lf_cmd_init, lf_cmd_demo, lf_cmd_check, lf_cmd_dump;
/* phases 1–2: the cycle, organisation, powers, self-checks and reviews */
extern const struct lf_cmd lf_cmd_cycle, lf_cmd_plan, lf_cmd_group, lf_cmd_meeting, lf_cmd_dept, lf_cmd_post,
	lf_cmd_person, lf_cmd_power, lf_cmd_step, lf_cmd_selfcheck, lf_cmd_risk, lf_cmd_measure, lf_cmd_review,
	lf_cmd_scheme, lf_cmd_summary, lf_cmd_search, lf_cmd_heatmap, lf_cmd_coverage, lf_cmd_progress;
extern const struct lf_cmd lf_cmd_user, lf_cmd_audit;
extern const struct lf_cmd lf_cmd_pack, lf_cmd_merge, lf_cmd_conflicts, lf_cmd_resolve;
extern const struct lf_cmd lf_cmd_export, lf_cmd_import;

/* Every command, in the order `lianfang --help` lists them. */
const struct lf_cmd *const lf_commands[] = {
	&lf_cmd_init,
	&lf_cmd_demo,
	&lf_cmd_check,
	&lf_cmd_dump,
	&lf_cmd_cycle,
	&lf_cmd_plan,
	&lf_cmd_group,
	&lf_cmd_meeting,
	&lf_cmd_dept,
	&lf_cmd_post,
	&lf_cmd_person,
	&lf_cmd_power,
	&lf_cmd_step,
	&lf_cmd_selfcheck,
	&lf_cmd_risk,
	&lf_cmd_measure,
	&lf_cmd_review,
	&lf_cmd_scheme,
	&lf_cmd_summary,
	&lf_cmd_search,
	&lf_cmd_heatmap,
	&lf_cmd_coverage,
	&lf_cmd_progress,
	&lf_cmd_user,
	&lf_cmd_audit,
	&lf_cmd_pack,
	&lf_cmd_merge,
	&lf_cmd_conflicts,
	&lf_cmd_resolve,
	&lf_cmd_export,
	&lf_cmd_import,
	NULL,
};

static const char global_usage[] =
	"用法：lianfang [选项] [命令 [参数]]\n"
	"\n"
	"廉防：廉政风险点防范管理（动员部署、查找风险、防范监督、检查考核）。\n"
	"不带命令时打开操作界面。\n"
	"\n"
	"选项：\n"
	"  --db 文件       使用这个数据库（也可用环境变量 LIANFANG_DB）\n"
	"  --user 登录名   以这个用户身份操作（也可用 LIANFANG_USER）\n"
	"  --forms 目录    从这个目录读取表单定义，覆盖内置表单（也可用 LIANFANG_FORMS）\n"
	"  -h, --help      显示本帮助\n"
	"  -V, --version   显示版本\n"
	"\n"
	"命令（每个命令都有 --help）：\n";

static void print_global_help(FILE *out)
{
	const struct lf_cmd *const *c;

	fputs(global_usage, out);
	for (c = lf_commands; *c; c++)
		fprintf(out, "  %-10s %s\n", (*c)->name, (*c)->summary);
	fputs("\n默认数据库：$LIANFANG_DB，否则 ~/.local/share/lianfang/lianfang.db。\n"
	      "退出状态：0 成功，1 失败（已说明原因），2 用法错误。\n", out);
}

int lf_cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("lianfang: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return LF_EXIT_FAIL;
}

int lf_cli_usage(const struct lf_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lianfang %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", cmd->usage);
	return LF_EXIT_USAGE;
}

int lf_cli_common_opt(struct lf_cli *cli, const struct lf_cmd *cmd, int c, const char *arg, int *rc)
{
	switch (c) {
	case 0x100: cli->db_path = arg; return 0;
	case 0x101: cli->user = arg; return 0;
	case 0x102: cli->forms_dir = arg; return 0;
	case 'h':
		fputs(cmd->usage, stdout);
		*rc = LF_EXIT_OK;
		return 1;
	default:
		*rc = lf_cli_usage(cmd, "无法识别的选项。");
		return 1;
	}
}

char *lf_cli_db_path(const struct lf_cli *cli)
{
	const char *env = getenv("LIANFANG_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (cli->db_path)
		return lf_strdup(cli->db_path);
	if (env && *env)
		return lf_strdup(env);
	if (xdg && *xdg)
		return lf_printf("%s/lianfang/lianfang.db", xdg);
	return lf_printf("%s/.local/share/lianfang/lianfang.db", home && *home ? home : ".");
}

int lf_cli_open(struct lf_cli *cli, const char *path, enum lf_open_mode mode, struct lf_db **db)
{
	char err[1024];
	char *chosen = path ? NULL : lf_cli_db_path(cli);
	lf_status st = lf_db_open(path ? path : chosen, mode, db, err, sizeof err);

	if (st == LF_NOTFOUND && !path)
		snprintf(err, sizeof err, "数据库 %s 不存在。用“lianfang init”建立，或用 --db 指定已有的数据库。",
		         chosen);
	lf_free(chosen);
	if (st)
		return lf_cli_fail("%s", err);
	/* Act as the signed-in user (cli_auth.h): --user / LIANFANG_USER with a
	 * password or a mapped system user, or nobody. */
	if (lf_cli_signin(cli, *db, mode) != LF_EXIT_OK) {
		lf_db_close(*db);
		*db = NULL;
		return LF_EXIT_FAIL;
	}
	return LF_EXIT_OK;
}

static const struct lf_cmd *find_command(const char *name)
{
	const struct lf_cmd *const *c;

	for (c = lf_commands; *c; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

static int open_screens(struct lf_cli *cli)
{
	struct lf_db *db;
	int rc;

	cli->screens = 1;
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db)))
		return rc;
	rc = lf_ui_run(cli, db);
	lf_db_close(db);
	return rc;
}

int lf_cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", 1, 0, 'd' }, { "user", 1, 0, 'u' }, { "forms", 1, 0, 'f' },
		{ "help", 0, 0, 'h' }, { "version", 0, 0, 'V' }, { 0, 0, 0, 0 },
	};
	struct lf_cli cli = { NULL, NULL, NULL, 0 };
	const struct lf_cmd *cmd;
	int c;

	setlocale(LC_ALL, "");
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd': cli.db_path = optarg; break;
		case 'u': cli.user = optarg; break;
		case 'f': cli.forms_dir = optarg; break;
		case 'h': print_global_help(stdout); return LF_EXIT_OK;
		case 'V': printf("lianfang %s\n", LF_VERSION); return LF_EXIT_OK;
		default:
			fprintf(stderr, "lianfang: 无法识别的选项“%s”。\n", argv[optind - 1]);
			print_global_help(stderr);
			return LF_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return open_screens(&cli);
	if (!(cmd = find_command(argv[optind]))) {
		fprintf(stderr, "lianfang: 没有“%s”这个命令。\n", argv[optind]);
		print_global_help(stderr);
		return LF_EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	optind = 0; /* the command parses its own options from its argv */
	return cmd->run(&cli, argc, argv);
}
