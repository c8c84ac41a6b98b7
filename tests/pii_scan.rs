//! `fieldguard::pii::recognize`: recognizers one by one, offsets, overlap
//! resolution, properties (no panic, char boundaries, sorted, UTF-16
//! conversion) and 1 MB adversarial inputs that must stay linear.

use fieldguard::pii::recognize::{char_offsets, find, utf16_offsets, RecognizeOptions, Recognizer};
use fieldguard::pii::EntityType;
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// (type, matched text, score) of every finding, default options.
/// The core recognizers' findings: with the `names` feature (`--features
/// cli`) names and places are found too; their tests are in
/// src/pii/recognize/names/ and tests/vectors/pii-names.json.
fn found(text: &str) -> Vec<(EntityType, &str, u8)> {
    find(text, &RecognizeOptions::default())
        .unwrap()
        .into_iter()
        .filter(|f| !f.entity_type.needs_names_feature())
        .map(|f| (f.entity_type, &text[f.start..f.end], f.score))
        .collect()
}

fn types(text: &str) -> Vec<EntityType> {
    found(text).into_iter().map(|f| f.0).collect()
}

use EntityType::*;

#[test]
fn credit_cards_need_luhn() {
    assert_eq!(
        found("card 4111 1111 1111 1111"),
        vec![(CreditCard, "4111 1111 1111 1111", 100)]
    );
    assert_eq!(
        found("x 5555555555554444 y"),
        vec![(CreditCard, "5555555555554444", 90)]
    );
    assert!(found("x 5555555555554445 y").is_empty());
    // 19-digit Visa (Luhn computed: 4111111111111111110 check below).
    assert!(types("x 4111-1111-1111-1111-1111").is_empty());
}

#[test]
fn ibans_printed_and_electronic() {
    assert_eq!(types("GB82 WEST 1234 5698 7654 32"), vec![IbanCode]);
    assert_eq!(types("(DE89370400440532013000)"), vec![IbanCode]);
    assert!(types("GB82 WEST 1234 5698 7654 31").is_empty());
    // Any case: people type IBANs in lower case; mod 97 and the exact
    // country length keep false positives rare. (This used to be refused.)
    assert_eq!(types("gb82west12345698765432"), vec![IbanCode]);
    assert_eq!(types("iban gb82 west 1234 5698 7654 32"), vec![IbanCode]);
    assert!(types("gb82west12345698765431").is_empty());
}

#[test]
fn ssn_ranges() {
    assert_eq!(types("ssn 536-90-4399"), vec![UsSsn]);
    for bad in [
        "000-12-3456",
        "666-12-3456",
        "900-12-3456",
        "536-00-4399",
        "536-90-0000",
        "078-05-1120",
    ] {
        assert!(!types(bad).contains(&UsSsn), "{bad}");
    }
    assert!(types("number 536904399").is_empty());
    assert_eq!(types("SSN 536904399"), vec![UsSsn]);
}

#[test]
fn phones() {
    assert_eq!(types("+44 20 7946 0958"), vec![PhoneNumber]);
    assert_eq!(types("+33 6 12 34 56 78"), vec![PhoneNumber]);
    assert_eq!(types("(415) 555-2671"), vec![PhoneNumber]);
    assert_eq!(types("(415)555-2671"), vec![PhoneNumber]);
    assert_eq!(types("020 7946 0958"), vec![PhoneNumber]);
    assert_eq!(types("06.12.34.56.78"), vec![PhoneNumber]);
    assert!(types("+0 1234 5678").is_empty());
    assert!(types("12.03.2024").is_empty());
    assert!(types("2023-10-05 14:30").is_empty());
    assert!(types("ISBN 978-3-16-148410-0").is_empty());
}

#[test]
fn phone_national_and_international_prefixes() {
    // Trunk prefix 0 and valid for a region with it (libphonenumber's
    // metadata): reported without a phone word (German mobiles, UK 5+6).
    assert_eq!(types("x 030 72976824 y"), vec![PhoneNumber]);
    assert_eq!(types("x 07967 381016 y"), vec![PhoneNumber]);
    assert_eq!(types("x 0151 64153817 y"), vec![PhoneNumber]);
    // 4-4-4 blocks: +49 8154 7110815 (area 08154) is a valid German
    // number, as libphonenumber's own `0800 1759 1759` is; digits no
    // region's plan has are not a phone number.
    assert_eq!(types("x 0815 4711 0815 y"), vec![PhoneNumber]);
    assert!(types("x 0100 4711 0815 y").is_empty());
    // No trunk prefix (Spain, Poland, Italian mobiles): a phone word needed.
    assert!(types("x 919 712 302 y").is_empty());
    assert_eq!(types("tel. 919 712 302"), vec![PhoneNumber]);
    assert_eq!(types("Rufnummer 22 063 22 09"), vec![PhoneNumber]);
    // `00` and `011` replace `+`; `000` is no access code.
    assert_eq!(
        found("0033 6 12 34 56 78"),
        vec![(PhoneNumber, "0033 6 12 34 56 78", 75)]
    );
    assert_eq!(types("011 33 6 12 34 56 78"), vec![PhoneNumber]);
    assert!(types("x 000 34 3376 y").is_empty());
    // Space-separated NANP needs a phone word, hyphenated does not.
    assert!(types("ref 212 555 0123").is_empty());
    assert_eq!(
        found("mobile: 212 555 0123"),
        vec![(PhoneNumber, "212 555 0123", 65)]
    );
    assert_eq!(
        found("212-555-0123"),
        vec![(PhoneNumber, "212-555-0123", 55)]
    );
}

#[test]
fn context_abbreviations_are_whole_words() {
    // `tel`, `call`, `cell`, `pan`, `né` are prefixes of other words.
    assert!(types("telescope 2125550123").is_empty());
    assert!(types("called 2125550123").is_empty());
    assert!(types("cellar 2125550123").is_empty());
    assert_eq!(types("Tel.: 2125550123"), vec![PhoneNumber]);
    assert_eq!(types("Tel 😀 2125550123"), vec![PhoneNumber]);
    // Longer words still match compounds and inflections.
    assert_eq!(types("Telefonnummer 2125550123"), vec![PhoneNumber]);
    assert_eq!(types("Zoë née le 12.03.1985"), vec![DateOfBirth]);
    assert!(types("nécessaire 12.03.1985").is_empty());
}

#[test]
fn context_word_partly_in_the_window_counts() {
    let s = Recognizer::new(&RecognizeOptions {
        context_window: 10,
        ..RecognizeOptions::default()
    })
    .unwrap();
    let t = |text: &str| {
        s.find(text)
            .into_iter()
            .map(|f| f.entity_type)
            .collect::<Vec<_>>()
    };
    // The window reaches into the word (`…nummer: `). 16923084586
    // passes both PESEL and the Steuer-ID check: context decides.
    assert_eq!(t("Steueridentifikationsnummer: 16923084586"), vec![DeTaxId]);
    assert_eq!(t("Telefonnummer: 2125550123"), vec![PhoneNumber]);
    // After: `t` at char 9 is in a window of 10, at char 10 it is not.
    assert_eq!(t("2125550123 abcdefg telefon"), vec![PhoneNumber]);
    assert!(t("2125550123 abcdefgh telefon").is_empty());
    // Before, with non-ASCII chars (counted as chars, not bytes).
    assert!(t("tel é😀 abcdefg 2125550123").is_empty());
    assert_eq!(t("Tél. é😀 2125550123"), vec![PhoneNumber]);
}

#[test]
fn checksum_beats_shape_unless_context_says_otherwise() {
    // 943 476 5919 passes NHS mod 11 and has the NANP 3-3-4 shape.
    assert_eq!(found("x 943-476-5919"), vec![(UkNhs, "943-476-5919", 60)]);
    assert_eq!(
        found("phone 943-476-5919"),
        vec![(PhoneNumber, "943-476-5919", 75)]
    );
    // Bare 10 digits in the CHI range need a DDMM date or an NHS word.
    assert!(types("1600781454").is_empty());
    assert_eq!(types("nhs 1600781454"), vec![UkNhs]);
    assert_eq!(types("x 4505577104"), vec![UkNhs]);
    // BSN in the printed layout, after `label:`.
    assert_eq!(types("x 1112.22.333"), vec![NlBsn]);
    assert_eq!(types("bsn:111222333"), vec![NlBsn]);
    // A 15-digit number in the Mastercard 2-series is no Mastercard.
    assert_eq!(types("244042370916007"), vec![FrNir]);
    // The digits of an invalid printed IBAN are no card.
    assert!(types("AT24 6196 3251 9244 5965").is_empty());
}

#[test]
fn secret_values() {
    let secret = |t| {
        found(t)
            .into_iter()
            .filter(|f| f.0 == SecretAssignment)
            .map(|f| f.1)
            .collect::<Vec<_>>()
    };
    assert_eq!(secret("DB_PASS: hunter2é."), vec!["hunter2é"]);
    assert_eq!(secret("a?token=abc&def&x=1"), vec!["abc&def"]);
    assert!(secret("let token = keyring.encrypt(\"a\");").is_empty());
    assert!(secret("token = getToken();").is_empty());
    assert_eq!(secret("token = \"abc(def\""), vec!["abc(def"]);
}

#[test]
fn dates_of_birth_in_more_forms() {
    let dob = |t| {
        found(t)
            .into_iter()
            .filter(|f| f.0 == DateOfBirth)
            .map(|f| f.1)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        dob("nació el 3 de marzo del 1990"),
        vec!["3 de marzo del 1990"]
    );
    assert_eq!(dob("F. nac.: 09/11/1982 😀"), vec!["09/11/1982"]);
    assert_eq!(dob("urodził się 26.05.2000 w"), vec!["26.05.2000"]);
    assert_eq!(dob("born 12.03.1985 14:30"), vec!["12.03.1985"]);
    assert_eq!(dob("born 1985-03-12T08:15:00Z"), vec!["1985-03-12"]);
    assert!(dob("born 1985-03-12T").is_empty());
    assert!(dob("born x.1985-03-12 14:30").is_empty());
    assert!(dob("born 1985-03-12T08").is_empty());
}

#[test]
fn ip_addresses() {
    assert_eq!(found("8.8.8.8"), vec![(IpAddress, "8.8.8.8", 75)]);
    // More than four dotted groups: a version string or an OID.
    assert!(types("1.2.3.4.5").is_empty());
    assert!(types("192.168.1.1.1").is_empty());
    assert_eq!(found("10.0.0.1:8080"), vec![(IpAddress, "10.0.0.1", 75)]);
    assert_eq!(found("(10.0.0.1)"), vec![(IpAddress, "10.0.0.1", 75)]);
    assert_eq!(found("10.0.0.0/8"), vec![(IpAddress, "10.0.0.0/8", 75)]);
    assert_eq!(found("10.0.0.0/33"), vec![(IpAddress, "10.0.0.0", 75)]);
    assert_eq!(
        found("fe80::1%eth0/64"),
        vec![(IpAddress, "fe80::1%eth0/64", 80)]
    );
    assert!(types("text2001:db8::1 2001::db8::1 :::").is_empty());
    assert!(types("v1.2.3.4").is_empty());
    assert!(types("1.02.3.4").is_empty());
    assert_eq!(types("::ffff:192.0.2.128"), vec![IpAddress]);
    assert_eq!(types("[2001:db8::1]:443"), vec![IpAddress]);
    assert!(types("std::vector a::b").is_empty());
    // `::` alone is the unspecified address (RFC 4291 2.5.2), but also
    // Haskell or reStructuredText punctuation: 50.
    assert_eq!(found("bind ::"), vec![(IpAddress, "::", 50)]);
}

#[test]
fn urls_and_emails() {
    assert_eq!(
        found("<https://a.example/x>"),
        vec![(Url, "https://a.example/x", 70)]
    );
    assert_eq!(found("(www.a.example)"), vec![(Url, "www.a.example", 60)]);
    assert_eq!(
        found("https://en.wikipedia.org/wiki/Foo_(bar)"),
        vec![(Url, "https://en.wikipedia.org/wiki/Foo_(bar)", 70)]
    );
    assert!(types("http://").is_empty());
    assert_eq!(
        found("\"a.b@c.example\""),
        vec![(EmailAddress, "a.b@c.example", 90)]
    );
    assert!(types("a@b").is_empty());
    assert!(types("a@b.c1").is_empty());
}

#[test]
fn mac_and_crypto() {
    assert_eq!(types("aa:bb:cc:dd:ee:ff"), vec![MacAddress]);
    assert!(types("aa:bb:cc:dd:ee:ff:00")
        .iter()
        .all(|&t| t != MacAddress));
    assert_eq!(types("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"), vec![Crypto]);
    assert!(types("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3").is_empty());
    // Mixed case bech32 is invalid by BIP 173.
    assert!(types("bc1Qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").is_empty());
    assert_eq!(
        types("0x52908400098527886E0F7030069857D2E4169EE7"),
        vec![Crypto]
    );
}

#[test]
fn date_of_birth_needs_birth_words() {
    for (text, date) in [
        ("born: 01/03/1990", "01/03/1990"),
        ("d.o.b. 1990-03-01", "1990-03-01"),
        ("geboren am 01.03.1990", "01.03.1990"),
        ("nato il 01/03/1990", "01/03/1990"),
        ("urodzony 01.03.1990", "01.03.1990"),
        ("01.03.1990 (date of birth)", "01.03.1990"),
        ("urodzona 5 maja 1990", "5 maja 1990"),
        ("born Sept. 9, 1979", "Sept. 9, 1979"),
    ] {
        assert_eq!(found(text), vec![(DateOfBirth, date, 80)], "{text}");
    }
    assert!(types("due 01.03.1990").is_empty());
    assert!(types("born 1990-02-30").is_empty());
}

#[test]
fn national_ids() {
    assert_eq!(types("NHS 9434765919"), vec![UkNhs]);
    assert_eq!(types("PESEL 02070803628"), vec![PlPesel]);
    // Checksum right but month 13 is no date.
    assert!(types("PESEL 44131401356").iter().all(|&t| t != PlPesel));
    assert_eq!(types("IdNr 65929970489"), vec![DeTaxId]);
    // Digit repeated four times breaks the repetition rule.
    assert!(types("IdNr 11112345678").iter().all(|&t| t != DeTaxId));
    assert_eq!(types("NIE Y1234567X"), vec![EsNif]);
    assert_eq!(types("BSN 123456782"), vec![NlBsn]);
    assert_eq!(types("CF RSSMRA85T10A562S"), vec![ItFiscalCode]);
    assert_eq!(types("NIR 185057800608491"), vec![FrNir]);
}

#[test]
fn secrets() {
    assert_eq!(
        found("passwd: s3cret!"),
        vec![(SecretAssignment, "s3cret!", 80)]
    );
    assert_eq!(
        found("APIKEY = 'abcd1234'"),
        vec![(SecretAssignment, "abcd1234", 80)]
    );
    assert_eq!(
        found("secret=xyz&next=1"),
        vec![(SecretAssignment, "xyz", 80)]
    );
    assert!(types("password: ****").is_empty());
    assert!(types("the password is long").is_empty());
    assert!(types("-----BEGIN RSA PRIVATE KEY-----\nabc").is_empty());
    let pem = "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----";
    assert_eq!(found(pem), vec![(PrivateKey, pem, 100)]);
    assert!(types("-----BEGIN PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----").is_empty());
    assert_eq!(types("ASIAY34FZKBOKMUTVV7A"), vec![AwsAccessKey]);
}

#[test]
fn overlaps_keep_the_best_and_sort() {
    // The email (90) beats the URL (70) that contains it.
    assert_eq!(types("http://x.example/a@b.example"), vec![EmailAddress]);
    // Digits right after `/` or `:` are not a token of their own, so the
    // URL keeps its IPv4 host.
    assert_eq!(types("http://192.168.0.1/admin"), vec![Url]);
    let text = "b@c.example 4111111111111111 a@b.example";
    let f = find(text, &RecognizeOptions::default()).unwrap();
    assert!(f.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn options_and_errors() {
    let only_ip = RecognizeOptions::default().entities([IpAddress]);
    assert_eq!(find("a@b.example 1.2.3.4", &only_ip).unwrap().len(), 1);
    // Names need the `names` feature (which `cli` includes).
    assert_eq!(
        find("x", &RecognizeOptions::default().entities([PersonName])).is_ok(),
        cfg!(feature = "names")
    );
    let big = RecognizeOptions {
        max_input_bytes: 2,
        ..RecognizeOptions::default()
    };
    assert_eq!(find("abc", &big).unwrap_err().code(), "INPUT_TOO_LARGE");
    // The error never echoes the text.
    assert!(!find(
        "secretvalue",
        &RecognizeOptions {
            max_input_bytes: 2,
            ..RecognizeOptions::default()
        }
    )
    .unwrap_err()
    .to_string()
    .contains("secretvalue"));
    let s = Recognizer::new(&RecognizeOptions::default()).unwrap();
    assert_eq!(s.find("a@b.example"), s.find("a@b.example"));
    // Recognizer::find never drops findings because of the size limit.
    let small = Recognizer::new(&RecognizeOptions {
        max_input_bytes: 1,
        ..RecognizeOptions::default()
    })
    .unwrap();
    assert_eq!(small.find("a@b.example").len(), 1);
    assert_eq!(
        small.try_find("a@b.example").unwrap_err().code(),
        "INPUT_TOO_LARGE"
    );
}

#[test]
fn offsets_in_three_units() {
    let text = "é😀 a@b.example";
    let f = find(text, &RecognizeOptions::default()).unwrap();
    assert_eq!((f[0].start, f[0].end), (7, 18));
    assert_eq!(utf16_offsets(text, &f), vec![(4, 15)]);
    assert_eq!(char_offsets(text, &f), vec![(3, 14)]);
}

/// Each adversarial 1 MB input must finish quickly (linear scan); the
/// bound is generous for debug builds on a shared machine.
fn fast(text: &str) {
    let t = Instant::now();
    let _ = find(text, &RecognizeOptions::default()).unwrap();
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}

#[test]
fn adversarial_megabyte_inputs() {
    const MB: usize = 1 << 20;
    fast(&"7".repeat(MB));
    fast(&"1 ".repeat(MB / 2));
    fast(&"@".repeat(MB));
    fast(&"a@".repeat(MB / 2));
    fast(&"-----BEGIN RSA PRIVATE KEY-----".repeat(MB / 31));
    fast(&"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN".repeat(MB / 33));
    fast(&"http://".repeat(MB / 7));
    fast(&"eyJ-".repeat(MB / 4));
    fast(&"password=".repeat(MB / 9));
    fast(&"ff:".repeat(MB / 3));
    fast(&"+1 ".repeat(MB / 3));
    fast(&"a_pass=x&".repeat(MB / 9));
    fast(&"&".repeat(MB));
    fast(&"1 de 1 de ".repeat(MB / 10));
    fast(&"1985-03-12 1".repeat(MB / 12));
    fast(&"x:1".repeat(MB / 3));
    fast(&"00".repeat(MB / 2));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_offsets_are_sound(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn pii_alphabet_soup(text in "[0-9a-fA-FxXbcZ@.:/+()\\- =\"'é😀\n]{0,200}") {
        check(&text);
    }
}

fn check(text: &str) {
    let f = find(
        text,
        &RecognizeOptions {
            min_score: 0,
            ..RecognizeOptions::default()
        },
    )
    .unwrap();
    for x in &f {
        assert!(x.start < x.end && x.end <= text.len());
        assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        assert!(x.score <= 100);
    }
    assert!(f
        .windows(2)
        .all(|w| (w[0].start, std::cmp::Reverse(w[0].end))
            <= (w[1].start, std::cmp::Reverse(w[1].end))));
    assert!(f.windows(2).all(|w| w[0].end <= w[1].start), "no overlaps");
    let u = utf16_offsets(text, &f);
    let c = char_offsets(text, &f);
    for (k, x) in f.iter().enumerate() {
        assert_eq!(u[k].0, text[..x.start].encode_utf16().count());
        assert_eq!(u[k].1, text[..x.end].encode_utf16().count());
        assert_eq!(c[k].1, text[..x.end].chars().count());
    }
}
