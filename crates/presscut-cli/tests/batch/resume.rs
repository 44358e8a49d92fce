//! Killed runs and `--resume`: the final output equals an uninterrupted run's, byte for byte.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Rng, path_str, presscut, records, scratch, serial};

/// Records of the kill test: a few seconds of work, so that kills land inside the run.
const RECORDS: usize = 20_000;

/// The contract's six tables, as `--tables` writes them.
const TABLES: [&str; 6] =
    ["articles.csv", "quotes.csv", "entities.csv", "mentions.csv", "dates.csv", "sources.csv"];

fn batch_args<'a>(input: &'a Path, out: &'a Path, tables: &'a Path) -> Vec<&'a str> {
    vec![
        "batch",
        path_str(input),
        "-o",
        path_str(out),
        "--tables",
        path_str(tables),
        "--threads",
        "2",
        "--quiet",
    ]
}

/// Starts a resumed run and kills it (SIGKILL) once OUT holds `target` bytes, or lets it end.
/// Returns whether it was killed.
fn run_and_kill(input: &Path, out: &Path, tables: &Path, target: u64) -> bool {
    let mut args = batch_args(input, out, tables);
    args.push("--resume");
    let mut child = Command::new(env!("CARGO_BIN_EXE_presscut"))
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("presscut runs");
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.code() == Some(1), "the resumed run ends as a full run would: {status}");
            return false;
        }
        let size = std::fs::metadata(out).map_or(0, |m| m.len());
        if size >= target {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
            return true;
        }
        assert!(Instant::now() < deadline, "the run hangs");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn runs_killed_at_random_points_and_resumed_equal_an_uninterrupted_run_byte_for_byte() {
    let _serial = serial();
    let dir = scratch("kill");
    let mut rng = Rng::from_env("kill");
    let (input, _) = records(&mut rng, RECORDS);
    let in_path = dir.join("in.jsonl");
    std::fs::write(&in_path, &input).unwrap();

    let (reference, ref_tables) = (dir.join("reference.jsonl"), dir.join("reference-tables"));
    let out = presscut(&batch_args(&in_path, &reference, &ref_tables), None);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let full = std::fs::metadata(&reference).unwrap().len();

    let (resumed, tables) = (dir.join("resumed.jsonl"), dir.join("tables"));
    // Kill points: sizes OUT must reach, spread at random over the run but short of its last
    // buffer flush (at exit), so that each run is still going when it is killed.
    let mut targets: Vec<u64> = (0..6).map(|_| rng.next() % (full * 4 / 5)).collect();
    targets.sort_unstable();
    let mut kills = 0;
    for target in targets {
        kills += usize::from(run_and_kill(&in_path, &resumed, &tables, target));
    }
    assert!(kills >= 5, "at least five runs were killed ({kills})");
    let out = presscut(&[batch_args(&in_path, &resumed, &tables), vec!["--resume"]].concat(), None);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        std::fs::read(&resumed).unwrap() == std::fs::read(&reference).unwrap(),
        "the resumed output equals the uninterrupted one"
    );
    for table in TABLES {
        assert!(
            std::fs::read(tables.join(table)).unwrap()
                == std::fs::read(ref_tables.join(table)).unwrap(),
            "{table} equals the uninterrupted run's"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_partial_last_line_is_cut_off_and_its_record_done_again() {
    let _serial = serial();
    let dir = scratch("partial");
    let (input, _) = records(&mut Rng::new(3), 300);
    let in_path = dir.join("in.jsonl");
    std::fs::write(&in_path, &input).unwrap();
    let (reference, tables) = (dir.join("reference.jsonl"), dir.join("tables"));
    presscut(&batch_args(&in_path, &reference, &tables), None);
    let full = std::fs::read(&reference).unwrap();
    let out_path = dir.join("out.jsonl");
    // Cut inside a line, right after a newline, and right before one.
    let newline = full.iter().position(|&b| b == b'\n').unwrap();
    for cut in [full.len() / 3, newline + 1, newline, 0] {
        std::fs::write(&out_path, &full[..cut]).unwrap();
        let mut args = batch_args(&in_path, &out_path, &tables);
        args.push("--resume");
        let out = presscut(&args, None);
        assert_eq!(out.status.code(), Some(1));
        assert!(std::fs::read(&out_path).unwrap() == full, "cut at byte {cut}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn resume_refuses_an_output_written_from_other_inputs() {
    let _serial = serial();
    let dir = scratch("mismatch");
    let in_path = dir.join("in.jsonl");
    let out_path = dir.join("out.jsonl");
    std::fs::write(
        &in_path,
        "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n",
    )
    .unwrap();
    let resume = ["batch", path_str(&in_path), "-o", path_str(&out_path), "--resume", "--quiet"];

    // A record of another input in the first place.
    std::fs::write(&out_path, "{\"id\":\"zzz\",\"error\":{\"kind\":\"io\",\"message\":\"x\"}}\n")
        .unwrap();
    let out = presscut(&resume, None);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("\"zzz\"") && message.contains("\"a\""), "{message}");
    assert!(std::fs::read(&out_path).unwrap().starts_with(b"{\"id\":\"zzz\""), "OUT is left alone");

    // More records than the input has.
    let line = "{\"id\":\"a\",\"error\":{\"kind\":\"io\",\"message\":\"x\"}}\n";
    std::fs::write(&out_path, line.repeat(3)).unwrap();
    assert_eq!(presscut(&resume, None).status.code(), Some(2));

    // A line presscut did not write.
    std::fs::write(&out_path, "hello\n").unwrap();
    let out = presscut(&resume, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a record presscut wrote"));

    // No OUT yet: the run starts.
    std::fs::remove_file(&out_path).unwrap();
    let out = presscut(&resume, None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap().lines().count(), 2);

    // --resume needs -o.
    assert_eq!(presscut(&["batch", "--resume", path_str(&in_path)], None).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
