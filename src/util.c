/* util: allocation, buffers, UTF-8, hex, the clock and dates. */
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void out_of_memory(size_t n)
{
	fprintf(stderr, "lianfang: 内存不足（申请 %zu 字节失败）\n", n);
	abort();
}

void *lf_alloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p)
		out_of_memory(n);
	return p;
}

void *lf_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		out_of_memory(n);
	return q;
}

char *lf_strdup(const char *s)
{
	return s ? lf_strndup(s, strlen(s)) : NULL;
}

char *lf_strndup(const char *s, size_t n)
{
	char *p = lf_alloc(n + 1);

	memcpy(p, s, n);
	return p;
}

char *lf_printf(const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return lf_buf_steal(&b);
}

void lf_free(void *p)
{
	free(p);
}

/* ------------------------------------------------------------------ buffers */

void lf_buf_init(struct lf_buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void lf_buf_free(struct lf_buf *b)
{
	lf_free(b->s);
	lf_buf_init(b);
}

void lf_buf_reset(struct lf_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

static void buf_grow(struct lf_buf *b, size_t more)
{
	size_t need = b->len + more + 1;

	if (need <= b->cap)
		return;
	b->cap = b->cap ? b->cap : 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = lf_realloc(b->s, b->cap);
}

void lf_buf_add(struct lf_buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void lf_buf_adds(struct lf_buf *b, const char *s)
{
	lf_buf_add(b, s, strlen(s));
}

void lf_buf_addc(struct lf_buf *b, char c)
{
	lf_buf_add(b, &c, 1);
}

void lf_buf_vaddf(struct lf_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void lf_buf_addf(struct lf_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *lf_buf_steal(struct lf_buf *b)
{
	char *s = b->s ? b->s : lf_strdup("");

	lf_buf_init(b);
	return s;
}

/* ------------------------------------------------------------------ UTF-8 */

int lf_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	int len, i;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

size_t lf_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	unsigned cp;

	while (i < n) {
		int k = lf_utf8_decode(s + i, n - i, &cp);

		if (k <= 0)
			break;
		i += (size_t)k;
	}
	return i;
}

size_t lf_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int lf_has_control(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	for (; *s; s++) {
		if ((*s < 0x20 && *s != '\t' && *s != '\n') || *s == 0x7f)
			return 1;
		/* C1 controls U+0080–U+009F are encoded as C2 80–C2 9F */
		if (*s == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ JSON */

void lf_json_string(struct lf_buf *b, const char *s)
{
	lf_buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			lf_buf_addc(b, '\\');
			lf_buf_addc(b, (char)c);
		} else if (c == '\n') {
			lf_buf_adds(b, "\\n");
		} else if (c == '\t') {
			lf_buf_adds(b, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			lf_buf_addf(b, "\\u%04x", c);
		} else {
			lf_buf_addc(b, (char)c);
		}
	}
	lf_buf_addc(b, '"');
}

/* ------------------------------------------------------------------ hex */

void lf_hex(char *out, const unsigned char *in, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = 0;
}

int lf_is_hex(const char *s, size_t n)
{
	size_t i;

	if (!s || strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ clock */

void lf_now_utc(char out[21])
{
	const char *fixed = getenv("LIANFANG_NOW");
	time_t t;
	struct tm tm;

	if (fixed && strlen(fixed) == 20) {
		memcpy(out, fixed, 21);
		return;
	}
	if (fixed && strlen(fixed) == 10) {
		snprintf(out, 21, "%.10sT00:00:00Z", fixed);
		return;
	}
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void lf_today(char out[11])
{
	const char *fixed = getenv("LIANFANG_NOW");
	time_t t;
	struct tm tm;

	if (fixed && (strlen(fixed) == 20 || strlen(fixed) == 10)) {
		memcpy(out, fixed, 10);
		out[10] = 0;
		return;
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

time_t lf_utc_parse(const char *utc)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (!utc || sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	                   &tm.tm_min, &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

void lf_local_time(const char *utc, char out[17])
{
	time_t t = lf_utc_parse(utc);
	struct tm tm;

	if (!t) {
		snprintf(out, 17, "%.16s", utc ? utc : "");
		return;
	}
	localtime_r(&t, &tm);
	strftime(out, 17, "%Y-%m-%d %H:%M", &tm);
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : d[m - 1];
}

/* Read 1..max digits at *s; returns -1 if none. */
static int digits(const char **s, int max)
{
	int v = 0, n = 0;

	while (n < max && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n ? v : -1;
}

int lf_date_parse(const char *in, char out[11])
{
	const char *s = in;
	int y, m, d;

	while (*s == ' ' || *s == '\t')
		s++;
	if (strlen(s) >= 8 && strspn(s, "0123456789") == 8 && (s[8] == 0 || s[8] == ' ')) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		m = (s[4] - '0') * 10 + (s[5] - '0');
		d = (s[6] - '0') * 10 + (s[7] - '0');
		s += 8;
	} else {
		if (strspn(s, "0123456789") != 4)
			return -1;
		y = digits(&s, 4);
		if (!strncmp(s, "年", 3))
			s += 3;
		else if (*s == '-' || *s == '/' || *s == '.')
			s++;
		else
			return -1;
		if ((m = digits(&s, 2)) < 0)
			return -1;
		if (!strncmp(s, "月", 3))
			s += 3;
		else if (*s == '-' || *s == '/' || *s == '.')
			s++;
		else
			return -1;
		if ((d = digits(&s, 2)) < 0)
			return -1;
		if (!strncmp(s, "日", 3))
			s += 3;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s || y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return 0;
}

/* Days since 1970-01-01 for an ISO date (civil calendar). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long lf_date_diff(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;

	if (sscanf(a, "%4d-%2d-%2d", &ya, &ma, &da) != 3 || sscanf(b, "%4d-%2d-%2d", &yb, &mb, &db) != 3)
		return 0;
	return days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da);
}
