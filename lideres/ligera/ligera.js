/* Páginas ligeras del curso: UN solo script para todas. No calcula nada: cada estado que los
   controles pueden alcanzar ya viene calculado en Python (lideres/ligera). Aplica un estado,
   muestra la ficha del distrito tocado y lleva el estado en la dirección (#medida=…&anio=…).
   Un control cuyas opciones dependen de los anteriores trae su lista por cada caso (`segun`). */
(function () {
  "use strict";
  var nodo = document.getElementById("lig-datos");
  if (!nodo) return;
  var D = JSON.parse(nodo.textContent);
  var actual = {};
  D.controles.forEach(function (c) { actual[c.nombre] = c.defecto; });
  var eleccion = D.eleccion ? D.eleccion.nombre : null;
  if (eleccion) actual[eleccion] = "";

  // Un control dependiente (c.segun) ofrece otras opciones según los valores de los anteriores.
  function prefijo(i) {
    return D.controles.slice(0, i).map(function (c) { return actual[c.nombre]; }).join("|");
  }
  function opcionesDe(i) {
    var c = D.controles[i];
    return (c.segun && c.segun[prefijo(i)]) || c;
  }
  function cambiar(nombre, valor) {
    actual[nombre] = valor;
    var despues = false;
    D.controles.forEach(function (c, i) {
      // Como el widget: al cambiar un control, los que dependen de él vuelven a su valor inicial.
      if (despues && c.segun) actual[c.nombre] = opcionesDe(i).defecto;
      if (c.nombre === nombre) despues = true;
    });
  }

  function leerDireccion() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    D.controles.forEach(function (c, i) {
      var v = p.get(c.nombre);
      var o = opcionesDe(i);
      actual[c.nombre] = o.opciones.indexOf(v) >= 0 ? v : o.defecto;
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
    // El distrito elegido se marca también donde ya aparece (la barra del ranking), como en Voilà.
    if (eleccion) {
      document.querySelectorAll("[data-lig-region] [data-ubigeo]").forEach(function (f) {
        var si = f.getAttribute("data-ubigeo") === actual[eleccion];
        f.classList.toggle("lideres-barra-seleccionada", si);
        if (si) f.setAttribute("aria-current", "true"); else f.removeAttribute("aria-current");
      });
    }
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
      var nombre = s.getAttribute("data-lig-control");
      D.controles.forEach(function (c, i) {
        if (c.nombre !== nombre || !c.segun) return;
        var clave = prefijo(i);
        if (s.getAttribute("data-lig-segun") === clave) return;
        var o = opcionesDe(i);
        s.textContent = "";
        o.opciones.forEach(function (v, k) {
          var op = document.createElement("option");
          op.value = v;
          op.textContent = o.rotulos[k];
          s.appendChild(op);
        });
        s.setAttribute("data-lig-segun", clave);
      });
      s.value = actual[nombre];
    });
    escribirDireccion();
  }

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-lig-control]");
    if (b) {
      cambiar(b.getAttribute("data-lig-control"), b.getAttribute("data-lig-valor"));
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
      cambiar(s.getAttribute("data-lig-control"), s.value);
      aplicar();
    }
  });
  window.addEventListener("hashchange", function () { leerDireccion(); aplicar(); });
  document.documentElement.classList.add("lig-con-js");
  leerDireccion();
  aplicar();
})();
