//! English: the playground's own words. What Kubernetes prints (kubectl output, API errors,
//! event fields, taints, labels) is never here: the views show it as it is.

use super::Msg::{self, *};

pub const fn text(msg: Msg) -> &'static str {
    match msg {
        // The page
        IntroWhat => {
            "A Kubernetes DaemonSet simulator: nodes, pods and a clock you control, in your browser."
        }
        IntroFirst => {
            "Start here: open a lesson, or change the image in the Manifest and press Apply to watch the pods roll node by node. The clock is playing: Pause and Step hold it."
        }
        IntroDismiss => "Got it",
        IntroLabel => "Getting started",
        EditorWelcome => {
            "# fluentd, a log collector: a DaemonSet runs one copy of its pod on every node it may run on.\n# Try: change the image tag below (v2.5.2 to v2.6.0) and press Apply (Ctrl+Enter), then watch\n# the pods roll node by node. Taint, cordon or add a node from the Nodes panel."
        }
        Tagline => "A Kubernetes DaemonSet simulator that runs in your browser.",
        FooterVersion => "Version {version}, engine {engine}",
        FooterSimplifications => "Where the simulator simplifies",
        FooterSimplificationsTitle => {
            "Runs sim simplifications in the console: what the playground does otherwise than a real cluster"
        }
        Language => "Language",
        Dismiss => "Dismiss",
        Close => "Close",
        // The clock
        Clock => "Clock",
        ClockControls => "Clock controls",
        Play => "Play",
        PlayTitle => "Run the virtual clock",
        Pause => "Pause",
        PauseTitle => "Stop the virtual clock",
        Step => "Step",
        Settle => "Settle",
        SettleTitle => "sim settle: run until nothing is left to happen",
        Settling => "Settling\u{2026}",
        Speed => "Speed",
        TimeTitle => "Virtual time since the scenario began",
        VirtualTime => "Virtual time:",
        // Keyboard shortcuts
        Shortcuts => "Keyboard shortcuts",
        ShortcutsTitle => "Keyboard shortcuts (?)",
        ShortcutShow => "Show these shortcuts",
        ShortcutPlay => "Play / Pause the clock",
        ShortcutStep => "Step: sim advance 1s",
        ShortcutSettle => "Settle: sim settle",
        ShortcutEditor => "Go to the Manifest editor",
        ShortcutConsole => "Go to the Console",
        ShortcutApply => "Apply the manifest (in the editor)",
        ShortcutClose => "Close this dialog",
        // The canvas
        Nodes => "Nodes",
        NodeCountOne => "1 node",
        NodeCountMany => "{n} nodes",
        AddNodeCapped => {
            "At most {max} at a time: {max} will be added (apply a NodeList for more)."
        }
        HowManyNodes => "How many nodes to add",
        AddNode => "Add node",
        NewNodeOptions => "New node options",
        FieldName => "Name",
        FieldNameHint => {
            "node-N; for several: a-1, a-2 or k8s-01 counts on, or names separated by commas"
        }
        FieldLabels => "Labels",
        FieldTaints => "Taints",
        FieldTaintsHint => "key=value or key=value:Effect, ...",
        TaintEffect => "Taint effect",
        FieldCpu => "CPU",
        FieldMemory => "Memory",
        FieldPods => "Pods",
        NoNodes => "No nodes. Add some with \u{201c}Add node\u{201d}, or apply Node manifests.",
        // A node card
        ExplainNode => "Explain this node in the \u{201c}Why?\u{201d} panel",
        RoleWorker => "worker",
        LabelsOf => "Labels of {node}",
        StandardLabels => "+{n} standard",
        TaintsOf => "Taints of {node}",
        RemoveTaint => "Remove taint {taint}",
        RemoveLabel => "Remove label {key}",
        UsageTitle => "Requests of the node's pods, of its allocatable resources",
        PodsOn => "Pods on {node}",
        NoPods => "No pods",
        EmptySlotsOn => "Empty slots on {node}",
        WhyNoPod => "Why no {daemonset} pod on {node}?",
        NoPodWhy => "no {daemonset} pod \u{2014} Why?",
        Cordon => "Cordon",
        Uncordon => "Uncordon",
        Drain => "Drain",
        MarkNotReady => "Not ready",
        MarkReady => "Ready",
        MarkUnreachable => "Unreachable",
        Delete => "Delete",
        NodeEdit => "Label / taint / pressure",
        PressureOf => "Pressure conditions of {node}",
        LabelHint => "key=value or key-",
        LabelFor => "Label for {node}",
        Label => "Label",
        TaintFor => "Taint for {node}",
        TaintEffectFor => "Taint effect for {node}",
        Taint => "Taint",
        RevisionShort => "rev {revision}",
        // The dense view
        DenseLegend => {
            "One cell per node, coloured by its pods' most urgent state (select one for its card):"
        }
        SelectedNode => "Selected node",
        // "Why?"
        Why => "Why?",
        WhyHint => "Why is there (no) pod here?",
        WhySelect => {
            "Select a node (click its card) to see, for each DaemonSet, why it has a pod there or not."
        }
        WhyNothing => "No DaemonSet to explain on {node} yet: apply one.",
        WhyNode => "Node",
        WhyNodeNameMismatch => {
            "No pod: the pod template's nodeName is {wanted}, so {node} gets none; a running pod is deleted."
        }
        WhySelectorMismatch => {
            "No pod: {node} does not match nodeSelector {selector}; a running pod is deleted."
        }
        WhySelectorHas => "{key}={wanted} (it has {key}={actual})",
        WhySelectorLacks => "{key}={wanted} (it has no {key} label)",
        WhyAffinityNoTerms => {
            "No pod: the required node affinity has no non-empty nodeSelectorTerms, so it matches no node; a running pod is deleted."
        }
        WhyAffinityFailed => {
            "No pod: {node} matches no required node-affinity term: {terms}; a running pod is deleted."
        }
        WhyTermNeeds => "term {term} needs `{requirement}` ({has})",
        WhyTermInvalid => "term {term} is invalid and never matches ({error})",
        WhyFieldIs => "its {key} is {value}",
        WhyNoName => "it has no name",
        WhyNoField => "nodes have no field {key}",
        WhyLabelIs => "it has {key}={value}",
        WhyNoLabel => "it has no {key} label",
        WhyTaintOne => {
            "No pod: {node} has taint {taints}, which the DaemonSet does not tolerate; {consequence}."
        }
        WhyTaintMany => {
            "No pod: {node} has taints {taints}, which the DaemonSet does not tolerate; {consequence}."
        }
        WhyEvicted => "a running pod is evicted ({taint} is NoExecute)",
        WhyMayStay => "a running pod may stay (NoSchedule does not evict)",
        WhyNoPodOn => "No pod on {node}.",
        WhyNothingKeepsOff => {
            "Pod: nothing keeps the DaemonSet off {node} (no nodeName, nodeSelector, required node affinity or blocking taint)."
        }
        WhyRuns => "Pod: {node} runs the DaemonSet's pod: {details}.",
        WhyNodeNameNames => "the pod template's nodeName names it",
        WhySelectorMatches => "it matches nodeSelector {selector}",
        WhyTermMatches => "it matches required node-affinity term {term}",
        WhyDefaultToleration => "taint {taint} is tolerated by the default toleration {toleration}",
        WhyUserToleration => "taint {taint} is tolerated by tolerations[{index}] ({toleration})",
        WhyPreferNoSchedule => {
            "taint {taint} is PreferNoSchedule, which the DaemonSet controller ignores"
        }
        WhyEffectIgnored => "taint {taint} has an effect the DaemonSet controller ignores",
        WhyPodWaiting => " Pod {pod} is {phase}: {waiting}",
        ListSeparator => ", ",
        ClauseSeparator => "; ",
        SentenceSeparator => " ",
        // DaemonSets
        DaemonSets => "DaemonSets",
        RevisionOld => "rev {revision} · old",
        RevisionCurrentTitle => "The DaemonSet's current revision",
        RevisionOldTitle => "An older revision: the rollout has not replaced this pod yet",
        Surge => "surge",
        SurgeTitle => {
            "A new pod started beside the old one (maxSurge): the old one goes once this one is available"
        }
        Revisions => "Revisions",
        RevisionLegendCurrent => "rev {revision} current",
        NodesByProgress => "{daemonset}: nodes in name order",
        NodeDone => "{node}: done",
        NodeRolling => "{node}: rolling",
        NodeWaiting => "{node}: waiting",
        NodeMissing => "{node}: no pod yet",
        ProgressCounts => "{done} done · {rolling} rolling · {waiting} waiting",
        RolloutDone => "Rolled out: every node runs the current revision.",
        RolloutRolling => "Rolling: pods are being replaced.",
        RolloutMaxUnavailable => {
            "Waiting: maxUnavailable {max} reached ({unavailable} without an available pod); the next old pod goes when one is available again."
        }
        RolloutMaxSurge => {
            "Waiting: maxSurge {max} reached ({surging} new pods starting beside old ones); the next node gets its new pod when one of them is available."
        }
        RolloutOnDelete => "OnDelete: {old} old pods are replaced only when you delete them.",
        RolloutInvalid => "The rolling update cannot go on: {error}",
        RolloutProgress => "Rollout progress",
        UpToDateOf => "{daemonset} up to date",
        AvailableOf => "{daemonset} available",
        UpToDateCount => "{n}/{desired} up to date",
        AvailableCount => "{n}/{desired} available",
        RevisionHistory => "Revision history",
        RevisionN => "revision {revision}",
        Current => "current",
        RollBack => "Roll back",
        RollBackTo => "Roll back {daemonset} to revision {revision}",
        // Events
        Events => "Events",
        EventsHint => "kubectl get events, the newest {n}",
        FilterEvents => "Filter events by object",
        FilterEventsHint => "object: node-1, pod/, daemonset/",
        EventTimeline => "Event timeline",
        ColumnTime => "TIME",
        ColumnType => "TYPE",
        ColumnReason => "REASON",
        ColumnObject => "OBJECT",
        ColumnMessage => "MESSAGE",
        NoEvents => "No events.",
        // The editor
        Manifest => "Manifest",
        ManifestHint => "DaemonSets and Nodes, several documents; Ctrl+Enter applies",
        Apply => "Apply",
        ApplyFailed => "Apply failed",
        ShowLine => "Show line {line}",
        LargeManifest => {
            "A long text, {size} in {lines} lines: shown read-only, so that the page stays light. Apply works as usual."
        }
        EditAnyway => "Edit anyway",
        // The console
        Console => "Console",
        ConsoleHint => "kubectl and sim commands; Shift+Enter new line; \u{2191}\u{2193} history",
        Clear => "Clear",
        ConsoleTranscript => "Console transcript",
        StdinOne => "standard input (1 line)",
        StdinMany => "standard input ({n} lines)",
        StepThrough => "Step through",
        StepThroughTitle => "Load the script into the player, to run it step by step",
        NextStep => "Next step",
        NextStepTitle => "Run the next command (Enter in an empty console)",
        RunAll => "Run all",
        Stop => "Stop",
        Script => "Script",
        ScriptCommands => "Script commands",
        ScriptNothingRan => "The script does not read; nothing ran: {error}",
        ScriptProgress => "Next: step {next} of {len} \u{b7} {remaining} remaining",
        ScriptDone => "Done: {len} of {len} commands run \u{b7} 0 remaining",
        StdinLinesOne => "+1 line of input",
        StdinLinesMany => "+{n} lines of input",
        // Lessons
        JumpTo => "Jump to",
        Lesson => "Lesson",
        OpenLesson => "Open a lesson…",
        LessonStepOf => "Step {n} of {total}",
        LessonGoal => "Goal",
        LessonGoalMet => "met",
        LessonGoalOpen => "not yet",
        LessonDone => "Done! Go on when you are ready.",
        LessonNext => "Next step",
        LessonComplete => "Lesson complete.",
        LessonHint => "Hint",
        LessonShowSolution => "Show the solution",
        LessonSolution => "Solution",
        LessonLeave => "Leave the lesson",
        StepByStep => "step by step",
        StepByStepTitle => {
            "Open presets on an empty cluster, their script in the console, to play step by step"
        }
        // Share, presets, files
        Preset => "Preset",
        OpenPreset => "Open a preset\u{2026}",
        Share => "Share",
        LinkToScenario => "Link to this scenario",
        Link => "Link",
        CopyLink => "Copy link",
        Copied => "Copied",
        EmbedInPage => "Embed in a page",
        EmbedSnippet => "Embed snippet",
        DownloadScenario => "Download scenario",
        DownloadYaml => "Download YAML",
        ImportScenario => "Import scenario",
        WorkAsItWas => "Your work is as it was.",
        FileTooLarge => "The file is larger than {mb} MB: it was not imported.",
        FileNotText => "The file could not be read as text.",
        OpenInPlayground => "Open in playground",
        // Links and the autosave
        LinkNotOpened => "This link could not be opened.",
        AutosaveOpenInstead => "Your autosaved work is open instead.",
        ReplayProgress => "Opening the saved work: step {done} of {total}.",
        OtherTabsKept => {
            "This tab opened the work saved last; the autosaved work of {n} other tab(s) is kept too, and each tab opens its own work again when it is reloaded."
        }
        OtherTabOpen => {
            "The playground is open in another tab too. Each tab autosaves its own work: a reload opens the tab's own work, a new tab the work saved last."
        }
        AutosaveBlocked => {
            "This browser does not let the page store anything, so your work is not autosaved. The link in the address bar holds it: bookmark or copy it to keep it."
        }
        AutosaveFull => {
            "This browser's storage for the page is full, so your work is no longer autosaved. The link in the address bar holds it: bookmark or copy it to keep it."
        }
        WorkTooLargeForLink => {
            "Your work is now too large for a link ({length} characters; a playground link holds at most {max}), so the address bar and the autosave keep it as it was before. Share → Download scenario keeps all of it."
        }
        ShareTooLargeForLink => {
            "This work is too large for a link ({length} characters; a playground link holds at most {max}). Download scenario, below, keeps all of it."
        }
        ReplayStopped => {
            "Opening was stopped after step {done} of {total}: the rest of the saved work was not replayed."
        }
        AutosaveUnreadable => "Your last autosave could not be read ({error})",
        DefaultOpenInstead => "The default scenario is open instead.",
        StoppedThePage => {
            "It stopped the page the last time it was opened, so it was not replayed again."
        }
        LinkTooLong => {
            "The link is too long ({length} characters; a playground link has at most {max})."
        }
        NotALink => "This is not a playground link.",
        LinkUnpacksTooMuch => {
            "The link unpacks to more than {mb} MB: the playground does not open it."
        }
        LinkNewer => {
            "This link was made by a newer version of the playground (format {format}); this version reads {version}."
        }
        LinkHoldsTooMuch => "The link holds more than {mb} MB: the playground does not open it.",
        LinkUnreadable => "The link is damaged (its scenario does not read: {error}).",
        LinkDamaged => "The link is damaged or cut short: it does not decode.",
        UnknownPreset => "The link names a preset this playground does not have: {preset}.",
        TooManyNodes => "The link asks for more than {max} nodes.",
        ScenarioScriptUnreadable => "The scenario's script does not read: {error}.",
        TooManyCommands => "The scenario has {n} commands; the playground replays at most {max}.",
        TooMuchTime => "The scenario's script moves the clock by more than {days} days.",
        ScriptUnreadable => "The script does not read: {error}.",
        // The error panel
        PanicHeading => "The playground hit an internal error",
        PanicAdvice => {
            "The page has stopped responding to input. Reload to start again; please report the message below."
        }
        Reload => "Reload",
        // Presets
        PresetFluentd => "fluentd-elasticsearch: tolerating the control plane",
        PresetFluentdAbout => {
            "A log collector on every node, the control plane included, thanks to its toleration."
        }
        PresetKubeProxy => "kube-proxy: tolerating every taint",
        PresetKubeProxyAbout => {
            "It tolerates every taint: no taint keeps it off a node or evicts it."
        }
        PresetNodeSelector => "nodeSelector logger=fluentd on two of three nodes",
        PresetNodeSelectorAbout => "Only the nodes labelled logger=fluentd get a pod.",
        PresetNodeExporter => "node-exporter on every node",
        PresetNodeExporterAbout => {
            "A monitoring agent on the host network with a host port, rolling 10% of the nodes at a time."
        }
        PresetCalico => "calico-node with hostNetwork",
        PresetCalicoAbout => {
            "A network plugin on the host network, so it also tolerates the network-unavailable taint by default."
        }
        PresetRollingUpdate => "RollingUpdate with maxUnavailable 1",
        PresetRollingUpdateAbout => "A new image rolls out one node at a time.",
        PresetSurge => "A surge rollout with maxSurge 20%",
        PresetSurgeAbout => {
            "New pods start before the old ones stop, on a fifth of the nodes at a time."
        }
        PresetOnDelete => "OnDelete: pods change only when deleted",
        PresetOnDeleteAbout => {
            "After a template change, a pod is replaced only once you delete it."
        }
        PresetStuck => "A rollout stuck on an unpullable image, rolled back",
        PresetStuckAbout => {
            "The new image cannot be pulled: maxUnavailable limits the damage, and a rollback restores the old template."
        }
        PresetDrain => "Drain with and without --ignore-daemonsets",
        PresetDrainAbout => {
            "kubectl drain refuses DaemonSet pods unless given --ignore-daemonsets."
        }
        PresetNotReady => "A node turning NotReady",
        PresetNotReadyAbout => {
            "A node stops being Ready and gets the not-ready taints: see which pods tolerate them."
        }
        PresetDeployment => "A Deployment turned into a DaemonSet",
        PresetDeploymentAbout => {
            "deploy/rng runs one pod; its YAML with kind: DaemonSet is refused (spec.replicas, spec.strategy) until --validate=false, and then both run: one pod too many."
        }
    }
}
