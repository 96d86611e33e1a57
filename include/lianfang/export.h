/* export: an official table — a table form from forms/ filled from its data
 * source (export_data.h) — written as a spreadsheet (.xlsx, libxlsxwriter),
 * as CSV (RFC 4180) or as printable text, in UTF-8 (with or without BOM),
 * GBK or GB18030.
 *
 * Every text is checked against the encoding before anything is written;
 * each character it cannot hold is reported with the row, the column and the
 * code point, and the export stops unless the caller asked for a visible
 * substitution. The file is written under a temporary name and renamed into
 * place, so it appears whole or not at all. */
#ifndef LIANFANG_EXPORT_H
#define LIANFANG_EXPORT_H

#include <stddef.h>
#include "lianfang/encoding.h"
#include "lianfang/export_data.h"
#include "lianfang/form.h"

enum lf_xformat { LF_XFMT_XLSX, LF_XFMT_CSV, LF_XFMT_TXT };

/* "xlsx", "csv", "txt" (or "text"). 0, or -1. */
int lf_xformat_parse(const char *name, enum lf_xformat *out);
/* From a file name's extension. 0, or -1 when it has none we know. */
int lf_xformat_from_path(const char *path, enum lf_xformat *out);

/* Where a character the encoding cannot hold was found. */
enum lf_xpart { LF_XP_TITLE, LF_XP_HEADER, LF_XP_COLUMNS, LF_XP_ROW, LF_XP_FOOTER };

struct lf_xproblem {
	int doc;                /* 1-based document (one per self-check form, …) */
	const char *doc_name;   /* the person or department of that document, or "" */
	enum lf_xpart part;
	long row;               /* LF_XP_ROW: the data row, 1-based; HEADER, FOOTER: the line */
	const char *column;     /* LF_XP_ROW, LF_XP_COLUMNS: the column's label */
	const char *text;       /* the whole field */
	long index;             /* the character's position in it, 1-based */
	unsigned cp;            /* the character */
	int replaced;           /* written as [U+XXXX] */
	const char *encoding;   /* "GBK" */
};

/* The report line for one problem, e.g.
 * 第 3 行“姓名”列“王䶮”的第 2 个字“䶮”（U+4DAE）：GBK 中没有这个字 */
void lf_xproblem_text(const struct lf_xproblem *p, char *buf, size_t len);

struct lf_export_opts {
	enum lf_xformat format;
	enum lf_encoding encoding;  /* CSV and text; a spreadsheet is always UTF-8 */
	int replace;                /* write [U+XXXX] for what the encoding lacks (still reported) */
	int table_only;             /* CSV: only the column header row and the data rows */
	int overwrite;              /* replace an existing file */
	int width;                  /* text: columns of the page; 0 = by the paper (110 or 160) */
	struct lf_xfilter filter;
	/* Every few records: how many read and in all. Nonzero cancels. */
	int (*progress)(void *ctx, long done, long total);
	/* Every character the encoding cannot hold. */
	void (*problem)(void *ctx, const struct lf_xproblem *p);
	void *ctx;
};

struct lf_export_result {
	long docs, rows;   /* documents and data rows written */
	long problems;     /* characters the encoding cannot hold */
	char note[512];    /* "" when the table holds all the filter asks for; else the part the
	                    * user may read, as lists say it: "登记注册科、本人岗位（受理审查岗）" */
};

/* Write the table form `form` to `path`. What it holds is what the acting
 * user may read (export_data.h): a part of it is named in res->note. On
 * failure nothing is left at path (an existing file is kept unless
 * o->overwrite) and db->err says why. */
lf_status lf_export(struct lf_db *db, const struct lf_form *form, const char *path,
                    const struct lf_export_opts *o, struct lf_export_result *res);

#endif
