#!/usr/bin/env bash
# The manual page and the bash completion: docs/actorgraph.1 renders with
# groff's warnings all on and none given, `man -l` shows it, every
# subcommand of `actorgraph --help` has its entry in both, the completion
# offers the subcommands, export's formats and an era id of the dataset,
# and `cmake --install` puts them where man and bash-completion look.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
page=docs/actorgraph.1
if ! command -v groff >/dev/null; then
    echo "skipped: groff is not there"
    exit 77
fi

warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$page" 2>&1)
if [[ -z $warnings ]]; then pass "groff -ww: no warning"; else fail "groff -ww: no warning" "$warnings"; fi
if command -v man >/dev/null; then
    LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" >"$tmp/man.txt" 2>"$tmp/man.err"
    if [[ $? == 0 && ! -s $tmp/man.err ]] && grep -q '^NAME' "$tmp/man.txt"
    then pass "man -l renders it"; else fail "man -l renders it" "$(cat "$tmp/man.err")"; fi
fi
LC_ALL=C.UTF-8 groff -man -Tutf8 -rLL=80n "$page" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g' >"$tmp/page.txt"

run --help
commands=$(sed -n '/^Commands:/,/^$/p' "$tmp/out" | awk 'NF && $1 != "Commands:" {print $1}')
[[ -n $commands ]] || fail "subcommands from --help"
. completions/actorgraph.bash
complete_words() { # WORDS...: what the completion offers for the last word
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _actorgraph
    printf '%s\n' "${COMPREPLY[@]}"
}
offered=$(complete_words actorgraph "")
for c in $commands; do
    if grep -Eq "^ {7}$c( |$)" "$tmp/page.txt"; then pass "man page: $c"; else fail "man page: $c"; fi
    if grep -qx "$c" <<<"$offered"; then pass "completion: $c"; else fail "completion: $c"; fi
done
# Every option of every command's --help: in the command's entry of the
# man page or under COMMON OPTIONS, and offered by the completion
# (-o stands for --output, which every page names as -o).
LC_ALL=C.UTF-8 groff -man -Tutf8 -rLL=300n -rHY=0 "$page" 2>/dev/null |
    sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g' >"$tmp/wide.txt"
common=$(sed -n '/^COMMON OPTIONS/,/^FILES/p' "$tmp/wide.txt")
for c in $commands; do
    entry=$(awk -v c="$c" '$0 ~ "^       " c "( |$)" {on = 1; print; next}
                          on && /^       [a-z]/ {exit} on {print}' "$tmp/wide.txt")
    offered_opts=" $(complete_words actorgraph "$c" -- | tr '\n' ' ')"
    missing_man="" missing_comp=""
    for o in $("$ag" "$c" --help | grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
        [[ $o == --output || $o == --help ]] && continue
        grep -qE -- "(^|[^a-z-])$o([^a-z-]|$)" <<<"$entry$common" || missing_man+=" $o"
        [[ $offered_opts == *" $o "* ]] || missing_comp+=" $o"
    done
    if [[ -z $missing_man ]]; then pass "man page: $c's options"; else fail "man page: $c's options" "missing:$missing_man"; fi
    if [[ -z $missing_comp ]]; then pass "completion: $c's options"; else fail "completion: $c's options" "missing:$missing_comp"; fi
done
if [[ $(complete_words actorgraph report --format "" | tr '\n' ' ') == "table csv json md html " ]]
then pass "completion: page formats"; else fail "completion: page formats"; fi
if [[ $(complete_words actorgraph export --format c | tr '\n' ' ') == "cyjs csv csv-nodes " ]]
then pass "completion: export formats"; else fail "completion: export formats"; fi
if complete_words actorgraph report graphs/new-great-game --era post- | grep -qx post-2001
then pass "completion: era ids"; else fail "completion: era ids"; fi
if complete_words actorgraph compare graphs/new-great-game post-2001 cold | grep -qx cold-war
then pass "completion: compare's era ids"; else fail "completion: compare's era ids"; fi
if complete_words actorgraph trajectory graphs/new-great-game PA | grep -qx PAK
then pass "completion: actor ids"; else fail "completion: actor ids"; fi
if [[ $(complete_words actorgraph import "" | tr '\n' ' ') == "gdelt gdelt2 icews phoenix " ]]
then pass "completion: import formats"; else fail "completion: import formats"; fi

# Installed where man and bash-completion look.
# (the build's folder: under valgrind $ag is tests/lib/actorgraph-memcheck,
# the binary is AG_MEMCHECK_TARGET, which ctest sets in every build)
build=$(dirname "${AG_MEMCHECK_TARGET:-$ag}")
if [[ -f $build/cmake_install.cmake ]] && cmake --install "$build" --prefix "$tmp/p" >/dev/null 2>&1 &&
   [[ -f $tmp/p/share/man/man1/actorgraph.1 && -f $tmp/p/share/bash-completion/completions/actorgraph &&
      -f $tmp/p/share/actorgraph/cameo-types.csv ]]
then pass "installed: man page, completion, CAMEO mapping"; else fail "installed: man page, completion, CAMEO mapping"; fi

summary manpage
