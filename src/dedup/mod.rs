//! Near-duplicate detection: reposted ads, re-encoded, resized or framed, recognised by a perceptual
//! hash.
//!
//! - [`pdq`]: Meta's PDQ perceptual hash (256 bits, Hamming distance), written from the published
//!   algorithm and checked against the reference's test vectors.

pub mod pdq;

pub use pdq::{DihedralHashes, MIN_USEFUL_QUALITY, PdqHash, pdq_hash, pdq_hash_dihedral};
