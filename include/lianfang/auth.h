/* auth: who may sign in here — accounts (login, name, the person they are,
 * roles and the departments a role covers, the system user mapped to them),
 * passwords (Argon2id, libsodium crypto_pwhash_str), sign-in with slow-down
 * and lockout, and the first administrator of a new database.
 *
 * Accounts are local to one database and never travel as records. Every
 * change to an account is appended to the audit chain (kind "account", gid =
 * the login) with its state before and after as JSON — never a password or
 * its hash — and lf_auth_verify_log checks the accounts against that record,
 * so a role granted behind the program's back with sqlite3 is found.
 *
 * Sign-in sets db->actor; permission checks (perm.h) trust db->actor, so
 * nothing else may set it to a login whose owner has not signed in. */
#ifndef LIANFANG_AUTH_H
#define LIANFANG_AUTH_H

#include "lianfang/perm.h"
#include "lianfang/store.h"

/* Passwords: 8–64 printable ASCII characters (letters, digits, symbols,
 * space). Not Chinese: a GBK terminal sends other bytes than a UTF-8 one for
 * the same characters, so such a password would work on one terminal only. */
#define LF_PASSWORD_MIN 8
#define LF_PASSWORD_MAX 64
#define LF_SYSUSER_MAX  64

/* Wrong passwords in a row → how long the account must wait before the next
 * try: none for the first two, 30 s after the 3rd, 60 s after the 4th, and a
 * lock of 15 minutes after the 5th and after every one that follows (the
 * count only resets on a right password or an administrator's unlock/reset). */
#define LF_AUTH_LOCK_AFTER   5
#define LF_AUTH_LOCK_SECONDS 900
int lf_auth_wait_seconds(int failures);

struct lf_account_role {
	enum lf_role role;
	char dept[LF_GID_LEN + 1];         /* "" for the whole unit */
};

struct lf_account {
	long long id;
	char login[LF_LOGIN_MAX + 1];
	char *name;
	char person[LF_GID_LEN + 1];       /* "" when not linked to a person */
	char *person_name;                 /* NULL when not linked */
	char post[LF_GID_LEN + 1];         /* the person's post, or "" */
	char sys_user[LF_SYSUSER_MAX + 1]; /* "" when no system user is mapped */
	int has_password;
	int failures;                      /* wrong passwords in a row */
	char locked_until[21];             /* UTC; "" or in the past when free */
	int retired;
	char created[21];
	int nroles;
	struct lf_account_role *roles;     /* ordered by role, then dept */
};

void lf_account_clear(struct lf_account *a);
/* LF_NOTFOUND (with a message naming the login) when there is none. */
lf_status lf_account_get(struct lf_db *db, const char *login, struct lf_account *out);
/* Every account, by login; fn returns non-zero to stop. */
lf_status lf_account_list(struct lf_db *db, int (*fn)(void *ctx, const struct lf_account *a), void *ctx);
/* Does the account hold `role` (for `dept`; NULL: any department)? */
int lf_account_has_role(const struct lf_account *a, enum lf_role role, const char *dept);

/* ------------------------------------------------------------------ setup */

enum lf_auth_state {
	LF_AUTH_SETUP,    /* no account yet: everything allowed, until the first administrator */
	LF_AUTH_ENFORCED, /* accounts exist: every action is checked */
	LF_AUTH_BROKEN,   /* no account, but the audit log records some: everything refused */
};
lf_status lf_auth_state(struct lf_db *db, enum lf_auth_state *out);

/* The first run of a new database: create its administrator. Only in setup
 * mode. password may be NULL when sys_user is given (sign-in by system user
 * only). On success the administrator is signed in (db->actor). */
lf_status lf_auth_create_admin(struct lf_db *db, const char *login, const char *name,
                               const char *sys_user, const char *password);

/* ------------------------------------------------------------------ sign-in */

enum lf_signin_result {
	LF_SIGNIN_OK,
	LF_SIGNIN_WRONG,       /* no such login, or the wrong password */
	LF_SIGNIN_WAIT,        /* too many wrong passwords: try again at `until` */
	LF_SIGNIN_LOCKED,      /* locked until `until` */
	LF_SIGNIN_RETIRED,     /* the account was retired (停用) */
	LF_SIGNIN_NO_PASSWORD, /* no password set: sign in through the mapped system user */
	LF_SIGNIN_NOT_MAPPED,  /* system sign-in: no account for this system user */
};

struct lf_signin {
	enum lf_signin_result result;
	char until[21];        /* UTC, for WAIT and LOCKED */
	char until_local[9];   /* the same as local "HH:MM:SS", to show */
	int tries_left;        /* for WRONG: wrong passwords left before the long lock, -1 unknown */
};

/* Sign in with a password. LF_OK: db->actor is the login. LF_DENIED: out
 * says why and db->err says it in Chinese. The failure count is kept even on
 * a read-only handle (through a short write connection) unless the file
 * itself is read-only. Unknown logins cost the same time as wrong passwords. */
lf_status lf_auth_signin(struct lf_db *db, const char *login, const char *password, struct lf_signin *out);
/* Sign in as the account mapped to the system user running this process
 * (over SSH each person has their own system account): no password. */
lf_status lf_auth_signin_system(struct lf_db *db, struct lf_signin *out);
/* Accept `login` without a password because it is mapped to this process's
 * system user; LF_DENIED otherwise. */
lf_status lf_auth_signin_mapped(struct lf_db *db, const char *login, struct lf_signin *out);
/* Nobody is signed in any more (db->actor = ""). */
void lf_auth_signout(struct lf_db *db);
/* The system user running this process (from the user database, not the
 * environment), or "" if unknown. */
const char *lf_auth_system_user(void);

/* ------------------------------------------------------------------ management
 * Each is one transaction, needs USERS (an administrator) unless it says
 * otherwise, and is appended to the audit chain. */

struct lf_account_new {
	const char *login;     /* 1–32 of letters, digits, '.', '_', '-' */
	const char *name;      /* 1–50 characters */
	const char *person;    /* gid of a person of this unit, or NULL */
	const char *sys_user;  /* or NULL */
	const char *password;  /* or NULL: no password sign-in until one is set */
};
lf_status lf_account_add(struct lf_db *db, const struct lf_account_new *a);
/* Change the name (NULL: keep) and the person (NULL: keep, "": unlink). */
lf_status lf_account_update(struct lf_db *db, const char *login, const char *name, const char *person);
/* Grant or withdraw a role. head and leader need a department; staff needs
 * the account to be linked to a person with a post; the others cover the
 * whole unit (dept NULL). An administrator cannot grant risk-work roles to
 * their own account, and the last active administrator cannot lose the role. */
lf_status lf_account_role_add(struct lf_db *db, const char *login, enum lf_role role, const char *dept);
lf_status lf_account_role_remove(struct lf_db *db, const char *login, enum lf_role role, const char *dept);
/* An administrator sets a new password (and clears failures and lock). */
lf_status lf_account_password_reset(struct lf_db *db, const char *login, const char *password);
/* The user changes their own password: needs the current one if one is set. */
lf_status lf_account_password_change(struct lf_db *db, const char *old_password, const char *password);
/* Map a system user to the account (NULL: remove the mapping). */
lf_status lf_account_map(struct lf_db *db, const char *login, const char *sys_user);
/* Retire (1) or reinstate (0). The last active administrator cannot be retired. */
lf_status lf_account_retire(struct lf_db *db, const char *login, int retired);
/* Clear wrong-password count and lock. */
lf_status lf_account_unlock(struct lf_db *db, const char *login);

/* Is this an acceptable password? LF_INVALID with the reason in Chinese. */
lf_status lf_password_check(struct lf_db *db, const char *login, const char *password);

/* A department or person of this unit by gid or by exact name (for
 * commands; names are what people know). LF_NOTFOUND / LF_INVALID when
 * none or several match, naming them. */
lf_status lf_auth_find_dept(struct lf_db *db, const char *key, char out[LF_GID_LEN + 1]);
lf_status lf_auth_find_person(struct lf_db *db, const char *key, char out[LF_GID_LEN + 1]);
/* The name of a department (for messages); "" if unknown. Valid until the next call. */
const char *lf_auth_dept_name(struct lf_db *db, const char *gid);

/* The state of an account as it is logged: JSON with login, name, person,
 * sys_user, password (true/false), retired and roles. Caller frees. */
lf_status lf_account_state_json(struct lf_db *db, const char *login, char **out);

/* One value of a logged account state as text to show: the person's name,
 * roles with their departments, 已设置/未设置 for the password … Caller frees. */
char *lf_account_field_text(struct lf_db *db, const char *key, const char *value);
/* The Chinese label of a key of the logged state ("roles" → "角色"). */
const char *lf_account_field_label(const char *key);

/* Compare every account with the last state the audit chain records for it;
 * report() each account changed outside the program. Returns the count. */
long lf_auth_verify_log(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx);

/* Demo accounts, one per role, tied to the demo's persons and departments,
 * all with the password LF_DEMO_PASSWORD (README). Needs setup mode. */
#define LF_DEMO_PASSWORD "lianfang"
lf_status lf_auth_demo_fill(struct lf_db *db);

#endif
