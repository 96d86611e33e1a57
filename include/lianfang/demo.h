/* demo: fill a new database with a realistic demo unit (a county market-
 * regulation bureau in its 2026 cycle), deterministically from a seed. */
#ifndef LIANFANG_DEMO_H
#define LIANFANG_DEMO_H

#include <stdint.h>
#include "lianfang/store.h"

lf_status lf_demo_fill(struct lf_db *db, uint64_t seed);

#endif
