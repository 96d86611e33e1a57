/* edit: the text behind every input field — a wchar_t buffer with a cursor,
 * laid out by display column (wcwidth), so Chinese text is never split at a
 * field's edge. One line (text, dates, numbers) or a wrapped text area.
 * No curses here: the screens draw what lf_edit_layout says, tests drive it
 * directly. Text goes in and out as UTF-8 whatever the terminal's locale
 * (wchar_t is UCS-4 on every platform we build for: __STDC_ISO_10646__). */
#ifndef LIANFANG_EDIT_H
#define LIANFANG_EDIT_H

#include <stddef.h>
#include <wchar.h>

/* The most characters one field holds: a sanity cap, not the form's limit.
 * A form's limit is checked on leaving the field, so nothing typed or pasted
 * is cut off. */
#define LF_EDIT_CAP 1000000

struct lf_edit {
	wchar_t *s;      /* the text; not NUL-terminated */
	size_t len, cap;
	size_t cur;      /* cursor: index into s, 0..len */
	int multiline;   /* '\n' allowed, wrapped by display width */
	int overwrite;   /* typing replaces the character under the cursor */
	int changed;     /* set by every edit; the caller clears it */
	int width;       /* columns of the last layout (Home/End/Up/Down use it) */
	int height;      /* rows of the last layout (PageUp/PageDown) */
	int hscroll;     /* one line: the display column at the field's left edge */
	int top;         /* text area: the first display line shown */
	int goal;        /* column Up/Down aim for; -1 none */
	wchar_t *kill;   /* the last text cut with Ctrl-K/U/W, for Ctrl-Y */
	size_t killlen;
};

enum lf_edit_op {
	LF_ED_LEFT, LF_ED_RIGHT, LF_ED_HOME, LF_ED_END,
	LF_ED_WORD_LEFT, LF_ED_WORD_RIGHT,
	LF_ED_BACKSPACE, LF_ED_DELETE,
	LF_ED_KILL_END, LF_ED_KILL_START, LF_ED_KILL_WORD, LF_ED_YANK,
	LF_ED_UP, LF_ED_DOWN, LF_ED_PAGE_UP, LF_ED_PAGE_DOWN,
	LF_ED_TOP, LF_ED_BOTTOM,
	LF_ED_OVERWRITE,
};

void lf_edit_init(struct lf_edit *e, int multiline);
void lf_edit_free(struct lf_edit *e);

/* Replace the text (cursor at the end). Invalid UTF-8 bytes become U+FFFD;
 * control characters are dropped, as when typed. Does not set `changed`. */
void lf_edit_set(struct lf_edit *e, const char *utf8);
/* The text as UTF-8 (caller frees). */
char *lf_edit_text(const struct lf_edit *e);
/* Number of characters. */
size_t lf_edit_chars(const struct lf_edit *e);

/* Type one character at the cursor. Control characters are refused (returns
 * 0); '\r' and '\n' become a line break in a text area and a space in one
 * line; a tab becomes a space. */
int lf_edit_insert(struct lf_edit *e, wchar_t c);
/* Insert UTF-8 text (a paste) the same way; returns characters inserted. */
size_t lf_edit_insert_utf8(struct lf_edit *e, const char *utf8);
/* Apply an editing operation. Returns 1 if it did something; 0 if not —
 * in particular Up on the first line and Down on the last, so a form can
 * move to the previous or next field instead. */
int lf_edit_do(struct lf_edit *e, enum lf_edit_op op);

/* What to draw: row r shows characters [start, end) after `pad` blank
 * columns (a wide character that would straddle the left edge is replaced by
 * a blank and never drawn in halves). */
struct lf_edit_row {
	size_t start, end;
	int pad;
};

/* Lay the text out in a field of width × height (height 1 for one line),
 * scrolling so the cursor is visible. Fills up to `height` rows, sets *nrows
 * and the cursor's row and column inside the field. */
void lf_edit_layout(struct lf_edit *e, int width, int height, struct lf_edit_row *rows,
                    int *nrows, int *cy, int *cx);

/* Display columns the screens give c: its wcwidth in the current locale, or
 * 1 when the terminal cannot show it (it is drawn as a placeholder). */
int lf_wc_width(wchar_t c);
/* 1 if the current locale can encode and show c. */
int lf_wc_showable(wchar_t c);
/* Display columns of n characters. */
int lf_wcs_width(const wchar_t *s, size_t n);

/* UTF-8 ⇄ wide characters. lf_utf8_to_wcs returns a NUL-terminated array
 * (caller frees) and its length; invalid bytes become U+FFFD. */
wchar_t *lf_utf8_to_wcs(const char *s, size_t *n);
char *lf_wcs_to_utf8(const wchar_t *s, size_t n);
/* Display columns of UTF-8 text. */
int lf_utf8_width(const char *s);

#endif
