/* fuzz_merge: the merge pipeline on arbitrary bytes (libFuzzer entry point).
 *
 * Each input is written to a file and merged as a dry run into a city's
 * database (620900, parent 620000), which must never change. When the input
 * is a readable bundle whose only fault is the manifest's content hash (as
 * with almost every mutation of a real bundle), the hash is patched in place
 * — same length, so the file stays a valid SQLite file — and the dry run is
 * repeated, so mutations reach the row checks (ownership, references, audit
 * chains) instead of stopping at the hash. An input a dry run accepts is
 * merged for real into a scratch copy, which must then pass every check.
 *
 * Built two ways: with clang and -fsanitize=fuzzer for `make fuzz`
 * (tests/fuzz/run), and with gcc and the sanitizers, driven by driver.c over
 * the committed seed corpus plus deterministic mutations, in `make check`. */
#include "lianfang/audit.h"
#include "lianfang/exchange.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* How many inputs a dry run accepted (driver.c reports it). */
long fuzz_merge_accepted;

static struct lf_db *city;
static char dir[256], city_path[300], input_path[300], scratch_path[300];

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_merge: %s: %s\n", what, detail);
	abort();
}

static void cleanup(void)
{
	char journal[320];

	lf_db_close(city);
	city = NULL;
	snprintf(journal, sizeof journal, "%s-journal", city_path);
	unlink(journal);
	unlink(city_path);
	unlink(input_path);
	unlink(scratch_path);
	rmdir(dir);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	char err[1024];

	snprintf(dir, sizeof dir, "%s/lianfang-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		die("mkdtemp", dir);
	snprintf(city_path, sizeof city_path, "%s/city.db", dir);
	snprintf(input_path, sizeof input_path, "%s/input.lfb", dir);
	snprintf(scratch_path, sizeof scratch_path, "%s/scratch.db", dir);
	setenv("LIANFANG_NOW", "2026-11-23T08:00:00Z", 1);
	if (lf_db_create(city_path, "620900", "酒泉市市场监督管理局", "620000", "fuzz", &city, err, sizeof err))
		die("create", err);
	atexit(cleanup);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f))
		die("write", path);
}

static long long revisions(struct lf_db *db)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (lf_prepare(db, "SELECT count(*) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM peer_ack) FROM rev",
	               &st) == LF_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

static void count_problem(void *ctx, const char *msg)
{
	fprintf(stderr, "fuzz_merge: problem: %s\n", msg);
	(*(long *)ctx)++;
}

/* Merge for real into a copy of the city; it must pass every check. */
static void merge_for_real(void)
{
	struct lf_merge_result r;
	struct lf_db *db;
	char err[1024], cmd[700];
	long problems = 0;
	lf_status s;

	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", city_path, scratch_path);
	if (system(cmd) != 0)
		die("copy", scratch_path);
	if (lf_db_open(scratch_path, LF_OPEN_WRITE, &db, err, sizeof err))
		die("open scratch", err);
	s = lf_merge(db, input_path, NULL, &r);
	lf_merge_result_free(&r);
	if (s)
		die("a bundle the dry run accepted was refused", db->err);
	lf_rec_check(db, count_problem, &problems);
	lf_audit_verify(db, count_problem, &problems);
	if (problems)
		die("after a merge the database fails its checks", scratch_path);
	lf_db_close(db);
	unlink(scratch_path);
}

static lf_status dry_run(void)
{
	struct lf_merge_opts o = { 1, NULL, NULL };
	struct lf_merge_result r;
	long long before = revisions(city);
	lf_status s = lf_merge(city, input_path, &o, &r);

	lf_merge_result_free(&r);
	if (revisions(city) != before)
		die("a dry run changed the database", lf_status_name(s));
	if (s == LF_OK) {
		fuzz_merge_accepted++;
		merge_for_real();
	}
	return s;
}

/* Replace every occurrence of the manifest's hash by the computed one. */
static int patch_hash(uint8_t *data, size_t size)
{
	struct lf_bundle *b;
	char want[65], got[65];
	size_t i;
	int patched = 0;

	if (lf_bundle_open(city, input_path, NULL, NULL, &b) != LF_OK)
		return 0;
	memcpy(want, lf_bundle_manifest(b)->content, sizeof want);
	memcpy(got, lf_bundle_computed_hash(b), sizeof got);
	lf_bundle_close(b);
	if (!strcmp(want, got))
		return 0;
	for (i = 0; i + 64 <= size; i++)
		if (!memcmp(data + i, want, 64)) {
			memcpy(data + i, got, 64);
			patched = 1;
		}
	return patched;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lf_status s;

	if (!city)
		setup();
	write_file(input_path, data, size);
	s = dry_run();
	if (s == LF_CORRUPT && size < (64u << 20)) {
		uint8_t *copy = malloc(size);

		memcpy(copy, data, size);
		if (patch_hash(copy, size)) {
			write_file(input_path, copy, size);
			dry_run();
		}
		free(copy);
	}
	unlink(input_path);
	return 0;
}
