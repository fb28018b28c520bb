/**
 * @file programme.h
 * @brief The cooperation programme and its yearly report (udpp art. 5, 5a).
 *
 * @defgroup programme Cooperation programmes
 * @{
 *
 * Kinds:
 * - `AnnualProgramme`: roczny program współpracy (art. 5a ust. 1, ust. 4);
 * - `MultiAnnualProgramme`: wieloletni program współpracy (art. 5a ust. 2);
 * - `ProgrammeReport`: sprawozdanie z realizacji programu (art. 5a ust. 3).
 *
 * These are plain data structs. The library fills them when it loads a
 * document (the memory then belongs to the document); a caller that builds
 * one itself owns its memory, initialises it with ngojst_kind_init() and
 * wraps it with ngojst_document_wrap(). An absent value is NULL, a zero
 * date, #NGOJST_MONEY_NONE, #NGOJST_INT_NONE or #NGOJST_FLAG_UNSET; the
 * field reference is docs/kinds.md (generated from the field tables).
 */
#ifndef NGOJST_PROGRAMME_H
#define NGOJST_PROGRAMME_H

#include <ngojst/date.h>
#include <ngojst/document.h>
#include <ngojst/money.h>

NGOJST_BEGIN_DECLS

/** The local government unit (JST). */
typedef struct ngojst_jst {
	const char *name;   /**< e.g. "Gmina Strzegom". */
	const char *type;   /**< "gmina", "powiat" or "wojewodztwo". */
	const char *teryt;  /**< TERYT code, optional. */
} ngojst_jst;

/** A resolution or other act: its number and date. */
typedef struct ngojst_act {
	const char *number;    /**< e.g. "XLI/167/2020". */
	ngojst_date adopted_on; /**< Date of adoption. */
	const char *title;     /**< Optional title. */
} ngojst_act;

/** Objectives (art. 5a ust. 4 pkt 1). */
typedef struct ngojst_objectives {
	const char *main;          /**< Cel główny. */
	ngojst_strings specific;   /**< Cele szczegółowe. */
} ngojst_objectives;

/** A priority public task (art. 5a ust. 4 pkt 5). */
typedef struct ngojst_priority_task {
	const char *name;     /**< The task. */
	const char *area;     /**< Its public-task area: art. 4 ust. 1 point, e.g. "13" or "32a". */
	ngojst_money amount;  /**< Funds planned for it, if stated. */
} ngojst_priority_task;

/** A period of dates. */
typedef struct ngojst_period {
	ngojst_date from;  /**< First day. */
	ngojst_date to;    /**< Last day. */
} ngojst_period;

/** Consultation of the draft (art. 5a ust. 1 with art. 5 ust. 5). */
typedef struct ngojst_consultation {
	ngojst_act basis;        /**< The council's resolution on the consultation mode (art. 5 ust. 5). */
	ngojst_date started_on;  /**< First day of the consultation. */
	ngojst_date ended_on;    /**< Last day of the consultation. */
	ngojst_strings forms;    /**< Forms used (written opinions, meeting, online form...). */
} ngojst_consultation;

/** The public benefit council's opinion on the draft (art. 5a ust. 2a). */
typedef struct ngojst_council_opinion {
	ngojst_flag council_exists; /**< Whether the JST has a public benefit council. */
	ngojst_date delivered_on;   /**< Draft delivered to the council. */
	ngojst_date given_on;       /**< Opinion given (absent if none was given). */
	ngojst_flag attached;       /**< Opinion attached to the draft sent to the decision-making body. */
} ngojst_council_opinion;

/** An annual or multi-annual cooperation programme. */
typedef struct ngojst_programme {
	ngojst_jst jst;                 /**< Who adopts it. */
	int64_t year;                   /**< Programme year (annual); #NGOJST_INT_NONE if absent. */
	const char *title;              /**< Title of the programme. */
	ngojst_act resolution;          /**< The adopting resolution. */
	ngojst_objectives objectives;   /**< pkt 1. */
	ngojst_strings principles;      /**< pkt 2: principles of cooperation (art. 5 ust. 3). */
	const char *scope;              /**< pkt 3: subject scope. */
	ngojst_strings forms;           /**< pkt 4: forms of cooperation (art. 5 ust. 2). */
	ngojst_priority_task *priority_tasks; /**< pkt 5: priority tasks. */
	size_t priority_tasks_count;    /**< Number of priority tasks. */
	ngojst_period period;           /**< pkt 6: period of implementation. */
	const char *implementation;     /**< pkt 7: manner of implementation. */
	ngojst_money funds;             /**< pkt 8: funds planned. */
	const char *evaluation;         /**< pkt 9: how implementation is evaluated. */
	const char *creation;           /**< pkt 10: how the programme was created and how consultations went. */
	const char *commissions;        /**< pkt 11: competition commissions: appointment and working rules. */
	ngojst_consultation consultation; /**< The consultation held. */
	ngojst_council_opinion council_opinion; /**< The council's opinion. */
} ngojst_programme;

/** The report on a programme's implementation (art. 5a ust. 3). */
typedef struct ngojst_programme_report {
	ngojst_jst jst;                 /**< Whose report. */
	int64_t year;                   /**< The year reported on. */
	ngojst_act programme;           /**< The resolution adopting the programme reported on. */
	ngojst_date submitted_on;       /**< Submitted to the decision-making body. */
	ngojst_date published_on;       /**< Published in the BIP. */
	const char *bip_url;            /**< Where it was published. */
	ngojst_money funds_planned;     /**< Funds the programme planned. */
	ngojst_money funds_spent;       /**< Funds spent on the tasks. */
} ngojst_programme_report;

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_PROGRAMME_H */
