/* Tests of the table-form keys added for exports: 合并, 隐藏, 签字. */
#include "t.h"
#include "lianfang/form.h"
#include "lianfang/util.h"

#include <string.h>

static struct lf_form *parse(const char *text, char *err)
{
	struct lf_form *f = NULL;

	err[0] = 0;
	lf_form_parse("t.form", text, strlen(text), &f, err, 512);
	return f;
}

TEST(form_table_merge_hide_and_sign)
{
	char err[512];
	struct lf_form *f = parse("表格：表\n数据：summary\n表尾：负责人意见：{opinion.纪检组}\n签字：{signer.纪检组}\n"
	                          "表尾：注：另附纸\n列：处室\n  来源：dept\n  合并：是\n  隐藏：按处室\n列：风险\n  来源：risk\n",
	                          err);

	if (!T_OK(f != NULL, "parses: %s", err))
		return;
	T_OK(f->columns[0].merge && f->columns[0].hide_per_dept, "合并 and 隐藏：按处室 are read");
	T_OK(!f->columns[1].merge && !f->columns[1].hide_per_dept, "and default to no");
	T_EQ_STR(f->footer_sign[0], "签字：{signer.纪检组}", "签字 belongs to the footer above it");
	T_OK(f->footer_sign[1] == NULL, "a footer without 签字 has none");
	lf_form_free(f);
}

TEST(form_table_new_keys_explain_mistakes)
{
	char err[512];

	T_OK(!parse("表格：表\n数据：summary\n签字：x\n列：a\n  来源：risk\n", err) &&
	     strstr(err, "t.form:3:") && strstr(err, "紧跟在一行“表尾”之后"), "签字 without a 表尾: %s", err);
	T_OK(!parse("表格：表\n数据：summary\n表尾：a\n签字：x\n签字：y\n列：a\n  来源：risk\n", err) &&
	     strstr(err, "t.form:5:") && strstr(err, "已经有“签字”"), "two 签字: %s", err);
	T_OK(!parse("表格：表\n数据：summary\n列：a\n  来源：risk\n  隐藏：总是\n", err) &&
	     strstr(err, "t.form:5:") && strstr(err, "按处室"), "隐藏 with a wrong value: %s", err);
	T_OK(!parse("表格：表\n数据：summary\n列：a\n  来源：risk\n  合并：也许\n", err) &&
	     strstr(err, "“合并”应为“是”或“否”"), "合并 with a wrong value: %s", err);
	T_OK(!parse("表单：人员\n记录：person\n字段：name\n  合并：是\n", err) && strstr(err, "不能写在这里"),
	     "合并 is for table columns only: %s", err);
}

TEST(form_table_builtin_exports_all_load)
{
	static const char *const ids[] = { "summary", "selfcheck_table", "register_unit", "register_dept",
	                                   "register_person", "power_table", "risk_register" };
	struct lf_formset *set = lf_formset_load(NULL, NULL, NULL);
	size_t i;

	for (i = 0; i < LF_COUNT(ids); i++) {
		const struct lf_form *f = lf_formset_get(set, ids[i]);

		T_OK(f && f->type == LF_FORM_TABLE && f->ncolumns > 0, "%s is a built-in table", ids[i]);
	}
	lf_formset_free(set);
}
