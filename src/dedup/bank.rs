//! An in-memory bank of decided images' PDQ hashes, searched for the nearest enabled entry.
//!
//! # Semantics
//!
//! - An entry is an id (the decided item's), its hash, the moderator's [`Decision`] and an enabled
//!   flag. Disabled entries stay in the bank (an admin can enable them again) but never match.
//! - [`Bank::nearest`] returns the enabled entry at the smallest Hamming distance, if that distance
//!   is at most the limit. **The nearest entry wins whatever its decision**: a closer copy is more
//!   likely the very same picture (the same ad, the same honest certificate) than a farther one.
//!   Between entries at the same distance **the most recent decision wins**: it reflects how
//!   moderators decide now (a confirm later overturned on appeal ends as an overturn).
//! - Recency is insertion order: every [`Bank::insert`] makes its entry the most recent,
//!   including a new decision on an id already in the bank (which replaces the old entry's hash,
//!   decision and flag). A service that loads the bank from its database at start must therefore
//!   insert the entries **oldest decision first**.
//!
//! # Lookup: multi-index hashing
//!
//! The 256 bits are split into 16 chunks of 16 bits, and for each chunk the bank keeps a table from
//! the chunk's value to the entries that have it. If two hashes are within distance `d`, by the
//! pigeonhole principle at least one of the 16 chunks differs in at most `floor(d / 16)` bits. So a
//! lookup with limit `d` visits, in each chunk's table, every value within `r = floor(d / 16)` bits
//! of the query's chunk (1 value for `d` < 16, 17 for `d` < 32, 137 for `d` < 48) and checks the
//! full distance of the entries found there; the answer is exact, not approximate. With uniformly
//! random hashes each table slot holds `n / 65536` entries, so a lookup with `d` = 31 checks about
//! `16 * 17 * n / 65536` ≈ 4,200 entries for `n` = 1 million instead of all of them. For `d` ≥ 48
//! (beyond any useful PDQ match distance) the bank scans every entry instead.
//!
//! Memory: about 230 bytes per entry (hash, id kept twice, decision, 16 postings of 4 bytes and
//! their share of the lists' spare capacity) plus the 16 tables' 65,536 slots each (about 25 MB,
//! allocated at the first insert): 252 MiB of resident memory for 1 million entries with ids like
//! `sim-123456` (`scripts/dedup/figures.sh`). A lookup at limit 31 among them takes 0.3 ms
//! (median; `docs/dedup.md`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::pdq::PdqHash;

/// A moderator's decision on a flagged image, as recorded in the bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// The flag was right: copies are blocked.
    Confirm,
    /// The flag was wrong: copies pass.
    Overturn,
}

impl Decision {
    /// The decision's name as in JSON and the API: `"confirm"` or `"overturn"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Confirm => "confirm",
            Decision::Overturn => "overturn",
        }
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Decision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "confirm" => Ok(Decision::Confirm),
            "overturn" => Ok(Decision::Overturn),
            other => Err(format!(
                "not a bank decision: {other:?} (confirm or overturn)"
            )),
        }
    }
}

/// One decided image in the bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankEntry {
    /// The decided item's id.
    pub id: String,
    /// Its PDQ hash.
    pub hash: PdqHash,
    /// The decision its copies inherit.
    pub decision: Decision,
    /// Whether it matches at all (an admin can disable an entry).
    pub enabled: bool,
}

impl BankEntry {
    /// An enabled entry.
    pub fn new(id: impl Into<String>, hash: PdqHash, decision: Decision) -> Self {
        BankEntry {
            id: id.into(),
            hash,
            decision,
            enabled: true,
        }
    }
}

/// The nearest enabled entry found by [`Bank::nearest`]; serialises as the service's
/// `"duplicate_of"` object: `{"id": "...", "decision": "confirm"|"overturn", "distance": N}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankMatch {
    /// The matched entry's id.
    pub id: String,
    /// The matched entry's decision.
    pub decision: Decision,
    /// The Hamming distance between the query and the entry (0..=256).
    pub distance: u32,
}

/// Number of 16-bit chunks the hash is split into for the index.
const CHUNKS: usize = 16;
/// Slots per chunk table (one per 16-bit value).
const SLOTS: usize = 1 << 16;
/// Above this chunk radius a lookup scans all entries (limits of 48 and more).
const MAX_PROBE_RADIUS: u32 = 2;

struct Slot {
    id: Box<str>,
    decision: Decision,
    enabled: bool,
    /// Insertion sequence number: larger is more recent.
    seq: u64,
}

/// The in-memory near-duplicate bank (see the module documentation for its semantics).
///
/// Plain data, `Send + Sync`: a service shares it behind a lock.
#[derive(Default)]
pub struct Bank {
    hashes: Vec<[u64; 4]>,
    slots: Vec<Slot>,
    by_id: HashMap<Box<str>, u32>,
    /// `CHUNKS * SLOTS` posting lists (chunk `c`, value `v` at `c * SLOTS + v`), empty until the
    /// first insert.
    postings: Vec<Vec<u32>>,
    next_seq: u64,
    enabled: usize,
}

impl std::fmt::Debug for Bank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bank")
            .field("entries", &self.len())
            .field("enabled", &self.enabled)
            .finish()
    }
}

/// Chunk `c` (0..16) of a hash: bits `255 - 16c ..= 240 - 16c`.
fn chunk(words: &[u64; 4], c: usize) -> u16 {
    (words[c / 4] >> (48 - 16 * (c % 4))) as u16
}

fn hamming(a: &[u64; 4], b: &[u64; 4]) -> u32 {
    (a[0] ^ b[0]).count_ones()
        + (a[1] ^ b[1]).count_ones()
        + (a[2] ^ b[2]).count_ones()
        + (a[3] ^ b[3]).count_ones()
}

impl Bank {
    /// An empty bank.
    pub fn new() -> Self {
        Bank::default()
    }

    /// Number of entries, enabled or not.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the bank has no entry at all.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Number of enabled entries.
    pub fn enabled_len(&self) -> usize {
        self.enabled
    }

    /// Adds an entry as the most recent decision. An entry with the same id is replaced (hash,
    /// decision and flag) and becomes the most recent; returns whether one was replaced.
    pub fn insert(&mut self, entry: BankEntry) -> bool {
        if self.postings.is_empty() {
            self.postings = (0..CHUNKS * SLOTS).map(|_| Vec::new()).collect();
        }
        let words = entry.hash.to_words();
        let seq = self.next_seq;
        self.next_seq += 1;
        if let Some(&index) = self.by_id.get(entry.id.as_str()) {
            let i = index as usize;
            let old = self.hashes[i];
            if old != words {
                self.unindex(index, &old);
                self.hashes[i] = words;
                self.index(index, &words);
            }
            let slot = &mut self.slots[i];
            if slot.enabled != entry.enabled {
                if entry.enabled {
                    self.enabled += 1;
                } else {
                    self.enabled -= 1;
                }
            }
            slot.decision = entry.decision;
            slot.enabled = entry.enabled;
            slot.seq = seq;
            return true;
        }
        let index = u32::try_from(self.slots.len()).expect("a bank holds at most 2^32 entries");
        let id: Box<str> = entry.id.into_boxed_str();
        self.by_id.insert(id.clone(), index);
        self.slots.push(Slot {
            id,
            decision: entry.decision,
            enabled: entry.enabled,
            seq,
        });
        self.hashes.push(words);
        self.index(index, &words);
        if entry.enabled {
            self.enabled += 1;
        }
        false
    }

    fn index(&mut self, index: u32, words: &[u64; 4]) {
        for c in 0..CHUNKS {
            self.postings[c * SLOTS + chunk(words, c) as usize].push(index);
        }
    }

    fn unindex(&mut self, index: u32, words: &[u64; 4]) {
        for c in 0..CHUNKS {
            let list = &mut self.postings[c * SLOTS + chunk(words, c) as usize];
            if let Some(pos) = list.iter().position(|&i| i == index) {
                list.swap_remove(pos);
            }
        }
    }

    fn set_enabled(&mut self, id: &str, enabled: bool) -> bool {
        let Some(&index) = self.by_id.get(id) else {
            return false;
        };
        let slot = &mut self.slots[index as usize];
        if slot.enabled != enabled {
            slot.enabled = enabled;
            if enabled {
                self.enabled += 1;
            } else {
                self.enabled -= 1;
            }
        }
        true
    }

    /// Disables the entry with this id (it stays listed but never matches); returns whether the id
    /// is in the bank. Its recency is unchanged.
    pub fn disable(&mut self, id: &str) -> bool {
        self.set_enabled(id, false)
    }

    /// Enables the entry with this id again; returns whether the id is in the bank. Its recency is
    /// unchanged.
    pub fn enable(&mut self, id: &str) -> bool {
        self.set_enabled(id, true)
    }

    /// The entry with this id, if any.
    pub fn get(&self, id: &str) -> Option<BankEntry> {
        self.by_id.get(id).map(|&index| self.entry(index as usize))
    }

    fn entry(&self, i: usize) -> BankEntry {
        let slot = &self.slots[i];
        BankEntry {
            id: slot.id.to_string(),
            hash: PdqHash::from_words(self.hashes[i]),
            decision: slot.decision,
            enabled: slot.enabled,
        }
    }

    /// All entries, most recent decision first (for an admin listing).
    pub fn entries(&self) -> Vec<BankEntry> {
        let mut order: Vec<usize> = (0..self.slots.len()).collect();
        order.sort_unstable_by_key(|&i| std::cmp::Reverse(self.slots[i].seq));
        order.into_iter().map(|i| self.entry(i)).collect()
    }

    /// The nearest enabled entry within `max_distance` bits of `hash` (inclusive), the most recent
    /// decision winning ties; `None` if there is none.
    pub fn nearest(&self, hash: &PdqHash, max_distance: u32) -> Option<BankMatch> {
        self.nearest_any(std::slice::from_ref(hash), max_distance)
    }

    /// The nearest enabled entry to any of `hashes` (several hashes of one upload, such as its
    /// plain and its border-trimmed PDQ hash, see [`crate::dedup::trim`]), with the same rules as
    /// [`Self::nearest`]: smallest distance over all the hashes, then the most recent decision.
    pub fn nearest_any(&self, hashes: &[PdqHash], max_distance: u32) -> Option<BankMatch> {
        let mut best: Option<(u32, u64, usize)> = None;
        for (k, hash) in hashes.iter().enumerate() {
            // A trim that changed nothing gives the same hash twice: search it once.
            if !hashes[..k].contains(hash) {
                self.search(hash, max_distance, &mut best);
            }
        }
        best.map(|(distance, _, i)| {
            let slot = &self.slots[i];
            BankMatch {
                id: slot.id.to_string(),
                decision: slot.decision,
                distance,
            }
        })
    }

    /// Updates `best`, the (distance, seq, index) of the best entry so far, with the entries
    /// within `max_distance` of `hash`.
    fn search(&self, hash: &PdqHash, max_distance: u32, best: &mut Option<(u32, u64, usize)>) {
        if self.enabled == 0 {
            return;
        }
        let query = hash.to_words();
        let consider = |i: usize, best: &mut Option<(u32, u64, usize)>| {
            let slot = &self.slots[i];
            if !slot.enabled {
                return;
            }
            let d = hamming(&query, &self.hashes[i]);
            if d > max_distance {
                return;
            }
            let better = match *best {
                None => true,
                Some((bd, bseq, _)) => d < bd || (d == bd && slot.seq > bseq),
            };
            if better {
                *best = Some((d, slot.seq, i));
            }
        };
        let radius = max_distance / CHUNKS as u32;
        if radius > MAX_PROBE_RADIUS {
            for i in 0..self.slots.len() {
                consider(i, best);
            }
        } else {
            for c in 0..CHUNKS {
                let base = c * SLOTS;
                let q = chunk(&query, c);
                let mut probe = |value: u16| {
                    for &i in &self.postings[base + value as usize] {
                        consider(i as usize, best);
                    }
                };
                probe(q);
                if radius >= 1 {
                    for a in 0..16 {
                        let qa = q ^ (1 << a);
                        probe(qa);
                        if radius >= 2 {
                            for b in a + 1..16 {
                                probe(qa ^ (1 << b));
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random hash (splitmix64).
    fn random_hash(seed: u64) -> PdqHash {
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        PdqHash::from_words([next(), next(), next(), next()])
    }

    /// `hash` with the given bits flipped.
    fn flip(hash: PdqHash, bits: impl IntoIterator<Item = usize>) -> PdqHash {
        let mut words = hash.to_words();
        for k in bits {
            words[3 - k / 64] ^= 1 << (k % 64);
        }
        PdqHash::from_words(words)
    }

    fn brute_force(entries: &[(PdqHash, bool)], query: &PdqHash, max: u32) -> Option<(usize, u32)> {
        // Later entries are more recent: on equal distance the later one wins.
        let mut best: Option<(usize, u32)> = None;
        for (i, (h, enabled)) in entries.iter().enumerate() {
            let d = h.hamming(query);
            if *enabled && d <= max && best.is_none_or(|(_, bd)| d <= bd) {
                best = Some((i, d));
            }
        }
        best
    }

    #[test]
    fn flip_changes_exactly_those_bits() {
        let h = random_hash(1);
        assert_eq!(flip(h, [0, 17, 255]).hamming(&h), 3);
        assert_ne!(flip(h, [255]).to_bytes()[0], h.to_bytes()[0]);
    }

    #[test]
    fn nearest_entry_wins_whatever_its_decision() {
        let base = random_hash(7);
        let mut bank = Bank::new();
        bank.insert(BankEntry::new(
            "far-confirm",
            flip(base, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            Decision::Confirm,
        ));
        bank.insert(BankEntry::new(
            "near-overturn",
            flip(base, [100, 200]),
            Decision::Overturn,
        ));
        bank.insert(BankEntry::new(
            "unrelated",
            random_hash(8),
            Decision::Confirm,
        ));
        let m = bank.nearest(&base, 31).unwrap();
        assert_eq!(
            m,
            BankMatch {
                id: "near-overturn".into(),
                decision: Decision::Overturn,
                distance: 2
            }
        );
        // Exact copy.
        assert_eq!(
            bank.nearest(&flip(base, [100, 200]), 31).unwrap().distance,
            0
        );
    }

    #[test]
    fn ties_go_to_the_most_recent_decision() {
        let base = random_hash(9);
        let mut bank = Bank::new();
        bank.insert(BankEntry::new("old", flip(base, [3, 4]), Decision::Confirm));
        bank.insert(BankEntry::new(
            "new",
            flip(base, [50, 60]),
            Decision::Overturn,
        ));
        assert_eq!(bank.nearest(&base, 31).unwrap().id, "new");
        // A new decision on "old" makes it the most recent.
        bank.insert(BankEntry::new("old", flip(base, [3, 4]), Decision::Confirm));
        let m = bank.nearest(&base, 31).unwrap();
        assert_eq!(
            (m.id.as_str(), m.decision, m.distance),
            ("old", Decision::Confirm, 2)
        );
        assert_eq!(bank.len(), 2);
    }

    #[test]
    fn disabled_entries_never_match() {
        let base = random_hash(11);
        let mut bank = Bank::new();
        bank.insert(BankEntry::new("a", base, Decision::Confirm));
        bank.insert(BankEntry::new(
            "b",
            flip(base, [0, 1, 2]),
            Decision::Overturn,
        ));
        assert_eq!(bank.nearest(&base, 31).unwrap().id, "a");
        assert!(bank.disable("a"));
        assert_eq!(bank.nearest(&base, 31).unwrap().id, "b");
        assert!(bank.disable("b"));
        assert_eq!(bank.nearest(&base, 31), None);
        assert_eq!(bank.enabled_len(), 0);
        assert_eq!(bank.len(), 2);
        assert!(!bank.disable("missing"));
        assert!(bank.enable("a"));
        assert_eq!(bank.nearest(&base, 31).unwrap().id, "a");
        // An entry inserted disabled (as loaded from the database) is listed but does not match.
        let other = random_hash(12);
        bank.insert(BankEntry {
            enabled: false,
            ..BankEntry::new("c", other, Decision::Confirm)
        });
        assert_eq!(bank.nearest(&other, 31), None);
        assert!(!bank.get("c").unwrap().enabled);
        let listed: Vec<String> = bank.entries().into_iter().map(|e| e.id).collect();
        assert_eq!(listed, ["c", "b", "a"]);
    }

    #[test]
    fn the_distance_limit_is_inclusive() {
        let base = random_hash(13);
        let mut bank = Bank::new();
        bank.insert(BankEntry::new("x", flip(base, 0..31), Decision::Confirm));
        assert_eq!(bank.nearest(&base, 31).unwrap().distance, 31);
        assert_eq!(bank.nearest(&base, 30), None);
        assert_eq!(bank.nearest(&base, 0), None);
        // Exact matches only at limit 0.
        bank.insert(BankEntry::new("y", base, Decision::Overturn));
        assert_eq!(bank.nearest(&base, 0).unwrap().id, "y");
    }

    #[test]
    fn replacing_an_entry_reindexes_its_hash() {
        let (h1, h2) = (random_hash(21), random_hash(22));
        let mut bank = Bank::new();
        assert!(!bank.insert(BankEntry::new("x", h1, Decision::Confirm)));
        assert!(bank.insert(BankEntry::new("x", h2, Decision::Overturn)));
        assert_eq!(bank.nearest(&h1, 31), None);
        assert_eq!(bank.nearest(&h2, 0).unwrap().decision, Decision::Overturn);
        assert_eq!(bank.get("x").unwrap().hash, h2);
        assert_eq!(bank.len(), 1);
    }

    #[test]
    fn nearest_any_takes_the_best_of_several_query_hashes() {
        let (a, b) = (random_hash(31), random_hash(32));
        let mut bank = Bank::new();
        bank.insert(BankEntry::new("a", a, Decision::Confirm));
        bank.insert(BankEntry::new("b", b, Decision::Overturn));
        let m = bank
            .nearest_any(&[flip(a, 0..20), flip(b, 0..3)], 31)
            .unwrap();
        assert_eq!((m.id.as_str(), m.distance), ("b", 3));
        // Equal distances: the most recent entry, whichever query hash found it.
        let m = bank.nearest_any(&[flip(a, [7]), flip(b, [9])], 31).unwrap();
        assert_eq!(m.id, "b");
        assert_eq!(bank.nearest_any(&[], 31), None);
        assert_eq!(bank.nearest_any(&[random_hash(33)], 31), None);
    }

    #[test]
    fn empty_bank_finds_nothing() {
        let bank = Bank::new();
        assert!(bank.is_empty());
        assert_eq!(bank.nearest(&PdqHash::ZERO, 256), None);
    }

    #[test]
    fn index_agrees_with_a_full_scan_at_every_limit() {
        // Entries clustered around a few centres so that many are within every limit.
        let centres: Vec<PdqHash> = (0..4).map(|c| random_hash(100 + c)).collect();
        let mut entries = Vec::new();
        let mut bank = Bank::new();
        for n in 0..600u64 {
            let centre = centres[(n % 4) as usize];
            let r = random_hash(1000 + n).to_words();
            let count = (r[0] % 70) as usize;
            let bits: Vec<usize> = (0..count)
                .map(|k| (r[1].rotate_left(k as u32 * 7) ^ r[2] >> k) as usize % 256)
                .collect();
            let hash = flip(centre, bits);
            let enabled = n % 7 != 0;
            entries.push((hash, enabled));
            bank.insert(BankEntry {
                enabled,
                ..BankEntry::new(format!("e{n}"), hash, Decision::Confirm)
            });
        }
        for q in 0..40u64 {
            let r = random_hash(5000 + q).to_words();
            let bits: Vec<usize> = (0..(r[0] % 60) as usize)
                .map(|k| (r[1] >> (k % 60)) as usize % 256)
                .collect();
            let query = flip(centres[(q % 4) as usize], bits);
            for max in [0, 5, 15, 16, 20, 31, 32, 40, 47, 48, 64, 100] {
                let expected =
                    brute_force(&entries, &query, max).map(|(i, d)| (format!("e{i}"), d));
                let got = bank.nearest(&query, max).map(|m| (m.id, m.distance));
                assert_eq!(got, expected, "query {q}, limit {max}");
            }
        }
    }

    #[test]
    fn bank_match_serialises_as_duplicate_of() {
        let m = BankMatch {
            id: "42".into(),
            decision: Decision::Confirm,
            distance: 12,
        };
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"id":"42","decision":"confirm","distance":12}"#
        );
        assert_eq!("overturn".parse::<Decision>(), Ok(Decision::Overturn));
        assert!("escalate".parse::<Decision>().is_err());
        assert_eq!(Decision::Overturn.to_string(), "overturn");
    }
}
