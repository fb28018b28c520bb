/* Private: a bump allocator. Everything belonging to one document (its tree
 * and its bound struct) lives in one arena and is released at once, so the
 * loader makes a handful of allocations per document instead of one per node. */
#ifndef NGOJST_ARENA_H
#define NGOJST_ARENA_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

#include "context-private.h"

typedef struct ngojst_arena_chunk ngojst_arena_chunk;

typedef struct ngojst_arena {
	ngojst_context *ctx;
	ngojst_arena_chunk *head;  /* newest chunk first */
	size_t chunk_size;         /* size of the next ordinary chunk */
	size_t total;              /* bytes handed out, for limits and tests */
	unsigned char *next;       /* free space left in the head chunk: [next, limit) */
	unsigned char *limit;
} ngojst_arena;

void ngojst_arena_init(ngojst_arena *a, ngojst_context *ctx, size_t first_chunk);
/* Free every chunk. The arena may be reused afterwards. */
void ngojst_arena_release(ngojst_arena *a);
/* Keep the smallest chunk, drop the rest: cheap reuse between documents. */
void ngojst_arena_reset(ngojst_arena *a);
/* ngojst_arena_alloc when the head chunk is full (a new chunk). */
void *ngojst_arena_alloc_slow(ngojst_arena *a, size_t size);

/* Aligned to max_align_t; NULL on overflow or out of memory. Inline, since
 * the reader makes one allocation per node: the common case is a bump of
 * the head chunk's free space. */
static inline void *ngojst_arena_alloc(ngojst_arena *a, size_t size)
{
	size_t need = (size + (alignof(max_align_t) - 1)) & ~(size_t)(alignof(max_align_t) - 1);

	if (size <= SIZE_MAX - alignof(max_align_t) && need &&
	    need <= (size_t)((uintptr_t)a->limit - (uintptr_t)a->next)) {
		void *p = a->next;

		a->next += need;
		a->total += need;
		return p;
	}
	return ngojst_arena_alloc_slow(a, size);
}
void *ngojst_arena_zalloc(ngojst_arena *a, size_t size);
char *ngojst_arena_strndup(ngojst_arena *a, const char *s, size_t n);
char *ngojst_arena_strdup(ngojst_arena *a, const char *s);

#endif
