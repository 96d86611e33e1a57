/* Tests of the summary table: search in Chinese (trigram index for three or
 * more characters, LIKE below), filters, the heat map, and keyset paging that
 * gives the same rows in the same order whatever the page size. */
#include "t.h"
#include "fixture.h"
#include "lianfang/grade.h"
#include "lianfang/heatmap.h"
#include "lianfang/org.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

static const char *const texts[][2] = {
	{ "收受供应商回扣、礼品礼金", "签订廉洁承诺书，向供应商发放廉情监督卡" },
	{ "对材料不全的申请违规受理", "公开办事指南和一次性告知清单" },
	{ "滥用自由裁量权，同案不同罚", "细化自由裁量基准，处罚建议写明裁量理由" },
	{ "按规定收费100%公开", "收费标准上墙公示" },
};

static int add_risk(struct fx *f, const char *sc, const char *desc, const char *measure, const char *p, const char *s,
                    char gid[33])
{
	struct lf_risk_in r = { 0 };
	struct lf_measure_in m = { 0 };

	r.description = desc;
	r.category = "行政审批";
	r.probability = p;
	r.severity = s;
	m.content = measure;
	return lf_risk_add(f->db, sc, &r, gid) == LF_OK && lf_measure_add(f->db, gid, &m, NULL, NULL) == LF_OK;
}

/* How many rows a search finds (all pages), or -1. */
static int found(struct fx *f, const char *text)
{
	struct lf_summary_filter flt = { 0 };
	struct lf_summary_list l;
	struct lf_page pg;
	int n = 0;

	flt.cycle = f->cycle;
	flt.text = text;
	lf_page_init(&pg, 2);
	do {
		if (lf_summary_page(f->db, &flt, &pg, &l))
			return -1;
		n += l.n;
		lf_summary_list_free(&l);
	} while (lf_page_advance(&pg));
	return n;
}

TEST(search_chinese_long_and_short)
{
	char sc[33], gid[4][33];
	struct lf_risk_in edit = { 0 };
	struct fx f;
	size_t i;

	if (!fx_open(&f, "sr.db") || !fx_form(&f, 0, sc))
		return;
	for (i = 0; i < LF_COUNT(texts); i++)
		add_risk(&f, sc, texts[i][0], texts[i][1], "2", "2", gid[i]);
	T_OK(lf_search_uses_index("供应商") && !lf_search_uses_index("回扣"), "3 characters use the index, 2 do not");
	T_EQ_INT(found(&f, "供应商回扣"), 1, "a risk by 5 characters (FTS5 trigram)");
	T_EQ_INT(found(&f, "回扣"), 1, "a risk by 2 characters (LIKE)");
	T_EQ_INT(found(&f, "裁"), 1, "one character");
	T_EQ_INT(found(&f, "廉情监督卡"), 1, "by a measure's text");
	T_EQ_INT(found(&f, "市场主体登记"), 4, "by the post's duties: every risk of the post");
	T_EQ_INT(found(&f, "上墙"), 1, "a 2-character measure");
	T_EQ_INT(found(&f, "0%"), 1, "% is literal in a short search");
	T_EQ_INT(found(&f, "%"), 1, "% alone does not match everything");
	T_EQ_INT(found(&f, "引号\"测试"), 0, "a quote in a long search is harmless");
	T_EQ_INT(found(&f, "没有这段文字"), 0, "nothing found");
	edit.description = "对材料不全的申请违规受理，或故意刁难";
	lf_risk_edit(f.db, gid[1], &edit, NULL);
	T_EQ_INT(found(&f, "故意刁难"), 1, "an edited description is found by its new text");
	lf_risk_retire(f.db, gid[0], 1, NULL);
	T_EQ_INT(found(&f, "供应商回扣"), 0, "a retired risk is not in the table");
	lf_risk_delete(f.db, gid[2], NULL);
	T_EQ_INT(found(&f, "自由裁量"), 0, "a deleted risk is gone from the index");
	fx_close(&f);
}

TEST(summary_filters_and_heatmap)
{
	struct lf_summary_filter flt = { 0 };
	struct lf_summary_list l;
	struct lf_heatmap h;
	struct lf_page pg;
	char sc[33], gid[3][33];
	struct fx f;

	if (!fx_open(&f, "sm.db") || !fx_form(&f, 0, sc))
		return;
	add_risk(&f, sc, texts[0][0], texts[0][1], "3", "3", gid[0]); /* 高 */
	add_risk(&f, sc, texts[1][0], texts[1][1], "2", "2", gid[1]); /* 中 */
	add_risk(&f, sc, texts[2][0], texts[2][1], "2", "2", gid[2]); /* 中, set to 高 */
	lf_grade_set_level(f.db, gid[2], "高", "近年发生过同类案件");
	flt.cycle = f.cycle;
	flt.level = 3;
	lf_page_init(&pg, 10);
	if (T_OK(lf_summary_page(f.db, &flt, &pg, &l) == LF_OK, "filter by level")) {
		T_EQ_INT(l.n, 2, "two decided high, one of them by the leadership");
		T_OK(l.n == 2 && l.v[0].no == 1 && l.v[1].no == 2, "numbered 1, 2");
		T_OK(l.n == 2 && l.v[1].level_proposed == 2 && l.v[1].level_reason, "the override keeps its proposal and reason");
		T_OK(l.n >= 1 && !strcmp(l.v[0].person_name, "王静") && !strcmp(l.v[0].post_name, "受理审查岗") &&
		     l.v[0].duties && l.v[0].measures && !strcmp(l.v[0].measures, texts[0][1]),
		     "the columns of 附件2: name, post, duties, measures");
		lf_summary_list_free(&l);
	}
	flt.level = 0;
	flt.status = "submitted";
	lf_page_init(&pg, 10);
	if (lf_summary_page(f.db, &flt, &pg, &l) == LF_OK) {
		T_EQ_INT(l.n, 0, "nothing submitted yet");
		lf_summary_list_free(&l);
	}
	lf_review_step(f.db, sc, LF_REVIEW_SUBMIT, NULL);
	lf_page_init(&pg, 10);
	if (lf_summary_page(f.db, &flt, &pg, &l) == LF_OK) {
		T_EQ_INT(l.n, 3, "filter by form status");
		lf_summary_list_free(&l);
	}
	flt.status = NULL;
	T_STATUS(lf_heatmap_get(f.db, &flt, &h), LF_OK, "heat map");
	T_OK(h.count[3][3] == 1 && h.count[2][2] == 2 && h.total == 3, "counts per cell");
	T_OK(h.level[3][3] == 3 && h.level[2][2] == 2 && h.level[1][1] == 1, "the matrix's level of each cell");
	T_OK(h.by_level[3] == 2 && h.by_level[2] == 1 && h.overridden == 1, "by decided level, one override");
	flt.probability = 2;
	flt.severity = 2;
	lf_page_init(&pg, 10);
	if (lf_summary_page(f.db, &flt, &pg, &l) == LF_OK) {
		T_EQ_INT(l.n, 2, "the risks of cell 2×2");
		lf_summary_list_free(&l);
	}
	fx_close(&f);
}

/* Many departments, posts, persons and risks; every page size gives the same
 * table. */
TEST(summary_pages_are_stable)
{
	struct lf_summary_filter flt = { 0 };
	struct fx f;
	char want[8000] = "", got[8000];
	int d, p, r, sizes[] = { 1, 3, 7, 1000 }, k, total = 0;

	if (!fx_open(&f, "pg.db"))
		return;
	for (d = 0; d < 3; d++) {
		struct lf_dept_in din = { 0 };
		char dept[33], name[32], seq[8];

		snprintf(name, sizeof name, "处室%d", d);
		snprintf(seq, sizeof seq, "%d", 3 - d); /* seq order differs from name order */
		din.name = name;
		din.seq = seq;
		lf_dept_add(f.db, &din, dept);
		for (p = 0; p < 3; p++) {
			struct lf_post_in pin = { dept, NULL, "职责", NULL };
			struct lf_person_in xin = { 0 };
			char post[33], person[33], sc[33], pname[32];

			snprintf(pname, sizeof pname, "岗位%d", p);
			pin.name = pname;
			lf_post_add(f.db, &pin, post);
			xin.name = p == 1 ? "同名" : "某人";
			xin.post = post;
			lf_person_add(f.db, &xin, person);
			lf_selfcheck_new(f.db, f.cycle, post, person, NULL, sc);
			for (r = 0; r < (p + d) % 3 + 1; r++) {
				char gid[33], desc[64];

				snprintf(desc, sizeof desc, "风险%d-%d-%d", d, p, r);
				add_risk(&f, sc, desc, "措施", "1", "1", gid);
				total++;
			}
		}
	}
	flt.cycle = f.cycle;
	for (k = 0; k < (int)LF_COUNT(sizes); k++) {
		struct lf_page pg;
		int rows = 0, ok = 1;

		got[0] = 0;
		lf_page_init(&pg, sizes[k]);
		do {
			struct lf_summary_list l;
			int i;

			if (lf_summary_page(f.db, &flt, &pg, &l)) {
				ok = 0;
				break;
			}
			for (i = 0; i < l.n; i++) {
				ok &= l.v[i].no == ++rows;
				strncat(got, l.v[i].description, sizeof got - strlen(got) - 2);
				strcat(got, ",");
			}
			ok &= l.n <= sizes[k];
			lf_summary_list_free(&l);
		} while (lf_page_advance(&pg));
		T_OK(ok && rows == total, "pages of %d: %d rows numbered 1…%d", sizes[k], rows, total);
		if (k == 0)
			memcpy(want, got, sizeof want);
		else
			T_OK(!strcmp(want, got), "pages of %d give the same order as pages of 1", sizes[k]);
	}
	T_OK(!strncmp(want, "风险2-0-0,风险2-0-1,风险2-0-2,", strlen("风险2-0-0,风险2-0-1,风险2-0-2,")),
	     "departments in their seq order, then posts, then risks: %.60s", want);
	fx_close(&f);
}

TEST(org_lists_page_and_retire_rules)
{
	struct lf_post_list pl;
	struct lf_dept_in din = { "登记注册科", NULL, NULL, NULL };
	struct lf_page pg;
	char gid[33];
	struct fx f;
	int n = 0;

	if (!fx_open(&f, "org.db"))
		return;
	T_STATUS(lf_dept_add(f.db, &din, gid), LF_EXISTS, "a second 登记注册科 is refused");
	din.name = "  ";
	T_STATUS(lf_dept_add(f.db, &din, gid), LF_INVALID, "an empty name is refused");
	T_STATUS(lf_dept_retire(f.db, f.dept, 1), LF_STATE, "a department with posts in use cannot retire");
	T_STATUS(lf_post_retire(f.db, f.post, 1), LF_STATE, "a post with persons cannot retire");
	T_STATUS(lf_person_retire(f.db, f.staff, 1), LF_OK, "王静 leaves");
	T_STATUS(lf_post_retire(f.db, f.post, 1), LF_OK, "now the post can retire");
	lf_page_init(&pg, 1);
	do {
		if (lf_post_list(f.db, NULL, 0, &pg, &pl))
			break;
		n += pl.n;
		lf_post_list_free(&pl);
	} while (lf_page_advance(&pg));
	T_EQ_INT(n, 1, "pages of one post: the retired post is hidden");
	lf_page_init(&pg, 1);
	n = 0;
	do {
		if (lf_post_list(f.db, NULL, 1, &pg, &pl))
			break;
		n += pl.n;
		lf_post_list_free(&pl);
	} while (lf_page_advance(&pg));
	T_EQ_INT(n, 2, "and shown when asked, still in history");
	lf_page_init(&pg, 10);
	snprintf(pg.after, sizeof pg.after, "x1");
	T_STATUS(lf_post_list(f.db, NULL, 0, &pg, &pl), LF_INVALID, "a malformed page key is refused");
	fx_close(&f);
}
