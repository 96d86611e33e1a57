/* Tests of util: dates, UTF-8, control characters. */
#include "t.h"
#include "lianfang/util.h"

#include <string.h>

TEST(date_forms)
{
	static const char *const good[] = { "2026-11-22", "2026/11/22", "2026.11.22", "20261122",
	                                     "2026年11月22日", " 2026-11-22 ", "2026-1-2" };
	static const char *const want[] = { "2026-11-22", "2026-11-22", "2026-11-22", "2026-11-22",
	                                     "2026-11-22", "2026-11-22", "2026-01-02" };
	static const char *const bad[] = { "", "2026-02-30", "2026-13-01", "2026-11", "22/11/2026",
	                                    "2026-11-22x", "abcd-ef-gh", "1899-01-01", "2025-02-29" };
	char out[11];
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		int rc = lf_date_parse(good[i], out);

		T_OK(rc == 0 && !strcmp(out, want[i]), "“%s” → %s", good[i], rc ? "error" : out);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		T_OK(lf_date_parse(bad[i], out) != 0, "“%s” is refused", bad[i]);
	T_OK(lf_date_parse("2024-02-29", out) == 0, "leap day 2024 accepted");
	T_EQ_INT(lf_date_diff("2026-11-20", "2026-12-01"), 11, "days between");
	T_EQ_INT(lf_date_diff("2026-03-01", "2026-02-28"), -1, "negative difference");
}

TEST(utf8_validation)
{
	T_EQ_INT(lf_utf8_valid("张三丰", strlen("张三丰")), strlen("张三丰"), "valid Chinese");
	T_EQ_INT(lf_utf8_valid("a\xff" "b", 3), 1, "stops at 0xff");
	T_EQ_INT(lf_utf8_valid("\xc0\x80", 2), 0, "overlong NUL refused");
	T_EQ_INT(lf_utf8_valid("\xed\xa0\x80", 3), 0, "surrogate refused");
	T_EQ_INT(lf_utf8_valid("\xe5\xbc", 2), 0, "truncated sequence refused");
	T_EQ_INT(lf_utf8_valid("\xf4\x90\x80\x80", 4), 0, "above U+10FFFF refused");
	T_EQ_INT(lf_utf8_chars("䶮U+4DAE"), 7, "character count");
	T_OK(lf_has_control("a\x1b[2Jb"), "escape is a control character");
	T_OK(lf_has_control("a\xc2\x85"), "C1 NEL is a control character");
	T_OK(!lf_has_control("第一行\n\t第二行"), "tab and newline are allowed");
}
