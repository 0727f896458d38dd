// El plugin de JupyterLab/Voilà: registra el módulo de widgets «jupyter-leaflet» con la misma versión
// que el original (ipyleaflet manda _model_module="jupyter-leaflet", _model_module_version="^0.20"),
// pero sus clases salen de index.js, que trae solo lo que usan los tableros del curso.
import { IJupyterWidgetRegistry } from '@jupyter-widgets/base';
import paquete from 'jupyter-leaflet/package.json';

const extension = {
  id: 'jupyter-leaflet',
  requires: [IJupyterWidgetRegistry],
  activate: (app, widgets) => {
    widgets.registerWidget({
      name: 'jupyter-leaflet',
      version: paquete.version,
      exports: async () => import('./index'),
    });
  },
  autoStart: true,
};

export default extension;
