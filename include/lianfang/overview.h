/* overview: what the title line and the home screen show — this unit, its
 * current cycle (年度) and phase, from the cycle model (cycle.h), and how
 * many records it holds. Read-only. No curses. */
#ifndef LIANFANG_OVERVIEW_H
#define LIANFANG_OVERVIEW_H

#include "lianfang/rec.h"
#include "lianfang/util.h"

struct lf_overview {
	char unit_code[LF_CODE_MAX + 1];
	char *unit_name;
	char cycle[LF_GID_LEN + 1];  /* the current cycle's gid, "" if none */
	int year;                    /* its year, 0 if none */
	int phase;                   /* lf_cycle_phase: 1–4, 0 not begun, 5 over */
	int cycle_denied;            /* the user may not read the cycle */
};

/* The current cycle is lf_cycle_current's. */
lf_status lf_overview_load(struct lf_db *db, struct lf_overview *o);
void lf_overview_clear(struct lf_overview *o);
/* Live records of kind k this unit owns, counting no further than cap + 1
 * (*n > cap: "more than cap"). */
lf_status lf_overview_count(struct lf_db *db, const struct lf_kind *k, long long cap, long long *n);
/* Who is signed in, for the home screen: "潘超：科员、处室负责人（纪检监察室）"
 * into `who`; into `can` (may be NULL) what their roles may do and how far,
 * a line each, then what they may not — perm.h's table, as `user whoami`
 * says it. */
void lf_overview_user(struct lf_db *db, struct lf_buf *who, struct lf_buf *can);
/* LF_OK if the acting user may list every record of kind k (reclist.h):
 * the organisation, cycles and phase 1 are public, the rest needs the right
 * to read the whole unit; else LF_DENIED with the refusal in db->err. */
lf_status lf_overview_may_list(struct lf_db *db, const char *kind);
/* LF_OK if the acting user may add and change records of this kind (in
 * department dept, or anywhere when NULL): the organisation, the years and
 * their phase-1 work, powers and flow steps; else LF_DENIED and why. Other
 * kinds: LF_OK (their model decides when saving). For screens, to refuse
 * before anything is typed; the model still checks every save. */
lf_status lf_overview_may_edit(struct lf_db *db, const char *kind, const char *dept);
/* LF_OK if the acting user may read any of the unit's risk work — their
 * post, a department or the whole unit — else LF_DENIED and why. */
lf_status lf_overview_may_read(struct lf_db *db);
/* What the acting user may read of the risk work, as the names a filter
 * takes (the export screen's, opened from the home): both NULL for the whole
 * unit; else the first department their roles cover, else their own person.
 * Owned; NULL when there is none. */
void lf_overview_reach_names(struct lf_db *db, char **dept, char **person);
/* "动员部署" … "检查考核" for 1–4, "尚未开始" for 0, "本年度已结束" for 5. */
const char *lf_phase_label(int phase);

#endif
