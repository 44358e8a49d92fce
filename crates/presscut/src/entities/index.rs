//! Every named mention of the article's entities in one list sorted by position, built once, so
//! that "which entity is named here" and "the last mention before here" cost a binary search,
//! not a scan of every mention for every question (which made speaker resolution quadratic).

use super::Cluster;

/// One mention: byte span and the index of its cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Indexed {
    pub start: usize,
    pub end: usize,
    pub cluster: usize,
}

/// The mentions of all clusters, sorted by start (mentions never overlap).
#[derive(Clone, Debug, Default)]
pub struct MentionIndex {
    mentions: Vec<Indexed>,
}

impl MentionIndex {
    pub fn new(clusters: &[Cluster]) -> MentionIndex {
        let mut mentions: Vec<Indexed> = clusters
            .iter()
            .enumerate()
            .flat_map(|(c, cl)| {
                cl.mentions.iter().map(move |m| Indexed { start: m.start, end: m.end, cluster: c })
            })
            .collect();
        mentions.sort_unstable_by_key(|m| (m.start, m.end));
        MentionIndex { mentions }
    }

    /// All mentions, in text order.
    pub fn all(&self) -> &[Indexed] {
        &self.mentions
    }

    /// The mentions overlapping the byte span `start..end`, in text order.
    pub fn overlapping_all(&self, start: usize, end: usize) -> &[Indexed] {
        let a = self.mentions.partition_point(|m| m.end <= start);
        let b = a + self.mentions[a..].partition_point(|m| m.start < end);
        crate::cost::add(1 + b - a);
        &self.mentions[a..b]
    }

    /// The first cluster (lowest index) with a mention overlapping `start..end`.
    pub fn overlapping(&self, start: usize, end: usize) -> Option<usize> {
        self.overlapping_all(start, end).iter().map(|m| m.cluster).min()
    }

    /// The mentions lying inside `start..end`, in text order.
    pub fn within(&self, start: usize, end: usize) -> &[Indexed] {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = a + self.mentions[a..].partition_point(|m| m.end <= end);
        crate::cost::add(1 + b - a);
        &self.mentions[a..b]
    }
}

/// Where cluster `c` is mentioned last at or before `pos`: the start of that mention.
pub fn last_mention_before(cluster: &Cluster, pos: usize) -> Option<usize> {
    let k = cluster.mentions.partition_point(|m| m.end <= pos);
    k.checked_sub(1).map(|k| cluster.mentions[k].start)
}
