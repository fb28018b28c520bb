/**
 * @file document.h
 * @brief Loading YAML/JSON documents into typed structs.
 *
 * @defgroup document Documents
 * @{
 *
 * A document is one YAML or JSON document bound to the C struct of its kind
 * (e.g. #ngojst_programme for `kind: AnnualProgramme`). It keeps the parsed
 * tree so that findings can point at line and column. Binding reports every
 * type error and unknown key at once (with a "did you mean" for near misses)
 * as diagnostics on the context, and fails with #NGOJST_EINPUT.
 *
 * A C program that already has its data skips loading: it fills the struct
 * and wraps it with ngojst_document_wrap().
 *
 * Thread safety: a document may be read (validated) by several threads at
 * once; loading and freeing need exclusive use of the context.
 */
#ifndef NGOJST_DOCUMENT_H
#define NGOJST_DOCUMENT_H

#include <stdio.h>

#include <ngojst/common.h>
#include <ngojst/date.h>

NGOJST_BEGIN_DECLS

/** A document bound to the struct of its kind. */
typedef struct ngojst_document ngojst_document;

/** A reader of a multi-document stream (YAML `---` separated, or one JSON value). */
typedef struct ngojst_stream ngojst_stream;

/**
 * Number of document kinds the library knows.
 * @return the count, the same for the whole life of the program; the kinds
 *         are indexed 0 .. count - 1 in ngojst_kind_name() and
 *         ngojst_kind_description().
 */
NGOJST_API size_t ngojst_kind_count(void);

/**
 * Name of a kind ("AnnualProgramme", ...).
 * @param index 0 .. ngojst_kind_count() - 1.
 * @return a static string, or NULL if out of range.
 */
NGOJST_API const char *ngojst_kind_name(size_t index);
/**
 * One-line English description of a kind.
 * @param index 0 .. ngojst_kind_count() - 1.
 * @return a static string, or NULL if out of range.
 */
NGOJST_API const char *ngojst_kind_description(size_t index);

/**
 * Open a stream over a file.
 * @param[out] out the stream; free with ngojst_stream_free().
 * @param ctx the context; must outlive the stream.
 * @param path the file.
 * @return 0, #NGOJST_EIO (with a diagnostic), #NGOJST_ELIMIT, #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_stream_open_file(ngojst_stream **out, ngojst_context *ctx, const char *path);

/**
 * Open a stream over a buffer. The buffer is not copied and must outlive the stream.
 * @param[out] out the stream.
 * @param ctx the context.
 * @param source_name name for diagnostics, or NULL for "<string>".
 * @param data the text (need not be NUL-terminated).
 * @param len its length in bytes.
 * @return 0, #NGOJST_ELIMIT, #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_stream_open_buffer(ngojst_stream **out, ngojst_context *ctx, const char *source_name, const char *data, size_t len);

/**
 * Open a stream over an open FILE (e.g. stdin), read incrementally; the FILE
 * is not closed.
 * @param[out] out the stream.
 * @param ctx the context.
 * @param source_name name for diagnostics, or NULL for "<stdin>".
 * @param file the open file.
 * @return 0 or #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_stream_open_fp(ngojst_stream **out, ngojst_context *ctx, const char *source_name, FILE *file);

/**
 * Read and bind the next document.
 *
 * A document that is well-formed but does not fit its kind fails with
 * #NGOJST_EINPUT; the stream stays usable and the next call reads the next
 * document. A syntax error (#NGOJST_EPARSE) or a limit (#NGOJST_ELIMIT)
 * ends the stream: later calls return the same code.
 *
 * @param s the stream.
 * @param default_kind kind for documents without a `kind:` key, or NULL to
 *        require the key.
 * @param[out] out the document; free with ngojst_document_free(). It does
 *        not depend on the stream and may outlive it.
 * @return 0; #NGOJST_EOF after the last document; #NGOJST_EPARSE,
 *         #NGOJST_EINPUT, #NGOJST_ELIMIT, #NGOJST_EIO or #NGOJST_ENOMEM with
 *         diagnostics on the context.
 */
NGOJST_API int ngojst_stream_next(ngojst_stream *s, const char *default_kind, ngojst_document **out);

/**
 * Position in a stream: the 0-based index of the document the next
 * ngojst_stream_next() reads.
 *
 * It counts every document read so far, including one that was read but
 * failed to bind (#NGOJST_EINPUT). After #NGOJST_EPARSE or #NGOJST_ELIMIT it
 * is the index of the document that failed. At #NGOJST_EOF it is the number
 * of documents in the input, so 0 then means the input held none.
 * @param s the stream, or NULL.
 * @return the position; 0 for NULL.
 */
NGOJST_API size_t ngojst_stream_position(const ngojst_stream *s);

/**
 * Free a stream. Documents it returned do not depend on it and stay valid;
 * a buffer given to ngojst_stream_open_buffer() may be released afterwards;
 * a FILE given to ngojst_stream_open_fp() is not closed.
 * @param s the stream, or NULL (no-op). Free it before its context.
 */
NGOJST_API void ngojst_stream_free(ngojst_stream *s);

/**
 * Load exactly one document from a buffer (a second document is an error).
 * @param[out] out the document.
 * @param ctx the context.
 * @param source_name name for diagnostics, or NULL for "<string>".
 * @param data the text; copied as needed, need not outlive the call.
 * @param len its length.
 * @param default_kind as for ngojst_stream_next().
 * @return as for ngojst_stream_next(), with an empty input an #NGOJST_EINPUT.
 */
NGOJST_API int ngojst_document_load_buffer(ngojst_document **out, ngojst_context *ctx, const char *source_name, const char *data, size_t len, const char *default_kind);

/**
 * Load exactly one document from a file.
 * @param[out] out the document.
 * @param ctx the context.
 * @param path the file.
 * @param default_kind as for ngojst_stream_next().
 * @return as for ngojst_document_load_buffer(), or #NGOJST_EIO.
 */
NGOJST_API int ngojst_document_load_file(ngojst_document **out, ngojst_context *ctx, const char *path, const char *default_kind);

/**
 * Wrap a struct filled by the caller (no tree: findings have no position).
 * @param[out] out the document; the struct is borrowed and must outlive it.
 * @param ctx the context.
 * @param kind the kind name, e.g. "AnnualProgramme".
 * @param data pointer to the kind's struct (e.g. a #ngojst_programme).
 * @param source_name name used in reports, or NULL for "<data>".
 * @return 0, #NGOJST_ENOTFOUND (unknown kind), #NGOJST_EINVAL, #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_document_wrap(ngojst_document **out, ngojst_context *ctx, const char *kind, const void *data, const char *source_name);

/**
 * Free a document with its bound struct, strings and parsed tree. For a
 * document made by ngojst_document_wrap() the caller's struct is not
 * touched. Reports made from the document do not depend on it.
 * @param doc the document, or NULL (no-op). Free it before its context, and
 *        only once no thread is validating it.
 */
NGOJST_API void ngojst_document_free(ngojst_document *doc);

/**
 * The document's kind name, e.g. "AnnualProgramme".
 * @param doc the document, or NULL.
 * @return a static string (the one ngojst_kind_name() returns for the kind);
 *         NULL for a NULL doc.
 */
NGOJST_API const char *ngojst_document_kind(const ngojst_document *doc);

/**
 * The struct bound from the document: cast it to the type of the document's
 * kind (e.g. a #ngojst_programme for "AnnualProgramme").
 * @param doc the document, or NULL.
 * @return the struct, or NULL for a NULL doc. For a loaded document it is
 *         owned by the document and valid while the document lives; for a
 *         wrapped one it is the caller's struct given to ngojst_document_wrap().
 */
NGOJST_API const void *ngojst_document_data(const ngojst_document *doc);

/**
 * The document's source name, as used in diagnostics and reports: the file
 * path, the source_name given when opening or wrapping, or the default
 * ("<string>", "<stdin>", "<data>").
 * @param doc the document, or NULL.
 * @return a copy owned by the document, valid while it lives; NULL for a
 *         NULL doc.
 */
NGOJST_API const char *ngojst_document_source(const ngojst_document *doc);

/**
 * 0-based index of the document in the stream it was read from.
 * @param doc the document, or NULL.
 * @return the index; 0 for a document loaded with
 *         ngojst_document_load_buffer() or ngojst_document_load_file(), for a
 *         wrapped document and for NULL.
 */
NGOJST_API size_t ngojst_document_index(const ngojst_document *doc);

/**
 * Position of a value in the source, by JSON pointer.
 * @param doc the document.
 * @param pointer a JSON pointer such as "/priority_tasks/2/amount".
 * @param[out] line 1-based line (0 when unknown).
 * @param[out] column 1-based column (0 when unknown).
 * @return 0, or #NGOJST_ENOTFOUND when the document has no such value or no tree.
 */
NGOJST_API int ngojst_document_position(const ngojst_document *doc, const char *pointer, unsigned *line, unsigned *column);

/**
 * Initialise a kind's struct to "everything absent" (NULL strings, zero
 * dates, #NGOJST_MONEY_NONE amounts, #NGOJST_INT_NONE integers, unset flags).
 * @param kind the kind name.
 * @param data the struct to initialise.
 * @return 0 or #NGOJST_ENOTFOUND.
 */
NGOJST_API int ngojst_kind_init(const char *kind, void *data);

/** Marks an absent integer in a model struct. */
#define NGOJST_INT_NONE INT64_MIN

/** A yes/no value that may be absent. */
typedef enum ngojst_flag {
	NGOJST_FLAG_UNSET = 0, /**< Not stated. */
	NGOJST_FLAG_NO = 1,    /**< false */
	NGOJST_FLAG_YES = 2    /**< true */
} ngojst_flag;

/** A list of strings. */
typedef struct ngojst_strings {
	const char *const *items; /**< The strings. */
	size_t count;             /**< How many. */
} ngojst_strings;

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_DOCUMENT_H */
