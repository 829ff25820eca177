//! Secret links: each judge's link, the organiser's, and the form tokens
//! that stop another site from posting on a judge's behalf. All are HMACs
//! under a key kept in the store, so they survive restarts, and a link is
//! revoked by moving its generation on (the old one no longer matches).

use hmac::{KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = hmac::Hmac<Sha256>;

#[derive(Clone)]
pub struct Links {
    key: Vec<u8>,
}

impl Links {
    pub fn new(key: Vec<u8>) -> Links {
        Links { key }
    }

    fn sign(&self, text: &str) -> String {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(text.as_bytes());
        let bytes = mac.finalize().into_bytes();
        // 120 bits: unguessable, short enough for a QR code and a phone's address bar.
        crate::store::hex(&bytes[..15])
    }

    /// A judge's link token at a generation.
    pub fn judge(&self, judge: &str, generation: u32) -> String {
        self.sign(&format!("judge:{judge}:{generation}"))
    }

    /// A workflow role's link token at a generation.
    pub fn role(&self, role: &str, generation: u32) -> String {
        self.sign(&format!("role:{role}:{generation}"))
    }

    /// The organiser's token.
    pub fn admin(&self, generation: u32) -> String {
        self.sign(&format!("admin:{generation}"))
    }

    /// The form token of pages reached through `token`.
    pub fn form(&self, token: &str) -> String {
        self.sign(&format!("form:{token}"))
    }
}

/// Compares secrets in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_differ_by_judge_generation_and_key() {
        let links = Links::new(b"key one".to_vec());
        assert_eq!(links.judge("J1", 0), links.judge("J1", 0));
        assert_ne!(links.judge("J1", 0), links.judge("J2", 0));
        assert_ne!(links.judge("J1", 0), links.judge("J1", 1), "a revoked link stops working");
        assert_ne!(links.judge("J1", 0), Links::new(b"key two".to_vec()).judge("J1", 0));
        assert_ne!(links.form(&links.judge("J1", 0)), links.judge("J1", 0));
        assert_ne!(
            links.role("J1", 0),
            links.judge("J1", 0),
            "a role named like a judge has another link"
        );
        assert_ne!(links.role("chief", 0), links.role("sup", 0));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
