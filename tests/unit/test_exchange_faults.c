/* Tests of merge against damaged and hostile bundles. Every fault is refused
 * with a message that names the problem, and the receiving database is left
 * exactly as it was (its dump and the bytes of its file). */
#include "t.h"
#include "xfix.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct snap {
	char *dump;
	char hash[65];
	const char *file;
};

static void snap_take(struct snap *s, struct lf_db *db, const char *file)
{
	s->dump = fx_dump(db);
	s->file = file;
	fx_file_hash(file, s->hash);
}

/* The database is what the snapshot saw; returns 1 if so. */
static int snap_same(struct snap *s, struct lf_db *db)
{
	char *d = fx_dump(db), h[65];
	int same;

	fx_file_hash(s->file, h);
	same = !strcmp(d, s->dump) && !strcmp(h, s->hash);
	lf_free(d);
	return same;
}

static void snap_free(struct snap *s)
{
	lf_free(s->dump);
}

/* Does the failure (db->err, refusals, warnings) mention needle? */
static int mentions(struct lf_db *db, const struct lf_merge_result *r, const char *needle)
{
	int i;

	if (strstr(db->err, needle))
		return 1;
	for (i = 0; i < r->nrefusals; i++)
		if (strstr(r->refusals[i], needle))
			return 1;
	return 0;
}

/* Merge must fail, mention needle, and change nothing. */
static void refused(struct lf_db *db, const char *dbfile, const char *bundle, const char *needle, const char *what)
{
	struct lf_merge_result r;
	struct snap s;
	lf_status st;

	snap_take(&s, db, dbfile);
	st = lf_merge(db, bundle, NULL, &r);
	T_OK(st != LF_OK, "%s: refused (%s)", what, lf_status_name(st));
	T_OK(mentions(db, &r, needle), "%s: message mentions “%s”: %s%s%s", what, needle, db->err,
	     r.nrefusals ? " / " : "", r.nrefusals ? r.refusals[0] : "");
	T_OK(snap_same(&s, db), "%s: database unchanged", what);
	lf_merge_result_free(&r);
	snap_free(&s);
}

static int raw(const char *path, const char *sql)
{
	sqlite3 *h;
	int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		printf("# raw: %s\n", sqlite3_errmsg(h));
	sqlite3_close(h);
	return rc;
}

/* Recompute the manifest's content hash after a hand edit, as a hostile
 * sender would: through the same safe pipeline, then written in. */
static void reseal(struct lf_db *db, const char *path)
{
	struct lf_bundle *b;
	char sql[200];

	if (lf_bundle_open(db, path, NULL, NULL, &b) != LF_OK) {
		printf("# reseal: %s\n", db->err);
		return;
	}
	snprintf(sql, sizeof sql, "UPDATE manifest SET content = '%s'", lf_bundle_computed_hash(b));
	lf_bundle_close(b);
	raw(path, sql);
}

struct world {
	struct lf_db *county, *city;
	char county_file[256], city_file[256], bundle[256];
	char dept[33];
};

/* A small county, its city, and the county's bundle for the city. */
static void world_new(struct world *w, const char *tag)
{
	char f[64];

	snprintf(f, sizeof f, "%s-county.db", tag);
	w->county = fx_unit(f, "620921", "金塔县市场监督管理局", "620900", 31);
	snprintf(w->county_file, sizeof w->county_file, "%s", t_path(f));
	fx_put(w->county, "dept", NULL, w->dept, NULL, "name", "办公室", "seq", "1", NULL);
	fx_put(w->county, "dept", NULL, NULL, NULL, "name", "执法稽查大队", "seq", "2", NULL);
	snprintf(f, sizeof f, "%s-city.db", tag);
	w->city = fx_unit(f, "620900", "酒泉市市场监督管理局", "620000", 32);
	snprintf(w->city_file, sizeof w->city_file, "%s", t_path(f));
	snprintf(f, sizeof f, "%s.lfb", tag);
	snprintf(w->bundle, sizeof w->bundle, "%s", t_path(f));
	fx_pack_up(w->county, w->bundle);
}

static void world_free(struct world *w)
{
	lf_db_close(w->county);
	lf_db_close(w->city);
}

static char *variant(const char *bundle, const char *tag)
{
	char *p = lf_printf("%s.%s", bundle, tag);

	fx_copy(bundle, p);
	return p;
}

static long long file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	long long n;

	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

TEST(fault_truncated_at_many_lengths)
{
	struct world w;
	long long size, cuts[40];
	int n = 0, i;
	unsigned rng = 7;

	world_new(&w, "trunc");
	size = file_size(w.bundle);
	T_OK(size > 8192, "bundle has %lld bytes", size);
	{
		static const long long fixed[] = { 0, 1, 15, 16, 50, 99, 100, 101, 511, 512, 1000, 4095, 4096, 4097, 8192 };

		for (i = 0; i < (int)LF_COUNT(fixed); i++)
			cuts[n++] = fixed[i];
	}
	cuts[n++] = size / 3;
	cuts[n++] = size / 2;
	cuts[n++] = size - 4096;
	cuts[n++] = size - 1;
	while (n < 30) {
		rng = rng * 1103515245u + 12345u;
		cuts[n++] = (long long)((rng >> 8) % (unsigned)size);
	}
	for (i = 0; i < n; i++) {
		char *p = variant(w.bundle, "cut");
		char what[64];

		T_OK(truncate(p, cuts[i]) == 0, "truncate to %lld", cuts[i]);
		snprintf(what, sizeof what, "truncated to %lld bytes", cuts[i]);
		refused(w.city, w.city_file, p, cuts[i] == 0 ? "空文件" : cuts[i] < 16 ? "截断" : "截断", what);
		lf_free(p);
	}
	/* And with bytes appended. */
	{
		char *p = variant(w.bundle, "long");

		t_sh("printf 'xyz' >> '%s'", p);
		refused(w.city, w.city_file, p, "多出", "three bytes appended");
		lf_free(p);
	}
	T_IS(fx_merge(w.city, w.bundle, NULL), LF_OK, "the intact bundle still merges");
	world_free(&w);
}

static char *find(char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			return hay + i;
	return NULL;
}

TEST(fault_flipped_bytes)
{
	struct world w;
	struct lf_merge_opts dry = { 1, NULL, NULL };
	struct lf_merge_result r;
	char pristine[65], before[65], after[65];
	long long size, pristine_added;
	int i, refusals = 0, accepted = 0, bad = 0;
	unsigned rng = 12345;
	FILE *f;

	world_new(&w, "flip");
	T_IS(lf_merge(w.city, w.bundle, &dry, &r), LF_OK, "pristine bundle passes a dry run");
	memcpy(pristine, r.m.content, sizeof pristine);
	pristine_added = r.added;
	lf_merge_result_free(&r);
	size = file_size(w.bundle);
	fx_file_hash(w.city_file, before);
	for (i = 0; i < 300; i++) {
		char *p = variant(w.bundle, "flip");
		long long pos;
		int c, bit;
		lf_status st;

		rng = rng * 1103515245u + 12345u;
		/* a third of the flips in the header and first page, the rest anywhere */
		pos = i % 3 == 0 ? (long long)((rng >> 8) % 4096u) : (long long)((rng >> 8) % (unsigned)size);
		bit = (int)((rng >> 4) & 7);
		f = fopen(p, "r+b");
		fseek(f, pos, SEEK_SET);
		c = fgetc(f);
		fseek(f, pos, SEEK_SET);
		fputc(c ^ (1 << bit), f);
		fclose(f);
		st = lf_merge(w.city, p, &dry, &r);
		if (st != LF_OK) {
			refusals++;
			if (!w.city->err[0])
				bad++;
		} else {
			/* A flip in unused space: the content is proven the same. */
			accepted++;
			if (strcmp(r.m.content, pristine) || r.added != pristine_added)
				bad++;
		}
		lf_merge_result_free(&r);
		lf_free(p);
	}
	/* Every byte of a stored text flipped: always refused. */
	{
		char *p = variant(w.bundle, "text");
		char *buf = NULL;
		size_t n = 0;
		FILE *in = fopen(p, "rb");
		const char *needle = "执法稽查大队";
		char *at;
		int tried = 0, caught = 0;

		buf = lf_alloc((size_t)size);
		n = fread(buf, 1, (size_t)size, in);
		fclose(in);
		for (at = buf; (at = find(at, n - (size_t)(at - buf), needle)); at++) {
			size_t k;

			for (k = 0; k < strlen(needle); k++) {
				FILE *o;

				at[k] ^= 0x01;
				o = fopen(p, "wb");
				fwrite(buf, 1, n, o);
				fclose(o);
				at[k] ^= 0x01;
				tried++;
				if (lf_merge(w.city, p, &dry, &r) != LF_OK)
					caught++;
				lf_merge_result_free(&r);
			}
		}
		T_OK(tried > 0 && caught == tried, "every flip inside a stored text is caught (%d of %d)", caught, tried);
		lf_free(buf);
		lf_free(p);
	}
	fx_file_hash(w.city_file, after);
	T_OK(bad == 0, "every flip refused with a message or proven harmless (%d refused, %d harmless)", refusals,
	     accepted);
	T_OK(refusals > 0 && accepted + refusals == 300, "flips: %d refused, %d in unused space", refusals, accepted);
	T_SAME(after, before, "database unchanged after 300 flipped bundles");
	world_free(&w);
}

TEST(fault_hash_mismatch_and_tampered_rows)
{
	struct world w;
	char *p;

	world_new(&w, "hash");
	p = variant(w.bundle, "edit");
	raw(p, "UPDATE rev SET author = 'mallory' WHERE rid = (SELECT min(rid) FROM rev)");
	refused(w.city, w.city_file, p, "校验码不符", "a row edited, manifest hash left");
	lf_free(p);

	p = variant(w.bundle, "resealed");
	raw(p, "UPDATE rev SET body = replace(body, '办公室', '财务科') WHERE kind = 'dept'");
	reseal(w.city, p);
	refused(w.city, w.city_file, p, "哈希不符", "a body edited and the bundle resealed: the revision's hash gives it away");
	lf_free(p);

	p = variant(w.bundle, "count");
	raw(p, "UPDATE manifest SET revs = revs + 1");
	refused(w.city, w.city_file, p, "清单与内容不符", "manifest counts wrong");
	lf_free(p);

	p = variant(w.bundle, "manifest2");
	raw(p, "INSERT INTO manifest SELECT * FROM manifest");
	refused(w.city, w.city_file, p, "清单应有 1 行", "two manifest rows");
	lf_free(p);

	p = variant(w.bundle, "types");
	raw(p, "UPDATE rev SET gen = 'one' WHERE rid = (SELECT min(rid) FROM rev)");
	refused(w.city, w.city_file, p, "应为整数", "a text where an integer belongs");
	lf_free(p);
	world_free(&w);
}

TEST(fault_wrong_addressee_and_parties)
{
	struct world w;
	struct lf_db *other = fx_unit("party-other.db", "620800", "嘉峪关市市场监督管理局", "620000", 33);
	struct lf_db *stranger = fx_unit("party-str.db", "620801", "某县局", "620800", 34);
	struct lf_db *sibling = fx_unit("party-sib.db", "620922", "瓜州县市场监督管理局", "620900", 35);
	char *p = lf_strdup(t_path("party-str.lfb")), *d = lf_strdup(t_path("party-down.lfb"));

	world_new(&w, "party");
	refused(other, t_path("party-other.db"), w.bundle, "不是发给本单位", "a county's bundle taken to another city");
	T_IS(fx_merge(w.city, w.bundle, NULL), LF_OK, "city merges the county");
	T_IS(fx_pack_down(w.city, "620921", d), LF_OK, "city packs for 620921");
	refused(sibling, t_path("party-sib.db"), d, "不是发给本单位", "a down bundle taken to a sibling");
	/* A county of another city addresses itself to our city. */
	lf_db_close(stranger);
	stranger = fx_unit("party-str2.db", "620801", "某县局", "620800", 36);
	{
		/* Its manifest says 620900, but its own unit record says its parent is 620800. */
		struct lf_bundle_writer *bw;
		struct lf_manifest m;
		char hash[65];
		long long bytes;
		int put(void *ctx, const struct lf_rev *v);

		memset(&m, 0, sizeof m);
		T_IS(lf_bundle_writer_new(stranger, &bw), LF_OK, "writer");
		struct { struct lf_bundle_writer *w; } ctx = { bw };
		(void)ctx;
		lf_rev_each(stranger, NULL, put, bw);
		m.schema = LF_SCHEMA_VERSION;
		snprintf(m.sender, sizeof m.sender, "620801");
		snprintf(m.receiver, sizeof m.receiver, "620900");
		snprintf(m.direction, sizeof m.direction, "up");
		lf_now_utc(m.created);
		T_IS(lf_bundle_finish(bw, &m, p, NULL, NULL, hash, &bytes), LF_OK, "crafted");
		lf_bundle_writer_free(bw);
	}
	refused(w.city, w.city_file, p, "上级是 620800", "a county of another city sends up to us");
	lf_free(p);
	lf_free(d);
	lf_db_close(other);
	lf_db_close(stranger);
	lf_db_close(sibling);
	world_free(&w);
}

int put(void *ctx, const struct lf_rev *v);
int put(void *ctx, const struct lf_rev *v)
{
	return lf_bundle_put_rev(ctx, v) != LF_OK;
}

TEST(fault_newer_schema_and_format)
{
	struct world w;
	char *p;

	world_new(&w, "newer");
	p = variant(w.bundle, "schema");
	raw(p, "UPDATE manifest SET schema = schema + 1");
	refused(w.city, w.city_file, p, "更新的版本", "from a newer lianfang schema");
	lf_free(p);
	p = variant(w.bundle, "format");
	raw(p, "PRAGMA user_version = 2");
	refused(w.city, w.city_file, p, "第 2 版格式", "a newer bundle format");
	lf_free(p);
	p = variant(w.bundle, "appid");
	raw(p, "PRAGMA application_id = 1");
	refused(w.city, w.city_file, p, "不是廉防的数据包", "another program's SQLite file");
	lf_free(p);
	refused(w.city, w.city_file, w.county_file, "是廉防的数据库文件", "a lianfang database instead of a bundle");
	p = lf_strdup(t_path("text.lfb"));
	t_sh("echo 'hello' > '%s'", p);
	refused(w.city, w.city_file, p, "不是数据包", "a text file");
	t_sh(": > '%s'", p);
	refused(w.city, w.city_file, p, "空文件", "an empty file");
	lf_free(p);
	world_free(&w);
}

TEST(fault_hostile_schema)
{
	static const struct {
		const char *what, *sql;
	} cases[] = {
		{ "a table replaced by a view",
		  "DROP TABLE ack; CREATE VIEW ack AS SELECT rid FROM rev;" },
		{ "a trigger", "CREATE TRIGGER t AFTER INSERT ON ack BEGIN DELETE FROM rev; END;" },
		{ "a CHECK that calls functions",
		  "CREATE TABLE x(rid TEXT PRIMARY KEY NOT NULL CHECK(abs(length(rid)) = 64 AND load_extension('evil') IS NULL))"
		  " WITHOUT ROWID; INSERT INTO x SELECT rid FROM ack; DROP TABLE ack; ALTER TABLE x RENAME TO ack;" },
		{ "an expression index that calls a function", "CREATE INDEX evil ON rev(lower(body), hex(gid), abs(gen));" },
		{ "an extra table", "CREATE TABLE extra(x);" },
		{ "a column added", "ALTER TABLE ack ADD COLUMN note TEXT;" },
	};
	struct world w;
	size_t i;

	world_new(&w, "schema");
	for (i = 0; i < LF_COUNT(cases); i++) {
		char *p = variant(w.bundle, "schema");

		T_IS(raw(p, cases[i].sql), SQLITE_OK, cases[i].what);
		refused(w.city, w.city_file, p, "数据结构不是廉防写出的", cases[i].what);
		lf_free(p);
	}
	world_free(&w);
}

TEST(fault_oversized_values)
{
	struct world w;
	char *p;

	world_new(&w, "big");
	p = variant(w.bundle, "huge");
	raw(p, "UPDATE rev SET body = printf('%.*c', 5000000, 'x') WHERE rid = (SELECT min(rid) FROM rev)");
	refused(w.city, w.city_file, p, "过大", "a 5 MB value (beyond SQLite's length limit for bundles)");
	lf_free(p);
	p = variant(w.bundle, "large");
	raw(p, "UPDATE rev SET body = printf('%.*c', 3500000, 'x') WHERE rid = (SELECT min(rid) FROM rev)");
	refused(w.city, w.city_file, p, "长度", "a 3.5 MB body (beyond what a revision may hold)");
	lf_free(p);
	p = variant(w.bundle, "name");
	raw(p, "UPDATE manifest SET sender_name = printf('%.*c', 10000, 'x')");
	refused(w.city, w.city_file, p, "sender_name", "an overlong name in the manifest");
	lf_free(p);
	p = variant(w.bundle, "nul");
	raw(p, "UPDATE rev SET author = 'a' || char(0) || 'b' WHERE rid = (SELECT min(rid) FROM rev)");
	refused(w.city, w.city_file, p, "零字节", "a NUL inside a text");
	lf_free(p);
	world_free(&w);
}

/* A revision as a hostile sender would forge it: well-formed and sealed. */
static void forge(struct lf_rev *v, const char *kind, const char *gid, const char *owner, const char *name)
{
	struct lf_rec *r = lf_rec_new(lf_kind_find(kind));

	memset(v, 0, sizeof *v);
	if (!strcmp(kind, "dept")) {
		lf_rec_set_text(r, "name", name);
	} else if (!strcmp(kind, "post")) {
		lf_rec_set_text(r, "dept", name); /* a reference */
		lf_rec_set_text(r, "name", "岗位");
	}
	v->kind = r->kind;
	snprintf(v->gid, sizeof v->gid, "%s", gid);
	snprintf(v->owner, sizeof v->owner, "%s", owner);
	v->gen = 1;
	v->parents = lf_strdup("");
	snprintf(v->author, sizeof v->author, "mallory");
	snprintf(v->at, sizeof v->at, "2026-11-23T08:00:00Z");
	v->body = lf_rec_body(r);
	lf_rev_seal(v);
	lf_rec_free(r);
}

/* The county's own bundle plus extra forged revisions (and audit rows). */
static char *crafted(struct world *w, const char *tag, struct lf_rev *extra, int n, const char *direction,
                     int with_audit)
{
	struct lf_bundle_writer *bw;
	struct lf_manifest m;
	char hash[65], *p = lf_printf("%s.%s", w->bundle, tag);
	long long bytes;
	int i;

	memset(&m, 0, sizeof m);
	lf_bundle_writer_new(w->county, &bw);
	lf_rev_each(w->county, NULL, put, bw);
	for (i = 0; i < n; i++)
		lf_bundle_put_rev(bw, &extra[i]);
	if (with_audit) {
		struct lf_audit_entry e;

		memset(&e, 0, sizeof e);
		snprintf(e.unit, sizeof e.unit, "620921");
		e.seq = 1;
		snprintf(e.at, sizeof e.at, "2026-11-23T08:00:00Z");
		e.actor = e.action = "x";
		e.kind = e.gid = e.before = e.after = "";
		snprintf(e.prev, sizeof e.prev, "%s", LF_AUDIT_GENESIS);
		lf_audit_hash(&e, e.hash);
		lf_bundle_put_audit(bw, &e);
	}
	m.schema = LF_SCHEMA_VERSION;
	snprintf(m.sender, sizeof m.sender, "%s", !strcmp(direction, "up") ? "620921" : "620000");
	snprintf(m.receiver, sizeof m.receiver, "%s", !strcmp(direction, "up") ? "620900" : "620900");
	snprintf(m.direction, sizeof m.direction, "%s", direction);
	lf_now_utc(m.created);
	if (lf_bundle_finish(bw, &m, p, NULL, NULL, hash, &bytes) != LF_OK)
		printf("# crafted: %s\n", w->county->err);
	lf_bundle_writer_free(bw);
	for (i = 0; i < n; i++)
		lf_rev_clear(&extra[i]);
	return p;
}

TEST(fault_forged_owners)
{
	struct world w;
	struct lf_rev v[2];
	char *p;

	world_new(&w, "forge");
	forge(&v[0], "dept", "0123456789abcdef0123456789abcdef", "620900", "市局处室");
	p = crafted(&w, "city", v, 1, "up", 0);
	refused(w.city, w.city_file, p, "无权带来", "a county sends a record owned by the city");
	lf_free(p);
	forge(&v[0], "dept", "1123456789abcdef0123456789abcdef", "620922", "邻县处室");
	p = crafted(&w, "sibling", v, 1, "up", 0);
	refused(w.city, w.city_file, p, "无权带来", "a county sends another county's record");
	lf_free(p);
	forge(&v[0], "dept", "2123456789abcdef0123456789abcdef", "620921", "处室");
	snprintf(v[0].owner, sizeof v[0].owner, "620999");  /* owner changed after sealing */
	p = crafted(&w, "unsealed", v, 1, "up", 0);
	refused(w.city, w.city_file, p, "编号与其内容不符", "an owner changed after the revision was sealed");
	lf_free(p);
	/* Two forged revisions, both listed. */
	forge(&v[0], "dept", "3123456789abcdef0123456789abcdef", "620900", "甲");
	forge(&v[1], "dept", "4123456789abcdef0123456789abcdef", "620000", "乙");
	{
		struct lf_merge_result r;
		struct snap s;

		p = crafted(&w, "two", v, 2, "up", 0);
		snap_take(&s, w.city, w.city_file);
		T_IS(lf_merge(w.city, p, NULL, &r), LF_DENIED, "refused");
		T_IS(r.refused, 2, "both forged rows are reported");
		T_OK(r.nrefusals == 2 && (strstr(r.refusals[0], "620900") || strstr(r.refusals[1], "620900")) &&
		     (strstr(r.refusals[0], "620000") || strstr(r.refusals[1], "620000")), "each names its owner");
		T_OK(snap_same(&s, w.city), "nothing applied, not even the county's honest rows");
		lf_merge_result_free(&r);
		snap_free(&s);
		lf_free(p);
	}
	/* From above, a record of a unit outside the sender's tree. */
	forge(&v[0], "dept", "8123456789abcdef0123456789abcdef", "630000", "外省处室");
	p = crafted(&w, "outside", v, 1, "down", 0);
	refused(w.city, w.city_file, p, "无权带来", "a down bundle carrying another province's record");
	lf_free(p);
	world_free(&w);
}

TEST(fault_same_id_different_content)
{
	struct world w;
	struct lf_rev v[2];
	char city_dept[33], *p;

	world_new(&w, "same");
	fx_put(w.city, "dept", NULL, city_dept, NULL, "name", "市局办公室", NULL);
	/* A county revision reusing the id of a city record. */
	forge(&v[0], "dept", city_dept, "620921", "冒用编号");
	p = crafted(&w, "gid", v, 1, "up", 0);
	refused(w.city, w.city_file, p, "同一编号、不同内容", "a county record with the id of a city record");
	lf_free(p);
	/* Two revisions in one bundle giving one id two kinds. */
	forge(&v[0], "dept", "5123456789abcdef0123456789abcdef", "620921", "甲");
	forge(&v[1], "post", "5123456789abcdef0123456789abcdef", "620921", w.dept);
	p = crafted(&w, "kinds", v, 2, "up", 0);
	refused(w.city, w.city_file, p, "同一编号、不同内容", "one id, two kinds");
	lf_free(p);
	/* The same revision id with other content. */
	p = variant(w.bundle, "rid");
	raw(p, "UPDATE rev SET body = replace(body, '执法稽查大队', '稽查局') WHERE body LIKE '%执法稽查大队%'");
	reseal(w.city, p);
	refused(w.city, w.city_file, p, "哈希不符", "a revision id kept with other content");
	lf_free(p);
	world_free(&w);
}

TEST(fault_missing_reference)
{
	struct world w;
	struct lf_rev v[1];
	char *p;

	world_new(&w, "ref");
	forge(&v[0], "post", "6123456789abcdef0123456789abcdef", "620921", "7123456789abcdef0123456789abcdef");
	p = crafted(&w, "dangling", v, 1, "up", 0);
	refused(w.city, w.city_file, p, "不在本数据库中，数据包也没有带来", "a post pointing at a department nobody has");
	lf_free(p);
	world_free(&w);
}

TEST(fault_audit_rows_in_a_down_bundle)
{
	struct world w;
	struct lf_db *prov = fx_unit("aud-prov.db", "620000", "省局", NULL, 37);
	char *d = lf_strdup(t_path("aud-down.lfb")), *p;

	world_new(&w, "aud");
	T_IS(fx_pack_down(prov, "620900", d), LF_NOTFOUND, "the province does not know the city yet");
	/* Let the province know the city, then forge audit rows into its bundle. */
	T_IS(fx_pack_up(w.city, t_path("aud-city.lfb")), LF_OK, "city packs up");
	T_IS(fx_merge(prov, t_path("aud-city.lfb"), NULL), LF_OK, "province merges");
	T_IS(fx_pack_down(prov, "620900", d), LF_OK, "province packs down");
	p = variant(d, "audit");
	raw(p, "INSERT INTO audit VALUES('620000', 1, '2026-11-23T08:00:00Z', 'x', 'x', '', '', '', '', "
	       "'0000000000000000000000000000000000000000000000000000000000000000', "
	       "'0000000000000000000000000000000000000000000000000000000000000000'); "
	       "UPDATE manifest SET audits = 1;");
	reseal(w.city, p);
	refused(w.city, w.city_file, p, "下发的数据包不应带审计日志", "audit rows in a down bundle");
	T_IS(fx_merge(w.city, d, NULL), LF_OK, "the honest down bundle merges");
	lf_free(p);
	lf_free(d);
	lf_db_close(prov);
	world_free(&w);
}

TEST(fault_journal_beside_the_bundle)
{
	struct world w;
	struct lf_merge_result r;
	char *journal, jh[65], jh2[65];
	sqlite3 *h;

	world_new(&w, "jrnl");
	/* A stray journal of garbage: ignored, untouched. */
	journal = lf_printf("%s-journal", w.bundle);
	t_sh("head -c 5000 /dev/urandom > '%s'", journal);
	fx_file_hash(journal, jh);
	T_IS(lf_merge(w.city, w.bundle, NULL, &r), LF_OK, "merges despite a -journal beside it");
	T_OK(r.notes && strstr(r.notes, "-journal") && strstr(r.notes, "已忽略"), "and says it ignored it");
	lf_merge_result_free(&r);
	fx_file_hash(journal, jh2);
	T_SAME(jh2, jh, "the journal is left as it was");
	unlink(journal);
	lf_free(journal);

	/* A real hot journal: another program was writing the bundle when the
	 * stick was pulled. The file is then half-changed; it is refused, never
	 * "recovered" with the stick's journal. */
	{
		struct lf_db *demo = fx_demo("jrnl-demo.db", "620921", "金塔县市场监督管理局", "620900", 3);
		char *p = lf_strdup(t_path("jrnl-demo.lfb")), *pj = lf_printf("%s-journal", p);
		char *q = lf_strdup(t_path("hot.lfb")), *qj = lf_printf("%s-journal", q);
		char before[65], after[65];

		fx_pack_up(demo, p);
		lf_db_close(demo);
		fx_file_hash(p, before);
		sqlite3_open_v2(p, &h, SQLITE_OPEN_READWRITE, NULL);
		sqlite3_exec(h, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 4; BEGIN; "
		                "UPDATE rev SET author = 'someone-else', body = body || ' ';", NULL, NULL, NULL);
		/* copy the file and its hot journal while the transaction is open */
		fx_copy(p, q);
		fx_copy(pj, qj);
		sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(h);
		fx_file_hash(q, after);
		T_OK(strcmp(before, after) != 0, "the copy caught pages written mid-transaction");
		fx_file_hash(qj, jh);
		refused(w.city, w.city_file, q, "数据包", "a bundle caught mid-write by another program, with its hot journal");
		fx_file_hash(qj, jh2);
		T_SAME(jh2, jh, "its journal is left as it was");
		T_OK(access(qj, F_OK) == 0, "and still there");
		lf_free(p);
		lf_free(pj);
		lf_free(q);
		lf_free(qj);
	}
	world_free(&w);
}

TEST(fault_pack_never_overwrites_other_files)
{
	struct world w;
	char before[65], after[65];
	struct lf_pack_result r;

	world_new(&w, "ovw");
	fx_file_hash(w.city_file, before);
	T_IS(lf_pack_up(w.county, w.city_file, NULL, &r), LF_EXISTS, "packing onto a database file is refused");
	T_OK(strstr(w.county->err, "不会覆盖") != NULL, "with a message: %s", w.county->err);
	lf_pack_result_free(&r);
	fx_file_hash(w.city_file, after);
	T_SAME(after, before, "the database file is untouched");
	T_IS(lf_pack_up(w.county, w.bundle, NULL, &r), LF_OK, "an earlier bundle is replaced");
	lf_pack_result_free(&r);
	T_IS(lf_pack_up(w.county, "/nonexistent-dir/x.lfb", NULL, &r), LF_NOTFOUND, "a missing directory is explained");
	T_OK(strstr(w.county->err, "不存在") != NULL, "message: %s", w.county->err);
	lf_pack_result_free(&r);
	t_sh("ls -a \"$(dirname '%s')\" | grep -c tmp- > '%s'", w.bundle, t_path("tmpcount"));
	T_OK(t_sh("grep -qx 0 '%s'", t_path("tmpcount")) == 0, "no temporary file left behind");
	world_free(&w);
}
