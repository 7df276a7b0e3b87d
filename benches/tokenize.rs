//! `cargo bench --bench tokenize`: tokenizer throughput on the fixture excerpts (English with
//! NBSP and curly quotes; Chinese without spaces). The token counts are checked first, so a
//! speed run also checks correctness.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)).expect("fixture")
}

fn tokenize(c: &mut Criterion) {
    let english = ["ungdc/CHN_78_2023.txt", "ungdc/RUS_78_2023.txt", "official/en/xi_2020-11-17_brics12_summit.txt"]
        .map(fixture)
        .join("\n");
    let chinese = [
        "official/zh/xi_2020-11-17_brics12_summit_zh.txt",
        "official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua.txt",
    ]
    .map(fixture)
    .join("\n");
    // Every token's span lies on the text; words are about one in six bytes of English.
    for text in [&english, &chinese] {
        let tokens = refrain::text::tokenize(text);
        assert!(tokens.len() > text.len() / 12, "too few tokens: {}", tokens.len());
        assert!(tokens.iter().all(|t| !text[t.span.range()].trim().is_empty()));
    }
    let mut group = c.benchmark_group("tokenize");
    for (name, text) in [("english", &english), ("chinese", &chinese)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| refrain::text::tokenize(std::hint::black_box(text)).len()));
    }
    group.finish();
}

criterion_group!(benches, tokenize);
criterion_main!(benches);
