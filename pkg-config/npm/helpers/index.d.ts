import type { JsonValue, Keyring, PolicyReport, AnonymizeTextOptions } from '../web/fieldguard.js';

/** One rejected value: the rule's field path, a stable reason code and a message. Never the value. */
export interface BodyError {
  /** The policy's field path (e.g. "user.email", "items[*].qty"); null when the body as a whole was refused. */
  field: string | null;
  /** The violation's reason, e.g. "EMAIL_MISSING_AT", "REQUIRED", "INJECTION"; for the whole body "BODY_NOT_OBJECT" or an error code such as "INPUT_TOO_LARGE". */
  reason: string;
  message: string;
}

export type BodyResult =
  | { ok: true; value: JsonValue; report: PolicyReport }
  | { ok: false; status: 400; errors: BodyError[] };

export interface BodyValidatorOptions {
  /** Needed when the policy uses hash, pseudonymize, encrypt or date-shift. */
  keyring?: Keyring | null;
}

/** A body checker; call `free()` when the policy is no longer needed. */
export interface BodyValidator {
  (body: JsonValue): BodyResult;
  free(): void;
}

/** Compile a policy document (the same file the browser applies) into a body checker. */
export function bodyValidator(policy: string | object, options?: BodyValidatorOptions): BodyValidator;
/** One-shot `bodyValidator(policy, options)(body)`. */
export function validateBody(policy: string | object, body: JsonValue, options?: BodyValidatorOptions): BodyResult;

/** `anonymizeText` options; `defaultOperator` defaults to `{ op: "replace" }` (tags like "<EMAIL_ADDRESS>"). */
export interface RedactOptions extends AnonymizeTextOptions {
  /** For operators that need keys (hash, pseudonymize, encrypt, date-shift). Default none. */
  keyring?: Keyring | null;
}
/** PII in a string replaced by type tags; "[REDACTED]" if the string cannot be scanned. */
export function redactText(text: string, options?: RedactOptions): string;
/** Non-strings pass through unchanged. */
export function redactText<T>(text: T, options?: RedactOptions): T extends string ? string : T;

/**
 * What `redact` returns for a value of type `T`: every string a string
 * (redacted), an Error a plain `{ type, message, stack?, code? }`, bytes
 * "[Binary]", arrays and plain objects mapped (own enumerable string keys).
 * Not expressed in the type: a cycle becomes "[Circular]", nesting past 32
 * levels "[Truncated]", a throwing getter "[Unreadable]".
 */
export type Redacted<T> =
  T extends string ? string
  : T extends Error ? { type: string; message: string; stack?: string; code?: unknown }
  : T extends Date ? T
  : T extends ArrayBuffer | ArrayBufferView ? '[Binary]'
  : T extends (...args: never[]) => unknown ? T
  : T extends readonly unknown[] ? { [K in keyof T]: Redacted<T[K]> }
  : T extends object ? { [K in keyof T as K extends string ? K : never]: Redacted<T[K]> }
  : T;
/** A copy with PII redacted in every string at any depth (keys kept; see `Redacted`). */
export function redact<T>(value: T, options?: RedactOptions): Redacted<T>;
/** `pino({ ...pinoRedaction() })`: formatters.log and hooks.logMethod that redact. */
export function pinoRedaction(options?: RedactOptions): {
  formatters: { log(obj: Record<string, unknown>): Record<string, unknown> };
  hooks: { logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void };
};

/** The helpers bound to a fieldguard module of your choice (e.g. the `fieldguard/html` entry). */
export function createHelpers(fg: object): {
  bodyValidator: typeof bodyValidator;
  validateBody: typeof validateBody;
  redactText: typeof redactText;
  redact: typeof redact;
  pinoRedaction: typeof pinoRedaction;
};
