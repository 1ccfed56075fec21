# orchgen: make, make check, make install, make demo, make clean;
# make fuzz, make fuzz-run, make check-asan (tests/fuzz/README).
# The user's CFLAGS are appended to, never replaced.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
PKG_CONFIG ?= pkg-config
VERSION = 0.9.0
DEPS = yaml-0.1 libxxhash inih
DEPS_CFLAGS != $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null || true
DEPS_LIBS != $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null || echo -lyaml -lxxhash -linih

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DORCHGEN_VERSION='"$(VERSION)"' \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -O2 -g $(DEPS_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LIBS = $(DEPS_LIBS)

# O=DIR builds out of the tree (objects, orchgen, unit tests under DIR),
# so that a read-only checkout can be built, as orchgen's own matrix does.
O ?=
B = $(if $(O),$(O)/,)

SRC != ls src/*.c | grep -v /templates.c
OBJ = $(SRC:%.c=$(B)%.o) $(B)src/templates.o
# The modules, for the unit tests: everything but the commands.
LIBOBJ = $(filter-out $(B)src/main.o $(B)src/cmd_%.o,$(OBJ))
UNIT != ls tests/unit/test-*.c 2>/dev/null || true
UNITBIN = $(UNIT:%.c=$(B)%)

all: $(B)orchgen

$(B)orchgen: $(OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJ) $(LIBS)

$(B)src/%.o: src/%.c src/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# They say the version.
$(B)src/main.o $(B)src/ninja.o: Makefile

$(B)src/templates.o: $(B)src/templates.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The built-in templates, compiled in so that orchgen needs no data files.
INIT != find templates/init -type f
$(B)src/templates.c: templates/build.ninja.in templates/embed.sh $(INIT)
	@mkdir -p $(@D)
	sh templates/embed.sh templates/build.ninja.in templates/init > $@.tmp && mv $@.tmp $@

$(UNITBIN): $(B)%: %.c $(LIBOBJ) tests/unit/check.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -D_XOPEN_SOURCE=700 -Isrc $(ALL_LDFLAGS) -o $@ $< $(LIBOBJ) $(LIBS)

unit: $(UNITBIN)

# Sanitizer builds, each in its own directory under tests/tmp (below O when
# given), so that their objects never mix with the normal build's. FUZZ_TIME is in seconds per
# target; FUZZ_TARGETS="matrix suite" runs only those.
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_TARGETS ?=
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ != ls tests/fuzz/fuzz-*.c 2>/dev/null || true
FUZZBIN = $(FUZZ:%.c=$(B)%)

$(FUZZBIN): $(B)%: %.c $(LIBOBJ) tests/fuzz/fuzz.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -D_GNU_SOURCE -Isrc -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $< $(LIBOBJ) $(LIBS)

fuzz-targets: $(FUZZBIN)

fuzz:
	sh tests/fuzz/setup.sh $(FUZZ_CC)
	$(MAKE) O=$(B)tests/tmp/fuzz CC=$(FUZZ_CC) CFLAGS="$(SANITIZE) -fsanitize=fuzzer-no-link $(CFLAGS)" fuzz-targets

fuzz-run: fuzz
	sh tests/fuzz/run.sh $(B)tests/tmp/fuzz $(FUZZ_TIME) $(FUZZ_TARGETS)

# Any sanitizer report fails the unit test, and so check-asan.
check-asan:
	$(MAKE) O=$(B)tests/tmp/asan CFLAGS="$(SANITIZE) $(CFLAGS)" unit
	@st=0; for t in $(UNIT:%.c=$(B)tests/tmp/asan/%); do echo "$$t"; \
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $$t || st=1; \
	done; exit $$st

# Installs what is missing (as root), starts dockerd when no engine answers.
setup:
	sh docker/host-setup.sh

check: setup
	$(MAKE) all unit
	sh tests/run.sh

demo: setup
	$(MAKE) all
	sh docker/demo.sh

# orchgen against rebuild-and-rerun-everything, side by side (bench/README.md).
bench: setup
	$(MAKE) all
	sh bench/run.sh
	sh bench/fresh-runner.sh
	sh bench/hashing.sh
	sh bench/engines.sh
	sh bench/scale.sh
.PHONY: bench

install: $(B)orchgen
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR)
	cp $(B)orchgen $(DESTDIR)$(BINDIR)/orchgen
	cp doc/orchgen.1 $(DESTDIR)$(MANDIR)/man1/orchgen.1
	cp doc/orchgen.ini.5 $(DESTDIR)$(MANDIR)/man5/orchgen.ini.5
	cp doc/orchgen-task.yaml.5 $(DESTDIR)$(MANDIR)/man5/orchgen-task.yaml.5
	cp completion/orchgen.bash $(DESTDIR)$(BASHCOMPDIR)/orchgen

clean:
	rm -f orchgen src/*.o src/templates.c $(UNITBIN)
	rm -rf tests/tmp

.PHONY: all unit setup check demo install clean fuzz fuzz-targets fuzz-run check-asan
