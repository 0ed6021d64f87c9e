#!/usr/bin/env bash
# Executes every notebook headless (jupyter nbconvert --execute) into a temporary folder and fails on
# the first one that stops with an error. The notebooks themselves stay unchanged.
# Usage: bash notebooks/run-notebooks.sh [notebook.ipynb …]   (default: notebooks/*.ipynb)
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
books=("$@")
[ ${#books[@]} -gt 0 ] || books=(*.ipynb)
for nb in "${books[@]}"; do
  start=$(date +%s)
  # Each notebook has 15 minutes per cell at most; nbconvert exits non-zero when a cell fails.
  /usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 --output-dir "$out" "$nb" >/dev/null 2>"$out/err.txt" || { echo "notebook $nb failed:" >&2; tail -30 "$out/err.txt" >&2; exit 1; }
  echo "ran $nb in $(( $(date +%s) - start )) s"
done
