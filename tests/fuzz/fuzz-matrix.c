/* matrix_load: the input is an orchgen.ini, loaded with no -D defines.
 * HOME and XDG_CONFIG_HOME name a private empty directory, so that no
 * user config.ini is read. The paths of `sources` and `warm-inputs` are
 * looked up (stat only) from the current directory, as orchgen does: from
 * the top of the tree, as make fuzz-run runs it, the seeds' paths exist. */
#include "fuzz.h"
#include "str.h"
#include "matrix.h"

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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strv defines = {0}, inputs = {0};
	struct matrix m;

	if (matrix_load(&m, fuzz_file(data, size), &defines) == 0) {
		for (size_t i = 0; i < m.ndistros; i++) {
			if (matrix_distro(&m, m.distros[i].name) != &m.distros[i] || !name_valid(m.distros[i].name))
				abort();	/* a loaded distro is found by its name, which is valid */
		}
		workspace_mode_name(m.project.workspace_mode);
		if (matrix_warms(&m))
			matrix_warm_inputs(&m, &inputs);
		strv_free(&inputs);
		matrix_free(&m);
	}
	return 0;
}
