//! Trains the learned part of the quote stage: an averaged perceptron over the verb candidates
//! of `quotes::training::candidates`, labelled against PolNeAR-style gold JSON Lines
//! (`{"id","text","quotes":[{"start","end","speaker","speaker_start","speaker_end","segments"?}]}`,
//! code-point offsets). Five-fold cross-validation: the out-of-fold scores choose the threshold
//! (the lowest score at which accepting candidates still gains more right than wrong ones at the
//! target precision) and the model is the average of the five fold models. Deterministic.
//!
//! Usage: quotes_train GOLD.jsonl [OUT.tsv] [--epochs N] [--target P] [--min-count N] [--holdout]
//! (`--holdout` keeps documents 0, 5, 10, … out of training, to measure on them.)

// A development tool: its helper types are not part of any API.
#![allow(missing_debug_implementations)]

use presscut::devtools::quotes_training::candidates;
use serde_json::Value as Json;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};

/// Cross-validation folds.
const FOLDS: usize = 5;

struct Gold {
    pieces: Vec<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    name: Option<String>,
}

struct Example {
    feats: Vec<u64>,
    /// All features in their positions (before rare ones are dropped).
    feats_all: Vec<u64>,
    y: f64,
    doc: usize,
}

const TRIM: &str = " \t\r\n\u{a0}.,;:!?\u{2026}\u{2014}\u{2013}-\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{201e}\u{ab}\u{bb}\u{2039}\u{203a}()[]";

fn trim(text: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b {
        match text[a..b].chars().next() {
            Some(c) if TRIM.contains(c) => a += c.len_utf8(),
            _ => break,
        }
    }
    while b > a {
        match text[a..b].chars().next_back() {
            Some(c) if TRIM.contains(c) => b -= c.len_utf8(),
            _ => break,
        }
    }
    (a, b)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut pos = Vec::new();
    let (mut epochs, mut target, mut min_count, mut holdout) = (8usize, 0.45f64, 5usize, false);
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--epochs" => {
                epochs = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(epochs);
                i += 1;
            }
            "--holdout" => holdout = true,
            "--min-count" => {
                min_count = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(min_count);
                i += 1;
            }
            "--target" => {
                target = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(target);
                i += 1;
            }
            a => pos.push(a.to_string()),
        }
        i += 1;
    }
    let Some(gold_path) = pos.first() else {
        eprintln!("usage: quotes_train GOLD.jsonl [OUT.tsv] [--epochs N] [--target P]");
        std::process::exit(2);
    };
    let out_path = pos.get(1).cloned().unwrap_or_else(|| "data/quote_model.tsv".into());
    let f = std::fs::File::open(gold_path).unwrap_or_else(|e| {
        eprintln!("cannot read {gold_path}: {e}");
        std::process::exit(2)
    });
    let mut examples = Vec::new();
    let mut ndocs = 0;
    for line in BufReader::new(f).lines().map_while(Result::ok) {
        let Ok(rec) = serde_json::from_str::<Json>(&line) else { continue };
        let Some(text) = rec.get("text").and_then(Json::as_str) else {
            continue;
        };
        let golds = read_gold(text, &rec);
        for c in candidates(text) {
            let y = if golds.iter().any(|g| matches(text, g, c.start, c.end, c.speaker)) {
                1.0
            } else {
                -1.0
            };
            examples.push(Example { feats_all: c.feats.clone(), feats: c.feats, y, doc: ndocs });
        }
        ndocs += 1;
    }
    // with --holdout, documents 0, 5, 10, … stay out of training entirely (for measuring)
    let used = |e: &Example| !holdout || !e.doc.is_multiple_of(5);
    // features seen fewer than `min_count` times in the training documents are dropped
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for e in examples.iter().filter(|e| used(e)) {
        for h in &e.feats {
            *counts.entry(*h).or_insert(0) += 1;
        }
    }
    for e in &mut examples {
        e.feats.retain(|h| counts.get(h).copied().unwrap_or(0) >= min_count);
    }
    let data: Vec<&Example> = examples.iter().filter(|e| used(e)).collect();
    eprintln!(
        "{ndocs} documents{}, {} candidates ({} positive); {FOLDS}-fold cross-validation",
        if holdout { " (every fifth held out)" } else { "" },
        data.len(),
        data.iter().filter(|e| e.y > 0.0).count()
    );
    // each fold's model scores the documents it did not see; the threshold is chosen on all
    // those out-of-fold scores, and the model is the average of the fold models
    let fold_of = |e: &Example| (if holdout { e.doc - e.doc / 5 - 1 } else { e.doc }) % FOLDS;
    let mut oof: Vec<(f64, bool)> = Vec::with_capacity(data.len());
    let mut w: HashMap<u64, f64> = HashMap::new();
    for fold in 0..FOLDS {
        let train: Vec<&Example> = data.iter().copied().filter(|e| fold_of(e) != fold).collect();
        let wf = train_perceptron(&train, epochs);
        oof.extend(
            data.iter().filter(|e| fold_of(e) == fold).map(|e| (score(&wf, &e.feats), e.y > 0.0)),
        );
        for (k, v) in wf {
            *w.entry(k).or_insert(0.0) += v / FOLDS as f64;
        }
    }
    let threshold = choose_threshold(oof, target);
    let mut keys: Vec<_> = w.iter().filter(|(_, v)| v.abs() >= 1e-3).collect();
    keys.sort_by_key(|(k, _)| **k);
    let mut out = std::fs::File::create(&out_path).unwrap_or_else(|e| {
        eprintln!("cannot write {out_path}: {e}");
        std::process::exit(2)
    });
    let header = format!(
        "# presscut quote stage: averaged-perceptron weights over hashed features (src/quotes/broad.rs),\n\
         # trained by `cargo run --release --features train --bin quotes_train` on the PolNeAR v1.0.0\n\
         # train split ({ndocs} documents, {epochs} epochs, target precision {target}). Numbers only, no text.\n\
         # Derived from the PolNeAR annotations (Newell, Margolin, Ruths, LREC 2018; its repository\n\
         # states no licence): credit it in NOTICE and check the terms before redistributing.\n"
    );
    let mut body = header;
    let _ = writeln!(body, "threshold\t{threshold:.4}");
    // the largest weight met at each feature position (features come in a fixed order)
    let mut slot_max: Vec<f64> = Vec::new();
    for e in &examples {
        for (i, h) in e.feats_all.iter().enumerate() {
            let wv = w.get(h).copied().unwrap_or(0.0);
            if slot_max.len() <= i {
                slot_max.resize(i + 1, 0.0);
            }
            slot_max[i] = slot_max[i].max(wv);
        }
    }
    for (i, m) in slot_max.iter().enumerate() {
        let _ = writeln!(body, "slotmax\t{i}\t{:.4}", m + 1e-4);
    }
    for (k, v) in keys {
        let _ = writeln!(body, "{k:016x}\t{v:.4}");
    }
    if out.write_all(body.as_bytes()).is_err() {
        std::process::exit(1);
    }
    eprintln!(
        "wrote {out_path}: {} weights, threshold {threshold:.4}",
        w.iter().filter(|(_, v)| v.abs() >= 1e-3).count()
    );
}

/// The items of a JSON array (none for any other value).
fn items(v: &Json) -> &[Json] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn read_gold(text: &str, rec: &Json) -> Vec<Gold> {
    let mut byte_of = Vec::with_capacity(text.len() + 1);
    for (b, _) in text.char_indices() {
        byte_of.push(b);
    }
    byte_of.push(text.len());
    let at = |v: Option<&Json>| {
        v.and_then(Json::as_f64).map(|n| byte_of.get(n as usize).copied().unwrap_or(text.len()))
    };
    let mut out = Vec::new();
    for q in rec.get("quotes").map_or(&[][..], items) {
        let (Some(s), Some(e)) = (at(q.get("start")), at(q.get("end"))) else {
            continue;
        };
        let mut pieces: Vec<(usize, usize)> = q
            .get("segments")
            .map_or(&[][..], items)
            .iter()
            .filter_map(|p| Some((at(items(p).first())?, at(items(p).get(1))?)))
            .collect();
        if pieces.is_empty() {
            pieces.push((s, e));
        }
        let speaker = match (at(q.get("speaker_start")), at(q.get("speaker_end"))) {
            (Some(a), Some(b)) if b > a => Some((a, b)),
            _ => None,
        };
        let name = q.get("speaker").and_then(Json::as_str).map(str::to_string);
        out.push(Gold { pieces, speaker, name });
    }
    out
}

/// The scorer's criterion: trimmed IoU >= 0.5 and a lenient speaker match.
fn matches(text: &str, g: &Gold, s: usize, e: usize, sp: (usize, usize)) -> bool {
    let (ps, pe) = trim(text, s, e);
    let pieces: Vec<(usize, usize)> =
        g.pieces.iter().map(|&(a, b)| trim(text, a, b)).filter(|p| p.1 > p.0).collect();
    let glen: usize = pieces.iter().map(|p| p.1 - p.0).sum();
    if pe <= ps || glen == 0 {
        return false;
    }
    let ov: usize = pieces.iter().map(|&(a, b)| b.min(pe).saturating_sub(a.max(ps))).sum();
    let iou = ov as f64 / (glen + (pe - ps) - ov) as f64;
    if iou < 0.5 {
        return false;
    }
    let Some((ga, gb)) = g.speaker else { return false };
    if sp.1.min(gb) > sp.0.max(ga) {
        return true;
    }
    let last = |s: &str| {
        s.split_whitespace()
            .last()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
    };
    match (g.name.as_deref().and_then(last), text.get(sp.0..sp.1).and_then(last)) {
        (Some(a), Some(b)) => {
            a == b
                && g.name
                    .as_deref()
                    .and_then(|n| n.split_whitespace().last())
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
        }
        _ => false,
    }
}

fn score(w: &HashMap<u64, f64>, feats: &[u64]) -> f64 {
    feats.iter().map(|h| w.get(h).copied().unwrap_or(0.0)).sum()
}

fn train_perceptron(data: &[&Example], epochs: usize) -> HashMap<u64, f64> {
    let mut w: HashMap<u64, f64> = HashMap::new();
    let mut u: HashMap<u64, f64> = HashMap::new();
    let mut c = 1.0f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &i in &order {
            let ex = data[i];
            if ex.y * score(&w, &ex.feats) <= 0.0 {
                for h in &ex.feats {
                    *w.entry(*h).or_insert(0.0) += ex.y;
                    *u.entry(*h).or_insert(0.0) += ex.y * c;
                }
            }
            c += 1.0;
        }
    }
    w.iter().map(|(k, v)| (*k, v - u.get(k).copied().unwrap_or(0.0) / c)).collect()
}

fn choose_threshold(mut scored: Vec<(f64, bool)>, target: f64) -> f64 {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut tp, mut fp, mut best, mut best_gain) = (0.0, 0.0, f64::INFINITY, 0.0);
    for &(s, pos) in &scored {
        if pos {
            tp += 1.0;
        } else {
            fp += 1.0;
        }
        let gain = tp * (1.0 - target) - fp * target;
        if gain > best_gain {
            best_gain = gain;
            best = s;
        }
    }
    let accepted = scored.iter().filter(|x| x.0 >= best).count();
    let right = scored.iter().filter(|x| x.0 >= best && x.1).count();
    eprintln!(
        "out of fold: accept {accepted} of {} candidates, {right} right (precision {:.3}); positives there {}",
        scored.len(),
        right as f64 / accepted.max(1) as f64,
        scored.iter().filter(|x| x.1).count()
    );
    best
}
