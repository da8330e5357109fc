//! What the PolNeAR examples share.

use std::path::PathBuf;

/// The first argument that is no `--flag`, or else the repo's sibling
/// `../shared/data/polnear/<split>`.
pub fn polnear_dir(split: &str) -> PathBuf {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/polnear")
                .join(split)
        })
}
