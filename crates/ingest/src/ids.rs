//! Unique document ids across one run.

use std::collections::HashSet;

/// Makes document ids unique within one run: the first use of an id keeps
/// it, later uses get `-2`, `-3`, ... in input order (skipping suffixed ids
/// that are themselves already taken), so reruns give the same ids.
#[derive(Debug, Default, Clone)]
pub struct IdDeduper {
    taken: HashSet<String>,
}

impl IdDeduper {
    pub fn new() -> Self {
        IdDeduper::default()
    }

    /// The id to use for a document whose own id is `id`.
    pub fn unique(&mut self, id: &str) -> String {
        if self.taken.insert(id.to_string()) {
            return id.to_string();
        }
        let mut n = 2u64;
        loop {
            let candidate = format!("{id}-{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_in_order_and_avoids_taken_ids() {
        let mut ids = IdDeduper::new();
        assert_eq!(ids.unique("talks"), "talks");
        assert_eq!(ids.unique("talks"), "talks-2");
        assert_eq!(ids.unique("memo-2"), "memo-2");
        assert_eq!(ids.unique("memo"), "memo");
        assert_eq!(ids.unique("memo"), "memo-3");
        assert_eq!(ids.unique("talks"), "talks-3");
    }
}
