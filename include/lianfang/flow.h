/* flow: the power-flow chart (权力运行流程图) of a power — its ordered steps
 * (who acts, what is done, condition, time limit, supervision), the steps
 * where risk sits marked — and its drawing as text: a vertical chart of boxes
 * with box-drawing characters (or plain ASCII for terminals that show them
 * badly), risk steps in double boxes with their risk points. The drawing is
 * lines of text: the CLI prints them, a screen draws and colours them. */
#ifndef LIANFANG_FLOW_H
#define LIANFANG_FLOW_H

#include "lianfang/page.h"

#define LF_STEPS_MAX 999

struct lf_step_in {
	const char *actor, *action, *condition, *time_limit, *supervision, *risky;
};

struct lf_step {
	long long id;
	char gid[LF_GID_LEN + 1], power[LF_GID_LEN + 1];
	int seq, risky;
	const char *actor, *action, *condition, *time_limit, *supervision;
	int risks; /* live risk points linked to the step (any cycle) */
};

struct lf_step_list {
	struct lf_step *v;
	int n;
	struct lf_arena arena;
};

/* Insert a step at position `at` (1 = first; 0 or past the end = last); the
 * steps after it move down. Steps stay numbered 1, 2, 3 … Needs
 * LF_ACT_POWER_EDIT for the power's department. One transaction. */
lf_status lf_step_insert(struct lf_db *db, const char *power, int at, const struct lf_step_in *in,
                         char gid[LF_GID_LEN + 1]);
lf_status lf_step_edit(struct lf_db *db, const char *gid, const struct lf_step_in *in);
/* Move a step to position `to` (1 … number of steps). */
lf_status lf_step_move(struct lf_db *db, const char *gid, int to);
/* Delete a step; refused while risk points are linked to it. */
lf_status lf_step_delete(struct lf_db *db, const char *gid);
/* The n-th step of a power (for "step 3 of power X"). */
lf_status lf_step_at(struct lf_db *db, const char *power, int seq, char gid[LF_GID_LEN + 1]);
lf_status lf_step_list(struct lf_db *db, const char *power, struct lf_page *pg, struct lf_step_list *out);
void lf_step_list_free(struct lf_step_list *l);

/* Draw the chart of a power `width` columns wide (40 … 200): a heading, then
 * one box per step joined by arrows; risk steps in double (ASCII: '#') boxes
 * marked 【风险环节】 with the risk points linked to them in `cycle` (NULL:
 * any cycle) and their levels. Each line's item is its step's number; mark is
 * 1 on risk steps. */
lf_status lf_flow_chart(struct lf_db *db, const char *power, const char *cycle, int ascii, int width,
                        struct lf_lines *out);

#endif
