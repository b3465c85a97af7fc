//! Scanning text that is too large (or arrives too slowly) to hold at once, in overlapping chunks.
//!
//! Text is collected into a window of about [`ChunkOptions::chunk_bytes`]. When the window is full it
//! is matched, and matches that *start* before `window end - overlap/2` characters are committed; the
//! last `overlap` characters are kept as the start of the next window. Matches starting in the last
//! half of the overlap are therefore decided by the next window, which sees at least `overlap/2`
//! characters on both sides of them — enough for every phrase, context window and `unless` phrase as
//! long as a match's original span (separators included) is shorter than `overlap/2` characters.

use super::{Match, Matcher};

/// How large texts are split. The defaults (4 MiB windows, 1024 characters of overlap) keep memory
/// bounded at a few times the window size whatever the input size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkOptions {
    /// Window size in bytes of (decoded) text before a window is matched.
    pub chunk_bytes: usize,
    /// Characters shared by consecutive windows.
    pub overlap_chars: usize,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions {
            chunk_bytes: 4 << 20,
            overlap_chars: 1024,
        }
    }
}

impl ChunkOptions {
    /// Keeps the options in the range the matcher supports (windows below 1 GiB, overlap ≥ 2).
    pub(crate) fn sanitized(self) -> Self {
        ChunkOptions {
            chunk_bytes: self.chunk_bytes.clamp(16, 1 << 30),
            overlap_chars: self.overlap_chars.max(2),
        }
    }
}

/// A scan in progress: feed text with [`push`](Self::push), get the matches with
/// [`finish`](Self::finish). Offsets are character offsets from the start of all text pushed.
#[derive(Debug)]
pub struct ChunkedScan<'m> {
    matcher: &'m Matcher,
    options: ChunkOptions,
    /// The current window.
    window: String,
    /// Absolute character offset of `window[0]`.
    window_base: usize,
    /// Matches starting before this absolute offset have been decided.
    committed_until: usize,
    /// End of the last committed match (keeps the output non-overlapping across windows).
    last_end: usize,
    matches: Vec<Match>,
}

impl<'m> ChunkedScan<'m> {
    /// Starts a scan with explicit chunking options.
    pub fn new(matcher: &'m Matcher, options: ChunkOptions) -> Self {
        ChunkedScan {
            matcher,
            options: options.sanitized(),
            window: String::new(),
            window_base: 0,
            committed_until: 0,
            last_end: 0,
            matches: Vec::new(),
        }
    }

    /// Appends text; matches windows as they fill up.
    pub fn push(&mut self, mut text: &str) {
        while !text.is_empty() {
            let room = self
                .options
                .chunk_bytes
                .saturating_sub(self.window.len())
                .max(4);
            let mut take = room.min(text.len());
            while !text.is_char_boundary(take) {
                take += 1;
            }
            self.window.push_str(&text[..take]);
            text = &text[take..];
            if self.window.len() >= self.options.chunk_bytes {
                self.match_window(false);
            }
        }
    }

    /// Matches what is left and returns all matches, sorted by start and non-overlapping.
    pub fn finish(mut self) -> Vec<Match> {
        self.match_window(true);
        self.matches
    }

    /// Matches committed so far (all of them once the scan is finished).
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    fn match_window(&mut self, last: bool) {
        let window_chars = self.window.chars().count();
        let overlap = self.options.overlap_chars;
        if !last && window_chars <= overlap {
            return; // wait for more text: the window must be longer than what it keeps
        }
        let boundary = if last {
            usize::MAX
        } else {
            self.window_base + window_chars - overlap / 2
        };
        for mut m in self.matcher.find_in_window(&self.window) {
            m.start += self.window_base;
            m.end += self.window_base;
            let decided_elsewhere = m.start < self.committed_until || m.start >= boundary;
            if decided_elsewhere || m.start < self.last_end {
                continue;
            }
            self.last_end = m.end;
            self.matches.push(m);
        }
        self.committed_until = boundary;
        if !last {
            let keep_from = self
                .window
                .char_indices()
                .rev()
                .nth(overlap - 1)
                .map_or(0, |(i, _)| i);
            self.window.drain(..keep_from);
            self.window_base += window_chars - overlap;
        }
    }
}
