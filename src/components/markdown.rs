//! A lesson's text (the engine's Markdown tree) as elements: text is always text, never HTML,
//! and links open outside the page.

use dsplay_engine::lesson::markdown::{Block, Inline};
use leptos::prelude::*;

/// The blocks of a text.
pub fn blocks(blocks: &[Block]) -> AnyView {
    blocks.iter().map(block).collect_view().into_any()
}

fn block(b: &Block) -> AnyView {
    match b {
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::Code { text, .. } => {
            let text = text.clone();
            view! { <pre class="lesson-code"><code>{text}</code></pre> }.into_any()
        }
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .map(|item| view! { <li>{inlines(item)}</li> })
                .collect_view();
            if *ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
    }
}

/// The runs of one block.
pub fn inlines(content: &[Inline]) -> AnyView {
    content.iter().map(inline).collect_view().into_any()
}

fn inline(i: &Inline) -> AnyView {
    match i {
        Inline::Text(t) => t.clone().into_any(),
        Inline::Code(c) => {
            let c = c.clone();
            view! { <code>{c}</code> }.into_any()
        }
        Inline::Emphasis(content) => view! { <em>{inlines(content)}</em> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines(content)}</strong> }.into_any(),
        Inline::Link { text, url } => {
            let url = url.clone();
            view! {
                <a href=url target="_blank" rel="noopener noreferrer">
                    {inlines(text)}
                </a>
            }
            .into_any()
        }
    }
}
