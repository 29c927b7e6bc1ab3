#!/usr/bin/env bash
# Check that the working tree codes articles byte-identically to BASE_REV (issue 11: refactors keep output).
#
#   scripts/same_output.sh BASE_REV        (e.g. scripts/same_output.sh main)
#   scripts/same_output.sh BASE_REV --ignore-event-id
#
# Checks BASE_REV out into a temporary git worktree, codes the dev set, the news set and the first 1,000
# articles of the corpus sample with both trees (`pantau extract --format jsonl`, the same interpreter, each
# tree's own src/ on PYTHONPATH) and compares the JSONL with cmp, ignoring nothing. Each side builds its
# gazetteer in its own fresh cache folder, so a change to the index builder is compared too (the cache key
# hashes the data, not the code). The base outputs are kept in /tmp/pantau-same-output/<sha> for reuse.
# Exit 0 when every output is identical, 1 when one differs (the first differing line is printed).
# An event_id hashes the language data's version (analysis.lexicon_version), so a change to any file of lang/
# changes every id and nothing else when the rules keep their output: --ignore-event-id compares the records
# without it (and says how many ids changed).
set -euo pipefail
base=${1:?usage: scripts/same_output.sh BASE_REV [--ignore-event-id]}
ignore_ids=${2:-}
root=$(git rev-parse --show-toplevel)
eval_dir=${PANTAU_EVAL:-$root/../shared/eval}
py=${PYTHON:-$root/.venv/bin/python}
sha=$(git -C "$root" rev-parse "$base^{commit}")
work=/tmp/pantau-same-output
mkdir -p "$work"
sample=$work/corpus1000.jsonl
[ -s "$sample" ] || { zcat "$eval_dir/corpus/indosum-dev.jsonl.gz" || true; } | head -n 1000 > "$sample"
inputs=("dev:$eval_dir/dev/articles.jsonl" "news:$eval_dir/news/articles.jsonl" "corpus:$sample")

code_tree() {  # code_tree SRC_ROOT OUT_DIR: code every input with the tree at SRC_ROOT
    local src=$1 out=$2 cache
    cache=$(mktemp -d)
    mkdir -p "$out"
    for pair in "${inputs[@]}"; do
        PYTHONPATH="$src/src" PANTAU_CACHE="$cache" "$py" -c 'import sys; from pantau.cli.main import main; sys.exit(main())' \
            extract "${pair#*:}" --format jsonl > "$out/${pair%%:*}.jsonl" 2> "$out/${pair%%:*}.log"
    done
    rm -rf "$cache"
}

if [ ! -f "$work/$sha/done" ]; then
    tree=$(mktemp -d)
    git -C "$root" worktree add --detach --quiet "$tree" "$sha"
    trap 'git -C "$root" worktree remove --force "$tree"' EXIT
    code_tree "$tree" "$work/$sha"
    touch "$work/$sha/done"
fi
now=$(mktemp -d)
code_tree "$root" "$now"
status=0
for pair in "${inputs[@]}"; do
    name=${pair%%:*}
    if cmp -s "$work/$sha/$name.jsonl" "$now/$name.jsonl"; then
        echo "same   $name ($(wc -l < "$now/$name.jsonl") lines)"
    elif [ "$ignore_ids" = --ignore-event-id ] && "$py" - "$work/$sha/$name.jsonl" "$now/$name.jsonl" "$name" <<'PY'
import json, sys
a, b = ([json.loads(line) for line in open(path, encoding="utf-8")] for path in sys.argv[1:3])
ids = sum(x.get("event_id") != y.get("event_id") for x, y in zip(a, b, strict=False))
for r in a + b:
    r.pop("event_id", None)
if a != b:
    sys.exit(1)
print(f"same   {sys.argv[3]} ({len(a)} lines) but event_id ({ids} changed)")
PY
    then
        :
    else
        echo "DIFFER $name"; cmp "$work/$sha/$name.jsonl" "$now/$name.jsonl" || true; status=1
    fi
done
rm -rf "$now"
exit $status
