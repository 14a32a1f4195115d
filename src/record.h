/* record.h - one JSON Lines record of a news dump (the program's).
 *
 * A record is one JSON object on one line:
 *
 *     {"id": "wn-42", "url": "https://...", "date": "2020-08-26",
 *      "title": "...", "text": "MINSK, Aug. 9, 2020 (Reuters) - ..."}
 *
 * "text" (a string) is required; "id" (a string or an integer), "url",
 * "date" and "title" (strings) are optional: absent, null or "" is
 * unknown.  "date" is YYYY-MM-DD, or a timestamp that starts with one
 * ("2020-08-26T14:05:00Z"), of which the date is kept.  A "date" or "url"
 * that is not one is dropped with a warning, the article kept: a feed's
 * odd date is no reason to lose its text.  Other members are ignored.  JSON is parsed by jansson, which also rejects invalid UTF-8
 * and \u0000 in strings.
 */
#ifndef NEWSKG_RECORD_H
#define NEWSKG_RECORD_H

#include <stddef.h>

/** An article and what its source says of it.  Every pointer is owned. */
typedef struct {
  char *text;  ///< the article, len bytes and a NUL
  size_t len;  ///< bytes of text
  char *id;    ///< its id in the source, or NULL
  char *url;   ///< where it was published, or NULL
  char *date;  ///< YYYY-MM-DD, or NULL
  char *title; ///< its headline, or NULL
} Record;

/** Parses line[0, len) (without its line end) into *r.  A "date" or "url"
 *  that is no date or no URL of an article (kg_url_problem) does not cost
 *  the article: it is dropped, and warning (warning_size bytes) says so,
 *  e.g. '"date" "26.08.2020" is not a date YYYY-MM-DD: dropped' (else it
 *  is "").  Returns 0, or -1 after writing why (a NUL-terminated message,
 *  at most why_size bytes) and leaving *r empty: 'invalid JSON at column
 *  7: ...', 'no "text" string', '"id" is not a string or an integer', or
 *  'out of memory'. */
int record_parse(const char *line, size_t len, Record *r, char *why,
                 size_t why_size, char *warning, size_t warning_size);

/** Frees what r owns and empties it. */
void record_release(Record *r);

#endif /* NEWSKG_RECORD_H */
