/*
 * Registers the site's service worker (sw.js at the site's root) and offers a waiting new version.
 * Part of Pustaka Polmas (MIT licence, see the project's README). Uses workbox-window (assets/vendor/).
 *
 * Opened from file:// (the offline bundle on a USB stick) nothing is registered: browsers allow no service
 * worker there, and the bundle needs none.
 */
;(function () {
  "use strict"
  var script = document.currentScript
  if (location.protocol === "file:" || !("serviceWorker" in navigator) || !self.workbox || !script) return

  var root = new URL("../", script.src)  /* this file lives in assets/ */
  var wb = new self.workbox.Workbox(new URL("sw.js", root).href, { scope: root.pathname })
  wb.addEventListener("waiting", function () { offer(wb) })
  wb.register()

  /* A button fixed at the bottom of the screen; its colours are the theme's own. Styled here rather than in
     polmas.css so the offer stays out of the site's stylesheet and costs nothing until it is shown. */
  function offer(wb) {
    if (document.getElementById("polmas-update")) return
    var button = document.createElement("button")
    button.id = "polmas-update"
    button.type = "button"
    button.textContent = "Versi baru tersedia — muat ulang"
    var style = button.style
    style.position = "fixed"
    style.left = "0.5rem"
    style.right = "0.5rem"
    style.bottom = "0.5rem"
    style.zIndex = "10"
    style.padding = "0.9rem 1rem"
    style.border = "0"
    style.borderRadius = "0.2rem"
    style.font = "inherit"
    style.fontSize = "0.8rem"
    style.fontWeight = "700"
    style.background = "var(--md-primary-fg-color)"
    style.color = "var(--md-primary-bg-color)"
    style.boxShadow = "var(--md-shadow-z2)"
    button.addEventListener("click", function () {
      button.disabled = true
      /* The new worker takes over, then the page reloads with the new build's files. */
      wb.addEventListener("controlling", function () { location.reload() })
      wb.messageSkipWaiting()
    })
    document.body.appendChild(button)
  }
})()
