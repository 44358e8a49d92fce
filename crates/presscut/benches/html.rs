//! Throughput of the whole pipeline on HTML pages (`cargo bench -p presscut --bench html`):
//! decoding, parsing, main content, metadata and the text analysis, per byte and per page.
//!
//! Inputs: the HTML fixture pages (tests/fixtures/html/), and with `PRESSCUT_BENCH_HTML=DIR`
//! every `.html` file of `DIR` (e.g. the WCXB dev pages, unpacked outside the repository).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn pages(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let options = presscut::Options::default();
    let fixtures = pages(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/html"));
    let mut sets = vec![("fixture_pages", fixtures)];
    if let Some(dir) = std::env::var_os("PRESSCUT_BENCH_HTML") {
        sets.push(("corpus", pages(Path::new(&dir))));
    }
    let mut g = c.benchmark_group("html");
    for (name, set) in &sets {
        let run = |b: &mut criterion::Bencher| {
            b.iter(|| {
                for page in set {
                    let _ = presscut::extract_bytes(black_box(page), &options);
                }
            });
        };
        g.throughput(Throughput::Bytes(set.iter().map(Vec::len).sum::<usize>() as u64));
        g.bench_function(format!("{name}/bytes"), run);
        g.throughput(Throughput::Elements(set.len() as u64));
        g.bench_function(format!("{name}/pages"), run);
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
