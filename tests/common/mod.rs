//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// `rel` inside the reference folder `../shared` beside the checkout (never copied into the
/// project); fails with a message that says so when it is not there.
pub fn shared(rel: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    assert!(
        path.exists(),
        "{} is missing: these tests need the reference files in ../shared beside the checkout",
        path.display()
    );
    path
}
