/* review: the review chain of a self-check form (seed 003 三, 附表1):
 *
 *   draft ──submit──▶ submitted ──head 同意──▶ head_signed ──leader 同意──▶ leader_signed
 *   returned ─submit─▶                                                         │
 *      ▲   ◀──head/leader 退回──                                              assess
 *      └─────────── 基本准确 / 不准确 (with a rework deadline) ◀───────────────┤
 *                                          准确 / 比较准确 ──▶ accepted ◀──────┘
 *
 * Each step is a `review` record: who signed (the acting person unless a
 * clerk records a paper signature for someone), the date, the opinion, and
 * content_hash — the hash of the content signed (selfcheck.h). A signature
 * belongs to that content: editing the form afterwards sends it back to
 * draft, and a step is refused if the previous signature no longer matches.
 * Illegal steps are refused with LF_STATE and the reason in Chinese;
 * nobody reviews their own form. */
#ifndef LIANFANG_REVIEW_H
#define LIANFANG_REVIEW_H

#include "lianfang/page.h"

enum lf_review_step {
	LF_REVIEW_SUBMIT, /* the person submits (or resubmits after rework) */
	LF_REVIEW_HEAD,   /* 处室负责人 opinion and signature */
	LF_REVIEW_LEADER, /* 分管领导 opinion and signature */
	LF_REVIEW_ASSESS, /* the assessment team grades the form's quality */
};

/* 准确, 比较准确, 基本准确, 不准确; the last two return the form. */
extern const char *const lf_assess_grades[];

struct lf_review_in {
	const char *opinion;    /* 意见 */
	int reject;             /* head/leader: 1 = 退回 (return for rework), 0 = 同意 */
	const char *grade;      /* assess: one of lf_assess_grades */
	const char *date;       /* signing date as typed; NULL: today */
	const char *rework_due; /* when returned; NULL: 15 days after signing */
	const char *signer;     /* NULL: the acting person (lf_perm_actor_name) */
};

/* One step, in one transaction. Permissions: submit LF_ACT_SELFCHECK_SUBMIT
 * (the person's own form), head LF_ACT_REVIEW_HEAD and leader
 * LF_ACT_REVIEW_LEADER (the department), assess LF_ACT_ASSESS. Where the
 * department has no head but the form's own person (the head's own form, or
 * a department without a head, such as the leadership), the leader in
 * charge gives the head's signature too: nobody else could.
 *
 * Who signs for the top leadership: where no account but the form's own
 * person's holds the role that gives a head's or leader's signature (the
 * principal's own form — he is the leader in charge of 局领导班子, and nobody
 * reviews their own form), the discipline office signs that step
 * (LF_ACT_REVIEW_STANDIN; seed 003: 派驻纪检组 sits on the assessment team
 * and supervises the leadership). The review records it: the signer's name
 * is followed by LF_REVIEW_STANDIN_MARK ("潘超（纪检监察）") in the record that
 * travels, the history and the printed form. */
#define LF_REVIEW_STANDIN_MARK "（纪检监察）"
lf_status lf_review_step(struct lf_db *db, const char *selfcheck, enum lf_review_step step,
                         const struct lf_review_in *in);
/* Would the step be allowed now? LF_OK, or the refusal with its reason —
 * for a screen's key bar. Writes nothing. */
lf_status lf_review_check(struct lf_db *db, const char *selfcheck, enum lf_review_step step,
                          const struct lf_review_in *in);

const char *lf_review_step_name(enum lf_review_step step);  /* "submit" … */
const char *lf_review_step_label(const char *name);         /* "提交" … for a stored step */

struct lf_review {
	long long id;
	char gid[LF_GID_LEN + 1];
	const char *step;                   /* stored: submit, head, leader, assess, upper */
	const char *result, *grade, *opinion, *signer, *signed_on, *rework_due; /* NULL when unset */
	char content_hash[65];
	int current; /* 1: signed the form's content as it is now */
};

struct lf_review_list {
	struct lf_review *v;
	int n;
	struct lf_arena arena;
};

/* The history of a form, oldest first. */
lf_status lf_review_history(struct lf_db *db, const char *selfcheck, struct lf_page *pg, struct lf_review_list *out);
void lf_review_list_free(struct lf_review_list *l);

#endif
