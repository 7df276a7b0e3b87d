#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer, AddressSanitizer) for a while per target.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s, every target)
#
# Installs the nightly toolchain and cargo-fuzz when they are missing (this script only; `make
# test` never fuzzes). Seeds each target's corpus (fuzz/corpus/TARGET, not in git) from small
# slices of ../shared/corpus the first time. Runs the targets one after the other, niced; a
# crash stops its target and leaves the input in fuzz/artifacts/TARGET/. Keep such an input
# under fuzz/regressions/TARGET/ with the fix: tests/fuzz_regressions.rs replays them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds="${1:-600}"
[ "$#" -gt 0 ] && shift
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=(tokenize compare query json)

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo +nightly install cargo-fuzz --locked
fi

corpus_dir="../shared/corpus"
# A few real statements of each kind (English, Chinese, the editorial).
sources=()
for f in ungdc/CHN_78_2023 ungdc/RUS_78_2023 ungdc/USA_78_2023 official/en/xi_2020-11-17_brics12_summit \
  official/zh/xi_2020-11-17_brics12_summit_zh official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua \
  seed/editorial-brics-nsa-2023; do
  [ -f "$corpus_dir/$f.txt" ] && sources+=("$corpus_dir/$f.txt")
done

# slice FILE OFFSET LENGTH: bytes of a file (a slice may cut a character: the targets read
# their input as lossy UTF-8).
slice() {
  dd if="$1" iflag=skip_bytes,count_bytes bs=4096 skip="$2" count="$3" status=none
}

# seed TARGET: small slices (up to 2 KB) of the sources; compare and query seeds join two or
# three slices with the record separator (\x1e) that the targets split statements at.
seed() {
  local target="$1" dir="fuzz/corpus/$1" n=0
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return 0
  if [ "${#sources[@]}" -eq 0 ]; then
    echo "no statements in $corpus_dir: $target starts from an empty corpus"
    return 0
  fi
  for src in "${sources[@]}"; do
    for offset in 0 4000 12000; do
      n=$((n + 1))
      case "$target" in
        tokenize) slice "$src" "$offset" 2000 >"$dir/seed-$n" ;;
        compare)
          { slice "$src" "$offset" 1200; printf '\x1e'
            slice "${sources[$((n % ${#sources[@]}))]}" "$offset" 1200; } >"$dir/seed-$n" ;;
        query)
          { printf 'true multilateralism\x1e'; slice "$src" "$offset" 1200; printf '\x1e'
            slice "${sources[$((n % ${#sources[@]}))]}" "$offset" 1200; } >"$dir/seed-$n" ;;
        json)
          # The JSON the page sends: options and statements (the slices as JSON strings).
          { printf '{"options": {"min_words": %d, "spelling": false}, "statements": [{"id": "a", "date": "2021-0%d-01", "text": ' \
              $((n % 4 + 1)) $((n % 9 + 1))
            slice "$src" "$offset" 600 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.buffer.read().decode("utf-8","replace")))'
            printf '}, {"id": "b", "speaker": null, "text": '
            slice "${sources[$((n % ${#sources[@]}))]}" "$offset" 600 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.buffer.read().decode("utf-8","replace")))'
            printf '}]}'; } >"$dir/seed-$n" ;;
      esac
    done
  done
}

for target in "${targets[@]}"; do
  seed "$target"
  echo "==> fuzzing $target for $seconds s"
  nice -n 10 cargo +nightly fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=16384 -timeout=30 -rss_limit_mb=3072 -print_final_stats=1
done
