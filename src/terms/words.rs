//! Word boundaries from Chinese word segmentation: a two-character phrase that starts inside a
//! longer word is not that phrase. 代考 in 交代考场 is 交代 + 考场, 包过 in 面包过期 is 面包 + 过期,
//! 国家 in 中国家庭 is 中国 + 家庭, 替考 in 代替考试 is 代替 + 考试.
//!
//! The segmenter is jieba ([`jieba_rs`], its embedded dictionary of about 350 000 words, HMM off so
//! that only dictionary words join characters). Only the phrase's *start* is checked: a word that
//! runs on past the phrase's end is often the ad itself (代考试, 代考证, 包过关, 速成班), while a word
//! that began before it almost never is. The dictionary is loaded on the first check in a process
//! (about 0.3 s and 35 MB), so a text with no two-character match never pays for it.

use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::normalize::is_han;

/// Characters of context either side of the phrase handed to the segmenter: enough for the words
/// around it, few enough that a check costs microseconds.
const CONTEXT_CHARS: usize = 6;

static SEGMENTER: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Whether the phrase at `start..end` (byte offsets into normalised `text`, two Chinese characters)
/// begins inside a word that the segmenter joins across its first character, i.e. with the character
/// before it. Always false when the character before is not Chinese (a digit, a letter, the start).
pub(super) fn starts_inside_word(text: &str, start: usize, end: usize) -> bool {
    if !text[..start].chars().next_back().is_some_and(is_han) {
        return false;
    }
    let from = text[..start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(start, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| end + i);
    let phrase_start = start - from;
    SEGMENTER
        .cut(&text[from..to], false)
        .iter()
        .any(|word| word.byte_start < phrase_start && word.byte_end > phrase_start)
}

/// Whether `text[start..end]` is exactly two Chinese characters.
pub(super) fn is_two_han(text: &str, start: usize, end: usize) -> bool {
    let mut chars = text[start..end].chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(a), Some(b), None) if is_han(a) && is_han(b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, phrase: &str) -> bool {
        let start = text.find(phrase).expect("phrase in text");
        starts_inside_word(text, start, start + phrase.len())
    }

    #[test]
    fn a_phrase_inside_a_longer_word_is_found() {
        assert!(check("监考老师先交代考场纪律", "代考"));
        assert!(check("这件瓷器的年代考证还有争议", "代考"));
        assert!(check("有的学校用平时成绩代替考试成绩", "替考"));
        assert!(check("面包过期了", "包过"));
        assert!(check("中国家庭", "国家"));
    }

    #[test]
    fn an_ad_phrase_is_not() {
        assert!(!check("电工证考试包过", "包过"));
        assert!(!check("高级电工证代考", "代考"));
        assert!(!check("找人替考", "替考"));
        assert!(!check("科目1代考", "代考")); // numerals are digits after normalisation
        assert!(!check("代考证", "代考")); // a word past the end does not count
        assert!(!check("包过关", "包过"));
        assert!(!check("包过", "包过"));
    }

    #[test]
    fn two_han() {
        assert!(is_two_han("a包过", 1, 7));
        assert!(!is_two_han("包过关", 0, 9));
        assert!(!is_two_han("b过", 0, 4));
    }
}
