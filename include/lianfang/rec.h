/* rec: records that travel between units, and their revisions.
 *
 * The revision model (docs: README "How records travel"; merge builds on it):
 *
 *  - A record has a global id (gid, 128-bit random hex made where it was
 *    created), a kind (risk, post, …) and an owner: the code of the unit that
 *    created it. Only the owner ever revises it; an upper level's decisions are
 *    new records it owns, pointing at the record they concern.
 *  - Every change is a new revision, never an overwrite. A revision holds
 *      gid, kind, owner, gen, parents, author, at, deleted, body, hash, rid
 *    where body is the record's content as canonical JSON (fields in the
 *    kind's fixed order, no spaces, UTF-8), hash = BLAKE2b-256(body),
 *    parents = the space-separated, sorted rids it revises ("" for the
 *    first), gen = 1 + the highest parent gen (the record's clock), author the
 *    login and `at` the UTC time, and rid = BLAKE2b-256 of all of the above.
 *    Deletion is a revision with deleted=1 (a tombstone) carrying the last body.
 *  - Revisions form a DAG per record. A leaf is a revision no other revision
 *    names as parent. The visible record (the row in the kind's table) is
 *    derived from the leaves by one rule: live before deleted, then the highest
 *    gen, then the highest rid. Merging is a set union of revisions, so it is
 *    idempotent, commutative and associative, and every database holding the
 *    same revisions shows the same records.
 *  - Two or more leaves are a conflict: both are kept, the rule above picks the
 *    same winner everywhere, and the conflict is listed until someone resolves
 *    it with a revision whose parents are all the leaves.
 *  - Every revision made here is also appended to the audit chain (audit.h).
 */
#ifndef LIANFANG_REC_H
#define LIANFANG_REC_H

#include <stdio.h>
#include "lianfang/store.h"

enum lf_ftype {
	LF_F_TEXT, /* UTF-8, no control characters but tab/newline */
	LF_F_INT,
	LF_F_DATE, /* YYYY-MM-DD */
	LF_F_REF,  /* gid of a record of kind `ref` */
	LF_F_BOOL, /* 0 or 1 */
	LF_F_CODE, /* a unit code */
};

struct lf_field {
	const char *name;     /* column and JSON key */
	const char *label;    /* Chinese, for messages */
	enum lf_ftype type;
	const char *ref;      /* kind referenced, for LF_F_REF */
	int required;         /* NOT NULL */
	int max;              /* text: most characters; int: largest value */
	int min;              /* int: smallest value */
	const char *choices;  /* text: the allowed values, "a|b|c" (NULL = any) */
};

struct lf_kind {
	const char *name;     /* table name and "kind" in revisions and dumps */
	const char *label;    /* Chinese name for messages */
	const struct lf_field *fields;
	int nfields;
	const char *key;      /* field whose value (with the owner) is the record's
	                       * identity: its gid is derived, not random. NULL: random */
};

#define LF_MAX_FIELDS 24

extern const struct lf_kind lf_kinds[];
extern const int lf_nkinds;

const struct lf_kind *lf_kind_find(const char *name);
/* Index of a field in its kind, or -1. */
int lf_field_index(const struct lf_kind *k, const char *field);

struct lf_val {
	int null;
	long long i;  /* LF_F_INT, LF_F_BOOL */
	char *s;      /* every other type; owned */
};

struct lf_rec {
	const struct lf_kind *kind;
	char gid[LF_GID_LEN + 1];     /* "" until first saved */
	char owner[LF_CODE_MAX + 1];
	char rid[LF_HASH_LEN + 1];    /* the revision it was loaded from */
	int deleted;
	struct lf_val v[LF_MAX_FIELDS];
};

struct lf_rec *lf_rec_new(const struct lf_kind *k);
void lf_rec_free(struct lf_rec *r);
void lf_rec_clear(struct lf_rec *r);

/* Field access by name; an unknown name is a programming error (aborts). */
void lf_rec_set_text(struct lf_rec *r, const char *field, const char *s); /* NULL → null */
void lf_rec_set_int(struct lf_rec *r, const char *field, long long i);
void lf_rec_set_null(struct lf_rec *r, const char *field);
const char *lf_rec_text(const struct lf_rec *r, const char *field); /* NULL if null */
long long lf_rec_int(const struct lf_rec *r, const char *field);   /* 0 if null */
int lf_rec_is_null(const struct lf_rec *r, const char *field);

/* Check every field against its kind: types, required, lengths, formats.
 * On failure the message names the field (Chinese label is up to callers). */
lf_status lf_rec_validate(struct lf_db *db, const struct lf_rec *r);

/* The canonical JSON body of the fields. */
char *lf_rec_body(const struct lf_rec *r);
/* Fill r's fields from a body; the body must be exactly canonical (it is
 * re-encoded and compared byte for byte), so hostile bodies are refused. */
lf_status lf_rec_from_body(struct lf_db *db, struct lf_rec *r, const char *body);

/* Load the visible record (also a deleted one: check r->deleted). */
lf_status lf_rec_load(struct lf_db *db, const struct lf_kind *k, const char *gid,
                      struct lf_rec *r);
/* Load a live record of r's kind (made by lf_rec_new), or fail with
 * LF_NOTFOUND "找不到岗位（1a2b3c4d）。" when gid is NULL, unknown or deleted. */
lf_status lf_rec_load_live(struct lf_db *db, const char *gid, struct lf_rec *r);

/* Save r as a new revision of its record, owned by this unit (new gid if
 * r->gid is empty). No change → no revision. Runs in a transaction. */
lf_status lf_rec_put(struct lf_db *db, struct lf_rec *r);
/* Check r (lf_rec_validate) and save it (lf_rec_put); its gid into `gid`
 * when not NULL. */
lf_status lf_rec_save(struct lf_db *db, struct lf_rec *r, char gid[LF_GID_LEN + 1]);
/* Tombstone the record. */
lf_status lf_rec_delete(struct lf_db *db, const struct lf_kind *k, const char *gid);

/* ------------------------------------------------------------------ revisions */

struct lf_rev {
	char rid[LF_HASH_LEN + 1];
	char gid[LF_GID_LEN + 1];
	const struct lf_kind *kind;
	char owner[LF_CODE_MAX + 1];
	long long gen;
	char *parents;   /* "" or sorted space-separated rids */
	char author[LF_LOGIN_MAX + 1];
	char at[21];
	int deleted;
	char *body;
	char hash[LF_HASH_LEN + 1];
};

void lf_rev_clear(struct lf_rev *v);
/* Compute hash and rid from the other fields. */
void lf_rev_seal(struct lf_rev *v);
/* Check a revision from elsewhere: formats, hash and rid, canonical body. */
lf_status lf_rev_verify(struct lf_db *db, const struct lf_rev *v);
/* Add a verified revision made elsewhere (merge). Returns LF_EXISTS when it was
 * already here. The visible record is re-derived; call inside a transaction. */
lf_status lf_rev_add(struct lf_db *db, const struct lf_rev *v);
/* Load one revision by rid. */
lf_status lf_rev_load(struct lf_db *db, const char *rid, struct lf_rev *v);

/* Every revision held here in rid order, or only those of one record when gid
 * is not NULL; fn returns nonzero to stop. For packing bundles (exchange.c). */
lf_status lf_rev_each(struct lf_db *db, const char *gid,
                      int (*fn)(void *ctx, const struct lf_rev *v), void *ctx);
/* The kind and owner of a record held here (from its revisions); LF_NOTFOUND
 * when no revision of gid is held. */
lf_status lf_rec_identity(struct lf_db *db, const char *gid, char kind[40], char owner[LF_CODE_MAX + 1]);
/* The leaves of a record, winner first (the derivation rule's order). */
lf_status lf_rev_leaves(struct lf_db *db, const char *gid,
                        int (*fn)(void *ctx, const struct lf_rev *v), void *ctx);

/* Records with more than one leaf, in gid order: calls fn for each. */
lf_status lf_conflicts(struct lf_db *db,
                       int (*fn)(void *ctx, const char *kind, const char *gid, int leaves),
                       void *ctx);
/* Resolve a conflict: a revision whose parents are every leaf, with the body
 * (and deleted flag) of the chosen leaf `keep_rid`. */
lf_status lf_rec_resolve(struct lf_db *db, const char *gid, const char *keep_rid);

/* Every live record as JSON Lines: kinds in their fixed order, records by gid,
 * fields in their fixed order; nothing local. Equal data → equal bytes. */
lf_status lf_dump(struct lf_db *db, FILE *out);

/* Verify every revision (hash, rid, body) and that every visible row is what
 * its revisions derive. Calls report() for each problem; returns the count. */
long lf_rec_check(struct lf_db *db, void (*report)(void *ctx, const char *msg), void *ctx);

#endif
