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
