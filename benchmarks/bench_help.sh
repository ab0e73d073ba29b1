#!/usr/bin/env bash
# Wall time of `summarizer --help` (target < 0.3 s): best and median of 10 runs.
set -euo pipefail
runs=()
for _ in $(seq 10); do
  start=$(date +%s.%N); summarizer --help > /dev/null; end=$(date +%s.%N)
  runs+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$1} END {printf "summarizer --help: best %.3f s, median %.3f s over %d runs\n", a[1], a[int((NR+1)/2)], NR}'
