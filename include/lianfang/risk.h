/* risk: risk points (廉政风险点) and their prevention measures (防控措施).
 * A risk belongs to a cycle and a post — usually through a person's
 * self-check form — and may name the power and the flow-chart step where it
 * sits. Its fields (DESIGN.md): description, category, source, how it was
 * found, probability and severity; the level the matrix proposes is computed
 * here on every change (grade.h), the level the leadership decides is set in
 * grade.c. Changing a risk or a measure of a signed form sends the form back
 * (selfcheck.h). */
#ifndef LIANFANG_RISK_H
#define LIANFANG_RISK_H

#include "lianfang/page.h"

struct lf_risk_in {
	const char *description, *category, *source, *found_by;
	const char *probability, *severity; /* 1 … the matrix size */
	const char *power, *step;           /* gids; a step implies its power */
	const char *remarks, *seq;
	const char *person;                 /* gid of a person on the post whom a risk of the post
	                                     * concerns; a form's risk is its person's */
};

struct lf_risk {
	long long id;
	char gid[LF_GID_LEN + 1], cycle[LF_GID_LEN + 1], selfcheck[LF_GID_LEN + 1], post[LF_GID_LEN + 1],
		person[LF_GID_LEN + 1], power[LF_GID_LEN + 1], step[LF_GID_LEN + 1]; /* "" when unset */
	int seq;
	const char *description, *category, *source, *found_by, *remarks, *level_reason;
	int probability, severity, level_proposed, level; /* 0 when unset */
	int retired;
	const char *power_name; /* NULL when unset */
	int step_seq;           /* 0 when unset */
	int measures;
};

struct lf_risk_list {
	struct lf_risk *v;
	int n;
	struct lf_arena arena;
};

/* Add a risk to a self-check form (its cycle, post and person). Category,
 * source and found-by must be in the unit's lists (grade.h). Needs
 * LF_ACT_SELFCHECK_EDIT for the form's post. */
lf_status lf_risk_add(struct lf_db *db, const char *selfcheck, const struct lf_risk_in *in,
                      char gid[LF_GID_LEN + 1]);
/* Add a risk of a post found outside a self-check (部门评查, 交叉互查 …),
 * maybe concerning one person on the post (in->person); numbered after the
 * post's others unless in->seq says where.
 * Needs LF_ACT_RISK_FIND for the post's department; so do editing, retiring
 * and deleting such a risk, and its measures need LF_ACT_MEASURE_EDIT. A
 * risk on a form is changed by its person (LF_ACT_SELFCHECK_EDIT). */
lf_status lf_risk_add_to_post(struct lf_db *db, const char *cycle, const char *post, const struct lf_risk_in *in,
                              char gid[LF_GID_LEN + 1]);
/* *reopened (may be NULL) = 1 when the change sent a signed form back. */
lf_status lf_risk_edit(struct lf_db *db, const char *gid, const struct lf_risk_in *in, int *reopened);
lf_status lf_risk_retire(struct lf_db *db, const char *gid, int retired, int *reopened);
/* Delete a risk and its measures (a mistake, not a risk that no longer
 * applies: retire that). */
lf_status lf_risk_delete(struct lf_db *db, const char *gid, int *reopened);
lf_status lf_risk_get(struct lf_db *db, const char *gid, struct lf_risk_list *out);
/* The risks of a form, in order (retired ones too when asked). */
lf_status lf_risk_list(struct lf_db *db, const char *selfcheck, int with_retired, struct lf_page *pg,
                       struct lf_risk_list *out);
/* The risks of a post found outside a form (部门评查 …) in a cycle, in order. */
lf_status lf_risk_list_of_post(struct lf_db *db, const char *cycle, const char *post, int with_retired,
                               struct lf_page *pg, struct lf_risk_list *out);
/* The live risks linked to a power in a cycle (on forms or posts), in their
 * order: after LF_ACT_READ on the power, those the acting user may read. */
lf_status lf_risk_list_of_power(struct lf_db *db, const char *power, const char *cycle, struct lf_page *pg,
                                struct lf_risk_list *out);
/* The risks linked to a flow-chart step (its 风险点), in `cycle` (NULL: any),
 * in the order they were found; not retired ones. Needs LF_ACT_READ for the
 * step's power. */
lf_status lf_risk_list_step(struct lf_db *db, const char *step, const char *cycle, struct lf_page *pg,
                            struct lf_risk_list *out);
void lf_risk_list_free(struct lf_risk_list *l);
/* Move a risk one place up (dir < 0) or down (dir > 0) among the risks of
 * its form (or of its post, for a risk found outside a self-check), retired
 * ones included, and number them 1, 2, … in the new order — in one
 * transaction. The order is part of what was signed, so a signed form goes
 * back (*reopened, may be NULL). LF_STATE at the first or last place. Needs
 * what lf_risk_edit needs. */
lf_status lf_risk_move(struct lf_db *db, const char *gid, int dir, int *reopened);
/* The highest probability or severity given to any risk of this unit (the
 * matrix may not shrink below it). */
lf_status lf_risk_max_score(struct lf_db *db, int *max);
/* Copy a risk and its measures into another cycle and form, for the next
 * cycle (measures restart as planned). */
lf_status lf_risk_copy(struct lf_db *db, const char *risk, const char *cycle, const char *selfcheck, int *measures);

/* Measures. stage: 前期预防, 中期监控, 后期处置; status: planned/doing/done
 * (also 计划, 进行中, 已完成). */
struct lf_measure_in {
	const char *stage, *content, *rule, *responsible, *supervisor, *due, *status, *done, *seq;
};

struct lf_measure {
	long long id;
	char gid[LF_GID_LEN + 1], risk[LF_GID_LEN + 1], responsible[LF_GID_LEN + 1], supervisor[LF_GID_LEN + 1];
	int seq;
	const char *stage, *content, *rule, *responsible_name, *supervisor_name, *due, *status, *done;
};

struct lf_measure_list {
	struct lf_measure *v;
	int n;
	struct lf_arena arena;
};

lf_status lf_measure_add(struct lf_db *db, const char *risk, const struct lf_measure_in *in,
                         char gid[LF_GID_LEN + 1], int *reopened);
/* An edit of only responsible, supervisor, due, status and done (carrying
 * the measure out, not what was signed) is also allowed to whoever may
 * LF_ACT_MEASURE_EDIT, at any state of the form; anything else on a form's
 * measure needs LF_ACT_SELFCHECK_EDIT, like adding or deleting one. */
lf_status lf_measure_edit(struct lf_db *db, const char *gid, const struct lf_measure_in *in, int *reopened);
lf_status lf_measure_delete(struct lf_db *db, const char *gid, int *reopened);
/* Move a measure one place up or down among its risk's measures, as
 * lf_risk_move. */
lf_status lf_measure_move(struct lf_db *db, const char *gid, int dir, int *reopened);
lf_status lf_measure_list(struct lf_db *db, const char *risk, struct lf_page *pg, struct lf_measure_list *out);
void lf_measure_list_free(struct lf_measure_list *l);
/* The label of a stored measure status, and the stored name of a label. */
const char *lf_measure_status_label(const char *status);

#endif
