/* Tests of export through its API: the data source, progress and cancelling,
 * the problem report's details, signed opinions, the unit's level names. */
#include "t.h"
#include "lianfang/demo.h"
#include "lianfang/export.h"
#include "lianfang/grade.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct lf_db *demo(const char *name)
{
	struct lf_db *db = NULL;
	char err[512];

	unlink(t_path(name));
	if (lf_db_create(t_path(name), "620902", "肃州区市场监督管理局", "620900", "tester", &db, err, sizeof err) ||
	    lf_demo_fill(db, 1)) {
		T_OK(0, "demo database: %s", err);
		lf_db_close(db);
		return NULL;
	}
	/* the demo has accounts: export as the discipline office, which reads the unit */
	snprintf(db->actor, sizeof db->actor, "discipline");
	return db;
}

static const struct lf_form *table(struct lf_formset *set, const char *id)
{
	return lf_formset_get(set, id);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct lf_buf b;
	char buf[4096];
	size_t n;

	lf_buf_init(&b);
	lf_buf_adds(&b, "");
	if (!fp)
		return lf_buf_steal(&b);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		lf_buf_add(&b, buf, n);
	fclose(fp);
	return lf_buf_steal(&b);
}

static int partial_files(void)
{
	DIR *d = opendir(t_dir());
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += strstr(e->d_name, ".partial-") != NULL;
	if (d)
		closedir(d);
	return n;
}

struct progress {
	long calls, last_done, last_total, cancel_after;
	int backwards;
};

static int on_progress(void *ctx, long done, long total)
{
	struct progress *p = ctx;

	p->calls++;
	if (done < p->last_done)
		p->backwards = 1;
	p->last_done = done;
	p->last_total = total;
	return p->cancel_after && p->calls >= p->cancel_after;
}

TEST(export_data_source_streams_documents_and_rows)
{
	struct lf_db *db = demo("src.db");
	struct lf_xfilter f = { NULL, "登记注册科", NULL, 0 };
	struct lf_xsrc *s;
	enum lf_xev ev;
	int docs = 0, rows = 0, person, risk;

	if (!db)
		return;
	if (!T_OK(lf_xsrc_open(db, "summary", &f, &s) == LF_OK, "open summary for one department: %s", db->err))
		goto out;
	T_OK(lf_xsrc_per_dept(s), "one department: columns marked 隐藏：按处室 are left out");
	T_EQ_INT(lf_xsrc_total(s), 5, "five risk points in 登记注册科");
	person = lf_xsrc_column(s, "person");
	risk = lf_xsrc_column(s, "risk");
	T_OK(person >= 0 && risk >= 0 && lf_xsrc_column(s, "nonsense") < 0, "columns by name");
	while (lf_xsrc_next(s, &ev) == LF_OK && ev != LF_XEV_END) {
		if (ev == LF_XEV_DOC) {
			docs++;
			T_EQ_STR(lf_xsrc_value(s, "dept"), "登记注册科", "{dept} of the document");
			T_EQ_STR(lf_xsrc_value(s, "unit"), "肃州区市场监督管理局", "{unit}");
			T_OK(lf_xsrc_value(s, "nonsense") == NULL, "an unknown placeholder is NULL, not empty");
		} else {
			rows++;
			T_OK(*lf_xsrc_cell(s, person) && *lf_xsrc_cell(s, risk), "row %d has a person and a risk", rows);
		}
	}
	T_EQ_INT(docs, 1, "one document");
	T_EQ_INT(rows, 5, "five rows");
	lf_xsrc_close(s);
	f.dept = NULL;
	T_OK(lf_xsrc_open(db, "selfcheck", &f, &s) == LF_OK, "open the self-check forms");
	docs = 0;
	while (lf_xsrc_next(s, &ev) == LF_OK && ev != LF_XEV_END)
		docs += ev == LF_XEV_DOC;
	T_OK(docs > 10 && docs == lf_xsrc_total(s), "one document per self-check (%d)", docs);
	lf_xsrc_close(s);
	/* Regression: one person's table counted the whole unit's risks, so a
	 * progress bar stopped at 1 of 25 and jumped; the counts are not by person. */
	f.person = "吕明辉";
	T_OK(lf_xsrc_open(db, "summary", &f, &s) == LF_OK, "one person's summary: %s", db->err);
	T_EQ_INT(lf_xsrc_total(s), 0, "its size is not known in advance");
	lf_xsrc_close(s);
	f.person = NULL;
	f.dept = "没有这个科";
	T_OK(lf_xsrc_open(db, "summary", &f, &s) == LF_NOTFOUND && strstr(db->err, "没有名为“没有这个科”的处室"),
	     "an unknown department: %s", db->err);
out:
	lf_db_close(db);
}

TEST(export_progress_reports_and_can_cancel)
{
	struct lf_db *db = demo("progress.db");
	struct lf_formset *set = lf_formset_load(NULL, NULL, NULL);
	struct lf_export_opts o;
	struct lf_export_result res;
	struct progress p;
	lf_status st;

	if (!db)
		goto out;
	memset(&o, 0, sizeof o);
	memset(&p, 0, sizeof p);
	o.format = LF_XFMT_XLSX;
	o.progress = on_progress;
	o.ctx = &p;
	st = lf_export(db, table(set, "selfcheck_table"), t_path("p.xlsx"), &o, &res);
	T_OK(st == LF_OK, "export with a progress bar: %s", db->err);
	T_OK(p.calls >= 2 && !p.backwards, "progress called %ld times, never backwards", p.calls);
	T_OK(p.last_done == p.last_total && p.last_total == res.docs, "ends at %ld of %ld (%ld forms)", p.last_done,
	     p.last_total, res.docs);
	memset(&p, 0, sizeof p);
	p.cancel_after = 2;
	st = lf_export(db, table(set, "selfcheck_table"), t_path("cancelled.xlsx"), &o, &res);
	T_OK(st == LF_STATE && strstr(db->err, "已取消"), "cancelled: %s", db->err);
	T_OK(access(t_path("cancelled.xlsx"), F_OK) != 0 && partial_files() == 0, "and nothing is left behind");
out:
	lf_formset_free(set);
	lf_db_close(db);
}

struct problems {
	struct lf_xproblem first; /* its strings live only during the call: copied below */
	char text[512], column[64], doc_name[64];
	int n;
};

static void on_problem(void *ctx, const struct lf_xproblem *p)
{
	struct problems *ps = ctx;

	if (!ps->n++) {
		ps->first = *p;
		snprintf(ps->column, sizeof ps->column, "%s", p->column ? p->column : "");
		snprintf(ps->doc_name, sizeof ps->doc_name, "%s", p->doc_name ? p->doc_name : "");
		ps->first.column = ps->first.doc_name = ps->first.text = NULL;
		lf_xproblem_text(p, ps->text, sizeof ps->text);
	}
}

/* Rename the first person of 登记注册科's first post; returns 0 on success. */
static int rename_person(struct lf_db *db, const char *name)
{
	static const char sql[] = "SELECT pe.gid FROM person pe JOIN post p ON p.gid = pe.post JOIN dept d ON d.gid = p.dept "
	                          "WHERE d.name = '登记注册科' ORDER BY p.seq, pe.id LIMIT 1";
	struct lf_rec *r = lf_rec_new(lf_kind_find("person"));
	sqlite3_stmt *st;
	char gid[LF_GID_LEN + 1] = "";
	int rc;

	if (lf_prepare(db, sql, &st) == LF_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(gid, sizeof gid, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	rc = !gid[0] || lf_rec_load(db, lf_kind_find("person"), gid, r);
	if (!rc) {
		lf_rec_set_text(r, "name", name);
		rc = lf_rec_put(db, r) != LF_OK;
	}
	lf_rec_free(r);
	return rc;
}

TEST(export_problem_names_document_row_column_and_character)
{
	struct lf_db *db = demo("problem.db");
	struct lf_formset *set = lf_formset_load(NULL, NULL, NULL);
	struct lf_export_opts o;
	struct lf_export_result res;
	struct problems ps;
	lf_status st;

	if (!db)
		goto out;
	T_OK(rename_person(db, "蔡䶮") == 0, "a person now named 蔡䶮");
	memset(&o, 0, sizeof o);
	memset(&ps, 0, sizeof ps);
	o.format = LF_XFMT_CSV;
	o.encoding = LF_ENC_GBK;
	o.problem = on_problem;
	o.ctx = &ps;
	o.filter.dept = "登记注册科";
	st = lf_export(db, table(set, "selfcheck_table"), t_path("p.csv"), &o, &res);
	T_OK(st == LF_INVALID, "GBK export stops");
	T_OK(ps.n >= 1 && ps.first.part == LF_XP_ROW && ps.first.row == 1 && !strcmp(ps.column, "内容") &&
	     ps.first.cp == 0x4dae && ps.first.index == 2 && ps.first.doc == 1 && !strcmp(ps.doc_name, "蔡䶮"),
	     "the problem: document 1 (蔡䶮), row 1, column 内容, U+4DAE at 2");
	T_EQ_STR(ps.text, "（蔡䶮）第 1 行“内容”列“蔡䶮”的第 2 个字“䶮”（U+4DAE）：GBK 中没有这个字", "its report line");
	T_OK(access(t_path("p.csv"), F_OK) != 0 && partial_files() == 0, "no file");
out:
	lf_formset_free(set);
	lf_db_close(db);
}

static const char *cycle_gid(struct lf_db *db, char out[LF_GID_LEN + 1])
{
	sqlite3_stmt *st;

	out[0] = 0;
	if (lf_prepare(db, "SELECT gid FROM cycle LIMIT 1", &st) == LF_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(out, LF_GID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return out;
}

TEST(export_shows_signed_opinions_and_the_units_level_names)
{
	struct lf_db *db = demo("opinion.db");
	struct lf_formset *set = lf_formset_load(NULL, NULL, NULL);
	struct lf_export_opts o;
	struct lf_rec *r;
	char cycle[LF_GID_LEN + 1], *text;

	if (!db)
		goto out;
	r = lf_rec_new(lf_kind_find("opinion"));
	lf_rec_set_text(r, "cycle", cycle_gid(db, cycle));
	lf_rec_set_text(r, "role", "纪检组");
	lf_rec_set_text(r, "text", "风险点查找准确，同意。");
	lf_rec_set_text(r, "signer", "郑立新");
	lf_rec_set_text(r, "signed", "2026-05-06");
	T_OK(lf_rec_put(db, r) == LF_OK, "the discipline group's opinion on the unit's table: %s", db->err);
	lf_rec_free(r);
	/* The grading scheme (grade.h) is where the names are, not a setting of the export's own. */
	snprintf(db->actor, sizeof db->actor, "admin"); /* settings are the administrator's */
	T_OK(lf_scheme_preset(db, "一级最高") == LF_OK, "the unit names its levels as seed 003 does: %s", db->err);
	snprintf(db->actor, sizeof db->actor, "discipline");
	memset(&o, 0, sizeof o);
	o.format = LF_XFMT_TXT;
	T_OK(lf_export(db, table(set, "summary"), t_path("o.txt"), &o, NULL) == LF_OK, "export: %s", db->err);
	text = slurp(t_path("o.txt"));
	T_OK(strstr(text, "派驻纪检组意见：风险点查找准确，同意。") != NULL, "the opinion is printed");
	T_OK(strstr(text, "签字：郑立新　2026年5月6日") != NULL, "with its signature and date");
	T_OK(strstr(text, "签字：　　　　　　　　　　　年　　月　　日") != NULL, "unsigned ones leave room to sign");
	T_OK(strstr(text, " 一级 ") && !strstr(text, " 高 "), "levels use the unit's names");
	{
		struct lf_scheme sc;
		int level = 0;

		T_OK(lf_scheme_load(db, &sc) == LF_OK && lf_scheme_level_parse(db, &sc, "一级", &level) == LF_OK && level == 3,
		     "and read back to the ordinal");
		lf_scheme_free(&sc);
	}
	lf_free(text);
out:
	lf_formset_free(set);
	lf_db_close(db);
}
