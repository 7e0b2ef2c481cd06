//! The plain-words account of how the estimate is made.

use leptos::prelude::*;

/// "How is this estimated?": the assumptions, said honestly.
#[component]
pub fn HowEstimated(
    /// The exam's passing score.
    pass_score: u32,
    /// The raw cut fraction assumed for the exam.
    raw_cut: f64,
) -> impl IntoView {
    let cut = format!("{:.0}%", raw_cut * 100.0);
    view! {
        <details class="panel how">
            <summary>"How is this estimated?"</summary>
            <ul>
                <li>"Each domain's accuracy counts by its weight in AWS's exam guide, so a miss in a heavy domain costs more. Harder questions count slightly more (easy 1, medium 1.25, hard 1.5); an answer counts only when every correct option is chosen and nothing else."</li>
                <li>{format!("The weighted result is mapped onto AWS's 100–1000 scale, assuming that {cut} of the weighted blueprint corresponds to the pass line of {pass_score}. That cut is this project's planning assumption, not AWS's: AWS does not publish how raw answers become scaled scores.")}</li>
                <li>"Ten questions cannot pin a score down. The likely range is an 80% Wilson interval over the ten questions: the real result could fall outside it. Retake the diagnostic to narrow it down."</li>
                <li>"Likely to pass means even the low end of the range reaches the pass line; Not yet means even the high end falls short; Borderline is everything between."</li>
            </ul>
        </details>
    }
}
