/* Tests of coverage: powers with no chart, risky steps with no risk point,
 * posts with no self-check in the cycle. */
#include "t.h"
#include "fixture.h"
#include "lianfang/coverage.h"
#include "lianfang/power.h"
#include "lianfang/org.h"
#include "lianfang/risk.h"

#include <string.h>

static void counts(struct fx *f, struct lf_coverage *c)
{
	if (lf_coverage_get(f->db, f->cycle, NULL, c))
		memset(c, 0xff, sizeof *c);
}

TEST(coverage_gaps)
{
	struct lf_power_in w = { 0 };
	struct lf_risk_in r = { 0 };
	struct lf_coverage c;
	struct lf_gap_list l;
	struct lf_page pg;
	char power[33], sc[33], risk[33];
	struct fx f;

	if (!fx_open(&f, "cov.db"))
		return;
	counts(&f, &c);
	T_OK(c.powers == 1 && c.powers_no_chart == 0, "one power, charted (%d, %d)", c.powers, c.powers_no_chart);
	T_OK(c.risky_steps == 1 && c.steps_no_risk == 1, "one risky step, no risk yet");
	T_OK(c.posts == 2 && c.posts_no_form == 2, "two posts, no forms yet");
	w.dept = f.dept;
	w.name = "财务审核";
	w.kind = "监督权";
	T_STATUS(lf_power_add(f.db, &w, power), LF_OK, "a power without a chart (kind written 监督权)");
	counts(&f, &c);
	T_EQ_INT(c.powers_no_chart, 1, "now one power has no chart");
	lf_page_init(&pg, 10);
	if (lf_coverage_list(f.db, LF_GAP_POWER_NO_CHART, f.cycle, NULL, &pg, &l) == LF_OK) {
		T_OK(l.n == 1 && !strcmp(l.v[0].gid, power), "and it is listed");
		lf_gap_list_free(&l);
	}
	T_STATUS(lf_power_retire(f.db, power, 1), LF_OK, "retire it");
	counts(&f, &c);
	T_EQ_INT(c.powers_no_chart, 0, "a retired power is not a gap");
	fx_form(&f, 0, sc);
	r.description = "对材料不全的申请违规受理";
	r.step = f.step[1];
	T_STATUS(lf_risk_add(f.db, sc, &r, risk), LF_OK, "a risk on the risky step");
	counts(&f, &c);
	T_EQ_INT(c.steps_no_risk, 0, "the risky step is covered");
	T_EQ_INT(c.posts_no_form, 1, "王静's post has a form, 核准登记岗 not");
	lf_page_init(&pg, 10);
	if (lf_coverage_list(f.db, LF_GAP_POST_NO_FORM, f.cycle, NULL, &pg, &l) == LF_OK) {
		T_OK(l.n == 1 && !strcmp(l.v[0].gid, f.post2) && l.v[0].detail && strstr(l.v[0].detail, "张伟"),
		     "the post without a form, with its persons");
		lf_gap_list_free(&l);
	}
	T_STATUS(lf_risk_retire(f.db, risk, 1, NULL), LF_OK, "retire the risk");
	counts(&f, &c);
	T_EQ_INT(c.steps_no_risk, 1, "a retired risk does not cover the step");
	lf_page_init(&pg, 10);
	if (lf_coverage_list(f.db, LF_GAP_STEP_NO_RISK, f.cycle, NULL, &pg, &l) == LF_OK) {
		T_OK(l.n == 1 && l.v[0].seq == 2 && !strcmp(l.v[0].name, "受理审查"), "step 2 of 受理审查 is listed");
		lf_gap_list_free(&l);
	}
	fx_close(&f);
}
