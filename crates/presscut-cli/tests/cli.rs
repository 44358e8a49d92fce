//! The `presscut` binary as users and outside evaluations drive it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/lavrov.txt");

fn presscut(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_presscut"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("presscut runs");
    let input = stdin.unwrap_or("").to_owned();
    let mut pipe = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("presscut finishes");
    writer.join().expect("writer").expect("stdin written");
    out
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn extract_prints_one_article_as_json() {
    let out = presscut(&["extract", FIXTURE], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["schema_version"], "1");
    assert!(a["title"].as_str().unwrap().starts_with("Lavrov: Talks with the U.S."));
    assert_eq!(a["metadata"]["news_id"], "200143");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "compact JSON is one line");
}

#[test]
fn extract_reads_stdin_and_pretty_prints() {
    let out = presscut(
        &["extract", "-", "--pretty", "--url", "https://example.com/a"],
        Some("Headline\n\nThe minister said on Tuesday that the talks went well."),
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().count() > 10, "pretty JSON spans lines");
    let a: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(a["title"], "Headline");
    assert_eq!(a["metadata"]["url"], "https://example.com/a");
}

#[test]
fn no_clean_keeps_the_input_verbatim() {
    let input = "First line\nSecond line\n";
    let out = presscut(&["extract", "--no-clean", "--format", "text"], Some(input));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["text"], input);
    assert_eq!(a["title"], serde_json::Value::Null);
    assert_eq!(a["blocks"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_usage_exits_with_status_two() {
    let out = presscut(&["extract", "--published", "someday", FIXTURE], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("published"));
    assert_eq!(presscut(&["extract", "/no/such/file.txt"], None).status.code(), Some(2));
    assert_eq!(presscut(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(presscut(&["batch", "/no/such/input.jsonl"], None).status.code(), Some(2));
}

#[test]
fn batch_keeps_input_order_and_reports_bad_records_in_place() {
    let input = [
        r#"{"id": "a", "text": "First headline\n\nThe first article says something at some length, as articles do."}"#,
        r"not json at all",
        r#"{"id": 7, "html": "<html><head><title>T</title></head><body><p>Second article, written in HTML, with a paragraph of text.</p></body></html>"}"#,
        r#"{"id": "no-text"}"#,
        "",
        r#"{"id": "d", "text": "Third headline\n\nIt went ahead yesterday, officials said.", "published": "2026-02-05"}"#,
        r#"{"id": "e", "text": "x", "published": "not a date"}"#,
    ]
    .join("\n");
    let out = presscut(&["batch", "--threads", "2"], Some(&input));
    assert_eq!(out.status.code(), Some(1), "some records failed");
    let recs = json_lines(&out);
    let ids: Vec<String> = recs.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(ids, [r#""a""#, "null", r#""7""#, r#""no-text""#, r#""d""#, r#""e""#]);
    assert_eq!(recs[0]["title"], "First headline");
    assert_eq!(recs[1]["error"]["kind"], "invalid_json");
    assert_eq!(recs[2]["source_format"], "html");
    assert_eq!(recs[3]["error"]["kind"], "invalid_record");
    assert_eq!(recs[4]["metadata"]["published"], "2026-02-05");
    assert_eq!(recs[5]["error"]["kind"], "invalid_option");
}

#[test]
fn batch_reads_files_and_directories_and_writes_to_a_file() {
    let dir = std::env::temp_dir().join(format!("presscut-cli-test-{}", std::process::id()));
    let docs = dir.join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(
        docs.join("b.txt"),
        "B headline\n\nThe body of B is a sentence of reasonable length.",
    )
    .unwrap();
    std::fs::write(docs.join("sub/a.html"), "<html><body><p>A is HTML.</p></body></html>").unwrap();
    std::fs::write(docs.join("ignored.bin"), "not an article").unwrap();
    let jsonl = dir.join("in.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"j1\", \"text\": \"J headline\\n\\nA body sentence that is long enough.\"}\n",
    )
    .unwrap();
    let out_path = dir.join("out.jsonl");
    let out = presscut(
        &[
            "batch",
            jsonl.to_str().unwrap(),
            docs.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&out_path).unwrap();
    let ids: Vec<String> = written
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids, ["j1", "b.txt", "sub/a.html"]);
    std::fs::remove_dir_all(&dir).ok();
}
