/* csv: RFC 4180 fields and a bounded, forgiving-but-honest reader
 * (include/lianfang/csv.h). Records end at CRLF, LF or a lone CR; inside a
 * quoted field any of those becomes "\n". A record's fields live in one
 * buffer that is reused, so memory does not grow with the file. */
#include "lianfang/csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void lf_csv_field(struct lf_buf *b, const char *s)
{
	size_t n = strlen(s);
	int quote = strpbrk(s, ",\"\r\n") != NULL ||
	            (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'));

	if (!quote) {
		lf_buf_add(b, s, n);
		return;
	}
	lf_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			lf_buf_addc(b, '"');
		lf_buf_addc(b, *s);
	}
	lf_buf_addc(b, '"');
}

/* ------------------------------------------------------------------ reading */

struct lf_csv {
	lf_csv_read_fn read;
	void *ctx;
	char in[65536];
	size_t pos, len;
	int eof, failed, done, fatal;
	long line;                        /* line of the next character */
	struct lf_buf data;               /* the record's fields, each NUL-terminated */
	size_t offs[LF_CSV_MAX_FIELDS];
	int n;                            /* fields kept */
	size_t field_len;                 /* bytes in the field being read */
	int dropping;                     /* fields past the limit are read and dropped */
	long rec_line;
	char problem[512];
	int problem_col, has_problem;
};

enum { C_EOF = -1, C_ERR = -2 };

struct lf_csv *lf_csv_new(lf_csv_read_fn read, void *ctx)
{
	struct lf_csv *c = lf_alloc(sizeof *c);

	c->read = read;
	c->ctx = ctx;
	c->line = 1;
	lf_buf_init(&c->data);
	return c;
}

void lf_csv_free(struct lf_csv *c)
{
	if (!c)
		return;
	lf_buf_free(&c->data);
	lf_free(c);
}

static int fill(struct lf_csv *c)
{
	long got;

	if (c->eof || c->failed)
		return c->failed ? C_ERR : C_EOF;
	got = c->read(c->ctx, c->in, sizeof c->in);
	if (got < 0) {
		c->failed = 1;
		return C_ERR;
	}
	if (got == 0) {
		c->eof = 1;
		return C_EOF;
	}
	c->pos = 0;
	c->len = (size_t)got;
	return 0;
}

static int peekc(struct lf_csv *c)
{
	int r;

	if (c->pos < c->len)
		return (unsigned char)c->in[c->pos];
	if ((r = fill(c)) != 0)
		return r;
	return (unsigned char)c->in[c->pos];
}

/* The next character; a line break ("\r\n", "\n", "\r") comes back as '\n'. */
static int getc_(struct lf_csv *c)
{
	int ch = peekc(c);

	if (ch < 0)
		return ch;
	c->pos++;
	if (ch == '\r') {
		if (peekc(c) == '\n')
			c->pos++;
		ch = '\n';
	}
	if (ch == '\n')
		c->line++;
	return ch;
}

static void problem(struct lf_csv *c, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(struct lf_csv *c, int col, const char *fmt, ...)
{
	va_list ap;

	if (c->has_problem)
		return; /* the first problem of a record is the one to fix */
	c->has_problem = 1;
	c->problem_col = col;
	va_start(ap, fmt);
	vsnprintf(c->problem, sizeof c->problem, fmt, ap);
	va_end(ap);
}

static void start_field(struct lf_csv *c)
{
	c->field_len = 0;
	if (c->n >= LF_CSV_MAX_FIELDS) {
		if (!c->dropping)
			problem(c, c->n + 1, "第 %ld 行的列数超过 %d 列。", c->line, LF_CSV_MAX_FIELDS);
		c->dropping = 1;
		return;
	}
	c->offs[c->n] = c->data.len;
}

static void end_field(struct lf_csv *c)
{
	if (c->dropping)
		return;
	lf_buf_addc(&c->data, 0);
	c->n++;
}

static void add(struct lf_csv *c, int ch, int quoted, long quote_line)
{
	if (c->dropping)
		return;
	if (c->field_len >= LF_CSV_MAX_FIELD || c->data.len >= LF_CSV_MAX_RECORD) {
		if (quoted)
			problem(c, c->n + 1, "第 %ld 行第 %d 列的内容超过 %d KB。如果不是真有这么长，多半是这里的引号没有配对。",
			        quote_line, c->n + 1, (c->field_len >= LF_CSV_MAX_FIELD ? LF_CSV_MAX_FIELD : LF_CSV_MAX_RECORD) / 1024);
		else
			problem(c, c->n + 1, "第 %ld 行第 %d 列的内容超过 %d KB。", c->rec_line, c->n + 1,
			        (c->field_len >= LF_CSV_MAX_FIELD ? LF_CSV_MAX_FIELD : LF_CSV_MAX_RECORD) / 1024);
		return;
	}
	lf_buf_addc(&c->data, (char)ch);
	c->field_len++;
}

/* Read an unquoted field (or the rest of one after a bad quote). Returns the
 * character that ended it: ',', '\n' or C_EOF/C_ERR. */
static int unquoted(struct lf_csv *c)
{
	for (;;) {
		int ch;

		/* Fast path: copy the run up to the next special byte. */
		while (c->pos < c->len && !c->dropping) {
			const char *p = c->in + c->pos, *end = c->in + c->len, *q = p;
			size_t room;

			while (q < end && *q != ',' && *q != '"' && *q != '\r' && *q != '\n')
				q++;
			room = LF_CSV_MAX_FIELD - c->field_len;
			if (LF_CSV_MAX_RECORD - c->data.len < room)
				room = LF_CSV_MAX_RECORD - c->data.len;
			if ((size_t)(q - p) > room)
				break; /* let add() report it */
			lf_buf_add(&c->data, p, (size_t)(q - p));
			c->field_len += (size_t)(q - p);
			c->pos += (size_t)(q - p);
			if (q < end)
				break;
		}
		ch = getc_(c);
		if (ch < 0 || ch == ',' || ch == '\n')
			return ch;
		if (ch == '"')
			problem(c, c->n + 1, "第 %ld 行第 %d 列：没有用引号括起来的内容中间出现了引号（\"）。"
			        "含引号的内容要整个用引号括起来，里面的引号写成两个（\"\"）。", c->line, c->n + 1);
		add(c, ch, 0, 0);
	}
}

/* Read a quoted field after its opening quote. Returns as unquoted() does,
 * or C_EOF when the file ended inside the quotes (fatal). */
static int quoted(struct lf_csv *c)
{
	long quote_line = c->line;
	int col = c->n + 1;

	for (;;) {
		int ch = getc_(c);

		if (ch == C_ERR)
			return ch;
		if (ch == C_EOF) {
			c->fatal = 1;
			c->has_problem = 0;
			problem(c, col, "第 %ld 行第 %d 列的引号直到文件末尾都没有结束。引号要成对出现；"
			        "内容里的引号要写成两个（\"\"）。", quote_line, col);
			return C_EOF;
		}
		if (ch == '"') {
			if (peekc(c) != '"')
				break;
			getc_(c);
		}
		add(c, ch, 1, quote_line);
	}
	{
		int ch = getc_(c);

		if (ch < 0 || ch == ',' || ch == '\n')
			return ch;
		problem(c, col, "第 %ld 行第 %d 列：引号结束后紧接着还有内容（“%c”）。"
		        "含引号的内容要整个用引号括起来，里面的引号写成两个（\"\"）。",
		        c->line, col, ch >= 0x20 && ch < 0x7f ? ch : '?');
		add(c, ch, 0, 0);
		return unquoted(c);
	}
}

int lf_csv_next(struct lf_csv *c)
{
	int ch;

	if (c->done)
		return c->failed ? LF_CSV_READ_ERROR : LF_CSV_END;
	lf_buf_reset(&c->data);
	c->n = 0;
	c->dropping = 0;
	c->has_problem = 0;
	c->problem[0] = 0;
	c->problem_col = 0;
	ch = peekc(c);
	if (ch < 0) {
		c->done = 1;
		return ch == C_ERR ? LF_CSV_READ_ERROR : LF_CSV_END;
	}
	c->rec_line = c->line;
	for (;;) {
		start_field(c);
		if (peekc(c) == '"') {
			getc_(c);
			ch = quoted(c);
			if (c->fatal) {
				c->done = 1;
				return LF_CSV_FATAL;
			}
		} else {
			ch = unquoted(c);
		}
		end_field(c);
		if (ch == C_ERR) {
			c->done = 1;
			return LF_CSV_READ_ERROR;
		}
		if (ch != ',')
			break;
	}
	if (ch == C_EOF)
		c->done = 1;
	return LF_CSV_RECORD;
}

int lf_csv_count(const struct lf_csv *c)
{
	return c->n;
}

const char *lf_csv_get(const struct lf_csv *c, int i)
{
	return i >= 0 && i < c->n ? c->data.s + c->offs[i] : "";
}

long lf_csv_line(const struct lf_csv *c)
{
	return c->rec_line;
}

const char *lf_csv_problem(const struct lf_csv *c, int *col)
{
	if (col)
		*col = c->problem_col;
	return c->has_problem ? c->problem : NULL;
}
