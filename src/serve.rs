//! `planportal serve`: build, serve `public/` on 127.0.0.1, watch content, themes and config,
//! rebuild on change and reload open pages. The reload script is added to HTML responses by the
//! server, never written into the built files. A broken edit shows its errors in the terminal and
//! on an error page; the last good site stays on disk and the server keeps answering.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};

use crate::cli::ServeArgs;

/// What the browser polls to know that the site changed.
const VERSION_PATH: &str = "/__planportal/version";
const RELOAD_SCRIPT_PATH: &str = "/__planportal/livereload.js";
const RELOAD_SCRIPT: &str = "(function(){var v=null;function poll(){fetch('/__planportal/version',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){}).finally(function(){setTimeout(poll,400)})}poll()})();\n";

/// The state the server shows: a counter bumped by every rebuild, the last build's errors, and
/// the pages of the last good build, so that a rebuild renders only what changed.
#[derive(Default)]
struct State {
    version: u64,
    error: Option<String>,
    previous: Option<crate::build::BuildSummary>,
}

/// Runs until interrupted.
pub fn run(args: &ServeArgs) -> Result<bool> {
    let root =
        args.root.canonicalize().with_context(|| format!("the site folder {} does not exist", args.root.display()))?;
    let output = root.join("public");
    let address = format!("{}:{}", args.bind, args.port);
    let base_url = format!("http://{address}/");
    let state = Arc::new(Mutex::new(State::default()));
    rebuild(&root, &output, &base_url, &state);
    let server = tiny_http::Server::http(&address).map_err(|e| anyhow::anyhow!("cannot listen on {address}: {e}"))?;
    println!("serve: http://{address}/ (Ctrl+C to stop)");
    let watch_state = Arc::clone(&state);
    let watch_root = root.clone();
    std::thread::spawn(move || {
        if let Err(error) = watch(&watch_root, &output, &base_url, &watch_state) {
            eprintln!("error: watching stopped: {error:#}");
        }
    });
    let public = root.join("public");
    for request in server.incoming_requests() {
        let response = respond(&public, request.url(), &state);
        let _ = request.respond(response);
    }
    Ok(true)
}

/// Builds into `output`; on failure keeps the last good site and records the errors.
fn rebuild(root: &Path, output: &Path, base_url: &str, state: &Mutex<State>) {
    let started = Instant::now();
    let previous = state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).previous.take();
    let series = previous.as_ref().map_or(crate::build::Series::First, crate::build::Series::After);
    let result = crate::output::Staging::new(output).and_then(|staging| {
        match crate::build::build_files(root, Some(base_url), series, &staging)? {
            Ok(summary) => staging.publish().map(|()| Ok(summary)),
            Err(report) => Ok(Err(report)),
        }
    });
    let mut state = state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    state.version += 1;
    match result {
        Ok(Ok(summary)) => {
            state.error = None;
            println!(
                "rebuilt: {} pages ({} rendered, the rest unchanged) in {:.3} s",
                summary.pages,
                summary.rendered,
                started.elapsed().as_secs_f64()
            );
            state.previous = Some(summary.published_in(output));
        }
        Ok(Err(report)) => {
            eprint!("{report}");
            state.error = Some(report);
            state.previous = previous;
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            state.error = Some(format!("{error:#}"));
            state.previous = previous;
        }
    }
}

/// Rebuilds after every change under content/, themes/, templates/ or to config.toml, waiting
/// for a quiet moment so that an editor's several writes make one rebuild.
fn watch(root: &Path, output: &Path, base_url: &str, state: &Mutex<State>) -> Result<()> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = sender.send(event.paths);
        }
    })?;
    for part in ["content", "themes", "templates", "config.toml"] {
        let path = root.join(part);
        if path.exists() {
            watcher.watch(&path, RecursiveMode::Recursive).with_context(|| format!("watching {}", path.display()))?;
        }
    }
    while let Ok(paths) = receiver.recv() {
        let mut relevant = paths.iter().any(|p| !is_output(root, p));
        while let Ok(more) = receiver.recv_timeout(Duration::from_millis(120)) {
            relevant |= more.iter().any(|p| !is_output(root, p));
        }
        if relevant {
            rebuild(root, output, base_url, state);
        }
    }
    Ok(())
}

fn is_output(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).is_ok_and(|p| p.starts_with("public") || p.to_string_lossy().starts_with("public."))
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn respond(public: &Path, url: &str, state: &Mutex<State>) -> Response {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let (version, error) = {
        let state = state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        (state.version, state.error.clone())
    };
    if path == VERSION_PATH {
        return reply(200, "text/plain; charset=utf-8", version.to_string().into_bytes());
    }
    if path == RELOAD_SCRIPT_PATH {
        return reply(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT.as_bytes().to_vec());
    }
    let Some(file) = file_for(public, path) else {
        return reply(400, "text/plain; charset=utf-8", b"bad path".to_vec());
    };
    let is_html = file.extension().is_none_or(|e| e == "html");
    if let (Some(report), true) = (error, is_html) {
        return reply(500, "text/html; charset=utf-8", inject(&error_page(&report)));
    }
    match std::fs::read(&file) {
        Ok(bytes) if is_html => reply(200, content_type(&file), inject(&String::from_utf8_lossy(&bytes))),
        Ok(bytes) => reply(200, content_type(&file), bytes),
        Err(_) => {
            let not_found = std::fs::read_to_string(public.join("404.html")).unwrap_or_else(|_| "404".to_owned());
            reply(404, "text/html; charset=utf-8", inject(&not_found))
        }
    }
}

/// The file a URL path names under `public`, or `None` if the path tries to leave it.
fn file_for(public: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = public.join(relative);
    Some(if decoded.ends_with('/') || file.is_dir() { file.join("index.html") } else { file })
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn inject(html: &str) -> Vec<u8> {
    let tag = format!("<script src=\"{RELOAD_SCRIPT_PATH}\"></script>");
    match html.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]).into_bytes(),
        None => format!("{html}{tag}").into_bytes(),
    }
}

fn error_page(report: &str) -> String {
    let escaped = report.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<!DOCTYPE html><html lang=\"ro\"><head><meta charset=\"utf-8\"><title>Eroare de construire</title></head><body>\
         <main><h1>Site-ul nu a putut fi reconstruit</h1><p>Corectați erorile de mai jos; pagina se reîncarcă singură.</p>\
         <pre>{escaped}</pre></main></body></html>"
    )
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Response {
    let header = tiny_http::Header::from_bytes("Content-Type", content_type).expect("a valid header");
    let no_cache = tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("a valid header");
    tiny_http::Response::from_data(body).with_status_code(status).with_header(header).with_header(no_cache)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_public() {
        let public = Path::new("/site/public");
        assert_eq!(file_for(public, "/judete/cluj/"), Some(PathBuf::from("/site/public/judete/cluj/index.html")));
        assert_eq!(file_for(public, "/../etc/passwd"), None);
        assert_eq!(file_for(public, "/%2e%2e/etc/passwd"), None);
        assert_eq!(file_for(public, "/a%20b.txt"), Some(PathBuf::from("/site/public/a b.txt")));
    }

    #[test]
    fn reload_script_goes_before_body_end() {
        let html = String::from_utf8(inject("<html><body><p>x</p></body></html>")).expect("utf8");
        assert!(html.ends_with("<script src=\"/__planportal/livereload.js\"></script></body></html>"));
    }
}
