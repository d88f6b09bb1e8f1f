//! The per-request log on stderr, written by a thread of its own. A test fixture that pipes
//! stderr and never reads it fills the pipe after some thousand lines; written from the
//! handlers, the next line would then block every connection. Lines that find the queue full
//! are dropped and counted, and the count is said once stderr moves again. A closed stderr
//! loses the log, not the server (`eprintln!` would panic).

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::OnceLock;

/// Lines waiting for stderr: enough for a burst, small enough that a stuck pipe costs little.
const QUEUE: usize = 4096;

static SENDER: OnceLock<SyncSender<String>> = OnceLock::new();
static DROPPED: AtomicU64 = AtomicU64::new(0);

/// Queues `line` for stderr; never waits.
pub fn line(line: String) {
    let sender = SENDER.get_or_init(|| {
        let (tx, rx) = sync_channel(QUEUE);
        // Without a writer thread the log is lost, and nothing else.
        let _ = std::thread::Builder::new().name("cloudplay-log".into()).spawn(move || write_all(rx));
        tx
    });
    match sender.try_send(line) {
        Ok(()) => {}
        Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }
}

fn write_all(rx: Receiver<String>) {
    let mut err = std::io::stderr();
    for line in rx {
        let dropped = DROPPED.swap(0, Ordering::Relaxed);
        if dropped > 0 {
            let _ = writeln!(err, "cloudplay serve: {dropped} log lines dropped: stderr was not being read");
        }
        let _ = writeln!(err, "{line}");
    }
}

/// `eprintln!` for lines written while serving.
macro_rules! log {
    ($($arg:tt)*) => { $crate::serve::log::line(format!($($arg)*)) };
}
pub(crate) use log;
