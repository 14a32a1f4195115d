/* model.h - trained model files: named sections, mapped read-only
 * (internal).
 *
 * A model file is a header, a table of named sections and the sections'
 * bytes, every section 8-byte aligned:
 *
 *     0   "NKGMODEL"          magic
 *     8   u32 version (1)     u32 0x01020304, the byte order check
 *     16  char kind[8]        "tagger", "lemmas", "parser"...
 *     24  u64 size            the whole file's size in bytes
 *     32  u64 checksum        of bytes 64..size (see model.c)
 *     40  u32 sections        then zeros to byte 64
 *     64  sections x {char name[16]; u64 offset; u64 size}
 *
 * Numbers are in the host's byte order, which the check word tells: a file
 * written on a machine of the other order is refused, not misread.  A file
 * is mapped once and its sections are read in place; loading checks the
 * size and the checksum, so a truncated or damaged file is an error that
 * names it, never a wrong answer or a crash.  What a section holds is its
 * reader's business; kg_model_section only checks that it is there and
 * whole.
 */
#ifndef KG_MODEL_H
#define KG_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "newskg.h"

typedef struct KgModelImpl KgModel;

/** Maps the model file at path, which must be of the given kind.  Returns
 *  KG_ERR_IO when it cannot be read, KG_ERR_PARSE when it is not such a
 *  model, is truncated or fails its checksum (err names the file). */
KgStatus kg_model_open(const char *path, const char *kind, KgModel **out,
                       KgError *err);

void kg_model_close(KgModel *m);

/** The file's path, for messages. */
const char *kg_model_path(const KgModel *m);

/** Section name of m as an array of elements of elem_size bytes: sets
 *  *count and returns its first byte.  A section that is missing or whose
 *  size is not a multiple of elem_size is KG_ERR_PARSE naming the file
 *  (returns NULL). */
const void *kg_model_section(const KgModel *m, const char *name,
                             size_t elem_size, size_t *count, KgError *err);

/** The NUL-terminated strings of section name (each ends with a NUL):
 *  fills *strings (owned by the caller, free()) with their starts and
 *  *count with their number.  Returns KG_OK, KG_ERR_PARSE, KG_ERR_NOMEM. */
KgStatus kg_model_strings(const KgModel *m, const char *name,
                          const char ***strings, size_t *count, KgError *err);

/** The checksum a model's header holds of its bytes after the header. */
uint64_t kg_model_checksum(const void *bytes, size_t n);

/* --- writing -------------------------------------------------------------- */

typedef struct KgModelWriterImpl KgModelWriter;

KgModelWriter *kg_model_writer_new(const char *kind);

void kg_model_writer_free(KgModelWriter *w);

/** Adds a section (its bytes are copied).  Returns 0, or -1 when out of
 *  memory. */
int kg_model_writer_add(KgModelWriter *w, const char *name, const void *data,
                        size_t size);

/** Writes the file at path (through a temporary file renamed over it).
 *  Returns KG_OK or KG_ERR_IO / KG_ERR_NOMEM naming path. */
KgStatus kg_model_writer_save(const KgModelWriter *w, const char *path,
                              KgError *err);

#endif /* KG_MODEL_H */
