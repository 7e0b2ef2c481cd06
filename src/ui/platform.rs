//! Time, randomness and the page's base path: the outside world, passed into
//! the pure core as plain values.

/// Milliseconds since the epoch.
pub fn now_ms() -> u64 {
    // Date.now() is a whole, positive number of milliseconds.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let now = js_sys::Date::now() as u64;
    now
}

/// A fresh 64-bit seed from the browser's cryptographic generator, falling
/// back to Math.random where crypto is unavailable.
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        // 2^53 distinct values from Math.random are plenty for a draw.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let r = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        r ^ now_ms().rotate_left(32)
    }
}

/// The path the app is served under ("" at the root, "/prep/diagnostic"
/// under a sub-path), from the `app-base` meta the build writes.
pub fn base_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=app-base]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
}

/// An absolute URL for a path from `routes` (which carries the base).
pub fn absolute_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Moves focus to the element with this id (the new screen's heading), so
/// keyboard and screen-reader users start at the top of what changed.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Epoch milliseconds as a local date and time.
pub fn format_time(ms: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let opts = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    String::from(d.to_locale_string("default", &opts))
}

/// Scrolls to and focuses the element with this id (in-page links that must
/// not change the URL's fragment, which may carry a shared result).
pub fn reveal(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

/// Today's local date as "2026-12-01" (a backup file's name).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Copies `text` to the clipboard; says how it went (a browser may refuse
/// outside a user gesture or a secure context).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = web_sys::window().ok_or(())?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// The URL's fragment without its `#`, if it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.trim_start_matches('#');
    (!id.is_empty()).then(|| id.to_owned())
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Offers `text` as a download named `name` (a backup file); works offline.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |_| "the browser refused to save the file".to_owned();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_owned())?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no link element".to_owned())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the file chosen in a file input.
pub async fn chosen_file_text(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| "no file was chosen".to_owned())?;
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the file could not be read".to_owned())
}

/// Asks the browser to keep this site's storage (study.md §3). Resolves to
/// whether it agreed; None where the browser has no storage manager.
pub async fn persist_storage(ask: bool) -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = if ask {
        storage.persist().ok()?
    } else {
        storage.persisted().ok()?
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
}

/// Takes away the static first screen that every page carries
/// (scripts/postbuild.py), as the page drawn in its place is mounted: in the
/// same task, so no frame shows neither, or both.
pub fn remove_first_screen() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-screen"))
    {
        el.remove();
    }
}

/// A query parameter of the page this one was opened from, if that page
/// is `path` on this site (same-origin referrers carry their query).
pub fn referrer_param(path: &str, name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let referrer = window.document()?.referrer();
    let url = web_sys::Url::new(&referrer).ok()?;
    let same_page = url.origin() == window.location().origin().ok()? && url.pathname() == path;
    same_page.then(|| url.search_params().get(name)).flatten()
}

/// Whether the page is hidden (another tab, a minimised window, a phone's
/// app switcher): nothing will paint until it shows again.
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Runs `f` once the browser has painted the current change: in the frame's
/// callback, a zero timeout lands after the paint that frame makes.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Loads the page again from the address bar's URL.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Runs `f` as a User Timing measure called `name`, so DevTools and the
/// benchmark see what it costs. Nothing leaves the browser.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    out
}
