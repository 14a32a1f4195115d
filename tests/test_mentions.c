/* test_mentions.c - CUnit suite of mentions.c: gazetteer names, demonyms,
 * acronyms, title constructions, names found by pattern, surnames,
 * pronouns and descriptions.
 *
 * Each test runs kg_text_split and kg_find_mentions (no coreference, so
 * pronouns and descriptions are still unresolved, "?") on a small
 * hand-written text and compares the whole mention list, written
 * "surface=Class:Canonical Name" in text order, or the properties of one
 * mention.  People are either in data/people.tsv or unknown names that only
 * a pattern can find.
 */
#include "fixture.h"

/* The mention reading surface (absorbed ones too); a failed CUnit
 * assertion when there is none. */
static const KgMention *mention(const Doc *d, const char *surface) {
  long mi = doc_find_mention(d, surface, 1);
  fixture_check(mi >= 0, "mention exists", d, surface, "(none)", __LINE__,
                __FILE__);
  return mi >= 0 ? &d->a.mentions[mi] : NULL;
}

/* Non-zero when the owner of m reads surface. */
static int owner_reads(const Doc *d, const KgMention *m, const char *surface) {
  return m && m->owner >= 0 && mention_reads(d, (size_t)m->owner, surface);
}

static int role_is(const KgMention *m, const char *role) {
  return m && (role ? m->role && strcmp(m->role, role) == 0 : m->role == NULL);
}

/* ---- gazetteer names ------------------------------------------------------ */

static void test_longest_gazetteer_match(void) {
  ASSERT_MENTIONS_OF("Protesters filled Mexico City, while Mexico stayed calm.",
                     "Mexico City=City:Mexico City; Mexico=Country:Mexico");
}

static void test_known_party_inside_a_longer_name(void) {
  /* another country's party, a state's party: not the national party the
   * gazetteer knows under the name's last words; the bare name still is */
  ASSERT_MENTIONS_OF("Lawmakers from the Maldivian Democratic Party met in "
                     "Male.",
                     "Maldivian=Country:Maldives; Male=City:Malé");
  ASSERT_MENTIONS_OF("The Maryland Democratic Party and the Democratic Party "
                     "disagreed.",
                     "Democratic Party=Organization:Democratic Party");
}

static void test_aliases_give_canonical_names(void) {
  ASSERT_MENTIONS_OF("Britain, the U.S. and T\xc3\xbcrkiye warned Kiev.",
                     "Britain=Country:United Kingdom; U.S.=Country:United "
                     "States; T\xc3\xbcrkiye=Country:Turkey; Kiev=City:Kyiv");
}

static void test_demonyms_name_countries(void) {
  Doc *d = RUN("Belarusian police detained North Korean and South African "
               "reporters.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Belarusian=Country:Belarus; North Korean=Country:North "
                     "Korea; South African=Country:South Africa");
  const KgMention *m = mention(d, "Belarusian");
  CU_ASSERT(m && m->kind == KG_MENTION_DEMONYM);
  m = mention(d, "North Korean");
  CU_ASSERT(m && m->kind == KG_MENTION_DEMONYM);
  doc_free(d);
}

static void test_acronyms_match_capitals_only(void) {
  Doc *d = RUN("Who said it? WHO said it. Kim Jong Un thanked the UN.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* "Who" is no WHO, and the "Un" of Kim Jong Un is no UN */
  ASSERT_MENTIONS(d, "WHO=Organization:World Health Organization; Kim Jong "
                     "Un=Person:Kim Jong Un; UN=Organization:United Nations");
  doc_free(d);
}

static void test_hyphenated_word_is_not_cut_into_a_name(void) {
  ASSERT_MENTIONS_OF("US-North Korea talks resumed in Rostov-on-Don.",
                     "US=Country:United States; North Korea=Country:North "
                     "Korea; Rostov-on-Don=City:Rostov-on-Don");
}

/* ---- title constructions ----------------------------------------------------- */

static void test_demonym_title_name_is_one_person(void) {
  Doc *d =
      RUN("French President Emmanuel Macron spoke on Tuesday.", STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "French President Emmanuel Macron=Person:Emmanuel Macron");
  const KgMention *m = mention(d, "French President Emmanuel Macron");
  CU_ASSERT(owner_reads(d, m, "French"));
  CU_ASSERT(m && m->owner >= 0 &&
            strcmp(mention_entity(d, m->owner), "France") == 0);
  CU_ASSERT(role_is(m, "leader"));
  CU_ASSERT(m && !(m->flags & KG_M_FORMER));
  const KgMention *owner = mention(d, "French");
  CU_ASSERT(owner && (owner->flags & KG_M_ABSORBED));
  doc_free(d);
}

static void test_possessive_title_name(void) {
  Doc *d = RUN("Singapore's Prime Minister Lee Hsien Loong hosted the summit.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Singapore's Prime Minister Lee Hsien Loong=Person:Lee "
                     "Hsien Loong");
  const KgMention *m = mention(d, "Singapore's Prime Minister Lee Hsien Loong");
  CU_ASSERT(owner_reads(d, m, "Singapore"));
  CU_ASSERT(m && m->owner >= 0 &&
            strcmp(mention_entity(d, m->owner), "Singapore") == 0);
  CU_ASSERT(role_is(m, "leader"));
  doc_free(d);
}

static void test_former_title(void) {
  Doc *d = RUN("Evo Morales resigned, and former president Carlos Mesa "
               "called for calm. The ousted leader Viktor Yanukovych fled.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Evo Morales=Person:Evo Morales; former president Carlos "
                     "Mesa=Person:Carlos Mesa; The ousted leader Viktor "
                     "Yanukovych=Person:Viktor Yanukovych");
  const KgMention *m = mention(d, "former president Carlos Mesa");
  CU_ASSERT(m && (m->flags & KG_M_FORMER));
  CU_ASSERT(role_is(m, "leader"));
  m = mention(d, "The ousted leader Viktor Yanukovych");
  CU_ASSERT(m && (m->flags & KG_M_FORMER));
  m = mention(d, "Evo Morales");
  CU_ASSERT(m && !(m->flags & KG_M_FORMER) && role_is(m, NULL));
  doc_free(d);
}

/* Organisations the gazetteer lacks, found by their name words; a name
 * ends on a capitalised word, never on a connector ("... Homeland on"). */
static void test_organisation_by_name_words(void) {
  Doc *d = RUN("Tiani proclaimed himself head of a National Council for the "
               "Safeguard of the Homeland on Friday.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* mention() finds the exact span or fails */
  CU_ASSERT_PTR_NOT_NULL(
      mention(d, "National Council for the Safeguard of the Homeland"));
  doc_free(d);
  d = RUN("Kenya is a member of the Intergovernmental Authority on "
          "Development. Eritrea fought the Tigray People's Liberation Front.",
          STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_PTR_NOT_NULL(
      mention(d, "Intergovernmental Authority on Development"));
  CU_ASSERT_PTR_NOT_NULL(mention(d, "Tigray People's Liberation Front"));
  doc_free(d);
  /* a description's head inside a name is the name's */
  ASSERT_MENTIONS_OF("The row has paralysed the Pacific Alliance.",
                     "Pacific Alliance=Organization:Pacific Alliance");
}

/* Names no list knows (made up here, so that no gazetteer has them), read
 * off lists: beside a known person's name, or after a plural person word
 * and a dash. */
static void test_names_in_lists(void) {
  ASSERT_MENTIONS_OF(
      "The memorandum was read out by the two foreign ministers, "
      "Sergei Lavrov and Zhaksylyk Omarov.",
      "Sergei Lavrov=Person:Sergei Lavrov; "
      "Zhaksylyk Omarov=Person:Zhaksylyk Omarov");
  ASSERT_MENTIONS_OF(
      "Washington blacklisted three ministers - Zhaksylyk Omarov, Yerlan "
      "Karimov and Bakhyt Sultanov.",
      "Washington=City:Washington; "
      "Zhaksylyk Omarov=Person:Zhaksylyk Omarov; "
      "Yerlan Karimov=Person:Yerlan Karimov; "
      "Bakhyt Sultanov=Person:Bakhyt Sultanov");
  /* a capitalised pair beside no person stays unknown */
  ASSERT_MENTIONS_OF("Officials met in Ras Tanura and Abu Musa on Monday.", "");
}

/* An acronym beside a word for a kind of organisation is one, and so is
 * the same acronym later on its own; a currency code is not. */
static void test_acronym_organisations(void) {
  ASSERT_MENTIONS_OF(
      "Washington sanctioned the oil company PDVSA. The ruling "
      "ZANU-PF party met. PDVSA protested. A 700 billion USD bank "
      "bailout passed.",
      "Washington=City:Washington; PDVSA=Organization:PDVSA; "
      "ZANU-PF=Organization:ZANU-PF; "
      "PDVSA=Organization:PDVSA");
}

/* A person noun before a name: "rival Kemal Kilicdaroglu". */
static void test_person_noun_before_name(void) {
  Doc *d = RUN("Erdogan's rival Kemal Kilicdaroglu conceded.", STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_PTR_NOT_NULL(mention(d, "Kemal Kilicdaroglu"));
  doc_free(d);
}

/* Regions are places of their own and may begin an organisation's name. */
static void test_regions(void) {
  ASSERT_MENTIONS_OF(
      "Russia annexed Crimea. Eritrea fought the Tigray People's "
      "Liberation Front.",
      "Russia=Country:Russia; Crimea=Region:Crimea; "
      "Eritrea=Country:Eritrea; Tigray People's Liberation "
      "Front=Organization:Tigray People's Liberation Front");
}

/* After "in", a title and a name are a place: "in Sultan Kudarat". */
static void test_title_name_after_in(void) {
  ASSERT_MENTIONS_OF("The quake was felt in Sultan Kudarat on Monday.", "");
  /* a regnal number is part of the name; "I" is not */
  Doc *d = RUN("A statue of King Edward III stands there, and may I add, Maria "
               "Lopez I think agrees.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_PTR_NOT_NULL(mention(d, "King Edward III"));
  CU_ASSERT_PTR_NOT_NULL(mention(d, "Maria Lopez"));
  doc_free(d);
}

static void test_organisation_title(void) {
  Doc *d =
      RUN("Kremlin spokesman Dmitry Peskov denied the report.", STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Kremlin spokesman Dmitry Peskov=Person:Dmitry Peskov");
  const KgMention *m = mention(d, "Kremlin spokesman Dmitry Peskov");
  CU_ASSERT(owner_reads(d, m, "Kremlin"));
  CU_ASSERT(role_is(m, "spokesperson"));
  doc_free(d);
}

static void test_counterpart_after_comma(void) {
  Doc *d = RUN("Sergei Lavrov met his Chinese counterpart, Wang Yi, in "
               "Beijing.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d,
                  "Sergei Lavrov=Person:Sergei Lavrov; his Chinese "
                  "counterpart, Wang Yi=Person:Wang Yi; Beijing=City:Beijing");
  const KgMention *m = mention(d, "his Chinese counterpart, Wang Yi");
  CU_ASSERT(owner_reads(d, m, "Chinese"));
  doc_free(d);
}

/* The title and its unknown owner belong to the person's mention (so that
 * "asylum to WikiLeaks founder Julian Assange" reaches the name), but the
 * title states no office: the Senate is no country. */
static void test_title_of_unknown_owner_states_no_role(void) {
  Doc *d =
      RUN("Senate President Marta Vidal opened the session.", STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Senate President Marta Vidal=Person:Marta Vidal");
  const KgMention *m = mention(d, "Senate President Marta Vidal");
  CU_ASSERT(role_is(m, NULL));
  doc_free(d);
}

/* ---- names the gazetteer lacks ------------------------------------------------ */

static void test_name_after_title(void) {
  Doc *d = RUN("Foreign ministry spokesman Oleg Varenko denied the report.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(
      d, "Foreign ministry spokesman Oleg Varenko=Person:Oleg Varenko");
  const KgMention *m = mention(d, "Foreign ministry spokesman Oleg Varenko");
  CU_ASSERT(role_is(m, "government-spokesperson"));
  CU_ASSERT(m && m->owner < 0);
  doc_free(d);
  /* a demonym before the ministry owns the title */
  d = RUN("Chinese foreign ministry spokeswoman Mao Ning said so.",
          STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  m = mention(d, "Chinese foreign ministry spokeswoman Mao Ning");
  CU_ASSERT(role_is(m, "government-spokesperson"));
  CU_ASSERT(owner_reads(d, m, "Chinese"));
  doc_free(d);
}

static void test_name_in_apposition_to_person_noun(void) {
  ASSERT_MENTIONS_OF(
      "Pak Chol Su, a veteran diplomat, arrived in Hanoi. Ri Yong "
      "Ho, a former intelligence chief, stayed home.",
      "Pak Chol Su=Person:Pak Chol Su; Hanoi=City:Hanoi; Ri "
      "Yong Ho=Person:Ri Yong Ho");
}

static void test_name_before_who(void) {
  ASSERT_MENTIONS_OF("Later, Mykola Tarasenko, who led the party, resigned.",
                     "Mykola Tarasenko=Person:Mykola Tarasenko");
}

static void test_city_of(void) {
  Doc *d = RUN("Evo Morales flew out of the town of Chimore.", STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  const KgMention *m = mention(d, "Chimore");
  CU_ASSERT(m && m->cls == KG_CLASS_CITY && m->kind == KG_MENTION_NAME);
  ASSERT_ENTITY(d, "Chimore", "Chimore");
  doc_free(d);
}

static void test_dateline_city(void) {
  Doc *d = RUN("Morales leaves\nCHIMORE \xe2\x80\x94 Evo Morales left.\n",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* unknown: named from the text; the headline's surname is his */
  ASSERT_MENTIONS(d, "Morales=Person:Evo Morales; CHIMORE=City:Chimore; Evo "
                     "Morales=Person:Evo Morales");
  doc_free(d);
  d = RUN("Yanukovych resurfaces\nROSTOV-ON-DON \xe2\x80\x94 Viktor Yanukovych "
          "spoke.",
          STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* known: the gazetteer's name */
  ASSERT_MENTIONS(d, "Yanukovych=Person:Viktor Yanukovych; "
                     "ROSTOV-ON-DON=City:Rostov-on-Don; Viktor "
                     "Yanukovych=Person:Viktor Yanukovych");
  doc_free(d);
}

static void test_place_names_are_not_people(void) {
  ASSERT_MENTIONS_OF("Shoppers crowded Queen Victoria Market on Sunday.", "");
}

static void test_surname_after_full_name(void) {
  Doc *d = RUN("Opposition figure Pavel Latushko spoke on Monday. Latushko "
               "then left. Svetlana Tikhanovskaya thanked him, and "
               "Tikhanovskaya's aides agreed.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Pavel Latushko=Person:Pavel Latushko; "
                     "Latushko=Person:Pavel Latushko; Svetlana "
                     "Tikhanovskaya=Person:Svetlana Tikhanovskaya; "
                     "him=Person:?; Tikhanovskaya=Person:Svetlana "
                     "Tikhanovskaya");
  const KgMention *m = mention(d, "Tikhanovskaya");
  CU_ASSERT(m && (m->flags & KG_M_POSSESSIVE));
  doc_free(d);
}

/* Regression (was a bug): a surname that is also a city in the gazetteer
 * is read as the city even after a title and a given name: "Interior
 * Minister Carlos Lima" gives a person "Carlos" and the City Lima. */
static void test_title_name_ending_in_city_name(void) {
  ASSERT_MENTIONS_OF("Interior Minister Carlos Lima resigned.",
                     "Interior Minister Carlos Lima=Person:Carlos Lima");
}

/* ---- pronouns and descriptions --------------------------------------------- */

static void test_pronouns(void) {
  Doc *d = RUN("She said he blamed himself and her aides thanked him for its "
               "help.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "She=Person:?; he=Person:?; himself=Person:?; "
                     "her=Person:?; him=Person:?; its=Organization:?");
  const KgMention *m = mention(d, "She");
  CU_ASSERT(m && m->kind == KG_MENTION_PRONOUN && m->gender == 'f' &&
            m->flags == 0);
  m = mention(d, "he");
  CU_ASSERT(m && m->gender == 'm' && m->flags == 0);
  m = mention(d, "himself");
  CU_ASSERT(m && m->gender == 'm' && m->flags == KG_M_REFLEXIVE);
  m = mention(d, "her");
  CU_ASSERT(m && m->gender == 'f' && m->flags == KG_M_POSSESSIVE);
  m = mention(d, "him");
  CU_ASSERT(m && m->gender == 'm' && m->flags == KG_M_OBJECT);
  m = mention(d, "its");
  CU_ASSERT(m && m->gender == 0 && m->flags == KG_M_POSSESSIVE);
  doc_free(d);
}

static void test_descriptions(void) {
  Doc *d = RUN("The bloc said the strongman leader had ruined the country's "
               "economy.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "The bloc=Organization:?; the strongman leader=Person:?; "
                     "the country=Country:?");
  const KgMention *m = mention(d, "the strongman leader");
  CU_ASSERT(m && m->kind == KG_MENTION_DESCRIPTION);
  m = mention(d, "the country");
  CU_ASSERT(m && m->kind == KG_MENTION_DESCRIPTION &&
            (m->flags & KG_M_POSSESSIVE));
  doc_free(d);
}

static void test_description_with_constraints(void) {
  Doc *d =
      RUN("She fled to the Baltic EU state bordering Belarus.", STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "She=Person:?; the Baltic EU state bordering "
                     "Belarus=Country:?");
  const KgMention *m = mention(d, "the Baltic EU state bordering Belarus");
  CU_ASSERT(m && m->kind == KG_MENTION_DESCRIPTION &&
            (m->flags & KG_M_LOCATIVE));
  /* the names inside are part of it, never arguments of their own */
  m = mention(d, "EU");
  CU_ASSERT(m && (m->flags & KG_M_ABSORBED) && m->entity >= 0);
  m = mention(d, "Belarus");
  CU_ASSERT(m && (m->flags & KG_M_ABSORBED) && m->entity >= 0);
  doc_free(d);
}

static void test_quoted_and_locative_flags(void) {
  Doc *d = RUN("\"Russia is a friend,\" Alexander Lukashenko said in Minsk.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_MENTIONS(d, "Russia=Country:Russia; Alexander Lukashenko=Person:"
                     "Alexander Lukashenko; Minsk=City:Minsk");
  const KgMention *m = mention(d, "Russia");
  CU_ASSERT(m && m->flags == KG_M_QUOTED);
  m = mention(d, "Alexander Lukashenko");
  CU_ASSERT(m && m->flags == 0);
  m = mention(d, "Minsk");
  CU_ASSERT(m && m->flags == KG_M_LOCATIVE);
  doc_free(d);
}

static void test_duplicate_caption_adds_no_mentions(void) {
  ASSERT_MENTIONS_OF(
      "Minsk protests grow\nThousands marched.\n"
      "Svetlana Tikhanovskaya waves in Vilnius\n"
      "Svetlana Tikhanovskaya waves in Vilnius AFP / Petras MALUKAS",
      "Minsk=City:Minsk; Svetlana Tikhanovskaya=Person:"
      "Svetlana Tikhanovskaya; Vilnius=City:Vilnius");
}

static void test_focus_country(void) {
  Doc *d = RUN("Belarus protests grow. Police in Minsk detained dozens, and "
               "Lithuania protested. Belarusian courts convicted them.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* Belarus, Minsk (its capital) and Belarusian outnumber Lithuania */
  CU_ASSERT_FATAL(d->a.focus_country >= 0);
  CU_ASSERT_STRING_EQUAL(d->a.entities[d->a.focus_country].name, "Belarus");
  doc_free(d);
}

/* Regression (was a use-after-free found on Wikinews under ASan): the
 * countries of many capitals are added while the entity table is walked. */
/* Relations ask kg_article_mention_at of the fixed mentions, which must
 * answer as the search does: absorbed mentions, nested and adjacent ones. */
static void test_fixed_mentions_answer_as_searched(void) {
  Doc *d = RUN("French President Emmanuel Macron and German Chancellor Olaf "
               "Scholz met EU foreign policy chief Josep Borrell in the Polish "
               "city of Rzeszow. He said the Belarusian leader had lost.",
               STAGE_COREF);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  size_t n = d->a.text.token_count, covered = 0;
  long *searched = malloc(n * sizeof *searched);
  CU_ASSERT_PTR_NOT_NULL_FATAL(searched);
  for (size_t i = 0; i < n; i++)
    covered += (searched[i] = kg_article_mention_at(&d->a, i)) >= 0;
  CU_ASSERT(covered > 10 && covered < n);
  CU_ASSERT_EQUAL_FATAL(kg_article_fix_mentions(&d->a), 0);
  for (size_t i = 0; i < n; i++)
    CU_ASSERT_EQUAL(kg_article_mention_at(&d->a, i), searched[i]);
  free(searched);
  doc_free(d);
}

static void test_countries_of_many_cities(void) {
  Doc *d = RUN("Envoys from Vilnius, Riga, Tallinn, Warsaw, Berlin, Paris, "
               "Madrid, Rome, Lisbon, Vienna, Prague and Dublin met.",
               STAGE_MENTIONS);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  size_t checked = 0;
  for (size_t e = 0; e < d->a.entity_count; e++) {
    const KgEntity *city = &d->a.entities[e];
    if (city->cls != KG_CLASS_CITY)
      continue;
    CU_ASSERT_FATAL(city->country >= 0);
    const KgEntity *country = &d->a.entities[city->country];
    CU_ASSERT_EQUAL(country->cls, KG_CLASS_COUNTRY);
    if (strcmp(city->name, "Vilnius") == 0)
      CU_ASSERT_STRING_EQUAL(country->name, "Lithuania");
    if (strcmp(city->name, "Dublin") == 0)
      CU_ASSERT_STRING_EQUAL(country->name, "Ireland");
    checked++;
  }
  CU_ASSERT_EQUAL(checked, 12);
  doc_free(d);
}

int main(void) {
  static const KgTest tests[] = {
      {"longest gazetteer match", test_longest_gazetteer_match},
      {"countries of many cities", test_countries_of_many_cities},
      {"fixed mentions answer as searched",
       test_fixed_mentions_answer_as_searched},
      {"aliases give canonical names", test_aliases_give_canonical_names},
      {"a known party inside a longer name",
       test_known_party_inside_a_longer_name},
      {"demonyms name countries", test_demonyms_name_countries},
      {"acronyms match capitals only", test_acronyms_match_capitals_only},
      {"hyphenated word is not cut into a name",
       test_hyphenated_word_is_not_cut_into_a_name},
      {"demonym title name is one person",
       test_demonym_title_name_is_one_person},
      {"possessive title name", test_possessive_title_name},
      {"former title", test_former_title},
      {"organisation by name words", test_organisation_by_name_words},
      {"names in lists", test_names_in_lists},
      {"regions", test_regions},
      {"title and name after in", test_title_name_after_in},
      {"acronym organisations", test_acronym_organisations},
      {"person noun before a name", test_person_noun_before_name},
      {"organisation title", test_organisation_title},
      {"counterpart after comma", test_counterpart_after_comma},
      {"title of unknown owner states no role",
       test_title_of_unknown_owner_states_no_role},
      {"name after title", test_name_after_title},
      {"name in apposition to person noun",
       test_name_in_apposition_to_person_noun},
      {"name before who", test_name_before_who},
      {"city of", test_city_of},
      {"dateline city", test_dateline_city},
      {"place names are not people", test_place_names_are_not_people},
      {"surname after full name", test_surname_after_full_name},
      {"title name ending in a city name", test_title_name_ending_in_city_name},
      {"pronouns", test_pronouns},
      {"descriptions", test_descriptions},
      {"description with constraints", test_description_with_constraints},
      {"quoted and locative flags", test_quoted_and_locative_flags},
      {"duplicate caption adds no mentions",
       test_duplicate_caption_adds_no_mentions},
      {"focus country", test_focus_country},
  };
  static const KgSuite suites[] = {
      {"mentions", fixture_open, fixture_close, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
