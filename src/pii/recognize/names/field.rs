//! A whole field value that its field name calls a person's name, a place,
//! a street address or a postcode (`"name": "Karsten Wieloch-Bolnbach"`,
//! `"city": "New Jeffreymouth"`, `"street": "Schlosserallee 7"`,
//! `"zip": "98-786"`): the name is the evidence the value's words lack
//! (a Faker town or a street no list has), so the value is reported whole
//! at 70 when it has the shape of its kind. Which field names count:
//! `context::field_hint` (whole words only; `file_name`, `company_name`,
//! `ip_address` do not).

use super::super::context::POSTCODE_FIELD;
use super::{Cx, EntityType};

/// Score of a value its field name types.
const SCORE: u8 = 70;

/// Values that stand for "no value" in exports, never personal data.
const PLACEHOLDERS: &[&str] = &[
    "n/a",
    "na",
    "none",
    "null",
    "nil",
    "unknown",
    "undefined",
    "test",
    "tbd",
    "anonymous",
    "redacted",
    "xxx",
    "-",
    "—",
    "?",
];

/// Report the whole value when the field name types it; true when it did
/// (the rest of the names pass would only find parts of it).
pub(super) fn whole_value(cx: &mut Cx<'_>) -> bool {
    use EntityType::{Location, PersonName, StreetAddress};
    let hint = cx.hint;
    let bit = |t: EntityType| hint & (1 << t as u32) != 0;
    let text = cx.text;
    let v = text.trim();
    if v.is_empty() || PLACEHOLDERS.iter().any(|p| v.eq_ignore_ascii_case(p)) {
        return false;
    }
    let start = text.len() - text.trim_start().len();
    let end = start + v.len();
    let found = if bit(PersonName) && name_shape(v) && cx.on(PersonName) {
        Some((PersonName, "person_name.field"))
    } else if bit(Location) && name_shape(v) && cx.on(Location) {
        Some((Location, "location.field"))
    } else if cx.on(StreetAddress)
        && (bit(StreetAddress) && street_shape(v)
            || hint & POSTCODE_FIELD != 0 && postcode_shape(v))
    {
        Some((StreetAddress, "street_address.field"))
    } else {
        None
    };
    match found {
        Some((t, rec)) => {
            cx.push_scored(t, start, end, SCORE, rec);
            true
        }
        None => false,
    }
}

/// 1–6 words of letters (inner `-`, `'`, `’`, `.`): `Karsten Wieloch-Bolnbach`,
/// `O'Brien`, `St. Gallen`, `'s-Hertogenbosch`.
fn name_shape(v: &str) -> bool {
    v.len() <= 80
        && v.split_whitespace().count() <= 6
        && v.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && v.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
}

/// Up to 12 words of letters, digits and address punctuation, with
/// letters: `391 Johnson Burg Apt. 636`, `ulica Baczyńskiego 66`,
/// `Contrada Germano, 5`; not an email or a URL.
fn street_shape(v: &str) -> bool {
    v.len() <= 120
        && v.split_whitespace().count() <= 12
        && v.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && v.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | ',' | '.' | '-' | '/' | '\'' | '’' | '#' | '°' | 'º' | 'ª' | '(' | ')'
                )
        })
}

/// 3–10 characters of digits, letters, spaces and `-` with 2+ digits:
/// `10115`, `98-786`, `1500 PI`, `SW1A 1AA`.
fn postcode_shape(v: &str) -> bool {
    (3..=10).contains(&v.len())
        && v.bytes().filter(u8::is_ascii_digit).count() >= 2
        && v.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b' ' || c == b'-')
}

#[cfg(test)]
mod tests {
    use crate::pii::recognize::{RecognizeOptions, Recognizer};

    fn found(value: &str, field: &str) -> Vec<(&'static str, String)> {
        let r = Recognizer::new(&RecognizeOptions::default()).unwrap();
        r.find_in_field(value, field)
            .into_iter()
            .map(|f| (f.entity_type.name(), value[f.start..f.end].to_owned()))
            .collect()
    }

    #[test]
    fn field_names_type_whole_values() {
        let one = |t: &'static str, v: &str| vec![(t, v.trim().to_owned())];
        assert_eq!(
            found("New Jeffreymouth", "city"),
            one("LOCATION", "New Jeffreymouth")
        );
        assert_eq!(found("de Lutte", "woonplaats"), one("LOCATION", "de Lutte"));
        assert_eq!(found(" Werdau ", "customerCity"), one("LOCATION", "Werdau"));
        assert_eq!(
            found("Karsten Wieloch-Bolnbach", "full_name"),
            one("PERSON_NAME", "Karsten Wieloch-Bolnbach")
        );
        assert_eq!(
            found("Schlosserallee 7", "street"),
            one("STREET_ADDRESS", "Schlosserallee 7")
        );
        assert_eq!(
            found("391 Johnson Burg Apt. 636", "address_line1"),
            one("STREET_ADDRESS", "391 Johnson Burg Apt. 636")
        );
        assert_eq!(found("98-786", "zip"), one("STREET_ADDRESS", "98-786"));
        assert_eq!(found("1500PI", "postcode"), one("STREET_ADDRESS", "1500PI"));
    }

    #[test]
    fn other_fields_and_other_shapes_are_left_alone() {
        assert!(found("report.pdf", "file_name").is_empty());
        assert!(found("Acme", "company_name").is_empty());
        assert!(found("Widget", "productName").is_empty());
        assert!(found("jdoe", "user_name").is_empty());
        assert!(found("n/a", "city").is_empty());
        assert!(found("N/A", "name").is_empty());
        assert!(found("123", "name").is_empty());
        assert!(found("Werdau", "notes").is_empty());
        assert!(found("ACTIVE", "status").is_empty());
        assert!(found("1", "zip").is_empty());
        // An address field holding an email is the email's, not a street.
        assert_eq!(
            found("a@b.example", "email_address"),
            vec![("EMAIL_ADDRESS", "a@b.example".to_owned())]
        );
    }
}
