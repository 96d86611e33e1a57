/* draft: unsaved form contents, kept for their user in the local `draft` table
 * (drafts never travel). A draft is written when a user leaves a form with
 * "keep as draft", and when the terminal goes away (SIGHUP, SIGTERM, a closed
 * SSH link) with a changed form open; the form offers it back the next time
 * the same user opens it for the same record. Keyed by (login, form, target):
 * the login is db->actor, target the gid of the record edited ("" for new).
 * No curses: the screens call this, tests call it directly. */
#ifndef LIANFANG_DRAFT_H
#define LIANFANG_DRAFT_H

#include "lianfang/store.h"

struct lf_draft {
	char saved[21];   /* when it was written (UTC, like revisions) */
	int n;
	char **names;     /* form field names … */
	char **values;    /* … and the text typed into each, UTF-8 */
};

/* Write (or replace) the draft of db->actor for this form and target. */
lf_status lf_draft_save(struct lf_db *db, const char *form, const char *target, int n,
                        const char *const *names, const char *const *values);
/* Read it; LF_NOTFOUND when there is none. */
lf_status lf_draft_load(struct lf_db *db, const char *form, const char *target, struct lf_draft *d);
/* Remove it (no draft is not an error). */
lf_status lf_draft_delete(struct lf_db *db, const char *form, const char *target);
void lf_draft_clear(struct lf_draft *d);
/* The value kept for a field, or NULL. */
const char *lf_draft_get(const struct lf_draft *d, const char *name);

/* When the database cannot take the draft (locked by another program for
 * longer than LIANFANG_BUSY_MS, disk full): write it as a JSON file beside the
 * database instead, "<db>.draft-<login>-<form>-<pid>.json". Returns the path
 * (caller frees) or NULL. Used only on the way out. */
char *lf_draft_rescue(struct lf_db *db, const char *form, const char *target, int n,
                      const char *const *names, const char *const *values);

#endif
