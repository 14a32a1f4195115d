/* fuzz_rules.c - libFuzzer harness: any bytes as a rule file.
 *
 * The input is loaded into an empty rule set with kg_rules_load (the
 * format of data/rules/README.md).  A malformed file must be refused with
 * an error naming its line; nothing may crash, overrun or leak either way.
 */
#include <stdlib.h>

#include "fuzz_input.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  KgRuleSet *rules = kg_rules_new();
  if (!rules)
    abort();
  KgError err;
  if (kg_rules_load(rules, kg_fuzz_file(data, size), &err) != KG_OK &&
      (err.line < 1 || !err.message[0]))
    abort(); /* a refusal must say where and why */
  kg_rules_free(rules);
  return 0;
}
