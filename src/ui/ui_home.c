/* ui_home: the first screen — the unit, its current cycle, what the database
 * holds, and a menu. A placeholder for the real home of the phase screens:
 * its menu is one table, so adding a screen is adding a row. */
#include "lianfang/screen.h"
#include "ui_priv.h"
#include "ui_xfer.h"

#include <string.h>

enum { H_OPEN = 1, H_UP, H_DOWN, H_QUIT };

const struct lf_ui_action lf_home_actions[] = {
	{ H_OPEN, "open", "打开", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "打开选中的一项（也可以直接按它前面的数字）" },
	{ H_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一项" },
	{ H_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N'), LF_TAB }, LF_ACT_TEXT, "选中下一项" },
	{ H_QUIT, "quit", "退出", { 'q' }, LF_ACT_TEXT, "退出程序（同 F10）" },
	{ 0 },
};

static void open_exchange(struct lf_ui *ui)
{
	lf_exchange_open(ui);
}

static void open_export(struct lf_ui *ui)
{
	lf_export_open(ui, NULL, NULL);
}

static const struct {
	const char *form;  /* forms/<form>.form */
	const char *label;
	const char *about;
	void (*open)(struct lf_ui *ui);  /* a screen of its own, instead of a form's list */
} menu[] = {
	{ "dept", "处室", "内设处室、科室、队所，处室负责人和分管领导", NULL },
	{ "post", "岗位", "每个处室的岗位和岗位职责", NULL },
	{ "person", "人员", "干部职工和他们的岗位、职务", NULL },
	{ "cycle", "年度", "每个年度的四个阶段和起止日期", NULL },
	{ NULL, "账户", "我是谁、能做什么，修改密码，退出登录；管理员在这里管理用户", lf_account_open },
	{ NULL, "审计日志", "检查审计日志是否完整，是否有人绕过廉防改动了数据", lf_audit_open },
	{ NULL, "数据交换", "U 盘交换：上报、下发、合并数据包，解决冲突", open_exchange },
	{ NULL, "导出表格", "把正式表格导出为 Excel、CSV（UTF-8 或 GBK）或文本", open_export },
	{ NULL, "导入表格", "导入已有的汇总表、风险点台账（CSV）", lf_import_open },
};

static const struct {
	const char *kind;
	const char *label;
} counted[] = {
	{ "dept", "处室" }, { "post", "岗位" }, { "person", "人员" },
	{ "selfcheck", "自查表" }, { "risk", "风险点" }, { "measure", "防控措施" },
};

struct home {
	struct lf_screen base;
	int sel;
	long long counts[LF_COUNT(counted)];
};

static void load_counts(struct home *h)
{
	struct lf_db *db = lf_ui_ctx(h->base.ui)->db;
	size_t i;

	for (i = 0; i < LF_COUNT(counted); i++)
		lf_overview_count(db, lf_kind_find(counted[i].kind), 9999, &h->counts[i]);
}

static void home_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	static const char *const cn[] = { "", "一", "二", "三", "四" };
	struct home *h = (struct home *)s;
	struct lf_overview *o = &lf_ui_ctx(s->ui)->overview;
	struct lf_buf b;
	size_t i;
	int y = 1;

	lf_buf_init(&b);
	lf_buf_addf(&b, "单位：%s（%s）", o->unit_name ? o->unit_name : "", o->unit_code);
	lf_ui_print(w, y++, 3, cols - 6, b.s, A_BOLD);
	lf_buf_reset(&b);
	if (o->year && o->phase >= 1 && o->phase <= 4)
		lf_buf_addf(&b, "年度：%d 年度，第%s阶段：%s", o->year, cn[o->phase], lf_phase_label(o->phase));
	else if (o->year)
		lf_buf_addf(&b, "年度：%d 年度，%s", o->year, lf_phase_label(o->phase));
	else if (o->cycle_denied)
		lf_buf_adds(&b, "年度：无权查看");
	else
		lf_buf_adds(&b, "年度：还没有建立年度工作");
	lf_ui_print(w, y++, 3, cols - 6, b.s, A_NORMAL);
	lf_buf_reset(&b);
	lf_buf_adds(&b, "记录：");
	for (i = 0; i < LF_COUNT(counted); i++)
		if (h->counts[i] > 9999)
			lf_buf_addf(&b, "%s 9999+　", counted[i].label);
		else
			lf_buf_addf(&b, "%s %lld　", counted[i].label, h->counts[i]);
	lf_ui_print(w, y++, 3, cols - 6, b.s, A_NORMAL);
	lf_buf_free(&b);
	y++;
	lf_ui_print(w, y++, 3, cols - 6, "组织机构和年度", lf_ui_attr(LF_R_HEADER));
	for (i = 0; i < LF_COUNT(menu); i++, y++) {
		attr_t a = (int)i == h->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;
		char num[8];

		if ((int)i == h->sel) {
			lf_ui_fill(w, y, 3, cols - 6, a);
			s->cy = y;
			s->cx = 3;
		}
		snprintf(num, sizeof num, " %zu ", i + 1);
		lf_ui_print(w, y, 3, 4, num, a);
		lf_ui_print(w, y, 8, 10, menu[i].label, a | A_BOLD);
		lf_ui_print(w, y, 18, cols - 21, menu[i].about, a);
	}
	y++;
	lf_ui_wrap(w, y, 3, cols - 6, rows - y,
	           "四个阶段（动员部署、查找风险、防范监督、检查考核）的工作以后在这里打开。", lf_ui_attr(LF_R_DIM));
}

static int open_sel(struct home *h)
{
	struct lf_ui *ui = h->base.ui;
	lf_status st;

	if (menu[h->sel].open) {
		menu[h->sel].open(ui);
		return LF_DIRTY_ALL;
	}
	if ((st = lf_records_open(ui, menu[h->sel].form)))
		lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(lf_ui_ctx(ui)->db, st));
	return LF_DIRTY_ALL;
}

static int home_action(struct lf_screen *s, int id)
{
	struct home *h = (struct home *)s;
	int n = (int)LF_COUNT(menu);

	switch (id) {
	case H_OPEN: return open_sel(h);
	case H_UP: h->sel = (h->sel + n - 1) % n; break;
	case H_DOWN: h->sel = (h->sel + 1) % n; break;
	case H_QUIT: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_BODY;
}

static int home_key(struct lf_screen *s, int key)
{
	struct home *h = (struct home *)s;

	if (key >= '1' && key < '1' + (int)LF_COUNT(menu)) {
		h->sel = key - '1';
		return open_sel(h);
	}
	return -1;
}

static void home_resume(struct lf_screen *s)
{
	load_counts((struct home *)s);
	lf_ui_refresh_overview(s->ui);
}

static void home_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "廉防：廉政风险点防范管理。首页显示本单位、当前年度和阶段，以及数据库里有多少记录。"
	               "用上下键选一项，按 Enter 打开，或直接按它前面的数字。\n");
}

static void home_free(struct lf_screen *s)
{
	lf_free(s);
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
	load_counts(h);
}
