/* input: typed text into record fields (include/lianfang/input.h). */
#include "lianfang/input.h"
#include "lianfang/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_space_at(const char *s, size_t *len)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		*len = 1;
		return 1;
	}
	if (!strncmp(s, "\xe3\x80\x80", 3)) { /* U+3000 ideographic space */
		*len = 3;
		return 1;
	}
	return 0;
}

char *lf_input_trim(const char *s)
{
	size_t n, len, end;

	if (!s)
		return NULL;
	while (is_space_at(s, &len))
		s += len;
	n = strlen(s);
	end = n;
	while (end > 0) {
		if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r')
			end--;
		else if (end >= 3 && !strncmp(s + end - 3, "\xe3\x80\x80", 3))
			end -= 3;
		else
			break;
	}
	return lf_strndup(s, end);
}

lf_status lf_input_int(struct lf_db *db, const char *label, const char *text, long long lo, long long hi,
                       long long *out)
{
	char *t = lf_input_trim(text), *end;
	long long v;

	errno = 0;
	v = strtoll(t, &end, 10);
	if (!*t || *end || errno) {
		lf_fail(db, LF_INVALID, "“%s”应为整数，而不是“%s”。", label, t);
		lf_free(t);
		return LF_INVALID;
	}
	lf_free(t);
	if (v < lo || v > hi)
		return lf_fail(db, LF_INVALID, "“%s”应在 %lld 到 %lld 之间，而不是 %lld。", label, lo, hi, v);
	*out = v;
	return LF_OK;
}

lf_status lf_input_date(struct lf_db *db, const char *label, const char *text, char out[11])
{
	if (!text || lf_date_parse(text, out) != 0)
		return lf_fail(db, LF_INVALID, "“%s”不是有效日期：“%s”（应为 2026-04-01 这样的形式）。", label,
		               text ? text : "");
	return LF_OK;
}

static lf_status parse_bool(struct lf_db *db, const char *label, const char *t, long long *out)
{
	static const char *const yes[] = { "1", "是", "yes", "y", "true" };
	static const char *const no[] = { "0", "否", "no", "n", "false" };
	size_t i;

	for (i = 0; i < LF_COUNT(yes); i++) {
		if (!strcmp(t, yes[i])) {
			*out = 1;
			return LF_OK;
		}
		if (!strcmp(t, no[i])) {
			*out = 0;
			return LF_OK;
		}
	}
	return lf_fail(db, LF_INVALID, "“%s”应为“是”或“否”，而不是“%s”。", label, t);
}

lf_status lf_input_set(struct lf_db *db, struct lf_rec *r, const char *field, const char *text)
{
	int i = lf_field_index(r->kind, field);
	const struct lf_field *f;
	char *t, iso[11];
	long long v = 0;
	lf_status st = LF_OK;

	if (i < 0)
		return lf_fail(db, LF_INTERNAL, "程序错误：%s没有字段 %s。", r->kind->label, field);
	if (!text)
		return LF_OK;
	f = &r->kind->fields[i];
	t = lf_input_trim(text);
	if (!*t) {
		if (f->required)
			st = lf_fail(db, LF_INVALID, "%s的“%s”不能为空。", r->kind->label, f->label);
		else if (f->type == LF_F_BOOL)
			lf_rec_set_int(r, field, 0);
		else
			lf_rec_set_null(r, field);
		lf_free(t);
		return st;
	}
	switch (f->type) {
	case LF_F_INT:
		if ((st = lf_input_int(db, f->label, t, f->min, f->max, &v)) == LF_OK)
			lf_rec_set_int(r, field, v);
		break;
	case LF_F_BOOL:
		if ((st = parse_bool(db, f->label, t, &v)) == LF_OK)
			lf_rec_set_int(r, field, v);
		break;
	case LF_F_DATE:
		if ((st = lf_input_date(db, f->label, t, iso)) == LF_OK)
			lf_rec_set_text(r, field, iso);
		break;
	default:
		lf_rec_set_text(r, field, t);
		break;
	}
	lf_free(t);
	if (st && strncmp(db->err, r->kind->label, strlen(r->kind->label))) {
		char *msg = lf_printf("%s的%s", r->kind->label, db->err);

		snprintf(db->err, sizeof db->err, "%s", msg);
		lf_free(msg);
	}
	return st;
}

lf_status lf_input_setv(struct lf_db *db, struct lf_rec *r, ...)
{
	lf_status st = LF_OK;
	const char *field;
	va_list ap;

	va_start(ap, r);
	while (st == LF_OK && (field = va_arg(ap, const char *)) != NULL) {
		const char *text = va_arg(ap, const char *);

		st = lf_input_set(db, r, field, text);
	}
	va_end(ap);
	return st;
}

void lf_date_add(const char *iso, int days, char out[11])
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = 2000, m = 1, d = 1;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		y = 2000, m = 1, d = 1;
	d += days;
	for (;;) {
		int dm = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));

		if (d >= 1 && d <= dm)
			break;
		if (d > dm) {
			d -= dm;
			if (++m > 12)
				m = 1, y++;
		} else {
			if (--m < 1)
				m = 12, y--;
			d += mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
		}
	}
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}
