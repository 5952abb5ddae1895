use super::*;

const SCRIPT: &str = "<script src=\"https://x/embed.js\" defer></script>";

#[test]
fn a_daemonset_block_becomes_an_embed_with_its_options() {
    let md = "# DaemonSets\n\nText.\n```daemonset nodes=3 title=\"One pod per node\" autoplay\napiVersion: apps/v1\nkind: DaemonSet\n```\nAfter.\n";
    assert_eq!(
        render(md, SCRIPT),
        "# DaemonSets\n\nText.\n\n<pre class=\"daemonset-playground\" data-nodes=\"3\" \
         data-title=\"One pod per node\" data-autoplay=\"\">apiVersion: apps/v1\nkind: DaemonSet\n\
         </pre>\nAfter.\n\n<script src=\"https://x/embed.js\" defer></script>\n"
    );
}

#[test]
fn text_is_escaped_and_unknown_options_dropped() {
    let md = "~~~~daemonset preset='rolling-update' onload=x script=\"a<b\"\nx: \"<&>\"\n~~~~\n";
    assert_eq!(
        render(md, SCRIPT),
        "<pre class=\"daemonset-playground\" data-preset=\"rolling-update\" data-script=\"a&lt;b\">\
         x: &quot;&lt;&amp;&gt;&quot;\n</pre>\n\n<script src=\"https://x/embed.js\" defer></script>\n"
    );
}

#[test]
fn other_blocks_stay_even_when_they_show_a_daemonset_block() {
    let md = "````markdown\n```daemonset\nkind: DaemonSet\n```\n````\n```yaml\nkind: Node\n```\n```daemonsets\n```\n";
    assert_eq!(render(md, SCRIPT), md);
}

#[test]
fn an_unclosed_block_runs_to_the_end_of_the_chapter() {
    let md = "```daemonset lesson=daemonset-basics step=2\n";
    assert_eq!(
        render(md, SCRIPT),
        "<pre class=\"daemonset-playground\" data-lesson=\"daemonset-basics\" data-step=\"2\"></pre>\n\n\
         <script src=\"https://x/embed.js\" defer></script>\n"
    );
}

#[test]
fn the_script_tag_takes_the_books_url_and_options() {
    assert_eq!(
        script_tag(None),
        format!("<script src=\"{DEFAULT_URL}embed.js\" defer></script>")
    );
    let config = serde_json::json!({"url": "https://example.org/play", "lang": "zh-Hant", "autoplay": true, "command": "mdbook-daemonset"});
    assert_eq!(
        script_tag(Some(&config)),
        "<script src=\"https://example.org/play/embed.js\" data-lang=\"zh-Hant\" data-autoplay=\"true\" defer></script>"
    );
}

#[test]
fn every_chapter_of_mdbook_04_and_05_books_is_rendered() {
    let chapter = |content: &str, sub: Value| serde_json::json!({"Chapter": {"name": "c", "content": content, "number": [1], "sub_items": sub, "path": "c.md", "source_path": "c.md", "parent_names": []}});
    let inner = chapter("```daemonset\n```\n", serde_json::json!([]));
    let outer = chapter("No embed.\n", serde_json::json!([inner]));
    let context = serde_json::json!({"root": "/b", "config": {"book": {}, "preprocessor": {"daemonset": {"url": "https://x/"}}}, "renderer": "html", "mdbook_version": "0.5.0"});
    for key in ["sections", "items"] {
        let book = serde_json::json!({ key: [outer.clone(), "Separator"] });
        let out: Value =
            serde_json::from_str(&run(&serde_json::json!([context, book]).to_string()).unwrap())
                .unwrap();
        let first = &out[key][0]["Chapter"];
        assert_eq!(first["content"], "No embed.\n");
        assert_eq!(
            first["sub_items"][0]["Chapter"]["content"],
            format!("<pre class=\"daemonset-playground\"></pre>\n\n{SCRIPT}\n")
        );
        assert_eq!(out[key][1], "Separator");
    }
}

#[test]
fn input_that_does_not_read_is_an_error() {
    assert!(run("not json").is_err());
    assert!(run("[1]").is_err());
}
