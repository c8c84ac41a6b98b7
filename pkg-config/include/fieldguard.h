/*
 * fieldguard.h: the C API of fieldguard (Rust crate feature `ffi`).
 *
 * Hand-written and checked in; the implementation is src/ffi/ and the two
 * are kept in step (tests/c/fieldguard_test.c exercises every function).
 * Build and install: `bash .ci/install-c.sh PREFIX`, then compile with
 *     cc app.c $(pkg-config --cflags --libs fieldguard)
 * (or `pkg-config --static ...` to link libfieldguard.a).
 *
 * CONVENTIONS
 *
 * Status. Every function that can fail returns an fg_status: FG_OK (0) or
 * an error. The error of the last call on the calling thread is also
 * available as a stable code string (fg_last_error_code(), e.g.
 * "DECRYPT_FAILED", the same codes as the Rust and JS APIs) and a message
 * (fg_last_error_message()). Messages say what is wrong and where (an
 * option name, a byte offset, a line and column), NEVER the input values,
 * plaintexts or keys, so they are safe to log.
 *
 * Inputs. Data arguments are a pointer plus a length in bytes, so they may
 * hold NUL bytes (contexts such as "users.email\0cus_1001" do). Pass
 * FG_NUL_TERMINATED as the length for a NUL-terminated string. A NULL
 * pointer is accepted only with length 0 (the empty input). Text must be
 * UTF-8 (else FG_INVALID_ARGUMENT with the byte offset). options_json
 * arguments are NUL-terminated JSON objects, or NULL for all defaults;
 * their keys and values are those of the JS API (camelCase, kebab-case
 * enum values; misspelt keys are FG_INVALID_ARGUMENT, never ignored).
 * fieldguard never keeps or modifies an input pointer after it returns.
 *
 * OWNERSHIP
 *
 * - Strings returned through `char **` out-parameters are new buffers
 *   owned by the caller: free each one exactly once with fg_string_free()
 *   (NOT free(): they come from Rust's allocator). They are always
 *   NUL-terminated; where an `size_t *..._len_out` is offered (values that
 *   may contain NUL bytes, such as decrypted plaintext) it receives the
 *   length without the terminating NUL, and may be NULL.
 *   fg_string_free() zeroizes the buffer before releasing it.
 * - On any failure every `char **` / handle out-parameter is set to NULL,
 *   so "free whatever is non-NULL" is always correct. Optional out-pointers
 *   (documented as "may be NULL") are simply not written when NULL.
 * - fg_keyring and fg_policy are opaque handles created by *_from_json /
 *   fg_keyring_generate and owned by the caller: release each with
 *   fg_keyring_free() / fg_policy_free() exactly once. Freeing a keyring
 *   zeroizes its keys. Both free functions accept NULL.
 * - Strings returned as `const char *` (fg_version, fg_status_code,
 *   fg_last_error_code) are static; fg_last_error_message() points into
 *   thread-local storage valid until the next fieldguard call on the same
 *   thread. Never free any of them.
 *
 * THREADS. Handles are immutable after creation: a keyring or policy may be
 * used from several threads at once. Last-error state is per thread.
 *
 * PANICS. No Rust panic ever unwinds into C: each entry point catches it
 * and returns FG_INTERNAL ("INTERNAL"), which is a bug in fieldguard, not
 * in the caller's input. (Out of memory aborts the process, as in Rust.)
 */
#ifndef FIELDGUARD_H
#define FIELDGUARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The length value meaning "the pointer is a NUL-terminated string". */
#define FG_NUL_TERMINATED ((size_t)-1)

/* Status codes. The numbers are ABI and never change; new ones may be
 * added, so handle unknown values (fg_status_code() names them). */
typedef enum fg_status {
  FG_OK = 0,
  FG_DECRYPT_FAILED = 1,           /* wrong key, wrong context or modified token (one code for all) */
  FG_TOKEN_MALFORMED = 2,          /* not a fieldguard token */
  FG_TOKEN_UNKNOWN_VERSION = 3,
  FG_KEY_UNKNOWN_ID = 4,           /* the token's key is not in the keyring */
  FG_KEY_DISABLED = 5,
  FG_KEY_INVALID_LENGTH = 6,
  FG_KEY_INVALID_ENCODING = 7,
  FG_KEYRING_INVALID = 8,          /* keyring JSON malformed or not the schema */
  FG_KEYRING_NO_PRIMARY = 9,
  FG_KEYRING_MULTIPLE_PRIMARY = 10,
  FG_KEYRING_DUPLICATE_KEY_ID = 11,
  FG_KEYRING_SOURCE = 12,
  FG_INVALID_ARGUMENT = 13,        /* NULL pointer, bad UTF-8, bad options */
  FG_RANDOM_UNAVAILABLE = 14,
  FG_FIELD_PATH_INVALID = 15,
  FG_FIELD_TYPE = 16,
  FG_RECORD_INVALID = 17,          /* record JSON does not parse */
  FG_IO = 18,
  FG_VALUE_INVALID = 19,           /* a rule with action "reject" refused the value */
  FG_POLICY_INVALID = 20,
  FG_INPUT_TOO_LARGE = 21,         /* over maxInputBytes */
  FG_INTERNAL = 100                /* a caught panic: a fieldguard bug */
} fg_status;

/* A keyring: master keys with IDs, one primary. Opaque. */
typedef struct fg_keyring fg_keyring;
/* A parsed policy (field rules + PII scan). Opaque. */
typedef struct fg_policy fg_policy;

/* ---- Errors and memory ------------------------------------------------ */

/* Code of the calling thread's last error, e.g. "DECRYPT_FAILED"; "OK" if
 * the last call succeeded. Static. */
const char *fg_last_error_code(void);
/* Message of the calling thread's last error ("" after a success). Valid
 * until the next fieldguard call on this thread. Never contains values. */
const char *fg_last_error_message(void);
/* Code string of a status ("OK", "DECRYPT_FAILED", ..., "UNKNOWN"). Static. */
const char *fg_status_code(int status);
/* Free (after zeroizing) a string fieldguard returned. NULL is a no-op. */
void fg_string_free(char *s);
/* The library version, e.g. "0.1.0". Static. */
const char *fg_version(void);

/* ---- Sanitize --------------------------------------------------------- */

/* Canonicalize and clean untrusted text (remove bidi controls, zero-width
 * characters, controls; normalize; presets such as "username").
 * options_json: CleanOptions, e.g. {"preset":"username"}; NULL = defaults.
 * *value_out: the cleaned text (free it). value_len_out: may be NULL.
 * result_json_out: may be NULL; else the full result as JSON,
 *   {"value":"…","changed":true,"changes":[{"kind":"removed-bidi","count":1}]}
 * Errors: FG_INVALID_ARGUMENT, FG_VALUE_INVALID (a "reject" option),
 * FG_INPUT_TOO_LARGE. */
fg_status fg_clean(const char *input, size_t input_len, const char *options_json,
                   char **value_out, size_t *value_len_out, char **result_json_out);

/* ---- PII -------------------------------------------------------------- */

/* Find personal data and secrets in free text. options_json: ScanPiiOptions
 * ({"entities":["EMAIL_ADDRESS"],"minScore":50}); NULL = defaults.
 * *findings_json_out: a JSON array of
 *   {"entityType":"EMAIL_ADDRESS","start":5,"end":20,"score":100,"recognizer":"email.pattern"}
 * with start/end as UTF-8 BYTE offsets into text (JS gives UTF-16 ones). */
fg_status fg_scan_pii(const char *text, size_t text_len, const char *options_json,
                      char **findings_json_out);

/* Find PII and replace each finding with its type's operator (replace,
 * mask, redact, hash, pseudonymize, encrypt, ...). keyring: may be NULL
 * unless an operator needs keys (then FG_INVALID_ARGUMENT).
 * options_json: AnonymizeTextOptions as in JS: "scan", "operators",
 *   "defaultOperator", and "context" / "subject" (strings); NULL = defaults
 *   (every finding becomes "<ENTITY_TYPE>").
 * *text_out: the anonymized text; text_len_out may be NULL.
 * items_json_out: may be NULL; else a JSON array of
 *   {"entityType","start","end","operator","fallback"} locating each
 *   replacement in the OUTPUT text (UTF-8 byte offsets). */
fg_status fg_anonymize_text(const fg_keyring *keyring, const char *text, size_t text_len,
                            const char *options_json, char **text_out, size_t *text_len_out,
                            char **items_json_out);

/* ---- Keyrings and tokens ---------------------------------------------- */

/* Parse keyring JSON (src/spec/keyring.md) into a new handle (free it with
 * fg_keyring_free). Errors: FG_KEYRING_*, FG_KEY_INVALID_*. Tip: the JSON
 * holds key material; wipe your copy after the call. */
fg_status fg_keyring_from_json(const char *json, size_t json_len, fg_keyring **keyring_out);
/* A new keyring with one fresh random primary key. */
fg_status fg_keyring_generate(fg_keyring **keyring_out);
/* Free a keyring and zeroize its keys. NULL is a no-op. */
void fg_keyring_free(fg_keyring *keyring);
/* The primary key's ID (IDs are >= 1; 0 means keyring was NULL). */
uint32_t fg_keyring_primary_id(const fg_keyring *keyring);

/* Encrypt plaintext (any bytes) under the primary key into a text token
 * "fg.…" (AES-256-GCM, random nonce) bound to context (any bytes, e.g.
 * "users.email\0cus_1001" with length 20): the token decrypts only with the
 * same context. Tokens are interchangeable with the Rust, JS and CLI APIs
 * (which return strings for UTF-8 plaintexts). *token_out: free it. */
fg_status fg_encrypt(const fg_keyring *keyring, const char *plaintext, size_t plaintext_len,
                     const char *context, size_t context_len, char **token_out);
/* Decrypt a text token (randomized or deterministic) made with the same
 * context. *plaintext_out: the plaintext bytes plus a NUL (free it);
 * plaintext_len_out: may be NULL. Errors: FG_DECRYPT_FAILED (wrong key,
 * wrong context or tampered, deliberately indistinguishable),
 * FG_TOKEN_MALFORMED, FG_KEY_UNKNOWN_ID, FG_KEY_DISABLED. */
fg_status fg_decrypt(const fg_keyring *keyring, const char *token, size_t token_len,
                     const char *context, size_t context_len, char **plaintext_out,
                     size_t *plaintext_len_out);

/* ---- Policies --------------------------------------------------------- */

/* Parse a policy document (the same file the CLI, Rust and JS use) into a
 * new handle (free it with fg_policy_free). Errors: FG_POLICY_INVALID. */
fg_status fg_policy_from_json(const char *json, size_t json_len, fg_policy **policy_out);
/* Free a policy. NULL is a no-op. */
void fg_policy_free(fg_policy *policy);
/* Apply the policy to one JSON record. keyring: may be NULL unless the
 * policy uses hash, pseudonymize, encrypt or date-shift.
 * *record_out: the new record as compact JSON (free it).
 * report_json_out: may be NULL; else the report (what changed, per field;
 *   never values). Errors: FG_RECORD_INVALID (line and column),
 *   FG_VALUE_INVALID (a "reject" rule; the message names field and reason),
 *   FG_INVALID_ARGUMENT (e.g. a keyring is needed), FG_FIELD_TYPE. */
fg_status fg_policy_apply(const fg_policy *policy, const fg_keyring *keyring,
                          const char *record_json, size_t record_json_len, char **record_out,
                          char **report_json_out);

#ifdef __cplusplus
}
#endif

#endif /* FIELDGUARD_H */
