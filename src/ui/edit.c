/* edit: the line editor and text area (see edit.h). Deliberately free of
 * curses so it can be tested alone. The one idea: positions are character
 * indices into a wchar_t buffer, and everything the screen sees — cursor
 * column, horizontal scroll, wrapping — is computed from display widths, so a
 * double-width character is always drawn whole or not at all. */
#include "lianfang/edit.h"
#include "lianfang/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#ifndef __STDC_ISO_10646__
#error "lianfang needs wchar_t to hold Unicode code points (__STDC_ISO_10646__)"
#endif

/* ------------------------------------------------------------------ characters */

int lf_wc_showable(wchar_t c)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;

	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 0;
	if (c >= 0x10ff80 && c <= 0x10ffff) /* a byte of a file name no encoding reads (pathcomp.h) */
		return 0;
	memset(&st, 0, sizeof st);
	return wcrtomb(mb, c, &st) != (size_t)-1 && wcwidth(c) > 0;
}

int lf_wc_width(wchar_t c)
{
	int w;

	if (c < 0x80)
		return 1;
	if (!lf_wc_showable(c))
		return 1;
	w = wcwidth(c);
	return w == 2 ? 2 : 1;
}

int lf_wcs_width(const wchar_t *s, size_t n)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++)
		w += lf_wc_width(s[i]);
	return w;
}

wchar_t *lf_utf8_to_wcs(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, k = 0;
	wchar_t *out = lf_alloc((len + 1) * sizeof *out);

	while (i < len) {
		unsigned cp;
		int step = lf_utf8_decode(s + i, len - i, &cp);

		if (step <= 0) {
			cp = 0xfffd;
			step = 1;
		}
		out[k++] = (wchar_t)cp;
		i += (size_t)step;
	}
	out[k] = 0;
	if (n)
		*n = k;
	return out;
}

static void put_utf8(struct lf_buf *b, unsigned c)
{
	char u[4];

	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	if (c < 0x80) {
		lf_buf_addc(b, (char)c);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3f));
		lf_buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		lf_buf_add(b, u, 3);
	} else if (c <= 0x10ffff) {
		u[0] = (char)(0xf0 | c >> 18);
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		lf_buf_add(b, u, 4);
	} else {
		put_utf8(b, 0xfffd);
	}
}

char *lf_wcs_to_utf8(const wchar_t *s, size_t n)
{
	struct lf_buf b;
	size_t i;

	lf_buf_init(&b);
	for (i = 0; i < n; i++)
		put_utf8(&b, (unsigned)s[i]);
	return lf_buf_steal(&b);
}

int lf_utf8_width(const char *s)
{
	size_t n;
	wchar_t *w = lf_utf8_to_wcs(s, &n);
	int cols = lf_wcs_width(w, n);

	lf_free(w);
	return cols;
}

/* ------------------------------------------------------------------ buffer */

void lf_edit_init(struct lf_edit *e, int multiline)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	e->goal = -1;
	e->width = 1 << 20;
	e->height = 1;
}

void lf_edit_free(struct lf_edit *e)
{
	lf_free(e->s);
	lf_free(e->kill);
	memset(e, 0, sizeof *e);
}

size_t lf_edit_chars(const struct lf_edit *e)
{
	return e->len;
}

char *lf_edit_text(const struct lf_edit *e)
{
	return lf_wcs_to_utf8(e->s, e->len);
}

static void reserve(struct lf_edit *e, size_t more)
{
	if (e->len + more <= e->cap)
		return;
	e->cap = (e->len + more) * 2 + 16;
	e->s = lf_realloc(e->s, e->cap * sizeof *e->s);
}

/* The character as stored, or 0 if it is not stored at all. */
static wchar_t normalize(const struct lf_edit *e, wchar_t c)
{
	if (c == '\r' || c == '\n')
		return e->multiline ? '\n' : ' ';
	if (c == '\t')
		return ' ';
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return c;
}

static void delete_range(struct lf_edit *e, size_t a, size_t b)
{
	if (b <= a)
		return;
	memmove(e->s + a, e->s + b, (e->len - b) * sizeof *e->s);
	e->len -= b - a;
	if (e->cur > b)
		e->cur -= b - a;
	else if (e->cur > a)
		e->cur = a;
	e->changed = 1;
}

static void kill_range(struct lf_edit *e, size_t a, size_t b)
{
	if (b <= a)
		return;
	lf_free(e->kill);
	e->killlen = b - a;
	e->kill = lf_alloc(e->killlen * sizeof *e->kill);
	memcpy(e->kill, e->s + a, e->killlen * sizeof *e->kill);
	delete_range(e, a, b);
}

static int insert_raw(struct lf_edit *e, wchar_t c)
{
	if (e->overwrite && e->cur < e->len && e->s[e->cur] != '\n' && c != '\n') {
		e->s[e->cur++] = c;
		e->changed = 1;
		return 1;
	}
	if (e->len >= LF_EDIT_CAP)
		return 0;
	reserve(e, 1);
	memmove(e->s + e->cur + 1, e->s + e->cur, (e->len - e->cur) * sizeof *e->s);
	e->s[e->cur++] = c;
	e->len++;
	e->changed = 1;
	return 1;
}

int lf_edit_insert(struct lf_edit *e, wchar_t c)
{
	wchar_t n = normalize(e, c);

	e->goal = -1;
	return n ? insert_raw(e, n) : 0;
}

size_t lf_edit_insert_utf8(struct lf_edit *e, const char *utf8)
{
	size_t n, i, done = 0;
	wchar_t *w = lf_utf8_to_wcs(utf8, &n);

	reserve(e, n);
	for (i = 0; i < n; i++)
		done += (size_t)lf_edit_insert(e, w[i]);
	lf_free(w);
	return done;
}

void lf_edit_set(struct lf_edit *e, const char *utf8)
{
	int changed = e->changed, ow = e->overwrite;

	e->len = e->cur = 0;
	e->hscroll = e->top = 0;
	e->overwrite = 0;
	if (utf8)
		lf_edit_insert_utf8(e, utf8);
	e->overwrite = ow;
	e->changed = changed;
}

/* ------------------------------------------------------------------ layout */

/* Display lines of a text area: line i is [start[i], end[i]). A line ends at
 * '\n' (not part of it) or where the next character would not fit. */
struct lines {
	size_t *start, *end;
	int n, cap;
};

static void add_line(struct lines *l, size_t a, size_t b)
{
	if (l->n == l->cap) {
		l->cap = l->cap * 2 + 16;
		l->start = lf_realloc(l->start, (size_t)l->cap * sizeof *l->start);
		l->end = lf_realloc(l->end, (size_t)l->cap * sizeof *l->end);
	}
	l->start[l->n] = a;
	l->end[l->n] = b;
	l->n++;
}

static void wrap(const struct lf_edit *e, int width, struct lines *l)
{
	size_t i = 0, start = 0;
	int col = 0;

	memset(l, 0, sizeof *l);
	if (width < 2)
		width = 2;
	while (i < e->len) {
		wchar_t c = e->s[i];
		int w;

		if (c == '\n') {
			add_line(l, start, i);
			start = ++i;
			col = 0;
			continue;
		}
		w = lf_wc_width(c);
		if (col + w > width) {
			add_line(l, start, i);
			start = i;
			col = 0;
		}
		col += w;
		i++;
	}
	/* the last line; a full last line gets an empty one after it, so the
	 * cursor at the end has a place to stand */
	add_line(l, start, e->len);
	if (col >= width && start < e->len)
		add_line(l, e->len, e->len);
}

static void lines_free(struct lines *l)
{
	lf_free(l->start);
	lf_free(l->end);
}

/* The display line holding the cursor. A cursor exactly at the end of a
 * wrapped line stands at the start of the next one. */
static int line_of(const struct lines *l, size_t cur)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (cur < l->end[i] || (cur == l->end[i] && (i + 1 == l->n || l->start[i + 1] != cur)))
			return i;
	return l->n - 1;
}

/* The index in line i nearest to display column col (not past its end). */
static size_t index_at_col(const struct lf_edit *e, const struct lines *l, int i, int col)
{
	size_t k = l->start[i];
	int c = 0;

	while (k < l->end[i]) {
		int w = lf_wc_width(e->s[k]);

		if (c + w > col)
			break;
		c += w;
		k++;
	}
	/* on a wrapped line, the end index belongs to the next line */
	if (k == l->end[i] && i + 1 < l->n && l->start[i + 1] == k && k > l->start[i])
		k--;
	return k;
}

static void layout_one(struct lf_edit *e, int width, struct lf_edit_row *row, int *cx)
{
	int cc = lf_wcs_width(e->s, e->cur);
	int cw = e->cur < e->len ? lf_wc_width(e->s[e->cur]) : 1;
	int jump = width / 4;
	int col = 0, end_col;
	size_t i = 0;

	if (cc < e->hscroll)
		e->hscroll = cc - jump < 0 ? 0 : cc - jump;
	if (cc + cw > e->hscroll + width)
		e->hscroll = cc + cw - width + jump;
	if (e->hscroll > cc)
		e->hscroll = cc; /* a jump never hides the cursor */
	if (e->hscroll < 0)
		e->hscroll = 0;
	/* first character wholly inside the field */
	while (i < e->len && col < e->hscroll)
		col += lf_wc_width(e->s[i++]);
	row->start = i;
	row->pad = col - e->hscroll;
	end_col = e->hscroll + width;
	while (i < e->len && col + lf_wc_width(e->s[i]) <= end_col)
		col += lf_wc_width(e->s[i++]);
	row->end = i;
	*cx = cc - e->hscroll;
}

void lf_edit_layout(struct lf_edit *e, int width, int height, struct lf_edit_row *rows, int *nrows,
                    int *cy, int *cx)
{
	struct lines l;
	int cl, r;

	if (width < 2)
		width = 2;
	if (height < 1)
		height = 1;
	e->width = width;
	e->height = height;
	if (!e->multiline) {
		layout_one(e, width, &rows[0], cx);
		*nrows = 1;
		*cy = 0;
		return;
	}
	wrap(e, width, &l);
	cl = line_of(&l, e->cur);
	if (cl < e->top)
		e->top = cl;
	if (cl >= e->top + height)
		e->top = cl - height + 1;
	if (e->top > l.n - 1)
		e->top = l.n - 1 < 0 ? 0 : l.n - 1;
	for (r = 0; r < height && e->top + r < l.n; r++) {
		rows[r].start = l.start[e->top + r];
		rows[r].end = l.end[e->top + r];
		rows[r].pad = 0;
	}
	*nrows = r;
	*cy = cl - e->top;
	*cx = lf_wcs_width(e->s + l.start[cl], e->cur - l.start[cl]);
	if (*cx >= width)
		*cx = width - 1; /* after a full line that ends in a line break */
	lines_free(&l);
}

/* ------------------------------------------------------------------ moving */

/* Word classes: space, punctuation, wide (CJK), other (letters, digits). A
 * word is a run of one class other than space, so in Chinese text without
 * spaces a word move stops at punctuation. */
static int wclass(wchar_t c)
{
	if (iswspace((wint_t)c))
		return 0;
	if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
	    (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) || (c >= 0x2010 && c <= 0x206f) ||
	    (c < 0x80 && iswpunct((wint_t)c)))
		return 1;
	if (lf_wc_width(c) == 2)
		return 2;
	return 3;
}

static size_t word_right(const struct lf_edit *e, size_t i)
{
	if (i < e->len && wclass(e->s[i])) {
		int k = wclass(e->s[i]);

		while (i < e->len && wclass(e->s[i]) == k)
			i++;
	}
	while (i < e->len && !wclass(e->s[i]))
		i++;
	return i;
}

static size_t word_left(const struct lf_edit *e, size_t i)
{
	int k;

	while (i > 0 && !wclass(e->s[i - 1]))
		i--;
	if (i == 0)
		return 0;
	k = wclass(e->s[i - 1]);
	while (i > 0 && wclass(e->s[i - 1]) == k)
		i--;
	return i;
}

static size_t logical_start(const struct lf_edit *e, size_t i)
{
	while (i > 0 && e->s[i - 1] != '\n')
		i--;
	return i;
}

static size_t logical_end(const struct lf_edit *e, size_t i)
{
	while (i < e->len && e->s[i] != '\n')
		i++;
	return i;
}

/* Move the cursor by `delta` display lines; 0 if already at the first/last. */
static int move_lines(struct lf_edit *e, int delta)
{
	struct lines l;
	int cl, target;

	wrap(e, e->width, &l);
	cl = line_of(&l, e->cur);
	if (e->goal < 0)
		e->goal = lf_wcs_width(e->s + l.start[cl], e->cur - l.start[cl]);
	target = cl + delta;
	if (target < 0)
		target = 0;
	if (target > l.n - 1)
		target = l.n - 1;
	if (target == cl) {
		lines_free(&l);
		return 0;
	}
	e->cur = index_at_col(e, &l, target, e->goal);
	lines_free(&l);
	return 1;
}

static int display_home_end(struct lf_edit *e, int end)
{
	struct lines l;
	int cl;
	size_t to;

	if (!e->multiline) {
		to = end ? e->len : 0;
	} else {
		wrap(e, e->width, &l);
		cl = line_of(&l, e->cur);
		to = end ? l.end[cl] : l.start[cl];
		/* the end of a wrapped line is the start of the next: stop before it */
		if (end && cl + 1 < l.n && l.start[cl + 1] == to && to > l.start[cl])
			to--;
		lines_free(&l);
	}
	if (to == e->cur)
		return 0;
	e->cur = to;
	return 1;
}

static int set_cur(struct lf_edit *e, size_t to)
{
	if (to == e->cur)
		return 0;
	e->cur = to;
	return 1;
}

int lf_edit_do(struct lf_edit *e, enum lf_edit_op op)
{
	size_t a;
	int page;

	if (op != LF_ED_UP && op != LF_ED_DOWN && op != LF_ED_PAGE_UP && op != LF_ED_PAGE_DOWN)
		e->goal = -1;
	switch (op) {
	case LF_ED_LEFT:
		return e->cur > 0 ? set_cur(e, e->cur - 1) : 0;
	case LF_ED_RIGHT:
		return e->cur < e->len ? set_cur(e, e->cur + 1) : 0;
	case LF_ED_HOME:
		return display_home_end(e, 0);
	case LF_ED_END:
		return display_home_end(e, 1);
	case LF_ED_TOP:
		return set_cur(e, 0);
	case LF_ED_BOTTOM:
		return set_cur(e, e->len);
	case LF_ED_WORD_LEFT:
		return set_cur(e, word_left(e, e->cur));
	case LF_ED_WORD_RIGHT:
		return set_cur(e, word_right(e, e->cur));
	case LF_ED_BACKSPACE:
		if (e->cur == 0)
			return 0;
		delete_range(e, e->cur - 1, e->cur);
		return 1;
	case LF_ED_DELETE:
		if (e->cur >= e->len)
			return 0;
		delete_range(e, e->cur, e->cur + 1);
		return 1;
	case LF_ED_KILL_END:
		a = logical_end(e, e->cur);
		if (a == e->cur && e->multiline && a < e->len)
			a++; /* at a line's end: join the next line, as in Emacs */
		if (a == e->cur)
			return 0;
		kill_range(e, e->cur, a);
		return 1;
	case LF_ED_KILL_START:
		a = logical_start(e, e->cur);
		if (a == e->cur)
			return 0;
		kill_range(e, a, e->cur);
		return 1;
	case LF_ED_KILL_WORD:
		a = word_left(e, e->cur);
		if (a == e->cur)
			return 0;
		kill_range(e, a, e->cur);
		return 1;
	case LF_ED_YANK: {
		size_t i, n = e->killlen;
		int ow = e->overwrite;

		if (!n)
			return 0;
		e->overwrite = 0;
		reserve(e, n);
		for (i = 0; i < n; i++)
			insert_raw(e, e->kill[i]);
		e->overwrite = ow;
		return 1;
	}
	case LF_ED_UP:
		return e->multiline ? move_lines(e, -1) : 0;
	case LF_ED_DOWN:
		return e->multiline ? move_lines(e, 1) : 0;
	case LF_ED_PAGE_UP:
	case LF_ED_PAGE_DOWN:
		if (!e->multiline)
			return 0;
		page = e->height > 1 ? e->height - 1 : 1;
		if (move_lines(e, op == LF_ED_PAGE_UP ? -page : page))
			return 1;
		return set_cur(e, op == LF_ED_PAGE_UP ? 0 : e->len);
	case LF_ED_OVERWRITE:
		e->overwrite = !e->overwrite;
		return 1;
	}
	return 0;
}
