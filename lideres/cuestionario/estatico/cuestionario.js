/* La autoevaluación del libro: revisa cada respuesta en el navegador con LideresBanco.revisar.
 *
 * Nada se envía: no hay servidor ni kernel (el libro es HTML fijo y se lee sin internet). Las respuestas
 * que se revisan quedan en este navegador (localStorage) y vuelven al recargar; las escritas no.
 * El HTML (etiquetas, campos, botones) viene de la plantilla cuestionario.html.j2; aquí solo se
 * leen las respuestas, se muestra el resultado y se mueven los elementos de las preguntas de orden.
 */
(function () {
  "use strict";

  function respuestaDe(fieldset, tipo) {
    if (tipo === "opcion") {
      var marcada = fieldset.querySelector("input[type=radio]:checked");
      return marcada ? marcada.value : "";
    }
    if (tipo === "orden") {
      return Array.prototype.map.call(fieldset.querySelectorAll(".lideres-orden-item"), function (li) {
        return li.dataset.valor;
      });
    }
    var campo = fieldset.querySelector(".lideres-campo");
    return campo ? campo.value : "";
  }

  function mostrar(fieldset, veredicto, textos) {
    var salida = fieldset.querySelector(".lideres-resultado");
    var estado = veredicto.correcto === true ? "bien" : veredicto.correcto === false ? "mal" : "nada";
    fieldset.dataset.estado = estado;
    salida.dataset.estado = estado;
    var marca = veredicto.correcto === true ? textos.MARCA_BIEN + " "
      : veredicto.correcto === false ? textos.MARCA_MAL + " " : "";
    // textContent: el mensaje nunca se interpreta como HTML.
    salida.textContent = marca + veredicto.mensaje;
  }

  function resumir(raiz, textos) {
    var total = raiz.querySelectorAll("fieldset[data-revisable=si]").length;
    var bien = raiz.querySelectorAll("fieldset[data-revisable=si][data-estado=bien]").length;
    var escritas = raiz.querySelectorAll("fieldset[data-revisable=no]").length;
    var resumen = raiz.querySelector(".lideres-resumen");
    if (resumen) {
      resumen.textContent = textos.RESUMEN.replace("{bien}", bien).replace("{total}", total)
        + (escritas ? " " + textos.RESUMEN_ESCRITAS : "");
    }
  }

  // Guardar y leer las respuestas en el navegador. Sin localStorage (modo privado, bloqueado) se
  // sigue igual, solo que sin recordar.
  function leerGuardadas(clave) {
    try { return JSON.parse(window.localStorage.getItem(clave) || "{}") || {}; } catch (e) { return {}; }
  }
  function guardar(clave, id, valor) {
    try {
      var todas = leerGuardadas(clave);
      todas[id] = valor;
      window.localStorage.setItem(clave, JSON.stringify(todas));
    } catch (e) { /* sin almacenamiento: nada que hacer */ }
  }
  function restaurar(fieldset, tipo, valor) {
    if (tipo === "opcion") {
      fieldset.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === valor; });
    } else if (tipo === "orden") {
      var lista = fieldset.querySelector(".lideres-orden");
      if (!lista || !Array.isArray(valor)) return;
      var items = {};
      lista.querySelectorAll(".lideres-orden-item").forEach(function (li) { items[li.dataset.valor] = li; });
      if (valor.length !== Object.keys(items).length) return;
      valor.forEach(function (v) { if (items[v]) lista.appendChild(items[v]); });
      numerarOrden(lista);
    } else {
      var campo = fieldset.querySelector(".lideres-campo");
      if (campo && typeof valor === "string") campo.value = valor;
    }
  }

  function mover(item, hacia, raiz, textos) {
    var lista = item.parentNode;
    var otro = hacia < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!otro) return;
    if (hacia < 0) lista.insertBefore(item, otro); else lista.insertBefore(otro, item);
    numerarOrden(lista);
    var puesto = Array.prototype.indexOf.call(lista.children, item) + 1;
    var aviso = lista.parentNode.querySelector(".lideres-orden-aviso");
    if (aviso) {
      aviso.textContent = textos.MOVIDO.replace("{elemento}", item.dataset.valor).replace("{puesto}", puesto);
    }
    // El foco sigue al botón que se tocó, aunque el elemento haya cambiado de lugar.
    var boton = item.querySelector(hacia < 0 ? ".lideres-subir" : ".lideres-bajar");
    if (boton && !boton.disabled) boton.focus();
    else { var otroBoton = item.querySelector(hacia < 0 ? ".lideres-bajar" : ".lideres-subir"); if (otroBoton) otroBoton.focus(); }
  }

  function numerarOrden(lista) {
    var items = lista.querySelectorAll(".lideres-orden-item");
    for (var i = 0; i < items.length; i++) {
      items[i].querySelector(".lideres-subir").disabled = i === 0;
      items[i].querySelector(".lideres-bajar").disabled = i === items.length - 1;
    }
  }

  function iniciar(raiz) {
    if (raiz.dataset.iniciado) return;
    raiz.dataset.iniciado = "si";
    var datos = JSON.parse(raiz.querySelector("script.lideres-datos").textContent);
    var textos = datos.textos;
    var preguntas = {};
    datos.preguntas.forEach(function (p) { preguntas[p.id] = p; });
    var clave = "lideres-cuestionario:" + (raiz.dataset.ejercicio || "");
    var guardadas = leerGuardadas(clave);
    var revisarAlEmpezar = [];

    raiz.querySelectorAll("fieldset.lideres-pregunta").forEach(function (fieldset) {
      var publica = preguntas[fieldset.dataset.pregunta];
      var tipo = fieldset.dataset.tipo;
      var revisarBoton = fieldset.querySelector(".lideres-revisar");
      if (revisarBoton && publica) {
        revisarBoton.addEventListener("click", function () {
          var respuesta = respuestaDe(fieldset, tipo);
          mostrar(fieldset, window.LideresBanco.revisar(publica, respuesta, textos), textos);
          resumir(raiz, textos);
          guardar(clave, fieldset.dataset.pregunta, respuesta);
        });
        if (Object.prototype.hasOwnProperty.call(guardadas, fieldset.dataset.pregunta)) {
          revisarAlEmpezar.push(function () {
            restaurar(fieldset, tipo, guardadas[fieldset.dataset.pregunta]);
            mostrar(fieldset, window.LideresBanco.revisar(publica, respuestaDe(fieldset, tipo), textos), textos);
          });
        }
      }
      var campo = fieldset.querySelector("input.lideres-campo");
      if (campo && revisarBoton && publica) {
        campo.addEventListener("keydown", function (e) {
          if (e.key === "Enter") { e.preventDefault(); revisarBoton.click(); }
        });
      }
      var verIdeas = fieldset.querySelector(".lideres-ver-ideas");
      if (verIdeas) {
        verIdeas.addEventListener("click", function () {
          var ideas = fieldset.querySelector(".lideres-ideas");
          var abierto = ideas.hidden;
          ideas.hidden = !abierto;
          verIdeas.setAttribute("aria-expanded", abierto ? "true" : "false");
        });
      }
      var lista = fieldset.querySelector(".lideres-orden");
      if (lista) {
        numerarOrden(lista);
        lista.addEventListener("click", function (e) {
          var boton = e.target.closest("button");
          if (!boton) return;
          var item = boton.closest(".lideres-orden-item");
          mover(item, boton.classList.contains("lideres-subir") ? -1 : 1, raiz, textos);
        });
      }
    });
    // El resumen se escribe recién con la primera revisión: al cargar, la página no anuncia nada
    // (salvo que vuelvan respuestas guardadas: entonces se ven con su resultado y el resumen).
    if (revisarAlEmpezar.length) {
      revisarAlEmpezar.forEach(function (f) { f(); });
      resumir(raiz, textos);
    }
  }

  function iniciarTodos() {
    document.querySelectorAll(".lideres-cuestionario").forEach(iniciar);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", iniciarTodos);
  else iniciarTodos();
})();
