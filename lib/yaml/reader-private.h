/* Private to lib/yaml: the reader's state, shared by the libyaml path
 * (reader.c) and the direct readers that build the same tree without
 * libyaml for the inputs they cover exactly (json-line.c, block.c). */
#ifndef NGOJST_YAML_READER_PRIVATE_H
#define NGOJST_YAML_READER_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <yaml.h>

#include "source.h"
#include "tree.h"

/* A source position in diagnostic units (1-based line and column). */
typedef struct pos {
	uint32_t line;
	uint32_t column;
	size_t offset;
} pos;

/* An open collection. */
typedef struct frame {
	ngojst_node *node;
	size_t start;    /* its first item in r->items */
	size_t size;     /* nodes in its subtree so far, aliases expanded */
	size_t anchor;   /* 1 + index in r->anchors of its anchor, or 0 */
	uint64_t serial; /* mappings with many keys: owner id in the key table */
	uint64_t keys[2]; /* small mappings: a Bloom filter of the keys so far */
} frame;

typedef struct anchor {
	const char *name;
	size_t len;
	ngojst_node *node;
	size_t size;     /* subtree size, aliases expanded */
	bool open;       /* the node is still being built */
} anchor;

/* Open addressing with linear probing, shared by the anchor table (owner 0,
 * value = index in r->anchors) and the duplicate-key table (owner = serial
 * of the mapping, value = index of the key in r->items). Entries of closed
 * mappings stay behind but never match: serials are not reused. */
typedef struct hslot {
	const char *str; /* NULL: empty slot */
	size_t len;
	uint64_t owner;
	uint64_t hash;
	size_t value;
} hslot;

typedef struct htab {
	hslot *slots;
	size_t cap; /* 0 or a power of two */
	size_t used;
} htab;

enum reader_state { READER_READY, READER_DONE, READER_FAILED };

struct ngojst_reader {
	ngojst_context *ctx;
	char *name;
	ngojst_source src;
	yaml_parser_t parser;
	bool parser_live;
	bool parser_used;   /* started once: the parser starts on first need */
	bool direct_off;    /* always libyaml (to compare the readers in tests) */
	/* Until libyaml starts, where the next document of a buffer begins:
	 * a byte offset at the start of a line, and that line (0-based). */
	size_t next_at;
	size_t next_line;
	enum reader_state state;

	/* The error the reader is stuck in, repeated by later calls. */
	int err;
	pos err_at;
	char *err_msg;
	char *err_path;

	ngojst_arena own_arena;
	ngojst_arena *arena; /* &own_arena, or the caller's (single-document parse) */
	ngojst_tree *tree;   /* the current document, NULL after an error or take */
	size_t doc_index;

	/* Build state; the arrays are kept across documents. */
	frame *frames;
	size_t nframes, frames_cap;
	ngojst_node **items;
	size_t nitems, items_cap;
	anchor *anchors;
	size_t nanchors, anchors_cap;
	htab anchor_tab;
	htab key_tab;
	uint64_t hash_key[2];
	uint64_t serial;
	ngojst_node *root;
	size_t node_count;
	size_t expansions;
	bool in_document;
	size_t doc_start;
	pos doc_at;
};

static inline bool ngojst_same_scalar(const ngojst_node *a, const ngojst_node *b)
{
	/* (Scalars are NUL-terminated: str[0] exists even when empty.) */
	return a->u.scalar.len == b->u.scalar.len && a->u.scalar.str[0] == b->u.scalar.str[0] &&
	       memcmp(a->u.scalar.str, b->u.scalar.str, a->u.scalar.len) == 0;
}

/* For the direct readers: a node with `extra` bytes after it (a scalar's
 * text), counted against max_nodes; NULL past the limit or out of memory
 * (either way libyaml's path then reads the document and reports it). */
static inline ngojst_node *ngojst_reader_node(ngojst_reader *r, ngojst_node_type type, uint32_t line,
					      uint32_t column, size_t offset, size_t extra)
{
	ngojst_node *n;

	if (r->node_count >= r->ctx->limits.max_nodes ||
	    !(n = ngojst_arena_alloc(r->arena, sizeof(*n) + extra)))
		return NULL;
	n->type = type;
	n->style = NGOJST_SCALAR_PLAIN;
	n->line = line;
	n->column = column;
	n->offset = offset;
	n->tag = NULL;
	r->node_count++;
	return n;
}

/* Push a finished child on the reader's item stack (shared by the open
 * collections); NGOJST_ENOMEM. */
static inline int ngojst_reader_push(ngojst_reader *r, ngojst_node *n)
{
	if (r->nitems == r->items_cap &&
	    ngojst_grow(r->ctx, (void **)&r->items, &r->items_cap, r->nitems + 1, sizeof(*r->items)))
		return NGOJST_ENOMEM;
	r->items[r->nitems++] = n;
	return NGOJST_OK;
}
/* Move the children pushed since `start` into collection n (exact-size
 * arrays in the arena) and pop them; NGOJST_ENOMEM. */
int ngojst_reader_close(ngojst_reader *r, ngojst_node *n, size_t start);

/* The document just read, with this root, becomes r->tree (in the reader's
 * arena). NGOJST_ENOMEM. */
int ngojst_reader_finish(ngojst_reader *r, ngojst_node *root);

/* The direct readers return NGOJST_OK with r->tree set, or this when the
 * input is not one they cover exactly: the caller then resets the document
 * and lets libyaml read it (and report any error). */
#define NGOJST_DIRECT_NO 1

/* The whole buffer as one JSON object on one line (json-line.c). */
int ngojst_json_line_document(ngojst_reader *r);

/* Returned by ngojst_block_document when only blank and comment lines are
 * left: the stream has no more documents. */
#define NGOJST_DIRECT_END 2

/* The document of a buffer that starts at r->next_at, in block style
 * (block.c); on NGOJST_OK r->next_at and r->next_line move past it. */
int ngojst_block_document(ngojst_reader *r);

#endif
