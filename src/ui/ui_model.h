/* ui_model: how a screen includes the model's users and permissions
 * (auth.h, perm.h, audit.h). Those name `enum lf_role` (科员, 处室负责人 …)
 * and `enum lf_action` (READ, USERS …), while screen.h names `enum lf_role`
 * (the theme's roles) and `struct lf_action` (a screen's actions); C has one
 * namespace for both kinds of tags. Here the model's two tags are read as
 * `enum lf_perm_role` and `enum lf_perm_action`; the values, the functions and
 * the structs are the same, so a screen calls lf_perm_check(db, LF_ACT_READ,
 * …) and lf_role_label(LF_ROLE_HEAD) as the model does. Include it instead
 * of those headers in src/ui/. */
#ifndef LIANFANG_UI_MODEL_H
#define LIANFANG_UI_MODEL_H

#define lf_role lf_perm_role
#define lf_action lf_perm_action
#include "lianfang/audit.h"
#include "lianfang/auth.h"
#include "lianfang/perm.h"
#undef lf_role
#undef lf_action

#endif
