/* parser.h - labelled dependency parsing (internal).
 *
 * A greedy transition-based parser (arc-hybrid: Kuhlmann, Gomez-Rodriguez
 * and Satta 2011) whose next transition, with its label, an averaged
 * perceptron chooses from features of the stack, the buffer and the arcs
 * built so far.  It is trained with a dynamic oracle and error exploration
 * (Goldberg and Nivre 2012, 2013): training follows its own mistakes and
 * learns the best transition from where they lead.  Trees are UD basic
 * trees: one root, projective.  The model file's kind is "parser".
 */
#ifndef KG_PARSER_H
#define KG_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "newskg.h"
#include "tagger.h"
#include "treebank.h"
#include "wordkeys.h"

typedef struct KgParserImpl KgParser;
typedef struct KgParserStateImpl KgParserState;

KgStatus kg_parser_load(const char *path, KgParser **out, KgError *err);

void kg_parser_free(KgParser *p);

/** The name of label number label ("nsubj"). */
const char *kg_parser_label(const KgParser *p, size_t label);

/** Whether the parser was trained with the tagger's tags, numbered as
 *  the tagger numbers them. */
int kg_parser_tags_match(const KgParser *p, const KgTagger *t);

/** A thread's scratch memory for parsing, or NULL when out of memory. */
KgParserState *kg_parser_state_new(void);

void kg_parser_state_free(KgParserState *s);

/** Parses the n words described by keys and tags (the tagger's numbers):
 *  heads[i] receives word i's head (0 for the root, else 1..n) and
 *  labels[i] its label.  Returns 0, or -1 when out of memory. */
int kg_parser_parse(const KgParser *p, KgParserState *s,
                    const KgWordKeys *keys, const uint16_t *tags, size_t n,
                    uint32_t *heads, uint16_t *labels);

/** Trains a parser on every sentence of tb and saves it at path.  tags
 *  holds the tag of every word of tb, sentence after sentence, as a
 *  tagger would give it (kg_parser_train_tags), so that the parser learns
 *  from the tags it will be given. */
KgStatus kg_parser_train(const KgTreebank *tb, const uint16_t *tags,
                         const KgTrainOptions *opts, const char *path,
                         KgError *err);

#endif /* KG_PARSER_H */
