// The geofence pages (#geofence-map): the region's fences drawn on the base map of base-map.js (the configured tile
// server over a plain grid), and the fence being typed in the form drawn as it is typed; the form shows only the fields
// of the shape chosen. Data come in data-* attributes: the content security policy allows no inline scripts.
(function () {
  'use strict';

  var baseMap = AffairsMap.baseMap;

  // A fence as a Leaflet layer: points are [lat, lon] in degrees.
  function shape(fence, style) {
    var points = fence.points;
    if (fence.shape === 'CIRCLE') {
      return L.circle(points[0], Object.assign({ radius: fence.radius }, style));
    }
    if (fence.shape === 'RECTANGLE') {
      return L.rectangle([points[0], points[1]], style);
    }
    return L.polygon(points, style);
  }

  function number(form, name) {
    var field = form.elements[name];
    if (!field || field.value.trim() === '') {
      return NaN;
    }
    return Number(field.value);
  }

  function onEarth(point) {
    return isFinite(point[0]) && isFinite(point[1]) && Math.abs(point[0]) <= 90 && Math.abs(point[1]) <= 180;
  }

  // What the form describes now, or null while it is incomplete or off the globe.
  function typed(form) {
    var kind = form.elements.shape ? form.elements.shape.value : '';
    if (kind === 'CIRCLE') {
      var lat = number(form, 'centreLat');
      var lon = number(form, 'centreLon');
      var radius = number(form, 'radiusM');
      return onEarth([lat, lon]) && radius > 0 ? { shape: kind, points: [[lat, lon]], radius: radius } : null;
    }
    if (kind === 'RECTANGLE') {
      var corners = [[number(form, 'corner1Lat'), number(form, 'corner1Lon')],
        [number(form, 'corner2Lat'), number(form, 'corner2Lon')]];
      return corners.every(onEarth) ? { shape: kind, points: corners } : null;
    }
    if (kind === 'POLYGON' && form.elements.vertices) {
      var vertices = form.elements.vertices.value.split(/\r?\n/).map(function (line) {
        return line.trim().split(/\s*[,，;；]\s*|\s+/).map(Number);
      }).filter(function (p) { return p.length === 2 && onEarth(p); });
      return vertices.length >= 3 ? { shape: kind, points: vertices } : null;
    }
    return null;
  }

  function showShapeFields(form) {
    var chosen = form.elements.shape ? form.elements.shape.value : '';
    form.querySelectorAll('[data-shape-fields]').forEach(function (group) {
      group.hidden = chosen !== '' && group.getAttribute('data-shape-fields') !== chosen;
    });
  }

  function start() {
    var element = document.getElementById('geofence-map');
    if (!element) {
      return;
    }
    var map = baseMap(element);
    var fences = L.featureGroup().addTo(map);
    JSON.parse(element.dataset.fences || '[]').forEach(function (fence) {
      var label = document.createElement('span');
      label.textContent = fence.name;
      shape(fence, { color: '#0d6efd', weight: 2, fillOpacity: 0.12, className: 'geofence-shape' })
        .bindTooltip(label, { sticky: true }).addTo(fences);
    });
    if (fences.getLayers().length > 0) {
      map.fitBounds(fences.getBounds(), { padding: [20, 20], maxZoom: 16 });
    }
    var form = document.getElementById('geofence-form');
    var draft = null;
    function redraw() {
      showShapeFields(form);
      if (draft) {
        map.removeLayer(draft);
        draft = null;
      }
      var fence = typed(form);
      if (fence) {
        draft = shape(fence, { color: '#fd7e14', weight: 2, dashArray: '6 4', fillOpacity: 0.1 }).addTo(map);
      }
    }
    if (form) {
      form.addEventListener('input', redraw);
      form.addEventListener('change', redraw);
      redraw();
    }
    element.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
