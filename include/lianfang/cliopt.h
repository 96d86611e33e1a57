/* cliopt: what the workflow commands (cycle, dept, post, risk, review …)
 * share — subcommand dispatch, option tables, finding records from what was
 * typed (a name or an id prefix), the cycle to work in, and printing. */
#ifndef LIANFANG_CLIOPT_H
#define LIANFANG_CLIOPT_H

#include <stdio.h>

#include "lianfang/cli.h"
#include "lianfang/page.h"

/* A subcommand: `lianfang CMD SUB [options]`; argv[0] is SUB. */
struct lf_sub {
	const char *name;
	int (*run)(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv);
};

/* Run the subcommand named by argv[1] (argv[0] is the command); --help or
 * none prints the command's usage. */
int lf_cli_dispatch(struct lf_cli *cli, const struct lf_cmd *cmd, const struct lf_sub *subs, int argc, char **argv);

/* An option: --name VALUE stores VALUE; a flag (--name) stores "1". */
struct lf_opt {
	const char *name;
	const char **value;
	int flag;
};

/* Parse options (the table, ended by a NULL name, plus the common ones).
 * Positional arguments are left in argv[*first … argc). Returns -1 to go on,
 * or an exit status (help printed, or a usage error). */
int lf_cli_parse(struct lf_cli *cli, const struct lf_cmd *cmd, int argc, char **argv, const struct lf_opt *opts,
                 int *first);
/* Exactly `n` positional arguments, named `what` in the message. */
int lf_cli_positional(const struct lf_cmd *cmd, int argc, char **argv, int first, int n, const char *what);

/* Open the database (NULL path: --db, LIANFANG_DB, default). */
int lf_cli_db(struct lf_cli *cli, int write, struct lf_db **db);
/* Print the model's failure and return LF_EXIT_FAIL. */
int lf_cli_status(struct lf_db *db, lf_status st);

/* Find records from what was typed. Each prints nothing and returns the
 * model status; the message (Chinese, naming what was not found) is in db. */
lf_status lf_cli_find(struct lf_db *db, const char *kind, const char *text, char gid[LF_GID_LEN + 1]);
lf_status lf_cli_find_post(struct lf_db *db, const char *text, const char *dept_text, char gid[LF_GID_LEN + 1]);
/* The cycle of --cycle YEAR, or the current one. */
lf_status lf_cli_cycle(struct lf_db *db, const char *year, char gid[LF_GID_LEN + 1], int *out_year);
/* A self-check form: an id prefix, or a person's name (on --post) in the cycle. */
lf_status lf_cli_selfcheck(struct lf_db *db, const char *cycle, const char *text, const char *post_text,
                           char gid[LF_GID_LEN + 1]);
/* A flow step: an id prefix, or the step number of `power`. */
lf_status lf_cli_step(struct lf_db *db, const char *power, const char *text, char gid[LF_GID_LEN + 1]);

/* Print "label：text" only when text is set. */
void lf_cli_field(const char *indent, const char *label, const char *text);
/* One line of a form's review history (and its opinion below it). */
struct lf_review;
void lf_cli_review_line(const char *indent, const struct lf_review *r);
/* Note printed after an edit that sent a signed form back. */
void lf_cli_reopened(int reopened);
/* Before a list or report of `dept` (NULL: the unit) that the user may read
 * only part of, say which part: "（只显示你有权查看的：登记注册科）". Every
 * list of risk work does this, on stdout (on stderr for --tsv); a user who
 * may read none of it gets the list's refusal instead. */
void lf_cli_reach_note(struct lf_db *db, const char *dept, FILE *to);
/* When a page was cut short: how to get the next one. */
void lf_cli_more(const struct lf_page *pg);
/* --limit and --after for list commands: one page when --limit is given,
 * else every page (fetched 100 at a time). */
int lf_cli_paging(const struct lf_cmd *cmd, const char *limit, const char *after, struct lf_page *pg, int *all);

#endif
