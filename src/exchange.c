/* exchange: packing and merging bundles (include/lianfang/exchange.h).
 *
 * The one idea: merging is a set union of content-addressed revisions, so
 * the only questions are which revisions to carry (what the receiver has not
 * acknowledged, and what it needs so that every reference resolves) and which
 * to accept (what the sender may carry, by the unit tree). The unit tree used
 * for those questions is the one held here, completed by the unit records the
 * bundle brings for units not known here — what is known here always wins. */
#include "lianfang/exchange.h"
#include "lianfang/audit.h"
#include "lianfang/hash.h"
#include "lianfang/perm.h"
#include "lianfang/unit.h"
#include "lianfang/util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char ack_has_sql[] = "SELECT 1 FROM peer_ack WHERE peer = ?1 AND rid = ?2";
static const char ack_add_sql[] = "INSERT OR IGNORE INTO peer_ack(peer, rid) VALUES(?1, ?2)";
static const char log_sql[] = "INSERT INTO bundle_log(direction, peer, file, hash, at, result) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6)";

/* ------------------------------------------------------------------ a set of short strings */

struct strset {
	char **keys;
	size_t cap, n;
};

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static int strset_has(const struct strset *set, const char *k)
{
	size_t i;

	if (!set->cap)
		return 0;
	for (i = str_hash(k) & (set->cap - 1); set->keys[i]; i = (i + 1) & (set->cap - 1))
		if (!strcmp(set->keys[i], k))
			return 1;
	return 0;
}

static void strset_put(struct strset *set, char *k)
{
	size_t i;

	for (i = str_hash(k) & (set->cap - 1); set->keys[i]; i = (i + 1) & (set->cap - 1))
		;
	set->keys[i] = k;
	set->n++;
}

/* Add a copy of k; returns 1 if it was new. */
static int strset_add(struct strset *set, const char *k)
{
	if (strset_has(set, k))
		return 0;
	if ((set->n + 1) * 2 > set->cap) {
		struct strset bigger = { NULL, set->cap ? set->cap * 2 : 64, 0 };
		size_t i;

		bigger.keys = lf_alloc(bigger.cap * sizeof *bigger.keys);
		for (i = 0; i < set->cap; i++)
			if (set->keys[i])
				strset_put(&bigger, set->keys[i]);
		lf_free(set->keys);
		*set = bigger;
	}
	strset_put(set, lf_strdup(k));
	return 1;
}

static void strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		lf_free(set->keys[i]);
	lf_free(set->keys);
	memset(set, 0, sizeof *set);
}

/* ------------------------------------------------------------------ the unit tree */

struct unit_node {
	char code[LF_CODE_MAX + 1];
	char parent[LF_CODE_MAX + 1];
};

struct unit_map {
	struct unit_node *u;
	int n, cap;
	/* Verdicts of owner_ok, cached per owner code. */
	struct unit_node *seen; /* parent[0] = '1' allowed, '0' not */
	int nseen, capseen;
};

static const struct unit_node *map_find(const struct unit_map *m, const char *code)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (!strcmp(m->u[i].code, code))
			return &m->u[i];
	return NULL;
}

/* Add a unit unless known: what is known first wins. */
static void map_add(struct unit_map *m, const char *code, const char *parent)
{
	if (map_find(m, code))
		return;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->u = lf_realloc(m->u, (size_t)m->cap * sizeof *m->u);
	}
	snprintf(m->u[m->n].code, sizeof m->u[m->n].code, "%s", code);
	snprintf(m->u[m->n].parent, sizeof m->u[m->n].parent, "%s", parent ? parent : "");
	m->n++;
}

/* Is code ancestor itself or below it? The depth bound stops cycles. */
static int within(const struct unit_map *m, const char *code, const char *ancestor)
{
	const struct unit_node *u;
	int depth;

	for (depth = 0; depth < 16 && code && *code; depth++) {
		if (!strcmp(code, ancestor))
			return 1;
		u = map_find(m, code);
		code = u ? u->parent : NULL;
	}
	return 0;
}

static int map_each(void *ctx, const char *code, const char *parent, int deleted)
{
	(void)deleted;
	map_add(ctx, code, parent);
	return 0;
}

static lf_status map_load(struct lf_db *db, struct unit_map *m)
{
	return lf_unit_each(db, map_each, m);
}

static void map_free(struct unit_map *m)
{
	lf_free(m->u);
	lf_free(m->seen);
	memset(m, 0, sizeof *m);
}

/* A cached yes/no per code for the question the caller asks. */
static int cached_verdict(struct unit_map *m, const char *code, int (*ask)(void *ctx, const char *code), void *ctx)
{
	int i, ok;

	for (i = 0; i < m->nseen; i++)
		if (!strcmp(m->seen[i].code, code))
			return m->seen[i].parent[0] == '1';
	ok = ask(ctx, code);
	if (m->nseen == m->capseen) {
		m->capseen = m->capseen ? m->capseen * 2 : 16;
		m->seen = lf_realloc(m->seen, (size_t)m->capseen * sizeof *m->seen);
	}
	snprintf(m->seen[m->nseen].code, sizeof m->seen[0].code, "%s", code);
	snprintf(m->seen[m->nseen].parent, sizeof m->seen[0].parent, "%s", ok ? "1" : "0");
	m->nseen++;
	return ok;
}

/* ------------------------------------------------------------------ helpers */

static int has_refs(const struct lf_kind *k)
{
	int i;

	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == LF_F_REF || k->fields[i].type == LF_F_CODE)
			return 1;
	return 0;
}

/* Call fn for each non-null reference (LF_F_REF: a gid) and unit code
 * (LF_F_CODE) in a revision's body; fn returns nonzero to stop. */
static lf_status each_ref(struct lf_db *db, const struct lf_rev *v,
                          int (*fn)(void *ctx, const struct lf_field *f, const char *value), void *ctx)
{
	struct lf_rec *r;
	lf_status s;
	int i;

	if (!has_refs(v->kind))
		return LF_OK;
	r = lf_rec_new(v->kind);
	if ((s = lf_rec_from_body(db, r, v->body)) == LF_OK)
		for (i = 0; i < v->kind->nfields; i++) {
			const struct lf_field *f = &v->kind->fields[i];

			if ((f->type == LF_F_REF || f->type == LF_F_CODE) && !r->v[i].null && r->v[i].s &&
			    fn(ctx, f, r->v[i].s))
				break;
		}
	lf_rec_free(r);
	return s;
}

static lf_status step_done(struct lf_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? LF_OK : lf_sqlfail(db, rc, what);
}

static lf_status log_bundle(struct lf_db *db, const char *direction, const char *peer, const char *file,
                            const char *hash, const char *result)
{
	sqlite3_stmt *st;
	char at[21];
	lf_status s = lf_prepare(db, log_sql, &st);

	if (s)
		return s;
	lf_now_utc(at);
	sqlite3_bind_text(st, 1, direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, result, -1, SQLITE_STATIC);
	s = step_done(db, st, "记录数据包失败");
	sqlite3_finalize(st);
	return s;
}

static char *audit_ack_key(const char *peer, const char *unit)
{
	return lf_printf("audit-ack:%s:%s", peer, unit);
}

char *lf_bundle_name(const char *from, const char *to)
{
	char now[21];

	lf_now_utc(now);
	return lf_printf("lianfang-%s-to-%s-%.4s%.2s%.2s-%.2s%.2s%.2s.lfb", from, to, now, now + 5, now + 8, now + 11,
	                 now + 14, now + 17);
}

/* ------------------------------------------------------------------ packing */

struct packer {
	struct lf_db *db;
	struct lf_bundle_writer *w;
	const char *peer;        /* the receiver */
	const char *scope;       /* the unit whose subtree's records are "theirs": me (up) or the child (down) */
	struct unit_map map;
	int all, down;
	sqlite3_stmt *acked;
	struct strset picked;    /* down: records to carry */
	struct strset sub_gids;  /* down: records owned within the child */
	char **work;             /* down: closure work list */
	size_t nwork, capwork;
	lf_status st;
	long long scanned;
	const struct lf_pack_opts *o;
};

static int ask_in_scope(void *ctx, const char *code)
{
	struct packer *p = ctx;

	return within(&p->map, code, p->scope);
}

static int in_scope(struct packer *p, const char *owner)
{
	return cached_verdict(&p->map, owner, ask_in_scope, p);
}

static int is_acked(struct packer *p, const char *rid)
{
	int rc;

	if (p->all)
		return 0;
	sqlite3_bind_text(p->acked, 1, p->peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(p->acked, 2, rid, -1, SQLITE_STATIC);
	rc = sqlite3_step(p->acked);
	sqlite3_reset(p->acked);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		p->st = lf_sqlfail(p->db, rc, "读取确认记录失败");
	return rc == SQLITE_ROW;
}

static int tick(struct packer *p)
{
	if (p->o->progress && (++p->scanned & 255) == 0 && p->o->progress(p->o->progress_ctx, "整理", p->scanned, 0)) {
		p->st = lf_fail(p->db, LF_STATE, "已取消，没有写出数据包。");
		return 1;
	}
	return 0;
}

/* Up: this subtree's revisions not acknowledged; the rest acknowledged. */
static int up_rev(void *ctx, const struct lf_rev *v)
{
	struct packer *p = ctx;

	if (tick(p))
		return 1;
	if (!in_scope(p, v->owner))
		p->st = lf_bundle_put_ack(p->w, v->rid);
	else if (!is_acked(p, v->rid) && p->st == LF_OK)
		p->st = lf_bundle_put_rev(p->w, v);
	return p->st != LF_OK;
}

static void work_push(struct packer *p, const char *gid)
{
	if (p->nwork == p->capwork) {
		p->capwork = p->capwork ? p->capwork * 2 : 256;
		p->work = lf_realloc(p->work, p->capwork * sizeof *p->work);
	}
	p->work[p->nwork++] = lf_strdup(gid);
}

static void pick(struct packer *p, const char *gid)
{
	if (strset_add(&p->picked, gid))
		work_push(p, gid);
}

/* Down, pass 1: the records owned within the child. */
static int down_owned(void *ctx, const struct lf_rev *v)
{
	struct packer *p = ctx;

	if (tick(p))
		return 1;
	if (in_scope(p, v->owner)) {
		strset_add(&p->sub_gids, v->gid);
		pick(p, v->gid);
	}
	return 0;
}

struct concern {
	struct packer *p;
	int yes;
};

static int ref_concerns(void *ctx, const struct lf_field *f, const char *value)
{
	struct concern *c = ctx;

	if (f->type == LF_F_REF)
		c->yes = strset_has(&c->p->sub_gids, value);
	else
		c->yes = in_scope(c->p, value);
	return c->yes;
}

/* Down, pass 2: records of others that concern the child: they point at its
 * records or name it; and the unit records of its ancestors. */
static int down_concerns(void *ctx, const struct lf_rev *v)
{
	struct packer *p = ctx;
	struct concern c = { p, 0 };

	if (tick(p))
		return 1;
	if (in_scope(p, v->owner) || strset_has(&p->picked, v->gid))
		return 0;
	if (!strcmp(v->kind->name, "unit") && within(&p->map, p->scope, v->owner))
		c.yes = 1;
	else if ((p->st = each_ref(p->db, v, ref_concerns, &c)))
		return 1;
	if (c.yes)
		pick(p, v->gid);
	return 0;
}

static int ref_close(void *ctx, const struct lf_field *f, const char *value)
{
	if (f->type == LF_F_REF)
		pick(ctx, value);
	return 0;
}

/* Down, pass 3: everything the picked records point at, transitively. */
static int down_close(void *ctx, const struct lf_rev *v)
{
	struct packer *p = ctx;

	if (tick(p))
		return 1;
	p->st = each_ref(p->db, v, ref_close, p);
	return p->st != LF_OK;
}

/* Down, last pass: write the picked revisions not acknowledged, and
 * acknowledge the child's revisions held here. */
static int down_write(void *ctx, const struct lf_rev *v)
{
	struct packer *p = ctx;

	if (tick(p))
		return 1;
	if (strset_has(&p->picked, v->gid) && !is_acked(p, v->rid)) {
		if (p->st == LF_OK)
			p->st = lf_bundle_put_rev(p->w, v);
	} else if (in_scope(p, v->owner)) {
		p->st = lf_bundle_put_ack(p->w, v->rid);
	}
	return p->st != LF_OK;
}

static int put_audit(void *ctx, const struct lf_audit_entry *e)
{
	struct packer *p = ctx;

	p->st = lf_bundle_put_audit(p->w, e);
	return p->st != LF_OK;
}

/* Up: each subtree unit's audit entries after what the parent acknowledged
 * (all of them when the acknowledgement does not match what is held here). */
static lf_status pack_audit(struct packer *p)
{
	int i;

	for (i = 0; i < p->map.n && p->st == LF_OK; i++) {
		const char *unit = p->map.u[i].code;
		char *key, *val = NULL, held[65], hash[65];
		long long from = 0, seq;
		lf_status s;

		if (!within(&p->map, unit, p->scope))
			continue;
		key = audit_ack_key(p->peer, unit);
		s = lf_meta_get(p->db, key, &val);
		lf_free(key);
		if (s != LF_OK && s != LF_NOTFOUND)
			return s;
		if (!p->all && val && sscanf(val, "%lld %64s", &seq, hash) == 2 && seq > 0 &&
		    lf_audit_hash_at(p->db, unit, seq, held) == LF_OK && !strcmp(held, hash))
			from = seq;
		lf_free(val);
		if ((s = lf_audit_each(p->db, unit, from, put_audit, p)))
			return s;
	}
	return p->st;
}

/* Down: how far this database holds each of the child's audit chains. */
static lf_status pack_audit_acks(struct packer *p)
{
	int i;

	for (i = 0; i < p->map.n; i++) {
		const char *unit = p->map.u[i].code;
		char hash[65];
		long long seq;
		lf_status s;

		if (!within(&p->map, unit, p->scope))
			continue;
		if ((s = lf_audit_last(p->db, unit, &seq, hash)))
			return s;
		if (seq > 0 && (s = lf_bundle_put_audit_ack(p->w, unit, seq, hash)))
			return s;
	}
	return LF_OK;
}

static lf_status pack_down_select(struct packer *p)
{
	lf_status s;
	size_t i;

	if ((s = lf_rev_each(p->db, NULL, down_owned, p)) || (s = p->st) ||
	    (s = lf_rev_each(p->db, NULL, down_concerns, p)) || (s = p->st))
		return s;
	/* Records of the child point at its own records and at what was picked
	 * here; follow everything so the child can resolve every reference. */
	for (i = 0; i < p->nwork; i++)
		if ((s = lf_rev_each(p->db, p->work[i], down_close, p)) || (s = p->st))
			return s;
	return LF_OK;
}

static char *resolve_path(const char *path, const char *from, const char *to)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		char *name = lf_bundle_name(from, to);
		char *full = lf_printf("%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", name);

		lf_free(name);
		return full;
	}
	return lf_strdup(path);
}

static lf_status pack(struct lf_db *db, const char *peer, const char *scope, int down, const char *path,
                      const struct lf_pack_opts *o, struct lf_pack_result *r)
{
	static const struct lf_pack_opts none = { 0, NULL, NULL };
	struct packer p;
	struct lf_unit me;
	char summary[200];
	lf_status s;
	size_t i;
	int reading = 0;

	o = o ? o : &none;
	memset(&p, 0, sizeof p);
	p.db = db;
	p.peer = peer;
	p.scope = scope;
	p.down = down;
	p.all = o->all;
	p.o = o;
	if ((s = lf_unit_get(db, db->unit, &me)))
		return s;
	/* One read transaction: every pass sees the same records even if
	 * another program commits meanwhile. */
	if ((s = lf_exec(db, "BEGIN")))
		goto out;
	reading = 1;
	if ((s = map_load(db, &p.map)) || (s = lf_prepare(db, ack_has_sql, &p.acked)) ||
	    (s = lf_bundle_writer_new(db, &p.w)))
		goto out;
	if (down) {
		if ((s = pack_down_select(&p)) || (s = lf_rev_each(db, NULL, down_write, &p)) || (s = p.st) ||
		    (s = pack_audit_acks(&p)))
			goto out;
	} else {
		if ((s = lf_rev_each(db, NULL, up_rev, &p)) || (s = p.st) || (s = pack_audit(&p)))
			goto out;
	}
	sqlite3_finalize(p.acked);
	p.acked = NULL;
	reading = 0;
	if ((s = lf_exec(db, "COMMIT")))
		goto out;
	r->m.schema = LF_SCHEMA_VERSION;
	snprintf(r->m.sender, sizeof r->m.sender, "%s", db->unit);
	snprintf(r->m.sender_name, sizeof r->m.sender_name, "%s", me.name ? me.name : "");
	snprintf(r->m.receiver, sizeof r->m.receiver, "%s", peer);
	snprintf(r->m.direction, sizeof r->m.direction, "%s", down ? "down" : "up");
	lf_now_utc(r->m.created);
	snprintf(r->m.program, sizeof r->m.program, "lianfang %s", LF_VERSION);
	r->path = resolve_path(path, db->unit, peer);
	if ((s = lf_bundle_finish(p.w, &r->m, r->path, o->progress, o->progress_ctx, r->file_hash, &r->bytes)))
		goto out;
	snprintf(summary, sizeof summary, "%lld 条修订，%lld 条审计日志，%lld 条确认，%lld 字节", r->m.revs, r->m.audits,
	         r->m.acks + r->m.audit_acks, r->bytes);
	if ((s = lf_tx_begin(db)) == LF_OK)
		s = lf_tx_end(db, log_bundle(db, down ? "pack-down" : "pack-up", peer, r->path, r->file_hash, summary));
	if (s)
		s = lf_fail(db, s, "数据包 %s 已写好，但记录打包日志失败：%s", r->path, db->err);
out:
	sqlite3_finalize(p.acked);
	if (reading)
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	lf_unit_clear(&me);
	lf_bundle_writer_free(p.w);
	map_free(&p.map);
	strset_free(&p.picked);
	strset_free(&p.sub_gids);
	for (i = 0; i < p.nwork; i++)
		lf_free(p.work[i]);
	lf_free(p.work);
	return s;
}

lf_status lf_pack_up(struct lf_db *db, const char *path, const struct lf_pack_opts *o, struct lf_pack_result *r)
{
	struct lf_unit me;
	lf_status s;

	memset(r, 0, sizeof *r);
	if ((s = lf_perm_check(db, LF_ACT_EXCHANGE, NULL)) || (s = lf_unit_get(db, db->unit, &me)))
		return s;
	if (!me.parent[0]) {
		lf_unit_clear(&me);
		return lf_fail(db, LF_STATE, "本单位（%s）没有上级单位，无法向上打包。", db->unit);
	}
	s = pack(db, me.parent, db->unit, 0, path, o, r);
	lf_unit_clear(&me);
	return s;
}

lf_status lf_pack_down(struct lf_db *db, const char *child, const char *path, const struct lf_pack_opts *o,
                       struct lf_pack_result *r)
{
	struct lf_unit u;
	lf_status s;

	memset(r, 0, sizeof *r);
	if ((s = lf_perm_check(db, LF_ACT_EXCHANGE, NULL)))
		return s;
	if (!lf_unit_code_valid(child))
		return lf_fail(db, LF_INVALID, "单位代码“%s”无效。", child);
	if (!strcmp(child, db->unit))
		return lf_fail(db, LF_INVALID, "%s 是本单位，不能给自己打包。", child);
	if ((s = lf_unit_get(db, child, &u)) == LF_NOTFOUND)
		return lf_fail(db, LF_NOTFOUND, "本数据库中没有单位 %s（还没有收到过它的数据）。", child);
	if (s)
		return s;
	if (strcmp(u.parent, db->unit)) {
		s = lf_unit_is_within(db, child, db->unit)
		    ? lf_fail(db, LF_INVALID, "单位 %s 不是本单位的直接下级（它的上级是 %s）；请打包给 %s，由它转交。", child,
		              u.parent, u.parent)
		    : lf_fail(db, LF_INVALID, "单位 %s 不是本单位的下级（它的上级是 %s）。", child,
		              u.parent[0] ? u.parent : "（无）");
		lf_unit_clear(&u);
		return s;
	}
	lf_unit_clear(&u);
	return pack(db, child, child, 1, path, o, r);
}

void lf_pack_result_free(struct lf_pack_result *r)
{
	lf_free(r->path);
	memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------------ merging: checks */

struct chain {
	char unit[LF_CODE_MAX + 1];
	long long held;            /* last seq held here */
	long long next;            /* last seq that continues the chain */
	char hash[65];             /* its hash */
	int broken;
};

struct merger {
	struct lf_db *db;
	struct lf_bundle *b;
	struct lf_merge_result *r;
	const struct lf_manifest *m;
	const struct lf_merge_opts *o;
	const char *path;
	char my_parent[LF_CODE_MAX + 1];
	struct unit_map map;
	int up;
	lf_status st;              /* a failure that is not a refusal (reading, SQL) */
	struct chain *chains;
	int nchains;
	struct strset added;       /* gids that got a new revision */
	unsigned char touched[64]; /* kinds (by index in lf_kinds) that got one */
	sqlite3_stmt *ack_add;
	long long done;
	/* the best unit revision per unit code in the bundle, for the tree */
	struct lf_rev *units;
	int nunits;
};

static void listed(char ***list, int *n, const char *fmt, va_list ap)
{
	struct lf_buf b;

	if (*n >= LF_MERGE_MAX_LISTED)
		return;
	lf_buf_init(&b);
	lf_buf_vaddf(&b, fmt, ap);
	*list = lf_realloc(*list, (size_t)(*n + 1) * sizeof **list);
	(*list)[(*n)++] = lf_buf_steal(&b);
}

static void refuse(struct merger *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct merger *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void refuse(struct merger *g, const char *fmt, ...)
{
	va_list ap;

	g->r->refused++;
	va_start(ap, fmt);
	listed(&g->r->refusals, &g->r->nrefusals, fmt, ap);
	va_end(ap);
}

static void warn(struct merger *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	listed(&g->r->warnings, &g->r->nwarnings, fmt, ap);
	va_end(ap);
}

static int progress(struct merger *g, const char *stage, long long total)
{
	if (g->o->progress && (++g->done & 127) == 0 &&
	    g->o->progress(g->o->progress_ctx, stage, g->done, total)) {
		g->st = lf_fail(g->db, LF_STATE, "已取消，没有合并任何内容。");
		return 1;
	}
	return 0;
}

/* The unit revisions the bundle brings: keep, per code, the one the
 * derivation rule would show (live first, highest gen, highest rid). */
static int collect_unit(void *ctx, long long row, const struct lf_rev *v, const char *kind_name)
{
	struct merger *g = ctx;
	struct lf_rec *r;
	int i;

	(void)row;
	if (strcmp(kind_name, "unit") || !v->kind || v->deleted < 0)
		return 0;
	r = lf_rec_new(v->kind);
	if (lf_rec_from_body(g->db, r, v->body) == LF_OK && !strcmp(lf_rec_text(r, "code"), v->owner)) {
		for (i = 0; i < g->nunits; i++)
			if (!strcmp(g->units[i].owner, v->owner))
				break;
		if (i == g->nunits || v->deleted < g->units[i].deleted ||
		    (v->deleted == g->units[i].deleted &&
		     (v->gen > g->units[i].gen || (v->gen == g->units[i].gen && strcmp(v->rid, g->units[i].rid) > 0)))) {
			if (i == g->nunits)
				g->units = lf_realloc(g->units, (size_t)++g->nunits * sizeof *g->units);
			memset(&g->units[i], 0, sizeof g->units[i]);
			memcpy(g->units[i].rid, v->rid, sizeof v->rid);
			memcpy(g->units[i].owner, v->owner, sizeof v->owner);
			g->units[i].gen = v->gen;
			g->units[i].deleted = v->deleted;
			g->units[i].body = lf_strdup(lf_rec_text(r, "parent") ? lf_rec_text(r, "parent") : "");
		}
	}
	lf_rec_free(r);
	return 0;
}

static lf_status build_tree(struct merger *g)
{
	lf_status s;
	int i;

	if ((s = map_load(g->db, &g->map)) || (s = lf_bundle_each_rev(g->db, g->b, collect_unit, g)))
		return s;
	for (i = 0; i < g->nunits; i++)
		map_add(&g->map, g->units[i].owner, g->units[i].body);
	return LF_OK;
}

static int ask_owner_ok(void *ctx, const char *owner)
{
	struct merger *g = ctx;

	if (g->up)
		return within(&g->map, owner, g->m->sender);
	return within(&g->map, owner, g->m->sender) || within(&g->map, g->m->sender, owner);
}

static int owner_ok(struct merger *g, const char *owner)
{
	return cached_verdict(&g->map, owner, ask_owner_ok, g);
}

/* Is the bundle for this unit, from its parent or one of its children? */
static lf_status check_parties(struct merger *g)
{
	const struct lf_manifest *m = g->m;
	const struct unit_node *s;

	if (strcmp(m->receiver, g->db->unit))
		return lf_fail(g->db, LF_INVALID, "这个数据包是单位 %s 发给单位 %s 的，不是发给本单位（%s）的，没有合并。",
		               m->sender, m->receiver, g->db->unit);
	if (g->up) {
		s = map_find(&g->map, m->sender);
		if (!s)
			return lf_fail(g->db, LF_INVALID, "数据包没有带来单位 %s 的信息，本数据库也不认识它，无法确认它是本单位的下级。"
			               "请对方用“lianfang pack --up --all”重新打包。", m->sender);
		if (strcmp(s->parent, g->db->unit))
			return lf_fail(g->db, LF_DENIED, "单位 %s 的上级是 %s，不是本单位（%s），它的上报数据包没有合并。", m->sender,
			               s->parent[0] ? s->parent : "（无）", g->db->unit);
	} else if (strcmp(g->my_parent, m->sender)) {
		return lf_fail(g->db, LF_DENIED, "这个下发的数据包来自单位 %s，但本单位的上级是 %s，没有合并。", m->sender,
		               g->my_parent[0] ? g->my_parent : "（无）");
	}
	return LF_OK;
}

struct ref_check {
	struct merger *g;
	const struct lf_rev *v;
	long long row;
};

static int check_one_ref(void *ctx, const struct lf_field *f, const char *value)
{
	struct ref_check *c = ctx;
	struct merger *g = c->g;
	const struct lf_kind *target = f->ref ? lf_kind_find(f->ref) : NULL;
	char kind[40], owner[LF_CODE_MAX + 1];
	lf_status s;
	int n;

	if (f->type != LF_F_REF || !target)
		return 0;
	s = lf_rec_identity(g->db, value, kind, owner);
	if (s == LF_OK && !strcmp(kind, target->name))
		return 0;
	if (s != LF_OK && s != LF_NOTFOUND) {
		g->st = s;
		return 1;
	}
	if ((s = lf_bundle_gid(g->db, g->b, value, &n, kind, owner))) {
		g->st = s;
		return 1;
	}
	if (n >= 1 && !strcmp(kind, target->name))
		return 0;
	refuse(g, "第 %lld 条修订（%s %.12s，单位 %s）的“%s”指向的%s %.12s 不在本数据库中，数据包也没有带来。",
	       c->row, c->v->kind->label, c->v->gid, c->v->owner, f->label, target->label, value);
	return 0;
}

static int check_rev(void *ctx, long long row, const struct lf_rev *v, const char *kind_name)
{
	struct merger *g = ctx;
	char kind[40], owner[LF_CODE_MAX + 1];
	struct lf_rev held;
	lf_status s;
	int n;

	if (progress(g, "核对", g->m->revs))
		return 1;
	if (!v->kind) {
		refuse(g, "第 %lld 条修订（%.12s）的记录类型“%s”本程序不认识。", row, v->rid, kind_name);
		return 0;
	}
	if (lf_rev_verify(g->db, v) != LF_OK) {
		refuse(g, "第 %lld 条修订：%s", row, g->db->err);
		return 0;
	}
	if (!owner_ok(g, v->owner)) {
		refuse(g, "第 %lld 条修订（%s %.12s）属于单位 %s，单位 %s 无权带来它%s。", row, v->kind->label, v->gid, v->owner,
		       g->m->sender, g->up ? "（上报只能带来发出单位及其下级的记录）" : "");
		return 0;
	}
	if (!strcmp(v->kind->name, "unit")) {
		struct lf_rec *r = lf_rec_new(v->kind);
		int bad = lf_rec_from_body(g->db, r, v->body) != LF_OK || strcmp(lf_rec_text(r, "code"), v->owner);

		lf_rec_free(r);
		if (bad) {
			refuse(g, "第 %lld 条修订（单位 %.12s）：单位记录只能由该单位自己建立（所属单位 %s）。", row, v->gid, v->owner);
			return 0;
		}
	}
	s = lf_rec_identity(g->db, v->gid, kind, owner);
	if (s == LF_OK && (strcmp(kind, v->kind->name) || strcmp(owner, v->owner))) {
		refuse(g, "第 %lld 条修订（%.12s）：记录编号 %s 在本数据库中是单位 %s 的%s，数据包却说是单位 %s 的%s"
		       "（同一编号、不同内容）。", row, v->rid, v->gid, owner,
		       lf_kind_find(kind) ? lf_kind_find(kind)->label : kind, v->owner, v->kind->label);
		return 0;
	}
	if (s != LF_OK && s != LF_NOTFOUND) {
		g->st = s;
		return 1;
	}
	if ((s = lf_bundle_gid(g->db, g->b, v->gid, &n, kind, owner))) {
		g->st = s;
		return 1;
	}
	if (n > 1) {
		refuse(g, "第 %lld 条修订（%.12s）：数据包中记录编号 %s 的各个修订类型或所属单位不一致（同一编号、不同内容）。",
		       row, v->rid, v->gid);
		return 0;
	}
	memset(&held, 0, sizeof held);
	s = lf_rev_load(g->db, v->rid, &held);
	lf_rev_clear(&held);
	if (s == LF_OK)
		return 0; /* already here: nothing it points at is missing */
	if (s != LF_NOTFOUND) {
		g->st = s;
		return 1;
	}
	{
		struct ref_check c = { g, v, row };

		if ((s = each_ref(g->db, v, check_one_ref, &c))) {
			g->st = s;
			return 1;
		}
	}
	return g->st != LF_OK;
}

static struct chain *chain_of(struct merger *g, const char *unit)
{
	struct chain *c;
	int i;

	for (i = 0; i < g->nchains; i++)
		if (!strcmp(g->chains[i].unit, unit))
			return &g->chains[i];
	g->chains = lf_realloc(g->chains, (size_t)(g->nchains + 1) * sizeof *g->chains);
	c = &g->chains[g->nchains++];
	memset(c, 0, sizeof *c);
	snprintf(c->unit, sizeof c->unit, "%s", unit);
	if ((g->st = lf_audit_last(g->db, unit, &c->held, c->hash)) == LF_OK)
		c->next = c->held;
	return c;
}

static int check_audit(void *ctx, long long row, const struct lf_audit_entry *e)
{
	struct merger *g = ctx;
	struct chain *c;
	char want[65], held[65];
	lf_status s;

	if (!g->up) {
		refuse(g, "审计日志第 %lld 条：下发的数据包不应带审计日志。", row);
		return 0;
	}
	if (!lf_unit_code_valid(e->unit) || e->seq < 1 || !lf_is_hex(e->hash, 64) || !lf_is_hex(e->prev, 64)) {
		refuse(g, "审计日志第 %lld 条的单位、序号或哈希无效。", row);
		return 0;
	}
	if (!strcmp(e->unit, g->db->unit)) {
		refuse(g, "审计日志第 %lld 条：数据包带来了本单位（%s）自己的审计日志。", row, e->unit);
		return 0;
	}
	if (!within(&g->map, e->unit, g->m->sender)) {
		refuse(g, "审计日志第 %lld 条属于单位 %s，单位 %s 无权带来它。", row, e->unit, g->m->sender);
		return 0;
	}
	if (!(c = chain_of(g, e->unit)) || g->st)
		return 1;
	if (c->broken)
		return 0;
	lf_audit_hash(e, want);
	if (strcmp(want, e->hash)) {
		warn(g, "单位 %s 的审计日志第 %lld 条的内容与其哈希不符——在对方被改动过；从这一条起的日志没有合并。", e->unit, e->seq);
		c->broken = 1;
	} else if (e->seq <= c->held) {
		s = lf_audit_hash_at(g->db, e->unit, e->seq, held);
		if (s != LF_OK && s != LF_NOTFOUND) {
			g->st = s;
			return 1;
		}
		if (s == LF_NOTFOUND || strcmp(held, e->hash)) {
			warn(g, "单位 %s 的审计日志第 %lld 条与本地已有的不同——日志分叉（该单位可能恢复过旧备份，或改动过日志）；"
			     "从这一条起的日志没有合并。", e->unit, e->seq);
			c->broken = 1;
		}
	} else if (e->seq != c->next + 1) {
		warn(g, "单位 %s 的审计日志缺少第 %lld 条到第 %lld 条；之后的日志没有合并。请对方用“lianfang pack --up --all”重新打包。",
		     e->unit, c->next + 1, e->seq - 1);
		c->broken = 1;
	} else if (strcmp(e->prev, c->hash)) {
		warn(g, "单位 %s 的审计日志第 %lld 条与前一条接不上——日志被删除、插入或调换过；从这一条起的日志没有合并。", e->unit,
		     e->seq);
		c->broken = 1;
	} else {
		c->next = e->seq;
		memcpy(c->hash, e->hash, sizeof c->hash);
	}
	return 0;
}

static int check_ack(void *ctx, long long row, const char *rid)
{
	if (!lf_is_hex(rid, LF_HASH_LEN))
		refuse(ctx, "确认第 %lld 条的修订编号无效。", row);
	return 0;
}

static int check_audit_ack(void *ctx, long long row, const char *unit, long long seq, const char *hash)
{
	if (!lf_unit_code_valid(unit) || seq < 0 || !lf_is_hex(hash, 64))
		refuse(ctx, "审计日志确认第 %lld 条无效。", row);
	return 0;
}

static lf_status check_all(struct merger *g)
{
	lf_status s;

	if ((s = lf_bundle_each_rev(g->db, g->b, check_rev, g)) || (s = g->st) ||
	    (s = lf_bundle_each_audit(g->db, g->b, check_audit, g)) || (s = g->st) ||
	    (s = lf_bundle_each_ack(g->db, g->b, check_ack, g)) ||
	    (s = lf_bundle_each_audit_ack(g->db, g->b, check_audit_ack, g)))
		return s;
	return g->st;
}

/* ------------------------------------------------------------------ merging: applying */

static lf_status add_ack(struct merger *g, const char *rid)
{
	sqlite3_bind_text(g->ack_add, 1, g->m->sender, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->ack_add, 2, rid, -1, SQLITE_STATIC);
	return step_done(g->db, g->ack_add, "记录确认失败");
}

static int apply_rev(void *ctx, long long row, const struct lf_rev *v, const char *kind_name)
{
	struct merger *g = ctx;
	lf_status s = lf_rev_add(g->db, v);

	(void)row;
	(void)kind_name;
	if (s == LF_OK) {
		g->r->added++;
		strset_add(&g->added, v->gid);
		g->touched[v->kind - lf_kinds] = 1;
		/* A revision of this unit's own coming back (it restored a backup
		 * and the parent sends what it lost): the chain records its return,
		 * so every revision of this unit stays accounted for. */
		if (!strcmp(v->owner, g->db->unit) &&
		    (g->st = lf_audit_append(g->db, "restore", v->kind->name, v->gid, "", v->rid)))
			return 1;
	} else if (s == LF_EXISTS) {
		g->r->had++;
	} else {
		g->st = s;
		return 1;
	}
	/* The sender holds every revision it sent. */
	if ((g->st = add_ack(g, v->rid)))
		return 1;
	return progress(g, "合并", g->m->revs);
}

static int apply_audit(void *ctx, long long row, const struct lf_audit_entry *e)
{
	struct merger *g = ctx;
	struct chain *c = chain_of(g, e->unit);
	lf_status s;

	(void)row;
	if (g->st)
		return 1;
	if (e->seq <= c->held) {
		char held[65];

		/* Held already: the same entry, or a fork that was reported. */
		if ((s = lf_audit_hash_at(g->db, e->unit, e->seq, held)) == LF_OK && !strcmp(held, e->hash))
			g->r->audit_had++;
		else if (s != LF_OK && s != LF_NOTFOUND)
			g->st = s;
		return g->st != LF_OK;
	}
	if (e->seq > c->next)
		return 0; /* after a break: reported, not merged */
	if ((s = lf_audit_add(g->db, e)) == LF_OK)
		g->r->audit_added++;
	else
		g->st = s;
	return g->st != LF_OK;
}

static int apply_ack(void *ctx, long long row, const char *rid)
{
	struct merger *g = ctx;
	struct lf_rev v;
	lf_status s;

	(void)row;
	memset(&v, 0, sizeof v);
	s = lf_rev_load(g->db, rid, &v);
	lf_rev_clear(&v);
	if (s == LF_NOTFOUND)
		return 0; /* not held here: nothing to remember */
	if (s == LF_OK && (s = add_ack(g, rid)) == LF_OK)
		g->r->acks++;
	g->st = s;
	return s != LF_OK;
}

static int apply_audit_ack(void *ctx, long long row, const char *unit, long long seq, const char *hash)
{
	struct merger *g = ctx;
	char *key = audit_ack_key(g->m->sender, unit), *old = NULL, *val;
	long long had = -1;
	lf_status s = lf_meta_get(g->db, key, &old);

	(void)row;
	if (s == LF_OK)
		had = atoll(old);
	if (s == LF_OK || s == LF_NOTFOUND) {
		s = LF_OK;
		if (seq >= had) {
			val = lf_printf("%lld %s", seq, hash);
			s = lf_meta_set(g->db, key, val);
			lf_free(val);
		}
	}
	lf_free(old);
	lf_free(key);
	g->st = s;
	return s != LF_OK;
}

static int count_leaf(void *ctx, const struct lf_rev *v)
{
	(void)v;
	(*(int *)ctx)++;
	return 0;
}

/* The records this bundle touched that now have several leaves. */
static lf_status find_conflicts(struct merger *g)
{
	size_t i;

	for (i = 0; i < g->added.cap; i++) {
		const char *gid = g->added.keys[i];
		struct lf_merge_conflict *c;
		int leaves = 0;
		lf_status s;

		if (!gid)
			continue;
		if ((s = lf_rev_leaves(g->db, gid, count_leaf, &leaves)))
			return s;
		if (leaves < 2)
			continue;
		g->r->conflicts = lf_realloc(g->r->conflicts, (size_t)(g->r->nconflicts + 1) * sizeof *g->r->conflicts);
		c = &g->r->conflicts[g->r->nconflicts++];
		memset(c, 0, sizeof *c);
		snprintf(c->gid, sizeof c->gid, "%s", gid);
		c->leaves = leaves;
		if ((s = lf_rec_identity(g->db, gid, c->kind, c->owner)))
			return s;
	}
	return LF_OK;
}

/* Every reference of every new revision was resolved before applying; this
 * is the safety net: no row of a touched kind may point at nothing. */
static lf_status check_references(struct merger *g)
{
	static const char sql[] = "SELECT \"table\", parent FROM pragma_foreign_key_check(?1) LIMIT 1";
	sqlite3_stmt *st;
	lf_status s = lf_prepare(g->db, sql, &st);
	int i, rc;

	for (i = 0; i < lf_nkinds && s == LF_OK; i++) {
		if (!g->touched[i])
			continue;
		sqlite3_bind_text(st, 1, lf_kinds[i].name, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			s = lf_fail(g->db, LF_INVALID, "合并后%s表中有记录引用的 %s 记录不存在，没有合并任何内容。", lf_kinds[i].label,
			            (const char *)sqlite3_column_text(st, 1));
		else if (rc != SQLITE_DONE)
			s = lf_sqlfail(g->db, rc, "检查记录之间的引用失败");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return s;
}

static lf_status apply(struct merger *g)
{
	struct lf_merge_result *r = g->r;
	char summary[300];
	lf_status s;

	g->done = 0;
	if ((s = lf_prepare(g->db, ack_add_sql, &g->ack_add)) ||
	    (s = lf_bundle_each_rev(g->db, g->b, apply_rev, g)) || (s = g->st) ||
	    (s = lf_bundle_each_audit(g->db, g->b, apply_audit, g)) || (s = g->st) ||
	    (s = lf_bundle_each_ack(g->db, g->b, apply_ack, g)) || (s = g->st) ||
	    (s = lf_bundle_each_audit_ack(g->db, g->b, apply_audit_ack, g)) || (s = g->st) ||
	    (s = find_conflicts(g)) || (s = check_references(g)))
		return s;
	snprintf(summary, sizeof summary,
	         "{\"file\":\"%s\",\"from\":\"%s\",\"direction\":\"%s\",\"added\":%lld,\"had\":%lld,"
	         "\"audit_added\":%lld,\"conflicts\":%d}",
	         r->file_hash, g->m->sender, g->m->direction, r->added, r->had, r->audit_added, r->nconflicts);
	if ((s = lf_audit_append(g->db, "merge", "", "", g->m->content, summary)))
		return s;
	snprintf(summary, sizeof summary, "新增 %lld 条修订，已有 %lld 条；审计日志新增 %lld 条；冲突 %d 条", r->added, r->had,
	         r->audit_added, r->nconflicts);
	return log_bundle(g->db, "merge", g->m->sender, g->path, r->file_hash, summary);
}

lf_status lf_merge(struct lf_db *db, const char *path, const struct lf_merge_opts *o, struct lf_merge_result *r)
{
	static const struct lf_merge_opts none = { 0, NULL, NULL };
	struct merger g;
	struct lf_unit me;
	lf_status s;
	int i, fk_off = 0;

	memset(r, 0, sizeof *r);
	memset(&g, 0, sizeof g);
	memset(&me, 0, sizeof me);
	o = o ? o : &none;
	g.db = db;
	g.r = r;
	g.o = o;
	g.path = path;
	if ((s = lf_perm_check(db, LF_ACT_EXCHANGE, NULL)))
		return s;
	if (db->readonly)
		return lf_fail(db, LF_READONLY, "数据库 %s 以只读方式打开，不能合并。", db->path);
	if ((s = lf_bundle_open(db, path, o->progress, o->progress_ctx, &g.b)))
		return s;
	g.m = lf_bundle_manifest(g.b);
	r->m = *g.m;
	memcpy(r->file_hash, lf_bundle_file_hash(g.b), sizeof r->file_hash);
	r->bytes = lf_bundle_bytes(g.b);
	if (*lf_bundle_notes(g.b))
		r->notes = lf_strdup(lf_bundle_notes(g.b));
	if ((s = lf_bundle_verify(db, g.b)))
		goto out;
	r->opened = 1;
	g.up = !strcmp(g.m->direction, "up");
	/* Foreign keys are enforced by the checks above and check_references:
	 * with SQLite's enforcement on, every insert into a table others point
	 * at rescans those tables whole while any reference in the transaction
	 * is still unresolved (their columns are not indexed), which makes a
	 * large merge quadratic. The pragma only takes effect outside a
	 * transaction and lasts for this connection until set back below. */
	if (db->tx_depth == 0 && (s = lf_exec(db, "PRAGMA foreign_keys = OFF")))
		goto out;
	fk_off = db->tx_depth == 0;
	/* Check and apply under one write lock, so what was checked is what
	 * the bundle is applied to. Nothing is written unless all of it passes. */
	if ((s = lf_tx_begin(db)))
		goto out;
	if ((s = lf_unit_get(db, db->unit, &me)) == LF_OK) {
		snprintf(g.my_parent, sizeof g.my_parent, "%s", me.parent);
		if ((s = build_tree(&g)) == LF_OK && (s = check_parties(&g)) == LF_OK && (s = check_all(&g)) == LF_OK &&
		    r->refused)
			s = lf_fail(db, LF_DENIED, "数据包 %s 中有 %lld 处被拒收，没有合并任何内容。", path, r->refused);
	}
	if (s == LF_OK)
		s = apply(&g);
	if (o->dry_run || s) {
		lf_tx_end(db, s ? s : LF_STATE);
	} else {
		s = lf_tx_end(db, s);
		r->applied = s == LF_OK;
	}
	if (s == LF_OK && o->progress)
		o->progress(o->progress_ctx, "完成", 1, 1);
out:
	if (fk_off && lf_exec(db, "PRAGMA foreign_keys = ON") && s == LF_OK)
		s = lf_fail(db, LF_SQL, "合并已完成，但无法重新打开外键检查：%s", db->err);
	sqlite3_finalize(g.ack_add);
	lf_unit_clear(&me);
	map_free(&g.map);
	strset_free(&g.added);
	lf_free(g.chains);
	for (i = 0; i < g.nunits; i++)
		lf_free(g.units[i].body);
	lf_free(g.units);
	lf_bundle_close(g.b);
	return s;
}

void lf_merge_result_free(struct lf_merge_result *r)
{
	int i;

	for (i = 0; i < r->nrefusals; i++)
		lf_free(r->refusals[i]);
	for (i = 0; i < r->nwarnings; i++)
		lf_free(r->warnings[i]);
	lf_free(r->refusals);
	lf_free(r->warnings);
	lf_free(r->conflicts);
	lf_free(r->notes);
	memset(r, 0, sizeof *r);
}

lf_status lf_exchange_allowed(struct lf_db *db)
{
	return lf_perm_check(db, LF_ACT_EXCHANGE, NULL);
}

lf_status lf_exchange_conflicts(struct lf_db *db,
                                int (*fn)(void *ctx, const char *kind, const char *gid, int leaves), void *ctx)
{
	lf_status s = lf_perm_check(db, LF_ACT_EXCHANGE, NULL);

	return s ? s : lf_conflicts(db, fn, ctx);
}

lf_status lf_exchange_resolve(struct lf_db *db, const char *gid, const char *keep_rid)
{
	lf_status s = lf_perm_check(db, LF_ACT_EXCHANGE, NULL);

	return s ? s : lf_rec_resolve(db, gid, keep_rid);
}

/* ------------------------------------------------------------------ showing a conflict */

struct leaves {
	struct lf_conflict *c;
	char **bodies;
};

static int collect_leaf(void *ctx, const struct lf_rev *v)
{
	struct leaves *l = ctx;
	struct lf_conflict *c = l->c;
	struct lf_conflict_version *x;

	c->v = lf_realloc(c->v, (size_t)(c->nv + 1) * sizeof *c->v);
	l->bodies = lf_realloc(l->bodies, (size_t)(c->nv + 1) * sizeof *l->bodies);
	x = &c->v[c->nv];
	memset(x, 0, sizeof *x);
	snprintf(x->rid, sizeof x->rid, "%s", v->rid);
	snprintf(x->at, sizeof x->at, "%s", v->at);
	snprintf(x->author, sizeof x->author, "%s", v->author);
	x->gen = v->gen;
	x->deleted = v->deleted;
	l->bodies[c->nv++] = lf_strdup(v->body);
	return 0;
}

static int same_value(const struct lf_val *a, const struct lf_val *b)
{
	if (a->null || b->null)
		return a->null == b->null;
	if (a->s || b->s)
		return a->s && b->s && !strcmp(a->s, b->s);
	return a->i == b->i;
}

static char *value_text(const struct lf_rec *r, int i)
{
	const struct lf_val *v = &r->v[i];

	if (v->null)
		return NULL;
	if (r->kind->fields[i].type == LF_F_INT || r->kind->fields[i].type == LF_F_BOOL)
		return lf_printf("%lld", v->i);
	return lf_strdup(v->s ? v->s : "");
}

/* The fields whose values are not the same in every version. */
static lf_status diff_fields(struct lf_db *db, struct lf_conflict *c, char **bodies)
{
	const struct lf_kind *k = c->kind;
	struct lf_rec **recs = lf_alloc((size_t)c->nv * sizeof *recs);
	lf_status s = LF_OK;
	int i, j;

	for (i = 0; i < c->nv; i++) {
		recs[i] = lf_rec_new(k);
		if (s == LF_OK)
			s = lf_rec_from_body(db, recs[i], bodies[i]);
	}
	for (j = 0; j < k->nfields && s == LF_OK; j++) {
		struct lf_conflict_field *f;

		for (i = 1; i < c->nv && same_value(&recs[0]->v[j], &recs[i]->v[j]); i++)
			;
		if (i == c->nv)
			continue;
		c->f = lf_realloc(c->f, (size_t)(c->nf + 1) * sizeof *c->f);
		f = &c->f[c->nf++];
		f->name = k->fields[j].name;
		f->label = k->fields[j].label;
		f->value = lf_alloc((size_t)c->nv * sizeof *f->value);
		for (i = 0; i < c->nv; i++)
			f->value[i] = value_text(recs[i], j);
	}
	for (i = 0; i < c->nv; i++)
		lf_rec_free(recs[i]);
	lf_free(recs);
	return s;
}

lf_status lf_exchange_conflict(struct lf_db *db, const char *gid, struct lf_conflict *out)
{
	struct leaves l = { out, NULL };
	char kind[40];
	lf_status s;
	int i;

	memset(out, 0, sizeof *out);
	if ((s = lf_perm_check(db, LF_ACT_EXCHANGE, NULL)) || (s = lf_rec_identity(db, gid, kind, out->owner)))
		return s;
	snprintf(out->gid, sizeof out->gid, "%s", gid);
	out->mine = !strcmp(out->owner, db->unit);
	if (!(out->kind = lf_kind_find(kind)))
		return lf_fail(db, LF_INVALID, "记录 %s 的类别“%s”不是本程序知道的。", gid, kind);
	if ((s = lf_rev_leaves(db, gid, collect_leaf, &l)) == LF_OK && out->nv < 2)
		s = lf_fail(db, LF_STATE, "%s %s 没有冲突（只有一个版本）。", out->kind->label, gid);
	if (s == LF_OK)
		s = diff_fields(db, out, l.bodies);
	for (i = 0; i < out->nv; i++)
		lf_free(l.bodies[i]);
	lf_free(l.bodies);
	return s;
}

void lf_conflict_free(struct lf_conflict *c)
{
	int i, j;

	for (j = 0; j < c->nf; j++) {
		for (i = 0; i < c->nv; i++)
			lf_free(c->f[j].value[i]);
		lf_free(c->f[j].value);
	}
	lf_free(c->f);
	lf_free(c->v);
	memset(c, 0, sizeof *c);
}
