/* overview: what the title line and the home screen show — this unit, its
 * current cycle (年度) and phase, and how many records it holds. Read-only.
 * When the cycle model (cycle.h) grows its own "current cycle", this should
 * ask it instead of reading the cycle table itself. No curses. */
#ifndef LIANFANG_OVERVIEW_H
#define LIANFANG_OVERVIEW_H

#include "lianfang/rec.h"

struct lf_overview {
	char unit_code[LF_CODE_MAX + 1];
	char *unit_name;
	char cycle[LF_GID_LEN + 1];  /* the current cycle's gid, "" if none */
	int year;                    /* its year, 0 if none */
	int phase;                   /* 1–4: set by hand, else by today's date; 0 if unknown */
};

/* The current cycle is this unit's newest one not closed (else its newest). */
lf_status lf_overview_load(struct lf_db *db, struct lf_overview *o);
void lf_overview_clear(struct lf_overview *o);
/* Live records of kind k this unit owns. */
lf_status lf_overview_count(struct lf_db *db, const struct lf_kind *k, long long *n);
/* "动员部署", "查找风险", "防范监督", "检查考核"; "" for 0. */
const char *lf_phase_label(int phase);

#endif
