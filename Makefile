# dnawijk - top-level entry points. `make demo` and `make test` work on a
# fresh Debian machine with only git, make and a C compiler: `deps` installs
# the Debian packages that are missing (as root), or says which to install.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
OUT        ?= out

DEB_PACKAGES = cmake pkg-config libgdal-dev gdal-bin libproj-dev proj-data \
               libcsv-dev libdeflate-dev libcairo2-dev libpango1.0-dev libyaml-dev \
               fonts-dejavu-core fontconfig poppler-utils python3 valgrind \
               libjson-c-dev libgeos-dev python3-shapely \
               libxlsxwriter-dev python3-openpyxl python3-pandas chromium

# Only for `make bench`: the tools the benchmarks compare against.
BENCH_PACKAGES = python3-geopandas python3-matplotlib mapserver-bin

PREFIX     ?= /usr/local

.PHONY: all deps build asan demo test test-fast bench install clean distclean \
        fuzz fuzz-build fuzz-smoke

# Fuzzing (tests/fuzz): its own clang build; FUZZ_SECONDS per harness.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 600
CLANG        ?= $(shell command -v clang 2>/dev/null)

all: build

deps:
	@sh tools/deps.sh $(DEB_PACKAGES)

$(BUILD)/Makefile: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDNAWIJK_WERROR=ON

build: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDNAWIJK_WERROR=ON
	cmake --build $(BUILD) -j $(JOBS)

asan: deps
	@test -f $(ASAN_BUILD)/CMakeCache.txt || cmake -S . -B $(ASAN_BUILD) \
	    -DCMAKE_BUILD_TYPE=Debug -DDNAWIJK_WERROR=ON -DDNAWIJK_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	$(BUILD)/dnawijk run recipes/demo.yaml -o $(OUT)

# Every test twice: the optimised build, then the ASan+UBSan build.
test: build asan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(ASAN_BUILD) && \
	    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure -j $(JOBS) -LE no-asan
	$(MAKE) fuzz-smoke

# The libFuzzer harnesses, built with clang when it is installed.
fuzz-build: deps
	@test -n "$(CLANG)" || { echo "fuzzing needs clang with libFuzzer (apt-get install clang)"; exit 1; }
	@test -f $(FUZZ_BUILD)/CMakeCache.txt || CC=$(CLANG) cmake -S . -B $(FUZZ_BUILD) \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDNAWIJK_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_all

# A 20-second run of every harness (part of `make test` when clang exists).
fuzz-smoke:
	@if [ -n "$(CLANG)" ]; then \
	    $(MAKE) fuzz-build && cd $(FUZZ_BUILD) && ctest --output-on-failure -L fuzz; \
	else echo "clang not found: fuzz smoke runs skipped"; fi

# FUZZ_SECONDS (default 600) per harness; prints executions per harness.
fuzz: fuzz-build
	sh tools/fuzz_run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	-@sh tools/deps.sh $(BENCH_PACKAGES)
	sh tests/bench/run.sh $(BUILD)

# Installs bin/dnawijk, share/dnawijk (catalog, demo, recipes), the man
# page and bash completion under PREFIX.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)

distclean: clean
	rm -rf $(OUT)
