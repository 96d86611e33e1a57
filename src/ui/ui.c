/* ui: the screen manager — a stack of screens over one main loop (see
 * screen.h). Each pass: read a key, map it to an action of the top screen (or
 * a global one), run it, and redraw only the windows it marked dirty with
 * wnoutrefresh and a single doupdate(). Four windows: title (unit, cycle,
 * user, and the path of screens), body (the top screen), message line, key
 * bar. Signal handlers only set flags; the loop acts on them: SIGHUP/SIGTERM
 * (or a read that fails because the terminal is gone) make every screen keep
 * its unsaved input as a draft before we leave; SIGTSTP suspends cleanly.
 *
 * Who is working decides the first screen (start_over): a database without
 * accounts first creates its administrator; one with accounts and nobody
 * signed in shows the sign-in screen; otherwise the home. Signing out comes
 * back here, so the screens never run with nobody signed in. */
#include "lianfang/screen.h"
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/perm.h"
#include "lianfang/ui.h"
#include "ui_priv.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MIN_COLS 80
#define MIN_ROWS 24
#define TITLE_ROWS 2
#define KEY_TIMEOUT_MS 1000

static volatile sig_atomic_t sig_hup, sig_term, sig_tstp, sig_cont;

struct lf_ui {
	struct lf_ui_ctx ctx;
	struct lf_screen **stack;
	int n, cap;
	int closing;           /* screens on top to close after this action */
	WINDOW *wtitle, *wbody, *wmsg, *wkeys, *wsmall, *win;
	int small;
	int dirty;
	char *msg;
	enum lf_msg msgkind;
	char *last_msg;        /* the last message in full, for the help page */
	char **warnings;
	int nwarn;
	int stop;              /* leave the loop: the terminal is gone or a signal came */
	const char *stop_why;
	int cursor;            /* curs_set state, -1 unknown */
	int pasting;
	int curses_on;
	int paste_mode;        /* bracketed paste enabled in the terminal */
	/* a question or prompt on the message line */
	const char *ask;
	struct lf_edit *prompt_ed;
	const char *prompt;
	/* who is working */
	enum lf_auth_state auth;
	int start_over;        /* close every screen and choose the first one again */
	char *signin_login;    /* the login to offer on the sign-in screen */
	int audit_checked;
	long audit_problems;
	int audit_pending;     /* check the log once the home is on screen */
	/* a progress bar on the message line (lf_ui_progress) */
	int prog_on, prog_cancel;
	char prog_what[64], prog_stage[64];
	long long prog_done, prog_total, prog_drawn, prog_polled;
};

static struct lf_ui *the_ui; /* for the atexit handler only */

/* ------------------------------------------------------------------ signals */

static void on_signal(int sig)
{
	switch (sig) {
	case SIGHUP: sig_hup = 1; break;
	case SIGTSTP: sig_tstp = 1; break;
	case SIGCONT: sig_cont = 1; break;
	default: sig_term = 1; break;
	}
}

static void catch(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a read is interrupted and the loop looks */
	sigaction(sig, &sa, NULL);
}

static void install_signals(void)
{
	catch(SIGHUP, on_signal);
	catch(SIGTERM, on_signal);
	catch(SIGINT, on_signal);
	catch(SIGQUIT, on_signal);
	catch(SIGTSTP, on_signal);
	catch(SIGCONT, on_signal);
	signal(SIGPIPE, SIG_IGN);
}

/* ------------------------------------------------------------------ screens */

void lf_screen_init(struct lf_screen *s, const struct lf_screen_ops *ops, const char *title)
{
	s->ops = ops;
	s->title = lf_strdup(title ? title : "");
	s->cy = -1;
	s->cx = 0;
}

void lf_screen_set_title(struct lf_screen *s, const char *title)
{
	lf_free(s->title);
	s->title = lf_strdup(title ? title : "");
	if (s->ui)
		lf_ui_dirty(s->ui, LF_DIRTY_TITLE);
}

struct lf_ui_ctx *lf_ui_ctx(struct lf_ui *ui)
{
	return &ui->ctx;
}

static struct lf_screen *top(struct lf_ui *ui)
{
	return ui->n ? ui->stack[ui->n - 1] : NULL;
}

struct lf_screen *lf_ui_top(struct lf_ui *ui)
{
	return top(ui);
}

void lf_ui_dirty(struct lf_ui *ui, int what)
{
	ui->dirty |= what;
}

void lf_ui_push(struct lf_ui *ui, struct lf_screen *s)
{
	if (ui->n == ui->cap) {
		ui->cap = ui->cap * 2 + 8;
		ui->stack = lf_realloc(ui->stack, (size_t)ui->cap * sizeof *ui->stack);
	}
	s->ui = ui;
	ui->stack[ui->n++] = s;
	ui->dirty = LF_DIRTY_ALL;
}

static void free_screen(struct lf_screen *s)
{
	char *title = s->title;

	if (s->ops->free)
		s->ops->free(s);
	lf_free(title);
}

/* Screens close between actions, never while one of their own functions is
 * running: lf_ui_pop counts the top screen as closing, the loop removes it. */
void lf_ui_pop(struct lf_ui *ui)
{
	if (ui->n - ui->closing > 0)
		ui->closing++;
}

static void pop_closing(struct lf_ui *ui)
{
	int popped = ui->closing > 0;

	while (ui->closing > 0 && ui->n > 0) {
		free_screen(ui->stack[--ui->n]);
		ui->closing--;
	}
	ui->closing = 0;
	if (popped) {
		ui->dirty = LF_DIRTY_ALL;
		if (top(ui) && top(ui)->ops->resume)
			top(ui)->ops->resume(top(ui));
	}
}

void lf_ui_back(struct lf_ui *ui)
{
	struct lf_screen *s = top(ui);

	if (!s)
		return;
	if (s->ops->leave && !s->ops->leave(s))
		return;
	lf_ui_pop(ui);
}

void lf_ui_refresh_overview(struct lf_ui *ui)
{
	lf_overview_clear(&ui->ctx.overview);
	lf_overview_load(ui->ctx.db, &ui->ctx.overview);
	ui->dirty |= LF_DIRTY_TITLE;
}

int lf_ui_pasting(const struct lf_ui *ui)
{
	return ui->pasting;
}

int lf_ui_stopping(const struct lf_ui *ui)
{
	return ui->stop || sig_hup || sig_term;
}

void lf_ui_msg(struct lf_ui *ui, enum lf_msg kind, const char *fmt, ...)
{
	struct lf_buf b;
	va_list ap;

	lf_buf_init(&b);
	va_start(ap, fmt);
	lf_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	lf_free(ui->msg);
	ui->msg = lf_buf_steal(&b);
	ui->msgkind = kind;
	lf_free(ui->last_msg);
	ui->last_msg = lf_strdup(ui->msg);
	ui->dirty |= LF_DIRTY_MSG;
}

static void clear_msg(struct lf_ui *ui)
{
	if (ui->msg) {
		lf_free(ui->msg);
		ui->msg = NULL;
		ui->dirty |= LF_DIRTY_MSG;
	}
}

/* ------------------------------------------------------------------ layout */

static void del_windows(struct lf_ui *ui)
{
	WINDOW **w[] = { &ui->wtitle, &ui->wbody, &ui->wmsg, &ui->wkeys, &ui->wsmall };
	size_t i;

	for (i = 0; i < LF_COUNT(w); i++)
		if (*w[i]) {
			delwin(*w[i]);
			*w[i] = NULL;
		}
}

static void layout(struct lf_ui *ui)
{
	del_windows(ui);
	ui->small = COLS < MIN_COLS || LINES < MIN_ROWS;
	if (ui->small) {
		ui->wsmall = newwin(LINES > 0 ? LINES : 1, COLS > 0 ? COLS : 1, 0, 0);
	} else {
		ui->wtitle = newwin(TITLE_ROWS, COLS, 0, 0);
		ui->wbody = newwin(LINES - TITLE_ROWS - 2, COLS, TITLE_ROWS, 0);
		ui->wmsg = newwin(1, COLS, LINES - 2, 0);
		ui->wkeys = newwin(1, COLS, LINES - 1, 0);
	}
	ui->dirty = LF_DIRTY_ALL;
}

/* ------------------------------------------------------------------ drawing */

static const char *sep(void)
{
	return lf_wc_showable(0x203a) && lf_wc_width(0x203a) == 1 ? " › " : " > ";
}

static void draw_title(struct lf_ui *ui)
{
	static const char *const cn[] = { "", "一", "二", "三", "四" };
	struct lf_overview *o = &ui->ctx.overview;
	WINDOW *w = ui->wtitle;
	struct lf_buf right, path;
	int i, rw, pw, skip;

	werase(w);
	lf_ui_fill(w, 0, 0, COLS, lf_ui_attr(LF_R_TITLE));
	lf_buf_init(&right);
	if (o->year)
		lf_buf_addf(&right, "%d年度", o->year);
	if (o->year && o->phase >= 1 && o->phase <= 4)
		lf_buf_addf(&right, " 第%s阶段 %s", cn[o->phase], lf_phase_label(o->phase));
	else if (o->year)
		lf_buf_addf(&right, " %s", lf_phase_label(o->phase));
	if (ui->auth == LF_AUTH_SETUP)
		lf_buf_adds(&right, "  初始设置 ");
	else if (!ui->ctx.db->actor[0])
		lf_buf_adds(&right, "  未登录 ");
	else
		lf_buf_addf(&right, "  用户 %s ", ui->ctx.db->actor);
	rw = lf_utf8_width(right.s);
	lf_ui_print(w, 0, 1, COLS - rw - 2, "廉防", lf_ui_attr(LF_R_TITLE));
	lf_ui_print(w, 0, 7, COLS - rw - 8, o->unit_name ? o->unit_name : o->unit_code, lf_ui_attr(LF_R_TITLE));
	lf_ui_print(w, 0, COLS - rw, rw, right.s, lf_ui_attr(LF_R_TITLE));
	lf_buf_free(&right);
	/* the path of screens; when it is too long, its start is left out */
	lf_buf_init(&path);
	for (skip = 0; skip < ui->n; skip++) {
		lf_buf_reset(&path);
		if (skip)
			lf_buf_adds(&path, "…");
		for (i = skip; i < ui->n; i++) {
			if (i > skip || skip)
				lf_buf_adds(&path, i > skip ? sep() : "");
			lf_buf_adds(&path, ui->stack[i]->title);
		}
		pw = lf_utf8_width(path.s);
		if (pw <= COLS - 2)
			break;
	}
	pw = lf_ui_print(w, 1, 1, COLS - 2, path.s, lf_ui_attr(LF_R_PATH));
	lf_buf_free(&path);
	/* a rule after the path: ACS, which curses draws in ASCII where the
	 * terminal has no line drawing */
	if (COLS - pw - 4 > 0)
		mvwhline(w, 1, pw + 2, ACS_HLINE, COLS - pw - 3);
	wnoutrefresh(w);
}

static int action_enabled(struct lf_screen *s, const struct lf_ui_action *a)
{
	return !s->ops->enabled || s->ops->enabled(s, a->id);
}

/* "F2 ^S" for an action: its first key and its first non-function key. */
static void action_keys(const struct lf_ui_action *a, int both, char *buf, size_t len)
{
	char k1[32], k2[32];
	int i;

	lf_key_name(a->keys[0], k1, sizeof k1);
	snprintf(buf, len, "%s", k1);
	if (!both || !(a->keys[0] & 0x200000))
		return;
	for (i = 1; i < 5 && a->keys[i]; i++)
		if (!(a->keys[i] & 0x200000)) {
			lf_key_name(a->keys[i], k2, sizeof k2);
			snprintf(buf, len, "%s %s", k1, k2);
			return;
		}
}

/* The record the screen shows, for the history key; 0 if none. */
static int shown_record(struct lf_screen *s, const char **kind, const char **gid)
{
	*kind = *gid = NULL;
	return s && s->ops->record && s->ops->record(s, kind, gid) && *kind && *gid && **gid;
}

/* The key bar: help, the screen's bar actions, history when the screen
 * shows a record, back. */
static int bar_entries(struct lf_ui *ui, const struct lf_ui_action **out, int max)
{
	struct lf_screen *s = top(ui);
	const struct lf_ui_action *a;
	const char *kind, *gid;
	int n = 0;

	out[n++] = &lf_global_actions[0];
	for (a = s && s->ops->actions ? s->ops->actions : NULL; a && a->id && n < max - 2; a++)
		if ((a->flags & LF_ACT_BAR) && action_enabled(s, a))
			out[n++] = a;
	if (shown_record(s, &kind, &gid))
		out[n++] = &lf_global_actions[4];
	out[n++] = &lf_global_actions[1];
	return n;
}

static int bar_width(const struct lf_ui_action **e, int n, int both)
{
	char k[64];
	int i, w = 0;

	for (i = 0; i < n; i++) {
		action_keys(e[i], both, k, sizeof k);
		w += (int)strlen(k) + lf_utf8_width(e[i]->label) + 1;
	}
	return w;
}

static void draw_keys(struct lf_ui *ui)
{
	const struct lf_ui_action *e[24];
	WINDOW *w = ui->wkeys;
	int n = bar_entries(ui, e, 24), both = 1, i, x = 0;
	char k[64];

	werase(w);
	if (bar_width(e, n, 1) > COLS - 1)
		both = 0;
	while (n > 2 && bar_width(e, n, 0) > COLS - 1) {
		e[n - 2] = e[n - 1]; /* drop the last screen action, keep back */
		n--;
	}
	for (i = 0; i < n && x < COLS - 1; i++) {
		action_keys(e[i], both, k, sizeof k);
		x += lf_ui_print(w, 0, x, COLS - 1 - x, k, lf_ui_attr(LF_R_BARKEY));
		x += lf_ui_print(w, 0, x, COLS - 1 - x, e[i]->label, lf_ui_attr(LF_R_BAR));
		x++;
	}
	wnoutrefresh(w);
}

/* "合并 核对 [██████        ] 45%  1234/2742    Esc 取消" */
static void draw_progress(struct lf_ui *ui, WINDOW *w)
{
	char line[160];
	int x, bar = 30, fill;

	snprintf(line, sizeof line, "%s %s", ui->prog_what, ui->prog_stage);
	x = lf_ui_print(w, 0, 0, 24, line, lf_ui_attr(LF_R_INFO) | A_BOLD) + 1;
	if (ui->prog_total > 0) {
		long long done = ui->prog_done < ui->prog_total ? ui->prog_done : ui->prog_total;

		fill = (int)(done * bar / ui->prog_total);
		x += lf_ui_print(w, 0, x, 1, "[", A_NORMAL);
		lf_ui_fill(w, 0, x, fill, lf_ui_attr(LF_R_SELECT));
		x += bar;
		x += lf_ui_print(w, 0, x, 1, "]", A_NORMAL);
		snprintf(line, sizeof line, " %3lld%%  %lld/%lld", done * 100 / ui->prog_total, done, ui->prog_total);
	} else {
		snprintf(line, sizeof line, "已处理 %lld", ui->prog_done);
	}
	x += lf_ui_print(w, 0, x, COLS - x - 10, line, A_NORMAL);
	lf_ui_print(w, 0, COLS - 10, 9, ui->prog_cancel ? "正在取消" : "Esc 取消", lf_ui_attr(LF_R_DIM));
}

static void draw_msg(struct lf_ui *ui, int *cy, int *cx)
{
	WINDOW *w = ui->wmsg;
	int x;

	werase(w);
	*cy = -1;
	if (ui->prog_on) {
		draw_progress(ui, w);
	} else if (ui->prompt_ed) {
		x = lf_ui_print(w, 0, 0, COLS / 2, ui->prompt, lf_ui_attr(LF_R_INFO));
		lf_field_draw(w, ui->prompt_ed, 0, x, COLS - x - 1, 1, lf_ui_attr(LF_R_FOCUS), cy, cx);
	} else if (ui->ask) {
		x = lf_ui_print(w, 0, 0, COLS - 1, ui->ask, lf_ui_attr(LF_R_INFO) | A_BOLD);
		*cy = 0;
		*cx = x < COLS - 1 ? x : COLS - 1;
	} else if (ui->msg) {
		attr_t a = lf_ui_attr(ui->msgkind == LF_MSG_ERROR ? LF_R_ERROR : LF_R_INFO);

		if (lf_utf8_width(ui->msg) <= COLS - 1) {
			lf_ui_print(w, 0, 0, COLS - 1, ui->msg, a);
		} else { /* the rest is on the help page */
			x = lf_ui_print(w, 0, 0, COLS - 9, ui->msg, a);
			lf_ui_print(w, 0, x, 8, "…（F1）", a);
		}
	}
}

static void draw_small(struct lf_ui *ui)
{
	WINDOW *w = ui->wsmall;
	char line[160];
	int y = LINES / 2 - 2;

	werase(w);
	if (y < 0)
		y = 0;
	snprintf(line, sizeof line, "终端窗口太小：现在是 %d×%d，至少要 %d×%d。", COLS, LINES, MIN_COLS, MIN_ROWS);
	y += lf_ui_wrap(w, y, 1, COLS - 2, LINES - y, line, lf_ui_attr(LF_R_ERROR));
	y += lf_ui_wrap(w, y, 1, COLS - 2, LINES - y, "请把窗口放大；已填写的内容都还在。", lf_ui_attr(LF_R_NORMAL));
	lf_ui_wrap(w, y, 1, COLS - 2, LINES - y, "Terminal too small: 80x24 needed.", lf_ui_attr(LF_R_NORMAL));
	wnoutrefresh(w);
}

static void set_cursor(struct lf_ui *ui, int visible)
{
	if (ui->cursor != visible) {
		curs_set(visible);
		ui->cursor = visible;
	}
}

static void redraw(struct lf_ui *ui)
{
	struct lf_screen *s = top(ui);
	int my = -1, mx = 0;

	if (!ui->dirty)
		return;
	if (ui->small) {
		draw_small(ui);
		set_cursor(ui, 0);
		doupdate();
		ui->dirty = 0;
		return;
	}
	/* the body first: drawing it may change what the key bar offers */
	if (ui->dirty & LF_DIRTY_BODY && s) {
		werase(ui->wbody);
		s->cy = -1;
		s->ops->draw(s, ui->wbody, getmaxy(ui->wbody), COLS);
	}
	if (ui->dirty & LF_DIRTY_TITLE)
		draw_title(ui);
	if (ui->dirty & LF_DIRTY_KEYS)
		draw_keys(ui);
	draw_msg(ui, &my, &mx);
	/* the window refreshed last holds the terminal cursor */
	if (my >= 0) {
		wnoutrefresh(ui->wbody);
		wmove(ui->wmsg, my, mx);
		wnoutrefresh(ui->wmsg);
		set_cursor(ui, 1);
	} else if (s && s->cy >= 0) {
		wnoutrefresh(ui->wmsg);
		wmove(ui->wbody, s->cy, s->cx);
		wnoutrefresh(ui->wbody);
		set_cursor(ui, 1);
	} else {
		wnoutrefresh(ui->wbody);
		wmove(ui->wmsg, 0, 0);
		wnoutrefresh(ui->wmsg);
		set_cursor(ui, 0);
	}
	doupdate();
	ui->dirty = 0;
}

/* ------------------------------------------------------------------ the terminal */

static int paste_capable(void)
{
	const char *t = getenv("TERM");

	return t && (!strncmp(t, "xterm", 5) || !strncmp(t, "screen", 6) || !strncmp(t, "tmux", 4) ||
	             !strncmp(t, "rxvt", 4));
}

static void paste_mode(struct lf_ui *ui, int on)
{
	if (ui->paste_mode == on || !paste_capable())
		return;
	putp(on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
	ui->paste_mode = on;
}

static int start_curses(struct lf_ui *ui)
{
	const char *term = getenv("TERM");

	/* In a UTF-8 locale draw lines with Unicode box characters: terminal
	 * emulators told TERM=vt100 often ignore the vt100's own line set. Where
	 * the terminal has no line drawing at all, curses falls back to ASCII. */
	if (!strcmp(nl_langinfo(CODESET), "UTF-8"))
		setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "lianfang: 无法使用终端类型“%s”。请把 TERM 设为 xterm、linux 或 vt100 等。\n",
		        term ? term : "");
		return -1;
	}
	ui->curses_on = 1;
	raw();
	noecho();
	nonl();
	set_escdelay(250);
	lf_ui_theme_init();
	ui->win = newwin(1, 1, 0, 0);
	untouchwin(ui->win);
	keypad(ui->win, TRUE);
	define_key("\033[200~", LF_KEY_PASTE_BEGIN & 0xffff);
	define_key("\033[201~", LF_KEY_PASTE_END & 0xffff);
	ui->cursor = -1;
	paste_mode(ui, 1);
	layout(ui);
	return 0;
}

static void stop_curses(struct lf_ui *ui)
{
	if (!ui->curses_on)
		return;
	paste_mode(ui, 0);
	set_cursor(ui, 1);
	endwin();
	ui->curses_on = 0;
}

static void at_exit(void)
{
	if (the_ui && the_ui->curses_on)
		endwin();
}

static void suspend(struct lf_ui *ui)
{
	paste_mode(ui, 0);
	endwin();
	fflush(stdout);
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);          /* stops here until `fg` */
	catch(SIGTSTP, on_signal);
	sig_tstp = sig_cont = 0;
	clearok(curscr, TRUE);
	paste_mode(ui, 1);
	ui->dirty = LF_DIRTY_ALL;
}

/* The terminal is gone when a read fails at once with a hang-up. */
static int terminal_gone(void)
{
	struct pollfd p = { .fd = 0, .events = POLLIN, .revents = 0 };

	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void check_signals(struct lf_ui *ui)
{
	if (sig_hup && !ui->stop) {
		ui->stop = 1;
		ui->stop_why = "终端已断开（SIGHUP）";
	}
	if (sig_term && !ui->stop) {
		ui->stop = 1;
		ui->stop_why = "收到终止信号";
	}
	if (ui->stop)
		return;
	if (sig_tstp)
		suspend(ui);
	if (sig_cont) {
		sig_cont = 0;
		clearok(curscr, TRUE);
		ui->dirty = LF_DIRTY_ALL;
	}
}

static int map_code(wint_t wc)
{
	const char *name;

	if (wc == KEY_ENTER)
		return LF_ENTER;
	if ((int)wc == (LF_KEY_PASTE_BEGIN & 0xffff))
		return LF_KEY_PASTE_BEGIN;
	if ((int)wc == (LF_KEY_PASTE_END & 0xffff))
		return LF_KEY_PASTE_END;
	if ((int)wc > KEY_MAX && (name = keyname((int)wc))) {
		if (!strncmp(name, "kLFT", 4))
			return LF_KEY_CLEFT;
		if (!strncmp(name, "kRIT", 4))
			return LF_KEY_CRIGHT;
		if (!strncmp(name, "kHOM", 4))
			return LF_KEY_CHOME;
		if (!strncmp(name, "kEND", 4))
			return LF_KEY_CEND;
	}
	return LF_KEY((int)wc);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One key, or 0 when nothing came (timeout, a signal, a dead terminal). */
static int read_key(struct lf_ui *ui)
{
	static int quick_errors;
	long long t0;
	wint_t wc, wc2;
	int r;

	check_signals(ui);
	if (ui->stop)
		return 0;
	wtimeout(ui->win, KEY_TIMEOUT_MS);
	t0 = now_ms();
	r = wget_wch(ui->win, &wc);
	if (r == ERR) {
		/* a timeout, a signal — or the terminal is gone: then reads fail at
		 * once, again and again, and poll says it hung up */
		if (now_ms() - t0 < KEY_TIMEOUT_MS / 2 && !sig_hup && !sig_term && !sig_tstp && !sig_cont) {
			if (terminal_gone() || ++quick_errors > 20) {
				ui->stop = 1;
				ui->stop_why = "终端已断开";
			}
		} else {
			quick_errors = 0;
		}
		check_signals(ui);
		return 0;
	}
	quick_errors = 0;
	if (r == KEY_CODE_YES)
		return map_code(wc);
	if (wc == LF_ESC) {
		/* Alt-x arrives as ESC x */
		wtimeout(ui->win, 0);
		if (wget_wch(ui->win, &wc2) == OK) {
			if (wc2 > 0x20 && wc2 < 0x7f)
				return LF_META((int)wc2);
			unget_wch((wchar_t)wc2);
		}
		return LF_ESC;
	}
	if (wc == '\n')
		return LF_ENTER;
	return (int)wc;
}

/* Handle keys every loop handles itself; 1 if the key was used up. */
static int common_key(struct lf_ui *ui, int key)
{
	if (key == LF_KEY(KEY_RESIZE)) {
		layout(ui);
		return 1;
	}
	if (key == LF_CTRL('L')) {
		clearok(curscr, TRUE);
		ui->dirty = LF_DIRTY_ALL;
		return 1;
	}
	if (key == LF_CTRL('Z')) {
		suspend(ui);
		return 1;
	}
	if (key == LF_KEY_PASTE_BEGIN || key == LF_KEY_PASTE_END) {
		ui->pasting = key == LF_KEY_PASTE_BEGIN;
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ questions */

int lf_ui_ask(struct lf_ui *ui, const char *question, const struct lf_choice *choices, int n, int cancel)
{
	struct lf_buf b;
	int i, key, answer = cancel, done = 0;

	lf_buf_init(&b);
	lf_buf_adds(&b, question);
	for (i = 0; i < n; i++)
		lf_buf_addf(&b, "  %d %s", i + 1, choices[i].label);
	lf_buf_adds(&b, "  Esc 取消");
	ui->ask = b.s;
	ui->dirty |= LF_DIRTY_MSG;
	/* `cancel` may be -1 or any other value: the loop ends on `done` */
	while (!done && !lf_ui_stopping(ui)) {
		redraw(ui);
		if (!(key = read_key(ui)) || common_key(ui, key))
			continue;
		if (key == LF_ESC || key == LF_CTRL('G') || key == LF_KEY(KEY_F(10)) || key == LF_CTRL('X') ||
		    key == LF_CTRL('C'))
			done = 1;
		for (i = 0; i < n && !done; i++)
			if (key == '1' + i || (key < 0x80 && choices[i].letter &&
			                       (key == choices[i].letter || key == (choices[i].letter | 0x20)))) {
				answer = i;
				done = 1;
			}
	}
	ui->ask = NULL;
	lf_buf_free(&b);
	ui->dirty |= LF_DIRTY_MSG;
	return answer;
}

char *lf_ui_prompt(struct lf_ui *ui, const char *prompt, const char *initial)
{
	struct lf_edit ed;
	char *out = NULL;
	int key, done = 0;

	lf_edit_init(&ed, 0);
	lf_edit_set(&ed, initial);
	ui->prompt_ed = &ed;
	ui->prompt = prompt;
	ui->dirty |= LF_DIRTY_MSG;
	while (!done && !lf_ui_stopping(ui)) {
		redraw(ui);
		ui->dirty |= LF_DIRTY_MSG;
		if (!(key = read_key(ui)) || common_key(ui, key))
			continue;
		if (key == LF_ENTER && !ui->pasting) {
			out = lf_edit_text(&ed);
			done = 1;
		} else if (key == LF_ESC || key == LF_CTRL('G') || key == LF_KEY(KEY_F(10)) || key == LF_CTRL('X') ||
		           key == LF_CTRL('C')) {
			done = 1;
		} else {
			lf_field_key(&ed, key, ui->pasting);
		}
	}
	ui->prompt_ed = NULL;
	ui->prompt = NULL;
	lf_edit_free(&ed);
	ui->dirty |= LF_DIRTY_MSG;
	return out;
}

/* ------------------------------------------------------------------ progress */

/* Keys typed while a long step runs: Esc and the other "back" keys cancel,
 * a resize is honoured, everything else is dropped (a step that is running
 * has nothing to type into). */
static void progress_keys(struct lf_ui *ui)
{
	wint_t wc;
	int r;

	wtimeout(ui->win, 0);
	while ((r = wget_wch(ui->win, &wc)) != ERR) {
		int key = r == KEY_CODE_YES ? map_code(wc) : (int)wc;

		if (key == LF_KEY(KEY_RESIZE))
			layout(ui);
		else if (key == LF_ESC || key == LF_CTRL('C') || key == LF_CTRL('G') || key == LF_CTRL('X') ||
		         key == LF_KEY(KEY_F(10)))
			ui->prog_cancel = 1;
	}
}

static long test_delay_ms(void)
{
	static long ms = -1;

	if (ms < 0) {
		const char *t = getenv("LIANFANG_TEST_PROGRESS_MS");

		ms = t && *t ? atol(t) : 0;
	}
	return ms;
}

int lf_ui_progress(struct lf_ui *ui, const char *what, const char *stage, long long done, long long total)
{
	long long now = now_ms();
	int force = !ui->prog_on || strcmp(stage ? stage : "", ui->prog_stage) || (total > 0 && done >= total);

	if (!ui->prog_on) {
		ui->prog_on = 1;
		ui->prog_cancel = 0;
		ui->prog_polled = 0;
	}
	snprintf(ui->prog_what, sizeof ui->prog_what, "%s", what ? what : "");
	snprintf(ui->prog_stage, sizeof ui->prog_stage, "%s", stage ? stage : "");
	ui->prog_done = done;
	ui->prog_total = total;
	check_signals(ui);
	if (lf_ui_stopping(ui))
		return 1;
	if (now - ui->prog_polled >= 20) {
		progress_keys(ui);
		ui->prog_polled = now;
	}
	if (force || now - ui->prog_drawn >= 100) {
		ui->dirty |= LF_DIRTY_MSG;
		redraw(ui);
		ui->prog_drawn = now;
		if (test_delay_ms() > 0) {
			/* tests only: long enough for a script to see the bar and press Esc */
			struct timespec ts = { test_delay_ms() / 1000, (test_delay_ms() % 1000) * 1000000L };

			nanosleep(&ts, NULL);
			progress_keys(ui);
		}
	}
	return ui->prog_cancel;
}

void lf_ui_progress_end(struct lf_ui *ui)
{
	if (!ui->prog_on)
		return;
	ui->prog_on = 0;
	ui->prog_cancel = 0;
	ui->prog_stage[0] = 0;
	ui->dirty |= LF_DIRTY_ALL; /* what the step did shows everywhere */
}

/* ------------------------------------------------------------------ the loop */

const struct lf_ui_action lf_global_actions[] = {
	{ LF_A_HELP, "help", "帮助", { LF_KEY(KEY_F(1)), LF_CTRL('G') }, LF_ACT_BAR,
	  "显示本屏的按键和说明；在表单里还显示当前一项的填写说明" },
	{ LF_A_BACK, "back", "返回", { LF_KEY(KEY_F(10)), LF_CTRL('X'), LF_ESC, LF_CTRL('C') }, LF_ACT_BAR,
	  "关闭本屏回到上一屏；表单有未保存的修改时先询问；在首页是退出" },
	{ LF_A_REDRAW, "redraw", "重绘", { LF_CTRL('L') }, 0, "重新绘制整个屏幕（画面乱了时）" },
	{ LF_A_SUSPEND, "suspend", "挂起", { LF_CTRL('Z') }, 0, "暂时回到命令行，用 fg 命令回来" },
	{ LF_A_HISTORY, "history", "历史", { LF_KEY(KEY_F(9)), LF_CTRL('R'), LF_META('h') }, LF_ACT_BAR,
	  "显示选中的（或正在修改的）记录的历史：每次谁在什么时候做了什么，改了哪些项" },
	{ 0 },
};

static const struct lf_ui_action *find_action(const struct lf_ui_action *t, int key, struct lf_screen *s)
{
	int i;

	for (; t && t->id; t++)
		for (i = 0; i < 5 && t->keys[i]; i++)
			if (t->keys[i] == key && (!s || action_enabled(s, t)))
				return t;
	return NULL;
}

static void history(struct lf_ui *ui, struct lf_screen *s)
{
	const char *kind, *gid;

	if (shown_record(s, &kind, &gid))
		lf_history_open(ui, kind, gid);
	else if (s->ops->record)
		lf_ui_msg(ui, LF_MSG_INFO, "没有选中的记录（新记录保存以后才有历史）。");
	else
		lf_ui_msg(ui, LF_MSG_INFO, "这一屏没有显示某一条记录，没有历史可看。");
}

static void dispatch(struct lf_ui *ui, int key)
{
	struct lf_screen *s = top(ui);
	const struct lf_ui_action *a;
	int d;

	if (common_key(ui, key))
		return;
	clear_msg(ui);
	if (ui->small) /* nothing but resize, redraw and suspend until it fits */
		return;
	if (ui->pasting && s->ops->key) {
		/* pasted text is text, whatever keys it contains */
		if ((d = s->ops->key(s, key)) >= 0)
			ui->dirty |= d;
		return;
	}
	if ((a = find_action(s->ops->actions, key, s))) {
		ui->dirty |= s->ops->action(s, a->id) | LF_DIRTY_KEYS;
		return;
	}
	if ((a = find_action(lf_global_actions, key, NULL))) {
		switch (a->id) {
		case LF_A_HELP: lf_help_open(ui, s); break;
		case LF_A_BACK: lf_ui_back(ui); break;
		case LF_A_HISTORY: history(ui, s); break;
		default: break;
		}
		return;
	}
	if (s->ops->key && (d = s->ops->key(s, key)) >= 0) {
		ui->dirty |= d | LF_DIRTY_KEYS;
		return;
	}
	lf_ui_msg(ui, LF_MSG_INFO, "这个键在这里没有作用。按 F1 或 Ctrl-G 查看本屏的按键。");
}

static void collect_warning(void *ctx, const char *msg)
{
	struct lf_ui *ui = ctx;

	ui->warnings = lf_realloc(ui->warnings, (size_t)(ui->nwarn + 1) * sizeof *ui->warnings);
	ui->warnings[ui->nwarn++] = lf_strdup(msg);
}

void lf_ui_warnings(struct lf_ui *ui, struct lf_buf *b)
{
	int i;

	if (ui->last_msg)
		lf_buf_addf(b, "\n最近的消息：%s\n", ui->last_msg);
	if (!ui->nwarn)
		return;
	lf_buf_adds(b, "\n表单文件的问题（这些表单改用了内置的定义）：\n");
	for (i = 0; i < ui->nwarn; i++)
		lf_buf_addf(b, "  %s\n", ui->warnings[i]);
}

/* ------------------------------------------------------------------ who is working */

static void close_all(struct lf_ui *ui)
{
	ui->closing = 0;
	while (ui->n > 0)
		free_screen(ui->stack[--ui->n]);
}

static void audit_warning(struct lf_ui *ui)
{
	long n = lf_ui_audit_problems(ui);

	if (n > 0) {
		lf_ui_msg(ui, LF_MSG_ERROR, "审计日志有 %ld 个问题：数据可能被人绕过廉防改动过。请在首页打开“审计日志”查看。", n);
		ui->dirty |= LF_DIRTY_BODY; /* the home shows it too */
	}
}

/* Choose the first screen for who is working: create the administrator,
 * sign in, or the home. 0, or an exit status. */
static int start_over(struct lf_ui *ui)
{
	struct lf_db *db = ui->ctx.db;
	lf_status st;

	close_all(ui);
	ui->start_over = 0;
	ui->audit_checked = 0;
	ui->dirty = LF_DIRTY_ALL;
	if ((st = lf_auth_state(db, &ui->auth))) {
		ui->stop = 1;
		ui->stop_why = lf_errmsg(db, st);
		return LF_EXIT_FAIL;
	}
	lf_ui_refresh_overview(ui);
	if (ui->auth == LF_AUTH_SETUP) {
		lf_setup_open(ui);
	} else if (ui->auth != LF_AUTH_ENFORCED || !db->actor[0]) {
		lf_auth_signout(db);
		lf_signin_open(ui, ui->signin_login);
	} else {
		lf_home_open(ui);
		ui->audit_pending = 1;
	}
	return 0;
}

void lf_ui_update(struct lf_ui *ui)
{
	redraw(ui);
}

void lf_ui_start_over(struct lf_ui *ui)
{
	ui->start_over = 1;
}

void lf_ui_signout(struct lf_ui *ui)
{
	int i;

	for (i = ui->n - 1 - ui->closing; i >= 0; i--)
		if (ui->stack[i]->ops->leave && !ui->stack[i]->ops->leave(ui->stack[i]))
			return;
	/* a shared terminal: the next person types their own login */
	lf_free(ui->signin_login);
	ui->signin_login = NULL;
	lf_auth_signout(ui->ctx.db);
	ui->start_over = 1;
}

static void ignore(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

long lf_ui_audit_seen(const struct lf_ui *ui)
{
	return ui->audit_checked ? ui->audit_problems : -1;
}

long lf_ui_audit_problems(struct lf_ui *ui)
{
	if (!ui->audit_checked) {
		ui->audit_problems = lf_audit_verify(ui->ctx.db, ignore, NULL);
		ui->audit_checked = 1;
	}
	return ui->audit_problems;
}

static void hangup_all(struct lf_ui *ui)
{
	int i;

	for (i = ui->n - 1; i >= 0; i--)
		if (ui->stack[i]->ops->hangup)
			ui->stack[i]->ops->hangup(ui->stack[i]);
}

static void free_ui(struct lf_ui *ui)
{
	int i;

	close_all(ui);
	lf_free(ui->stack);
	for (i = 0; i < ui->nwarn; i++)
		lf_free(ui->warnings[i]);
	lf_free(ui->warnings);
	lf_free(ui->msg);
	lf_free(ui->last_msg);
	lf_free(ui->signin_login);
	lf_overview_clear(&ui->ctx.overview);
	lf_formset_free(ui->ctx.forms);
	lf_free(ui);
}

int lf_ui_run(struct lf_cli *cli, struct lf_db *db)
{
	struct lf_ui *ui;
	enum lf_auth_state state;
	const char *claim;
	int key, rc = 0;
	lf_status st;

	if (!isatty(0) || !isatty(1)) {
		fprintf(stderr, "lianfang: 操作界面要在终端里运行（标准输入和输出都要是终端）。\n");
		return LF_EXIT_FAIL;
	}
	if ((st = lf_auth_state(db, &state))) {
		fprintf(stderr, "lianfang: %s\n", lf_errmsg(db, st));
		return LF_EXIT_FAIL;
	}
	if (state == LF_AUTH_BROKEN) {
		fprintf(stderr, "lianfang: 本数据库的用户表是空的，但审计日志记录过用户：用户可能被人绕过廉防删除了，"
		                "谁也不能登录。请用“lianfang audit verify”检查，并从备份恢复。\n");
		return LF_EXIT_FAIL;
	}
	ui = lf_alloc(sizeof *ui);
	ui->ctx.db = db;
	ui->ctx.cli = cli;
	ui->ctx.forms = lf_formset_load(cli->forms_dir, collect_warning, ui);
	lf_overview_load(db, &ui->ctx.overview);
	install_signals();
	the_ui = ui;
	atexit(at_exit);
	if (start_curses(ui)) {
		free_ui(ui);
		the_ui = NULL;
		return LF_EXIT_FAIL;
	}
	claim = cli->user ? cli->user : getenv("LIANFANG_USER");
	ui->signin_login = lf_strdup(claim && *claim ? claim : "");
	start_over(ui);
	if (ui->nwarn)
		lf_ui_msg(ui, LF_MSG_ERROR, "%s%s", ui->warnings[0], ui->nwarn > 1 ? "（还有别的问题，见 F1 帮助）" : "");
	while (ui->n > 0 && !ui->stop) {
		redraw(ui);
		if (ui->audit_pending) {
			/* the home is on screen while a big log is checked */
			ui->audit_pending = 0;
			audit_warning(ui);
			continue;
		}
		key = read_key(ui);
		if (key && !ui->stop) {
			dispatch(ui, key);
			pop_closing(ui);
			if (ui->start_over)
				start_over(ui);
		}
	}
	if (ui->stop) {
		/* the terminal is gone or we were told to stop: keep everything
		 * unsaved as drafts before anything else */
		hangup_all(ui);
		rc = LF_EXIT_FAIL;
	}
	stop_curses(ui);
	if (ui->stop)
		fprintf(stderr, "lianfang: %s，已退出。%s\n", ui->stop_why,
		        ui->msg && ui->msgkind == LF_MSG_INFO ? ui->msg : "");
	free_ui(ui);
	the_ui = NULL;
	return rc;
}
