/* selfcheck: the post self-check form (廉政风险自查表) and what a reviewer
 * signs. A sign-off records the hash of the content it approved; editing that
 * content afterwards changes the hash and sends the form back for review. */
#ifndef LIANFANG_SELFCHECK_H
#define LIANFANG_SELFCHECK_H

#include "lianfang/store.h"

/* The hash of what the person wrote: the form's post, person and duties, and
 * each live risk (by seq, gid) with its measures (by seq, gid) — not the
 * workflow fields (status, grade, dates) nor the level the leadership sets. */
lf_status lf_selfcheck_content_hash(struct lf_db *db, const char *gid, char out[65]);

#endif
