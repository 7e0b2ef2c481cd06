#!/usr/bin/env python3
"""Trunk post-build hook: finishes the static site in Trunk's staging dir.

0. On pages whose first screen is content (home, each exam's page), the
   wasm starts downloading once that screen has painted, fetched with the
   integrity hash of Trunk's preload, which goes; elsewhere (a loading
   state until the app runs) it is preloaded at once.
1. Content-Security-Policy in every page, allowing Trunk's inline loader by
   its hash (computed here from the built file: no 'unsafe-inline').
2. The base path as a <meta> instead of <base> (the policy says
   base-uri 'none'); manifest and icon links.
3. Each exam's question bank (built by build.rs as an index and small
   pieces, each named by content hash) into banks/; an exam's pages
   preload its index.
4. index.html at every route path, so deep links and reloads work on any
   static host with no rewrite rules. The paths are fixed per exam, so the
   list comes from content/exams.toml. Each page carries its first screen
   as static HTML (the home page's exam cards, each exam's page, the quiz
   and results as the app's own loading state), in the markup the mounted
   app renders, so the page is useful before the WebAssembly arrives;
   "Start the diagnostic" is a plain link. The app removes it as it
   mounts (e2e/tests/first-screen.spec.ts checks that nothing moves).
5. sw.js: precaches every file of this build under a cache name derived
   from the files' contents.
"""
import base64
import html as markup
import hashlib
import json
import os
import pathlib
import re
import shutil
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist"))
base = os.environ.get("TRUNK_PUBLIC_URL") or "/"
if not base.endswith("/"):
    base += "/"
index = staging / "index.html"
if not index.exists():
    sys.exit(f"postbuild: no index.html in {staging}")
html = index.read_text(encoding="utf-8")

# 0. Pages whose first screen is content (the home page, each exam's page)
#    fetch the wasm once that screen has painted: no preload competing
#    with its HTML and CSS for a phone's bandwidth. Pages whose first
#    screen is a loading state need the app at once, and keep Trunk's
#    preload.
def deferred(page: str) -> str:
    preload = re.search(r"<link(?=[^>]*\brel=\"?preload)(?=[^>]*application/wasm)[^>]*>", page)
    loader = re.search(r"init\(\{\s*module_or_path:\s*(['\"`][^'\"`]+['\"`])\s*\}\)", page)
    if not (preload and loader):
        print("postbuild: Trunk's wasm loader was not recognised; the wasm is preloaded as Trunk wrote it")
        return page
    sri = re.search(r"integrity=(\"?)([^\" >]+)\1", preload.group(0))
    if not sri:
        sys.exit("postbuild: the wasm preload carries no integrity hash")
    page = page.replace(preload.group(0), "", 1)
    return page.replace(
        loader.group(0),
        # Once the first contentful paint is reported (at most 3 s: a tab
        # in the background paints nothing), with the preload's integrity.
        "(await new Promise(r=>{try{new PerformanceObserver((l,o)=>{"
        "if(l.getEntriesByName('first-contentful-paint').length){o.disconnect();setTimeout(r)}"
        "}).observe({type:'paint',buffered:!0})}catch(e){r()}setTimeout(r,3e3)}),"
        f"init({{module_or_path:fetch({loader.group(1)},{{integrity:\"{sri.group(2)}\"}})}}))",
        1,
    )


def finished_head(page: str) -> str:
    """Steps 1 and 2 for one variant of the page."""
    # 1. The policy, with the inline loader's hash.
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
    if not inline:
        sys.exit("postbuild: Trunk's inline loader script was not found")
    hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline)
    csp = (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; object-src 'none'"
    )
    # 2. Base path, manifest, icon; the policy first in <head>.
    page, n = re.subn(r"<base[^>]*>", "", page)
    if n != 1:
        sys.exit("postbuild: expected one <base> from Trunk's data-trunk-public-url")
    head_start = (
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f'<meta name="app-base" content="{base}">'
        f'<link rel="manifest" href="{base}manifest.webmanifest">'
        f'<link rel="icon" href="{base}icon.svg" type="image/svg+xml">'
        '<meta name="theme-color" content="#0b5cad">'
    )
    page = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + head_start, page, count=1)
    if "Content-Security-Policy" not in page:
        # Minified HTML may omit <head>: put it right after the charset.
        page = re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + head_start, page, count=1)
    if "Content-Security-Policy" not in page:
        sys.exit("postbuild: could not place the Content-Security-Policy")
    return page


content_first = finished_head(deferred(html))
html = finished_head(html)

for name in ("manifest.webmanifest", "icon.svg"):
    shutil.copyfile(ROOT / "public" / name, staging / name)

# 3. The banks this build embedded the hashes of (build.rs writes them
#    beside the wasm target's profile directory).
target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "wasm32-unknown-unknown"
profiles = [os.environ["TRUNK_PROFILE"]] if os.environ.get("TRUNK_PROFILE") else ["release", "debug"]
manifests = [target / p / "banks" / "manifest.json" for p in profiles]
manifests = [m for m in manifests if m.exists()]
if not manifests:
    sys.exit(
        f"postbuild: no bank manifest under {target} (build.rs writes it when content changes; "
        "run `touch build.rs` and build again)"
    )
manifest_path = max(manifests, key=lambda m: m.stat().st_mtime)
bank_files = json.loads(manifest_path.read_text(encoding="utf-8"))
(staging / "banks").mkdir(exist_ok=True)
for exam_id, names in bank_files.items():
    for name in names:
        shutil.copyfile(manifest_path.parent / name, staging / "banks" / name)

# 3b. The split build's loader and page chunks (scripts/split/wasm-bindgen
#     left them beside the wasm target). The loader imports the app's JS
#     under the name Trunk gave it: one module instance, whose wasm the
#     chunks link against.
app_js = sorted(staging.glob("cert-diagnostic-*.js"))
if len(app_js) != 1:
    sys.exit(f"postbuild: expected one cert-diagnostic-*.js in {staging}, found {len(app_js)}")
linked = re.search(r"""['"]\./(sp-[0-9a-f]{9}\.js)['"]""", app_js[0].read_text(encoding="utf-8"))
split_dir = target.parent / "split"
chunks = []
if linked:
    split = json.loads((split_dir / "split.json").read_text(encoding="utf-8"))
    if split["loader"] != linked.group(1):
        sys.exit(f"postbuild: the app imports {linked.group(1)} but {split_dir} holds {split['loader']}")
    loader = (split_dir / split["loader"]).read_text(encoding="utf-8")
    if f'"{split["main_module"]}"' not in loader:
        sys.exit(f"postbuild: the split loader does not import {split['main_module']}")
    loader = loader.replace(f'"{split["main_module"]}"', f'"./{app_js[0].name}"')
    (staging / split["loader"]).write_text(loader, encoding="utf-8")
    for name in split["chunks"]:
        shutil.copyfile(split_dir / name, staging / name)
    chunks = split["chunks"]

# 4. Every route path gets the page, with its first screen; an exam's pages
#    preload its index.
catalog = tomllib.loads((ROOT / "content" / "exams.toml").read_text(encoding="utf-8"))
esc = markup.escape


def shell(main: str, title: str | None = None, current_home: bool = False) -> str:
    """The app's layout (ui/app.rs, site_header.rs, site_footer.rs) around `main`."""
    current = ' aria-current="page"' if current_home else ""
    return (
        '<div id="first-screen">'
        '<a class="skip-link" href="#main">Skip to content</a>'
        f'<header class="site-header"><a href="{base}"{current} class="brand">'
        '<span class="brand-mark" aria-hidden="true">✓</span>Cert Diagnostic</a>'
        f'<nav aria-label="Site"><a href="{base}history/">History</a></nav></header>'
        f'<main id="main" tabindex="-1">{main}</main>'
        '<footer class="site-footer"><p>An independent estimate, not affiliated with or endorsed by '
        "Amazon Web Services. AWS and the exam names are trademarks of Amazon.com, Inc. or its "
        "affiliates.</p><p>Private by design: no account, no server, no tracking. Your answers "
        "stay in this browser.</p>"
        f'<p><a href="{base}changes/">Corrections to questions</a></p></footer>'
        "</div>"
    )


def home_screen() -> str:
    """pages/home.rs with components/exam_card.rs, for a first visit."""
    cards = []
    for e in catalog["exam"]:
        duration = f'{e["minutes"]} minutes' if "minutes" in e else "duration not confirmed"
        facts = (
            f'{e["level"]} · {e["questions_total"]} questions ({e["questions_scored"]} scored) · '
            f'{duration} · pass {e["pass_score"]} of 1000'
        )
        domains = " · ".join(f'{d["name"]} {d["weight"]}%' for d in e["domain"])
        cards.append(
            '<li><article class="card exam-card">'
            f'<h2><span class="exam-code">{esc(e["code"])}</span> <span class="exam-name">{esc(e["name"])}</span></h2>'
            f'<p class="facts">{esc(facts)}</p><p class="domains">{esc(domains)}</p>'
            '<p class="due-line" data-testid="due-count"></p>'
            f'<div class="actions"><a href="{base}exam/{e["id"]}/" class="button primary">'
            f'Start the {esc(e["code"])} diagnostic</a></div></article></li>'
        )
    return shell(
        '<section class="intro"><h1 id="page-title" tabindex="-1">How ready are you for your AWS exam?</h1>'
        "<p class=\"lede\">Answer 10 questions drawn across the exam guide's domains. You get an estimated "
        "score on AWS's 100–1000 scale with an honest likely range, your weakest domain, a study plan, "
        "and every question explained.</p>"
        '<p class="muted">Free and private: no account, and nothing leaves this browser.</p></section>'
        f'<ul class="exam-list" role="list">{"".join(cards)}</ul>',
        current_home=True,
    )


def exam_screen(e: dict) -> str:
    """The top of pages/exam_start.rs: what a phone shows first. The rest
    (practice exam, practice, readiness) comes with the app, below it."""
    duration = f'{e["minutes"]} minutes' if "minutes" in e else e.get("minutes_note", "")
    rows = "".join(
        f'<tr><th scope="row">{d["number"]} {esc(d["name"])}</th><td>{d["weight"]}%</td></tr>'
        for d in e["domain"]
    )
    return shell(
        f'<section class="intro"><p class="eyebrow">{esc(e["code"])} · {esc(e["level"])}</p>'
        f'<h1 id="page-title" tabindex="-1">{esc(e["name"])}</h1>'
        '<p class="lede">10 questions, spread over the domains by their exam weight. About 10–15 minutes. '
        "The domain is not shown while you answer, as on the real exam.</p></section>"
        '<div class="panel"><h2>Diagnostic</h2>'
        f'<p>The real exam: {e["questions_total"]} questions ({e["questions_scored"]} scored) · '
        f'{esc(duration)} · passing score {e["pass_score"]} on a 100–1000 scale.</p>'
        '<table class="domains compact"><thead><tr><th scope="col">Domain</th><th scope="col">Weight</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<div class="actions"><a class="button primary" href="{base}exam/{e["id"]}/quiz/?start=diagnostic">'
        "Start the diagnostic</a></div></div>"
    )


# The app's own loading state (ui/banks.rs), for screens that need stored
# answers to show anything.
loading = shell('<p class="loading" role="status">Loading the questions…</p>')


def with_screen(page: str, screen: str) -> str:
    # Inside <body>, before anything else Trunk put there.
    out, n = re.subn(r"(<body[^>]*>)", lambda m: m.group(1) + screen, page, count=1)
    if n != 1:
        sys.exit("postbuild: no <body> to put the first screen in")
    return out


routes = {
    "history": with_screen(html, shell("")),
    "shared": with_screen(html, loading),
    "changes": with_screen(html, loading),
}
for exam in catalog["exam"]:
    name = (bank_files.get(exam["id"]) or [None])[0]
    if name is None:
        sys.exit(f"postbuild: no bank file for exam {exam['id']} in {manifest_path}")
    preload = f'<link rel="preload" href="{base}banks/{name}" as="fetch" crossorigin>'
    with_index = lambda p: p.replace('<meta name="theme-color"', preload + '<meta name="theme-color"', 1)
    page = with_index(html)
    routes[f"exam/{exam['id']}"] = with_screen(with_index(content_first), exam_screen(exam))
    for route in ("quiz", "practice", "results"):
        routes[f"exam/{exam['id']}/{route}"] = with_screen(page, loading)
index.write_text(with_screen(content_first, home_screen()), encoding="utf-8")
for route, page in routes.items():
    (staging / route).mkdir(parents=True, exist_ok=True)
    (staging / route / "index.html").write_text(page, encoding="utf-8")

# 5. The service worker, over every file of this build.
files = sorted(p for p in staging.rglob("*") if p.is_file() and p.name not in ("sw.js", ".trunk-lock"))
digest = hashlib.sha256()
urls = []
for p in files:
    rel = p.relative_to(staging).as_posix()
    digest.update(rel.encode() + b"\0" + p.read_bytes())
    urls.append(base + rel)
sw = (ROOT / "scripts" / "sw.js").read_text(encoding="utf-8")
sw = sw.replace("__CACHE__", "cert-diagnostic-" + digest.hexdigest()[:16])
sw = sw.replace("__BASE__", base).replace("__FILES__", json.dumps(urls))
(staging / "sw.js").write_text(sw, encoding="utf-8")
print(
    f"postbuild: CSP with the loader's hash; {len(bank_files)} banks; {len(chunks)} page chunks; "
    f"{len(routes)} route pages; sw.js precaches {len(urls)} files"
)
