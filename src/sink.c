/* sink.c - the file sink; see sink.h. */
#include "sink.h"

#include <errno.h>
#include <string.h>

/* Sink.put: appends the graph's bytes to the stream.  A write error is
 * fatal: the stream is no longer whole. */
static SinkStatus file_put(Sink *self, const SinkGraph *g, char *why,
                           size_t why_size) {
  FileSink *s = (FileSink *)self;
  errno = 0;
  if (fwrite(g->bytes, 1, g->len, s->out) == g->len && !ferror(s->out))
    return SINK_OK;
  snprintf(why, why_size, "%s: write error: %s", s->name,
           strerror(errno ? errno : EIO));
  return SINK_FATAL;
}

void file_sink_init(FileSink *s, KgFormat format, FILE *out, const char *name) {
  s->sink.format = format;
  s->sink.put = file_put;
  s->out = out;
  s->name = name;
}
