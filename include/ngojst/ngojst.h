/**
 * @file ngojst.h
 * @brief Umbrella header: include this one.
 *
 * @defgroup umbrella Umbrella header
 * @{
 *
 * ngojst turns the Polish law on cooperation between local government (JST)
 * and NGOs into checkable data types and rules. See README.md and docs/.
 *
 * `#include <ngojst/ngojst.h>` brings in every public header; it declares
 * nothing of its own. The API is grouped by header: @ref version,
 * @ref export, @ref common, @ref money, @ref date, @ref calendar,
 * @ref report, @ref document, @ref ruleset, @ref validate, @ref programme
 * and @ref cases.
 *
 * @}
 */
#ifndef NGOJST_H
#define NGOJST_H

#include <ngojst/version.h>
#include <ngojst/export.h>
#include <ngojst/common.h>
#include <ngojst/money.h>
#include <ngojst/date.h>
#include <ngojst/calendar.h>
#include <ngojst/report.h>
#include <ngojst/document.h>
#include <ngojst/ruleset.h>
#include <ngojst/validate.h>
#include <ngojst/programme.h>
#include <ngojst/council.h>
#include <ngojst/initiative.h>
#include <ngojst/procurement.h>
#include <ngojst/cases.h>

/**
 * @example embed.c
 * The smallest embedding: load the national rules and a document, validate
 * it as of a given day, print the text report and free everything.
 */

/**
 * @example cli/check.c
 * The `ngojst check` command: multi-document streams from files, folders and
 * standard input, overlays, and reports printed one at a time in bounded
 * memory (text) or all together (JSON, SARIF).
 */

/**
 * @example cli/score.c
 * The `ngojst score` command: local-initiative applications scored under a
 * municipality's criteria and ranked.
 */

#endif /* NGOJST_H */
