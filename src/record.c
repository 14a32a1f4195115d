/* record.c - one JSON Lines record of a news dump; see record.h. */
#include "record.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "newskg.h"

/* Length of a date at the start of a timestamp: YYYY-MM-DD. */
#define DATE_LEN 10

void record_release(Record *r) {
  free(r->text);
  free(r->id);
  free(r->url);
  free(r->date);
  free(r->title);
  memset(r, 0, sizeof *r);
}

static int fail(char *why, size_t why_size, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  vsnprintf(why, why_size, format, ap);
  va_end(ap);
  return -1;
}

static char *copy(const char *s, size_t len) {
  char *c = malloc(len + 1);
  if (c) {
    memcpy(c, s, len);
    c[len] = '\0';
  }
  return c;
}

/* Sets *out to a copy of member key of object, a string (or, with
 * integers, an integer) that is not empty; leaves it NULL when the member
 * is absent, null or "".  Returns 0, or -1 after writing why. */
static int member(const json_t *object, const char *key, int integers,
                  char **out, char *why, size_t why_size) {
  const json_t *v = json_object_get(object, key);
  if (!v || json_is_null(v))
    return 0;
  if (integers && json_is_integer(v)) {
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%" JSON_INTEGER_FORMAT,
                     json_integer_value(v));
    *out = copy(digits, (size_t)n);
  } else if (json_is_string(v)) {
    if (json_string_length(v) == 0)
      return 0;
    *out = copy(json_string_value(v), json_string_length(v));
  } else {
    return fail(why, why_size, "\"%s\" is not a string%s", key,
                integers ? " or an integer" : "");
  }
  return *out ? 0 : fail(why, why_size, "out of memory");
}

/* Appends "; " (unless first) and a message to warning (warning_size
 * bytes, cut to fit). */
static void add_warning(char *warning, size_t warning_size, const char *format,
                        ...) KG_PRINTF(3, 4);
static void add_warning(char *warning, size_t warning_size, const char *format,
                        ...) {
  size_t used = strlen(warning);
  if (used && used + 2 < warning_size) {
    memcpy(warning + used, "; ", 3);
    used += 2;
  }
  va_list ap;
  va_start(ap, format);
  vsnprintf(warning + used, warning_size - used, format, ap);
  va_end(ap);
}

/* Reads optional member key of object, the date or URL of the article, into
 * *out; one that is not a string is dropped with a warning.  Returns 0, or
 * -1 after writing why (out of memory). */
static int optional_member(const json_t *object, const char *key, char **out,
                           char *why, size_t why_size, char *warning,
                           size_t warning_size) {
  char type_error[64];
  if (member(object, key, 0, out, type_error, sizeof type_error) == 0)
    return 0;
  if (strcmp(type_error, "out of memory") == 0)
    return fail(why, why_size, "out of memory");
  add_warning(warning, warning_size, "%s: dropped", type_error);
  return 0;
}

/* Keeps the date part of r->date; drops it with a warning when there is no
 * date YYYY-MM-DD. */
static void keep_date(Record *r, char *warning, size_t warning_size) {
  if (!r->date)
    return;
  size_t len = strlen(r->date);
  if (len > DATE_LEN && (r->date[DATE_LEN] == 'T' || r->date[DATE_LEN] == ' '))
    r->date[DATE_LEN] = '\0';
  if (kg_date_is_valid(r->date))
    return;
  add_warning(warning, warning_size,
              "\"date\" \"%.64s\" is not a date YYYY-MM-DD: dropped", r->date);
  free(r->date);
  r->date = NULL;
}

/* Drops r->url with a warning when it is no URL of an article. */
static void keep_url(Record *r, char *warning, size_t warning_size) {
  const char *problem = r->url ? kg_url_problem(r->url) : NULL;
  if (!problem)
    return;
  add_warning(warning, warning_size, "\"url\" \"%.200s\" %s: dropped", r->url,
              problem);
  free(r->url);
  r->url = NULL;
}

/* Fills r from the members of object; returns 0, or -1 after writing why. */
static int read_members(const json_t *object, Record *r, char *why,
                        size_t why_size, char *warning, size_t warning_size) {
  const json_t *text = json_object_get(object, "text");
  if (!json_is_string(text))
    return fail(why, why_size, "no \"text\" string");
  r->len = json_string_length(text);
  if (!(r->text = copy(json_string_value(text), r->len)))
    return fail(why, why_size, "out of memory");
  if (member(object, "id", 1, &r->id, why, why_size) != 0 ||
      optional_member(object, "url", &r->url, why, why_size, warning,
                      warning_size) != 0 ||
      optional_member(object, "date", &r->date, why, why_size, warning,
                      warning_size) != 0 ||
      member(object, "title", 0, &r->title, why, why_size) != 0)
    return -1;
  keep_url(r, warning, warning_size);
  keep_date(r, warning, warning_size);
  return 0;
}

int record_parse(const char *line, size_t len, Record *r, char *why,
                 size_t why_size, char *warning, size_t warning_size) {
  warning[0] = '\0';
  memset(r, 0, sizeof *r);
  json_error_t error;
  json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &error);
  if (!root)
    return fail(why, why_size, "invalid JSON at column %d: %s", error.column,
                error.text);
  int status = json_is_object(root)
                   ? read_members(root, r, why, why_size, warning, warning_size)
                   : fail(why, why_size, "the record is not a JSON object");
  json_decref(root);
  if (status != 0)
    record_release(r);
  return status;
}
