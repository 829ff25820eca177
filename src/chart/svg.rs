//! SVG that shows the same on every machine: plotters writes `<text>` for
//! the viewer's fonts to draw; we replace each with the outlines of its
//! glyphs from the bundled font (keeping the words in a `<title>`), so the
//! file needs no font and refers to nothing outside itself.

use super::font;

/// `svg` with every `<text>` element drawn as glyph outlines, and every
/// character XML does not allow (a control character in a label) replaced,
/// so the file stays well-formed XML.
pub fn outline_text(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        out.push_str(&rest[..start]);
        let element = &rest[start..];
        let (Some(open_end), Some(close)) = (element.find('>'), element.find("</text>")) else {
            break;
        };
        let attributes = &element["<text ".len()..open_end];
        // plotters puts the words on a line of their own.
        let escaped = element[open_end + 1..close].trim_matches('\n');
        out.push_str(&glyph_path(attributes, escaped));
        rest = &element[close + "</text>".len()..];
    }
    out.push_str(rest);
    match crate::text::xml_chars(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(clean) => clean,
    }
}

/// The value of `name="..."` among `attributes`.
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut search = attributes;
    loop {
        let at = search.find(&key)?;
        // A whole attribute name, not the end of a longer one.
        if at == 0 || search.as_bytes()[at - 1] == b' ' {
            let value = &search[at + key.len()..];
            return value.find('"').map(|end| &value[..end]);
        }
        search = &search[at + key.len()..];
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// One text element as a path, placed as plotters places text on a bitmap.
fn glyph_path(attributes: &str, escaped: &str) -> String {
    let number = |name: &str| attribute(attributes, name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    let text = unescape(escaped);
    // plotters writes font-size as its size / 1.24 and scales glyphs by the font's height.
    let size = number("font-size") * 1.24;
    let f = font::font();
    let em = size * f64::from(ab_glyph::Font::units_per_em(f).unwrap_or(1000.0)) / f64::from(ab_glyph::Font::height_unscaled(f));
    let width = font::width(&text, em);
    let x = number("x")
        - match attribute(attributes, "text-anchor") {
            Some("middle") => width / 2.0,
            Some("end") => width,
            _ => 0.0,
        };
    let box_height = size / 1.24;
    let top = number("y")
        - match attribute(attributes, "dy") {
            Some("0.5ex") => box_height / 2.0,
            Some("-0.5ex") => box_height,
            _ => 0.0,
        };
    let d = font::outline(&text, x, top + size / 2.0, em);
    let mut path = format!("<path d=\"{d}\" fill=\"{}\"", attribute(attributes, "fill").unwrap_or("#000000"));
    for name in ["opacity", "transform"] {
        if let Some(value) = attribute(attributes, name) {
            path.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    path.push_str(&format!("><title>{escaped}</title></path>"));
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_a_path_that_keeps_its_words() {
        let svg = r##"<svg><text x="10" y="20" dy="0.76em" text-anchor="middle" font-family="sans-serif" font-size="16" opacity="1" fill="#112233">金奖 &amp; A</text><rect/></svg>"##;
        let out = outline_text(svg);
        assert!(!out.contains("<text"), "{out}");
        assert!(out.contains("<path d=\"M") && out.contains("fill=\"#112233\""), "{out}");
        assert!(out.contains("<title>金奖 &amp; A</title></path><rect/></svg>"), "{out}");
    }
}
