//! Helpers of the batch tests: running the binary, one test at a time, a seeded random
//! generator, and generated news-like records (written here, not taken from any corpus).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The batch tests run one at a time: each uses every core, and some measure time.
static SERIAL: Mutex<()> = Mutex::new(());

/// Holds the other batch tests off until the returned guard is dropped.
pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `presscut` with `args` and `stdin` and waits for it.
pub fn presscut(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_presscut"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("presscut runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().expect("presscut finishes");
    writer.join().expect("writer").expect("stdin written");
    out
}

/// A fresh, empty directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presscut-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// The lines of a JSON Lines output, parsed.
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}

/// A small seeded generator (xorshift64*), so a failing run can be repeated from its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// A seed from the clock, or from `PRESSCUT_TEST_SEED` to repeat a run; printed.
    pub fn from_env(test: &str) -> Self {
        let seed = std::env::var("PRESSCUT_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("{test}: PRESSCUT_TEST_SEED={seed}");
        Rng::new(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: [&str; 8] = [
    "The council",
    "The finance minister",
    "Local officials",
    "The company",
    "Police",
    "The central bank",
    "Union leaders",
    "The court",
];
const VERBS: [&str; 8] =
    ["approved", "rejected", "delayed", "announced", "questioned", "defended", "reviewed", "cut"];
const OBJECTS: [&str; 8] = [
    "the new budget",
    "a plan for the harbour",
    "the rail contract",
    "its forecast for next year",
    "the merger",
    "interest rates",
    "the school reform",
    "a ruling on Tuesday",
];
const SPEAKERS: [&str; 6] =
    ["Anna Berg", "Tomas Lind", "Maria Ortega", "Wei Zhang", "Peter Novak", "Ruth Adeyemi"];

/// A sentence of news prose.
pub fn sentence(rng: &mut Rng) -> String {
    format!("{} {} {}.", rng.pick(&SUBJECTS), rng.pick(&VERBS), rng.pick(&OBJECTS))
}

/// A short article: a headline and one or two paragraphs with a quote.
pub fn article(rng: &mut Rng, n: usize) -> String {
    let mut s = format!("Report number {n} from the city desk\n\n");
    for _ in 0..=rng.below(3) {
        s.push_str(&sentence(rng));
        s.push(' ');
    }
    s.push_str("\"We will decide soon,\" ");
    s.push_str(rng.pick(&SPEAKERS));
    s.push_str(" said on Monday.");
    if rng.below(2) == 0 {
        s.push_str("\n\n");
        s.push_str(&sentence(rng));
    }
    s
}

/// What a generated record should become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// An Article with this id.
    Article(String),
    /// An error record of this kind, with this id (null when the line is not JSON).
    Error(&'static str, Option<String>),
}

/// `n` JSON Lines records: text, HTML and malformed ones, and what each should give.
pub fn records(rng: &mut Rng, n: usize) -> (Vec<u8>, Vec<Expect>) {
    let mut out = Vec::new();
    let mut expect = Vec::with_capacity(n);
    for i in 0..n {
        let id = format!("r{i}");
        match rng.below(20) {
            0 => {
                out.extend_from_slice(
                    format!("{{\"id\": \"{id}\", \"text\": unquoted}}").as_bytes(),
                );
                expect.push(Expect::Error("invalid_json", None));
            }
            1 => {
                out.extend_from_slice(format!("{{\"id\": \"{id}\", \"text\": 42}}").as_bytes());
                expect.push(Expect::Error("invalid_record", Some(id)));
            }
            2 => {
                let rec = serde_json::json!({"id": id, "text": "Short.", "published": "someday"});
                out.extend_from_slice(rec.to_string().as_bytes());
                expect.push(Expect::Error("invalid_option", Some(id)));
            }
            3..=5 => {
                let body = article(rng, i).replace("\n\n", "</p><p>");
                let html = format!(
                    "<html><head><title>Page {i}</title></head><body><nav><a href=\"/\">Home</a></nav><p>{body}</p></body></html>"
                );
                let rec = serde_json::json!({"id": id, "html": html, "url": format!("https://news.example/{i}")});
                out.extend_from_slice(rec.to_string().as_bytes());
                expect.push(Expect::Article(id));
            }
            _ => {
                let rec = serde_json::json!({"id": id, "text": article(rng, i), "published": "2026-03-02"});
                out.extend_from_slice(rec.to_string().as_bytes());
                expect.push(Expect::Article(id));
            }
        }
        out.push(b'\n');
    }
    (out, expect)
}

/// Checks that `output` answers `expect` line by line, in order.
pub fn check_answers(output: &[u8], expect: &[Expect]) {
    let text = std::str::from_utf8(output).expect("output is UTF-8");
    assert_eq!(text.lines().count(), expect.len(), "one line per record");
    for (i, (line, want)) in text.lines().zip(expect).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        match want {
            Expect::Article(id) => {
                assert_eq!(v["id"], id.as_str(), "line {i}");
                assert_eq!(v["schema_version"], "1", "line {i} is an Article: {line:.200}");
            }
            Expect::Error(kind, id) => {
                assert_eq!(v["error"]["kind"], *kind, "line {i}: {line:.200}");
                assert_eq!(v["id"].as_str(), id.as_deref(), "line {i}");
            }
        }
    }
}
