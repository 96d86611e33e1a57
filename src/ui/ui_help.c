/* ui_help: the F1 page, generated from the action tables of the screen
 * under it and the global table — so it always lists the keys that really
 * work, each function key with the key that does the same without one —
 * plus what the screen adds (a form field's help). */
#include "lianfang/screen.h"
#include "ui_auth.h"
#include "ui_p2.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <string.h>
#include <wchar.h>

enum { H_UP = 1, H_DOWN, H_PGUP, H_PGDN, H_TOP, H_BOTTOM };

const struct lf_ui_action lf_help_actions[] = {
	{ H_UP, "up", "上滚", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "向上滚一行" },
	{ H_DOWN, "down", "下滚", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_ENTER }, LF_ACT_TEXT, "向下滚一行" },
	{ H_PGUP, "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_BAR | LF_ACT_TEXT, "向上翻一页" },
	{ H_PGDN, "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "向下翻一页" },
	{ H_TOP, "top", "开头", { LF_KEY(KEY_HOME), 'g' }, LF_ACT_TEXT, "到开头" },
	{ H_BOTTOM, "bottom", "末尾", { LF_KEY(KEY_END), 'G' }, LF_ACT_TEXT, "到末尾" },
	{ 0 },
};

struct help {
	struct lf_screen base;
	char *text;
	char **line;      /* the text wrapped at `width` */
	int lines, cap, width;
	int top, height;
};

static void key_names_sep(const struct lf_ui_action *a, struct lf_buf *b, const char *sep)
{
	char k[32];
	int i;

	for (i = 0; i < 5 && a->keys[i]; i++) {
		lf_key_name(a->keys[i], k, sizeof k);
		if (i)
			lf_buf_adds(b, sep);
		if (k[0] == '^' && k[1])
			lf_buf_addf(b, "Ctrl-%s", k + 1);
		else
			lf_buf_adds(b, k);
	}
}

static void key_names(const struct lf_ui_action *a, struct lf_buf *b)
{
	key_names_sep(a, b, " 或 ");
}

void lf_help_add_actions(struct lf_buf *b, const char *heading, const struct lf_ui_action *t)
{
	struct lf_buf keys;
	int w;

	lf_buf_addf(b, "\n%s\n", heading);
	lf_buf_init(&keys);
	for (; t && t->id; t++) {
		lf_buf_reset(&keys);
		key_names(t, &keys);
		w = lf_utf8_width(t->label);
		lf_buf_addf(b, "  %s%*s%s\n", t->label, w < 10 ? 10 - w : 1, "", keys.s);
		lf_buf_addf(b, "            %s\n", t->help);
	}
	lf_buf_free(&keys);
}

/* Split the text into screen lines of at most `width` columns; a wrapped
 * line keeps its indent. */
static void wrap_lines(struct help *h, int width)
{
	const char *line = h->text;
	int i;

	for (i = 0; i < h->lines; i++)
		lf_free(h->line[i]);
	h->lines = 0;
	h->width = width;
	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line), n, k, start;
		char *one = lf_strndup(line, len);
		int indent = (int)strspn(one, " "), col = 0, room = width - indent;
		wchar_t *w = lf_utf8_to_wcs(one + indent, &n);

		if (room < 10)
			room = 10;
		for (start = k = 0; k <= n; k++) {
			int cw = k < n ? lf_wc_width(w[k]) : 0;

			if (k == n || col + cw > room) {
				char *part;

				/* a line does not start with closing punctuation (避头):
				 * the character before it goes down with it */
				while (k < n && k - start > 1 && wcschr(L"，。、；：？！）》」』”’", w[k]))
					k--, cw = lf_wc_width(w[k]);
				part = lf_wcs_to_utf8(w + start, k - start);

				if (h->lines == h->cap) {
					h->cap = h->cap * 2 + 64;
					h->line = lf_realloc(h->line, (size_t)h->cap * sizeof *h->line);
				}
				h->line[h->lines++] = lf_printf("%*s%s", indent, "", part);
				lf_free(part);
				start = k;
				col = 0;
			}
			col += cw;
		}
		lf_free(w);
		lf_free(one);
		line = nl ? nl + 1 : line + len;
	}
}

static void help_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct help *h = (struct help *)s;
	int i;

	h->height = rows;
	if (h->width != cols - 2)
		wrap_lines(h, cols - 2);
	if (h->top > h->lines - rows)
		h->top = h->lines - rows;
	if (h->top < 0)
		h->top = 0;
	for (i = 0; i < rows && h->top + i < h->lines; i++)
		lf_ui_print(w, i, 1, cols - 2, h->line[h->top + i], h->top + i == 0 ? lf_ui_attr(LF_R_PATH) : A_NORMAL);
	if (h->top + rows < h->lines) {
		const char *more = "（下面还有）";
		int mw = lf_utf8_width(more);

		lf_ui_fill(w, rows - 1, cols - mw - 2, mw + 1, A_NORMAL);
		lf_ui_print(w, rows - 1, cols - mw - 1, mw, more, lf_ui_attr(LF_R_DIM));
	}
}

static int help_action(struct lf_screen *s, int id)
{
	struct help *h = (struct help *)s;
	int page = h->height > 2 ? h->height - 1 : 1;

	switch (id) {
	case H_UP: h->top--; break;
	case H_DOWN: h->top++; break;
	case H_PGUP: h->top -= page; break;
	case H_PGDN: h->top += page; break;
	case H_TOP: h->top = 0; break;
	case H_BOTTOM: h->top = h->lines; break;
	}
	if (h->top < 0)
		h->top = 0;
	return LF_DIRTY_BODY;
}

static void help_free(struct lf_screen *s)
{
	struct help *h = (struct help *)s;

	int i;

	for (i = 0; i < h->lines; i++)
		lf_free(h->line[i]);
	lf_free(h->line);
	lf_free(h->text);
	lf_free(h);
}

static const struct lf_screen_ops help_ops = {
	.name = "help",
	.actions = lf_help_actions,
	.draw = help_draw,
	.action = help_action,
	.free = help_free,
};

void lf_help_open(struct lf_ui *ui, struct lf_screen *of)
{
	struct help *h;
	struct lf_buf b;
	char title[200];

	if (of && of->ops == &help_ops)
		return;
	lf_buf_init(&b);
	if (of) {
		lf_buf_addf(&b, "帮助：%s\n", of->title);
		lf_ui_warnings(ui, &b);
		if (of->ops->help) {
			lf_buf_adds(&b, "\n");
			of->ops->help(of, &b);
		}
		if (of->ops->actions && of->ops->actions->id)
			lf_help_add_actions(&b, "本屏的按键", of->ops->actions);
	}
	lf_help_add_actions(&b, "每一屏都能用的按键", lf_global_actions);
	if (of && of->ops->more_actions)
		lf_help_add_actions(&b, of->ops->more_title ? of->ops->more_title : "其他按键", of->ops->more_actions);
	lf_buf_adds(&b, "\n没有功能键（F1–F10）的终端（如 vt100 或某些 SSH 客户端），用每项后面列出的"
	                "Ctrl 键或字母键。Ctrl-S 不起作用时，请关掉终端的流控（stty -ixon）或用 F2。\n");
	h = lf_alloc(sizeof *h);
	h->text = lf_buf_steal(&b);
	snprintf(title, sizeof title, "帮助");
	lf_screen_init(&h->base, &help_ops, title);
	lf_ui_push(ui, &h->base);
}

/* ------------------------------------------------------------------ the manual */

const struct lf_action_table lf_action_tables[] = {
	{ "Every screen", lf_global_actions },
	{ "Home screen", lf_home_actions },
	{ "Lists (persons, meetings, the leading group …)", lf_records_actions },
	{ "Lists with a level below (departments → posts → persons, powers → flow chart)", lf_records_tree_actions },
	{ "Years and their phases", lf_cycle_actions },
	{ "Flow chart of a power", lf_flow_actions },
	{ "Risk points of a flow step", lf_step_risks_actions },
	{ "Coverage", lf_coverage_actions },
	{ "Moving in a list", lf_list_actions },
	{ "Picking from a list", lf_picker_actions },
	{ "Forms", lf_form_actions },
	{ "Editing text in a field", lf_edit_actions },
	{ "Help page", lf_help_actions },
	{ "Signing in", lf_signin_actions },
	{ "First run: creating the administrator", lf_setup_actions },
	{ "Changing or resetting a password", lf_password_actions },
	{ "Your account", lf_account_actions },
	{ "Users (administrators)", lf_users_actions },
	{ "Adding a user", lf_adduser_actions },
	{ "One user (administrators)", lf_user_actions },
	{ "A record's history, the audit log check", lf_history_actions },
	{ "Choosing a file or directory", lf_path_actions },
	{ "USB exchange", lf_exchange_actions },
	{ "Merging a bundle (the preview)", lf_merge_actions },
	{ "Conflicts", lf_conflicts_actions },
	{ "A record in conflict", lf_conflict_actions },
	{ "Exporting a table", lf_export_actions },
	{ "Characters the encoding cannot hold", lf_xproblems_actions },
	{ "Importing a table", lf_import_actions },
	{ "Import preview", lf_ipreview_actions },
	{ "Self-check forms (list)", lf_sclist_actions },
	{ "A self-check form", lf_scform_actions },
	{ "Editing a risk, measure, review or level", lf_sheet_actions },
	{ "Summary table", lf_summary_actions },
	{ "Heat map", lf_heatmap_actions },
	{ "Grading scheme", lf_scheme_actions },
	{ NULL, NULL },
};

/* Text for groff: '-' as \-, a leading '.' or '\'' escaped. */
static void man_text(struct lf_buf *b, const char *s)
{
	if (*s == '.' || *s == '\'')
		lf_buf_adds(b, "\\&");
	for (; *s; s++) {
		if (*s == '-')
			lf_buf_adds(b, "\\-");
		else if (*s == '\\')
			lf_buf_adds(b, "\\e");
		else
			lf_buf_addc(b, *s);
	}
}

/* The home's menu: one key per row, by group. */
static void home_menu_man(struct lf_buf *b)
{
	const char *group, *label, *about, *last = NULL;
	int i, key;

	lf_buf_adds(b, ".PP\nThe home's menu opens each screen with one key; a row the user's roles may not\n"
	               "open is greyed, and its key says why instead.\n");
	for (i = 0; lf_home_menu_row(i, &key, &group, &label, &about); i++) {
		if (!last || strcmp(last, group)) {
			lf_buf_adds(b, ".PP\n.B ");
			man_text(b, group);
			lf_buf_adds(b, "\n");
		}
		last = group;
		lf_buf_addf(b, ".TP\n%c\n", key);
		man_text(b, label);
		lf_buf_adds(b, "：");
		man_text(b, about);
		lf_buf_adds(b, "\n");
	}
}

void lf_keys_man(struct lf_buf *b)
{
	const struct lf_action_table *t;
	const struct lf_ui_action *a;
	struct lf_buf keys;

	lf_buf_init(&keys);
	lf_buf_adds(b, ".SH KEYS\n"
	               "Without a command, lianfang opens its screens. Each screen has a table of actions;\n"
	               "the key bar at the bottom and the help page (F1 or Ctrl\\-G) are made from it.\n"
	               "Every action that has a function key also has a key that works without one\n"
	               "(a vt100, some SSH clients): the function key comes first below, then the others.\n"
	               "Letters act as keys only on screens where typing is not text entry.\n"
	               ".PP\n"
	               "Nothing typed is lost: leaving a changed form asks whether to save it, discard\n"
	               "the changes or keep them as a draft, and when the terminal goes away (SIGHUP, a\n"
	               "dropped SSH link) or SIGTERM arrives, every changed form is kept as a draft of\n"
	               "the signed\\-in user, offered back the next time that form is opened.\n"
	               "Below 80\\(mu24 the screens ask for a larger window and keep what was typed.\n"
	               "Colour is used where the terminal has it, unless NO_COLOR is set.\n");
	for (t = lf_action_tables; t->title; t++) {
		lf_buf_adds(b, ".SS \"");
		man_text(b, t->title);
		lf_buf_adds(b, "\"\n");
		for (a = t->actions; a->id; a++) {
			lf_buf_reset(&keys);
			key_names_sep(a, &keys, ", ");
			lf_buf_adds(b, ".TP\n");
			man_text(b, keys.s);
			lf_buf_adds(b, "\n");
			man_text(b, a->label);
			lf_buf_adds(b, "：");
			man_text(b, a->help);
			lf_buf_adds(b, "\n");
		}
		if (t->actions == lf_home_actions)
			home_menu_man(b);
	}
	lf_buf_free(&keys);
}
