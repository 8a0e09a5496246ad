//! Training of the tagger models (feature `train`): an averaged structured
//! perceptron over the same features as inference ([`super::features`]),
//! with a constrained first-order Viterbi, quantised to i8 weights.
//!
//! Reproducible: fixed seed, fixed data order, no threads.

use super::features::{allowed, features, infos, TokInfo, O, TAGS};
use super::lexicon::{for_features, Lexicon};
use super::tokens::tokenise;
use crate::Lang;
use std::fs;
use std::io::{self, BufRead};
use std::ops::Range;
use std::path::Path;

/// One training sentence: text, tokens and gold tags.
struct Example {
    text: String,
    toks: Vec<Range<usize>>,
    tags: Vec<usize>,
}

fn tag_base(kind: &str) -> Option<usize> {
    match kind.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" | "PPL" => Some(1),
        "LOC" | "LOCATION" | "PLACE" | "PLC" | "GPE" => Some(3),
        "ORG" | "ORGANIZATION" | "ORGANISATION" | "IND" => Some(5),
        _ => None,
    }
}

/// Reads a JSONL gold file into examples; `lower_every` adds an
/// ASCII-lower-cased copy of every n-th sentence (0: none).
fn read(
    path: &Path,
    lower_every: usize,
    min_tokens: usize,
    out: &mut Vec<Example>,
) -> io::Result<()> {
    let file = fs::File::open(path)?;
    let mut n = 0;
    for line in io::BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let tokens: Vec<&str> = v["tokens"]
            .as_array()
            .map(|a| a.iter().filter_map(|t| t.as_str()).collect())
            .unwrap_or_default();
        if tokens.len() < min_tokens {
            continue;
        }
        let text = tokens.join(" ");
        let mut spans = Vec::with_capacity(tokens.len());
        let mut pos = 0;
        for t in &tokens {
            spans.push(pos..pos + t.len());
            pos += t.len() + 1;
        }
        let mut toks = Vec::new();
        tokenise(&text, 0..text.len(), &mut toks);
        let mut tags = vec![O; toks.len()];
        for e in v["entities"].as_array().into_iter().flatten() {
            let Some(base) = e["type"].as_str().and_then(tag_base) else {
                continue;
            };
            let surface = e["text"].as_str().unwrap_or("");
            if surface.starts_with('@') || surface.starts_with('#') {
                continue;
            }
            let (Some(s), Some(t)) = (e["start_token"].as_u64(), e["end_token"].as_u64()) else {
                continue;
            };
            let (Some(a), Some(b)) = (spans.get(s as usize), spans.get(t as usize)) else {
                continue;
            };
            let (start, end) = (a.start, b.end);
            let mut first = true;
            for (k, tok) in toks.iter().enumerate() {
                if tok.start >= start && tok.end <= end {
                    tags[k] = if first { base } else { base + 1 };
                    first = false;
                }
            }
        }
        n += 1;
        if lower_every > 0 && n % lower_every == 0 {
            out.push(Example {
                text: text.to_ascii_lowercase(),
                toks: toks.clone(),
                tags: tags.clone(),
            });
        }
        out.push(Example { text, toks, tags });
    }
    Ok(())
}

struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    fn decode(&self, feats: &[Vec<usize>]) -> Vec<usize> {
        let n = feats.len();
        let mut back = vec![[0usize; TAGS]; n];
        let mut prev = [f32::NEG_INFINITY; TAGS];
        for (i, fs) in feats.iter().enumerate() {
            let mut e = [0f32; TAGS];
            for &b in fs {
                for (t, s) in e.iter_mut().enumerate() {
                    *s += self.w[b * TAGS + t];
                }
            }
            let mut cur = [f32::NEG_INFINITY; TAGS];
            for t in 0..TAGS {
                if i == 0 {
                    if allowed(None, t) {
                        cur[t] = self.tw[TAGS * TAGS + t] + e[t];
                    }
                    continue;
                }
                for (p, &ps) in prev.iter().enumerate() {
                    if !allowed(Some(p), t) || ps == f32::NEG_INFINITY {
                        continue;
                    }
                    let s = ps + self.tw[p * TAGS + t] + e[t];
                    if s > cur[t] {
                        cur[t] = s;
                        back[i][t] = p;
                    }
                }
            }
            prev = cur;
        }
        let mut best = 0;
        for t in 1..TAGS {
            if prev[t] > prev[best] {
                best = t;
            }
        }
        let mut tags = vec![0; n];
        for i in (0..n).rev() {
            tags[i] = best;
            best = back[i][best];
        }
        tags
    }

    fn add(&mut self, b: usize, t: usize, d: f32) {
        self.w[b * TAGS + t] += d;
        self.u[b * TAGS + t] += self.c * d;
    }

    fn add_trans(&mut self, p: usize, t: usize, d: f32) {
        self.tw[p * TAGS + t] += d;
        self.tu[p * TAGS + t] += self.c * d;
    }

    fn update(&mut self, feats: &[Vec<usize>], gold: &[usize], pred: &[usize]) {
        for i in 0..gold.len() {
            if gold[i] != pred[i] {
                for &b in &feats[i] {
                    self.add(b, gold[i], 1.0);
                    self.add(b, pred[i], -1.0);
                }
            }
            let gp = if i == 0 { TAGS } else { gold[i - 1] };
            let pp = if i == 0 { TAGS } else { pred[i - 1] };
            if (gp, gold[i]) != (pp, pred[i]) {
                self.add_trans(gp, gold[i], 1.0);
                self.add_trans(pp, pred[i], -1.0);
            }
        }
    }

    /// The averaged model, quantised, in the file layout of [`super::model`].
    fn to_bytes(&self, prune: i8, levels: f32) -> Vec<u8> {
        let avg = |w: f32, u: f32| w - u / self.c;
        let emissions: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| avg(w, u))
            .collect();
        let mut mags: Vec<f32> = emissions
            .iter()
            .map(|x| x.abs())
            .filter(|&x| x > 0.0)
            .collect();
        mags.sort_by(f32::total_cmp);
        let q = mags
            .get(mags.len().saturating_sub(1 + mags.len() / 2000))
            .copied()
            .unwrap_or(1.0);
        let scale = levels / q.max(1e-6);
        let mut out = Vec::with_capacity(9 + (TAGS + 1) * TAGS * 2 + emissions.len());
        out.extend_from_slice(b"TEKSNER1");
        out.push(self.bits as u8);
        for (&w, &u) in self.tw.iter().zip(&self.tu) {
            let v = (avg(w, u) * scale).round().clamp(-32768.0, 32767.0) as i16;
            out.extend_from_slice(&v.to_le_bytes());
        }
        for x in emissions {
            let q = (x * scale).round().clamp(-levels, levels) as i8;
            out.push(if q.abs() <= prune { 0 } else { q as u8 });
        }
        out
    }
}

/// A training file: name, lower-case a copy of every n-th sentence (0:
/// none), minimum tokens per sentence.
type Source = (&'static str, usize, usize);

/// Trains one model on `examples` and returns its bytes.
fn train(
    examples: &[Example],
    lex: &Lexicon,
    bits: u32,
    epochs: usize,
    prune: i8,
    levels: f32,
) -> Vec<u8> {
    let mut p = Perceptron {
        bits,
        w: vec![0.0; TAGS << bits],
        u: vec![0.0; TAGS << bits],
        tw: vec![0.0; (TAGS + 1) * TAGS],
        tu: vec![0.0; (TAGS + 1) * TAGS],
        c: 1.0,
    };
    // Features once: bucket indices per token per sentence.
    let mut info: Vec<TokInfo> = Vec::new();
    let mut matches = Vec::new();
    let mut hashes = Vec::new();
    let feats: Vec<Vec<Vec<usize>>> = examples
        .iter()
        .map(|ex| {
            infos(&ex.text, &ex.toks, true, lex, &mut info, &mut matches);
            (0..ex.toks.len())
                .map(|i| {
                    hashes.clear();
                    features(&info, i, &mut |h| hashes.push(h));
                    hashes.iter().map(|&h| p.bucket(h)).collect()
                })
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        // Fisher–Yates with a fixed xorshift seed: the same order every run.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &k in &order {
            let ex = &examples[k];
            if ex.toks.is_empty() {
                continue;
            }
            let pred = p.decode(&feats[k]);
            if pred != ex.tags {
                errors += 1;
                p.update(&feats[k], &ex.tags, &pred);
            }
            p.c += 1.0;
        }
        eprintln!(
            "  epoch {}: {} of {} sentences wrong",
            epoch + 1,
            errors,
            examples.len()
        );
    }
    p.to_bytes(prune, levels)
}

/// `teks-train DATA_DIR [OUT_DIR] [--bits N] [--epochs N] [--prune N] [--levels N] [--lang id|en]`:
/// trains `id.bin` and `en.bin` (or only the model of `--lang`) from the NER training splits in `DATA_DIR` (never the dev
/// splits) and writes them to `OUT_DIR` (default `src/entity/model`).
/// Defaults: 2^14 (id) and 2^13 (en) hashed buckets, 12 epochs (id) and 6 (en); weights quantised to
/// `-levels..=levels` (15), those of magnitude at most `--prune` (1) set to 0
/// (both shrink the gzip size).
pub fn run(args: &[String]) -> io::Result<()> {
    let mut dirs = Vec::new();
    let mut bits: Option<u32> = None;
    let mut epochs: Option<usize> = None;
    let mut prune = 1i8;
    let mut levels = 15f32;
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bits" => bits = it.next().and_then(|v| v.parse().ok()),
            "--levels" => levels = it.next().and_then(|v| v.parse().ok()).unwrap_or(levels),
            "--prune" => prune = it.next().and_then(|v| v.parse().ok()).unwrap_or(prune),
            "--epochs" => epochs = it.next().and_then(|v| v.parse().ok()),
            "--lang" => only = it.next().cloned(),
            _ => dirs.push(a.clone()),
        }
    }
    let data = Path::new(dirs.first().map_or("../shared/data/ner", String::as_str)).to_path_buf();
    let out = Path::new(dirs.get(1).map_or("src/entity/model", String::as_str)).to_path_buf();
    // (language, default epochs, default bits, sources)
    let sets: [(&str, usize, u32, &[Source]); 2] = [
        (
            "id",
            12,
            14,
            &[
                ("idner_news_2k_train", 4, 0),
                ("idner_news_2k_train", 0, 0),
                ("indonlu_nergrit_train", 4, 0),
            ],
        ),
        (
            "en",
            6,
            13,
            &[
                ("wikiann_en_train", 8, 13),
                ("btc_train", 0, 0),
                ("idner_news_2k_train", 0, 0),
                ("indonlu_nergrit_train", 0, 0),
            ],
        ),
    ];
    for (lang, default_epochs, default_bits, files) in sets {
        if only.as_deref().is_some_and(|o| o != lang) {
            continue;
        }
        let epochs = epochs.unwrap_or(default_epochs);
        let bits = bits.unwrap_or(default_bits);
        let mut examples = Vec::new();
        for (name, lower_every, min_tokens) in files {
            let path = data.join(format!("{name}.jsonl"));
            read(&path, *lower_every, *min_tokens, &mut examples)?;
        }
        eprintln!(
            "{lang}: {} sentences, 2^{bits} buckets, {epochs} epochs",
            examples.len()
        );
        // The model's features see its language's lexicon (English-only lists for en).
        let lex = for_features(if lang == "en" { Lang::En } else { Lang::Id });
        let bytes = train(&examples, lex, bits, epochs, prune, levels);
        fs::write(out.join(format!("{lang}.bin")), &bytes)?;
        eprintln!("{lang}: wrote {} bytes", bytes.len());
    }
    Ok(())
}
