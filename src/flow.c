/* flow: flow-chart steps and their drawing (include/lianfang/flow.h).
 * Steps are kept numbered 1 … n: every insert, move or delete renumbers the
 * steps after it, each change a revision, all in one transaction. */
#include "lianfang/flow.h"
#include "lianfang/grade.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/power.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

/* ------------------------------------------------------------------ steps */

/* The gids of a power's live steps in order; *n of them. */
static lf_status step_gids(struct lf_db *db, const char *power, char (**gids)[LF_GID_LEN + 1], int *n)
{
	static const char sql[] = "SELECT gid FROM flow_step WHERE power = ?1 AND deleted = 0 ORDER BY seq, id";

	return lf_query_gids(db, sql, power, "读取流程环节失败", gids, n);
}

/* Give steps gids[0..n) the numbers 1..n, writing only those that change. */
static lf_status renumber(struct lf_db *db, char (*gids)[LF_GID_LEN + 1], int n)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("flow_step"));
	lf_status s = LF_OK;
	int i;

	for (i = 0; i < n && s == LF_OK; i++) {
		if ((s = lf_rec_load(db, r->kind, gids[i], r)))
			break;
		if (lf_rec_int(r, "seq") == i + 1)
			continue;
		lf_rec_set_int(r, "seq", i + 1);
		s = lf_rec_put(db, r);
	}
	lf_rec_free(r);
	return s;
}

static lf_status step_apply(struct lf_db *db, struct lf_rec *r, const struct lf_step_in *in)
{
	lf_status s = lf_input_setv(db, r, "actor", in->actor, "action", in->action, "condition", in->condition,
	                            "time_limit", in->time_limit, "supervision", in->supervision, "risky", in->risky,
	                            (char *)NULL);

	return s ? s : lf_rec_validate(db, r);
}

static lf_status insert(struct lf_db *db, const char *power, int at, const struct lf_step_in *in,
                        char gid[LF_GID_LEN + 1])
{
	struct lf_rec *w = lf_rec_new(lf_kind_find("power")), *r = lf_rec_new(lf_kind_find("flow_step"));
	char (*gids)[LF_GID_LEN + 1] = NULL;
	int n = 0, i;
	lf_status s = lf_power_open(db, power, w);

	if (s == LF_OK && (!in->action || !*in->action))
		s = lf_fail(db, LF_INVALID, "流程环节的“办理事项”不能为空。");
	if (s == LF_OK)
		s = step_gids(db, power, &gids, &n);
	if (s == LF_OK && n >= LF_STEPS_MAX)
		s = lf_fail(db, LF_INVALID, "一个职权最多 %d 个流程环节。", LF_STEPS_MAX);
	if (s == LF_OK) {
		if (at < 1 || at > n + 1)
			at = n + 1;
		lf_rec_set_text(r, "power", power);
		lf_rec_set_int(r, "seq", at);
		s = step_apply(db, r, in);
	}
	if (s == LF_OK)
		s = lf_rec_put(db, r);
	if (s == LF_OK) {
		gids = lf_realloc(gids, (size_t)(n + 1) * sizeof *gids);
		for (i = n; i >= at; i--)
			memcpy(gids[i], gids[i - 1], sizeof gids[i]);
		memcpy(gids[at - 1], r->gid, sizeof gids[0]);
		s = renumber(db, gids, n + 1);
	}
	if (s == LF_OK && gid)
		memcpy(gid, r->gid, LF_GID_LEN + 1);
	lf_free(gids);
	lf_rec_free(w);
	lf_rec_free(r);
	return s;
}

lf_status lf_step_insert(struct lf_db *db, const char *power, int at, const struct lf_step_in *in,
                         char gid[LF_GID_LEN + 1])
{
	lf_status s = lf_tx_begin(db);

	return s ? s : lf_tx_end(db, insert(db, power, at, in, gid));
}

static lf_status load_step(struct lf_db *db, const char *gid, struct lf_rec *r, struct lf_rec *w)
{
	lf_status s = lf_rec_load_live(db, gid, r);

	return s ? s : lf_power_open(db, lf_rec_text(r, "power"), w);
}

lf_status lf_step_edit(struct lf_db *db, const char *gid, const struct lf_step_in *in)
{
	struct lf_rec *w = lf_rec_new(lf_kind_find("power")), *r = lf_rec_new(lf_kind_find("flow_step"));
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = load_step(db, gid, r, w);
		if (s == LF_OK)
			s = step_apply(db, r, in);
		if (s == LF_OK)
			s = lf_rec_put(db, r);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(w);
	lf_rec_free(r);
	return s;
}

static int index_of(char (*gids)[LF_GID_LEN + 1], int n, const char *gid)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(gids[i], gid))
			return i;
	return -1;
}

lf_status lf_step_move(struct lf_db *db, const char *gid, int to)
{
	struct lf_rec *w = lf_rec_new(lf_kind_find("power")), *r = lf_rec_new(lf_kind_find("flow_step"));
	char (*gids)[LF_GID_LEN + 1] = NULL, keep[LF_GID_LEN + 1];
	int n = 0, from, i;
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = load_step(db, gid, r, w);
		if (s == LF_OK)
			s = step_gids(db, lf_rec_text(r, "power"), &gids, &n);
		if (s == LF_OK && (to < 1 || to > n))
			s = lf_fail(db, LF_INVALID, "目标位置应在 1 到 %d 之间，而不是 %d。", n, to);
		if (s == LF_OK && (from = index_of(gids, n, r->gid)) >= 0) {
			memcpy(keep, gids[from], sizeof keep);
			if (from < to - 1)
				for (i = from; i < to - 1; i++)
					memcpy(gids[i], gids[i + 1], sizeof keep);
			else
				for (i = from; i > to - 1; i--)
					memcpy(gids[i], gids[i - 1], sizeof keep);
			memcpy(gids[to - 1], keep, sizeof keep);
			s = renumber(db, gids, n);
		}
		s = lf_tx_end(db, s);
	}
	lf_free(gids);
	lf_rec_free(w);
	lf_rec_free(r);
	return s;
}

static lf_status linked_risks(struct lf_db *db, const char *step, int *n)
{
	static const char sql[] = "SELECT count(*) FROM risk WHERE step = ?1 AND deleted = 0";

	return lf_query_int(db, sql, step, NULL, NULL, n);
}

lf_status lf_step_delete(struct lf_db *db, const char *gid)
{
	struct lf_rec *w = lf_rec_new(lf_kind_find("power")), *r = lf_rec_new(lf_kind_find("flow_step"));
	char (*gids)[LF_GID_LEN + 1] = NULL;
	int n = 0, risks = 0;
	lf_status s = lf_tx_begin(db);

	if (s == LF_OK) {
		s = load_step(db, gid, r, w);
		if (s == LF_OK)
			s = linked_risks(db, r->gid, &risks);
		if (s == LF_OK && risks)
			s = lf_fail(db, LF_STATE, "第 %lld 步关联着 %d 个风险点，请先改动这些风险点的“流程环节”再删除。",
			            lf_rec_int(r, "seq"), risks);
		if (s == LF_OK)
			s = lf_rec_delete(db, r->kind, r->gid);
		if (s == LF_OK)
			s = step_gids(db, lf_rec_text(r, "power"), &gids, &n);
		if (s == LF_OK)
			s = renumber(db, gids, n);
		s = lf_tx_end(db, s);
	}
	lf_free(gids);
	lf_rec_free(w);
	lf_rec_free(r);
	return s;
}

/* READ on a power: its department, or its post. */
static lf_status power_read(struct lf_db *db, const char *power)
{
	struct lf_rec *w = lf_rec_new(lf_kind_find("power"));
	lf_status s = lf_rec_load(db, w->kind, power, w);

	if (s == LF_OK) {
		struct lf_scope scope = { .dept = lf_rec_text(w, "dept"), .post = lf_rec_text(w, "post") };

		s = lf_perm_check(db, LF_ACT_READ, &scope);
	} else if (s == LF_NOTFOUND) {
		s = lf_fail(db, LF_NOTFOUND, "找不到职权（%.8s）。", power);
	}
	lf_rec_free(w);
	return s;
}

lf_status lf_step_at(struct lf_db *db, const char *power, int seq, char gid[LF_GID_LEN + 1])
{
	static const char sql[] = "SELECT gid FROM flow_step WHERE power = ?1 AND seq = ?2 AND deleted = 0 ORDER BY id LIMIT 1";
	sqlite3_stmt *st;
	lf_status s = power_read(db, power);
	int rc;

	gid[0] = 0;
	if (s || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, power, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, seq);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lf_col_gid(gid, st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return lf_fail(db, LF_NOTFOUND, "这个职权没有第 %d 步。", seq);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取流程环节失败");
}

static void step_row(struct lf_step_list *out, sqlite3_stmt *st)
{
	struct lf_step *f = &out->v[out->n++];

	f->id = sqlite3_column_int64(st, 0);
	lf_col_gid(f->gid, st, 1);
	lf_col_gid(f->power, st, 2);
	f->seq = sqlite3_column_int(st, 3);
	f->risky = sqlite3_column_int(st, 4);
	f->actor = lf_col_str(&out->arena, st, 5);
	f->action = lf_col_str(&out->arena, st, 6);
	f->condition = lf_col_str(&out->arena, st, 7);
	f->time_limit = lf_col_str(&out->arena, st, 8);
	f->supervision = lf_col_str(&out->arena, st, 9);
	f->risks = sqlite3_column_int(st, 10);
}

lf_status lf_step_list(struct lf_db *db, const char *power, struct lf_page *pg, struct lf_step_list *out)
{
	static const char sql[] =
		"SELECT f.id, f.gid, f.power, f.seq, f.risky, f.actor, f.action, f.condition, f.time_limit, f.supervision, "
		"(SELECT count(*) FROM risk r WHERE r.step = f.gid AND r.deleted = 0 AND r.retired = 0) "
		"FROM flow_step f WHERE f.power = ?1 AND f.deleted = 0 AND "
		"(?2 = 0 OR (f.seq, f.id) > (SELECT seq, id FROM flow_step WHERE id = ?2)) ORDER BY f.seq, f.id LIMIT ?3";
	sqlite3_stmt *st;
	long long after;
	int limit = lf_page_limit(pg);
	lf_status s = power_read(db, power);

	memset(out, 0, sizeof *out);
	pg->next[0] = 0;
	if (s || (s = lf_key_parse(db, pg->after, &after, 1)) || (s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, power, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	LF_PAGE_LOOP(db, s, st, out, limit, pg, step_row, id);
	sqlite3_finalize(st);
	return s;
}

void lf_step_list_free(struct lf_step_list *l)
{
	lf_arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ the chart */

struct pen {
	const char *h, *v, *tl, *tr, *bl, *br, *tee, *arrow; /* a box's strokes */
};

static const struct pen box_plain = { "─", "│", "┌", "┐", "└", "┘", "┬", "▼" };
static const struct pen box_risk = { "═", "║", "╔", "╗", "╚", "╝", "╤", "▼" };
static const struct pen ascii_plain = { "-", "|", "+", "+", "+", "+", "+", "v" };
static const struct pen ascii_risk = { "=", "#", "#", "#", "#", "#", "#", "v" };

static void repeat(struct lf_buf *b, const char *s, int n)
{
	while (n-- > 0)
		lf_buf_adds(b, s);
}

/* A border line: left corner, strokes, optional tee in the middle, right corner. */
static void border(struct lf_lines *out, int item, int mark, const struct pen *p, int inner, int top, int tee)
{
	struct lf_buf b;
	int half = inner / 2;

	lf_buf_init(&b);
	lf_buf_adds(&b, top ? p->tl : p->bl);
	if (tee) {
		repeat(&b, p->h, half);
		lf_buf_adds(&b, p->tee);
		repeat(&b, p->h, inner - half - 1);
	} else {
		repeat(&b, p->h, inner);
	}
	lf_buf_adds(&b, top ? p->tr : p->br);
	lf_lines_add(out, item, mark, b.s);
	lf_buf_free(&b);
}

/* One paragraph (no newline) wrapped into the box, a line per piece that fits. */
static void box_paragraph(struct lf_lines *out, int item, int mark, const struct pen *p, int inner, const char *s)
{
	int room = inner - 2;

	do {
		size_t n = lf_text_fit(s, room);
		struct lf_buf b;
		char *piece;

		if (n == 0 && *s) { /* a character wider than the box: take it anyway */
			unsigned cp;
			int len = lf_utf8_decode(s, strlen(s), &cp);

			n = len > 0 ? (size_t)len : 1;
		}
		piece = lf_strndup(s, n);
		lf_buf_init(&b);
		lf_buf_addf(&b, "%s %s", p->v, piece);
		repeat(&b, " ", room - lf_text_width(piece));
		lf_buf_addf(&b, " %s", p->v);
		lf_lines_add(out, item, mark, b.s);
		lf_buf_free(&b);
		lf_free(piece);
		s += n;
	} while (*s);
}

/* Text wrapped into the box; its own line breaks start new lines, tabs are spaces. */
static void box_text(struct lf_lines *out, int item, int mark, const struct pen *p, int inner, const char *text)
{
	char *copy = lf_strdup(text), *line = copy, *nl, *t;

	for (t = copy; *t; t++)
		if (*t == '\t' || *t == '\r')
			*t = ' ';
	do {
		if ((nl = strchr(line, '\n')))
			*nl = 0;
		box_paragraph(out, item, mark, p, inner, line);
		line = nl ? nl + 1 : NULL;
	} while (line);
	lf_free(copy);
}

static void arrow(struct lf_lines *out, const struct pen *p, int inner)
{
	struct lf_buf b;

	lf_buf_init(&b);
	repeat(&b, " ", inner / 2 + 1);
	lf_buf_adds(&b, p->arrow);
	lf_lines_add(out, 0, 0, b.s);
	lf_buf_free(&b);
}

struct chart_risk {
	const char *gid, *desc;
	int level;
};

/* Risk points linked to a step, for its box: those the user may read, and
 * how many others there are. */
static lf_status step_risks(struct lf_db *db, const char *step, const char *cycle, const struct lf_scheme *sc,
                            const struct lf_perm_reach *reach, struct lf_lines *out, int seq, const struct pen *p,
                            int inner)
{
	static const char sql[] =
		"SELECT r.gid, r.description, ifnull(r.level, r.level_proposed) FROM risk r LEFT JOIN post p ON p.gid = r.post "
		"WHERE r.step = ?1 AND r.deleted = 0 AND r.retired = 0 AND (?2 IS NULL OR r.cycle = ?2) AND "
		LF_REACH_SQL("p.dept", "r.post") " ORDER BY r.seq, r.id LIMIT 20";
	static const char hidden_sql[] =
		"SELECT count(*) FROM risk r LEFT JOIN post p ON p.gid = r.post WHERE r.step = ?1 AND r.deleted = 0 "
		"AND r.retired = 0 AND (?2 IS NULL OR r.cycle = ?2) AND NOT ifnull(" LF_REACH_SQL("p.dept", "r.post") ", 0)";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc, any = 0, hidden = 0;

	if (s)
		return s;
	lf_perm_reach_bind(st, reach);
	sqlite3_bind_text(st, 1, step, -1, SQLITE_STATIC);
	if (cycle)
		sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = lf_scheme_level_name(sc, sqlite3_column_int(st, 2));
		char *line = lf_printf("风险点 %.8s（%s）：%s", (const char *)sqlite3_column_text(st, 0), *name ? name : "未评级",
		                       (const char *)sqlite3_column_text(st, 1));

		box_text(out, seq, 1, p, inner, line);
		lf_free(line);
		any = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "读取风险点失败");
	if ((s = lf_prepare(db, hidden_sql, &st)))
		return s;
	lf_perm_reach_bind(st, reach);
	sqlite3_bind_text(st, 1, step, -1, SQLITE_STATIC);
	if (cycle)
		sqlite3_bind_text(st, 2, cycle, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		hidden = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return lf_sqlfail(db, rc, "读取风险点失败");
	if (hidden) {
		char *line = lf_printf("（另有 %d 个风险点在你的查看范围之外）", hidden);

		box_text(out, seq, 1, p, inner, line);
		lf_free(line);
	} else if (!any) {
		box_text(out, seq, 1, p, inner, "（尚未关联风险点）");
	}
	return LF_OK;
}

static void add_field(struct lf_buf *b, const char *label, const char *v)
{
	if (v && *v)
		lf_buf_addf(b, "%s%s：%s", b->len ? "  " : "", label, v);
}

lf_status lf_flow_chart(struct lf_db *db, const char *power, const char *cycle, int ascii, int width,
                        struct lf_lines *out)
{
	struct lf_step_list steps;
	struct lf_perm_reach reach;
	struct lf_page pg;
	struct lf_scheme sc;
	struct lf_rec *w = lf_rec_new(lf_kind_find("power"));
	int inner, i;
	lf_status s;

	memset(out, 0, sizeof *out);
	memset(&reach, 0, sizeof reach);
	if (width < 40)
		width = 40;
	if (width > 200)
		width = 200;
	inner = width - 2;
	lf_page_init(&pg, LF_STEPS_MAX);
	s = lf_step_list(db, power, &pg, &steps); /* checks the power and LF_ACT_READ */
	if (s == LF_OK)
		s = lf_perm_reach(db, LF_ACT_READ, &reach);
	if (s == LF_OK)
		s = lf_rec_load(db, w->kind, power, w);
	if (s == LF_OK && (s = lf_scheme_load(db, &sc)) == LF_OK) {
		struct lf_buf b;

		lf_lines_addf(out, 0, 0, "职权：%s（%s权）", lf_rec_text(w, "name"), lf_rec_text(w, "kind"));
		lf_buf_init(&b);
		add_field(&b, "行使主体", lf_rec_text(w, "holder"));
		add_field(&b, "业务领域", lf_rec_text(w, "area"));
		if (b.len)
			lf_lines_add(out, 0, 0, b.s);
		lf_buf_reset(&b);
		add_field(&b, "法律依据", lf_rec_text(w, "basis"));
		if (b.len)
			lf_lines_add(out, 0, 0, b.s);
		if (!steps.n)
			lf_lines_add(out, 0, 0, "（还没有流程环节）");
		for (i = 0; i < steps.n && s == LF_OK; i++) {
			const struct lf_step *f = &steps.v[i];
			const struct pen *p = f->risky ? (ascii ? &ascii_risk : &box_risk) : (ascii ? &ascii_plain : &box_plain);
			char *head;

			border(out, f->seq, f->risky, p, inner, 1, 0);
			head = lf_printf("%d. %s%s", f->seq, f->actor ? f->actor : "", f->risky ? "  【风险环节】" : "");
			box_text(out, f->seq, f->risky, p, inner, head);
			lf_free(head);
			box_text(out, f->seq, f->risky, p, inner, f->action);
			lf_buf_reset(&b);
			add_field(&b, "条件", f->condition);
			add_field(&b, "时限", f->time_limit);
			add_field(&b, "监督", f->supervision);
			if (b.len)
				box_text(out, f->seq, f->risky, p, inner, b.s);
			if (f->risky)
				s = step_risks(db, f->gid, cycle, &sc, &reach, out, f->seq, p, inner);
			border(out, f->seq, f->risky, p, inner, 0, i + 1 < steps.n);
			if (i + 1 < steps.n)
				arrow(out, p, inner);
		}
		lf_buf_free(&b);
		lf_scheme_free(&sc);
	}
	lf_rec_free(w);
	lf_step_list_free(&steps);
	lf_perm_reach_clear(&reach);
	if (s)
		lf_lines_free(out);
	return s;
}
