/* ui_xfer: what the screens that move files share (exchange, export,
 * import): a page of report lines that scrolls — a preview, a result, a list
 * of problems — and the model's progress callbacks turned into the engine's
 * progress bar. */
#ifndef LIANFANG_UI_XFER_H
#define LIANFANG_UI_XFER_H

#include "lianfang/screen.h"

struct xview_line {
	char *text;
	enum lf_ui_role role;
	int indent;          /* columns; wrapped lines keep it */
};

struct xview {
	struct xview_line *l;
	int n, cap;
	int top;             /* first line shown */
	int last;            /* last line shown whole by the last draw */
	int height;
};

void xview_clear(struct xview *v);
void xview_add(struct xview *v, enum lf_ui_role role, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Wrapped in cols, from line `top`; "↓" on the last row when more follows. */
void xview_draw(struct xview *v, WINDOW *w, int y, int x, int rows, int cols);
/* The movement keys of lf_list_actions scroll it: 1 if key was one. */
int xview_key(struct xview *v, int key);
/* Text with every line of it a line of the view. */
void xview_add_lines(struct xview *v, enum lf_ui_role role, int indent, const char *text);

/* For lf_merge, lf_pack_*: ctx is a struct xprog. */
struct xprog {
	struct lf_ui *ui;
	const char *what;    /* "合并", "打包" */
};
int xprog_stage(void *ctx, const char *stage, long long done, long long total);

/* "460.0 KB" */
void x_size(char *buf, size_t len, long long bytes);

extern const struct lf_ui_action lf_exchange_actions[], lf_merge_actions[], lf_conflicts_actions[],
	lf_conflict_actions[], lf_export_actions[], lf_xproblems_actions[], lf_import_actions[],
	lf_ipreview_actions[];

/* The screens (ui_exchange.c, ui_conflicts.c, ui_export.c, ui_import.c). */
void lf_exchange_open(struct lf_ui *ui);
void lf_conflicts_open(struct lf_ui *ui);
void lf_import_open(struct lf_ui *ui);

#endif
