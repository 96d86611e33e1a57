#!/bin/sh
# Bad databases: each gives a clear message, exit 1, and the file exactly as it was.
. "$LIANFANG_TOP/tests/lib.sh"

lf demo good.db >/dev/null

refuse() { # file expected-message what
	before=$(sum_of "$1")
	for cmd in check dump; do
		lf $cmd "$1"
		is_rc 1 "$3: $cmd exits 1"
		contains "$ERR" "$2" "$3: $cmd says “$2”"
		contains "$ERR" "$1" "$3: $cmd names the file"
	done
	lf --db "$1" </dev/null
	is_rc 1 "$3: the screens refuse it"
	[ "$(sum_of "$1")" = "$before" ] && [ ! -e "$1-journal" ]
	ok $? "$3: the file is exactly as it was"
}

echo "这不是数据库" >text.db
refuse text.db "不是 SQLite 数据库文件" "a text file"

head -c 20000 good.db >trunc.db
refuse trunc.db "被截断了" "a truncated database"

sqlite3 other.db "CREATE TABLE notes(t); INSERT INTO notes VALUES('别的程序');"
refuse other.db "其他程序的 SQLite 数据库" "another program's database"

cp good.db newer.db
sqlite3 newer.db "PRAGMA user_version = 7"
refuse newer.db "更新版本的廉防" "a database from a newer lianfang"

cp good.db evil.db
sqlite3 evil.db "CREATE TRIGGER evil AFTER INSERT ON risk BEGIN DELETE FROM risk; END;"
before=$(sum_of evil.db)
lf dump evil.db
is_rc 1 "a database with a foreign trigger is not opened"
contains "$ERR" "数据结构被改动过" "and says its schema was changed"
lf check evil.db
is_rc 1 "check reports it"
contains "$OUT" "数据结构多出了 trigger evil" "naming the trigger"
[ "$(sum_of evil.db)" = "$before" ]
ok $? "the file is unchanged"

# Read-only files and directories (as an unprivileged user: root ignores modes).
chmod 755 "$T_DIR"
LF_NOBODY=$(nobody_lianfang)
nobody() { shift; setpriv --reuid=65534 --regid=65534 --clear-groups -- "$LF_NOBODY" "$@"; }
mkdir ro rw
cp good.db ro/office.db
cp good.db rw/office.db
chmod 755 ro
chmod 666 ro/office.db
chmod 777 rw
chmod 444 rw/office.db
before=$(sum_of rw/office.db)
nobody "$LIANFANG" --db rw/office.db </dev/null >out 2>err
RC=$?; ERR=$(cat err)
is_rc 1 "a read-only file is not opened for writing"
contains "$ERR" "只读" "and says it is read-only"
[ "$(sum_of rw/office.db)" = "$before" ]
ok $? "the read-only file is unchanged"
nobody "$LIANFANG" dump rw/office.db >out 2>err
RC=$?; ERR=$(cat err)
is_rc 0 "a read-only file can still be dumped"
nobody "$LIANFANG" --db ro/office.db </dev/null >out 2>err
RC=$?; ERR=$(cat err)
is_rc 1 "a database in a read-only directory is not opened for writing"
contains "$ERR" "目录只读" "and says the directory is read-only"
nobody "$LIANFANG" init --unit-code 330102 --unit-name 测试局 ro/new.db >out 2>err
RC=$?; ERR=$(cat err)
is_rc 1 "init into a read-only directory fails"
contains "$ERR" "目录只读" "saying why"
[ ! -e ro/new.db ]
ok $? "and creates nothing"

# A write transaction held by another program: wait, then explain.
cp good.db locked.db
{ echo "BEGIN EXCLUSIVE; UPDATE meta SET value = value;"; sleep 4; echo "COMMIT;"; } | sqlite3 locked.db &
holder=$!
sleep 1
before=$(date +%s)
LIANFANG_BUSY_MS=1500 lf check locked.db
waited=$(($(date +%s) - before))
is_rc 1 "a database locked by another writer fails"
contains "$ERR" "正被另一个程序使用" "saying another program is writing"
contains "$ERR" "请等对方完成后再试" "and what to do"
[ "$waited" -ge 1 ]
ok $? "after waiting for the lock (${waited}s)"
wait $holder
lf check locked.db
is_rc 0 "once released, the database is fine"

done_testing
