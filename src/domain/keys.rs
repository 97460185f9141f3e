//! OpenSSH ed25519 keys and SSHSIG signatures, the standard `ssh-keygen -Y`
//! understands, so an auditor can verify every file without this program.

use std::fmt;
use std::path::Path;

use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

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

/// A private key read from disk, possibly still encrypted.
pub struct KeyFile {
    key: PrivateKey,
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
        #[cfg(unix)]
        {
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

    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let key = PrivateKey::from_openssh(text).map_err(KeyError::Format)?;
        if key.algorithm() != Algorithm::Ed25519 {
            return Err(KeyError::NotEd25519);
        }
        Ok(Self { key })
    }

    pub fn is_encrypted(&self) -> bool {
        self.key.is_encrypted()
    }

    pub fn public_key(&self) -> &PublicKey {
        self.key.public_key()
    }

    /// The key ready to sign; `passphrase` is needed when it is encrypted.
    pub fn unlock(&self, passphrase: Option<&str>) -> Result<Signer, KeyError> {
        let key = if self.key.is_encrypted() {
            self.key
                .decrypt(passphrase.unwrap_or_default())
                .map_err(|_| KeyError::Passphrase)?
        } else {
            self.key.clone()
        };
        Ok(Signer::new(key))
    }
}

/// A decrypted key that signs. Decrypt once per process: the key derivation
/// is deliberately slow.
pub struct Signer {
    key: PrivateKey,
    fingerprint: Fingerprint,
}

impl Signer {
    fn new(key: PrivateKey) -> Self {
        let fingerprint = Fingerprint::of(key.public_key());
        Self { key, fingerprint }
    }

    /// A new random ed25519 key.
    pub fn generate(comment: &str) -> Result<Self, KeyError> {
        let mut key = PrivateKey::random(&mut OsRng, Algorithm::Ed25519).map_err(KeyError::Sign)?;
        key.set_comment(comment);
        Ok(Self::new(key))
    }

    pub fn public_key(&self) -> &PublicKey {
        self.key.public_key()
    }

    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// The private key in OpenSSH format, encrypted with `passphrase` when
    /// one is given (bcrypt KDF and AES-256-CTR, as ssh-keygen does).
    pub fn to_openssh(&self, passphrase: Option<&str>) -> Result<String, KeyError> {
        let key = match passphrase {
            Some(p) => self.key.encrypt(&mut OsRng, p).map_err(KeyError::Sign)?,
            None => self.key.clone(),
        };
        key.to_openssh(LineEnding::LF)
            .map(|z| z.to_string())
            .map_err(KeyError::Sign)
    }

    /// An armored SSHSIG over `message`, byte-for-byte what
    /// `ssh-keygen -Y sign -n <namespace>` would write.
    pub fn sign(&self, namespace: Namespace, message: &[u8]) -> Result<String, KeyError> {
        let sig = self
            .key
            .sign(namespace.as_str(), HashAlg::Sha512, message)
            .map_err(KeyError::Sign)?;
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
