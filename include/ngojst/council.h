/**
 * @file council.h
 * @brief Public benefit councils (rady działalności pożytku publicznego,
 *        udpp art. 35–41 and 41a–41i).
 *
 * @defgroup council Public benefit councils
 * @{
 *
 * Kinds:
 * - `CouncilRequest`: the organisations' joint request to create a gmina,
 *   powiat (art. 41e ust. 1) or voivodeship council (art. 41a ust. 1) and the
 *   act that created it;
 * - `PublicBenefitCouncil`: a council as appointed: its level, members and
 *   the side each represents, its term, the appointing act and its meetings
 *   (composition art. 41f, 41b, 36; term art. 41e ust. 3, 41a ust. 4;
 *   dismissal art. 41g ust. 2);
 * - `CouncilResolution`: the resolution setting how members are appointed
 *   and how the council is organised and works (art. 41g ust. 1, 41b ust. 4);
 * - `CouncilOpinionRequest`: a draft (cooperation programme, strategy, local
 *   law...) sent to a council for its opinion (art. 41i, 41a ust. 3).
 *
 * These are plain data structs, like those of programme.h (whose
 * #ngojst_jst, #ngojst_act and #ngojst_period they reuse). The library fills
 * them when it loads a document (the memory then belongs to the document); a
 * caller that builds one itself owns its memory, initialises it with
 * ngojst_kind_init() and wraps it with ngojst_document_wrap(). An absent value
 * is NULL, a zero date, #NGOJST_INT_NONE or #NGOJST_FLAG_UNSET; the field
 * reference is docs/kinds.md (generated from the field tables).
 *
 * Levels, sides, draft types and dismissal grounds are written as the ids of
 * the rule set's lists (`gmina`, `powiat`, `wojewodztwo`, `kraj`;
 * `organ_stanowiacy`, `organ_wykonawczy`, `organizacje`, `wojewoda`...): the
 * rules that depend on the level compare it exactly.
 */
#ifndef NGOJST_COUNCIL_H
#define NGOJST_COUNCIL_H

#include <ngojst/date.h>
#include <ngojst/document.h>
#include <ngojst/programme.h>

NGOJST_BEGIN_DECLS

/** An organisation that joined the request to create a council. */
typedef struct ngojst_council_applicant {
	const char *name;           /**< Name of the organisation. */
	const char *krs;            /**< KRS number or other register entry, optional. */
	ngojst_flag active_in_jst;  /**< Active in the JST's area; only an explicit "no" keeps it out of the count. */
} ngojst_council_applicant;

/** A joint request to create a council (art. 41e ust. 1, art. 41a ust. 1). */
typedef struct ngojst_council_request {
	const char *level;                      /**< "gmina", "powiat" or "wojewodztwo" (required). */
	ngojst_jst jst;                         /**< The JST whose executive body received the request. */
	ngojst_council_applicant *organisations; /**< The organisations that made the request. */
	size_t organisations_count;             /**< Number of organisations. */
	ngojst_date received_on;                /**< The day the executive body received the request. */
	ngojst_act creation;                    /**< The act creating the council; its date is the day of creation. */
} ngojst_council_request;

/** A member of a council. */
typedef struct ngojst_council_member {
	const char *name;              /**< Name; optional, but needed to match attendance records. */
	const char *side;              /**< Whom the member represents (required): a `council_sides_*` list id. */
	const char *represents;        /**< The organisation or body that nominated the member. */
	ngojst_date appointed_on;      /**< Appointed on, if later than the start of the term. */
	ngojst_date dismissed_on;      /**< Dismissed before the end of the term on this day. */
	const char *dismissal_ground;  /**< The statutory ground of the dismissal (art. 41g ust. 2 pkt 1–5). */
} ngojst_council_member;

/** A meeting of a council and who missed it. */
typedef struct ngojst_council_meeting {
	ngojst_date held_on;             /**< Date of the meeting. */
	ngojst_strings absent_unexcused; /**< Names of members absent without excuse. */
	ngojst_strings absent_excused;   /**< Names of members whose absence was excused. */
} ngojst_council_meeting;

/** A public benefit council as appointed. */
typedef struct ngojst_council {
	const char *level;                 /**< "gmina", "powiat", "wojewodztwo" or "kraj" (required). */
	ngojst_jst jst;                    /**< The JST (absent for the national council). */
	const char *name;                  /**< Name of the council. */
	ngojst_act appointment;            /**< The act appointing the members. */
	ngojst_period term;                /**< Term of office: first and last day. */
	ngojst_council_member *members;    /**< The members. */
	size_t members_count;              /**< Number of members. */
	ngojst_council_meeting *meetings;  /**< Meetings, in any order. */
	size_t meetings_count;             /**< Number of meetings. */
} ngojst_council;

/** The dates and manner of nominating candidates (art. 41g ust. 1). */
typedef struct ngojst_council_nomination {
	const char *dates;   /**< When candidates are nominated. */
	const char *manner;  /**< How candidates are nominated. */
} ngojst_council_nomination;

/** Publication of an act in an official journal. */
typedef struct ngojst_council_publication {
	const char *journal;      /**< e.g. "Dz. Urz. Woj. Śl. z 2010 r. Nr 170, poz. 2710". */
	ngojst_date published_on; /**< Day of publication. */
} ngojst_council_publication;

/** The resolution on appointing a council's members and its organisation and
 *  working mode (art. 41g ust. 1; for a voivodeship art. 41b ust. 4). */
typedef struct ngojst_council_resolution {
	const char *level;                      /**< "gmina", "powiat" or "wojewodztwo" (required). */
	ngojst_jst jst;                         /**< The JST. */
	ngojst_act resolution;                  /**< The resolution: number, date, title. */
	const char *appointment_procedure;      /**< How members are appointed (tryb powoływania członków). */
	const char *organisation;               /**< Organisation and working mode (organizacja i tryb działania). */
	ngojst_council_nomination nomination;   /**< Dates and manner of nominating candidates. */
	const char *representativeness;         /**< How the representativeness of the organisations is ensured. */
	ngojst_council_publication publication;         /**< Publication in the voivodeship's official journal. */
	ngojst_date in_force_from;              /**< The day the resolution enters into force. */
} ngojst_council_resolution;

/** A draft sent to a council. */
typedef struct ngojst_council_draft {
	const char *type;    /**< A `council_draft_types` id, e.g. "program_wspolpracy" or "strategia_rozwoju". */
	const char *title;   /**< Title of the draft. */
} ngojst_council_draft;

/** A draft sent to a council for its opinion, and what followed. */
typedef struct ngojst_council_opinion_request {
	const char *level;          /**< Level of the council: "gmina", "powiat", "wojewodztwo" or "kraj" (required). */
	ngojst_jst jst;             /**< The JST whose draft it is. */
	const char *council;        /**< Name of the council. */
	ngojst_council_draft draft; /**< The draft. */
	ngojst_date delivered_on;   /**< Draft delivered to the council. */
	ngojst_date given_on;       /**< Opinion given (absent if none was given). */
	ngojst_date adopted_on;     /**< The act was adopted (or the draft sent on to the decision-making body). */
} ngojst_council_opinion_request;

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_COUNCIL_H */
