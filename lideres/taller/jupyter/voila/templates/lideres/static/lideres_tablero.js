// Tableros del taller (H6): ayudas que los widgets no traen.
// 1. aria-pressed en los botones de alternar (ToggleButtons): un lector de pantalla dice cuál está elegido.
// 2. En el teléfono, la ficha del distrito recién elegido se trae a la vista si quedó fuera de la pantalla.
// 3. Los mangos de los deslizadores (noUiSlider) con nombre accesible: la etiqueta del control, y en
//    un rango «desde» y «hasta» (ipywidgets no se lo pone; axe lo marca como grave).
(function () {
  "use strict";
  var ultimaFicha = null;
  var pendiente = false;

  function marcarBotones() {
    document.querySelectorAll(".widget-toggle-button").forEach(function (b) {
      var valor = b.classList.contains("mod-active") ? "true" : "false";
      if (b.getAttribute("aria-pressed") !== valor) { b.setAttribute("aria-pressed", valor); }
    });
  }

  function nombrarDeslizadores() {
    document.querySelectorAll(".widget-slider .noUi-handle").forEach(function (mango) {
      if (mango.getAttribute("aria-label") || mango.getAttribute("aria-labelledby")) { return; }
      var caja = mango.closest(".widget-slider");
      var etiqueta = caja ? caja.querySelector("label.widget-label") : null;
      var texto = etiqueta ? etiqueta.textContent.trim() : "";
      if (!texto) { return; }
      if (caja.querySelectorAll(".noUi-handle").length > 1) {
        texto += mango.classList.contains("noUi-handle-upper") ? ": hasta" : ": desde";
      }
      mango.setAttribute("aria-label", texto);
    });
  }

  function fichaALaVista() {
    var ficha = document.querySelector(".lideres-info");
    if (!ficha) { return; }
    var ubigeo = ficha.getAttribute("data-ubigeo") || "";
    if (ultimaFicha !== null && ubigeo && ubigeo !== ultimaFicha) {
      var r = ficha.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) {
        ficha.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    }
    ultimaFicha = ubigeo;
  }

  function revisar() {
    pendiente = false;
    marcarBotones();
    nombrarDeslizadores();
    fichaALaVista();
  }

  new MutationObserver(function () {
    if (!pendiente) { pendiente = true; window.requestAnimationFrame(revisar); }
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["class"]
  });
})();

// Un archivo demasiado grande no se envía (tablero 09): FileUpload lo mandaría al kernel en un solo
// mensaje y, pasado el límite del servidor, se corta la conexión sin explicar nada. El límite viene
// del propio widget (clase «lideres-max-bytes-N»); el mensaje es el mismo que da `lideres datos revisar`.
(function () {
  "use strict";
  var original = HTMLInputElement.prototype.addEventListener;

  function limite() {
    var subida = document.querySelector("[class*='lideres-max-bytes-']");
    if (!subida) { return null; }
    var m = /lideres-max-bytes-(\d+)/.exec(subida.className);
    return m ? { subida: subida, bytes: parseInt(m[1], 10) } : null;
  }

  function mb(bytes, decimales) {
    return (bytes / 1024 / 1024).toLocaleString("en-US", {
      minimumFractionDigits: decimales, maximumFractionDigits: decimales
    });
  }

  function avisar(subida, texto) {
    var aviso = subida.parentNode.querySelector(".lideres-subida-aviso");
    if (!aviso) {
      aviso = document.createElement("p");
      aviso.className = "lideres-subida-aviso lideres-error";
      aviso.setAttribute("role", "alert");
      aviso.setAttribute("lang", "es");
      subida.insertAdjacentElement("afterend", aviso);
    }
    aviso.textContent = texto;
    aviso.hidden = !texto;
  }

  HTMLInputElement.prototype.addEventListener = function (tipo, oyente, opciones) {
    if (tipo === "change" && this.type === "file" && typeof oyente === "function") {
      var propio = oyente;
      oyente = function (evento) {
        var datos = limite();
        var archivos = this.files ? Array.prototype.slice.call(this.files) : [];
        if (datos) {
          var grande = archivos.filter(function (f) { return f.size > datos.bytes; })[0];
          if (grande) {
            this.value = "";
            avisar(datos.subida, "El archivo es demasiado grande (" + mb(grande.size, 1) +
              " MB; el límite es " + mb(datos.bytes, 0) + " MB). No se envió. Cómo arreglarlo: " +
              "Guarda solo las columnas fecha, tipo, distrito (o lat y lon), hora, lugar y fuente, " +
              "o divide el registro por año.");
            return undefined;
          }
          avisar(datos.subida, "");
        }
        return propio.call(this, evento);
      };
    }
    return original.call(this, tipo, oyente, opciones);
  };
})();

// La herramienta de dibujo del mapa (leaflet.draw, el DrawControl de ipyleaflet), en español.
// leaflet.draw lee sus textos de L.drawLocal al crear su barra y al empezar cada dibujo; el paquete de
// jupyter-leaflet lo define en inglés al cargarse, después de esta página. Cuando Leaflet pone
// window.L, se vigila L.drawLocal: en cuanto leaflet.draw lo asigna, se le copian encima estos textos.
(function () {
  "use strict";
  var ES = {
    draw: {
      toolbar: {
        actions: { title: "Cancelar el dibujo", text: "Cancelar" },
        finish: { title: "Terminar el dibujo", text: "Terminar" },
        undo: { title: "Borrar el último punto dibujado", text: "Borrar el último punto" },
        buttons: {
          polyline: "Dibujar una línea", polygon: "Dibujar un polígono",
          rectangle: "Dibujar un rectángulo", circle: "Dibujar un círculo",
          marker: "Poner un marcador", circlemarker: "Poner un círculo"
        }
      },
      handlers: {
        circle: { tooltip: { start: "Toca y arrastra para dibujar un círculo." }, radius: "Radio" },
        circlemarker: { tooltip: { start: "Toca el mapa para poner un círculo." } },
        marker: { tooltip: { start: "Toca el mapa para poner un marcador." } },
        polygon: { tooltip: {
          start: "Toca para empezar a dibujar la figura.",
          cont: "Toca para seguir dibujando la figura.",
          end: "Toca el primer punto para cerrar la figura."
        } },
        polyline: {
          error: "<strong>Atención:</strong> los lados no pueden cruzarse.",
          tooltip: {
            start: "Toca para empezar a dibujar la línea.",
            cont: "Toca para seguir dibujando la línea.",
            end: "Toca el último punto para terminar la línea."
          }
        },
        rectangle: { tooltip: { start: "Toca y arrastra para dibujar un rectángulo." } },
        simpleshape: { tooltip: { end: "Suelta para terminar el dibujo." } }
      }
    },
    edit: {
      toolbar: {
        actions: {
          save: { title: "Guardar los cambios", text: "Guardar" },
          cancel: { title: "Cancelar la edición y descartar los cambios", text: "Cancelar" },
          clearAll: { title: "Borrar todas las figuras", text: "Borrar todo" }
        },
        buttons: {
          edit: "Editar las figuras", editDisabled: "No hay figuras para editar",
          remove: "Borrar figuras", removeDisabled: "No hay figuras para borrar"
        }
      },
      handlers: {
        edit: { tooltip: {
          text: "Arrastra los puntos o marcadores para cambiar la figura.",
          subtext: "Toca «Cancelar» para deshacer los cambios."
        } },
        remove: { tooltip: { text: "Toca una figura para borrarla." } }
      }
    }
  };

  function copiar(destino, origen) {
    Object.keys(origen).forEach(function (clave) {
      var valor = origen[clave];
      if (valor && typeof valor === "object") {
        if (!destino[clave] || typeof destino[clave] !== "object") { destino[clave] = {}; }
        copiar(destino[clave], valor);
      } else {
        destino[clave] = valor;
      }
    });
  }

  function vigilarTextos(L) {
    if (!L || (typeof L !== "object" && typeof L !== "function")) { return; }
    var propio = Object.getOwnPropertyDescriptor(L, "drawLocal");
    if (propio && propio.get) { return; }
    var textos = L.drawLocal;
    if (textos && typeof textos === "object") { copiar(textos, ES); }
    try {
      Object.defineProperty(L, "drawLocal", {
        configurable: true, enumerable: true,
        get: function () { return textos; },
        set: function (nuevos) {
          if (nuevos && typeof nuevos === "object") { copiar(nuevos, ES); }
          textos = nuevos;
        }
      });
    } catch (e) { /* un L congelado: quedan los textos de leaflet.draw */ }
  }

  var actual = window.L;
  vigilarTextos(actual);
  try {
    Object.defineProperty(window, "L", {
      configurable: true, enumerable: true,
      get: function () { return actual; },
      set: function (nuevo) { actual = nuevo; vigilarTextos(nuevo); }
    });
  } catch (e) { /* sin window.L vigilable, leaflet.draw queda en inglés */ }
})();
