//! The threads that answer requests: a fixed number, fed from a short queue. When every worker
//! is busy and the queue is full, a request is refused at once rather than waiting unbounded.

use super::Shared;
use std::net::{IpAddr, TcpStream};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

/// Threads answering requests. Answers come from memory; only a slow reader holds one long,
/// and never longer than [`super::http::WRITE_TIME`].
pub(crate) const WORKERS: usize = 4;
/// Complete requests waiting for a worker.
const QUEUE: usize = 64;

/// A connection whose request head has been read.
pub(crate) struct Job {
    pub stream: TcpStream,
    pub head: Vec<u8>,
}

pub(crate) struct Workers {
    tx: SyncSender<Job>,
}

impl Workers {
    /// Starts the workers; they end when the `Workers` is dropped.
    pub(crate) fn start(shared: &Arc<Shared>, bound: IpAddr) -> std::io::Result<Workers> {
        let (tx, rx) = mpsc::sync_channel::<Job>(QUEUE);
        let rx = Arc::new(Mutex::new(rx));
        for _ in 0..WORKERS {
            let rx = Arc::clone(&rx);
            let shared = Arc::clone(shared);
            std::thread::Builder::new()
                .name("kennisbank-http".into())
                .spawn(move || work(&rx, &shared, bound))?;
        }
        Ok(Workers { tx })
    }

    /// Queues a request; gives it back when the queue is full.
    pub(crate) fn give(&self, job: Job) -> Result<(), Job> {
        self.tx.try_send(job).map_err(|e| match e {
            TrySendError::Full(job) | TrySendError::Disconnected(job) => job,
        })
    }
}

fn work(rx: &Mutex<Receiver<Job>>, shared: &Arc<Shared>, bound: IpAddr) {
    loop {
        // The lock is held only while waiting for the next job.
        let job = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(job) = job else { return };
        super::http::handle(job.stream, &job.head, shared, bound);
    }
}
