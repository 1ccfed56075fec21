# orchgen: make, make check, make install, make demo, make clean.
# The user's CFLAGS are appended to, never replaced.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
DEPS = yaml-0.1 libxxhash inih
DEPS_CFLAGS != $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null || true
DEPS_LIBS != $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null || echo -lyaml -lxxhash -linih

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
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

$(B)src/templates.o: $(B)src/templates.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The built-in templates, compiled in so that orchgen needs no data files.
$(B)src/templates.c: templates/build.ninja.in templates/embed.sh
	@mkdir -p $(@D)
	sh templates/embed.sh templates/build.ninja.in > $@.tmp && mv $@.tmp $@

$(UNITBIN): $(B)%: %.c $(LIBOBJ) tests/unit/check.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -D_XOPEN_SOURCE=700 -Isrc $(ALL_LDFLAGS) -o $@ $< $(LIBOBJ) $(LIBS)

unit: $(UNITBIN)

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
.PHONY: bench

install: orchgen
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	cp orchgen $(DESTDIR)$(BINDIR)/orchgen
	cp doc/orchgen.1 $(DESTDIR)$(MANDIR)/man1/orchgen.1

clean:
	rm -f orchgen src/*.o src/templates.c $(UNITBIN)
	rm -rf tests/tmp

.PHONY: all unit setup check demo install clean
