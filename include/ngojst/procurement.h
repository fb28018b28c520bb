/**
 * @file procurement.h
 * @brief A public procurement procedure and its social clauses (Pzp 2019 and Pzp 2004).
 *
 * @defgroup procurement Public procurement and social clauses
 * @{
 *
 * Kind:
 * - `Procurement`: the documents of one procurement procedure as a
 *   municipal system prepares them for publication: the contracting
 *   authority, the subject (works, supplies, services; CPV codes), the
 *   estimated value, the start of the procedure and the social clauses it
 *   uses (reserved contracts, employment requirements, accessibility,
 *   award criteria, reserved social, health and cultural services).
 *
 * The law is chosen by the procedure's start date (`procedure/started_on`,
 * the kind's law date): the Pzp of 11 September 2019 for procedures started
 * on or after 1 January 2021, the Pzp of 29 January 2004 before. Which
 * article each clause is checked against is in docs/procurement.md.
 *
 * Percentages (the minimum share of art. 94 ust. 2, criterion weights) are
 * kept as written (`"30"`, `"30 %"`, `"35,5%"`); the rules check that they
 * are numbers from 0 to 100 with at most two decimals. Amounts are net
 * (without VAT), in grosze.
 *
 * These are plain data structs. The library fills them when it loads a
 * document (the memory then belongs to the document); a caller that builds
 * one itself owns its memory, initialises it with ngojst_kind_init() and
 * wraps it with ngojst_document_wrap(). An absent value is NULL, a zero
 * date, #NGOJST_MONEY_NONE, #NGOJST_INT_NONE or #NGOJST_FLAG_UNSET; the
 * field reference is docs/kinds.md (generated from the field tables).
 */
#ifndef NGOJST_PROCUREMENT_H
#define NGOJST_PROCUREMENT_H

#include <ngojst/date.h>
#include <ngojst/document.h>
#include <ngojst/money.h>

NGOJST_BEGIN_DECLS

/** The contracting authority (zamawiający). */
typedef struct ngojst_procurement_authority {
	const char *name; /**< e.g. "Gmina Przykładowo". */
	/** "gmina", "powiat", "wojewodztwo", "zwiazek_jst", "jednostka_jst",
	 *  "inny_publiczny" (another authority of art. 4 pkt 1–2 Pzp),
	 *  "podmiot_prawa_publicznego" (art. 4 pkt 3) or "inny". */
	const char *type;
} ngojst_procurement_authority;

/** The subject of the contract. */
typedef struct ngojst_procurement_subject {
	const char *type;              /**< "works", "supplies" or "services". */
	const char *description;       /**< Short description of the subject. */
	ngojst_strings cpv;            /**< CPV codes, "NNNNNNNN-N", the main code first. */
	ngojst_flag social_services;   /**< Social and other specific services (annex XIV to directive 2014/24/EU). */
	ngojst_flag for_natural_persons; /**< To be used by natural persons, incl. the authority's staff (art. 100 ust. 1). */
} ngojst_procurement_subject;

/** The estimated value of the contract. */
typedef struct ngojst_procurement_value {
	ngojst_money amount;      /**< Net value (without VAT). */
	const char *currency;     /**< "PLN"; absent means PLN. No other currency is accepted. */
	ngojst_date estimated_on; /**< Date the value was estimated. */
} ngojst_procurement_value;

/** The procedure. */
typedef struct ngojst_procurement_procedure {
	const char *reference;          /**< The authority's case number (znak sprawy). */
	ngojst_date started_on;         /**< Start of the procedure: selects the law (the law date). */
	const char *mode;               /**< Procedure type as named by the authority (informational). */
	ngojst_flag below_eu_threshold; /**< Conducted as a procedure below the EU thresholds. */
} ngojst_procurement_procedure;

/** Reserved contract (art. 94 Pzp; art. 22 ust. 2 and 2a Pzp 2004). */
typedef struct ngojst_procurement_reserved {
	ngojst_flag in_notice;      /**< The reservation is made in the contract notice. */
	ngojst_strings contractors; /**< Who may apply: "zpch", "spoldzielnia_socjalna", "integracja". */
	ngojst_strings groups;      /**< The disadvantaged groups relied on (art. 94 ust. 1 pkt 1–10). */
	const char *min_share;      /**< Minimum share of employees from those groups, a percentage as written. */
} ngojst_procurement_reserved;

/** Employment-contract requirement (art. 95 Pzp; art. 29 ust. 3a Pzp 2004). */
typedef struct ngojst_procurement_employment {
	ngojst_flag applies;            /**< The activities are work as in art. 22 § 1 of the Labour Code. */
	const char *reason_not_applied; /**< Why no activity has those features (when it does not apply). */
	ngojst_strings activities;      /**< The activities covered. */
	const char *verification;       /**< How employment is verified. */
	const char *control_powers;     /**< The authority's powers to check compliance. */
	const char *sanctions;          /**< Sanctions for non-compliance. */
} ngojst_procurement_employment;

/** Employment of specific groups (art. 96 ust. 2 pkt 2 Pzp; art. 29 ust. 4 Pzp 2004). */
typedef struct ngojst_procurement_social_employment {
	ngojst_strings groups;      /**< The groups (art. 96 ust. 2 pkt 2 lit. a–g). */
	int64_t persons;            /**< Number of persons to employ. */
	const char *period;         /**< Period of employment, e.g. "12 miesięcy". */
	const char *control_powers; /**< The authority's control powers (art. 36 ust. 2 pkt 9 Pzp 2004). */
	const char *sanctions;      /**< Sanctions (art. 36 ust. 2 pkt 9 Pzp 2004). */
} ngojst_procurement_social_employment;

/** Accessibility in the description of the subject (art. 100 Pzp; art. 29 ust. 5 Pzp 2004). */
typedef struct ngojst_procurement_accessibility {
	const char *requirements; /**< How accessibility and design for all users are taken into account. */
	const char *exception;    /**< Why the nature of the subject does not justify it (Pzp 2019 only). */
} ngojst_procurement_accessibility;

/** Reserved social, health and cultural services (art. 361 Pzp; art. 138p Pzp 2004). */
typedef struct ngojst_procurement_reserved_services {
	const char *stated_in;              /**< "ogloszenie_o_zamowieniu" or "wstepne_ogloszenie_informacyjne". */
	ngojst_flag public_service_mission; /**< Condition pkt 1: public-service mission and integration. */
	ngojst_flag not_for_profit;         /**< Condition pkt 2: not for profit. */
	ngojst_flag employee_participation; /**< Condition pkt 3: management or ownership by employee participation. */
	ngojst_flag no_recent_award;        /**< Condition pkt 4: no such award by this authority in the last 3 years. */
	int64_t duration_months;            /**< Maximum duration of the contract, in months. */
	ngojst_date previous_award_on;      /**< Date of a previous award on this basis by the same authority, if any. */
} ngojst_procurement_reserved_services;

/** The social clauses the procedure uses; a clause not used is left out. */
typedef struct ngojst_procurement_clauses {
	ngojst_procurement_reserved reserved;                   /**< Reserved contract. */
	ngojst_procurement_employment employment_contract;      /**< Employment-contract requirement. */
	ngojst_procurement_social_employment social_employment; /**< Employment of specific groups. */
	ngojst_procurement_accessibility accessibility;         /**< Accessibility. */
	ngojst_procurement_reserved_services reserved_services; /**< Reserved social, health and cultural services. */
} ngojst_procurement_clauses;

/** One award criterion. */
typedef struct ngojst_award_criterion {
	const char *name;        /**< e.g. "cena", "zatrudnienie osób niepełnosprawnych". */
	const char *kind;        /**< "price", "cost" or "quality". */
	/** For quality criteria (art. 242 ust. 2): "quality", "accessibility",
	 *  "social", "environmental", "innovation", "staff" or "service". */
	const char *aspect;
	const char *weight;      /**< Weight, a percentage as written. */
	const char *description; /**< How offers are scored on it. */
} ngojst_award_criterion;

/** The award criteria. */
typedef struct ngojst_procurement_award {
	ngojst_award_criterion *criteria; /**< The criteria. */
	size_t criteria_count;            /**< Number of criteria. */
	ngojst_flag quality_requirements; /**< The description of the subject sets quality requirements (art. 246 ust. 2). */
	ngojst_flag life_cycle_costs;     /**< Life-cycle costs accounted for in the report (art. 91 ust. 2a Pzp 2004). */
} ngojst_procurement_award;

/** A procurement procedure with its social clauses. */
typedef struct ngojst_procurement {
	ngojst_procurement_authority authority;  /**< The contracting authority. */
	const char *title;                       /**< Name of the contract. */
	ngojst_procurement_subject subject;      /**< What is bought. */
	ngojst_procurement_value estimated_value; /**< Estimated value. */
	ngojst_procurement_procedure procedure;  /**< The procedure; its start date selects the law. */
	ngojst_procurement_clauses clauses;      /**< The social clauses used. */
	ngojst_procurement_award award;          /**< The award criteria. */
} ngojst_procurement;

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_PROCUREMENT_H */
