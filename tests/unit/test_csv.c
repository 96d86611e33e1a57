/* Tests of csv: quoting, reading records, and what broken input gives. */
#include "t.h"
#include "lianfang/csv.h"
#include "lianfang/util.h"

#include <string.h>

struct src {
	const char *s;
	size_t n, pos, step; /* step: bytes per read, to cut the input anywhere */
};

static long read_src(void *ctx, char *buf, size_t cap)
{
	struct src *s = ctx;
	size_t n = s->n - s->pos;

	if (n > cap)
		n = cap;
	if (s->step && n > s->step)
		n = s->step;
	memcpy(buf, s->s + s->pos, n);
	s->pos += n;
	return (long)n;
}

/* All records as "a|b|c" lines, problems as "!line:col:…". */
static char *parse(const char *text, size_t step)
{
	struct src s = { text, strlen(text), 0, step };
	struct lf_csv *c = lf_csv_new(read_src, &s);
	struct lf_buf out;
	int rc, i;

	lf_buf_init(&out);
	while ((rc = lf_csv_next(c)) == LF_CSV_RECORD) {
		int col;
		const char *p = lf_csv_problem(c, &col);

		lf_buf_addf(&out, "%ld:", lf_csv_line(c));
		for (i = 0; i < lf_csv_count(c); i++)
			lf_buf_addf(&out, "%s%s", i ? "|" : "", lf_csv_get(c, i));
		if (p)
			lf_buf_addf(&out, " !%d", col);
		lf_buf_addc(&out, '\n');
	}
	if (rc == LF_CSV_FATAL)
		lf_buf_addf(&out, "FATAL %s\n", lf_csv_problem(c, NULL));
	lf_csv_free(c);
	if (!out.s)
		lf_buf_adds(&out, "");
	return lf_buf_steal(&out);
}

TEST(csv_field_quotes_only_when_needed)
{
	struct lf_buf b;

	lf_buf_init(&b);
	lf_csv_field(&b, "受理审查岗");
	lf_buf_addc(&b, ',');
	lf_csv_field(&b, "a,b");
	lf_buf_addc(&b, ',');
	lf_csv_field(&b, "他说\"好\"");
	lf_buf_addc(&b, ',');
	lf_csv_field(&b, "1.前期\n2.中期");
	lf_buf_addc(&b, ',');
	lf_csv_field(&b, " 前导空格");
	lf_buf_addc(&b, ',');
	lf_csv_field(&b, "");
	T_EQ_STR(b.s, "受理审查岗,\"a,b\",\"他说\"\"好\"\"\",\"1.前期\n2.中期\",\" 前导空格\",", "RFC 4180 quoting");
	lf_buf_free(&b);
}

TEST(csv_reads_records_whatever_the_chunks)
{
	const char *text = "序号,姓名\r\n1,\"王,五\"\r\n2,\"多\r\n行\"\n3,\"引\"\"号\"\r4,\n\n5,末尾";
	const char *want = "1:序号|姓名\n2:1|王,五\n3:2|多\n行\n5:3|引\"号\n6:4|\n7:\n8:5|末尾\n";
	size_t step;

	for (step = 0; step < 8; step++) {
		char *got = parse(text, step);

		T_OK(!strcmp(got, want), "records and their lines, read %zu bytes at a time:\n%s", step, got);
		lf_free(got);
	}
	{
		char *got = parse("a,b\n", 0);

		T_EQ_STR(got, "1:a|b\n", "a final line break does not make an empty record");
		lf_free(got);
	}
}

TEST(csv_broken_quoting_is_reported_and_reading_goes_on)
{
	char *got = parse("a,\"bc\"d,e\nx,y\"z\n1,2\n", 0);

	T_EQ_STR(got, "1:a|bcd|e !2\n2:x|y\"z !2\n3:1|2\n", "text after a closing quote; a quote inside a field");
	lf_free(got);
	got = parse("h1,h2\nok,1\nbad,\"never closed\nmore,lines\n", 0);
	T_OK(strstr(got, "2:ok|1\n") && strstr(got, "FATAL 第 3 行第 2 列的引号直到文件末尾都没有结束"),
	     "an unclosed quote is fatal and names where it opened:\n%s", got);
	lf_free(got);
}

TEST(csv_limits_hold_on_hostile_records)
{
	struct lf_buf b;
	struct src s;
	struct lf_csv *c;
	const char *p;
	int i, col;

	lf_buf_init(&b);
	lf_buf_adds(&b, "a,");
	for (i = 0; i < LF_CSV_MAX_FIELD + 1000; i++)
		lf_buf_addc(&b, 'x');
	lf_buf_adds(&b, ",c\nnext,row\n");
	s = (struct src){ b.s, b.len, 0, 0 };
	c = lf_csv_new(read_src, &s);
	i = lf_csv_next(c); /* T_EQ_INT evaluates its arguments twice */
	T_EQ_INT(i, LF_CSV_RECORD, "an over-long field still gives its record");
	p = lf_csv_problem(c, &col);
	T_OK(p && strstr(p, "超过 256 KB") && col == 2, "and says which field is too long: %s", p ? p : "(none)");
	T_EQ_STR(lf_csv_get(c, 2), "c", "the fields after it are read");
	T_OK(strlen(lf_csv_get(c, 1)) == LF_CSV_MAX_FIELD, "the field kept is cut at the limit");
	i = lf_csv_next(c);
	T_EQ_INT(i, LF_CSV_RECORD, "the next record");
	T_EQ_STR(lf_csv_get(c, 0), "next", "is read normally");
	lf_csv_free(c);

	lf_buf_reset(&b);
	for (i = 0; i < LF_CSV_MAX_FIELDS + 10; i++)
		lf_buf_adds(&b, "f,");
	lf_buf_adds(&b, "\n");
	s = (struct src){ b.s, b.len, 0, 0 };
	c = lf_csv_new(read_src, &s);
	lf_csv_next(c);
	p = lf_csv_problem(c, NULL);
	T_OK(lf_csv_count(c) == LF_CSV_MAX_FIELDS && p && strstr(p, "列数超过"), "too many fields: %d, %s",
	     lf_csv_count(c), p ? p : "(none)");
	lf_csv_free(c);

	/* A quote opened and never closed over a huge file stops at the limit, with a hint. */
	lf_buf_reset(&b);
	lf_buf_adds(&b, "a,\"");
	for (i = 0; i < 300000; i++)
		lf_buf_adds(&b, "line\n");
	lf_buf_adds(&b, "\"\n");
	s = (struct src){ b.s, b.len, 0, 0 };
	c = lf_csv_new(read_src, &s);
	lf_csv_next(c);
	p = lf_csv_problem(c, NULL);
	T_OK(p && strstr(p, "第 1 行第 2 列") && strstr(p, "引号没有配对"), "runaway quote: %s", p ? p : "(none)");
	lf_csv_free(c);
	lf_buf_free(&b);
}
