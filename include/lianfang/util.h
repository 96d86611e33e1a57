/* util: the allocation wrapper, a growable byte buffer, UTF-8 checks and the
 * clock. Every module allocates through lf_alloc & co. so a debug build can
 * count memory in one place; running out of memory is fatal. */
#ifndef LIANFANG_UTIL_H
#define LIANFANG_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <time.h>

#define LF_COUNT(a) (sizeof(a) / sizeof((a)[0]))

void *lf_alloc(size_t n);               /* zeroed; never NULL */
void *lf_realloc(void *p, size_t n);    /* never NULL */
char *lf_strdup(const char *s);         /* NULL stays NULL */
char *lf_strndup(const char *s, size_t n);
char *lf_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void lf_free(void *p);

/* A growable byte buffer, always NUL-terminated. */
struct lf_buf {
	char *s;
	size_t len, cap;
};

void lf_buf_init(struct lf_buf *b);
void lf_buf_free(struct lf_buf *b);
void lf_buf_reset(struct lf_buf *b);
void lf_buf_add(struct lf_buf *b, const char *s, size_t n);
void lf_buf_adds(struct lf_buf *b, const char *s);
void lf_buf_addc(struct lf_buf *b, char c);
void lf_buf_addf(struct lf_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lf_buf_vaddf(struct lf_buf *b, const char *fmt, va_list ap);
/* Hand the string over to the caller; the buffer is empty afterwards. */
char *lf_buf_steal(struct lf_buf *b);

/* Length in bytes of the valid UTF-8 prefix; == n when all of it is valid.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid. */
size_t lf_utf8_valid(const char *s, size_t n);
/* Number of code points in valid UTF-8. */
size_t lf_utf8_chars(const char *s);
/* Decode one code point; returns its byte length, 0 at the end, -1 if invalid. */
int lf_utf8_decode(const char *s, size_t n, unsigned *cp);
/* True if s holds a C0/C1 control character other than tab and newline. */
int lf_has_control(const char *s);

/* Append s as a JSON string: " and \ escaped, newline and tab as \n and \t,
 * other control characters as \u00XX, everything else (UTF-8) as it is. This
 * is the canonical form of revision bodies, so it must never change. */
void lf_json_string(struct lf_buf *b, const char *s);

/* Lower-case hex of n bytes into out (2n+1 bytes). */
void lf_hex(char *out, const unsigned char *in, size_t n);
int lf_is_hex(const char *s, size_t n);

/* The clock. LIANFANG_NOW=YYYY-MM-DDTHH:MM:SSZ (or a date) fixes it for tests.
 * lf_now_utc: "2026-11-23T08:00:00Z"; lf_today: the local date "2026-11-23". */
void lf_now_utc(char out[21]);
void lf_today(char out[11]);
/* A timestamp "2026-11-23T08:00:00Z" as seconds since the epoch; 0 if it is
 * not one. */
time_t lf_utc_parse(const char *utc);
/* The same as local time "2026-11-23 16:00"; what is not a timestamp is
 * copied (its first 16 bytes). */
void lf_local_time(const char *utc, char out[17]);

/* Parse a date written as 2026-11-22, 2026/11/22, 2026.11.22, 20261122 or
 * 2026年11月22日 into ISO form. Returns 0 on success, -1 if not a real date. */
int lf_date_parse(const char *in, char out[11]);
/* Days from a to b (ISO dates), b - a. */
long lf_date_diff(const char *a, const char *b);

#endif
