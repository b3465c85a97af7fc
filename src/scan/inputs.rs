//! Turning the command line's paths into a lazy stream of files to scan.
//!
//! Folders are walked recursively in file-name order (so runs are repeatable), following symbolic
//! links with loop detection. Nothing is collected: the scan pulls one path at a time, so memory
//! does not grow with the folder. Every problem (a missing path, a symlink loop, an unreadable
//! folder) becomes an [`Input::Unreadable`] item that the scan reports as a result line.

use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One thing to scan, or one path that could not be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file to decode and analyse.
    File(PathBuf),
    /// A path that could not be walked; `message` says why.
    Unreadable {
        /// The path involved.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

impl Input {
    /// The path this item is about.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(path) | Input::Unreadable { path, .. } => path,
        }
    }
}

/// Expands command-line paths: `-` reads more paths from standard input (one per line, any
/// bytes), folders are walked recursively, files are passed through.
pub fn expand(args: Vec<PathBuf>) -> impl Iterator<Item = Input> + Send {
    args.into_iter()
        .flat_map(|arg| -> Box<dyn Iterator<Item = Input> + Send> {
            if arg.as_os_str() == "-" {
                Box::new(stdin_paths().flat_map(walk))
            } else {
                Box::new(walk(arg))
            }
        })
}

/// Paths listed on standard input, one per line; empty lines are skipped.
fn stdin_paths() -> impl Iterator<Item = PathBuf> + Send {
    // A BufReader over Stdin (not a StdinLock) so the stream can move to the feeder thread.
    std::io::BufReader::new(std::io::stdin())
        .split(b'\n')
        .map_while(Result::ok)
        .filter_map(|mut line| {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            (!line.is_empty()).then(|| bytes_to_path(line))
        })
}

#[cfg(unix)]
fn bytes_to_path(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn bytes_to_path(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Walks one path: a file yields itself, a folder its files (recursively), anything else an error.
pub fn walk(root: PathBuf) -> impl Iterator<Item = Input> + Send {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(entry) if entry.file_type().is_dir() => None,
            Ok(entry) => Some(Input::File(entry.into_path())),
            Err(err) => Some(walk_error(err)),
        })
}

fn walk_error(err: walkdir::Error) -> Input {
    let path = err.path().map(Path::to_path_buf).unwrap_or_default();
    let message = match (err.loop_ancestor(), err.io_error()) {
        (Some(ancestor), _) => format!("symbolic link loop back to {}", ancestor.display()),
        (None, Some(io)) if io.kind() == std::io::ErrorKind::NotFound => {
            "no such file or folder".to_string()
        }
        (None, Some(io)) => format!("cannot read: {io}"),
        (None, None) => err.to_string(),
    };
    Input::Unreadable { path, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn walks_folders_in_name_order_and_reports_missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.png"), b"x").unwrap();
        fs::write(dir.path().join("a.jpg"), b"x").unwrap();
        fs::write(dir.path().join("sub/c.gif"), b"x").unwrap();
        let missing = dir.path().join("missing");
        let items: Vec<Input> = expand(vec![dir.path().to_path_buf(), missing.clone()]).collect();
        let names: Vec<String> = items
            .iter()
            .map(|i| {
                i.path()
                    .strip_prefix(dir.path())
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["a.jpg", "b.png", "sub/c.gif", "missing"]);
        assert!(
            matches!(&items[3], Input::Unreadable { message, .. } if message.contains("no such"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error_item_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("d")).unwrap();
        fs::write(dir.path().join("d/x.png"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("d"), dir.path().join("d/loop")).unwrap();
        let items: Vec<Input> = walk(dir.path().to_path_buf()).collect();
        assert!(
            items
                .iter()
                .any(|i| matches!(i, Input::File(p) if p.ends_with("x.png")))
        );
        assert!(
            items.iter().any(
                |i| matches!(i, Input::Unreadable { message, .. } if message.contains("loop"))
            )
        );
    }
}
