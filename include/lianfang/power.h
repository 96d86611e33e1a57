/* power: the power catalog (职权目录, seeds 002 §4, 004 §5(一)) — for each
 * department and post, the powers it exercises: name, content, kind
 * (决策/执行/监督), business area, legal basis and holder. The flow chart of
 * a power is in flow.h. */
#ifndef LIANFANG_POWER_H
#define LIANFANG_POWER_H

#include "lianfang/page.h"

struct lf_power_in {
	const char *dept, *post;  /* gids; a post implies its department */
	const char *name, *content, *kind, *area, *basis, *holder, *seq;
};

struct lf_power {
	long long id;
	char gid[LF_GID_LEN + 1], dept[LF_GID_LEN + 1], post[LF_GID_LEN + 1]; /* post "" for the department's */
	const char *dept_name, *post_name, *name, *content, *kind, *area, *basis, *holder;
	int seq, retired;
	int steps, risky_steps; /* of its flow chart */
};

struct lf_power_list {
	struct lf_power *v;
	int n;
	struct lf_arena arena;
};

/* kind accepts 决策, 执行, 监督 (also written 决策权 …). Needs LF_ACT_POWER_EDIT. */
lf_status lf_power_add(struct lf_db *db, const struct lf_power_in *in, char gid[LF_GID_LEN + 1]);
lf_status lf_power_edit(struct lf_db *db, const char *gid, const struct lf_power_in *in);
lf_status lf_power_retire(struct lf_db *db, const char *gid, int retired);
/* Load a live power into w (a power record) to change it or its flow chart,
 * if the user may: LF_ACT_POWER_EDIT on its department and post. */
struct lf_rec;
lf_status lf_power_open(struct lf_db *db, const char *gid, struct lf_rec *w);
lf_status lf_power_get(struct lf_db *db, const char *gid, struct lf_power_list *out);
/* Powers of a post, a department or the unit, in department order then seq:
 * those the acting user may read (LF_ACT_READ: of their own post, of the
 * departments they cover, or the unit's); refused only when none. */
lf_status lf_power_list(struct lf_db *db, const char *dept, const char *post, int with_retired,
                        struct lf_page *pg, struct lf_power_list *out);
/* The same for the powers of `unit` (NULL: this database's unit) — an upper
 * level's copy of what a lower unit sent, read by whoever reads the whole
 * unit (LF_ACT_READ); the departments a role covers are this unit's. */
lf_status lf_power_list_unit(struct lf_db *db, const char *unit, const char *dept, const char *post, int with_retired,
                             struct lf_page *pg, struct lf_power_list *out);
void lf_power_list_free(struct lf_power_list *l);
/* A power of a department by name (those in use first); LF_NOTFOUND when
 * the department has none so named. Needs LF_ACT_READ on the department. */
lf_status lf_power_find(struct lf_db *db, const char *dept, const char *name, char gid[LF_GID_LEN + 1]);

#endif
