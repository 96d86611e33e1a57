/* coverage: what phase 2 has not covered yet — powers with no flow chart,
 * flow-chart steps marked risky with no risk point in the cycle, and posts in
 * use with no self-check form in the cycle. Counts for the home screen, and
 * keyset pages of each list — of what the acting user may read (LF_ACT_READ:
 * powers and posts of their own post, covered departments, or the unit). */
#ifndef LIANFANG_COVERAGE_H
#define LIANFANG_COVERAGE_H

#include "lianfang/page.h"

enum lf_gap {
	LF_GAP_POWER_NO_CHART, /* powers in use with no flow step */
	LF_GAP_STEP_NO_RISK,   /* risky steps with no live risk point in the cycle */
	LF_GAP_POST_NO_FORM,   /* posts in use with no self-check form in the cycle */
};

struct lf_coverage {
	int powers, powers_no_chart;
	int risky_steps, steps_no_risk;
	int posts, posts_no_form;
};

struct lf_gap_row {
	long long id;
	char gid[LF_GID_LEN + 1]; /* the power, step or post */
	const char *dept_name;
	const char *name;         /* power name; step: its power's name; post name */
	int seq;                  /* step number (steps only) */
	const char *detail;       /* step: its action; post: its persons; power: its post */
};

struct lf_gap_list {
	struct lf_gap_row *v;
	int n;
	struct lf_arena arena;
};

/* Counts for the unit (dept NULL) or a department. */
lf_status lf_coverage_get(struct lf_db *db, const char *cycle, const char *dept, struct lf_coverage *c);
/* One page of a gap list, in department order. */
lf_status lf_coverage_list(struct lf_db *db, enum lf_gap gap, const char *cycle, const char *dept,
                           struct lf_page *pg, struct lf_gap_list *out);
void lf_gap_list_free(struct lf_gap_list *l);

#endif
