//! Splitting one shell command into words the way a POSIX shell (and bash's `$'…'`) would,
//! without running or expanding anything: `$VAR` stays as written.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};

/// One word and the line (1-based) it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub line: usize,
}

/// The words of the first command in `text`. Single quotes, double quotes with backslash
/// escapes, ANSI-C `$'…'`, backslash-newline continuations and `#` comments are understood;
/// the command ends at an unquoted `|`, `;` or `&&` (so `curl … | jq .` reads the curl part).
pub fn split_words(text: &str) -> Result<Vec<Word>> {
    let mut lexer = Lexer { chars: text.chars().collect(), pos: 0, line: 1 };
    lexer.words()
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: usize,
}

fn unterminated(what: &str, what_zh: &str, line: usize) -> Error {
    Error::at(ErrorKind::InvalidField, format!("line {line}"), format!("{what} is never closed"))
        .zh(format!("{what_zh}没有闭合。"))
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    /// A backslash followed by a line break (LF or CRLF): both vanish.
    fn continuation(&mut self) -> bool {
        match (self.peek(0), self.peek(1), self.peek(2)) {
            (Some('\\'), Some('\n'), _) => {
                self.bump();
                self.bump();
                true
            }
            (Some('\\'), Some('\r'), Some('\n')) => {
                self.pos += 1;
                self.bump();
                self.bump();
                true
            }
            _ => false,
        }
    }

    fn words(&mut self) -> Result<Vec<Word>> {
        let mut words = Vec::new();
        loop {
            loop {
                if self.continuation() {
                    continue;
                }
                if self.peek(0).is_some_and(char::is_whitespace) {
                    self.bump();
                    continue;
                }
                break;
            }
            match self.peek(0) {
                None => return Ok(words),
                Some('#') => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                Some('|' | ';') => return Ok(words),
                Some('&') if self.peek(1) == Some('&') => return Ok(words),
                Some(_) => {
                    let line = self.line;
                    let text = self.word()?;
                    words.push(Word { text, line });
                }
            }
        }
    }

    fn word(&mut self) -> Result<String> {
        let mut bytes: Vec<u8> = Vec::new();
        let start_line = self.line;
        loop {
            if self.continuation() {
                continue;
            }
            let Some(c) = self.peek(0) else { break };
            match c {
                c if c.is_whitespace() => break,
                '|' | ';' => break,
                '&' if self.peek(1) == Some('&') => break,
                '&' | '<' | '>' | '(' | ')' | '`' => {
                    return Err(Error::at(
                        ErrorKind::InvalidField,
                        format!("line {}", self.line),
                        format!("an unquoted '{c}' is shell syntax, not part of a word; put the word in single quotes"),
                    )
                    .zh(format!("未加引号的 '{c}' 是 shell 语法，不属于单词；请把该单词放进单引号。")))
                }
                '\'' => {
                    let line = self.line;
                    self.bump();
                    loop {
                        match self.bump() {
                            None => return Err(unterminated("a single quote", "单引号", line)),
                            Some('\'') => break,
                            Some(c) => push_char(&mut bytes, c),
                        }
                    }
                }
                '"' => {
                    self.bump();
                    self.double_quoted(&mut bytes)?;
                }
                '$' if self.peek(1) == Some('\'') => {
                    self.bump();
                    self.bump();
                    self.ansi_c(&mut bytes)?;
                }
                '$' if self.peek(1) == Some('"') => {
                    self.bump();
                    self.bump();
                    self.double_quoted(&mut bytes)?;
                }
                '\\' => {
                    self.bump();
                    match self.bump() {
                        Some(c) => push_char(&mut bytes, c),
                        None => push_char(&mut bytes, '\\'),
                    }
                }
                c => {
                    self.bump();
                    push_char(&mut bytes, c);
                }
            }
        }
        String::from_utf8(bytes).map_err(|_| {
            Error::at(
                ErrorKind::InvalidUtf8,
                format!("line {start_line}"),
                "an escape in a $'…' word makes invalid UTF-8",
            )
            .zh("$'…' 中的转义产生了无效的 UTF-8。")
        })
    }

    /// Inside `"…"` a backslash only escapes `$`, `` ` ``, `"`, `\` and a line break.
    fn double_quoted(&mut self, bytes: &mut Vec<u8>) -> Result<()> {
        let line = self.line;
        loop {
            if self.continuation() {
                continue;
            }
            match self.bump() {
                None => return Err(unterminated("a double quote", "双引号", line)),
                Some('"') => return Ok(()),
                Some('\\') => match self.peek(0) {
                    Some(c @ ('$' | '`' | '"' | '\\')) => {
                        self.bump();
                        push_char(bytes, c);
                    }
                    _ => bytes.push(b'\\'),
                },
                Some(c) => push_char(bytes, c),
            }
        }
    }

    /// bash's `$'…'`: C escapes, `\xHH`, `\uHHHH`, `\UHHHHHHHH`, octal `\NNN`, `\cX`.
    fn ansi_c(&mut self, bytes: &mut Vec<u8>) -> Result<()> {
        let line = self.line;
        loop {
            let c = self.bump().ok_or_else(|| unterminated("a $' quote", "$' 引号", line))?;
            match c {
                '\'' => return Ok(()),
                '\\' => {
                    let e = self.bump().ok_or_else(|| unterminated("a $' quote", "$' 引号", line))?;
                    match e {
                        'a' => bytes.push(0x07),
                        'b' => bytes.push(0x08),
                        'e' | 'E' => bytes.push(0x1b),
                        'f' => bytes.push(0x0c),
                        'n' => bytes.push(b'\n'),
                        'r' => bytes.push(b'\r'),
                        't' => bytes.push(b'\t'),
                        'v' => bytes.push(0x0b),
                        '\\' | '\'' | '"' | '?' => push_char(bytes, e),
                        'x' => {
                            let v = self.digits(16, 2);
                            match v {
                                Some(v) => bytes.push(v as u8),
                                None => bytes.extend_from_slice(b"\\x"),
                            }
                        }
                        'u' | 'U' => {
                            let max = if e == 'u' { 4 } else { 8 };
                            match self.digits(16, max) {
                                Some(v) => push_char(bytes, char::from_u32(v).unwrap_or('\u{fffd}')),
                                None => {
                                    bytes.push(b'\\');
                                    push_char(bytes, e);
                                }
                            }
                        }
                        '0'..='7' => {
                            self.pos -= 1;
                            let v = self.digits(8, 3).unwrap_or(0);
                            bytes.push((v & 0xff) as u8);
                        }
                        'c' => {
                            let x = self.bump().ok_or_else(|| unterminated("a $' quote", "$' 引号", line))?;
                            bytes.push((x as u32 & 0x1f) as u8);
                        }
                        other => {
                            bytes.push(b'\\');
                            push_char(bytes, other);
                        }
                    }
                }
                c => push_char(bytes, c),
            }
        }
    }

    /// Up to `max` digits in `radix`; `None` when there is not even one.
    fn digits(&mut self, radix: u32, max: usize) -> Option<u32> {
        let mut value: u32 = 0;
        let mut n = 0;
        while n < max {
            match self.peek(0).and_then(|c| c.to_digit(radix)) {
                Some(d) => {
                    value = value.wrapping_mul(radix).wrapping_add(d);
                    self.pos += 1;
                    n += 1;
                }
                None => break,
            }
        }
        (n > 0).then_some(value)
    }
}

fn push_char(bytes: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split_words(s).unwrap().into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn quotes_escapes_and_continuations() {
        assert_eq!(texts("curl 'a b' \"c \\\"d\\\" \\n $x\" e\\ f"), ["curl", "a b", "c \"d\" \\n $x", "e f"]);
        assert_eq!(texts("a \\\n  b \\\r\n c"), ["a", "b", "c"]);
        assert_eq!(texts("'it'\\''s'"), ["it's"]);
        assert_eq!(texts("$'a\\tb\\x41\\u00e9\\101\\'q'"), ["a\tbAéA'q"]);
        assert_eq!(texts("$'\\xc3\\xa9'"), ["é"]);
        assert_eq!(texts("# note\ncurl x # trailing\n"), ["curl", "x"]);
        assert_eq!(texts("curl x | jq ."), ["curl", "x"]);
        assert_eq!(texts("'X: '\"${TOKEN}\""), ["X: ${TOKEN}"]);
    }

    #[test]
    fn broken_quoting_names_the_line() {
        let e = split_words("curl \\\n 'abc").unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidField, Some("line 2")));
        assert!(split_words("curl \"x").is_err());
        assert!(split_words("curl $'x").is_err());
        assert!(split_words("curl a&b").is_err());
        assert_eq!(split_words("$'\\xff'").unwrap_err().kind, ErrorKind::InvalidUtf8);
    }
}
