/* export: an official table to .xlsx, CSV or printable text. */
#include "lianfang/cli.h"
#include "lianfang/export.h"
#include "lianfang/form.h"
#include "lianfang/util.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run(struct lf_cli *cli, int argc, char **argv);

const struct lf_cmd lf_cmd_export = {
	"export", "把正式表格导出为 Excel（.xlsx）、CSV 或可打印的文本",
	"用法：lianfang export 表格 -o 文件 [选项]\n"
	"      lianfang export --list\n"
	"\n"
	"把一张正式表格导出为 Excel（.xlsx）、CSV 或可打印的文本。表格可以写名称（如 summary）、\n"
	"完整标题，或标题中的一段（如“汇总表”“自查表”“台账”）。--list 列出全部表格：\n"
	"  summary          单位（处室）廉政风险点及防控措施汇总表（附件2）\n"
	"  selfcheck_table  廉政风险自查表（岗位）（附件1），每人一份\n"
	"  register_unit    单位廉政风险点和防范措施登记表（附件3）\n"
	"  register_dept    部门廉政风险点和防范措施登记表（附件4），每个处室一份\n"
	"  register_person  个人廉政风险点和防范措施登记表（附件5），每人一份\n"
	"  power_table      职权运行和廉政风险防控措施表\n"
	"  risk_register    廉政风险点台账（全部风险点）\n"
	"\n"
	"  -o, --output 文件       写到这个文件；“-”表示标准输出。文件先写到临时名，写完整才改名，\n"
	"                          出错时不会留下半个文件\n"
	"  --format xlsx|csv|txt   格式；不写时按文件扩展名判断\n"
	"  --encoding 编码         utf-8、utf-8-bom、gbk 或 gb18030（CSV 默认 utf-8-bom，文本默认 utf-8；\n"
	"                          .xlsx 总是 UTF-8）。写 GBK 前逐字检查：GBK 里没有的字逐个列出\n"
	"                          （第几行、哪一列、码位），并且不写出文件\n"
	"  --replace               把 GBK 里没有的字写成 [U+XXXX]（仍逐个列出），而不是停止\n"
	"  --table-only            CSV 只写列名行和数据行，不写标题、表头和表尾\n"
	"  --unit 代码             哪个单位的表格（默认本单位；上级单位可导出下级报来的数据）\n"
	"  --dept 名称             只导出这个处室\n"
	"  --person 姓名           只导出这个人（自查表、登记表）\n"
	"  --cycle 年度            哪个年度（默认最近的年度）\n"
	"  --width N               文本表格的总宽度（默认纵向 110、横向 160 列，一个汉字占 2 列）\n"
	"  -f, --force             覆盖已有的文件\n"
	"  --list                  列出可以导出的表格\n",
	run,
};

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "lianfang: %s\n", msg);
}

static void problem(void *ctx, const struct lf_xproblem *p)
{
	char line[1024];

	(void)ctx;
	lf_xproblem_text(p, line, sizeof line);
	fprintf(stderr, "lianfang: %s\n", line);
}

static int progress(void *ctx, long done, long total)
{
	(void)ctx;
	if (total > 0)
		fprintf(stderr, "\r正在导出：%ld / %ld", done, total);
	if (done >= total)
		fputs("\r\033[K", stderr);
	return 0;
}

static int list_tables(const struct lf_formset *set)
{
	int i;

	for (i = 0; i < lf_formset_count(set); i++) {
		const struct lf_form *f = lf_formset_at(set, i);

		if (f->type == LF_FORM_TABLE)
			printf("%-16s %s（%s）\n", f->id, f->title, f->landscape ? "横向" : "纵向");
	}
	return LF_EXIT_OK;
}

/* A table form by id, by title, or by a piece of its title that only one has. */
static const struct lf_form *find_table(const struct lf_formset *set, const char *name, int *ambiguous)
{
	const struct lf_form *f = lf_formset_get(set, name), *hit = NULL;
	int i, n = 0;

	*ambiguous = 0;
	if (f && f->type == LF_FORM_TABLE)
		return f;
	for (i = 0; i < lf_formset_count(set); i++) {
		f = lf_formset_at(set, i);
		if (f->type != LF_FORM_TABLE)
			continue;
		if (!strcmp(f->title, name))
			return f;
		if (strstr(f->title, name))
			hit = f, n++;
	}
	*ambiguous = n > 1;
	return n == 1 ? hit : NULL;
}

/* Copy a finished file to standard output. */
static int copy_out(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int rc = 0;

	if (!fp)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			rc = -1;
	if (ferror(fp) || fflush(stdout) != 0)
		rc = -1;
	fclose(fp);
	return rc;
}

static int parse_year(const char *s, int *year)
{
	char *end;
	long y = strtol(s, &end, 10);

	if (!*s || *end || y < 2000 || y > 2100)
		return -1;
	*year = (int)y;
	return 0;
}

static int run(struct lf_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", 1, 0, 'o' }, { "format", 1, 0, 'F' }, { "encoding", 1, 0, 'e' }, { "replace", 0, 0, 'r' },
		{ "table-only", 0, 0, 't' }, { "unit", 1, 0, 'U' }, { "dept", 1, 0, 'D' }, { "person", 1, 0, 'P' },
		{ "cycle", 1, 0, 'C' }, { "width", 1, 0, 'W' }, { "force", 0, 0, 'f' }, { "list", 0, 0, 'L' },
		LF_CLI_COMMON_OPTIONS, { 0, 0, 0, 0 },
	};
	struct lf_export_opts o;
	struct lf_export_result res;
	const char *output = NULL, *format = NULL, *encoding = NULL;
	const struct lf_form *form;
	struct lf_formset *set;
	struct lf_db *db;
	char *tmpdir = NULL, *path = NULL;
	int c, rc, list = 0, ambiguous;
	lf_status st;

	memset(&o, 0, sizeof o);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:f", opts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'F': format = optarg; break;
		case 'e': encoding = optarg; break;
		case 'r': o.replace = 1; break;
		case 't': o.table_only = 1; break;
		case 'U': o.filter.unit = optarg; break;
		case 'D': o.filter.dept = optarg; break;
		case 'P': o.filter.person = optarg; break;
		case 'C':
			if (parse_year(optarg, &o.filter.year))
				return lf_cli_usage(&lf_cmd_export, "--cycle 应为年度，如 2026，而不是“%s”。", optarg);
			break;
		case 'W':
			o.width = atoi(optarg);
			if (o.width < 40 || o.width > 1000)
				return lf_cli_usage(&lf_cmd_export, "--width 应为 40 到 1000 之间的整数。");
			break;
		case 'f': o.overwrite = 1; break;
		case 'L': list = 1; break;
		default:
			if (lf_cli_common_opt(cli, &lf_cmd_export, c, optarg, &rc))
				return rc;
		}
	}
	set = lf_formset_load(cli->forms_dir, warn, NULL);
	if (list) {
		rc = list_tables(set);
		lf_formset_free(set);
		return rc;
	}
	if (argc - optind != 1) {
		lf_formset_free(set);
		return lf_cli_usage(&lf_cmd_export, argc - optind ? "只能给出一个表格。" : "要写出导出哪张表格。");
	}
	if (!(form = find_table(set, argv[optind], &ambiguous))) {
		lf_formset_free(set);
		return lf_cli_usage(&lf_cmd_export, ambiguous ? "“%s”可以指好几张表格，请写得更具体（lianfang export --list）。"
		                                               : "没有“%s”这张表格（lianfang export --list 列出全部）。",
		                    argv[optind]);
	}
	if (!output) {
		lf_formset_free(set);
		return lf_cli_usage(&lf_cmd_export, "要用 -o 指定写到哪个文件（“-”表示标准输出）。");
	}
	if (format ? lf_xformat_parse(format, &o.format) : lf_xformat_from_path(output, &o.format)) {
		lf_formset_free(set);
		return lf_cli_usage(&lf_cmd_export, format ? "--format 应为 xlsx、csv 或 txt，而不是“%s”。"
		                                           : "从文件名“%s”看不出格式，请加 --format xlsx|csv|txt。",
		                    format ? format : output);
	}
	o.encoding = o.format == LF_XFMT_CSV ? LF_ENC_UTF8_BOM : LF_ENC_UTF8;
	if (encoding && lf_encoding_parse(encoding, &o.encoding)) {
		lf_formset_free(set);
		return lf_cli_usage(&lf_cmd_export, "--encoding 应为 utf-8、utf-8-bom、gbk 或 gb18030，而不是“%s”。", encoding);
	}
	if ((rc = lf_cli_open(cli, NULL, LF_OPEN_READ, &db))) {
		lf_formset_free(set);
		return rc;
	}
	if (!strcmp(output, "-")) {
		const char *t = getenv("TMPDIR");

		tmpdir = lf_printf("%s/lianfang-export-XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(tmpdir)) {
			rc = lf_cli_fail("无法建立临时目录：%s", strerror(errno));
			goto out;
		}
		path = lf_printf("%s/out", tmpdir);
	} else {
		path = lf_strdup(output);
	}
	o.problem = problem;
	if (isatty(2))
		o.progress = progress;
	st = lf_export(db, form, path, &o, &res);
	if (st == LF_OK && res.note[0]) /* as the lists say it */
		fprintf(tmpdir ? stderr : stdout, "（只显示你有权查看的：%s）\n", res.note);
	if (st) {
		rc = lf_cli_fail("%s", lf_errmsg(db, st));
	} else if (tmpdir) {
		rc = copy_out(path) ? lf_cli_fail("写到标准输出失败。") : LF_EXIT_OK;
	} else {
		printf("已导出“%s”到 %s：%ld 份，%ld 行，%s%s。\n", form->title, output, res.docs, res.rows,
		       o.format == LF_XFMT_XLSX ? "Excel 工作簿" : lf_encoding_label(o.encoding),
		       res.problems ? "（有些字写成了 [U+XXXX]，见上）" : "");
		rc = LF_EXIT_OK;
	}
out:
	if (tmpdir) {
		if (path)
			unlink(path);
		rmdir(tmpdir);
	}
	lf_free(path);
	lf_free(tmpdir);
	lf_db_close(db);
	lf_formset_free(set);
	return rc;
}
