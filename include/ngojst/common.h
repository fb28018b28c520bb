/**
 * @file common.h
 * @brief Context, allocator hooks, limits, error codes and diagnostics.
 *
 * @defgroup common Context and errors
 * @{
 *
 * Every fallible function returns an `int`: 0 (#NGOJST_OK) on success or a
 * negative `NGOJST_E*` code. A document that breaks a rule is *not* an error:
 * validation succeeds and fills a report. Errors are reserved for I/O, memory,
 * misuse, unreadable input and malformed rule sets.
 *
 * Details of the last failure (one or more positioned diagnostics) are kept on
 * the context, like sqlite3_errmsg(); there is no global error state.
 *
 * Thread safety: a context must not be used by two threads at once; distinct
 * contexts are independent.
 */
#ifndef NGOJST_COMMON_H
#define NGOJST_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <ngojst/export.h>

NGOJST_BEGIN_DECLS

/** Error codes. Success is 0; every error is negative. */
typedef enum ngojst_error_code {
	NGOJST_OK = 0,         /**< Success. */
	NGOJST_ERROR = -1,     /**< Generic or internal error. */
	NGOJST_ENOMEM = -2,    /**< An allocation failed. */
	NGOJST_EIO = -3,       /**< A file could not be opened or read. */
	NGOJST_EINVAL = -4,    /**< Misuse: a bad argument to an API function. */
	NGOJST_EPARSE = -5,    /**< Input is not well-formed YAML/JSON or not valid UTF-8. */
	NGOJST_EINPUT = -6,    /**< Input is well-formed but does not fit its schema (types, keys). */
	NGOJST_ERULESET = -7,  /**< A rule set is malformed or inconsistent. */
	NGOJST_ELIMIT = -8,    /**< A configured resource limit was exceeded. */
	NGOJST_ENOTFOUND = -9, /**< A named item (rule, kind, list) does not exist. */
	NGOJST_ERANGE = -10,   /**< A value is out of range (overflow, impossible date). */
	NGOJST_EOF = -11       /**< No more documents in a stream (not a failure). */
} ngojst_error_code;

/**
 * Static English description of an error code.
 * @param code a value of #ngojst_error_code.
 * @return a string that lives for the whole program; never NULL.
 */
NGOJST_API const char *ngojst_strerror(int code);

/**
 * Version string of the library actually linked, "X.Y.Z".
 *
 * This is the run-time counterpart of #NGOJST_VERSION in
 * <ngojst/version.h>, which gives the version of the headers a program was
 * compiled with; the two differ when a program runs against another build of
 * the shared library.
 * @return a static string that lives for the whole program; never NULL.
 *
 * Needs no context and may be called from any thread.
 */
NGOJST_API const char *ngojst_version(void);

/**
 * Version number of the library actually linked.
 *
 * Encoded like #NGOJST_VERSION_NUMBER: X * 1000000 + Y * 1000 + Z, so that
 * `ngojst_version_number() >= NGOJST_VERSION_NUMBER` checks at run time that
 * the library is at least as new as the headers the program was built with.
 * @return the version number of the linked library.
 *
 * Needs no context and may be called from any thread.
 */
NGOJST_API int ngojst_version_number(void);

/**
 * Allocator hooks. All three functions and the user pointer are passed to
 * every allocation the library makes through a context. libyaml's own
 * internal allocations cannot be hooked; they are freed before each call
 * returns.
 */
typedef struct ngojst_allocator {
	void *(*malloc)(size_t size, void *ud);              /**< Like malloc(). */
	void *(*realloc)(void *ptr, size_t size, void *ud);  /**< Like realloc(). */
	void (*free)(void *ptr, void *ud);                   /**< Like free(); accepts NULL. */
	void *ud;                                            /**< User pointer passed to the hooks. */
} ngojst_allocator;

/**
 * Resource limits. Zero in any field means "use the default". Exceeding a
 * limit is a positioned diagnostic with #NGOJST_ELIMIT, never a crash.
 */
typedef struct ngojst_limits {
	size_t max_input_bytes;      /**< Largest input file or buffer (default 64 MiB). */
	size_t max_document_bytes;   /**< Largest single document in a stream (default 16 MiB). */
	unsigned max_depth;          /**< Deepest nesting of collections (default 64). */
	size_t max_nodes;            /**< Nodes in one document (default 1 000 000). */
	size_t max_alias_expansions; /**< Nodes reachable through aliases in one document (default 10 000). */
	size_t max_scalar_bytes;     /**< Longest scalar (default 1 MiB). */
	size_t max_findings;         /**< Findings kept in one report (default 10 000). */
	size_t max_diagnostics;      /**< Diagnostics kept for one failed call (default 100). */
} ngojst_limits;

/** Options for ngojst_context_new(). Initialise with NGOJST_CONTEXT_OPTIONS_INIT. */
typedef struct ngojst_context_options {
	unsigned version;            /**< Must be NGOJST_CONTEXT_OPTIONS_VERSION. */
	const ngojst_allocator *allocator; /**< NULL: the C library's malloc/realloc/free. */
	ngojst_limits limits;        /**< Resource limits; zero fields take defaults. */
} ngojst_context_options;

/** Current version of #ngojst_context_options. */
#define NGOJST_CONTEXT_OPTIONS_VERSION 1
/** Initialiser for #ngojst_context_options with every default. */
#define NGOJST_CONTEXT_OPTIONS_INIT { NGOJST_CONTEXT_OPTIONS_VERSION, NULL, { 0, 0, 0, 0, 0, 0, 0, 0 } }

/** A library context: allocator, limits and the details of the last error. */
typedef struct ngojst_context ngojst_context;

/**
 * Create a context.
 * @param[out] out receives the new context; free it with ngojst_context_free().
 * @param[in] opts options, or NULL for all defaults. Copied; not retained.
 * @return 0, #NGOJST_ENOMEM or #NGOJST_EINVAL (unknown options version).
 */
NGOJST_API int ngojst_context_new(ngojst_context **out, const ngojst_context_options *opts);

/**
 * Free a context. Every object created through it must be freed first.
 * @param ctx the context, or NULL (no-op).
 */
NGOJST_API void ngojst_context_free(ngojst_context *ctx);

/**
 * The limits in force for a context, defaults filled in.
 * @param ctx the context.
 * @return a pointer valid while the context lives.
 */
NGOJST_API const ngojst_limits *ngojst_context_limits(const ngojst_context *ctx);

/**
 * Allocate memory with the context's allocator. Release it with ngojst_free().
 * Used for strings the library hands to the caller (e.g. formatted reports).
 * @param ctx the context.
 * @param size bytes to allocate.
 * @return the memory, or NULL when out of memory.
 */
NGOJST_API void *ngojst_malloc(ngojst_context *ctx, size_t size);

/**
 * Free memory that the library returned to the caller.
 * @param ctx the context the memory came from.
 * @param ptr the memory, or NULL (no-op).
 */
NGOJST_API void ngojst_free(ngojst_context *ctx, void *ptr);

/** Output language for messages. */
typedef enum ngojst_lang {
	NGOJST_LANG_PL = 0, /**< Polish. */
	NGOJST_LANG_EN = 1  /**< English. */
} ngojst_lang;

/**
 * Parse a language tag ("pl" or "en").
 * @param[out] out the language.
 * @param tag the tag.
 * @return 0 or #NGOJST_EINVAL.
 */
NGOJST_API int ngojst_lang_parse(ngojst_lang *out, const char *tag);

/**
 * A positioned diagnostic about an input that could not be used (a syntax
 * error, a type error, an unknown key, a malformed rule). Line and column are
 * 1-based (column in Unicode code points); 0 means unknown.
 */
typedef struct ngojst_diag {
	int code;             /**< The #ngojst_error_code this diagnostic explains. */
	const char *source;   /**< File name, or "<string>", "<stdin>", "<builtin>". */
	unsigned line;        /**< 1-based line, 0 if unknown. */
	unsigned column;      /**< 1-based column, 0 if unknown. */
	size_t offset;        /**< 0-based byte offset in the source. */
	const char *path;     /**< JSON pointer into the document ("" for the root), or NULL. */
	const char *message;  /**< English message. */
} ngojst_diag;

/**
 * Number of diagnostics recorded by the last failing call on this context.
 * A successful call clears them.
 * @param ctx the context.
 * @return the count (possibly 0 even after a failure, e.g. for ENOMEM).
 */
NGOJST_API size_t ngojst_diag_count(const ngojst_context *ctx);

/**
 * One diagnostic of the last failing call.
 * @param ctx the context.
 * @param index 0 .. ngojst_diag_count() - 1.
 * @return a borrowed pointer valid until the next call on the context, or NULL
 *         if the index is out of range.
 */
NGOJST_API const ngojst_diag *ngojst_diag_at(const ngojst_context *ctx, size_t index);

/**
 * Number of diagnostics dropped because #ngojst_limits.max_diagnostics was reached.
 * @param ctx the context.
 * @return the count.
 */
NGOJST_API size_t ngojst_diag_dropped(const ngojst_context *ctx);

/**
 * Format the last failure's diagnostics as compiler-style lines
 * (`source:line:col: error: message`), one per line.
 * @param ctx the context.
 * @param[out] out receives a NUL-terminated string; free with ngojst_free().
 * @return 0 or #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_diag_format(ngojst_context *ctx, char **out);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_COMMON_H */
