// Reemplaza a jupyter-leaflet/lib/leaflet.js: Leaflet con solo leaflet-draw y los íconos por defecto
// (el original importa además proj4, vectorgrid, velocity, protomaps, markercluster, search…).
// La extensión de L.Layer (refresh) es la del original, tal cual: la usa TileLayer.
import L from 'leaflet';
import 'leaflet-defaulticon-compatibility';
import 'leaflet-draw';

L.Layer.include({
  _refreshTileUrl: function (tile, url) {
    const img = new Image();
    img.onload = () => {
      L.Util.requestAnimFrame(() => {
        tile.el.src = url;
      });
    };
    img.src = url;
  },
  refresh: function () {
    const wasAnimated = this._map._fadeAnimated;
    this._map._fadeAnimated = false;
    for (const key in this._tiles) {
      const tile = this._tiles[key];
      if (tile.current && tile.active) {
        const oldsrc = tile.el.src;
        const newsrc = this.getTileUrl(tile.coords);
        if (oldsrc != newsrc) {
          this._refreshTileUrl(tile, newsrc);
        }
      }
    }
    if (wasAnimated) {
      setTimeout(() => {
        this._map._fadeAnimated = wasAnimated;
      }, 5000);
    }
  },
});

export default L;
