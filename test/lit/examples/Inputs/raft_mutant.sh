#!/usr/bin/env bash
# Makes a mutant of examples/raft for raft.test: copies the example into DIR,
# applies one sed expression to one of its files (failing if it changes
# nothing, so that the test notices when the example moves on), writes a
# compile_commands.json for it, and builds its replay binary (the compiled
# handlers in faultline's simulator) as DIR/replay.
#   raft_mutant.sh FAULTLINE CLANGXX CXXFLAGS EXAMPLE_DIR REPLAY_MAIN DIR FILE SED_EXPR
set -euo pipefail
faultline=$1 clangxx=$2 cxxflags=$3 example=$4 replay_main=$5 dir=$6 file=$7 expr=$8
rm -rf "$dir" && mkdir -p "$dir"
cp "$example"/raft.h "$example"/raft.cpp "$dir"/
sed -i -e "$expr" "$dir/$file"
if cmp -s "$example/$file" "$dir/$file"; then
  echo "raft_mutant.sh: '$expr' changes nothing in $file" >&2
  exit 1
fi
printf '[{"directory": "%s", "file": "%s/raft.cpp", "command": "clang++ %s -c %s/raft.cpp"}]\n' \
  "$dir" "$dir" "$cxxflags" "$dir" > "$dir/compile_commands.json"
"$faultline" extract --emit=simulation -p "$dir" "$dir/raft.cpp" -o "$dir/setup.cpp"
# shellcheck disable=SC2086 # CXXFLAGS is a list of flags
"$clangxx" $cxxflags "$dir/setup.cpp" "$dir/raft.cpp" "$replay_main" -o "$dir/replay"
