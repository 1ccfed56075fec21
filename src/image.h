/* A distro's image built as its image edge builds it: the project's
 * Dockerfile (or, without one, a FROM of the base alone) and context, the
 * base as BASE_IMAGE, the distro's build args, labelled for the project.
 * The image edge builds it here; engines.c builds it on an engine that
 * lacks it when no other place has it to move there. */

/* Build distro D's image as TAG, FROM BASE, on the engine in use, output
 * to the log FD (with NO_CACHE: every step again): 0, 1 the build failed,
 * -1 engine trouble or no Dockerfile could be written (warned). */
int image_build(const struct matrix *m, const struct distro *d, const char *base, const char *tag, int no_cache, int fd);
