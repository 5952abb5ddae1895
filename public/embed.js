// DaemonSet Playground embeds, as Mermaid and mdBook turn code blocks into live widgets:
//
//   <script src="https://…/daemonset-playground/embed.js" defer></script>
//   <pre class="daemonset-playground" data-nodes="3">apiVersion: apps/v1
//   kind: DaemonSet …</pre>
//   <daemonset-playground preset="rolling-update"></daemonset-playground>
//
// Both forms become a <daemonset-playground> element holding an <iframe> of the playground's
// embed mode (?embed=1), served from where this script comes from. The YAML (the block's text,
// or the `manifest` attribute; applied once the nodes exist) and the options travel in the
// iframe's URL fragment, never to a server. Options, as attributes of the element or data-*
// attributes of the <pre> (lang, theme, autoplay and load also on this <script> tag, for every
// embed of the page):
//   nodes="N"          a cluster of N plain nodes (default 3, unless a preset or lesson is given)
//   preset="ID"        start from a preset of the gallery (kube-proxy, rolling-update, …)
//   script="…"         scenario-language commands run after that (one per line)
//   lesson="ID"        open a lesson (daemonset-basics, …) with its panel, editor and console
//   step="N"           …at its step N (the earlier steps' solutions run first)
//   readonly="false"   the editor and the console for a plain embed too (lessons always have them)
//   autoplay           the clock runs from the start (default: paused, with a big Play)
//   height="PX"        the least height, and the space kept before it loads (default 480)
//   max-height="PX"    the most: beyond it the embed scrolls inside (default: none)
//   theme="auto"       auto (default: the host page's colours, else the reader's system), light, dark
//   lang="…"           en, zh-Hans or zh-Hant (default: the reader's browser)
//   load="click"       a Run button instead of loading when scrolled near (pages with many embeds)
//   title="…"          the iframe's accessible name
// The embed sizes itself to its content. Events (bubbling CustomEvents, `detail` is the message):
// dsplay:ready, dsplay:state, dsplay:step (a lesson step's goal met), dsplay:error. Methods of
// the element: run(script), reset(), load(). DaemonSetPlayground.run(root) mounts blocks added
// to the page later (single-page sites). Only messages from the playground's origin and the
// element's own frame are read.
(function () {
  'use strict';
  // Loaded again (a single-page site's navigation): mount what is new.
  if (window.DaemonSetPlayground) {
    window.DaemonSetPlayground.run();
    return;
  }
  var self = document.currentScript;
  var base = new URL('./', self && self.src ? self.src : document.baseURI);
  var pageDefaults = (self && self.dataset) || {};
  var LANGS = ['en', 'zh-Hans', 'zh-Hant'];
  var OPTIONS = ['nodes', 'preset', 'script', 'lesson', 'step', 'readonly', 'autoplay', 'height',
    'max-height', 'theme', 'lang', 'load', 'title', 'manifest'];
  var PAGE_WIDE = ['lang', 'theme', 'autoplay', 'load'];
  var RUN = { en: 'Run the playground', 'zh-Hans': '运行 Playground', 'zh-Hant': '執行 Playground' };
  var DEFAULT_HEIGHT = 480;
  var mounted = [];

  // UTF-8, then base64url without padding: the playground's `#j1:` link format.
  function base64url(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function option(el, name) {
    if (el.hasAttribute(name)) return el.getAttribute(name);
    var page = pageDefaults[name.replace(/-(\w)/g, function (_, c) { return c.toUpperCase(); })];
    return PAGE_WIDE.indexOf(name) >= 0 && page !== undefined ? page : null;
  }

  // A present attribute is on unless it says "false".
  function flag(value) {
    return value !== null && value !== 'false';
  }

  function pixels(value, fallback) {
    var n = parseInt(value, 10);
    return n >= 100 && n <= 10000 ? n : fallback;
  }

  function scenario(el, yaml, playing) {
    var s = { view: { playing: playing, speed: 1, time: 0 } };
    if (yaml.trim() !== '') {
      s.manifest = yaml.replace(/^\n/, '');
      s.apply = true;
    }
    var preset = option(el, 'preset');
    var lesson = option(el, 'lesson');
    if (preset) s.preset = preset;
    if (lesson) {
      s.lesson = lesson;
      var step = parseInt(option(el, 'step'), 10);
      if (step >= 1 && step <= 999) s.step = step;
    }
    var nodes = parseInt(option(el, 'nodes'), 10);
    if (nodes >= 0 && nodes <= 500) s.nodes = nodes;
    else if (!preset && !lesson) s.nodes = 3;
    var script = option(el, 'script');
    if (script) s.script = script + '\n';
    return s;
  }

  function language(el) {
    var lang = option(el, 'lang');
    return LANGS.indexOf(lang) >= 0 ? lang : '';
  }

  // The host's colours where its background says them (mdBook's coal, Docusaurus' and MkDocs'
  // dark modes), else the reader's system setting.
  function hostTheme(el) {
    for (var node = el.parentElement; node; node = node.parentElement) {
      var rgba = (getComputedStyle(node).backgroundColor.match(/[\d.]+/g) || []).map(Number);
      if (rgba.length >= 3 && (rgba.length < 4 || rgba[3] > 0.5)) {
        var light = (0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2]) / 255;
        return light < 0.5 ? 'dark' : 'light';
      }
    }
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function theme(el) {
    var chosen = option(el, 'theme');
    return chosen === 'light' || chosen === 'dark' ? chosen : hostTheme(el);
  }

  function send(el, message) {
    var frame = el.dsplayFrame;
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, base.origin);
  }

  function load(el) {
    var state = el.dsplay;
    if (!state || el.dsplayFrame) return;
    var frame = document.createElement('iframe');
    var lang = language(el);
    state.theme = theme(el);
    var query = '?embed=1' + (lang ? '&lang=' + lang : '') + '&theme=' + state.theme +
      (option(el, 'readonly') === 'false' ? '&readonly=0' : '');
    var playing = state.clicked || flag(option(el, 'autoplay'));
    frame.src = base.href + query + '#j1:' + base64url(JSON.stringify(scenario(el, state.yaml, playing)));
    if (lang) frame.setAttribute('lang', lang);
    frame.title = option(el, 'title') || 'DaemonSet Playground';
    frame.className = 'daemonset-playground';
    // Inline styles win over a theme's `iframe { height: auto }` and borders.
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = state.min + 'px';
    el.replaceChildren(frame);
    el.dsplayFrame = frame;
  }

  function placeholder(el) {
    var state = el.dsplay;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = '\u25B6 ' + (RUN[language(el)] || RUN.en);
    button.style.cssText = 'font:inherit;padding:0.5em 1.2em;border-radius:2em;cursor:pointer;' +
      'border:0;background:#326ce5;color:#fff';
    button.addEventListener('click', function () {
      state.clicked = true;
      load(el);
    });
    var box = document.createElement('div');
    box.style.cssText = 'display:flex;align-items:center;justify-content:center;' +
      'border:1px dashed currentColor;border-radius:6px;opacity:0.9';
    box.style.height = state.min + 'px';
    box.appendChild(button);
    el.replaceChildren(box);
  }

  var nearby = 'IntersectionObserver' in window
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          nearby.unobserve(entry.target);
          load(entry.target);
        }
      });
    }, { rootMargin: '600px 0px' })
    : null;

  // Reads the element's options and content once, then waits to be near the viewport (or for a
  // click, with load="click").
  function mount(el) {
    if (el.dsplay) {
      // Moved in the page: listened to again (its frame reloads where it is now).
      if (mounted.indexOf(el) < 0) mounted.push(el);
      if (!el.dsplayFrame && !el.dsplay.onClick && nearby) nearby.observe(el);
      return;
    }
    var manifest = option(el, 'manifest');
    var min = pixels(option(el, 'height'), 0);
    el.dsplay = {
      yaml: manifest !== null ? manifest : el.textContent,
      min: min || DEFAULT_HEIGHT,
      floor: min || 100,
      max: Math.max(min, pixels(option(el, 'max-height'), 10000)),
      clicked: false,
      onClick: option(el, 'load') === 'click',
      theme: null,
    };
    el.style.display = 'block';
    mounted.push(el);
    if (el.dsplay.onClick) placeholder(el);
    else {
      el.replaceChildren();
      el.style.minHeight = el.dsplay.min + 'px';
      if (nearby) nearby.observe(el);
      else load(el);
    }
  }

  function elementOf(source) {
    for (var i = 0; i < mounted.length; i++) {
      var frame = mounted[i].dsplayFrame;
      if (frame && frame.contentWindow === source) return mounted[i];
    }
    return null;
  }

  window.addEventListener('message', function (ev) {
    if (ev.origin !== base.origin || !ev.data || typeof ev.data.dsplay !== 'string') return;
    var el = elementOf(ev.source);
    if (!el) return;
    var data = ev.data;
    if (data.dsplay === 'ready') send(el, { dsplay: 'connect' });
    if (data.dsplay === 'height' && data.height > 0) {
      var state = el.dsplay;
      var height = Math.min(state.max, Math.max(state.floor, Math.ceil(data.height)));
      el.dsplayFrame.style.height = height + 'px';
      el.style.minHeight = '';
      return;
    }
    el.dispatchEvent(new CustomEvent('dsplay:' + data.dsplay, { detail: data, bubbles: true }));
  });

  // The host switched its colours (a theme toggle, or the system's): auto embeds follow.
  function followHost() {
    mounted.forEach(function (el) {
      if (!el.dsplayFrame || option(el, 'theme') === 'light' || option(el, 'theme') === 'dark') return;
      var now = hostTheme(el);
      if (now !== el.dsplay.theme) {
        el.dsplay.theme = now;
        send(el, { dsplay: 'theme', theme: now });
      }
    });
  }
  var themeWatch = new MutationObserver(followHost);
  var THEME_ATTRIBUTES = ['class', 'data-theme', 'style', 'data-md-color-scheme'];
  function watchTheme() {
    [document.documentElement, document.body].forEach(function (node) {
      if (node) themeWatch.observe(node, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followHost);

  function upgrade(pre) {
    var el = document.createElement('daemonset-playground');
    for (var i = 0; i < pre.attributes.length; i++) {
      var a = pre.attributes[i];
      if (a.name.indexOf('data-') === 0 && OPTIONS.indexOf(a.name.slice(5)) >= 0) {
        el.setAttribute(a.name.slice(5), a.value);
      }
    }
    // The page's own handles on the block stay.
    if (pre.id) el.id = pre.id;
    el.className = pre.className;
    el.textContent = pre.textContent;
    pre.replaceWith(el);
    return el;
  }

  class PlaygroundElement extends HTMLElement {
    connectedCallback() {
      var el = this;
      // Parsed before its content (this script in <head> without defer): wait for it.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { mount(el); });
      } else {
        mount(el);
      }
    }
    disconnectedCallback() {
      // Gone from the page (a single-page site's navigation): forget it.
      var i = mounted.indexOf(this);
      if (i >= 0) mounted.splice(i, 1);
      if (nearby) nearby.unobserve(this);
    }
    /** Runs scenario-language commands, as the console runs a pasted script. */
    run(script) { send(this, { dsplay: 'run', script: String(script) }); }
    /** Back to the scenario the embed opened on. */
    reset() { send(this, { dsplay: 'reset' }); }
    /** Loads now (a load="click" placeholder, or one not yet scrolled near). */
    load() {
      if (this.dsplay) {
        this.dsplay.clicked = true;
        load(this);
      }
    }
  }

  /** Mounts the blocks under `root` (default: the whole page) not mounted yet. */
  function run(root) {
    var blocks = (root || document).querySelectorAll('pre.daemonset-playground');
    for (var i = 0; i < blocks.length; i++) upgrade(blocks[i]);
  }

  window.DaemonSetPlayground = { run: run };
  if (!customElements.get('daemonset-playground')) customElements.define('daemonset-playground', PlaygroundElement);
  function start() {
    watchTheme();
    run();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
