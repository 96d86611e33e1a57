/* ui: the screens. The only entry point the rest of the program uses. */
#ifndef LIANFANG_UI_H
#define LIANFANG_UI_H

#include "lianfang/cli.h"
#include "lianfang/store.h"

/* Run the screens on an open database until the user quits. Returns an exit
 * status; the terminal is always restored. */
int lf_ui_run(struct lf_cli *cli, struct lf_db *db);

#endif
