/* relations.c - relations from titles and rules; see relations.h.
 *
 * Each sentence is seen as units for the rule matcher: one unit per plain
 * token, one per mention, and one per coordination of mentions ("Estonia,
 * Latvia and Lithuania"), whose members each take part in the relation.
 * A capital standing where a rule wants a country is read as that country's
 * government ("London and Ottawa imposed ..."), never where a place fits.
 */
#include "relations.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "rules.h"
#include "treeread.h"

#define MAX_MEMBERS 16

/* Strengths of the readings that are no rule of data/rules/ (whose lines
 * give their own, see rules.h): a title that names its country is nearly
 * always right; an office whose country comes from the context, or a
 * description resolved by coreference, less often. */
#define STRENGTH_TITLE 0.95       /* "Belarusian President Lukashenko" */
#define STRENGTH_COUNTERPART 0.9  /* "his Turkish counterpart Erdogan" */
#define STRENGTH_CAPITAL 0.9      /* "the Ukrainian capital" */
#define STRENGTH_DESCRIPTION 0.75 /* "the Afghan president" */
/* How many sentences back the article's country must last have been named
 * for a title without one to be read as leading it. */
#define FOCUS_WINDOW 5
#define STRENGTH_CONTEXT 0.7      /* "President X", country from context */

/* The facts read so far, indexed by what each states: an article may state
 * many, and a fact read again in its sentence must be found at once. */
/* Who leads one country in the facts read so far (led_by_other asks the
 * same about the dateline's country for title after title): the facts
 * added since the last question are the only ones read again. */
typedef struct {
  long country; ///< the country asked about, or -1
  size_t read;  ///< facts of the list read for it
  long first;   ///< the first leader found, or -1
  long other;   ///< a leader other than first, or -1
} Leaders;

typedef struct {
  KgFactList *list;
  KgStrMap *index; ///< fact_key() of each fact -> its index in list
  Leaders leaders; ///< of the dateline's country
} Facts;

typedef struct {
  KgArticle *a;
  Facts *facts;
  size_t sentence;
  KgUnit *units; ///< units of the current sentence
  size_t unit_count;
  long (*members)[MAX_MEMBERS]; ///< entity indices per unit
  KgTreeReader *trees; ///< the dependency rules' reader, when there are any
} Reader;

/* What a fact states in which sentence, as Facts indexes it: a symmetric
 * relation's ends in either order. */
typedef struct {
  size_t relation, sentence;
  long subject, object;
} FactKey;

static FactKey fact_key(long s, KgRelation rel, long o, size_t sentence) {
  FactKey key;
  memset(&key, 0, sizeof key); /* no stray bytes in the hashed key */
  key.relation = (size_t)rel;
  key.sentence = sentence;
  int swap = kg_relation_is_symmetric(rel) && o < s;
  key.subject = swap ? o : s;
  key.object = swap ? s : o;
  return key;
}

/* Indexes the facts of list (a fact stated twice: the first); 0, or -1
 * when out of memory. */
static int index_facts(Facts *facts, KgFactList *list) {
  facts->list = list;
  facts->leaders = (Leaders){-1, 0, -1, -1};
  if (!(facts->index = kg_strmap_new()))
    return -1;
  for (size_t i = 0; i < list->count; i++) {
    const KgFact *f = &list->facts[i];
    FactKey key = fact_key(f->subject, f->relation, f->object, f->sentence);
    if (kg_strmap_add(facts->index, (const char *)&key, sizeof key, i, NULL) <
        0)
      return -1;
  }
  return 0;
}

/* Adds a fact unless the sentence states it already; then the stronger
 * reading is kept. */
static int add_fact(Facts *facts, long s, KgRelation rel, long o,
                    size_t sentence, KgFactSource source) {
  if (s < 0 || o < 0 || s == o)
    return 0;
  KgFactList *list = facts->list;
  FactKey key = fact_key(s, rel, o, sentence);
  size_t known;
  if (kg_strmap_get(facts->index, (const char *)&key, sizeof key, &known)) {
    KgFact *f = &list->facts[known];
    if (source.strength > f->source.strength)
      f->source = source;
    return 0;
  }
  if (kg_grow((void **)&list->facts, list->count, &list->cap,
              sizeof *list->facts) != 0 ||
      kg_strmap_put(facts->index, (const char *)&key, sizeof key,
                    list->count) != 0)
    return -1;
  list->facts[list->count++] = (KgFact){s, rel, o, sentence, source};
  return 0;
}

/* How a title or description states a fact: its words, the owner mention
 * (or -1) inside them marked as the object, the rest as the subject
 * ("[O: Belarusian] [S: President Alexander Lukashenko]"). */
static KgFactSource mention_source(const KgArticle *a, const KgMention *m,
                                   long owner, const char *rule,
                                   double strength) {
  KgFactSource src = {rule,   strength, {m->first, m->end}, {m->first, m->end},
                      {0, 0}, {0, 0},   NULL};
  const KgMention *o = owner >= 0 ? &a->mentions[owner] : NULL;
  if (!o || o->first < m->first || o->end > m->end)
    return src;
  src.object = (KgTokenSpan){o->first, o->end};
  if (o->first == m->first) /* "Singapore's Prime Minister Lee" */
    src.subject.first = o->end < m->end && kg_token_is(&a->text, o->end, "'s")
                            ? o->end + 1
                            : o->end;
  else /* "President Ilham Aliyev of Azerbaijan" */
    src.subject.end =
        kg_token_is(&a->text, o->first - 1, "of") ? o->first - 1 : o->first;
  return src;
}

void kg_facts_release(KgFactList *list) {
  free(list->facts);
  list->facts = NULL;
  list->count = list->cap = 0;
}

/* The entity standing for e in a slot of these classes: e itself, or what
 * news means by it ("Brussels": the European Union), or the country of a
 * capital, where e itself does not fit; -1 if none fits. */
static long slot_entity(KgArticle *a, long e, unsigned classes) {
  KgClass cls = a->entities[e].cls;
  if (classes & KG_CLASS_BIT(cls))
    return e;
  if (classes & KG_CLASS_BIT(KG_CLASS_ORGANIZATION)) {
    long meant = kg_article_stands_for(a, e);
    if (meant >= 0)
      return meant;
  }
  if (cls == KG_CLASS_CITY && (classes & KG_CLASS_BIT(KG_CLASS_COUNTRY)))
    return kg_article_capital_country(a, e);
  return -1;
}

/* Non-zero when a fact already makes someone other than person the leader
 * of country: one article rarely gives a country two heads. */
static int led_by_other(Facts *facts, long country, long person) {
  Leaders *l = &facts->leaders;
  if (l->country != country)
    *l = (Leaders){country, 0, -1, -1};
  for (; l->read < facts->list->count; l->read++) {
    const KgFact *f = &facts->list->facts[l->read];
    if (f->relation != KG_REL_LEADER_OF || f->object != country)
      continue;
    if (l->first < 0)
      l->first = f->subject;
    else if (l->other < 0 && f->subject != l->first)
      l->other = f->subject;
  }
  return (l->first >= 0 && l->first != person) ||
         (l->other >= 0 && l->other != person);
}

/* The state a national body acts for ("the US Treasury", "the State
 * Department": gazetteer organisations with a country), or e itself.  A
 * department's sanctions are its government's. */
static long state_of_body(KgArticle *a, long e) {
  const KgEntity *ent = &a->entities[e];
  if (ent->cls != KG_CLASS_ORGANIZATION || ent->gaz < 0)
    return e;
  const char *country = kg_gazetteer_entry(a->kb->gazetteer, (size_t)ent->gaz)
                            ->attrs[KG_ATTR_COUNTRY];
  if (!country || strchr(country, '|'))
    return e;
  long c = kg_gazetteer_find(a->kb->gazetteer, KG_CLASS_COUNTRY, country);
  if (c < 0)
    return e;
  long state =
      kg_article_entity(a, KG_CLASS_COUNTRY, country, strlen(country), c);
  return state >= 0 ? state : e;
}

/* Non-zero when entity e is named in sentence or in the FOCUS_WINDOW
 * sentences before it. */
static int named_lately(const KgArticle *a, long e, size_t sentence) {
  if (e < 0)
    return 0;
  const KgSentence *from =
      &a->text.sentences[sentence > FOCUS_WINDOW ? sentence - FOCUS_WINDOW : 0];
  const KgSentence *to = &a->text.sentences[sentence];
  for (size_t mi = kg_article_first_mention(a, from->first_token);
       mi < a->mention_count &&
       a->mentions[mi].first < to->first_token + to->token_count;
       mi++) {
    const KgMention *m = &a->mentions[mi];
    if (m->sentence <= sentence && m->sentence + FOCUS_WINDOW >= sentence &&
        m->entity == e)
      return 1;
  }
  return 0;
}

/* The first of the article's entities that is a Country named in the text
 * and that gazetteer person gaz led, or -1.  Countries are found by the
 * names the person led, not by reading every entity. */
static long named_country_led(const KgArticle *a, long gaz) {
  const char *leads = kg_gazetteer_entry(a->kb->gazetteer, (size_t)gaz)
                          ->attrs[KG_ATTR_LEADS];
  long first = -1;
  for (const char *v = leads; v && *v;) {
    const char *bar = strchr(v, '|');
    size_t len = bar ? (size_t)(bar - v) : strlen(v);
    long e = kg_article_find_entity(a, KG_CLASS_COUNTRY, v, len);
    if (e >= 0 && a->entities[e].mentions &&
        strlen(a->entities[e].name) == len &&
        memcmp(a->entities[e].name, v, len) == 0 && (first < 0 || e < first))
      first = e;
    v = bar ? bar + 1 : NULL;
  }
  return first;
}

/* The country a person's untitled office ("President X", "became prime
 * minister") belongs to, in order of evidence: a country the gazetteer says
 * the person led; the person's nationality; the nearest country named
 * before the title in its sentence; the dateline's country unless someone
 * else already leads it; the country the article is most about. */
static long context_country(KgArticle *a, Facts *facts, long person,
                            size_t sentence, size_t before, int look_after) {
  const KgGazetteer *gz = a->kb->gazetteer;
  const KgEntity *p = &a->entities[person];
  if (p->gaz >= 0) {
    long named = named_country_led(a, p->gaz);
    if (named >= 0)
      return named;
    /* the country the gazetteer says the person led, named or not */
    const char *leads =
        kg_gazetteer_entry(gz, (size_t)p->gaz)->attrs[KG_ATTR_LEADS];
    for (const char *v = leads; v && *v;) {
      const char *bar = strchr(v, '|');
      size_t len = bar ? (size_t)(bar - v) : strlen(v);
      char name[256];
      if (len < sizeof name) {
        memcpy(name, v, len);
        name[len] = '\0';
        long c = kg_gazetteer_find(gz, KG_CLASS_COUNTRY, name);
        if (c >= 0)
          return kg_article_entity(a, KG_CLASS_COUNTRY, name, len, c);
      }
      v = bar ? bar + 1 : NULL;
    }
  }
  /* people lead their own country */
  if (p->country >= 0)
    return p->country;
  /* the last country named before the title in its sentence, else, where
   * the first after it ("President Aristide ... democracy in Haiti"), but
   * not a place he may only be visiting ("arrived in Moscow") unless
   * look_after says he speaks at home (a government spokesman "told
   * reporters in Tehran") */
  long before_title = -1, after_title = -1;
  int after_count = 0;
  const KgSentence *s = &a->text.sentences[sentence];
  for (size_t mi = kg_article_first_mention(a, s->first_token);
       mi < a->mention_count &&
       a->mentions[mi].first < s->first_token + s->token_count;
       mi++) {
    const KgMention *m = &a->mentions[mi];
    if (m->sentence != sentence || m->entity < 0 || m->entity == person ||
        (m->flags & KG_M_QUOTED))
      continue;
    long c = slot_entity(a, m->entity, KG_CLASS_BIT(KG_CLASS_COUNTRY));
    if (c >= 0 && m->first < before)
      before_title = c;
    else if (c >= 0 && c != after_title && m->kind == KG_MENTION_NAME &&
             (look_after || !(m->flags & KG_M_LOCATIVE))) {
      after_title = c; /* a name, not "the great Frenchman André Malraux" */
      after_count++;
    }
  }
  if (before_title >= 0)
    return before_title;
  /* only when it is the one country named after it: not "President Carter
   * mediated between Israel and Egypt" */
  if (after_count == 1)
    return after_title;
  /* where the story is filed from ("DHAKA — ... President X") */
  if (a->dateline_country >= 0 &&
      !led_by_other(facts, a->dateline_country, person))
    return a->dateline_country;
  /* the country the article is about, if it is still being talked about */
  return named_lately(a, a->focus_country, sentence) ? a->focus_country : -1;
}

/* "In the Ukrainian capital he met ...": a resolved description of a
 * capital with its country states capitalOf. */
static int read_capital_descriptions(KgArticle *a, Facts *facts) {
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    const KgMention *d = &a->mentions[mi];
    if (d->kind != KG_MENTION_DESCRIPTION || d->entity < 0 ||
        a->entities[d->entity].cls != KG_CLASS_CITY ||
        !kg_token_is(&a->text, d->end - 1, "capital"))
      continue;
    for (size_t k = kg_article_first_mention(a, d->first);
         k < a->mention_count && a->mentions[k].first < d->end; k++) {
      const KgMention *c = &a->mentions[k];
      if (k != mi && c->end <= d->end &&
          c->entity >= 0 && c->cls == KG_CLASS_COUNTRY &&
          add_fact(facts, d->entity, KG_REL_CAPITAL_OF, c->entity, d->sentence,
                   mention_source(a, d, (long)k, "capital-description",
                                  STRENGTH_CAPITAL)) != 0)
        return -1;
    }
  }
  return 0;
}

/* Non-zero when the person named last before mention mi in its sentence
 * holds a head-of-state title there. */
static int leader_before(const KgArticle *a, size_t mi) {
  for (size_t k = mi;
       k-- > 0 && a->mentions[k].sentence == a->mentions[mi].sentence;)
    if (a->mentions[k].cls == KG_CLASS_PERSON &&
        a->mentions[k].kind == KG_MENTION_NAME)
      return a->mentions[k].role &&
             strcmp(a->mentions[k].role, "leader") == 0 &&
             !(a->mentions[k].flags & KG_M_FORMER);
  return 0;
}

/* "the Afghan president": a resolved description of a person by a head of
 * state's title and its country states leaderOf, as the title before a
 * name would ("the Kremlin chief" heads the Kremlin, which is no state). */
static int read_title_descriptions(KgArticle *a, Facts *facts) {
  const KgLexicon *lex = a->kb->lexicon;
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    const KgMention *d = &a->mentions[mi];
    if (d->kind != KG_MENTION_DESCRIPTION || d->entity < 0 ||
        a->entities[d->entity].cls != KG_CLASS_PERSON ||
        (d->flags & (KG_M_QUOTED | KG_M_PLURAL)))
      continue;
    const char *role = NULL, *mod;
    int former = 0;
    for (size_t i = d->first + 1; i < d->end; i++) {
      if ((mod = kg_lexicon_word(lex, "title_mod", &a->text, i)) &&
          (strcmp(mod, "former") == 0 || strcmp(mod, "party") == 0))
        former = 1;
      if (kg_lexicon_match(lex, "title", &a->text, i, d->end, &role) ==
          d->end - i)
        break;
      role = NULL;
    }
    if (former || !role || strcmp(role, "leader") != 0)
      continue;
    for (size_t k = kg_article_first_mention(a, d->first);
         k < a->mention_count && a->mentions[k].first < d->end; k++) {
      const KgMention *c = &a->mentions[k];
      if (k == mi || c->end > d->end || c->entity < 0)
        continue;
      /* only for a person known to be of that country: resolving a
       * description is a guess, the fact must not rest on it alone */
      long owner = slot_entity(a, c->entity, KG_CLASS_BIT(KG_CLASS_COUNTRY));
      if (owner >= 0 && a->entities[d->entity].country == owner &&
          add_fact(facts, d->entity, KG_REL_LEADER_OF, owner, d->sentence,
                   mention_source(a, d, (long)k, "title-description",
                                  STRENGTH_DESCRIPTION)) != 0)
        return -1;
    }
  }
  return 0;
}

/* The place a person speaks for by the gazetteer: the one current
 * office= term whose role is a spokesperson's title ("spokesman;Kremlin;
 * 2012-05;"), as an article entity; -1 when there is none or several. */
static long spokesperson_office(KgArticle *a, long person) {
  const KgGazetteer *gz = a->kb->gazetteer;
  long gaz = a->entities[person].gaz;
  const char *terms =
      gaz >= 0 ? kg_gazetteer_entry(gz, (size_t)gaz)->attrs[KG_ATTR_OFFICE]
               : NULL;
  long found = -1;
  for (const char *t = terms; t && *t;) {
    const char *bar = strchr(t, '|');
    size_t len = bar ? (size_t)(bar - t) : strlen(t);
    char term[512], key[256];
    if (len < sizeof term) {
      memcpy(term, t, len);
      term[len] = '\0';
      char *save = NULL;
      char *role = strtok_r(term, ";", &save);
      char *place = strtok_r(NULL, ";", &save);
      char *from = strtok_r(NULL, ";", &save);
      int current = from && !strtok_r(NULL, ";", &save);
      size_t klen = role ? kg_phrase_key(role, strlen(role), key, sizeof key)
                         : 0;
      const char *value =
          klen ? kg_lexicon_get(a->kb->lexicon, "title", key, klen) : NULL;
      if (current && place && value && strstr(value, "spokesperson")) {
        KgClass cls = KG_CLASS_ORGANIZATION;
        long g = kg_gazetteer_find(gz, cls, place);
        if (g < 0)
          g = kg_gazetteer_find(gz, cls = KG_CLASS_COUNTRY, place);
        long e = g >= 0 ? kg_article_entity(a, cls, place, strlen(place), g)
                        : -1;
        if (e >= 0 && found >= 0 && e != found)
          return -1;
        if (e >= 0)
          found = e;
      }
    }
    t = bar ? bar + 1 : NULL;
  }
  return found;
}

/* Non-zero when token i is part of a name that no mention holds: a name
 * newskg does not know. */
static int unknown_capitalised(const KgArticle *a, size_t i) {
  return kg_article_mention_at(a, i) < 0 &&
         kg_lexicon_name_word(a->kb->lexicon, &a->text, i);
}

/* Non-zero when title mention m belongs to a body newskg does not know,
 * so that it says nothing of a country: an organisation named before it
 * whose name is longer than the one known ("State Congress President X":
 * not the United States Congress), or an unknown name right before a title
 * without an owner ("... Mahasabha (All India Hindu Union) president X",
 * "Tea Party Chairman X"). */
static int owned_by_unknown_body(const KgArticle *a, const KgMention *m) {
  size_t first_token = a->text.sentences[m->sentence].first_token;
  if (m->first == first_token)
    return 0;
  size_t before = m->first - 1;
  if (m->owner >= 0) {
    const KgMention *o = &a->mentions[m->owner];
    long e = o->entity;
    return o->first == m->first && e >= 0 &&
           a->entities[e].cls == KG_CLASS_ORGANIZATION &&
           unknown_capitalised(a, before);
  }
  return kg_token_is(&a->text, before, ")") ||
         (before > first_token && unknown_capitalised(a, before));
}

/* Relations stated by titles. */
static int read_titles(KgArticle *a, Facts *facts) {
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    const KgMention *m = &a->mentions[mi];
    if (!m->role || m->entity < 0 ||
        (m->flags & (KG_M_FORMER | KG_M_QUOTED)) ||
        owned_by_unknown_body(a, m))
      continue;
    long owner = m->owner >= 0 ? a->mentions[m->owner].entity : -1;
    int rc = 0;
    if (strcmp(m->role, "leader") == 0) {
      double strength = owner >= 0 ? STRENGTH_TITLE : STRENGTH_CONTEXT;
      if (owner >= 0)
        owner = slot_entity(a, owner,
                            KG_CLASS_BIT(KG_CLASS_COUNTRY) |
                                KG_CLASS_BIT(KG_CLASS_ORGANIZATION));
      else
        owner = context_country(a, facts, m->entity, m->sentence, m->first, 0);
      rc = add_fact(facts, m->entity, KG_REL_LEADER_OF, owner, m->sentence,
                    mention_source(a, m, m->owner, "title-leader", strength));
    } else if (strcmp(m->role, "counterpart") == 0 && owner >= 0 &&
               leader_before(a, mi)) {
      /* "Russian President Vladimir Putin and his Turkish counterpart
       * Tayyip Erdogan": a leader's counterpart leads too */
      owner = slot_entity(a, owner, KG_CLASS_BIT(KG_CLASS_COUNTRY));
      rc = add_fact(facts, m->entity, KG_REL_LEADER_OF, owner, m->sentence,
                    mention_source(a, m, m->owner, "title-counterpart",
                                   STRENGTH_COUNTERPART));
    } else if (strcmp(m->role, "head") == 0 && owner >= 0) {
      /* "EU chief Charles Michel": heads what the title names */
      owner = slot_entity(a, owner,
                          KG_CLASS_BIT(KG_CLASS_COUNTRY) |
                              KG_CLASS_BIT(KG_CLASS_ORGANIZATION));
      rc = add_fact(
          facts, m->entity, KG_REL_LEADER_OF, owner, m->sentence,
          mention_source(a, m, m->owner, "title-head", STRENGTH_TITLE));
    } else if (strcmp(m->role, "government-spokesperson") == 0) {
      /* "Chinese foreign ministry spokeswoman Mao Ning", else the country
       * the sentence is about */
      owner = owner >= 0 ? slot_entity(a, owner, KG_CLASS_BIT(KG_CLASS_COUNTRY))
                         : context_country(a, facts, m->entity, m->sentence,
                                           m->first, 1);
      rc = add_fact(facts, m->entity, KG_REL_SPOKESPERSON_OF, owner, m->sentence,
                    mention_source(a, m, -1, "title-government-spokesperson",
                                   STRENGTH_CONTEXT));
    } else if (strcmp(m->role, "spokesperson") == 0 && owner < 0 &&
               (owner = spokesperson_office(a, m->entity)) >= 0) {
      /* "spokesman Dmitry Peskov": whose spokesman the gazetteer knows */
      rc = add_fact(facts, m->entity, KG_REL_SPOKESPERSON_OF, owner, m->sentence,
                    mention_source(a, m, -1, "title-spokesperson-office",
                                   STRENGTH_CONTEXT));
    } else if (strcmp(m->role, "spokesperson") == 0 && owner >= 0) {
      rc = add_fact(
          facts, m->entity, KG_REL_SPOKESPERSON_OF, owner, m->sentence,
          mention_source(a, m, m->owner, "title-spokesperson", STRENGTH_TITLE));
    }
    if (rc != 0)
      return -1;
  }
  return 0;
}

static int is_token(const KgArticle *a, size_t i, const char *word) {
  return kg_token_is(&a->text, i, word);
}

/* Builds the unit of the mention at mi, with its coordination: "A, B and
 * C", "A and the B".  Returns the token after the unit. */
static size_t build_mention_unit(Reader *r, size_t mi, size_t end, KgUnit *u,
                                 long *members) {
  KgArticle *a = r->a;
  const KgMention *m = &a->mentions[mi];
  u->first = m->first;
  u->end = m->end;
  u->mention = (long)mi;
  u->members = 1;
  u->aside_end = 0;
  u->flags = 0;
  members[0] = m->entity;
  if (m->kind == KG_MENTION_PRONOUN)
    u->flags |= KG_UNIT_PRONOUN;
  if (m->flags & KG_M_POSSESSIVE) {
    u->flags |= KG_UNIT_POSSESSIVE;
    if (m->kind == KG_MENTION_PRONOUN)
      u->flags |= KG_UNIT_ADJUNCT; /* "its members'": gaps step over it */
    return m->end;
  }
  int person = m->cls == KG_CLASS_PERSON;
  size_t pos = m->end, count = 1, committed = 1, committed_end = m->end;
  if (m->kind == KG_MENTION_PRONOUN)
    return m->end;
  while (pos < end && count < MAX_MEMBERS) {
    int last = 0, separated = 0, comma = 0;
    if (is_token(a, pos, ",")) {
      pos++;
      separated = comma = 1;
    }
    if (pos < end && is_token(a, pos, "and")) {
      if (comma && count == 1)
        break; /* "A, and B ...": a new clause, not a list */
      pos++;
      last = separated = 1;
    }
    long next = pos < end ? kg_article_mention_at(a, pos) : -1;
    if ((next < 0 || a->mentions[next].first != pos) && pos + 1 < end &&
        is_token(a, pos, "the")) /* "and the European Parliament" */
      next = kg_article_mention_at(a, ++pos);
    if (!separated || next < 0 || a->mentions[next].first != pos)
      break;
    const KgMention *n = &a->mentions[next];
    if (n->entity < 0 || (n->cls == KG_CLASS_PERSON) != person ||
        n->kind == KG_MENTION_PRONOUN)
      break; /* "the king and the crown prince" is a list too */
    if (n->flags & KG_M_POSSESSIVE)
      break; /* "A and B's ...": B belongs to what follows */
    members[count++] = n->entity;
    pos = n->end;
    if (last) {
      committed = count;
      committed_end = pos;
      break;
    }
  }
  u->members = committed;
  u->end = committed_end;
  /* "the Economic Community of West African States (ECOWAS)" */
  if (committed == 1 && committed_end + 2 < end &&
      is_token(a, committed_end, "(") && is_token(a, committed_end + 2, ")") &&
      (a->text.tokens[committed_end + 1].flags & KG_TOK_UPPER))
    u->end = committed_end + 3;
  return u->end;
}

/* Non-zero for a demonym that is part of an unknown name ("the Indonesian
 * National Police"): it names neither the country nor anything else. */
static int modifies_name(const KgArticle *a, size_t mi) {
  const KgMention *m = &a->mentions[mi];
  const KgSentence *s = &a->text.sentences[m->sentence];
  if (m->kind != KG_MENTION_DEMONYM ||
      m->end >= s->first_token + s->token_count)
    return 0;
  return kg_article_mention_at(a, m->end) < 0 &&
         (a->text.tokens[m->end].flags & KG_TOK_CAP);
}

/* Marks as adjuncts the entities that follow a preposition, across "the"
 * and demonyms ("in the Polish city of Rzeszow"), and demonyms themselves:
 * neither is a clause's subject, and gaps step over them. */
static int is_place(KgClass cls) {
  return cls == KG_CLASS_COUNTRY || cls == KG_CLASS_CITY ||
         cls == KG_CLASS_REGION;
}

/* Non-zero when unit u stands between commas after an adjunct, maybe
 * with its head noun: "to Ethiopia, Addis Ababa,", "to the Ethiopian
 * capital, Addis Ababa," (not a subject after a fronted adjunct: "In Kiev,
 * X was named"). */
static int appositive_to_adjunct(const Reader *r, size_t u) {
  const KgArticle *a = r->a;
  if (u < 2 || r->units[u - 1].mention >= 0 ||
      !is_token(a, r->units[u - 1].first, ","))
    return 0;
  if (u + 1 < r->unit_count && (r->units[u + 1].mention >= 0 ||
                                !is_token(a, r->units[u + 1].first, ",")))
    return 0;
  size_t k = u - 2;
  if (r->units[k].mention < 0 && k > 0 &&
      (a->text.tokens[r->units[k].first].flags & KG_TOK_WORD))
    k--; /* the head noun: "capital" */
  if (r->units[k].mention < 0 || !(r->units[k].flags & KG_UNIT_ADJUNCT) ||
      r->units[u].mention < 0)
    return 0;
  /* it restates the adjunct: a place for a place ("In Kabul, former
   * president Hamid Karzai, who ..." is the subject) */
  KgClass was = a->mentions[r->units[k].mention].cls;
  KgClass is = a->mentions[r->units[u].mention].cls;
  return was == is || (is_place(was) && is_place(is));
}

static void mark_adjuncts(Reader *r) {
  const KgArticle *a = r->a;
  for (size_t u = 0; u < r->unit_count; u++) {
    KgUnit *unit = &r->units[u];
    if (unit->mention < 0 || (unit->flags & KG_UNIT_PRONOUN))
      continue;
    const KgMention *m = &a->mentions[unit->mention];
    if (m->kind == KG_MENTION_DEMONYM || (m->flags & KG_M_LOCATIVE)) {
      unit->flags |= KG_UNIT_ADJUNCT;
      continue;
    }
    size_t k = u;
    while (k > 0 && r->units[k - 1].mention >= 0 &&
           a->mentions[r->units[k - 1].mention].kind == KG_MENTION_DEMONYM)
      k--;
    size_t before = r->units[k].first;
    if (before > a->text.sentences[r->sentence].first_token &&
        kg_lexicon_word(a->kb->lexicon, "locative", &a->text, before - 1))
      unit->flags |= KG_UNIT_ADJUNCT;
    if (appositive_to_adjunct(r, u))
      unit->flags |= KG_UNIT_ADJUNCT;
  }
}

/* Marks parenthetical asides: after an entity, a comma and a determiner,
 * a relative pronoun or a possessor open one (", a rival of Maduro", ", who
 * met Kim", ", NATO's secretary-general"); the next comma, clause break or
 * the sentence end closes it. */
static void mark_asides(Reader *r) {
  const KgArticle *a = r->a;
  for (size_t u = 1; u + 1 < r->unit_count; u++) {
    const KgUnit *comma = &r->units[u];
    if (r->units[u - 1].mention < 0 || comma->mention >= 0 ||
        !is_token(a, comma->first, ","))
      continue;
    const KgUnit *next = &r->units[u + 1];
    const KgLexicon *lex = a->kb->lexicon;
    int possessor = next->mention >= 0 && (next->flags & KG_UNIT_POSSESSIVE);
    if (!possessor &&
        !kg_lexicon_word(lex, "determiner", &a->text, next->first) &&
        !kg_lexicon_word(lex, "relative", &a->text, next->first))
      continue;
    size_t end = u + 1;
    while (
        end < r->unit_count && !(r->units[end].flags & KG_UNIT_BREAK) &&
        !(r->units[end].mention < 0 && is_token(a, r->units[end].first, ",")))
      end++;
    for (size_t k = u; k < end; k++)
      r->units[k].aside_end = end;
    u = end;
  }
}

/* Splits sentence si into units. */
static int build_units(Reader *r, size_t si) {
  KgArticle *a = r->a;
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  r->unit_count = 0;
  for (size_t i = s->first_token; i < end;) {
    KgUnit *u = &r->units[r->unit_count];
    long mi = kg_article_mention_at(a, i);
    size_t unit_start = i;
    /* "the" and "the city of" before a name belong to it: "addressed the
     * UN", "travelled to the city of Vladivostok" */
    if (mi < 0 || a->mentions[mi].first != i) {
      size_t at = i + (i + 1 < end && is_token(a, i, "the"));
      at +=
          kg_lexicon_match(a->kb->lexicon, "city_of", &a->text, at, end, NULL);
      long next = at > i && at < end ? kg_article_mention_at(a, at) : -1;
      if (next >= 0 && a->mentions[next].first == at)
        mi = next;
    }
    if (mi >= 0 && a->mentions[mi].first >= i && a->mentions[mi].entity >= 0 &&
        !modifies_name(a, (size_t)mi)) {
      i = build_mention_unit(r, (size_t)mi, end, u, r->members[r->unit_count]);
      u->first = unit_start;
    } else {
      /* a name that modifies another ("Russian officials") is one unit; an
       * unresolved description ("the strongest challenger") is plain
       * words, which rules may read */
      size_t stop =
          mi >= 0 && a->mentions[mi].entity >= 0 ? a->mentions[mi].end : i + 1;
      *u = (KgUnit){i, stop, -1, 0, 0, 0};
      const KgLexicon *lex = a->kb->lexicon;
      if (kg_lexicon_word(lex, "clause_break", &a->text, i))
        u->flags |= KG_UNIT_BREAK;
      /* a capitalised word before a lower-case one is an adjective
       * ("Baltic members", "Kurdish fighters"), not a name */
      int adjective = i + 1 < end &&
                      (a->text.tokens[i + 1].flags & KG_TOK_WORD) &&
                      !(a->text.tokens[i + 1].flags & KG_TOK_CAP);
      if (mi < 0 && i > s->first_token && !adjective &&
          (a->text.tokens[i].flags & KG_TOK_CAP) &&
          !kg_lexicon_word(lex, "notname", &a->text, i) &&
          !kg_lexicon_word(lex, "title", &a->text, i) &&
          !kg_lexicon_word(lex, "title_mod", &a->text, i))
        u->flags |= KG_UNIT_NAMELIKE;
      i = stop;
    }
    r->unit_count++;
  }
  mark_adjuncts(r);
  mark_asides(r);
  return 0;
}

/* Non-zero when sentence si holds a mention of an entity.  Every rule has
 * a slot (S or G), and a slot takes a unit of such a mention: a sentence
 * without one is read by no rule, and needs no units. */
static int names_an_entity(const KgArticle *a, size_t si) {
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  for (size_t k = kg_article_first_mention(a, s->first_token);
       k < a->mention_count && a->mentions[k].first < end; k++)
    if (a->mentions[k].entity >= 0)
      return 1;
  return 0;
}

static int slot_test(void *ctx, long unit, unsigned classes) {
  Reader *r = ctx;
  const KgUnit *u = &r->units[unit];
  for (size_t k = 0; k < u->members; k++)
    if (slot_entity(r->a, r->members[unit][k], classes) >= 0)
      return 1;
  return 0;
}

/* Non-zero when unit u is a plain word of lexicon category. */
static int unit_in(const Reader *r, long u, const char *category) {
  const KgArticle *a = r->a;
  const KgUnit *unit = &r->units[u];
  return unit->mention < 0 &&
         kg_lexicon_word(a->kb->lexicon, category, &a->text, unit->first);
}

/* Non-zero when plain units u and u + 1 form a two-word phrase of lexicon
 * category ("agreed to", "set to"). */
static int pair_in(const Reader *r, long u, const char *category) {
  const KgUnit *first = &r->units[u];
  if (first->mention >= 0 || (size_t)u + 1 >= r->unit_count ||
      r->units[u + 1].mention >= 0)
    return 0;
  char key[64];
  size_t klen = kg_text_key(&r->a->text, first->first,
                            r->units[u + 1].first + 1, key, sizeof key);
  return klen && kg_lexicon_get(r->a->kb->lexicon, category, key, klen);
}

/* Non-zero when unit u ends a clause (a break or a plain comma). */
static int clause_edge(const Reader *r, long u) {
  const KgUnit *unit = &r->units[u];
  return (unit->flags & KG_UNIT_BREAK) ||
         (unit->mention < 0 && is_token(r->a, unit->first, ","));
}

/* Non-zero when the trigger's clause marks the event as not stated: a
 * quoted trigger; a modality or negation cue between the clause start and
 * the trigger ("are preparing to adopt", "failed to impose", "hoped to
 * meet"); a word of remote contact anywhere in the clause ("held talks by
 * telephone"). */
static int not_asserted(const Reader *r, long trigger, long end) {
  const KgArticle *a = r->a;
  const KgToken *trig = &a->text.tokens[r->units[trigger].first];
  if (trig->flags & KG_TOK_QUOTED)
    return 1;
  /* an apposition ("Naypyitaw, the capital") names no event to qualify */
  if (!(trig->flags & KG_TOK_WORD))
    return 0;
  size_t floor = a->text.sentences[r->sentence].first_token;
  for (long u = trigger - 1; u >= 0 && !clause_edge(r, u); u--) {
    /* "in May" is a month, not a modal */
    if ((a->text.tokens[r->units[u].first].flags & KG_TOK_CAP) &&
        r->units[u].first > floor)
      continue;
    if (unit_in(r, u, "modal") || unit_in(r, u, "remote") ||
        pair_in(r, u, "modal"))
      return 1;
  }
  for (long u = trigger + 1; u < (long)r->unit_count && !clause_edge(r, u); u++)
    if (unit_in(r, u, "remote"))
      return 1;
  /* a negation inside the match: "Brazil is not a member of the G7" */
  for (long u = trigger + 1; u < end; u++)
    if (unit_in(r, u, "negation"))
      return 1;
  return 0;
}

/* The tokens of units [first, end); empty when first is -1. */
static KgTokenSpan unit_tokens(const Reader *r, long first, long end) {
  if (first < 0 || end <= first)
    return (KgTokenSpan){0, 0};
  return (KgTokenSpan){r->units[first].first, r->units[end - 1].end};
}

static int sink(void *ctx, const KgRuleMatch *m) {
  Reader *r = ctx;
  KgArticle *a = r->a;
  KgFactSource source = {m->rule,
                         m->strength,
                         unit_tokens(r, m->first, m->end),
                         unit_tokens(r, m->subject, m->subject + 1),
                         unit_tokens(r, m->object, m->object + 1),
                         unit_tokens(r, m->trigger, m->trigger + 1),
                         NULL};
  /* a capital is a state of affairs, not an event that may be planned */
  if (m->trigger >= 0 && m->relation != KG_REL_CAPITAL_OF &&
      not_asserted(r, m->trigger, m->end))
    return 0;
  long subjects[MAX_MEMBERS], objects[MAX_MEMBERS];
  size_t ns = 0, no = 0;
  const KgUnit *su = &r->units[m->subject];
  for (size_t k = 0; k < su->members; k++) {
    long e = slot_entity(a, r->members[m->subject][k], m->subject_classes);
    if (e >= 0 && m->relation == KG_REL_SANCTIONS)
      e = state_of_body(a, e);
    if (e >= 0)
      subjects[ns++] = e;
  }
  if (m->object >= 0) {
    const KgUnit *ou = &r->units[m->object];
    for (size_t k = 0; k < ou->members; k++) {
      long e = slot_entity(a, r->members[m->object][k], m->object_classes);
      if (e >= 0)
        objects[no++] = e;
    }
  } else if (m->relation == KG_REL_CAPITAL_OF && ns > 0) {
    /* "the capital, Kabul": the country it is the capital of */
    long country = kg_article_capital_country(a, subjects[0]);
    if (country >= 0)
      objects[no++] = country;
  } else if (!m->reciprocal && ns > 0) {
    objects[no++] =
        context_country(a, r->facts, subjects[0], r->sentence, su->first, 0);
  }
  if (m->respectively && ns == no && ns > 1) {
    for (size_t i = 0; i < ns; i++)
      if (add_fact(r->facts, subjects[i], m->relation, objects[i], r->sentence,
                   source) != 0)
        return -1;
    return 0;
  }
  if (m->respectively)
    return 0; /* lists of different lengths pair nothing */
  for (size_t i = 0; i < ns; i++) {
    if (m->reciprocal) {
      for (size_t j = i + 1; j < ns; j++)
        if (add_fact(r->facts, subjects[i], m->relation, subjects[j],
                     r->sentence, source) != 0)
          return -1;
      continue;
    }
    for (size_t j = 0; j < no; j++)
      if (add_fact(r->facts, subjects[i], m->relation, objects[j], r->sentence,
                   source) != 0)
        return -1;
  }
  return 0;
}

/* The entity a dependency rule's slot mention stands for in a slot of
 * these classes, or -1. */
static long tree_slot_entity(const Reader *r, long mention, unsigned classes,
                             KgRelation relation) {
  const KgMention *m = &r->a->mentions[mention];
  /* "joined the group": which group, a description leaves to coreference,
   * which a grammatical reading should not stake a fact on */
  long e = m->kind == KG_MENTION_DESCRIPTION ? -1 : m->entity;
  if (e >= 0)
    e = slot_entity(r->a, e, classes);
  if (e >= 0 && relation == KG_REL_SANCTIONS)
    e = state_of_body(r->a, e);
  return e;
}

/* The words of a dependency match as a fact's source: the path's ends,
 * the subject's and object's mentions, the trigger word. */
static KgFactSource tree_source(const Reader *r, const KgDepMatch *m,
                                long subject, long object) {
  KgTokenSpan a = kg_tree_word_tokens(r->trees, m->first);
  KgTokenSpan b = kg_tree_word_tokens(r->trees, m->last);
  KgTokenSpan match = {a.first < b.first ? a.first : b.first,
                       a.end > b.end ? a.end : b.end};
  const KgMention *s = &r->a->mentions[subject], *o = &r->a->mentions[object];
  return (KgFactSource){m->rule,
                        m->strength,
                        match,
                        {s->first, s->end},
                        {o->first, o->end},
                        kg_tree_word_tokens(r->trees, m->trigger),
                        m->path};
}

/* Adds the facts of a dependency rule's match: each subject with each
 * object, or each member of a G slot with each other. */
static int tree_sink(void *ctx, const KgDepMatch *m) {
  Reader *r = ctx;
  const long *objects = m->reciprocal ? m->subjects : m->objects;
  size_t object_count = m->reciprocal ? m->subject_count : m->object_count;
  unsigned object_classes =
      m->reciprocal ? m->subject_classes : m->object_classes;
  for (size_t i = 0; i < m->subject_count; i++) {
    long s = tree_slot_entity(r, m->subjects[i], m->subject_classes,
                              m->relation);
    for (size_t j = m->reciprocal ? i + 1 : 0; s >= 0 && j < object_count;
         j++) {
      long o = tree_slot_entity(r, objects[j], object_classes, KG_REL_COUNT);
      if (add_fact(r->facts, s, m->relation, o, r->sentence,
                   tree_source(r, m, m->subjects[i], objects[j])) != 0)
        return -1;
    }
  }
  return 0;
}

/* What drop_false_visits asks about each visit, found once: the (person,
 * place) pairs that fledTo facts state, the (person, country) pairs that
 * leaderOf facts state, and each entity's mentions that have an owner
 * ("its foreign policy chief"). */
typedef struct {
  KgStrMap *fled;      ///< pair_key() of each fledTo fact
  KgStrMap *led;       ///< pair_key() of each leaderOf fact
  long *owned;         ///< per entity: its last mention with an owner, or -1
  long *owned_before;  ///< per mention: its entity's one before it, or -1
  size_t entity_count; ///< entities that owned covers
} Visits;

/* The key of a (subject, object) pair. */
typedef struct {
  long subject, object;
} PairKey;

static PairKey pair_key(long s, long o) {
  PairKey key;
  memset(&key, 0, sizeof key); /* no stray bytes in the hashed key */
  key.subject = s;
  key.object = o;
  return key;
}

static int has_pair(const KgStrMap *pairs, long s, long o) {
  PairKey key = pair_key(s, o);
  size_t unused;
  return kg_strmap_get(pairs, (const char *)&key, sizeof key, &unused);
}

static void visits_release(Visits *v) {
  kg_strmap_free(v->fled);
  kg_strmap_free(v->led);
  free(v->owned);
  free(v->owned_before);
}

/* Fills v from the facts of list and the article's mentions; 0, or -1
 * when out of memory. */
static int visits_build(Visits *v, const KgArticle *a, const KgFactList *list) {
  v->fled = kg_strmap_new();
  v->led = kg_strmap_new();
  v->entity_count = a->entity_count;
  v->owned = malloc((a->entity_count + 1) * sizeof *v->owned);
  v->owned_before = malloc((a->mention_count + 1) * sizeof *v->owned_before);
  if (!v->fled || !v->led || !v->owned || !v->owned_before)
    return -1;
  for (size_t i = 0; i < list->count; i++) {
    const KgFact *f = &list->facts[i];
    KgStrMap *pairs = f->relation == KG_REL_FLED_TO    ? v->fled
                      : f->relation == KG_REL_LEADER_OF ? v->led
                                                         : NULL;
    PairKey key = pair_key(f->subject, f->object);
    if (pairs &&
        kg_strmap_put(pairs, (const char *)&key, sizeof key, i) != 0)
      return -1;
  }
  for (size_t e = 0; e < a->entity_count; e++)
    v->owned[e] = -1;
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    const KgMention *m = &a->mentions[mi];
    if (m->entity < 0 || m->owner < 0 || (size_t)m->entity >= v->entity_count)
      continue;
    v->owned_before[mi] = v->owned[m->entity];
    v->owned[m->entity] = (long)mi;
  }
  return 0;
}

/* True when person p belongs to the country of place: a national or a
 * leader of it does not "visit" it. */
static int at_home(KgArticle *a, const Visits *v, long p, long place) {
  long country = slot_entity(a, place, KG_CLASS_BIT(KG_CLASS_COUNTRY));
  if (country < 0 && a->entities[place].cls == KG_CLASS_CITY)
    country = a->entities[place].country;
  if (country < 0)
    return 0;
  if (a->entities[p].country == country)
    return 1;
  if (has_pair(v->led, p, country))
    return 1;
  const KgEntity *e = &a->entities[p];
  const KgGazetteer *gz = a->kb->gazetteer;
  if (e->gaz >= 0 && kg_gazetteer_attr_has(gz, (size_t)e->gaz, KG_ATTR_LEADS,
                                           a->entities[country].name))
    return 1;
  /* an official of an organisation is at home at its seat: "its foreign
   * policy chief ... met Zarif in Brussels" */
  for (long mi = (size_t)p < v->entity_count ? v->owned[p] : -1; mi >= 0;
       mi = v->owned_before[mi]) {
    const KgMention *m = &a->mentions[mi];
    long org = a->mentions[m->owner].entity;
    if (org >= 0 && a->entities[org].cls == KG_CLASS_ORGANIZATION &&
        a->entities[org].gaz >= 0 &&
        kg_gazetteer_attr_has(gz, (size_t)a->entities[org].gaz, KG_ATTR_SEAT,
                              a->entities[place].name))
      return 1;
  }
  return 0;
}

/* Drops visits that are really flights ("arrived in Mexico" after asylum)
 * or trips home.  0, or -1 when out of memory. */
static int drop_false_visits(KgArticle *a, KgFactList *list) {
  Visits v;
  memset(&v, 0, sizeof v);
  if (visits_build(&v, a, list) != 0) {
    visits_release(&v);
    return -1;
  }
  size_t kept = 0;
  for (size_t i = 0; i < list->count; i++) {
    const KgFact *f = &list->facts[i];
    int drop = 0;
    if (f->relation == KG_REL_VISITED)
      drop = at_home(a, &v, f->subject, f->object) ||
             has_pair(v.fled, f->subject, f->object);
    if (!drop)
      list->facts[kept++] = *f;
  }
  list->count = kept;
  visits_release(&v);
  return 0;
}

KgStatus kg_find_relations(KgArticle *a, KgFactList *list) {
  Facts facts;
  if (index_facts(&facts, list) != 0 || read_titles(a, &facts) != 0 ||
      read_capital_descriptions(a, &facts) != 0 ||
      read_title_descriptions(a, &facts) != 0) {
    kg_strmap_free(facts.index);
    return KG_ERR_NOMEM;
  }
  size_t most = 1;
  for (size_t si = 0; si < a->text.sentence_count; si++)
    if (a->text.sentences[si].token_count > most)
      most = a->text.sentences[si].token_count;
  Reader r = {a,
              &facts,
              0,
              calloc(most, sizeof(KgUnit)),
              0,
              malloc(most * sizeof(long[MAX_MEMBERS])),
              a->kb->grammar ? kg_tree_reader_new() : NULL};
  KgRuleScratch scratch = {NULL, 0};
  KgStatus status = KG_OK;
  if (!r.units || !r.members || (a->kb->grammar && !r.trees)) {
    status = KG_ERR_NOMEM;
    goto done;
  }
  for (size_t si = 0; si < a->text.sentence_count; si++) {
    if ((a->text.sentences[si].flags & KG_SENT_DUPLICATE) ||
        !names_an_entity(a, si))
      continue;
    r.sentence = si;
    build_units(&r, si);
    if (kg_rules_match(a->kb->rules, a->kb->lexicon, &a->text, r.units,
                       r.unit_count, slot_test, sink, &r, &scratch) != 0) {
      status = KG_ERR_NOMEM;
      goto done;
    }
    if (r.trees &&
        (status = kg_tree_read(r.trees, a, si, tree_sink, &r)) != KG_OK)
      goto done;
  }
  /* the index is of no use once facts are dropped */
  kg_strmap_free(facts.index);
  facts.index = NULL;
  if (drop_false_visits(a, list) != 0)
    status = KG_ERR_NOMEM;
done:
  kg_strmap_free(facts.index);
  free(r.units);
  free(r.members);
  kg_tree_reader_free(r.trees);
  kg_rules_scratch_release(&scratch);
  return status;
}
