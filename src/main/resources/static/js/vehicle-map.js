// The live map (#live-map) and the track replay (#track-map) of the vehicle telemetry, on the base map of base-map.js
// (tiles over a plain grid, so that without a tile server the vehicles, the track and the named places still show).
// The data come in data-* attributes and, for the live map, from its JSON address at every refresh: the content
// security policy allows no inline scripts.
(function () {
  'use strict';

  var COLOURS = { MOVING: '#198754', PARKED: '#0d6efd', OFFLINE: '#6c757d' };
  var CHINA = AffairsMap.CHINA;
  var baseMap = AffairsMap.baseMap;
  var text = AffairsMap.text;

  function drawPlaces(map, places) {
    var layer = L.featureGroup().addTo(map);
    places.forEach(function (place) {
      var label = document.createElement('span');
      label.className = 'place-label-text';
      label.textContent = place.name;
      L.circleMarker([place.lat, place.lon], {
        radius: 4, weight: 1, color: '#6f4e37', fillColor: '#d2b48c', fillOpacity: 1, className: 'map-place'
      }).bindTooltip(label, { permanent: true, direction: 'top', className: 'place-label', offset: [0, -4] })
        .addTo(layer);
    });
    return layer;
  }

  // ---- the live map -------------------------------------------------------------------------------------------

  function liveMap(element) {
    var data = element.dataset;
    var map = baseMap(element);
    var places = drawPlaces(map, JSON.parse(data.snapshot).places);
    var markers = {};
    var fitted = false;

    function marker(vehicle) {
      var found = markers[vehicle.vehicleId];
      if (found) {
        found.setLatLng([vehicle.lat, vehicle.lon]);
        return found;
      }
      var label = document.createElement('span');
      label.className = 'vehicle-label-text';
      label.setAttribute('translate', 'no');
      label.dataset.vehicleId = vehicle.vehicleId;
      var created = L.circleMarker([vehicle.lat, vehicle.lon], {
        radius: 8, weight: 2, color: '#fff', fillOpacity: 0.95, className: 'vehicle-marker'
      }).bindTooltip(label, { permanent: true, direction: 'right', offset: [8, 0], className: 'vehicle-label' });
      created.label = label;
      created.addTo(map);
      markers[vehicle.vehicleId] = created;
      return created;
    }

    function showOnMap(vehicleId) {
      var found = markers[vehicleId];
      if (found) {
        map.setView(found.getLatLng(), Math.max(map.getZoom(), 14));
      }
    }

    function cell(row, value, className) {
      var td = document.createElement('td');
      td.textContent = value;
      if (className) {
        td.className = className;
      }
      row.appendChild(td);
      return td;
    }

    function lists(snapshot) {
      Object.keys(snapshot.counts).forEach(function (status) {
        var count = document.querySelector('#count-' + status.toLowerCase() + ' .count');
        if (count) {
          count.textContent = snapshot.counts[status];
        }
      });
      var total = document.getElementById('map-total');
      var list = document.getElementById('map-vehicles');
      var rows = document.querySelector('#map-table tbody');
      list.replaceChildren();
      rows.replaceChildren();
      snapshot.vehicles.forEach(function (vehicle) {
        var item = document.createElement('button');
        item.type = 'button';
        item.id = 'map-vehicle-' + vehicle.vehicleId;
        item.className = 'list-group-item list-group-item-action d-flex justify-content-between map-vehicle';
        item.dataset.vehicleId = vehicle.vehicleId;
        item.dataset.status = vehicle.status;
        item.title = data.showWord.replace('{0}', vehicle.plate);
        var plate = document.createElement('span');
        plate.setAttribute('translate', 'no');
        plate.textContent = vehicle.plate;
        var status = document.createElement('span');
        status.className = 'badge map-status map-status-' + vehicle.status.toLowerCase();
        status.textContent = vehicle.statusText;
        item.append(plate, status);
        list.appendChild(item);
        var row = document.createElement('tr');
        row.id = 'map-row-' + vehicle.vehicleId;
        row.dataset.status = vehicle.status;
        cell(row, vehicle.plate).setAttribute('translate', 'no');
        cell(row, vehicle.unitName || '', 'd-none d-md-table-cell');
        cell(row, vehicle.statusText);
        cell(row, vehicle.atText || data.neverWord);
        cell(row, vehicle.speedKmh == null ? '—' : Number(vehicle.speedKmh).toFixed(1), 'd-none d-sm-table-cell');
        rows.appendChild(row);
      });
      if (total) {
        total.textContent = total.textContent.replace(/\d+/, String(snapshot.vehicles.length));
      }
      document.getElementById('map-updated').textContent = data.updatedWord.replace('{0}', snapshot.atText);
    }

    function show(snapshot) {
      var seen = {};
      snapshot.vehicles.forEach(function (vehicle) {
        if (vehicle.lat == null) {
          return;
        }
        seen[vehicle.vehicleId] = true;
        var shown = marker(vehicle);
        shown.setStyle({ fillColor: COLOURS[vehicle.status] || COLOURS.OFFLINE });
        shown.label.textContent = vehicle.plate;
        shown.label.dataset.status = vehicle.status;
        var path = shown.getElement();
        if (path) {
          path.setAttribute('data-vehicle-id', vehicle.vehicleId);
          path.setAttribute('data-status', vehicle.status);
        }
      });
      Object.keys(markers).forEach(function (id) {
        if (!seen[id]) {
          markers[id].remove();
          delete markers[id];
        }
      });
      if (!fitted) {
        fitted = true;
        var bounds = places.getBounds();
        Object.keys(markers).forEach(function (id) { bounds.extend(markers[id].getLatLng()); });
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [32, 32], maxZoom: 15 });
        } else {
          map.setView(CHINA, 4);
        }
      }
      element.dataset.shown = String(Object.keys(markers).length);
    }

    function refresh() {
      fetch(data.positionsUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (snapshot) {
          show(snapshot);
          lists(snapshot);
          element.dataset.refreshes = String(Number(element.dataset.refreshes || 0) + 1);
        })
        .catch(function () {
          document.getElementById('map-updated').textContent = data.refreshFailed;
        });
    }

    document.getElementById('map-vehicles').addEventListener('click', function (event) {
      var item = event.target.closest('[data-vehicle-id]');
      if (item) {
        showOnMap(item.dataset.vehicleId);
      }
    });
    show(JSON.parse(data.snapshot));
    setInterval(refresh, Math.max(5, Number(data.refreshSeconds) || 20) * 1000);
    element.dataset.ready = 'true';
  }

  // ---- the track replay ---------------------------------------------------------------------------------------

  function replay(element) {
    var data = element.dataset;
    var track = JSON.parse(data.track);
    var map = baseMap(element);
    var places = drawPlaces(map, track.places);
    var points = track.points;
    var flagged = null;
    if (track.mark) {
      // the position a GPS audit flag names as its evidence
      flagged = [Number(track.mark.lat), Number(track.mark.lon)];
      L.circleMarker(flagged, { radius: 10, color: '#dc3545', weight: 3, fillColor: '#ffc107', fillOpacity: 0.9 })
        .bindTooltip(text(data.markWord), { permanent: true, direction: 'top', className: 'track-mark' }).addTo(map);
      element.dataset.mark = flagged.join(',');
    }
    if (points.length === 0) {
      var around = places.getBounds();
      if (flagged) {
        around = around.isValid() ? around.extend(flagged) : L.latLngBounds([flagged, flagged]);
      }
      if (around.isValid()) {
        map.fitBounds(around, { padding: [32, 32], maxZoom: 15 });
      } else {
        map.setView(CHINA, 4);
      }
      element.dataset.ready = 'true';
      return;
    }
    var line = points.map(function (p) { return [p.lat, p.lon]; });
    var path = L.polyline(line, { color: '#0d6efd', weight: 4, opacity: 0.8, className: 'track-line' }).addTo(map);
    L.circleMarker(line[0], { radius: 7, color: '#fff', weight: 2, fillColor: '#198754', fillOpacity: 1 })
      .bindTooltip(text(data.startWord), { permanent: true, direction: 'left', className: 'track-start' }).addTo(map);
    L.circleMarker(line[line.length - 1], { radius: 7, color: '#fff', weight: 2, fillColor: '#dc3545', fillOpacity: 1 })
      .bindTooltip(text(data.endWord), { permanent: true, direction: 'right', className: 'track-end' }).addTo(map);
    var car = L.circleMarker(line[0], {
      radius: 8, color: '#fff', weight: 3, fillColor: '#fd7e14', fillOpacity: 1, className: 'replay-car'
    }).addTo(map);
    var bounds = path.getBounds().extend(places.getBounds().isValid() ? places.getBounds() : path.getBounds());
    if (flagged) {
      bounds.extend(flagged);
    }
    map.fitBounds(bounds, { padding: [32, 32], maxZoom: 16 });

    var slider = document.getElementById('replay-slider');
    var play = document.getElementById('replay-play');
    var readout = document.getElementById('replay-at');
    var timer = null;

    function moveTo(index) {
      var point = points[index];
      car.setLatLng([point.lat, point.lon]);
      readout.textContent = point.at + ' · ' + data.speedWord.replace('{0}', Number(point.speedKmh).toFixed(1));
      element.dataset.index = String(index);
      element.dataset.car = point.lat + ',' + point.lon;
    }

    function stop() {
      clearInterval(timer);
      timer = null;
      play.textContent = data.playWord;
    }

    slider.addEventListener('input', function () {
      moveTo(Number(slider.value));
    });
    play.addEventListener('click', function () {
      if (timer) {
        stop();
        return;
      }
      if (Number(slider.value) >= points.length - 1) {
        slider.value = '0';
      }
      play.textContent = data.pauseWord;
      // the whole trip in about 20 seconds, however many points it has
      var step = Math.max(1, Math.round(points.length / 100));
      timer = setInterval(function () {
        var next = Math.min(points.length - 1, Number(slider.value) + step);
        slider.value = String(next);
        moveTo(next);
        if (next >= points.length - 1) {
          stop();
        }
      }, 200);
    });
    moveTo(0);
    element.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var live = document.getElementById('live-map');
    if (live) {
      liveMap(live);
    }
    var track = document.getElementById('track-map');
    if (track) {
      replay(track);
    }
  });
})();
