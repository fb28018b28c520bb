#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "context-private.h"

const char *ngojst_strerror(int code)
{
	switch (code) {
	case NGOJST_OK: return "success";
	case NGOJST_ERROR: return "internal error";
	case NGOJST_ENOMEM: return "out of memory";
	case NGOJST_EIO: return "input/output error";
	case NGOJST_EINVAL: return "invalid argument";
	case NGOJST_EPARSE: return "malformed input (not well-formed YAML/JSON or UTF-8)";
	case NGOJST_EINPUT: return "input does not fit its schema";
	case NGOJST_ERULESET: return "malformed rule set";
	case NGOJST_ELIMIT: return "resource limit exceeded";
	case NGOJST_ENOTFOUND: return "not found";
	case NGOJST_ERANGE: return "value out of range";
	case NGOJST_EOF: return "end of stream";
	default: return "unknown error code";
	}
}

void ngojst_diag_clear(ngojst_context *ctx)
{
	size_t i;

	for (i = 0; i < ctx->ndiags; i++) {
		ngojst_free(ctx, ctx->diags[i].source);
		ngojst_free(ctx, ctx->diags[i].path);
		ngojst_free(ctx, ctx->diags[i].message);
	}
	ctx->ndiags = 0;
	ctx->diags_dropped = 0;
}

int ngojst_diag_addv(ngojst_context *ctx, int code, const char *source, unsigned line,
		     unsigned column, size_t offset, const char *path, const char *fmt, va_list ap)
{
	ngojst_diag_rec *r;
	ngojst_buf b;

	if (ctx->ndiags >= ctx->limits.max_diagnostics ||
	    ngojst_grow(ctx, (void **)&ctx->diags, &ctx->diags_cap, ctx->ndiags + 1,
			sizeof(*ctx->diags)) != NGOJST_OK) {
		ctx->diags_dropped++;
		return code;
	}
	r = &ctx->diags[ctx->ndiags];
	memset(r, 0, sizeof(*r));
	ngojst_buf_init(&b, ctx);
	ngojst_buf_vprintf(&b, fmt, ap);
	if (ngojst_buf_detach(&b, &r->message) != NGOJST_OK)
		goto oom;
	if (source && !(r->source = ngojst_strdup(ctx, source)))
		goto oom;
	if (path && !(r->path = ngojst_strdup(ctx, path)))
		goto oom;
	r->pub.code = code;
	r->pub.source = r->source;
	r->pub.line = line;
	r->pub.column = column;
	r->pub.offset = offset;
	r->pub.path = r->path;
	r->pub.message = r->message;
	ctx->ndiags++;
	return code;
oom:
	ngojst_free(ctx, r->message);
	ngojst_free(ctx, r->source);
	ngojst_free(ctx, r->path);
	ctx->diags_dropped++;
	return code;
}

int ngojst_diag_add(ngojst_context *ctx, int code, const char *source, unsigned line,
		    unsigned column, size_t offset, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ngojst_diag_addv(ctx, code, source, line, column, offset, path, fmt, ap);
	va_end(ap);
	return code;
}

int ngojst_diag_first_code(const ngojst_context *ctx, int fallback)
{
	return ctx->ndiags ? ctx->diags[0].pub.code : fallback;
}

size_t ngojst_diag_count(const ngojst_context *ctx)
{
	return ctx ? ctx->ndiags : 0;
}

const ngojst_diag *ngojst_diag_at(const ngojst_context *ctx, size_t index)
{
	if (!ctx || index >= ctx->ndiags)
		return NULL;
	return &ctx->diags[index].pub;
}

size_t ngojst_diag_dropped(const ngojst_context *ctx)
{
	return ctx ? ctx->diags_dropped : 0;
}

int ngojst_diag_format(ngojst_context *ctx, char **out)
{
	ngojst_buf b;
	size_t i;

	if (!ctx || !out)
		return NGOJST_EINVAL;
	ngojst_buf_init(&b, ctx);
	for (i = 0; i < ctx->ndiags; i++) {
		const ngojst_diag *d = &ctx->diags[i].pub;

		ngojst_buf_puts(&b, d->source ? d->source : "<input>");
		if (d->line)
			ngojst_buf_printf(&b, ":%u:%u", d->line, d->column);
		ngojst_buf_printf(&b, ": error: %s\n", d->message);
	}
	if (ctx->diags_dropped)
		ngojst_buf_printf(&b, "(%zu more diagnostics not shown)\n", ctx->diags_dropped);
	return ngojst_buf_detach(&b, out);
}
