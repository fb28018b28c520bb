/* Private: a growable byte buffer that remembers the first allocation
 * failure, so a formatter can append freely and check once at the end. */
#ifndef NGOJST_BUF_H
#define NGOJST_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "context-private.h"

typedef struct ngojst_buf {
	ngojst_context *ctx;
	char *data;   /* always NUL-terminated when len > 0 or after ngojst_buf_cstr */
	size_t len;
	size_t cap;
	bool failed;  /* an allocation failed; every later append is a no-op */
} ngojst_buf;

void ngojst_buf_init(ngojst_buf *b, ngojst_context *ctx);
void ngojst_buf_dispose(ngojst_buf *b);
void ngojst_buf_reset(ngojst_buf *b);
void ngojst_buf_add(ngojst_buf *b, const char *s, size_t n);
void ngojst_buf_puts(ngojst_buf *b, const char *s);
void ngojst_buf_putc(ngojst_buf *b, char c);
void ngojst_buf_printf(ngojst_buf *b, const char *fmt, ...) NGOJST_PRINTF(2, 3);
void ngojst_buf_vprintf(ngojst_buf *b, const char *fmt, va_list ap) NGOJST_PRINTF(2, 0);
/* Append s as the inside of a JSON string (escapes, no quotes). */
void ngojst_buf_json_escape(ngojst_buf *b, const char *s, size_t n);
/* Append s as a quoted JSON string; NULL becomes null. */
void ngojst_buf_json_string(ngojst_buf *b, const char *s);
/* The contents as a C string (empty string when nothing was added), or NULL
 * when an allocation failed. Still owned by the buffer. */
const char *ngojst_buf_cstr(ngojst_buf *b);

/* Append s to a fixed buffer the way snprintf would: *n counts every byte
 * (so *n >= size means truncation), buf holds what fits, NUL-terminated.
 * For text built often (each rule at load), where printf's format parsing
 * costs more than the copying. */
void ngojst_str_cat(char *buf, size_t size, size_t *n, const char *s);
/* Hand the contents to the caller (free with ngojst_free) and reset the
 * buffer. Returns 0 or NGOJST_ENOMEM (then *out is NULL). */
int ngojst_buf_detach(ngojst_buf *b, char **out);

#endif
