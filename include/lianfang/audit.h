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

/* Verify every unit's chain. Calls report() for the first bad entry of each
 * chain (naming unit and seq); returns the number of broken chains. */
long lf_audit_verify(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx);

#endif
