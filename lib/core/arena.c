#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* How much of a chunk is used is known only for the head chunk, through the
 * arena's [next, limit) (the other chunks are full, or dedicated to one
 * big allocation). */
struct ngojst_arena_chunk {
	ngojst_arena_chunk *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

#define ARENA_ALIGN (alignof(max_align_t))
#define ARENA_MAX_CHUNK ((size_t)1 << 20)

void ngojst_arena_init(ngojst_arena *a, ngojst_context *ctx, size_t first_chunk)
{
	a->ctx = ctx;
	a->head = NULL;
	a->chunk_size = first_chunk ? first_chunk : 4096;
	a->total = 0;
	a->next = a->limit = NULL;
}

void ngojst_arena_release(ngojst_arena *a)
{
	ngojst_arena_chunk *c = a->head, *next;

	while (c) {
		next = c->next;
		ngojst_free(a->ctx, c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
	a->next = a->limit = NULL;
}

void ngojst_arena_reset(ngojst_arena *a)
{
	ngojst_arena_chunk *c, *next, *keep = NULL;

	/* Keep the smallest chunk: normally the first one, since ordinary
	 * chunks double in size and a dedicated chunk is never smaller than
	 * the ordinary size of its time. The oldest chunk is not reliably the
	 * last in the list (a dedicated chunk is linked behind the head), and
	 * keeping the last would pin a large block between documents. */
	for (c = a->head; c; c = c->next) {
		if (!keep || c->size < keep->size)
			keep = c;
	}
	for (c = a->head; c; c = next) {
		next = c->next;
		if (c != keep)
			ngojst_free(a->ctx, c);
	}
	if (keep) {
		keep->next = NULL;
		a->next = keep->data;
		a->limit = keep->data + keep->size;
	} else {
		a->next = a->limit = NULL;
	}
	a->head = keep;
	a->total = 0;
}

void *ngojst_arena_alloc_slow(ngojst_arena *a, size_t size)
{
	ngojst_arena_chunk *c;
	size_t need, csize;
	unsigned char *p;

	if (size > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	need = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (!need)
		need = ARENA_ALIGN;
	if (need <= (size_t)((uintptr_t)a->limit - (uintptr_t)a->next)) {
		p = a->next;
		a->next += need;
		a->total += need;
		return p;
	}
	csize = a->chunk_size;
	if (csize < need)
		csize = need;
	if (csize > SIZE_MAX - sizeof(*c))
		return NULL;
	c = ngojst_alloc(a->ctx, sizeof(*c) + csize);
	if (!c)
		return NULL;
	c->size = csize;
	/* Put a fresh chunk in front only when it has room left over; a
	 * dedicated big chunk goes behind the current one. */
	if (a->head && csize == need) {
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = a->head;
		a->head = c;
		a->next = c->data + need;
		a->limit = c->data + csize;
	}
	if (a->chunk_size < ARENA_MAX_CHUNK)
		a->chunk_size *= 2;
	a->total += need;
	return c->data;
}

void *ngojst_arena_zalloc(ngojst_arena *a, size_t size)
{
	void *p = ngojst_arena_alloc(a, size);

	if (p)
		memset(p, 0, size);
	return p;
}

char *ngojst_arena_strndup(ngojst_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		return NULL;
	p = ngojst_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ngojst_arena_strdup(ngojst_arena *a, const char *s)
{
	return ngojst_arena_strndup(a, s, strlen(s));
}
