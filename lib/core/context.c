#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context-private.h"
#include "buf.h"

#include <ngojst/version.h>

static void *default_malloc(size_t size, void *ud)
{
	(void)ud;
	return malloc(size);
}

static void *default_realloc(void *ptr, size_t size, void *ud)
{
	(void)ud;
	return realloc(ptr, size);
}

static void default_free(void *ptr, void *ud)
{
	(void)ud;
	free(ptr);
}

static const ngojst_limits default_limits = {
	.max_input_bytes = 64u << 20,
	.max_document_bytes = 16u << 20,
	.max_depth = 64,
	.max_nodes = 1000000,
	.max_alias_expansions = 10000,
	.max_scalar_bytes = 1u << 20,
	.max_findings = 10000,
	.max_diagnostics = 100,
};

static void fill_limits(ngojst_limits *dst, const ngojst_limits *src)
{
	*dst = default_limits;
	if (!src)
		return;
#define TAKE(f) if (src->f) dst->f = src->f
	TAKE(max_input_bytes);
	TAKE(max_document_bytes);
	TAKE(max_depth);
	TAKE(max_nodes);
	TAKE(max_alias_expansions);
	TAKE(max_scalar_bytes);
	TAKE(max_findings);
	TAKE(max_diagnostics);
#undef TAKE
}

int ngojst_context_new(ngojst_context **out, const ngojst_context_options *opts)
{
	ngojst_allocator alloc = { default_malloc, default_realloc, default_free, NULL };
	ngojst_context *ctx;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (opts && opts->version != NGOJST_CONTEXT_OPTIONS_VERSION)
		return NGOJST_EINVAL;
	if (opts && opts->allocator) {
		if (!opts->allocator->malloc || !opts->allocator->realloc || !opts->allocator->free)
			return NGOJST_EINVAL;
		alloc = *opts->allocator;
	}
	ctx = alloc.malloc(sizeof(*ctx), alloc.ud);
	if (!ctx)
		return NGOJST_ENOMEM;
	memset(ctx, 0, sizeof(*ctx));
	ctx->alloc = alloc;
	fill_limits(&ctx->limits, opts ? &opts->limits : NULL);
	*out = ctx;
	return NGOJST_OK;
}

void ngojst_context_free(ngojst_context *ctx)
{
	if (!ctx)
		return;
	ngojst_diag_clear(ctx);
	ngojst_free(ctx, ctx->diags);
	ctx->alloc.free(ctx, ctx->alloc.ud);
}

const ngojst_limits *ngojst_context_limits(const ngojst_context *ctx)
{
	return ctx ? &ctx->limits : &default_limits;
}

void *ngojst_malloc(ngojst_context *ctx, size_t size)
{
	return ngojst_alloc(ctx, size);
}

void *ngojst_alloc(ngojst_context *ctx, size_t size)
{
	return ctx->alloc.malloc(size ? size : 1, ctx->alloc.ud);
}

void *ngojst_calloc(ngojst_context *ctx, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = ngojst_alloc(ctx, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *ngojst_realloc(ngojst_context *ctx, void *ptr, size_t size)
{
	return ctx->alloc.realloc(ptr, size ? size : 1, ctx->alloc.ud);
}

void ngojst_free(ngojst_context *ctx, void *ptr)
{
	if (ctx && ptr)
		ctx->alloc.free(ptr, ctx->alloc.ud);
}

char *ngojst_strndup(ngojst_context *ctx, const char *s, size_t n)
{
	char *p = ngojst_alloc(ctx, n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ngojst_strdup(ngojst_context *ctx, const char *s)
{
	return s ? ngojst_strndup(ctx, s, strlen(s)) : NULL;
}

int ngojst_grow(ngojst_context *ctx, void **items, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return NGOJST_OK;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elem)
			return NGOJST_ENOMEM;
		ncap *= 2;
	}
	p = ngojst_realloc(ctx, *items, ncap * elem);
	if (!p)
		return NGOJST_ENOMEM;
	*items = p;
	*cap = ncap;
	return NGOJST_OK;
}

const char *ngojst_version(void)
{
	return NGOJST_VERSION;
}

int ngojst_version_number(void)
{
	return NGOJST_VERSION_NUMBER;
}

int ngojst_lang_parse(ngojst_lang *out, const char *tag)
{
	if (!out || !tag)
		return NGOJST_EINVAL;
	if (strcmp(tag, "pl") == 0)
		*out = NGOJST_LANG_PL;
	else if (strcmp(tag, "en") == 0)
		*out = NGOJST_LANG_EN;
	else
		return NGOJST_EINVAL;
	return NGOJST_OK;
}
