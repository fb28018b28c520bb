/* Private: the read-only document tree built from libyaml events.
 *
 * This is the only interface the rest of the library has to YAML; no libyaml
 * type appears here. A tree lives in an arena owned by its reader (one per
 * document), and every node keeps its 1-based line and column (in code
 * points) and 0-based byte offset. JSON input goes through the same path. */
#ifndef NGOJST_TREE_H
#define NGOJST_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/context-private.h"

typedef enum ngojst_node_type {
	NGOJST_NODE_SCALAR = 1,
	NGOJST_NODE_SEQUENCE = 2,
	NGOJST_NODE_MAPPING = 3
} ngojst_node_type;

/* How a scalar was written: it decides whether `123`, `true`, `null` or
 * `~` are typed values (plain) or strings (quoted, literal, folded). */
typedef enum ngojst_scalar_style {
	NGOJST_SCALAR_PLAIN = 0,
	NGOJST_SCALAR_QUOTED = 1, /* single or double quoted */
	NGOJST_SCALAR_BLOCK = 2   /* literal | or folded > */
} ngojst_scalar_style;

typedef struct ngojst_node ngojst_node;

typedef struct ngojst_pair {
	ngojst_node *key;
	ngojst_node *value;
} ngojst_pair;

struct ngojst_node {
	ngojst_node_type type;
	ngojst_scalar_style style;  /* scalars only */
	uint32_t line;               /* 1-based */
	uint32_t column;             /* 1-based, code points */
	size_t offset;               /* 0-based byte offset */
	const char *tag;             /* explicit tag as written (resolved), or NULL */
	union {
		struct {
			const char *str; /* NUL-terminated, valid UTF-8, may contain no NUL */
			size_t len;
		} scalar;
		struct {
			ngojst_node **items;
			size_t count;
		} seq;
		struct {
			ngojst_pair *pairs; /* in document order; keys are unique scalars */
			size_t count;
		} map;
	} u;
};

typedef struct ngojst_tree {
	ngojst_node *root;       /* NULL for an empty document */
	const char *source;      /* name used in diagnostics */
	size_t index;            /* 0-based position of the document in its stream */
	size_t node_count;
} ngojst_tree;

/* A reader over one input (file, buffer or FILE*) that yields one document
 * tree at a time, in bounded memory. */
typedef struct ngojst_reader ngojst_reader;

/* Open a reader. source_name is used in diagnostics ("<string>", "<stdin>",
 * a path). The buffer is not copied: it must outlive the reader.
 * Errors: NGOJST_ENOMEM, NGOJST_ELIMIT (buffer larger than max_input_bytes). */
int ngojst_reader_open_buffer(ngojst_reader **out, ngojst_context *ctx, const char *source_name,
			      const char *data, size_t len);
/* Errors: NGOJST_EIO with a diagnostic naming the file and the OS error. */
int ngojst_reader_open_file(ngojst_reader **out, ngojst_context *ctx, const char *path);
/* Reads from an open stream (e.g. stdin); the stream is not closed. */
int ngojst_reader_open_stream(ngojst_reader **out, ngojst_context *ctx, const char *source_name,
			      void *file /* FILE* */);
void ngojst_reader_free(ngojst_reader *r);

/* Parse the next document. On success *out points into the reader's arena
 * and stays valid until the next call to ngojst_reader_next() or
 * ngojst_reader_free(). Returns 0, NGOJST_EOF at the end of the stream, or
 * an error with positioned diagnostics on the context: NGOJST_EPARSE (syntax,
 * invalid UTF-8, duplicate key, non-scalar key), NGOJST_ELIMIT (depth, size,
 * node count, alias expansion, scalar length). After an error the reader
 * cannot continue: the next call returns the same error. */
int ngojst_reader_next(ngojst_reader *r, ngojst_tree **out);

/* Read every document with libyaml, none directly (block.c, json-line.c):
 * for tests that compare the two. Call before the first document. */
void ngojst_reader_disable_direct(ngojst_reader *r);

/* Detach the current document's arena so the tree outlives later calls to
 * ngojst_reader_next(). The caller then owns *arena (release with
 * ngojst_arena_release). Returns 0 or NGOJST_EINVAL if there is no tree. */
int ngojst_reader_take_arena(ngojst_reader *r, ngojst_arena *arena);

/* Convenience: parse exactly one document from a buffer into a caller-owned
 * arena. An empty input gives a tree with root NULL; a second document is an
 * NGOJST_EPARSE error. */
int ngojst_tree_parse_single(ngojst_context *ctx, ngojst_arena *arena, const char *source_name,
			     const char *data, size_t len, ngojst_tree **out);

/* Lookups. */
ngojst_node *ngojst_node_get(const ngojst_node *map, const char *key);
/* Resolve a JSON pointer ("" = root, "/a/0/b"); NULL if absent. */
const ngojst_node *ngojst_tree_lookup(const ngojst_tree *tree, const char *pointer);
/* True if a plain scalar is YAML null (empty, "~", "null", "Null", "NULL"). */
bool ngojst_node_is_null(const ngojst_node *n);
const char *ngojst_node_type_name(const ngojst_node *n);

#endif
