#!/bin/sh
# Form definitions overridden from a directory (--forms / LIANFANG_FORMS): a
# good file changes the screen without recompiling; a malformed one is
# reported as file:line on the message line and in the help page, and the
# built-in form is used instead.
. "$LIANFANG_TOP/tests/tui/tui-lib"

demo_db d.db
mkdir forms
cat >forms/person.form <<'EOF2'
表单：人员
记录：person
字段：nmae
EOF2
cat >forms/dept.form <<'EOF2'
表单：科室
记录：dept
字段：name
  标签：科室名称
  帮助：本单位自己的叫法。
EOF2

tui -- --db d.db --forms forms <<'EOS'
wait 首页
expect-has forms/person.form:3: 人员没有“nmae”这一项。（使用内置的“人员”）
key F1
wait 表单文件的问题
expect-has person.form:3: 人员没有“nmae”这一项。
key F10
wait-gone 表单文件的问题
type 6
wait 共 25 条
expect-row 2  姓名                  岗位              职务                  已离岗
type a
wait 新建人员
expect-row-has 4 姓名*
key Esc
wait-gone 新建人员
key Esc
wait 1 年度工作
type 5
wait 共 8 条
expect-row-has 1 首页 › 组织机构
type a
wait 新建科室
expect-row-has 2 科室名称*
key F1
wait 本单位自己的叫法。
expect-has 表单定义：forms/dept.form（dept.form）
key F10
wait-gone 本单位自己的叫法
key F10
wait-gone 新建科室
type q
type q
expect-exit 0
EOS

# The same through the environment variable.
LIANFANG_FORMS=forms tui -- --db d.db <<'EOS'
wait person.form:3:
type q
expect-exit 0
EOS

done_testing
