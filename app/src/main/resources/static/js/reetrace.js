// reetrace pages: charts (ECharts) and maps (Leaflet) drawn from data the server puts in data- attributes, and the
// CSRF token sent with every htmx request. Runs on the page's first load and on every part htmx swaps in.
(function () {
  "use strict";

  function csrfHeaders(event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  }

  function drawCharts(root) {
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      if (element.dataset.drawn) { return; }
      element.dataset.drawn = "true";
      var chart = echarts.init(element, null, { renderer: "svg" });
      chart.setOption(JSON.parse(element.dataset.chart));
      new ResizeObserver(function () { chart.resize(); }).observe(element);
    });
  }

  var COLOURS = { state: "#6b7684", lease: "#0b5cad", zone: "#176b2c", facility: "#12263f", alert: "#a8201a" };

  function drawMaps(root) {
    root.querySelectorAll("[data-geojson]").forEach(function (element) {
      if (element.dataset.drawn) { return; }
      element.dataset.drawn = "true";
      var data = JSON.parse(element.dataset.geojson);
      // no tile server: the registry's own shapes are the map
      var map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
      var layer = L.geoJSON(data, {
        style: function (feature) {
          var kind = feature.properties.kind;
          return { color: COLOURS[kind] || "#4a5360", weight: kind === "state" ? 1 : 2,
                   fillOpacity: kind === "state" ? 0.05 : 0.25, dashArray: kind === "zone" ? "4 3" : null };
        },
        pointToLayer: function (feature, latlng) {
          var alerts = feature.properties.openAlerts || 0;
          return L.circleMarker(latlng, { radius: 7 + Math.min(alerts, 8), weight: 2, color: "#fff",
            fillColor: alerts > 0 ? COLOURS.alert : COLOURS.facility, fillOpacity: 0.9 });
        },
        onEachFeature: function (feature, shape) {
          var p = feature.properties;
          if (p.label) {
            var text = document.createElement("span");
            if (p.href) {
              var link = document.createElement("a");
              link.href = p.href;
              link.textContent = p.label;
              text.appendChild(link);
            } else {
              text.textContent = p.label;
            }
            if (p.note) { text.appendChild(document.createTextNode(" · " + p.note)); }
            shape.bindPopup(text);
          }
        }
      }).addTo(map);
      // the registry's own shapes frame the map when there are any; the states alone otherwise
      var bounds = L.latLngBounds([]);
      layer.eachLayer(function (shape) {
        if (shape.feature.properties.kind !== "state") {
          bounds.extend(shape.getBounds ? shape.getBounds() : shape.getLatLng());
        }
      });
      if (!bounds.isValid()) { bounds = layer.getBounds(); }
      if (bounds.isValid()) { map.fitBounds(bounds, { padding: [8, 8] }); } else { map.setView([4.2, 108], 5); }
    });
  }

  function draw(root) {
    if (window.echarts) { drawCharts(root); }
    if (window.L) { drawMaps(root); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.body.addEventListener("htmx:configRequest", csrfHeaders);
    // the whole document: after an outerHTML swap the event's target is the element swapped out; drawn ones are skipped
    document.body.addEventListener("htmx:afterSwap", function () { draw(document); });
    draw(document);
  });
})();
