/* cycle: the yearly cycle (年度) and its four phases — 制定方案、动员部署;
 * 界定职责、查找风险; 健全机制、防范监督; 检查考核、修正完善 — with their
 * dates (by default seed 001's schedule: March, April, May–November,
 * December), the phase the unit is in (by the dates, or set by hand), and the
 * start of the next cycle from this year's risks and measures. */
#ifndef LIANFANG_CYCLE_H
#define LIANFANG_CYCLE_H

#include "lianfang/page.h"

#define LF_PHASES 4

struct lf_cycle {
	long long id;
	char gid[LF_GID_LEN + 1];
	int year;
	const char *title;                  /* NULL when unset */
	char start[LF_PHASES + 1][11];      /* start[1..4], "" when unset */
	char end[LF_PHASES + 1][11];
	int phase_set;                      /* 1–4 set by hand; 0: by the dates */
	int closed;
};

struct lf_cycle_list {
	struct lf_cycle *v;
	int n;
	struct lf_arena arena;
};

/* Text as typed; NULL keeps a value, "" clears it. */
struct lf_cycle_in {
	const char *title;
	const char *start[LF_PHASES + 1], *end[LF_PHASES + 1]; /* [1..4] */
};

/* Seed 001's schedule for a year. */
void lf_cycle_default_dates(int year, char start[LF_PHASES + 1][11], char end[LF_PHASES + 1][11]);
/* The name of a phase: 1–4; 0 "尚未开始"; 5 "本年度已结束". */
const char *lf_phase_name(int phase);

/* Create the cycle of a year with the default dates and title, then apply
 * `in` (may be NULL). Refused if the year exists. Needs LF_ACT_CYCLE_EDIT. */
lf_status lf_cycle_add(struct lf_db *db, int year, const struct lf_cycle_in *in, char gid[LF_GID_LEN + 1]);
/* Change title or dates. Every phase must start no later than it ends, and
 * no phase may start before the one before it. */
lf_status lf_cycle_edit(struct lf_db *db, const char *gid, const struct lf_cycle_in *in);
/* Set the current phase by hand (1–4), or 0 to follow the dates. */
lf_status lf_cycle_set_phase(struct lf_db *db, const char *gid, int phase);

lf_status lf_cycle_get(struct lf_db *db, const char *gid, struct lf_cycle_list *out);
lf_status lf_cycle_by_year(struct lf_db *db, int year, struct lf_cycle_list *out);
/* The cycle of today's year; else the latest before it; else the earliest. */
lf_status lf_cycle_current(struct lf_db *db, struct lf_cycle_list *out);
/* The cycle of `year` of `unit` (NULL: this database's unit; another unit's
 * are held here when it sent them), or its latest when year is 0.
 * LF_NOTFOUND saying which years the unit has. Needs LF_ACT_READ_PUBLIC. */
lf_status lf_cycle_of_unit(struct lf_db *db, const char *unit, int year, struct lf_cycle_list *out);
/* This unit's cycles, newest first. */
lf_status lf_cycle_list(struct lf_db *db, struct lf_page *pg, struct lf_cycle_list *out);
void lf_cycle_list_free(struct lf_cycle_list *l);

/* The phase on `today` (ISO): set by hand, else the phase whose dates hold
 * today (in a gap between phases, the one before); 0 before phase 1, 5 after
 * phase 4. */
int lf_cycle_phase(const struct lf_cycle *c, const char *today);
/* The phase whose end date has passed while the unit is still in it (set by
 * hand), or 0. */
int lf_cycle_overdue_phase(const struct lf_cycle *c, const char *today);

/* Start the cycle of `year` (0: the year after) from cycle `from`: the new
 * cycle gets the default dates, and every self-check of a post and person
 * still in use is copied in as a draft with its risks and measures, for
 * revision (seed 001 (三), seed 002 §13). Refused when the new cycle already
 * has self-checks or risks. One transaction. */
struct lf_carry_count {
	int selfchecks, risks, measures, skipped; /* skipped: posts or persons no longer in use */
};
lf_status lf_cycle_start_next(struct lf_db *db, const char *from, int year, char gid[LF_GID_LEN + 1],
                              struct lf_carry_count *count);

#endif
