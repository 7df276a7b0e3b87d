#!/usr/bin/env bash
# Installs what building and testing refrain needs, and only what is missing; safe to run again.
#   - the Rust target wasm32-unknown-unknown, and the components rustfmt and clippy
#   - wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock (wasm-bindgen and
#     wasm-bindgen-test-runner; a cold install compiles for 6-7 minutes)
#   - the npm development tools of package-lock.json (binaryen's wasm-opt, playwright-core, axe-core,
#     Biome)
#   - Debian's chromium, chromium-driver and fonts-noto-cjk, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# 1. The WebAssembly target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "rust target wasm32-unknown-unknown: installing"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The formatter and linter of the test command.
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    say "rust component $component: present"
  else
    say "rust component $component: installing"
    rustup component add "$component"
  fi
done

# 2. wasm-bindgen-cli, the same version as the wasm-bindgen crate (they must match exactly).
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  say "cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" = "$want" ] && [ "$have_runner" = "$want" ]; then
  say "wasm-bindgen-cli $want: present"
else
  say "wasm-bindgen-cli $want: installing (found '${have:-none}'; this compiles for several minutes)"
  # --locked pins the CLI's own dependencies; when their pinned versions cannot be built here,
  # fall back to a resolution of today's compatible versions.
  cargo install wasm-bindgen-cli --version "=$want" --locked \
    || cargo install wasm-bindgen-cli --version "=$want" --force
fi

# 3. npm development tools, exactly as package-lock.json pins them.
if [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1 && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm tools: present"
else
  say "npm tools: installing (npm ci)"
  npm ci --no-audit --no-fund
fi

# 4. Chromium and its driver for the browser tests, and CJK fonts for the page.
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ] && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium, chromium-driver, fonts-noto-cjk: present"
else
  [ "${#missing[@]}" -eq 0 ] && missing=(chromium chromium-driver)
  say "installing ${missing[*]} (apt-get)"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
say "done"
