// Lo agrega @jupyterlab/builder a su configuración (package.json, jupyterlab.webpackConfig).
// Los archivos de jupyter-leaflet que importan todo se cambian por los de src/: las claves son rutas
// absolutas sin extensión, como las ve webpack al resolver `../leaflet` o `./projections`.
const path = require('path');

const lib = path.resolve(__dirname, 'node_modules', 'jupyter-leaflet', 'lib');
const src = path.resolve(__dirname, 'src');

module.exports = {
  resolve: {
    alias: {
      [path.join(lib, 'leaflet') + '$']: path.join(src, 'leaflet.js'),
      [path.join(lib, 'projections') + '$']: path.join(src, 'projections.js'),
      [path.join(lib, 'jupyter-leaflet') + '$']: path.join(src, 'index.js'),
    },
  },
};
