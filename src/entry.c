/* entry: a form being filled in (see entry.h). The one idea: the texts are
 * the truth while the form is open — checking never throws a text away, it
 * only adds a message — and the record is built from them only on save. */
#include "lianfang/entry.h"
#include "lianfang/reclist.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct lf_field *kind_field(const struct lf_entry *e, int i)
{
	return &e->form->kind->fields[lf_field_index(e->form->kind, e->form->fields[i].name)];
}

static void set_text(struct lf_entry *e, int i, const char *s)
{
	lf_free(e->text[i]);
	e->text[i] = lf_strdup(s ? s : "");
}

static void set_err(struct lf_entry *e, int i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void set_err(struct lf_entry *e, int i, const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_free(e->err[i]);
	e->err[i] = NULL;
	if (!fmt)
		return;
	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	e->err[i] = lf_buf_steal(&b);
}

/* The texts from the record (or the form's defaults for a new one). */
static void load_texts(struct lf_entry *e, int is_new)
{
	int i;

	for (i = 0; i < e->form->nfields; i++) {
		const struct lf_form_field *fd = &e->form->fields[i];
		const struct lf_field *d = kind_field(e, i);
		const struct lf_val *v = &e->rec->v[lf_field_index(e->form->kind, fd->name)];
		char num[32];

		set_err(e, i, NULL);
		if (is_new) {
			set_text(e, i, fd->def ? fd->def : (d->type == LF_F_BOOL ? "否" : ""));
			continue;
		}
		if (d->type == LF_F_BOOL) {
			set_text(e, i, !v->null && v->i ? "是" : "否");
		} else if (d->type == LF_F_INT) {
			snprintf(num, sizeof num, "%lld", v->i);
			set_text(e, i, v->null ? "" : num);
		} else {
			set_text(e, i, v->null ? "" : v->s);
		}
	}
	e->changed = 0;
}

lf_status lf_entry_open(struct lf_db *db, const struct lf_form *f, const char *gid, struct lf_entry **out)
{
	struct lf_entry *e;
	lf_status s = LF_OK;

	*out = NULL;
	if (f->type != LF_FORM_ENTRY || !f->kind)
		return lf_fail(db, LF_USAGE, "“%s”不是录入表单。", f->title);
	e = lf_alloc(sizeof *e);
	e->db = db;
	e->form = f;
	e->rec = lf_rec_new(f->kind);
	e->text = lf_alloc((size_t)(f->nfields + 1) * sizeof *e->text);
	e->err = lf_alloc((size_t)(f->nfields + 1) * sizeof *e->err);
	if (gid && *gid) {
		s = lf_rec_load(db, f->kind, gid, e->rec);
		if (s == LF_OK && e->rec->deleted)
			s = lf_fail(db, LF_NOTFOUND, "这条%s已经删除。", f->kind->label);
	}
	if (s) {
		lf_entry_free(e);
		return s;
	}
	load_texts(e, !(gid && *gid));
	*out = e;
	return LF_OK;
}

void lf_entry_free(struct lf_entry *e)
{
	int i;

	if (!e)
		return;
	for (i = 0; i < e->form->nfields; i++) {
		lf_free(e->text[i]);
		lf_free(e->err[i]);
	}
	lf_free(e->text);
	lf_free(e->err);
	lf_rec_free(e->rec);
	lf_free(e);
}

const char *lf_entry_target(const struct lf_entry *e)
{
	return e->rec->gid;
}

const char *lf_entry_text(const struct lf_entry *e, int i)
{
	return e->text[i];
}

void lf_entry_set(struct lf_entry *e, int i, const char *text)
{
	if (strcmp(e->text[i], text ? text : "")) {
		set_text(e, i, text);
		e->changed = 1;
	}
	set_err(e, i, NULL);
}

char *lf_entry_display(const struct lf_entry *e, int i)
{
	const struct lf_form_field *fd = &e->form->fields[i];
	char *label;

	if (fd->input == LF_IN_REF && *e->text[i]) {
		label = lf_record_label(e->db, fd->ref, e->text[i]);
		return label ? label : lf_strdup("（找不到这条记录）");
	}
	return lf_strdup(e->text[i]);
}

/* ------------------------------------------------------------------ checking */

/* Full-width ASCII (what a Chinese input method gives: ２０２６／１１) as ASCII. */
static char *halfwidth(const char *s)
{
	struct lf_buf b;
	size_t n = strlen(s), i = 0;

	lf_buf_init(&b);
	while (i < n) {
		unsigned cp;
		int step = lf_utf8_decode(s + i, n - i, &cp);

		if (step <= 0)
			step = 1, cp = (unsigned char)s[i];
		if (cp >= 0xff01 && cp <= 0xff5e)
			lf_buf_addc(&b, (char)(cp - 0xff01 + 0x21));
		else if (cp == 0x3000)
			lf_buf_addc(&b, ' ');
		else
			lf_buf_add(&b, s + i, (size_t)step);
		i += (size_t)step;
	}
	return lf_buf_steal(&b);
}

/* The text without leading and trailing spaces (ASCII, tab, newline, U+3000). */
static char *trimmed(const char *s)
{
	const char *end;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			break;
	}
	end = s + strlen(s);
	for (;;) {
		if (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'))
			end--;
		else if (end - s >= 3 && !strncmp(end - 3, "\xe3\x80\x80", 3))
			end -= 3;
		else
			break;
	}
	return lf_strndup(s, (size_t)(end - s));
}

static int parse_int(const char *s, long long *v)
{
	char *end;

	if (!*s)
		return -1;
	*v = strtoll(s, &end, 10);
	return *end ? -1 : 0;
}

static int check_value(struct lf_entry *e, int i, const char *t)
{
	const struct lf_form_field *fd = &e->form->fields[i];
	const struct lf_field *d = kind_field(e, i);
	const char *label = fd->label;
	char iso[11], *label_of;
	long long v;
	int j;

	if (!*t) {
		if (fd->required && d->type != LF_F_BOOL) {
			set_err(e, i, fd->input == LF_IN_REF || fd->input == LF_IN_CHOICE ? "请选择“%s”（按 F4 或 Ctrl-T）。"
			                                                                  : "“%s”不能为空。", label);
			return 0;
		}
		return 1;
	}
	switch (fd->input) {
	case LF_IN_TEXT:
	case LF_IN_MULTILINE:
		if (lf_has_control(t)) {
			set_err(e, i, "“%s”含有控制字符。", label);
			return 0;
		}
		if (fd->max && lf_utf8_chars(t) > (size_t)fd->max) {
			set_err(e, i, "“%s”最多 %d 个字，现在有 %zu 个。", label, fd->max, lf_utf8_chars(t));
			return 0;
		}
		if (d->type == LF_F_CODE && !lf_unit_code_valid(t)) {
			set_err(e, i, "“%s”应为 2–32 个字母、数字或“-”。", label);
			return 0;
		}
		return 1;
	case LF_IN_DATE:
		if (lf_date_parse(t, iso)) {
			set_err(e, i, "“%s”不是有效日期，请写成 2026-11-22、2026/11/22、2026.11.22 或 20261122。", label);
			return 0;
		}
		return 1;
	case LF_IN_INT:
		if (parse_int(t, &v)) {
			set_err(e, i, "“%s”应为整数。", label);
			return 0;
		}
		if (v < fd->min || v > fd->max) {
			set_err(e, i, "“%s”应在 %d 到 %d 之间。", label, fd->min, fd->max);
			return 0;
		}
		return 1;
	case LF_IN_CHOICE:
		for (j = 0; j < fd->nchoices; j++)
			if (!strcmp(fd->choices[j], t))
				return 1;
		set_err(e, i, "“%s”只能从选项中选择（按 F4 或 Ctrl-T）。", label);
		return 0;
	case LF_IN_BOOL:
		if (!strcmp(t, "是") || !strcmp(t, "否"))
			return 1;
		set_err(e, i, "“%s”只能是“是”或“否”（按空格键切换）。", label);
		return 0;
	case LF_IN_REF:
		label_of = lf_is_hex(t, LF_GID_LEN) && strlen(t) == LF_GID_LEN ? lf_record_label(e->db, fd->ref, t)
		                                                                 : NULL;
		if (!label_of) {
			set_err(e, i, "“%s”要从%s中选择（按 F4 或 Ctrl-T）。", label, fd->ref->label);
			return 0;
		}
		lf_free(label_of);
		return 1;
	}
	return 1;
}

int lf_entry_check(struct lf_entry *e, int i)
{
	const struct lf_form_field *fd = &e->form->fields[i];
	char iso[11];
	char *half, *t;
	int ok;

	set_err(e, i, NULL);
	if (fd->readonly)
		return 1;
	/* normalise what is unambiguous, keeping the text otherwise as typed */
	if (fd->input == LF_IN_DATE || fd->input == LF_IN_INT) {
		half = halfwidth(e->text[i]);
		t = trimmed(half);
		lf_free(half);
		if (fd->input == LF_IN_DATE && *t && !lf_date_parse(t, iso)) {
			lf_free(t);
			t = lf_strdup(iso);
		}
		if (strcmp(t, e->text[i])) {
			set_text(e, i, t);
			e->changed = 1;
		}
		lf_free(t);
	}
	t = trimmed(e->text[i]);
	ok = check_value(e, i, t);
	lf_free(t);
	return ok;
}

int lf_entry_check_all(struct lf_entry *e)
{
	int i, first = -1;

	for (i = 0; i < e->form->nfields; i++)
		if (!lf_entry_check(e, i) && first < 0)
			first = i;
	return first;
}

/* ------------------------------------------------------------------ saving */

static void to_record(struct lf_entry *e)
{
	int i;

	for (i = 0; i < e->form->nfields; i++) {
		const struct lf_form_field *fd = &e->form->fields[i];
		const struct lf_field *d = kind_field(e, i);
		char *t;
		long long v;

		if (fd->readonly)
			continue;
		t = trimmed(e->text[i]);
		if (d->type == LF_F_BOOL)
			lf_rec_set_int(e->rec, fd->name, !strcmp(t, "是"));
		else if (!*t)
			lf_rec_set_null(e->rec, fd->name);
		else if (d->type == LF_F_INT && !parse_int(t, &v))
			lf_rec_set_int(e->rec, fd->name, v);
		else
			lf_rec_set_text(e->rec, fd->name, t);
		lf_free(t);
	}
}

/* The form field a store message names (“label” of the kind's field). */
static int field_named_in(const struct lf_entry *e, const char *msg)
{
	int i;

	for (i = 0; i < e->form->nfields; i++) {
		char *quoted = lf_printf("“%s”", kind_field(e, i)->label);
		int hit = strstr(msg, quoted) != NULL;

		lf_free(quoted);
		if (hit)
			return i;
	}
	return -1;
}

lf_status lf_entry_save(struct lf_entry *e, int *bad)
{
	char before[LF_GID_LEN + 1];
	lf_status s;

	*bad = lf_entry_check_all(e);
	if (*bad >= 0)
		return lf_fail(e->db, LF_INVALID, "%s", e->err[*bad]);
	snprintf(before, sizeof before, "%s", e->rec->gid);
	to_record(e);
	if ((s = lf_rec_put(e->db, e->rec))) {
		if (!before[0])
			e->rec->gid[0] = 0; /* still new: a later save makes a new gid */
		*bad = field_named_in(e, e->db->err);
		if (*bad >= 0)
			set_err(e, *bad, "%s", e->db->err);
		return s;
	}
	lf_draft_delete(e->db, e->form->id, before);
	load_texts(e, 0);
	return LF_OK;
}

/* ------------------------------------------------------------------ drafts */

static const char **field_names(const struct lf_entry *e)
{
	const char **names = lf_alloc((size_t)(e->form->nfields + 1) * sizeof *names);
	int i;

	for (i = 0; i < e->form->nfields; i++)
		names[i] = e->form->fields[i].name;
	return names;
}

lf_status lf_entry_keep_draft(struct lf_entry *e)
{
	const char **names = field_names(e);
	lf_status s = lf_draft_save(e->db, e->form->id, e->rec->gid, e->form->nfields, names,
	                            (const char *const *)e->text);

	lf_free(names);
	return s;
}

lf_status lf_entry_keep_draft_anyhow(struct lf_entry *e, char **rescued)
{
	const char **names;
	lf_status s = lf_entry_keep_draft(e);

	*rescued = NULL;
	if (s == LF_OK)
		return s;
	names = field_names(e);
	*rescued = lf_draft_rescue(e->db, e->form->id, e->rec->gid, e->form->nfields, names,
	                           (const char *const *)e->text);
	lf_free(names);
	return *rescued ? LF_OK : s;
}

lf_status lf_entry_find_draft(struct lf_entry *e, struct lf_draft *d)
{
	return lf_draft_load(e->db, e->form->id, e->rec->gid, d);
}

void lf_entry_apply_draft(struct lf_entry *e, const struct lf_draft *d)
{
	int i;

	for (i = 0; i < e->form->nfields; i++) {
		const char *v = lf_draft_get(d, e->form->fields[i].name);

		if (v && !e->form->fields[i].readonly)
			lf_entry_set(e, i, v);
	}
	e->changed = 1;
}

lf_status lf_entry_drop_draft(struct lf_entry *e)
{
	return lf_draft_delete(e->db, e->form->id, e->rec->gid);
}

lf_status lf_record_set_retired(struct lf_db *db, const struct lf_kind *k, const char *gid, int retired)
{
	struct lf_rec *r;
	lf_status s;

	if (lf_field_index(k, "retired") < 0)
		return lf_fail(db, LF_USAGE, "%s没有“停用”这一项。", k->label);
	r = lf_rec_new(k);
	if ((s = lf_rec_load(db, k, gid, r)) == LF_OK) {
		lf_rec_set_int(r, "retired", retired ? 1 : 0);
		s = lf_rec_put(db, r);
	}
	lf_rec_free(r);
	return s;
}
