#!/usr/bin/env bash
# Builds the archive twice, at a base commit and as the working tree is now, and shows how
# dist/ differs: the check that a change of the build machinery (issue #14: protocols rendered
# by a content loader instead of MDX modules) changes the site only where intended.
#
# Usage: scripts/dist-diff.sh [BASE] [OUT]
#   BASE  git commit to compare with (default: HEAD)
#   OUT   working folder (default: /tmp/om-dist-diff); keeps before/ and after/ for a closer look
#
# Both builds run `npm run build` (Astro, Pagefind, date order) with SOURCE_DATE_EPOCH set, so
# the open data's timestamps match. Each copy uses this worktree's packages (symlinked) and
# its own caches. Prints `diff -r` of the HTML/JSON/XML text files, ignoring Pagefind's index
# (binary, hashed names), and a summary of which files differ.
set -euo pipefail
BASE=${1:-HEAD}
OUT=${2:-/tmp/om-dist-diff}
REPO=$(cd "$(dirname "$0")/.." && pwd)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764547200}

rm -rf "$OUT"
mkdir -p "$OUT/before" "$OUT/after"
git -C "$REPO" archive "$BASE" | tar -x -C "$OUT/before"
# The working tree as it is, committed or not (tracked and new files, not ignored ones).
git -C "$REPO" ls-files -z --cached --others --exclude-standard | (cd "$REPO" && xargs -0 tar -c -f - 2>/dev/null) | tar -x -C "$OUT/after"

for side in before after; do
  # Packages linked one by one, so that Astro's data store and Vite's cache (node_modules/.astro,
  # node_modules/.vite) are the copy's own: both builds start cold instead of reusing the worktree's.
  mkdir "$OUT/$side/node_modules"
  for entry in "$REPO"/node_modules/* "$REPO"/node_modules/.bin; do ln -s "$entry" "$OUT/$side/node_modules/"; done
  echo "== building $side" >&2
  (cd "$OUT/$side" && npm run build >"$OUT/$side.log" 2>&1) || { echo "build failed: $OUT/$side.log" >&2; tail -30 "$OUT/$side.log" >&2; exit 1; }
done

cd "$OUT"
diff -rq -x pagefind before/dist after/dist >"$OUT/files.txt" || true
echo "== files that differ (without dist/pagefind/): $(grep -c . "$OUT/files.txt" || true)"
cat "$OUT/files.txt"
echo "== diff (text files, pages pretty-split at tags so lines stay short)"
for file in $(grep '^Files ' "$OUT/files.txt" | awk '{print $2}'); do
  other="after/${file#before/}"
  echo "--- $file"
  diff <(sed 's/></>\n</g' "$file") <(sed 's/></>\n</g' "$other") | head -60 || true
done
