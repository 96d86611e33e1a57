/* ui_org: the organisation as the office sees it — departments, then the
 * posts of one department, then the persons on one post — each level the
 * engine's list of records (ui_records.c) filtered by the level above, so a
 * post added under 登记注册科 belongs to it and a person added under a post
 * holds it. Retired ones stay in the lists, dimmed, and in history. */
#include "lianfang/screen.h"
#include "ui_priv.h"

static char *label(struct lf_ui *ui, const char *kind, const char *gid)
{
	char *s = lf_record_label(lf_ui_ctx(ui)->db, lf_kind_find(kind), gid);

	return s ? s : lf_strdup("");
}

lf_status lf_post_persons_open(struct lf_ui *ui, const char *post, void *ctx)
{
	char *name = label(ui, "post", post);
	struct lf_records_opts o = { .filter_field = "post", .filter_value = post, .title = name };
	lf_status st;

	(void)ctx;
	o.add_hint = "a 新建的人员在这个岗位上";
	st = lf_records_open_with(ui, "person", &o);
	lf_free(name);
	return st;
}

static lf_status dept_posts(struct lf_ui *ui, const char *dept, void *ctx)
{
	char *name = label(ui, "dept", dept);
	static const char *const cols[] = { "name", "duties", "retired", NULL };
	struct lf_records_opts o = { .filter_field = "dept", .filter_value = dept, .title = name, .sort = "",
		                         .columns = cols, .open = lf_post_persons_open, .about = "Enter 看岗位上的人员" };
	lf_status st;

	(void)ctx;
	st = lf_records_open_with(ui, "post", &o);
	lf_free(name);
	return st;
}

void lf_org_open(struct lf_ui *ui)
{
	struct lf_records_opts o = { .title = "组织机构", .sort = "", .open = dept_posts,
		                         .about = "Enter 看处室的岗位" };

	lf_ui_failed(ui, lf_records_open_with(ui, "dept", &o));
}

void lf_persons_open(struct lf_ui *ui)
{
	lf_ui_failed(ui, lf_records_open(ui, "person"));
}
