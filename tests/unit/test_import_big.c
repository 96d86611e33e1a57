/* A million-line import: the real program reads all of it, reports the one
 * bad row at the end, writes nothing, and its memory does not grow with the
 * file. Its peak resident size is read from /proc/PID/status (VmHWM) while
 * it runs: wait4()'s ru_maxrss would count the memory of this test process,
 * which the child is a copy of until it execs. It is compared with that of
 * the same program importing a four-line file. */
#include "t.h"
#include "lianfang/store.h"
#include "lianfang/util.h"

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINES 1000000L

/* The lianfang next to this test binary (both are in build/san/), unless $LIANFANG says. */
static void program(char *out, size_t len)
{
	const char *env = getenv("LIANFANG");
	char self[2048];
	ssize_t n;

	if (env && *env) {
		if (!realpath(env, self))
			snprintf(self, sizeof self, "%s", env);
		snprintf(out, len, "%s", self);
		return;
	}
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	self[n > 0 ? n : 0] = 0;
	if (strrchr(self, '/'))
		*strrchr(self, '/') = 0;
	snprintf(out, len, "%s/lianfang", self);
}

/* The high-water mark of pid's memory, once it runs `bin` (not before its exec). */
static void peak_of(pid_t pid, const char *bin, long *kb)
{
	char path[64], exe[4096], line[256];
	ssize_t n;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%ld/exe", (long)pid);
	n = readlink(path, exe, sizeof exe - 1);
	if (n <= 0)
		return;
	exe[n] = 0;
	if (strcmp(exe, bin))
		return;
	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if (!(fp = fopen(path, "r")))
		return;
	while (fgets(line, sizeof line, fp)) {
		long v;

		if (sscanf(line, "VmHWM: %ld kB", &v) == 1 && v > *kb)
			*kb = v;
	}
	fclose(fp);
}

/* Run `lianfang --db db import summary file`; returns the exit status, the
 * peak resident size in KB and what it wrote to stderr. */
static int run_import(const char *db, const char *file, long *maxrss_kb, char *err, size_t errlen)
{
	char bin[4096], *asan;
	const char *old = getenv("ASAN_OPTIONS");
	struct rusage ru;
	int status = -1, fd;
	pid_t pid;

	program(bin, sizeof bin);
	pid = fork();
	if (pid == 0) {
		fd = open(t_path("big.err"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(fd, 2);
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		/* Measure the program, not the sanitizer's quarantine of freed memory. */
		asan = lf_printf("%s%squarantine_size_mb=4:thread_local_quarantine_size_kb=64:malloc_context_size=5",
		                 old ? old : "", old && *old ? ":" : "");
		setenv("ASAN_OPTIONS", asan, 1);
		execl(bin, bin, "--db", db, "import", "summary", file, (char *)NULL);
		_exit(127);
	}
	memset(&ru, 0, sizeof ru);
	if (pid < 0)
		return -1;
	*maxrss_kb = 0;
	for (;;) {
		pid_t w = wait4(pid, &status, WNOHANG, &ru);
		struct timespec nap = { 0, 5 * 1000 * 1000 };

		if (w == pid)
			break;
		if (w < 0 && errno != EINTR)
			return -1;
		peak_of(pid, bin, maxrss_kb);
		nanosleep(&nap, NULL);
	}
	{
		FILE *fp = fopen(t_path("big.err"), "rb");
		size_t n = fp ? fread(err, 1, errlen - 1, fp) : 0;

		err[n] = 0;
		if (fp)
			fclose(fp);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void write_table(const char *path, long rows)
{
	FILE *fp = fopen(path, "wb");
	long i;

	fputs("序号,处室,姓名,岗位名称,岗位职责,潜在风险,防控措施,风险等级,备注\r\n", fp);
	for (i = 1; i < rows; i++)
		fprintf(fp, "%ld,登记注册科,张三%ld,受理审查岗,受理登记申请,对材料不全的申请违规受理（第%ld条）,1.公开办事指南,中,\r\n",
		        i, i % 100, i);
	fputs("x,登记注册科,张三,受理审查岗,,风险,措施,很高,\r\n", fp); /* the one bad row, last */
	fclose(fp);
}

TEST(import_a_million_lines_in_bounded_memory)
{
	struct lf_db *db = NULL;
	char err[4096], want[128];
	struct stat sb;
	long small_kb = 0, big_kb = 0, file_kb;
	int rc;

	if (!T_OK(lf_db_create(t_path("big.db"), "620902", "肃州区市场监督管理局", NULL, "tester", &db, err, sizeof err) ==
	          LF_OK, "a database: %s", err))
		return;
	lf_db_close(db);
	write_table(t_path("small.csv"), 4);
	write_table(t_path("big.csv"), LINES);
	stat(t_path("big.csv"), &sb);
	file_kb = (long)(sb.st_size / 1024);
	rc = run_import(t_path("big.db"), t_path("small.csv"), &small_kb, err, sizeof err);
	T_OK(rc == 1 && strstr(err, "small.csv 第 5 行“风险等级”列"), "four lines: refused for the last (%d): %s", rc, err);
	rc = run_import(t_path("big.db"), t_path("big.csv"), &big_kb, err, sizeof err);
	snprintf(want, sizeof want, "big.csv 第 %ld 行“风险等级”列：“很高”不是风险等级", LINES + 1);
	T_OK(rc == 1 && strstr(err, want), "a million lines: every one read, the bad last one reported (%d): %.300s", rc, err);
	T_OK(strstr(err, "没有导入任何内容") != NULL, "and nothing imported");
	printf("# %ld lines, %ld KB: peak %ld KB (a four-line file: %ld KB)\n", LINES + 1, file_kb, big_kb, small_kb);
	T_OK(big_kb > 0 && big_kb < file_kb / 2, "peak memory %ld KB is under half the file's %ld KB", big_kb, file_kb);
	T_OK(big_kb < small_kb + 32 * 1024, "and within 32 MB of a four-line import's %ld KB", small_kb);
	unlink(t_path("big.csv"));
}
