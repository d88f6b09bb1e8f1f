//! tccli's documents are HTML fragments (`<p>`, `<li>`, `<br>`, links); a spec's `doc` is plain
//! text, which every reader shows as it is (a page that put it in `innerHTML` would run what an
//! imported file holds). So the fragment becomes the text it reads as.

use alloc::string::String;

/// The text an HTML fragment reads as: list items on lines of their own marked `• `, breaks
/// and paragraphs as line breaks, a link as its text with its address after it, other tags
/// left out, the common entities decoded. Text that is not HTML comes back as it was.
pub fn plain_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.into();
    }
    // Entities first: some documents escape their markup once more (`&lt;li/&gt;`), and read
    // as a list all the same.
    let html = decoded(html);
    let mut out = String::with_capacity(html.len());
    let mut link: Option<String> = None;
    let mut rest = html.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A tag: `<` then a letter or `/`, up to `>`. Anything else is a `<` in the text.
        let is_tag = rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        let Some(end) = rest.find('>').filter(|_| is_tag) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("li", false) => out.push_str("\n• "),
            ("br" | "p" | "ul" | "ol", _) | ("li", true) => out.push('\n'),
            ("a", false) => link = href(tag),
            ("a", true) => {
                if let Some(url) = link.take() {
                    if !out.ends_with(url.as_str()) {
                        out.push_str(" (");
                        out.push_str(&url);
                        out.push(')');
                    }
                }
            }
            _ => {}
        }
    }
    out.push_str(rest);
    tidy(&out)
}

/// The common entities as the characters they stand for; any other `&` is left as it is.
fn decoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(name, _)| rest.starts_with(name)) {
            Some((name, ch)) => {
                out.push(*ch);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

const ENTITIES: [(&str, char); 7] =
    [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&'), ("&quot;", '"'), ("&#39;", '\''), ("&apos;", '\''), ("&nbsp;", ' ')];

/// The address of an `a` tag's `href`, quoted either way, its entities decoded.
fn href(tag: &str) -> Option<String> {
    let at = tag.find("href=")? + 5;
    let quote = tag[at..].chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &tag[at + 1..];
    let url = &value[..value.find(quote)?];
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.into())
}

/// Lines without trailing spaces, no more than one empty line in a row, none at either end.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 1 { "\n\n" } else { "\n" });
        }
        blank = 0;
        match line.strip_prefix("• ") {
            // An item written `<li> text`: one space after the mark.
            Some(item) => {
                out.push_str("• ");
                out.push_str(item.trim_start());
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tccli_document_reads_as_text() {
        assert_eq!(
            plain_text("系统盘类型。取值范围：<li>CLOUD_PREMIUM：高性能云硬盘</li><li>CLOUD_HSSD：增强型SSD云盘</li>默认取值：当前有库存的硬盘类型。"),
            "系统盘类型。取值范围：\n• CLOUD_PREMIUM：高性能云硬盘\n• CLOUD_HSSD：增强型SSD云盘\n默认取值：当前有库存的硬盘类型。"
        );
        assert_eq!(
            plain_text(
                r#"见<a href="https://cloud.tencent.com/document/api/409/16773">DescribeDBInstances</a>。<br/>a &lt; b &amp;&amp; c"#
            ),
            "见DescribeDBInstances (https://cloud.tencent.com/document/api/409/16773)。\na < b && c"
        );
        assert_eq!(plain_text("<p>one</p><p>two <strong>bold</strong> <code>x</code></p>"), "one\ntwo bold x");
    }

    #[test]
    fn markup_escaped_once_more_reads_as_markup() {
        assert_eq!(
            plain_text("取值范围：&lt;li/&gt; true：开启&lt;li/&gt; false：关闭"),
            "取值范围：\n• true：开启\n• false：关闭"
        );
    }

    #[test]
    fn text_that_is_not_html_is_left_as_it_is() {
        for text in ["a < b and c > d", "R&D", "1<2", "plain", ""] {
            assert_eq!(plain_text(text), text);
        }
        // No script survives as markup: it is text, and a page shows it as text.
        assert_eq!(plain_text("<script>alert(1)</script>"), "alert(1)");
    }
}
