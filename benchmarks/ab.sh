#!/usr/bin/env bash
# Compares the evaluation speed of git revisions on one machine in one run: builds each revision's
# benchmark jar in a temporary worktree, then runs them all in one JVM, taking turns round by
# round (benchmarks/ab/Builds.java). Prints people per second of thread CPU time and each
# revision's ratio to the first; read the ratio, not the absolute figures, on a shared machine.
#
#   benchmarks/ab.sh e38ecf8 HEAD                 # 20,000 people, 24 rounds
#   PEOPLE=50000 ROUNDS=30 benchmarks/ab.sh main my-branch
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${PEOPLE:-20000}"
ROUNDS="${ROUNDS:-24}"
[ $# -ge 1 ] || { echo "usage: benchmarks/ab.sh <revision> [<revision> ...]" >&2; exit 2; }

tmp="$(mktemp -d)"
cleanup() {
  for wt in "$tmp"/rev-*; do [ -d "$wt" ] && git worktree remove --force "$wt" >/dev/null 2>&1 || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

builds=()
i=0
for rev in "$@"; do
  i=$((i + 1))
  wt="$tmp/rev-$i"
  git worktree add -q --detach "$wt" "$rev"
  echo "building $rev ..." >&2
  (cd "$wt" && mvn -B -q -pl benchmarks -am package -DskipTests >"$tmp/build-$i.log" 2>&1) \
    || { echo "build of $rev failed: see $tmp/build-$i.log" >&2; trap - EXIT; exit 1; }
  mkdir -p "$tmp/trial-$i"
  javac -d "$tmp/trial-$i" -cp "$wt/benchmarks/target/benchmarks.jar" benchmarks/ab/Trial.java
  builds+=("$rev=$tmp/trial-$i:$wt/benchmarks/target/benchmarks.jar")
done
mkdir -p "$tmp/driver"
javac -d "$tmp/driver" benchmarks/ab/Builds.java
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Xms4g -Xmx4g -cp "$tmp/driver" Builds "$PEOPLE" "$ROUNDS" "${builds[@]}"
