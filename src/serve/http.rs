//! Serve's HTTP side, on hyper: one task per connection, so that a slow or stalled client holds
//! up no other; GET and HEAD only; files only from serve's own folder, never through a link that
//! leads out of it; the site's security headers on every response, as a host sends them.

use std::convert::Infallible;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{ALLOW, CACHE_CONTROL, CONTENT_TYPE, HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use super::Served;

/// What the browser polls to know that the site changed.
const VERSION_PATH: &str = "/__planportal/version";
const RELOAD_SCRIPT_PATH: &str = "/__planportal/livereload.js";
const RELOAD_SCRIPT: &str = "(function(){var v=null;function poll(){fetch('/__planportal/version',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){}).finally(function(){setTimeout(poll,400)})}poll()})();\n";

/// A client that has not sent a whole request head by then is dropped.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// Accepts connections for ever, each served by a task of its own.
pub async fn serve(listener: TcpListener, served: Arc<Served>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of file descriptors, say: wait a moment rather than spin.
                eprintln!("warning: accepting a connection: {error}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let served = Arc::clone(&served);
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let served = Arc::clone(&served);
                async move { Ok::<_, Infallible>(respond(&served, &request).await) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn respond(served: &Arc<Served>, request: &Request<Incoming>) -> Response<Full<Bytes>> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response =
            reply(StatusCode::METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", b"GET, HEAD only\n".to_vec());
        response.headers_mut().insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = request.uri().path();
    let (version, error) = {
        let state = served.state();
        (state.version, state.error.clone())
    };
    if path == VERSION_PATH {
        return reply(StatusCode::OK, "text/plain; charset=utf-8", version.to_string().into_bytes());
    }
    if path == RELOAD_SCRIPT_PATH {
        return reply(StatusCode::OK, "text/javascript; charset=utf-8", RELOAD_SCRIPT.as_bytes().to_vec());
    }
    let Some(path) = within(path, &served.prefix) else {
        return outside(path, &served.prefix);
    };
    let Some(relative) = relative_path(path) else {
        return reply(StatusCode::BAD_REQUEST, "text/plain; charset=utf-8", b"bad path\n".to_vec());
    };
    let is_html = relative.extension().is_none_or(|e| e == "html");
    if let (Some(report), true) = (error, is_html) {
        return reply(StatusCode::INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", inject(&error_page(&report)));
    }
    let site = served.site.clone();
    let found = tokio::task::spawn_blocking(move || {
        read_inside(&site, &relative).ok_or_else(|| read_inside(&site, Path::new("404.html")))
    })
    .await;
    match found {
        Ok(Ok((file, bytes))) if content_type(&file).starts_with("text/html") => {
            reply(StatusCode::OK, "text/html; charset=utf-8", inject(&String::from_utf8_lossy(&bytes)))
        }
        Ok(Ok((file, bytes))) => reply(StatusCode::OK, content_type(&file), bytes),
        Ok(Err(Some((_, page)))) => {
            reply(StatusCode::NOT_FOUND, "text/html; charset=utf-8", inject(&String::from_utf8_lossy(&page)))
        }
        Ok(Err(None)) | Err(_) => reply(StatusCode::NOT_FOUND, "text/plain; charset=utf-8", b"404\n".to_vec()),
    }
}

/// The path of `path` within the site served under `prefix` (`/`, `/portal/`), from its `/`, or
/// `None` when it is outside it.
fn within<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix.trim_end_matches('/')).filter(|rest| rest.starts_with('/'))
}

/// The answer to a request outside the site's sub-path: the host's root and the sub-path
/// without its final `/` lead to the site, anything else is not found.
fn outside(path: &str, prefix: &str) -> Response<Full<Bytes>> {
    if path == "/" || path == prefix.trim_end_matches('/') {
        let mut response = reply(StatusCode::FOUND, "text/plain; charset=utf-8", Vec::new());
        if let Ok(location) = HeaderValue::from_str(prefix) {
            response.headers_mut().insert(hyper::header::LOCATION, location);
        }
        return response;
    }
    let body = format!("404: the site is served under {prefix}\n");
    reply(StatusCode::NOT_FOUND, "text/plain; charset=utf-8", body.into_bytes())
}

/// The path a URL path names relative to the site, or `None` if it tries to leave it. A folder
/// (`/judete/cluj/`, or `/`) stays a folder: [`read_inside`] serves its `index.html`.
fn relative_path(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let relative = PathBuf::from(decoded.trim_start_matches('/'));
    relative.components().all(|c| matches!(c, Component::Normal(_))).then_some(relative)
}

/// The file `relative` names under `site` (a folder's `index.html`) and its bytes; `None` if
/// there is none, or if its real path, links followed, is outside the site.
fn read_inside(site: &Path, relative: &Path) -> Option<(PathBuf, Vec<u8>)> {
    let base = site.canonicalize().ok()?;
    let mut real = base.join(relative).canonicalize().ok()?;
    if real.is_dir() {
        real = real.join("index.html").canonicalize().ok()?;
    }
    if !real.starts_with(&base) || !real.is_file() {
        return None;
    }
    let bytes = std::fs::read(&real).ok()?;
    Some((real, bytes))
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

/// `html` with the reload script added before `</body>`.
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
        "jsonld" => "application/ld+json",
        "xml" => "application/xml",
        // The source texts: the type `_headers` gives them on a host (`headers.rs`).
        "txt" => crate::headers::SOURCE_CONTENT_TYPE,
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// A response that is never cached and carries the site's security headers.
fn reply(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for (name, value) in crate::headers::SECURITY_HEADERS {
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
            headers.insert(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sub_path_is_taken_off_and_what_is_outside_it_is_refused() {
        assert_eq!(within("/judete/cluj/", "/"), Some("/judete/cluj/"));
        assert_eq!(within("/portal/judete/cluj/", "/portal/"), Some("/judete/cluj/"));
        assert_eq!(within("/portal/", "/portal/"), Some("/"));
        assert_eq!(within("/judete/cluj/", "/portal/"), None);
        assert_eq!(within("/portalul/", "/portal/"), None);
        assert_eq!(within("/portal", "/portal/"), None);
        assert_eq!(outside("/", "/portal/").status(), StatusCode::FOUND);
        assert_eq!(outside("/portal", "/portal/").status(), StatusCode::FOUND);
        assert_eq!(outside("/judete/", "/portal/").status(), StatusCode::NOT_FOUND);
    }

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(relative_path("/judete/cluj/"), Some(PathBuf::from("judete/cluj")));
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(relative_path("/../etc/passwd"), None);
        assert_eq!(relative_path("/%2e%2e/etc/passwd"), None);
        assert_eq!(relative_path("/a%20b.txt"), Some(PathBuf::from("a b.txt")));
    }

    #[test]
    fn every_security_header_is_a_valid_header() {
        let response = reply(StatusCode::OK, "text/plain; charset=utf-8", Vec::new());
        assert_eq!(response.headers().len(), 2 + crate::headers::SECURITY_HEADERS.len());
    }

    #[test]
    fn a_source_text_is_utf8_plain_text_and_its_page_html() {
        assert_eq!(content_type(Path::new("surse/000_ab.txt")), "text/plain; charset=utf-8");
        assert_eq!(content_type(Path::new("surse/000_ab/index.html")), "text/html; charset=utf-8");
    }

    #[test]
    fn reload_script_goes_before_body_end() {
        let html = String::from_utf8(inject("<html><body><p>x</p></body></html>")).expect("utf8");
        assert!(html.ends_with("<script src=\"/__planportal/livereload.js\"></script></body></html>"));
    }
}
