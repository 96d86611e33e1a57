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

/* Verify every unit's chain. Calls report() for the first bad entry of each
 * chain (naming unit and seq); returns the number of broken chains. */
long lf_audit_verify(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx);

#endif
