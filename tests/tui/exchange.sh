#!/bin/sh
# The USB exchange on screen: a demo county packs up onto a stick (the file
# chooser starts on it), a new city database merges the bundle — the dry run
# shown first and changing nothing, then applied, counts checked with
# `lianfang dump`; a merge cancelled with Esc on its progress bar applies
# nothing; a damaged bundle is refused with its message and nothing changes;
# no stick is said so; a conflict is listed, shown and resolved by its owner.
. "$LIANFANG_TOP/tests/tui/tui-lib"

mkdir -p media/usb empty
echo 说明 >media/usb/说明.txt
export LIANFANG_MOUNTS="$T_DIR/media"
lf demo --unit-code 620921 --unit-name 金塔县市场监督管理局 --parent-code 620900 c.db
is_rc 0 "a demo county"
lf init --unit-code 620900 --unit-name 酒泉市市场监督管理局 --parent-code 620000 city.db
is_rc 0 "a new city database"
demo_accounts city.db; ok $? "with the demo's administrator and discipline officer"
cp city.db city2.db
n=$(q c.db "SELECT count(*) FROM rev")
na=$(q c.db "SELECT count(*) FROM audit")

# --- the county packs up: the chooser starts on the stick, F2 takes the directory
tui -- --db c.db <<EOS
wait 首页
type x
wait U 盘交换
expect-has 上报    给上级 620900 打数据包
type 1
wait 上报：选择 U 盘上的目录
expect-row 3  路径  $T_DIR/media/usb/
key F2
wait 已读回核对
expect-has 620921 → 620900（上报），$n 条修订，$na 条审计日志
key F10
wait 首页
type q
expect-exit 0
EOS
bundle=$(ls media/usb/*.lfb 2>/dev/null)
[ "$(ls media/usb/*.lfb | wc -l)" -eq 1 ] && [ -f "$bundle" ]; ok $? "one bundle on the stick: $bundle"
lacks "$(ls media/usb)" "partial" "and no temporary file left"
lf --db city.db merge --dry-run "$bundle"
contains "$OUT" "将新增修订 $n 条" "it holds every revision of the county (checked from the command line)"

# --- the city merges it: dry run first, nothing changed, then applied
before=$(sum_of city.db)
tui -- --db city.db <<EOS
wait 首页
type x3
wait 合并：选择数据包文件
expect-has lianfang-620921-to-620900-20261123-080000.lfb
type lian
key Tab
wait 里以“lian”开头的：1 项
key Enter
wait 试合并（什么也没有改）
expect-has 发送方  620921 金塔县市场监督管理局，上报给 620900（本单位）
expect-has 内容    $n 条修订，$na 条审计日志，0 条确认
expect-has 将新增修订 $n 条，已有 0 条
expect-has 冲突：无
expect-has 可以合并：按 F2 或 Ctrl-S 合并
EOS
[ "$(sum_of city.db)" = "$before" ]; ok $? "the dry run changed nothing"
tui -- --db city.db <<EOS
wait 首页
type x3
wait 合并：选择数据包文件
type lian
key Tab Enter
wait 可以合并
key F2
wait 已合并：新增修订 $n 条，冲突 0 条。
expect-has 新增修订 $n 条，已有 0 条
key F10
wait U 盘交换
key F10
wait 首页
type q
expect-exit 0
EOS
lf dump c.db
printf '%s\n' "$OUT" | sort >county.lines
lf dump city.db
printf '%s\n' "$OUT" | sort >city.lines
[ -s county.lines ] && [ -z "$(comm -23 county.lines city.lines)" ]; ok $? "every record of the county is at the city (lianfang dump)"
contains "$(q city.db "SELECT count(*) FROM rev WHERE owner = '620921'")" "$n" "all $n revisions merged"
lf check city.db; is_rc 0 "the city passes check"

# --- the city packs down for its county, chosen from the units below it
tui -- --db city.db <<EOS
wait 首页
type x
wait 下级    620921 金塔县市场监督管理局
type 2
wait 下发给哪个单位
expect-has 620921 金塔县市场监督管理局
key Enter
wait 下发：选择 U 盘上的目录
key F2
wait 已读回核对
expect-has 620900 → 620921（下发）
key F10
wait 首页
type q
expect-exit 0
EOS
down=$(ls media/usb/lianfang-620900-to-620921-*.lfb 2>/dev/null)
[ -f "$down" ]; ok $? "the bundle for the county is on the stick: $down"
lf --db c.db merge --dry-run "$down"; is_rc 0 "and the county would take it"
contains "$OUT" "620900 酒泉市市场监督管理局 下发给 620921" "addressed to it"
rm -f "$down"

# --- merging again adds nothing
tui -- --db city.db <<EOS
wait 首页
type x3
wait 合并：选择数据包文件
type lian
key Tab Enter
wait 将新增修订 0 条，已有 $n 条
key F10 F10
wait 首页
type q
expect-exit 0
EOS

# --- a merge cancelled on its progress bar applies nothing
before=$(sum_of city2.db)
LIANFANG_TEST_PROGRESS_MS=150 tui -t 20000 -- --db city2.db <<EOS
wait 首页
type x3
wait 合并：选择数据包文件
type lian
key Tab Enter
wait 试合并 复制
expect-has Esc 取消
wait 可以合并
key F2
wait 合并 核对
expect-row-has 22 %
expect-row-has 22 Esc 取消
key Esc
wait 没有合并：已取消，没有合并任何内容。
expect-has 重新检查
key F10 F10
wait 首页
type q
expect-exit 0
EOS
[ "$(sum_of city2.db)" = "$before" ]; ok $? "the cancelled merge changed nothing"

# --- a damaged bundle: refused with the model's message, nothing changed
head -c 5000 "$bundle" >media/usb/cut.lfb
before=$(sum_of city2.db)
tui -- --db city2.db <<EOS
wait 首页
type x3
wait 合并：选择数据包文件
type cut
key Tab Enter
wait 不能合并
expect-has 实际只有 5000 字节
key F2
wait 这个键在这里没有作用
key F10 F10
wait 首页
type q
expect-exit 0
EOS
[ "$(sum_of city2.db)" = "$before" ]; ok $? "the damaged bundle changed nothing"

# --- no stick: said so, and a directory that is not there is named
LIANFANG_MOUNTS="$T_DIR/empty" tui -- --db city2.db <<EOS
wait 首页
type x3
wait 没有找到 U 盘
expect-row 3  路径  $HOME/
key C-u
type /no/such/stick/x
key Tab
wait 没有目录“/no/such/stick/”。U 盘插好了吗？
key Esc
wait U 盘交换
key F10
wait 首页
type q
expect-exit 0
EOS

# --- a conflict: the county restored a backup and edited the same department again
lf --db c.db pack --up -o media/usb/1.lfb; is_rc 0 "pack"
lf --db city.db merge media/usb/1.lfb; is_rc 0 "merge"
cp c.db backup.db
lf --db c.db dept edit 办公室 --name 办公室甲; is_rc 0 "an edit"
lf --db c.db pack --up -o media/usb/2.lfb; is_rc 0 "pack it"
lf --db city.db merge media/usb/2.lfb; is_rc 0 "the city has it"
cp backup.db c.db
LIANFANG_NOW=2026-11-24T09:30:00Z lf --db c.db dept edit 办公室 --name 办公室乙; is_rc 0 "the restored copy edited again"
lf --db c.db pack --up -o media/usb/3.lfb; is_rc 0 "pack"
# the city merges the other branch from the screen: the preview shows the
# conflict it makes and the warning about the county's forked audit log
tui -- --db city.db <<EOS
wait 首页
type x3
wait 合并：选择数据包文件
type 3
key Tab Enter
wait 可以合并
expect-has 冲突 1 条
expect-has 处室 
expect-has 警告 1 条
expect-has 日志分叉
key F2
wait 已合并：新增修订 1 条，冲突 1 条。
key F10 F10
wait 首页
type q
expect-exit 0
EOS
lf --db city.db conflicts
contains "$OUT" "有 1 条记录存在冲突" "the city holds the conflict"
lf --db city.db pack --down 620921 --all -o media/usb/d.lfb; is_rc 0 "and sends everything back"
lf --db c.db merge media/usb/d.lfb; is_rc 0 "the county merges it"
shown=$(q c.db "SELECT name FROM dept WHERE name LIKE '办公室_'")
other=办公室甲
[ "$shown" = 办公室甲 ] && other=办公室乙
revs=$(q c.db "SELECT count(*) FROM rev WHERE gid = (SELECT gid FROM dept WHERE name = '$shown')")

# at the city the conflict is listed, but only the county may resolve it
tui -- --db city.db <<EOS
wait 首页
type x4
wait 由谁解决
expect-has 处室        $shown（
expect-has 单位 620921
key Enter
wait 有 2 个版本
expect-has 只有它能解决
key F2
wait 保留版本
type 1
wait 没有解决
key F10 F10 F10
wait 首页
type q
expect-exit 0
EOS

# the county resolves it, keeping the version not shown
tui -- --db c.db <<EOS
wait 首页
type x
wait 有冲突的记录：1 条
type 4
wait 本单位（可以在这里解决）
key Enter
wait 不同之处
expect-has 处室名称
expect-has $shown
expect-has $other
expect-has ← 现在显示的
key Down F2
wait 保留版本
type 1
wait 已解决：保留了版本
expect-has 没有冲突。
key F10
wait 有冲突的记录：0 条
key F10
wait 首页
type q
expect-exit 0
EOS
lf --db c.db conflicts
contains "$OUT" "没有冲突。" "the conflict is gone"
contains "$(q c.db "SELECT name FROM dept WHERE name LIKE '办公室_'")" "$other" "the version kept is the one chosen"
contains "$(q c.db "SELECT count(*) FROM rev WHERE gid = (SELECT gid FROM dept WHERE name = '$other')")" \
	$((revs + 1)) "nothing lost: both versions kept, the resolution added"

done_testing
