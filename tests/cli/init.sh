#!/bin/sh
# lianfang init, the global options and the default database path.
. "$LIANFANG_TOP/tests/lib.sh"

lf --help
is_rc 0 "--help succeeds"
contains "$OUT" "init" "--help lists init"
contains "$OUT" "退出状态" "--help explains exit status"
lf --version
is_rc 0 "--version succeeds"
contains "$OUT" "lianfang 0." "--version prints the version"
lf frobnicate
is_rc 2 "an unknown command is a usage error"
contains "$ERR" "没有“frobnicate”这个命令" "and says so"
lf --frob
is_rc 2 "an unknown option is a usage error"

lf init --help
is_rc 0 "init --help"
contains "$OUT" "--unit-code" "init --help shows its options"
lf init --unit-code 330102 office.db
is_rc 2 "init without --unit-name is a usage error"
contains "$ERR" "必须给出 --unit-code 和 --unit-name" "and names what is missing"
lf init --unit-code 3 --unit-name 测试局 office.db
is_rc 1 "a one-character code is refused"
contains "$ERR" "单位代码“3”无效" "naming the code"
[ ! -e office.db ]
ok $? "nothing is created for a bad code"

lf init --unit-code 330102 --unit-name 丽水市商务局 --parent-code 331100 office.db
is_rc 0 "init creates a database"
contains "$OUT" "已建立 office.db：单位 330102 丽水市商务局，上级 331100" "and says what it made"
ls -a | grep -q 'lianfang-new'
ok $((! $?)) "no temporary file is left"
lf check office.db
is_rc 0 "the new database checks clean"
lf dump office.db
golden init-dump "$OUT"

before=$(sum_of office.db)
lf init --unit-code 330103 --unit-name 别的局 office.db
is_rc 1 "init never overwrites"
contains "$ERR" "已经存在" "and says the file exists"
[ "$(sum_of office.db)" = "$before" ]
ok $? "the existing file is unchanged"

# The default path: $LIANFANG_DB, else XDG_DATA_HOME, else ~/.local/share.
lf init --unit-code 330102 --unit-name 丽水市商务局
is_rc 0 "init without a file uses the default path"
[ -f "$HOME/.local/share/lianfang/lianfang.db" ]
ok $? "which is ~/.local/share/lianfang/lianfang.db"
LIANFANG_DB=$T_DIR/env.db lf init --unit-code 330102 --unit-name 丽水市商务局
[ -f "$T_DIR/env.db" ]
ok $? "LIANFANG_DB chooses the file"
XDG_DATA_HOME=/dev/null/nowhere lf init --unit-code 330102 --unit-name 丽水市商务局
is_rc 1 "an unwritable default path fails"
contains "$ERR" "无法建立目录 /dev/null" "naming the directory"
contains "$ERR" "--db" "and saying how to choose another place"
XDG_DATA_HOME=/dev/null/nowhere lf dump
is_rc 1 "a missing default database fails"
contains "$ERR" "不存在" "and says it does not exist"

# No command opens the screens; without a database that explains what to do.
LIANFANG_DB=$T_DIR/none.db lf </dev/null
is_rc 1 "the screens without a database fail"
contains "$ERR" "lianfang init" "and point to init"

done_testing
