use super::markdown::{Block, Inline};
use super::*;

const LESSON: &str = "\
#@ title: Taints and tolerations
#@ title[zh-Hans]: 污点和容忍度
#@ text
#| A lesson about *taints*.
kubectl apply -f - <<EOF
apiVersion: v1
kind: NodeList
items:
- metadata: {name: node-1}
# not a directive: inside a here-document
#@ step: fake
EOF
#@ step: Keep pods off a node
#@ title[zh-Hant]: 讓 Pod 離開節點
#@ text
#| Taint `node-1`:
#|
#| - with `NoExecute`
#|   to evict
#@ text[zh-Hans]
#| 给 `node-1` 加污点。
#@ editor
#| apiVersion: v1
#|   kind: Node
#@ hint: Try `kubectl taint`.
#@ hint[zh-Hans]: 试试 `kubectl taint`。
#@ hint: The effect is NoExecute.
#@ setup
sim seed 1
#@ solution
kubectl taint node node-1 k=v:NoExecute
#@ goal
expect node/node-1 exists
expect pods -l app=x count 0
";

#[test]
fn a_lesson_reads_into_steps_texts_hints_and_commands() {
    let l = parse(LESSON).unwrap();
    assert_eq!(l.title.get("en").unwrap(), "Taints and tolerations");
    assert_eq!(l.title.get("zh-Hans").unwrap(), "污点和容忍度");
    // Falls back to English.
    assert_eq!(l.title.get("zh-Hant").unwrap(), "Taints and tolerations");
    assert_eq!(
        l.intro.get("en").unwrap(),
        &vec![Block::Paragraph(vec![
            Inline::Text("A lesson about ".into()),
            Inline::Emphasis(vec![Inline::Text("taints".into())]),
            Inline::Text(".".into()),
        ])]
    );
    assert_eq!(
        l.setup.len(),
        1,
        "the here-document's #@ lines are its body"
    );
    assert!(
        l.setup[0]
            .stdin
            .as_deref()
            .unwrap()
            .contains("#@ step: fake")
    );
    assert_eq!(l.steps.len(), 1);
    let s = &l.steps[0];
    assert_eq!(s.line, 13);
    assert_eq!(s.title.get("zh-Hant").unwrap(), "讓 Pod 離開節點");
    assert_eq!(s.title.langs().collect::<Vec<_>>(), ["en", "zh-Hant"]);
    let text = s.text.get("en").unwrap();
    assert_eq!(text.len(), 2);
    assert!(matches!(&text[1], Block::List { ordered: false, items } if items.len() == 1));
    assert!(s.text.exactly("zh-Hans").is_some());
    assert_eq!(s.hints.len(), 2);
    assert!(s.hints[0].exactly("zh-Hans").is_some());
    assert!(s.hints[1].exactly("zh-Hans").is_none());
    assert_eq!(s.setup[0].text, "sim seed 1");
    assert_eq!(
        s.solution[0].text,
        "kubectl taint node node-1 k=v:NoExecute"
    );
    assert_eq!(s.goal.len(), 2);
    assert_eq!(s.goal[1].line.line, 34);
    assert_eq!(s.editor.as_deref(), Some("apiVersion: v1\n  kind: Node\n"));
    assert_eq!(l.editor, None);
}

#[test]
fn only_files_with_steps_are_lessons() {
    assert!(is_lesson(LESSON));
    assert!(!is_lesson(
        "kubectl get nodes\n# #@ step is mentioned in a comment\n"
    ));
}

#[test]
fn mistakes_are_named_with_their_line() {
    let cases: &[(&str, usize, &str)] = &[
        ("#@ title: t\n", 1, "at least one #@ step"),
        (
            "#@ step: s\n#@ goal\nexpect ds/x exists\n",
            1,
            "needs a #@ title",
        ),
        ("#@ title: t\n#@ step: s\n", 2, "no #@ goal"),
        (
            "#@ title: t\n#@ step\n#@ goal\nexpect ds/x exists\n",
            2,
            "no English title",
        ),
        (
            "#@ title: t\n#@ step: s\nkubectl get nodes\n",
            3,
            "say #@ setup",
        ),
        (
            "#@ title: t\n#@ step: s\n#@ goal\nsim settle\n",
            4,
            "expect lines only",
        ),
        (
            "#@ title: t\n#@ step: s\n#@ goal\nexpect\n",
            4,
            "needs something to check",
        ),
        ("#@ title: t\n#@ wat\n", 2, "unknown directive #@ wat"),
        ("#| text\n", 1, "outside a #@ text block"),
        ("#@ title: t\n#@ title: u\n", 2, "a second title in en"),
        ("#@ title[x y]: t\n", 1, "not a language tag"),
        ("#@ title:\n", 1, "needs a text"),
        ("#@ hint: h\n", 1, "belongs to a step"),
        (
            "#@ title: t\n#@ step: s\n#@ hint[zh-Hans]: h\n",
            3,
            "follows its English hint",
        ),
        ("#@ goal\n", 1, "belongs to a step"),
        ("#@ text: inline\n", 1, "#| lines after it"),
        ("#@ text\n#| a\n#@ text\n#| b\n", 3, "a second text in en"),
        ("#@ editor[zh-Hans]\n", 1, "has no language"),
        (
            "#@ editor\n#| a\n#@ editor\n#| b\n",
            3,
            "a second #@ editor",
        ),
        (
            "#@ title: t\nkubectl apply -f - <<EOF\n",
            2,
            "unterminated here-document",
        ),
    ];
    for (src, line, why) in cases {
        let e = parse(src).unwrap_err();
        assert_eq!(e.line, *line, "{src:?}: {e}");
        assert!(e.message.contains(why), "{src:?}: {e}");
    }
}

/// A kubectl usage error is a command a lesson may show failing.
#[test]
fn a_kubectl_usage_error_is_a_command() {
    let l = parse("#@ title: t\n#@ step: s\n#@ solution\nkubectl get pods --nope\n#@ goal\nexpect failed 'unknown flag'\n").unwrap();
    assert_eq!(l.steps[0].solution.len(), 1);
}

/// The menu's titles read alone are the lesson's (a step's title and a here-document skipped).
#[test]
fn titles_alone_are_the_parsed_lesson_titles() {
    let titles = titles(LESSON);
    assert_eq!(titles, parse(LESSON).unwrap().title);
    assert_eq!(
        titles.exactly("zh-Hans").map(String::as_str),
        Some("污点和容忍度")
    );
    assert_eq!(
        titles.exactly("zh-Hant"),
        None,
        "a step's title is not the lesson's"
    );
}
