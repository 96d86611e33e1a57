/* audit: the append-only log of every change, one hash chain per unit.
 * Each entry hashes the one before it (BLAKE2b-256, libsodium), so changing,
 * deleting or reordering an entry breaks the chain from there on. Entries for
 * records name the revision before and after (revisions are themselves
 * content-addressed), local changes carry their before/after as JSON. */
#ifndef LIANFANG_AUDIT_H
#define LIANFANG_AUDIT_H

#include "lianfang/store.h"

#define LF_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

struct lf_audit_entry {
	char unit[LF_CODE_MAX + 1];
	long long seq;
	char at[21];
	char *actor, *action, *kind, *gid, *before, *after;
	char prev[65], hash[65];
};

/* The columns of an entry, in the order lf_audit_entry_of_row reads them. */
#define LF_AUDIT_COLUMNS "unit, seq, at, actor, action, kind, gid, before, after, prev, hash"

/* Fill e from a row of LF_AUDIT_COLUMNS starting at column 0; the strings are
 * borrowed from the statement until it steps again. */
void lf_audit_entry_of_row(sqlite3_stmt *st, struct lf_audit_entry *e);

/* Append an entry for this database's unit, as db->actor, now. */
lf_status lf_audit_append(struct lf_db *db, const char *action, const char *kind,
                          const char *gid, const char *before, const char *after);

/* The hash an entry should carry. */
void lf_audit_hash(const struct lf_audit_entry *e, char out[65]);

/* The last entry held for a unit: *seq 0 and the genesis hash when none. */
lf_status lf_audit_last(struct lf_db *db, const char *unit, long long *seq, char hash[65]);
/* The hash of a unit's entry seq; LF_NOTFOUND when it is not held. */
lf_status lf_audit_hash_at(struct lf_db *db, const char *unit, long long seq, char hash[65]);
/* A unit's entries with seq > after, in order; fn returns nonzero to stop. */
lf_status lf_audit_each(struct lf_db *db, const char *unit, long long after,
                        int (*fn)(void *ctx, const struct lf_audit_entry *e), void *ctx);
/* Add an entry of another unit's chain (a merge): it must carry its right
 * hash and continue that unit's chain as held here (seq = last + 1, prev =
 * the last hash). LF_EXISTS if the same entry is already here; otherwise
 * LF_INVALID with a message naming unit and seq. Never for this unit. */
lf_status lf_audit_add(struct lf_db *db, const struct lf_audit_entry *e);

/* Verify every unit's chain, then that this unit's chain agrees with what it
 * describes: each record entry names a revision that exists, of that record,
 * by that author; each revision this unit made has its entry (so cutting off
 * the end of the chain shows); each account is in the state its last entry
 * records (auth.h). Calls report() for the first bad entry of each chain
 * (naming unit and seq) and for each disagreement (at most a few of each
 * kind, then a count); returns the number of problems. The records against
 * their revisions are lf_rec_check's part. */
long lf_audit_verify(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx);

/* The last entry of this unit's chain (seq 0 and the genesis hash when it is
 * empty): written down or sent away, it lets a later check see that the
 * chain was not rewritten from some point on. */
lf_status lf_audit_head(struct lf_db *db, long long *seq, char hash[65]);

/* Entries of this unit's chain, oldest first: those about one record or
 * account (gid = a record's gid or an account's login; NULL: all), and/or by
 * one actor (NULL: anyone). fn returns non-zero to stop. */
lf_status lf_audit_list(struct lf_db *db, const char *gid, const char *actor,
                        int (*fn)(void *ctx, const struct lf_audit_entry *e), void *ctx);

/* What one entry changed, field by field, oldest value first: fn(ctx, field,
 * label, before, after), NULL for a value that was null or absent. Record
 * entries compare the revisions' bodies (labels from the kind); account
 * entries compare the logged states. Nothing for deletions and locks. */
lf_status lf_audit_changes(struct lf_db *db, const struct lf_audit_entry *e,
                           int (*fn)(void *ctx, const char *field, const char *label, const char *before,
                                     const char *after),
                           void *ctx);

/* The full gid of a record or the login of an account in the log from a
 * unique prefix of at least 6 characters (messages show 12). */
lf_status lf_audit_find(struct lf_db *db, const char *prefix, char out[LF_GID_LEN + 1], char kind[40]);

/* May the acting user read this history? A record's (kind, gid): READ on
 * the record's own scope (lf_perm_scope_of). An account's (kind "account",
 * gid = the login): their own, or READ on the unit, or USERS. The whole log
 * (gid NULL): READ on the unit. LF_DENIED says in Chinese which role it needs. */
lf_status lf_audit_may_read(struct lf_db *db, const char *kind, const char *gid);

/* A Chinese word for an entry's action ("修改", "授予角色" …). */
const char *lf_audit_action_label(const char *action);

#endif
