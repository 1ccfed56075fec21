#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int
presence_write(const struct matrix *m, const struct distro *const *ds, size_t n)
{
	const char **refs = xcalloc(2 * n + 1, sizeof(*refs));
	char **ids = xcalloc(2 * n + 1, sizeof(*ids)), **tags = xcalloc(n + 1, sizeof(*tags));
	size_t nrefs = n;
	int rc = 0, up;

	for (size_t i = 0; i < n; i++) {
		char *image = layout_image(ds[i]->name);
		refs[i] = key_base_ref(m, ds[i]);
		tags[i] = helper_read_recorded(image);
		free(image);
	}
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
	for (size_t i = 0; i < n; i++)
		free((char *)refs[i]), free(tags[i]);
	for (size_t i = 0; i < nrefs; i++)
		free(ids[i]);
	free(refs), free(ids), free(tags);
	return rc;
}
