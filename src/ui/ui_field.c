/* ui_field: a text field on screen — the editing keys (one action table, so
 * the help page lists exactly the keys that work) and drawing an editor's
 * visible part. The editing itself is edit.c, which knows nothing of keys. */
#include "lianfang/screen.h"

#define OP(op) ((op) + 1)

const struct lf_ui_action lf_edit_actions[] = {
	{ OP(LF_ED_LEFT), "left", "左移", { LF_KEY(KEY_LEFT), LF_CTRL('B') }, 0, "光标左移一个字" },
	{ OP(LF_ED_RIGHT), "right", "右移", { LF_KEY(KEY_RIGHT), LF_CTRL('F') }, 0, "光标右移一个字" },
	{ OP(LF_ED_HOME), "home", "行首", { LF_KEY(KEY_HOME), LF_CTRL('A') }, 0, "到这一行的开头" },
	{ OP(LF_ED_END), "end", "行尾", { LF_KEY(KEY_END), LF_CTRL('E') }, 0, "到这一行的末尾" },
	{ OP(LF_ED_WORD_LEFT), "word-left", "上一词", { LF_KEY_CLEFT, LF_META('b') }, 0,
	  "左移一个词（中文到上一个标点）" },
	{ OP(LF_ED_WORD_RIGHT), "word-right", "下一词", { LF_KEY_CRIGHT, LF_META('f') }, 0,
	  "右移一个词（中文到下一个标点）" },
	{ OP(LF_ED_BACKSPACE), "backspace", "删前一字", { LF_KEY(KEY_BACKSPACE), 0x7f, LF_CTRL('H') }, 0,
	  "删除光标前的一个字" },
	{ OP(LF_ED_DELETE), "delete", "删后一字", { LF_KEY(KEY_DC), LF_CTRL('D') }, 0, "删除光标处的一个字" },
	{ OP(LF_ED_KILL_END), "kill-end", "剪到行尾", { LF_CTRL('K') }, 0, "剪下从光标到行尾的文字（Ctrl-Y 贴回）" },
	{ OP(LF_ED_KILL_START), "kill-start", "剪到行首", { LF_CTRL('U') }, 0, "剪下从行首到光标的文字（Ctrl-Y 贴回）" },
	{ OP(LF_ED_KILL_WORD), "kill-word", "剪前一词", { LF_CTRL('W'), LF_META(0x7f) }, 0, "剪下光标前的一个词" },
	{ OP(LF_ED_YANK), "yank", "贴回", { LF_CTRL('Y') }, 0, "把最近剪下的文字贴回光标处" },
	{ OP(LF_ED_UP), "up", "上一行", { LF_KEY(KEY_UP) }, 0, "多行文字里到上一行；在第一行时到上一项" },
	{ OP(LF_ED_DOWN), "down", "下一行", { LF_KEY(KEY_DOWN) }, 0, "多行文字里到下一行；在最后一行时到下一项" },
	{ OP(LF_ED_PAGE_UP), "page-up", "上一页", { LF_KEY(KEY_PPAGE), LF_META('v') }, 0, "多行文字里向上翻一页" },
	{ OP(LF_ED_PAGE_DOWN), "page-down", "下一页", { LF_KEY(KEY_NPAGE), LF_CTRL('V') }, 0, "多行文字里向下翻一页" },
	{ OP(LF_ED_TOP), "top", "开头", { LF_KEY_CHOME, LF_META('<') }, 0, "到全文开头" },
	{ OP(LF_ED_BOTTOM), "bottom", "末尾", { LF_KEY_CEND, LF_META('>') }, 0, "到全文末尾" },
	{ OP(LF_ED_OVERWRITE), "overwrite", "改写", { LF_KEY(KEY_IC), LF_META('i') }, 0,
	  "在插入和改写之间切换（改写时输入的字替换光标处的字）" },
	{ 0 },
};

int lf_field_key(struct lf_edit *e, int key, int pasting)
{
	const struct lf_ui_action *a;
	int i;

	if (pasting && (key == LF_ENTER || key == LF_TAB || key == '\n'))
		return lf_edit_insert(e, e->multiline ? '\n' : ' ') || 1;
	for (a = lf_edit_actions; a->id; a++)
		for (i = 0; i < 5 && a->keys[i]; i++)
			if (a->keys[i] == key) {
				lf_edit_do(e, (enum lf_edit_op)(a->id - 1));
				return 1;
			}
	if (key == LF_ENTER)
		return e->multiline ? lf_edit_insert(e, '\n') || 1 : 0;
	if (key >= 0x20 && key < 0x200000 && key != 0x7f) {
		lf_edit_insert(e, (wchar_t)key); /* control characters never get here */
		return 1;
	}
	return 0;
}

void lf_field_draw(WINDOW *w, struct lf_edit *e, int y, int x, int width, int height, attr_t a, int *cy, int *cx)
{
	struct lf_edit_row rows[64];
	int n, r, ry, rx;

	if (height > (int)LF_COUNT(rows))
		height = (int)LF_COUNT(rows);
	for (r = 0; r < height; r++)
		lf_ui_fill(w, y + r, x, width, a);
	lf_edit_layout(e, width, height, rows, &n, &ry, &rx);
	for (r = 0; r < n; r++)
		lf_ui_print_wcs(w, y + r, x + rows[r].pad, width - rows[r].pad, e->s + rows[r].start,
		                rows[r].end - rows[r].start, a);
	*cy = y + ry;
	*cx = x + rx;
}
