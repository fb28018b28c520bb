/**
 * @file export.h
 * @brief Symbol visibility and deprecation macros.
 *
 * @defgroup export Symbol visibility
 * @{
 *
 * Macros that mark the exported functions and wrap the declarations for C++.
 * Define NGOJST_STATIC before including any ngojst header when linking the
 * static library on platforms that distinguish (Windows). The library's own
 * sources define NGOJST_COMPILATION. Every header includes this one; a
 * program need not include it itself.
 */
#ifndef NGOJST_EXPORT_H
#define NGOJST_EXPORT_H

/**
 * @def NGOJST_API
 * Marks a function the shared library exports: `__declspec(dllexport)` or
 * `__declspec(dllimport)` on Windows (nothing with NGOJST_STATIC), default
 * visibility with GCC and Clang, empty elsewhere.
 */
/**
 * @def NGOJST_DEPRECATED
 * Marks a declaration as deprecated: `__attribute__((deprecated))` with GCC
 * and Clang, empty elsewhere.
 */
/**
 * @def NGOJST_BEGIN_DECLS
 * Opens `extern "C" {` when compiled as C++, so the declarations keep their
 * C names; empty in C. Closed by NGOJST_END_DECLS.
 */
/**
 * @def NGOJST_END_DECLS
 * Closes the block NGOJST_BEGIN_DECLS opened: `}` in C++, empty in C.
 */

#if defined(_WIN32) && !defined(NGOJST_STATIC)
#  ifdef NGOJST_COMPILATION
#    define NGOJST_API __declspec(dllexport)
#  else
#    define NGOJST_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define NGOJST_API __attribute__((visibility("default")))
#else
#  define NGOJST_API
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define NGOJST_DEPRECATED __attribute__((deprecated))
#else
#  define NGOJST_DEPRECATED
#endif

#ifdef __cplusplus
#  define NGOJST_BEGIN_DECLS extern "C" {
#  define NGOJST_END_DECLS }
#else
#  define NGOJST_BEGIN_DECLS
#  define NGOJST_END_DECLS
#endif

/** @} */

#endif /* NGOJST_EXPORT_H */
