//! oxidizr: switch an Arch system's coreutils between GNU and uutils.
//!
//! `oxidizr use uutils` puts links to uutils' `uu-*` programs in a directory
//! that comes before /usr/bin on PATH (/usr/local/bin); `oxidizr use gnu`
//! (or `restore`) removes them again, so the GNU programs are found.
//! `oxidizr status` prints which implementation is active.
//!
//! OXIDIZR_BIN_DIR and OXIDIZR_UUTILS_DIR change the two directories.

use std::env;
use std::fs;
use std::io;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The programs switched; `ls` decides what `status` reports.
const APPLETS: &[&str] = &[
    "cat", "cp", "date", "echo", "head", "ls", "mkdir", "mv", "rm", "sort", "tail", "touch",
    "uname", "wc",
];
const PREFIX: &str = "uu-";

struct Dirs {
    bin: PathBuf,
    uutils: PathBuf,
}

impl Dirs {
    fn from_env() -> Dirs {
        let dir = |var: &str, default: &str| {
            PathBuf::from(env::var_os(var).unwrap_or_else(|| default.into()))
        };
        Dirs {
            bin: dir("OXIDIZR_BIN_DIR", "/usr/local/bin"),
            uutils: dir("OXIDIZR_UUTILS_DIR", "/usr/bin"),
        }
    }
}

/// Whether PATH is a link this tool made: one to a `uu-` program.
fn ours(path: &Path) -> bool {
    match fs::read_link(path) {
        Ok(target) => target
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(PREFIX)),
        Err(_) => false,
    }
}

fn status(d: &Dirs) -> &'static str {
    if ours(&d.bin.join("ls")) {
        "uutils"
    } else {
        "gnu"
    }
}

fn use_uutils(d: &Dirs) -> io::Result<usize> {
    let probe = d.uutils.join(format!("{PREFIX}ls"));
    if !probe.exists() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("uutils-coreutils is not installed (no {})", probe.display()),
        ));
    }
    fs::create_dir_all(&d.bin)?;
    let mut linked = 0;
    for name in APPLETS {
        let target = d.uutils.join(format!("{PREFIX}{name}"));
        let link = d.bin.join(name);
        if !target.exists() {
            continue;
        }
        if link.symlink_metadata().is_ok() {
            if !ours(&link) {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} exists and is not oxidizr's", link.display()),
                ));
            }
            fs::remove_file(&link)?;
        }
        symlink(&target, &link)?;
        linked += 1;
    }
    Ok(linked)
}

fn use_gnu(d: &Dirs) -> io::Result<usize> {
    let mut removed = 0;
    for name in APPLETS {
        let link = d.bin.join(name);
        if ours(&link) {
            fs::remove_file(&link)?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn usage() -> ExitCode {
    eprintln!("usage: oxidizr --version | status | use uutils|gnu | restore");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let d = Dirs::from_env();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let done = match args.as_slice() {
        ["--version"] => {
            println!("oxidizr {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        ["status"] => {
            println!("coreutils: {}", status(&d));
            return ExitCode::SUCCESS;
        }
        ["use", "uutils"] => use_uutils(&d).map(|n| format!("linked {n} programs to uutils")),
        ["use", "gnu"] | ["restore"] => use_gnu(&d).map(|n| format!("removed {n} links: GNU coreutils")),
        ["use", other] => {
            eprintln!("oxidizr: unknown implementation \"{other}\" (expected uutils or gnu)");
            return ExitCode::from(2);
        }
        _ => return usage(),
    };
    match done {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("oxidizr: {e}");
            ExitCode::FAILURE
        }
    }
}
