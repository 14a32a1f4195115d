/* coref.c - resolving pronouns and descriptions; see coref.h.
 *
 * Mentions are read in text order; each resolved mention joins the history
 * that later pronouns and descriptions search, most recent first, within a
 * window of sentences.  The precedence rules:
 *   - he/she/his/her: the most recent person of a compatible gender; an
 *     object pronoun ("granted him asylum") skips the nearest person before
 *     it in its own sentence, the subject that cannot be its antecedent;
 *     a reflexive takes that nearest person.
 *   - its: the most recent country or organisation.
 *   - a description ("the strongman leader", "the country", "the bloc"):
 *     the most recent entity of its class, never the entity named just
 *     before it in the same sentence (its clause's subject: "Washington
 *     targeted the country's leader" is not about the US), never one named
 *     inside it, and satisfying what it says: "the Baltic EU state bordering
 *     Belarus" must be an EU member bordering Belarus (gazetteer data).
 *   - plural and quoted mentions stay unresolved; unresolved mentions yield
 *     no triple.
 */
#include "coref.h"

#include <string.h>

#define WINDOW_SENTENCES 4
#define SUBJECT_DISTANCE 3

static int gender_fits(const KgArticle *a, long entity, char gender) {
  char g = a->entities[entity].gender;
  return !gender || !g || g == gender;
}

/* The nearest mention before mi in its sentence with a resolved entity. */
static long nearest_before(const KgArticle *a, size_t mi) {
  for (size_t k = mi; k-- > 0;) {
    if (a->mentions[k].sentence != a->mentions[mi].sentence)
      return -1;
    if (a->mentions[k].entity >= 0 && a->mentions[k].end <= a->mentions[mi].first)
      return (long)k;
  }
  return -1;
}

/* Non-zero when a Country entity satisfies the constraints that the
 * mentions absorbed into description mi state about it. */
static int satisfies(const KgArticle *a, size_t mi, long entity) {
  const KgMention *d = &a->mentions[mi];
  const KgGazetteer *gz = a->kb->gazetteer;
  const KgEntity *e = &a->entities[entity];
  for (size_t k = 0; k < a->mention_count; k++) {
    const KgMention *c = &a->mentions[k];
    if (k == mi || c->first < d->first || c->end > d->end || c->entity < 0)
      continue;
    if (c->entity == entity)
      return 0; /* "the state bordering Belarus" is not Belarus */
    const KgEntity *ce = &a->entities[c->entity];
    if (ce->gaz < 0)
      continue;
    if (ce->cls == KG_CLASS_ORGANIZATION &&
        kg_gazetteer_entry(gz, (size_t)ce->gaz)->attrs[KG_ATTR_MEMBERS] &&
        !kg_gazetteer_attr_has(gz, (size_t)ce->gaz, KG_ATTR_MEMBERS, e->name))
      return 0;
    if (ce->cls == KG_CLASS_COUNTRY && c->first > d->first &&
        kg_gazetteer_entry(gz, (size_t)ce->gaz)->attrs[KG_ATTR_BORDERS] &&
        !kg_gazetteer_attr_has(gz, (size_t)ce->gaz, KG_ATTR_BORDERS, e->name))
      return 0;
  }
  return 1;
}

/* Resolves mention mi; leaves entity -1 when nothing fits. */
static void resolve(KgArticle *a, size_t mi) {
  KgMention *m = &a->mentions[mi];
  if (m->flags & (KG_M_PLURAL | KG_M_QUOTED))
    return;
  long excluded = -1;
  long near = nearest_before(a, mi);
  if (m->flags & KG_M_REFLEXIVE) {
    if (near >= 0 && a->mentions[near].cls == KG_CLASS_PERSON)
      m->entity = a->mentions[near].entity;
    return;
  }
  /* the nearest entity counts as the clause's subject only when a verb or
   * two stand between ("X granted him", "Washington targeted the
   * country's"), not across a coordination ("labeled X ... and levied
   * sanctions against him") */
  if (near >= 0 && a->mentions[near].end + SUBJECT_DISTANCE >= m->first &&
      ((m->kind == KG_MENTION_PRONOUN && (m->flags & KG_M_OBJECT)) ||
       m->kind == KG_MENTION_DESCRIPTION)) {
    excluded = a->mentions[near].entity;
  }
  long excluded_country = -1;
  if (excluded >= 0 && a->entities[excluded].cls == KG_CLASS_CITY)
    excluded_country = kg_article_capital_country(a, excluded);
  int wants_person = m->cls == KG_CLASS_PERSON;
  for (size_t k = mi; k-- > 0;) {
    const KgMention *c = &a->mentions[k];
    if (c->sentence + WINDOW_SENTENCES < m->sentence)
      break;
    long e = c->entity;
    if (e < 0 || e == excluded || e == excluded_country ||
        (c->flags & KG_M_QUOTED))
      continue;
    const KgEntity *ent = &a->entities[e];
    if (wants_person) {
      if (ent->cls != KG_CLASS_PERSON || !gender_fits(a, e, m->gender))
        continue;
    } else if (m->kind == KG_MENTION_PRONOUN) {
      if (ent->cls != KG_CLASS_COUNTRY && ent->cls != KG_CLASS_ORGANIZATION)
        continue;
    } else if (ent->cls != m->cls) {
      continue;
    }
    if (m->kind == KG_MENTION_DESCRIPTION && !satisfies(a, mi, e))
      continue;
    m->entity = e;
    m->cls = ent->cls;
    return;
  }
}

KgStatus kg_resolve_coreference(KgArticle *a) {
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    KgMention *m = &a->mentions[mi];
    if (m->entity < 0 &&
        (m->kind == KG_MENTION_PRONOUN || m->kind == KG_MENTION_DESCRIPTION))
      resolve(a, mi);
  }
  return KG_OK;
}
