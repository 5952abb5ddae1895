// Runs before the page paints (index.html loads it in <head>): picks what the static shell shows
// until the WebAssembly app mounts and replaces it (src/shell.rs). In embed mode, the embed's
// frame; when the app will open something other than the default manifest (a link, a lesson of
// the address, the autosave), "Opening…" instead of an editor holding text that is not the one
// that will open. The app decides what opens; this only chooses what the shell says meanwhile.
(function () {
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  if (params.get('embed') === '1') {
    root.classList.add('embed-mode', 'shell-is-embed');
    return;
  }
  // src/share/codec.rs, is_scenario: a fragment "v1:…" or "j1:…".
  var link = /^#[vj][0-9]+:/.test(location.hash);
  var saved = false;
  try {
    saved = localStorage.getItem('dsplay:autosave') !== null;
  } catch (e) {
    // Storage refused (a privacy setting): the app opens the default manifest too.
  }
  if (link || saved || params.has('lesson')) root.classList.add('shell-is-opening');
})();
