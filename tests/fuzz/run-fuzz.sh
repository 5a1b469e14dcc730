#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets of the import code with clang (address and
# undefined-behaviour sanitizers) and runs each for a bounded time over its
# seed corpus. Usage: tests/fuzz/run-fuzz.sh [SECONDS] [BUILD_DIR]
# A crash, leak or sanitizer report fails the script and leaves the input
# in BUILD_DIR.
set -eu

seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out=${2:-$src/_build-fuzz}
mkdir -p "$out"

cat > "$out/config.h" <<CONF
#define GETTEXT_PACKAGE "scorecard"
#define SOURCE_DATADIR "$src/data"
#define PKGDATADIR "/usr/share/scorecard"
CONF

flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
incs="-I$out -I$src/src/core -I$src/src/core/import $(pkg-config --cflags gio-2.0 libzip libxml-2.0)"
libs="$(pkg-config --libs gio-2.0 libzip libxml-2.0) -lm"

# Without libFuzzer's runtime (Debian: libclang-rt-dev) there is nothing
# to run: skip, as meson counts exit code 77.
probe="$out/probe.c"
echo 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }' > "$probe"
if ! clang $flags -o "$out/probe" "$probe" 2>/dev/null; then
  echo "skipped: clang cannot build libFuzzer targets here"
  exit 77
fi

for target in csv-reader parse xlsx-reader; do
  clang $flags $incs -o "$out/fuzz-$target" "$here/fuzz-$target.c" \
    "$src/src/core/import/sc-csv-reader.c" "$src/src/core/import/sc-parse.c" \
    "$src/src/core/import/sc-xlsx-reader.c" "$src/src/core/import/sc-checksum.c" \
    "$src/src/core/sc-error.c" $libs
  mkdir -p "$out/corpus-$target"
  echo "fuzzing $target for $seconds s"
  (cd "$out" && ./fuzz-$target -max_total_time="$seconds" -max_len=4096 -timeout=10 \
     -print_final_stats=1 -error_exitcode=1 -timeout_exitcode=1 \
     "corpus-$target" "$here/corpus/$target")
done
