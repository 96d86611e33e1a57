/* xfix: see xfix.h. */
#include "xfix.h"
#include "t.h"
#include "lianfang/audit.h"
#include "lianfang/demo.h"
#include "lianfang/hash.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lf_db *fx_unit(const char *file, const char *code, const char *name, const char *parent, unsigned seed)
{
	struct lf_db *db = NULL;
	char err[1024];
	const char *path = t_path(file);

	unlink(path);
	if (lf_db_create(path, code, name, parent, "tester", &db, err, sizeof err) != LF_OK) {
		fprintf(stderr, "fx_unit %s: %s\n", file, err);
		abort();
	}
	lf_db_seed(db, seed);
	return db;
}

struct lf_db *fx_demo(const char *file, const char *code, const char *name, const char *parent, unsigned seed)
{
	struct lf_db *db = fx_unit(file, code, name, parent, seed);

	if (lf_demo_fill(db, seed) != LF_OK) {
		fprintf(stderr, "fx_demo %s: %s\n", file, db->err);
		abort();
	}
	/* Demo databases have accounts; act as the discipline office, which
	 * may exchange (as if signed in). */
	snprintf(db->actor, sizeof db->actor, "discipline");
	return db;
}

lf_status fx_put(struct lf_db *db, const char *kind, const char *gid_in, char gid_out[33], char rid_out[65], ...)
{
	const struct lf_kind *k = lf_kind_find(kind);
	struct lf_rec *r;
	const char *f;
	lf_status s;
	va_list ap;

	if (!k)
		abort();
	r = lf_rec_new(k);
	if (gid_in && (s = lf_rec_load(db, k, gid_in, r))) {
		lf_rec_free(r);
		return s;
	}
	va_start(ap, rid_out);
	while ((f = va_arg(ap, const char *)))
		lf_rec_set_text(r, f, va_arg(ap, const char *));
	va_end(ap);
	s = lf_rec_put(db, r);
	if (s == LF_OK && gid_out)
		memcpy(gid_out, r->gid, 33);
	if (s == LF_OK && rid_out)
		memcpy(rid_out, r->rid, 65);
	lf_rec_free(r);
	return s;
}

int fx_text(struct lf_db *db, const char *sql, const char *arg, char *out, size_t n)
{
	sqlite3_stmt *st;
	int found = 0;

	out[0] = 0;
	if (lf_prepare(db, sql, &st))
		return 0;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

long long fx_count(struct lf_db *db, const char *sql, const char *arg)
{
	char buf[32];

	return fx_text(db, sql, arg, buf, sizeof buf) ? atoll(buf) : -1;
}

char *fx_dump(struct lf_db *db)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	lf_dump(db, f);
	fclose(f);
	return s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Split into lines (in place), sorted. */
static char **lines_of(char *s, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	char *p = s, *nl;

	*n = 0;
	while (*p) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			v = lf_realloc(v, cap * sizeof *v);
		}
		v[(*n)++] = p;
		if (!nl)
			break;
		p = nl + 1;
	}
	qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

int fx_lines_subset(const char *a, const char *b, const char *what)
{
	char *ca = lf_strdup(a), *cb = lf_strdup(b);
	size_t na, nb, i;
	char **la = lines_of(ca, &na), **lb = lines_of(cb, &nb);
	int ok = 1;

	for (i = 0; i < na && ok; i++)
		if (!bsearch(&la[i], lb, nb, sizeof *lb, cmp_str)) {
			ok = 0;
			T_OK(0, "%s: line not found: %.200s", what, la[i]);
		}
	if (ok)
		T_OK(1, "%s (%zu lines in %zu)", what, na, nb);
	lf_free(la);
	lf_free(lb);
	lf_free(ca);
	lf_free(cb);
	return ok;
}

void fx_file_hash(const char *path, char out[65])
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, r;

	out[0] = 0;
	if (!f)
		return;
	do {
		if (n == cap)
			buf = lf_realloc(buf, cap = cap ? cap * 2 : 65536);
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	lf_hash_bytes(buf, n, out);
	lf_free(buf);
}

static void count_problem(void *ctx, const char *msg)
{
	(*(long *)ctx)++;
	printf("# problem: %s\n", msg);
}

long fx_problems(struct lf_db *db)
{
	long n = 0;
	char ok[16];

	lf_rec_check(db, count_problem, &n);
	lf_audit_verify(db, count_problem, &n);
	if (!fx_text(db, "PRAGMA integrity_check", NULL, ok, sizeof ok) || strcmp(ok, "ok"))
		n++;
	if (fx_count(db, "SELECT count(*) FROM pragma_foreign_key_check", NULL) != 0)
		n++;
	return n;
}

lf_status fx_pack_up(struct lf_db *db, const char *file)
{
	struct lf_pack_result r;
	lf_status s = lf_pack_up(db, file, NULL, &r);

	if (s)
		printf("# pack up %s: %s\n", file, db->err);
	lf_pack_result_free(&r);
	return s;
}

lf_status fx_pack_down(struct lf_db *db, const char *child, const char *file)
{
	struct lf_pack_result r;
	lf_status s = lf_pack_down(db, child, file, NULL, &r);

	if (s)
		printf("# pack down %s: %s\n", file, db->err);
	lf_pack_result_free(&r);
	return s;
}

lf_status fx_merge(struct lf_db *db, const char *file, long long *added)
{
	struct lf_merge_result r;
	lf_status s = lf_merge(db, file, NULL, &r);
	int i;

	if (s) {
		printf("# merge %s into %s: %s\n", file, db->unit, db->err);
		for (i = 0; i < r.nrefusals && i < 5; i++)
			printf("#   %s\n", r.refusals[i]);
	}
	for (i = 0; i < r.nwarnings; i++)
		printf("# warning: %s\n", r.warnings[i]);
	if (added)
		*added = r.added;
	lf_merge_result_free(&r);
	return s;
}

int fx_copy(const char *from, const char *to)
{
	return t_sh("cp '%s' '%s'", from, to);
}

int fx_same(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

const char *fx_or_null(const char *s)
{
	return s ? s : "(null)";
}
