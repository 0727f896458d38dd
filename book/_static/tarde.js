/* Escuela de Líderes: carga después un script del tema que solo agrega mejoras (bootstrap.js: los
   globos de ayuda de los botones, la sección que se lee marcada en «En esta página», el botón
   «volver arriba»). Lo pide cuando el navegador queda libre después de cargar la página, o antes si
   la persona toca, teclea o baja: en un celular barato el texto se lee y se usa sin esperar ese
   trabajo. Lo pone lideres/libro_liviano.py (`scripts_tarde`); la ruta va en data-tarde. */
(function () {
  "use strict";
  var yo = document.currentScript;
  var fuente = yo && yo.getAttribute("data-tarde");
  if (!fuente) return;
  var EVENTOS = ["pointerdown", "touchstart", "keydown", "wheel", "scroll"];
  var pedido = false;

  function cargar() {
    if (pedido) return;
    pedido = true;
    EVENTOS.forEach(function (e) { window.removeEventListener(e, cargar, true); });
    var s = document.createElement("script");
    s.src = fuente;
    s.onload = function () {
      // Bootstrap arma «En esta página» al evento load de la ventana, que quizá ya pasó.
      if (window.bootstrap && window.bootstrap.ScrollSpy) {
        document.querySelectorAll('[data-bs-spy="scroll"]').forEach(function (el) {
          window.bootstrap.ScrollSpy.getOrCreateInstance(el);
        });
      }
    };
    document.head.appendChild(s);
  }

  EVENTOS.forEach(function (e) { window.addEventListener(e, cargar, { capture: true, passive: true }); });
  function libre() {
    if ("requestIdleCallback" in window) window.requestIdleCallback(cargar, { timeout: 3000 });
    else window.setTimeout(cargar, 1000);
  }
  if (document.readyState === "complete") libre();
  else window.addEventListener("load", libre);
})();
