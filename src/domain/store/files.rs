//! Writing files so that they appear whole or not at all, and are never
//! replaced once written.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ssh_key::rand_core::{OsRng, RngCore};

/// Prefix of temporary files; `verify` recognises what an interrupted write
/// leaves behind by it.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Writes `bytes` to `path`, which must not exist yet: to a temporary file in
/// the same directory first, flushed to disk, then linked into place (which
/// fails rather than replaces when `path` exists), and the directory synced.
/// A crash leaves either nothing, or a `.tmp-…` file, never half a file
/// under the real name.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, name) = dir_and_name(path)?;
    let temp = write_temp(dir, name, bytes)?;
    let result = match fs::hard_link(&temp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // File systems without hard links: check, then rename.
        Err(_) if !path.exists() => fs::rename(&temp, path),
        Err(e) => Err(e),
    };
    let _ = fs::remove_file(&temp);
    result?;
    sync_dir(dir)
}

/// Writes `bytes` to `path` whole, replacing what is there: to a temporary
/// file in the same directory, flushed to disk, then renamed over it. For
/// files that are not part of the store (its index), never a signed one.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, name) = dir_and_name(path)?;
    let temp = write_temp(dir, name, bytes)?;
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    sync_dir(dir)
}

/// The directory of `path`, made when missing, and its file name.
fn dir_and_name(path: &Path) -> io::Result<(&Path, &str)> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("path has no directory"))?;
    make_dirs(dir)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| io::Error::other("file name is not UTF-8"))?;
    Ok((dir, name))
}

/// `bytes` in a new temporary file in `dir` named after `name`, flushed
/// to disk; removed again when that fails.
fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let temp = dir.join(format!(
        "{TEMP_PREFIX}{}-{:08x}-{name}",
        std::process::id(),
        OsRng.next_u32()
    ));
    let written = (|| {
        let mut file = private(OpenOptions::new().write(true).create_new(true)).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Makes `dir` and any directories above it that are missing, readable by
/// their owner only: a store holds personal case data.
pub fn make_dirs(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Makes a directory the owner's alone (0700), whatever the umask made it.
pub fn restrict_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Options that create files readable and writable by their owner only.
pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options
}

/// Makes a directory's entries durable (a no-op where directories cannot be
/// opened, as on Windows).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(d) => d.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

/// An exclusive advisory lock, released on drop. Held only while a sequence
/// number is taken and the record written.
pub struct Lock {
    _file: File,
    _path: PathBuf,
}

impl Lock {
    pub fn acquire(path: &Path) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            make_dirs(dir)?;
        }
        let file =
            private(OpenOptions::new().create(true).truncate(false).write(true)).open(path)?;
        file.lock()?;
        Ok(Self {
            _file: file,
            _path: path.to_path_buf(),
        })
    }
}

/// Crockford's base32: no I, L, O or U, so ids read aloud without doubt.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// An id such as `MW-20261123-K7QF2XAB`: prefix, the UTC date, then eight
/// characters: the second of the day (17 bits) and 23 random bits. Ids sort
/// by date and second, and two ids made without coordination can only
/// collide when made in the same second, and then with a chance of one in
/// eight million.
pub fn new_id(prefix: &str, now: jiff::Timestamp) -> String {
    let utc = now.to_zoned(jiff::tz::TimeZone::UTC);
    let second = u64::try_from(
        (i64::from(utc.hour()) * 60 + i64::from(utc.minute())) * 60 + i64::from(utc.second()),
    )
    .unwrap_or(0);
    let value = (second << 23) | u64::from(OsRng.next_u32() & 0x7F_FFFF);
    let suffix: String = (0..8)
        .map(|i| char::from(CROCKFORD[usize::try_from((value >> (5 * (7 - i))) & 31).unwrap_or(0)]))
        .collect();
    format!("{prefix}-{}-{suffix}", utc.strftime("%Y%m%d"))
}

/// Whether `text` has the shape of an id made by [`new_id`] with `prefix`.
pub fn is_id(prefix: &str, text: &str) -> bool {
    let Some(rest) = text.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) else {
        return false;
    };
    let Some((date, suffix)) = rest.split_once('-') else {
        return false;
    };
    date.len() == 8
        && date.bytes().all(|b| b.is_ascii_digit())
        && suffix.len() == 8
        && suffix.bytes().all(|b| CROCKFORD.contains(&b))
}

/// An id as this program writes them (`MW-20260601-7107G760`), held in its
/// twenty bytes instead of a string: a large store has a million of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompactId([u8; 20]);

impl CompactId {
    /// `text` as an id, with any prefix of two capitals; `None` if it is no
    /// id this program writes.
    pub fn new(text: &str) -> Option<Self> {
        let prefix = text.get(..2)?;
        if !prefix.bytes().all(|b| b.is_ascii_uppercase()) || !is_id(prefix, text) {
            return None;
        }
        text.as_bytes().try_into().ok().map(Self)
    }

    pub fn as_str(&self) -> &str {
        // Made from a `str` of ASCII only.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl std::fmt::Display for CompactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_held_in_twenty_bytes_and_read_back_whole() {
        let id = CompactId::new("MW-20260601-7107G760").unwrap();
        assert_eq!(id.as_str(), "MW-20260601-7107G760");
        assert_eq!(id.to_string(), "MW-20260601-7107G760");
        assert_eq!(
            CompactId::new("RV-20260601-7107G760")
                .unwrap()
                .as_str()
                .get(..2),
            Some("RV")
        );
        for wrong in [
            "",
            "MW-2026060-7107G760",
            "mw-20260601-7107G760",
            "MW-20260601-7107G7600",
            "MW-20260601-7107G76U",
            "ÉW-20260601-7107G760",
        ] {
            assert_eq!(CompactId::new(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.toml");
        write_new(&path, b"een").unwrap();
        let err = write_new(&path, b"twee").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"een");
        // No temporary file is left behind, on success or failure.
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.toml"]);
    }

    #[test]
    fn ids_have_date_second_and_randomness() {
        let now: jiff::Timestamp = "2026-11-23T09:30:12Z".parse().unwrap();
        let a = new_id("MW", now);
        let b = new_id("MW", now);
        assert!(is_id("MW", &a), "{a}");
        assert!(a.starts_with("MW-20261123-"));
        assert_ne!(a, b);
        assert_eq!(a.len(), 20);
        // Same second: the first characters (the second of the day) agree.
        assert_eq!(a[..15], b[..15]);
        let later = new_id("MW", "2026-11-23T09:30:13Z".parse().unwrap());
        assert!(later > a, "ids sort by second");
        for bad in [
            "MW-20261123-K7QF2XA",
            "MW-2026112-K7QF2XAB",
            "KR-20261123-K7QF2XAB",
            "MW-20261123-K7QF2XAI",
        ] {
            assert!(!is_id("MW", bad), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn what_is_written_is_the_owners_alone_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("records/anna/a.toml");
        write_new(&path, b"een").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("records/anna")), 0o700);
        assert_eq!(mode(&dir.path().join("records")), 0o700);
    }

    #[test]
    fn locks_exclude_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.lock");
        let first = Lock::acquire(&path).unwrap();
        let file = OpenOptions::new().write(true).open(&path).unwrap();
        assert!(matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock)));
        drop(first);
        assert!(file.try_lock().is_ok());
    }
}
