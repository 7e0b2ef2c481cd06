//! A link to share: shown, copyable, and sent with the Web Share API where
//! the browser has it.

use crate::ui::platform::copy_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn can_share() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Calls `navigator.share({ title, url })`.
fn share(title: &str, url: &str) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let Ok(f) = js_sys::Reflect::get(&navigator, &"share".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    if let Ok(p) = f
        .call1(&navigator, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    {
        // The test-taker may cancel the sheet; nothing to report then.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

/// One shareable link.
#[component]
pub fn ShareBox(
    /// A short heading for the link.
    title: &'static str,
    /// What the link does, in a sentence.
    explain: String,
    /// The absolute URL.
    url: String,
    /// An id for the field (unique on the page).
    id: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy_url = url.clone();
    let copy = move |_| {
        let url = copy_url.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let said = match copy_text(&url).await {
                Ok(()) => "Link copied.",
                Err(()) => "Copying was not allowed here: select the link and copy it.",
            };
            status.set(said.to_owned());
        });
    };
    let share_url = url.clone();
    view! {
        <div class="share-box">
            <h3>{title}</h3>
            <p class="muted">{explain}</p>
            <label class="visually-hidden" for=id>{title}</label>
            <input id=id class="share-url" type="text" readonly value=url.clone() on:focus=|ev| {
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
            }/>
            <div class="actions">
                <button type="button" class="button" on:click=copy>"Copy link"</button>
                {can_share().then(|| view! {
                    <button type="button" class="button" on:click=move |_| share(title, &share_url)>"Share…"</button>
                })}
            </div>
            <p class="status-line" role="status">{move || status.get()}</p>
        </div>
    }
}
