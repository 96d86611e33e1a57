/* ui_draw: the theme (colour or monochrome), drawing text by display width,
 * and key names. Every screen draws through lf_ui_print so that a Chinese
 * character is never cut in half at an edge and a character the terminal
 * cannot show (a GBK terminal, an unassigned code point) appears as a
 * visible placeholder instead of blanks. */
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

static attr_t theme[LF_R_COUNT];
static int colour, boxes;

enum { P_TITLE = 1, P_PATH, P_BARKEY, P_FIELD, P_FOCUS, P_ERROR, P_INFO, P_MATCH, P_HEADER, P_LOW, P_MID, P_HIGH };

/* Box-drawing characters in text (┌─┐ ║ ═) need a UTF-8 locale — a GBK
 * terminal draws them two columns wide — and a terminal that describes line
 * drawing (acsc). One without colours (vt100, vt220) is taken as an old
 * device or emulator whose font may well lack them. */
static int line_drawing(void)
{
	const char *acsc = tigetstr("acsc");

	return !strcmp(nl_langinfo(CODESET), "UTF-8") && acsc && acsc != (char *)-1 && *acsc && has_colors() &&
	       lf_wc_showable(0x2550) && lf_wc_width(0x2550) == 1;
}

void lf_ui_theme_init(void)
{
	const char *nc = getenv("NO_COLOR");

	boxes = line_drawing();
	/* COLORS is known only after start_color() */
	colour = has_colors() && !(nc && *nc) && start_color() == OK && COLORS >= 8;
	/* monochrome: what every terminal down to a vt100 can show */
	theme[LF_R_NORMAL] = A_NORMAL;
	theme[LF_R_TITLE] = A_REVERSE;
	theme[LF_R_PATH] = A_BOLD;
	theme[LF_R_BAR] = A_NORMAL;
	theme[LF_R_BARKEY] = A_REVERSE;
	theme[LF_R_LABEL] = A_NORMAL;
	theme[LF_R_FIELD] = A_UNDERLINE;
	theme[LF_R_FOCUS] = A_REVERSE;
	theme[LF_R_ERROR] = A_BOLD;
	theme[LF_R_INFO] = A_NORMAL;
	theme[LF_R_SELECT] = A_REVERSE;
	theme[LF_R_MATCH] = A_UNDERLINE | A_BOLD;
	theme[LF_R_DIM] = A_DIM;
	theme[LF_R_HEADER] = A_BOLD | A_UNDERLINE;
	theme[LF_R_PLACEHOLDER] = A_REVERSE;
	theme[LF_R_LEVEL_LOW] = A_NORMAL;
	theme[LF_R_LEVEL_MID] = A_BOLD;
	theme[LF_R_LEVEL_HIGH] = A_REVERSE | A_BOLD;
	if (!colour)
		return;
	use_default_colors();
	init_pair(P_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_PATH, COLOR_CYAN, -1);
	init_pair(P_BARKEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_FIELD, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_FOCUS, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_INFO, COLOR_GREEN, -1);
	init_pair(P_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(P_HEADER, COLOR_CYAN, -1);
	theme[LF_R_TITLE] = COLOR_PAIR(P_TITLE) | A_BOLD;
	theme[LF_R_PATH] = COLOR_PAIR(P_PATH) | A_BOLD;
	theme[LF_R_BARKEY] = COLOR_PAIR(P_BARKEY);
	theme[LF_R_FIELD] = COLOR_PAIR(P_FIELD);
	theme[LF_R_FOCUS] = COLOR_PAIR(P_FOCUS);
	theme[LF_R_ERROR] = COLOR_PAIR(P_ERROR) | A_BOLD;
	theme[LF_R_INFO] = COLOR_PAIR(P_INFO);
	theme[LF_R_SELECT] = COLOR_PAIR(P_FOCUS);
	theme[LF_R_MATCH] = COLOR_PAIR(P_MATCH);
	theme[LF_R_HEADER] = COLOR_PAIR(P_HEADER) | A_BOLD;
	init_pair(P_LOW, COLOR_BLACK, COLOR_GREEN);
	init_pair(P_MID, COLOR_BLACK, COLOR_YELLOW);
	init_pair(P_HIGH, COLOR_WHITE, COLOR_RED);
	theme[LF_R_LEVEL_LOW] = COLOR_PAIR(P_LOW);
	theme[LF_R_LEVEL_MID] = COLOR_PAIR(P_MID);
	theme[LF_R_LEVEL_HIGH] = COLOR_PAIR(P_HIGH) | A_BOLD;
}

attr_t lf_ui_attr(enum lf_ui_role r)
{
	return r >= 0 && r < LF_R_COUNT ? theme[r] : A_NORMAL;
}

int lf_ui_colour(void)
{
	return colour;
}

int lf_ui_line_drawing(void)
{
	return boxes;
}

/* ------------------------------------------------------------------ text */

static void flush_run(WINDOW *w, wchar_t *run, int *n, attr_t a)
{
	if (*n) {
		wattrset(w, a);
		waddnwstr(w, run, *n);
		*n = 0;
	}
}

int lf_ui_print_wcs(WINDOW *w, int y, int x, int maxw, const wchar_t *s, size_t n, attr_t a)
{
	wchar_t run[256];
	int nrun = 0, used = 0;
	size_t i;

	if (maxw <= 0 || y < 0 || y >= getmaxy(w) || x >= getmaxx(w))
		return 0;
	if (x + maxw > getmaxx(w))
		maxw = getmaxx(w) - x;
	wmove(w, y, x);
	for (i = 0; i < n; i++) {
		wchar_t c = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
		int cw = lf_wc_width(c);

		if (used + cw > maxw)
			break;
		if (lf_wc_showable(c)) {
			if (nrun == (int)LF_COUNT(run))
				flush_run(w, run, &nrun, a);
			run[nrun++] = c;
		} else {
			flush_run(w, run, &nrun, a);
			wattrset(w, a ^ lf_ui_attr(LF_R_PLACEHOLDER));
			waddch(w, '?');
		}
		used += cw;
	}
	flush_run(w, run, &nrun, a);
	wattrset(w, A_NORMAL);
	return used;
}

int lf_ui_print(WINDOW *w, int y, int x, int maxw, const char *utf8, attr_t a)
{
	size_t n;
	wchar_t *s;
	int used;

	if (!utf8)
		return 0;
	s = lf_utf8_to_wcs(utf8, &n);
	used = lf_ui_print_wcs(w, y, x, maxw, s, n, a);
	lf_free(s);
	return used;
}

int lf_ui_print_hl(WINDOW *w, int y, int x, int maxw, const char *utf8, attr_t a, const char *match, attr_t hl)
{
	size_t n, m, i = 0, k;
	wchar_t *s, *q;
	int used = 0;

	if (!match || !*match)
		return lf_ui_print(w, y, x, maxw, utf8, a);
	s = lf_utf8_to_wcs(utf8 ? utf8 : "", &n);
	q = lf_utf8_to_wcs(match, &m);
	while (i < n && used < maxw) {
		/* the next occurrence from i */
		for (k = i; k + m <= n && wmemcmp(s + k, q, m); k++)
			;
		if (k + m > n)
			k = n;
		used += lf_ui_print_wcs(w, y, x + used, maxw - used, s + i, k - i, a);
		if (k < n && used < maxw)
			used += lf_ui_print_wcs(w, y, x + used, maxw - used, s + k, m, hl);
		i = k < n ? k + m : n;
	}
	lf_free(s);
	lf_free(q);
	return used;
}

void lf_ui_fill(WINDOW *w, int y, int x, int n, attr_t a)
{
	if (n > 0 && y >= 0 && y < getmaxy(w))
		mvwhline(w, y, x, ' ' | a, n);
}

int lf_ui_wrap(WINDOW *w, int y, int x, int width, int maxrows, const char *utf8, attr_t a)
{
	size_t n, i = 0, start = 0;
	wchar_t *s;
	int rows = 0, col = 0;

	if (width < 2 || maxrows <= 0)
		return 0;
	s = lf_utf8_to_wcs(utf8 ? utf8 : "", &n);
	while (i <= n && rows < maxrows) {
		int brk = i == n || s[i] == '\n';

		if (!brk && col + lf_wc_width(s[i]) > width) {
			brk = 2; /* the line is full: s[i] starts the next one */
		}
		if (brk) {
			if (w)
				lf_ui_print_wcs(w, y + rows, x, width, s + start, i - start, a);
			rows++;
			col = 0;
			if (i == n)
				break;
			if (brk == 1)
				i++;
			start = i;
			continue;
		}
		col += lf_wc_width(s[i]);
		i++;
	}
	lf_free(s);
	return rows;
}

/* ------------------------------------------------------------------ keys */

void lf_key_name(int key, char *buf, size_t len)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{ LF_KEY(KEY_UP), "Up" }, { LF_KEY(KEY_DOWN), "Down" }, { LF_KEY(KEY_LEFT), "Left" },
		{ LF_KEY(KEY_RIGHT), "Right" }, { LF_KEY(KEY_PPAGE), "PgUp" }, { LF_KEY(KEY_NPAGE), "PgDn" },
		{ LF_KEY(KEY_HOME), "Home" }, { LF_KEY(KEY_END), "End" }, { LF_KEY(KEY_IC), "Ins" },
		{ LF_KEY(KEY_DC), "Del" }, { LF_KEY(KEY_BACKSPACE), "Backspace" }, { LF_KEY(KEY_BTAB), "Shift-Tab" },
		{ LF_KEY_CLEFT, "Ctrl-Left" }, { LF_KEY_CRIGHT, "Ctrl-Right" }, { LF_KEY_CHOME, "Ctrl-Home" },
		{ LF_KEY_CEND, "Ctrl-End" }, { LF_ESC, "Esc" }, { LF_ENTER, "Enter" }, { LF_TAB, "Tab" },
		{ 0x7f, "Backspace" }, { ' ', "Space" },
	};
	size_t i;

	for (i = 0; i < LF_COUNT(names); i++)
		if (names[i].key == key) {
			snprintf(buf, len, "%s", names[i].name);
			return;
		}
	if ((key & 0x200000) && (key & 0xffff) >= KEY_F(0) && (key & 0xffff) <= KEY_F(63))
		snprintf(buf, len, "F%d", (key & 0xffff) - KEY_F(0));
	else if (key & 0x400000)
		snprintf(buf, len, "Alt-%c", key & 0x7f);
	else if (key > 0 && key < 0x20)
		snprintf(buf, len, "^%c", key + '@');
	else if (key & 0x200000)
		snprintf(buf, len, "%s", keyname(key & 0xffff) ? keyname(key & 0xffff) : "?");
	else {
		wchar_t c = (wchar_t)key;
		char *u = lf_wcs_to_utf8(&c, 1);

		snprintf(buf, len, "%s", u);
		lf_free(u);
	}
}
