/* test_udwords.c - CUnit suite of udwords.c: a sentence's tokens cut into
 * UD English EWT's words, as a CoNLL-U block.
 *
 * Each test splits a small hand-written text (with the real lexicon, for
 * its abbreviations) and compares what kg_ud_sentence makes of it, whole:
 * most tests the tokens '|'-joined, a multiword token written as
 * "don't=do+n't"; some the block exactly as kg_conllu_write writes it.
 * Every sentence a test cuts is also checked against CoNLL-U's rule that
 * the forms, spaced as their SpaceAfter says, give back the "# text".
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream, fmemopen */
#include "fixture.h"

#include "conllu.h"
#include "udwords.h"

/* ---- rendering ----------------------------------------------------------- */

/* Column `col` (0-based) of a tab-separated line, copied into buf. */
static const char *column(const char *line, int col, char *buf, size_t cap) {
  for (; col > 0 && line; col--) {
    line = strchr(line, '\t');
    if (line)
      line++;
  }
  size_t n = 0;
  for (; line && line[n] && line[n] != '\t' && n + 1 < cap; n++)
    buf[n] = line[n];
  buf[n] = '\0';
  return buf;
}

/* The "# text = " comment of s, or NULL. */
static const char *text_comment(const KgConlluSentence *s) {
  for (size_t k = 0; k < s->n_lines; k++)
    if (strncmp(s->lines[k].text, "# text = ", 9) == 0)
      return s->lines[k].text + 9;
  return NULL;
}

/* The tokens of s: forms '|'-joined, a multiword token as
 * "don't=do+n't".  When the forms, each followed by a space unless its
 * token's MISC says SpaceAfter=No, do not give back the "# text" comment,
 * that is appended, so that the comparison fails and shows both. */
static char *render_words(const KgConlluSentence *s) {
  FixtureStr b = {0}, text = {0};
  size_t k = 0, range_end = 0;
  char form[256], misc[256], id[64];
  for (size_t i = 0; i < s->n_words; i++) {
    for (; k < s->n_lines && s->lines[k].before <= i; k++) {
      const char *line = s->lines[k].text;
      if (line[0] == '#')
        continue;
      column(line, 0, id, sizeof id);
      range_end = (size_t)strtoul(strchr(id, '-') + 1, NULL, 10);
      if (b.len)
        fstr_puts(&b, "|");
      fstr_puts(&b, column(line, 1, form, sizeof form));
      fstr_puts(&b, "=");
      fstr_puts(&text, form);
      if (strcmp(column(line, 9, misc, sizeof misc), "SpaceAfter=No") != 0)
        fstr_puts(&text, " ");
    }
    const KgConlluWord *w = &s->words[i];
    int inside = i + 1 <= range_end;
    if (inside) {
      if (b.s && b.s[b.len - 1] != '=')
        fstr_puts(&b, "+");
    } else {
      if (b.len)
        fstr_puts(&b, "|");
      fstr_puts(&text, w->form);
      if (strcmp(w->misc, "SpaceAfter=No") != 0)
        fstr_puts(&text, " ");
    }
    fstr_puts(&b, w->form);
  }
  char *joined = fstr_done(&text);
  size_t n = strlen(joined);
  if (n && joined[n - 1] == ' ')
    joined[n - 1] = '\0';
  const char *want = text_comment(s);
  if (!want || strcmp(want, joined) != 0) {
    fstr_puts(&b, " (forms give \"");
    fstr_puts(&b, joined);
    fstr_puts(&b, "\", # text is \"");
    fstr_puts(&b, want ? want : "(none)");
    fstr_puts(&b, "\")");
  }
  free(joined);
  return fstr_done(&b);
}

/* Runs kg_ud_sentence on sentence i of d and renders it with render_words
 * (or "error: ..." when it fails). */
static char *doc_ud_words(const Doc *d, size_t i) {
  KgConlluSentence s;
  KgError err;
  memset(&s, 0, sizeof s);
  memset(&err, 0, sizeof err);
  if (kg_ud_sentence(&d->a.text, i, NULL, &s, &err) != KG_OK) {
    FixtureStr b = {0};
    fstr_puts(&b, "error: ");
    fstr_puts(&b, err.message);
    return fstr_done(&b);
  }
  char *r = render_words(&s);
  kg_conllu_sentence_release(&s);
  return r;
}

/* Sentence i of d as kg_conllu_write writes it, with sent_id. */
static char *doc_ud_block(const Doc *d, size_t i, const char *sent_id) {
  KgConlluSentence s;
  memset(&s, 0, sizeof s);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out)
    return NULL;
  if (kg_ud_sentence(&d->a.text, i, sent_id, &s, NULL) != KG_OK ||
      kg_conllu_write(out, &s) != 0)
    fputs("(error)", out);
  fclose(out);
  kg_conllu_sentence_release(&s);
  return buf;
}

/** Sentence i of d cuts into exactly `expected` (see render_words). */
#define ASSERT_UD(d, i, expected)                                              \
  fixture_check_str("UD words", (d), doc_ud_words((d), (i)), (expected),       \
                    __LINE__, __FILE__)

/** Sentence i of d is exactly the CoNLL-U block `expected`. */
#define ASSERT_BLOCK(d, i, sent_id, expected)                                  \
  fixture_check_str("CoNLL-U block", (d), doc_ud_block((d), (i), (sent_id)),   \
                    (expected), __LINE__, __FILE__)

/* A word line with only its ID, FORM and MISC known. */
#define W(id, form, misc) id "\t" form "\t_\t_\t_\t_\t_\t_\t_\t" misc "\n"

/* ---- clitics and contractions -------------------------------------------- */

static void test_negations_split(void) {
  Doc *d =
      RUN("I don't think we can't or won't, and he cannot say.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "I|don't=do+n't|think|we|can't=ca+n't|or|won't=wo+n't|,|and|he|"
            "cannot=can+not|say|.");
  doc_free(d);
}

static void test_pronoun_clitics_split(void) {
  Doc *d = RUN("I'm sure they're back, we've seen he'd go and you'll see.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "I'm=I+'m|sure|they're=they+'re|back|,|we've=we+'ve|seen|"
            "he'd=he+'d|go|and|you'll=you+'ll|see|.");
  doc_free(d);
}

static void test_possessives_split(void) {
  Doc *d = RUN("Putin's army met the leaders' envoys at O'Brien's. "
               "It's the 1990s' boom.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "Putin's=Putin+'s|army|met|the|leaders'=leaders+'|envoys|at|"
            "O'Brien's=O'Brien+'s|.");
  ASSERT_UD(d, 1, "It's=It+'s|the|1990s'=1990s+'|boom|.");
  doc_free(d);
}

/* A quote that closes on a word ending in "s" is no possessive. */
static void test_single_quotes_are_no_possessives(void) {
  Doc *d =
      RUN("They called the 'Wahhabis' and the 'normal' ones.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0, "They|called|the|'|Wahhabis|'|and|the|'|normal|'|ones|.");
  doc_free(d);
}

static void test_fused_words_split(void) {
  Doc *d = RUN("I'm gonna go, you wanna stay, we gotta get outta here.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "I'm=I+'m|gonna=gon+na|go|,|you|wanna=wan+na|stay|,|we|"
            "gotta=got+ta|get|outta=out+ta|here|.");
  doc_free(d);
}

/* EWT cuts the "nt" of a verb written without its apostrophe, and only
 * of a verb. */
static void test_negations_without_apostrophe_split(void) {
  Doc *d = RUN("I dont know, he cant and DIDNT want a pant.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "I|dont=do+nt|know|,|he|cant=ca+nt|and|DIDNT=DID+NT|want|a|pant|"
            ".");
  doc_free(d);
}

static void test_typographic_apostrophes(void) {
  Doc *d = RUN("It\xe2\x80\x99s Putin\xe2\x80\x99s army, don\xe2\x80\x99t "
               "worry, they\xe2\x80\x99re the leaders\xe2\x80\x99 men.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "It\xe2\x80\x99s=It+\xe2\x80\x99s|"
            "Putin\xe2\x80\x99s=Putin+\xe2\x80\x99s|army|,|"
            "don\xe2\x80\x99t=do+n\xe2\x80\x99t|worry|,|"
            "they\xe2\x80\x99re=they+\xe2\x80\x99re|the|"
            "leaders\xe2\x80\x99=leaders+\xe2\x80\x99|men|.");
  doc_free(d);
}

/* Upper case, and a clitic standing alone after a space, which joins no
 * word. */
static void test_clitics_in_capitals_and_alone(void) {
  Doc *d = RUN("DON'T GO, IT'S Bush 's war.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0, "DON'T=DO+N'T|GO|,|IT'S=IT+'S|Bush|'s|war|.");
  doc_free(d);
}

/* ---- words newskg cuts finer than EWT ------------------------------------ */

static void test_prefixed_hyphens_stay_whole(void) {
  Doc *d = RUN("The co-founder e-mailed a non-violent long-term plan to "
               "pro-Kremlin self-made men.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "The|co-founder|e-mailed|a|non-violent|long|-|term|plan|to|"
            "pro-Kremlin|self|-|made|men|.");
  doc_free(d);
}

static void test_addresses_stay_whole(void) {
  Doc *d = RUN("Write to john.doe@example.org or see "
               "http://www.example.com/a-b?x=1, www.bbc.co.uk and "
               "Amazon.com's site.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "Write|to|john.doe@example.org|or|see|"
            "http://www.example.com/a-b?x=1|,|www.bbc.co.uk|and|"
            "Amazon.com's=Amazon.com+'s|site|.");
  doc_free(d);
}

static void test_times_dates_and_runs_stay_whole(void) {
  Doc *d = RUN("At 10:30 on 9/11 it ended... Really?! Wait -- the '90s "
               "are 16/11/2004 -- no.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 3);
  ASSERT_UD(d, 0, "At|10:30|on|9/11|it|ended|...");
  ASSERT_UD(d, 1, "Really|?!");
  ASSERT_UD(d, 2, "Wait|--|the|'90s|are|16/11/2004|--|no|.");
  doc_free(d);
}

/* EWT cuts a unit off its number, not an ordinal's or a decade's ending;
 * it keeps telephone numbers and initials joined by "&" whole, and a quote
 * of two apostrophes. */
static void test_numbers_units_and_marks(void) {
  Doc *d = RUN("Shares of AT&T rose to $2bn at 7:30pm on the 2nd, as in the "
               "1990s and 70's; call 713-853-3242 or 555-1234, not 1990-2000 "
               "or 10km. He said ''no'' twice.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "Shares|of|AT&T|rose|to|$|2|bn|at|7:30|pm|on|the|2nd|,|as|in|the|"
            "1990s|and|70's|;|call|713-853-3242|or|555-1234|,|not|1990|-|2000|"
            "or|10|km|.");
  ASSERT_UD(d, 1, "He|said|''|no|''|twice|.");
  ASSERT_BLOCK(d, 1, NULL,
               "# text = He said ''no'' twice.\n" W("1", "He", "_")
                   W("2", "said", "_") W("3", "''", "SpaceAfter=No")
                       W("4", "no", "SpaceAfter=No") W("5", "''", "_")
                           W("6", "twice", "SpaceAfter=No")
                               W("7", ".", "_") "\n");
  doc_free(d);
}

/* What newskg cuts as EWT does stays as it is. */
static void test_tokens_ewt_shares_stay(void) {
  Doc *d = RUN("U.S. troops spent $5 on 5% of 1990-2000 and 3.5 million, "
               "Mr. Smith said (twice).",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "U.S.|troops|spent|$|5|on|5|%|of|1990|-|2000|and|3.5|million|,|"
            "Mr.|Smith|said|(|twice|)|.");
  doc_free(d);
}

/* ---- the block ----------------------------------------------------------- */

static void test_block_with_multiword_token(void) {
  Doc *d = RUN("I don't know.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_BLOCK(d, 0, "doc1-1",
               "# sent_id = doc1-1\n"
               "# text = I don't know.\n" W("1", "I", "_")
                   W("2-3", "don't", "_") W("2", "do", "_") W("3", "n't", "_")
                       W("4", "know", "SpaceAfter=No") W("5", ".", "_") "\n");
  doc_free(d);
}

/* SpaceAfter=No stands on the multiword token, not on its words; the last
 * token of the text, which nothing follows, has none.  Without a sent_id
 * there is no sent_id comment. */
static void test_space_after_on_multiword_token(void) {
  Doc *d = RUN("Don't.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_BLOCK(d, 0, NULL,
               "# text = Don't.\n" W("1-2", "Don't", "SpaceAfter=No")
                   W("1", "Do", "_") W("2", "n't", "_") W("3", ".", "_") "\n");
  doc_free(d);
}

/* The text comment gives each run of white space (tabs, no-break spaces)
 * as one space; a token before white space of any kind has no
 * SpaceAfter=No. */
static void test_text_comment_collapses_white_space(void) {
  Doc *d = RUN("He  said\t\"no\" \xc2\xa0 twice .", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_BLOCK(d, 0, "a",
               "# sent_id = a\n"
               "# text = He said \"no\" twice .\n" W("1", "He", "_")
                   W("2", "said", "_") W("3", "\"", "SpaceAfter=No")
                       W("4", "no", "SpaceAfter=No") W("5", "\"", "_")
                           W("6", "twice", "_") W("7", ".", "_") "\n");
  ASSERT_UD(d, 0, "He|said|\"|no|\"|twice|.");
  doc_free(d);
}

/* A sentence that runs into the next without a space: its last token has
 * SpaceAfter=No. */
static void test_space_after_at_sentence_end(void) {
  Doc *d = RUN("It ended.Then he left.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 2);
  ASSERT_BLOCK(d, 0, NULL,
               "# text = It ended.\n" W("1", "It", "_")
                   W("2", "ended", "SpaceAfter=No")
                       W("3", ".", "SpaceAfter=No") "\n");
  ASSERT_UD(d, 1, "Then|he|left|.");
  doc_free(d);
}

static void test_only_punctuation(void) {
  Doc *d = RUN("-- !!", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 1);
  ASSERT_BLOCK(d, 0, "p",
               "# sent_id = p\n# text = -- !!\n" W("1", "--", "_")
                   W("2", "!!", "_") "\n");
  doc_free(d);
}

static void test_non_ascii_text(void) {
  Doc *d = RUN("Erdo\xc4\x9f"
               "an\xe2\x80\x99s \xe2\x80\x9cplan\xe2\x80\x9d "
               "\xe2\x80\x94 Z\xc3\xbcrich\xe2\x80\x99s caf\xc3\xa9 "
               "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  ASSERT_UD(d, 0,
            "Erdo\xc4\x9f"
            "an\xe2\x80\x99s=Erdo\xc4\x9f"
            "an+\xe2\x80\x99s|"
            "\xe2\x80\x9c|plan|\xe2\x80\x9d|\xe2\x80\x94|"
            "Z\xc3\xbcrich\xe2\x80\x99s=Z\xc3\xbcrich+\xe2\x80\x99s|"
            "caf\xc3\xa9|\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0|.");
  doc_free(d);
}

/* Every sentence gets its block, a repeat too; the credit cut off a
 * caption is its last sentence's comment. */
static void test_captions_repeats_and_credit(void) {
  Doc *d = RUN("Minsk protests grow\n"
               "Protesters hold flags. They march AFP / Sergei GAPON\n"
               "They march AFP / Sergei GAPON",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_EQUAL_FATAL(d->a.text.sentence_count, 4);
  CU_ASSERT(d->a.text.sentences[3].flags & KG_SENT_DUPLICATE);
  ASSERT_BLOCK(d, 1, "c1",
               "# sent_id = c1\n# text = Protesters hold flags.\n" W(
                   "1", "Protesters", "_") W("2", "hold", "_")
                   W("3", "flags", "SpaceAfter=No") W("4", ".", "_") "\n");
  ASSERT_BLOCK(d, 2, "c2",
               "# sent_id = c2\n# text = They march\n"
               "# credit = AFP / Sergei GAPON\n" W("1", "They", "_")
                   W("2", "march", "_") "\n");
  ASSERT_BLOCK(d, 3, "c3",
               "# sent_id = c3\n# text = They march\n"
               "# credit = AFP / Sergei GAPON\n" W("1", "They", "_")
                   W("2", "march", "_") "\n");
  doc_free(d);
}

/* ---- the contract -------------------------------------------------------- */

static void test_no_such_sentence(void) {
  Doc *d = RUN("One sentence.", STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  KgConlluSentence s;
  KgError err;
  memset(&s, 0, sizeof s);
  memset(&err, 0, sizeof err);
  /* a sentence held before is released, not leaked */
  CU_ASSERT_EQUAL(kg_ud_sentence(&d->a.text, 0, "x", &s, &err), KG_OK);
  CU_ASSERT_EQUAL(s.n_words, 3);
  CU_ASSERT_EQUAL(kg_ud_sentence(&d->a.text, 1, "x", &s, &err), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(s.n_words, 0);
  CU_ASSERT_EQUAL(s.n_lines, 0);
  CU_ASSERT_PTR_NULL(s.words);
  CU_ASSERT_STRING_EQUAL(err.message, "no sentence 1 in a text of 1");
  CU_ASSERT_EQUAL(kg_ud_sentence(&d->a.text, 0, NULL, &s, NULL), KG_OK);
  CU_ASSERT_EQUAL(s.n_words, 3);
  /* the words' columns: "_" strings, HEAD -1 */
  CU_ASSERT_STRING_EQUAL(s.words[0].form, "One");
  CU_ASSERT_STRING_EQUAL(s.words[0].lemma, "_");
  CU_ASSERT_STRING_EQUAL(s.words[0].deprel, "_");
  CU_ASSERT_EQUAL(s.words[0].head, -1);
  CU_ASSERT_STRING_EQUAL(s.words[1].misc, "SpaceAfter=No");
  kg_conllu_sentence_release(&s);
  doc_free(d);
}

/* What kg_ud_sentence makes, written, is CoNLL-U the reader takes, and
 * reads back the same. */
static void test_blocks_read_back(void) {
  Doc *d = RUN("I don't know if they're gonna e-mail Putin's aides... "
               "The leaders' talks ended at 10:30.",
               STAGE_SPLIT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  KgConlluSentence s;
  memset(&s, 0, sizeof s);
  size_t words = 0;
  for (size_t i = 0; i < d->a.text.sentence_count; i++) {
    CU_ASSERT_EQUAL(kg_ud_sentence(&d->a.text, i, "s", &s, NULL), KG_OK);
    CU_ASSERT_EQUAL(kg_conllu_write(out, &s), 0);
    words += s.n_words;
  }
  fclose(out);
  CU_ASSERT_EQUAL(d->a.text.sentence_count, 2);
  CU_ASSERT_EQUAL(words, 22);
  FILE *in = fmemopen(buf, len, "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  KgConlluReader *r = kg_conllu_reader_new(in, "udwords");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  KgError err;
  memset(&err, 0, sizeof err);
  size_t read = 0, blocks = 0;
  while (kg_conllu_read(r, &s, &err) == KG_OK && s.n_words > 0)
    read += s.n_words, blocks++;
  CU_ASSERT_STRING_EQUAL(err.message, "");
  CU_ASSERT_EQUAL(blocks, 2);
  CU_ASSERT_EQUAL(read, words);
  kg_conllu_sentence_release(&s);
  kg_conllu_reader_free(r);
  fclose(in);
  free(buf);
  doc_free(d);
}

int main(void) {
  static const KgTest tests[] = {
      {"negations split", test_negations_split},
      {"pronoun clitics split", test_pronoun_clitics_split},
      {"possessives split", test_possessives_split},
      {"single quotes are no possessives",
       test_single_quotes_are_no_possessives},
      {"fused words split", test_fused_words_split},
      {"negations without apostrophe split",
       test_negations_without_apostrophe_split},
      {"typographic apostrophes", test_typographic_apostrophes},
      {"clitics in capitals and alone", test_clitics_in_capitals_and_alone},
      {"prefixed hyphens stay whole", test_prefixed_hyphens_stay_whole},
      {"addresses stay whole", test_addresses_stay_whole},
      {"times, dates and runs stay whole",
       test_times_dates_and_runs_stay_whole},
      {"numbers, units and marks", test_numbers_units_and_marks},
      {"tokens EWT shares stay", test_tokens_ewt_shares_stay},
      {"block with a multiword token", test_block_with_multiword_token},
      {"SpaceAfter on a multiword token", test_space_after_on_multiword_token},
      {"text comment collapses white space",
       test_text_comment_collapses_white_space},
      {"SpaceAfter at a sentence's end", test_space_after_at_sentence_end},
      {"only punctuation", test_only_punctuation},
      {"non-ASCII text", test_non_ascii_text},
      {"captions, repeats and the credit", test_captions_repeats_and_credit},
      {"no such sentence", test_no_such_sentence},
      {"blocks read back", test_blocks_read_back},
  };
  static const KgSuite suites[] = {
      {"udwords", fixture_open, fixture_close, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
