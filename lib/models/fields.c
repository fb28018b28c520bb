/* The field tables several kinds share. */
#include "fields.h"

static const ngojst_field jst_fields[] = {
	F(ngojst_jst, name, NGOJST_FT_STRING, 0, "Name of the local government unit", "Nazwa jednostki samorządu terytorialnego"),
	F(ngojst_jst, type, NGOJST_FT_STRING, 0, "gmina, powiat or wojewodztwo", "gmina, powiat albo wojewodztwo"),
	F(ngojst_jst, teryt, NGOJST_FT_STRING, 0, "TERYT code", "Kod TERYT"),
};
const ngojst_schema ngojst_jst_schema = { "ngojst_jst", sizeof(ngojst_jst), jst_fields,
					  sizeof(jst_fields) / sizeof(jst_fields[0]) };

static const ngojst_field act_fields[] = {
	F(ngojst_act, number, NGOJST_FT_STRING, 0, "Number of the act, e.g. XLI/167/2020", "Numer aktu, np. XLI/167/2020"),
	F(ngojst_act, adopted_on, NGOJST_FT_DATE, 0, "Date of adoption", "Data podjęcia"),
	F(ngojst_act, title, NGOJST_FT_STRING, 0, "Title", "Tytuł"),
};
const ngojst_schema ngojst_act_schema = { "ngojst_act", sizeof(ngojst_act), act_fields,
					  sizeof(act_fields) / sizeof(act_fields[0]) };

static const ngojst_field period_fields[] = {
	F(ngojst_period, from, NGOJST_FT_DATE, 0, "First day", "Pierwszy dzień"),
	F(ngojst_period, to, NGOJST_FT_DATE, 0, "Last day", "Ostatni dzień"),
};
const ngojst_schema ngojst_period_schema = { "ngojst_period", sizeof(ngojst_period), period_fields,
					     sizeof(period_fields) / sizeof(period_fields[0]) };

ngojst_date ngojst_january_first(int64_t year)
{
	ngojst_date d = { 0, 0, 0 };

	if (year != NGOJST_INT_NONE && year >= 1 && year <= 9999)
		ngojst_date_make(&d, (int)year, 1, 1);
	return d;
}
