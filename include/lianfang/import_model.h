/* import_model: finding or making, through the model, the records an
 * imported table names — the cycle, a department, a post, a person, a risk
 * point and its measures — so the model's checks, permissions and audit
 * apply to an import as to anything typed on a screen. Matching is by name
 * within this unit, so importing the same table twice makes nothing twice.
 *
 * The risks of the posts a table names are looked up in a temporary index
 * built once per post and form (by person and description): a one-post table
 * of many rows then costs the same per row as a small one. Each function
 * returns in *act what it did: LF_IM_CREATED, LF_IM_FOUND or LF_IM_CHANGED. */
#ifndef LIANFANG_IMPORT_MODEL_H
#define LIANFANG_IMPORT_MODEL_H

#include "lianfang/store.h"

enum lf_im_act { LF_IM_CREATED, LF_IM_FOUND, LF_IM_CHANGED };

/* One import's state: its cycle and the index of risks already read. */
struct lf_im {
	struct lf_db *db;
	char cycle[LF_GID_LEN + 1];
	sqlite3_stmt *find, *add, *loaded, *mark;
	/* the last names looked up: a table's rows mostly repeat them */
	char dept_key[256], dept[LF_GID_LEN + 1];
	char post_key[LF_GID_LEN + 256], post[LF_GID_LEN + 1];
	char person_key[LF_GID_LEN + 256], person[LF_GID_LEN + 1];
	char *duties_done;
};

/* Start (inside the import's transaction) and end an import's state. */
lf_status lf_im_begin(struct lf_db *db, struct lf_im *im);
void lf_im_end(struct lf_im *im);

/* The cycle of a year (made with the usual dates if missing); it becomes im->cycle. */
lf_status lf_im_cycle(struct lf_im *im, int year, enum lf_im_act *act);
/* A department by name. */
lf_status lf_im_dept(struct lf_im *im, const char *name, char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A post by department and name (a new one with these duties). */
lf_status lf_im_post(struct lf_im *im, const char *dept, const char *name, const char *duties,
                     char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A person by name holding this post. */
lf_status lf_im_person(struct lf_im *im, const char *post, const char *name, char gid[LF_GID_LEN + 1],
                       enum lf_im_act *act);
/* The duties a table gives a post: those of the person's self-check form on
 * it in the cycle when there is one (the summary shows those), else the
 * post's; changed where they differ. *changed = 1 then. */
lf_status lf_im_duties(struct lf_im *im, const char *post, const char *person, const char *duties, int *changed);
/* A power of a department by name; *found = 0 when there is none (never made). */
lf_status lf_im_power(struct lf_im *im, const char *dept, const char *name, char gid[LF_GID_LEN + 1], int *found);

/* A risk point as a table row gives it. NULL/empty text and 0 numbers mean
 * "the table does not say", and leave an existing record's value alone. */
struct lf_im_risk {
	const char *post, *person, *power;   /* gids; person and power may be NULL */
	const char *description;
	const char *category, *source, *found_by, *level_reason, *remarks;
	int probability, severity;
	int level;                           /* the decided level, 1–3; 0: the table does not say */
	const char *level_text;              /* and as the unit names it */
};

/* A risk point by post, person and description in the cycle — on the
 * person's self-check form or the post's own — else a new risk of the post
 * concerning the person. The other fields are set when new, changed when
 * given and different; a level other than the matrix's is the leadership's
 * (grade.h), with the table's reason. */
lf_status lf_im_risk(struct lf_im *im, const struct lf_im_risk *r, char gid[LF_GID_LEN + 1], enum lf_im_act *act);
/* A measure of a risk by its text (its stage changed when given and different). */
lf_status lf_im_measure(struct lf_im *im, const char *risk, const char *stage, const char *content,
                        char gid[LF_GID_LEN + 1], enum lf_im_act *act);

#endif
