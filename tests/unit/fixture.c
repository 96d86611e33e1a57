/* fixture: a small unit for model tests (fixture.h). */
#include "fixture.h"
#include "t.h"
#include "lianfang/cycle.h"
#include "lianfang/flow.h"
#include "lianfang/org.h"
#include "lianfang/power.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lf_status person(struct lf_db *db, const char *name, const char *post, char gid[33])
{
	struct lf_person_in in = { name, post, NULL };

	return lf_person_add(db, &in, gid);
}

static struct lf_db *last_db;

const char *fx_err(void)
{
	return last_db ? last_db->err : "";
}

int fx_open(struct fx *f, const char *name)
{
	char err[1024];
	const char *path = t_path(name);
	struct lf_dept_in d = { "登记注册科", NULL, NULL, NULL };
	struct lf_post_in p = { NULL, "受理审查岗", "在政务大厅窗口受理市场主体登记申请，审查申请材料是否齐全。", NULL };
	struct lf_post_in p2 = { NULL, "核准登记岗", "对受理的登记申请进行审核，作出核准或不予核准的意见。", NULL };
	struct lf_power_in w = { 0 };
	lf_status s;
	int i;

	memset(f, 0, sizeof *f);
	setenv("LIANFANG_NOW", "2026-11-23T08:00:00Z", 1);
	setenv("LIANFANG_USER", "clerk", 1);
	remove(path);
	if (lf_db_create(path, "620902", "肃州区市场监督管理局", NULL, "clerk", &f->db, err, sizeof err)) {
		T_OK(0, "fixture: create %s: %s", path, err);
		return 0;
	}
	lf_db_seed(f->db, 7);
	last_db = f->db;
	s = lf_cycle_add(f->db, 2026, NULL, f->cycle);
	if (s == LF_OK)
		s = lf_dept_add(f->db, &d, f->dept);
	p.dept = p2.dept = f->dept;
	if (s == LF_OK)
		s = lf_post_add(f->db, &p, f->post);
	if (s == LF_OK)
		s = lf_post_add(f->db, &p2, f->post2);
	if (s == LF_OK)
		s = person(f->db, "王静", f->post, f->staff);
	if (s == LF_OK)
		s = person(f->db, "张伟", f->post2, f->staff2);
	if (s == LF_OK)
		s = person(f->db, "李建国", f->post2, f->head);
	if (s == LF_OK)
		s = person(f->db, "赵志强", NULL, f->leader);
	if (s == LF_OK) {
		struct lf_dept_in e = { NULL, NULL, f->head, f->leader };

		s = lf_dept_edit(f->db, f->dept, &e);
	}
	w.post = f->post;
	w.name = "受理审查";
	w.kind = "执行";
	if (s == LF_OK)
		s = lf_power_add(f->db, &w, f->power);
	for (i = 0; i < 3 && s == LF_OK; i++) {
		static const char *const action[] = { "提交申请材料", "审查材料是否齐全", "出具受理通知书" };
		struct lf_step_in in = { 0 };

		in.action = action[i];
		in.risky = i == 1 ? "1" : NULL;
		s = lf_step_insert(f->db, f->power, 0, &in, f->step[i]);
	}
	if (s) {
		T_OK(0, "fixture: %s", lf_errmsg(f->db, s));
		fx_close(f);
		return 0;
	}
	return 1;
}

void fx_close(struct fx *f)
{
	lf_db_close(f->db);
	if (last_db == f->db)
		last_db = NULL;
	f->db = NULL;
}

int fx_form(struct fx *f, int risks, char gid[33])
{
	struct lf_selfcheck_in in = { NULL, "2026-04-08" }; /* filled in April, as in seed 001 */
	lf_status s = lf_selfcheck_new(f->db, f->cycle, f->post, f->staff, &in, gid);
	int i;

	for (i = 0; i < risks && s == LF_OK; i++) {
		struct lf_risk_in r = { 0 };
		struct lf_measure_in m = { 0 };
		char risk[33];

		r.description = i == 0 ? "对材料不全的申请违规受理" : "收受申请人或代理中介的礼品礼金、宴请";
		r.category = "行政审批";
		r.source = "权力行使";
		r.probability = "2";
		r.severity = "2";
		m.content = "公开办事指南和一次性告知清单";
		if ((s = lf_risk_add(f->db, gid, &r, risk)) == LF_OK)
			s = lf_measure_add(f->db, risk, &m, NULL, NULL);
	}
	if (s)
		T_OK(0, "fixture form: %s", lf_errmsg(f->db, s));
	return s == LF_OK;
}
