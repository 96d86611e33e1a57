/* import: an office's existing table (CSV) into this unit's records. */
#include "lianfang/cli.h"
#include "lianfang/form.h"
#include "lianfang/import.h"
#include "lianfang/util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_import = {
	"import", "导入已有的表格（CSV）：汇总表、风险点台账",
	"用法：lianfang import 表格 文件 [--dry-run] [--encoding auto|utf-8|gbk|gb18030] [--dept 名称] [--cycle 年度]\n"
	"\n"
	"把单位已有的表格导入数据库：处室、岗位、人员、风险点和防控措施。表格是\n"
	"  summary        单位（处室）廉政风险点及防控措施汇总表（附件2），一行一个风险点\n"
	"  risk_register  廉政风险点台账\n"
	"文件是 CSV（Excel、WPS 里“另存为 CSV”即可；.xlsx 请先另存为 CSV）。编码自动判断：\n"
	"有 BOM 或是有效的 UTF-8 就按 UTF-8，否则按 GBK/GB18030。列按中文列名对应，次序不限；\n"
	"表格上方的标题、单位名称、日期行和下方的意见、签字行会被认出并跳过。\n"
	"\n"
	"先逐行检查全部内容，每个有问题的行都列出行号；只要有一行有问题就什么也不导入。\n"
	"没有问题时在一个事务里全部导入。已有的处室、岗位、人员、风险点按名称对上，不会重复建立，\n"
	"所以同一个文件导入两次，第二次什么也不增加。\n"
	"\n"
	"  --dry-run            只检查并列出将要新建、对上和修改的记录，不写数据库\n"
	"  --encoding 编码      auto（默认）、utf-8、gbk 或 gb18030\n"
	"  --dept 名称          表中没有“处室”列时，这些风险点属于哪个处室\n"
	"  --cycle 年度         导入到哪个年度（默认：表头写的年度或填表日期，否则今年）\n"
	"  -v, --verbose        逐条列出每个新建、对上和修改的记录及其行号\n",
	run,
};

#define SHOW_NAMES 6

struct seen {
	char *names[LF_IW_N][LF_IA_N][SHOW_NAMES];
	int verbose;
};

static void bad(void *ctx, long line, const char *column, const char *msg)
{
	const char *path = ctx;

	if (line <= 0)
		fprintf(stderr, "lianfang: %s：%s\n", path, msg);
	else if (*column)
		fprintf(stderr, "lianfang: %s 第 %ld 行“%s”列：%s\n", path, line, column, msg);
	else
		fprintf(stderr, "lianfang: %s 第 %ld 行：%s\n", path, line, msg);
}

static const char *const act_label[] = { "新建", "已有", "修改" };

static void note(void *ctx, const struct lf_import_note *n)
{
	struct seen *s = ctx;
	int k;

	if (s->verbose)
		printf("  第 %ld 行  %s%s  %s\n", n->line, act_label[n->act], lf_import_what_label(n->what), n->name);
	for (k = 0; k < SHOW_NAMES; k++)
		if (!s->names[n->what][n->act][k]) {
			s->names[n->what][n->act][k] = lf_strdup(n->name);
			break;
		}
}

struct ctx {
	const char *path;
	struct seen seen;
};

static void bad_cb(void *c, long line, const char *column, const char *msg)
{
	bad((void *)((struct ctx *)c)->path, line, column, msg);
}

static void note_cb(void *c, const struct lf_import_note *n)
{
	note(&((struct ctx *)c)->seen, n);
}

static int progress(void *ctx, long long done, long long total)
{
	(void)ctx;
	if (total > 0)
		fprintf(stderr, "\r正在%s：%lld%%", done * 2 < total ? "检查" : "导入", done * 100 / total);
	return 0;
}

/* "局领导班子、办公室、登记注册科……" — a few names, short. */
static void print_names(char *const *names, long count)
{
	int k;

	for (k = 0; k < SHOW_NAMES && names[k]; k++) {
		char *flat = lf_strdup(names[k]), *p;
		size_t n = 0;

		for (p = flat; *p; p++)
			if (*p == '\n')
				*p = ' ';
		printf("%s", k ? "、" : "：");
		/* at most 16 characters of each */
		for (p = flat; *p && n < 16; n++) {
			unsigned cp;
			int len = lf_utf8_decode(p, strlen(p), &cp);

			if (len <= 0)
				break;
			p += len;
		}
		printf("%.*s%s", (int)(p - flat), flat, *p ? "…" : "");
		lf_free(flat);
	}
	if (count > SHOW_NAMES)
		printf("等");
}

static void report(const struct lf_import_result *r, const struct ctx *c, int dry_run)
{
	static const char *const unit[] = { "个", "个", "个", "人", "个", "条" };
	int w, a;

	printf("文件 %s：%s，列名在第 %ld 行（%s）\n", c->path, r->encoding, r->header_line, r->columns);
	printf("数据 %ld 行%s，年度 %d（%s）\n", r->rows, r->blank ? "（另有空行）" : "", r->year, r->year_from);
	printf("%s\n", dry_run ? "试运行，将要：" : "已导入：");
	for (a = 0; a < LF_IA_N; a++)
		for (w = 0; w < LF_IW_N; w++) {
			if (!r->counts[w][a])
				continue;
			printf("  %s%s %ld %s", act_label[a], lf_import_what_label(w), r->counts[w][a], unit[w]);
			if (w != LF_IW_MEASURE && w != LF_IW_RISK)
				print_names(c->seen.names[w][a], r->counts[w][a]);
			printf("\n");
		}
	if (r->powers_unlinked)
		printf("  有 %ld 行的“所属职权”在本单位的职权目录里找不到，这些风险点没有关联职权\n", r->powers_unlinked);
	if (dry_run)
		printf("（试运行，没有写入数据库）\n");
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", 0, 0, 'n' }, { "encoding", 1, 0, 'e' }, { "dept", 1, 0, 'D' }, { "cycle", 1, 0, 'C' },
		{ "verbose", 0, 0, 'v' }, LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 },
	};
	struct lf_import_opts o;
	struct lf_import_result res;
	const struct lf_form *form;
	struct lf_formset *set;
	struct lf_db *db;
	struct ctx c;
	int ch, rc, w, a, k;
	lf_status st;

	memset(&o, 0, sizeof o);
	memset(&c, 0, sizeof c);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "hv", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': o.dry_run = 1; break;
		case 'e': o.encoding = optarg; break;
		case 'D': o.dept = optarg; break;
		case 'v': c.seen.verbose = 1; break;
		case 'C': {
			char *end;
			long y = strtol(optarg, &end, 10);

			if (!*optarg || *end || y < 2000 || y > 2100)
				return lf_cli_usage(&lf_cmd_import, "--cycle 应为年度，如 2026，而不是“%s”。", optarg);
			o.year = (int)y;
			break;
		}
		default:
			if (lf_cli_common_opt(cli, &lf_cmd_import, ch, optarg, &rc))
				return rc;
		}
	}
	if (argc - optind != 2)
		return lf_cli_usage(&lf_cmd_import, "要给出表格和文件，如：lianfang import summary 汇总表.csv");
	if (o.encoding && strcmp(o.encoding, "auto") && strcmp(o.encoding, "utf-8") && strcmp(o.encoding, "utf8") &&
	    strcmp(o.encoding, "gbk") && strcmp(o.encoding, "gb18030"))
		return lf_cli_usage(&lf_cmd_import, "--encoding 应为 auto、utf-8、gbk 或 gb18030，而不是“%s”。", o.encoding);
	set = lf_formset_load(cli->forms_dir, NULL, NULL);
	form = lf_formset_get(set, argv[optind]);
	if (!form || !lf_import_supports(form)) {
		lf_formset_free(set);
		return lf_cli_usage(&lf_cmd_import, "不能导入“%s”：可以导入的是 summary（汇总表）和 risk_register（风险点台账）。",
		                    argv[optind]);
	}
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_WRITE, &db))) {
		lf_formset_free(set);
		return rc;
	}
	c.path = argv[optind + 1];
	o.forms = set;
	o.bad = bad_cb;
	o.note = note_cb;
	o.ctx = &c;
	if (isatty(2))
		o.progress = progress;
	st = lf_import(db, form, c.path, &o, &res);
	if (o.progress)
		fputs("\r\033[K", stderr);
	if (st == LF_OK) {
		report(&res, &c, o.dry_run);
		rc = LF_EXIT_OK;
	} else {
		rc = st == LF_USAGE ? lf_cli_usage(&lf_cmd_import, "%s", lf_errmsg(db, st))
		                    : lf_cli_fail("%s", lf_errmsg(db, st));
	}
	for (w = 0; w < LF_IW_N; w++)
		for (a = 0; a < LF_IA_N; a++)
			for (k = 0; k < SHOW_NAMES; k++)
				lf_free(c.seen.names[w][a][k]);
	lf_db_close(db);
	lf_formset_free(set);
	return rc;
}
