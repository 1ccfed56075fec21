/* key: a change to any key of orchgen.ini reaches exactly the content keys
 * its entry in matrix.c declares it feeds: every key function reads the
 * declarations, and every kind of value reads back so that a change is
 * seen. A key this test has no other value for fails it, so that a new
 * setting cannot be added without this question being asked. Also: tags
 * have their documented shapes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "file.h"
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "util.h"

#define INI "[project]\nname = demo\nbuild = make\nsources = src\n\n" \
	"[distro alpha]\nrootfs = mkroot\n\n[distro beta]\nbase = busybox\n\n" \
	"[cache dl]\npath = /var/cache/dl\nwarm = fetch\nwarm-inputs = lock.txt\n"

/* For each key, a value other than the one INI or the defaults give it,
 * and the distro whose keys are compared (alpha builds its base from a
 * rootfs recipe, beta pulls one), on which a distro's key is set. */
static const struct {
	const char *key, *value, *distro;
} others[] = {
	{"project.name", "other", NULL},
	{"project.dockerfile", "docker/Other", NULL},
	{"project.context", "ctx", NULL},
	{"project.suites", "tests", NULL},
	{"project.spread", "other/spread.yaml", NULL},
	{"project.workspace", "ws", NULL},
	{"project.sources", "src lock.txt", NULL},
	{"project.build", "make all", NULL},
	{"project.prepare-each", "true", NULL},
	{"project.restore-each", "true", NULL},
	{"project.debug-each", "true", NULL},
	{"project.env", "HOME", NULL},
	{"project.kill-timeout", "1m", NULL},
	{"project.warn-timeout", "1m", NULL},
	{"project.jobs", "9", NULL},
	{"project.engine", "podman", NULL},
	{"project.retries", "5", NULL},
	{"project.workspace-mode", "copy", NULL},
	{"project.missing-feature", "skip", NULL},
	{"project.trace", "yes", NULL},
	{"project.keep", "failed", NULL},
	{"project.image-cache", "images", NULL},
	{"project.registry", "localhost:5000/ci", NULL},
	{"distro.base", "debian:sid", "beta"},
	{"distro.rootfs", "mkroot2", NULL},
	{"distro.build-args", "A=1", NULL},
	{"distro.features", "gzip", NULL},
	{"distro.pull", "always", "beta"},
	{"cache.path", "/var/cache/other", NULL},
	{"cache.per-distro", "no", NULL},
	{"cache.warm", "fetch all", NULL},
	{"cache.warm-inputs", "src", NULL},
	{"engine.host", "tcp://build2.example:2376", NULL},
	{"engine.jobs", "3", NULL},
	{"engine.tlscacert", "lock.txt", NULL},
	{"engine.tlscert", "lock.txt", NULL},
	{"engine.tlskey", "lock.txt", NULL},
	{"engine.tlsverify", "yes", NULL},
	{"engine.distros", "alpha beta", NULL},
	{"engine.shared", "yes", NULL},
};

/* Every key a matrix has, in one distro's view. */
struct keys {
	char *base;
	char image[KEY_HEX + 1];
	char warm[HASH_HEX + 1], build[HASH_HEX + 1], job[HASH_HEX + 1];
};

static const char *
other(const char *key, const char **distro)
{
	for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++) {
		if (!strcmp(others[i].key, key)) {
			*distro = others[i].distro ? others[i].distro : "alpha";
			return others[i].value;
		}
	}
	return NULL;
}

/* The keys of distro D with the -D DEFINE (NULL: none). */
static int
keys_of(const char *d, const char *define, struct keys *k)
{
	struct strv defs = {0};
	struct matrix m;
	const struct distro *dist;

	if (define)
		strv_push(&defs, define);
	if (matrix_load(&m, "orchgen.ini", &defs) < 0) {
		strv_free(&defs);
		return -1;
	}
	dist = matrix_distro(&m, d);
	k->base = dist->rootfs ? key_base_tag(&m, dist) : xstrdup(":");
	key_image(&m, dist, "context-hash", "", k->image);
	key_settings(&m, dist, FEEDS_WARM, k->warm);
	key_settings(&m, dist, FEEDS_BUILD, k->build);
	key_settings(&m, dist, FEEDS_JOB, k->job);
	matrix_free(&m);
	strv_free(&defs);
	return 0;
}

/* Which keys (FEEDS_*) differ between A and B. */
static unsigned
changed(const struct keys *a, const struct keys *b)
{
	unsigned c = 0;

	/* The base tag names the project: only its key part counts. */
	if (strcmp(strchr(a->base, ':'), strchr(b->base, ':')))
		c |= FEEDS_BASE;
	if (strcmp(a->image, b->image))
		c |= FEEDS_IMAGE;
	if (strcmp(a->warm, b->warm))
		c |= FEEDS_WARM;
	if (strcmp(a->build, b->build))
		c |= FEEDS_BUILD;
	if (strcmp(a->job, b->job))
		c |= FEEDS_JOB;
	return c;
}

static void
check_key(void *arg, const char *section, const char *key, unsigned feeds)
{
	char *name = xasprintf("%s.%s", section, key), *define, *in;
	const char *distro, *value = other(name, &distro);
	struct keys before = {0}, after = {0};

	(void)arg;
	if (!value) {
		fprintf(stderr, "%s: no other value for this key in test-key.c: add one, and declare what it feeds\n", name);
		CHECK(value != NULL);
		free(name);
		return;
	}
	in = !strcmp(section, "distro") ? xasprintf("distro.%s", distro)
	    : xstrdup(!strcmp(section, "cache") ? "cache.dl" : !strcmp(section, "engine") ? "engine.e1" : "project");
	define = xasprintf("%s.%s=%s", in, key, value);
	CHECK(keys_of(distro, NULL, &before) == 0);
	CHECK(keys_of(distro, define, &after) == 0);
	/* FEEDS_TRAVEL is no key: only the image and base edges' command lines. */
	if (changed(&before, &after) != (feeds & ~(unsigned)FEEDS_TRAVEL)) {
		fprintf(stderr, "-D %s changed keys %#x, but the key declares %#x\n", define, changed(&before, &after), feeds);
		CHECK(changed(&before, &after) == (feeds & ~(unsigned)FEEDS_TRAVEL));
	}
	free(before.base), free(after.base);
	free(define), free(name), free(in);
}

static void
test_every_key_feeds_what_it_says(void)
{
	matrix_keys(check_key, NULL);
}

static void
test_tags(void)
{
	struct strv none = {0};
	struct matrix m;
	char *tag, *ref;

	CHECK(matrix_load(&m, "orchgen.ini", &none) == 0);
	tag = key_base_tag(&m, matrix_distro(&m, "alpha"));
	CHECK(!strncmp(tag, "demo-base-alpha:", 16) && strlen(tag) == 16 + KEY_HEX);
	ref = key_base_ref(&m, matrix_distro(&m, "alpha"));
	CHECK_STR(ref, tag);
	free(ref), free(tag);
	ref = key_base_ref(&m, matrix_distro(&m, "beta"));
	CHECK_STR(ref, "busybox");
	free(ref);
	tag = key_image_tag(&m, matrix_distro(&m, "beta"), "context-hash", "sha256:1");
	CHECK(!strncmp(tag, "demo-beta:", 10) && strlen(tag) == 10 + KEY_HEX);
	/* The base image's ID is part of the tag, not of the key CI caches use. */
	char key[KEY_HEX + 1];
	key_image(&m, matrix_distro(&m, "beta"), "context-hash", "", key);
	CHECK(strcmp(tag + 10, key) != 0);
	free(tag);
	matrix_free(&m);
}

int
main(void)
{
	scratch_enter("key");
	setenv("HOME", scratch_dir, 1);
	setenv("XDG_CONFIG_HOME", scratch_dir, 1);
	if (file_write("orchgen.ini", INI, strlen(INI)) < 0 || file_write("lock.txt", "v1\n", 3) < 0 ||
	    file_mkdirs("src") < 0 || file_mkdirs("ws") < 0)
		return 2;
	test_every_key_feeds_what_it_says();
	test_tags();
	scratch_leave();
	return checks_done();
}
