//! OpenSSH ed25519 keys and SSHSIG signatures, the standard `ssh-keygen -Y`
//! understands, so an auditor can verify every file without this program.

use std::fmt;
use std::path::Path;

use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

pub mod agent;

/// The variable OpenSSH names the agent's socket in.
pub const AGENT_SOCKET_VAR: &str = "SSH_AUTH_SOCK";

/// What a signature is for. A signature made for one purpose never verifies
/// for another (SSHSIG binds the namespace into what is signed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    Record,
    Review,
    Keyring,
    Signal,
    Adoption,
    Withdrawal,
    Sample,
    Checkpoint,
}

impl Namespace {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Record => "maatwerk-record",
            Self::Review => "maatwerk-review",
            Self::Keyring => "maatwerk-keyring",
            Self::Signal => "maatwerk-signal",
            Self::Adoption => "maatwerk-adoption",
            Self::Withdrawal => "maatwerk-withdrawal",
            Self::Sample => "maatwerk-sample",
            Self::Checkpoint => "maatwerk-checkpoint",
        }
    }
}

/// Problems with keys and signatures.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read the key file: {0}")]
    Read(#[source] std::io::Error),
    #[error("not an OpenSSH private key: {0}")]
    Format(ssh_key::Error),
    #[error("the key is not an ed25519 key")]
    NotEd25519,
    #[error("wrong passphrase")]
    Passphrase,
    /// Group or others may read it (permissions `mode`); OpenSSH refuses
    /// such a key too.
    #[error("the key file {} can be read by others (permissions {mode:04o})", path.display())]
    Unprotected { path: std::path::PathBuf, mode: u32 },
    #[error("signing failed: {0}")]
    Sign(ssh_key::Error),
    /// A public key was named to sign with, and no agent is running.
    #[error("no ssh-agent: SSH_AUTH_SOCK is not set")]
    NoAgent,
    #[error("{0}")]
    Agent(#[from] agent::AgentError),
    /// The agent's signature does not verify with the key.
    #[error("the ssh-agent signed with another key")]
    AgentMismatch,
    /// Only a private key can be written out.
    #[error("the private key is in the ssh-agent, not in a file")]
    InAgent,
}

/// A SHA256 fingerprint as OpenSSH prints it: `SHA256:…`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn of(key: &PublicKey) -> Self {
        Self(key.fingerprint(HashAlg::Sha256).to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn from_text(text: &str) -> Option<Self> {
        let b64 = text.strip_prefix("SHA256:")?;
        (b64.len() == 43
            && b64
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/'))
        .then(|| Self(text.to_owned()))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The least number of characters a passphrase must have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Whether `passphrase` is long enough to protect a private key.
pub fn is_strong_enough(passphrase: &str) -> bool {
    passphrase.chars().count() >= MIN_PASSPHRASE_CHARS
}

/// A key read from disk: a private key, possibly still encrypted, or a
/// public key whose private half an ssh-agent holds.
pub struct KeyFile {
    key: Held,
}

enum Held {
    File(PrivateKey),
    Agent(PublicKey),
}

impl KeyFile {
    /// Reads the key at `path`, which only its owner may read.
    pub fn read(path: &Path) -> Result<Self, KeyError> {
        use std::io::Read as _;
        // A key file is small; anything else is no key.
        const MAX: u64 = 64 * 1024;
        let meta = std::fs::metadata(path).map_err(KeyError::Read)?;
        if !meta.is_file() {
            return Err(KeyError::Read(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            )));
        }
        let public = path.extension().is_some_and(|x| x == "pub");
        #[cfg(unix)]
        if !public {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(KeyError::Unprotected {
                    path: path.to_path_buf(),
                    mode,
                });
            }
        }
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX).read_to_string(&mut text))
            .map_err(KeyError::Read)?;
        Self::parse(&text)
    }

    /// A private key, or a public key line (`ssh-ed25519 AAAA…`) whose
    /// private half an ssh-agent holds.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        if text.trim_start().starts_with("ssh-") {
            let key = PublicKey::from_openssh(text.trim()).map_err(KeyError::Format)?;
            if key.algorithm() != Algorithm::Ed25519 {
                return Err(KeyError::NotEd25519);
            }
            return Ok(Self {
                key: Held::Agent(key),
            });
        }
        let key = PrivateKey::from_openssh(text).map_err(KeyError::Format)?;
        if key.algorithm() != Algorithm::Ed25519 {
            return Err(KeyError::NotEd25519);
        }
        Ok(Self {
            key: Held::File(key),
        })
    }

    /// Whether a passphrase is needed (never for a key in an agent: the
    /// agent asks, if anyone does).
    pub fn is_encrypted(&self) -> bool {
        match &self.key {
            Held::File(key) => key.is_encrypted(),
            Held::Agent(_) => false,
        }
    }

    /// Whether an ssh-agent signs for this key.
    pub fn in_agent(&self) -> bool {
        matches!(self.key, Held::Agent(_))
    }

    pub fn public_key(&self) -> &PublicKey {
        match &self.key {
            Held::File(key) => key.public_key(),
            Held::Agent(key) => key,
        }
    }

    /// The key ready to sign; `passphrase` is needed when it is encrypted.
    /// A key in an agent signs through the agent on `SSH_AUTH_SOCK`, as
    /// OpenSSH's own tools do.
    pub fn unlock(&self, passphrase: Option<&str>) -> Result<Signer, KeyError> {
        let key = match &self.key {
            Held::Agent(public) => {
                let socket = std::env::var_os(AGENT_SOCKET_VAR)
                    .filter(|s| !s.is_empty())
                    .ok_or(KeyError::NoAgent)?;
                return Ok(Signer {
                    fingerprint: Fingerprint::of(public),
                    key: Signing::Agent {
                        public: public.clone(),
                        socket: socket.into(),
                    },
                });
            }
            Held::File(key) if key.is_encrypted() => key
                .decrypt(passphrase.unwrap_or_default())
                .map_err(|_| KeyError::Passphrase)?,
            Held::File(key) => key.clone(),
        };
        Ok(Signer::new(key))
    }
}

/// A key that signs: decrypted (once per process: the key derivation is
/// deliberately slow), or in an ssh-agent.
pub struct Signer {
    key: Signing,
    fingerprint: Fingerprint,
}

enum Signing {
    Key(PrivateKey),
    Agent {
        public: PublicKey,
        socket: std::path::PathBuf,
    },
}

impl Signer {
    fn new(key: PrivateKey) -> Self {
        let fingerprint = Fingerprint::of(key.public_key());
        Self {
            key: Signing::Key(key),
            fingerprint,
        }
    }

    /// A new random ed25519 key.
    pub fn generate(comment: &str) -> Result<Self, KeyError> {
        let mut key = PrivateKey::random(&mut OsRng, Algorithm::Ed25519).map_err(KeyError::Sign)?;
        key.set_comment(comment);
        Ok(Self::new(key))
    }

    pub fn public_key(&self) -> &PublicKey {
        match &self.key {
            Signing::Key(key) => key.public_key(),
            Signing::Agent { public, .. } => public,
        }
    }

    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// The private key in OpenSSH format, encrypted with `passphrase` when
    /// one is given (bcrypt KDF and AES-256-CTR, as ssh-keygen does).
    pub fn to_openssh(&self, passphrase: Option<&str>) -> Result<String, KeyError> {
        let Signing::Key(key) = &self.key else {
            return Err(KeyError::InAgent);
        };
        let key = match passphrase {
            Some(p) => key.encrypt(&mut OsRng, p).map_err(KeyError::Sign)?,
            None => key.clone(),
        };
        key.to_openssh(LineEnding::LF)
            .map(|z| z.to_string())
            .map_err(KeyError::Sign)
    }

    /// An armored SSHSIG over `message`, byte-for-byte what
    /// `ssh-keygen -Y sign -n <namespace>` would write.
    pub fn sign(&self, namespace: Namespace, message: &[u8]) -> Result<String, KeyError> {
        let sig = match &self.key {
            Signing::Key(key) => key
                .sign(namespace.as_str(), HashAlg::Sha512, message)
                .map_err(KeyError::Sign)?,
            Signing::Agent { public, socket } => {
                let ns = namespace.as_str();
                let data =
                    SshSig::signed_data(ns, HashAlg::Sha512, message).map_err(KeyError::Sign)?;
                let signature = agent::sign(socket, public, &data)?;
                let sig = SshSig::new(public.key_data().clone(), ns, HashAlg::Sha512, signature)
                    .map_err(KeyError::Sign)?;
                // What the agent returned is used only when it verifies.
                if !verify(public, namespace, message, &sig) {
                    return Err(KeyError::AgentMismatch);
                }
                sig
            }
        };
        sig.to_pem(LineEnding::LF).map_err(KeyError::Sign)
    }
}

/// A public key line (`ssh-ed25519 AAAA… comment`) parsed.
pub fn parse_public_key(text: &str) -> Option<PublicKey> {
    PublicKey::from_openssh(text.trim())
        .ok()
        .filter(|k| k.algorithm() == Algorithm::Ed25519)
}

/// A parsed signature file, checked for form only.
pub fn parse_signature(armored: &str) -> Option<SshSig> {
    SshSig::from_pem(armored).ok()
}

/// Whether `sig` is a valid signature by `key` over `message` in `namespace`.
pub fn verify(key: &PublicKey, namespace: Namespace, message: &[u8], sig: &SshSig) -> bool {
    key.verify(namespace.as_str(), message, sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_verify_in_the_right_namespace_only() {
        let signer = Signer::generate("test").unwrap();
        let pem = signer.sign(Namespace::Record, b"besluit").unwrap();
        assert!(pem.starts_with("-----BEGIN SSH SIGNATURE-----\n"));
        let sig = parse_signature(&pem).unwrap();
        assert!(verify(
            signer.public_key(),
            Namespace::Record,
            b"besluit",
            &sig
        ));
        assert!(!verify(
            signer.public_key(),
            Namespace::Review,
            b"besluit",
            &sig
        ));
        assert!(!verify(
            signer.public_key(),
            Namespace::Record,
            b"besluiT",
            &sig
        ));
        let other = Signer::generate("other").unwrap();
        assert!(!verify(
            other.public_key(),
            Namespace::Record,
            b"besluit",
            &sig
        ));
    }

    #[test]
    fn encrypted_keys_need_their_passphrase() {
        let signer = Signer::generate("test").unwrap();
        let text = signer.to_openssh(Some("geheim")).unwrap();
        assert!(KeyFile::parse(&text).unwrap().is_encrypted());
        assert!(matches!(
            KeyFile::parse(&text).unwrap().unlock(Some("fout")),
            Err(KeyError::Passphrase)
        ));
        let unlocked = KeyFile::parse(&text)
            .unwrap()
            .unlock(Some("geheim"))
            .unwrap();
        assert_eq!(unlocked.fingerprint(), signer.fingerprint());
        let plain = signer.to_openssh(None).unwrap();
        assert!(!KeyFile::parse(&plain).unwrap().is_encrypted());
    }

    #[test]
    fn fingerprints_look_like_openssh() {
        let signer = Signer::generate("test").unwrap();
        let fp = signer.fingerprint().as_str().to_owned();
        assert!(fp.starts_with("SHA256:") && fp.len() == 50, "{fp}");
        assert_eq!(
            Fingerprint::from_text(&fp),
            Some(signer.fingerprint().clone())
        );
        assert_eq!(Fingerprint::from_text("SHA256:kort"), None);
    }
}
