/* ui_import: an office's existing table (CSV) into this unit's records —
 * choose the file, the kind of table and the encoding (found by itself
 * unless told), then a preview that is the model's dry run: what it would
 * create, find or change (departments, posts, persons, risks, measures) and
 * every bad row with its line and reason; then all of it in one go, or
 * nothing. The file is read and checked by import.c; this file asks and
 * shows. */
#include "lianfang/import.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ the settings */

enum { I_PREVIEW = 1, I_PICK, I_CLEAR, I_UP, I_DOWN, I_NEXT, I_PREV };

const struct lf_ui_action lf_import_actions[] = {
	{ I_PREVIEW, "preview", "预览", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "检查文件并预览将要导入的内容（这时什么也不改）" },
	{ I_PICK, "choose", "选择", { LF_ENTER, LF_KEY(KEY_F(4)), LF_CTRL('T') }, LF_ACT_BAR,
	  "为选中的一项选择：文件、表格、编码、处室，或写上年度" },
	{ I_CLEAR, "clear", "默认", { LF_KEY(KEY_DC), 'x' }, LF_ACT_BAR | LF_ACT_TEXT, "把选中的一项改回默认（自动、无、表头的年度）" },
	{ I_UP, "up", "上一项", { LF_KEY(KEY_UP), 'k', LF_CTRL('P'), LF_KEY(KEY_BTAB) }, LF_ACT_TEXT, "选中上一项" },
	{ I_DOWN, "down", "下一项", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_TAB }, LF_ACT_TEXT, "选中下一项" },
	{ I_NEXT, "next-value", "换下一个", { LF_KEY(KEY_RIGHT), 'l', ' ' }, LF_ACT_TEXT, "表格、编码：换成下一个" },
	{ I_PREV, "prev-value", "换上一个", { LF_KEY(KEY_LEFT), 'h' }, LF_ACT_TEXT, "表格、编码：换成上一个" },
	{ 0 },
};

enum { R_FILE, R_TABLE, R_ENC, R_DEPT, R_YEAR, R_N };

static const char *const enc_value[] = { "auto", "utf-8", "gbk", "gb18030" };
static const char *const enc_label[] = { "自动判断（BOM、UTF-8，否则 GBK/GB18030）", "UTF-8", "GBK", "GB18030" };

struct imp {
	struct lf_screen base;
	char *path;                 /* bytes, or NULL */
	const struct lf_form *form;
	int enc;
	char *dept;
	int year;
	int row;
	int pending;                /* a file was chosen: preview it when the chooser closes */
	char *denied;
};

static int tables(struct imp *m, const struct lf_form **out, int max)
{
	const struct lf_formset *set = lf_ui_ctx(m->base.ui)->forms;
	int i, n = 0;

	for (i = 0; i < lf_formset_count(set); i++) {
		const struct lf_form *f = lf_formset_at(set, i);

		if (f->type == LF_FORM_TABLE && lf_import_supports(f) && n < max)
			out[n++] = f;
	}
	return n;
}

static void imp_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	static const char *const label[] = { "文件", "表格", "编码", "处室", "年度" };
	struct imp *m = (struct imp *)s;
	struct lf_buf b;
	int i, y = 2;

	lf_ui_print(w, 0, 1, cols - 2, "导入已有的表格（CSV）：选好文件，按 F2 或 Ctrl-S 预览，看清楚了再导入。",
	            lf_ui_attr(LF_R_DIM));
	lf_buf_init(&b);
	for (i = 0; i < R_N; i++, y++) {
		attr_t a = i == m->row ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;

		lf_buf_reset(&b);
		switch (i) {
		case R_FILE:
			if (m->path) {
				char *d = lf_path_display(m->path);

				lf_buf_adds(&b, d);
				lf_free(d);
			} else {
				lf_buf_adds(&b, "（按 Enter 选择 U 盘上的文件）");
			}
			break;
		case R_TABLE: lf_buf_adds(&b, m->form ? m->form->title : "（没有可以导入的表格）"); break;
		case R_ENC: lf_buf_adds(&b, enc_label[m->enc]); break;
		case R_DEPT: lf_buf_adds(&b, m->dept ? m->dept : "无（表中有“处室”一列时不用选）"); break;
		case R_YEAR:
			if (m->year)
				lf_buf_addf(&b, "%d 年度", m->year);
			else
				lf_buf_adds(&b, "表头写的年度或填表日期，否则今年");
			break;
		}
		lf_ui_print(w, y, 2, 8, label[i], lf_ui_attr(LF_R_LABEL) | A_BOLD);
		if (i == m->row) {
			lf_ui_fill(w, y, 10, cols - 12, a);
			s->cy = y;
			s->cx = 10;
		}
		lf_ui_print(w, y, 11, cols - 13, b.s, a);
	}
	lf_buf_free(&b);
	y++;
	y += lf_ui_wrap(w, y, 2, cols - 4, 4,
	                "列按中文列名对应，次序不限；表格上方的标题、单位、日期行和下方的意见、签字行会被认出并跳过。"
	                "已有的处室、岗位、人员、风险点按名称对上，同一个文件导入两次不会重复。.xlsx 请先另存为 CSV。",
	                lf_ui_attr(LF_R_DIM));
	if (m->denied)
		lf_ui_wrap(w, y + 1, 2, cols - 4, rows - y - 2, m->denied, lf_ui_attr(LF_R_ERROR));
	lf_ui_print(w, rows - 1, 1, cols - 2, "↑↓ 选一项  Enter 选择  ←→ 换一个  x 默认  F2 预览", lf_ui_attr(LF_R_DIM));
}

static void preview_open(struct imp *m);

static void file_picked(void *ctx, const char *path, const char *shown)
{
	struct imp *m = ctx;

	(void)shown;
	lf_free(m->path);
	m->path = lf_strdup(path);
	m->pending = 1;
}

static void table_picked(void *ctx, const char *value, const char *label)
{
	struct imp *m = ctx;
	const struct lf_form *t[16];
	int n = tables(m, t, 16), i;

	(void)label;
	for (i = 0; i < n; i++)
		if (!strcmp(t[i]->title, value))
			m->form = t[i];
}

static void enc_picked(void *ctx, const char *value, const char *label)
{
	struct imp *m = ctx;
	int i;

	(void)label;
	for (i = 0; i < (int)LF_COUNT(enc_label); i++)
		if (!strcmp(value, enc_label[i]))
			m->enc = i;
}

static void dept_picked(void *ctx, const char *value, const char *label)
{
	struct imp *m = ctx;

	lf_free(m->dept);
	m->dept = lf_record_label(lf_ui_ctx(m->base.ui)->db, lf_kind_find("dept"), value);
	if (!m->dept)
		m->dept = lf_strdup(label);
}

static void ask_year(struct imp *m)
{
	struct lf_ui *ui = m->base.ui;
	char init[16] = "", *t, *end;
	long y;

	if (m->year)
		snprintf(init, sizeof init, "%d", m->year);
	if (!(t = lf_ui_prompt(ui, "导入到哪个年度（空：按表头）：", init)))
		return;
	y = strtol(t, &end, 10);
	if (!*t)
		m->year = 0;
	else if (*end || y < 2000 || y > 2100)
		lf_ui_msg(ui, LF_MSG_ERROR, "年度应为 2000 到 2100 之间的数，如 2026，而不是“%s”。", t);
	else
		m->year = (int)y;
	lf_free(t);
}

static void pick(struct imp *m)
{
	struct lf_ui *ui = m->base.ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	char *choices[16];
	const struct lf_form *t[16];
	lf_status st = LF_OK;
	int n, i;

	switch (m->row) {
	case R_FILE: {
		char *dir = NULL;

		if (m->path) {
			const char *slash = strrchr(m->path, '/');

			dir = slash ? lf_strndup(m->path, (size_t)(slash - m->path + 1)) : NULL;
		}
		lf_path_open(ui, "导入哪个文件", LF_PATH_READ, dir, file_picked, m);
		lf_free(dir);
		break;
	}
	case R_TABLE:
		n = tables(m, t, 16);
		for (i = 0; i < n; i++)
			choices[i] = t[i]->title;
		st = lf_picker_choices(ui, "是哪种表格", choices, n, table_picked, m);
		break;
	case R_ENC:
		for (i = 0; i < (int)LF_COUNT(enc_label); i++)
			choices[i] = (char *)enc_label[i];
		st = lf_picker_choices(ui, "文件的编码", choices, (int)LF_COUNT(enc_label), enc_picked, m);
		lf_picker_select(ui, enc_label[m->enc]);
		break;
	case R_DEPT: st = lf_picker_records(ui, lf_kind_find("dept"), "没有写处室的行属于", dept_picked, m); break;
	case R_YEAR: ask_year(m); break;
	}
	if (st)
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
}

static void cycle_value(struct imp *m, int by)
{
	const struct lf_form *t[16];
	int n, i;

	if (m->row == R_ENC) {
		m->enc = (m->enc + by + 4) % 4;
	} else if (m->row == R_TABLE) {
		n = tables(m, t, 16);
		for (i = 0; i < n && t[i] != m->form; i++)
			;
		if (n)
			m->form = t[((i < n ? i : 0) + by + n) % n];
	} else {
		pick(m);
	}
}

static int imp_action(struct lf_screen *s, int id)
{
	struct imp *m = (struct imp *)s;

	switch (id) {
	case I_PREVIEW:
		if (!m->path) {
			m->row = R_FILE;
			pick(m);
		} else {
			preview_open(m);
		}
		break;
	case I_PICK: pick(m); break;
	case I_CLEAR:
		if (m->row == R_ENC)
			m->enc = 0;
		else if (m->row == R_DEPT) {
			lf_free(m->dept);
			m->dept = NULL;
		} else if (m->row == R_YEAR)
			m->year = 0;
		break;
	case I_UP: m->row = (m->row + R_N - 1) % R_N; break;
	case I_DOWN: m->row = (m->row + 1) % R_N; break;
	case I_NEXT: cycle_value(m, 1); break;
	case I_PREV: cycle_value(m, -1); break;
	}
	return LF_DIRTY_ALL;
}

static void imp_resume(struct lf_screen *s)
{
	struct imp *m = (struct imp *)s;

	if (m->pending) {
		m->pending = 0;
		preview_open(m);
	}
}

static void imp_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "把单位已有的表格导入：处室、岗位、人员、风险点和防控措施。可以导入的是汇总表（附件2）和风险点台账，"
	               "CSV 文件（Excel、WPS 里“另存为 CSV”），UTF-8 或 GBK/GB18030，编码自动判断。"
	               "预览就是一次试导入：逐行检查全部内容，列出将要新建、对上和修改的记录，以及每个有问题的行的行号和原因；"
	               "只要有一行有问题，就什么也不导入。没有问题时按 F2 在一个事务里全部导入。需要纪检监察的角色。\n");
}

static void imp_free(struct lf_screen *s)
{
	struct imp *m = (struct imp *)s;

	lf_free(m->path);
	lf_free(m->dept);
	lf_free(m->denied);
	lf_free(m);
}

static const struct lf_screen_ops imp_ops = {
	.name = "import",
	.actions = lf_import_actions,
	.draw = imp_draw,
	.action = imp_action,
	.resume = imp_resume,
	.help = imp_help,
	.free = imp_free,
};

void lf_import_open(struct lf_ui *ui)
{
	struct imp *m = lf_alloc(sizeof *m);
	struct lf_db *db = lf_ui_ctx(ui)->db;
	const struct lf_form *t[1];

	m->base.ui = ui;
	m->form = lf_formset_get(lf_ui_ctx(ui)->forms, "summary"); /* the table offices keep most */
	if ((!m->form || !lf_import_supports(m->form)) && tables(m, t, 1))
		m->form = t[0];
	if (lf_import_allowed(db))
		m->denied = lf_strdup(db->err);
	lf_screen_init(&m->base, &imp_ops, "导入表格");
	lf_ui_push(ui, &m->base);
}

/* ------------------------------------------------------------------ the preview */

enum { V_APPLY = 1 };

const struct lf_ui_action lf_ipreview_actions[] = {
	{ V_APPLY, "import", "导入", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "预览没有问题时，全部导入（一个事务：要么全部，要么什么也不导入）" },
	{ 0 },
};

#define MAX_BAD 1000
#define SHOW_NAMES 8

struct ipv {
	struct lf_screen base;
	struct imp *m;
	char *shown;
	struct lf_import_result dry, res;
	lf_status dst, st;
	int ran;
	char **bad;
	long nbad, bad_total;
	char *names[LF_IW_N][LF_IA_N][SHOW_NAMES];
	struct xview v;
};

static void on_bad(void *ctx, long line, const char *column, const char *msg)
{
	struct ipv *p = ctx;

	p->bad_total++;
	if (p->nbad >= MAX_BAD)
		return;
	p->bad = lf_realloc(p->bad, (size_t)(p->nbad + 1) * sizeof *p->bad);
	if (line <= 0)
		p->bad[p->nbad++] = lf_strdup(msg);
	else if (*column)
		p->bad[p->nbad++] = lf_printf("第 %ld 行“%s”列：%s", line, column, msg);
	else
		p->bad[p->nbad++] = lf_printf("第 %ld 行：%s", line, msg);
}

static void on_note(void *ctx, const struct lf_import_note *n)
{
	struct ipv *p = ctx;
	int k;

	for (k = 0; k < SHOW_NAMES; k++)
		if (!p->names[n->what][n->act][k]) {
			p->names[n->what][n->act][k] = lf_strdup(n->name);
			break;
		}
}

static int on_progress(void *ctx, long long done, long long total)
{
	struct ipv *p = ctx;

	return lf_ui_progress(p->base.ui, p->ran ? "导入" : "预览", done * 2 < total ? "检查" : "写入", done, total);
}

static void forget(struct ipv *p)
{
	long i;
	int w, a, k;

	for (i = 0; i < p->nbad; i++)
		lf_free(p->bad[i]);
	lf_free(p->bad);
	p->bad = NULL;
	p->nbad = p->bad_total = 0;
	for (w = 0; w < LF_IW_N; w++)
		for (a = 0; a < LF_IA_N; a++)
			for (k = 0; k < SHOW_NAMES; k++) {
				lf_free(p->names[w][a][k]);
				p->names[w][a][k] = NULL;
			}
}

static void build(struct ipv *p)
{
	static const char *const act[] = { "新建", "已有", "修改" };
	static const char *const unit[] = { "个", "个", "个", "人", "个", "条" };
	struct lf_db *db = lf_ui_ctx(p->base.ui)->db;
	const struct lf_import_result *r = p->ran ? &p->res : &p->dry;
	lf_status st = p->ran ? p->st : p->dst;
	struct lf_buf b;
	int w, a, k;
	long i;

	xview_clear(&p->v);
	xview_add(&p->v, LF_R_NORMAL, 0, "文件    %s", p->shown);
	xview_add(&p->v, LF_R_NORMAL, 0, "表格    %s", p->m->form->title);
	if (r->header_line) {
		xview_add(&p->v, LF_R_NORMAL, 0, "读作    %s；列名在第 %ld 行：%s", r->encoding, r->header_line, r->columns);
		xview_add(&p->v, LF_R_NORMAL, 0, "数据    %ld 行%s%s", r->rows, r->blank ? "（另有空行）" : "",
		          r->bad_rows ? "" : "");
	}
	if (r->year)
		xview_add(&p->v, LF_R_NORMAL, 0, "年度    %d（%s）", r->year, r->year_from);
	if (st == LF_OK) {
		xview_add(&p->v, LF_R_HEADER, 0, p->ran ? "已导入" : "试导入（什么也没有改），将要：");
		lf_buf_init(&b);
		for (a = 0; a < LF_IA_N; a++)
			for (w = 0; w < LF_IW_N; w++) {
				if (!r->counts[w][a])
					continue;
				lf_buf_reset(&b);
				lf_buf_addf(&b, "%s%s %ld %s", act[a], lf_import_what_label(w), r->counts[w][a], unit[w]);
				for (k = 0; k < SHOW_NAMES && p->names[w][a][k] && w != LF_IW_RISK && w != LF_IW_MEASURE; k++)
					lf_buf_addf(&b, "%s%s", k ? "、" : "：", p->names[w][a][k]);
				if (w != LF_IW_RISK && w != LF_IW_MEASURE && r->counts[w][a] > SHOW_NAMES)
					lf_buf_adds(&b, "等");
				xview_add(&p->v, p->ran ? LF_R_INFO : LF_R_NORMAL, 2, "%s", b.s);
			}
		lf_buf_free(&b);
		if (r->powers_unlinked)
			xview_add(&p->v, LF_R_NORMAL, 2, "有 %ld 行的“所属职权”在本单位的职权目录里找不到，这些风险点不关联职权",
			          r->powers_unlinked);
	}
	if (p->bad_total) {
		xview_add(&p->v, LF_R_HEADER, 0, "有问题的地方 %ld 处（%ld 行）", p->bad_total, r->bad_rows);
		for (i = 0; i < p->nbad; i++)
			xview_add(&p->v, LF_R_ERROR, 2, "%s", p->bad[i]);
		if (p->bad_total > p->nbad)
			xview_add(&p->v, LF_R_ERROR, 2, "……另有 %ld 处未列出。", p->bad_total - p->nbad);
	}
	if (st == LF_OK && !p->ran)
		xview_add(&p->v, LF_R_INFO, 0, "没有问题：按 F2 或 Ctrl-S 全部导入（要么全部，要么什么也不导入）；按 Esc 返回。");
	else if (st == LF_INVALID && r->bad_rows)
		xview_add(&p->v, LF_R_ERROR, 0, "有 %ld 行有问题，什么也%s导入。请在表格里改好这些行，再预览一次。", r->bad_rows,
		          p->ran ? "没有" : "不能");
	else if (st)
		xview_add(&p->v, LF_R_ERROR, 0, "%s：%s", p->ran ? "没有导入" : "不能导入", lf_errmsg(db, st));
}

static void run(struct ipv *p, int dry)
{
	struct lf_ui *ui = p->base.ui;
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct imp *m = p->m;
	struct lf_import_opts o;
	lf_status st;

	memset(&o, 0, sizeof o);
	o.encoding = enc_value[m->enc];
	o.dry_run = dry;
	o.dept = m->dept;
	o.year = m->year;
	o.forms = lf_ui_ctx(ui)->forms;
	o.bad = on_bad;
	o.note = on_note;
	o.progress = on_progress;
	o.ctx = p;
	forget(p);
	if (!dry)
		p->ran = 1;
	st = lf_import(db, m->form, m->path, &o, dry ? &p->dry : &p->res);
	lf_ui_progress_end(ui);
	if (dry)
		p->dst = st;
	else
		p->st = st;
	build(p);
	if (st == LF_OK && !dry) {
		lf_ui_msg(ui, LF_MSG_INFO, "已导入 %ld 行。", p->res.rows);
		lf_ui_refresh_overview(ui);
	} else if (st) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s：%s", dry ? "不能导入" : "没有导入", lf_errmsg(db, st));
	}
}

static void ipv_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	xview_draw(&((struct ipv *)s)->v, w, 1, 2, rows - 1, cols - 4);
}

static int ipv_enabled(struct lf_screen *s, int id)
{
	struct ipv *p = (struct ipv *)s;

	(void)id;
	return p->dst == LF_OK && !(p->ran && p->st == LF_OK);
}

static int ipv_action(struct lf_screen *s, int id)
{
	if (id == V_APPLY)
		run((struct ipv *)s, 0);
	return LF_DIRTY_ALL;
}

static int ipv_key(struct lf_screen *s, int key)
{
	return xview_key(&((struct ipv *)s)->v, key) ? LF_DIRTY_BODY : -1;
}

static void ipv_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "试导入的结果：文件按什么编码读、列名在哪一行、有多少数据行，将要新建、已有（对上）和修改的记录，"
	               "以及每个有问题的行的行号和原因。没有问题时按 F2 或 Ctrl-S 全部导入。\n");
}

static void ipv_free(struct lf_screen *s)
{
	struct ipv *p = (struct ipv *)s;

	forget(p);
	lf_free(p->shown);
	xview_clear(&p->v);
	lf_free(p);
}

static const struct lf_screen_ops ipv_ops = {
	.name = "import-preview",
	.actions = lf_ipreview_actions,
	.draw = ipv_draw,
	.action = ipv_action,
	.key = ipv_key,
	.enabled = ipv_enabled,
	.help = ipv_help,
	.more_actions = lf_list_actions,
	.more_title = "滚动",
	.free = ipv_free,
};

static void preview_open(struct imp *m)
{
	struct ipv *p;

	if (!m->form) {
		lf_ui_msg(m->base.ui, LF_MSG_ERROR, "没有可以导入的表格。");
		return;
	}
	p = lf_alloc(sizeof *p);
	p->m = m;
	p->shown = lf_path_display(m->path);
	lf_screen_init(&p->base, &ipv_ops, "导入预览");
	lf_ui_push(m->base.ui, &p->base);
	xview_add(&p->v, LF_R_NORMAL, 0, "正在检查 %s ……", p->shown);
	run(p, 1);
}
