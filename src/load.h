/* load.h - `newskg load`: extract articles straight into a store (the
 * program's). */
#ifndef NEWSKG_LOAD_H
#define NEWSKG_LOAD_H

/** Runs `newskg load` with argv[0] = "load"; returns the exit code. */
int load_main(int argc, char **argv);

#endif /* NEWSKG_LOAD_H */
