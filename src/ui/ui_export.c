/* ui_export: an official table out to a file — which table, which records
 * (unit, department, person, year), the format (.xlsx, CSV, text) and the
 * encoding, and where, with a progress bar. Before a GBK file is written the
 * model checks every character: when some cannot be held, nothing is
 * written and every one is listed (row, column, the character, its code
 * point); the user chooses GB18030 or a visible [U+XXXX] instead. Nothing is
 * ever dropped silently, and an existing file is replaced only when the user
 * says so. The file holds what the user may read, as the lists show it;
 * when that is a part, the result says which. Other screens open it with
 * their table and filter chosen (lf_export_open). */
#include "lianfang/export.h"
#include "lianfang/unit.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { X_EXPORT = 1, X_PICK, X_CLEAR, X_UP, X_DOWN, X_NEXT, X_PREV };

const struct lf_ui_action lf_export_actions[] = {
	{ X_EXPORT, "export", "导出", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR, "按选好的表格、范围、格式和编码写出文件" },
	{ X_PICK, "choose", "选择", { LF_ENTER, LF_KEY(KEY_F(4)), LF_CTRL('T') }, LF_ACT_BAR,
	  "为选中的一项打开选择列表（表格、单位、处室、人员、年度、格式、编码），或选择文件" },
	{ X_CLEAR, "clear", "全部", { LF_KEY(KEY_DC), 'x' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "把选中的范围（处室、人员、年度）改回“全部”或默认" },
	{ X_UP, "up", "上一项", { LF_KEY(KEY_UP), 'k', LF_CTRL('P'), LF_KEY(KEY_BTAB) }, LF_ACT_TEXT, "选中上一项" },
	{ X_DOWN, "down", "下一项", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_TAB }, LF_ACT_TEXT, "选中下一项" },
	{ X_NEXT, "next-value", "换下一个", { LF_KEY(KEY_RIGHT), 'l', ' ' }, LF_ACT_TEXT,
	  "表格、格式、编码：换成下一个" },
	{ X_PREV, "prev-value", "换上一个", { LF_KEY(KEY_LEFT), 'h' }, LF_ACT_TEXT, "表格、格式、编码：换成上一个" },
	{ 0 },
};

enum { R_TABLE, R_UNIT, R_DEPT, R_PERSON, R_YEAR, R_FORMAT, R_ENCODING, R_FILE, R_N };
enum { W_NONE, W_EXPORT };

#define MAX_PROBLEMS 2000

struct xscr {
	struct lf_screen base;
	const struct lf_form *form;
	char unit[LF_CODE_MAX + 1];   /* "" this unit */
	char *dept, *person;
	int year;
	enum lf_xformat fmt;
	enum lf_encoding enc;
	int replace;
	char *path;                   /* bytes */
	int path_auto;                /* the name is ours: it follows the table and the filter */
	int row;
	int pending;                  /* resume: export again (after the problems screen) */
	char **problems;
	long nproblems, problems_total;
	struct xview last;
};

static struct lf_db *dbof(struct xscr *x)
{
	return lf_ui_ctx(x->base.ui)->db;
}

/* ------------------------------------------------------------------ names and choices */

static const char *const fmt_label[] = { "Excel 工作簿（.xlsx）", "CSV（.csv）", "文本（.txt，可打印）" };
static const char *const fmt_ext[] = { "xlsx", "csv", "txt" };
static const enum lf_encoding encs[] = { LF_ENC_UTF8_BOM, LF_ENC_UTF8, LF_ENC_GBK, LF_ENC_GB18030 };

static int table_count(struct xscr *x, const struct lf_form **out, int max)
{
	const struct lf_formset *set = lf_ui_ctx(x->base.ui)->forms;
	int i, n = 0;

	for (i = 0; i < lf_formset_count(set); i++) {
		const struct lf_form *f = lf_formset_at(set, i);

		if (f->type == LF_FORM_TABLE && f->source) {
			if (out && n < max)
				out[n] = f;
			n++;
		}
	}
	return n;
}

/* A short name for files: 汇总表, 自查表 … from the title. */
static char *short_name(const struct lf_form *f)
{
	static const struct {
		const char *id, *name;
	} names[] = {
		{ "summary", "汇总表" }, { "selfcheck_table", "自查表" }, { "register_unit", "单位登记表" },
		{ "register_dept", "部门登记表" }, { "register_person", "个人登记表" },
		{ "power_table", "职权运行和风险防控措施表" }, { "risk_register", "风险点台账" },
	};
	size_t i;
	char *t, *p;

	for (i = 0; i < LF_COUNT(names); i++)
		if (!strcmp(f->id, names[i].id))
			return lf_strdup(names[i].name);
	t = lf_strdup(f->title);
	for (p = t; *p; p++)
		if (*p == '/')
			*p = '-';
	return t;
}

static char *default_path(struct xscr *x)
{
	char *name = short_name(x->form), *dir, *out;
	const char *slash;

	if (x->path) { /* keep the directory the user chose before */
		slash = strrchr(x->path, '/');
		dir = slash ? lf_strndup(x->path, (size_t)(slash - x->path + 1)) : lf_strdup("");
	} else {
		dir = lf_path_start(NULL);
	}
	{
		struct lf_buf b;
		size_t n;
		wchar_t *w;
		char *enc;

		lf_buf_init(&b);
		lf_buf_adds(&b, name);
		if (x->unit[0])
			lf_buf_addf(&b, "-%s", x->unit);
		if (x->dept)
			lf_buf_addf(&b, "-%s", x->dept);
		if (x->person)
			lf_buf_addf(&b, "-%s", x->person);
		if (x->year)
			lf_buf_addf(&b, "-%d", x->year);
		lf_buf_addf(&b, ".%s", fmt_ext[x->fmt]);
		/* typed in the locale's encoding, as if the user had written it */
		w = lf_utf8_to_wcs(b.s, &n);
		enc = lf_path_encode(w, n);
		out = lf_printf("%s%s", dir, enc);
		lf_free(w);
		lf_free(enc);
		lf_buf_free(&b);
	}
	lf_free(name);
	lf_free(dir);
	return out;
}

static void renew_path(struct xscr *x)
{
	char *p;

	if (x->path_auto) {
		p = default_path(x);
	} else {
		/* the format follows the extension: change the extension */
		const char *dot = strrchr(x->path, '.'), *slash = strrchr(x->path, '/');
		size_t keep = dot && (!slash || dot > slash) ? (size_t)(dot - x->path) : strlen(x->path);

		p = lf_printf("%.*s.%s", (int)keep, x->path, fmt_ext[x->fmt]);
	}
	lf_free(x->path);
	x->path = p;
}

static void set_format(struct xscr *x, enum lf_xformat f)
{
	if (x->fmt == f)
		return;
	x->fmt = f;
	if (f == LF_XFMT_XLSX)
		x->enc = LF_ENC_UTF8;
	else if (f == LF_XFMT_CSV && x->enc == LF_ENC_UTF8)
		x->enc = LF_ENC_UTF8_BOM;
	else if (f == LF_XFMT_TXT && x->enc == LF_ENC_UTF8_BOM)
		x->enc = LF_ENC_UTF8;
	renew_path(x);
}

static void value_text(struct xscr *x, int row, struct lf_buf *b)
{
	struct lf_db *db = dbof(x);

	switch (row) {
	case R_TABLE: lf_buf_adds(b, x->form ? x->form->title : "（没有可以导出的表格）"); break;
	case R_UNIT:
		if (x->unit[0])
			lf_buf_adds(b, x->unit);
		else
			lf_buf_addf(b, "%s（本单位）", db->unit);
		break;
	case R_DEPT: lf_buf_adds(b, x->dept ? x->dept : "全部"); break;
	case R_PERSON: lf_buf_adds(b, x->person ? x->person : "全部"); break;
	case R_YEAR:
		if (x->year)
			lf_buf_addf(b, "%d 年度", x->year);
		else
			lf_buf_adds(b, "最近的年度");
		break;
	case R_FORMAT: lf_buf_adds(b, fmt_label[x->fmt]); break;
	case R_ENCODING:
		if (x->fmt == LF_XFMT_XLSX)
			lf_buf_adds(b, "UTF-8（Excel 工作簿总是 UTF-8，Excel 和 WPS 都能打开）");
		else
			lf_buf_adds(b, lf_encoding_label(x->enc));
		break;
	case R_FILE: {
		char *d = lf_path_display(x->path);

		lf_buf_adds(b, d);
		lf_free(d);
		break;
	}
	}
}

static const char *const row_label[] = { "表格", "单位", "处室", "人员", "年度", "格式", "编码", "文件" };

/* ------------------------------------------------------------------ drawing */

static void xs_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct xscr *x = (struct xscr *)s;
	struct lf_buf b;
	int i, y = 2;

	lf_ui_print(w, 0, 1, cols - 2, "导出正式表格：选好表格、范围、格式和文件，按 F2 或 Ctrl-S 导出。", lf_ui_attr(LF_R_DIM));
	lf_buf_init(&b);
	for (i = 0; i < R_N; i++, y++) {
		attr_t a = i == x->row ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;

		lf_buf_reset(&b);
		value_text(x, i, &b);
		lf_ui_print(w, y, 2, 8, row_label[i], lf_ui_attr(LF_R_LABEL) | A_BOLD);
		if (i == x->row) {
			lf_ui_fill(w, y, 10, cols - 12, a);
			s->cy = y;
			s->cx = 10;
		}
		lf_ui_print(w, y, 11, cols - 13, b.s,
		            (i == R_ENCODING && x->fmt == LF_XFMT_XLSX) && i != x->row ? lf_ui_attr(LF_R_DIM) : a);
	}
	lf_buf_free(&b);
	y++;
	if (x->last.n)
		xview_draw(&x->last, w, y, 2, rows - y - 1, cols - 4);
	lf_ui_print(w, rows - 1, 1, cols - 2, "↑↓ 选一项  Enter 选择  ←→ 换一个  x 改回全部  F2 导出", lf_ui_attr(LF_R_DIM));
}

/* ------------------------------------------------------------------ pickers */

static void pick_table(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;
	const struct lf_form *t[64];
	int n = table_count(x, t, 64), i;

	(void)label;
	for (i = 0; i < n && i < 64; i++)
		if (!strcmp(t[i]->title, value)) {
			x->form = t[i];
			renew_path(x);
		}
}

static void pick_unit(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;
	size_t n = strcspn(value, " ");

	(void)label;
	snprintf(x->unit, sizeof x->unit, "%.*s", (int)(n < sizeof x->unit ? n : sizeof x->unit - 1), value);
	if (!strcmp(x->unit, dbof(x)->unit))
		x->unit[0] = 0;
	renew_path(x);
}

/* The name a picked record stands for (the list's first column is the
 * form's choice; the filter wants the record's own name). */
static char *record_name(struct xscr *x, const char *kind, const char *gid, const char *label)
{
	char *n = lf_record_label(dbof(x), lf_kind_find(kind), gid);

	return n ? n : lf_strdup(label);
}

static void pick_dept(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;

	lf_free(x->dept);
	x->dept = record_name(x, "dept", value, label);
	renew_path(x);
}

static void pick_person(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;

	lf_free(x->person);
	x->person = record_name(x, "person", value, label);
	renew_path(x);
}

static void pick_year(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;
	char *y = record_name(x, "cycle", value, label);

	x->year = atoi(y);
	lf_free(y);
	renew_path(x);
}

static void pick_format(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;
	int i;

	(void)label;
	for (i = 0; i < 3; i++)
		if (!strcmp(value, fmt_label[i]))
			set_format(x, (enum lf_xformat)i);
}

static void pick_encoding(void *ctx, const char *value, const char *label)
{
	struct xscr *x = ctx;
	size_t i;

	(void)label;
	for (i = 0; i < LF_COUNT(encs); i++)
		if (!strcmp(value, lf_encoding_label(encs[i])))
			x->enc = encs[i];
}

static void pick_file(void *ctx, const char *path, const char *shown)
{
	struct xscr *x = ctx;
	enum lf_xformat f;

	(void)shown;
	lf_free(x->path);
	x->path = lf_strdup(path);
	x->path_auto = 0;
	if (lf_xformat_from_path(path, &f) == 0)
		set_format(x, f);
	else
		lf_ui_msg(x->base.ui, LF_MSG_INFO, "文件名没有 .xlsx、.csv 或 .txt 结尾：按“格式”一项（%s）写出。",
		          fmt_label[x->fmt]);
}

struct units_ctx {
	char **v;
	int n;
	struct lf_db *db;
};

static int collect_unit(void *ctx, const char *code, const char *parent, int deleted)
{
	struct units_ctx *u = ctx;
	struct lf_unit one;

	(void)parent;
	if (deleted)
		return 0;
	memset(&one, 0, sizeof one);
	lf_unit_get(u->db, code, &one);
	u->v = lf_realloc(u->v, (size_t)(u->n + 1) * sizeof *u->v);
	u->v[u->n++] = lf_printf("%s %s", code, one.name ? one.name : "");
	lf_unit_clear(&one);
	return 0;
}

static void open_picker(struct xscr *x)
{
	struct lf_ui *ui = x->base.ui;
	struct lf_db *db = dbof(x);
	lf_status st = LF_OK;
	char *choices[64];
	int n = 0, i;

	switch (x->row) {
	case R_TABLE: {
		const struct lf_form *t[64];

		n = table_count(x, t, 64);
		for (i = 0; i < n && i < 64; i++)
			choices[i] = t[i]->title;
		st = lf_picker_choices(ui, "导出哪张表格", choices, n < 64 ? n : 64, pick_table, x);
		if (st == LF_OK && x->form)
			lf_picker_select(ui, x->form->title);
		break;
	}
	case R_UNIT: {
		struct units_ctx u = { NULL, 0, db };

		if ((st = lf_unit_each(db, collect_unit, &u)) == LF_OK)
			st = lf_picker_choices(ui, "哪个单位的表格", u.v, u.n, pick_unit, x);
		for (i = 0; i < u.n; i++)
			lf_free(u.v[i]);
		lf_free(u.v);
		break;
	}
	case R_DEPT: st = lf_picker_records(ui, lf_kind_find("dept"), "只导出一个处室", pick_dept, x); break;
	case R_PERSON: st = lf_picker_records(ui, lf_kind_find("person"), "只导出一个人", pick_person, x); break;
	case R_YEAR: st = lf_picker_records(ui, lf_kind_find("cycle"), "哪个年度", pick_year, x); break;
	case R_FORMAT:
		for (i = 0; i < 3; i++)
			choices[i] = (char *)fmt_label[i];
		st = lf_picker_choices(ui, "格式", choices, 3, pick_format, x);
		lf_picker_select(ui, fmt_label[x->fmt]);
		break;
	case R_ENCODING:
		if (x->fmt == LF_XFMT_XLSX) {
			lf_ui_msg(ui, LF_MSG_INFO, "Excel 工作簿里的文字总是 UTF-8；要 GBK 或 GB18030，请把格式改为 CSV 或文本。");
			return;
		}
		for (i = 0; i < (int)LF_COUNT(encs); i++)
			choices[i] = (char *)lf_encoding_label(encs[i]);
		st = lf_picker_choices(ui, "编码", choices, (int)LF_COUNT(encs), pick_encoding, x);
		lf_picker_select(ui, lf_encoding_label(x->enc));
		break;
	case R_FILE: lf_path_open(ui, "导出到哪个文件", LF_PATH_WRITE, x->path, pick_file, x); break;
	}
	if (st)
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
}

static void cycle_value(struct xscr *x, int by)
{
	switch (x->row) {
	case R_TABLE: {
		const struct lf_form *t[64];
		int n = table_count(x, t, 64), i;

		if (n > 64)
			n = 64;
		for (i = 0; i < n && t[i] != x->form; i++)
			;
		if (n) {
			x->form = t[((i < n ? i : 0) + by + n) % n];
			renew_path(x);
		}
		break;
	}
	case R_FORMAT: set_format(x, (enum lf_xformat)(((int)x->fmt + by + 3) % 3)); break;
	case R_ENCODING:
		if (x->fmt != LF_XFMT_XLSX) {
			int i, n = (int)LF_COUNT(encs);

			for (i = 0; i < n && encs[i] != x->enc; i++)
				;
			x->enc = encs[((i < n ? i : 0) + by + n) % n];
		}
		break;
	default: open_picker(x);
	}
}

static void clear_row(struct xscr *x)
{
	switch (x->row) {
	case R_UNIT: x->unit[0] = 0; break;
	case R_DEPT: lf_free(x->dept); x->dept = NULL; break;
	case R_PERSON: lf_free(x->person); x->person = NULL; break;
	case R_YEAR: x->year = 0; break;
	default: return;
	}
	renew_path(x);
}

/* ------------------------------------------------------------------ exporting */

static void free_problems(struct xscr *x)
{
	long i;

	for (i = 0; i < x->nproblems; i++)
		lf_free(x->problems[i]);
	lf_free(x->problems);
	x->problems = NULL;
	x->nproblems = x->problems_total = 0;
}

static void on_problem(void *ctx, const struct lf_xproblem *p)
{
	struct xscr *x = ctx;
	char line[1024];

	x->problems_total++;
	if (x->nproblems >= MAX_PROBLEMS)
		return;
	lf_xproblem_text(p, line, sizeof line);
	x->problems = lf_realloc(x->problems, (size_t)(x->nproblems + 1) * sizeof *x->problems);
	x->problems[x->nproblems++] = lf_strdup(line);
}

static int on_progress(void *ctx, long done, long total)
{
	struct xscr *x = ctx;

	return lf_ui_progress(x->base.ui, "导出", x->form ? "" : "", done, total);
}

static void problems_open(struct xscr *x);

static void do_export(struct xscr *x, int overwrite)
{
	static const struct lf_choice replace_it[] = { { 'Y', "替换" } };
	struct lf_ui *ui = x->base.ui;
	struct lf_db *db = dbof(x);
	struct lf_export_opts o;
	struct lf_export_result r;
	char err[1024], *shown;
	lf_status st;

	if (!x->form) {
		lf_ui_msg(ui, LF_MSG_ERROR, "没有可以导出的表格。");
		return;
	}
	if (lf_path_check(x->path, LF_PATH_WRITE, err, sizeof err)) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_path_check(x->path, LF_PATH_WRITE, err, sizeof err) == 1
		                                       ? "这是一个目录：请在“文件”一项写上文件名。" : err);
		x->row = R_FILE;
		return;
	}
	shown = lf_path_display(x->path);
	if (!overwrite && access(x->path, F_OK) == 0) {
		char q[1200];

		snprintf(q, sizeof q, "%s 已经存在，替换它吗？", shown);
		if (lf_ui_ask(ui, q, replace_it, 1, -1) != 0) {
			lf_ui_msg(ui, LF_MSG_INFO, "没有导出：原来的文件没有动。");
			lf_free(shown);
			return;
		}
		overwrite = 1;
	}
	memset(&o, 0, sizeof o);
	o.format = x->fmt;
	o.encoding = x->fmt == LF_XFMT_XLSX ? LF_ENC_UTF8 : x->enc;
	o.replace = x->replace;
	o.overwrite = overwrite;
	o.filter.unit = x->unit[0] ? x->unit : NULL;
	o.filter.dept = x->dept;
	o.filter.person = x->person;
	o.filter.year = x->year;
	o.progress = on_progress;
	o.problem = on_problem;
	o.ctx = x;
	free_problems(x);
	st = lf_export(db, x->form, x->path, &o, &r);
	lf_ui_progress_end(ui);
	xview_clear(&x->last);
	if (st == LF_OK) {
		xview_add(&x->last, LF_R_INFO, 0, "已导出：%ld 份，%ld 行，%s。", r.docs, r.rows,
		          x->fmt == LF_XFMT_XLSX ? "Excel 工作簿" : lf_encoding_label(o.encoding));
		xview_add(&x->last, LF_R_NORMAL, 2, "%s", shown);
		if (r.note[0]) /* the part of the table the user may read, as the lists say it */
			xview_add(&x->last, LF_R_INFO, 2, "只导出了你有权查看的：%s", r.note);
		if (r.problems)
			xview_add(&x->last, LF_R_ERROR, 2, "其中 %ld 个字 %s 里没有，写成了 [U+XXXX]：", r.problems,
			          lf_encoding_label(o.encoding));
		for (long i = 0; i < x->nproblems && i < 50; i++)
			xview_add(&x->last, LF_R_NORMAL, 4, "%s", x->problems[i]);
		lf_ui_msg(ui, LF_MSG_INFO, "已导出 %s（%ld 行）。", shown, r.rows);
	} else if (x->problems_total && !x->replace) {
		problems_open(x);
	} else {
		xview_add(&x->last, LF_R_ERROR, 0, "没有导出：%s", lf_errmsg(db, st));
		lf_ui_msg(ui, LF_MSG_ERROR, "没有导出：%s", lf_errmsg(db, st));
	}
	x->replace = 0;
	lf_free(shown);
}

/* ------------------------------------------------------------------ the screen */

static int xs_action(struct lf_screen *s, int id)
{
	struct xscr *x = (struct xscr *)s;

	switch (id) {
	case X_EXPORT: do_export(x, 0); break;
	case X_PICK: open_picker(x); break;
	case X_CLEAR: clear_row(x); break;
	case X_UP: x->row = (x->row + R_N - 1) % R_N; break;
	case X_DOWN: x->row = (x->row + 1) % R_N; break;
	case X_NEXT: cycle_value(x, 1); break;
	case X_PREV: cycle_value(x, -1); break;
	}
	return LF_DIRTY_ALL;
}

static int xs_key(struct lf_screen *s, int key)
{
	return xview_key(&((struct xscr *)s)->last, key) ? LF_DIRTY_BODY : -1;
}

static void xs_resume(struct lf_screen *s)
{
	struct xscr *x = (struct xscr *)s;

	if (x->pending == W_EXPORT) {
		x->pending = W_NONE;
		do_export(x, 1); /* the user already said to replace, or there was nothing */
	}
}

static void xs_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "把正式表格（自查表、汇总表、登记表、职权运行表、风险点台账）导出为 Excel 工作簿（.xlsx）、CSV 或可打印的文本。"
	               "范围可以是全单位、一个处室或一个人，某个年度；上级单位也可以导出下级报来的数据。"
	               "格式跟着文件名的扩展名走，改格式时扩展名也跟着改。CSV 默认是带 BOM 的 UTF-8（Excel 能直接打开）；"
	               "给只认 GBK 的老机器用时选 GBK：写出之前逐字检查，GBK 里没有的字（如“䶮”、•、表情符号）"
	               "逐个列出第几行、哪一列、哪个字和它的码位，并且不写出文件，由你选择改用 GB18030，或写成 [U+XXXX]。"
	               "文件先写成临时文件，写完整才改名；已有的文件先问过再替换。需要能查看表格内容的角色。\n");
}

static void xs_free(struct lf_screen *s)
{
	struct xscr *x = (struct xscr *)s;

	lf_free(x->dept);
	lf_free(x->person);
	lf_free(x->path);
	free_problems(x);
	xview_clear(&x->last);
	lf_free(x);
}

static const struct lf_screen_ops xs_ops = {
	.name = "export",
	.actions = lf_export_actions,
	.draw = xs_draw,
	.action = xs_action,
	.key = xs_key,
	.resume = xs_resume,
	.help = xs_help,
	.free = xs_free,
};

lf_status lf_export_open(struct lf_ui *ui, const char *form_id, const struct lf_xfilter *filter)
{
	struct xscr *x = lf_alloc(sizeof *x);
	const struct lf_form *t[1];

	x->base.ui = ui;
	if (form_id) {
		x->form = lf_formset_get(lf_ui_ctx(ui)->forms, form_id);
		if (!x->form || x->form->type != LF_FORM_TABLE || !x->form->source) {
			lf_free(x);
			return lf_fail(lf_ui_ctx(ui)->db, LF_NOTFOUND, "没有“%s”这张可以导出的表格。", form_id);
		}
	} else {
		x->form = lf_formset_get(lf_ui_ctx(ui)->forms, "summary"); /* 附件2, the one most asked for */
		if ((!x->form || x->form->type != LF_FORM_TABLE || !x->form->source) && table_count(x, t, 1) > 0)
			x->form = t[0];
	}
	if (filter) {
		if (filter->unit && strcmp(filter->unit, lf_ui_ctx(ui)->db->unit))
			snprintf(x->unit, sizeof x->unit, "%s", filter->unit);
		x->dept = lf_strdup(filter->dept);
		x->person = lf_strdup(filter->person);
		x->year = filter->year;
	}
	x->fmt = LF_XFMT_XLSX;
	x->enc = LF_ENC_UTF8;
	x->path_auto = 1;
	if (x->form)
		x->path = default_path(x);
	else
		x->path = lf_strdup("");
	lf_screen_init(&x->base, &xs_ops, "导出表格");
	lf_ui_push(ui, &x->base);
	return LF_OK;
}

/* ------------------------------------------------------------------ what GBK cannot hold */

enum { XP_GB18030 = 1, XP_REPLACE };

const struct lf_ui_action lf_xproblems_actions[] = {
	{ XP_GB18030, "gb18030", "改用GB18030", { LF_KEY(KEY_F(5)), '1' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "改用 GB18030 导出：它能表示所有汉字，Excel 和 WPS 都能打开" },
	{ XP_REPLACE, "replace", "写成[U+XXXX]", { LF_KEY(KEY_F(6)), '2' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "仍用这个编码导出，把它没有的字写成 [U+XXXX]（照样逐个列出）" },
	{ 0 },
};

struct xprob {
	struct lf_screen base;
	struct xscr *x;    /* the export screen under this one */
	struct xview v;
};

static void xp_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	xview_draw(&((struct xprob *)s)->v, w, 1, 2, rows - 1, cols - 4);
}

static int xp_action(struct lf_screen *s, int id)
{
	struct xprob *p = (struct xprob *)s;

	if (id == XP_GB18030)
		p->x->enc = LF_ENC_GB18030;
	else
		p->x->replace = 1;
	p->x->pending = W_EXPORT;
	lf_ui_pop(s->ui);
	return LF_DIRTY_ALL;
}

static int xp_key(struct lf_screen *s, int key)
{
	return xview_key(&((struct xprob *)s)->v, key) ? LF_DIRTY_BODY : -1;
}

static void xp_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "这些字在选定的编码里没有，所以没有写出文件：一个字也不会被悄悄丢掉。"
	               "按 1 改用 GB18030（能表示所有汉字），按 2 把这些字写成 [U+XXXX]，按 Esc 返回修改。\n");
}

static void xp_free(struct lf_screen *s)
{
	xview_clear(&((struct xprob *)s)->v);
	lf_free(s);
}

static const struct lf_screen_ops xp_ops = {
	.name = "export-problems",
	.actions = lf_xproblems_actions,
	.draw = xp_draw,
	.action = xp_action,
	.key = xp_key,
	.help = xp_help,
	.more_actions = lf_list_actions,
	.more_title = "滚动",
	.free = xp_free,
};

static void problems_open(struct xscr *x)
{
	struct xprob *p = lf_alloc(sizeof *p);
	const char *enc = lf_encoding_label(x->enc);
	long i;

	p->x = x;
	xview_add(&p->v, LF_R_ERROR, 0, "%s 里没有下面 %ld 个字，所以没有写出文件（一个字也不会被悄悄丢掉）：", enc,
	          x->problems_total);
	for (i = 0; i < x->nproblems; i++)
		xview_add(&p->v, LF_R_NORMAL, 2, "%s", x->problems[i]);
	if (x->problems_total > x->nproblems)
		xview_add(&p->v, LF_R_NORMAL, 2, "……另有 %ld 个未列出。", x->problems_total - x->nproblems);
	xview_add(&p->v, LF_R_HEADER, 0, "怎么办");
	xview_add(&p->v, LF_R_INFO, 2, "按 1：改用 GB18030 导出（能表示所有汉字，Excel 和 WPS 都能打开）");
	xview_add(&p->v, LF_R_INFO, 2, "按 2：仍用 %s，把这些字写成 [U+XXXX]（收到的人能看出这里原来是什么字）", enc);
	xview_add(&p->v, LF_R_INFO, 2, "按 Esc：返回，改一改范围或编码再导出");
	lf_screen_init(&p->base, &xp_ops, "无法表示的字");
	lf_ui_push(x->base.ui, &p->base);
	lf_ui_msg(x->base.ui, LF_MSG_ERROR, "没有导出：有 %ld 个字 %s 里没有。", x->problems_total, enc);
}
