/* ui_scheme: the unit's grading scheme (grade.h) on one screen — each
 * setting on a row with its value as `lianfang scheme set` takes it, the
 * matrix also drawn as a grid of level names. Enter edits a value in place;
 * the model checks it and says what is wrong, and the typed text stays for
 * fixing. Who may not change the scheme reads it, and is told why. */
#include "lianfang/grade.h"
#include "lianfang/perm.h"
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>

enum { G_EDIT = 1, G_SAVE, G_PRESET, G_RESET, G_UP, G_DOWN, G_QUIT };

const struct lf_ui_action lf_scheme_actions[] = {
	{ G_EDIT, "edit", "修改", { LF_ENTER, 'e' }, LF_ACT_BAR | LF_ACT_TEXT, "修改选中的一项（Esc 放弃修改）" },
	{ G_SAVE, "save", "保存", { LF_KEY(KEY_F(2)), LF_CTRL('S') }, LF_ACT_BAR,
	  "保存正在修改的一项（Enter 也保存）" },
	{ G_PRESET, "preset", "等级方案", { LF_KEY(KEY_F(5)), 'p' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "选用一种等级名称：高中低、一级最低、一级最高" },
	{ G_RESET, "reset", "恢复默认", { LF_KEY(KEY_F(8)), 'r' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "把选中的一项恢复为默认设置" },
	{ G_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一项" },
	{ G_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N') }, LF_ACT_TEXT, "选中下一项" },
	{ G_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

static const struct setting {
	const char *key, *label, *about;
} settings[] = {
	{ LF_SET_LEVELS, "风险等级", "三个等级的名称，从低到高写，用逗号分开" },
	{ LF_SET_MATRIX, "分级矩阵", "每行一个发生概率（由低到高），每格 1 低、2 中、3 高；行之间用分号" },
	{ LF_SET_PROB, "发生概率", "发生概率各分值的名称，从低到高，个数同矩阵的行数" },
	{ LF_SET_SEVERITY, "危害程度", "危害程度各分值的名称，从低到高，个数同矩阵的列数" },
	{ LF_SET_CATEGORIES, "风险类别", "自查表里可选的风险类别，用逗号分开" },
	{ LF_SET_SOURCES, "风险来源", "自查表里可选的风险来源，用逗号分开" },
	{ LF_SET_FOUND_BY, "查找方式", "自查表里可选的查找方式，用逗号分开" },
};

#define NSET ((int)LF_COUNT(settings))
#define LABEL_W 12

static const char *const presets[] = { "高中低", "一级最低", "一级最高" };

struct scheme {
	struct lf_screen base;
	struct lf_scheme sc;
	int loaded;
	char *value[NSET];  /* each setting as the CLI takes it */
	char *deny;         /* why this user may not change it; NULL: may */
	char *err;          /* the scheme could not be read */
	int sel;
	int editing;
	struct lf_edit ed;
	char *preset;       /* picked, to confirm once the picker has closed */
};

static char *join(char *const *items, int from, int to)
{
	struct lf_buf b;
	int i;

	lf_buf_init(&b);
	for (i = from; to ? i <= to : items[i] != NULL; i++)
		lf_buf_addf(&b, "%s%s", i > from ? "," : "", items[i]);
	return lf_buf_steal(&b);
}

static char *matrix_text(const struct lf_scheme *sc)
{
	struct lf_buf b;
	int p, v;

	lf_buf_init(&b);
	for (p = 0; p < sc->size; p++)
		for (v = 0; v < sc->size; v++)
			lf_buf_addf(&b, "%s%d", v ? "," : p ? ";" : "", sc->matrix[p][v]);
	return lf_buf_steal(&b);
}

static void load(struct scheme *g)
{
	struct lf_db *db = lf_ui_ctx(g->base.ui)->db;
	char *names[LF_MATRIX_MAX + 2];
	lf_status st;
	int i;

	if (g->loaded)
		lf_scheme_free(&g->sc);
	g->loaded = 0;
	for (i = 0; i < NSET; i++) {
		lf_free(g->value[i]);
		g->value[i] = NULL;
	}
	lf_free(g->err);
	g->err = NULL;
	if ((st = lf_scheme_load(db, &g->sc))) {
		g->err = lf_strdup(lf_errmsg(db, st));
		return;
	}
	g->loaded = 1;
	for (i = 1; i <= 3; i++)
		names[i] = g->sc.level[i];
	g->value[0] = join(names, 1, 3);
	g->value[1] = matrix_text(&g->sc);
	for (i = 1; i <= g->sc.size; i++)
		names[i] = g->sc.prob[i];
	g->value[2] = join(names, 1, g->sc.size);
	for (i = 1; i <= g->sc.size; i++)
		names[i] = g->sc.severity[i];
	g->value[3] = join(names, 1, g->sc.size);
	g->value[4] = join(g->sc.categories, 0, 0);
	g->value[5] = join(g->sc.sources, 0, 0);
	g->value[6] = join(g->sc.found_by, 0, 0);
}

/* The matrix as level names: probability rows from high to low, severity columns. */
static void draw_grid(struct scheme *g, WINDOW *w, int y, int cols)
{
	static const enum lf_ui_role lv[4] = { LF_R_NORMAL, LF_R_LEVEL_LOW, LF_R_LEVEL_MID, LF_R_LEVEL_HIGH };
	const struct lf_scheme *sc = &g->sc;
	int p, v, x0 = 2 + LABEL_W, cw = (cols - x0 - 1) / sc->size;

	if (cw > 10)
		cw = 10;
	lf_ui_print(w, y, 2, LABEL_W, "概率＼危害", lf_ui_attr(LF_R_HEADER));
	for (v = 1; v <= sc->size; v++)
		lf_ui_print(w, y, x0 + (v - 1) * cw + 1, cw - 2, sc->severity[v], lf_ui_attr(LF_R_HEADER));
	for (p = sc->size; p >= 1; p--) {
		int row = y + 1 + sc->size - p;

		lf_ui_print(w, row, 2, LABEL_W, sc->prob[p], lf_ui_attr(LF_R_LABEL));
		for (v = 1; v <= sc->size; v++) {
			int lvl = lf_scheme_propose(sc, p, v);

			lf_ui_fill(w, row, x0 + (v - 1) * cw, cw - 1, lf_ui_attr(lv[lvl]));
			lf_ui_print(w, row, x0 + (v - 1) * cw + 1, cw - 2, lf_scheme_level_name(sc, lvl), lf_ui_attr(lv[lvl]));
		}
	}
}

static void scheme_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct scheme *g = (struct scheme *)s;
	int i, y = 1, grid, compact;

	s->cy = -1;
	if (g->err) {
		lf_ui_wrap(w, 1, 2, cols - 4, rows - 2, g->err, lf_ui_attr(LF_R_ERROR));
		return;
	}
	if (g->deny)
		lf_ui_print(w, 0, 1, cols - 2, "只能查看：您的角色不能修改分级方案。", lf_ui_attr(LF_R_INFO));
	else
		lf_ui_print(w, 0, 1, cols - 2, "本单位的风险分级方案，随数据一起上报。Enter 修改选中的一项。",
		            lf_ui_attr(LF_R_DIM));
	grid = g->sc.size + 1;
	/* 24 lines hold every explanation beside a 3×3 grid; else only the selected row's */
	compact = 1 + 2 * NSET + 1 + grid > rows;
	for (i = 0; i < NSET; i++) {
		attr_t a = i == g->sel ? lf_ui_attr(LF_R_SELECT) : lf_ui_attr(LF_R_LABEL);
		int x = 2 + LABEL_W;

		lf_ui_print(w, y, 0, 2, i == g->sel ? (lf_ui_line_drawing() ? "▶" : ">") : " ", lf_ui_attr(LF_R_NORMAL));
		lf_ui_print(w, y, 2, LABEL_W - 1, settings[i].label, a);
		if (i == g->sel && g->editing)
			lf_field_draw(w, &g->ed, y, x, cols - x - 1, 1, lf_ui_attr(LF_R_FOCUS), &s->cy, &s->cx);
		else
			lf_ui_print(w, y, x, cols - x - 1, g->value[i], lf_ui_attr(LF_R_NORMAL));
		if (i == g->sel && !g->editing) {
			s->cy = y;
			s->cx = 0;
		}
		y++;
		if (!compact || i == g->sel)
			lf_ui_print(w, y++, x, cols - x - 1,
			            i == g->sel && g->editing ? "Enter 保存，Esc 放弃修改" : settings[i].about,
			            lf_ui_attr(LF_R_DIM));
	}
	if (y + 1 + grid <= rows)
		draw_grid(g, w, y + 1, cols);
}

static void start_edit(struct scheme *g)
{
	lf_edit_free(&g->ed);
	lf_edit_init(&g->ed, 0);
	lf_edit_set(&g->ed, g->value[g->sel]);
	lf_edit_do(&g->ed, LF_ED_END);
	g->editing = 1;
}

/* One setting saved in one transaction (lf_scheme_set); on a refusal the
 * typed text stays in the field. */
static void save(struct scheme *g)
{
	struct lf_ui *ui = g->base.ui;
	char *text = lf_edit_text(&g->ed);
	lf_status st = lf_scheme_set(lf_ui_ctx(ui)->db, settings[g->sel].key, text);

	lf_free(text);
	if (lf_ui_failed(ui, st))
		return;
	g->editing = 0;
	load(g);
	lf_ui_msg(ui, LF_MSG_INFO, "已修改“%s”。", settings[g->sel].label);
}

/* 1 if the user may change the scheme; else says why on the message line. */
static int may_change(struct scheme *g)
{
	if (g->deny)
		lf_ui_msg(g->base.ui, LF_MSG_ERROR, "%s", g->deny);
	return !g->deny;
}

static void preset_picked(void *ctx, const char *value, const char *label)
{
	struct scheme *g = ctx;

	(void)label;
	lf_free(g->preset);
	g->preset = lf_strdup(value);
}

static void reset(struct scheme *g)
{
	static const struct lf_choice yes[] = { { 'Y', "恢复默认" } };
	struct lf_ui *ui = g->base.ui;
	char q[200];

	snprintf(q, sizeof q, "把“%s”恢复为默认设置？", settings[g->sel].label);
	if (lf_ui_ask(ui, q, yes, 1, -1) != 0)
		return;
	if (!lf_ui_failed(ui, lf_scheme_reset(lf_ui_ctx(ui)->db, settings[g->sel].key))) {
		load(g);
		lf_ui_msg(ui, LF_MSG_INFO, "“%s”已恢复默认。", settings[g->sel].label);
	}
}

static int scheme_action(struct lf_screen *s, int id)
{
	struct scheme *g = (struct scheme *)s;

	if (g->err && id != G_QUIT)
		return 0;
	switch (id) {
	case G_EDIT:
		if (may_change(g))
			start_edit(g);
		return LF_DIRTY_ALL;
	case G_SAVE: save(g); return LF_DIRTY_ALL;
	case G_PRESET:
		if (may_change(g))
			lf_picker_choices(s->ui, "选用等级名称方案", (char *const *)presets, (int)LF_COUNT(presets),
			                  preset_picked, g);
		return LF_DIRTY_ALL;
	case G_RESET:
		if (may_change(g))
			reset(g);
		return LF_DIRTY_ALL;
	case G_UP: g->sel = (g->sel + NSET - 1) % NSET; break;
	case G_DOWN: g->sel = (g->sel + 1) % NSET; break;
	case G_QUIT: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_BODY;
}

static int scheme_key(struct lf_screen *s, int key)
{
	struct scheme *g = (struct scheme *)s;
	int pasting = lf_ui_pasting(s->ui);

	if (!g->editing)
		return -1;
	if (key == LF_ENTER && !pasting) {
		save(g);
		return LF_DIRTY_ALL;
	}
	return lf_field_key(&g->ed, key, pasting) ? LF_DIRTY_BODY : -1;
}

/* While a value is edited only saving works; typed letters are text. */
static int scheme_enabled(struct lf_screen *s, int id)
{
	return ((struct scheme *)s)->editing ? id == G_SAVE : id != G_SAVE;
}

/* Esc while editing gives up the edit, not the screen. */
static int scheme_leave(struct lf_screen *s)
{
	struct scheme *g = (struct scheme *)s;

	if (!g->editing)
		return 1;
	g->editing = 0;
	lf_ui_msg(s->ui, LF_MSG_INFO, "没有修改“%s”。", settings[g->sel].label);
	lf_ui_dirty(s->ui, LF_DIRTY_ALL);
	return 0;
}

/* The picker closed: confirm the preset it chose. */
static void scheme_resume(struct lf_screen *s)
{
	static const struct lf_choice yes[] = { { 'Y', "选用" } };
	struct scheme *g = (struct scheme *)s;
	struct lf_ui *ui = s->ui;
	char q[200], *p = g->preset;

	g->preset = NULL;
	if (p) {
		snprintf(q, sizeof q, "风险等级名称改用“%s”方案？", p);
		if (lf_ui_ask(ui, q, yes, 1, -1) == 0 && !lf_ui_failed(ui, lf_scheme_preset(lf_ui_ctx(ui)->db, p)))
			lf_ui_msg(ui, LF_MSG_INFO, "已选用等级名称方案“%s”。", p);
		lf_free(p);
	}
	load(g);
	lf_ui_dirty(ui, LF_DIRTY_ALL);
}

static void scheme_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "本单位的风险分级方案：等级名称、分级矩阵（发生概率 × 危害程度 → 等级）、概率和危害程度的\n"
	               "名称、自查表里可选的类别、来源和查找方式。每一项的写法和 lianfang scheme set 相同，\n"
	               "列表用逗号分开。修改有误时，消息行说明原因，输入的文字留在框里，改好再按 Enter。\n"
	               "只有能修改设置的角色可以修改，其他人只能查看。\n");
}

static void scheme_free(struct lf_screen *s)
{
	struct scheme *g = (struct scheme *)s;
	int i;

	if (g->loaded)
		lf_scheme_free(&g->sc);
	for (i = 0; i < NSET; i++)
		lf_free(g->value[i]);
	lf_edit_free(&g->ed);
	lf_free(g->deny);
	lf_free(g->err);
	lf_free(g->preset);
	lf_free(g);
}

static const struct lf_screen_ops scheme_ops = {
	.name = "scheme",
	.actions = lf_scheme_actions,
	.draw = scheme_draw,
	.action = scheme_action,
	.key = scheme_key,
	.enabled = scheme_enabled,
	.leave = scheme_leave,
	.resume = scheme_resume,
	.help = scheme_help,
	.more_actions = lf_edit_actions,
	.more_title = "修改时编辑文字",
	.free = scheme_free,
};

void lf_scheme_open(struct lf_ui *ui)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct scheme *g = lf_alloc(sizeof *g);
	lf_status st = lf_perm_check(db, LF_ACT_SETTINGS, NULL);

	if (st)
		g->deny = lf_strdup(lf_errmsg(db, st));
	lf_edit_init(&g->ed, 0);
	lf_screen_init(&g->base, &scheme_ops, "分级方案");
	lf_ui_push(ui, &g->base);
	load(g);
}
