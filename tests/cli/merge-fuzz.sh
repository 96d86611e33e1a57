#!/bin/sh
# The merge fuzz target (tests/fuzz/fuzz_merge.c), built with gcc and the
# sanitizers, over the committed seed corpus and 250 deterministic mutations
# of each seed: no crash, no sanitizer report, a dry run never changes the
# database, and whatever a dry run accepts merges for real and passes check.
# `make fuzz` runs the same target under libFuzzer.
. "$LIANFANG_TOP/tests/lib.sh"
"$LIANFANG_BUILD/san/fuzz-merge" -n 250 "$LIANFANG_TOP/tests/fuzz/corpus/merge"
ok $? "fuzz-merge exits cleanly"
done_testing
