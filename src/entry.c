/* entry: a form being filled in (see entry.h). The one idea: the texts are
 * the truth while the form is open — checking never throws a text away, it
 * only adds a message — and the record is built from them only on save. */
#include "lianfang/entry.h"
#include "lianfang/cycle.h"
#include "lianfang/flow.h"
#include "lianfang/org.h"
#include "lianfang/perm.h"
#include "lianfang/plan.h"
#include "lianfang/power.h"
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

lf_status lf_entry_preset(struct lf_entry *e, const char *name, const char *text)
{
	int i;

	for (i = 0; i < e->form->nfields; i++)
		if (!strcmp(e->form->fields[i].name, name)) {
			set_text(e, i, text);
			set_err(e, i, NULL);
			return LF_OK;
		}
	return lf_fail(e->db, LF_USAGE, "表单“%s”没有“%s”这一项。", e->form->title, name);
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

/* Saving goes through the model function that owns the kind (org.h, cycle.h,
 * plan.h, power.h): it checks the user's role and the kind's own rules (a
 * name in use, a department with posts in use). The texts go in as typed;
 * a field the form does not show (or shows read-only) is passed as NULL, which
 * the model reads as "leave it as it is". */

/* The text of form field `name`, trimmed, or NULL if the form does not let
 * the user set it. Freed with the entry's scratch list. */
struct scratch {
	char *s[LF_MAX_FIELDS * 2];
	int n;
};

static const char *txt(const struct lf_entry *e, struct scratch *sc, const char *name)
{
	int i;

	for (i = 0; i < e->form->nfields; i++)
		if (!strcmp(e->form->fields[i].name, name)) {
			if (e->form->fields[i].readonly || sc->n == (int)LF_COUNT(sc->s))
				return NULL;
			return sc->s[sc->n++] = trimmed(e->text[i]);
		}
	return NULL;
}

static void scratch_free(struct scratch *sc)
{
	while (sc->n > 0)
		lf_free(sc->s[--sc->n]);
}

/* The retired flag as the form has it: -1 when the form does not show it. */
static int form_retired(const struct lf_entry *e, struct scratch *sc)
{
	const char *t = txt(e, sc, "retired");

	return t ? !strcmp(t, "是") : -1;
}

static lf_status save_dept(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_dept_in in = { txt(e, sc, "name"), txt(e, sc, "seq"), txt(e, sc, "head"), txt(e, sc, "leader") };

	return *gid ? lf_dept_edit(e->db, gid, &in) : lf_dept_add(e->db, &in, gid);
}

static lf_status save_post(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_post_in in = { txt(e, sc, "dept"), txt(e, sc, "name"), txt(e, sc, "duties"), txt(e, sc, "seq") };

	return *gid ? lf_post_edit(e->db, gid, &in) : lf_post_add(e->db, &in, gid);
}

static lf_status save_person(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_person_in in = { txt(e, sc, "name"), txt(e, sc, "post"), txt(e, sc, "title") };

	return *gid ? lf_person_edit(e->db, gid, &in) : lf_person_add(e->db, &in, gid);
}

static lf_status save_cycle(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	static const char *const starts[] = { NULL, "p1_start", "p2_start", "p3_start", "p4_start" };
	static const char *const ends[] = { NULL, "p1_end", "p2_end", "p3_end", "p4_end" };
	struct lf_cycle_in in;
	const char *year = txt(e, sc, "year"), *phase = txt(e, sc, "phase");
	lf_status s;
	int p;

	memset(&in, 0, sizeof in);
	in.title = txt(e, sc, "title");
	for (p = 1; p <= LF_PHASES; p++) {
		in.start[p] = txt(e, sc, starts[p]);
		in.end[p] = txt(e, sc, ends[p]);
	}
	if (!*gid)
		s = lf_cycle_add(e->db, year ? atoi(year) : 0, &in, gid);
	else if (year && atoll(year) != lf_rec_int(e->rec, "year"))
		return lf_fail(e->db, LF_INVALID, "“%s”不能改：要换年度，请新建一个年度。", lf_form_field(e->form, "year")->label);
	else
		s = lf_cycle_edit(e->db, gid, &in);
	if (s == LF_OK && phase)
		s = lf_cycle_set_phase(e->db, gid, *phase ? atoi(phase) : 0);
	return s;
}

static lf_status save_member(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_member_in in = { txt(e, sc, "person"), txt(e, sc, "role"), txt(e, sc, "duty"), txt(e, sc, "seq") };
	const char *cycle = lf_rec_text(e->rec, "cycle");

	if (!*gid && !(cycle = txt(e, sc, "cycle")))
		return lf_fail(e->db, LF_INVALID, "没有指明年度。");
	return *gid ? lf_member_edit(e->db, gid, &in) : lf_member_add(e->db, cycle, &in, gid);
}

static lf_status save_meeting(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_meeting_in in = { txt(e, sc, "held"),  txt(e, sc, "kind"),  txt(e, sc, "title"), txt(e, sc, "place"),
	                            txt(e, sc, "attendees"), txt(e, sc, "count"), txt(e, sc, "notes") };
	const char *cycle = lf_rec_text(e->rec, "cycle");

	if (!*gid && !(cycle = txt(e, sc, "cycle")))
		return lf_fail(e->db, LF_INVALID, "没有指明年度。");
	return *gid ? lf_meeting_edit(e->db, gid, &in) : lf_meeting_add(e->db, cycle, &in, gid);
}

static lf_status save_plan(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_plan_in in = { txt(e, sc, "title"), txt(e, sc, "doc_no"), txt(e, sc, "issued"), txt(e, sc, "office"),
	                         txt(e, sc, "body") };
	const char *cycle = *gid ? lf_rec_text(e->rec, "cycle") : txt(e, sc, "cycle"), *typed = txt(e, sc, "cycle");

	if (!cycle || !*cycle)
		return lf_fail(e->db, LF_INVALID, "没有指明年度。");
	if (*gid && typed && strcmp(typed, cycle))
		return lf_fail(e->db, LF_INVALID, "“%s”不能改：每个年度有自己的实施方案。",
		               lf_form_field(e->form, "cycle")->label);
	return lf_plan_set(e->db, cycle, &in, gid);
}

static lf_status save_power(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_power_in in = { txt(e, sc, "dept"), txt(e, sc, "post"),    txt(e, sc, "name"),
	                          txt(e, sc, "content"), txt(e, sc, "kind"), txt(e, sc, "area"),
	                          txt(e, sc, "basis"), txt(e, sc, "holder"), txt(e, sc, "seq") };

	return *gid ? lf_power_edit(e->db, gid, &in) : lf_power_add(e->db, &in, gid);
}

/* The text of a field even when the form shows it read-only: what the screen
 * preset for a new record (the power a new step belongs to). */
static const char *preset_txt(const struct lf_entry *e, struct scratch *sc, const char *name)
{
	int i;

	for (i = 0; i < e->form->nfields; i++)
		if (!strcmp(e->form->fields[i].name, name) && sc->n < (int)LF_COUNT(sc->s))
			return sc->s[sc->n++] = trimmed(e->text[i]);
	return NULL;
}

/* A new step goes in at the number typed (the steps from there move down);
 * a step given another number moves there. */
static lf_status save_step(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1])
{
	struct lf_step_in in = { txt(e, sc, "actor"),      txt(e, sc, "action"),      txt(e, sc, "condition"),
	                         txt(e, sc, "time_limit"), txt(e, sc, "supervision"), txt(e, sc, "risky") };
	const char *seq = txt(e, sc, "seq"), *power;
	lf_status s;

	if (!*gid) {
		power = preset_txt(e, sc, "power");
		if (!power || !*power)
			return lf_fail(e->db, LF_INVALID, "没有指明职权。");
		return lf_step_insert(e->db, power, seq && *seq ? atoi(seq) : 0, &in, gid);
	}
	s = lf_step_edit(e->db, gid, &in);
	if (s == LF_OK && seq && *seq && atoll(seq) != lf_rec_int(e->rec, "seq") &&
	    (s = lf_step_move(e->db, gid, atoi(seq))) == LF_INVALID) {
		/* "目标位置应在 1 到 4 之间": said at the number's field */
		char why[sizeof e->db->err];

		snprintf(why, sizeof why, "%s", e->db->err);
		s = lf_fail(e->db, LF_INVALID, "“%s”：%s", lf_form_field(e->form, "seq")->label, why);
	}
	return s;
}

struct saver {
	const char *kind;
	lf_status (*save)(struct lf_entry *e, struct scratch *sc, char gid[LF_GID_LEN + 1]);
	lf_status (*retire)(struct lf_db *db, const char *gid, int retired);
};

static const struct saver savers[] = {
	{ "dept", save_dept, lf_dept_retire },
	{ "post", save_post, lf_post_retire },
	{ "person", save_person, lf_person_retire },
	{ "cycle", save_cycle, NULL },
	{ "group_member", save_member, NULL },
	{ "meeting", save_meeting, NULL },
	{ "plan", save_plan, NULL },
	{ "power", save_power, lf_power_retire },
	{ "flow_step", save_step, NULL },
};

static const struct saver *saver_of(const struct lf_kind *k)
{
	size_t i;

	for (i = 0; i < LF_COUNT(savers); i++)
		if (!strcmp(savers[i].kind, k->name))
			return &savers[i];
	return NULL;
}

/* The form field a message names: “label” of the form's or the kind's
 * field, else “text” typed into it (已有名为“登记注册科”的处室). */
static int field_named_in(const struct lf_entry *e, const char *msg)
{
	int i, pass;

	for (pass = 0; pass < 3; pass++)
		for (i = 0; i < e->form->nfields; i++) {
			const char *what = pass == 0 ? e->form->fields[i].label
			                   : pass == 1 ? kind_field(e, i)->label : e->text[i];
			char *quoted = lf_printf("“%s”", what);
			int hit = *what && strstr(msg, quoted) != NULL;

			lf_free(quoted);
			if (hit)
				return i;
		}
	return -1;
}

static lf_status save(struct lf_entry *e, char gid[LF_GID_LEN + 1])
{
	const struct saver *sv = saver_of(e->form->kind);
	struct scratch sc = { { 0 }, 0 };
	lf_status s;
	int retired;

	if (!sv || !sv->save) {
		/* no model function for this kind yet: nothing is saved from a form
		 * without one, so no role check can be skipped */
		return lf_fail(e->db, LF_DENIED, "%s还不能在表单里保存（还没有对应的功能）。", e->form->kind->label);
	}
	if ((s = lf_tx_begin(e->db)))
		return s;
	s = sv->save(e, &sc, gid);
	retired = form_retired(e, &sc);
	if (s == LF_OK && retired >= 0 && retired != (lf_rec_int(e->rec, "retired") != 0)) {
		s = sv->retire ? sv->retire(e->db, gid, retired)
		               : lf_fail(e->db, LF_DENIED, "%s不能在这里停用。", e->form->kind->label);
	}
	scratch_free(&sc);
	return lf_tx_end(e->db, s);
}

lf_status lf_entry_save(struct lf_entry *e, int *bad)
{
	char before[LF_GID_LEN + 1], gid[LF_GID_LEN + 1];
	lf_status s;

	*bad = lf_entry_check_all(e);
	if (*bad >= 0)
		return lf_fail(e->db, LF_INVALID, "%s", e->err[*bad]);
	snprintf(before, sizeof before, "%s", e->rec->gid);
	snprintf(gid, sizeof gid, "%s", e->rec->gid);
	if ((s = save(e, gid))) {
		*bad = field_named_in(e, e->db->err);
		if (*bad >= 0)
			set_err(e, *bad, "%s", e->db->err);
		return s;
	}
	lf_draft_delete(e->db, e->form->id, before);
	if ((s = lf_rec_load(e->db, e->form->kind, gid, e->rec))) {
		*bad = -1;
		return s;
	}
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
	const struct saver *sv = saver_of(k);

	if (lf_field_index(k, "retired") < 0 || !sv || !sv->retire)
		return lf_fail(db, LF_USAGE, "%s不能在这里停用。", k->label);
	return sv->retire(db, gid, retired);
}
