// DaemonSet Playground embeds, as Mermaid and mdBook turn code blocks into live widgets:
//
//   <script src="https://…/daemonset-playground/embed.js" defer></script>
//   <pre class="daemonset-playground" data-nodes="3">apiVersion: apps/v1
//   kind: DaemonSet …</pre>
//
// Every <pre class="daemonset-playground"> becomes an <iframe> of the playground's embed mode
// (?embed=1), served from where this script comes from. The block's text (YAML: applied once the
// nodes exist) and its data attributes travel in the iframe's URL fragment, never to a server:
//   data-nodes="N"     a cluster of N plain nodes (default 3, unless a preset is given)
//   data-preset="ID"   start from a preset of the gallery (kube-proxy, rolling-update, …)
//   data-script="…"    scenario-language commands run after that (one per line)
//   data-lesson="ID"   open a lesson (daemonset-basics, …) with its panel and a console
//   data-step="N"      …at its step N (the earlier steps' solutions run first)
//   data-height="PX"   the iframe's height (default 480)
//   data-title="…"     the iframe's accessible name
//   data-lang="…"      the playground's language: en, zh-Hans or zh-Hant (default: the
//                      reader's browser). Set it on the <script> tag for every block of a page.
// It reads nothing else from the page, adds no listener and sends no message.
(function () {
  'use strict';
  var self = document.currentScript;
  var base = new URL('./', self && self.src ? self.src : document.baseURI);
  var pageLang = self && self.dataset ? self.dataset.lang : '';
  var LANGS = ['en', 'zh-Hans', 'zh-Hant'];

  // UTF-8, then base64url without padding: the playground's `#j1:` link format.
  function base64url(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function scenario(pre) {
    var data = pre.dataset;
    var s = { view: { playing: true, speed: 1, time: 0 } };
    var yaml = pre.textContent;
    if (yaml.trim() !== '') {
      s.manifest = yaml.replace(/^\n/, '');
      s.apply = true;
    }
    if (data.preset) s.preset = data.preset;
    if (data.lesson) {
      s.lesson = data.lesson;
      var step = parseInt(data.step, 10);
      if (step >= 1 && step <= 999) s.step = step;
    }
    var nodes = parseInt(data.nodes, 10);
    if (nodes >= 0 && nodes <= 500) s.nodes = nodes;
    else if (!data.preset && !data.lesson) s.nodes = 3;
    if (data.script) s.script = data.script + '\n';
    return s;
  }

  function mount(pre) {
    var frame = document.createElement('iframe');
    var lang = pre.dataset.lang || pageLang;
    var query = '?embed=1' + (LANGS.indexOf(lang) >= 0 ? '&lang=' + lang : '');
    frame.src = base.href + query + '#j1:' + base64url(JSON.stringify(scenario(pre)));
    if (LANGS.indexOf(lang) >= 0) frame.setAttribute('lang', lang);
    frame.title = pre.dataset.title || 'DaemonSet Playground';
    frame.className = 'daemonset-playground';
    frame.setAttribute('loading', 'lazy');
    var height = parseInt(pre.dataset.height, 10);
    frame.style.width = '100%';
    frame.style.height = (height > 100 && height < 4000 ? height : 480) + 'px';
    frame.style.border = '1px solid #d0d7de';
    frame.style.borderRadius = '6px';
    pre.replaceWith(frame);
  }

  function mountAll() {
    var blocks = document.querySelectorAll('pre.daemonset-playground');
    for (var i = 0; i < blocks.length; i++) mount(blocks[i]);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
