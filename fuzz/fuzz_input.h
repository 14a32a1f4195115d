/* fuzz_input.h - what the libFuzzer harnesses share.
 *
 * The harnesses (fuzz_extract.c, fuzz_rules.c, fuzz_gazetteer.c) drive the
 * library's own entry points.  The data loaders read files by path, so an
 * input meant for them is written to a private, already unlinked temporary
 * file ($TMPDIR, else /dev/shm, else /tmp) and handed over as
 * /proc/self/fd/N: no file is left behind, whatever way the fuzzer exits
 * (Linux only, as libFuzzer's users are).
 */
#ifndef KG_FUZZ_INPUT_H
#define KG_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

/** The data directory to load: $NEWSKG_DATA, else the source tree's. */
const char *kg_fuzz_datadir(void);

/** Replaces the private file's contents with data[0, size) and returns a
 *  path that opens it.  Aborts (a harness failure, not a finding) when the
 *  file cannot be made or written. */
const char *kg_fuzz_file(const uint8_t *data, size_t size);

#endif /* KG_FUZZ_INPUT_H */
