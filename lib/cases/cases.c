/* The declarative test-case runner (docs/test-cases.md). */
#include <stdio.h>
#include <string.h>

#include <ngojst/cases.h>
#include <ngojst/validate.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/file.h"
#include "../schema/binder.h"
#include "../schema/document-private.h"
#include "../yaml/tree.h"

struct ngojst_cases {
	ngojst_context *ctx;
	ngojst_arena arena;
	ngojst_case_result *results;
	size_t count, cap, passed;
};

typedef struct runner {
	ngojst_context *ctx;
	ngojst_cases *out;
	const char *path;
	char dir[4096];
	const ngojst_ruleset *base;
	const ngojst_calendar *cal;
	int err;                 /* EINPUT for a malformed case file, ENOMEM */
	/* defaults from the file's top level */
	ngojst_date as_of;
	ngojst_lang lang;
	const ngojst_node *rulesets;
} runner;

static int bad(runner *r, const ngojst_node *n, const char *fmt, ...) NGOJST_PRINTF(3, 4);

static int bad(runner *r, const ngojst_node *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ngojst_diag_addv(r->ctx, NGOJST_EINPUT, r->path, n ? n->line : 0, n ? n->column : 0, n ? n->offset : 0, NULL,
			 fmt, ap);
	va_end(ap);
	if (!r->err)
		r->err = NGOJST_EINPUT;
	return NGOJST_EINPUT;
}

static bool keys_ok(runner *r, const ngojst_node *map, const char *what, const char *const *known)
{
	size_t i, k;
	bool ok = true;

	if (!map || map->type != NGOJST_NODE_MAPPING) {
		bad(r, map, "%s must be a mapping", what);
		return false;
	}
	for (i = 0; i < map->u.map.count; i++) {
		const char *key = map->u.map.pairs[i].key->u.scalar.str;

		for (k = 0; known[k] && strcmp(known[k], key); k++)
			;
		if (!known[k]) {
			bad(r, map->u.map.pairs[i].key, "unknown key \"%s\" in %s", key, what);
			ok = false;
		}
	}
	return ok;
}

static bool all_scalars(const ngojst_node *seq)
{
	size_t i;

	if (seq->type != NGOJST_NODE_SEQUENCE)
		return false;
	for (i = 0; i < seq->u.seq.count; i++)
		if (seq->u.seq.items[i]->type != NGOJST_NODE_SCALAR)
			return false;
	return true;
}

static const char *scalar(runner *r, const ngojst_node *map, const char *key)
{
	const ngojst_node *n = ngojst_node_get(map, key);

	if (!n)
		return NULL;
	if (n->type != NGOJST_NODE_SCALAR) {
		bad(r, n, "\"%s\" must be a string", key);
		return NULL;
	}
	return n->u.scalar.str;
}

/* A path relative to the case file's folder; a path too long for buf
 * becomes "" and then fails to open with a clear message. */
static void join_path(char *buf, size_t size, const char *dir, const char *rel)
{
	int n;

	if (rel[0] == '/' || !dir[0])
		n = snprintf(buf, size, "%s", rel);
	else
		n = snprintf(buf, size, "%s/%s", dir, rel);
	if (n < 0 || (size_t)n >= size)
		buf[0] = '\0';
}

static int record(runner *r, const char *name, unsigned line, bool passed, const char *detail)
{
	ngojst_cases *c = r->out;
	ngojst_case_result *res;

	if (ngojst_grow(r->ctx, (void **)&c->results, &c->cap, c->count + 1, sizeof(*res)))
		return r->err = NGOJST_ENOMEM;
	res = &c->results[c->count];
	res->name = ngojst_arena_strdup(&c->arena, name);
	res->source = ngojst_arena_strdup(&c->arena, r->path);
	res->detail = ngojst_arena_strdup(&c->arena, detail);
	res->line = line;
	res->passed = passed;
	if (!res->name || !res->source || !res->detail)
		return r->err = NGOJST_ENOMEM;
	c->count++;
	c->passed += passed;
	return NGOJST_OK;
}

/* Load the overlays named by a case (or the file) on top of the base. */
static int load_rulesets(runner *r, const ngojst_node *list, ngojst_ruleset **out, ngojst_buf *why)
{
	ngojst_ruleset *cur = NULL;
	size_t i;

	*out = NULL;
	if (!list)
		return NGOJST_OK;
	for (i = 0; i < list->u.seq.count; i++) {
		char file[4096];
		ngojst_ruleset *next;
		int rc;

		join_path(file, sizeof(file), r->dir, list->u.seq.items[i]->u.scalar.str);
		rc = ngojst_ruleset_load_file(&next, r->ctx, file, cur ? cur : r->base);
		if (rc) {
			char *d = NULL;

			ngojst_buf_printf(why, "rule set %s: %s", file, ngojst_strerror(rc));
			if (ngojst_diag_format(r->ctx, &d) == NGOJST_OK) {
				ngojst_buf_printf(why, "\n%s", d);
				ngojst_free(r->ctx, d);
			}
			ngojst_ruleset_free(cur);
			return rc;
		}
		ngojst_ruleset_free(cur);
		cur = next;
	}
	*out = cur;
	return NGOJST_OK;
}

static const char *error_name(int code)
{
	switch (code) {
	case NGOJST_EPARSE: return "parse";
	case NGOJST_EINPUT: return "input";
	case NGOJST_ELIMIT: return "limit";
	case NGOJST_EIO: return "io";
	default: return "other";
	}
}

/* Compare the report with the expectation; fills why with the difference. */
static bool compare(runner *r, const ngojst_report *rep, const ngojst_node *expect, const ngojst_node *only,
		    ngojst_buf *why)
{
	static const char *const item_keys[] = { "rule", "path", "severity", "message_contains", NULL };
	size_t nf = ngojst_report_count(rep), ne = 0, i, j;
	bool used[1024] = { false }, ok = true;

	if (nf > sizeof(used)) {
		ngojst_buf_printf(why, "too many findings (%zu) to compare", nf);
		return false;
	}
	/* Findings outside `only` are ignored. */
	for (i = 0; i < nf && only; i++) {
		const ngojst_finding *f = ngojst_report_at(rep, i);
		bool listed = false;

		for (j = 0; j < only->u.seq.count; j++)
			if (!strcmp(only->u.seq.items[j]->u.scalar.str, f->rule_id))
				listed = true;
		used[i] = !listed;
	}
	if (expect->type == NGOJST_NODE_SEQUENCE)
		ne = expect->u.seq.count;
	for (j = 0; j < ne; j++) {
		const ngojst_node *e = expect->u.seq.items[j];
		const char *rule, *path, *sev, *contains;
		bool found = false;

		if (!keys_ok(r, e, "an expected finding", item_keys))
			return false;
		rule = scalar(r, e, "rule");
		path = scalar(r, e, "path");
		sev = scalar(r, e, "severity");
		contains = scalar(r, e, "message_contains");
		if (!rule) {
			bad(r, e, "an expected finding needs \"rule\"");
			return false;
		}
		for (i = 0; i < nf && !found; i++) {
			const ngojst_finding *f = ngojst_report_at(rep, i);

			if (used[i] || strcmp(f->rule_id, rule) || (path && strcmp(f->path, path)) ||
			    (sev && strcmp(ngojst_severity_name(f->severity), sev)) ||
			    (contains && !strstr(f->message, contains)))
				continue;
			used[i] = found = true;
		}
		if (!found) {
			ngojst_buf_printf(why, "%s  missing: %s%s%s%s%s", ok ? "" : "\n", rule, path ? " at " : "",
					  path ? path : "", sev ? " as " : "", sev ? sev : "");
			ok = false;
		}
	}
	for (i = 0; i < nf; i++) {
		const ngojst_finding *f = ngojst_report_at(rep, i);

		if (used[i])
			continue;
		ngojst_buf_printf(why, "%s  unexpected: %s at %s (%s, line %u): %s", ok ? "" : "\n", f->rule_id,
				  *f->path ? f->path : "/", ngojst_severity_name(f->severity), f->line, f->message);
		ok = false;
	}
	return ok;
}

static int run_case(runner *r, const ngojst_node *c, size_t index)
{
	static const char *const keys[] = { "name", "document", "document_file", "rulesets", "as_of", "lang", "only",
					    "expect", "expect_error", "note", NULL };
	const ngojst_node *doc_node, *expect, *expect_error, *only, *rs_node, *x;
	const char *name, *doc_file;
	ngojst_validate_options opts = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_ruleset *overlay = NULL;
	ngojst_document *doc = NULL;
	ngojst_report *rep = NULL;
	ngojst_buf why;
	bool passed = false;
	int rc;

	/* Each case starts clean: a message_contains must not match an
	 * earlier case's diagnostics. */
	ngojst_diag_clear(r->ctx);
	if (!keys_ok(r, c, "a case", keys))
		return r->err;
	name = scalar(r, c, "name");
	doc_node = ngojst_node_get(c, "document");
	doc_file = scalar(r, c, "document_file");
	expect = ngojst_node_get(c, "expect");
	expect_error = ngojst_node_get(c, "expect_error");
	only = ngojst_node_get(c, "only");
	rs_node = ngojst_node_get(c, "rulesets");
	if (!name)
		return bad(r, c, "a case needs \"name\"");
	if (!doc_node == !doc_file)
		return bad(r, c, "case \"%s\" needs exactly one of \"document\" and \"document_file\"", name);
	if (!expect == !expect_error)
		return bad(r, c, "case \"%s\" needs exactly one of \"expect\" and \"expect_error\"", name);
	if (expect && !(expect->type == NGOJST_NODE_SEQUENCE ||
			(expect->type == NGOJST_NODE_SCALAR && !strcmp(expect->u.scalar.str, "clean"))))
		return bad(r, expect, "\"expect\" is \"clean\" or a list of expected findings");
	if (only && !all_scalars(only))
		return bad(r, only, "\"only\" must be a list of rule ids");
	if (rs_node && !all_scalars(rs_node))
		return bad(r, rs_node, "\"rulesets\" must be a list of paths");
	opts.as_of = r->as_of;
	opts.lang = r->lang;
	opts.calendar = r->cal;
	if ((x = ngojst_node_get(c, "as_of")) && ngojst_bind_date(r->ctx, r->path, x, "/as_of", &opts.as_of))
		return r->err = NGOJST_EINPUT;
	if ((x = ngojst_node_get(c, "lang")) &&
	    (x->type != NGOJST_NODE_SCALAR || ngojst_lang_parse(&opts.lang, x->u.scalar.str)))
		return bad(r, x, "\"lang\" is pl or en");
	if (!ngojst_date_is_valid(opts.as_of))
		return bad(r, c, "case \"%s\" has no as_of (set it on the case or at the top of the file)", name);
	(void)index;

	ngojst_buf_init(&why, r->ctx);
	rc = load_rulesets(r, rs_node ? rs_node : r->rulesets, &overlay, &why);
	if (rc == NGOJST_ENOMEM)
		goto done;
	if (rc == NGOJST_OK) {
		if (doc_node) {
			ngojst_tree sub = { (ngojst_node *)doc_node, r->path, 0, 0 };

			rc = ngojst_document_from_tree(&doc, r->ctx, &sub, NULL);
		} else {
			char file[4096];

			join_path(file, sizeof(file), r->dir, doc_file);
			rc = ngojst_document_load_file(&doc, r->ctx, file, NULL);
		}
		if (rc == NGOJST_ENOMEM)
			goto done;
		if (rc && expect_error) {
			const char *want = expect_error->type == NGOJST_NODE_SCALAR ? expect_error->u.scalar.str
										: scalar(r, expect_error, "code");
			const char *contains = expect_error->type == NGOJST_NODE_MAPPING
				? scalar(r, expect_error, "message_contains") : NULL;
			char *d = NULL;

			if (ngojst_diag_format(r->ctx, &d) != NGOJST_OK) {
				rc = NGOJST_ENOMEM;
				goto done;
			}
			passed = want && !strcmp(want, error_name(rc)) && (!contains || strstr(d, contains));
			/* A diagnostic dropped while there was room for it could
			 * not be recorded for lack of memory: the case cannot be
			 * judged (it would fail for want of the message). */
			if (!passed && ngojst_diag_dropped(r->ctx) &&
			    ngojst_diag_count(r->ctx) < ngojst_context_limits(r->ctx)->max_diagnostics) {
				ngojst_free(r->ctx, d);
				rc = NGOJST_ENOMEM;
				goto done;
			}
			if (!passed)
				ngojst_buf_printf(&why, "  expected a %s error%s%s, got %s:\n%s", want ? want : "?",
						  contains ? " mentioning " : "", contains ? contains : "", error_name(rc), d);
			ngojst_free(r->ctx, d);
		} else if (rc) {
			char *d = NULL;

			if (ngojst_diag_format(r->ctx, &d) != NGOJST_OK) {
				rc = NGOJST_ENOMEM;
				goto done;
			}
			ngojst_buf_printf(&why, "  the document could not be loaded (%s):\n%s", ngojst_strerror(rc), d);
			ngojst_free(r->ctx, d);
		} else if (expect_error) {
			ngojst_buf_printf(&why, "  expected a load error, but the document loaded");
		} else {
			rc = ngojst_validate(r->ctx, overlay ? overlay : r->base, doc, &opts, &rep);
			if (rc) {
				ngojst_buf_printf(&why, "  validation failed: %s", ngojst_strerror(rc));
				if (rc == NGOJST_ENOMEM)
					goto done;
			} else {
				passed = compare(r, rep, expect, only, &why);
			}
		}
	}
	rc = ngojst_buf_cstr(&why) ? record(r, name, c->line, passed, ngojst_buf_cstr(&why)) : NGOJST_ENOMEM;
done:
	if (rc == NGOJST_ENOMEM)
		r->err = NGOJST_ENOMEM;
	ngojst_buf_dispose(&why);
	ngojst_report_free(rep);
	ngojst_document_free(doc);
	ngojst_ruleset_free(overlay);
	return r->err;
}

static int run_document(runner *r, const ngojst_node *root)
{
	static const char *const keys[] = { "description", "rulesets", "as_of", "lang", "cases", NULL };
	const ngojst_node *cases, *x;
	size_t i;

	if (!root)
		return NGOJST_OK;
	if (!keys_ok(r, root, "a test-case file", keys))
		return r->err;
	r->as_of = (ngojst_date){ 0, 0, 0 };
	r->lang = NGOJST_LANG_EN;
	if ((x = ngojst_node_get(root, "as_of")) && ngojst_bind_date(r->ctx, r->path, x, "/as_of", &r->as_of))
		return r->err = NGOJST_EINPUT;
	if ((x = ngojst_node_get(root, "lang")) &&
	    (x->type != NGOJST_NODE_SCALAR || ngojst_lang_parse(&r->lang, x->u.scalar.str)))
		return bad(r, x, "\"lang\" is pl or en");
	r->rulesets = ngojst_node_get(root, "rulesets");
	if (r->rulesets && !all_scalars(r->rulesets))
		return bad(r, r->rulesets, "\"rulesets\" must be a list of paths");
	cases = ngojst_node_get(root, "cases");
	if (!cases || cases->type != NGOJST_NODE_SEQUENCE)
		return bad(r, cases ? cases : root, "a test-case file needs \"cases\": a list of cases");
	for (i = 0; i < cases->u.seq.count && !r->err; i++)
		run_case(r, cases->u.seq.items[i], i);
	return r->err;
}

int ngojst_cases_run_file(ngojst_cases **out, ngojst_context *ctx, const char *path, const ngojst_ruleset *base,
			  const ngojst_calendar *calendar)
{
	runner r;
	ngojst_reader *reader = NULL;
	ngojst_tree *tree;
	const char *slash;
	int rc;

	if (!out || !ctx || !path || !base)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	r.path = path;
	r.base = base;
	r.cal = calendar;
	slash = strrchr(path, '/');
	if (slash)
		snprintf(r.dir, sizeof(r.dir), "%.*s", (int)(slash - path), path);
	r.out = ngojst_calloc(ctx, 1, sizeof(*r.out));
	if (!r.out)
		return NGOJST_ENOMEM;
	r.out->ctx = ctx;
	ngojst_arena_init(&r.out->arena, ctx, 4096);
	rc = ngojst_reader_open_file(&reader, ctx, path);
	while (!rc && (rc = ngojst_reader_next(reader, &tree)) == NGOJST_OK) {
		/* The case's own calls clear the context's diagnostics; keep
		 * only a malformed file's. */
		if (run_document(&r, tree->root))
			break;
	}
	ngojst_reader_free(reader);
	if (rc == NGOJST_EOF)
		rc = NGOJST_OK;
	if (!rc)
		rc = r.err;
	if (rc) {
		ngojst_cases_free(r.out);
		return rc;
	}
	*out = r.out;
	return NGOJST_OK;
}

void ngojst_cases_free(ngojst_cases *cases)
{
	if (!cases)
		return;
	ngojst_free(cases->ctx, cases->results);
	ngojst_arena_release(&cases->arena);
	ngojst_free(cases->ctx, cases);
}

size_t ngojst_cases_count(const ngojst_cases *cases)
{
	return cases ? cases->count : 0;
}

size_t ngojst_cases_passed(const ngojst_cases *cases)
{
	return cases ? cases->passed : 0;
}

const ngojst_case_result *ngojst_cases_at(const ngojst_cases *cases, size_t index)
{
	return cases && index < cases->count ? &cases->results[index] : NULL;
}
