/* import: CSV tables into records (include/lianfang/import.h).
 *
 * The file is read as a stream twice by the same function, pass(): the
 * first time every row is checked and nothing is written; the second time,
 * only if nothing was wrong, every row is applied inside one transaction,
 * which a dry run rolls back. Nothing about the file is kept between rows
 * except the previous row's merged cells (for cells Excel leaves empty when
 * it saves merged cells as CSV), so memory stays the same whatever the size
 * of the file. Column headers are matched by their Chinese text: the form's
 * own labels first, then the names offices commonly use. */
#include "lianfang/import.h"
#include "lianfang/perm.h"
#include "lianfang/csv.h"
#include "lianfang/encoding.h"
#include "lianfang/grade.h"
#include "lianfang/import_model.h"
#include "lianfang/rec.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum fld {
	F_SEQ, F_DEPT, F_POST, F_PERSON, F_DUTIES, F_RISK, F_MEASURES, F_LEVEL, F_REMARKS, F_CATEGORY,
	F_SOURCE, F_FOUND_BY, F_PROBABILITY, F_SEVERITY, F_LEVEL_PROPOSED, F_LEVEL_REASON, F_POWER, F_N
};

static const struct field {
	const char *source;   /* the data source column it is */
	const char *aliases;  /* headers offices use for it, '|'-separated */
	const char *kind, *kfield; /* where it is stored: its length limit */
	const char *name;     /* what messages call it when the file has no such column */
} fields[F_N] = {
	[F_SEQ] = { "seq", "序号|编号", NULL, NULL, "序号" },
	[F_DEPT] = { "dept", "处室|部门|科室|处室名称|部门名称|科室名称|处室(部门)", "dept", "name", "处室" },
	[F_POST] = { "post", "岗位名称|岗位", "post", "name", "岗位名称" },
	[F_PERSON] = { "person", "姓名|人员", "person", "name", "姓名" },
	[F_DUTIES] = { "duties", "岗位职责|职责", "post", "duties", "岗位职责" },
	[F_RISK] = { "risk", "潜在风险|风险点|廉政风险点|风险点描述|风险描述|风险内容", "risk", "description", "潜在风险" },
	[F_MEASURES] = { "measures", "防控措施|防范措施|防控措施内容", "measure", "content", "防控措施" },
	[F_LEVEL] = { "level", "风险等级|等级", NULL, NULL, "风险等级" },
	[F_REMARKS] = { "remarks", "备注", "risk", "remarks", "备注" },
	[F_CATEGORY] = { "category", "风险类别|类别", "risk", "category", "风险类别" },
	[F_SOURCE] = { "source", "风险来源", "risk", "source", "风险来源" },
	[F_FOUND_BY] = { "found_by", "查找方式", "risk", "found_by", "查找方式" },
	[F_PROBABILITY] = { "probability", "发生概率|概率", NULL, NULL, "发生概率" },
	[F_SEVERITY] = { "severity", "危害程度", NULL, NULL, "危害程度" },
	[F_LEVEL_PROPOSED] = { "level_proposed", "建议等级", NULL, NULL, "建议等级" },
	[F_LEVEL_REASON] = { "level_reason", "调整理由", "risk", "level_reason", "调整理由" },
	[F_POWER] = { "power", "所属职权|职权", "power", "name", "所属职权" },
};

#define HEADER_SEARCH 30   /* records looked at for the column headers */
#define MAX_MEASURES 100   /* in one cell */

const char *lf_import_what_label(enum lf_import_what w)
{
	static const char *const labels[] = { "年度", "处室", "岗位", "人员", "风险点", "防控措施" };

	return w < LF_IW_N ? labels[w] : "?";
}

lf_status lf_import_allowed(struct lf_db *db)
{
	return lf_perm_check(db, LF_ACT_IMPORT, NULL);
}

int lf_import_supports(const struct lf_form *form)
{
	return form->type == LF_FORM_TABLE && form->source &&
	       (!strcmp(form->source, "summary") || !strcmp(form->source, "risks"));
}

struct imp {
	struct lf_db *db;
	const struct lf_form *form;
	const struct lf_import_opts *o;
	struct lf_import_result *res;
	const char *path;
	FILE *fp;
	long long size, base;       /* file size; bytes counted before this pass */
	enum lf_encoding enc;
	struct lf_decoder *dec;
	int apply;
	long reported;              /* problems reported to o->bad */
	/* the header */
	int found;
	long hdr_line;
	int col[F_N];               /* the file's column for each field, -1 */
	int ncells;                 /* cells in the header row */
	char **hdr;                 /* header cells as written, for messages */
	char **hnorm;               /* and normalised */
	int merge_order[F_N], nmerge;
	long records;               /* non-blank records before the header */
	char *other_table;          /* a title that names another table */
	char *hdr_dept;             /* the department the header lines name */
	int hdr_year;
	/* rows */
	char *v[F_N];               /* this row's values */
	char *prev[F_N];            /* the previous row's, for merged cells */
	int have_prev;
	long line;
	int row_bad;
	struct lf_scheme scheme;     /* the unit's grading scheme: level names, lists, matrix */
	char level_names[256];
	int max[F_N];               /* length limits */
	/* applying */
	struct lf_im m;              /* the model's records the rows name */
	sqlite3_stmt *seen;
	long failed_line;           /* the row the model refused, 0: none */
};

/* ------------------------------------------------------------------ text helpers */

/* Trim ASCII blanks and U+3000 at both ends, in place. */
static char *trim(char *s)
{
	char *e;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
			e--;
		else if (e - s >= 3 && !strncmp(e - 3, "\xe3\x80\x80", 3))
			e -= 3;
		else
			break;
	}
	*e = 0;
	return s;
}

static char *trimmed_copy(const char *s)
{
	char *c = lf_strdup(s), *t = trim(c);

	memmove(c, t, strlen(t) + 1);
	return c;
}

/* A header as compared: no blanks or line breaks anywhere, （）as (). */
static char *normalize(const char *s)
{
	struct lf_buf b;

	lf_buf_init(&b);
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else if (!strncmp(s, "（", 3))
			lf_buf_addc(&b, '('), s += 3;
		else if (!strncmp(s, "）", 3))
			lf_buf_addc(&b, ')'), s += 3;
		else
			lf_buf_addc(&b, *s++);
	}
	if (!b.s)
		lf_buf_adds(&b, "");
	return lf_buf_steal(&b);
}

static int in_list(const char *list, const char *v)
{
	size_t n = strlen(v);
	const char *p = list;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char *one = lf_strndup(p, len), *norm = normalize(one);
		int same = strlen(norm) == n && !memcmp(norm, v, n);

		lf_free(one);
		lf_free(norm);
		if (same)
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

static int field_of_source(const char *source)
{
	int f;

	for (f = 0; f < F_N; f++)
		if (!strcmp(fields[f].source, source))
			return f;
	return -1;
}

/* Which field a (normalised) header names: the form's own label, then the
 * common names. -1 if none. */
static int field_of_header(const struct imp *im, const char *norm)
{
	int i, f;

	if (!*norm)
		return -1;
	for (i = 0; i < im->form->ncolumns; i++) {
		char *label = normalize(im->form->columns[i].label);
		int same = !strcmp(label, norm);

		lf_free(label);
		if (same)
			return field_of_source(im->form->columns[i].source);
	}
	for (f = 0; f < F_N; f++)
		if (in_list(fields[f].aliases, norm))
			return f;
	return -1;
}

static const char *field_label(const struct imp *im, int f)
{
	int i;

	if (im->col[f] >= 0 && im->hdr)
		return im->hdr[im->col[f]];
	for (i = 0; i < im->form->ncolumns; i++)
		if (!strcmp(im->form->columns[i].source, fields[f].source))
			return im->form->columns[i].label;
	return fields[f].name;
}

static int field_max(int f)
{
	const struct lf_kind *k = fields[f].kind ? lf_kind_find(fields[f].kind) : NULL;
	int i = k ? lf_field_index(k, fields[f].kfield) : -1;

	return i >= 0 ? k->fields[i].max : 0;
}

/* ------------------------------------------------------------------ reports */

static void bad(struct imp *im, long line, const char *column, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void bad(struct imp *im, long line, const char *column, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->row_bad = 1;
	im->reported++;
	if (im->o->bad)
		im->o->bad(im->o->ctx, line, column ? column : "", msg);
}

static void note(struct imp *im, enum lf_import_what w, enum lf_im_act act, const char *gid, const char *name)
{
	static const enum lf_import_act map[] = { LF_IA_NEW, LF_IA_SAME, LF_IA_CHANGED };
	struct lf_import_note n;

	/* A record found again on a later row is counted once. */
	if (act == LF_IM_FOUND && im->seen) {
		int first;

		sqlite3_reset(im->seen);
		sqlite3_bind_text(im->seen, 1, gid, -1, SQLITE_TRANSIENT);
		sqlite3_step(im->seen);
		first = sqlite3_changes(im->db->sql) > 0;
		sqlite3_reset(im->seen);
		if (!first)
			return;
	} else if (im->seen) {
		sqlite3_reset(im->seen);
		sqlite3_bind_text(im->seen, 1, gid, -1, SQLITE_TRANSIENT);
		sqlite3_step(im->seen);
		sqlite3_reset(im->seen);
	}
	im->res->counts[w][map[act]]++;
	n.what = w;
	n.act = map[act];
	n.name = name;
	n.line = im->line;
	if (im->o->note)
		im->o->note(im->o->ctx, &n);
}

/* ------------------------------------------------------------------ the header */

/* A year written in a header line ("年度：2026年度", "填表日期：2026年4月20日"). */
static int year_in(const char *s)
{
	const char *p = s;

	while ((p = strpbrk(p, "0123456789"))) {
		char *end;
		long y = strtol(p, &end, 10);

		if (end - p == 4 && y >= 2000 && y <= 2100)
			return (int)y;
		p = end;
	}
	return 0;
}

/* The unit's name, for reading "单位名称：本单位 处室" lines. */
static void unit_name(struct imp *im, char *out, size_t len)
{
	struct lf_unit u;

	out[0] = 0;
	if (lf_unit_get(im->db, im->db->unit, &u) != LF_OK)
		return;
	snprintf(out, len, "%s", u.name ? u.name : "");
	lf_unit_clear(&u);
}

/* A line above the table: the year it names ("年度：2026年度",
 * "填表日期：2026年4月20日"), and the department a "单位名称：…" line
 * names after the unit's own name. */
static void header_line(struct imp *im, const char *text)
{
	static const char *const unit_keys[] = { "单位名称：", "单位名称:", "单位（处室）名称：", "单位(处室)名称:",
	                                          "单位（处室）：", "单位(处室):" };
	static const char *const year_keys[] = { "年度：", "填表日期：", "填报日期：", "导出日期：", "年度:" };
	char uname[256];
	size_t i;

	for (i = 0; i < LF_COUNT(year_keys); i++) {
		const char *at = strstr(text, year_keys[i]);

		if (at && !im->hdr_year)
			im->hdr_year = year_in(at + strlen(year_keys[i]));
	}
	for (i = 0; i < LF_COUNT(unit_keys); i++) {
		size_t n = strlen(unit_keys[i]);
		char *v, *cut, *d;

		if (strncmp(text, unit_keys[i], n))
			continue;
		v = lf_strdup(text + n);
		/* the rest of the line may say more: "…　　年度：2026年度" */
		if ((cut = strstr(v, "　　")) || (cut = strstr(v, "  ")))
			*cut = 0;
		d = trim(v);
		lf_free(im->hdr_dept);
		im->hdr_dept = NULL;
		unit_name(im, uname, sizeof uname);
		if (*uname && !strncmp(d, uname, strlen(uname))) {
			char *rest = trim(d + strlen(uname));

			if (*rest)
				im->hdr_dept = lf_strdup(rest);
		}
		lf_free(v);
		break;
	}
}

/* Nothing but blanks (ASCII or U+3000). */
static int empty_text(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			return !*s;
	}
}

/* Only one cell of the record has text: its index, else -1. */
static int single_cell(struct lf_csv *c)
{
	int i, which = -1;

	for (i = 0; i < lf_csv_count(c); i++) {
		if (empty_text(lf_csv_get(c, i)))
			continue;
		if (which >= 0)
			return -1;
		which = i;
	}
	return which;
}

static int is_blank(struct lf_csv *c)
{
	int i;

	for (i = 0; i < lf_csv_count(c); i++)
		if (!empty_text(lf_csv_get(c, i)))
			return 0;
	return 1;
}

/* A line of the form itself around the table: its title, a header or footer
 * line ("单位名称：…", "处室负责人意见：…"), a signature line or a note. */
static int is_decoration(struct imp *im, const char *text)
{
	int i;

	if (!strcmp(text, im->form->title) || !strncmp(text, "签字：", strlen("签字：")) ||
	    !strncmp(text, "注：", strlen("注：")))
		return 1;
	for (i = 0; i < im->form->nheader + im->form->nfooter; i++) {
		const char *line = i < im->form->nheader ? im->form->header[i] : im->form->footer[i - im->form->nheader];
		const char *brace = strchr(line, '{');
		size_t n = brace ? (size_t)(brace - line) : strlen(line);
		char *fixed = lf_strndup(line, n), *t = trim(fixed);
		int hit = *t && !strncmp(text, t, strlen(t));

		lf_free(fixed);
		if (hit)
			return 1;
	}
	return 0;
}

/* The title of another table form, when the text is one. */
static void other_title(struct imp *im, const char *text)
{
	int i;

	if (!im->o->forms || im->other_table)
		return;
	for (i = 0; i < lf_formset_count(im->o->forms); i++) {
		const struct lf_form *f = lf_formset_at(im->o->forms, i);

		if (f->type == LF_FORM_TABLE && f != im->form && strcmp(f->title, im->form->title) &&
		    !strcmp(f->title, text))
			im->other_table = lf_strdup(f->title);
	}
}

static void free_header(struct imp *im)
{
	int i;

	for (i = 0; im->hdr && i < im->ncells; i++) {
		lf_free(im->hdr[i]);
		lf_free(im->hnorm[i]);
	}
	lf_free(im->hdr);
	lf_free(im->hnorm);
	im->hdr = im->hnorm = NULL;
	im->ncells = 0;
}

/* Is this record the column headers? Then check them (-1 on a fatal problem). */
static int try_header(struct imp *im, struct lf_csv *c)
{
	int i, f, matched = 0, n = lf_csv_count(c), problems = 0;
	int seen[F_N];

	for (i = 0; i < n; i++) {
		char *norm = normalize(lf_csv_get(c, i));

		matched += field_of_header(im, norm) >= 0;
		lf_free(norm);
	}
	if (matched < 2)
		return 0;
	im->found = 1;
	im->hdr_line = lf_csv_line(c);
	im->res->header_line = im->hdr_line;
	im->ncells = n;
	im->hdr = lf_alloc((size_t)n * sizeof *im->hdr);
	im->hnorm = lf_alloc((size_t)n * sizeof *im->hnorm);
	for (f = 0; f < F_N; f++)
		im->col[f] = -1, seen[f] = -1;
	im->res->columns[0] = 0;
	for (i = 0; i < n; i++) {
		im->hdr[i] = trimmed_copy(lf_csv_get(c, i));
		im->hnorm[i] = normalize(im->hdr[i]);
		if (!*im->hnorm[i])
			continue;
		f = field_of_header(im, im->hnorm[i]);
		if (f < 0) {
			bad(im, im->hdr_line, "", "第 %d 列“%s”不是“%s”的列%s%s%s。请删去这一列，或改成表中的列名。", i + 1,
			    im->hdr[i], im->form->title, im->other_table ? "（这个文件像是“" : "",
			    im->other_table ? im->other_table : "", im->other_table ? "”）" : "");
			problems++;
			continue;
		}
		if (seen[f] >= 0) {
			bad(im, im->hdr_line, "", "列“%s”（第 %d 列）和“%s”（第 %d 列）是同一项，只能有一列。",
			    im->hdr[i], i + 1, im->hdr[seen[f]], seen[f] + 1);
			problems++;
			continue;
		}
		seen[f] = i;
		im->col[f] = i;
		if (strlen(im->res->columns) + strlen(im->hdr[i]) + 4 < sizeof im->res->columns)
			snprintf(im->res->columns + strlen(im->res->columns), sizeof im->res->columns - strlen(im->res->columns),
			         "%s%s", im->res->columns[0] ? "、" : "", im->hdr[i]);
	}
	if (im->col[F_POST] < 0) {
		bad(im, im->hdr_line, "", "表中没有“岗位名称”（或“岗位”）列。");
		problems++;
	}
	if (im->col[F_RISK] < 0) {
		bad(im, im->hdr_line, "", "表中没有“潜在风险”（或“风险点”）列。");
		problems++;
	}
	if (!problems && im->col[F_DEPT] < 0 && !(im->o->dept && *im->o->dept) && !im->hdr_dept) {
		bad(im, im->hdr_line, "", "表中没有“处室”列，表头也没有写明处室（“单位名称：本单位名称 处室名称”）；"
		    "请用 --dept 指定这些风险点属于哪个处室。");
		problems++;
	}
	/* Merged columns in the order the form has them. */
	im->nmerge = 0;
	for (i = 0; i < im->form->ncolumns; i++) {
		f = field_of_source(im->form->columns[i].source);
		if (im->form->columns[i].merge && f >= 0 && im->col[f] >= 0)
			im->merge_order[im->nmerge++] = f;
	}
	return problems ? -1 : 1;
}

static int is_header_again(struct imp *im, struct lf_csv *c)
{
	int i, same = 0;

	/* The same cells as the header row (a table stacked under the first). */
	for (i = 0; i < lf_csv_count(c) && i < im->ncells; i++)
		same += *im->hdr[i] && !strcmp(lf_csv_get(c, i), im->hdr[i]);
	return same >= 2;
}

/* ------------------------------------------------------------------ rows */

static void clear_row(struct imp *im)
{
	int f;

	for (f = 0; f < F_N; f++) {
		lf_free(im->v[f]);
		im->v[f] = NULL;
	}
}

static void read_row(struct imp *im, struct lf_csv *c)
{
	int f, k, inside = im->have_prev;

	clear_row(im);
	for (f = 0; f < F_N; f++)
		im->v[f] = trimmed_copy(im->col[f] >= 0 ? lf_csv_get(c, im->col[f]) : "");
	/* Excel saves a merged cell as its value in the first row and empty
	 * cells under it; merged cells nest, so an empty cell continues the one
	 * above only while every merged cell before it in the row is empty too.
	 * "处室 filled, 岗位 empty" is a row without a post, not a merged cell. */
	for (k = 0; k < im->nmerge; k++) {
		f = im->merge_order[k];
		if (inside && !*im->v[f]) {
			lf_free(im->v[f]);
			im->v[f] = lf_strdup(im->prev[f]);
		} else {
			inside = 0;
		}
	}
	for (k = 0; k < im->nmerge; k++) {
		f = im->merge_order[k];
		lf_free(im->prev[f]);
		im->prev[f] = lf_strdup(im->v[f]);
	}
	im->have_prev = 1;
}

static const char *dept_of_row(struct imp *im)
{
	if (*im->v[F_DEPT])
		return im->v[F_DEPT];
	if (im->hdr_dept)
		return im->hdr_dept;
	if (im->o->dept && *im->o->dept)
		return im->o->dept;
	return "";
}

struct measure {
	char *stage, *content;
};

static const char *const stages[] = { "前期预防", "中期监控", "后期处置" };

/* "1." "1．" "1、" "(1)" "（1）" "1)" at the start of a line: its length, else 0. */
static size_t number_prefix(const char *s)
{
	const char *p = s;
	int open = 0;

	if (*p == '(')
		open = 1, p++;
	else if (!strncmp(p, "（", 3))
		open = 3, p += 3;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p - s - open > 3)
		return 0;
	if (open == 1 && *p == ')')
		p++;
	else if (open == 3 && !strncmp(p, "）", 3))
		p += 3;
	else if (open)
		return 0;
	else if (*p == '.' || *p == ')')
		p++;
	else if (!strncmp(p, "．", 3) || !strncmp(p, "、", 3) || !strncmp(p, "）", 3))
		p += 3;
	else
		return 0;
	while (*p == ' ')
		p++;
	return (size_t)(p - s);
}

/* Split a measures cell: numbered lines start measures (other lines go on
 * the one before); without numbers every line is one. A leading stage
 * ("前期预防：") is taken apart. Returns the count. */
static int split_measures(const char *cell, struct measure **out)
{
	char *copy = lf_strdup(cell), *line = copy, *next;
	struct measure *m = NULL;
	int n = 0, numbered = -1, k;

	for (; line; line = next) {
		size_t pre;
		char *t;

		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		t = trim(line);
		if (!*t)
			continue;
		pre = number_prefix(t);
		if (numbered < 0)
			numbered = pre > 0;
		if (numbered && !pre && n) {
			char *joined = lf_printf("%s\n%s", m[n - 1].content, t);

			lf_free(m[n - 1].content);
			m[n - 1].content = joined;
			continue;
		}
		m = lf_realloc(m, (size_t)(n + 1) * sizeof *m);
		m[n].stage = NULL;
		m[n].content = trimmed_copy(t + pre);
		n++;
	}
	for (k = 0; k < n; k++) {
		size_t s;

		for (s = 0; s < LF_COUNT(stages); s++) {
			size_t len = strlen(stages[s]);
			const char *rest = m[k].content + len;

			if (strncmp(m[k].content, stages[s], len))
				continue;
			if (!strncmp(rest, "：", 3))
				rest += 3;
			else if (*rest == ':')
				rest++;
			else
				continue;
			m[k].stage = lf_strdup(stages[s]);
			{
				char *c = trimmed_copy(rest);

				lf_free(m[k].content);
				m[k].content = c;
			}
			break;
		}
	}
	lf_free(copy);
	*out = m;
	return n;
}

static void free_measures(struct measure *m, int n)
{
	int k;

	for (k = 0; k < n; k++) {
		lf_free(m[k].stage);
		lf_free(m[k].content);
	}
	lf_free(m);
}

/* The ordinal of one of the unit's level names (grade.h); 0 for "" or none. */
static int level_of(const struct imp *im, const char *text)
{
	int i;

	for (i = 1; *text && i <= 3; i++)
		if (!strcmp(text, im->scheme.level[i]))
			return i;
	return 0;
}

static int parse_small_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	if (!*s)
		return *out = 0, 0;
	v = strtol(s, &end, 10);
	if (*end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static void check_list(struct imp *im, int f, char *const *list)
{
	struct lf_buf b;
	int i;

	if (!*im->v[f] || lf_scheme_has(list, im->v[f]))
		return;
	lf_buf_init(&b);
	for (i = 0; list[i]; i++)
		lf_buf_addf(&b, "%s%s", i ? "、" : "", list[i]);
	bad(im, im->line, field_label(im, f), "“%s”不是本单位设定的%s（应为 %s 之一；可用 lianfang scheme 修改）。",
	    im->v[f], fields[f].name, b.s);
	lf_buf_free(&b);
}

/* What the unit's grading scheme (grade.h) says of a row, as the model will:
 * categories, sources and ways of finding from its lists, scores within its
 * matrix, the proposed level the matrix's, and a level other than the
 * proposal with its reason. */
static void check_scheme(struct imp *im)
{
	const struct lf_scheme *sc = &im->scheme;
	int p = 0, sev = 0, proposed, level = level_of(im, im->v[F_LEVEL]);
	int given = level_of(im, im->v[F_LEVEL_PROPOSED]);

	check_list(im, F_CATEGORY, sc->categories);
	check_list(im, F_SOURCE, sc->sources);
	check_list(im, F_FOUND_BY, sc->found_by);
	if (parse_small_int(im->v[F_PROBABILITY], 1, sc->size, &p))
		bad(im, im->line, field_label(im, F_PROBABILITY), "“%s”应为 1 到 %d 的整数（本单位的矩阵为 %d×%d）。",
		    im->v[F_PROBABILITY], sc->size, sc->size, sc->size);
	if (parse_small_int(im->v[F_SEVERITY], 1, sc->size, &sev))
		bad(im, im->line, field_label(im, F_SEVERITY), "“%s”应为 1 到 %d 的整数（本单位的矩阵为 %d×%d）。",
		    im->v[F_SEVERITY], sc->size, sc->size, sc->size);
	proposed = lf_scheme_propose(sc, p, sev);
	if (given && !proposed)
		bad(im, im->line, field_label(im, F_LEVEL_PROPOSED), "是按本单位的矩阵由“%s”和“%s”得出的，这一行没有这两项；"
		    "请补上，或删去“%s”。", field_label(im, F_PROBABILITY), field_label(im, F_SEVERITY),
		    im->v[F_LEVEL_PROPOSED]);
	else if (given && given != proposed)
		bad(im, im->line, field_label(im, F_LEVEL_PROPOSED), "“%s”与本单位的矩阵不符：%s %d、%s %d 建议“%s”。",
		    im->v[F_LEVEL_PROPOSED], field_label(im, F_PROBABILITY), p, field_label(im, F_SEVERITY), sev,
		    lf_scheme_level_name(sc, proposed));
	if (level && proposed && level != proposed && !*im->v[F_LEVEL_REASON])
		bad(im, im->line, field_label(im, F_LEVEL), "“%s”与本单位的矩阵建议的“%s”不同，须在“%s”列写明调整理由。",
		    im->v[F_LEVEL], lf_scheme_level_name(sc, proposed), field_label(im, F_LEVEL_REASON));
}

/* Check one data row; reports every problem. */
static void check_row(struct imp *im)
{
	const char *dept = dept_of_row(im);
	struct measure *m;
	int f, n, k;

	for (f = 0; f < F_N; f++) {
		int max = im->max[f];

		if (im->col[f] < 0 || f == F_MEASURES)
			continue;
		if (lf_has_control(im->v[f]))
			bad(im, im->line, field_label(im, f), "含有控制字符（不可见的特殊字符）。");
		else if (max && (long)lf_utf8_chars(im->v[f]) > max)
			bad(im, im->line, field_label(im, f), "有 %zu 个字，最多 %d 个。", lf_utf8_chars(im->v[f]), max);
	}
	if (!*dept)
		bad(im, im->line, field_label(im, F_DEPT), "是空的，也没有用 --dept 指定处室。");
	else if ((long)lf_utf8_chars(dept) > im->max[F_DEPT])
		bad(im, im->line, field_label(im, F_DEPT), "处室名称太长（最多 %d 个字）。", im->max[F_DEPT]);
	if (!*im->v[F_POST])
		bad(im, im->line, field_label(im, F_POST), "是空的。");
	if (!*im->v[F_RISK])
		bad(im, im->line, field_label(im, F_RISK), "是空的。");
	if (*im->v[F_LEVEL] && !level_of(im, im->v[F_LEVEL]))
		bad(im, im->line, field_label(im, F_LEVEL), "“%s”不是风险等级（应为 %s 之一）。", im->v[F_LEVEL],
		    im->level_names);
	if (*im->v[F_LEVEL_PROPOSED] && !level_of(im, im->v[F_LEVEL_PROPOSED]))
		bad(im, im->line, field_label(im, F_LEVEL_PROPOSED), "“%s”不是风险等级（应为 %s 之一）。",
		    im->v[F_LEVEL_PROPOSED], im->level_names);
	check_scheme(im);
	if (lf_has_control(im->v[F_MEASURES])) {
		bad(im, im->line, field_label(im, F_MEASURES), "含有控制字符（不可见的特殊字符）。");
		return;
	}
	n = split_measures(im->v[F_MEASURES], &m);
	if (n > MAX_MEASURES)
		bad(im, im->line, field_label(im, F_MEASURES), "一个风险点有 %d 条措施，最多 %d 条。", n, MAX_MEASURES);
	for (k = 0; k < n; k++)
		if ((long)lf_utf8_chars(m[k].content) > im->max[F_MEASURES])
			bad(im, im->line, field_label(im, F_MEASURES), "第 %d 条措施有 %zu 个字，最多 %d 个。", k + 1,
			    lf_utf8_chars(m[k].content), im->max[F_MEASURES]);
	free_measures(m, n);
}

static lf_status apply_row(struct imp *im)
{
	char dept[LF_GID_LEN + 1], post[LF_GID_LEN + 1], person[LF_GID_LEN + 1], power[LF_GID_LEN + 1],
	     risk[LF_GID_LEN + 1], measure[LF_GID_LEN + 1];
	struct lf_im_risk r;
	enum lf_im_act act, post_act, person_act = LF_IM_FOUND;
	struct measure *m;
	lf_status st;
	int n, k, found = 0, changed = 0;

	if ((st = lf_im_dept(&im->m, dept_of_row(im), dept, &act)))
		return st;
	note(im, LF_IW_DEPT, act, dept, dept_of_row(im));
	if ((st = lf_im_post(&im->m, dept, im->v[F_POST], im->v[F_DUTIES], post, &post_act)))
		return st;
	person[0] = 0;
	if (*im->v[F_PERSON] && (st = lf_im_person(&im->m, post, im->v[F_PERSON], person, &person_act)))
		return st;
	if (post_act != LF_IM_CREATED &&
	    (st = lf_im_duties(&im->m, post, person[0] ? person : NULL, im->v[F_DUTIES], &changed)))
		return st;
	note(im, LF_IW_POST, changed ? LF_IM_CHANGED : post_act, post, im->v[F_POST]);
	if (person[0])
		note(im, LF_IW_PERSON, person_act, person, im->v[F_PERSON]);
	power[0] = 0;
	if (*im->v[F_POWER]) {
		if ((st = lf_im_power(&im->m, dept, im->v[F_POWER], power, &found)))
			return st;
		if (!found)
			im->res->powers_unlinked++;
	}
	memset(&r, 0, sizeof r);
	r.post = post;
	r.person = person[0] ? person : NULL;
	r.power = power[0] ? power : NULL;
	r.description = im->v[F_RISK];
	r.category = im->v[F_CATEGORY];
	r.source = im->v[F_SOURCE];
	r.found_by = im->v[F_FOUND_BY];
	r.level_reason = im->v[F_LEVEL_REASON];
	r.remarks = im->v[F_REMARKS];
	parse_small_int(im->v[F_PROBABILITY], 1, im->scheme.size, &r.probability);
	parse_small_int(im->v[F_SEVERITY], 1, im->scheme.size, &r.severity);
	r.level = level_of(im, im->v[F_LEVEL]);
	r.level_text = im->v[F_LEVEL];
	if ((st = lf_im_risk(&im->m, &r, risk, &act)))
		return st;
	note(im, LF_IW_RISK, act, risk, im->v[F_RISK]);
	n = split_measures(im->v[F_MEASURES], &m);
	for (k = 0; k < n && st == LF_OK; k++) {
		if ((st = lf_im_measure(&im->m, risk, m[k].stage, m[k].content, measure, &act)) == LF_OK)
			note(im, LF_IW_MEASURE, act, measure, m[k].content);
	}
	free_measures(m, n);
	return st;
}

/* ------------------------------------------------------------------ a pass */

static long read_decoded(void *ctx, char *buf, size_t cap)
{
	return lf_decoder_read(ctx, buf, cap);
}

static lf_status no_header(struct imp *im)
{
	if (!im->records) {
		bad(im, 0, "", "文件里没有内容（只有空行）。");
		return LF_INVALID;
	}
	bad(im, 0, "", "前 %d 行里找不到“%s”的列名（应有“岗位名称”“潜在风险”等列）。%s%s%s", HEADER_SEARCH,
	    im->form->title, im->other_table ? "这个文件像是“" : "这个文件不像是这张表，或者表头被改动过。",
	    im->other_table ? im->other_table : "", im->other_table ? "”。" : "");
	return LF_INVALID;
}

static lf_status pass(struct imp *im)
{
	char err[256];
	struct lf_csv *c;
	lf_status st = LF_OK;
	long n = 0;
	int rc;

	rewind(im->fp);
	if (!(im->dec = lf_decoder_new(im->fp, im->enc, err, sizeof err)))
		return lf_fail(im->db, LF_INTERNAL, "%s", err);
	c = lf_csv_new(read_decoded, im->dec);
	im->found = 0;
	im->records = 0;
	im->have_prev = 0;
	lf_free(im->hdr_dept);
	im->hdr_dept = NULL;
	im->hdr_year = 0;
	free_header(im);
	while ((rc = lf_csv_next(c)) == LF_CSV_RECORD) {
		const char *problem;
		int col, one;

		im->line = lf_csv_line(c);
		im->row_bad = 0;
		if (im->o->progress && ++n % 256 == 0 &&
		    im->o->progress(im->o->ctx, im->base + lf_decoder_offset(im->dec), 2 * im->size)) {
			st = lf_fail(im->db, LF_STATE, "导入已取消，没有做任何修改。");
			break;
		}
		if (is_blank(c)) {
			if (im->found && !im->apply)
				im->res->blank++;
			continue;
		}
		one = single_cell(c);
		if (!im->found) {
			if (one >= 0) {
				char *t = trimmed_copy(lf_csv_get(c, one));

				header_line(im, t);
				other_title(im, t);
				lf_free(t);
			}
			if ((rc = try_header(im, c)) < 0) {
				st = LF_INVALID;
				break;
			}
			if (!rc && ++im->records >= HEADER_SEARCH)
				break;
			if (rc)
				im->records++;
			continue;
		}
		if (one >= 0) {
			char *t = trimmed_copy(lf_csv_get(c, one));
			int deco = is_decoration(im, t);

			if (deco)
				header_line(im, t); /* a table stacked under the first may name another department */
			lf_free(t);
			if (deco)
				continue;
		}
		if (is_header_again(im, c))
			continue;
		if (!im->apply)
			im->res->rows++;
		problem = lf_csv_problem(c, &col);
		if (problem) {
			bad(im, 0, "", "%s", problem); /* it names its line and column */
			im->res->bad_rows += !im->apply; /* counted here: the row is not checked further */
		} else {
			int i;

			for (i = 0; i < lf_csv_count(c); i++)
				if ((i >= im->ncells || !*im->hnorm[i]) && !empty_text(lf_csv_get(c, i)))
					bad(im, im->line, "", "第 %d 列有内容，但这一列没有列名。", i + 1);
		}
		read_row(im, c);
		if (!im->apply) {
			if (!im->row_bad)
				check_row(im);
			if (im->row_bad && !problem)
				im->res->bad_rows++;
			continue;
		}
		if ((st = apply_row(im))) {
			bad(im, im->line, "", "%s", lf_errmsg(im->db, st));
			im->failed_line = im->line;
			break;
		}
	}
	if (st == LF_OK && rc == LF_CSV_FATAL) {
		bad(im, 0, "", "%s", lf_csv_problem(c, NULL));
		st = LF_INVALID;
	} else if (st == LF_OK && rc == LF_CSV_READ_ERROR) {
		bad(im, 0, "", "%s", lf_decoder_error(im->dec));
		st = LF_INVALID;
	} else if (st == LF_OK && !im->found) {
		st = no_header(im);
	}
	clear_row(im);
	lf_csv_free(c);
	lf_decoder_free(im->dec);
	im->dec = NULL;
	return st;
}

/* ------------------------------------------------------------------ the file */

static lf_status open_file(struct imp *im)
{
	unsigned char head[4096];
	struct stat sb;
	size_t got;
	long nul_line = 0;

	if (stat(im->path, &sb) != 0)
		return lf_fail(im->db, LF_NOTFOUND, "找不到文件 %s：%s", im->path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return lf_fail(im->db, LF_INVALID, "%s 不是普通文件。", im->path);
	if (!(im->fp = fopen(im->path, "rb")))
		return lf_fail(im->db, LF_IO, "无法读取 %s：%s", im->path, strerror(errno));
	im->size = (long long)sb.st_size;
	got = fread(head, 1, sizeof head, im->fp);
	switch (lf_sniff(head, got, feof(im->fp))) {
	case LF_SNIFF_EMPTY: return lf_fail(im->db, LF_INVALID, "%s 是空文件。", im->path);
	case LF_SNIFF_UTF16:
		return lf_fail(im->db, LF_INVALID, "%s 是 UTF-16 编码的文本（Excel 的“Unicode 文本”）；"
		               "请在 Excel 或 WPS 里另存为“CSV（逗号分隔）”或“CSV UTF-8”后再导入。", im->path);
	case LF_SNIFF_ZIP:
		return lf_fail(im->db, LF_INVALID, "%s 是 .xlsx（或其他压缩包）文件，不是 CSV；请在 Excel 或 WPS 里"
		               "“另存为”CSV 后再导入。", im->path);
	case LF_SNIFF_OLE:
		return lf_fail(im->db, LF_INVALID, "%s 是旧版 Excel（.xls）或 Word 文件，不是 CSV；请在 Excel 或 WPS 里"
		               "“另存为”CSV 后再导入。", im->path);
	case LF_SNIFF_SQLITE:
		return lf_fail(im->db, LF_INVALID, "%s 是 SQLite 数据库文件，不是表格；合并别的单位的数据请用数据包，"
		               "不要导入数据库文件。", im->path);
	case LF_SNIFF_PDF: return lf_fail(im->db, LF_INVALID, "%s 是 PDF 文件，不是 CSV 表格。", im->path);
	case LF_SNIFF_BINARY: return lf_fail(im->db, LF_INVALID, "%s 含有零字节，不是文本文件。", im->path);
	case LF_SNIFF_UTF8_BOM:
	case LF_SNIFF_TEXT: break;
	}
	if (!im->o->encoding || !strcmp(im->o->encoding, "auto")) {
		if (lf_sniff(head, got, 0) == LF_SNIFF_UTF8_BOM) {
			im->enc = LF_ENC_UTF8;
			snprintf(im->res->encoding, sizeof im->res->encoding, "UTF-8（带 BOM）");
		} else if (lf_file_is_utf8(im->fp, &nul_line)) {
			im->enc = LF_ENC_UTF8;
			snprintf(im->res->encoding, sizeof im->res->encoding, "UTF-8");
		} else {
			im->enc = LF_ENC_GB18030; /* a superset of GBK: the same for every GBK file */
			snprintf(im->res->encoding, sizeof im->res->encoding, "GBK/GB18030");
		}
		if (nul_line)
			return lf_fail(im->db, LF_INVALID, "%s 第 %ld 行有零字节，不是文本文件。", im->path, nul_line);
		return LF_OK;
	}
	if (lf_encoding_parse(im->o->encoding, &im->enc))
		return lf_fail(im->db, LF_USAGE, "不认识编码“%s”：应为 auto、utf-8、gbk 或 gb18030。", im->o->encoding);
	if (im->enc == LF_ENC_UTF8_BOM)
		im->enc = LF_ENC_UTF8;
	if (im->enc != LF_ENC_UTF8 && lf_sniff(head, got, 0) == LF_SNIFF_UTF8_BOM)
		return lf_fail(im->db, LF_INVALID, "%s 开头有 UTF-8 的标记（BOM），是 UTF-8 文件，但指定了 --encoding %s。"
		               "请去掉 --encoding 或改为 utf-8。", im->path, im->o->encoding);
	snprintf(im->res->encoding, sizeof im->res->encoding, "%s", lf_encoding_label(im->enc));
	return LF_OK;
}

static lf_status prepare_seen(struct imp *im)
{
	static const char create[] = "CREATE TEMP TABLE IF NOT EXISTS lf_import_seen(gid TEXT PRIMARY KEY) WITHOUT ROWID";
	static const char clear[] = "DELETE FROM temp.lf_import_seen";
	static const char insert[] = "INSERT OR IGNORE INTO temp.lf_import_seen(gid) VALUES(?1)";
	lf_status st;

	if ((st = lf_exec(im->db, create)) || (st = lf_exec(im->db, clear)))
		return st;
	return lf_prepare(im->db, insert, &im->seen);
}

static void choose_year(struct imp *im)
{
	char today[11];

	if (im->o->year) {
		im->res->year = im->o->year;
		snprintf(im->res->year_from, sizeof im->res->year_from, "--cycle");
	} else if (im->hdr_year) {
		im->res->year = im->hdr_year;
		snprintf(im->res->year_from, sizeof im->res->year_from, "表头");
	} else {
		lf_today(today);
		im->res->year = atoi(today);
		snprintf(im->res->year_from, sizeof im->res->year_from, "今年");
	}
}

static lf_status apply(struct imp *im)
{
	enum lf_im_act act;
	char year[16];
	lf_status st;

	if ((st = lf_tx_begin(im->db)))
		return st;
	im->apply = 1;
	im->base = im->size;
	st = prepare_seen(im);
	if (st == LF_OK)
		st = lf_im_begin(im->db, &im->m);
	if (st == LF_OK)
		st = lf_im_cycle(&im->m, im->res->year, &act);
	if (st == LF_OK) {
		snprintf(year, sizeof year, "%d", im->res->year);
		note(im, LF_IW_CYCLE, act, im->m.cycle, year);
		st = pass(im);
	}
	lf_im_end(&im->m);
	sqlite3_finalize(im->seen);
	im->seen = NULL;
	if (st == LF_OK && im->o->dry_run) {
		lf_tx_end(im->db, LF_STATE); /* roll back: a preview changes nothing */
		return LF_OK;
	}
	st = lf_tx_end(im->db, st);
	if (st == LF_OK)
		im->res->applied = 1;
	return st;
}

lf_status lf_import(struct lf_db *db, const struct lf_form *form, const char *path, const struct lf_import_opts *o,
                    struct lf_import_result *res)
{
	struct imp im;
	lf_status st;
	int f;

	memset(res, 0, sizeof *res);
	memset(&im, 0, sizeof im);
	im.db = db;
	im.form = form;
	im.o = o;
	im.res = res;
	im.path = path;
	for (f = 0; f < F_N; f++) {
		im.col[f] = -1;
		im.max[f] = field_max(f);
	}

	if (!lf_import_supports(form))
		return lf_fail(db, LF_USAGE, "“%s”不能导入；可以导入的是汇总表（summary）和风险点台账（risk_register）。",
		               form->title);
	if ((st = lf_perm_check(db, LF_ACT_IMPORT, NULL)) || (st = lf_scheme_load(db, &im.scheme)))
		return st;
	snprintf(im.level_names, sizeof im.level_names, "%s、%s、%s", im.scheme.level[3], im.scheme.level[2],
	         im.scheme.level[1]);
	st = open_file(&im);
	if (st == LF_OK)
		st = pass(&im);
	if (st == LF_OK && !res->rows) {
		bad(&im, 0, "", "表中只有列名，没有数据行。");
		st = LF_INVALID;
	}
	if (st == LF_OK && res->bad_rows)
		st = LF_INVALID;
	if (st == LF_INVALID && im.reported)
		lf_fail(db, LF_INVALID, "%s：%s没有导入任何内容。", path,
		        res->bad_rows ? "有的行有误（见上），" : "");
	if (st == LF_OK) {
		choose_year(&im);
		st = apply(&im);
		if (st != LF_OK && im.failed_line) /* the row and why are reported: say what became of the rest */
			lf_fail(db, st, "%s：第 %ld 行无法导入（见上），没有导入任何内容。", path, im.failed_line);
	}
	if (im.fp)
		fclose(im.fp);
	free_header(&im);
	for (f = 0; f < F_N; f++)
		lf_free(im.prev[f]);
	lf_free(im.other_table);
	lf_free(im.hdr_dept);
	lf_scheme_free(&im.scheme);
	return st;
}
