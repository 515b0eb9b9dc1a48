//! "About the model" in the page: the teachers' notes of `src/model/README.md`, read into a small
//! document tree that the `AboutModel` component shows. The page and the repository show the same
//! text, because the page reads the file itself: Trunk copies it next to the page
//! ([`MODEL_NOTES_FILE`]) and the page fetches it when the section is first opened, so its 48 KB
//! are not part of the first download.
//!
//! Only the Markdown the notes use is understood: `#` headings, paragraphs, `-` bullet lists (with
//! continuation lines), pipe tables, fenced code blocks, and inline `code`, **strong** and
//! *emphasis* (not nested). Anything else is kept as plain text.

/// Where the page finds the notes, relative to itself (`index.html` copies them there).
pub const MODEL_NOTES_FILE: &str = "README.md";

/// A run of text within a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// `code`: a name from the program.
    Code(String),
    /// **strong**
    Strong(String),
    /// *emphasis*
    Emphasis(String),
}

impl Inline {
    /// The words without their markup.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(text)
            | Inline::Code(text)
            | Inline::Strong(text)
            | Inline::Emphasis(text) => text,
        }
    }
}

/// A line of inline runs (a heading, a paragraph, a list item, a table cell).
pub type Spans = Vec<Inline>;

/// The plain text of a line of runs.
pub fn plain(spans: &[Inline]) -> String {
    spans.iter().map(Inline::text).collect()
}

/// A block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `#` is level 1.
    Heading {
        level: u8,
        spans: Spans,
    },
    Paragraph(Spans),
    /// A bullet list, one entry per item.
    List(Vec<Spans>),
    /// A pipe table: the header cells and the rows' cells.
    Table {
        header: Vec<Spans>,
        rows: Vec<Vec<Spans>>,
    },
    /// A fenced block, kept exactly (the notes draw a diagram in one).
    Code(String),
}

/// The notes as a document: their blocks in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// The model's notes as written in the repository, read (native tests; the page fetches them).
#[cfg(test)]
fn model_notes() -> Document {
    parse(include_str!("../model/README.md"))
}

/// Reads the subset of Markdown described at the top of this file.
pub fn parse(markdown: &str) -> Document {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            index += 1;
        } else if trimmed.starts_with("```") {
            let mut code = Vec::new();
            index += 1;
            while index < lines.len() && !lines[index].trim().starts_with("```") {
                code.push(lines[index]);
                index += 1;
            }
            index += 1; // the closing fence (or the end)
            blocks.push(Block::Code(code.join("\n")));
        } else if let Some((level, text)) = heading(trimmed) {
            blocks.push(Block::Heading {
                level,
                spans: inline(text),
            });
            index += 1;
        } else if trimmed.starts_with('|') {
            let mut table_lines = Vec::new();
            while index < lines.len() && lines[index].trim().starts_with('|') {
                table_lines.push(lines[index].trim());
                index += 1;
            }
            blocks.push(table(&table_lines));
        } else if let Some(first) = bullet(line) {
            let mut items = vec![first.to_string()];
            index += 1;
            while index < lines.len() {
                let next = lines[index];
                if next.trim().is_empty() || starts_block(next) {
                    break;
                }
                match bullet(next) {
                    Some(item) => items.push(item.to_string()),
                    None => {
                        let item = items.last_mut().expect("a list has an item");
                        item.push(' ');
                        item.push_str(next.trim());
                    }
                }
                index += 1;
            }
            blocks.push(Block::List(items.iter().map(|item| inline(item)).collect()));
        } else {
            let mut text = trimmed.to_string();
            index += 1;
            while index < lines.len()
                && !lines[index].trim().is_empty()
                && !starts_block(lines[index])
                && bullet(lines[index]).is_none()
            {
                text.push(' ');
                text.push_str(lines[index].trim());
                index += 1;
            }
            blocks.push(Block::Paragraph(inline(&text)));
        }
    }
    Document { blocks }
}

/// `## Title` → (2, "Title").
fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[level..];
    (1..=6)
        .contains(&level)
        .then_some(())
        .and_then(|()| rest.strip_prefix(' '))
        .map(|text| (level as u8, text.trim()))
}

/// `- item` (at the start of the line) → "item".
fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
}

/// Whether a line opens a block of its own (so it ends a paragraph or a list item).
fn starts_block(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with("```") || trimmed.starts_with('|') || heading(trimmed).is_some()
}

/// A pipe table's lines → header and rows; the `|---|` line is skipped.
fn table(lines: &[&str]) -> Block {
    let cells = |line: &str| -> Vec<Spans> {
        let inner = line.trim().trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        inner.split('|').map(|cell| inline(cell.trim())).collect()
    };
    let is_rule = |line: &str| line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    let mut rows = lines
        .iter()
        .filter(|line| !is_rule(line))
        .map(|line| cells(line));
    let header = rows.next().unwrap_or_default();
    Block::Table {
        header,
        rows: rows.collect(),
    }
}

/// Inline runs of a line: `code`, **strong**, *emphasis*; an unclosed marker is plain text.
fn inline(text: &str) -> Spans {
    let mut spans = Vec::new();
    let mut plain_text = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let run = if let Some(after) = rest.strip_prefix('`') {
            after
                .split_once('`')
                .map(|(code, tail)| (Inline::Code(code.to_string()), tail))
        } else if let Some(after) = rest.strip_prefix("**") {
            after
                .split_once("**")
                .map(|(strong, tail)| (Inline::Strong(strong.replace('`', "")), tail))
        } else if let Some(after) = rest.strip_prefix('*') {
            // Emphasis opens only before a word ("a * b" stays as written).
            after
                .starts_with(|c: char| !c.is_whitespace())
                .then(|| after.split_once('*'))
                .flatten()
                .map(|(emphasis, tail)| (Inline::Emphasis(emphasis.to_string()), tail))
        } else {
            None
        };
        match run {
            Some((span, tail)) => {
                if !plain_text.is_empty() {
                    spans.push(Inline::Text(std::mem::take(&mut plain_text)));
                }
                spans.push(span);
                rest = tail;
            }
            None => {
                plain_text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain_text.is_empty() {
        spans.push(Inline::Text(plain_text));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_block_is_read() {
        let document = parse(
            "# Title\n\nA paragraph\nover two lines with `code`, **strong** and *soft* words.\n\n\
             - one\n  continued\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 * 3 |\n\n```\n  x ─► y\n```\n### Small",
        );
        assert_eq!(
            document.blocks,
            vec![
                Block::Heading {
                    level: 1,
                    spans: vec![Inline::Text("Title".into())]
                },
                Block::Paragraph(vec![
                    Inline::Text("A paragraph over two lines with ".into()),
                    Inline::Code("code".into()),
                    Inline::Text(", ".into()),
                    Inline::Strong("strong".into()),
                    Inline::Text(" and ".into()),
                    Inline::Emphasis("soft".into()),
                    Inline::Text(" words.".into()),
                ]),
                Block::List(vec![
                    vec![Inline::Text("one continued".into())],
                    vec![Inline::Text("two".into())],
                ]),
                Block::Table {
                    header: vec![
                        vec![Inline::Text("a".into())],
                        vec![Inline::Text("b".into())]
                    ],
                    rows: vec![vec![
                        vec![Inline::Text("1".into())],
                        vec![Inline::Text("2 * 3".into())]
                    ]],
                },
                Block::Code("  x ─► y".into()),
                Block::Heading {
                    level: 3,
                    spans: vec![Inline::Text("Small".into())]
                },
            ]
        );
    }

    #[test]
    fn the_model_notes_read_into_their_sections_lists_and_tables() {
        let document = model_notes();
        let headings: Vec<(u8, String)> = document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { level, spans } => Some((*level, plain(spans))),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings.first(),
            Some(&(1, "The Marrow Factory model (for teachers)".to_string()))
        );
        for wanted in ["What is modelled", "Simplified for teaching", "Validation"] {
            assert!(
                headings
                    .iter()
                    .any(|(level, text)| *level == 2 && text == wanted),
                "no section “{wanted}” in {headings:?}"
            );
        }
        // The validation table, with its sources, as a real table: every row has every column.
        let validation = document
            .blocks
            .iter()
            .find_map(|block| match block {
                Block::Table { header, rows }
                    if header.iter().map(|cell| plain(cell)).collect::<Vec<_>>()
                        == ["scenario", "check", "expected", "model", "source", "grade"] =>
                {
                    Some(rows)
                }
                _ => None,
            })
            .expect("the validation table");
        assert!(validation.len() > 100, "{} rows", validation.len());
        assert!(validation.iter().all(|row| row.len() == 6));
        assert!(validation
            .iter()
            .any(|row| plain(&row[4]).contains("Symeonidis") || plain(&row[4]).contains("ref §")));
        // Bullet lists with their strong words, the diagram kept as drawn.
        assert!(document.blocks.iter().any(|block| matches!(block,
            Block::List(items) if items.iter().any(|item| item.iter().any(|span|
                matches!(span, Inline::Strong(text) if text == "Neocytolysis"))))));
        assert!(document.blocks.iter().any(|block| matches!(block,
            Block::Code(code) if code.contains("hepcidin (liver)"))));
        // No markup is left in the text a student reads.
        let mut texts = Vec::new();
        for block in &document.blocks {
            match block {
                Block::Heading { spans, .. } | Block::Paragraph(spans) => texts.push(plain(spans)),
                Block::List(items) => texts.extend(items.iter().map(|item| plain(item))),
                Block::Table { header, rows } => texts.extend(
                    header
                        .iter()
                        .chain(rows.iter().flatten())
                        .map(|cell| plain(cell)),
                ),
                Block::Code(_) => {}
            }
        }
        for text in texts {
            assert!(
                !text.contains("**") && !text.contains('`') && !text.starts_with("- "),
                "markup left in “{text}”"
            );
        }
    }
}
