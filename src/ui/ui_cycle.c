/* ui_cycle: phase 1 of the yearly cycle — the years (年度) with their four
 * phases and dates, which phase the unit is in, and the work of phase 1 for
 * the selected year: the work plan (实施方案), the leading group (领导小组)
 * and the meetings and study sessions. A new year starts from seed 001's
 * schedule, shown in its form before anything is saved, so the dates can be
 * changed first. The plan is one form per year; the group and the meetings
 * are the engine's lists filtered by the year. */
#include "lianfang/cycle.h"
#include "lianfang/plan.h"
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <stdlib.h>
#include <string.h>

#define CYCLES_MAX 200 /* one a year: two centuries */

enum { C_ADD = 1, C_EDIT, C_PHASE, C_PLAN, C_GROUP, C_MEETINGS, C_UP, C_DOWN, C_QUIT };

const struct lf_ui_action lf_cycle_actions[] = {
	{ C_ADD, "add", "新建年度", { LF_KEY(KEY_F(5)), 'a' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "新建一个年度：输入年份，四个阶段的日期按惯例预先填好，可以修改后再保存" },
	{ C_EDIT, "edit", "修改", { LF_ENTER, 'e' }, LF_ACT_BAR | LF_ACT_TEXT, "修改选中年度的名称和四个阶段的起止日期" },
	{ C_PHASE, "phase", "当前阶段", { 'p' }, LF_ACT_TEXT,
	  "指定当前阶段（需要提前或推迟时），或恢复按日期判断" },
	{ C_PLAN, "plan", "实施方案", { 'f' }, LF_ACT_BAR | LF_ACT_TEXT, "打开选中年度的实施方案（标题、文号、印发日期、正文）" },
	{ C_GROUP, "group", "领导小组", { 'g' }, LF_ACT_BAR | LF_ACT_TEXT, "选中年度的领导小组成员和分工" },
	{ C_MEETINGS, "meetings", "会议学习", { 'm' }, LF_ACT_BAR | LF_ACT_TEXT, "选中年度的动员会议、专题学习、警示教育" },
	{ C_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一个年度" },
	{ C_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N') }, LF_ACT_TEXT, "选中下一个年度" },
	{ C_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

static const char *const cn[] = { "", "一", "二", "三", "四" };

struct cycles {
	struct lf_screen base;
	struct lf_cycle_list list;
	int sel, top;
	char today[11];
	char pending[LF_GID_LEN + 1]; /* select this cycle when we come back */
	/* phase 1 of the selected cycle */
	struct lf_arena arena;
	struct lf_plan plan;
	int has_plan, members, meetings;
	char *group_names, *last_meeting;
	char *err;
	char *refused; /* why the user may not add years or set the phase, or NULL */
};

static struct lf_db *db_of(struct cycles *c)
{
	return lf_ui_ctx(c->base.ui)->db;
}

static const struct lf_cycle *sel_cycle(const struct cycles *c)
{
	return c->sel >= 0 && c->sel < c->list.n ? &c->list.v[c->sel] : NULL;
}

static void clear_details(struct cycles *c)
{
	lf_arena_free(&c->arena);
	memset(&c->plan, 0, sizeof c->plan);
	c->has_plan = c->members = c->meetings = 0;
	lf_free(c->group_names);
	lf_free(c->last_meeting);
	c->group_names = c->last_meeting = NULL;
}

/* The plan, group and meetings of the selected cycle. */
static void load_details(struct cycles *c)
{
	const struct lf_cycle *cy = sel_cycle(c);
	struct lf_db *db = db_of(c);
	struct lf_member_list ml;
	struct lf_meeting_list mt;
	struct lf_page pg;
	struct lf_buf b;
	int i;

	clear_details(c);
	if (!cy)
		return;
	c->has_plan = lf_plan_get(db, cy->gid, &c->plan, &c->arena) == LF_OK;
	lf_page_init(&pg, LF_PAGE_MAX);
	if (lf_member_list(db, cy->gid, &pg, &ml) == LF_OK) {
		c->members = ml.n;
		lf_buf_init(&b);
		for (i = 0; i < ml.n && b.len < 200; i++)
			lf_buf_addf(&b, "%s%s %s", i ? "，" : "", ml.v[i].role ? ml.v[i].role : "",
			            ml.v[i].person_name ? ml.v[i].person_name : "");
		c->group_names = lf_buf_steal(&b);
		lf_member_list_free(&ml);
	}
	lf_page_init(&pg, LF_PAGE_MAX);
	if (lf_meeting_list(db, cy->gid, &pg, &mt) == LF_OK) {
		c->meetings = mt.n;
		if (mt.n)
			c->last_meeting = lf_printf("最近一次 %s %s", mt.v[mt.n - 1].held ? mt.v[mt.n - 1].held : "",
			                            mt.v[mt.n - 1].kind ? mt.v[mt.n - 1].kind : "");
		lf_meeting_list_free(&mt);
	}
}

static void load(struct cycles *c)
{
	struct lf_db *db = db_of(c);
	char keep[LF_GID_LEN + 1] = "";
	struct lf_page pg;
	lf_status st;
	int i;

	if (c->pending[0])
		snprintf(keep, sizeof keep, "%s", c->pending);
	else if (sel_cycle(c))
		snprintf(keep, sizeof keep, "%s", sel_cycle(c)->gid);
	c->pending[0] = 0;
	lf_cycle_list_free(&c->list);
	lf_free(c->err);
	c->err = NULL;
	lf_page_init(&pg, CYCLES_MAX);
	if ((st = lf_cycle_list(db, &pg, &c->list)))
		c->err = lf_strdup(lf_errmsg(db, st));
	if (c->sel >= c->list.n)
		c->sel = c->list.n - 1;
	if (c->sel < 0 && c->list.n)
		c->sel = 0;
	for (i = 0; i < c->list.n; i++)
		if (!strcmp(c->list.v[i].gid, keep))
			c->sel = i;
	lf_today(c->today);
	load_details(c);
}

/* ------------------------------------------------------------------ drawing */

/* 已结束 / 进行中 / 未开始 of phase p by its dates. */
static const char *phase_state(const struct lf_cycle *cy, int p, const char *today)
{
	if (!cy->start[p][0] || !cy->end[p][0])
		return "日期未定";
	if (strcmp(today, cy->end[p]) > 0)
		return "已结束";
	if (strcmp(today, cy->start[p]) >= 0)
		return "进行中";
	return "未开始";
}

static int draw_phases(struct cycles *c, WINDOW *w, int y, int cols)
{
	const struct lf_cycle *cy = sel_cycle(c);
	int cur = lf_cycle_phase(cy, c->today), late = lf_cycle_overdue_phase(cy, c->today), p;
	char line[200];

	snprintf(line, sizeof line, "%d年度的四个阶段（p 指定当前阶段）", cy->year);
	lf_ui_print(w, y++, 1, cols - 2, line, lf_ui_attr(LF_R_HEADER));
	for (p = 1; p <= LF_PHASES; p++, y++) {
		attr_t a = p == cur ? A_BOLD : A_NORMAL;

		if (p == cur)
			lf_ui_print(w, y, 1, 2, lf_ui_line_drawing() ? "▶" : ">", lf_ui_attr(LF_R_PATH));
		snprintf(line, sizeof line, "%s  %s", cn[p], lf_phase_name(p));
		lf_ui_print(w, y, 3, 24, line, a);
		snprintf(line, sizeof line, "%s 至 %s", cy->start[p][0] ? cy->start[p] : "　　？　　",
		         cy->end[p][0] ? cy->end[p] : "　　？　　");
		lf_ui_print(w, y, 27, 26, line, a);
		if (p == late)
			lf_ui_print(w, y, 54, cols - 55, "已过结束日期，仍在本阶段", lf_ui_attr(LF_R_ERROR));
		else if (p == cur)
			lf_ui_print(w, y, 54, cols - 55, cy->phase_set ? "当前阶段（指定）" : "当前阶段", lf_ui_attr(LF_R_INFO));
		else
			lf_ui_print(w, y, 54, cols - 55, phase_state(cy, p, c->today), lf_ui_attr(LF_R_DIM));
	}
	if (cur == LF_PHASES + 1)
		lf_ui_print(w, y++, 3, cols - 4, lf_phase_name(cur), lf_ui_attr(LF_R_DIM));
	else if (cur == 0)
		lf_ui_print(w, y++, 3, cols - 4, "本年度的工作尚未开始。", lf_ui_attr(LF_R_DIM));
	return y;
}

static int draw_phase1(struct cycles *c, WINDOW *w, int y, int rows, int cols)
{
	struct lf_buf b;

	if (y >= rows)
		return y;
	lf_ui_print(w, y++, 1, cols - 2, "第一阶段的工作", lf_ui_attr(LF_R_HEADER));
	lf_buf_init(&b);
	if (c->has_plan) {
		lf_buf_addf(&b, "%s", c->plan.title ? c->plan.title : "");
		if (c->plan.doc_no)
			lf_buf_addf(&b, "　%s", c->plan.doc_no);
		if (c->plan.issued)
			lf_buf_addf(&b, "　%s 印发", c->plan.issued);
	} else {
		lf_buf_adds(&b, c->refused ? "还没有实施方案" : "还没有实施方案（按 f 填写）");
	}
	lf_ui_print(w, y, 3, 12, "f 实施方案", lf_ui_attr(LF_R_LABEL));
	lf_ui_print(w, y++, 16, cols - 17, b.s, c->has_plan ? A_NORMAL : lf_ui_attr(LF_R_DIM));
	lf_buf_reset(&b);
	if (c->members)
		lf_buf_addf(&b, "%d 人：%s", c->members, c->group_names ? c->group_names : "");
	else
		lf_buf_adds(&b, c->refused ? "还没有成员" : "还没有成员（按 g 添加）");
	if (y < rows) {
		lf_ui_print(w, y, 3, 12, "g 领导小组", lf_ui_attr(LF_R_LABEL));
		lf_ui_print(w, y++, 16, cols - 17, b.s, c->members ? A_NORMAL : lf_ui_attr(LF_R_DIM));
	}
	lf_buf_reset(&b);
	if (c->meetings)
		lf_buf_addf(&b, "%d 次，%s", c->meetings, c->last_meeting ? c->last_meeting : "");
	else
		lf_buf_adds(&b, c->refused ? "还没有记录" : "还没有记录（按 m 添加）");
	if (y < rows) {
		lf_ui_print(w, y, 3, 12, "m 会议学习", lf_ui_attr(LF_R_LABEL));
		lf_ui_print(w, y++, 16, cols - 17, b.s, c->meetings ? A_NORMAL : lf_ui_attr(LF_R_DIM));
	}
	lf_buf_free(&b);
	return y;
}

static void cycles_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct cycles *c = (struct cycles *)s;
	int shown = c->list.n < 4 ? (c->list.n ? c->list.n : 1) : 4, y = 0, i;
	char line[200];

	if (c->err) {
		lf_ui_wrap(w, 1, 2, cols - 4, rows - 2, c->err, lf_ui_attr(LF_R_ERROR));
		return;
	}
	lf_ui_print(w, y, 2, 6, "年度", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y, 9, 40, "名称", lf_ui_attr(LF_R_HEADER));
	lf_ui_print(w, y++, 50, cols - 51, "当前阶段", lf_ui_attr(LF_R_HEADER));
	if (!c->list.n)
		lf_ui_print(w, y, 2, cols - 4, c->refused ? "还没有年度。" : "还没有年度。按 F5 或 a 新建一个年度，比如今年。", lf_ui_attr(LF_R_DIM));
	if (c->sel < c->top)
		c->top = c->sel;
	if (c->sel >= c->top + shown)
		c->top = c->sel - shown + 1;
	if (c->top < 0)
		c->top = 0; /* no year yet: nothing selected */
	for (i = c->top; i < c->list.n && i < c->top + shown; i++) {
		const struct lf_cycle *cy = &c->list.v[i];
		attr_t a = i == c->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;

		if (i == c->sel) {
			lf_ui_fill(w, y + i - c->top, 0, cols, a);
			s->cy = y + i - c->top;
			s->cx = 0;
		}
		snprintf(line, sizeof line, "%d", cy->year);
		lf_ui_print(w, y + i - c->top, 2, 6, line, a);
		lf_ui_print(w, y + i - c->top, 9, 40, cy->title ? cy->title : "", a);
		lf_ui_print(w, y + i - c->top, 50, cols - 51, lf_phase_name(lf_cycle_phase(cy, c->today)), a);
	}
	y += shown;
	if (c->list.n > shown)
		lf_ui_print(w, y - 1, cols - 3, 2, c->top + shown < c->list.n ? "↓" : "↑", lf_ui_attr(LF_R_DIM));
	if (!sel_cycle(c))
		return;
	y = draw_phases(c, w, y + 1, cols);
	draw_phase1(c, w, y + 1, rows, cols);
}

/* ------------------------------------------------------------------ actions */

static void saved(void *ctx, const char *gid)
{
	struct cycles *c = ctx;

	snprintf(c->pending, sizeof c->pending, "%s", gid);
}

/* The year typed, full-width digits allowed; 0 if it is not one. */
static int parse_year(const char *t)
{
	char digits[8];
	int n = 0;

	while (*t) {
		if (*t >= '0' && *t <= '9' && n < 6)
			digits[n++] = *t++;
		else if (!strncmp(t, "\xef\xbc", 2) && (unsigned char)t[2] >= 0x90 && (unsigned char)t[2] <= 0x99 && n < 6)
			digits[n++] = (char)('0' + (unsigned char)t[2] - 0x90), t += 3; /* ０…９ */
		else if (*t == ' ' || !strncmp(t, "年", 3) || !strncmp(t, "度", 3))
			t += *t == ' ' ? 1 : 3;
		else
			return 0;
	}
	digits[n] = 0;
	return n == 4 ? atoi(digits) : 0;
}

static void add_cycle(struct cycles *c)
{
	struct lf_ui *ui = c->base.ui;
	char start[LF_PHASES + 1][11], end[LF_PHASES + 1][11], suggest[16], year_s[16], title[80];
	struct lf_cycle_list have;
	int year = 0, i, p;
	char *typed;

	/* this year if it has no cycle yet, else the year after the newest */
	year = atoi(c->today);
	for (i = 0; i < c->list.n; i++)
		if (c->list.v[i].year >= year)
			year = c->list.v[i].year + 1;
	snprintf(suggest, sizeof suggest, "%d", year);
	typed = lf_ui_prompt(ui, "新建年度（年份）：", suggest);
	if (!typed)
		return;
	year = parse_year(typed);
	lf_free(typed);
	if (year < 2000 || year > 2100) {
		lf_ui_msg(ui, LF_MSG_ERROR, "年份应为 2000 到 2100 之间的四位数字，如 %s。", suggest);
		return;
	}
	if (lf_cycle_by_year(db_of(c), year, &have) == LF_OK) {
		for (i = 0; i < c->list.n; i++)
			if (!strcmp(c->list.v[i].gid, have.v[0].gid))
				c->sel = i;
		lf_cycle_list_free(&have);
		load_details(c);
		lf_ui_msg(ui, LF_MSG_INFO, "%d 年度已经建立，已选中它。", year);
		return;
	}
	lf_cycle_default_dates(year, start, end);
	snprintf(year_s, sizeof year_s, "%d", year);
	snprintf(title, sizeof title, "%d年度廉政风险点防范管理", year);
	{
		const char *all[] = { "year", year_s, "title", title, "p1_start", start[1], "p1_end", end[1],
			                  "p2_start", start[2], "p2_end", end[2], "p3_start", start[3], "p3_end", end[3],
			                  "p4_start", start[4], "p4_end", end[4], NULL };
		const struct lf_form *f = lf_formset_get(lf_ui_ctx(ui)->forms, "cycle");
		const char *preset[LF_COUNT(all)];
		int k = 0;

		/* a form file may leave a field out: preset only what it has */
		for (p = 0; all[p]; p += 2)
			if (f && lf_form_field(f, all[p])) {
				preset[k++] = all[p];
				preset[k++] = all[p + 1];
			}
		preset[k] = NULL;
		if (!lf_ui_failed(ui, lf_form_open_new(ui, "cycle", preset, saved, c)))
			lf_ui_msg(ui, LF_MSG_INFO, "四个阶段的日期按惯例填好了，可以修改；按 F2 或 Ctrl-S 保存。");
	}
}

static void set_phase(struct cycles *c, const struct lf_cycle *cy)
{
	static const struct lf_choice choices[] = {
		{ 'A', "按日期" }, { 0, "第一阶段" }, { 0, "第二阶段" }, { 0, "第三阶段" }, { 0, "第四阶段" },
	};
	struct lf_ui *ui = c->base.ui;
	char gid[LF_GID_LEN + 1];
	int p;

	snprintf(gid, sizeof gid, "%s", cy->gid);
	p = lf_ui_ask(ui, "当前阶段：", choices, 5, -1);
	if (p < 0 || lf_ui_failed(ui, lf_cycle_set_phase(db_of(c), gid, p)))
		return;
	load(c);
	lf_ui_refresh_overview(ui);
	if (p)
		lf_ui_msg(ui, LF_MSG_INFO, "当前阶段指定为第%s阶段。", cn[p]);
	else
		lf_ui_msg(ui, LF_MSG_INFO, "当前阶段按日期判断。");
}

static int cycles_action(struct lf_screen *s, int id)
{
	struct cycles *c = (struct cycles *)s;
	const struct lf_cycle *cy = sel_cycle(c);
	struct lf_ui *ui = s->ui;

	if (c->refused && (id == C_ADD || id == C_PHASE)) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", c->refused);
		return LF_DIRTY_BODY;
	}
	switch (id) {
	case C_ADD: add_cycle(c); return LF_DIRTY_ALL;
	case C_EDIT:
		if (cy)
			lf_ui_failed(ui, lf_form_open(ui, "cycle", cy->gid, saved, c));
		return LF_DIRTY_ALL;
	case C_PHASE:
		if (cy)
			set_phase(c, cy);
		break;
	case C_PLAN:
		if (cy)
			lf_plan_open(ui, cy->gid);
		return LF_DIRTY_ALL;
	case C_GROUP:
		if (cy)
			lf_group_open(ui, cy->gid);
		return LF_DIRTY_ALL;
	case C_MEETINGS:
		if (cy)
			lf_meetings_open(ui, cy->gid);
		return LF_DIRTY_ALL;
	case C_UP:
	case C_DOWN:
		if (c->list.n) {
			c->sel = (c->sel + (id == C_UP ? c->list.n - 1 : 1)) % c->list.n;
			load_details(c);
		}
		break;
	case C_QUIT: lf_ui_back(ui); break;
	}
	return LF_DIRTY_BODY;
}

static int cycles_enabled(struct lf_screen *s, int id)
{
	struct cycles *c = (struct cycles *)s;

	if (id == C_ADD || id == C_QUIT)
		return 1;
	return sel_cycle(c) != NULL;
}

static void cycles_resume(struct lf_screen *s)
{
	load((struct cycles *)s);
	lf_ui_refresh_overview(s->ui);
}

static void cycles_help(struct lf_screen *s, struct lf_buf *b)
{
	struct cycles *c = (struct cycles *)s;

	if (c->refused)
		lf_buf_addf(b, "您只能查看年度工作：%s\n\n", c->refused);
	lf_buf_adds(b, "廉政风险点防范管理以年度为周期，分四个阶段：制定方案、动员部署（3月）；界定职责、查找风险（4月）；"
	               "健全机制、防范监督（5月至11月）；检查考核、修正完善（12月）。新建年度时按这个惯例填好日期，可以修改。\n"
	               "当前阶段一般按日期判断；需要提前或推迟时按 p 指定，过了结束日期仍在本阶段的会在首页提示。\n"
	               "下半屏是选中年度第一阶段的工作：实施方案（f）、领导小组（g）、会议和学习（m）。\n");
}

static void cycles_free(struct lf_screen *s)
{
	struct cycles *c = (struct cycles *)s;

	clear_details(c);
	lf_cycle_list_free(&c->list);
	lf_free(c->err);
	lf_free(c->refused);
	lf_free(c);
}

/* The selected year, for the history key. */
static int cycles_record(struct lf_screen *s, const char **kind, const char **gid)
{
	const struct lf_cycle *cy = sel_cycle((struct cycles *)s);

	*kind = "cycle";
	*gid = cy ? cy->gid : NULL;
	return cy != NULL;
}

static const struct lf_screen_ops cycles_ops = {
	.name = "cycles",
	.actions = lf_cycle_actions,
	.draw = cycles_draw,
	.action = cycles_action,
	.enabled = cycles_enabled,
	.resume = cycles_resume,
	.record = cycles_record,
	.help = cycles_help,
	.free = cycles_free,
};

void lf_cycles_open(struct lf_ui *ui)
{
	struct cycles *c = lf_alloc(sizeof *c);

	lf_screen_init(&c->base, &cycles_ops, "年度工作");
	c->sel = -1;
	if (lf_overview_may_edit(lf_ui_ctx(ui)->db, "cycle", NULL))
		c->refused = lf_strdup(lf_ui_ctx(ui)->db->err);
	snprintf(c->pending, sizeof c->pending, "%s", lf_ui_ctx(ui)->overview.cycle);
	lf_ui_push(ui, &c->base);
	load(c);
}

/* ------------------------------------------------------------------ phase 1 of a cycle */

static int year_of(struct lf_ui *ui, const char *cycle)
{
	struct lf_cycle_list l;
	int year = 0;

	if (lf_cycle_get(lf_ui_ctx(ui)->db, cycle, &l) == LF_OK) {
		year = l.v[0].year;
		lf_cycle_list_free(&l);
	}
	return year;
}

void lf_plan_open(struct lf_ui *ui, const char *cycle)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	struct lf_arena a = { 0 };
	struct lf_plan plan;
	lf_status st = lf_plan_get(db, cycle, &plan, &a);

	if (st == LF_OK) {
		lf_ui_failed(ui, lf_form_open(ui, "plan", plan.gid, NULL, NULL));
	} else if (st == LF_NOTFOUND && lf_overview_may_edit(db, "plan", NULL)) {
		lf_ui_msg(ui, LF_MSG_INFO, "%d年度还没有实施方案。", year_of(ui, cycle));
	} else if (st == LF_NOTFOUND) {
		char *title = lf_printf("%d年度廉政风险点防范管理工作实施方案", year_of(ui, cycle));
		const char *preset[] = { "cycle", cycle, "title", title, NULL };

		lf_ui_failed(ui, lf_form_open_new(ui, "plan", preset, NULL, NULL));
		lf_free(title);
	} else {
		lf_ui_failed(ui, st);
	}
	lf_arena_free(&a);
}

void lf_group_open(struct lf_ui *ui, const char *cycle)
{
	char *title = lf_printf("%d年度领导小组", year_of(ui, cycle));
	static const char *const cols[] = { "person", "role", "seq", "duty", NULL };
	struct lf_records_opts o = { .filter_field = "cycle", .filter_value = cycle, .title = title, .sort = "",
		                         .columns = cols, .add_hint = "a 添加成员，姓名按 F4 从人员中选" };

	lf_ui_failed(ui, lf_records_open_with(ui, "group_member", &o));
	lf_free(title);
}

void lf_meetings_open(struct lf_ui *ui, const char *cycle)
{
	char *title = lf_printf("%d年度会议和学习", year_of(ui, cycle));
	static const char *const cols[] = { "held", "kind", "count", "place", "title", NULL };
	struct lf_records_opts o = { .filter_field = "cycle", .filter_value = cycle, .title = title, .sort = "held",
		                         .columns = cols, .about = "按日期排列" };

	lf_ui_failed(ui, lf_records_open_with(ui, "meeting", &o));
	lf_free(title);
}
