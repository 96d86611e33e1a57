/* risk: risk points and their measures (include/lianfang/risk.h).
 * Every change to a risk or measure of a form runs between
 * lf_selfcheck_edit_begin and _end, so a signed form whose content changes
 * goes back for review in the same transaction. */
#include "lianfang/risk.h"
#include "lianfang/grade.h"
#include "lianfang/input.h"
#include "lianfang/org.h"
#include "lianfang/perm.h"
#include "lianfang/power.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <string.h>

/* Who may change a risk (and, with post_act = LF_ACT_MEASURE_EDIT, its
 * measures): on a self-check, the person whose form it is while they may
 * still edit it (LF_ACT_SELFCHECK_EDIT); a risk of a post found outside a
 * form (部门评查, 交叉互查 …), whoever may record such risks or measures for
 * that post's department. */
static lf_status risk_permission(struct lf_db *db, struct lf_rec *r, enum lf_action post_act)
{
	const char *sc = lf_rec_text(r, "selfcheck"), *post = lf_rec_text(r, "post");

	if (sc) {
		struct lf_scope scope = { .selfcheck = sc };

		return lf_perm_check(db, LF_ACT_SELFCHECK_EDIT, &scope);
	}
	return post ? lf_post_perm_check(db, post_act, post, NULL, NULL) : lf_perm_check(db, post_act, NULL);
}

/* ------------------------------------------------------------------ checks */

static lf_status in_list(struct lf_db *db, char *const *list, const char *label, const char *value)
{
	struct lf_buf b;
	lf_status s;
	int i;

	if (!value || lf_scheme_has(list, value))
		return LF_OK;
	lf_buf_init(&b);
	for (i = 0; list[i]; i++)
		lf_buf_addf(&b, "%s%s", i ? "、" : "", list[i]);
	s = lf_fail(db, LF_INVALID, "风险点的“%s”只能是本单位设定的 %s 之一，而不是“%s”（可用 lianfang scheme 修改）。",
	            label, b.s, value);
	lf_buf_free(&b);
	return s;
}

static lf_status link_power_step(struct lf_db *db, struct lf_rec *r)
{
	struct lf_rec *f = lf_rec_new(lf_kind_find("flow_step")), *w = lf_rec_new(lf_kind_find("power"));
	const char *step = lf_rec_text(r, "step");
	lf_status s = LF_OK;

	if (step && (s = lf_rec_load_live(db, step, f)) == LF_OK) {
		if (lf_rec_is_null(r, "power"))
			lf_rec_set_text(r, "power", lf_rec_text(f, "power"));
		else if (strcmp(lf_rec_text(r, "power"), lf_rec_text(f, "power")))
			s = lf_fail(db, LF_INVALID, "流程环节（第 %lld 步）不属于所选的职权。", lf_rec_int(f, "seq"));
	}
	if (s == LF_OK && lf_rec_text(r, "power"))
		s = lf_rec_load_live(db, lf_rec_text(r, "power"), w);
	lf_rec_free(f);
	lf_rec_free(w);
	return s;
}

/* Check a risk against the unit's scheme and set the proposed level; the
 * decided level follows the proposal unless the leadership set it with a
 * reason. */
static lf_status risk_checks(struct lf_db *db, struct lf_rec *r)
{
	struct lf_scheme sc;
	lf_status s = lf_rec_validate(db, r);
	int p = (int)lf_rec_int(r, "probability"), sev = (int)lf_rec_int(r, "severity"), proposed;

	if (s || (s = lf_scheme_load(db, &sc)))
		return s;
	s = in_list(db, sc.categories, "风险类别", lf_rec_text(r, "category"));
	if (s == LF_OK)
		s = in_list(db, sc.sources, "风险来源", lf_rec_text(r, "source"));
	if (s == LF_OK)
		s = in_list(db, sc.found_by, "查找方式", lf_rec_text(r, "found_by"));
	if (s == LF_OK && !lf_rec_is_null(r, "probability") && p > sc.size)
		s = lf_fail(db, LF_INVALID, "风险点的“发生概率”应在 1 到 %d 之间（本单位的矩阵为 %d×%d），而不是 %d。", sc.size,
		            sc.size, sc.size, p);
	if (s == LF_OK && !lf_rec_is_null(r, "severity") && sev > sc.size)
		s = lf_fail(db, LF_INVALID, "风险点的“危害程度”应在 1 到 %d 之间（本单位的矩阵为 %d×%d），而不是 %d。", sc.size,
		            sc.size, sc.size, sev);
	if (s == LF_OK) {
		proposed = lf_rec_is_null(r, "probability") || lf_rec_is_null(r, "severity") ? 0
		           : lf_scheme_propose(&sc, p, sev);
		if (proposed)
			lf_rec_set_int(r, "level_proposed", proposed);
		else
			lf_rec_set_null(r, "level_proposed");
		if (lf_rec_is_null(r, "level_reason")) {
			if (proposed)
				lf_rec_set_int(r, "level", proposed);
			else
				lf_rec_set_null(r, "level");
		}
	}
	lf_scheme_free(&sc);
	if (s == LF_OK)
		s = link_power_step(db, r);
	return s;
}

/* The person a risk of a post concerns: one on that post ("" clears it). A
 * risk on a form is the form's person's. */
static lf_status risk_person(struct lf_db *db, struct lf_rec *r, const char *person)
{
	struct lf_rec *x;
	lf_status s;

	if (!person)
		return LF_OK;
	if (!*person) {
		if (lf_rec_text(r, "selfcheck"))
			return lf_fail(db, LF_INVALID, "自查表上的风险点属于填表人本人，不能去掉人员。");
		lf_rec_set_null(r, "person");
		return LF_OK;
	}
	if (lf_rec_text(r, "selfcheck") && strcmp(person, lf_rec_text(r, "person")))
		return lf_fail(db, LF_INVALID, "自查表上的风险点属于填表人本人，不能另指人员。");
	x = lf_rec_new(lf_kind_find("person"));
	s = lf_rec_load_live(db, person, x);
	if (s == LF_OK && strcmp(lf_rec_text(x, "post") ? lf_rec_text(x, "post") : "", lf_rec_text(r, "post")))
		s = lf_fail(db, LF_INVALID, "人员“%s”不在这个风险点的岗位上。", lf_rec_text(x, "name"));
	if (s == LF_OK)
		lf_rec_set_text(r, "person", person);
	lf_rec_free(x);
	return s;
}

static lf_status risk_apply(struct lf_db *db, struct lf_rec *r, const struct lf_risk_in *in)
{
	lf_status s = lf_input_setv(db, r, "description", in->description, "category", in->category, "source",
	                            in->source, "found_by", in->found_by, "probability", in->probability, "severity",
	                            in->severity, "power", in->power, "step", in->step, "remarks", in->remarks, "seq",
	                            in->seq, (char *)NULL);

	/* A new step without a power: the step's power, not the old one. */
	if (s == LF_OK && in->step && *in->step && !in->power)
		lf_rec_set_null(r, "power");
	if (s == LF_OK)
		s = risk_person(db, r, in->person);
	return s ? s : risk_checks(db, r);
}

/* ------------------------------------------------------------------ risks */

static lf_status add_to_form(struct lf_db *db, const char *selfcheck, const struct lf_risk_in *in,
                             char gid[LF_GID_LEN + 1])
{
	static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM risk WHERE selfcheck = ?1 AND deleted = 0";
	struct lf_rec *sc = lf_rec_new(lf_kind_find("selfcheck")), *r = lf_rec_new(lf_kind_find("risk"));
	struct lf_selfcheck_edit e;
	int seq;
	lf_status s = lf_rec_load_live(db, selfcheck, sc);

	if (s == LF_OK)
		s = lf_post_perm_check(db, LF_ACT_SELFCHECK_EDIT, lf_rec_text(sc, "post"), selfcheck, NULL);
	if (s == LF_OK)
		s = lf_selfcheck_edit_begin(db, selfcheck, &e);
	if (s == LF_OK && (!in->description || !*in->description))
		s = lf_fail(db, LF_INVALID, "风险点的“风险描述”不能为空。");
	if (s == LF_OK && (s = lf_query_next_seq(db, seq_sql, selfcheck, NULL, &seq)) == LF_OK) {
		lf_rec_set_text(r, "cycle", lf_rec_text(sc, "cycle"));
		lf_rec_set_text(r, "selfcheck", selfcheck);
		lf_rec_set_text(r, "post", lf_rec_text(sc, "post"));
		lf_rec_set_text(r, "person", lf_rec_text(sc, "person"));
		lf_rec_set_int(r, "seq", seq);
		s = risk_apply(db, r, in);
	}
	if (s == LF_OK)
		s = lf_rec_put(db, r);
	if (s == LF_OK)
		s = lf_selfcheck_edit_end(db, &e, NULL);
	if (s == LF_OK && gid)
		memcpy(gid, r->gid, LF_GID_LEN + 1);
	lf_rec_free(sc);
	lf_rec_free(r);
	return s;
}

lf_status lf_risk_add(struct lf_db *db, const char *selfcheck, const struct lf_risk_in *in, char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_tx_begin(db);

	return s ? s : lf_tx_end(db, add_to_form(db, selfcheck, in, gid));
}

static lf_status add_to_post(struct lf_db *db, const char *cycle, const char *post, const struct lf_risk_in *in,
                             char gid[LF_GID_LEN + 1])
{
	static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM risk WHERE post = ?1 AND cycle = ?2 "
	                              "AND selfcheck IS NULL AND deleted = 0";
	struct lf_rec *c = lf_rec_new(lf_kind_find("cycle")), *r = lf_rec_new(lf_kind_find("risk"));
	int seq;
	lf_status s = lf_rec_load_live(db, cycle, c);

	if (s == LF_OK)
		s = lf_post_perm_check(db, LF_ACT_RISK_FIND, post, NULL, NULL);
	if (s == LF_OK && (!in->description || !*in->description))
		s = lf_fail(db, LF_INVALID, "风险点的“风险描述”不能为空。");
	/* A caller that numbers its own (the import) saves a scan of the post's risks. */
	seq = 0;
	if (s == LF_OK && !(in->seq && *in->seq))
		s = lf_query_next_seq(db, seq_sql, post, cycle, &seq);
	if (s == LF_OK) {
		lf_rec_set_text(r, "cycle", cycle);
		lf_rec_set_text(r, "post", post);
		lf_rec_set_int(r, "seq", seq);
		s = risk_apply(db, r, in);
	}
	if (s == LF_OK)
		s = lf_rec_save(db, r, gid);
	lf_rec_free(c);
	lf_rec_free(r);
	return s;
}

lf_status lf_risk_add_to_post(struct lf_db *db, const char *cycle, const char *post, const struct lf_risk_in *in,
                              char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_tx_begin(db);

	return s ? s : lf_tx_end(db, add_to_post(db, cycle, post, in, gid));
}

/* Load a risk for a change: checks permission (post_act for a risk of a
 * post, see risk_permission) and starts the form's edit. */
static lf_status risk_open(struct lf_db *db, const char *gid, struct lf_rec *r, struct lf_selfcheck_edit *e,
                           enum lf_action post_act)
{
	lf_status s = lf_rec_load_live(db, gid, r);

	memset(e, 0, sizeof *e);
	if (s == LF_OK)
		s = risk_permission(db, r, post_act);
	if (s == LF_OK)
		s = lf_selfcheck_edit_begin(db, lf_rec_text(r, "selfcheck"), e);
	return s;
}

lf_status lf_risk_edit(struct lf_db *db, const char *gid, const struct lf_risk_in *in, int *reopened)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk"));
	struct lf_selfcheck_edit e;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = risk_open(db, gid, r, &e, LF_ACT_RISK_FIND);
		if (s == LF_OK)
			s = risk_apply(db, r, in);
		if (s == LF_OK)
			s = lf_rec_put(db, r);
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_risk_retire(struct lf_db *db, const char *gid, int retired, int *reopened)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk"));
	struct lf_selfcheck_edit e;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = risk_open(db, gid, r, &e, LF_ACT_RISK_FIND);
		if (s == LF_OK) {
			lf_rec_set_int(r, "retired", retired ? 1 : 0);
			s = lf_rec_put(db, r);
		}
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

static lf_status measure_gids(struct lf_db *db, const char *risk, char (**out)[LF_GID_LEN + 1], int *n)
{
	static const char sql[] = "SELECT gid FROM measure WHERE risk = ?1 AND deleted = 0 ORDER BY seq, id";

	return lf_query_gids(db, sql, risk, "读取防控措施失败", out, n);
}

lf_status lf_risk_delete(struct lf_db *db, const char *gid, int *reopened)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk"));
	char (*ms)[LF_GID_LEN + 1] = NULL;
	struct lf_selfcheck_edit e;
	int n = 0, i;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = risk_open(db, gid, r, &e, LF_ACT_RISK_FIND);
		if (s == LF_OK)
			s = measure_gids(db, r->gid, &ms, &n);
		for (i = 0; i < n && s == LF_OK; i++)
			s = lf_rec_delete(db, lf_kind_find("measure"), ms[i]);
		if (s == LF_OK)
			s = lf_rec_delete(db, r->kind, r->gid);
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_free(ms);
	lf_rec_free(r);
	return s;
}

lf_status lf_risk_max_score(struct lf_db *db, int *max)
{
	static const char sql[] = "SELECT max(max(ifnull(probability, 0), ifnull(severity, 0))) FROM risk "
	                          "WHERE owner = ?1 AND deleted = 0";

	return lf_query_int(db, sql, db->unit, NULL, NULL, max);
}

lf_status lf_risk_copy(struct lf_db *db, const char *risk, const char *cycle, const char *selfcheck, int *measures)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk")), *m = lf_rec_new(lf_kind_find("measure"));
	char (*ms)[LF_GID_LEN + 1] = NULL;
	int n = 0, i;
	lf_status s = lf_rec_load_live(db, risk, r);

	*measures = 0;
	if (s == LF_OK)
		s = measure_gids(db, risk, &ms, &n);
	if (s == LF_OK) {
		r->gid[0] = r->rid[0] = 0;
		lf_rec_set_text(r, "cycle", cycle);
		lf_rec_set_text(r, "selfcheck", selfcheck);
		s = lf_rec_put(db, r);
	}
	for (i = 0; i < n && s == LF_OK; i++) {
		if ((s = lf_rec_load(db, m->kind, ms[i], m)))
			break;
		m->gid[0] = m->rid[0] = 0;
		lf_rec_set_text(m, "risk", r->gid);
		lf_rec_set_text(m, "status", "planned");
		lf_rec_set_null(m, "due");
		lf_rec_set_null(m, "done");
		if ((s = lf_rec_put(db, m)) == LF_OK)
			(*measures)++;
	}
	lf_free(ms);
	lf_rec_free(r);
	lf_rec_free(m);
	return s;
}

#define RISK_COLUMNS \
	"r.id, r.gid, r.cycle, r.selfcheck, r.post, r.person, r.power, r.step, ifnull(r.seq, 0), r.description, " \
	"r.category, r.source, r.found_by, r.remarks, r.level_reason, ifnull(r.probability, 0), " \
	"ifnull(r.severity, 0), ifnull(r.level_proposed, 0), ifnull(r.level, 0), r.retired, w.name, " \
	"ifnull(f.seq, 0), (SELECT count(*) FROM measure m WHERE m.risk = r.gid AND m.deleted = 0) "
#define RISK_FROM "FROM risk r LEFT JOIN power w ON w.gid = r.power LEFT JOIN flow_step f ON f.gid = r.step "

static void risk_row(struct lf_risk_list *out, sqlite3_stmt *st)
{
	struct lf_risk *r = &out->v[out->n++];

	r->id = sqlite3_column_int64(st, 0);
	lf_col_gid(r->gid, st, 1);
	lf_col_gid(r->cycle, st, 2);
	lf_col_gid(r->selfcheck, st, 3);
	lf_col_gid(r->post, st, 4);
	lf_col_gid(r->person, st, 5);
	lf_col_gid(r->power, st, 6);
	lf_col_gid(r->step, st, 7);
	r->seq = sqlite3_column_int(st, 8);
	r->description = lf_col_str(&out->arena, st, 9);
	r->category = lf_col_str(&out->arena, st, 10);
	r->source = lf_col_str(&out->arena, st, 11);
	r->found_by = lf_col_str(&out->arena, st, 12);
	r->remarks = lf_col_str(&out->arena, st, 13);
	r->level_reason = lf_col_str(&out->arena, st, 14);
	r->probability = sqlite3_column_int(st, 15);
	r->severity = sqlite3_column_int(st, 16);
	r->level_proposed = sqlite3_column_int(st, 17);
	r->level = sqlite3_column_int(st, 18);
	r->retired = sqlite3_column_int(st, 19);
	r->power_name = lf_col_str(&out->arena, st, 20);
	r->step_seq = sqlite3_column_int(st, 21);
	r->measures = sqlite3_column_int(st, 22);
}

/* READ on a post, or on a form of it (the refusal then says whose). */
static lf_status read_scope(struct lf_db *db, const char *post, const char *selfcheck)
{
	return post ? lf_post_perm_check(db, LF_ACT_READ, post, selfcheck, NULL) : lf_perm_check(db, LF_ACT_READ, NULL);
}

lf_status lf_risk_get(struct lf_db *db, const char *gid, struct lf_risk_list *out)
{
	static const char sql[] = "SELECT " RISK_COLUMNS RISK_FROM "WHERE r.gid = ?1 AND r.deleted = 0";
	struct lf_page pg;
	sqlite3_stmt *st;
	lf_status s;

	memset(out, 0, sizeof *out);
	lf_page_init(&pg, 1);
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, 1, &pg, risk_row, id);
	sqlite3_finalize(st);
	if (s == LF_OK && !out->n)
		s = lf_fail(db, LF_NOTFOUND, "找不到风险点（%.8s）。", gid);
	if (s == LF_OK)
		s = read_scope(db, out->v[0].post[0] ? out->v[0].post : NULL,
		               out->v[0].selfcheck[0] ? out->v[0].selfcheck : NULL);
	if (s)
		lf_risk_list_free(out);
	return s;
}

lf_status lf_risk_list(struct lf_db *db, const char *selfcheck, int with_retired, struct lf_page *pg,
                       struct lf_risk_list *out)
{
	static const char sql[] =
		"SELECT " RISK_COLUMNS RISK_FROM "WHERE r.selfcheck = ?1 AND r.deleted = 0 AND (?2 OR r.retired = 0) AND "
		"(?3 = 0 OR (ifnull(r.seq, 0), r.id) > (SELECT ifnull(seq, 0), id FROM risk WHERE id = ?3)) "
		"ORDER BY ifnull(r.seq, 0), r.id LIMIT ?4";
	struct lf_rec *sc = lf_rec_new(lf_kind_find("selfcheck"));
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = lf_rec_load_live(db, selfcheck, sc);

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if (s == LF_OK)
		s = read_scope(db, lf_rec_text(sc, "post"), selfcheck);
	lf_rec_free(sc);
	if (s || (s = lf_key_parse(db, pg->after, &after, 1)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, selfcheck, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, with_retired);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, risk_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_risk_list_of_post(struct lf_db *db, const char *cycle, const char *post, int with_retired,
                               struct lf_page *pg, struct lf_risk_list *out)
{
	static const char sql[] =
		"SELECT " RISK_COLUMNS RISK_FROM "WHERE r.post = ?1 AND r.cycle = ?5 AND r.selfcheck IS NULL AND r.deleted = 0 "
		"AND (?2 OR r.retired = 0) AND "
		"(?3 = 0 OR (ifnull(r.seq, 0), r.id) > (SELECT ifnull(seq, 0), id FROM risk WHERE id = ?3)) "
		"ORDER BY ifnull(r.seq, 0), r.id LIMIT ?4";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = read_scope(db, post, NULL);

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if (s || (s = lf_key_parse(db, pg->after, &after, 1)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, post, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, with_retired);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, limit + 1);
	sqlite3_bind_text(st, 5, cycle, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, risk_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_risk_list_of_power(struct lf_db *db, const char *power, const char *cycle, struct lf_page *pg,
                                struct lf_risk_list *out)
{
	static const char sql[] =
		"SELECT " RISK_COLUMNS RISK_FROM "JOIN post p ON p.gid = r.post WHERE r.power = ?1 AND r.cycle = ?5 "
		"AND r.deleted = 0 AND r.retired = 0 AND " LF_REACH_SQL("p.dept", "p.gid") " AND "
		"(?3 = 0 OR (ifnull(r.seq, 0), r.id) > (SELECT ifnull(seq, 0), id FROM risk WHERE id = ?3)) "
		"ORDER BY ifnull(r.seq, 0), r.id LIMIT ?4";
	struct lf_perm_reach reach;
	struct lf_power_list w;
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = lf_power_get(db, power, &w); /* READ on the power */

	memset(out, 0, sizeof *out);
	memset(&reach, 0, sizeof reach);
	pg->next[0] = 0;
	if (s == LF_OK)
		lf_power_list_free(&w);
	if (s || (s = lf_perm_reach(db, LF_ACT_READ, &reach)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	lf_perm_reach_bind(st, &reach);
	lf_perm_reach_clear(&reach);
	sqlite3_bind_text(st, 1, power, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, limit + 1);
	sqlite3_bind_text(st, 5, cycle, -1, SQLITE_STATIC);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, risk_row, id);
	sqlite3_finalize(st);
	return s;
}

lf_status lf_risk_list_step(struct lf_db *db, const char *step, const char *cycle, struct lf_page *pg,
                            struct lf_risk_list *out)
{
	static const char sql[] =
		"SELECT " RISK_COLUMNS RISK_FROM "WHERE r.step = ?1 AND r.deleted = 0 AND r.retired = 0 AND "
		"(?2 IS NULL OR r.cycle = ?2) AND r.id > ?3 ORDER BY r.id LIMIT ?4";
	struct lf_rec *f = lf_rec_new(lf_kind_find("flow_step"));
	struct lf_scope_buf buf;
	struct lf_scope scope;
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = lf_rec_load_live(db, step, f);

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	lf_rec_free(f);
	if (s == LF_OK && (s = lf_perm_scope_of(db, "flow_step", step, &buf, &scope)) == LF_OK)
		s = lf_perm_check(db, LF_ACT_READ, &scope);
	if (s || (s = lf_key_parse(db, pg->after, &after, 1)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, step, -1, SQLITE_STATIC);
	if (cycle)
		sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, risk_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_risk_list_free(struct lf_risk_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ measures */

static const struct {
	const char *name, *label, *also;
} measure_status[] = {
	{ "planned", "计划", "未开始" },
	{ "doing", "进行中", "实施中" },
	{ "done", "已完成", "完成" },
};

const char *lf_measure_status_label(const char *status)
{
	size_t i;

	for (i = 0; status && i < LF_COUNT(measure_status); i++)
		if (!strcmp(status, measure_status[i].name))
			return measure_status[i].label;
	return "";
}

static const char *measure_status_name(const char *text)
{
	size_t i;

	for (i = 0; text && i < LF_COUNT(measure_status); i++)
		if (!strcmp(text, measure_status[i].name) || !strcmp(text, measure_status[i].label) ||
		    !strcmp(text, measure_status[i].also))
			return measure_status[i].name;
	return text;
}

/* 前期 → 前期预防 …: the stage may be typed short. */
static const char *stage_name(const char *text)
{
	static const char *const stages[] = { "前期预防", "中期监控", "后期处置" };
	size_t i;

	for (i = 0; text && *text && i < LF_COUNT(stages); i++)
		if (!strncmp(stages[i], text, strlen(text)) && strlen(text) >= 6)
			return stages[i];
	return text;
}

static lf_status check_person(struct lf_db *db, const char *gid, const char *what)
{
	struct lf_rec *p = lf_rec_new(lf_kind_find("person"));
	lf_status s = LF_OK;

	if (gid && (lf_rec_load(db, p->kind, gid, p) != LF_OK || p->deleted))
		s = lf_fail(db, LF_NOTFOUND, "找不到%s（%.8s）。", what, gid);
	lf_rec_free(p);
	return s;
}

static lf_status measure_apply(struct lf_db *db, struct lf_rec *m, const struct lf_measure_in *in)
{
	char *stage = lf_input_trim(in->stage), *status = lf_input_trim(in->status);
	lf_status s = lf_input_setv(db, m, "stage", stage ? stage_name(stage) : NULL, "content", in->content, "rule",
	                            in->rule, "responsible", in->responsible, "supervisor", in->supervisor, "due", in->due,
	                            "status", status ? measure_status_name(status) : NULL, "done", in->done, "seq",
	                            in->seq, (char *)NULL);

	lf_free(stage);
	lf_free(status);
	if (s == LF_OK)
		s = lf_rec_validate(db, m);
	if (s == LF_OK)
		s = check_person(db, lf_rec_text(m, "responsible"), "责任人");
	if (s == LF_OK)
		s = check_person(db, lf_rec_text(m, "supervisor"), "监督人");
	if (s == LF_OK && !strcmp(lf_rec_text(m, "status"), "done") && lf_rec_is_null(m, "done")) {
		char today[11];

		lf_today(today);
		lf_rec_set_text(m, "done", today);
	}
	return s;
}

lf_status lf_measure_add(struct lf_db *db, const char *risk, const struct lf_measure_in *in,
                         char gid[LF_GID_LEN + 1], int *reopened)
{
	static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM measure WHERE risk = ?1 AND deleted = 0";
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk")), *m = lf_rec_new(lf_kind_find("measure"));
	struct lf_selfcheck_edit e;
	int seq;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = risk_open(db, risk, r, &e, LF_ACT_MEASURE_EDIT);
		if (s == LF_OK && (!in->content || !*in->content))
			s = lf_fail(db, LF_INVALID, "防控措施的“措施内容”不能为空。");
		if (s == LF_OK && (s = lf_query_next_seq(db, seq_sql, risk, NULL, &seq)) == LF_OK) {
			lf_rec_set_text(m, "risk", risk);
			lf_rec_set_int(m, "seq", seq);
			lf_rec_set_text(m, "status", "planned");
			s = measure_apply(db, m, in);
		}
		if (s == LF_OK)
			s = lf_rec_put(db, m);
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		if (s == LF_OK && gid)
			memcpy(gid, m->gid, LF_GID_LEN + 1);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	lf_rec_free(m);
	return s;
}

/* Only the fields of carrying a measure out (责任人, 监督人, 期限, 状态, 完成日期),
 * which are not what the person wrote and signed. */
static int tracking_only(const struct lf_measure_in *in)
{
	return !in->stage && !in->content && !in->rule && !in->seq;
}

/* Tracking a measure of a form: the person while the form is theirs to
 * edit, and at any time whoever maintains measures (LF_ACT_MEASURE_EDIT:
 * the department head, the discipline office). */
static lf_status tracking_permission(struct lf_db *db, struct lf_rec *r)
{
	struct lf_scope scope = { .selfcheck = lf_rec_text(r, "selfcheck") };
	char err[sizeof db->err], me[LF_GID_LEN + 1];
	const char *person = lf_rec_text(r, "person");
	lf_status s = lf_perm_check(db, LF_ACT_SELFCHECK_EDIT, &scope), s2;

	if (s != LF_DENIED)
		return s;
	memcpy(err, db->err, sizeof err);
	if ((s2 = lf_perm_check(db, LF_ACT_MEASURE_EDIT, &scope)) != LF_DENIED)
		return s2;
	/* Both refused: the person is told why their own form is closed. */
	lf_perm_actor_person(db, me);
	if (me[0] && person && !strcmp(me, person))
		memcpy(db->err, err, sizeof err);
	return LF_DENIED;
}

static lf_status measure_open(struct lf_db *db, const char *gid, struct lf_rec *m, struct lf_rec *r,
                              struct lf_selfcheck_edit *e, int tracking)
{
	lf_status s = lf_rec_load_live(db, gid, m);

	memset(e, 0, sizeof *e);
	if (s == LF_OK && tracking && (s = lf_rec_load_live(db, lf_rec_text(m, "risk"), r)) == LF_OK &&
	    lf_rec_text(r, "selfcheck")) {
		s = tracking_permission(db, r);
		return s ? s : lf_selfcheck_edit_begin(db, lf_rec_text(r, "selfcheck"), e);
	}
	return s ? s : risk_open(db, lf_rec_text(m, "risk"), r, e, LF_ACT_MEASURE_EDIT);
}

lf_status lf_measure_edit(struct lf_db *db, const char *gid, const struct lf_measure_in *in, int *reopened)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk")), *m = lf_rec_new(lf_kind_find("measure"));
	struct lf_selfcheck_edit e;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = measure_open(db, gid, m, r, &e, tracking_only(in));
		if (s == LF_OK)
			s = measure_apply(db, m, in);
		if (s == LF_OK)
			s = lf_rec_put(db, m);
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	lf_rec_free(m);
	return s;
}

lf_status lf_measure_delete(struct lf_db *db, const char *gid, int *reopened)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk")), *m = lf_rec_new(lf_kind_find("measure"));
	struct lf_selfcheck_edit e;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = measure_open(db, gid, m, r, &e, 0);
		if (s == LF_OK)
			s = lf_rec_delete(db, m->kind, m->gid);
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	lf_rec_free(m);
	return s;
}

static void measure_row(struct lf_measure_list *out, sqlite3_stmt *st)
{
	struct lf_measure *m = &out->v[out->n++];

	m->id = sqlite3_column_int64(st, 0);
	lf_col_gid(m->gid, st, 1);
	lf_col_gid(m->risk, st, 2);
	m->seq = sqlite3_column_int(st, 3);
	m->stage = lf_col_str(&out->arena, st, 4);
	m->content = lf_col_str(&out->arena, st, 5);
	m->rule = lf_col_str(&out->arena, st, 6);
	lf_col_gid(m->responsible, st, 7);
	lf_col_gid(m->supervisor, st, 8);
	m->responsible_name = lf_col_str(&out->arena, st, 9);
	m->supervisor_name = lf_col_str(&out->arena, st, 10);
	m->due = lf_col_str(&out->arena, st, 11);
	m->status = lf_col_str(&out->arena, st, 12);
	m->done = lf_col_str(&out->arena, st, 13);
}

lf_status lf_measure_list(struct lf_db *db, const char *risk, struct lf_page *pg, struct lf_measure_list *out)
{
	static const char sql[] =
		"SELECT m.id, m.gid, m.risk, ifnull(m.seq, 0), m.stage, m.content, m.rule, m.responsible, m.supervisor, "
		"a.name, b.name, m.due, m.status, m.done FROM measure m LEFT JOIN person a ON a.gid = m.responsible "
		"LEFT JOIN person b ON b.gid = m.supervisor WHERE m.risk = ?1 AND m.deleted = 0 AND "
		"(?2 = 0 OR (ifnull(m.seq, 0), m.id) > (SELECT ifnull(seq, 0), id FROM measure WHERE id = ?2)) "
		"ORDER BY ifnull(m.seq, 0), m.id LIMIT ?3";
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk"));
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = lf_rec_load_live(db, risk, r);

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if (s == LF_OK)
		s = read_scope(db, lf_rec_text(r, "post"), lf_rec_text(r, "selfcheck"));
	lf_rec_free(r);
	if (s || (s = lf_key_parse(db, pg->after, &after, 1)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, risk, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, measure_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_measure_list_free(struct lf_measure_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ order */

/* The gids of a list in its order (sql binds ?1, ?2), the index of `gid`. */
static lf_status ordered(struct lf_db *db, const char *sql, const char *a, const char *b, const char *gid,
                         char (**out)[LF_GID_LEN + 1], int *n, int *at)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc, cap = 8;

	*n = 0;
	*at = -1;
	*out = NULL;
	if (s)
		return s;
	*out = lf_alloc((size_t)cap * sizeof **out);
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*out = lf_realloc(*out, (size_t)cap * sizeof **out);
		}
		lf_col_gid((*out)[*n], st, 0);
		if (!strcmp((*out)[*n], gid))
			*at = *n;
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取顺序失败");
}

/* Swap place `at` with its neighbour in `dir`, then give every record of the
 * list the seq of its place (only those whose seq changes get a revision). */
static lf_status renumber(struct lf_db *db, const struct lf_kind *k, char (*g)[LF_GID_LEN + 1], int n, int at, int dir,
                          const char *what)
{
	struct lf_rec *r = lf_rec_new(k);
	char tmp[LF_GID_LEN + 1];
	int to = at + (dir < 0 ? -1 : 1), i;
	lf_status s = LF_OK;

	if (at < 0)
		s = lf_fail(db, LF_NOTFOUND, "找不到这条%s。", what);
	else if (to < 0)
		s = lf_fail(db, LF_STATE, "这条%s已经在最前面。", what);
	else if (to >= n)
		s = lf_fail(db, LF_STATE, "这条%s已经在最后面。", what);
	if (s) {
		lf_rec_free(r);
		return s;
	}
	memcpy(tmp, g[at], sizeof tmp);
	memcpy(g[at], g[to], sizeof tmp);
	memcpy(g[to], tmp, sizeof tmp);
	for (i = 0; i < n && s == LF_OK; i++) {
		if ((s = lf_rec_load(db, k, g[i], r)))
			break;
		if (!lf_rec_is_null(r, "seq") && lf_rec_int(r, "seq") == i + 1)
			continue;
		lf_rec_set_int(r, "seq", i + 1 > 9999 ? 9999 : i + 1);
		s = lf_rec_put(db, r);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_risk_move(struct lf_db *db, const char *gid, int dir, int *reopened)
{
	static const char form_sql[] = "SELECT gid FROM risk WHERE selfcheck = ?1 AND deleted = 0 "
	                               "ORDER BY ifnull(seq, 0), id";
	static const char post_sql[] = "SELECT gid FROM risk WHERE post = ?1 AND cycle = ?2 AND selfcheck IS NULL "
	                               "AND deleted = 0 ORDER BY ifnull(seq, 0), id";
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk"));
	char (*g)[LF_GID_LEN + 1] = NULL;
	struct lf_selfcheck_edit e;
	int n = 0, at = -1;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = risk_open(db, gid, r, &e, LF_ACT_RISK_FIND);
		if (s == LF_OK && lf_rec_text(r, "selfcheck"))
			s = ordered(db, form_sql, lf_rec_text(r, "selfcheck"), NULL, r->gid, &g, &n, &at);
		else if (s == LF_OK)
			s = ordered(db, post_sql, lf_rec_text(r, "post"), lf_rec_text(r, "cycle"), r->gid, &g, &n, &at);
		if (s == LF_OK)
			s = renumber(db, r->kind, g, n, at, dir, "风险点");
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_free(g);
	lf_rec_free(r);
	return s;
}

lf_status lf_measure_move(struct lf_db *db, const char *gid, int dir, int *reopened)
{
	static const char sql[] = "SELECT gid FROM measure WHERE risk = ?1 AND deleted = 0 ORDER BY ifnull(seq, 0), id";
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk")), *m = lf_rec_new(lf_kind_find("measure"));
	char (*g)[LF_GID_LEN + 1] = NULL;
	struct lf_selfcheck_edit e;
	int n = 0, at = -1;
	lf_status s = lf_tx_begin(db);

	if (reopened)
		*reopened = 0;
	if (s == LF_OK) {
		s = measure_open(db, gid, m, r, &e, 0);
		if (s == LF_OK)
			s = ordered(db, sql, r->gid, NULL, m->gid, &g, &n, &at);
		if (s == LF_OK)
			s = renumber(db, m->kind, g, n, at, dir, "防控措施");
		if (s == LF_OK)
			s = lf_selfcheck_edit_end(db, &e, reopened);
		s = lf_tx_end(db, s);
	}
	lf_free(g);
	lf_rec_free(r);
	lf_rec_free(m);
	return s;
}
