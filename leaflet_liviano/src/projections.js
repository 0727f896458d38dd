// Reemplaza a jupyter-leaflet/lib/projections.js: solo las proyecciones que trae Leaflet
// (EPSG3857, la de ipyleaflet por defecto). Una proyección a medida necesitaría proj4, que aquí no va.
import { CRS } from 'leaflet';

export function getProjection(proj) {
  if (proj.custom === false && CRS[proj.name]) {
    return CRS[proj.name];
  }
  throw new Error(`jupyter-leaflet liviano: la proyección ${proj.name} no está incluida.`);
}
