#include <stdio.h>
#include <string.h>

#include "buf.h"

void ngojst_buf_init(ngojst_buf *b, ngojst_context *ctx)
{
	memset(b, 0, sizeof(*b));
	b->ctx = ctx;
}

void ngojst_buf_dispose(ngojst_buf *b)
{
	ngojst_free(b->ctx, b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void ngojst_buf_reset(ngojst_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	b->failed = false;
}

static bool reserve(ngojst_buf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (extra > SIZE_MAX - b->len - 1 ||
	    ngojst_grow(b->ctx, (void **)&b->data, &b->cap, b->len + extra + 1, 1) != NGOJST_OK) {
		b->failed = true;
		return false;
	}
	return true;
}

void ngojst_buf_add(ngojst_buf *b, const char *s, size_t n)
{
	/* An empty span may come with a NULL pointer, which memcpy must not
	 * be given even for zero bytes. */
	if (!n)
		return;
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void ngojst_buf_puts(ngojst_buf *b, const char *s)
{
	ngojst_buf_add(b, s, strlen(s));
}

void ngojst_buf_putc(ngojst_buf *b, char c)
{
	ngojst_buf_add(b, &c, 1);
}

void ngojst_buf_vprintf(ngojst_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void ngojst_buf_printf(ngojst_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ngojst_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void ngojst_buf_json_escape(ngojst_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	if (!n)
		return;  /* s may be NULL; even s + 0 is undefined then */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[6];

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c < 0x20 || c == 0x7f) {
				u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
				u[4] = hex[c >> 4]; u[5] = hex[c & 15];
				ngojst_buf_add(b, s + i - run, run);
				run = 0;
				ngojst_buf_add(b, u, 6);
				continue;
			}
			run++;
			continue;
		}
		ngojst_buf_add(b, s + i - run, run);
		run = 0;
		ngojst_buf_puts(b, esc);
	}
	ngojst_buf_add(b, s + n - run, run);
}

void ngojst_buf_json_string(ngojst_buf *b, const char *s)
{
	if (!s) {
		ngojst_buf_puts(b, "null");
		return;
	}
	ngojst_buf_putc(b, '"');
	ngojst_buf_json_escape(b, s, strlen(s));
	ngojst_buf_putc(b, '"');
}

const char *ngojst_buf_cstr(ngojst_buf *b)
{
	if (b->failed)
		return NULL;
	if (!b->data && !reserve(b, 0))
		return NULL;
	b->data[b->len] = '\0';
	return b->data;
}

int ngojst_buf_detach(ngojst_buf *b, char **out)
{
	*out = NULL;
	if (!ngojst_buf_cstr(b)) {
		ngojst_buf_dispose(b);
		b->failed = false;
		return NGOJST_ENOMEM;
	}
	*out = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return NGOJST_OK;
}

void ngojst_str_cat(char *buf, size_t size, size_t *n, const char *s)
{
	size_t len = strlen(s);

	if (*n + 1 < size) {
		size_t room = size - *n - 1, k = len < room ? len : room;

		memcpy(buf + *n, s, k);
		buf[*n + k] = '\0';
	}
	*n += len;
}
