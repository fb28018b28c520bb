/**
 * @file export.h
 * @brief Symbol visibility and deprecation macros.
 *
 * Define NGOJST_STATIC before including any ngojst header when linking the
 * static library on platforms that distinguish (Windows).
 */
#ifndef NGOJST_EXPORT_H
#define NGOJST_EXPORT_H

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

#endif /* NGOJST_EXPORT_H */
