/* store: one SQLite file per unit — opening it safely, the schema and its
 * forward migrations, transactions, the unit it belongs to, new ids.
 * Every module talks to the database through a struct lf_db. */
#ifndef LIANFANG_STORE_H
#define LIANFANG_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "lianfang/status.h"

/* "LFNG" — PRAGMA application_id of every lianfang database. */
#define LF_APPLICATION_ID 0x4c464e47
/* PRAGMA user_version this build writes and understands. */
#define LF_SCHEMA_VERSION 1

#define LF_GID_LEN   32 /* 128-bit random id, lower-case hex */
#define LF_HASH_LEN  64 /* BLAKE2b-256, lower-case hex */
#define LF_CODE_MAX  32 /* unit code: 2–32 of [A-Za-z0-9-] */
#define LF_LOGIN_MAX 32

enum lf_open_mode {
	LF_OPEN_READ,  /* never writes: no migration, no journal */
	LF_OPEN_WRITE, /* migrates an older schema in one transaction */
	LF_OPEN_CHECK, /* read-only, and opens a file whose schema was tampered with */
};

struct lf_db {
	sqlite3 *sql;
	char *path;
	int readonly;
	char unit[LF_CODE_MAX + 1];     /* the unit this database belongs to */
	char actor[LF_LOGIN_MAX + 1];   /* who is acting: a login name */
	int tx_depth;                   /* nested lf_tx_begin calls */
	lf_status tx_failed;            /* an inner step failed: roll back at the end */
	uint64_t seed;                  /* deterministic ids when seeded (demo, tests) */
	int seeded;
	int busy_ms;
	void *cache;                    /* prepared statements, owned by rec.c */
	void (*cache_free)(struct lf_db *db);
	/* auth.c: this unit's audit chain holds no account entry up to this
	 * entry (0: not looked yet), so setup mode looks only at later ones. */
	long long audit_seen_seq;
	char audit_seen_hash[65];
	char err[1024];                 /* details of the last failure, in Chinese */
};

/* Open an existing database. Checks, before anything can be written: the file
 * is SQLite, not truncated, carries our application_id, and its schema is not
 * newer than this build. On failure *out is NULL and the message names the file. */
lf_status lf_db_open(const char *path, enum lf_open_mode mode, struct lf_db **out,
                     char *err, size_t errlen);

/* Create a new database for a unit at path, which must not exist. Built under a
 * temporary name and renamed into place, so a failure leaves nothing behind. */
lf_status lf_db_create(const char *path, const char *unit_code, const char *unit_name,
                       const char *parent_code, const char *actor, struct lf_db **out,
                       char *err, size_t errlen);

void lf_db_close(struct lf_db *db);

/* Set the details of a failure; returns st so callers can `return lf_fail(...)`. */
lf_status lf_fail(struct lf_db *db, lf_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Map the last SQLite error to a status and message. */
lf_status lf_sqlfail(struct lf_db *db, int rc, const char *what);
/* The details of the last failure (or the status message if none). */
const char *lf_errmsg(const struct lf_db *db, lf_status st);

/* Transactions. One user action = one transaction: the outermost begin takes
 * the write lock (BEGIN IMMEDIATE, waiting busy_ms), the outermost end commits
 * or, if any step failed, rolls back. */
lf_status lf_tx_begin(struct lf_db *db);
lf_status lf_tx_end(struct lf_db *db, lf_status st);

/* Run SQL with no results (schema, pragmas). */
lf_status lf_exec(struct lf_db *db, const char *sql);
/* Prepare a statement; on failure the message says what. */
lf_status lf_prepare(struct lf_db *db, const char *sql, sqlite3_stmt **st);

/* Local key/value bookkeeping that never travels. */
lf_status lf_meta_get(struct lf_db *db, const char *key, char **value);
lf_status lf_meta_set(struct lf_db *db, const char *key, const char *value);

/* A new global id. Random (libsodium) unless the handle is seeded, then a
 * deterministic function of the seed, the unit and a stored counter. */
lf_status lf_gid_new(struct lf_db *db, char out[LF_GID_LEN + 1]);
/* Ids of records whose identity is their key (a unit's code, a setting):
 * the same key gives the same id in every database. */
void lf_gid_for_key(const char *kind, const char *key, char out[LF_GID_LEN + 1]);
/* Seed ids: LIANFANG_SEED in the environment or an explicit seed (demo). */
void lf_db_seed(struct lf_db *db, uint64_t seed);

/* Put a finished temporary file in place: fsync it, move it to path (never
 * replacing an existing file unless `replace`), fsync the directory. Returns
 * 0, or -1 with errno set (EEXIST when path exists and !replace). */
int lf_file_commit(const char *tmp, const char *path, int replace);

/* Compare the schema of db with the one this build creates; report() each
 * difference. Returns the number of differences. */
long lf_db_check_schema(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx);

/* 2–32 of letters, digits and '-'. */
int lf_unit_code_valid(const char *code);

/* The schema version stored in an open database. */
int lf_db_schema_version(struct lf_db *db);
/* Bring a database from its version to LF_SCHEMA_VERSION (one transaction).
 * Exposed for tests, which build every earlier version with lf_db_migrate_to. */
lf_status lf_db_migrate(struct lf_db *db);
lf_status lf_db_migrate_to(struct lf_db *db, int version);

/* The text of the schema this build creates (for `check` and tests). */
const char *lf_schema_sql(int version);

#endif
