/* cli_auth: how a command-line run signs in (lf_cli_open calls it), and
 * reading passwords from the terminal or standard input.
 *
 * A run acts as: in setup mode (no account yet), whoever --user,
 * LIANFANG_USER or the system user names, unchecked; otherwise the login
 * named by --user or LIANFANG_USER, signed in without a password if that
 * account is mapped to the system user running lianfang, else with its
 * password (LIANFANG_PASSWORD for scripts, else asked on the terminal); with
 * no login named, the account mapped to the system user, else nobody (every
 * checked action is then refused). For the screens (cli->screens) nothing is
 * asked on the terminal: without LIANFANG_PASSWORD nobody is signed in and
 * the sign-in screen asks. A command that only reads (LF_OPEN_READ)
 * and has neither LIANFANG_PASSWORD nor a terminal to ask on reads as nobody
 * instead of failing — `dump` of a file needs no user, like `check` and
 * `audit verify`, which act as nobody: they read the file as it is. */
#ifndef LIANFANG_CLI_AUTH_H
#define LIANFANG_CLI_AUTH_H

#include "lianfang/cli.h"

/* Sign the run in on an open database; on failure print why, and return
 * LF_EXIT_FAIL (the caller closes the database). */
int lf_cli_signin(struct lf_cli *cli, struct lf_db *db, enum lf_open_mode mode);
/* How this run signed in, in Chinese ("密码", "系统账户 wang", …). */
const char *lf_cli_signed_in_how(void);

/* Ask on the terminal (/dev/tty) without echo. NULL when there is no
 * terminal, when standard error is not a terminal (a script is running us:
 * it must not hang on a question nobody sees), or when the user gave up
 * (Ctrl-D); Ctrl-C restores the terminal and ends the program. Free with
 * lf_cli_password_free. */
char *lf_cli_ask_password(const char *prompt);
/* A new password: one line of standard input when from_stdin, else asked
 * twice on the terminal. Prints why and returns NULL on failure. */
char *lf_cli_new_password(const char *whose, int from_stdin);
/* One line of standard input without its newline, or NULL at end of input. */
char *lf_cli_stdin_line(void);
/* Wipe and free. */
void lf_cli_password_free(char *p);

#endif
