/* ui_access: the signed-in user, for the phase-2 screens (ui_access.h). */
#include "ui_access.h"
#include "lianfang/auth.h"
#include "lianfang/perm.h"

#include <stdio.h>
#include <string.h>

/* The first gid of a JSON array of gids ("[\"ab…\",…]"), or "". */
static void first_gid(const char *json, char out[LF_GID_LEN + 1])
{
	const char *q = json ? strchr(json, '"') : NULL;
	size_t n = 0;

	out[0] = 0;
	if (!q)
		return;
	for (q++; q[n] && q[n] != '"' && n < LF_GID_LEN; n++)
		out[n] = q[n];
	out[n] = 0;
}

void lf_me_load(struct lf_db *db, struct lf_me *me)
{
	struct lf_perm_reach r;
	struct lf_account a;

	memset(me, 0, sizeof *me);
	memset(&a, 0, sizeof a);
	if (db->actor[0] && lf_account_get(db, db->actor, &a) == LF_OK) {
		snprintf(me->person, sizeof me->person, "%s", a.person);
		snprintf(me->post, sizeof me->post, "%s", a.post);
	}
	lf_account_clear(&a);
	memset(&r, 0, sizeof r);
	if (lf_perm_reach(db, LF_ACT_READ, &r) == LF_OK) {
		me->read_unit = r.unit;
		first_gid(r.depts, me->dept);
		me->own_only = !r.unit && !me->dept[0];
	}
	lf_perm_reach_clear(&r);
	snprintf(me->name, sizeof me->name, "%s", lf_perm_actor_name(db));
}

lf_status lf_may_edit_form(struct lf_db *db, const char *selfcheck)
{
	struct lf_scope sc = { .selfcheck = selfcheck };

	return lf_perm_check(db, LF_ACT_SELFCHECK_EDIT, &sc);
}

lf_status lf_may_new_form(struct lf_db *db, const char *post)
{
	struct lf_scope sc = { .post = post };

	return lf_perm_check(db, LF_ACT_SELFCHECK_EDIT, &sc);
}

lf_status lf_may_set_level(struct lf_db *db, const char *dept)
{
	struct lf_scope sc = { .dept = dept };

	return lf_perm_check(db, LF_ACT_LEVEL_SET, &sc);
}

lf_status lf_may_edit_measures(struct lf_db *db, const char *dept)
{
	struct lf_scope sc = { .dept = dept };

	return lf_perm_check(db, LF_ACT_MEASURE_EDIT, &sc);
}
