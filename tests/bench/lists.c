/* lists: time the model's list calls on one database — a first page and a
 * page deep in the table, search through the index and through LIKE, the
 * heat map, progress and coverage — and print "name microseconds" lines.
 * They read as the discipline office (the whole unit); the *-head and
 * *-staff lines as the head of the last department and a staff member in
 * it, whose lists are filtered by their reach. tests/bench/cycle.sh turns
 * two databases' lines into ratios. */
#include "lianfang/coverage.h"
#include "lianfang/cycle.h"
#include "lianfang/heatmap.h"
#include "lianfang/org.h"
#include "lianfang/progress.h"
#include "lianfang/selfcheck.h"
#include "lianfang/summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

struct ctx {
	struct lf_db *db;
	char cycle[33];
	char deep[LF_KEY_MAX];   /* a summary key half way down the table */
	char person_deep[LF_KEY_MAX];
};

static int summary(struct ctx *c, const char *after, const char *text)
{
	struct lf_summary_filter f = { 0 };
	struct lf_summary_list l;
	struct lf_page pg;
	int n;

	f.cycle = c->cycle;
	f.text = text;
	lf_page_init(&pg, 50);
	snprintf(pg.after, sizeof pg.after, "%s", after);
	if (lf_summary_page(c->db, &f, &pg, &l))
		return -1;
	n = l.n;
	lf_summary_list_free(&l);
	return n;
}

static void act_as(struct ctx *c, const char *login)
{
	snprintf(c->db->actor, sizeof c->db->actor, "%s", login);
}

static int selfchecks(struct ctx *c)
{
	struct lf_selfcheck_filter f = { 0 };
	struct lf_selfcheck_list l;
	struct lf_page pg;
	int n;

	f.cycle = c->cycle;
	lf_page_init(&pg, 50);
	if (lf_selfcheck_list(c->db, &f, &pg, &l))
		return -1;
	n = l.n;
	lf_selfcheck_list_free(&l);
	return n;
}

static int op(struct ctx *c, const char *name)
{
	const char *dash = strrchr(name, '-');

	act_as(c, dash && (!strcmp(dash, "-head") || !strcmp(dash, "-staff")) ? dash + 1 : "discipline");
	if (!strncmp(name, "summary-first", 13))
		return summary(c, "", NULL);
	if (!strncmp(name, "selfchecks", 10))
		return selfchecks(c);
	if (!strcmp(name, "summary-deep"))
		return summary(c, c->deep, NULL);
	if (!strcmp(name, "search-index"))
		return summary(c, "", "供应商回扣");
	if (!strcmp(name, "search-like"))
		return summary(c, "", "回扣");
	if (!strcmp(name, "persons-deep")) {
		struct lf_person_list l;
		struct lf_page pg;
		int n;

		lf_page_init(&pg, 50);
		snprintf(pg.after, sizeof pg.after, "%s", c->person_deep);
		if (lf_person_list(c->db, NULL, NULL, 0, &pg, &l))
			return -1;
		n = l.n;
		lf_person_list_free(&l);
		return n;
	}
	if (!strcmp(name, "heatmap")) {
		struct lf_summary_filter f = { 0 };
		struct lf_heatmap h;

		f.cycle = c->cycle;
		return lf_heatmap_get(c->db, &f, &h) ? -1 : h.total;
	}
	if (!strcmp(name, "coverage")) {
		struct lf_coverage v;

		return lf_coverage_get(c->db, c->cycle, NULL, &v) ? -1 : v.posts;
	}
	if (!strcmp(name, "progress")) {
		struct lf_progress_list l;
		struct lf_page pg;
		int n;

		lf_page_init(&pg, 20);
		if (lf_progress_list(c->db, c->cycle, &pg, &l))
			return -1;
		n = l.n;
		lf_progress_list_free(&l);
		return n;
	}
	return -1;
}

/* Walk the summary to half its rows, once, to find a deep key. */
static void find_deep(struct ctx *c)
{
	struct lf_summary_filter f = { 0 };
	struct lf_page pg;
	int rows = 0, total = 0;

	f.cycle = c->cycle;
	act_as(c, "discipline");
	{
		struct lf_heatmap h;

		lf_heatmap_get(c->db, &f, &h);
		total = h.total;
	}
	lf_page_init(&pg, 1000);
	do {
		struct lf_summary_list l;

		if (lf_summary_page(c->db, &f, &pg, &l))
			break;
		rows += l.n;
		lf_summary_list_free(&l);
	} while (rows < total / 2 && lf_page_advance(&pg));
	snprintf(c->deep, sizeof c->deep, "%s", pg.next);
}

int main(int argc, char **argv)
{
	static const char *const ops[] = { "summary-first", "summary-deep", "search-index", "search-like", "persons-deep",
	                                   "heatmap", "coverage", "progress", "summary-first-head", "summary-first-staff",
	                                   "selfchecks", "selfchecks-head", "selfchecks-staff" };
	struct lf_cycle_list cl;
	struct ctx c;
	char err[1024];
	size_t i;
	int k, reps = argc > 2 ? atoi(argv[2]) : 15;

	if (argc < 2 || lf_db_open(argv[1], LF_OPEN_READ, &c.db, err, sizeof err)) {
		fprintf(stderr, "lists: %s\n", argc < 2 ? "usage: lists DB [REPS]" : err);
		return 2;
	}
	act_as(&c, "discipline");
	if (lf_cycle_current(c.db, &cl)) {
		fprintf(stderr, "lists: no cycle\n");
		return 2;
	}
	memcpy(c.cycle, cl.v[0].gid, sizeof c.cycle);
	lf_cycle_list_free(&cl);
	find_deep(&c);
	snprintf(c.person_deep, sizeof c.person_deep, "%s", argc > 3 ? argv[3] : "1");
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		double t[64];

		if (reps > 64)
			reps = 64;
		op(&c, ops[i]); /* warm the cache */
		for (k = 0; k < reps; k++) {
			double t0 = now_us();

			if (op(&c, ops[i]) < 0) {
				fprintf(stderr, "lists: %s failed: %s\n", ops[i], c.db->err);
				return 1;
			}
			t[k] = now_us() - t0;
		}
		qsort(t, (size_t)reps, sizeof t[0], cmp);
		printf("%s %.0f\n", ops[i], t[reps / 2]);
	}
	lf_db_close(c.db);
	return 0;
}
