/* Tests of edit: the line editor and text area, without curses. */
#include "t.h"
#include "lianfang/edit.h"
#include "lianfang/util.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void utf8_locale(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

static int text_is(struct lf_edit *e, const char *want)
{
	char *s = lf_edit_text(e);
	int ok = !strcmp(s, want);

	if (!ok)
		printf("# text is \"%s\", want \"%s\"\n", s, want);
	lf_free(s);
	return ok;
}

/* The visible part of a one-line field, with pad columns as '.'. */
static char *shown(struct lf_edit *e, int width, int *cx)
{
	struct lf_edit_row row;
	struct lf_buf b;
	char *part;
	int n, cy, i;

	lf_edit_layout(e, width, 1, &row, &n, &cy, cx);
	lf_buf_init(&b);
	for (i = 0; i < row.pad; i++)
		lf_buf_addc(&b, '.');
	part = lf_wcs_to_utf8(e->s + row.start, row.end - row.start);
	lf_buf_adds(&b, part);
	lf_free(part);
	return lf_buf_steal(&b);
}

TEST(edit_widths_follow_wcwidth)
{
	utf8_locale();
	T_EQ_INT(lf_utf8_width("张三丰"), 6, "three Chinese characters are 6 columns");
	T_EQ_INT(lf_utf8_width("ab张"), 4, "mixed text");
	T_EQ_INT(lf_wc_width(0x200b), 1, "a zero-width character gets a visible placeholder column");
	T_OK(!lf_wc_showable(0x07), "a control character is not showable");
}

TEST(edit_utf8_round_trip_and_invalid_bytes)
{
	size_t n;
	wchar_t *w = lf_utf8_to_wcs("a\xe5\xbc\xa0\xff" "b", &n);
	char *back;

	T_EQ_INT(n, 4, "4 characters: a 张 U+FFFD b");
	T_OK(w[1] == 0x5f20 && w[2] == 0xfffd, "张 decoded; the bad byte became U+FFFD");
	back = lf_wcs_to_utf8(w, n);
	T_EQ_STR(back, "a张\xef\xbf\xbd" "b", "encoded back as UTF-8");
	lf_free(back);
	lf_free(w);
}

TEST(edit_insert_move_delete)
{
	struct lf_edit e;

	utf8_locale();
	lf_edit_init(&e, 0);
	lf_edit_insert_utf8(&e, "张三");
	T_OK(text_is(&e, "张三") && e.cur == 2 && e.changed, "typed two characters");
	lf_edit_do(&e, LF_ED_LEFT);
	lf_edit_insert(&e, 0x4e30); /* 丰 */
	T_OK(text_is(&e, "张丰三"), "insert in the middle");
	lf_edit_do(&e, LF_ED_BACKSPACE);
	T_OK(text_is(&e, "张三") && e.cur == 1, "backspace removes one character, not one byte");
	lf_edit_do(&e, LF_ED_DELETE);
	T_OK(text_is(&e, "张") && e.cur == 1, "delete removes the character under the cursor");
	T_OK(!lf_edit_do(&e, LF_ED_DELETE), "delete at the end does nothing");
	lf_edit_do(&e, LF_ED_HOME);
	T_EQ_INT(e.cur, 0, "Home");
	lf_edit_do(&e, LF_ED_END);
	T_EQ_INT(e.cur, 1, "End");
	lf_edit_free(&e);
}

TEST(edit_refuses_control_characters)
{
	struct lf_edit e;

	lf_edit_init(&e, 0);
	T_OK(!lf_edit_insert(&e, 0x1b) && !lf_edit_insert(&e, 0x7f) && !lf_edit_insert(&e, 0x85),
	     "ESC, DEL and C1 controls are refused");
	lf_edit_insert_utf8(&e, "a\tb\nc\x01" "d");
	T_OK(text_is(&e, "a b cd"), "tab and line break become spaces in one line; ^A dropped");
	lf_edit_free(&e);
	lf_edit_init(&e, 1);
	lf_edit_insert_utf8(&e, "a\r\nb");
	T_OK(text_is(&e, "a\n\nb"), "a text area keeps line breaks (CR counts as one)");
	lf_edit_free(&e);
}

TEST(edit_kill_and_yank)
{
	struct lf_edit e;

	utf8_locale();
	lf_edit_init(&e, 0);
	lf_edit_set(&e, "受理审查岗位职责");
	T_OK(!e.changed, "setting the text is not a change");
	e.cur = 4;
	lf_edit_do(&e, LF_ED_KILL_END);
	T_OK(text_is(&e, "受理审查"), "Ctrl-K cuts to the end");
	lf_edit_do(&e, LF_ED_KILL_START);
	T_OK(text_is(&e, "") && e.cur == 0, "Ctrl-U cuts to the start");
	lf_edit_do(&e, LF_ED_YANK);
	T_OK(text_is(&e, "受理审查"), "Ctrl-Y puts the last cut text back");
	lf_edit_free(&e);
}

TEST(edit_word_moves_stop_at_punctuation_and_spaces)
{
	struct lf_edit e;

	utf8_locale();
	lf_edit_init(&e, 0);
	lf_edit_set(&e, "张三丰，科长 abc def");
	e.cur = 0;
	lf_edit_do(&e, LF_ED_WORD_RIGHT);
	T_EQ_INT(e.cur, 3, "word right stops at the full-width comma");
	lf_edit_do(&e, LF_ED_WORD_RIGHT);
	T_EQ_INT(e.cur, 4, "then after the punctuation");
	lf_edit_do(&e, LF_ED_WORD_RIGHT);
	T_EQ_INT(e.cur, 7, "then after 科长 and the space");
	lf_edit_do(&e, LF_ED_END);
	lf_edit_do(&e, LF_ED_WORD_LEFT);
	T_EQ_INT(e.cur, 11, "word left to the start of def");
	lf_edit_do(&e, LF_ED_KILL_WORD);
	T_OK(text_is(&e, "张三丰，科长 def"), "Ctrl-W cuts the word before the cursor");
	lf_edit_free(&e);
}

TEST(edit_overwrite_mode)
{
	struct lf_edit e;

	lf_edit_init(&e, 0);
	lf_edit_set(&e, "abc");
	e.cur = 0;
	lf_edit_do(&e, LF_ED_OVERWRITE);
	lf_edit_insert_utf8(&e, "张x");
	T_OK(text_is(&e, "张xc"), "overwrite replaces characters");
	lf_edit_do(&e, LF_ED_OVERWRITE);
	lf_edit_insert(&e, 'y');
	T_OK(text_is(&e, "张xyc"), "insert mode again");
	lf_edit_free(&e);
}

TEST(edit_scrolls_by_display_column_never_splitting)
{
	struct lf_edit e;
	char *s;
	int cx, i;

	utf8_locale();
	lf_edit_init(&e, 0);
	lf_edit_set(&e, "张三丰");
	s = shown(&e, 10, &cx);
	T_OK(!strcmp(s, "张三丰") && cx == 6, "fits: cursor at column 6 (got \"%s\", %d)", s, cx);
	lf_free(s);
	/* 20 characters, 40 columns, in a field 9 columns wide */
	lf_edit_set(&e, "");
	for (i = 0; i < 20; i++)
		lf_edit_insert(&e, 0x4e00 + i);
	s = shown(&e, 9, &cx);
	T_OK(cx >= 0 && cx < 9, "cursor inside the field (%d)", cx);
	T_OK(lf_utf8_width(s) <= 9, "never wider than the field: \"%s\"", s);
	lf_free(s);
	for (i = 0; i < 40; i++) {
		int w, odd = 0;

		lf_edit_do(&e, LF_ED_LEFT);
		s = shown(&e, 9, &cx);
		w = lf_utf8_width(s);
		if (w > 9 || cx < 0 || cx > 8)
			odd = 1;
		/* the cursor is on a character start: the part before it, in the field,
		 * is whole characters */
		if (!odd && (cx - (s[0] == '.' ? 1 : 0)) % 2)
			odd = 1;
		T_OK(!odd, "step %d: \"%s\" cursor %d", i, s, cx);
		lf_free(s);
		if (odd)
			break;
	}
	T_EQ_INT(e.cur, 0, "back at the start");
	lf_edit_free(&e);
}

TEST(edit_odd_scroll_pads_instead_of_half_characters)
{
	struct lf_edit e;
	char *s;
	int cx;

	utf8_locale();
	lf_edit_init(&e, 0);
	lf_edit_set(&e, "a张三丰李四王五");
	e.cur = e.len;
	e.hscroll = 2; /* column 2 is the right half of 张 */
	s = shown(&e, 20, &cx);
	T_OK(s[0] == '.' && !strncmp(s + 1, "三", 3), "starts with a blank, then 三: \"%s\"", s);
	lf_free(s);
	lf_edit_set(&e, "ab张三");
	e.cur = 0;
	e.hscroll = 0;
	s = shown(&e, 3, &cx);
	T_EQ_STR(s, "ab", "a wide character that does not fit is not drawn at the right edge");
	lf_free(s);
	lf_edit_free(&e);
}

TEST(edit_text_area_wraps_by_width)
{
	struct lf_edit e;
	struct lf_edit_row rows[8];
	int n, cy, cx, i;
	char *line;

	utf8_locale();
	lf_edit_init(&e, 1);
	/* 12 Chinese characters in 10 columns: 5 per line */
	lf_edit_set(&e, "一二三四五六七八九十甲乙");
	lf_edit_layout(&e, 10, 8, rows, &n, &cy, &cx);
	T_EQ_INT(n, 3, "three display lines");
	line = lf_wcs_to_utf8(e.s + rows[1].start, rows[1].end - rows[1].start);
	T_EQ_STR(line, "六七八九十", "second line");
	lf_free(line);
	T_OK(cy == 2 && cx == 4, "cursor after 乙 (%d,%d)", cy, cx);
	/* 9 columns: 4 per line, the odd column stays empty */
	lf_edit_layout(&e, 9, 8, rows, &n, &cy, &cx);
	T_EQ_INT(n, 3, "9 columns: 4+4+4");
	for (i = 0; i < n; i++)
		T_OK(lf_wcs_width(e.s + rows[i].start, rows[i].end - rows[i].start) <= 9, "line %d fits", i);
	lf_edit_do(&e, LF_ED_UP);
	T_OK(e.cur == 7, "Up from the end of a line lands on the last character above (cur=%zu)", e.cur);
	lf_edit_do(&e, LF_ED_UP);
	lf_edit_do(&e, LF_ED_UP);
	T_OK(!lf_edit_do(&e, LF_ED_UP), "Up on the first line does nothing (the form moves on)");
	lf_edit_do(&e, LF_ED_END);
	T_EQ_INT(e.cur, 3, "End stays on the display line");
	lf_edit_free(&e);
}

TEST(edit_text_area_full_line_then_cursor)
{
	struct lf_edit e;
	struct lf_edit_row rows[4];
	int n, cy, cx;

	utf8_locale();
	lf_edit_init(&e, 1);
	lf_edit_set(&e, "一二三四五");
	lf_edit_layout(&e, 10, 4, rows, &n, &cy, &cx);
	T_OK(n == 2 && cy == 1 && cx == 0, "a full last line: the cursor goes to the next (%d %d %d)", n, cy, cx);
	lf_edit_set(&e, "一二三四五\n六");
	e.cur = 5;
	lf_edit_layout(&e, 10, 4, rows, &n, &cy, &cx);
	T_OK(cy == 0 && cx == 9, "before a line break after a full line: last column (%d %d)", cy, cx);
	lf_edit_free(&e);
}

TEST(edit_text_area_pages_and_long_paste)
{
	struct lf_edit e;
	struct lf_edit_row rows[5];
	struct lf_buf b;
	int n, cy, cx, i;
	char *back;

	utf8_locale();
	lf_edit_init(&e, 1);
	lf_buf_init(&b);
	for (i = 0; i < 300; i++)
		lf_buf_adds(&b, i % 50 == 49 ? "。" : "职");
	lf_edit_insert_utf8(&e, b.s);
	back = lf_edit_text(&e);
	T_OK(!strcmp(back, b.s) && lf_edit_chars(&e) == 300, "300 pasted characters kept whole");
	lf_free(back);
	lf_edit_layout(&e, 20, 5, rows, &n, &cy, &cx);
	T_OK(n == 5 && cy == 4, "the end is in view (%d rows, cursor row %d)", n, cy);
	T_EQ_INT(e.top, 26, "30 lines of 10 characters: top line is 26");
	lf_edit_do(&e, LF_ED_PAGE_UP);
	lf_edit_layout(&e, 20, 5, rows, &n, &cy, &cx);
	T_OK(cy == 0 && e.top == 26, "PageUp moves 4 lines, to the top row (cursor row %d, top %d)", cy, e.top);
	lf_edit_do(&e, LF_ED_PAGE_UP);
	lf_edit_layout(&e, 20, 5, rows, &n, &cy, &cx);
	T_OK(cy == 0 && e.top == 22, "PageUp again scrolls 4 lines (cursor row %d, top %d)", cy, e.top);
	for (i = 0; i < 10; i++)
		lf_edit_do(&e, LF_ED_PAGE_UP);
	T_EQ_INT(e.cur, 0, "PageUp at the top goes to the start");
	lf_buf_free(&b);
	lf_edit_free(&e);
}
