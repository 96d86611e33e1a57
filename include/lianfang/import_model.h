/* import_model: finding or making the records an imported table names — the
 * cycle, a department, a post, a person, a risk point and its measures —
 * through the record layer (lf_rec_new, lf_rec_set_text and lf_rec_put, which
 * validate and explain in Chinese). Matching is by name within this unit, so
 * importing the same table twice makes nothing twice.
 *
 * Temporary home: when the phase-2 model (src/org.c, src/risk.c, src/cycle.c)
 * offers the same operations, these functions become calls to it. Each
 * returns in *act what it did: LF_IM_CREATED, LF_IM_FOUND or LF_IM_CHANGED. */
#ifndef LIANFANG_IMPORT_MODEL_H
#define LIANFANG_IMPORT_MODEL_H

#include "lianfang/store.h"

enum lf_im_act { LF_IM_CREATED, LF_IM_FOUND, LF_IM_CHANGED };

/* The cycle of a year (made with the usual phase dates if missing). */
lf_status lf_im_cycle(struct lf_db *db, int year, char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A department by name. */
lf_status lf_im_dept(struct lf_db *db, const char *name, char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A post by department and name; duties, when given and different, are updated. */
lf_status lf_im_post(struct lf_db *db, const char *dept, const char *name, const char *duties,
                     char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A person by name holding this post. */
lf_status lf_im_person(struct lf_db *db, const char *post, const char *name, char gid[LF_GID_LEN + 1],
                       enum lf_im_act *act);
/* A power of a department by name; *found = 0 when there is none (never made). */
lf_status lf_im_power(struct lf_db *db, const char *dept, const char *name, char gid[LF_GID_LEN + 1], int *found);

/* A risk point as a table row gives it. NULL/empty text and 0 numbers mean
 * "the table does not say", and leave an existing record's value alone. */
struct lf_im_risk {
	const char *cycle, *post, *person, *power;   /* gids; person and power may be NULL */
	const char *description;
	const char *category, *source, *found_by, *level_reason, *remarks;
	int probability, severity, level, level_proposed;
};

/* A risk point by cycle, post, person and description; the other fields are
 * set when new, updated when given and different. */
lf_status lf_im_risk(struct lf_db *db, const struct lf_im_risk *r, char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A measure of a risk by its text (its stage updated when given and different). */
lf_status lf_im_measure(struct lf_db *db, const char *risk, const char *stage, const char *content,
                        char gid[LF_GID_LEN + 1], enum lf_im_act *act);

#endif
