#!/bin/sh
# Tampering with the file directly (sqlite3): audit verify and check fail and
# name the first bad entry; untouched data passes.
. "$LIANFANG_TOP/tests/lib.sh"

lf demo d.db
is_rc 0 "demo"
lf audit verify d.db
is_rc 0 "audit verify passes on untouched data"
contains "$OUT" "结果：通过" "and says so"
head=$(printf '%s\n' "$OUT" | sed -n 's/.*记下“\([0-9]*:[0-9a-f]*\)”.*/\1/p')
[ -n "$head" ]
ok $? "it prints the last entry to write down ($head)"
lf audit verify --anchor "$head" d.db
is_rc 0 "the anchor matches"

tampered() { # name sql: a copy of d.db changed with sqlite3
	cp d.db "$1.db"
	sqlite3 "$1.db" "$2"
}
verify_fails() { # name needle description
	lf audit verify "$1.db"
	is_rc 1 "$3: audit verify fails"
	contains "$OUT" "$2" "$3: names it"
}

# A log entry changed.
tampered changed "UPDATE audit SET actor = 'someone' WHERE seq = 100"
verify_fails changed "第 100 条" "an entry's author changed"
contains "$OUT" "哈希不符" "it says the content does not match its hash"
lf check changed.db
is_rc 1 "check fails too"
contains "$OUT" "第 100 条" "and names the entry"

# An entry deleted in the middle, and the last one.
tampered deleted "DELETE FROM audit WHERE seq = 50"
verify_fails deleted "缺少第 50 条" "an entry deleted"
last=$(sqlite3 d.db "SELECT max(seq) FROM audit")
tampered cut "DELETE FROM audit WHERE seq = $last"
verify_fails cut "用户“upper”在审计日志中没有建立记录" "the last entry (the upper account) deleted"
lf audit verify --anchor "$head" cut.db
contains "$OUT" "日志被截短了" "the anchor shows the log was cut"
tampered cut2 "DELETE FROM audit WHERE seq >= (SELECT seq FROM audit WHERE kind = 'summary' OR seq = 410 ORDER BY seq LIMIT 1)"
lf audit verify cut2.db
is_rc 1 "the tail of record entries deleted"
contains "$OUT" "在审计日志中没有记录" "the revisions without entries are named"

# Two entries swapped.
tampered swapped "UPDATE audit SET seq = 100000 WHERE seq = 60; UPDATE audit SET seq = 60 WHERE seq = 61;
                  UPDATE audit SET seq = 61 WHERE seq = 100000"
verify_fails swapped "第 60 条" "two entries swapped"

# A record changed, or a revision deleted.
tampered record "UPDATE risk SET description = '改过的描述' WHERE id = (SELECT min(id) FROM risk)"
verify_fails record "与其修订记录不符" "a record changed behind the log"
lf check record.db
is_rc 1 "check fails on the changed record"
tampered rev "DELETE FROM rev WHERE rid = (SELECT after FROM audit WHERE seq = 200)"
verify_fails rev "第 200 条" "a revision deleted: the entry that named it"

# A role granted behind the program's back.
tampered role "INSERT INTO account_role(account, role) SELECT id, 'discipline' FROM account WHERE login = 'staff'"
verify_fails role "用户“staff”的角色与审计日志第" "a role granted with sqlite3"
lf check role.db
is_rc 1 "check fails on the granted role"

# A wrong anchor.
lf audit verify --anchor "${head%%:*}:0000000000000000" d.db
is_rc 1 "a wrong anchor fails"
contains "$OUT" "重写过" "saying the log was rewritten"
lf audit verify --anchor nonsense d.db
is_rc 1 "a malformed anchor fails"
contains "$OUT" "序号:哈希" "saying what it should look like"

# Untouched data still passes, and the tampered files were not modified by checking them.
before=$(sum_of changed.db)
lf audit verify changed.db
[ "$(sum_of changed.db)" = "$before" ]
ok $? "audit verify does not write"
lf audit verify d.db
is_rc 0 "the original still passes"

# The history of a record, as the discipline office.
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang
sc=$(sqlite3 d.db "SELECT gid FROM selfcheck WHERE status = 'accepted' ORDER BY gid LIMIT 1")
lf --db d.db audit log --record "$(printf %.12s "$sc")"
is_rc 0 "a record's history by the first 12 characters of its id"
contains "$OUT" "自查表 $sc 的历史" "names the record"
contains "$OUT" "状态：draft → submitted" "shows the status going forward"
contains "$OUT" "评估等次：（空） → " "and the grade given"
lf --db d.db audit log --record 0123
is_rc 1 "too short an id"
contains "$ERR" "至少给出前 6 位" "is explained"

done_testing
