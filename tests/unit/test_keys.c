/* Tests of the key tables: no key does two things on one screen, every
 * function key has a partner that works without function keys, and the
 * manual's KEYS section is what the tables say (UPDATE_GOLDEN=1 rewrites
 * it in lianfang.1). */
#include "t.h"
#include "lianfang/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_function_key(int k)
{
	return (k & 0x200000) && (k & 0xffff) >= KEY_F(0) && (k & 0xffff) <= KEY_F(63);
}

TEST(keys_every_function_key_has_a_partner)
{
	const struct lf_action_table *t;
	const struct lf_ui_action *a;
	int bad = 0;

	for (t = lf_action_tables; t->title; t++)
		for (a = t->actions; a->id; a++) {
			int i, fn = 0, other = 0;

			for (i = 0; i < 5 && a->keys[i]; i++) {
				if (is_function_key(a->keys[i]))
					fn = 1;
				else if (!(a->keys[i] & 0x200000))
					other = 1;
			}
			if (fn && !other) {
				bad++;
				printf("# %s: %s has only function keys\n", t->title, a->name);
			}
		}
	T_OK(!bad, "every action with a function key has another key");
}

static int dup_in(const struct lf_ui_action *const *tables, int n, const char *screen)
{
	int bad = 0, x, y;

	for (x = 0; x < n; x++)
		for (y = x; y < n; y++)
			for (const struct lf_ui_action *a = tables[x]; a->id; a++)
				for (const struct lf_ui_action *b = x == y ? a + 1 : tables[y]; b->id; b++)
					for (int i = 0; i < 5 && a->keys[i]; i++)
						for (int j = 0; j < 5 && b->keys[j]; j++)
							if (a->keys[i] == b->keys[j]) {
								bad++;
								printf("# %s: %s and %s share a key\n", screen, a->name, b->name);
							}
	return bad;
}

/* On one screen — its table, the widget it embeds, the global table — a key
 * means one action. */
TEST(keys_no_key_does_two_things_on_a_screen)
{
	extern const struct lf_ui_action lf_form_actions[], lf_help_actions[], lf_home_actions[],
		lf_picker_actions[], lf_records_actions[];
	const struct lf_ui_action *form[] = { lf_form_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *records[] = { lf_records_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *picker[] = { lf_picker_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *home[] = { lf_home_actions, lf_global_actions };
	const struct lf_ui_action *help[] = { lf_help_actions, lf_global_actions };

	T_OK(!dup_in(form, 3, "form"), "form: one action per key");
	T_OK(!dup_in(records, 3, "records"), "lists: one action per key");
	T_OK(!dup_in(picker, 3, "picker"), "picker: one action per key");
	T_OK(!dup_in(home, 2, "home"), "home: one action per key");
	T_OK(!dup_in(help, 2, "help"), "help: one action per key");
}

/* The screens of sign-in, accounts and history: their table, the widget they
 * embed (a text field, a list, lines that scroll), the global table. */
TEST(keys_no_key_does_two_things_on_the_account_screens)
{
	extern const struct lf_ui_action lf_signin_actions[], lf_setup_actions[], lf_password_actions[],
		lf_adduser_actions[], lf_account_actions[], lf_users_actions[], lf_user_actions[], lf_history_actions[];
	const struct lf_ui_action *signin[] = { lf_signin_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *setup[] = { lf_setup_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *password[] = { lf_password_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *adduser[] = { lf_adduser_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *account[] = { lf_account_actions, lf_history_actions, lf_global_actions };
	const struct lf_ui_action *users[] = { lf_users_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *user[] = { lf_user_actions, lf_global_actions };
	const struct lf_ui_action *history[] = { lf_history_actions, lf_global_actions };

	T_OK(!dup_in(signin, 3, "signin"), "sign-in: one action per key");
	T_OK(!dup_in(setup, 3, "setup"), "first run: one action per key");
	T_OK(!dup_in(password, 3, "password"), "password: one action per key");
	T_OK(!dup_in(adduser, 3, "add-user"), "adding a user: one action per key");
	T_OK(!dup_in(account, 3, "account"), "account: one action per key");
	T_OK(!dup_in(users, 3, "users"), "users: one action per key");
	T_OK(!dup_in(user, 2, "user"), "one user: one action per key");
	T_OK(!dup_in(history, 2, "history"), "history: one action per key");
}

/* The same for the file chooser and the exchange, export and import screens. */
TEST(keys_no_key_does_two_things_on_the_file_screens)
{
	extern const struct lf_ui_action lf_path_actions[], lf_exchange_actions[], lf_merge_actions[],
		lf_conflicts_actions[], lf_conflict_actions[], lf_export_actions[], lf_xproblems_actions[],
		lf_import_actions[], lf_ipreview_actions[];
	const struct lf_ui_action *path[] = { lf_path_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *exchange[] = { lf_exchange_actions, lf_global_actions };
	const struct lf_ui_action *merge[] = { lf_merge_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *conflicts[] = { lf_conflicts_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *conflict[] = { lf_conflict_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *export[] = { lf_export_actions, lf_global_actions };
	const struct lf_ui_action *problems[] = { lf_xproblems_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *import[] = { lf_import_actions, lf_global_actions };
	const struct lf_ui_action *preview[] = { lf_ipreview_actions, lf_list_actions, lf_global_actions };

	T_OK(!dup_in(path, 3, "path"), "file chooser: one action per key");
	T_OK(!dup_in(exchange, 2, "exchange"), "exchange: one action per key");
	T_OK(!dup_in(merge, 3, "merge"), "merge preview: one action per key");
	T_OK(!dup_in(conflicts, 3, "conflicts"), "conflicts: one action per key");
	T_OK(!dup_in(conflict, 3, "conflict"), "a conflict: one action per key");
	T_OK(!dup_in(export, 2, "export"), "export: one action per key");
	T_OK(!dup_in(problems, 3, "export problems"), "export problems: one action per key");
	T_OK(!dup_in(import, 2, "import"), "import: one action per key");
	T_OK(!dup_in(preview, 3, "import preview"), "import preview: one action per key");
}

/* The same for the phase-2 screens: self-check forms, the summary table and
 * the heat map. */
TEST(keys_no_key_does_two_things_on_the_phase2_screens)
{
	extern const struct lf_ui_action lf_sheet_actions[], lf_sclist_actions[], lf_scform_actions[],
		lf_summary_actions[], lf_heatmap_actions[], lf_scheme_actions[];
	const struct lf_ui_action *sheet[] = { lf_sheet_actions, lf_edit_actions, lf_global_actions };
	const struct lf_ui_action *sclist[] = { lf_sclist_actions, lf_global_actions };
	const struct lf_ui_action *scform[] = { lf_scform_actions, lf_list_actions, lf_global_actions };
	const struct lf_ui_action *summary[] = { lf_summary_actions, lf_global_actions };
	const struct lf_ui_action *heatmap[] = { lf_heatmap_actions, lf_global_actions };
	/* the scheme's editing keys work only while a value is edited, when its own are off */
	const struct lf_ui_action *scheme[] = { lf_scheme_actions, lf_global_actions };

	T_OK(!dup_in(sheet, 3, "sheet"), "risk, measure, review and level sheets: one action per key");
	T_OK(!dup_in(sclist, 2, "self-check list"), "self-check list: one action per key");
	T_OK(!dup_in(scform, 3, "self-check form"), "self-check form: one action per key");
	T_OK(!dup_in(summary, 2, "summary"), "summary table: one action per key");
	T_OK(!dup_in(heatmap, 2, "heat map"), "heat map: one action per key");
	T_OK(!dup_in(scheme, 2, "scheme"), "grading scheme: one action per key");
}

/* The home's menu keys: one row each, and none an action of the home or of
 * every screen takes first (that row could never be opened by its key).
 * 9, 0 and h are 自查表, 汇总表 and 热力图. */
TEST(keys_home_menu_one_key_per_row)
{
	extern const struct lf_ui_action lf_home_actions[];
	extern int lf_home_menu_row(int i, int *key, const char **group, const char **label, const char **about);
	const struct lf_ui_action *tables[] = { lf_home_actions, lf_global_actions };
	const char *group, *label, *about, *og, *ol, *oa;
	int i, j, t, k, key, other, bad = 0, n = 0;

	for (i = 0; lf_home_menu_row(i, &key, &group, &label, &about); i++, n++) {
		for (j = 0; j < i; j++) {
			lf_home_menu_row(j, &other, &og, &ol, &oa);
			if (other == key) {
				bad++;
				printf("# home: rows %d and %d share the key %c\n", j, i, key);
			}
		}
		for (t = 0; t < 2; t++)
			for (const struct lf_ui_action *a = tables[t]; a->id; a++)
				for (k = 0; k < 5 && a->keys[k]; k++)
					if (a->keys[k] == key) {
						bad++;
						printf("# home: the key %c of row %d is the action %s's\n", key, i, a->name);
					}
		if (key == '9' || key == '0' || key == 'h')
			T_OK(!strcmp(label, key == '9' ? "自查表" : key == '0' ? "汇总表" : "热力图"), "%c opens %s", key, label);
	}
	T_OK(n >= 16, "the home has its rows (%d)", n);
	T_OK(!bad, "every home row has a key of its own");
}

TEST(keys_manual_matches_the_tables)
{
	const char *top = getenv("LIANFANG_TOP");
	char path[1024], *text, *start, *end;
	struct lf_buf want, all;
	FILE *fp;
	size_t n;

	if (!T_OK(top != NULL, "LIANFANG_TOP is set (tests/run sets it)"))
		return;
	snprintf(path, sizeof path, "%s/lianfang.1", top);
	lf_buf_init(&want);
	lf_keys_man(&want);
	lf_buf_init(&all);
	if ((fp = fopen(path, "r"))) {
		char buf[4096];

		while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
			lf_buf_add(&all, buf, n);
		fclose(fp);
	}
	text = all.s;
	start = strstr(text, ".SH KEYS\n");
	end = start ? strstr(start + 1, "\n.SH ") : NULL;
	if (getenv("UPDATE_GOLDEN") && start && end && (fp = fopen(path, "w"))) {
		fwrite(text, 1, (size_t)(start - text), fp);
		fputs(want.s, fp);
		fputs(end + 1, fp);
		fclose(fp);
	}
	T_OK(start && end && (size_t)(end + 1 - start) == want.len && !memcmp(start, want.s, want.len),
	     "lianfang.1 has the KEYS section the tables make (UPDATE_GOLDEN=1 tests/run … rewrites it)");
	lf_buf_free(&want);
	lf_buf_free(&all);
}
