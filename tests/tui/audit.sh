#!/bin/sh
# The audit warning: on an untouched database the home shows none and the
# audit screen says the log is whole, with its last entry to write down. After
# someone edits the log, an account or a record with sqlite3, the home warns
# as soon as the user signs in and the audit screen (home menu) lists what
# `lianfang audit verify` lists. An account table emptied behind lianfang's
# back keeps the screens from starting at all.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
seq=$(q d.db "SELECT max(seq) FROM audit")
hash=$(q d.db "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1" | cut -c1-16)

tui -- --db d.db <<EOS
wait 1 年度工作
expect-row-has 18  l 审计日志      │
settle 300
expect-lacks 审计日志有
type l
wait 审计日志完整
expect-has 本单位日志的最后一条：第 $seq 条，哈希 $hash
expect-has --anchor $seq:
expect-has 检查完毕，没有发现问题。
key Esc
wait 1 年度工作
type q
expect-exit 0
EOS

# Someone rewrites who made entry 100, and edits a person's row.
sqlite3 d.db "UPDATE audit SET actor = 'mallory' WHERE seq = 100"
sqlite3 d.db "UPDATE person SET title = '局长' WHERE name = '沈军'"
lf audit verify d.db
is_rc 1 "audit verify finds the tampering"
entry="审计日志：单位 620902 第 100 条（2026-11-23T08:00:00Z mallory put）"
contains "$OUT" "$entry" "the command line names entry 100"
pgid=$(q d.db "SELECT substr(gid, 1, 12) FROM person WHERE name = '沈军'")
contains "$OUT" "人员 $pgid 的内容与其修订记录不符" "and the edited person"

tui -- --db d.db <<EOS
wait 1 年度工作
wait 审计日志有 2 个问题：数据可能被人绕过廉防改动过。请在首页打开“审计日志”查看。
type l
wait 报告纪检监察部门
expect-row 2  审计日志有 3 个问题：数据可能被人绕过廉防改动过。
expect-has $entry
expect-has 人员 $pgid 的内容与其修订记录不符
expect-has 发现 3 个问题。
expect-has 报告纪检监察部门
key Esc
wait 1 年度工作
type q
expect-exit 0
EOS

# The warning is shown again to whoever signs in next.
unset LIANFANG_USER LIANFANG_PASSWORD
tui -- --db d.db <<'EOS'
wait 请登录
expect-lacks 审计日志有
type staff
key Tab
type lianfang
key Enter
wait 1 年度工作
wait 审计日志有 2 个问题
type q
expect-exit 0
EOS

# Every account deleted with sqlite3: nobody can sign in, the screens say why.
sqlite3 d.db "DELETE FROM account_role; DELETE FROM account"
tui -- --db d.db <<'EOS'
wait 用户表是空的，但审计日志记录过用户
expect-exit 1
EOS

done_testing
