// The base map every telemetry page draws on (AffairsMap.baseMap): Leaflet over a plain grid, with the tile server the
// platform is configured with (data-tile-url, data-labels-url) on top, so that with no tile server, or one that cannot
// be reached, what the page draws still shows on the grid. Loaded after Leaflet and before the page's own script.
(function () {
  'use strict';

  var CHINA = [35, 105];

  // A plain grid of canvas lines under everything: each 256-pixel tile framed, with a fainter cross through it.
  var Grid = L.GridLayer.extend({
    createTile: function () {
      var tile = document.createElement('canvas');
      var size = this.getTileSize();
      tile.width = size.x;
      tile.height = size.y;
      var pen = tile.getContext('2d');
      pen.fillStyle = '#f8f9fa';
      pen.fillRect(0, 0, size.x, size.y);
      pen.strokeStyle = '#e9ecef';
      pen.beginPath();
      pen.moveTo(size.x / 2 + 0.5, 0);
      pen.lineTo(size.x / 2 + 0.5, size.y);
      pen.moveTo(0, size.y / 2 + 0.5);
      pen.lineTo(size.x, size.y / 2 + 0.5);
      pen.stroke();
      pen.strokeStyle = '#ced4da';
      pen.strokeRect(0.5, 0.5, size.x - 1, size.y - 1);
      return tile;
    }
  });

  /** The value as HTML text (for tooltips and attributions, which Leaflet reads as HTML). */
  function text(value) {
    var span = document.createElement('span');
    span.textContent = value;
    return span.innerHTML;
  }

  function tiles(map, url, data) {
    var layer = L.tileLayer(url, {
      subdomains: data.subdomains || 'abc', attribution: text(data.attribution || ''), maxZoom: 18, zIndex: 1
    });
    // a tile that does not load leaves the grid visible instead of a broken picture
    layer.on('tileerror', function (event) { event.tile.style.visibility = 'hidden'; });
    layer.addTo(map);
  }

  function baseMap(element) {
    // a view first: Leaflet places no marker on a map without one; each page then fits its own bounds
    var map = L.map(element, { maxZoom: 18, worldCopyJump: true }).setView(CHINA, 4);
    new Grid({ zIndex: 0 }).addTo(map);
    var data = element.dataset;
    if (data.tileUrl) {
      tiles(map, data.tileUrl, data);
      if (data.labelsUrl) {
        tiles(map, data.labelsUrl, data);
      }
    }
    return map;
  }

  window.AffairsMap = { CHINA: CHINA, baseMap: baseMap, text: text };
})();
