/* gsp.h - a SPARQL 1.1 Graph Store HTTP Protocol endpoint as a sink (the
 * program's).
 *
 * Each article's N-Triples go in one request, `PUT URL?graph=<document
 * IRI>` (Content-Type application/n-triples), which replaces that named
 * graph: loading an article twice leaves it once.  All requests share one
 * libcurl handle, so one kept-alive connection carries them one after
 * another.  What may succeed later (a 5xx, 408 or 429 answer, a time-out,
 * a dropped connection) is tried again after a delay that doubles each
 * time (delay_ms, 2 delay_ms, 4 delay_ms...), at most `retries` times; an
 * article that is still not accepted is rejected, as is one with another
 * 4xx answer, with the endpoint's status and message or curl's error.
 * What no article can get past stops the run (SINK_FATAL) at once, with a
 * hint: a refused connection, an unknown host, a TLS failure, a 401 or
 * 403 answer (credentials), 404 or 405 (not the endpoint's URL).  So does
 * a failure to retry when the run has spent max_retry_s retrying.
 * Credentials, when given, are sent with whichever of basic and digest
 * authentication the endpoint asks for; never in the URL, which the
 * program echoes and `ps` shows (gsp_check_url refuses it there).
 */
#ifndef NEWSKG_GSP_H
#define NEWSKG_GSP_H

#include <stddef.h>

#include "sink.h"

typedef struct GspImpl Gsp;

/** Where and how to load. */
typedef struct {
  const char *url;      ///< the endpoint, without ?graph=
  const char *user;     ///< NULL: no authentication
  const char *password; ///< with user
  unsigned retries;     ///< tries after the first one, at most
  unsigned delay_ms;    ///< delay before the first retry
  unsigned max_retry_s; ///< seconds the whole run may spend retrying
} GspOptions;

/** Checks the endpoint URL before anything is sent to it.  Refuses one
 *  that libcurl cannot parse, not http or https, or that holds a user or
 *  password
 *  (`http://user:password@host/`: credentials go in --credentials or the
 *  environment, never on the command line).  Sets *in_clear to 1 when
 *  credentials sent to it could be read on the way: a scheme other than
 *  https to a host that is not this machine's loopback (localhost,
 *  127.0.0.0/8, ::1), else to 0.  Returns 0, or -1 after writing why not
 *  to why, which never quotes the URL (it may hold a password). */
int gsp_check_url(const char *url, int *in_clear, char *why, size_t why_size);

/** Reads "user:password" (one line) from path into the user and password
 *  buffers.  Refuses a file that others than its owner may read.  Returns
 *  0, or -1 after writing why not to why. */
int gsp_read_credentials(const char *path, char *user, size_t user_size,
                         char *password, size_t password_size, char *why,
                         size_t why_size);

/** Sets up libcurl (before any thread starts) and a handle for the
 *  endpoint.  Returns NULL after writing why not to why. */
Gsp *gsp_open(const GspOptions *opt, char *why, size_t why_size);

/** The endpoint as a sink (N-Triples, one request an article). */
Sink *gsp_sink(Gsp *g);

/** What the sink kept and did. */
SinkCounts gsp_counts(const Gsp *g);

/** Closes the connection and frees g; gsp_close(NULL) is a no-op. */
void gsp_close(Gsp *g);

#endif /* NEWSKG_GSP_H */
