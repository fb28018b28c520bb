/* Civil dates in the proleptic Gregorian calendar.
 *
 * Day numbers use Howard Hinnant's days_from_civil / civil_from_days
 * algorithms (http://howardhinnant.github.io/date_algorithms.html): pure
 * integer arithmetic, exact over the whole 0001..9999 range, and no time_t,
 * so results never depend on the host's time zone or its time_t width. */
#include <stdint.h>

#include <ngojst/common.h>
#include <ngojst/date.h>

#define MIN_YEAR 1
#define MAX_YEAR 9999

/* Day numbers (days since 1970-01-01) of 0001-01-01 and 9999-12-31. */
#define MIN_DAYS (-719162L)
#define MAX_DAYS 2932896L

int ngojst_date_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int ngojst_date_days_in_month(int year, int month)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && ngojst_date_is_leap_year(year))
		return 29;
	return days[month - 1];
}

static int valid_ymd(long year, long month, long day)
{
	return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 &&
	       day >= 1 && day <= ngojst_date_days_in_month((int)year, (int)month);
}

int ngojst_date_make(ngojst_date *out, int year, int month, int day)
{
	if (!out)
		return NGOJST_EINVAL;
	if (!valid_ymd(year, month, day))
		return NGOJST_ERANGE;
	out->year = (int16_t)year;
	out->month = (uint8_t)month;
	out->day = (uint8_t)day;
	return NGOJST_OK;
}

int ngojst_date_is_valid(ngojst_date d)
{
	return valid_ymd(d.year, d.month, d.day);
}

int ngojst_date_is_none(ngojst_date d)
{
	return d.year == 0 && d.month == 0 && d.day == 0;
}

/* Value of n ASCII digits, or -1 if any byte is not a digit. The locale-free
 * test matters: isdigit() may accept other bytes in some locales. */
static int digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int ngojst_date_parse(ngojst_date *out, const char *text, size_t len)
{
	int y, m, d;

	if (!out || !text || len != 10 || text[4] != '-' || text[7] != '-')
		return NGOJST_EINVAL;
	y = digits(text, 4);
	m = digits(text + 5, 2);
	d = digits(text + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return NGOJST_EINVAL;
	return ngojst_date_make(out, y, m, d);
}

static void put_digits(char *s, int v, int n)
{
	while (n-- > 0) {
		s[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

int ngojst_date_format(char *buf, size_t size, ngojst_date d)
{
	if (!buf || !ngojst_date_is_valid(d))
		return NGOJST_EINVAL;
	if (size < 11)
		return NGOJST_ERANGE;
	put_digits(buf, d.year, 4);
	buf[4] = '-';
	put_digits(buf + 5, d.month, 2);
	buf[7] = '-';
	put_digits(buf + 8, d.day, 2);
	buf[10] = '\0';
	return 10;
}

int ngojst_date_cmp(ngojst_date a, ngojst_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

/* days_from_civil. The year is shifted so that it starts on 1 March: the
 * leap day then falls at the end of the year and the month lengths from
 * March on follow the (153 * m + 2) / 5 pattern. Eras are 400-year cycles
 * of exactly 146097 days. */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;                                   /* [0, 399] */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

/* civil_from_days, the inverse; z must be within MIN_DAYS..MAX_DAYS. */
static ngojst_date civil_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;
	ngojst_date r;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;                                       /* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  /* [0, 399] */
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                /* [0, 365] */
	mp = (5 * doy + 2) / 153;                                     /* [0, 11] */
	d = doy - (153 * mp + 2) / 5 + 1;                             /* [1, 31] */
	m = mp < 10 ? mp + 3 : mp - 9;                                /* [1, 12] */
	r.year = (int16_t)(y + (m <= 2));
	r.month = (uint8_t)m;
	r.day = (uint8_t)d;
	return r;
}

int32_t ngojst_date_to_days(ngojst_date d)
{
	return (int32_t)days_from_civil(d.year, d.month, d.day);
}

int ngojst_date_from_days(ngojst_date *out, int32_t days)
{
	if (!out)
		return NGOJST_EINVAL;
	if (days < MIN_DAYS || days > MAX_DAYS)
		return NGOJST_ERANGE;
	*out = civil_from_days(days);
	return NGOJST_OK;
}

int ngojst_date_add_days(ngojst_date *out, ngojst_date d, int32_t days)
{
	int64_t z;

	if (!out || !ngojst_date_is_valid(d))
		return NGOJST_EINVAL;
	/* In 64 bits the sum cannot overflow; the range check does the rest. */
	z = (int64_t)ngojst_date_to_days(d) + days;
	if (z < MIN_DAYS || z > MAX_DAYS)
		return NGOJST_ERANGE;
	*out = civil_from_days((long)z);
	return NGOJST_OK;
}

int ngojst_date_add_months(ngojst_date *out, ngojst_date d, int32_t months)
{
	int64_t total;
	int y, m, dim;

	if (!out || !ngojst_date_is_valid(d))
		return NGOJST_EINVAL;
	/* Months since the start of year 0; non-negative whenever in range,
	 * so plain division splits it without sign trouble. */
	total = (int64_t)d.year * 12 + (d.month - 1) + months;
	if (total < (int64_t)MIN_YEAR * 12 || total > (int64_t)MAX_YEAR * 12 + 11)
		return NGOJST_ERANGE;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	dim = ngojst_date_days_in_month(y, m);
	out->year = (int16_t)y;
	out->month = (uint8_t)m;
	out->day = (uint8_t)(d.day > dim ? dim : d.day);
	return NGOJST_OK;
}

int32_t ngojst_date_diff(ngojst_date a, ngojst_date b)
{
	return ngojst_date_to_days(b) - ngojst_date_to_days(a);
}

ngojst_weekday ngojst_date_weekday(ngojst_date d)
{
	/* 1970-01-01 was a Thursday (ISO 4); r counts days past a Thursday. */
	long r = ((long)ngojst_date_to_days(d) % 7 + 7) % 7;

	return (ngojst_weekday)((r + 3) % 7 + 1);
}
