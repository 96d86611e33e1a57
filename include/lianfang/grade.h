/* grade: the unit's grading scheme — level names, probability × severity
 * matrix — and the level it proposes. Levels are stored as a canonical
 * ordinal, 1 low … 3 high; the names shown are the unit's own. */
#ifndef LIANFANG_GRADE_H
#define LIANFANG_GRADE_H

#include "lianfang/store.h"

#define LF_LEVEL_LOW  1
#define LF_LEVEL_MID  2
#define LF_LEVEL_HIGH 3

/* The level the matrix proposes for probability p and severity s (1..size);
 * 0 if either is out of range. Uses the unit's matrix setting, else 3×3:
 *        s=1 s=2 s=3
 *   p=1   1   1   2
 *   p=2   1   2   3
 *   p=3   2   3   3                                                        */
int lf_grade_propose(struct lf_db *db, int p, int s);

#endif
