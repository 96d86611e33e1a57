/* grade: the grading scheme in `setting` records, and a risk's level
 * (include/lianfang/grade.h). The matrix proposes; the leadership decides. */
#include "lianfang/grade.h"
#include "lianfang/input.h"
#include "lianfang/perm.h"
#include "lianfang/rec.h"
#include "lianfang/risk.h"
#include "lianfang/util.h"

#include <stdlib.h>
#include <string.h>

static const char default_levels[] = "低|中|高";
static const char default_matrix[] = "1,1,2;1,2,3;2,3,3";
static const char *const default_prob[] = { "", "", "", "低|中|高", "低|较低|较高|高", "很低|低|中|高|很高" };
static const char *const default_severity[] = { "", "", "", "轻微|较重|严重", "轻微|一般|较重|严重",
                                                "很轻|轻微|一般|较重|严重" };
static const char default_categories[] =
	"行政审批|行政执法|干部队伍管理|财务、资产管理|民主决策|重点项目|重大活动|采购|政策资金|其他";
static const char default_sources[] = "权力行使|制度机制|监督制约|思想道德|外部环境";
static const char default_found_by[] = "个人自查|部门评查|交叉互查|群众评议|专家咨询|案例分析|组织审定";

/* ------------------------------------------------------------------ settings */

static lf_status setting_get(struct lf_db *db, const char *unit, const char *key, char **value)
{
	static const char sql[] = "SELECT value FROM setting WHERE owner = ?1 AND key = ?2 AND deleted = 0";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	*value = NULL;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, unit ? unit : db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = lf_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "读取分级设置失败");
}

/* The next separator of a list at or after p ("|", ",", "，" or a new line);
 * its length in *len. NULL if none. */
static const char *next_sep(const char *p, size_t *len)
{
	for (; *p; p++) {
		if (*p == '|' || *p == ',' || *p == '\n') {
			*len = 1;
			return p;
		}
		if (!strncmp(p, "\xef\xbc\x8c", 3)) { /* U+FF0C fullwidth comma */
			*len = 3;
			return p;
		}
	}
	return NULL;
}

/* Split a list into trimmed, non-empty items ("、" is part of names such as
 * 财务、资产管理, so it never separates). Returns the count; out ends with NULL. */
static int split_list(const char *value, char **out, int max)
{
	const char *p = value;
	int n = 0;

	while (n < max) {
		size_t seplen = 0;
		const char *sep = next_sep(p, &seplen);
		size_t len = sep ? (size_t)(sep - p) : strlen(p);
		char *raw = lf_strndup(p, len), *item = lf_input_trim(raw);

		lf_free(raw);
		if (*item)
			out[n++] = item;
		else
			lf_free(item);
		if (!sep)
			break;
		p = sep + seplen;
	}
	out[n] = NULL;
	return n;
}

static void free_list(char **list)
{
	for (; *list; list++) {
		lf_free(*list);
		*list = NULL;
	}
}

static int count_items(const char *value)
{
	char *items[LF_LIST_MAX + 2];
	int n = split_list(value, items, LF_LIST_MAX + 1);

	free_list(items);
	return n;
}

/* Parse matrix rows "1,1,2;1,2,3;2,3,3" (rows by probability). Returns the
 * size, or 0 with msg set. */
static int parse_matrix(const char *v, unsigned char m[LF_MATRIX_MAX][LF_MATRIX_MAX], char *msg, size_t msglen)
{
	int rows = 0, cols = -1, c = 0;
	const char *p;

	for (p = v;; p++) {
		if (*p >= '1' && *p <= '3') {
			if (rows >= LF_MATRIX_MAX || c >= LF_MATRIX_MAX) {
				snprintf(msg, msglen, "矩阵最大为 %d×%d。", LF_MATRIX_MAX, LF_MATRIX_MAX);
				return 0;
			}
			m[rows][c++] = (unsigned char)(*p - '0');
			if (p[1] >= '0' && p[1] <= '9') {
				snprintf(msg, msglen, "矩阵的每一格应为 1、2 或 3（1 低，3 高）。");
				return 0;
			}
		} else if (*p == ',' || *p == ' ') {
			continue;
		} else if (*p == ';' || *p == '/' || *p == '\n' || !*p) {
			if (c) {
				if (cols >= 0 && c != cols) {
					snprintf(msg, msglen, "矩阵第 %d 行有 %d 格，第 1 行有 %d 格。", rows + 1, c, cols);
					return 0;
				}
				cols = c;
				rows++;
				c = 0;
			}
			if (!*p)
				break;
		} else {
			snprintf(msg, msglen, "矩阵的每一格应为 1、2 或 3（1 低，3 高），行之间用“;”分开。");
			return 0;
		}
	}
	if (rows != cols || rows < LF_MATRIX_MIN) {
		snprintf(msg, msglen, "矩阵应为 3×3 到 5×5 的方阵（每行一个发生概率，每列一个危害程度），现为 %d 行 %d 列。",
		         rows, cols < 0 ? 0 : cols);
		return 0;
	}
	for (int i = 0; i < rows; i++)
		for (int j = 0; j < rows; j++)
			if ((i && m[i][j] < m[i - 1][j]) || (j && m[i][j] < m[i][j - 1])) {
				snprintf(msg, msglen, "矩阵第 %d 行第 %d 列比它左边或上边的格低：概率或危害程度越高，等级不应越低。",
				         i + 1, j + 1);
				return 0;
			}
	return rows;
}

static void copy_names(char names[][LF_LABEL_MAX], int from, const char *value, int want)
{
	char *items[LF_LIST_MAX + 2];
	int n = split_list(value, items, LF_LIST_MAX + 1), i;

	for (i = 0; i < want; i++)
		snprintf(names[from + i], LF_LABEL_MAX, "%s", i < n ? items[i] : "");
	free_list(items);
}

static lf_status load_list(struct lf_db *db, const char *unit, const char *key, const char *def, char **out)
{
	char *v;
	lf_status s = setting_get(db, unit, key, &v);

	if (s)
		return s;
	split_list(v ? v : def, out, LF_LIST_MAX);
	lf_free(v);
	return LF_OK;
}

static lf_status scheme_load(struct lf_db *db, const char *unit, struct lf_scheme *sc)
{
	char *v = NULL, msg[256];
	lf_status s;

	memset(sc, 0, sizeof *sc);
	if ((s = setting_get(db, unit, LF_SET_LEVELS, &v)))
		return s;
	copy_names(sc->level, 1, v ? v : default_levels, 3);
	lf_free(v);
	if ((s = setting_get(db, unit, LF_SET_MATRIX, &v)))
		return s;
	sc->size = parse_matrix(v ? v : default_matrix, sc->matrix, msg, sizeof msg);
	if (!sc->size)
		sc->size = parse_matrix(default_matrix, sc->matrix, msg, sizeof msg);
	lf_free(v);
	if ((s = setting_get(db, unit, LF_SET_PROB, &v)))
		return s;
	copy_names(sc->prob, 1, v && count_items(v) == sc->size ? v : default_prob[sc->size], sc->size);
	lf_free(v);
	if ((s = setting_get(db, unit, LF_SET_SEVERITY, &v)))
		return s;
	copy_names(sc->severity, 1, v && count_items(v) == sc->size ? v : default_severity[sc->size], sc->size);
	lf_free(v);
	if ((s = load_list(db, unit, LF_SET_CATEGORIES, default_categories, sc->categories)) ||
	    (s = load_list(db, unit, LF_SET_SOURCES, default_sources, sc->sources)) ||
	    (s = load_list(db, unit, LF_SET_FOUND_BY, default_found_by, sc->found_by)))
		return s;
	return LF_OK;
}

lf_status lf_scheme_load(struct lf_db *db, struct lf_scheme *sc)
{
	return lf_scheme_load_unit(db, NULL, sc);
}

lf_status lf_scheme_load_unit(struct lf_db *db, const char *unit, struct lf_scheme *sc)
{
	lf_status s = lf_perm_check(db, LF_ACT_READ_PUBLIC, NULL);

	memset(sc, 0, sizeof *sc);
	if (s == LF_OK)
		s = scheme_load(db, unit, sc);
	if (s)
		lf_scheme_free(sc);
	return s;
}

void lf_scheme_free(struct lf_scheme *sc)
{
	free_list(sc->categories);
	free_list(sc->sources);
	free_list(sc->found_by);
}

int lf_scheme_propose(const struct lf_scheme *sc, int p, int sev)
{
	if (p < 1 || p > sc->size || sev < 1 || sev > sc->size)
		return 0;
	return sc->matrix[p - 1][sev - 1];
}

const char *lf_scheme_level_name(const struct lf_scheme *sc, int level)
{
	return level >= 1 && level <= 3 ? sc->level[level] : "";
}

lf_status lf_scheme_level_parse(struct lf_db *db, const struct lf_scheme *sc, const char *text, int *level)
{
	char *t = lf_input_trim(text);
	int i;

	*level = 0;
	for (i = 1; i <= 3; i++)
		if (!strcmp(t, sc->level[i]))
			*level = i;
	lf_free(t);
	if (*level)
		return LF_OK;
	return lf_fail(db, LF_INVALID, "风险等级应为 %s、%s、%s 之一（由低到高），而不是“%s”。", sc->level[1], sc->level[2],
	               sc->level[3], text);
}

int lf_scheme_has(char *const *list, const char *value)
{
	for (; *list; list++)
		if (!strcmp(*list, value))
			return 1;
	return 0;
}

int lf_grade_propose(struct lf_db *db, int p, int s)
{
	struct lf_scheme sc;
	int level = 0;

	if (scheme_load(db, NULL, &sc) == LF_OK)
		level = lf_scheme_propose(&sc, p, s);
	lf_scheme_free(&sc);
	return level;
}

/* ------------------------------------------------------------------ changing the scheme */

static lf_status put_setting(struct lf_db *db, const char *key, const char *value)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("setting"));
	lf_status s;

	lf_rec_set_text(r, "key", key);
	lf_rec_set_text(r, "value", value);
	s = lf_rec_put(db, r);
	lf_rec_free(r);
	return s;
}

/* The list re-joined with "|" after checking its items. */
static lf_status normalise_list(struct lf_db *db, const char *what, const char *value, int exact, char **out)
{
	char *items[LF_LIST_MAX + 2];
	int n = split_list(value, items, LF_LIST_MAX + 1), i, j;
	struct lf_buf b;
	lf_status s = LF_OK;

	*out = NULL;
	if (n == 0)
		s = lf_fail(db, LF_INVALID, "“%s”不能为空。", what);
	else if (n > LF_LIST_MAX)
		s = lf_fail(db, LF_INVALID, "“%s”最多 %d 项。", what, LF_LIST_MAX);
	else if (exact && n != exact)
		s = lf_fail(db, LF_INVALID, "“%s”应有 %d 项，现有 %d 项。", what, exact, n);
	for (i = 0; i < n && s == LF_OK; i++) {
		if (strlen(items[i]) >= LF_LABEL_MAX || lf_utf8_chars(items[i]) > 50)
			s = lf_fail(db, LF_INVALID, "“%s”中的“%s”太长。", what, items[i]);
		else if (lf_has_control(items[i]))
			s = lf_fail(db, LF_INVALID, "“%s”含有控制字符。", what);
		for (j = 0; j < i && s == LF_OK; j++)
			if (!strcmp(items[i], items[j]))
				s = lf_fail(db, LF_INVALID, "“%s”中“%s”重复。", what, items[i]);
	}
	lf_buf_init(&b);
	for (i = 0; i < n; i++)
		lf_buf_addf(&b, "%s%s", i ? "|" : "", items[i]);
	free_list(items);
	if (s == LF_OK)
		*out = lf_buf_steal(&b);
	lf_buf_free(&b);
	return s;
}

static lf_status set_matrix(struct lf_db *db, const char *value)
{
	unsigned char m[LF_MATRIX_MAX][LF_MATRIX_MAX];
	char msg[300];
	struct lf_buf b;
	int size = parse_matrix(value, m, msg, sizeof msg), used, i, j;
	lf_status s;

	if (!size)
		return lf_fail(db, LF_INVALID, "分级矩阵有误：%s", msg);
	if ((s = lf_risk_max_score(db, &used)))
		return s;
	if (used > size)
		return lf_fail(db, LF_INVALID, "已有风险点的发生概率或危害程度评为 %d 分，矩阵不能小于 %d×%d。", used, used,
		               used);
	lf_buf_init(&b);
	for (i = 0; i < size; i++)
		for (j = 0; j < size; j++)
			lf_buf_addf(&b, "%s%d", j ? "," : i ? ";" : "", m[i][j]);
	s = put_setting(db, LF_SET_MATRIX, b.s);
	lf_buf_free(&b);
	return s;
}

static lf_status scheme_set(struct lf_db *db, const char *key, const char *value)
{
	struct lf_scheme sc;
	char *norm = NULL;
	lf_status s;

	if (!strcmp(key, LF_SET_MATRIX))
		return set_matrix(db, value);
	if ((s = scheme_load(db, NULL, &sc)))
		return s;
	if (!strcmp(key, LF_SET_LEVELS))
		s = normalise_list(db, "风险等级名称", value, 3, &norm);
	else if (!strcmp(key, LF_SET_PROB))
		s = normalise_list(db, "发生概率的名称", value, sc.size, &norm);
	else if (!strcmp(key, LF_SET_SEVERITY))
		s = normalise_list(db, "危害程度的名称", value, sc.size, &norm);
	else if (!strcmp(key, LF_SET_CATEGORIES))
		s = normalise_list(db, "风险类别", value, 0, &norm);
	else if (!strcmp(key, LF_SET_SOURCES))
		s = normalise_list(db, "风险来源", value, 0, &norm);
	else if (!strcmp(key, LF_SET_FOUND_BY))
		s = normalise_list(db, "查找方式", value, 0, &norm);
	else
		s = lf_fail(db, LF_INVALID, "没有“%s”这个分级设置。", key);
	lf_scheme_free(&sc);
	if (s == LF_OK)
		s = put_setting(db, key, norm);
	lf_free(norm);
	return s;
}

lf_status lf_scheme_set(struct lf_db *db, const char *key, const char *value)
{
	lf_status s = lf_tx_begin(db);

	if (s)
		return s;
	s = lf_perm_check(db, LF_ACT_SETTINGS, NULL);
	if (s == LF_OK)
		s = scheme_set(db, key, value ? value : "");
	return lf_tx_end(db, s);
}

lf_status lf_scheme_preset(struct lf_db *db, const char *preset)
{
	static const struct {
		const char *name, *levels;
	} presets[] = {
		{ "高中低", "低|中|高" },
		{ "一级最低", "一级|二级|三级" },
		{ "一级最高", "三级|二级|一级" },
	};
	size_t i;

	for (i = 0; i < LF_COUNT(presets); i++)
		if (!strcmp(preset, presets[i].name))
			return lf_scheme_set(db, LF_SET_LEVELS, presets[i].levels);
	return lf_fail(db, LF_INVALID, "没有“%s”这种等级名称方案；可选：高中低、一级最低（一级最低，三级最高）、"
	               "一级最高（一级最高，三级最低）。", preset);
}

lf_status lf_scheme_reset(struct lf_db *db, const char *key)
{
	char gid[LF_GID_LEN + 1], *k = lf_printf("%s/%s", db->unit, key);
	struct lf_rec *r = lf_rec_new(lf_kind_find("setting"));
	lf_status s = lf_tx_begin(db);

	lf_gid_for_key("setting", k, gid);
	lf_free(k);
	if (s == LF_OK) {
		s = lf_perm_check(db, LF_ACT_SETTINGS, NULL);
		if (s == LF_OK && lf_rec_load(db, lf_kind_find("setting"), gid, r) == LF_OK && !r->deleted)
			s = lf_rec_delete(db, lf_kind_find("setting"), gid);
		s = lf_tx_end(db, s);
	}
	lf_rec_free(r);
	return s;
}

/* ------------------------------------------------------------------ a risk's level */

static lf_status scope_of_risk(struct lf_db *db, struct lf_rec *risk, struct lf_scope *scope, char dept[LF_GID_LEN + 1])
{
	struct lf_rec *post = lf_rec_new(lf_kind_find("post"));
	const char *pg = lf_rec_text(risk, "post");
	lf_status s = LF_OK;

	dept[0] = 0;
	if (pg && (s = lf_rec_load(db, post->kind, pg, post)) == LF_OK)
		snprintf(dept, LF_GID_LEN + 1, "%s", lf_rec_text(post, "dept"));
	lf_rec_free(post);
	scope->dept = dept[0] ? dept : NULL;
	scope->post = pg;
	return s;
}

static lf_status set_level(struct lf_db *db, struct lf_rec *r, const char *level_text, const char *reason)
{
	struct lf_scheme sc;
	char dept[LF_GID_LEN + 1], *why = lf_input_trim(reason ? reason : "");
	struct lf_scope scope = { .dept = NULL };
	int level = 0, proposed = (int)lf_rec_int(r, "level_proposed");
	lf_status s = scope_of_risk(db, r, &scope, dept);

	if (s == LF_OK)
		s = lf_perm_check(db, LF_ACT_LEVEL_SET, &scope);
	if (s == LF_OK && (s = scheme_load(db, NULL, &sc)) == LF_OK) {
		char *t = lf_input_trim(level_text);

		if (*t)
			s = lf_scheme_level_parse(db, &sc, t, &level);
		else if (!proposed)
			s = lf_fail(db, LF_INVALID, "这个风险点还没有建议等级（未评发生概率和危害程度），请给出风险等级。");
		else
			level = proposed;
		if (s == LF_OK && level != proposed && proposed && !*why)
			s = lf_fail(db, LF_INVALID, "审定等级“%s”与矩阵建议的“%s”不同，须写明调整理由。",
			            lf_scheme_level_name(&sc, level), lf_scheme_level_name(&sc, proposed));
		lf_free(t);
		lf_scheme_free(&sc);
	}
	if (s == LF_OK && r->deleted)
		s = lf_fail(db, LF_STATE, "这个风险点已删除。");
	if (s == LF_OK) {
		/* level_reason set ⇔ the level is the leadership's, not the matrix's:
		 * a level equal to the proposal follows the matrix again. */
		lf_rec_set_int(r, "level", level);
		if (level == proposed)
			lf_rec_set_null(r, "level_reason");
		else
			lf_rec_set_text(r, "level_reason", *why ? why : "未评发生概率和危害程度，由领导小组直接审定。");
		if ((s = lf_rec_validate(db, r)) == LF_OK)
			s = lf_rec_put(db, r);
	}
	lf_free(why);
	return s;
}

lf_status lf_grade_set_level(struct lf_db *db, const char *risk, const char *level, const char *reason)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("risk"));
	lf_status s = lf_tx_begin(db);

	if (s) {
		lf_rec_free(r);
		return s;
	}
	s = lf_rec_load(db, r->kind, risk, r);
	if (s == LF_OK)
		s = set_level(db, r, level ? level : "", reason);
	lf_rec_free(r);
	return lf_tx_end(db, s);
}
