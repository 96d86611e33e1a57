/* summary, search and heatmap: the summary table of risk points and
 * measures (seed 003 附件2), full-text search in it, and the heat map. */
#include "lianfang/cliopt.h"
#include "lianfang/grade.h"
#include "lianfang/heatmap.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_summary(struct lf_cli *cli, int argc, char **argv);
static int run_search(struct lf_cli *cli, int argc, char **argv);
static int run_heatmap(struct lf_cli *cli, int argc, char **argv);

#define FILTER_HELP \
	"  --dept 处室        只看这个处室（默认全单位）\n" \
	"  --level 等级       只看这个风险等级（本单位的等级名称，如 高）\n" \
	"  --category 类别    只看这个类别\n" \
	"  --status 状态      只看自查表处于这个状态的（填写中、已提交、……、评估通过）\n" \
	"  --cycle 年份       年度（默认当前年度）\n"

const struct lf_cmd lf_cmd_summary = {
	"summary", "风险点及防控措施汇总表，可筛选",
	"用法：lianfang summary [--dept 处室] [--level 等级] [--category 类别] [--status 状态]\n"
	"                       [--search 文字] [--all] [--tsv] [--cycle 年份] [--limit N] [--after 位置]\n"
	"\n"
	"单位（处室）廉政风险点及防控措施汇总表：序号、姓名、岗位名称、岗位职责、潜在风险、\n"
	"防控措施、风险等级、备注，按处室、岗位、人员排列。风险等级为审定等级；与矩阵建议不同\n"
	"的在备注中写明。\n"
	"\n" FILTER_HELP
	"  --search 文字      在风险描述、岗位职责和防控措施中查找（也可用 lianfang search）\n"
	"  --all              也列出已撤销的风险点\n"
	"  --tsv              以制表符分隔输出（第一行为表头），便于导入表格\n"
	"  --limit N          只输出一页 N 行，并给出下一页的 --after 位置\n",
	run_summary,
};

const struct lf_cmd lf_cmd_search = {
	"search", "在风险点、岗位职责和防控措施中查找文字",
	"用法：lianfang search 文字 [--dept 处室] [--level 等级] [--category 类别] [--status 状态]\n"
	"                      [--cycle 年份] [--limit N] [--after 位置]\n"
	"\n"
	"查找风险描述、岗位职责或防控措施中含有这段文字的风险点，按汇总表的格式列出。三个字以上\n"
	"用全文索引（SQLite FTS5 三元组），一两个字逐条比对。\n"
	"\n" FILTER_HELP,
	run_search,
};

const struct lf_cmd lf_cmd_heatmap = {
	"heatmap", "风险分布图：发生概率 × 危害程度",
	"用法：lianfang heatmap [--dept 处室] [--level 等级] [--category 类别] [--status 状态] [--cycle 年份]\n"
	"                       [--cell 概率,危害]\n"
	"\n"
	"按发生概率（行，自上而下由高到低）和危害程度（列，自左而右由低到高）列出每格的风险点数\n"
	"和矩阵给出的等级，并按审定等级合计。--cell 2,3 列出发生概率 2、危害程度 3 这一格的风险点。\n"
	"\n" FILTER_HELP,
	run_heatmap,
};

struct filter_opts {
	const char *year, *dept, *level, *category, *status, *search, *all, *tsv, *limit, *after, *cell;
	char cycle[LF_GID_LEN + 1], dg[LF_GID_LEN + 1];
};

#define FILTER_OPTS(o) \
	{ "cycle", &(o).year, 0 }, { "dept", &(o).dept, 0 }, { "level", &(o).level, 0 }, \
	{ "category", &(o).category, 0 }, { "status", &(o).status, 0 }, { "limit", &(o).limit, 0 }, \
	{ "after", &(o).after, 0 }

static lf_status make_filter(struct lf_db *db, struct filter_opts *o, const struct lf_scheme *sc,
                             struct lf_summary_filter *f)
{
	lf_status s;

	memset(f, 0, sizeof *f);
	if ((s = lf_cli_cycle(db, o->year, o->cycle, NULL)))
		return s;
	f->cycle = o->cycle;
	if (o->dept && (s = lf_cli_find(db, "dept", o->dept, o->dg)))
		return s;
	f->dept = o->dept ? o->dg : NULL;
	if (o->level && (s = lf_scheme_level_parse(db, sc, o->level, &f->level)))
		return s;
	f->category = o->category;
	if (o->status && !(f->status = lf_selfcheck_status_parse(o->status)))
		return lf_fail(db, LF_INVALID, "--status 应为 填写中、已提交、处室负责人已签字、分管领导已签字、退回整改、"
		               "评估通过 之一，而不是“%s”。", o->status);
	f->text = o->search;
	f->with_retired = o->all != NULL;
	return LF_OK;
}

/* 备注: the remarks and, when the decided level differs, the proposal and why. */
static char *remarks(const struct lf_summary_row *r, const struct lf_scheme *sc)
{
	struct lf_buf b;

	lf_buf_init(&b);
	if (r->remarks)
		lf_buf_adds(&b, r->remarks);
	if (r->level_proposed && r->level != r->level_proposed)
		lf_buf_addf(&b, "%s矩阵建议“%s”，审定为“%s”：%s", b.len ? "；" : "", lf_scheme_level_name(sc, r->level_proposed),
		            lf_scheme_level_name(sc, r->level), r->level_reason ? r->level_reason : "");
	return lf_buf_steal(&b);
}

/* Measures "1. …\n2. …" on one line for TSV, or indented lines. */
static void print_measures(const char *m, int tsv)
{
	const char *p = m;
	int n = 1;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		if (tsv)
			printf("%s%d. %.*s", n > 1 ? "；" : "", n, len, p);
		else
			printf("    %d. %.*s\n", n, len, p);
		n++;
		p = nl ? nl + 1 : NULL;
	}
	if (!tsv && n == 1)
		printf("    （尚无）\n");
}

static void tsv_text(const char *s)
{
	for (; s && *s; s++)
		putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

static void print_row(const struct lf_summary_row *r, const struct lf_scheme *sc, int tsv)
{
	char *rem = remarks(r, sc);
	const char *level = r->level ? lf_scheme_level_name(sc, r->level) : "未评级";

	if (tsv) {
		printf("%d\t", r->no);
		tsv_text(r->person_name ? r->person_name : "");
		putchar('\t');
		tsv_text(r->post_name);
		putchar('\t');
		tsv_text(r->duties);
		putchar('\t');
		tsv_text(r->description);
		putchar('\t');
		print_measures(r->measures, 1);
		printf("\t%s\t", level);
		tsv_text(rem);
		putchar('\n');
	} else {
		printf("%d. %s  %s  %s  风险等级：%s  （风险点 %.8s%s%s）\n", r->no, r->dept_name, r->post_name,
		       r->person_name ? r->person_name : "（岗位）", level, r->risk, r->status ? "，" : "",
		       r->status ? lf_selfcheck_status_label(r->status) : "");
		lf_cli_field("  ", "岗位职责", r->duties);
		printf("  潜在风险：%s%s%s%s\n", r->description, r->category ? "（" : "", r->category ? r->category : "",
		       r->category ? "）" : "");
		printf("  防控措施：\n");
		print_measures(r->measures, 0);
		lf_cli_field("  ", "备注", rem);
	}
	lf_free(rem);
}

static lf_status print_pages(struct lf_db *db, const struct lf_summary_filter *f, struct lf_page *pg, int all,
                             const struct lf_scheme *sc, int tsv, int *rows)
{
	lf_status st;
	int i;

	*rows = 0;
	do {
		struct lf_summary_list l;

		if ((st = lf_summary_page(db, f, pg, &l)))
			break;
		for (i = 0; i < l.n; i++)
			print_row(&l.v[i], sc, tsv);
		*rows += l.n;
		lf_summary_list_free(&l);
	} while (all && lf_page_advance(pg));
	if (st == LF_OK && !all && !tsv)
		lf_cli_more(pg);
	return st;
}

static int table(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, int search)
{
	struct filter_opts o;
	struct lf_opt opts[] = { FILTER_OPTS(o), { "search", &o.search, 0 }, { "all", &o.all, 1 }, { "tsv", &o.tsv, 1 },
	                         { NULL, NULL, 0 } };
	struct lf_opt search_opts[] = { FILTER_OPTS(o), { NULL, NULL, 0 } };
	struct lf_summary_filter f;
	struct lf_scheme sc;
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, all, rows = 0;

	memset(&o, 0, sizeof o);
	if ((rc = lf_cli_parse(cli, cmd, argc, argv, search ? search_opts : opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, search, "要查找的文字")) >= 0 ||
	    (rc = lf_cli_paging(cmd, o.limit, o.after, &pg, &all)) >= 0)
		return rc;
	if (search)
		o.search = argv[first];
	if (search && !*o.search)
		return lf_cli_usage(cmd, "要查找的文字不能为空。");
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	if ((st = lf_scheme_load(db, &sc)) == LF_OK) {
		st = make_filter(db, &o, &sc, &f);
		if (st == LF_OK)
			lf_cli_reach_note(db, f.dept, o.tsv ? stderr : stdout);
		if (st == LF_OK && o.tsv)
			printf("序号\t姓名\t岗位名称\t岗位职责\t潜在风险\t防控措施\t风险等级\t备注\n");
		if (st == LF_OK)
			st = print_pages(db, &f, &pg, all, &sc, o.tsv != NULL, &rows);
		if (st == LF_OK && !o.tsv && (search || all))
			printf("%s %d 个风险点%s。\n", search ? "共找到" : "共", rows,
			       search ? (lf_search_uses_index(o.search) ? "（全文索引）" : "（逐条比对）") : "");
		lf_scheme_free(&sc);
	}
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}

static int run_summary(struct lf_cli *cli, int argc, char **argv)
{
	return table(cli, &lf_cmd_summary, argc, argv, 0);
}

static int run_search(struct lf_cli *cli, int argc, char **argv)
{
	return table(cli, &lf_cmd_search, argc, argv, 1);
}

static int parse_cell(const struct lf_cmd *cmd, const char *text, int size, int *p, int *s)
{
	char *end, *end2;
	long a = strtol(text, &end, 10), b;

	if (end == text || (*end != ',' && strncmp(end, "，", 3)))
		return lf_cli_usage(cmd, "--cell 应写成“概率,危害”，如 2,3，而不是“%s”。", text);
	end += *end == ',' ? 1 : 3;
	b = strtol(end, &end2, 10);
	if (end2 == end || *end2 || a < 1 || a > size || b < 1 || b > size)
		return lf_cli_usage(cmd, "--cell 的两个数应在 1 到 %d 之间，而不是“%s”。", size, text);
	*p = (int)a;
	*s = (int)b;
	return -1;
}

static int run_heatmap(struct lf_cli *cli, int argc, char **argv)
{
	const struct lf_cmd *cmd = &lf_cmd_heatmap;
	struct filter_opts o;
	struct lf_opt opts[] = { FILTER_OPTS(o), { "cell", &o.cell, 0 }, { NULL, NULL, 0 } };
	struct lf_summary_filter f;
	struct lf_heatmap h;
	struct lf_lines lines;
	struct lf_scheme sc;
	struct lf_page pg;
	struct lf_db *db;
	lf_status st;
	int first, rc, all, i, rows;

	memset(&o, 0, sizeof o);
	if ((rc = lf_cli_parse(cli, cmd, argc, argv, opts, &first)) >= 0 ||
	    (rc = lf_cli_positional(cmd, argc, argv, first, 0, "")) >= 0 ||
	    (rc = lf_cli_paging(cmd, o.limit, o.after, &pg, &all)) >= 0)
		return rc;
	if ((rc = lf_cli_db(cli, 0, &db)))
		return rc;
	if ((st = lf_scheme_load(db, &sc))) {
		rc = lf_cli_status(db, st);
		lf_db_close(db);
		return rc;
	}
	if (o.cell && (rc = parse_cell(cmd, o.cell, sc.size, &f.probability, &f.severity)) >= 0) {
		lf_scheme_free(&sc);
		lf_db_close(db);
		return rc;
	}
	{
		int p = o.cell ? f.probability : 0, s = o.cell ? f.severity : 0;

		st = make_filter(db, &o, &sc, &f);
		f.probability = p;
		f.severity = s;
	}
	if (st == LF_OK)
		lf_cli_reach_note(db, f.dept, stdout);
	if (st == LF_OK && !o.cell && (st = lf_heatmap_get(db, &f, &h)) == LF_OK) {
		memset(&lines, 0, sizeof lines);
		lf_heatmap_lines(&h, &sc, &lines);
		for (i = 0; i < lines.n; i++)
			printf("%s\n", lines.v[i].text);
		lf_lines_free(&lines);
	} else if (st == LF_OK) {
		printf("发生概率 %d（%s）、危害程度 %d（%s）这一格（矩阵等级：%s）的风险点：\n", f.probability,
		       sc.prob[f.probability], f.severity, sc.severity[f.severity],
		       lf_scheme_level_name(&sc, lf_scheme_propose(&sc, f.probability, f.severity)));
		st = print_pages(db, &f, &pg, all, &sc, 0, &rows);
		if (st == LF_OK && all)
			printf("共 %d 个风险点。\n", rows);
	}
	lf_scheme_free(&sc);
	rc = st ? lf_cli_status(db, st) : LF_EXIT_OK;
	lf_db_close(db);
	return rc;
}
