//! Train the named-entity tagger (averaged structured perceptron over BIO labels, Viterbi
//! decoding) on a CoNLL-2003 file and write the compact model. Deterministic: documents are
//! shuffled with a fixed seed, so the same command writes the same bytes.
//!
//! ```sh
//! cargo run --release -p presscut --features train --example train_ner -- --out crates/presscut/data/ner_model.bin  # the shipped model (all of train)
//! cargo run --release -p presscut --features train --example train_ner -- --holdout 0.15            # train on 85%, report on the rest
//! cargo run --release -p presscut --features train --example train_ner -- --folds 5 --seeds 3       # cross-validation within train
//! ```
//! Options: `--train FILE` (default ../shared/dev/ner/conll03_train.txt), `--epochs N` (10),
//! `--holdout F` (fraction of documents, taken from the end, kept for tuning), `--folds K` and
//! `--seeds S` (K-fold cross-validation, S shuffles each), `--out FILE`, `--min-q Q` (drop
//! features whose quantised weights are all below Q), `--radius R|all` and `--one-pass`
//! (evaluation settings), `--drop T,T` (leave feature templates out), `--no-augment` (no
//! title-cased copies of headlines), `--seed N`, `--eval-every` (report after every epoch).

// A development tool: its helper types are not part of any API.
#![allow(missing_debug_implementations)]

use std::fmt::Write as _;
mod iob;

mod perceptron;

use perceptron::{FloatWeights, Perceptron};
use presscut::devtools::ner::NerType;
use presscut::devtools::ner::doc::Doc;
use presscut::devtools::ner::doc::line_clauses;
use presscut::devtools::ner::labels::{self, L, O};
use presscut::devtools::ner::model::{Model, Weights};
use presscut::devtools::ner::tagger::{Scratch, tag_doc};
use std::time::Instant;

/// A training document: prepared for features, with gold labels on our own tokens.
pub struct Example {
    pub doc: Doc<'static>,
    pub gold: Vec<u8>,
}

/// Write a word the way a title-case heading would: small words in lower case, acronyms
/// (short entity words in capitals, words with periods) kept, other words capitalised.
fn title_word(w: &str, in_entity: bool) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "from",
        "as",
    ];
    let lower = w.to_lowercase();
    if SMALL.contains(&lower.as_str()) {
        return lower;
    }
    if w.contains('.')
        || (in_entity && w.chars().count() <= 4)
        || !w.chars().any(char::is_alphabetic)
    {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// Augmentation for documents as web sites write them: capitals-only headlines in title case,
/// every `body_every`-th short body sentence title-cased like a heading, and before every
/// fifth sentence a short synthetic heading made of common words taken from it (`Frozen
/// Assets`, `Technologies`), all with their gold labels.
fn augment_doc(d: &iob::Document, body_every: usize) -> iob::Document {
    let mut out = Vec::with_capacity(d.len() + d.len() / 5);
    for (si, sent) in d.iter().enumerate() {
        if si % 5 == 2
            && let Some(h) = synthetic_heading(sent, 1 + si % 3)
        {
            out.push(h);
        }
        let words: Vec<&str> = sent
            .iter()
            .map(|t| t.word.as_str())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let caps = words.iter().filter(|w| !w.chars().any(char::is_lowercase)).count();
        let heading = body_every > 0 && si % body_every == body_every - 1 && sent.len() <= 15;
        if words.is_empty() || (caps * 4 < words.len() * 3 && !heading) {
            out.push(sent.clone());
            continue;
        }
        out.push(
            sent.iter()
                .map(|t| iob::GoldTok {
                    word: title_word(&t.word, t.tag != "O"),
                    tag: t.tag.clone(),
                })
                .collect(),
        );
    }
    out
}

/// The first `n` consecutive lower-case content words of a sentence outside entities,
/// title-cased, as a heading line of their own (None if there are no such words).
fn synthetic_heading(sent: &iob::Sentence, n: usize) -> Option<iob::Sentence> {
    let content = |t: &iob::GoldTok| {
        t.tag == "O" && t.word.len() >= 4 && t.word.chars().all(|c| c.is_ascii_lowercase())
    };
    let start = sent.iter().position(content)?;
    let words: Vec<iob::GoldTok> = sent[start..]
        .iter()
        .take_while(|t| content(t))
        .take(n)
        .map(|t| iob::GoldTok { word: title_word(&t.word, false), tag: "O".to_string() })
        .collect();
    Some(words)
}

fn prepare(d: &iob::Document) -> Example {
    let (text, spans) = iob::doc_text(d);
    let ents = iob::gold_entities(d, &spans);
    // the documents live as long as the training run
    let text: &'static str = Box::leak(text.into_boxed_str());
    // the document as the pipeline cuts it; one clause a line, as the corpus has its sentences
    let d: &'static presscut::devtools::doc::Doc<'static> =
        Box::leak(Box::new(presscut::devtools::doc::Doc::from_text(text)));
    let doc = Doc::new(d, &line_clauses(&d.tokens), None);
    let mut gold = vec![O; doc.tokens.len()];
    let mut e = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        while e < ents.len() && ents[e].1 <= t.start() {
            e += 1;
        }
        if let Some((a, b, ty)) = ents.get(e)
            && t.start() >= *a
            && t.end() <= *b
        {
            let b_label = labels::parse(&format!("B-{ty}"));
            gold[i] = if t.start() == *a { b_label } else { b_label + 1 };
        }
    }
    labels::to_iob2(&mut gold);
    Example { doc, gold }
}

/// Prepare document `i`, its headlines in title case in every other document when augmenting.
fn prepare_aug(d: &iob::Document, i: usize, augment: bool) -> Example {
    if augment && i % 2 == 1 { prepare(&augment_doc(d, body_every())) } else { prepare(d) }
}

/// Every how many sentences a short body sentence is title-cased in augmented documents
/// (chosen on cross-validation within train: no cost there, and title-case headings stop
/// looking like names).
fn body_every() -> usize {
    4
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Exact-span precision/recall counts per type (PER, LOC, ORG, MISC).
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: [usize; 4],
    pub pred: [usize; 4],
    pub gold: [usize; 4],
}

impl Counts {
    fn f1(tp: usize, p: usize, g: usize) -> f64 {
        if tp == 0 { 0.0 } else { 2.0 * tp as f64 / (p + g) as f64 }
    }
    pub fn overall(&self) -> f64 {
        Self::f1(self.tp.iter().sum(), self.pred.iter().sum(), self.gold.iter().sum())
    }
    pub fn line(&self) -> String {
        let per: Vec<String> = (0..4)
            .map(|t| {
                let name = [NerType::Per, NerType::Loc, NerType::Org, NerType::Misc][t].as_str();
                format!("{name} {:.4}", Self::f1(self.tp[t], self.pred[t], self.gold[t]))
            })
            .collect();
        format!("F1 {:.4} ({})", self.overall(), per.join(", "))
    }
}

pub fn evaluate<W: Weights>(
    w: &W,
    exs: &mut [Example],
    radius: Option<usize>,
    two_pass: bool,
) -> Counts {
    let mut c = Counts::default();
    let mut sc = Scratch::default();
    let mut pred = Vec::new();
    for ex in exs.iter_mut() {
        ex.doc.reset_history();
        ex.doc.set_radius(radius);
        tag_doc(w, &mut ex.doc, two_pass, &mut sc, &mut pred);
        for &(a, b) in &ex.doc.sents {
            let mut gs = Vec::new();
            labels::chunks(&ex.gold[a..b], |s, e, t| gs.push((s, e, t)));
            labels::chunks(&pred[a..b], |s, e, t| {
                c.pred[t as usize] += 1;
                if gs.contains(&(s, e, t)) {
                    c.tp[t as usize] += 1;
                }
            });
            for g in gs {
                c.gold[g.2 as usize] += 1;
            }
        }
    }
    c
}

/// Quantise averaged weights to i8 (one scale for the model: the largest weight maps to 127)
/// and keep the features whose row has a weight of at least `min_q` steps.
fn export(w: &FloatWeights, min_q: u8) -> Vec<u8> {
    let mut entries: Vec<(u64, [f32; L])> =
        w.index.iter().map(|(&k, &ix)| (k, w.w[ix as usize])).collect();
    entries.sort_by_key(|e| e.0);
    let max = entries.iter().flat_map(|e| e.1).fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
    let scale = max / 127.0;
    let q: Vec<(u64, [i8; L])> = entries
        .iter()
        .map(|(k, r)| {
            (*k, std::array::from_fn(|c| (r[c] / scale).round().clamp(-127.0, 127.0) as i8))
        })
        .filter(|(_, o): &(u64, [i8; L])| o.iter().any(|&x| x.unsigned_abs() >= min_q))
        .collect();
    Model::write(scale, &w.tr, &q)
}

/// Training and evaluation settings.
#[derive(Clone, Copy)]
struct Config {
    epochs: usize,
    seed: u64,
    /// feature templates left out (ablations)
    drop: u128,
    radius: Option<usize>,
    two_pass: bool,
    eval_every: bool,
}

/// Run the perceptron over `exs` for `cfg.epochs` epochs (documents shuffled with `cfg.seed`).
fn train_epochs(
    exs: &mut [Example],
    cfg: Config,
    tune: &mut [Example],
    t0: &Instant,
) -> Perceptron {
    let Config { epochs, seed, drop, radius, two_pass, eval_every } = cfg;
    let mut p = Perceptron::new();
    p.cur.drop = drop;
    let mut rng = Rng(seed | 1);
    let mut order: Vec<usize> = (0..exs.len()).collect();
    for ep in 1..=epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let ex = &mut exs[d];
            ex.doc.reset_history();
            for s in 0..ex.doc.sents.len() {
                let (a, b) = ex.doc.sents[s];
                let pred = p.train_sentence(&ex.doc, s, &ex.gold[a..b]).to_vec();
                ex.doc.record(s, &pred);
            }
        }
        let mut msg =
            format!("epoch {ep}: {} features ({:.1}s)", p.cur.w.len(), t0.elapsed().as_secs_f64());
        if !tune.is_empty() && (eval_every || ep == epochs) {
            let avg = p.averaged();
            let _ = write!(msg, "; tune {}", evaluate(&avg, tune, radius, two_pass).line());
        }
        if !tune.is_empty() || eval_every {
            eprintln!("{msg}");
        }
    }
    p
}

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let train = arg(&args, "--train").unwrap_or("../shared/dev/ner/conll03_train.txt");
    let num = |name: &str, default: f64| {
        arg(&args, name).and_then(|s| s.parse::<f64>().ok()).unwrap_or(default)
    };
    let epochs = num("--epochs", 10.0) as usize;
    let holdout = num("--holdout", 0.0);
    let seed = num("--seed", 20260205.0) as u64;
    let min_q = num("--min-q", 1.0) as u8;
    let radius = match arg(&args, "--radius") {
        Some("all") => None,
        Some(r) => r.parse().ok(),
        None => presscut::devtools::ner::tagger::DEFAULT_RADIUS,
    };
    let eval_every = args.iter().any(|a| a == "--eval-every");
    let out = arg(&args, "--out");

    let t0 = Instant::now();
    let docs = iob::read_documents(train).expect("cannot read training file");
    let drop: u128 = arg(&args, "--drop").map_or(0, |d| {
        d.split(',').filter_map(|x| x.parse::<u32>().ok()).fold(0, |m, t| m | 1u128 << t)
    });
    let two_pass = !args.iter().any(|a| a == "--one-pass");
    let augment = !args.iter().any(|a| a == "--no-augment");
    let cfg = Config { epochs, seed, drop, radius, two_pass, eval_every };
    let folds = num("--folds", 0.0) as usize;
    if folds > 1 {
        // k-fold cross-validation over contiguous blocks of documents
        let mut all: Vec<Example> =
            docs.iter().enumerate().map(|(i, d)| prepare_aug(d, i, augment)).collect();
        let n = all.len();
        let mut sum = Counts::default();
        let seeds = num("--seeds", 1.0) as u64;
        for (k, seed) in (0..folds).flat_map(|k| (0..seeds).map(move |r| (k, seed + 2 * r))) {
            let (a, b) = (k * n / folds, (k + 1) * n / folds);
            // evaluate on the documents as they are (the training folds keep the augmentation)
            let tune: Vec<Example> = all.drain(a..b).collect();
            let mut tune_plain: Vec<Example> = docs[a..b].iter().map(prepare).collect();
            let p = train_epochs(&mut all, Config { seed, eval_every: false, ..cfg }, &mut [], &t0);
            let m = Model::from_bytes(&export(&p.averaged(), min_q)).expect("model");
            let c = evaluate(&m, &mut tune_plain, radius, two_pass);
            eprintln!("fold {k}: {}", c.line());
            for t in 0..4 {
                sum.tp[t] += c.tp[t];
                sum.pred[t] += c.pred[t];
                sum.gold[t] += c.gold[t];
            }
            let rest = all.split_off(a);
            all.extend(tune);
            all.extend(rest);
        }
        eprintln!("cross-validation ({folds} folds, pooled): {}", sum.line());
        return;
    }
    let n_tune = (docs.len() as f64 * holdout).round() as usize;
    let mut exs: Vec<Example> = docs[..docs.len() - n_tune]
        .iter()
        .enumerate()
        .map(|(i, d)| prepare_aug(d, i, augment))
        .collect();
    let mut tune: Vec<Example> = docs[docs.len() - n_tune..].iter().map(prepare).collect();
    eprintln!(
        "{} training documents, {} tuning documents ({:.1}s)",
        exs.len(),
        tune.len(),
        t0.elapsed().as_secs_f64()
    );
    let p = train_epochs(&mut exs, cfg, &mut tune, &t0);
    let avg = p.averaged();
    let bytes = export(&avg, min_q);
    let model = Model::from_bytes(&bytes).expect("model round trip");
    eprintln!("model: {} features, {} bytes", model.len(), bytes.len());
    if !tune.is_empty() {
        eprintln!(
            "tune (quantised model): {}",
            evaluate(&model, &mut tune, radius, two_pass).line()
        );
        if radius.is_some() {
            eprintln!(
                "tune (quantised model, all tokens): {}",
                evaluate(&model, &mut tune, None, two_pass).line()
            );
        }
    }
    if let Some(path) = out {
        std::fs::write(path, &bytes).expect("cannot write model");
        eprintln!("wrote {path}");
    }
}
