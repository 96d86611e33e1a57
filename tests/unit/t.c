/* t: the test runner (see t.h). `unit-tests [NAME-SUBSTRING…]` runs matching tests. */
#include "t.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct test {
	const char *name, *file;
	void (*fn)(void);
};

static struct test tests[512];
static int ntests, nchecks, nfailed;
static const char *current;
static char dir[256];

void t_register(const char *name, void (*fn)(void), const char *file)
{
	if (ntests < (int)(sizeof tests / sizeof tests[0]))
		tests[ntests++] = (struct test){ name, file, fn };
}

int t_check(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	nchecks++;
	if (!cond)
		nfailed++;
	printf("%sok %d - %s: ", cond ? "" : "not ", nchecks, current);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!cond)
		printf("  (%s:%d)", file, line);
	printf("\n");
	fflush(stdout);
	return cond;
}

int t_eq_str(const char *a, const char *b, const char *what, const char *file, int line)
{
	return t_check(a && b && !strcmp(a, b), file, line, "%s: got \"%s\", want \"%s\"", what,
	               a ? a : "(null)", b ? b : "(null)");
}

const char *t_dir(void)
{
	if (!dir[0]) {
		const char *base = getenv("TMPDIR");

		snprintf(dir, sizeof dir, "%s/lianfang-unit-XXXXXX", base && *base ? base : "/tmp");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			exit(2);
		}
	}
	return dir;
}

/* Each test gets its own subdirectory, so tests never share files. */
const char *t_path(const char *name)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];

	snprintf(b, sizeof bufs[0], "%s/%s", t_dir(), current);
	mkdir(b, 0700);
	snprintf(b, sizeof bufs[0], "%s/%s/%s", t_dir(), current, name);
	return b;
}

int t_sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	rc = system(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

static int selected(const struct test *t, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (strstr(t->name, argv[i]) || strstr(t->file, argv[i]))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < ntests; i++) {
		if (!selected(&tests[i], argc, argv))
			continue;
		current = tests[i].name;
		tests[i].fn();
	}
	printf("1..%d\n", nchecks);
	if (dir[0] && !getenv("T_KEEP"))
		t_sh("rm -rf '%s'", dir);
	return nfailed ? 1 : 0;
}
