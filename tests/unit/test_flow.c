/* Tests of flow charts: steps stay in order through insert, move and delete;
 * the drawing marks risk steps and their risk points, in boxes or ASCII. */
#include "t.h"
#include "fixture.h"
#include "lianfang/flow.h"
#include "lianfang/page.h"
#include "lianfang/risk.h"

#include <string.h>

/* The actions of a power's steps, "a|b|c", and whether seqs are 1..n. */
static const char *order(struct fx *f, int *numbered)
{
	static char buf[512];
	struct lf_step_list l;
	struct lf_page pg;
	int i;

	buf[0] = 0;
	*numbered = 1;
	lf_page_init(&pg, 100);
	if (lf_step_list(f->db, f->power, &pg, &l))
		return "?";
	for (i = 0; i < l.n; i++) {
		strncat(buf, i ? "|" : "", sizeof buf - strlen(buf) - 1);
		strncat(buf, l.v[i].action, sizeof buf - strlen(buf) - 1);
		*numbered &= l.v[i].seq == i + 1;
	}
	lf_step_list_free(&l);
	return buf;
}

TEST(flow_steps_keep_their_order)
{
	struct lf_step_in in = { 0 };
	char gid[33];
	struct fx f;
	int numbered;

	if (!fx_open(&f, "fl-order.db"))
		return;
	T_EQ_STR(order(&f, &numbered), "提交申请材料|审查材料是否齐全|出具受理通知书", "three steps from the fixture");
	in.action = "一次性告知补正";
	T_STATUS(lf_step_insert(f.db, f.power, 2, &in, gid), LF_OK, "insert at 2");
	T_EQ_STR(order(&f, &numbered), "提交申请材料|一次性告知补正|审查材料是否齐全|出具受理通知书", "inserted second");
	T_OK(numbered, "numbered 1..4");
	T_STATUS(lf_step_move(f.db, gid, 4), LF_OK, "move it last");
	T_EQ_STR(order(&f, &numbered), "提交申请材料|审查材料是否齐全|出具受理通知书|一次性告知补正", "moved last");
	T_OK(numbered, "still 1..4");
	T_STATUS(lf_step_move(f.db, gid, 1), LF_OK, "move it first");
	T_EQ_STR(order(&f, &numbered), "一次性告知补正|提交申请材料|审查材料是否齐全|出具受理通知书", "moved first");
	T_STATUS(lf_step_move(f.db, gid, 9), LF_INVALID, "moving past the end is refused");
	T_STATUS(lf_step_delete(f.db, f.step[0]), LF_OK, "delete 提交申请材料");
	T_EQ_STR(order(&f, &numbered), "一次性告知补正|审查材料是否齐全|出具受理通知书", "deleted");
	T_OK(numbered, "renumbered 1..3");
	in.action = "";
	T_STATUS(lf_step_insert(f.db, f.power, 0, &in, gid), LF_INVALID, "a step needs an action");
	T_OK(strstr(fx_err(), "办理事项") != NULL, "names the field: %s", fx_err());
	T_STATUS(lf_step_at(f.db, f.power, 2, gid), LF_OK, "step 2 by number");
	T_OK(!strcmp(gid, f.step[1]), "step 2 is the risky one");
	fx_close(&f);
}

TEST(flow_linked_step_cannot_be_deleted)
{
	struct lf_risk_in in = { 0 };
	char sc[33], risk[33];
	struct fx f;

	if (!fx_open(&f, "fl-linked.db") || !fx_form(&f, 0, sc))
		return;
	in.description = "对材料不全的申请违规受理";
	in.step = f.step[1];
	T_STATUS(lf_risk_add(f.db, sc, &in, risk), LF_OK, "a risk on the risky step (its power implied)");
	T_STATUS(lf_step_delete(f.db, f.step[1]), LF_STATE, "the step cannot go while linked");
	T_OK(strstr(fx_err(), "关联着 1 个风险点") != NULL, "says why: %s", fx_err());
	fx_close(&f);
}

static int lines_with(const struct lf_lines *l, const char *needle, int mark)
{
	int i, n = 0;

	for (i = 0; i < l->n; i++)
		n += strstr(l->v[i].text, needle) && l->v[i].mark == mark;
	return n;
}

static int widths_equal(const struct lf_lines *l, int from, int width)
{
	int i;

	for (i = from; i < l->n; i++)
		if (l->v[i].text[0] != ' ' && lf_text_width(l->v[i].text) != width)
			return 0;
	return 1;
}

TEST(flow_chart_drawing)
{
	struct lf_risk_in in = { 0 };
	struct lf_lines l;
	char sc[33], risk[33];
	struct fx f;

	if (!fx_open(&f, "fl-chart.db") || !fx_form(&f, 0, sc))
		return;
	in.description = "对材料不全的申请违规受理，或对符合条件的故意刁难、拖延，收受申请人礼品礼金";
	in.probability = "3";
	in.severity = "3";
	in.step = f.step[1];
	lf_risk_add(f.db, sc, &in, risk);
	{
		struct lf_step_in two_lines = { 0 };

		two_lines.action = "审查材料是否齐全\n\t核对申请人身份";
		lf_step_edit(f.db, f.step[1], &two_lines);
	}
	if (!T_OK(lf_flow_chart(f.db, f.power, f.cycle, 0, 60, &l) == LF_OK, "draw with box characters"))
		return;
	T_OK(strstr(l.v[0].text, "受理审查（执行权）") != NULL, "heading: %s", l.v[0].text);
	T_EQ_INT(lines_with(&l, "┌", 0), 2, "two plain boxes");
	T_EQ_INT(lines_with(&l, "╔", 1), 1, "one risk box, marked");
	T_EQ_INT(lines_with(&l, "【风险环节】", 1), 1, "labelled as a risk step");
	T_OK(lines_with(&l, "高）：对材料不全", 1) == 1, "its risk point with its level");
	T_EQ_INT(lines_with(&l, "▼", 0), 2, "two arrows between three boxes");
	T_OK(widths_equal(&l, 1, 60), "every box line is 60 columns, wrapped Chinese and line breaks included");
	T_EQ_INT(lines_with(&l, "║  核对申请人身份", 1), 1, "a line break in the text starts a new line in the box");
	lf_lines_free(&l);
	if (!T_OK(lf_flow_chart(f.db, f.power, f.cycle, 1, 60, &l) == LF_OK, "draw in ASCII"))
		return;
	T_EQ_INT(lines_with(&l, "┌", 0) + lines_with(&l, "╔", 1) + lines_with(&l, "▼", 0), 0, "no box-drawing characters");
	T_EQ_INT(lines_with(&l, "#====", 1), 2, "the risk box in '#' and '='");
	T_OK(lines_with(&l, "+----", 0) >= 2, "plain boxes in '+' and '-'");
	T_OK(widths_equal(&l, 1, 60), "ASCII lines are 60 columns too");
	lf_lines_free(&l);
	fx_close(&f);
}
