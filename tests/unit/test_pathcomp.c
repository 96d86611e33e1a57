/* Tests of pathcomp: where a file chooser starts, directory listings, Tab
 * completion, and file names in UTF-8 and in a GBK locale — without curses. */
#include "t.h"
#include "xfix.h"
#include "lianfang/edit.h"
#include "lianfang/pathcomp.h"
#include "lianfang/util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void utf8_locale(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

static void touch(const char *dir, const char *name)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "w"))) {
		fputs("x", f);
		fclose(f);
	}
}

static void mkdirs(const char *dir, const char *name)
{
	char path[1024];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	mkdir(path, 0755);
}

/* Complete UTF-8 text; the result as UTF-8 (static buffer), or NULL. */
static const char *complete(const char *typed, struct lf_pathcomp *c, char *err, size_t errlen)
{
	static char out[2048];
	size_t n;
	wchar_t *w = lf_utf8_to_wcs(typed, &n);
	char *u;
	int r = lf_path_complete(w, n, c, err, errlen);

	lf_free(w);
	u = lf_wcs_to_utf8(c->text, c->len);
	snprintf(out, sizeof out, "%s", u);
	lf_free(u);
	return r ? NULL : out;
}

static char *name_of(const struct lf_pathent *e)
{
	return lf_wcs_to_utf8(e->name, e->len);
}

TEST(pathcomp_lists_directories_first_and_hides_dot_files)
{
	char dir[512], err[512];
	struct lf_pathlist l;
	wchar_t dot[] = { '.' };
	char *a, *b, *c;

	utf8_locale();
	snprintf(dir, sizeof dir, "%s", t_path("stick"));
	mkdir(dir, 0755);
	touch(dir, "汇总表.csv");
	touch(dir, "汇总表-2025.csv");
	touch(dir, ".hidden");
	mkdirs(dir, "资料");
	T_IS(lf_path_list(dir, NULL, 0, &l, err, sizeof err), 0, "list");
	T_IS(l.n, 3, "three visible entries");
	a = name_of(&l.v[0]);
	b = name_of(&l.v[1]);
	c = name_of(&l.v[2]);
	T_SAME(a, "资料", "the directory first");
	T_OK(l.v[0].dir && !l.v[1].dir && !l.v[2].dir, "marked as one");
	T_SAME(b, "汇总表-2025.csv", "then the files by name");
	T_SAME(c, "汇总表.csv", "…");
	T_IS(l.v[1].size, 1, "with their size");
	lf_free(a);
	lf_free(b);
	lf_free(c);
	lf_pathlist_free(&l);
	T_IS(lf_path_list(dir, dot, 1, &l, err, sizeof err), 0, "list names starting with a dot");
	T_OK(l.n == 1 && !strcmp(l.v[0].bytes, ".hidden"), "only then are dot files shown");
	lf_pathlist_free(&l);
}

TEST(pathcomp_completes_like_a_shell)
{
	char dir[512], typed[600], err[512], want[600];
	struct lf_pathcomp c;
	const char *got;

	utf8_locale();
	snprintf(dir, sizeof dir, "%s", t_path("stick"));
	mkdir(dir, 0755);
	touch(dir, "汇总表.csv");
	touch(dir, "汇总表-2025.csv");
	touch(dir, "Bundle-620921.lfb");
	mkdirs(dir, "资料");
	touch(dir, "资料/自查表.xlsx");

	snprintf(typed, sizeof typed, "%s/汇", dir);
	got = complete(typed, &c, err, sizeof err);
	snprintf(want, sizeof want, "%s/汇总表", dir);
	T_SAME(got, want, "two matches: as far as they agree");
	T_OK(!c.unique && c.cands.n == 2, "and both listed");
	snprintf(want, sizeof want, "%s/", dir);
	T_SAME(c.dir, want, "from this directory");
	lf_pathcomp_free(&c);

	snprintf(typed, sizeof typed, "%s/汇总表.", dir);
	got = complete(typed, &c, err, sizeof err);
	snprintf(want, sizeof want, "%s/汇总表.csv", dir);
	T_SAME(got, want, "one match: the whole name");
	T_OK(c.unique && !c.listed_dir, "unique, a file");
	lf_pathcomp_free(&c);

	snprintf(typed, sizeof typed, "%s/资", dir);
	got = complete(typed, &c, err, sizeof err);
	snprintf(want, sizeof want, "%s/资料/", dir);
	T_SAME(got, want, "a directory gets its slash");
	T_OK(c.listed_dir && c.cands.n == 1 && !strcmp(c.cands.v[0].bytes, "自查表.xlsx"), "and its entries are listed");
	lf_pathcomp_free(&c);

	snprintf(typed, sizeof typed, "%s/bundle", dir);
	got = complete(typed, &c, err, sizeof err);
	snprintf(want, sizeof want, "%s/Bundle-620921.lfb", dir);
	T_SAME(got, want, "ASCII case is ignored when nothing matches as typed");
	lf_pathcomp_free(&c);

	snprintf(typed, sizeof typed, "%s/无", dir);
	got = complete(typed, &c, err, sizeof err);
	T_OK(got == NULL && strstr(err, "没有以“无”开头的文件或目录"), "nothing matches: said so (%s)", err);
	snprintf(want, sizeof want, "%s/无", dir);
	{
		char *u = lf_wcs_to_utf8(c.text, c.len);

		T_SAME(u, want, "and the text is left as typed");
		lf_free(u);
	}
	lf_pathcomp_free(&c);

	snprintf(typed, sizeof typed, "%s/gone/x", dir);
	got = complete(typed, &c, err, sizeof err);
	T_OK(got == NULL && strstr(err, "没有目录") && strstr(err, "U 盘插好了吗"), "a missing stick: %s", err);
	lf_pathcomp_free(&c);

	/* relative to the working directory, and ~ for home */
	{
		char cwd[1024], *home = getenv("HOME") ? lf_strdup(getenv("HOME")) : NULL;

		T_OK(getcwd(cwd, sizeof cwd) != NULL, "getcwd");
		T_OK(chdir(dir) == 0, "cd into the stick");
		got = complete("资", &c, err, sizeof err);
		T_SAME(got, "资料/", "a relative path");
		lf_pathcomp_free(&c);
		setenv("HOME", dir, 1);
		got = complete("~/汇总表.", &c, err, sizeof err);
		T_SAME(got, "~/汇总表.csv", "~ is the home directory");
		lf_pathcomp_free(&c);
		T_OK(chdir(cwd) == 0, "back");
		if (home)
			setenv("HOME", home, 1);
		lf_free(home);
	}
}

TEST(pathcomp_names_no_encoding_reads_round_trip)
{
	/* 中文.csv in GBK bytes, read in a UTF-8 locale */
	static const char gbk[] = "\xd6\xd0\xce\xc4.csv";
	char dir[512], path[600], err[512];
	struct lf_pathlist l;
	size_t n;
	wchar_t *w;
	char *back, *shown;

	utf8_locale();
	w = lf_path_decode(gbk, strlen(gbk), &n);
	T_IS(n, 8, "each unreadable byte is one character");
	T_OK(LF_PATH_IS_BYTE(w[0]) && w[4] == '.', "kept as bytes");
	back = lf_path_encode(w, n);
	T_SAME(back, gbk, "and written back as the same bytes");
	shown = lf_path_display(gbk);
	T_SAME(shown, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd.csv", "shown with replacement characters");
	lf_free(w);
	lf_free(back);
	lf_free(shown);

	snprintf(dir, sizeof dir, "%s", t_path("stick"));
	mkdir(dir, 0755);
	touch(dir, gbk);
	T_IS(lf_path_list(dir, NULL, 0, &l, err, sizeof err), 0, "list");
	T_OK(l.n == 1 && !strcmp(l.v[0].bytes, gbk), "the entry keeps its bytes");
	if (l.n == 1) {
		snprintf(path, sizeof path, "%s/", dir);
		w = lf_path_decode(path, strlen(path), &n);
		w = lf_realloc(w, (n + l.v[0].len + 1) * sizeof *w);
		wmemcpy(w + n, l.v[0].name, l.v[0].len);
		back = lf_path_encode(w, n + l.v[0].len);
		T_IS(access(back, R_OK), 0, "a chosen entry opens");
		lf_free(back);
		lf_free(w);
	}
	lf_pathlist_free(&l);
}

/* A zh_CN.GBK locale made with localedef under the build directory, as the
 * screen tests make it (tests/tui/tui-lib). */
static int gbk_locale(void)
{
	const char *b = getenv("LIANFANG_BUILD");
	char dir[1024];

	if (!T_OK(b != NULL, "LIANFANG_BUILD is set (tests/run sets it)"))
		return 0;
	snprintf(dir, sizeof dir, "%s/locale", b);
	if (access(dir, F_OK) || t_sh("test -f '%s/zh_CN.GBK/LC_CTYPE'", dir))
		t_sh("mkdir -p '%s' && localedef -i zh_CN -f GBK '%s/zh_CN.GBK' >/dev/null 2>&1", dir, dir);
	setenv("LOCPATH", dir, 1);
	return T_OK(setlocale(LC_CTYPE, "zh_CN.GBK") != NULL, "a zh_CN.GBK locale (localedef in %s)", dir);
}

TEST(pathcomp_chinese_names_in_a_gbk_locale)
{
	static const char gbk[] = "\xd6\xd0\xce\xc4.csv";              /* 中文.csv in GBK */
	static const char utf8[] = "\xe6\xb1\x87\xe6\x80\xbb\xe8\xa1\xa8.csv"; /* 汇总表.csv in UTF-8 */
	static const wchar_t zhongwen[] = { 0x4e2d, 0x6587, '.', 'c', 's', 'v' };
	static const wchar_t huizong[] = { 0x6c47, 0x603b, 0x8868, '.', 'c', 's', 'v' };
	static const wchar_t xinbiao[] = { 0x65b0, 0x8868, '.', 'c', 's', 'v' };
	char dir[512], err[512], *p;
	struct lf_pathcomp c;
	wchar_t typed[600];
	size_t n, i;
	wchar_t *w;

	if (!gbk_locale())
		return;
	w = lf_path_decode(gbk, strlen(gbk), &n);
	T_OK(n == 6 && !wmemcmp(w, zhongwen, 6), "a GBK name reads as 中文.csv");
	lf_free(w);
	w = lf_path_decode(utf8, strlen(utf8), &n);
	T_OK(n == 7 && !wmemcmp(w, huizong, 7), "a UTF-8 name from a stick reads as 汇总表.csv");
	lf_free(w);

	snprintf(dir, sizeof dir, "%s", t_path("gbk"));
	mkdir(dir, 0755);
	touch(dir, gbk);
	touch(dir, utf8);
	w = lf_path_decode(dir, strlen(dir), &n);
	wmemcpy(typed, w, n);
	typed[n] = '/';
	lf_free(w);
	wmemcpy(typed + n + 1, zhongwen, 6);
	p = lf_path_encode(typed, n + 7);
	T_OK(strstr(p, gbk) && !access(p, F_OK), "typed 中文.csv is the GBK name on disk");
	lf_free(p);
	wmemcpy(typed + n + 1, huizong, 7);
	p = lf_path_encode(typed, n + 8);
	T_OK(strstr(p, utf8) && !access(p, F_OK), "typed 汇总表.csv is the UTF-8 name that exists");
	lf_free(p);
	wmemcpy(typed + n + 1, xinbiao, 6);
	p = lf_path_encode(typed, n + 7);
	T_OK(strstr(p, "\xd0\xc2\xb1\xed.csv") != NULL, "a new name is written in the locale's encoding (GBK)");
	lf_free(p);

	/* completing 汇 finds the UTF-8 name */
	typed[n + 1] = 0x6c47;
	T_IS(lf_path_complete(typed, n + 2, &c, err, sizeof err), 0, "complete 汇");
	T_OK(c.unique && c.len == n + 8 && !wmemcmp(c.text + n + 1, huizong, 7), "to 汇总表.csv");
	for (i = 0; i < (size_t)c.cands.n; i++)
		T_OK(!strcmp(c.cands.v[i].bytes, utf8), "whose bytes are kept");
	lf_pathcomp_free(&c);
	utf8_locale();
}

TEST(pathcomp_starts_on_the_stick)
{
	char root[512], other[512], env[1100], want[800], *s;
	int stick = -1;

	utf8_locale();
	snprintf(root, sizeof root, "%s", t_path("media"));
	snprintf(other, sizeof other, "%s", t_path("mnt"));
	mkdir(root, 0755);
	mkdir(other, 0755);
	snprintf(env, sizeof env, "%s:%s", root, other);
	setenv("LIANFANG_MOUNTS", env, 1);
	setenv("HOME", t_path("home"), 1);

	s = lf_path_start(&stick);
	snprintf(want, sizeof want, "%s/", t_path("home"));
	T_SAME(s, want, "nothing mounted: the home directory");
	T_IS(stick, 0, "and not on a stick");
	lf_free(s);

	mkdirs(root, "cdrom");
	s = lf_path_start(&stick);
	T_IS(stick, 0, "an empty /media/cdrom is no stick");
	lf_free(s);

	mkdirs(other, "wang");
	mkdirs(other, "wang/KINGSTON");
	touch(other, "wang/KINGSTON/汇总表.csv");
	s = lf_path_start(&stick);
	snprintf(want, sizeof want, "%s/wang/KINGSTON/", other);
	T_SAME(s, want, "down to the only stick");
	T_IS(stick, 1, "on a stick");
	lf_free(s);

	/* an empty stick: a directory something is mounted on (another file
	 * system: /dev/shm stands in for it) */
	{
		char shm[] = "/dev/shm/lianfang-stick-XXXXXX", link[700], root2[600];
		struct stat a, b;

		snprintf(root2, sizeof root2, "%s", t_path("media2"));
		mkdir(root2, 0755);
		snprintf(link, sizeof link, "%s/EMPTY", root2);
		if (T_OK(mkdtemp(shm) != NULL, "a directory on another file system (%s)", shm) &&
		    T_OK(symlink(shm, link) == 0, "linked into a mount root") && stat(shm, &a) == 0 &&
		    stat(root2, &b) == 0 && T_OK(a.st_dev != b.st_dev, "on another device")) {
			setenv("LIANFANG_MOUNTS", root2, 1);
			s = lf_path_start(&stick);
			snprintf(want, sizeof want, "%s/", link);
			T_SAME(s, want, "an empty stick is found");
			T_IS(stick, 1, "as a stick");
			lf_free(s);
			setenv("LIANFANG_MOUNTS", env, 1);
		}
		rmdir(shm);
	}

	mkdirs(other, "wang/SANDISK");
	touch(other, "wang/SANDISK/a.lfb");
	s = lf_path_start(&stick);
	snprintf(want, sizeof want, "%s/wang/", other);
	T_SAME(s, want, "two sticks: where both can be seen");
	lf_free(s);
	unsetenv("LIANFANG_MOUNTS");
}

TEST(pathcomp_checks_what_a_chooser_returns)
{
	char dir[512], path[600], err[512];

	utf8_locale();
	snprintf(dir, sizeof dir, "%s", t_path("stick"));
	mkdir(dir, 0755);
	touch(dir, "a.lfb");
	snprintf(path, sizeof path, "%s/a.lfb", dir);
	T_IS(lf_path_check(path, LF_PATH_READ, err, sizeof err), 0, "an existing file to read");
	T_IS(lf_path_check(path, LF_PATH_WRITE, err, sizeof err), 0, "or to replace");
	T_IS(lf_path_check(dir, LF_PATH_READ, err, sizeof err), 1, "a directory: go into it");
	T_IS(lf_path_check(dir, LF_PATH_DIR, err, sizeof err), 0, "a directory to write in");
	T_IS(lf_path_check(path, LF_PATH_DIR, err, sizeof err), -1, "a file is no directory");
	T_OK(strstr(err, "不是目录") != NULL, "%s", err);
	snprintf(path, sizeof path, "%s/b.lfb", dir);
	T_IS(lf_path_check(path, LF_PATH_READ, err, sizeof err), -1, "a missing file");
	T_OK(strstr(err, "没有文件") != NULL, "%s", err);
	T_IS(lf_path_check(path, LF_PATH_WRITE, err, sizeof err), 0, "a new file in an existing directory");
	snprintf(path, sizeof path, "%s/gone/b.lfb", dir);
	T_IS(lf_path_check(path, LF_PATH_WRITE, err, sizeof err), -1, "a new file where the stick was pulled out");
	T_OK(strstr(err, "没有目录") && strstr(err, "U 盘"), "%s", err);
	T_IS(lf_path_check("", LF_PATH_WRITE, err, sizeof err), -1, "nothing typed");

	/* an unreadable directory (root reads everything: try as nobody) */
	{
		char locked[600];
		pid_t pid;
		int status = -1;

		snprintf(locked, sizeof locked, "%s/locked", dir);
		mkdir(locked, 0);
		if ((pid = fork()) == 0) {
			struct lf_pathlist l;
			char e[512] = "";

			if (geteuid() == 0 && (setgid(65534) || setuid(65534)))
				_exit(3);
			_exit(lf_path_list(locked, NULL, 0, &l, e, sizeof e) == -1 && strstr(e, "没有权限读取目录") ? 0 : 1);
		}
		waitpid(pid, &status, 0);
		T_OK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "an unreadable directory is said to be (status %d)",
		     status);
	}
}
