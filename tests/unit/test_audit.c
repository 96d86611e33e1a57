/* Tests of audit: a chain rewritten consistently from some entry on still
 * disagrees with the revisions and with the recorded head; a record's
 * history lists what each entry changed. */
#include "t.h"
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/rec.h"
#include "lianfang/store.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char reported[4096];

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	if (strlen(reported) + strlen(msg) + 2 < sizeof reported) {
		strcat(reported, msg);
		strcat(reported, "\n");
	}
}

static long verify(struct lf_db *db)
{
	reported[0] = 0;
	return lf_audit_verify(db, collect, NULL);
}

static struct lf_db *db_with_records(const char *file, char gid[33])
{
	struct lf_db *db = NULL;
	struct lf_rec *r;
	char err[512];
	int i;

	unlink(t_path(file));
	if (!T_OK(lf_db_create(t_path(file), "620902", "测试局", NULL, "tester", &db, err, sizeof err) == LF_OK,
	          "create %s: %s", file, err))
		return NULL;
	for (i = 0; i < 3; i++) {
		char name[32];

		r = lf_rec_new(lf_kind_find("dept"));
		snprintf(name, sizeof name, "第%d科", i + 1);
		lf_rec_set_text(r, "name", name);
		lf_rec_set_int(r, "seq", i);
		T_OK(lf_rec_put(db, r) == LF_OK, "save %s", name);
		memcpy(gid, r->gid, 33);
		lf_rec_free(r);
	}
	return db;
}

/* Set the actor of entry `seq` and recompute every hash from there on, as
 * someone who knows the hashing would. */
static void rewrite_from(struct lf_db *db, long long seq, const char *actor)
{
	static const char sel[] = "SELECT unit, seq, at, actor, action, kind, gid, before, after, prev FROM audit "
	                          "WHERE unit = '620902' AND seq >= ?1 ORDER BY seq";
	sqlite3_stmt *st, *up;
	char prev[65] = "";

	sqlite3_prepare_v2(db->sql, sel, -1, &st, NULL);
	sqlite3_prepare_v2(db->sql, "UPDATE audit SET actor = ?1, prev = ?2, hash = ?3 WHERE unit = '620902' AND seq = ?4",
	                   -1, &up, NULL);
	sqlite3_bind_int64(st, 1, seq);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct lf_audit_entry e;

		memset(&e, 0, sizeof e);
		snprintf(e.unit, sizeof e.unit, "%s", (const char *)sqlite3_column_text(st, 0));
		e.seq = sqlite3_column_int64(st, 1);
		snprintf(e.at, sizeof e.at, "%s", (const char *)sqlite3_column_text(st, 2));
		e.actor = e.seq == seq ? (char *)actor : (char *)sqlite3_column_text(st, 3);
		e.action = (char *)sqlite3_column_text(st, 4);
		e.kind = (char *)sqlite3_column_text(st, 5);
		e.gid = (char *)sqlite3_column_text(st, 6);
		e.before = (char *)sqlite3_column_text(st, 7);
		e.after = (char *)sqlite3_column_text(st, 8);
		snprintf(e.prev, sizeof e.prev, "%s", prev[0] ? prev : (const char *)sqlite3_column_text(st, 9));
		lf_audit_hash(&e, e.hash);
		sqlite3_reset(up);
		sqlite3_bind_text(up, 1, e.actor, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, e.prev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 3, e.hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(up, 4, e.seq);
		sqlite3_step(up);
		memcpy(prev, e.hash, sizeof prev);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
}

TEST(audit_rewritten_chain_is_still_caught)
{
	char gid[33], head_before[65], head_after[65];
	long long seq_before, seq_after;
	struct lf_db *db = db_with_records("rewrite.db", gid);
	long n;

	if (!db)
		return;
	n = verify(db);
	T_OK(n == 0, "untouched: no problem (%s)", reported);
	lf_audit_head(db, &seq_before, head_before);
	T_OK(seq_before == 4, "four entries: the unit and three departments (%lld)", seq_before);
	rewrite_from(db, 2, "someone-else");
	n = verify(db);
	T_OK(n == 1 && strstr(reported, "第 2 条") && strstr(reported, "someone-else"),
	     "a consistently rewritten chain still disagrees with the revision's author: %s", reported);
	lf_audit_head(db, &seq_after, head_after);
	T_OK(seq_after == seq_before && strcmp(head_before, head_after),
	     "and the last hash differs from the one written down");
	lf_db_close(db);
}

struct seen {
	char text[2048];
	int entries;
};

static int add_change(void *ctx, const char *field, const char *label, const char *before, const char *after)
{
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof s->text - n, "%s[%s]%s→%s;", field, label, before ? before : "-",
	         after ? after : "-");
	return 0;
}

static int each_entry(void *ctx, const struct lf_audit_entry *e)
{
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	s->entries++;
	snprintf(s->text + n, sizeof s->text - n, "%s:", e->action);
	return 0;
}

TEST(audit_history_of_a_record)
{
	char gid[33], found[33], kind[40];
	struct lf_db *db = db_with_records("history.db", gid);
	struct lf_rec *r;
	struct seen all, last;

	if (!db)
		return;
	r = lf_rec_new(lf_kind_find("dept"));
	lf_rec_load(db, r->kind, gid, r);
	lf_rec_set_text(r, "name", "改名科");
	T_OK(lf_rec_put(db, r) == LF_OK, "rename the department");
	lf_rec_free(r);
	T_OK(lf_rec_delete(db, lf_kind_find("dept"), gid) == LF_OK, "delete it");
	memset(&all, 0, sizeof all);
	T_OK(lf_audit_list(db, gid, NULL, each_entry, &all) == LF_OK && all.entries == 3 &&
	     !strcmp(all.text, "put:put:delete:"), "its history: made, renamed, deleted (%s)", all.text);
	T_OK(lf_audit_find(db, (char[7]){ gid[0], gid[1], gid[2], gid[3], gid[4], gid[5], 0 }, found, kind) == LF_OK &&
	     !strcmp(found, gid) && !strcmp(kind, "dept"), "found by the first six characters");
	{
		struct lf_audit_entry e;
		sqlite3_stmt *st;

		memset(&last, 0, sizeof last);
		memset(&e, 0, sizeof e);
		sqlite3_prepare_v2(db->sql, "SELECT before, after FROM audit WHERE gid = ?1 AND action = 'put' "
		                            "ORDER BY seq DESC LIMIT 1", -1, &st, NULL);
		sqlite3_bind_text(st, 1, gid, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			e.kind = "dept";
			e.action = "put";
			e.before = (char *)sqlite3_column_text(st, 0);
			e.after = (char *)sqlite3_column_text(st, 1);
			T_OK(lf_audit_changes(db, &e, add_change, &last) == LF_OK, "changes of the rename");
		}
		sqlite3_finalize(st);
		T_EQ_STR(last.text, "name[处室名称]第3科→改名科;", "only the name changed");
	}
	lf_db_close(db);
}
