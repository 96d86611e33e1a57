/* perm: the permission check (include/lianfang/perm.h).
 * Until roles are enforced (issue: users and roles), every action is allowed;
 * callers already pass the action and scope, so enforcement changes no data. */
#include "lianfang/perm.h"

static const char *const role_names[] = {
#define LF_ROLE_NAME(id, name, label) name,
	LF_ROLE_INFO(LF_ROLE_NAME)
#undef LF_ROLE_NAME
};

static const char *const role_labels[] = {
#define LF_ROLE_LABEL(id, name, label) label,
	LF_ROLE_INFO(LF_ROLE_LABEL)
#undef LF_ROLE_LABEL
};

static const char *const action_labels[] = {
#define LF_ACTION_LABEL(id, label) label,
	LF_ACTION_INFO(LF_ACTION_LABEL)
#undef LF_ACTION_LABEL
};

const char *lf_role_name(enum lf_role r)
{
	return r < LF_ROLE_COUNT ? role_names[r] : "";
}

const char *lf_role_label(enum lf_role r)
{
	return r < LF_ROLE_COUNT ? role_labels[r] : "";
}

const char *lf_action_label(enum lf_action a)
{
	return a < LF_ACT_COUNT ? action_labels[a] : "";
}

lf_status lf_perm_check(struct lf_db *db, enum lf_action act, const struct lf_scope *scope)
{
	(void)db;
	(void)act;
	(void)scope;
	return LF_OK;
}

const char *lf_perm_actor_name(struct lf_db *db)
{
	return db->actor;
}
