/* pathcomp: paths typed on a screen (include/lianfang/pathcomp.h) — the
 * starting directory on a USB stick, directory listings, Tab completion and
 * the bytes ⇄ characters of file names. No curses. */
#include "lianfang/pathcomp.h"
#include "lianfang/edit.h"
#include "lianfang/util.h"

#include <dirent.h>
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

/* ------------------------------------------------------------------ names */

static int locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* Decode in the locale's encoding. strict: fail (-1) on a byte it cannot
 * read; otherwise such a byte becomes LF_PATH_BYTE. */
static int decode_locale(const char *b, size_t len, wchar_t *out, size_t *n, int strict)
{
	mbstate_t st;
	size_t i = 0, k = 0, j;

	memset(&st, 0, sizeof st);
	while (i < len) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, b + i, len - i, &st);

		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			if (strict)
				return -1;
			out[k++] = (unsigned char)b[i] < 0x80 ? (wchar_t)(unsigned char)b[i] : LF_PATH_BYTE(b[i]);
			i++;
			memset(&st, 0, sizeof st);
		} else if (LF_PATH_IS_BYTE(wc)) {
			/* a real character of our escape range is kept as its bytes */
			for (j = 0; j < r; j++)
				out[k++] = LF_PATH_BYTE(b[i + j]);
			i += r;
		} else {
			out[k++] = wc;
			i += r;
		}
	}
	*n = k;
	return 0;
}

/* Decode valid UTF-8 (the caller checked); 1 if every non-ASCII character
 * took three bytes or more (CJK and the like: text, not an accident). */
static int decode_utf8(const char *b, size_t len, wchar_t *out, size_t *n)
{
	size_t i = 0, k = 0;
	int wide = 1;

	while (i < len) {
		unsigned cp;
		int step = lf_utf8_decode(b + i, len - i, &cp);

		if (step <= 0) { /* not reached: checked valid */
			out[k++] = LF_PATH_BYTE(b[i]);
			i++;
			continue;
		}
		if (step == 2)
			wide = 0;
		if (LF_PATH_IS_BYTE((wchar_t)cp)) {
			int j;

			for (j = 0; j < step; j++)
				out[k++] = LF_PATH_BYTE(b[i + (size_t)j]);
		} else {
			out[k++] = (wchar_t)cp;
		}
		i += (size_t)step;
	}
	*n = k;
	return wide;
}

wchar_t *lf_path_decode(const char *bytes, size_t len, size_t *n)
{
	wchar_t *out = lf_alloc((len + 1) * sizeof *out);
	size_t k = 0;

	if (lf_utf8_valid(bytes, len) == len) {
		/* In a UTF-8 locale that is the answer. In a GBK locale, a stick
		 * written on a UTF-8 machine: believe UTF-8 when it reads as text
		 * (GBK bytes are valid UTF-8 only by accident, and then mostly as
		 * two-byte Latin letters). */
		if (decode_utf8(bytes, len, out, &k) || locale_is_utf8() || decode_locale(bytes, len, out, &k, 1))
			decode_utf8(bytes, len, out, &k);
	} else if (decode_locale(bytes, len, out, &k, 1)) {
		decode_locale(bytes, len, out, &k, 0);
	}
	out[k] = 0;
	if (n)
		*n = k;
	return out;
}

/* Encode one part of a path; NULL when the locale cannot hold a character. */
static char *encode_part(const wchar_t *s, size_t n, int utf8)
{
	struct lf_buf b;
	mbstate_t st;
	size_t i;

	lf_buf_init(&b);
	memset(&st, 0, sizeof st);
	for (i = 0; i < n; i++) {
		if (LF_PATH_IS_BYTE(s[i])) {
			lf_buf_addc(&b, (char)(s[i] - 0x10ff00));
		} else if (utf8) {
			char *u = lf_wcs_to_utf8(&s[i], 1);

			lf_buf_adds(&b, u);
			lf_free(u);
		} else {
			char mb[MB_LEN_MAX];
			size_t r = wcrtomb(mb, s[i], &st);

			if (r == (size_t)-1) {
				lf_buf_free(&b);
				return NULL;
			}
			lf_buf_add(&b, mb, r);
		}
	}
	return lf_buf_steal(&b);
}

static int exists(struct lf_buf *prefix, const char *part)
{
	struct stat sb;
	size_t len = prefix->len;
	int r;

	lf_buf_adds(prefix, part);
	r = lstat(prefix->s, &sb) == 0;
	prefix->len = len;
	prefix->s[len] = 0;
	return r;
}

static const char *home(void)
{
	const char *h = getenv("HOME");

	return h && *h ? h : "/";
}

char *lf_path_encode(const wchar_t *s, size_t n)
{
	struct lf_buf b;
	size_t i = 0;

	lf_buf_init(&b);
	if (n >= 1 && s[0] == '~' && (n == 1 || s[1] == '/')) {
		const char *h = home();

		lf_buf_add(&b, h, strlen(h) > 1 && h[strlen(h) - 1] == '/' ? strlen(h) - 1 : strlen(h));
		i = 1;
	}
	while (i < n) {
		size_t j = i;
		char *loc, *u8;

		if (s[i] == '/') {
			lf_buf_addc(&b, '/');
			i++;
			continue;
		}
		while (j < n && s[j] != '/')
			j++;
		loc = encode_part(s + i, j - i, 0);
		u8 = encode_part(s + i, j - i, 1);
		if (!loc || (strcmp(loc, u8) && !exists(&b, loc) && exists(&b, u8)))
			lf_buf_adds(&b, u8);
		else
			lf_buf_adds(&b, loc);
		lf_free(loc);
		lf_free(u8);
		i = j;
	}
	return lf_buf_steal(&b);
}

char *lf_path_display(const char *bytes)
{
	size_t n, i;
	wchar_t *w = lf_path_decode(bytes, strlen(bytes), &n);
	char *out;

	for (i = 0; i < n; i++)
		if (LF_PATH_IS_BYTE(w[i]))
			w[i] = 0xfffd;
	out = lf_wcs_to_utf8(w, n);
	lf_free(w);
	return out;
}

/* ------------------------------------------------------------------ where to start */

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (!n)
		return lf_strdup(name);
	return lf_printf("%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
}

/* 1 if the directory holds anything at all (unreadable: 0). */
static int nonempty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int any = 0;

	if (!d)
		return 0;
	while (!any && (e = readdir(d)))
		any = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return any;
}

/* The visible entries that hold something: files, directories that are
 * not empty, and directories something is mounted on (a new stick may be
 * empty; an empty /media/cdrom is no stick). *one gets the single directory
 * when that is all there is. */
static int useful_entries(const char *path, char **one)
{
	DIR *d = opendir(path);
	struct dirent *e;
	struct stat here;
	int n = 0, dirs = 0;

	*one = NULL;
	if (!d)
		return 0;
	if (stat(path, &here))
		memset(&here, 0, sizeof here);
	while ((e = readdir(d))) {
		char *full;
		struct stat sb;

		if (e->d_name[0] == '.')
			continue;
		full = join(path, e->d_name);
		if (stat(full, &sb) == 0 && (!S_ISDIR(sb.st_mode) || sb.st_dev != here.st_dev || nonempty(full))) {
			n++;
			if (S_ISDIR(sb.st_mode) && dirs++ == 0) {
				lf_free(*one);
				*one = full;
				full = NULL;
			}
		}
		lf_free(full);
	}
	closedir(d);
	if (n != 1 || dirs != 1) {
		lf_free(*one);
		*one = NULL;
	}
	return n;
}

char *lf_path_start(int *on_stick)
{
	const char *env = getenv("LIANFANG_MOUNTS");
	char *roots = lf_strdup(env && *env ? env : "/media:/mnt:/run/media"), *root, *save = NULL, *found = NULL;

	for (root = strtok_r(roots, ":", &save); root && !found; root = strtok_r(NULL, ":", &save)) {
		char *one, *at;
		int depth;

		if (!useful_entries(root, &one))
			continue;
		at = lf_strdup(root);
		for (depth = 0; one && depth < 4; depth++) {
			lf_free(at);
			at = one;
			useful_entries(at, &one);
		}
		lf_free(one);
		found = at;
	}
	lf_free(roots);
	if (on_stick)
		*on_stick = found != NULL;
	if (!found)
		found = lf_strdup(home());
	if (found[strlen(found) - 1] != '/') {
		char *t = lf_printf("%s/", found);

		lf_free(found);
		found = t;
	}
	return found;
}

/* ------------------------------------------------------------------ listing */

static void dir_error(const char *dir, int err, char *buf, size_t len)
{
	char *d = lf_path_display(*dir ? dir : ".");

	switch (err) {
	case ENOENT:
		snprintf(buf, len, "没有目录“%s”。U 盘插好了吗？刚插上的 U 盘要等一会儿才出现，有的机器还要先挂载。", d);
		break;
	case ENOTDIR: snprintf(buf, len, "“%s”不是目录。", d); break;
	case EACCES:
	case EPERM: snprintf(buf, len, "没有权限读取目录“%s”。", d); break;
	default:
		snprintf(buf, len, "读取目录“%s”出错：%s。U 盘可能已经拔出或者坏了。", d, strerror(err));
	}
	lf_free(d);
}

static int has_prefix(const wchar_t *s, size_t n, const wchar_t *p, size_t plen, int fold)
{
	size_t i;

	if (plen > n)
		return 0;
	for (i = 0; i < plen; i++) {
		if (s[i] == p[i])
			continue;
		if (fold && s[i] < 0x80 && p[i] < 0x80 && towlower((wint_t)s[i]) == towlower((wint_t)p[i]))
			continue;
		return 0;
	}
	return 1;
}

static int ent_cmp(const void *a, const void *b)
{
	const struct lf_pathent *x = a, *y = b;

	if (x->dir != y->dir)
		return y->dir - x->dir;
	return wcscmp(x->name, y->name);
}

static void ent_free(struct lf_pathent *e)
{
	lf_free(e->name);
	lf_free(e->bytes);
}

int lf_path_list(const char *dir, const wchar_t *prefix, size_t plen, struct lf_pathlist *out, char *err,
                 size_t errlen)
{
	const char *path = dir && *dir ? dir : ".";
	struct lf_pathent *v = NULL;
	int n = 0, cap = 0, exact = 0, i, k;
	struct dirent *e;
	DIR *d;

	memset(out, 0, sizeof *out);
	if (!(d = opendir(path))) {
		dir_error(path, errno, err, errlen);
		return -1;
	}
	for (;;) {
		struct lf_pathent x;
		struct stat sb;
		char *full;

		errno = 0;
		if (!(e = readdir(d)))
			break;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (e->d_name[0] == '.' && !(plen && prefix[0] == '.'))
			continue;
		memset(&x, 0, sizeof x);
		x.name = lf_path_decode(e->d_name, strlen(e->d_name), &x.len);
		if (!has_prefix(x.name, x.len, prefix, plen, 1)) {
			lf_free(x.name);
			continue;
		}
		x.bytes = lf_strdup(e->d_name);
		full = join(path, e->d_name);
		if (stat(full, &sb) == 0) {
			x.dir = S_ISDIR(sb.st_mode);
			x.size = (long long)sb.st_size;
			x.mtime = sb.st_mtime;
		} else {
			x.size = -1; /* a link to nothing */
		}
		lf_free(full);
		exact += has_prefix(x.name, x.len, prefix, plen, 0);
		if (n == cap) {
			cap = cap * 2 + 32;
			v = lf_realloc(v, (size_t)cap * sizeof *v);
		}
		v[n++] = x;
	}
	if (errno) {
		int saved = errno;

		closedir(d);
		for (i = 0; i < n; i++)
			ent_free(&v[i]);
		lf_free(v);
		dir_error(path, saved, err, errlen);
		return -1;
	}
	closedir(d);
	/* ignore ASCII case only when nothing matches as typed */
	if (exact) {
		for (i = k = 0; i < n; i++) {
			if (has_prefix(v[i].name, v[i].len, prefix, plen, 0))
				v[k++] = v[i];
			else
				ent_free(&v[i]);
		}
		n = k;
	}
	if (n)
		qsort(v, (size_t)n, sizeof *v, ent_cmp);
	out->total = n;
	for (i = LF_PATH_LIST_MAX; i < n; i++)
		ent_free(&v[i]);
	out->v = v;
	out->n = n < LF_PATH_LIST_MAX ? n : LF_PATH_LIST_MAX;
	return 0;
}

void lf_pathlist_free(struct lf_pathlist *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		ent_free(&l->v[i]);
	lf_free(l->v);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ completion */

static void set_text(struct lf_pathcomp *c, const wchar_t *a, size_t na, const wchar_t *b, size_t nb, int slash)
{
	lf_free(c->text);
	c->len = na + nb + (slash ? 1 : 0);
	c->text = lf_alloc((c->len + 1) * sizeof *c->text);
	wmemcpy(c->text, a, na);
	wmemcpy(c->text + na, b, nb);
	if (slash)
		c->text[na + nb] = '/';
	c->text[c->len] = 0;
}

int lf_path_complete(const wchar_t *text, size_t len, struct lf_pathcomp *out, char *err, size_t errlen)
{
	static const wchar_t tilde[] = { '~', '/' };
	struct lf_pathlist l;
	size_t cut = 0, i, common;
	int j;

	memset(out, 0, sizeof *out);
	if (len == 1 && text[0] == '~') {
		text = tilde;
		len = 2;
	}
	set_text(out, text, len, NULL, 0, 0);
	for (i = 0; i < len; i++)
		if (text[i] == '/')
			cut = i + 1;
	out->dir = cut ? lf_path_encode(text, cut) : lf_strdup("");
	if (lf_path_list(out->dir, text + cut, len - cut, &l, err, errlen))
		return -1;
	if (l.total == 0) {
		char *d = lf_path_display(*out->dir ? out->dir : "."), *p = lf_wcs_to_utf8(text + cut, len - cut);

		snprintf(err, errlen, "“%s”里没有以“%s”开头的文件或目录。", d, p);
		lf_free(d);
		lf_free(p);
		lf_pathlist_free(&l);
		return -1;
	}
	if (l.total == 1) {
		out->unique = 1;
		set_text(out, text, cut, l.v[0].name, l.v[0].len, l.v[0].dir);
		if (!l.v[0].dir) {
			out->cands = l;
			return 0;
		}
		/* a directory: show what is in it */
		{
			char *sub = join(out->dir, l.v[0].bytes);

			lf_free(out->dir);
			out->dir = lf_printf("%s/", sub);
			lf_free(sub);
		}
		lf_pathlist_free(&l);
		out->listed_dir = 1;
		return lf_path_list(out->dir, NULL, 0, &out->cands, err, errlen);
	}
	/* as far as every match agrees (each as listed: ignoring case only if
	 * that is how they matched) */
	common = l.v[0].len;
	for (j = 1; j < l.n; j++) {
		for (i = 0; i < common && i < l.v[j].len && l.v[j].name[i] == l.v[0].name[i]; i++)
			;
		common = i;
	}
	if (common >= len - cut)
		set_text(out, text, cut, l.v[0].name, common, 0);
	out->cands = l;
	return 0;
}

void lf_pathcomp_free(struct lf_pathcomp *c)
{
	lf_free(c->text);
	lf_free(c->dir);
	lf_pathlist_free(&c->cands);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ checking a choice */

static void write_error(const char *dir, int err, char *buf, size_t len)
{
	char *d = lf_path_display(dir);

	if (err == EROFS)
		snprintf(buf, len, "“%s”是只读的，不能写入（U 盘的写保护开关打开了？）。", d);
	else if (err == EACCES || err == EPERM)
		snprintf(buf, len, "没有权限写入目录“%s”。", d);
	else
		snprintf(buf, len, "不能写入目录“%s”：%s。", d, strerror(err));
	lf_free(d);
}

static int check_dir(const char *dir, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(*dir ? dir : ".", &sb)) {
		dir_error(dir, errno, err, errlen);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		dir_error(dir, ENOTDIR, err, errlen);
		return -1;
	}
	if (access(*dir ? dir : ".", W_OK | X_OK)) {
		write_error(*dir ? dir : ".", errno, err, errlen);
		return -1;
	}
	return 0;
}

int lf_path_check(const char *path, enum lf_path_mode mode, char *err, size_t errlen)
{
	size_t n = strlen(path);
	struct stat sb;
	char *d, *dir;
	int r;

	if (!n) {
		snprintf(err, errlen, "请写上%s。", mode == LF_PATH_DIR ? "目录" : "文件名");
		return -1;
	}
	if (mode == LF_PATH_DIR)
		return check_dir(path, err, errlen);
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return 1;
		if (!S_ISREG(sb.st_mode)) {
			d = lf_path_display(path);
			snprintf(err, errlen, "“%s”不是普通文件。", d);
			lf_free(d);
			return -1;
		}
		if (mode == LF_PATH_READ && access(path, R_OK)) {
			d = lf_path_display(path);
			snprintf(err, errlen, "没有权限读取“%s”。", d);
			lf_free(d);
			return -1;
		}
	} else if (mode == LF_PATH_READ || errno != ENOENT) {
		int e = errno;

		d = lf_path_display(path);
		if (e == ENOENT)
			snprintf(err, errlen, "没有文件“%s”。", d);
		else
			snprintf(err, errlen, "无法读取“%s”：%s。U 盘可能已经拔出或者坏了。", d, strerror(e));
		lf_free(d);
		return -1;
	}
	if (mode == LF_PATH_READ)
		return 0;
	if (path[n - 1] == '/') {
		snprintf(err, errlen, "请在目录后面写上文件名。");
		return -1;
	}
	dir = lf_strdup(path);
	*(strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir) = 0;
	r = check_dir(dir, err, errlen);
	lf_free(dir);
	return r;
}
