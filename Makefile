# ClusterPolicyMiner: `make run` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
CONFIG ?= Release
DOTNET ?= dotnet
# The cpm that make runs is the one `make build` publishes (see publish below): the Native AOT executable in
# .cpm/aot when a C toolchain the ILCompiler links with (clang or gcc, and objcopy) is on the PATH, else the
# ReadyToRun build in .cpm/publish, run with dotnet. AOT=0 (or AOT=1) chooses by hand.
PUBLISH_DIR ?= .cpm/publish
AOT_DIR ?= .cpm/aot
CPM_DLL := $(PUBLISH_DIR)/cpm.dll
AOT ?= $(shell { command -v clang || command -v gcc; } >/dev/null 2>&1 && command -v objcopy >/dev/null 2>&1 && echo 1 || echo 0)
ifeq ($(AOT),1)
CPM := $(AOT_DIR)/cpm
else
CPM := $(DOTNET) $(CPM_DLL)
endif
DB ?= .cpm/cpm.db
SHARED ?= ../shared
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: setup setup-test restore build run test check-extracted bench bench-scale conformance fuzz publish publish-now clean

# Native tools: poppler's pdftotext. Installed with apt-get when root, otherwise the command is printed.
setup:
	@command -v $(DOTNET) >/dev/null || { echo "setup: the .NET 10 SDK is missing: install it (https://dot.net) and retry" >&2; exit 1; }
	@if ! command -v pdftotext >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "setup: installing poppler-utils (pdftotext)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null) || exit 1; \
	  else \
	    echo "setup: pdftotext is missing; run: sudo apt-get install -y poppler-utils" >&2; exit 1; \
	  fi; \
	fi

# What only the tests use: Debian's chromium (the report page is opened headless and printed to PDF),
# fonts-noto-cjk (so the screenshot and the PDF show Chinese, not boxes) and opencc (a second opinion on the
# converter). Installed when root; otherwise those tests are skipped with a message.
setup-test: setup
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v opencc >/dev/null || missing="$$missing opencc"; \
	{ command -v fc-list >/dev/null && fc-list :lang=zh family | grep -qi 'noto sans cjk'; } || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "setup-test: installing$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null) \
	      || echo "setup-test: could not install$$missing; the tests that need them will be skipped" >&2; \
	  else \
	    echo "setup-test: to run every test: sudo apt-get install -y$$missing (the tests that need them are skipped)" >&2; \
	  fi; \
	fi

restore: setup
	$(DOTNET) restore ClusterPolicyMiner.sln

# The solution (what the tests load) and the ReadyToRun cpm (what make runs); the second is incremental.
build: restore
	$(DOTNET) build ClusterPolicyMiner.sln -c $(CONFIG) --no-restore -v quiet -nologo
	@$(MAKE) --no-print-directory publish

run: build
	@mkdir -p $(dir $(DB))
	$(CPM) run --corpus corpus --out-dir extracted --db $(DB)

test: setup-test build
	$(DOTNET) test tests/ClusterPolicyMiner.Tests -c $(CONFIG) --no-build -v quiet -nologo --logger "console;verbosity=normal" 2>&1 | tee .cpm-test.log | grep -vE '^\s+Passed ' ; test $${PIPESTATUS[0]} -eq 0
	@.ci/test-summary.sh .cpm-test.log
	@$(MAKE) --no-print-directory check-extracted

# extracted/ is committed so that a new notice shows up as a reviewable diff; CI fails when it is stale.
check-extracted:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(CPM) run --corpus corpus --out-dir "$$tmp/extracted" --db "$$tmp/cpm.db" >/dev/null || true; \
	if ! diff -r -q extracted "$$tmp/extracted" >/dev/null; then \
	  echo "check-extracted: extracted/ is stale; run 'make run' and commit it. Differences:" >&2; \
	  diff -r -q extracted "$$tmp/extracted" >&2; exit 1; \
	fi; echo "check-extracted: extracted/ is up to date"

bench: build
	$(DOTNET) run -c $(CONFIG) --no-build --project tests/ClusterPolicyMiner.Benchmarks -- --shared $(SHARED) $(BENCH_ARGS)

# Whole-process scale figures on synthetic corpora built from corpus/ and the peer suites (SIZES to pick),
# plus cpm convert against opencc and page extraction against Readability; work files in .cpm/bench-scale.
SIZES ?= 1k 10k 100k
bench-scale: build
	@missing=""; command -v opencc >/dev/null || missing="$$missing opencc"; \
	/usr/bin/python3 -c 'import readability' 2>/dev/null || missing="$$missing python3-readability"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "bench-scale: installing$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null) \
	      || echo "bench-scale: could not install$$missing; the comparisons that need them are skipped" >&2; \
	  else echo "bench-scale: to run every comparison: sudo apt-get install -y$$missing" >&2; fi; \
	fi
	bench/scale.sh "$(CPM)" $(SHARED) "$(SIZES)" .cpm/bench-scale

# Article segmentation against the 1,911 local regulations in ../shared/peer-suites (precision and recall).
conformance: build
	CPM_SHARED=$(abspath $(SHARED)) CPM_CONFORMANCE=1 $(DOTNET) test tests/ClusterPolicyMiner.Tests -c $(CONFIG) --no-build \
	  --filter Category=Conformance --logger "console;verbosity=detailed"

# The ingest fuzzer at length (CI runs 2,000 cases): FUZZ_CASES and FUZZ_SEED to change them.
FUZZ_CASES ?= 20000
FUZZ_SEED ?= 13
fuzz: build
	CPM_FUZZ_CASES=$(FUZZ_CASES) CPM_FUZZ_SEED=$(FUZZ_SEED) $(DOTNET) test tests/ClusterPolicyMiner.Tests -c $(CONFIG) --no-build \
	  --filter "FullyQualifiedName~FuzzTests|FullyQualifiedName~KillTests" --logger "console;verbosity=detailed"

# The cpm that make runs (part of make build), both with the same outputs as the plain build in
# src/ClusterPolicyMiner.Cli/bin (check-extracted runs it; bench/aot-equivalence.sh compares every command):
# - AOT=1: Native AOT, one native executable with no JIT (its own obj/bin, never shared with the others).
#   One `cpm extract` of an HTML notice: ~0.05 s of CPU; the publish takes ~4-5 min on 2 cores.
# - AOT=0: ReadyToRun, precompiled code run with dotnet: ~0.2-0.3 s of CPU for the same extract.
# The AOT compiler runs whole each time (minutes), so the publish is skipped while nothing under src/ (a file,
# or a folder's list of files) is newer than the published cpm; publish-now publishes whatever the dates say.
PUBLISHED := $(if $(filter 1,$(AOT)),$(AOT_DIR)/cpm,$(CPM_DLL))
publish: setup
	@if [ -f $(PUBLISHED) ] && [ -z "$$(find src \( -name bin -o -name obj \) -prune -o -newer $(PUBLISHED) -print | head -1)" ]; then \
	  echo "publish: $(PUBLISHED) is up to date with src/ (make publish-now to publish it again)"; \
	else $(MAKE) --no-print-directory publish-now; fi

publish-now: setup
ifeq ($(AOT),1)
	$(DOTNET) publish src/ClusterPolicyMiner.Cli -c $(CONFIG) --use-current-runtime -p:CpmAot=true -o $(AOT_DIR) -v quiet -nologo
else
	$(DOTNET) publish src/ClusterPolicyMiner.Cli -c $(CONFIG) --use-current-runtime --self-contained false \
	  -p:PublishReadyToRun=true -o $(PUBLISH_DIR) -v quiet -nologo
endif
	@touch $(PUBLISHED)
	@echo "publish: run it as: $(CPM)"

clean:
	$(DOTNET) clean ClusterPolicyMiner.sln -v quiet
	rm -rf .cpm
