/* ui_access: what the phase-2 screens ask about the signed-in user — who
 * they are, how far their lists reach, and whether an action would be
 * allowed now — so that a screen offers what the model will accept and says
 * why it will not. The model still checks every action itself. Nothing
 * here includes curses. */
#ifndef LIANFANG_UI_ACCESS_H
#define LIANFANG_UI_ACCESS_H

#include "lianfang/store.h"

struct lf_me {
	char person[LF_GID_LEN + 1]; /* the person the account is, or "" */
	char post[LF_GID_LEN + 1];   /* that person's post, or "" */
	char dept[LF_GID_LEN + 1];   /* the first department the user may read in whole, or "" */
	int read_unit;               /* may read the whole unit */
	int own_only;                /* may read no more than the own post (a staff member) */
	char name[160];              /* the name the user signs with */
};

/* Who the acting user is (setup mode: the whole unit, nobody's post). */
void lf_me_load(struct lf_db *db, struct lf_me *me);

/* Would the model let the acting user, now … (LF_OK, or the refusal with
 * its reason in db->err):
 *   change the content of self-check `selfcheck` (its risks and measures), */
lf_status lf_may_edit_form(struct lf_db *db, const char *selfcheck);
/*   start a self-check on `post`, */
lf_status lf_may_new_form(struct lf_db *db, const char *post);
/*   decide the level of a risk in department `dept`, */
lf_status lf_may_set_level(struct lf_db *db, const char *dept);
/*   look after the measures of department `dept`. */
lf_status lf_may_edit_measures(struct lf_db *db, const char *dept);

#endif
