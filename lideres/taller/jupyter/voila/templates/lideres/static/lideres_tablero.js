// Tableros del taller (H6): dos ayudas que los widgets no traen.
// 1. aria-pressed en los botones de alternar (ToggleButtons): un lector de pantalla dice cuál está elegido.
// 2. En el teléfono, la ficha del distrito recién elegido se trae a la vista si quedó fuera de la pantalla.
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
    fichaALaVista();
  }

  new MutationObserver(function () {
    if (!pendiente) { pendiente = true; window.requestAnimationFrame(revisar); }
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["class"]
  });
})();

// 3. Un archivo demasiado grande no se envía (tablero 09): FileUpload lo mandaría al kernel en un solo
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
