/* unit: the units of the hierarchy (county → city → province) this database
 * knows: its own, and those whose records it has received. A unit's record is
 * owned by the unit itself and its id derives from its code. */
#ifndef LIANFANG_UNIT_H
#define LIANFANG_UNIT_H

#include "lianfang/store.h"

struct lf_unit {
	char code[LF_CODE_MAX + 1];
	char *name;
	char parent[LF_CODE_MAX + 1]; /* "" when none */
};

/* Create or revise this database's own unit record. */
lf_status lf_unit_put(struct lf_db *db, const char *code, const char *name, const char *parent);
/* Look a unit up by code. */
lf_status lf_unit_get(struct lf_db *db, const char *code, struct lf_unit *u);
void lf_unit_clear(struct lf_unit *u);
/* Every unit known here (deleted ones too), in code order; fn returns
 * nonzero to stop. parent is "" when none. */
lf_status lf_unit_each(struct lf_db *db, int (*fn)(void *ctx, const char *code, const char *parent, int deleted),
                       void *ctx);
/* True if `code` is `ancestor` or lies below it in the tree known here. */
int lf_unit_is_within(struct lf_db *db, const char *code, const char *ancestor);

#endif
