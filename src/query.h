/* query.h - `newskg query`: SPARQL over a librdf store (the program's). */
#ifndef NEWSKG_QUERY_H
#define NEWSKG_QUERY_H

/** Runs `newskg query` with argv[0] = "query"; returns the exit code. */
int query_main(int argc, char **argv);

#endif /* NEWSKG_QUERY_H */
