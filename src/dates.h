/* dates.h - calendar dates in news text (internal).
 *
 * Two jobs: the article's own date, read from its dateline ("MINSK, Aug. 9,
 * 2020 (Reuters) -", "Monday, 10 August 2020"), and the dates a sentence
 * states, absolute or relative ("on Tuesday", "yesterday", "August 9", "in
 * October 2020", "in 2019"), normalised against the article's date.
 *
 * A date may be partial: day 0 means only the year and month are known
 * (xsd:gYearMonth), month 0 only the year (xsd:gYear).  The calendar is the
 * proleptic Gregorian one, years 1 to 9999.  Everything here is a pure
 * function of its arguments: no clock, no time zone, no locale (English
 * month and weekday names are compared as ASCII).
 *
 * The English calendar words (twelve months, seven weekdays, a dozen
 * abbreviations and "yesterday"/"today"/"tomorrow") are a closed set that
 * the grammar below is written for, so they live here with it rather than
 * in the lexicon.
 */
#ifndef KG_DATES_H
#define KG_DATES_H

#include <stddef.h>

/** A date; month 0: a year; day 0: a year and month; year 0: no date. */
typedef struct {
  int year;  ///< 1 to 9999
  int month; ///< 1 to 12, or 0 when only the year is known
  int day;   ///< 1 to 31, or 0 when only the year (and month) are known
} KgDate;

/** A date stated in a text and where: bytes [start, end) of the text. */
typedef struct {
  KgDate date;
  size_t start, end;
} KgDateHit;

/** Length of the longest date kg_date_format writes, without the NUL. */
#define KG_DATE_MAX 10

/** Parses exactly "YYYY-MM-DD" (len bytes) as a valid calendar date, leap
 *  years included.  Returns 0 and sets *out, or -1. */
int kg_date_parse_iso(const char *s, size_t len, KgDate *out);

/** Writes d as "YYYY-MM-DD", "YYYY-MM" or "YYYY" (by its precision) and a
 *  NUL into buf, which holds KG_DATE_MAX + 1 bytes.  Returns the length. */
size_t kg_date_format(const KgDate *d, char buf[KG_DATE_MAX + 1]);

/** Finds the article's date in its dateline: a full date (with a year) at
 *  the start of one of the first three non-empty lines, alone on its line
 *  or after the place ("MINSK, ") and before the agency or the dash:
 *
 *      MINSK, Aug. 9, 2020 (Reuters) - ...     Aug. 9, 2020 — ...
 *      Monday, 10 August 2020                  Friday, January 4, 2019
 *
 *  A dateline date without a year ("MINSK, Aug 9 (Reuters) -") gives no
 *  article date: nothing says which year it is.  Returns 0 and fills *hit
 *  (the date and its bytes, to be left out of the sentence's own dates), or
 *  -1 when there is none. */
int kg_dateline_date(const char *text, size_t len, KgDateHit *hit);

/** Finds the dates that len bytes of text (one sentence) state, in text
 *  order, and normalises them against the article's date (NULL when
 *  unknown: then only absolute dates with a year count):
 *
 *    "August 9, 2020", "9 August 2020", "Aug. 9"  a day; without a year,
 *                                  the year that puts it nearest the
 *                                  article date (the earlier on a tie)
 *    "in October 2020"             a month (xsd:gYearMonth)
 *    "in October", "since March"   a month, the nearest one, as above
 *    "in 2019", "since 2014"       a year (xsd:gYear)
 *    "Tuesday", "on Tuesday"       the latest Tuesday on or before the
 *                                  article date; "last Tuesday": before it
 *    "yesterday", "today", "tonight", "tomorrow", "last night"
 *    "last/this/next month", "last/this/next year"
 *
 *  Not dates here: "last week" (no xsd type says "a week"), "next
 *  Tuesday", "two days later" (relative to an event, not to the article),
 *  bare years without a preposition ("the 2015 nuclear deal"), numeric
 *  dates ("9/8/2020", whose order varies).  Copies up to max distinct
 *  dates into hits and returns how many it copied. */
size_t kg_dates_find(const char *text, size_t len, const KgDate *article,
                     KgDateHit *hits, size_t max);

#endif /* KG_DATES_H */
