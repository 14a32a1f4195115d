/* eval.h - the pieces of kg_eval (newskg.h) worth testing alone (internal).
 *
 * kg_eval is a port of ../shared/eval/score.py; these two functions are its
 * two places where "the same as Python" is subtle: the name key (Unicode
 * normalisation, case folding, Python's \w and \s) and the N-Triples line
 * pattern (a backtracking regular expression).
 */
#ifndef KG_EVAL_H
#define KG_EVAL_H

#include <stddef.h>

/** Returns a new NUL-terminated UTF-8 string: score.py's norm(name) of the
 *  len bytes of valid UTF-8 at name (NFKD, combining marks dropped, case
 *  folded, stripped, a leading "the " dropped, every run of non-word
 *  characters made one space, spaces collapsed and trimmed), e.g.
 *
 *      kg_eval_norm("  The Élysée-Palace ", 21, &n)  =>  "elysee palace"
 *
 *  Sets *out_len to its length when out_len is not NULL.  The caller frees
 *  it with free().  Returns NULL when out of memory or name is not UTF-8. */
char *kg_eval_norm(const char *name, size_t len, size_t *out_len);

/** Byte span of one term in a line. */
typedef struct {
  size_t start, end; ///< [start, end) in the line
} KgSpan;

/** Matches one line (len bytes of valid UTF-8, no line break) against
 *  score.py's N-Triples/N-Quads pattern.  Returns 1 and sets terms[0..2] to
 *  the subject, predicate and object when it matches, else 0. */
int kg_eval_match_line(const char *line, size_t len, KgSpan terms[3]);

#endif /* KG_EVAL_H */
