/* Páginas ligeras del curso: UN solo script para todas. No calcula nada: cada estado que los
   controles pueden alcanzar ya viene calculado en Python (lideres/ligera). Aplica un estado,
   muestra la ficha del distrito tocado y lleva el estado en la dirección (#medida=…&anio=…). */
(function () {
  "use strict";
  var nodo = document.getElementById("lig-datos");
  if (!nodo) return;
  var D = JSON.parse(nodo.textContent);
  var actual = {};
  D.controles.forEach(function (c) { actual[c.nombre] = c.defecto; });
  var eleccion = D.eleccion ? D.eleccion.nombre : null;
  if (eleccion) actual[eleccion] = "";

  function leerDireccion() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    D.controles.forEach(function (c) {
      var v = p.get(c.nombre);
      actual[c.nombre] = c.opciones.indexOf(v) >= 0 ? v : c.defecto;
    });
    if (eleccion) {
      var e = p.get(eleccion);
      actual[eleccion] = e && D.eleccion.opciones.indexOf(e) >= 0 ? e : "";
    }
  }

  function escribirDireccion() {
    var p = new URLSearchParams();
    D.controles.forEach(function (c) { p.set(c.nombre, actual[c.nombre]); });
    if (eleccion && actual[eleccion]) p.set(eleccion, actual[eleccion]);
    var nuevo = "#" + p.toString();
    if (location.hash !== nuevo) history.replaceState(null, "", nuevo);
  }

  function ponerHtml(i, trozo) {
    var el = document.querySelector('[data-lig-region="' + i + '"]');
    var html = D.trozos[trozo];
    if (el && el.getAttribute("data-lig-trozo") !== String(trozo)) {
      el.innerHTML = html;
      el.setAttribute("data-lig-trozo", String(trozo));
    }
  }

  function ponerEstilo(camino, e) {
    camino.setAttribute("fill", e[0]);
    camino.setAttribute("fill-opacity", e[1]);
    camino.setAttribute("stroke", e[2]);
    camino.setAttribute("stroke-width", e[3]);
    if (e[4]) camino.setAttribute("stroke-dasharray", e[4]);
    else camino.removeAttribute("stroke-dasharray");
  }

  function aplicar() {
    var clave = D.controles.map(function (c) { return actual[c.nombre]; }).join("|");
    var estado = D.estados[clave];
    if (!estado) return;
    var extra = eleccion && actual[eleccion] ? (estado.e || {})[actual[eleccion]] : null;
    D.regiones.forEach(function (region, pos) {
      var t = estado.h[pos];
      if (extra && extra.h && pos in extra.h) t = extra.h[pos];
      ponerHtml(region, t);
    });
    var caminos = document.querySelectorAll("[data-lig-mapa] [data-lig-valor]");
    if (caminos.length && estado.m !== undefined) {
      var estilos = D.mapas[estado.m];
      for (var i = 0; i < caminos.length; i++) {
        var n = +caminos[i].getAttribute("data-lig-indice");
        var e = extra && extra.m && n in extra.m ? extra.m[n] : estilos[n];
        ponerEstilo(caminos[i], e);
        if (extra && extra.m && n in extra.m) caminos[i].parentNode.appendChild(caminos[i]);
      }
    }
    document.querySelectorAll("button[data-lig-control]").forEach(function (b) {
      var si = actual[b.getAttribute("data-lig-control")] === b.getAttribute("data-lig-valor");
      b.setAttribute("aria-pressed", si ? "true" : "false");
    });
    document.querySelectorAll("select[data-lig-control]").forEach(function (s) {
      s.value = actual[s.getAttribute("data-lig-control")];
    });
    escribirDireccion();
  }

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-lig-control]");
    if (b) {
      actual[b.getAttribute("data-lig-control")] = b.getAttribute("data-lig-valor");
      aplicar();
      return;
    }
    var c = ev.target.closest("[data-lig-mapa] [data-lig-valor]");
    if (c && eleccion) {
      actual[eleccion] = c.getAttribute("data-lig-valor");
      aplicar();
      // La ficha del distrito tocado, a la vista si quedó fuera de la pantalla.
      var ficha = document.querySelector("[data-lig-ficha]");
      if (ficha) {
        var r = ficha.getBoundingClientRect();
        if (r.top < 0 || r.top > window.innerHeight - 40) ficha.scrollIntoView({block: "nearest"});
      }
    }
  });
  document.addEventListener("change", function (ev) {
    var s = ev.target.closest("select[data-lig-control]");
    if (s) {
      actual[s.getAttribute("data-lig-control")] = s.value;
      aplicar();
    }
  });
  window.addEventListener("hashchange", function () { leerDireccion(); aplicar(); });
  document.documentElement.classList.add("lig-con-js");
  leerDireccion();
  aplicar();
})();
