/* train.h - `newskg train`: the tagger, lemmatizer and parser trained from
 * a treebank (the program's). */
#ifndef NEWSKG_TRAIN_H
#define NEWSKG_TRAIN_H

/** Runs `newskg train` with argv[0] = "train"; returns the exit code. */
int train_main(int argc, char **argv);

#endif /* NEWSKG_TRAIN_H */
