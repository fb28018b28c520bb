/* Block-style YAML, read without libyaml.
 *
 * Most documents people write, and all the built-in rule sets, use a small
 * part of YAML: block mappings and sequences, one-line plain and quoted
 * scalars, flow collections (also as the root: JSON, pretty-printed or
 * not), literal and folded block scalars, comments and "---" between
 * documents. Such a document (of a buffer, or of a file once
 * the source's window holds all of it) is read here straight into the tree
 * that libyaml's events would build: the same nodes, styles,
 * lines, columns and byte offsets. libyaml spends most of a check's time
 * on its token queue and per-character reading; this reader touches each
 * byte a few times.
 *
 * It is exact on what it covers and gives up on everything else: anchors,
 * aliases, tags, directives, "...", explicit keys, tabs, carriage returns,
 * multi-line plain or quoted scalars, escapes other than the common ones,
 * block scalars with an indentation indicator, leading blank lines or
 * more-indented blank lines, empty flow values, duplicate keys, any limit,
 * any error. Then libyaml reads the stream from the first byte of that
 * document on (see ngojst_reader_next), and reports errors as it always
 * does. tests/yaml/test-block.c compares the two readers' trees on every
 * test input, and fuzz/fuzz-block.c on arbitrary ones. */
#include <string.h>

#include "chars.h"
#include "reader-private.h"

#define BLOCK_MAX_DEPTH 64
#define BLOCK_MAX_KEY 1000 /* libyaml's simple keys end at 1024 characters */
#define BLOCK_MAX_PAIRS 256
/* Indentations and columns are ints and uint32s here: bigger documents go
 * to libyaml. */
#define BLOCK_MAX_DOCUMENT ((size_t)INT32_MAX / 2)
#define NO NGOJST_DIRECT_NO

typedef struct bmark {
	uint32_t line;
	uint32_t column;
	size_t offset;
} bmark;

typedef struct bscan {
	ngojst_reader *r;
	const unsigned char *data; /* the bytes in memory (a buffer, a file's window) */
	size_t data_off;           /* the input offset of data[0] */
	const unsigned char *end;  /* the document's end: the next "---" line, or the input's */
	const unsigned char *p;    /* the next byte */
	const unsigned char *ls;   /* the start of p's line */
	size_t line;               /* 0-based line of ls */
	const unsigned char *col_at; /* a position on this line whose column is known */
	uint32_t col;
	int indent;                /* spaces before the current content line; -1 at the end */
	unsigned depth, max_depth;
} bscan;

/* ------------------------------------------------------------------------ */
/* Lines and positions                                                      */

static inline bool blank_or_end(const bscan *b, const unsigned char *q)
{
	return q >= b->end || *q == ' ' || *q == '\n';
}

/* "-" opening a block sequence entry. */
static inline bool at_dash(const bscan *b)
{
	return b->p < b->end && *b->p == '-' && blank_or_end(b, b->p + 1);
}

/* Characters in [s, e): bytes that are not UTF-8 continuation bytes. */
static uint32_t chars_in(const unsigned char *s, const unsigned char *e)
{
	uint32_t n = 0;

	for (; e - s >= 8; s += 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		n += 8 - ngojst_count_continuations(w);
	}
	for (; s < e; s++)
		n += (*s & 0xC0) != 0x80;
	return n;
}

/* Column (1-based, in characters) of q on the current line. */
static uint32_t column_of(bscan *b, const unsigned char *q)
{
	if (b->col_at < b->ls || b->col_at > q) {
		b->col_at = b->ls;
		b->col = 1;
	}
	b->col += chars_in(b->col_at, q);
	b->col_at = q;
	return b->col;
}

static bmark mark_at(bscan *b, const unsigned char *q)
{
	bmark m;

	m.line = b->line + 1 >= UINT32_MAX ? UINT32_MAX : (uint32_t)(b->line + 1);
	m.column = column_of(b, q);
	m.offset = (size_t)(q - b->data) + b->data_off;
	return m;
}

static inline void new_line(bscan *b, const unsigned char *start)
{
	b->ls = start;
	b->line++;
}

/* From the start of a line, find the next content line: skip lines that
 * are blank or hold only a comment. Leaves p at its first non-space byte
 * and indent at the spaces before it, or indent -1 at the document's end. */
static void next_content(bscan *b, const unsigned char *q)
{
	const unsigned char *end = b->end;

	for (;;) {
		const unsigned char *s = q, *nl;

		while (s < end && *s == ' ')
			s++;
		if (s < end && *s != '\n' && *s != '#') {
			b->p = s;
			b->indent = (int)(s - q);
			b->col_at = s;
			b->col = (uint32_t)b->indent + 1;
			return;
		}
		nl = s < end ? memchr(s, '\n', (size_t)(end - s)) : NULL;
		if (!nl) {
			b->p = end;
			b->indent = -1;
			return;
		}
		q = nl + 1;
		new_line(b, q);
	}
}

/* After a node that ends on its line: spaces, an optional comment (after a
 * space, as libyaml reads it too only by accident otherwise), the line's
 * end; then on to the next content line. */
static int end_line(bscan *b)
{
	const unsigned char *q = b->p, *end = b->end;

	while (q < end && *q == ' ')
		q++;
	if (q < end && *q == '#') {
		if (q == b->p)
			return NO;
		q = memchr(q, '\n', (size_t)(end - q));
		if (!q)
			q = end;
	}
	if (q < end && *q != '\n')
		return NO;
	if (q >= end) {
		b->p = end;
		b->indent = -1;
		return NGOJST_OK;
	}
	new_line(b, q + 1);
	next_content(b, q + 1);
	return NGOJST_OK;
}

/* ------------------------------------------------------------------------ */
/* Nodes                                                                    */

static int new_node(bscan *b, ngojst_node **out, ngojst_node_type type, const bmark *at,
		    size_t extra)
{
	*out = ngojst_reader_node(b->r, type, at->line, at->column, at->offset, extra);
	return *out ? NGOJST_OK : NO;
}

/* A scalar whose text is written by the caller into (char *)(n + 1). */
static int new_scalar(bscan *b, ngojst_node **out, ngojst_scalar_style style, const bmark *at,
		      size_t len)
{
	ngojst_node *n;

	if (len > b->r->ctx->limits.max_scalar_bytes ||
	    new_node(b, &n, NGOJST_NODE_SCALAR, at, len + 1))
		return NO;
	n->style = style;
	n->u.scalar.str = (char *)(n + 1);
	n->u.scalar.len = len;
	((char *)(n + 1))[len] = '\0';
	*out = n;
	return NGOJST_OK;
}

/* The empty plain scalar libyaml puts where a value is missing. */
static int empty_scalar(bscan *b, ngojst_node **out, const bmark *at)
{
	return new_scalar(b, out, NGOJST_SCALAR_PLAIN, at, 0);
}

static int push(ngojst_reader *r, ngojst_node *n)
{
	return ngojst_reader_push(r, n) ? NO : NGOJST_OK;
}

/* Move the children pushed since `start` into collection n. */
static int close_collection(bscan *b, ngojst_node *n, size_t start)
{
	if (ngojst_reader_close(b->r, n, start))
		return NO;
	b->depth--;
	return NGOJST_OK;
}

static int open_collection(bscan *b, ngojst_node **out, ngojst_node_type type, const bmark *at)
{
	if (++b->depth > b->max_depth)
		return NO;
	return new_node(b, out, type, at, 0);
}

/* A key for the mapping whose children start at `start`: a scalar, short
 * enough for libyaml's simple keys, not seen before in this mapping. */
static int push_key(bscan *b, ngojst_node *key, size_t start)
{
	ngojst_reader *r = b->r;
	size_t i;

	if (key->u.scalar.len > BLOCK_MAX_KEY || (r->nitems - start) / 2 >= BLOCK_MAX_PAIRS)
		return NO;
	for (i = start; i < r->nitems; i += 2)
		if (ngojst_same_scalar(r->items[i], key))
			return NO;
	return push(r, key);
}

/* ------------------------------------------------------------------------ */
/* Scalars on one line                                                      */

/* A byte that may start a plain scalar here (c is not a space or a line
 * break). Indicators may not, except "-" before a letter or digit. */
static bool plain_start(const bscan *b, const unsigned char *q)
{
	switch (*q) {
	case '-':
		return q + 1 < b->end && ((q[1] >= '0' && q[1] <= '9') || (q[1] >= 'a' && q[1] <= 'z') ||
					  (q[1] >= 'A' && q[1] <= 'Z'));
	case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#':
	case '&': case '*': case '!': case '|': case '>': case '\'': case '"': case '%':
	case '@': case '`': case ' ': case '\n':
		return false;
	default:
		return true;
	}
}

/* A plain scalar at p that ends on its line: before ": ", a ":" ending the
 * line, " #", the line's end, and in a flow collection before ",", "]" or
 * "}". In a flow collection it must end at one of those or at ": ". */
/* Bit 7 of each byte of w that equals c. */
static inline uint64_t bytes_equal(uint64_t w, unsigned char c)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80, low = ones * 0x7F;
	uint64_t x = w ^ (ones * c);

	return ~(((x & low) + low) | x) & high;
}

/* The first byte at or after q that may end a plain scalar: a line feed,
 * ":", "#" (after a space) and, in a flow collection, ",[]{}". Spaces are
 * not stops (only a space before "#" ends the scalar), so plain text goes
 * by a word at a time. */
static const unsigned char *plain_stop(const unsigned char *q, const unsigned char *end, bool flow)
{
	static const unsigned char stops[256] = {
		['\n'] = 1, [':'] = 1, ['#'] = 1,
		[','] = 2, ['['] = 2, [']'] = 2, ['{'] = 2, ['}'] = 2,
	};
	unsigned mask = flow ? 3 : 1;

#if NGOJST_WORD_LE
	/* (Not in flow collections: their scalars are short.) */
	while (!flow && end - q >= 8) {
		uint64_t w, hit;

		memcpy(&w, q, 8);
		hit = bytes_equal(w, '\n') | bytes_equal(w, ':') | bytes_equal(w, '#');
		if (hit)
			return q + ngojst_first_flagged(hit);
		q += 8;
	}
#endif
	while (q < end && !(stops[*q] & mask))
		q++;
	return q;
}

/* In a flow collection, whether a plain scalar whose text stops at q ends
 * there: before ",", "]", "}" or ":" on its line; at the line's end (or a
 * comment) only if what comes next is ",", "]", "}" or a comment, which
 * cannot continue it (a pretty-printed JSON value before its "}"). */
static bool flow_plain_ends(const bscan *b, const unsigned char *q)
{
	const unsigned char *end = b->end;
	bool crossed = false;

	for (;;) {
		while (q < end && *q == ' ')
			q++;
		if (q < end && *q == '#') {
			q = memchr(q, '\n', (size_t)(end - q));
			if (!q)
				return false;
		}
		if (q >= end)
			return false;
		if (*q != '\n')
			break;
		q++;
		crossed = true;
	}
	return *q == ',' || *q == ']' || *q == '}' || (!crossed && *q == ':');
}

static int plain(bscan *b, bool flow, ngojst_node **out)
{
	const unsigned char *s = b->p, *q = s, *end = b->end, *last;
	bmark at;

	if (!plain_start(b, s))
		return NO;
	for (;; q++) {
		unsigned c;

		q = plain_stop(q, end, flow);
		if (q >= end)
			break;
		c = *q;
		if (c == '\n')
			break;
		if (c == ':') {
			if (blank_or_end(b, q + 1))
				break;
			if (flow && (q[1] == ',' || q[1] == '[' || q[1] == ']' || q[1] == '{' || q[1] == '}'))
				return NO;
		} else if (c == '#') {
			if (q[-1] == ' ') {
				q--;
				break;
			}
		} else {
			/* In a flow collection: "," "]" "}" end it, "[" "{" may not
			 * appear in it. */
			if (c == '[' || c == '{')
				return NO;
			break;
		}
	}
	if (flow && !flow_plain_ends(b, q))
		return NO; /* it may go on on the next line */
	for (last = q; last > s && last[-1] == ' '; last--)
		;
	at = mark_at(b, s);
	if (new_scalar(b, out, NGOJST_SCALAR_PLAIN, &at, (size_t)(last - s)))
		return NO;
	memcpy((char *)(*out + 1), s, (size_t)(last - s));
	b->p = last;
	return NGOJST_OK;
}

static int hex_digit(unsigned c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return (int)(c - 'a' + 10);
	return -1;
}

/* Decode the escape at q (after the backslash) into *cp; its length in
 * input bytes, or 0 for an escape left to libyaml. */
static size_t escape(const bscan *b, const unsigned char *q, uint32_t *cp)
{
	int i;

	if (q >= b->end)
		return 0;
	switch (*q) {
	case '\\': *cp = '\\'; return 1;
	case '"': *cp = '"'; return 1;
	case '/': *cp = '/'; return 1;
	case ' ': *cp = ' '; return 1;
	case 'a': *cp = 0x07; return 1;
	case 'b': *cp = 0x08; return 1;
	case 't': *cp = 0x09; return 1;
	case 'n': *cp = 0x0A; return 1;
	case 'v': *cp = 0x0B; return 1;
	case 'f': *cp = 0x0C; return 1;
	case 'r': *cp = 0x0D; return 1;
	case 'e': *cp = 0x1B; return 1;
	case 'u':
		if (b->end - q < 5)
			return 0;
		*cp = 0;
		for (i = 1; i <= 4; i++) {
			int d = hex_digit(q[i]);

			if (d < 0)
				return 0;
			*cp = *cp << 4 | (uint32_t)d;
		}
		/* NUL and surrogates are errors, left to report. */
		if (*cp == 0 || (*cp >= 0xD800 && *cp <= 0xDFFF))
			return 0;
		return 5;
	default:
		return 0;
	}
}

static size_t put_utf8(char *d, uint32_t cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | cp >> 6);
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	d[0] = (char)(0xE0 | cp >> 12);
	d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	d[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* A single- or double-quoted scalar at p that ends on its line. The text
 * is never longer than the quoted input, which sizes the node. */
static int quoted(bscan *b, ngojst_node **out)
{
	const unsigned char *s = b->p + 1, *q = s, *end = b->end;
	bool dbl = *b->p == '"';
	char *d;
	size_t len = 0;
	bmark at;

	/* Most quoted text has no escape: its end is the next quote. */
	q = memchr(s, dbl ? '"' : '\'', (size_t)(end - s));
	if (q && !memchr(s, '\n', (size_t)(q - s)) && (dbl ? !memchr(s, '\\', (size_t)(q - s))
							   : !(q + 1 < end && q[1] == '\''))) {
		at = mark_at(b, b->p);
		if (new_scalar(b, out, NGOJST_SCALAR_QUOTED, &at, (size_t)(q - s)))
			return NO;
		memcpy((char *)(*out + 1), s, (size_t)(q - s));
		b->p = q + 1;
		return NGOJST_OK;
	}
	for (q = s;; q++) {
		if (q >= end || *q == '\n')
			return NO;
		if (dbl ? *q == '"' : (*q == '\'' && !(q + 1 < end && q[1] == '\'')))
			break;
		if (!dbl && *q == '\'')
			q++;
		else if (dbl && *q == '\\') {
			uint32_t cp;
			size_t k = escape(b, q + 1, &cp);

			if (!k)
				return NO;
			q += k;
		}
	}
	at = mark_at(b, b->p);
	if (new_scalar(b, out, NGOJST_SCALAR_QUOTED, &at, (size_t)(q - s)))
		return NO;
	d = (char *)(*out + 1);
	while (s < q) {
		if (!dbl && *s == '\'') {
			d[len++] = '\'';
			s += 2;
		} else if (dbl && *s == '\\') {
			uint32_t cp = 0;
			size_t k = escape(b, s + 1, &cp);

			len += put_utf8(d + len, cp);
			s += 1 + k;
		} else {
			d[len++] = (char)*s++;
		}
	}
	if (len > b->r->ctx->limits.max_scalar_bytes)
		return NO;
	d[len] = '\0';
	(*out)->u.scalar.len = len;
	b->p = q + 1;
	return NGOJST_OK;
}

/* A one-line scalar, plain or quoted. */
static int scalar(bscan *b, bool flow, ngojst_node **out)
{
	if (*b->p == '"' || *b->p == '\'')
		return quoted(b, out);
	return plain(b, flow, out);
}

/* After a scalar: ": " (or ":" ending the line) on the same line. Leaves p
 * after the colon when there is one. */
static bool colon_follows(bscan *b)
{
	const unsigned char *q = b->p;

	while (q < b->end && *q == ' ')
		q++;
	if (q < b->end && *q == ':' && blank_or_end(b, q + 1)) {
		b->p = q + 1;
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------------ */
/* Block scalars                                                            */

/* The text of a block scalar from the lines at `first` with indentation m,
 * as libyaml builds it; written to d, or only measured when d is NULL.
 * Returns the length; *stop gets the start of the line that ends it. */
static size_t block_text(const bscan *b, const unsigned char *first, int m, bool literal,
			 int chomp, char *d, const unsigned char **stop)
{
	const unsigned char *q = first, *end = b->end;
	size_t len = 0, empty = 0;
	bool any = false, has_break = false;

	while (q < end) {
		const unsigned char *s = q, *nl;
		int k;

		while (s < end && *s == ' ' && s - q < m)
			s++;
		k = (int)(s - q);
		if (s >= end || *s == '\n') {
			/* A blank line (checked to have at most m spaces). */
			empty++;
			q = s < end ? s + 1 : end;
			continue;
		}
		if (k < m)
			break;
		nl = memchr(s, '\n', (size_t)(end - s));
		if (any) {
			size_t i;

			if (literal || empty) {
				if (literal) {
					if (d)
						d[len] = '\n';
					len++;
				}
				for (i = 0; i < empty; i++) {
					if (d)
						d[len] = '\n';
					len++;
				}
			} else {
				if (d)
					d[len] = ' ';
				len++;
			}
		}
		empty = 0;
		any = true;
		if (d)
			memcpy(d + len, s, (size_t)((nl ? nl : end) - s));
		len += (size_t)((nl ? nl : end) - s);
		has_break = nl != NULL;
		q = nl ? nl + 1 : end;
	}
	if (chomp >= 0 && has_break) {
		if (d)
			d[len] = '\n';
		len++;
	}
	if (chomp > 0) {
		size_t i;

		for (i = 0; i < empty; i++) {
			if (d)
				d[len] = '\n';
			len++;
		}
	}
	*stop = q;
	return len;
}

/* A literal (|) or folded (>) block scalar whose indicator is at p; n is
 * the indentation of the enclosing block collection. */
static int block_scalar(bscan *b, int n, ngojst_node **out)
{
	const unsigned char *ind = b->p, *q = ind + 1, *end = b->end, *first, *s, *stop;
	bool literal = *ind == '|';
	int chomp = 0, m;
	size_t len;
	bmark at;

	if (q < end && (*q == '-' || *q == '+'))
		chomp = *q++ == '-' ? -1 : 1;
	while (q < end && *q == ' ')
		q++;
	if (q < end && *q == '#') {
		if (q[-1] != ' ')
			return NO;
		q = memchr(q, '\n', (size_t)(end - q));
		if (!q)
			return NO;
	}
	if (q >= end || *q != '\n')
		return NO;
	at = mark_at(b, ind);
	/* The first line sets the indentation: it must hold text, indented
	 * past the collection. */
	first = q + 1;
	for (s = first; s < end && *s == ' '; s++)
		;
	m = (int)(s - first);
	if (s >= end || *s == '\n' || m <= n)
		return NO;
	/* Blank lines may not have more spaces than that, nor may a folded
	 * line start with one (both change how lines join). */
	for (q = first; q < end;) {
		const unsigned char *nl;
		int k;

		for (s = q; s < end && *s == ' '; s++)
			;
		k = (int)(s - q);
		if (s >= end)
			return NO; /* spaces without a line break at the end */
		if (*s == '\n') {
			if (k > m)
				return NO;
			q = s + 1;
			continue;
		}
		if (k < m)
			break;
		if (!literal && k > m)
			return NO;
		nl = memchr(s, '\n', (size_t)(end - s));
		q = nl ? nl + 1 : end;
	}
	len = block_text(b, first, m, literal, chomp, NULL, &stop);
	if (new_scalar(b, out, NGOJST_SCALAR_BLOCK, &at, len))
		return NO;
	block_text(b, first, m, literal, chomp, (char *)(*out + 1), &stop);
	for (q = ind; q < stop; q++)
		if (*q == '\n')
			b->line++;
	b->ls = stop;
	next_content(b, stop);
	return NGOJST_OK;
}

/* ------------------------------------------------------------------------ */
/* Flow collections                                                         */

/* Spaces, line breaks and comments between the tokens of a flow
 * collection; a continued line must be indented past the block
 * collection (n) it is in. */
static int flow_space(bscan *b, int n)
{
	const unsigned char *q = b->p, *end = b->end, *s;

	for (;;) {
		while (q < end && *q == ' ')
			q++;
		if (q < end && *q == '#') {
			if (q != b->ls && q[-1] != ' ')
				return NO;
			q = memchr(q, '\n', (size_t)(end - q));
			if (!q)
				return NO;
		}
		if (q >= end)
			return NO;
		if (*q != '\n')
			break;
		new_line(b, ++q);
		for (s = q; s < end && *s == ' '; s++)
			;
		if (s - q <= n)
			return NO;
		q = s;
	}
	b->p = q;
	return NGOJST_OK;
}

static int flow_collection(bscan *b, int n, ngojst_node **out);

static int flow_value(bscan *b, int n, ngojst_node **out)
{
	if (*b->p == '[' || *b->p == '{')
		return flow_collection(b, n, out);
	return scalar(b, true, out);
}

/* A flow sequence or mapping at p, possibly over several lines. */
static int flow_collection(bscan *b, int n, ngojst_node **out)
{
	ngojst_reader *r = b->r;
	bool map = *b->p == '{';
	unsigned char close = map ? '}' : ']';
	size_t start = r->nitems;
	ngojst_node *c, *k, *v;
	bmark at = mark_at(b, b->p);

	if (open_collection(b, &c, map ? NGOJST_NODE_MAPPING : NGOJST_NODE_SEQUENCE, &at))
		return NO;
	b->p++;
	if (flow_space(b, n))
		return NO;
	if (*b->p == close) {
		b->p++;
		return close_collection(b, c, start) ? NO : (*out = c, NGOJST_OK);
	}
	for (;;) {
		if (map) {
			if (*b->p == '[' || *b->p == '{' || scalar(b, true, &k) || !colon_follows(b) ||
			    push_key(b, k, start) || b->p >= b->end || *b->p != ' ' || flow_space(b, n))
				return NO;
			if (*b->p == ',' || *b->p == close)
				return NO; /* an empty value */
		}
		if (flow_value(b, n, &v) || push(r, v) || flow_space(b, n))
			return NO;
		if (!map && *b->p == ':')
			return NO; /* a single-pair mapping */
		if (*b->p == ',') {
			b->p++;
			if (flow_space(b, n) || *b->p == close)
				return NO;
			continue;
		}
		if (*b->p != close)
			return NO;
		b->p++;
		break;
	}
	if (close_collection(b, c, start))
		return NO;
	*out = c;
	return NGOJST_OK;
}

/* ------------------------------------------------------------------------ */
/* Block collections                                                        */

static int block_node(bscan *b, int parent, ngojst_node **out);
static int block_mapping(bscan *b, int n, ngojst_node *key, ngojst_node **out);
static int block_sequence(bscan *b, int n, bool indentless, ngojst_node **out);

/* A value that starts on the line of its key or "-", and is not a block
 * collection; n is the enclosing collection's indentation. */
static int inline_value(bscan *b, int n, ngojst_node **out)
{
	switch (*b->p) {
	case '|':
	case '>':
		return block_scalar(b, n, out);
	case '[':
	case '{':
		if (flow_collection(b, n, out))
			return NO;
		return end_line(b);
	default:
		if (scalar(b, false, out) || colon_follows(b))
			return NO;
		return end_line(b);
	}
}

/* The value after "key:" or "-" when the rest of that line is empty: on
 * the following lines if indented past n, an indentless sequence for a
 * key, else missing (an empty scalar where libyaml puts it). */
static int value_below(bscan *b, int n, bool after_key, const bmark *missing, ngojst_node **out)
{
	if (end_line(b))
		return NO;
	if (b->indent > n)
		return block_node(b, n, out);
	if (after_key && b->indent == n && at_dash(b))
		return block_sequence(b, n, true, out);
	return empty_scalar(b, out, missing);
}

/* After ":" or "-" (at p): where a missing value would be (*after), and
 * whether the rest of the line is empty (spaces, a comment). Leaves p at
 * the first byte that is not a space. */
static bool nothing_follows(bscan *b, bmark *after)
{
	*after = mark_at(b, b->p);
	while (b->p < b->end && *b->p == ' ')
		b->p++;
	return b->p >= b->end || *b->p == '\n' || *b->p == '#';
}

/* A block mapping at indentation n whose first key has been read, with p
 * after it. */
static int block_mapping(bscan *b, int n, ngojst_node *key, ngojst_node **out)
{
	ngojst_reader *r = b->r;
	size_t start = r->nitems;
	ngojst_node *m, *v;
	bmark at = { key->line, key->column, key->offset };

	if (open_collection(b, &m, NGOJST_NODE_MAPPING, &at))
		return NO;
	for (;;) {
		bmark after;

		if (!colon_follows(b) || push_key(b, key, start))
			return NO;
		if (nothing_follows(b, &after)) {
			if (value_below(b, n, true, &after, &v))
				return NO;
		} else if (inline_value(b, n, &v)) {
			return NO;
		}
		if (push(r, v))
			return NO;
		if (b->indent < n)
			break;
		if (b->indent > n || at_dash(b) || scalar(b, false, &key))
			return NO;
	}
	if (close_collection(b, m, start))
		return NO;
	*out = m;
	return NGOJST_OK;
}

/* A block sequence whose first "-" is at p, at indentation n. An
 * indentless one (the value of a key, at the key's indentation) ends at a
 * line of that indentation without "-". */
static int block_sequence(bscan *b, int n, bool indentless, ngojst_node **out)
{
	ngojst_reader *r = b->r;
	size_t start = r->nitems;
	ngojst_node *s, *item;
	bmark at = mark_at(b, b->p);

	if (open_collection(b, &s, NGOJST_NODE_SEQUENCE, &at))
		return NO;
	for (;;) {
		bmark after;

		b->p++;
		if (nothing_follows(b, &after)) {
			if (value_below(b, n, false, &after, &item))
				return NO;
		} else {
			/* A compact collection starts at this column (the line
			 * holds only spaces and dashes before it). */
			int c = (int)(b->p - b->ls);

			if (at_dash(b)) {
				if (block_sequence(b, c, false, &item))
					return NO;
			} else if (*b->p == '|' || *b->p == '>' || *b->p == '[' || *b->p == '{') {
				if (inline_value(b, n, &item))
					return NO;
			} else {
				const unsigned char *key_end;

				if (scalar(b, false, &item))
					return NO;
				key_end = b->p;
				if (colon_follows(b)) {
					b->p = key_end;
					if (block_mapping(b, c, item, &item))
						return NO;
				} else if (end_line(b)) {
					return NO;
				}
			}
		}
		if (push(r, item))
			return NO;
		if (b->indent < n)
			break;
		if (b->indent > n)
			return NO;
		if (!at_dash(b)) {
			if (indentless)
				break;
			return NO;
		}
	}
	if (close_collection(b, s, start))
		return NO;
	*out = s;
	return NGOJST_OK;
}

/* A block node at p, the first content of its line, indented past parent. */
static int block_node(bscan *b, int parent, ngojst_node **out)
{
	int n = b->indent;
	const unsigned char *key_end;

	if (at_dash(b))
		return block_sequence(b, n, false, out);
	switch (*b->p) {
	case '|':
	case '>':
	case '[':
	case '{':
		return inline_value(b, parent, out);
	default:
		break;
	}
	if (scalar(b, false, out))
		return NO;
	key_end = b->p;
	if (colon_follows(b)) {
		b->p = key_end;
		return block_mapping(b, n, *out, out);
	}
	return end_line(b);
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

static bool marker(const unsigned char *q, const unsigned char *end, char c)
{
	return end - q >= 3 && q[0] == c && q[1] == c && q[2] == c &&
	       (end - q == 3 || q[3] == ' ' || q[3] == '\n');
}

/* Check bytes: line feeds, printable ASCII and ordinary UTF-8 characters;
 * no tab, carriage return, control character, BOM or line separator. */
static bool bytes_ok(const unsigned char *s, const unsigned char *e)
{
	while (s < e) {
		unsigned c;
		size_t k;

		if (e - s >= 8) {
			uint64_t w, bad;

			memcpy(&w, s, 8);
			bad = ngojst_not_plain_ascii(w);
			if (!bad) {
				s += 8;
				continue;
			}
#if NGOJST_WORD_LE
			s += ngojst_first_flagged(bad);
#endif
		}
		c = *s;
		if ((c >= 0x20 && c < 0x7F) || c == '\n') {
			s++;
			continue;
		}
		/* Two-byte letters (U+00C0-07FF: Polish ones among them) are
		 * all ordinary characters. */
		if (c >= 0xC3 && c <= 0xDF && e - s >= 2 && (s[1] & 0xC0) == 0x80) {
			s += 2;
			continue;
		}
		if (c < 0x80 || !(k = ngojst_plain_char_len(s, e)))
			return false;
		s += k;
	}
	return true;
}

/* From q (a line start, or just past "---"), find the next "---" line or
 * the end, which *doc_end gets, and check the bytes up to there. A "..."
 * line is not covered, nor is anything longer than max. */
static bool scan_lines(const unsigned char *q, const unsigned char *end, size_t max,
		       const unsigned char **doc_end)
{
	const unsigned char *from = q;

	for (;;) {
		const unsigned char *nl;

		if (q < end && (*q == '-' || *q == '.') && end - q >= 3) {
			if (marker(q, end, '-'))
				break;
			if (marker(q, end, '.'))
				return false;
		}
		nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl) {
			q = end;
			break;
		}
		q = nl + 1;
		if ((size_t)(q - from) > max)
			return false;
	}
	if ((size_t)(q - from) > max || !bytes_ok(from, q))
		return false;
	*doc_end = q;
	return true;
}

static size_t max_document(const ngojst_reader *r)
{
	size_t max = r->ctx->limits.max_document_bytes;

	return max < BLOCK_MAX_DOCUMENT ? max : BLOCK_MAX_DOCUMENT;
}

/* Does [q, e) hold a line with more than spaces or a comment? */
static bool has_content(const unsigned char *q, const unsigned char *e)
{
	while (q < e) {
		const unsigned char *nl;

		while (q < e && *q == ' ')
			q++;
		if (q < e && *q != '\n' && *q != '#')
			return true;
		nl = memchr(q, '\n', (size_t)(e - q));
		q = nl ? nl + 1 : e;
	}
	return false;
}

/* The bytes to read the document at r->next_at from: a buffer's input, or
 * the part of a file's window that holds the document (with what comes
 * before the first document's "---" line, and the next "---"). */
static bool document_bytes(ngojst_reader *r, bscan *b)
{
	ngojst_source *s = &r->src;
	size_t e, max = max_document(r);

	if (s->file) {
		if (!ngojst_source_window_document(s, r->next_at, r->next_at, max, &e))
			return false;
		if (!r->doc_index && e < s->base + s->len &&
		    !has_content(s->data + (r->next_at - s->base), s->data + (e - s->base)) &&
		    !ngojst_source_window_document(s, r->next_at, e, max, &e))
			return false;
		e = s->base + s->len - e >= 4 ? e + 4 : s->base + s->len;
	} else {
		e = s->len;
	}
	b->data = s->data;
	b->data_off = s->base;
	b->end = s->data + (e - s->base);
	return true;
}

int ngojst_block_document(ngojst_reader *r)
{
	const unsigned char *end, *q, *doc_end;
	bscan b;
	ngojst_node *root;
	unsigned max_depth = r->ctx->limits.max_depth;

	memset(&b, 0, sizeof(b));
	b.r = r;
	if (!document_bytes(r, &b))
		return NO;
	end = b.end;
	b.line = r->next_line;
	b.max_depth = max_depth < BLOCK_MAX_DEPTH ? max_depth : BLOCK_MAX_DEPTH;
	q = b.data + (r->next_at - b.data_off);
	b.ls = q;
	/* Blank and comment lines before the first document. */
	if (!r->doc_index) {
		if (!scan_lines(q, end, max_document(r), &doc_end))
			return NO;
		next_content(&b, q);
		if (b.indent < 0)
			return doc_end == end ? NGOJST_DIRECT_END : NO;
		if (b.indent > 0 || b.p[0] != '-' || !marker(b.p, end, '-'))
			q = NULL; /* an implicit document: content from here */
		else
			q = b.p;
	} else if (q >= end) {
		return NGOJST_DIRECT_END;
	}
	if (q) {
		/* The "---" line: nothing on it but a comment. */
		r->doc_at.line = (uint32_t)b.line + 1;
		r->doc_at.column = 1;
		r->doc_at.offset = (size_t)(q - b.data) + b.data_off;
		b.ls = q;
		b.p = q + 3;
		if (!scan_lines(q + 3 < end && q[3] == '\n' ? q + 4 : q + 3, end,
				max_document(r), &doc_end))
			return NO;
		/* (scan_lines started mid-line past "---": its first line was
		 * checked from there, which is what is left of it.) */
		b.end = doc_end;
		if (b.p < doc_end && *b.p == ' ') {
			if (end_line(&b))
				return NO;
		} else if (b.p < doc_end && *b.p == '\n') {
			new_line(&b, b.p + 1);
			next_content(&b, b.p + 1);
		} else {
			b.p = doc_end;
			b.indent = -1;
		}
	} else {
		b.end = doc_end;
		r->doc_at = (pos){ (uint32_t)b.line + 1, (uint32_t)b.indent + 1,
				   (size_t)(b.p - b.data) + b.data_off };
	}
	if ((size_t)(doc_end - b.data) + b.data_off - r->doc_at.offset > max_document(r))
		return NO;
	r->doc_start = r->doc_at.offset;
	/* The root: a collection that ends with the document (a flow one:
	 * JSON, pretty-printed or not). */
	if (b.indent < 0 || (!at_dash(&b) && (*b.p == '|' || *b.p == '>')))
		return NO;
	if (*b.p == '[' || *b.p == '{') {
		if (flow_collection(&b, -1, &root) || end_line(&b))
			return NO;
	} else if (block_node(&b, -1, &root)) {
		return NO;
	}
	if (b.indent >= 0 || root->type == NGOJST_NODE_SCALAR)
		return NO;
	if (ngojst_reader_finish(r, root))
		return NO;
	/* Count the lines to the next document. */
	for (q = b.ls; q < doc_end; q++)
		if (*q == '\n')
			b.line++;
	r->next_at = (size_t)(doc_end - b.data) + b.data_off;
	r->next_line = b.line;
	return NGOJST_OK;
}
