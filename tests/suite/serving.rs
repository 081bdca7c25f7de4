//! `planportal serve` under test: the real binary on a free port of 127.0.0.1, spoken to over a
//! plain TCP stream, stopped with Ctrl+C (so that it removes its folder) when dropped. Every wait
//! is for an event, with a generous limit: how fast serve is belongs in `scripts/bench`.

#![allow(clippy::unwrap_used)]

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
        Serve::start_with(site, env, |_| Vec::new())
    }

    /// [`Serve::start`] with more arguments, made from the port serve is given.
    pub fn start_with(
        site: &crate::support::TestSite,
        env: &[(&str, &str)],
        args: impl Fn(u16) -> Vec<String>,
    ) -> Serve {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(site.root())
            .args(args(port))
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
            let found =
                self.lines().iter().find_map(|l| l.strip_prefix("serve: the site is built into ").map(PathBuf::from));
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

    /// Waits until the version endpoint names a build other than `before`: a rebuild finished.
    pub fn wait_for_build_after(&self, before: &str) {
        self.wait_for("/__planportal/version", |status, text| {
            status == 200 && text.split_once("\r\n\r\n").is_some_and(|(_, body)| body != before)
        });
    }

    /// Adds `paragraph` to the minimal site's minutes and waits, as events, for the rebuild
    /// (the version endpoint moves on) and for the page that shows it.
    pub fn await_document_edit(&self, site: &crate::support::TestSite, paragraph: &str) {
        let before = self.version();
        let document = site.read("content/documents/pv-cluj-napoca.md");
        let edited = document.replace("# PROCES-VERBAL", &format!("# PROCES-VERBAL\n\n{paragraph}"));
        site.write("content/documents/pv-cluj-napoca.md", &edited);
        self.wait_for_build_after(&before);
        self.wait_for("/documente/pv-cluj-napoca/", |_, text| text.contains(paragraph));
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
