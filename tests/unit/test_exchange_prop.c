/* Property test of the exchange: three counties, a city and a province make
 * random edits, deletions and re-edits (the upper units assess and inspect
 * what they hold); bundles are packed, duplicated, dropped, reordered and
 * merged at random; then a full exchange. Afterwards every database's dump
 * agrees with the others on every record they share (county ⊆ city ⊆
 * province, line by line), no revision made anywhere is missing, every
 * record that concerns a county reached it, every merge of a valid bundle
 * succeeded, and merging every bundle again changes nothing.
 *
 * Seeded and deterministic: LF_PROP_SEED and LF_PROP_OPS change the run. */
#include "t.h"
#include "xfix.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { PROV, CITY, CA, CB, CC, NU };

static const char *const codes[NU] = { "620000", "620900", "620921", "620922", "620923" };
static const char *const parents[NU] = { NULL, "620000", "620900", "620900", "620900" };

struct pending {
	char path[256];
	int to;
	int alive;
};

struct prop {
	struct lf_db *db[NU];
	char cycle[NU][33], selfcheck[NU][33];
	struct pending *b;
	int nb;
	char (*made)[65];
	int nmade;
	unsigned long long rng;
	int packs, merges, drops, dups, edits, deletes, failures, warnings, empty_packs;
};

static unsigned rnd(struct prop *p, unsigned n)
{
	p->rng ^= p->rng << 13;
	p->rng ^= p->rng >> 7;
	p->rng ^= p->rng << 17;
	return (unsigned)(p->rng % n);
}

static int unit_of(const char *code)
{
	int i;

	for (i = 0; i < NU; i++)
		if (!strcmp(codes[i], code))
			return i;
	return -1;
}

static void remember(struct prop *p, const char *rid)
{
	p->made = lf_realloc(p->made, (size_t)(p->nmade + 1) * sizeof *p->made);
	snprintf(p->made[p->nmade++], 65, "%s", rid);
}

static void put(struct prop *p, int u, const char *kind, const char *gid, ...)
{
	const struct lf_kind *k = lf_kind_find(kind);
	struct lf_rec *r = lf_rec_new(k);
	const char *f;
	va_list ap;

	if (gid && lf_rec_load(p->db[u], k, gid, r) != LF_OK) {
		lf_rec_free(r);
		return;
	}
	va_start(ap, gid);
	while ((f = va_arg(ap, const char *)))
		lf_rec_set_text(r, f, va_arg(ap, const char *));
	va_end(ap);
	if (lf_rec_put(p->db[u], r) == LF_OK) {
		remember(p, r->rid);
		p->edits++;
	} else {
		p->failures++;
		printf("# put %s at %s: %s\n", kind, codes[u], p->db[u]->err);
	}
	lf_rec_free(r);
}

/* A random record of this unit's own, of the kinds it edits. */
static int pick_own(struct prop *p, int u, char kind[16], char gid[33], int live_only)
{
	static const char sql_any[] =
		"SELECT kind, gid FROM (SELECT 'dept' AS kind, gid, deleted FROM dept UNION ALL "
		"SELECT 'meeting', gid, deleted FROM meeting UNION ALL SELECT 'risk', gid, deleted FROM risk UNION ALL "
		"SELECT 'review', gid, deleted FROM review UNION ALL SELECT 'inspection', gid, deleted FROM inspection) "
		"WHERE gid IN (SELECT gid FROM rev WHERE owner = ?1) AND (?2 = 0 OR deleted = 0) ORDER BY gid LIMIT 1 OFFSET ?3";
	static const char sql_count[] =
		"SELECT count(*) FROM (SELECT gid, deleted FROM dept UNION ALL SELECT gid, deleted FROM meeting UNION ALL "
		"SELECT gid, deleted FROM risk UNION ALL SELECT gid, deleted FROM review UNION ALL "
		"SELECT gid, deleted FROM inspection) WHERE gid IN (SELECT gid FROM rev WHERE owner = ?1) "
		"AND (?2 = 0 OR deleted = 0)";
	sqlite3_stmt *st;
	int n = 0, found = 0;

	if (lf_prepare(p->db[u], sql_count, &st))
		return 0;
	sqlite3_bind_text(st, 1, codes[u], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, live_only);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!n || lf_prepare(p->db[u], sql_any, &st))
		return 0;
	sqlite3_bind_text(st, 1, codes[u], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, live_only);
	sqlite3_bind_int(st, 3, (int)rnd(p, (unsigned)n));
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(kind, 16, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(gid, 33, "%s", (const char *)sqlite3_column_text(st, 1));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

static void edit(struct prop *p, int u)
{
	char kind[16], gid[33], text[64];

	if (!pick_own(p, u, kind, gid, 0))
		return;
	snprintf(text, sizeof text, "第 %u 次修改", rnd(p, 100000));
	if (!strcmp(kind, "dept"))
		put(p, u, kind, gid, "name", text, NULL);
	else if (!strcmp(kind, "meeting"))
		put(p, u, kind, gid, "title", text, NULL);
	else if (!strcmp(kind, "risk"))
		put(p, u, kind, gid, "description", text, NULL);
	else if (!strcmp(kind, "review"))
		put(p, u, kind, gid, "opinion", text, NULL);
	else
		put(p, u, kind, gid, "summary", text, NULL);
}

static void delete(struct prop *p, int u)
{
	char kind[16], gid[33];
	struct lf_rec *r;

	if (!pick_own(p, u, kind, gid, 1))
		return;
	if (lf_rec_delete(p->db[u], lf_kind_find(kind), gid) != LF_OK) {
		p->failures++;
		printf("# delete at %s: %s\n", codes[u], p->db[u]->err);
		return;
	}
	r = lf_rec_new(lf_kind_find(kind));
	lf_rec_load(p->db[u], r->kind, gid, r);
	remember(p, r->rid);
	lf_rec_free(r);
	p->deletes++;
}

static void create(struct prop *p, int u)
{
	char name[64], date[11];

	snprintf(name, sizeof name, "新建 %u", rnd(p, 100000));
	snprintf(date, sizeof date, "2026-%02u-%02u", 1 + rnd(p, 12), 1 + rnd(p, 28));
	if (u >= CA) {
		switch (rnd(p, 3)) {
		case 0: put(p, u, "dept", NULL, "name", name, NULL); break;
		case 1: put(p, u, "meeting", NULL, "cycle", p->cycle[u], "held", date, "kind", "学习", NULL); break;
		default:
			put(p, u, "risk", NULL, "cycle", p->cycle[u], "selfcheck", p->selfcheck[u], "description", name, NULL);
		}
		return;
	}
	if (rnd(p, 2)) {
		/* Assess a self-check of a county this unit holds. */
		char sc[33], hash[65], sql[160];
		long long n = fx_count(p->db[u], "SELECT count(*) FROM selfcheck WHERE owner <> ?1", codes[u]);

		if (n <= 0)
			return;
		snprintf(sql, sizeof sql, "SELECT gid FROM selfcheck WHERE owner <> ?1 ORDER BY gid LIMIT 1 OFFSET %u",
		         rnd(p, (unsigned)n));
		fx_text(p->db[u], sql, codes[u], sc, sizeof sc);
		if (lf_selfcheck_content_hash(p->db[u], sc, hash) == LF_OK)
			put(p, u, "review", NULL, "selfcheck", sc, "step", "upper", "grade", rnd(p, 2) ? "准确" : "不准确",
			    "signer", "上级", "signed", date, "content_hash", hash, NULL);
	} else {
		/* Inspect a unit below. */
		char target[33], sql[160];
		long long n = fx_count(p->db[u], "SELECT count(*) FROM unit WHERE code <> ?1", codes[u]);

		if (n <= 0)
			return;
		snprintf(sql, sizeof sql, "SELECT code FROM unit WHERE code <> ?1 ORDER BY code LIMIT 1 OFFSET %u",
		         rnd(p, (unsigned)n));
		fx_text(p->db[u], sql, codes[u], target, sizeof target);
		if (u == CITY && unit_of(target) != CA && unit_of(target) != CB && unit_of(target) != CC)
			return;
		put(p, u, "inspection", NULL, "cycle", p->cycle[u], "target_unit", target, "held", date, NULL);
	}
}

static int children(int u, int out[3])
{
	int i, n = 0;

	for (i = 0; i < NU; i++)
		if (parents[i] && !strcmp(parents[i], codes[u]))
			out[n++] = i;
	return n;
}

/* Pack up from u, or down from u to a child; returns the bundle's revisions. */
static long long pack(struct prop *p, int u, int child, int all)
{
	struct lf_pack_opts o = { all, NULL, NULL };
	struct lf_pack_result r;
	struct pending *b;
	lf_status s;
	long long revs;

	p->b = lf_realloc(p->b, (size_t)(p->nb + 1) * sizeof *p->b);
	b = &p->b[p->nb];
	snprintf(b->path, sizeof b->path, "%s", t_path("prop"));
	snprintf(b->path + strlen(b->path), sizeof b->path - strlen(b->path), "-%d.lfb", p->nb);
	s = child < 0 ? lf_pack_up(p->db[u], b->path, &o, &r) : lf_pack_down(p->db[u], codes[child], b->path, &o, &r);
	revs = r.m.revs;
	lf_pack_result_free(&r);
	if (s == LF_NOTFOUND && child >= 0)
		return -1; /* the child has not sent anything yet: nothing to pack for it */
	if (s) {
		p->failures++;
		printf("# pack at %s: %s\n", codes[u], p->db[u]->err);
		return -1;
	}
	b->to = child < 0 ? unit_of(parents[u]) : child;
	b->alive = 1;
	p->nb++;
	p->packs++;
	return revs;
}

static void merge(struct prop *p, int i)
{
	struct lf_merge_result r;
	lf_status s = lf_merge(p->db[p->b[i].to], p->b[i].path, NULL, &r);

	if (s) {
		p->failures++;
		printf("# merge %s at %s: %s %s\n", p->b[i].path, codes[p->b[i].to], p->db[p->b[i].to]->err,
		       r.nrefusals ? r.refusals[0] : "");
	}
	p->warnings += r.nwarnings;
	if (r.nwarnings)
		printf("# warning: %s\n", r.warnings[0]);
	lf_merge_result_free(&r);
	p->merges++;
}

static void exchange_op(struct prop *p)
{
	int kids[3], n, u, i;

	if (rnd(p, 2)) {
		u = 1 + (int)rnd(p, NU - 1);
		if (rnd(p, 2) || u >= CA) {
			pack(p, u, -1, rnd(p, 8) == 0);
		} else {
			n = children(u, kids);
			pack(p, u, kids[rnd(p, (unsigned)n)], rnd(p, 8) == 0);
		}
		if (rnd(p, 3) == 0) {
			/* the province packs down too */
			pack(p, PROV, CITY, 0);
		}
		return;
	}
	/* Deliver a random bundle still on a stick. */
	for (n = 0, i = 0; i < p->nb; i++)
		n += p->b[i].alive;
	if (!n)
		return;
	n = (int)rnd(p, (unsigned)n);
	for (i = 0; i < p->nb; i++)
		if (p->b[i].alive && n-- == 0)
			break;
	switch (rnd(p, 10)) {
	case 0:
	case 1:
		p->b[i].alive = 0;  /* lost on the way */
		p->drops++;
		break;
	case 2:
	case 3:
		merge(p, i);        /* merged, and the stick keeps it for later */
		p->dups++;
		break;
	default:
		merge(p, i);
		p->b[i].alive = 0;
	}
}

static void full_exchange(struct prop *p, int check_empty)
{
	int c;

	for (c = CA; c <= CC; c++) {
		long long revs = pack(p, c, -1, 0);

		if (check_empty && revs != 0)
			p->empty_packs++;
		merge(p, p->nb - 1);
	}
	if (pack(p, CITY, -1, 0) != 0 && check_empty)
		p->empty_packs++;
	merge(p, p->nb - 1);
	if (pack(p, PROV, CITY, 0) != 0 && check_empty)
		p->empty_packs++;
	merge(p, p->nb - 1);
	for (c = CA; c <= CC; c++) {
		if (pack(p, CITY, c, 0) != 0 && check_empty)
			p->empty_packs++;
		merge(p, p->nb - 1);
	}
}

static int conflicts_of(void *ctx, const char *kind, const char *gid, int leaves)
{
	(void)kind;
	(void)gid;
	(void)leaves;
	(*(int *)ctx)++;
	return 0;
}

TEST(exchange_property_random_trips)
{
	struct prop p;
	const char *env_seed = getenv("LF_PROP_SEED"), *env_ops = getenv("LF_PROP_OPS");
	int ops = env_ops ? atoi(env_ops) : 500, u, i, missing = 0, undelivered = 0, changed = 0, failures;
	char *dump[NU];

	memset(&p, 0, sizeof p);
	p.rng = env_seed ? strtoull(env_seed, NULL, 10) : 20261123;
	p.rng = p.rng * 2685821657736338717ULL + 1;
	setenv("LIANFANG_NOW", "2026-11-23T08:00:00Z", 1);
	for (u = 0; u < NU; u++) {
		char file[32];

		snprintf(file, sizeof file, "prop-%s.db", codes[u]);
		p.db[u] = fx_unit(file, codes[u], u == PROV ? "省局" : u == CITY ? "市局" : "县局", parents[u], 500u + (unsigned)u);
		fx_put(p.db[u], "cycle", NULL, p.cycle[u], NULL, "year", "2026", NULL);
		if (u >= CA) {
			char dept[33], post[33], person[33];

			fx_put(p.db[u], "dept", NULL, dept, NULL, "name", "办公室", NULL);
			fx_put(p.db[u], "post", NULL, post, NULL, "dept", dept, "name", "科员", NULL);
			fx_put(p.db[u], "person", NULL, person, NULL, "name", "张三", "post", post, NULL);
			fx_put(p.db[u], "selfcheck", NULL, p.selfcheck[u], NULL, "cycle", p.cycle[u], "post", post, "person",
			       person, "status", "submitted", NULL);
		}
	}
	for (u = 0; u < NU; u++) {
		sqlite3_stmt *st;

		lf_prepare(p.db[u], "SELECT rid FROM rev WHERE owner = ?1", &st);
		sqlite3_bind_text(st, 1, codes[u], -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			remember(&p, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	for (i = 0; i < ops; i++) {
		u = (int)rnd(&p, NU);
		switch (rnd(&p, 8)) {
		case 0: case 1: create(&p, u); break;
		case 2: edit(&p, u); break;
		case 3: delete(&p, u); break;
		default: exchange_op(&p);
		}
	}
	failures = p.failures;
	full_exchange(&p, 0);
	full_exchange(&p, 0);
	full_exchange(&p, 1);
	printf("# %d operations: %d edits, %d deletions, %d packs, %d merges (%d kept for a second merge), %d bundles lost; "
	       "%d revisions made\n", ops, p.edits, p.deletes, p.packs, p.merges, p.dups, p.drops, p.nmade);
	T_IS(failures, 0, "no edit, pack or merge failed during the random phase");
	T_IS(p.failures, 0, "no pack or merge failed in the full exchange");
	T_IS(p.warnings, 0, "no audit chain warnings");
	T_IS(p.empty_packs, 0, "once everything is acknowledged, bundles carry no revisions");

	for (i = 0; i < p.nmade; i++) {
		struct lf_rev v;

		memset(&v, 0, sizeof v);
		if (lf_rev_load(p.db[PROV], p.made[i], &v) != LF_OK)
			missing++;
		lf_rev_clear(&v);
	}
	T_IS(missing, 0, "no revision made anywhere is missing at the province");
	for (u = 0; u < NU; u++)
		dump[u] = fx_dump(p.db[u]);
	for (u = CA; u <= CC; u++)
		fx_lines_subset(dump[u], dump[CITY], "a county's records are the city's, line for line");
	fx_lines_subset(dump[CITY], dump[PROV], "the city's records are the province's, line for line");
	/* What concerns a county reached it: every assessment of its
	 * self-checks and every inspection of it, wherever made. */
	for (u = CA; u <= CC; u++) {
		sqlite3_stmt *st;

		lf_prepare(p.db[PROV], "SELECT gid FROM review WHERE selfcheck IN (SELECT gid FROM selfcheck WHERE owner = ?1) "
		                       "UNION ALL SELECT gid FROM inspection WHERE target_unit = ?1", &st);
		sqlite3_bind_text(st, 1, codes[u], -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			if (fx_count(p.db[u], "SELECT count(*) FROM rev WHERE gid = ?1",
			             (const char *)sqlite3_column_text(st, 0)) <= 0)
				undelivered++;
		sqlite3_finalize(st);
	}
	T_IS(undelivered, 0, "every assessment and inspection of a county reached it");
	for (u = 0; u < NU; u++) {
		int n = 0;

		lf_conflicts(p.db[u], conflicts_of, &n);
		T_IS(n, 0, "no conflicts (single writers, no restored backups)");
		T_IS(fx_problems(p.db[u]), 0, "passes check");
	}
	/* Every bundle ever packed, merged again in reverse order: nothing changes. */
	failures = p.failures;
	for (i = p.nb - 1; i >= 0; i--)
		merge(&p, i);
	T_IS(p.failures - failures, 0, "every bundle merges again, in any order");
	for (u = 0; u < NU; u++) {
		char *again = fx_dump(p.db[u]);

		changed += strcmp(again, dump[u]) != 0;
		lf_free(again);
		lf_free(dump[u]);
		lf_db_close(p.db[u]);
	}
	T_IS(changed, 0, "and no database's dump changes");
	lf_free(p.b);
	lf_free(p.made);
	unsetenv("LIANFANG_NOW");
}
