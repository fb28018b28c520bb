/* Private: the context structure and the allocation and diagnostic helpers
 * every module uses. Nothing here is part of the public API. */
#ifndef NGOJST_CONTEXT_PRIVATE_H
#define NGOJST_CONTEXT_PRIVATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <ngojst/common.h>

#if defined(__GNUC__) || defined(__clang__)
#  define NGOJST_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#  define NGOJST_PRINTF(fmt, args)
#endif

/* One recorded diagnostic; strings are owned by the context. */
typedef struct ngojst_diag_rec {
	ngojst_diag pub;
	char *source;
	char *path;
	char *message;
} ngojst_diag_rec;

struct ngojst_context {
	ngojst_allocator alloc;
	ngojst_limits limits;
	ngojst_diag_rec *diags;
	size_t ndiags;
	size_t diags_cap;
	size_t diags_dropped;
};

void *ngojst_alloc(ngojst_context *ctx, size_t size);
void *ngojst_calloc(ngojst_context *ctx, size_t n, size_t size);
void *ngojst_realloc(ngojst_context *ctx, void *ptr, size_t size);
char *ngojst_strdup(ngojst_context *ctx, const char *s);
char *ngojst_strndup(ngojst_context *ctx, const char *s, size_t n);

/* Grow an array of elem-sized items to hold at least need items. */
int ngojst_grow(ngojst_context *ctx, void **items, size_t *cap, size_t need, size_t elem);

/* Forget the previous call's diagnostics. Called at the start of every
 * public entry point that can fail with diagnostics. */
void ngojst_diag_clear(ngojst_context *ctx);

/* Record a diagnostic. source/path may be NULL. Returns code, so a caller can
 * write `return ngojst_diag_add(...)`. Out of memory while recording is not
 * reported separately: the diagnostic is counted as dropped. */
int ngojst_diag_add(ngojst_context *ctx, int code, const char *source, unsigned line,
		    unsigned column, size_t offset, const char *path, const char *fmt, ...)
	NGOJST_PRINTF(8, 9);
int ngojst_diag_addv(ngojst_context *ctx, int code, const char *source, unsigned line,
		     unsigned column, size_t offset, const char *path, const char *fmt, va_list ap)
	NGOJST_PRINTF(8, 0);

/* The first error code among the recorded diagnostics, or fallback. */
int ngojst_diag_first_code(const ngojst_context *ctx, int fallback);

#endif
