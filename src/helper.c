#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "layout.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

const struct distro *
helper_distro(struct matrix *m, const struct cmdargs *a)
{
	const struct distro *d;

	if (matrix_elsewhere(a->o.file, a->o.from, a->o.again) < 0 || matrix_load(m, a->o.file, &a->o.defines) < 0)
		return NULL;
	if (!(d = matrix_distro(m, a->distro))) {
		warn("no distro \"%s\" in %s", a->distro, a->o.file);
		matrix_free(m);
	}
	return d;
}

char *
helper_read_recorded(const char *path)
{
	char *s = file_read(path, NULL);

	if (s)
		s[strcspn(s, "\n")] = '\0';
	return s;
}

char *
helper_recorded(const char *path, const char *helper)
{
	char *s = helper_read_recorded(path);

	if (!s)
		warn("%s: nothing recorded (run ninja, not orchgen %s, by hand):", path, helper);
	return s;
}

int
helper_stage_ended(const struct distro *d, const char *stage, int rc)
{
	char *path = layout_stage_failed(d->name, stage), *text;

	if (rc != 0) {
		text = xasprintf("exit status %d\n", rc);
		if (file_write(path, text, strlen(text)) < 0)
			warn("%s: the failure of stage %s not marked", d->name, stage);
		free(text);
	} else if (unlink(path) != 0 && errno != ENOENT) {
		warn("remove %s:", path);
		rc = EXIT_ENGINE;
	}
	free(path);
	return rc;
}
