/* ui_priv: what the files of src/ui/ share and screens do not need. */
#ifndef LIANFANG_UI_PRIV_H
#define LIANFANG_UI_PRIV_H

#include "lianfang/screen.h"

/* Choose colours or monochrome for this terminal (after newterm). */
void lf_ui_theme_init(void);
/* The form-file warnings of this run, for the help page. */
void lf_ui_warnings(struct lf_ui *ui, struct lf_buf *b); /* and the last message */

/* 1 while a bracketed paste is arriving: keys are text. */
int lf_ui_pasting(const struct lf_ui *ui);
/* Put the selection of the picker on top on this value (the current one). */
void lf_picker_select(struct lf_ui *ui, const char *value);
/* Start the search of the picker on top with this typed key. */
void lf_picker_type(struct lf_ui *ui, int key);

/* The action tables of the ready-made screens (lf_action_tables lists them). */
extern const struct lf_action lf_form_actions[], lf_help_actions[], lf_home_actions[], lf_picker_actions[],
	lf_records_actions[], lf_records_tree_actions[];

#endif
