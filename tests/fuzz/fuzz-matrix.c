/* matrix_load: the input is an orchgen.ini, loaded with no -D defines.
 * HOME and XDG_CONFIG_HOME name a private empty directory, so that no
 * user config.ini is read. The paths of `sources` and `warm-inputs` are
 * looked up (stat only) from the current directory, as orchgen does: from
 * the top of the tree, as make fuzz-run runs it, the seeds' paths exist. */
#include "fuzz.h"
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"

static char home[64];

static void
leave(void)
{
	if (rmdir(home) != 0)
		perror(home);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc, (void)argv;
	if (!tmp || !*tmp || strlen(tmp) > sizeof(home) - 32)
		tmp = "/tmp";
	snprintf(home, sizeof(home), "%s/orchgen-fuzz.XXXXXX", tmp);
	if (!mkdtemp(home)) {
		perror(home);
		abort();
	}
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", home, 1);
	atexit(leave);
	return 0;
}

/* Every key of every distro, as the graph and orchgen keys ask them: each
 * setting read back as text. */
static void
keys(const struct matrix *m)
{
	char hex[HASH_HEX + 1], key[KEY_HEX + 1];

	for (size_t i = 0; i < m->ndistros; i++) {
		const struct distro *d = &m->distros[i];
		char *tag = key_image_tag(m, d, "context", "id");
		free(tag);
		key_image(m, d, "context", "", key);
		key_settings(m, d, FEEDS_WARM | FEEDS_BUILD | FEEDS_JOB, hex);
		if (d->rootfs) {
			tag = key_base_tag(m, d);
			free(tag);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strv defines = {0};
	struct matrix m;

	if (matrix_load(&m, fuzz_file(data, size), &defines) == 0) {
		for (size_t i = 0; i < m.ndistros; i++) {
			if (matrix_distro(&m, m.distros[i].name) != &m.distros[i] || !name_valid(m.distros[i].name))
				abort();	/* a loaded distro is found by its name, which is valid */
		}
		workspace_mode_name(m.project.workspace_mode);
		keys(&m);
		matrix_free(&m);
	}
	return 0;
}
