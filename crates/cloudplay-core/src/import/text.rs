//! tccli's documents are HTML fragments (`<p>`, `<li>`, `<br>`, links); a spec's `doc` is plain
//! text, which every reader shows as it is (a page that put it in `innerHTML` would run what an
//! imported file holds). So the fragment becomes the text it reads as.

use alloc::string::String;

/// The text an HTML fragment reads as: list items on lines of their own marked `• `, breaks
/// as line breaks and paragraphs apart, a link as its text with its address after it, the
/// other tags documents use ([`TAGS`]) left out, the common entities decoded. A `<` that begins
/// no such tag is text (`<region>-<zone>`), and text without markup keeps its lines as they were.
pub fn plain_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.into();
    }
    // Entities first: some documents escape their markup once more (`&lt;li/&gt;`), and read
    // as a list all the same.
    let html = decoded(html);
    let mut out = String::with_capacity(html.len());
    let mut link: Option<String> = None;
    let mut marked_up = false;
    let mut rest = html.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A tag of HTML's own that documents use, up to its `>`. Anything else (`<id>` in
        // `ins-<id>`, `a < b`) is text.
        let Some((name, closing, tag, after)) = known_tag(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        marked_up = true;
        rest = after;
        match (name, closing) {
            ("li", false) => out.push_str("\n• "),
            ("br" | "p" | "ul" | "ol" | "div" | "tr", _) | ("li", true) => out.push('\n'),
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
    if marked_up {
        tidy(&out)
    } else {
        out
    }
}

/// The tags taken as markup: what tccli's documents hold, and their like.
const TAGS: [&str; 24] = [
    "a", "b", "br", "code", "div", "dx", "em", "font", "h1", "h2", "h3", "h4", "i", "li", "ol", "p", "pre", "span",
    "strong", "sub", "sup", "td", "tr", "ul",
];

/// At `<`: the tag's lower-case name, whether it closes, its text between `<` and `>`, and
/// what follows it; or None where this `<` begins no tag of [`TAGS`].
fn known_tag(at: &str) -> Option<(&'static str, bool, &str, &str)> {
    let inner = &at[1..];
    let closing = inner.starts_with('/');
    let named = inner.trim_start_matches('/');
    let len = named.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = TAGS.iter().find(|t| t.eq_ignore_ascii_case(&named[..len]))?;
    // The name ends the tag, or a space, a `/` or an attribute follows it.
    if !named[len..].starts_with(['>', ' ', '/', '\t', '\n']) {
        return None;
    }
    let end = at.find('>')?;
    Some((name, closing, &at[1..end], &at[end + 1..]))
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
    // The attribute itself, not one that ends in it (`data-href`).
    let at = tag.find([' ', '\t', '\n']).and_then(|start| tag[start..].find(" href=").map(|i| start + i + 6))?;
    let quote = tag[at..].chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &tag[at + 1..];
    let url = &value[..value.find(quote)?];
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.into())
}

/// Lines without trailing spaces, no more than one empty line in a row (none next to a list
/// item, where the markup put them), none at either end.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut after_item = false;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        let item = line.starts_with("• ");
        if !out.is_empty() {
            out.push_str(if blank > 0 && !item && !after_item { "\n\n" } else { "\n" });
        }
        after_item = item;
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
        assert_eq!(plain_text("<p>one</p><p>two <strong>bold</strong> <code>x</code></p>"), "one\n\ntwo bold x");
    }

    #[test]
    fn many_unclosed_angles_take_linear_time() {
        // Each `<` once: a crafted import must not freeze the page.
        let text = "<a".repeat(200_000);
        assert_eq!(plain_text(&text).len(), text.len());
        let text = "<".repeat(400_000);
        assert_eq!(plain_text(&text), text);
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
        for text in ["a < b and c > d", "R&D", "1<2", "plain", "", "a\n\nb & c", "格式为 <region>-<zone>", "Key<Value>"]
        {
            assert_eq!(plain_text(text), text);
        }
        assert_eq!(plain_text("ins-&lt;id&gt;"), "ins-<id>");
        // Only the href attribute is the address.
        assert_eq!(
            plain_text(r#"<a data-href="https://evil.example" href="https://ok.example">x</a>"#),
            "x (https://ok.example)"
        );
        // A tag documents do not use stays as the text it is, which a page shows as text.
        assert_eq!(plain_text("<script>alert(1)</script>"), "<script>alert(1)</script>");
    }
}
