//! Families of candidates: a name inside longer names (`Supreme Court` in `U.S. Supreme
//! Court`) and the phrase that holds most of a word's occurrences (`START` in `New START`).

use super::candidates::{Cand, NONE, PARENT_SHARE, WAITING, pack};
use super::tokens::Words;
use crate::hash::IdTable;
use crate::hash::mix;

/// Calls `f(phrase, sub)` for every candidate `sub` that is a contiguous part of a multi-word
/// term `phrase`.
fn for_each_part(
    doc: &Words,
    list: &[Cand],
    index: &IdTable,
    single: &[u32],
    mut f: impl FnMut(usize, usize),
) {
    for (pi, p) in list.iter().enumerate() {
        if p.len < 2 || !p.is_term() {
            continue;
        }
        let (buf, n) = p.stems(doc);
        let stems = &buf[..n];
        for a in 0..stems.len() {
            let mut key = 0u64;
            for (b, &stem) in stems.iter().enumerate().skip(a) {
                key = pack(key, stem);
                if b - a + 1 == stems.len() {
                    break;
                }
                let found = if b == a {
                    single.get(stem as usize).copied().filter(|&c| c != NONE)
                } else {
                    index.get(mix(key)).filter(|&c| c & WAITING == 0)
                };
                if let Some(ci) = found {
                    f(pi, ci as usize);
                }
            }
        }
    }
}

/// Each candidate's occurrences, counting those inside longer names.
///
/// A name inside a longer name is not counted there (phrases never cut a name), so each
/// occurrence belongs to exactly one name candidate and the sum does not count twice.
pub(crate) fn occurrences(doc: &Words, list: &[Cand], index: &IdTable, single: &[u32]) -> Vec<u32> {
    let is_name = |c: &Cand| c.name_share() >= 0.5;
    let mut total: Vec<u32> = list.iter().map(|c| c.tf).collect();
    for_each_part(doc, list, index, single, |pi, ci| {
        let (p, c) = (&list[pi], &list[ci]);
        if c.len >= 2 && is_name(p) && is_name(c) {
            total[ci] = total[ci].saturating_add(p.tf);
        }
    });
    total
}

/// Links each candidate to the term phrase holding most of its occurrences.
pub(crate) fn parents(
    doc: &Words,
    list: &[Cand],
    index: &IdTable,
    single: &[u32],
    occurrences: &[u32],
) -> Vec<Option<u32>> {
    let mut parent: Vec<Option<u32>> = vec![None; list.len()];
    for_each_part(doc, list, index, single, |pi, ci| {
        let (held, total) = (occurrences[pi], occurrences[ci]);
        if f64::from(held) < PARENT_SHARE * f64::from(total) {
            return;
        }
        let better = match parent[ci] {
            None => true,
            Some(q) => {
                let q = q as usize;
                // More occurrences, then shorter, then earlier: independent of list order.
                let rank = |x: usize| {
                    (
                        occurrences[x],
                        std::cmp::Reverse(list[x].len),
                        std::cmp::Reverse(list[x].first),
                    )
                };
                rank(pi) > rank(q)
            }
        };
        if better {
            parent[ci] = Some(pi as u32);
        }
    });
    parent
}
