#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "record.h"
#include "key.h"
#include "util.h"

/* Bumped when what goes into a key changes meaning. */
#define BASE_SCHEME "orchgen-base-2"
#define IMAGE_SCHEME "orchgen-image-2"
#define SETTINGS_SCHEME "orchgen-settings-1"
#define STAGE_SCHEME "orchgen-stage-1"
#define RUN_SCHEME "orchgen-run-1"

static void
add_setting(void *arg, const char *name, const char *value)
{
	hasher_add(arg, name);
	hasher_add(arg, value);
}

static void
short_key(struct hasher *h, char out[KEY_HEX + 1])
{
	char hex[HASH_HEX + 1];

	hasher_end(h, hex);
	memcpy(out, hex, KEY_HEX);
	out[KEY_HEX] = '\0';
}

static void
record_setting(void *arg, const char *name, const char *value)
{
	char *key = xasprintf("setting.%s", name);

	record_add(arg, key, value);
	free(key);
}

void
key_record(struct record *r, const struct matrix *m, const struct distro *d, unsigned feeds)
{
	matrix_settings(m, d, feeds, record_setting, r);
}

void
key_settings(const struct matrix *m, const struct distro *d, unsigned feeds, char hex[HASH_HEX + 1])
{
	struct hasher h;
	char which[16];

	hasher_init(&h);
	hasher_add(&h, SETTINGS_SCHEME);
	snprintf(which, sizeof(which), "%u", feeds);
	hasher_add(&h, which);
	matrix_settings(m, d, feeds, add_setting, &h);
	hasher_end(&h, hex);
}

/* The key of D's base, imported from its rootfs recipe. */
static void
base_key(const struct matrix *m, const struct distro *d, char out[KEY_HEX + 1])
{
	struct hasher h;

	hasher_init(&h);
	hasher_add(&h, BASE_SCHEME);
	matrix_settings(m, d, FEEDS_BASE, add_setting, &h);
	short_key(&h, out);
}

char *
key_base_tag(const struct matrix *m, const struct distro *d)
{
	char key[KEY_HEX + 1];

	base_key(m, d, key);
	return xasprintf("%s-base-%s:%s", m->project.name, d->name, key);
}

char *
key_base_ref(const struct matrix *m, const struct distro *d)
{
	return d->rootfs ? key_base_tag(m, d) : xstrdup(d->base);
}

void
key_image(const struct matrix *m, const struct distro *d, const char *context, const char *base_id,
    char out[KEY_HEX + 1])
{
	struct hasher h;
	char base[KEY_HEX + 1];

	/* An imported base by its content key, not by its tag, which also
	 * holds the project's name. */
	if (d->rootfs)
		base_key(m, d, base);
	hasher_init(&h);
	hasher_add(&h, IMAGE_SCHEME);
	hasher_add(&h, context);
	hasher_add(&h, d->rootfs ? base : d->base);
	hasher_add(&h, base_id);
	matrix_settings(m, d, FEEDS_IMAGE, add_setting, &h);
	short_key(&h, out);
}

char *
key_image_tag(const struct matrix *m, const struct distro *d, const char *context, const char *base_id)
{
	char key[KEY_HEX + 1];

	key_image(m, d, context, base_id, key);
	return xasprintf("%s-%s:%s", m->project.name, d->name, key);
}

const char *
key_checkout(void)
{
	static char key[KEY_HEX + 1];
	char *top;
	struct hasher h;

	if (*key)
		return key;
	top = realpath(".", NULL);
	hasher_init(&h);
	hasher_add(&h, top ? top : ".");
	short_key(&h, key);
	free(top);
	return key;
}

void
key_stage(const char *image, const char *settings, const char *files, char out[KEY_HEX + 1])
{
	struct hasher h;

	hasher_init(&h);
	hasher_add(&h, STAGE_SCHEME);
	hasher_add(&h, image);
	hasher_add(&h, settings);
	hasher_add(&h, files);
	short_key(&h, out);
}

void
key_run(const char *distro, const char *const stages[KEY_RUN_STAGES], const char *settings, const struct strv *suites,
    char out[KEY_HEX + 1])
{
	struct hasher h;

	hasher_init(&h);
	hasher_add(&h, RUN_SCHEME);
	hasher_add(&h, distro);
	for (size_t i = 0; i < KEY_RUN_STAGES; i++)
		hasher_add(&h, stages[i]);
	hasher_add(&h, settings);
	for (size_t i = 0; i < suites->n; i++)
		hasher_add(&h, suites->v[i]);
	short_key(&h, out);
}
