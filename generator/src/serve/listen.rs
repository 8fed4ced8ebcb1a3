//! Accepting connections and reading their request heads, all on one thread (mio): a slow or
//! silent client costs a buffer here, not a thread. A head must be complete within
//! [`HEAD_TIME`] of the connection (in total, however the bytes trickle in) and within
//! [`MAX_HEAD`] bytes; at most [`MAX_PENDING`] connections wait for their head, and when more
//! arrive the one waiting longest is closed, so a crowd of slow clients never locks a real one
//! out. The body of a request to the CMS backend (the only one the server reads) is read here
//! too, within the same time limit, so a client that announces a body and sends less never holds
//! a worker. A complete request goes to the worker pool ([`super::pool`]), which answers it.

use super::pool::{Job, Workers};
use super::request::{decode_target, head_end, parse_head, MAX_HEAD};
use super::Shared;
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Longest time from connecting to the end of the request head (and of a CMS request's body).
pub(crate) const HEAD_TIME: Duration = Duration::from_secs(10);
/// Most connections waiting for their head at once.
pub(crate) const MAX_PENDING: usize = 128;
/// Longest sleep of the loop, so a shutdown is seen without a wake-up.
const TICK: Duration = Duration::from_millis(500);
const LISTENER: Token = Token(usize::MAX);

struct Pending {
    stream: TcpStream,
    /// The head, and what has arrived of the body after it.
    head: Vec<u8>,
    deadline: Instant,
    /// Once the head is complete: how many bytes (head and body) the request is.
    whole: Option<usize>,
    /// Whether the client is on this computer (only its CMS requests have a body read).
    loopback: bool,
}

/// Accepts and reads heads until the server shuts down.
pub(crate) fn run(listener: std::net::TcpListener, shared: Arc<Shared>, workers: Workers) {
    if let Err(e) = event_loop(listener, &shared, &workers) {
        eprintln!(
            "{}: {}",
            crate::msg!("label-error"),
            crate::msg!(
                "serve-stopped-answering",
                detail = crate::messages::io_detail(&e)
            )
        );
    }
}

fn event_loop(
    listener: std::net::TcpListener,
    shared: &Shared,
    workers: &Workers,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut listener = TcpListener::from_std(listener);
    let mut poll = Poll::new()?;
    poll.registry()
        .register(&mut listener, LISTENER, Interest::READABLE)?;
    let mut events = Events::with_capacity(256);
    let mut pending: HashMap<usize, Pending> = HashMap::new();
    let mut next = 0usize;
    // Connections left in the backlog after an accept error (out of file descriptors): mio
    // reports readiness once, so they are retried after a short pause.
    let mut retry_accept = false;
    loop {
        let now = Instant::now();
        let mut timeout = pending
            .values()
            .map(|p| p.deadline.saturating_duration_since(now))
            .min()
            .unwrap_or(TICK)
            .min(TICK);
        if retry_accept {
            timeout = timeout.min(Duration::from_millis(10));
        }
        match poll.poll(&mut events, Some(timeout)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        if shared.is_shutting_down() {
            return Ok(());
        }
        let mut accept = std::mem::take(&mut retry_accept);
        for event in &events {
            match event.token() {
                LISTENER => accept = true,
                Token(id) => {
                    if let Some(mut p) = pending.remove(&id) {
                        match read_more(&mut p) {
                            Progress::Waiting => {
                                pending.insert(id, p);
                            }
                            Progress::Complete => {
                                let _ = poll.registry().deregister(&mut p.stream);
                                hand_over(p, workers);
                            }
                            Progress::TooLong => refuse(p.stream, 431, "Het verzoek is te lang."),
                            Progress::Closed => {}
                        }
                    }
                }
            }
        }
        if accept {
            retry_accept = accept_all(&mut listener, &poll, &mut pending, &mut next);
        }
        let now = Instant::now();
        let expired: Vec<usize> = pending
            .iter()
            .filter(|(_, p)| p.deadline <= now)
            .map(|(id, _)| *id)
            .collect();
        for id in expired {
            if let Some(p) = pending.remove(&id) {
                if p.whole.is_some() {
                    // Only CMS requests wait for a body: their answer is the backend's JSON.
                    let text = crate::msg!("cms-body-late").to_string();
                    refuse_json(p.stream, 408, &text);
                } else {
                    refuse(p.stream, 408, "Het verzoek kwam niet op tijd binnen.");
                }
            }
        }
    }
}

/// Accepts every waiting connection; `true` when some are left for a retry.
fn accept_all(
    listener: &mut TcpListener,
    poll: &Poll,
    pending: &mut HashMap<usize, Pending>,
    next: &mut usize,
) -> bool {
    loop {
        let (mut stream, _) = match listener.accept() {
            Ok(s) => s,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return false,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => {
                // Most likely out of file descriptors: free one for the newcomer.
                close_oldest(pending);
                return true;
            }
        };
        if pending.len() >= MAX_PENDING {
            close_oldest(pending);
        }
        *next = (*next + 1) % (usize::MAX - 1);
        let id = *next;
        if poll
            .registry()
            .register(&mut stream, Token(id), Interest::READABLE)
            .is_ok()
        {
            let _ = stream.set_nodelay(true);
            let loopback = stream.peer_addr().is_ok_and(|a| a.ip().is_loopback());
            pending.insert(
                id,
                Pending {
                    stream,
                    head: Vec::with_capacity(1024),
                    deadline: Instant::now() + HEAD_TIME,
                    whole: None,
                    loopback,
                },
            );
        }
    }
}

fn close_oldest(pending: &mut HashMap<usize, Pending>) {
    let oldest = pending
        .iter()
        .min_by_key(|(_, p)| p.deadline)
        .map(|(id, _)| *id);
    if let Some(p) = oldest.and_then(|id| pending.remove(&id)) {
        refuse(p.stream, 503, "De server is te druk; probeer het opnieuw.");
    }
}

/// What reading a head came to.
enum Progress {
    Waiting,
    Complete,
    TooLong,
    Closed,
}

/// Reads what the socket has (mio reports readiness once, so until it would block).
fn read_more(p: &mut Pending) -> Progress {
    let mut buf = [0u8; 4096];
    loop {
        match p.stream.read(&mut buf) {
            // A client that closes its side after a partial head still gets an answer to it.
            Ok(0) if p.head.is_empty() => return Progress::Closed,
            Ok(0) => return Progress::Complete,
            Ok(n) => {
                p.head.extend_from_slice(&buf[..n]);
                // The bytes after the head (a request body) stay: the worker splits them off.
                if p.whole.is_none() {
                    if let Some(end) = head_end(&p.head) {
                        let body = body_to_wait_for(&p.head[..end], p.loopback).unwrap_or(0);
                        p.whole = Some(end + body);
                    } else if p.head.len() > MAX_HEAD {
                        return Progress::TooLong;
                    }
                }
                if p.whole.is_some_and(|whole| p.head.len() >= whole) {
                    return Progress::Complete;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Progress::Waiting,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Progress::Closed,
        }
    }
}

/// How many bytes of body to read before the request goes to a worker: the announced length of
/// a POST to the CMS backend from this computer that the backend will read
/// ([`crate::cms::serve::body_length`]); none for anything else, whose body is never read.
fn body_to_wait_for(head: &[u8], loopback: bool) -> Option<usize> {
    if !loopback {
        return None;
    }
    let request = parse_head(head).ok()?;
    if request.method != "POST" || decode_target(&request.target).ok()? != "api/v1" {
        return None;
    }
    crate::cms::serve::body_length(&String::from_utf8_lossy(head))
}

fn hand_over(p: Pending, workers: &Workers) {
    let stream = std::net::TcpStream::from(p.stream);
    if stream.set_nonblocking(false).is_err() {
        return;
    }
    if let Err(job) = workers.give(Job {
        stream,
        head: p.head,
    }) {
        let _ = job.stream.set_nonblocking(true);
        refuse(
            TcpStream::from_std(job.stream),
            503,
            "De server is te druk; probeer het opnieuw.",
        );
    }
}

/// A short answer written without waiting (what does not fit in the socket's buffer is
/// dropped), then the connection is closed.
fn refuse(mut stream: TcpStream, status: u16, text: &str) {
    let _ = stream.write(super::http::short_answer(status, text).as_bytes());
    let _ = stream.shutdown(std::net::Shutdown::Write);
}

/// [`refuse`] with the CMS backend's JSON (`{"error": …}`), which the editor's page shows.
fn refuse_json(mut stream: TcpStream, status: u16, text: &str) {
    let _ = stream.write(super::http::short_json_answer(status, text).as_bytes());
    let _ = stream.shutdown(std::net::Shutdown::Write);
}
