/* form: parsing the files in forms/ and the set of forms a run uses
 * (include/lianfang/form.h; the format is described in forms/README).
 *
 * A file is lines of "名称：内容" (full-width or ASCII colon); '#' starts a
 * comment line. Keys before the first 字段/列 describe the form; a 字段 or
 * 列 line starts a field or column and the keys after it describe that. */
#include "lianfang/form.h"
#include "lianfang/embedded.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FORM_FILE (1 << 20)

enum key {
	K_FORM, K_TABLE, K_KIND, K_SOURCE, K_HELP, K_HEADER, K_FOOTER, K_PER_PAGE, K_PAPER,
	K_FIELD, K_COLUMN,
	K_LABEL, K_TYPE, K_REQUIRED, K_MAX, K_RANGE, K_WIDTH, K_READONLY, K_CHOICES, K_DEFAULT,
	K_ALIGN, K_WRAP, K_MERGE, K_HIDE, K_SIGN,
};

enum where { IN_FORM = 1, IN_FIELD = 2, IN_COLUMN = 4 };

static const struct {
	const char *zh, *en;
	enum key key;
	int where;
} keys[] = {
	{ "表单", "form", K_FORM, IN_FORM },
	{ "表格", "table", K_TABLE, IN_FORM },
	{ "记录", "record", K_KIND, IN_FORM },
	{ "数据", "data", K_SOURCE, IN_FORM },
	{ "说明", "about", K_HELP, IN_FORM },
	{ "表头", "header", K_HEADER, IN_FORM },
	{ "表尾", "footer", K_FOOTER, IN_FORM },
	{ "每页", "per-page", K_PER_PAGE, IN_FORM },
	{ "纸张", "paper", K_PAPER, IN_FORM },
	{ "字段", "field", K_FIELD, IN_FORM | IN_FIELD | IN_COLUMN },
	{ "列", "column", K_COLUMN, IN_FORM | IN_FIELD | IN_COLUMN },
	{ "标签", "label", K_LABEL, IN_FIELD },
	{ "类型", "type", K_TYPE, IN_FIELD },
	{ "必填", "required", K_REQUIRED, IN_FIELD },
	{ "字数", "max", K_MAX, IN_FIELD },
	{ "范围", "range", K_RANGE, IN_FIELD },
	{ "宽度", "width", K_WIDTH, IN_FIELD | IN_COLUMN },
	{ "只读", "readonly", K_READONLY, IN_FIELD },
	{ "帮助", "help", K_HELP, IN_FIELD },
	{ "选项", "choices", K_CHOICES, IN_FIELD },
	{ "默认", "default", K_DEFAULT, IN_FIELD },
	{ "来源", "source", K_SOURCE, IN_COLUMN },
	{ "对齐", "align", K_ALIGN, IN_COLUMN },
	{ "换行", "wrap", K_WRAP, IN_COLUMN },
	{ "合并", "merge", K_MERGE, IN_COLUMN },
	{ "隐藏", "hide", K_HIDE, IN_COLUMN },
	{ "签字", "sign", K_SIGN, IN_FORM },
};

static const struct {
	const char *zh, *en;
	enum lf_input input;
} types[] = {
	{ "文本", "text", LF_IN_TEXT },
	{ "多行", "multiline", LF_IN_MULTILINE },
	{ "日期", "date", LF_IN_DATE },
	{ "整数", "integer", LF_IN_INT },
	{ "选项", "choice", LF_IN_CHOICE },
	{ "引用", "ref", LF_IN_REF },
	{ "是否", "bool", LF_IN_BOOL },
};

struct parser {
	struct lf_form *f;
	const char *name;
	int line;
	enum where where;
	char *err;
	size_t errlen;
};

static lf_status perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static lf_status perr(struct parser *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (p->line)
		snprintf(p->err, p->errlen, "%s:%d: %s", p->name, p->line, msg);
	else
		snprintf(p->err, p->errlen, "%s: %s", p->name, msg);
	return LF_INVALID;
}

/* Trim ASCII blanks and the ideographic space U+3000 from both ends. */
static char *trim(char *s)
{
	char *e;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		else if (e - s >= 3 && !strncmp(e - 3, "\xe3\x80\x80", 3))
			e -= 3;
		else
			break;
	}
	*e = 0;
	return s;
}

static int parse_bool(const char *v, int *out)
{
	static const char *const yes[] = { "是", "yes", "true", "1" }, *const no[] = { "否", "no", "false", "0" };
	size_t i;

	for (i = 0; i < LF_COUNT(yes); i++) {
		if (!strcmp(v, yes[i]))
			return *out = 1, 0;
		if (!strcmp(v, no[i]))
			return *out = 0, 0;
	}
	return -1;
}

static int parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (!*v || *end || n < lo || n > hi)
		return -1;
	*out = (int)n;
	return 0;
}

static void append_text(char **dst, const char *v)
{
	char *old = *dst;

	*dst = old ? lf_printf("%s\n%s", old, v) : lf_strdup(v);
	lf_free(old);
}

static void append_list(char ***list, int *n, const char *v)
{
	*list = lf_realloc(*list, (size_t)(*n + 1) * sizeof **list);
	(*list)[(*n)++] = lf_strdup(v);
}

/* 选项 values: separated by "|" when the line has one (so an option may
 * itself contain 、), otherwise by 、 ， , ； or ;. */
static lf_status add_choices(struct parser *p, struct lf_form_field *fd, const char *v)
{
	static const char *const bar[] = { "|" }, *const soft[] = { "、", "，", ",", "；", ";" };
	const char *const *seps = strchr(v, '|') ? bar : soft;
	size_t nseps = strchr(v, '|') ? LF_COUNT(bar) : LF_COUNT(soft);
	char *copy = lf_strdup(v), *s = copy;

	while (*s) {
		char *cut = NULL, *item;
		size_t i, seplen = 0;

		for (i = 0; i < nseps; i++) {
			char *at = strstr(s, seps[i]);

			if (at && (!cut || at < cut))
				cut = at, seplen = strlen(seps[i]);
		}
		if (cut)
			*cut = 0;
		item = trim(s);
		if (*item) {
			int k;

			for (k = 0; k < fd->nchoices; k++)
				if (!strcmp(fd->choices[k], item)) {
					lf_free(copy);
					return perr(p, "选项“%s”重复了。", item);
				}
			append_list(&fd->choices, &fd->nchoices, item);
		}
		if (!cut)
			break;
		s = cut + seplen;
	}
	lf_free(copy);
	return LF_OK;
}

static const struct lf_kind *kind_by_name_or_label(const char *v)
{
	int i;

	for (i = 0; i < lf_nkinds; i++)
		if (!strcmp(lf_kinds[i].name, v) || !strcmp(lf_kinds[i].label, v))
			return &lf_kinds[i];
	return NULL;
}

static lf_status parse_type(struct parser *p, struct lf_form_field *fd, const char *v)
{
	size_t i;

	for (i = 0; i < LF_COUNT(types); i++) {
		size_t n = strlen(types[i].zh), m = strlen(types[i].en);
		const char *rest = NULL;

		if (!strncmp(v, types[i].zh, n))
			rest = v + n;
		else if (!strncmp(v, types[i].en, m))
			rest = v + m;
		if (!rest || (*rest && *rest != ' ' && types[i].input != LF_IN_REF))
			continue;
		fd->input = types[i].input;
		while (*rest == ' ')
			rest++;
		if (fd->input == LF_IN_REF) {
			if (!*rest)
				return perr(p, "“引用”后面要写引用什么，如“引用 人员”。");
			if (!(fd->ref = kind_by_name_or_label(rest)))
				return perr(p, "不认识要引用的“%s”。", rest);
		} else if (*rest) {
			return perr(p, "类型“%s”后面不应有其他内容。", types[i].zh);
		}
		return LF_OK;
	}
	return perr(p, "不认识类型“%s”：应为 文本、多行、日期、整数、选项、是否 或 引用 某类记录。", v);
}

static struct lf_form_field *cur_field(struct parser *p)
{
	return &p->f->fields[p->f->nfields - 1];
}

static struct lf_form_column *cur_column(struct parser *p)
{
	return &p->f->columns[p->f->ncolumns - 1];
}

static lf_status set_field_key(struct parser *p, enum key k, const char *v)
{
	struct lf_form_field *fd = cur_field(p);
	int lo, hi;

	switch (k) {
	case K_LABEL:
		lf_free(fd->label);
		fd->label = lf_strdup(v);
		return LF_OK;
	case K_TYPE:
		return parse_type(p, fd, v);
	case K_REQUIRED:
		return parse_bool(v, &fd->required) ? perr(p, "“必填”应为“是”或“否”。") : LF_OK;
	case K_READONLY:
		return parse_bool(v, &fd->readonly) ? perr(p, "“只读”应为“是”或“否”。") : LF_OK;
	case K_MAX:
		return parse_int(v, 1, 200000, &fd->max) ? perr(p, "“字数”应为 1 到 200000 的整数。") : LF_OK;
	case K_WIDTH:
		return parse_int(v, 1, 200, &fd->width) ? perr(p, "“宽度”应为 1 到 200 的整数。") : LF_OK;
	case K_RANGE:
		if (sscanf(v, "%d-%d", &lo, &hi) != 2 || lo > hi)
			return perr(p, "“范围”应写成“最小-最大”，如“1-5”。");
		fd->min = lo, fd->max = hi;
		return LF_OK;
	case K_HELP:
		append_text(&fd->help, v);
		return LF_OK;
	case K_CHOICES:
		return add_choices(p, fd, v);
	case K_DEFAULT:
		lf_free(fd->def);
		fd->def = lf_strdup(v);
		return LF_OK;
	default:
		return LF_INTERNAL;
	}
}

static lf_status set_column_key(struct parser *p, enum key k, const char *v)
{
	struct lf_form_column *c = cur_column(p);

	switch (k) {
	case K_SOURCE:
		lf_free(c->source);
		c->source = lf_strdup(v);
		return LF_OK;
	case K_WIDTH:
		return parse_int(v, 1, 200, &c->width) ? perr(p, "“宽度”应为 1 到 200 的整数。") : LF_OK;
	case K_ALIGN:
		if (!strcmp(v, "左") || !strcmp(v, "left"))
			c->align = LF_ALIGN_LEFT;
		else if (!strcmp(v, "中") || !strcmp(v, "center"))
			c->align = LF_ALIGN_CENTER;
		else if (!strcmp(v, "右") || !strcmp(v, "right"))
			c->align = LF_ALIGN_RIGHT;
		else
			return perr(p, "“对齐”应为 左、中 或 右。");
		return LF_OK;
	case K_WRAP:
		return parse_bool(v, &c->wrap) ? perr(p, "“换行”应为“是”或“否”。") : LF_OK;
	case K_MERGE:
		return parse_bool(v, &c->merge) ? perr(p, "“合并”应为“是”或“否”。") : LF_OK;
	case K_HIDE:
		if (!strcmp(v, "按处室") || !strcmp(v, "per-dept"))
			c->hide_per_dept = 1;
		else if (!strcmp(v, "否") || !strcmp(v, "no"))
			c->hide_per_dept = 0;
		else
			return perr(p, "“隐藏”应为“按处室”（只导出一个处室时不显示这一列）或“否”。");
		return LF_OK;
	default:
		return LF_INTERNAL;
	}
}

static lf_status set_form_key(struct parser *p, enum key k, const char *v)
{
	struct lf_form *f = p->f;

	switch (k) {
	case K_FORM:
	case K_TABLE:
		if (f->title)
			return perr(p, "一个文件只能定义一个表单或表格。");
		f->title = lf_strdup(v);
		f->type = k == K_FORM ? LF_FORM_ENTRY : LF_FORM_TABLE;
		return LF_OK;
	case K_KIND:
		if (!(f->kind = kind_by_name_or_label(v)))
			return perr(p, "不认识记录类型“%s”。", v);
		return LF_OK;
	case K_SOURCE:
		lf_free(f->source);
		f->source = lf_strdup(v);
		return LF_OK;
	case K_HELP:
		append_text(&f->help, v);
		return LF_OK;
	case K_HEADER:
		append_list(&f->header, &f->nheader, v);
		return LF_OK;
	case K_FOOTER:
		append_list(&f->footer, &f->nfooter, v);
		f->footer_sign = lf_realloc(f->footer_sign, (size_t)f->nfooter * sizeof *f->footer_sign);
		f->footer_sign[f->nfooter - 1] = NULL;
		return LF_OK;
	case K_SIGN:
		if (f->type != LF_FORM_TABLE || !f->nfooter)
			return perr(p, "“签字”要紧跟在一行“表尾”之后，表示这段意见下面的签字行。");
		if (f->footer_sign[f->nfooter - 1])
			return perr(p, "这行“表尾”已经有“签字”了。");
		f->footer_sign[f->nfooter - 1] = lf_printf("签字：%s", v);
		return LF_OK;
	case K_PER_PAGE:
		return parse_int(v, 1, 1000, &f->per_page) ? perr(p, "“每页”应为 1 到 1000 的整数。") : LF_OK;
	case K_PAPER:
		if (!strcmp(v, "横向") || !strcmp(v, "landscape"))
			f->landscape = 1;
		else if (!strcmp(v, "纵向") || !strcmp(v, "portrait"))
			f->landscape = 0;
		else
			return perr(p, "“纸张”应为“横向”或“纵向”。");
		return LF_OK;
	default:
		return LF_INTERNAL;
	}
}

static lf_status start_section(struct parser *p, enum key k, const char *v)
{
	struct lf_form *f = p->f;

	if (!f->title)
		return perr(p, "文件要以“表单：标题”或“表格：标题”开头。");
	if (!*v)
		return perr(p, "“%s”后面要写名称。", k == K_FIELD ? "字段" : "列");
	if (k == K_FIELD) {
		struct lf_form_field *fd;

		if (f->type != LF_FORM_ENTRY)
			return perr(p, "表格里用“列”，不用“字段”。");
		f->fields = lf_realloc(f->fields, (size_t)(f->nfields + 1) * sizeof *f->fields);
		fd = &f->fields[f->nfields++];
		memset(fd, 0, sizeof *fd);
		fd->name = lf_strdup(v);
		fd->input = -1;
		fd->required = -1;
		fd->line = p->line;
		p->where = IN_FIELD;
	} else {
		struct lf_form_column *c;

		if (f->type != LF_FORM_TABLE)
			return perr(p, "表单里用“字段”，不用“列”。");
		f->columns = lf_realloc(f->columns, (size_t)(f->ncolumns + 1) * sizeof *f->columns);
		c = &f->columns[f->ncolumns++];
		memset(c, 0, sizeof *c);
		c->label = lf_strdup(v);
		c->wrap = 1;
		c->line = p->line;
		p->where = IN_COLUMN;
	}
	return LF_OK;
}

static lf_status parse_line(struct parser *p, char *line)
{
	char *s = trim(line), *colon, *ascii, *key, *value;
	size_t i;

	if (!*s || *s == '#')
		return LF_OK;
	colon = strstr(s, "：");
	ascii = strchr(s, ':');
	if (ascii && (!colon || ascii < colon)) {
		*ascii = 0;
		value = ascii + 1;
	} else if (colon) {
		*colon = 0;
		value = colon + 3;
	} else {
		return perr(p, "应写成“名称：内容”（冒号前是名称，如“标签：姓名”）。");
	}
	key = trim(s);
	value = trim(value);
	for (i = 0; i < LF_COUNT(keys); i++) {
		if (strcmp(key, keys[i].zh) && strcmp(key, keys[i].en))
			continue;
		if (!(keys[i].where & p->where))
			return perr(p, "“%s”不能写在这里（%s）。", key,
			            p->where == IN_FORM ? "它属于某个字段或列，要写在“字段：”或“列：”之后"
			                                : "它属于整个表单，要写在第一个“字段：”或“列：”之前");
		if (keys[i].key == K_FIELD || keys[i].key == K_COLUMN)
			return start_section(p, keys[i].key, value);
		if (!*value)
			return perr(p, "“%s”后面没有内容。", key);
		if (p->where == IN_FIELD)
			return set_field_key(p, keys[i].key, value);
		if (p->where == IN_COLUMN)
			return set_column_key(p, keys[i].key, value);
		if (!p->f->title && keys[i].key != K_FORM && keys[i].key != K_TABLE)
			return perr(p, "文件要以“表单：标题”或“表格：标题”开头。");
		return set_form_key(p, keys[i].key, value);
	}
	return perr(p, "不认识“%s”。", key);
}

static int choice_allowed(const char *list, const char *v)
{
	size_t n = strlen(v);
	const char *s = list;

	while (s) {
		const char *bar = strchr(s, '|');
		size_t len = bar ? (size_t)(bar - s) : strlen(s);

		if (len == n && !strncmp(s, v, n))
			return 1;
		s = bar ? bar + 1 : NULL;
	}
	return 0;
}

static enum lf_input default_input(const struct lf_field *d)
{
	switch (d->type) {
	case LF_F_INT: return LF_IN_INT;
	case LF_F_DATE: return LF_IN_DATE;
	case LF_F_REF: return LF_IN_REF;
	case LF_F_BOOL: return LF_IN_BOOL;
	default: return d->choices ? LF_IN_CHOICE : LF_IN_TEXT;
	}
}

/* An entry field against the column it fills. */
static lf_status check_field(struct parser *p, struct lf_form_field *fd)
{
	const struct lf_kind *k = p->f->kind;
	int idx = lf_field_index(k, fd->name), j;
	const struct lf_field *d;

	p->line = fd->line;
	if (idx < 0)
		return perr(p, "%s没有“%s”这一项。", k->label, fd->name);
	d = &k->fields[idx];
	for (j = 0; j < p->f->nfields && &p->f->fields[j] != fd; j++)
		if (!strcmp(p->f->fields[j].name, fd->name))
			return perr(p, "字段“%s”重复了。", fd->name);
	if (!fd->label)
		fd->label = lf_strdup(d->label);
	if ((int)fd->input == -1)
		fd->input = fd->nchoices ? LF_IN_CHOICE : default_input(d);
	if (fd->required == -1)
		fd->required = d->required && !fd->readonly;
	if (d->required && !fd->required && !fd->readonly && d->type != LF_F_BOOL)
		return perr(p, "“%s”在数据库里必须有值，这里也要写“必填：是”。", fd->label);
	switch (fd->input) {
	case LF_IN_TEXT:
	case LF_IN_MULTILINE:
		if (d->type != LF_F_TEXT && d->type != LF_F_CODE)
			return perr(p, "“%s”不是文字，不能用文本输入。", fd->label);
		if (!fd->max || fd->max > d->max)
			fd->max = d->max;
		break;
	case LF_IN_DATE:
		if (d->type != LF_F_DATE)
			return perr(p, "“%s”不是日期。", fd->label);
		break;
	case LF_IN_INT:
		if (d->type != LF_F_INT)
			return perr(p, "“%s”不是整数。", fd->label);
		if (!fd->max && !fd->min)
			fd->min = d->min, fd->max = d->max;
		if (fd->min < d->min || fd->max > d->max)
			return perr(p, "“%s”的范围超出了 %d–%d。", fd->label, d->min, d->max);
		break;
	case LF_IN_BOOL:
		if (d->type != LF_F_BOOL)
			return perr(p, "“%s”不是“是否”。", fd->label);
		break;
	case LF_IN_REF:
		if (d->type != LF_F_REF)
			return perr(p, "“%s”不是对其他记录的引用。", fd->label);
		if (!fd->ref)
			fd->ref = lf_kind_find(d->ref);
		if (strcmp(fd->ref->name, d->ref))
			return perr(p, "“%s”引用的是%s，不是%s。", fd->label, lf_kind_find(d->ref)->label,
			            fd->ref->label);
		break;
	case LF_IN_CHOICE:
		if (d->type == LF_F_INT) {
			for (j = 0; j < fd->nchoices; j++) {
				int v;

				if (parse_int(fd->choices[j], d->min, d->max, &v))
					return perr(p, "“%s”的选项“%s”应为 %d–%d 的整数。", fd->label, fd->choices[j],
					            d->min, d->max);
			}
		} else if (d->type != LF_F_TEXT) {
			return perr(p, "“%s”不能用选项输入。", fd->label);
		}
		if (!fd->nchoices && d->choices)
			add_choices(p, fd, d->choices);
		if (!fd->nchoices)
			return perr(p, "“%s”是选项，但没有写“选项：”。", fd->label);
		for (j = 0; d->choices && j < fd->nchoices; j++)
			if (!choice_allowed(d->choices, fd->choices[j]))
				return perr(p, "“%s”不能有选项“%s”（只能是 %s 中的）。", fd->label, fd->choices[j],
				            d->choices);
		if (!fd->max)
			fd->max = d->max;
		break;
	}
	if (fd->input != LF_IN_CHOICE && fd->nchoices)
		return perr(p, "“%s”不是选项类型，不能写“选项”。", fd->label);
	return LF_OK;
}

static lf_status check_form(struct parser *p)
{
	struct lf_form *f = p->f;
	lf_status st;
	int i;

	if (!f->title)
		return perr(p, "文件是空的：要以“表单：标题”或“表格：标题”开头。");
	if (f->type == LF_FORM_ENTRY) {
		if (!f->kind)
			return perr(p, "表单要写“记录：”，说明它填的是哪类记录。");
		if (!f->nfields)
			return perr(p, "表单至少要有一个“字段：”。");
		for (i = 0; i < f->nfields; i++)
			if ((st = check_field(p, &f->fields[i])))
				return st;
	} else {
		if (!f->source)
			return perr(p, "表格要写“数据：”，说明数据从哪里来。");
		if (!f->ncolumns)
			return perr(p, "表格至少要有一个“列：”。");
		for (i = 0; i < f->ncolumns; i++)
			if (!f->columns[i].source) {
				p->line = f->columns[i].line;
				return perr(p, "列“%s”没有写“来源：”。", f->columns[i].label);
			}
	}
	return LF_OK;
}

static char *base_id(const char *name)
{
	const char *slash = strrchr(name, '/'), *b = slash ? slash + 1 : name;
	size_t n = strlen(b);

	if (n > 5 && !strcmp(b + n - 5, ".form"))
		n -= 5;
	return lf_strndup(b, n);
}

lf_status lf_form_parse(const char *name, const char *text, size_t len, struct lf_form **out,
                        char *err, size_t errlen)
{
	struct parser p = { NULL, name, 0, IN_FORM, err, errlen };
	char *copy, *line, *next;
	lf_status st = LF_OK;

	*out = NULL;
	if (lf_utf8_valid(text, len) != len)
		return perr(&p, "第 %zu 个字节起不是有效的 UTF-8：表单文件要用 UTF-8 保存。",
		            lf_utf8_valid(text, len) + 1);
	if (memchr(text, 0, len))
		return perr(&p, "文件中有零字节，不是文本文件。");
	p.f = lf_alloc(sizeof *p.f);
	p.f->id = base_id(name);
	copy = lf_strndup(text, len);
	line = copy;
	if (!strncmp(line, "\xef\xbb\xbf", 3))
		line += 3; /* a BOM from Windows editors */
	for (; line && st == LF_OK; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		p.line++;
		st = parse_line(&p, line);
	}
	lf_free(copy);
	if (st == LF_OK) {
		p.line = 0;
		st = check_form(&p);
	}
	if (st) {
		lf_form_free(p.f);
		return st;
	}
	*out = p.f;
	return LF_OK;
}

void lf_form_free(struct lf_form *f)
{
	int i, j;

	if (!f)
		return;
	for (i = 0; i < f->nfields; i++) {
		struct lf_form_field *fd = &f->fields[i];

		lf_free(fd->name);
		lf_free(fd->label);
		lf_free(fd->help);
		lf_free(fd->def);
		for (j = 0; j < fd->nchoices; j++)
			lf_free(fd->choices[j]);
		lf_free(fd->choices);
	}
	for (i = 0; i < f->ncolumns; i++) {
		lf_free(f->columns[i].label);
		lf_free(f->columns[i].source);
	}
	for (i = 0; i < f->nheader; i++)
		lf_free(f->header[i]);
	for (i = 0; i < f->nfooter; i++) {
		lf_free(f->footer[i]);
		lf_free(f->footer_sign[i]);
	}
	lf_free(f->header);
	lf_free(f->footer);
	lf_free(f->footer_sign);
	lf_free(f->fields);
	lf_free(f->columns);
	lf_free(f->id);
	lf_free(f->origin);
	lf_free(f->title);
	lf_free(f->source);
	lf_free(f->help);
	lf_free(f);
}

const struct lf_form_field *lf_form_field(const struct lf_form *f, const char *name)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (!strcmp(f->fields[i].name, name))
			return &f->fields[i];
	return NULL;
}

/* ------------------------------------------------------------------ the set */

struct lf_formset {
	struct lf_form **forms;
	int n;
};

static char *read_small_file(const char *path, size_t *len, char *err, size_t errlen)
{
	struct stat sb;
	FILE *fp;
	char *buf;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s: 不是普通文件。", path);
		return NULL;
	}
	if (sb.st_size > MAX_FORM_FILE) {
		snprintf(err, errlen, "%s: 文件太大（超过 1 MB），不像表单定义。", path);
		return NULL;
	}
	if (!(fp = fopen(path, "rb"))) {
		snprintf(err, errlen, "%s: 无法读取。", path);
		return NULL;
	}
	buf = lf_alloc((size_t)sb.st_size + 1);
	*len = fread(buf, 1, (size_t)sb.st_size, fp);
	fclose(fp);
	return buf;
}

static void warn(lf_form_warn_fn fn, void *ctx, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void warn(lf_form_warn_fn fn, void *ctx, const char *fmt, ...)
{
	char msg[1200];
	va_list ap;

	if (!fn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fn(ctx, msg);
}

/* Replace a built-in form by dir/<id>.form when that exists and parses. */
static void override_from(struct lf_formset *set, int i, const char *dir, lf_form_warn_fn fn, void *ctx)
{
	char *path = lf_printf("%s/%s.form", dir, set->forms[i]->id), err[1024];
	struct lf_form *f;
	struct stat sb;
	size_t len = 0;
	char *text;

	if (stat(path, &sb) != 0) {
		lf_free(path);
		return;
	}
	if (!(text = read_small_file(path, &len, err, sizeof err))) {
		warn(fn, ctx, "%s 使用内置的“%s”。", err, set->forms[i]->title);
	} else if (lf_form_parse(path, text, len, &f, err, sizeof err) != LF_OK) {
		warn(fn, ctx, "%s（使用内置的“%s”）", err, set->forms[i]->title);
	} else if (f->type != set->forms[i]->type ||
	           (f->type == LF_FORM_ENTRY && f->kind != set->forms[i]->kind)) {
		warn(fn, ctx, "%s: 与内置的“%s”不是同一类表单（记录类型不同），使用内置的。", path,
		     set->forms[i]->title);
		lf_form_free(f);
	} else {
		f->origin = lf_strdup(path);
		lf_form_free(set->forms[i]);
		set->forms[i] = f;
	}
	lf_free(text);
	lf_free(path);
}

struct lf_formset *lf_formset_load(const char *dir, lf_form_warn_fn fn, void *ctx)
{
	struct lf_formset *set = lf_alloc(sizeof *set);
	const struct lf_embedded *e;
	int i;

	if (!dir || !*dir)
		dir = getenv("LIANFANG_FORMS");
	for (e = lf_embedded; e->name; e++) {
		size_t n = strlen(e->name);
		struct lf_form *f;
		char err[1024];

		if (strncmp(e->name, "forms/", 6) || n < 11 || strcmp(e->name + n - 5, ".form"))
			continue;
		if (lf_form_parse(e->name, e->data, e->len, &f, err, sizeof err) != LF_OK) {
			warn(fn, ctx, "内置表单有误：%s", err);
			continue;
		}
		f->origin = lf_strdup("内置");
		set->forms = lf_realloc(set->forms, (size_t)(set->n + 1) * sizeof *set->forms);
		set->forms[set->n++] = f;
	}
	if (dir && *dir) {
		struct stat sb;

		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
			warn(fn, ctx, "表单目录 %s 不存在，使用内置表单。", dir);
		else
			for (i = 0; i < set->n; i++)
				override_from(set, i, dir, fn, ctx);
	}
	return set;
}

void lf_formset_free(struct lf_formset *set)
{
	int i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++)
		lf_form_free(set->forms[i]);
	lf_free(set->forms);
	lf_free(set);
}

const struct lf_form *lf_formset_get(const struct lf_formset *set, const char *id)
{
	int i;

	for (i = 0; i < set->n; i++)
		if (!strcmp(set->forms[i]->id, id))
			return set->forms[i];
	return NULL;
}

int lf_formset_count(const struct lf_formset *set)
{
	return set->n;
}

const struct lf_form *lf_formset_at(const struct lf_formset *set, int i)
{
	return i >= 0 && i < set->n ? set->forms[i] : NULL;
}
