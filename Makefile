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

.PHONY: all deps build asan demo test test-fast bench install clean distclean

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
	rm -rf $(BUILD) $(ASAN_BUILD)

distclean: clean
	rm -rf $(OUT)
