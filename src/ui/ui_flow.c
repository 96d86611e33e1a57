/* ui_flow: the flow chart of one power (权力运行流程图) — its steps drawn as
 * a vertical chart of boxes joined by arrows, the risk steps in double boxes
 * with their risk points — and the editing of its steps: add, insert, edit,
 * mark as risky, move, delete. The drawing is the model's (lf_flow_chart):
 * this screen chooses box-drawing characters or ASCII by what the terminal
 * can show (lf_ui_line_drawing), colours the lines and keeps one step
 * selected. Enter on a risk step lists its risk points. */
#include "lianfang/flow.h"
#include "lianfang/grade.h"
#include "lianfang/power.h"
#include "lianfang/risk.h"
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>

enum {
	W_OPEN = 1, W_ADD, W_INSERT, W_EDIT, W_RISKY, W_UP, W_DOWN, W_DELETE, W_ASCII, W_POWER,
	W_PREV, W_NEXT, W_PGUP, W_PGDN, W_FIRST, W_LAST, W_QUIT
};

const struct lf_ui_action lf_flow_actions[] = {
	{ W_OPEN, "open", "打开", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "风险环节：列出它关联的风险点；其他环节：修改这一步" },
	{ W_ADD, "add", "新增", { LF_KEY(KEY_F(5)), 'a' }, LF_ACT_BAR | LF_ACT_TEXT, "在选中的一步后面新增一步" },
	{ W_INSERT, "insert", "插入", { LF_KEY(KEY_IC), 'i' }, LF_ACT_TEXT, "在选中的一步前面插入一步" },
	{ W_EDIT, "edit", "修改", { 'e' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "修改选中的一步：办理主体、办理事项、条件、时限、监督方式、是否风险环节、序号" },
	{ W_RISKY, "risky", "风险环节", { 'r' }, LF_ACT_BAR | LF_ACT_TEXT, "把选中的一步标为风险环节；再按一次取消" },
	{ W_UP, "move-up", "前移", { LF_KEY(KEY_SR), 'K' }, LF_ACT_TEXT, "把选中的一步往前移一位（Shift-Up 或大写 K）" },
	{ W_DOWN, "move-down", "后移", { LF_KEY(KEY_SF), 'J' }, LF_ACT_TEXT,
	  "把选中的一步往后移一位（Shift-Down 或大写 J）" },
	{ W_DELETE, "delete", "删除", { LF_KEY(KEY_F(8)), 'd' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "删除选中的一步（先询问）；关联着风险点的一步不能删" },
	{ W_ASCII, "lines", "线条", { 't' }, LF_ACT_TEXT, "在制表符画的方框和纯 ASCII 字符（+ - # =）之间切换" },
	{ W_POWER, "power", "职权", { 'p' }, LF_ACT_TEXT, "修改这项职权本身：名称、内容、类别、法律依据、行使主体" },
	{ W_PREV, "prev-step", "上一步", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一步" },
	{ W_NEXT, "next-step", "下一步", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N') }, LF_ACT_TEXT, "选中下一步" },
	{ W_PGUP, "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_TEXT, "向上翻一页" },
	{ W_PGDN, "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_TEXT, "向下翻一页" },
	{ W_FIRST, "first", "第一步", { LF_KEY(KEY_HOME), 'g', '<' }, LF_ACT_TEXT, "到第一步" },
	{ W_LAST, "last", "最后一步", { LF_KEY(KEY_END), 'G', '>' }, LF_ACT_TEXT, "到最后一步" },
	{ W_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

struct flow {
	struct lf_screen base;
	char power[LF_GID_LEN + 1];
	char cycle[LF_GID_LEN + 1]; /* whose risk points the boxes list; "" any */
	struct lf_step_list steps;
	struct lf_lines lines;
	char *err;                  /* why there is no chart */
	int ascii, width, loaded;
	int sel;                    /* the selected step's number, 0 when none */
	int top;                    /* first line in view */
	int height;                 /* lines in view (set by draw) */
	int to_step;                /* opened at a step: show it from the top */
	char pending[LF_GID_LEN + 1]; /* select this step when we come back */
	char *refused;              /* why the user may not change the chart, or NULL */
};

static struct lf_db *db_of(struct flow *f)
{
	return lf_ui_ctx(f->base.ui)->db;
}

static const struct lf_step *selected(const struct flow *f)
{
	int i;

	for (i = 0; i < f->steps.n; i++)
		if (f->steps.v[i].seq == f->sel)
			return &f->steps.v[i];
	return NULL;
}

static void set_title(struct flow *f)
{
	char *name = lf_record_label(db_of(f), lf_kind_find("power"), f->power);
	char *title = lf_printf("流程图：%s", name ? name : "");

	lf_screen_set_title(&f->base, title);
	lf_free(title);
	lf_free(name);
}

/* Read the steps and draw the chart `width` columns wide. */
static void load(struct flow *f, int width)
{
	struct lf_db *db = db_of(f);
	struct lf_page pg;
	lf_status st;
	int i;

	lf_lines_free(&f->lines);
	lf_step_list_free(&f->steps);
	lf_free(f->err);
	f->err = NULL;
	f->width = width;
	f->loaded = 1;
	lf_page_init(&pg, LF_STEPS_MAX);
	st = lf_step_list(db, f->power, &pg, &f->steps);
	if (st == LF_OK)
		st = lf_flow_chart(db, f->power, f->cycle[0] ? f->cycle : NULL, f->ascii, width, &f->lines);
	if (st) {
		f->err = lf_strdup(lf_errmsg(db, st));
		lf_step_list_free(&f->steps);
	}
	if (f->pending[0])
		for (i = 0; i < f->steps.n; i++)
			if (!strcmp(f->steps.v[i].gid, f->pending))
				f->sel = f->steps.v[i].seq;
	f->pending[0] = 0;
	if (f->sel > f->steps.n)
		f->sel = f->steps.n;
	if (f->sel < 1 && f->steps.n)
		f->sel = 1;
}

/* The first and last line of step n in the drawing. */
static int step_lines(const struct flow *f, int n, int *first, int *last)
{
	int i;

	*first = *last = -1;
	for (i = 0; i < f->lines.n; i++)
		if (f->lines.v[i].item == n) {
			if (*first < 0)
				*first = i;
			*last = i;
		}
	return *first >= 0;
}

static void keep_in_view(struct flow *f, int height)
{
	int first, last;

	if (height < 1)
		height = 1;
	if (step_lines(f, f->sel, &first, &last)) {
		/* the heading with the first step, the whole box when it fits */
		if (f->sel == 1)
			first = 0;
		if (last - first + 1 > height)
			last = first + height - 1;
		if (first < f->top)
			f->top = first;
		if (last >= f->top + height)
			f->top = last - height + 1;
	}
	if (f->top > f->lines.n - height)
		f->top = f->lines.n - height;
	if (f->top < 0)
		f->top = 0;
}

static void status_line(struct flow *f, WINDOW *w, int y, int cols)
{
	const struct lf_step *st = selected(f);
	int i, risky = 0;
	struct lf_buf b;

	for (i = 0; i < f->steps.n; i++)
		risky += f->steps.v[i].risky;
	lf_buf_init(&b);
	if (!f->steps.n)
		lf_buf_adds(&b, f->refused ? "还没有流程环节。" : "还没有流程环节：按 F5 或 a 新增第一步。");
	else if (st)
		lf_buf_addf(&b, "第 %d 步，共 %d 步，风险环节 %d 个。%s", st->seq, f->steps.n, risky,
		            st->risky ? (st->risks ? "Enter 看这一步的风险点" : "这一步还没有关联风险点")
		            : f->refused ? "" : "r 标为风险环节");
	if (f->refused)
		lf_buf_adds(&b, "（只能查看）");
	if (f->top + f->height < f->lines.n)
		lf_buf_adds(&b, "　↓");
	lf_ui_print(w, y, 1, cols - 2, b.s, lf_ui_attr(LF_R_DIM));
	lf_buf_free(&b);
}

static void flow_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct flow *f = (struct flow *)s;
	int width = cols - 4 > 100 ? 100 : cols - 4, i, y, first, last;

	if (!f->loaded || width != f->width)
		load(f, width);
	if (f->err) {
		lf_ui_wrap(w, 1, 2, cols - 4, rows - 2, f->err, lf_ui_attr(LF_R_ERROR));
		return;
	}
	f->height = rows - 1;
	if (f->to_step && step_lines(f, f->sel, &first, &last))
		f->top = first > 2 ? first - 2 : 0; /* with the arrow into it */
	f->to_step = 0;
	keep_in_view(f, f->height);
	step_lines(f, f->sel, &first, &last);
	for (i = f->top, y = 0; i < f->lines.n && y < f->height; i++, y++) {
		const struct lf_line *l = &f->lines.v[i];
		attr_t a = l->item && l->item == f->sel ? lf_ui_attr(LF_R_SELECT)
		           : l->mark                    ? lf_ui_attr(LF_R_ERROR)
		                                        : A_NORMAL;

		if (i == first) {
			lf_ui_print(w, y, 0, 2, f->ascii ? ">" : "▶", lf_ui_attr(LF_R_PATH));
			s->cy = y;
			s->cx = 0;
		}
		lf_ui_print(w, y, 2, cols - 3, l->text, a);
	}
	status_line(f, w, rows - 1, cols);
}

/* ------------------------------------------------------------------ the risk points of a step */

struct risks {
	struct lf_screen base;
	struct lf_rows rows;
	struct lf_list list;
	int more;
};

enum { K_OPEN = 1, K_QUIT };

const struct lf_ui_action lf_step_risks_actions[] = {
	{ K_OPEN, "open", "打开", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "打开选中的风险点" },
	{ K_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到流程图（同 F10）" },
	{ 0 },
};

static void risks_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct risks *r = (struct risks *)s;

	lf_list_draw(&r->list, w, 0, 0, rows - 2, cols);
	if (r->list.sel >= 0) {
		s->cy = 1 + r->list.sel;
		s->cx = 0;
	}
	lf_ui_wrap(w, rows - 2, 1, cols - 2, 2,
	           r->more ? "只列出了前 500 个。风险点在自查表里登记：它的“流程环节”一项选这一步。"
	                   : "风险点在自查表里登记：它的“流程环节”一项选这一步。",
	           lf_ui_attr(LF_R_DIM));
}

static int risks_action(struct lf_screen *s, int id)
{
	struct risks *r = (struct risks *)s;
	const struct lf_listrow *row = lf_list_selected(&r->list);

	if (id == K_OPEN && row)
		lf_ui_failed(s->ui, lf_form_open(s->ui, "risk", row->gid, NULL, NULL));
	else if (id == K_QUIT)
		lf_ui_back(s->ui);
	return LF_DIRTY_BODY;
}

static int list_key(struct lf_list *l, int key)
{
	const struct lf_ui_action *a;
	int i;

	for (a = lf_list_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key) {
				lf_list_move(l, (enum lf_list_move)(a->id - 1));
				return LF_DIRTY_BODY;
			}
	return -1;
}

static int risks_key(struct lf_screen *s, int key)
{
	return list_key(&((struct risks *)s)->list, key);
}

static void risks_free(struct lf_screen *s)
{
	struct risks *r = (struct risks *)s;

	lf_list_free(&r->list);
	lf_rows_clear(&r->rows);
	lf_free(r);
}

static int risks_record(struct lf_screen *s, const char **kind, const char **gid)
{
	const struct lf_listrow *row = lf_list_selected(&((struct risks *)s)->list);

	*kind = "risk";
	*gid = row ? row->gid : NULL;
	return row != NULL;
}

static const struct lf_screen_ops risks_ops = {
	.name = "step-risks",
	.actions = lf_step_risks_actions,
	.draw = risks_draw,
	.action = risks_action,
	.key = risks_key,
	.record = risks_record,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = risks_free,
};

static void open_risks(struct flow *f, const struct lf_step *step)
{
	struct lf_ui *ui = f->base.ui;
	struct lf_db *db = db_of(f);
	struct lf_risk_list l;
	struct lf_scheme sc;
	struct lf_page pg;
	struct risks *r;
	char title[64];
	int i, n;

	lf_page_init(&pg, 500);
	if (lf_ui_failed(ui, lf_risk_list_step(db, step->gid, f->cycle[0] ? f->cycle : NULL, &pg, &l)))
		return;
	if (lf_ui_failed(ui, lf_scheme_load(db, &sc))) {
		lf_risk_list_free(&l);
		return;
	}
	r = lf_alloc(sizeof *r);
	r->more = pg.next[0] != 0;
	for (i = 0; i < l.n; i++) {
		char *post = lf_record_label(db, lf_kind_find("post"), l.v[i].post);
		char *person = lf_record_label(db, lf_kind_find("person"), l.v[i].person);
		char *who = lf_printf("%s%s%s", post ? post : "", person ? "　" : "", person ? person : "");
		const char *level = lf_scheme_level_name(&sc, l.v[i].level ? l.v[i].level : l.v[i].level_proposed);
		const char *cells[] = { *level ? level : "未评级", l.v[i].description, who };

		lf_rows_add(&r->rows, l.v[i].gid, cells, 3);
		lf_free(post);
		lf_free(person);
		lf_free(who);
	}
	n = l.n;
	lf_scheme_free(&sc);
	lf_risk_list_free(&l);
	lf_list_init(&r->list, lf_list_source_rows(&r->rows), db);
	r->list.cols[0] = (struct lf_list_column){ "风险等级", 8 };
	r->list.cols[1] = (struct lf_list_column){ "风险点", 0 };
	r->list.cols[2] = (struct lf_list_column){ "岗位、人员", 24 };
	r->list.ncols = 3;
	snprintf(title, sizeof title, "第 %d 步的风险点", step->seq);
	lf_screen_init(&r->base, &risks_ops, title);
	lf_ui_push(ui, &r->base);
	if (!n)
		lf_ui_msg(ui, LF_MSG_INFO, "第 %d 步是风险环节，但还没有关联风险点。", step->seq);
}

/* ------------------------------------------------------------------ actions */

static void saved(void *ctx, const char *gid)
{
	struct flow *f = ctx;

	snprintf(f->pending, sizeof f->pending, "%s", gid);
}

static void new_step(struct flow *f, int at)
{
	char seq[16];
	const char *preset[] = { "power", f->power, "seq", seq, NULL };

	snprintf(seq, sizeof seq, "%d", at < 1 ? 1 : at);
	lf_ui_failed(f->base.ui, lf_form_open_new(f->base.ui, "flow_step", preset, saved, f));
}

static void toggle_risky(struct flow *f, const struct lf_step *st)
{
	struct lf_step_in in = { 0 };
	int to = !st->risky, seq = st->seq;

	in.risky = to ? "是" : "否";
	if (lf_ui_failed(f->base.ui, lf_step_edit(db_of(f), st->gid, &in)))
		return;
	load(f, f->width);
	lf_ui_msg(f->base.ui, LF_MSG_INFO, to ? "第 %d 步已标为风险环节。" : "第 %d 步不再是风险环节。", seq);
}

static void move_step(struct flow *f, const struct lf_step *st, int by)
{
	int to = st->seq + by;

	if (to < 1 || to > f->steps.n) {
		lf_ui_msg(f->base.ui, LF_MSG_INFO, by < 0 ? "已经是第一步。" : "已经是最后一步。");
		return;
	}
	if (lf_ui_failed(f->base.ui, lf_step_move(db_of(f), st->gid, to)))
		return;
	f->sel = to;
	load(f, f->width);
	lf_ui_msg(f->base.ui, LF_MSG_INFO, "移到了第 %d 步。", to);
}

static void delete_step(struct flow *f, const struct lf_step *st)
{
	static const struct lf_choice yes[] = { { 'Y', "删除" } };
	char q[200], gid[LF_GID_LEN + 1];
	int seq = st->seq;

	snprintf(q, sizeof q, "删除第 %d 步“%.60s”？", st->seq, st->action ? st->action : "");
	snprintf(gid, sizeof gid, "%s", st->gid);
	if (lf_ui_ask(f->base.ui, q, yes, 1, -1) != 0)
		return;
	if (lf_ui_failed(f->base.ui, lf_step_delete(db_of(f), gid)))
		return;
	load(f, f->width);
	lf_ui_msg(f->base.ui, LF_MSG_INFO, "已删除第 %d 步，后面的步骤依次前移。", seq);
}

/* Move the selection by whole steps; at the chart's ends, scroll instead. */
static void select_by(struct flow *f, int by)
{
	int to = f->sel + by;

	if (to >= 1 && to <= f->steps.n)
		f->sel = to;
}

/* A page: select the step at the top (or bottom) of the next view. */
static void page(struct flow *f, int dir)
{
	int h = f->height > 1 ? f->height : 1, target, i;

	target = dir > 0 ? f->top + 2 * h - 1 : f->top - h;
	if (target >= f->lines.n)
		target = f->lines.n - 1;
	if (target < 0)
		target = 0;
	for (i = target; i >= 0 && i < f->lines.n; i += dir > 0 ? -1 : 1)
		if (f->lines.v[i].item) {
			f->sel = f->lines.v[i].item;
			break;
		}
	f->top += dir * h;
}

static int flow_action(struct lf_screen *s, int id)
{
	struct flow *f = (struct flow *)s;
	const struct lf_step *st = selected(f);
	struct lf_ui *ui = s->ui;

	if (f->refused && (id == W_ADD || id == W_INSERT || id == W_RISKY || id == W_UP || id == W_DOWN ||
	                   id == W_DELETE)) {
		/* before anything is typed or asked; the model checks again */
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", f->refused);
		return LF_DIRTY_BODY;
	}
	switch (id) {
	case W_OPEN:
		if (st && st->risky)
			open_risks(f, st);
		else if (st)
			lf_ui_failed(ui, lf_form_open(ui, "flow_step", st->gid, saved, f));
		return LF_DIRTY_ALL;
	case W_ADD: new_step(f, f->sel + 1); return LF_DIRTY_ALL;
	case W_INSERT: new_step(f, f->sel); return LF_DIRTY_ALL;
	case W_EDIT:
		if (st)
			lf_ui_failed(ui, lf_form_open(ui, "flow_step", st->gid, saved, f));
		return LF_DIRTY_ALL;
	case W_RISKY:
		if (st)
			toggle_risky(f, st);
		break;
	case W_UP:
	case W_DOWN:
		if (st)
			move_step(f, st, id == W_UP ? -1 : 1);
		break;
	case W_DELETE:
		if (st)
			delete_step(f, st);
		break;
	case W_ASCII:
		f->ascii = !f->ascii;
		load(f, f->width);
		lf_ui_msg(ui, LF_MSG_INFO, f->ascii ? "改用 ASCII 字符画流程图。" : "改用制表符画流程图。");
		break;
	case W_POWER: lf_ui_failed(ui, lf_form_open(ui, "power", f->power, NULL, NULL)); return LF_DIRTY_ALL;
	case W_PREV: select_by(f, -1); break;
	case W_NEXT: select_by(f, 1); break;
	case W_PGUP: page(f, -1); break;
	case W_PGDN: page(f, 1); break;
	case W_FIRST: f->sel = f->steps.n ? 1 : 0; f->top = 0; break;
	case W_LAST: f->sel = f->steps.n; break;
	case W_QUIT: lf_ui_back(ui); break;
	}
	return LF_DIRTY_BODY;
}

static int flow_enabled(struct lf_screen *s, int id)
{
	struct flow *f = (struct flow *)s;

	switch (id) {
	case W_OPEN:
	case W_EDIT:
	case W_RISKY:
	case W_UP:
	case W_DOWN:
	case W_DELETE: return !f->err && selected(f) != NULL;
	case W_ADD:
	case W_INSERT: return !f->err;
	}
	return 1;
}

static void flow_resume(struct lf_screen *s)
{
	struct flow *f = (struct flow *)s;

	load(f, f->width);
	set_title(f);
}

static void flow_help(struct lf_screen *s, struct lf_buf *b)
{
	struct flow *f = (struct flow *)s;

	if (f->refused)
		lf_buf_addf(b, "您只能查看这张流程图：%s\n\n", f->refused);
	lf_buf_adds(b, "一项职权的运行流程图：每一步一个方框，按办理顺序从上到下，用箭头连起来。"
	               "风险环节画成双线框（ASCII 是 # 和 =），标着【风险环节】，框里列出关联的风险点和等级。"
	               "选中的一步反显，左边有箭头。\n");
	lf_buf_addf(b, "现在用%s画。终端显示不好制表符时按 t 改用 ASCII 字符。\n",
	            f->ascii ? "ASCII 字符" : "制表符");
	lf_buf_adds(b, "新增的一步在选中的一步后面，插入的在前面；也可以在表单里改“序号”把一步移到别处。"
	               "关联着风险点的一步不能删除。\n");
}

static void flow_free(struct lf_screen *s)
{
	struct flow *f = (struct flow *)s;

	lf_lines_free(&f->lines);
	lf_step_list_free(&f->steps);
	lf_free(f->err);
	lf_free(f->refused);
	lf_free(f);
}

/* The selected step, for the history key. */
static int flow_record(struct lf_screen *s, const char **kind, const char **gid)
{
	const struct lf_step *st = selected((struct flow *)s);

	*kind = "flow_step";
	*gid = st ? st->gid : NULL;
	return st != NULL;
}

static const struct lf_screen_ops flow_ops = {
	.name = "flow",
	.actions = lf_flow_actions,
	.draw = flow_draw,
	.action = flow_action,
	.enabled = flow_enabled,
	.resume = flow_resume,
	.record = flow_record,
	.help = flow_help,
	.free = flow_free,
};

void lf_flow_open(struct lf_ui *ui, const char *power, int step)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct flow *f = lf_alloc(sizeof *f);
	struct lf_power_list pl;

	snprintf(f->power, sizeof f->power, "%s", power);
	snprintf(f->cycle, sizeof f->cycle, "%s", lf_ui_ctx(ui)->overview.cycle);
	f->ascii = !lf_ui_line_drawing();
	f->sel = step;
	f->to_step = step > 1;
	if (lf_power_get(db, power, &pl) == LF_OK) {
		if (lf_overview_may_edit(db, "flow_step", pl.v[0].dept))
			f->refused = lf_strdup(db->err);
		lf_power_list_free(&pl);
	}
	lf_screen_init(&f->base, &flow_ops, "流程图");
	lf_ui_push(ui, &f->base);
	set_title(f);
}
