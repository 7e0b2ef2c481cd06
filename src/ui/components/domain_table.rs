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
            "Weakest domain: {} {}. It costs you the most ({} points at stake). First: read the explanations of \
             the questions you missed there (linked in the study plan), then work through its task statements.",
            d.number, d.name, d.points_at_stake
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
            let bar = d.accuracy.map(|a| {
                view! {
                    <svg class="bar" viewBox="0 0 100 8" aria-hidden="true" preserveAspectRatio="none">
                        <rect class="bar-track" x="0" y="0" width="100" height="8" rx="4"/>
                        <rect class="bar-fill" x="0" y="0" width=format!("{:.1}", a * 100.0) height="8" rx="4"/>
                    </svg>
                }
            });
            view! {
                <tr class:weakest=is_weakest data-domain=d.number>
                    <th scope="row">
                        {format!("{} {}", d.number, d.name)}
                        {is_weakest.then(|| view! { <span class="badge">"weakest"</span> })}
                    </th>
                    <td>{format!("{}%", d.weight)}</td>
                    <td>{format!("{} of {}", d.correct, d.items)}</td>
                    <td class="acc"><span data-testid="accuracy">{acc}</span>{bar}</td>
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
