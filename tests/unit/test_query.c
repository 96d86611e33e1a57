/* Tests of query: one number from a query, the next position in a list, a
 * column of ids — with the fixture's department, posts and flow chart. */
#include "t.h"
#include "fixture.h"
#include "lianfang/query.h"
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

static const char posts_sql[] =
	"SELECT count(*) FROM post WHERE dept = ?1 AND deleted = 0 AND (?2 IS NULL OR name = ?2)";
static const char seq_sql[] = "SELECT ifnull(max(seq), 0) FROM flow_step WHERE power = ?1 AND deleted = 0";

TEST(query_int_binds_text_and_null)
{
	struct fx f;
	int n = -1;

	if (!fx_open(&f, "qi.db"))
		return;
	T_STATUS(lf_query_int(f.db, posts_sql, f.dept, NULL, NULL, &n), LF_OK, "count");
	T_EQ_INT(n, 2, "the fixture's two posts (NULL binds NULL)");
	T_STATUS(lf_query_int(f.db, posts_sql, f.dept, "受理审查岗", NULL, &n), LF_OK, "count by name");
	T_EQ_INT(n, 1, "one of them");
	T_STATUS(lf_query_int(f.db, "SELECT 7 WHERE 0", NULL, NULL, NULL, &n), LF_OK, "no row");
	T_EQ_INT(n, 0, "is 0");
	T_STATUS(lf_query_int(f.db, "SELECT nosuch FROM post", NULL, NULL, NULL, &n), LF_SQL, "bad SQL says so");
	fx_close(&f);
}

TEST(query_next_seq_follows_the_highest)
{
	struct lf_rec *r;
	struct fx f;
	int seq = 0;

	if (!fx_open(&f, "qs.db"))
		return;
	T_STATUS(lf_query_next_seq(f.db, seq_sql, f.power, NULL, &seq), LF_OK, "next step");
	T_EQ_INT(seq, 4, "after the fixture's three steps");
	T_STATUS(lf_query_next_seq(f.db, seq_sql, "nosuchpower", NULL, &seq), LF_OK, "an empty list");
	T_EQ_INT(seq, 1, "starts at 1");
	T_STATUS(lf_query_next_seq(f.db, "SELECT 9999", NULL, NULL, &seq), LF_OK, "the last position");
	T_EQ_INT(seq, 9999, "stops at 9999");
	r = lf_rec_new(lf_kind_find("flow_step"));
	T_STATUS(lf_query_default_seq(f.db, r, seq_sql, f.power), LF_OK, "a record without seq");
	T_EQ_INT(lf_rec_int(r, "seq"), 4, "gets the next one");
	lf_rec_set_int(r, "seq", 2);
	T_STATUS(lf_query_default_seq(f.db, r, seq_sql, f.power), LF_OK, "a record with seq");
	T_EQ_INT(lf_rec_int(r, "seq"), 2, "keeps it");
	lf_rec_free(r);
	fx_close(&f);
}

TEST(query_gids_reads_a_column)
{
	static const char sql[] = "SELECT gid FROM flow_step WHERE power = ?1 AND deleted = 0 ORDER BY seq, id";
	char (*gids)[LF_GID_LEN + 1] = NULL;
	struct fx f;
	int n = 0;

	if (!fx_open(&f, "qg.db"))
		return;
	T_STATUS(lf_query_gids(f.db, sql, f.power, "读取流程环节失败", &gids, &n), LF_OK, "the steps");
	T_EQ_INT(n, 3, "three of them");
	T_OK(n == 3 && !strcmp(gids[0], f.step[0]) && !strcmp(gids[2], f.step[2]), "in order");
	lf_free(gids);
	T_STATUS(lf_query_gids(f.db, sql, "nosuchpower", "读取流程环节失败", &gids, &n), LF_OK, "none");
	T_EQ_INT(n, 0, "an empty column");
	lf_free(gids);
	fx_close(&f);
}
