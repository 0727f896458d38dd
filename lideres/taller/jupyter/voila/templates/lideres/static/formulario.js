// Formulario de ejercicio (lideres.formulario): lo que los widgets no dejan poner desde Python.
// Teclado numérico en los campos de número y de clave, el nombre accesible de los botones de
// ordenar (su «title» dice qué elemento se mueve) y, tras recargar la página, el nombre y el código
// del grupo ya escritos (la clave no: un celular puede ser de varias personas). La respuesta escrita
// no lleva «maxlength»: el navegador cortaba en silencio lo pegado; el contador avisa y el servidor
// rechaza lo que pasa el tope (lideres.formulario.entregas.revisar_largo).
(function () {
  "use strict";
  var pendiente = false;
  function poner(selector, atributos) {
    document.querySelectorAll(selector).forEach(function (el) {
      Object.keys(atributos).forEach(function (k) {
        if (el.getAttribute(k) !== atributos[k]) { el.setAttribute(k, atributos[k]); }
      });
    });
  }
  var RECORDAR = { ".lideres-nombre input": "lideres-nombre", ".lideres-codigo input": "lideres-codigo" };
  function recordar() {
    Object.keys(RECORDAR).forEach(function (selector) {
      document.querySelectorAll(selector).forEach(function (el) {
        if (el.dataset.lideresRecordado) { return; }
        el.dataset.lideresRecordado = "1";
        var guardado = null;
        try { guardado = window.localStorage.getItem(RECORDAR[selector]); } catch (e) { guardado = null; }
        if (guardado && !el.value) {
          el.value = guardado;
          el.dispatchEvent(new Event("input", { bubbles: true }));
        }
        el.addEventListener("input", function () {
          try { window.localStorage.setItem(RECORDAR[selector], el.value); } catch (e) { /* sin almacenamiento */ }
        });
      });
    });
  }
  function ajustar() {
    pendiente = false;
    if (!document.querySelector(".lideres-formulario")) { return; }
    poner(".lideres-decimal input", { inputmode: "decimal", autocomplete: "off" });
    poner(".lideres-clave input", { inputmode: "numeric", maxlength: "4", autocomplete: "off" });
    poner(".lideres-nombre input", { autocomplete: "name", maxlength: "80" });
    poner(".lideres-codigo input", { autocomplete: "off", autocapitalize: "none", spellcheck: "false" });
    recordar();
    document.querySelectorAll(".lideres-fila-orden button[title]").forEach(function (el) {
      if (el.getAttribute("aria-label") !== el.title) { el.setAttribute("aria-label", el.title); }
    });
  }
  new MutationObserver(function () {
    if (!pendiente) { pendiente = true; window.requestAnimationFrame(ajustar); }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["title"],
  });
})();
