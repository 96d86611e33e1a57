/* auth: accounts, passwords, sign-in and the first administrator
 * (include/lianfang/auth.h).
 *
 * The one idea: an account's state (login, name, person, system user,
 * whether a password is set, retired, roles) is written to the audit chain
 * as JSON every time the program changes it, so the last logged state must
 * always equal the table — anything else was changed behind the program's
 * back. Password hashes never leave the account table: not in structs, not
 * in the log. */
#include "lianfang/auth.h"
#include "lianfang/audit.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <pwd.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PWHASH_OPS crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PWHASH_MEM crypto_pwhash_MEMLIMIT_INTERACTIVE

/* LF_DEMO_PASSWORD hashed once with crypto_pwhash_str at the limits above:
 * the demo needs no hashing (and stays deterministic); tests verify it. It
 * also serves as the decoy verified for unknown logins, so they cost the same. */
static const char demo_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$MQR6q9Bi2zucfkyaCfRgFg$M7A62rO8bVtFHFqoJ06xJdjFFcyb/wMLfopkELYoIms";

/* Verify against the decoy, for the same cost as a real check. */
static void decoy_verify(const char *password)
{
	char h[crypto_pwhash_STRBYTES];

	snprintf(h, sizeof h, "%s", demo_hash);
	if (crypto_pwhash_str_verify(h, password, strlen(password)) == 0)
		h[0] = 0; /* the result does not matter */
}

const char *lf_auth_demo_hash(void);
const char *lf_auth_demo_hash(void)
{
	return demo_hash;
}

/* ------------------------------------------------------------------ SQL */

static const char account_sql[] =
	"SELECT id, login, name, coalesce(person, ''), coalesce(sys_user, ''), pw_hash IS NOT NULL, failures, "
	"coalesce(locked_until, ''), retired, created FROM account WHERE login = ?1";
static const char account_by_sys_sql[] = "SELECT login FROM account WHERE sys_user = ?1";
static const char account_all_sql[] = "SELECT login FROM account ORDER BY login";
static const char roles_sql[] = "SELECT role, coalesce(dept, '') FROM account_role WHERE account = ?1";
static const char pw_hash_sql[] = "SELECT pw_hash FROM account WHERE id = ?1";
static const char count_sql[] = "SELECT count(*) FROM account";
/* This unit's chain only: other units' chains arrive with their bundles.
 * The entries after the last one looked at; that one still as it was. */
static const char logged_accounts_sql[] =
	"SELECT seq, hash, kind = 'account' FROM audit WHERE unit = ?1 AND seq > ?2 ORDER BY seq";
static const char seen_entry_sql[] = "SELECT 1 FROM audit WHERE unit = ?1 AND seq = ?2 AND hash = ?3";
static const char insert_sql[] =
	"INSERT INTO account(login, name, person, sys_user, pw_hash, created) VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
static const char role_insert_sql[] = "INSERT INTO account_role(account, role, dept) VALUES(?1, ?2, ?3)";
static const char role_delete_sql[] = "DELETE FROM account_role WHERE account = ?1 AND role = ?2 AND dept IS ?3";
static const char set_name_sql[] = "UPDATE account SET name = ?2 WHERE id = ?1";
static const char set_person_sql[] = "UPDATE account SET person = ?2 WHERE id = ?1";
static const char set_pw_sql[] = "UPDATE account SET pw_hash = ?2, failures = 0, locked_until = NULL WHERE id = ?1";
static const char set_sys_sql[] = "UPDATE account SET sys_user = ?2 WHERE id = ?1";
static const char set_retired_sql[] = "UPDATE account SET retired = ?2 WHERE id = ?1";
static const char unlock_sql[] = "UPDATE account SET failures = 0, locked_until = NULL WHERE id = ?1";
static const char failures_sql[] = "SELECT failures FROM account WHERE id = ?1";
static const char fail_sql[] = "UPDATE account SET failures = ?2, locked_until = ?3 WHERE id = ?1";
static const char active_admins_sql[] =
	"SELECT count(DISTINCT a.id) FROM account a JOIN account_role r ON r.account = a.id "
	"WHERE r.role = 'admin' AND a.retired = 0 AND a.id <> ?1";
static const char person_taken_sql[] =
	"SELECT login FROM account WHERE person = ?1 AND retired = 0 AND id <> ?2 LIMIT 1";
static const char state_sql[] =
	"SELECT json_object('login', a.login, 'name', a.name, 'person', a.person, 'sys_user', a.sys_user, "
	"'password', json(CASE WHEN a.pw_hash IS NULL THEN 'false' ELSE 'true' END), 'retired', a.retired, "
	"'roles', json((SELECT json_group_array(json_array(r.role, r.dept)) FROM "
	"(SELECT role, dept FROM account_role WHERE account = a.id ORDER BY role, dept) r))) "
	"FROM account a WHERE a.login = ?1";
static const char last_state_sql[] =
	"SELECT seq, after FROM audit WHERE unit = ?1 AND kind = 'account' AND gid = ?2 ORDER BY seq DESC LIMIT 1";
static const char logged_logins_sql[] =
	"SELECT DISTINCT gid FROM audit WHERE unit = ?1 AND kind = 'account' AND gid NOT IN (SELECT login FROM account) "
	"ORDER BY gid";
static const char state_diff_sql[] =
	"SELECT a.key FROM json_each(?1) a WHERE NOT EXISTS "
	"(SELECT 1 FROM json_each(?2) b WHERE b.key = a.key AND b.value IS a.value) ORDER BY a.id";
/* Departments and persons by name, for commands (read-only lookups). */
static const char dept_by_name_sql[] =
	"SELECT gid FROM dept WHERE owner = ?2 AND deleted = 0 AND (gid = ?1 OR name = ?1) ORDER BY seq, gid";
static const char person_by_name_sql[] =
	"SELECT gid FROM person WHERE owner = ?2 AND deleted = 0 AND (gid = ?1 OR name = ?1) ORDER BY gid";

/* ------------------------------------------------------------------ small helpers */

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Run one statement with an id and optional text/int, no result rows. */
static lf_status exec_id(struct lf_db *db, const char *sql, long long id, const char *text, const char *what)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2)
		bind_opt(st, 2, text);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, what);
}

static void utc_format(time_t t, char out[21])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The local time of a UTC timestamp as "HH:MM:SS" (messages show HH:MM of a lock). */
static void local_hms(const char *utc, char out[9])
{
	time_t t = lf_utc_parse(utc);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 9, "%H:%M:%S", &tm);
}

int lf_auth_wait_seconds(int failures)
{
	if (failures >= LF_AUTH_LOCK_AFTER)
		return LF_AUTH_LOCK_SECONDS;
	if (failures == LF_AUTH_LOCK_AFTER - 1)
		return 60;
	if (failures == LF_AUTH_LOCK_AFTER - 2)
		return 30;
	return 0;
}

/* ------------------------------------------------------------------ validation */

static int login_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n >= 1 && n <= LF_LOGIN_MAX &&
	       strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._-") == n;
}

static lf_status check_login(struct lf_db *db, const char *login)
{
	if (!login_valid(login))
		return lf_fail(db, LF_INVALID, "登录名“%s”无效：应为 1–%d 个英文字母、数字或“.”“_”“-”。",
		               login ? login : "", LF_LOGIN_MAX);
	return LF_OK;
}

static lf_status check_name(struct lf_db *db, const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (!n || lf_utf8_valid(name, n) != n || lf_has_control(name) || lf_utf8_chars(name) > 50)
		return lf_fail(db, LF_INVALID, "用户的“姓名”应为 1–50 个字的文字。");
	return LF_OK;
}

static lf_status check_sys_user(struct lf_db *db, const char *u)
{
	size_t n = u ? strlen(u) : 0;

	if (n < 1 || n > LF_SYSUSER_MAX ||
	    strspn(u, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._@$-") != n)
		return lf_fail(db, LF_INVALID, "系统账户名“%s”无效：应为 1–%d 个英文字母、数字或“.”“_”“@”“-”。",
		               u ? u : "", LF_SYSUSER_MAX);
	return LF_OK;
}

lf_status lf_password_check(struct lf_db *db, const char *login, const char *pw)
{
	size_t n = pw ? strlen(pw) : 0, i;

	for (i = 0; i < n; i++)
		if ((unsigned char)pw[i] < 0x20 || (unsigned char)pw[i] > 0x7e)
			return lf_fail(db, LF_INVALID, "密码只能由英文字母、数字、符号和空格组成：汉字在 GBK 和 UTF-8 "
			               "终端上的编码不同，含汉字的密码换一台终端就可能无法登录。");
	if (n < LF_PASSWORD_MIN || n > LF_PASSWORD_MAX)
		return lf_fail(db, LF_INVALID, "密码应为 %d–%d 个字符，现在是 %zu 个。", LF_PASSWORD_MIN,
		               LF_PASSWORD_MAX, n);
	if (login && !strcmp(login, pw))
		return lf_fail(db, LF_INVALID, "密码不能与登录名相同。");
	return LF_OK;
}

static lf_status hash_password(struct lf_db *db, const char *pw, char out[crypto_pwhash_STRBYTES])
{
	if (crypto_pwhash_str(out, pw, strlen(pw), PWHASH_OPS, PWHASH_MEM) != 0)
		return lf_fail(db, LF_NOMEM, "内存不足，无法计算密码哈希（需要 %zu MB 内存）。",
		               (size_t)(PWHASH_MEM >> 20));
	return LF_OK;
}

/* ------------------------------------------------------------------ reading accounts */

void lf_account_clear(struct lf_account *a)
{
	lf_free(a->name);
	lf_free(a->person_name);
	lf_free(a->roles);
	memset(a, 0, sizeof *a);
}

static int role_cmp(const void *x, const void *y)
{
	const struct lf_account_role *a = x, *b = y;

	return a->role != b->role ? (int)a->role - (int)b->role : strcmp(a->dept, b->dept);
}

static lf_status load_roles(struct lf_db *db, struct lf_account *a)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, roles_sql, &st);
	int rc, cap = 0;

	if (s)
		return s;
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int r = lf_role_parse(col(st, 0));

		if (r < 0)
			continue; /* the schema's CHECK allows only known roles */
		if (a->nroles == cap) {
			cap = cap ? cap * 2 : 4;
			a->roles = lf_realloc(a->roles, (size_t)cap * sizeof *a->roles);
		}
		a->roles[a->nroles].role = (enum lf_role)r;
		snprintf(a->roles[a->nroles].dept, sizeof a->roles[a->nroles].dept, "%s", col(st, 1));
		a->nroles++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "读取用户角色失败");
	if (a->nroles > 1)
		qsort(a->roles, (size_t)a->nroles, sizeof *a->roles, role_cmp);
	return LF_OK;
}

/* The person's name and post, through the record layer (org owns person). */
static void load_person(struct lf_db *db, struct lf_account *a)
{
	const struct lf_kind *k = lf_kind_find("person");
	struct lf_rec *r;

	if (!a->person[0] || !k)
		return;
	r = lf_rec_new(k);
	if (lf_rec_load(db, k, a->person, r) == LF_OK) {
		a->person_name = lf_strdup(lf_rec_text(r, "name"));
		snprintf(a->post, sizeof a->post, "%s", lf_rec_text(r, "post") ? lf_rec_text(r, "post") : "");
	}
	lf_rec_free(r);
	db->err[0] = 0;
}

lf_status lf_account_get(struct lf_db *db, const char *login, struct lf_account *a)
{
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	memset(a, 0, sizeof *a);
	if ((s = lf_prepare(db, account_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, login ? login : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(st, 0);
		snprintf(a->login, sizeof a->login, "%s", col(st, 1));
		a->name = lf_strdup(col(st, 2));
		snprintf(a->person, sizeof a->person, "%s", col(st, 3));
		snprintf(a->sys_user, sizeof a->sys_user, "%s", col(st, 4));
		a->has_password = sqlite3_column_int(st, 5);
		a->failures = sqlite3_column_int(st, 6);
		snprintf(a->locked_until, sizeof a->locked_until, "%s", col(st, 7));
		a->retired = sqlite3_column_int(st, 8);
		snprintf(a->created, sizeof a->created, "%s", col(st, 9));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return lf_fail(db, LF_NOTFOUND, "本数据库没有登录名为“%s”的用户。", login ? login : "");
	if (rc != SQLITE_ROW)
		return lf_sqlfail(db, rc, "读取用户失败");
	if ((s = load_roles(db, a))) {
		lf_account_clear(a);
		return s;
	}
	load_person(db, a);
	return LF_OK;
}

lf_status lf_account_list(struct lf_db *db, int (*fn)(void *ctx, const struct lf_account *a), void *ctx)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, account_all_sql, &st);
	char **logins = NULL;
	int n = 0, cap = 0, rc, i;

	if (s)
		return s;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			logins = lf_realloc(logins, (size_t)cap * sizeof *logins);
		}
		logins[n++] = lf_strdup(col(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取用户失败");
	for (i = 0; i < n && s == LF_OK; i++) {
		struct lf_account a;

		if ((s = lf_account_get(db, logins[i], &a)))
			break;
		rc = fn(ctx, &a);
		lf_account_clear(&a);
		if (rc)
			break;
	}
	for (i = 0; i < n; i++)
		lf_free(logins[i]);
	lf_free(logins);
	return s;
}

int lf_account_has_role(const struct lf_account *a, enum lf_role role, const char *dept)
{
	int i;

	for (i = 0; i < a->nroles; i++)
		if (a->roles[i].role == role && (!dept || !strcmp(a->roles[i].dept, dept)))
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ state and log */

lf_status lf_account_state_json(struct lf_db *db, const char *login, char **out)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, state_sql, &st);
	int rc;

	*out = NULL;
	if (s)
		return s;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = lf_strdup(col(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return lf_fail(db, LF_NOTFOUND, "本数据库没有登录名为“%s”的用户。", login);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取用户失败");
}

/* Append the account's state after a change; `before` is its state before
 * (NULL for a new account). */
static lf_status log_account(struct lf_db *db, const char *action, const char *login, const char *before)
{
	char *after = NULL;
	lf_status s = lf_account_state_json(db, login, &after);

	if (s == LF_OK)
		s = lf_audit_append(db, action, "account", login, before ? before : "", after);
	lf_free(after);
	return s;
}

/* No account in the table: setup mode, unless the audit chain records
 * accounts (then it was emptied behind our back). Every check of every
 * action in setup mode asks, so the chain is read once: later calls read
 * only the entries added since, after making sure the last one read is
 * still there (a rolled-back transaction takes its entries back). */
static lf_status logged_accounts(struct lf_db *db, enum lf_auth_state *out)
{
	sqlite3_stmt *st;
	lf_status s;
	int rc, account = 0;

	if (db->audit_seen_seq) {
		if ((s = lf_prepare(db, seen_entry_sql, &st)))
			return s;
		sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, db->audit_seen_seq);
		sqlite3_bind_text(st, 3, db->audit_seen_hash, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return lf_sqlfail(db, rc, "读取审计日志失败");
		if (rc == SQLITE_DONE)
			db->audit_seen_seq = 0;
	}
	if ((s = lf_prepare(db, logged_accounts_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, db->audit_seen_seq);
	while (!account && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		account = sqlite3_column_int(st, 2);
		db->audit_seen_seq = sqlite3_column_int64(st, 0);
		snprintf(db->audit_seen_hash, sizeof db->audit_seen_hash, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (account) {
		db->audit_seen_seq = 0; /* not a state to remember: it is looked at again */
		*out = LF_AUTH_BROKEN;
		return LF_OK;
	}
	if (rc != SQLITE_DONE) {
		db->audit_seen_seq = 0;
		return lf_sqlfail(db, rc, "读取审计日志失败");
	}
	*out = LF_AUTH_SETUP;
	return LF_OK;
}

lf_status lf_auth_state(struct lf_db *db, enum lf_auth_state *out)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, count_sql, &st);
	long long n = 0;
	int rc;

	*out = LF_AUTH_ENFORCED;
	if (s)
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return lf_sqlfail(db, rc, "读取用户失败");
	if (n > 0)
		return LF_OK;
	return logged_accounts(db, out);
}

/* ------------------------------------------------------------------ writing accounts */

static lf_status insert_account(struct lf_db *db, const char *login, const char *name, const char *person,
                                const char *sys_user, const char *pw_hash, long long *id)
{
	sqlite3_stmt *st;
	char now[21];
	lf_status s = lf_prepare(db, insert_sql, &st);
	int rc;

	if (s)
		return s;
	lf_now_utc(now);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	bind_opt(st, 3, person);
	bind_opt(st, 4, sys_user);
	bind_opt(st, 5, pw_hash);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "保存用户失败");
	*id = sqlite3_last_insert_rowid(db->sql);
	return LF_OK;
}

static lf_status insert_role(struct lf_db *db, long long id, enum lf_role role, const char *dept)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, role_insert_sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, lf_role_name(role), -1, SQLITE_STATIC);
	bind_opt(st, 3, dept);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "保存用户角色失败");
}

/* A person of this unit that exists and is not deleted. */
static lf_status check_person(struct lf_db *db, const char *gid, long long self_id)
{
	const struct lf_kind *k = lf_kind_find("person");
	struct lf_rec *r = lf_rec_new(k);
	sqlite3_stmt *st;
	lf_status s = lf_rec_load(db, k, gid, r);
	int rc;

	if (s == LF_OK && (r->deleted || strcmp(r->owner, db->unit)))
		s = LF_NOTFOUND;
	lf_rec_free(r);
	if (s == LF_NOTFOUND)
		return lf_fail(db, LF_INVALID, "人员 %.12s 不是本单位的在册人员。", gid);
	if (s)
		return s;
	if ((s = lf_prepare(db, person_taken_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, gid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, self_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s = lf_fail(db, LF_EXISTS, "这位人员已经有用户“%s”；一个人只能有一个在用的用户。", col(st, 0));
	else if (rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取用户失败");
	sqlite3_finalize(st);
	return s;
}

static lf_status check_sys_user_free(struct lf_db *db, const char *sys_user, const char *login)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, account_by_sys_sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_text(st, 1, sys_user, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && strcmp(col(st, 0), login))
		s = lf_fail(db, LF_EXISTS, "系统账户“%s”已经对应用户“%s”；一个系统账户只能对应一个用户。", sys_user,
		            col(st, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取用户失败");
	sqlite3_finalize(st);
	return s;
}

static lf_status check_new(struct lf_db *db, const struct lf_account_new *a)
{
	struct lf_account old;
	lf_status s;

	if ((s = check_login(db, a->login)) || (s = check_name(db, a->name)))
		return s;
	if (a->password && (s = lf_password_check(db, a->login, a->password)))
		return s;
	if (a->sys_user && (s = check_sys_user(db, a->sys_user)))
		return s;
	s = lf_account_get(db, a->login, &old);
	lf_account_clear(&old);
	if (s == LF_OK)
		return lf_fail(db, LF_EXISTS, "登录名“%s”已经有人用了。", a->login);
	if (s != LF_NOTFOUND)
		return s;
	if (a->sys_user && (s = check_sys_user_free(db, a->sys_user, a->login)))
		return s;
	if (a->person && (s = check_person(db, a->person, 0)))
		return s;
	return LF_OK;
}

/* Insert a checked new account with an already hashed password. */
static lf_status add_hashed(struct lf_db *db, const struct lf_account_new *a, const char *pw_hash, long long *id)
{
	return insert_account(db, a->login, a->name, a->person, a->sys_user, pw_hash, id);
}

lf_status lf_auth_create_admin(struct lf_db *db, const char *login, const char *name, const char *sys_user,
                               const char *password)
{
	struct lf_account_new a = { login, name, NULL, sys_user, password };
	char hash[crypto_pwhash_STRBYTES] = "", saved[LF_LOGIN_MAX + 1];
	enum lf_auth_state state;
	long long id = 0;
	lf_status s;

	if ((s = lf_auth_state(db, &state)))
		return s;
	if (state != LF_AUTH_SETUP)
		return lf_fail(db, LF_STATE, "本数据库已经有用户，不能再建立“第一个管理员”；请由管理员添加用户。");
	if (!password && !sys_user)
		return lf_fail(db, LF_INVALID, "管理员需要密码，或者对应一个系统账户（不用密码从该账户登录）。");
	if ((s = check_new(db, &a)))
		return s;
	if (password && (s = hash_password(db, password, hash)))
		return s;
	memcpy(saved, db->actor, sizeof saved);
	if ((s = lf_tx_begin(db)))
		return s;
	/* The new administrator is the one who acts from here on, and in the log. */
	snprintf(db->actor, sizeof db->actor, "%s", login);
	s = add_hashed(db, &a, password ? hash : NULL, &id);
	if (s == LF_OK)
		s = insert_role(db, id, LF_ROLE_ADMIN, NULL);
	if (s == LF_OK)
		s = log_account(db, "add", login, NULL);
	s = lf_tx_end(db, s);
	sodium_memzero(hash, sizeof hash);
	if (s)
		memcpy(db->actor, saved, sizeof saved);
	return s;
}

/* The acting administrator and the target account, for management calls. */
static lf_status begin_manage(struct lf_db *db, const char *login, struct lf_account *a)
{
	enum lf_auth_state state;
	lf_status s;

	memset(a, 0, sizeof *a);
	if ((s = lf_auth_state(db, &state)))
		return s;
	if (state == LF_AUTH_SETUP)
		return lf_fail(db, LF_STATE, "本数据库还没有用户：第一个用户必须是管理员（lianfang user add 登录名 "
		               "--name 姓名 --role admin），之后由管理员添加其他用户。");
	if ((s = lf_perm_check(db, LF_ACT_USERS, NULL)))
		return s;
	if (login && (s = lf_account_get(db, login, a)))
		return s;
	return LF_OK;
}

lf_status lf_account_add(struct lf_db *db, const struct lf_account_new *a)
{
	char hash[crypto_pwhash_STRBYTES] = "";
	struct lf_account none;
	long long id;
	lf_status s;

	if ((s = begin_manage(db, NULL, &none)) || (s = check_new(db, a)))
		return s;
	if (a->password && (s = hash_password(db, a->password, hash)))
		return s;
	if ((s = lf_tx_begin(db)))
		return s;
	s = add_hashed(db, a, a->password ? hash : NULL, &id);
	if (s == LF_OK)
		s = log_account(db, "add", a->login, NULL);
	sodium_memzero(hash, sizeof hash);
	return lf_tx_end(db, s);
}

/* Run fn inside one transaction, logging the account's state before and after. */
static lf_status change(struct lf_db *db, const char *login, const char *action,
                        lf_status (*fn)(struct lf_db *db, struct lf_account *a, const void *arg), const void *arg)
{
	struct lf_account a;
	char *before = NULL;
	lf_status s = begin_manage(db, login, &a);

	if (s) {
		lf_account_clear(&a);
		return s;
	}
	if ((s = lf_tx_begin(db))) {
		lf_account_clear(&a);
		return s;
	}
	s = lf_account_state_json(db, login, &before);
	if (s == LF_OK)
		s = fn(db, &a, arg);
	if (s == LF_OK)
		s = log_account(db, action, login, before);
	lf_free(before);
	lf_account_clear(&a);
	return lf_tx_end(db, s);
}

struct update_arg {
	const char *name, *person;
};

static lf_status do_update(struct lf_db *db, struct lf_account *a, const void *arg)
{
	const struct update_arg *u = arg;
	lf_status s = LF_OK;

	if (u->name && (s = check_name(db, u->name)))
		return s;
	if (u->person && *u->person && strcmp(u->person, a->person) && (s = check_person(db, u->person, a->id)))
		return s;
	if (u->person && !*u->person && lf_account_has_role(a, LF_ROLE_STAFF, NULL))
		return lf_fail(db, LF_STATE, "用户“%s”有科员角色，需要关联人员；请先收回科员角色再取消关联。", a->login);
	if (u->name)
		s = exec_id(db, set_name_sql, a->id, u->name, "保存用户失败");
	if (s == LF_OK && u->person)
		s = exec_id(db, set_person_sql, a->id, u->person, "保存用户失败");
	return s;
}

lf_status lf_account_update(struct lf_db *db, const char *login, const char *name, const char *person)
{
	struct update_arg u = { name, person };

	return change(db, login, "update", do_update, &u);
}

struct role_arg {
	enum lf_role role;
	const char *dept;
	int add;
};

static int role_needs_dept(enum lf_role r)
{
	return r == LF_ROLE_HEAD || r == LF_ROLE_LEADER;
}

/* Roles that sign off or judge risk work: an administrator may not give
 * them to their own account. */
static int risk_work_role(enum lf_role r)
{
	return r != LF_ROLE_STAFF && r != LF_ROLE_ADMIN;
}

static lf_status check_dept(struct lf_db *db, const char *gid)
{
	const struct lf_kind *k = lf_kind_find("dept");
	struct lf_rec *r = lf_rec_new(k);
	lf_status s = lf_rec_load(db, k, gid, r);

	if (s == LF_OK && (r->deleted || strcmp(r->owner, db->unit)))
		s = LF_NOTFOUND;
	lf_rec_free(r);
	if (s == LF_NOTFOUND)
		return lf_fail(db, LF_INVALID, "处室 %.12s 不是本单位的在册处室。", gid);
	return s;
}

static lf_status count_other_admins(struct lf_db *db, long long id, long long *n)
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, active_admins_sql, &st);
	int rc;

	if (s)
		return s;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, "读取用户失败");
}

static lf_status do_role(struct lf_db *db, struct lf_account *a, const void *arg)
{
	const struct role_arg *r = arg;
	const char *dept = r->dept && *r->dept ? r->dept : NULL;
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	if (r->add) {
		if (role_needs_dept(r->role) && !dept)
			return lf_fail(db, LF_INVALID, "%s角色要指明负责的处室。", lf_role_label(r->role));
		if (!role_needs_dept(r->role) && dept)
			return lf_fail(db, LF_INVALID, "%s角色面向全单位，不指定处室。", lf_role_label(r->role));
		if (dept && (s = check_dept(db, dept)))
			return s;
		if (r->role == LF_ROLE_STAFF && !a->post[0])
			return lf_fail(db, LF_STATE, "科员角色处理的是本人岗位的事项：请先把用户“%s”关联到一位有岗位的人员。",
			               a->login);
		if (risk_work_role(r->role) && !strcmp(a->login, db->actor))
			return lf_fail(db, LF_DENIED, "管理员不能给自己授予%s角色：审核和评定风险不能由管理员自己授权自己，"
			               "请由另一位管理员授予。", lf_role_label(r->role));
		if (lf_account_has_role(a, r->role, dept ? dept : ""))
			return lf_fail(db, LF_EXISTS, "用户“%s”已经有这个角色。", a->login);
		return insert_role(db, a->id, r->role, dept);
	}
	if (!lf_account_has_role(a, r->role, dept ? dept : ""))
		return lf_fail(db, LF_NOTFOUND, "用户“%s”没有%s%s%s角色。", a->login, dept ? lf_auth_dept_name(db, dept) : "",
		               dept ? "的" : "", lf_role_label(r->role));
	if (r->role == LF_ROLE_ADMIN && !a->retired) {
		long long others;

		if ((s = count_other_admins(db, a->id, &others)))
			return s;
		if (!others)
			return lf_fail(db, LF_STATE, "“%s”是唯一在用的管理员，不能收回管理员角色；请先指定另一位管理员。",
			               a->login);
	}
	if ((s = lf_prepare(db, role_delete_sql, &st)))
		return s;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, lf_role_name(r->role), -1, SQLITE_STATIC);
	bind_opt(st, 3, dept);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "保存用户角色失败");
}

lf_status lf_account_role_add(struct lf_db *db, const char *login, enum lf_role role, const char *dept)
{
	struct role_arg r = { role, dept, 1 };

	if ((unsigned)role >= LF_ROLE_COUNT)
		return lf_fail(db, LF_INVALID, "没有这个角色。");
	return change(db, login, "role-add", do_role, &r);
}

lf_status lf_account_role_remove(struct lf_db *db, const char *login, enum lf_role role, const char *dept)
{
	struct role_arg r = { role, dept, 0 };

	if ((unsigned)role >= LF_ROLE_COUNT)
		return lf_fail(db, LF_INVALID, "没有这个角色。");
	return change(db, login, "role-remove", do_role, &r);
}

static lf_status do_set_hash(struct lf_db *db, struct lf_account *a, const void *arg)
{
	return exec_id(db, set_pw_sql, a->id, arg, "保存密码失败");
}

lf_status lf_account_password_reset(struct lf_db *db, const char *login, const char *password)
{
	char hash[crypto_pwhash_STRBYTES];
	lf_status s;

	if ((s = lf_password_check(db, login, password)) || (s = hash_password(db, password, hash)))
		return s;
	s = change(db, login, "password-reset", do_set_hash, hash);
	sodium_memzero(hash, sizeof hash);
	return s;
}

static lf_status verify_stored(struct lf_db *db, long long id, const char *password, int *ok)
{
	char hash[crypto_pwhash_STRBYTES] = "";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, pw_hash_sql, &st);
	int rc;

	*ok = 0;
	if (s)
		return s;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(hash, sizeof hash, "%s", col(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return lf_sqlfail(db, rc, "读取用户失败");
	*ok = hash[0] && password && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	if (!hash[0] && password)
		decoy_verify(password);
	sodium_memzero(hash, sizeof hash);
	return LF_OK;
}

lf_status lf_account_password_change(struct lf_db *db, const char *old_password, const char *password)
{
	char hash[crypto_pwhash_STRBYTES], *before = NULL;
	struct lf_account a;
	lf_status s;
	int ok = 1;

	if (!db->actor[0])
		return lf_fail(db, LF_DENIED, "尚未登录，不能修改密码。");
	if ((s = lf_account_get(db, db->actor, &a)))
		return s;
	if (a.retired)
		s = lf_fail(db, LF_DENIED, "用户“%s”已停用。", a.login);
	if (s == LF_OK && a.has_password && (s = verify_stored(db, a.id, old_password, &ok)) == LF_OK && !ok)
		s = lf_fail(db, LF_DENIED, "原密码不对，密码没有修改。");
	if (s == LF_OK && !(s = lf_password_check(db, a.login, password)))
		s = hash_password(db, password, hash);
	if (s == LF_OK && (s = lf_tx_begin(db)) == LF_OK) {
		s = lf_account_state_json(db, a.login, &before);
		if (s == LF_OK)
			s = exec_id(db, set_pw_sql, a.id, hash, "保存密码失败");
		if (s == LF_OK)
			s = log_account(db, "password-change", a.login, before);
		s = lf_tx_end(db, s);
	}
	sodium_memzero(hash, sizeof hash);
	lf_free(before);
	lf_account_clear(&a);
	return s;
}

static lf_status do_map(struct lf_db *db, struct lf_account *a, const void *arg)
{
	const char *sys_user = arg;
	lf_status s;

	if (sys_user && ((s = check_sys_user(db, sys_user)) || (s = check_sys_user_free(db, sys_user, a->login))))
		return s;
	return exec_id(db, set_sys_sql, a->id, sys_user, "保存用户失败");
}

lf_status lf_account_map(struct lf_db *db, const char *login, const char *sys_user)
{
	return change(db, login, sys_user ? "map" : "unmap", do_map, sys_user);
}

static lf_status do_retire(struct lf_db *db, struct lf_account *a, const void *arg)
{
	int retired = *(const int *)arg;
	lf_status s;

	if (retired == a->retired)
		return lf_fail(db, LF_STATE, "用户“%s”%s。", a->login, retired ? "已经停用" : "没有停用");
	if (retired && lf_account_has_role(a, LF_ROLE_ADMIN, NULL)) {
		long long others;

		if ((s = count_other_admins(db, a->id, &others)))
			return s;
		if (!others)
			return lf_fail(db, LF_STATE, "“%s”是唯一在用的管理员，不能停用；请先指定另一位管理员。", a->login);
	}
	if (!retired && a->person[0] && (s = check_person(db, a->person, a->id)))
		return s;
	return exec_id(db, set_retired_sql, a->id, retired ? "1" : "0", "保存用户失败");
}

lf_status lf_account_retire(struct lf_db *db, const char *login, int retired)
{
	return change(db, login, retired ? "retire" : "reinstate", do_retire, &retired);
}

static lf_status do_unlock(struct lf_db *db, struct lf_account *a, const void *arg)
{
	(void)arg;
	return exec_id(db, unlock_sql, a->id, NULL, "保存用户失败");
}

lf_status lf_account_unlock(struct lf_db *db, const char *login)
{
	return change(db, login, "unlock", do_unlock, NULL);
}

/* ------------------------------------------------------------------ sign-in */

const char *lf_auth_system_user(void)
{
	static char name[LF_SYSUSER_MAX + 1];
	struct passwd *pw = getpwuid(geteuid());

	snprintf(name, sizeof name, "%s", pw && pw->pw_name ? pw->pw_name : "");
	return name;
}

void lf_auth_signout(struct lf_db *db)
{
	db->actor[0] = 0;
}

/* Bookkeeping after a password check, in its own transaction. On a
 * read-only handle it goes through a short write connection to the same
 * file; a file that cannot be written keeps no count (it is open to offline
 * guessing anyway: whoever has the file has the hashes). */
struct outcome {
	long long id;
	const char *login;
	int right;          /* password right: reset the count */
	const char *rehash; /* a new hash to store (parameters changed), or NULL */
	int failures;       /* out: the count after a wrong password */
	char until[21];     /* out: when the next try is allowed */
	int uncounted;      /* out: the file is read-only, nothing could be kept */
};

static lf_status record_outcome(struct lf_db *db, struct outcome *o)
{
	sqlite3_stmt *st;
	lf_status s = lf_tx_begin(db);
	char now[21];
	int rc, wait;

	if (s)
		return s;
	if (o->right) {
		s = exec_id(db, unlock_sql, o->id, NULL, "保存用户失败");
		if (s == LF_OK && o->rehash)
			s = exec_id(db, set_pw_sql, o->id, o->rehash, "保存密码失败");
		return lf_tx_end(db, s);
	}
	if ((s = lf_prepare(db, failures_sql, &st)))
		return lf_tx_end(db, s);
	sqlite3_bind_int64(st, 1, o->id);
	rc = sqlite3_step(st);
	o->failures = (rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0) + 1;
	sqlite3_finalize(st);
	lf_now_utc(now);
	wait = lf_auth_wait_seconds(o->failures);
	o->until[0] = 0;
	if (wait)
		utc_format(lf_utc_parse(now) + wait, o->until);
	if ((s = lf_prepare(db, fail_sql, &st)))
		return lf_tx_end(db, s);
	sqlite3_bind_int64(st, 1, o->id);
	sqlite3_bind_int(st, 2, o->failures);
	bind_opt(st, 3, o->until);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	s = rc == SQLITE_DONE ? LF_OK : lf_sqlfail(db, rc, "保存用户失败");
	if (s == LF_OK && o->failures >= LF_AUTH_LOCK_AFTER) {
		char saved[LF_LOGIN_MAX + 1];

		/* The lock is logged as the account it concerns. */
		memcpy(saved, db->actor, sizeof saved);
		snprintf(db->actor, sizeof db->actor, "%s", o->login);
		s = log_account(db, "lock", o->login, NULL);
		memcpy(db->actor, saved, sizeof saved);
	}
	return lf_tx_end(db, s);
}

static lf_status keep_outcome(struct lf_db *db, struct outcome *o)
{
	struct lf_db *w = NULL;
	char err[256];
	lf_status s;

	if (!db->readonly)
		return record_outcome(db, o);
	if (lf_db_open(db->path, LF_OPEN_WRITE, &w, err, sizeof err) != LF_OK) {
		o->uncounted = 1; /* a read-only file keeps no count */
		o->failures = 0;
		o->until[0] = 0;
		return LF_OK;
	}
	s = record_outcome(w, o);
	if (s)
		lf_fail(db, s, "%s", lf_errmsg(w, s));
	lf_db_close(w);
	return s;
}

static void signin_init(struct lf_signin *out)
{
	memset(out, 0, sizeof *out);
	out->tries_left = -1;
}

static lf_status refuse(struct lf_db *db, struct lf_signin *out, enum lf_signin_result r, const char *until,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static lf_status refuse(struct lf_db *db, struct lf_signin *out, enum lf_signin_result r, const char *until,
                        const char *fmt, ...)
{
	va_list ap;

	out->result = r;
	if (until) {
		snprintf(out->until, sizeof out->until, "%s", until);
		local_hms(until, out->until_local);
	}
	va_start(ap, fmt);
	vsnprintf(db->err, sizeof db->err, fmt, ap);
	va_end(ap);
	return LF_DENIED;
}

/* Refuse while the account must wait; LF_OK when it may try. */
static lf_status check_wait(struct lf_db *db, const struct lf_account *a, struct lf_signin *out)
{
	char now[21], hhmm[9];
	long secs;

	lf_now_utc(now);
	if (!a->locked_until[0] || strcmp(a->locked_until, now) <= 0)
		return LF_OK;
	local_hms(a->locked_until, hhmm);
	if (a->failures >= LF_AUTH_LOCK_AFTER)
		return refuse(db, out, LF_SIGNIN_LOCKED, a->locked_until,
		              "用户“%s”连续 %d 次密码错误，已锁定到 %.5s；到时再试，或请管理员解锁。", a->login,
		              a->failures, hhmm);
	secs = (long)(lf_utc_parse(a->locked_until) - lf_utc_parse(now));
	return refuse(db, out, LF_SIGNIN_WAIT, a->locked_until, "密码错误次数较多，请 %ld 秒后（%s）再试。", secs, hhmm);
}

lf_status lf_auth_signin(struct lf_db *db, const char *login, const char *password, struct lf_signin *out)
{
	char hash[crypto_pwhash_STRBYTES] = "";
	struct outcome o;
	struct lf_account a;
	lf_status s;
	int ok = 0;

	signin_init(out);
	memset(&a, 0, sizeof a);
	if (!password)
		password = "";
	s = login_valid(login) ? lf_account_get(db, login, &a) : LF_NOTFOUND;
	if (s == LF_NOTFOUND) {
		lf_account_clear(&a);
		decoy_verify(password);
		return refuse(db, out, LF_SIGNIN_WRONG, NULL, "登录名或密码不对。");
	}
	if (s)
		return s;
	if ((s = check_wait(db, &a, out)))
		goto done;
	if (!a.has_password) {
		s = refuse(db, out, LF_SIGNIN_NO_PASSWORD, NULL,
		           "用户“%s”没有设置密码：请从对应的系统账户%s%s登录（不用密码），或请管理员设置密码。", a.login,
		           a.sys_user[0] ? "" : "（尚未对应）", a.sys_user);
		goto done;
	}
	if ((s = verify_stored(db, a.id, password, &ok)))
		goto done;
	memset(&o, 0, sizeof o);
	o.id = a.id;
	o.login = a.login;
	o.right = ok;
	if (ok && !a.retired) {
		sqlite3_stmt *st;

		/* Rehash when the stored hash was made with other limits. */
		if (lf_prepare(db, pw_hash_sql, &st) == LF_OK) {
			sqlite3_bind_int64(st, 1, a.id);
			if (sqlite3_step(st) == SQLITE_ROW) {
				snprintf(hash, sizeof hash, "%s", col(st, 0));
				if (crypto_pwhash_str_needs_rehash(hash, PWHASH_OPS, PWHASH_MEM) != 0 &&
				    hash_password(db, password, hash) == LF_OK)
					o.rehash = hash;
			}
			sqlite3_finalize(st);
		}
	}
	if ((ok && (a.failures || a.locked_until[0] || o.rehash)) || !ok)
		if ((s = keep_outcome(db, &o)))
			goto done;
	sodium_memzero(hash, sizeof hash);
	if (!ok) {
		char hhmm[9];

		if (o.until[0])
			local_hms(o.until, hhmm);
		if (o.failures >= LF_AUTH_LOCK_AFTER)
			s = refuse(db, out, LF_SIGNIN_LOCKED, o.until, "密码不对。已连续错 %d 次，用户“%s”锁定到 %.5s；"
			           "到时再试，或请管理员解锁。", o.failures, a.login, hhmm);
		else if (o.until[0])
			s = refuse(db, out, LF_SIGNIN_WAIT, o.until, "密码不对。已连续错 %d 次，请 %d 秒后（%s）再试；"
			           "再错 %d 次将锁定 %d 分钟。", o.failures, lf_auth_wait_seconds(o.failures), hhmm,
			           LF_AUTH_LOCK_AFTER - o.failures, LF_AUTH_LOCK_SECONDS / 60);
		else
			s = refuse(db, out, LF_SIGNIN_WRONG, NULL, "登录名或密码不对。");
		out->tries_left = o.uncounted ? -1 : LF_AUTH_LOCK_AFTER - o.failures;
		goto done;
	}
	if (a.retired) {
		s = refuse(db, out, LF_SIGNIN_RETIRED, NULL, "用户“%s”已停用，不能登录；如有需要请找管理员。", a.login);
		goto done;
	}
	snprintf(db->actor, sizeof db->actor, "%s", a.login);
	out->result = LF_SIGNIN_OK;
	s = LF_OK;
done:
	lf_account_clear(&a);
	return s;
}

static lf_status signin_as_mapped(struct lf_db *db, const char *login, struct lf_signin *out)
{
	struct lf_account a;
	const char *me = lf_auth_system_user();
	lf_status s = lf_account_get(db, login, &a);

	if (s == LF_NOTFOUND) /* say no more than for an account that is not mapped */
		return refuse(db, out, LF_SIGNIN_NOT_MAPPED, NULL, "“%s”没有对应系统账户“%s”，需要输入密码。", login, me);
	if (s)
		return s;
	if (!me[0] || strcmp(a.sys_user, me))
		s = refuse(db, out, LF_SIGNIN_NOT_MAPPED, NULL, "“%s”没有对应系统账户“%s”，需要输入密码。", a.login, me);
	else if (a.retired)
		s = refuse(db, out, LF_SIGNIN_RETIRED, NULL, "用户“%s”已停用，不能登录；如有需要请找管理员。", a.login);
	else {
		snprintf(db->actor, sizeof db->actor, "%s", a.login);
		out->result = LF_SIGNIN_OK;
	}
	lf_account_clear(&a);
	return s;
}

lf_status lf_auth_signin_mapped(struct lf_db *db, const char *login, struct lf_signin *out)
{
	signin_init(out);
	return signin_as_mapped(db, login, out);
}

lf_status lf_auth_signin_system(struct lf_db *db, struct lf_signin *out)
{
	const char *me = lf_auth_system_user();
	char login[LF_LOGIN_MAX + 1] = "";
	sqlite3_stmt *st;
	lf_status s;
	int rc;

	signin_init(out);
	if ((s = lf_prepare(db, account_by_sys_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, me, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(login, sizeof login, "%s", col(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lf_sqlfail(db, rc, "读取用户失败");
	if (!login[0])
		return refuse(db, out, LF_SIGNIN_NOT_MAPPED, NULL, "系统账户“%s”没有对应的廉防用户。", me);
	return signin_as_mapped(db, login, out);
}

/* ------------------------------------------------------------------ lookups for commands */

static lf_status find_one(struct lf_db *db, const char *sql, const char *what, const char *key,
                          char out[LF_GID_LEN + 1])
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(db, sql, &st);
	int rc, n = 0;
	struct lf_buf all;

	out[0] = 0;
	if (s)
		return s;
	lf_buf_init(&all);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, db->unit, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!n++)
			snprintf(out, LF_GID_LEN + 1, "%s", col(st, 0));
		lf_buf_addf(&all, "%s%s", n > 1 ? "、" : "", col(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		s = lf_sqlfail(db, rc, "读取记录失败");
	else if (!n)
		s = lf_fail(db, LF_NOTFOUND, "本单位没有名为“%s”的%s。", key, what);
	else if (n > 1)
		s = lf_fail(db, LF_INVALID, "本单位有 %d 个名为“%s”的%s（编号 %s），请用编号指明。", n, key, what, all.s);
	lf_buf_free(&all);
	if (s)
		out[0] = 0;
	return s;
}

lf_status lf_auth_find_dept(struct lf_db *db, const char *key, char out[LF_GID_LEN + 1])
{
	return find_one(db, dept_by_name_sql, "处室", key, out);
}

lf_status lf_auth_find_person(struct lf_db *db, const char *key, char out[LF_GID_LEN + 1])
{
	return find_one(db, person_by_name_sql, "人员", key, out);
}

const char *lf_auth_dept_name(struct lf_db *db, const char *gid)
{
	static char name[256];
	const struct lf_kind *k = lf_kind_find("dept");
	struct lf_rec *r = lf_rec_new(k);
	char err[sizeof db->err];

	memcpy(err, db->err, sizeof err); /* used while composing messages */
	name[0] = 0;
	if (gid && *gid && lf_rec_load(db, k, gid, r) == LF_OK)
		snprintf(name, sizeof name, "%s", lf_rec_text(r, "name"));
	else if (gid && *gid)
		snprintf(name, sizeof name, "处室 %.12s", gid);
	lf_rec_free(r);
	memcpy(db->err, err, sizeof err);
	return name;
}

/* ------------------------------------------------------------------ against the log */

long lf_auth_verify_log(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx)
{
	sqlite3_stmt *st, *last = NULL, *diff = NULL;
	struct lf_buf msg;
	long problems = 0;
	int rc;

	if (lf_prepare(db, account_all_sql, &st) || lf_prepare(db, last_state_sql, &last) ||
	    lf_prepare(db, state_diff_sql, &diff)) {
		report(ctx, db->err);
		sqlite3_finalize(st);
		sqlite3_finalize(last);
		return 1;
	}
	lf_buf_init(&msg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *login = col(st, 0);
		char *now = NULL;

		if (lf_account_state_json(db, login, &now)) {
			report(ctx, db->err);
			problems++;
			continue;
		}
		sqlite3_reset(last);
		sqlite3_bind_text(last, 1, db->unit, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(last, 2, login, -1, SQLITE_TRANSIENT);
		lf_buf_reset(&msg);
		if (sqlite3_step(last) != SQLITE_ROW) {
			lf_buf_addf(&msg, "用户“%s”在审计日志中没有建立记录——是绕过廉防直接写入数据库的。", login);
		} else if (strcmp(col(last, 1), now)) {
			int n = 0;

			lf_buf_addf(&msg, "用户“%s”的", login);
			sqlite3_reset(diff);
			sqlite3_bind_text(diff, 1, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(diff, 2, col(last, 1), -1, SQLITE_TRANSIENT);
			while (sqlite3_step(diff) == SQLITE_ROW)
				lf_buf_addf(&msg, "%s%s", n++ ? "、" : "", lf_account_field_label(col(diff, 0)));
			lf_buf_addf(&msg, "与审计日志第 %lld 条记下的不同——是绕过廉防直接改动的。",
			            sqlite3_column_int64(last, 0));
		}
		if (msg.len) {
			report(ctx, msg.s);
			problems++;
		}
		lf_free(now);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(last);
	sqlite3_finalize(diff);
	if (rc != SQLITE_DONE) {
		report(ctx, sqlite3_errmsg(db->sql));
		problems++;
	}
	if (lf_prepare(db, logged_logins_sql, &st) == LF_OK) {
		sqlite3_bind_text(st, 1, db->unit, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(st) == SQLITE_ROW) {
			lf_buf_reset(&msg);
			lf_buf_addf(&msg, "审计日志记录了用户“%s”，但用户表中没有——是绕过廉防直接删除的。", col(st, 0));
			report(ctx, msg.s);
			problems++;
		}
		sqlite3_finalize(st);
	}
	lf_buf_free(&msg);
	return problems;
}

/* ------------------------------------------------------------------ demo */

/* Read-only lookups in the demo's organisation (demo.c made it). */
static const char demo_person_on_post_sql[] =
	"SELECT p.gid FROM person p JOIN post o ON o.gid = p.post JOIN dept d ON d.gid = o.dept "
	"WHERE o.name = ?1 AND (?2 IS NULL OR d.name = ?2) AND p.deleted = 0 ORDER BY p.id LIMIT 1";
static const char demo_dept_person_sql[] =
	"SELECT head, leader FROM dept WHERE name = ?1 AND deleted = 0";
static const char demo_covers_sql[] =
	"SELECT gid, 'head' FROM dept WHERE head = ?1 AND deleted = 0 "
	"UNION ALL SELECT gid, 'leader' FROM dept WHERE leader = ?1 AND deleted = 0 "
	"UNION ALL SELECT gid, 'leader' FROM dept WHERE ?2 AND leader IS NULL AND head IS NULL AND deleted = 0 "
	"ORDER BY 2, 1";

static void demo_lookup(struct lf_db *db, const char *sql, const char *a, const char *b, int column,
                        char out[LF_GID_LEN + 1])
{
	sqlite3_stmt *st;

	out[0] = 0;
	if (lf_prepare(db, sql, &st))
		return;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	bind_opt(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, LF_GID_LEN + 1, "%s", col(st, column));
	sqlite3_finalize(st);
}

struct demo_account {
	const char *login, *name;
	enum lf_role role;          /* the role it shows */
	const char *post, *post_dept; /* the person: on this post … */
	const char *dept_of;        /* … or the head (column 0) / leader (1) of this department */
	int dept_column;
};

static const struct demo_account demo_accounts[] = {
	{ "admin", "系统管理员", LF_ROLE_ADMIN, NULL, NULL, NULL, 0 },
	{ "principal", NULL, LF_ROLE_PRINCIPAL, "局长", NULL, NULL, 0 },
	{ "leader", NULL, LF_ROLE_LEADER, NULL, NULL, "登记注册科", 1 },
	{ "leader2", NULL, LF_ROLE_LEADER, NULL, NULL, "执法稽查大队", 1 },
	{ "head", NULL, LF_ROLE_HEAD, NULL, NULL, "登记注册科", 0 },
	{ "staff", NULL, LF_ROLE_STAFF, "受理审查岗", "登记注册科", NULL, 0 },
	{ "discipline", NULL, LF_ROLE_DISCIPLINE, "纪检监察室主任", NULL, NULL, 0 },
	{ "upper", "市局审核人", LF_ROLE_UPPER, NULL, NULL, NULL, 0 },
};

/* Grant a demo account its roles: the one it shows, staff for its own post,
 * and head/leader for every department its person heads or covers (the
 * principal also covers the leadership, which has no leader above it). */
static lf_status demo_roles(struct lf_db *db, long long id, const struct demo_account *d, const char *person)
{
	sqlite3_stmt *st;
	lf_status s = LF_OK;
	int rc;

	if (!role_needs_dept(d->role) && (s = insert_role(db, id, d->role, NULL)))
		return s;
	if (!person[0])
		return LF_OK;
	if (d->role != LF_ROLE_STAFF && (s = insert_role(db, id, LF_ROLE_STAFF, NULL)))
		return s;
	if ((s = lf_prepare(db, demo_covers_sql, &st)))
		return s;
	sqlite3_bind_text(st, 1, person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, d->role == LF_ROLE_PRINCIPAL);
	while (s == LF_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		s = insert_role(db, id, (enum lf_role)lf_role_parse(col(st, 1)), col(st, 0));
	sqlite3_finalize(st);
	return s;
}

lf_status lf_auth_demo_fill(struct lf_db *db)
{
	char saved[LF_LOGIN_MAX + 1];
	enum lf_auth_state state;
	lf_status s;
	size_t i;

	if ((s = lf_auth_state(db, &state)))
		return s;
	if (state != LF_AUTH_SETUP)
		return lf_fail(db, LF_STATE, "演示用户只能加到还没有用户的数据库中。");
	memcpy(saved, db->actor, sizeof saved);
	if ((s = lf_tx_begin(db)))
		return s;
	/* The administrator creates itself, then the others, as in real use. */
	snprintf(db->actor, sizeof db->actor, "%s", demo_accounts[0].login);
	for (i = 0; i < LF_COUNT(demo_accounts) && s == LF_OK; i++) {
		const struct demo_account *d = &demo_accounts[i];
		struct lf_account_new a;
		char person[LF_GID_LEN + 1] = "";
		char *name = NULL;
		long long id;

		if (d->post)
			demo_lookup(db, demo_person_on_post_sql, d->post, d->post_dept, 0, person);
		else if (d->dept_of)
			demo_lookup(db, demo_dept_person_sql, d->dept_of, NULL, d->dept_column, person);
		if ((d->post || d->dept_of) && !person[0]) {
			s = lf_fail(db, LF_NOTFOUND, "演示数据中找不到用户“%s”对应的人员。", d->login);
			break;
		}
		if (!d->name) {
			struct lf_account tmp;

			memset(&tmp, 0, sizeof tmp);
			snprintf(tmp.person, sizeof tmp.person, "%s", person);
			load_person(db, &tmp);
			name = tmp.person_name ? lf_strdup(tmp.person_name) : lf_strdup(d->login);
			lf_account_clear(&tmp);
		}
		a.login = d->login;
		a.name = d->name ? d->name : name;
		a.person = person[0] ? person : NULL;
		a.sys_user = NULL;
		a.password = NULL;
		s = check_new(db, &a);
		if (s == LF_OK)
			s = add_hashed(db, &a, demo_hash, &id);
		if (s == LF_OK)
			s = demo_roles(db, id, d, person);
		if (s == LF_OK)
			s = log_account(db, "add", d->login, NULL);
		lf_free(name);
	}
	s = lf_tx_end(db, s);
	memcpy(db->actor, saved, sizeof saved);
	return s;
}

/* ------------------------------------------------------------------ logged states, shown */

static const char roles_text_sql[] = "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
                                     "FROM json_each(?1) ORDER BY id";

const char *lf_account_field_label(const char *key)
{
	static const char *const map[][2] = {
		{ "login", "登录名" }, { "name", "姓名" }, { "person", "人员" }, { "sys_user", "系统账户" },
		{ "password", "密码" }, { "retired", "已停用" }, { "roles", "角色" },
	};
	size_t i;

	for (i = 0; i < LF_COUNT(map); i++)
		if (!strcmp(map[i][0], key))
			return map[i][1];
	return key;
}

char *lf_account_field_text(struct lf_db *db, const char *key, const char *value)
{
	if (!value)
		return lf_strdup("（无）");
	if (!strcmp(key, "password"))
		return lf_strdup(strcmp(value, "0") ? "已设置" : "未设置");
	if (!strcmp(key, "retired"))
		return lf_strdup(strcmp(value, "0") ? "是" : "否");
	if (!strcmp(key, "person")) {
		struct lf_account tmp;
		char *s;

		memset(&tmp, 0, sizeof tmp);
		snprintf(tmp.person, sizeof tmp.person, "%s", value);
		load_person(db, &tmp);
		s = tmp.person_name ? lf_strdup(tmp.person_name) : lf_printf("人员 %.12s", value);
		lf_account_clear(&tmp);
		return s;
	}
	if (!strcmp(key, "roles")) {
		struct lf_buf b;
		sqlite3_stmt *st;
		int n = 0;

		lf_buf_init(&b);
		if (lf_prepare(db, roles_text_sql, &st) == LF_OK) {
			sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
			while (sqlite3_step(st) == SQLITE_ROW) {
				int r = lf_role_parse(col(st, 0));

				lf_buf_addf(&b, "%s%s", n++ ? "、" : "", r >= 0 ? lf_role_label((enum lf_role)r) : col(st, 0));
				if (sqlite3_column_type(st, 1) != SQLITE_NULL)
					lf_buf_addf(&b, "（%s）", lf_auth_dept_name(db, col(st, 1)));
			}
			sqlite3_finalize(st);
		}
		if (!n)
			lf_buf_adds(&b, "（无）");
		return lf_buf_steal(&b);
	}
	return lf_strdup(value);
}
