/* Images that travel: a tag the engine lacks is loaded from the image
 * cache ([project] image-cache, one archive per tag), else pulled from the
 * registry ([project] registry), else made; one that was made is saved to
 * the cache and pushed to the registry. The tag is the content key, so an
 * archive or a pushed image never goes stale. Both are optimisations: a
 * registry that does not answer is a warning; only an image cache that
 * cannot be written stops the edge, as it was asked for and cannot be
 * kept. */

/* Generation's check of M's image cache, said with the key's file:line:
 * a directory that can be written, or made (the nearest directory above it
 * that exists can be written), and part of no input (its archives would
 * change the keys they are saved under). 0, or -1 (warned). */
int travel_check(const struct matrix *m);

/* TAG onto the engine in use, from the image cache (an archive that does
 * not load as TAG is removed, with a warning), else from the registry,
 * where each is configured; output to the log at LOG: 0 there now, 1
 * neither has it (or the registry did not answer, warned), -1 engine
 * trouble. */
int travel_fetch(const struct matrix *m, const char *tag, const char *log);

/* Ensure the engine has TAG: there already; or loaded from the image
 * cache (an archive that does not load as TAG is removed, with a warning);
 * or pulled from the registry; or made by MAKE(ARG), which returns 0 or an
 * exit status. With AGAIN, made whatever the engine has. Then an archive
 * is saved for TAG when the cache has none (or TAG was made), and TAG is
 * pushed when it was made. Output goes to the stage log at LOG. 0;
 * EXIT_ENGINE (engine trouble, worth trying again); RETRY_HOPELESS (the
 * image cache cannot be written, warned); or what MAKE returned. When the
 * engine lacked TAG, the presence file of distro D is written again once
 * TAG is there: a later loss of TAG is then a change the next probe sees,
 * even when the probe before this run said the same. */
int travel_ensure(const struct matrix *m, const struct distro *d, const char *tag, const char *log, int again,
    int (*make)(void *arg), void *arg);
