#!/bin/sh
# Ctrl-Z in a shell with job control (bash in tmux, on a private tmux server):
# the program gives the terminal back to the shell, `fg` brings the screen
# back as it was, and quitting leaves the shell's terminal usable.
. "$LIANFANG_TOP/tests/tui/tui-lib"

if ! command -v tmux >/dev/null 2>&1 || ! command -v bash >/dev/null 2>&1; then
	ok 0 "# SKIP tmux or bash missing"
	done_testing
	exit 0
fi
demo_db d.db
sock="$T_DIR/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$T_DIR"' EXIT INT TERM

# poll the pane for text (no fixed sleeps)
pane_has() { # text [tries]
	n=0
	while [ $n -lt "${2:-100}" ]; do
		case $(tm capture-pane -p 2>/dev/null) in *"$1"*) return 0 ;; esac
		n=$((n + 1))
		sleep 0.05
	done
	return 1
}

pane_lacks() { # text
	n=0
	while [ $n -lt 100 ]; do
		case $(tm capture-pane -p 2>/dev/null) in *"$1"*) ;; *) return 0 ;; esac
		n=$((n + 1))
		sleep 0.05
	done
	return 1
}

tm -f /dev/null new-session -d -x 80 -y 24 "env -i PATH=$PATH HOME=$HOME TERM=tmux-256color LC_ALL=C.UTF-8 \
	LIANFANG_USER=discipline LIANFANG_PASSWORD=lianfang LIANFANG_NOW=$LIANFANG_NOW ASAN_OPTIONS=$ASAN_OPTIONS PS1='lf-shell\$ ' bash --norc --noprofile -i"
pane_has 'lf-shell$'
ok $? "a shell with job control in tmux"
tm send-keys "$LIANFANG --db $T_DIR/d.db" Enter
pane_has "1 年度工作"
ok $? "the screens start"
tm send-keys 6
pane_has '共 25 条'
ok $? "the person list"
tm send-keys C-z
pane_has Stopped
ok $? "Ctrl-Z stops the program and the shell says so"
pane_has 'lf-shell$'
ok $? "the shell prompt is back"
tm send-keys "echo modes \$(stty -a | tr ' ;' '\n\n' | grep -c -x -e icanon -e echo)" Enter
pane_has 'modes 2'
ok $? "the terminal is in the shell's mode (icanon, echo) while suspended"
tm send-keys fg Enter
pane_has '共 25 条'
ok $? "fg brings the list back"
tm send-keys q q
pane_lacks '共 25 条'
ok $? "the program's screen is gone after quitting"
tm send-keys "echo status \$?" Enter
pane_has 'status 0'
ok $? "quit with status 0 after suspend and resume"
tm kill-server

done_testing
