//! Signing through an ssh-agent: the key stays in the agent (a hardware
//! token, or a key unlocked once a day) and the agent signs what SSHSIG asks.
//! Only the one request this needs is spoken (draft-miller-ssh-agent,
//! `SSH_AGENTC_SIGN_REQUEST`); what comes back is checked before it is used.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

use ssh_key::{PublicKey, Signature};

const SIGN_REQUEST: u8 = 13;
const SIGN_RESPONSE: u8 = 14;
/// A reply larger than this is no signature.
const MAX_REPLY: u32 = 64 * 1024;
/// A hardware token may wait for a touch; no agent is waited on longer, in
/// all (an agent that answers a byte at a time is cut off too).
const PATIENCE: Duration = Duration::from_secs(60);

/// Why the agent did not sign.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error("cannot reach the ssh-agent at {path}: {source}")]
    Connect {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the ssh-agent stopped answering: {0}")]
    Io(#[from] std::io::Error),
    /// The agent refused: it does not hold the key, or its holder said no.
    #[error("the ssh-agent does not sign with this key")]
    Refused,
    #[error("the ssh-agent's answer is not a signature")]
    Garbled,
}

/// The agent at `socket` signs `data` with the private half of `key`.
pub fn sign(socket: &Path, key: &PublicKey, data: &[u8]) -> Result<Signature, AgentError> {
    let mut stream = UnixStream::connect(socket).map_err(|source| AgentError::Connect {
        path: socket.display().to_string(),
        source,
    })?;
    let deadline = Instant::now() + PATIENCE;
    stream.set_write_timeout(Some(PATIENCE))?;
    let blob = key.to_bytes().map_err(|_| AgentError::Garbled)?;
    let mut body = vec![SIGN_REQUEST];
    put_string(&mut body, &blob)?;
    put_string(&mut body, data)?;
    // Flags: none (ed25519 has one signature algorithm).
    body.extend_from_slice(&0u32.to_be_bytes());
    let mut message = Vec::with_capacity(body.len() + 4);
    put_string(&mut message, &body)?;
    stream.write_all(&message)?;

    let mut len = [0u8; 4];
    read_by(&mut stream, &mut len, deadline)?;
    let len = u32::from_be_bytes(len);
    if len == 0 || len > MAX_REPLY {
        return Err(AgentError::Garbled);
    }
    let mut reply = vec![0u8; len as usize];
    read_by(&mut stream, &mut reply, deadline)?;
    match reply.split_first() {
        Some((&SIGN_RESPONSE, rest)) => {
            let (blob, tail) = take_string(rest).ok_or(AgentError::Garbled)?;
            if !tail.is_empty() {
                return Err(AgentError::Garbled);
            }
            Signature::try_from(blob).map_err(|_| AgentError::Garbled)
        }
        // SSH_AGENT_FAILURE, or anything else: no signature.
        _ => Err(AgentError::Refused),
    }
}

/// Fills `buf` from `stream`, or fails once `deadline` has passed.
fn read_by(stream: &mut UnixStream, buf: &mut [u8], deadline: Instant) -> std::io::Result<()> {
    let mut filled = 0;
    while filled < buf.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut buf[filled..])? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => filled += n,
        }
    }
    Ok(())
}

fn put_string(out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), AgentError> {
    let len = u32::try_from(bytes.len()).map_err(|_| AgentError::Garbled)?;
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// A length-prefixed string at the start of `bytes`, and what follows it.
fn take_string(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = bytes.split_first_chunk::<4>()?;
    let len = usize::try_from(u32::from_be_bytes(*len)).ok()?;
    (rest.len() >= len).then(|| rest.split_at(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_length_prefixed_and_never_read_past_the_end() {
        let mut out = Vec::new();
        put_string(&mut out, b"abc").unwrap();
        assert_eq!(out, b"\0\0\0\x03abc");
        assert_eq!(take_string(&out), Some((&b"abc"[..], &b""[..])));
        assert_eq!(take_string(b"\0\0\0\x09abc"), None);
        assert_eq!(take_string(b"\0\0"), None);
    }

    #[test]
    fn an_agent_that_answers_a_byte_at_a_time_is_cut_off_at_the_deadline() {
        let (mut ours, mut theirs) = UnixStream::pair().unwrap();
        let dripping = std::thread::spawn(move || {
            for byte in [0u8, 0, 1, 0] {
                if theirs.write_all(&[byte]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(40));
            }
        });
        let mut buf = [0u8; 64];
        let deadline = Instant::now() + Duration::from_millis(100);
        let err = read_by(&mut ours, &mut buf, deadline).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ),
            "{err:?}"
        );
        drop(ours);
        dripping.join().unwrap();
    }

    #[test]
    fn no_agent_at_the_socket_is_said_plainly() {
        let key = super::super::Signer::generate("t").unwrap();
        let err = sign(Path::new("/nonexistent/agent.sock"), key.public_key(), b"x").unwrap_err();
        assert!(matches!(err, AgentError::Connect { .. }), "{err}");
    }
}
