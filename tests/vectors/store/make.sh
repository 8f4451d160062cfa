#!/usr/bin/env bash
# Writes tests/vectors/store/<release>.json: what each past release's own code put in the
# browser's store (IndexedDB "cpa-companion", object store "records") for the same sample plans.
# Each release's core is taken from git (git archive, into a temporary folder) and built with
# make_vector.cpp; nothing of today's code writes a vector.  Run from the repo root:
#   tests/vectors/store/make.sh
# The vectors are committed: run this again only to add a release whose store format changed.
set -euo pipefail
ROOT="$(git rev-parse --show-toplevel)"
OUT="$ROOT/tests/vectors/store"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# release name, commit, what changed in the store, and whether that release wrote a fallback record
RELEASES=(
  "2026-11-23-records|4342583|the first release that kept plans: current and previous, each {doc, save_id, saved_at}, doc the sealed envelope (version 1) of the records document (schema 1)|no"
  "2026-11-25-fallback|9dc96c0|adds the fallback record for the plain page (fallback, fallback_previous; version 1, contacts with label, href, relationship and when)|yes"
  "2026-12-06-warnings|fedd762|the fallback record's contacts also carry a warning (a national service's name with another number, a number the app will not call)|yes"
)

build() {  # commit dir fallback
  local commit="$1" dir="$2" fallback="$3" defines=()
  mkdir -p "$dir"
  git -C "$ROOT" archive "$commit" src/core content | tar -x -C "$dir"
  [ "$fallback" = yes ] && defines=(-DCPA_VECTOR_FALLBACK)
  nice clang++-14 -std=c++20 -O0 -w "${defines[@]}" -I"$dir/src" "$dir"/src/core/*.cpp "$OUT/make_vector.cpp" \
    -lqrcodegencpp -o "$dir/make_vector"
}

for release in "${RELEASES[@]}"; do
  IFS='|' read -r name commit about fallback <<<"$release"
  dir="$TMP/$name"
  echo "make.sh: $name (commit $commit)"
  build "$commit" "$dir" "$fallback"
  "$dir/make_vector" "$dir/content" records >"$dir/records.txt"
  : >"$dir/fallback.txt"
  [ "$fallback" = yes ] && "$dir/make_vector" "$dir/content" fallback >"$dir/fallback.txt"
  node - "$name" "$commit" "$about" "$dir" "$OUT/$name.json" <<'JS'
const [name, commit, about, dir, out] = process.argv.slice(2);
const fs = require('fs');
const doc = fs.readFileSync(`${dir}/records.txt`, 'utf8');
const fallback = fs.readFileSync(`${dir}/fallback.txt`, 'utf8');
// As that release's web/lib_storage.js stored them: the latest and the previous good copy
// (here the same plans, saved a minute apart), and the fallback records as plain strings.
const records = {
  current: { doc, save_id: 'k3v9x2ab-mi6w1h0g-4f2a9c', saved_at: 1763892960000 },
  previous: { doc, save_id: 'k3v9x2ab-mi6w0k2c-9d1e7b', saved_at: 1763892900000 },
};
if (fallback) { records.fallback = fallback; records.fallback_previous = fallback; }
const vector = {
  release: name, commit, about,
  made_by: 'tests/vectors/store/make.sh: make_vector.cpp built against that commit\'s src/core and content',
  database: 'cpa-companion', version: 1, object_store: 'records', records,
};
fs.writeFileSync(out, JSON.stringify(vector, null, 2) + '\n');
JS
done
