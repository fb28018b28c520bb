/* Private: a bump allocator. Everything belonging to one document (its tree
 * and its bound struct) lives in one arena and is released at once, so the
 * loader makes a handful of allocations per document instead of one per node. */
#ifndef NGOJST_ARENA_H
#define NGOJST_ARENA_H

#include <stddef.h>

#include "context-private.h"

typedef struct ngojst_arena_chunk ngojst_arena_chunk;

typedef struct ngojst_arena {
	ngojst_context *ctx;
	ngojst_arena_chunk *head;  /* newest chunk first */
	size_t chunk_size;         /* size of the next ordinary chunk */
	size_t total;              /* bytes handed out, for limits and tests */
} ngojst_arena;

void ngojst_arena_init(ngojst_arena *a, ngojst_context *ctx, size_t first_chunk);
/* Free every chunk. The arena may be reused afterwards. */
void ngojst_arena_release(ngojst_arena *a);
/* Keep the smallest chunk, drop the rest: cheap reuse between documents. */
void ngojst_arena_reset(ngojst_arena *a);
/* Aligned to max_align_t; NULL on overflow or out of memory. */
void *ngojst_arena_alloc(ngojst_arena *a, size_t size);
void *ngojst_arena_zalloc(ngojst_arena *a, size_t size);
char *ngojst_arena_strndup(ngojst_arena *a, const char *s, size_t n);
char *ngojst_arena_strdup(ngojst_arena *a, const char *s);

#endif
