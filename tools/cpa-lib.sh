# shellcheck shell=bash
# The work behind ./cpa.  Sourced by ./cpa; every function runs from the repo root.

IMGUI_VERSION="1.90.1"
IMGUI_TARBALL="imgui_${IMGUI_VERSION}+ds.orig.tar.xz"
IMGUI_SHA256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"
IMGUI_POOL_URL="http://deb.debian.org/debian/pool/main/i/imgui/imgui_${IMGUI_VERSION}%2Bds.orig.tar.xz"
IMGUI_DIR="$ROOT/third_party/imgui-${IMGUI_VERSION}"

# Nayuki's QR Code generator, its C library, compiled into both builds from this source.
# Debian's source package is qr-code-generator (binary packages libqrcodegen*).
QRCODEGEN_VERSION="1.8.0"
QRCODEGEN_TARBALL="qr-code-generator_${QRCODEGEN_VERSION}.orig.tar.gz"
QRCODEGEN_SHA256="2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60"
QRCODEGEN_POOL_URL="http://deb.debian.org/debian/pool/main/q/qr-code-generator/${QRCODEGEN_TARBALL}"
QRCODEGEN_DIR="$ROOT/third_party/QR-Code-generator-${QRCODEGEN_VERSION}"

# Everything the build and tests need, from Debian.
APT_PACKAGES=(
  ca-certificates curl xz-utils git
  cmake ninja-build g++ make pkg-config
  emscripten
  nlohmann-json3-dev doctest-dev
  libsodium-dev
  fonts-noto-core fonts-opendyslexic python3-fonttools
  chromium
  firefox-esr webkit2gtk-driver xvfb xauth xdotool
  gzip brotli
  clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14 shellcheck
)

export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"   # emcc's optimizer needs Debian's acorn

# CPA_BUILD_DIR / CPA_DIST_DIR / CPA_E2E_PORT let two checkouts' worth of work share a tree.
BUILD="$(realpath -m "${CPA_BUILD_DIR:-$ROOT/build}")"
DIST="$(realpath -m "${CPA_DIST_DIR:-$ROOT/dist}")"
export CPA_BUILD_DIR="$BUILD" CPA_DIST_DIR="$DIST"

say()  { printf 'cpa: %s\n' "$*"; }
die()  { printf 'cpa: error: %s\n' "$*" >&2; exit 1; }

cpa_help() {
  cat <<'TXT'
usage: ./cpa <command>
  serve [--port N] [--deployment FILE [--example]]
                     set up, build the release site, serve it on 127.0.0.1 (default 8080)
  test [PART]        set up, build, and run every test part with ctest, two at a time (or the parts
                     with one label: unit, ui, asan (both; always under ASan + UBSan), wasm-unit,
                     routing (the exhaustive crisis-routing proof), store (web/store.mjs in Node),
                     lint, fuzz, e2e, engines (the key journeys in Firefox ESR and WebKitGTK));
                     e2e [playwright args] runs those browser tests directly;
                     ends with ctest's summary: "cpa test: 100% tests passed, 0 tests failed out of N in Ns"
  prepare WHAT       what a ctest part needs first (tests/suite.cmake): native, wasm, release or sites
  build [--deployment FILE [--example]] [--out DIR]
                     build the static site into dist/ (or DIR); --example: a demonstration
                     (drama numbers allowed, and every screen says its local numbers reach no one)
  bench [--check]    the app beside the bare Dear ImGui example: sizes, start-up, idle, frames,
                     memory; --check exits 1 when a budget is not met
  lint [--fix]       clang-format (check; --fix rewrites) and clang-tidy on our C++ (src/, tests/, tools/),
                     eslint on our JavaScript (eslint.config.mjs) and its types (tsc: tsconfig.json),
                     shellcheck on ./cpa, .ci/run and *.sh
  fuzz [SECONDS]     build the libFuzzer targets and run each for SECONDS (default 60)
  setup              install what is missing (apt, npm, Dear ImGui source); quiet when all is there
TXT
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (run as root, or install sudo)"; fi
}

missing_apt_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$p"
  done
  command -v node >/dev/null 2>&1 || printf 'nodejs\nnpm\n'
}

setup_apt() {
  local missing
  missing=$(missing_apt_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  say "installing Debian packages: $missing"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
    || die "apt-get update failed: is the network to the Debian archive up?"
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null \
    || die "apt-get install failed for: $missing"
}

setup_imgui() {
  [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/.sha256-ok" ] && return 0
  say "fetching Dear ImGui $IMGUI_VERSION source from Debian's source packages"
  local tmp; tmp=$(mktemp -d)
  if ! curl -fsSL --retry 3 -o "$tmp/$IMGUI_TARBALL" "$IMGUI_POOL_URL"; then
    # The pool file goes when Debian moves on; apt-get source still finds it in trixie's sources.
    say "pool download failed; trying apt-get source imgui/trixie"
    local list=/etc/apt/sources.list.d/cpa-trixie-src.sources
    if [ ! -f "$list" ]; then
      printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        | as_root tee "$list" >/dev/null
      as_root apt-get update -q >/dev/null || die "apt-get update (trixie sources) failed"
    fi
    (cd "$tmp" && apt-get source --download-only "imgui/trixie" >/dev/null) \
      || die "could not download the Dear ImGui source (no network to deb.debian.org?)"
  fi
  echo "$IMGUI_SHA256  $tmp/$IMGUI_TARBALL" | sha256sum -c --quiet - \
    || die "Dear ImGui tarball checksum mismatch: refusing to use it"
  mkdir -p "$ROOT/third_party"
  rm -rf "$IMGUI_DIR"
  tar -xJf "$tmp/$IMGUI_TARBALL" -C "$ROOT/third_party"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || die "Dear ImGui tarball did not unpack to $IMGUI_DIR"
  echo "$IMGUI_SHA256" > "$IMGUI_DIR/.sha256-ok"
  rm -rf "$tmp"
}

setup_npm() {
  local stamp="$ROOT/node_modules/.cpa-lock-sha"
  local want; want=$(sha256sum package-lock.json | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
  say "installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null \
    || die "npm ci failed: is the npm registry reachable?"
  echo "$want" > "$stamp"
}

setup_qrcodegen() {
  [ -f "$QRCODEGEN_DIR/c/qrcodegen.c" ] && [ -f "$QRCODEGEN_DIR/.sha256-ok" ] && return 0
  say "fetching qrcodegen $QRCODEGEN_VERSION source from Debian's source packages"
  local tmp; tmp=$(mktemp -d)
  if ! curl -fsSL --retry 3 -o "$tmp/$QRCODEGEN_TARBALL" "$QRCODEGEN_POOL_URL"; then
    say "pool download failed; trying apt-get source qr-code-generator"
    (cd "$tmp" && apt-get source --download-only "qr-code-generator=${QRCODEGEN_VERSION}-1.1" >/dev/null) \
      || die "could not download the qrcodegen source (no network to deb.debian.org, or no deb-src entry?)"
  fi
  echo "$QRCODEGEN_SHA256  $tmp/$QRCODEGEN_TARBALL" | sha256sum -c --quiet - \
    || die "qrcodegen tarball checksum mismatch: refusing to use it"
  mkdir -p "$ROOT/third_party"
  rm -rf "$QRCODEGEN_DIR"
  tar -xzf "$tmp/$QRCODEGEN_TARBALL" -C "$ROOT/third_party"
  [ -f "$QRCODEGEN_DIR/c/qrcodegen.c" ] || die "qrcodegen tarball did not unpack to $QRCODEGEN_DIR"
  echo "$QRCODEGEN_SHA256" > "$QRCODEGEN_DIR/.sha256-ok"
  rm -rf "$tmp"
}

cpa_setup() {
  setup_apt
  setup_imgui
  setup_qrcodegen
  setup_npm
}

# ---- build ----
# The same configurations as CMakePresets.json, in $BUILD/<name>.
# Three configurations, defined once in CMakePresets.json (what each is for is written there), each
# in $BUILD/<name> and built once for everything that needs it:
#   native  clang-14 with ASan + UBSan: the site tool, the unit and UI tests, the fuzz targets;
#   wasm    Emscripten: the app, and the core tests for Node;
#   release clang-14 optimised, no sanitizers: the exhaustive crisis-routing proof (4M cases; over
#           ten minutes under the sanitizers) and ./cpa bench's native frame numbers.
# `cmake --preset <name>` (or `cmake --workflow --preset native`) builds the same without ./cpa.
# Our sources compile in batches (CPA_UNITY).  A folder configured another way is started afresh.
configure() {  # name: a configure preset
  local name="$1" dir="$BUILD/$1"
  local werror=OFF; [ "${CI:-}" = true ] && werror=ON   # CI turns every warning in our code into an error
  local key; key="$name $(sha256sum <"$ROOT/CMakePresets.json" | cut -c1-16) -DCPA_WERROR=$werror"
  if [ -f "$dir/build.ninja" ] && [ "$(cat "$dir/cpa-configured" 2>/dev/null)" = "$key" ]; then return 0; fi
  # Inside a ctest run (tests/suite.cmake sets CPA_IN_CTEST) a configured folder is used as it is:
  # ctest itself runs from build/native, which may have been configured by a preset directly.
  if [ -n "${CPA_IN_CTEST:-}" ] && [ -f "$dir/build.ninja" ]; then return 0; fi
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$ROOT" && cmake --preset "$name" -B "$dir" -DCPA_WERROR=$werror) >"$BUILD/configure-$name.log" 2>&1 \
    || { cat "$BUILD/configure-$name.log" >&2; die "cmake configure ($name) failed"; }
  echo "$key" >"$dir/cpa-configured"
}

cmake_build() {  # name [targets...]
  local name="$1" dir="$BUILD/$1"; shift
  local status=0 targets=()
  [ $# -gt 0 ] && targets=(--target "$@")
  cmake --build "$dir" "${targets[@]}" >"$BUILD/build-$name.log" 2>&1 || status=$?
  grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: no work to do|Re-checking globbed|^-- ' "$BUILD/build-$name.log" || true
  [ "$status" = 0 ] || die "build ($name) failed (log: ${BUILD#"$ROOT"/}/build-$name.log)"
}

cpa_build_native() { mkdir -p "$BUILD"; configure native; cmake_build native; }
cpa_build_wasm()   { mkdir -p "$BUILD"; configure wasm; cmake_build wasm; }
cpa_build_release() { mkdir -p "$BUILD"; configure release; cmake_build release "$@"; }

# What the site is made from, both builds at once: the site tool (native) and the app (wasm).
# Each leaves a core idle while it links (wasm-opt is one thread), which the other fills.  The
# tests are built apart (./cpa prepare native|wasm), so the browser tests can start sooner.
cpa_build_both() {
  mkdir -p "$BUILD"
  local t=$SECONDS
  configure native
  configure wasm
  ( cmake_build native cpa_site; say "native build (the site tool): $((SECONDS - t))s" ) & local native=$!
  ( cmake_build wasm cpa; say "wasm build (the app): $((SECONDS - t))s" ) & local wasm=$!
  local failed=0
  wait "$native" || failed=1
  wait "$wasm" || failed=1
  [ "$failed" = 0 ] || die "build failed"
}

OPENDYSLEXIC_DIR=/usr/share/fonts/opentype/opendyslexic  # from fonts-opendyslexic

# Cut a font down to what the content shows plus what people type (Latin, Welsh, punctuation).
subset_font() {  # source target glyph-file
  /usr/bin/python3 -m fontTools.subset "$1" --text-file="$3" \
    --unicodes="U+0020-017F,U+2000-206F,U+20AC" --layout-features='' --no-hinting \
    --output-file="$2" 2>/dev/null || die "could not cut the font $1"
}

# The release: a hash of every file of the site (index.html still holding its __CPA_RELEASE__
# mark), so any change to the app, its words or its numbers makes a new one.  It goes into
# index.html (<html data-release>, which the About screen shows) and into sw.js, with the list
# of files to keep offline; the service worker's cache is named after it.
write_service_worker() {  # site-dir
  local out="$1" files release
  files=$(cd "$out" && find . -type f ! -name _headers ! -name sw.js ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | sort)
  release=$(cd "$out" && printf '%s\n' "$files" | xargs sha256sum | sha256sum | cut -c1-12)
  sed -i "s|__CPA_RELEASE__|$release|" "$out/index.html"
  local list; list=$(printf '%s\n' "./" "$files" | sed 's|.*|"&"|' | paste -sd, -)
  sed -e "s|__RELEASE__|$release|" -e "s|__PRECACHE__|[$list]|" "$ROOT/shell/sw.js" > "$out/sw.js"
}

# The page's scripts as they are sent: terser (npm, pinned in package-lock.json) shortens local
# names and drops what never runs; object properties, which the wasm and the page share by
# name, are left as they are.
minify_js() {  # file...
  local f
  for f in "$@"; do
    { node "$ROOT/node_modules/terser/bin/terser" "$f" --compress --mangle --comments false -o "$f.min" \
      && mv "$f.min" "$f"; } || die "could not minify $f"
  done
}

# Beside each file a browser may take compressed, its brotli (x.br) and gzip (x.gz) copies, made
# once here at the strongest settings, as a static host serves them (web/serve.mjs does the same).
precompress_site() {  # site-dir
  # shellcheck disable=SC2016  # the sh -c script's $1 is its own argument, expanded there
  find "$1" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.wasm' \
    -o -name '*.svg' -o -name '*.ttf' -o -name '*.otf' -o -name '*.webmanifest' -o -name '*.txt' \) -print0 \
    | xargs -0 -P2 -I{} sh -c 'brotli -f -q 11 -o "$1.br" "$1" && gzip -9 -n -c "$1" > "$1.gz"' _ {} \
    || die "could not compress the site's files"
}

cpa_build_site() {
  local out="$DIST" deployment=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --out) out="$(realpath -m "$2")"; shift 2 ;;
      --deployment)
        [ -f "${2:-}" ] || die "build: no deployment file at '${2:-}'"
        deployment+=(--deployment "$(realpath "$2")"); shift 2 ;;
      --example) deployment+=(--example); shift ;;  # core refuses it without a deployment file
      *) die "build: unknown option $1" ;;
    esac
  done
  cpa_build_both
  rm -rf "$out"; mkdir -p "$out/fonts"
  "$BUILD/native/cpa_site" --content "$ROOT/content" --shell "$ROOT/shell" --out "$out" \
    --glyphs "$BUILD/glyphs.txt" "${deployment[@]}" >/dev/null || die "content or deployment did not validate (see above)"
  subset_font /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf "$out/fonts/NotoSans-Regular.ttf" "$BUILD/glyphs.txt"
  subset_font /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf "$out/fonts/NotoSans-Bold.ttf" "$BUILD/glyphs.txt"
  # The dyslexia-friendly font (a Display setting), fetched only by someone who turns it on.
  # OpenDyslexic, by Abelardo Gonzalez: CC BY 3.0, based on Bitstream Vera (its licence allows
  # changed copies such as this cut, under another name); its licence goes with it.
  subset_font "$OPENDYSLEXIC_DIR/OpenDyslexic-Regular.otf" "$out/fonts/OpenDyslexic-Regular.otf" "$BUILD/glyphs.txt"
  subset_font "$OPENDYSLEXIC_DIR/OpenDyslexic-Bold.otf" "$out/fonts/OpenDyslexic-Bold.otf" "$BUILD/glyphs.txt"
  cp /usr/share/doc/fonts-opendyslexic/copyright "$out/fonts/OpenDyslexic-LICENSE.txt"
  cp "$BUILD/wasm/cpa.js" "$BUILD/wasm/cpa.wasm" "$out/"
  cp "$ROOT/shell/app.css" "$ROOT/shell/guard.js" "$ROOT/shell/loader.js" "$ROOT/shell/watchdog.js" \
     "$ROOT/shell/manifest.webmanifest" "$ROOT/shell/icon.svg" "$out/"
  minify_js "$out/cpa.js" "$out/guard.js" "$out/loader.js" "$out/watchdog.js"
  write_service_worker "$out"
  precompress_site "$out"
  say "site built in ${out#"$ROOT"/}/ ($(du -sk "$out" | cut -f1) KB)"
}

cpa_serve() {
  local port=8080 build_args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port="$2"; shift 2 ;;
      --deployment) build_args+=(--deployment "$2"); shift 2 ;;
      --example) build_args+=(--example); shift ;;
      *) die "serve: unknown option $1" ;;
    esac
  done
  cpa_build_site "${build_args[@]}"
  exec node "$ROOT/web/serve.mjs" --root "$DIST" --port "$port"
}

# ---- test ----
# The suite is ctest's (tests/suite.cmake registers every part in the native build, with labels
# and the fixtures a part needs); ./cpa test is set-up, the native build, and ctest.

# What a ctest fixture needs built (tests/suite.cmake): ./cpa prepare wasm|release|sites.
cpa_prepare() {
  case "${1:-}" in
    native) cpa_build_native ;;
    wasm) cpa_build_wasm ;;
    release) cpa_build_release routing_proof ;;
    sites)  # the site, the kiosk test site, and the largest plan the browsers load
      cpa_build_site
      cpa_build_kiosk_test_site
      cmake_build native largest_plan
      "$BUILD/native/largest_plan" "$BUILD/largest-plan.json" "$BUILD/largest-plan-link.txt" \
        || die "could not write the largest plan" ;;
    *) die "prepare: native, wasm, release or sites, not '${1:-}'" ;;
  esac
}

# The e2e tests' second site: kiosk mode on by a deployment, with the shortest timeouts it
# allows (tests/e2e/kiosk-deployment.json), served by playwright.config.mjs on CPA_E2E_PORT+1.
# Its local numbers are Ofcom's drama numbers, so it is built as an example (and says so).
cpa_build_kiosk_test_site() {
  cpa_build_site --deployment "$ROOT/tests/e2e/kiosk-deployment.json" --example --out "$BUILD/dist-kiosk"
}

# ./cpa test [PART]: every part, or the parts with one label (ctest -L).  e2e with Playwright's
# own arguments (a file, -g NAME) runs those tests directly, after building the sites.
cpa_test() {
  local start=$SECONDS what="${1:-all}" label
  [ $# -gt 0 ] && shift
  case "$what" in
    all) label="" ;;
    asan) label='^(unit|ui)$' ;;
    wasm) label='^wasm-unit$' ;;
    unit|ui|wasm-unit|routing|store|lint|fuzz|e2e|engines) label="^$what\$" ;;
    *) die "test: unknown part '$what' (all, unit, ui, asan (both), wasm-unit, routing, store, lint, fuzz, e2e, engines)" ;;
  esac
  if [ "$what" = e2e ] && [ $# -gt 0 ]; then
    cpa_prepare sites
    (cd "$ROOT" && CPA_KIOSK_DIST_DIR="$BUILD/dist-kiosk" node node_modules/@playwright/test/cli.js test \
      -c tests/e2e/playwright.config.mjs "$@")
    return
  fi
  # ctest's home, its test list regenerated if a CMake file changed; the fixtures build the rest.
  mkdir -p "$BUILD"; configure native
  ninja -C "$BUILD/native" build.ninja >/dev/null || die "cmake could not regenerate build/native"
  local log="$BUILD/ctest.log" rc=0 args=(--test-dir "$BUILD/native" -j2 --output-on-failure --label-summary)
  [ -n "$label" ] && args+=(-L "$label")
  ctest "${args[@]}" 2>&1 | tee "$log" && rc=0 || rc=$?  # pipefail: ctest's status
  local summary; summary=$(grep -E '^[0-9]+% tests passed' "$log" | tail -1)
  echo "cpa test: ${summary:-ctest did not finish (exit $rc; log: ${log#"$ROOT"/})} in $((SECONDS - start))s"
  [ "$rc" = 0 ] && [ -n "$summary" ]
}

# ---- bench: numbers, never pass/fail (but --check holds the budgets) ----
# The floor: Dear ImGui's own GLFW + WebGL2 example (examples/example_glfw_opengl3/main.cpp, as it
# comes, but see BARE_FLAGS), from the same ImGui source and the same em++, at -Oz; built into
# $BUILD/bare (ignored, never committed).  tests/bench/bare/ holds the page around it and the stand-in
# for the main-loop header Debian's tarball leaves out.
# It is built with the ImGui options the app itself uses (src/ui/imconfig_cpa.h: no demo window, no
# debug tools, no file functions), so the floor is ImGui's own weight rather than its demo's: with
# the demo window compiled in, the example sends about 250 KB brotli; without it about 145 KB,
# closest to the 137 KB issue 12 measured.
BARE_FLAGS=(-Oz -DIMGUI_DISABLE_DEMO_WINDOWS -DIMGUI_DISABLE_DEBUG_TOOLS -DIMGUI_DISABLE_FILE_FUNCTIONS
  -sDISABLE_EXCEPTION_CATCHING=1)
BARE_LINK=(-sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sNO_FILESYSTEM=1
  -sENVIRONMENT=web -sDISABLE_EXCEPTION_CATCHING=1)
build_bare_example() {
  local bare="$BUILD/bare" stamp
  stamp=$(echo "$IMGUI_VERSION ${BARE_FLAGS[*]} ${BARE_LINK[*]} $(em++ --version | head -1)" | cat - "$ROOT"/tests/bench/bare/* | sha256sum | cut -c1-16)
  if [ -f "$bare/site/index.wasm" ] && [ "$(cat "$bare/stamp" 2>/dev/null)" = "$stamp" ]; then return 0; fi
  local t=$SECONDS
  rm -rf "$bare"; mkdir -p "$bare/example" "$bare/libs/emscripten" "$bare/obj" "$bare/site"
  cp "$IMGUI_DIR/examples/example_glfw_opengl3/main.cpp" "$bare/example/main.cpp"
  cp "$ROOT/tests/bench/bare/emscripten_mainloop_stub.h" "$bare/libs/emscripten/"
  # shellcheck disable=SC2016  # the sh -c script's $0, $@ and $(basename) are its own, expanded there
  printf '%s\n' "$bare/example/main.cpp" "$IMGUI_DIR"/imgui{,_demo,_draw,_tables,_widgets}.cpp \
    "$IMGUI_DIR"/backends/imgui_impl_{glfw,opengl3}.cpp \
    | xargs -P2 -I{} sh -c 'em++ "$@" -c "$0" -o "'"$bare"'/obj/$(basename "$0" .cpp).o"' {} \
      "${BARE_FLAGS[@]}" -I"$IMGUI_DIR" -I"$IMGUI_DIR/backends" >"$bare/build.log" 2>&1 \
    || { tail -20 "$bare/build.log" >&2; die "could not compile the bare ImGui example"; }
  em++ "$bare"/obj/*.o "${BARE_FLAGS[@]}" "${BARE_LINK[@]}" -o "$bare/site/index.js" >>"$bare/build.log" 2>&1 \
    || { tail -20 "$bare/build.log" >&2; die "could not link the bare ImGui example"; }
  cp "$ROOT/tests/bench/bare/index.html" "$bare/site/"
  precompress_site "$bare/site"
  echo "$stamp" >"$bare/stamp"
  say "bare ImGui example built in $((SECONDS - t))s (${bare#"$ROOT"/}/site)"
}

# ./cpa bench [--check]: the app beside the bare example in one run (tests/bench/browser_bench.mjs),
# and the native frame cost.  It prints numbers and never fails ./cpa test; --check exits 1 when
# a budget of issue 12 is not met.  The table goes into README.md (between its bench-table marks)
# and a JSON line into build/bench.jsonl.
cpa_bench() {
  local check=()
  case "${1:-}" in
    --check) check=(--check) ;;
    "") ;;
    *) die "bench: unknown option $1 (--check)" ;;
  esac
  cpa_build_site
  build_bare_example
  cpa_build_release frame_bench
  echo "== native frame cost (headless ImGui, no GPU, optimised, no sanitizers) =="
  "$BUILD/release/frame_bench"
  echo "== in Chromium, beside the bare Dear ImGui example =="
  node "$ROOT/tests/bench/browser_bench.mjs" --app "$DIST" --bare "$BUILD/bare/site" --runs "${CPA_BENCH_RUNS:-5}" \
    --json "$BUILD/bench.jsonl" --readme "$ROOT/README.md" "${check[@]}"
}

# ---- lint: clang-format and clang-tidy on our C++ (never third_party), eslint and TypeScript's
# type check on our JavaScript, and shellcheck on our bash ----
lint_format_files() { find src tests tools \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -type f | sort; }
# clang-tidy on the native build's own compile units for the app's code (core, app, ui, platform
# with memory/ and headless/; the web platform only compiles under Emscripten): the batches of
# the unity build, so each batch's headers are parsed and matched once, and its .cpp files are
# checked as the headers they are there (.clang-tidy's HeaderFilterRegex takes in src/).
lint_tidy_units() {
  local dir="$BUILD/native/CMakeFiles" t
  for t in cpa_core cpa_ui cpa_platform cpa_app_lib; do ls "$dir/$t.dir/Unity/"*.cxx; done
  # Files compiled on their own: the headless backend, and sources kept out of the batches
  # (SKIP_UNITY_BUILD_INCLUSION in CMakeLists.txt).
  sed -n 's|^ *"file": "\('"$ROOT"'/src/.*\.cpp\)",*$|\1|p' "$BUILD/native/compile_commands.json" | sort -u
} 2>/dev/null
LINT_PASSED=0
LINT_FAILED=0
lint_result() {  # passed? what (the one line each check prints)
  say "lint: $2"
  if [ "$1" = 1 ]; then LINT_PASSED=$((LINT_PASSED + 1)); else LINT_FAILED=$((LINT_FAILED + 1)); fi
}

# eslint (eslint.config.mjs: which files, and the rules) on web/, shell/, tests/ and tools/; a
# finding or a config that does not load fails the check.
lint_eslint() {
  local log="$BUILD/lint-eslint.log" rc=0
  node "$ROOT/node_modules/eslint/bin/eslint.js" --max-warnings 0 --format "$ROOT/tools/eslint_lines.mjs" . >"$log" 2>&1 || rc=$?
  local findings files
  findings=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+: ' "$log" || true)
  files=$(sed -nE 's/^eslint checked ([0-9]+) files$/\1/p' "$log")
  if [ "$rc" = 0 ] && [ "$findings" = 0 ]; then
    lint_result 1 "eslint: no findings in ${files:-?} files"
  else
    grep -v '^eslint checked ' "$log" | head -60
    lint_result 0 "eslint: $findings findings in ${files:-?} files (exit $rc; log: ${log#"$ROOT"/})"
  fi
}

# TypeScript's checker on the same JavaScript, with its JSDoc types (nothing is compiled), as three
# programs, each with the globals its files have (tsconfig.json says which): the page, what runs
# in Node (tests/tsconfig.json), and the page's two workers (shell/tsconfig.json).  A type error,
# or a config that does not load, fails the check.  Each program's state is kept in $BUILD, so a
# run after a change rechecks only what the change reaches.
lint_types() {
  local log="$BUILD/lint-types.log" rc=0 program
  : >"$log"
  for program in page:tsconfig.json node:tests/tsconfig.json workers:shell/tsconfig.json; do
    node "$ROOT/node_modules/typescript/bin/tsc" -p "$ROOT/${program#*:}" --pretty false --listFiles \
      --incremental --tsBuildInfoFile "$BUILD/tsc-${program%%:*}.tsbuildinfo" >>"$log" 2>&1 || rc=$?
  done
  local findings files
  findings=$(grep -cE '^[^ ].*\([0-9]+,[0-9]+\): error TS' "$log" || true)
  files=$(grep -E "^$ROOT/(web|shell|tests|tools)/.*\.m?js$" "$log" | sort -u | wc -l)
  if [ "$rc" = 0 ] && [ "$findings" = 0 ]; then
    lint_result 1 "tsc: no type errors in $files files"
  else
    grep -vE "^/" "$log" | head -60
    lint_result 0 "tsc: $findings type errors in $files files (exit $rc; log: ${log#"$ROOT"/})"
  fi
}

# Every shell script git knows of (./cpa, .ci/run, each *.sh), checked by shellcheck.
lint_shellcheck_files() { git -C "$ROOT" ls-files -- cpa .ci/run '*.sh'; }
lint_shellcheck() {
  local log="$BUILD/lint-shellcheck.log" rc=0 files
  mapfile -t files < <(lint_shellcheck_files)
  [ ${#files[@]} -gt 0 ] || { lint_result 0 "shellcheck: no scripts found (not a git checkout?)"; return; }
  shellcheck --format=gcc "${files[@]}" >"$log" 2>&1 || rc=$?
  local findings; findings=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+: ' "$log" || true)
  if [ "$rc" = 0 ] && [ "$findings" = 0 ]; then
    lint_result 1 "shellcheck: no findings in ${#files[@]} scripts"
  else
    head -60 "$log"
    lint_result 0 "shellcheck: $findings findings in ${#files[@]} scripts (exit $rc; log: ${log#"$ROOT"/})"
  fi
}

# The Welsh words as prose (translated, glossary terms, sentence length: tools/welsh/check_prose.py);
# their structure is the content loader's, checked by every build.
lint_welsh() {
  local log="$BUILD/lint-welsh.log"
  if /usr/bin/python3 "$ROOT/tools/welsh/check_prose.py" "$ROOT" >"$log" 2>&1; then
    lint_result 1 "$(head -1 "$log")"
  else
    head -40 "$log"
    lint_result 0 "welsh prose: problems (log: ${log#"$ROOT"/})"
  fi
}

cpa_lint() {
  local fix=0
  [ "${1:-}" = --fix ] && fix=1
  if [ "$fix" = 1 ]; then
    lint_format_files | xargs clang-format-14 -i
    say "lint: clang-format applied to $(lint_format_files | wc -l) files (see git diff)"
    return 0
  fi
  LINT_PASSED=0; LINT_FAILED=0
  mkdir -p "$BUILD"
  # clang-format: each line it would change is a problem.
  local log="$BUILD/lint-format.log"
  lint_format_files | xargs clang-format-14 --dry-run -Werror >"$log" 2>&1 || true
  local problems; problems=$(grep -cE '^[^ ].*:[0-9]+:[0-9]+: (error|warning):' "$log" || true)
  if [ "$problems" = 0 ]; then
    say "lint: clang-format: every file is formatted"
    LINT_PASSED=$((LINT_PASSED + 1))
  else
    grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning):' "$log" | sed "s|^$ROOT/||; s| \[-Wclang-format-violations\]||" | head -60
    [ "$problems" -gt 60 ] && say "lint: ... and $((problems - 60)) more (all in ${log#"$ROOT"/})"
    say "lint: clang-format: $problems places in $(grep -E '^[^ ].*:[0-9]+:[0-9]+: ' "$log" | cut -d: -f1 | sort -u | wc -l) files are not formatted (./cpa lint --fix rewrites them)"
    LINT_FAILED=$((LINT_FAILED + 1))
  fi
  lint_eslint
  lint_types
  lint_shellcheck
  lint_welsh
  # clang-tidy: two at a time, over the native build's compile_commands.json.  A unit's result is
  # kept under a key of its text and the files it includes, every header of ours, .clang-tidy and
  # CMakeLists.txt, so only what changed is checked again.  It needs the native build's
  # configuration, not its objects.
  configure native
  local tidy="$BUILD/lint-tidy.log" cache="$BUILD/lint-tidy-cache" start=$SECONDS
  mkdir -p "$cache"
  local shared; shared=$( (find src -name '*.hpp' -o -name '*.h' | sort | xargs cat; cat .clang-tidy CMakeLists.txt; clang-tidy-14 --version) | sha256sum | cut -c1-32)
  local f key todo=() keys=() checked=0 sources=0
  while read -r f; do
    local included=""
    case "$f" in *.cxx) included=$(sed -n 's/^#include "\(.*\)"$/\1/p' "$f") ;; esac
    sources=$((sources + $(printf '%s\n' "$included" | grep -c . || true)))
    [ -z "$included" ] && sources=$((sources + 1))
    key=$( (echo "$shared ${f#"$BUILD"/}"; cat "$f"; if [ -n "$included" ]; then printf '%s\n' "$included" | xargs cat; fi) | sha256sum | cut -c1-32)
    keys+=("$key")
    [ -f "$cache/$key.out" ] || todo+=("$f" "$cache/$key")
  done < <(lint_tidy_units)
  [ ${#keys[@]} -gt 0 ] || die "lint: no compile units for clang-tidy in ${BUILD#"$ROOT"/}/native"
  if [ ${#todo[@]} -gt 0 ]; then
    checked=$((${#todo[@]} / 2))
    # shellcheck disable=SC2016  # the sh -c script's $0, $1 and $2 are its own arguments, expanded there
    printf '%s\n' "${todo[@]}" | nice xargs -d '\n' -P2 -n2 sh -c \
      'clang-tidy-14 -p "$0" --quiet "$1" >"$2.tmp" 2>"$2.err" && mv "$2.tmp" "$2.out"' "$BUILD/native" || true
  fi
  : >"$tidy"
  local missing=0
  for key in "${keys[@]}"; do
    if [ -f "$cache/$key.out" ]; then cat "$cache/$key.out" >>"$tidy"; else missing=$((missing + 1)); cat "$cache/$key.err" >>"$tidy" 2>/dev/null; fi
  done
  local findings
  findings=$(grep -E '^/.*:[0-9]+:[0-9]+: (warning|error):' "$tidy" | sort -u | sed "s|^$ROOT/||" || true)
  local took="$((SECONDS - start))s, $checked of ${#keys[@]} units ($sources files in batches) checked, the rest unchanged"
  if [ -z "$findings" ] && [ "$missing" = 0 ]; then
    say "lint: clang-tidy: no findings ($took)"
    LINT_PASSED=$((LINT_PASSED + 1))
  else
    [ -n "$findings" ] && printf '%s\n' "$findings"
    [ "$missing" != 0 ] && say "lint: clang-tidy could not check $missing files (compile errors? see ${tidy#"$ROOT"/})"
    say "lint: clang-tidy: $(printf '%s' "$findings" | grep -c . || true) findings ($took)"
    LINT_FAILED=$((LINT_FAILED + 1))
  fi
  [ "$LINT_FAILED" = 0 ]
}


# ---- fuzz: libFuzzer targets (tests/fuzz/fuzz_*.cpp), clang-14 with ASan + UBSan ----

# ./cpa fuzz [SECONDS]: the suite's fuzz tests (tests/suite.cmake), each target for SECONDS
# instead of the suite's few; the corpus grows in $BUILD/fuzz/corpus/<target> from the committed
# seeds in tests/fuzz/corpus/<target>, and anything found lands in $BUILD/fuzz/findings/.
cpa_fuzz() {
  local seconds="${1:-60}" rc=0
  [[ "$seconds" =~ ^[0-9]+$ ]] || die "fuzz: seconds must be a number, not '$seconds'"
  cpa_build_native
  cmake -DCPA_FUZZ_SECONDS="$seconds" "$BUILD/native" >/dev/null
  ctest --test-dir "$BUILD/native" -L '^fuzz$' --output-on-failure || rc=$?
  cmake -DCPA_FUZZ_SECONDS=5 "$BUILD/native" >/dev/null
  return "$rc"
}
