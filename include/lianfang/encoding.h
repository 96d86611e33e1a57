/* encoding: text into and out of the encodings offices use — UTF-8 (with or
 * without a byte-order mark), GBK and GB18030 — converted by iconv.
 * Out: before text is written every character is checked; one the target
 * cannot hold is reported with its code point, never dropped, and replaced
 * visibly by "[U+XXXX]" only when the caller asks. In: bytes of a declared
 * or detected encoding become UTF-8, and an invalid byte is reported with its
 * line and offset. */
#ifndef LIANFANG_ENCODING_H
#define LIANFANG_ENCODING_H

#include <stdio.h>
#include <stddef.h>

enum lf_encoding { LF_ENC_UTF8, LF_ENC_UTF8_BOM, LF_ENC_GBK, LF_ENC_GB18030 };

/* "utf-8", "utf8", "utf-8-bom", "gbk", "cp936", "gb18030" (any case). 0, or -1. */
int lf_encoding_parse(const char *name, enum lf_encoding *out);
/* "UTF-8", "UTF-8（带 BOM）", "GBK", "GB18030". */
const char *lf_encoding_label(enum lf_encoding e);

/* ------------------------------------------------------------------ out */

struct lf_encoder;

/* Called for each character the target cannot hold: its code point, its
 * position in the text (1-based, in characters) and the text itself. */
typedef void (*lf_enc_problem_fn)(void *ctx, unsigned cp, long index, const char *text);

/* NULL if iconv has no converter for it (the message is in err). */
struct lf_encoder *lf_encoder_new(enum lf_encoding e, int replace, char *err, size_t errlen);
void lf_encoder_free(struct lf_encoder *e);
/* Check UTF-8 text against the target. Returns a new string to lay out and
 * write: the text itself, or with "[U+XXXX]" for each character the target
 * lacks when `replace` is on. Reports each such character to fn. */
char *lf_encoder_prepare(struct lf_encoder *e, const char *text, lf_enc_problem_fn fn, void *ctx);
/* Characters reported so far. */
long lf_encoder_problems(const struct lf_encoder *e);
/* Convert prepared text and write it. 0, or -1 (write error, or a character
 * that was never prepared: the caller's bug, reported as such in err). */
int lf_encoder_write(struct lf_encoder *e, FILE *fp, const char *s, size_t n);
/* The byte-order mark to start a file with ("" for none). */
const char *lf_encoder_bom(const struct lf_encoder *e);
/* Why the last lf_encoder_write failed. */
const char *lf_encoder_error(const struct lf_encoder *e);

/* ------------------------------------------------------------------ in */

/* Reads a file in a given encoding as UTF-8, in bounded memory. */
struct lf_decoder;

/* `e` is LF_ENC_UTF8 (a leading BOM is skipped), LF_ENC_GBK or LF_ENC_GB18030. */
struct lf_decoder *lf_decoder_new(FILE *fp, enum lf_encoding e, char *err, size_t errlen);
void lf_decoder_free(struct lf_decoder *d);
/* Up to cap bytes of UTF-8; 0 at the end; -1 on invalid input or a read
 * error, with the reason (line, byte offset, the bytes) in lf_decoder_error. */
long lf_decoder_read(struct lf_decoder *d, char *buf, size_t cap);
const char *lf_decoder_error(const struct lf_decoder *d);
/* Input bytes consumed so far (for progress). */
long long lf_decoder_offset(const struct lf_decoder *d);

/* What a file's first bytes say it is, before reading it as text. */
enum lf_sniff {
	LF_SNIFF_TEXT,      /* nothing says otherwise */
	LF_SNIFF_EMPTY,     /* no bytes, or a BOM and nothing else */
	LF_SNIFF_UTF8_BOM,
	LF_SNIFF_UTF16,     /* a UTF-16 or UTF-32 byte-order mark */
	LF_SNIFF_ZIP,       /* .xlsx, .docx, .zip */
	LF_SNIFF_OLE,       /* .xls, .doc (old Office) */
	LF_SNIFF_SQLITE,
	LF_SNIFF_PDF,
	LF_SNIFF_BINARY,    /* NUL bytes near the start */
};
enum lf_sniff lf_sniff(const unsigned char *head, size_t n, int at_eof);
/* Scan a whole file: is it valid UTF-8 (an optional BOM first)? Sets
 * *nul_line to the line of the first NUL byte (0 if none). Rewinds fp. */
int lf_file_is_utf8(FILE *fp, long *nul_line);

#endif
