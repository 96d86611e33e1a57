/* textwidth: how many columns text takes on a terminal or a printout, and
 * wrapping it to a width — for the printed tables and for row heights in
 * spreadsheets. The answer must not depend on the caller's locale (a C or
 * GBK locale would call every Chinese character unprintable), so widths come
 * from wcwidth() under a fixed C.UTF-8 locale of our own.
 *
 * Two conventions, chosen by the encoding the text is going to:
 *   LF_WIDTH_UNICODE  what a UTF-8 terminal shows: East Asian wide and full-
 *                     width characters are 2, "ambiguous" ones (“ ” · ①) are 1;
 *   LF_WIDTH_DBCS     what a GBK terminal, printer or CJK font shows: every
 *                     character outside ASCII is 2 (double-byte text is
 *                     double-width), combining marks 0. */
#ifndef LIANFANG_TEXTWIDTH_H
#define LIANFANG_TEXTWIDTH_H

#include <stddef.h>

enum lf_width_mode { LF_WIDTH_UNICODE, LF_WIDTH_DBCS };

/* Columns of one code point (0, 1 or 2). Tabs and other controls count 1. */
int lf_width_cp(unsigned cp, enum lf_width_mode mode);
/* Columns of valid UTF-8 text, newlines not counted. */
size_t lf_width(const char *s, enum lf_width_mode mode);

/* Break UTF-8 text into lines of at most `width` columns: at newlines, between
 * characters, never inside one; a line does not start with closing
 * punctuation (，。、；：？！）》”」) nor end with opening punctuation
 * (（《“「【) when a character can move down to avoid it. Calls line(ctx, start, len) for each line (len bytes of s); an
 * empty text is one empty line. Returns the number of lines. */
int lf_wrap(const char *s, int width, enum lf_width_mode mode,
            void (*line)(void *ctx, const char *start, size_t len), void *ctx);

#endif
