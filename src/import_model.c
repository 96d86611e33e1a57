/* import_model: find-or-make for the importer, through the model
 * (include/lianfang/import_model.h): cycle.c, org.c, power.c, selfcheck.c,
 * risk.c and grade.c do every read and write, with their permission checks,
 * validation and audit. The only SQL here is on the import's own temporary
 * index of the risks read so far: a post's own risks and a person's form are
 * each read once, through the model's lists, and then looked up by person
 * and description in O(log n). */
#include "lianfang/import_model.h"
#include "lianfang/cycle.h"
#include "lianfang/grade.h"
#include "lianfang/org.h"
#include "lianfang/power.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

static const char create_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS lf_import_risk(post TEXT NOT NULL, person TEXT NOT NULL, "
	"description TEXT NOT NULL, retired INTEGER NOT NULL, id INTEGER NOT NULL, gid TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS temp.lf_import_risk_key ON lf_import_risk(post, person, description, retired, id);"
	"CREATE TEMP TABLE IF NOT EXISTS lf_import_read(key TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;"
	"DELETE FROM temp.lf_import_risk; DELETE FROM temp.lf_import_read;";
static const char find_sql[] =
	"SELECT gid FROM temp.lf_import_risk WHERE post = ?1 AND person = ?2 AND description = ?3 "
	"ORDER BY retired, id LIMIT 1";
static const char add_sql[] = "INSERT INTO temp.lf_import_risk VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
static const char loaded_sql[] = "SELECT seq FROM temp.lf_import_read WHERE key = ?1";
static const char mark_sql[] = "INSERT OR REPLACE INTO temp.lf_import_read(key, seq) VALUES(?1, ?2)";

lf_status lf_im_begin(struct lf_db *db, struct lf_im *im)
{
	lf_status s;

	memset(im, 0, sizeof *im);
	im->db = db;
	if ((s = lf_exec(db, create_sql)) || (s = lf_prepare(db, find_sql, &im->find)) ||
	    (s = lf_prepare(db, add_sql, &im->add)) || (s = lf_prepare(db, loaded_sql, &im->loaded)) ||
	    (s = lf_prepare(db, mark_sql, &im->mark)))
		lf_im_end(im);
	return s;
}

void lf_im_end(struct lf_im *im)
{
	sqlite3_finalize(im->find);
	sqlite3_finalize(im->add);
	sqlite3_finalize(im->loaded);
	sqlite3_finalize(im->mark);
	im->find = im->add = im->loaded = im->mark = NULL;
	lf_free(im->duties_done);
	im->duties_done = NULL;
}

/* A lookup that found nothing is not a failure of the import. */
static lf_status none_found(lf_status s, int *none)
{
	*none = s == LF_NOTFOUND;
	return *none ? LF_OK : s;
}

/* Remember the gid of the last name looked up (names longer than the key
 * are simply not remembered). */
static void remember(char *key, size_t len, const char *a, const char *b, char *gid_out, const char *gid)
{
	if ((size_t)snprintf(key, len, "%s/%s", a, b) >= len)
		key[0] = 0;
	memcpy(gid_out, gid, LF_GID_LEN + 1);
}

static int remembered(const char *key, const char *a, const char *b)
{
	size_t n = strlen(a);

	return key[0] && !strncmp(key, a, n) && key[n] == '/' && !strcmp(key + n + 1, b);
}

/* ------------------------------------------------------------------ the organisation */

lf_status lf_im_cycle(struct lf_im *im, int year, enum lf_im_act *act)
{
	struct lf_cycle_list l;
	int none;
	lf_status s = none_found(lf_cycle_by_year(im->db, year, &l), &none);

	if (s == LF_OK && !none)
		memcpy(im->cycle, l.v[0].gid, LF_GID_LEN + 1);
	lf_cycle_list_free(&l);
	if (s || !none) {
		*act = LF_IM_FOUND;
		return s;
	}
	*act = LF_IM_CREATED;
	return lf_cycle_add(im->db, year, NULL, im->cycle);
}

lf_status lf_im_dept(struct lf_im *im, const char *name, char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	struct lf_dept_in in = { .name = name };
	int none;
	lf_status s;

	*act = LF_IM_FOUND;
	if (remembered(im->dept_key, "", name)) {
		memcpy(gid, im->dept, LF_GID_LEN + 1);
		return LF_OK;
	}
	if ((s = none_found(lf_dept_find(im->db, NULL, name, gid), &none)))
		return s;
	if (none) {
		*act = LF_IM_CREATED;
		s = lf_dept_add(im->db, &in, gid);
	}
	if (s == LF_OK)
		remember(im->dept_key, sizeof im->dept_key, "", name, im->dept, gid);
	return s;
}

lf_status lf_im_post(struct lf_im *im, const char *dept, const char *name, const char *duties,
                     char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	struct lf_post_in in = { .dept = dept, .name = name, .duties = duties && *duties ? duties : NULL };
	int none;
	lf_status s;

	*act = LF_IM_FOUND;
	if (remembered(im->post_key, dept, name)) {
		memcpy(gid, im->post, LF_GID_LEN + 1);
		return LF_OK;
	}
	if ((s = none_found(lf_post_find(im->db, dept, name, gid), &none)))
		return s;
	if (none) {
		*act = LF_IM_CREATED;
		s = lf_post_add(im->db, &in, gid);
	}
	if (s == LF_OK)
		remember(im->post_key, sizeof im->post_key, dept, name, im->post, gid);
	return s;
}

lf_status lf_im_person(struct lf_im *im, const char *post, const char *name, char gid[LF_GID_LEN + 1],
                       enum lf_im_act *act)
{
	struct lf_person_in in = { .name = name, .post = post };
	int none;
	lf_status s;

	*act = LF_IM_FOUND;
	if (remembered(im->person_key, post, name)) {
		memcpy(gid, im->person, LF_GID_LEN + 1);
		return LF_OK;
	}
	if ((s = none_found(lf_person_find(im->db, NULL, post, name, gid), &none)))
		return s;
	if (none) {
		*act = LF_IM_CREATED;
		s = lf_person_add(im->db, &in, gid);
	}
	if (s == LF_OK)
		remember(im->person_key, sizeof im->person_key, post, name, im->person, gid);
	return s;
}

/* The person's form on the post in the cycle, or "". */
static lf_status form_of(struct lf_im *im, const char *post, const char *person, char form[LF_GID_LEN + 1])
{
	int none;

	form[0] = 0;
	return person ? none_found(lf_selfcheck_find(im->db, im->cycle, person, post, form), &none) : LF_OK;
}

lf_status lf_im_duties(struct lf_im *im, const char *post, const char *person, const char *duties, int *changed)
{
	char form[LF_GID_LEN + 1], *key;
	lf_status s;

	*changed = 0;
	if (!duties || !*duties)
		return LF_OK;
	key = lf_printf("%s/%s/%s", post, person ? person : "", duties);
	if (im->duties_done && !strcmp(im->duties_done, key)) { /* the row before said the same */
		lf_free(key);
		return LF_OK;
	}
	lf_free(im->duties_done);
	im->duties_done = key;
	if ((s = form_of(im, post, person, form)))
		return s;
	if (form[0]) {
		struct lf_selfcheck_list l;
		struct lf_selfcheck_in in = { .duties = duties };

		if ((s = lf_selfcheck_get(im->db, form, &l)))
			return s;
		*changed = l.v[0].duties && strcmp(l.v[0].duties, duties);
		if (l.v[0].duties) {
			lf_selfcheck_list_free(&l);
			return *changed ? lf_selfcheck_edit(im->db, form, &in, NULL) : LF_OK;
		}
		lf_selfcheck_list_free(&l);
	}
	{
		struct lf_post_list l;
		struct lf_post_in in = { .duties = duties };

		if ((s = lf_post_get(im->db, post, &l)))
			return s;
		*changed = !l.v[0].duties || strcmp(l.v[0].duties, duties);
		lf_post_list_free(&l);
		return *changed ? lf_post_edit(im->db, post, &in) : LF_OK;
	}
}

lf_status lf_im_power(struct lf_im *im, const char *dept, const char *name, char gid[LF_GID_LEN + 1], int *found)
{
	int none;
	lf_status s = none_found(lf_power_find(im->db, dept, name, gid), &none);

	*found = s == LF_OK && !none;
	return s;
}

/* ------------------------------------------------------------------ the index of risks */

static lf_status index_add(struct lf_im *im, const char *post, const struct lf_risk *r)
{
	int rc;

	sqlite3_reset(im->add);
	sqlite3_bind_text(im->add, 1, post, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->add, 2, r->person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->add, 3, r->description, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(im->add, 4, r->retired);
	sqlite3_bind_int64(im->add, 5, r->id);
	sqlite3_bind_text(im->add, 6, r->gid, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(im->add);
	sqlite3_reset(im->add);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(im->db, rc, "记录导入进度失败");
}

/* Whether `key` was read already (its number in *seq), or -1. */
static lf_status read_before(struct lf_im *im, const char *key, int *seq)
{
	int rc;

	*seq = -1;
	sqlite3_reset(im->loaded);
	sqlite3_bind_text(im->loaded, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(im->loaded);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int(im->loaded, 0);
	sqlite3_reset(im->loaded);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(im->db, rc, "读取导入进度失败");
}

static lf_status mark_read(struct lf_im *im, const char *key, int seq)
{
	int rc;

	sqlite3_reset(im->mark);
	sqlite3_bind_text(im->mark, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(im->mark, 2, seq);
	rc = sqlite3_step(im->mark);
	sqlite3_reset(im->mark);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(im->db, rc, "记录导入进度失败");
}

/* The post's own risks in the cycle into the index, once; *seq is the
 * highest number among them. */
static lf_status read_post(struct lf_im *im, const char *post, char key[LF_GID_LEN + 3], int *seq)
{
	struct lf_page pg;
	lf_status s;
	int i;

	snprintf(key, LF_GID_LEN + 3, "p:%s", post);
	if ((s = read_before(im, key, seq)) || *seq >= 0)
		return s;
	*seq = 0;
	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		struct lf_risk_list l;

		if ((s = lf_risk_list_of_post(im->db, im->cycle, post, 1, &pg, &l)))
			return s;
		for (i = 0; i < l.n && s == LF_OK; i++) {
			s = index_add(im, post, &l.v[i]);
			if (l.v[i].seq > *seq)
				*seq = l.v[i].seq;
		}
		lf_risk_list_free(&l);
	} while (s == LF_OK && lf_page_advance(&pg));
	return s ? s : mark_read(im, key, *seq);
}

/* The risks of the person's form on the post in the cycle into the index, once. */
static lf_status read_form(struct lf_im *im, const char *post, const char *person)
{
	char form[LF_GID_LEN + 1], key[LF_GID_LEN + 3];
	struct lf_page pg;
	lf_status s = form_of(im, post, person, form);
	int seen, i;

	if (s || !form[0])
		return s;
	snprintf(key, sizeof key, "f:%s", form);
	if ((s = read_before(im, key, &seen)) || seen >= 0)
		return s;
	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		struct lf_risk_list l;

		if ((s = lf_risk_list(im->db, form, 1, &pg, &l)))
			return s;
		for (i = 0; i < l.n && s == LF_OK; i++)
			s = index_add(im, post, &l.v[i]);
		lf_risk_list_free(&l);
	} while (s == LF_OK && lf_page_advance(&pg));
	return s ? s : mark_read(im, key, 0);
}

static lf_status index_find(struct lf_im *im, const struct lf_im_risk *x, char gid[LF_GID_LEN + 1])
{
	int rc;

	gid[0] = 0;
	sqlite3_reset(im->find);
	sqlite3_bind_text(im->find, 1, x->post, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->find, 2, x->person ? x->person : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->find, 3, x->description, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(im->find);
	if (rc == SQLITE_ROW)
		lf_col_gid(gid, im->find, 0);
	sqlite3_reset(im->find);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(im->db, rc, "查找风险点失败");
}

/* ------------------------------------------------------------------ risks and measures */

static int differs(const char *given, const char *have)
{
	return given && *given && strcmp(given, have ? have : "");
}

/* What the row says that the risk does not have yet; 1 if anything. */
static int risk_changes(const struct lf_im_risk *x, const struct lf_risk *r, struct lf_risk_in *in, char num[2][16])
{
	int n = 0;

	memset(in, 0, sizeof *in);
	if (differs(x->category, r->category))
		in->category = x->category, n++;
	if (differs(x->source, r->source))
		in->source = x->source, n++;
	if (differs(x->found_by, r->found_by))
		in->found_by = x->found_by, n++;
	if (differs(x->remarks, r->remarks))
		in->remarks = x->remarks, n++;
	if (differs(x->power, r->power))
		in->power = x->power, n++;
	if (x->probability && x->probability != r->probability)
		snprintf(num[0], 16, "%d", x->probability), in->probability = num[0], n++;
	if (x->severity && x->severity != r->severity)
		snprintf(num[1], 16, "%d", x->severity), in->severity = num[1], n++;
	return n > 0;
}

/* The level the row gives, when the risk does not have it (or has it for
 * another reason): the leadership's decision beside the matrix's proposal. */
static lf_status risk_level(struct lf_im *im, const struct lf_im_risk *x, const char *gid, int *changed)
{
	struct lf_risk_list l;
	lf_status s;
	int set;

	*changed = 0;
	if (!x->level)
		return LF_OK;
	if ((s = lf_risk_get(im->db, gid, &l)))
		return s;
	set = x->level != l.v[0].level ||
	      (x->level != l.v[0].level_proposed && differs(x->level_reason, l.v[0].level_reason));
	lf_risk_list_free(&l);
	if (!set)
		return LF_OK;
	*changed = 1;
	return lf_grade_set_level(im->db, gid, x->level_text, x->level_reason);
}

lf_status lf_im_risk(struct lf_im *im, const struct lf_im_risk *x, char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	char key[LF_GID_LEN + 3], num[2][16], seq[16];
	struct lf_risk_in in;
	struct lf_risk_list l;
	int last, next, changed = 0, level_changed;
	lf_status s;

	if ((s = read_post(im, x->post, key, &last)) || (s = read_form(im, x->post, x->person)) ||
	    (s = index_find(im, x, gid)))
		return s;
	if (gid[0]) {
		*act = LF_IM_FOUND;
		if ((s = lf_risk_get(im->db, gid, &l)))
			return s;
		changed = risk_changes(x, &l.v[0], &in, num);
		lf_risk_list_free(&l);
		if (changed && (s = lf_risk_edit(im->db, gid, &in, NULL)))
			return s;
	} else {
		*act = LF_IM_CREATED;
		memset(&in, 0, sizeof in);
		next = last < 1 ? 1 : last < 9999 ? last + 1 : 9999;
		snprintf(seq, sizeof seq, "%d", next);
		in.description = x->description;
		in.person = x->person;
		in.power = x->power;
		in.category = x->category;
		in.source = x->source;
		in.found_by = x->found_by;
		in.remarks = x->remarks;
		in.seq = seq;
		if (x->probability)
			snprintf(num[0], sizeof num[0], "%d", x->probability), in.probability = num[0];
		if (x->severity)
			snprintf(num[1], sizeof num[1], "%d", x->severity), in.severity = num[1];
		if ((s = lf_risk_add_to_post(im->db, im->cycle, x->post, &in, gid)) ||
		    (s = lf_risk_get(im->db, gid, &l)))
			return s;
		s = index_add(im, x->post, &l.v[0]);
		lf_risk_list_free(&l);
		if (s || (s = mark_read(im, key, next)))
			return s;
	}
	if ((s = risk_level(im, x, gid, &level_changed)))
		return s;
	if (*act == LF_IM_FOUND && (changed || level_changed))
		*act = LF_IM_CHANGED;
	return LF_OK;
}

lf_status lf_im_measure(struct lf_im *im, const char *risk, const char *stage, const char *content,
                        char gid[LF_GID_LEN + 1], enum lf_im_act *act)
{
	struct lf_measure_in in;
	struct lf_page pg;
	int restage = 0, i;
	lf_status s;

	gid[0] = 0;
	lf_page_init(&pg, LF_PAGE_MAX);
	do {
		struct lf_measure_list l;

		if ((s = lf_measure_list(im->db, risk, &pg, &l)))
			return s;
		for (i = 0; i < l.n && !gid[0]; i++)
			if (!strcmp(l.v[i].content, content)) {
				memcpy(gid, l.v[i].gid, LF_GID_LEN + 1);
				restage = differs(stage, l.v[i].stage);
			}
		lf_measure_list_free(&l);
	} while (!gid[0] && lf_page_advance(&pg));
	memset(&in, 0, sizeof in);
	in.stage = stage && *stage ? stage : NULL;
	if (gid[0]) {
		*act = restage ? LF_IM_CHANGED : LF_IM_FOUND;
		return restage ? lf_measure_edit(im->db, gid, &in, NULL) : LF_OK;
	}
	*act = LF_IM_CREATED;
	in.content = content;
	return lf_measure_add(im->db, risk, &in, gid, NULL);
}
