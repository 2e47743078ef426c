#!/usr/bin/env bash
# make bench-scale: whole-process figures of cpm on synthetic corpora (bench/make_corpus.py), one size after
# another, then cpm convert against opencc and main-content extraction against Readability on the same bytes.
# usage: bench/scale.sh CPM SHARED "SIZES" WORK_DIR
#   CPM: the command (make's $(CPM): the native executable, or "dotnet .../cpm.dll"); a bare .dll is run with dotnet.
set -uo pipefail
CPM=$1; [[ $CPM == *.dll ]] && CPM="dotnet $CPM"; SHARED=$2; SIZES=$3; WORK=$4
mkdir -p "$WORK"
n_of() { case $1 in *k) echo $(( ${1%k} * 1000 ));; *) echo "$1";; esac; }
TRASH="$WORK/trash"; mkdir -p "$TRASH"
trash() { for p in "$@"; do [ -e "$p" ] && mv "$p" "$(mktemp -d "$TRASH/XXXXXX")/"; done; return 0; }
trap 'rm -rf "$TRASH"' EXIT
timed() { # label, command...: prints wall seconds, CPU seconds and peak RSS (MB) of the whole process
  local log="$WORK/time.log"
  /usr/bin/time -v "${@:2}" >"$WORK/out.log" 2>"$log" </dev/null
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log")
  echo "$wall $cpu $rss"
}
# Times are CPU seconds of the whole process (user + system): on a shared machine wall time measures the
# neighbours; docs/s and MB/s are per CPU second, i.e. per core. Wall seconds follow on the second line.
printf '%-6s %8s %8s %7s %8s %8s %9s %8s %8s %8s %8s\n' docs "cpu s" "docs/s" "MB/s" "peakMB" "storeMB" "store/raw" "rerun" "add1" "compare" "rules"
for size in $SIZES; do
  n=$(n_of "$size"); corpus="$WORK/corpus-$size"
  [ -d "$corpus" ] || python3 bench/make_corpus.py "$n" "$corpus" corpus "$SHARED" || exit 1
  rawmb=$(du -sLm --apparent-size "$corpus/" | cut -f1)
  # The last run's store and outputs are moved aside and deleted at the end, not before the runs: ext4 without a
  # journal passes over recently deleted inodes when it makes new files, so creating ~4 files a document right
  # after deleting as many cost several times the system time a user's fresh folder costs.
  db="$WORK/db-$size/cpm.db"; out="$WORK/out-$size"; trash "$WORK/db-$size" "$out"
  read -r wall cpu rss < <(timed fresh $CPM run --corpus "$corpus" --out-dir "$out" --db "$db")
  read -r rwall rcpu rrss < <(timed rerun $CPM run --corpus "$corpus" --out-dir "$out" --db "$db")
  extra="$WORK/extra-$size"; trash "$extra"; mkdir -p "$extra"
  sed "1s/^/补充通知 $(date +%s%N)\n/" "$(find "$corpus" -maxdepth 1 -name "*.txt" | sort | head -1)" > "$extra/new.txt"
  read -r awall acpu arss < <(timed add $CPM ingest "$extra/new.txt" --db "$db")
  read -r cwall ccpu crss < <(timed compare $CPM compare --db "$db" --format csv)
  trash "$WORK/rules-$size"
  read -r uwall ucpu urss < <(timed rules $CPM rules --db "$db" --out-dir "$WORK/rules-$size")
  read -r swall scpu srss < <(timed search $CPM search 产业集群 --db "$db")
  storemb=$(du -sm "$WORK/db-$size" | cut -f1)
  awk -v n="$n" -v c="$cpu" -v r="$rss" -v raw="$rawmb" -v st="$storemb" -v rc="$rcpu" -v ac="$acpu" -v cc="$ccpu" -v uc="$ucpu" \
    'BEGIN { printf "%-6s %8.1f %8.1f %7.2f %8s %8s %9.2f %8.2f %8.2f %8.2f %8.2f\n", n, c, n/c, raw/c, r, st, st/raw, rc, ac, cc, uc }'
  echo "       raw ${rawmb} MB, store $(( storemb * 1024 / n )) KB per document; search ${scpu} s CPU; peak MB: rerun $rrss, add one $arss, compare $crss, rules $urss"
  echo "       wall s: run $wall, rerun $rwall, add one $awall, compare $cwall, rules $uwall, search $swall"
done

# cpm convert against OpenCC's command on the same 30 MB of traditional text.
if command -v opencc >/dev/null; then
  trad="$WORK/trad-30mb.txt"
  if [ ! -f "$trad" ]; then
    : > "$trad"; while [ "$(stat -c %s "$trad")" -lt 31457280 ]; do cat corpus/*.zh-hant.txt >> "$trad"; done
  fi
  read -r ow oc _ < <(timed opencc opencc -c t2s.json -i "$trad" -o "$WORK/trad.opencc")
  read -r cw cc crss < <(timed convert bash -c "$CPM convert -c t2s < '$trad' > '$WORK/trad.cpm'")
  same=$(cmp -s "$WORK/trad.opencc" "$WORK/trad.cpm" && echo "identical output" || echo "outputs differ")
  awk -v ow="$ow" -v cw="$cw" -v oc="$oc" -v cc="$cc" -v r="$crss" -v s="$same" 'BEGIN { printf "convert 30 MB: opencc %.2f s CPU (%.2f wall), cpm %.2f s CPU (%.2f wall): %.1f× opencc per CPU second; peak %s MB, %s\n", oc, ow, cc, cw, oc/cc, r, s }'
else
  echo "convert: opencc not installed (apt-get install opencc), comparison skipped"
fi

# Main-content extraction per HTML page, whole processes on the same pages (the first 500 HTML pages of the first
# corpus): cpm extract --text (decoding, normalisation, the DOM step and the furniture lines: the clean text of
# each page) against readability-lxml and Readability.js on jsdom, which read UTF-8 text and extract only; and, for
# scale, the whole cpm pipeline into a store. In process: make bench BENCH_ARGS="--filter *Extraction* --pages DIR".
pages="$WORK/pages"; trash "$pages"; mkdir -p "$pages"
first=${SIZES%% *}; find "$WORK/corpus-$first" -maxdepth 1 -name "*.html" | sort | head -500 | xargs -r cp -t "$pages"
np=$(ls "$pages" | wc -l)
rate() { awk -v n="$1" -v c="$2" 'BEGIN{printf "%.1f", n/c}'; }
if [ "$np" -gt 0 ]; then
  read -r xw xc xrss < <(timed cpm-text $CPM extract "$pages" --text)
  xchars=$(grep -v '^==> ' "$WORK/out.log" | wc -m)
  echo "extraction, $np HTML pages, pages per CPU second (whole process):"
  echo "  cpm extract --text: $(rate "$np" "$xc") ($xc s CPU, $xw s wall, peak $xrss MB; $xchars characters of clean text)"
  base=""
  if python3 -c 'import readability' 2>/dev/null || /usr/bin/python3 -c 'import readability' 2>/dev/null; then
    py=python3; python3 -c 'import readability' 2>/dev/null || py=/usr/bin/python3
    read -r lw lc lrss < <(timed readability-lxml $py bench/readability_lxml.py "$pages")
    echo "  readability-lxml:   $(rate "$np" "$lc") ($lc s CPU, $lw s wall, peak $lrss MB; $(cat "$WORK/out.log") characters of summary HTML)"
    base=$lc
  else
    echo "  readability-lxml: not installed (apt-get install python3-readability), skipped"
  fi
  rdir=.cpm/bench-readability
  if [ -d "$rdir/node_modules/@mozilla/readability" ] || (mkdir -p "$rdir" && cd "$rdir" && npm install --silent --no-audit --no-fund @mozilla/readability jsdom >/dev/null 2>&1); then
    read -r jw jc jrss < <(timed readability-js node bench/readability.js "$rdir" "$pages")
    echo "  Readability.js on jsdom: $(rate "$np" "$jc") ($jc s CPU, $jw s wall, peak $jrss MB; $(cat "$WORK/out.log") characters of text)"
  else
    echo "  Readability.js: npm install @mozilla/readability jsdom failed (offline?), skipped"
  fi
  trash "$WORK/pages-db"
  read -r pw pc _ < <(timed cpm-pages $CPM ingest "$pages" --db "$WORK/pages-db/cpm.db")
  echo "  cpm ingest (whole pipeline and store): $(rate "$np" "$pc")"
  [ -n "$base" ] && awk -v x="$xc" -v l="$base" 'BEGIN{printf "  cpm extract --text per CPU second: %.2f× readability-lxml\n", l/x}'
fi
