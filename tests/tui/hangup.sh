#!/bin/sh
# Never lose typed work: a dropped SSH link (the terminal closes: SIGHUP) or a
# SIGTERM in the middle of typing leaves a draft in the database; the next
# time this user opens that form it is offered back, whole — here a post with
# a 300-character duty text. Leaving a changed form can also keep a draft.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
duty=""
i=0
while [ $i -lt 30 ]; do
	duty="${duty}负责受理登记申请审查"
	i=$((i + 1))
done
# 300 characters: 30 × 10

tui -- --db d.db <<EOS
wait 1 年度工作
type 5
wait 共 8 条
key Enter
wait 共 4 条
type a
wait 新建岗位
expect-row-has 4 局领导班子
type 稽查岗
key Tab
type $duty
wait 300/10000
hangup
expect-exit 1
EOS
contains "$(q d.db "SELECT login || ' ' || form || ' [' || target || '] ' || json_extract(data, '\$.name') FROM draft")" \
	"discipline post [] 稽查岗" "the hang-up left a draft of the new post"
contains "$(q d.db "SELECT length(json_extract(data, '\$.duties')) FROM draft")" "300" "with all 300 characters of the duties"

# Another user opening the form is not offered it; this one is.
LIANFANG_USER=admin tui -- --db d.db <<'EOS'
wait 1 年度工作
type 5
wait 共 8 条
key Enter
wait 共 4 条
type a
wait 新建岗位
expect-lacks 草稿
key Esc
wait-gone 新建岗位
type q
type q
type q
expect-exit 0
EOS

tui -- --db d.db <<'EOS'
wait 1 年度工作
type 5
wait 共 8 条
key Enter
wait 共 4 条
type a
wait 存下的草稿
expect-has 有 2026-11-23 08:00 存下的草稿：  1 恢复草稿  2 删除草稿  Esc 取消
type 1
wait 已恢复草稿
expect-has 稽查岗
expect-has 负责受理登记申请审查负责受理登记申请审查
key F2
wait 已保存
type q
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT length(duties) FROM post WHERE name = '稽查岗'")" "300" "saved with the 300-character duties"
contains "$(q d.db "SELECT count(*) FROM draft")" "0" "saving removed the draft"

# SIGTERM while typing: also a draft.
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
type a
wait 新建人员
type 王五
wait-cursor 4 15
signal TERM
expect-exit 1
expect-restored
EOS
contains "$(q d.db "SELECT json_extract(data, '\$.name') FROM draft WHERE form = 'person'")" "王五" \
	"SIGTERM left a draft"

# A terminal that goes away without a SIGHUP (the program is not in the
# terminal's session, like under some SSH or nohup setups): reads fail, the
# loop notices, and the draft is kept all the same.
"$HARNESS" -- setsid -w sh -c 'echo $$ >lf.pid; exec "$0" "$@"' "$LIANFANG" --db d.db >"$T_DIR/.tui" 2>&1 <<'EOS'
wait 1 年度工作
type 5
wait 共 8 条
key Enter
wait 共 5 条
type a
wait 新建岗位
type 无信号断线岗
wait-cursor 5 25
hangup
EOS
# (setsid itself, the terminal's session leader, dies of the SIGHUP; the
# program under it gets none and must notice on its own)
pid=$(cat lf.pid)
n=0
while kill -0 "$pid" 2>/dev/null && [ $n -lt 200 ]; do
	sleep 0.05
	n=$((n + 1))
done
if grep -q '^not ok' "$T_DIR/.tui" || kill -0 "$pid" 2>/dev/null; then
	ok 1 "no SIGHUP: the program still ends when its terminal is gone"
	sed 's/^/# /' "$T_DIR/.tui"
	kill -9 "$pid" 2>/dev/null
else
	ok 0 "no SIGHUP: the program still ends when its terminal is gone"
fi
contains "$(q d.db "SELECT json_extract(data, '\$.name') FROM draft WHERE form = 'post'")" "无信号断线岗" \
	"…and keeps the draft"

# Leaving with "keep as draft", editing an existing record (the draft of a
# new person is not offered here: drafts belong to one record's form).
tui -- --db d.db <<'EOS'
wait 1 年度工作
type 6
wait 共 25 条
key Enter
wait 修改人员
expect-lacks 草稿
key Tab Tab C-e
type （兼）
key F10
wait 3 存为草稿
type 3
wait 已存为草稿
type q
type q
expect-exit 0
EOS
contains "$(q d.db "SELECT json_extract(data, '\$.title') FROM draft WHERE target <> ''")" "科长（兼）" \
	"keep as draft for an existing record"

done_testing
