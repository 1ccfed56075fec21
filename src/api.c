#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "str.h"
#include "api.h"
#include "util.h"

#define DEFAULT_SOCKET "/var/run/docker.sock"

/* The socket the docker client would use: its path, or NULL when the
 * client goes elsewhere. */
static const char *
socket_path(void)
{
	const char *host = getenv("DOCKER_HOST"), *context = getenv("DOCKER_CONTEXT");

	if (context && *context)
		return NULL;
	if (!host || !*host)
		return DEFAULT_SOCKET;
	return !strncmp(host, "unix://", 7) ? host + 7 : NULL;
}

/* A connection to PATH: its descriptor, or -1. */
static int
dial(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd;

	if (strlen(path) >= sizeof(a.sun_path) || (fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0)
		return -1;
	memcpy(a.sun_path, path, strlen(path) + 1);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The time an HTTP Date header says ("Wed, 02 Dec 2026 06:35:15 GMT"),
 * or 0. */
static time_t
date_of(const char *head, const char *end)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *p = strstr(head, "\r\nDate: "), *at;
	struct tm tm = {0};
	char month[4];

	if (!p || p > end || sscanf(p + 8, "%*3s, %d %3s %d %d:%d:%d GMT", &tm.tm_mday, month, &tm.tm_year,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6 || strlen(month) != 3 || !(at = strstr(months, month)))
		return 0;
	tm.tm_mon = (int)(at - months) / 3;
	tm.tm_year -= 1900;
	return timegm(&tm);
}

int
api_get(const char *path, struct buf *body, time_t *date, int seconds)
{
	const char *sock = socket_path(), *text, *end;
	struct buf req = {0}, resp = {0};
	struct timeval limit = {.tv_sec = seconds};
	char chunk[65536];
	ssize_t n = 0;
	int fd, status = -1;

	if (!sock || (fd = dial(sock)) < 0)
		return -1;
	/* A daemon that stops answering is not waited for longer: the caller
	 * asks the client instead, or looks another way. */
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
	/* HTTP/1.0: the engine closes the connection after its answer,
	 * which is then neither chunked nor kept alive. */
	buf_printf(&req, "GET %s HTTP/1.0\r\nHost: docker\r\n\r\n", path);
	if (write(fd, req.s, req.len) == (ssize_t)req.len) {
		while ((n = read(fd, chunk, sizeof(chunk))) > 0)
			buf_putn(&resp, chunk, (size_t)n);
	}
	close(fd);
	text = buf_str(&resp);
	if (n == 0 && !strncmp(text, "HTTP/1.", 7) && strlen(text) > 12 && (end = strstr(text, "\r\n\r\n"))) {
		status = atoi(text + 9);
		if (date)
			*date = date_of(text, end);
		buf_puts(body, end + 4);
	}
	buf_free(&req), buf_free(&resp);
	return status;
}

char *
api_socket_id(void)
{
	const char *sock = socket_path();
	struct stat st;

	if (!sock || stat(sock, &st) != 0 || !S_ISSOCK(st.st_mode))
		return NULL;
	return xasprintf("%s %ju %ju %lld.%09ld", sock, (uintmax_t)st.st_dev, (uintmax_t)st.st_ino,
	    (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

/* The JSON string at *P (at its opening quote) into OUT, if OUT; *P moves
 * past it. Escapes are kept as written: names never hold any. -1 if
 * unterminated. */
static int
string(const char **p, struct buf *out)
{
	const char *s = *p + 1;

	while (*s && *s != '"')
		s += s[0] == '\\' && s[1] ? 2 : 1;
	if (!*s)
		return -1;
	if (out)
		buf_putn(out, *p + 1, (size_t)(s - *p - 1));
	*p = s + 1;
	return 0;
}

/* Skip the JSON value at *P: a string, an object or array (whatever it
 * holds), or a scalar. -1 if it ends early. */
static int
skip(const char **p)
{
	int depth = 0;

	do {
		*p += strspn(*p, " \t\r\n");
		if (**p == '"') {
			if (string(p, NULL) < 0)
				return -1;
		} else if (**p == '{' || **p == '[') {
			depth++, (*p)++;
		} else if (**p == '}' || **p == ']') {
			depth--, (*p)++;
		} else if (**p) {
			*p += depth ? 1 : strcspn(*p, ",}] \t\r\n");
		} else {
			return -1;
		}
	} while (depth > 0);
	return 0;
}

/* The strings of the array (or null) at *P, each appended to LINE after a
 * space. */
static int
names(const char **p, struct buf *line)
{
	if (**p != '[')
		return skip(p);
	for ((*p)++;;) {
		*p += strspn(*p, " \t\r\n,");
		if (**p == ']') {
			(*p)++;
			return 0;
		}
		if (**p != '"')
			return -1;
		buf_puts(line, " ");
		if (string(p, line) < 0)
			return -1;
	}
}

/* The members of the object at *P (at its '{'): EACH is called with the
 * member's name and *P at its value, which it must consume; *P moves
 * past the object. 0, or -1 when it is not such an object or EACH fails. */
static int
members(const char **p, int (*each)(const char *name, const char **p, void *arg), void *arg)
{
	struct buf key = {0};
	int rc = 0;

	for ((*p)++; rc == 0;) {
		*p += strspn(*p, " \t\r\n,");
		if (**p == '}') {
			(*p)++;
			break;
		}
		buf_free(&key);
		if (**p != '"' || string(p, &key) < 0 || (*p += strspn(*p, " \t\r\n"), *(*p)++ != ':')) {
			rc = -1;
			break;
		}
		*p += strspn(*p, " \t\r\n");
		rc = each(buf_str(&key), p, arg);
	}
	buf_free(&key);
	return rc;
}

/* An image of the listing: its ID and names. */
struct image {
	struct buf id, line;
};

static int
image_member(const char *name, const char **p, void *arg)
{
	struct image *im = arg;

	if (!strcmp(name, "Id") && **p == '"')
		return string(p, &im->id);
	if (!strcmp(name, "RepoTags") || !strcmp(name, "RepoDigests"))
		return names(p, &im->line);
	return skip(p);
}

/* One image of the listing at *P (at its '{'): "ID NAME..." appended to LINES. */
static int
image(const char **p, struct strv *lines)
{
	struct image im = {0};
	int rc = members(p, image_member, &im);

	if (rc == 0 && im.id.len)
		strv_take(lines, str_join(buf_str(&im.id), buf_str(&im.line), NULL));
	buf_free(&im.id), buf_free(&im.line);
	return rc;
}

int
api_image_lines(const char *json, struct strv *lines)
{
	const char *p = json + strspn(json, " \t\r\n");

	if (*p++ != '[')
		return -1;
	for (;;) {
		p += strspn(p, " \t\r\n,");
		if (*p == ']')
			return 0;
		if (*p != '{' || image(&p, lines) < 0)
			return -1;
	}
}

/* An event's own Type (the first: nested objects are skipped whole). */
static int
event_member(const char *name, const char **p, void *arg)
{
	struct buf *type = arg;

	if (!strcmp(name, "Type") && **p == '"' && !type->len)
		return string(p, type);
	return skip(p);
}

int
api_events_quiet(const char *json)
{
	static const char *const harmless[] = {"container", "network", "volume", NULL};
	const char *p = json;
	int n = 0, quiet = 1;

	for (;;) {
		struct buf type = {0};
		size_t k = 0;

		p += strspn(p, " \t\r\n");
		if (!*p)
			break;
		if (*p != '{' || members(&p, event_member, &type) < 0 || ++n >= API_EVENTS_KEPT)
			quiet = 0;
		while (quiet && harmless[k] && strcmp(harmless[k], buf_str(&type)))
			k++;
		quiet = quiet && harmless[k];
		buf_free(&type);
		if (!quiet)
			break;
	}
	return quiet;
}
