/* The document reader: documents to arena trees.
 *
 * Each document is first offered to the direct readers (block.c for block
 * style, json-line.c for a buffer holding one JSON object on one line); at
 * the first one they do not cover, libyaml reads the rest of the input,
 * from that document's first byte. This is the only code that talks to
 * libyaml. Nodes are built straight from parser events with an explicit
 * stack (no recursion, depth capped by max_depth); the children of every
 * open collection sit on one shared item stack and are copied into an
 * exact-size arena array when it closes. All the nodes and strings of a
 * document live in one arena that is reset for the next document, so a
 * long stream runs in bounded memory. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <yaml.h>

#include "../core/buf.h"
#include "reader-private.h"

#define READER_ARENA_CHUNK ((size_t)16 << 10)
/* Mappings with up to this many keys are checked for duplicates by a linear
 * scan (no hashing for the usual small mapping); bigger ones use the key
 * table. A scan compares lengths and first bytes, so it stays cheaper than
 * hashing, and clearing the table, well past a programme's 17 top-level
 * keys. */
#define LINEAR_KEYS 32
/* A hash table larger than this is freed, not cleared, between documents, so
 * one big document does not make every later one pay for a big memset. */
#define HTAB_KEEP 1024
/* How much of a key or anchor name goes into a message. */
#define QUOTE_MAX 64

/* ------------------------------------------------------------------------ */
/* Hash tables                                                              */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3)                                                        \
	do {                                                                            \
		v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);               \
		v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                  \
		v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                  \
		v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);               \
	} while (0)

/* SipHash-1-3 keyed per reader: keys and anchor names come from the
 * document, and a fixed hash would let a document be written whose keys all
 * collide, turning the table quadratic. `owner` separates the mappings. */
static uint64_t hash_bytes(const ngojst_reader *r, const char *s, size_t n, uint64_t owner)
{
	uint64_t k0 = r->hash_key[0], k1 = r->hash_key[1] ^ owner;
	uint64_t v0 = k0 ^ UINT64_C(0x736f6d6570736575), v1 = k1 ^ UINT64_C(0x646f72616e646f6d);
	uint64_t v2 = k0 ^ UINT64_C(0x6c7967656e657261), v3 = k1 ^ UINT64_C(0x7465646279746573);
	uint64_t m, b = (uint64_t)n << 56;
	size_t i, tail = n & 7;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&m, s + i, 8); /* host order: the value never leaves the process */
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	for (m = 0; tail; tail--)
		m |= (uint64_t)(unsigned char)s[i + tail - 1] << (8 * (tail - 1));
	b |= m;
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

/* The hash key: not from a strong random source (none is portable), but
 * from addresses (randomised by ASLR) and the clock, which the author of a
 * document cannot know. */
static void seed_hash(ngojst_reader *r)
{
	int local;

	r->hash_key[0] = mix64((uint64_t)(uintptr_t)r ^ ((uint64_t)time(NULL) << 32));
	r->hash_key[1] = mix64((uint64_t)(uintptr_t)&local ^ (uint64_t)clock() ^ r->hash_key[0]);
}

static void htab_free(ngojst_context *ctx, htab *t)
{
	ngojst_free(ctx, t->slots);
	memset(t, 0, sizeof(*t));
}

static void htab_clear(ngojst_context *ctx, htab *t)
{
	if (t->cap > HTAB_KEEP)
		htab_free(ctx, t);
	else if (t->used)
		memset(t->slots, 0, t->cap * sizeof(*t->slots));
	t->used = 0;
}

static hslot *htab_find(const htab *t, uint64_t hash, uint64_t owner, const char *s, size_t n)
{
	size_t mask = t->cap - 1, i = (size_t)hash & mask;

	for (;;) {
		hslot *e = &t->slots[i];

		if (!e->str ||
		    (e->hash == hash && e->owner == owner && e->len == n && memcmp(e->str, s, n) == 0))
			return e;
		i = (i + 1) & mask;
	}
}

/* Make room for one more entry (load at most 1/2). */
static int htab_reserve(ngojst_context *ctx, htab *t)
{
	hslot *old = t->slots, *slots;
	size_t oldcap = t->cap, cap, i;

	if (t->cap && (t->used + 1) * 2 <= t->cap)
		return NGOJST_OK;
	cap = t->cap ? t->cap * 2 : 64;
	if (cap > SIZE_MAX / sizeof(*slots) || !(slots = ngojst_calloc(ctx, cap, sizeof(*slots))))
		return NGOJST_ENOMEM;
	t->slots = slots;
	t->cap = cap;
	for (i = 0; i < oldcap; i++)
		if (old[i].str)
			*htab_find(t, old[i].hash, old[i].owner, old[i].str, old[i].len) = old[i];
	ngojst_free(ctx, old);
	return NGOJST_OK;
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static pos pos_from_mark(ngojst_reader *r, const yaml_mark_t *m)
{
	pos p;

	size_t line = r->src.line_base + m->line;

	p.line = line >= UINT32_MAX ? UINT32_MAX : (uint32_t)(line + 1);
	p.column = m->column >= UINT32_MAX ? UINT32_MAX : (uint32_t)(m->column + 1);
	p.offset = ngojst_source_offset(&r->src, m->index, m->line, m->column);
	return p;
}

/* Append a JSON pointer token (RFC 6901: ~ as ~0, / as ~1). */
static void path_token(ngojst_buf *b, const char *s, size_t n)
{
	size_t i, from = 0;

	ngojst_buf_putc(b, '/');
	for (i = 0; i < n; i++) {
		if (s[i] != '~' && s[i] != '/')
			continue;
		ngojst_buf_add(b, s + from, i - from);
		ngojst_buf_puts(b, s[i] == '~' ? "~0" : "~1");
		from = i + 1;
	}
	ngojst_buf_add(b, s + from, n - from);
}

/* JSON pointer of the place the next event goes to: for each open
 * collection, the key or index of its child being built. At a key position
 * the pointer ends at the mapping, unless `key` names the key. */
static void build_path(ngojst_reader *r, ngojst_buf *b, const ngojst_node *key)
{
	size_t i;

	for (i = 0; i < r->nframes; i++) {
		const frame *f = &r->frames[i];
		size_t end = i + 1 < r->nframes ? r->frames[i + 1].start : r->nitems;
		size_t count = end - f->start;

		if (f->node->type == NGOJST_NODE_SEQUENCE) {
			ngojst_buf_printf(b, "/%zu", count);
		} else if (count & 1) {
			const ngojst_node *k = r->items[end - 1];

			path_token(b, k->u.scalar.str, k->u.scalar.len);
		} else if (key && i + 1 == r->nframes) {
			path_token(b, key->u.scalar.str, key->u.scalar.len);
		}
	}
}

/* Quote text for a message: at most QUOTE_MAX bytes, cut at a character
 * boundary, JSON-escaped so control characters stay visible. */
static void quote(ngojst_buf *b, const char *s, size_t n)
{
	size_t cut = n;

	if (cut > QUOTE_MAX) {
		cut = QUOTE_MAX;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	ngojst_buf_putc(b, '"');
	ngojst_buf_json_escape(b, s, cut);
	ngojst_buf_puts(b, cut < n ? "...\"" : "\"");
}

static void release_parser(ngojst_reader *r)
{
	if (r->parser_live) {
		yaml_parser_delete(&r->parser);
		r->parser_live = false;
	}
}

/* Record the error the reader stops at: a diagnostic on the context, and a
 * copy to repeat on later calls. `key` extends the path (duplicate keys). */
static int failv(ngojst_reader *r, int code, const pos *at, const ngojst_node *key,
		 const char *fmt, va_list ap) NGOJST_PRINTF(5, 0);

static int failv(ngojst_reader *r, int code, const pos *at, const ngojst_node *key,
		 const char *fmt, va_list ap)
{
	ngojst_buf msg, path;
	pos none = { 0, 0, 0 };

	if (r->state == READER_FAILED)
		return r->err;
	if (!at)
		at = &none;
	ngojst_buf_init(&msg, r->ctx);
	ngojst_buf_init(&path, r->ctx);
	ngojst_buf_vprintf(&msg, fmt, ap);
	build_path(r, &path, key);
	ngojst_buf_detach(&msg, &r->err_msg);
	ngojst_buf_detach(&path, &r->err_path);
	ngojst_diag_add(r->ctx, code, r->name, at->line, at->column, at->offset, r->err_path, "%s",
			r->err_msg ? r->err_msg : ngojst_strerror(code));
	r->state = READER_FAILED;
	r->err = code;
	r->err_at = *at;
	r->tree = NULL;
	release_parser(r);
	return code;
}

static int fail(ngojst_reader *r, int code, const pos *at, const char *fmt, ...)
	NGOJST_PRINTF(4, 5);

static int fail(ngojst_reader *r, int code, const pos *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	failv(r, code, at, NULL, fmt, ap);
	va_end(ap);
	return code;
}

static int fail_key(ngojst_reader *r, int code, const pos *at, const ngojst_node *key,
		    const char *fmt, ...) NGOJST_PRINTF(5, 6);

static int fail_key(ngojst_reader *r, int code, const pos *at, const ngojst_node *key,
		    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	failv(r, code, at, key, fmt, ap);
	va_end(ap);
	return code;
}

static int fail_oom(ngojst_reader *r, const pos *at)
{
	return fail(r, NGOJST_ENOMEM, at, "out of memory while reading the document");
}

/* A document too big is reported at its start: the document is the thing
 * the limit is about. */
static int document_too_big(ngojst_reader *r)
{
	return fail(r, NGOJST_ELIMIT, &r->doc_at,
		    "document is larger than max_document_bytes (%zu bytes)",
		    r->ctx->limits.max_document_bytes);
}

/* A problem the source found in the bytes (bad UTF-8, a limit, I/O). */
static int fail_source(ngojst_reader *r)
{
	pos at;
	unsigned line, column;

	if (r->src.err_document && r->in_document)
		return document_too_big(r);
	ngojst_source_position(&r->src, r->src.err_offset, &line, &column);
	at.line = line;
	at.column = column;
	at.offset = r->src.err_offset;
	return fail(r, r->src.err, &at, "%s", r->src.err_msg);
}

static int fail_parser(ngojst_reader *r)
{
	const yaml_parser_t *p = &r->parser;
	pos at;
	unsigned line, column;

	/* The source checks bytes ahead of libyaml, so it may hold a problem
	 * that lies after a syntax error libyaml found first: report the one
	 * that comes first in the input. (libyaml cannot read past a bad
	 * byte: an error of its own there is a consequence.) */
	if (r->src.err) {
		if (p->error != YAML_SCANNER_ERROR && p->error != YAML_PARSER_ERROR)
			return fail_source(r);
		at = pos_from_mark(r, &p->problem_mark);
		if (at.offset >= r->src.err_offset)
			return fail_source(r);
	}
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return fail_oom(r, NULL);
	case YAML_READER_ERROR:
		/* The source admits only what libyaml's reader accepts, so this
		 * is a backstop; libyaml gives only a byte offset here. */
		ngojst_source_position(&r->src, p->problem_offset, &line, &column);
		at.line = line;
		at.column = column;
		at.offset = p->problem_offset;
		return fail(r, NGOJST_EPARSE, &at, "%s", p->problem ? p->problem : "unreadable input");
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		at = pos_from_mark(r, &p->problem_mark);
		if (p->context)
			return fail(r, NGOJST_EPARSE, &at,
				    "syntax error: %s (%s that started at line %zu, column %zu)",
				    p->problem ? p->problem : "malformed input", p->context,
				    r->src.line_base + p->context_mark.line + 1, p->context_mark.column + 1);
		return fail(r, NGOJST_EPARSE, &at, "syntax error: %s",
			    p->problem ? p->problem : "malformed input");
	default:
		return fail(r, NGOJST_ERROR, NULL, "the YAML parser failed (error %d)", (int)p->error);
	}
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

/* Position of an event; also the place to notice early a document that has
 * grown past max_document_bytes (the exact check is at its end). */
static inline int event_pos(ngojst_reader *r, const yaml_event_t *ev, pos *at)
{
	*at = pos_from_mark(r, &ev->start_mark);
	if (at->offset > r->doc_start &&
	    at->offset - r->doc_start > r->ctx->limits.max_document_bytes)
		return document_too_big(r);
	return NGOJST_OK;
}

/* A node with `extra` bytes after it (a scalar's text: one allocation). */
static inline int new_node(ngojst_reader *r, ngojst_node **out, ngojst_node_type type, const pos *at,
		    const yaml_char_t *tag, size_t extra)
{
	ngojst_node *n;

	if (r->node_count >= r->ctx->limits.max_nodes)
		return fail(r, NGOJST_ELIMIT, at, "document has more than max_nodes (%zu) nodes",
			    r->ctx->limits.max_nodes);
	if (extra > SIZE_MAX - sizeof(*n) || !(n = ngojst_arena_alloc(r->arena, sizeof(*n) + extra)))
		return fail_oom(r, at);
	n->type = type;
	n->style = NGOJST_SCALAR_PLAIN;
	n->line = at->line;
	n->column = at->column;
	n->offset = at->offset;
	n->tag = NULL;
	if (tag && !(n->tag = ngojst_arena_strdup(r->arena, (const char *)tag)))
		return fail_oom(r, at);
	r->node_count++;
	*out = n;
	return NGOJST_OK;
}

/* Register an anchor (the latest definition of a name wins, as YAML says);
 * *slot gets 1 + its index. */
static int define_anchor(ngojst_reader *r, const yaml_char_t *name, ngojst_node *n, size_t size,
			 bool open, const pos *at, size_t *slot)
{
	size_t len = strlen((const char *)name);
	uint64_t h = hash_bytes(r, (const char *)name, len, 0);
	anchor *a;
	hslot *e;

	if (ngojst_grow(r->ctx, (void **)&r->anchors, &r->anchors_cap, r->nanchors + 1,
			sizeof(*r->anchors)) != NGOJST_OK ||
	    htab_reserve(r->ctx, &r->anchor_tab) != NGOJST_OK)
		return fail_oom(r, at);
	a = &r->anchors[r->nanchors];
	a->len = len;
	a->node = n;
	a->size = size;
	a->open = open;
	if (!(a->name = ngojst_arena_strndup(r->arena, (const char *)name, len)))
		return fail_oom(r, at);
	e = htab_find(&r->anchor_tab, h, 0, a->name, len);
	if (!e->str) {
		e->str = a->name;
		e->len = len;
		e->owner = 0;
		e->hash = h;
		r->anchor_tab.used++;
	}
	e->value = r->nanchors;
	*slot = ++r->nanchors;
	return NGOJST_OK;
}

static int duplicate_key(ngojst_reader *r, const ngojst_node *first, const ngojst_node *key,
			 const pos *at)
{
	ngojst_buf q;
	int rc;

	ngojst_buf_init(&q, r->ctx);
	quote(&q, key->u.scalar.str, key->u.scalar.len);
	rc = fail_key(r, NGOJST_EPARSE, at, key, "duplicate key %s (first defined at line %u, column %u)",
		      ngojst_buf_cstr(&q) ? ngojst_buf_cstr(&q) : "", (unsigned)first->line,
		      (unsigned)first->column);
	ngojst_buf_dispose(&q);
	return rc;
}

/* Reject a key already present in the mapping of frame f. `at` is where
 * this occurrence is (an alias key sits elsewhere than its node). */
static int check_key(ngojst_reader *r, frame *f, const ngojst_node *key, const pos *at)
{
	const char *s = key->u.scalar.str;
	size_t n = key->u.scalar.len, i;
	uint64_t h;
	hslot *e;

	if (!f->serial) {
		if ((r->nitems - f->start) / 2 < LINEAR_KEYS) {
			/* Two bits of a 128-bit filter per key, from its length and
			 * three of its bytes: a key that misses either bit cannot
			 * be there, so the scan (and its unpredictable branches)
			 * is left for the rare possible repeat. */
			uint64_t x = ((uint64_t)n << 24) ^ ((uint64_t)(unsigned char)s[0] << 16) ^
				     ((uint64_t)(unsigned char)s[n / 2] << 8) ^
				     (uint64_t)(unsigned char)s[n ? n - 1 : 0];
			unsigned b1, b2;

			x *= UINT64_C(0x9E3779B97F4A7C15);
			b1 = (unsigned)(x >> 57);
			b2 = (unsigned)(x >> 50) & 127;
			if ((f->keys[b1 >> 6] >> (b1 & 63) & 1) && (f->keys[b2 >> 6] >> (b2 & 63) & 1)) {
				for (i = f->start; i < r->nitems; i += 2)
					if (ngojst_same_scalar(r->items[i], key))
						return duplicate_key(r, r->items[i], key, at);
			}
			f->keys[b1 >> 6] |= UINT64_C(1) << (b1 & 63);
			f->keys[b2 >> 6] |= UINT64_C(1) << (b2 & 63);
			return NGOJST_OK;
		}
		/* The mapping has grown: move its keys to the table. */
		f->serial = ++r->serial;
		for (i = f->start; i < r->nitems; i += 2) {
			const ngojst_node *k = r->items[i];

			if (htab_reserve(r->ctx, &r->key_tab) != NGOJST_OK)
				return fail_oom(r, at);
			h = hash_bytes(r, k->u.scalar.str, k->u.scalar.len, f->serial);
			e = htab_find(&r->key_tab, h, f->serial, k->u.scalar.str, k->u.scalar.len);
			e->str = k->u.scalar.str;
			e->len = k->u.scalar.len;
			e->owner = f->serial;
			e->hash = h;
			e->value = i;
			r->key_tab.used++;
		}
	}
	if (htab_reserve(r->ctx, &r->key_tab) != NGOJST_OK)
		return fail_oom(r, at);
	h = hash_bytes(r, s, n, f->serial);
	e = htab_find(&r->key_tab, h, f->serial, s, n);
	if (e->str)
		return duplicate_key(r, r->items[e->value], key, at);
	e->str = s;
	e->len = n;
	e->owner = f->serial;
	e->hash = h;
	e->value = r->nitems;
	r->key_tab.used++;
	return NGOJST_OK;
}

static const char *kind_name(ngojst_node_type t)
{
	return t == NGOJST_NODE_MAPPING ? "mapping" : t == NGOJST_NODE_SEQUENCE ? "sequence" : "scalar";
}

static inline bool at_key(const ngojst_reader *r)
{
	const frame *f;

	if (!r->nframes)
		return false;
	f = &r->frames[r->nframes - 1];
	return f->node->type == NGOJST_NODE_MAPPING && !((r->nitems - f->start) & 1);
}

/* Attach a finished node (or an alias target) to the open collection. */
static inline int add_child(ngojst_reader *r, ngojst_node *n, size_t size, const pos *at)
{
	frame *f;
	int rc;

	if (!r->nframes) {
		r->root = n;
		return NGOJST_OK;
	}
	f = &r->frames[r->nframes - 1];
	f->size = f->size > SIZE_MAX - size ? SIZE_MAX : f->size + size;
	if (at_key(r)) {
		if (n->type != NGOJST_NODE_SCALAR)
			return fail(r, NGOJST_EPARSE, at,
				    "complex keys are not supported (an alias to a %s used as a mapping key)",
				    kind_name(n->type));
		if ((rc = check_key(r, f, n, at)) != NGOJST_OK)
			return rc;
	}
	if (r->nitems == r->items_cap &&
	    ngojst_grow(r->ctx, (void **)&r->items, &r->items_cap, r->nitems + 1,
			sizeof(*r->items)) != NGOJST_OK)
		return fail_oom(r, at);
	r->items[r->nitems++] = n;
	return NGOJST_OK;
}

static int on_scalar(ngojst_reader *r, const yaml_event_t *ev)
{
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length, slot;
	ngojst_node *n = NULL;
	char *str;
	pos at;
	int rc;

	if ((rc = event_pos(r, ev, &at)) != NGOJST_OK)
		return rc;
	if (len > r->ctx->limits.max_scalar_bytes)
		return fail(r, NGOJST_ELIMIT, &at,
			    "scalar of %zu bytes is longer than max_scalar_bytes (%zu bytes)", len,
			    r->ctx->limits.max_scalar_bytes);
	/* The input has no NUL bytes, but the escapes of a double-quoted
	 * scalar ("\0", "\x00", "\u0000") make them. */
	if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && memchr(value, '\0', len))
		return fail(r, NGOJST_EPARSE, &at,
			    "a NUL character (escaped as \\0 or \\x00) in a scalar is not supported");
	if ((rc = new_node(r, &n, NGOJST_NODE_SCALAR, &at, ev->data.scalar.tag, len + 1)) != NGOJST_OK)
		return rc;
	switch (ev->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		n->style = NGOJST_SCALAR_QUOTED;
		break;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		n->style = NGOJST_SCALAR_BLOCK;
		break;
	default:
		n->style = NGOJST_SCALAR_PLAIN;
		break;
	}
	str = (char *)(n + 1);
	memcpy(str, value, len);
	str[len] = '\0';
	n->u.scalar.str = str;
	n->u.scalar.len = len;
	if (ev->data.scalar.anchor &&
	    (rc = define_anchor(r, ev->data.scalar.anchor, n, 1, false, &at, &slot)) != NGOJST_OK)
		return rc;
	return add_child(r, n, 1, &at);
}

static int on_start(ngojst_reader *r, const yaml_event_t *ev, ngojst_node_type type)
{
	const yaml_char_t *anchor_name, *tag;
	ngojst_node *n = NULL;
	frame *f;
	pos at;
	int rc;

	if (type == NGOJST_NODE_SEQUENCE) {
		anchor_name = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor_name = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if ((rc = event_pos(r, ev, &at)) != NGOJST_OK)
		return rc;
	if (r->nframes >= r->ctx->limits.max_depth)
		return fail(r, NGOJST_ELIMIT, &at, "nesting is deeper than max_depth (%u levels)",
			    r->ctx->limits.max_depth);
	if (at_key(r))
		return fail(r, NGOJST_EPARSE, &at,
			    "complex keys are not supported (a %s used as a mapping key)",
			    kind_name(type));
	if ((rc = new_node(r, &n, type, &at, tag, 0)) != NGOJST_OK)
		return rc;
	if (type == NGOJST_NODE_SEQUENCE) {
		n->u.seq.items = NULL;
		n->u.seq.count = 0;
	} else {
		n->u.map.pairs = NULL;
		n->u.map.count = 0;
	}
	if (r->nframes == r->frames_cap &&
	    ngojst_grow(r->ctx, (void **)&r->frames, &r->frames_cap, r->nframes + 1,
			sizeof(*r->frames)) != NGOJST_OK)
		return fail_oom(r, &at);
	f = &r->frames[r->nframes];
	f->node = n;
	f->start = r->nitems;
	f->size = 1;
	f->anchor = 0;
	f->serial = 0;
	f->keys[0] = f->keys[1] = 0;
	/* Defined before the children, so an alias inside the node to the
	 * node itself is recognised as a cycle, not as an unknown anchor. */
	if (anchor_name &&
	    (rc = define_anchor(r, anchor_name, n, 1, true, &at, &f->anchor)) != NGOJST_OK)
		return rc;
	r->nframes++;
	return NGOJST_OK;
}

int ngojst_reader_close(ngojst_reader *r, ngojst_node *n, size_t start)
{
	size_t count = r->nitems - start, i;

	/* (r->items may still be NULL: no arithmetic on it before a child.) */
	if (n->type == NGOJST_NODE_SEQUENCE) {
		ngojst_node **dst = NULL;

		if (count && !(dst = ngojst_arena_alloc(r->arena, count * sizeof(*dst))))
			return NGOJST_ENOMEM;
		if (count)
			memcpy(dst, r->items + start, count * sizeof(*dst));
		n->u.seq.items = dst;
		n->u.seq.count = count;
	} else {
		ngojst_pair *dst = NULL;

		if (count && !(dst = ngojst_arena_alloc(r->arena, count / 2 * sizeof(*dst))))
			return NGOJST_ENOMEM;
		for (i = 0; i < count / 2; i++) {
			dst[i].key = r->items[start + 2 * i];
			dst[i].value = r->items[start + 2 * i + 1];
		}
		n->u.map.pairs = dst;
		n->u.map.count = count / 2;
	}
	r->nitems = start;
	return NGOJST_OK;
}

static int on_end(ngojst_reader *r)
{
	frame f = r->frames[--r->nframes];
	ngojst_node *n = f.node;
	pos at = { n->line, n->column, n->offset };

	if (ngojst_reader_close(r, n, f.start))
		return fail_oom(r, &at);
	if (f.anchor) {
		r->anchors[f.anchor - 1].size = f.size;
		r->anchors[f.anchor - 1].open = false;
	}
	return add_child(r, n, f.size, &at);
}

static int on_alias(ngojst_reader *r, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	size_t len = strlen(name);
	const anchor *a = NULL;
	ngojst_buf q;
	pos at;
	int rc;

	if ((rc = event_pos(r, ev, &at)) != NGOJST_OK)
		return rc;
	if (r->anchor_tab.cap) {
		const hslot *e = htab_find(&r->anchor_tab, hash_bytes(r, name, len, 0), 0, name, len);

		if (e->str)
			a = &r->anchors[e->value];
	}
	if (!a || a->open) {
		ngojst_buf_init(&q, r->ctx);
		quote(&q, name, len);
		if (!a)
			fail(r, NGOJST_EPARSE, &at,
			     "undefined alias %s (no anchor of that name before it in this document)",
			     ngojst_buf_cstr(&q) ? ngojst_buf_cstr(&q) : "");
		else
			fail(r, NGOJST_EPARSE, &at,
			     "alias %s is inside the node it refers to (recursive structures are not supported)",
			     ngojst_buf_cstr(&q) ? ngojst_buf_cstr(&q) : "");
		ngojst_buf_dispose(&q);
		return r->err;
	}
	if (a->size > r->ctx->limits.max_alias_expansions - r->expansions)
		return fail(r, NGOJST_ELIMIT, &at,
			    "aliases expand to more than max_alias_expansions (%zu) nodes",
			    r->ctx->limits.max_alias_expansions);
	r->expansions += a->size;
	return add_child(r, a->node, a->size, &at);
}

static int on_document_end(ngojst_reader *r, const yaml_event_t *ev)
{
	size_t end = ngojst_source_offset(&r->src, ev->end_mark.index, ev->end_mark.line,
					  ev->end_mark.column);

	if (end > r->doc_start && end - r->doc_start > r->ctx->limits.max_document_bytes)
		return document_too_big(r);
	ngojst_source_set_doc_floor(&r->src, end);
	r->in_document = false;
	if (ngojst_reader_finish(r, r->root))
		return fail_oom(r, &r->doc_at);
	return NGOJST_OK;
}

int ngojst_reader_finish(ngojst_reader *r, ngojst_node *root)
{
	ngojst_tree *t = ngojst_arena_alloc(r->arena, sizeof(*t));

	if (!t || !(t->source = ngojst_arena_strdup(r->arena, r->name)))
		return NGOJST_ENOMEM;
	t->root = root;
	t->index = r->doc_index;
	t->node_count = r->node_count;
	r->root = root;
	r->tree = t;
	return NGOJST_OK;
}

/* Consume events up to and including the end of the document. */
static int build_document(ngojst_reader *r)
{
	yaml_event_t ev;
	int rc;

	for (;;) {
		if (!yaml_parser_parse(&r->parser, &ev))
			return fail_parser(r);
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			rc = on_scalar(r, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_start(r, &ev, NGOJST_NODE_SEQUENCE);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_start(r, &ev, NGOJST_NODE_MAPPING);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = on_end(r);
			break;
		case YAML_ALIAS_EVENT:
			rc = on_alias(r, &ev);
			break;
		case YAML_DOCUMENT_END_EVENT:
			rc = on_document_end(r, &ev);
			yaml_event_delete(&ev);
			return rc;
		default:
			rc = fail(r, NGOJST_ERROR, NULL, "unexpected YAML event %d", (int)ev.type);
			break;
		}
		yaml_event_delete(&ev);
		if (rc != NGOJST_OK)
			return rc;
	}
}

/* Skip to the next DOCUMENT-START; NGOJST_EOF at the end of the stream. */
static int start_document(ngojst_reader *r)
{
	yaml_event_t ev;

	for (;;) {
		if (!yaml_parser_parse(&r->parser, &ev))
			return fail_parser(r);
		if (ev.type == YAML_STREAM_START_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			r->state = READER_DONE;
			release_parser(r);
			return NGOJST_EOF;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT) {
			r->doc_at = pos_from_mark(r, &ev.start_mark);
			r->doc_start = r->doc_at.offset;
			ngojst_source_set_doc_floor(&r->src, r->doc_start);
			r->in_document = true;
			yaml_event_delete(&ev);
			return NGOJST_OK;
		}
		yaml_event_delete(&ev);
		return fail(r, NGOJST_ERROR, NULL, "unexpected YAML event %d", (int)ev.type);
	}
}

static int reader_start(ngojst_reader *r);

static void reset_document(ngojst_reader *r)
{
	if (r->arena == &r->own_arena)
		ngojst_arena_reset(r->arena);
	r->tree = NULL;
	r->root = NULL;
	r->nframes = 0;
	r->nitems = 0;
	r->nanchors = 0;
	r->node_count = 0;
	r->expansions = 0;
	htab_clear(r->ctx, &r->anchor_tab);
	htab_clear(r->ctx, &r->key_tab);
}

int ngojst_reader_next(ngojst_reader *r, ngojst_tree **out)
{
	int rc;

	if (!r || !out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (r->state == READER_FAILED) {
		ngojst_diag_add(r->ctx, r->err, r->name, r->err_at.line, r->err_at.column,
				r->err_at.offset, r->err_path, "%s",
				r->err_msg ? r->err_msg : ngojst_strerror(r->err));
		return r->err;
	}
	if (r->state == READER_DONE)
		return NGOJST_EOF;
	reset_document(r);
	if (!r->parser_used) {
		/* Documents are read without libyaml while they can be (see
		 * block.c); JSON on one line only as a buffer's first. */
		if (!r->direct_off) {
			if (!r->src.file && !r->doc_index && ngojst_json_line_document(r) == NGOJST_OK) {
				r->state = READER_DONE;
				r->doc_index++;
				*out = r->tree;
				return NGOJST_OK;
			}
			reset_document(r);
			rc = ngojst_block_document(r);
			if (rc == NGOJST_OK) {
				r->doc_index++;
				*out = r->tree;
				return NGOJST_OK;
			}
			if (rc == NGOJST_DIRECT_END) {
				r->state = READER_DONE;
				return NGOJST_EOF;
			}
			reset_document(r);
			ngojst_source_start_at(&r->src, r->next_at, r->next_line);
		}
		if (reader_start(r) != NGOJST_OK)
			return fail_oom(r, NULL);
	}
	if ((rc = start_document(r)) != NGOJST_OK)
		return rc;
	if ((rc = build_document(r)) != NGOJST_OK)
		return rc;
	r->doc_index++;
	*out = r->tree;
	return NGOJST_OK;
}

/* ------------------------------------------------------------------------ */
/* Opening and closing                                                      */

static int reader_new(ngojst_reader **out, ngojst_context *ctx, const char *name)
{
	ngojst_reader *r;

	r = ngojst_calloc(ctx, 1, sizeof(*r));
	if (!r)
		return NGOJST_ENOMEM;
	r->ctx = ctx;
	if (!(r->name = ngojst_strdup(ctx, name))) {
		ngojst_free(ctx, r);
		return NGOJST_ENOMEM;
	}
	ngojst_arena_init(&r->own_arena, ctx, READER_ARENA_CHUNK);
	r->arena = &r->own_arena;
	seed_hash(r);
	*out = r;
	return NGOJST_OK;
}

/* Hook the parser to the source; the source must already be set up. */
static int reader_start(ngojst_reader *r)
{
	if (!yaml_parser_initialize(&r->parser))
		return NGOJST_ENOMEM;
	r->parser_live = true;
	r->parser_used = true;
	/* The encoding is left to libyaml: it then drops a leading BOM without
	 * counting it in its marks. UTF-16 cannot get through the source. */
	yaml_parser_set_input(&r->parser, ngojst_source_read, &r->src);
	return NGOJST_OK;
}

int ngojst_reader_open_buffer(ngojst_reader **out, ngojst_context *ctx, const char *source_name,
			      const char *data, size_t len)
{
	ngojst_reader *r;
	int rc;

	if (!out || !ctx || (!data && len))
		return NGOJST_EINVAL;
	*out = NULL;
	if (!source_name)
		source_name = "<string>";
	if (len > ctx->limits.max_input_bytes) {
		unsigned line, column;

		ngojst_source_position_of(data, len, ctx->limits.max_input_bytes, &line, &column);
		return ngojst_diag_add(ctx, NGOJST_ELIMIT, source_name, line, column,
				       ctx->limits.max_input_bytes, NULL,
				       "input of %zu bytes is larger than max_input_bytes (%zu bytes)",
				       len, ctx->limits.max_input_bytes);
	}
	if ((rc = reader_new(&r, ctx, source_name)) != NGOJST_OK)
		return rc;
	ngojst_source_init_buffer(&r->src, ctx, r->name, data ? data : "", len);
	/* libyaml starts with the first document (see ngojst_reader_next). */
	*out = r;
	return NGOJST_OK;
}

static int open_stream(ngojst_reader **out, ngojst_context *ctx, const char *name, FILE *f,
		       bool own, size_t max_input)
{
	ngojst_reader *r;
	int rc;

	if ((rc = reader_new(&r, ctx, name)) != NGOJST_OK) {
		if (own)
			fclose(f);
		return rc;
	}
	ngojst_source_init_file(&r->src, ctx, r->name, f, own, max_input);
	/* libyaml starts with the first document (see ngojst_reader_next). */
	*out = r;
	return NGOJST_OK;
}

static int io_error(ngojst_context *ctx, const char *path, const char *what, int e)
{
	char ebuf[96];

	if (strerror_r(e, ebuf, sizeof(ebuf)) != 0)
		snprintf(ebuf, sizeof(ebuf), "error %d", e);
	return ngojst_diag_add(ctx, NGOJST_EIO, path, 0, 0, 0, NULL, "cannot %s %s: %s", what, path,
			       ebuf);
}

int ngojst_reader_open_file(ngojst_reader **out, ngojst_context *ctx, const char *path)
{
	struct stat st;
	FILE *f;

	if (!out || !ctx || !path)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!(f = fopen(path, "rb")))
		return io_error(ctx, path, "open", errno);
	/* fopen() accepts a directory on Linux; reading it would fail later
	 * with a less helpful message. */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return io_error(ctx, path, "read", EISDIR);
	}
	return open_stream(out, ctx, path, f, true, ctx->limits.max_input_bytes);
}

int ngojst_reader_open_stream(ngojst_reader **out, ngojst_context *ctx, const char *source_name,
			      void *file)
{
	if (!out || !ctx || !file)
		return NGOJST_EINVAL;
	*out = NULL;
	/* A stream (stdin) is read as it comes, in bounded memory, so only
	 * max_document_bytes applies, not max_input_bytes. */
	return open_stream(out, ctx, source_name ? source_name : "<stdin>", file, false, SIZE_MAX);
}

void ngojst_reader_free(ngojst_reader *r)
{
	ngojst_context *ctx;

	if (!r)
		return;
	ctx = r->ctx;
	release_parser(r);
	ngojst_source_dispose(&r->src);
	ngojst_arena_release(&r->own_arena);
	htab_free(ctx, &r->anchor_tab);
	htab_free(ctx, &r->key_tab);
	ngojst_free(ctx, r->frames);
	ngojst_free(ctx, r->items);
	ngojst_free(ctx, r->anchors);
	ngojst_free(ctx, r->err_msg);
	ngojst_free(ctx, r->err_path);
	ngojst_free(ctx, r->name);
	ngojst_free(ctx, r);
}

void ngojst_reader_disable_direct(ngojst_reader *r)
{
	r->direct_off = true;
}

int ngojst_reader_take_arena(ngojst_reader *r, ngojst_arena *arena)
{
	if (!r || !arena || !r->tree || r->arena != &r->own_arena)
		return NGOJST_EINVAL;
	*arena = r->own_arena;
	ngojst_arena_init(&r->own_arena, r->ctx, READER_ARENA_CHUNK);
	r->tree = NULL;
	return NGOJST_OK;
}

int ngojst_tree_parse_single(ngojst_context *ctx, ngojst_arena *arena, const char *source_name,
			     const char *data, size_t len, ngojst_tree **out)
{
	ngojst_reader *r;
	ngojst_tree *t = NULL;
	yaml_event_t ev;
	int rc;

	if (!ctx || !arena || !out || (!data && len))
		return NGOJST_EINVAL;
	*out = NULL;
	if ((rc = ngojst_reader_open_buffer(&r, ctx, source_name, data, len)) != NGOJST_OK)
		return rc;
	r->arena = arena;
	rc = ngojst_reader_next(r, &t);
	if (rc == NGOJST_EOF) {
		/* An empty stream is one empty document here. */
		t = ngojst_arena_alloc(arena, sizeof(*t));
		if (!t || !(t->source = ngojst_arena_strdup(arena, r->name))) {
			rc = fail_oom(r, NULL);
		} else {
			t->root = NULL;
			t->index = 0;
			t->node_count = 0;
			rc = NGOJST_OK;
		}
	} else if (rc == NGOJST_OK && !r->parser_used && r->state != READER_DONE &&
		   r->next_at < r->src.len) {
		/* Read without libyaml, and a "---" line follows. */
		pos at = { (uint32_t)r->next_line + 1, 1, r->next_at };

		rc = fail(r, NGOJST_EPARSE, &at, "a second document where exactly one is expected");
	} else if (rc == NGOJST_OK && r->parser_live) {
		/* (Read without libyaml, the buffer held exactly one value.) */
		if (!yaml_parser_parse(&r->parser, &ev)) {
			rc = fail_parser(r);
		} else {
			if (ev.type == YAML_DOCUMENT_START_EVENT) {
				pos at = pos_from_mark(r, &ev.start_mark);

				rc = fail(r, NGOJST_EPARSE, &at,
					  "a second document where exactly one is expected");
			}
			yaml_event_delete(&ev);
		}
	}
	ngojst_reader_free(r);
	if (rc == NGOJST_OK)
		*out = t;
	return rc;
}
