#!/usr/bin/env bash
# Every test of refrain, in order, then the payload and speed figures. `make test` runs it after
# scripts/setup.sh. Each step is run even when an earlier one failed; the summary at the end says
# which passed, and the exit status is 0 only when all did.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

results=()
failed=0

# No step may hang the run: each is stopped after STEP_LIMIT seconds (25 minutes unless set) and
# then fails, and a node test fails after 5 minutes (--test-timeout).
STEP_LIMIT="${STEP_LIMIT:-1500}"

step() {
  local name="$1"
  shift
  printf '\n==> %s\n' "$name"
  local start=$SECONDS status=0
  timeout --kill-after=30 "$STEP_LIMIT" bash -c '"$@"' step "$@" || status=$?
  if [ "$status" -eq 0 ]; then
    results+=("PASS  $name ($((SECONDS - start)) s)")
  else
    [ "$status" -eq 124 ] && printf 'stopped: the step ran past its %s s\n' "$STEP_LIMIT"
    results+=("FAIL  $name ($((SECONDS - start)) s)")
    failed=1
  fi
}

# Test files of a folder, as node's test runner names them (node 20 and later alike).
node_tests() {
  find "$1" -type f \( -name '*.test.mjs' -o -name '*.test.js' -o -name '*.test.cjs' \
    -o -name '*-test.mjs' -o -name '*_test.mjs' \) -not -path '*/node_modules/*' | sort
}

run_node_tests() {
  local dir="$1"
  local files
  mapfile -t files < <(node_tests "$dir")
  if [ "${#files[@]}" -eq 0 ]; then
    echo "no test files in $dir"
    return 1
  fi
  node --test --test-concurrency=1 --test-timeout=300000 "${files[@]}"
}

wasm_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --test "$1"
}

export -f node_tests run_node_tests wasm_test

step "JavaScript formatted and linted (Biome, biome.json)" node_modules/.bin/biome ci www tests scripts
step "Rust formatted (cargo fmt --check, rustfmt.toml)" cargo fmt --check
step "Rust lints on the host (cargo clippy --all-targets -D warnings)" cargo clippy --all-targets -- -D warnings
step "Rust lints of the WebAssembly core build (clippy, wasm32)" \
  cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
step "Rust lints of the WebAssembly full build (clippy, wasm32, features parallel and groups)" \
  cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features parallel,groups -- -D warnings
step "Rust tests on the host (unit, integration, doc)" cargo test --no-fail-fast
step "benches compile" cargo build --benches
step "WebAssembly tests in Node (tests/wasm_node.rs)" wasm_test wasm_node
step "WebAssembly tests in headless Chromium (tests/wasm_browser.rs)" wasm_test wasm_browser
step "build the WebAssembly package (make wasm)" make --no-print-directory wasm
step "JavaScript API tests (tests/js)" run_node_tests tests/js
step "page tests in headless Chromium (tests/e2e)" run_node_tests tests/e2e
step "npm package: packed, built by Vite and webpack, TypeScript, publint (tests/npm)" run_node_tests tests/npm
step "payload and speed figures (scripts/measure-wasm.mjs)" node scripts/measure-wasm.mjs

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
if [ "$failed" -eq 0 ]; then
  printf '\nPASS: every test passed\n'
else
  printf '\nFAIL: some steps failed (see above)\n'
fi
exit "$failed"
