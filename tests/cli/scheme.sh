#!/bin/sh
# The grading scheme from the command line: level names in either direction,
# a 5×5 matrix, and a refused change that leaves nothing half-saved.
. "$LIANFANG_TOP/tests/lib.sh"

lf init --unit-code 620902 --unit-name 肃州区市场监督管理局 o.db
lf --db o.db scheme show
is_rc 0 "scheme show"
contains "$OUT" "风险等级（由低到高）：低、中、高" "高/中/低 by default"
golden scheme-default "$OUT"

lf --db o.db dump
before=$OUT
lf --db o.db scheme set --levels 一级,二级,三级 --matrix 1,2,3
is_rc 1 "a bad matrix is refused"
contains "$ERR" "矩阵" "the message is about the matrix"
lf --db o.db dump
[ "$OUT" = "$before" ]; ok $? "nothing was saved: the levels given with it were not kept either"

lf --db o.db scheme preset 一级最高
is_rc 0 "seed 003's names"
lf --db o.db scheme show
contains "$OUT" "风险等级（由低到高）：三级、二级、一级" "一级 is the highest"

lf --db o.db scheme set --matrix "1,1,1,2,2;1,1,2,2,3;1,2,2,3,3;2,2,3,3,3;2,3,3,3,3" --probability-names 极少,较少,偶尔,较多,频繁
is_rc 0 "a 5×5 matrix with its names, in one action"
lf --db o.db scheme show
golden scheme-5x5 "$OUT"

lf --db o.db scheme set --probability-names 低,中,高
is_rc 1 "three names for a 5×5 matrix"
contains "$ERR" "应有 5 项" "says how many"

lf --db o.db scheme reset matrix probability-names levels
is_rc 0 "reset"
lf --db o.db scheme show
golden scheme-default "$OUT"

lf --db o.db scheme reset colours
is_rc 2 "an unknown setting is a usage error"
done_testing
