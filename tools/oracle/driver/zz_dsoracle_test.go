// DaemonSet differential oracle. Our own code, compiled into the test binary of
// k8s.io/kubernetes/pkg/controller/daemon so that it can drive the real controller's
// syncHandler the way the upstream unit tests do. Copied into the package directory at build
// time by setup.sh beside it; it is not upstream code.
//
// The project's copy of ../shared/oracle/zz_dsoracle_test.go (issue 19), changed where the
// oracle was the side too simple (docs/fidelity.md, "The driver"):
//   - the controller's clock (failedPodsBackoff.Clock, which it reads for availability and
//     minReadySeconds) starts at the driver's own time and moves with every round, so
//     minReadySeconds counts; a settle is not quiet while a Ready pod waits for it;
//   - readyDelay: a pod becomes Ready that many seconds (rounds) after it started, so
//     a rollout meets pods that are not yet available, as dsplay's kubelet does;
//   - the scheduler binds a pod only where it fits (cpu, memory, pod count against the node's
//     allocatable; a node without one gets what a registering kubelet reports: 4 CPUs, 16Gi,
//     110 pods, as dsplay does);
//   - podGCSeconds: PodGC deletes pods bound to a node that no longer exists after that many
//     seconds (0: no PodGC, the shared driver's behaviour);
//   - taintEviction: the taint-eviction controller (processPodOnNode): a pod on a node with a
//     NoExecute taint it does not tolerate is deleted at once, one whose tolerations all carry
//     tolerationSeconds the smallest of them after the controller first saw it. It runs at the
//     start of a round, so the round's syncs see the evicted pod terminating (as a DaemonSet
//     controller reacting to the eviction does), and the kubelet removes it after them; each
//     eviction is in the trace (`evictions`);
//   - its clock starts where dsplay's does: the first round syncs at time zero, and a
//     background delete of a DaemonSet deletes its pods gracefully (stopSeconds), so steps take
//     the same time on both sides (gen-447000166).
//
// Run: DSORACLE_SCENARIO=file.yaml daemon.test -test.run TestDSOracle -test.v
package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	apps "k8s.io/api/apps/v1"
	v1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes/fake"
	core "k8s.io/client-go/testing"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/record"
	"k8s.io/client-go/util/flowcontrol"
	"k8s.io/klog/v2"
	"k8s.io/klog/v2/ktesting"
	appsdefaults "k8s.io/kubernetes/pkg/apis/apps/v1"
	podutil "k8s.io/kubernetes/pkg/api/v1/pod"
	v1helper "k8s.io/kubernetes/pkg/apis/core/v1/helper"
	"k8s.io/kubernetes/pkg/controller"
	dsutil "k8s.io/kubernetes/pkg/controller/daemon/util"
	testingclock "k8s.io/utils/clock/testing"
	"sigs.k8s.io/yaml"
)

type oracleSetImage struct {
	DS        string `json:"ds"`
	Container string `json:"container"`
	Image     string `json:"image"`
}

// oracleDeleteDS deletes a DaemonSet as the API server and the garbage collector do:
// cascade "orphan" takes the DaemonSet's controller reference off its pods and
// ControllerRevisions (they stay, for a new DaemonSet to adopt); "background" deletes them.
type oracleDeleteDS struct {
	Name    string `json:"name"`
	Cascade string `json:"cascade"`
}

type oracleStep struct {
	Comment         string           `json:"comment,omitempty"`
	Settle          int              `json:"settle,omitempty"` // sync rounds until quiet, at most N
	Sync            int              `json:"sync,omitempty"`   // exactly N sync rounds
	ApplyNodes      []v1.Node        `json:"applyNodes,omitempty"`
	ApplyDaemonSets []apps.DaemonSet `json:"applyDaemonSets,omitempty"`
	DeleteNodes     []string         `json:"deleteNodes,omitempty"`
	DeleteDSs       []oracleDeleteDS `json:"deleteDaemonSets,omitempty"`
	SetImage        *oracleSetImage  `json:"setImage,omitempty"`
	MarkReady       bool             `json:"markReady,omitempty"`
	Print           bool             `json:"print,omitempty"`
}

type oracleScenario struct {
	Name             string           `json:"name"`
	AutoReady        *bool            `json:"autoReady,omitempty"`        // kubelet makes pods Ready between syncs (default true)
	TerminatingSyncs int              `json:"terminatingSyncs,omitempty"` // syncs a deleted pod stays terminating (default 0)
	ReadyDelay       int              `json:"readyDelay,omitempty"`       // seconds (rounds) from start to Ready (default 0)
	PodGCSeconds     int              `json:"podGCSeconds,omitempty"`     // PodGC of pods on vanished nodes after N s (0: none)
	StopSeconds      int              `json:"stopSeconds,omitempty"`      // a deleted pod terminates for N s (0: gone at once)
	InstantResync    bool             `json:"instantResync,omitempty"`    // sync again at once after a sync that wrote
	TaintEviction    bool             `json:"taintEviction,omitempty"`    // run the taint-eviction controller
	Nodes            []v1.Node        `json:"nodes"`
	DaemonSets       []apps.DaemonSet `json:"daemonSets"`
	Steps            []oracleStep     `json:"steps"`
}

var (
	podsGVR  = schema.GroupVersionResource{Version: "v1", Resource: "pods"}
	nodesGVR = schema.GroupVersionResource{Version: "v1", Resource: "nodes"}
	dsGVR    = schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "daemonsets"}
	crGVR    = schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "controllerrevisions"}
	podsGVK  = schema.GroupVersionKind{Version: "v1", Kind: "Pod"}
	nodesGVK = schema.GroupVersionKind{Version: "v1", Kind: "Node"}
	dsGVK    = schema.GroupVersionKind{Group: "apps", Version: "v1", Kind: "DaemonSet"}
	crGVK    = schema.GroupVersionKind{Group: "apps", Version: "v1", Kind: "ControllerRevision"}
)

type oracle struct {
	t          *testing.T
	ctx        context.Context
	sc         *oracleScenario
	client     *fake.Clientset
	dsc        *DaemonSetsController
	stores     map[schema.GroupVersionResource]cache.Store
	rec        *record.FakeRecorder
	round      int
	uid        int
	podSeq     int
	terminated map[string]int // pod name -> syncs spent terminating
	now        time.Time
	clock      *testingclock.FakeClock // the controller's clock, kept at now
	orphaned   map[string]time.Time    // pod -> when PodGC first saw its node gone
	evictAt    map[string]time.Time    // pod -> when the taint-eviction controller deletes it
	evicted    map[string]time.Time    // deleted or evicted pods (still terminating) -> when
	hold       bool                    // the next round syncs without moving the clock
	advanced   bool                    // the last round moved the clock
	trace      []map[string]any
}

func TestDSOracle(t *testing.T) {
	path := os.Getenv("DSORACLE_SCENARIO")
	if path == "" {
		t.Skip("DSORACLE_SCENARIO not set")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := &oracleScenario{}
	if err := yaml.UnmarshalStrict(raw, sc); err != nil {
		t.Fatalf("scenario: %v", err)
	}
	if len(sc.Steps) == 0 {
		sc.Steps = []oracleStep{{Settle: 50}}
	}
	if v := os.Getenv("DSORACLE_TERMINATING_SYNCS"); v != "" {
		fmt.Sscan(v, &sc.TerminatingSyncs)
	}
	o := newOracle(t, sc)
	fmt.Printf("# scenario %s\n", sc.Name)
	for _, n := range sc.Nodes {
		o.applyNode(n.DeepCopy())
	}
	for _, d := range sc.DaemonSets {
		o.applyDS(d.DeepCopy())
	}
	o.mirror()
	// The first round syncs at time zero, the instant the scenario's objects were created, as
	// dsplay's controller syncs at the instant of the apply (a step's first round does the same,
	// below). Starting a second late made every pod of the first step a second younger than
	// dsplay's, which minReadySeconds could see later (gen-447000166).
	o.hold = true
	for _, st := range sc.Steps {
		o.step(st)
	}
	o.printState(true)
}

// epoch is the driver's time zero; a round's time is printed from it.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newOracle(t *testing.T, sc *oracleScenario) *oracle {
	ctx := context.Background()
	if os.Getenv("DSORACLE_KLOG") != "" {
		// the controller's own log lines (level set by -testing.v, default 5) via t.Log
		_, ctx = ktesting.NewTestContext(t)
	}
	client := fake.NewSimpleClientset()
	o := &oracle{t: t, ctx: ctx, sc: sc, client: client, terminated: map[string]int{},
		now: epoch, orphaned: map[string]time.Time{}, evictAt: map[string]time.Time{}, evicted: map[string]time.Time{}}
	o.clock = testingclock.NewFakeClock(o.now)
	// Give generateName pods a deterministic name, as the API server would give a random one.
	client.PrependReactor("create", "pods", func(a core.Action) (bool, runtime.Object, error) {
		pod := a.(core.CreateAction).GetObject().(*v1.Pod)
		if pod.Name == "" {
			o.podSeq++
			pod.Name = fmt.Sprintf("%s%05d", pod.GenerateName, o.podSeq)
		}
		o.uid++
		pod.UID = types.UID(fmt.Sprintf("pod-uid-%d", o.uid))
		pod.CreationTimestamp = metav1.NewTime(o.now)
		return false, nil, nil
	})
	// The stored pod a delete names, to mark it terminating in its place.
	deletedPod := func(a core.Action) (*v1.Pod, error) {
		da := a.(core.DeleteAction)
		obj, err := client.Tracker().Get(podsGVR, da.GetNamespace(), da.GetName())
		if err != nil {
			return nil, err
		}
		return obj.(*v1.Pod).DeepCopy(), nil
	}
	// A deleted pod terminates for stopSeconds (its containers stopping) before it is gone.
	if sc.StopSeconds > 0 {
		client.PrependReactor("delete", "pods", func(a core.Action) (bool, runtime.Object, error) {
			pod, err := deletedPod(a)
			if err != nil {
				return true, nil, err
			}
			// The API server's CheckGracefulDelete: a pod no node runs (unbound or finished)
			// goes at once.
			if pod.Spec.NodeName == "" || pod.Status.Phase == v1.PodSucceeded || pod.Status.Phase == v1.PodFailed {
				return false, nil, nil
			}
			if pod.DeletionTimestamp == nil {
				o.stopping(pod)
			}
			return true, nil, nil
		})
	}
	// Graceful deletion: a deleted pod gets a deletionTimestamp and stays while terminating.
	if sc.TerminatingSyncs > 0 {
		client.PrependReactor("delete", "pods", func(a core.Action) (bool, runtime.Object, error) {
			pod, err := deletedPod(a)
			if err != nil {
				return true, nil, err
			}
			if pod.DeletionTimestamp == nil {
				ts := metav1.NewTime(o.now)
				pod.DeletionTimestamp = &ts
				o.terminated[pod.Name] = 0
				if err := client.Tracker().Update(podsGVR, pod, pod.Namespace); err != nil {
					return true, nil, err
				}
			}
			return true, nil, nil
		})
	}
	factory := informers.NewSharedInformerFactory(client, controller.NoResyncPeriodFunc())
	dsc, err := NewDaemonSetsController(ctx,
		factory.Apps().V1().DaemonSets(),
		factory.Apps().V1().ControllerRevisions(),
		factory.Core().V1().Pods(),
		factory.Core().V1().Nodes(),
		client,
		flowcontrol.NewFakeBackOff(50*time.Millisecond, 500*time.Millisecond, o.clock),
	)
	if err != nil {
		t.Fatal(err)
	}
	o.rec = record.NewFakeRecorder(100000)
	dsc.eventRecorder = o.rec
	// The real pod control, writing to the fake API server (not the unit tests' fake pod control).
	dsc.podControl = controller.RealPodControl{KubeClient: client, Recorder: o.rec}
	o.dsc = dsc
	o.stores = map[schema.GroupVersionResource]cache.Store{
		podsGVR:  factory.Core().V1().Pods().Informer().GetStore(),
		nodesGVR: factory.Core().V1().Nodes().Informer().GetStore(),
		dsGVR:    factory.Apps().V1().DaemonSets().Informer().GetStore(),
		crGVR:    factory.Apps().V1().ControllerRevisions().Informer().GetStore(),
	}
	return o
}

func (o *oracle) list(gvr schema.GroupVersionResource, gvk schema.GroupVersionKind) []runtime.Object {
	obj, err := o.client.Tracker().List(gvr, gvk, "")
	if err != nil {
		o.t.Fatal(err)
	}
	items, err := meta.ExtractList(obj)
	if err != nil {
		o.t.Fatal(err)
	}
	return items
}

// mirror plays the informers: the stores are set to what the fake API server holds.
func (o *oracle) mirror() {
	for gvr, gvk := range map[schema.GroupVersionResource]schema.GroupVersionKind{podsGVR: podsGVK, nodesGVR: nodesGVK, dsGVR: dsGVK, crGVR: crGVK} {
		var items []interface{}
		for _, it := range o.list(gvr, gvk) {
			items = append(items, it)
		}
		if err := o.stores[gvr].Replace(items, ""); err != nil {
			o.t.Fatal(err)
		}
	}
}

// registered fills in what a registering kubelet reports when the manifest gives none (the
// same defaults as dsplay's kubelet: a 4-CPU, 16Gi, 110-pod node).
func registered(n *v1.Node) {
	if len(n.Status.Allocatable) > 0 {
		return
	}
	if n.Status.Capacity == nil {
		n.Status.Capacity = v1.ResourceList{}
	}
	for name, q := range map[v1.ResourceName]string{v1.ResourceCPU: "4", v1.ResourceMemory: "16Gi", v1.ResourcePods: "110"} {
		if _, ok := n.Status.Capacity[name]; !ok {
			n.Status.Capacity[name] = resource.MustParse(q)
		}
	}
	n.Status.Allocatable = n.Status.Capacity.DeepCopy()
}

func (o *oracle) applyNode(n *v1.Node) {
	registered(n)
	if n.UID == "" {
		o.uid++
		n.UID = types.UID(fmt.Sprintf("node-uid-%d", o.uid))
	}
	if _, err := o.client.Tracker().Get(nodesGVR, "", n.Name); err == nil {
		old, _ := o.client.Tracker().Get(nodesGVR, "", n.Name)
		n.UID = old.(*v1.Node).UID
		if err := o.client.Tracker().Update(nodesGVR, n, ""); err != nil {
			o.t.Fatal(err)
		}
		return
	}
	if err := o.client.Tracker().Add(n); err != nil {
		o.t.Fatal(err)
	}
}

// templateGenerationKey is where apps/v1 keeps the registry's templateGeneration; the
// controller labels its pods with it (pod-template-generation) and counts a pod whose label
// matches as updated (IsPodUpdated), which a re-created DaemonSet does for orphans of the same
// generation.
const templateGenerationKey = "deprecated.daemonset.template.generation"

func setTemplateGeneration(d *apps.DaemonSet, gen int64) {
	if d.Annotations == nil {
		d.Annotations = map[string]string{}
	}
	d.Annotations[templateGenerationKey] = strconv.FormatInt(gen, 10)
}

// applyDS does what the API server does on create/update: defaults, uid, generation.
func (o *oracle) applyDS(d *apps.DaemonSet) {
	if d.Namespace == "" {
		d.Namespace = metav1.NamespaceDefault
	}
	appsdefaults.SetObjectDefaults_DaemonSet(d)
	old, err := o.client.Tracker().Get(dsGVR, d.Namespace, d.Name)
	if err == nil {
		od := old.(*apps.DaemonSet)
		d.UID = od.UID
		d.CreationTimestamp = od.CreationTimestamp
		d.Status = od.Status
		d.Generation = od.Generation
		if !reflect.DeepEqual(d.Spec, od.Spec) {
			d.Generation++
		}
		// The registry's PrepareForUpdate: templateGeneration goes up with the template.
		gen, _ := strconv.ParseInt(od.Annotations[templateGenerationKey], 10, 64)
		if !reflect.DeepEqual(d.Spec.Template, od.Spec.Template) {
			gen++
		}
		setTemplateGeneration(d, gen)
		if err := o.client.Tracker().Update(dsGVR, d, d.Namespace); err != nil {
			o.t.Fatal(err)
		}
		return
	}
	o.uid++
	d.UID = types.UID(fmt.Sprintf("ds-uid-%d", o.uid))
	d.Generation = 1
	setTemplateGeneration(d, 1) // the registry's PrepareForCreate
	d.CreationTimestamp = metav1.NewTime(o.now)
	if err := o.client.Tracker().Add(d); err != nil {
		o.t.Fatal(err)
	}
}

func (o *oracle) step(st oracleStep) {
	if st.Comment != "" {
		fmt.Printf("# %s\n", st.Comment)
	}
	for i := range st.ApplyNodes {
		o.applyNode(st.ApplyNodes[i].DeepCopy())
	}
	for i := range st.ApplyDaemonSets {
		o.applyDS(st.ApplyDaemonSets[i].DeepCopy())
	}
	for _, name := range st.DeleteNodes {
		if err := o.client.Tracker().Delete(nodesGVR, "", name); err != nil {
			o.t.Fatal(err)
		}
	}
	for _, del := range st.DeleteDSs {
		o.deleteDS(del)
	}
	if si := st.SetImage; si != nil {
		obj, err := o.client.Tracker().Get(dsGVR, metav1.NamespaceDefault, si.DS)
		if err != nil {
			o.t.Fatal(err)
		}
		d := obj.(*apps.DaemonSet).DeepCopy()
		for i := range d.Spec.Template.Spec.Containers {
			if si.Container == "" || d.Spec.Template.Spec.Containers[i].Name == si.Container {
				d.Spec.Template.Spec.Containers[i].Image = si.Image
			}
		}
		o.applyDS(d)
	}
	if st.MarkReady {
		o.kubelet(true)
	}
	o.mirror()
	for i := 0; i < st.Sync; i++ {
		o.syncRound()
	}
	if st.Settle > 0 {
		quiet := false
		for i := 0; i < st.Settle && !quiet; i++ {
			quiet = !o.syncRound()
		}
		if quiet && !o.advanced {
			o.hold = true // a step that changed nothing took no time either
		}
		if quiet && o.advanced {
			// The round that found nothing to do took no time, and the next step's first round
			// syncs at the instant of its change: dsplay's settle stops at the last change and a
			// command there is synced at once (otherwise each step would add seconds).
			o.now = o.now.Add(-time.Second)
			o.clock.SetTime(o.now)
			o.hold = true
		}
		if !quiet {
			fmt.Printf("!! not settled after %d rounds\n", st.Settle)
		}
	}
	if st.Print {
		o.printState(false)
	}
}

func (o *oracle) deleteDS(del oracleDeleteDS) {
	obj, err := o.client.Tracker().Get(dsGVR, metav1.NamespaceDefault, del.Name)
	if err != nil {
		o.t.Fatal(err)
	}
	uid := obj.(*apps.DaemonSet).UID
	owned := func(m metav1.Object) bool {
		ref := metav1.GetControllerOfNoCopy(m)
		return ref != nil && ref.UID == uid
	}
	for _, kind := range []struct {
		gvr schema.GroupVersionResource
		gvk schema.GroupVersionKind
	}{{podsGVR, podsGVK}, {crGVR, crGVK}} {
		for _, it := range o.list(kind.gvr, kind.gvk) {
			obj := it.DeepCopyObject()
			m, err := meta.Accessor(obj)
			if err != nil {
				o.t.Fatal(err)
			}
			if !owned(m) {
				continue
			}
			switch {
			case del.Cascade == "orphan":
				m.SetOwnerReferences(nil)
				err = o.client.Tracker().Update(kind.gvr, obj, m.GetNamespace())
			case kind.gvr == podsGVR:
				// The garbage collector deletes the pods through the API server, gracefully:
				// each terminates for stopSeconds (the delete reactors above), as any deleted
				// pod does and as dsplay's do (gen-447000166: taking them at once made the step
				// a second shorter than dsplay's).
				err = o.client.CoreV1().Pods(m.GetNamespace()).Delete(o.ctx, m.GetName(), metav1.DeleteOptions{})
			default:
				err = o.client.Tracker().Delete(kind.gvr, m.GetNamespace(), m.GetName())
			}
			if err != nil {
				o.t.Fatal(err)
			}
		}
	}
	if err := o.client.Tracker().Delete(dsGVR, metav1.NamespaceDefault, del.Name); err != nil {
		o.t.Fatal(err)
	}
}

func podNode(p *v1.Pod) string {
	if p.Spec.NodeName != "" {
		return p.Spec.NodeName
	}
	n, err := dsutil.GetTargetNodeName(p)
	if err != nil {
		return "?"
	}
	return n
}

// syncRound syncs every DaemonSet once, then lets scheduler and kubelet act. It reports whether
// anything changed.
func (o *oracle) syncRound() bool {
	o.round++
	o.advanced = !o.hold
	if o.hold {
		o.hold = false
	} else {
		o.now = o.now.Add(time.Second)
	}
	o.clock.SetTime(o.now)
	changed := false
	if o.removeStopped() || o.taintEviction() {
		changed = true
		o.mirror()
	}
	// Upstream's controller syncs again as soon as its informers report its own writes
	// (expectations): with instantResync, passes repeat at this time while one wrote.
	for pass := 0; pass < 10; pass++ {
		passChanged, wrote := o.syncPass()
		changed = changed || passChanged
		if !wrote || !o.sc.InstantResync {
			break
		}
		o.mirror()
	}
	o.drainEvents()
	if o.kubelet(o.sc.AutoReady == nil || *o.sc.AutoReady) {
		changed = true
	}
	if o.taintEviction() || o.podGC() || o.waiting() { // it sees pods bound this round at once

		changed = true
	}
	o.mirror()
	return changed
}

// syncPass syncs every DaemonSet once. It reports whether anything changed and whether a sync
// created or deleted pods.
func (o *oracle) syncPass() (changed, wrote bool) {
	podNodeBefore := map[string]string{}
	for _, it := range o.list(podsGVR, podsGVK) {
		p := it.(*v1.Pod)
		podNodeBefore[p.Namespace+"/"+p.Name] = podNode(p)
	}
	var keys []string
	for _, it := range o.list(dsGVR, dsGVK) {
		d := it.(*apps.DaemonSet)
		keys = append(keys, d.Namespace+"/"+d.Name)
	}
	sort.Strings(keys)
	for _, key := range keys {
		before, _ := o.client.Tracker().Get(dsGVR, strings.Split(key, "/")[0], strings.Split(key, "/")[1])
		start := len(o.client.Actions())
		err := o.dsc.syncHandler(o.ctx, key)
		acts := o.client.Actions()[start:]
		var creates, deletes, other []string
		for _, a := range acts {
			switch {
			case a.GetVerb() == "create" && a.GetResource().Resource == "pods":
				creates = append(creates, podNode(a.(core.CreateAction).GetObject().(*v1.Pod)))
			case a.GetVerb() == "delete" && a.GetResource().Resource == "pods":
				name := a.GetNamespace() + "/" + a.(core.DeleteAction).GetName()
				deletes = append(deletes, podNodeBefore[name])
			case a.GetVerb() == "get" || a.GetVerb() == "list":
			default:
				r := a.GetResource().Resource
				if a.GetSubresource() != "" {
					r += "/" + a.GetSubresource()
				}
				other = append(other, a.GetVerb()+" "+r)
			}
		}
		sort.Strings(creates)
		sort.Strings(deletes)
		after, _ := o.client.Tracker().Get(dsGVR, strings.Split(key, "/")[0], strings.Split(key, "/")[1])
		statusChanged := before != nil && after != nil && !reflect.DeepEqual(before.(*apps.DaemonSet).Status, after.(*apps.DaemonSet).Status)
		if len(creates)+len(deletes) > 0 {
			wrote = true
		}
		if len(creates)+len(deletes) > 0 || statusChanged {
			changed = true
		}
		errS := ""
		if err != nil {
			errS = " err=" + err.Error()
		}
		fmt.Printf("sync %d t=%s ds/%s: creates=%v deletes=%v%s\n", o.round, o.now.Sub(epoch), strings.Split(key, "/")[1], creates, deletes, errS)
		if len(other) > 0 && os.Getenv("DSORACLE_VERBOSE") != "" {
			fmt.Printf("    other writes: %v\n", other)
		}
		o.trace = append(o.trace, map[string]any{"round": o.round, "ds": key, "creates": creates, "deletes": deletes})
		o.dsc.expectations.DeleteExpectations(klog.FromContext(o.ctx), key)
	}
	return changed, wrote
}

// waiting reports whether time alone will change something: a pod waiting for its readyDelay,
// a Ready pod not yet available under its DaemonSet's minReadySeconds, or PodGC's wait.
func (o *oracle) waiting() bool {
	if len(o.orphaned) > 0 || len(o.evictAt) > 0 || len(o.evicted) > 0 {
		return true
	}
	minReady := map[string]int32{}
	for _, it := range o.list(dsGVR, dsGVK) {
		d := it.(*apps.DaemonSet)
		minReady[d.Name] = d.Spec.MinReadySeconds
	}
	for _, it := range o.list(podsGVR, podsGVK) {
		p := it.(*v1.Pod)
		if p.DeletionTimestamp != nil || p.Spec.NodeName == "" {
			continue
		}
		if !isReady(p) && o.sc.ReadyDelay > 0 && (o.sc.AutoReady == nil || *o.sc.AutoReady) {
			return true
		}
		if ref := metav1.GetControllerOf(p); ref != nil && isReady(p) &&
			!podutil.IsPodAvailable(p, minReady[ref.Name], metav1.NewTime(o.now)) {
			return true
		}
	}
	return false
}

// stopping marks a pod deleted: it terminates (deletionTimestamp set) until removeStopped
// takes it away.
func (o *oracle) stopping(pod *v1.Pod) {
	ts := metav1.NewTime(o.now)
	grace := int64(30)
	pod.DeletionTimestamp, pod.DeletionGracePeriodSeconds = &ts, &grace
	if err := o.client.Tracker().Update(podsGVR, pod, pod.Namespace); err != nil {
		o.t.Fatal(err)
	}
	o.evicted[pod.Name] = o.now
}

// removeStopped takes away the deleted pods stopSeconds (at least one second) after their
// deletion, as dsplay's kubelet takes them down.
func (o *oracle) removeStopped() bool {
	removed := false
	stop := time.Duration(max(o.sc.StopSeconds, 1)) * time.Second
	for name, at := range o.evicted {
		if o.now.Before(at.Add(stop)) {
			continue
		}
		// already gone if a background delete of its DaemonSet took it
		if err := o.client.Tracker().Delete(podsGVR, metav1.NamespaceDefault, name); err != nil && !apierrors.IsNotFound(err) {
			o.t.Fatal(err)
		}
		delete(o.evicted, name)
		removed = true
	}
	return removed
}

// taintEviction plays the taint-eviction controller's processPodOnNode for every bound pod
// (scheduling its eviction from the time it first sees it) and evicts the pods whose time has
// come. It reports whether it evicted any. It runs at the start of a round (a taint added by the
// step, an eviction come due) and after the kubelet phase (pods bound in this round). An evicted
// pod stays terminating for one second (removeStopped).
func (o *oracle) taintEviction() bool {
	if !o.sc.TaintEviction {
		return false
	}
	logger := klog.FromContext(o.ctx)
	evicted := false
	seen := map[string]bool{}
	for _, it := range o.list(podsGVR, podsGVK) {
		p := it.(*v1.Pod)
		if p.DeletionTimestamp != nil || p.Spec.NodeName == "" {
			continue
		}
		obj, err := o.client.Tracker().Get(nodesGVR, "", p.Spec.NodeName)
		if err != nil {
			continue
		}
		var taints []v1.Taint
		for _, t := range obj.(*v1.Node).Spec.Taints {
			if t.Effect == v1.TaintEffectNoExecute {
				taints = append(taints, t)
			}
		}
		if len(taints) == 0 {
			continue
		}
		at, scheduled := o.evictAt[p.Name]
		all, used := v1helper.GetMatchingTolerations(logger, taints, p.Spec.Tolerations)
		switch min := minTolerationTime(used); {
		case !all:
			at, scheduled = o.now, true
		case min < 0:
			scheduled = false
		case !scheduled:
			at, scheduled = o.now.Add(min), true
		}
		if !scheduled {
			continue
		}
		if o.now.Before(at) {
			seen[p.Name] = true
			o.evictAt[p.Name] = at
			continue
		}
		o.stopping(p.DeepCopy())
		// the pod's DaemonSet, or for an orphan the one its name came from (as compare.py
		// reads dsplay's audit log: by name)
		ds := p.Namespace + "/" + strings.TrimSuffix(p.GenerateName, "-")
		if ref := metav1.GetControllerOf(p); ref != nil {
			ds = p.Namespace + "/" + ref.Name
		}
		fmt.Printf("    taint eviction: deleted %s (node %s)\n", p.Name, p.Spec.NodeName)
		o.trace = append(o.trace, map[string]any{"round": o.round, "ds": ds, "creates": nil, "deletes": nil, "evictions": []string{p.Spec.NodeName}})
		evicted = true
	}
	for name := range o.evictAt {
		if !seen[name] {
			delete(o.evictAt, name)
		}
	}
	return evicted
}

// minTolerationTime is the taint-eviction controller's getMinTolerationTime: the smallest
// tolerationSeconds of the tolerations used (0 if any is 0 or less), -1 when none has one.
func minTolerationTime(used []v1.Toleration) time.Duration {
	if len(used) == 0 {
		return 0
	}
	min := int64(-1)
	for _, t := range used {
		if t.TolerationSeconds == nil {
			continue
		}
		if *t.TolerationSeconds <= 0 {
			return 0
		}
		if min < 0 || *t.TolerationSeconds < min {
			min = *t.TolerationSeconds
		}
	}
	if min < 0 {
		return -1
	}
	return time.Duration(min) * time.Second
}

// podGC deletes pods bound to a node that no longer exists once podGCSeconds have passed
// (PodGC's gcOrphaned and its quarantine). It reports whether it deleted any.
func (o *oracle) podGC() bool {
	if o.sc.PodGCSeconds <= 0 {
		return false
	}
	nodes := map[string]bool{}
	for _, it := range o.list(nodesGVR, nodesGVK) {
		nodes[it.(*v1.Node).Name] = true
	}
	deleted := false
	seen := map[string]bool{}
	for _, it := range o.list(podsGVR, podsGVK) {
		p := it.(*v1.Pod)
		if p.Spec.NodeName == "" || nodes[p.Spec.NodeName] {
			continue
		}
		seen[p.Name] = true
		since, ok := o.orphaned[p.Name]
		if !ok {
			o.orphaned[p.Name] = o.now
			continue
		}
		if o.now.Sub(since) >= time.Duration(o.sc.PodGCSeconds)*time.Second {
			if err := o.client.Tracker().Delete(podsGVR, p.Namespace, p.Name); err != nil {
				o.t.Fatal(err)
			}
			fmt.Printf("    podgc: deleted %s (node %s gone)\n", p.Name, p.Spec.NodeName)
			delete(o.orphaned, p.Name)
			deleted = true
		}
	}
	for name := range o.orphaned {
		if !seen[name] {
			delete(o.orphaned, name)
		}
	}
	return deleted
}

func (o *oracle) drainEvents() {
	for {
		select {
		case e := <-o.rec.Events:
			if os.Getenv("DSORACLE_VERBOSE") != "" || strings.HasPrefix(e, "Warning") {
				fmt.Printf("    event: %s\n", e)
			}
		default:
			return
		}
	}
}

// kubelet plays the scheduler (bind to the node of the nodeAffinity matchFields) and the
// kubelet (Running, and Ready when ready is true; terminating pods go away). It reports whether
// it changed anything.
func (o *oracle) kubelet(ready bool) bool {
	changed := false
	// The scheduler's queue: the oldest pod first (kube-scheduler's PrioritySort orders equal
	// priorities by when they were queued), so a pod waiting for room gets it before a newer one.
	pods := o.list(podsGVR, podsGVK)
	sort.SliceStable(pods, func(i, j int) bool {
		a, b := pods[i].(*v1.Pod), pods[j].(*v1.Pod)
		if !a.CreationTimestamp.Equal(&b.CreationTimestamp) {
			return a.CreationTimestamp.Before(&b.CreationTimestamp)
		}
		return a.Name < b.Name
	})
	for _, it := range pods {
		p := it.(*v1.Pod).DeepCopy()
		if _, ok := o.evicted[p.Name]; ok {
			continue // removeStopped takes it away
		}
		if p.DeletionTimestamp != nil {
			if o.terminated[p.Name] >= o.sc.TerminatingSyncs {
				if err := o.client.Tracker().Delete(podsGVR, p.Namespace, p.Name); err != nil {
					o.t.Fatal(err)
				}
				delete(o.terminated, p.Name)
			} else {
				o.terminated[p.Name]++
			}
			changed = true
			continue
		}
		mod := false
		if p.Spec.NodeName == "" {
			if n := podNode(p); n != "?" && o.fits(p, n) {
				p.Spec.NodeName = n
				mod = true
			}
		}
		if p.Spec.NodeName != "" && p.Status.Phase == "" {
			p.Status.Phase = v1.PodRunning
			p.Status.StartTime = &metav1.Time{Time: o.now}
			mod = true
		}
		// Ready readyDelay seconds after the start; the transition is stamped at the end of
		// the round that reaches it (the next round's time), which is when the next sync sees it.
		readyAt := o.now.Add(time.Second)
		if p.Status.StartTime != nil {
			if at := p.Status.StartTime.Add(time.Duration(o.sc.ReadyDelay) * time.Second); at.After(readyAt) {
				readyAt = at
			}
		}
		if p.Spec.NodeName != "" && ready && !isReady(p) && !readyAt.After(o.now.Add(time.Second)) {
			p.Status.Conditions = append(p.Status.Conditions, v1.PodCondition{Type: v1.PodReady, Status: v1.ConditionTrue, LastTransitionTime: metav1.NewTime(readyAt)})
			mod = true
		}
		if mod {
			changed = true
			if err := o.client.Tracker().Update(podsGVR, p, p.Namespace); err != nil {
				o.t.Fatal(err)
			}
		}
	}
	return changed
}

// fits plays the scheduler's NodeResourcesFit: the pod's cpu and memory requests and one more
// pod against the node's allocatable, beside every non-terminal pod bound there (terminating
// ones included: they hold their resources until they are gone).
func (o *oracle) fits(pod *v1.Pod, nodeName string) bool {
	obj, err := o.client.Tracker().Get(nodesGVR, "", nodeName)
	if err != nil {
		return false
	}
	alloc := obj.(*v1.Node).Status.Allocatable
	want := requests(pod)
	count := int64(1)
	for _, it := range o.list(podsGVR, podsGVK) {
		q := it.(*v1.Pod)
		if q.Spec.NodeName != nodeName || q.UID == pod.UID || q.Status.Phase == v1.PodSucceeded || q.Status.Phase == v1.PodFailed {
			continue
		}
		count++
		for name, v := range requests(q) {
			w := want[name]
			w.Add(v)
			want[name] = w
		}
	}
	for name, w := range requests(pod) {
		if w.IsZero() {
			continue
		}
		if a, ok := alloc[name]; ok {
			total := want[name]
			if total.Cmp(a) > 0 {
				return false
			}
		}
	}
	if a, ok := alloc[v1.ResourcePods]; ok && count > a.Value() {
		return false
	}
	return true
}

// requests sums the containers' cpu and memory requests.
func requests(p *v1.Pod) v1.ResourceList {
	out := v1.ResourceList{}
	for _, c := range p.Spec.Containers {
		for _, name := range []v1.ResourceName{v1.ResourceCPU, v1.ResourceMemory} {
			if q, ok := c.Resources.Requests[name]; ok {
				v := out[name]
				v.Add(q)
				out[name] = v
			}
		}
	}
	return out
}

func isReady(p *v1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == v1.PodReady && c.Status == v1.ConditionTrue {
			return true
		}
	}
	return false
}

func (o *oracle) printState(final bool) {
	type podInfo struct {
		Node        string `json:"node"`
		Name        string `json:"name"`
		Image       string `json:"image"`
		Ready       bool   `json:"ready"`
		Terminating bool   `json:"terminating"`
		DS          string `json:"ds"`
	}
	var pods []podInfo
	perNode := map[string]map[string]int{}
	for _, it := range o.list(podsGVR, podsGVK) {
		p := it.(*v1.Pod)
		ds := ""
		if ref := metav1.GetControllerOf(p); ref != nil {
			ds = ref.Name
		}
		pi := podInfo{Node: podNode(p), Name: p.Name, Image: p.Spec.Containers[0].Image, Ready: isReady(p), Terminating: p.DeletionTimestamp != nil, DS: ds}
		pods = append(pods, pi)
		if !pi.Terminating {
			if perNode[ds] == nil {
				perNode[ds] = map[string]int{}
			}
			perNode[ds][pi.Node]++
		}
	}
	sort.Slice(pods, func(i, j int) bool { return pods[i].Node+pods[i].Name < pods[j].Node+pods[j].Name })
	fmt.Printf("== state after sync %d\n", o.round)
	for _, p := range pods {
		fmt.Printf("pod %-22s node=%-14s ds=%s image=%s ready=%v terminating=%v\n", p.Name, p.Node, p.DS, p.Image, p.Ready, p.Terminating)
	}
	statuses := map[string]apps.DaemonSetStatus{}
	for _, it := range o.list(dsGVR, dsGVK) {
		d := it.(*apps.DaemonSet)
		s := d.Status
		statuses[d.Name] = s
		fmt.Printf("ds %s: desired=%d current=%d misscheduled=%d ready=%d updated=%d available=%d unavailable=%d observedGeneration=%d/%d\n",
			d.Name, s.DesiredNumberScheduled, s.CurrentNumberScheduled, s.NumberMisscheduled, s.NumberReady, s.UpdatedNumberScheduled, s.NumberAvailable, s.NumberUnavailable, s.ObservedGeneration, d.Generation)
	}
	if final {
		out := map[string]any{"scenario": o.sc.Name, "podsPerNode": perNode, "status": statuses, "trace": o.trace}
		b, _ := json.Marshal(out)
		fmt.Printf("RESULT %s\n", b)
	}
}
