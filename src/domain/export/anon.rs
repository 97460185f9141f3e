//! Anonymised exports: a case reference becomes a token, keyed per export
//! (HMAC-SHA256), so the same case is the same token within one export and
//! cannot be looked up without the key. The case is taken as totals
//! compare it, so `Z-2026-0001` and `z 2026/1` get one token.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::domain::totals::case_key;

/// The key's length in bytes, and in hex digits as it is given.
pub const KEY_BYTES: usize = 32;

/// Makes tokens for case references with one key.
#[derive(Clone)]
pub struct Anonymiser {
    key: [u8; KEY_BYTES],
}

impl Anonymiser {
    /// With a new random key.
    pub fn random() -> Self {
        use ssh_key::rand_core::{OsRng, RngCore};
        let mut key = [0u8; KEY_BYTES];
        OsRng.fill_bytes(&mut key);
        Self { key }
    }

    /// With the key written as 64 hex digits; `None` when it is not.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.trim();
        if hex.len() != 2 * KEY_BYTES || !hex.is_ascii() {
            return None;
        }
        let mut key = [0u8; KEY_BYTES];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Self { key })
    }

    /// The key as 64 hex digits: printed once, to give again for the same
    /// tokens.
    pub fn key_hex(&self) -> String {
        let key: &hmac::digest::generic_array::GenericArray<u8, hmac::digest::consts::U32> =
            (&self.key).into();
        format!("{key:x}")
    }

    /// The token for `case`: `zaak-` and 16 hex digits.
    pub fn token(&self, case: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            // HMAC takes a key of any length.
            return String::from("zaak-?");
        };
        mac.update(case_key(case).as_bytes());
        let digest = format!("{:x}", mac.finalize().into_bytes());
        format!("zaak-{}", &digest[..16])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_case_one_token_per_key_and_none_without_it() {
        let key = "00".repeat(KEY_BYTES);
        let a = Anonymiser::from_hex(&key).unwrap();
        assert_eq!(a.key_hex(), key);
        let token = a.token("Z-2026-0001");
        assert!(token.starts_with("zaak-") && token.len() == 21, "{token}");
        assert_eq!(a.token("z 2026/1"), token, "one case, however written");
        assert_ne!(a.token("Z-2026-0002"), token);
        let other = Anonymiser::from_hex(&"01".repeat(KEY_BYTES)).unwrap();
        assert_ne!(
            other.token("Z-2026-0001"),
            token,
            "another key, another token"
        );
        assert!(Anonymiser::from_hex("zz").is_none());
        assert!(Anonymiser::from_hex(&"g0".repeat(KEY_BYTES)).is_none());
        assert_ne!(
            Anonymiser::random().key_hex(),
            Anonymiser::random().key_hex()
        );
    }
}
