/* draft: unsaved form contents (see draft.h). The data column is a JSON
 * object, field name → text as typed, written by us and read back with
 * SQLite's json_each, so a draft survives any text a user can type. */
#include "lianfang/draft.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char *to_json(int n, const char *const *names, const char *const *values)
{
	struct lf_buf b;
	int i;

	lf_buf_init(&b);
	lf_buf_addc(&b, '{');
	for (i = 0; i < n; i++) {
		if (i)
			lf_buf_addc(&b, ',');
		lf_json_string(&b, names[i]);
		lf_buf_addc(&b, ':');
		lf_json_string(&b, values[i] ? values[i] : "");
	}
	lf_buf_addc(&b, '}');
	return lf_buf_steal(&b);
}

lf_status lf_draft_save(struct lf_db *db, const char *form, const char *target, int n,
                        const char *const *names, const char *const *values)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO draft(login, form, target, data, saved) VALUES(?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *st;
	char now[21];
	char *json;
	lf_status s;
	int rc;

	for (int i = 0; i < n; i++)
		if (values[i] && lf_utf8_valid(values[i], strlen(values[i])) != strlen(values[i]))
			return lf_fail(db, LF_INVALID, "草稿的“%s”含有无效的 UTF-8 字节。", names[i]);
	if ((s = lf_tx_begin(db)))
		return s;
	if ((s = lf_prepare(db, sql, &st)))
		return lf_tx_end(db, s);
	json = to_json(n, names, values);
	lf_now_utc(now);
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, target ? target : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	s = rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "保存草稿失败");
	sqlite3_finalize(st);
	lf_free(json);
	return lf_tx_end(db, s);
}

void lf_draft_clear(struct lf_draft *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		lf_free(d->names[i]);
		lf_free(d->values[i]);
	}
	lf_free(d->names);
	lf_free(d->values);
	memset(d, 0, sizeof *d);
}

lf_status lf_draft_load(struct lf_db *db, const char *form, const char *target, struct lf_draft *d)
{
	static const char sql[] =
		"SELECT j.key, j.value, d.saved FROM draft d, json_each(d.data) j "
		"WHERE d.login = ?1 AND d.form = ?2 AND d.target = ?3 AND j.type = 'text' ORDER BY j.id";
	sqlite3_stmt *st;
	lf_status s;
	int rc, found = 0;

	memset(d, 0, sizeof *d);
	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, target ? target : "", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		found = 1;
		d->names = lf_realloc(d->names, (size_t)(d->n + 1) * sizeof *d->names);
		d->values = lf_realloc(d->values, (size_t)(d->n + 1) * sizeof *d->values);
		d->names[d->n] = lf_strdup((const char *)sqlite3_column_text(st, 0));
		d->values[d->n] = lf_strdup((const char *)sqlite3_column_text(st, 1));
		d->n++;
		snprintf(d->saved, sizeof d->saved, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		lf_draft_clear(d);
		return lf_sqlfail(db, rc, "读取草稿失败");
	}
	return found ? LF_OK : LF_NOTFOUND;
}

lf_status lf_draft_delete(struct lf_db *db, const char *form, const char *target)
{
	static const char sql[] = "DELETE FROM draft WHERE login = ?1 AND form = ?2 AND target = ?3";
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	if ((s = lf_prepare(db, sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, target ? target : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	s = rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "删除草稿失败");
	sqlite3_finalize(st);
	return s;
}

const char *lf_draft_get(const struct lf_draft *d, const char *name)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (!strcmp(d->names[i], name))
			return d->values[i];
	return NULL;
}

/* A file name part from a login or form id: letters, digits, '.', '_', '-'. */
static char *safe_name(const char *s)
{
	char *out = lf_strdup(*s ? s : "_"), *p;

	for (p = out; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      *p == '.' || *p == '_' || *p == '-'))
			*p = '_';
	return out;
}

char *lf_draft_rescue(struct lf_db *db, const char *form, const char *target, int n,
                      const char *const *names, const char *const *values)
{
	char *json = to_json(n, names, values);
	char *login = safe_name(db->actor), *fid = safe_name(form);
	char *path = lf_printf("%s.draft-%s-%s-%ld.json", db->path, login, fid, (long)getpid());
	struct lf_buf b;
	FILE *fp = fopen(path, "wx");
	int ok = 0;

	lf_buf_init(&b);
	lf_buf_adds(&b, "{\"login\":");
	lf_json_string(&b, db->actor);
	lf_buf_adds(&b, ",\"form\":");
	lf_json_string(&b, form);
	lf_buf_adds(&b, ",\"target\":");
	lf_json_string(&b, target ? target : "");
	lf_buf_adds(&b, ",\"data\":");
	lf_buf_adds(&b, json);
	lf_buf_adds(&b, "}\n");
	if (fp) {
		ok = fwrite(b.s, 1, b.len, fp) == b.len;
		ok = fflush(fp) == 0 && fsync(fileno(fp)) == 0 && ok;
		ok = fclose(fp) == 0 && ok;
	}
	lf_buf_free(&b);
	lf_free(json);
	lf_free(login);
	lf_free(fid);
	if (!ok) {
		lf_free(path);
		return NULL;
	}
	return path;
}
