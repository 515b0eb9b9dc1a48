#!/usr/bin/env bash
# Marrow Factory's one entry point for people and CI.
#
#   bash setup.sh serve   install what is missing, build the page, serve it at http://127.0.0.1:8080
#   bash setup.sh test    install what is missing, then run every test layer (what CI runs)
#   bash setup.sh bench   install what is missing, measure (model, page, size, Lighthouse, a long UI
#                         fuzz run) and write BENCHMARKS.md; about 25 minutes, not part of CI
#   bash setup.sh tools   only install what is missing
#
# Every install step checks for the exact version first and skips what is already there, so a warm
# run goes straight to work. Downloads come from crates.io, npm and Debian's packages only.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)

TRUNK_VERSION=0.21.14
# Firefox is the second browser of the component tests; geckodriver builds from crates.io.
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132
# Cuts the page's WebAssembly into the first download and parts fetched later (tools/split-wasm.mjs).
WASM_SPLIT_VERSION=0.2.4
TOOLS_DIR=${MARROW_TOOLS_DIR:-$HOME/.cache/marrow-factory}
# wasm-bindgen-cli must match the wasm-bindgen the page links against: read it from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

export PATH="$TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
GECKODRIVER_PATH=${GECKODRIVER_PATH:-$HOME/.cargo/bin/geckodriver}

say() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_rust_parts() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding rustup component $component"
      rustup component add "$component"
    fi
  done
}

install_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

install_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
     command -v wasm-bindgen-test-runner >/dev/null; then
    return
  fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # `cargo install --locked wasm-bindgen-cli` fails here: its lock file names webpki-roots 1.0.11,
  # which the registry lacks. Build the published source with that one crate pinned to 1.0.10.
  local work
  work=$(mktemp -d)
  mkdir -p "$work/fetch/src"
  cat > "$work/fetch/Cargo.toml" <<EOF
[package]
name = "fetch-wasm-bindgen-cli"
version = "0.0.0"
edition = "2021"
[dependencies]
wasm-bindgen-cli = "=$WASM_BINDGEN_VERSION"
EOF
  touch "$work/fetch/src/lib.rs"
  (cd "$work/fetch" && cargo fetch --quiet)
  local crate_file
  crate_file=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "wasm-bindgen-cli-$WASM_BINDGEN_VERSION.crate" | head -n 1)
  tar -xzf "$crate_file" -C "$work"
  (
    cd "$work/wasm-bindgen-cli-$WASM_BINDGEN_VERSION"
    if grep -A1 '^name = "webpki-roots"$' Cargo.lock | grep -q 'version = "1.0.11"'; then
      cargo update --quiet -p webpki-roots@1.0.11 --precise 1.0.10
    fi
    cargo install --locked --path .
  )
  rm -rf "$work"
}

install_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    return
  fi
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION.0.0"
  mkdir -p "$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/binaryen-$BINARYEN_VERSION" "binaryen@$BINARYEN_VERSION.0.0"
}

install_wasm_split() {
  if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    return
  fi
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, about two minutes, once)"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
}

install_browsers() {
  if ! { [ -x "$CHROMIUM_PATH" ] && [ -x "$CHROMEDRIVER" ] && command -v firefox-esr >/dev/null; }; then
    say "installing Chromium, ChromeDriver and Firefox ESR from Debian"
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends chromium chromium-driver firefox-esr
  fi
  if [ "$("$GECKODRIVER_PATH" --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about two minutes, once)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
  fi
}

install_e2e_packages() {
  local stamp=tests/e2e/node_modules/.lock-stamp
  if [ -f "$stamp" ] && cmp -s "$stamp" tests/e2e/package-lock.json; then
    return
  fi
  say "installing the end-to-end tests' npm packages"
  (cd tests/e2e && npm ci --silent --no-audit --no-fund)
  cp tests/e2e/package-lock.json "$stamp"
}

# Lighthouse, for the benchmark command only: its own folder and lock file, apart from the tests'.
install_bench_packages() {
  local stamp=tools/bench/node_modules/.lock-stamp
  if [ -f "$stamp" ] && cmp -s "$stamp" tools/bench/package-lock.json; then
    return
  fi
  say "installing the benchmark's npm packages (Lighthouse)"
  (cd tools/bench && npm ci --silent --no-audit --no-fund)
  cp tools/bench/package-lock.json "$stamp"
}

install_for_build() {
  install_rust_parts
  install_trunk
  install_wasm_bindgen
  install_wasm_opt
  install_wasm_split
  cargo fetch --quiet
}

install_for_tests() {
  install_for_build
  install_browsers
  install_e2e_packages
}

# ---- test layers -----------------------------------------------------------------------------

layer_lint() {
  cargo fmt --check
  cargo clippy --all-targets --locked -- -D warnings
  # The page's own build (index.html sets the feature `split`: src/app/later.rs).
  cargo clippy --all-targets --locked --target wasm32-unknown-unknown --features split -- -D warnings
}

layer_native() {
  cargo test --locked
}

# The same component tests in two browsers: Chromium, then Firefox (one driver variable at a time,
# since wasm-bindgen-test-runner picks the browser from it).
layer_browser_components() {
  say "component tests in Chromium"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --locked --target wasm32-unknown-unknown --test web
  say "component tests in Firefox"
  env -u CHROMEDRIVER GECKODRIVER="$GECKODRIVER_PATH" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --locked --target wasm32-unknown-unknown --test web
}

layer_end_to_end() {
  trunk build --release
  (cd tests/e2e && npx playwright test)
}

# The core of the end-to-end specs again in Debian's Firefox ESR (Playwright's own Firefox build
# cannot be downloaded here), driven through geckodriver and WebDriver BiDi by selenium-webdriver,
# on the build the previous layer made.
layer_end_to_end_firefox() {
  (cd tests/e2e && GECKODRIVER_PATH="$GECKODRIVER_PATH" node --test --test-reporter=spec firefox/firefox.test.mjs)
}

layer_size() {
  node tests/e2e/size-report.mjs dist
}

run_tests() {
  local passed=0 failed=0 failed_layers=()
  local started=$SECONDS
  for layer in lint native browser_components end_to_end end_to_end_firefox size; do
    say "test layer: $layer"
    local layer_started=$SECONDS status
    # In a subshell with errexit on: called as an `if` condition, bash would ignore errexit inside
    # the layer, and a layer would pass whenever its last command did (a failed `cargo fmt --check`
    # before a passing clippy, failed Chromium component tests before passing Firefox ones).
    set +e
    (set -e; "layer_$layer")
    status=$?
    set -e
    if [ "$status" -eq 0 ]; then
      passed=$((passed + 1))
      echo "layer $layer passed in $((SECONDS - layer_started)) s"
    else
      failed=$((failed + 1))
      failed_layers+=("$layer")
      echo "layer $layer FAILED after $((SECONDS - layer_started)) s"
    fi
  done
  echo
  echo "test command finished in $((SECONDS - started)) s; failed layers: ${failed_layers[*]:-none}"
  echo "layers: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# ---- benchmark -------------------------------------------------------------------------------

BENCH_DIR=target/bench
BENCH_PORT=${BENCH_PORT:-4180}
BENCH_URL="http://127.0.0.1:$BENCH_PORT/"
# Runs of `cargo bench --bench model` and of Lighthouse per preset; medians are taken over them.
BENCH_MODEL_RUNS=${BENCH_MODEL_RUNS:-3}
BENCH_LIGHTHOUSE_RUNS=${BENCH_LIGHTHOUSE_RUNS:-3}

# Runs one step of the benchmark, noting its exit status, time and the machine's load as it began
# (the report prints them). A failed step does not stop the others.
bench_step() {
  local name=$1 started=$SECONDS load status=0
  shift
  say "bench: $name"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  "$@" || status=$?
  echo "$name $status $((SECONDS - started)) $load" >> "$BENCH_DIR/steps.txt"
}

bench_model() {
  local run
  for run in $(seq "$BENCH_MODEL_RUNS"); do
    cargo bench --locked --bench model | tee "$BENCH_DIR/model-$run.txt" || return 1
  done
}

bench_size() {
  # Over the test command's budget is a figure to report here, not a reason to stop.
  node tests/e2e/size-report.mjs dist || true
  cp dist/size-report.json "$BENCH_DIR/size.json"
}

bench_page() {
  (cd tests/e2e && node bench/page-bench.mjs --url "$BENCH_URL" --out "$ROOT/$BENCH_DIR/page.json")
}

bench_lighthouse() {
  local preset run args
  for preset in mobile desktop; do
    args=()
    [ "$preset" = desktop ] && args=(--preset=desktop)
    for run in $(seq "$BENCH_LIGHTHOUSE_RUNS"); do
      CHROME_PATH="$CHROMIUM_PATH" tools/bench/node_modules/.bin/lighthouse "$BENCH_URL" "${args[@]}" \
        --quiet --output=json --output-path="$BENCH_DIR/lighthouse-$preset-$run.json" \
        --only-categories=performance,accessibility,best-practices \
        --chrome-flags="--headless=new --no-sandbox --disable-background-networking --disable-component-update" ||
        return 1
      echo "lighthouse $preset run $run done"
    done
  done
}

bench_long_fuzz() {
  local seed_args=()
  [ -n "${FUZZ_SEED:-}" ] && seed_args=(--seed "$FUZZ_SEED")
  (cd tests/e2e && node fuzz/long-run.mjs --url "$BENCH_URL" --minutes "${BENCH_FUZZ_MINUTES:-10}" \
    --out "$ROOT/$BENCH_DIR/fuzz.json" "${seed_args[@]}")
}

run_bench() {
  rm -rf "$BENCH_DIR"
  mkdir -p "$BENCH_DIR"
  date -u +%Y-%m-%dT%H:%M:%SZ > "$BENCH_DIR/started.txt"
  bench_step build trunk build --release
  bench_step model bench_model
  bench_step size bench_size
  # The built page, served gzip-compressed as a deployment would (Lighthouse counts transferred bytes).
  node tests/e2e/serve-dist.mjs dist "$BENCH_PORT" &
  local server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  node tests/e2e/bench/wait-for-page.mjs "$BENCH_URL"
  bench_step page bench_page
  bench_step lighthouse bench_lighthouse
  bench_step long_fuzz bench_long_fuzz
  kill "$server" 2>/dev/null || true
  trap - EXIT
  node tools/bench/write-report.mjs "$BENCH_DIR" BENCHMARKS.md
  if awk '$2 != 0 { failed = 1 } END { exit !failed }' "$BENCH_DIR/steps.txt"; then
    echo "bench: some steps failed (see the Steps table of BENCHMARKS.md)" >&2
    return 1
  fi
}

case "${1:-}" in
  serve)
    install_for_build
    say "building and serving Marrow Factory at http://127.0.0.1:8080 (Ctrl+C stops it)"
    exec trunk serve --release --address 127.0.0.1 --port 8080
    ;;
  test)
    started=$SECONDS
    install_for_tests
    echo "set-up took $((SECONDS - started)) s"
    run_tests
    ;;
  tools)
    install_for_tests
    ;;
  bench)
    install_for_tests
    install_bench_packages
    run_bench
    ;;
  *)
    echo "usage: bash setup.sh serve|test|tools|bench" >&2
    exit 2
    ;;
esac
