/* fixture: a small unit for model tests — one cycle (2026), one department
 * with a head and a leader in charge, a post with two persons, a power with
 * a three-step flow chart — at a fixed clock (2026-11-23). */
#ifndef LIANFANG_TEST_FIXTURE_H
#define LIANFANG_TEST_FIXTURE_H

#include "lianfang/store.h"

struct fx {
	struct lf_db *db;
	char cycle[33], dept[33], post[33], post2[33];
	char staff[33], staff2[33], head[33], leader[33]; /* persons: 王静, 张伟, 李建国 (head), 赵志强 (leader) */
	char power[33], step[3][33];                    /* step[1] is risky */
};

/* Check a status, evaluating the call once (T_EQ_INT evaluates twice). */
#define T_STATUS(expr, want, what)                                                          \
	do {                                                                                     \
		lf_status s_ = (expr);                                                               \
		T_OK(s_ == (want), "%s: got %s, want %s (%s)", what, lf_status_name(s_),             \
		     lf_status_name(want), s_ == LF_OK ? "" : fx_err());                             \
	} while (0)

/* The last failure message of the fixture's database. */
const char *fx_err(void);

/* A fresh database under the test directory; NULL members on failure. */
int fx_open(struct fx *f, const char *name);
void fx_close(struct fx *f);

/* A self-check form of 王静 with `risks` risks (each with one measure). */
int fx_form(struct fx *f, int risks, char gid[33]);

#endif
