//! 繁體中文（臺灣用語）：節點、污點、容忍度、標籤、滾動更新、設定、檔案、預設、資訊；
//! 資源名稱（DaemonSet、Pod、nodeSelector 等欄位）與 Kubernetes 文件一樣保留英文。

use super::Msg::{self, *};

pub const fn text(msg: Msg) -> &'static str {
    match msg {
        // 頁面
        IntroWhat => "一個 Kubernetes DaemonSet 模擬器：節點、Pod 和由你控制的時鐘，都在瀏覽器裡。",
        IntroFirst => {
            "從這裡開始：開啟一個課程，或者修改清單裡的映像檔並按 Apply，看 Pod 逐個節點滾動更新。時鐘正在走：Pause 和 Step 可以控制它。"
        }
        IntroDismiss => "知道了",
        IntroLabel => "入門",
        EditorWelcome => {
            "# fluentd，一個日誌收集器：DaemonSet 在它能執行的每個節點上執行一份 Pod 副本。\n# 試試：把下面的映像檔標籤（v2.5.2 改成 v2.6.0）改掉並按 Apply（Ctrl+Enter），然後看 Pod\n# 逐個節點滾動更新。也可以在節點面板裡給節點加污點、封鎖節點或新增節點。"
        }
        Tagline => "在瀏覽器中執行的 Kubernetes DaemonSet（守護行程集）模擬器。",
        FooterVersion => "版本 {version}，引擎 {engine}",
        FooterSimplifications => "模擬器在哪些地方做了簡化",
        FooterSimplificationsTitle => {
            "在主控台執行 sim simplifications：列出模擬器與真實叢集的不同之處"
        }
        Language => "語言",
        Dismiss => "關閉",
        Close => "關閉",
        // 時鐘
        Clock => "時鐘",
        ClockControls => "時鐘控制",
        Play => "播放",
        PlayTitle => "讓虛擬時鐘開始走動",
        Pause => "暫停",
        PauseTitle => "停止虛擬時鐘",
        Step => "單步",
        Settle => "執行到穩定",
        SettleTitle => "sim settle：持續執行，直到不再有任何變化",
        Settling => "正在執行到穩定⋯⋯",
        Speed => "速度",
        TimeTitle => "自情境開始以來的虛擬時間",
        VirtualTime => "虛擬時間：",
        // 鍵盤快速鍵
        Shortcuts => "鍵盤快速鍵",
        ShortcutsTitle => "鍵盤快速鍵（?）",
        ShortcutShow => "顯示這些快速鍵",
        ShortcutPlay => "播放 / 暫停時鐘",
        ShortcutStep => "單步：sim advance 1s",
        ShortcutSettle => "執行到穩定：sim settle",
        ShortcutEditor => "前往資訊清單編輯器",
        ShortcutConsole => "前往主控台",
        ShortcutApply => "套用資訊清單（在編輯器中）",
        ShortcutClose => "關閉此對話方塊",
        // 畫布
        Nodes => "節點",
        NodeCountOne => "1 個節點",
        NodeCountMany => "{n} 個節點",
        AddNodeCapped => "一次最多新增 {max} 個：將新增 {max} 個（更多節點請套用 NodeList）。",
        HowManyNodes => "要新增的節點數",
        AddNode => "新增節點",
        NewNodeOptions => "新節點選項",
        FieldName => "名稱",
        FieldNameHint => "node-N；新增多個時：a-1、a-2，或 k8s-01 繼續編號，或用逗號分隔的名字",
        FieldLabels => "標籤",
        FieldTaints => "污點",
        FieldTaintsHint => "key=value 或 key=value:Effect, ...",
        TaintEffect => "污點效果",
        FieldCpu => "CPU",
        FieldMemory => "記憶體",
        FieldPods => "Pod 數量",
        NoNodes => "沒有節點。請按「新增節點」，或套用 Node 資訊清單。",
        // 節點卡片
        ExplainNode => "在「為什麼？」面板中說明這個節點",
        RoleWorker => "工作節點",
        LabelsOf => "{node} 的標籤",
        StandardLabels => "另有 {n} 個標準標籤",
        TaintsOf => "{node} 的污點",
        RemoveTaint => "移除污點 {taint}",
        RemoveLabel => "移除標籤 {key}",
        UsageTitle => "節點上各 Pod 的資源請求 / 節點的可配置資源",
        PodsOn => "{node} 上的 Pod",
        NoPods => "沒有 Pod",
        EmptySlotsOn => "{node} 上的空位",
        WhyNoPod => "為什麼 {node} 上沒有 {daemonset} 的 Pod？",
        NoPodWhy => "沒有 {daemonset} 的 Pod —— 為什麼？",
        Cordon => "封鎖",
        Uncordon => "解除封鎖",
        Drain => "排空",
        MarkNotReady => "設為未就緒",
        MarkReady => "設為就緒",
        MarkUnreachable => "設為無法連線",
        Delete => "刪除",
        NodeEdit => "標籤 / 污點 / 壓力",
        PressureOf => "{node} 的壓力狀況",
        LabelHint => "key=value，或以 key- 移除",
        LabelFor => "{node} 的新標籤",
        Label => "加上標籤",
        TaintFor => "{node} 的新污點",
        TaintEffectFor => "{node} 的新污點效果",
        Taint => "加上污點",
        RevisionShort => "修訂 {revision}",
        // 密集檢視
        DenseLegend => {
            "每個節點一個小格，顏色代表其中 Pod 最緊急的狀態（選取一格以檢視節點卡片）："
        }
        SelectedNode => "已選取的節點",
        // 為什麼？
        Why => "為什麼？",
        WhyHint => "這裡為什麼有（沒有）Pod？",
        WhySelect => {
            "選取一個節點（按一下它的卡片），即可看到每個 DaemonSet 為什麼在那裡有或沒有 Pod。"
        }
        WhyNothing => "{node} 上還沒有可說明的 DaemonSet：請先套用一個。",
        WhyNode => "節點",
        WhyNodeNameMismatch => {
            "沒有 Pod：Pod 範本的 nodeName 是 {wanted}，所以 {node} 上不會有；執行中的 Pod 會被刪除。"
        }
        WhySelectorMismatch => {
            "沒有 Pod：{node} 不符合 nodeSelector {selector}；執行中的 Pod 會被刪除。"
        }
        WhySelectorHas => "{key}={wanted}（此節點為 {key}={actual}）",
        WhySelectorLacks => "{key}={wanted}（此節點沒有 {key} 標籤）",
        WhyAffinityNoTerms => {
            "沒有 Pod：必要的節點親和性沒有非空的 nodeSelectorTerms，所以不符合任何節點；執行中的 Pod 會被刪除。"
        }
        WhyAffinityFailed => {
            "沒有 Pod：{node} 不符合必要節點親和性的任何一項：{terms}；執行中的 Pod 會被刪除。"
        }
        WhyTermNeeds => "nodeSelectorTerms[{term}] 需要 `{requirement}`（{has}）",
        WhyTermInvalid => "nodeSelectorTerms[{term}] 無效，永遠不會符合（{error}）",
        WhyFieldIs => "此節點的 {key} 為 {value}",
        WhyNoName => "此節點沒有名稱",
        WhyNoField => "節點沒有 {key} 欄位",
        WhyLabelIs => "此節點為 {key}={value}",
        WhyNoLabel => "此節點沒有 {key} 標籤",
        WhyTaintOne => "沒有 Pod：{node} 有污點 {taints}，而此 DaemonSet 不容忍它；{consequence}。",
        WhyTaintMany => {
            "沒有 Pod：{node} 有污點 {taints}，而此 DaemonSet 不容忍它們；{consequence}。"
        }
        WhyEvicted => "執行中的 Pod 會被驅逐（{taint} 的效果是 NoExecute）",
        WhyMayStay => "執行中的 Pod 可以留下（NoSchedule 不會驅逐）",
        WhyNoPodOn => "{node} 上沒有 Pod。",
        WhyNothingKeepsOff => {
            "有 Pod：沒有任何規則讓此 DaemonSet 遠離 {node}（沒有 nodeName、nodeSelector、必要的節點親和性或具阻擋作用的污點）。"
        }
        WhyRuns => "有 Pod：{node} 執行此 DaemonSet 的 Pod：{details}。",
        WhyNodeNameNames => "Pod 範本的 nodeName 指定了它",
        WhySelectorMatches => "它符合 nodeSelector {selector}",
        WhyTermMatches => "它符合必要節點親和性的 nodeSelectorTerms[{term}]",
        WhyDefaultToleration => "污點 {taint} 由預設容忍度 {toleration} 容忍",
        WhyUserToleration => "污點 {taint} 由 tolerations[{index}]（{toleration}）容忍",
        WhyPreferNoSchedule => "污點 {taint} 的效果是 PreferNoSchedule，DaemonSet 控制器會忽略它",
        WhyEffectIgnored => "污點 {taint} 的效果會被 DaemonSet 控制器忽略",
        WhyPodWaiting => "Pod {pod} 處於 {phase}：{waiting}",
        ListSeparator => "、",
        ClauseSeparator => "；",
        SentenceSeparator => "",
        // DaemonSet
        DaemonSets => "DaemonSet",
        RevisionOld => "版本 {revision} · 舊",
        RevisionCurrentTitle => "DaemonSet 的目前版本",
        RevisionOldTitle => "舊版本：滾動更新尚未替換這個 Pod",
        Surge => "surge",
        SurgeTitle => "在舊 Pod 旁邊啟動的新 Pod（maxSurge）：它可用後舊 Pod 才會離開",
        Revisions => "版本",
        RevisionLegendCurrent => "版本 {revision} 目前",
        NodesByProgress => "{daemonset}：依名稱排列的節點",
        NodeDone => "{node}：已完成",
        NodeRolling => "{node}：更新中",
        NodeWaiting => "{node}：等待中",
        NodeMissing => "{node}：還沒有 Pod",
        ProgressCounts => "{done} 個已完成 · {rolling} 個更新中 · {waiting} 個等待中",
        RolloutDone => "已完成：每個節點都執行目前版本。",
        RolloutRolling => "更新中：正在替換 Pod。",
        RolloutMaxUnavailable => {
            "等待中：已達到 maxUnavailable {max}（{unavailable} 個節點沒有可用的 Pod）；有節點恢復可用後，下一個舊 Pod 才會被刪除。"
        }
        RolloutMaxSurge => {
            "等待中：已達到 maxSurge {max}（{surging} 個新 Pod 正在舊 Pod 旁啟動）；其中一個可用後，下一個節點才會得到新 Pod。"
        }
        RolloutOnDelete => "OnDelete：{old} 個舊 Pod 只有在你刪除它們時才會被替換。",
        RolloutInvalid => "滾動更新無法繼續：{error}",
        RolloutProgress => "滾動更新進度",
        UpToDateOf => "{daemonset} 已更新",
        AvailableOf => "{daemonset} 可用",
        UpToDateCount => "已更新 {n}/{desired}",
        AvailableCount => "可用 {n}/{desired}",
        RevisionHistory => "修訂歷程",
        RevisionN => "修訂版本 {revision}",
        Current => "目前",
        RollBack => "還原",
        RollBackTo => "將 {daemonset} 還原到修訂版本 {revision}",
        // 事件
        Events => "事件",
        EventsHint => "kubectl get events，最新的 {n} 筆",
        FilterEvents => "依物件篩選事件",
        FilterEventsHint => "物件：node-1、pod/、daemonset/",
        EventTimeline => "事件時間軸",
        ColumnTime => "時間",
        ColumnType => "類型",
        ColumnReason => "原因",
        ColumnObject => "物件",
        ColumnMessage => "訊息",
        NoEvents => "沒有事件。",
        // 編輯器
        Manifest => "資訊清單",
        ManifestHint => "DaemonSet 與 Node，可包含多份文件；Ctrl+Enter 套用",
        Apply => "套用",
        ApplyFailed => "套用失敗",
        ShowLine => "顯示第 {line} 行",
        LargeManifest => {
            "文字很長：{size}，共 {lines} 行。為保持頁面輕快，以唯讀方式顯示；「套用」照常可用。"
        }
        EditAnyway => "仍要編輯",
        // 主控台
        Console => "主控台",
        ConsoleHint => "kubectl 與 sim 命令；Shift+Enter 換行；↑↓ 瀏覽歷程",
        Clear => "清除",
        ConsoleTranscript => "主控台紀錄",
        StdinOne => "標準輸入（1 行）",
        StdinMany => "標準輸入（{n} 行）",
        StepThrough => "逐步執行",
        StepThroughTitle => "將指令碼載入播放器，逐條執行",
        NextStep => "下一步",
        NextStepTitle => "執行下一個命令（在空白的主控台中按 Enter）",
        RunAll => "全部執行",
        Stop => "停止",
        Script => "指令碼",
        ScriptCommands => "指令碼命令",
        ScriptNothingRan => "無法讀取指令碼，未執行任何命令：{error}",
        ScriptProgress => "下一步：第 {next} 步，共 {len} 步 \u{b7} 剩餘 {remaining} 步",
        ScriptDone => "完成：{len} 個命令已全部執行 \u{b7} 剩餘 0 個",
        StdinLinesOne => "+1 行輸入",
        StdinLinesMany => "+{n} 行輸入",
        // Lessons
        JumpTo => "跳至",
        Lesson => "課程",
        OpenLesson => "開啟一個課程……",
        LessonStepOf => "第 {n} 步，共 {total} 步",
        LessonGoal => "目標",
        LessonGoalMet => "已達成",
        LessonGoalOpen => "尚未達成",
        LessonDone => "完成了！準備好就繼續。",
        LessonNext => "下一步",
        LessonComplete => "課程完成。",
        LessonHint => "提示",
        LessonShowSolution => "顯示答案",
        LessonSolution => "答案",
        LessonLeave => "離開課程",
        StepByStep => "逐步",
        StepByStepTitle => "在空白叢集上開啟範例，並將其指令碼載入主控台，逐步播放",
        // 分享、範例、檔案
        Preset => "範例",
        OpenPreset => "開啟範例情境⋯⋯",
        Share => "分享",
        LinkToScenario => "此情境的連結",
        Link => "連結",
        CopyLink => "複製連結",
        Copied => "已複製",
        EmbedInPage => "內嵌到網頁",
        EmbedSnippet => "內嵌程式碼",
        DownloadScenario => "下載情境",
        DownloadYaml => "下載 YAML",
        ImportScenario => "匯入情境",
        WorkAsItWas => "你的工作維持原狀。",
        FileTooLarge => "檔案大於 {mb} MB，未匯入。",
        FileNotText => "無法以文字讀取此檔案。",
        OpenInPlayground => "在 Playground 中開啟",
        // 連結與自動儲存
        LinkNotOpened => "無法開啟此連結。",
        AutosaveOpenInstead => "已改為開啟你自動儲存的工作。",
        ReplayProgress => "正在開啟儲存的工作：第 {done} 步，共 {total} 步。",
        OtherTabsKept => {
            "此分頁開啟了最後儲存的工作；其他 {n} 個分頁自動儲存的工作也會保留，每個分頁重新載入時會開啟它自己的工作。"
        }
        OtherTabOpen => {
            "Playground 也在另一個分頁中開啟。每個分頁自動儲存自己的工作：重新載入會開啟該分頁自己的工作，新分頁會開啟最後儲存的工作。"
        }
        AutosaveBlocked => {
            "此瀏覽器不允許頁面儲存任何內容，因此你的工作不會自動儲存。網址列中的連結保存著它：請加入書籤或複製該連結以保留。"
        }
        AutosaveFull => {
            "此瀏覽器為本頁面提供的儲存空間已滿，因此你的工作不再自動儲存。網址列中的連結保存著它：請加入書籤或複製該連結以保留。"
        }
        WorkTooLargeForLink => {
            "你的工作現在太大，無法放進連結（{length} 個字元；Playground 連結最多 {max} 個字元），因此網址列和自動儲存保留的是之前的版本。分享 → 下載情境可以保存全部內容。"
        }
        ShareTooLargeForLink => {
            "這個工作太大，無法放進連結（{length} 個字元；Playground 連結最多 {max} 個字元）。下面的「下載情境」可以保存全部內容。"
        }
        ReplayStopped => {
            "開啟在第 {done} 步（共 {total} 步）時被停止：儲存的工作的其餘部分沒有重播。"
        }
        AutosaveUnreadable => "無法讀取你上次自動儲存的內容（{error}）",
        DefaultOpenInstead => "已改為開啟預設情境。",
        StoppedThePage => "上次開啟時頁面停止了回應，因此不再重播。",
        LinkTooLong => "連結太長（{length} 個字元；Playground 連結最多 {max} 個字元）。",
        NotALink => "這不是 Playground 連結。",
        LinkUnpacksTooMuch => "連結解壓縮後超過 {mb} MB：Playground 不會開啟它。",
        LinkNewer => {
            "此連結由較新版本的 Playground 產生（格式 {format}）；目前版本只能讀取 {version}。"
        }
        LinkHoldsTooMuch => "連結的內容超過 {mb} MB：Playground 不會開啟它。",
        LinkUnreadable => "連結已損毀（無法讀取其中的情境：{error}）。",
        LinkDamaged => "連結已損毀或被截斷：無法解碼。",
        UnknownPreset => "連結指定了此 Playground 沒有的範例：{preset}。",
        TooManyNodes => "連結要求超過 {max} 個節點。",
        ScenarioScriptUnreadable => "無法讀取情境的指令碼：{error}。",
        TooManyCommands => "情境有 {n} 個命令；Playground 最多重播 {max} 個。",
        TooMuchTime => "情境的指令碼讓時鐘前進超過 {days} 天。",
        ScriptUnreadable => "無法讀取指令碼：{error}。",
        // 錯誤面板
        PanicHeading => "Playground 發生內部錯誤",
        PanicAdvice => "頁面已停止回應輸入。請重新載入以重新開始，並回報下方的訊息。",
        Reload => "重新載入",
        // 範例情境
        PresetFluentd => "fluentd-elasticsearch：容忍控制平面",
        PresetFluentdAbout => "每個節點上都有一個記錄收集器；靠著容忍度，控制平面節點也不例外。",
        PresetKubeProxy => "kube-proxy：容忍所有污點",
        PresetKubeProxyAbout => "它容忍所有污點：沒有污點能讓它遠離節點或將它驅逐。",
        PresetNodeSelector => "nodeSelector logger=fluentd：三個節點中的兩個",
        PresetNodeSelectorAbout => "只有帶著 logger=fluentd 標籤的節點才會有 Pod。",
        PresetNodeExporter => "每個節點上的 node-exporter",
        PresetNodeExporterAbout => {
            "使用主機網路與主機連接埠的監控代理程式，每次滾動更新 10% 的節點。"
        }
        PresetCalico => "使用 hostNetwork 的 calico-node",
        PresetCalicoAbout => {
            "在主機網路上執行的網路外掛，因此預設也容忍 network-unavailable 污點。"
        }
        PresetRollingUpdate => "maxUnavailable 為 1 的 RollingUpdate",
        PresetRollingUpdateAbout => "新的映像檔一次一個節點地滾動發布。",
        PresetSurge => "maxSurge 為 20% 的滾動更新",
        PresetSurgeAbout => "新 Pod 先啟動、舊 Pod 後停止，每次五分之一的節點。",
        PresetOnDelete => "OnDelete：只有刪除 Pod 時才會更新",
        PresetOnDeleteAbout => "範本變更後，只有在你刪除 Pod 時才會取代它。",
        PresetStuck => "因映像檔無法提取而卡住的滾動更新，以及還原",
        PresetStuckAbout => "新的映像檔無法提取：maxUnavailable 限制了損害，還原則恢復舊範本。",
        PresetDrain => "使用與不使用 --ignore-daemonsets 排空節點",
        PresetDrainAbout => {
            "不加 --ignore-daemonsets 時，kubectl drain 會拒絕處理 DaemonSet 的 Pod。"
        }
        PresetNotReady => "節點變成 NotReady",
        PresetNotReadyAbout => "節點不再就緒並被加上 not-ready 污點：看看哪些 Pod 容忍它們。",
        PresetDeployment => "把 Deployment 變成 DaemonSet",
        PresetDeploymentAbout => {
            "deploy/rng 執行一個 Pod；把它的 YAML 改成 kind: DaemonSet 會被拒絕（spec.replicas、spec.strategy），直到加上 --validate=false；之後兩者同時執行，多了一個 Pod。"
        }
    }
}
