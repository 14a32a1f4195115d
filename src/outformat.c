/* outformat.c - the names and file extensions of the output formats; see
 * outformat.h. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strcasecmp */
#endif
#include "outformat.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_ALIASES 3
#define MAX_EXTENSIONS 2

/* One output format: its name, the other names -o takes for it, and the
 * extensions of the files that hold it (each list ends at a NULL). */
typedef struct {
  KgFormat format;
  const char *name;
  const char *aliases[MAX_ALIASES + 1];
  const char *extensions[MAX_EXTENSIONS + 1];
} OutFormat;

static const OutFormat formats[] = {
    {KG_FORMAT_TURTLE, "turtle", {"ttl", NULL}, {".ttl", NULL}},
    {KG_FORMAT_NTRIPLES, "ntriples", {"n-triples", "nt", NULL}, {".nt", NULL}},
    {KG_FORMAT_NQUADS, "nquads", {"n-quads", "nq", NULL}, {".nq", NULL}},
    {KG_FORMAT_DOT, "dot", {"graphviz", "gv", NULL}, {".dot", ".gv", NULL}},
    {KG_FORMAT_TRIG, "trig", {NULL}, {".trig", NULL}},
    {KG_FORMAT_JSONLD, "jsonld", {"json-ld", NULL}, {".jsonld", NULL}},
};

#define N_FORMATS (sizeof formats / sizeof *formats)

int outformat_by_name(const char *name, KgFormat *format) {
  for (size_t i = 0; i < N_FORMATS; i++) {
    int match = strcasecmp(name, formats[i].name) == 0;
    for (size_t k = 0; !match && formats[i].aliases[k]; k++)
      match = strcasecmp(name, formats[i].aliases[k]) == 0;
    if (match) {
      *format = formats[i].format;
      return 0;
    }
  }
  return -1;
}

int outformat_by_extension(const char *path, KgFormat *format) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash + 1 : path, '.');
  if (!dot)
    return -1;
  for (size_t i = 0; i < N_FORMATS; i++)
    for (size_t k = 0; formats[i].extensions[k]; k++)
      if (strcasecmp(dot, formats[i].extensions[k]) == 0) {
        *format = formats[i].format;
        return 0;
      }
  return -1;
}

const char *outformat_name(KgFormat format) {
  for (size_t i = 0; i < N_FORMATS; i++)
    if (formats[i].format == format)
      return formats[i].name;
  return "?";
}

void outformat_list(char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < N_FORMATS && used < size; i++) {
    used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                             formats[i].name);
    for (size_t k = 0; formats[i].aliases[k] && used < size; k++)
      used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? ", " : " (",
                               formats[i].aliases[k]);
    if (formats[i].aliases[0] && used < size)
      used += (size_t)snprintf(buf + used, size - used, ")");
  }
}
