/* gazetteer.h - the known people, countries, organisations and cities.
 *
 * Loaded from the tab-separated files described in data/README.md: one entity
 * a line, `CLASS<TAB>Canonical Name<TAB>key=value|value...`.  A later line
 * with the same class and canonical name extends the earlier one, which is
 * how a user's --gazetteer file adds aliases.  Names, aliases and demonyms are
 * indexed by their normalised key (kg_phrase_key); a key may name several
 * entries ("Singapore" the country and the city), and lookups return them
 * all.  Attributes that name other entries (capital, borders, members, ...)
 * stay strings, resolved on use with kg_gazetteer_find.
 */
#ifndef KG_GAZETTEER_H
#define KG_GAZETTEER_H

#include "kgtypes.h"
#include "newskg.h"

typedef enum {
  KG_ATTR_CAPITAL = 0, ///< Country: its capital City
  KG_ATTR_BORDERS,     ///< Country: neighbouring Countries
  KG_ATTR_COUNTRY,     ///< City, Person: the Country it belongs to
  KG_ATTR_MEMBERS,     ///< Organization: member Countries
  KG_ATTR_SEAT,        ///< Organization: City of its seat
  KG_ATTR_PART_OF,     ///< Organization: parent Organization
  KG_ATTR_LEADS,       ///< Person: Countries/Organizations headed
  KG_ATTR_GENDER,      ///< Person: "m" or "f"
  KG_ATTR_WIKIPEDIA,   ///< all: English Wikipedia title(s), spaces as '_'
  KG_ATTR_WIKIDATA,    ///< all: Wikidata item(s), "Q..."
  KG_ATTR_STANDS_FOR,  ///< City, Organization: the Organization news means
                       ///< by it ("Brussels": the European Union)
  KG_ATTR_OFFICE,      ///< Person: "role;place;from;to" terms (data/README.md)
  KG_ATTR_COUNT
} KgAttr;

typedef enum {
  KG_HIT_NAME = 0, ///< the canonical name
  KG_HIT_ALIAS,    ///< another name
  KG_HIT_DEMONYM,  ///< a demonym ("Belarusian") of a Country
  KG_HIT_SURNAME   ///< a one-word alias of a Person: needs the full name
} KgHitKind;

typedef struct {
  size_t entry;   ///< index of the entry
  KgHitKind kind; ///< how the key names it
  int acronym;    ///< written in capitals ("UN"): matches capitals only
} KgGazHit;

typedef struct {
  KgClass cls;                ///< ontology class
  char *name;                 ///< canonical name
  char *attrs[KG_ATTR_COUNT]; ///< "a|b|c" lists, NULL when absent
} KgGazEntry;

typedef struct KgGazetteerImpl KgGazetteer;

KgGazetteer *kg_gazetteer_new(void);
void kg_gazetteer_free(KgGazetteer *gz);

/** Adds the entries of one gazetteer file. */
KgStatus kg_gazetteer_load(KgGazetteer *gz, const char *path, KgError *err);

/** Entries named by a normalised key; returns how many there are and copies
 *  up to max of them into hits. */
size_t kg_gazetteer_lookup(const KgGazetteer *gz, const char *key, size_t len,
                           KgGazHit *hits, size_t max);

/** kg_gazetteer_lookup for a key whose kg_hash_bytes the caller has. */
size_t kg_gazetteer_lookup_hashed(const KgGazetteer *gz, const char *key,
                                  size_t len, unsigned long long hash,
                                  KgGazHit *hits, size_t max);

/** The entry with this class and canonical name, or -1. */
long kg_gazetteer_find(const KgGazetteer *gz, KgClass cls, const char *name);

const KgGazEntry *kg_gazetteer_entry(const KgGazetteer *gz, size_t i);

/** Non-zero when attribute attr of entry i lists name. */
int kg_gazetteer_attr_has(const KgGazetteer *gz, size_t i, KgAttr attr,
                          const char *name);

/** Longest name in tokens, bounding the longest-match search. */
size_t kg_gazetteer_max_tokens(const KgGazetteer *gz);

/** Non-zero when a name's key may be longer than the key whose
 *  kg_hash_bytes is hash and start with it; never 0 when one is (a
 *  longest-match search may stop at 0). */
int kg_gazetteer_may_extend_hashed(const KgGazetteer *gz,
                                   unsigned long long hash);

#endif /* KG_GAZETTEER_H */
