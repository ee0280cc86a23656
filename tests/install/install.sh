#!/usr/bin/env bash
# The library as a program outside the tree uses it: `cmake --install` into
# a temporary prefix, then tests/install/consumer.c compiled and linked with
# nothing but `pkg-config --cflags --libs actorgraph` (shared library) and
# the static library with the dependencies pkg-config names and its
# Libs.private (shared ones:
# Debian's igraph has no static build of its own dependencies), run on the
# shipped dataset.
#
# usage: install.sh BUILD_DIR SOURCE_DIR [SANITIZE]
# With SANITIZE "ON" (a library built with ASan and UBSan) the program is
# built with the same sanitizers, as such a library requires.
set -euo pipefail
build=$1 src=$2
cflags=(-std=c11 -Wall -Wextra -Werror)
sanitize=()
if [[ ${3:-OFF} == ON ]]; then
    sanitize=(-fsanitize=address,undefined)
    cflags+=("${sanitize[@]}")
fi
if ! command -v pkg-config >/dev/null || ! command -v cc >/dev/null; then
    echo "skipped: pkg-config or cc is not there"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" ||
    { cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1; }
for f in include/actorgraph/actorgraph.h include/actorgraph/report.h; do
    [[ -f $prefix/$f ]] || { echo "FAIL: $f not installed"; exit 1; }
done
pc=$(find "$prefix" -name actorgraph.pc | head -1)
[[ -n $pc ]] || { echo "FAIL: actorgraph.pc not installed"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
ls "$libdir"/libactorgraph.so.* >/dev/null && ls "$libdir"/libactorgraph.a >/dev/null ||
    { echo "FAIL: shared or static library missing in $libdir"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")

# Outside the tree: a copy of the program in the temporary folder.
cp "$src/tests/install/consumer.c" "$tmp/"
cd "$tmp"
want="PAK betweenness in post-2001: 0.6522"
fails=0
# shellcheck disable=SC2046
cc "${cflags[@]}" -o consumer consumer.c \
    $(pkg-config --cflags --libs actorgraph)
got=$(LD_LIBRARY_PATH=$libdir ./consumer "$src/graphs/new-great-game")
if [[ $got == "$want" ]]; then echo "ok: shared: $got"; else echo "FAIL: shared: got '$got', want '$want'"; fails=1; fi
# Captured first: grep -q would close the pipe early under pipefail.
deps=$(LD_LIBRARY_PATH=$libdir ldd ./consumer)
grep -q "$libdir/libactorgraph.so" <<<"$deps" ||
    { echo "FAIL: consumer is not linked with the installed libactorgraph.so"; fails=1; }

# shellcheck disable=SC2046
cc "${cflags[@]}" -o consumer-static consumer.c \
    $(pkg-config --cflags actorgraph) "$libdir/libactorgraph.a" \
    $(pkg-config --libs actorgraph | sed 's/-lactorgraph//') -lcsv -lm -pthread -fopenmp
got=$(./consumer-static "$src/graphs/new-great-game")
if [[ $got == "$want" ]]; then echo "ok: static: $got"; else echo "FAIL: static: got '$got', want '$want'"; fails=1; fi

# The headers from C++ (extern "C", no C-only declarators).
if command -v c++ >/dev/null; then
    cp "$src/tests/install/consumer.cpp" "$tmp/"
    # shellcheck disable=SC2046
    if c++ -std=c++11 -Wall -Wextra -Wpedantic -Werror "${sanitize[@]}" -o consumer-cxx consumer.cpp \
        $(pkg-config --cflags --libs actorgraph); then
        got=$(LD_LIBRARY_PATH=$libdir ./consumer-cxx "$src/graphs/new-great-game") || got=
        if [[ $got == *" actors, first day "* ]]; then echo "ok: c++: $got"
        else echo "FAIL: c++: got '$got'"; fails=1; fi
    else
        echo "FAIL: c++: the public headers do not compile as C++"; fails=1
    fi
else
    echo "c++ is not there: C++ check left out"
fi
exit $fails
