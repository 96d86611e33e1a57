/* perm: who may do what — the one permission check, in the model layer.
 * Every model function that reads or writes risk work calls lf_perm_check
 * with the action and the department/post it touches; a refusal comes back
 * as LF_DENIED with a Chinese message naming the role the action needs.
 * The screens may hide what is refused, but the model is what enforces it.
 *
 * The acting user is db->actor (a login). Roles and the departments they
 * cover are in the local `account` and `account_role` tables (auth.h).
 * Whoever sets db->actor must have signed the user in first (auth.h; the
 * command line does it in lf_cli_open): the check trusts it.
 *
 * Who may do what (lf_perm_role_may is the same table):
 *
 *                     staff  head  leader principal discipline admin upper
 *   READ              post   dept  dept   unit      unit       unit  unit
 *   READ_PUBLIC       unit   unit  unit   unit      unit       unit  unit
 *   ORG_EDIT          -      -     -      -         unit       unit  -
 *   CYCLE_EDIT        -      -     -      unit      unit       -     -
 *   POWER_EDIT        -      dept  -      -         unit       -     -
 *   SELFCHECK_EDIT    post*  -     -      -         -          -     -
 *   SELFCHECK_SUBMIT  post*  -     -      -         -          -     -
 *   REVIEW_HEAD       -      dept  -      -         -          -     -
 *   REVIEW_LEADER     -      -     dept   -         -          -     -
 *   REVIEW_STANDIN    -      -     -      -         unit       -     -
 *   ASSESS            -      -     -      unit      unit       -     -
 *   LEVEL_SET         -      -     -      unit      unit       -     -
 *   MEASURE_EDIT      -      dept  -      -         unit       -     -
 *   RISK_FIND         -      dept  -      -         unit       -     -
 *   NOTICE, WARN,
 *   ACCOUNTABILITY    -      -     -      -         unit       -     -
 *   INSPECT           -      -     -      -         unit       -     unit
 *   RECTIFY_RESPOND   -      dept  -      -         unit       -     -
 *   EXCHANGE          -      -     -      -         unit       unit  -
 *   UPPER_ASSESS      -      -     -      -         -          -     unit
 *   SETTINGS, USERS   -      -     -      -         -          unit  -
 *   IMPORT            -      -     -      -         unit       -     -
 *
 *   post: the target must be the post of the user's own person (staff);
 *   post*: and, when the scope names a self-check or a person, it must be the
 *          user's own form (colleagues on one post each fill their own), and
 *          only while it is a draft or was returned — once submitted, the
 *          person can no longer edit it;
 *   dept: the target's department must be one the role covers (account_role.dept).
 * Two exceptions live in review.c: the head's signature on a form whose
 * department has no head but its own person is the leader in charge's; and a
 * head's or leader's signature that nobody but the form's own person could
 * give (the principal's own form: he is the leader in charge of the
 * leadership) is the discipline office's (REVIEW_STANDIN), recorded as such.
 * Roles add up: a department head who fills their own self-check holds both
 * head and staff. An administrator signs nothing off: the risk-work roles are
 * separate, and an administrator cannot grant them to their own account.
 *
 * A database with no account at all is in setup mode: every action is
 * allowed, so `init`, `demo` and tools work, until the first administrator
 * is created (auth.h). Accounts are never deleted, only retired, so setup
 * mode cannot come back — and if the account table is found empty while the
 * audit log records accounts, every action is refused. */
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
	_(READ_PUBLIC,      "查看本单位公开的信息（年度、实施方案、会议、机构、分级方案、公示）") \
	_(ORG_EDIT,         "维护处室、岗位和人员") \
	_(CYCLE_EDIT,       "维护年度、实施方案、领导小组和会议") \
	_(POWER_EDIT,       "维护职权目录和流程图") \
	_(SELFCHECK_EDIT,   "填写或修改自查表、风险点和措施") \
	_(SELFCHECK_SUBMIT, "提交自查表") \
	_(REVIEW_HEAD,      "以处室负责人身份审核自查表") \
	_(REVIEW_LEADER,    "以分管领导身份审核自查表") \
	_(REVIEW_STANDIN,   "审核无他人可签的环节（如主要领导本人的自查表）") \
	_(ASSESS,           "评估自查表质量（准确、不准确……）") \
	_(LEVEL_SET,        "审定风险等级") \
	_(MEASURE_EDIT,     "维护防控措施") \
	_(RISK_FIND,        "登记部门评查、交叉互查等查出的岗位风险点") \
	_(NOTICE,           "公示风险点和措施") \
	_(WARN,             "登记预警和处置") \
	_(INSPECT,          "检查考核、下发整改通知") \
	_(RECTIFY_RESPOND,  "报告整改情况") \
	_(ACCOUNTABILITY,   "登记问责和表彰") \
	_(EXCHANGE,         "打包和合并数据（U 盘交换）") \
	_(UPPER_ASSESS,     "以上级身份评估下级的数据") \
	_(SETTINGS,         "修改本单位设置（分级方案等）") \
	_(USERS,            "管理用户") \
	_(IMPORT,           "导入已有的表格（处室、岗位、人员、风险点）")

enum lf_action {
#define LF_ACTION_ENUM(id, label) LF_ACT_##id,
	LF_ACTION_INFO(LF_ACTION_ENUM)
#undef LF_ACTION_ENUM
	LF_ACT_COUNT
};

/* What an action touches. NULL fields: the whole unit. Give the most
 * specific one you have: the check derives the post from a self-check and
 * the department from a post (and refuses a scope whose parts disagree). */
struct lf_scope {
	const char *dept;      /* gid of the department the target belongs to */
	const char *post;      /* gid of the post, for a staff member's own post */
	const char *selfcheck; /* gid of the self-check (its post, person, and its status for staff) */
	const char *person;    /* gid of the person whose form it is (a new form); derived from selfcheck */
};

/* LF_OK if db->actor may do `act` on `scope` (NULL: the unit), else
 * LF_DENIED with db->err saying, in Chinese, which role it needs. */
lf_status lf_perm_check(struct lf_db *db, enum lf_action act, const struct lf_scope *scope);

/* The name to sign with for the acting user (the person's name, else the
 * account's name, else the login); valid until the next call. */
const char *lf_perm_actor_name(struct lf_db *db);
/* The person (gid) the acting user is, or "" (nobody, setup mode, no person). */
void lf_perm_actor_person(struct lf_db *db, char out[LF_GID_LEN + 1]);

/* How far the acting user's permission for `act` reaches, for filtering
 * lists in SQL (LF_REACH_SQL below). Nothing allowed: unit 0, post "",
 * depts "[]". Self-check state is not considered here; lf_perm_check still
 * decides each write. */
struct lf_perm_reach {
	int unit;                       /* the whole unit */
	char post[LF_GID_LEN + 1];      /* the user's own post, or "" */
	char post_dept[LF_GID_LEN + 1]; /* the department of that post, or "" */
	char *depts;                    /* JSON array of department gids; owned */
	int partial;                    /* lf_perm_reach_in: less than was asked for */
};
lf_status lf_perm_reach(struct lf_db *db, enum lf_action act, struct lf_perm_reach *out);
void lf_perm_reach_clear(struct lf_perm_reach *r);

/* A list of `act` over `dept` (NULL: the whole unit) shows the part the user
 * reaches: LF_OK with the reach (partial = 1 when that is less than `dept`
 * or the unit), or LF_DENIED, saying in Chinese which role it needs, when
 * the user reaches none of it. */
lf_status lf_perm_reach_in(struct lf_db *db, enum lf_action act, const char *dept, struct lf_perm_reach *out);
/* The same, in words for a list's heading: *note NULL when the user sees all
 * of `dept` (or the unit), else what they see — "登记注册科、本人岗位（受理审查岗）"
 * (owned). LF_DENIED as above. */
lf_status lf_perm_reach_note(struct lf_db *db, enum lf_action act, const char *dept, char **note);

/* The reach as an SQL condition on a row's department and post columns, and
 * its parameters (?90 unit, ?91 departments, ?92 own post, ?93 that post's
 * department), bound by lf_perm_reach_bind. A module writes it into its own
 * static SQL:  "… WHERE p.dept = ?1 AND " LF_REACH_SQL("p.dept", "p.gid")
 * LF_REACH_DEPT_SQL is for departments: those the user reaches any of. */
#define LF_REACH_SQL(dept, post) \
	"(?90 OR " dept " IN (SELECT value FROM json_each(?91)) OR " post " = ?92)"
#define LF_REACH_DEPT_SQL(dept) \
	"(?90 OR " dept " IN (SELECT value FROM json_each(?91)) OR " dept " = ?93)"
void lf_perm_reach_bind(sqlite3_stmt *st, const struct lf_perm_reach *r);
/* Does the reach cover all of department `dept` (not just the own post)? */
int lf_perm_reach_whole_dept(const struct lf_perm_reach *r, const char *dept);

/* How many active accounts, other than those of `person` (a gid; NULL: none
 * left out), may do `act` on department `dept` — for the review chain: is
 * anybody but the form's own person there to sign a step? */
lf_status lf_perm_others(struct lf_db *db, enum lf_action act, const char *dept, const char *person, int *n);

/* The fixed table above: whether `role` may ever do `act`, and how far. */
enum lf_reach_kind { LF_REACH_NONE, LF_REACH_POST, LF_REACH_DEPT, LF_REACH_UNIT };
enum lf_reach_kind lf_perm_role_may(enum lf_role role, enum lf_action act);

/* The scope of an existing record for READ and for its history: its
 * self-check, post or department for the kinds that belong to one (dept,
 * post, person, power, flow_step, selfcheck, risk, measure, review); the
 * whole unit for every other kind. Strings point into `buf`. */
struct lf_scope_buf {
	char dept[LF_GID_LEN + 1], post[LF_GID_LEN + 1], selfcheck[LF_GID_LEN + 1];
};
lf_status lf_perm_scope_of(struct lf_db *db, const char *kind, const char *gid,
                           struct lf_scope_buf *buf, struct lf_scope *out);

/* True for the kinds everyone signed in may read (LF_ACT_READ_PUBLIC): the
 * unit, its organisation, cycles, plan, leading group, meetings, notices and
 * settings; every other kind is read with LF_ACT_READ on its scope. */
int lf_perm_kind_public(const char *kind);

const char *lf_role_name(enum lf_role r);   /* "staff" … */
const char *lf_role_label(enum lf_role r);  /* "科员" … */
const char *lf_action_label(enum lf_action a);
const char *lf_action_name(enum lf_action a); /* "READ" … */
/* A role from its name ("head") or label ("处室负责人"); -1 if none. */
int lf_role_parse(const char *s);

#endif
