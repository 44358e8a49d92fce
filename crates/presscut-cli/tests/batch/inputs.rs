//! Directories with traps, gzip, several inputs in one run.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::common::{json_lines, path_str, presscut, scratch, serial};

const BODY: &str = "Harbour plan approved\n\nThe council approved the harbour plan on Monday, \
                    officials said.";

#[cfg(unix)]
#[test]
fn a_directory_with_a_link_loop_and_unreadable_entries_ends_and_reports_them() {
    use std::os::unix::fs::{PermissionsExt, symlink};

    let _serial = serial();
    let dir = scratch("traps");
    let root = dir.join("articles");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.txt"), BODY).unwrap();
    std::fs::write(
        root.join("sub/b.html"),
        "<html><body><p>A page of the sub folder.</p></body></html>",
    )
    .unwrap();
    std::fs::write(root.join("notes.bin"), "not an article").unwrap();
    std::fs::write(dir.join("outside.txt"), BODY).unwrap();
    symlink(&root, root.join("sub/loop")).unwrap(); // back to the root: a loop
    symlink(dir.join("outside.txt"), root.join("escape.txt")).unwrap(); // out of the root
    symlink(root.join("a.txt"), root.join("same.txt")).unwrap(); // inside: followed
    symlink(root.join("missing.txt"), root.join("gone.txt")).unwrap(); // broken
    let locked = root.join("locked.txt");
    std::fs::write(&locked, BODY).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file: then the locked file is read like the others.
    let locked_readable = std::fs::File::open(&locked).is_ok();
    let fifo = root.join("pipe.html");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a named pipe");

    let start = Instant::now();
    let out = presscut(&["batch", path_str(&root), "--threads", "2"], None);
    assert!(start.elapsed() < Duration::from_secs(60), "the walk ends (a FIFO is not opened)");
    assert_eq!(out.status.code(), Some(1), "entries failed");
    let lines = json_lines(&out.stdout);
    let by_id = |id: &str| {
        lines.iter().find(|l| l["id"] == id).unwrap_or_else(|| panic!("a line for {id}: {lines:?}"))
    };
    assert_eq!(by_id("a.txt")["title"], "Harbour plan approved");
    assert_eq!(by_id("same.txt")["title"], "Harbour plan approved", "a link inside is followed");
    assert_eq!(by_id("sub/b.html")["source_format"], "html");
    assert_eq!(by_id("sub/loop")["error"]["kind"], "symlink");
    assert!(by_id("sub/loop")["error"]["message"].as_str().unwrap().contains("loop"));
    assert_eq!(by_id("escape.txt")["error"]["kind"], "symlink");
    assert!(by_id("escape.txt")["error"]["message"].as_str().unwrap().contains("leads out of"));
    assert_eq!(by_id("gone.txt")["error"]["kind"], "io");
    assert_eq!(by_id("pipe.html")["error"]["kind"], "io");
    if locked_readable {
        assert_eq!(by_id("locked.txt")["schema_version"], "1");
    } else {
        assert_eq!(by_id("locked.txt")["error"]["kind"], "io");
    }
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "name order");
    assert_eq!(ids.len(), 8, "every entry but the .bin file has a line: {ids:?}");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("passed over 1 files"), "{summary}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn gzipped_json_lines_and_several_inputs_are_read_in_order() {
    let _serial = serial();
    let dir = scratch("gz");
    let gz_path = dir.join("part1.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for id in ["g1", "g2"] {
        writeln!(gz, "{}", serde_json::json!({"id": id, "text": BODY})).unwrap();
    }
    std::fs::write(&gz_path, gz.finish().unwrap()).unwrap();
    // A gzip file without .gz in its name is recognised by its bytes.
    std::fs::copy(&gz_path, dir.join("part2.jsonl")).unwrap();
    let stdin = format!("{}\n", serde_json::json!({"id": "s1", "text": BODY}));
    let out = presscut(
        &["batch", path_str(&gz_path), "-", path_str(&dir.join("part2.jsonl"))],
        Some(stdin.as_bytes()),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> =
        json_lines(&out.stdout).iter().map(|l| l["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, ["g1", "g2", "s1", "g1", "g2"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_corrupt_gzip_stream_ends_its_input_with_an_error_record() {
    let _serial = serial();
    let dir = scratch("badgz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for i in 0..200 {
        writeln!(gz, "{}", serde_json::json!({"id": i, "text": format!("{BODY} {i}")})).unwrap();
    }
    let mut bytes = gz.finish().unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 8].copy_from_slice(b"\xff\x00\xff\x00\xff\x00\xff\x00");
    let path = dir.join("bad.jsonl.gz");
    std::fs::write(&path, bytes).unwrap();
    let out = presscut(&["batch", path_str(&path)], None);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    let last = lines.last().unwrap();
    assert_eq!(last["error"]["kind"], "io", "{last}");
    assert!(last["error"]["message"].as_str().unwrap().contains("bad.jsonl.gz"));
    std::fs::remove_dir_all(&dir).ok();
}
