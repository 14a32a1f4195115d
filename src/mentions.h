/* mentions.h - finding the entity mentions of an article (internal).
 *
 * Reads the article's tokens and fills its mention and entity tables:
 * gazetteer names (longest match), names found by patterns the gazetteer
 * lacks (a title before a name, "X, a former intelligence chief", "the city
 * of X", a dateline), surnames of people named in full, title constructions
 * ("French President Emmanuel Macron" becomes one Person mention whose owner
 * is the mention "French"), and the pronouns and descriptions coref.c will
 * resolve.
 */
#ifndef KG_MENTIONS_H
#define KG_MENTIONS_H

#include "article.h"

/** Finds the mentions of a tokenized article. */
KgStatus kg_find_mentions(KgArticle *a);

#endif /* KG_MENTIONS_H */
