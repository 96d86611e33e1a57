/* perm: who may do what — the one permission check, in the model layer.
 * Every model function that reads or writes risk work calls lf_perm_check
 * with the action and the department/post it touches; a refusal comes back
 * as LF_DENIED with a Chinese message naming the role the action needs.
 * The screens may hide what is refused, but the model is what enforces it.
 *
 * The acting user is db->actor (a login). Roles and the departments they
 * cover are in the local `account` and `account_role` tables (auth.h). */
#ifndef LIANFANG_PERM_H
#define LIANFANG_PERM_H

#include "lianfang/store.h"

/* Roles (DESIGN.md "Roles"): the values of account_role.role. */
#define LF_ROLE_INFO(_) \
	_(STAFF,      "staff",      "科员") \
	_(HEAD,       "head",       "处室负责人") \
	_(LEADER,     "leader",     "分管领导") \
	_(PRINCIPAL,  "principal",  "主要领导") \
	_(DISCIPLINE, "discipline", "纪检监察") \
	_(ADMIN,      "admin",      "系统管理员") \
	_(UPPER,      "upper",      "上级审核人")

enum lf_role {
#define LF_ROLE_ENUM(id, name, label) LF_ROLE_##id,
	LF_ROLE_INFO(LF_ROLE_ENUM)
#undef LF_ROLE_ENUM
	LF_ROLE_COUNT
};

/* Actions. Scope says what the target must be for a role with a department
 * scope: UNIT (no target), DEPT (the target's department), POST (the
 * person's own post, for staff). */
#define LF_ACTION_INFO(_) \
	_(READ,             "查看") \
	_(ORG_EDIT,         "维护处室、岗位和人员") \
	_(CYCLE_EDIT,       "维护年度、实施方案、领导小组和会议") \
	_(POWER_EDIT,       "维护职权目录和流程图") \
	_(SELFCHECK_EDIT,   "填写或修改自查表、风险点和措施") \
	_(SELFCHECK_SUBMIT, "提交自查表") \
	_(REVIEW_HEAD,      "以处室负责人身份审核自查表") \
	_(REVIEW_LEADER,    "以分管领导身份审核自查表") \
	_(ASSESS,           "评估自查表质量（准确、不准确……）") \
	_(LEVEL_SET,        "审定风险等级") \
	_(MEASURE_EDIT,     "维护防控措施") \
	_(NOTICE,           "公示风险点和措施") \
	_(WARN,             "登记预警和处置") \
	_(INSPECT,          "检查考核、下发整改通知") \
	_(RECTIFY_RESPOND,  "报告整改情况") \
	_(ACCOUNTABILITY,   "登记问责和表彰") \
	_(EXCHANGE,         "打包和合并数据（U 盘交换）") \
	_(UPPER_ASSESS,     "以上级身份评估下级的数据") \
	_(SETTINGS,         "修改本单位设置（分级方案等）") \
	_(USERS,            "管理用户")

enum lf_action {
#define LF_ACTION_ENUM(id, label) LF_ACT_##id,
	LF_ACTION_INFO(LF_ACTION_ENUM)
#undef LF_ACTION_ENUM
	LF_ACT_COUNT
};

/* What an action touches. NULL fields: the whole unit. */
struct lf_scope {
	const char *dept;   /* gid of the department the target belongs to */
	const char *post;   /* gid of the post, for a staff member's own post */
};

/* LF_OK if db->actor may do `act` on `scope` (NULL: the unit), else
 * LF_DENIED with db->err saying, in Chinese, which role it needs. */
lf_status lf_perm_check(struct lf_db *db, enum lf_action act, const struct lf_scope *scope);

/* The name to sign with for the acting user (the person's name, else the
 * login); valid until the next call. */
const char *lf_perm_actor_name(struct lf_db *db);

const char *lf_role_name(enum lf_role r);   /* "staff" … */
const char *lf_role_label(enum lf_role r);  /* "科员" … */
const char *lf_action_label(enum lf_action a);

#endif
