//! Making a signing key: an OpenSSH ed25519 key pair on disk, the private
//! half readable by its owner only; or a link to a key the person has.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::keys::{KeyError, Signer};
use crate::domain::store::files::write_new;

/// Why a key could not be made.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("{}: a key is already there", .0.display())]
    Exists(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Key(#[from] KeyError),
}

/// Where the public half of the key at `path` goes: `path.pub`.
pub fn public_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

/// Refuses when a key or its public half is already at `path`.
pub fn check_free(path: &Path) -> Result<(), KeyFileError> {
    for p in [path.to_path_buf(), public_path(path)] {
        if p.exists() || p.is_symlink() {
            return Err(KeyFileError::Exists(p));
        }
    }
    Ok(())
}

/// Makes a new key at `path` (and its public half beside it), encrypted
/// with `passphrase` when one is given. Never replaces a key.
pub fn make_key(
    path: &Path,
    comment: &str,
    passphrase: Option<&str>,
) -> Result<Signer, KeyFileError> {
    check_free(path)?;
    let signer = Signer::generate(comment)?;
    let private = signer.to_openssh(passphrase)?;
    let public = signer.public_key().to_openssh().map_err(KeyError::Sign)?;
    let io_at = |path: &Path| {
        let path = path.to_path_buf();
        move |source| KeyFileError::Io { path, source }
    };
    write_private(path, private.as_bytes()).map_err(io_at(path))?;
    let public_path = public_path(path);
    write_new(&public_path, format!("{public}\n").as_bytes()).map_err(io_at(&public_path))?;
    Ok(signer)
}

/// Signs with the key the person already has at `existing`: `path` becomes
/// a link to it, not a copy — a private key lives in one place, and `ls -l`
/// shows which key maatwerk signs with.
pub fn link_key(existing: &Path, path: &Path) -> Result<(), KeyFileError> {
    check_free(path)?;
    let io_at = |source| KeyFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        crate::domain::store::files::make_dirs(dir).map_err(io_at)?;
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(existing, path).map_err(io_at)?;
    #[cfg(not(unix))]
    std::fs::copy(existing, path).map(drop).map_err(io_at)?;
    Ok(())
}

/// The private key, readable by its owner only from the moment it exists
/// (`write_new` creates every file so).
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_new(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keys::KeyFile;

    #[cfg(unix)]
    #[test]
    fn a_key_others_can_read_is_refused_with_the_chmod_that_fixes_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id_ed25519");
        make_key(&path, "anna", None).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert!(matches!(
            KeyFile::read(&path),
            Err(KeyError::Unprotected { mode: 0o640, .. })
        ));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(KeyFile::read(&path).is_ok());
    }

    #[test]
    fn a_new_key_is_private_and_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/id_ed25519");
        let signer = make_key(&path, "anna", Some("lange wachtwoordzin")).unwrap();
        let key = KeyFile::read(&path).unwrap();
        assert!(key.is_encrypted());
        assert_eq!(
            key.unlock(Some("lange wachtwoordzin"))
                .unwrap()
                .fingerprint(),
            signer.fingerprint()
        );
        assert!(
            std::fs::read_to_string(public_path(&path))
                .unwrap()
                .starts_with("ssh-ed25519 ")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(matches!(
            make_key(&path, "anna", None),
            Err(KeyFileError::Exists(_))
        ));
    }
}
