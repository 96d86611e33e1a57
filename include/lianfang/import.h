/* import: an official table an office already keeps — a CSV file in UTF-8,
 * GBK or GB18030, saved from Excel or WPS or exported by lianfang — read
 * into this unit's records (departments, posts, persons, risk points and
 * their measures).
 *
 * The file is hostile until checked. It is read twice, as a stream, in
 * bounded memory: first every row is checked and every bad one reported
 * with its line; only if none is bad is it read again and applied in one
 * transaction, all or nothing. A dry run does the same and rolls back, so
 * its preview is exactly what the import would do. Rows are matched to
 * existing records by name, so importing a file twice adds nothing.
 * Everything is found and made through the model (import_model.h), so its
 * permission checks, validation and audit apply; a row the model refuses
 * is reported with its line and nothing is applied. */
#ifndef LIANFANG_IMPORT_H
#define LIANFANG_IMPORT_H

#include "lianfang/form.h"
#include "lianfang/store.h"

enum lf_import_what { LF_IW_CYCLE, LF_IW_DEPT, LF_IW_POST, LF_IW_PERSON, LF_IW_RISK, LF_IW_MEASURE, LF_IW_N };
enum lf_import_act { LF_IA_NEW, LF_IA_SAME, LF_IA_CHANGED, LF_IA_N };

/* "年度", "处室", "岗位", "人员", "风险点", "防控措施". */
const char *lf_import_what_label(enum lf_import_what w);

/* A record the import made, found or changed (each found record once). */
struct lf_import_note {
	enum lf_import_what what;
	enum lf_import_act act;
	const char *name;   /* its name or text */
	long line;          /* the file line that named it first */
};

struct lf_import_opts {
	const char *encoding;   /* "auto" or NULL, "utf-8", "gbk", "gb18030" */
	int dry_run;            /* check and preview, change nothing */
	const char *dept;       /* department of rows that name none */
	int year;               /* the cycle; 0: from the file's header, else this year */
	const struct lf_formset *forms; /* optional: to name the table a wrong file holds */
	/* Each problem: the line of the row (0 for the file as a whole), the
	 * column's header ("" when it concerns the row) and what is wrong. */
	void (*bad)(void *ctx, long line, const char *column, const char *msg);
	void (*note)(void *ctx, const struct lf_import_note *n);
	/* Bytes read of the two passes, and in all. Nonzero cancels. */
	int (*progress)(void *ctx, long long done, long long total);
	void *ctx;
};

struct lf_import_result {
	char encoding[32];        /* what the file was read as */
	long header_line;         /* where the column headers are */
	char columns[512];        /* the columns recognised, "、"-separated */
	int year;                 /* the cycle used */
	char year_from[64];       /* why that year: "--cycle", "表头", "今年" */
	long rows, blank, bad_rows;
	long counts[LF_IW_N][LF_IA_N];
	long powers_unlinked;     /* 所属职权 named a power this unit does not have */
	int applied;              /* committed (not a dry run, no errors) */
};

/* Import a CSV file as the table form `form` (its data source must be one
 * the importer understands: summary or risks). Returns LF_OK when applied
 * (or, for a dry run, when it would apply), LF_INVALID when rows are bad
 * (each already reported to o->bad; nothing changed), or another failure
 * with the reason in db->err. */
lf_status lf_import(struct lf_db *db, const struct lf_form *form, const char *path, const struct lf_import_opts *o,
                    struct lf_import_result *res);

/* LF_OK if the acting user may import (perm.h IMPORT), else LF_DENIED with
 * the role it needs in db->err — for a screen to say so up front;
 * lf_import checks it again. */
lf_status lf_import_allowed(struct lf_db *db);

/* True if the importer understands this table form. */
int lf_import_supports(const struct lf_form *form);

#endif
