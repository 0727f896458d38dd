/* Escuela de Líderes: carga después un script del tema que solo agrega mejoras (bootstrap.js: los
   globos de ayuda de los botones, la sección que se lee marcada en «En esta página», el botón
   «volver arriba»). Lo pide al primer toque, tecla o desplazamiento, o si no, unos segundos después
   de cargar la página, cuando el navegador queda libre: en un celular barato el texto se dibuja y
   se usa sin esperar ese trabajo. jupyter-book pone este archivo en cada página; lideres/libro_liviano.py (`scripts_tarde`)
   deja cada script que espera como <script type="text/plain" data-tarde="ruta">. */
(function () {
  "use strict";
  var EVENTOS = ["pointerdown", "touchstart", "keydown", "wheel", "scroll"];
  var ESPERA_MS = 4000;
  var pedido = false;

  function cargar() {
    if (pedido) return;
    if (document.readyState === "loading") {  // la página aún no llegó a los scripts que esperan
      document.addEventListener("DOMContentLoaded", cargar);
      return;
    }
    pedido = true;
    EVENTOS.forEach(function (e) { window.removeEventListener(e, cargar, e !== "scroll"); });
    document.querySelectorAll("script[data-tarde]").forEach(function (script) {
      var fuente = script.getAttribute("data-tarde");
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
    });
  }

  // «scroll» sin captura: solo el de la página, no el del índice lateral que el tema mueve al abrir.
  EVENTOS.forEach(function (e) { window.addEventListener(e, cargar, { capture: e !== "scroll", passive: true }); });
  // Sin toque: unos segundos después de cargar, cuando el navegador esté libre (lo que la página
  // hace al abrir ya terminó; el celular no hace este trabajo mientras dibuja el texto).
  function libre() {
    window.setTimeout(function () {
      if ("requestIdleCallback" in window) window.requestIdleCallback(cargar, { timeout: 2000 });
      else cargar();
    }, ESPERA_MS);
  }
  if (document.readyState === "complete") libre();
  else window.addEventListener("load", libre);
})();
