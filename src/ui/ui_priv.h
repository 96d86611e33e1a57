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

/* The first screens (ui_signin.c): create the first administrator of a new
 * database; sign in (login offered, may be ""). */
void lf_setup_open(struct lf_ui *ui);
void lf_signin_open(struct lf_ui *ui, const char *login);
/* Close every screen after this action and choose the first one again for
 * who is now signed in (after signing in or creating the administrator). */
void lf_ui_start_over(struct lf_ui *ui);

/* Rows held in memory as a list source (ui_rows.c): one page the model
 * returned, for the list widget. A row's id is its index. */
struct lf_rows {
	struct lf_listrow *v;
	int n, cap;
};
void lf_rows_add(struct lf_rows *m, const char *gid, const char *const *cells, int ncells);
void lf_rows_clear(struct lf_rows *m);
struct lf_list_source lf_list_source_rows(struct lf_rows *m);

/* The screens of the cycle's phases 1–2 (the home menu opens them). cycle
 * is a cycle's gid; each reports its own failures on the message line. */
void lf_cycles_open(struct lf_ui *ui);                           /* ui_cycle.c: years and their phases */
void lf_plan_open(struct lf_ui *ui, const char *cycle);          /* the work plan of a cycle */
void lf_group_open(struct lf_ui *ui, const char *cycle);         /* its leading group */
void lf_meetings_open(struct lf_ui *ui, const char *cycle);      /* its meetings and study sessions */
void lf_org_open(struct lf_ui *ui);                              /* ui_org.c: departments → posts → persons */
void lf_persons_open(struct lf_ui *ui);                          /* every person of the unit */
lf_status lf_post_persons_open(struct lf_ui *ui, const char *post, void *ctx); /* the persons of a post */
void lf_powers_open(struct lf_ui *ui);                           /* ui_power.c: departments → powers → chart */
void lf_flow_open(struct lf_ui *ui, const char *power, int step); /* ui_flow.c: a power's chart, at step n */
void lf_coverage_open(struct lf_ui *ui);                         /* ui_coverage.c: what phase 2 has not covered */
void lf_scheme_open(struct lf_ui *ui);                           /* ui_scheme.c: the unit's grading scheme */
/* Row i (from 0) of the home's menu: its key, the group it is listed under,
 * its label and what it opens; 0 past the last row. For the manual's KEYS
 * section and the tests of keys. */
int lf_home_menu_row(int i, int *key, const char **group, const char **label, const char **about);
/* Report a failed model call on the message line; 1 if st failed. */
int lf_ui_failed(struct lf_ui *ui, lf_status st);

/* The action tables of the ready-made screens (lf_action_tables lists them). */
extern const struct lf_ui_action lf_form_actions[], lf_help_actions[], lf_home_actions[], lf_picker_actions[],
	lf_records_actions[], lf_records_tree_actions[], lf_path_actions[];
/* … and of the phase 1–2 screens. */
extern const struct lf_ui_action lf_cycle_actions[], lf_flow_actions[], lf_step_risks_actions[], lf_coverage_actions[],
	lf_scheme_actions[];

#endif
