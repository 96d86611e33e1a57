/* progress: how far each department (and the unit) has got in a cycle — for
 * the home screen: posts, self-check forms by status, overdue rework, and
 * risk points by decided level. */
#ifndef LIANFANG_PROGRESS_H
#define LIANFANG_PROGRESS_H

#include "lianfang/page.h"

struct lf_progress {
	long long id;
	char dept[LF_GID_LEN + 1];  /* "" for the unit's total */
	const char *dept_name;
	int posts;                  /* posts in use */
	int forms;                  /* self-check forms started */
	int draft, in_review, returned, accepted; /* in_review: submitted or signed, not yet assessed */
	int overdue;                /* returned and past the rework deadline */
	int risks, by_level[4];     /* [0]: not graded */
};

struct lf_progress_list {
	struct lf_progress *v;
	int n;
	struct lf_arena arena;
};

/* Departments in use (and retired ones that have forms in the cycle) that the
 * acting user may read (LF_ACT_READ); a department reached only through the
 * user's own post counts that post alone. */
lf_status lf_progress_list(struct lf_db *db, const char *cycle, struct lf_page *pg, struct lf_progress_list *out);
/* The unit's total, or the total of what the acting user may read. */
lf_status lf_progress_total(struct lf_db *db, const char *cycle, struct lf_progress *total);
void lf_progress_list_free(struct lf_progress_list *l);

#endif
