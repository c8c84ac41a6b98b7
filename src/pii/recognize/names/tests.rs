//! Unit tests of the names recognizers (the shared cases are in tests/vectors/pii-names.json).

use crate::pii::recognize::{find, RecognizeOptions};
use crate::pii::EntityType;

fn spans(text: &str, t: EntityType) -> Vec<&str> {
    find(text, &RecognizeOptions::default())
        .unwrap()
        .into_iter()
        .filter(|f| f.entity_type == t)
        .map(|f| &text[f.start..f.end])
        .collect()
}

fn names(text: &str) -> Vec<&str> {
    spans(text, EntityType::PersonName)
}

#[test]
fn person_names_from_evidence() {
    assert_eq!(names("I met John Smith yesterday."), ["John Smith"]);
    assert_eq!(names("Hi Maria,\nthanks for the file."), ["Maria"]);
    assert_eq!(names("Sehr geehrte Frau Schneider, danke."), ["Schneider"]);
    assert_eq!(names("my name is Zbigniew Wójcik"), ["Zbigniew Wójcik"]);
    assert_eq!(names("je m'appelle Camille Dubois"), ["Camille Dubois"]);
    assert_eq!(names("Best,\nTom"), ["Tom"]);
    assert_eq!(names("call Mr. Okonkwo today"), ["Okonkwo"]);
    assert_eq!(
        names("Ludwig van Beethoven wrote it"),
        ["Ludwig van Beethoven"]
    );
    assert_eq!(names("Will Smith acted"), ["Will Smith"]);
    assert!(names("Will you come? May I ask?").is_empty());
    assert!(names("The report is ready.").is_empty());
}

#[test]
fn locations_from_evidence() {
    let l = |t| spans(t, EntityType::Location);
    assert_eq!(l("She lives in Berlin now."), ["Berlin"]);
    assert_eq!(l("Wir fahren nach München."), ["München"]);
    assert_eq!(l("flights from New York"), ["New York"]);
    assert_eq!(names("Paris Hilton arrived"), ["Paris Hilton"]);
    assert_eq!(l("a week in Paris"), ["Paris"]);
}

#[test]
fn street_addresses_in_each_layout() {
    let a = |t| spans(t, EntityType::StreetAddress);
    assert_eq!(
        a("Hauptstraße 5, 10115 Berlin"),
        ["Hauptstraße 5, 10115 Berlin"]
    );
    assert_eq!(
        a("au 12 rue de la Paix, 75002 Paris"),
        ["12 rue de la Paix, 75002 Paris"]
    );
    assert_eq!(a("en Calle Mayor 3"), ["Calle Mayor 3"]);
    assert_eq!(a("in Via Roma 10"), ["Via Roma 10"]);
    assert_eq!(
        a("at 1600 Pennsylvania Ave NW"),
        ["1600 Pennsylvania Ave NW"]
    );
    assert_eq!(a("przy ul. Marszałkowska 1"), ["ul. Marszałkowska 1"]);
    assert_eq!(
        a("op Kalverstraat 92, 1012 PH Amsterdam"),
        ["Kalverstraat 92, 1012 PH Amsterdam"]
    );
    assert_eq!(
        a("742 Evergreen Terrace, Springfield, IL 62704"),
        ["742 Evergreen Terrace, Springfield, IL 62704"]
    );
}

#[test]
fn no_panic_on_odd_text() {
    for t in [
        "",
        "ÄÖÜ 5",
        "Straße.",
        "ul.",
        "C/",
        "12 rue",
        "Mr.",
        "Hi ,",
        "a-'b",
        "00-",
        "1012 AB",
        "😀Müller😀 5",
    ] {
        let _ = find(t, &RecognizeOptions::default()).unwrap();
    }
}

#[test]
fn street_prefix_match_agrees_with_the_list() {
    for p in super::street::PREFIXES {
        assert!(super::street::is_prefix(p.as_bytes()), "{p}");
    }
}
