//! 简体中文。术语依照 kubernetes.io 中文文档：节点、污点、容忍度、标签、滚动更新、守护进程集；
//! 资源名（DaemonSet、Pod、nodeSelector 等字段）与文档一样保留英文。

use super::Msg::{self, *};

pub const fn text(msg: Msg) -> &'static str {
    match msg {
        // 页面
        IntroWhat => "一个 Kubernetes DaemonSet 模拟器：节点、Pod 和由你控制的时钟，都在浏览器里。",
        IntroFirst => {
            "从这里开始：打开一个课程，或者修改清单里的镜像并按 Apply，看 Pod 逐个节点滚动更新。时钟正在走：Pause 和 Step 可以控制它。"
        }
        IntroDismiss => "知道了",
        IntroLabel => "入门",
        EditorWelcome => {
            "# fluentd，一个日志收集器：DaemonSet 在它能运行的每个节点上运行一份 Pod 副本。\n# 试试：把下面的镜像标签（v2.5.2 改成 v2.6.0）改掉并按 Apply（Ctrl+Enter），然后看 Pod\n# 逐个节点滚动更新。也可以在节点面板里给节点加污点、封锁节点或添加节点。"
        }
        Tagline => "在浏览器中运行的 Kubernetes 守护进程集（DaemonSet）模拟器。",
        FooterVersion => "版本 {version}，引擎 {engine}",
        FooterSimplifications => "模拟器在哪些地方做了简化",
        FooterSimplificationsTitle => {
            "在控制台运行 sim simplifications：列出模拟器与真实集群的不同之处"
        }
        Language => "语言",
        Dismiss => "关闭",
        Close => "关闭",
        // 时钟
        Clock => "时钟",
        ClockControls => "时钟控制",
        Play => "播放",
        PlayTitle => "让虚拟时钟走起来",
        Pause => "暂停",
        PauseTitle => "停止虚拟时钟",
        Step => "单步",
        Settle => "运行到稳定",
        SettleTitle => "sim settle：一直运行，直到不再有任何变化",
        Settling => "正在运行到稳定……",
        Speed => "速度",
        TimeTitle => "自场景开始以来的虚拟时间",
        VirtualTime => "虚拟时间：",
        // 键盘快捷键
        Shortcuts => "键盘快捷键",
        ShortcutsTitle => "键盘快捷键（?）",
        ShortcutShow => "显示这些快捷键",
        ShortcutPlay => "播放 / 暂停时钟",
        ShortcutStep => "单步：sim advance 1s",
        ShortcutSettle => "运行到稳定：sim settle",
        ShortcutEditor => "转到清单编辑器",
        ShortcutConsole => "转到控制台",
        ShortcutApply => "应用清单（在编辑器中）",
        ShortcutClose => "关闭此对话框",
        // 画布
        Nodes => "节点",
        NodeCountOne => "1 个节点",
        NodeCountMany => "{n} 个节点",
        AddNodeCapped => "一次最多添加 {max} 个：将添加 {max} 个（更多节点请应用 NodeList）。",
        HowManyNodes => "要添加的节点数",
        AddNode => "添加节点",
        NewNodeOptions => "新节点选项",
        FieldName => "名称",
        FieldNameHint => "node-N；添加多个时：a-1、a-2，或 k8s-01 继续编号，或用逗号分隔的名字",
        FieldLabels => "标签",
        FieldTaints => "污点",
        FieldTaintsHint => "key=value 或 key=value:Effect, ...",
        TaintEffect => "污点效果",
        FieldCpu => "CPU",
        FieldMemory => "内存",
        FieldPods => "Pod 数",
        NoNodes => "没有节点。用“添加节点”添加，或应用 Node 清单。",
        // 节点卡片
        ExplainNode => "在“为什么？”面板中解释这个节点",
        RoleWorker => "工作节点",
        LabelsOf => "{node} 的标签",
        StandardLabels => "另有 {n} 个标准标签",
        TaintsOf => "{node} 的污点",
        RemoveTaint => "移除污点 {taint}",
        RemoveLabel => "移除标签 {key}",
        UsageTitle => "节点上各 Pod 的资源请求 / 节点的可分配资源",
        PodsOn => "{node} 上的 Pod",
        NoPods => "没有 Pod",
        EmptySlotsOn => "{node} 上的空位",
        WhyNoPod => "为什么 {node} 上没有 {daemonset} 的 Pod？",
        NoPodWhy => "没有 {daemonset} 的 Pod —— 为什么？",
        Cordon => "封锁",
        Uncordon => "解除封锁",
        Drain => "腾空",
        MarkNotReady => "设为未就绪",
        MarkReady => "设为就绪",
        MarkUnreachable => "设为不可达",
        Delete => "删除",
        NodeEdit => "标签 / 污点 / 压力",
        PressureOf => "{node} 的压力状况",
        LabelHint => "key=value，或 key- 表示删除",
        LabelFor => "{node} 的新标签",
        Label => "加标签",
        TaintFor => "{node} 的新污点",
        TaintEffectFor => "{node} 的新污点效果",
        Taint => "加污点",
        RevisionShort => "修订 {revision}",
        // 密集视图
        DenseLegend => "每个节点一个小格，颜色表示其中 Pod 最紧急的状态（选择一格查看节点卡片）：",
        SelectedNode => "选中的节点",
        // 为什么？
        Why => "为什么？",
        WhyHint => "这里为什么有（没有）Pod？",
        WhySelect => {
            "选择一个节点（点击它的卡片），即可看到每个 DaemonSet 为什么在那里有或没有 Pod。"
        }
        WhyNothing => "{node} 上还没有可解释的 DaemonSet：先应用一个吧。",
        WhyNode => "节点",
        WhyNodeNameMismatch => {
            "没有 Pod：Pod 模板的 nodeName 是 {wanted}，因此 {node} 上不会有；正在运行的 Pod 会被删除。"
        }
        WhySelectorMismatch => {
            "没有 Pod：{node} 不匹配 nodeSelector {selector}；正在运行的 Pod 会被删除。"
        }
        WhySelectorHas => "{key}={wanted}（该节点是 {key}={actual}）",
        WhySelectorLacks => "{key}={wanted}（该节点没有 {key} 标签）",
        WhyAffinityNoTerms => {
            "没有 Pod：必需的节点亲和性中没有非空的 nodeSelectorTerms，因此不匹配任何节点；正在运行的 Pod 会被删除。"
        }
        WhyAffinityFailed => {
            "没有 Pod：{node} 不满足必需节点亲和性的任何一项：{terms}；正在运行的 Pod 会被删除。"
        }
        WhyTermNeeds => "nodeSelectorTerms[{term}] 要求 `{requirement}`（{has}）",
        WhyTermInvalid => "nodeSelectorTerms[{term}] 无效，永远不会匹配（{error}）",
        WhyFieldIs => "该节点的 {key} 是 {value}",
        WhyNoName => "该节点没有名称",
        WhyNoField => "节点没有 {key} 字段",
        WhyLabelIs => "该节点是 {key}={value}",
        WhyNoLabel => "该节点没有 {key} 标签",
        WhyTaintOne => "没有 Pod：{node} 有污点 {taints}，而该 DaemonSet 不容忍它；{consequence}。",
        WhyTaintMany => {
            "没有 Pod：{node} 有污点 {taints}，而该 DaemonSet 不容忍它们；{consequence}。"
        }
        WhyEvicted => "正在运行的 Pod 会被驱逐（{taint} 的效果是 NoExecute）",
        WhyMayStay => "正在运行的 Pod 可以留下（NoSchedule 不会驱逐）",
        WhyNoPodOn => "{node} 上没有 Pod。",
        WhyNothingKeepsOff => {
            "有 Pod：没有任何规则让该 DaemonSet 远离 {node}（没有 nodeName、nodeSelector、必需的节点亲和性或起阻止作用的污点）。"
        }
        WhyRuns => "有 Pod：{node} 运行该 DaemonSet 的 Pod：{details}。",
        WhyNodeNameNames => "Pod 模板的 nodeName 指定了它",
        WhySelectorMatches => "它匹配 nodeSelector {selector}",
        WhyTermMatches => "它满足必需节点亲和性的 nodeSelectorTerms[{term}]",
        WhyDefaultToleration => "污点 {taint} 被默认容忍度 {toleration} 容忍",
        WhyUserToleration => "污点 {taint} 被 tolerations[{index}]（{toleration}）容忍",
        WhyPreferNoSchedule => "污点 {taint} 的效果是 PreferNoSchedule，DaemonSet 控制器会忽略它",
        WhyEffectIgnored => "污点 {taint} 的效果会被 DaemonSet 控制器忽略",
        WhyPodWaiting => "Pod {pod} 处于 {phase}：{waiting}",
        ListSeparator => "、",
        ClauseSeparator => "；",
        SentenceSeparator => "",
        // 守护进程集
        DaemonSets => "DaemonSet",
        RevisionOld => "版本 {revision} · 旧",
        RevisionCurrentTitle => "DaemonSet 的当前版本",
        RevisionOldTitle => "旧版本：滚动更新尚未替换这个 Pod",
        Surge => "surge",
        SurgeTitle => "在旧 Pod 旁边启动的新 Pod（maxSurge）：它可用后旧 Pod 才会离开",
        Revisions => "版本",
        RevisionLegendCurrent => "版本 {revision} 当前",
        NodesByProgress => "{daemonset}：按名称排列的节点",
        NodeDone => "{node}：已完成",
        NodeRolling => "{node}：更新中",
        NodeWaiting => "{node}：等待中",
        NodeMissing => "{node}：还没有 Pod",
        ProgressCounts => "{done} 个已完成 · {rolling} 个更新中 · {waiting} 个等待中",
        RolloutDone => "已完成：每个节点都运行当前版本。",
        RolloutRolling => "更新中：正在替换 Pod。",
        RolloutMaxUnavailable => {
            "等待中：已达到 maxUnavailable {max}（{unavailable} 个节点没有可用的 Pod）；有节点恢复可用后，下一个旧 Pod 才会被删除。"
        }
        RolloutMaxSurge => {
            "等待中：已达到 maxSurge {max}（{surging} 个新 Pod 正在旧 Pod 旁启动）；其中一个可用后，下一个节点才会得到新 Pod。"
        }
        RolloutOnDelete => "OnDelete：{old} 个旧 Pod 只有在你删除它们时才会被替换。",
        RolloutInvalid => "滚动更新无法继续：{error}",
        RolloutProgress => "滚动更新进度",
        UpToDateOf => "{daemonset} 已更新",
        AvailableOf => "{daemonset} 可用",
        UpToDateCount => "已更新 {n}/{desired}",
        AvailableCount => "可用 {n}/{desired}",
        RevisionHistory => "修订历史",
        RevisionN => "修订版本 {revision}",
        Current => "当前",
        RollBack => "回滚",
        RollBackTo => "将 {daemonset} 回滚到修订版本 {revision}",
        // 事件
        Events => "事件",
        EventsHint => "kubectl get events，最新的 {n} 条",
        FilterEvents => "按对象筛选事件",
        FilterEventsHint => "对象：node-1、pod/、daemonset/",
        EventTimeline => "事件时间线",
        ColumnTime => "时间",
        ColumnType => "类型",
        ColumnReason => "原因",
        ColumnObject => "对象",
        ColumnMessage => "消息",
        NoEvents => "没有事件。",
        // 编辑器
        Manifest => "清单",
        ManifestHint => "DaemonSet 和 Node，可以有多个文档；Ctrl+Enter 应用",
        Apply => "应用",
        ApplyFailed => "应用失败",
        ShowLine => "显示第 {line} 行",
        LargeManifest => {
            "文本很长：{size}，共 {lines} 行。为保持页面轻快，以只读方式显示；“应用”照常可用。"
        }
        EditAnyway => "仍要编辑",
        // 控制台
        Console => "控制台",
        ConsoleHint => "kubectl 和 sim 命令；Shift+Enter 换行；↑↓ 翻看历史",
        Clear => "清空",
        ConsoleTranscript => "控制台记录",
        StdinOne => "标准输入（1 行）",
        StdinMany => "标准输入（{n} 行）",
        StepThrough => "逐步执行",
        StepThroughTitle => "把脚本载入播放器，逐条执行",
        NextStep => "下一步",
        NextStepTitle => "执行下一条命令（在空的控制台中按 Enter）",
        RunAll => "全部执行",
        Stop => "停止",
        Script => "脚本",
        ScriptCommands => "脚本命令",
        ScriptNothingRan => "无法读取脚本，未执行任何命令：{error}",
        ScriptProgress => "下一步：第 {next} 步，共 {len} 步 \u{b7} 剩余 {remaining} 步",
        ScriptDone => "完成：{len} 条命令已全部执行 \u{b7} 剩余 0 条",
        StdinLinesOne => "+1 行输入",
        StdinLinesMany => "+{n} 行输入",
        // Lessons
        JumpTo => "跳转到",
        Lesson => "课程",
        OpenLesson => "打开一个课程……",
        LessonStepOf => "第 {n} 步，共 {total} 步",
        LessonGoal => "目标",
        LessonGoalMet => "已达成",
        LessonGoalOpen => "尚未达成",
        LessonDone => "完成了！准备好就继续。",
        LessonNext => "下一步",
        LessonComplete => "课程完成。",
        LessonHint => "提示",
        LessonShowSolution => "显示答案",
        LessonSolution => "答案",
        LessonLeave => "离开课程",
        StepByStep => "逐步",
        StepByStepTitle => "在空集群上打开预设，并把它的脚本载入控制台，逐步播放",
        // 分享、预设、文件
        Preset => "预设",
        OpenPreset => "打开一个预设……",
        Share => "分享",
        LinkToScenario => "此场景的链接",
        Link => "链接",
        CopyLink => "复制链接",
        Copied => "已复制",
        EmbedInPage => "嵌入到网页",
        EmbedSnippet => "嵌入代码",
        DownloadScenario => "下载场景",
        DownloadYaml => "下载 YAML",
        ImportScenario => "导入场景",
        WorkAsItWas => "你的工作保持原样。",
        FileTooLarge => "文件大于 {mb} MB，未导入。",
        FileNotText => "无法以文本方式读取该文件。",
        OpenInPlayground => "在 Playground 中打开",
        // 链接与自动保存
        LinkNotOpened => "无法打开此链接。",
        AutosaveOpenInstead => "已改为打开你自动保存的工作。",
        ReplayProgress => "正在打开保存的工作：第 {done} 步，共 {total} 步。",
        OtherTabsKept => {
            "此标签页打开了最后保存的工作；其他 {n} 个标签页自动保存的工作也被保留，每个标签页重新加载时会打开它自己的工作。"
        }
        OtherTabOpen => {
            "Playground 也在另一个标签页中打开。每个标签页自动保存自己的工作：重新加载会打开该标签页自己的工作，新标签页会打开最后保存的工作。"
        }
        AutosaveBlocked => {
            "此浏览器不允许页面存储任何内容，因此你的工作不会自动保存。地址栏中的链接保存着它：请收藏或复制该链接以保留。"
        }
        AutosaveFull => {
            "此浏览器为本页面提供的存储空间已满，因此你的工作不再自动保存。地址栏中的链接保存着它：请收藏或复制该链接以保留。"
        }
        WorkTooLargeForLink => {
            "你的工作现在太大，无法放进链接（{length} 个字符；Playground 链接最多 {max} 个字符），因此地址栏和自动保存保留的是之前的版本。分享 → 下载场景可以保存全部内容。"
        }
        ShareTooLargeForLink => {
            "这个工作太大，无法放进链接（{length} 个字符；Playground 链接最多 {max} 个字符）。下面的“下载场景”可以保存全部内容。"
        }
        ReplayStopped => {
            "打开在第 {done} 步（共 {total} 步）时被停止：保存的工作的其余部分没有重放。"
        }
        AutosaveUnreadable => "无法读取你上次自动保存的内容（{error}）",
        DefaultOpenInstead => "已改为打开默认场景。",
        StoppedThePage => "上次打开它时页面停止了响应，因此没有再次重放。",
        LinkTooLong => "链接太长（{length} 个字符；Playground 链接最多 {max} 个字符）。",
        NotALink => "这不是 Playground 链接。",
        LinkUnpacksTooMuch => "链接解压后超过 {mb} MB：Playground 不会打开它。",
        LinkNewer => {
            "此链接由更新版本的 Playground 生成（格式 {format}）；当前版本只能读取 {version}。"
        }
        LinkHoldsTooMuch => "链接的内容超过 {mb} MB：Playground 不会打开它。",
        LinkUnreadable => "链接已损坏（无法读取其中的场景：{error}）。",
        LinkDamaged => "链接已损坏或被截断：无法解码。",
        UnknownPreset => "链接指定了此 Playground 没有的预设：{preset}。",
        TooManyNodes => "链接要求的节点超过 {max} 个。",
        ScenarioScriptUnreadable => "无法读取场景的脚本：{error}。",
        TooManyCommands => "场景有 {n} 条命令；Playground 最多重放 {max} 条。",
        TooMuchTime => "场景的脚本让时钟前进超过 {days} 天。",
        ScriptUnreadable => "无法读取脚本：{error}。",
        // 错误面板
        PanicHeading => "Playground 遇到内部错误",
        PanicAdvice => "页面已停止响应输入。请重新加载以重新开始，并报告下面的消息。",
        Reload => "重新加载",
        // 预设
        PresetFluentd => "fluentd-elasticsearch：容忍控制平面",
        PresetFluentdAbout => "每个节点上都有一个日志收集器，借助容忍度，控制平面节点也不例外。",
        PresetKubeProxy => "kube-proxy：容忍所有污点",
        PresetKubeProxyAbout => "它容忍所有污点：没有污点能让它远离节点或把它驱逐。",
        PresetNodeSelector => "nodeSelector logger=fluentd：三个节点中的两个",
        PresetNodeSelectorAbout => "只有带 logger=fluentd 标签的节点才会有 Pod。",
        PresetNodeExporter => "每个节点上的 node-exporter",
        PresetNodeExporterAbout => "使用主机网络和主机端口的监控代理，每次滚动更新 10% 的节点。",
        PresetCalico => "使用 hostNetwork 的 calico-node",
        PresetCalicoAbout => {
            "运行在主机网络上的网络插件，因此默认也容忍 network-unavailable 污点。"
        }
        PresetRollingUpdate => "maxUnavailable 为 1 的 RollingUpdate",
        PresetRollingUpdateAbout => "新镜像一次一个节点地滚动发布。",
        PresetSurge => "maxSurge 为 20% 的滚动更新",
        PresetSurgeAbout => "新 Pod 先启动、旧 Pod 后停止，每次五分之一的节点。",
        PresetOnDelete => "OnDelete：只有删除 Pod 时才会更新",
        PresetOnDeleteAbout => "模板更改后，只有在你删除 Pod 时才会替换它。",
        PresetStuck => "因镜像无法拉取而卡住的滚动更新，以及回滚",
        PresetStuckAbout => "新镜像无法拉取：maxUnavailable 限制了损害，回滚恢复旧模板。",
        PresetDrain => "使用和不使用 --ignore-daemonsets 腾空节点",
        PresetDrainAbout => {
            "不加 --ignore-daemonsets 时，kubectl drain 会拒绝处理 DaemonSet 的 Pod。"
        }
        PresetNotReady => "节点变为 NotReady",
        PresetNotReadyAbout => "节点不再就绪并被加上 not-ready 污点：看看哪些 Pod 容忍它们。",
        PresetDeployment => "把 Deployment 变成 DaemonSet",
        PresetDeploymentAbout => {
            "deploy/rng 运行一个 Pod；把它的 YAML 改成 kind: DaemonSet 会被拒绝（spec.replicas、spec.strategy），直到加上 --validate=false；之后两者同时运行，多了一个 Pod。"
        }
    }
}
