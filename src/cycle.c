/* cycle: the yearly cycle and its phases (include/lianfang/cycle.h).
 * A cycle's id derives from its year and unit, so two offices that create
 * "cycle 2026" create the same record. */
#include "lianfang/cycle.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const phase_names[] = {
	"尚未开始", "制定方案、动员部署", "界定职责、查找风险", "健全机制、防范监督", "检查考核、修正完善", "本年度已结束",
};

static const char *const start_field[] = { NULL, "p1_start", "p2_start", "p3_start", "p4_start" };
static const char *const end_field[] = { NULL, "p1_end", "p2_end", "p3_end", "p4_end" };

const char *lf_phase_name(int phase)
{
	return phase >= 0 && phase <= LF_PHASES + 1 ? phase_names[phase] : "";
}

void lf_cycle_default_dates(int year, char start[LF_PHASES + 1][11], char end[LF_PHASES + 1][11])
{
	static const char *const s[] = { "", "03-01", "04-01", "05-01", "12-01" };
	static const char *const e[] = { "", "03-31", "04-30", "11-30", "12-31" };
	int i;

	start[0][0] = end[0][0] = 0;
	for (i = 1; i <= LF_PHASES; i++) {
		snprintf(start[i], 11, "%04d-%s", year % 10000, s[i]);
		snprintf(end[i], 11, "%04d-%s", year % 10000, e[i]);
	}
}

/* ------------------------------------------------------------------ writing */

static const char *label(const struct lf_rec *r, const char *field)
{
	return r->kind->fields[lf_field_index(r->kind, field)].label;
}

static lf_status check_dates(struct lf_db *db, const struct lf_rec *r)
{
	const char *prev = NULL;
	int i, prev_i = 0;

	/* the fields' labels in quotes: a form shows the message at the field */
	for (i = 1; i <= LF_PHASES; i++) {
		const char *a = lf_rec_text(r, start_field[i]), *b = lf_rec_text(r, end_field[i]);

		if (a && b && strcmp(a, b) > 0)
			return lf_fail(db, LF_INVALID, "“%s” %s 晚于“%s” %s。", label(r, start_field[i]), a,
			               label(r, end_field[i]), b);
		if (a && prev && strcmp(a, prev) < 0)
			return lf_fail(db, LF_INVALID, "“%s” %s 早于上一阶段的“%s” %s。", label(r, start_field[i]), a,
			               label(r, start_field[prev_i]), prev);
		if (a) {
			prev = a;
			prev_i = i;
		}
	}
	return LF_OK;
}

static lf_status apply(struct lf_db *db, struct lf_rec *r, const struct lf_cycle_in *in)
{
	lf_status s = LF_OK;
	int i;

	if (!in)
		return LF_OK;
	s = lf_input_set(db, r, "title", in->title);
	for (i = 1; i <= LF_PHASES && s == LF_OK; i++) {
		s = lf_input_set(db, r, start_field[i], in->start[i]);
		if (s == LF_OK)
			s = lf_input_set(db, r, end_field[i], in->end[i]);
	}
	return s;
}

static lf_status finish(struct lf_db *db, struct lf_rec *r)
{
	lf_status s = lf_rec_validate(db, r);

	if (s == LF_OK)
		s = check_dates(db, r);
	if (s == LF_OK)
		s = lf_rec_put(db, r);
	return s;
}

static lf_status cycle_gid(struct lf_db *db, int year, char gid[LF_GID_LEN + 1])
{
	char *key = lf_printf("%s/%d", db->unit, year);

	lf_gid_for_key("cycle", key, gid);
	lf_free(key);
	return LF_OK;
}

static lf_status add(struct lf_db *db, int year, const struct lf_cycle_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("cycle"));
	char start[LF_PHASES + 1][11], end[LF_PHASES + 1][11], title[64], id[LF_GID_LEN + 1];
	lf_status s;
	int i;

	if (year < 2000 || year > 2100) {
		lf_rec_free(r);
		return lf_fail(db, LF_INVALID, "年度应在 2000 到 2100 之间，而不是 %d。", year);
	}
	cycle_gid(db, year, id);
	if (lf_rec_load(db, r->kind, id, r) == LF_OK && !r->deleted) {
		lf_rec_free(r);
		return lf_fail(db, LF_EXISTS, "%d 年度已经建立。", year);
	}
	lf_rec_clear(r);
	lf_cycle_default_dates(year, start, end);
	lf_rec_set_int(r, "year", year);
	snprintf(title, sizeof title, "%d年度廉政风险点防范管理", year);
	lf_rec_set_text(r, "title", title);
	for (i = 1; i <= LF_PHASES; i++) {
		lf_rec_set_text(r, start_field[i], start[i]);
		lf_rec_set_text(r, end_field[i], end[i]);
	}
	s = apply(db, r, in);
	if (s == LF_OK)
		s = finish(db, r);
	if (s == LF_OK && gid)
		memcpy(gid, r->gid, LF_GID_LEN + 1);
	lf_rec_free(r);
	return s;
}

lf_status lf_cycle_add(struct lf_db *db, int year, const struct lf_cycle_in *in, char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_tx_begin(db);

	if (s)
		return s;
	s = lf_perm_check(db, LF_ACT_CYCLE_EDIT, NULL);
	if (s == LF_OK)
		s = add(db, year, in, gid);
	return lf_tx_end(db, s);
}

static lf_status load_cycle(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	lf_status s = lf_rec_load(db, r->kind, gid, r);

	if (s == LF_NOTFOUND || (s == LF_OK && r->deleted))
		return lf_fail(db, LF_NOTFOUND, "找不到这个年度（%.8s）。", gid);
	return s;
}

lf_status lf_cycle_edit(struct lf_db *db, const char *gid, const struct lf_cycle_in *in)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("cycle"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = lf_perm_check(db, LF_ACT_CYCLE_EDIT, NULL);
		if (s == LF_OK)
			s = load_cycle(db, gid, r);
		if (s == LF_OK)
			s = apply(db, r, in);
		if (s == LF_OK)
			s = finish(db, r);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_cycle_set_phase(struct lf_db *db, const char *gid, int phase)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("cycle"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = lf_perm_check(db, LF_ACT_CYCLE_EDIT, NULL);
		if (s == LF_OK && (phase < 0 || phase > LF_PHASES))
			s = lf_fail(db, LF_INVALID, "阶段应为 1 到 4（或 0 表示按日期），而不是 %d。", phase);
		if (s == LF_OK)
			s = load_cycle(db, gid, r);
		if (s == LF_OK) {
			if (phase)
				lf_rec_set_int(r, "phase", phase);
			else
				lf_rec_set_null(r, "phase");
			s = finish(db, r);
		}
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

/* ------------------------------------------------------------------ reading */

#define CYCLE_COLUMNS \
	"id, gid, year, title, p1_start, p1_end, p2_start, p2_end, p3_start, p3_end, p4_start, p4_end, " \
	"ifnull(phase, 0), closed "

static void cycle_row(struct lf_cycle_list *out, sqlite3_stmt *st)
{
	struct lf_cycle *c = &out->v[out->n++];
	int i;

	c->id = sqlite3_column_int64(st, 0);
	lf_col_gid(c->gid, st, 1);
	c->year = sqlite3_column_int(st, 2);
	c->title = lf_col_str(&out->arena, st, 3);
	for (i = 1; i <= LF_PHASES; i++) {
		const char *a = (const char *)sqlite3_column_text(st, 2 + 2 * i);
		const char *b = (const char *)sqlite3_column_text(st, 3 + 2 * i);

		snprintf(c->start[i], 11, "%s", a ? a : "");
		snprintf(c->end[i], 11, "%s", b ? b : "");
	}
	c->phase_set = sqlite3_column_int(st, 12);
	c->closed = sqlite3_column_int(st, 13);
}

static lf_status one(struct lf_db *db, const char *sql, const char *text, int num, struct lf_cycle_list *out)
{
	struct lf_page pg;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(st, 2, num);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, cycle_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_cycle_get(struct lf_db *db, const char *gid, struct lf_cycle_list *out)
{
	static const char sql[] = "SELECT " CYCLE_COLUMNS "FROM cycle WHERE owner = ?1 AND gid = ?2 AND deleted = 0";
	lf_status s = one(db, sql, gid, 0, out);

	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到这个年度（%.8s）。", gid);
	if (s)
		lf_cycle_list_free(out); /* a failure leaves nothing to free */
	return s;
}

lf_status lf_cycle_by_year(struct lf_db *db, int year, struct lf_cycle_list *out)
{
	static const char sql[] = "SELECT " CYCLE_COLUMNS "FROM cycle WHERE owner = ?1 AND year = ?2 AND deleted = 0";
	lf_status s = one(db, sql, NULL, year, out);

	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "还没有 %d 年度。请先建立：lianfang cycle add %d", year, year);
	if (s)
		lf_cycle_list_free(out);
	return s;
}

lf_status lf_cycle_current(struct lf_db *db, struct lf_cycle_list *out)
{
	static const char sql[] =
		"SELECT " CYCLE_COLUMNS "FROM cycle WHERE owner = ?1 AND deleted = 0 "
		"ORDER BY year > ?2, CASE WHEN year <= ?2 THEN -year ELSE year END LIMIT 1";
	char today[11];
	lf_status s;

	lf_today(today);
	s = one(db, sql, NULL, atoi(today), out);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "还没有建立任何年度。请先建立：lianfang cycle add %.4s", today);
	return s;
}

lf_status lf_cycle_list(struct lf_db *db, struct lf_page *pg, struct lf_cycle_list *out)
{
	static const char sql[] =
		"SELECT " CYCLE_COLUMNS "FROM cycle WHERE owner = ?1 AND deleted = 0 AND "
		"(?2 = 0 OR year < (SELECT year FROM cycle WHERE id = ?2)) ORDER BY year DESC LIMIT ?3";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, cycle_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_cycle_list_free(struct lf_cycle_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

int lf_cycle_phase(const struct lf_cycle *c, const char *today)
{
	int i, phase = 0;

	if (c->phase_set)
		return c->phase_set;
	for (i = 1; i <= LF_PHASES; i++)
		if (c->start[i][0] && strcmp(c->start[i], today) <= 0)
			phase = i;
	if (phase == LF_PHASES && c->end[LF_PHASES][0] && strcmp(today, c->end[LF_PHASES]) > 0)
		return LF_PHASES + 1;
	return phase;
}

int lf_cycle_overdue_phase(const struct lf_cycle *c, const char *today)
{
	int p = c->phase_set;

	if (p >= 1 && p <= LF_PHASES && c->end[p][0] && strcmp(today, c->end[p]) > 0)
		return p;
	return 0;
}

lf_status lf_cycle_of_unit(struct lf_db *db, const char *unit, int year, struct lf_cycle_list *out)
{
	static const char sql[] = "SELECT " CYCLE_COLUMNS "FROM cycle WHERE owner = ?1 AND deleted = 0 "
	                          "AND (?2 = 0 OR year = ?2) ORDER BY year DESC LIMIT 1";
	static const char years_sql[] = "SELECT year FROM cycle WHERE owner = ?1 AND deleted = 0 ORDER BY year";
	const char *code = unit ? unit : db->unit;
	struct lf_page pg;
	struct lf_buf years;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, cycle_row, id);
	sqlite3_finalize(st);
	if (s || out->n)
		return s;
	lf_cycle_list_free(out);
	if (!year)
		return lf_fail(db, LF_NOTFOUND, "单位 %s 还没有任何年度的工作记录。", code);
	if ((s = lf_prepare(db, years_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	lf_buf_init(&years);
	while (sqlite3_step(st) == SQLITE_ROW)
		lf_buf_addf(&years, "%s%d", years.len ? "、" : "", sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	s = lf_fail(db, LF_NOTFOUND, "单位 %s 没有 %d 年度的记录%s%s%s。", code, year, years.len ? "（有：" : "",
	            years.len ? years.s : "", years.len ? "）" : "");
	lf_buf_free(&years);
	return s;
}

/* ------------------------------------------------------------------ the next cycle */

lf_status lf_cycle_start_next(struct lf_db *db, const char *from, int year, char gid[LF_GID_LEN + 1],
                              struct lf_carry_count *count)
{
	struct lf_cycle_list src, dst;
	char id[LF_GID_LEN + 1];
	lf_status s = lf_tx_begin(db);

	memset(count, 0, sizeof *count);
	memset(&dst, 0, sizeof dst);
	if (s)
		return s;
	if ((s = lf_perm_check(db, LF_ACT_CYCLE_EDIT, NULL)) || (s = lf_cycle_get(db, from, &src)))
		return lf_tx_end(db, s);
	if (!year)
		year = src.v[0].year + 1;
	if (year == src.v[0].year)
		s = lf_fail(db, LF_INVALID, "新年度不能与原年度（%d）相同。", year);
	if (s == LF_OK && lf_cycle_by_year(db, year, &dst) == LF_OK)
		memcpy(id, dst.v[0].gid, sizeof id);
	else if (s == LF_OK)
		s = add(db, year, NULL, id);
	if (s == LF_OK)
		s = lf_selfcheck_carry(db, from, id, count);
	if (s == LF_OK && gid)
		memcpy(gid, id, sizeof id);
	lf_cycle_list_free(&src);
	lf_cycle_list_free(&dst);
	return lf_tx_end(db, s);
}
