#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "binder.h"
#include "../core/buf.h"

#define STR_TAG "tag:yaml.org,2002:str"

/* One step of the path to the node being bound: a key, or (key NULL) a
 * list index. */
typedef struct seg {
	const char *key;
	size_t index;
} seg;

#define INLINE_SEGS 16

typedef struct binder {
	ngojst_context *ctx;
	ngojst_arena *arena;
	const char *source;
	/* The JSON pointer of the node being bound is kept as steps and
	 * written out only when a message or a typed helper needs it: most
	 * values bind without one. */
	seg *segs;         /* inline, or on the heap past INLINE_SEGS */
	size_t nsegs, cap;
	bool segs_failed;  /* a step could not be recorded (out of memory) */
	unsigned long gen, built_gen; /* path holds the steps of generation built_gen */
	ngojst_buf path;   /* the pointer, when written out */
	int err;           /* first error: EINPUT, or ENOMEM which stops at once */
	seg inline_segs[INLINE_SEGS];
} binder;

static inline void put(ngojst_buf *p, const char *s, size_t n)
{
	if (!p->failed && p->data && n < p->cap - p->len) {
		memcpy(p->data + p->len, s, n);
		p->len += n;
		p->data[p->len] = '\0';
	} else {
		ngojst_buf_add(p, s, n);
	}
}

/* The JSON pointer of the node being bound (RFC 6901: ~ as ~0, / as ~1),
 * or NULL when out of memory. Valid until the path changes. */
static const char *path_of(binder *b)
{
	size_t i;

	if (b->segs_failed)
		return NULL;
	if (b->built_gen == b->gen && b->path.data)
		return ngojst_buf_cstr(&b->path);
	ngojst_buf_reset(&b->path);
	for (i = 0; i < b->nsegs; i++) {
		const char *key = b->segs[i].key;

		if (key) {
			put(&b->path, "/", 1);
			for (;;) {
				size_t n = 0;

				while (key[n] && key[n] != '~' && key[n] != '/')
					n++;
				put(&b->path, key, n);
				if (!key[n])
					break;
				put(&b->path, key[n] == '~' ? "~0" : "~1", 2);
				key += n + 1;
			}
		} else {
			char tmp[3 * sizeof(size_t) + 2];
			size_t n = sizeof(tmp), index = b->segs[i].index;

			do {
				tmp[--n] = (char)('0' + index % 10);
				index /= 10;
			} while (index);
			tmp[--n] = '/';
			put(&b->path, tmp + n, sizeof(tmp) - n);
		}
	}
	b->built_gen = b->gen;
	return ngojst_buf_cstr(&b->path);
}

static int fail(binder *b, const ngojst_node *n, const char *fmt, ...) NGOJST_PRINTF(3, 4);

static int fail(binder *b, const ngojst_node *n, const char *fmt, ...)
{
	va_list ap;
	const char *path = path_of(b);

	va_start(ap, fmt);
	ngojst_diag_addv(b->ctx, NGOJST_EINPUT, b->source, n ? n->line : 0, n ? n->column : 0,
			 n ? n->offset : 0, path ? path : "", fmt, ap);
	va_end(ap);
	if (!b->err)
		b->err = NGOJST_EINPUT;
	return NGOJST_EINPUT;
}

static const char *where(binder *b)
{
	const char *p = path_of(b);

	return p && *p ? p : "/";
}

/* Documents never ask the loader to construct objects: an explicit tag is
 * refused on any node, except !!str on a scalar, !!map on a mapping and
 * !!seq on a sequence, which only restate what the node is. */
static bool check_tag(binder *b, const ngojst_node *n)
{
	static const char *const plain[] = { NULL, STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map" };

	if (n->tag && strcmp(n->tag, plain[n->type]) != 0) {
		fail(b, n, "%s: the tag %s is not allowed in documents", where(b), n->tag);
		return false;
	}
	return true;
}

static bool is_null(const ngojst_node *n)
{
	return n->type == NGOJST_NODE_SCALAR && ngojst_node_is_null(n) && !n->tag;
}

static void push_seg(binder *b, const char *key, size_t index, size_t *mark)
{
	*mark = b->nsegs;
	b->gen++;
	if (b->nsegs == b->cap) {
		size_t cap = b->cap * 2;
		seg *p = NULL;

		if (cap <= SIZE_MAX / sizeof(*p))
			p = b->segs == b->inline_segs ? ngojst_alloc(b->ctx, cap * sizeof(*p))
						      : ngojst_realloc(b->ctx, b->segs, cap * sizeof(*p));
		if (!p) {
			b->segs_failed = true;
			return;
		}
		if (b->segs == b->inline_segs)
			memcpy(p, b->inline_segs, sizeof(b->inline_segs));
		b->segs = p;
		b->cap = cap;
	}
	b->segs[b->nsegs].key = key;
	b->segs[b->nsegs].index = index;
	b->nsegs++;
}

static void push_key(binder *b, const char *key, size_t *mark)
{
	push_seg(b, key, 0, mark);
}

static void push_index(binder *b, size_t index, size_t *mark)
{
	push_seg(b, NULL, index, mark);
}

/* The field named key (a scalar: no NUL inside), trying first the field
 * after the previous match, since documents mostly list keys in the order
 * of the field table; *next is updated. Same result as ngojst_schema_field. */
static const ngojst_field *field_for(const ngojst_schema *schema, const char *key, size_t *next)
{
	size_t i;

	if (*next < schema->nfields) {
		const ngojst_field *f = &schema->fields[*next];

		if (f->name[0] == key[0] && strcmp(f->name, key) == 0) {
			++*next;
			return f;
		}
	}
	for (i = 0; i < schema->nfields; i++) {
		const ngojst_field *f = &schema->fields[i];

		if (f->name[0] == key[0] && strcmp(f->name, key) == 0) {
			*next = i + 1;
			return f;
		}
	}
	return NULL;
}

static void pop(binder *b, size_t mark)
{
	if (mark < b->nsegs) {
		b->nsegs = mark;
		b->gen++;
	}
}

static int bind_struct(binder *b, const ngojst_node *n, const ngojst_schema *schema, void *data,
		       const char *const *skip, unsigned depth);

static int bind_date_node(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
			  ngojst_date *out)
{
	int rc;

	if (n->type != NGOJST_NODE_SCALAR)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: expected a date (YYYY-MM-DD), found a %s", *path ? path : "/",
				       ngojst_node_type_name(n));
	rc = ngojst_date_parse(out, n->u.scalar.str, n->u.scalar.len);
	if (rc == NGOJST_ERANGE)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: %s is not a date in the calendar", *path ? path : "/", n->u.scalar.str);
	if (rc != NGOJST_OK)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: expected a date written YYYY-MM-DD, found \"%s\"", *path ? path : "/",
				       n->u.scalar.str);
	return NGOJST_OK;
}

int ngojst_bind_date(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		     ngojst_date *out)
{
	return bind_date_node(ctx, source, n, path, out);
}

int ngojst_bind_money(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		      bool nonneg, ngojst_money *out)
{
	int rc;
	const char *p = *path ? path : "/";

	if (n->type != NGOJST_NODE_SCALAR)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: expected an amount in złoty, found a %s", p, ngojst_node_type_name(n));
	rc = ngojst_money_parse(out, n->u.scalar.str, n->u.scalar.len, NGOJST_MONEY_ALLOW_NEGATIVE);
	if (rc == NGOJST_ERANGE)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: the amount %s is too large", p, n->u.scalar.str);
	if (rc != NGOJST_OK)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: \"%s\" is not an amount in złoty (digits, at most two decimals, "
				       "e.g. 12345.67 or \"12 345,67 zł\")", p, n->u.scalar.str);
	if (nonneg && *out < 0)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: the amount %s must not be negative", p, n->u.scalar.str);
	return NGOJST_OK;
}

int ngojst_bind_int(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		    int64_t *out)
{
	const char *s, *p = *path ? path : "/";
	int64_t v = 0;
	bool neg = false;

	if (n->type != NGOJST_NODE_SCALAR || n->style != NGOJST_SCALAR_PLAIN)
		return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
				       "%s: expected an integer, found %s", p,
				       n->type == NGOJST_NODE_SCALAR ? "a quoted string" : ngojst_node_type_name(n));
	s = n->u.scalar.str;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!*s)
		goto bad;
	for (; *s; s++) {
		int d;

		if (*s < '0' || *s > '9')
			goto bad;
		d = *s - '0';
		if (v > (INT64_MAX - d) / 10)
			return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
					       "%s: the integer %s is out of range", p, n->u.scalar.str);
		v = v * 10 + d;
	}
	*out = neg ? -v : v;
	return NGOJST_OK;
bad:
	return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
			       "%s: expected an integer, found \"%s\"", p, n->u.scalar.str);
}

int ngojst_bind_bool(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		     bool *out)
{
	const char *s = n->type == NGOJST_NODE_SCALAR ? n->u.scalar.str : "";

	if (n->type == NGOJST_NODE_SCALAR && n->style == NGOJST_SCALAR_PLAIN) {
		if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) {
			*out = true;
			return NGOJST_OK;
		}
		if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) {
			*out = false;
			return NGOJST_OK;
		}
	}
	return ngojst_diag_add(ctx, NGOJST_EINPUT, source, n->line, n->column, n->offset, path,
			       "%s: expected true or false, found %s%s%s", *path ? path : "/",
			       n->type == NGOJST_NODE_SCALAR ? "\"" : "a ",
			       n->type == NGOJST_NODE_SCALAR ? s : ngojst_node_type_name(n),
			       n->type == NGOJST_NODE_SCALAR ? "\"" : "");
}

/* Convert a typed-helper result into the binder's state. */
static int note(binder *b, int rc)
{
	if (rc != NGOJST_OK && !b->err)
		b->err = rc;
	return rc;
}

static int bind_strings(binder *b, const ngojst_node *n, ngojst_strings *out)
{
	const char **items;
	size_t i;

	if (n->type != NGOJST_NODE_SEQUENCE)
		return fail(b, n, "%s: expected a list of strings, found a %s", where(b), ngojst_node_type_name(n));
	items = ngojst_arena_alloc(b->arena, (n->u.seq.count ? n->u.seq.count : 1) * sizeof(*items));
	if (!items)
		return b->err = NGOJST_ENOMEM;
	for (i = 0; i < n->u.seq.count; i++) {
		const ngojst_node *it = n->u.seq.items[i];
		size_t mark;

		push_index(b, i, &mark);
		items[i] = NULL;
		if (it->type != NGOJST_NODE_SCALAR)
			fail(b, it, "%s: expected a string, found a %s", where(b), ngojst_node_type_name(it));
		else if (check_tag(b, it))
			items[i] = it->u.scalar.str;
		pop(b, mark);
	}
	out->items = items;
	out->count = n->u.seq.count;
	return NGOJST_OK;
}

static int bind_list(binder *b, const ngojst_node *n, const ngojst_field *f, void *base, unsigned depth)
{
	char *items;
	size_t i, esize = f->sub->size;

	if (n->type != NGOJST_NODE_SEQUENCE)
		return fail(b, n, "%s: expected a list, found a %s", where(b), ngojst_node_type_name(n));
	if (n->u.seq.count && esize > SIZE_MAX / n->u.seq.count)
		return b->err = NGOJST_ENOMEM;
	items = ngojst_arena_alloc(b->arena, n->u.seq.count ? n->u.seq.count * esize : 1);
	if (!items)
		return b->err = NGOJST_ENOMEM;
	for (i = 0; i < n->u.seq.count; i++) {
		size_t mark;

		ngojst_schema_init(f->sub, items + i * esize);
		push_index(b, i, &mark);
		if (check_tag(b, n->u.seq.items[i]))
			bind_struct(b, n->u.seq.items[i], f->sub, items + i * esize, NULL, depth + 1);
		pop(b, mark);
		if (b->err == NGOJST_ENOMEM)
			return b->err;
	}
	*(void **)(void *)((char *)base + f->offset) = items;
	*(size_t *)(void *)((char *)base + f->count_offset) = n->u.seq.count;
	return NGOJST_OK;
}

static int bind_field(binder *b, const ngojst_node *n, const ngojst_field *f, void *base, unsigned depth)
{
	void *p = (char *)base + f->offset;
	const char *path;

	if (b->segs_failed)
		return b->err = NGOJST_ENOMEM;
	if (!check_tag(b, n))
		return NGOJST_EINPUT;
	if (is_null(n))
		return NGOJST_OK; /* stays absent */
	/* Dates and amounts are parsed here first; only a value that does
	 * not parse goes to the typed helper, with its path, for the message. */
	if (f->type == NGOJST_FT_DATE && n->type == NGOJST_NODE_SCALAR &&
	    ngojst_date_parse(p, n->u.scalar.str, n->u.scalar.len) == NGOJST_OK)
		return NGOJST_OK;
	if (f->type == NGOJST_FT_MONEY && n->type == NGOJST_NODE_SCALAR &&
	    ngojst_money_parse(p, n->u.scalar.str, n->u.scalar.len, NGOJST_MONEY_ALLOW_NEGATIVE) == NGOJST_OK &&
	    !((f->flags & NGOJST_FIELD_NONNEG) && *(ngojst_money *)p < 0))
		return NGOJST_OK;
	if (f->type == NGOJST_FT_FLAG && n->type == NGOJST_NODE_SCALAR && n->style == NGOJST_SCALAR_PLAIN) {
		const char *t = n->u.scalar.str;

		if (!strcmp(t, "true") || !strcmp(t, "True") || !strcmp(t, "TRUE")) {
			*(ngojst_flag *)p = NGOJST_FLAG_YES;
			return NGOJST_OK;
		}
		if (!strcmp(t, "false") || !strcmp(t, "False") || !strcmp(t, "FALSE")) {
			*(ngojst_flag *)p = NGOJST_FLAG_NO;
			return NGOJST_OK;
		}
	}
	if (f->type != NGOJST_FT_STRING && f->type != NGOJST_FT_STRINGS && f->type != NGOJST_FT_STRUCT &&
	    f->type != NGOJST_FT_LIST) {
		if (!(path = path_of(b)))
			return b->err = NGOJST_ENOMEM;
	} else {
		path = NULL;
	}
	switch (f->type) {
	case NGOJST_FT_STRING:
		if (n->type != NGOJST_NODE_SCALAR)
			return fail(b, n, "%s: expected a string, found a %s", where(b), ngojst_node_type_name(n));
		*(const char **)p = n->u.scalar.str;
		return NGOJST_OK;
	case NGOJST_FT_INT: {
		int rc = note(b, ngojst_bind_int(b->ctx, b->source, n, path, p));
		int64_t v = *(int64_t *)p;

		if (rc == NGOJST_OK && (f->flags & NGOJST_FIELD_YEAR) && (v < 1 || v > 9999))
			return fail(b, n, "%s: %s is not a year (1 to 9999)", where(b), n->u.scalar.str);
		if (rc == NGOJST_OK && (f->flags & NGOJST_FIELD_NONNEG) && v < 0)
			return fail(b, n, "%s: %s must not be negative", where(b), n->u.scalar.str);
		return rc;
	}
	case NGOJST_FT_MONEY:
		return note(b, ngojst_bind_money(b->ctx, b->source, n, path, f->flags & NGOJST_FIELD_NONNEG, p));
	case NGOJST_FT_DATE:
		return note(b, ngojst_bind_date(b->ctx, b->source, n, path, p));
	case NGOJST_FT_FLAG: {
		bool v;
		int rc = note(b, ngojst_bind_bool(b->ctx, b->source, n, path, &v));

		if (rc == NGOJST_OK)
			*(ngojst_flag *)p = v ? NGOJST_FLAG_YES : NGOJST_FLAG_NO;
		return rc;
	}
	case NGOJST_FT_STRINGS:
		return bind_strings(b, n, p);
	case NGOJST_FT_STRUCT:
		return bind_struct(b, n, f->sub, p, NULL, depth + 1);
	case NGOJST_FT_LIST:
		return bind_list(b, n, f, base, depth);
	}
	return NGOJST_ERROR;
}

static bool skipped(const char *key, const char *const *skip)
{
	for (; skip && *skip; skip++)
		if (key[0] == (*skip)[0] && strcmp(key, *skip) == 0)
			return true;
	return false;
}

static int bind_struct(binder *b, const ngojst_node *n, const ngojst_schema *schema, void *data,
		       const char *const *skip, unsigned depth)
{
	size_t i, next = 0;

	if (n->type != NGOJST_NODE_MAPPING)
		return fail(b, n, "%s: expected a mapping (%s), found a %s", where(b), schema->name,
			    ngojst_node_type_name(n));
	if (depth == 0 && !check_tag(b, n))
		return NGOJST_EINPUT;
	for (i = 0; i < n->u.map.count; i++) {
		const ngojst_pair *pr = &n->u.map.pairs[i];
		const char *key = pr->key->u.scalar.str;
		const ngojst_field *f;
		size_t mark;

		if (skipped(key, skip)) {
			size_t m0;

			/* The selector itself is data too: no tags. */
			push_key(b, key, &m0);
			check_tag(b, pr->value);
			pop(b, m0);
			continue;
		}
		f = field_for(schema, key, &next);
		push_key(b, key, &mark);
		if (!f) {
			const char *hint = ngojst_schema_suggest(schema, key);

			if (hint)
				fail(b, pr->key, "%s: unknown key \"%s\" (did you mean \"%s\"?)", where(b), key, hint);
			else
				fail(b, pr->key, "%s: unknown key \"%s\"", where(b), key);
		} else {
			bind_field(b, pr->value, f, data, depth);
		}
		pop(b, mark);
		if (b->err == NGOJST_ENOMEM)
			return b->err;
	}
	for (i = 0; i < schema->nfields; i++) {
		const ngojst_field *f = &schema->fields[i];

		const ngojst_node *v;

		if (!(f->flags & NGOJST_FIELD_REQUIRED))
			continue;
		v = ngojst_node_get(n, f->name);
		if (!v)
			fail(b, n, "%s: missing required key \"%s\"", where(b), f->name);
		else if (is_null(v)) {
			size_t mark;

			push_key(b, f->name, &mark);
			fail(b, v, "%s: \"%s\" is required and may not be empty", where(b), f->name);
			pop(b, mark);
		}
	}
	return b->err;
}

int ngojst_bind(ngojst_context *ctx, ngojst_arena *arena, const char *source, const ngojst_node *root,
		const ngojst_kind *kind, const char *const *skip, void **out)
{
	binder b;
	void *data;

	*out = NULL;
	memset(&b, 0, offsetof(binder, inline_segs));
	b.ctx = ctx;
	b.arena = arena;
	b.source = source;
	b.segs = b.inline_segs;
	b.cap = INLINE_SEGS;
	b.built_gen = (unsigned long)-1;
	ngojst_buf_init(&b.path, ctx);
	data = ngojst_arena_alloc(arena, kind->schema->size);
	if (!data)
		return NGOJST_ENOMEM;
	ngojst_schema_init(kind->schema, data);
	bind_struct(&b, root, kind->schema, data, skip, 0);
	if ((b.path.failed || b.segs_failed) && !b.err)
		b.err = NGOJST_ENOMEM;
	ngojst_buf_dispose(&b.path);
	if (b.segs != b.inline_segs)
		ngojst_free(ctx, b.segs);
	if (b.err)
		return b.err;
	*out = data;
	return NGOJST_OK;
}
