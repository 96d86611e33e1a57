/* exchange: carrying records between units on a USB stick (DESIGN.md
 * "Offices, hierarchy and the USB trip") — what a bundle for the parent or
 * for a child holds, and merging a bundle: who may send what, in one
 * transaction or not at all. Owns the tables peer_ack and bundle_log and the
 * meta keys "audit-ack:PEER:UNIT".
 *
 *  - Up (lf_pack_up): the revisions owned by this unit and the units below
 *    it that the parent has not acknowledged, the audit entries of those
 *    units it has not acknowledged, and acknowledgements of what came down.
 *  - Down (lf_pack_down): for one direct child, the records here that
 *    concern it — those pointing at its (or its sub-units') records or naming
 *    it as target unit, the unit records of this unit and its ancestors, and
 *    every record those point at (a city's inspection brings the city's
 *    cycle) — that it has not acknowledged; its own records it has lost; and
 *    acknowledgements of what it sent up (revisions and audit chains).
 *  - Merge (lf_merge): everything is checked before anything is written: the
 *    file (bundle.h), that it is addressed to this unit by its parent or a
 *    child, every revision (lf_rev_verify), that the sender may carry its
 *    owner's records (up: owners within the sender; down: the sender, its
 *    ancestors and units within it), that every record it points at is here
 *    or in the bundle, and the audit chains. If any row is refused, nothing
 *    is applied and every refusal is reported; otherwise all of it is added
 *    in one transaction. Merging is a set union of revisions: any order, any
 *    number of times, same records. An audit chain that does not continue
 *    the one held here (a unit that restored a backup, or a log changed) is
 *    not merged from the break on and is reported as a warning. */
#ifndef LIANFANG_EXCHANGE_H
#define LIANFANG_EXCHANGE_H

#include "lianfang/bundle.h"

struct lf_pack_opts {
	int all;                  /* ignore acknowledgements: send all the receiver should hold */
	lf_progress_fn progress;  /* stages 整理, 写入, 读回; may be NULL */
	void *progress_ctx;
};

struct lf_pack_result {
	struct lf_manifest m;     /* as written */
	char *path;               /* the file written (a name is chosen when given a directory) */
	char file_hash[LF_HASH_LEN + 1];
	long long bytes;
};

/* Write a bundle for this unit's parent at path (a file, or a directory to
 * put a bundle with a chosen name in). */
lf_status lf_pack_up(struct lf_db *db, const char *path, const struct lf_pack_opts *o, struct lf_pack_result *r);
/* Write a bundle for a direct child unit. */
lf_status lf_pack_down(struct lf_db *db, const char *child, const char *path, const struct lf_pack_opts *o,
                       struct lf_pack_result *r);
void lf_pack_result_free(struct lf_pack_result *r);

struct lf_merge_opts {
	int dry_run;              /* check and count everything, then roll back */
	lf_progress_fn progress;  /* stages 复制, 检查, 校验, 核对, 合并, 完成; may be NULL */
	void *progress_ctx;
};

struct lf_merge_conflict {
	char kind[40];
	char gid[LF_GID_LEN + 1];
	char owner[LF_CODE_MAX + 1];
	int leaves;
};

#define LF_MERGE_MAX_LISTED 200   /* refusals and warnings kept in the result */

struct lf_merge_result {
	int opened;                   /* the file passed its checks: m, file_hash are valid */
	int applied;                  /* committed (never on a dry run) */
	struct lf_manifest m;
	char file_hash[LF_HASH_LEN + 1];
	long long bytes;
	long long added, had;         /* revisions */
	long long audit_added, audit_had;
	long long acks;               /* acknowledgements recorded */
	long long refused;            /* rows refused (all of them, even beyond those listed) */
	char **refusals;              /* why, one line each (at most LF_MERGE_MAX_LISTED) */
	int nrefusals;
	char **warnings;
	int nwarnings;
	struct lf_merge_conflict *conflicts;  /* records in conflict that the bundle touched */
	int nconflicts;
	char *notes;                  /* about the file, e.g. a -journal beside it */
};

/* Merge the bundle at path (see above). LF_DENIED when rows were refused
 * (r->refusals says which and why; nothing applied). r is filled as far as
 * the merge got; free it with lf_merge_result_free. */
lf_status lf_merge(struct lf_db *db, const char *path, const struct lf_merge_opts *o, struct lf_merge_result *r);
void lf_merge_result_free(struct lf_merge_result *r);

/* LF_OK if the acting user may pack, merge and resolve (perm.h EXCHANGE),
 * else LF_DENIED with the role it needs in db->err: for a screen to say so
 * before asking for a file. Every function here checks it again. */
lf_status lf_exchange_allowed(struct lf_db *db);

/* Conflicts (rec.h), behind the exchange permission: the list of records
 * with several leaves, and resolving one by keeping leaf keep_rid (only the
 * owning unit may: the record layer refuses otherwise). */
lf_status lf_exchange_conflicts(struct lf_db *db,
                                int (*fn)(void *ctx, const char *kind, const char *gid, int leaves), void *ctx);
lf_status lf_exchange_resolve(struct lf_db *db, const char *gid, const char *keep_rid);

/* One record in conflict, for showing before it is resolved: its versions
 * (the leaves, winner first — the one every database shows) and the fields
 * whose values differ between them. */
struct lf_conflict_version {
	char rid[LF_HASH_LEN + 1];
	long long gen;
	char at[21];
	char author[LF_LOGIN_MAX + 1];
	int deleted;
};

struct lf_conflict_field {
	const char *name, *label;   /* the kind's field */
	char **value;               /* per version: the value as text (numbers in decimal), NULL when empty */
};

struct lf_conflict {
	const struct lf_kind *kind;
	char gid[LF_GID_LEN + 1];
	char owner[LF_CODE_MAX + 1];
	int mine;                   /* owned by this unit: only then may it be resolved here */
	struct lf_conflict_version *v;
	int nv;
	struct lf_conflict_field *f;
	int nf;
};

/* The versions of record gid and how they differ (behind the exchange
 * permission). LF_NOTFOUND when gid has no revisions here, LF_STATE when it
 * is not in conflict. Free with lf_conflict_free, also after a failure. */
lf_status lf_exchange_conflict(struct lf_db *db, const char *gid, struct lf_conflict *out);
void lf_conflict_free(struct lf_conflict *c);

/* "lianfang-620921-to-620900-20261123-080000.lfb" for a bundle packed now. */
char *lf_bundle_name(const char *from, const char *to);

#endif
