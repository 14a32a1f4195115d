/* coref.h - resolving pronouns and descriptions (internal).
 *
 * Sets the entity of each pronoun ("she", "its") and description ("the
 * strongman leader", "the Baltic EU state bordering Belarus") mention that
 * the discourse before it determines; see coref.c for the precedence rules.
 */
#ifndef KG_COREF_H
#define KG_COREF_H

#include "article.h"

KgStatus kg_resolve_coreference(KgArticle *a);

#endif /* KG_COREF_H */
