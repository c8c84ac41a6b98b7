//! `cargo bench --bench crypto`: field encryption throughput. Prints numbers;
//! asserts nothing about speed (that depends on the machine).
//!
//! To see what AES-NI buys, compare with the portable AES:
//! `RUSTFLAGS='--cfg aes_force_soft' cargo bench --bench crypto`.

use fieldguard::{BlindIndexOptions, Keyring};
mod common;

use common::measure;
use std::hint::black_box;
use std::time::Duration;

fn main() {
    let aes_ni = {
        #[cfg(target_arch = "x86_64")]
        {
            std::arch::is_x86_feature_detected!("aes")
                && std::arch::is_x86_feature_detected!("pclmulqdq")
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            false
        }
    };
    let soft = cfg!(aes_force_soft);
    println!(
        "fieldguard crypto benchmarks — CPU AES-NI+CLMUL: {aes_ni}; aes crate backend: {}",
        if soft {
            "portable (aes_force_soft)"
        } else if aes_ni {
            "AES-NI (runtime-detected)"
        } else {
            "portable"
        }
    );
    let budget = Duration::from_secs(2);
    let kr = Keyring::generate().unwrap();
    let ctx = b"users.email\x00cus_1001";

    let field = [0x61u8; 64];
    let token = kr.encrypt(&field, ctx).unwrap();
    let enc = measure(budget, || {
        black_box(kr.encrypt(black_box(&field), ctx).unwrap());
    });
    let dec = measure(budget, || {
        black_box(kr.decrypt(black_box(&token), ctx).unwrap());
    });
    let both = measure(budget, || {
        let t = kr.encrypt(black_box(&field), ctx).unwrap();
        black_box(kr.decrypt(&t, ctx).unwrap());
    });
    println!("AES-256-GCM 64-byte field: encrypt {enc:>10.0} ops/s, decrypt {dec:>10.0} ops/s, encrypt+decrypt {both:>10.0} ops/s");

    let text = "alice@example.com";
    let text_token = kr.encrypt_str(text, ctx).unwrap();
    let s_enc = measure(budget, || {
        black_box(kr.encrypt_str(black_box(text), ctx).unwrap());
    });
    let s_dec = measure(budget, || {
        black_box(kr.decrypt_str(black_box(&text_token), ctx).unwrap());
    });
    println!("text tokens (17-char email): encrypt_str {s_enc:>10.0} ops/s, decrypt_str {s_dec:>10.0} ops/s");

    let big = vec![0x5au8; 1 << 20];
    let big_token = kr.encrypt(&big, ctx).unwrap();
    let mib = |ops: f64| ops; // 1 MiB per op, so ops/s = MiB/s
    let big_enc = mib(measure(budget, || {
        black_box(kr.encrypt(black_box(&big), ctx).unwrap());
    }));
    let big_dec = mib(measure(budget, || {
        black_box(kr.decrypt(black_box(&big_token), ctx).unwrap());
    }));
    println!("AES-256-GCM 1 MiB: encrypt {big_enc:>8.0} MiB/s, decrypt {big_dec:>8.0} MiB/s");

    let det = measure(budget, || {
        black_box(kr.encrypt_deterministic(black_box(&field), ctx).unwrap());
    });
    let opts = BlindIndexOptions::new(b"users.email").case_insensitive(true);
    let bi = measure(budget, || {
        black_box(
            kr.blind_index(black_box("Alice@Example.com"), &opts)
                .unwrap(),
        );
    });
    println!("AES-SIV 64-byte field: {det:>10.0} ops/s; blind index (email, case-insensitive): {bi:>10.0} ops/s");
}
