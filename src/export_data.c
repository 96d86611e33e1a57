/* export_data: the data sources of the official tables
 * (include/lianfang/export_data.h).
 *
 * Every source runs one main query, stepped one record at a time, and turns
 * each record into one or more rows of text cells; a change of the record's
 * "document key" (the department, the person, the self-check) starts a new
 * document. Detail lists (a risk's measures, a power's flow) come from small
 * prepared statements run per record. The SQL here is temporary: when the
 * phase-2 model has the same queries (src/summary.c, src/risk.c, …), the
 * fill functions below call it instead. */
#include "lianfang/export_data.h"
#include "lianfang/perm.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ columns */

/* Every source built on risk points offers the same columns; a form shows
 * the ones it names. */
static const char *const risk_cols[] = {
	"seq", "dept", "post", "person", "duties", "power", "risk", "category", "source", "found_by",
	"probability", "severity", "level_proposed", "level", "level_reason", "measures", "remarks",
	"responsible", "supervisor", NULL,
};
enum {
	RC_SEQ, RC_DEPT, RC_POST, RC_PERSON, RC_DUTIES, RC_POWER, RC_RISK, RC_CATEGORY, RC_SOURCE,
	RC_FOUND_BY, RC_PROBABILITY, RC_SEVERITY, RC_LEVEL_PROPOSED, RC_LEVEL, RC_LEVEL_REASON,
	RC_MEASURES, RC_REMARKS, RC_RESPONSIBLE, RC_SUPERVISOR, RC_N
};

static const char *const selfcheck_cols[] = { "item", "no", "content", NULL };
enum { SC_ITEM, SC_NO, SC_CONTENT, SC_N };

static const char *const power_cols[] = {
	"seq", "dept", "post", "power", "kind", "area", "content", "basis", "holder", "flow",
	"risk", "level", "measures", NULL,
};
enum {
	PC_SEQ, PC_DEPT, PC_POST, PC_POWER, PC_KIND, PC_AREA, PC_CONTENT, PC_BASIS, PC_HOLDER, PC_FLOW,
	PC_RISK, PC_LEVEL, PC_MEASURES, PC_N
};

/* The {placeholders} every source knows; opinion., signer. and signed. take
 * a role after the dot (处室负责人, 分管领导, 主要领导, 纪检组). */
static const char *const common_keys[] = {
	"unit", "unit_code", "dept", "person", "post", "date", "year", "cycle", "filled", "blank", "blank_date", NULL,
};
static const char *const role_prefixes[] = { "opinion.", "signer.", "signed.", NULL };

/* ------------------------------------------------------------------ SQL */

#define RISK_FROM                                                                        \
	"FROM risk r "                                                                        \
	"LEFT JOIN selfcheck sc ON sc.gid = r.selfcheck "                                     \
	"LEFT JOIN post p ON p.gid = coalesce(r.post, sc.post) "                              \
	"LEFT JOIN dept d ON d.gid = p.dept "                                                 \
	"LEFT JOIN person pe ON pe.gid = coalesce(r.person, sc.person) "                      \
	"LEFT JOIN power pw ON pw.gid = r.power "                                             \
	"WHERE r.owner = ?1 AND r.cycle = ?2 AND r.deleted = 0 AND r.retired = 0 "            \
	"AND (?3 IS NULL OR d.gid = ?3) AND (?4 IS NULL OR pe.name = ?4) "

static const char risk_sql[] =
	"SELECT r.gid, d.gid, d.name, p.gid, p.name, p.duties, pe.gid, pe.name, pw.name, r.description, "
	"r.category, r.source, r.found_by, r.probability, r.severity, r.level_proposed, r.level, "
	"r.level_reason, r.remarks " RISK_FROM
	"ORDER BY coalesce(d.seq, 100000), d.name, d.gid, coalesce(p.seq, 100000), p.name, p.gid, "
	"pe.name, pe.gid, coalesce(r.seq, 100000), r.gid";
static const char risk_count_sql[] = "SELECT count(*) " RISK_FROM;

static const char measures_sql[] =
	"SELECT m.stage, m.content, re.name, su.name FROM measure m "
	"LEFT JOIN person re ON re.gid = m.responsible LEFT JOIN person su ON su.gid = m.supervisor "
	"WHERE m.risk = ?1 AND m.deleted = 0 ORDER BY coalesce(m.seq, 100000), m.gid";

#define SELFCHECK_FROM                                                                   \
	"FROM selfcheck sc JOIN post p ON p.gid = sc.post LEFT JOIN dept d ON d.gid = p.dept " \
	"JOIN person pe ON pe.gid = sc.person "                                               \
	"WHERE sc.owner = ?1 AND sc.cycle = ?2 AND sc.deleted = 0 "                           \
	"AND (?3 IS NULL OR d.gid = ?3) AND (?4 IS NULL OR pe.name = ?4) "

static const char selfcheck_sql[] =
	"SELECT sc.gid, d.gid, d.name, p.gid, p.name, coalesce(sc.duties, p.duties), pe.gid, pe.name, "
	"sc.filled " SELFCHECK_FROM
	"ORDER BY coalesce(d.seq, 100000), d.name, d.gid, coalesce(p.seq, 100000), p.name, p.gid, "
	"pe.name, sc.gid";
static const char selfcheck_count_sql[] = "SELECT count(*) " SELFCHECK_FROM;

static const char selfcheck_risks_sql[] =
	"SELECT gid, description FROM risk WHERE selfcheck = ?1 AND deleted = 0 AND retired = 0 "
	"ORDER BY coalesce(seq, 100000), gid";
static const char review_sql[] =
	"SELECT opinion, signer, signed FROM review WHERE selfcheck = ?1 AND step = ?2 AND deleted = 0 "
	"ORDER BY signed DESC, gid DESC LIMIT 1";

#define POWER_FROM                                                                       \
	"FROM power pw LEFT JOIN dept d ON d.gid = pw.dept LEFT JOIN post p ON p.gid = pw.post " \
	"LEFT JOIN risk r ON r.power = pw.gid AND r.deleted = 0 AND r.retired = 0 AND r.cycle IS ?2 " \
	"WHERE pw.owner = ?1 AND pw.deleted = 0 AND pw.retired = 0 AND (?3 IS NULL OR d.gid = ?3) "

static const char power_sql[] =
	"SELECT pw.gid, d.gid, d.name, p.gid, p.name, NULL, NULL, NULL, pw.name, r.description, "
	"pw.kind, pw.area, pw.content, pw.basis, pw.holder, r.level_proposed, r.level, r.gid "
	POWER_FROM
	"ORDER BY coalesce(d.seq, 100000), d.name, d.gid, coalesce(pw.seq, 100000), pw.name, pw.gid, "
	"coalesce(r.seq, 100000), r.gid";
static const char power_count_sql[] = "SELECT count(*) " POWER_FROM;

static const char flow_sql[] =
	"SELECT seq, actor, action, condition, time_limit, supervision, risky FROM flow_step "
	"WHERE power = ?1 AND deleted = 0 ORDER BY seq, gid";

static const char opinion_sql[] =
	"SELECT text, signer, signed FROM opinion WHERE owner = ?1 AND cycle = ?2 AND dept IS ?3 "
	"AND role = ?4 AND deleted = 0 ORDER BY signed DESC, gid DESC LIMIT 1";

static const char cycle_by_year_sql[] =
	"SELECT gid, year FROM cycle WHERE owner = ?1 AND year = ?2 AND deleted = 0";
static const char cycle_latest_sql[] =
	"SELECT gid, year FROM cycle WHERE owner = ?1 AND deleted = 0 ORDER BY year DESC LIMIT 1";
static const char cycle_years_sql[] =
	"SELECT year FROM cycle WHERE owner = ?1 AND deleted = 0 ORDER BY year";
static const char dept_by_name_sql[] =
	"SELECT gid FROM dept WHERE owner = ?1 AND name = ?2 AND deleted = 0 ORDER BY retired, gid LIMIT 1";
static const char dept_names_sql[] =
	"SELECT name FROM dept WHERE owner = ?1 AND deleted = 0 AND retired = 0 "
	"ORDER BY coalesce(seq, 100000), name";
static const char person_exists_sql[] =
	"SELECT 1 FROM person WHERE owner = ?1 AND name = ?2 AND deleted = 0 LIMIT 1";
static const char setting_sql[] =
	"SELECT value FROM setting WHERE owner = ?1 AND key = ?2 AND deleted = 0 ORDER BY gid LIMIT 1";

/* Columns of the risk and power main queries (same positions for both). */
enum { Q_GID, Q_DEPT_GID, Q_DEPT, Q_POST_GID, Q_POST, Q_DUTIES, Q_PERSON_GID, Q_PERSON, Q_POWER, Q_RISK };
enum { QR_CATEGORY = 10, QR_SOURCE, QR_FOUND_BY, QR_PROBABILITY, QR_SEVERITY, QR_LEVEL_PROPOSED, QR_LEVEL,
       QR_LEVEL_REASON, QR_REMARKS };
enum { QP_KIND = 10, QP_AREA, QP_CONTENT, QP_BASIS, QP_HOLDER, QP_LEVEL_PROPOSED, QP_LEVEL, QP_RISK_GID };

/* ------------------------------------------------------------------ sources */

enum split { SPLIT_NONE, SPLIT_DEPT, SPLIT_PERSON, SPLIT_RECORD };

struct lf_xsrc;

struct source_def {
	const char *name;
	const char *const *columns;
	int ncols;
	const char *sql, *count_sql;
	enum split split;
	int needs_cycle;    /* a cycle must exist (powers do without) */
	int person_filter;  /* --person makes sense */
	lf_status (*fill)(struct lf_xsrc *s, int *more);
};

static lf_status fill_risk(struct lf_xsrc *s, int *more);
static lf_status fill_selfcheck(struct lf_xsrc *s, int *more);
static lf_status fill_power(struct lf_xsrc *s, int *more);

static const struct source_def defs[] = {
	{ "summary", risk_cols, RC_N, risk_sql, risk_count_sql, SPLIT_NONE, 1, 1, fill_risk },
	{ "register_unit", risk_cols, RC_N, risk_sql, risk_count_sql, SPLIT_NONE, 1, 1, fill_risk },
	{ "register_dept", risk_cols, RC_N, risk_sql, risk_count_sql, SPLIT_DEPT, 1, 1, fill_risk },
	{ "register_person", risk_cols, RC_N, risk_sql, risk_count_sql, SPLIT_PERSON, 1, 1, fill_risk },
	{ "risks", risk_cols, RC_N, risk_sql, risk_count_sql, SPLIT_NONE, 1, 1, fill_risk },
	{ "selfcheck", selfcheck_cols, SC_N, selfcheck_sql, selfcheck_count_sql, SPLIT_RECORD, 1, 1, fill_selfcheck },
	{ "powers", power_cols, PC_N, power_sql, power_count_sql, SPLIT_NONE, 0, 0, fill_power },
};

const char *const lf_xsrc_names[] = {
	"summary", "selfcheck", "register_unit", "register_dept", "register_person", "powers", "risks", NULL,
};

/* One document's {placeholder} values. */
struct doc {
	char dept_gid[LF_GID_LEN + 1];
	char *dept, *person, *post, *filled, *name;
};

struct lf_xsrc {
	struct lf_db *db;
	const struct source_def *def;
	char unit[LF_CODE_MAX + 1];
	char *unit_name;
	char cycle[LF_GID_LEN + 1];        /* "" when there is none (powers) */
	int year;
	char dept_gid[LF_GID_LEN + 1];     /* the filter's department, "" for all */
	char *dept_name, *person_filter;
	char today[11];
	char *levels[4];                   /* "", low, mid, high */
	char *columns;                     /* "a, b, c" */
	sqlite3_stmt *main, *measures, *flow, *risks, *review, *opinion;
	long total, done;
	int started, finished, docs;
	/* rows made from the last record, handed out one by one */
	char **queue;
	int qlen, qcap, qpos;
	char **row;                        /* the current row: a slice of queue */
	int pending_doc;                   /* the queued rows start a new document */
	char doc_key[2 * LF_GID_LEN + 2];
	struct doc doc, next_doc;
	/* powers: the power whose flow is cached, and its number */
	char power_gid[LF_GID_LEN + 1];
	char *flow_text;
	long power_seq;
	long seq;                          /* row number within the document */
	struct lf_buf tmp;
	char value[512];
};

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static void doc_clear(struct doc *d)
{
	lf_free(d->dept);
	lf_free(d->person);
	lf_free(d->post);
	lf_free(d->filled);
	lf_free(d->name);
	memset(d, 0, sizeof *d);
}

/* "2026-04-09" → "2026年4月9日"; "" → blanks to write a date in by hand. */
static void chinese_date(const char *iso, char *out, size_t len)
{
	int y, m, d;

	if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, len, "%d年%d月%d日", y, m, d);
	else
		snprintf(out, len, "　　　　年　　月　　日");
}

/* ------------------------------------------------------------------ levels */

void lf_levels_load(struct lf_db *db, const char *unit, struct lf_levels *ln)
{
	static const char *const defaults[] = { "", "低", "中", "高" };
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < 4; i++)
		snprintf(ln->name[i], sizeof ln->name[i], "%s", defaults[i]);
	if (lf_prepare(db, setting_sql, &st) != LF_OK)
		return;
	sqlite3_bind_text(st, 1, unit ? unit : db->unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, "grade.level_names", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char buf[190], *p, *bar;

		snprintf(buf, sizeof buf, "%s", col_text(st, 0));
		for (i = 1, p = buf; i <= 3 && p; i++, p = bar ? bar + 1 : NULL) {
			bar = strchr(p, '|');
			if (bar)
				*bar = 0;
			if (*p && strlen(p) < sizeof ln->name[i])
				memcpy(ln->name[i], p, strlen(p) + 1);
		}
	}
	sqlite3_finalize(st);
}

int lf_levels_parse(const struct lf_levels *ln, const char *name)
{
	int i;

	for (i = 1; i <= 3; i++)
		if (!strcmp(name, ln->name[i]))
			return i;
	if (name[0] >= '1' && name[0] <= '3' && !name[1])
		return name[0] - '0';
	return 0;
}

const char *lf_level_name(struct lf_db *db, const char *unit, int level)
{
	static struct lf_levels ln;

	lf_levels_load(db, unit, &ln);
	return level >= 1 && level <= 3 ? ln.name[level] : "";
}

int lf_level_parse(struct lf_db *db, const char *unit, const char *name)
{
	struct lf_levels ln;

	lf_levels_load(db, unit, &ln);
	return lf_levels_parse(&ln, name);
}

const char *lf_level_names(struct lf_db *db, const char *unit)
{
	static char buf[256];
	struct lf_levels ln;

	lf_levels_load(db, unit, &ln);
	snprintf(buf, sizeof buf, "%s、%s、%s", ln.name[3], ln.name[2], ln.name[1]);
	return buf;
}

/* ------------------------------------------------------------------ opening */

static lf_status resolve_cycle(struct lf_xsrc *s, int year)
{
	sqlite3_stmt *st;
	lf_status rc = lf_prepare(s->db, year ? cycle_by_year_sql : cycle_latest_sql, &st);

	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
	if (year)
		sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(s->cycle, sizeof s->cycle, "%s", col_text(st, 0));
		s->year = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (s->cycle[0] || !s->def->needs_cycle)
		return LF_OK;
	if (!year)
		return lf_fail(s->db, LF_NOTFOUND, "单位 %s 还没有任何年度的工作记录，没有可导出的内容。", s->unit);
	/* Say which years there are. */
	if ((rc = lf_prepare(s->db, cycle_years_sql, &st)))
		return rc;
	sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
	lf_buf_reset(&s->tmp);
	while (sqlite3_step(st) == SQLITE_ROW)
		lf_buf_addf(&s->tmp, "%s%d", s->tmp.len ? "、" : "", sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	return lf_fail(s->db, LF_NOTFOUND, "单位 %s 没有 %d 年度的记录%s%s%s。", s->unit, year,
	               s->tmp.len ? "（有：" : "", s->tmp.len ? s->tmp.s : "", s->tmp.len ? "）" : "");
}

static lf_status resolve_dept(struct lf_xsrc *s, const char *name)
{
	sqlite3_stmt *st;
	lf_status rc = lf_prepare(s->db, dept_by_name_sql, &st);

	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(s->dept_gid, sizeof s->dept_gid, "%s", col_text(st, 0));
	sqlite3_finalize(st);
	if (s->dept_gid[0])
		return LF_OK;
	if ((rc = lf_prepare(s->db, dept_names_sql, &st)))
		return rc;
	sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
	lf_buf_reset(&s->tmp);
	while (sqlite3_step(st) == SQLITE_ROW)
		lf_buf_addf(&s->tmp, "%s%s", s->tmp.len ? "、" : "", col_text(st, 0));
	sqlite3_finalize(st);
	return lf_fail(s->db, LF_NOTFOUND, "单位 %s 没有名为“%s”的处室%s%s%s。", s->unit, name,
	               s->tmp.len ? "（有：" : "", s->tmp.len ? s->tmp.s : "", s->tmp.len ? "）" : "");
}

static lf_status check_person(struct lf_xsrc *s, const char *name)
{
	sqlite3_stmt *st;
	lf_status rc = lf_prepare(s->db, person_exists_sql, &st);
	int found;

	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found ? LF_OK : lf_fail(s->db, LF_NOTFOUND, "单位 %s 没有名叫“%s”的人员。", s->unit, name);
}

/* Whoever exports must be allowed to read what the table shows: the unit, one
 * department, or one person's post. */
static lf_status may_read(struct lf_xsrc *s)
{
	static const char post_sql[] = "SELECT p.gid, p.dept FROM person x JOIN post p ON p.gid = x.post "
	                               "WHERE x.owner = ?1 AND x.name = ?2 AND x.deleted = 0 ORDER BY x.id LIMIT 1";
	char post[LF_GID_LEN + 1] = "", dept[LF_GID_LEN + 1] = "";
	struct lf_scope sc = { .dept = NULL };
	sqlite3_stmt *st;
	lf_status rc;

	if (s->person_filter) {
		if ((rc = lf_prepare(s->db, post_sql, &st)))
			return rc;
		sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->person_filter, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(post, sizeof post, "%s", col_text(st, 0));
			snprintf(dept, sizeof dept, "%s", col_text(st, 1));
		}
		sqlite3_finalize(st);
	}
	if (post[0]) {
		sc.post = post;
		sc.dept = dept;
	} else if (s->dept_gid[0]) {
		sc.dept = s->dept_gid;
	}
	return lf_perm_check(s->db, LF_ACT_READ, sc.dept ? &sc : NULL);
}

static void bind_filter(struct lf_xsrc *s, sqlite3_stmt *st)
{
	sqlite3_bind_text(st, 1, s->unit, -1, SQLITE_STATIC);
	if (s->cycle[0])
		sqlite3_bind_text(st, 2, s->cycle, -1, SQLITE_STATIC);
	if (s->dept_gid[0])
		sqlite3_bind_text(st, 3, s->dept_gid, -1, SQLITE_STATIC);
	if (s->person_filter && sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_text(st, 4, s->person_filter, -1, SQLITE_STATIC);
}

static lf_status count_rows(struct lf_xsrc *s)
{
	sqlite3_stmt *st;
	lf_status rc = lf_prepare(s->db, s->def->count_sql, &st);

	if (rc)
		return rc;
	bind_filter(s, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		s->total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return LF_OK;
}

lf_status lf_xsrc_open(struct lf_db *db, const char *name, const struct lf_xfilter *f, struct lf_xsrc **out)
{
	static const struct lf_xfilter none = { NULL, NULL, NULL, 0 };
	const struct source_def *def = NULL;
	struct lf_xsrc *s;
	struct lf_unit u;
	lf_status rc;
	size_t i;
	int k;

	*out = NULL;
	if (!f)
		f = &none;
	for (i = 0; i < LF_COUNT(defs); i++)
		if (!strcmp(defs[i].name, name))
			def = &defs[i];
	if (!def)
		return lf_fail(db, LF_NOTFOUND, "程序没有名为“%s”的数据来源（有：summary、selfcheck、register_unit、"
		               "register_dept、register_person、powers、risks）。", name);
	if (f->person && !def->person_filter)
		return lf_fail(db, LF_USAGE, "这张表格不按人员筛选，不能指定人员。");
	s = lf_alloc(sizeof *s);
	s->db = db;
	s->def = def;
	lf_buf_init(&s->tmp);
	snprintf(s->unit, sizeof s->unit, "%s", f->unit && *f->unit ? f->unit : db->unit);
	lf_today(s->today);
	if ((rc = lf_unit_get(db, s->unit, &u))) {
		lf_xsrc_close(s);
		return rc;
	}
	s->unit_name = lf_strdup(u.name);
	lf_unit_clear(&u);
	if ((rc = resolve_cycle(s, f->year)) || (f->dept && *f->dept && (rc = resolve_dept(s, f->dept))) ||
	    (f->person && *f->person && (rc = check_person(s, f->person)))) {
		lf_xsrc_close(s);
		return rc;
	}
	if (f->dept && *f->dept)
		s->dept_name = lf_strdup(f->dept);
	if (f->person && *f->person)
		s->person_filter = lf_strdup(f->person);
	if ((rc = may_read(s))) {
		lf_xsrc_close(s);
		return rc;
	}
	{
		struct lf_levels ln;

		lf_levels_load(db, s->unit, &ln);
		for (k = 0; k < 4; k++)
			s->levels[k] = lf_strdup(ln.name[k]);
	}
	lf_buf_reset(&s->tmp);
	for (k = 0; k < def->ncols; k++)
		lf_buf_addf(&s->tmp, "%s%s", k ? ", " : "", def->columns[k]);
	s->columns = lf_strdup(s->tmp.s);
	if ((rc = count_rows(s)) || (rc = lf_prepare(db, def->sql, &s->main)) ||
	    (rc = lf_prepare(db, measures_sql, &s->measures)) || (rc = lf_prepare(db, opinion_sql, &s->opinion)) ||
	    (def->fill == fill_power && (rc = lf_prepare(db, flow_sql, &s->flow))) ||
	    (def->fill == fill_selfcheck &&
	     ((rc = lf_prepare(db, selfcheck_risks_sql, &s->risks)) || (rc = lf_prepare(db, review_sql, &s->review))))) {
		lf_xsrc_close(s);
		return rc;
	}
	bind_filter(s, s->main);
	*out = s;
	return LF_OK;
}

static void clear_queue(struct lf_xsrc *s)
{
	int i;

	for (i = 0; i < s->qlen; i++)
		lf_free(s->queue[i]);
	s->qlen = s->qpos = 0;
	s->row = NULL;
}

void lf_xsrc_close(struct lf_xsrc *s)
{
	int k;

	if (!s)
		return;
	clear_queue(s);
	lf_free(s->queue);
	sqlite3_finalize(s->main);
	sqlite3_finalize(s->measures);
	sqlite3_finalize(s->flow);
	sqlite3_finalize(s->risks);
	sqlite3_finalize(s->review);
	sqlite3_finalize(s->opinion);
	doc_clear(&s->doc);
	doc_clear(&s->next_doc);
	for (k = 0; k < 4; k++)
		lf_free(s->levels[k]);
	lf_free(s->unit_name);
	lf_free(s->dept_name);
	lf_free(s->person_filter);
	lf_free(s->columns);
	lf_free(s->flow_text);
	lf_buf_free(&s->tmp);
	lf_free(s);
}

int lf_xsrc_column(const struct lf_xsrc *s, const char *name)
{
	int i;

	for (i = 0; i < s->def->ncols; i++)
		if (!strcmp(s->def->columns[i], name))
			return i;
	return -1;
}

const char *lf_xsrc_columns(const struct lf_xsrc *s)
{
	return s->columns;
}

int lf_xsrc_per_dept(const struct lf_xsrc *s)
{
	return s->dept_gid[0] != 0 || s->def->split == SPLIT_DEPT || s->def->split == SPLIT_PERSON;
}

long lf_xsrc_total(const struct lf_xsrc *s)
{
	return s->total;
}

long lf_xsrc_done(const struct lf_xsrc *s)
{
	return s->done;
}

/* ------------------------------------------------------------------ rows */

/* Start a row of the queue; its cells are set with put(). */
static char **new_row(struct lf_xsrc *s)
{
	int n = s->def->ncols;

	if (s->qlen + n > s->qcap) {
		s->qcap = (s->qlen + n) * 2;
		s->queue = lf_realloc(s->queue, (size_t)s->qcap * sizeof *s->queue);
	}
	memset(s->queue + s->qlen, 0, (size_t)n * sizeof *s->queue);
	s->qlen += n;
	return s->queue + s->qlen - n;
}

static void put(char **row, int col, const char *v)
{
	lf_free(row[col]);
	row[col] = lf_strdup(v ? v : "");
}

static void put_level(struct lf_xsrc *s, char **row, int col, sqlite3_stmt *st, int i)
{
	int v = sqlite3_column_type(st, i) == SQLITE_NULL ? 0 : sqlite3_column_int(st, i);

	put(row, col, v >= 1 && v <= 3 ? s->levels[v] : "");
}

static void put_int(char **row, int col, sqlite3_stmt *st, int i)
{
	put(row, col, sqlite3_column_type(st, i) == SQLITE_NULL ? "" : col_text(st, i));
}

/* A risk's measures: "1.前期预防：…" one per line (numbered = 1), or by stage
 * without numbers (numbered = 0); also the distinct responsible persons and
 * supervisors, "、"-separated. */
static lf_status measures_of(struct lf_xsrc *s, const char *risk, int numbered, struct lf_buf *text,
                             struct lf_buf *resp, struct lf_buf *sup)
{
	int rc, n = 0;

	sqlite3_reset(s->measures);
	sqlite3_bind_text(s->measures, 1, risk, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s->measures)) == SQLITE_ROW) {
		const char *stage = col_text(s->measures, 0), *r = col_text(s->measures, 2);
		const char *v = col_text(s->measures, 3);

		if (n++)
			lf_buf_addc(text, '\n');
		if (numbered)
			lf_buf_addf(text, "%d.", n);
		if (*stage)
			lf_buf_addf(text, "%s：", stage);
		lf_buf_adds(text, col_text(s->measures, 1));
		if (resp && *r && !strstr(resp->s ? resp->s : "", r))
			lf_buf_addf(resp, "%s%s", resp->len ? "、" : "", r);
		if (sup && *v && !strstr(sup->s ? sup->s : "", v))
			lf_buf_addf(sup, "%s%s", sup->len ? "、" : "", v);
	}
	sqlite3_reset(s->measures);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(s->db, rc, "读取防控措施失败");
}

/* Step the main query. *more = 0 at the end. */
static lf_status step_main(struct lf_xsrc *s, int *more)
{
	int rc = sqlite3_step(s->main);

	*more = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		s->done++;
		return LF_OK;
	}
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(s->db, rc, "读取数据失败");
}

/* Whether the record just stepped starts a new document; if so its context
 * goes to next_doc. */
static void check_doc(struct lf_xsrc *s)
{
	char key[sizeof s->doc_key];
	sqlite3_stmt *st = s->main;

	switch (s->def->split) {
	case SPLIT_NONE: snprintf(key, sizeof key, "all"); break;
	case SPLIT_DEPT: snprintf(key, sizeof key, "%s", col_text(st, Q_DEPT_GID)); break;
	case SPLIT_PERSON:
		snprintf(key, sizeof key, "%s/%s", col_text(st, Q_PERSON_GID), col_text(st, Q_POST_GID));
		break;
	case SPLIT_RECORD: snprintf(key, sizeof key, "%s", col_text(st, Q_GID)); break;
	}
	if (s->started && !strcmp(key, s->doc_key))
		return;
	snprintf(s->doc_key, sizeof s->doc_key, "%s", key);
	s->pending_doc = 1;
	doc_clear(&s->next_doc);
	if (s->def->split == SPLIT_NONE) {
		snprintf(s->next_doc.dept_gid, sizeof s->next_doc.dept_gid, "%s", s->dept_gid);
		s->next_doc.dept = lf_strdup(s->dept_name ? s->dept_name : "");
		s->next_doc.name = lf_strdup(s->dept_name ? s->dept_name : "");
		return;
	}
	snprintf(s->next_doc.dept_gid, sizeof s->next_doc.dept_gid, "%s", col_text(st, Q_DEPT_GID));
	s->next_doc.dept = lf_strdup(col_text(st, Q_DEPT));
	if (s->def->split == SPLIT_DEPT) {
		s->next_doc.name = lf_strdup(col_text(st, Q_DEPT));
		return;
	}
	s->next_doc.person = lf_strdup(col_text(st, Q_PERSON));
	s->next_doc.post = lf_strdup(col_text(st, Q_POST));
	s->next_doc.name = lf_strdup(*col_text(st, Q_PERSON) ? col_text(st, Q_PERSON) : col_text(st, Q_POST));
}

static lf_status fill_risk(struct lf_xsrc *s, int *more)
{
	struct lf_buf text, resp, sup;
	sqlite3_stmt *st = s->main;
	char **row, num[24];
	lf_status rc;

	if ((rc = step_main(s, more)) || !*more)
		return rc;
	check_doc(s);
	row = new_row(s);
	put(row, RC_DEPT, col_text(st, Q_DEPT));
	put(row, RC_POST, col_text(st, Q_POST));
	put(row, RC_PERSON, col_text(st, Q_PERSON));
	put(row, RC_DUTIES, col_text(st, Q_DUTIES));
	put(row, RC_POWER, col_text(st, Q_POWER));
	put(row, RC_RISK, col_text(st, Q_RISK));
	put(row, RC_CATEGORY, col_text(st, QR_CATEGORY));
	put(row, RC_SOURCE, col_text(st, QR_SOURCE));
	put(row, RC_FOUND_BY, col_text(st, QR_FOUND_BY));
	put_int(row, RC_PROBABILITY, st, QR_PROBABILITY);
	put_int(row, RC_SEVERITY, st, QR_SEVERITY);
	put_level(s, row, RC_LEVEL_PROPOSED, st, QR_LEVEL_PROPOSED);
	put_level(s, row, RC_LEVEL, st, sqlite3_column_type(st, QR_LEVEL) == SQLITE_NULL ? QR_LEVEL_PROPOSED : QR_LEVEL);
	put(row, RC_LEVEL_REASON, col_text(st, QR_LEVEL_REASON));
	put(row, RC_REMARKS, col_text(st, QR_REMARKS));
	lf_buf_init(&text);
	lf_buf_init(&resp);
	lf_buf_init(&sup);
	rc = measures_of(s, col_text(st, Q_GID), 1, &text, &resp, &sup);
	put(row, RC_MEASURES, text.s);
	put(row, RC_RESPONSIBLE, resp.s);
	put(row, RC_SUPERVISOR, sup.s);
	lf_buf_free(&text);
	lf_buf_free(&resp);
	lf_buf_free(&sup);
	/* The number is given when the row is handed out (per document). */
	snprintf(num, sizeof num, "0");
	put(row, RC_SEQ, num);
	return rc;
}

/* A review's opinion with its signature line under it. */
static void signed_text(struct lf_buf *b, sqlite3_stmt *st, int found)
{
	char date[64];

	if (!found) {
		chinese_date(NULL, date, sizeof date);
		lf_buf_addf(b, "\n\n签字：　　　　　　%s", date);
		return;
	}
	chinese_date(col_text(st, 2), date, sizeof date);
	lf_buf_addf(b, "%s\n签字：%s　%s", col_text(st, 0), col_text(st, 1), date);
}

static void sc_row(struct lf_xsrc *s, const char *item, const char *no, const char *content)
{
	char **row = new_row(s);

	put(row, SC_ITEM, item);
	put(row, SC_NO, no);
	put(row, SC_CONTENT, content);
}

static lf_status fill_selfcheck(struct lf_xsrc *s, int *more)
{
	static const struct {
		const char *step, *label;
	} reviews[] = { { "head", "单位（处室）负责人意见" }, { "leader", "局分管领导意见" } };
	sqlite3_stmt *st = s->main;
	struct lf_buf text;
	char **risks = NULL, no[16];
	int nrisks = 0, i, rc;
	size_t k;
	lf_status r;

	if ((r = step_main(s, more)) || !*more)
		return r;
	check_doc(s);
	{
		char date[64];

		chinese_date(*col_text(st, 8) ? col_text(st, 8) : NULL, date, sizeof date);
		s->next_doc.filled = lf_strdup(date);
	}
	sc_row(s, "姓名", "", col_text(st, Q_PERSON));
	sc_row(s, "岗位名称", "", col_text(st, Q_POST));
	sc_row(s, "岗位职责", "", col_text(st, Q_DUTIES));
	sqlite3_reset(s->risks);
	sqlite3_bind_text(s->risks, 1, col_text(st, Q_GID), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s->risks)) == SQLITE_ROW) {
		risks = lf_realloc(risks, (size_t)(nrisks + 1) * 2 * sizeof *risks);
		risks[2 * nrisks] = lf_strdup(col_text(s->risks, 0));
		risks[2 * nrisks + 1] = lf_strdup(col_text(s->risks, 1));
		nrisks++;
	}
	sqlite3_reset(s->risks);
	r = rc == SQLITE_DONE ? LF_OK : lf_sqlfail(s->db, rc, "读取风险点失败");
	/* The form has four numbered lines each; more when there are more. */
	for (i = 0; i < (nrisks > 4 ? nrisks : 4); i++) {
		snprintf(no, sizeof no, "%d", i + 1);
		sc_row(s, "潜在风险", no, i < nrisks ? risks[2 * i + 1] : "");
	}
	lf_buf_init(&text);
	for (i = 0; i < (nrisks > 4 ? nrisks : 4) && r == LF_OK; i++) {
		snprintf(no, sizeof no, "%d", i + 1);
		lf_buf_reset(&text);
		if (i < nrisks)
			r = measures_of(s, risks[2 * i], 0, &text, NULL, NULL);
		sc_row(s, "防控措施", no, text.s ? text.s : "");
	}
	for (k = 0; k < LF_COUNT(reviews) && r == LF_OK; k++) {
		sqlite3_reset(s->review);
		sqlite3_bind_text(s->review, 1, col_text(st, Q_GID), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s->review, 2, reviews[k].step, -1, SQLITE_STATIC);
		rc = sqlite3_step(s->review);
		lf_buf_reset(&text);
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			signed_text(&text, s->review, rc == SQLITE_ROW);
		else
			r = lf_sqlfail(s->db, rc, "读取审核意见失败");
		sqlite3_reset(s->review);
		sc_row(s, reviews[k].label, "", text.s);
	}
	lf_buf_free(&text);
	for (i = 0; i < 2 * nrisks; i++)
		lf_free(risks[i]);
	lf_free(risks);
	return r;
}

static const char *power_kind(const char *k)
{
	return !strcmp(k, "决策") ? "决策权" : !strcmp(k, "执行") ? "执行权" : !strcmp(k, "监督") ? "监督权" : k;
}

/* A power's flow: one numbered line per step, risk steps marked. */
static lf_status flow_of(struct lf_xsrc *s, const char *power)
{
	struct lf_buf b;
	int rc;

	lf_buf_init(&b);
	sqlite3_reset(s->flow);
	sqlite3_bind_text(s->flow, 1, power, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s->flow)) == SQLITE_ROW) {
		const char *actor = col_text(s->flow, 1), *cond = col_text(s->flow, 3);
		const char *limit = col_text(s->flow, 4), *sup = col_text(s->flow, 5);

		if (b.len)
			lf_buf_addc(&b, '\n');
		lf_buf_addf(&b, "%d.", sqlite3_column_int(s->flow, 0));
		if (*actor)
			lf_buf_addf(&b, "%s：", actor);
		lf_buf_adds(&b, col_text(s->flow, 2));
		if (*cond || *limit || *sup) {
			lf_buf_adds(&b, "（");
			if (*cond)
				lf_buf_addf(&b, "条件：%s%s", cond, *limit || *sup ? "；" : "");
			if (*limit)
				lf_buf_addf(&b, "时限：%s%s", limit, *sup ? "；" : "");
			if (*sup)
				lf_buf_addf(&b, "监督：%s", sup);
			lf_buf_adds(&b, "）");
		}
		if (sqlite3_column_int(s->flow, 6))
			lf_buf_adds(&b, "【风险环节】");
	}
	sqlite3_reset(s->flow);
	lf_free(s->flow_text);
	s->flow_text = lf_buf_steal(&b);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(s->db, rc, "读取流程失败");
}

static lf_status fill_power(struct lf_xsrc *s, int *more)
{
	sqlite3_stmt *st = s->main;
	struct lf_buf text;
	char **row, num[24];
	lf_status rc;

	if ((rc = step_main(s, more)) || !*more)
		return rc;
	check_doc(s);
	if (strcmp(s->power_gid, col_text(st, Q_GID))) {
		snprintf(s->power_gid, sizeof s->power_gid, "%s", col_text(st, Q_GID));
		s->power_seq++;
		if ((rc = flow_of(s, s->power_gid)))
			return rc;
	}
	row = new_row(s);
	snprintf(num, sizeof num, "%ld", s->power_seq);
	put(row, PC_SEQ, num);
	put(row, PC_DEPT, col_text(st, Q_DEPT));
	put(row, PC_POST, col_text(st, Q_POST));
	put(row, PC_POWER, col_text(st, Q_POWER));
	put(row, PC_KIND, power_kind(col_text(st, QP_KIND)));
	put(row, PC_AREA, col_text(st, QP_AREA));
	put(row, PC_CONTENT, col_text(st, QP_CONTENT));
	put(row, PC_BASIS, col_text(st, QP_BASIS));
	put(row, PC_HOLDER, col_text(st, QP_HOLDER));
	put(row, PC_FLOW, s->flow_text);
	put(row, PC_RISK, col_text(st, Q_RISK));
	put_level(s, row, PC_LEVEL, st, sqlite3_column_type(st, QP_LEVEL) == SQLITE_NULL ? QP_LEVEL_PROPOSED : QP_LEVEL);
	lf_buf_init(&text);
	if (sqlite3_column_type(st, QP_RISK_GID) != SQLITE_NULL)
		rc = measures_of(s, col_text(st, QP_RISK_GID), 1, &text, NULL, NULL);
	put(row, PC_MEASURES, text.s);
	lf_buf_free(&text);
	return rc;
}

lf_status lf_xsrc_next(struct lf_xsrc *s, enum lf_xev *ev)
{
	int n = s->def->ncols, more;
	lf_status rc;

	*ev = LF_XEV_END;
	if (s->finished)
		return LF_OK;
	if (s->qpos >= s->qlen && !s->pending_doc) {
		clear_queue(s);
		if ((rc = s->def->fill(s, &more)))
			return rc;
		if (!more) {
			s->finished = 1;
			/* A table of the whole unit or a department is shown even when empty. */
			if (!s->started && s->def->split == SPLIT_NONE) {
				s->started = 1;
				doc_clear(&s->doc);
				s->doc.dept = lf_strdup(s->dept_name ? s->dept_name : "");
				s->doc.name = lf_strdup(s->dept_name ? s->dept_name : "");
				snprintf(s->doc.dept_gid, sizeof s->doc.dept_gid, "%s", s->dept_gid);
				s->docs++;
				*ev = LF_XEV_DOC;
			}
			return LF_OK;
		}
	}
	if (s->pending_doc) {
		s->pending_doc = 0;
		s->started = 1;
		doc_clear(&s->doc);
		s->doc = s->next_doc;
		memset(&s->next_doc, 0, sizeof s->next_doc);
		s->docs++;
		s->seq = 0;
		*ev = LF_XEV_DOC;
		return LF_OK;
	}
	s->row = s->queue + s->qpos;
	s->qpos += n;
	if (s->def->fill == fill_risk) {
		char num[24];

		snprintf(num, sizeof num, "%ld", ++s->seq);
		put(s->row, RC_SEQ, num);
	}
	*ev = LF_XEV_ROW;
	return LF_OK;
}

const char *lf_xsrc_cell(const struct lf_xsrc *s, int col)
{
	if (!s->row || col < 0 || col >= s->def->ncols || !s->row[col])
		return "";
	return s->row[col];
}

const char *lf_xsrc_doc_name(const struct lf_xsrc *s)
{
	return s->doc.name ? s->doc.name : "";
}

static const char *opinion_value(struct lf_xsrc *s, int which, const char *role)
{
	int rc;

	s->value[0] = 0;
	if (!s->cycle[0])
		return s->value;
	sqlite3_reset(s->opinion);
	sqlite3_bind_text(s->opinion, 1, s->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->opinion, 2, s->cycle, -1, SQLITE_STATIC);
	if (s->doc.dept_gid[0])
		sqlite3_bind_text(s->opinion, 3, s->doc.dept_gid, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s->opinion, 3);
	sqlite3_bind_text(s->opinion, 4, role, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s->opinion);
	if (which == 2) {
		chinese_date(rc == SQLITE_ROW && *col_text(s->opinion, 2) ? col_text(s->opinion, 2) : NULL, s->value,
		             sizeof s->value);
	} else if (rc == SQLITE_ROW) {
		snprintf(s->value, sizeof s->value, "%s", col_text(s->opinion, which));
	} else if (which == 1) {
		snprintf(s->value, sizeof s->value, "　　　　　　");
	}
	sqlite3_reset(s->opinion);
	return s->value;
}

const char *lf_xsrc_value(struct lf_xsrc *s, const char *key)
{
	size_t i;

	for (i = 0; role_prefixes[i]; i++) {
		size_t n = strlen(role_prefixes[i]);

		if (!strncmp(key, role_prefixes[i], n) && key[n])
			return opinion_value(s, (int)i, key + n);
	}
	for (i = 0; common_keys[i]; i++)
		if (!strcmp(key, common_keys[i]))
			break;
	if (!common_keys[i])
		return NULL;
	if (!strcmp(key, "unit"))
		return s->unit_name;
	if (!strcmp(key, "unit_code"))
		return s->unit;
	if (!strcmp(key, "dept"))
		return s->doc.dept ? s->doc.dept : "";
	if (!strcmp(key, "person"))
		return s->doc.person ? s->doc.person : "";
	if (!strcmp(key, "post"))
		return s->doc.post ? s->doc.post : "";
	if (!strcmp(key, "filled"))
		return s->doc.filled ? s->doc.filled : "";
	/* Room to write by hand: a form file cannot start a value with blanks. */
	if (!strcmp(key, "blank"))
		return "　　　　　　";
	if (!strcmp(key, "blank_date")) {
		chinese_date(NULL, s->value, sizeof s->value);
		return s->value;
	}
	if (!strcmp(key, "date")) {
		chinese_date(s->today, s->value, sizeof s->value);
		return s->value;
	}
	if (!strcmp(key, "year") || !strcmp(key, "cycle")) {
		if (!s->year)
			return "";
		snprintf(s->value, sizeof s->value, key[0] == 'y' ? "%d" : "%d年度", s->year);
		return s->value;
	}
	return "";
}
