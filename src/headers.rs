//! The HTTP security headers of the published site, in one place: the build writes them into
//! `_headers` (Netlify, Cloudflare Pages), `docs/hosting.md` gives them for nginx and Apache, and
//! `serve` sends them with every response. The `<meta>` Content-Security-Policy in `base.html`
//! repeats the policy for hosts that send no headers at all; a test keeps the two equal.

/// The Content-Security-Policy of every page: scripts, styles, images and connections from the
/// site itself only; `wasm-unsafe-eval` and `blob:` workers are what Pagefind's search needs.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'";

/// Every header, as (name, value), sent for every file of the site.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    // Never guess a file's type from its bytes: a source text must not be sniffed into HTML.
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
];

/// The type the source texts (`surse/*`, all `.txt`: `crate::load::SOURCE_EXTENSION`) are served
/// with: plain text, which a browser shows and never runs.
pub const SOURCE_CONTENT_TYPE: &str = "text/plain; charset=utf-8";

/// The name of the headers file in the built site, at its root: the name Netlify and Cloudflare
/// Pages look for.
pub const HEADERS_FILE: &str = "_headers";

/// `_headers`, the file Netlify and Cloudflare Pages read from the site's root folder: every
/// security header for every path, the type of the DCAT description, and the type of each source text, named one by one (`sources`:
/// their file names): `surse/` also holds the sources' HTML pages (`surse/<name>/`), which a
/// pattern such as `/surse/*` would serve as text, and these hosts match `*` only as a whole.
/// Paths are those of the folder as uploaded (these hosts serve it at the root of their host).
pub fn headers_file<'a>(sources: impl Iterator<Item = &'a str>) -> crate::output::OutputFile {
    let mut text = String::from("/*\n");
    for (name, value) in SECURITY_HEADERS {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    // Hosts do not all know `.jsonld`; a catalogue harvesting the DCAT description expects JSON-LD.
    text.push_str(&format!("/{}\n  Content-Type: application/ld+json\n", crate::urls::dcat()));
    for name in sources {
        text.push_str(&format!("/{}\n  Content-Type: {SOURCE_CONTENT_TYPE}\n", crate::urls::source(name)));
    }
    crate::output::OutputFile { path: HEADERS_FILE.to_owned(), bytes: text.into_bytes() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_is_one_line_of_the_headers_file() {
        let file = headers_file(["a.txt", "b.txt"].into_iter());
        let text = String::from_utf8(file.bytes).unwrap_or_default();
        assert_eq!(text.lines().count(), 1 + SECURITY_HEADERS.len() + 2 + 4, "{text}");
        assert!(text.contains("\n/date/dcat.jsonld\n  Content-Type: application/ld+json\n"), "{text}");
        // Each raw file by name: a source's page (surse/a/) stays HTML.
        assert!(text.ends_with("/surse/a.txt\n  Content-Type: text/plain; charset=utf-8\n/surse/b.txt\n  Content-Type: text/plain; charset=utf-8\n"), "{text}");
        assert!(!text.contains("/surse/*"), "{text}");
        // A value holding a line break would end the header early on every host.
        assert!(SECURITY_HEADERS.iter().all(|(n, v)| !n.contains(['\n', ':']) && !v.contains('\n')));
    }
}
