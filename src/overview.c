/* overview: the unit, current cycle and counts for the title line and home
 * screen (see overview.h). The cycle and its phase come from the cycle model. */
#include "lianfang/overview.h"
#include "lianfang/auth.h"
#include "lianfang/cycle.h"
#include "lianfang/perm.h"
#include "lianfang/reclist.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <string.h>

const char *lf_phase_label(int phase)
{
	static const char *const labels[] = { "尚未开始", "动员部署", "查找风险", "防范监督", "检查考核", "本年度已结束" };

	return phase >= 0 && phase <= 5 ? labels[phase] : "";
}

lf_status lf_overview_load(struct lf_db *db, struct lf_overview *o)
{
	struct lf_cycle_list cl;
	struct lf_unit u;
	char today[11];
	lf_status s;

	memset(o, 0, sizeof *o);
	snprintf(o->unit_code, sizeof o->unit_code, "%s", db->unit);
	if (lf_unit_get(db, db->unit, &u) == LF_OK) {
		o->unit_name = lf_strdup(u.name);
		lf_unit_clear(&u);
	} else {
		o->unit_name = lf_strdup(db->unit);
	}
	memset(&cl, 0, sizeof cl);
	s = lf_cycle_current(db, &cl);
	if (s == LF_OK && cl.n > 0) {
		snprintf(o->cycle, sizeof o->cycle, "%s", cl.v[0].gid);
		o->year = cl.v[0].year;
		lf_today(today);
		o->phase = lf_cycle_phase(&cl.v[0], today);
	}
	lf_cycle_list_free(&cl);
	o->cycle_denied = s == LF_DENIED;
	return s == LF_NOTFOUND || s == LF_DENIED ? LF_OK : s;
}

void lf_overview_clear(struct lf_overview *o)
{
	lf_free(o->unit_name);
	memset(o, 0, sizeof *o);
}

lf_status lf_overview_count(struct lf_db *db, const struct lf_kind *k, long long cap, long long *n)
{
	char *sql = lf_printf("SELECT count(*) FROM (SELECT 1 FROM \"%s\" WHERE owner = ?1 AND deleted = 0 LIMIT ?2)",
	                      k->name);
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	lf_free(sql);
	*n = 0;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, cap + 1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "统计记录失败");
}

lf_status lf_overview_may_list(struct lf_db *db, const char *kind)
{
	return lf_perm_check(db, lf_perm_kind_public(kind) ? LF_ACT_READ_PUBLIC : LF_ACT_READ, NULL);
}

lf_status lf_overview_may_edit(struct lf_db *db, const char *kind, const char *dept)
{
	static const struct {
		const char *kind;
		enum lf_action act;
	} edit[] = {
		{ "dept", LF_ACT_ORG_EDIT },       { "post", LF_ACT_ORG_EDIT },     { "person", LF_ACT_ORG_EDIT },
		{ "cycle", LF_ACT_CYCLE_EDIT },    { "plan", LF_ACT_CYCLE_EDIT },   { "group_member", LF_ACT_CYCLE_EDIT },
		{ "meeting", LF_ACT_CYCLE_EDIT },  { "power", LF_ACT_POWER_EDIT },  { "flow_step", LF_ACT_POWER_EDIT },
	};
	struct lf_scope scope = { .dept = dept };
	size_t i;

	for (i = 0; i < LF_COUNT(edit); i++)
		if (!strcmp(edit[i].kind, kind))
			return lf_perm_check(db, edit[i].act, dept ? &scope : NULL);
	return LF_OK;
}

lf_status lf_overview_may_read(struct lf_db *db)
{
	struct lf_perm_reach r;
	lf_status s = lf_perm_reach(db, LF_ACT_READ, &r);
	int any = s == LF_OK && (r.unit || r.post[0] || strcmp(r.depts, "[]"));

	lf_perm_reach_clear(&r);
	if (s)
		return s;
	/* nothing reached: the unit-wide check says why, naming the roles */
	return any ? LF_OK : lf_perm_check(db, LF_ACT_READ, NULL);
}

void lf_overview_reach_names(struct lf_db *db, char **dept, char **person)
{
	struct lf_perm_reach r;
	const char *q;
	char gid[LF_GID_LEN + 1];

	*dept = *person = NULL;
	if (lf_perm_reach(db, LF_ACT_READ, &r))
		return;
	if (!r.unit && (q = strchr(r.depts, '"')) && strlen(q + 1) > LF_GID_LEN) {
		snprintf(gid, sizeof gid, "%.*s", LF_GID_LEN, q + 1);
		if (*lf_auth_dept_name(db, gid))
			*dept = lf_strdup(lf_auth_dept_name(db, gid));
	} else if (!r.unit && r.post[0]) {
		lf_perm_actor_person(db, gid);
		if (gid[0])
			*person = lf_record_label(db, lf_kind_find("person"), gid);
	}
	lf_perm_reach_clear(&r);
}

/* How far the roles of account a reach for act: "全单位", "登记注册科、本人岗位",
 * or "" when not at all. */
static void reach_text(struct lf_db *db, const struct lf_account *a, enum lf_action act, struct lf_buf *b)
{
	int i, n = 0, post = 0;

	for (i = 0; i < a->nroles; i++)
		if (lf_perm_role_may(a->roles[i].role, act) == LF_REACH_UNIT) {
			lf_buf_adds(b, "全单位");
			return;
		}
	for (i = 0; i < a->nroles; i++) {
		enum lf_reach_kind k = lf_perm_role_may(a->roles[i].role, act);

		if (k == LF_REACH_DEPT && a->roles[i].dept[0])
			lf_buf_addf(b, "%s%s", n++ ? "、" : "", lf_auth_dept_name(db, a->roles[i].dept));
		else if (k == LF_REACH_POST && a->post[0] && !post++)
			lf_buf_addf(b, "%s本人岗位", n++ ? "、" : "");
	}
}

void lf_overview_user(struct lf_db *db, struct lf_buf *who, struct lf_buf *can)
{
	struct lf_account a;
	struct lf_buf reach, no;
	int i, act;

	if (!db->actor[0] || lf_account_get(db, db->actor, &a) != LF_OK) {
		lf_buf_addf(who, "用户：%s", db->actor[0] ? db->actor : "（未登录）");
		return;
	}
	lf_buf_addf(who, "%s：", a.person_name ? a.person_name : a.name);
	for (i = 0; i < a.nroles; i++) {
		lf_buf_addf(who, "%s%s", i ? "、" : "", lf_role_label(a.roles[i].role));
		if (a.roles[i].dept[0])
			lf_buf_addf(who, "（%s）", lf_auth_dept_name(db, a.roles[i].dept));
	}
	if (!a.nroles)
		lf_buf_adds(who, "没有角色");
	if (!can) {
		lf_account_clear(&a);
		return;
	}
	lf_buf_init(&reach);
	lf_buf_init(&no);
	lf_buf_adds(can, "可以：\n");
	for (act = 0; act < LF_ACT_COUNT; act++) {
		lf_buf_reset(&reach);
		reach_text(db, &a, (enum lf_action)act, &reach);
		if (reach.len)
			lf_buf_addf(can, "  %s —— %s\n", lf_action_label((enum lf_action)act), reach.s);
		else
			lf_buf_addf(&no, "%s%s", no.len ? "；" : "", lf_action_label((enum lf_action)act));
	}
	lf_buf_addf(can, "不可以：%s。\n", no.len ? no.s : "（无）");
	lf_buf_free(&reach);
	lf_buf_free(&no);
	lf_account_clear(&a);
}
