/* import_model: find-or-make for the importer (include/lianfang/import_model.h).
 * Lookups are by name among this unit's live records; every write goes
 * through lf_rec_put, so the record layer's checks and messages apply and
 * every change is a revision in the audit chain. */
#include "lianfang/import_model.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char cycle_sql[] = "SELECT gid FROM cycle WHERE owner = ?1 AND year = ?2 AND deleted = 0";
static const char dept_sql[] =
	"SELECT gid FROM dept WHERE owner = ?1 AND name = ?2 AND deleted = 0 ORDER BY retired, id LIMIT 1";
static const char dept_seq_sql[] = "SELECT coalesce(max(seq), 0) FROM dept WHERE owner = ?1 AND deleted = 0";
static const char post_sql[] =
	"SELECT gid FROM post WHERE owner = ?1 AND dept = ?2 AND name = ?3 AND deleted = 0 ORDER BY retired, id LIMIT 1";
static const char post_seq_sql[] = "SELECT coalesce(max(seq), 0) FROM post WHERE dept = ?1 AND deleted = 0";
static const char person_sql[] =
	"SELECT gid FROM person WHERE owner = ?1 AND post = ?2 AND name = ?3 AND deleted = 0 "
	"ORDER BY retired, id LIMIT 1";
static const char power_sql[] =
	"SELECT gid FROM power WHERE owner = ?1 AND dept = ?2 AND name = ?3 AND deleted = 0 "
	"ORDER BY retired, id LIMIT 1";
static const char risk_sql[] =
	"SELECT gid FROM risk WHERE owner = ?1 AND cycle = ?2 AND post = ?3 AND person IS ?4 AND description = ?5 "
	"AND deleted = 0 ORDER BY retired, id LIMIT 1";
static const char risk_seq_sql[] =
	"SELECT coalesce(max(seq), 0) FROM risk WHERE cycle = ?1 AND post = ?2 AND person IS ?3 AND deleted = 0";
static const char measure_sql[] =
	"SELECT gid FROM measure WHERE owner = ?1 AND risk = ?2 AND content = ?3 AND deleted = 0 ORDER BY id LIMIT 1";
static const char measure_seq_sql[] = "SELECT coalesce(max(seq), 0) FROM measure WHERE risk = ?1 AND deleted = 0";

/* Run a lookup with text parameters (NULL binds NULL); the first column of
 * the first row goes to gid ("" when none) or, for counts, to *num. */
static lf_status lookup(struct lf_db *db, const char *sql, char gid[LF_GID_LEN + 1], long long *num, int n, ...)
{
	const char *args[6];
	sqlite3_stmt *st;
	lf_status s;
	va_list ap;
	int i, rc;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	if (gid)
		gid[0] = 0;
	if (num)
		*num = 0;
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	for (i = 0; i < n; i++)
		if (args[i])
			sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (gid && sqlite3_column_type(st, 0) == SQLITE_TEXT)
			snprintf(gid, LF_GID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 0));
		if (num)
			*num = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "查找记录失败");
}

static lf_status put_new(struct lf_db *db, struct lf_rec *r, char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_rec_put(db, r);

	if (s == LF_OK)
		snprintf(gid, LF_GID_LEN + 1, "%s", r->gid);
	lf_rec_free(r);
	return s;
}

static int next_seq(long long max)
{
	return max >= 9999 ? 9999 : (int)max + 1;
}

lf_status lf_im_cycle(struct lf_db *db, int year, char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	char y[16], title[64], date[11];
	struct lf_rec *r;
	lf_status s;

	snprintf(y, sizeof y, "%d", year);
	if ((s = lookup(db, cycle_sql, gid, NULL, 2, db->unit, y)) || gid[0]) {
		*act = LF_IM_FOUND;
		return s;
	}
	*act = LF_IM_CREATED;
	r = lf_rec_new(lf_kind_find("cycle"));
	lf_rec_set_int(r, "year", year);
	snprintf(title, sizeof title, "%d年度廉政风险点防范管理", year);
	lf_rec_set_text(r, "title", title);
	/* The usual schedule (seed 001): March, April, May–November, December. */
#define PHASE(field, md) snprintf(date, sizeof date, "%d-%s", year, md), lf_rec_set_text(r, field, date)
	PHASE("p1_start", "03-01");
	PHASE("p1_end", "03-31");
	PHASE("p2_start", "04-01");
	PHASE("p2_end", "04-30");
	PHASE("p3_start", "05-01");
	PHASE("p3_end", "11-30");
	PHASE("p4_start", "12-01");
	PHASE("p4_end", "12-31");
#undef PHASE
	lf_rec_set_int(r, "closed", 0);
	return put_new(db, r, gid);
}

lf_status lf_im_dept(struct lf_db *db, const char *name, char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	long long max;
	struct lf_rec *r;
	lf_status s;

	if ((s = lookup(db, dept_sql, gid, NULL, 2, db->unit, name)) || gid[0]) {
		*act = LF_IM_FOUND;
		return s;
	}
	*act = LF_IM_CREATED;
	if ((s = lookup(db, dept_seq_sql, NULL, &max, 1, db->unit)))
		return s;
	r = lf_rec_new(lf_kind_find("dept"));
	lf_rec_set_text(r, "name", name);
	lf_rec_set_int(r, "seq", next_seq(max));
	lf_rec_set_int(r, "retired", 0);
	return put_new(db, r, gid);
}

lf_status lf_im_post(struct lf_db *db, const char *dept, const char *name, const char *duties,
                     char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	const struct lf_kind *k = lf_kind_find("post");
	long long max;
	struct lf_rec *r;
	lf_status s;

	if ((s = lookup(db, post_sql, gid, NULL, 3, db->unit, dept, name)))
		return s;
	if (gid[0]) {
		*act = LF_IM_FOUND;
		if (!duties || !*duties)
			return LF_OK;
		r = lf_rec_new(k);
		if ((s = lf_rec_load(db, k, gid, r)) == LF_OK && strcmp(lf_rec_text(r, "duties") ? lf_rec_text(r, "duties") : "", duties)) {
			lf_rec_set_text(r, "duties", duties);
			s = lf_rec_put(db, r);
			*act = LF_IM_CHANGED;
		}
		lf_rec_free(r);
		return s;
	}
	*act = LF_IM_CREATED;
	if ((s = lookup(db, post_seq_sql, NULL, &max, 1, dept)))
		return s;
	r = lf_rec_new(k);
	lf_rec_set_text(r, "dept", dept);
	lf_rec_set_text(r, "name", name);
	lf_rec_set_text(r, "duties", duties && *duties ? duties : NULL);
	lf_rec_set_int(r, "seq", next_seq(max));
	lf_rec_set_int(r, "retired", 0);
	return put_new(db, r, gid);
}

lf_status lf_im_person(struct lf_db *db, const char *post, const char *name, char gid[LF_GID_LEN + 1],
                       enum lf_im_act *act)
{
	struct lf_rec *r;
	lf_status s;

	if ((s = lookup(db, person_sql, gid, NULL, 3, db->unit, post, name)) || gid[0]) {
		*act = LF_IM_FOUND;
		return s;
	}
	*act = LF_IM_CREATED;
	r = lf_rec_new(lf_kind_find("person"));
	lf_rec_set_text(r, "name", name);
	lf_rec_set_text(r, "post", post);
	lf_rec_set_int(r, "retired", 0);
	return put_new(db, r, gid);
}

lf_status lf_im_power(struct lf_db *db, const char *dept, const char *name, char gid[LF_GID_LEN + 1], int *found)
{
	lf_status s = lookup(db, power_sql, gid, NULL, 3, db->unit, dept, name);

	*found = s == LF_OK && gid[0];
	return s;
}

/* Set a text field when the table gives it; returns 1 if that changed it. */
static int set_text(struct lf_rec *r, const char *field, const char *v)
{
	const char *old = lf_rec_text(r, field);

	if (!v || !*v || (old && !strcmp(old, v)))
		return 0;
	lf_rec_set_text(r, field, v);
	return 1;
}

static int set_int(struct lf_rec *r, const char *field, int v)
{
	if (!v || (!lf_rec_is_null(r, field) && lf_rec_int(r, field) == v))
		return 0;
	lf_rec_set_int(r, field, v);
	return 1;
}

static int set_risk_fields(struct lf_rec *r, const struct lf_im_risk *x)
{
	int changed = 0;

	changed |= set_text(r, "power", x->power);
	changed |= set_text(r, "category", x->category);
	changed |= set_text(r, "source", x->source);
	changed |= set_text(r, "found_by", x->found_by);
	changed |= set_int(r, "probability", x->probability);
	changed |= set_int(r, "severity", x->severity);
	changed |= set_int(r, "level_proposed", x->level_proposed);
	changed |= set_int(r, "level", x->level);
	changed |= set_text(r, "level_reason", x->level_reason);
	changed |= set_text(r, "remarks", x->remarks);
	return changed;
}

lf_status lf_im_risk(struct lf_db *db, const struct lf_im_risk *x, char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	const struct lf_kind *k = lf_kind_find("risk");
	long long max;
	struct lf_rec *r;
	lf_status s;

	if ((s = lookup(db, risk_sql, gid, NULL, 5, db->unit, x->cycle, x->post, x->person, x->description)))
		return s;
	r = lf_rec_new(k);
	if (gid[0]) {
		*act = LF_IM_FOUND;
		if ((s = lf_rec_load(db, k, gid, r)) == LF_OK && set_risk_fields(r, x)) {
			s = lf_rec_put(db, r);
			*act = LF_IM_CHANGED;
		}
		lf_rec_free(r);
		return s;
	}
	*act = LF_IM_CREATED;
	if ((s = lookup(db, risk_seq_sql, NULL, &max, 3, x->cycle, x->post, x->person))) {
		lf_rec_free(r);
		return s;
	}
	lf_rec_set_text(r, "cycle", x->cycle);
	lf_rec_set_text(r, "post", x->post);
	lf_rec_set_text(r, "person", x->person);
	lf_rec_set_int(r, "seq", next_seq(max));
	lf_rec_set_text(r, "description", x->description);
	lf_rec_set_int(r, "retired", 0);
	set_risk_fields(r, x);
	return put_new(db, r, gid);
}

lf_status lf_im_measure(struct lf_db *db, const char *risk, const char *stage, const char *content,
                        char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	const struct lf_kind *k = lf_kind_find("measure");
	long long max;
	struct lf_rec *r;
	lf_status s;

	if ((s = lookup(db, measure_sql, gid, NULL, 3, db->unit, risk, content)))
		return s;
	r = lf_rec_new(k);
	if (gid[0]) {
		*act = LF_IM_FOUND;
		if ((s = lf_rec_load(db, k, gid, r)) == LF_OK && set_text(r, "stage", stage)) {
			s = lf_rec_put(db, r);
			*act = LF_IM_CHANGED;
		}
		lf_rec_free(r);
		return s;
	}
	*act = LF_IM_CREATED;
	if ((s = lookup(db, measure_seq_sql, NULL, &max, 1, risk))) {
		lf_rec_free(r);
		return s;
	}
	lf_rec_set_text(r, "risk", risk);
	lf_rec_set_int(r, "seq", next_seq(max));
	lf_rec_set_text(r, "stage", stage && *stage ? stage : NULL);
	lf_rec_set_text(r, "content", content);
	lf_rec_set_text(r, "status", "planned");
	return put_new(db, r, gid);
}
