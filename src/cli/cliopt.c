/* cliopt: helpers for the workflow commands (include/lianfang/cliopt.h). */
#include "lianfang/cliopt.h"
#include "lianfang/cycle.h"
#include "lianfang/flow.h"
#include "lianfang/lookup.h"
#include "lianfang/perm.h"
#include "lianfang/review.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

int lf_cli_dispatch(struct lf_cli *cli, const struct lf_cmd *cmd, const struct lf_sub *subs, int argc, char **argv)
{
	const struct lf_sub *s;

	if (argc < 2)
		return lf_cli_usage(cmd, "缺少子命令。");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(cmd->usage, stdout);
		return LF_EXIT_OK;
	}
	for (s = subs; s->name; s++)
		if (!strcmp(s->name, argv[1]))
			return s->run(cli, cmd, argc - 1, argv + 1);
	return lf_cli_usage(cmd, "没有“%s”这个子命令。", argv[1]);
}

int lf_cli_parse(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, const struct lf_opt *opts,
                 int *first)
{
	struct option common[] = { LF_CLI_COMMON_OPTIONS };
	struct option *table;
	int n = 0, i, c, rc = -1;

	while (opts && opts[n].name)
		n++;
	table = lf_alloc(((size_t)n + LF_COUNT(common) + 1) * sizeof *table);
	for (i = 0; i < n; i++) {
		table[i].name = opts[i].name;
		table[i].has_arg = opts[i].flag ? no_argument : required_argument;
		table[i].val = 0x200 + i;
	}
	memcpy(table + n, common, sizeof common);
	optind = 0;
	opterr = 0;
	while (rc < 0 && (c = getopt_long(argc, argv, "h", table, NULL)) != -1) {
		if (c >= 0x200 && c < 0x200 + n) {
			*opts[c - 0x200].value = opts[c - 0x200].flag ? "1" : optarg;
		} else if (c == '?') {
			if (optopt >= 0x200 && optopt < 0x200 + n)
				rc = lf_cli_usage(cmd, "选项 --%s 需要一个值。", opts[optopt - 0x200].name);
			else if (optopt >= 0x100 && optopt <= 0x102)
				rc = lf_cli_usage(cmd, "选项 %s 需要一个值。", argv[optind - 1]);
			else
				rc = lf_cli_usage(cmd, "无法识别的选项“%s”。", argv[optind - 1]);
		} else if (lf_cli_common_opt(cli, cmd, c, optarg, &rc) == 0) {
			rc = -1;
		}
	}
	*first = optind;
	lf_free(table);
	return rc;
}

int lf_cli_positional(const struct lf_cmd *cmd, int argc, char **argv, int first, int n, const char *what)
{
	if (argc - first < n)
		return lf_cli_usage(cmd, "缺少%s。", what);
	if (argc - first > n)
		return lf_cli_usage(cmd, "多余的参数“%s”。", argv[first + n]);
	return -1;
}

int lf_cli_db(struct lf_cli *cli, int write, struct lf_db **db)
{
	return lf_cli_open(cli, NULL, write ? LF_OPEN_WRITE : LF_OPEN_READ, db);
}

int lf_cli_status(struct lf_db *db, lf_status st)
{
	return lf_cli_fail("%s", lf_errmsg(db, st));
}

lf_status lf_cli_find(struct lf_db *db, const char *kind, const char *text, char gid[LF_GID_LEN + 1])
{
	return lf_lookup(db, kind, text, NULL, NULL, gid);
}

lf_status lf_cli_find_post(struct lf_db *db, const char *text, const char *dept_text, char gid[LF_GID_LEN + 1])
{
	char dept[LF_GID_LEN + 1];
	lf_status s;

	if (!dept_text)
		return lf_lookup(db, "post", text, NULL, NULL, gid);
	if ((s = lf_lookup(db, "dept", dept_text, NULL, NULL, dept)))
		return s;
	return lf_lookup(db, "post", text, "dept", dept, gid);
}

lf_status lf_cli_cycle(struct lf_db *db, const char *year, char gid[LF_GID_LEN + 1], int *out_year)
{
	struct lf_cycle_list l;
	lf_status s;

	if (year) {
		char *end;
		long y = strtol(year, &end, 10);

		if (*end || end == year)
			return lf_fail(db, LF_INVALID, "--cycle 应为年份（如 2026），而不是“%s”。", year);
		s = lf_cycle_by_year(db, (int)y, &l);
	} else {
		s = lf_cycle_current(db, &l);
	}
	if (s == LF_OK) {
		memcpy(gid, l.v[0].gid, LF_GID_LEN + 1);
		if (out_year)
			*out_year = l.v[0].year;
	}
	lf_cycle_list_free(&l);
	return s;
}

lf_status lf_cli_selfcheck(struct lf_db *db, const char *cycle, const char *text, const char *post_text,
                           char gid[LF_GID_LEN + 1])
{
	char person[LF_GID_LEN + 1], post[LF_GID_LEN + 1];
	lf_status s;

	if (lf_lookup_is_id(text) && lf_lookup(db, "selfcheck", text, NULL, NULL, gid) == LF_OK)
		return LF_OK;
	if ((s = lf_lookup(db, "person", text, NULL, NULL, person)))
		return lf_fail(db, s, "找不到自查表“%s”：它既不是自查表编号，也不是人员姓名。", text);
	if (post_text && (s = lf_cli_find_post(db, post_text, NULL, post)))
		return s;
	if ((s = lf_selfcheck_find(db, cycle, person, post_text ? post : NULL, gid)) == LF_NOTFOUND)
		return lf_fail(db, s, "%s在本年度还没有自查表（可用 lianfang selfcheck new --person %s 建立）。", text, text);
	return s;
}

lf_status lf_cli_step(struct lf_db *db, const char *power, const char *text, char gid[LF_GID_LEN + 1])
{
	size_t n = strlen(text);

	if (n && n <= 3 && strspn(text, "0123456789") == n && power)
		return lf_step_at(db, power, atoi(text), gid);
	return lf_lookup(db, "flow_step", text, NULL, NULL, gid);
}

void lf_cli_field(const char *indent, const char *label, const char *text)
{
	if (text && *text)
		printf("%s%s：%s\n", indent, label, text);
}

void lf_cli_review_line(const char *indent, const struct lf_review *r)
{
	printf("%s%s  %s", indent, r->signed_on, lf_review_step_label(r->step));
	if (r->result)
		printf("  %s", r->result);
	if (r->grade)
		printf("  %s", r->grade);
	if (r->rework_due)
		printf("  整改期限 %s", r->rework_due);
	printf("  签字：%s%s\n", r->signer, r->current ? "" : "  （签字后内容已修改，此签字不再有效）");
	if (r->opinion)
		printf("%s  意见：%s\n", indent, r->opinion);
}

void lf_cli_reopened(int reopened)
{
	if (reopened)
		printf("注意：这张自查表已经提交或签字，内容修改后原签字失效，已退回“填写中”，请修改完后重新提交审核。\n");
}

void lf_cli_more(const struct lf_page *pg)
{
	if (pg->next[0])
		printf("（还有更多；下一页：--after %s）\n", pg->next);
}

int lf_cli_paging(const struct lf_cmd *cmd, const char *limit, const char *after, struct lf_page *pg, int *all)
{
	char *end;
	long n = 100;

	*all = !limit;
	if (limit) {
		n = strtol(limit, &end, 10);
		if (*end || end == limit || n < 1 || n > LF_PAGE_MAX)
			return lf_cli_usage(cmd, "--limit 应为 1 到 %d 之间的整数，而不是“%s”。", LF_PAGE_MAX, limit);
	}
	lf_page_init(pg, (int)n);
	if (after)
		snprintf(pg->after, sizeof pg->after, "%s", after);
	return -1;
}

void lf_cli_reach_note(struct lf_db *db, const char *dept, FILE *to)
{
	char err[sizeof db->err], *note = NULL;

	memcpy(err, db->err, sizeof err);
	if (lf_perm_reach_note(db, LF_ACT_READ, dept, &note) == LF_OK && note)
		fprintf(to, "（只显示你有权查看的：%s）\n", note);
	lf_free(note);
	memcpy(db->err, err, sizeof err);
}
