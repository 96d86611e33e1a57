/* ui_power: the power catalog (职权目录) — the departments, then the powers
 * of one department with the post that exercises each, then a power's flow
 * chart (ui_flow.c). The lists are the engine's lists of records; a power
 * added under a department belongs to it. */
#include "lianfang/screen.h"
#include "ui_priv.h"

static lf_status power_chart(struct lf_ui *ui, const char *power, void *ctx)
{
	(void)ctx;
	lf_flow_open(ui, power, 0);
	return LF_OK;
}

static lf_status dept_powers(struct lf_ui *ui, const char *dept, void *ctx)
{
	char *name = lf_record_label(lf_ui_ctx(ui)->db, lf_kind_find("dept"), dept);
	char *title = lf_printf("%s的职权", name ? name : "");
	static const char *const cols[] = { "name", "kind", "post", "area", "retired", NULL };
	struct lf_records_opts o = { .filter_field = "dept", .filter_value = dept, .title = title, .sort = "",
		                         .columns = cols, .open = power_chart, .about = "Enter 看职权的流程图" };
	lf_status st;

	(void)ctx;
	st = lf_records_open_with(ui, "power", &o);
	lf_free(name);
	lf_free(title);
	return st;
}

void lf_powers_open(struct lf_ui *ui)
{
	struct lf_records_opts o = { .title = "职权目录", .sort = "", .open = dept_powers,
		                         .about = "Enter 看处室的职权" };

	lf_ui_failed(ui, lf_records_open_with(ui, "dept", &o));
}
