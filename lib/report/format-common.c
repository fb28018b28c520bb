#include <stdio.h>
#include <string.h>

#include "format-private.h"

bool ngojst_report_date_str(char out[11], ngojst_date d)
{
	/* Formatted here rather than with ngojst_date_format() so that a
	 * report with a nonsensical date still formats (as null) instead of
	 * failing half-way through. */
	if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
	return true;
}

const char *ngojst_report_lang_name(ngojst_lang lang)
{
	return lang == NGOJST_LANG_EN ? "en" : "pl";
}

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0
 * if the bytes there are not one (overlong forms, surrogates and code
 * points past U+10FFFF included, per RFC 3629). */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (n < len)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

/* The replacement character U+FFFD in UTF-8. */
static const char replacement[] = "\xef\xbf\xbd";

typedef void (*run_fn)(ngojst_buf *b, const char *s, size_t n);

/* Split s into well-formed runs passed to emit, with each ill-formed byte
 * replaced by U+FFFD. */
static void put_clean(ngojst_buf *b, const char *s, run_fn emit)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, start = 0;

	while (i < n) {
		size_t len = utf8_seq_len(u + i, n - i);

		if (len) {
			i += len;
			continue;
		}
		emit(b, s + start, i - start);
		ngojst_buf_add(b, replacement, sizeof(replacement) - 1);
		start = ++i;
	}
	emit(b, s + start, n - start);
}

void ngojst_report_put_json(ngojst_buf *b, const char *s)
{
	put_clean(b, s, ngojst_buf_json_escape);
}

static void text_escape(ngojst_buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != 0x7f) {
			run++;
			continue;
		}
		ngojst_buf_add(b, s + i - run, run);
		run = 0;
		switch (c) {
		case '\n': ngojst_buf_puts(b, "\\n"); break;
		case '\r': ngojst_buf_puts(b, "\\r"); break;
		case '\t': ngojst_buf_puts(b, "\\t"); break;
		default: ngojst_buf_printf(b, "\\x%02x", c); break;
		}
	}
	ngojst_buf_add(b, s + n - run, run);
}

void ngojst_report_put_text(ngojst_buf *b, const char *s)
{
	put_clean(b, s, text_escape);
}

/* JSON writer */

void ngojst_jw_init(ngojst_jw *w, ngojst_buf *b)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
}

static void newline_indent(ngojst_jw *w, unsigned depth)
{
	static const char spaces[] = "                                ";
	unsigned i;

	ngojst_buf_putc(w->b, '\n');
	for (i = 0; i < depth; i++)
		ngojst_buf_add(w->b, spaces, 2);
}

/* Separate a new member or element from the previous one. */
static void next_item(ngojst_jw *w)
{
	if (w->depth == 0)
		return;
	if (w->items[w->depth]++)
		ngojst_buf_putc(w->b, ',');
	newline_indent(w, w->depth);
}

static void before_value(ngojst_jw *w)
{
	if (w->after_key)
		w->after_key = false;
	else
		next_item(w);
}

static void begin(ngojst_jw *w, char open)
{
	before_value(w);
	ngojst_buf_putc(w->b, open);
	if (w->depth + 1 >= NGOJST_JW_MAX_DEPTH) {
		/* The formats nest to a fixed depth well below the limit;
		 * reaching it is a bug, and failing the buffer beats
		 * writing outside the array. */
		w->b->failed = true;
		return;
	}
	w->items[++w->depth] = 0;
}

static void end(ngojst_jw *w, char close)
{
	if (w->depth == 0)
		return;
	if (w->items[w->depth])
		newline_indent(w, w->depth - 1);
	w->depth--;
	ngojst_buf_putc(w->b, close);
}

void ngojst_jw_begin_object(ngojst_jw *w)
{
	begin(w, '{');
}

void ngojst_jw_end_object(ngojst_jw *w)
{
	end(w, '}');
}

void ngojst_jw_begin_array(ngojst_jw *w)
{
	begin(w, '[');
}

void ngojst_jw_end_array(ngojst_jw *w)
{
	end(w, ']');
}

void ngojst_jw_key(ngojst_jw *w, const char *key)
{
	next_item(w);
	ngojst_buf_putc(w->b, '"');
	ngojst_buf_puts(w->b, key);
	ngojst_buf_puts(w->b, "\": ");
	w->after_key = true;
}

void ngojst_jw_string(ngojst_jw *w, const char *s)
{
	before_value(w);
	if (!s) {
		ngojst_buf_puts(w->b, "null");
		return;
	}
	ngojst_buf_putc(w->b, '"');
	ngojst_report_put_json(w->b, s);
	ngojst_buf_putc(w->b, '"');
}

void ngojst_jw_raw_string(ngojst_jw *w, const char *s)
{
	before_value(w);
	ngojst_buf_putc(w->b, '"');
	ngojst_buf_puts(w->b, s);
	ngojst_buf_putc(w->b, '"');
}

void ngojst_jw_begin_value(ngojst_jw *w)
{
	before_value(w);
}

void ngojst_jw_uint(ngojst_jw *w, size_t v)
{
	before_value(w);
	ngojst_buf_printf(w->b, "%zu", v);
}

void ngojst_jw_bool(ngojst_jw *w, bool v)
{
	before_value(w);
	ngojst_buf_puts(w->b, v ? "true" : "false");
}

void ngojst_jw_null(ngojst_jw *w)
{
	before_value(w);
	ngojst_buf_puts(w->b, "null");
}

void ngojst_jw_date(ngojst_jw *w, ngojst_date d)
{
	char s[11];

	if (ngojst_report_date_str(s, d))
		ngojst_jw_raw_string(w, s);
	else
		ngojst_jw_null(w);
}

void ngojst_jw_kv_string(ngojst_jw *w, const char *key, const char *s)
{
	ngojst_jw_key(w, key);
	ngojst_jw_string(w, s);
}

void ngojst_jw_kv_raw_string(ngojst_jw *w, const char *key, const char *s)
{
	ngojst_jw_key(w, key);
	ngojst_jw_raw_string(w, s);
}

void ngojst_jw_kv_uint(ngojst_jw *w, const char *key, size_t v)
{
	ngojst_jw_key(w, key);
	ngojst_jw_uint(w, v);
}
