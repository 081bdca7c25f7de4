//! `planportal serve`: build the site into a folder of its own, serve it on 127.0.0.1, watch
//! the site's sources, rebuild on change and reload open pages.
//!
//! Serve never touches the publishable `public/`: its pages link to `http://127.0.0.1:PORT/`, so
//! they are built into a fresh folder under the system temp dir, removed when serve stops (also
//! on Ctrl+C). The port is taken before anything is built. The reload script is added to HTML
//! responses by the server, never written into the built files. A broken edit (or a panic in a
//! rebuild) shows its errors in the terminal and on an error page; the last good site stays and
//! the server keeps answering and watching.

mod http;
mod watch;

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use anyhow::{Context, Result, anyhow};

use crate::build::{Built, Series, Settings, Source};
use crate::diagnostics::Diagnostics;

/// What `planportal serve` is asked to do (the command line's `ServeArgs`, see `cli.rs`).
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder, holding `config.toml`, `content/` and `themes/`.
    pub root: PathBuf,
    /// The port to listen on.
    pub port: u16,
    /// The address to listen on.
    pub bind: String,
    /// The address pages link to (`--base-url`); `None` is `http://<bind>:<port>/`. With a
    /// sub-path, the site is served under it.
    pub base_url: Option<String>,
}

/// What the server shows: a counter bumped by every rebuild, the last build's errors, and the
/// pages of the last good build, so that a rebuild renders only what changed.
#[derive(Default)]
struct State {
    version: u64,
    error: Option<String>,
    previous: Option<Built>,
}

/// The site being served: where its sources are, where it is built, and its state.
struct Served {
    root: PathBuf,
    /// Serve's own folder, `<temp>/planportal-serve-*/site`.
    site: PathBuf,
    base_url: String,
    /// The path part of `base_url` (`/`, `/portal/`): the site is served under it.
    prefix: String,
    state: Mutex<State>,
    /// Held for the whole of a build: one build at a time, and none while serve removes its folder.
    building: Mutex<()>,
}

impl Served {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Runs until interrupted (Ctrl+C, or SIGTERM on Unix).
pub fn run(args: &ServeOptions) -> Result<bool> {
    let root =
        args.root.canonicalize().with_context(|| format!("the site folder {} does not exist", args.root.display()))?;
    let address = format!("{}:{}", args.bind, args.port);
    // Listen first: a taken port must stop serve before it builds anything.
    let listener = std::net::TcpListener::bind(&address).map_err(|error| {
        anyhow!("cannot listen on {address}: {error}; is another `planportal serve` running? Choose another port with --port")
    })?;
    listener.set_nonblocking(true).context("preparing the listening socket")?;
    let folder =
        tempfile::Builder::new().prefix("planportal-serve-").tempdir().context("creating serve's own folder")?;
    let site = folder.path().join("site");
    say(format_args!("serve: the site is built into {}", site.display()));
    let base_url = args.base_url.clone().unwrap_or_else(|| format!("http://{address}/"));
    let served = Arc::new(Served {
        root,
        site,
        prefix: crate::config::base_path(&base_url).to_owned(),
        base_url,
        state: Mutex::default(),
        building: Mutex::default(),
    });
    // Watch before the first build, so that an edit made while it runs is not lost.
    let watching = watch::Watching::new(&served.root, folder.path())?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the server")?;
    runtime.block_on(build_and_serve(listener, Arc::clone(&served), watching))?;
    runtime.shutdown_background();
    // Let a running build finish before its folder goes; keep any later one from starting.
    let _building = served.building.lock().unwrap_or_else(PoisonError::into_inner);
    folder.close().context("removing serve's own folder")?;
    say(format_args!("serve: stopped"));
    Ok(true)
}

/// Builds, then serves and rebuilds on every change, until Ctrl+C or SIGTERM, which are caught
/// from the start: serve's folder is removed even if the first build is stopped.
async fn build_and_serve(
    listener: std::net::TcpListener,
    served: Arc<Served>,
    watching: watch::Watching,
) -> Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener).context("preparing the listening socket")?;
    let stop = stopped();
    tokio::pin!(stop);
    let first = tokio::task::spawn_blocking({
        let served = Arc::clone(&served);
        move || rebuild(&served)
    });
    tokio::select! {
        _ = first => {}
        () = &mut stop => return Ok(()),
    }
    let watched = Arc::clone(&served);
    std::thread::spawn(move || watching.run(|| rebuild(&watched)));
    say(format_args!("serve: {} (Ctrl+C to stop)", served.base_url));
    tokio::select! {
        () = http::serve(listener, served) => {}
        () = stop => {}
    }
    Ok(())
}

/// Prints a line on stdout. Unlike `println!`, it does not panic when nothing reads stdout any
/// more (`planportal serve | head`, a closed terminal): serve goes on serving.
fn say(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// Resolves on Ctrl+C, or SIGTERM on Unix. If signals cannot be caught, never.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                result = tokio::signal::ctrl_c() => if result.is_err() { std::future::pending::<()>().await },
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Builds into serve's folder. A failed build keeps the last good site and records its errors;
/// a panic is caught and recorded the same way, so that the watcher lives on.
fn rebuild(served: &Served) {
    let _building = served.building.lock().unwrap_or_else(PoisonError::into_inner);
    let started = Instant::now();
    let previous = served.state().previous.take();
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| build(served, previous.as_ref())));
    let mut state = served.state();
    state.version += 1;
    match result {
        Ok(Ok(Ok(mut summary))) => {
            eprint!("{}", std::mem::take(&mut summary.warnings).render());
            state.error = None;
            say(format_args!(
                "rebuilt: {} pages ({} rendered, the rest unchanged) in {:.3} s",
                summary.pages,
                summary.rendered,
                started.elapsed().as_secs_f64()
            ));
            state.previous = Some(summary);
        }
        Ok(Ok(Err(diagnostics))) => {
            let report = diagnostics.render();
            eprint!("{report}");
            state.error = Some(report);
            state.previous = previous;
        }
        Ok(Err(error)) => {
            eprintln!("error: {error:#}");
            state.error = Some(format!("error: {error:#}"));
            state.previous = previous;
        }
        // The caches may be half made: the next build starts afresh.
        Err(panic) => {
            let message = format!(
                "error: the rebuild panicked: {}\n  = hint: this is a bug in planportal; please report it with the edit that caused it",
                panic_message(panic.as_ref())
            );
            eprintln!("{message}");
            state.error = Some(message);
        }
    }
}

/// One build into serve's folder: `Ok(Err(diagnostics))` is content problems.
fn build(served: &Served, previous: Option<&Built>) -> Result<Result<Built, Diagnostics>> {
    panic_if_asked(&served.root);
    let series = previous.map_or(Series::First, |p| Series::After(&p.kept));
    let settings = Settings { base_url: Some(&served.base_url), series };
    crate::build::publish(Source::Folder(&served.root), &settings, &served.site)
}

/// The text a panic was raised with.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// A test hook of debug builds only: a build panics while the file that
/// `PLANPORTAL_SERVE_PANIC_IF` names (relative to the site) exists, so that a test can see what a
/// panic in a rebuild does to `serve`.
fn panic_if_asked(root: &Path) {
    if cfg!(debug_assertions)
        && let Some(file) = std::env::var_os("PLANPORTAL_SERVE_PANIC_IF")
        && root.join(file).exists()
    {
        panic!("PLANPORTAL_SERVE_PANIC_IF asked this rebuild to panic");
    }
}
