/* org: the unit's organisation — departments (处室), posts (岗位: name and
 * duties) and persons (人员, each on a post). Add, edit and retire; a retired
 * department, post or person is hidden from new work but stays in history
 * and in old cycles, so nothing that refers to it dangles. Reading the
 * organisation needs LF_ACT_READ_PUBLIC (every user of the unit); changing
 * it LF_ACT_ORG_EDIT.
 *
 * Inputs are text as typed (include/lianfang/input.h): in a *_in struct, NULL
 * leaves a field as it is, "" clears it. References are gids. */
#ifndef LIANFANG_ORG_H
#define LIANFANG_ORG_H

#include "lianfang/page.h"
#include "lianfang/perm.h"

struct lf_dept_in {
	const char *name, *seq;
	const char *head, *leader; /* person gids: 处室负责人, 分管领导 */
};

struct lf_dept {
	long long id;
	char gid[LF_GID_LEN + 1];
	const char *name;
	int seq, retired;
	char head[LF_GID_LEN + 1], leader[LF_GID_LEN + 1]; /* "" when unset */
	const char *head_name, *leader_name;                /* NULL when unset */
	int posts;                                          /* posts in use */
};

struct lf_dept_list {
	struct lf_dept *v;
	int n;
	struct lf_arena arena;
};

struct lf_post_in {
	const char *dept, *name, *duties, *seq;
};

struct lf_post {
	long long id;
	char gid[LF_GID_LEN + 1], dept[LF_GID_LEN + 1];
	const char *dept_name, *name, *duties; /* duties may be NULL */
	int seq, retired;
	int persons;               /* persons in use on the post */
	const char *person_names;  /* "张三、李四", NULL when none */
};

struct lf_post_list {
	struct lf_post *v;
	int n;
	struct lf_arena arena;
};

struct lf_person_in {
	const char *name, *post, *title;
};

struct lf_person {
	long long id;
	char gid[LF_GID_LEN + 1], post[LF_GID_LEN + 1], dept[LF_GID_LEN + 1]; /* "" when none */
	const char *name, *title, *post_name, *dept_name;                     /* NULL when none */
	int retired;
};

struct lf_person_list {
	struct lf_person *v;
	int n;
	struct lf_arena arena;
};

/* Departments: names are unique among those in use. New ones go last. */
lf_status lf_dept_add(struct lf_db *db, const struct lf_dept_in *in, char gid[LF_GID_LEN + 1]);
lf_status lf_dept_edit(struct lf_db *db, const char *gid, const struct lf_dept_in *in);
/* retired = 1 retires (refused while posts are in use), 0 restores. */
lf_status lf_dept_retire(struct lf_db *db, const char *gid, int retired);
lf_status lf_dept_get(struct lf_db *db, const char *gid, struct lf_dept_list *out); /* one row */
/* In the unit's order (seq, name). */
lf_status lf_dept_list(struct lf_db *db, int with_retired, struct lf_page *pg, struct lf_dept_list *out);
void lf_dept_list_free(struct lf_dept_list *l);

/* Posts: names are unique within their department among those in use. */
lf_status lf_post_add(struct lf_db *db, const struct lf_post_in *in, char gid[LF_GID_LEN + 1]);
lf_status lf_post_edit(struct lf_db *db, const char *gid, const struct lf_post_in *in);
/* Retiring is refused while persons are on the post. */
lf_status lf_post_retire(struct lf_db *db, const char *gid, int retired);
lf_status lf_post_get(struct lf_db *db, const char *gid, struct lf_post_list *out);
/* Posts of one department (dept) or of the unit (NULL), in department order. */
lf_status lf_post_list(struct lf_db *db, const char *dept, int with_retired, struct lf_page *pg,
                       struct lf_post_list *out);
void lf_post_list_free(struct lf_post_list *l);

lf_status lf_person_add(struct lf_db *db, const struct lf_person_in *in, char gid[LF_GID_LEN + 1]);
lf_status lf_person_edit(struct lf_db *db, const char *gid, const struct lf_person_in *in);
lf_status lf_person_retire(struct lf_db *db, const char *gid, int retired);
lf_status lf_person_get(struct lf_db *db, const char *gid, struct lf_person_list *out);
/* Persons of a post, of a department, or of the unit (both NULL), by name. */
lf_status lf_person_list(struct lf_db *db, const char *dept, const char *post, int with_retired,
                         struct lf_page *pg, struct lf_person_list *out);
void lf_person_list_free(struct lf_person_list *l);

/* Finding by name what a person types or a table names (the organisation is
 * public: LF_ACT_READ_PUBLIC). Those in use come first; a retired one only
 * when none in use has the name (the new 王静 on the post, not the one who
 * left), the first made when several have it. LF_NOTFOUND when none, the
 * message naming what there is. unit NULL: this database's unit (another
 * unit's organisation is held here when it sent its records). */
lf_status lf_dept_find(struct lf_db *db, const char *unit, const char *name, char gid[LF_GID_LEN + 1]);
lf_status lf_post_find(struct lf_db *db, const char *dept, const char *name, char gid[LF_GID_LEN + 1]);
/* A person on `post`, or anywhere in `unit` when post is NULL. */
lf_status lf_person_find(struct lf_db *db, const char *unit, const char *post, const char *name,
                         char gid[LF_GID_LEN + 1]);

/* The department a post belongs to (for permission scopes). */
lf_status lf_post_dept(struct lf_db *db, const char *post, char dept[LF_GID_LEN + 1]);
/* lf_perm_check of `act` on something of a live post: the post's
 * department, the post and, when not NULL, a self-check form and the person
 * whose form it is (staff may change only their own, before submitting). */
lf_status lf_post_perm_check(struct lf_db *db, enum lf_action act, const char *post, const char *selfcheck,
                             const char *person);

#endif
