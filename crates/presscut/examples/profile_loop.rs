//! Runs the pipeline on a file many times, for profilers (`perf record`, callgrind).
//!
//! `cargo run --release --example profile_loop -- FILE [ITERATIONS] [--no-clean]`

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("tests/fixtures/lavrov.txt", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let clean = !args.iter().any(|a| a == "--no-clean");
    let text = std::fs::read_to_string(path)?;
    let options = presscut::Options { clean, ..presscut::Options::default() };
    let start = std::time::Instant::now();
    let mut chars = 0;
    for _ in 0..n {
        chars += presscut::extract(&text, &options).map_or(0, |a| a.stats.chars);
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * n) as f64 / 1e6;
    eprintln!(
        "{n} runs, {mb:.1} MB in {secs:.2} s: {:.1} MB/s, {:.0} articles/s ({chars} chars out)",
        mb / secs,
        n as f64 / secs
    );
    Ok(())
}
