/*
 * The C API test: compiled against an installed fieldguard with
 *     cc -pthread fieldguard_test.c $(pkg-config --cflags --libs fieldguard)
 * and run by tests/c/run.sh (also under valgrind when present).
 *
 * Usage: fieldguard_test KEYRING_JSON_FILE [WASM_TOKEN JS_CLEAN_JSON JS_ANONYMIZED]
 * The optional arguments come from tests/c/wasm-token.cjs: a token the wasm
 * module encrypted with the same keyring, and the JS results of the same
 * clean/anonymize calls, which must match these byte for byte.
 *
 * Every returned string is freed and every handle released, so that
 * valgrind's leak check can hold the API to its ownership rules.
 */
#include <fieldguard.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks = 0, failures = 0;

#define CHECK(cond, what)                                                                \
  do {                                                                                   \
    checks++;                                                                            \
    if (!(cond)) {                                                                       \
      failures++;                                                                        \
      fprintf(stderr, "FAIL %s:%d: %s [last error %s: %s]\n", __FILE__, __LINE__, what,  \
              fg_last_error_code(), fg_last_error_message());                            \
    }                                                                                    \
  } while (0)

/* A call that must fail with `status`, code string `code`, and a message
 * that does not quote `secret` (a value the input held). */
static void expect_error(int got, int status, const char *code, const char *secret,
                         const char *what) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s: status %d (%s), want %d (%s)", what, got, fg_status_code(got),
           status, code);
  CHECK(got == status, buf);
  snprintf(buf, sizeof buf, "%s: last error code %s, want %s", what, fg_last_error_code(), code);
  CHECK(strcmp(fg_last_error_code(), code) == 0, buf);
  CHECK(strcmp(fg_status_code(status), code) == 0, "fg_status_code names the status");
  CHECK(fg_last_error_message()[0] != '\0', "an error has a message");
  if (secret != NULL) {
    snprintf(buf, sizeof buf, "%s: message must not contain the input value", what);
    CHECK(strstr(fg_last_error_message(), secret) == NULL, buf);
  }
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  char *buf = NULL;
  size_t len = 0, cap = 0;
  int c;
  while ((c = fgetc(f)) != EOF) {
    if (len + 1 >= cap) {
      cap = cap ? cap * 2 : 1024;
      char *grown = realloc(buf, cap);
      if (grown == NULL) { free(buf); fclose(f); return NULL; }
      buf = grown;
    }
    buf[len++] = (char)c;
  }
  fclose(f);
  if (buf != NULL) buf[len] = '\0';
  return buf;
}

/* "payments.card\0order-7": a context with a NUL between field path and
 * record ID, as `field_context` builds them. Same as wasm-token.cjs. */
static const char WASM_CONTEXT[] = "payments.card\0order-7";
#define WASM_CONTEXT_LEN (sizeof WASM_CONTEXT - 1)

static void test_basics(void) {
  CHECK(strcmp(fg_version(), "0.1.0") == 0 || fg_version()[0] != '\0', "version");
  CHECK(strcmp(fg_status_code(FG_OK), "OK") == 0, "status OK");
  CHECK(strcmp(fg_status_code(FG_DECRYPT_FAILED), "DECRYPT_FAILED") == 0, "status 1");
  CHECK(strcmp(fg_status_code(FG_INPUT_TOO_LARGE), "INPUT_TOO_LARGE") == 0, "status 21");
  CHECK(strcmp(fg_status_code(FG_INTERNAL), "INTERNAL") == 0, "status 100");
  CHECK(strcmp(fg_status_code(999), "UNKNOWN") == 0, "unknown status");
  fg_string_free(NULL); /* a no-op */
  fg_keyring_free(NULL);
  fg_policy_free(NULL);
  CHECK(fg_keyring_primary_id(NULL) == 0, "primary id of NULL");
}

static void test_clean(const char *js_clean_json) {
  char *value = NULL, *json = NULL;
  size_t len = 0;
  /* Trojan Source and zero-width characters: U+202E RIGHT-TO-LEFT OVERRIDE
   * and U+200B ZERO WIDTH SPACE are removed, the ends trimmed; "e" + U+0301
   * COMBINING ACUTE is NFC-composed to U+00E9 (UAX #15). */
  const char *input = "  pay\xE2\x80\xAEpal\xE2\x80\x8B\xC2\xA0Zoe\xCC\x81 ";
  int st = fg_clean(input, FG_NUL_TERMINATED, NULL, &value, &len, &json);
  CHECK(st == FG_OK, "clean ok");
  if (st == FG_OK) {
    CHECK(strcmp(value, "paypal\xC2\xA0Zo\xC3\xA9") == 0, "clean value");
    CHECK(len == strlen(value), "clean length");
    CHECK(strstr(json, "{\"kind\":\"removed-bidi\",\"count\":1}") != NULL, "report removed-bidi");
    CHECK(strstr(json, "{\"kind\":\"removed-invisible\",\"count\":1}") != NULL,
          "report removed-invisible");
    CHECK(strstr(json, "\"changed\":true") != NULL, "report changed");
    if (js_clean_json != NULL) {
      CHECK(strcmp(json, js_clean_json) == 0, "clean result JSON identical to the wasm module's");
    }
  }
  fg_string_free(value);
  fg_string_free(json);

  /* Explicit length: an embedded NUL is a control character and removed. */
  st = fg_clean("a\0b", 3, NULL, &value, &len, NULL);
  CHECK(st == FG_OK && len == 2 && memcmp(value, "ab", 3) == 0, "clean removes an embedded NUL");
  fg_string_free(value);

  /* A preset from the options JSON. */
  st = fg_clean(" Ana_Maria ", FG_NUL_TERMINATED, "{\"lowercase\":true}", &value, NULL, NULL);
  CHECK(st == FG_OK && strcmp(value, "ana_maria") == 0, "clean with options");
  fg_string_free(value);

  /* Errors. value is reset to NULL on failure. */
  value = (char *)"stale";
  st = fg_clean("x", FG_NUL_TERMINATED, "{\"normalise\":\"nfc\"}", &value, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "misspelt option");
  CHECK(value == NULL, "out-pointer reset to NULL on failure");
  CHECK(strstr(fg_last_error_message(), "normalise") != NULL, "message names the unknown option");

  st = fg_clean("ab\xFF" "cd", FG_NUL_TERMINATED, NULL, &value, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", "ab", "invalid UTF-8");
  CHECK(strstr(fg_last_error_message(), "byte 2") != NULL, "message gives the byte offset");

  /* A UTF-16 surrogate encoded as bytes (CESU-8) is not UTF-8 either. */
  st = fg_clean("\xED\xA0\x80", FG_NUL_TERMINATED, NULL, &value, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "encoded lone surrogate");

  st = fg_clean("secret1", FG_NUL_TERMINATED,
                "{\"allow\":[\"ascii-letters\"],\"disallowed\":\"reject\"}", &value, NULL, NULL);
  expect_error(st, FG_VALUE_INVALID, "VALUE_INVALID", "secret1", "disallowed character rejected");

  st = fg_clean("hello", FG_NUL_TERMINATED, "{\"maxInputBytes\":3}", &value, NULL, NULL);
  expect_error(st, FG_INPUT_TOO_LARGE, "INPUT_TOO_LARGE", "hello", "input too large");

  st = fg_clean(NULL, 5, NULL, &value, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL input with a length");
  st = fg_clean(NULL, 0, NULL, &value, NULL, NULL);
  CHECK(st == FG_OK && value != NULL && value[0] == '\0', "NULL with length 0 is the empty text");
  CHECK(strcmp(fg_last_error_code(), "OK") == 0, "success clears the last error");
  fg_string_free(value);
  st = fg_clean("x", 1, NULL, NULL, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL out-pointer");
}

static void test_scan(void) {
  char *json = NULL;
  /* The email spans bytes 5..20 of "mail bob@example.com". */
  int st = fg_scan_pii("mail bob@example.com", FG_NUL_TERMINATED, NULL, &json);
  CHECK(st == FG_OK && strcmp(json, "[{\"entityType\":\"EMAIL_ADDRESS\",\"start\":5,\"end\":20,"
                                    "\"score\":100,\"recognizer\":\"email.pattern\"}]") == 0,
        "scan finds an email with byte offsets");
  fg_string_free(json);

  /* UTF-8 byte offsets: "\xC3\xA9 " is 3 bytes, so the card starts at 3;
   * 4111 1111 1111 1111 passes Luhn (the standard test Visa number). */
  st = fg_scan_pii("\xC3\xA9 4111 1111 1111 1111", FG_NUL_TERMINATED, NULL, &json);
  CHECK(st == FG_OK && strstr(json, "\"entityType\":\"CREDIT_CARD\",\"start\":3,\"end\":22") != NULL,
        "scan offsets are UTF-8 bytes");
  fg_string_free(json);

  /* 4111 1111 1111 1112 fails Luhn: not a card. */
  st = fg_scan_pii("4111 1111 1111 1112", FG_NUL_TERMINATED, "{\"entities\":[\"CREDIT_CARD\"]}", &json);
  CHECK(st == FG_OK && strcmp(json, "[]") == 0, "scan checks Luhn");
  fg_string_free(json);

  st = fg_scan_pii("mail bob@example.com", FG_NUL_TERMINATED, "{\"maxInputBytes\":4}", &json);
  expect_error(st, FG_INPUT_TOO_LARGE, "INPUT_TOO_LARGE", "bob@", "scan over maxInputBytes");
  CHECK(json == NULL, "no result on failure");
  st = fg_scan_pii("x", FG_NUL_TERMINATED, "{\"minScore\":101}", &json);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "minScore over 100");
  st = fg_scan_pii("x", FG_NUL_TERMINATED, "[1]", &json);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "options not an object");
}

static void test_anonymize(const fg_keyring *keyring, const char *js_anonymized) {
  char *text = NULL, *items = NULL;
  size_t len = 0;
  int st = fg_anonymize_text(NULL, "mail bob@example.com, card 4111 1111 1111 1111",
                             FG_NUL_TERMINATED, NULL, &text, &len, &items);
  CHECK(st == FG_OK && strcmp(text, "mail <EMAIL_ADDRESS>, card <CREDIT_CARD>") == 0,
        "anonymize: default replace");
  CHECK(st == FG_OK && len == strlen("mail <EMAIL_ADDRESS>, card <CREDIT_CARD>"), "anonymize length");
  /* "<EMAIL_ADDRESS>" occupies bytes 5..20 of the output. */
  CHECK(st == FG_OK && strstr(items, "{\"entityType\":\"EMAIL_ADDRESS\",\"start\":5,\"end\":20,"
                                     "\"operator\":\"replace\",\"fallback\":false}") != NULL,
        "anonymize items locate the replacement");
  fg_string_free(text);
  fg_string_free(items);

  const char *cross = "Ana: ana@example.org, 4111-1111-1111-1111, +1 202-555-0147";
  st = fg_anonymize_text(NULL, cross, FG_NUL_TERMINATED,
                         "{\"operators\":{\"CREDIT_CARD\":{\"op\":\"mask\",\"keepLast\":4}}}", &text,
                         NULL, NULL);
  CHECK(st == FG_OK && strstr(text, "****-****-****-1111") != NULL, "anonymize: mask keeps last 4");
  if (st == FG_OK && js_anonymized != NULL) {
    CHECK(strcmp(text, js_anonymized) == 0, "anonymized text identical to the wasm module's");
  }
  fg_string_free(text);

  /* Pseudonyms need keys: refused without a keyring, deterministic with one. */
  const char *pseudo = "{\"operators\":{\"EMAIL_ADDRESS\":{\"op\":\"pseudonymize\"}}}";
  st = fg_anonymize_text(NULL, "no pii", FG_NUL_TERMINATED, pseudo, &text, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "pseudonymize without keyring");
  char *again = NULL;
  st = fg_anonymize_text(keyring, "write to ana@example.org", FG_NUL_TERMINATED, pseudo, &text,
                         NULL, NULL);
  int st2 = fg_anonymize_text(keyring, "write to ana@example.org", FG_NUL_TERMINATED, pseudo,
                              &again, NULL, NULL);
  CHECK(st == FG_OK && st2 == FG_OK, "pseudonymize with keyring");
  if (st == FG_OK && st2 == FG_OK) {
    CHECK(strstr(text, "ana@") == NULL, "pseudonym hides the local part");
    CHECK(strlen(text) > 12 && strcmp(text + strlen(text) - 12, "@example.org") == 0,
          "pseudonym keeps the domain");
    CHECK(strcmp(text, again) == 0, "pseudonyms are deterministic");
  }
  fg_string_free(text);
  fg_string_free(again);

  /* Encrypt operator with a context from the options: the token decrypts
   * with fg_decrypt and that context. (Not 078-05-1120: that SSN is the
   * famous published specimen, which the recognizer deliberately skips.) */
  st = fg_anonymize_text(keyring, "ssn 536-22-8731", FG_NUL_TERMINATED,
                         "{\"defaultOperator\":{\"op\":\"encrypt\"},\"context\":\"notes.text\"}", &text,
                         NULL, NULL);
  CHECK(st == FG_OK && strncmp(text, "ssn fg.", 7) == 0, "encrypt operator gives a token");
  if (st == FG_OK) {
    char *plain = NULL;
    st = fg_decrypt(keyring, text + 4, FG_NUL_TERMINATED, "notes.text", FG_NUL_TERMINATED, &plain,
                    NULL);
    CHECK(st == FG_OK && strcmp(plain, "536-22-8731") == 0, "the operator's token decrypts");
    fg_string_free(plain);
  }
  fg_string_free(text);

  st = fg_anonymize_text(NULL, "x", FG_NUL_TERMINATED, "{\"operatorz\":{}}", &text, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "unknown anonymize option");
  st = fg_anonymize_text(NULL, "x", FG_NUL_TERMINATED, "{\"context\":5}", &text, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "context not a string");
  st = fg_anonymize_text(NULL, "x", FG_NUL_TERMINATED,
                         "{\"defaultOperator\":{\"op\":\"hash\",\"length\":99}}", &text, NULL, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "bad operator option");
}

static void test_keyring_errors(void) {
  fg_keyring *k = (fg_keyring *)&checks; /* stale value: must be reset */
  int st = fg_keyring_from_json("{\"version\":1,\"keys\":[]}", FG_NUL_TERMINATED, &k);
  expect_error(st, FG_KEYRING_NO_PRIMARY, "KEYRING_NO_PRIMARY", NULL, "keyring without keys");
  CHECK(k == NULL, "keyring out-pointer reset on failure");

  const char *bad_json = "{\"version\":1,\"keys\":[{\"id\":1,\"status\":\"primary\",\"material\":"
                         "\"SECRETSECRETSECRET\",\"extra\":true}]}";
  st = fg_keyring_from_json(bad_json, FG_NUL_TERMINATED, &k);
  expect_error(st, FG_KEYRING_INVALID, "KEYRING_INVALID", "SECRETSECRET", "unknown keyring field");

  const char *short_key = "{\"version\":1,\"keys\":[{\"id\":1,\"status\":\"primary\",\"material\":"
                          "\"AAECAwQFBgcICQoLDA0ODw==\"}]}";
  st = fg_keyring_from_json(short_key, FG_NUL_TERMINATED, &k);
  expect_error(st, FG_KEY_INVALID_LENGTH, "KEY_INVALID_LENGTH", "AAECAw", "16-byte key");

  st = fg_keyring_from_json("{not json", FG_NUL_TERMINATED, &k);
  expect_error(st, FG_KEYRING_INVALID, "KEYRING_INVALID", "not json", "keyring syntax error");
  st = fg_keyring_from_json("{}", FG_NUL_TERMINATED, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL keyring_out");
}

static void test_crypto(const fg_keyring *keyring, const char *wasm_token) {
  CHECK(fg_keyring_primary_id(keyring) == 7, "fixed keyring's primary is key 7");
  char *token = NULL, *plain = NULL;
  size_t len = 0;
  /* Round trip with a context holding a NUL. */
  int st = fg_encrypt(keyring, "alice@example.com", FG_NUL_TERMINATED, WASM_CONTEXT,
                      WASM_CONTEXT_LEN, &token);
  CHECK(st == FG_OK && strncmp(token, "fg.", 3) == 0, "encrypt gives a text token");
  if (st != FG_OK) return;
  st = fg_decrypt(keyring, token, FG_NUL_TERMINATED, WASM_CONTEXT, WASM_CONTEXT_LEN, &plain, &len);
  CHECK(st == FG_OK && len == 17 && strcmp(plain, "alice@example.com") == 0, "decrypt round trip");
  fg_string_free(plain);

  /* The context is bound: the part after the NUL counts. */
  plain = (char *)"stale";
  st = fg_decrypt(keyring, token, FG_NUL_TERMINATED, "payments.card\0order-8", WASM_CONTEXT_LEN,
                  &plain, NULL);
  expect_error(st, FG_DECRYPT_FAILED, "DECRYPT_FAILED", "alice", "other record's context");
  CHECK(plain == NULL, "plaintext out-pointer reset on failure");
  st = fg_decrypt(keyring, token, FG_NUL_TERMINATED, "payments.card", FG_NUL_TERMINATED, &plain, NULL);
  expect_error(st, FG_DECRYPT_FAILED, "DECRYPT_FAILED", NULL, "context without record ID");

  /* Tampering: change one base64url character in the body. */
  size_t n = strlen(token);
  char *tampered = malloc(n + 1);
  memcpy(tampered, token, n + 1);
  tampered[n - 5] = tampered[n - 5] == 'A' ? 'B' : 'A';
  st = fg_decrypt(keyring, tampered, n, WASM_CONTEXT, WASM_CONTEXT_LEN, &plain, NULL);
  expect_error(st, FG_DECRYPT_FAILED, "DECRYPT_FAILED", NULL, "tampered token");
  free(tampered);
  fg_string_free(token);

  st = fg_decrypt(keyring, "not-a-token", FG_NUL_TERMINATED, NULL, 0, &plain, NULL);
  expect_error(st, FG_TOKEN_MALFORMED, "TOKEN_MALFORMED", "not-a-token", "malformed token");
  st = fg_decrypt(keyring, "fg.\xFF", FG_NUL_TERMINATED, NULL, 0, &plain, NULL);
  expect_error(st, FG_TOKEN_MALFORMED, "TOKEN_MALFORMED", NULL, "non-UTF-8 token");
  st = fg_decrypt(keyring, NULL, 4, NULL, 0, &plain, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL token");
  st = fg_decrypt(NULL, "fg.AA", FG_NUL_TERMINATED, NULL, 0, &plain, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL keyring");
  st = fg_encrypt(keyring, "x", 1, NULL, 3, &token);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL context with a length");

  /* Binary plaintext with NUL bytes and an empty context. */
  const char bin[] = {'\0', '\x01', '\xFF', '\0', 'z'};
  st = fg_encrypt(keyring, bin, sizeof bin, NULL, 0, &token);
  CHECK(st == FG_OK, "encrypt bytes");
  if (st == FG_OK) {
    st = fg_decrypt(keyring, token, FG_NUL_TERMINATED, "", 0, &plain, &len);
    CHECK(st == FG_OK && len == sizeof bin && memcmp(plain, bin, sizeof bin) == 0 &&
              plain[len] == '\0',
          "bytes round trip with NULs, NUL-terminated buffer");
    fg_string_free(plain);
  }
  fg_string_free(token);

  /* A generated keyring: its tokens name its own key ID, unknown to the
   * fixed keyring (IDs are random 32-bit; 7 or 3 would be a 2^-31 event). */
  fg_keyring *fresh = NULL;
  st = fg_keyring_generate(&fresh);
  CHECK(st == FG_OK && fg_keyring_primary_id(fresh) != 0, "generate a keyring");
  if (st == FG_OK) {
    st = fg_encrypt(fresh, "x", 1, "c", 1, &token);
    CHECK(st == FG_OK, "encrypt with a generated keyring");
    st = fg_decrypt(keyring, token, FG_NUL_TERMINATED, "c", 1, &plain, NULL);
    expect_error(st, FG_KEY_UNKNOWN_ID, "KEY_UNKNOWN_ID", NULL, "token of another keyring");
    fg_string_free(token);
    fg_keyring_free(fresh);
  }

  if (wasm_token != NULL) {
    /* Made by the wasm module (wasm-token.cjs) with the same keyring JSON
     * and context: the C build must decrypt it. */
    st = fg_decrypt(keyring, wasm_token, FG_NUL_TERMINATED, WASM_CONTEXT, WASM_CONTEXT_LEN, &plain,
                    &len);
    CHECK(st == FG_OK && strcmp(plain, "4111 1111 1111 1111") == 0 && len == 19,
          "decrypt the token made by the wasm module");
    fg_string_free(plain);
    st = fg_decrypt(keyring, wasm_token, FG_NUL_TERMINATED, "payments.card", FG_NUL_TERMINATED,
                    &plain, NULL);
    expect_error(st, FG_DECRYPT_FAILED, "DECRYPT_FAILED", "4111", "wasm token, wrong context");
  }
}

static void test_policy(const fg_keyring *keyring) {
  /* ssn: encrypted, bound to "user.ssn" + NUL + the record ID (recordId);
   * note: cleaned, then scanned (pii section) with cards masked. */
  const char *policy_json =
      "{\"version\":1,\"recordId\":\"id\",\"fields\":{"
      "\"user.ssn\":{\"anonymize\":{\"op\":\"encrypt\"}},"
      "\"user.age\":{\"validate\":{\"type\":\"integer\",\"min\":0,\"max\":150}},"
      "\"note\":{\"clean\":{}}},"
      "\"pii\":{\"operators\":{\"CREDIT_CARD\":{\"op\":\"mask\",\"keepLast\":4}}}}";
  fg_policy *policy = NULL;
  int st = fg_policy_from_json(policy_json, FG_NUL_TERMINATED, &policy);
  CHECK(st == FG_OK, "parse policy");
  if (st != FG_OK) return;

  const char *record = "{\"id\":\"cus_1001\",\"user\":{\"ssn\":\"078-05-1120\",\"age\":41},"
                       "\"note\":\" card 4111-1111-1111-1111\xE2\x80\x8B \"}";
  char *out = NULL, *report = NULL;
  st = fg_policy_apply(policy, NULL, record, FG_NUL_TERMINATED, &out, &report);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", "078-05", "encrypt policy, no keyring");

  st = fg_policy_apply(policy, keyring, record, FG_NUL_TERMINATED, &out, &report);
  CHECK(st == FG_OK, "apply policy");
  if (st == FG_OK) {
    CHECK(strstr(out, "078-05-1120") == NULL, "ssn is not stored in clear");
    CHECK(strstr(out, "\"note\":\"card ****-****-****-1111\"") != NULL, "note cleaned and masked");
    CHECK(strstr(out, "\"age\":41") != NULL, "valid age kept");
    CHECK(strstr(report, "removed-invisible") != NULL, "report lists the clean changes");
    CHECK(strstr(report, "4111") == NULL, "report holds no values");
    const char *at = strstr(out, "\"ssn\":\"fg.");
    CHECK(at != NULL, "ssn is a token");
    if (at != NULL) {
      const char *tok = at + 7, *end = strchr(tok, '"');
      char *plain = NULL;
      static const char ctx[] = "user.ssn\0cus_1001";
      st = fg_decrypt(keyring, tok, (size_t)(end - tok), ctx, sizeof ctx - 1, &plain, NULL);
      CHECK(st == FG_OK && strcmp(plain, "078-05-1120") == 0,
            "policy token decrypts with field path + NUL + record ID");
      fg_string_free(plain);
    }
  }
  fg_string_free(out);
  fg_string_free(report);

  st = fg_policy_apply(policy, keyring, "{\"id\":\"1\",\"user\":{\"age\":200}}", FG_NUL_TERMINATED,
                       &out, NULL);
  expect_error(st, FG_VALUE_INVALID, "VALUE_INVALID", "200", "reject rule");
  CHECK(strstr(fg_last_error_message(), "user.age") != NULL, "message names the field");
  st = fg_policy_apply(policy, keyring, "{\"id\": \"secret-id\", oops}", FG_NUL_TERMINATED, &out,
                       NULL);
  expect_error(st, FG_RECORD_INVALID, "RECORD_INVALID", "secret-id", "record JSON syntax");
  CHECK(out == NULL, "no record on failure");
  st = fg_policy_apply(NULL, keyring, "{}", FG_NUL_TERMINATED, &out, NULL);
  expect_error(st, FG_INVALID_ARGUMENT, "INVALID_ARGUMENT", NULL, "NULL policy");
  fg_policy_free(policy);

  fg_policy *bad = NULL;
  st = fg_policy_from_json("{\"version\":1,\"fields\":{\"a\":{\"clen\":{}}}}", FG_NUL_TERMINATED, &bad);
  expect_error(st, FG_POLICY_INVALID, "POLICY_INVALID", NULL, "misspelt rule key");
  CHECK(bad == NULL, "no policy on failure");
}

/* Threads share one keyring handle; each sees only its own last error. */
struct job {
  const fg_keyring *keyring;
  int id, ok;
};

static void *worker(void *arg) {
  struct job *job = arg;
  /* Odd threads provoke DECRYPT_FAILED, even ones TOKEN_MALFORMED, and
   * check right away that their last error is their own. */
  const char *want = job->id % 2 ? "DECRYPT_FAILED" : "TOKEN_MALFORMED";
  char context[32], value[32];
  for (int i = 0; i < 40; i++) {
    char *token = NULL, *plain = NULL;
    snprintf(context, sizeof context, "t%d.%d", job->id, i);
    snprintf(value, sizeof value, "value %d/%d", job->id, i);
    if (fg_encrypt(job->keyring, value, FG_NUL_TERMINATED, context, strlen(context), &token) != FG_OK ||
        fg_decrypt(job->keyring, token, FG_NUL_TERMINATED, context, strlen(context), &plain, NULL) !=
            FG_OK ||
        strcmp(plain, value) != 0)
      job->ok = 0;
    fg_string_free(plain);
    plain = NULL;
    const char *bad = job->id % 2 ? token : "fg.!";
    fg_decrypt(job->keyring, bad, FG_NUL_TERMINATED, "elsewhere", FG_NUL_TERMINATED, &plain, NULL);
    if (plain != NULL || strcmp(fg_last_error_code(), want) != 0) job->ok = 0;
    fg_string_free(token);
  }
  return NULL;
}

static void test_threads(const fg_keyring *keyring) {
  enum { N = 4 };
  pthread_t threads[N];
  struct job jobs[N];
  for (int i = 0; i < N; i++) {
    jobs[i].keyring = keyring;
    jobs[i].id = i;
    jobs[i].ok = 1;
    CHECK(pthread_create(&threads[i], NULL, worker, &jobs[i]) == 0, "start a thread");
  }
  for (int i = 0; i < N; i++) {
    pthread_join(threads[i], NULL);
    CHECK(jobs[i].ok, "thread: shared keyring round trips, per-thread last error");
  }
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 5) {
    fprintf(stderr, "usage: %s KEYRING_JSON [WASM_TOKEN JS_CLEAN_JSON JS_ANONYMIZED]\n", argv[0]);
    return 2;
  }
  const char *wasm_token = argc == 5 ? argv[2] : NULL;
  char *keyring_json = read_file(argv[1]);
  if (keyring_json == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  fg_keyring *keyring = NULL;
  int st = fg_keyring_from_json(keyring_json, FG_NUL_TERMINATED, &keyring);
  /* The JSON holds key material: wipe our copy once parsed. */
  memset(keyring_json, 0, strlen(keyring_json));
  free(keyring_json);
  CHECK(st == FG_OK, "load the fixed keyring");
  if (st != FG_OK) return 1;

  test_basics();
  test_clean(argc == 5 ? argv[3] : NULL);
  test_scan();
  test_anonymize(keyring, argc == 5 ? argv[4] : NULL);
  test_keyring_errors();
  test_crypto(keyring, wasm_token);
  test_policy(keyring);
  test_threads(keyring);
  fg_keyring_free(keyring);

  printf("fieldguard %s C API: %d checks, %d failed%s\n", fg_version(), checks, failures,
         wasm_token ? " (including the wasm-made token)" : " (no wasm token given)");
  return failures == 0 ? 0 : 1;
}
