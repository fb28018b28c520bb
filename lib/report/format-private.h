/* Private: the pieces the three report formatters share. Each formatter
 * appends to a buffer whose sticky failure flag the caller checks once. */
#ifndef NGOJST_REPORT_FORMAT_PRIVATE_H
#define NGOJST_REPORT_FORMAT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"
#include "report-private.h"

/* Each formatter returns 0 or NGOJST_ENOMEM (a temporary allocation of its
 * own failed); failures of the buffer itself are left in b->failed. */
int ngojst_report_format_text(ngojst_buf *b, const ngojst_report *const *reports, size_t count, bool summary);
int ngojst_report_format_json(ngojst_buf *b, const ngojst_report *const *reports, size_t count);
int ngojst_report_format_sarif(ngojst_buf *b, ngojst_context *ctx,
			       const ngojst_report *const *reports, size_t count);

/* "YYYY-MM-DD" into out (at least 11 bytes); false for the zero date or
 * anything not shaped like a date, which the formats write as null. */
bool ngojst_report_date_str(char out[11], ngojst_date d);

/* Static name of a language ("pl", "en"). */
const char *ngojst_report_lang_name(ngojst_lang lang);

/* Append s to b as UTF-8 with every invalid byte replaced by U+FFFD, so a
 * stray byte in a message can never make the output unreadable. In JSON
 * mode the text is escaped for the inside of a JSON string; in text mode
 * control characters become C-style escapes so a finding stays on one line. */
void ngojst_report_put_json(ngojst_buf *b, const char *s);
void ngojst_report_put_text(ngojst_buf *b, const char *s);

/* A pretty-printing JSON writer (two-space indentation, the layout of
 * Python's json.dumps(indent=2)), shared by the JSON and SARIF formats. */
#define NGOJST_JW_MAX_DEPTH 16

typedef struct ngojst_jw {
	ngojst_buf *b;
	unsigned depth;
	bool after_key;                      /* the next value follows "key": */
	size_t items[NGOJST_JW_MAX_DEPTH];   /* members written at each depth */
} ngojst_jw;

void ngojst_jw_init(ngojst_jw *w, ngojst_buf *b);
void ngojst_jw_begin_object(ngojst_jw *w);
void ngojst_jw_end_object(ngojst_jw *w);
void ngojst_jw_begin_array(ngojst_jw *w);
void ngojst_jw_end_array(ngojst_jw *w);
/* A member name; key must be plain ASCII that needs no escaping. */
void ngojst_jw_key(ngojst_jw *w, const char *key);
/* A string value (UTF-8 cleaned and escaped); NULL writes null. */
void ngojst_jw_string(ngojst_jw *w, const char *s);
/* A string value written verbatim between quotes: for text the caller has
 * already made safe (percent-encoded URIs, names, dates). */
void ngojst_jw_raw_string(ngojst_jw *w, const char *s);
/* Place the next value; the caller then writes it with the buffer itself. */
void ngojst_jw_begin_value(ngojst_jw *w);
void ngojst_jw_uint(ngojst_jw *w, size_t v);
void ngojst_jw_bool(ngojst_jw *w, bool v);
void ngojst_jw_null(ngojst_jw *w);
/* A date as "YYYY-MM-DD", or null for the zero date. */
void ngojst_jw_date(ngojst_jw *w, ngojst_date d);
/* Shorthands for a member: key then value. */
void ngojst_jw_kv_string(ngojst_jw *w, const char *key, const char *s);
void ngojst_jw_kv_raw_string(ngojst_jw *w, const char *key, const char *s);
void ngojst_jw_kv_uint(ngojst_jw *w, const char *key, size_t v);

#endif
