/* The Docker Engine API over its local socket: one GET, without a client
 * program. Only engine.c uses it, for the questions asked on every ninja,
 * where the client's own start costs more than Ninja's whole no-op. */

/* GET PATH of the local Docker engine into BODY, and the time its answer
 * is dated into DATE (if not NULL; 0 when undated): the HTTP status, or -1
 * when no local socket is to be used or it does not answer within SECONDS
 * of silence (DOCKER_HOST not unix://, a DOCKER_CONTEXT chosen: the
 * client knows where to go). */
int api_get(const char *path, struct buf *body, time_t *date, int seconds);
/* Who answers on the local socket: "PATH DEVICE INODE CTIME" of the
 * socket, which a daemon makes anew each time it starts; NULL when there
 * is no local socket to use. */
char *api_socket_id(void);
/* The engine's event buffer holds this many events, at least: a listing
 * that long may have lost its oldest. */
#define API_EVENTS_KEPT 64
/* Is the event listing JSON (GET /events, one object after another)
 * certainly free of any change to the engine's images: shorter than
 * API_EVENTS_KEPT, and every event one of a container, a network or a
 * volume? 1 or 0. */
int api_events_quiet(const char *json);
/* The image listing JSON (GET /images/json) as lines "ID NAME...", each
 * name a tag (repo:tag) or a digest (repo@sha256:...), appended to LINES.
 * 0, or -1 when JSON is not such a listing. */
int api_image_lines(const char *json, struct strv *lines);
