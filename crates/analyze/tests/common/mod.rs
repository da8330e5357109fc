//! Checks the analysis tests share.

use backchannel_analyze::Analysis;

/// No statement lists a topic twice (one it shares from an elaboration or
/// a report may come twice at two strengths).
pub fn assert_distinct_topics(a: &Analysis) {
    for s in &a.statements {
        let mut seen = std::collections::HashSet::new();
        assert!(
            s.topics.iter().all(|t| seen.insert(t)),
            "{}: {:?}",
            s.id,
            s.topics
        );
    }
}
