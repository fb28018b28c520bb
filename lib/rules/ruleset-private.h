/* Private: the compiled rule set. Built by the loader (load.c), composed
 * with overlays (overlay.c), read by the evaluator (eval.c). Immutable once
 * loaded, so one rule set may be shared by threads. */
#ifndef NGOJST_RULESET_PRIVATE_H
#define NGOJST_RULESET_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <ngojst/calendar.h>
#include <ngojst/report.h>
#include <ngojst/ruleset.h>

#include "../core/arena.h"
#include "../core/context-private.h"

/* ---- values --------------------------------------------------------- */

typedef enum ngojst_vtype {
	NGOJST_V_NONE = 0,
	NGOJST_V_INT,      /* also day counts */
	NGOJST_V_MONEY,    /* grosze */
	NGOJST_V_DATE,
	NGOJST_V_MONTHDAY, /* "day D of month M of year Y + k" */
	NGOJST_V_PERCENT,  /* hundredths of a percent (basis points): 20 % = 2000 */
	NGOJST_V_STRING,
	NGOJST_V_BOOL,
	NGOJST_V_ROLLOVER  /* none | holiday | saturday */
} ngojst_vtype;

typedef struct ngojst_monthday {
	int month, day, year_offset;
} ngojst_monthday;

typedef struct ngojst_value {
	ngojst_vtype type;
	union {
		int64_t i;  /* INT, MONEY, PERCENT */
		ngojst_date d;
		ngojst_monthday md;
		const char *s;
		bool b;
		ngojst_rollover roll;
	} u;
} ngojst_value;

/* Where something was written, for diagnostics and traceability. */
typedef struct ngojst_srcpos {
	const char *source;
	uint32_t line, column;
	size_t offset;
} ngojst_srcpos;

/* ---- parameters and lists ------------------------------------------- */

typedef enum ngojst_bound {
	NGOJST_BOUND_FIXED = 0, /* overlays may not change it */
	NGOJST_BOUND_UPPER,     /* a cap or a deadline: overlays may only lower it */
	NGOJST_BOUND_LOWER,     /* a minimum: overlays may only raise it */
	NGOJST_BOUND_FREE       /* not a statutory limit */
} ngojst_bound;

typedef struct ngojst_param_value {
	ngojst_date valid_from; /* zero: since ever */
	ngojst_date valid_to;   /* zero: open-ended; inclusive */
	ngojst_value value;
	size_t layer;           /* the layer that set this value */
	ngojst_srcpos pos;
} ngojst_param_value;

typedef struct ngojst_param {
	const char *name;
	ngojst_vtype type;
	ngojst_bound bound;
	const char *doc;
	ngojst_param_value *values;
	size_t nvalues;
	size_t layer;           /* the layer that declared it */
	ngojst_srcpos pos;
} ngojst_param;

typedef struct ngojst_list {
	const char *name;
	const char **items;
	const char **labels;    /* may hold NULLs */
	size_t count;
	bool open;              /* the law's list is open-ended ("w szczególności") */
	const char **strip;     /* prefixes a reference may carry ("pkt ") */
	size_t nstrip;
	const char **statutory; /* the base layer's items: the envelope for overlays */
	size_t nstatutory;
	size_t layer;
	ngojst_srcpos pos;
} ngojst_list;

typedef struct ngojst_source {
	const char *id;         /* "udpp" */
	const char *title;      /* full title */
	const char *short_pl;   /* used in citations: "udpp", "uchwały nr ..." */
	const char *short_en;
	const char *dzu;        /* "Dz.U. 2025 poz. 1338" */
	size_t layer;
} ngojst_source;

/* ---- operands, date expressions, conditions, checks ------------------ */

typedef struct ngojst_path {
	const char *text;       /* as written, e.g. "priority_tasks/ * /amount" without spaces */
	const char **segs;      /* split on '/'; "*" iterates a list */
	size_t nsegs;
	struct ngojst_path_memo *memo; /* each segment's field, per kind, once resolved (path.c) */
} ngojst_path;

typedef enum ngojst_opkind {
	NGOJST_OP_NONE = 0,
	NGOJST_OP_LITERAL,
	NGOJST_OP_PARAM,
	NGOJST_OP_PATH
} ngojst_opkind;

typedef struct ngojst_operand {
	ngojst_opkind kind;
	ngojst_srcpos pos;
	ngojst_value lit;
	const char *param;
	ngojst_path path;
} ngojst_operand;

typedef enum ngojst_dekind {
	NGOJST_DE_NONE = 0,
	NGOJST_DE_VALUE,        /* a date path, param or literal */
	NGOJST_DE_FIXED,        /* monthday param/literal in the year given by a path */
	NGOJST_DE_DAYS,         /* base + n days */
	NGOJST_DE_WORKING_DAYS, /* base + n working days */
	NGOJST_DE_MONTHS        /* base + n months */
} ngojst_dekind;

typedef struct ngojst_dexpr {
	ngojst_dekind kind;
	ngojst_operand base;    /* date (VALUE/DAYS/...) or year (FIXED) */
	ngojst_operand amount;  /* n, or the monthday for FIXED */
	ngojst_operand roll;    /* rollover rule; NONE = no roll */
	const char *text;       /* for messages */
} ngojst_dexpr;

typedef enum ngojst_condkind {
	NGOJST_COND_PRESENT,
	NGOJST_COND_ABSENT,
	NGOJST_COND_EQUALS,
	NGOJST_COND_ALL,
	NGOJST_COND_ANY,
	NGOJST_COND_NOT
} ngojst_condkind;

typedef struct ngojst_cond {
	ngojst_condkind kind;
	ngojst_operand field;
	ngojst_operand value;
	struct ngojst_cond *subs;
	size_t nsubs;
} ngojst_cond;

typedef enum ngojst_checkkind {
	NGOJST_CHECK_REQUIRED,
	NGOJST_CHECK_RANGE,
	NGOJST_CHECK_IN_LIST,
	NGOJST_CHECK_DATE_ORDER,
	NGOJST_CHECK_DEADLINE,
	NGOJST_CHECK_COUNT,
	NGOJST_CHECK_UNIQUE,
	NGOJST_CHECK_SUM,
	NGOJST_CHECK_SHARE,
	NGOJST_CHECK_EQUALS,
	NGOJST_CHECK_BUILTIN
} ngojst_checkkind;

typedef enum ngojst_if_missing {
	NGOJST_MISSING_IGNORE = 0,  /* no finding while the date is absent */
	NGOJST_MISSING_OVERDUE      /* absent and as_of past the due date: finding */
} ngojst_if_missing;

typedef struct ngojst_check {
	ngojst_checkkind kind;
	ngojst_operand *fields;     /* REQUIRED with a list of paths */
	size_t nfields;
	ngojst_operand field;       /* REQUIRED, RANGE, IN_LIST, COUNT, UNIQUE, EQUALS; SUM items; SHARE part */
	ngojst_operand min, max;    /* RANGE, COUNT, SUM, SHARE (percent) */
	ngojst_operand value;       /* EQUALS */
	ngojst_operand total;       /* SHARE whole */
	const char *list;           /* IN_LIST */
	/* DATE_ORDER: first <= then; DEADLINE: field (first) <= due (then).
	 * In the rule set's arena, for those two kinds only: inline they
	 * would double the size of every rule. */
	ngojst_dexpr *first, *then;
	bool strict;                /* DATE_ORDER: first < then */
	ngojst_if_missing if_missing;
	const char *builtin;        /* BUILTIN */
} ngojst_check;

/* ---- rules, layers, the set ----------------------------------------- */

typedef struct ngojst_basis {
	const char *act;  /* source id */
	const char *art;
	const char *par;  /* § of a resolution */
	const char *ust;
	const char *pkt;
	const char *lit;
	const char *zd;
} ngojst_basis;

typedef struct ngojst_rule {
	const char *id;
	const char **kinds;
	size_t nkinds;
	ngojst_check check;
	ngojst_cond *when;            /* NULL: always */
	ngojst_severity severity;
	ngojst_consequence consequence;
	ngojst_status status;
	ngojst_basis basis;
	const char *title[2];         /* short description, pl and en */
	const char *message[2];       /* pl and en, with {placeholders} */
	const char *missing_message[2]; /* DEADLINE with if_missing: overdue */
	const char *note;             /* why: the status, a case, a caveat */
	ngojst_date valid_from, valid_to;
	ngojst_operand in_force_on;   /* date field judged against valid_from/to; NONE: the law date */
	bool enabled;
	size_t layer;                 /* defining layer */
	size_t changed_by;            /* last layer that changed it */
	ngojst_srcpos pos;
} ngojst_rule;

/* The text a layer was compiled from; overlays recompile their base's
 * units, so a composed rule set never points into another one. */
typedef struct ngojst_unit {
	size_t layer;
	const char *source;
	const char *text;
	size_t len;
} ngojst_unit;

typedef struct ngojst_layer {
	const char *id;
	const char *version;
	const char *title;
	const char *extends;
	char sha256[65];
	const char *source;           /* "<builtin>", a path, "<string>" */
} ngojst_layer;

typedef enum ngojst_conflict_kind {
	NGOJST_CONFLICT_RULE,
	NGOJST_CONFLICT_PARAM,
	NGOJST_CONFLICT_LIST
} ngojst_conflict_kind;

typedef struct ngojst_conflict {
	const char *message;          /* English */
	ngojst_conflict_kind kind;
	const char *subject;          /* rule id or parameter/list name */
	ngojst_srcpos pos;
	size_t layer;
} ngojst_conflict;

struct ngojst_ruleset {
	ngojst_context *ctx;
	ngojst_arena arena;
	ngojst_layer *layers;
	size_t nlayers;
	ngojst_source *sources;
	size_t nsources;
	ngojst_list *lists;
	size_t nlists;
	ngojst_param *params;
	size_t nparams;
	ngojst_rule *rules;           /* in definition order */
	size_t nrules;
	/* Rules by id: open addressing, 1 + the rule's index per slot (0:
	 * empty); rule_slots is 0 or a power of two, at most half full. */
	uint32_t *rule_index;
	size_t rule_slots;
	ngojst_conflict *conflicts;
	size_t nconflicts;
	ngojst_unit *units;
	size_t nunits;
	ngojst_rule_info *infos;      /* public views, one per rule, built at load */
	struct ngojst_scoring *scoring; /* the `scoring:` section (scoring-private.h), in the arena, or NULL */
	size_t cap_layers, cap_sources, cap_lists, cap_params, cap_rules, cap_conflicts, cap_units;
	/* For each kind (in ngojst_kind_at order), the indexes of the enabled
	 * rules naming it, in definition order: checking a document goes
	 * through those only, not through (and the cache misses of) every
	 * rule of every kind. Built with the infos; NULL until then. */
	size_t **kind_rules;
	size_t *kind_nrules;
	size_t nkinds;
};

const ngojst_param *ngojst_ruleset_param(const ngojst_ruleset *rs, const char *name);
const ngojst_list *ngojst_ruleset_list(const ngojst_ruleset *rs, const char *name);
const ngojst_source *ngojst_ruleset_source(const ngojst_ruleset *rs, const char *id);
const ngojst_rule *ngojst_ruleset_rule(const ngojst_ruleset *rs, const char *id);
/* Add rs->rules[i] to the index behind ngojst_ruleset_rule. NGOJST_ENOMEM. */
int ngojst_ruleset_index_rule(ngojst_ruleset *rs, size_t i);
/* The parameter's value in force on a date; NULL if none. */
const ngojst_param_value *ngojst_param_at(const ngojst_param *p, ngojst_date when);
bool ngojst_rule_applies(const ngojst_rule *r, const char *kind, ngojst_date law_date);
bool ngojst_date_in(ngojst_date d, ngojst_date from, ngojst_date to);
/* Citation text, e.g. "art. 5a ust. 4 pkt 1 udpp" or "art. 5a sec. 4 item 1 udpp". */
int ngojst_rule_citation(const ngojst_ruleset *rs, const ngojst_rule *r, ngojst_lang lang, char *buf, size_t size);

#endif
