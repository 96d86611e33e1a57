/* heatmap: probability × severity with the number of risk points in each
 * cell, the level the unit's matrix gives the cell, and the counts by decided
 * level. The risks of a cell are a summary page filtered by the cell
 * (summary.h). The text drawing names each cell's level, so it reads in
 * monochrome; a screen colours cells by `level`. */
#ifndef LIANFANG_HEATMAP_H
#define LIANFANG_HEATMAP_H

#include "lianfang/grade.h"
#include "lianfang/page.h"
#include "lianfang/summary.h"

struct lf_heatmap {
	int size;                                          /* the matrix side */
	int count[LF_MATRIX_MAX + 1][LF_MATRIX_MAX + 1];   /* [p][s], 1-based */
	int level[LF_MATRIX_MAX + 1][LF_MATRIX_MAX + 1];   /* the matrix's level of each cell */
	int by_level[4];   /* by decided level; [0]: not graded */
	int unscored;      /* risks without probability or severity */
	int overridden;    /* decided level differs from the proposal */
	int total;
};

/* Count the risks the filter selects (its cell and text parts are ignored)
 * among those the acting user may read, as lf_summary_page. */
lf_status lf_heatmap_get(struct lf_db *db, const struct lf_summary_filter *f, struct lf_heatmap *h);
/* Draw it: probability rows from high to low, severity columns from low to
 * high, each cell "count level", then the totals. Line item: the row's
 * probability (0 for other lines). */
void lf_heatmap_lines(const struct lf_heatmap *h, const struct lf_scheme *sc, struct lf_lines *out);

#endif
