/* tui-harness: run a program in a pseudo-terminal of a fixed size, drive it
 * with keys from a script, and check what a terminal (libvterm) shows. It
 * prints TAP lines ("ok - …" / "not ok - …"); tests/tui/lib-tui.sh numbers
 * them. Nothing here sleeps for a fixed time: every step polls for what it
 * waits for, with a timeout.
 *
 *   tui-harness [-s COLSxROWS] [-e ENCODING] [-t TIMEOUT_MS] -- program args…  < script
 *
 * -e GBK: the program's terminal speaks GBK. Its output is decoded to UTF-8
 * before libvterm sees it and typed text is encoded to GBK, so a test reads
 * and types Chinese the same way in both locales.
 *
 * Script, one command per line ('#' starts a comment):
 *   wait TEXT                 until TEXT is on the screen (fails the script if not)
 *   wait-gone TEXT            until TEXT is not on the screen
 *   wait-cursor ROW COL       until the cursor is there
 *   type TEXT                 type UTF-8 text (the rest of the line)
 *   key NAME…                 Enter Tab BTab Esc Up Down Left Right Home End PgUp PgDn
 *                             Ins Del Bksp Space F1…F12 C-a…C-z M-x
 *   raw TEXT                  write bytes with \e \r \n \t \xHH escapes
 *   expect-row N TEXT         row N (from 0), trailing blanks ignored, is TEXT
 *   expect-row-has N TEXT     row N contains TEXT
 *   expect-has TEXT / expect-lacks TEXT
 *   expect-cursor ROW COL
 *   expect-colour / expect-no-colour
 *   expect-attr ROW COL reverse|bold|underline|plain
 *   resize COLS ROWS
 *   signal NAME               HUP TERM INT TSTP CONT to the program
 *   hangup                    close the terminal, as a dropped SSH link does
 *   expect-exit CODE          the program ends with this status
 *   expect-restored           after the exit: normal screen, cursor shown, echo on
 *   mark                      remember the byte count
 *   expect-bytes-max N        at most N bytes written since the mark
 *   expect-bytes-min N        at least N bytes (to show what a full repaint costs)
 *   type-each TEXT MAX        type one character at a time, each repaint ≤ MAX bytes
 *   settle MS                 read until nothing comes for MS milliseconds
 *   clock                     start a stopwatch (for benchmarks, never for checks)
 *   clock-report NAME         print "# time NAME MICROSECONDS"
 *   dump                      print the screen as comments
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

struct h {
	int fd;
	pid_t pid;
	int exited, status;
	VTerm *vt;
	VTermScreen *scr;
	VTermState *state;
	int rows, cols;
	iconv_t dec, enc;         /* GBK ⇄ UTF-8, or (iconv_t)-1 */
	char partial[8];          /* an incomplete multibyte character from the last read */
	size_t npartial;
	long long bytes, mark;
	int altscreen, cursor_visible;
	struct termios last_tio;  /* the terminal's modes, read before it closed */
	int have_tio;
	int failed;
	long timeout;
	long long clock;
};

static struct h H;

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void tap(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void tap(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok - ", ok ? "" : "not ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!ok)
		H.failed = 1;
}

/* ------------------------------------------------------------------ the terminal */

static int settermprop(VTermProp prop, VTermValue *val, void *user)
{
	(void)user;
	if (prop == VTERM_PROP_ALTSCREEN)
		H.altscreen = val->boolean;
	if (prop == VTERM_PROP_CURSORVISIBLE)
		H.cursor_visible = val->boolean;
	return 1;
}

static const VTermScreenCallbacks callbacks = { .settermprop = settermprop };

static void to_program(const char *b, size_t n);

static void vterm_out(const char *s, size_t len, void *user)
{
	(void)user;
	to_program(s, len); /* answers to the program's queries */
}

static void feed(const char *buf, size_t n)
{
	char in[8192 + 8], out[32768];
	char *ip = in, *op = out;
	size_t il, ol = sizeof out;

	if (H.dec == (iconv_t)-1) {
		vterm_input_write(H.vt, buf, n);
		return;
	}
	memcpy(in, H.partial, H.npartial);
	memcpy(in + H.npartial, buf, n);
	il = H.npartial + n;
	H.npartial = 0;
	while (il > 0) {
		if (iconv(H.dec, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno == EINVAL) { /* cut in the middle: keep for the next read */
				memcpy(H.partial, ip, il);
				H.npartial = il;
				break;
			}
			if (errno == EILSEQ) { /* not GBK: show it as '?' */
				*op++ = '?';
				ol--;
				ip++;
				il--;
				continue;
			}
			break;
		}
	}
	vterm_input_write(H.vt, out, (size_t)(op - out));
}

static void reap(int block)
{
	int st;

	if (H.exited)
		return;
	if (waitpid(H.pid, &st, block ? 0 : WNOHANG) == H.pid) {
		H.exited = 1;
		H.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
}

/* Read what the program wrote for up to ms milliseconds; returns bytes. */
static long pump(int ms)
{
	struct pollfd p = { .fd = H.fd, .events = POLLIN };
	char buf[8192];
	long total = 0;
	ssize_t n;

	if (H.fd < 0) {
		reap(0);
		return 0;
	}
	if (poll(&p, 1, ms) <= 0) {
		reap(0);
		return 0;
	}
	while ((n = read(H.fd, buf, sizeof buf)) > 0) {
		H.bytes += n;
		total += n;
		feed(buf, (size_t)n);
		p.revents = 0;
		if (poll(&p, 1, 0) <= 0 || !(p.revents & POLLIN))
			break;
	}
	if (n <= 0 && total == 0) {
		/* EOF/EIO: the program has gone; stop spinning */
		reap(0);
		if (H.exited) {
			if (tcgetattr(H.fd, &H.last_tio) == 0)
				H.have_tio = 1;
		}
		struct timespec ts = { 0, 5 * 1000000 };
		nanosleep(&ts, NULL);
	}
	return total;
}

static void to_program(const char *b, size_t n)
{
	while (n > 0 && H.fd >= 0) {
		ssize_t w = write(H.fd, b, n);

		if (w < 0) {
			if (errno == EINTR || errno == EAGAIN) {
				pump(1);
				continue;
			}
			return;
		}
		b += w;
		n -= (size_t)w;
	}
}

static void type_text(const char *s)
{
	char out[8192], *op = out, *ip = (char *)s;
	size_t il = strlen(s), ol = sizeof out;

	if (H.enc == (iconv_t)-1) {
		to_program(s, strlen(s));
		return;
	}
	if (iconv(H.enc, &ip, &il, &op, &ol) == (size_t)-1)
		tap(0, "cannot encode \"%s\" for the terminal", s);
	to_program(out, (size_t)(op - out));
}

/* ------------------------------------------------------------------ reading the screen */

static void put_utf8(char **p, uint32_t c)
{
	unsigned char *u = (unsigned char *)*p;

	if (c < 0x80) {
		*u++ = (unsigned char)c;
	} else if (c < 0x800) {
		*u++ = (unsigned char)(0xc0 | c >> 6);
		*u++ = (unsigned char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		*u++ = (unsigned char)(0xe0 | c >> 12);
		*u++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		*u++ = (unsigned char)(0x80 | (c & 0x3f));
	} else {
		*u++ = (unsigned char)(0xf0 | c >> 18);
		*u++ = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
		*u++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		*u++ = (unsigned char)(0x80 | (c & 0x3f));
	}
	*p = (char *)u;
}

/* Row r as UTF-8, trailing blanks removed. */
static void row_text(int r, char *out, size_t len)
{
	char *p = out, *end = out + len - 8;
	int c;

	for (c = 0; c < H.cols && p < end; c++) {
		VTermScreenCell cell;
		VTermPos pos = { .row = r, .col = c };

		vterm_screen_get_cell(H.scr, pos, &cell);
		if (cell.chars[0] == (uint32_t)-1)
			continue; /* the right half of a wide character */
		if (cell.chars[0] == 0)
			*p++ = ' ';
		else
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] && p < end; i++)
				put_utf8(&p, cell.chars[i]);
		if (cell.width == 2)
			c++;
	}
	while (p > out && p[-1] == ' ')
		p--;
	*p = 0;
}

static int screen_has(const char *text)
{
	char row[4096];
	int r;

	for (r = 0; r < H.rows; r++) {
		row_text(r, row, sizeof row);
		if (strstr(row, text))
			return 1;
	}
	return 0;
}

static void cursor(int *row, int *col)
{
	VTermPos pos;

	vterm_state_get_cursorpos(H.state, &pos);
	*row = pos.row;
	*col = pos.col;
}

static void dump(void)
{
	char row[4096];
	int r, cr, cc;

	cursor(&cr, &cc);
	printf("# screen %dx%d, cursor %d,%d, %lld bytes so far:\n", H.cols, H.rows, cr, cc, H.bytes);
	for (r = 0; r < H.rows; r++) {
		row_text(r, row, sizeof row);
		printf("# %2d|%s\n", r, row);
	}
	fflush(stdout);
}

static int colour_cells(void)
{
	int r, c, n = 0;

	for (r = 0; r < H.rows; r++)
		for (c = 0; c < H.cols; c++) {
			VTermScreenCell cell;
			VTermPos pos = { .row = r, .col = c };

			vterm_screen_get_cell(H.scr, pos, &cell);
			if (!VTERM_COLOR_IS_DEFAULT_FG(&cell.fg) || !VTERM_COLOR_IS_DEFAULT_BG(&cell.bg))
				n++;
		}
	return n;
}

/* ------------------------------------------------------------------ waiting */

static void settle(int ms);

typedef int (*cond_fn)(const void *arg);

static int wait_until(cond_fn f, const void *arg)
{
	long long until = now_ms() + H.timeout;

	for (;;) {
		if (f(arg))
			return 1;
		if (now_ms() > until || (H.exited && H.fd < 0))
			return f(arg);
		pump(10);
	}
}

static int cond_has(const void *a) { return screen_has(a); }

/* Gone, and still gone once the program has stopped writing: a repaint in
 * flight can blank a line for a moment. */
static int cond_gone(const void *a)
{
	if (screen_has(a))
		return 0;
	settle(40);
	return !screen_has(a);
}
static int cond_exited(const void *a) { (void)a; reap(0); return H.exited; }

static int cond_cursor(const void *a)
{
	const int *want = a;
	int r, c;

	cursor(&r, &c);
	return r == want[0] && c == want[1];
}

/* Read until nothing arrives for ms milliseconds (or the timeout). */
static void settle(int ms)
{
	long long until = now_ms() + H.timeout;

	while (pump(ms) > 0 && now_ms() < until)
		;
}

/* ------------------------------------------------------------------ keys */

static int send_key(const char *name)
{
	static const struct {
		const char *name;
		VTermKey key;
	} keys[] = {
		{ "Enter", VTERM_KEY_ENTER }, { "Tab", VTERM_KEY_TAB }, { "Esc", VTERM_KEY_ESCAPE },
		{ "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN }, { "Left", VTERM_KEY_LEFT },
		{ "Right", VTERM_KEY_RIGHT }, { "Home", VTERM_KEY_HOME }, { "End", VTERM_KEY_END },
		{ "PgUp", VTERM_KEY_PAGEUP }, { "PgDn", VTERM_KEY_PAGEDOWN }, { "Ins", VTERM_KEY_INS },
		{ "Del", VTERM_KEY_DEL }, { "Bksp", VTERM_KEY_BACKSPACE },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!strcmp(name, keys[i].name)) {
			vterm_keyboard_key(H.vt, keys[i].key, VTERM_MOD_NONE);
			return 1;
		}
	if (!strcmp(name, "BTab")) {
		vterm_keyboard_key(H.vt, VTERM_KEY_TAB, VTERM_MOD_SHIFT);
		return 1;
	}
	if (!strcmp(name, "Space")) {
		to_program(" ", 1);
		return 1;
	}
	if (name[0] == 'F' && atoi(name + 1) > 0) {
		vterm_keyboard_key(H.vt, VTERM_KEY_FUNCTION(atoi(name + 1)), VTERM_MOD_NONE);
		return 1;
	}
	if (!strncmp(name, "C-", 2) && name[2] && !name[3]) {
		char c = (char)(name[2] & 0x1f);

		to_program(&c, 1);
		return 1;
	}
	if (!strncmp(name, "C-", 2) && (!strcmp(name + 2, "Left") || !strcmp(name + 2, "Right"))) {
		vterm_keyboard_key(H.vt, name[2] == 'L' ? VTERM_KEY_LEFT : VTERM_KEY_RIGHT, VTERM_MOD_CTRL);
		return 1;
	}
	if (!strncmp(name, "M-", 2) && name[2] && !name[3]) {
		char seq[2] = { 0x1b, name[2] };

		to_program(seq, 2);
		return 1;
	}
	return 0;
}

static void write_raw(const char *s)
{
	char out[4096];
	size_t n = 0;

	while (*s && n < sizeof out) {
		if (*s == '\\' && s[1]) {
			s++;
			switch (*s) {
			case 'e': out[n++] = 0x1b; break;
			case 'r': out[n++] = '\r'; break;
			case 'n': out[n++] = '\n'; break;
			case 't': out[n++] = '\t'; break;
			case 'x': out[n++] = (char)strtol((char[]){ s[1], s[2], 0 }, NULL, 16); s += 2; break;
			default: out[n++] = *s;
			}
			s++;
		} else {
			out[n++] = *s++;
		}
	}
	to_program(out, n);
}

/* ------------------------------------------------------------------ the script */

static int sig_by_name(const char *n)
{
	static const struct {
		const char *name;
		int sig;
	} sigs[] = { { "HUP", SIGHUP }, { "TERM", SIGTERM }, { "INT", SIGINT }, { "TSTP", SIGTSTP },
	             { "CONT", SIGCONT }, { "KILL", SIGKILL } };
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (!strcmp(n, sigs[i].name))
			return sigs[i].sig;
	return 0;
}

static void resize(int cols, int rows)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	H.rows = rows;
	H.cols = cols;
	vterm_set_size(H.vt, rows, cols);
	ioctl(H.fd, TIOCSWINSZ, &ws); /* the kernel sends SIGWINCH */
}

static void type_each(const char *text, long max)
{
	const char *p = text;
	long worst = 0, total = 0;
	int n = 0;
	char one[8];

	settle(60); /* what an earlier step drew is not this step's */
	while (*p) {
		size_t len = 1;
		long long before;

		while ((p[len] & 0xc0) == 0x80)
			len++;
		memcpy(one, p, len);
		one[len] = 0;
		p += len;
		before = H.bytes;
		type_text(one);
		/* wait for the repaint to start, then for it to end */
		for (long long until = now_ms() + H.timeout; H.bytes == before && now_ms() < until;)
			pump(10);
		settle(60);
		if (H.bytes - before > max)
			printf("# \"%s\" wrote %lld bytes\n", one, H.bytes - before);
		if (H.bytes - before > worst)
			worst = (long)(H.bytes - before);
		total += (long)(H.bytes - before);
		n++;
	}
	printf("# typed %d characters: %ld bytes, %ld on average, %ld at most\n", n, total, n ? total / n : 0, worst);
	tap(worst <= max && n > 0, "typing %d characters repaints at most %ld bytes per key (limit %ld)", n, worst, max);
}

static int run_line(char *line)
{
	char *cmd = line, *arg;
	int a, b;

	while (*cmd == ' ' || *cmd == '\t')
		cmd++;
	if (!*cmd || *cmd == '#')
		return 1;
	arg = strchr(cmd, ' ');
	if (arg)
		*arg++ = 0;
	else
		arg = cmd + strlen(cmd);
	if (!strcmp(cmd, "wait") || !strcmp(cmd, "wait-gone")) {
		int gone = cmd[4] == '-';

		if (!wait_until(gone ? cond_gone : cond_has, arg)) {
			tap(0, "%s \"%s\"", gone ? "gone from the screen:" : "on the screen:", arg);
			dump();
			return 0;
		}
	} else if (!strcmp(cmd, "wait-cursor")) {
		int want[2];

		sscanf(arg, "%d %d", &want[0], &want[1]);
		if (!wait_until(cond_cursor, want)) {
			tap(0, "cursor at %d,%d", want[0], want[1]);
			dump();
			return 0;
		}
	} else if (!strcmp(cmd, "type")) {
		type_text(arg);
	} else if (!strcmp(cmd, "key")) {
		for (char *k = strtok(arg, " "); k; k = strtok(NULL, " "))
			if (!send_key(k)) {
				tap(0, "unknown key %s", k);
				return 0;
			}
	} else if (!strcmp(cmd, "raw")) {
		write_raw(arg);
	} else if (!strcmp(cmd, "expect-row") || !strcmp(cmd, "expect-row-has")) {
		char row[4096], *text;
		int ok;

		a = (int)strtol(arg, &text, 10);
		if (*text == ' ')
			text++;
		settle(30);
		row_text(a, row, sizeof row);
		ok = cmd[10] ? strstr(row, text) != NULL : !strcmp(row, text);
		tap(ok, "row %d %s \"%s\"", a, cmd[10] ? "has" : "is", text);
		if (!ok)
			printf("# row %d is \"%s\"\n", a, row);
	} else if (!strcmp(cmd, "expect-has") || !strcmp(cmd, "expect-lacks")) {
		int has;

		settle(30);
		has = screen_has(arg);
		tap(cmd[7] == 'h' ? has : !has, "screen %s \"%s\"", cmd[7] == 'h' ? "shows" : "does not show", arg);
		if (cmd[7] == 'h' ? !has : has)
			dump();
	} else if (!strcmp(cmd, "expect-cursor")) {
		int r, c;

		settle(30);
		sscanf(arg, "%d %d", &a, &b);
		cursor(&r, &c);
		tap(r == a && c == b, "cursor at row %d column %d (it is at %d,%d)", a, b, r, c);
	} else if (!strcmp(cmd, "expect-colour") || !strcmp(cmd, "expect-no-colour")) {
		int n;

		settle(30);
		n = colour_cells();
		tap(cmd[7] == 'c' ? n > 0 : n == 0, "%d cells in colour", n);
	} else if (!strcmp(cmd, "expect-attr")) {
		VTermScreenCell cell;
		VTermPos pos;
		char what[32];
		int ok = 0;

		settle(30);
		sscanf(arg, "%d %d %31s", &pos.row, &pos.col, what);
		vterm_screen_get_cell(H.scr, pos, &cell);
		if (!strcmp(what, "reverse"))
			ok = cell.attrs.reverse;
		else if (!strcmp(what, "bold"))
			ok = cell.attrs.bold;
		else if (!strcmp(what, "underline"))
			ok = cell.attrs.underline != 0;
		else if (!strcmp(what, "plain"))
			ok = !cell.attrs.reverse && !cell.attrs.bold && !cell.attrs.underline;
		tap(ok, "cell %d,%d is %s", pos.row, pos.col, what);
	} else if (!strcmp(cmd, "resize")) {
		sscanf(arg, "%d %d", &a, &b);
		resize(a, b);
	} else if (!strcmp(cmd, "signal")) {
		kill(H.pid, sig_by_name(arg));
	} else if (!strcmp(cmd, "hangup")) {
		settle(30);
		if (tcgetattr(H.fd, &H.last_tio) == 0)
			H.have_tio = 1;
		close(H.fd);
		H.fd = -1;
	} else if (!strcmp(cmd, "expect-exit")) {
		wait_until(cond_exited, NULL);
		settle(30);
		tap(H.exited && H.status == atoi(arg), "exit status %d (it is %s%d)", atoi(arg), H.exited ? "" : "still running, ",
		    H.exited ? H.status : 0);
	} else if (!strcmp(cmd, "expect-restored")) {
		struct termios t;
		int have = H.fd >= 0 ? tcgetattr(H.fd, &t) == 0 : 0;

		settle(30);
		tap(!H.altscreen, "back on the normal screen");
		tap(H.cursor_visible, "cursor visible");
		tap(have && (t.c_lflag & ECHO) && (t.c_lflag & ICANON), "terminal back in cooked mode with echo");
	} else if (!strcmp(cmd, "mark")) {
		settle(30);
		H.mark = H.bytes;
	} else if (!strcmp(cmd, "expect-bytes-max")) {
		long max = atol(arg);

		settle(60);
		tap(H.bytes - H.mark <= max, "%lld bytes written since the mark (limit %ld)", H.bytes - H.mark, max);
	} else if (!strcmp(cmd, "expect-bytes-min")) {
		long min = atol(arg);

		settle(60);
		tap(H.bytes - H.mark >= min, "%lld bytes written since the mark (at least %ld)", H.bytes - H.mark, min);
	} else if (!strcmp(cmd, "type-each")) {
		char *sp = strrchr(arg, ' ');

		if (!sp)
			return 0;
		*sp = 0;
		type_each(arg, atol(sp + 1));
	} else if (!strcmp(cmd, "clock")) {
		settle(20);
		H.clock = now_us();
	} else if (!strcmp(cmd, "clock-report")) {
		printf("# time %s %lld\n", arg, now_us() - H.clock);
		fflush(stdout);
	} else if (!strcmp(cmd, "settle")) {
		settle(atoi(arg));
	} else if (!strcmp(cmd, "dump")) {
		settle(30);
		dump();
	} else {
		tap(0, "unknown script command \"%s\"", cmd);
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	struct winsize ws;
	const char *enc = NULL;
	char line[8192];
	int opt, cols = 80, rows = 24;

	H.timeout = 8000;
	while ((opt = getopt(argc, argv, "s:e:t:")) != -1) {
		switch (opt) {
		case 's': sscanf(optarg, "%dx%d", &cols, &rows); break;
		case 'e': enc = optarg; break;
		case 't': H.timeout = atol(optarg); break;
		default: return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: tui-harness [-s COLSxROWS] [-e ENCODING] [-t MS] -- program args… < script\n");
		return 2;
	}
	H.rows = rows;
	H.cols = cols;
	H.cursor_visible = 1;
	H.dec = H.enc = (iconv_t)-1;
	if (enc) {
		H.dec = iconv_open("UTF-8", enc);
		H.enc = iconv_open(enc, "UTF-8");
		if (H.dec == (iconv_t)-1 || H.enc == (iconv_t)-1) {
			fprintf(stderr, "tui-harness: no iconv for %s\n", enc);
			return 2;
		}
	}
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	ws.ws_xpixel = ws.ws_ypixel = 0;
	if (!getenv("TERM"))
		setenv("TERM", "xterm", 1);
	H.pid = forkpty(&H.fd, NULL, NULL, &ws);
	if (H.pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (H.pid == 0) {
		execvp(argv[optind], argv + optind);
		perror(argv[optind]);
		_exit(127);
	}
	fcntl(H.fd, F_SETFL, fcntl(H.fd, F_GETFL) | O_NONBLOCK);
	H.vt = vterm_new(rows, cols);
	vterm_set_utf8(H.vt, 1);
	vterm_output_set_callback(H.vt, vterm_out, NULL);
	H.scr = vterm_obtain_screen(H.vt);
	H.state = vterm_obtain_state(H.vt);
	vterm_screen_set_callbacks(H.scr, &callbacks, NULL);
	vterm_screen_enable_altscreen(H.scr, 1);
	vterm_screen_reset(H.scr, 1);
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		if (!run_line(line))
			break;
	}
	if (!H.exited) {
		if (H.fd >= 0)
			close(H.fd);
		kill(H.pid, SIGKILL);
		reap(1);
	}
	vterm_free(H.vt);
	return H.failed ? 1 : 0;
}
