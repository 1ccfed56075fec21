/* The Docker Engine API over its local socket: one GET, without a client
 * program. Only engine.c uses it, for the questions asked on every ninja,
 * where the client's own start costs more than Ninja's whole no-op. */

/* GET PATH of the local Docker engine into BODY: the HTTP status, or -1
 * when no local socket is to be used or it does not answer (DOCKER_HOST
 * not unix://, a DOCKER_CONTEXT chosen: the client knows where to go). */
int api_get(const char *path, struct buf *body);
/* The image listing JSON (GET /images/json) as lines "ID NAME...", each
 * name a tag (repo:tag) or a digest (repo@sha256:...), appended to LINES.
 * 0, or -1 when JSON is not such a listing. */
int api_image_lines(const char *json, struct strv *lines);
