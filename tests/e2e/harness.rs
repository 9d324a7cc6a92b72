//! Drives the real `canopy` binary in a pseudo-terminal: keys in, screen text out (vt100),
//! against an emulator started in this test process on 127.0.0.1.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use canopy::emulator::{EmulatorOptions, RunningEmulator};
use canopy::model::Snapshot;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
/// The longest any screen is waited for; a bounded wait, not a sleep.
pub const WAIT: Duration = Duration::from_secs(20);

/// An emulator with a generated config, and a home directory for canopy's data and config.
pub struct World {
    pub emulator: RunningEmulator,
    pub home: tempfile::TempDir,
    pub config_file: PathBuf,
}

impl World {
    pub async fn new(seed: Snapshot) -> World {
        Self::with_latency(seed, Duration::ZERO).await
    }

    /// With `latency` added to every request the emulator serves.
    pub async fn with_latency(seed: Snapshot, latency: Duration) -> World {
        let home = tempfile::tempdir().expect("temp home");
        let config_dir = home.path().join("oci");
        let emulator = canopy::emulator::start(EmulatorOptions {
            seed,
            config_out: Some(config_dir.clone()),
            work_request_duration: Duration::from_millis(300),
            latency,
            ..EmulatorOptions::default()
        })
        .await
        .expect("emulator starts");
        let config_file = emulator
            .config
            .as_ref()
            .expect("config written")
            .config_path
            .clone();
        World {
            emulator,
            home,
            config_file,
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data")
    }

    /// `TMPDIR` of the processes this world launches.
    pub fn temp_dir(&self) -> PathBuf {
        self.home.path().join("tmp")
    }

    pub fn drafts_file(&self) -> PathBuf {
        self.data_dir().join("canopy").join("drafts.json")
    }

    /// Starts `canopy` against the emulator with extra flags.
    pub fn launch(&self, extra: &[&str]) -> Tui {
        let mut args = vec![
            "--config-file".to_string(),
            self.config_file.display().to_string(),
            "--endpoint".to_string(),
            self.emulator.endpoint.clone(),
        ];
        args.extend(extra.iter().map(|a| (*a).to_string()));
        self.launch_with(&args)
    }

    /// Starts `canopy` with exactly these arguments, in this world's home directory.
    pub fn launch_with(&self, args: &[String]) -> Tui {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_canopy"));
        for a in args {
            cmd.arg(a);
        }
        cmd.env_clear();
        cmd.env("HOME", self.home.path());
        cmd.env("XDG_DATA_HOME", self.data_dir());
        cmd.env("XDG_CONFIG_HOME", self.home.path().join("config"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True");
        // Its own temporary directory, so a test can see what a run leaves behind.
        std::fs::create_dir_all(self.temp_dir()).expect("temp dir");
        cmd.env("TMPDIR", self.temp_dir());
        cmd.cwd(self.home.path());
        Tui::spawn(cmd)
    }
}

/// A running `canopy` in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    fn spawn(cmd: CommandBuilder) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pty.slave.spawn_command(cmd).expect("spawn canopy");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut frames = FrameBuffer::default();
            // Ends when the child closes the pty.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let complete = frames.push(&buf[..n]);
                feed.lock().unwrap().process(&complete);
            }
        });
        Tui {
            child,
            writer,
            parser,
            _master: pty.master,
        }
    }

    /// The canopy process's id (for benches that read its memory).
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Where the terminal's cursor is, as (row, column), when it is shown.
    pub fn cursor(&self) -> Option<(u16, u16)> {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        (!screen.hide_cursor()).then(|| screen.cursor_position())
    }

    /// The screen's rows, for looking at one of them.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        parser.screen().rows(0, COLS).collect()
    }

    pub fn title(&self) -> String {
        self.parser.lock().unwrap().screen().title().to_string()
    }

    /// Waits until the screen shows `text`; panics with the screen after [`WAIT`].
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("'{text}' on screen"), |s| s.contains(text))
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            // Short, so the start-up bench measures the screen, not the polling.
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            let mut buf = [0u8; 4];
            self.send(c.encode_utf8(&mut buf).as_bytes());
            // One key per read, as a person types; the TUI reads whole bursts too, but a
            // burst can be taken for a paste by some terminals.
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn enter(&mut self) {
        self.send(b"\r");
    }

    pub fn esc(&mut self) {
        self.send(b"\x1b");
        // A lone ESC is told apart from an escape sequence by a pause.
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn ctrl(&mut self, c: char) {
        self.send(&[(c.to_ascii_lowercase() as u8) & 0x1f]);
    }

    /// Sends a signal (`TERM`, `HUP` ...) to the process and waits for it to end.
    /// Sends `signal` (e.g. `TERM`) and waits for the process to end; its exit code.
    pub fn signal_and_wait(&mut self, signal: &str) -> u32 {
        if let Some(pid) = self.child.process_id() {
            let _ = std::process::Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(pid.to_string())
                .status();
        }
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader thread take the last bytes the process wrote.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("canopy did not end on SIG{signal}");
    }

    /// True while the TUI holds the alternate screen or has hidden the cursor.
    pub fn terminal_taken(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        parser.screen().alternate_screen() || parser.screen().hide_cursor()
    }

    /// Waits for the process to end by itself; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader thread take the last bytes the process wrote.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("canopy did not end by itself");
    }

    /// Kills the process outright (no chance to clean up), as a crash or a lost SSH session.
    pub fn kill_hard(&mut self) {
        if let Some(pid) = self.child.process_id() {
            let _ = std::process::Command::new("kill")
                .arg("-9")
                .arg(pid.to_string())
                .status();
        }
        let _ = self.child.wait();
    }

    /// Quits with `q` and waits for the process to end.
    pub fn quit(mut self) {
        self.send(b"q");
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill_hard();
        panic!("canopy did not quit on q");
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.kill_hard();
        }
    }
}

/// Waits for a file to exist and satisfy `done`.
pub fn wait_for_file(path: &Path, done: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && done(&text)
        {
            return text;
        }
        assert!(
            start.elapsed() < WAIT,
            "timed out waiting for {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Changes a policy in the emulator directly, as another user would, so its etag moves on.
pub fn change_policy_behind_the_back(
    store: &mut canopy::emulator::Store,
    name: &str,
    statement: &str,
) {
    let policy = store
        .policies
        .iter_mut()
        .find(|p| p.name == name)
        .expect("the policy exists");
    policy.statements.push(statement.to_string());
}

/// Waits until the Policies pane has every policy.
pub fn wait_for_policies(tui: &Tui) {
    tui.wait_until("the whole policy list", |s| {
        s.contains("Policies (") && !s.contains("loading")
    });
}

/// Holds back the bytes of a frame until the TUI ends its synchronized update, so a test
/// never reads half a frame (the top redrawn, the bottom still the previous screen).
#[derive(Default)]
struct FrameBuffer {
    pending: Vec<u8>,
}

impl FrameBuffer {
    const BEGIN: &'static [u8] = b"\x1b[?2026h";
    const END: &'static [u8] = b"\x1b[?2026l";

    /// Takes new bytes; returns those that may be shown now.
    fn push(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(bytes);
        let last_begin = find_last(&self.pending, Self::BEGIN);
        let last_end = find_last(&self.pending, Self::END);
        let mut cut = match (last_begin, last_end) {
            // A frame has begun and not ended yet: show what came before it.
            (Some(b), e) if e.is_none_or(|e| e < b) => b,
            _ => self.pending.len(),
        };
        // A marker split across reads: keep its start back too.
        for keep in (1..Self::BEGIN.len()).rev() {
            if cut == self.pending.len()
                && self.pending.len() >= keep
                && self.pending.ends_with(&Self::BEGIN[..keep])
            {
                cut = self.pending.len() - keep;
                break;
            }
        }
        let rest = self.pending.split_off(cut);
        std::mem::replace(&mut self.pending, rest)
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
