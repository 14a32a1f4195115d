/* treeread.h - the dependency rules read over an article's sentences
 * (internal).
 *
 * For each sentence that a rule over dependency trees (deprules.h) may
 * read - one of its `@` words is there and two entities are named - the
 * sentence is parsed (syntax.h) with each mention of an entity as one
 * word, the rules run over the tree, and the matches whose event the text
 * states reach the caller: not a quoted trigger, nor one under a negation
 * or modality ("did not meet", "will meet", "plans to meet", "hoped to
 * meet"), nor a contact at a distance ("met by video link").
 *
 *     KgTreeReader *tr = kg_tree_reader_new();
 *     for each sentence si: kg_tree_read(tr, a, si, sink, ctx);
 *     kg_tree_reader_free(tr);
 */
#ifndef KG_TREEREAD_H
#define KG_TREEREAD_H

#include "article.h"
#include "deprules.h"
#include "relations.h"

typedef struct KgTreeReaderImpl KgTreeReader;

/** A reader for one article's sentences, cheap to make: the parser's
 *  scratch memory is made when a sentence is first parsed.  NULL when out
 *  of memory. */
KgTreeReader *kg_tree_reader_new(void);
void kg_tree_reader_free(KgTreeReader *tr);

/** Reads sentence si of a with a's dependency rules (none: nothing to do),
 *  giving sink each stated match.  KG_OK; KG_ERR_NOMEM; a parse's error. */
KgStatus kg_tree_read(KgTreeReader *tr, const KgArticle *a, size_t si,
                      KgDepSink sink, void *ctx);

/** The tokens of word i of the sentence last read. */
KgTokenSpan kg_tree_word_tokens(const KgTreeReader *tr, size_t i);

#endif /* KG_TREEREAD_H */
