/* page: keyset pages, arenas and text lines (include/lianfang/page.h). */
#include "lianfang/page.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

void lf_page_init(struct lf_page *pg, int limit)
{
	memset(pg, 0, sizeof *pg);
	pg->limit = limit;
}

int lf_page_advance(struct lf_page *pg)
{
	if (!pg->next[0])
		return 0;
	memcpy(pg->after, pg->next, sizeof pg->after);
	pg->next[0] = 0;
	return 1;
}

int lf_page_limit(const struct lf_page *pg)
{
	return pg->limit < 1 ? 1 : pg->limit > LF_PAGE_MAX ? LF_PAGE_MAX : pg->limit;
}

lf_status lf_key_parse(struct lf_db *db, const char *key, long long *parts, int n)
{
	const char *p = key;
	int i;

	for (i = 0; i < n; i++)
		parts[i] = 0;
	if (!key || !*key)
		return LF_OK;
	for (i = 0; i < n && *p; i++) {
		char *end;
		long long v = strtoll(p, &end, 10);

		if (end == p || v < 0 || (*end && *end != '.'))
			break;
		parts[i] = v;
		p = *end ? end + 1 : end;
	}
	if (*p || i == 0)
		return lf_fail(db, LF_INVALID, "分页位置“%s”无效。", key);
	return LF_OK;
}

void lf_key_make(char out[LF_KEY_MAX], const long long *parts, int n)
{
	size_t len = 0;
	int i;

	out[0] = 0;
	for (i = 0; i < n && len < LF_KEY_MAX; i++)
		len += (size_t)snprintf(out + len, LF_KEY_MAX - len, "%s%lld", i ? "." : "", parts[i]);
}

/* ------------------------------------------------------------------ arena */

struct lf_arena_block {
	struct lf_arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

void *lf_arena_alloc(struct lf_arena *a, size_t n)
{
	struct lf_arena_block *b = a->head;
	size_t align = sizeof(max_align_t);
	char *p;

	n = (n + align - 1) / align * align;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 16384 ? n : 16384;

		b = lf_alloc(sizeof *b + cap);
		b->cap = cap;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *lf_arena_strdup(struct lf_arena *a, const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = lf_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	return p;
}

char *lf_arena_strndup(struct lf_arena *a, const char *s, size_t n)
{
	size_t len = 0;
	char *p;

	while (len < n && s[len])
		len++;
	p = lf_arena_alloc(a, len + 1); /* zeroed: the terminator is there */
	memcpy(p, s, len);
	return p;
}

void lf_arena_free(struct lf_arena *a)
{
	while (a->head) {
		struct lf_arena_block *next = a->head->next;

		lf_free(a->head);
		a->head = next;
	}
}

const char *lf_col_str(struct lf_arena *a, sqlite3_stmt *st, int col)
{
	return lf_arena_strdup(a, (const char *)sqlite3_column_text(st, col));
}

void lf_col_gid(char out[LF_GID_LEN + 1], sqlite3_stmt *st, int col)
{
	const char *g = (const char *)sqlite3_column_text(st, col);

	snprintf(out, LF_GID_LEN + 1, "%s", g ? g : "");
}

/* ------------------------------------------------------------------ lines */

void lf_lines_add(struct lf_lines *l, int item, int mark, const char *text)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = lf_realloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n].text = lf_arena_strdup(&l->arena, text);
	l->v[l->n].item = item;
	l->v[l->n].mark = mark;
	l->n++;
}

void lf_lines_addf(struct lf_lines *l, int item, int mark, const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	lf_lines_add(l, item, mark, b.s);
	lf_buf_free(&b);
}

void lf_lines_free(struct lf_lines *l)
{
	lf_free(l->v);
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ width */

/* East Asian wide and fullwidth ranges, for when the locale cannot say. */
static int wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
	       (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	       (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

static int cp_width(unsigned cp)
{
	int w = wcwidth((wchar_t)cp);

	if (w >= 0 && !(w == 1 && wide(cp)))
		return w;
	if (cp < 0x20 || cp == 0x7f)
		return 0;
	return wide(cp) ? 2 : 1;
}

int lf_text_width(const char *s)
{
	size_t n = strlen(s);
	int w = 0;

	while (n) {
		unsigned cp;
		int len = lf_utf8_decode(s, n, &cp);

		if (len <= 0)
			break;
		w += cp_width(cp);
		s += len;
		n -= (size_t)len;
	}
	return w;
}

size_t lf_text_fit(const char *s, int cols)
{
	size_t n = strlen(s), at = 0;
	int w = 0;

	while (at < n) {
		unsigned cp;
		int len = lf_utf8_decode(s + at, n - at, &cp), cw;

		if (len <= 0)
			break;
		cw = cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		at += (size_t)len;
	}
	return at;
}
