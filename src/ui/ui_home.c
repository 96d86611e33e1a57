/* ui_home: the first screen — the current year's four phases and which one
 * the unit is in, what is overdue (a returned self-check past its rework
 * deadline, a phase past its end date, a broken audit chain) standing out at
 * the top, how far each department has got, and the menu: every part of the
 * cycle one key away. The menu is one table (home_menu below): a screen is
 * added by adding a row. What the user's roles may not open is greyed, and
 * its row says why; the model still decides (perm.h). The audit log is
 * checked by the engine once per sign-in, just after the home is first drawn
 * (lf_ui_audit_problems); the home shows what it found, never checking again. */
#include "lianfang/cycle.h"
#include "lianfang/exchange.h"
#include "lianfang/export_data.h"
#include "lianfang/grade.h"
#include "lianfang/import.h"
#include "lianfang/perm.h"
#include "lianfang/progress.h"
#include "lianfang/screen.h"
#include "lianfang/selfcheck.h"
#include "ui_p2.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <string.h>

#define MENU_W 18      /* the menu column */
#define DEPTS_MAX 200  /* departments read for the table: one page */
#define ALERTS_MAX 20  /* overdue self-checks read for the top */
#define ALERT_ROWS 4   /* rows they may take: the progress table keeps the rest */

/* ------------------------------------------------------------------ the menu */

/* Phase 1 works on the current year. */
static const char *current_cycle(struct lf_ui *ui)
{
	struct lf_overview *o = &lf_ui_ctx(ui)->overview;

	if (!o->cycle[0]) {
		if (lf_overview_may_edit(lf_ui_ctx(ui)->db, "cycle", NULL))
			lf_ui_msg(ui, LF_MSG_ERROR, "还没有年度。");
		else
			lf_ui_msg(ui, LF_MSG_ERROR, "还没有年度：先按 1 打开“年度工作”，新建一个年度。");
		return NULL;
	}
	return o->cycle;
}

static void open_plan(struct lf_ui *ui)
{
	const char *c = current_cycle(ui);

	if (c)
		lf_plan_open(ui, c);
}

static void open_group(struct lf_ui *ui)
{
	const char *c = current_cycle(ui);

	if (c)
		lf_group_open(ui, c);
}

static void open_meetings(struct lf_ui *ui)
{
	const char *c = current_cycle(ui);

	if (c)
		lf_meetings_open(ui, c);
}

/* Whether the user may open a row: LF_OK, or the model's refusal. */
static lf_status may_read_cycle(struct lf_ui *ui)
{
	struct lf_ui_ctx *c = lf_ui_ctx(ui);

	if (c->overview.cycle_denied)
		return lf_fail(c->db, LF_DENIED, "您的角色不能查看年度工作。");
	return LF_OK;
}

static lf_status may_list_org(struct lf_ui *ui)
{
	return lf_overview_may_list(lf_ui_ctx(ui)->db, "dept");
}

static lf_status may_list_persons(struct lf_ui *ui)
{
	return lf_overview_may_list(lf_ui_ctx(ui)->db, "person");
}

static lf_status may_read(struct lf_ui *ui)
{
	return lf_overview_may_read(lf_ui_ctx(ui)->db);
}

static lf_status may_read_public(struct lf_ui *ui)
{
	return lf_perm_check(lf_ui_ctx(ui)->db, LF_ACT_READ_PUBLIC, NULL);
}

static lf_status may_exchange(struct lf_ui *ui)
{
	return lf_exchange_allowed(lf_ui_ctx(ui)->db);
}

static lf_status may_import(struct lf_ui *ui)
{
	return lf_import_allowed(lf_ui_ctx(ui)->db);
}

static void open_exchange(struct lf_ui *ui)
{
	lf_exchange_open(ui);
}

/* The export starts on what the user may read: their department, or their
 * own form; they can change it there. */
static void open_export(struct lf_ui *ui)
{
	struct lf_xfilter f = { .dept = NULL };
	char *dept, *person;

	lf_overview_reach_names(lf_ui_ctx(ui)->db, &dept, &person);
	f.dept = dept;
	f.person = person;
	lf_ui_failed(ui, lf_export_open(ui, NULL, dept || person ? &f : NULL));
	lf_free(dept);
	lf_free(person);
}

/* One row per screen. key: the key that opens it here (shown before the
 * label); group: the heading it is listed under (rows of a group together);
 * may: NULL when everyone may open it. */
static const struct home_item {
	int key;
	const char *group;
	const char *label;
	const char *about;
	void (*open)(struct lf_ui *ui);
	lf_status (*may)(struct lf_ui *ui);
} home_menu[] = {
	{ '1', "动员部署", "年度工作", "每个年度的四个阶段、起止日期和当前阶段；新建年度", lf_cycles_open, may_read_cycle },
	{ '2', "动员部署", "实施方案", "本年度的实施方案：标题、文号、印发日期、牵头办公室、正文", open_plan, may_read_cycle },
	{ '3', "动员部署", "领导小组", "本年度领导小组的成员、小组职务和分工", open_group, may_read_cycle },
	{ '4', "动员部署", "会议学习", "本年度的动员大会、视频会议、专题学习、警示教育", open_meetings, may_read_cycle },
	{ '5', "查找风险", "组织机构", "处室、处室的岗位和职责、岗位上的人员", lf_org_open, may_list_org },
	{ '6', "查找风险", "人员", "全单位的人员，可以查找", lf_persons_open, may_list_persons },
	{ '7', "查找风险", "职权目录", "每个处室、岗位的职权，和每项职权的运行流程图", lf_powers_open, may_read },
	{ '8', "查找风险", "覆盖检查", "没有流程图的职权、没有风险点的风险环节、没有自查表的岗位", lf_coverage_open,
	  may_read },
	{ '9', "查找风险", "自查表", "岗位廉政风险自查表：风险点、防控措施、审核和评估", lf_selfcheck_screen_open,
	  may_read },
	{ '0', "查找风险", "汇总表", "风险点及防控措施汇总表：筛选、查找", lf_summary_screen_open_menu, may_read },
	{ 'h', "查找风险", "热力图", "按发生概率和危害程度看风险点的分布", lf_heatmap_screen_open_menu, may_read },
	{ 'g', "查找风险", "分级方案", "风险等级名称、分级矩阵、风险类别、来源和查找方式", lf_scheme_open, may_read_public },
	{ 'u', "数据和账户", "账户", "我是谁、能做什么，修改密码，退出登录；管理员在这里管理用户", lf_account_open, NULL },
	{ 'l', "数据和账户", "审计日志", "检查审计日志是否完整，是否有人绕过廉防改动了数据", lf_audit_open, NULL },
	{ 'x', "数据和账户", "数据交换", "用 U 盘上报、下发、合并数据包，解决冲突", open_exchange, may_exchange },
	{ 'e', "数据和账户", "导出表格", "把正式表格导出为 Excel、CSV（UTF-8 或 GBK）或文本", open_export, may_read },
	{ 'i', "数据和账户", "导入表格", "导入已有的汇总表、风险点台账（CSV）", lf_import_open, may_import },
};

#define MENU_N ((int)LF_COUNT(home_menu))

int lf_home_menu_row(int i, int *key, const char **group, const char **label, const char **about)
{
	if (i < 0 || i >= MENU_N)
		return 0;
	*key = home_menu[i].key;
	*group = home_menu[i].group;
	*label = home_menu[i].label;
	*about = home_menu[i].about;
	return 1;
}

/* The key of the row that opens a screen, for the texts that point to it. */
static int menu_key(void (*open)(struct lf_ui *ui))
{
	int i;

	for (i = 0; i < MENU_N; i++)
		if (home_menu[i].open == open)
			return home_menu[i].key;
	return '?';
}

/* ------------------------------------------------------------------ the screen */

enum { H_OPEN = 1, H_UP, H_DOWN, H_PGUP, H_PGDN, H_QUIT };

const struct lf_ui_action lf_home_actions[] = {
	{ H_OPEN, "open", "打开", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "打开选中的一项（也可以直接按它前面的数字或字母）" },
	{ H_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一项" },
	{ H_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_TAB }, LF_ACT_TEXT, "选中下一项" },
	{ H_PGUP, "progress-up", "进度上翻", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_TEXT,
	  "处室多、进度表显示不下时向上翻" },
	{ H_PGDN, "progress-down", "进度下翻", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_TEXT,
	  "处室多、进度表显示不下时向下翻" },
	{ H_QUIT, "quit", "退出", { 'q' }, LF_ACT_TEXT, "退出程序（同 F10）" },
	{ 0 },
};

struct alert {
	char *text;
};

struct home {
	struct lf_screen base;
	int sel;
	char *refused[MENU_N];          /* why the user may not open a row, or NULL */
	/* the current year */
	struct lf_cycle_list cycle;     /* 0 or 1 cycle */
	char today[11];
	struct lf_progress_list depts;
	struct lf_progress total;
	int depts_more;                 /* more departments than one page */
	char *progress_err;
	char level[4][LF_LABEL_MAX];    /* the unit's level names */
	int ptop;                       /* first department shown */
	int prows;                      /* departments that fit (set by draw) */
	/* what stands out at the top */
	char **alerts;
	int nalerts, more_overdue;
	/* who is signed in */
	char *who;
	struct lf_buf can;              /* for the help page: what the roles may do */
	int may_add_cycle, may_add_dept; /* the hints on an empty database say how */
};

static struct lf_db *db_of(struct home *h)
{
	return lf_ui_ctx(h->base.ui)->db;
}

static void add_alert(struct home *h, char *text)
{
	h->alerts = lf_realloc(h->alerts, (size_t)(h->nalerts + 1) * sizeof *h->alerts);
	h->alerts[h->nalerts++] = text;
}

static void clear_year(struct home *h)
{
	int i;

	lf_cycle_list_free(&h->cycle);
	lf_progress_list_free(&h->depts);
	memset(&h->total, 0, sizeof h->total);
	lf_free(h->progress_err);
	h->progress_err = NULL;
	for (i = 0; i < h->nalerts; i++)
		lf_free(h->alerts[i]);
	lf_free(h->alerts);
	h->alerts = NULL;
	h->nalerts = h->more_overdue = 0;
}

static void load_levels(struct home *h)
{
	static const char *const dflt[] = { "", "低", "中", "高" };
	struct lf_scheme sc;
	int i;

	if (lf_scheme_load(db_of(h), &sc) == LF_OK) {
		for (i = 1; i <= 3; i++)
			snprintf(h->level[i], sizeof h->level[i], "%s", lf_scheme_level_name(&sc, i));
		lf_scheme_free(&sc);
	} else {
		for (i = 1; i <= 3; i++)
			snprintf(h->level[i], sizeof h->level[i], "%s", dflt[i]);
	}
}

/* Overdue self-checks: returned and past their rework deadline. */
static void load_overdue(struct home *h, const char *cycle)
{
	struct lf_selfcheck_filter f = { .cycle = cycle, .overdue = 1 };
	struct lf_selfcheck_list l;
	struct lf_page pg;
	int i;

	lf_page_init(&pg, ALERTS_MAX);
	if (lf_selfcheck_list(db_of(h), &f, &pg, &l))
		return; /* not the user's to see: the table says so */
	for (i = 0; i < l.n; i++) {
		const struct lf_selfcheck *s = &l.v[i];

		const char *due = s->rework_due ? s->rework_due : "";

		/* the year only when it is not this year's */
		if (!strncmp(due, h->today, 5) && strlen(due) == 10)
			due += 5;
		add_alert(h, lf_printf("退回整改超期 %s：%s（%s %s）", due, s->person_name ? s->person_name : "",
		                       s->dept_name ? s->dept_name : "", s->post_name ? s->post_name : ""));
	}
	h->more_overdue = pg.next[0] != 0;
	lf_selfcheck_list_free(&l);
}

static void load_year(struct home *h)
{
	static const char *const cn[] = { "", "一", "二", "三", "四" };
	struct lf_overview *o = &lf_ui_ctx(h->base.ui)->overview;
	struct lf_db *db = db_of(h);
	struct lf_page pg;
	lf_status st;
	int late;

	clear_year(h);
	lf_today(h->today);
	if (!o->cycle[0] || lf_cycle_get(db, o->cycle, &h->cycle) != LF_OK)
		return;
	late = lf_cycle_overdue_phase(&h->cycle.v[0], h->today);
	if (late)
		add_alert(h, lf_printf("第%s阶段“%s”已于 %s 结束，仍停在本阶段", cn[late], lf_phase_label(late),
		                       h->cycle.v[0].end[late] + 5));
	load_overdue(h, o->cycle);
	lf_page_init(&pg, DEPTS_MAX);
	if ((st = lf_progress_list(db, o->cycle, &pg, &h->depts)) == LF_OK)
		st = lf_progress_total(db, o->cycle, &h->total);
	if (st)
		h->progress_err = lf_strdup(lf_errmsg(db, st));
	h->depts_more = pg.next[0] != 0;
	if (h->ptop > h->depts.n)
		h->ptop = 0;
}

static void load_who(struct home *h)
{
	struct lf_buf who;

	lf_buf_init(&who);
	lf_buf_init(&h->can);
	lf_overview_user(db_of(h), &who, &h->can);
	h->who = lf_buf_steal(&who);
}

static void load_menu(struct home *h)
{
	struct lf_db *db = db_of(h);
	int i;

	h->may_add_cycle = lf_overview_may_edit(db, "cycle", NULL) == LF_OK;
	h->may_add_dept = lf_overview_may_edit(db, "dept", NULL) == LF_OK;
	for (i = 0; i < MENU_N; i++) {
		lf_free(h->refused[i]);
		h->refused[i] = NULL;
		if (home_menu[i].may && home_menu[i].may(h->base.ui))
			h->refused[i] = lf_strdup(db->err);
	}
}

/* ------------------------------------------------------------------ drawing */

static void draw_menu(struct home *h, WINDOW *w, int rows)
{
	const char *group = NULL;
	int i, y = 0, need = 0, headings = 1, skip = 0;

	/* headings only while everything fits; otherwise scroll to the selection */
	for (i = 0; i < MENU_N; i++)
		need += 1 + (!i || strcmp(home_menu[i].group, home_menu[i - 1].group) ? 1 : 0);
	if (need > rows) {
		headings = 0;
		if (h->sel >= rows)
			skip = h->sel - rows + 1;
	}
	for (i = skip; i < MENU_N && y < rows; i++) {
		const struct home_item *m = &home_menu[i];
		attr_t a = i == h->sel ? lf_ui_attr(LF_R_SELECT) : h->refused[i] ? lf_ui_attr(LF_R_DIM) : A_NORMAL;
		char key[8];

		if (headings && (!group || strcmp(group, m->group))) {
			if (y + 1 >= rows)
				break;
			lf_ui_print(w, y++, 1, MENU_W - 2, m->group, lf_ui_attr(LF_R_HEADER));
		}
		group = m->group;
		if (i == h->sel) {
			lf_ui_fill(w, y, 1, MENU_W - 2, a);
			h->base.cy = y;
			h->base.cx = 1;
		}
		snprintf(key, sizeof key, " %c", m->key);
		lf_ui_print(w, y, 1, 3, key, a | (h->refused[i] ? 0 : A_BOLD));
		lf_ui_print(w, y++, 4, MENU_W - 5, m->label, a);
	}
}

/* The four phases, two to a row; the current one marked, an overdue one in
 * the error colour. Returns the next row. */
static int draw_phases(struct home *h, WINDOW *w, int y, int x, int width)
{
	static const char *const cn[] = { "", "一", "二", "三", "四" };
	const struct lf_cycle *c = &h->cycle.v[0];
	int cur = lf_cycle_phase(c, h->today), late = lf_cycle_overdue_phase(c, h->today), p;
	int half = width / 2 > 32 ? 32 : width / 2;
	char cell[120];

	for (p = 1; p <= LF_PHASES; p++) {
		int cx = x + ((p - 1) % 2) * half, cy = y + (p - 1) / 2;
		attr_t a = p == late        ? lf_ui_attr(LF_R_ERROR)
		           : p == cur       ? A_BOLD
		           : p < cur        ? lf_ui_attr(LF_R_DIM)
		                            : A_NORMAL;

		snprintf(cell, sizeof cell, "%s %s %s至%s", cn[p], lf_phase_label(p), c->start[p][0] ? c->start[p] + 5 : "？",
		         c->end[p][0] ? c->end[p] + 5 : "？");
		if (p == cur)
			lf_ui_print(w, cy, cx, 2, lf_ui_line_drawing() ? "▶" : ">", lf_ui_attr(LF_R_PATH));
		lf_ui_print(w, cy, cx + 2, half - 2, cell, a);
	}
	return y + 2;
}

static void num(WINDOW *w, int y, int x, int width, int n, attr_t a)
{
	char s[16];
	int sw;

	snprintf(s, sizeof s, "%d", n);
	sw = (int)strlen(s);
	lf_ui_print(w, y, x + width - sw, sw, s, n ? a : a | lf_ui_attr(LF_R_DIM));
}

/* Columns of the progress table: x offsets from the table's left, widths. */
enum { PT_DEPT = 16, PT_N = 8, PT_WIDTH = PT_DEPT + 1 + 5 + 5 + 7 + 5 + 5 + 3 * 5 }; /* the columns below */
static const struct {
	const char *label;
	int width;
} pcols[PT_N] = {
	{ "岗位", 4 }, { "已填", 4 }, { "审核中", 6 }, { "通过", 4 }, { "退回", 4 }, { NULL, 4 }, { NULL, 4 }, { NULL, 4 },
};

static void progress_row(struct home *h, WINDOW *w, int y, int x, const struct lf_progress *p, attr_t a)
{
	int v[PT_N] = { p->posts, p->forms, p->in_review, p->accepted, p->returned,
		            p->by_level[3], p->by_level[2], p->by_level[1] };
	int c, cx = x + PT_DEPT + 1;

	lf_ui_print(w, y, x, PT_DEPT, p->dept[0] ? (p->dept_name ? p->dept_name : "") : "合计", a);
	for (c = 0; c < PT_N; c++) {
		attr_t ca = c == 4 && p->overdue ? lf_ui_attr(LF_R_ERROR) : a;

		num(w, y, cx, pcols[c].width, v[c], ca);
		cx += pcols[c].width + 1;
	}
	(void)h;
}

static int draw_progress(struct home *h, WINDOW *w, int y, int x, int rows)
{
	int c, cx = x + PT_DEPT + 1, i, room;

	if (h->progress_err) {
		return y + lf_ui_wrap(w, y, x, 58, rows - y, h->progress_err, lf_ui_attr(LF_R_DIM));
	}
	lf_ui_print(w, y, x, PT_DEPT, "各处室进度", lf_ui_attr(LF_R_HEADER));
	for (c = 0; c < PT_N; c++) {
		const char *label = pcols[c].label ? pcols[c].label : h->level[3 - (c - 5)];
		int lw = lf_utf8_width(label);

		lf_ui_print(w, y, cx + pcols[c].width - lw, lw, label, lf_ui_attr(LF_R_HEADER));
		cx += pcols[c].width + 1;
	}
	y++;
	room = rows - y - 1; /* the total below */
	if (room < 1)
		room = 1;
	h->prows = room;
	if (h->ptop > h->depts.n - room)
		h->ptop = h->depts.n - room;
	if (h->ptop < 0)
		h->ptop = 0;
	if (!h->depts.n)
		lf_ui_print(w, y++, x, PT_WIDTH, h->may_add_dept ? "还没有处室：按 5 打开“组织机构”添加。" : "还没有处室。",
		            lf_ui_attr(LF_R_DIM));
	for (i = h->ptop; i < h->depts.n && y < rows - 1 && i < h->ptop + room; i++) {
		progress_row(h, w, y, x, &h->depts.v[i], A_NORMAL);
		/* more above or below: PgUp / PgDn */
		if (i == h->ptop && h->ptop > 0)
			lf_ui_print(w, y, x + PT_WIDTH, 2, "↑", lf_ui_attr(LF_R_DIM));
		else if (i + 1 == h->ptop + room && (i + 1 < h->depts.n || h->depts_more))
			lf_ui_print(w, y, x + PT_WIDTH, 2, "↓", lf_ui_attr(LF_R_DIM));
		y++;
	}
	progress_row(h, w, y++, x, &h->total, A_BOLD);
	return y;
}

static void home_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	static const char *const cn[] = { "", "一", "二", "三", "四" };
	struct home *h = (struct home *)s;
	struct lf_overview *o = &lf_ui_ctx(s->ui)->overview;
	int x = MENU_W + 1, width = cols - x - 1, y = 0, i, alerts, audit, bottom = rows - 2;
	char line[200];

	draw_menu(h, w, rows);
	mvwvline(w, 0, MENU_W, ACS_VLINE, rows);
	/* the year */
	if (h->cycle.n) {
		const struct lf_cycle *c = &h->cycle.v[0];

		int cur = lf_cycle_phase(c, h->today), tw;

		tw = lf_ui_print(w, y, x, width, c->title ? c->title : "", A_BOLD);
		if (cur >= 1 && cur <= LF_PHASES)
			snprintf(line, sizeof line, "当前：第%s阶段", cn[cur]);
		else
			snprintf(line, sizeof line, "%s", lf_phase_label(cur));
		lf_ui_print(w, y++, x + tw + 2, width - tw - 2, line, lf_ui_attr(LF_R_INFO));
		y = draw_phases(h, w, y, x, width);
	} else {
		lf_ui_wrap(w, y, x, width, 2,
		           o->cycle_denied    ? "您的角色不能查看年度工作。"
		           : h->may_add_cycle ? "还没有年度工作。按 1 打开“年度工作”，新建一个年度。"
		                              : "还没有年度工作。",
		           lf_ui_attr(LF_R_DIM));
		y += 2;
	}
	/* what stands out */
	audit = lf_ui_audit_seen(s->ui) > 0;
	alerts = h->nalerts + audit;
	if (alerts)
		y++;
	if (audit) {
		snprintf(line, sizeof line, "！审计日志有 %ld 个问题：数据可能被人改动过，按 %c 查看", lf_ui_audit_seen(s->ui),
		         menu_key(lf_audit_open));
		lf_ui_print(w, y++, x, width, line, lf_ui_attr(LF_R_ERROR));
	}
	for (i = 0; i < h->nalerts; i++) {
		/* the last row left says how many more there are */
		if (i + audit == ALERT_ROWS - 1 && (i + 1 < h->nalerts || h->more_overdue)) {
			snprintf(line, sizeof line, "！还有 %d 项%s", h->nalerts - i, h->more_overdue ? "以上" : "");
			lf_ui_print(w, y++, x, width, line, lf_ui_attr(LF_R_ERROR));
			break;
		}
		lf_ui_print(w, y, x, 2, "！", lf_ui_attr(LF_R_ERROR));
		lf_ui_print(w, y++, x + 2, width - 2, h->alerts[i], lf_ui_attr(LF_R_ERROR));
	}
	/* the departments */
	if (h->cycle.n) {
		y++;
		draw_progress(h, w, y, x, bottom);
	}
	/* who, and the selected row */
	lf_ui_print(w, rows - 2, x, width, h->who, lf_ui_attr(LF_R_DIM));
	if (h->refused[h->sel])
		snprintf(line, sizeof line, "%s：不能打开。%s", home_menu[h->sel].label, h->refused[h->sel]);
	else
		snprintf(line, sizeof line, "%s：%s", home_menu[h->sel].label, home_menu[h->sel].about);
	lf_ui_print(w, rows - 1, x, width, line, h->refused[h->sel] ? lf_ui_attr(LF_R_ERROR) : A_NORMAL);
}

/* ------------------------------------------------------------------ keys */

static int open_item(struct home *h, int i)
{
	struct lf_ui *ui = h->base.ui;

	h->sel = i;
	if (h->refused[i]) {
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", h->refused[i]);
		return LF_DIRTY_BODY;
	}
	home_menu[i].open(ui);
	return LF_DIRTY_ALL;
}

static int home_action(struct lf_screen *s, int id)
{
	struct home *h = (struct home *)s;

	switch (id) {
	case H_OPEN: return open_item(h, h->sel);
	case H_UP: h->sel = (h->sel + MENU_N - 1) % MENU_N; break;
	case H_DOWN: h->sel = (h->sel + 1) % MENU_N; break;
	case H_PGUP: h->ptop -= h->prows > 1 ? h->prows : 1; break;
	case H_PGDN: h->ptop += h->prows > 1 ? h->prows : 1; break;
	case H_QUIT: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_BODY;
}

static int home_key(struct lf_screen *s, int key)
{
	struct home *h = (struct home *)s;
	int i;

	for (i = 0; i < MENU_N; i++)
		if (key == home_menu[i].key)
			return open_item(h, i);
	return -1;
}

static void home_resume(struct lf_screen *s)
{
	struct home *h = (struct home *)s;

	lf_ui_refresh_overview(s->ui);
	load_menu(h);
	load_year(h);
}

static void home_help(struct lf_screen *s, struct lf_buf *b)
{
	struct home *h = (struct home *)s;
	const char *group = NULL;
	int i;

	/* what this terminal shows: the marker drawn, grey only where it can dim */
	lf_buf_addf(b, "廉防：廉政风险点防范管理。首页上方是当前年度的四个阶段（%s 是当前阶段），"
	               "超期的事项醒目地列在最前面：退回整改超过期限的自查表、过了结束日期仍停留的阶段、"
	               "有问题的审计日志。下面是各处室的进度：岗位数，自查表已填、审核中、通过、退回的份数，"
	               "各等级的风险点数。\n\n左边是菜单：按它前面的数字或字母直接打开，或用上下键选中后按 Enter。"
	               "%s是您的角色不能打开的，选中时最下面一行说明原因。\n",
	            lf_ui_line_drawing() ? "▶" : ">", termattrs() & A_DIM ? "灰色的" : "数字或字母不加粗的");
	for (i = 0; i < MENU_N; i++) {
		if (!group || strcmp(group, home_menu[i].group))
			lf_buf_addf(b, "\n%s\n", home_menu[i].group);
		group = home_menu[i].group;
		lf_buf_addf(b, "  %c %s：%s%s\n", home_menu[i].key, home_menu[i].label, home_menu[i].about,
		            h->refused[i] ? "（您不能打开）" : "");
	}
	if (lf_ui_audit_seen(s->ui) > 0)
		lf_buf_addf(b, "\n审计日志有 %ld 个问题：数据可能被人绕过廉防改动过。按 %c 打开“审计日志”查看每一个"
		            "（命令行：lianfang audit verify）。\n", lf_ui_audit_seen(s->ui), menu_key(lf_audit_open));
	lf_buf_addf(b, "\n%s\n", h->who);
	if (h->can.len)
		lf_buf_addf(b, "您的角色%s", h->can.s);
}

static void home_free(struct lf_screen *s)
{
	struct home *h = (struct home *)s;
	int i;

	clear_year(h);
	for (i = 0; i < MENU_N; i++)
		lf_free(h->refused[i]);
	lf_free(h->who);
	lf_buf_free(&h->can);
	lf_free(h);
}

static const struct lf_screen_ops home_ops = {
	.name = "home",
	.actions = lf_home_actions,
	.draw = home_draw,
	.action = home_action,
	.key = home_key,
	.resume = home_resume,
	.help = home_help,
	.free = home_free,
};

void lf_home_open(struct lf_ui *ui)
{
	struct home *h = lf_alloc(sizeof *h);

	lf_screen_init(&h->base, &home_ops, "首页");
	lf_ui_push(ui, &h->base);
	load_who(h);
	load_levels(h);
	load_menu(h);
	load_year(h);
}
