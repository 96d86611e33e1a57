/* Tests of lookup: records by id prefix or by name; several matches are
 * refused with the candidates; a name in use wins over a retired one. */
#include "t.h"
#include "fixture.h"
#include "lianfang/lookup.h"
#include "lianfang/org.h"

#include <string.h>

TEST(lookup_by_name_and_id)
{
	struct lf_person_in in = { "王静", NULL, NULL };
	char gid[33], again[33], prefix[9];
	struct fx f;

	if (!fx_open(&f, "lk.db"))
		return;
	T_STATUS(lf_lookup(f.db, "person", "王静", NULL, NULL, gid), LF_OK, "by name");
	T_OK(!strcmp(gid, f.staff), "the fixture's 王静");
	memcpy(prefix, f.staff, 8);
	prefix[8] = 0;
	T_STATUS(lf_lookup(f.db, "person", prefix, NULL, NULL, gid), LF_OK, "by the 8 digits lists print");
	T_OK(!strcmp(gid, f.staff), "same record");
	T_STATUS(lf_lookup(f.db, "person", "李四", NULL, NULL, gid), LF_NOTFOUND, "an unknown name");
	T_OK(strstr(fx_err(), "找不到人员“李四”") != NULL, "says what: %s", fx_err());
	T_STATUS(lf_lookup(f.db, "post", "受理审查岗", "dept", f.dept, gid), LF_OK, "a post within its department");
	T_STATUS(lf_person_add(f.db, &in, again), LF_OK, "a second 王静");
	T_STATUS(lf_lookup(f.db, "person", "王静", NULL, NULL, gid), LF_INVALID, "two 王静: refused");
	T_OK(strstr(fx_err(), "2 条人员") && strstr(fx_err(), "请用编号"), "lists them and asks for an id: %s", fx_err());
	T_STATUS(lf_person_retire(f.db, f.staff, 1), LF_OK, "the first 王静 leaves");
	T_STATUS(lf_lookup(f.db, "person", "王静", NULL, NULL, gid), LF_OK, "now the name is clear");
	T_OK(!strcmp(gid, again), "the 王静 in use");
	T_STATUS(lf_lookup(f.db, "person", prefix, NULL, NULL, gid), LF_OK, "the retired one still by id");
	T_OK(!lf_lookup_is_id("abc") && lf_lookup_is_id("abcd") && !lf_lookup_is_id("ABCD") && !lf_lookup_is_id("王静"),
	     "ids are 4+ lower-case hex digits");
	fx_close(&f);
}
