/* ngojst-bench: the C contenders of bench/run.py.
 *
 *   ngojst-bench MODE [options] FILE
 *
 * MODE
 *   libyaml  raw yaml_parser_parse() loop over the whole stream, counting
 *            events: the upper limit for anything built on libyaml
 *   load     ngojst_stream_next() only (parse, build the tree, bind)
 *   check    load + ngojst_validate() with the built-in rule set; a document
 *            is flagged when loading rejects it (NGOJST_EINPUT) or its report
 *            has at least one error-level finding
 *
 * Options
 *   --jsonl        FILE holds JSON lines: one document per line, each parsed
 *                  on its own (libyaml: a parser per line; ngojst:
 *                  ngojst_document_load_buffer() per line)
 *   --from-file    read through the file readers (yaml_parser_set_input_file,
 *                  ngojst_stream_open_file, getline for --jsonl) instead of
 *                  reading the whole file into memory first (the default)
 *   --as-of DATE   "today" for check (default 2027-01-15)
 *   --list         print the 0-based indexes of flagged documents
 *   --warmup N     untimed passes before timing (default 0)
 *   --min-time S   repeat timed passes until S seconds have passed (default 0:
 *                  one pass); the result is the mean time of one pass
 *
 * Prints one JSON object on stdout: documents, bytes, flagged, events,
 * wall-clock and CPU seconds per pass, set-up time (rule set), peak RSS
 * (VmHWM).
 * SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <yaml.h>

#include <ngojst/ngojst.h>

enum mode { MODE_LIBYAML, MODE_LOAD, MODE_CHECK };

typedef struct opts {
	enum mode mode;
	const char *path;
	bool jsonl;
	bool from_file;
	bool list;
	const char *as_of;
	int warmup;
	double min_time;
} opts;

typedef struct result {
	size_t docs;
	size_t flagged;
	size_t events;
	size_t *flagged_idx; /* --list, first pass only */
	size_t nidx, capidx;
	bool record;
} result;

typedef struct env {
	const opts *o;
	char *data; /* the whole file, unless --from-file */
	size_t len;
	ngojst_context *ctx;
	ngojst_ruleset *rs;
	ngojst_validate_options vopts;
} env;

static double clock_of(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
	return clock_of(CLOCK_MONOTONIC);
}

/* CPU time of the process: robust to other programs sharing the CPUs. */
static double cpu_now(void)
{
	return clock_of(CLOCK_PROCESS_CPUTIME_ID);
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ngojst-bench: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void die_ctx(ngojst_context *ctx, int rc, const char *what)
{
	size_t i;

	fprintf(stderr, "ngojst-bench: %s: %s\n", what, ngojst_strerror(rc));
	for (i = 0; ctx && i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		fprintf(stderr, "  %s:%u:%u: %s\n", d->source, d->line, d->column, d->message);
	}
	exit(2);
}

static void flag(result *r, size_t index)
{
	r->flagged++;
	if (!r->record)
		return;
	if (r->nidx == r->capidx) {
		r->capidx = r->capidx ? r->capidx * 2 : 64;
		r->flagged_idx = realloc(r->flagged_idx, r->capidx * sizeof(*r->flagged_idx));
		if (!r->flagged_idx)
			die("%s", "out of memory");
	}
	r->flagged_idx[r->nidx++] = index;
}

/* Peak RSS in KiB: VmHWM of /proc/self/status where there is one. (The
 * ru_maxrss of getrusage() also counts the image a process had before its
 * exec, i.e. the RSS of whatever forked it: a Python runner, say.) */
static long peak_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	struct rusage ru;

	if (f) {
		while (fgets(line, sizeof(line), f))
			if (!strncmp(line, "VmHWM:", 6)) {
				kib = strtol(line + 6, NULL, 10);
				break;
			}
		fclose(f);
	}
	if (kib < 0 && getrusage(RUSAGE_SELF, &ru) == 0)
		kib = ru.ru_maxrss;
	return kib;
}

static void read_all(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 20, n = 0, got;
	char *buf = malloc(cap);

	if (!f)
		die("cannot open %s", path);
	if (!buf)
		die("%s", "out of memory");
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			if (!(buf = realloc(buf, cap)))
				die("%s", "out of memory");
		}
	}
	if (ferror(f))
		die("cannot read %s", path);
	fclose(f);
	*out = buf;
	*len = n;
}

/* ---- libyaml ------------------------------------------------------------ */

static void libyaml_parse(yaml_parser_t *p, result *r, bool count_docs)
{
	yaml_event_t ev;

	for (;;) {
		if (!yaml_parser_parse(p, &ev))
			die("libyaml: %s", p->problem ? p->problem : "error");
		r->events++;
		if (count_docs && ev.type == YAML_DOCUMENT_START_EVENT)
			r->docs++;
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			return;
		}
		yaml_event_delete(&ev);
	}
}

static void libyaml_one(const char *s, size_t n, result *r)
{
	yaml_parser_t p;

	if (!yaml_parser_initialize(&p))
		die("%s", "out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
	libyaml_parse(&p, r, false);
	yaml_parser_delete(&p);
	r->docs++;
}

/* ---- ngojst ------------------------------------------------------------- */

/* Check one loaded document; returns whether it is flagged. */
static bool check_doc(env *e, ngojst_document *doc)
{
	ngojst_report *rep = NULL;
	int rc = ngojst_validate(e->ctx, e->rs, doc, &e->vopts, &rep);
	bool bad;

	if (rc)
		die_ctx(e->ctx, rc, "validate");
	bad = ngojst_report_count_severity(rep, NGOJST_SEVERITY_ERROR) > 0;
	ngojst_report_free(rep);
	return bad;
}

static void handle(env *e, int rc, ngojst_document *doc, size_t index, result *r)
{
	r->docs++;
	if (rc == NGOJST_EINPUT) {
		flag(r, index); /* rejected by the binder: a wrong type, a negative amount */
		return;
	}
	if (rc)
		die_ctx(e->ctx, rc, "load");
	if (e->o->mode == MODE_CHECK && check_doc(e, doc))
		flag(r, index);
	ngojst_document_free(doc);
}

static void ngojst_stream_pass(env *e, result *r)
{
	ngojst_stream *s = NULL;
	int rc;

	if (e->o->from_file)
		rc = ngojst_stream_open_file(&s, e->ctx, e->o->path);
	else
		rc = ngojst_stream_open_buffer(&s, e->ctx, e->o->path, e->data, e->len);
	if (rc)
		die_ctx(e->ctx, rc, "open");
	for (;;) {
		ngojst_document *doc = NULL;
		size_t index = ngojst_stream_position(s);

		rc = ngojst_stream_next(s, NULL, &doc);
		if (rc == NGOJST_EOF)
			break;
		handle(e, rc, doc, index, r);
	}
	ngojst_stream_free(s);
}

/* ---- passes ----------------------------------------------------------- */

static void one_line(env *e, const char *s, size_t n, size_t index, result *r)
{
	ngojst_document *doc = NULL;
	int rc;

	if (e->o->mode == MODE_LIBYAML) {
		libyaml_one(s, n, r);
		return;
	}
	rc = ngojst_document_load_buffer(&doc, e->ctx, e->o->path, s, n, NULL);
	handle(e, rc, doc, index, r);
}

static void jsonl_pass(env *e, result *r)
{
	size_t index = 0;

	if (e->o->from_file) {
		FILE *f = fopen(e->o->path, "rb");
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;

		if (!f)
			die("cannot open %s", e->o->path);
		while ((n = getline(&line, &cap, f)) > 0) {
			if (n == 1 && line[0] == '\n')
				continue;
			one_line(e, line, (size_t)n, index++, r);
		}
		free(line);
		fclose(f);
		return;
	}
	{
		const char *p = e->data, *end = e->data + e->len;

		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *stop = nl ? nl : end;

			if (stop > p)
				one_line(e, p, (size_t)(stop - p), index++, r);
			p = nl ? nl + 1 : end;
		}
	}
}

static void pass(env *e, result *r)
{
	if (e->o->jsonl) {
		jsonl_pass(e, r);
	} else if (e->o->mode == MODE_LIBYAML) {
		yaml_parser_t p;
		FILE *f = NULL;

		if (!yaml_parser_initialize(&p))
			die("%s", "out of memory");
		if (e->o->from_file) {
			if (!(f = fopen(e->o->path, "rb")))
				die("cannot open %s", e->o->path);
			yaml_parser_set_input_file(&p, f);
		} else {
			yaml_parser_set_input_string(&p, (const unsigned char *)e->data, e->len);
		}
		libyaml_parse(&p, r, true);
		yaml_parser_delete(&p);
		if (f)
			fclose(f);
	} else {
		ngojst_stream_pass(e, r);
	}
}

static void usage(void)
{
	fputs("usage: ngojst-bench libyaml|load|check [--jsonl] [--from-file] [--as-of DATE] [--list]\n"
	      "                    [--warmup N] [--min-time SECONDS] FILE\n",
	      stderr);
	exit(2);
}

static void parse_args(opts *o, int argc, char **argv)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->as_of = "2027-01-15";
	if (argc < 3)
		usage();
	if (!strcmp(argv[1], "libyaml"))
		o->mode = MODE_LIBYAML;
	else if (!strcmp(argv[1], "load"))
		o->mode = MODE_LOAD;
	else if (!strcmp(argv[1], "check"))
		o->mode = MODE_CHECK;
	else
		usage();
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--jsonl"))
			o->jsonl = true;
		else if (!strcmp(argv[i], "--from-file"))
			o->from_file = true;
		else if (!strcmp(argv[i], "--list"))
			o->list = true;
		else if (!strcmp(argv[i], "--as-of") && i + 1 < argc)
			o->as_of = argv[++i];
		else if (!strcmp(argv[i], "--warmup") && i + 1 < argc)
			o->warmup = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--min-time") && i + 1 < argc)
			o->min_time = atof(argv[++i]);
		else if (argv[i][0] == '-' || o->path)
			usage();
		else
			o->path = argv[i];
	}
	if (!o->path)
		usage();
}

int main(int argc, char **argv)
{
	opts o;
	env e;
	result r, first;
	double t0, t1, c0, c1, setup = 0, elapsed, cpu;
	size_t passes = 0, i;
	int rc, k;

	parse_args(&o, argc, argv);
	memset(&e, 0, sizeof(e));
	e.o = &o;
	if (!o.from_file)
		read_all(o.path, &e.data, &e.len);
	if (o.mode != MODE_LIBYAML) {
		ngojst_context_options co = NGOJST_CONTEXT_OPTIONS_INIT;

		/* A 100 000-document stream is bigger than the default
		 * max_input_bytes (64 MiB); every other limit keeps its default. */
		co.limits.max_input_bytes = (size_t)1 << 40;
		if ((rc = ngojst_context_new(&e.ctx, &co)))
			die_ctx(NULL, rc, "context");
		if (o.mode == MODE_CHECK) {
			ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;

			t0 = now();
			if ((rc = ngojst_ruleset_load_builtin(&e.rs, e.ctx)))
				die_ctx(e.ctx, rc, "built-in rule set");
			setup = now() - t0;
			if (ngojst_date_parse(&vo.as_of, o.as_of, strlen(o.as_of)))
				die("bad --as-of %s", o.as_of);
			e.vopts = vo;
		}
	}
	for (k = 0; k < o.warmup; k++) {
		memset(&r, 0, sizeof(r));
		pass(&e, &r);
	}
	memset(&first, 0, sizeof(first));
	first.record = o.list;
	t0 = now();
	c0 = cpu_now();
	pass(&e, &first);
	passes = 1;
	t1 = now();
	while (t1 - t0 < o.min_time) {
		memset(&r, 0, sizeof(r));
		pass(&e, &r);
		passes++;
		t1 = now();
	}
	c1 = cpu_now();
	elapsed = (t1 - t0) / (double)passes;
	cpu = (c1 - c0) / (double)passes;

	printf("{\"mode\": \"%s\", \"input\": \"%s\", \"format\": \"%s\", \"docs\": %zu, \"bytes\": %lld, "
	       "\"flagged\": %zu, \"events\": %zu, \"passes\": %zu, \"seconds\": %.9f, \"cpu_seconds\": %.9f, "
	       "\"setup_seconds\": %.9f, \"maxrss_kb\": %ld",
	       argv[1], o.from_file ? "file" : "memory", o.jsonl ? "jsonl" : "yaml", first.docs,
	       o.from_file ? -1LL : (long long)e.len, first.flagged, first.events, passes, elapsed, cpu, setup,
	       peak_rss_kib());
	if (o.list) {
		printf(", \"flagged_indexes\": [");
		for (i = 0; i < first.nidx; i++)
			printf("%s%zu", i ? ", " : "", first.flagged_idx[i]);
		printf("]");
	}
	printf("}\n");
	free(first.flagged_idx);
	ngojst_ruleset_free(e.rs);
	ngojst_context_free(e.ctx);
	free(e.data);
	return 0;
}
