/* version.c - the version of the library itself (kg_version, newskg.h).
 *
 * Compiled into libnewskg, so that a program can tell the version it runs
 * with from the NEWSKG_VERSION it was compiled against. */
#include "newskg.h"

const char *kg_version(void) { return NEWSKG_VERSION; }
