/* lookup: finding this unit's record from what a person types — an id (the
 * full 32 hex digits or a prefix of at least 4, as lists print them) or, for
 * kinds with a name, the name. Several matches are refused with the
 * candidates listed, so nobody edits the wrong 张伟. */
#ifndef LIANFANG_LOOKUP_H
#define LIANFANG_LOOKUP_H

#include "lianfang/store.h"

#define LF_SHORT_ID 8 /* lists print ids as their first 8 hex digits */

/* Find a live record of `kind` owned by this unit. `text` is an id or id
 * prefix, or (dept, post, person, power) a name. `within_field`/`within`
 * optionally narrow names to records whose field equals a gid (posts of a
 * department, powers of a department). Retired records are found too. */
lf_status lf_lookup(struct lf_db *db, const char *kind, const char *text, const char *within_field,
                    const char *within, char out[LF_GID_LEN + 1]);

/* True if text looks like an id or id prefix (4–32 lower-case hex digits). */
int lf_lookup_is_id(const char *text);

#endif
