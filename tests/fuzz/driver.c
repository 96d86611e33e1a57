/* driver: runs fuzz_merge.c without libFuzzer, for `make check` (gcc and the
 * sanitizers): every seed in the given corpus directories, then a fixed
 * number of deterministic mutations of each (bit flips, interesting bytes and
 * words, truncations, cut and duplicated chunks, pages swapped). Prints TAP.
 *
 *   fuzz-merge [-n MUTATIONS] DIR…
 *   fuzz-merge --make-corpus DIR     write the seed corpus (tests/fuzz/corpus/merge) */
#include "lianfang/exchange.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern long fuzz_merge_accepted;

static uint64_t rng;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static uint8_t *read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, r;

	*n = 0;
	if (!f)
		return NULL;
	do {
		if (*n == cap)
			buf = realloc(buf, cap = cap ? cap * 2 : 65536);
		r = fread(buf + *n, 1, cap - *n, f);
		*n += r;
	} while (r > 0);
	fclose(f);
	return buf;
}

/* One deterministic mutation of seed into out (capacity 2 * n + 8). */
static size_t mutate(const uint8_t *seed, size_t n, uint8_t *out)
{
	static const uint32_t interesting[] = { 0, 1, 0x7f, 0x80, 0xff, 0x7fffffff, 0x80000000u, 0xffffffffu, 4096, 65536 };
	size_t m = n, i, a, b, len;
	int k, edits = 1 + (int)(next() % 3);

	memcpy(out, seed, n);
	for (k = 0; k < edits && m > 0; k++) {
		switch (next() % 8) {
		case 0: /* flip a bit */
			out[next() % m] ^= (uint8_t)(1u << (next() % 8));
			break;
		case 1: /* an interesting byte */
			out[next() % m] = (uint8_t)interesting[next() % 5];
			break;
		case 2: /* an interesting big-endian word, often in the header */
			i = next() % 2 ? (next() % 25) * 4 : next() % m;
			if (i + 4 <= m) {
				uint32_t v = interesting[next() % (sizeof interesting / sizeof *interesting)];

				out[i] = (uint8_t)(v >> 24), out[i + 1] = (uint8_t)(v >> 16);
				out[i + 2] = (uint8_t)(v >> 8), out[i + 3] = (uint8_t)v;
			}
			break;
		case 3: /* truncate */
			m = next() % m;
			break;
		case 4: /* cut a chunk */
			a = next() % m;
			len = next() % (m - a + 1);
			memmove(out + a, out + a + len, m - a - len);
			m -= len;
			break;
		case 5: /* duplicate a chunk at the end */
			a = next() % m;
			len = next() % (m - a + 1);
			if (len > n)
				len = n;
			memcpy(out + m, out + a, len);
			m += len;
			break;
		case 6: /* copy one page over another */
			if (m >= 8192) {
				a = (next() % (m / 4096)) * 4096;
				b = (next() % (m / 4096)) * 4096;
				memmove(out + b, out + a, 4096);
			}
			break;
		default: /* scribble a few random bytes */
			a = next() % m;
			for (i = a; i < m && i < a + 1 + next() % 16; i++)
				out[i] = (uint8_t)next();
		}
	}
	return m;
}

static int run_file(const char *path, int mutations, int *tap)
{
	size_t n, m;
	uint8_t *seed = read_all(path, &n), *buf;
	long accepted = fuzz_merge_accepted, seed_ok;
	int i;

	if (!seed) {
		printf("not ok %d - cannot read %s\n", ++*tap, path);
		return 1;
	}
	LLVMFuzzerTestOneInput(seed, n);
	seed_ok = fuzz_merge_accepted - accepted;
	buf = malloc(2 * n + 8);
	rng = 0x9e3779b97f4a7c15ULL ^ n;
	for (i = 0; i < mutations; i++) {
		m = mutate(seed, n, buf);
		LLVMFuzzerTestOneInput(buf, m);
	}
	printf("ok %d - %s: seed %s, %d mutations, %ld accepted by a dry run, no crash, database never changed\n", ++*tap,
	       strrchr(path, '/') ? strrchr(path, '/') + 1 : path, seed_ok ? "accepted" : "refused", mutations,
	       fuzz_merge_accepted - accepted - seed_ok);
	fflush(stdout);
	free(buf);
	free(seed);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *d, int mutations, int *tap)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	char **names = NULL;
	int n = 0, i, bad = 0;

	if (!dp)
		return run_file(d, mutations, tap);
	while ((e = readdir(dp)))
		if (e->d_name[0] != '.') {
			names = realloc(names, (size_t)(n + 1) * sizeof *names);
			names[n++] = lf_printf("%s/%s", d, e->d_name);
		}
	closedir(dp);
	qsort(names, (size_t)n, sizeof *names, cmp);
	for (i = 0; i < n; i++) {
		bad |= run_file(names[i], mutations, tap);
		lf_free(names[i]);
	}
	free(names);
	return bad;
}

/* ------------------------------------------------------------------ the seed corpus */

static struct lf_db *unit(const char *dir, const char *code, const char *parent, unsigned seed)
{
	struct lf_db *db;
	char *path = lf_printf("%s/%s.db", dir, code), err[1024];

	unlink(path);
	if (lf_db_create(path, code, "单位", parent, "seed", &db, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	lf_db_seed(db, seed);
	lf_free(path);
	return db;
}

static void put(struct lf_db *db, const char *kind, char gid[33], ...)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find(kind));
	const char *f;
	va_list ap;

	va_start(ap, gid);
	while ((f = va_arg(ap, const char *)))
		lf_rec_set_text(r, f, va_arg(ap, const char *));
	va_end(ap);
	if (lf_rec_put(db, r)) {
		fprintf(stderr, "put %s: %s\n", kind, db->err);
		exit(1);
	}
	if (gid)
		memcpy(gid, r->gid, 33);
	lf_rec_free(r);
}

static int put_rev(void *ctx, const struct lf_rev *v)
{
	return lf_bundle_put_rev(ctx, v) != LF_OK;
}

/* The county's revisions plus one extra, sealed like a hostile sender would. */
static void crafted(struct lf_db *county, const char *path, const char *kind, const char *owner, const char *field,
                    const char *value)
{
	struct lf_bundle_writer *w;
	struct lf_manifest m;
	struct lf_rec *r = lf_rec_new(lf_kind_find(kind));
	struct lf_rev v;
	char hash[65];
	long long bytes;

	memset(&v, 0, sizeof v);
	memset(&m, 0, sizeof m);
	lf_rec_set_text(r, "name", "伪造");
	if (field)
		lf_rec_set_text(r, field, value);
	v.kind = r->kind;
	snprintf(v.gid, sizeof v.gid, "00112233445566778899aabbccddeeff");
	snprintf(v.owner, sizeof v.owner, "%s", owner);
	v.gen = 1;
	v.parents = (char *)"";
	snprintf(v.author, sizeof v.author, "mallory");
	snprintf(v.at, sizeof v.at, "2026-11-23T08:00:00Z");
	v.body = lf_rec_body(r);
	lf_rev_seal(&v);
	lf_bundle_writer_new(county, &w);
	lf_rev_each(county, NULL, put_rev, w);
	lf_bundle_put_rev(w, &v);
	m.schema = LF_SCHEMA_VERSION;
	snprintf(m.sender, sizeof m.sender, "%s", county->unit);
	snprintf(m.receiver, sizeof m.receiver, "620900");
	snprintf(m.direction, sizeof m.direction, "up");
	lf_now_utc(m.created);
	if (lf_bundle_finish(w, &m, path, NULL, NULL, hash, &bytes))
		fprintf(stderr, "crafted: %s\n", county->err);
	lf_bundle_writer_free(w);
	lf_free(v.body);
	lf_rec_free(r);
}

static int make_corpus(const char *out)
{
	char *work = lf_printf("%s/.work", out), *p;
	struct lf_db *county, *city, *prov;
	struct lf_pack_result pr;
	struct lf_merge_result mr;
	char cycle[33], dept[33], post[33], person[33], sc[33], risk[33], insp[33], hash[65];

	setenv("LIANFANG_NOW", "2026-11-23T08:00:00Z", 1);
	mkdir(work, 0700);
	county = unit(work, "620921", "620900", 1);
	put(county, "cycle", cycle, "year", "2026", NULL);
	put(county, "dept", dept, "name", "办公室", "seq", "1", NULL);
	put(county, "post", post, "dept", dept, "name", "政府采购岗", "duties", "组织实施政府采购。", NULL);
	put(county, "person", person, "name", "张三", "post", post, NULL);
	put(county, "selfcheck", sc, "cycle", cycle, "post", post, "person", person, "status", "submitted", NULL);
	put(county, "risk", risk, "cycle", cycle, "selfcheck", sc, "post", post, "description", "化整为零规避公开招标",
	    "probability", "2", "severity", "3", "level", "3", NULL);
	put(county, "measure", NULL, "risk", risk, "content", "限额以上项目一律公开招标", "status", "doing", NULL);
	put(county, "dept", NULL, "name", "临时小组", NULL);
	{
		char tmp[33];

		put(county, "dept", tmp, "name", "撤销的科室", NULL);
		lf_rec_delete(county, lf_kind_find("dept"), tmp);
	}
	p = lf_printf("%s/county-up.lfb", out);
	lf_pack_up(county, p, NULL, &pr);
	lf_pack_result_free(&pr);
	lf_free(p);
	p = lf_printf("%s/county-up-forged-owner.lfb", out);
	crafted(county, p, "dept", "620900", NULL, NULL);
	lf_free(p);
	p = lf_printf("%s/county-up-dangling-ref.lfb", out);
	crafted(county, p, "post", "620921", "dept", "ffeeddccbbaa99887766554433221100");
	lf_free(p);

	/* The province's assessment and inspection, down to the city. */
	city = unit(work, "620900", "620000", 2);
	prov = unit(work, "620000", NULL, 3);
	p = lf_printf("%s/x.lfb", work);
	lf_pack_up(county, p, NULL, &pr);
	lf_pack_result_free(&pr);
	lf_merge(city, p, NULL, &mr);
	lf_merge_result_free(&mr);
	lf_pack_up(city, p, NULL, &pr);
	lf_pack_result_free(&pr);
	lf_merge(prov, p, NULL, &mr);
	lf_merge_result_free(&mr);
	lf_free(p);
	put(prov, "cycle", cycle, "year", "2026", NULL);
	lf_selfcheck_content_hash(prov, sc, hash);
	put(prov, "review", NULL, "selfcheck", sc, "step", "upper", "grade", "不准确", "result", "退回", "signer", "省局",
	    "signed", "2026-11-20", "rework_due", "2026-12-20", "content_hash", hash, NULL);
	put(prov, "inspection", insp, "cycle", cycle, "target_unit", "620900", "held", "2026-11-18", "score", "90", NULL);
	put(prov, "finding", NULL, "inspection", insp, "question", "3", "content", "程序不够规范。", NULL);
	p = lf_printf("%s/province-down.lfb", out);
	{
		/* --all: with the county's records the review points at, as if
		 * the city had lost them. */
		struct lf_pack_opts o = { 1, NULL, NULL };

		lf_pack_down(prov, "620900", p, &o, &pr);
	}
	lf_pack_result_free(&pr);
	lf_free(p);
	lf_db_close(county);
	lf_db_close(city);
	lf_db_close(prov);
	p = lf_printf("rm -rf '%s'", work);
	if (system(p) != 0)
		return 1;
	lf_free(p);
	lf_free(work);
	printf("corpus written to %s\n", out);
	return 0;
}

int main(int argc, char **argv)
{
	int mutations = 100, i = 1, tap = 0, bad = 0;

	if (argc == 3 && !strcmp(argv[1], "--make-corpus"))
		return make_corpus(argv[2]);
	if (argc > 2 && !strcmp(argv[1], "-n")) {
		mutations = atoi(argv[2]);
		i = 3;
	}
	for (; i < argc; i++)
		bad |= run_dir(argv[i], mutations, &tap);
	printf("1..%d\n", tap);
	return bad;
}
