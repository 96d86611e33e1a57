/* plan: phase 1 — the work plan, the leading group, meetings and study
 * sessions (include/lianfang/plan.h). */
#include "lianfang/plan.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

const char *const lf_meeting_kinds[] = {
	"动员大会", "视频会议", "专题学习", "警示教育", "部署会", "推进会", "培训", "座谈会", NULL,
};

const char *const lf_group_roles[] = { "组长", "副组长", "成员", "办公室主任", NULL };

static lf_status live_cycle(struct lf_db *db, const char *cycle)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("cycle"));
	lf_status s = cycle ? lf_rec_load(db, r->kind, cycle, r) : LF_NOTFOUND;

	if (s == LF_NOTFOUND || (s == LF_OK && r->deleted))
		s = lf_fail(db, LF_NOTFOUND, "找不到这个年度。");
	lf_rec_free(r);
	return s;
}

/* A new record of the cycle's work: the user may (CYCLE_EDIT), and the
 * cycle is there. */
static lf_status new_in_cycle(struct lf_db *db, const char *cycle, struct lf_rec *r)
{
	lf_status s = lf_perm_check(db, LF_ACT_CYCLE_EDIT, NULL);

	if (s == LF_OK)
		s = live_cycle(db, cycle);
	if (s == LF_OK)
		lf_rec_set_text(r, "cycle", cycle);
	return s;
}

/* A record of the cycle's work to change: the user may, and it is there. */
static lf_status open_record(struct lf_db *db, const char *gid, struct lf_rec *r)
{
	lf_status s = lf_perm_check(db, LF_ACT_CYCLE_EDIT, NULL);

	return s ? s : lf_rec_load_live(db, gid, r);
}

/* ------------------------------------------------------------------ work plan */

static lf_status plan_gid(struct lf_db *db, const char *cycle, char gid[LF_GID_LEN + 1])
{
	static const char sql[] = "SELECT gid FROM plan WHERE cycle = ?1 AND owner = ?2 AND deleted = 0 ORDER BY id LIMIT 1";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	gid[0] = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db->unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lf_col_gid(gid, st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取实施方案失败");
}

lf_status lf_plan_set(struct lf_db *db, const char *cycle, const struct lf_plan_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("plan"));
	char id[LF_GID_LEN + 1];
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = new_in_cycle(db, cycle, r);
		if (s == LF_OK)
			s = plan_gid(db, cycle, id);
		if (s == LF_OK && id[0]) /* the cycle's plan: a new revision */
			s = lf_rec_load(db, r->kind, id, r);
		if (s == LF_OK)
			s = lf_input_setv(db, r, "title", in->title, "doc_no", in->doc_no, "issued", in->issued, "office",
			                  in->office, "body", in->body, (char *)NULL);
		if (s == LF_OK)
			s = lf_rec_save(db, r, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_plan_get(struct lf_db *db, const char *cycle, struct lf_plan *out, struct lf_arena *a)
{
	static const char sql[] =
		"SELECT gid, cycle, title, doc_no, issued, office, body FROM plan "
		"WHERE cycle = ?1 AND owner = ?2 AND deleted = 0 ORDER BY id LIMIT 1";
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db->unit, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lf_col_gid(out->gid, st, 0);
		lf_col_gid(out->cycle, st, 1);
		out->title = lf_col_str(a, st, 2);
		out->doc_no = lf_col_str(a, st, 3);
		out->issued = lf_col_str(a, st, 4);
		out->office = lf_col_str(a, st, 5);
		out->body = lf_col_str(a, st, 6);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return lf_fail(db, LF_NOTFOUND, "这个年度还没有实施方案。");
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取实施方案失败");
}

/* ------------------------------------------------------------------ leading group */

static lf_status member_checks(struct lf_db *db, struct lf_rec *r)
{
	static const char sql[] = "SELECT count(*) FROM group_member WHERE cycle = ?1 AND person = ?2 AND deleted = 0 "
	                          "AND gid IS NOT ?3";
	struct lf_rec *p = lf_rec_new(lf_kind_find("person"));
	lf_status s = lf_rec_validate(db, r);
	int n = 0;

	if (s == LF_OK)
		s = lf_rec_load_live(db, lf_rec_text(r, "person"), p);
	if (s == LF_OK && (s = lf_query_int(db, sql, lf_rec_text(r, "cycle"), lf_rec_text(r, "person"),
	                                    r->gid[0] ? r->gid : NULL, &n)) == LF_OK && n)
		s = lf_fail(db, LF_EXISTS, "%s已经是本年度领导小组的成员。", lf_rec_text(p, "name"));
	lf_rec_free(p);
	return s;
}

static lf_status member_apply(struct lf_db *db, struct lf_rec *r, const struct lf_member_in *in,
                              char gid[LF_GID_LEN + 1])
{
	static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM group_member WHERE cycle = ?1 AND deleted = 0";
	lf_status s = lf_input_setv(db, r, "person", in->person, "role", in->role, "duty", in->duty, "seq", in->seq,
	                            (char *)NULL);

	if (s == LF_OK)
		s = lf_query_default_seq(db, r, seq_sql, lf_rec_text(r, "cycle"));
	if (s == LF_OK)
		s = member_checks(db, r);
	if (s == LF_OK)
		s = lf_rec_save(db, r, gid);
	return s;
}

lf_status lf_member_add(struct lf_db *db, const char *cycle, const struct lf_member_in *in, char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("group_member"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = new_in_cycle(db, cycle, r);
		if (s == LF_OK && (!in->person || !*in->person))
			s = lf_fail(db, LF_INVALID, "领导小组成员的“人员”不能为空。");
		if (s == LF_OK && (!in->role || !*in->role))
			s = lf_fail(db, LF_INVALID, "领导小组成员的“小组职务”不能为空（如组长、副组长、成员）。");
		if (s == LF_OK)
			s = member_apply(db, r, in, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_member_edit(struct lf_db *db, const char *gid, const struct lf_member_in *in)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("group_member"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = open_record(db, gid, r);
		if (s == LF_OK)
			s = member_apply(db, r, in, NULL);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

static lf_status remove_record(struct lf_db *db, const char *kind, const char *gid)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find(kind));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = open_record(db, gid, r);
		if (s == LF_OK)
			s = lf_rec_delete(db, r->kind, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_member_remove(struct lf_db *db, const char *gid)
{
	return remove_record(db, "group_member", gid);
}

static void member_row(struct lf_member_list *out, sqlite3_stmt *st)
{
	struct lf_member *m = &out->v[out->n++];

	m->id = sqlite3_column_int64(st, 0);
	lf_col_gid(m->gid, st, 1);
	lf_col_gid(m->person, st, 2);
	m->person_name = lf_col_str(&out->arena, st, 3);
	m->person_title = lf_col_str(&out->arena, st, 4);
	m->dept_name = lf_col_str(&out->arena, st, 5);
	m->role = lf_col_str(&out->arena, st, 6);
	m->duty = lf_col_str(&out->arena, st, 7);
	m->seq = sqlite3_column_int(st, 8);
}

lf_status lf_member_list(struct lf_db *db, const char *cycle, struct lf_page *pg, struct lf_member_list *out)
{
	static const char sql[] =
		"SELECT g.id, g.gid, g.person, x.name, x.title, d.name, g.role, g.duty, ifnull(g.seq, 0) "
		"FROM group_member g JOIN person x ON x.gid = g.person LEFT JOIN post p ON p.gid = x.post "
		"LEFT JOIN dept d ON d.gid = p.dept WHERE g.cycle = ?1 AND g.deleted = 0 AND "
		"(?2 = 0 OR (ifnull(g.seq, 0), g.id) > (SELECT ifnull(seq, 0), id FROM group_member WHERE id = ?2)) "
		"ORDER BY ifnull(g.seq, 0), g.id LIMIT ?3";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, member_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_member_list_free(struct lf_member_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ meetings */

static lf_status meeting_apply(struct lf_db *db, struct lf_rec *r, const struct lf_meeting_in *in,
                               char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_input_setv(db, r, "held", in->held, "kind", in->kind, "title", in->title, "place", in->place,
	                            "attendees", in->attendees, "count", in->count, "notes", in->notes, (char *)NULL);

	return s ? s : lf_rec_save(db, r, gid);
}

lf_status lf_meeting_add(struct lf_db *db, const char *cycle, const struct lf_meeting_in *in,
                         char gid[LF_GID_LEN + 1])
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("meeting"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = new_in_cycle(db, cycle, r);
		if (s == LF_OK)
			s = meeting_apply(db, r, in, gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_meeting_edit(struct lf_db *db, const char *gid, const struct lf_meeting_in *in)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("meeting"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = open_record(db, gid, r);
		if (s == LF_OK)
			s = meeting_apply(db, r, in, NULL);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

lf_status lf_meeting_delete(struct lf_db *db, const char *gid)
{
	return remove_record(db, "meeting", gid);
}

static void meeting_row(struct lf_meeting_list *out, sqlite3_stmt *st)
{
	struct lf_meeting *m = &out->v[out->n++];

	m->id = sqlite3_column_int64(st, 0);
	lf_col_gid(m->gid, st, 1);
	m->held = lf_col_str(&out->arena, st, 2);
	m->kind = lf_col_str(&out->arena, st, 3);
	m->title = lf_col_str(&out->arena, st, 4);
	m->place = lf_col_str(&out->arena, st, 5);
	m->attendees = lf_col_str(&out->arena, st, 6);
	m->count = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 7);
	m->notes = lf_col_str(&out->arena, st, 8);
}

lf_status lf_meeting_list(struct lf_db *db, const char *cycle, struct lf_page *pg, struct lf_meeting_list *out)
{
	static const char sql[] =
		"SELECT id, gid, held, kind, title, place, attendees, count, notes FROM meeting "
		"WHERE cycle = ?1 AND deleted = 0 AND "
		"(?2 = 0 OR (held, id) > (SELECT held, id FROM meeting WHERE id = ?2)) ORDER BY held, id LIMIT ?3";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s;

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if ((s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL)) || (s = lf_key_parse(db, pg->after, &after, 1)) ||
	    (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, cycle, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, meeting_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_meeting_list_free(struct lf_meeting_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}
