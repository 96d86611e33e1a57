/* Tests of the model reads the official tables and the importer go through
 * (export_data.c, import_model.c): finding the organisation and powers by
 * name, a unit's cycle by year, the summary's measures field by field, its
 * power and person filter, its opinions, and the risks of a post or of a
 * power. */
#include "t.h"
#include "fixture.h"
#include "lianfang/cycle.h"
#include "lianfang/org.h"
#include "lianfang/power.h"
#include "lianfang/rec.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"
#include "lianfang/util.h"

#include <string.h>

TEST(model_finds_by_name)
{
	char gid[33], dept2[33], post3[33];
	struct lf_dept_in d = { "办公室", NULL, NULL, NULL };
	struct fx f;

	if (!fx_open(&f, "find.db"))
		return;
	T_STATUS(lf_dept_find(f.db, NULL, "登记注册科", gid), LF_OK, "a department by name");
	T_EQ_STR(gid, f.dept, "the department");
	T_STATUS(lf_dept_find(f.db, NULL, "没有这个科", gid), LF_NOTFOUND, "an unknown name");
	T_OK(strstr(f.db->err, "没有名为“没有这个科”的处室（有：登记注册科）") != NULL, "names the departments there are: %s",
	     f.db->err);
	T_OK(!gid[0], "and gives no id");
	T_STATUS(lf_dept_find(f.db, "620999", "登记注册科", gid), LF_NOTFOUND, "not in another unit");
	T_STATUS(lf_dept_add(f.db, &d, dept2), LF_OK, "a second department");
	T_STATUS(lf_dept_retire(f.db, dept2, 1), LF_OK, "retired");
	d.name = "办公室";
	T_STATUS(lf_dept_find(f.db, NULL, "办公室", gid), LF_OK, "a retired department is found");
	T_EQ_STR(gid, dept2, "when none in use has the name");
	T_STATUS(lf_dept_add(f.db, &d, gid), LF_OK, "a new 办公室");
	{
		char found[33];

		T_STATUS(lf_dept_find(f.db, NULL, "办公室", found), LF_OK, "by name again");
		T_EQ_STR(found, gid, "the one in use comes first");
	}
	T_STATUS(lf_post_find(f.db, f.dept, "核准登记岗", gid), LF_OK, "a post of a department");
	T_EQ_STR(gid, f.post2, "the post");
	T_STATUS(lf_post_find(f.db, dept2, "核准登记岗", gid), LF_NOTFOUND, "not in another department");
	{
		struct lf_post_in p = { f.dept, "窗口岗", NULL, NULL };

		T_STATUS(lf_post_add(f.db, &p, post3), LF_OK, "a third post");
	}
	T_STATUS(lf_person_find(f.db, NULL, f.post2, "张伟", gid), LF_OK, "a person on a post");
	T_EQ_STR(gid, f.staff2, "the person");
	T_STATUS(lf_person_find(f.db, NULL, post3, "张伟", gid), LF_NOTFOUND, "not on another post");
	T_STATUS(lf_person_find(f.db, NULL, NULL, "张伟", gid), LF_OK, "anywhere in the unit");
	T_STATUS(lf_person_find(f.db, NULL, NULL, "没这人", gid), LF_NOTFOUND, "nobody so named");
	T_OK(strstr(f.db->err, "没有名叫“没这人”的人员") != NULL, "says so: %s", f.db->err);
	T_STATUS(lf_power_find(f.db, f.dept, "受理审查", gid), LF_OK, "a power of a department by name");
	T_EQ_STR(gid, f.power, "the power");
	T_STATUS(lf_power_find(f.db, dept2, "受理审查", gid), LF_NOTFOUND, "not another department's");
	fx_close(&f);
}

TEST(model_cycle_of_unit)
{
	struct lf_cycle_list l;
	struct fx f;

	if (!fx_open(&f, "cycles.db"))
		return;
	T_STATUS(lf_cycle_add(f.db, 2024, NULL, NULL), LF_OK, "an older year");
	T_STATUS(lf_cycle_of_unit(f.db, NULL, 0, &l), LF_OK, "the latest year");
	T_OK(l.n == 1 && l.v[0].year == 2026 && !strcmp(l.v[0].gid, f.cycle), "is 2026");
	lf_cycle_list_free(&l);
	T_STATUS(lf_cycle_of_unit(f.db, NULL, 2024, &l), LF_OK, "a given year");
	T_OK(l.n == 1 && l.v[0].year == 2024, "is that year");
	lf_cycle_list_free(&l);
	T_STATUS(lf_cycle_of_unit(f.db, NULL, 2020, &l), LF_NOTFOUND, "a year there is not");
	T_OK(strstr(f.db->err, "没有 2020 年度的记录（有：2024、2026）") != NULL, "lists the years: %s", f.db->err);
	T_STATUS(lf_cycle_of_unit(f.db, "620999", 0, &l), LF_NOTFOUND, "a unit with none");
	T_OK(strstr(f.db->err, "单位 620999 还没有任何年度的工作记录") != NULL, "says so: %s", f.db->err);
	fx_close(&f);
}

/* All rows of the summary with a filter. */
static int summary_all(struct fx *f, struct lf_summary_filter *flt, struct lf_summary_list *out)
{
	struct lf_page pg;

	lf_page_init(&pg, 100);
	return lf_summary_page(f->db, flt, &pg, out) == LF_OK;
}

TEST(model_summary_measures_power_and_person)
{
	struct lf_summary_filter flt = { 0 };
	struct lf_summary_list l;
	struct lf_risk_in r = { 0 };
	struct lf_measure_in m = { 0 };
	char sc[33], sc2[33], risk[33];
	struct fx f;

	if (!fx_open(&f, "sumrows.db") || !fx_form(&f, 0, sc))
		return;
	r.description = "对材料不全的申请违规受理";
	r.power = f.power;
	T_STATUS(lf_risk_add(f.db, sc, &r, risk), LF_OK, "a risk of the power");
	m.stage = "前期预防";
	m.content = "公开办事指南\n和一次性告知清单";
	m.responsible = f.staff;
	m.supervisor = f.head;
	T_STATUS(lf_measure_add(f.db, risk, &m, NULL, NULL), LF_OK, "a measure with a stage and two persons");
	memset(&m, 0, sizeof m);
	m.content = "窗口安装评价器";
	T_STATUS(lf_measure_add(f.db, risk, &m, NULL, NULL), LF_OK, "one with neither");
	T_STATUS(lf_selfcheck_new(f.db, f.cycle, f.post2, f.staff2, NULL, sc2), LF_OK, "张伟's form");
	r.power = NULL;
	r.description = "抵押物清单审查不严";
	T_STATUS(lf_risk_add(f.db, sc2, &r, NULL), LF_OK, "a risk of 张伟, without measures");
	flt.cycle = f.cycle;
	if (T_OK(summary_all(&f, &flt, &l), "the summary")) {
		T_EQ_INT(l.n, 2, "two rows");
		if (l.n == 2) {
			const struct lf_summary_row *a = &l.v[0], *b = &l.v[1];

			T_EQ_STR(a->power_name, "受理审查", "the power's name");
			T_EQ_INT(a->nmeasures, 2, "two measures");
			T_OK(a->nmeasures == 2 && a->mv[0].stage && !strcmp(a->mv[0].stage, "前期预防") &&
			     !strcmp(a->mv[0].content, "公开办事指南\n和一次性告知清单") && a->mv[0].responsible &&
			     !strcmp(a->mv[0].responsible, "王静") && a->mv[0].supervisor && !strcmp(a->mv[0].supervisor, "李建国"),
			     "the first field by field, its new line kept");
			T_OK(a->nmeasures == 2 && !a->mv[1].stage && !strcmp(a->mv[1].content, "窗口安装评价器") &&
			     !a->mv[1].responsible && !a->mv[1].supervisor, "the second with no stage nor persons");
			T_OK(a->measures && !strcmp(a->measures, "公开办事指南\n和一次性告知清单\n窗口安装评价器"),
			     "the contents one per line");
			T_OK(!b->power_name && !b->measures && b->nmeasures == 0 && !b->mv, "none for a risk without them");
		}
		lf_summary_list_free(&l);
	}
	flt.person_name = "张伟";
	if (T_OK(summary_all(&f, &flt, &l), "the summary of one person")) {
		T_OK(l.n == 1 && !strcmp(l.v[0].person_name, "张伟"), "only 张伟's row");
		lf_summary_list_free(&l);
	}
	flt.person_name = "没这人";
	if (T_OK(summary_all(&f, &flt, &l), "of nobody")) {
		T_EQ_INT(l.n, 0, "no rows");
		lf_summary_list_free(&l);
	}
	{
		struct lf_selfcheck_filter cf = { 0 };
		struct lf_selfcheck_list cl;
		struct lf_page pg;

		cf.cycle = f.cycle;
		cf.person_name = "王静";
		lf_page_init(&pg, 10);
		T_STATUS(lf_selfcheck_list(f.db, &cf, &pg, &cl), LF_OK, "forms of one person");
		T_OK(cl.n == 1 && !strcmp(cl.v[0].gid, sc), "王静's only");
		lf_selfcheck_list_free(&cl);
	}
	fx_close(&f);
}

TEST(model_summary_opinion)
{
	struct lf_summary_opinion o;
	struct lf_rec *r;
	int i;
	struct fx f;

	if (!fx_open(&f, "opinion.db"))
		return;
	T_STATUS(lf_summary_opinion(f.db, NULL, f.cycle, f.dept, "处室负责人", &o), LF_OK, "no opinion yet");
	T_OK(!o.found && !o.text && !o.signer, "found none");
	lf_summary_opinion_free(&o);
	for (i = 0; i < 3; i++) { /* the department's twice, the unit's once */
		static const char *const text[] = { "初稿同意", "同意", "全局汇总表同意" };
		static const char *const date[] = { "2026-04-20", "2026-04-25", "2026-04-28" };

		r = lf_rec_new(lf_kind_find("opinion"));
		lf_rec_set_text(r, "cycle", f.cycle);
		lf_rec_set_text(r, "dept", i < 2 ? f.dept : NULL);
		lf_rec_set_text(r, "role", "处室负责人");
		lf_rec_set_text(r, "text", text[i]);
		lf_rec_set_text(r, "signer", "李建国");
		lf_rec_set_text(r, "signed", date[i]);
		T_STATUS(lf_rec_put(f.db, r), LF_OK, "an opinion");
		lf_rec_free(r);
	}
	T_STATUS(lf_summary_opinion(f.db, NULL, f.cycle, f.dept, "处室负责人", &o), LF_OK, "the department's");
	T_OK(o.found && !strcmp(o.text, "同意") && !strcmp(o.signer, "李建国") && !strcmp(o.signed_on, "2026-04-25"),
	     "is the latest: %s", o.text ? o.text : "(none)");
	lf_summary_opinion_free(&o);
	T_STATUS(lf_summary_opinion(f.db, NULL, f.cycle, NULL, "处室负责人", &o), LF_OK, "the unit's");
	T_OK(o.found && !strcmp(o.text, "全局汇总表同意"), "is its own");
	lf_summary_opinion_free(&o);
	T_STATUS(lf_summary_opinion(f.db, NULL, f.cycle, f.dept, "主要领导", &o), LF_OK, "another role's");
	T_OK(!o.found, "has none");
	lf_summary_opinion_free(&o);
	fx_close(&f);
}

TEST(model_risks_of_a_post_and_of_a_power)
{
	struct lf_risk_in r = { 0 };
	struct lf_risk_list l;
	struct lf_page pg;
	char sc[33], a[33], b[33], c[33];
	struct fx f;

	if (!fx_open(&f, "riskof.db") || !fx_form(&f, 0, sc))
		return;
	r.description = "部门评查发现：窗口人员私下收取加急费";
	r.power = f.power;
	T_STATUS(lf_risk_add_to_post(f.db, f.cycle, f.post, &r, a), LF_OK, "a risk of the post, on the power");
	r.description = "部门评查发现：代办中介长期占用窗口";
	r.power = NULL;
	T_STATUS(lf_risk_add_to_post(f.db, f.cycle, f.post, &r, b), LF_OK, "another, on no power");
	r.description = "王静自查：对材料不全的申请违规受理";
	r.step = f.step[1];
	T_STATUS(lf_risk_add(f.db, sc, &r, c), LF_OK, "a risk on her form, at the power's risk step");
	lf_page_init(&pg, 1);
	T_STATUS(lf_risk_list_of_post(f.db, f.cycle, f.post, 0, &pg, &l), LF_OK, "the post's own risks, a page of one");
	T_OK(l.n == 1 && !strcmp(l.v[0].gid, a) && pg.next[0], "the first, and a next page");
	lf_risk_list_free(&l);
	lf_page_advance(&pg);
	T_STATUS(lf_risk_list_of_post(f.db, f.cycle, f.post, 0, &pg, &l), LF_OK, "the next page");
	T_OK(l.n == 1 && !strcmp(l.v[0].gid, b) && !pg.next[0], "the second, and no more: the form's risk is not the post's");
	lf_risk_list_free(&l);
	T_STATUS(lf_risk_retire(f.db, b, 1, NULL), LF_OK, "one retired");
	lf_page_init(&pg, 10);
	T_STATUS(lf_risk_list_of_post(f.db, f.cycle, f.post, 0, &pg, &l), LF_OK, "without the retired");
	T_EQ_INT(l.n, 1, "one");
	lf_risk_list_free(&l);
	T_STATUS(lf_risk_list_of_post(f.db, f.cycle, f.post, 1, &pg, &l), LF_OK, "with it");
	T_EQ_INT(l.n, 2, "two");
	lf_risk_list_free(&l);
	T_STATUS(lf_risk_list_of_power(f.db, f.power, f.cycle, &pg, &l), LF_OK, "the power's risks");
	T_OK(l.n == 2 && !strcmp(l.v[0].gid, a) && !strcmp(l.v[1].gid, c),
	     "the post's and the form's (through its step), in their order");
	lf_risk_list_free(&l);
	{
		char other[33];

		T_STATUS(lf_cycle_add(f.db, 2027, NULL, other), LF_OK, "another year");
		T_STATUS(lf_risk_list_of_power(f.db, f.power, other, &pg, &l), LF_OK, "the power's risks in it");
		T_EQ_INT(l.n, 0, "none");
		lf_risk_list_free(&l);
	}
	fx_close(&f);
}

/* A risk of a post found outside a form may concern one person on the post
 * (the import records a table's 姓名 so); a form's risk is its person's. */
TEST(model_risk_of_a_post_concerning_a_person)
{
	struct lf_risk_in r = { 0 };
	struct lf_risk_list l;
	struct lf_page pg;
	char sc[33], a[33], b[33], c[33];
	struct fx f;

	if (!fx_open(&f, "riskperson.db") || !fx_form(&f, 1, sc))
		return;
	r.description = "部门评查发现：王静私下收取加急费";
	r.person = f.staff;
	T_STATUS(lf_risk_add_to_post(f.db, f.cycle, f.post, &r, a), LF_OK, "a risk of 王静's post, concerning her");
	T_STATUS(lf_risk_get(f.db, a, &l), LF_OK, "read back");
	T_OK(l.n == 1 && !strcmp(l.v[0].person, f.staff) && !l.v[0].selfcheck[0], "it names her, on no form");
	lf_risk_list_free(&l);
	r.description = "部门评查发现：张伟代办";
	r.person = f.staff2;
	T_STATUS(lf_risk_add_to_post(f.db, f.cycle, f.post, &r, NULL), LF_INVALID, "a person on another post");
	T_OK(strstr(fx_err(), "张伟") && strstr(fx_err(), "不在这个风险点的岗位上"), "is refused, named: %s", fx_err());
	r.person = NULL;
	r.seq = "40";
	T_STATUS(lf_risk_add_to_post(f.db, f.cycle, f.post, &r, b), LF_OK, "one concerning nobody, numbered by the caller");
	T_STATUS(lf_risk_get(f.db, b, &l), LF_OK, "read back");
	T_OK(l.n == 1 && !l.v[0].person[0] && l.v[0].seq == 40, "no person, number 40");
	lf_risk_list_free(&l);
	r.seq = NULL;
	T_STATUS(lf_risk_add_to_post(f.db, f.cycle, f.post, &r, c), LF_OK, "the next one");
	T_STATUS(lf_risk_get(f.db, c, &l), LF_OK, "read back");
	T_OK(l.n == 1 && l.v[0].seq == 41, "is numbered after it (%d)", l.n ? l.v[0].seq : -1);
	lf_risk_list_free(&l);
	memset(&r, 0, sizeof r);
	r.person = f.staff2;
	lf_page_init(&pg, 10);
	T_STATUS(lf_risk_list(f.db, sc, 0, &pg, &l), LF_OK, "the form's risk");
	if (l.n == 1)
		T_STATUS(lf_risk_edit(f.db, l.v[0].gid, &r, NULL), LF_INVALID, "cannot be given to someone else");
	T_OK(strstr(fx_err(), "属于填表人本人"), "says whose it is: %s", fx_err());
	lf_risk_list_free(&l);
	fx_close(&f);
}
