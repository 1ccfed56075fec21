#include <stdio.h>
#include <string.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
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
