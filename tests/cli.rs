//! The `teks` command line: JSON shape, errors, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn teks(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_teks"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run teks");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn analyse_prints_one_json_object() {
    let out = teks(
        &["analyse", "-"],
        "Budi tinggal di Jakarta. Dia senang.".as_bytes(),
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["language"], "id");
    assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(v["stats"]["sentences"], 2);
}

#[test]
fn invalid_utf8_exits_2_naming_the_offset() {
    let out = teks(&["analyse"], b"abc\xffdef");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("byte offset 3"), "{err}");
}

#[test]
fn jsonl_answers_good_lines_and_reports_bad_ones() {
    let input =
        b"{\"id\":\"a\",\"text\":\"Satu. Dua.\"}\nnot json\n{\"id\":7,\"text\":\"Tiga.\"}\n";
    let out = teks(&["sentences", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["result"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["id"], 7);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["analyse", "--bogus"][..],
        &["frobnicate"],
        &["analyse", "--lang", "xx"],
        &[],
    ] {
        let out = teks(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!out.stderr.is_empty());
    }
    let out = teks(&["analyse", "/nonexistent/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
