#!/usr/bin/env bash
# tests/cli/tutorial.sh: runs the commands of docs/TUTORIAL.md, taken from
# the Markdown itself so that the two cannot drift apart, and compares what
# each prints with what the tutorial shows.
#
# In a ```console block, a line "$ COMMAND" is a command, the lines after it
# that start with "> " continue it (a here-document), and the other lines up
# to the next command are its output (standard output and error, merged).
# The commands run one by one with bash, in order, in an empty folder where
# 'graphs' is the repository's graphs/ and 'actorgraph' the binary tested.
#
# Usage, from the repository root (ctest does this as cli_tutorial):
#   bash tests/cli/tutorial.sh PATH-TO-ACTORGRAPH
# With AG_TUTORIAL_UPDATE=1, rewrites the outputs shown in the tutorial
# instead (then read the diff).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

mkdir "$tmp/bin" "$tmp/work"
ln -s "$(cd "$(dirname "$ag")" && pwd)/$(basename "$ag")" "$tmp/bin/actorgraph"
ln -s "$PWD/graphs" "$tmp/work/graphs"

/usr/bin/python3 - docs/TUTORIAL.md "$tmp/work" "$tmp/bin" "${AG_TUTORIAL_UPDATE:-}" <<'PY'
import os, re, subprocess, sys

md, work, bindir, update = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
lines = open(md, encoding="utf-8").read().split("\n")
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], LC_ALL="C.UTF-8",
           COLUMNS="100")
out, i, failed, ran = [], 0, 0, 0
while i < len(lines):
    out.append(lines[i])
    if lines[i].strip() != "```console":
        i += 1
        continue
    i += 1
    while i < len(lines) and lines[i].strip() != "```":
        if not lines[i].startswith("$ "):
            print("tutorial.md:%d: expected a '$ ' command line" % (i + 1))
            sys.exit(1)
        cmd_line = i
        cmd = [lines[i][2:]]
        out.append(lines[i])
        i += 1
        while i < len(lines) and lines[i].startswith("> "):
            cmd.append(lines[i][2:])
            out.append(lines[i])
            i += 1
        want = []
        while i < len(lines) and not lines[i].startswith("$ ") and lines[i].strip() != "```":
            want.append(lines[i])
            i += 1
        p = subprocess.run(["bash", "-c", "\n".join(cmd) + "\n"], cwd=work, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        got = p.stdout.decode("utf-8").rstrip("\n").split("\n") if p.stdout.strip() else []
        ran += 1
        if update:
            out.extend(got)
        elif got != want:
            failed += 1
            print("FAIL tutorial.md:%d: %s" % (cmd_line + 1, cmd[0]))
            for w in want:
                print("     - " + w)
            for g in got:
                print("     + " + g)
        else:
            print("ok   tutorial.md:%d: %s" % (cmd_line + 1, cmd[0]))
if update:
    open(md, "w", encoding="utf-8").write("\n".join(out))
    print("updated %s (%d commands)" % (md, ran))
sys.exit(1 if failed or ran == 0 else 0)
PY
if (($? == 0)); then pass; else fail "the tutorial's commands and outputs"; fi
summary tutorial
