//! The 100–1000 scale drawn as a gauge: pass line, estimate, likely range.

use leptos::prelude::*;

const LEFT: f64 = 24.0;
const WIDTH: f64 = 552.0;

fn x(score: u32) -> f64 {
    LEFT + (f64::from(score.clamp(100, 1000)) - 100.0) / 900.0 * WIDTH
}

/// An SVG gauge of the scaled estimate against the pass line.
#[component]
pub fn ScoreGauge(
    /// The estimate.
    scaled: u32,
    /// Low end of the likely range.
    low: u32,
    /// High end of the likely range.
    high: u32,
    /// The exam's passing score.
    pass: u32,
) -> impl IntoView {
    let label = format!(
        "Estimate {scaled} on a scale of 100 to 1000; likely range {low} to {high}; pass line {pass}."
    );
    let f = |v: f64| format!("{v:.1}");
    let (xl, xh, xp, xs) = (x(low), x(high), x(pass), x(scaled));
    // Keep the estimate's label inside the drawing near either end.
    let anchor = if xs < 60.0 {
        "start"
    } else if xs > 540.0 {
        "end"
    } else {
        "middle"
    };
    view! {
        <svg class="gauge" viewBox="0 0 600 96" role="img" aria-label=label>
            <rect class="gauge-track" x=f(LEFT) y="44" width=f(WIDTH) height="10" rx="5"/>
            <rect class="gauge-pass-zone" x=f(xp) y="44" width=f(LEFT + WIDTH - xp) height="10" rx="5"/>
            <rect class="gauge-band" x=f(xl) y="38" width=f((xh - xl).max(2.0)) height="22" rx="6"/>
            <line class="gauge-pass" x1=f(xp) x2=f(xp) y1="26" y2="70"/>
            <text class="gauge-label" x=f(xp) y="20" text-anchor="middle">{format!("pass {pass}")}</text>
            <circle class="gauge-dot" cx=f(xs) cy="49" r="8"/>
            <text class="gauge-value" x=f(xs) y="88" text-anchor=anchor>{scaled.to_string()}</text>
            <text class="gauge-end" x=f(LEFT) y="88" text-anchor="start">"100"</text>
            <text class="gauge-end" x=f(LEFT + WIDTH) y="88" text-anchor="end">"1000"</text>
        </svg>
    }
}
