/* The generator: the model in, build.ninja out. */

/* Build the graph of MD and write it to O->output (atomically, only when its
 * bytes change). SELF is how build.ninja calls orchgen. 0, or an exit
 * status (warned): EXIT_USAGE when the graph cannot be written as Ninja,
 * EXIT_ENGINE when the file cannot be. */
int gen_write(const struct model *md, const struct options *o, const char *self);
