//! Accuracy, shortfall and points at stake per domain.

use crate::core::scoring::Report;
use leptos::prelude::*;

/// Every domain's line, the weakest marked.
#[component]
pub fn DomainTable(
    /// The scored attempt.
    report: Report,
) -> impl IntoView {
    let weakest = report.weakest;
    let weakest_text = match weakest.and_then(|w| report.domains.iter().find(|d| d.number == w)) {
        Some(d) => format!(
            "Weakest domain: {} {} — its shortfall (weight × what was missed) is the largest. Start there.",
            d.number, d.name
        ),
        None => "No weakest domain: you missed nothing in this attempt.".to_owned(),
    };
    let rows = report
        .domains
        .iter()
        .map(|d| {
            let acc = d.accuracy.map_or_else(
                || "not sampled".to_owned(),
                |a| format!("{:.0}%", a * 100.0),
            );
            let is_weakest = weakest == Some(d.number);
            view! {
                <tr class:weakest=is_weakest data-domain=d.number>
                    <th scope="row">
                        {format!("{} {}", d.number, d.name)}
                        {is_weakest.then(|| view! { <span class="badge">"weakest"</span> })}
                    </th>
                    <td>{format!("{}%", d.weight)}</td>
                    <td>{format!("{} of {}", d.correct, d.items)}</td>
                    <td data-testid="accuracy">{acc}</td>
                    <td>{format!("{:.1}", d.shortfall)}</td>
                    <td data-testid="stake">{format!("+{}", d.points_at_stake)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="domains-heading">
            <h2 id="domains-heading">"By domain"</h2>
            <p class="weakest-line" data-testid="weakest">{weakest_text}</p>
            <div class="table-wrap">
                <table class="domains">
                    <thead>
                        <tr>
                            <th scope="col">"Domain"</th>
                            <th scope="col">"Exam weight"</th>
                            <th scope="col">"Correct"</th>
                            <th scope="col">"Accuracy (weighted)"</th>
                            <th scope="col">"Shortfall"</th>
                            <th scope="col">"Points at stake"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="note">
                "Points at stake: how many scaled points a perfect showing in that domain would add to your estimate."
            </p>
        </section>
    }
}
