#!/bin/sh
# Terminals: the screens start and quit cleanly with TERM = xterm,
# xterm-256color, screen, tmux-256color, linux and vt100; colour where the
# terminal has it, monochrome attributes where it has not (or NO_COLOR is
# set); every action works without function keys (vt100) and the help page
# lists each function key with its other key; lines fall back to ASCII on a
# terminal without line drawing; a character the terminal cannot show is a
# visible placeholder.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db

for t in xterm xterm-256color screen tmux-256color linux vt100; do
	TERM=$t tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-row-has 0 肃州区市场监督管理局
expect-row-has 1 首页 ───
type q
expect-exit 0
expect-restored
EOS
done

TERM=xterm-256color tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-colour
type q
expect-exit 0
EOS
NO_COLOR=1 tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-no-colour
expect-attr 0 1 reverse
type q
expect-exit 0
EOS

# vt100: no colour, and no function key needed anywhere. The home's help
# names what this terminal shows: no ▶, no grey (it cannot dim).
TERM=vt100 tui -- --db d.db <<'EOS'
wait 1 年度工作
expect-no-colour
expect-attr 0 1 reverse
expect-row-has 4 > 三 防范监督
key C-g
wait 帮助：首页
expect-has （> 是当前阶段）
expect-has 不加粗的是您的角色不能打开的
expect-lacks 灰色
key C-x
wait 1 年度工作
type 6
wait 共 25 条
expect-row 23 F1 ^G帮助 F5 a新建 Enter修改 F8 d停用 F3 /查找 F9 ^R历史 F10 ^X返回
type a
wait 新建人员
type 陈七
key Tab C-t
wait 选择岗位
key Down Enter
wait-gone 选择岗位
key C-g
wait 帮助：新建人员
expect-has 当前一项：岗位（从列表中选，可不填）
expect-has   保存      F2 或 Ctrl-S
expect-has   选择      F4 或 Ctrl-T
key C-f
wait 编辑文字
expect-has   左移      Left 或 Ctrl-B
key C-x
wait-gone 帮助：新建人员
key C-s
wait 已保存：人员
expect-has 陈七
key C-x
wait 1 年度工作
key C-x
expect-exit 0
expect-restored
EOS
contains "$(q d.db "SELECT count(*) FROM person WHERE name = '陈七' AND post IS NOT NULL")" "1" \
	"added with Ctrl keys only, the post picked with Ctrl-T"

# A terminal without line drawing, in the C locale: ASCII rules, and Chinese
# the terminal cannot show as '?' placeholders (never blanks).
mkdir ti
infocmp -x xterm | sed 's/^xterm|[^,]*,/xterm-noacs|xterm without line drawing,/; s/acsc=[^,]*,//; s/smacs=[^,]*,//; s/rmacs=[^,]*,//' >noacs.src
tic -x -o ti noacs.src 2>/dev/null
TERMINFO=$PWD/ti TERM=xterm-noacs LC_ALL=C LANG=C tui -- --db d.db <<'EOS'
wait ----------
expect-row 1  ?? ---------------------------------------------------------------------------
expect-row-has 0  ??    ??????????
type q
expect-exit 0
EOS

# A terminal type curses does not know: a clear message, nothing broken.
TERM=no-such-terminal tui -- --db d.db <<'EOS'
wait 无法使用终端类型“no-such-terminal”
expect-exit 1
expect-restored
EOS

done_testing
