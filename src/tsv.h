/* tsv.h - reading the line-oriented data files (internal).
 *
 * The gazetteer, lexicon and rule files share one shape: UTF-8 text, one
 * record a line, '#' comment lines and empty lines ignored.  A record line
 * that is not text (kg_text_check: invalid UTF-8, a NUL byte, U+FFFE or
 * U+FFFF) is refused, since what it names would end up in literals.  kg_tsv_read
 * reads such a file and hands each record line, without its line ending,
 * to a callback that parses it; the first failure stops the read and is
 * reported with the file name and line number.
 */
#ifndef KG_TSV_H
#define KG_TSV_H

#include "newskg.h"

/** Parses one record line (which it may modify).  Returns KG_OK, or another
 *  status and sets *message to what is wrong with the line. */
typedef KgStatus (*KgTsvLine)(void *ctx, char *line, const char **message);

/** Reads path line by line into fn; fills err on failure. */
KgStatus kg_tsv_read(const char *path, KgTsvLine fn, void *ctx, KgError *err);

/** Reads every *.tsv file of dir, in byte order of their names, as
 *  kg_tsv_read does; a directory without one is an error. */
KgStatus kg_tsv_read_dir(const char *dir, KgTsvLine fn, void *ctx,
                         KgError *err);

#endif /* KG_TSV_H */
