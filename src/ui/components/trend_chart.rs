//! Scores across attempts, drawn against the pass line and practice target.

use crate::core::history::TrendPoint;
use leptos::prelude::*;

const TOP: f64 = 16.0;
const HEIGHT: f64 = 168.0;
const LEFT: f64 = 64.0;
const WIDTH: f64 = 516.0;

fn y(score: u32) -> f64 {
    TOP + (1000.0 - f64::from(score.clamp(100, 1000))) / 900.0 * HEIGHT
}

/// An SVG line of scaled scores (with their ranges), oldest on the left.
#[component]
pub fn TrendChart(
    /// The finished attempts, oldest first.
    points: Vec<TrendPoint>,
    /// The exam's passing score.
    pass: u32,
    /// The practice target as a scaled score.
    target: u32,
) -> impl IntoView {
    let n = points.len();
    #[allow(clippy::cast_precision_loss)]
    let xat = move |i: usize| {
        if n <= 1 {
            LEFT + WIDTH / 2.0
        } else {
            LEFT + WIDTH * i as f64 / (n - 1) as f64
        }
    };
    let f = |v: f64| format!("{v:.1}");
    let line: String = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", xat(i), y(p.scaled)))
        .collect::<Vec<_>>()
        .join(" ");
    let label = match (points.first(), points.last()) {
        (Some(first), Some(last)) => format!(
            "Scores of {}: first {}, latest {}; pass line {pass}, practice target {target} and up.",
            crate::core::text::count(n, "attempt", "attempts"),
            first.scaled,
            last.scaled
        ),
        _ => "No finished attempt yet.".to_owned(),
    };
    let marks = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cx = xat(i);
            view! {
                <line class="trend-range" x1=f(cx) x2=f(cx) y1=f(y(p.high)) y2=f(y(p.low))/>
                <circle class="trend-dot" cx=f(cx) cy=f(y(p.scaled)) r="5"/>
            }
        })
        .collect_view();
    view! {
        <svg class="trend" viewBox="0 0 600 200" role="img" aria-label=label>
            <line class="trend-axis" x1=f(LEFT) x2=f(LEFT + WIDTH) y1=f(y(100)) y2=f(y(100))/>
            <text class="trend-tick" x="56" y=f(y(1000) + 4.0) text-anchor="end">"1000"</text>
            <text class="trend-tick" x="56" y=f(y(100) + 4.0) text-anchor="end">"100"</text>
            <line class="trend-pass" x1=f(LEFT) x2=f(LEFT + WIDTH) y1=f(y(pass)) y2=f(y(pass))/>
            <text class="trend-tick" x="56" y=f(y(pass) + 4.0) text-anchor="end">{pass.to_string()}</text>
            <line class="trend-target" x1=f(LEFT) x2=f(LEFT + WIDTH) y1=f(y(target)) y2=f(y(target))/>
            <text class="trend-note" x=f(LEFT + WIDTH) y=f(y(target) - 4.0) text-anchor="end">{format!("practice target {target} and up")}</text>
            <text class="trend-note" x=f(LEFT + WIDTH) y=f(y(pass) + 14.0) text-anchor="end">{format!("pass {pass}")}</text>
            <polyline class="trend-line" points=line/>
            {marks}
        </svg>
    }
}
