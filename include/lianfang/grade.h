/* grade: the unit's grading scheme and the grading of risk points. The scheme
 * is configuration kept in `setting` records (so it travels with the unit's
 * data): the level names and their direction, the lists of categories,
 * sources and ways of finding, and the probability × severity matrix that
 * proposes a level. Levels are stored as a canonical ordinal, 1 low … 3 high;
 * what people see are the unit's own names. The leadership may set a risk's
 * level otherwise than the matrix proposes, with a reason; both are kept. */
#ifndef LIANFANG_GRADE_H
#define LIANFANG_GRADE_H

#include "lianfang/store.h"

#define LF_LEVEL_LOW  1
#define LF_LEVEL_MID  2
#define LF_LEVEL_HIGH 3

#define LF_MATRIX_MIN 3
#define LF_MATRIX_MAX 5
#define LF_LIST_MAX   40   /* items in a category/source/found-by list */
#define LF_LABEL_MAX  64   /* bytes of a level or axis name */

/* Setting keys (records of kind `setting`). Values are "|"-separated lists,
 * the matrix rows by probability "1,1,2;1,2,3;2,3,3". */
#define LF_SET_LEVELS     "grade.levels"      /* names of levels 1 (low) … 3 (high) */
#define LF_SET_MATRIX     "grade.matrix"
#define LF_SET_PROB       "grade.probability" /* names of probability 1 … size */
#define LF_SET_SEVERITY   "grade.severity"    /* names of severity 1 … size */
#define LF_SET_CATEGORIES "grade.categories"
#define LF_SET_SOURCES    "grade.sources"
#define LF_SET_FOUND_BY   "grade.found_by"

struct lf_scheme {
	char level[4][LF_LABEL_MAX];    /* level[1] low … level[3] high; level[0] "" */
	int size;                        /* the matrix is size × size */
	unsigned char matrix[LF_MATRIX_MAX][LF_MATRIX_MAX]; /* [p-1][s-1] → 1..3 */
	char prob[LF_MATRIX_MAX + 1][LF_LABEL_MAX];     /* prob[1..size] */
	char severity[LF_MATRIX_MAX + 1][LF_LABEL_MAX]; /* severity[1..size] */
	char *categories[LF_LIST_MAX + 1];  /* NULL-terminated */
	char *sources[LF_LIST_MAX + 1];
	char *found_by[LF_LIST_MAX + 1];
};

/* The unit's scheme: its settings where set, the defaults elsewhere
 * (高/中/低, the 3×3 matrix below, seed 001/002/003 lists). Free it with
 * lf_scheme_free. Needs LF_ACT_READ_PUBLIC: everyone who fills a form needs it.
 *        s=1 s=2 s=3
 *   p=1   1   1   2
 *   p=2   1   2   3
 *   p=3   2   3   3                                                        */
lf_status lf_scheme_load(struct lf_db *db, struct lf_scheme *s);
/* The scheme of `unit` (NULL: this database's unit): a lower unit's settings
 * travel with its records, so an upper level names its levels as it does. */
lf_status lf_scheme_load_unit(struct lf_db *db, const char *unit, struct lf_scheme *s);
void lf_scheme_free(struct lf_scheme *s);

/* Change one setting (LF_SET_…) from text as typed: lists separated by
 * "|", "," "，" or new lines; the matrix as rows "1,1,2;1,2,3;2,3,3"; the
 * levels from low to high. Checked first (three distinct level names, a
 * square 3×3 … 5×5 matrix of 1–3 that never falls as p or s rises, a matrix
 * no smaller than the scores already given). Needs LF_ACT_SETTINGS. */
lf_status lf_scheme_set(struct lf_db *db, const char *key, const char *value);
/* Level names by a preset: "高中低" (seeds 002, 004), "一级最低" (seed 001:
 * 一级 lowest … 三级 highest), "一级最高" (seed 003: 一级 highest). */
lf_status lf_scheme_preset(struct lf_db *db, const char *preset);
/* Forget a setting: the default applies again. */
lf_status lf_scheme_reset(struct lf_db *db, const char *key);

/* The level the matrix proposes for probability p and severity s
 * (1..size); 0 if either is out of range. */
int lf_scheme_propose(const struct lf_scheme *s, int p, int sev);
/* The unit's name of an ordinal level ("" for 0). */
const char *lf_scheme_level_name(const struct lf_scheme *s, int level);
/* The ordinal of one of the unit's level names; LF_INVALID otherwise, the
 * message listing the names from low to high. Only names: "1" or "三级" mean
 * different things in different units. */
lf_status lf_scheme_level_parse(struct lf_db *db, const struct lf_scheme *s, const char *text, int *level);
/* True if value is in a NULL-terminated list. */
int lf_scheme_has(char *const *list, const char *value);

/* Convenience for code that has no scheme at hand (the demo). */
int lf_grade_propose(struct lf_db *db, int p, int s);

/* The leadership decides a risk's level: `level` as the unit names it (or
 * "" to go back to the proposed level); a reason is required when the level
 * differs from the proposal. Kept beside the proposal, never instead of it.
 * Needs LF_ACT_LEVEL_SET for the risk's department. One transaction. */
lf_status lf_grade_set_level(struct lf_db *db, const char *risk, const char *level, const char *reason);

#endif
