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
