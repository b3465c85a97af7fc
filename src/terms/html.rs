//! Streaming extraction of the visible text of an HTML document.
//!
//! Tags are removed, comments and the contents of `<script>` and `<style>` skipped, character
//! references (`&amp;`, `&#x8bc1;`, `&nbsp;` ...) decoded with the full HTML5 entity table (`htmlize`).
//! Block-level tags (`<p>`, `<div>`, `<br>`, `<li>`, headings, table rows ...) become a line break so the
//! extracted text stays readable; inline tags vanish, so `<b>包</b>过` reads `包过`. The extractor keeps
//! only a few bytes of state between pieces, so documents of any size can be fed in chunks. Match offsets
//! for HTML inputs refer to this extracted text.

/// Is this probably HTML? Looks at a file name's extension, then at the first bytes of the content.
pub fn looks_like_html(name: Option<&str>, head: &[u8]) -> bool {
    if let Some(name) = name {
        let lower = name.to_ascii_lowercase();
        if [".html", ".htm", ".xhtml"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            return true;
        }
    }
    let head = String::from_utf8_lossy(&head[..head.len().min(1024)]).to_ascii_lowercase();
    let trimmed = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<html")
        || head.contains("<body")
        || head.contains("<head>")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    #[default]
    Text,
    /// Just after `<`.
    TagStart,
    /// Inside a tag; `quote` is the open attribute quote, if any.
    Tag { quote: Option<char> },
    /// Inside `<!-- ... -->`; `dashes` counts trailing `-`.
    Comment { dashes: u8 },
    /// Inside `<!...>` or `<?...>`.
    Declaration,
    /// Inside `<script>` or `<style>`, looking for the closing tag.
    RawText,
    /// After `&`, collecting a character reference.
    Reference,
}

/// Incremental HTML-to-text converter. Feed pieces with [`push`](Self::push), end with
/// [`finish`](Self::finish).
#[derive(Debug, Default, Clone)]
pub struct HtmlText {
    state: State,
    /// Tag name (lower case) or reference being collected; bounded in length.
    buf: String,
    /// For raw text: the name of the element whose end tag ends it (`script` or `style`).
    raw_end: &'static str,
    /// For raw text: how much of `</name` has been seen.
    raw_matched: usize,
    tag_closing: bool,
    name_done: bool,
    comment_prefix: u8,
}

const MAX_REFERENCE: usize = 32;
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "nav",
    "aside",
    "main",
    "form",
    "option",
];

impl HtmlText {
    /// A converter at the start of a document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Converts the next piece of the document, appending visible text to `out`.
    pub fn push(&mut self, html: &str, out: &mut String) {
        for c in html.chars() {
            self.step(c, out);
        }
    }

    /// Flushes what is pending at the end of the document.
    pub fn finish(&mut self, out: &mut String) {
        match self.state {
            State::Reference => {
                out.push('&');
                out.push_str(&self.buf);
            }
            State::TagStart => out.push('<'),
            _ => {}
        }
        self.state = State::Text;
        self.buf.clear();
    }

    fn step(&mut self, c: char, out: &mut String) {
        match self.state {
            State::Text => match c {
                '<' => self.state = State::TagStart,
                '&' => {
                    self.buf.clear();
                    self.state = State::Reference;
                }
                _ => out.push(c),
            },
            State::TagStart => self.tag_start(c, out),
            State::Tag { quote } => self.in_tag(c, quote, out),
            State::Comment { dashes } => {
                self.state = match c {
                    '-' => State::Comment {
                        dashes: dashes.saturating_add(1),
                    },
                    '>' if dashes >= 2 => State::Text,
                    _ => State::Comment { dashes: 0 },
                }
            }
            State::Declaration => {
                if self.comment_prefix < 2 && c == '-' {
                    self.comment_prefix += 1;
                    if self.comment_prefix == 2 {
                        self.state = State::Comment { dashes: 0 };
                    }
                } else {
                    self.comment_prefix = 2;
                    if c == '>' {
                        self.state = State::Text;
                    }
                }
            }
            State::RawText => self.raw_text(c),
            State::Reference => self.reference(c, out),
        }
    }

    fn tag_start(&mut self, c: char, out: &mut String) {
        self.buf.clear();
        self.name_done = false;
        self.tag_closing = false;
        match c {
            '!' | '?' => {
                self.comment_prefix = if c == '!' { 0 } else { 2 };
                self.state = State::Declaration;
            }
            '/' => {
                self.tag_closing = true;
                self.state = State::Tag { quote: None };
            }
            c if c.is_ascii_alphabetic() => {
                self.buf.push(c.to_ascii_lowercase());
                self.state = State::Tag { quote: None };
            }
            _ => {
                // Not a tag: a literal `<`.
                out.push('<');
                self.state = State::Text;
                self.step(c, out);
            }
        }
    }

    fn in_tag(&mut self, c: char, quote: Option<char>, out: &mut String) {
        if let Some(q) = quote {
            if c == q {
                self.state = State::Tag { quote: None };
            }
            return;
        }
        match c {
            '"' | '\'' if self.name_done => self.state = State::Tag { quote: Some(c) },
            '>' => self.end_tag(out),
            c if !self.name_done && (c.is_ascii_alphanumeric() || c == '-') => {
                if self.buf.len() < 16 {
                    self.buf.push(c.to_ascii_lowercase());
                }
            }
            _ => self.name_done = true,
        }
    }

    fn end_tag(&mut self, out: &mut String) {
        self.state = State::Text;
        let name = self.buf.as_str();
        if BLOCK_TAGS.contains(&name) {
            out.push('\n');
        }
        if !self.tag_closing {
            self.raw_end = match name {
                "script" => "script",
                "style" => "style",
                _ => return,
            };
            self.raw_matched = 0;
            self.state = State::RawText;
        }
    }

    fn raw_text(&mut self, c: char) {
        let wanted = match self.raw_matched {
            0 => Some('<'),
            1 => Some('/'),
            n => self.raw_end[n - 2..].chars().next(),
        };
        match wanted {
            Some(w) if c.eq_ignore_ascii_case(&w) => self.raw_matched += 1,
            None if !c.is_ascii_alphanumeric() => {
                // `</script` complete: consume the rest of the end tag.
                self.buf.clear();
                self.name_done = true;
                self.tag_closing = true;
                self.state = State::Tag { quote: None };
                if c == '>' {
                    self.state = State::Text;
                }
            }
            _ => self.raw_matched = usize::from(c == '<'),
        }
    }

    fn reference(&mut self, c: char, out: &mut String) {
        if (c.is_ascii_alphanumeric() || c == '#') && self.buf.len() < MAX_REFERENCE {
            self.buf.push(c);
            return;
        }
        let mut reference = String::with_capacity(self.buf.len() + 2);
        reference.push('&');
        reference.push_str(&self.buf);
        if c == ';' {
            reference.push(';');
        }
        out.push_str(&htmlize::unescape(reference));
        self.buf.clear();
        self.state = State::Text;
        if c != ';' {
            self.step(c, out);
        }
    }
}

/// Extracts the visible text of a whole HTML document.
pub fn html_to_text(html: &str) -> String {
    let mut converter = HtmlText::new();
    let mut out = String::with_capacity(html.len() / 2);
    converter.push(html, &mut out);
    converter.finish(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_skips_script_and_style() {
        let html = "<html><head><style>p{color:red} /* 包过 */</style>\
            <script>var s = '<b>包过</b>';</script></head>\
            <body><p class=\"x>y\">国家<b>职业</b>资格</p><!-- 包过 --></body></html>";
        assert_eq!(html_to_text(html).trim(), "国家职业资格");
    }

    #[test]
    fn decodes_references() {
        assert_eq!(
            html_to_text("包&amp;过 &#x8bc1;&#20070; a&lt;b &nbsp;x"),
            "包&过 证书 a<b \u{a0}x"
        );
        assert_eq!(html_to_text("a & b"), "a & b");
        assert_eq!(html_to_text("1 < 2"), "1 < 2");
    }

    #[test]
    fn chunked_input_gives_the_same_text() {
        let html = "<p>三&#x5929;拿证</p><script>x<y</script><div>包<i>过</i></div>";
        let whole = html_to_text(html);
        for split in 1..html.len() {
            if !html.is_char_boundary(split) {
                continue;
            }
            let mut conv = HtmlText::new();
            let mut out = String::new();
            conv.push(&html[..split], &mut out);
            conv.push(&html[split..], &mut out);
            conv.finish(&mut out);
            assert_eq!(out, whole, "split at {split}");
        }
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html(Some("ad.HTML"), b""));
        assert!(looks_like_html(None, b"  <!DOCTYPE html><p>x"));
        assert!(!looks_like_html(Some("ad.txt"), "包过 <3".as_bytes()));
    }
}
