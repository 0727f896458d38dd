// Formulario ligero del ejercicio (lideres.formulario.ligero). La página funciona sin este script;
// con él: el nombre y el código del grupo ya escritos al volver (la clave no), el contador de la
// respuesta escrita mientras se escribe, y una copia de lo escrito en el celular (localStorage)
// hasta que la laptop lo guarda: si se corta el wifi o se recarga, nada se pierde.
(function () {
  "use strict";
  function guardar(clave, valor) {
    try { window.localStorage.setItem(clave, valor); } catch (e) { /* sin almacenamiento */ }
  }
  function leer(clave) {
    try { return window.localStorage.getItem(clave); } catch (e) { return null; }
  }
  function borrar(clave) {
    try { window.localStorage.removeItem(clave); } catch (e) { /* sin almacenamiento */ }
  }

  // Nombre y código del grupo (las mismas claves que el formulario de Voilà).
  document.querySelectorAll("input[data-recordar]").forEach(function (el) {
    var guardado = leer(el.getAttribute("data-recordar"));
    if (guardado && !el.value) { el.value = guardado; }
    el.addEventListener("input", function () { guardar(el.getAttribute("data-recordar"), el.value); });
  });

  // El contador: los mismos textos que el servidor (lideres.formulario.entregas.contador).
  function miles(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function contar(area) {
    var tope = +area.getAttribute("data-maximo");
    var largo = Array.from(area.value.replace(/\r\n?/g, "\n")).length;
    var p = document.getElementById(area.getAttribute("aria-describedby"));
    if (!p) { return; }
    var pasado = largo > tope;
    var texto = pasado
      ? miles(largo) + " de " + miles(tope) + " caracteres. Te pasaste por " + miles(largo - tope) +
        ": acorta tu respuesta. Así no se puede guardar ni entregar."
      : miles(largo) + " de " + miles(tope) + " caracteres (máximo " + miles(tope) + ").";
    if (p.textContent !== texto) { p.textContent = texto; }
    p.className = "lideres-contador " + (pasado ? "lideres-mal" : "lideres-ayuda");
    if (pasado) { p.setAttribute("role", "alert"); } else { p.removeAttribute("role"); }
  }
  var areas = document.querySelectorAll("textarea[data-maximo]");
  areas.forEach(function (area) {
    area.addEventListener("input", function () { contar(area); });
  });

  // La copia en el celular, por ejercicio y persona.
  var form = document.querySelector("form[data-borrador]");
  if (!form) { return; }
  var clave = "lideres-borrador|" + form.getAttribute("data-borrador");
  function campos() {
    return Array.prototype.filter.call(form.elements, function (el) { return /^r-/.test(el.name || ""); });
  }
  function valores() {
    var v = {};
    campos().forEach(function (el) {
      if (el.type === "radio") { if (el.checked) { v[el.name] = el.value; } } else { v[el.name] = el.value; }
    });
    return v;
  }
  function poner(v) {
    var cambio = false;
    campos().forEach(function (el) {
      if (!(el.name in v)) {
        if (el.type === "radio" && el.checked) { el.checked = false; cambio = true; }
        return;
      }
      if (el.type === "radio") {
        var si = v[el.name] === el.value;
        if (el.checked !== si) { el.checked = si; cambio = true; }
      } else if (el.value !== v[el.name]) {
        el.value = v[el.name];
        cambio = true;
      }
    });
    return cambio;
  }
  // La copia: {pendiente, enviado, valores}. «enviado»: se mandó a la laptop. Solo la página que
  // confirma que se guardó (data-guardado: la que sigue a «Guardar», «Revisar» o «Entregar») la
  // borra; cualquier otra (un error, una recarga, volver a entrar) es que quizá no se guardó: si
  // el celular tiene algo distinto de lo que muestra la página, se repone y se avisa.
  var copia = null;
  try { copia = JSON.parse(leer(clave) || "null"); } catch (e) { copia = null; }
  if (copia && copia.enviado && form.hasAttribute("data-guardado")) {
    borrar(clave);
  } else if (copia) {
    copia.enviado = false;
    guardar(clave, JSON.stringify(copia));
    if (copia.pendiente && poner(copia.valores || {})) {
      var aviso = document.getElementById("borrador-celular");
      aviso.textContent = "Recuperamos lo que escribiste en este celular y todavía no se guardó. " +
        "Toca «Guardar mis respuestas».";
      aviso.className = "lideres-nota";
      aviso.hidden = false;
    }
  }
  function anotar() { guardar(clave, JSON.stringify({ pendiente: true, valores: valores() })); }
  form.addEventListener("input", anotar);
  form.addEventListener("change", anotar);
  form.addEventListener("submit", function () {
    guardar(clave, JSON.stringify({ pendiente: true, enviado: true, valores: valores() }));
  });
  // «Enter» en un campo guarda (sin esto, tocaría el primer botón: «Revisar» de la pregunta 1).
  form.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.tagName === "INPUT") {
      ev.preventDefault();
      var boton = form.querySelector('button[value="guardar"]');
      if (boton) { boton.click(); }
    }
  });
  areas.forEach(contar);
})();
