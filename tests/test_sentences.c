/* test_sentences.c - CUnit suite of sentences.c: paragraphs, sentences,
 * tokens, token and sentence flags, lookup keys.
 *
 * Each test splits a small hand-written text (with the real lexicon, which
 * supplies the abbreviations) and compares the whole result: the tokens
 * '|'-joined, the sentences one a line, the flagged tokens.
 */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen, unlink, getline */
#include "fixture.h"

#include <dirent.h>
#include <unistd.h>

/* Flags of sentence i, or ~0u when there is no such sentence. */
static unsigned sentence_flags(const Doc *d, size_t i) {
  return i < d->a.text.sentence_count ? d->a.text.sentences[i].flags : ~0u;
}

/* ---- sentence boundaries ------------------------------------------------ */

static void test_abbreviations_do_not_end_sentences(void) {
  Doc *d = RUN("U.S. envoy met Gen. Ivanov in Geneva. Mr. Jones said the "
               "U.S. would respond.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "U.S. envoy met Gen. Ivanov in Geneva.\n"
                      "Mr. Jones said the U.S. would respond.");
  ASSERT_TOKENS(d, "U.S.|envoy|met|Gen.|Ivanov|in|Geneva|.|Mr.|Jones|said|"
                   "the|U.S.|would|respond|.");
  doc_free(d);
}

static void test_initials_and_times_do_not_end_sentences(void) {
  Doc *d = RUN("George W. Bush met Vladimir Putin. The meeting ended at 5 "
               "p.m. on Monday.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "George W. Bush met Vladimir Putin.\n"
                      "The meeting ended at 5 p.m. on Monday.");
  ASSERT_TOKENS(d, "George|W.|Bush|met|Vladimir|Putin|.|The|meeting|ended|"
                   "at|5|p.m.|on|Monday|.");
  doc_free(d);
}

static void test_decimals_and_thousands_stay_whole(void) {
  Doc *d = RUN("Ukraine got $1.5 billion in aid. Kyiv said 2.3 percent, or "
               "100,000 people, left. 2020 was hard.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "Ukraine got $1.5 billion in aid.\n"
                      "Kyiv said 2.3 percent, or 100,000 people, left.\n"
                      "2020 was hard.");
  ASSERT_TOKENS(d, "Ukraine|got|$|1.5|billion|in|aid|.|Kyiv|said|2.3|"
                   "percent|,|or|100,000|people|,|left|.|2020|was|hard|.");
  doc_free(d);
}

static void test_closing_quotes_stay_with_their_sentence(void) {
  Doc *d = RUN("He said: \"We will not leave.\" The crowd cheered. She said: "
               "\xe2\x80\x9cNever.\xe2\x80\x9d Nobody moved.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "He said: \"We will not leave.\"\n"
                      "The crowd cheered.\n"
                      "She said: \xe2\x80\x9cNever.\xe2\x80\x9d\n"
                      "Nobody moved.");
  doc_free(d);
}

/* Regression (was a bug): abbreviations are matched without regard to
 * case, so the lexicon's "No." swallows the full stop of "said no." and the
 * two sentences run together. */
static void test_lower_case_no_ends_a_sentence(void) {
  Doc *d = RUN("Moscow said no. Talks collapsed. Ask for No. 10.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "Moscow said no.\nTalks collapsed.\nAsk for No. 10.");
  ASSERT_TOKENS(d, "Moscow|said|no|.|Talks|collapsed|.|Ask|for|No.|10|.");
  doc_free(d);
}

static void test_quote_then_lower_case_continues(void) {
  /* "!" inside a quotation followed by the speech verb is no boundary */
  Doc *d =
      RUN("\"Leave now!\" the crowd chanted. Why? Nobody knew!", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "\"Leave now!\" the crowd chanted.\nWhy?\nNobody knew!");
  doc_free(d);
}

static void test_one_paragraph_per_line(void) {
  Doc *d = RUN("Talks ended on Friday.\nthe envoys left without a deal\n\n"
               "Both sides blamed each other.\r\nNo date was set.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "Talks ended on Friday.\n"
                      "the envoys left without a deal\n"
                      "Both sides blamed each other.\n"
                      "No date was set.");
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 4);
  /* paragraphs count the lines that hold text */
  CU_ASSERT_EQUAL(d->a.text.sentences[0].paragraph, 0);
  CU_ASSERT_EQUAL(d->a.text.sentences[1].paragraph, 1);
  CU_ASSERT_EQUAL(d->a.text.sentences[2].paragraph, 2);
  CU_ASSERT_EQUAL(d->a.text.sentences[3].paragraph, 3);
  /* no flags: the first line ends with a full stop, so it is no headline */
  CU_ASSERT_EQUAL(sentence_flags(d, 0), 0);
  CU_ASSERT_EQUAL(sentence_flags(d, 1), 0);
  doc_free(d);
}

static void test_sentence_spans_and_token_ranges(void) {
  Doc *d = RUN("  Kyiv protested.  Moscow denied it. ", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 2);
  const KgSentence *s = d->a.text.sentences;
  /* spans are trimmed of white space; byte offsets into the text */
  CU_ASSERT_EQUAL(s[0].start, 2);
  CU_ASSERT_EQUAL(s[0].end, 17);
  CU_ASSERT_EQUAL(s[0].first_token, 0);
  CU_ASSERT_EQUAL(s[0].token_count, 3);
  CU_ASSERT_EQUAL(s[1].start, 19);
  CU_ASSERT_EQUAL(s[1].end, 36);
  CU_ASSERT_EQUAL(s[1].first_token, 3);
  CU_ASSERT_EQUAL(s[1].token_count, 4);
  CU_ASSERT_EQUAL(d->a.text.token_count, 7);
  doc_free(d);
}

static void test_empty_text(void) {
  Doc *d = RUN("", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL(d->a.text.token_count, 0);
  CU_ASSERT_EQUAL(d->a.text.sentence_count, 0);
  doc_free(d);
  d = RUN(" \n\t\n", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL(d->a.text.token_count, 0);
  CU_ASSERT_EQUAL(d->a.text.sentence_count, 0);
  doc_free(d);
}

/* ---- headlines, captions, duplicates, datelines ---------------------------- */

static void test_headline(void) {
  Doc *d = RUN("Britain sanctions Belarus leader\nBritain acted. Canada "
               "followed.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "Britain sanctions Belarus leader\nBritain acted.\n"
                      "Canada followed.");
  CU_ASSERT_EQUAL(sentence_flags(d, 0), KG_SENT_HEADLINE);
  CU_ASSERT_EQUAL(sentence_flags(d, 1), 0);
  CU_ASSERT_EQUAL(sentence_flags(d, 2), 0);
  doc_free(d);
  /* a single line is the article itself, not a headline */
  d = RUN("Britain sanctions Belarus leader", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL(sentence_flags(d, 0), 0);
  doc_free(d);
}

static void test_caption_credit_is_cut(void) {
  Doc *d = RUN("Minsk protests grow\nThousands marched in Minsk.\n"
               "A riot officer stands guard in Minsk AFP / Sergei GAPON\n"
               "Police vans line the avenue AFP / -",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "Minsk protests grow\nThousands marched in Minsk.\n"
                      "A riot officer stands guard in Minsk\n"
                      "Police vans line the avenue");
  CU_ASSERT_EQUAL(sentence_flags(d, 1), 0);
  CU_ASSERT_EQUAL(sentence_flags(d, 2), KG_SENT_CAPTION);
  CU_ASSERT_EQUAL(sentence_flags(d, 3), KG_SENT_CAPTION);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 4);
  /* the credit's tokens belong to no sentence */
  CU_ASSERT_EQUAL(d->a.text.sentences[2].token_count, 7);
  CU_ASSERT_EQUAL(d->a.text.sentences[3].token_count, 5);
  doc_free(d);
}

static void test_caption_repeating_the_line_before_is_duplicate(void) {
  Doc *d = RUN("Minsk protests grow\nThousands marched in Minsk.\n"
               "Protesters hold flags in Minsk on Sunday\n"
               "Protesters hold flags in Minsk on Sunday AFP / Sergei GAPON",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_SENTENCES(d, "Minsk protests grow\nThousands marched in Minsk.\n"
                      "Protesters hold flags in Minsk on Sunday\n"
                      "Protesters hold flags in Minsk on Sunday");
  CU_ASSERT_EQUAL(sentence_flags(d, 2), 0);
  CU_ASSERT_EQUAL(sentence_flags(d, 3), KG_SENT_CAPTION | KG_SENT_DUPLICATE);
  doc_free(d);
}

/* Only sentences of the very same bytes repeat one another: one that
 * differs in its last byte, or is one byte longer, does not; and more
 * sentences than the table first holds are all found. */
static void test_repeats_are_exact(void) {
  char text[4096] = "Headline\n";
  for (int i = 0; i < 40; i++)
    snprintf(text + strlen(text), sizeof text - strlen(text),
             "Sentence number %d of the story.\n", i % 20);
  strcat(text, "Sentence number 1 of the storY.\n"
               "Sentence number 1 of the story..\n");
  Doc *d = RUN(text, STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 43);
  for (size_t i = 1; i <= 40; i++)
    CU_ASSERT_EQUAL(sentence_flags(d, i) & KG_SENT_DUPLICATE,
                    i > 20 ? KG_SENT_DUPLICATE : 0);
  CU_ASSERT_EQUAL(sentence_flags(d, 41), 0);
  CU_ASSERT_EQUAL(sentence_flags(d, 42), 0);
  doc_free(d);
}

/* kg_text_keys builds the keys of growing spans as kg_text_key and
 * kg_hash_bytes give them, continues from those built, and stops at the
 * first that does not fit. */
static void test_text_keys_grow(void) {
  Doc *d = RUN("Kim Jong-Un met Moon Jae-in in Panmunjom", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  const KgText *t = &d->a.text;
  char key[64], want[64];
  size_t lens[16];
  unsigned long long hashes[16];
  size_t built = kg_text_keys(t, 0, 0, 2, key, sizeof key, lens, hashes);
  CU_ASSERT_EQUAL(built, 2);
  built = kg_text_keys(t, 0, built, 16, key, sizeof key, lens, hashes);
  CU_ASSERT_EQUAL(built, t->token_count);
  for (size_t n = 1; n <= built; n++) {
    size_t wn = kg_text_key(t, 0, n, want, sizeof want);
    CU_ASSERT_EQUAL(lens[n - 1], wn);
    CU_ASSERT_NSTRING_EQUAL(key, want, wn);
    CU_ASSERT_EQUAL(hashes[n - 1], kg_hash_bytes(want, wn));
  }
  /* "kim jong-un met" takes 15 bytes, and a key needs one more to fit */
  CU_ASSERT_EQUAL(kg_text_keys(t, 0, 0, 16, key, 15, lens, hashes), 4);
  CU_ASSERT_EQUAL(kg_text_key(t, 0, 5, want, 15), 0);
  CU_ASSERT_EQUAL(kg_text_keys(t, 0, 0, 16, key, 16, lens, hashes), 5);
  doc_free(d);
}

static void test_dateline_tokens(void) {
  Doc *d = RUN("Yanukovych resurfaces in Russia\n"
               "ROSTOV-ON-DON \xe2\x80\x94 Viktor Yanukovych spoke on Friday.\n"
               "NATO \xe2\x80\x94 the alliance \xe2\x80\x94 met.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* only the first body paragraph opens with a dateline */
  ASSERT_FLAGGED(d, KG_TOK_DATELINE, "ROSTOV|-|ON|-|DON");
  ASSERT_TOKENS(d, "Yanukovych|resurfaces|in|Russia|ROSTOV|-|ON|-|DON|"
                   "\xe2\x80\x94|Viktor|Yanukovych|spoke|on|Friday|.|NATO|"
                   "\xe2\x80\x94|the|alliance|\xe2\x80\x94|met|.");
  doc_free(d);
  /* two words, and no headline before it */
  d = RUN("MEXICO CITY \xe2\x80\x94 Evo Morales arrived.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_FLAGGED(d, KG_TOK_DATELINE, "MEXICO|CITY");
  doc_free(d);
  /* capitals without a dash are no dateline */
  d = RUN("NATO MEMBERS met in Brussels.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_FLAGGED(d, KG_TOK_DATELINE, "");
  doc_free(d);
}

/* ---- tokens -------------------------------------------------------------- */

static void test_possessive_and_negation_split_off(void) {
  Doc *d = RUN("Russia's leader didn't attend. O'Brien can't and won't. "
               "Russia\xe2\x80\x99s envoy wasn\xe2\x80\x99t there.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_TOKENS(d, "Russia|'s|leader|did|n't|attend|.|O'Brien|ca|n't|and|"
                   "wo|n't|.|Russia|\xe2\x80\x99s|envoy|was|"
                   "n\xe2\x80\x99t|there|.");
  long s = doc_token_index(d, "'s");
  CU_ASSERT_FATAL(s > 0);
  CU_ASSERT(d->a.text.tokens[s].flags & KG_TOK_GLUED);
  CU_ASSERT(d->a.text.tokens[s].flags & KG_TOK_WORD);
  doc_free(d);
}

static void test_hyphenated_words_are_glued(void) {
  Doc *d = RUN("US-North Korea talks resumed in Rostov-on-Don.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_TOKENS(d, "US|-|North|Korea|talks|resumed|in|Rostov|-|on|-|Don|.");
  ASSERT_FLAGGED(d, KG_TOK_GLUED, "-|North|-|on|-|Don|.");
  ASSERT_FLAGGED(d, KG_TOK_UPPER, "US");
  char key[64];
  size_t n = kg_text_key(&d->a.text, 0, 4, key, sizeof key);
  CU_ASSERT_EQUAL(n, strlen("us-north korea"));
  CU_ASSERT_NSTRING_EQUAL(key, "us-north korea", n);
  n = kg_text_key(&d->a.text, 7, 12, key, sizeof key);
  CU_ASSERT_EQUAL(n, strlen("rostov-on-don"));
  CU_ASSERT_NSTRING_EQUAL(key, "rostov-on-don", n);
  doc_free(d);
}

static void test_quoted_tokens(void) {
  Doc *d = RUN("Lukashenko called the vote \"a farce\" and Tikhanovskaya "
               "\xe2\x80\x9c"
               "a puppet\xe2\x80\x9d of the West.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_FLAGGED(d, KG_TOK_QUOTED, "a|farce|a|puppet");
  doc_free(d);
  /* an unclosed quotation ends with its paragraph */
  d = RUN("He said \"never.\nThe talks went on.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_FLAGGED(d, KG_TOK_QUOTED, "never|.");
  doc_free(d);
}

static void test_case_flags(void) {
  Doc *d = RUN("NATO and the EU met Kim in Hanoi", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_FLAGGED(d, KG_TOK_CAP, "NATO|EU|Kim|Hanoi");
  ASSERT_FLAGGED(d, KG_TOK_UPPER, "NATO|EU");
  ASSERT_FLAGGED(d, KG_TOK_WORD, "NATO|and|the|EU|met|Kim|in|Hanoi");
  doc_free(d);
}

/* Words of every length up to twenty, of letters of either case and
 * digits, keep the token and case flags a byte-by-byte reading gives (the
 * tokenizer reads eight bytes a step). */
static void test_case_flags_of_long_words(void) {
  char text[4096];
  size_t len = 0;
  unsigned seed = 12345;
  for (size_t w = 0; w < 300; w++) {
    size_t n = 1 + w % 20;
    for (size_t k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = (seed >> 16) % 8;
      text[len++] = r < 3 ? (char)('a' + (seed >> 20) % 26)
                    : r < 6 ? (char)('A' + (seed >> 20) % 26)
                            : (char)('0' + (seed >> 20) % 10);
    }
    if (w % 7 == 6)
      text[len++] = ',';
    text[len++] = ' ';
  }
  KgText t;
  CU_ASSERT_EQUAL_FATAL(kg_text_split(text, len, NULL, &t), KG_OK);
  size_t words = 0;
  for (size_t i = 0; i < t.token_count; i++) {
    const KgToken *tok = &t.tokens[i];
    if (!(tok->flags & KG_TOK_WORD))
      continue;
    words++;
    size_t letters = 0, upper = 0;
    int capital = 0;
    for (size_t k = tok->start; k < tok->end; k++) {
      char c = text[k];
      int is_upper = c >= 'A' && c <= 'Z';
      if (!is_upper && !(c >= 'a' && c <= 'z'))
        continue;
      if (letters++ == 0)
        capital = is_upper;
      upper += (size_t)is_upper;
    }
    CU_ASSERT_EQUAL(!!(tok->flags & KG_TOK_CAP), capital);
    CU_ASSERT_EQUAL(!!(tok->flags & KG_TOK_UPPER),
                    letters >= 2 && upper == letters);
  }
  CU_ASSERT_EQUAL(words, 300);
  kg_text_release(&t);
}

static void test_multibyte_names(void) {
  Doc *d = RUN("\xc3\x81\xc3\xb1"
               "ez met Erdo\xc4\x9f"
               "an in T\xc3\xbcrkiye. "
               "\xc3\x81\xc3\x91"
               "EZ LEFT.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_TOKENS(d, "\xc3\x81\xc3\xb1"
                   "ez|met|Erdo\xc4\x9f"
                   "an|in|"
                   "T\xc3\xbcrkiye|.|\xc3\x81\xc3\x91"
                   "EZ|LEFT|.");
  ASSERT_FLAGGED(d, KG_TOK_CAP,
                 "\xc3\x81\xc3\xb1"
                 "ez|Erdo\xc4\x9f"
                 "an|"
                 "T\xc3\xbcrkiye|\xc3\x81\xc3\x91"
                 "EZ|LEFT");
  ASSERT_FLAGGED(d, KG_TOK_UPPER,
                 "\xc3\x81\xc3\x91"
                 "EZ|LEFT");
  /* spans are bytes: "Áñez" is six */
  CU_ASSERT_EQUAL(d->a.text.tokens[0].start, 0);
  CU_ASSERT_EQUAL(d->a.text.tokens[0].end, 6);
  char key[32];
  size_t n = kg_text_key(&d->a.text, 0, 1, key, sizeof key);
  CU_ASSERT_EQUAL(n, 4);
  CU_ASSERT_NSTRING_EQUAL(key, "anez", 4);
  n = kg_text_key(&d->a.text, 2, 3, key, sizeof key);
  CU_ASSERT_EQUAL(n, 7);
  CU_ASSERT_NSTRING_EQUAL(key, "erdogan", 7);
  n = kg_text_key(&d->a.text, 4, 5, key, sizeof key);
  CU_ASSERT_EQUAL(n, 7);
  CU_ASSERT_NSTRING_EQUAL(key, "turkiye", 7);
  doc_free(d);
}

/* ---- lookup keys ----------------------------------------------------------- */

static void test_text_key_normalises(void) {
  Doc *d = RUN("Russia\xe2\x80\x99s  PRESIDENT\tmet   Obama", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  char key[64];
  size_t n = kg_text_key(&d->a.text, 0, d->a.text.token_count, key, sizeof key);
  const char *want = "russia's president met obama";
  CU_ASSERT_EQUAL(n, strlen(want));
  CU_ASSERT_NSTRING_EQUAL(key, want, strlen(want));
  /* a key that does not fit is refused, not cut */
  CU_ASSERT_EQUAL(kg_text_key(&d->a.text, 0, d->a.text.token_count, key, 8), 0);
  doc_free(d);
}

static void test_phrase_key(void) {
  char key[64];
  size_t n = kg_phrase_key("  C\xc3\xb4te d\xe2\x80\x99Ivoire  ",
                           strlen("  C\xc3\xb4te d\xe2\x80\x99Ivoire  "), key,
                           sizeof key);
  CU_ASSERT_EQUAL(n, strlen("cote d'ivoire"));
  CU_ASSERT_NSTRING_EQUAL(key, "cote d'ivoire", n);
  n = kg_phrase_key("S\xc3\xa3o\t\tTOM\xc3\x89",
                    strlen("S\xc3\xa3o\t\tTOM\xc3\x89"), key, sizeof key);
  CU_ASSERT_EQUAL(n, strlen("sao tome"));
  CU_ASSERT_NSTRING_EQUAL(key, "sao tome", n);
  /* the phrase key of a written name equals the text key of its tokens */
  Doc *d = RUN("Kim  Jong-Un", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  char tkey[64];
  size_t tn =
      kg_text_key(&d->a.text, 0, d->a.text.token_count, tkey, sizeof tkey);
  n = kg_phrase_key("kim jong-un", strlen("kim jong-un"), key, sizeof key);
  CU_ASSERT_EQUAL(tn, n);
  CU_ASSERT_NSTRING_EQUAL(tkey, key, n);
  doc_free(d);
}

static void test_token_is(void) {
  Doc *d = RUN("Russia's ENVOY left.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_TRUE(kg_token_is(&d->a.text, 0, "russia"));
  CU_ASSERT_TRUE(kg_token_is(&d->a.text, 1, "'s"));
  CU_ASSERT_TRUE(kg_token_is(&d->a.text, 2, "envoy"));
  CU_ASSERT_FALSE(kg_token_is(&d->a.text, 2, "envoys"));
  CU_ASSERT_FALSE(kg_token_is(&d->a.text, 0, "russ"));
  CU_ASSERT_FALSE(kg_token_is(&d->a.text, 99, "left"));
  doc_free(d);
}

/* Each token's key and hash, made once when the text is split, are what
 * kg_text_key and kg_hash_bytes give for the token alone. */
static void test_token_keys(void) {
  Doc *d = RUN("Prime Minister Erdo\xc4\x9f" "an's U.S.-backed plan", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  const KgText *t = &d->a.text;
  for (size_t i = 0; i < t->token_count; i++) {
    char key[64];
    size_t n = kg_text_key(t, i, i + 1, key, sizeof key), len;
    const char *own = kg_token_key(t, i, &len);
    CU_ASSERT_EQUAL(len, n);
    CU_ASSERT_NSTRING_EQUAL(own, key, n);
    CU_ASSERT_EQUAL(kg_token_hash(t, i), kg_hash_bytes(key, n));
  }
  size_t len;
  const char *own = kg_token_key(t, 2, &len);
  CU_ASSERT_EQUAL(len, 7);
  CU_ASSERT_NSTRING_EQUAL(own, "erdogan", 7);
  doc_free(d);
}

/* Where a token may end inside a phrase key. */
static void test_key_may_split(void) {
  static const struct {
    const char *key;
    size_t n;
    int split;
  } cases[] = {
      {"prime minister", 5, 1}, {"prime minister", 4, 0},
      {"prime minister", 6, 1}, {"jean-pierre", 4, 1},
      {"jean-pierre", 3, 0},    {"didn't know", 3, 1},
      {"didn't know", 1, 0},    {"didn't know", 2, 0},
      {"u.s.-led", 4, 1},       {"g7", 1, 0},
      {"caf\xc3\xa9", 3, 1},   {"o'brien", 1, 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    CU_ASSERT_EQUAL(!!kg_key_may_split(cases[i].key, strlen(cases[i].key),
                                       cases[i].n),
                    cases[i].split);
}

/* Checks that every cut between the tokens of text falls where
 * kg_key_may_split allows one in the key of all its tokens. */
static void check_cuts(const char *text, size_t len) {
  KgText t;
  if (kg_text_split(text, len, fixture_kb.lexicon, &t) != KG_OK) {
    CU_FAIL("kg_text_split failed");
    return;
  }
  char key[512];
  size_t lens[64];
  unsigned long long hashes[64];
  size_t most = t.token_count < 64 ? t.token_count : 64;
  size_t built = kg_text_keys(&t, 0, 0, most, key, sizeof key, lens, hashes);
  for (size_t n = 1; n < built; n++)
    if (lens[n - 1] < lens[built - 1] &&
        !kg_key_may_split(key, lens[built - 1], lens[n - 1])) {
      CU_FAIL("a token ends where kg_key_may_split says none can");
      fprintf(stderr, "  %.*s: after %zu bytes\n", (int)lens[built - 1], key,
              lens[n - 1]);
    }
  kg_text_release(&t);
}

/* The stems of the lexicon and the gazetteer keep the prefixes where
 * kg_key_may_split allows a cut: split as text, every field of every data
 * file (names, aliases, phrases), and awkward names besides, is cut only
 * there. */
static void test_tokens_cut_keys_where_allowed(void) {
  static const char *const awkward[] = {
      "didn\xe2\x80\x99t know", "won't", "U.S.-led coalition",
      "O'Brien's", "C\xc3\xb4te d\xe2\x80\x99Ivoire", "ZANU-PF",
      "St. Petersburg", "No. 10", "1.5 million", "9/11", "George W. Bush",
      "al-Assad", "Jos\x65\xcc\x81 Mar\xc3\xad", "G7 and G-20"};
  for (size_t i = 0; i < sizeof awkward / sizeof *awkward; i++)
    check_cuts(awkward[i], strlen(awkward[i]));
  DIR *dir = opendir(fixture_data_dir());
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  size_t fields = 0;
  for (struct dirent *e; (e = readdir(dir));) {
    size_t n = strlen(e->d_name);
    if (n < 4 || strcmp(e->d_name + n - 4, ".tsv") != 0)
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", fixture_data_dir(), e->d_name);
    FILE *file = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(file);
    char *line = NULL;
    size_t cap = 0;
    for (ssize_t got; (got = getline(&line, &cap, file)) > 0;) {
      if (line[0] == '#')
        continue;
      line[strcspn(line, "\n")] = '\0';
      for (char *save = NULL, *field = strtok_r(line, "\t|", &save); field;
           field = strtok_r(NULL, "\t|", &save), fields++)
        check_cuts(field, strlen(field));
    }
    free(line);
    fclose(file);
  }
  closedir(dir);
  CU_ASSERT(fields > 10000);
}

/* Two categories whose names share a mark (the lexicon's filter) are
 * still told apart, word by word and phrase by phrase. */
static void test_lexicon_shared_mark(void) {
  CU_ASSERT_EQUAL_FATAL(kg_lexicon_name_mark("pronoun"),
                        kg_lexicon_name_mark("list_opener"));
  char path[] = "/tmp/newskg-lexicon-XXXXXX";
  int fd = mkstemp(path);
  CU_ASSERT_FATAL(fd >= 0);
  FILE *file = fdopen(fd, "w");
  CU_ASSERT_PTR_NOT_NULL_FATAL(file);
  fputs("pronoun\tshe\tfemale\nlist_opener\tthe following\tlist\n", file);
  fclose(file);
  KgLexicon *lex = kg_lexicon_new();
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_lexicon_load(lex, path, &err), KG_OK);
  unlink(path);
  const char *text = "She named the following people";
  KgText t;
  CU_ASSERT_EQUAL_FATAL(kg_text_split(text, strlen(text), lex, &t), KG_OK);
  CU_ASSERT_STRING_EQUAL(kg_lexicon_word(lex, "pronoun", &t, 0), "female");
  CU_ASSERT_PTR_NULL(kg_lexicon_word(lex, "list_opener", &t, 0));
  const char *value = NULL;
  CU_ASSERT_EQUAL(
      kg_lexicon_match(lex, "list_opener", &t, 2, t.token_count, &value), 2);
  CU_ASSERT_STRING_EQUAL(value, "list");
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "pronoun", &t, 2, t.token_count, NULL),
                  0);
  CU_ASSERT_EQUAL(kg_lexicon_longest(lex, "list_opener"),
                  strlen("the following"));
  CU_ASSERT_EQUAL(kg_lexicon_longest(lex, "pronoun"), strlen("she"));
  CU_ASSERT_EQUAL(kg_lexicon_longest(lex, "title"), 0);
  kg_text_release(&t);
  kg_lexicon_free(lex);
}

/* Lookups over tokens find the longest phrase, stop at the limit, and read
 * prefix entries ("prepar*") in single words and hyphenated compounds. */
static void test_lexicon_over_tokens(void) {
  Doc *d = RUN("The prime minister was preparing a plan-B now, prepared to go.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  const KgText *t = &d->a.text;
  const KgLexicon *lex = fixture_kb.lexicon;
  ASSERT_TOKENS(d, "The|prime|minister|was|preparing|a|plan|-|B|now|,|"
                   "prepared|to|go|.");
  const char *value = NULL;
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "title", t, 1, t->token_count, &value),
                  2);
  CU_ASSERT_STRING_EQUAL(value, "leader");
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "title", t, 1, 2, NULL), 0);
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "title", t, 2, t->token_count, &value),
                  1);
  CU_ASSERT_STRING_EQUAL(value, "minister");
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "title", t, 3, t->token_count, NULL),
                  0);
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "no such category", t, 1,
                                   t->token_count, NULL),
                  0);
  CU_ASSERT_PTR_NOT_NULL(kg_lexicon_word(lex, "modal", t, 4));
  CU_ASSERT_PTR_NULL(kg_lexicon_word(lex, "title", t, 4));
  /* "plan*" reads the whole glued compound, but no phrase with a space */
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "modal", t, 6, t->token_count, NULL),
                  3);
  CU_ASSERT_EQUAL(kg_lexicon_match(lex, "modal", t, 11, t->token_count, NULL),
                  1);
  CU_ASSERT_PTR_NOT_NULL(kg_lexicon_get(lex, "modal", "preparations", 12));
  CU_ASSERT_PTR_NULL(kg_lexicon_get(lex, "modal", "prepared to", 11));
  doc_free(d);
}

int main(void) {
  static const KgTest tests[] = {
      {"abbreviations do not end sentences",
       test_abbreviations_do_not_end_sentences},
      {"initials and times do not end sentences",
       test_initials_and_times_do_not_end_sentences},
      {"decimals and thousands stay whole",
       test_decimals_and_thousands_stay_whole},
      {"closing quotes stay with their sentence",
       test_closing_quotes_stay_with_their_sentence},
      {"quote then lower case continues", test_quote_then_lower_case_continues},
      {"lower-case \"no.\" ends a sentence",
       test_lower_case_no_ends_a_sentence},
      {"one paragraph per line", test_one_paragraph_per_line},
      {"sentence spans and token ranges", test_sentence_spans_and_token_ranges},
      {"empty text", test_empty_text},
      {"headline", test_headline},
      {"caption credit is cut", test_caption_credit_is_cut},
      {"caption repeating the line before is a duplicate",
       test_caption_repeating_the_line_before_is_duplicate},
      {"repeats are exact", test_repeats_are_exact},
      {"text keys grow", test_text_keys_grow},
      {"dateline tokens", test_dateline_tokens},
      {"'s and n't split off", test_possessive_and_negation_split_off},
      {"hyphenated words are glued", test_hyphenated_words_are_glued},
      {"quoted tokens", test_quoted_tokens},
      {"case flags", test_case_flags},
      {"case flags of long words", test_case_flags_of_long_words},
      {"multibyte names", test_multibyte_names},
      {"text key normalises", test_text_key_normalises},
      {"phrase key", test_phrase_key},
      {"token is", test_token_is},
      {"token keys", test_token_keys},
      {"lexicon over tokens", test_lexicon_over_tokens},
      {"lexicon tells apart names of one mark", test_lexicon_shared_mark},
      {"key may split", test_key_may_split},
      {"tokens cut keys where allowed", test_tokens_cut_keys_where_allowed},
  };
  static const KgSuite suites[] = {
      {"sentences", fixture_open, fixture_close, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
