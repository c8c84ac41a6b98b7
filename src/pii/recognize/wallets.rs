//! Cryptocurrency wallet addresses (entity `CRYPTO`; the recognizer ids
//! keep their `crypto.` prefix, they are part of the output): Bitcoin Base58Check (P2PKH `1…`, P2SH `3…`)
//! with the double-SHA-256 checksum, bech32/bech32m (`bc1…`, BIP 173/350)
//! with the BCH checksum, and Ethereum `0x` + 40 hex digits.
//!
//! Ethereum: a mixed-case address must match its EIP-55 checksum (the case
//! of each letter is a bit of Keccak-256 of the lowercase hex) and then
//! scores 95; all-lowercase or all-uppercase addresses carry no checksum and
//! score 60. Keccak-256 is a small local implementation (the one-block case
//! only: the input is 40 bytes), tested against SHA3-256 which differs only
//! in the padding byte.

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
    // Base58Check writes each leading zero byte as one `1` (version 0x00
    // plus any zero bytes the hash starts with: `11XQ7…`).
    let leading_ones = b[i..e].iter().take_while(|&&c| c == b'1').count();
    let zero_bytes = raw.iter().take_while(|&&x| x == 0).count();
    let version_ok = (b[i] == b'1' && raw[0] == 0 && leading_ones == zero_bytes)
        || (b[i] == b'3' && raw[0] == 5);
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
    let hex = &b[i + 2..i + 42];
    if hex.iter().all(|&c| c == b'0') {
        return;
    }
    let lower = hex.iter().all(|c| !c.is_ascii_uppercase());
    let upper = hex.iter().all(|c| !c.is_ascii_lowercase());
    if lower || upper {
        cx.push(EntityType::Crypto, i, i + 42, 60, "crypto.eth");
    } else if eip55(hex) {
        cx.push(EntityType::Crypto, i, i + 42, 95, "crypto.eth_eip55");
    }
}

/// EIP-55: letter k is uppercase iff nibble k of Keccak-256(lowercase hex) ≥ 8.
fn eip55(hex: &[u8]) -> bool {
    let mut lower = [0u8; 40];
    for (d, s) in lower.iter_mut().zip(hex) {
        *d = s.to_ascii_lowercase();
    }
    let hash = keccak256_short(&lower, 0x01);
    hex.iter().enumerate().all(|(k, &c)| {
        let nibble = if k % 2 == 0 {
            hash[k / 2] >> 4
        } else {
            hash[k / 2] & 0x0f
        };
        !c.is_ascii_alphabetic() || c.is_ascii_uppercase() == (nibble >= 8)
    })
}

const RC: [u64; 24] = [
    0x0000_0000_0000_0001,
    0x0000_0000_0000_8082,
    0x8000_0000_0000_808a,
    0x8000_0000_8000_8000,
    0x0000_0000_0000_808b,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8009,
    0x0000_0000_0000_008a,
    0x0000_0000_0000_0088,
    0x0000_0000_8000_8009,
    0x0000_0000_8000_000a,
    0x0000_0000_8000_808b,
    0x8000_0000_0000_008b,
    0x8000_0000_0000_8089,
    0x8000_0000_0000_8003,
    0x8000_0000_0000_8002,
    0x8000_0000_0000_0080,
    0x0000_0000_0000_800a,
    0x8000_0000_8000_000a,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8080,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8008,
];
const ROTC: [u32; 24] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
];
const PILN: [usize; 24] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
];

fn keccak_f(st: &mut [u64; 25]) {
    for rc in RC {
        let mut bc = [0u64; 5];
        for i in 0..5 {
            bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
        }
        for i in 0..5 {
            let t = bc[(i + 4) % 5] ^ bc[(i + 1) % 5].rotate_left(1);
            for j in (0..25).step_by(5) {
                st[j + i] ^= t;
            }
        }
        let mut t = st[1];
        for (&j, &r) in PILN.iter().zip(&ROTC) {
            let next = st[j];
            st[j] = t.rotate_left(r);
            t = next;
        }
        for j in (0..25).step_by(5) {
            let row = [st[j], st[j + 1], st[j + 2], st[j + 3], st[j + 4]];
            for i in 0..5 {
                st[j + i] = row[i] ^ (!row[(i + 1) % 5] & row[(i + 2) % 5]);
            }
        }
        st[0] ^= rc;
    }
}

/// Keccak-256 (`pad` 0x01) or SHA3-256 (`pad` 0x06) of at most 135 bytes
/// (one block of rate 136); longer input is truncated by the caller's
/// contract, never read past.
pub(super) fn keccak256_short(msg: &[u8], pad: u8) -> [u8; 32] {
    let mut block = [0u8; 136];
    let n = msg.len().min(135);
    block[..n].copy_from_slice(&msg[..n]);
    block[n] ^= pad;
    block[135] ^= 0x80;
    let mut st = [0u64; 25];
    for (lane, chunk) in st.iter_mut().zip(block.chunks_exact(8)) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        *lane ^= u64::from_le_bytes(w);
    }
    keccak_f(&mut st);
    let mut out = [0u8; 32];
    for (chunk, lane) in out.chunks_exact_mut(8).zip(&st) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::keccak256_short;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn sha3_and_keccak_known_answers() {
        // FIPS 202 SHA3-256("") and ("abc"); Keccak-256("") as used by Ethereum.
        assert_eq!(
            hex(&keccak256_short(b"", 0x06)),
            "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
        );
        assert_eq!(
            hex(&keccak256_short(b"abc", 0x06)),
            "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
        );
        assert_eq!(
            hex(&keccak256_short(b"", 0x01)),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
        );
    }
}
