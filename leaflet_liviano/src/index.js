// jupyter-leaflet liviano: solo los modelos y vistas de las clases de ipyleaflet que usa el curso
// (Map, GeoJSON, TileLayer, DrawControl, ZoomControl, AttributionControl, WidgetControl) y las
// clases base de las que heredan. tests/test_leaflet_liviano.py compara esta lista con las clases
// que usan lideres/, notebooks/ y exercises/source/: una clase nueva sin agregar aquí falla ahí.
// webpack.config.js hace que `../jupyter-leaflet` (layers/Layer.js) sea este archivo.
import paquete from 'jupyter-leaflet/package.json';

// Mapa
export { LeafletMapStyleModel, LeafletMapModel, LeafletMapView } from 'jupyter-leaflet/lib/Map';
// Capas
export { LeafletLayerModel, LeafletUILayerModel, LeafletLayerView, LeafletUILayerView } from 'jupyter-leaflet/lib/layers/Layer';
export { LeafletLayerGroupModel, LeafletLayerGroupView } from 'jupyter-leaflet/lib/layers/LayerGroup';
export { LeafletFeatureGroupModel, LeafletFeatureGroupView } from 'jupyter-leaflet/lib/layers/FeatureGroup';
export { LeafletGeoJSONModel, LeafletGeoJSONView } from 'jupyter-leaflet/lib/layers/GeoJSON';
export { LeafletRasterLayerModel, LeafletRasterLayerView } from 'jupyter-leaflet/lib/layers/RasterLayer';
export { LeafletTileLayerModel, LeafletTileLayerView } from 'jupyter-leaflet/lib/layers/TileLayer';
// Controles
export { LeafletControlModel, LeafletControlView } from 'jupyter-leaflet/lib/controls/Control';
export { LeafletAttributionControlModel, LeafletAttributionControlView } from 'jupyter-leaflet/lib/controls/AttributionControl';
export { LeafletZoomControlModel, LeafletZoomControlView } from 'jupyter-leaflet/lib/controls/ZoomControl';
export { LeafletDrawControlModel, LeafletDrawControlView } from 'jupyter-leaflet/lib/controls/DrawControl';
export { LeafletWidgetControlModel, LeafletWidgetControlView } from 'jupyter-leaflet/lib/controls/WidgetControl';

// Estilos: los de Leaflet, leaflet-draw, los íconos por defecto, el spinner de TileLayer y los
// propios de jupyter-leaflet (los mismos archivos que importa jupyter-leaflet.js, sin los de los
// complementos que aquí no van).
import 'leaflet-defaulticon-compatibility/dist/leaflet-defaulticon-compatibility.webpack.css';
import 'leaflet/dist/leaflet.css';
import 'leaflet-draw/dist/leaflet.draw.css';
import 'spin.js/spin.css';
import 'jupyter-leaflet/css/jupyter-leaflet.css';

export const version = paquete.version;
