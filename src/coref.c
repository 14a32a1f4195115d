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

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grow.h"

#define WINDOW_SENTENCES 4
#define SUBJECT_DISTANCE 3

/* One word of a person's name mention, in a chain of the mentions before
 * it with the same word. */
typedef struct {
  size_t mention; ///< the name mention
  size_t earlier; ///< the node of the same word before, or SIZE_MAX
} NameWord;

/* What resolving mention mi reads of the mentions before it, kept as
 * kg_resolve_coreference goes so that no lookup reads them all: the names
 * of people by word, so that "the king" finds the most recent "King
 * Salman"; which mentions are subject-like (subject_like() of each, found
 * once); and the first mention of mi's sentence with an entity. */
typedef struct {
  KgStrMap *latest; ///< token key -> the latest node with that word
  NameWord *nodes;
  size_t count, cap;
  unsigned char *subject; ///< per mention: subject_like()
  size_t sentence;        ///< the sentence of the last mention read
  long first_known;       ///< its first mention with an entity (not
                          ///< absorbed) so far, or -1
} Names;

/* Adds the words of mention mi, when it names a person, to names.  0, or
 * -1 when out of memory. */
static int add_name(Names *names, const KgArticle *a, size_t mi) {
  const KgMention *m = &a->mentions[mi];
  if (m->kind != KG_MENTION_NAME || m->entity < 0 ||
      a->entities[m->entity].cls != KG_CLASS_PERSON)
    return 0;
  for (size_t i = m->first; i < m->end; i++) {
    size_t len, latest = SIZE_MAX;
    const char *word = kg_token_key(&a->text, i, &len);
    kg_strmap_get_hashed(names->latest, word, len, kg_token_hash(&a->text, i),
                         &latest);
    if (kg_grow((void **)&names->nodes, names->count, &names->cap,
                sizeof *names->nodes) != 0 ||
        kg_strmap_put(names->latest, word, len, names->count) != 0)
      return -1;
    names->nodes[names->count++] = (NameWord){mi, latest};
  }
  return 0;
}

/* The latest node of a name with token i's word, or SIZE_MAX. */
static size_t names_with(const Names *names, const KgText *t, size_t i) {
  size_t len, node;
  const char *word = kg_token_key(t, i, &len);
  return kg_strmap_get_hashed(names->latest, word, len, kg_token_hash(t, i),
                              &node)
             ? node
             : SIZE_MAX;
}

/* Non-zero when entity may be called by a pronoun of this gender; a gender
 * only guessed from a given name counts unless lenient. */
static int gender_fits(const KgArticle *a, long entity, char gender,
                       int lenient) {
  const KgEntity *e = &a->entities[entity];
  return !gender || !e->gender || e->gender == gender ||
         (lenient && e->gender_guessed);
}

/* The nearest mention before mi in its sentence with a resolved entity. */
static long nearest_before(const KgArticle *a, size_t mi) {
  for (size_t k = mi; k-- > 0;) {
    if (a->mentions[k].sentence != a->mentions[mi].sentence)
      return -1;
    if (a->mentions[k].entity >= 0 &&
        a->mentions[k].end <= a->mentions[mi].first)
      return (long)k;
  }
  return -1;
}

/* Non-zero when token i follows "bordering" or a word like it. */
static int after_bordering(const KgArticle *a, size_t i) {
  return i > 0 && kg_lexicon_word(a->kb->lexicon, "bordering", &a->text, i - 1);
}

/* Non-zero when a Country entity satisfies the constraints that the
 * mentions absorbed into description mi state about it. */
static int satisfies(const KgArticle *a, size_t mi, long entity) {
  const KgMention *d = &a->mentions[mi];
  const KgGazetteer *gz = a->kb->gazetteer;
  const KgEntity *e = &a->entities[entity];
  for (size_t k = kg_article_first_mention(a, d->first);
       k < a->mention_count && a->mentions[k].first < d->end; k++) {
    const KgMention *c = &a->mentions[k];
    if (k == mi || c->end > d->end || c->entity < 0)
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
    if (ce->cls == KG_CLASS_COUNTRY && after_bordering(a, c->first) &&
        kg_gazetteer_entry(gz, (size_t)ce->gaz)->attrs[KG_ATTR_BORDERS] &&
        !kg_gazetteer_attr_has(gz, (size_t)ce->gaz, KG_ATTR_BORDERS, e->name))
      return 0;
    /* "the Ukrainian capital" is a city of Ukraine, "the Saudi monarch" a
     * Saudi */
    if (ce->cls == KG_CLASS_COUNTRY &&
        (e->cls == KG_CLASS_CITY || e->cls == KG_CLASS_PERSON) &&
        e->country >= 0 && e->country != c->entity)
      return 0;
  }
  return 1;
}

/* Non-zero when mention k is a subject candidate: not after a preposition
 * ("talks with Modi"), not a possessor, not quoted.  Coreference changes
 * nothing this reads: kg_resolve_coreference notes it once per mention. */
static int subject_like(const KgArticle *a, size_t k) {
  const KgMention *c = &a->mentions[k];
  if (c->flags & (KG_M_QUOTED | KG_M_POSSESSIVE | KG_M_ABSORBED))
    return 0;
  size_t floor = a->text.sentences[c->sentence].first_token;
  if (c->first == floor)
    return 1;
  return !kg_lexicon_word(a->kb->lexicon, "preposition", &a->text,
                          c->first - 1);
}

/* Non-zero when the words of tokens [first, end) occur in mention c. */
static int mention_contains(const KgArticle *a, const KgMention *c,
                            size_t first, size_t end) {
  size_t n = end - first;
  for (size_t i = c->first; i + n <= c->end; i++) {
    size_t k = 0;
    while (k < n) {
      const KgToken *x = &a->text.tokens[i + k],
                    *y = &a->text.tokens[first + k];
      if (x->end - x->start != y->end - y->start ||
          strncasecmp(a->text.text + x->start, a->text.text + y->start,
                      x->end - x->start) != 0)
        break;
      k++;
    }
    if (k == n)
      return 1;
  }
  return 0;
}

/* For a description ending in a title ("the king", "the crown prince"):
 * the most recent person named with that title, other than excluded ones,
 * or -1; *role is the title's role (NULL when the description ends in no
 * title).  The names before mi are in names. */
static long titled_antecedent(const KgArticle *a, const Names *names,
                              size_t mi, long excluded, long subject,
                              const char **role) {
  const KgMention *m = &a->mentions[mi];
  const char *value = NULL;
  int titled = 0;
  for (size_t i = m->first + 1; i < m->end && !titled; i++)
    titled = kg_lexicon_match(a->kb->lexicon, "title", &a->text, i, m->end,
                              &value) == m->end - i;
  *role = titled ? value : NULL;
  if (!titled)
    return -1;
  /* every word after "the" must be in the name: "the Kremlin chief" is not
   * "EU chief Charles Michel"; so the name has the last one */
  size_t start = m->first + 1;
  for (size_t node = names_with(names, &a->text, m->end - 1); node != SIZE_MAX;
       node = names->nodes[node].earlier) {
    const KgMention *c = &a->mentions[names->nodes[node].mention];
    if (c->entity < 0 || c->entity == excluded || c->entity == subject ||
        c->kind != KG_MENTION_NAME ||
        a->entities[c->entity].cls != KG_CLASS_PERSON)
      continue;
    if (mention_contains(a, c, start, m->end))
      return c->entity;
  }
  return -1;
}

/* The first entity mention of mi's sentence before mi when it is
 * subject-like (not after a preposition), else -1. */
static long subject_mention(const KgArticle *a, const Names *names,
                            size_t mi) {
  long first = names->sentence == a->mentions[mi].sentence
                   ? names->first_known
                   : -1;
  return first >= 0 && names->subject[first] ? first : -1;
}

/* The subject of mi's sentence, roughly (subject_mention), when it is of
 * one of the classes in mask, else -1.  "The UAE said it was hosting
 * Ghani" has no person subject. */
static long sentence_subject(const KgArticle *a, const Names *names,
                             size_t mi, unsigned mask) {
  long k = subject_mention(a, names, mi);
  if (k < 0)
    return -1;
  long e = a->mentions[k].entity;
  return mask & (1u << a->entities[e].cls) ? e : -1;
}

/* Non-zero when mention k may be the antecedent of mention mi that
 * subject_antecedent looks for. */
static int subject_candidate(const KgArticle *a, size_t mi, size_t k,
                             int lenient, long excluded) {
  const KgMention *m = &a->mentions[mi], *c = &a->mentions[k];
  return c->entity >= 0 && c->entity != excluded &&
         a->entities[c->entity].cls == KG_CLASS_PERSON &&
         gender_fits(a, c->entity, m->gender, lenient) &&
         !(c->flags & KG_M_QUOTED) &&
         (m->kind != KG_MENTION_DESCRIPTION || satisfies(a, mi, c->entity));
}

/* The antecedent of subject pronoun mi by subject preference, or -1: the
 * first subject-like person of compatible gender in the pronoun's sentence
 * before it, else in the nearest earlier sentence that has one. */
static long subject_antecedent(const KgArticle *a, const Names *names,
                               size_t mi, int lenient, long excluded) {
  const KgMention *m = &a->mentions[mi];
  /* the first one in its own sentence, read from the sentence's start (in
   * a long sentence the subject is near the start, far from mi); a
   * candidate there that is not subject-like rules out earlier sentences */
  size_t start =
      kg_article_first_mention(a, a->text.sentences[m->sentence].first_token);
  for (size_t k = start; k < mi; k++)
    if (names->subject[k] && subject_candidate(a, mi, k, lenient, excluded))
      return a->mentions[k].entity;
  for (size_t k = mi; k-- > start;)
    if (subject_candidate(a, mi, k, lenient, excluded))
      return -1;
  size_t sentence = m->sentence;
  long found = -1;
  int candidates = 0;
  for (size_t k = start; k-- > 0;) {
    const KgMention *c = &a->mentions[k];
    if (c->sentence != sentence) {
      if (candidates)
        return found; /* the nearest sentence with a candidate decides */
      sentence = c->sentence;
      if (sentence + WINDOW_SENTENCES < m->sentence)
        return -1;
    }
    if (!subject_candidate(a, mi, k, lenient, excluded))
      continue;
    candidates = 1;
    if (names->subject[k])
      found = c->entity; /* keeps the earliest in the sentence */
  }
  return found;
}

/* himself, herself: the nearest person of its sentence before it whose
 * gender fits, not a possessor ("X, Ortega's wife, was herself ..."); -1
 * when none. */
static long reflexive_antecedent(const KgArticle *a, size_t mi, int lenient) {
  const KgMention *m = &a->mentions[mi];
  for (size_t k = mi; k-- > 0 && a->mentions[k].sentence == m->sentence;) {
    const KgMention *c = &a->mentions[k];
    if (c->entity >= 0 && !(c->flags & (KG_M_POSSESSIVE | KG_M_ABSORBED)) &&
        a->entities[c->entity].cls == KG_CLASS_PERSON &&
        gender_fits(a, c->entity, m->gender, lenient))
      return c->entity;
  }
  return -1;
}

/* Non-zero when, before pronoun mi in its sentence, a person is spoken of
 * whom no name or resolved description gives ("this Mideast leader ...
 * when he travelled", "my Special Envoy proceeded to Moscow, where he
 * met"): the pronoun is most likely that person, whom we cannot name. */
static int unnamed_person_before(const KgArticle *a, size_t mi) {
  const KgMention *m = &a->mentions[mi];
  for (size_t k = mi; k-- > 0 && a->mentions[k].sentence == m->sentence;)
    if (a->mentions[k].entity >= 0 &&
        a->entities[a->mentions[k].entity].cls == KG_CLASS_PERSON &&
        !(a->mentions[k].flags & KG_M_ABSORBED))
      return 0;
  const KgLexicon *lex = a->kb->lexicon;
  for (size_t t = a->text.sentences[m->sentence].first_token; t < m->first;
       t++) {
    long inside = kg_article_mention_at(a, t);
    if (inside >= 0 && a->mentions[inside].entity >= 0)
      continue;
    if (kg_lexicon_word(lex, "person_noun", &a->text, t) ||
        kg_lexicon_match(lex, "title", &a->text, t, t + 1, NULL))
      return 1;
  }
  return 0;
}

/* Resolves mention mi; leaves entity -1 when nothing fits.  lenient: a
 * gender guessed from a given name does not rule a person out.  The names
 * before mi are in names. */
static void resolve(KgArticle *a, const Names *names, size_t mi, int lenient) {
  KgMention *m = &a->mentions[mi];
  if (m->flags & (KG_M_PLURAL | KG_M_QUOTED))
    return;
  long excluded = -1;
  long near = nearest_before(a, mi);
  if (m->flags & KG_M_REFLEXIVE) {
    m->entity = reflexive_antecedent(a, mi, lenient);
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
  /* "Russia, its closest ally": the possessive is not the name it is in
   * apposition to */
  if (m->kind == KG_MENTION_PRONOUN && (m->flags & KG_M_POSSESSIVE) &&
      near >= 0 && a->mentions[near].end + 1 == m->first &&
      kg_token_is(&a->text, m->first - 1, ","))
    excluded = a->mentions[near].entity;
  long excluded_country = -1;
  if (excluded >= 0 && a->entities[excluded].cls == KG_CLASS_CITY)
    excluded_country = kg_article_capital_country(a, excluded);
  int wants_person = m->cls == KG_CLASS_PERSON;
  /* a description is never the subject of its own sentence: "Macron met
   * Tikhanovskaya ... support for the activist" */
  if (m->kind == KG_MENTION_DESCRIPTION && wants_person) {
    long subject = sentence_subject(a, names, mi, 1u << KG_CLASS_PERSON);
    if (excluded < 0)
      excluded = subject;
    /* "the king": the person a title of that word introduced ("King
     * Salman"), before anyone more recent */
    const char *role;
    long titled = titled_antecedent(a, names, mi, excluded, subject, &role);
    if (titled >= 0) {
      m->entity = titled;
      return;
    }
    /* "the provincial governor" is no one the article named so; only a
     * leader's title ("the president") may mean a leader named otherwise */
    if (role && strcmp(role, "leader") != 0)
      return;
  }
  /* he, his, "the 44-year-old": in the nearest sentence with a candidate,
   * its first subject-like person ("Kishida, who had talks with Modi, left
   * ... In Kyiv he met ..." - he is Kishida); object pronouns take the
   * most recent one below */
  if (wants_person && !(m->flags & KG_M_OBJECT)) {
    if (m->kind == KG_MENTION_PRONOUN && unnamed_person_before(a, mi))
      return;
    long e = subject_antecedent(a, names, mi, lenient, excluded);
    if (e >= 0) {
      m->entity = e;
      return;
    }
  }
  /* "Japan has imposed sanctions on Russian banks alongside its G7
   * partners": its is the state or body the sentence is about */
  if (m->kind == KG_MENTION_PRONOUN && !wants_person &&
      (m->flags & KG_M_POSSESSIVE)) {
    long e = sentence_subject(a, names, mi,
                              1u << KG_CLASS_COUNTRY |
                                  1u << KG_CLASS_ORGANIZATION);
    if (e >= 0 && e != excluded) {
      m->entity = e;
      m->cls = a->entities[e].cls;
      return;
    }
  }
  for (size_t k = mi; k-- > 0;) {
    const KgMention *c = &a->mentions[k];
    if (c->sentence + WINDOW_SENTENCES < m->sentence)
      break;
    long e = c->entity;
    /* the dateline's place and agency ("SOCHI, Russia (Reuters) -") are
     * where the story comes from, not what it is about */
    if (e < 0 || e == excluded || e == excluded_country ||
        (c->flags & KG_M_QUOTED) ||
        (a->text.tokens[c->first].flags & KG_TOK_DATELINE))
      continue;
    const KgEntity *ent = &a->entities[e];
    if (wants_person) {
      if (ent->cls != KG_CLASS_PERSON || !gender_fits(a, e, m->gender, lenient))
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

/* Notes mention mi, resolved, as read. */
static void note_read(Names *names, const KgArticle *a, size_t mi) {
  const KgMention *m = &a->mentions[mi];
  if (m->sentence != names->sentence) {
    names->sentence = m->sentence;
    names->first_known = -1;
  }
  if (names->first_known < 0 && m->entity >= 0 &&
      !(m->flags & KG_M_ABSORBED))
    names->first_known = (long)mi;
}

KgStatus kg_resolve_coreference(KgArticle *a) {
  Names names = {kg_strmap_new(), NULL, 0, 0,
                 malloc(a->mention_count + 1), SIZE_MAX, -1};
  KgStatus status = names.latest && names.subject ? KG_OK : KG_ERR_NOMEM;
  for (size_t mi = 0; mi < a->mention_count && status == KG_OK; mi++)
    names.subject[mi] = (unsigned char)subject_like(a, mi);
  for (size_t mi = 0; mi < a->mention_count && status == KG_OK; mi++) {
    KgMention *m = &a->mentions[mi];
    if (m->entity < 0 &&
        (m->kind == KG_MENTION_PRONOUN || m->kind == KG_MENTION_DESCRIPTION))
      resolve(a, &names, mi, 0);
    if (m->entity < 0 && m->kind == KG_MENTION_PRONOUN)
      resolve(a, &names, mi, 1); /* "Andrei": the list's guess may be wrong */
    note_read(&names, a, mi);
    if (add_name(&names, a, mi) != 0)
      status = KG_ERR_NOMEM;
  }
  kg_strmap_free(names.latest);
  free(names.nodes);
  free(names.subject);
  return status;
}
