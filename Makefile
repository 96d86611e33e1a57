# lianfang — plain GNU Makefile.
#
#   make          build build/lianfang (installs missing -dev packages as root on Debian)
#   make run      build and open the screens on a demo database
#   make check    sanitizer build (ASan+UBSan, warnings are errors) and every test
#   make bench    benchmarks, printed as ratios against a baseline run
#   make fuzz     libFuzzer targets (clang)
#   make install / uninstall   honour PREFIX and DESTDIR
#
# Quiet unless V=1.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc
# iconv is in glibc; platforms without it in libc set ICONV_LIBS=-liconv.
ICONV_LIBS ?= $(if $(filter Darwin FreeBSD OpenBSD NetBSD,$(shell uname -s)),-liconv,)

VERSION := 0.1.0
# zlib: libxlsxwriter's pkg-config file links -lz, but Debian's
# libxlsxwriter-dev does not pull in zlib1g-dev.
PKGS    := ncursesw sqlite3 libsodium xlsxwriter zlib
# Debian package for each pkg-config module above, in the same order.
DEB_PKGS := libncurses-dev libsqlite3-dev libsodium-dev libxlsxwriter-dev zlib1g-dev
# What the tests need besides the build: a terminal emulator library and tmux
# for screen tests, luit and locales for the GBK terminal, unzip and xmllint
# to open the .xlsx files we write.
TEST_CMDS     := tmux luit localedef unzip xmllint sqlite3 setpriv strace
TEST_DEB_PKGS := libvterm-dev tmux luit locales unzip libxml2-utils sqlite3 util-linux strace

ifeq ($(V),1)
Q :=
msg = @true
else
Q := @
msg = @printf '  %-6s %s\n' $(1) $(2)
endif

B    := build
SAN  := $(B)/san
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
BASE_CFLAGS := -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -I$(B)/gen -MMD -MP \
               -DLF_VERSION='"$(VERSION)"'
CFLAGS   ?= -O2 -g
SANFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

SRC      := $(sort $(wildcard src/*.c src/cli/*.c src/ui/*.c))
MAIN_SRC := src/main.c
LIB_SRC  := $(filter-out $(MAIN_SRC),$(SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
HARN_SRC := $(sort $(wildcard tests/tui/*.c))
FORMS    := $(sort $(wildcard forms/*.form))
SQL      := $(sort $(wildcard src/sql/*.sql))
GEN      := $(B)/gen/embedded.c

OBJ      := $(patsubst %.c,$(B)/obj/%.o,$(LIB_SRC))
SAN_OBJ  := $(patsubst %.c,$(SAN)/obj/%.o,$(LIB_SRC))
GEN_OBJ  := $(B)/obj/embedded.o
SAN_GEN  := $(SAN)/obj/embedded.o

NOCONFIG_GOALS := clean help uninstall
ifneq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
# Written once the dependencies are present; make restarts after creating it.
-include $(B)/config.mk
endif

.PHONY: all run check check-deps deps bench fuzz install uninstall clean help
.DEFAULT_GOAL := all

all: $(B)/lianfang

help:
	@sed -n '3,10p' Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------- dependencies
# Check with pkg-config; as root on Debian install what is missing with apt-get,
# otherwise print the exact command and stop.
define install_or_explain
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "  DEPS   apt-get install $$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null \
	    || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && \
	         DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null; } \
	    || { echo "lianfang: apt-get could not install: $$missing" >&2; exit 1; }; \
	  else \
	    echo "lianfang: missing build dependencies. Install them with:" >&2; \
	    echo "  sudo apt-get install $$missing" >&2; \
	    echo "(see INSTALL for other systems and for offline machines)" >&2; exit 1; \
	  fi; \
	fi
endef

deps:
	@missing=; \
	command -v $(PKG_CONFIG) >/dev/null 2>&1 || missing="pkg-config"; \
	set -- $(DEB_PKGS); for m in $(PKGS); do \
	  $(PKG_CONFIG) --exists $$m 2>/dev/null || missing="$$missing $$1"; shift; \
	done; \
	$(install_or_explain)

check-deps: deps
	@missing=; \
	set -- $(TEST_DEB_PKGS); \
	$(PKG_CONFIG) --exists vterm 2>/dev/null || missing="$$missing $$1"; shift; \
	for c in $(TEST_CMDS); do \
	  command -v $$c >/dev/null 2>&1 || missing="$$missing $$1"; shift; \
	done; \
	[ -d /usr/share/i18n/locales ] && [ -f /usr/share/i18n/charmaps/GBK.gz ] || missing="$$missing locales"; \
	$(install_or_explain)

$(B)/config.mk: | deps
	@mkdir -p $(B)
	$(Q){ echo "PKG_CFLAGS := $$($(PKG_CONFIG) --cflags $(PKGS) | sed 's/-D_XOPEN_SOURCE=[0-9]*//; s/-D_DEFAULT_SOURCE//')"; \
	      echo "PKG_LIBS := $$($(PKG_CONFIG) --libs $(PKGS)) $(ICONV_LIBS) -lm"; } > $@.tmp && mv $@.tmp $@

# ---------------------------------------------------------------- embedded files
# forms/*.form and src/sql/*.sql become C arrays, so the binary stands alone.
$(B)/embed: src/build/embed.c
	$(call msg,HOSTCC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) -O1 -o $@ $<

$(GEN): $(B)/embed $(FORMS) $(SQL)
	$(call msg,EMBED,$@)
	@mkdir -p $(@D)
	$(Q)$(B)/embed $(FORMS) $(SQL) > $@.tmp && mv $@.tmp $@

# ---------------------------------------------------------------- normal build
$(B)/obj/%.o: %.c | $(B)/config.mk
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(WARN) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(GEN_OBJ): $(GEN) | $(B)/config.mk
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/lianfang: $(B)/obj/src/main.o $(OBJ) $(GEN_OBJ)
	$(call msg,LD,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# ---------------------------------------------------------------- sanitizer build
$(SAN)/obj/%.o: %.c | $(B)/config.mk
	$(call msg,CC-SAN,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(WARN) -Werror $(PKG_CFLAGS) $(SANFLAGS) -c -o $@ $<

$(SAN_GEN): $(GEN) | $(B)/config.mk
	$(call msg,CC-SAN,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(SANFLAGS) -c -o $@ $<

$(SAN)/lianfang: $(SAN)/obj/src/main.o $(SAN_OBJ) $(SAN_GEN)
	$(call msg,LD-SAN,$@)
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)

$(SAN)/unit-tests: $(patsubst %.c,$(SAN)/obj/%.o,$(UNIT_SRC)) $(SAN_OBJ) $(SAN_GEN)
	$(call msg,LD-SAN,$@)
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)

# The pseudo-terminal harness runs the real binary; it is a test tool, built
# with the sanitizers like everything else under test.
$(SAN)/tui-harness: $(patsubst %.c,$(SAN)/obj/%.o,$(HARN_SRC)) | $(B)/config.mk
	$(call msg,LD-SAN,$@)
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $$($(PKG_CONFIG) --libs vterm) -lutil $(ICONV_LIBS)

# The merge fuzz target without libFuzzer: driver.c runs the seed corpus and
# deterministic mutations of it (tests/cli/merge-fuzz.sh); `make fuzz` builds
# the same target with clang and libFuzzer (tests/fuzz/run).
FUZZ_SRC := tests/fuzz/fuzz_merge.c tests/fuzz/driver.c

$(SAN)/fuzz-merge: $(patsubst %.c,$(SAN)/obj/%.o,$(FUZZ_SRC)) $(SAN_OBJ) $(SAN_GEN)
	$(call msg,LD-SAN,$@)
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)

CHECK_BINS := $(SAN)/lianfang $(SAN)/unit-tests $(if $(HARN_SRC),$(SAN)/tui-harness) $(SAN)/fuzz-merge

check: check-deps
	@$(MAKE) --no-print-directory $(CHECK_BINS)
	@LIANFANG_BUILD=$(abspath $(B)) tests/run

# ---------------------------------------------------------------- run, bench, fuzz
DEMO_DB := $(B)/demo.db

run: $(B)/lianfang
	@[ -f $(DEMO_DB) ] || { echo "  DEMO   $(DEMO_DB)"; $(B)/lianfang demo $(DEMO_DB) >/dev/null; }
	@# the demo enforces roles: sign in as its discipline officer (README "Demo logins")
	@LIANFANG_USER=$${LIANFANG_USER:-discipline} LIANFANG_PASSWORD=$${LIANFANG_PASSWORD:-lianfang} \
	  $(B)/lianfang --db $(DEMO_DB)

bench: $(B)/lianfang
	@LIANFANG_BUILD=$(abspath $(B)) tests/bench/run

# libFuzzer needs clang and its runtime (Debian: clang, libclang-rt-dev).
fuzz: $(B)/config.mk $(GEN)
	@missing=; printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	  > $(B)/fuzz-probe.c; \
	clang -fsanitize=fuzzer -o $(B)/fuzz-probe $(B)/fuzz-probe.c >/dev/null 2>&1 || missing="clang libclang-rt-dev"; \
	rm -f $(B)/fuzz-probe $(B)/fuzz-probe.c; \
	$(install_or_explain)
	@LIANFANG_BUILD=$(abspath $(B)) tests/fuzz/run

# ---------------------------------------------------------------- install
install: $(B)/lianfang
	$(call msg,INSTALL,$(DESTDIR)$(BINDIR)/lianfang)
	$(Q)install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	$(Q)install -m 755 $(B)/lianfang $(DESTDIR)$(BINDIR)/lianfang
	$(Q)install -m 644 lianfang.1 $(DESTDIR)$(MANDIR)/man1/lianfang.1

uninstall:
	$(call msg,RM,$(DESTDIR)$(BINDIR)/lianfang)
	$(Q)rm -f $(DESTDIR)$(BINDIR)/lianfang $(DESTDIR)$(MANDIR)/man1/lianfang.1

clean:
	$(call msg,RM,$(B))
	$(Q)rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
