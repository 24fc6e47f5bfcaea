/* Pustaka Polmas: popups, labels and optional street tiles for the site's maps. Needs only Leaflet.
   Text from the data is set with textContent, never as HTML. */
(function () {
  "use strict";

  // Room for the zoom buttons and the layer button beside an open popup on a phone.
  var POPUP_OPTIONS = { maxWidth: 220, autoPanPaddingTopLeft: [48, 12], autoPanPaddingBottomRight: [48, 12] };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = el("a", "polmas-popup__link", text);
    a.href = href;
    return a;
  }

  function popup(title, meta) {
    var box = el("div", "polmas-popup");
    box.appendChild(el("strong", "polmas-popup__title", title));
    if (meta) box.appendChild(el("div", "polmas-popup__meta", meta));
    return box;
  }

  /* Shown labels must fit inside their own area and not cover another label; the rest wait for a closer zoom. */
  function fitLabels(map) {
    var shown = [];
    map.eachLayer(function (layer) {
      var tooltip = layer.getTooltip && layer.getTooltip();
      if (!tooltip || !tooltip.options.permanent || !layer.getBounds) return;
      var node = tooltip.getElement();
      if (!node) return;
      node.style.visibility = "";
      var bounds = layer.getBounds();
      var nw = map.latLngToContainerPoint(bounds.getNorthWest());
      var se = map.latLngToContainerPoint(bounds.getSouthEast());
      var box = node.getBoundingClientRect();
      var fits = box.width < (se.x - nw.x) * 0.95 && box.height < (se.y - nw.y) * 0.9;
      var overlaps = shown.some(function (other) {
        return !(box.right < other.left || box.left > other.right || box.bottom < other.top || box.top > other.bottom);
      });
      if (fits && !overlaps) {
        shown.push(box);
      } else {
        node.style.visibility = "hidden";
      }
    });
  }

  /* Street tiles are a bonus: only over http(s) with a network. From file:// (a USB stick) the map asks
     for nothing that is not a file; boundaries, places and labels are drawn from the page's own data. */
  function addOnlineTiles(map) {
    if (!/^https?:$/.test(window.location.protocol) || !navigator.onLine) return;
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>"
    }).addTo(map);
  }

  window.polmasMaps = {
    bindArea: function (feature, layer) {
      var p = feature.properties;
      var box = popup(p.name, p.levelLabel + " · kode " + p.code);
      p.forums.forEach(function (forum) { box.appendChild(link(forum.url, forum.title)); });
      box.appendChild(link(p.url, "Lihat di daftar wilayah"));
      layer.bindPopup(box, POPUP_OPTIONS);
      if (p.labelled) {
        layer.bindTooltip(el("span", null, p.label), {
          permanent: true, direction: "center", interactive: false, pane: "polmasLabels",
          className: "polmas-label polmas-label--" + p.level
        });
      }
    },

    bindPlace: function (feature, layer) {
      var p = feature.properties;
      // Read when the marker is first drawn: the name becomes the marker's title for screen readers.
      layer.options.title = p.name;
      layer.options.alt = p.name;
      var box = popup(p.name, p.typeLabel);
      if (p.period) box.appendChild(el("div", "polmas-popup__period", "Waktu rawan: " + p.period));
      if (p.description) box.appendChild(el("p", "polmas-popup__text", p.description));
      if (p.situation) box.appendChild(link(p.situation.url, p.situation.title));
      box.appendChild(link(p.url, "Lihat di daftar wilayah"));
      layer.bindPopup(box, POPUP_OPTIONS);
    },

    setup: function (map) {
      // Area names lie above the boundaries but below the place markers and popups.
      map.createPane("polmasLabels").style.zIndex = 450;
      L.control.scale({ imperial: false }).addTo(map);
      addOnlineTiles(map);
    },

    ready: function (map) {
      var refit = function () { fitLabels(map); };
      map.on("zoomend overlayadd overlayremove resize", refit);
      refit();
      map.getContainer().setAttribute("data-polmas-ready", "true");
    }
  };
})();
