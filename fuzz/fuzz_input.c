/* fuzz_input.c - the harnesses' data directory and input file; see
 * fuzz_input.h. */
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void fail(const char *what) {
  perror(what);
  abort();
}

const char *kg_fuzz_datadir(void) {
  const char *dir = getenv("NEWSKG_DATA");
  return dir && *dir ? dir : NEWSKG_BUILD_DATADIR;
}

const char *kg_fuzz_file(const uint8_t *data, size_t size) {
  static int fd = -1;
  static char path[64];
  if (fd < 0) {
    /* In memory when it can be: a file on disk costs ten times the run */
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
      tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    char name[4096];
    snprintf(name, sizeof name, "%s/newskg-fuzz-XXXXXX", tmp);
    if ((fd = mkstemp(name)) < 0)
      fail("fuzz: mkstemp");
    if (unlink(name) != 0)
      fail("fuzz: unlink");
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  }
  if (ftruncate(fd, 0) != 0)
    fail("fuzz: ftruncate");
  for (size_t done = 0; done < size;) {
    ssize_t n = pwrite(fd, data + done, size - done, (off_t)done);
    if (n <= 0)
      fail("fuzz: pwrite");
    done += (size_t)n;
  }
  return path;
}
