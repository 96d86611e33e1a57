/* encoding: UTF-8 ⇄ GBK/GB18030 through iconv (include/lianfang/encoding.h).
 *
 * The one idea: iconv stops at the first character it cannot convert and
 * leaves its input pointer there, so a check is a loop of "convert, note the
 * character at the stop, step over it, go on" — every such character is
 * found, none is skipped silently, and no encoding table is written here. */
#include "lianfang/encoding.h"
#include "lianfang/util.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	enum lf_encoding enc;
} names[] = {
	{ "utf-8", LF_ENC_UTF8 }, { "utf8", LF_ENC_UTF8 },
	{ "utf-8-bom", LF_ENC_UTF8_BOM }, { "utf8-bom", LF_ENC_UTF8_BOM }, { "utf-8-sig", LF_ENC_UTF8_BOM },
	{ "gbk", LF_ENC_GBK }, { "cp936", LF_ENC_GBK },
	{ "gb18030", LF_ENC_GB18030 },
};

int lf_encoding_parse(const char *name, enum lf_encoding *out)
{
	size_t i;

	for (i = 0; i < LF_COUNT(names); i++)
		if (!strcasecmp(name, names[i].name)) {
			*out = names[i].enc;
			return 0;
		}
	return -1;
}

const char *lf_encoding_label(enum lf_encoding e)
{
	switch (e) {
	case LF_ENC_UTF8: return "UTF-8";
	case LF_ENC_UTF8_BOM: return "UTF-8（带 BOM）";
	case LF_ENC_GBK: return "GBK";
	case LF_ENC_GB18030: return "GB18030";
	}
	return "?";
}

static const char *iconv_name(enum lf_encoding e)
{
	return e == LF_ENC_GBK ? "GBK" : e == LF_ENC_GB18030 ? "GB18030" : "UTF-8";
}

/* ------------------------------------------------------------------ out */

struct lf_encoder {
	enum lf_encoding enc;
	int replace;
	iconv_t cd;         /* (iconv_t)-1 when the target is UTF-8 */
	long problems;
	char err[256];
	char buf[16384];
};

struct lf_encoder *lf_encoder_new(enum lf_encoding e, int replace, char *err, size_t errlen)
{
	struct lf_encoder *x = lf_alloc(sizeof *x);

	x->enc = e;
	x->replace = replace;
	x->cd = (iconv_t)-1;
	if (e == LF_ENC_GBK || e == LF_ENC_GB18030) {
		x->cd = iconv_open(iconv_name(e), "UTF-8");
		if (x->cd == (iconv_t)-1) {
			snprintf(err, errlen, "本系统的 iconv 不支持 %s 编码，无法转换。", iconv_name(e));
			lf_free(x);
			return NULL;
		}
	}
	return x;
}

void lf_encoder_free(struct lf_encoder *e)
{
	if (!e)
		return;
	if (e->cd != (iconv_t)-1)
		iconv_close(e->cd);
	lf_free(e);
}

long lf_encoder_problems(const struct lf_encoder *e)
{
	return e->problems;
}

const char *lf_encoder_bom(const struct lf_encoder *e)
{
	return e->enc == LF_ENC_UTF8_BOM ? "\xef\xbb\xbf" : "";
}

const char *lf_encoder_error(const struct lf_encoder *e)
{
	return e->err;
}

static long count_chars(const char *s, const char *end)
{
	long n = 0;

	for (; s < end; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

char *lf_encoder_prepare(struct lf_encoder *e, const char *text, lf_enc_problem_fn fn, void *ctx)
{
	char *in = (char *)text, *copied = (char *)text, *counted = (char *)text;
	size_t inleft = strlen(text);
	struct lf_buf out;
	long index = 0;

	if (e->cd == (iconv_t)-1)
		return lf_strdup(text);
	lf_buf_init(&out);
	iconv(e->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		char *o = e->buf;
		size_t oleft = sizeof e->buf;
		unsigned cp;
		int k;

		if (iconv(e->cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ (or EINVAL, a character cut short): the one at `in`. */
		k = lf_utf8_decode(in, inleft, &cp);
		if (k <= 0) {
			k = 1;
			cp = (unsigned char)*in;
		}
		index += count_chars(counted, in) + 1;
		counted = in + k;
		e->problems++;
		if (fn)
			fn(ctx, cp, index, text);
		if (e->replace) {
			lf_buf_add(&out, copied, (size_t)(in - copied));
			lf_buf_addf(&out, "[U+%04X]", cp);
			copied = in + k;
		}
		in += k;
		inleft -= (size_t)k;
		iconv(e->cd, NULL, NULL, NULL, NULL);
	}
	if (!e->replace || copied == text) {
		lf_buf_free(&out);
		return lf_strdup(text);
	}
	lf_buf_adds(&out, copied);
	return lf_buf_steal(&out);
}

int lf_encoder_write(struct lf_encoder *e, FILE *fp, const char *s, size_t n)
{
	char *in = (char *)s;
	size_t inleft = n;

	if (e->cd == (iconv_t)-1) {
		if (n && fwrite(s, 1, n, fp) != n) {
			snprintf(e->err, sizeof e->err, "写入失败：%s", strerror(errno));
			return -1;
		}
		return 0;
	}
	iconv(e->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		char *o = e->buf;
		size_t oleft = sizeof e->buf, r = iconv(e->cd, &in, &inleft, &o, &oleft);
		size_t made = sizeof e->buf - oleft;

		if (made && fwrite(e->buf, 1, made, fp) != made) {
			snprintf(e->err, sizeof e->err, "写入失败：%s", strerror(errno));
			return -1;
		}
		if (r == (size_t)-1 && errno != E2BIG) {
			snprintf(e->err, sizeof e->err, "程序内部错误：有字符未经检查就要写成 %s。", iconv_name(e->enc));
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ in */

#define DEC_CHUNK 65536

struct lf_decoder {
	FILE *fp;
	enum lf_encoding enc;
	iconv_t cd;
	unsigned char in[DEC_CHUNK];
	size_t pos, len;
	int eof, started, failed;
	long long consumed;   /* file offset of in[pos] */
	long long line_start; /* file offset where the current line starts */
	long line;            /* line of in[pos], 1-based */
	int pending_cr;       /* the last byte consumed was '\r' */
	char err[512];
};

struct lf_decoder *lf_decoder_new(FILE *fp, enum lf_encoding e, char *err, size_t errlen)
{
	struct lf_decoder *d = lf_alloc(sizeof *d);

	d->fp = fp;
	d->enc = e == LF_ENC_UTF8_BOM ? LF_ENC_UTF8 : e;
	d->line = 1;
	d->cd = iconv_open("UTF-8", iconv_name(d->enc));
	if (d->cd == (iconv_t)-1) {
		snprintf(err, errlen, "本系统的 iconv 不支持 %s 编码，无法读取。", iconv_name(d->enc));
		lf_free(d);
		return NULL;
	}
	return d;
}

void lf_decoder_free(struct lf_decoder *d)
{
	if (!d)
		return;
	iconv_close(d->cd);
	lf_free(d);
}

const char *lf_decoder_error(const struct lf_decoder *d)
{
	return d->err;
}

long long lf_decoder_offset(const struct lf_decoder *d)
{
	return d->consumed;
}

static long dec_fail(struct lf_decoder *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static long dec_fail(struct lf_decoder *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->err, sizeof d->err, fmt, ap);
	va_end(ap);
	d->failed = 1;
	return -1;
}

/* Move past n input bytes, keeping the line count: "\r\n", "\n" and a lone
 * "\r" each end a line. */
static void consume(struct lf_decoder *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = d->in[d->pos + i];
		long long off = d->consumed + (long long)i;

		if (d->pending_cr && c != '\n') {
			d->line++;
			d->line_start = off;
		}
		d->pending_cr = c == '\r';
		if (c == '\n') {
			d->line++;
			d->line_start = off + 1;
		}
	}
	d->pos += n;
	d->consumed += (long long)n;
}

static int refill(struct lf_decoder *d)
{
	size_t got;

	if (d->eof)
		return 0;
	memmove(d->in, d->in + d->pos, d->len - d->pos);
	d->len -= d->pos;
	d->pos = 0;
	got = fread(d->in + d->len, 1, sizeof d->in - d->len, d->fp);
	d->len += got;
	if (got == 0) {
		if (ferror(d->fp))
			return -1;
		d->eof = 1;
	}
	return 0;
}

static long bad_bytes(struct lf_decoder *d)
{
	char hex[32] = "";
	size_t i, n = d->len - d->pos < 4 ? d->len - d->pos : 4;

	/* A lone "\r" just before still ends a line. */
	if (d->pending_cr) {
		d->line++;
		d->line_start = d->consumed;
		d->pending_cr = 0;
	}
	for (i = 0; i < n; i++)
		snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%s%02X", i ? " " : "", d->in[d->pos + i]);
	return dec_fail(d, "第 %ld 行第 %lld 个字节（文件第 %lld 个字节）起的 %s 不是有效的 %s 编码", d->line,
	                d->consumed - d->line_start + 1, d->consumed + 1, hex, iconv_name(d->enc));
}

long lf_decoder_read(struct lf_decoder *d, char *buf, size_t cap)
{
	if (d->failed)
		return -1;
	for (;;) {
		char *ip, *op = buf;
		size_t il, ol = cap, avail, r;
		unsigned char *nul;
		long made;

		if (d->len - d->pos < 8 && !d->eof && refill(d) != 0)
			return dec_fail(d, "读取失败：%s", strerror(errno));
		if (!d->started && (d->len - d->pos >= 3 || d->eof)) {
			d->started = 1;
			if (d->enc == LF_ENC_UTF8 && d->len - d->pos >= 3 && !memcmp(d->in + d->pos, "\xef\xbb\xbf", 3))
				consume(d, 3);
		}
		avail = d->len - d->pos;
		if (avail == 0)
			return 0;
		nul = memchr(d->in + d->pos, 0, avail);
		if (nul == d->in + d->pos) {
			if (d->pending_cr) {
				d->line++;
				d->line_start = d->consumed;
				d->pending_cr = 0;
			}
			return dec_fail(d, "第 %ld 行有零字节（0x00，文件第 %lld 个字节）：这不是文本文件", d->line,
			                d->consumed + 1);
		}
		if (nul)
			avail = (size_t)(nul - (d->in + d->pos));
		ip = (char *)d->in + d->pos;
		il = avail;
		r = iconv(d->cd, &ip, &il, &op, &ol);
		consume(d, avail - il);
		made = (long)(op - buf);
		if (r != (size_t)-1 || errno == E2BIG) {
			if (made > 0 || r == (size_t)-1)
				return made;
			continue;
		}
		if (made > 0)
			return made; /* the problem is reported on the next call */
		if (errno == EINVAL && !d->eof && !nul) {
			if (refill(d) != 0)
				return dec_fail(d, "读取失败：%s", strerror(errno));
			if (!d->eof || d->len - d->pos > il)
				continue;
		}
		if (errno == EINVAL && d->eof && !nul)
			return dec_fail(d, "文件末尾（第 %ld 行）的最后几个字节不是完整的 %s 字符", d->line,
			                iconv_name(d->enc));
		return bad_bytes(d);
	}
}

/* ------------------------------------------------------------------ sniffing */

enum lf_sniff lf_sniff(const unsigned char *h, size_t n, int at_eof)
{
	if (n == 0)
		return LF_SNIFF_EMPTY;
	if (n >= 3 && !memcmp(h, "\xef\xbb\xbf", 3))
		return n == 3 && at_eof ? LF_SNIFF_EMPTY : LF_SNIFF_UTF8_BOM;
	if (n >= 2 && ((h[0] == 0xff && h[1] == 0xfe) || (h[0] == 0xfe && h[1] == 0xff)))
		return LF_SNIFF_UTF16;
	if (n >= 4 && !memcmp(h, "\0\0\xfe\xff", 4))
		return LF_SNIFF_UTF16;
	if (n >= 4 && !memcmp(h, "PK\x03\x04", 4))
		return LF_SNIFF_ZIP;
	if (n >= 8 && !memcmp(h, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return LF_SNIFF_OLE;
	if (n >= 16 && !memcmp(h, "SQLite format 3", 16))
		return LF_SNIFF_SQLITE;
	if (n >= 5 && !memcmp(h, "%PDF-", 5))
		return LF_SNIFF_PDF;
	if (memchr(h, 0, n))
		return LF_SNIFF_BINARY;
	return LF_SNIFF_TEXT;
}

int lf_file_is_utf8(FILE *fp, long *nul_line)
{
	unsigned char buf[DEC_CHUNK + 4];
	size_t carry = 0, got;
	long line = 1;
	int first = 1, valid = 1;

	*nul_line = 0;
	rewind(fp);
	while ((got = fread(buf + carry, 1, DEC_CHUNK, fp)) > 0 || carry) {
		size_t n = carry + got, start = 0, ok, i;

		if (first && n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
			start = 3;
		first = 0;
		for (i = carry; i < n && !*nul_line; i++) {
			if (buf[i] == 0)
				*nul_line = line;
			else if (buf[i] == '\n')
				line++;
		}
		ok = start + lf_utf8_valid((const char *)buf + start, n - start);
		if (got == 0 || n - ok >= 4) {
			if (ok != n)
				valid = 0;
			if (got == 0)
				break;
		}
		if (!valid)
			break;
		carry = n - ok;
		memmove(buf, buf + ok, carry);
	}
	rewind(fp);
	return valid && !ferror(fp);
}
