/* grade: proposing a level from probability and severity (include/lianfang/grade.h). */
#include "lianfang/grade.h"

static const int default_matrix[3][3] = {
	{ 1, 1, 2 },
	{ 1, 2, 3 },
	{ 2, 3, 3 },
};

int lf_grade_propose(struct lf_db *db, int p, int s)
{
	(void)db;
	if (p < 1 || p > 3 || s < 1 || s > 3)
		return 0;
	return default_matrix[p - 1][s - 1];
}
