/* engines: the host URLs [engine] takes, and the slots: a job takes a
 * free slot on an engine that serves its distro, the engines in turn, and
 * an engine marked down takes none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "file.h"
#include "str.h"
#include "matrix.h"
#include "engines.h"
#include "util.h"

static void
test_hosts(void)
{
	static const char *const good[] = {
		"unix:///var/run/docker.sock", "tcp://build2:2376", "tcp://10.0.0.2", "tcp://[::1]:2375",
		"ssh://build2", "ssh://ci@build2.example", "ssh://ci_1@build2:2222",
	};
	static const char *const bad[] = {
		"", "none", "docker.sock", "unix://relative", "unix:///", "unix:///a b", "tcp://", "tcp://h:", "tcp://h:0",
		"tcp://h:65536", "tcp://h:12x", "tcp://-h", "tcp://h/x", "ssh://", "ssh://@h", "ssh://-oProxyCommand=x",
		"ssh://u@-h", "ssh://u v@h", "http://h", "tcp://h;rm", "ssh://h:22:22",
	};

	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		if (!matrix_engine_host_valid(good[i]))
			fprintf(stderr, "refused: %s\n", good[i]);
		CHECK(matrix_engine_host_valid(good[i]));
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (matrix_engine_host_valid(bad[i]))
			fprintf(stderr, "taken: %s\n", bad[i]);
		CHECK(!matrix_engine_host_valid(bad[i]));
	}
}

static int
load(struct matrix *m, const char *ini)
{
	struct strv none = {0};

	if (file_write("orchgen.ini", ini, strlen(ini)) < 0)
		fatal(1, "write orchgen.ini");
	return matrix_load(m, "orchgen.ini", &none);
}

static void
test_slots(void)
{
	struct matrix m;
	struct slot a, b, c, d;

	CHECK(load(&m, "[project]\nname = demo\njobs = 3\n[distro alpha]\nbase = busybox\n[distro beta]\nbase = busybox\n") == 0);
	CHECK(engines_slots(&m) == 3);
	CHECK(engines_take(&m, "alpha", "job", &a) == 0 && a.e == NULL);
	matrix_free(&m);

	CHECK(load(&m, "[project]\nname = demo\n[distro alpha]\nbase = busybox\n[distro beta]\nbase = busybox\n"
	    "[engine one]\njobs = 2\n[engine two]\nhost = tcp://h:2376\njobs = 1\ndistros = alpha\n") == 0);
	CHECK(engines_slots(&m) == 3);
	CHECK(m.engines[0].shared == 1 && m.engines[1].shared == 0);
	/* In turn: one, then two, then one again. */
	CHECK(engines_take(&m, "alpha", "job", &a) == 0 && a.e == &m.engines[0]);
	CHECK(engines_take(&m, "alpha", "job", &b) == 0 && b.e == &m.engines[1]);
	CHECK(engines_take(&m, "beta", "job", &c) == 0 && c.e == &m.engines[0]);
	engines_release(&b);
	/* Two is down: alpha's next job waits for one, not for two. */
	engines_mark_down(&m.engines[1]);
	CHECK(engines_down(&m.engines[1]) && !engines_down(&m.engines[0]));
	engines_release(&a);
	CHECK(engines_take(&m, "alpha", "job", &d) == 0 && d.e == &m.engines[0]);
	engines_release(&c), engines_release(&d);
	/* One down too: no engine is left for alpha. */
	engines_mark_down(&m.engines[0]);
	CHECK(engines_take(&m, "alpha", "job", &a) == 1);
	matrix_free(&m);
}

/* A cache's volume on an engine is named by project, cache and distro;
 * a cache the distros share, by project and cache; a build directory's,
 * by project and distro, apart from every cache's. */
static void
test_volumes(void)
{
	struct matrix m;
	char *a, *b, *go;

	CHECK(load(&m, "[project]\nname = demo\n[distro alpha]\nbase = busybox\n[distro beta]\nbase = busybox\n"
	    "[cache apt]\npath = /var/cache/apt\nper-distro = true\n[cache go]\npath = /go\nper-distro = false\n") == 0);
	for (size_t i = 0; i < m.ncaches; i++) {
		if (!strcmp(m.caches[i].name, "apt")) {
			a = engines_volume(&m, &m.caches[i], "alpha");
			b = engines_volume(&m, &m.caches[i], "beta");
			CHECK(!strcmp(a, "orchgen-demo-apt-alpha") && !strcmp(b, "orchgen-demo-apt-beta"));
			free(a), free(b);
		} else {
			go = engines_volume(&m, &m.caches[i], "alpha");
			CHECK(!strcmp(go, "orchgen-demo-go"));
			free(go);
		}
	}
	CHECK(m.ncaches == 2);
	a = engines_build_volume(&m, "alpha");
	CHECK(!strcmp(a, "orchgen-demo--build-alpha"));
	free(a);
	matrix_free(&m);
}

int
main(void)
{
	scratch_enter("engines");
	test_hosts();
	fprintf(stderr, "(warnings about engines down follow)\n");
	test_slots();
	test_volumes();
	scratch_leave();
	return checks_done();
}
