//! Cryptocurrency addresses: Bitcoin Base58Check (P2PKH `1…`, P2SH `3…`)
//! with the double-SHA-256 checksum, bech32/bech32m (`bc1…`, BIP 173/350)
//! with the BCH checksum, and Ethereum `0x` + 40 hex digits.
//!
//! Ethereum's EIP-55 mixed-case checksum needs Keccak-256, which fieldguard
//! does not link; so all-lowercase and all-uppercase addresses score 60 and
//! mixed-case ones (checksum unverified) 60 as well, raised by context words.

use super::{is_word, Cx, EntityType};
use sha2::{Digest, Sha256};

const B58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn b58_value(c: u8) -> Option<u8> {
    B58.iter().position(|&x| x == c).map(|p| p as u8)
}

/// Decode Base58 (≤ 35 chars) into 25 bytes, or `None`.
fn b58_decode25(s: &[u8]) -> Option<[u8; 25]> {
    let mut out = [0u8; 25];
    for &c in s {
        let mut carry = u32::from(b58_value(c)?);
        for byte in out.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        if carry != 0 {
            return None;
        }
    }
    Some(out)
}

/// P2PKH/P2SH: 26–35 Base58 chars decoding to version (0x00 or 0x05) +
/// 20-byte hash + the first 4 bytes of SHA-256(SHA-256(version + hash)).
pub(super) fn base58(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::Crypto) {
        return;
    }
    let b = cx.b;
    let mut e = i;
    while e < b.len() && e - i <= 35 && b58_value(b[e]).is_some() {
        e += 1;
    }
    if !(26..=35).contains(&(e - i)) || is_word(cx.at(e)) {
        return;
    }
    let Some(raw) = b58_decode25(&b[i..e]) else {
        return;
    };
    let leading_ones = b[i..e].iter().take_while(|&&c| c == b'1').count();
    let version_ok =
        (b[i] == b'1' && raw[0] == 0 && leading_ones == 1) || (b[i] == b'3' && raw[0] == 5);
    if !version_ok {
        return;
    }
    let check = Sha256::digest(Sha256::digest(&raw[..21]));
    if check[..4] == raw[21..] {
        cx.push(EntityType::Crypto, i, e, 95, "crypto.btc_base58");
    }
}

const CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn polymod(values: &[u8]) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk = 1u32;
    for &v in values {
        let top = chk >> 25;
        chk = ((chk & 0x01ff_ffff) << 5) ^ u32::from(v);
        for (k, g) in GEN.iter().enumerate() {
            if (top >> k) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

/// `bc1` + data, one case only, 14–74 chars of data, checksum constant 1
/// (bech32, witness v0) or 0x2bc830a3 (bech32m, v1+).
pub(super) fn bech32(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::Crypto) {
        return;
    }
    let b = cx.b;
    if b.len() < i + 14 || !b[i..i + 3].eq_ignore_ascii_case(b"bc1") {
        return;
    }
    let mut e = i + 3;
    while e < b.len() && e - i <= 90 && b[e].is_ascii_alphanumeric() {
        e += 1;
    }
    let s = &b[i..e];
    if !(14..=90).contains(&s.len()) || is_word(cx.at(e)) {
        return;
    }
    let lower = s.iter().all(|c| !c.is_ascii_uppercase());
    let upper = s.iter().all(|c| !c.is_ascii_lowercase());
    if !lower && !upper {
        return;
    }
    let mut values = vec![3, 3, 0, 2, 3]; // hrp "bc" expanded
    for &c in &s[3..] {
        let Some(v) = CHARSET.iter().position(|&x| x == c.to_ascii_lowercase()) else {
            return;
        };
        values.push(v as u8);
    }
    let data_len = values.len() - 5;
    if data_len < 7 {
        return;
    }
    let version = values[5];
    let constant = polymod(&values);
    let ok = (version == 0 && constant == 1 && matches!(data_len, 39 | 59))
        || ((1..=16).contains(&version) && constant == 0x2bc8_30a3);
    if ok {
        cx.push(EntityType::Crypto, i, e, 95, "crypto.btc_bech32");
    }
}

/// `0x` + exactly 40 hex digits.
pub(super) fn eth(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::Crypto) {
        return;
    }
    let b = cx.b;
    if b.len() < i + 42
        || !b[i + 2..i + 42].iter().all(u8::is_ascii_hexdigit)
        || is_word(cx.at(i + 42))
    {
        return;
    }
    if b[i + 2..i + 42].iter().all(|&c| c == b'0') {
        return;
    }
    cx.push(EntityType::Crypto, i, i + 42, 60, "crypto.eth");
}
