/* bundle: the file carried on a USB stick between units — its fixed format,
 * writing it onto the stick safely, and opening one from elsewhere.
 *
 * A bundle is a single SQLite file (so it can be inspected with sqlite3) with
 * its own application_id ("LFBX") and format version (user_version), holding
 * a one-row manifest and four tables: revisions, audit entries, and two kinds
 * of acknowledgement. The manifest's content hash covers the manifest and
 * every row in a fixed order, so any change to the content shows.
 *
 * A file from elsewhere is hostile until checked. lf_bundle_open copies it to
 * a private local file, checks the header by hand, opens the copy read-only
 * and immutable in its own connection locked down as SQLite's "Defense
 * Against the Dark Arts" says (defensive mode, trusted schema off, triggers
 * and views off, low limits, no mmap, cell size checks), compares the schema
 * with ours before anything else runs, then runs integrity_check, reads and
 * type-checks the manifest and every row, and computes the content hash. It
 * never ATTACHes the file to a lianfang database and never runs its schema.
 * What the rows mean (ownership, references) is exchange.c's business. */
#ifndef LIANFANG_BUNDLE_H
#define LIANFANG_BUNDLE_H

#include "lianfang/audit.h"
#include "lianfang/rec.h"
#include "lianfang/store.h"

/* "LFBX" — PRAGMA application_id of every bundle. */
#define LF_BUNDLE_APPLICATION_ID 0x4c464258
/* PRAGMA user_version: the bundle format this build writes and reads. */
#define LF_BUNDLE_FORMAT 1
/* Largest bundle accepted (bytes). */
#define LF_BUNDLE_MAX_BYTES (1LL << 30)

/* Progress of a long step: stage is a short Chinese word ("复制", "检查", …),
 * done of total units (bytes or rows). Return nonzero to cancel. */
typedef int (*lf_progress_fn)(void *ctx, const char *stage, long long done, long long total);

struct lf_manifest {
	int format;                         /* LF_BUNDLE_FORMAT */
	int schema;                         /* the sender's LF_SCHEMA_VERSION */
	char sender[LF_CODE_MAX + 1];
	char sender_name[401];              /* as the sender calls itself (display only) */
	char receiver[LF_CODE_MAX + 1];
	char direction[5];                  /* "up" or "down" */
	char created[21];                   /* UTF time of packing */
	char program[65];                   /* "lianfang 0.1.0" */
	long long revs, audits, acks, audit_acks;
	char content[LF_HASH_LEN + 1];      /* BLAKE2b-256 of the manifest and every row */
};

/* ------------------------------------------------------------------ writing */

struct lf_bundle_writer;

/* Start a bundle in a private temporary file. Errors go to db->err. */
lf_status lf_bundle_writer_new(struct lf_db *db, struct lf_bundle_writer **out);
lf_status lf_bundle_put_rev(struct lf_bundle_writer *w, const struct lf_rev *v);
lf_status lf_bundle_put_audit(struct lf_bundle_writer *w, const struct lf_audit_entry *e);
/* The sender holds this revision (the receiver need not send it). */
lf_status lf_bundle_put_ack(struct lf_bundle_writer *w, const char *rid);
/* The sender holds unit's audit chain up to seq, whose entry has this hash. */
lf_status lf_bundle_put_audit_ack(struct lf_bundle_writer *w, const char *unit, long long seq, const char *hash);
/* Seal the bundle (counts and content hash into m, the other manifest fields
 * as the caller set them) and put it at dest: copied to a temporary name
 * beside dest, fsynced, read back and compared, renamed over dest, the
 * directory fsynced, and read back once more. On failure dest holds what it
 * held before (or, if only the last read-back failed, nothing) and no
 * temporary file is left. dest may replace an earlier bundle, never another
 * kind of file. *file_hash gets the BLAKE2b-256 of the file's bytes. */
lf_status lf_bundle_finish(struct lf_bundle_writer *w, struct lf_manifest *m, const char *dest,
                           lf_progress_fn progress, void *pctx, char file_hash[LF_HASH_LEN + 1],
                           long long *bytes);
/* Discard (also after finish). */
void lf_bundle_writer_free(struct lf_bundle_writer *w);

/* ------------------------------------------------------------------ reading */

struct lf_bundle;

/* Copy path to a private local file and check it as described above, up to
 * and including computing the content hash (not comparing it: see
 * lf_bundle_verify). Messages name the file, the table and row or the byte.
 * On failure *out is NULL. */
lf_status lf_bundle_open(struct lf_db *db, const char *path, lf_progress_fn progress, void *pctx,
                         struct lf_bundle **out);
/* Compare the computed content hash with the manifest's. */
lf_status lf_bundle_verify(struct lf_db *db, const struct lf_bundle *b);
const struct lf_manifest *lf_bundle_manifest(const struct lf_bundle *b);
/* BLAKE2b-256 of the file's bytes, and of its content as computed. */
const char *lf_bundle_file_hash(const struct lf_bundle *b);
const char *lf_bundle_computed_hash(const struct lf_bundle *b);
long long lf_bundle_bytes(const struct lf_bundle *b);
/* Notes about the file that are not errors (a -journal beside it, …). */
const char *lf_bundle_notes(const struct lf_bundle *b);

/* The rows, in the order the content hash covers them. Each callback gets
 * the row number in that order (from 1). A revision's kind is NULL when the
 * kind is unknown to this build (its name is in kind_name). Strings are
 * borrowed for the call. fn returns nonzero to stop. */
lf_status lf_bundle_each_rev(struct lf_db *db, struct lf_bundle *b,
                             int (*fn)(void *ctx, long long row, const struct lf_rev *v, const char *kind_name),
                             void *ctx);
lf_status lf_bundle_each_audit(struct lf_db *db, struct lf_bundle *b,
                               int (*fn)(void *ctx, long long row, const struct lf_audit_entry *e), void *ctx);
lf_status lf_bundle_each_ack(struct lf_db *db, struct lf_bundle *b,
                             int (*fn)(void *ctx, long long row, const char *rid), void *ctx);
lf_status lf_bundle_each_audit_ack(struct lf_db *db, struct lf_bundle *b,
                                   int (*fn)(void *ctx, long long row, const char *unit, long long seq,
                                             const char *hash),
                                   void *ctx);
/* The kinds and owners the bundle's revisions give gid: *n is how many
 * different (kind, owner) pairs (0: gid not in the bundle); kind and owner
 * are the first. */
lf_status lf_bundle_gid(struct lf_db *db, struct lf_bundle *b, const char *gid, int *n, char kind[40],
                        char owner[LF_CODE_MAX + 1]);

/* Close and remove the private copy. */
void lf_bundle_close(struct lf_bundle *b);

#endif
