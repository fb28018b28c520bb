/* Private to lib/yaml: the raw input of a reader.
 *
 * A source feeds libyaml through a read handler and, on the way, checks that
 * the bytes are well-formed UTF-8 made of characters libyaml accepts, so every
 * bad byte is reported with a position (libyaml's own reader errors carry only
 * a byte offset). It also maps libyaml's marks, which count characters, to
 * byte offsets: it keeps the bytes from the last mapped position (the
 * "cursor") up to what libyaml has been given, which is a few kilobytes of
 * read-ahead plus the token being scanned. A buffer is used in place; a
 * FILE* is read in chunks into a window that is trimmed as the cursor moves,
 * so a long stream runs in bounded memory. */
#ifndef NGOJST_YAML_SOURCE_H
#define NGOJST_YAML_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/context-private.h"

struct ngojst_source {
	ngojst_context *ctx;
	const char *name;           /* for messages; owned by the reader */
	FILE *file;                 /* NULL for a buffer */
	bool own_file;              /* fclose() it on dispose */
	bool eof;                   /* no more bytes will arrive */

	/* The window: data[0] is input byte `base`. For a buffer, data is the
	 * caller's buffer and base stays 0; for a file it is `win`. */
	const unsigned char *data;
	unsigned char *win;
	size_t win_cap;
	size_t base;
	size_t len;                 /* bytes in data */
	size_t valid;               /* data[0 .. valid) checked */
	size_t deliv;               /* data[0 .. deliv) given to libyaml */

	size_t max_input;           /* SIZE_MAX: no limit */
	size_t doc_floor;           /* input offset where the current document began */
	size_t doc_window;          /* bytes allowed past doc_floor (a memory bound) */
	size_t max_document;        /* the limit behind doc_window, for the message */

	/* The cursor: a position libyaml reported, in all its units. */
	size_t cur_char;
	size_t cur_byte;
	size_t cur_line;            /* 0-based, like libyaml */
	size_t cur_col;
	/* Lines before the byte libyaml started at: its marks count from
	 * there (see ngojst_source_start_at). */
	size_t line_base;

	/* The first problem found in the bytes; reported when libyaml asks for
	 * the bytes it concerns. */
	int err;
	bool err_document;          /* the error is the max_document_bytes bound */
	size_t err_offset;
	char err_msg[160];
};

typedef struct ngojst_source ngojst_source;

void ngojst_source_init_buffer(ngojst_source *s, ngojst_context *ctx, const char *name,
			       const char *data, size_t len);
/* Does not check max_input_bytes against len: the caller does, with a
 * position (see ngojst_source_position_of). */
void ngojst_source_init_file(ngojst_source *s, ngojst_context *ctx, const char *name, FILE *f,
			     bool own_file, size_t max_input);
void ngojst_source_dispose(ngojst_source *s);

/* Give libyaml the input from `offset` on, the start of 0-based `line`
 * (the documents before it were read without libyaml): its marks then
 * count characters, lines and columns from there. */
void ngojst_source_start_at(ngojst_source *s, size_t offset, size_t line);

/* For reading without libyaml: make the window hold the input from `keep`
 * to the start of the first line after `from` (a line start) beginning
 * with "---" or "...", plus that line's first four bytes, or to the end of
 * the input. Sets *end to that line's input offset (or the input's
 * length). Returns false if that is more than max bytes past `from`, or if
 * reading failed (the failure is kept for libyaml's path to report). Bytes
 * before `keep` may be dropped from the window. */
bool ngojst_source_window_document(ngojst_source *s, size_t keep, size_t from, size_t max,
				   size_t *end);

/* The libyaml read handler (yaml_read_handler_t); data is the source. */
int ngojst_source_read(void *data, unsigned char *buffer, size_t size, size_t *size_read);

/* Byte offset of the character libyaml calls `index`, at 0-based line/column;
 * moves the cursor there. Marks are mapped in the order libyaml produces
 * them, so the scan is linear over a document. */
size_t ngojst_source_offset(ngojst_source *s, size_t index, size_t line, size_t column);

/* 1-based line and column of a byte offset at or after the cursor, for
 * problems libyaml locates only by byte offset. */
void ngojst_source_position(const ngojst_source *s, size_t offset, unsigned *line,
			    unsigned *column);

/* 1-based line and column of a byte offset in a buffer, scanning from the
 * start (for errors found before any parsing). */
void ngojst_source_position_of(const char *data, size_t len, size_t offset, unsigned *line,
			       unsigned *column);

/* A new document starts (or the last one ended) at this input offset. */
static inline void ngojst_source_set_doc_floor(ngojst_source *s, size_t offset)
{
	s->doc_floor = offset;
}

#endif
