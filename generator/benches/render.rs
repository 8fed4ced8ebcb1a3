//! Hot paths of a build: markdown to HTML, and template rendering of whole sites.
//!
//! cargo bench -p kennisbank --bench render

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use kennisbank::markdown::{to_html, MarkdownOptions};
use kennisbank::render::{render_site, theme};
use std::hint::black_box;

fn markdown(c: &mut Criterion) {
    let content = common::real_content();
    let bodies: Vec<&str> = content.practices.iter().map(|p| p.body.as_str()).collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let theme_ids = std::collections::BTreeSet::new();
    let options = MarkdownOptions {
        allow_raw_html: false,
        base: "/",
        external_footnotes: None,
        heading_anchors: Some(&theme_ids),
    };
    let mut group = c.benchmark_group("markdown");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("all real practice bodies to html", |b| {
        b.iter(|| {
            for body in &bodies {
                black_box(to_html(black_box(body), &options));
            }
        })
    });
    group.bench_function("all real practice bodies to plain text", |b| {
        b.iter(|| {
            for body in &bodies {
                black_box(kennisbank::markdown::to_plain_text(black_box(body)));
            }
        })
    });
    group.finish();
}

fn templates(c: &mut Criterion) {
    let root = common::root();
    let theme = match theme::load(&root, "default") {
        Ok(t) => t,
        Err(d) => panic!("the default theme does not load: {} problems", d.len()),
    };
    let mut group = c.benchmark_group("render_site");
    group.sample_size(10);
    for n in [23, 1000] {
        let content = if n == 23 {
            common::real_content()
        } else {
            common::scaled_content(n)
        };
        group.throughput(Throughput::Elements(content.practices.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("practices", content.practices.len()),
            &content,
            |b, content| {
                b.iter(|| match render_site(content, &theme, "/", &[]) {
                    Ok(files) => black_box(files),
                    Err(d) => panic!("rendering failed: {} problems", d.len()),
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, markdown, templates);
criterion_main!(benches);
