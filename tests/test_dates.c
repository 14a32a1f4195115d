/* test_dates.c - CUnit suite of dates.c.
 *
 * Table-driven: ISO dates (leap years, month lengths, malformed ones), the
 * formats by precision, every date form a sentence may use normalised
 * against an article date (weekdays, yesterday/today/tomorrow, last/this/
 * next month and year, days and months without a year, across month, year
 * and leap-day boundaries), the same forms without an article date (only
 * dates with a year count), and the dateline forms.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "newskg.h"
#include "runner.h"

/* ---- ISO dates and formats --------------------------------------------- */

static void test_iso_dates(void) {
  static const struct {
    const char *text;
    int valid;
  } cases[] = {{"2020-08-09", 1},  {"2020-02-29", 1},
               {"2019-02-29", 0},  {"2000-02-29", 1},
               {"1900-02-29", 0},  {"2100-02-29", 0},
               {"2020-04-30", 1},  {"2020-04-31", 0},
               {"2020-12-31", 1},  {"2020-13-01", 0},
               {"2020-00-10", 0},  {"2020-01-00", 0},
               {"0001-01-01", 1},  {"0000-01-01", 0},
               {"9999-12-31", 1},  {"2020-1-01", 0},
               {"2020-01-011", 0}, {"2020/01/01", 0},
               {"20200101", 0},    {"", 0},
               {"2020-01-0a", 0},  {" 2020-01-01", 0}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    KgDate d = {0, 0, 0};
    int ok = kg_date_parse_iso(cases[i].text, strlen(cases[i].text), &d) == 0;
    if (ok != cases[i].valid)
      fprintf(stderr, "\n    kg_date_parse_iso(\"%s\"): %d", cases[i].text, ok);
    CU_ASSERT_EQUAL(ok, cases[i].valid);
    CU_ASSERT_EQUAL(kg_date_is_valid(cases[i].text), cases[i].valid);
  }
  KgDate d;
  CU_ASSERT_EQUAL_FATAL(kg_date_parse_iso("2020-08-09", 10, &d), 0);
  CU_ASSERT_TRUE(d.year == 2020 && d.month == 8 && d.day == 9);
  CU_ASSERT_FALSE(kg_date_is_valid(NULL));
}

static void test_formats(void) {
  static const struct {
    KgDate date;
    const char *text;
  } cases[] = {{{2020, 8, 9}, "2020-08-09"},
               {{2020, 10, 0}, "2020-10"},
               {{2019, 0, 0}, "2019"},
               {{999, 1, 2}, "0999-01-02"},
               {{9999, 12, 31}, "9999-12-31"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char buf[KG_DATE_MAX + 1];
    size_t n = kg_date_format(&cases[i].date, buf);
    CU_ASSERT_STRING_EQUAL(buf, cases[i].text);
    CU_ASSERT_EQUAL(n, strlen(cases[i].text));
  }
}

/* ---- dates in a sentence ---------------------------------------------------- */

/* The dates of text against the article date (NULL: none), formatted and
 * joined by spaces, into buf. */
static const char *dates_of(const char *text, const char *article, char *buf,
                            size_t cap) {
  KgDate a;
  int have = article && kg_date_parse_iso(article, strlen(article), &a) == 0;
  KgDateHit hits[8];
  size_t n = kg_dates_find(text, strlen(text), have ? &a : NULL, hits, 8);
  buf[0] = '\0';
  for (size_t k = 0; k < n; k++) {
    char d[KG_DATE_MAX + 1];
    kg_date_format(&hits[k].date, d);
    size_t used = strlen(buf);
    snprintf(buf + used, cap - used, "%s%s", k ? " " : "", d);
  }
  return buf;
}

typedef struct {
  const char *article; ///< article date, or NULL
  const char *text;    ///< the sentence
  const char *dates;   ///< the dates expected, space-separated
} DateCase;

static void check_cases(const DateCase *cases, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char got[256];
    dates_of(cases[i].text, cases[i].article, got, sizeof got);
    if (strcmp(got, cases[i].dates) != 0)
      fprintf(stderr, "\n    [%s] \"%s\": got \"%s\", want \"%s\"",
              cases[i].article ? cases[i].article : "no date", cases[i].text,
              got, cases[i].dates);
    CU_ASSERT_STRING_EQUAL(got, cases[i].dates);
  }
}

/* 2020-08-11 is a Tuesday. */
#define TUE "2020-08-11"

static void test_each_form(void) {
  static const DateCase cases[] = {
      /* weekdays: the latest such day on or before the article date */
      {TUE, "Britain imposed sanctions on Tuesday.", "2020-08-11"},
      {TUE, "They met on Monday.", "2020-08-10"},
      {TUE, "He said Wednesday that he would go.", "2020-08-05"},
      {TUE, "Sunday's election was disputed.", "2020-08-09"},
      {TUE, "They met last Tuesday.", "2020-08-04"},
      {TUE, "They meet next Tuesday.", ""},
      {TUE, "They meet this Friday.", ""},
      /* days relative to the article */
      {TUE, "Protests began yesterday.", "2020-08-10"},
      {TUE, "He arrived today.", "2020-08-11"},
      {TUE, "He speaks tonight.", "2020-08-11"},
      {TUE, "He leaves tomorrow.", "2020-08-12"},
      {TUE, "Clashes broke out last night.", "2020-08-10"},
      /* days without a year: the nearest such day */
      {TUE, "the August 9 presidential election", "2020-08-09"},
      {TUE, "the election on 9 August", "2020-08-09"},
      {TUE, "the vote on Aug. 9 was disputed", "2020-08-09"},
      {TUE, "on the 9th of August", "2020-08-09"},
      {TUE, "the August 9th vote", "2020-08-09"},
      {TUE, "the summit on December 10", "2020-12-10"},
      {TUE, "since February 10", "2020-02-10"}, /* 183 days either way */
      {TUE, "until February 9", "2021-02-09"},
      /* days with a year */
      {TUE, "on August 9, 2020", "2020-08-09"},
      {TUE, "on Aug 9 2020", "2020-08-09"},
      {TUE, "on 9 August 2019", "2019-08-09"},
      {TUE, "Monday, 10 August 2020", "2020-08-10"},
      /* months */
      {TUE, "elections in October 2020", "2020-10"},
      {TUE, "elections in October", "2020-10"},
      {TUE, "in February", "2020-02"}, /* a tie: the earlier */
      {TUE, "since March", "2020-03"},
      {TUE, "by mid-October", "2020-10"},
      {TUE, "He left last October.", "2019-10"},
      {TUE, "He leaves next March.", "2021-03"},
      {TUE, "in May", "2020-05"},
      {TUE, "Theresa May said so.", ""},
      {TUE, "Britain may impose sanctions.", ""},
      /* years */
      {TUE, "who has ruled since 1994", "1994"},
      {TUE, "in 2019", "2019"},
      {TUE, "by mid-2019", "2019"},
      {TUE, "the 2015 nuclear deal", ""},
      {TUE, "in 1500 cases", ""},
      {TUE, "in the 2020s", ""},
      /* last, this and next */
      {TUE, "last month", "2020-07"},
      {TUE, "this month", "2020-08"},
      {TUE, "next month", "2020-09"},
      {TUE, "last year", "2019"},
      {TUE, "this year", "2020"},
      {TUE, "next year", "2021"},
      {TUE, "The talks collapsed last week.", ""},
      /* numbers that are no days */
      {TUE, "9,000 people marched on Aug 9", "2020-08-09"},
      {TUE, "May 9,000 protesters", ""},
      {TUE, "on February 30", ""},
      {TUE, "a 9/8/2020 memo", ""},
      /* several dates, each once, in text order */
      {TUE, "He left on Monday, came back on August 10 and left in 2019.",
       "2020-08-10 2019"},
      {TUE, "Between June 2019 and yesterday", "2019-06 2020-08-10"},
  };
  check_cases(cases, sizeof cases / sizeof *cases);
}

static void test_boundaries(void) {
  static const DateCase cases[] = {
      /* 2021-01-02 is a Saturday */
      {"2021-01-02", "on December 30", "2020-12-30"},
      {"2021-01-02", "on Thursday", "2020-12-31"},
      {"2021-01-02", "yesterday", "2021-01-01"},
      {"2021-01-02", "last month", "2020-12"},
      {"2021-01-02", "in December", "2020-12"},
      {"2021-01-02", "last year", "2020"},
      {"2020-12-30", "on January 2", "2021-01-02"},
      {"2020-12-31", "tomorrow", "2021-01-01"},
      {"2020-12-31", "next month", "2021-01"},
      {"2020-01-31", "tomorrow", "2020-02-01"},
      {"2020-04-30", "tomorrow", "2020-05-01"},
      /* leap days */
      {"2020-03-01", "yesterday", "2020-02-29"},
      {"2021-03-01", "yesterday", "2021-02-28"},
      {"2000-03-01", "yesterday", "2000-02-29"},
      {"2100-03-01", "yesterday", "2100-02-28"},
      {"2020-02-28", "tomorrow", "2020-02-29"},
      {"2021-03-01", "on February 29", "2020-02-29"},
      {"2020-03-01", "on Saturday", "2020-02-29"},
      /* the calendar's ends */
      {"0001-01-01", "yesterday", ""},
      {"9999-12-31", "tomorrow", ""},
      {"9999-12-31", "next year", ""},
  };
  check_cases(cases, sizeof cases / sizeof *cases);
}

static void test_without_article_date(void) {
  static const DateCase cases[] = {
      {NULL, "on Tuesday", ""},
      {NULL, "yesterday", ""},
      {NULL, "the August 9 election", ""},
      {NULL, "in October", ""},
      {NULL, "last month", ""},
      {NULL, "on August 9, 2020", "2020-08-09"},
      {NULL, "on 9 August 2020", "2020-08-09"},
      {NULL, "in October 2020", "2020-10"},
      {NULL, "in 2019", "2019"},
      {NULL, "on February 29, 2019", ""},
      {NULL, "on February 29, 2020", "2020-02-29"},
      {NULL, "Tuesday, 11 August 2020", "2020-08-11"},
  };
  check_cases(cases, sizeof cases / sizeof *cases);
}

static void test_hit_spans(void) {
  static const char text[] = "Talks began on Aug. 9, 2020 and ended in 2021.";
  KgDateHit hits[4];
  size_t n = kg_dates_find(text, strlen(text), NULL, hits, 4);
  CU_ASSERT_EQUAL_FATAL(n, 2);
  CU_ASSERT_EQUAL(hits[0].start, 15);
  CU_ASSERT_EQUAL(hits[0].end, 27);
  CU_ASSERT_EQUAL(hits[1].start, 41);
  CU_ASSERT_EQUAL(hits[1].end, 45);
  /* max limits what is copied */
  CU_ASSERT_EQUAL(kg_dates_find(text, strlen(text), NULL, hits, 1), 1);
  CU_ASSERT_EQUAL(kg_dates_find(text, 0, NULL, hits, 4), 0);
}

/* ---- datelines ------------------------------------------------------------------- */

static void test_datelines(void) {
  static const struct {
    const char *text;
    const char *date; ///< "" when there is none
  } cases[] = {
      {"Belarus votes\nMINSK, Aug. 9, 2020 (Reuters) - Belarus voted.",
       "2020-08-09"},
      {"MINSK, Aug. 9, 2020 (Reuters) - Belarus voted.", "2020-08-09"},
      {"Aug. 9, 2020 \xe2\x80\x94 Belarus voted.", "2020-08-09"},
      {"SOCHI, Russia, Oct. 22, 2019 (Reuters) - They met.", "2019-10-22"},
      {"WASHINGTON, D.C., Aug. 9, 2020 \xe2\x80\x93 Talks.", "2020-08-09"},
      {"Title line\n\nMonday, 10 August 2020\n\nBody text.", "2020-08-10"},
      {"Title line\n\nFriday, January 4, 2019 \n\nBody text.", "2019-01-04"},
      {"ABUJA/NIAMEY, July 31, 2023 (Reuters) - Leaders met.", "2023-07-31"},
      /* no year: no article date */
      {"MINSK, Aug 9 (Reuters) - Belarus voted.", ""},
      {"COLOMBO, July 14 (AFP) - He flew out.", ""},
      /* a date inside a sentence is no dateline */
      {"Talks resumed on August 9, 2020.", ""},
      {"Title\nThe vote of Aug. 9, 2020 - disputed.", ""},
      /* only the first three lines */
      {"One\nTwo\nThree\nMonday, 10 August 2020\n", ""},
      {"One\n\n\nTwo\n\nMonday, 10 August 2020\n", "2020-08-10"},
      {"", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    KgDateHit hit;
    char got[KG_DATE_MAX + 1] = "";
    if (kg_dateline_date(cases[i].text, strlen(cases[i].text), &hit) == 0)
      kg_date_format(&hit.date, got);
    if (strcmp(got, cases[i].date) != 0)
      fprintf(stderr, "\n    dateline \"%s\": got \"%s\"", cases[i].text, got);
    CU_ASSERT_STRING_EQUAL(got, cases[i].date);
  }
  static const char text[] = "MINSK, Aug. 9, 2020 (Reuters) - Belarus voted.";
  KgDateHit hit;
  CU_ASSERT_EQUAL_FATAL(kg_dateline_date(text, strlen(text), &hit), 0);
  CU_ASSERT_EQUAL(hit.start, 7);
  CU_ASSERT_EQUAL(hit.end, 19);
}

int main(void) {
  static const KgTest tests[] = {
      {"ISO dates", test_iso_dates},
      {"formats by precision", test_formats},
      {"each form against an article date", test_each_form},
      {"month, year and leap-day boundaries", test_boundaries},
      {"without an article date", test_without_article_date},
      {"where the dates are", test_hit_spans},
      {"datelines", test_datelines},
  };
  static const KgSuite suites[] = {{"dates", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
