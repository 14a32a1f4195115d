/* resume.h - continuing a corpus run from its own N-Quads (the program's).
 *
 * `newskg -o nquads -O FILE --resume ...` carries on where an interrupted
 * run over the same input stopped.  FILE holds one named graph per
 * article, in input order; a Resume reads the names of those graphs and
 * then says, for each article of the input in turn, whether its graph is
 * the next one FILE already holds.  The last graph of FILE may be torn (the
 * run was killed while writing it): it is never trusted, but dropped and
 * written again, so that the result is byte for byte what one
 * uninterrupted run writes.
 *
 *     Resume *r = resume_open("news.nq", &error);
 *     copy the first resume_kept_bytes(r) bytes of news.nq, then for each
 *     article: if (!resume_skip(r, its_graph_iri)) extract and write it;
 *     resume_free(r);
 */
#ifndef NEWSKG_RESUME_H
#define NEWSKG_RESUME_H

#include <stddef.h>
#include <stdio.h>

typedef struct ResumeImpl Resume;

/** Reads the graph names of the N-Quads file at path.  Returns NULL with
 *  *error an errno (ENOENT: there is no file, so nothing to resume), or
 *  with *error EINVAL and *line the first line that is not an N-Quads
 *  statement with a graph IRI. */
Resume *resume_open(const char *path, int *error, long *line);

/** Bytes at the start of the file that hold whole articles: all but the
 *  last graph. */
long long resume_kept_bytes(const Resume *r);

/** Copies the kept bytes of the file at path (the one read) to out.
 *  Returns 0, or an errno (EIO when the file is shorter now). */
int resume_copy_kept(const Resume *r, const char *path, FILE *out);

/** Articles whose graphs those bytes hold. */
size_t resume_kept_articles(const Resume *r);

/** Non-zero (and one article further) when graph_iri names the next graph
 *  the kept bytes hold: that article is written already.  Zero once all
 *  of them have been passed, or for another article. */
int resume_skip(Resume *r, const char *graph_iri);

/** Non-zero while some kept graph has not been passed yet. */
int resume_pending(const Resume *r);

/** The next kept graph not passed yet, numbered from 1 in *number; NULL
 *  when all have been passed. */
const char *resume_next(const Resume *r, size_t *number);

void resume_free(Resume *r);

#endif /* NEWSKG_RESUME_H */
