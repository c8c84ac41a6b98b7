//! Check-digit and format checks written in the tests, independently of
//! the library, for the invariants of pseudonyms (tests/pii_ops.rs) and of
//! anonymized exports (tests/cli_anonymize.rs).

pub fn luhn_ok(d: &str) -> bool {
    let digits: Vec<u32> = d.chars().filter_map(|c| c.to_digit(10)).collect();
    let mut sum = 0;
    for (i, v) in digits.iter().rev().enumerate() {
        let x = if i % 2 == 1 { v * 2 } else { *v };
        sum += x / 10 + x % 10;
    }
    sum % 10 == 0
}

pub fn mod97_ok(iban: &str) -> bool {
    let s: String = iban
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let re = format!("{}{}", &s[4..], &s[..4]);
    let mut num = String::new();
    for c in re.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else {
            num.push_str(&(c as u32 - 'A' as u32 + 10).to_string());
        }
    }
    num.bytes()
        .fold(0u64, |a, b| (a * 10 + u64::from(b - b'0')) % 97)
        == 1
}

/// BBAN structures of every country of the SWIFT IBAN Registry, as the
/// registry prints them (fields not merged; copied from python-stdnum 2.2
/// `iban.dat`, release 101 of the registry), written here so that the
/// tests do not read the library's generated table.
#[rustfmt::skip]
pub const IBAN_BBAN: &[(&str, &str)] = &[
    ("AD", "4!n4!n12!c"), ("AE", "3!n16!n"), ("AL", "8!n16!c"), ("AT", "5!n11!n"),
    ("AZ", "4!a20!c"), ("BA", "3!n3!n8!n2!n"), ("BE", "3!n7!n2!n"), ("BG", "4!a4!n2!n8!c"),
    ("BH", "4!a14!c"), ("BI", "5!n5!n11!n2!n"), ("BR", "8!n5!n10!n1!a1!c"), ("BY", "4!c4!n16!c"),
    ("CH", "5!n12!c"), ("CR", "4!n14!n"), ("CY", "3!n5!n16!c"), ("CZ", "4!n16!n"),
    ("DE", "8!n10!n"), ("DJ", "5!n5!n11!n2!n"), ("DK", "4!n9!n1!n"), ("DO", "4!c20!n"),
    ("EE", "2!n14!n"), ("EG", "4!n4!n17!n"), ("ES", "4!n4!n1!n1!n10!n"), ("FI", "3!n11!n"),
    ("FK", "2!a12!n"), ("FO", "4!n9!n1!n"), ("FR", "5!n5!n11!c2!n"), ("GB", "4!a6!n8!n"),
    ("GE", "2!a16!n"), ("GI", "4!a15!c"), ("GL", "4!n9!n1!n"), ("GR", "3!n4!n16!c"),
    ("GT", "4!c20!c"), ("HN", "4!a20!n"), ("HR", "7!n10!n"), ("HU", "3!n4!n1!n15!n1!n"),
    ("IE", "4!a6!n8!n"), ("IL", "3!n3!n13!n"), ("IQ", "4!a3!n12!n"), ("IS", "4!n2!n6!n10!n"),
    ("IT", "1!a5!n5!n12!c"), ("JO", "4!a4!n18!c"), ("KW", "4!a22!c"), ("KZ", "3!n13!c"),
    ("LB", "4!n20!c"), ("LC", "4!a24!c"), ("LI", "5!n12!c"), ("LT", "5!n11!n"), ("LU", "3!n13!c"),
    ("LV", "4!a13!c"), ("LY", "3!n3!n15!n"), ("MC", "5!n5!n11!c2!n"), ("MD", "2!c18!c"),
    ("ME", "3!n13!n2!n"), ("MK", "3!n10!c2!n"), ("MN", "4!n12!n"), ("MR", "5!n5!n11!n2!n"),
    ("MT", "4!a5!n18!c"), ("MU", "4!a2!n2!n12!n3!n3!a"), ("NI", "4!a20!n"), ("NL", "4!a10!n"),
    ("NO", "4!n6!n1!n"), ("OM", "3!n16!c"), ("PK", "4!a16!c"), ("PL", "8!n16!n"),
    ("PS", "4!a21!c"), ("PT", "4!n4!n11!n2!n"), ("QA", "4!a21!c"), ("RO", "4!a16!c"),
    ("RS", "3!n13!n2!n"), ("RU", "9!n5!n15!c"), ("SA", "2!n18!c"), ("SC", "4!a2!n2!n16!n3!a"),
    ("SD", "2!n12!n"), ("SE", "3!n16!n1!n"), ("SI", "5!n8!n2!n"), ("SK", "4!n6!n10!n"),
    ("SM", "1!a5!n5!n12!c"), ("SO", "4!n3!n12!n"), ("ST", "4!n4!n11!n2!n"), ("SV", "4!a20!n"),
    ("TL", "3!n14!n2!n"), ("TN", "2!n3!n13!n2!n"), ("TR", "5!n1!n16!c"), ("UA", "6!n19!c"),
    ("VA", "3!n15!n"), ("VG", "4!a16!n"), ("XK", "4!n10!n2!n"), ("YE", "4!a4!n18!c"),
];

/// The character class of each BBAN position of a registry format string
/// such as `4!a6!n8!n`: `n` digit, `a` upper-case letter, `c` either.
pub fn bban_classes(format: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut count = String::new();
    for ch in format.chars() {
        match ch {
            '0'..='9' => count.push(ch),
            '!' => {}
            'n' | 'a' | 'c' => {
                let n: usize = count.parse().expect("field length");
                out.extend(std::iter::repeat_n(ch, n));
                count.clear();
            }
            _ => panic!("unexpected {ch:?} in {format}"),
        }
    }
    out
}

/// An IBAN (spaces ignored) whose country is in the registry, with its
/// length, every BBAN character of its class, check digits and mod 97.
pub fn iban_structure_ok(iban: &str) -> bool {
    let s: Vec<char> = iban.chars().filter(|c| *c != ' ').collect();
    if s.len() < 4 || !s[2..4].iter().all(char::is_ascii_digit) {
        return false;
    }
    let cc: String = s[..2].iter().collect();
    let Some((_, format)) = IBAN_BBAN.iter().find(|(c, _)| *c == cc) else {
        return false;
    };
    let classes = bban_classes(format);
    classes.len() + 4 == s.len()
        && s[4..].iter().zip(&classes).all(|(c, k)| match k {
            'n' => c.is_ascii_digit(),
            'a' => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || c.is_ascii_uppercase(),
        })
        && mod97_ok(iban)
}

/// Spain's CCC (the BBAN: bank 4, branch 4, 2 check digits, account 10):
/// each check digit is 11 - (weights 1 2 4 8 5 10 9 7 3 6 over `00` bank
/// branch, resp. the account) mod 11, with 11 -> 0 and 10 -> 1.
pub fn es_ccc_ok(iban: &str) -> bool {
    let d: Vec<u32> = digits(iban.get(4..).unwrap_or(""))
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    if d.len() != 20 {
        return false;
    }
    let check = |part: &[u32]| {
        let w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        match 11 - part.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11 {
            11 => 0,
            10 => 1,
            n => n,
        }
    };
    let mut head = vec![0, 0];
    head.extend_from_slice(&d[..8]);
    check(&head) == d[8] && check(&d[10..]) == d[9]
}

pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

pub fn nhs_ok(s: &str) -> bool {
    let d: Vec<u32> = digits(s).chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = (0..9).map(|i| d[i] * (10 - i as u32)).sum();
    let check = (11 - sum % 11) % 11;
    d.len() == 10 && check != 10 && check == d[9]
}

pub fn bsn_ok(s: &str) -> bool {
    let d: Vec<i32> = digits(s)
        .chars()
        .map(|c| c.to_digit(10).unwrap() as i32)
        .collect();
    let sum: i32 = (0..8).map(|i| d[i] * (9 - i as i32)).sum::<i32>() - d[8];
    d.len() == 9 && sum % 11 == 0
}

pub fn nif_ok(s: &str) -> bool {
    let s: String = s
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_uppercase();
    let num = s[..8].replace('X', "0").replace('Y', "1").replace('Z', "2");
    let n: u32 = num.parse().unwrap();
    s.as_bytes()[8] == b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize]
}

pub fn pesel_ok(s: &str) -> bool {
    let d: Vec<u32> = digits(s).chars().map(|c| c.to_digit(10).unwrap()).collect();
    let w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    let sum: u32 = (0..10).map(|i| d[i] * w[i]).sum();
    let month = (d[2] * 10 + d[3]) % 20;
    (10 - sum % 10) % 10 == d[10] && (1..=12).contains(&month)
}

/// Codice fiscale check letter (odd positions through the published table).
pub fn cf_ok(s: &str) -> bool {
    let odd = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let s = s.to_ascii_uppercase();
    let sum: usize = s
        .bytes()
        .take(15)
        .enumerate()
        .map(|(i, c)| {
            let idx = if c.is_ascii_digit() {
                usize::from(c - b'0')
            } else {
                usize::from(c - b'A')
            };
            if i % 2 == 0 {
                odd[idx]
            } else {
                idx
            }
        })
        .sum();
    s.as_bytes()[15] == b'A' + (sum % 26) as u8
}

/// Steuerliche Identifikationsnummer, as the ELSTER document "Prüfung der
/// Steuer- und Steueridentifikationsnummer" (section 2.2) states it:
/// 11 digits, the first not 0; in the first ten one digit occurs twice or
/// three times (three not all adjacent), every other digit at most once;
/// the 11th is the ISO 7064 MOD 11,10 check digit.
pub fn de_tax_ok(s: &str) -> bool {
    let d: Vec<u32> = digits(s).chars().map(|c| c.to_digit(10).unwrap()).collect();
    if d.len() != 11 || d[0] == 0 {
        return false;
    }
    let mut counts = [0; 10];
    for &x in &d[..10] {
        counts[x as usize] += 1;
    }
    let repeated: Vec<u32> = (0..10).filter(|&x| counts[x as usize] > 1).collect();
    let rule = match repeated.as_slice() {
        [x] if counts[*x as usize] == 2 => true,
        [x] if counts[*x as usize] == 3 => !(0..8).any(|i| d[i..i + 3].iter().all(|v| v == x)),
        _ => false,
    };
    // ISO 7064 MOD 11,10 (pure system with two moduli, M = 10, M + 1 = 11).
    let mut p = 10;
    for &x in &d[..10] {
        let s = match (x + p) % 10 {
            0 => 10,
            s => s,
        };
        p = (2 * s) % 11;
    }
    rule && (11 - p) % 10 == d[10]
}

/// French NIR: the key is 97 − (the first 13 characters mod 97), with
/// Corsica's départements 2A and 2B read as 19 and 18 (INSEE; the examples
/// of python-stdnum's stdnum.fr.nir pass).
pub fn nir_ok(s: &str) -> bool {
    let s: String = s
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_uppercase();
    if s.len() != 15 {
        return false;
    }
    let number = match &s[5..7] {
        "2A" => format!("{}19{}", &s[..5], &s[7..13]),
        "2B" => format!("{}18{}", &s[..5], &s[7..13]),
        _ => s[..13].to_string(),
    };
    match (number.parse::<u64>(), s[13..].parse::<u64>()) {
        (Ok(n), Ok(key)) => 97 - n % 97 == key,
        _ => false,
    }
}

pub fn layout(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { 'x' } else { c })
        .collect()
}

/// Days in a month of the Gregorian calendar (month 1..=12), written here
/// independently of the library's `checks::calendar`.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0);
    [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month as usize - 1]
}
