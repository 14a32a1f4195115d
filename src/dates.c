/* dates.c - calendar dates in news text; see dates.h.
 *
 * The text is read as a stream of small tokens (ASCII words, numbers,
 * single punctuation marks or UTF-8 sequences), and a date is matched at
 * each token against a window of the tokens that follow it (no date form
 * needs more than WINDOW) and the two that precede it ("in", "last",
 * "mid -").  Nothing is allocated.
 *
 * Day arithmetic goes through day numbers (days since 1970-01-01, the
 * civil-from-days algorithms of H. Hinnant), valid for the whole range of
 * years 1 to 9999.
 */
#include "dates.h"

#include <stdio.h>
#include <string.h>

#include "newskg.h"

#define WINDOW 8         /* "Monday , Aug . 10 , 2020" and one more */
#define LINE_TOKENS 32   /* a dateline's place and date fit in this */
#define DATELINE_LINES 3 /* lines searched for the dateline */
#define YEAR_MIN 1800    /* a bare year after a preposition: a plausible */
#define YEAR_MAX 2199    /* one, not a count ("in 1500 cases") */

typedef enum { TK_WORD, TK_NUMBER, TK_PUNCT } TokKind;

typedef struct {
  TokKind kind;
  size_t start, end; ///< bytes of the token
  int value;         ///< TK_NUMBER: its value; -1 when over 4 digits
  int digits;        ///< TK_NUMBER: how many digits
  int spaced;        ///< white space (or the text's start) before it
} Tok;

/* Tokens t[0, n) and the two before t[0] (prev[0] is the nearest). */
typedef struct {
  const char *text;
  const Tok *t;
  size_t n;
  const Tok *prev[2]; ///< NULL where there is none
} Window;

/* --- the calendar ---------------------------------------------------------- */

static int is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int valid_day(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= days_in_month(y, m);
}

/* Days since 1970-01-01 of a valid date. */
static long day_number(const KgDate *d) {
  long y = d->year - (d->month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d->month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d->day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The date of day number z; 0 when it falls outside years 1 to 9999. */
static int from_day_number(long z, KgDate *out) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  long y = yoe + era * 400 + (m <= 2);
  if (y < 1 || y > 9999)
    return 0;
  *out = (KgDate){(int)y, (int)m, (int)d};
  return 1;
}

/* 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday. */
static int weekday_of(long day) { return (int)(((day % 7) + 7 + 3) % 7); }

/* --- normalising against the article's date ------------------------------- */

/* The article's date shifted by n days. */
static int shift_days(const KgDate *article, long n, KgDate *out) {
  return from_day_number(day_number(article) + n, out);
}

/* The year and month n months from the article's. */
static int shift_months(const KgDate *article, int n, KgDate *out) {
  int index = article->year * 12 + (article->month - 1) + n;
  *out = (KgDate){index / 12, index % 12 + 1, 0};
  return out->year >= 1 && out->year <= 9999;
}

/* The month-and-day in the year that puts it nearest the article's date,
 * the earlier on a tie. */
static int nearest_day(const KgDate *article, int m, int d, KgDate *out) {
  long at = day_number(article), best = -1;
  for (int y = article->year - 1; y <= article->year + 1; y++) {
    if (!valid_day(y, m, d))
      continue;
    KgDate c = {y, m, d};
    long dist = day_number(&c) - at;
    if (dist < 0)
      dist = -dist;
    if (best < 0 || dist < best) {
      best = dist;
      *out = c;
    }
  }
  return best >= 0;
}

/* The month in the year that puts it nearest the article's month, the
 * earlier on a tie; before (-1) or after (1) it when direction says so. */
static int nearest_month(const KgDate *article, int m, int direction,
                         KgDate *out) {
  int at = article->year * 12 + article->month - 1, best = -1;
  for (int y = article->year - 1; y <= article->year + 1; y++) {
    int dist = y * 12 + m - 1 - at;
    if ((direction < 0 && dist >= 0) || (direction > 0 && dist <= 0))
      continue;
    if (dist < 0)
      dist = -dist;
    if ((best < 0 || dist < best) && y >= 1 && y <= 9999) {
      best = dist;
      *out = (KgDate){y, m, 0};
    }
  }
  return best >= 0;
}

/* The latest day of weekday wd on (or, strictly, before) the article's
 * date. */
static int weekday_before(const KgDate *article, int wd, int strictly,
                          KgDate *out) {
  long at = day_number(article);
  long back = (weekday_of(at) - wd + 7) % 7;
  if (back == 0 && strictly)
    back = 7;
  return shift_days(article, -back, out);
}

/* --- tokens ------------------------------------------------------------------ */

static int is_alpha(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static unsigned char lower(unsigned char c) {
  return is_upper(c) ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Bytes of white space at text[i]: ASCII spaces and the no-break space. */
static size_t space_at(const char *text, size_t len, size_t i) {
  unsigned char c = (unsigned char)text[i];
  if (c == ' ' || (c >= '\t' && c <= '\r'))
    return 1;
  if (c == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] == 0xA0)
    return 2;
  return 0;
}

/* Reads the token at or after *pos; returns 0 at the end of the text. */
static int next_token(const char *text, size_t len, size_t *pos, Tok *t) {
  size_t i = *pos, n;
  int spaced = i == 0;
  while (i < len && (n = space_at(text, len, i)) > 0) {
    i += n;
    spaced = 1;
  }
  if (i >= len)
    return 0;
  memset(t, 0, sizeof *t);
  t->start = i;
  t->spaced = spaced;
  unsigned char c = (unsigned char)text[i];
  if (is_digit(c)) {
    t->kind = TK_NUMBER;
    while (i < len && is_digit((unsigned char)text[i])) {
      if (++t->digits <= 4)
        t->value = t->value * 10 + (text[i] - '0');
      i++;
    }
    if (t->digits > 4)
      t->value = -1;
    size_t letters = 0;
    while (i + letters < len && is_alpha((unsigned char)text[i + letters]))
      letters++;
    /* "9th" is a number; "2020s" or "9am" is not a date's */
    static const char *const ordinals[] = {"st", "nd", "rd", "th"};
    int ordinal = 0;
    for (size_t k = 0; k < 4 && letters == 2; k++)
      ordinal |= memcmp(text + i, ordinals[k], 2) == 0;
    if (letters && !ordinal)
      t->kind = TK_WORD;
    i += letters;
  } else if (is_alpha(c)) {
    t->kind = TK_WORD;
    while (i < len && is_alpha((unsigned char)text[i]))
      i++;
  } else {
    t->kind = TK_PUNCT;
    i++;
    while (c >= 0xC0 && i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
      i++;
  }
  t->end = i;
  *pos = i;
  return 1;
}

/* --- words ------------------------------------------------------------------ */

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

static const struct {
  const char *word;
  int month;
} month_abbreviations[] = {{"jan", 1},  {"feb", 2},  {"mar", 3},  {"apr", 4},
                           {"jun", 6},  {"jul", 7},  {"aug", 8},  {"sep", 9},
                           {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};

static const char *const weekday_names[7] = {"monday",   "tuesday", "wednesday",
                                             "thursday", "friday",  "saturday",
                                             "sunday"};

/* Words before a month or a year that make it a date: "in October",
 * "since 2014", "mid-2019". */
static const char *const date_prepositions[] = {
    "in",    "since", "until", "till", "by",  "during",  "from",   "before",
    "after", "of",    "early", "late", "mid", "through", "between"};

static const Tok *tok_at(const Window *w, size_t i) {
  return i < w->n ? &w->t[i] : NULL;
}

/* Non-zero when t is the word (ASCII, any case).  Inline: asked of most
 * tokens, with literal words, whose length the compiler knows. */
static inline int word_is(const Window *w, const Tok *t, const char *word) {
  if (!t || t->kind != TK_WORD)
    return 0;
  size_t n = strlen(word);
  if (t->end - t->start != n)
    return 0;
  for (size_t k = 0; k < n; k++)
    if (lower((unsigned char)w->text[t->start + k]) != (unsigned char)word[k])
      return 0;
  return 1;
}

static int punct_is(const Window *w, const Tok *t, char c) {
  return t && t->kind == TK_PUNCT && t->end == t->start + 1 &&
         w->text[t->start] == c;
}

/* A capitalised word from a list of n; returns its index or -1. */
static int capitalised_in(const Window *w, const Tok *t,
                          const char *const *words, size_t n) {
  if (!t || t->kind != TK_WORD || !is_upper((unsigned char)w->text[t->start]))
    return -1;
  for (size_t k = 0; k < n; k++)
    if (word_is(w, t, words[k]))
      return (int)k;
  return -1;
}

static int is_preposition(const Window *w, const Tok *t) {
  for (size_t k = 0; k < sizeof date_prepositions / sizeof *date_prepositions;
       k++)
    if (word_is(w, t, date_prepositions[k]))
      return 1;
  return 0;
}

/* Non-zero when the word before the window makes a date of a month or year
 * ("in", "mid-"). */
static int after_preposition(const Window *w) {
  if (punct_is(w, w->prev[0], '-') && !w->prev[0]->spaced)
    return word_is(w, w->prev[1], "mid");
  return is_preposition(w, w->prev[0]);
}

/* A month name at token i, with the dot of an abbreviation ("Aug.").
 * Returns the tokens it takes (0: none) and sets *month. */
static size_t month_at(const Window *w, size_t i, int *month) {
  const Tok *t = tok_at(w, i);
  int k = capitalised_in(w, t, month_names, 12);
  if (k >= 0) {
    *month = k + 1;
    return 1;
  }
  if (!t || t->kind != TK_WORD || !is_upper((unsigned char)w->text[t->start]))
    return 0;
  for (size_t a = 0;
       a < sizeof month_abbreviations / sizeof *month_abbreviations; a++)
    if (word_is(w, t, month_abbreviations[a].word)) {
      *month = month_abbreviations[a].month;
      const Tok *dot = tok_at(w, i + 1);
      return punct_is(w, dot, '.') && !dot->spaced ? 2 : 1;
    }
  return 0;
}

/* Non-zero when token i is a separator glued between digits ("9,000"):
 * the number before it goes on. */
static int number_goes_on(const Window *w, size_t i) {
  const Tok *sep = tok_at(w, i), *next = tok_at(w, i + 1);
  return sep && next && !sep->spaced && !next->spaced &&
         next->kind == TK_NUMBER &&
         (punct_is(w, sep, ',') || punct_is(w, sep, '.'));
}

/* A day of the month at token i ("9", "09", "9th"), or 0. */
static int day_at(const Window *w, size_t i) {
  const Tok *t = tok_at(w, i);
  if (!t || t->kind != TK_NUMBER || t->digits > 2 || t->value < 1 ||
      t->value > 31 || number_goes_on(w, i + 1))
    return 0;
  return t->value;
}

/* A four-digit year at token i, or 0. */
static int year_at(const Window *w, size_t i) {
  const Tok *t = tok_at(w, i);
  if (!t || t->kind != TK_NUMBER || t->digits != 4 || t->value < 1 ||
      number_goes_on(w, i + 1))
    return 0;
  return t->value;
}

/* --- date forms ---------------------------------------------------------------
 *
 * Each matcher looks at the tokens from i and returns how many it takes (0:
 * its form is not there).  *out gets the date, or year 0 when the form is
 * there but names no date that can be known (no article date, "next
 * Tuesday", "last week"): the caller skips those tokens. */

/* A day with its month and maybe its year: "Aug. 9, 2020", "August 9 2020",
 * "August 9th", "9 August 2020", "9th of August".  With require_year, only
 * a date with its year. */
static size_t day_form(const Window *w, size_t i, const KgDate *article,
                       int require_year, KgDate *out) {
  int m = 0, d = 0, y = 0;
  size_t k = i;
  size_t n = month_at(w, k, &m);
  if (n > 0) { /* month first */
    if (!(d = day_at(w, k + n)))
      return 0;
    k += n + 1;
    if (punct_is(w, tok_at(w, k), ',') && (y = year_at(w, k + 1)))
      k += 2;
    else if ((y = year_at(w, k)))
      k++;
  } else { /* day first */
    if (!(d = day_at(w, k)))
      return 0;
    k += word_is(w, tok_at(w, k + 1), "of") ? 2 : 1;
    if (!(n = month_at(w, k, &m)))
      return 0;
    k += n;
    if ((y = year_at(w, k)))
      k++;
  }
  if ((require_year && !y) || (y && !valid_day(y, m, d)) ||
      (!y && d > days_in_month(2000, m))) /* "February 30": no date */
    return 0;
  out->year = 0;
  if (y)
    *out = (KgDate){y, m, d};
  else if (article && !nearest_day(article, m, d, out))
    out->year = 0;
  return k - i;
}

/* A month: "October 2020", "October, 2020"; "in October", "last October",
 * "next October". */
static size_t month_form(const Window *w, size_t i, const KgDate *article,
                         KgDate *out) {
  int m = 0, y;
  size_t n = month_at(w, i, &m);
  if (n == 0)
    return 0;
  out->year = 0;
  if ((y = year_at(w, i + n))) {
    *out = (KgDate){y, m, 0};
    return n + 1;
  }
  if (punct_is(w, tok_at(w, i + n), ',') && (y = year_at(w, i + n + 1))) {
    *out = (KgDate){y, m, 0};
    return n + 2;
  }
  int direction = word_is(w, w->prev[0], "last")   ? -1
                  : word_is(w, w->prev[0], "next") ? 1
                                                   : 0;
  if (!direction && !after_preposition(w))
    return 0; /* "May" alone is mostly not a month */
  if (article)
    nearest_month(article, m, direction, out);
  return n;
}

/* A year after a preposition: "in 2019", "since 2014", "mid-2019". */
static size_t year_form(const Window *w, size_t i, KgDate *out) {
  int y = year_at(w, i);
  if (!y || y < YEAR_MIN || y > YEAR_MAX || !after_preposition(w))
    return 0;
  *out = (KgDate){y, 0, 0};
  return 1;
}

/* A weekday, alone ("on Tuesday", "last Tuesday") or before a full date
 * ("Monday, 10 August 2020", which the date decides). */
static size_t weekday_form(const Window *w, size_t i, const KgDate *article,
                           KgDate *out) {
  int wd = capitalised_in(w, tok_at(w, i), weekday_names, 7);
  if (wd < 0)
    return 0;
  if (punct_is(w, tok_at(w, i + 1), ',')) {
    size_t n = day_form(w, i + 2, article, 0, out);
    if (n > 0)
      return n + 2;
  }
  out->year = 0;
  const Tok *before = w->prev[0];
  if (article && !word_is(w, before, "next") && !word_is(w, before, "this") &&
      !word_is(w, before, "coming"))
    weekday_before(article, wd, word_is(w, before, "last"), out);
  return 1;
}

/* "yesterday", "today", "tonight", "tomorrow", and "last", "this" or
 * "next" with "night", "week", "month" or "year". */
static size_t relative_form(const Window *w, size_t i, const KgDate *article,
                            KgDate *out) {
  static const struct {
    const char *word;
    int days;
  } day_words[] = {
      {"yesterday", -1}, {"today", 0}, {"tonight", 0}, {"tomorrow", 1}};
  const Tok *t = tok_at(w, i);
  out->year = 0;
  for (size_t k = 0; k < sizeof day_words / sizeof *day_words; k++)
    if (word_is(w, t, day_words[k].word)) {
      if (article)
        shift_days(article, day_words[k].days, out);
      return 1;
    }
  int step = word_is(w, t, "last")   ? -1
             : word_is(w, t, "this") ? 0
             : word_is(w, t, "next") ? 1
                                     : 2;
  const Tok *unit = tok_at(w, i + 1);
  int night = step == -1 && word_is(w, unit, "night");
  int month = word_is(w, unit, "month"), year = word_is(w, unit, "year");
  if (step == 2)
    return 0;
  if (word_is(w, unit, "week"))
    return 2; /* no xsd type for a week: stated, not normalised */
  if (!night && !month && !year)
    return 0;
  if (article && night)
    shift_days(article, -1, out);
  else if (article && month)
    shift_months(article, step, out);
  else if (article)
    *out = (KgDate){article->year + step, 0, 0};
  if (out->year < 1 || out->year > 9999)
    out->year = 0;
  return 2;
}

/* The date at the window's first token; see the forms above.  A date
 * opens with a number or a capitalised word, or with one of the words of
 * relative_form: the other tokens, most of the text, ask no more. */
static size_t date_at(const Window *w, const KgDate *article, KgDate *out) {
  const Tok *first = &w->t[0];
  if (first->kind == TK_PUNCT)
    return 0;
  if (first->kind == TK_WORD && !is_upper((unsigned char)w->text[first->start]))
    return relative_form(w, 0, article, out);
  size_t n;
  if ((n = weekday_form(w, 0, article, out)) ||
      (n = day_form(w, 0, article, 0, out)) ||
      (n = month_form(w, 0, article, out)) || (n = year_form(w, 0, out)) ||
      (n = relative_form(w, 0, article, out)))
    return n;
  return 0;
}

/* --- public -------------------------------------------------------------------- */

int kg_date_parse_iso(const char *s, size_t len, KgDate *out) {
  static const char shape[] = "dddd-dd-dd";
  if (len != 10)
    return -1;
  for (size_t i = 0; i < 10; i++)
    if (shape[i] == 'd' ? !is_digit((unsigned char)s[i]) : s[i] != '-')
      return -1;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!valid_day(y, m, d))
    return -1;
  *out = (KgDate){y, m, d};
  return 0;
}

int kg_date_is_valid(const char *s) {
  KgDate d;
  return s && kg_date_parse_iso(s, strlen(s), &d) == 0;
}

size_t kg_date_format(const KgDate *d, char buf[KG_DATE_MAX + 1]) {
  int n;
  if (d->month == 0)
    n = snprintf(buf, KG_DATE_MAX + 1, "%04d", d->year);
  else if (d->day == 0)
    n = snprintf(buf, KG_DATE_MAX + 1, "%04d-%02d", d->year, d->month);
  else
    n = snprintf(buf, KG_DATE_MAX + 1, "%04d-%02d-%02d", d->year, d->month,
                 d->day);
  return n > 0 ? (size_t)n : 0;
}

static int same_date(const KgDate *a, const KgDate *b) {
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

size_t kg_dates_find(const char *text, size_t len, const KgDate *article,
                     KgDateHit *hits, size_t max) {
  if (article && !valid_day(article->year, article->month, article->day))
    article = NULL;
  size_t count = 0, pos = 0;
  Tok before[2];
  memset(before, 0, sizeof before);
  size_t seen = 0; /* tokens read before the window, up to 2 kept */
  /* the window slides over the text: each token is read once */
  Tok t[WINDOW];
  size_t n = 0;
  while (n < WINDOW && next_token(text, len, &pos, &t[n]))
    n++;
  while (count < max && n > 0) {
    Window w = {text,
                t,
                n,
                {seen > 0 ? &before[0] : NULL, seen > 1 ? &before[1] : NULL}};
    KgDate date = {0, 0, 0};
    size_t used = date_at(&w, article, &date);
    if (used == 0)
      used = 1;
    if (date.year) {
      int known = 0;
      for (size_t k = 0; k < count && !known; k++)
        known = same_date(&hits[k].date, &date);
      if (!known)
        hits[count++] = (KgDateHit){date, t[0].start, t[used - 1].end};
    }
    /* the window's last used tokens become the ones before the next */
    before[1] = used >= 2 ? t[used - 2] : before[0];
    before[0] = t[used - 1];
    seen += used;
    memmove(t, t + used, (n - used) * sizeof *t);
    n -= used;
    while (n < WINDOW && next_token(text, len, &pos, &t[n]))
      n++;
  }
  return count;
}

/* Non-zero when tokens [0, k) name a dateline's place: capitalised words
 * with ',', '/', '-' or '.' between them, ending in a comma ("MINSK,",
 * "SOCHI, Russia,", "ABUJA/NIAMEY,"); or nothing. */
static int place_before(const Window *w, size_t k) {
  if (k == 0)
    return 1;
  if (!punct_is(w, &w->t[k - 1], ','))
    return 0;
  for (size_t i = 0; i < k; i++) {
    const Tok *t = &w->t[i];
    if (t->kind == TK_WORD ? !is_upper((unsigned char)w->text[t->start])
                           : t->kind == TK_NUMBER ||
                                 !(punct_is(w, t, ',') || punct_is(w, t, '/') ||
                                   punct_is(w, t, '-') || punct_is(w, t, '.')))
      return 0;
  }
  return 1;
}

/* Non-zero when t ends a dateline's date: the agency's "(" or a dash. */
static int dateline_stop(const Window *w, const Tok *t) {
  if (punct_is(w, t, '('))
    return 1;
  if (punct_is(w, t, '-'))
    return t->spaced;
  size_t n = t->end - t->start;
  const char *s = w->text + t->start;
  return t->kind == TK_PUNCT && n == 3 &&
         (memcmp(s, "\xe2\x80\x94", 3) == 0 || /* em dash */
          memcmp(s, "\xe2\x80\x93", 3) == 0);  /* en dash */
}

/* The dateline date of one line [start, end) of text, if it has one. */
static int line_date(const char *text, size_t start, size_t end,
                     KgDateHit *hit) {
  Tok t[LINE_TOKENS];
  Window line = {text, t, 0, {NULL, NULL}};
  size_t pos = start;
  while (line.n < LINE_TOKENS && next_token(text, end, &pos, &t[line.n]) &&
         !dateline_stop(&line, &t[line.n]))
    line.n++;
  if (line.n == LINE_TOKENS)
    return -1;
  for (size_t k = 0; k < line.n; k++) {
    if (!place_before(&line, k))
      continue;
    Window from = {text, t + k, line.n - k, {NULL, NULL}};
    KgDate date = {0, 0, 0};
    size_t used = weekday_form(&from, 0, NULL, &date);
    if (used == 0 || date.year == 0)
      used = day_form(&from, 0, NULL, 1, &date);
    if (used > 0 && used == from.n && date.year && date.day) {
      *hit = (KgDateHit){date, t[k].start, t[line.n - 1].end};
      return 0;
    }
  }
  return -1;
}

int kg_dateline_date(const char *text, size_t len, KgDateHit *hit) {
  size_t line = 0;
  for (int lines = 0; line < len && lines < DATELINE_LINES;) {
    const char *nl = memchr(text + line, '\n', len - line);
    size_t end = nl ? (size_t)(nl - text) : len;
    size_t first = line, n;
    while (first < end && (n = space_at(text, end, first)) > 0)
      first += n;
    if (first < end) {
      if (line_date(text, first, end, hit) == 0)
        return 0;
      lines++;
    }
    line = end + 1;
  }
  return -1;
}
