/* cli_auth: signing a command-line run in, and reading passwords
 * (include/lianfang/cli_auth.h). The password is only ever in a buffer
 * here and in the call to lf_auth_signin; it is wiped after use. */
#include "lianfang/cli_auth.h"
#include "lianfang/auth.h"
#include "lianfang/util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define LINE_MAX_BYTES 1024

static char how[128] = "";

const char *lf_cli_signed_in_how(void)
{
	return how;
}

void lf_cli_password_free(char *p)
{
	if (!p)
		return;
	sodium_memzero(p, strlen(p));
	lf_free(p);
}

/* ------------------------------------------------------------------ reading */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

/* Read one line from fd into a fresh buffer; NULL at end of input or on a
 * signal. The buffer is wiped if given up. */
static char *read_line(int fd)
{
	char *buf = lf_alloc(LINE_MAX_BYTES + 1);
	size_t n = 0;

	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR && !interrupted)
			continue;
		if (r <= 0) {
			if (n == 0 || interrupted) {
				sodium_memzero(buf, LINE_MAX_BYTES + 1);
				lf_free(buf);
				return NULL;
			}
			break;
		}
		if (c == '\n')
			break;
		if (n < LINE_MAX_BYTES)
			buf[n++] = c;
	}
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = 0;
	return buf;
}

char *lf_cli_ask_password(const char *prompt)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
	struct sigaction sa, old_sa[5];
	struct termios old, quiet;
	char *line;
	int fd;
	size_t i;

	/* Ask only someone who can see the question: when standard error goes to
	 * a file or a pipe, a script is running us and must not hang on a prompt
	 * (tests run from a terminal too). */
	if (!isatty(STDERR_FILENO) || (fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return NULL;
	if (tcgetattr(fd, &old) != 0) {
		close(fd);
		return NULL;
	}
	/* Signals only set a flag; the terminal is restored before acting on them. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	for (i = 0; i < LF_COUNT(sigs); i++)
		sigaction(sigs[i], &sa, &old_sa[i]);
	/* TCSANOW, not TCSAFLUSH: on a slow SSH link people type the password
	 * before the prompt arrives, and flushing would throw it away. */
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	quiet.c_lflag |= ECHONL;
	if (write(fd, prompt, strlen(prompt)) < 0 || tcsetattr(fd, TCSANOW, &quiet) != 0)
		line = NULL;
	else
		line = read_line(fd);
	tcsetattr(fd, TCSANOW, &old);
	if (interrupted) {
		ssize_t w = write(fd, "\n", 1); /* end the prompt's line */

		(void)w;
	}
	close(fd);
	for (i = 0; i < LF_COUNT(sigs); i++)
		sigaction(sigs[i], &old_sa[i], NULL);
	if (interrupted) {
		lf_cli_password_free(line);
		raise(interrupted);
		return NULL;
	}
	return line;
}

char *lf_cli_stdin_line(void)
{
	return read_line(STDIN_FILENO);
}

char *lf_cli_new_password(const char *whose, int from_stdin)
{
	char prompt[160], *a, *b;

	if (from_stdin) {
		if (!(a = lf_cli_stdin_line()))
			lf_cli_fail("标准输入中没有密码（--password-stdin 要从标准输入读一行密码）。");
		return a;
	}
	snprintf(prompt, sizeof prompt, "%s的新密码：", whose);
	if (!(a = lf_cli_ask_password(prompt))) {
		lf_cli_fail("需要输入新密码：请在终端中运行（会提示输入），或用 --password-stdin 从标准输入读取。");
		return NULL;
	}
	if (!(b = lf_cli_ask_password("再输入一次："))) {
		lf_cli_password_free(a);
		lf_cli_fail("没有再次输入密码，密码没有设置。");
		return NULL;
	}
	if (strcmp(a, b)) {
		lf_cli_password_free(a);
		a = NULL;
		lf_cli_fail("两次输入的密码不一样，密码没有设置。");
	}
	lf_cli_password_free(b);
	return a;
}

/* ------------------------------------------------------------------ signing in */

static const char *claimed_user(const struct lf_cli *cli)
{
	const char *u = cli->user ? cli->user : getenv("LIANFANG_USER");

	return u && *u ? u : NULL;
}

/* Is there a password to be had without failing: LIANFANG_PASSWORD, or a
 * terminal to ask on (see lf_cli_ask_password)? */
static int password_available(void)
{
	const char *env = getenv("LIANFANG_PASSWORD");
	int fd;

	if (env && *env)
		return 1;
	if (!isatty(STDERR_FILENO) || (fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return 0;
	close(fd);
	return 1;
}

/* The password for `login`: LIANFANG_PASSWORD if set and not empty (then
 * removed from the environment, so nothing started later inherits it), else
 * the terminal. */
static char *password_for(const char *login)
{
	const char *env = getenv("LIANFANG_PASSWORD");
	char prompt[128];

	if (env && *env) {
		char *p = lf_strdup(env);

		sodium_memzero((char *)env, strlen(env));
		unsetenv("LIANFANG_PASSWORD");
		return p;
	}
	snprintf(prompt, sizeof prompt, "用户“%s”的密码：", login);
	return lf_cli_ask_password(prompt);
}

int lf_cli_signin(struct lf_cli *cli, struct lf_db *db, enum lf_open_mode mode)
{
	const char *claim = claimed_user(cli);
	enum lf_auth_state state;
	struct lf_signin in;
	lf_status st;
	char *pw;

	if ((st = lf_auth_state(db, &state)))
		return lf_cli_fail("%s", lf_errmsg(db, st));
	if (state == LF_AUTH_SETUP) {
		/* No account yet: act as named, unchecked (perm.h "setup mode"). */
		if (claim)
			snprintf(db->actor, sizeof db->actor, "%s", claim);
		snprintf(how, sizeof how, "初始设置（本数据库还没有用户，不检查权限）");
		return LF_EXIT_OK;
	}
	lf_auth_signout(db);
	snprintf(how, sizeof how, "未登录");
	if (mode == LF_OPEN_CHECK || state == LF_AUTH_BROKEN)
		return LF_EXIT_OK; /* checks need nobody; a broken table lets nobody in */
	if (!claim) {
		if (lf_auth_signin_system(db, &in) == LF_OK)
			snprintf(how, sizeof how, "系统账户“%s”", lf_auth_system_user());
		else if (in.result == LF_SIGNIN_RETIRED)
			return lf_cli_fail("%s", db->err);
		return LF_EXIT_OK;
	}
	st = lf_auth_signin_mapped(db, claim, &in);
	if (st == LF_OK) {
		snprintf(how, sizeof how, "系统账户“%s”", lf_auth_system_user());
		return LF_EXIT_OK;
	}
	if (in.result != LF_SIGNIN_NOT_MAPPED)
		return lf_cli_fail("%s", lf_errmsg(db, st));
	/* A script that only reads and has no password reads as nobody: what
	 * needs a user is then refused, saying how to sign in. */
	if (mode == LF_OPEN_READ && !password_available())
		return LF_EXIT_OK;
	/* The screens show their own sign-in, with the login filled in. */
	if (cli->screens && !(getenv("LIANFANG_PASSWORD") && *getenv("LIANFANG_PASSWORD")))
		return LF_EXIT_OK;
	if (!(pw = password_for(claim)))
		return lf_cli_fail("需要用户“%s”的密码：请在终端中运行（会提示输入密码），脚本可设置环境变量 "
		                   "LIANFANG_PASSWORD；或请管理员把你的系统账户“%s”对应到这个用户（lianfang user map）。",
		                   claim, lf_auth_system_user());
	st = lf_auth_signin(db, claim, pw, &in);
	lf_cli_password_free(pw);
	if (st)
		return lf_cli_fail("%s", lf_errmsg(db, st));
	snprintf(how, sizeof how, "密码");
	return LF_EXIT_OK;
}
