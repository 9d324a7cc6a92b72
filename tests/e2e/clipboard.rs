//! `y` inside a real tmux: with `set-clipboard on` the OCID lands in tmux's paste buffer;
//! with tmux's default (`external`), which lets no application copy, canopy says it could
//! not copy and names the setting, instead of claiming success.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::setup;

/// A private tmux server (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (CI installs it)")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Polls `what` until it holds, for at most 20 s.
    fn wait(&self, what: &str, done: impl Fn(&Tmux) -> bool) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.screen());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Starts canopy in a new tmux server whose config sets `set-clipboard` to `setting`.
fn canopy_in_tmux(world: &crate::harness::World, setting: &str) -> Tmux {
    let home = world.home.path();
    let conf = home.join(format!("tmux-{setting}.conf"));
    std::fs::write(&conf, format!("set -g set-clipboard {setting}\n")).unwrap();
    let command = format!(
        "{} --config-file {} --endpoint {}",
        env!("CARGO_BIN_EXE_canopy"),
        world.config_file.display(),
        world.emulator.endpoint
    );
    let tmux = Tmux {
        socket: format!("canopy-e2e-{}-{setting}", std::process::id()),
    };
    let out = Command::new("tmux")
        .args(["-L", &tmux.socket, "-f"])
        .arg(&conf)
        .args(["new-session", "-d", "-x", "100", "-y", "30", &command])
        .env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", world.data_dir())
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("TERM", "xterm-256color")
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TMPDIR", temp(home))
        .output()
        .expect("tmux runs (CI installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux.wait("the tree", |t| t.screen().contains("acme-corp (root)"));
    tmux
}

fn temp(home: &Path) -> std::path::PathBuf {
    let dir = home.join("tmp");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn y_inside_tmux_copies_to_its_buffer_or_says_why_it_cannot() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let tenancy = world.emulator.store.snapshot().tenancy.id;

    let tmux = canopy_in_tmux(&world, "on");
    tmux.run(&["send-keys", "y"]);
    tmux.wait("the OCID in tmux's buffer", |t| {
        String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).contains(&tenancy)
    });
    // The buffer fills when the sequence is written; the toast comes with the next frame.
    let copied = format!("copied {tenancy}");
    tmux.wait("the copied toast", |t| t.screen().contains(&copied));
    drop(tmux);

    let tmux = canopy_in_tmux(&world, "external");
    tmux.run(&["send-keys", "y"]);
    tmux.wait("the refusal", |t| t.screen().contains("could not copy"));
    let screen = tmux.screen();
    assert!(!screen.contains("copied"), "{screen}");
    let buffer = tmux.run(&["show-buffer"]);
    assert!(
        !String::from_utf8_lossy(&buffer.stdout).contains(&tenancy),
        "nothing reached tmux's buffer"
    );
}
