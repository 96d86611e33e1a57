/* export: official tables to .xlsx, CSV and text (include/lianfang/export.h).
 *
 * One loop reads the data source and hands documents and rows to a writer
 * (xlsx, csv or txt: a small table of functions each). Before a writer sees
 * any text — the title, a header line, a column label, a cell, a footer —
 * it goes through the encoder, which reports every character the encoding
 * cannot hold; after the first such character nothing more is written, but
 * the checking goes on to the end so the report is complete. The output is
 * a temporary file until lf_file_commit puts it in place. */
#include "lianfang/export.h"
#include "lianfang/csv.h"
#include "lianfang/textwidth.h"
#include "lianfang/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

int lf_xformat_parse(const char *name, enum lf_xformat *out)
{
	if (!strcasecmp(name, "xlsx"))
		*out = LF_XFMT_XLSX;
	else if (!strcasecmp(name, "csv"))
		*out = LF_XFMT_CSV;
	else if (!strcasecmp(name, "txt") || !strcasecmp(name, "text"))
		*out = LF_XFMT_TXT;
	else
		return -1;
	return 0;
}

int lf_xformat_from_path(const char *path, enum lf_xformat *out)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		return -1;
	return lf_xformat_parse(dot + 1, out);
}

void lf_xproblem_text(const struct lf_xproblem *p, char *buf, size_t len)
{
	char where[512], doc[256] = "", ch[8] = "";
	const char *what = p->cp >= 0x1f000 ? "这个符号" : "这个字";

	if (p->doc_name && *p->doc_name)
		snprintf(doc, sizeof doc, "（%s）", p->doc_name);
	else if (p->doc > 1)
		snprintf(doc, sizeof doc, "第 %d 份", p->doc);
	switch (p->part) {
	case LF_XP_TITLE: snprintf(where, sizeof where, "%s标题", doc); break;
	case LF_XP_HEADER: snprintf(where, sizeof where, "%s表头第 %ld 行", doc, p->row); break;
	case LF_XP_COLUMNS: snprintf(where, sizeof where, "%s列名“%s”", doc, p->column); break;
	case LF_XP_ROW: snprintf(where, sizeof where, "%s第 %ld 行“%s”列", doc, p->row, p->column); break;
	case LF_XP_FOOTER: snprintf(where, sizeof where, "%s表尾第 %ld 行", doc, p->row); break;
	}
	if (p->cp >= 0x20 && p->cp != 0x7f) {
		char tmp[8];
		int n = 0;
		unsigned c = p->cp;

		/* encode the code point back to UTF-8 to show it */
		if (c < 0x80)
			tmp[n++] = (char)c;
		else if (c < 0x800)
			tmp[n++] = (char)(0xc0 | c >> 6), tmp[n++] = (char)(0x80 | (c & 0x3f));
		else if (c < 0x10000)
			tmp[n++] = (char)(0xe0 | c >> 12), tmp[n++] = (char)(0x80 | ((c >> 6) & 0x3f)),
			tmp[n++] = (char)(0x80 | (c & 0x3f));
		else
			tmp[n++] = (char)(0xf0 | c >> 18), tmp[n++] = (char)(0x80 | ((c >> 12) & 0x3f)),
			tmp[n++] = (char)(0x80 | ((c >> 6) & 0x3f)), tmp[n++] = (char)(0x80 | (c & 0x3f));
		tmp[n] = 0;
		snprintf(ch, sizeof ch, "%s", tmp);
	}
	if (p->text && lf_utf8_chars(p->text) <= 30 && !strchr(p->text, '\n'))
		snprintf(buf, len, "%s“%s”的第 %ld 个字“%s”（U+%04X）：%s 中没有%s%s", where, p->text, p->index, ch,
		         p->cp, p->encoding, what, p->replaced ? "，已写成 [U+" : "");
	else
		snprintf(buf, len, "%s第 %ld 个字“%s”（U+%04X）：%s 中没有%s%s", where, p->index, ch, p->cp,
		         p->encoding, what, p->replaced ? "，已写成 [U+" : "");
	if (p->replaced) {
		size_t n = strlen(buf);

		snprintf(buf + n, len - n, "%04X]", p->cp);
	}
}

/* ------------------------------------------------------------------ the loop's state */

struct writer;

struct xctx {
	struct lf_db *db;
	const struct lf_form *form;
	const struct lf_export_opts *o;
	struct lf_xsrc *src;
	struct lf_encoder *enc;        /* NULL: no conversion (UTF-8 text, xlsx) */
	const struct writer *w;
	void *ws;                      /* the writer's own state */
	FILE *fp;
	const char *tmp;
	int ncols;                     /* visible columns */
	const struct lf_form_column **cols;
	int *srccol;
	/* the current document, prepared for the encoding */
	int doc;
	char *doc_name;
	char *title, **header, **footer, **sign, **labels;
	long row;
	char **prev;                   /* the previous row's cells, for merging */
	int *cont;                     /* per column: continues the previous row's merged cell */
	long rows;
	int stopped;                   /* a character could not be encoded: write nothing more */
	struct lf_xproblem where;
	long problems;
	char err[512];
};

struct writer {
	lf_status (*open)(struct xctx *x);
	lf_status (*doc_begin)(struct xctx *x);
	lf_status (*row)(struct xctx *x, char **cells);
	lf_status (*doc_end)(struct xctx *x);
	/* keep = 0: the export failed; free everything, write nothing more. */
	lf_status (*close)(struct xctx *x, int keep);
};

static void on_problem(void *ctx, unsigned cp, long index, const char *text)
{
	struct xctx *x = ctx;

	x->where.cp = cp;
	x->where.index = index;
	x->where.text = text;
	x->where.replaced = x->o->replace;
	x->where.encoding = lf_encoding_label(x->o->encoding);
	x->where.doc = x->doc;
	x->where.doc_name = x->doc_name;
	x->problems++;
	if (!x->o->replace)
		x->stopped = 1;
	if (x->o->problem)
		x->o->problem(x->o->ctx, &x->where);
}

/* Text for the writer: checked against the encoding, maybe with [U+XXXX]. */
static char *prep(struct xctx *x, const char *s, enum lf_xpart part, long row, const char *column)
{
	if (!x->enc)
		return lf_strdup(s);
	x->where.part = part;
	x->where.row = row;
	x->where.column = column;
	return lf_encoder_prepare(x->enc, s, on_problem, x);
}

/* Write prepared text to the file (nothing once stopped). */
static lf_status out(struct xctx *x, const char *s, size_t n)
{
	if (x->stopped)
		return LF_OK;
	if (x->enc ? lf_encoder_write(x->enc, x->fp, s, n) != 0 : (n && fwrite(s, 1, n, x->fp) != n))
		return lf_fail(x->db, LF_IO, "写入 %s 失败：%s", x->tmp,
		               x->enc ? lf_encoder_error(x->enc) : strerror(errno));
	return LF_OK;
}

static lf_status outs(struct xctx *x, const char *s)
{
	return out(x, s, strlen(s));
}

static int text_lines(const char *s, int width, enum lf_width_mode mode);

/* ------------------------------------------------------------------ CSV */

static const char *eol_of(const struct xctx *x)
{
	/* Files for Windows (a BOM, GBK, GB18030) end lines with CRLF; CSV always does. */
	return x->o->format == LF_XFMT_CSV || x->o->encoding != LF_ENC_UTF8 ? "\r\n" : "\n";
}

static lf_status csv_record(struct xctx *x, char **fields, int n)
{
	struct lf_buf b;
	lf_status st;
	int i;

	lf_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i)
			lf_buf_addc(&b, ',');
		lf_csv_field(&b, fields[i]);
	}
	lf_buf_adds(&b, "\r\n");
	st = out(x, b.s, b.len);
	lf_buf_free(&b);
	return st;
}

static lf_status csv_open(struct xctx *x)
{
	return x->enc ? outs(x, lf_encoder_bom(x->enc)) : LF_OK;
}

static lf_status csv_doc_begin(struct xctx *x)
{
	lf_status st = LF_OK;
	int i;

	if (!x->o->table_only) {
		if (x->doc > 1)
			st = outs(x, "\r\n");
		if (st == LF_OK)
			st = csv_record(x, &x->title, 1);
		for (i = 0; i < x->form->nheader && st == LF_OK; i++)
			st = csv_record(x, &x->header[i], 1);
	}
	if (st == LF_OK && (!x->o->table_only || x->doc == 1))
		st = csv_record(x, x->labels, x->ncols);
	return st;
}

static lf_status csv_row(struct xctx *x, char **cells)
{
	return csv_record(x, cells, x->ncols);
}

static lf_status csv_doc_end(struct xctx *x)
{
	lf_status st = LF_OK;
	int i;

	if (x->o->table_only)
		return LF_OK;
	for (i = 0; i < x->form->nfooter && st == LF_OK; i++) {
		st = csv_record(x, &x->footer[i], 1);
		if (st == LF_OK && x->sign[i])
			st = csv_record(x, &x->sign[i], 1);
	}
	return st;
}

static lf_status csv_close(struct xctx *x, int keep)
{
	(void)x;
	(void)keep;
	return LF_OK;
}

static const struct writer csv_writer = { csv_open, csv_doc_begin, csv_row, csv_doc_end, csv_close };

/* ------------------------------------------------------------------ text */

struct txt {
	int *w;               /* display columns of each column's text */
	int total;            /* of the whole table, borders included */
	enum lf_width_mode mode;
	char **pending;       /* the row printed once the next one shows how to separate them */
	long page_rows;
	struct lf_buf line;
};

struct span {
	const char *s;
	size_t n;
};

struct spans {
	struct span *v;
	int n, cap;
};

static void add_span(void *ctx, const char *s, size_t n)
{
	struct spans *sp = ctx;

	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 8;
		sp->v = lf_realloc(sp->v, (size_t)sp->cap * sizeof *sp->v);
	}
	sp->v[sp->n].s = s;
	sp->v[sp->n].n = n;
	sp->n++;
}

static void count_line(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	(void)s;
	(void)n;
}

static int text_lines(const char *s, int width, enum lf_width_mode mode)
{
	return lf_wrap(s, width, mode, count_line, NULL);
}

static size_t span_width(const struct span *sp, enum lf_width_mode mode)
{
	char *copy = lf_strndup(sp->s, sp->n);
	size_t w = lf_width(copy, mode);

	lf_free(copy);
	return w;
}

static void pad(struct lf_buf *b, long n)
{
	for (; n > 0; n--)
		lf_buf_addc(b, ' ');
}

/* Tabs would break the alignment: shown as spaces. */
static char *untab(const char *s)
{
	char *c = lf_strdup(s), *p;

	for (p = c; *p; p++)
		if (*p == '\t')
			*p = ' ';
	return c;
}

static lf_status txt_eol(struct xctx *x, struct lf_buf *b)
{
	lf_status st;

	lf_buf_adds(b, eol_of(x));
	st = out(x, b->s, b->len);
	lf_buf_reset(b);
	return st;
}

/* A border line: '-' under every column that ends here, ' ' where a merged
 * cell goes on (cont[j]), '+' or '|' at the joints. */
static lf_status txt_rule(struct xctx *x, const int *cont)
{
	struct txt *t = x->ws;
	int j;

	for (j = 0; j <= x->ncols; j++) {
		int left = j > 0 && !(cont && cont[j - 1]), right = j < x->ncols && !(cont && cont[j]);

		lf_buf_addc(&t->line, left || right ? '+' : '|');
		if (j < x->ncols) {
			int k;

			for (k = 0; k < t->w[j] + 2; k++)
				lf_buf_addc(&t->line, right ? '-' : ' ');
		}
	}
	return txt_eol(x, &t->line);
}

/* The lines of one row of cells (blank where cont[j]). */
static lf_status txt_cells(struct xctx *x, char **cells, const int *cont, int header)
{
	struct txt *t = x->ws;
	struct spans *sp = lf_alloc((size_t)x->ncols * sizeof *sp);
	char **texts = lf_alloc((size_t)x->ncols * sizeof *texts);
	int j, k, height = 1;
	lf_status st = LF_OK;

	for (j = 0; j < x->ncols; j++) {
		texts[j] = untab(cont && cont[j] ? "" : cells[j]);
		lf_wrap(texts[j], t->w[j], t->mode, add_span, &sp[j]);
		if (sp[j].n > height)
			height = sp[j].n;
	}
	for (k = 0; k < height && st == LF_OK; k++) {
		lf_buf_addc(&t->line, '|');
		for (j = 0; j < x->ncols; j++) {
			enum lf_align a = header ? LF_ALIGN_CENTER : x->cols[j]->align;
			long w = 0, room;

			if (k < sp[j].n)
				w = (long)span_width(&sp[j].v[k], t->mode);
			room = t->w[j] - w;
			lf_buf_addc(&t->line, ' ');
			pad(&t->line, a == LF_ALIGN_RIGHT ? room : a == LF_ALIGN_CENTER ? room / 2 : 0);
			if (k < sp[j].n)
				lf_buf_add(&t->line, sp[j].v[k].s, sp[j].v[k].n);
			pad(&t->line, a == LF_ALIGN_RIGHT ? 0 : a == LF_ALIGN_CENTER ? room - room / 2 : room);
			lf_buf_adds(&t->line, " |");
		}
		st = txt_eol(x, &t->line);
	}
	for (j = 0; j < x->ncols; j++) {
		lf_free(sp[j].v);
		lf_free(texts[j]);
	}
	lf_free(sp);
	lf_free(texts);
	return st;
}

static lf_status txt_open(struct xctx *x)
{
	struct txt *t = lf_alloc(sizeof *t);
	long page = x->o->width > 0 ? x->o->width : x->form->landscape ? 160 : 110;
	long avail = page - (x->ncols + 1) - 2L * x->ncols, want = 0;
	int j;

	x->ws = t;
	lf_buf_init(&t->line);
	t->mode = x->o->encoding == LF_ENC_GBK || x->o->encoding == LF_ENC_GB18030 ? LF_WIDTH_DBCS : LF_WIDTH_UNICODE;
	t->w = lf_alloc((size_t)x->ncols * sizeof *t->w);
	for (j = 0; j < x->ncols; j++)
		want += 2L * (x->cols[j]->width ? x->cols[j]->width : 8);
	for (j = 0; j < x->ncols; j++) {
		long wj = 2L * (x->cols[j]->width ? x->cols[j]->width : 8);

		if (want > avail && avail > 0)
			wj = wj * avail / want;
		t->w[j] = (int)(wj < 4 ? 4 : wj);
	}
	t->total = x->ncols + 1;
	for (j = 0; j < x->ncols; j++)
		t->total += t->w[j] + 2;
	return x->enc ? outs(x, lf_encoder_bom(x->enc)) : LF_OK;
}

static lf_status txt_columns(struct xctx *x)
{
	lf_status st = txt_rule(x, NULL);

	if (st == LF_OK)
		st = txt_cells(x, x->labels, NULL, 1);
	if (st == LF_OK)
		st = txt_rule(x, NULL);
	return st;
}

static lf_status txt_doc_begin(struct xctx *x)
{
	struct txt *t = x->ws;
	lf_status st = LF_OK;
	long tw;
	int i;

	if (x->doc > 1) {
		lf_buf_addc(&t->line, '\f');
		st = txt_eol(x, &t->line);
	}
	tw = (long)lf_width(x->title, t->mode);
	pad(&t->line, (t->total - tw) / 2);
	lf_buf_adds(&t->line, x->title);
	if (st == LF_OK)
		st = txt_eol(x, &t->line);
	if (st == LF_OK)
		st = txt_eol(x, &t->line);
	for (i = 0; i < x->form->nheader && st == LF_OK; i++) {
		lf_buf_adds(&t->line, x->header[i]);
		st = txt_eol(x, &t->line);
	}
	t->page_rows = 0;
	return st == LF_OK ? txt_columns(x) : st;
}

static void free_cells(char **cells, int n)
{
	int j;

	if (!cells)
		return;
	for (j = 0; j < n; j++)
		lf_free(cells[j]);
	lf_free(cells);
}

static char **copy_cells(char **cells, int n)
{
	char **c = lf_alloc((size_t)n * sizeof *c);
	int j;

	for (j = 0; j < n; j++)
		c[j] = lf_strdup(cells[j]);
	return c;
}

/* Print the pending row; `next_cont` says which of its merged cells go on
 * into the next row (NULL: none, the table or page ends). */
static lf_status txt_flush(struct xctx *x, const int *next_cont)
{
	struct txt *t = x->ws;
	lf_status st;

	if (!t->pending)
		return LF_OK;
	st = txt_cells(x, t->pending, NULL, 0);
	if (st == LF_OK)
		st = txt_rule(x, next_cont);
	free_cells(t->pending, x->ncols);
	t->pending = NULL;
	return st;
}

static lf_status txt_row(struct xctx *x, char **cells)
{
	struct txt *t = x->ws;
	int *cont = lf_alloc((size_t)x->ncols * sizeof *cont);
	lf_status st = LF_OK;
	int j;

	memcpy(cont, x->cont, (size_t)x->ncols * sizeof *cont);
	if (x->form->per_page && t->page_rows == x->form->per_page) {
		/* A new page: the column header again, merged cells start over. */
		st = txt_flush(x, NULL);
		lf_buf_addc(&t->line, '\f');
		if (st == LF_OK)
			st = txt_eol(x, &t->line);
		if (st == LF_OK)
			st = txt_columns(x);
		memset(cont, 0, (size_t)x->ncols * sizeof *cont);
		t->page_rows = 0;
	}
	if (st == LF_OK)
		st = txt_flush(x, cont);
	/* A cell that continues the merged cell above it is blank. */
	t->pending = copy_cells(cells, x->ncols);
	for (j = 0; j < x->ncols; j++)
		if (cont[j]) {
			lf_free(t->pending[j]);
			t->pending[j] = lf_strdup("");
		}
	t->page_rows++;
	lf_free(cont);
	return st;
}

static lf_status txt_doc_end(struct xctx *x)
{
	struct txt *t = x->ws;
	lf_status st = txt_flush(x, NULL);
	int i;

	for (i = 0; i < x->form->nfooter && st == LF_OK; i++) {
		struct spans sp = { NULL, 0, 0 };
		char *text = untab(x->footer[i]);
		int k;

		st = txt_eol(x, &t->line);
		lf_wrap(text, t->total, t->mode, add_span, &sp);
		for (k = 0; k < sp.n && st == LF_OK; k++) {
			lf_buf_add(&t->line, sp.v[k].s, sp.v[k].n);
			st = txt_eol(x, &t->line);
		}
		if (st == LF_OK && x->sign[i]) {
			long w = (long)lf_width(x->sign[i], t->mode);

			st = txt_eol(x, &t->line);
			pad(&t->line, t->total - w);
			lf_buf_adds(&t->line, x->sign[i]);
			if (st == LF_OK)
				st = txt_eol(x, &t->line);
		}
		lf_free(sp.v);
		lf_free(text);
	}
	return st;
}

static lf_status txt_close(struct xctx *x, int keep)
{
	struct txt *t = x->ws;

	(void)keep;
	if (!t)
		return LF_OK;
	free_cells(t->pending, x->ncols);
	lf_free(t->w);
	lf_buf_free(&t->line);
	lf_free(t);
	x->ws = NULL;
	return LF_OK;
}

static const struct writer txt_writer = { txt_open, txt_doc_begin, txt_row, txt_doc_end, txt_close };

/* ------------------------------------------------------------------ xlsx */

#define XL_LINE 14.25 /* points per line of 11-point 宋体 */
#define XL_CELL_MAX 32767

struct xl {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *title, *head, *colhdr, *cell[3], *foot, *sign;
	lxw_row_t r, first_data;
	double *heights;        /* of this sheet's rows, by row */
	size_t nheights;
	lxw_row_t *group_start; /* per column: first row of the merged cell being built */
	char **group_text;
	lxw_row_t **breaks;     /* page breaks, kept until the workbook is closed */
	int nbreaks;
	char **names;           /* sheet names used */
	int nnames;
	long page_rows;
	lxw_doc_properties props;
	char *unit_name;
};

static lf_status xl_fail(struct xctx *x, lxw_error e, const char *what)
{
	return lf_fail(x->db, LF_IO, "写 .xlsx 失败（%s）：%s", what, lxw_strerror(e));
}

static lxw_format *xl_format(lxw_workbook *wb, int size, int bold, uint8_t align, uint8_t valign, int wrap)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "宋体");
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	format_set_align(f, align);
	format_set_align(f, valign);
	if (wrap)
		format_set_text_wrap(f);
	return f;
}

static lf_status xl_open(struct xctx *x)
{
	struct xl *l = lf_alloc(sizeof *l);
	lxw_workbook_options opts = { 0, NULL, 0 };
	char now[21];
	struct tm tm;
	int i;

	x->ws = l;
	l->group_start = lf_alloc((size_t)x->ncols * sizeof *l->group_start);
	l->group_text = lf_alloc((size_t)x->ncols * sizeof *l->group_text);
	l->wb = workbook_new_opt(x->tmp, &opts);
	if (!l->wb)
		return lf_fail(x->db, LF_IO, "无法建立 %s。", x->tmp);
	l->title = xl_format(l->wb, 16, 1, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, 1);
	l->head = xl_format(l->wb, 11, 0, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_CENTER, 0);
	l->colhdr = xl_format(l->wb, 11, 1, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, 1);
	format_set_border(l->colhdr, LXW_BORDER_THIN);
	for (i = 0; i < 3; i++) {
		static const uint8_t aligns[] = { LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT };

		l->cell[i] = xl_format(l->wb, 11, 0, aligns[i], LXW_ALIGN_VERTICAL_CENTER, 1);
		format_set_border(l->cell[i], LXW_BORDER_THIN);
	}
	l->foot = xl_format(l->wb, 11, 0, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_TOP, 1);
	format_set_border(l->foot, LXW_BORDER_THIN);
	format_set_bottom(l->foot, LXW_BORDER_NONE);
	l->sign = xl_format(l->wb, 11, 0, LXW_ALIGN_RIGHT, LXW_ALIGN_VERTICAL_BOTTOM, 0);
	format_set_border(l->sign, LXW_BORDER_THIN);
	format_set_top(l->sign, LXW_BORDER_NONE);
	/* Fixed properties: the same data gives the same file contents. */
	l->unit_name = lf_strdup(lf_xsrc_value(x->src, "unit"));
	l->props.title = x->form->title;
	l->props.company = l->unit_name;
	l->props.author = "lianfang";
	lf_now_utc(now);
	memset(&tm, 0, sizeof tm);
	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	           &tm.tm_sec) == 6) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		l->props.created = timegm(&tm);
	}
	workbook_set_properties(l->wb, &l->props);
	return LF_OK;
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique. */
static char *xl_sheet_name(struct xl *l, const char *want)
{
	struct lf_buf b;
	const char *s = want;
	int n = 0, k, i;

	lf_buf_init(&b);
	while (*s && n < 28) {
		unsigned cp;
		int len = lf_utf8_decode(s, strlen(s), &cp);

		if (len <= 0)
			break;
		if (strchr("[]:*?/\\'", *s) && len == 1)
			lf_buf_addc(&b, '_');
		else
			lf_buf_add(&b, s, (size_t)len);
		s += len;
		n++;
	}
	if (!b.len)
		lf_buf_adds(&b, "表");
	for (k = 1;; k++) {
		char *name = k == 1 ? lf_strdup(b.s) : lf_printf("%s(%d)", b.s, k);

		for (i = 0; i < l->nnames && strcmp(l->names[i], name); i++)
			;
		if (i == l->nnames) {
			lf_buf_free(&b);
			l->names = lf_realloc(l->names, (size_t)(l->nnames + 1) * sizeof *l->names);
			l->names[l->nnames++] = name;
			return name;
		}
		lf_free(name);
	}
}

static void xl_height(struct xl *l, lxw_row_t r, double h)
{
	if (r >= l->nheights) {
		size_t n = l->nheights ? l->nheights : 64;

		while (n <= r)
			n *= 2;
		l->heights = lf_realloc(l->heights, n * sizeof *l->heights);
		memset(l->heights + l->nheights, 0, (n - l->nheights) * sizeof *l->heights);
		l->nheights = n;
	}
	l->heights[r] = h;
	worksheet_set_row(l->ws, r, h, NULL);
}

/* Columns of text a cell of the form's width holds (a Chinese character is 2). */
static int xl_room(const struct lf_form_column *c)
{
	return 2 * (c->width ? c->width : 8);
}

static int xl_total_room(struct xctx *x)
{
	int j, n = 0;

	for (j = 0; j < x->ncols; j++)
		n += xl_room(x->cols[j]);
	return n;
}

static lf_status xl_merged_line(struct xctx *x, const char *text, lxw_format *f, double lines)
{
	struct xl *l = x->ws;
	lxw_error e;

	if (x->ncols > 1)
		e = worksheet_merge_range(l->ws, l->r, 0, l->r, (lxw_col_t)(x->ncols - 1), text, f);
	else
		e = worksheet_write_string(l->ws, l->r, 0, text, f);
	if (e)
		return xl_fail(x, e, "合并单元格");
	xl_height(l, l->r, lines * XL_LINE + 4);
	l->r++;
	return LF_OK;
}

static lf_status xl_doc_begin(struct xctx *x)
{
	struct xl *l = x->ws;
	char *name = xl_sheet_name(l, *x->doc_name ? x->doc_name : x->form->title);
	lf_status st = LF_OK;
	int j, i;

	l->breaks = lf_realloc(l->breaks, (size_t)x->doc * sizeof *l->breaks);
	l->breaks[x->doc - 1] = NULL;
	l->nbreaks = 0;
	l->ws = workbook_add_worksheet(l->wb, name);
	if (!l->ws)
		return lf_fail(x->db, LF_INTERNAL, "无法添加工作表“%s”。", name);
	l->r = 0;
	if (l->heights)
		memset(l->heights, 0, l->nheights * sizeof *l->heights);
	worksheet_set_paper(l->ws, 9); /* A4 */
	if (x->form->landscape)
		worksheet_set_landscape(l->ws);
	else
		worksheet_set_portrait(l->ws);
	worksheet_set_margins(l->ws, 0.5, 0.5, 0.6, 0.7);
	worksheet_center_horizontally(l->ws);
	worksheet_fit_to_pages(l->ws, 1, 0);
	worksheet_set_footer(l->ws, "&C第 &P 页，共 &N 页");
	for (j = 0; j < x->ncols; j++)
		worksheet_set_column(l->ws, (lxw_col_t)j, (lxw_col_t)j, xl_room(x->cols[j]) * 1.05 + 1, NULL);
	st = xl_merged_line(x, x->title, l->title, 2);
	for (i = 0; i < x->form->nheader && st == LF_OK; i++)
		st = xl_merged_line(x, x->header[i], l->head, 1);
	if (st)
		return st;
	{
		int lines = 1;

		for (j = 0; j < x->ncols; j++) {
			int k = text_lines(x->labels[j], xl_room(x->cols[j]), LF_WIDTH_DBCS);
			lxw_error e = worksheet_write_string(l->ws, l->r, (lxw_col_t)j, x->labels[j], l->colhdr);

			if (e)
				return xl_fail(x, e, "列名");
			if (k > lines)
				lines = k;
		}
		xl_height(l, l->r, lines * XL_LINE + 6);
	}
	worksheet_repeat_rows(l->ws, l->r, l->r);
	l->r++;
	l->first_data = l->r;
	l->page_rows = 0;
	for (j = 0; j < x->ncols; j++) {
		lf_free(l->group_text[j]);
		l->group_text[j] = NULL;
	}
	return LF_OK;
}

static int is_number(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 9 || (s[0] == '0' && n > 1))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* End the merged cell being built in column j at the row before l->r. */
static lf_status xl_close_group(struct xctx *x, int j)
{
	struct xl *l = x->ws;
	lxw_row_t a = l->group_start[j], b = l->r - 1, r;
	const struct lf_form_column *c = x->cols[j];
	lxw_format *f = l->cell[c->align];
	double need, have = 0;

	if (!l->group_text[j])
		return LF_OK;
	if (b > a) {
		lxw_error e = worksheet_merge_range(l->ws, a, (lxw_col_t)j, b, (lxw_col_t)j, l->group_text[j], f);

		if (e)
			return xl_fail(x, e, "合并单元格");
	}
	need = text_lines(l->group_text[j], xl_room(c), LF_WIDTH_DBCS) * XL_LINE + 4;
	for (r = a; r <= b; r++)
		have += r < l->nheights ? l->heights[r] : XL_LINE;
	if (need > have)
		xl_height(l, b, l->heights[b] + need - have);
	lf_free(l->group_text[j]);
	l->group_text[j] = NULL;
	return LF_OK;
}

static lf_status xl_row(struct xctx *x, char **cells)
{
	struct xl *l = x->ws;
	lf_status st = LF_OK;
	double lines = 1;
	int j;

	if (x->form->per_page && l->page_rows == x->form->per_page) {
		l->breaks[x->doc - 1] = lf_realloc(l->breaks[x->doc - 1], ((size_t)l->nbreaks + 2) * sizeof(lxw_row_t));
		l->breaks[x->doc - 1][l->nbreaks++] = l->r;
		l->breaks[x->doc - 1][l->nbreaks] = 0;
		l->page_rows = 0;
	}
	l->page_rows++;
	for (j = 0; j < x->ncols && st == LF_OK; j++) {
		const struct lf_form_column *c = x->cols[j];
		lxw_format *f = l->cell[c->align];
		lxw_error e;

		if (lf_utf8_chars(cells[j]) > XL_CELL_MAX)
			return lf_fail(x->db, LF_INVALID, "第 %ld 行“%s”列有 %zu 个字，超过 Excel 一个单元格最多 %d 个字的限制。",
			               x->row, c->label, lf_utf8_chars(cells[j]), XL_CELL_MAX);
		if (c->merge) {
			if (x->cont[j])
				continue;
			if ((st = xl_close_group(x, j)))
				return st;
			l->group_start[j] = l->r;
			l->group_text[j] = lf_strdup(cells[j]);
		} else {
			int k = text_lines(cells[j], xl_room(c), LF_WIDTH_DBCS);

			if (k > lines)
				lines = k;
		}
		if (is_number(cells[j]))
			e = worksheet_write_number(l->ws, l->r, (lxw_col_t)j, atof(cells[j]), f);
		else
			e = worksheet_write_string(l->ws, l->r, (lxw_col_t)j, cells[j], f);
		if (e)
			return xl_fail(x, e, "单元格");
	}
	/* Cells inside a merged range still need their borders. */
	for (j = 0; j < x->ncols; j++)
		if (x->cols[j]->merge && x->cont[j])
			worksheet_write_blank(l->ws, l->r, (lxw_col_t)j, l->cell[x->cols[j]->align]);
	xl_height(l, l->r, lines * XL_LINE + 4);
	l->r++;
	return LF_OK;
}

static lf_status xl_doc_end(struct xctx *x)
{
	struct xl *l = x->ws;
	lf_status st = LF_OK;
	int j, i, room = xl_total_room(x);

	for (j = 0; j < x->ncols && st == LF_OK; j++)
		if (x->cols[j]->merge)
			st = xl_close_group(x, j);
	for (i = 0; i < x->form->nfooter && st == LF_OK; i++) {
		int k = text_lines(x->footer[i], room, LF_WIDTH_DBCS);

		if (x->sign[i]) {
			st = xl_merged_line(x, x->footer[i], l->foot, k + 2 > 3 ? k + 2 : 3);
			if (st == LF_OK)
				st = xl_merged_line(x, x->sign[i], l->sign, 1.5);
		} else {
			st = xl_merged_line(x, x->footer[i], l->head, k);
		}
	}
	if (st == LF_OK && l->nbreaks) {
		lxw_error e = worksheet_set_h_pagebreaks(l->ws, l->breaks[x->doc - 1]);

		if (e)
			st = xl_fail(x, e, "分页");
	}
	l->nbreaks = 0;
	return st;
}

static lf_status xl_close(struct xctx *x, int keep)
{
	struct xl *l = x->ws;
	lf_status st = LF_OK;
	int i;

	if (!l)
		return LF_OK;
	if (l->wb) {
		lxw_error e;

		/* With nothing to keep the temporary file is removed by the caller. */
		e = workbook_close(l->wb);
		if (e && keep)
			st = xl_fail(x, e, "保存");
	}
	for (i = 0; i < x->ncols; i++)
		lf_free(l->group_text[i]);
	lf_free(l->group_text);
	lf_free(l->group_start);
	for (i = 0; l->breaks && i < x->doc; i++)
		lf_free(l->breaks[i]);
	lf_free(l->breaks);
	for (i = 0; i < l->nnames; i++)
		lf_free(l->names[i]);
	lf_free(l->names);
	lf_free(l->heights);
	lf_free(l->unit_name);
	lf_free(l);
	x->ws = NULL;
	return st;
}

static const struct writer xl_writer = { xl_open, xl_doc_begin, xl_row, xl_doc_end, xl_close };

/* ------------------------------------------------------------------ the loop */

/* Expand {placeholders} from the current document. */
static char *expand(struct xctx *x, const char *line)
{
	struct lf_buf b;
	const char *p = line;

	lf_buf_init(&b);
	while (*p) {
		const char *open = strchr(p, '{'), *close = open ? strchr(open, '}') : NULL;
		char *key;
		const char *v;

		if (!open || !close) {
			lf_buf_adds(&b, p);
			break;
		}
		lf_buf_add(&b, p, (size_t)(open - p));
		key = lf_strndup(open + 1, (size_t)(close - open - 1));
		v = lf_xsrc_value(x->src, key);
		lf_buf_adds(&b, v ? v : "");
		lf_free(key);
		p = close + 1;
	}
	if (!b.s)
		lf_buf_adds(&b, "");
	return lf_buf_steal(&b);
}

/* Every {placeholder} of a line must be one the data source knows. */
static lf_status check_placeholders(struct xctx *x, const char *line, const char *what)
{
	const char *p = line;

	while ((p = strchr(p, '{'))) {
		const char *close = strchr(p, '}');
		char *key;

		if (!close)
			break;
		key = lf_strndup(p + 1, (size_t)(close - p - 1));
		if (!lf_xsrc_value(x->src, key)) {
			lf_status st = lf_fail(x->db, LF_INVALID,
			                       "表格“%s”（%s）的%s“%s”里的 {%s} 程序不认识。可用的有：{unit} {unit_code} {dept} "
			                       "{person} {post} {date} {year} {cycle} {filled} {blank} {blank_date} {opinion.身份} "
			                       "{signer.身份} {signed.身份}。",
			                       x->form->title, x->form->origin ? x->form->origin : x->form->id, what, line, key);

			lf_free(key);
			return st;
		}
		lf_free(key);
		p = close + 1;
	}
	return LF_OK;
}

static lf_status check_form(struct xctx *x)
{
	lf_status st = LF_OK;
	int i;

	if (x->form->type != LF_FORM_TABLE)
		return lf_fail(x->db, LF_INVALID, "“%s”是录入用的表单，不是可以导出的表格。", x->form->title);
	for (i = 0; i < x->form->ncolumns; i++)
		if (lf_xsrc_column(x->src, x->form->columns[i].source) < 0)
			return lf_fail(x->db, LF_INVALID, "表格“%s”（%s 第 %d 行）的列“%s”的来源“%s”程序不认识。数据“%s”有：%s。",
			               x->form->title, x->form->origin ? x->form->origin : x->form->id, x->form->columns[i].line,
			               x->form->columns[i].label, x->form->columns[i].source, x->form->source,
			               lf_xsrc_columns(x->src));
	for (i = 0; i < x->form->nheader && st == LF_OK; i++)
		st = check_placeholders(x, x->form->header[i], "表头");
	for (i = 0; i < x->form->nfooter && st == LF_OK; i++) {
		st = check_placeholders(x, x->form->footer[i], "表尾");
		if (st == LF_OK && x->form->footer_sign[i])
			st = check_placeholders(x, x->form->footer_sign[i], "签字");
	}
	return st;
}

static void free_doc(struct xctx *x)
{
	int i;

	lf_free(x->title);
	x->title = NULL;
	lf_free(x->doc_name);
	x->doc_name = NULL;
	for (i = 0; x->header && i < x->form->nheader; i++)
		lf_free(x->header[i]);
	for (i = 0; x->footer && i < x->form->nfooter; i++) {
		lf_free(x->footer[i]);
		lf_free(x->sign[i]);
	}
	for (i = 0; x->labels && i < x->ncols; i++)
		lf_free(x->labels[i]);
	lf_free(x->header);
	lf_free(x->footer);
	lf_free(x->sign);
	lf_free(x->labels);
	x->header = x->footer = x->sign = x->labels = NULL;
	free_cells(x->prev, x->ncols);
	x->prev = NULL;
}

static lf_status begin_doc(struct xctx *x)
{
	int i;

	free_doc(x);
	x->doc++;
	x->row = 0;
	x->doc_name = lf_strdup(lf_xsrc_doc_name(x->src));
	x->title = prep(x, x->form->title, LF_XP_TITLE, 0, NULL);
	x->header = lf_alloc((size_t)(x->form->nheader + 1) * sizeof *x->header);
	for (i = 0; i < x->form->nheader; i++) {
		char *e = expand(x, x->form->header[i]);

		x->header[i] = prep(x, e, LF_XP_HEADER, i + 1, NULL);
		lf_free(e);
	}
	x->labels = lf_alloc((size_t)x->ncols * sizeof *x->labels);
	for (i = 0; i < x->ncols; i++)
		x->labels[i] = prep(x, x->cols[i]->label, LF_XP_COLUMNS, 0, x->cols[i]->label);
	return x->w->doc_begin(x);
}

static lf_status end_doc(struct xctx *x)
{
	int i;

	x->footer = lf_alloc((size_t)(x->form->nfooter + 1) * sizeof *x->footer);
	x->sign = lf_alloc((size_t)(x->form->nfooter + 1) * sizeof *x->sign);
	for (i = 0; i < x->form->nfooter; i++) {
		char *e = expand(x, x->form->footer[i]);

		x->footer[i] = prep(x, e, LF_XP_FOOTER, i + 1, NULL);
		lf_free(e);
		if (x->form->footer_sign[i]) {
			e = expand(x, x->form->footer_sign[i]);
			x->sign[i] = prep(x, e, LF_XP_FOOTER, i + 1, NULL);
			lf_free(e);
		}
	}
	return x->w->doc_end(x);
}

static lf_status do_row(struct xctx *x)
{
	char **cells = lf_alloc((size_t)x->ncols * sizeof *cells);
	int j, same = x->prev != NULL;
	lf_status st;

	x->row++;
	x->rows++;
	for (j = 0; j < x->ncols; j++) {
		const char *v = lf_xsrc_cell(x->src, x->srccol[j]);

		cells[j] = prep(x, v, LF_XP_ROW, x->row, x->cols[j]->label);
		/* Merged columns nest: one goes on only while those before it do. */
		if (x->cols[j]->merge) {
			same = same && !strcmp(cells[j], x->prev[j]);
			x->cont[j] = same;
		} else {
			x->cont[j] = 0;
		}
	}
	st = x->w->row(x, cells);
	free_cells(x->prev, x->ncols);
	x->prev = cells;
	return st;
}

static lf_status run(struct xctx *x, struct lf_export_result *res)
{
	enum lf_xev ev;
	lf_status st;
	int in_doc = 0;

	if ((st = x->w->open(x)))
		return st;
	for (;;) {
		if ((st = lf_xsrc_next(x->src, &ev)))
			return st;
		if (ev == LF_XEV_END)
			break;
		if (ev == LF_XEV_DOC) {
			if (in_doc && (st = end_doc(x)))
				return st;
			if ((st = begin_doc(x)))
				return st;
			in_doc = 1;
			continue;
		}
		if ((st = do_row(x)))
			return st;
		if (x->o->progress && x->rows % 32 == 0 &&
		    x->o->progress(x->o->ctx, lf_xsrc_done(x->src), lf_xsrc_total(x->src)))
			return lf_fail(x->db, LF_STATE, "导出已取消，没有写出文件。");
	}
	if (in_doc && (st = end_doc(x)))
		return st;
	if (!x->doc)
		return lf_fail(x->db, LF_NOTFOUND, "没有符合条件的记录，没有可导出的“%s”。", x->form->title);
	if (x->o->progress && x->o->progress(x->o->ctx, lf_xsrc_total(x->src), lf_xsrc_total(x->src)))
		return lf_fail(x->db, LF_STATE, "导出已取消，没有写出文件。");
	res->docs = x->doc;
	res->rows = x->rows;
	return LF_OK;
}

static lf_status setup_columns(struct xctx *x)
{
	int i, per_dept = lf_xsrc_per_dept(x->src);

	x->cols = lf_alloc((size_t)x->form->ncolumns * sizeof *x->cols);
	x->srccol = lf_alloc((size_t)x->form->ncolumns * sizeof *x->srccol);
	x->cont = lf_alloc((size_t)x->form->ncolumns * sizeof *x->cont);
	for (i = 0; i < x->form->ncolumns; i++) {
		const struct lf_form_column *c = &x->form->columns[i];

		if (c->hide_per_dept && per_dept)
			continue;
		x->cols[x->ncols] = c;
		x->srccol[x->ncols] = lf_xsrc_column(x->src, c->source);
		x->ncols++;
	}
	return x->ncols ? LF_OK : lf_fail(x->db, LF_INVALID, "表格“%s”没有要显示的列。", x->form->title);
}

lf_status lf_export(struct lf_db *db, const struct lf_form *form, const char *path,
                    const struct lf_export_opts *o, struct lf_export_result *res)
{
	struct xctx x;
	struct lf_export_result dummy;
	char *tmp;
	lf_status st;

	if (!res)
		res = &dummy;
	memset(res, 0, sizeof *res);
	memset(&x, 0, sizeof x);
	x.db = db;
	x.form = form;
	x.o = o;
	if (form->type != LF_FORM_TABLE || !form->source)
		return lf_fail(db, LF_INVALID, "“%s”是录入用的表单，不是可以导出的表格。", form->title);
	if (o->format == LF_XFMT_XLSX && o->encoding != LF_ENC_UTF8 && o->encoding != LF_ENC_UTF8_BOM)
		return lf_fail(db, LF_USAGE, ".xlsx 文件里的文字总是 UTF-8（Excel 和 WPS 都能正确打开），不能指定 %s。",
		               lf_encoding_label(o->encoding));
	if (!o->overwrite && access(path, F_OK) == 0)
		return lf_fail(db, LF_EXISTS, "%s 已经存在；要覆盖请加 --force。", path);
	if ((st = lf_xsrc_open(db, form->source, &o->filter, &x.src)))
		return st;
	if (lf_xsrc_note(x.src))
		snprintf(res->note, sizeof res->note, "%s", lf_xsrc_note(x.src));
	if ((st = check_form(&x)) || (st = setup_columns(&x)))
		goto done;
	if (o->format != LF_XFMT_XLSX && (o->encoding == LF_ENC_GBK || o->encoding == LF_ENC_GB18030)) {
		char err[256];

		if (!(x.enc = lf_encoder_new(o->encoding, o->replace, err, sizeof err))) {
			st = lf_fail(db, LF_INTERNAL, "%s", err);
			goto done;
		}
	} else if (o->format != LF_XFMT_XLSX && o->encoding == LF_ENC_UTF8_BOM) {
		char err[256];

		x.enc = lf_encoder_new(o->encoding, 0, err, sizeof err);
	}
	x.w = o->format == LF_XFMT_XLSX ? &xl_writer : o->format == LF_XFMT_CSV ? &csv_writer : &txt_writer;
	tmp = lf_printf("%s.partial-%ld", path, (long)getpid());
	x.tmp = tmp;
	if (o->format != LF_XFMT_XLSX && !(x.fp = fopen(tmp, "wb"))) {
		st = lf_fail(db, LF_IO, "无法建立 %s：%s", tmp, strerror(errno));
		lf_free(tmp);
		goto done;
	}
	st = run(&x, res);
	res->problems = x.problems;
	if (st == LF_OK && x.problems && !o->replace)
		st = lf_fail(db, LF_INVALID, "有 %ld 个字符无法用 %s 表示（见上），没有写出文件。可以改用 --encoding gb18030，"
		             "或加 --replace 把这些字符写成 [U+XXXX]。", x.problems, lf_encoding_label(o->encoding));
	{
		lf_status cs = x.w->close(&x, st == LF_OK);

		if (st == LF_OK)
			st = cs;
	}
	if (x.fp) {
		if (fclose(x.fp) != 0 && st == LF_OK)
			st = lf_fail(db, LF_IO, "写入 %s 失败：%s", tmp, strerror(errno));
		x.fp = NULL;
	}
	if (st == LF_OK && lf_file_commit(tmp, path, o->overwrite) != 0)
		st = errno == EEXIST ? lf_fail(db, LF_EXISTS, "%s 已经存在；要覆盖请加 --force。", path)
		                     : lf_fail(db, LF_IO, "无法写出 %s：%s", path, strerror(errno));
	if (st != LF_OK)
		unlink(tmp);
	lf_free(tmp);
done:
	free_doc(&x);
	lf_encoder_free(x.enc);
	lf_xsrc_close(x.src);
	lf_free(x.cols);
	lf_free(x.srccol);
	lf_free(x.cont);
	return st;
}
