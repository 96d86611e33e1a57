/* selfcheck: the post self-check form (廉政风险自查表（岗位）, seed 003 附件1):
 * one per cycle, post and person — the duties, the potential risks and their
 * measures (risk.h) — and its status on the review chain (review.h).
 *
 * A sign-off records the hash of the content it approved. Editing that
 * content afterwards (duties, a risk, a measure) sends a submitted or signed
 * form back to 填写中 (draft): the old signatures stay in its history but no
 * longer count, and it must be submitted and signed again. */
#ifndef LIANFANG_SELFCHECK_H
#define LIANFANG_SELFCHECK_H

#include "lianfang/page.h"

/* Statuses: stored name and the label shown. */
#define LF_SELFCHECK_STATUS_INFO(_) \
	_(DRAFT,         "draft",         "填写中") \
	_(SUBMITTED,     "submitted",     "已提交") \
	_(HEAD_SIGNED,   "head_signed",   "处室负责人已签字") \
	_(LEADER_SIGNED, "leader_signed", "分管领导已签字") \
	_(RETURNED,      "returned",      "退回整改") \
	_(ACCEPTED,      "accepted",      "评估通过")

/* The label of a stored status ("" if unknown); the stored status of a label
 * or a stored name (NULL if neither). */
const char *lf_selfcheck_status_label(const char *status);
const char *lf_selfcheck_status_parse(const char *text);

struct lf_selfcheck_in {
	const char *duties, *filled; /* filled: 填表日期 */
};

struct lf_selfcheck {
	long long id;
	char gid[LF_GID_LEN + 1], cycle[LF_GID_LEN + 1], post[LF_GID_LEN + 1], person[LF_GID_LEN + 1],
		dept[LF_GID_LEN + 1];
	const char *dept_name, *post_name, *person_name;
	const char *duties, *filled, *status, *grade, *rework_due, *submitted; /* NULL when unset */
	int risks;   /* live risks on the form */
	int overdue; /* returned and past its rework deadline */
};

struct lf_selfcheck_list {
	struct lf_selfcheck *v;
	int n;
	struct lf_arena arena;
};

struct lf_selfcheck_filter {
	const char *cycle;   /* required */
	const char *dept;    /* NULL: the unit */
	const char *status;  /* stored name, NULL: any */
	int overdue;         /* 1: only returned forms past their deadline */
	const char *person_name; /* only the forms of persons so named; NULL: any */
};

/* A new form for a person on a post in a cycle, duties copied from the post
 * unless given. One per cycle, post and person. Needs
 * LF_ACT_SELFCHECK_EDIT for the post and person: staff make their own. */
lf_status lf_selfcheck_new(struct lf_db *db, const char *cycle, const char *post, const char *person,
                           const struct lf_selfcheck_in *in, char gid[LF_GID_LEN + 1]);
/* Change duties or date. *reopened = 1 when this sent a signed form back. */
lf_status lf_selfcheck_edit(struct lf_db *db, const char *gid, const struct lf_selfcheck_in *in, int *reopened);
lf_status lf_selfcheck_get(struct lf_db *db, const char *gid, struct lf_selfcheck_list *out);
/* The form of a person (on `post`, or on any post when NULL) in a cycle:
 * only its id, for a person's name typed on a command line (the
 * organisation is public); what is then done with it checks its own
 * permission on that form — reading it LF_ACT_READ, reviewing it the step's. */
lf_status lf_selfcheck_find(struct lf_db *db, const char *cycle, const char *person, const char *post,
                            char gid[LF_GID_LEN + 1]);
/* Forms in department, post and name order: those of f->dept (or the unit)
 * that the acting user may read (LF_ACT_READ: own post, covered departments
 * or the unit); refused only when the user may read none of them. */
lf_status lf_selfcheck_list(struct lf_db *db, const struct lf_selfcheck_filter *f, struct lf_page *pg,
                            struct lf_selfcheck_list *out);
void lf_selfcheck_list_free(struct lf_selfcheck_list *l);

/* The hash of what the person wrote: the form's post, person and duties, and
 * each live, unretired risk (by seq, gid) with its measures (by seq, gid) —
 * not the workflow fields (status, grade, dates) nor the level the leadership
 * sets. */
lf_status lf_selfcheck_content_hash(struct lf_db *db, const char *gid, char out[65]);

/* ---- for the modules that change a form (risk.c) or move it along the
 * review chain (review.c); screens call those modules instead. */

/* Around a change to a form's content: begin remembers its hash, end sends
 * it back to draft when the hash changed and it had been submitted or signed.
 * gid NULL: no form (nothing to do). */
struct lf_selfcheck_edit {
	char gid[LF_GID_LEN + 1];
	char hash[65];
};
lf_status lf_selfcheck_edit_begin(struct lf_db *db, const char *gid, struct lf_selfcheck_edit *e);
lf_status lf_selfcheck_edit_end(struct lf_db *db, const struct lf_selfcheck_edit *e, int *reopened);

/* Set the workflow fields; NULL clears grade, rework_due; submitted NULL
 * leaves it. */
lf_status lf_selfcheck_set_status(struct lf_db *db, const char *gid, const char *status, const char *grade,
                                  const char *rework_due, const char *submitted);

/* The next cycle: copy every form of `from` whose post and person are in use
 * into `to` as a draft, with its risks and measures (cycle.h). */
struct lf_carry_count;
lf_status lf_selfcheck_carry(struct lf_db *db, const char *from, const char *to, struct lf_carry_count *count);

#endif
