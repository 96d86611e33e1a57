/* Tests of textwidth: widths that do not depend on the caller's locale, and wrapping. */
#include "t.h"
#include "lianfang/textwidth.h"
#include "lianfang/util.h"

#include <locale.h>
#include <string.h>

TEST(width_does_not_depend_on_the_locale)
{
	setlocale(LC_ALL, "C"); /* where wcwidth() alone would call 中 unprintable */
	T_EQ_INT(lf_width("中文ab", LF_WIDTH_UNICODE), 6, "中文ab in a C locale");
	T_EQ_INT(lf_width_cp(0x4dae, LF_WIDTH_UNICODE), 2, "䶮 is wide");
	T_EQ_INT(lf_width_cp(0x1f600, LF_WIDTH_UNICODE), 2, "an emoji is wide");
	T_EQ_INT(lf_width_cp(0x301, LF_WIDTH_UNICODE), 0, "a combining mark takes no column");
	T_EQ_INT(lf_width_cp(0x201c, LF_WIDTH_UNICODE), 1, "“ is narrow in a UTF-8 terminal");
	T_EQ_INT(lf_width_cp(0x201c, LF_WIDTH_DBCS), 2, "“ is double-width in GBK");
	T_EQ_INT(lf_width_cp(0x3000, LF_WIDTH_UNICODE), 2, "the ideographic space is wide");
	T_EQ_INT(lf_width("a\nb", LF_WIDTH_UNICODE), 2, "newlines do not count");
	setlocale(LC_ALL, "");
}

struct lines {
	char buf[512];
};

static void join(void *ctx, const char *s, size_t n)
{
	struct lines *l = ctx;
	size_t len = strlen(l->buf);

	snprintf(l->buf + len, sizeof l->buf - len, "%.*s/", (int)n, s);
}

static const char *wrap(const char *s, int width)
{
	static struct lines l;

	l.buf[0] = 0;
	lf_wrap(s, width, LF_WIDTH_UNICODE, join, &l);
	return l.buf;
}

TEST(wrap_breaks_between_characters_by_width)
{
	T_EQ_STR(wrap("一二三四五", 4), "一二/三四/五/", "two wide characters per 4 columns");
	T_EQ_STR(wrap("一二三四五", 5), "一二/三四/五/", "never half a character");
	T_EQ_STR(wrap("一二\n\n三", 10), "一二//三/", "line breaks and empty lines kept");
	T_EQ_STR(wrap("", 4), "/", "an empty text is one empty line");
	T_EQ_STR(wrap("一二三，四", 6), "一二/三，四/", "a comma does not start a line");
	T_EQ_STR(wrap("一二（三四", 6), "一二/（三四/", "an opening bracket does not end one");
	T_EQ_STR(wrap("abc defgh", 6), "abc /defgh/", "an ASCII word is not split when a space allows");
	T_EQ_STR(wrap("一", 1), "一/", "a character wider than the column still goes on a line");
}
