# The README's two commands. Both install what is missing on Debian 12 first.
#   make run    build and start Lodestone
#   make check  build and run the whole test suite under Xvfb
BUILDDIR ?= _build
MESON_OPTIONS ?= --buildtype=debugoptimized -Dwerror=true

.PHONY: run check deps build clean

deps:
	@build-aux/ensure-deps.sh

build: deps
	@if [ ! -f "$(BUILDDIR)/build.ninja" ]; then meson setup "$(BUILDDIR)" $(MESON_OPTIONS); fi
	@meson compile -C "$(BUILDDIR)"

run: build
	@GSETTINGS_SCHEMA_DIR="$(BUILDDIR)/data" LODESTONE_LOCALEDIR="$(BUILDDIR)/po" \
		"$(BUILDDIR)/app/lodestone" $(ARGS)

check: build
	@build-aux/run-tests.sh "$(BUILDDIR)"

clean:
	rm -rf "$(BUILDDIR)"
