//! The plots of `BENCHMARKS.md`: build time and peak memory against the number of practices, for
//! both generators, on log-log axes (sizes span 10 to 50,000).

use crate::report::Results;
use plotters::prelude::*;
use std::path::Path;

const OURS: RGBColor = RGBColor(0, 94, 162);
const HUGO: RGBColor = RGBColor(200, 70, 30);

/// A series: (practices, value) points.
type Series = Vec<(f64, f64)>;

fn series(r: &Results, ours: bool, memory: bool) -> Series {
    r.sizes
        .iter()
        .filter_map(|s| {
            let stat = if ours {
                s.build_ours.value()
            } else {
                s.build_hugo.value()
            }?;
            let y = if memory {
                stat.median_rss_kib? as f64 / 1024.0
            } else {
                stat.median_ms / 1000.0
            };
            Some((s.practices as f64, y))
        })
        .collect()
}

fn draw(
    path: &Path,
    title: &str,
    y_label: &str,
    lines: &[(&str, RGBColor, Series)],
) -> Result<(), String> {
    let points: Vec<(f64, f64)> = lines.iter().flat_map(|l| l.2.iter().copied()).collect();
    if points.is_empty() {
        return Err("no measured builds to plot".into());
    }
    let x_max = points.iter().map(|p| p.0).fold(10.0, f64::max) * 1.5;
    let x_min = points
        .iter()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min)
        .max(1.0)
        / 1.5;
    let y_max = points.iter().map(|p| p.1).fold(0.0, f64::max) * 1.6;
    let y_min = points
        .iter()
        .map(|p| p.1)
        .filter(|y| *y > 0.0)
        .fold(f64::INFINITY, f64::min)
        / 1.6;
    let root = SVGBackend::new(path, (760, 480)).into_drawing_area();
    let e = |e: DrawingAreaErrorKind<_>| format!("cannot draw `{}`: {e:?}", path.display());
    root.fill(&WHITE).map_err(e)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(
            (x_min..x_max).log_scale(),
            (y_min.max(1e-3)..y_max.max(1e-2)).log_scale(),
        )
        .map_err(e)?;
    chart
        .configure_mesh()
        .bold_line_style(RGBColor(200, 200, 200))
        .light_line_style(RGBColor(240, 240, 240))
        .x_desc("practices")
        .y_desc(y_label)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| {
            if *y >= 10.0 {
                format!("{y:.0}")
            } else if *y >= 1.0 {
                format!("{y:.1}")
            } else {
                format!("{y:.2}")
            }
        })
        .draw()
        .map_err(e)?;
    for (name, color, data) in lines {
        if data.is_empty() {
            continue;
        }
        let color = *color;
        chart
            .draw_series(LineSeries::new(data.iter().copied(), color.stroke_width(2)))
            .map_err(e)?
            .label(*name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
        chart
            .draw_series(data.iter().map(|&p| Circle::new(p, 4, color.filled())))
            .map_err(e)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()
        .map_err(e)?;
    root.present().map_err(e)?;
    Ok(())
}

/// Writes the build-time plot (seconds, median) to `path` as SVG.
pub fn build_time_svg(r: &Results, path: &Path) -> Result<(), String> {
    draw(
        path,
        "Full build: wall time (median) against practices",
        "seconds",
        &[
            ("kennisbank build", OURS, series(r, true, false)),
            ("hugo (0.111)", HUGO, series(r, false, false)),
        ],
    )
}

/// Writes the peak-memory plot (MiB, median) to `path` as SVG.
pub fn memory_svg(r: &Results, path: &Path) -> Result<(), String> {
    draw(
        path,
        "Full build: peak memory (median) against practices",
        "MiB",
        &[
            ("kennisbank build", OURS, series(r, true, true)),
            ("hugo (0.111)", HUGO, series(r, false, true)),
        ],
    )
}
