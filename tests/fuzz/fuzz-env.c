/* suite_env_script: whatever bytes a value holds, sh reads it back exactly.
 * The input is up to eight values, separated by NULs; each is given as a
 * user writes a literal value (every '$' and '\' escaped with '\'), and
 * after the script a marker must print: no value ended its quotes, ran as
 * code or swallowed what follows. */
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>
#include "fuzz.h"
#include "str.h"
#include "suite.h"
#include "util.h"

#define MAXVALUES 8
#define MARKER "end-of-values"

/* V as a literal value: '$' and '\' escaped. */
static char *
literal(const char *v)
{
	struct buf b = {0};

	buf_puts(&b, "");
	for (; *v; v++) {
		if (*v == '$' || *v == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *v);
	}
	return b.s;
}

/* Run sh -c SCRIPT, its stdout into OUT. */
static void
run_sh(const char *script, struct buf *out)
{
	int fds[2];
	char chunk[4096];
	ssize_t n;
	pid_t pid;

	if (pipe(fds) != 0 || (pid = fork()) < 0)
		abort();
	if (pid == 0) {
		/* fd 2 may be closed here (-close_fd_mask=2), so a pipe end may
		 * be it: copy the write end to 1 first, then make 2 /dev/null. */
		int null = open("/dev/null", O_WRONLY);
		dup2(fds[1], 1);
		dup2(null, 2);
		execl("/bin/sh", "sh", "-c", script, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	/* libFuzzer's timer (-timeout) interrupts reads: go on after EINTR. */
	while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (n > 0)
			buf_putn(out, chunk, (size_t)n);
		else if (errno != EINTR)
			abort();
	}
	close(fds[0]);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct suite s = {0};
	struct suite_env env[MAXVALUES];
	struct buf script = {0}, want = {0}, got = {0};
	const uint8_t *p = data, *end = data + size;

	if (size > 4096)
		return 0;
	s.env = env;
	while (s.nenv < MAXVALUES && p <= end) {
		const uint8_t *nul = memchr(p, '\0', (size_t)(end - p));
		size_t len = nul ? (size_t)(nul - p) : (size_t)(end - p);
		struct suite_env *e = &env[s.nenv];
		char *v = xstrndup((const char *)p, len);
		memset(e, 0, sizeof(*e));
		e->name = xasprintf("V%zu", s.nenv++);
		e->value = literal(v);
		buf_putn(&want, v, len);
		buf_putc(&want, '\0');
		free(v);
		if (!nul)
			break;
		p = nul + 1;
	}
	buf_puts(&want, MARKER);
	suite_env_script(&s, NULL, &script);
	buf_puts(&script, "printf '%s\\0'");
	for (size_t i = 0; i < s.nenv; i++)
		buf_printf(&script, " \"$V%zu\"", i);
	buf_puts(&script, "\nprintf " MARKER "\n");
	run_sh(script.s, &got);
	if (got.len != want.len || memcmp(got.s, want.s, got.len) != 0)
		abort();	/* a value read back otherwise, or the marker lost */
	for (size_t i = 0; i < s.nenv; i++)
		free(env[i].name), free(env[i].value);
	buf_free(&script), buf_free(&want), buf_free(&got);
	return 0;
}
