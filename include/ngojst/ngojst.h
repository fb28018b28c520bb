/**
 * @file ngojst.h
 * @brief Umbrella header: include this one.
 *
 * ngojst turns the Polish law on cooperation between local government (JST)
 * and NGOs into checkable data types and rules. See README.md and docs/.
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
#include <ngojst/cases.h>

#endif /* NGOJST_H */
