//! `teks`: the command-line interface. Thin: it reads input, parses flags,
//! calls the library and prints JSON. See README.md, "CLI".

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
teks — clean text, split sentences, find and count entities (Indonesian, English)

Usage:
  teks <command> [FILE|-] [options]

Commands:
  analyse     the full result: language, cleaned, removed, sentences, entities, stats
  clean       {cleaned, removed}
  sentences   [{start, end, text}]
  entities    [{name, type, count, aliases, mentions}]

Input is FILE, or standard input when FILE is '-' or missing. It must be UTF-8.

Options:
  --lang auto|id|en      language (default: auto-detect)
  --no-clean             do not clean the text first
  --input text|html      what the input is (default: text)
  --types T,T,...        entity types to return (default: PER,LOC,ORG);
                         also MISC EMAIL URL HASHTAG MENTION MONEY PERCENT DATE TIME NUMBER
  --jsonl                input is JSON lines with a \"text\" field (and optional \"id\");
                         writes one result per line, with the id kept
  --pretty               indent the JSON output
  -h, --help             show this help
  -V, --version          show the version

Offsets are UTF-16 code units into the input, end exclusive.
Exit status: 0 ok; 1 some --jsonl lines were invalid (the others were answered);
2 usage error, unreadable input or invalid UTF-8.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Analyse,
    Clean,
    Sentences,
    Entities,
}

struct Args {
    command: Command,
    file: Option<String>,
    options: teks::Options,
    jsonl: bool,
    pretty: bool,
}

/// A failure that ends the program with a message and exit status 2.
struct Fatal(String);

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, Fatal> {
    let mut command = None;
    let mut file = None;
    let mut options = teks::Options::default();
    let (mut jsonl, mut pretty) = (false, false);
    let value = |args: &mut dyn Iterator<Item = String>, flag: &str| {
        args.next()
            .ok_or_else(|| Fatal(format!("{flag} needs a value (see teks --help)")))
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let take = |args: &mut dyn Iterator<Item = String>| match inline.clone() {
            Some(v) => Ok(v),
            None => value(args, &flag),
        };
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("teks {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--lang" => {
                options.lang = teks::Options::parse_lang(&take(&mut args)?)
                    .map_err(|e| Fatal(e.to_string()))?
            }
            "--input" => {
                options.input = take(&mut args)?
                    .parse()
                    .map_err(|e: teks::Error| Fatal(e.to_string()))?
            }
            "--types" => {
                let types = take(&mut args)?
                    .split(',')
                    .filter(|t| !t.trim().is_empty())
                    .map(str::parse)
                    .collect::<Result<Vec<teks::EntityType>, _>>()
                    .map_err(|e| Fatal(e.to_string()))?;
                options.entity_types = Some(types);
            }
            "--no-clean" => options.clean = false,
            "--jsonl" => jsonl = true,
            "--pretty" => pretty = true,
            "-" => file = Some(arg),
            f if f.starts_with('-') => {
                return Err(Fatal(format!("unknown option {f:?} (see teks --help)")))
            }
            _ if command.is_none() => {
                command = Some(match arg.as_str() {
                    "analyse" | "analyze" => Command::Analyse,
                    "clean" => Command::Clean,
                    "sentences" => Command::Sentences,
                    "entities" => Command::Entities,
                    other => {
                        return Err(Fatal(format!(
                            "unknown command {other:?} (see teks --help)"
                        )))
                    }
                })
            }
            _ if file.is_none() => file = Some(arg),
            _ => {
                return Err(Fatal(format!(
                    "unexpected argument {arg:?} (see teks --help)"
                )))
            }
        }
    }
    let command = command.ok_or_else(|| Fatal("missing command (see teks --help)".to_string()))?;
    Ok(Some(Args {
        command,
        file,
        options,
        jsonl,
        pretty,
    }))
}

fn read_bytes(file: Option<&str>) -> Result<Vec<u8>, Fatal> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => io::stdin().read_to_end(&mut bytes).map(drop),
        Some(path) => std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(drop),
    }
    .map_err(|e| {
        Fatal(format!(
            "cannot read {}: {e}",
            file.unwrap_or("standard input")
        ))
    })?;
    Ok(bytes)
}

fn to_text(bytes: Vec<u8>, file: Option<&str>) -> Result<String, Fatal> {
    String::from_utf8(bytes).map_err(|e| {
        Fatal(format!(
            "{}: invalid UTF-8 at byte offset {}",
            file.unwrap_or("standard input"),
            e.utf8_error().valid_up_to()
        ))
    })
}

fn run(command: Command, text: &str, options: &teks::Options) -> serde_json::Value {
    let value = match command {
        Command::Analyse => serde_json::to_value(teks::analyse(text, options)),
        Command::Clean => serde_json::to_value(teks::clean(text, options)),
        Command::Sentences => serde_json::to_value(teks::split_sentences(text, options)),
        Command::Entities => serde_json::to_value(teks::count_entities(text, options)),
    };
    value.expect("results serialise to JSON")
}

fn to_json(value: &serde_json::Value, pretty: bool) -> String {
    let s = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    s.expect("results serialise to JSON")
}

/// Answers each JSON line; returns how many lines were invalid.
fn run_jsonl(args: &Args, input: &[u8], out: &mut impl Write) -> io::Result<usize> {
    let mut bad = 0;
    for (n, line) in input.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed: Result<serde_json::Value, String> = match std::str::from_utf8(line) {
            Ok(line) => serde_json::from_str(line).map_err(|e| e.to_string()),
            Err(e) => Err(format!(
                "invalid UTF-8 at byte offset {} of the line",
                e.valid_up_to()
            )),
        };
        let item = parsed.and_then(|v| match v.get("text").and_then(|t| t.as_str()) {
            Some(t) => Ok((v.get("id").cloned(), t.to_string())),
            None => Err("no string field \"text\"".to_string()),
        });
        match item {
            Ok((id, text)) => {
                let mut result = run(args.command, &text, &args.options);
                let result = match (&mut result, id) {
                    (serde_json::Value::Object(map), Some(id)) => {
                        let mut with_id = serde_json::Map::new();
                        with_id.insert("id".to_string(), id);
                        with_id.append(map);
                        serde_json::Value::Object(with_id)
                    }
                    (serde_json::Value::Object(_), None) => result,
                    (_, id) => serde_json::json!({ "id": id, "result": result }),
                };
                let mut s = to_json(&result, false);
                s.push('\n');
                out.write_all(s.as_bytes())?;
            }
            Err(e) => {
                bad += 1;
                eprintln!("teks: line {}: {e}", n + 1);
            }
        }
    }
    Ok(bad)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(Fatal(msg)) => {
            eprintln!("teks: {msg}");
            return ExitCode::from(2);
        }
    };
    let file = args.file.as_deref();
    let input = match read_bytes(file) {
        Ok(bytes) if args.jsonl => Ok(bytes),
        Ok(bytes) => to_text(bytes, file).map(String::into_bytes),
        Err(e) => Err(e),
    };
    let input = match input {
        Ok(input) => input,
        Err(Fatal(msg)) => {
            eprintln!("teks: {msg}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        run_jsonl(&args, &input, &mut out)
    } else {
        let text = std::str::from_utf8(&input).expect("validated above");
        let mut s = to_json(&run(args.command, text, &args.options), args.pretty);
        s.push('\n');
        out.write_all(s.as_bytes()).map(|()| 0)
    };
    match result.and_then(|bad| out.flush().map(|()| bad)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("teks: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}
