/* textwidth: display columns and wrapping (include/lianfang/textwidth.h).
 * wcwidth() answers for the calling thread's locale, so we switch the thread
 * to our own C.UTF-8 locale object around each use and back; where no UTF-8
 * locale exists at all, a short list of the wide blocks stands in. */
#include "lianfang/textwidth.h"
#include "lianfang/util.h"

#include <locale.h>
#include <string.h>
#include <wchar.h>

static locale_t utf8_locale(void)
{
	static locale_t loc;
	static int tried;
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "zh_CN.UTF-8" };
	size_t i;

	if (!tried) {
		tried = 1;
		for (i = 0; i < LF_COUNT(names) && !loc; i++)
			loc = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
	}
	return loc;
}

/* Without any UTF-8 locale: the blocks that are wide everywhere. */
static int fallback_width(unsigned cp)
{
	static const unsigned wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff }, { 0x3400, 0x4dbf },
		{ 0x4e00, 0x9fff }, { 0xa000, 0xa4cf }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
		{ 0xfe30, 0xfe4f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
	};
	size_t i;

	for (i = 0; i < LF_COUNT(wide); i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

/* The width with the thread already in the UTF-8 locale (or none). */
static int width_in_locale(unsigned cp, enum lf_width_mode mode, int have_locale)
{
	int w;

	if (cp < 0x80)
		return 1;
	w = have_locale ? wcwidth((wchar_t)cp) : fallback_width(cp);
	if (w < 0)
		w = 1;
	if (mode == LF_WIDTH_DBCS && w != 0)
		w = 2;
	return w;
}

struct scope {
	locale_t old;
	int have;
};

static void enter(struct scope *sc)
{
	locale_t loc = utf8_locale();

	sc->have = loc != (locale_t)0;
	if (sc->have)
		sc->old = uselocale(loc);
}

static void leave(struct scope *sc)
{
	if (sc->have)
		uselocale(sc->old);
}

int lf_width_cp(unsigned cp, enum lf_width_mode mode)
{
	struct scope sc;
	int w;

	enter(&sc);
	w = width_in_locale(cp, mode, sc.have);
	leave(&sc);
	return w;
}

/* Decode one character; an invalid byte counts as one character of width 1. */
static int next_char(const char *s, size_t n, unsigned *cp)
{
	int k = lf_utf8_decode(s, n, cp);

	if (k <= 0) {
		*cp = '?';
		return 1;
	}
	return k;
}

size_t lf_width(const char *s, enum lf_width_mode mode)
{
	size_t n = strlen(s), i = 0, w = 0;
	struct scope sc;

	enter(&sc);
	while (i < n) {
		unsigned cp;
		int k = next_char(s + i, n - i, &cp);

		if (cp != '\n')
			w += (size_t)width_in_locale(cp, mode, sc.have);
		i += (size_t)k;
	}
	leave(&sc);
	return w;
}

static int is_closing(unsigned cp)
{
	static const unsigned closing[] = { 0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff1f, 0xff01, 0xff09,
	                                    0x300b, 0x201d, 0x300d, 0x3011, 0x2019, ',', '.', ';', ':', ')' };
	size_t i;

	for (i = 0; i < LF_COUNT(closing); i++)
		if (cp == closing[i])
			return 1;
	return 0;
}

static int is_opening(unsigned cp)
{
	static const unsigned opening[] = { 0xff08, 0x300a, 0x201c, 0x300c, 0x3010, 0x2018, '(' };
	size_t i;

	for (i = 0; i < LF_COUNT(opening); i++)
		if (cp == opening[i])
			return 1;
	return 0;
}

static int is_word(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Start of the character before position q (q > start). */
static size_t prev_char(const char *s, size_t start, size_t q)
{
	size_t p = q - 1;

	while (p > start && ((unsigned char)s[p] & 0xc0) == 0x80)
		p--;
	return p;
}

/* Where to end a line that starts at `start` within [start, end). */
static size_t line_end(const char *s, size_t start, size_t end, int width, enum lf_width_mode mode, int have)
{
	size_t q = start, p;
	unsigned cp, before, after;
	int w = 0;

	while (q < end) {
		int k = next_char(s + q, end - q, &cp);
		int cw = width_in_locale(cp == '\t' ? ' ' : cp, mode, have);

		if (w + cw > width && q > start)
			break;
		w += cw;
		q += (size_t)k;
	}
	if (q >= end)
		return q;
	next_char(s + q, end - q, &after);
	p = prev_char(s, start, q);
	next_char(s + p, end - p, &before);
	/* Closing punctuation does not begin a line: take the character before it down too. */
	if (is_closing(after) && p > start)
		return p;
	/* Opening punctuation does not end one. */
	if (is_opening(before) && p > start)
		return p;
	/* An ASCII word is not split when a space earlier on the line allows a break. */
	if (is_word(after) && is_word(before)) {
		size_t b;

		for (b = q; b > start; b--)
			if (s[b - 1] == ' ')
				return b > start + 1 ? b : q;
	}
	return q;
}

int lf_wrap(const char *s, int width, enum lf_width_mode mode,
            void (*line)(void *ctx, const char *start, size_t len), void *ctx)
{
	size_t n = strlen(s), p = 0;
	struct scope sc;
	int lines = 0;

	if (width < 1)
		width = 1;
	enter(&sc);
	for (;;) {
		const char *nl = memchr(s + p, '\n', n - p);
		size_t end = nl ? (size_t)(nl - s) : n;

		if (end == p) {
			line(ctx, s + p, 0);
			lines++;
		}
		while (p < end) {
			size_t q = line_end(s, p, end, width, mode, sc.have);

			line(ctx, s + p, q - p);
			lines++;
			p = q;
		}
		if (!nl)
			break;
		p = end + 1;
	}
	leave(&sc);
	return lines;
}
