/* Tests of encoding: the conversion report, GBK round trips, reading files
 * in a declared encoding, sniffing what a file is. */
#include "t.h"
#include "lianfang/encoding.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct found {
	unsigned cp[16];
	long index[16];
	int n;
};

static void collect(void *ctx, unsigned cp, long index, const char *text)
{
	struct found *f = ctx;

	(void)text;
	if (f->n < 16) {
		f->cp[f->n] = cp;
		f->index[f->n] = index;
	}
	f->n++;
}

static void append_cp(struct lf_buf *b, unsigned c)
{
	char tmp[4];
	size_t n = 0;

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
	lf_buf_add(b, tmp, n);
}

/* Write text through an encoder to a file and read it back through a decoder. */
static char *round_trip(enum lf_encoding e, const char *text, const char *name)
{
	char err[256];
	struct lf_encoder *enc = lf_encoder_new(e, 0, err, sizeof err);
	struct lf_decoder *dec;
	struct lf_buf out;
	char buf[4096];
	FILE *fp = fopen(t_path(name), "wb+");
	long n;

	if (!enc || !fp)
		return NULL;
	lf_encoder_write(enc, fp, lf_encoder_bom(enc), strlen(lf_encoder_bom(enc)));
	lf_encoder_write(enc, fp, text, strlen(text));
	lf_encoder_free(enc);
	rewind(fp);
	dec = lf_decoder_new(fp, e, err, sizeof err);
	lf_buf_init(&out);
	while ((n = lf_decoder_read(dec, buf, sizeof buf)) > 0)
		lf_buf_add(&out, buf, (size_t)n);
	if (!out.s)
		lf_buf_adds(&out, "");
	lf_decoder_free(dec);
	fclose(fp);
	return lf_buf_steal(&out);
}

TEST(encoding_report_names_every_character_gbk_lacks)
{
	char err[256];
	struct lf_encoder *e = lf_encoder_new(LF_ENC_GBK, 0, err, sizeof err);
	struct found f = { { 0 }, { 0 }, 0 };
	char *out;

	if (!T_OK(e != NULL, "GBK encoder: %s", err))
		return;
	/* 䶮 (a name), • (a bullet), 😀 (an emoji); € and “” are in GBK. */
	out = lf_encoder_prepare(e, "王䶮•“好”😀€", collect, &f);
	T_EQ_INT(f.n, 3, "three characters reported");
	T_OK(f.cp[0] == 0x4dae && f.index[0] == 2, "䶮 U+4DAE at 2 (got U+%04X at %ld)", f.cp[0], f.index[0]);
	T_OK(f.cp[1] == 0x2022 && f.index[1] == 3, "• U+2022 at 3 (got U+%04X at %ld)", f.cp[1], f.index[1]);
	T_OK(f.cp[2] == 0x1f600 && f.index[2] == 7, "😀 U+1F600 at 7 (got U+%04X at %ld)", f.cp[2], f.index[2]);
	T_EQ_STR(out, "王䶮•“好”😀€", "without --replace the text is unchanged (and must not be written)");
	T_EQ_INT(lf_encoder_problems(e), 3, "problems counted");
	lf_free(out);
	lf_encoder_free(e);
}

TEST(encoding_replace_is_visible_and_still_reported)
{
	char err[256];
	struct lf_encoder *e = lf_encoder_new(LF_ENC_GBK, 1, err, sizeof err);
	struct found f = { { 0 }, { 0 }, 0 };
	char *out = lf_encoder_prepare(e, "王䶮•A😀", collect, &f);

	T_EQ_STR(out, "王[U+4DAE][U+2022]A[U+1F600]", "each missing character becomes [U+XXXX]");
	T_EQ_INT(f.n, 3, "and each is still reported");
	lf_free(out);
	lf_encoder_free(e);
}

TEST(encoding_gb18030_holds_what_gbk_lacks)
{
	char err[256];
	struct lf_encoder *e = lf_encoder_new(LF_ENC_GB18030, 0, err, sizeof err);
	struct found f = { { 0 }, { 0 }, 0 };
	const char *text = "王䶮•😀€𠀀・™\U0010FFFD";
	char *out = lf_encoder_prepare(e, text, collect, &f), *back;

	T_EQ_INT(f.n, 0, "GB18030 holds every character");
	lf_free(out);
	lf_encoder_free(e);
	back = round_trip(LF_ENC_GB18030, text, "gb18030.txt");
	T_EQ_STR(back, text, "GB18030 round trip is exact");
	lf_free(back);
}

/* Every character GBK can hold survives UTF-8 → GBK → UTF-8 unchanged. */
TEST(encoding_gbk_round_trip_is_exact_for_every_gbk_character)
{
	char err[256];
	struct lf_encoder *e = lf_encoder_new(LF_ENC_GBK, 0, err, sizeof err);
	struct lf_buf all, ok;
	unsigned c;
	long kept = 0;
	char *back;

	lf_buf_init(&all);
	lf_buf_init(&ok);
	for (c = 0x20; c < 0x10000; c++) {
		struct found f = { { 0 }, { 0 }, 0 };
		char *one;

		if (c == 0x7f || (c >= 0xd800 && c <= 0xdfff))
			continue;
		lf_buf_reset(&all);
		append_cp(&all, c);
		one = lf_encoder_prepare(e, all.s, collect, &f);
		if (!f.n) {
			lf_buf_adds(&ok, one);
			kept++;
			if (kept % 64 == 0)
				lf_buf_addc(&ok, '\n');
		}
		lf_free(one);
	}
	T_OK(kept > 21000, "GBK holds %ld characters of the BMP", kept);
	back = round_trip(LF_ENC_GBK, ok.s, "gbk-all.txt");
	T_OK(back && !strcmp(back, ok.s), "UTF-8 → GBK → UTF-8 gives the same %zu bytes", ok.len);
	lf_free(back);
	lf_buf_free(&all);
	lf_buf_free(&ok);
	lf_encoder_free(e);
}

static char *read_all(const char *path, enum lf_encoding e, char *errout, size_t errlen)
{
	char err[256], buf[1000];
	FILE *fp = fopen(path, "rb");
	struct lf_decoder *d = lf_decoder_new(fp, e, err, sizeof err);
	struct lf_buf out;
	long n;

	lf_buf_init(&out);
	lf_buf_adds(&out, "");
	errout[0] = 0;
	while ((n = lf_decoder_read(d, buf, sizeof buf)) > 0)
		lf_buf_add(&out, buf, (size_t)n);
	if (n < 0)
		snprintf(errout, errlen, "%s", lf_decoder_error(d));
	lf_decoder_free(d);
	fclose(fp);
	return lf_buf_steal(&out);
}

static void write_file(const char *name, const char *bytes, size_t n)
{
	FILE *fp = fopen(t_path(name), "wb");

	fwrite(bytes, 1, n, fp);
	fclose(fp);
}

TEST(decoder_reports_invalid_bytes_with_line_and_offset)
{
	char err[512], *s;

	write_file("bad-gbk.csv", "a,b\n\xd6\xd0\xce\xc4\n12\xff\xfe\n", 13);
	s = read_all(t_path("bad-gbk.csv"), LF_ENC_GBK, err, sizeof err);
	T_OK(strstr(err, "第 3 行第 3 个字节") && strstr(err, "FF FE") && strstr(err, "GBK"),
	     "GBK: the line, the byte and the bytes are named: %s", err);
	T_OK(!strncmp(s, "a,b\n中文\n12", strlen("a,b\n中文\n12")), "what came before was read: %s", s);
	lf_free(s);

	write_file("bad-utf8.csv", "ok\r\n\xe4\xb8\xad\xe4\xb8\n", 10);
	s = read_all(t_path("bad-utf8.csv"), LF_ENC_UTF8, err, sizeof err);
	T_OK(strstr(err, "第 2 行第 4 个字节") && strstr(err, "UTF-8"), "UTF-8: %s", err);
	lf_free(s);

	write_file("cut-gbk.csv", "x\n\xd6", 3);
	s = read_all(t_path("cut-gbk.csv"), LF_ENC_GBK, err, sizeof err);
	T_OK(strstr(err, "文件末尾（第 2 行）"), "a character cut short at the end: %s", err);
	lf_free(s);

	write_file("nul.csv", "a\nb\0c\n", 6);
	s = read_all(t_path("nul.csv"), LF_ENC_UTF8, err, sizeof err);
	T_OK(strstr(err, "第 2 行有零字节"), "a NUL byte: %s", err);
	lf_free(s);
}

TEST(decoder_crosses_chunk_boundaries_and_skips_a_bom)
{
	struct lf_buf gbk, want;
	char err[256], *s;
	int i;

	/* 1 + 2×50000 bytes: characters straddle every 64 KB chunk boundary. */
	lf_buf_init(&gbk);
	lf_buf_init(&want);
	lf_buf_addc(&gbk, 'a');
	lf_buf_addc(&want, 'a');
	for (i = 0; i < 50000; i++) {
		lf_buf_add(&gbk, "\xd6\xd0", 2);
		lf_buf_adds(&want, "中");
	}
	write_file("long-gbk.txt", gbk.s, gbk.len);
	s = read_all(t_path("long-gbk.txt"), LF_ENC_GBK, err, sizeof err);
	T_OK(!err[0] && !strcmp(s, want.s), "100 KB of GBK read exactly (%s)", err);
	lf_free(s);
	write_file("bom.txt", "\xef\xbb\xbf中,文\n", 12);
	s = read_all(t_path("bom.txt"), LF_ENC_UTF8, err, sizeof err);
	T_EQ_STR(s, "中,文\n", "the BOM is not part of the text");
	lf_free(s);
	lf_buf_free(&gbk);
	lf_buf_free(&want);
}

TEST(file_is_utf8_scans_the_whole_file)
{
	struct lf_buf b;
	FILE *fp;
	long nul;
	int i;

	lf_buf_init(&b);
	for (i = 0; i < 30000; i++)
		lf_buf_adds(&b, "汉");
	write_file("u.txt", b.s, b.len);
	fp = fopen(t_path("u.txt"), "rb");
	T_OK(lf_file_is_utf8(fp, &nul) && nul == 0, "90 KB of UTF-8 across chunks is UTF-8");
	fclose(fp);
	lf_buf_add(&b, "\xd6\xd0", 2);
	write_file("g.txt", b.s, b.len);
	fp = fopen(t_path("g.txt"), "rb");
	T_OK(!lf_file_is_utf8(fp, &nul), "one GBK character at the very end makes it not UTF-8");
	fclose(fp);
	write_file("n.txt", "a\nb\nc\0", 6);
	fp = fopen(t_path("n.txt"), "rb");
	lf_file_is_utf8(fp, &nul);
	T_EQ_INT(nul, 3, "the line of a NUL byte");
	fclose(fp);
	lf_buf_free(&b);
}

TEST(sniff_knows_other_kinds_of_file)
{
	T_EQ_INT(lf_sniff((const unsigned char *)"", 0, 1), LF_SNIFF_EMPTY, "no bytes");
	T_EQ_INT(lf_sniff((const unsigned char *)"\xef\xbb\xbf", 3, 1), LF_SNIFF_EMPTY, "a BOM alone");
	T_EQ_INT(lf_sniff((const unsigned char *)"\xef\xbb\xbf" "a", 4, 1), LF_SNIFF_UTF8_BOM, "a BOM and text");
	T_EQ_INT(lf_sniff((const unsigned char *)"\xff\xfe" "a\0", 4, 1), LF_SNIFF_UTF16, "UTF-16");
	T_EQ_INT(lf_sniff((const unsigned char *)"PK\x03\x04rest", 8, 1), LF_SNIFF_ZIP, ".xlsx");
	T_EQ_INT(lf_sniff((const unsigned char *)"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, 1), LF_SNIFF_OLE, ".xls");
	T_EQ_INT(lf_sniff((const unsigned char *)"SQLite format 3\0xx", 18, 1), LF_SNIFF_SQLITE, "SQLite");
	T_EQ_INT(lf_sniff((const unsigned char *)"%PDF-1.4", 8, 1), LF_SNIFF_PDF, "PDF");
	T_EQ_INT(lf_sniff((const unsigned char *)"ab\0cd", 5, 1), LF_SNIFF_BINARY, "binary");
	T_EQ_INT(lf_sniff((const unsigned char *)"序号,姓名", 13, 1), LF_SNIFF_TEXT, "text");
}

TEST(encoding_names_parse)
{
	enum lf_encoding e;

	T_OK(!lf_encoding_parse("GBK", &e) && e == LF_ENC_GBK, "GBK");
	T_OK(!lf_encoding_parse("utf-8-bom", &e) && e == LF_ENC_UTF8_BOM, "utf-8-bom");
	T_OK(!lf_encoding_parse("gb18030", &e) && e == LF_ENC_GB18030, "gb18030");
	T_OK(lf_encoding_parse("latin1", &e) != 0, "latin1 is refused");
}
