/* Accessibility helpers of the dashboard (WCAG 2.1 AA). A plain asset file: no inline script,
 * so it works under the Content-Security-Policy.
 *
 * 1. <html lang> and document.title follow the page (from the hidden #page-meta the router
 *    renders on every page), also after client-side navigation.
 * 2. Focus returns to the control that was used: every control change rewrites the URL and the
 *    page re-renders; the element that had focus (by its id, or its place inside the nearest
 *    element with an id) gets it back. When that control is gone (a new page), focus goes to
 *    the page's main heading, so a screen reader hears where it is.
 * 3. Language switch links reload the whole page, so the new <html lang> and every text are
 *    served at once.
 */
(function () {
  "use strict";
  var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";
  var last = null;        // where focus was: {id, index, value}
  var lastTitle = null;

  function describe(el) {
    if (!el || el === document.body || el === document.documentElement) return null;
    if (el.id && el.id !== "main") return {id: el.id};
    var host = el.parentElement && el.parentElement.closest("[id]");
    if (!host || host.id === "main" || host.id === "page-root" || host.id === "react-entry-point") {
      return null;
    }
    var all = Array.prototype.slice.call(host.querySelectorAll(FOCUSABLE));
    return {id: host.id, index: all.indexOf(el), value: el.value};
  }

  function find(desc) {
    var host = document.getElementById(desc.id);
    if (!host) return null;
    if (desc.index === undefined) {
      return host.matches(FOCUSABLE) ? host : host.querySelector(FOCUSABLE) || host;
    }
    var all = Array.prototype.slice.call(host.querySelectorAll(FOCUSABLE));
    var same = all.filter(function (x) { return desc.value !== undefined && x.value === desc.value; });
    return same[0] || all[desc.index] || all[0] || null;
  }

  // A mouse click on something that takes no focus: nothing to give focus back to.
  document.addEventListener("mousedown", function (e) {
    if (!(e.target.closest && e.target.closest(FOCUSABLE + ", label"))) last = null;
  }, true);

  document.addEventListener("focusin", function (e) {
    var d = describe(e.target);
    if (d) last = d;
  });

  function lost() {
    var a = document.activeElement;
    return !a || a === document.body || !document.body.contains(a);
  }

  function update() {
    var meta = document.getElementById("page-meta");
    if (meta) {
      var lang = meta.getAttribute("data-lang");
      var title = meta.getAttribute("data-title");
      if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
      if (title && document.title !== title) document.title = title;
      if (title && lastTitle !== null && title !== lastTitle && lost()) {
        // a re-render: the used control if it is still there, else the new page's heading
        var target = last ? find(last) : null;
        if (!target) target = document.querySelector("main h1") || document.getElementById("main");
        if (target) {
          if (!target.matches(FOCUSABLE)) target.setAttribute("tabindex", "-1");
          target.focus({preventScroll: !!(last && find(last))});
        }
      }
      lastTitle = title;
    }
    if (lost() && last) {
      var again = find(last);
      if (again) again.focus({preventScroll: true});
    }
  }

  /* Dash 4's controls, repaired (axe: aria-hidden-focus, nested-interactive,
   * aria-input-field-name):
   * - dcc.Dropdown: its aria-hidden "focus target" input takes Tab and passes focus on to the
   *   real button; instead the button itself takes Tab, and is named by its visible label
   *   followed by its value.
   * - dcc.RadioItems / dcc.Checklist: a "listbox" of "options" that each hold a native radio or
   *   checkbox. Without those roles they are what they look like: native inputs in their
   *   labels, grouped by the page's fieldset and legend. */
  // Focus a newly shown result; while it is still hidden (dcc.Loading), try again shortly.
  function focusFresh(el, tries) {
    if (!document.body.contains(el) || el.hasAttribute("data-focused")) return;
    if (!el.matches(FOCUSABLE)) el.setAttribute("tabindex", "-1");
    el.focus();
    if (document.activeElement === el) {
      el.setAttribute("data-focused", "1");
    } else if (tries > 0) {
      window.setTimeout(function () { focusFresh(el, tries - 1); }, 100);
    }
  }

  function fixControls() {
    var i, el;
    var targets = document.querySelectorAll(".dash-dropdown-focus-target");
    for (i = 0; i < targets.length; i++) {
      el = targets[i];
      if (el.getAttribute("tabindex") !== "-1") el.setAttribute("tabindex", "-1");
      var button = el.nextElementSibling;
      if (button && button.classList.contains("dash-dropdown")) {
        if (!button.disabled && button.getAttribute("tabindex") !== "0") {
          button.setAttribute("tabindex", "0");
        }
        var label = button.id && document.querySelector('label[for="' + button.id + '"]');
        if (label) {
          if (!label.id) label.id = button.id + "-label";
          var by = button.getAttribute("aria-labelledby") || "";
          if (by.split(" ").indexOf(label.id) < 0) {
            button.setAttribute("aria-labelledby", (label.id + " " + by).trim());
          }
        }
      }
    }
    // dcc.Upload: its file input (the control a keyboard reaches) is named by the drop zone's
    // visible text.
    var files = document.querySelectorAll(".upload-drop input[type=file]:not([aria-label])");
    for (i = 0; i < files.length; i++) {
      var zone = files[i].closest(".upload-drop");
      var text = zone ? zone.innerText.trim() : "";
      if (text) files[i].setAttribute("aria-label", text);
    }
    // A new result (upload preview, rejection, saved) takes focus once, so that a keyboard
    // and screen-reader user lands on it; its role=status / role=alert announces it too.
    var fresh = document.querySelector("[data-autofocus]:not([data-focused])");
    if (fresh) focusFresh(fresh, 40);
    var lists = document.querySelectorAll(".dash-radioitems[role], .dash-checklist[role]");
    for (i = 0; i < lists.length; i++) lists[i].removeAttribute("role");
    var options = document.querySelectorAll(
      ".dash-radioitems > .dash-options-list-option[role], .dash-checklist > .dash-options-list-option[role]");
    for (i = 0; i < options.length; i++) {
      options[i].removeAttribute("role");
      options[i].removeAttribute("aria-selected");
    }
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; fixControls(); update(); });
  }).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                        attributeFilter: ["tabindex", "role", "aria-labelledby"]});

  // Links inside server-made HTML tables (heatmaps): client-side navigation, as dcc.Link.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-dash-link]");
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    window.history.pushState({}, "", link.getAttribute("href"));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  });

  // Language links: a full load, so the new language reaches <html lang> and the title at once.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.lang-link");
    if (link && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      try { sessionStorage.setItem("tilannekuva-focus", link.id); } catch (err) { /* private mode */ }
      window.location.assign(link.href);
    }
  }, true);
  window.addEventListener("load", function () {
    try {
      var id = sessionStorage.getItem("tilannekuva-focus");
      if (id) {
        sessionStorage.removeItem("tilannekuva-focus");
        last = {id: id};
      }
    } catch (err) { /* private mode */ }
  });
})();
