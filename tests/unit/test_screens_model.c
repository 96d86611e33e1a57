/* Tests of the models behind the screens: drafts, paged record lists, entry
 * forms (checking and saving what is typed), the overview. No curses. */
#include "t.h"
#include "lianfang/draft.h"
#include "lianfang/entry.h"
#include "lianfang/overview.h"
#include "lianfang/reclist.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* T_EQ_INT evaluates its arguments twice: calls go through this. */
#define IS(call, want, what)                   \
	do {                                       \
		long long got_ = (long long)(call);    \
		T_EQ_INT(got_, want, what);            \
	} while (0)

static struct lf_db *new_db(const char *name)
{
	struct lf_db *db = NULL;
	char err[1024];

	unlink(t_path(name));
	if (lf_db_create(t_path(name), "620902", "肃州区市场监督管理局", "620900", "tester", &db, err, sizeof err))
		printf("# %s\n", err);
	return db;
}

static char *put_person(struct lf_db *db, const char *name, const char *title)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find("person"));
	char *gid;

	lf_rec_set_text(r, "name", name);
	lf_rec_set_text(r, "title", title);
	lf_rec_set_int(r, "retired", 0);
	if (lf_rec_put(db, r))
		printf("# put: %s\n", db->err);
	gid = lf_strdup(r->gid);
	lf_rec_free(r);
	return gid;
}

TEST(draft_save_load_replace_delete)
{
	struct lf_db *db = new_db("draft.db");
	const char *names[] = { "name", "title" };
	const char *vals[] = { "张三丰\n\"引号\"\\", "科长" };
	const char *vals2[] = { "李四", "" };
	struct lf_draft d;

	if (!T_OK(db != NULL, "database created"))
		return;
	IS(lf_draft_load(db, "person", "", &d), LF_NOTFOUND, "no draft at first");
	IS(lf_draft_save(db, "person", "", 2, names, vals), LF_OK, "draft saved");
	IS(lf_draft_load(db, "person", "", &d), LF_OK, "draft loaded");
	T_EQ_STR(lf_draft_get(&d, "name"), vals[0], "newline, quote and backslash survive");
	T_EQ_STR(lf_draft_get(&d, "title"), "科长", "second field");
	T_EQ_STR(d.saved, "2026-11-23T08:00:00Z", "saved at the (fixed) time");
	lf_draft_clear(&d);
	lf_draft_save(db, "person", "", 2, names, vals2);
	lf_draft_load(db, "person", "", &d);
	T_OK(d.n == 2 && !strcmp(lf_draft_get(&d, "name"), "李四"), "a second save replaces the first");
	lf_draft_clear(&d);
	snprintf(db->actor, sizeof db->actor, "other");
	IS(lf_draft_load(db, "person", "", &d), LF_NOTFOUND, "another user does not see it");
	snprintf(db->actor, sizeof db->actor, "tester");
	IS(lf_draft_load(db, "person", "0123456789abcdef0123456789abcdef", &d), LF_NOTFOUND,
	         "nor does another record's form");
	IS(lf_draft_delete(db, "person", ""), LF_OK, "deleted");
	IS(lf_draft_load(db, "person", "", &d), LF_NOTFOUND, "gone");
	lf_db_close(db);
}

TEST(draft_rescue_file_when_the_database_cannot_take_it)
{
	struct lf_db *db = new_db("rescue.db");
	const char *names[] = { "name" };
	const char *vals[] = { "王\"五" };
	char *path, buf[512] = "";
	FILE *fp;

	if (!db)
		return;
	snprintf(db->actor, sizeof db->actor, "../evil");
	path = lf_draft_rescue(db, "person", "", 1, names, vals);
	T_OK(path && strstr(path, "rescue.db.draft-.._evil-person-"), "file beside the database, login made safe: %s",
	     path ? path : "(null)");
	if (path && (fp = fopen(path, "r"))) {
		T_OK(fgets(buf, sizeof buf, fp) != NULL, "readable");
		fclose(fp);
	}
	T_OK(strstr(buf, "\"data\":{\"name\":\"王\\\"五\"}") != NULL, "JSON with the text: %s", buf);
	lf_free(path);
	lf_db_close(db);
}

static int collect_names(struct lf_listrow *rows, int n, char *out, size_t len)
{
	int i;

	out[0] = 0;
	for (i = 0; i < n; i++)
		snprintf(out + strlen(out), len - strlen(out), "%s%s", i ? "," : "", rows[i].cell[0]);
	return n;
}

TEST(reclist_pages_forward_and_back_with_ties)
{
	struct lf_db *db = new_db("list.db");
	const char *cols[] = { "name", "title", "retired" };
	struct lf_reclist *l = NULL;
	struct lf_listrow rows[7], last;
	char names[64][8], buf[512];
	int i, got, seen = 0, ok = 1;
	long long n;

	if (!db)
		return;
	lf_tx_begin(db);
	for (i = 0; i < 60; i++) {
		/* names with ties: 30 distinct names, each twice */
		snprintf(names[i], sizeof names[i], "n%02d", (i * 7) % 30);
		lf_free(put_person(db, names[i], i % 2 ? "科员" : "科长"));
	}
	lf_tx_end(db, LF_OK);
	IS(lf_reclist_open(db, lf_kind_find("person"), "name", cols, 3, &l), LF_OK, "list opened");
	lf_reclist_count(l, 1000, &n);
	T_EQ_INT(n, 60, "60 rows");
	lf_reclist_count(l, 50, &n);
	T_EQ_INT(n, 51, "counting stops after the cap");
	memset(rows, 0, sizeof rows);
	memset(&last, 0, sizeof last);
	/* forward in pages of 7: sorted by name, every row once */
	lf_reclist_page(l, NULL, 1, 7, rows, &got);
	while (got > 0) {
		for (i = 0; i < got; i++) {
			if (seen && strcmp(last.cell[0], rows[i].cell[0]) > 0)
				ok = 0;
			lf_listrow_copy(&last, &rows[i]);
			seen++;
		}
		lf_reclist_page(l, &last, 1, 7, rows, &got);
	}
	T_OK(ok && seen == 60, "forward: %d rows in name order", seen);
	/* backward from the end */
	seen = 0;
	lf_reclist_page(l, NULL, -1, 7, rows, &got);
	collect_names(rows, got, buf, sizeof buf);
	T_OK(!strcmp(buf, "n26,n27,n27,n28,n28,n29,n29"), "the last page, in list order: %s", buf);
	T_EQ_STR(rows[6].cell[0], "n29", "…ending with the last name");
	while (got > 0) {
		seen += got;
		lf_listrow_copy(&last, &rows[0]);
		lf_reclist_page(l, &last, -1, 7, rows, &got);
	}
	T_EQ_INT(seen, 60, "backward: every row once");
	T_EQ_STR(last.cell[0], "n00", "ends at the first");
	T_EQ_STR(last.cell[2], "", "a false yes/no shows empty");
	lf_listrow_clear(&last);
	for (i = 0; i < 7; i++)
		lf_listrow_clear(&rows[i]);
	lf_reclist_free(l);
	lf_db_close(db);
}

TEST(reclist_find_filter_and_references)
{
	struct lf_db *db = new_db("find.db");
	const char *pcols[] = { "name", "dept" };
	const char *cols[] = { "name", "title" };
	struct lf_reclist *l = NULL;
	struct lf_listrow row;
	struct lf_rec *r;
	char dept[LF_GID_LEN + 1], *g, *label;
	int found;

	if (!db)
		return;
	lf_free(put_person(db, "张三丰", "科长"));
	lf_free(put_person(db, "李四", "副科长"));
	g = put_person(db, "王五", "科员");
	lf_reclist_open(db, lf_kind_find("person"), "name", cols, 2, &l);
	memset(&row, 0, sizeof row);
	lf_reclist_find(l, NULL, 1, "科长", &row, &found);
	T_OK(found, "found 科长");
	lf_reclist_find(l, &row, 1, "科长", &row, &found);
	T_OK(found, "and a second one after it");
	lf_reclist_find(l, &row, 1, "科长", &row, &found);
	T_OK(!found, "no third");
	lf_reclist_find(l, NULL, -1, "王", &row, &found);
	T_OK(found && !strcmp(row.gid, g), "search backward from the end");
	IS(lf_reclist_get(l, g, &row), LF_OK, "get one row by gid");
	T_EQ_STR(row.cell[1], "科员", "its cells");
	lf_reclist_free(l);

	r = lf_rec_new(lf_kind_find("dept"));
	lf_rec_set_text(r, "name", "登记注册科");
	lf_rec_set_int(r, "retired", 0);
	lf_rec_put(db, r);
	snprintf(dept, sizeof dept, "%s", r->gid);
	lf_rec_free(r);
	r = lf_rec_new(lf_kind_find("post"));
	lf_rec_set_text(r, "name", "受理岗");
	lf_rec_set_text(r, "dept", dept);
	lf_rec_set_int(r, "retired", 0);
	lf_rec_put(db, r);
	lf_rec_free(r);
	lf_reclist_open(db, lf_kind_find("post"), "name", pcols, 2, &l);
	lf_reclist_filter(l, "dept", dept);
	lf_reclist_page(l, NULL, 1, 1, &row, &found);
	T_OK(found && !strcmp(row.cell[1], "登记注册科"), "a reference shows the record's name");
	lf_reclist_find(l, NULL, 1, "登记", &row, &found);
	T_OK(found, "search looks at the referenced name too");
	lf_reclist_free(l);
	label = lf_record_label(db, lf_kind_find("dept"), dept);
	T_EQ_STR(label, "登记注册科", "record label");
	lf_free(label);
	T_OK(lf_record_label(db, lf_kind_find("dept"), g) == NULL, "no label for a gid of another kind");
	IS(lf_reclist_open(db, lf_kind_find("person"), "title", cols, 2, &l), LF_USAGE,
	         "sorting by an optional field is refused");
	lf_listrow_clear(&row);
	lf_free(g);
	lf_db_close(db);
}

static const struct lf_form *form_of(struct lf_formset **set, const char *id)
{
	if (!*set)
		*set = lf_formset_load(NULL, NULL, NULL);
	return lf_formset_get(*set, id);
}

static int field_index(const struct lf_form *f, const char *name)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (!strcmp(f->fields[i].name, name))
			return i;
	return -1;
}

TEST(entry_checks_name_the_field_and_keep_the_text)
{
	struct lf_db *db = new_db("entry.db");
	struct lf_formset *set = NULL;
	const struct lf_form *f = form_of(&set, "person");
	struct lf_entry *e = NULL;
	int name, post, bad;
	struct lf_rec *r;
	struct lf_buf long_name;

	if (!db || !f)
		return;
	name = field_index(f, "name");
	post = field_index(f, "post");
	IS(lf_entry_open(db, f, NULL, &e), LF_OK, "a new person");
	IS(lf_entry_save(e, &bad), LF_INVALID, "empty name refused");
	T_EQ_INT(bad, name, "the first bad field is the name");
	T_EQ_STR(e->err[name], "“姓名”不能为空。", "message names the field");
	lf_buf_init(&long_name);
	for (int i = 0; i < 23; i++)
		lf_buf_adds(&long_name, "张");
	lf_entry_set(e, name, long_name.s);
	T_OK(!lf_entry_check(e, name), "23 characters in a 20-character field");
	T_EQ_STR(e->err[name], "“姓名”最多 20 个字，现在有 23 个。", "says how many");
	T_EQ_STR(lf_entry_text(e, name), long_name.s, "the text is kept whole");
	lf_entry_set(e, post, "0123456789abcdef0123456789abcdef");
	T_OK(!lf_entry_check(e, post), "a reference to nothing is refused");
	T_OK(strstr(e->err[post], "岗位") != NULL, "…naming the field: %s", e->err[post]);
	lf_entry_set(e, post, "");
	lf_entry_set(e, name, "  张三丰 ");
	IS(lf_entry_save(e, &bad), LF_OK, "saved");
	T_OK(!e->changed && strlen(lf_entry_target(e)) == 32, "saved: unchanged, has a gid");
	r = lf_rec_new(lf_kind_find("person"));
	lf_rec_load(db, lf_kind_find("person"), lf_entry_target(e), r);
	T_EQ_STR(lf_rec_text(r, "name"), "张三丰", "stored as UTF-8, trimmed");
	T_EQ_STR(lf_entry_text(e, name), "张三丰", "the form shows what was stored");
	lf_rec_free(r);
	lf_buf_free(&long_name);
	lf_entry_free(e);
	lf_formset_free(set);
	lf_db_close(db);
}

TEST(entry_dates_and_integers_are_normalised)
{
	struct lf_db *db = new_db("dates.db");
	struct lf_formset *set = NULL;
	const struct lf_form *f = form_of(&set, "cycle");
	struct lf_entry *e = NULL;
	static const char *const ok_dates[] = { "2026-11-22", "2026/11/22", "2026.11.22", "20261122", "２０２６／１１／２２" };
	int d, y, i, bad;

	if (!db || !f)
		return;
	d = field_index(f, "p1_start");
	y = field_index(f, "year");
	lf_entry_open(db, f, NULL, &e);
	for (i = 0; i < (int)LF_COUNT(ok_dates); i++) {
		int good;

		lf_entry_set(e, d, ok_dates[i]);
		good = lf_entry_check(e, d);
		T_OK(good && !strcmp(lf_entry_text(e, d), "2026-11-22"), "%s → %s", ok_dates[i], lf_entry_text(e, d));
	}
	lf_entry_set(e, d, "2026-02-30");
	T_OK(!lf_entry_check(e, d) && strstr(e->err[d], "不是有效日期"), "no 30 February");
	T_EQ_STR(lf_entry_text(e, d), "2026-02-30", "the bad date stays as typed");
	lf_entry_set(e, y, "１９９９");
	T_OK(!lf_entry_check(e, y), "1999 is out of range");
	T_OK(strstr(e->err[y], "2000 到 2100") != NULL, "range named: %s", e->err[y]);
	T_EQ_STR(lf_entry_text(e, y), "1999", "full-width digits made ASCII");
	lf_entry_set(e, y, "2026");
	lf_entry_set(e, d, "2026.3.1");
	IS(lf_entry_save(e, &bad), LF_OK, "saved");
	T_EQ_STR(lf_entry_text(e, d), "2026-03-01", "stored as ISO");
	lf_entry_free(e);
	lf_formset_free(set);
	lf_db_close(db);
}

TEST(entry_drafts_round_trip)
{
	struct lf_db *db = new_db("edraft.db");
	struct lf_formset *set = NULL;
	const struct lf_form *f = form_of(&set, "person");
	struct lf_entry *e = NULL, *again = NULL;
	struct lf_draft d;
	int name, title;

	if (!db || !f)
		return;
	name = field_index(f, "name");
	title = field_index(f, "title");
	lf_entry_open(db, f, NULL, &e);
	lf_entry_set(e, name, "赵六");
	lf_entry_set(e, title, "这是一个很长的职务名称，超过三十个字也要原样保存，不能丢掉任何一个字");
	IS(lf_entry_keep_draft(e), LF_OK, "kept as draft even though the title is too long");
	lf_entry_open(db, f, NULL, &again);
	IS(lf_entry_find_draft(again, &d), LF_OK, "the next open finds it");
	lf_entry_apply_draft(again, &d);
	T_EQ_STR(lf_entry_text(again, name), "赵六", "name restored");
	T_EQ_STR(lf_entry_text(again, title), lf_entry_text(e, title), "long title restored whole");
	T_OK(again->changed, "a restored draft counts as a change");
	lf_draft_clear(&d);
	lf_entry_set(again, title, "科员");
	IS(lf_entry_save(again, &name), LF_OK, "saved");
	IS(lf_entry_find_draft(e, &d), LF_NOTFOUND, "saving removed the draft");
	lf_entry_free(e);
	lf_entry_free(again);
	lf_formset_free(set);
	lf_db_close(db);
}

TEST(overview_unit_cycle_and_counts)
{
	struct lf_db *db = new_db("ov.db");
	struct lf_overview o;
	struct lf_rec *r;
	long long n;

	if (!db)
		return;
	IS(lf_overview_load(db, &o), LF_OK, "loads with no cycle");
	T_OK(!strcmp(o.unit_name, "肃州区市场监督管理局") && o.year == 0, "unit name, no year");
	lf_overview_clear(&o);
	r = lf_rec_new(lf_kind_find("cycle"));
	lf_rec_set_int(r, "year", 2026);
	lf_rec_set_text(r, "p1_start", "2026-03-01");
	lf_rec_set_text(r, "p2_start", "2026-04-01");
	lf_rec_set_text(r, "p3_start", "2026-05-01");
	lf_rec_set_text(r, "p4_start", "2026-12-01");
	lf_rec_set_int(r, "closed", 0);
	IS(lf_rec_put(db, r), LF_OK, "cycle saved");
	lf_overview_load(db, &o);
	T_OK(o.year == 2026 && o.phase == 3, "2026, phase 3 on 2026-11-23 (got %d, %d)", o.year, o.phase);
	T_EQ_STR(lf_phase_label(o.phase), "防范监督", "phase label");
	lf_overview_clear(&o);
	lf_rec_set_int(r, "phase", 4);
	lf_rec_put(db, r);
	lf_overview_load(db, &o);
	T_EQ_INT(o.phase, 4, "a phase set by hand wins");
	lf_overview_clear(&o);
	lf_rec_free(r);
	lf_free(put_person(db, "甲", NULL));
	lf_overview_count(db, lf_kind_find("person"), 100, &n);
	T_EQ_INT(n, 1, "one person");
	lf_db_close(db);
}

TEST(entry_saves_through_the_model_and_its_rules)
{
	struct lf_db *db = new_db("rules.db");
	struct lf_formset *set = NULL;
	const struct lf_form *df = form_of(&set, "dept"), *pf = form_of(&set, "post"), *rf = form_of(&set, "risk");
	struct lf_entry *e = NULL, *p = NULL, *r = NULL;
	char dept[LF_GID_LEN + 1];
	int bad;
	lf_status st;

	if (!db || !df || !pf || !rf)
		return;
	lf_entry_open(db, df, NULL, &e);
	lf_entry_set(e, field_index(df, "name"), "登记注册科");
	IS(lf_entry_save(e, &bad), LF_OK, "a department saved through lf_dept_add");
	snprintf(dept, sizeof dept, "%s", lf_entry_target(e));
	lf_entry_free(e);
	lf_entry_open(db, df, NULL, &e);
	lf_entry_set(e, field_index(df, "name"), "登记注册科");
	st = lf_entry_save(e, &bad);
	T_OK(st != LF_OK && bad == field_index(df, "name"), "a second department of the same name is refused (%s), "
	     "on the name field", db->err);
	lf_entry_free(e);

	lf_entry_open(db, pf, NULL, &p);
	lf_entry_set(p, field_index(pf, "dept"), dept);
	lf_entry_set(p, field_index(pf, "name"), "受理岗");
	IS(lf_entry_save(p, &bad), LF_OK, "a post in it");
	/* retiring the department from its form: the model refuses while a post is in use */
	lf_entry_open(db, df, dept, &e);
	lf_entry_set(e, field_index(df, "retired"), "是");
	st = lf_entry_save(e, &bad);
	T_OK(st == LF_STATE && strstr(db->err, "在用的岗位"), "retiring a department with posts: %s", db->err);
	T_EQ_STR(lf_entry_text(e, field_index(df, "retired")), "是", "the form keeps what was chosen");
	IS(lf_record_set_retired(db, lf_kind_find("post"), lf_entry_target(p), 1), LF_OK, "the post retired from a list");
	IS(lf_entry_save(e, &bad), LF_OK, "then the department may be");
	IS(lf_record_set_retired(db, lf_kind_find("risk"), dept, 1), LF_USAGE, "a kind with no retire function");
	/* a kind with no model function behind its form is refused, never written unchecked */
	lf_entry_open(db, rf, NULL, &r);
	lf_entry_set(r, field_index(rf, "description"), "违规受理");
	IS(lf_entry_save(r, &bad), LF_DENIED, "a risk form cannot save here yet");
	lf_entry_free(r);
	lf_entry_free(e);
	lf_entry_free(p);
	lf_formset_free(set);
	lf_db_close(db);
}
