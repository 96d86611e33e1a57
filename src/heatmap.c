/* heatmap: risk counts by probability and severity (include/lianfang/heatmap.h).
 * Read-only, over the risk table joined to posts for the department. */
#include "lianfang/heatmap.h"
#include "lianfang/perm.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

lf_status lf_heatmap_get(struct lf_db *db, const struct lf_summary_filter *f, struct lf_heatmap *h)
{
	static const char sql[] =
		"SELECT ifnull(r.probability, 0), ifnull(r.severity, 0), ifnull(r.level, 0), "
		"ifnull(r.level, 0) <> ifnull(r.level_proposed, 0) AND r.level_proposed IS NOT NULL, count(*) "
		"FROM risk r JOIN post p ON p.gid = r.post LEFT JOIN selfcheck s ON s.gid = r.selfcheck "
		"WHERE r.cycle = ?1 AND r.deleted = 0 AND (?2 OR r.retired = 0) AND (?3 IS NULL OR p.dept = ?3) "
		"AND (?4 = 0 OR ifnull(r.level, r.level_proposed) = ?4) AND (?5 IS NULL OR r.category = ?5) "
		"AND (?6 IS NULL OR s.status = ?6) AND " LF_REACH_SQL("p.dept", "p.gid") " GROUP BY 1, 2, 3, 4";
	struct lf_perm_reach reach;
	struct lf_scheme sc;
	sqlite3_stmt *st;
	lf_status s;
	int rc, p, sv;

	memset(h, 0, sizeof *h);
	if (!f->cycle)
		return lf_fail(db, LF_INVALID, "没有指明年度。");
	if ((s = lf_perm_reach_in(db, LF_ACT_READ, f->dept, &reach)) || (s = lf_scheme_load(db, &sc))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	h->size = sc.size;
	for (p = 1; p <= sc.size; p++)
		for (sv = 1; sv <= sc.size; sv++)
			h->level[p][sv] = lf_scheme_propose(&sc, p, sv);
	lf_scheme_free(&sc);
	if ((s = lf_prepare(db, sql, &st))) {
		lf_perm_reach_clear(&reach);
		return s;
	}
	lf_perm_reach_bind(st, &reach);
	lf_perm_reach_clear(&reach);
	sqlite3_bind_text(st, 1, f->cycle, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, f->with_retired);
	if (f->dept)
		sqlite3_bind_text(st, 3, f->dept, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, f->level);
	if (f->category)
		sqlite3_bind_text(st, 5, f->category, -1, SQLITE_STATIC);
	if (f->status)
		sqlite3_bind_text(st, 6, f->status, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int pr = sqlite3_column_int(st, 0), se = sqlite3_column_int(st, 1), lv = sqlite3_column_int(st, 2);
		int n = sqlite3_column_int(st, 4);

		if (pr >= 1 && pr <= h->size && se >= 1 && se <= h->size)
			h->count[pr][se] += n;
		else
			h->unscored += n;
		h->by_level[lv >= 1 && lv <= 3 ? lv : 0] += n;
		if (sqlite3_column_int(st, 3))
			h->overridden += n;
		h->total += n;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取风险分布失败");
}

/* Append text padded with spaces to `cols` display columns. */
static void pad(struct lf_buf *b, const char *text, int cols)
{
	int w = lf_text_width(text);

	lf_buf_adds(b, text);
	while (w++ < cols)
		lf_buf_addc(b, ' ');
}

void lf_heatmap_lines(const struct lf_heatmap *h, const struct lf_scheme *sc, struct lf_lines *out)
{
	struct lf_buf b;
	int p, s, lw = 12, cw = 12;

	lf_buf_init(&b);
	for (p = 1; p <= h->size; p++)
		if (lf_text_width(sc->prob[p]) + 2 > lw)
			lw = lf_text_width(sc->prob[p]) + 2;
	for (s = 1; s <= h->size; s++)
		if (lf_text_width(sc->severity[s]) + 2 > cw)
			cw = lf_text_width(sc->severity[s]) + 2;
	pad(&b, "概率＼危害", lw);
	for (s = 1; s <= h->size; s++)
		pad(&b, sc->severity[s], cw);
	lf_lines_add(out, 0, 0, b.s);
	for (p = h->size; p >= 1; p--) {
		lf_buf_reset(&b);
		pad(&b, sc->prob[p], lw);
		for (s = 1; s <= h->size; s++) {
			char cell[96];

			snprintf(cell, sizeof cell, "%3d %s", h->count[p][s], lf_scheme_level_name(sc, h->level[p][s]));
			pad(&b, cell, cw);
		}
		lf_lines_add(out, p, 0, b.s);
	}
	lf_buf_reset(&b);
	lf_buf_addf(&b, "合计 %d 个风险点：", h->total);
	for (p = 3; p >= 1; p--)
		lf_buf_addf(&b, "%s %d%s", lf_scheme_level_name(sc, p), h->by_level[p], p > 1 ? "，" : "");
	if (h->by_level[0])
		lf_buf_addf(&b, "，未评级 %d", h->by_level[0]);
	lf_buf_adds(&b, "（按审定等级）");
	lf_lines_add(out, 0, 0, b.s);
	if (h->unscored || h->overridden) {
		lf_buf_reset(&b);
		if (h->unscored)
			lf_buf_addf(&b, "未评发生概率或危害程度 %d 个", h->unscored);
		if (h->overridden)
			lf_buf_addf(&b, "%s领导审定等级与矩阵建议不同 %d 个", h->unscored ? "；" : "", h->overridden);
		lf_lines_add(out, 0, 0, b.s);
	}
	lf_buf_free(&b);
}
