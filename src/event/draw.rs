//! Lots anyone can verify (抽签): stations and heats, running order, or
//! entry codes, drawn from a secret seed whose SHA-256 (the commitment)
//! is published before the draw and the seed itself after it. From the
//! seed and the list drawn over, anyone recomputes the draw (the algorithm
//! below, written out in `docs/contest-format.md`; `tests/draw_verify.py`
//! does it with Python's standard library).
//!
//! The algorithm:
//! 1. The list: the entries' ids, sorted by their UTF-8 bytes.
//! 2. A stream of numbers: block k (k = 0, 1, …) is
//!    SHA-256(seed ‖ "podium-draw:" ‖ what ‖ k as 8 bytes big-endian), where
//!    `seed` is the 32 bytes the hex seed spells and `what` is `stations`,
//!    `order` or `codes`; each block gives four numbers, its bytes 0–7,
//!    8–15, 16–23 and 24–31 read as unsigned 64-bit big-endian integers.
//! 3. A number below n: take the next number x; if x ≥ 2⁶⁴ − (2⁶⁴ mod n)
//!    draw again; else x mod n.
//! 4. Shuffle (Fisher–Yates): for i from len − 1 down to 1, j = a number
//!    below i + 1, swap items i and j.
//! 5. The shuffled list's k-th entry (from 0) gets: running order k + 1;
//!    code k + 1, zero-padded to the count's digits (at least three); or the k-th place
//!    of heat 1's stations in order, then heat 2's, and so on.

use sha2::{Digest, Sha256};

/// What lots are drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Drawn {
    /// A station (工位) in a heat (场次) for each entry.
    Stations,
    /// The running order.
    Order,
    /// Entry codes (检录号): number k for the k-th drawn.
    Codes,
}

impl Drawn {
    pub fn name(self) -> &'static str {
        match self {
            Drawn::Stations => "stations",
            Drawn::Order => "order",
            Drawn::Codes => "codes",
        }
    }

    pub fn named(name: &str) -> Option<Drawn> {
        [Drawn::Stations, Drawn::Order, Drawn::Codes].into_iter().find(|d| d.name() == name)
    }
}

/// Where the draw puts one entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    pub entry: String,
    /// Stations: the heat (from 1) and the station; order: the position;
    /// codes: the code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub heat: Option<u32>,
    pub slot: String,
}

/// The random numbers a seed gives for one kind of draw.
struct Stream<'a> {
    seed: &'a [u8],
    what: &'a str,
    block: u64,
    buffer: Vec<u64>,
}

impl Stream<'_> {
    fn next(&mut self) -> u64 {
        if self.buffer.is_empty() {
            let mut hash = Sha256::new();
            hash.update(self.seed);
            hash.update(b"podium-draw:");
            hash.update(self.what.as_bytes());
            hash.update(self.block.to_be_bytes());
            self.block += 1;
            let bytes = hash.finalize();
            // Read back to front so `pop` gives bytes 0–7 first.
            self.buffer = bytes
                .chunks(8)
                .rev()
                .map(|c| u64::from_be_bytes(c.try_into().expect("8 bytes")))
                .collect();
        }
        self.buffer.pop().expect("refilled above")
    }

    /// A number below `n` (n ≥ 1), without bias.
    fn below(&mut self, n: u64) -> u64 {
        let limit = u64::MAX - (u64::MAX % n + 1) % n;
        loop {
            let x = self.next();
            // x ≤ limit covers exactly a multiple of n values: 2⁶⁴ − (2⁶⁴ mod n).
            if x <= limit {
                return x % n;
            }
        }
    }
}

/// The list drawn over, in the draw's order (sorted by UTF-8 bytes).
pub fn sorted(ids: &[&str]) -> Vec<String> {
    let mut list: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    list.sort();
    list.dedup();
    list
}

/// The shuffle a seed (32 bytes) gives of `list` for `what`.
pub fn shuffle(seed: &[u8], what: Drawn, list: &[String]) -> Vec<String> {
    shuffle_for(seed, what.name(), list)
}

/// The shuffle a seed gives of `list`, its stream labelled `label` (a
/// draw's `what`; `recheck` for a re-check's sample).
pub fn shuffle_for(seed: &[u8], label: &str, list: &[String]) -> Vec<String> {
    let mut stream = Stream {
        seed,
        what: label,
        block: 0,
        buffer: Vec::new(),
    };
    let mut items = list.to_vec();
    for i in (1..items.len()).rev() {
        let j = stream.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    items
}

/// The places of a draw: `stations` and `heats` for stations.
pub fn places(seed: &[u8], what: Drawn, list: &[String], stations: &[String], heats: u32) -> Vec<Place> {
    let shuffled = shuffle(seed, what, list);
    let width = shuffled.len().to_string().len().max(3);
    shuffled
        .into_iter()
        .enumerate()
        .map(|(k, entry)| match what {
            Drawn::Order => Place {
                entry,
                heat: None,
                slot: (k + 1).to_string(),
            },
            Drawn::Codes => Place {
                entry,
                heat: None,
                slot: format!("{:0width$}", k + 1),
            },
            Drawn::Stations => Place {
                entry,
                heat: Some((k / stations.len().max(1)) as u32 + 1),
                slot: stations.get(k % stations.len().max(1)).cloned().unwrap_or_default(),
            },
        })
        .filter(|place| place.heat.is_none_or(|h| h <= heats.max(1)))
        .collect()
}

/// The commitment to a seed: its SHA-256, in hex.
pub fn commitment(seed: &[u8]) -> String {
    crate::store::hex(&Sha256::digest(seed))
}

/// The digest of the list drawn over: SHA-256 of each id and a line end.
pub fn list_digest(list: &[String]) -> String {
    let mut hash = Sha256::new();
    for id in list {
        hash.update(id.as_bytes());
        hash.update(b"\n");
    }
    crate::store::hex(&hash.finalize())
}

/// The 32 bytes a hex seed spells, if it is one.
pub fn seed_bytes(hex: &str) -> Option<Vec<u8>> {
    if hex.len() != 64 {
        return None;
    }
    (0..32).map(|k| u8::from_str_radix(hex.get(2 * k..2 * k + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ids(n: usize) -> Vec<String> {
        (1..=n).map(|k| format!("W{k:02}")).collect()
    }

    #[test]
    fn a_number_below_n_is_unbiased_at_the_edges() {
        let mut stream = Stream {
            seed: &[0; 32],
            what: "order",
            block: 0,
            buffer: Vec::new(),
        };
        for n in [1, 2, 3, 7, 1 << 63, u64::MAX] {
            for _ in 0..50 {
                assert!(stream.below(n) < n);
            }
        }
        assert_eq!(stream.below(1), 0);
    }

    #[test]
    fn the_stream_is_sha256_of_seed_label_and_block() {
        // Worked by hand: block 0 of the all-zero seed for `order`.
        let mut hash = Sha256::new();
        hash.update([0u8; 32]);
        hash.update(b"podium-draw:order");
        hash.update(0u64.to_be_bytes());
        let bytes = hash.finalize();
        let mut stream = Stream {
            seed: &[0; 32],
            what: "order",
            block: 0,
            buffer: Vec::new(),
        };
        assert_eq!(stream.next(), u64::from_be_bytes(bytes[0..8].try_into().unwrap()));
        assert_eq!(stream.next(), u64::from_be_bytes(bytes[8..16].try_into().unwrap()));
    }

    #[test]
    fn stations_fill_heat_one_then_heat_two() {
        let stations: Vec<String> = ["A01", "A02", "A03"].map(String::from).to_vec();
        let placed = places(&[7; 32], Drawn::Stations, &ids(5), &stations, 2);
        let slots: Vec<(u32, &str)> = placed.iter().map(|p| (p.heat.unwrap(), p.slot.as_str())).collect();
        assert_eq!(slots, [(1, "A01"), (1, "A02"), (1, "A03"), (2, "A01"), (2, "A02")]);
        let codes = places(&[7; 32], Drawn::Codes, &ids(5), &[], 1);
        assert_eq!(
            codes.iter().map(|p| p.slot.as_str()).collect::<Vec<_>>(),
            ["001", "002", "003", "004", "005"]
        );
    }

    #[test]
    fn a_hex_seed_reads_back_and_a_bad_one_does_not() {
        let seed = [0xab; 32];
        assert_eq!(seed_bytes(&crate::store::hex(&seed)), Some(seed.to_vec()));
        for bad in ["", "ab", &"g".repeat(64), &"ab".repeat(33)] {
            assert_eq!(seed_bytes(bad), None);
        }
    }

    proptest! {
        #[test]
        fn a_draw_is_a_permutation_and_no_two_entries_share_a_place(seed in any::<[u8; 32]>(), n in 0usize..60, count in 1usize..9, heats in 1u32..9) {
            let list = ids(n);
            for what in [Drawn::Order, Drawn::Codes] {
                let placed = places(&seed, what, &list, &[], 1);
                let mut entries: Vec<&String> = placed.iter().map(|p| &p.entry).collect();
                entries.sort();
                prop_assert_eq!(entries, list.iter().collect::<Vec<_>>());
            }
            let stations: Vec<String> = (1..=count).map(|k| format!("S{k}")).collect();
            if n <= count * heats as usize {
                let placed = places(&seed, Drawn::Stations, &list, &stations, heats);
                prop_assert_eq!(placed.len(), n);
                let mut seats: Vec<(u32, &str)> = placed.iter().map(|p| (p.heat.unwrap(), p.slot.as_str())).collect();
                seats.sort();
                seats.dedup();
                prop_assert_eq!(seats.len(), n);
            }
        }
    }
}
