# The README's two commands. Both install what is missing on Debian 12 first.
#   make run    build and start Lodestone
#   make check  build and run the whole test suite under Xvfb
BUILDDIR ?= _build
MESON_OPTIONS ?= --buildtype=debugoptimized -Dwerror=true

# `make run` builds only what the program needs (the program, its translations and its
# settings schema); `make check` builds everything, tests and benchmarks included.
#   make run ARGS=plan.lodestone    opens a scenario file
APP_TARGETS = app/lodestone lodestone-gmo data/gschemas.compiled

.PHONY: run check deps setup build build-app clean

deps:
	@build-aux/ensure-deps.sh

setup: deps
	@if [ ! -f "$(BUILDDIR)/build.ninja" ]; then meson setup "$(BUILDDIR)" $(MESON_OPTIONS); fi

build-app: setup
	@ninja -C "$(BUILDDIR)" $(APP_TARGETS)

build: setup
	@meson compile -C "$(BUILDDIR)"

run: build-app
	@GSETTINGS_SCHEMA_DIR="$(BUILDDIR)/data" LODESTONE_LOCALEDIR="$(BUILDDIR)/po" \
		"$(BUILDDIR)/app/lodestone" $(ARGS)

check: build
	@build-aux/run-tests.sh "$(BUILDDIR)"

clean:
	rm -rf "$(BUILDDIR)"
