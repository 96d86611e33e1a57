/* Tests of auth: the first administrator, passwords, sign-in with slow-down
 * and lockout (on a fixed clock), system-user mapping, and that neither a
 * password nor its hash ever reaches the audit log. */
#include "t.h"
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/rec.h"
#include "lianfang/store.h"
#include "lianfang/util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* T_EQ_INT evaluates its expression twice; this evaluates it once. */
#define T_IS(expr, want, what)                                                                   \
	do {                                                                                         \
		long long v_ = (long long)(expr);                                                        \
		T_OK(v_ == (long long)(want), "%s: got %lld, want %lld", what, v_, (long long)(want));   \
	} while (0)

#define PW "Correct-horse-9"

const char *lf_auth_demo_hash(void);

/* Collects reported problems, one per line. */
static char reported[4096];

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	if (strlen(reported) + strlen(msg) + 2 < sizeof reported) {
		strcat(reported, msg);
		strcat(reported, "\n");
	}
}

static long verify_log(struct lf_db *db)
{
	reported[0] = 0;
	return lf_auth_verify_log(db, collect, NULL);
}

static struct lf_db *new_db(const char *file)
{
	struct lf_db *db = NULL;
	char err[512];
	lf_status st;

	unlink(t_path(file));
	st = lf_db_create(t_path(file), "620902", "测试局", NULL, "tester", &db, err, sizeof err);
	T_OK(st == LF_OK, "create %s: %s", file, err);
	return db;
}

static void at(const char *when)
{
	setenv("LIANFANG_NOW", when, 1);
}

/* Count rows matching a query with one text parameter. */
static long long count(struct lf_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

TEST(auth_demo_hash_is_the_demo_password)
{
	char h[crypto_pwhash_STRBYTES];

	snprintf(h, sizeof h, "%s", lf_auth_demo_hash());
	T_OK(crypto_pwhash_str_verify(h, LF_DEMO_PASSWORD, strlen(LF_DEMO_PASSWORD)) == 0,
	     "the built-in demo hash verifies " LF_DEMO_PASSWORD);
	T_OK(crypto_pwhash_str_verify(h, "wrong", 5) != 0, "and nothing else");
}

TEST(auth_first_administrator)
{
	struct lf_db *db = new_db("first.db");
	struct lf_account_new staff = { "zhang", "张三", NULL, NULL, NULL };
	enum lf_auth_state state;
	lf_status st;

	if (!db)
		return;
	T_OK(lf_auth_state(db, &state) == LF_OK && state == LF_AUTH_SETUP, "a new database is in setup mode");
	st = lf_account_add(db, &staff);
	T_OK(st == LF_STATE && strstr(db->err, "管理员"), "no ordinary user before the administrator: %s", db->err);
	st = lf_auth_create_admin(db, "admin", "管理员", NULL, NULL);
	T_IS(st, LF_INVALID, "an administrator needs a password or a system user");
	st = lf_auth_create_admin(db, "admin", "管理员", NULL, "short");
	T_OK(st == LF_INVALID && strstr(db->err, "8"), "a short password is refused: %s", db->err);
	st = lf_auth_create_admin(db, "bad login", "管理员", NULL, PW);
	T_OK(st == LF_INVALID && strstr(db->err, "登录名"), "a login with a space is refused: %s", db->err);
	st = lf_auth_create_admin(db, "admin", "管理员", NULL, PW);
	T_OK(st == LF_OK, "the first administrator is created: %s", st ? db->err : "ok");
	T_EQ_STR(db->actor, "admin", "and signed in");
	T_OK(lf_auth_state(db, &state) == LF_OK && state == LF_AUTH_ENFORCED, "permissions are enforced from now on");
	st = lf_auth_create_admin(db, "admin2", "又一个", NULL, PW);
	T_IS(st, LF_STATE, "a second 'first administrator' is refused");
	T_OK(lf_account_add(db, &staff) == LF_OK, "the administrator adds a user");
	T_IS(count(db, "SELECT count(*) FROM audit WHERE kind = 'account' AND action = 'add'", NULL), 2,
	         "both additions are in the audit log");
	lf_db_close(db);
}

TEST(auth_password_rules)
{
	struct lf_db *db = new_db("rules.db");

	if (!db)
		return;
	T_IS(lf_password_check(db, "wang", "1234567"), LF_INVALID, "7 characters is too short");
	T_IS(lf_password_check(db, "wang", "12345678"), LF_OK, "8 is enough");
	T_OK(lf_password_check(db, "wang", "密码密码密码密码") == LF_INVALID && strstr(db->err, "GBK"),
	     "Chinese is refused, saying why: %s", db->err);
	T_IS(lf_password_check(db, "wangwang", "wangwang"), LF_INVALID, "the login itself is refused");
	T_IS(lf_password_check(db, "wang", "tab\there1"), LF_INVALID, "a control character is refused");
	lf_db_close(db);
}

static lf_status try(struct lf_db *db, const char *pw, struct lf_signin *in)
{
	lf_auth_signout(db);
	return lf_auth_signin(db, "wang", pw, in);
}

TEST(auth_signin_slow_down_and_lockout)
{
	struct lf_db *db = new_db("lock.db");
	struct lf_account_new wang = { "wang", "王五", NULL, NULL, PW };
	struct lf_account a;
	struct lf_signin in;
	lf_status st;

	if (!db)
		return;
	at("2026-11-23T08:00:00Z");
	lf_auth_create_admin(db, "admin", "管理员", "auth-test-nobody", NULL);
	T_OK(lf_account_add(db, &wang) == LF_OK, "add wang with a password");
	st = try(db, PW, &in);
	T_OK(st == LF_OK && in.result == LF_SIGNIN_OK && !strcmp(db->actor, "wang"), "the right password signs in");
	st = try(db, "Wrong-password", &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_WRONG && !db->actor[0] && in.tries_left == 4,
	     "1st wrong password: refused, 4 tries left: %s", db->err);
	st = try(db, "Wrong-password", &in);
	T_OK(in.result == LF_SIGNIN_WRONG && in.tries_left == 3, "2nd wrong password: no wait yet");
	st = try(db, "Wrong-password", &in);
	T_OK(in.result == LF_SIGNIN_WAIT && !strcmp(in.until, "2026-11-23T08:00:30Z") && strstr(db->err, "30 秒"),
	     "3rd wrong password: wait 30 s: %s", db->err);
	st = try(db, PW, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_WAIT, "even the right password waits: %s", db->err);
	at("2026-11-23T08:00:31Z");
	st = try(db, "Wrong-password", &in);
	T_OK(in.result == LF_SIGNIN_WAIT && !strcmp(in.until, "2026-11-23T08:01:31Z"), "4th: wait 60 s (%s)", in.until);
	at("2026-11-23T08:01:31Z");
	st = try(db, "Wrong-password", &in);
	T_OK(in.result == LF_SIGNIN_LOCKED && !strcmp(in.until, "2026-11-23T08:16:31Z") && strstr(db->err, "锁定") &&
	     !strcmp(in.until_local, "08:16:31"), "5th: locked for 15 minutes: %s", db->err);
	T_IS(count(db, "SELECT count(*) FROM audit WHERE kind = 'account' AND gid = ?1 AND action = 'lock'", "wang"),
	         1, "the lock is in the audit log");
	at("2026-11-23T08:10:00Z");
	st = try(db, PW, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_LOCKED && strstr(db->err, "08:16"),
	     "locked: the right password is refused, saying until when: %s", db->err);
	at("2026-11-23T08:16:31Z");
	st = try(db, PW, &in);
	T_OK(st == LF_OK && in.result == LF_SIGNIN_OK, "after 15 minutes the right password works");
	st = lf_account_get(db, "wang", &a);
	T_OK(st == LF_OK && a.failures == 0 && !a.locked_until[0], "and the count is reset (failures %d)", a.failures);
	lf_account_clear(&a);
	/* After a lock, every further wrong password locks again at once. */
	{
		int i;

		for (i = 0; i < 4; i++) {
			char t[21];

			snprintf(t, sizeof t, "2026-11-23T09:%02d:00Z", i * 2);
			at(t);
			try(db, "Wrong-password", &in);
		}
		at("2026-11-23T09:10:00Z");
		try(db, "Wrong-password", &in);
		T_IS(in.result, LF_SIGNIN_LOCKED, "five wrong in a row lock again");
		at("2026-11-23T09:30:00Z");
		try(db, "Wrong-password", &in);
		T_OK(in.result == LF_SIGNIN_LOCKED && !strcmp(in.until, "2026-11-23T09:45:00Z"),
		     "a 6th wrong password after the lock ends locks again (%s)", in.until);
	}
	/* The administrator unlocks. */
	lf_auth_signout(db);
	snprintf(db->actor, sizeof db->actor, "admin");
	T_OK(lf_account_unlock(db, "wang") == LF_OK, "the administrator unlocks");
	st = try(db, PW, &in);
	T_OK(st == LF_OK, "and wang signs in at once");
	unsetenv("LIANFANG_NOW");
	lf_db_close(db);
}

TEST(auth_signin_other_refusals)
{
	struct lf_db *db = new_db("refuse.db");
	struct lf_account_new li = { "li", "李四", NULL, NULL, PW }, nopw = { "zhao", "赵六", NULL, NULL, NULL };
	struct lf_signin in;
	lf_status st;
	char wrong_msg[1024];

	if (!db)
		return;
	lf_auth_create_admin(db, "admin", "管理员", "auth-test-nobody", NULL);
	lf_account_add(db, &li);
	lf_account_add(db, &nopw);
	lf_account_retire(db, "li", 1);
	st = lf_auth_signin(db, "li", "Wrong-password", &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_WRONG, "a retired account with a wrong password: just wrong");
	snprintf(wrong_msg, sizeof wrong_msg, "%s", db->err);
	st = lf_auth_signin(db, "li", PW, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_RETIRED && strstr(db->err, "停用"),
	     "a retired account with the right password is told it is retired: %s", db->err);
	st = lf_auth_signin(db, "nobody-here", PW, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_WRONG && !strcmp(db->err, wrong_msg),
	     "an unknown login gets the same answer as a wrong password: %s", db->err);
	st = lf_auth_signin(db, "zhao", PW, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_NO_PASSWORD && strstr(db->err, "系统账户"),
	     "no password set: told to use the system account: %s", db->err);
	T_EQ_STR(db->actor, "admin", "failed sign-ins leave the signed-in user alone");
	lf_db_close(db);
}

TEST(auth_system_user_mapping)
{
	struct lf_db *db = new_db("map.db");
	struct lf_account_new zhou = { "zhou", "周七", NULL, NULL, NULL };
	const char *me = lf_auth_system_user();
	struct lf_signin in;
	lf_status st;

	if (!db || !T_OK(me[0] != 0, "the system user is known (%s)", me))
		return;
	lf_auth_create_admin(db, "admin", "管理员", NULL, PW);
	lf_account_add(db, &zhou);
	lf_auth_signout(db);
	st = lf_auth_signin_system(db, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_NOT_MAPPED && strstr(db->err, me),
	     "an unmapped system user is not signed in: %s", db->err);
	st = lf_auth_signin_mapped(db, "zhou", &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_NOT_MAPPED, "nor accepted as zhou without a password");
	snprintf(db->actor, sizeof db->actor, "admin");
	T_OK(lf_account_map(db, "zhou", me) == LF_OK, "map %s to zhou", me);
	T_IS(lf_account_map(db, "admin", me), LF_EXISTS, "one system user maps to one account only");
	lf_auth_signout(db);
	st = lf_auth_signin_system(db, &in);
	T_OK(st == LF_OK && !strcmp(db->actor, "zhou"), "now %s signs in as zhou without a password", me);
	lf_auth_signout(db);
	st = lf_auth_signin_mapped(db, "admin", &in);
	T_OK(st == LF_DENIED && !db->actor[0], "but not as admin");
	snprintf(db->actor, sizeof db->actor, "admin");
	lf_account_retire(db, "zhou", 1);
	lf_auth_signout(db);
	st = lf_auth_signin_system(db, &in);
	T_OK(st == LF_DENIED && in.result == LF_SIGNIN_RETIRED, "a retired mapped account cannot sign in");
	lf_db_close(db);
}

TEST(auth_passwords_never_logged)
{
	struct lf_db *db = new_db("secret.db");
	struct lf_account_new sun = { "sun", "孙八", NULL, NULL, "First-secret-1" };
	char *file = NULL;
	size_t len = 0;
	FILE *f;
	lf_status st;

	if (!db)
		return;
	lf_auth_create_admin(db, "admin", "管理员", NULL, PW);
	lf_account_add(db, &sun);
	st = lf_account_password_reset(db, "sun", "Second-secret-2");
	T_OK(st == LF_OK, "the administrator resets sun's password");
	lf_auth_signout(db);
	snprintf(db->actor, sizeof db->actor, "sun");
	st = lf_account_password_change(db, "Wrong-old-one", "Third-secret-3");
	T_OK(st == LF_DENIED && strstr(db->err, "原密码"), "changing one's own needs the current one: %s", db->err);
	st = lf_account_password_change(db, "Second-secret-2", "Third-secret-3");
	T_OK(st == LF_OK, "sun changes their own password");
	T_IS(count(db, "SELECT count(*) FROM audit WHERE kind = 'account' AND gid = 'sun' AND "
	                   "action IN ('password-reset', 'password-change')", NULL), 2, "reset and change are logged");
	T_IS(count(db, "SELECT count(*) FROM audit WHERE before LIKE '%argon2%' OR after LIKE '%argon2%' "
	                   "OR before LIKE '%secret%' OR after LIKE '%secret%'", NULL), 0,
	         "no hash and no password in the log");
	lf_db_close(db);
	/* Not anywhere in the file either. */
	if ((f = fopen(t_path("secret.db"), "rb"))) {
		char buf[65536];
		size_t n;
		FILE *m = open_memstream(&file, &len);

		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			fwrite(buf, 1, n, m);
		fclose(m);
		fclose(f);
	}
	{
		size_t i, hits = 0;

		for (i = 0; file && i + 7 <= len; i++)
			hits += !memcmp(file + i, "secret-", 7);
		T_OK(file && len > 0 && hits == 0, "no password anywhere in the database file (%zu found)", hits);
	}
	free(file);
}

TEST(auth_rules_on_roles)
{
	struct lf_db *db = new_db("roles.db");
	struct lf_account_new qian = { "qian", "钱九", NULL, NULL, NULL };
	lf_status st;

	if (!db)
		return;
	lf_auth_create_admin(db, "admin", "管理员", "auth-test-nobody", NULL);
	lf_account_add(db, &qian);
	st = lf_account_role_add(db, "admin", LF_ROLE_DISCIPLINE, NULL);
	T_OK(st == LF_DENIED && strstr(db->err, "自己"), "an administrator cannot make themselves discipline: %s",
	     db->err);
	st = lf_account_role_add(db, "qian", LF_ROLE_HEAD, NULL);
	T_OK(st == LF_INVALID && strstr(db->err, "处室"), "a head needs a department: %s", db->err);
	st = lf_account_role_add(db, "qian", LF_ROLE_STAFF, NULL);
	T_OK(st == LF_STATE && strstr(db->err, "人员"), "staff needs a person with a post: %s", db->err);
	T_OK(lf_account_role_add(db, "qian", LF_ROLE_DISCIPLINE, NULL) == LF_OK, "qian becomes discipline");
	T_IS(lf_account_role_add(db, "qian", LF_ROLE_DISCIPLINE, NULL), LF_EXISTS, "not twice");
	st = lf_account_role_remove(db, "admin", LF_ROLE_ADMIN, NULL);
	T_OK(st == LF_STATE && strstr(db->err, "唯一"), "the only administrator keeps the role: %s", db->err);
	st = lf_account_retire(db, "admin", 1);
	T_OK(st == LF_STATE && strstr(db->err, "唯一"), "and cannot be retired: %s", db->err);
	snprintf(db->actor, sizeof db->actor, "qian");
	st = lf_account_role_add(db, "qian", LF_ROLE_ADMIN, NULL);
	T_OK(st == LF_DENIED && strstr(db->err, "系统管理员"), "discipline cannot manage users: %s", db->err);
	T_IS(count(db, "SELECT count(*) FROM audit WHERE kind = 'account' AND gid = 'qian'", NULL), 2,
	         "refused changes leave no log entry (add + one role)");
	lf_db_close(db);
}

TEST(auth_failures_counted_on_read_only_handle)
{
	struct lf_db *db = new_db("ro.db"), *ro = NULL;
	struct lf_account_new wu = { "wu", "吴十", NULL, NULL, PW };
	struct lf_account a;
	struct lf_signin in;
	char err[256];

	if (!db)
		return;
	lf_auth_create_admin(db, "admin", "管理员", "auth-test-nobody", NULL);
	lf_account_add(db, &wu);
	lf_db_close(db);
	if (!T_OK(lf_db_open(t_path("ro.db"), LF_OPEN_READ, &ro, err, sizeof err) == LF_OK, "open read-only"))
		return;
	T_IS(lf_auth_signin(ro, "wu", "Wrong-password", &in), LF_DENIED, "wrong password on a read-only handle");
	lf_account_get(ro, "wu", &a);
	T_OK(a.failures == 1, "the failure was still counted (%d)", a.failures);
	lf_account_clear(&a);
	T_IS(lf_auth_signin(ro, "wu", PW, &in), LF_OK, "right password");
	lf_account_get(ro, "wu", &a);
	T_OK(a.failures == 0, "and the count reset (%d)", a.failures);
	lf_account_clear(&a);
	lf_db_close(ro);
}

TEST(auth_rehash_when_limits_change)
{
	struct lf_db *db = new_db("rehash.db");
	struct lf_account_new he = { "he", "何一", NULL, NULL, NULL };
	char old[crypto_pwhash_STRBYTES], now[crypto_pwhash_STRBYTES] = "";
	sqlite3_stmt *st;
	struct lf_signin in;

	if (!db)
		return;
	lf_auth_create_admin(db, "admin", "管理员", "auth-test-nobody", NULL);
	lf_account_add(db, &he);
	/* A hash made with other (smaller) limits, as an older version might have. */
	T_OK(crypto_pwhash_str(old, PW, strlen(PW), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0,
	     "hash with the minimum limits");
	sqlite3_prepare_v2(db->sql, "UPDATE account SET pw_hash = ?1 WHERE login = 'he'", -1, &st, NULL);
	sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
	T_IS(sqlite3_step(st), SQLITE_DONE, "store it");
	sqlite3_finalize(st);
	T_IS(lf_auth_signin(db, "he", PW, &in), LF_OK, "sign in with it");
	sqlite3_prepare_v2(db->sql, "SELECT pw_hash FROM account WHERE login = 'he'", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(now, sizeof now, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	T_OK(strcmp(now, old) && crypto_pwhash_str_needs_rehash(now, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                                                         crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0,
	     "the stored hash was renewed with today's limits");
	T_IS(lf_auth_signin(db, "he", PW, &in), LF_OK, "and still verifies");
	lf_db_close(db);
}

TEST(auth_accounts_checked_against_the_log)
{
	struct lf_db *db = new_db("log.db");
	struct lf_account_new zheng = { "zheng", "郑二", NULL, NULL, NULL };
	long n;

	if (!db)
		return;
	lf_auth_create_admin(db, "admin", "管理员", "auth-test-nobody", NULL);
	lf_account_add(db, &zheng);
	n = verify_log(db);
	T_IS(n, 0, "accounts agree with the log");
	sqlite3_exec(db->sql, "INSERT INTO account_role(account, role) SELECT id, 'discipline' FROM account "
	                      "WHERE login = 'zheng'", NULL, NULL, NULL);
	n = verify_log(db);
	T_OK(n == 1 && strstr(reported, "zheng") && strstr(reported, "角色"), "a role granted with SQL is found: %s",
	     reported);
	sqlite3_exec(db->sql, "INSERT INTO account(login, name, created) VALUES('ghost', '幽灵', 'x')", NULL, NULL, NULL);
	n = verify_log(db);
	T_OK(n == 2 && strstr(reported, "ghost"), "an account inserted with SQL is found: %s", reported);
	sqlite3_exec(db->sql, "DELETE FROM account_role WHERE account = (SELECT id FROM account WHERE login = 'zheng');"
	                      "DELETE FROM account WHERE login = 'zheng'", NULL, NULL, NULL);
	n = verify_log(db);
	T_OK(n == 2 && strstr(reported, "zheng") && strstr(reported, "删除"), "a deleted account is found: %s", reported);
	lf_db_close(db);
}
