/* Tests of what the phase 1–2 screens need from the model: a form on a new
 * record that starts from values the screen knows (the cycle of a meeting,
 * the power of a step), saving the work plan, a power and flow-chart steps
 * through their model functions, and the risk points of one step. */
#include "t.h"
#include "fixture.h"
#include "lianfang/cycle.h"
#include "lianfang/demo.h"
#include "lianfang/entry.h"
#include "lianfang/overview.h"
#include "lianfang/flow.h"
#include "lianfang/lookup.h"
#include "lianfang/plan.h"
#include "lianfang/power.h"
#include "lianfang/reclist.h"
#include "lianfang/risk.h"
#include "lianfang/util.h"

#include <string.h>
#include <unistd.h>

static int field(const struct lf_form *f, const char *name)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (!strcmp(f->fields[i].name, name))
			return i;
	return -1;
}

TEST(entry_preset_is_a_start_not_a_change)
{
	struct lf_formset *set = lf_formset_load(NULL, NULL, NULL);
	const struct lf_form *mf = lf_formset_get(set, "meeting");
	struct lf_entry *e = NULL;
	struct lf_meeting_list ml;
	struct lf_page pg;
	int bad;
	struct fx f;

	if (!fx_open(&f, "pf-preset.db") || !T_OK(mf != NULL, "the meeting form"))
		return;
	T_STATUS(lf_entry_open(f.db, mf, NULL, &e), LF_OK, "a new meeting");
	T_STATUS(lf_entry_preset(e, "cycle", f.cycle), LF_OK, "its cycle preset");
	T_OK(!e->changed, "a preset is not a change: leaving asks nothing");
	T_EQ_STR(lf_entry_text(e, field(mf, "cycle")), f.cycle, "the field shows it");
	T_STATUS(lf_entry_preset(e, "nosuch", "x"), LF_USAGE, "a field the form lacks");
	lf_entry_set(e, field(mf, "held"), "2026/3/5");
	lf_entry_set(e, field(mf, "kind"), "动员大会");
	T_STATUS(lf_entry_save(e, &bad), LF_OK, "saved with the preset cycle");
	lf_entry_free(e);
	lf_page_init(&pg, 10);
	T_STATUS(lf_meeting_list(f.db, f.cycle, &pg, &ml), LF_OK, "the cycle's meetings");
	T_OK(ml.n == 1 && !strcmp(ml.v[0].held, "2026-03-05") && !strcmp(ml.v[0].kind, "动员大会"),
	     "the meeting is in the cycle, its date made ISO");
	lf_meeting_list_free(&ml);
	lf_formset_free(set);
	fx_close(&f);
}

TEST(entry_saves_plan_power_and_steps)
{
	static const char body[] = "为深入推进党风廉政建设，从源头上预防腐败，制定本方案。\n一、工作步骤。……\n二、查找风险。";
	struct lf_formset *set = lf_formset_load(NULL, NULL, NULL);
	const struct lf_form *pf = lf_formset_get(set, "plan"), *wf = lf_formset_get(set, "power"),
	                     *sf = lf_formset_get(set, "flow_step");
	struct lf_entry *e = NULL;
	struct lf_arena a = { 0 };
	struct lf_plan plan;
	struct lf_step_list sl;
	struct lf_page pg;
	char power[LF_GID_LEN + 1], step[LF_GID_LEN + 1];
	int bad;
	struct fx f;

	if (!fx_open(&f, "pf-save.db") || !pf || !wf || !sf)
		return;
	/* the work plan: one per cycle, created by the first save */
	lf_entry_open(f.db, pf, NULL, &e);
	lf_entry_preset(e, "cycle", f.cycle);
	lf_entry_set(e, field(pf, "title"), "2026年度廉政风险点防范管理工作实施方案");
	lf_entry_set(e, field(pf, "doc_no"), "肃市监党发〔2026〕3号");
	lf_entry_set(e, field(pf, "issued"), "20260220");
	lf_entry_set(e, field(pf, "body"), body);
	T_STATUS(lf_entry_save(e, &bad), LF_OK, "the plan saved through lf_plan_set");
	lf_entry_free(e);
	T_STATUS(lf_plan_get(f.db, f.cycle, &plan, &a), LF_OK, "the cycle has its plan");
	T_EQ_STR(plan.body, body, "the body, line breaks and all");
	T_EQ_STR(plan.issued, "2026-02-20", "the date as ISO");
	/* editing it keeps its cycle; moving it to another is refused at the field */
	lf_entry_open(f.db, pf, plan.gid, &e);
	lf_entry_set(e, field(pf, "cycle"), f.dept);
	T_OK(lf_entry_save(e, &bad) != LF_OK, "a plan cannot change its cycle");
	lf_entry_free(e);
	lf_arena_free(&a);

	/* a power */
	lf_entry_open(f.db, wf, NULL, &e);
	lf_entry_preset(e, "dept", f.dept);
	lf_entry_set(e, field(wf, "name"), "行政处罚自由裁量");
	lf_entry_set(e, field(wf, "kind"), "执行");
	T_STATUS(lf_entry_save(e, &bad), LF_OK, "a power saved through lf_power_add");
	snprintf(power, sizeof power, "%s", lf_entry_target(e));
	lf_entry_free(e);

	/* steps: inserted at the number given, the power preset and read-only */
	T_OK(sf->fields[field(sf, "power")].readonly, "the step form shows its power read-only");
	lf_entry_open(f.db, sf, NULL, &e);
	lf_entry_preset(e, "power", power);
	lf_entry_preset(e, "seq", "1");
	lf_entry_set(e, field(sf, "action"), "调查取证");
	T_STATUS(lf_entry_save(e, &bad), LF_OK, "a first step");
	lf_entry_free(e);
	lf_entry_open(f.db, sf, NULL, &e);
	lf_entry_preset(e, "power", power);
	lf_entry_preset(e, "seq", "1");
	lf_entry_set(e, field(sf, "action"), "立案审批");
	lf_entry_set(e, field(sf, "risky"), "是");
	T_STATUS(lf_entry_save(e, &bad), LF_OK, "a step inserted before it");
	snprintf(step, sizeof step, "%s", lf_entry_target(e));
	lf_entry_free(e);
	lf_page_init(&pg, 10);
	lf_step_list(f.db, power, &pg, &sl);
	T_OK(sl.n == 2 && !strcmp(sl.v[0].action, "立案审批") && sl.v[0].risky && sl.v[1].seq == 2,
	     "立案审批 is step 1 and risky, 调查取证 step 2");
	lf_step_list_free(&sl);
	/* a new number on an existing step moves it; one past the end is refused at the number */
	lf_entry_open(f.db, sf, step, &e);
	lf_entry_set(e, field(sf, "seq"), "2");
	T_STATUS(lf_entry_save(e, &bad), LF_OK, "step 1 moved to 2");
	lf_entry_set(e, field(sf, "seq"), "5");
	T_STATUS(lf_entry_save(e, &bad), LF_INVALID, "no step 5");
	T_EQ_INT(bad, field(sf, "seq"), "the message is at the number");
	T_OK(strstr(f.db->err, "1 到 2") != NULL, "and says the range: %s", f.db->err);
	lf_entry_free(e);
	lf_page_init(&pg, 10);
	lf_step_list(f.db, power, &pg, &sl);
	T_OK(sl.n == 2 && !strcmp(sl.v[1].action, "立案审批"), "立案审批 is now second");
	lf_step_list_free(&sl);
	lf_formset_free(set);
	fx_close(&f);
}

TEST(risks_of_a_step)
{
	struct lf_risk_in in = { 0 };
	struct lf_risk_list l;
	struct lf_page pg;
	char sc[33], risk[33], r2[33];
	struct fx f;

	if (!fx_open(&f, "pf-risks.db") || !fx_form(&f, 0, sc))
		return;
	lf_page_init(&pg, 10);
	T_STATUS(lf_risk_list_step(f.db, f.step[1], f.cycle, &pg, &l), LF_OK, "a step with no risk");
	T_EQ_INT(l.n, 0, "lists nothing");
	lf_risk_list_free(&l);
	in.description = "对材料不全的申请违规受理";
	in.step = f.step[1];
	lf_risk_add(f.db, sc, &in, risk);
	in.description = "收受申请人礼品礼金";
	lf_risk_add(f.db, sc, &in, r2);
	in.description = "别的环节的风险";
	in.step = f.step[2];
	lf_risk_add(f.db, sc, &in, NULL);
	lf_page_init(&pg, 1);
	T_STATUS(lf_risk_list_step(f.db, f.step[1], f.cycle, &pg, &l), LF_OK, "a page of one");
	T_OK(l.n == 1 && !strcmp(l.v[0].gid, risk) && pg.next[0], "the first risk, and a next page");
	lf_risk_list_free(&l);
	lf_page_advance(&pg);
	T_STATUS(lf_risk_list_step(f.db, f.step[1], NULL, &pg, &l), LF_OK, "the next page, any cycle");
	T_OK(l.n == 1 && !strcmp(l.v[0].gid, r2) && !pg.next[0], "the second risk, and no more");
	lf_risk_list_free(&l);
	lf_risk_retire(f.db, r2, 1, NULL);
	lf_page_init(&pg, 10);
	lf_risk_list_step(f.db, f.step[1], f.cycle, &pg, &l);
	T_EQ_INT(l.n, 1, "a retired risk is not listed");
	lf_risk_list_free(&l);
	T_STATUS(lf_risk_list_step(f.db, f.power, f.cycle, &pg, &l), LF_NOTFOUND, "a gid that is no step");
	fx_close(&f);
}

/* A year or cycle that is not there: the list holds nothing to free (the
 * year screen asks before it creates one; this leaked once). */
TEST(cycle_lookup_that_fails_leaves_nothing)
{
	struct lf_cycle_list l;
	struct fx f;

	if (!fx_open(&f, "pf-cycle.db"))
		return;
	T_STATUS(lf_cycle_by_year(f.db, 2099, &l), LF_NOTFOUND, "no 2099");
	T_OK(l.n == 0 && l.v == NULL && l.arena.head == NULL, "nothing allocated");
	T_STATUS(lf_cycle_get(f.db, f.dept, &l), LF_NOTFOUND, "a gid that is no cycle");
	T_OK(l.n == 0 && l.v == NULL && l.arena.head == NULL, "nothing allocated");
	fx_close(&f);
}

/* What the home shows about the signed-in user, from perm.h's table. */
TEST(overview_user_roles_and_reach)
{
	struct lf_db *db = NULL;
	struct lf_buf who, can;
	char err[256];

	unlink(t_path("pf-who.db"));
	if (!T_OK(lf_db_create(t_path("pf-who.db"), "620902", "肃州区市场监督管理局", "620900", "tester", &db, err,
	                       sizeof err) == LF_OK, "create: %s", err) ||
	    !T_OK(lf_demo_fill(db, 1) == LF_OK, "demo: %s", db->err))
		return;
	lf_buf_init(&who);
	lf_buf_init(&can);
	snprintf(db->actor, sizeof db->actor, "head");
	lf_overview_user(db, &who, &can);
	T_EQ_STR(who.s, "蔡涛：科员、处室负责人（登记注册科）", "the head's name and roles");
	T_OK(strstr(can.s, "以处室负责人身份审核自查表 —— 登记注册科\n") != NULL, "reviews their department: %s", can.s);
	T_OK(strstr(can.s, "提交自查表 —— 本人岗位\n") != NULL, "submits their own form");
	T_OK(strstr(can.s, "不可以：") && strstr(strstr(can.s, "不可以："), "管理用户"), "may not manage users");
	T_STATUS(lf_overview_may_list(db, "power"), LF_DENIED, "the whole unit's powers are refused");
	T_OK(strstr(db->err, "全单位") != NULL, "saying why: %s", db->err);
	T_STATUS(lf_overview_may_list(db, "dept"), LF_OK, "the organisation is public");
	T_STATUS(lf_overview_may_read(db), LF_OK, "their department is theirs to read");
	lf_buf_reset(&who);
	lf_buf_reset(&can);
	snprintf(db->actor, sizeof db->actor, "discipline");
	lf_overview_user(db, &who, NULL);
	T_EQ_STR(who.s, "潘超：科员、处室负责人（纪检监察室）、纪检监察", "the discipline officer");
	T_EQ_INT(can.len, 0, "nothing asked, nothing written");
	T_STATUS(lf_overview_may_list(db, "power"), LF_OK, "reads the whole unit");
	lf_buf_reset(&who);
	snprintf(db->actor, sizeof db->actor, "%s", "");
	lf_overview_user(db, &who, &can);
	T_EQ_STR(who.s, "用户：（未登录）", "nobody signed in");
	T_STATUS(lf_overview_may_read(db), LF_DENIED, "nobody reads anything");
	lf_buf_free(&who);
	lf_buf_free(&can);
	lf_db_close(db);
}

/* A list of one department's records is read with the right to read that
 * department: a head lists their own department's powers, not another's, and
 * not the whole unit's. */
TEST(reclist_of_one_department_needs_that_department)
{
	static const char *const cols[] = { "name" };
	const struct lf_kind *k = lf_kind_find("power");
	struct lf_db *db = NULL;
	struct lf_reclist *l = NULL;
	struct lf_listrow rows[10];
	char err[256], mine[LF_GID_LEN + 1], other[LF_GID_LEN + 1];
	int got = 0, i;

	unlink(t_path("pf-list.db"));
	if (!T_OK(lf_db_create(t_path("pf-list.db"), "620902", "肃州区市场监督管理局", "620900", "tester", &db, err,
	                       sizeof err) == LF_OK, "create: %s", err) ||
	    !T_OK(lf_demo_fill(db, 1) == LF_OK, "demo: %s", db->err))
		return;
	snprintf(db->actor, sizeof db->actor, "head");
	T_STATUS(lf_lookup(db, "dept", "登记注册科", NULL, NULL, mine), LF_OK, "the head's department");
	T_STATUS(lf_lookup(db, "dept", "财务科", NULL, NULL, other), LF_OK, "another");
	T_STATUS(lf_reclist_open(db, k, NULL, cols, 1, &l), LF_DENIED, "the whole unit's powers: refused");
	T_STATUS(lf_reclist_open_in(db, k, NULL, cols, 1, "dept", other, &l), LF_DENIED, "another department's: refused");
	T_OK(l == NULL, "nothing to free");
	T_STATUS(lf_reclist_open_in(db, k, NULL, cols, 1, "dept", mine, &l), LF_OK, "their own department's");
	memset(rows, 0, sizeof rows);
	if (l) {
		T_STATUS(lf_reclist_page(l, NULL, 1, 10, rows, &got), LF_OK, "a page");
		T_EQ_INT(got, 4, "登记注册科's four powers");
		for (i = 0; i < got; i++)
			lf_listrow_clear(&rows[i]);
		lf_reclist_free(l);
	}
	T_STATUS(lf_reclist_open_in(db, k, NULL, cols, 1, "nosuch", mine, &l), LF_USAGE, "a field the kind lacks");
	lf_db_close(db);
}
