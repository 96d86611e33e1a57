/* cli: the command line. `lianfang [options] [COMMAND [ARGS]]`; each command
 * is a struct lf_cmd in its own file under src/cli/, listed in src/cli/cli.c.
 * Commands are thin: they parse arguments, call the model, print results.
 * Exit status: 0 success, 1 a failure explained on stderr, 2 wrong usage. */
#ifndef LIANFANG_CLI_H
#define LIANFANG_CLI_H

#include <stdio.h>
#include "lianfang/store.h"

enum { LF_EXIT_OK = 0, LF_EXIT_FAIL = 1, LF_EXIT_USAGE = 2 };

struct lf_cli {
	const char *db_path;   /* --db, or NULL: LIANFANG_DB, then the default */
	const char *user;      /* --user, or NULL: LIANFANG_USER, then the system user */
	const char *forms_dir; /* --forms, or NULL: LIANFANG_FORMS */
	int screens;           /* the screens ask for a missing password themselves */
};

struct lf_cmd {
	const char *name;
	const char *summary;   /* one line, Chinese, for `lianfang --help` */
	const char *usage;     /* the full `COMMAND --help` text */
	int (*run)(struct lf_cli *cli, int argc, char **argv); /* argv[0] is the name */
};

extern const struct lf_cmd *const lf_commands[];

int lf_cli_main(int argc, char **argv);

/* The database path the options and environment choose. */
char *lf_cli_db_path(const struct lf_cli *cli);
/* Open the chosen (or given) database and set the acting user; on failure
 * print the reason and return LF_EXIT_FAIL. */
int lf_cli_open(struct lf_cli *cli, const char *path, enum lf_open_mode mode, struct lf_db **db);

/* Print "lianfang: message" to stderr; returns LF_EXIT_FAIL. */
int lf_cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a usage error and the command's synopsis; returns LF_EXIT_USAGE. */
int lf_cli_usage(const struct lf_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Options every command accepts, for getopt_long tables:
 *   { LF_CLI_COMMON_OPTIONS, …, { 0 } }  and in the switch:
 *   default: if (lf_cli_common_opt(cli, cmd, c, optarg, &rc)) return rc; */
#define LF_CLI_COMMON_OPTIONS \
	{ "db", 1, 0, 0x100 }, { "user", 1, 0, 0x101 }, { "forms", 1, 0, 0x102 }, { "help", 0, 0, 'h' }
/* Handle a common option. Returns 0 if c was one (go on), otherwise 1 with
 * *rc the exit status to return (help printed, or a usage error). */
int lf_cli_common_opt(struct lf_cli *cli, const struct lf_cmd *cmd, int c, const char *arg, int *rc);

#endif
