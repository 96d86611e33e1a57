/* Tests of the cycle: default phase dates, the current phase, the work plan
 * and meetings, and the next cycle started from this year's risks. */
#include "t.h"
#include "fixture.h"
#include "lianfang/cycle.h"
#include "lianfang/org.h"
#include "lianfang/plan.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"

#include <string.h>

TEST(cycle_dates_and_phase)
{
	struct lf_cycle_list l;
	struct lf_cycle_in in = { 0 };
	struct fx f;

	if (!fx_open(&f, "cy.db") || !T_OK(lf_cycle_get(f.db, f.cycle, &l) == LF_OK, "the fixture's cycle"))
		return;
	T_OK(!strcmp(l.v[0].start[1], "2026-03-01") && !strcmp(l.v[0].end[2], "2026-04-30") &&
	     !strcmp(l.v[0].start[3], "2026-05-01") && !strcmp(l.v[0].end[4], "2026-12-31"),
	     "seed 001's schedule: March, April, May–November, December");
	T_EQ_INT(lf_cycle_phase(&l.v[0], "2026-02-10"), 0, "before phase 1");
	T_EQ_INT(lf_cycle_phase(&l.v[0], "2026-03-15"), 1, "in March: phase 1");
	T_EQ_INT(lf_cycle_phase(&l.v[0], "2026-04-30"), 2, "last day of April: phase 2");
	T_EQ_INT(lf_cycle_phase(&l.v[0], "2026-11-23"), 3, "late November: phase 3");
	T_EQ_INT(lf_cycle_phase(&l.v[0], "2027-01-05"), 5, "after phase 4: finished");
	lf_cycle_list_free(&l);
	T_STATUS(lf_cycle_add(f.db, 2026, NULL, NULL), LF_EXISTS, "a year only once");
	T_STATUS(lf_cycle_set_phase(f.db, f.cycle, 2), LF_OK, "set phase 2 by hand");
	lf_cycle_get(f.db, f.cycle, &l);
	T_EQ_INT(lf_cycle_phase(&l.v[0], "2026-11-23"), 2, "by hand wins over the dates");
	T_EQ_INT(lf_cycle_overdue_phase(&l.v[0], "2026-11-23"), 2, "phase 2 is past its end date");
	lf_cycle_list_free(&l);
	in.end[2] = "2026-05-31";
	in.start[3] = "2026年6月1日";
	T_STATUS(lf_cycle_edit(f.db, f.cycle, &in), LF_OK, "dates are editable, written any common way");
	lf_cycle_get(f.db, f.cycle, &l);
	T_EQ_STR(l.v[0].start[3], "2026-06-01", "stored as ISO");
	lf_cycle_list_free(&l);
	memset(&in, 0, sizeof in);
	in.start[4] = "2026-12-31";
	in.end[4] = "2026-12-01";
	T_STATUS(lf_cycle_edit(f.db, f.cycle, &in), LF_INVALID, "a phase ending before it starts");
	T_OK(strstr(fx_err(), "第四阶段") != NULL, "names the phase: %s", fx_err());
	memset(&in, 0, sizeof in);
	in.start[2] = "2026-02-01";
	T_STATUS(lf_cycle_edit(f.db, f.cycle, &in), LF_INVALID, "phase 2 before phase 1");
	in.start[2] = "2026-02-30";
	T_STATUS(lf_cycle_edit(f.db, f.cycle, &in), LF_INVALID, "not a date");
	T_OK(strstr(fx_err(), "第二阶段开始") != NULL, "names the field: %s", fx_err());
	T_STATUS(lf_cycle_current(f.db, &l), LF_OK, "the current cycle");
	T_EQ_INT(l.v[0].year, 2026, "is 2026");
	lf_cycle_list_free(&l);
	fx_close(&f);
}

TEST(plan_group_meetings)
{
	struct lf_plan_in p = { "2026年度廉政风险点防范管理工作实施方案", "肃市监党发〔2026〕5号", "2026-02-25", "纪检监察室",
	                        "正文" };
	struct lf_member_in m = { 0 };
	struct lf_meeting_in mt = { 0 };
	struct lf_meeting_list ml;
	struct lf_arena a = { 0 };
	struct lf_plan got;
	struct lf_page pg;
	char gid[33], again[33];
	struct fx f;

	if (!fx_open(&f, "plan.db"))
		return;
	T_STATUS(lf_plan_get(f.db, f.cycle, &got, &a), LF_NOTFOUND, "no plan yet");
	T_STATUS(lf_plan_set(f.db, f.cycle, &p, gid), LF_OK, "the plan");
	memset(&p, 0, sizeof p);
	p.doc_no = "肃市监党发〔2026〕6号";
	T_STATUS(lf_plan_set(f.db, f.cycle, &p, again), LF_OK, "revise one field");
	T_OK(!strcmp(gid, again), "one plan per cycle: revised, not duplicated");
	if (lf_plan_get(f.db, f.cycle, &got, &a) == LF_OK)
		T_OK(!strcmp(got.doc_no, "肃市监党发〔2026〕6号") && !strcmp(got.office, "纪检监察室") &&
		     !strcmp(got.title, "2026年度廉政风险点防范管理工作实施方案"), "revised field and kept fields");
	lf_arena_free(&a);
	memset(&p, 0, sizeof p);
	p.issued = "2026-02-31";
	T_STATUS(lf_plan_set(f.db, f.cycle, &p, NULL), LF_INVALID, "a bad issuing date");
	T_OK(strstr(fx_err(), "印发日期") != NULL, "names the field: %s", fx_err());
	m.person = f.leader;
	m.role = "组长";
	T_STATUS(lf_member_add(f.db, f.cycle, &m, NULL), LF_OK, "the group leader");
	T_STATUS(lf_member_add(f.db, f.cycle, &m, NULL), LF_EXISTS, "a person is in the group once");
	mt.held = "2026-03-05";
	mt.kind = "动员大会";
	mt.count = "46";
	T_STATUS(lf_meeting_add(f.db, f.cycle, &mt, NULL), LF_OK, "a mobilization meeting");
	mt.held = "2026-03-18";
	mt.kind = "专题学习";
	mt.count = "四十";
	T_STATUS(lf_meeting_add(f.db, f.cycle, &mt, NULL), LF_INVALID, "attendance must be a number");
	T_OK(strstr(fx_err(), "人数") != NULL, "names the field: %s", fx_err());
	mt.count = NULL;
	T_STATUS(lf_meeting_add(f.db, f.cycle, &mt, NULL), LF_OK, "a study session");
	lf_page_init(&pg, 10);
	if (lf_meeting_list(f.db, f.cycle, &pg, &ml) == LF_OK) {
		T_OK(ml.n == 2 && ml.v[0].count == 46 && ml.v[1].count == -1 && !strcmp(ml.v[1].kind, "专题学习"),
		     "both, in date order");
		lf_meeting_list_free(&ml);
	}
	fx_close(&f);
}

TEST(cycle_next_carries_risks_for_revision)
{
	struct lf_selfcheck_filter sf = { 0 };
	struct lf_selfcheck_list sl;
	struct lf_carry_count c;
	struct lf_page pg;
	struct lf_selfcheck_in in = { 0 };
	char sc[33], sc2[33], next[33];
	struct fx f;

	if (!fx_open(&f, "next.db") || !fx_form(&f, 2, sc))
		return;
	/* 张伟 on 核准登记岗 has a form too, then leaves: not carried. */
	lf_selfcheck_new(f.db, f.cycle, f.post2, f.staff2, &in, sc2);
	lf_person_retire(f.db, f.staff2, 1);
	T_STATUS(lf_cycle_start_next(f.db, f.cycle, 0, next, &c), LF_OK, "start 2027 from 2026");
	T_OK(c.selfchecks == 1 && c.risks == 2 && c.measures == 2 && c.skipped == 1,
	     "one form, two risks, two measures; one form skipped (%d, %d, %d, %d)", c.selfchecks, c.risks, c.measures,
	     c.skipped);
	sf.cycle = next;
	lf_page_init(&pg, 10);
	if (lf_selfcheck_list(f.db, &sf, &pg, &sl) == LF_OK) {
		T_OK(sl.n == 1 && !strcmp(sl.v[0].status, "draft") && sl.v[0].risks == 2 && !strcmp(sl.v[0].person_name, "王静"),
		     "王静's form is in 2027 as a draft with its risks");
		lf_selfcheck_list_free(&sl);
	}
	T_STATUS(lf_cycle_start_next(f.db, f.cycle, 2027, NULL, &c), LF_EXISTS, "not twice into the same year");
	T_STATUS(lf_cycle_start_next(f.db, f.cycle, 2026, NULL, &c), LF_INVALID, "not into itself");
	fx_close(&f);
}
