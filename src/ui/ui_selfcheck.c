/* ui_selfcheck: the self-check forms (廉政风险自查表（岗位）) of the current
 * cycle, by department: each form's status on the review chain, its grade,
 * its risks and, for a returned form, its rework deadline — overdue ones
 * marked. Filter by department, status, overdue; Enter opens the form
 * (ui_scform.c). A user who reads no more than their own post (a staff member)
 * gets their own form straight away, and starts it if there is none yet.
 * The list is the model's keyset pages (lf_selfcheck_list): one page on screen,
 * one query per page whatever the size of the unit. */
#include "ui_p2.h"
#include "ui_access.h"
#include "ui_priv.h"
#include "lianfang/selfcheck.h"

#include <stdio.h>
#include <string.h>

enum { L_OPEN = 1, L_DEPT, L_STATUS, L_OVERDUE, L_CLEAR, L_MINE, L_UP, L_DOWN, L_PGUP, L_PGDN, L_HOME };

const struct lf_ui_action lf_sclist_actions[] = {
	{ L_OPEN, "open", "打开", { LF_ENTER }, LF_ACT_BAR, "打开选中的自查表" },
	{ L_DEPT, "dept", "处室", { LF_KEY(KEY_F(4)), 'f' }, LF_ACT_BAR | LF_ACT_TEXT, "只看一个处室的自查表（从列表中选）" },
	{ L_STATUS, "status", "状态", { 't' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "只看处于某个状态的自查表（填写中、已提交、……、评估通过）" },
	{ L_OVERDUE, "overdue", "超期", { 'o' }, LF_ACT_BAR | LF_ACT_TEXT, "只看退回整改后超过整改期限的；再按一次看全部" },
	{ L_CLEAR, "clear", "全部", { 'x' }, LF_ACT_TEXT, "取消处室、状态和超期的筛选" },
	{ L_MINE, "mine", "我的", { LF_KEY(KEY_F(5)), 'm' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "打开本人本年度的自查表；还没有时新建一张（职责取自岗位）" },
	{ L_UP, "up", "上移", { LF_KEY(KEY_UP), 'k', LF_CTRL('P') }, LF_ACT_TEXT, "选中上一张" },
	{ L_DOWN, "down", "下移", { LF_KEY(KEY_DOWN), 'j', LF_CTRL('N') }, LF_ACT_TEXT, "选中下一张" },
	{ L_PGUP, "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_CTRL('B'), '-' }, LF_ACT_TEXT, "向上翻一页" },
	{ L_PGDN, "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('F'), ' ' }, LF_ACT_TEXT, "向下翻一页" },
	{ L_HOME, "first", "第一张", { LF_KEY(KEY_HOME), 'g', '<' }, LF_ACT_TEXT, "回到第一页" },
	{ 0 },
};

struct sclist {
	struct lf_screen base;
	char cycle[LF_GID_LEN + 1];
	char dept[LF_GID_LEN + 1];   /* filter, "" the unit */
	char *dept_name;
	const char *status;          /* stored name, NULL any */
	int overdue;
	struct lf_me me;
	struct lf_pager pager;
	struct lf_selfcheck_list rows;
	int sel, height, loaded;
	char *scope;                 /* lf_p2_reach_note, or NULL */
	char keep[LF_GID_LEN + 1];   /* select this form after a reload */
};

static struct lf_db *db_of(struct sclist *l)
{
	return lf_ui_ctx(l->base.ui)->db;
}

static void set_dept(struct sclist *l, const char *gid)
{
	snprintf(l->dept, sizeof l->dept, "%s", gid ? gid : "");
	lf_free(l->dept_name);
	l->dept_name = l->dept[0] ? lf_record_label(db_of(l), lf_kind_find("dept"), l->dept) : NULL;
}

/* Fetch the page the pager is on; keep `keep` selected if it is there. */
static void load(struct sclist *l)
{
	struct lf_db *db = db_of(l);
	struct lf_selfcheck_filter f;
	struct lf_page pg;
	lf_status s;
	int i;

	lf_selfcheck_list_free(&l->rows);
	memset(&f, 0, sizeof f);
	f.cycle = l->cycle;
	f.dept = l->dept[0] ? l->dept : NULL;
	f.status = l->status;
	f.overdue = l->overdue;
	lf_page_init(&pg, l->height > 0 ? l->height : 10);
	memcpy(pg.after, l->pager.after, LF_KEY_MAX);
	s = lf_selfcheck_list(db, &f, &pg, &l->rows);
	lf_free(l->scope);
	l->scope = lf_p2_reach_note(l->base.ui, f.dept);
	l->loaded = 1;
	if (s) {
		lf_ui_msg(l->base.ui, LF_MSG_ERROR, "%s", lf_errmsg(db, s));
		memset(&l->rows, 0, sizeof l->rows);
	}
	memcpy(l->pager.next, pg.next, LF_KEY_MAX);
	if (l->sel >= l->rows.n)
		l->sel = l->rows.n - 1;
	if (l->sel < 0)
		l->sel = 0;
	for (i = 0; l->keep[0] && i < l->rows.n; i++)
		if (!strcmp(l->rows.v[i].gid, l->keep))
			l->sel = i;
	l->keep[0] = 0;
}

static void restart(struct sclist *l)
{
	lf_pager_reset(&l->pager);
	l->sel = 0;
	load(l);
}

/* ------------------------------------------------------------------ drawing */

static void filter_line(struct sclist *l, struct lf_buf *b)
{
	if (l->dept_name || !l->scope)
		lf_buf_addf(b, "处室：%s　", l->dept_name ? l->dept_name : "全部");
	lf_buf_addf(b, "状态：%s", l->status ? lf_selfcheck_status_label(l->status) : "全部");
	if (l->overdue)
		lf_buf_adds(b, "　只看超期");
	if (l->scope)
		lf_buf_addf(b, "　%s", l->scope);
}

static void sclist_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	static const struct {
		const char *label;
		int width;
	} col[] = { { "处室", 10 }, { "岗位", 14 }, { "姓名", 6 }, { "状态", 16 }, { "评估", 8 }, { "风险", 4 }, { "整改期限", 0 } };
	struct sclist *l = (struct sclist *)s;
	struct lf_buf b;
	int i, c, x, h = rows - 3;

	if (h < 1)
		h = 1;
	if (h != l->height || !l->loaded) {
		l->height = h;
		load(l);
	}
	lf_buf_init(&b);
	filter_line(l, &b);
	lf_ui_print(w, 0, 1, cols - 2, b.s, lf_ui_attr(LF_R_PATH));
	for (x = 1, c = 0; c < (int)LF_COUNT(col); c++) {
		lf_ui_print(w, 1, x, col[c].width ? col[c].width : cols - x - 1, col[c].label, lf_ui_attr(LF_R_HEADER));
		x += col[c].width + 1;
	}
	if (!l->rows.n)
		lf_ui_print(w, 3, 3, cols - 6,
		            l->status || l->overdue || l->dept[0] ? "（没有符合条件的自查表；按 x 看全部）"
		                                                    : "（本年度还没有自查表。本人按 F5 或 m 新建自己的自查表。）",
		            lf_ui_attr(LF_R_DIM));
	for (i = 0; i < l->rows.n && i < h; i++) {
		const struct lf_selfcheck *r = &l->rows.v[i];
		attr_t a = i == l->sel ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;
		char n[16], due[40];
		int y = 2 + i;

		if (i == l->sel) {
			lf_ui_fill(w, y, 0, cols, a);
			s->cy = y;
			s->cx = 0;
		}
		snprintf(n, sizeof n, "%d", r->risks);
		snprintf(due, sizeof due, "%s%s", r->status && !strcmp(r->status, "returned") && r->rework_due ? r->rework_due : "",
		         r->overdue ? "超期" : "");
		lf_ui_print(w, y, 1, 10, r->dept_name, a);
		lf_ui_print(w, y, 12, 14, r->post_name, a);
		lf_ui_print(w, y, 27, 6, r->person_name, a);
		lf_ui_print(w, y, 34, 16, lf_selfcheck_status_label(r->status), a);
		lf_ui_print(w, y, 51, 8, r->grade ? r->grade : "", a);
		lf_ui_print(w, y, 60 + 4 - (int)strlen(n), (int)strlen(n), n, a);
		lf_ui_print(w, y, 65, cols - 66, due, r->overdue && i != l->sel ? lf_ui_attr(LF_R_ERROR) : a);
	}
	lf_buf_reset(&b);
	lf_buf_addf(&b, "第 %d 页", l->pager.depth + 1);
	if (l->pager.next[0])
		lf_buf_adds(&b, "，下面还有（PgDn 或空格）");
	if (l->pager.depth)
		lf_buf_adds(&b, "，PgUp 或 - 回上一页");
	lf_ui_print(w, rows - 1, 1, cols - 2, b.s, lf_ui_attr(LF_R_DIM));
	lf_buf_free(&b);
}

/* ------------------------------------------------------------------ actions */

static void dept_picked(void *ctx, const char *value, const char *label)
{
	struct sclist *l = ctx;

	(void)label;
	set_dept(l, value);
	l->keep[0] = 0;
	lf_pager_reset(&l->pager);
	l->loaded = 0;
}

static const char *const status_choice[] = { "全部", "填写中", "已提交", "处室负责人已签字", "分管领导已签字",
	                                         "退回整改", "评估通过" };

static void status_picked(void *ctx, const char *value, const char *label)
{
	struct sclist *l = ctx;

	(void)label;
	l->status = lf_selfcheck_status_parse(value); /* "全部": NULL */
	lf_pager_reset(&l->pager);
	l->loaded = 0;
}

/* The user's own form in the cycle: found, or started after asking. */
static lf_status open_mine(struct lf_ui *ui, const char *cycle, const struct lf_me *me)
{
	static const struct lf_choice yes[] = { { 'Y', "新建" } };
	struct lf_db *db = lf_ui_ctx(ui)->db;
	char gid[LF_GID_LEN + 1];
	lf_status s;

	if (!me->person[0])
		return lf_fail(db, LF_NOTFOUND, "你的用户没有对应的人员，没有自己的自查表。");
	s = lf_selfcheck_find(db, cycle, me->person, me->post[0] ? me->post : NULL, gid);
	if (s == LF_NOTFOUND) {
		if (!me->post[0])
			return lf_fail(db, LF_NOTFOUND, "你还没有岗位，不能填写自查表。请管理员在“人员”中设定岗位。");
		if ((s = lf_may_new_form(db, me->post)))
			return s;
		if (lf_ui_ask(ui, "本年度你还没有自查表，新建一张？", yes, 1, -1) != 0)
			return LF_OK;
		if ((s = lf_selfcheck_new(db, cycle, me->post, me->person, NULL, gid)))
			return s;
		lf_ui_msg(ui, LF_MSG_INFO, "已新建自查表，岗位职责取自岗位。按 F5 或 a 添加潜在风险。");
	}
	if (s)
		return s;
	return lf_scform_open(ui, gid);
}

static int sclist_action(struct lf_screen *s, int id)
{
	struct sclist *l = (struct sclist *)s;
	struct lf_db *db = db_of(l);
	lf_status st = LF_OK;

	switch (id) {
	case L_OPEN:
		if (l->sel < l->rows.n) {
			snprintf(l->keep, sizeof l->keep, "%s", l->rows.v[l->sel].gid);
			st = lf_scform_open(s->ui, l->keep);
		}
		break;
	case L_DEPT:
		st = lf_picker_records(s->ui, lf_kind_find("dept"), "选择处室", dept_picked, l);
		if (st == LF_OK)
			lf_picker_select(s->ui, l->dept);
		break;
	case L_STATUS:
		lf_picker_choices(s->ui, "选择状态", (char *const *)status_choice, (int)LF_COUNT(status_choice),
		                  status_picked, l);
		lf_picker_select(s->ui, l->status ? lf_selfcheck_status_label(l->status) : "全部");
		break;
	case L_OVERDUE:
		l->overdue = !l->overdue;
		restart(l);
		break;
	case L_CLEAR:
		set_dept(l, NULL);
		l->status = NULL;
		l->overdue = 0;
		restart(l);
		break;
	case L_MINE:
		st = open_mine(s->ui, l->cycle, &l->me);
		break;
	case L_UP:
		if (l->sel > 0)
			l->sel--;
		else if (lf_pager_prev(&l->pager)) {
			load(l);
			l->sel = l->rows.n - 1;
		}
		break;
	case L_DOWN:
		if (l->sel + 1 < l->rows.n)
			l->sel++;
		else if (lf_pager_next(&l->pager)) {
			l->sel = 0;
			load(l);
		}
		break;
	case L_PGUP:
		if (lf_pager_prev(&l->pager))
			load(l);
		else
			l->sel = 0;
		break;
	case L_PGDN:
		if (lf_pager_next(&l->pager))
			load(l);
		else
			l->sel = l->rows.n - 1;
		break;
	case L_HOME:
		restart(l);
		break;
	}
	if (st)
		lf_ui_msg(s->ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
	return LF_DIRTY_ALL;
}

static int sclist_enabled(struct lf_screen *s, int id)
{
	struct sclist *l = (struct sclist *)s;

	if (id == L_OPEN)
		return l->rows.n > 0;
	if (id == L_MINE)
		return l->me.person[0] != 0;
	return 1;
}

static void sclist_resume(struct lf_screen *s)
{
	struct sclist *l = (struct sclist *)s;

	if (!l->keep[0] && l->sel < l->rows.n)
		snprintf(l->keep, sizeof l->keep, "%s", l->rows.v[l->sel].gid);
	load(l);
}

static void sclist_help(struct lf_screen *s, struct lf_buf *b)
{
	(void)s;
	lf_buf_adds(b, "本年度的廉政风险自查表（岗位），按处室、岗位排列。每人每个岗位每年一张：本人填写岗位职责、"
	               "潜在风险和防控措施后提交，依次经处室负责人、分管领导审核签字，再由评估组评定准确程度；"
	               "评为基本准确、不准确的退回本人限期整改。\n"
	               "“整改期限”一列标出退回整改的期限，过了期限还没有重新提交的写“已超期”。\n"
	               "列表每次只从数据库读一页，自查表再多，翻页也一样快。\n");
}

static void sclist_free(struct lf_screen *s)
{
	struct sclist *l = (struct sclist *)s;

	lf_selfcheck_list_free(&l->rows);
	lf_pager_free(&l->pager);
	lf_free(l->dept_name);
	lf_free(l->scope);
	lf_free(l);
}

/* The history key shows the selected form. */
static int sclist_record(struct lf_screen *s, const char **kind, const char **gid)
{
	struct sclist *l = (struct sclist *)s;

	if (l->sel < 0 || l->sel >= l->rows.n)
		return 0;
	*kind = "selfcheck";
	*gid = l->rows.v[l->sel].gid;
	return 1;
}

static const struct lf_screen_ops sclist_ops = {
	.name = "selfchecks",
	.actions = lf_sclist_actions,
	.draw = sclist_draw,
	.action = sclist_action,
	.enabled = sclist_enabled,
	.resume = sclist_resume,
	.record = sclist_record,
	.help = sclist_help,
	.free = sclist_free,
};

void lf_selfcheck_screen_open(struct lf_ui *ui)
{
	struct lf_db *db = lf_ui_ctx(ui)->db;
	const char *cycle = lf_p2_cycle(ui);
	struct sclist *l;
	struct lf_me me;
	lf_status st;

	lf_me_load(db, &me);
	if (me.own_only && me.person[0]) {
		/* a staff member: their own form */
		if (!cycle)
			return;
		if ((st = open_mine(ui, cycle, &me)))
			lf_ui_msg(ui, LF_MSG_ERROR, "%s", lf_errmsg(db, st));
		return;
	}
	if (!cycle)
		return;
	l = lf_alloc(sizeof *l);
	l->me = me;
	snprintf(l->cycle, sizeof l->cycle, "%s", cycle);
	lf_screen_init(&l->base, &sclist_ops, "自查表");
	lf_ui_push(ui, &l->base);
}
