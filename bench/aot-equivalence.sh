#!/usr/bin/env bash
# Two builds of cpm, byte for byte: every command over corpus/ (and a synthetic corpus when given) is run
# with each, in its own folder with the same relative paths, and the two folders (stdout, stderr, exit
# code of every command, and every file they wrote) are compared with diff -r. Exit 1 on any difference.
# usage: bench/aot-equivalence.sh "CPM_A" "CPM_B" WORK_DIR [SCALE_CORPUS]
#   e.g. bench/aot-equivalence.sh "dotnet .cpm/publish-r2r/cpm.dll" .cpm/publish/cpm .cpm/aot-eq .cpm/bs/corpus-1k
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
A=$1; B=$2; WORK=$3; SCALE=${4:-}
# Each word of a command that names a file is made absolute (the commands run in a/ and b/).
abs() { local w out=(); for w in $1; do [[ -e $w ]] && w=$(realpath "$w"); out+=("$w"); done; echo "${out[*]}"; }
A=$(abs "$A"); B=$(abs "$B")
[[ -n $SCALE ]] && SCALE=$(cd "$SCALE" && pwd)
rm -rf "$WORK"; mkdir -p "$WORK/a" "$WORK/b" "$WORK/in"; WORK=$(cd "$WORK" && pwd)
C="$ROOT/corpus"; IN="$WORK/in"

# Bad inputs: empty, binary, truncated gzip and pdf, a missing path.
: > "$IN/empty.txt"; head -c 4096 /dev/urandom > "$IN/binary.txt"; cp "$IN/binary.txt" "$IN/binary.html"
gzip -c "$C/qinghai-2023-implementing-rules.txt" | head -c 300 > "$IN/truncated.txt.gz"
cp "$IN/truncated.txt.gz" "$IN/truncated.gz"
head -c 3000 "$C/qinghai-2023-implementing-rules.libreoffice.pdf" > "$IN/truncated.pdf"
printf '\xef\xbb\xbf\xe6\xa1\x88' > "$IN/bom-short.txt"

# one NAME ARGS...: run the command with each build (in a/ and b/), stdout, stderr and exit code kept.
one() { local name=$1; shift
  for side in a b; do local cpm=$A; [[ $side == b ]] && cpm=$B
    (cd "$WORK/$side" && $cpm "$@" > "out/$name.out" 2> "out/$name.err"; echo $? > "out/$name.rc"); done; }
# stdin NAME FILE ARGS...: the same with FILE on standard input.
stdin() { local name=$1 file=$2; shift 2
  for side in a b; do local cpm=$A; [[ $side == b ]] && cpm=$B
    (cd "$WORK/$side" && $cpm "$@" < "$file" > "out/$name.out" 2> "out/$name.err"; echo $? > "out/$name.rc"); done; }
mkdir -p "$WORK/a/out" "$WORK/b/out"

one version --version
one help --help
one run run --corpus "$C" --out-dir extracted --db cpm.db
one rerun run --corpus "$C" --out-dir extracted --db cpm.db
# A store written by one build is a no-op re-run for the other (same PipelineVersion.Current): the versions
# the two stores hold are compared (a re-processed document would write the same files, so the run alone
# would not show it).
for side in a b; do python3 -c 'import sqlite3, sys; print(sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT DISTINCT pipeline FROM documents")))' \
  "$WORK/$side/cpm.db" > "$WORK/$side/out/pipeline-version.txt"; done
cp "$WORK/a/cpm.db" "$WORK/b/cross.db"; cp "$WORK/b/cpm.db" "$WORK/a/cross.db"
cp -r "$WORK/a/extracted" "$WORK/b/cross-out"; cp -r "$WORK/b/extracted" "$WORK/a/cross-out"
one cross-rerun run --corpus "$C" --out-dir cross-out --db cross.db
rm "$WORK/a/cross.db" "$WORK/b/cross.db"
for f in "$C"/*.txt "$C"/*.html "$C"/*.pdf "$IN"/* "$IN/missing.txt"; do n=$(basename "$f")
  one "extract-$n" extract "$f"; one "extract-text-$n" extract --text "$f"; one "extract-json-$n" extract --json "$f"
  one "ingest-$n" ingest "$f" --db bad.db; done
one extract-text-folder extract --text "$C"
one list list --db cpm.db
one list-json list --db cpm.db --json
for id in $(cd "$WORK/a" && $A list --db cpm.db --json | jq -r '.documents[].shortId'); do
  for o in "" --text --outline --thresholds --json; do one "show-$id$o" show "$id" $o --db cpm.db; done; done
one show-missing show zzzzzz --db cpm.db
for q in 集群 一带一路 專精特新 中小企业 xyz; do one "search-$q" search "$q" --db cpm.db; one "search-json-$q" search "$q" --json --db cpm.db; done
for fmt in table md csv html json; do one "compare-$fmt" compare --format "$fmt" --db cpm.db
  one "compare-median-$fmt" compare --format "$fmt" --baseline median --include-drafts --db cpm.db; done
one compare-on compare --on 2024-01-01 --db cpm.db
one compare-xlsx compare --format xlsx --out compare.xlsx --db cpm.db
command -v chromium >/dev/null && one compare-pdf compare --format pdf --out compare.pdf --db cpm.db
ids=($(cd "$WORK/a" && $A list --db cpm.db --json | jq -r '.documents[] | select(.jurisdiction | test("青海")) | .shortId'))
if (( ${#ids[@]} >= 2 )); then
  for fmt in md html json; do one "diff-$fmt" diff "${ids[0]}" "${ids[1]}" --format "$fmt" --db cpm.db
    one "diff-template-$fmt" diff "${ids[0]}" "${ids[1]}" --template --format "$fmt" --db cpm.db; done
fi
one diff-missing diff zzzzzz yyyyyy --db cpm.db
one rules rules --out-dir rules --db cpm.db
one rules-json rules --out-dir rules-json --json --db cpm.db
for p in "$C"/profiles/*.yaml; do n=$(basename "$p")
  one "check-$n" check "$p" --on 2025-06-01 --db cpm.db; one "check-json-$n" check "$p" --on 2025-06-01 --json --db cpm.db; done
one check-bad check "$IN/binary.txt" --db cpm.db
one check-missing check "$IN/missing.yaml" --db cpm.db
for f in "$C"/*.zh-hant.txt "$C"/*.txt "$IN"/empty.txt "$IN"/binary.txt; do n=$(basename "$f")
  for cfg in t2s hk2s tw2s; do stdin "convert-$cfg-$n" "$f" convert -c "$cfg"; stdin "normalize-$cfg-$n" "$f" normalize -c "$cfg"; done; done
if [[ -n $SCALE ]]; then
  one run-scale run --corpus "$SCALE" --out-dir scale-out --db scale.db
  one compare-scale compare --format csv --db scale.db
  one rules-scale rules --out-dir scale-rules --db scale.db
fi

# xlsx and pdf: a zip with a creation time and a printed date; compare their deterministic content.
for side in a b; do d="$WORK/$side"
  if [[ -f $d/compare.xlsx ]]; then mkdir -p "$d/compare.xlsx.d" && (cd "$d/compare.xlsx.d" && unzip -q -o ../compare.xlsx)
    rm -f "$d/compare.xlsx.d/docProps/core.xml" "$d/compare.xlsx"; fi
  if [[ -f $d/compare.pdf ]]; then pdftotext -layout "$d/compare.pdf" "$d/compare.pdf.txt" 2>/dev/null; rm -f "$d/compare.pdf"; fi
  rm -f "$d"/*.db "$d"/*.db-* ; done
# The version line carries the build; the two builds of one commit print the same.
if diff -r "$WORK/a" "$WORK/b" > "$WORK/diff.txt"; then
  echo "aot-equivalence: identical ($(ls "$WORK/a/out" | grep -c '\.rc$') commands, $(find "$WORK/a" -type f | wc -l) files)"
else
  echo "aot-equivalence: DIFFERENT, see $WORK/diff.txt:" >&2; head -40 "$WORK/diff.txt" >&2; exit 1
fi
