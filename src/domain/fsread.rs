//! Reading a store that someone may have tampered with. A reader never
//! follows a symbolic link, never opens a FIFO, socket or device (so it
//! never blocks), and never reads more than a file of its kind can hold.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// What a directory entry is, without following links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
    /// A FIFO, socket or device.
    Special,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file but a {0}")]
    NotAFile(&'static str),
    #[error("larger than {max} bytes")]
    TooLarge { max: u64 },
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// The most a file of each kind may hold.
pub mod limit {
    /// A record, signal, review or adoption.
    pub const SIGNED_FILE: u64 = 1024 * 1024;
    /// An armored SSHSIG signature.
    pub const SIGNATURE: u64 = 16 * 1024;
    /// A keyring change or `store.toml`.
    pub const SMALL_FILE: u64 = 64 * 1024;
    /// A norm.
    pub const NORM: u64 = 1024 * 1024;
}

fn kind_of(t: fs::FileType) -> Kind {
    if t.is_symlink() {
        Kind::Symlink
    } else if t.is_dir() {
        Kind::Dir
    } else if t.is_file() {
        Kind::File
    } else {
        Kind::Special
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::File => "file",
        Kind::Dir => "directory",
        Kind::Symlink => "symbolic link",
        Kind::Special => "FIFO, socket or device",
    }
}

/// What is at `path`, without following a link; `None` when nothing is.
pub fn kind(path: &Path) -> io::Result<Option<Kind>> {
    match fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(kind_of(m.file_type()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// A directory's entries, sorted by name, their names held in one string:
/// a directory of a hundred thousand files is listed in a few allocations,
/// not a hundred thousand.
#[derive(Debug, Default)]
pub struct Listing {
    text: String,
    /// Where each name starts and ends in `text`, and what it is.
    entries: Vec<(u32, u32, Kind)>,
}

impl Listing {
    fn name(&self, (start, end, _): (u32, u32, Kind)) -> &str {
        let span = usize::try_from(start).unwrap_or(usize::MAX)..usize::try_from(end).unwrap_or(0);
        self.text.get(span).unwrap_or_default()
    }

    /// Each entry's name and what it is, in the order of their names.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Kind)> {
        self.entries.iter().map(|&e| (self.name(e), e.2))
    }

    /// Whether `name` is in it and a regular file.
    pub fn has_file(&self, name: &str) -> bool {
        self.entries
            .binary_search_by(|&e| self.name(e).cmp(name))
            .is_ok_and(|i| self.entries[i].2 == Kind::File)
    }
}

/// The entries of `dir` ([`Listing`]), links not followed; and the names
/// that are not UTF-8, which no store file has.
pub fn listing(dir: &Path) -> io::Result<(Listing, Vec<OsString>)> {
    let mut listing = Listing::default();
    let mut odd = Vec::new();
    let too_large = || io::Error::other("the directory's names take more than 4 GB");
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = match entry.file_type() {
            Ok(t) => kind_of(t),
            Err(_) => kind(&entry.path())?.unwrap_or(Kind::Special),
        };
        let name = entry.file_name();
        let Some(text) = name.to_str() else {
            odd.push(name);
            continue;
        };
        let start = u32::try_from(listing.text.len()).map_err(|_| too_large())?;
        listing.text.push_str(text);
        let end = u32::try_from(listing.text.len()).map_err(|_| too_large())?;
        listing.entries.push((start, end, kind));
    }
    let Listing { text, entries } = &mut listing;
    let name = |&(start, end, _): &(u32, u32, Kind)| {
        let span = usize::try_from(start).unwrap_or(usize::MAX)..usize::try_from(end).unwrap_or(0);
        text.get(span).unwrap_or_default()
    };
    entries.sort_unstable_by(|a, b| name(a).cmp(name(b)));
    Ok((listing, odd))
}

/// The entries of `dir` with what each is, sorted by name; links are not
/// followed.
pub fn list(dir: &Path) -> io::Result<Vec<(OsString, Kind)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        // The type comes with the listing on most systems: no stat per file.
        let kind = match entry.file_type() {
            Ok(t) => kind_of(t),
            Err(_) => kind(&entry.path())?.unwrap_or(Kind::Special),
        };
        out.push((entry.file_name(), kind));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// How many entries of `dir` have names ending in `suffix`, counted
/// without keeping their names; 0 when it cannot be listed.
#[cfg(unix)]
pub fn count(dir: &Path, suffix: &str) -> usize {
    use rustix::fs::{Mode, OFlags, open};
    let Ok(fd) = open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    ) else {
        return 0;
    };
    let Ok(mut entries) = rustix::fs::Dir::read_from(&fd) else {
        return 0;
    };
    let mut n = 0;
    while let Some(Ok(entry)) = entries.read() {
        n += usize::from(entry.file_name().to_bytes().ends_with(suffix.as_bytes()));
    }
    n
}

#[cfg(not(unix))]
pub fn count(dir: &Path, suffix: &str) -> usize {
    list(dir).map_or(0, |l| {
        l.iter()
            .filter(|(n, _)| n.to_str().is_some_and(|n| n.ends_with(suffix)))
            .count()
    })
}

/// The bytes of the regular file at `path`, at most `max` of them.
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path)?;
    read_open(file, size, max)
}

/// The text of the regular file at `path`, at most `max` bytes.
pub fn read_text(path: &Path, max: u64) -> Result<String, ReadError> {
    text(read(path, max)?)
}

fn text(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, e)))
}

/// Reads the `size` bytes the file had when it was opened. A file that
/// grows meanwhile is read as it was; one that shrinks, as far as it goes.
fn read_open(file: File, size: u64, max: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    read_open_into(file, size, max, &mut bytes)?;
    Ok(bytes)
}

/// As [`read_open`], into `bytes` (cleared first), reusing its memory.
fn read_open_into(
    mut file: File,
    size: u64,
    max: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), ReadError> {
    if size > max {
        return Err(ReadError::TooLarge { max });
    }
    bytes.clear();
    bytes.resize(
        usize::try_from(size).map_err(|_| ReadError::TooLarge { max })?,
        0,
    );
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    bytes.truncate(filled);
    Ok(())
}

/// A directory opened once to read many files in it: each is opened
/// relative to it, so the path is not walked again and a directory
/// swapped for a link meanwhile is not followed.
pub struct Dir {
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
    #[cfg(not(unix))]
    path: std::path::PathBuf,
}

impl Dir {
    /// Opens the directory at `path`, which must not be a link.
    #[cfg(unix)]
    pub fn open(path: &Path) -> Result<Self, ReadError> {
        use rustix::fs::{Mode, OFlags, open};
        let fd = open(
            path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(open_error)?;
        Ok(Self { fd })
    }

    #[cfg(not(unix))]
    pub fn open(path: &Path) -> Result<Self, ReadError> {
        match kind(path)? {
            Some(Kind::Dir) => Ok(Self {
                path: path.to_path_buf(),
            }),
            Some(other) => Err(ReadError::NotAFile(kind_name(other))),
            None => Err(ReadError::Io(io::Error::from(io::ErrorKind::NotFound))),
        }
    }

    /// The bytes of the regular file `name` in this directory, at most
    /// `max` of them.
    pub fn read(&self, name: &str, max: u64) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        self.read_into(name, max, &mut bytes)?;
        Ok(bytes)
    }

    /// As [`Dir::read`], into `bytes` (cleared first), reusing its memory:
    /// for reading many files one after another.
    pub fn read_into(&self, name: &str, max: u64, bytes: &mut Vec<u8>) -> Result<(), ReadError> {
        #[cfg(unix)]
        let (file, size) = {
            use rustix::fs::{Mode, OFlags, openat};
            let fd = openat(
                &self.fd,
                name,
                OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .map_err(open_error)?;
            regular(File::from(fd))?
        };
        #[cfg(not(unix))]
        let (file, size) = open_regular(&self.path.join(name))?;
        read_open_into(file, size, max, bytes)
    }
}

#[cfg(unix)]
fn open_error(e: rustix::io::Errno) -> ReadError {
    match e {
        // O_NOFOLLOW on a link.
        rustix::io::Errno::LOOP => ReadError::NotAFile(kind_name(Kind::Symlink)),
        // O_DIRECTORY on something else.
        rustix::io::Errno::NOTDIR => ReadError::NotAFile("file that is not a directory"),
        other => ReadError::Io(io::Error::from(other)),
    }
}

/// Opens `path` for reading only when it is a regular file: not through a
/// link, and without blocking on a FIFO or device. Gives its size too.
#[cfg(unix)]
fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    use rustix::fs::{Mode, OFlags, open};
    let fd = open(
        path,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(open_error)?;
    regular(File::from(fd))
}

/// `file` with its size when it is a regular file.
#[cfg(unix)]
fn regular(file: File) -> Result<(File, u64), ReadError> {
    let meta = file.metadata()?;
    if meta.file_type().is_file() {
        Ok((file, meta.len()))
    } else {
        Err(ReadError::NotAFile(kind_name(kind_of(meta.file_type()))))
    }
}

#[cfg(not(unix))]
fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    match kind(path)? {
        Some(Kind::File) => {
            let file = File::open(path)?;
            let size = file.metadata()?.len();
            Ok((file, size))
        }
        Some(other) => Err(ReadError::NotAFile(kind_name(other))),
        None => Err(ReadError::Io(io::Error::from(io::ErrorKind::NotFound))),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_within_their_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "id = 1\n").unwrap();
        assert_eq!(read(&path, 100).unwrap(), b"id = 1\n");
        assert!(matches!(
            read(&path, 3),
            Err(ReadError::TooLarge { max: 3 })
        ));
        assert!(
            read(&dir.path().join("nergens"), 100)
                .unwrap_err()
                .is_not_found()
        );
    }

    #[test]
    fn links_fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(read(&link, 100), Err(ReadError::NotAFile(_))));
        let fifo = dir.path().join("fifo.toml");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        // Would block for ever if opened for reading without O_NONBLOCK.
        assert!(matches!(read(&fifo, 100), Err(ReadError::NotAFile(_))));
        assert_eq!(kind(&fifo).unwrap(), Some(Kind::Special));
        assert_eq!(kind(&link).unwrap(), Some(Kind::Symlink));
        assert!(matches!(
            read(Path::new("/dev/null"), 100),
            Err(ReadError::NotAFile(_))
        ));
        let listed = list(dir.path()).unwrap();
        assert_eq!(
            listed,
            [
                (OsString::from("fifo.toml"), Kind::Special),
                (OsString::from("link.toml"), Kind::Symlink)
            ]
        );
    }

    /// A listing holds its names in one string, sorted as the names sort,
    /// with what each is; a name that is not UTF-8 is given apart.
    #[test]
    fn a_listing_is_sorted_and_knows_its_files() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.toml", "a.toml.sig", "a.toml"] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        fs::create_dir(dir.path().join("c.toml")).unwrap();
        fs::write(
            dir.path().join(std::ffi::OsStr::from_bytes(b"\xff.toml")),
            "",
        )
        .unwrap();
        let (listing, odd) = listing(dir.path()).unwrap();
        let names: Vec<(&str, Kind)> = listing.iter().collect();
        assert_eq!(
            names,
            [
                ("a.toml", Kind::File),
                ("a.toml.sig", Kind::File),
                ("b.toml", Kind::File),
                ("c.toml", Kind::Dir)
            ]
        );
        assert!(listing.has_file("a.toml.sig"));
        assert!(!listing.has_file("c.toml"), "a directory is no file");
        assert!(!listing.has_file("d.toml"));
        assert_eq!(
            odd,
            [OsString::from(std::ffi::OsStr::from_bytes(b"\xff.toml"))]
        );
    }
}
