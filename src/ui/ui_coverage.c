/* ui_coverage: what phase 2 has not covered in the current year — powers
 * with no flow chart, risk steps with no risk point, posts with no
 * self-check — as three tabs of one screen, each entry opening the thing to
 * fix: the power's flow chart, the chart at that step, the persons of the
 * post (who fill its self-check). Coming back counts again. */
#include "lianfang/coverage.h"
#include "lianfang/rec.h"
#include "lianfang/screen.h"
#include "ui_priv.h"

#include <string.h>

#define GAP_PAGE 500 /* entries shown per gap: a page of the model's list */
#define GAPS 3

enum { V_OPEN = 1, V_TAB, V_BTAB, V_TAB1, V_TAB2, V_TAB3, V_QUIT };

const struct lf_ui_action lf_coverage_actions[] = {
	{ V_OPEN, "open", "去补上", { LF_ENTER, 'o' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "打开要补的地方：职权的流程图、流程图上的这一步、岗位上的人员" },
	{ V_TAB, "next-tab", "下一类", { LF_TAB, LF_KEY(KEY_RIGHT), 'l' }, LF_ACT_BAR | LF_ACT_TEXT,
	  "看下一类缺口" },
	{ V_BTAB, "prev-tab", "上一类", { LF_KEY(KEY_BTAB), LF_KEY(KEY_LEFT), 'h' }, LF_ACT_TEXT, "看上一类缺口" },
	{ V_TAB1, "powers", "没有流程图的职权", { '1' }, LF_ACT_TEXT, "看没有流程图的职权" },
	{ V_TAB2, "steps", "没有风险点的风险环节", { '2' }, LF_ACT_TEXT, "看标为风险环节、本年度还没有风险点的步骤" },
	{ V_TAB3, "posts", "没有自查表的岗位", { '3' }, LF_ACT_TEXT, "看本年度还没有自查表的在用岗位" },
	{ V_QUIT, "back", "返回", { 'q' }, LF_ACT_TEXT, "回到上一屏（同 F10）" },
	{ 0 },
};

static const struct {
	const char *title;
	const char *cols[3];
	const char *fix;
} gaps[GAPS] = {
	{ "没有流程图的职权", { "处室", "职权", "岗位" }, "Enter 打开流程图，按 a 添加环节" },
	{ "没有风险点的环节", { "处室", "职权", "环节" }, "Enter 打开流程图上的这一步；风险点在自查表里登记" },
	{ "没有自查表的岗位", { "处室", "岗位", "人员" }, "Enter 看岗位上的人员：自查表由本人填写" },
};

struct coverage {
	struct lf_screen base;
	char cycle[LF_GID_LEN + 1];
	int year;
	struct lf_coverage counts;
	struct lf_rows rows[GAPS];
	struct lf_list list[GAPS];
	int more[GAPS];
	int tab;
	char *err;
};

static void load(struct coverage *v)
{
	struct lf_db *db = lf_ui_ctx(v->base.ui)->db;
	struct lf_gap_list l;
	struct lf_page pg;
	lf_status st;
	int g, i;

	lf_free(v->err);
	v->err = NULL;
	for (g = 0; g < GAPS; g++)
		lf_rows_clear(&v->rows[g]);
	if ((st = lf_coverage_get(db, v->cycle, NULL, &v->counts))) {
		v->err = lf_strdup(lf_errmsg(db, st));
		return;
	}
	for (g = 0; g < GAPS; g++) {
		lf_page_init(&pg, GAP_PAGE);
		if ((st = lf_coverage_list(db, (enum lf_gap)g, v->cycle, NULL, &pg, &l))) {
			v->err = lf_strdup(lf_errmsg(db, st));
			return;
		}
		v->more[g] = pg.next[0] != 0;
		for (i = 0; i < l.n; i++) {
			char *step = g == LF_GAP_STEP_NO_RISK ? lf_printf("第 %d 步：%s", l.v[i].seq, l.v[i].detail ? l.v[i].detail : "")
			                                      : NULL;
			const char *cells[] = { l.v[i].dept_name, l.v[i].name, step ? step : l.v[i].detail };

			lf_rows_add(&v->rows[g], l.v[i].gid, cells, 3);
			lf_free(step);
		}
		lf_gap_list_free(&l);
		lf_list_reload(&v->list[g]);
	}
}

static void tab_label(const struct coverage *v, int g, char *buf, size_t len)
{
	int n[GAPS] = { v->counts.powers_no_chart, v->counts.steps_no_risk, v->counts.posts_no_form };
	int of[GAPS] = { v->counts.powers, v->counts.risky_steps, v->counts.posts };

	snprintf(buf, len, " %d %s %d/%d ", g + 1, gaps[g].title, n[g], of[g]);
}

static void coverage_draw(struct lf_screen *s, WINDOW *w, int rows, int cols)
{
	struct coverage *v = (struct coverage *)s;
	struct lf_list *l = &v->list[v->tab];
	char label[120], status[200];
	int g, x = 0;

	if (v->err) {
		lf_ui_wrap(w, 1, 2, cols - 4, rows - 2, v->err, lf_ui_attr(LF_R_ERROR));
		return;
	}
	for (g = 0; g < GAPS; g++) {
		attr_t a = g == v->tab ? lf_ui_attr(LF_R_SELECT) : A_NORMAL;

		tab_label(v, g, label, sizeof label);
		x += lf_ui_print(w, 0, x, cols - x, label, a);
		if (g + 1 < GAPS)
			x += lf_ui_print(w, 0, x, cols - x, "│", lf_ui_attr(LF_R_DIM));
	}
	lf_ui_print(w, 1, 1, cols - 2, gaps[v->tab].fix, lf_ui_attr(LF_R_DIM));
	lf_list_draw(l, w, 2, 0, rows - 3, cols);
	if (l->sel >= 0) {
		s->cy = 3 + l->sel;
		s->cx = 0;
	}
	if (!v->rows[v->tab].n)
		snprintf(status, sizeof status, "%d年度没有这一类缺口。", v->year);
	else
		snprintf(status, sizeof status, "%d年度，%d 项%s。", v->year, v->rows[v->tab].n,
		         v->more[v->tab] ? "（只列出了前面的，补上以后再看）" : "");
	lf_ui_print(w, rows - 1, 1, cols - 2, status, lf_ui_attr(LF_R_DIM));
}

static void open_fix(struct coverage *v, const struct lf_listrow *row)
{
	struct lf_ui *ui = v->base.ui;
	struct lf_rec *r;
	char gid[LF_GID_LEN + 1];

	snprintf(gid, sizeof gid, "%s", row->gid);
	switch (v->tab) {
	case LF_GAP_POWER_NO_CHART:
		lf_flow_open(ui, gid, 0);
		break;
	case LF_GAP_STEP_NO_RISK:
		/* the chart of the step's power, at the step */
		r = lf_rec_new(lf_kind_find("flow_step"));
		if (!lf_ui_failed(ui, lf_rec_load(lf_ui_ctx(ui)->db, r->kind, gid, r)))
			lf_flow_open(ui, lf_rec_text(r, "power"), (int)lf_rec_int(r, "seq"));
		lf_rec_free(r);
		break;
	case LF_GAP_POST_NO_FORM:
		lf_ui_failed(ui, lf_post_persons_open(ui, gid, NULL));
		break;
	}
}

static int coverage_action(struct lf_screen *s, int id)
{
	struct coverage *v = (struct coverage *)s;
	const struct lf_listrow *row = lf_list_selected(&v->list[v->tab]);

	switch (id) {
	case V_OPEN:
		if (row)
			open_fix(v, row);
		return LF_DIRTY_ALL;
	case V_TAB: v->tab = (v->tab + 1) % GAPS; break;
	case V_BTAB: v->tab = (v->tab + GAPS - 1) % GAPS; break;
	case V_TAB1:
	case V_TAB2:
	case V_TAB3: v->tab = id - V_TAB1; break;
	case V_QUIT: lf_ui_back(s->ui); break;
	}
	return LF_DIRTY_BODY;
}

static int coverage_key(struct lf_screen *s, int key)
{
	struct coverage *v = (struct coverage *)s;
	const struct lf_ui_action *a;
	int i;

	for (a = lf_list_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key) {
				lf_list_move(&v->list[v->tab], (enum lf_list_move)(a->id - 1));
				return LF_DIRTY_BODY;
			}
	return -1;
}

static void coverage_resume(struct lf_screen *s)
{
	load((struct coverage *)s);
}

static void coverage_help(struct lf_screen *s, struct lf_buf *b)
{
	struct coverage *v = (struct coverage *)s;

	lf_buf_addf(b, "%d年度第二阶段（界定职责、查找风险）还缺什么：\n"
	               "  没有流程图的职权：职权目录里在用的职权，还没有一个流程环节；\n"
	               "  没有风险点的风险环节：流程图上标为风险环节的步骤，本年度还没有风险点关联到它；\n"
	               "  没有自查表的岗位：在用的岗位，本年度还没有人填自查表。\n"
	               "选中一项按 Enter 去补上；补完回到这里，数字会重新统计。\n",
	            v->year);
}

static void coverage_free(struct lf_screen *s)
{
	struct coverage *v = (struct coverage *)s;
	int g;

	for (g = 0; g < GAPS; g++) {
		lf_list_free(&v->list[g]);
		lf_rows_clear(&v->rows[g]);
	}
	lf_free(v->err);
	lf_free(v);
}

static const struct lf_screen_ops coverage_ops = {
	.name = "coverage",
	.actions = lf_coverage_actions,
	.draw = coverage_draw,
	.action = coverage_action,
	.key = coverage_key,
	.resume = coverage_resume,
	.help = coverage_help,
	.more_actions = lf_list_actions,
	.more_title = "在列表中移动",
	.free = coverage_free,
};

void lf_coverage_open(struct lf_ui *ui)
{
	struct lf_overview *o = &lf_ui_ctx(ui)->overview;
	struct coverage *v;
	int g, c;

	if (!o->cycle[0]) {
		lf_ui_msg(ui, LF_MSG_ERROR, o->cycle_denied ? "您的角色不能查看年度工作。" : "还没有年度：先在“年度工作”里新建一个年度。");
		return;
	}
	v = lf_alloc(sizeof *v);
	snprintf(v->cycle, sizeof v->cycle, "%s", o->cycle);
	v->year = o->year;
	for (g = 0; g < GAPS; g++) {
		lf_list_init(&v->list[g], lf_list_source_rows(&v->rows[g]), lf_ui_ctx(ui)->db);
		for (c = 0; c < 3; c++)
			v->list[g].cols[c] = (struct lf_list_column){ gaps[g].cols[c], c == 2 ? 0 : c == 0 ? 16 : 24 };
		v->list[g].ncols = 3;
	}
	lf_screen_init(&v->base, &coverage_ops, "覆盖检查");
	lf_ui_push(ui, &v->base);
	load(v);
	/* open on the first kind of gap there is */
	for (g = 0; g < GAPS && !v->rows[g].n; g++)
		;
	v->tab = g < GAPS ? g : 0;
}
