#!/bin/sh
# USB exchange from the command line: three demo counties → city → province
# and back down; dry run; repeated merges; wrong addressee; damaged bundles;
# a full disk and a write failure while packing.
. "$LIANFANG_TOP/tests/lib.sh"
# Demo databases have accounts: act as their discipline office, which may
# exchange (the new city and province have none yet: setup mode).
export LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang

mkdir stick
lf demo --unit-code 620921 --unit-name 金塔县市场监督管理局 --parent-code 620900 --seed 2 c1.db; is_rc 0 "demo county 620921"
lf demo --unit-code 620922 --unit-name 瓜州县市场监督管理局 --parent-code 620900 --seed 3 c2.db; is_rc 0 "demo county 620922"
lf demo --unit-code 620923 --unit-name 肃北县市场监督管理局 --parent-code 620900 --seed 4 c3.db; is_rc 0 "demo county 620923"
lf init --unit-code 620900 --unit-name 酒泉市市场监督管理局 --parent-code 620000 city.db; is_rc 0 "city"
lf init --unit-code 620000 --unit-name 甘肃省市场监督管理局 prov.db; is_rc 0 "province"

# --- usage
lf --db c1.db pack -o stick/x.lfb; is_rc 2 "pack needs --up or --down"
lf --db c1.db pack --up; is_rc 2 "pack needs -o"
lf --db c1.db merge; is_rc 2 "merge needs a file"
lf --db prov.db pack --up -o stick/x.lfb; is_rc 1 "the province has no parent"
contains "$ERR" "没有上级单位" "and says so"

# --- up
for i in 1 2 3; do
	lf --db c$i.db pack --up -o stick/c$i.lfb; is_rc 0 "county $i packs up"
done
contains "$OUT" "已读回核对" "the bundle was read back"
contains "$OUT" "620923 → 620900（上报）" "pack names both units"
b2=$(b2sum -l 256 stick/c3.lfb 2>/dev/null | cut -d' ' -f1)
[ -z "$b2" ] || contains "$OUT" "$b2" "the printed checksum is what b2sum -l 256 prints"

before=$(sum_of city.db)
lf --db city.db merge --dry-run stick/c1.lfb; is_rc 0 "dry run"
n1=$(sqlite3 c1.db "SELECT count(*) FROM rev")
contains "$OUT" "试合并（没有做任何修改）：将新增修订 $n1 条" "dry run says what it would add"
contains "$OUT" "620921 金塔县市场监督管理局 上报给 620900" "and shows the manifest"
[ "$(sum_of city.db)" = "$before" ]; ok $? "dry run leaves the file's bytes unchanged"

for i in 1 2 3; do
	lf --db city.db merge stick/c$i.lfb; is_rc 0 "city merges county $i"
done
contains "$OUT" "已合并：新增修订" "merge reports what it added"
lf --db city.db merge stick/c1.lfb; is_rc 0 "merging again"
contains "$OUT" "新增修订 0 条，已有 $n1 条" "adds nothing the second time"
lf check city.db; is_rc 0 "city passes check after merging"

# --- to the province and back
lf --db city.db pack --up -o stick/city.lfb; is_rc 0 "city packs up"
lf --db prov.db merge stick/city.lfb; is_rc 0 "province merges the city (and the counties, relayed)"
lf --db prov.db pack --down 620921 -o stick/x.lfb; is_rc 1 "the province cannot pack for a county directly"
contains "$ERR" "请打包给 620900，由它转交" "and says to pack for the city"
lf --db city.db pack --down 620999 -o stick/x.lfb; is_rc 1 "unknown unit"
contains "$ERR" "没有单位 620999" "named"
lf --db prov.db pack --down 620900 -o stick/; is_rc 0 "province packs down into a directory"
contains "$OUT" "stick/lianfang-620000-to-620900-20261123-080000.lfb" "with a chosen name"
lf --db city.db merge stick/lianfang-620000-to-620900-20261123-080000.lfb; is_rc 0 "city merges"
n=$(sqlite3 prov.db "SELECT count(*) FROM rev WHERE owner <> '620000'")
contains "$OUT" "记下对方的确认 $n 条" "the province acknowledged everything it holds"
for i in 1 2 3; do
	lf --db city.db pack --down 62092$i -o stick/down$i.lfb; is_rc 0 "city packs down for 62092$i"
	lf --db c$i.db merge stick/down$i.lfb; is_rc 0 "county $i merges"
done
lf --db c1.db pack --up -o stick/c1b.lfb; is_rc 0 "county packs up again"
contains "$OUT" "0 条修订" "nothing left unacknowledged"
lf --db c2.db merge stick/down1.lfb; is_rc 1 "a bundle for another county"
contains "$ERR" "不是发给本单位（620922）的" "is refused"
for f in c1 c2 c3 city prov; do lf check $f.db; is_rc 0 "$f passes check"; done
lf dump c1.db; d1=$OUT
lf dump city.db
printf '%s\n' "$d1" | sort > c1.lines
printf '%s\n' "$OUT" | sort > city.lines
[ -z "$(comm -23 c1.lines city.lines)" ]; ok $? "every record the county holds is the same at the city"

# --- damaged bundles
before=$(sum_of city.db)
lf dump city.db; dump_before=$OUT
head -c 5000 stick/c2.lfb > stick/cut.lfb
lf --db city.db merge stick/cut.lfb; is_rc 1 "a truncated bundle"
contains "$ERR" "被截断了：应有" "says truncated, with sizes"
cp stick/c2.lfb stick/edited.lfb
sqlite3 stick/edited.lfb "UPDATE rev SET author = 'x' WHERE rid = (SELECT min(rid) FROM rev)"
lf --db city.db merge stick/edited.lfb; is_rc 1 "an edited bundle"
contains "$ERR" "校验码不符" "says the content does not match"
lf --db city.db merge c2.db; is_rc 1 "a database instead of a bundle"
contains "$ERR" "是廉防的数据库文件，不是数据包" "says so"
lf --db city.db merge stick/none.lfb; is_rc 1 "a missing file"
contains "$ERR" "文件不存在" "says so"
printf 'garbage' > stick/c2.lfb-journal
lf --db city.db merge stick/c2.lfb; is_rc 0 "a leftover -journal beside a good bundle"
contains "$OUT" "已忽略" "is ignored, and the user told"
[ "$(cat stick/c2.lfb-journal)" = garbage ]; ok $? "and left as it was"
lf dump city.db
[ "$OUT" = "$dump_before" ]; ok $? "the city's records did not change (the bundle was merged before)"

# --- who may exchange: the discipline office and the administrator, not staff
lf --user staff --db c1.db pack --up -o stick/staff.lfb; is_rc 1 "staff may not pack"
contains "$ERR" "打包和合并数据" "and is told what is refused"
[ ! -e stick/staff.lfb ]; ok $? "nothing written"
lf --user staff --db c1.db merge stick/down1.lfb; is_rc 1 "staff may not merge"
lf --user staff --db c1.db conflicts; is_rc 1 "staff may not list conflicts"
lf --user admin --db c1.db conflicts; is_rc 0 "the administrator may"
contains "$OUT" "没有冲突" "(none here)"

# --- pack never overwrites another file
before=$(sum_of c1.db)
lf --db c2.db pack --up -o c1.db; is_rc 1 "packing onto a database"
contains "$ERR" "不是廉防数据包，不会覆盖" "is refused"
[ "$(sum_of c1.db)" = "$before" ]; ok $? "the database is untouched"

# --- a write failure while packing (file size limit: the local build fails)
cp stick/c3.lfb stick/prev.lfb
prev=$(sum_of stick/prev.lfb)
(ulimit -f 64; trap '' XFSZ; "$LIANFANG" --db c3.db pack --up --all -o stick/prev.lfb >out.txt 2>err.txt); RC=$?
OUT=$(cat out.txt); ERR=$(cat err.txt)
is_rc 1 "pack fails when writes fail"
contains "$ERR" "写入失败" "and says writing failed"
[ "$(sum_of stick/prev.lfb)" = "$prev" ]; ok $? "the previous bundle is still there, unchanged"
[ -z "$(ls -a stick | grep tmp-)" ]; ok $? "no temporary file left on the stick"

# --- a full stick (a small tmpfs), if this machine lets us mount one
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
	cp stick/c1b.lfb small.lfb
	unshare -m sh -c '
		mkdir -p usb && mount -t tmpfs -o size=160k tmpfs usb || exit 77
		cp small.lfb usb/bundle.lfb
		before=$(cksum < usb/bundle.lfb)
		"$LIANFANG" --db c3.db pack --up --all -o usb/bundle.lfb > full.out 2> full.err
		echo "rc=$?" > full.res
		[ "$(cksum < usb/bundle.lfb)" = "$before" ] && echo same >> full.res
		ls -a usb | grep -c tmp- >> full.res
	'
	if [ $? -eq 77 ]; then
		ok 0 "skipped: a tmpfs cannot be mounted here"
	else
		contains "$(cat full.res)" "rc=1" "packing onto a full stick fails"
		contains "$(cat full.err)" "空间不足" "and says the stick is full"
		contains "$(cat full.res)" "same" "the previous bundle is still there, unchanged"
		contains "$(cat full.res | tail -1)" "0" "no temporary file left on the stick"
	fi
else
	ok 0 "skipped: no mount namespace (not root)"
fi

done_testing
