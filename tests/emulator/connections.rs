//! Connections the emulator must not hold forever: idle keep-alives, headers sent a byte at a
//! time, stalled bodies, more clients than the cap; and the `canopy emulator` process leaving
//! nothing behind (its private key and session token) on any signal it handles.

use std::time::Duration;

use canopy::emulator::{ConnectionLimits, EmulatorOptions, RunningEmulator};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// A failsafe only: every wait below ends on an event long before this.
const NEVER: Duration = Duration::from_secs(20);

async fn emulator(idle: Duration, max: usize) -> RunningEmulator {
    canopy::emulator::start(EmulatorOptions {
        limits: ConnectionLimits {
            idle_timeout: idle,
            max_connections: max,
        },
        ..super::support::options()
    })
    .await
    .expect("emulator starts")
}

/// Reads until the server closes the connection; returns what it sent.
async fn until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut all = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        let read = tokio::time::timeout(NEVER, stream.read(&mut buf))
            .await
            .expect("the server closes the connection well within the failsafe");
        match read {
            Ok(0) | Err(_) => return all,
            Ok(n) => all.extend_from_slice(&buf[..n]),
        }
    }
}

/// Waits (bounded) until the gauge reads `n`.
async fn open_becomes(emulator: &RunningEmulator, n: usize) {
    for _ in 0..2000 {
        if emulator.connections.open() == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("open connections stayed {}", emulator.connections.open());
}

const REQUEST: &[u8] = b"GET /20160918/regions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

#[tokio::test]
async fn idle_connections_are_closed_and_the_server_still_answers() {
    let emulator = emulator(Duration::from_millis(300), 64).await;
    // More than the cap: the rest wait to be accepted, then time out in turn.
    let mut idle = Vec::new();
    for _ in 0..100 {
        idle.push(TcpStream::connect(emulator.addr).await.unwrap());
    }
    let closed = futures::future::join_all(idle.iter_mut().map(until_closed)).await;
    assert_eq!(closed.len(), 100);
    open_becomes(&emulator, 0).await;
    let mut fresh = TcpStream::connect(emulator.addr).await.unwrap();
    fresh.write_all(REQUEST).await.unwrap();
    let answer = String::from_utf8(until_closed(&mut fresh).await).unwrap();
    // Unsigned: refused, but answered.
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
}

#[tokio::test]
async fn headers_sent_a_byte_at_a_time_do_not_keep_a_connection() {
    let emulator = emulator(Duration::from_millis(300), 8).await;
    let mut slow = TcpStream::connect(emulator.addr).await.unwrap();
    slow.write_all(b"GET /20160918/regions HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // A header byte every 50 ms never completes the head: the header timer does not restart.
    let mut sent = 0;
    let mut buf = [0u8; 256];
    let closed = loop {
        tokio::select! {
            read = slow.read(&mut buf) => break read.map_or(true, |n| n == 0 || buf[..n].starts_with(b"HTTP/1.1 408")),
            () = tokio::time::sleep(Duration::from_millis(50)) => {
                if slow.write_all(b"X").await.is_err() {
                    break true;
                }
                sent += 1;
                assert!(sent < 400, "still open after {sent} bytes");
            }
        }
    };
    assert!(closed);
    open_becomes(&emulator, 0).await;
}

#[tokio::test]
async fn a_stalled_body_does_not_keep_a_connection() {
    let emulator = emulator(Duration::from_millis(300), 8).await;
    let mut stalled = TcpStream::connect(emulator.addr).await.unwrap();
    stalled
        .write_all(b"POST /20160918/groups HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"na")
        .await
        .unwrap();
    until_closed(&mut stalled).await;
    open_becomes(&emulator, 0).await;
}

#[tokio::test]
async fn beyond_the_cap_a_client_waits_for_a_free_slot() {
    let emulator = emulator(Duration::from_secs(30), 2).await;
    let held: Vec<TcpStream> = vec![
        TcpStream::connect(emulator.addr).await.unwrap(),
        TcpStream::connect(emulator.addr).await.unwrap(),
    ];
    open_becomes(&emulator, 2).await;
    let mut third = TcpStream::connect(emulator.addr).await.unwrap();
    third.write_all(REQUEST).await.unwrap();
    let mut buf = [0u8; 64];
    // Absence can only be shown by waiting: not served while both slots are taken.
    let early = tokio::time::timeout(Duration::from_millis(300), third.read(&mut buf)).await;
    assert!(early.is_err(), "served beyond the cap: {early:?}");
    assert_eq!(emulator.connections.open(), 2);
    drop(held);
    let answer = String::from_utf8(until_closed(&mut third).await).unwrap();
    // Unsigned: refused, but answered.
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
}

/// `canopy emulator` writes a key pair and session token to a temporary directory; every
/// signal it handles removes it, and the exit status is 128 + the signal.
#[test]
fn every_stop_signal_removes_the_temporary_directory() {
    use std::io::BufRead as _;
    use std::process::{Command, Stdio};
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_canopy"))
            .args(["emulator", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut config = None;
        for line in stdout.lines().take(20) {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("config:") {
                let path = rest.trim().split(" (").next().unwrap().to_string();
                config = Some(std::path::PathBuf::from(path));
            }
            if line.contains("stops it") {
                break;
            }
        }
        let config = config.expect("the banner names the config file");
        let dir = config.parent().unwrap().to_path_buf();
        assert!(dir.join("key.pem").exists() || dir.read_dir().unwrap().count() > 1);
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(128 + number), "SIG{signal}: {status:?}");
        assert!(!dir.exists(), "SIG{signal} left {} behind", dir.display());
    }
}
