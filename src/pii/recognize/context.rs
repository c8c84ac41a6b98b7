//! Context words: their presence near a candidate raises its score.
//!
//! Words are matched case-insensitively (Unicode lowercase of the window)
//! at a word start (the char before is not alphabetic), so `telefon`
//! matches `Telefonnummer` (compounds, inflections) but not `hotel…`.
//! Short words (at most 4 letters: abbreviations such as `tel`, `call`,
//! `pan`, `né`, `nie`) must also end the word, since as prefixes they start
//! unrelated words: `telescope`, `called`, `panel`, `nécessaire`, `niet`.
//! CJK words are exempt (no spaces between words in those scripts).
//!
//! A field name (JSON key, CSV header) is evidence too: [`field_hint`]
//! splits it into words (`customerPhone`, `telefono_cellulare`,
//! `card-number`, `DOB`) and matches them against the same lists, by the
//! same rules; a type whose word it holds counts as having a context word
//! in the window of every candidate of the value.

use super::EntityType;

/// The entity types whose context words a field name holds, one bit per
/// `EntityType as usize` (0: none).
pub(super) fn field_hint(field: &str) -> u32 {
    // At most 256 bytes of a name are read: longer keys are not names.
    let field = &field[..floor(field, field.len().min(256))];
    let words_of = split_field(field);
    if words_of.is_empty() {
        return 0;
    }
    let mut hint = 0;
    for t in EntityType::ALL {
        let w = words(t);
        if !w.is_empty() && found(&words_of, w, 0, words_of.len()) {
            hint |= 1 << t as u32;
        }
    }
    hint | names_field(&words_of)
}

/// Set in a [`field_hint`] when the field holds a postcode (`zip`,
/// `postcode`, `PLZ`, `code postal`): the names pass reports a
/// postcode-shaped value as part of a `STREET_ADDRESS`. Above every type bit.
pub(super) const POSTCODE_FIELD: u32 = 1 << 31;
const _: () = assert!(EntityType::ALL.len() < 31);

/// Whole words (after [`split_field`]) that make a field a place, a street
/// address, a postcode or a person's name. Exact words, not prefixes:
/// field names are short and `name` starts many unrelated words.
#[rustfmt::skip]
const PLACE_FIELD: &[&str] = &[
    "city", "town", "ort", "wohnort", "stadt", "ville", "ciudad", "localidad", "città", "citta",
    "comune", "stad", "plaats", "woonplaats", "miasto", "miejscowość", "miejscowosc", "country",
    "pays", "país", "pais", "paese", "kraj", "province", "provincia", "county", "birthplace",
    "geburtsort",
];
#[rustfmt::skip]
const STREET_FIELD: &[&str] = &[
    "street", "straße", "strasse", "rue", "calle", "via", "straat", "ulica", "addr", "address",
    "adresse", "dirección", "direccion", "domicilio", "indirizzo", "adres", "anschrift",
];
#[rustfmt::skip]
const POSTCODE_WORDS: &[&str] = &[
    "zip", "zipcode", "postcode", "postal", "plz", "postleitzahl", "postale", "pocztowy",
];
#[rustfmt::skip]
const PERSON_FIELD: &[&str] = &[
    "name", "fullname", "firstname", "lastname", "surname", "forename", "vorname", "nachname",
    "familienname", "nom", "prénom", "prenom", "nombre", "apellido", "apellidos", "nome",
    "cognome", "naam", "voornaam", "achternaam", "imię", "imie", "nazwisko",
];
/// Words that make `…address` (and `…name`) something else than a street
/// address or a person: `ip_address`, `email_address`, `host_name`.
#[rustfmt::skip]
const NOT_STREET: &[&str] = &[
    "ip", "ipv4", "ipv6", "mac", "email", "mail", "url", "web", "wallet", "bitcoin", "btc", "eth",
    "crypto", "contract", "hardware", "memory", "register", "server", "host", "network",
    "interface", "device", "machine", "node", "variable", "var", "param", "parameter",
];
/// Further words that make `…name` something else than a person's name:
/// `file_name`, `company_name`, `user_name` (a login), `city_name`.
#[rustfmt::skip]
const NOT_PERSON: &[&str] = &[
    "file", "product", "company", "firm", "business", "org", "organisation", "organization",
    "hostname", "domain", "app", "application", "service", "brand", "bank", "event", "item",
    "table", "column", "field", "key", "class", "type", "project", "team", "group", "role", "tag",
    "category", "plan", "package", "module", "function", "method", "attribute", "branch", "repo",
    "repository", "shop", "store", "hotel", "restaurant", "venue", "model", "job", "course",
    "school", "university", "user", "screen", "account", "path", "dir", "directory", "bucket",
    "queue", "topic", "database", "db", "schema", "cluster", "pod", "container", "image", "font",
    "color", "colour", "theme", "list", "menu", "page", "site", "printer", "vendor", "supplier",
    "merchant", "partner", "label", "title", "street", "city", "town", "country", "place",
    "region", "state", "location",
];

/// The names-pass bits of a field name: `PERSON_NAME` (`name`,
/// `firstName`, `nachname`, not `file_name`), `LOCATION` (`city`,
/// `country`, `Wohnort`), `STREET_ADDRESS` (`street`, `address_line1`, not
/// `ip_address`) and [`POSTCODE_FIELD`].
fn names_field(words_of: &str) -> u32 {
    let has = |list: &[&str]| words_of.split(' ').any(|w| list.contains(&w));
    let mut hint = 0;
    if has(PLACE_FIELD) {
        hint |= 1 << EntityType::Location as u32;
    } else if has(POSTCODE_WORDS) {
        hint |= POSTCODE_FIELD;
    } else if has(STREET_FIELD) && !has(NOT_STREET) {
        hint |= 1 << EntityType::StreetAddress as u32;
    } else if has(PERSON_FIELD) && !has(NOT_STREET) && !has(NOT_PERSON) {
        hint |= 1 << EntityType::PersonName as u32;
    }
    hint
}

/// `customerPhone` → `customer phone`, `telefono_cellulare` → `telefono
/// cellulare`, `IBANCode` → `iban code`, `e-mail` → `e mail`: words at
/// separators (anything not a letter), lower→upper changes and the last
/// capital of a run of capitals followed by a lowercase letter; lowercase.
fn split_field(field: &str) -> String {
    let mut out = String::with_capacity(field.len() + 4);
    let chars: Vec<char> = field.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if !c.is_alphabetic() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if c.is_uppercase() && k > 0 {
            let prev = chars[k - 1];
            let next_lower = chars.get(k + 1).is_some_and(|n| n.is_lowercase());
            if (prev.is_lowercase() || (prev.is_uppercase() && next_lower))
                && !out.is_empty()
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
        }
        out.extend(c.to_lowercase());
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// The score bonus of a context word per type (0: context not used).
pub(super) fn bonus(t: EntityType) -> u8 {
    use EntityType::*;
    match t {
        EmailAddress | Url | IpAddress | MacAddress | CreditCard | AwsAccessKey => 10,
        IbanCode | ItFiscalCode => 5,
        Crypto => 5,
        PhoneNumber | FrNir => 20,
        UsSsn | EsNif => 15,
        UkNhs | PlPesel | DeTaxId | NlBsn => 35,
        _ => 0,
    }
}

/// The context words of a type (lowercase).
pub(super) fn words(t: EntityType) -> &'static [&'static str] {
    use EntityType::*;
    match t {
        EmailAddress => &["email", "e-mail", "mail", "correo", "courriel", "contact"],
        PhoneNumber => &[
            "tel",
            "phone",
            "telefon",
            "téléphone",
            "telephone",
            "teléfono",
            "telefono",
            "mobile",
            "mobil",
            "handy",
            "cell",
            "call",
            "dial",
            "sms",
            "hotline",
            "fax",
            "portable",
            "móvil",
            "cellulare",
            "whatsapp",
            "telefone",
            "телефон",
            "電話",
            "电话",
            "ruf",
            "rufnummer",
            "tél",
            "telefoon",
            "cellphone",
            "durchwahl",
        ],
        CreditCard => &[
            "card",
            "karte",
            "carte",
            "tarjeta",
            "carta",
            "credit",
            "kredit",
            "visa",
            "mastercard",
            "amex",
            "maestro",
            "cb",
            "pan",
        ],
        IbanCode => &[
            "iban", "account", "konto", "compte", "cuenta", "conto", "bank", "rekening",
        ],
        UsSsn => &["ssn", "social security", "social sec"],
        IpAddress => &["ip", "address", "host", "server", "adresse"],
        Url => &["url", "link", "site", "website"],
        MacAddress => &["mac", "ethernet", "wifi", "wlan", "hardware"],
        Crypto => &[
            "wallet", "bitcoin", "btc", "eth", "ethereum", "crypto", "address",
        ],
        DateOfBirth => &[
            "born",
            "birth",
            "dob",
            "d.o.b",
            "geboren",
            "geb.",
            "geburtsdatum",
            "né",
            "née",
            "nee",
            "naissance",
            "fecha de nacimiento",
            "nacido",
            "nacida",
            "nacimiento",
            "data di nascita",
            "nato",
            "nata",
            "urodzony",
            "urodzona",
            "urodzenia",
            "urodził",
            "urodziła",
            "ur.",
            "nació",
            "nac.",
            "geboortedatum",
            "birthday",
        ],
        UkNhs => &["nhs"],
        EsNif => &["nif", "dni", "nie", "documento", "identidad"],
        ItFiscalCode => &["codice fiscale", "cf", "fiscale", "partita iva", "p.iva"],
        PlPesel => &["pesel"],
        DeTaxId => &[
            "steuer-id",
            "steuerid",
            "steuer-identifikationsnummer",
            "steueridentifikationsnummer",
            "idnr",
            "identifikationsnummer",
            "tin",
            "tax id",
            "steuernummer",
        ],
        FrNir => &[
            "sécurité sociale",
            "securite sociale",
            "nir",
            "insee",
            "numéro de sécu",
            "ssn",
        ],
        NlBsn => &["bsn", "burgerservicenummer", "sofinummer"],
        AwsAccessKey => &["aws", "access key", "access_key", "accesskey"],
        _ => &[],
    }
}

/// Largest char boundary ≤ i.
fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary ≥ i (at most the length).
fn ceil(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Is one of `words` within `window` chars before `start` or after `end`?
///
/// With `tight`, the window also stops at the nearest ASCII digit on each
/// side, so a birth word belongs to the nearest date only
/// (`born 1.2.1980, visited 3.4.2020` marks only the first).
pub(super) fn near(
    text: &str,
    start: usize,
    end: usize,
    window: usize,
    words: &[&str],
    tight: bool,
) -> bool {
    if words.is_empty() || window == 0 {
        return false;
    }
    let start = floor(text, start.min(text.len()));
    let end = floor(text, end.min(text.len()));
    // A word counts when any part of it is in the window
    // (`Steueridentifikationsnummer von Lena Krüger: …` is 46 chars from
    // its start but 19 from its end): read up to the longest word further.
    // The extension is in bytes (`len` is free, no char walk); a match
    // must still reach into the window.
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    let before = &text[..start];
    let from = before
        .char_indices()
        .rev()
        .nth(window - 1)
        .map_or(0, |(k, _)| k);
    // A word of `longest` bytes reaching into the window starts at most
    // that many bytes before it (or ends that many after it).
    let from_ext = floor(before, from.saturating_sub(longest));
    let after = &text[end..];
    let to = after
        .char_indices()
        .nth(window)
        .map_or(after.len(), |(k, _)| k);
    let to_ext = ceil(after, to + longest);
    let (mut before, mut edge) = (&before[from_ext..], from - from_ext);
    let (mut after, mut limit) = (&after[..to_ext], to);
    if tight {
        if let Some(k) = before.rfind(|c: char| c.is_ascii_digit()) {
            before = &before[k + 1..];
            edge = edge.saturating_sub(k + 1);
        }
        if let Some(k) = after.find(|c: char| c.is_ascii_digit()) {
            after = &after[..k];
            limit = limit.min(k);
        }
    }
    found(before, words, edge, before.len()) || found(after, words, 0, limit)
}

/// ASCII words are matched case-insensitively on the bytes (no
/// allocation: this runs for every candidate); the few non-ASCII words
/// against a Unicode-lowercased copy, made only when the window has
/// non-ASCII text.
///
/// A match counts when it starts before byte `hi` and ends after byte `lo`
/// (both char boundaries of `hay`).
fn found(hay: &str, words: &[&str], lo: usize, hi: usize) -> bool {
    let h = hay.as_bytes();
    let word_start = |k: usize| {
        k == 0 || !h[k - 1].is_ascii_alphabetic() && h[k - 1] < 0x80 || {
            // A non-ASCII char before: alphabetic (é…) blocks the match.
            !hay[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        }
    };
    // Only word starts can match, and few of the window's bytes are word
    // starts: test those against the words with the same first letter.
    let firsts = words.iter().fold(0u32, |m, w| match w.as_bytes().first() {
        Some(&c) if c.is_ascii_lowercase() => m | 1 << (c - b'a'),
        _ => m,
    });
    let ascii_hit = (0..hi.min(h.len())).any(|k| {
        let c = h[k].to_ascii_lowercase();
        c.is_ascii_lowercase()
            && word_start(k)
            && firsts >> (c - b'a') & 1 == 1
            && words.iter().any(|w| {
                let wb = w.as_bytes();
                wb.first() == Some(&c)
                    && w.is_ascii()
                    && h.len() - k >= wb.len()
                    && k + wb.len() > lo
                    && h[k..k + wb.len()].eq_ignore_ascii_case(wb)
                    && (!must_end(w) || word_end(hay, k + wb.len()))
            })
    });
    if ascii_hit || hay.is_ascii() || words.iter().all(|w| w.is_ascii()) {
        return ascii_hit;
    }
    // Lowercasing rarely changes byte lengths (`İ`, `ẞ`…); when it does,
    // map lo/hi through the prefixes.
    let lower = hay.to_lowercase();
    let (lo, hi) = if lower.len() == hay.len() {
        (lo, hi)
    } else {
        let map = |k: usize| hay.get(..k).map_or(lower.len(), |p| p.to_lowercase().len());
        (map(lo), map(hi))
    };
    let lb = lower.as_bytes();
    words.iter().filter(|w| !w.is_ascii()).any(|w| {
        // Candidates at the word's first byte (a `str` searcher's set-up
        // costs more than this search of a short window). `w` starts with
        // a whole char, so a match is at a char boundary.
        let wb = w.as_bytes();
        let Some(&first) = wb.first() else {
            return false;
        };
        let mut from = 0;
        while let Some(p) = lb
            .get(from..)
            .and_then(|r| r.iter().position(|&b| b == first))
        {
            let k = from + p;
            from = k + 1;
            if lb[k..].starts_with(wb)
                && k < hi
                && k + w.len() > lo
                && !lower[..k]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && (!must_end(w) || word_end(&lower, k + w.len()))
            {
                return true;
            }
        }
        false
    })
}

/// Short words (≤ 4 chars) are abbreviations that must end the word; CJK
/// words are exempt (written without spaces).
fn must_end(w: &str) -> bool {
    w.chars().count() <= 4 && !w.chars().any(|c| c >= '\u{2E80}')
}

/// Does a word end at byte `k` of `hay` (end of text or a char that is not
/// a letter; a word ending in `.` always ends)?
fn word_end(hay: &str, k: usize) -> bool {
    k == 0
        || hay.as_bytes().get(k - 1) == Some(&b'.')
        || !hay
            .get(k..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(field: &str, t: EntityType) -> bool {
        field_hint(field) & (1 << t as u32) != 0
    }

    #[test]
    fn field_names_split_into_words() {
        assert_eq!(split_field("customerPhone"), "customer phone");
        assert_eq!(split_field("telefono_cellulare"), "telefono cellulare");
        assert_eq!(split_field("IBANCode"), "iban code");
        assert_eq!(split_field("card-number"), "card number");
        assert_eq!(split_field("__x__"), "x");
        assert_eq!(split_field("123"), "");
    }

    #[test]
    fn field_names_are_context() {
        use EntityType::*;
        for (f, t) in [
            ("phone", PhoneNumber),
            ("customerPhone", PhoneNumber),
            ("tel", PhoneNumber),
            ("telNumber", PhoneNumber),
            ("mobile", PhoneNumber),
            ("telefono_cellulare", PhoneNumber),
            ("Telefonnummer", PhoneNumber),
            ("ssn", UsSsn),
            ("social_security_number", UsSsn),
            ("iban", IbanCode),
            ("card_number", CreditCard),
            ("cardNumber", CreditCard),
            ("dob", DateOfBirth),
            ("DOB", DateOfBirth),
            ("birth_date", DateOfBirth),
            ("dateOfBirth", DateOfBirth),
            ("geburtsdatum", DateOfBirth),
            ("data_di_nascita", DateOfBirth),
            ("email", EmailAddress),
            ("e-mail", EmailAddress),
            ("pesel", PlPesel),
            ("codice_fiscale", ItFiscalCode),
        ] {
            assert!(has(f, t), "{f} {t:?}");
        }
        // Short words must end the word, as in text.
        for (f, t) in [
            ("telescope", PhoneNumber),
            ("cardholder", CreditCard),
            ("hotel", PhoneNumber),
            ("note", PhoneNumber),
            ("id", PhoneNumber),
        ] {
            assert!(!has(f, t), "{f} {t:?}");
        }
        assert_eq!(field_hint(""), 0);
        assert_eq!(field_hint("notes"), 0);
    }
}
