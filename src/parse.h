/* parse.h - `newskg parse`: English text or CoNLL-U in, tagged, lemmatised
 * and parsed CoNLL-U out (the program's). */
#ifndef NEWSKG_PARSE_H
#define NEWSKG_PARSE_H

/** Runs `newskg parse` with argv[0] = "parse"; returns the exit code. */
int parse_main(int argc, char **argv);

#endif /* NEWSKG_PARSE_H */
