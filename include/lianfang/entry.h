/* entry: one entry form being filled in — the text typed into each field of
 * a form from forms/, checked field by field with a message in Chinese that
 * names the field, and saved as a new revision of the record. The screens
 * edit the texts; this module never sees a key and never includes curses.
 *
 * Texts are what the user sees and types, UTF-8: a date as typed until it is
 * checked (then ISO), an integer as digits (full-width digits accepted), a
 * choice as the option's text, 是/否 for a yes/no field, and a gid for a
 * reference (lf_entry_display gives the referenced record's name). */
#ifndef LIANFANG_ENTRY_H
#define LIANFANG_ENTRY_H

#include "lianfang/draft.h"
#include "lianfang/form.h"

struct lf_entry {
	struct lf_db *db;
	const struct lf_form *form;
	struct lf_rec *rec;    /* the record: fields the form does not show are kept */
	char **text;           /* per form field */
	char **err;            /* per form field: the last check's message, or NULL */
	int changed;           /* some text differs from what was loaded */
};

/* Open a form on the record `gid` of the form's kind, or on a new record
 * (gid NULL or ""), whose texts start from the form's defaults. */
lf_status lf_entry_open(struct lf_db *db, const struct lf_form *f, const char *gid, struct lf_entry **out);
void lf_entry_free(struct lf_entry *e);

/* "" for a new record. */
const char *lf_entry_target(const struct lf_entry *e);
const char *lf_entry_text(const struct lf_entry *e, int i);
/* Start field `name` of a new record from `text` instead of the form's
 * default (the department of a post added under that department): not a
 * change the user made. LF_USAGE if the form has no such field. */
lf_status lf_entry_preset(struct lf_entry *e, const char *name, const char *text);
/* Set field i's text; clears its message. Marks the entry changed if the
 * text differs. */
void lf_entry_set(struct lf_entry *e, int i, const char *text);
/* What field i shows when it is not being edited (caller frees): the name of
 * a referenced record, 是/否, the text otherwise. */
char *lf_entry_display(const struct lf_entry *e, int i);

/* Check field i, as when the cursor leaves it. A good date is rewritten as
 * ISO, full-width digits as ASCII. Returns 1 if good; else err[i] says why. */
int lf_entry_check(struct lf_entry *e, int i);
/* Check every field; the index of the first bad one, or -1. */
int lf_entry_check_all(struct lf_entry *e);

/* Check every field and save. LF_INVALID with *bad the first bad field, or
 * another status with *bad = -1 (or the field the store's message names)
 * and the message in e->db->err. On success the draft is gone and the entry
 * is unchanged. */
lf_status lf_entry_save(struct lf_entry *e, int *bad);

/* Keep every text as this user's draft of this form and record. */
lf_status lf_entry_keep_draft(struct lf_entry *e);
/* As lf_entry_keep_draft, but when the database cannot take it, into a file
 * beside it; *rescued is then its path (caller frees). For the way out. */
lf_status lf_entry_keep_draft_anyhow(struct lf_entry *e, char **rescued);
/* The draft kept for this form and record, if any (LF_NOTFOUND). */
lf_status lf_entry_find_draft(struct lf_entry *e, struct lf_draft *d);
/* Put a draft's texts into the fields (the entry is then changed). */
void lf_entry_apply_draft(struct lf_entry *e, const struct lf_draft *d);
lf_status lf_entry_drop_draft(struct lf_entry *e);

/* Mark a record retired (已撤销 / 已离岗) or back in use: a new revision
 * with only its `retired` field changed. LF_USAGE if the kind has none. */
lf_status lf_record_set_retired(struct lf_db *db, const struct lf_kind *k, const char *gid, int retired);

#endif
