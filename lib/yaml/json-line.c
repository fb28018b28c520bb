/* JSON on one line, read without libyaml.
 *
 * A buffer holding one JSON object on one line (a JSON-lines record, an API
 * payload) is read without libyaml, into the tree that libyaml's events
 * would build: same nodes, styles and positions. Whatever it does not cover
 * exactly (escapes, line breaks, tabs, a BOM, control, line-separator or
 * non-character code points, malformed UTF-8 or JSON, duplicate keys, keys
 * near libyaml's 1024-character simple-key limit, deep nesting, limits, more
 * than one value) is given to libyaml from the start instead, which then
 * reports any error as it always does. */
#include <string.h>

#include "chars.h"
#include "reader-private.h"

#define JSON_MAX_DEPTH 64
#define JSON_MAX_KEY 1000
#define JSON_MAX_PAIRS 256

typedef struct jscan {
	ngojst_reader *r;
	const unsigned char *base, *p, *end;
	uint32_t col;    /* 1-based column of p, in code points */
	unsigned depth;
	unsigned max_depth;
} jscan;

static int json_node(jscan *j, ngojst_node **out, ngojst_node_type type, const unsigned char *at,
		     uint32_t col, size_t extra)
{
	*out = ngojst_reader_node(j->r, type, 1, col, (size_t)(at - j->base), extra);
	return *out ? NGOJST_OK : NGOJST_DIRECT_NO;
}

static inline void json_spaces(jscan *j)
{
	while (j->p < j->end && *j->p == ' ') {
		j->p++;
		j->col++;
	}
}

/* A string without escapes: a double-quoted scalar. */
static int json_string(jscan *j, ngojst_node **out)
{
	const unsigned char *s = j->p + 1, *end = j->end;
	uint32_t chars = 0;
	size_t len;
	ngojst_node *n;
	char *str;

	for (;;) {
		unsigned c;

		if (s >= end)
			return NGOJST_DIRECT_NO;
		c = *s;
		if (c < 0x80) {
			if (c == '"')
				break;
			if (c < 0x20 || c == 0x7F || c == '\\')
				return NGOJST_DIRECT_NO;
			s++;
		} else {
			size_t k = ngojst_plain_char_len(s, end);

			if (!k)
				return NGOJST_DIRECT_NO;
			s += k;
		}
		chars++;
	}
	len = (size_t)(s - (j->p + 1));
	if (len > j->r->ctx->limits.max_scalar_bytes || json_node(j, &n, NGOJST_NODE_SCALAR, j->p, j->col, len + 1))
		return NGOJST_DIRECT_NO;
	n->style = NGOJST_SCALAR_QUOTED;
	str = (char *)(n + 1);
	memcpy(str, j->p + 1, len);
	str[len] = '\0';
	n->u.scalar.str = str;
	n->u.scalar.len = len;
	j->col += chars + 2;
	j->p = s + 1;
	*out = n;
	return NGOJST_OK;
}

/* A number, true, false or null: a plain scalar. */
static int json_plain(jscan *j, ngojst_node **out)
{
	const unsigned char *s = j->p, *end = j->end;
	size_t len;
	ngojst_node *n;
	char *str;

	if (end - s >= 4 && (!memcmp(s, "true", 4) || !memcmp(s, "null", 4))) {
		s += 4;
	} else if (end - s >= 5 && !memcmp(s, "false", 5)) {
		s += 5;
	} else {
		if (s < end && *s == '-')
			s++;
		if (s < end && *s == '0')
			s++;
		else if (s < end && *s >= '1' && *s <= '9')
			while (s < end && *s >= '0' && *s <= '9')
				s++;
		else
			return NGOJST_DIRECT_NO;
		if (s < end && *s == '.') {
			s++;
			if (s >= end || *s < '0' || *s > '9')
				return NGOJST_DIRECT_NO;
			while (s < end && *s >= '0' && *s <= '9')
				s++;
		}
		if (s < end && (*s == 'e' || *s == 'E')) {
			s++;
			if (s < end && (*s == '+' || *s == '-'))
				s++;
			if (s >= end || *s < '0' || *s > '9')
				return NGOJST_DIRECT_NO;
			while (s < end && *s >= '0' && *s <= '9')
				s++;
		}
	}
	/* What ends the token must end the plain scalar too. */
	if (s >= end || (*s != ',' && *s != '}' && *s != ']' && *s != ' '))
		return NGOJST_DIRECT_NO;
	len = (size_t)(s - j->p);
	if (len > j->r->ctx->limits.max_scalar_bytes || json_node(j, &n, NGOJST_NODE_SCALAR, j->p, j->col, len + 1))
		return NGOJST_DIRECT_NO;
	str = (char *)(n + 1);
	memcpy(str, j->p, len);
	str[len] = '\0';
	n->u.scalar.str = str;
	n->u.scalar.len = len;
	j->col += (uint32_t)len;
	j->p = s;
	*out = n;
	return NGOJST_OK;
}

static int json_value(jscan *j, ngojst_node **out);

/* An object or an array (open is '{' or '['). */
static int json_collection(jscan *j, ngojst_node **out)
{
	ngojst_reader *r = j->r;
	bool map = *j->p == '{';
	unsigned char close = map ? '}' : ']';
	size_t start = r->nitems, i;
	ngojst_node *n, *v;

	if (++j->depth > j->max_depth ||
	    json_node(j, &n, map ? NGOJST_NODE_MAPPING : NGOJST_NODE_SEQUENCE, j->p, j->col, 0))
		return NGOJST_DIRECT_NO;
	j->p++;
	j->col++;
	json_spaces(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->col++;
	} else {
		for (;;) {
			if (map) {
				ngojst_node *k;

				if (j->p >= j->end || *j->p != '"' || json_string(j, &k) ||
				    k->u.scalar.len > JSON_MAX_KEY || (r->nitems - start) / 2 >= JSON_MAX_PAIRS)
					return NGOJST_DIRECT_NO;
				for (i = start; i < r->nitems; i += 2)
					if (ngojst_same_scalar(r->items[i], k))
						return NGOJST_DIRECT_NO; /* libyaml's path reports it */
				if (ngojst_reader_push(r, k) || j->p >= j->end || *j->p != ':')
					return NGOJST_DIRECT_NO;
				j->p++;
				j->col++;
				json_spaces(j);
			}
			if (json_value(j, &v) || ngojst_reader_push(r, v))
				return NGOJST_DIRECT_NO;
			json_spaces(j);
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				j->col++;
				json_spaces(j);
				continue;
			}
			if (j->p < j->end && *j->p == close) {
				j->p++;
				j->col++;
				break;
			}
			return NGOJST_DIRECT_NO;
		}
	}
	if (ngojst_reader_close(r, n, start))
		return NGOJST_DIRECT_NO;
	j->depth--;
	*out = n;
	return NGOJST_OK;
}

static int json_value(jscan *j, ngojst_node **out)
{
	if (j->p >= j->end)
		return NGOJST_DIRECT_NO;
	if (*j->p == '"')
		return json_string(j, out);
	if (*j->p == '{' || *j->p == '[')
		return json_collection(j, out);
	return json_plain(j, out);
}

/* The whole buffer as one JSON object on one line: NGOJST_OK with r->tree
 * set, or NGOJST_DIRECT_NO with nothing kept (the caller resets and uses libyaml). */
int ngojst_json_line_document(ngojst_reader *r)
{
	jscan j;
	ngojst_node *root;
	const unsigned char *end;

	if (r->src.file || r->src.len > r->ctx->limits.max_document_bytes)
		return NGOJST_DIRECT_NO;
	j.r = r;
	j.base = r->src.data;
	j.p = j.base;
	end = j.base + r->src.len;
	/* One line: an optional final line feed, no other. */
	if (end > j.base && end[-1] == '\n')
		end--;
	j.end = end;
	j.col = 1;
	j.depth = 0;
	j.max_depth = r->ctx->limits.max_depth < JSON_MAX_DEPTH ? r->ctx->limits.max_depth : JSON_MAX_DEPTH;
	json_spaces(&j);
	if (j.p >= j.end || *j.p != '{')
		return NGOJST_DIRECT_NO;
	if (memchr(j.p, '\n', (size_t)(j.end - j.p)))
		return NGOJST_DIRECT_NO;
	r->doc_at.line = 1;
	r->doc_at.column = j.col;
	r->doc_at.offset = (size_t)(j.p - j.base);
	r->doc_start = r->doc_at.offset;
	if (json_collection(&j, &root))
		return NGOJST_DIRECT_NO;
	json_spaces(&j);
	if (j.p != j.end)
		return NGOJST_DIRECT_NO;
	return ngojst_reader_finish(r, root) ? NGOJST_DIRECT_NO : NGOJST_OK;
}

