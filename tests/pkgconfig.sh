#!/bin/bash
# pkgconfig.sh - a program builds against the installed libnewskg with
# nothing but what `pkg-config newskg` says, shared and static.
#
# `make install DESTDIR=...` of this build into a scratch root; pkg-config
# reads the installed newskg.pc with PKG_CONFIG_SYSROOT_DIR pointing at the
# root, so that its -I and -L land there.  A tiny program checks that
# kg_version() is the version of the headers and of newskg.pc, loads the
# extractor from the extractor_datadir variable and extracts a sentence.
# It is linked once with `pkg-config --cflags --libs newskg` against the
# shared library, then, with the shared library removed from the root, with
# `pkg-config --static --libs newskg` against libnewskg.a.  Skips what the
# build lacks (no shared or no static library).
. "$(dirname "$0")/lib.sh"

builddir=${NEWSKG_BUILDDIR:-$top}
needs_tool PKG_CONFIG pkg-config pkg-config
needs_tool READELF readelf binutils
start_work pkgconfig
root=$work/root

if ! MAKEFLAGS= "${MAKE:-make}" -s -C "$builddir" install DESTDIR="$root" \
  >"$work/install.log" 2>&1; then
  fail "make install DESTDIR=... fails:"
  tail -5 "$work/install.log" >&2
  exit 1
fi
pc=$(find "$root" -name newskg.pc -path '*/pkgconfig/*' | head -1)
if [ -z "$pc" ]; then
  fail "make install installs no newskg.pc"
  exit 1
fi

export PKG_CONFIG_PATH=${pc%/newskg.pc}${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_SYSROOT_DIR=$root
# pkg-config's variables, as installed (pkgconf would prefix the root to
# some, pkg-config to none): the root is prefixed here
variable() { PKG_CONFIG_SYSROOT_DIR= "$PKG_CONFIG" --variable="$1" newskg; }
libdir=$root$(variable libdir)
datadir=$root$(variable extractor_datadir)
version=$("$PKG_CONFIG" --modversion newskg)

if [ -f "$datadir/lexicon.tsv" ] && [ -d "$datadir/rules" ] &&
  [ -f "$datadir/models/parser.model" ]; then
  pass "extractor_datadir ($(variable extractor_datadir)) holds the data"
else
  fail "extractor_datadir $(variable extractor_datadir) does not hold the data"
fi
if "$PKG_CONFIG" --print-requires-private newskg | grep -q redland; then
  fail "newskg.pc requires redland, which libnewskg does not use"
else
  pass "newskg.pc does not require redland"
fi

cat >"$work/tiny.c" <<'PROGRAM'
#include <newskg.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  static const char text[] = "Britain imposed sanctions on Belarus.";
  KgError err;
  KgExtractor *ex = NULL;
  KgGraph *g = NULL;
  if (argc != 2 || strcmp(kg_version(), NEWSKG_VERSION) != 0)
    return 2;
  if (kg_extractor_new(argv[1], &ex, &err) != KG_OK ||
      kg_extract(ex, text, strlen(text), &g, &err) != KG_OK) {
    fprintf(stderr, "%s: %s\n", err.file, err.message);
    return 1;
  }
  printf("%s %zu %zu\n", kg_version(), kg_graph_entity_count(g),
         kg_graph_relation_count(g));
  kg_graph_free(g);
  kg_extractor_free(ex);
  return 0;
}
PROGRAM
echo "$version 2 1" >"$work/expected"

# build_and_run HOW FLAGS: builds tiny with FLAGS (pkg-config's output,
# split into words), runs it and compares what it prints
build_and_run() {
  local how=$1 flags
  # the build's CFLAGS and LDFLAGS too: a sanitizer build's instrument the
  # program as they do the library
  read -r -a flags <<<"${CFLAGS-} $2 ${LDFLAGS-}"
  if ! "${CC:-cc}" -std=c11 -Wall -Wextra -Werror -o "$work/tiny-$how" \
    "$work/tiny.c" "${flags[@]}" 2>"$work/cc.err"; then
    fail "$how: cannot build against the installed library with $2:"
    head -5 "$work/cc.err" >&2
    return 1
  fi
  LD_LIBRARY_PATH=$libdir "$work/tiny-$how" "$datadir" >"$work/got" 2>&1
  expect_status "$how: the program runs" 0 $?
  expect_same "$how: it prints the version and what it extracted" \
    "$work/expected" "$work/got"
}

if [ -e "$libdir/libnewskg.so" ]; then
  if build_and_run shared "$("$PKG_CONFIG" --cflags --libs newskg)"; then
    if "$READELF" -d "$work/tiny-shared" | grep -q 'NEEDED.*libnewskg\.so'; then
      pass "shared: linked with libnewskg.so"
    else
      fail "shared: the program does not load libnewskg.so"
    fi
  fi
else
  echo "$test_name: no shared library installed (--disable-shared): not tried"
fi

if [ -e "$libdir/libnewskg.a" ]; then
  rm -f "$libdir"/libnewskg.so*
  if build_and_run static "$("$PKG_CONFIG" --static --cflags --libs newskg)"; then
    if "$READELF" -d "$work/tiny-static" | grep -q 'NEEDED.*libnewskg'; then
      fail "static: the program loads a shared libnewskg"
    else
      pass "static: libnewskg.a linked in"
    fi
  fi
else
  echo "$test_name: no static library installed (--disable-static): not tried"
fi

echo "pkgconfig.sh: newskg $version; $failures failure(s)"
[ "$failures" -eq 0 ]
