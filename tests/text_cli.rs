//! Runs the built `shanzhai text` binary on small inputs and checks output and exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn shanzhai(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .arg("text")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run shanzhai");
    // Feed standard input from a thread so a large input cannot dead-lock against a full stdout pipe;
    // the child may also exit before reading (bad rules), so a broken pipe is not an error here.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or_default().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    output
}

fn jsonl(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn flagged_input_exits_1_with_schema() {
    let dir = tempfile::tempdir().unwrap();
    let ad = write(
        dir.path(),
        "ad.txt",
        "报名即送：國家級證書，包-过！".as_bytes(),
    );
    let out = shanzhai(&["--format", "jsonl", arg(&ad)], None);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["path"], arg(&ad));
    assert_eq!(r["verdict"], "block");
    let m = &r["matches"][1];
    assert_eq!(m["rule"], "promise.guaranteed_pass");
    assert_eq!(m["category"], "false_promise");
    assert_eq!(m["severity"], "high");
    assert_eq!(m["text"], "包-过");
    assert_eq!(
        (m["start"].as_u64(), m["end"].as_u64()),
        (Some(11), Some(14))
    );
    assert_eq!(r["matches"][0]["category"], "state_name");
}

#[test]
fn clean_input_exits_0() {
    let out = shanzhai(
        &["--format", "jsonl"],
        Some("我爱中国，红包过节快乐".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = jsonl(&out);
    assert_eq!(records[0]["path"], "-");
    assert_eq!(records[0]["verdict"], "pass");
    assert_eq!(records[0]["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn exit_zero_turns_a_flag_into_0_but_not_an_error() {
    let ad = "包过".as_bytes();
    let flagged = shanzhai(&["--exit-zero", "--format", "jsonl"], Some(ad));
    assert_eq!(flagged.status.code(), Some(0), "{flagged:?}");
    assert_eq!(jsonl(&flagged)[0]["verdict"], "block");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let failed = shanzhai(&["--exit-zero", arg(&missing)], None);
    assert_eq!(failed.status.code(), Some(2), "{failed:?}");
}

#[test]
fn bad_inputs_exit_2_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(dir.path(), "x.bin", b"\x7fELF\0\0\x01\xe5\x8c\x85");
    let good = write(dir.path(), "good.txt", "包过".as_bytes());
    let missing = dir.path().join("missing.txt");
    let out = shanzhai(
        &["--format", "jsonl", arg(&binary), arg(&missing), arg(&good)],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let records = jsonl(&out);
    assert_eq!(records.len(), 3);
    assert!(records[0]["error"].as_str().unwrap().contains("binary"));
    assert!(
        records[1]["error"]
            .as_str()
            .unwrap()
            .contains("cannot open")
    );
    assert_eq!(records[2]["verdict"], "block");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let out = shanzhai(
        &["--format", "jsonl"],
        Some(b"\xff\xfe\xfd\xfc \xe5\x8c\x85\xe8\xbf\x87"),
    );
    assert_eq!(out.status.code(), Some(1));
    let r = &jsonl(&out)[0];
    assert!(r["warnings"][0].as_str().unwrap().contains("UTF-8"));
    assert_eq!(r["matches"][0]["text"], "包过");
    assert_eq!(r["matches"][0]["start"], 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn empty_input_passes_with_a_warning() {
    let out = shanzhai(&["--format", "jsonl"], Some(b""));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(jsonl(&out)[0]["warnings"][0], "empty input");
}

#[test]
fn lines_mode_gives_one_record_per_line() {
    let input = "正规培训\n3天拿证\r\n\n考证后高薪入职\n";
    let out = shanzhai(&["--format", "jsonl", "--lines"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out);
    let summary: Vec<(u64, &str)> = records
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [(1, "pass"), (2, "block"), (3, "pass"), (4, "review")]
    );
    assert_eq!(records[1]["matches"][0]["start"], 0);
    assert_eq!(records[1]["matches"][0]["text"], "3天拿证");
}

#[test]
fn html_is_stripped_and_offsets_refer_to_extracted_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "ad.html",
        "<html><script>var a='代考';</script><p>考试<b>包</b>&#36807;</p></html>".as_bytes(),
    );
    let out = shanzhai(&["--format", "jsonl", arg(&page)], None);
    assert_eq!(out.status.code(), Some(1));
    let matches = jsonl(&out)[0]["matches"].clone();
    assert_eq!(
        matches.as_array().unwrap().len(),
        1,
        "script content is skipped"
    );
    assert_eq!(matches[0]["text"], "包过");
    // Extracted text is "\n考试包过\n": the match starts at character 3.
    assert_eq!(matches[0]["start"], 3);
}

#[test]
fn rule_files_disable_and_add_rules() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "rules.toml",
        b"[[rule]]\nid = \"promise.guaranteed_pass\"\nenabled = false\n",
    );
    let out = shanzhai(
        &["--rules", arg(&rules), "--format", "jsonl"],
        Some("包过".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let extra = write(
        dir.path(),
        "extra.toml",
        "[[rule]]\nid = \"user.vip\"\ncategory = \"other\"\nseverity = \"high\"\nphrases = [\"绿色通道\"]\n"
            .as_bytes(),
    );
    let out = shanzhai(
        &[
            "--rules",
            arg(&rules),
            "--rules",
            arg(&extra),
            "--format",
            "jsonl",
        ],
        Some("包过 绿色通道".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(jsonl(&out)[0]["matches"][0]["rule"], "user.vip");
}

#[test]
fn broken_rule_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "bad.toml", b"[[rule]\n");
    let out = shanzhai(&["--rules", arg(&rules)], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.toml"));
}

#[test]
fn json_and_human_formats() {
    let out = shanzhai(&["--format", "json"], Some("挂证".as_bytes()));
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all[0]["verdict"], "block");
    let out = shanzhai(&[], Some("挂证".as_bytes()));
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("BLOCK") && human.contains("promise.certificate_affiliation"),
        "{human}"
    );
}

#[test]
fn large_input_is_streamed_and_boundary_matches_kept() {
    // Several MiB so the input spans many read blocks and matcher windows; every planted phrase must
    // be found once, wherever the block and window boundaries fall.
    let filler = "今天天气很好我们一起去公园散步然后回家吃饭";
    let mut text = String::new();
    let mut planted = 0;
    while text.len() < 9 << 20 {
        for _ in 0..997 {
            text.push_str(filler);
        }
        text.push_str("包 过");
        planted += 1;
    }
    let out = shanzhai(&["--format", "jsonl"], Some(text.as_bytes()));
    let r = &jsonl(&out)[0];
    assert_eq!(r["matches"].as_array().unwrap().len(), planted);
}

#[test]
fn lines_mode_streams_very_long_lines() {
    // A 5 MiB line spans several read blocks and matcher windows; the next line is separate.
    let filler = "今天天气很好我们一起去公园散步然后回家吃饭";
    let mut text = String::new();
    let mut planted = 0;
    while text.len() < 5 << 20 {
        for _ in 0..501 {
            text.push_str(filler);
        }
        text.push_str("挂 证");
        planted += 1;
    }
    text.push_str("\r\n包过\r\n");
    let out = shanzhai(&["--format", "jsonl", "--lines"], Some(text.as_bytes()));
    let records = jsonl(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["matches"].as_array().unwrap().len(), planted);
    assert_eq!(records[1]["line"], 2);
    assert_eq!(records[1]["matches"][0]["text"], "包过");
    assert_eq!(
        records[1]["matches"][0]["end"], 2,
        "the \r of the line ending is not part of the line"
    );
}
