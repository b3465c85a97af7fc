//! Throughput of the term matcher with full normalisation, against the raw aho-corasick crate on the
//! same text with no normalisation, in the same run.
//!
//! The corpus (8 MiB) is built deterministically: words drawn by frequency from the 5000 most frequent
//! words of jieba's dictionary (`benches/data/zh_words.tsv`, made by `scripts/bench_wordlist.py`),
//! with Chinese punctuation and line breaks, and about one ad phrase (some disguised) per 2000 words.
//! `scripts/bench_terms.sh` runs this and prints medians in MB/s and the ratio;
//! `scripts/bench_terms_compare.sh` runs `shanzhai_find_all` of two builds side by side, alternating.
//! The corpus is the same as at commit 30dcc71 (before the generated spellings), so runs compare.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use shanzhai::terms::normalize::{Normalized, normalize_into};
use shanzhai::terms::{Matcher, RuleSet};

const WORDS: &str = include_str!("data/zh_words.tsv");
const CORPUS_BYTES: usize = 8 << 20;
const ADS: &[&str] = &[
    "国家级职业资格证书",
    "包过",
    "包-过",
    "三天拿證",
    "⑤天拿证",
    "人社部颁发",
    "挂证",
    "零基础包拿证",
    "職業技能等級",
    "高薪入职",
    "红包过节",
    "全国计算机等级考试",
];

/// A small deterministic generator (xorshift64*), so the corpus is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn corpus() -> String {
    let mut words = Vec::new();
    let mut cumulative = Vec::new();
    let mut total = 0u64;
    for line in WORDS.lines().filter(|l| !l.starts_with('#')) {
        let (word, count) = line.split_once('\t').expect("word<TAB>count");
        total += count.trim().parse::<u64>().expect("count");
        words.push(word);
        cumulative.push(total);
    }
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut text = String::with_capacity(CORPUS_BYTES + 64);
    let mut n = 0u64;
    while text.len() < CORPUS_BYTES {
        let draw = rng.next() % total;
        let i = cumulative.partition_point(|&c| c <= draw);
        text.push_str(words[i]);
        n += 1;
        if rng.next().is_multiple_of(2000) {
            text.push_str(ADS[(rng.next() % ADS.len() as u64) as usize]);
        }
        match n % 97 {
            0 => text.push('\n'),
            x if x % 9 == 0 => text.push('，'),
            x if x % 31 == 0 => text.push('。'),
            _ => {}
        }
    }
    text
}

/// The lexicon's phrases as plain strings (placeholders removed), for the raw baseline.
fn raw_phrases() -> Vec<String> {
    let set = RuleSet::default_rules();
    set.rules
        .iter()
        .flat_map(|r| set.phrases_of(r).expect("slots of the default rules"))
        .map(|p| p.replace("{N}", "").replace("{H}", ""))
        .collect()
}

fn throughput(c: &mut Criterion) {
    let text = corpus();
    let matcher = Matcher::with_default_rules();
    let phrases = raw_phrases();
    let raw = AhoCorasick::new(&phrases).expect("raw automaton");
    let raw_no_prefilter = AhoCorasick::builder()
        .prefilter(false)
        .build(&phrases)
        .expect("raw automaton without prefilter");
    let raw_dfa = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&phrases)
        .expect("raw DFA");
    eprintln!(
        "corpus: {} bytes, {} chars; shanzhai matches: {}; raw matches: {}",
        text.len(),
        text.chars().count(),
        matcher.find_all(&text).len(),
        raw.find_iter(&text).count()
    );

    let mut group = c.benchmark_group("terms_throughput");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("shanzhai_find_all", |b| {
        b.iter(|| matcher.find_all(black_box(&text)).len())
    });
    // The cost of the generated spellings (pinyin, homophones, splits): the same lexicon without them.
    let forms_off = Matcher::builder()
        .add_rules_toml(
            "[forms]\npinyin = false\nhomophones = \"off\"\nsplits = false\n",
            "bench",
        )
        .expect("forms switch")
        .build()
        .expect("matcher without forms");
    group.bench_function("shanzhai_find_all_forms_off", |b| {
        b.iter(|| forms_off.find_all(black_box(&text)).len())
    });
    group.bench_function("aho_corasick_raw", |b| {
        b.iter(|| raw.find_iter(black_box(&text)).count())
    });
    group.bench_function("aho_corasick_raw_no_prefilter", |b| {
        b.iter(|| raw_no_prefilter.find_iter(black_box(&text)).count())
    });
    group.bench_function("aho_corasick_raw_dfa_overlapping", |b| {
        b.iter(|| raw_dfa.find_overlapping_iter(black_box(&text)).count())
    });
    let mut norm = Normalized::default();
    group.bench_function("normalize_only", |b| {
        b.iter(|| {
            normalize_into(black_box(&text), &mut norm);
            norm.as_str().len()
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
