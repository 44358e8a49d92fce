//! The BIO label set over the four CoNLL types, and turning label sequences into spans.

use super::NerType;

/// Number of labels: O, then B-/I- for PER, LOC, ORG, MISC.
pub const L: usize = 9;
/// The outside label.
pub const O: u8 = 0;

/// Label names in index order (as in the training data, IOB2).
#[cfg(feature = "train")]
pub const NAMES: [&str; L] =
    ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

/// The entity type of a label (None for O).
#[inline]
pub fn label_type(l: u8) -> Option<NerType> {
    match l {
        1 | 2 => Some(NerType::Per),
        3 | 4 => Some(NerType::Loc),
        5 | 6 => Some(NerType::Org),
        7 | 8 => Some(NerType::Misc),
        _ => None,
    }
}

/// Is this an inside (I-) label?
#[inline]
pub fn is_inside(l: u8) -> bool {
    l != O && l.is_multiple_of(2)
}

/// The B- label of a type.
#[cfg(feature = "train")]
#[inline]
pub fn begin(t: NerType) -> u8 {
    1 + 2 * t as u8
}

/// Parse a CoNLL tag (IOB1 or IOB2, `B-PER`, `I-LOC`, `O`); unknown tags read as O.
#[cfg(feature = "train")]
pub fn parse(tag: &str) -> u8 {
    let Some((p, ty)) = tag.split_once('-') else { return O };
    let t = match ty {
        "PER" => NerType::Per,
        "LOC" => NerType::Loc,
        "ORG" => NerType::Org,
        "MISC" => NerType::Misc,
        _ => return O,
    };
    begin(t) + u8::from(p == "I")
}

/// Convert IOB1 label sequences (I- may open an entity) to IOB2 in place.
#[cfg(feature = "train")]
pub fn to_iob2(labels: &mut [u8]) {
    let mut prev = O;
    for l in labels.iter_mut() {
        if is_inside(*l) && label_type(prev) != label_type(*l) {
            *l -= 1;
        }
        prev = *l;
    }
}

/// Entities as (first token, last token + 1, type) from a valid BIO sequence.
pub fn chunks(labels: &[u8], mut f: impl FnMut(usize, usize, NerType)) {
    let mut cur: Option<(usize, NerType)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = label_type(l);
        if let Some((s, ct)) = cur
            && (!is_inside(l) || t != Some(ct))
        {
            f(s, i, ct);
            cur = None;
        }
        if let Some(t) = t
            && cur.is_none()
        {
            cur = Some((i, t));
        }
    }
    if let Some((s, ct)) = cur {
        f(s, labels.len(), ct);
    }
}
