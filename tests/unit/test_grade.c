/* Tests of the grading scheme: matrices (3×3, 5×5), level names in either
 * direction, lists, and the leadership's level beside the proposal. */
#include "t.h"
#include "fixture.h"
#include "lianfang/grade.h"
#include "lianfang/risk.h"

#include <string.h>

static int proposed_of(struct fx *f, const char *sc, const char *p, const char *s, int *level)
{
	struct lf_risk_in in = { 0 };
	struct lf_risk_list l;
	char gid[33];
	lf_status st;

	in.description = "测试风险";
	in.probability = p;
	in.severity = s;
	if ((st = lf_risk_add(f->db, sc, &in, gid)))
		return -(int)st;
	if (lf_risk_get(f->db, gid, &l))
		return -1;
	*level = l.v[0].level;
	st = (lf_status)l.v[0].level_proposed;
	lf_risk_list_free(&l);
	return (int)st;
}

TEST(grade_default_matrix_3x3)
{
	static const int want[3][3] = { { 1, 1, 2 }, { 1, 2, 3 }, { 2, 3, 3 } };
	struct lf_scheme s;
	struct fx f;
	int p, v, ok = 1;

	if (!fx_open(&f, "gr-3.db"))
		return;
	T_STATUS(lf_scheme_load(f.db, &s), LF_OK, "load the default scheme");
	T_EQ_INT(s.size, 3, "3×3 by default");
	for (p = 1; p <= 3; p++)
		for (v = 1; v <= 3; v++)
			ok &= lf_scheme_propose(&s, p, v) == want[p - 1][v - 1];
	T_OK(ok, "every cell of the default matrix");
	T_EQ_INT(lf_scheme_propose(&s, 4, 1), 0, "out of range proposes nothing");
	T_EQ_STR(lf_scheme_level_name(&s, 1), "低", "1 is 低 by default");
	T_EQ_STR(lf_scheme_level_name(&s, 3), "高", "3 is 高");
	T_OK(lf_scheme_has(s.categories, "财务、资产管理") && lf_scheme_has(s.categories, "采购"),
	     "categories of seeds 001 and 003, 、 inside a name");
	T_OK(lf_scheme_has(s.sources, "外部环境"), "the sources of seed 002");
	lf_scheme_free(&s);
	fx_close(&f);
}

TEST(grade_matrix_5x5_and_checks)
{
	struct lf_scheme s;
	char sc[33];
	struct fx f;
	int level = 0;

	if (!fx_open(&f, "gr-5.db") || !fx_form(&f, 0, sc))
		return;
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "1,1,1,2,2;1,1,2,2,3;1,2,2,3,3;2,2,3,3,3;2,3,3,3,3"), LF_OK,
	         "a 5×5 matrix");
	lf_scheme_load(f.db, &s);
	T_EQ_INT(s.size, 5, "5×5 now");
	T_EQ_INT(lf_scheme_propose(&s, 5, 5), 3, "corner high");
	T_EQ_INT(lf_scheme_propose(&s, 3, 2), 2, "p3 s2 middle");
	T_EQ_STR(s.prob[5], "很高", "default names for five probabilities");
	lf_scheme_free(&s);
	T_EQ_INT(proposed_of(&f, sc, "4", "5", &level), 3, "a risk scored 4×5 is proposed high");
	T_EQ_INT(level, 3, "and its level follows the proposal");
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "1,1,2;1,2,3;2,3,3"), LF_INVALID,
	         "cannot shrink below scores in use");
	T_OK(strstr(fx_err(), "不能小于 5×5") != NULL, "says why: %s", fx_err());
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "1,2;2,3"), LF_INVALID, "2×2 refused");
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "1,1,2;1,2,3;2,3"), LF_INVALID, "ragged refused");
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "3,1,1;1,2,3;2,3,3;1,1,1;1,1,1"), LF_INVALID, "not square");
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "1,1,2,3,3;1,1,2,3,3;1,1,2,3,3;1,1,2,3,3;1,1,1,3,3"), LF_INVALID,
	         "falling as severity rises refused");
	T_STATUS(lf_scheme_set(f.db, LF_SET_MATRIX, "1,1,4;1,2,3;2,3,3"), LF_INVALID, "a 4 in a cell refused");
	fx_close(&f);
}

TEST(grade_out_of_range_scores_refused)
{
	struct lf_risk_in in = { 0 };
	char sc[33], gid[33];
	struct fx f;

	if (!fx_open(&f, "gr-range.db") || !fx_form(&f, 0, sc))
		return;
	in.description = "测试";
	in.probability = "4";
	in.severity = "1";
	T_STATUS(lf_risk_add(f.db, sc, &in, gid), LF_INVALID, "probability 4 in a 3×3 scheme");
	T_OK(strstr(fx_err(), "发生概率") && strstr(fx_err(), "1 到 3"), "names the field and range: %s", fx_err());
	in.probability = "二";
	T_STATUS(lf_risk_add(f.db, sc, &in, gid), LF_INVALID, "not a number");
	T_OK(strstr(fx_err(), "发生概率") != NULL, "names the field: %s", fx_err());
	in.probability = "2";
	in.category = "吃喝";
	T_STATUS(lf_risk_add(f.db, sc, &in, gid), LF_INVALID, "a category not in the list");
	T_OK(strstr(fx_err(), "风险类别") && strstr(fx_err(), "行政审批"), "names the field and the list: %s", fx_err());
	fx_close(&f);
}

TEST(grade_level_names_either_direction)
{
	struct lf_scheme s;
	struct fx f;
	int level = 0;

	if (!fx_open(&f, "gr-names.db"))
		return;
	T_STATUS(lf_scheme_preset(f.db, "一级最低"), LF_OK, "seed 001: 一级 lowest");
	lf_scheme_load(f.db, &s);
	T_EQ_STR(lf_scheme_level_name(&s, 1), "一级", "low is 一级");
	T_EQ_STR(lf_scheme_level_name(&s, 3), "三级", "high is 三级");
	T_STATUS(lf_scheme_level_parse(f.db, &s, "三级", &level), LF_OK, "parse 三级");
	T_EQ_INT(level, 3, "三级 is high under seed 001");
	lf_scheme_free(&s);
	T_STATUS(lf_scheme_preset(f.db, "一级最高"), LF_OK, "seed 003: 一级 highest");
	lf_scheme_load(f.db, &s);
	T_EQ_STR(lf_scheme_level_name(&s, 3), "一级", "high is 一级");
	T_STATUS(lf_scheme_level_parse(f.db, &s, "三级", &level), LF_OK, "parse 三级");
	T_EQ_INT(level, 1, "三级 is low under seed 003");
	T_STATUS(lf_scheme_level_parse(f.db, &s, "高", &level), LF_INVALID, "高 is not one of this unit's names");
	lf_scheme_free(&s);
	T_STATUS(lf_scheme_set(f.db, LF_SET_LEVELS, "低，中，低"), LF_INVALID, "repeated names refused");
	T_STATUS(lf_scheme_set(f.db, LF_SET_LEVELS, "低,高"), LF_INVALID, "two names refused");
	T_STATUS(lf_scheme_preset(f.db, "五级"), LF_INVALID, "unknown preset");
	T_STATUS(lf_scheme_set(f.db, LF_SET_CATEGORIES, "工程建设，土地出让|产权交易, 政府采购"), LF_OK, "seed 002 §15 list");
	lf_scheme_load(f.db, &s);
	T_OK(s.categories[3] && !strcmp(s.categories[3], "政府采购") && !s.categories[4], "four categories, trimmed");
	lf_scheme_free(&s);
	T_STATUS(lf_scheme_reset(f.db, LF_SET_CATEGORIES), LF_OK, "back to the default list");
	lf_scheme_load(f.db, &s);
	T_EQ_STR(s.categories[0], "行政审批", "default again");
	lf_scheme_free(&s);
	fx_close(&f);
}

TEST(grade_leadership_sets_another_level)
{
	struct lf_risk_in in = { 0 };
	struct lf_risk_list l;
	char sc[33], gid[33];
	struct fx f;

	if (!fx_open(&f, "gr-override.db") || !fx_form(&f, 0, sc))
		return;
	in.description = "滥用自由裁量权";
	in.probability = "2";
	in.severity = "2";
	lf_risk_add(f.db, sc, &in, gid);
	T_STATUS(lf_grade_set_level(f.db, gid, "高", ""), LF_INVALID, "a different level needs a reason");
	T_OK(strstr(fx_err(), "调整理由") != NULL, "says so: %s", fx_err());
	T_STATUS(lf_grade_set_level(f.db, gid, "特高", "x"), LF_INVALID, "unknown level name");
	T_STATUS(lf_grade_set_level(f.db, gid, "高", "近年同类岗位发生过违纪案件"), LF_OK, "set 高 with a reason");
	lf_risk_get(f.db, gid, &l);
	T_EQ_INT(l.v[0].level_proposed, 2, "the proposal is kept");
	T_EQ_INT(l.v[0].level, 3, "the decided level beside it");
	T_EQ_STR(l.v[0].level_reason, "近年同类岗位发生过违纪案件", "and why");
	lf_risk_list_free(&l);
	/* Rescoring moves the proposal but not the leadership's decision. */
	in.description = NULL;
	in.probability = "1";
	in.severity = "1";
	T_STATUS(lf_risk_edit(f.db, gid, &in, NULL), LF_OK, "rescore");
	lf_risk_get(f.db, gid, &l);
	T_OK(l.v[0].level_proposed == 1 && l.v[0].level == 3, "proposal 1, decision still 3");
	lf_risk_list_free(&l);
	T_STATUS(lf_grade_set_level(f.db, gid, "", NULL), LF_OK, "back to the proposal");
	lf_risk_get(f.db, gid, &l);
	T_OK(l.v[0].level == 1 && !l.v[0].level_reason, "level follows the proposal, no reason");
	lf_risk_list_free(&l);
	fx_close(&f);
}
