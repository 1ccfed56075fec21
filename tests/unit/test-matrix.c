/* matrix: orchgen.ini and its layers, read into struct matrix; every error
 * names its file and line. Runs in a temporary directory that is also HOME
 * and XDG_CONFIG_HOME, so the user's own configuration is never read. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "file.h"
#include "str.h"
#include "matrix.h"
#include "util.h"

/* The longest valid name, 128 bytes. */
#define LONG128 "a123456789b123456789c123456789d123456789e123456789f123456789g123456789h123456789i123456789j123456789k123456789l123456789m1234567"
#define MINIMAL "[project]\nname = demo\n\n[distro alpha]\nbase = busybox\n"

static struct matrix m;
static struct strv defines;
static char *errtext;	/* what the last load() printed on stderr */

static void
put(const char *path, const char *text)
{
	if (file_mkparents(path) < 0 || file_write(path, text, strlen(text)) < 0)
		fatal(1, "cannot write fixture %s", path);
}

/* matrix_load() of TEXT as orchgen.ini with the -D values in DEFS (blank
 * separated, NULL: none), its stderr kept in errtext. */
static int
loadn(const char *text, size_t len, const char *defs)
{
	int saved, fd, rc;

	if (file_write("orchgen.ini", text, len) < 0)
		fatal(1, "cannot write orchgen.ini");
	strv_free(&defines);
	if (defs)
		strv_split(&defines, defs);
	fflush(stderr);
	saved = dup(2);
	fd = open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (saved < 0 || fd < 0 || dup2(fd, 2) < 0)
		fatal(1, "capture stderr:");
	close(fd);
	rc = matrix_load(&m, "orchgen.ini", &defines);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	free(errtext);
	errtext = file_read("stderr.txt", NULL);
	return rc;
}

static int
load(const char *text, const char *defs)
{
	return loadn(text, strlen(text), defs);
}

/* Did the last load print S? Shows what it printed when not. */
static int
printed(const char *s)
{
	if (errtext && strstr(errtext, s))
		return 1;
	fprintf(stderr, "stderr was: %s", errtext ? errtext : "(nothing)\n");
	return 0;
}

static unsigned
count(const char *s)
{
	unsigned n = 0;

	for (const char *p = errtext; p && (p = strstr(p, s)); p++)
		n++;
	return n;
}

static void
test_defaults(void)
{
	const struct project *p = &m.project;

	CHECK(load(MINIMAL, NULL) == 0);
	CHECK_STR(errtext, "");
	CHECK_STR(p->name, "demo");
	/* No docker/Dockerfile here: the base is the image. */
	CHECK(access("docker/Dockerfile", F_OK) != 0 && p->dockerfile == NULL);
	CHECK_STR(p->context, "docker");
	CHECK_STR(p->suites, "suites");
	CHECK_STR(p->workspace, ".");
	CHECK_STR(p->engine, "docker");
	CHECK(p->jobs == 4);
	CHECK(p->kill_timeout == 15 * 60);
	CHECK(p->warn_timeout == 5 * 60);
	CHECK(p->env.n == 0);
	CHECK(!p->prepare_each && !p->restore_each && !p->debug_each);
	CHECK(m.ndistros == 1 && m.ncaches == 0);
	CHECK_STR(m.distros[0].name, "alpha");
	CHECK_STR(m.distros[0].base, "busybox");
	CHECK_STR(m.distros[0].where, "orchgen.ini:4");
	CHECK(m.distros[0].build_args.n == 0 && m.distros[0].features.n == 0);
	CHECK(m.files.n == 1);
	CHECK_STR(m.files.v[0], "orchgen.ini");
	matrix_free(&m);

	/* With one, it is the Dockerfile. */
	put("docker/Dockerfile", "FROM scratch\n");
	CHECK(load(MINIMAL, NULL) == 0);
	CHECK_STR(p->dockerfile, "docker/Dockerfile");
	matrix_free(&m);
	CHECK(unlink("docker/Dockerfile") == 0);
}

static void
test_every_key(void)
{
	const struct project *p = &m.project;
	const struct distro *d;

	CHECK(load("; the whole key set\n"
	    "[project]\n"
	    "name = full.demo_1\n"
	    "dockerfile = images/Containerfile   ; inline comment\n"
	    "context = images\n"
	    "suites = tests/spread\n"
	    "workspace = src\n"
	    "prepare-each = apt-get update\n"
	    "restore-each = rm -rf /tmp/x\n"
	    "debug-each = dmesg | tail\n"
	    "env = VERBOSE RUST_LOG\n"
	    "kill-timeout = 1h30m\n"
	    "warn-timeout = 90s\n"
	    "jobs = 16\n"
	    "engine = podman\n"
	    "\n"
	    "[distro bookworm]\n"
	    "base = debian:bookworm\n"
	    "build-args = FOO=bar  BAZ=qux\n"
	    "features = locale-de apt\n"
	    "\n"
	    "[cache apt]\n"
	    "path = /var/cache/apt/archives\n"
	    "per-distro = no\n", NULL) == 0);
	CHECK_STR(errtext, "");
	CHECK_STR(p->name, "full.demo_1");
	CHECK_STR(p->dockerfile, "images/Containerfile");
	CHECK_STR(p->context, "images");
	CHECK_STR(p->suites, "tests/spread");
	CHECK_STR(p->workspace, "src");
	CHECK_STR(p->prepare_each, "apt-get update");
	CHECK_STR(p->restore_each, "rm -rf /tmp/x");
	CHECK_STR(p->debug_each, "dmesg | tail");
	CHECK(p->env.n == 2);
	CHECK_STR(p->env.v[0], "VERBOSE");
	CHECK_STR(p->env.v[1], "RUST_LOG");
	CHECK(p->kill_timeout == 5400);
	CHECK(p->warn_timeout == 90);
	CHECK(p->jobs == 16);
	CHECK_STR(p->engine, "podman");
	d = matrix_distro(&m, "bookworm");
	CHECK(d != NULL);
	if (d) {
		CHECK_STR(d->base, "debian:bookworm");
		CHECK(d->build_args.n == 2);
		CHECK_STR(d->build_args.v[0], "FOO=bar");
		CHECK_STR(d->build_args.v[1], "BAZ=qux");
		CHECK(d->features.n == 2);
		CHECK_STR(d->features.v[1], "apt");
	}
	CHECK(matrix_distro(&m, "sid") == NULL);
	CHECK(m.ncaches == 1);
	CHECK_STR(m.caches[0].name, "apt");
	CHECK_STR(m.caches[0].path, "/var/cache/apt/archives");
	CHECK(m.caches[0].per_distro == 0);
	CHECK_STR(m.caches[0].where, "orchgen.ini:22");
	matrix_free(&m);
}

static void
test_sorted(void)
{
	CHECK(load("[project]\nname = demo\n"
	    "[distro zeta]\nbase = z\n[distro alpha]\nbase = a\n[distro mid]\nbase = m\n"
	    "[cache yum]\npath = /var/cache/yum\n[cache apt]\npath = /var/cache/apt\nper-distro = true\n"
	    "[cache go]\npath = /go\nper-distro = false\n", NULL) == 0);
	CHECK(m.ndistros == 3);
	if (m.ndistros == 3) {
		CHECK_STR(m.distros[0].name, "alpha");
		CHECK_STR(m.distros[0].base, "a");
		CHECK_STR(m.distros[1].name, "mid");
		CHECK_STR(m.distros[2].name, "zeta");
		CHECK_STR(m.distros[2].base, "z");
		CHECK_STR(m.distros[2].where, "orchgen.ini:3");
	}
	CHECK(m.ncaches == 3);
	if (m.ncaches == 3) {
		CHECK_STR(m.caches[0].name, "apt");
		CHECK(m.caches[0].per_distro == 1);
		CHECK_STR(m.caches[1].name, "go");
		CHECK(m.caches[1].per_distro == 0);
		CHECK_STR(m.caches[2].name, "yum");
		CHECK(m.caches[2].per_distro == 1);	/* the default */
	}
	CHECK(matrix_distro(&m, "mid") == &m.distros[1]);
	matrix_free(&m);
	/* a section named twice is one distro */
	CHECK(load("[project]\nname = demo\n[distro a]\nbase = x\n[distro b]\nbase = y\n"
	    "[distro a]\nfeatures = f\n", NULL) == 0);
	CHECK(m.ndistros == 2);
	CHECK(m.ndistros == 2 && m.distros[0].features.n == 1 && !strcmp(m.distros[0].base, "x"));
	matrix_free(&m);
}

static void
test_multiline(void)
{
	const struct distro *d;

	CHECK(load("[project]\nname = demo\n"
	    "prepare-each = echo one\n"
	    "    echo two\n"
	    "; a comment does not end the value\n"
	    "\techo three\n"
	    "restore-each =\n"
	    "    echo a\n"
	    "    echo b\n"
	    "env = A\n  B C\n"
	    "[distro alpha]\n"
	    "  base = indented-is-a-key:here\n"
	    "build-args = X=1\n"
	    "    Y=2\n"
	    "\n"
	    "    Z=3\n", NULL) == 0);
	CHECK_STR(errtext, "");
	CHECK_STR(m.project.prepare_each, "echo one\necho two\necho three");
	CHECK_STR(m.project.restore_each, "echo a\necho b");
	CHECK(m.project.env.n == 3);
	d = matrix_distro(&m, "alpha");
	CHECK(d && !strcmp(d->base, "indented-is-a-key:here"));
	CHECK(d && d->build_args.n == 3);
	if (d && d->build_args.n == 3)
		CHECK_STR(d->build_args.v[2], "Z=3");
	matrix_free(&m);
}

static void
test_name_valid(void)
{
	const char *good[] = {"a", "0", "bookworm", "ubuntu-22.04", "a_b", "a__b", "a--b",
	    "a---b", "x86-64.v2", "9lives", NULL};
	const char *badnames[] = {"", "A", "Arch", "Arch Linux", "arch linux", "../x", "..", ".",
	    "-a", ".a", "_a", "a.", "a-", "a_", "a..b", "a._b", "a___b", "a.-b", "a/b",
	    "a:b", "a\tb", "a\nb", "caf\xc3\xa9", NULL};
	char longname[140];

	for (const char **s = good; *s; s++) {
		if (!name_valid(*s))
			fprintf(stderr, "rejected: \"%s\"\n", *s);
		CHECK(name_valid(*s));
	}
	for (const char **s = badnames; *s; s++) {
		if (name_valid(*s))
			fprintf(stderr, "accepted: \"%s\"\n", *s);
		CHECK(!name_valid(*s));
	}
	memset(longname, 'a', sizeof(longname));
	longname[128] = '\0';
	CHECK(name_valid(longname));
	longname[128] = 'a';
	longname[129] = '\0';
	CHECK(!name_valid(longname));
}

static void
test_layers(void)
{
	put("xdg/orchgen/config.ini", "[project]\nname = fromuser\njobs = 7\nenv = HOME_VAR\n"
	    "[distro user]\nbase = u\nfeatures = one two\n");
	CHECK(load("[project]\njobs = 3\n[distro alpha]\nbase = a\n[distro user]\nfeatures = three\n", NULL) == 0);
	CHECK_STR(errtext, "");
	CHECK_STR(m.project.name, "fromuser");	/* only the user's layer sets it */
	CHECK(m.project.jobs == 3);	/* ./orchgen.ini overrides the user */
	CHECK(m.project.env.n == 1);
	CHECK(m.files.n == 2);
	if (m.files.n == 2) {
		CHECK(strstr(m.files.v[0], "/xdg/orchgen/config.ini") != NULL);
		CHECK_STR(m.files.v[1], "orchgen.ini");
	}
	CHECK(m.ndistros == 2);
	/* a later layer replaces a list, it does not append to it */
	CHECK(m.ndistros == 2 && m.distros[1].features.n == 1 && !strcmp(m.distros[1].features.v[0], "three"));
	CHECK(m.ndistros == 2 && strstr(m.distros[1].where, "/xdg/orchgen/config.ini:5"));
	matrix_free(&m);

	/* -D overrides both, and adds distros and keys */
	CHECK(load("[project]\njobs = 3\n[distro alpha]\nbase = a\n",
	    "project.jobs=5 distro.ubuntu-22.04.base=ubuntu:22.04 distro.alpha.base=debian:bookworm "
	    "project.env=A project.prepare-each=x=1") == 0);
	CHECK_STR(errtext, "");
	CHECK(m.project.jobs == 5);
	CHECK(m.ndistros == 3);
	CHECK(matrix_distro(&m, "ubuntu-22.04") && !strcmp(matrix_distro(&m, "ubuntu-22.04")->base, "ubuntu:22.04"));
	CHECK(matrix_distro(&m, "ubuntu-22.04") && !strcmp(matrix_distro(&m, "ubuntu-22.04")->where, "-D distro.ubuntu-22.04.base=ubuntu:22.04"));
	CHECK(matrix_distro(&m, "alpha") && !strcmp(matrix_distro(&m, "alpha")->base, "debian:bookworm"));
	CHECK(m.project.env.n == 1 && !strcmp(m.project.env.v[0], "A"));
	CHECK_STR(m.project.prepare_each, "x=1");
	matrix_free(&m);

	/* the user's layer alone */
	CHECK(load("[distro alpha]\nbase = a\n", NULL) == 0);
	CHECK(m.project.jobs == 7);
	matrix_free(&m);

	/* an error in the user's layer names that file */
	put("xdg/orchgen/config.ini", "[project]\njobs = lots\n");
	CHECK(load(MINIMAL, NULL) == -1);
	CHECK(printed("/xdg/orchgen/config.ini:2: bad jobs \"lots\""));

	/* without XDG_CONFIG_HOME (or with it empty): ~/.config */
	unlink("xdg/orchgen/config.ini");
	put(".config/orchgen/config.ini", "[project]\njobs = 9\n");
	setenv("XDG_CONFIG_HOME", "", 1);
	CHECK(load(MINIMAL, NULL) == 0 && m.project.jobs == 9);
	matrix_free(&m);
	unsetenv("XDG_CONFIG_HOME");
	CHECK(load(MINIMAL, NULL) == 0 && m.project.jobs == 9);
	matrix_free(&m);
	unlink(".config/orchgen/config.ini");
}

/* The loads that fail: -1, and a message with file and line. */
/* Matrices that must not load, each with (part of) its message. */
static const struct {
	const char *ini, *defines, *message;
} bad[] = {
	{MINIMAL "\n[distro ../x]\nbase = x\n", NULL,
	    "orchgen.ini:7: bad name in [distro ../x]"},
	{MINIMAL "[cache Big]\npath = /x\n", NULL,
	    "orchgen.ini:6: bad name in [cache Big]"},
	{"[project]\nname = Demo\n[distro a]\nbase = b\n", NULL,
	    "orchgen.ini:2: bad name \"Demo\""},
	{"name = demo\n" MINIMAL, NULL,
	    "orchgen.ini:1: a key before any section"},
	{"[project]\nname = demo\nkill-timeout = 5 minutes\n[distro a]\nbase = b\n", NULL,
	    "orchgen.ini:3: bad duration \"5 minutes\": expected a time such as 90s, 30m or 1h30m"},
	{"[project]\nname = demo\nwarn-timeout = 1h30\n[distro a]\nbase = b\n", NULL,
	    "orchgen.ini:3: bad duration \"1h30\""},
	{MINIMAL "[cache apt]\npath = var/cache/apt\n", NULL,
	    "orchgen.ini:7: bad path \"var/cache/apt\": expected an absolute, clean path"},
	{MINIMAL "[cache apt]\nper-distro = maybe\npath = /x\n", NULL,
	    "orchgen.ini:7: bad value \"maybe\": expected yes or no"},
	{MINIMAL "[cache apt]\nper-distro = no\n", NULL,
	    "orchgen.ini:6: [cache apt] has no path"},
	{MINIMAL "[project]\nengine = lxc\n", NULL,
	    "orchgen.ini:7: bad engine \"lxc\": expected docker or podman"},
	{MINIMAL "\nthis is not ini\n", NULL,
	    "orchgen.ini:7: malformed line: expected [section], key = value, or a comment"},
	{MINIMAL "[distro beta\nbase = x\n", NULL,
	    "orchgen.ini:6: malformed line"},
	{"[project]\njobs = 2\n[distro a]\nbase = b\n", NULL,
	    "orchgen: orchgen.ini: [project] has no name: expected name = NAME"},
	{"[project]\nname = demo\n", NULL,
	    "orchgen.ini: no [distro NAME] section"},
	{MINIMAL "\n[distro beta]\nfeatures = x\n", NULL,
	    "orchgen: orchgen.ini:7: [distro beta] has no base: expected either base = IMAGE or rootfs = COMMAND\n"},
	{MINIMAL "[distro beta]\nbase =\n", NULL,
	    "orchgen.ini:6: [distro beta] has no base"},
	{MINIMAL, "jobs=3",
	    "orchgen: -D jobs=3: expected section.key=value"},
	{MINIMAL, "project.jobs",
	    "-D project.jobs: expected section.key=value"},
	{MINIMAL, ".jobs=3",
	    "-D .jobs=3: expected section.key=value"},
	{MINIMAL, "project.jobs=x",
	    "orchgen: -D project.jobs=x: bad jobs \"x\""},
	{MINIMAL, "distro.Arch.base=arch",
	    "orchgen: -D distro.Arch.base=arch: bad name in [distro Arch]"},
	{MINIMAL, "distro.beta.features=x",
	    "orchgen: -D distro.beta.features=x: [distro beta] has no base"},
	/* Values that would reach a mount option, a shell or docker. */
	{MINIMAL "[cache c]\npath = /data,src=/etc\n", NULL,
	    "orchgen.ini:7: bad path \"/data,src=/etc\": expected an absolute, clean path inside the container, without ',' or '='"},
	{MINIMAL "[cache c]\npath = /a/../b\n", NULL, "orchgen.ini:7: bad path \"/a/../b\""},
	{MINIMAL "[cache c]\npath = /workspace\n", NULL, "orchgen.ini:7: bad path \"/workspace\": orchgen mounts something else there"},
	{MINIMAL "[cache c]\npath = /\n", NULL, "orchgen.ini:7: bad path \"/\": orchgen mounts"},
	{MINIMAL "[project]\nenv = RELA=forced --privileged 1BAD\n", NULL,
	    "orchgen.ini:7: bad variable name \"RELA=forced\": expected letters, digits and '_', not starting with a digit"},
	{MINIMAL "[project]\nenv = OK 1BAD\n", NULL, "orchgen.ini:7: bad variable name \"1BAD\""},
	{MINIMAL "build-args = NAME\n", NULL, "orchgen.ini:6: bad build argument \"NAME\": expected KEY=VALUE"},
	{MINIMAL "features = gzip, zstd\n", NULL, "orchgen.ini:6: \"gzip,\": a comma does not separate words"},
	{MINIMAL "[distro beta]\nbase = Debian:12\n", NULL, "orchgen.ini:7: bad image reference \"Debian:12\""},
	{MINIMAL "[distro beta]\nbase = debian:-x\n", NULL, "orchgen.ini:7: bad image reference"},
	{MINIMAL "[distro beta]\nbase = debian@sha256:12\n", NULL, "orchgen.ini:7: bad image reference"},
	{MINIMAL "[distro beta]\nbase = a b\n", NULL, "orchgen.ini:7: bad image reference \"a b\""},
	{MINIMAL "[project]\nkill-timeout = 9223372036854776s\n", NULL,
	    "orchgen.ini:7: bad duration \"9223372036854776s\": expected a time such as 90s, 30m or 1h30m, at most 30 days"},
	{MINIMAL "[project]\nwarn-timeout = 31d\n", NULL, "orchgen.ini:7: bad duration"},
	{MINIMAL "[project]\nkill-timeout = 721h\n", NULL, "orchgen.ini:7: bad duration \"721h\""},
	{MINIMAL "[distro deb-12]\nbase = x\n[distro deb.12]\nbase = x\n", NULL,
	    "orchgen.ini:6: [distro deb-12] and [distro deb.12] (orchgen.ini:8) would share the variable name ..._DEB_12 in orchgen keys"},
	{"[project]\nname = " LONG128 "\n[distro " LONG128 "]\nbase = x\n", NULL,
	    "orchgen.ini:3: [distro " LONG128 "]: its image would be named with 262 bytes: expected at most 255"},
	/* A registry: HOST[:PORT]/PREFIX, HOST one docker takes for a host. */
	{MINIMAL "[project]\nregistry = 127.0.0.1:5000\n", NULL,
	    "orchgen.ini:7: bad registry \"127.0.0.1:5000\": expected HOST[:PORT]/PREFIX"},
	{MINIMAL "[project]\nregistry = ci/images\n", NULL, "orchgen.ini:7: bad registry \"ci/images\""},
	{MINIMAL "[project]\nregistry = host.example/CI\n", NULL, "orchgen.ini:7: bad registry"},
	{MINIMAL "[project]\nregistry = host:port/ci\n", NULL, "orchgen.ini:7: bad registry"},
	{MINIMAL "[project]\nregistry = host.example/ci:tag\n", NULL, "orchgen.ini:7: bad registry"},
	{MINIMAL "[project]\nregistry = host.example/ci/\n", NULL, "orchgen.ini:7: bad registry"},
	{MINIMAL "[project]\nregistry = host.example/a b\n", NULL, "orchgen.ini:7: bad registry"},
	{MINIMAL, "project.registry=localhost:1/" LONG128 "/" LONG128, "its image would be named with 285 bytes in the registry"},
};

static void
test_errors(void)
{
	char line[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(load(bad[i].ini, bad[i].defines) == -1);
		if (!printed(bad[i].message))
			fprintf(stderr, "case %zu: no \"%s\" in: %s", i, bad[i].message, errtext);
		CHECK(printed(bad[i].message));
	}

	CHECK(load("[project]\nname = demo\ncolour = red\n    and blue\n[distro alpha]\nbase = b\n", NULL) == 0);
	CHECK_STR(errtext, "orchgen: orchgen.ini:3: unknown key \"colour\" in [project] (ignored)\n");
	matrix_free(&m);

	CHECK(load(MINIMAL "[distros beta]\nbase = b\nfeatures = x\n", NULL) == -1);
	CHECK(printed("orchgen: orchgen.ini:6: unknown section [distros beta]: expected [project], [distro NAME], [cache NAME] or [engine NAME]\n"));
	CHECK(count("unknown section") == 1);	/* once, not once per key */

	CHECK(load(MINIMAL "[distro Arch Linux]\nbase = archlinux\n", NULL) == -1);
	CHECK(printed("orchgen: orchgen.ini:6: bad name in [distro Arch Linux]: expected"));
	CHECK(count("bad name") == 1);

	const char *jobs[] = {"0", "many", "4x", "1025", "-1", NULL};
	for (const char **j = jobs; *j; j++) {
		snprintf(line, sizeof(line), MINIMAL "[project]\njobs = %s\n", *j);
		CHECK(load(line, NULL) == -1);
		snprintf(line, sizeof(line), "orchgen.ini:7: bad jobs \"%s\": expected a whole number from 1 to 1024\n", *j);
		CHECK(printed(line));
	}
	CHECK(load(MINIMAL "[project]\njobs = 1024\n", NULL) == 0 && m.project.jobs == 1024);
	matrix_free(&m);

	CHECK(load(MINIMAL "[distro beta]\n", NULL) == -1);	/* no keys at all */
	CHECK(printed("orchgen.ini:6: [distro beta] has no base"));

	CHECK(loadn(MINIMAL "[project]\nname = a\0b\n", sizeof(MINIMAL "[project]\nname = a\0b\n") - 1, NULL) == -1);
	CHECK(printed("orchgen.ini:7: a NUL byte in the line: expected text"));

	CHECK(load(MINIMAL, "project.colour=red") == 0);
	CHECK_STR(errtext, "orchgen: -D project.colour=red: unknown key \"colour\" in [project] (ignored)\n");
	matrix_free(&m);
}

/* What loads, and how it reads: configured paths cleaned once, image
 * references docker takes, continuations that start with any blank. */
static void
test_accepted(void)
{
	static const char *const refs[] = {"busybox", "debian:bookworm", "localhost:5000/a/b:1",
	    "registry.example.org/team/img:v1.2-x", "quay.io/x/y@sha256:0123456789abcdef0123456789abcdef",
	    "a__b-c.d:latest", "localhost/x", NULL};
	char line[512];

	CHECK(load(MINIMAL "[project]\nsuites = ./tests//suites/\ncontext = .\nworkspace = ./\n", NULL) == 0);
	CHECK_STR(m.project.suites, "tests/suites");
	CHECK_STR(m.project.context, ".");
	CHECK_STR(m.project.workspace, ".");
	matrix_free(&m);
	for (const char *const *r = refs; *r; r++) {
		int rc;
		snprintf(line, sizeof(line), MINIMAL "[distro beta]\nbase = %s\n", *r);
		if ((rc = load(line, NULL)) != 0)
			fprintf(stderr, "refused: %s\n", *r);
		CHECK(rc == 0);
		matrix_free(&m);
	}
	CHECK(load(MINIMAL "[project]\nprepare-each = one\n\vtwo\n\fthree\n", NULL) == 0);
	CHECK_STR(m.project.prepare_each, "one\ntwo\nthree");
	matrix_free(&m);
	CHECK(load(MINIMAL "[cache c]\npath = /var/cache/x\n", NULL) == 0);
	matrix_free(&m);
	static const char *const registries[] = {"127.0.0.1:5000/ci", "localhost/ci", "registry.example.org/team/ci-images",
	    "localhost:5000/a/b", NULL};
	for (const char *const *r = registries; *r; r++) {
		int rc;
		snprintf(line, sizeof(line), MINIMAL "[project]\nregistry = %s\n", *r);
		if ((rc = load(line, NULL)) != 0)
			fprintf(stderr, "refused: %s\n", *r);
		CHECK(rc == 0);
		CHECK_STR(m.project.registry, *r);
		matrix_free(&m);
	}
	/* An image cache is a path, cleaned; empty in a later layer: none. */
	CHECK(load(MINIMAL "[project]\nimage-cache = ./ci//images/\n", NULL) == 0);
	CHECK_STR(m.project.image_cache, "ci/images");
	CHECK_STR(m.project.image_cache_at, "orchgen.ini:7");
	matrix_free(&m);
	CHECK(load(MINIMAL "[project]\nimage-cache = images\nregistry = localhost/ci\n", "project.image-cache= project.registry=") == 0);
	CHECK(!m.project.image_cache && !m.project.image_cache_at && !m.project.registry);
	matrix_free(&m);
}

static void
test_missing_file(void)
{
	int saved = dup(2), fd = open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	strv_free(&defines);
	fflush(stderr);
	dup2(fd, 2);
	close(fd);
	CHECK(matrix_load(&m, "nope.ini", &defines) == -1);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	free(errtext);
	errtext = file_read("stderr.txt", NULL);
	CHECK(printed("orchgen: nope.ini: cannot read the matrix: No such file or directory\n"));
}

/* inih's buffer holds 199 characters and a newline: longer lines are an
 * error, named once, and the truncated piece is not taken as a value. */
static void
test_long_lines(void)
{
	char text[1024];
	char value[256];

	memset(value, 'x', sizeof(value));
	value[199 - strlen("prepare-each = ")] = '\0';
	snprintf(text, sizeof(text), MINIMAL "[project]\nprepare-each = %s\n", value);
	CHECK(strlen(strstr(text, "prepare-each")) == 200);	/* 199 and the newline */
	CHECK(load(text, NULL) == 0);
	CHECK_STR(errtext, "");
	CHECK(m.project.prepare_each && strlen(m.project.prepare_each) == strlen(value));
	matrix_free(&m);

	snprintf(text, sizeof(text), MINIMAL "[project]\nprepare-each = %s", value);	/* no newline at the end */
	CHECK(load(text, NULL) == 0);
	CHECK_STR(errtext, "");
	matrix_free(&m);

	snprintf(text, sizeof(text), MINIMAL "[project]\nprepare-each = %sy\njobs = 2\n", value);
	CHECK(load(text, NULL) == -1);
	CHECK_STR(errtext, "orchgen: orchgen.ini:7: line longer than 199 characters: continue a long value on indented lines\n");

	memset(value, '1', sizeof(value));
	value[250] = '\0';
	snprintf(text, sizeof(text), MINIMAL "[project]\njobs = %s\nname = x\n", value);
	CHECK(load(text, NULL) == -1);
	CHECK_STR(errtext, "orchgen: orchgen.ini:7: line longer than 199 characters: continue a long value on indented lines\n");
}

/* Sections longer than inih's 50 characters, a UTF-8 byte order mark. */
static void
test_odd_files(void)
{
	char text[512];
	const char *name = "a-distro-name-that-is-longer-than-inih-keeps-for-a-section";

	snprintf(text, sizeof(text), "[project]\nname = demo\n[distro %s]\nbase = b\n", name);
	CHECK(load(text, NULL) == 0);
	CHECK(m.ndistros == 1 && !strcmp(m.distros[0].name, name));
	matrix_free(&m);

	CHECK(load("\xEF\xBB\xBF" MINIMAL, NULL) == 0);
	CHECK_STR(errtext, "");
	CHECK(m.ndistros == 1 && m.project.name && !strcmp(m.project.name, "demo"));
	matrix_free(&m);

	CHECK(load("# hash comments too\r\n[project]\r\nname = demo\r\n[distro a]\r\nbase = b\r\n", NULL) == 0);
	CHECK(m.ndistros == 1 && !strcmp(m.distros[0].base, "b"));
	matrix_free(&m);
}

int
main(void)
{
	const char *dir = scratch_enter("matrix");
	char *xdg;

	xdg = xasprintf("%s/xdg", dir);
	setenv("HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	if (access("/etc/orchgen/config.ini", F_OK) == 0)
		fprintf(stderr, "warning: /etc/orchgen/config.ini exists and is read by every test here\n");
	test_defaults();
	test_every_key();
	test_sorted();
	test_multiline();
	test_name_valid();
	test_errors();
	test_accepted();
	test_missing_file();
	test_long_lines();
	test_odd_files();
	test_layers();
	scratch_leave();
	strv_free(&defines);
	free(errtext);
	free(xdg);
	return checks_done();
}
