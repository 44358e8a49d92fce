//! Runs the pipeline on a file, or on every file of a directory, many times, for profilers
//! (`perf record`, callgrind) and quick throughput checks on a corpus.
//!
//! `cargo run --release --example profile_loop -- PATH [ITERATIONS] [--no-clean]`

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path =
        std::path::Path::new(args.get(1).map_or("tests/fixtures/lavrov.txt", String::as_str));
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let clean = !args.iter().any(|a| a == "--no-clean");
    let texts: Vec<String> = if path.is_dir() {
        let mut files: Vec<_> =
            std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
    } else {
        vec![std::fs::read_to_string(path)?]
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let options = presscut::Options { clean, ..presscut::Options::default() };
    let start = std::time::Instant::now();
    let mut chars = 0;
    for _ in 0..n {
        for text in &texts {
            chars += presscut::extract(text, &options).map_or(0, |a| a.stats.chars);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * n) as f64 / 1e6;
    eprintln!(
        "{n} × {} texts, {mb:.1} MB in {secs:.2} s: {:.1} MB/s, {:.0} articles/s ({chars} chars out)",
        texts.len(),
        mb / secs,
        (n * texts.len()) as f64 / secs
    );
    Ok(())
}
