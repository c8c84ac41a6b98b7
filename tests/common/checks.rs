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
