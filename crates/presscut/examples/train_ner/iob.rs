//! Reading IOB column files (one token and its tag a line, as in CoNLL-2003) and building the
//! document texts the NER scorer exports.

use std::fs;

/// One gold token: its text, its tag (IOB2 or IOB1 as in the file).
#[derive(Clone, Debug)]
pub struct GoldTok {
    pub word: String,
    pub tag: String,
}

pub type Sentence = Vec<GoldTok>;
pub type Document = Vec<Sentence>;

/// Documents of sentences of tokens, as score_ner.py reads them.
pub fn read_documents(path: &str) -> std::io::Result<Vec<Document>> {
    let data = fs::read_to_string(path)?;
    let (mut docs, mut doc, mut sent): (Vec<Document>, Document, Sentence) =
        (vec![], vec![], vec![]);
    for line in data.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() || parts[0] == "-DOCSTART-" {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !parts.is_empty() && !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = if parts.len() > 1 { parts[parts.len() - 1] } else { "O" };
        sent.push(GoldTok { word: parts[0].to_string(), tag: tag.to_string() });
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// The document text (tokens joined by spaces, sentences by newlines) and each token's byte span.
pub fn doc_text(doc: &Document) -> (String, Vec<(usize, usize)>) {
    let mut s = String::new();
    let mut spans = vec![];
    for (si, sent) in doc.iter().enumerate() {
        if si > 0 {
            s.push('\n');
        }
        for (ti, t) in sent.iter().enumerate() {
            if ti > 0 {
                s.push(' ');
            }
            let a = s.len();
            s.push_str(&t.word);
            spans.push((a, s.len()));
        }
    }
    (s, spans)
}

/// Gold entity spans (byte offsets, type) of a document, decoding IOB1/IOB2 as conlleval.
pub fn gold_entities(doc: &Document, spans: &[(usize, usize)]) -> Vec<(usize, usize, String)> {
    let mut out = vec![];
    let mut k = 0;
    for sent in doc {
        let mut cur: Option<(usize, usize, String)> = None;
        for t in sent {
            let (p, ty) = match t.tag.split_once('-') {
                Some((p, ty)) => (p, ty),
                None => ("O", ""),
            };
            let continues = matches!(&cur, Some((_, _, c)) if c == ty) && p == "I";
            if continues {
                if let Some(c) = cur.as_mut() {
                    c.1 = spans[k].1;
                }
            } else {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                if p != "O" {
                    cur = Some((spans[k].0, spans[k].1, ty.to_string()));
                }
            }
            k += 1;
        }
        if let Some(c) = cur.take() {
            out.push(c);
        }
    }
    out
}
