/* t: a small test framework. Each check prints one TAP line; tests register
 * themselves, so a new file in tests/unit/ needs no list to be edited.
 *
 *   TEST(store_opens_new_file) { T_OK(x == 1, "x is %d", x); }
 */
#ifndef LIANFANG_TEST_H
#define LIANFANG_TEST_H

#include <stdio.h>

void t_register(const char *name, void (*fn)(void), const char *file);
/* Record one check; prints "ok N - test: msg" or "not ok …". Returns cond. */
int t_check(int cond, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A fresh directory for this test run (removed at exit unless T_KEEP is set). */
const char *t_dir(void);
/* t_dir()/TEST/name: each test has its own directory. In a static buffer
 * rotated over a few calls. */
const char *t_path(const char *name);
/* Run a shell command; returns its exit status. */
int t_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define TEST(name)                                                           \
	static void name(void);                                                  \
	__attribute__((constructor)) static void t_reg_##name(void)             \
	{                                                                        \
		t_register(#name, name, __FILE__);                                   \
	}                                                                        \
	static void name(void)

#define T_OK(cond, ...) t_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define T_EQ_INT(a, b, what) \
	T_OK((long long)(a) == (long long)(b), "%s: got %lld, want %lld", what, (long long)(a), (long long)(b))
#define T_EQ_STR(a, b, what) t_eq_str((a), (b), (what), __FILE__, __LINE__)

int t_eq_str(const char *a, const char *b, const char *what, const char *file, int line);

#endif
