/* summary: the unit's (or a department's) table of risk points and measures
 * (单位（处室）廉政风险点及防控措施汇总表, seed 003 附件2): 序号, 姓名, 岗位名称,
 * 岗位职责, 潜在风险, 防控措施, 风险等级, 备注 — filtered by level, category,
 * form status, heat-map cell, and full-text search in Chinese across risks,
 * duties and measures (SQLite FTS5 with the trigram tokenizer; queries of
 * one or two characters, which trigrams cannot index, use LIKE).
 *
 * Pages are keyset pages in department → post → person → risk order: each
 * page walks the departments from where the last one stopped, so its cost
 * does not grow with how far down the table it is. */
#ifndef LIANFANG_SUMMARY_H
#define LIANFANG_SUMMARY_H

#include "lianfang/page.h"

struct lf_summary_filter {
	const char *cycle;      /* required */
	const char *dept;       /* NULL: the whole unit */
	int level;              /* 1–3: only this decided level; 0: any */
	const char *category;   /* NULL: any */
	const char *status;     /* stored form status (selfcheck.h); NULL: any */
	const char *text;       /* search; NULL or "": none */
	int probability, severity; /* a heat-map cell; 0: any */
	int with_retired;       /* include retired risks */
	const char *person_name; /* only the risks of persons so named; NULL: any */
	const char *unit;       /* the departments of this unit's code; NULL: this database's unit
	                         * (another unit's records held here need LF_ACT_READ on the unit) */
};

/* A measure of a row, in order. */
struct lf_summary_measure {
	const char *stage;                    /* NULL when unset */
	const char *content;
	const char *responsible, *supervisor; /* names, NULL when unset */
};

struct lf_summary_row {
	long long id;       /* the risk's local row number */
	int no;             /* 序号: the running number in the table */
	char risk[LF_GID_LEN + 1], selfcheck[LF_GID_LEN + 1], post[LF_GID_LEN + 1], person[LF_GID_LEN + 1],
		dept[LF_GID_LEN + 1];
	const char *dept_name, *post_name, *person_name; /* person NULL for a post's own risk */
	const char *duties;      /* the form's duties, else the post's */
	const char *description;
	const char *measures;    /* measure contents in order, one per line; NULL when none */
	const struct lf_summary_measure *mv; /* the same measures, field by field */
	int nmeasures;
	const char *power_name;  /* the power the risk belongs to; NULL when none */
	const char *remarks, *category, *source, *found_by, *status, *level_reason;
	int probability, severity, level_proposed, level; /* 0 when unset */
};

struct lf_summary_list {
	struct lf_summary_row *v;
	int n;
	struct lf_arena arena;
};

/* One page of the table: the rows of f->dept (or the unit) the acting user
 * may read (LF_ACT_READ: own post, covered departments, or the unit);
 * refused only when they may read none of it (lf_perm_reach_in). */
lf_status lf_summary_page(struct lf_db *db, const struct lf_summary_filter *f, struct lf_page *pg,
                          struct lf_summary_list *out);
void lf_summary_list_free(struct lf_summary_list *l);

/* The latest opinion and signature of a role (处室负责人, 分管领导, 主要领导,
 * 纪检组) on the summary table of `dept` (NULL: the unit's table) in a cycle,
 * of `unit` (NULL: this database's unit). Needs LF_ACT_READ on the
 * department (or the unit). found = 0 and NULL members when there is none. */
struct lf_summary_opinion {
	int found;
	const char *text, *signer, *signed_on;
	struct lf_arena arena;
};
lf_status lf_summary_opinion(struct lf_db *db, const char *unit, const char *cycle, const char *dept,
                             const char *role, struct lf_summary_opinion *out);
void lf_summary_opinion_free(struct lf_summary_opinion *o);

/* Does a search text use the full-text index (3+ characters) or LIKE? */
int lf_search_uses_index(const char *text);

#endif
