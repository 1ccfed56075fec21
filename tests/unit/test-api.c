/* api.c: which event listings prove that no image changed, and the
 * identity of the daemon behind a socket. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include "check.h"
#include "str.h"
#include "api.h"
#include "util.h"

#define CONTAINER "{\"status\":\"create\",\"id\":\"88f5\",\"from\":\"x-d46:be87\",\"Type\":\"container\"," \
	"\"Action\":\"create\",\"Actor\":{\"ID\":\"88f5\",\"Attributes\":{\"image\":\"x-d46:be87\"," \
	"\"name\":\"orch-x\",\"orchgen.job\":\"d46:a/two\"}},\"scope\":\"local\",\"time\":1796193600," \
	"\"timeNano\":1796193600834373277}\n"
#define UNTAG "{\"status\":\"untag\",\"id\":\"sha256:f3c8\",\"Type\":\"image\",\"Action\":\"untag\"," \
	"\"Actor\":{\"ID\":\"sha256:f3c8\",\"Attributes\":{\"name\":\"sha256:f3c8\"}},\"scope\":\"local\"," \
	"\"time\":1796193631,\"timeNano\":1796193631198556583}\n"
/* A container whose label value spells an image event: only the event's
 * own Type counts. */
#define LABELLED "{\"status\":\"start\",\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"1\"," \
	"\"Attributes\":{\"note\":\"\\\"Type\\\":\\\"image\\\"\",\"Type\":\"image\"}}}\n"

static void
test_quiet(void)
{
	struct buf many = {0};

	CHECK(api_events_quiet("") == 1);
	CHECK(api_events_quiet("\n") == 1);
	CHECK(api_events_quiet(CONTAINER) == 1);
	CHECK(api_events_quiet(CONTAINER CONTAINER "{\"Type\":\"network\",\"Action\":\"connect\"}\n"
	    "{\"Type\":\"volume\",\"Action\":\"mount\"}") == 1);
	CHECK(api_events_quiet(LABELLED) == 1);
	CHECK(api_events_quiet(UNTAG) == 0);
	CHECK(api_events_quiet(CONTAINER UNTAG CONTAINER) == 0);
	CHECK(api_events_quiet("{\"Type\":\"daemon\",\"Action\":\"reload\"}") == 0);
	CHECK(api_events_quiet("{\"Action\":\"create\"}") == 0);	/* no type: cannot tell */
	CHECK(api_events_quiet("{\"Type\":\"container\"") == 0);	/* cut short */
	CHECK(api_events_quiet("[]") == 0);
	CHECK(api_events_quiet("{\"Type\":\"container\"} garbage") == 0);
	/* As many events as the engine may keep: older ones may be lost. */
	for (int i = 0; i < API_EVENTS_KEPT - 1; i++)
		buf_puts(&many, CONTAINER);
	CHECK(api_events_quiet(buf_str(&many)) == 1);
	buf_puts(&many, CONTAINER);
	CHECK(api_events_quiet(buf_str(&many)) == 0);
	buf_free(&many);
}

/* A listening socket at PATH, made anew: its descriptor. */
static int
listen_at(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	unlink(path);
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(fd, 1) != 0)
		return -1;
	return fd;
}

static void
test_socket_id(void)
{
	char *path, *host, *first, *again, *anew;
	int fd;

	scratch_enter("api");
	path = xasprintf("%s/sock", scratch_dir);
	host = xasprintf("unix://%s", path);
	setenv("DOCKER_HOST", host, 1);
	CHECK(api_socket_id() == NULL);		/* nothing there */
	fd = listen_at(path);
	CHECK(fd >= 0);
	first = api_socket_id(), again = api_socket_id();
	CHECK(first && again && !strcmp(first, again));
	CHECK(first && strstr(first, path) == first);
	close(fd);
	/* A daemon that starts again makes its socket anew. */
	fd = listen_at(path);
	anew = api_socket_id();
	CHECK(anew && first && strcmp(anew, first) != 0);
	close(fd);
	unlink(path);
	/* Not a socket: no identity. */
	CHECK(fclose(fopen(path, "w")) == 0);
	CHECK(api_socket_id() == NULL);
	/* Another place the client goes: no local socket to ask. */
	setenv("DOCKER_HOST", "tcp://127.0.0.1:2376", 1);
	CHECK(api_socket_id() == NULL);
	setenv("DOCKER_HOST", host, 1);
	setenv("DOCKER_CONTEXT", "other", 1);
	CHECK(api_socket_id() == NULL);
	unsetenv("DOCKER_CONTEXT"), unsetenv("DOCKER_HOST");
	free(first), free(again), free(anew), free(path), free(host);
	scratch_leave();
}

int
main(void)
{
	test_quiet();
	test_socket_id();
	return checks_done();
}
