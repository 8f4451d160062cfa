# The whole test suite as ctest tests, in the native build (CPA_SUITE, on in the native preset):
#   ctest --preset native              every part, two at a time, and ctest's summary at the end
#   ctest --preset native -L '^e2e$'   one part (labels: unit ui wasm-unit routing store fuzz lint e2e engines)
# The parts that need a build or the built sites name a fixture; ctest runs the fixture first
# (./cpa prepare native|wasm|release|sites: the test programs of a build, or the two sites the
# browsers open), so a label run is complete on its own.  ./cpa test is set-up, configuring this
# folder, and this.
#
# The parts that only compute run at a lower priority (nice), so the browser tests, which wait on
# frames, are never starved of a processor.
# The builds sit side by side (build/native, build/wasm, build/release: the presets' folders, or
# ./cpa's CPA_BUILD_DIR), so the others are found beside this one.
get_filename_component(CPA_BUILD_ROOT ${CMAKE_BINARY_DIR} DIRECTORY)
set(CPA_RELEASE_DIR ${CPA_BUILD_ROOT}/release)
set(CPA_WASM_DIR ${CPA_BUILD_ROOT}/wasm)
set(CPA_KIOSK_DIST ${CPA_BUILD_ROOT}/dist-kiosk)
set(CPA_FUZZ_SECONDS 5 CACHE STRING "How long ctest runs each fuzz target")
set(cpa ${CMAKE_SOURCE_DIR}/cpa)
set(sanitizers "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1"
  "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")

# ---- fixtures: what a part needs built before it runs ----
# The sites come first (the browser tests take longest, and need only the site tool and the
# app); the test programs are built beside them.  Two builds never run in one folder at once
# (RESOURCE_LOCK).
add_test(NAME prepare-sites COMMAND ${cpa} prepare sites WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(prepare-sites PROPERTIES FIXTURES_SETUP sites COST 2000 RESOURCE_LOCK "native-build;wasm-build")
add_test(NAME prepare-native COMMAND nice -n 10 ${cpa} prepare native WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(prepare-native PROPERTIES FIXTURES_SETUP native COST 500 RESOURCE_LOCK native-build)
add_test(NAME prepare-wasm COMMAND nice -n 10 ${cpa} prepare wasm WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(prepare-wasm PROPERTIES FIXTURES_SETUP wasm COST 90 RESOURCE_LOCK wasm-build)
add_test(NAME prepare-release COMMAND nice -n 10 ${cpa} prepare release WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(prepare-release PROPERTIES FIXTURES_SETUP release COST 400)
set_tests_properties(prepare-sites prepare-native prepare-wasm prepare-release PROPERTIES LABELS setup
  ENVIRONMENT "CPA_BUILD_DIR=${CPA_BUILD_ROOT};CPA_IN_CTEST=1")

# ---- the parts ----
set_tests_properties(unit ui PROPERTIES ENVIRONMENT "${sanitizers}" FIXTURES_REQUIRED native)
set_tests_properties(unit PROPERTIES COST 60)
set_tests_properties(ui PROPERTIES COST 120)

add_test(NAME wasm-unit COMMAND node --no-experimental-fetch ${CPA_WASM_DIR}/unit_tests_wasm.js)
set_tests_properties(wasm-unit PROPERTIES LABELS wasm-unit FIXTURES_REQUIRED wasm COST 40)

add_test(NAME routing-proof COMMAND nice -n 10 ${CPA_RELEASE_DIR}/routing_proof)
set_tests_properties(routing-proof PROPERTIES LABELS routing FIXTURES_REQUIRED release COST 300 TIMEOUT 3000)

add_test(NAME store COMMAND node --test --test-timeout=30000 --test-reporter=spec tests/store/
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(store PROPERTIES LABELS store COST 5)

add_test(NAME lint COMMAND nice -n 10 ${cpa} lint WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(lint PROPERTIES LABELS lint COST 100 ENVIRONMENT "CPA_BUILD_DIR=${CPA_BUILD_ROOT};CPA_IN_CTEST=1")

# Each fuzz target for a few seconds: its corpus grows in build/fuzz/corpus/<target> from the
# committed seeds; anything it finds is written to build/fuzz/findings/<target>/ and fails the test.
set(suite_fuzz_sources)
if(CPA_FUZZ)
  file(GLOB suite_fuzz_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
endif()
foreach(source ${suite_fuzz_sources})
  get_filename_component(target ${source} NAME_WE)
  string(REPLACE "fuzz_" "" name ${target})
  set(corpus ${CPA_BUILD_ROOT}/fuzz/corpus/${name})
  set(findings ${CPA_BUILD_ROOT}/fuzz/findings/${name})
  file(MAKE_DIRECTORY ${corpus} ${findings})
  add_test(NAME fuzz-${name} COMMAND nice -n 10 $<TARGET_FILE:${target}> -max_total_time=${CPA_FUZZ_SECONDS}
    -print_final_stats=1 -timeout=10 -rss_limit_mb=2560 -artifact_prefix=${findings}/
    ${corpus} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${name})
  set_tests_properties(fuzz-${name} PROPERTIES LABELS fuzz ENVIRONMENT "${sanitizers}" COST 6 FIXTURES_REQUIRED native)
endforeach()

# The browsers: every test in Chromium (tests/e2e/), and the key journeys in Firefox ESR and
# WebKitGTK (tests/engines/), each on its own ports (CPA_E2E_PORT, and +2 for the engines).
add_test(NAME e2e COMMAND node node_modules/@playwright/test/cli.js test -c tests/e2e/playwright.config.mjs
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(e2e PROPERTIES LABELS e2e FIXTURES_REQUIRED sites COST 1000 TIMEOUT 4000
  ENVIRONMENT "CPA_KIOSK_DIST_DIR=${CPA_KIOSK_DIST};CPA_BUILD_DIR=${CPA_BUILD_ROOT}")
add_test(NAME engines COMMAND node --test-reporter=spec tests/engines/run.mjs WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# After the Chromium tests (DEPENDS orders, it does not require a pass): six browsers at once would
# starve them, and a test others wait on is what ctest starts first, so the Chromium tests start as
# soon as the sites are built, before the test programs' builds.
set_tests_properties(engines PROPERTIES LABELS engines FIXTURES_REQUIRED sites DEPENDS e2e COST 200 TIMEOUT 2000
  ENVIRONMENT "CPA_KIOSK_DIST_DIR=${CPA_KIOSK_DIST};CPA_BUILD_DIR=${CPA_BUILD_ROOT}")
