/* Tests of reordering risks and measures (lf_risk_move, lf_measure_move):
 * the new order, the numbers 1…n, the edges refused, retired risks keeping
 * their place, and a signed form sent back because its order changed. */
#include "t.h"
#include "fixture.h"
#include "lianfang/reclist.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

/* The descriptions of a form's risks in order, with seq: "1甲 2乙 3丙". */
static const char *order(struct fx *f, const char *sc)
{
	static char buf[512];
	struct lf_risk_list l;
	struct lf_page pg;
	int i;

	buf[0] = 0;
	lf_page_init(&pg, 50);
	if (lf_risk_list(f->db, sc, 1, &pg, &l))
		return "?";
	for (i = 0; i < l.n; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%d%s", i ? " " : "", l.v[i].seq,
		         l.v[i].description);
	lf_risk_list_free(&l);
	return buf;
}

static const char *measures(struct fx *f, const char *risk)
{
	static char buf[512];
	struct lf_measure_list l;
	struct lf_page pg;
	int i;

	buf[0] = 0;
	lf_page_init(&pg, 50);
	if (lf_measure_list(f->db, risk, &pg, &l))
		return "?";
	for (i = 0; i < l.n; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%d%s", i ? " " : "", l.v[i].seq, l.v[i].content);
	lf_measure_list_free(&l);
	return buf;
}

static int add(struct fx *f, const char *sc, const char *what, char gid[33])
{
	struct lf_risk_in in = { 0 };

	in.description = what;
	return lf_risk_add(f->db, sc, &in, gid) == LF_OK;
}

TEST(risk_move_up_and_down)
{
	struct fx f;
	char sc[33], a[33], b[33], c[33];
	struct lf_selfcheck_in in = { NULL, "2026-04-08" };
	int reopened = -1;

	if (!fx_open(&f, "move.db"))
		return;
	T_STATUS(lf_selfcheck_new(f.db, f.cycle, f.post, f.staff, &in, sc), LF_OK, "form");
	T_OK(add(&f, sc, "甲", a) && add(&f, sc, "乙", b) && add(&f, sc, "丙", c), "three risks");
	T_EQ_STR(order(&f, sc), "1甲 2乙 3丙", "in the order added");
	T_STATUS(lf_risk_move(f.db, c, -1, &reopened), LF_OK, "丙 up");
	T_EQ_STR(order(&f, sc), "1甲 2丙 3乙", "丙 moved above 乙");
	T_EQ_INT(reopened, 0, "a draft is not sent back");
	T_STATUS(lf_risk_move(f.db, c, -1, NULL), LF_OK, "丙 up again");
	T_EQ_STR(order(&f, sc), "1丙 2甲 3乙", "丙 first");
	T_STATUS(lf_risk_move(f.db, c, -1, NULL), LF_STATE, "the first cannot go up");
	T_OK(strstr(f.db->err, "最前面") != NULL, "says why: %s", f.db->err);
	T_STATUS(lf_risk_move(f.db, b, 1, NULL), LF_STATE, "the last cannot go down");
	T_OK(strstr(f.db->err, "最后面") != NULL, "says why: %s", f.db->err);
	T_STATUS(lf_risk_move(f.db, a, 1, NULL), LF_OK, "甲 down");
	T_EQ_STR(order(&f, sc), "1丙 2乙 3甲", "甲 last");
	/* a retired risk keeps its place and can be moved */
	T_STATUS(lf_risk_retire(f.db, b, 1, NULL), LF_OK, "乙 retired");
	T_STATUS(lf_risk_move(f.db, a, -1, NULL), LF_OK, "甲 up past the retired 乙");
	T_EQ_STR(order(&f, sc), "1丙 2甲 3乙", "retired risks are in the order too");
	fx_close(&f);
}

TEST(risk_move_renumbers_duplicates)
{
	struct fx f;
	char sc[33], a[33], b[33], c[33];
	struct lf_selfcheck_in in = { NULL, "2026-04-08" };
	struct lf_risk_in same = { 0 };

	if (!fx_open(&f, "move-dup.db"))
		return;
	T_STATUS(lf_selfcheck_new(f.db, f.cycle, f.post, f.staff, &in, sc), LF_OK, "form");
	T_OK(add(&f, sc, "甲", a) && add(&f, sc, "乙", b) && add(&f, sc, "丙", c), "three risks");
	/* an import or an old copy may leave two risks with one number */
	same.seq = "1";
	T_STATUS(lf_risk_edit(f.db, b, &same, NULL), LF_OK, "乙 numbered 1 like 甲");
	T_STATUS(lf_risk_move(f.db, c, -1, NULL), LF_OK, "丙 up");
	T_EQ_STR(order(&f, sc), "1甲 2丙 3乙", "numbered 1…n in the shown order");
	fx_close(&f);
}

TEST(risk_move_sends_a_signed_form_back)
{
	struct fx f;
	char sc[33], r2[33];
	struct lf_review_in sub = { 0 }, head = { 0 };
	struct lf_risk_list l;
	struct lf_page pg;
	int reopened = -1;

	if (!fx_open(&f, "move-signed.db"))
		return;
	if (!fx_form(&f, 2, sc))
		return;
	lf_page_init(&pg, 10);
	T_STATUS(lf_risk_list(f.db, sc, 0, &pg, &l), LF_OK, "risks");
	snprintf(r2, sizeof r2, "%s", l.n == 2 ? l.v[1].gid : "");
	lf_risk_list_free(&l);
	sub.signer = "王静";
	sub.date = "2026-04-10";
	head.signer = "李建国";
	head.date = "2026-04-12";
	T_STATUS(lf_review_step(f.db, sc, LF_REVIEW_SUBMIT, &sub), LF_OK, "submitted");
	T_STATUS(lf_review_step(f.db, sc, LF_REVIEW_HEAD, &head), LF_OK, "head signed");
	T_STATUS(lf_risk_move(f.db, r2, -1, &reopened), LF_OK, "second risk moved up");
	T_EQ_INT(reopened, 1, "the head's signature no longer counts");
	{
		struct lf_selfcheck_list s;

		T_STATUS(lf_selfcheck_get(f.db, sc, &s), LF_OK, "form read");
		T_EQ_STR(s.n ? s.v[0].status : "", "draft", "back to draft");
		lf_selfcheck_list_free(&s);
	}
	fx_close(&f);
}

TEST(measure_move)
{
	struct fx f;
	char sc[33], risk[33], m[3][33];
	struct lf_selfcheck_in in = { NULL, "2026-04-08" };
	static const char *const text[] = { "一", "二", "三" };
	int i;

	if (!fx_open(&f, "move-measure.db"))
		return;
	T_STATUS(lf_selfcheck_new(f.db, f.cycle, f.post, f.staff, &in, sc), LF_OK, "form");
	T_OK(add(&f, sc, "甲", risk), "a risk");
	for (i = 0; i < 3; i++) {
		struct lf_measure_in mi = { 0 };

		mi.content = text[i];
		T_STATUS(lf_measure_add(f.db, risk, &mi, m[i], NULL), LF_OK, "measure");
	}
	T_EQ_STR(measures(&f, risk), "1一 2二 3三", "in the order added");
	T_STATUS(lf_measure_move(f.db, m[0], 1, NULL), LF_OK, "一 down");
	T_EQ_STR(measures(&f, risk), "1二 2一 3三", "一 second");
	T_STATUS(lf_measure_move(f.db, m[2], 1, NULL), LF_STATE, "the last cannot go down");
	T_STATUS(lf_measure_move(f.db, "00000000000000000000000000000000", 1, NULL), LF_NOTFOUND, "no such measure");
	fx_close(&f);
}

/* A self-check is named by its person: the history page's title and a
 * reference to the form said a gid (regression: the cycle's). */
TEST(record_label_of_a_selfcheck_is_its_person)
{
	struct fx f;
	char sc[33];
	char *label;

	if (!fx_open(&f, "label.db"))
		return;
	T_OK(fx_form(&f, 1, sc), "a form of 王静");
	label = lf_record_label(f.db, lf_kind_find("selfcheck"), sc);
	T_EQ_STR(label ? label : "(null)", "王静", "the form is labelled by its person's name");
	lf_free(label);
	T_OK(lf_record_label(f.db, lf_kind_find("selfcheck"), f.cycle) == NULL, "no label for a gid of another kind");
	fx_close(&f);
}
