//! Accuracy, shortfall and points at stake per domain.

use crate::core::practice::Scope;
use crate::core::scoring::Report;
use crate::ui::routes;
use leptos::prelude::*;

/// Every domain's line, the weakest marked.
#[component]
pub fn DomainTable(
    /// The scored attempt.
    report: Report,
    /// The exam to link "Practise" to, when practice is on offer here.
    #[prop(default = None)]
    practice: Option<String>,
) -> impl IntoView {
    let weakest = report.weakest;
    let tied = report.weakest_tied();
    let weakest_text = match tied.as_slice() {
        [] => "No weakest domain: you missed nothing in this attempt.".to_owned(),
        [d] => format!(
            "Weakest domain: {} {}. It costs you the most: {} scaled points at stake. First: read the explanations of \
             the questions you missed there (linked in the study plan), then work through its task statements.",
            d.number, d.name, d.points_at_stake
        ),
        many => format!(
            "A tie for weakest domain: {}, each with {} scaled points at stake. Start with the first (it has the \
             larger exam weight), then the other: read the explanations of the questions you missed there.",
            many.iter()
                .map(|d| format!("{} {}", d.number, d.name))
                .collect::<Vec<_>>()
                .join(" and "),
            many[0].points_at_stake
        ),
    };
    let tied_numbers: Vec<u8> = tied.iter().map(|d| d.number).collect();
    let rows = report
        .domains
        .iter()
        .map(|d| {
            let acc = d.accuracy.map_or_else(
                || "not sampled".to_owned(),
                |a| format!("{:.0}%", a * 100.0),
            );
            let is_weakest = weakest == Some(d.number) || tied_numbers.contains(&d.number);
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
                        {practice.as_ref().map(|exam| view! {
                            <a class="practise-link" href=routes::practice(exam, &Scope::Domain(d.number))>"Practise this domain"</a>
                        })}
                    </th>
                    <td data-label="Exam weight">{format!("{}%", d.weight)}</td>
                    <td data-label="Correct">{format!("{} of {}", d.correct, d.items)}</td>
                    <td class="acc" data-label="Accuracy"><span data-testid="accuracy">{acc}</span>{bar}</td>
                    <td data-label="Shortfall">{format!("{:.1}", d.shortfall)}</td>
                    <td data-testid="stake" data-label="Scaled points at stake">{format!("+{}", d.points_at_stake)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="domains-heading">
            <h2 id="domains-heading">"By domain"</h2>
            <p class="weakest-line" data-testid="weakest">{weakest_text}</p>
            <div class="table-wrap">
                <table class="domains by-domain">
                    <thead>
                        <tr>
                            <th scope="col">"Domain"</th>
                            <th scope="col">"Exam weight"</th>
                            <th scope="col">"Correct"</th>
                            <th scope="col">"Accuracy (weighted by difficulty)"</th>
                            <th scope="col">"Shortfall (weight × missed)"</th>
                            <th scope="col">"Scaled points at stake"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="note" data-testid="domain-notes">
                "Accuracy is weighted by difficulty: a hard question counts 1.5, a medium one 1.25 and an easy one 1, so 2 of 3 right can be 60 %. "
                "Shortfall is the domain's exam weight times the share missed: what it costs before scaling. "
                "Scaled points at stake: how many points on the 100–1000 scale a perfect showing in that domain would add to the estimate."
            </p>
        </section>
    }
}
