//! Throughput of the whole pipeline on news text (`cargo bench -p presscut`).
//!
//! Inputs: the fixture article, a long article made of it, and a page of it buried in
//! furniture; throughput is reported in bytes (MB/s) and elements (articles/s).
//!
//! `PRESSCUT_BENCH_CORPUS=DIR` adds a benchmark over every file of `DIR` (one article or page
//! text per file), reported per byte and per article of the whole set.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const FIXTURE: &str = include_str!("../../../tests/fixtures/lavrov.txt");

fn page_with_furniture() -> String {
    let nav = "Home\nWorld\nPolitics\nBusiness\nSport\nSubscribe\nSign in\n\n";
    let footer = "\n\nShare this article\nFacebook\nTwitter\n\nRelated\nMarkets rally as talks resume\nEU ministers meet in Brussels\n\n© 2026 Example News. All rights reserved.\nPrivacy Policy\nTerms of Use\n";
    format!("{nav}{FIXTURE}{footer}")
}

fn bench(c: &mut Criterion) {
    let options = presscut::Options::default();
    let raw = presscut::Options { clean: false, ..presscut::Options::default() };
    let long = FIXTURE.repeat(40);
    let page = page_with_furniture();

    let mut g = c.benchmark_group("pipeline");
    for (name, text, opts) in [
        ("fixture", FIXTURE, &options),
        ("fixture_no_clean", FIXTURE, &raw),
        ("page_with_furniture", page.as_str(), &options),
        ("long_article_40x", long.as_str(), &options),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}/bytes"), |b| {
            b.iter(|| presscut::extract(black_box(text), opts));
        });
        g.throughput(Throughput::Elements(1));
        g.bench_function(format!("{name}/articles"), |b| {
            b.iter(|| presscut::extract(black_box(text), opts));
        });
    }
    if let Some(dir) = std::env::var_os("PRESSCUT_BENCH_CORPUS") {
        let corpus = read_corpus(std::path::Path::new(&dir));
        let bytes: usize = corpus.iter().map(String::len).sum();
        let run = |b: &mut criterion::Bencher| {
            b.iter(|| {
                for text in &corpus {
                    let _ = presscut::extract(black_box(text), &options);
                }
            });
        };
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("corpus/bytes", run);
        g.throughput(Throughput::Elements(corpus.len() as u64));
        g.bench_function("corpus/articles", run);
    }
    g.finish();
}

/// The texts of the files of `dir`, in name order (unreadable files and non-UTF-8 skipped).
fn read_corpus(dir: &std::path::Path) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("PRESSCUT_BENCH_CORPUS={}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
}

criterion_group!(benches, bench);
criterion_main!(benches);
