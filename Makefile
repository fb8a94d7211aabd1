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
	libbenchmark-dev pybind11-dev
PY_BUILD := "scikit-build-core>=0.10" "pybind11>=2.11" ninja

.PHONY: help deps venv python cpp test test-cpp test-python demo bench clean

help:
	@echo "make demo   set up, build, and run maillage on the bundled example maps (output in out/)"
	@echo "make test   set up, build, and run every test (C++ with ctest, Python with pytest)"
	@echo "make bench  run the benchmarks (see benchmarks/README.md)"

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
python: venv
	$(BIN)/python -m pip install -q --no-build-isolation ".[test]"

cpp: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

test-cpp: cpp
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-python: python
	$(BIN)/python -m pytest -q

test: test-cpp test-python

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
	$(BIN)/python -m pip install -q --no-build-isolation ".[test,bench]"
	$(BIN)/python benchmarks/load_map.py --build $(BUILD)
	$(BIN)/python benchmarks/analyze_map.py
	@if [ -x $(BUILD)/benchmarks/kernels ]; then $(BUILD)/benchmarks/kernels; fi
	$(BIN)/python benchmarks/compare.py

clean:
	rm -rf build out
