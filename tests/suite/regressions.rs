//! Regressions: one test per defect found by trying the portal as an attacker and a careless
//! operator would (issue 15), named after the defect, its case a fixture under
//! `tests/fixtures/regressions/<test name>/` where it is a site. docs/reliability.md lists them.

#![allow(clippy::unwrap_used)]

#[allow(unused_imports)]
use crate::support::{TestSite, fixtures, stderr, stdout};

/// An idle `serve` rebuilt several times a second: notify reports file opens and reads, and every
/// rebuild reads the content again. It must build once at start, then not again while idle.
#[test]
fn serve_does_not_rebuild_while_idle() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    let first = server.version();
    std::thread::sleep(std::time::Duration::from_secs(10));
    assert_eq!(server.version(), first, "an idle serve rebuilt; stdout: {:?}", server.lines());
    let rebuilds = server.lines().iter().filter(|l| l.starts_with("rebuilt:")).count();
    assert_eq!(rebuilds, 1, "one build at start, none while idle; stdout: {:?}", server.lines());
}

/// Editors that save by writing a new file and renaming it over the old one (vim, JetBrains,
/// gedit) and a deleted and re-created `content/` left `serve` watching nothing.
#[test]
fn serve_keeps_watching_a_config_saved_by_rename_and_a_recreated_content() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    let config = site.read("config.toml");
    for title in ["Portal redenumit unu", "Portal redenumit doi"] {
        site.write("config.toml.new", &config.replace("Portal de test", title));
        std::fs::rename(site.root().join("config.toml.new"), site.root().join("config.toml")).unwrap();
        server.wait_for("/", |status, text| status == 200 && text.contains(title));
    }
    let document = site.read("content/documents/pv-cluj-napoca.md");
    let saved = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&site.root().join("content"), &saved.path().join("content"));
    std::fs::remove_dir_all(site.root().join("content")).unwrap();
    server.wait_for("/", |status, _| status == 500);
    crate::support::copy_tree(&saved.path().join("content"), &site.root().join("content"));
    server.wait_for("/documente/pv-cluj-napoca/", |status, _| status == 200);
    for line in ["Paragraf după re-creare.", "Al doilea paragraf după re-creare."] {
        site.write(
            "content/documents/pv-cluj-napoca.md",
            &document.replace("# PROCES-VERBAL", &format!("# PROCES-VERBAL\n\n{line}")),
        );
        server.wait_for("/documente/pv-cluj-napoca/", |status, text| status == 200 && text.contains(line));
    }
}

/// A panic in a rebuild killed the watcher thread silently: the server kept answering with the
/// old site and never rebuilt again. It must show the panic on the error page and keep watching.
#[test]
fn serve_survives_a_panic_in_a_rebuild() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[("PLANPORTAL_SERVE_PANIC_IF", "content/panica.txt")]);
    site.write("content/panica.txt", "");
    server.wait_for("/", |status, text| status == 500 && text.contains("panicked"));
    std::fs::remove_file(site.root().join("content/panica.txt")).unwrap();
    let document = site.read("content/documents/pv-cluj-napoca.md");
    site.write(
        "content/documents/pv-cluj-napoca.md",
        &document.replace("# PROCES-VERBAL", "# PROCES-VERBAL\n\nParagraf după panică."),
    );
    server
        .wait_for("/documente/pv-cluj-napoca/", |status, text| status == 200 && text.contains("Paragraf după panică."));
}

/// `serve` built into the publishable `public/`, with links to http://127.0.0.1:PORT/.
#[test]
fn serve_never_writes_into_public() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    server.wait_for("/", |status, _| status == 200);
    assert!(!site.root().join("public").exists(), "serve wrote into public/");
    let folder = server.folder().expect("serve names its folder on stdout");
    assert!(folder.join("index.html").is_file(), "no site in {}", folder.display());
    drop(server);
    assert!(!folder.exists(), "serve's folder {} outlived it", folder.display());
}

/// A taken port was found only after a whole build had been written.
#[test]
fn serve_fails_before_building_when_the_port_is_taken() {
    let site = TestSite::minimal();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = site.run(&["serve", "--port", &port.to_string()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!stdout(&output).contains("rebuilt:"), "serve built before listening: {}", stdout(&output));
    assert!(!site.root().join("public").exists(), "serve wrote a site before listening");
    let expected = format!("error: cannot listen on 127.0.0.1:{port}: ");
    assert!(stderr(&output).starts_with(&expected), "stderr: {}", stderr(&output));
    assert!(stderr(&output).contains("--port"), "the error must hint at --port: {}", stderr(&output));
}

/// The Content-Security-Policy and the other security headers were only a `<meta>` in the pages;
/// `serve` must send them with every response, as a host would.
#[test]
fn serve_sends_the_security_headers() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    for path in ["/", "/nu-exista/", "/__planportal/version", "/style.css"] {
        let (_, head, _) = server.request("GET", path);
        for (name, value) in planportal::headers::SECURITY_HEADERS {
            let line = format!("{}: {value}", name.to_ascii_lowercase());
            assert!(head.to_ascii_lowercase().contains(&line.to_ascii_lowercase()), "{path} lacks {name}: {head}");
        }
    }
}

/// One slow client blocked every other: a connection that sends half a request, or a request
/// whose body never comes, must not stop the server answering others.
#[test]
fn serve_answers_while_a_client_stalls() {
    use std::io::Write;
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    let mut half = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
    let mut no_body = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    no_body.write_all(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nabc").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (status, _, body) = server.request("GET", "/__planportal/version");
    assert_eq!(status, 200, "{body}");
    let (status, _, _) = server.request("GET", "/");
    assert_eq!(status, 200);
    drop((half, no_body));
}

/// Every method was answered 200 with the page; only GET and HEAD are meant.
#[test]
fn serve_answers_get_and_head_only() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    let (status, head, body) = server.request("HEAD", "/");
    assert_eq!(status, 200, "{head}");
    assert!(body.is_empty(), "HEAD sent a body: {body}");
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let (status, head, _) = server.request(method, "/");
        assert_eq!(status, 405, "{method}: {head}");
        assert!(head.to_ascii_lowercase().contains("allow: get, head"), "{method}: {head}");
    }
}

/// Symlinks under the served folder were followed, out of it.
#[cfg(unix)]
#[test]
fn serve_never_follows_a_link_out_of_its_folder() {
    let site = TestSite::minimal();
    let server = serve_support::Serve::start(&site, &[]);
    server.wait_for("/", |status, _| status == 200);
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("secret.txt"), "SECRET-OUTSIDE").unwrap();
    let folder = server.folder().unwrap_or_else(|| site.root().join("public"));
    std::os::unix::fs::symlink(secret.path().join("secret.txt"), folder.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(secret.path(), folder.join("linkdir")).unwrap();
    for path in ["/link.txt", "/linkdir/secret.txt"] {
        let (status, _, body) = server.request("GET", path);
        assert!(!body.contains("SECRET-OUTSIDE"), "{path} served a file outside the folder");
        assert!(status == 404 || status == 403, "{path}: {status}");
    }
}

/// Serve's tests: the real binary on a free port, spoken to over a plain TCP stream.
mod serve_support {
    use std::io::{BufRead, Read, Write};
    use std::net::TcpStream;
    use std::path::PathBuf;
    use std::process::{Child, Command, Stdio};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    /// How long to wait for anything `serve` does: generous, for a busy machine.
    const LIMIT: Duration = Duration::from_secs(60);

    /// A running `planportal serve`, stopped when dropped; its stdout lines, as they come.
    pub struct Serve {
        child: Child,
        pub port: u16,
        lines: Arc<Mutex<Vec<String>>>,
    }

    impl Serve {
        /// Starts serve on `site` and waits until it answers.
        pub fn start(site: &crate::support::TestSite, env: &[(&str, &str)]) -> Serve {
            let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
                .args(["serve", "--port", &port.to_string(), "--root"])
                .arg(site.root())
                .envs(env.iter().copied())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            let lines = Arc::new(Mutex::new(Vec::new()));
            let sink = Arc::clone(&lines);
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
                    sink.lock().unwrap().push(line);
                }
            });
            let server = Serve { child, port, lines };
            server.wait_for("/__planportal/version", |status, _| status == 200);
            server
        }

        pub fn lines(&self) -> Vec<String> {
            self.lines.lock().unwrap().clone()
        }

        /// The folder serve builds into, as it names it on stdout.
        pub fn folder(&self) -> Option<PathBuf> {
            let started = Instant::now();
            while started.elapsed() < LIMIT {
                let found = self
                    .lines()
                    .iter()
                    .find_map(|l| l.strip_prefix("serve: the site is built into ").map(PathBuf::from));
                if found.is_some() || self.lines().iter().any(|l| l.contains("http://")) {
                    return found;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            None
        }

        /// The version endpoint's counter: one more for every build.
        pub fn version(&self) -> String {
            let (status, _, body) = self.request("GET", "/__planportal/version");
            assert_eq!(status, 200, "{body}");
            body
        }

        /// `method path` over a fresh connection: (status, head, body); status 0 if none came.
        pub fn request(&self, method: &str, path: &str) -> (u16, String, String) {
            let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
                return (0, String::new(), String::new());
            };
            let _ = stream.set_read_timeout(Some(LIMIT));
            let sent = write!(
                stream,
                "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
            );
            let mut response = Vec::new();
            if sent.is_err() || stream.read_to_end(&mut response).is_err() {
                return (0, String::new(), String::new());
            }
            let text = String::from_utf8_lossy(&response).into_owned();
            let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
            let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            (status, head.to_owned(), body.to_owned())
        }

        /// Polls `path` until `done(status, head and body)` holds; fails the test after [`LIMIT`].
        pub fn wait_for(&self, path: &str, done: impl Fn(u16, &str) -> bool) {
            let started = Instant::now();
            let mut last = (0, String::new());
            while started.elapsed() < LIMIT {
                let (status, head, body) = self.request("GET", path);
                let text = format!("{head}\r\n\r\n{body}");
                if done(status, &text) {
                    return;
                }
                last = (status, text);
                std::thread::sleep(Duration::from_millis(100));
            }
            panic!("{path} never became what was awaited; last answer {}: {}", last.0, last.1);
        }
    }

    impl Drop for Serve {
        /// Ctrl+C first, so that serve removes its folder; then, if it lingers, kill.
        fn drop(&mut self) {
            let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
