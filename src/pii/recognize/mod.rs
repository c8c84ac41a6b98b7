//! Recognizers: find PII and secrets in free text.
//!
//! [`find`] (or a reusable [`Recognizer`]) returns [`Finding`]s: the entity
//! type, the UTF-8 byte span, an integer score `0..=100` and the stable id
//! of the recognizer that produced it. JS and other UTF-16 callers convert
//! the spans once with [`utf16_offsets`]; [`char_offsets`] gives code points.
//!
//! # One pass
//!
//! The recognizer walks the text once. At each byte it does a table lookup
//! and only at *token starts* (after a byte that is not an ASCII letter,
//! digit or `_`) or at `@` it runs the recognizers whose trigger matches
//! the first byte (digits, `+`, `(`, `@`, `http`/`ftp`/`www.`, a word and
//! `.` (bare domains), hex digits,
//! `0x`, `bc1`, base58 starts, `eyJ`, `A` for AWS prefixes, `-----BEGIN`,
//! secret keywords). Each recognizer then looks at a bounded neighbourhood
//! (at most a few hundred bytes; URLs at most 4096) and numeric runs are
//! consumed once, so the cost stays one pass plus a bounded amount of work
//! per candidate, however many recognizers are enabled. No regular
//! expressions; no recursion; every slice is taken at char boundaries.
//!
//! # Scores
//!
//! Each recognizer has a base score; a context word of the entity type
//! (multilingual, e.g. `card`/`Karte`/`carte`/`tarjeta` for cards) within
//! `contextWindow` chars before or after the candidate adds the bonus,
//! capped at 100. Findings below `minScore` (default 50) are dropped.
//! A word counts when any part of it is inside the window. Context words
//! are matched at a word start; words of at most 4 letters
//! (`tel`, `call`, `pan`, `né`) must also end there.
//!
//! The name of the field that holds the text is evidence too
//! ([`Recognizer::find_in_field`]): its words (`customerPhone` → `customer`,
//! `phone`; `telefono_cellulare`, `birth_date`, `card-number`) are matched
//! against the same lists by the same rules, and a type named there counts
//! as having a context word in the window of every candidate of the value.
//! So `6034423667` under `phone` is a phone number (30 + 20) and
//! `12.03.1985` under `dob` a date of birth. A field name only adds the
//! bonus: a value that fails a rule or checksum stays unmatched. The policy
//! PII pass, `fieldguard anonymize` and `fieldguard scan` on records pass
//! each value's own key (array positions skipped: `phones[*]` is `phones`).
//!
//! Where two recognizers read the same digits, a passed checksum outranks
//! an unvalidated layout of the same confidence (an NHS number written
//! 3-3-4, 60, over a NANP phone number, 55), and a context word overrides
//! both (`phone 943-476-5919` is a phone number, 75).
//!
//! | entity | recognizer id | base | context | rule |
//! |---|---|---|---|---|
//! | EMAIL_ADDRESS | `email.pattern` | 90 | +10 | local@domain.tld; TLD of letters or punycode (`xn--p1ai`); not an image name (`logo@2x.png`: density `Nx` + image extension), not a URL's userinfo (`https://user:pw@host`) |
//! | URL | `url.scheme` / `url.www` / `url.domain` | 70 / 60 / 50; 100 with a credential | +10 | `http(s)://`, `ftp://`, `www.` with a dotted host, an IP literal, `localhost` or a port (`http://microsoft` is not one); bare `name.tld` with a TLD from the `domain` module's list, lower case, not a file extension (`setup.py`); a secret-named query/fragment parameter (`?token=…`) or a userinfo password: 100 |
//! | PHONE_NUMBER | `phone.international` | 75 (valid) / 55 (possible length) / 50 (`+` left out) | +20 | `+CC`, `00CC` or `011 CC` (`+49(0) 30 …`: the trunk in parentheses is in the span): national number valid for one of CC's regions in libphonenumber's metadata (`phonemeta`, 6+ digits), or of a possible length there with an unlisted prefix (8+ digits); without `+`: a calling code as the first of 3+ blocks, 11+ digits, the rest valid for it (`91-415-555-0132`) |
//! | PHONE_NUMBER | `phone.nanp` | 70 (parens) / 55 (`-` `.`) / 45 (spaces) | +20 | `(415) 555-2671`, `415-555-2671`, `415 555 2671`, valid for +1 in the metadata |
//! | PHONE_NUMBER | `phone.national` | 55 (dialled) / 50 (parenthesized area code) / 45 (home) / 30 (any) | +20 | 5+ digits in ≥ 2 blocks or `(area)`, valid in some region (`phone` module docs): dialled = a region's trunk prefix (`0`; others as their own block: `8 (800) …`, `1-800-…`) or the `0` of a region without one (IT); home = as written in ES, IT, PL or the NANP; not a date, dotted quad, dotted thousands, `AAA-GG-SSSS`, `00…` |
//! | PHONE_NUMBER | `phone.digits` | 30 | +20 | 5–12 bare digits valid in some region (needs context) |
//! | PHONE_NUMBER | (all four) | | | an extension after the number (`x1276`, `ext. 12`, `#12`, `Durchwahl 12`, 1–6 digits) is part of the span; context words are looked for around the number |
//! | CREDIT_CARD | `credit_card.luhn` | 90 (known IIN and length) / 50 (15–19 digits otherwise) / 40 (13–14 digits without Visa/Diners IIN, e.g. ms timestamps; 12-digit Maestro) | +10 | 12–19 digits, Luhn, not all one digit, not the tail of a printed IBAN; one group or groups of ≥ 3 with one separator (` ` or `-`); a longer run split at spaces into cards when every group belongs to one (`4012888888881881 4012-8888-8888-1881`) |
//! | IBAN_CODE | `iban.mod97` | 95 | +5 | SWIFT registry country, length and BBAN structure (n/a/c per position), single space/hyphen/dot separators anywhere, mod 97, Spanish CCC; not inside a longer token; upper-case `a` fields unless all lower case |
//! | US_SSN | `us_ssn.formatted` | 85 (`-`) / 60 (space, `.`) / 45 (`AAA-GGSSSS`, `AAAGG-SSSS`) | +15 | AAA-GG-SSSS, one separator kind; never issued refused: area 000/666/9xx, group 00, serial 0000, one digit nine times, 078-05-1120, 219-09-9999, 123-45-6789 |
//! | US_SSN | `us_ssn.digits` | 40 | +15 | 9 bare digits (needs context), same ranges |
//! | IP_ADDRESS | `ip.v4` / `ip.v6` | 75 / 80 (`::` alone 50) | +10 | 4 octets without leading zeros, not 5+ dotted groups; `/0`–`/32` in the span, a port not / std parser, `%zone` and `/0`–`/128` in the span; not the tail of `word2001:db8::1` (`ip` module) |
//! | MAC_ADDRESS | `mac.address` | 80 | +10 | `:`/`-` pairs (one separator throughout), Cisco dotted; not broadcast `FF:FF:FF:FF:FF:FF` or null `00:00:00:00:00:00` |
//! | CRYPTO | `crypto.btc_base58` / `crypto.btc_bech32` | 95 | +5 | double-SHA256 / bech32(m) checksum |
//! | CRYPTO | `crypto.eth_eip55` / `crypto.eth` | 95 / 60 | +5 | `0x` + 40 hex; mixed case must pass EIP-55 |
//! | DATE_OF_BIRTH | `date_of_birth.context` | 80 | — | a date (`12.03.1985`, `1985-03-12`, `3/12/1985`, `14 March 1985`, `March 14, 1985`, `24 de junio de 2001`; month names in en/de/fr/es/it/nl/pl; a following time is not part of it) with a birth word in the window, no digit between |
//! | UK_NHS | `uk_nhs.mod11` | 50 / 60 (`3-3-4`) | +35 | 10 digits, mod 11; bare in the CHI range 010–311 only with a DDMM date or context |
//! | ES_NIF | `es_nif.dni` / `es_nif.nie` | 80 / 85; −20 in lower case, −20 for a 7-digit DNI | +15 | check letter (n mod 23); DNI 8 digits (or 7, leading zero left out), NIE X/Y/Z + 7 digits; optional `-` before the letter (and after X/Y/Z) |
//! | IT_FISCAL_CODE | `it_fiscal_code.check` | 95 | +5 | 16 chars, capitals: check char, omocodia |
//! | IT_FISCAL_CODE | `it_fiscal_code.numeric` | 50 | +5 | 11 digits, the code of companies (= partita IVA): office code, Luhn; digits that are also a valid PESEL or Steuer-ID only with context |
//! | PL_PESEL | `pl_pesel.checksum` | 50 | +35 | weights + valid date |
//! | DE_TAX_ID | `de_tax_id.mod11_10` | 50 (bare, `10 1`) / 60 (`2 3 3 3`) | +35 | ISO 7064 MOD 11,10; no leading 0; ELSTER repetition rule: exactly one digit twice or three times in the first ten, never three in a row (`checks::de_tax_id`) |
//! | FR_NIR | `fr_nir.key` | 75 | +20 | 97 − n mod 97, Corsica 2A/2B |
//! | NL_BSN | `nl_bsn.eleven_test` | 50 | +35 | 9 digits or `1234.56.789`, 11-test |
//! | JWT | `jwt.header` | 95 | — | 3 parts, header decodes to JSON with `alg` |
//! | AWS_ACCESS_KEY | `aws.access_key` | 90 | +10 | `AKIA`/`ASIA`/… + 16 base32 |
//! | PRIVATE_KEY | `private_key.pem` | 100 | — | BEGIN … PRIVATE KEY through END |
//! | SECRET_ASSIGNMENT | `secret.assignment` | 80 | — | `password=…`, `SMTP_PASS: …`; span = value |
//! | PERSON_NAME | `person.gazetteer` | 25–85 (+ evidence, ≤ 100) | evidence | feature `names`: gazetteer (given names, surnames, English words) + titles, cue phrases, relations, greetings, sign-offs, speaker labels, mentions of a full name found (`names` module table) |
//! | LOCATION | `location.gazetteer` | 45 / 60; 25 unlisted (+ evidence) | evidence | feature `names`: GeoNames cities, countries, regions; preposition, residence/travel phrase, postcode, address-block city line, country after; places no list has need a phrase, a place-like shape, a postcode or a country (`names` module table) |
//! | STREET_ADDRESS | `street_address.layout` | 50 / 55 / 75 / 90 | — | feature `names`: street type + house number per locale; + postcode and city 90 |
//! | PERSON_NAME / LOCATION / STREET_ADDRESS | `person_name.field` / `location.field` / `street_address.field` | 70 | — | feature `names`: the whole value of a field whose name says so (whole words: `name`, `first_name`, `Nachname`, `cognome`; `city`, `country`, `Wohnort`, `woonplaats`; `street`, `address_line1`, `Anschrift`; postcodes `zip`, `postcode`, `PLZ`, `code postal`: 3–10 chars with 2+ digits), not `file_name`, `company_name`, `user_name`, `ip_address`; the value has the kind's shape (letters for names and places, ≤ 6 words; an address of ≤ 12 words), not a placeholder (`n/a`, `none`) (`names::field`) |
//!
//! With the cargo feature `names` a second linear pass over the words
//! (after the byte pass, only when one of its three types is enabled) adds
//! the last three rows; see the `names` module docs for the evidence scores.
//!
//! # Overlaps
//!
//! Findings never overlap (so operators can replace spans left to right).
//! Among overlapping candidates the one with the higher score wins, then the
//! longer span, then the earlier start, then the entity type in
//! [`EntityType::ALL`] order. So a URL that contains an email address
//! (`https://x.example/?to=a@b.example`) yields only the email (90 > 70);
//! a URL whose query, fragment or userinfo holds a credential
//! (`https://x.example/?token=…`, `https://user:pw@host/`) scores 100 and
//! so covers everything inside it (the SECRET_ASSIGNMENT of the value, a
//! JWT, an email): one finding, and anonymizing it leaves nothing of it in
//! clear; an IBAN wins over any digit run inside it.
//! Digit runs right after `/`, `:`, `.` or `-` are not candidates, so
//! `http://192.168.0.1/` stays one URL (except after `label:`, as in
//! `Tel:0301234567`, and a dotted quad after `:`, as in `db8::10.0.0.1`).
//! Results are sorted by start (then end descending).

mod context;
mod ids;
#[cfg(feature = "names")]
mod names;
mod numeric;
mod secrets;
mod tokens;
mod wallets;

use super::EntityType;
use crate::error::{Error, ErrorKind};
use crate::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options of [`find`] / [`Recognizer::new`]; JSON keys are camelCase and
/// unknown keys are refused.
///
/// ```
/// use fieldguard::pii::recognize::RecognizeOptions;
/// let o: RecognizeOptions = serde_json::from_str(r#"{"minScore": 80}"#).unwrap();
/// assert_eq!(o.min_score, 80);
/// assert_eq!(o.context_window, 40);
/// assert!(serde_json::from_str::<RecognizeOptions>(r#"{"minscore": 1}"#).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct RecognizeOptions {
    /// The entity types to look for. Default `None`: every type. Without the
    /// cargo feature `names`, `PERSON_NAME`, `LOCATION` and `STREET_ADDRESS`
    /// are not recognized in free text: the default leaves them out and naming
    /// them is an `INVALID_ARGUMENT`. An empty list finds nothing.
    pub entities: Option<Vec<EntityType>>,
    /// Findings scoring below this are dropped. Default 50; at most 100.
    pub min_score: u8,
    /// How many chars before and after a candidate are searched for context
    /// words. Default 40; at most 1000.
    pub context_window: u32,
    /// Longer texts are refused with `INPUT_TOO_LARGE` by [`find`] and
    /// [`Recognizer::try_find`]. Default 8 MiB; ≥ 1.
    pub max_input_bytes: u32,
}

impl Default for RecognizeOptions {
    fn default() -> Self {
        Self {
            entities: None,
            min_score: 50,
            context_window: 40,
            max_input_bytes: 8 * 1024 * 1024,
        }
    }
}

impl RecognizeOptions {
    /// Only these entity types.
    ///
    /// ```
    /// use fieldguard::pii::{recognize::RecognizeOptions, EntityType};
    /// let o = RecognizeOptions::default().entities([EntityType::EmailAddress]);
    /// assert_eq!(o.entities, Some(vec![EntityType::EmailAddress]));
    /// ```
    pub fn entities(mut self, types: impl IntoIterator<Item = EntityType>) -> Self {
        self.entities = Some(types.into_iter().collect());
        self
    }

    /// Set [`min_score`](Self::min_score).
    ///
    /// ```
    /// use fieldguard::pii::recognize::RecognizeOptions;
    /// assert_eq!(RecognizeOptions::default().min_score(90).min_score, 90);
    /// ```
    pub fn min_score(mut self, score: u8) -> Self {
        self.min_score = score;
        self
    }
}

/// One piece of personal data or secret found in the text.
///
/// `start`/`end` are UTF-8 byte offsets (`&text[start..end]` is the
/// finding); convert with [`utf16_offsets`] for JS.
///
/// ```
/// use fieldguard::pii::{recognize::{find, RecognizeOptions}, EntityType};
/// let f = &find("mail bob@example.com", &RecognizeOptions::default()).unwrap()[0];
/// assert_eq!((f.entity_type, f.start, f.end), (EntityType::EmailAddress, 5, 20));
/// assert_eq!(
///     serde_json::to_string(f).unwrap(),
///     r#"{"entityType":"EMAIL_ADDRESS","start":5,"end":20,"score":100,"recognizer":"email.pattern"}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// What was found.
    pub entity_type: EntityType,
    /// Start, a UTF-8 byte offset (inclusive).
    pub start: usize,
    /// End, a UTF-8 byte offset (exclusive).
    pub end: usize,
    /// Confidence `0..=100`.
    pub score: u8,
    /// The stable id of the recognizer (see the module table).
    pub recognizer: &'static str,
}

/// A recognizer built once from [`RecognizeOptions`] and reused for many texts.
///
/// ```
/// use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
/// let s = Recognizer::new(&RecognizeOptions::default()).unwrap();
/// assert_eq!(s.find("IBAN GB82 WEST 1234 5698 7654 32").len(), 1);
/// assert!(s.find("nothing here").is_empty());
/// ```
#[derive(Clone, Debug)]
pub struct Recognizer {
    enabled: [bool; EntityType::ALL.len()],
    min_score: u8,
    window: usize,
    max_input: usize,
}

/// Find PII and secrets in `text`; see the module docs for the rules.
///
/// Errors: `INVALID_ARGUMENT` for bad options, `INPUT_TOO_LARGE` when the
/// text is longer than `maxInputBytes`.
///
/// ```
/// use fieldguard::pii::{recognize::{find, RecognizeOptions}, EntityType};
/// let found = find("card 4111 1111 1111 1111", &RecognizeOptions::default()).unwrap();
/// assert_eq!(found[0].entity_type, EntityType::CreditCard);
/// assert_eq!((found[0].start, found[0].end), (5, 24));
/// ```
pub fn find(text: &str, options: &RecognizeOptions) -> Result<Vec<Finding>> {
    Recognizer::new(options)?.try_find(text)
}

impl Recognizer {
    /// Check the options and build the recognizer.
    ///
    /// ```
    /// use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
    /// let bad = RecognizeOptions { min_score: 101, ..RecognizeOptions::default() };
    /// assert_eq!(Recognizer::new(&bad).unwrap_err().code(), "INVALID_ARGUMENT");
    /// ```
    pub fn new(options: &RecognizeOptions) -> Result<Self> {
        if options.min_score > 100 {
            return Err(Error::with(
                ErrorKind::InvalidArgument,
                "minScore must be at most 100",
            ));
        }
        if options.context_window > 1000 {
            return Err(Error::with(
                ErrorKind::InvalidArgument,
                "contextWindow must be at most 1000",
            ));
        }
        if options.max_input_bytes == 0 {
            return Err(Error::with(
                ErrorKind::InvalidArgument,
                "maxInputBytes must be at least 1",
            ));
        }
        let mut enabled = [false; EntityType::ALL.len()];
        match &options.entities {
            None => {
                for t in EntityType::ALL {
                    enabled[t as usize] = cfg!(feature = "names") || !t.needs_names_feature();
                }
            }
            Some(list) => {
                for (i, &t) in list.iter().enumerate() {
                    if !cfg!(feature = "names") && t.needs_names_feature() {
                        return Err(Error::with(
                            ErrorKind::InvalidArgument,
                            format!(
                                "entities[{i}]: {t} is not recognized in free text without the `names` feature"
                            ),
                        ));
                    }
                    enabled[t as usize] = true;
                }
            }
        }
        if enabled[EntityType::PhoneNumber as usize] {
            crate::checks::phonemeta::warm();
        }
        // The names tables (gazetteer hash table, phrase index) are built
        // here, once per process, not by whichever scan comes first.
        #[cfg(feature = "names")]
        if EntityType::ALL
            .iter()
            .any(|&t| t.needs_names_feature() && enabled[t as usize])
        {
            names::warm();
        }
        Ok(Self {
            enabled,
            min_score: options.min_score,
            window: options.context_window as usize,
            max_input: options.max_input_bytes as usize,
        })
    }

    /// Find PII in `text` of any length (`maxInputBytes` is not applied: silently
    /// returning no findings for a long text would look like "no PII").
    /// Use [`try_find`](Self::try_find) to enforce the limit. The time is
    /// linear in the length.
    ///
    /// ```
    /// use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
    /// let s = Recognizer::new(&RecognizeOptions { max_input_bytes: 4, ..RecognizeOptions::default() }).unwrap();
    /// assert_eq!(s.find("ip 192.168.1.20").len(), 1);
    /// ```
    pub fn find(&self, text: &str) -> Vec<Finding> {
        self.find_unchecked(text, 0)
    }

    /// [`find`](Self::find) in the value of a field named `field` (a JSON
    /// key or CSV header; pass the field's own key, not its whole path).
    /// The name is context evidence: when its words (split at `_`, `-`,
    /// `.`, spaces and camelCase: `customerPhone`, `telefono_cellulare`,
    /// `birth_date`) hold a context word of a type, every candidate of that
    /// type in the value gets the context bonus, as if the word were in its
    /// window. It never makes a value match that fails a recognizer's rule
    /// or checksum.
    ///
    /// ```
    /// use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
    /// let s = Recognizer::new(&RecognizeOptions::default()).unwrap();
    /// assert!(s.find("6034423667").is_empty()); // bare digits: 30 < 50
    /// let f = s.find_in_field("6034423667", "customerPhone");
    /// assert_eq!((f[0].entity_type.name(), f[0].score), ("PHONE_NUMBER", 50));
    /// ```
    pub fn find_in_field(&self, text: &str, field: &str) -> Vec<Finding> {
        self.find_unchecked(text, context::field_hint(field))
    }

    /// Whether a field with this name types its whole value as a person's
    /// name, a place, a street address or a postcode (feature `names`; see
    /// `names::field`): the values such a field holds are worth searching
    /// for in the record's free text (policy known values).
    pub(crate) fn types_whole_value(field: &str) -> bool {
        use EntityType::{Location, PersonName, StreetAddress};
        let names =
            (1u32 << PersonName as u32) | (1 << Location as u32) | (1 << StreetAddress as u32);
        cfg!(feature = "names")
            && context::field_hint(field) & (names | context::POSTCODE_FIELD) != 0
    }

    /// [`try_find`](Self::try_find) with a field name as evidence, as in
    /// [`find_in_field`](Self::find_in_field); `None` is [`try_find`](Self::try_find).
    ///
    /// ```
    /// use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
    /// let s = Recognizer::new(&RecognizeOptions::default()).unwrap();
    /// assert_eq!(s.try_find_in_field("6034423667", Some("mobile")).unwrap()[0].score, 50);
    /// assert!(s.try_find_in_field("6034423667", None).unwrap().is_empty());
    /// ```
    pub fn try_find_in_field(&self, text: &str, field: Option<&str>) -> Result<Vec<Finding>> {
        self.check_len(text)?;
        Ok(self.find_unchecked(text, field.map_or(0, context::field_hint)))
    }

    /// Find PII in `text`, refusing texts over `maxInputBytes`.
    ///
    /// ```
    /// use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
    /// let s = Recognizer::new(&RecognizeOptions { max_input_bytes: 3, ..RecognizeOptions::default() }).unwrap();
    /// assert_eq!(s.try_find("four").unwrap_err().code(), "INPUT_TOO_LARGE");
    /// ```
    pub fn try_find(&self, text: &str) -> Result<Vec<Finding>> {
        self.check_len(text)?;
        Ok(self.find_unchecked(text, 0))
    }

    fn check_len(&self, text: &str) -> Result<()> {
        if text.len() > self.max_input {
            return Err(Error::with(
                ErrorKind::InputTooLarge,
                format!("text is longer than maxInputBytes ({})", self.max_input),
            ));
        }
        Ok(())
    }

    /// `hint`: the types the field name gives context (see [`context::field_hint`]).
    fn find_unchecked(&self, text: &str, hint: u32) -> Vec<Finding> {
        let mut cx = Cx {
            text,
            hint,
            b: text.as_bytes(),
            recognizer: self,
            out: Vec::new(),
            numeric_until: 0,
            url_until: 0,
            jwt_until: 0,
            word_end: 0,
            end_marker: None,
        };
        cx.run();
        #[cfg(feature = "names")]
        names::scan(&mut cx);
        resolve(cx.out)
    }
}

// The field hint has one bit per type.
const _: () = assert!(EntityType::ALL.len() <= 32);

/// The state of one pass: the text, the output and the skip marks that
/// keep the pass linear.
pub(super) struct Cx<'a> {
    pub(super) text: &'a str,
    pub(super) b: &'a [u8],
    recognizer: &'a Recognizer,
    /// The types whose context the field name supplies (bit per type).
    hint: u32,
    out: Vec<Finding>,
    /// Numeric runs already consumed up to here.
    pub(super) numeric_until: usize,
    /// Inside an already found URL.
    pub(super) url_until: usize,
    /// End of the word (ASCII letters, digits, `_`) at the current token start.
    pub(super) word_end: usize,
    /// JWT candidates already scanned up to here.
    pub(super) jwt_until: usize,
    /// Cached position of the next `-----END ` (private keys), so repeated
    /// BEGIN markers never search the rest of the text twice.
    pub(super) end_marker: Option<Option<usize>>,
}

/// ASCII letters, digits and `_`: bytes that continue a token.
pub(super) fn is_word(c: u8) -> bool {
    WORD[c as usize]
}

/// `is_word` as a table: one load instead of three range tests, in the
/// scan's innermost loop (every byte of the text goes through it).
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

/// The end of the word that starts at `i` (`b[i]` is a word byte): kept
/// out of line so the loop runs in registers, not in the spilled state of
/// the large inlined scan.
#[inline(never)]
fn word_end_from(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| !is_word(c))
        .map_or(b.len(), |k| i + k)
}

impl<'a> Cx<'a> {
    pub(super) fn on(&self, t: EntityType) -> bool {
        self.recognizer.enabled[t as usize]
    }

    /// Byte at `i`, or 0 past the end.
    pub(super) fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    /// Record a candidate, adding the context bonus when a context word of
    /// its type is near.
    pub(super) fn push(
        &mut self,
        t: EntityType,
        start: usize,
        end: usize,
        base: u8,
        rec: &'static str,
    ) {
        let score = match context::bonus(t) {
            0 => base,
            bonus if self.has_context(t, start, end) => base.saturating_add(bonus).min(100),
            _ => base,
        };
        self.push_scored(t, start, end, score, rec);
    }

    /// Record a candidate with a final score.
    pub(super) fn push_scored(
        &mut self,
        t: EntityType,
        start: usize,
        end: usize,
        score: u8,
        rec: &'static str,
    ) {
        if !self.on(t) || score < self.recognizer.min_score || start >= end || end > self.b.len() {
            return;
        }
        if !self.text.is_char_boundary(start) || !self.text.is_char_boundary(end) {
            return;
        }
        self.out.push(Finding {
            entity_type: t,
            start,
            end,
            score,
            recognizer: rec,
        });
    }

    /// Is a context word of `t` within the window around `start..end`?
    pub(super) fn has_context(&self, t: EntityType, start: usize, end: usize) -> bool {
        self.hint & (1 << t as u32) != 0
            || context::near(
                self.text,
                start,
                end,
                self.recognizer.window,
                context::words(t),
                t == EntityType::DateOfBirth,
            )
    }

    fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            if c == b'@' {
                tokens::email(self, i);
            }
            let start = i == 0 || !is_word(self.b[i - 1]);
            // The rest of a word holds no token start and no `@`: skip it.
            let w = if is_word(c) {
                word_end_from(self.b, i)
            } else {
                i + 1
            };
            if start && c < 0x80 {
                self.word_end = w;
                self.dispatch(i, c);
            }
            i = w;
        }
    }

    fn dispatch(&mut self, i: usize, c: u8) {
        match c {
            b'0'..=b'9' => {
                if i >= self.numeric_until {
                    numeric::run(self, i);
                }
                ids::digit_start(self, i);
                if c == b'0' && matches!(self.at(i + 1), b'x' | b'X') {
                    wallets::eth(self, i);
                }
                if c == b'1' || c == b'3' {
                    wallets::base58(self, i);
                }
                tokens::hex_start(self, i);
            }
            b'+' | b'(' if i >= self.numeric_until && self.at(i + 1).is_ascii_digit() => {
                numeric::run(self, i);
            }
            b':' => tokens::hex_start(self, i),
            b'-' if self.b[i..].starts_with(b"-----BEGIN ") => secrets::private_key(self, i),
            b'"' | b'\'' => secrets::assignment(self, i + 1),
            b'A'..=b'Z' | b'a'..=b'z' => {
                if i >= self.url_until {
                    tokens::url(self, i);
                }
                tokens::hex_start(self, i);
                tokens::letter_start(self, i);
                ids::letter_start(self, i);
                numeric::month_first_dob(self, i);
                match c {
                    b'b' | b'B' => wallets::bech32(self, i),
                    b'e' => secrets::jwt(self, i),
                    b'A' => secrets::aws(self, i),
                    _ => {}
                }
                secrets::assignment(self, i);
            }
            _ => {}
        }
    }
}

/// Keep the best of overlapping candidates (see the module docs), then
/// sort by start, end descending.
fn resolve(mut cands: Vec<Finding>) -> Vec<Finding> {
    // The one hot sort (every scan, thousands of candidates in a long
    // text): the standard library's, 4 % faster on a 1 MB text in wasm
    // than `crate::sort` for 7 kB of code.
    cands.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
            .then(a.entity_type.cmp(&b.entity_type))
            .then(a.recognizer.cmp(b.recognizer))
    });
    // Accepted spans by start; they never overlap, so one neighbour on each
    // side decides.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in cands {
        let before = kept
            .range(..=f.start)
            .next_back()
            .is_some_and(|(_, k)| k.end > f.start);
        let after = kept
            .range(f.start..)
            .next()
            .is_some_and(|(&s, _)| s < f.end);
        if !before && !after {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

/// The findings' spans as UTF-16 code unit offsets (what JS
/// `String.prototype.slice` expects), computed in one pass over the text.
///
/// ```
/// use fieldguard::pii::recognize::{find, utf16_offsets, RecognizeOptions};
/// let text = "😀 bob@example.com";
/// let found = find(text, &RecognizeOptions::default()).unwrap();
/// assert_eq!(found[0].start, 5); // bytes
/// assert_eq!(utf16_offsets(text, &found), vec![(3, 18)]);
/// ```
pub fn utf16_offsets(text: &str, findings: &[Finding]) -> Vec<(usize, usize)> {
    crate::offsets::utf16(text, findings.iter().map(|f| (f.start, f.end)))
}

/// The findings' spans as code point (Rust `char`) offsets.
///
/// ```
/// use fieldguard::pii::recognize::{find, char_offsets, RecognizeOptions};
/// let text = "😀 bob@example.com";
/// let found = find(text, &RecognizeOptions::default()).unwrap();
/// assert_eq!(char_offsets(text, &found), vec![(2, 17)]);
/// ```
pub fn char_offsets(text: &str, findings: &[Finding]) -> Vec<(usize, usize)> {
    crate::offsets::chars(text, findings.iter().map(|f| (f.start, f.end)))
}
