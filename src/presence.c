#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "suite.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "presence.h"
#include "util.h"

/* The presence of a distro: its base and that base's ID, and the tag its
 * image edge recorded when the engine has lost it. */
static char *
presence(const char *base, const char *base_id, const char *tag, const char *tag_id)
{
	struct buf b = {0};

	buf_printf(&b, "base %s %s\n", base, base_id ? base_id : "missing");
	if (tag && !tag_id)
		buf_printf(&b, "missing %s\n", tag);
	return b.s;
}

/* What presence files are made of: each distro's base reference (REFS[i]
 * for DS[i]) and the tag its image edge recorded (TAGS[i], or NULL). */
static void
asked(const struct matrix *m, const struct distro *const *ds, size_t n, const char **refs, char **tags)
{
	for (size_t i = 0; i < n; i++) {
		char *image = layout_image(ds[i]->name);
		refs[i] = key_base_ref(m, ds[i]);
		tags[i] = helper_read_recorded(image);
		free(image);
	}
}

static void
asked_free(const char **refs, char **tags, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)refs[i]), free(tags[i]);
}

/* Write the presence files of DS from the engine's answer: 0, 1 the
 * engine did not answer (said in each file), -1 a file was not written. */
static int
look(const struct matrix *m, const struct distro *const *ds, size_t n, const char **refs, char **tags)
{
	char **ids = xcalloc(2 * n + 1, sizeof(*ids));
	size_t nrefs = n;
	int rc = 0, up;

	for (size_t i = 0; i < n; i++) {
		if (tags[i])
			refs[nrefs++] = tags[i];
	}
	up = engine_image_ids(m->project.engine, refs, nrefs, ids) == 0;
	for (size_t i = 0, t = n; i < n; i++) {
		char *path = layout_present(ds[i]->name), *text;
		const char *tag_id = tags[i] ? ids[t++] : NULL;
		text = up ? presence(refs[i], ids[i], tags[i], tag_id) : xstrdup("the engine did not answer\n");
		if (file_mkparents(path) < 0 || file_update(path, text, strlen(text)) < 0)
			rc = -1;
		free(text), free(path);
	}
	for (size_t i = 0; i < nrefs; i++)
		free(ids[i]);
	free(ids);
	return rc < 0 ? -1 : !up;
}

int
presence_write(const struct matrix *m, const struct distro *const *ds, size_t n)
{
	const char **refs = xcalloc(2 * n + 1, sizeof(*refs));
	char **tags = xcalloc(n + 1, sizeof(*tags));
	int rc;

	asked(m, ds, n, refs, tags);
	rc = look(m, ds, n, refs, tags);
	asked_free(refs, tags, n);
	free(refs), free(tags);
	return rc < 0 ? -1 : 0;
}

/* The first line of the look file: the engine that answers (WATCH) and
 * what is asked of it, hashed. */
static char *
look_key(const struct matrix *m, const char *watch, const struct distro *const *ds, size_t n,
    const char **refs, char **tags)
{
	struct hasher h;
	char hex[HASH_HEX + 1];

	hasher_init(&h);
	hasher_add(&h, m->project.engine);
	hasher_add(&h, watch);
	for (size_t i = 0; i < n; i++) {
		hasher_add(&h, ds[i]->name);
		hasher_add(&h, refs[i]);
		hasher_add(&h, tags[i] ? tags[i] : "");
	}
	hasher_end(&h, hex);
	return xstrdup(hex);
}

/* Do the presence files still say what a look would find: the last full
 * look asked the same engine (the same daemon: its socket is made anew
 * when it starts) the same question, every file it wrote is there, and
 * the engine's event buffer shows no change to any image since? */
static int
unchanged(const struct matrix *m, const char *key, const struct distro *const *ds, size_t n)
{
	char *text = file_read(LAYOUT_LOOK, NULL), *since;
	int same;

	if (!text)
		return 0;
	since = strchr(text, '\n');
	same = since && (size_t)(since - text) == strlen(key) && !strncmp(text, key, strlen(key))
	    && strncmp(++since, "since ", 6) == 0;
	if (same) {
		/* A time, SEC.NSEC, and nothing else reaches the request. */
		since += 6;
		since[strcspn(since, "\n")] = '\0';
		same = *since && strlen(since) < 32 && since[strspn(since, "0123456789.")] == '\0';
	}
	for (size_t i = 0; same && i < n; i++) {
		char *path = layout_present(ds[i]->name);
		same = access(path, F_OK) == 0;
		free(path);
	}
	same = same && engine_quiet_since(m->project.engine, since) == 1;
	free(text);
	return same;
}

int
presence_probe(const struct matrix *m, const struct distro *const *ds, size_t n)
{
	const char **refs = xcalloc(2 * n + 1, sizeof(*refs));
	char **tags = xcalloc(n + 1, sizeof(*tags)), *watch = engine_watch_id(m->project.engine), *key = NULL;
	struct timespec t;
	int rc = 0;

	asked(m, ds, n, refs, tags);
	if (watch)
		key = look_key(m, watch, ds, n, refs, tags);
	if (!key || !unchanged(m, key, ds, n)) {
		/* The look's time, taken before it: what changes while the
		 * engine answers is seen by the next probe. */
		clock_gettime(CLOCK_REALTIME, &t);
		rc = look(m, ds, n, refs, tags);
		if (rc == 0 && key) {
			char *since = xasprintf("%lld.%09ld", (long long)t.tv_sec, t.tv_nsec);
			/* Only an engine that answers the question, by this
			 * host's clock, is asked it next time. */
			char *text = engine_quiet_since(m->project.engine, since) >= 0
			    ? xasprintf("%s\nsince %s\n", key, since) : xasprintf("%s\nno events\n", key);
			/* Said, and no failure: without it the next probe
			 * looks again. */
			file_update(LAYOUT_LOOK, text, strlen(text));
			free(since), free(text);
		} else if (rc != 0 && unlink(LAYOUT_LOOK) != 0 && errno != ENOENT) {
			warn("remove %s:", LAYOUT_LOOK);
		}
	}
	asked_free(refs, tags, n);
	free(refs), free(tags), free(watch), free(key);
	return rc < 0 ? -1 : 0;
}
