# maillage — `make demo` and `make test` set everything up on a fresh Debian 12 machine
# (Debian packages with apt-get, Python packages with pip into .venv) and then run.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
JOBS ?= 2
BUILD := build/cpp
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_PACKAGES := build-essential cmake ninja-build python3-dev python3-venv pkg-config \
	libboost-graph-dev libboost-test-dev libeigen3-dev rapidjson-dev libcsv-dev \
	libbenchmark-dev pybind11-dev clang libclang-rt-14-dev libexpat1-dev graphviz librsvg2-bin
PY_BUILD := "scikit-build-core>=0.10" "pybind11>=2.11" ninja

.PHONY: help deps venv python cpp test test-cpp test-python test-sanitize test-tsan test-memory fuzz-build fuzz-corpus fuzz test-fuzz demo bench clean notebooks

help:
	@echo "make demo   set up, build, and run maillage on the bundled example maps (output in out/)"
	@echo "make test   set up, build, and run every test (C++ ctest, Python pytest and the notebooks, sanitizers, fuzzers)"
	@echo "make bench  run the benchmarks (see benchmarks/README.md)"
	@echo "make fuzz   fuzz every reader for FUZZ_SECONDS (default 600) each; findings in build/fuzz/found/"
	@echo "make notebooks  execute the French training notebooks and write them as HTML into out/notebooks"

# Debian packages: installed only when one is missing.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "apt-get install" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(BIN)/python: | deps
	$(PYTHON) -m venv $(VENV)

venv: $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q $(PY_BUILD)

# The Python package with its C++ extension; incremental through build/python-*.
# CMAKE_EXECUTABLE: Debian's cmake (from deps), so that scikit-build-core does not time out on
# `cmake --version` through a slow wrapper earlier on PATH (a pyenv shim did, under load).
python: venv
	CMAKE_EXECUTABLE=/usr/bin/cmake $(BIN)/python -m pip install -q --no-build-isolation ".[test,fuzz]"

cpp: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

test-cpp: cpp
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-python: python
	$(BIN)/python -m pytest -q

# The C++ tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer (any report fails).
SANITIZE_BUILD := build/sanitize
SANITIZE_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMAILLAGE_BUILD_BENCHMARKS=OFF \
	  -DMAILLAGE_INSTALL=OFF -DCMAKE_CXX_FLAGS="$(SANITIZE_FLAGS)" >/dev/null
	cmake --build $(SANITIZE_BUILD) -j $(JOBS) --target maillage_tests maillage_thread_tests
	ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(SANITIZE_BUILD) -R '^cpp\.' --output-on-failure -j $(JOBS)

# The concurrency suite (tests/cpp/test_threads.cpp) built with ThreadSanitizer (any report fails).
# maillage runs its analyses on std::thread (include/maillage/detail/parallel.hpp), no OpenMP, so
# every thread is instrumented and no suppression is needed.
TSAN_BUILD := build/tsan
TSAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
test-tsan: deps
	CXX=clang++ cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMAILLAGE_BUILD_BENCHMARKS=OFF \
	  -DMAILLAGE_INSTALL=OFF -DCMAKE_CXX_FLAGS="$(TSAN_FLAGS)" >/dev/null
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target maillage_thread_tests
	TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" \
	  $(TSAN_BUILD)/tests/cpp/maillage_thread_tests --log_level=test_suite --report_level=short

# libFuzzer targets of the readers, with clang, ASan and UBSan; seeds from the example maps.
# `make fuzz` runs each for FUZZ_SECONDS, its corpus growing in build/fuzz/corpus; `make test` runs
# the regression inputs of tests/data/fuzz and then each target for FUZZ_TEST_SECONDS with seed 1
# from the seeds alone (a fresh build/fuzz/test-corpus), so that each run tries the same inputs in
# the same order, as far as its time allows.
FUZZ_BUILD := build/fuzz
FUZZ_READERS := json graphml gexf csv hsds
FUZZ_SECONDS ?= 600
FUZZ_TEST_SECONDS ?= 30
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
fuzz-build: deps
	CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMAILLAGE_BUILD_TESTS=OFF \
	  -DMAILLAGE_BUILD_BENCHMARKS=OFF -DMAILLAGE_INSTALL=OFF -DMAILLAGE_BUILD_FUZZERS=ON \
	  -DCMAKE_CXX_FLAGS="$(FUZZ_FLAGS)" >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

# The HSDS importer is Python: its target (fuzz/fuzz_hsds.py) runs under atheris, the `fuzz` extra
# that `make python` installs.
fuzz-corpus: python
	$(BIN)/python fuzz/make_corpus.py $(FUZZ_BUILD)/seeds

fuzzer = $$([ $(1) = hsds ] && echo "$(BIN)/python fuzz/fuzz_hsds.py" || echo $(FUZZ_BUILD)/fuzz/fuzz_$(1))
define run_fuzzers
	@for reader in $(FUZZ_READERS); do \
	  mkdir -p $(FUZZ_BUILD)/found/$$reader $(3)/$$reader; \
	  $(call fuzzer,$$reader) -max_total_time=$(1) $(2) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/found/$$reader/ $(3)/$$reader $(FUZZ_BUILD)/seeds/$$reader tests/data/fuzz/$$reader \
	    > $(FUZZ_BUILD)/$$reader.log 2>&1; status=$$?; \
	  echo "fuzz $$reader: $(1) s, $$(grep -h '^stat::number_of_executed_units' $(FUZZ_BUILD)/$$reader.log | \
	    awk '{print $$2; exit}') inputs, exit $$status"; \
	  if [ $$status -ne 0 ] || [ -n "$$(ls -A $(FUZZ_BUILD)/found/$$reader)" ]; then \
	    grep -E "ERROR|SUMMARY|Test unit written" $(FUZZ_BUILD)/$$reader.log; \
	    echo "fuzz $$reader: findings in $(FUZZ_BUILD)/found/$$reader (log $(FUZZ_BUILD)/$$reader.log)"; exit 1; \
	  fi; \
	done
endef

fuzz: fuzz-build fuzz-corpus
	$(call run_fuzzers,$(FUZZ_SECONDS),,$(FUZZ_BUILD)/corpus)

test-fuzz: fuzz-build fuzz-corpus
	@for reader in $(FUZZ_READERS); do \
	  $(call fuzzer,$$reader) -runs=1 tests/data/fuzz/$$reader/* >/dev/null 2>&1 \
	    || { echo "fuzz $$reader: a regression input of tests/data/fuzz/$$reader fails"; exit 1; }; \
	done
	@rm -rf $(FUZZ_BUILD)/test-corpus
	$(call run_fuzzers,$(FUZZ_TEST_SECONDS),-seed=1,$(FUZZ_BUILD)/test-corpus)

# Reading a map of about 250 MB (JSON, and the same as CSV) peaks at a small multiple of the map's
# size in memory (benchmarks/read_memory.py; the map is written once into build/memory).
test-memory: cpp python
	$(BIN)/python benchmarks/read_memory.py --build $(BUILD) --check

test: test-cpp test-python test-sanitize test-tsan test-fuzz test-memory

demo: python
	@rm -rf out/examples out/csv out/roundtrip && mkdir -p out
	$(BIN)/maillage example -o out/examples
	$(BIN)/maillage validate out/examples/*.maillage.json
	@for map in out/examples/*.maillage.json; do \
	  name=$$(basename $$map .maillage.json); \
	  $(BIN)/maillage convert $$map out/csv/$$name || exit 1; \
	  $(BIN)/maillage convert out/csv/$$name out/roundtrip/$$name.maillage.json || exit 1; \
	  cmp -s $$map out/roundtrip/$$name.maillage.json || { echo "round trip changed $$name"; exit 1; }; \
	done
	@rm -rf out/reports
	@for map in out/examples/*.maillage.json; do \
	  $(BIN)/maillage analyze $$map -o out/reports --format html,json,md --lang fr || exit 1; \
	done
	@echo "maillage demo: the example maps are in out/examples, their CSV folders in out/csv,"
	@echo "and their reports (open the .html files in a browser) in out/reports."

bench: cpp python
	CMAKE_EXECUTABLE=/usr/bin/cmake $(BIN)/python -m pip install -q --no-build-isolation ".[test,bench]"
	$(BIN)/python benchmarks/load_map.py --build $(BUILD)
	$(BIN)/python benchmarks/analyze_map.py
	$(BIN)/python benchmarks/batch_maps.py
	@if [ -x $(BUILD)/benchmarks/kernels ]; then $(BUILD)/benchmarks/kernels; fi
	$(BIN)/python benchmarks/compare.py

# The training notebooks, executed (each in a temporary folder) and written as HTML with outputs.
notebooks: venv
	CMAKE_EXECUTABLE=/usr/bin/cmake $(BIN)/python -m pip install -q --no-build-isolation ".[test,notebooks]"
	@rm -rf out/notebooks
	$(BIN)/python notebooks/execute.py --html out/notebooks

clean:
	rm -rf build out
