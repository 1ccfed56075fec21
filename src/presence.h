/* Each distro's presence file (.orch/present/D): what the engine has of
 * its base and of the tag its image edge recorded last, written only when
 * it changed, so that the edges that depend on it run exactly when an
 * image of the distro appeared or disappeared, or its base changed. */

/* Write the presence files of the N distros DS from one question to the
 * engine (one that does not answer is said in each file). 0, or -1 a file
 * could not be written. */
int presence_write(const struct matrix *m, const struct distro *const *ds, size_t n);
/* The probe: presence_write() of the N distros DS, unless the engine says
 * that none of its images changed since the last time the probe looked
 * at it for the same distros and tags (one short request: the engine's
 * event buffer, see engine_quiet_since()), in which case the files are
 * left as they are. 0, or -1 a file could not be written. */
int presence_probe(const struct matrix *m, const struct distro *const *ds, size_t n);
