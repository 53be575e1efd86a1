# Shared helpers for the bench scripts: timing, medians, figure lines.
# Figures go to stdout as `name: value unit` and to bench/out/figures.txt.

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd -- "${BENCH_DIR}/.." && pwd)
OUT="${BENCH_DIR}/out"
TSX=(node --import "${ROOT}/node_modules/tsx/dist/esm/index.mjs")

now_ns() { date +%s%N; }

# Wall time in milliseconds of a command whose stdout goes to the file named first: time_ms OUTFILE CMD ARGS...
time_ms() {
  local out="$1" start end
  shift
  start=$(now_ns)
  "$@" > "${out}"
  end=$(now_ns)
  echo $(( (end - start) / 1000000 ))
}

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Prints one figure line and records it.
figure() {
  local line="$1: $2 $3"
  echo "${line}"
  echo "${line}" >> "${OUT}/figures.txt"
}

# A note line (not a contract figure) for the log.
note() {
  echo "  # $*"
  echo "  # $*" >> "${OUT}/figures.txt"
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "inf"; else printf "%.1f\n", a / b }'
}
