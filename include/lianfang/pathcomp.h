/* pathcomp: file paths typed on a screen — where to start (the USB stick
 * under /media or /mnt), listing a directory, Tab completion, and turning
 * the typed text into the bytes the file system wants and back. No curses:
 * the path chooser (screen.h, lf_path_open) draws what this computes, and
 * tests drive it directly.
 *
 * File names are bytes. Text on screen is characters. A name is read in the
 * locale's encoding (GBK on a GBK machine), else as UTF-8 (a stick written on
 * a UTF-8 machine, read on a GBK one), and a byte neither can read becomes
 * the private character LF_PATH_BYTE(b), drawn as a placeholder and written
 * back as that byte — so every name on a stick can be chosen and opened. A
 * typed path goes back to bytes one part at a time: in the locale's
 * encoding, unless only the UTF-8 spelling of that part exists on disk. */
#ifndef LIANFANG_PATHCOMP_H
#define LIANFANG_PATHCOMP_H

#include <stddef.h>
#include <time.h>
#include <wchar.h>

/* A byte of a name that no encoding reads (0x80–0xff), as a character of the
 * Supplementary Private Use Area-B. */
#define LF_PATH_BYTE(b)    ((wchar_t)(0x10ff00 + (unsigned char)(b)))
#define LF_PATH_IS_BYTE(c) ((c) >= 0x10ff80 && (c) <= 0x10ffff)

/* Bytes → characters as above. Returns a NUL-terminated array (caller frees)
 * and its length. */
wchar_t *lf_path_decode(const char *bytes, size_t len, size_t *n);
/* Characters → the bytes of an existing or new path, as above; "~" or "~/…"
 * at the start is the home directory. Caller frees. */
char *lf_path_encode(const wchar_t *s, size_t n);
/* A path's bytes as UTF-8 for messages (unreadable bytes as U+FFFD). */
char *lf_path_display(const char *bytes);

/* Where a chooser starts: the first of the mount roots (LIANFANG_MOUNTS, a
 * colon-separated list; default /media:/mnt:/run/media) that holds
 * something — a file, a directory that is not empty, or one something is
 * mounted on (a new stick is empty) — going down while a directory holds
 * exactly one such directory and nothing else (/media/wang/KINGSTON); else
 * the home directory. Returns a
 * new string ending in '/', and sets *on_stick to 1 for a mount root. */
char *lf_path_start(int *on_stick);

/* One entry of a directory. */
struct lf_pathent {
	wchar_t *name;       /* decoded; NUL-terminated */
	size_t len;
	char *bytes;         /* as on disk */
	int dir;             /* a directory (or a link to one) */
	long long size;
	time_t mtime;
};

struct lf_pathlist {
	struct lf_pathent *v;  /* directories first, then files, each by name */
	int n;
	int total;             /* entries that matched, also beyond LF_PATH_LIST_MAX */
};

#define LF_PATH_LIST_MAX 2000

/* The entries of dir (bytes) whose names start with prefix (case-sensitive,
 * or ignoring ASCII case when nothing matches exactly); names starting with
 * '.' only when the prefix does. Returns 0, or -1 with a message in err
 * that says what is wrong in the words of someone holding a USB stick. */
int lf_path_list(const char *dir, const wchar_t *prefix, size_t plen, struct lf_pathlist *out, char *err,
                 size_t errlen);
void lf_pathlist_free(struct lf_pathlist *l);

/* Tab on a typed path: the directory part is listed and the last part
 * completed — to the whole name when one entry matches (with '/' after a
 * directory, whose entries are then listed), else as far as every match
 * agrees. */
struct lf_pathcomp {
	wchar_t *text;          /* the completed text (NUL-terminated) */
	size_t len;
	struct lf_pathlist cands;  /* what matched, or a completed directory's entries */
	char *dir;              /* bytes of the directory cands lists */
	int unique;             /* exactly one entry matched */
	int listed_dir;         /* cands lists the completed directory's entries, unfiltered */
};

/* 0, or -1 with a message (no such directory, nothing matches …); out is
 * always set and freed with lf_pathcomp_free. */
int lf_path_complete(const wchar_t *text, size_t len, struct lf_pathcomp *out, char *err, size_t errlen);
void lf_pathcomp_free(struct lf_pathcomp *c);

/* What a chosen path must be. */
enum lf_path_mode {
	LF_PATH_READ,   /* an existing file to read */
	LF_PATH_WRITE,  /* a file to write: its directory exists and is writable (the file may exist) */
	LF_PATH_DIR,    /* a directory to write in */
};

/* Check a path (bytes) for a mode. Returns 0 when it will do, 1 when it is a
 * directory and the mode wants a file (go into it), -1 with a message. */
int lf_path_check(const char *path, enum lf_path_mode mode, char *err, size_t errlen);

#endif
