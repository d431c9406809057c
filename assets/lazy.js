/* Hong Kong Network Atlas: component libraries loaded when first drawn, not with the page.
 *
 * The server leaves the script of each library listed in <script id="atlas-lazy"
 * type="application/json"> ({namespace: url}) out of the page and names it there. Until the
 * script has loaded, the library's namespace holds stand-ins that load it on first render and
 * then draw the real component with the same props; once loaded, the real library replaces the
 * namespace and Dash draws it directly. (ag-grid: 358 KB gzip kept off the first map's path.)
 */
(function () {
  "use strict";
  var tag = document.getElementById("atlas-lazy");
  if (!tag || !window.React) return;
  var libs;
  try {
    libs = JSON.parse(tag.textContent);
  } catch (e) {
    return;
  }
  var h = window.React.createElement;

  Object.keys(libs).forEach(function (ns) {
    if (window[ns]) return;
    var pending = null;
    function load() {
      if (!pending) {
        pending = new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = libs[ns];
          s.onload = function () { resolve(window[ns]); };
          s.onerror = function () { pending = null; reject(new Error("could not load " + ns)); };
          document.head.appendChild(s);
        });
      }
      return pending;
    }
    function standIn(type) {
      return function LazyComponent(props) {
        var state = window.React.useState(null);
        var real = state[0];
        var setReal = state[1];
        window.React.useEffect(function () {
          var live = true;
          load().then(function (lib) {
            if (live && lib && lib[type]) setReal(function () { return lib[type]; });
          });
          return function () { live = false; };
        }, []);
        return real ? h(real, props) : h("div", { className: "lazy-loading", "aria-busy": "true" });
      };
    }
    // a Proxy: any component of the library gets its stand-in
    var cache = {};
    window[ns] = new Proxy({}, {
      get: function (_, type) {
        if (typeof type !== "string") return undefined;
        return cache[type] || (cache[type] = standIn(type));
      },
    });
  });
})();
