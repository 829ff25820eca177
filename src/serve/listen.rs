//! Accepting connections so that nobody on the hall's network can hold the
//! server up: a request's head must arrive within a few seconds (and an idle
//! kept-alive connection is closed after as long), each address may hold
//! only so many connections, and all of them together only so many. Beyond
//! a cap, a new connection is closed at once; those already open go on.

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// How long a client has to send a request's head, and how long an idle
/// kept-alive connection stays open.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections one address may hold: a phone needs two or three, and a
/// judges' room behind one router (or a load test on loopback) a few hundred.
const PER_ADDRESS: usize = 256;
/// Connections in all, at most: 200 judges' phones, the screens and the
/// desk, with room. Fewer where the system allows fewer open files.
const TOTAL: usize = 4096;
/// Open files kept for the store, the font and the rest.
const FILES_KEPT: usize = 64;

/// Connections open now, per address.
#[derive(Default)]
struct Open {
    by_address: HashMap<IpAddr, usize>,
    total: usize,
}

/// A connection counted while it is open.
struct Admitted {
    open: Arc<Mutex<Open>>,
    address: IpAddr,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self.open.lock().expect("not poisoned");
        open.total -= 1;
        if let Some(count) = open.by_address.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.by_address.remove(&self.address);
            }
        }
    }
}

/// How many connections may be open at once: `TOTAL`, or fewer if the
/// system allows fewer open files (a connection is one). The soft limit is
/// raised to the hard one first (macOS starts at 256).
fn total_cap() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit and setrlimit only read and write `limit`.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
                if limit.rlim_cur < limit.rlim_max {
                    let raised = libc::rlimit {
                        rlim_cur: limit.rlim_max,
                        ..limit
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                        limit = raised;
                    }
                }
                let files = usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX);
                return TOTAL.min(files.saturating_sub(FILES_KEPT)).max(1);
            }
        }
    }
    TOTAL
}

/// Counts a new connection from `address`, unless a cap is reached.
fn admit(open: &Arc<Mutex<Open>>, address: IpAddr, total: usize) -> Option<Admitted> {
    admit_within(open, address, PER_ADDRESS, total)
}

/// Counts one more from `address`, unless it has `per_address` already or
/// all together `total`.
fn admit_within(open: &Arc<Mutex<Open>>, address: IpAddr, per_address: usize, total: usize) -> Option<Admitted> {
    let mut counts = open.lock().expect("not poisoned");
    let from_address = counts.by_address.get(&address).copied().unwrap_or(0);
    if counts.total >= total || from_address >= per_address {
        return None;
    }
    counts.total += 1;
    *counts.by_address.entry(address).or_default() += 1;
    Some(Admitted {
        open: open.clone(),
        address,
    })
}

/// The address a request came from.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub IpAddr);

/// Live boards (server-sent event streams) one address may watch at once,
/// and all together: they stay open for the whole event, so they are
/// counted apart from ordinary connections.
const BOARDS_PER_ADDRESS: usize = 16;
const BOARDS: usize = 1024;

/// The live boards open now.
#[derive(Default)]
pub struct Boards(Arc<Mutex<Open>>);

/// One live board, counted while its stream lives.
pub struct Watching(#[allow(dead_code)] Admitted);

impl Boards {
    /// Counts a new board for `peer`, unless a cap is reached. (A request
    /// without a known address counts under the unspecified one.)
    pub fn open(&self, peer: Option<Peer>) -> Option<Watching> {
        let address = peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.0);
        admit_within(&self.0, address, BOARDS_PER_ADDRESS, BOARDS).map(Watching)
    }
}

/// Serves `router` on `listener` until `stop` completes.
pub async fn serve(listener: TcpListener, router: Router, stop: impl std::future::Future<Output = ()>) {
    let open = Arc::new(Mutex::new(Open::default()));
    let total = total_cap();
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors, say: wait rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => return,
        };
        let Some(admitted) = admit(&open, peer.ip(), total) else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        // Handlers that count per address (the live boards) learn it from
        // each request (not by layering the router anew for every connection).
        let (router, address) = (router.clone(), Peer(peer.ip()));
        let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(address);
            // A Router is always ready: it may be called without waiting.
            tower_service::Service::call(&mut router.clone(), request)
        });
        tokio::spawn(async move {
            let _admitted = admitted;
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(64 * 1024)
                .serve_connection(TokioIo::new(stream), service);
            let _ = connection.await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_per_address_and_in_all_and_frees_on_close() {
        let open = Arc::new(Mutex::new(Open::default()));
        let (a, b): (IpAddr, IpAddr) = ("127.0.0.2".parse().unwrap(), "127.0.0.3".parse().unwrap());
        let held: Vec<Admitted> = (0..PER_ADDRESS).map(|_| admit(&open, a, TOTAL).unwrap()).collect();
        assert!(admit(&open, a, TOTAL).is_none(), "one address is capped");
        let other = admit(&open, b, TOTAL).expect("another address is not");
        drop(held);
        assert!(admit(&open, a, TOTAL).is_some(), "closed connections free their places");
        drop(other);
        assert_eq!(open.lock().unwrap().by_address.len(), 0);
        let many: Vec<Admitted> = (0..100)
            .map(|i| admit(&open, IpAddr::from([10, 0, 0, i as u8]), 100).unwrap())
            .collect();
        assert!(admit(&open, b, 100).is_none(), "the total is capped");
        drop(many);
        assert_eq!(open.lock().unwrap().total, 0);
    }
}
