/* plan: phase 1 of a cycle — the work plan (实施方案: title, document number,
 * issuing date, the office that runs the work, body), the leading group
 * (领导小组: person and role in the group) and the mobilization meetings and
 * study sessions (动员大会, 视频会议, 专题学习, 警示教育 …). */
#ifndef LIANFANG_PLAN_H
#define LIANFANG_PLAN_H

#include "lianfang/page.h"

/* Suggested meeting kinds and group roles (other values are allowed). */
extern const char *const lf_meeting_kinds[];
extern const char *const lf_group_roles[];

struct lf_plan_in {
	const char *title, *doc_no, *issued, *office, *body;
};

struct lf_plan {
	char gid[LF_GID_LEN + 1], cycle[LF_GID_LEN + 1];
	const char *title, *doc_no, *issued, *office, *body; /* NULL when unset */
};

/* The cycle's work plan: one per cycle, created by the first call, revised
 * by later ones. Needs LF_ACT_CYCLE_EDIT. */
lf_status lf_plan_set(struct lf_db *db, const char *cycle, const struct lf_plan_in *in, char gid[LF_GID_LEN + 1]);
/* LF_NOTFOUND when the cycle has no plan yet. Strings live in `a`. */
lf_status lf_plan_get(struct lf_db *db, const char *cycle, struct lf_plan *out, struct lf_arena *a);

struct lf_member_in {
	const char *person, *role, *duty, *seq;
};

struct lf_member {
	long long id;
	char gid[LF_GID_LEN + 1], person[LF_GID_LEN + 1];
	const char *person_name, *person_title, *dept_name, *role, *duty;
	int seq;
};

struct lf_member_list {
	struct lf_member *v;
	int n;
	struct lf_arena arena;
};

/* A person is in the group of a cycle at most once. */
lf_status lf_member_add(struct lf_db *db, const char *cycle, const struct lf_member_in *in, char gid[LF_GID_LEN + 1]);
lf_status lf_member_edit(struct lf_db *db, const char *gid, const struct lf_member_in *in);
lf_status lf_member_remove(struct lf_db *db, const char *gid);
lf_status lf_member_list(struct lf_db *db, const char *cycle, struct lf_page *pg, struct lf_member_list *out);
void lf_member_list_free(struct lf_member_list *l);

struct lf_meeting_in {
	const char *held, *kind, *title, *place, *attendees, *count, *notes;
};

struct lf_meeting {
	long long id;
	char gid[LF_GID_LEN + 1];
	const char *held, *kind, *title, *place, *attendees, *notes;
	int count; /* -1 when not given */
};

struct lf_meeting_list {
	struct lf_meeting *v;
	int n;
	struct lf_arena arena;
};

lf_status lf_meeting_add(struct lf_db *db, const char *cycle, const struct lf_meeting_in *in,
                         char gid[LF_GID_LEN + 1]);
lf_status lf_meeting_edit(struct lf_db *db, const char *gid, const struct lf_meeting_in *in);
lf_status lf_meeting_delete(struct lf_db *db, const char *gid);
/* In date order. */
lf_status lf_meeting_list(struct lf_db *db, const char *cycle, struct lf_page *pg, struct lf_meeting_list *out);
void lf_meeting_list_free(struct lf_meeting_list *l);

#endif
