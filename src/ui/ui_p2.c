/* ui_p2: small things the phase-2 screens share (ui_p2.h): the current
 * cycle, the keyset pager, and how a risk level is drawn. */
#include "ui_p2.h"
#include "lianfang/cycle.h"
#include "lianfang/perm.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

const char *lf_p2_cycle(struct lf_ui *ui)
{
	struct lf_ui_ctx *c = lf_ui_ctx(ui);
	struct lf_cycle_list l;
	lf_status s;

	lf_ui_refresh_overview(ui);
	if (c->overview.cycle[0])
		return c->overview.cycle;
	memset(&l, 0, sizeof l);
	s = lf_cycle_current(c->db, &l);
	if (s == LF_OK && !l.n)
		s = LF_NOTFOUND;
	lf_cycle_list_free(&l); /* the model leaves its arena to free on NOTFOUND too */
	if (s == LF_NOTFOUND || s == LF_OK)
		lf_ui_msg(ui, LF_MSG_ERROR, "还没有建立年度工作：先在首页的“年度工作”里新建一个年度。");
	else
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(c->db, s));
	return NULL;
}

char *lf_p2_reach_note(struct lf_ui *ui, const char *dept)
{
	struct lf_buf b;
	char *note = NULL;

	/* a refusal is the list's to report */
	if (lf_perm_reach_note(lf_ui_ctx(ui)->db, LF_ACT_READ, dept, &note) != LF_OK || !note)
		return NULL;
	lf_buf_init(&b);
	lf_buf_addf(&b, "只显示你有权查看的：%s", note);
	lf_free(note);
	return b.s;
}

/* ------------------------------------------------------------------ pager */

void lf_pager_reset(struct lf_pager *p)
{
	p->depth = 0;
	p->after[0] = 0;
	p->next[0] = 0;
}

void lf_pager_free(struct lf_pager *p)
{
	lf_free(p->keys);
	memset(p, 0, sizeof *p);
}

int lf_pager_next(struct lf_pager *p)
{
	if (!p->next[0])
		return 0;
	if (p->depth == p->cap) {
		p->cap = p->cap * 2 + 16;
		p->keys = lf_realloc(p->keys, (size_t)p->cap * sizeof *p->keys);
	}
	memcpy(p->keys[p->depth++], p->after, LF_KEY_MAX);
	memcpy(p->after, p->next, LF_KEY_MAX);
	p->next[0] = 0;
	return 1;
}

int lf_pager_prev(struct lf_pager *p)
{
	if (!p->depth)
		return 0;
	memcpy(p->after, p->keys[--p->depth], LF_KEY_MAX);
	p->next[0] = 0;
	return 1;
}

/* ------------------------------------------------------------------ text */

/* Punctuation that may not begin a line (Chinese line breaking). */
static int closing(wchar_t c)
{
	return wcschr(L"，。、；：！？）》」』〉】’”…,.;:!?)]}", c) != NULL;
}

static int latin(wchar_t c)
{
	return c < 0x80 && (iswalnum((wint_t)c) || c == '-' || c == '.' || c == ':' || c == '/' || c == '_');
}

/* A line from start is full at i: where the next one starts. */
static size_t break_at(const wchar_t *s, size_t start, size_t i)
{
	size_t j;

	/* a list of "a · b · c" breaks between its items when one ends in the
	 * second half of the line: 监督人 潘超 stays whole */
	for (j = i; j >= start + 3 && (j - start) * 2 > i - start; j--)
		if (s[j - 1] == ' ' && s[j - 2] == 0xB7 && s[j - 3] == ' ')
			return j;
	/* a number, a date or a Latin word goes down whole (unless it fills a
	 * line by itself) */
	j = i;
	if (latin(s[i])) {
		while (j > start && latin(s[j - 1]))
			j--;
		if (j == start)
			j = i;
	}
	/* a closing mark never starts a line: its word goes down with it */
	if (closing(s[j]) && j > start + 1)
		j--;
	return j;
}

char **lf_p2_wrap(const char *text, int width, int first, int *n)
{
	size_t len, i, start = 0;
	wchar_t *s = lf_utf8_to_wcs(text ? text : "", &len);
	char **out = NULL;
	int col = 0, room = width - first, cap = 0;

	*n = 0;
	if (room < 2)
		room = 2;
	for (i = 0; i <= len; i++) {
		int brk = i == len || s[i] == '\n';
		int cw = brk ? 0 : lf_wc_width(s[i]);

		if (!brk && col + cw > room && i > start) {
			brk = 2;
			i = break_at(s, start, i);
		}
		if (!brk) {
			col += cw;
			continue;
		}
		if (*n == cap) {
			cap = cap * 2 + 4;
			out = lf_realloc(out, (size_t)cap * sizeof *out);
		}
		out[(*n)++] = lf_wcs_to_utf8(s + start, i - start);
		if (i == len)
			break;
		start = brk == 1 ? i + 1 : i;
		if (brk == 2) {
			/* a wrapped line does not start with the space it broke at */
			while (start < len && s[start] == ' ')
				start++;
			i = start - 1;
		}
		col = 0;
		room = width < 2 ? 2 : width;
	}
	lf_free(s);
	return out;
}

void lf_p2_wrap_free(char **lines, int n)
{
	int i;

	for (i = 0; i < n; i++)
		lf_free(lines[i]);
	lf_free(lines);
}

int lf_p2_wrap_print(WINDOW *w, int y, int x, int width, int maxrows, const char *text, attr_t a)
{
	int n, i;
	char **l;

	if (width < 2 || maxrows <= 0)
		return 0;
	l = lf_p2_wrap(text, width, 0, &n);
	for (i = 0; i < n && i < maxrows; i++)
		if (w)
			lf_ui_print(w, y + i, x, width, l[i], a);
	lf_p2_wrap_free(l, n);
	return i;
}

/* ------------------------------------------------------------------ levels */

attr_t lf_p2_level_attr(int level)
{
	switch (level) {
	case 1: return lf_ui_attr(LF_R_LEVEL_LOW);
	case 2: return lf_ui_attr(LF_R_LEVEL_MID);
	case 3: return lf_ui_attr(LF_R_LEVEL_HIGH);
	}
	return lf_ui_attr(LF_R_DIM);
}

void lf_p2_level_tag(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "[%s]", name && *name ? name : "未评");
}
