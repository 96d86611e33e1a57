/* Tests of form: the built-in forms, the parser's messages, overrides. */
#include "t.h"
#include "lianfang/form.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

static void collect(void *ctx, const char *msg)
{
	char *buf = ctx;
	size_t n = strlen(buf);

	snprintf(buf + n, 4096 - n, "%s\n", msg);
}

static struct lf_form *parse(const char *text, char *err)
{
	struct lf_form *f = NULL;

	err[0] = 0;
	lf_form_parse("t.form", text, strlen(text), &f, err, 512);
	return f;
}

TEST(form_builtins_all_parse)
{
	char warnings[4096] = "";
	struct lf_formset *set = lf_formset_load(NULL, collect, warnings);
	const struct lf_form *person = lf_formset_get(set, "person");
	const struct lf_form *summary = lf_formset_get(set, "summary");
	const struct lf_form_field *post;

	T_OK(!warnings[0], "no warnings for the built-in forms: %s", warnings);
	T_OK(lf_formset_count(set) >= 14, "%d built-in forms", lf_formset_count(set));
	T_OK(person && person->type == LF_FORM_ENTRY && person->kind == lf_kind_find("person"),
	     "person.form is an entry form for person");
	post = person ? lf_form_field(person, "post") : NULL;
	T_OK(post && post->input == LF_IN_REF && post->ref == lf_kind_find("post") && !post->required,
	     "person.post is an optional reference to a post");
	/* 附件2's eight columns, and 处室 for the whole unit's table (hidden for one department's). */
	T_OK(summary && summary->type == LF_FORM_TABLE && summary->ncolumns == 9, "summary has 9 columns");
	T_OK(summary && !strcmp(summary->columns[0].label, "序号") && !strcmp(summary->columns[8].label, "备注"),
	     "summary columns are those of 附件2");
	T_OK(summary && !strcmp(summary->columns[1].label, "处室") && summary->columns[1].hide_per_dept,
	     "summary's 处室 column is left out per department");
	lf_formset_free(set);
}

TEST(form_defaults_come_from_the_record_kind)
{
	char err[512];
	struct lf_form *f = parse("表单：风险\n记录：risk\n字段：description\n字段：level\n字段：category\n"
	                          "  选项：行政审批 | 财务、资产管理\n", err);
	const struct lf_form_field *d, *l, *c;

	T_OK(f != NULL, "parses: %s", err);
	if (!f)
		return;
	d = lf_form_field(f, "description");
	l = lf_form_field(f, "level");
	c = lf_form_field(f, "category");
	T_EQ_STR(d->label, "风险描述", "label defaults to the kind's");
	T_OK(d->required && d->max == 2000 && d->input == LF_IN_TEXT, "required, 2000 characters, text");
	T_OK(l->input == LF_IN_INT && l->min == 1 && l->max == 3, "level is an integer 1..3");
	T_OK(c->input == LF_IN_CHOICE && c->nchoices == 2 && !strcmp(c->choices[1], "财务、资产管理"),
	     "a '|' list keeps an option containing 、");
	lf_form_free(f);
}

TEST(form_errors_name_file_and_line)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "", "t.form: 文件是空的" },
		{ "记录：person\n", "t.form:1: 文件要以" },
		{ "表单：人员\n记录：person\n字段：name\n  类型：文件\n", "t.form:4: 不认识类型“文件”" },
		{ "表单：人员\n记录：person\n字段：nmae\n", "t.form:3: 人员没有“nmae”这一项" },
		{ "表单：人员\n记录：person\n字段：name\n  必填：否\n", "t.form:3: “姓名”在数据库里必须有值" },
		{ "表单：人员\n记录：person\n字段：name\n  字数：二十\n", "t.form:4: “字数”应为" },
		{ "表单：人员\n记录：person\n字段：name\n这一行没有冒号\n", "t.form:4: 应写成“名称：内容”" },
		{ "表单：人员\n记录：person\n字段：name\n记录：post\n", "t.form:4: “记录”不能写在这里" },
		{ "表单：人员\n记录：人口\n", "t.form:2: 不认识记录类型“人口”" },
		{ "表单：人员\n记录：person\n字段：post\n  类型：引用 处室\n", "t.form:3: “岗位”引用的是岗位，不是处室" },
		{ "表单：人员\n记录：person\n字段：name\n  类型：文本\n  选项：a、b\n", "t.form:3: “姓名”不是选项类型" },
		{ "表单：风险\n记录：risk\n字段：description\n字段：probability\n  类型：选项\n  选项：1、9\n",
		  "t.form:4: “发生概率”的选项“9”应为 1–5 的整数" },
		{ "表格：汇总\n列：序号\n", "t.form: 表格要写“数据：”" },
		{ "表格：汇总\n数据：summary\n列：序号\n", "t.form:3: 列“序号”没有写“来源：”" },
		{ "表单：人员\n记录：person\n字段：name\n\xff\n", "t.form: 第 47 个字节起不是有效的 UTF-8" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char err[512];
		struct lf_form *f = parse(cases[i].text, err);

		T_OK(!f && strstr(err, cases[i].want), "case %zu: “%s” contains “%s”", i, err, cases[i].want);
		lf_form_free(f);
	}
}

TEST(form_override_and_fallback)
{
	char warnings[4096] = "";
	struct lf_formset *set;
	const struct lf_form *person, *post;

	t_sh("mkdir -p '%s'", t_path("forms"));
	t_sh("printf '表单：职工\\n记录：person\\n字段：name\\n  标签：职工姓名\\n  帮助：本单位改过的帮助\\n' > '%s'",
	     t_path("forms/person.form"));
	t_sh("printf '表单：岗位\\n记录：post\\n字段：名字\\n' > '%s'", t_path("forms/post.form"));
	set = lf_formset_load(t_path("forms"), collect, warnings);
	person = lf_formset_get(set, "person");
	post = lf_formset_get(set, "post");
	T_OK(person && !strcmp(person->title, "职工") && !strcmp(person->fields[0].label, "职工姓名"),
	     "a good override replaces the built-in form");
	T_OK(person && strstr(person->origin, "forms/person.form"), "origin names the file: %s",
	     person ? person->origin : "");
	T_OK(post && !strcmp(post->origin, "内置") && post->nfields == 5, "a bad override falls back to the built-in");
	T_OK(strstr(warnings, "forms/post.form:3: 岗位没有“名字”这一项") && strstr(warnings, "使用内置的“岗位”"),
	     "the warning names file and line: %s", warnings);
	lf_formset_free(set);
	warnings[0] = 0;
	set = lf_formset_load(t_path("no-such-dir"), collect, warnings);
	T_OK(strstr(warnings, "不存在") && lf_formset_get(set, "person"), "a missing directory is reported, built-ins used");
	lf_formset_free(set);
}
