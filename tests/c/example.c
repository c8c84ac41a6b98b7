/* The README's C example (tests/c/run.sh compiles and runs it as written):
 *   bash .ci/install-c.sh "$HOME/.local"
 *   export PKG_CONFIG_PATH=$HOME/.local/lib/pkgconfig
 *   cc example.c $(pkg-config --cflags --libs fieldguard) -o example
 *   LD_LIBRARY_PATH=$HOME/.local/lib ./example "$(cat keyring.json)"
 */
#include <fieldguard.h>
#include <stdio.h>
#include <string.h>

static int fail(const char *what) {
  /* Messages never contain the values, keys or plaintexts: safe to log. */
  fprintf(stderr, "%s: %s: %s\n", what, fg_last_error_code(), fg_last_error_message());
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  fg_keyring *keyring = NULL;
  if (fg_keyring_from_json(argv[1], FG_NUL_TERMINATED, &keyring) != FG_OK) return fail("keyring");

  /* Clean untrusted text: the bidi override (U+202E) and zero-width space go. */
  char *name = NULL;
  if (fg_clean(" Ad\xE2\x80\xAEmin\xE2\x80\x8B ", FG_NUL_TERMINATED, NULL, &name, NULL, NULL) != FG_OK)
    return fail("clean");
  printf("clean: %s\n", name); /* clean: Admin */
  fg_string_free(name);

  /* Mask PII in free text. */
  char *text = NULL;
  if (fg_anonymize_text(NULL, "mail ana@example.org, card 4111 1111 1111 1111", FG_NUL_TERMINATED,
                        "{\"operators\":{\"CREDIT_CARD\":{\"op\":\"mask\",\"keepLast\":4}}}", &text,
                        NULL, NULL) != FG_OK)
    return fail("anonymize");
  printf("anonymized: %s\n", text); /* mail <EMAIL_ADDRESS>, card **** **** **** 1111 */
  fg_string_free(text);

  /* Encrypt a field, bound to where it lives: field path, NUL, record ID. */
  static const char context[] = "users.email\0cus_1001";
  char *token = NULL, *plain = NULL;
  if (fg_encrypt(keyring, "alice@example.com", FG_NUL_TERMINATED, context, sizeof context - 1,
                 &token) != FG_OK)
    return fail("encrypt");
  if (fg_decrypt(keyring, token, FG_NUL_TERMINATED, context, sizeof context - 1, &plain, NULL) != FG_OK)
    return fail("decrypt");
  printf("token: %.3s… decrypts to %s\n", token, plain); /* token: fg.… decrypts to alice@example.com */
  /* In another record the same token does not decrypt. */
  char *moved = NULL;
  int status = fg_decrypt(keyring, token, FG_NUL_TERMINATED, "users.email\0cus_1002",
                          sizeof context - 1, &moved, NULL);
  printf("moved: %s\n", fg_status_code(status)); /* moved: DECRYPT_FAILED */

  fg_string_free(token);
  fg_string_free(plain);
  fg_keyring_free(keyring);
  return 0;
}
