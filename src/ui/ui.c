/* ui: a first plain screen — the unit and what its database holds. The screen
 * manager replaces this (issue: screen engine). */
#include "lianfang/rec.h"
#include "lianfang/ui.h"
#include "lianfang/unit.h"

#include <curses.h>
#include <stdio.h>

static long count_live(struct lf_db *db, const char *kind)
{
	char sql[128];
	sqlite3_stmt *st;
	long n = 0;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" WHERE deleted = 0", kind);
	if (lf_prepare(db, sql, &st) == LF_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

int lf_ui_run(struct lf_cli *cli, struct lf_db *db)
{
	struct lf_unit u;
	int i, row = 3, ch;

	(void)cli;
	if (lf_unit_get(db, db->unit, &u) != LF_OK)
		return 1;
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	erase();
	mvprintw(0, 0, "廉防  %s（%s）  用户 %s", u.name, u.code, db->actor);
	mvprintw(2, 0, "数据库 %s 中的记录：", db->path);
	for (i = 0; i < lf_nkinds && row < LINES - 2; i++) {
		long n = count_live(db, lf_kinds[i].name);

		if (n)
			mvprintw(row++, 2, "%-12s %6ld", lf_kinds[i].label, n);
	}
	mvprintw(LINES - 1, 0, "q 退出");
	refresh();
	while ((ch = getch()) != 'q' && ch != 'Q' && ch != ERR)
		;
	endwin();
	lf_unit_clear(&u);
	return 0;
}
