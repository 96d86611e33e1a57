/* Tests of exchange: the USB trip county → city → province and back down,
 * with upper-level assessments; idempotence and order; tombstones; conflicts
 * from a restored backup; ownership and references; progress and cancel. */
#include "t.h"
#include "xfix.h"
#include "lianfang/audit.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdlib.h>
#include <string.h>

static const char *const county_code[3] = { "620921", "620922", "620923" };
static const char *const county_name[3] = { "金塔县市场监督管理局", "瓜州县市场监督管理局", "肃北县市场监督管理局" };

/* An upper-level assessment of a county's self-check: a new record owned by
 * the upper unit, step 'upper'. */
static lf_status upper_review(struct lf_db *db, const char *selfcheck, const char *grade, char gid[33])
{
	char hash[65];
	lf_status s = lf_selfcheck_content_hash(db, selfcheck, hash);

	if (s)
		return s;
	return fx_put(db, "review", NULL, gid, NULL, "selfcheck", selfcheck, "step", "upper", "result",
	              strcmp(grade, "不准确") ? "同意" : "退回", "grade", grade, "opinion", "上级抽查评估。",
	              "signer", "市局纪检组", "signed", "2026-11-20", "content_hash", hash, NULL);
}

TEST(exchange_relay_county_city_province_and_back)
{
	struct lf_db *c[3], *city, *prov;
	char path[3][256], sc[64], cycle[33], insp[33], finding[33], rect[33], resp[33], prov_review[33];
	char reviews[3][2][33], dept[33];
	char *dc[3], *dcity, *dprov;
	long long added;
	int i, j;

	setenv("LIANFANG_NOW", "2026-11-20T08:00:00Z", 1);
	for (i = 0; i < 3; i++) {
		char file[32];

		snprintf(file, sizeof file, "relay-c%d.db", i);
		c[i] = fx_demo(file, county_code[i], county_name[i], "620900", (unsigned)(2 + i));
	}
	city = fx_unit("relay-city.db", "620900", "酒泉市市场监督管理局", "620000", 90);
	prov = fx_unit("relay-prov.db", "620000", "甘肃省市场监督管理局", NULL, 91);

	/* Up: each county to the city. */
	for (i = 0; i < 3; i++) {
		snprintf(path[i], sizeof path[i], "%s", t_path(county_code[i]));
		T_IS(fx_pack_up(c[i], path[i]), LF_OK, "county packs up");
		T_IS(fx_merge(city, path[i], &added), LF_OK, "city merges county bundle");
		T_IS(added, fx_count(c[i], "SELECT count(*) FROM rev", NULL), "every county revision added");
	}
	/* The city assesses: two self-checks per county, and inspects 620921. */
	T_IS(fx_put(city, "cycle", NULL, cycle, NULL, "year", "2026", "title", "2026年度", NULL), LF_OK, "city cycle");
	for (i = 0; i < 3; i++)
		for (j = 0; j < 2; j++) {
			char sql[200];

			snprintf(sql, sizeof sql, "SELECT gid FROM selfcheck WHERE owner = ?1 AND status IN ('accepted', "
			         "'returned') ORDER BY gid LIMIT 1 OFFSET %d", j);
			T_OK(fx_text(city, sql, county_code[i], sc, sizeof sc), "city holds a self-check of %s", county_code[i]);
			T_IS(upper_review(city, sc, j ? "准确" : "不准确", reviews[i][j]), LF_OK, "city assesses");
		}
	fx_text(city, "SELECT gid FROM dept WHERE owner = ?1 ORDER BY gid LIMIT 1", "620921", dept, sizeof dept);
	T_IS(fx_put(city, "inspection", NULL, insp, NULL, "cycle", cycle, "target_unit", "620921", "dept", dept,
	                "held", "2026-11-10", "summary", "市局年终检查。", "score", "88", NULL), LF_OK, "city inspects");
	T_IS(fx_put(city, "finding", NULL, finding, NULL, "inspection", insp, "question", "2", "content",
	                "制度建设不够健全。", NULL), LF_OK, "finding");
	T_IS(fx_put(city, "rectification", NULL, rect, NULL, "inspection", insp, "finding", finding, "target_unit",
	                "620921", "issued", "2026-11-12", "deadline", "2026-12-31", "requirement", "限期健全制度。",
	                "status", "issued", NULL), LF_OK, "rectification notice");

	/* City to province; the province assesses a 620922 self-check. */
	T_IS(fx_pack_up(city, t_path("city-up")), LF_OK, "city packs up");
	T_IS(fx_merge(prov, t_path("city-up"), NULL), LF_OK, "province merges");
	for (i = 0; i < 3; i++)
		T_IS(fx_count(prov, "SELECT count(*) FROM rev WHERE owner = ?1", county_code[i]),
		         fx_count(c[i], "SELECT count(*) FROM rev", NULL), "county records reach the province via the city");
	fx_text(prov, "SELECT gid FROM selfcheck WHERE owner = '620922' ORDER BY gid DESC LIMIT 1", NULL, sc, sizeof sc);
	T_IS(upper_review(prov, sc, "比较准确", prov_review), LF_OK, "province assesses");

	/* And back down. */
	T_IS(fx_pack_down(prov, "620900", t_path("prov-down")), LF_OK, "province packs down");
	T_IS(fx_merge(city, t_path("prov-down"), NULL), LF_OK, "city merges");
	for (i = 0; i < 3; i++) {
		char f[32];

		snprintf(f, sizeof f, "down-%d", i);
		T_IS(fx_pack_down(city, county_code[i], t_path(f)), LF_OK, "city packs down");
		T_IS(fx_merge(c[i], t_path(f), NULL), LF_OK, "county merges");
		for (j = 0; j < 2; j++)
			T_IS(fx_count(c[i], "SELECT count(*) FROM review WHERE gid = ?1 AND step = 'upper'", reviews[i][j]),
			         1, "the city's assessment arrived");
		T_IS(fx_count(c[i], "SELECT count(*) FROM rev WHERE owner NOT IN (?1, '620900', '620000')",
		                  county_code[i]), 0, "no other county's records");
		T_IS(fx_count(c[i], "SELECT count(*) FROM unit WHERE code IN ('620900', '620000')", NULL), 2,
		         "the upper units are known");
	}
	T_IS(fx_count(c[1], "SELECT count(*) FROM review WHERE gid = ?1", prov_review), 1,
	         "the province's assessment reached the county through the city");
	T_IS(fx_count(c[0], "SELECT count(*) FROM rectification WHERE gid = ?1", rect), 1, "rectification arrived");
	T_IS(fx_count(c[0], "SELECT count(*) FROM cycle WHERE gid = ?1", cycle), 1,
	         "with the city's cycle it points at");
	T_IS(fx_count(c[0], "SELECT count(*) FROM finding WHERE gid = ?1", finding), 1, "and the finding");
	T_IS(fx_count(c[1], "SELECT count(*) FROM inspection", NULL), 1, "620922 gets no inspection of 620921");

	/* The county answers the notice; the answer goes all the way up. */
	T_IS(fx_put(c[0], "response", NULL, resp, NULL, "rectification", rect, "answered", "2026-11-25", "content",
	                "已健全制度。", NULL), LF_OK, "county responds");
	T_IS(fx_pack_up(c[0], path[0]), LF_OK, "county packs up again");
	T_IS(fx_count(c[0], "SELECT count(*) FROM bundle_log WHERE direction = 'pack-up'", NULL), 2, "logged");
	T_IS(fx_merge(city, path[0], &added), LF_OK, "city merges the answer");
	T_IS(added, 1, "only the answer is new (acknowledgements)");
	T_IS(fx_pack_up(city, t_path("city-up2")), LF_OK, "city packs up again");
	T_IS(fx_merge(prov, t_path("city-up2"), NULL), LF_OK, "province merges");
	T_IS(fx_count(prov, "SELECT count(*) FROM response WHERE gid = ?1", resp), 1, "answer reached the province");

	/* Shared records are identical: county ⊆ city ⊆ province, line by line. */
	dcity = fx_dump(city);
	dprov = fx_dump(prov);
	for (i = 0; i < 3; i++) {
		dc[i] = fx_dump(c[i]);
		fx_lines_subset(dc[i], dcity, "county dump lines are city dump lines");
	}
	fx_lines_subset(dcity, dprov, "city dump lines are province dump lines");
	for (i = 0; i < 3; i++) {
		T_IS(fx_problems(c[i]), 0, "county passes check");
		lf_free(dc[i]);
		lf_db_close(c[i]);
	}
	T_IS(fx_problems(city), 0, "city passes check");
	T_IS(fx_problems(prov), 0, "province passes check");
	T_IS(fx_count(prov, "SELECT count(*) FROM audit WHERE unit = '620921'", NULL),
	         fx_count(city, "SELECT count(*) FROM audit WHERE unit = '620921'", NULL),
	         "the county's audit chain reached the province");
	lf_free(dcity);
	lf_free(dprov);
	lf_db_close(city);
	lf_db_close(prov);
	unsetenv("LIANFANG_NOW");
}

/* Two small counties with a few records each, for quicker tests. */
static struct lf_db *small_county(const char *file, const char *code, unsigned seed, char dept[33])
{
	struct lf_db *db = fx_unit(file, code, "某县局", "620900", seed);

	fx_put(db, "dept", NULL, dept, NULL, "name", "办公室", "seq", "1", NULL);
	fx_put(db, "dept", NULL, NULL, NULL, "name", "财务科", "seq", "2", NULL);
	return db;
}

TEST(exchange_merge_is_order_free_and_idempotent)
{
	struct lf_db *a = small_county("of-a.db", "620921", 11, (char[33]){ 0 });
	struct lf_db *b = small_county("of-b.db", "620922", 12, (char[33]){ 0 });
	struct lf_db *x = fx_unit("of-x.db", "620900", "市局", "620000", 13);
	struct lf_db *y = fx_unit("of-y.db", "620900", "市局", "620000", 14);
	char dept[33], p1[256], p2[256], p3[256];
	char *dx, *dy, *before;
	long long added;

	fx_text(a, "SELECT gid FROM dept WHERE name = '办公室'", NULL, dept, sizeof dept);
	snprintf(p1, sizeof p1, "%s", t_path("of-a1"));
	snprintf(p2, sizeof p2, "%s", t_path("of-a2"));
	snprintf(p3, sizeof p3, "%s", t_path("of-b1"));
	T_IS(fx_pack_up(a, p1), LF_OK, "pack a1");
	fx_put(a, "dept", dept, NULL, NULL, "name", "办公室（改）", NULL);
	lf_rec_delete(a, lf_kind_find("dept"), dept);   /* then deleted: a tombstone */
	T_IS(fx_pack_up(a, p2), LF_OK, "pack a2 (newer, everything again: nothing acknowledged)");
	T_IS(fx_pack_up(b, p3), LF_OK, "pack b1");

	/* x: a1, a2, b1; y: b1, a2, a2, a1 */
	T_IS(fx_merge(x, p1, NULL), LF_OK, "x a1");
	T_IS(fx_merge(x, p2, NULL), LF_OK, "x a2");
	T_IS(fx_merge(x, p3, NULL), LF_OK, "x b1");
	T_IS(fx_merge(y, p3, NULL), LF_OK, "y b1");
	T_IS(fx_merge(y, p2, NULL), LF_OK, "y a2");
	T_IS(fx_merge(y, p2, &added), LF_OK, "y a2 again");
	T_IS(added, 0, "the same bundle twice adds nothing");
	before = fx_dump(y);
	T_IS(fx_merge(y, p1, &added), LF_OK, "y a1: an older bundle after a newer one");
	T_IS(added, 0, "adds nothing");
	dy = fx_dump(y);
	T_SAME(dy, before, "and changes nothing");
	dx = fx_dump(x);
	T_OK(!strcmp(dx, dy), "merge order does not matter: dumps are byte-identical");
	T_OK(!strstr(dx, dept), "the tombstone travelled: the deleted department is not in the dump");
	T_IS(fx_count(x, "SELECT deleted FROM dept WHERE gid = ?1", dept), 1, "its row is marked deleted");
	T_IS(fx_problems(x) + fx_problems(y), 0, "both pass check");
	lf_free(dx);
	lf_free(dy);
	lf_free(before);
	lf_db_close(a);
	lf_db_close(b);
	lf_db_close(x);
	lf_db_close(y);
}

static int count_conflicts(void *ctx, const char *kind, const char *gid, int leaves)
{
	(void)kind;
	(void)gid;
	(void)leaves;
	(*(int *)ctx)++;
	return 0;
}

static int nconflicts(struct lf_db *db)
{
	int n = 0;

	lf_conflicts(db, count_conflicts, &n);
	return n;
}

TEST(exchange_conflict_from_restored_backup)
{
	char dept[33], backup[256], live[256], rid_a[65], rid_b[65], w_city[65], w_county[65];
	struct lf_db *a = small_county("cf-a.db", "620921", 21, dept);
	struct lf_db *city = fx_unit("cf-city.db", "620900", "市局", "620000", 22);
	struct lf_merge_result r;
	char err[1024];
	lf_status s;

	snprintf(live, sizeof live, "%s", t_path("cf-a.db"));
	snprintf(backup, sizeof backup, "%s", t_path("cf-a.backup"));
	T_IS(fx_pack_up(a, t_path("cf-1")), LF_OK, "pack");
	T_IS(fx_merge(city, t_path("cf-1"), NULL), LF_OK, "city merges");
	lf_db_close(a);
	fx_copy(live, backup);                               /* the office backs up */
	lf_db_open(live, LF_OPEN_WRITE, &a, err, sizeof err);
	lf_db_seed(a, 21);
	fx_put(a, "dept", dept, NULL, rid_a, "name", "办公室甲", NULL);
	T_IS(fx_pack_up(a, t_path("cf-2")), LF_OK, "pack after an edit");
	T_IS(fx_merge(city, t_path("cf-2"), NULL), LF_OK, "city merges the edit");
	lf_db_close(a);
	fx_copy(backup, live);                               /* … and restores the backup */
	lf_db_open(live, LF_OPEN_WRITE, &a, err, sizeof err);
	lf_db_seed(a, 21);
	fx_put(a, "dept", dept, NULL, rid_b, "name", "办公室乙", NULL);
	T_IS(fx_pack_up(a, t_path("cf-3")), LF_OK, "pack after editing the restored copy");
	s = lf_merge(city, t_path("cf-3"), NULL, &r);
	T_IS(s, LF_OK, "city merges the other branch");
	T_IS(r.nconflicts, 1, "and reports one conflict");
	T_OK(r.nconflicts == 1 && !strcmp(r.conflicts[0].gid, dept), "on the department");
	T_OK(r.nwarnings > 0 && strstr(r.warnings[0], "分叉"), "the restored office's audit chain forked: %s",
	     r.nwarnings ? r.warnings[0] : "(no warning)");
	lf_merge_result_free(&r);
	T_IS(nconflicts(city), 1, "conflict listed at the city");
	T_IS(lf_rec_resolve(city, dept, rid_a), LF_DENIED, "the city may not resolve the county's record");
	/* What the conflicts command and screen show: the versions, winner
	 * first, and the fields that differ. */
	{
		struct lf_conflict x;
		char shown[65];
		int name = -1, ia = -1, j;

		T_IS(lf_exchange_conflict(city, dept, &x), LF_OK, "the city reads the conflict");
		fx_text(city, "SELECT rid FROM dept WHERE gid = ?1", dept, shown, sizeof shown);
		T_IS(x.nv, 2, "two versions");
		T_OK(x.nv == 2 && !strcmp(x.v[0].rid, shown), "the version shown comes first");
		T_OK(!x.mine && !strcmp(x.owner, "620921"), "owned by the county, not resolvable at the city");
		for (j = 0; j < x.nf; j++)
			if (!strcmp(x.f[j].name, "name"))
				name = j;
		T_IS(x.nf, 1, "one field differs");
		for (j = 0; j < x.nv; j++)
			if (!strcmp(x.v[j].rid, rid_a))
				ia = j;
		T_OK(name >= 0 && ia >= 0 && !strcmp(x.f[name].value[ia], "办公室甲") &&
		     !strcmp(x.f[name].value[1 - ia], "办公室乙"), "the name, with each version's value");
		T_OK(name >= 0 && !strcmp(x.f[name].label, "处室名称"), "labelled");
		lf_conflict_free(&x);
		T_IS(lf_exchange_conflict(city, "0123456789abcdef0123456789abcdef", &x), LF_NOTFOUND, "an unknown record");
		lf_conflict_free(&x);
	}

	/* The county gets its lost branch back (it lost its acknowledgements:
	 * the city must send everything). */
	{
		struct lf_pack_opts o = { 1, NULL, NULL };
		struct lf_pack_result pr;

		T_IS(lf_pack_down(city, "620921", t_path("cf-down"), &o, &pr), LF_OK, "pack down --all");
		lf_pack_result_free(&pr);
	}
	T_IS(fx_merge(a, t_path("cf-down"), NULL), LF_OK, "county merges");
	T_IS(nconflicts(a), 1, "conflict listed at the county too");
	{
		struct lf_conflict x;

		T_IS(lf_exchange_conflict(a, dept, &x), LF_OK, "the county reads the conflict");
		T_OK(x.mine, "and may resolve it");
		lf_conflict_free(&x);
	}
	T_IS(fx_count(a, "SELECT count(*) FROM audit WHERE unit = '620921' AND action = 'restore' AND after = ?1", rid_a), 1,
	     "the county's chain records its lost revision coming back");
	T_IS(fx_problems(a), 0, "and the county passes check (every revision of its own is in its chain)");
	fx_text(city, "SELECT rid FROM dept WHERE gid = ?1", dept, w_city, sizeof w_city);
	fx_text(a, "SELECT rid FROM dept WHERE gid = ?1", dept, w_county, sizeof w_county);
	T_SAME(w_city, w_county, "both show the same winner");
	T_OK(!strcmp(w_city, rid_a) || !strcmp(w_city, rid_b), "the winner is one of the two edits");
	/* The conflict list and resolution from the command line. */
	{
		const char *lfbin = getenv("LIANFANG");
		char out[256], *listing = NULL;
		size_t n = 0;
		FILE *f;

		snprintf(out, sizeof out, "%s", t_path("cf-list.txt"));
		T_IS(t_sh("\"%s\" --db '%s' conflicts > '%s' 2>&1", lfbin, t_path("cf-city.db"), out), 0,
		     "lianfang conflicts at the city");
		f = fopen(out, "r");
		T_OK(f && getdelim(&listing, &n, 0, f) > 0, "read the listing");
		if (f)
			fclose(f);
		T_OK(listing && strstr(listing, "有 1 条记录存在冲突") && strstr(listing, "处室") && strstr(listing, dept),
		     "lists the department: %s", listing ? listing : "");
		T_OK(listing && strstr(listing, "办公室甲") && strstr(listing, "办公室乙") && strstr(listing, "不同之处"),
		     "shows how the versions differ");
		T_OK(listing && strstr(listing, "只有单位 620921 能解决"), "and who may resolve it");
		free(listing);
		T_IS(t_sh("\"%s\" --db '%s' resolve %.12s %.12s > '%s' 2>&1", lfbin, t_path("cf-city.db"), dept, rid_a, out),
		     1, "the city may not resolve it from the command line either");
		T_IS(t_sh("grep -q '只能由该单位修改' '%s'", out), 0, "and is told why");
		T_IS(t_sh("\"%s\" --db '%s' resolve %.12s %.12s > '%s' 2>&1", lfbin, t_path("cf-a.db"), dept, rid_b, out), 0,
		     "the county resolves, keeping its second edit (lianfang resolve with id prefixes)");
		T_IS(t_sh("grep -q '已解决' '%s'", out), 0, "and is told so");
	}
	T_IS(nconflicts(a), 0, "resolved at the county");
	T_IS(fx_pack_up(a, t_path("cf-4")), LF_OK, "pack the resolution");
	T_IS(fx_merge(city, t_path("cf-4"), NULL), LF_OK, "city merges it");
	T_IS(nconflicts(city), 0, "resolved at the city");
	T_IS(fx_count(city, "SELECT count(*) FROM rev WHERE gid = ?1", dept), 4, "nothing lost: all four revisions kept");
	{
		char *da = fx_dump(a), *dc = fx_dump(city);

		fx_lines_subset(da, dc, "county and city agree");
		lf_free(da);
		lf_free(dc);
	}
	{
		char *da = fx_dump(a);

		T_OK(strstr(da, "办公室乙") != NULL, "the kept content shows");
		lf_free(da);
	}
	lf_db_close(a);
	lf_db_close(city);
}

struct prog {
	int calls, cancel_at, applying;
	long long last_done;
	char stages[256];
};

static int on_progress(void *ctx, const char *stage, long long done, long long total)
{
	struct prog *p = ctx;

	(void)total;
	p->calls++;
	if (!strstr(p->stages, stage)) {
		strncat(p->stages, stage, sizeof p->stages - strlen(p->stages) - 2);
		strcat(p->stages, " ");
	}
	p->last_done = done;
	if (!strcmp(stage, "合并"))
		p->applying++;
	return p->cancel_at && p->applying >= p->cancel_at;
}

TEST(exchange_progress_and_cancel)
{
	struct lf_db *c = fx_demo("pg-c.db", "620921", "金塔县市场监督管理局", "620900", 5);
	struct lf_db *city = fx_unit("pg-city.db", "620900", "市局", "620000", 6);
	struct prog p;
	struct lf_pack_opts po = { 0, on_progress, &p };
	struct lf_merge_opts mo = { 0, on_progress, &p };
	struct lf_pack_result pr;
	struct lf_merge_result mr;
	char before[65], after[65], *d0, *d1;

	memset(&p, 0, sizeof p);
	T_IS(lf_pack_up(c, t_path("pg.lfb"), &po, &pr), LF_OK, "pack with progress");
	T_OK(strstr(p.stages, "写入") && strstr(p.stages, "读回"), "pack reports its stages: %s", p.stages);
	lf_pack_result_free(&pr);
	memset(&p, 0, sizeof p);
	T_IS(lf_merge(city, t_path("pg.lfb"), &mo, &mr), LF_OK, "merge with progress");
	T_OK(strstr(p.stages, "复制") && strstr(p.stages, "检查") && strstr(p.stages, "合并") && strstr(p.stages, "完成"),
	     "merge reports its stages: %s", p.stages);
	lf_merge_result_free(&mr);

	/* Cancel part-way through applying: nothing is applied. */
	lf_db_close(city);
	city = fx_unit("pg-city2.db", "620900", "市局", "620000", 7);
	d0 = fx_dump(city);
	fx_file_hash(t_path("pg-city2.db"), before);
	memset(&p, 0, sizeof p);
	p.cancel_at = 2;
	T_IS(lf_merge(city, t_path("pg.lfb"), &mo, &mr), LF_STATE, "cancelled merge");
	T_OK(strstr(p.stages, "合并") != NULL, "cancelled while applying (%s)", p.stages);
	lf_merge_result_free(&mr);
	d1 = fx_dump(city);
	fx_file_hash(t_path("pg-city2.db"), after);
	T_SAME(d1, d0, "dump unchanged after cancel");
	T_SAME(after, before, "file unchanged after cancel");
	lf_free(d0);
	lf_free(d1);
	lf_db_close(c);
	lf_db_close(city);
}

TEST(exchange_dry_run_changes_nothing)
{
	struct lf_db *c = fx_demo("dr-c.db", "620921", "金塔县市场监督管理局", "620900", 8);
	struct lf_db *city = fx_unit("dr-city.db", "620900", "市局", "620000", 9);
	struct lf_merge_opts o = { 1, NULL, NULL };
	struct lf_merge_result r;
	char before[65], after[65];

	T_IS(fx_pack_up(c, t_path("dr.lfb")), LF_OK, "pack");
	fx_file_hash(t_path("dr-city.db"), before);
	T_IS(lf_merge(city, t_path("dr.lfb"), &o, &r), LF_OK, "dry run");
	T_IS(r.added, fx_count(c, "SELECT count(*) FROM rev", NULL), "dry run counts what would be added");
	T_IS(r.applied, 0, "not applied");
	lf_merge_result_free(&r);
	fx_file_hash(t_path("dr-city.db"), after);
	T_SAME(after, before, "database file unchanged");
	T_IS(fx_count(city, "SELECT count(*) FROM rev WHERE owner = '620921'", NULL), 0, "nothing merged");
	T_IS(fx_count(city, "SELECT count(*) FROM bundle_log", NULL), 0, "nothing logged");
	lf_db_close(c);
	lf_db_close(city);
}

/* Merge turns SQLite's foreign-key enforcement off for its own transaction
 * (it resolves every reference itself; enforcement made large merges
 * quadratic). It must be on again afterwards, whatever happened. */
TEST(exchange_merge_restores_foreign_keys)
{
	struct lf_db *c = fx_demo("fk-c.db", "620921", "金塔县市场监督管理局", "620900", 4);
	struct lf_db *city = fx_unit("fk-city.db", "620900", "市局", "620000", 5);
	struct lf_merge_opts dry = { 1, NULL, NULL };
	struct lf_merge_result r;

	T_IS(fx_pack_up(c, t_path("fk.lfb")), LF_OK, "pack");
	T_IS(lf_merge(city, t_path("fk.lfb"), &dry, &r), LF_OK, "dry run");
	lf_merge_result_free(&r);
	T_IS(fx_count(city, "PRAGMA foreign_keys", NULL), 1, "enforcement on after a dry run");
	t_sh("cp '%s' '%s' && truncate -s 9000 '%s'", t_path("fk.lfb"), t_path("fk-cut.lfb"), t_path("fk-cut.lfb"));
	T_OK(lf_merge(city, t_path("fk-cut.lfb"), NULL, &r) != LF_OK, "a damaged bundle is refused");
	lf_merge_result_free(&r);
	T_IS(fx_count(city, "PRAGMA foreign_keys", NULL), 1, "enforcement on after a refusal");
	T_IS(fx_merge(city, t_path("fk.lfb"), NULL), LF_OK, "merge");
	T_IS(fx_count(city, "PRAGMA foreign_keys", NULL), 1, "enforcement on after a merge");
	T_IS(fx_put(city, "post", NULL, NULL, NULL, "dept", "0123456789abcdef0123456789abcdef", "name", "悬空", NULL),
	     LF_INVALID, "and a dangling reference made here is still refused at commit");
	T_IS(fx_count(city, "SELECT count(*) FROM pragma_foreign_key_check", NULL), 0, "no dangling references");
	lf_db_close(c);
	lf_db_close(city);
}
