// Tablero del taller: nunca a medias ni callado.
// - Una celda que falló o no llegó a tiempo: aviso en español con «Reintentar» (y un reintento
//   automático, hasta dos veces por tablero en esta pestaña).
// - Un tablero que tarda demasiado o cuyos widgets no aparecen: aviso con «Reintentar».
// - Un kernel que ya no existe (servidor detenido, kernel apagado tras dormir el celular): la
//   página se cubre con «Se perdió la conexión — toca para volver a cargar»; nada de toques
//   aceptados en silencio.
// - Primera vista antes de que el kernel responda: Voilà esconde el título y el texto hasta que su
//   JavaScript (más de un MB) carga el tema; con el tema claro no hay nada que esperar, así que se
//   muestran apenas llegan (lideres.css pone «Cargando el tablero…» donde irá el tablero).
// - Al irse de la página se pide apagar el kernel (también en celulares, donde `beforeunload`
//   no siempre ocurre: se usa `pagehide`).
(function () {
  "use strict";
  var L = (window.lideres = window.lideres || {});

  // Reemplaza display_cells de voila_setup.macro: igual, sin esperar a window.themeLoaded. Voilà la
  // vuelve a llamar al cargar el tema; mostrar dos veces no hace nada.
  window.display_cells = window.voila_finish = function () {
    var cargando = document.getElementById("loading");
    if (cargando && cargando.parentNode) cargando.parentNode.removeChild(cargando);
    var celdas = document.getElementById("rendered_cells");
    if (celdas) celdas.style.display = "";
  };
  var TEXTOS = {
    perdida: "Se perdió la conexión — toca para volver a cargar",
    perdidaNota: "El tablero dejó de estar conectado con la computadora del taller.",
    fallo: "El tablero no terminó de prepararse.",
    falloAuto: "El tablero no terminó de prepararse. Lo intento otra vez…",
    tarde: "El tablero está tardando más de lo normal (hay muchas personas entrando a la vez).",
    sinWidgets: "El tablero no terminó de dibujarse.",
    reintentar: "Reintentar",
    latido: "Hay muchas personas entrando a la vez: tu tablero ya viene…",
  };
  var REINTENTOS_AUTOMATICOS = 2;
  var TARDANZA_MS = 90000; // sin terminar de llegar: ofrecer reintentar
  var WIDGETS_MS = 60000; // llegó, pero sus widgets no aparecen
  var REVISION_MS = 15000; // cada cuánto se revisa que el kernel siga vivo
  var REINTENTO_AUTOMATICO_MS = 3000;

  var cuerpo = document.body;
  // Los avisos van en la región «Avisos» de la plantilla (axe «region»: todo lo que se lee, en una
  // región). Son position: fixed, así que se ven igual que antes.
  function dondeAvisar() {
    return document.getElementById("lideres-avisos") || cuerpo;
  }
  var base = ((cuerpo && cuerpo.getAttribute("data-base-url")) || "/voila/").replace(/voila\/$/, "");
  var saliendo = false;
  var perdida = false;
  var apagado = false;
  var claveReintentos = "lideres-reintentos:" + location.pathname;

  function kernelId() {
    var el = document.getElementById("jupyter-config-data");
    if (!el) return null;
    try {
      return JSON.parse(el.textContent).kernelId || null;
    } catch (e) {
      return null;
    }
  }
  L.kernelId = kernelId;

  function reintentos() {
    try {
      return parseInt(sessionStorage.getItem(claveReintentos) || "0", 10) || 0;
    } catch (e) {
      return REINTENTOS_AUTOMATICOS; // sin sessionStorage: nada automático
    }
  }

  function recargar() {
    saliendo = true;
    location.reload();
  }

  function reintentar(automatico) {
    try {
      sessionStorage.setItem(claveReintentos, String(automatico ? reintentos() + 1 : 0));
    } catch (e) {
      /* sin sessionStorage: se recarga igual */
    }
    recargar();
  }
  L.reintentar = reintentar;

  function quitarAviso() {
    var viejo = document.getElementById("lideres-aviso");
    if (viejo) viejo.parentNode.removeChild(viejo);
  }

  function aviso(texto, conBoton) {
    if (perdida) return;
    quitarAviso();
    var caja = document.createElement("div");
    caja.id = "lideres-aviso";
    caja.className = "lideres-aviso";
    caja.setAttribute("role", "alert");
    caja.lang = "es";
    var p = document.createElement("p");
    p.textContent = texto;
    caja.appendChild(p);
    if (conBoton) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "lideres-aviso-boton";
      b.textContent = TEXTOS.reintentar;
      b.addEventListener("click", function () {
        reintentar(false);
      });
      caja.appendChild(b);
    }
    dondeAvisar().appendChild(caja);
  }
  L.aviso = aviso;

  function conexionPerdida() {
    if (perdida || saliendo) return;
    perdida = true;
    quitarAviso();
    // La capa anuncia (role="alert") y dentro un botón que la llena: un botón con role="alert" ya no
    // es un botón para un lector de pantalla y se queda sin nombre (axe button-name).
    var capa = document.createElement("div");
    capa.id = "lideres-perdida";
    capa.className = "lideres-perdida";
    capa.lang = "es";
    capa.setAttribute("role", "alert");
    var boton = document.createElement("button");
    boton.type = "button";
    var t = document.createElement("strong");
    t.textContent = TEXTOS.perdida;
    var n = document.createElement("span");
    n.textContent = TEXTOS.perdidaNota;
    boton.appendChild(t);
    boton.appendChild(n);
    capa.appendChild(boton);
    capa.addEventListener("click", recargar);
    dondeAvisar().appendChild(capa);
    try {
      boton.focus();
    } catch (e) {
      /* nada */
    }
  }
  L.conexionPerdida = conexionPerdida;

  // ---- ¿Sigue vivo el kernel? 404: se apagó; sin respuesta: el servidor se detuvo.
  var revisando = false;
  function revisarKernel() {
    var id = kernelId();
    if (!id || perdida || saliendo || revisando) return;
    revisando = true;
    fetch(base + "api/kernels/" + encodeURIComponent(id), { cache: "no-store", credentials: "same-origin" })
      .then(function (r) {
        revisando = false;
        if (r.status === 404 || r.status === 410) conexionPerdida();
      })
      .catch(function () {
        revisando = false;
        if (!saliendo) conexionPerdida();
      });
  }
  L.revisarKernel = revisarKernel;

  // El websocket del kernel se cerró: revisar enseguida (la reconexión de JupyterLab no avisa).
  var WebSocketOriginal = window.WebSocket;
  if (WebSocketOriginal) {
    window.WebSocket = class extends WebSocketOriginal {
      constructor(url, protocolos) {
        if (protocolos === undefined) super(url);
        else super(url, protocolos);
        if (/\/api\/kernels\/[^/]+\/channels/.test(String(url))) {
          this.addEventListener("close", function () {
            setTimeout(revisarKernel, 500);
          });
        }
      }
    };
  }
  setInterval(function () {
    if (document.visibilityState === "visible") revisarKernel();
  }, REVISION_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") revisarKernel();
  });
  window.addEventListener("online", revisarKernel);
  window.addEventListener("focus", revisarKernel);

  // ---- Al irse: apagar el kernel. Mismo pedido que el gestor de widgets de Voilà (con el
  // token `_xsrf` de la cookie); si los dos lo mandan, el servidor responde 204 al segundo.
  window.addEventListener("pagehide", function () {
    saliendo = true;
    var id = kernelId();
    if (!id || apagado || !navigator.sendBeacon) return;
    apagado = true;
    var datos = new FormData();
    var m = document.cookie.match(/\b_xsrf=([^;]*)\b/);
    datos.append("_xsrf", (m && m[1]) || "");
    navigator.sendBeacon(base + "voila/api/shutdown/" + encodeURIComponent(id), datos);
  });
  window.addEventListener("beforeunload", function () {
    saliendo = true;
  });
  // Vuelve desde la caché del navegador (atrás/adelante): su kernel ya se apagó; cargar de nuevo.
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) recargar();
  });

  // ---- Mientras llega: latidos de Voilà y tardanza.
  window.voila_heartbeat = function () {
    var el = document.getElementById("loading_text");
    if (el) el.textContent = TEXTOS.latido;
  };
  var tardanza = setTimeout(function () {
    if (!L.terminado) aviso(TEXTOS.tarde, true);
  }, TARDANZA_MS);

  function esperaWidgets() {
    var salidas = document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]');
    for (var i = 0; i < salidas.length; i++) {
      if (salidas[i].textContent.indexOf("application/vnd.jupyter.widget-view+json") >= 0) return true;
    }
    return false;
  }

  // ---- Al terminar de llegar: ¿alguna celda falló? ¿aparecen los widgets?
  // Voilà la llama al final de la página y otra vez cuando su JavaScript cargó el tema: la
  // revisión se hace una sola vez.
  var terminarVoila = window.voila_finish;
  window.voila_finish = function () {
    if (terminarVoila) terminarVoila();
    if (L.terminado) return;
    L.terminado = true;
    clearTimeout(tardanza);
    var conWidgets = esperaWidgets();
    if (document.querySelector(".lideres-error-celda")) {
      var cargando = document.getElementById("loading");
      if (cargando) cargando.parentNode.removeChild(cargando);
      var celdas = document.getElementById("rendered_cells");
      if (celdas) celdas.style.display = "";
      if (reintentos() < REINTENTOS_AUTOMATICOS) {
        aviso(TEXTOS.falloAuto, true);
        setTimeout(function () {
          reintentar(true);
        }, REINTENTO_AUTOMATICO_MS);
      } else {
        aviso(TEXTOS.fallo, true);
      }
      return;
    }
    try {
      sessionStorage.removeItem(claveReintentos);
    } catch (e) {
      /* nada */
    }
    if (conWidgets) {
      setTimeout(function () {
        if (!document.querySelector(".jupyter-widgets")) {
          revisarKernel();
          aviso(TEXTOS.sinWidgets, true);
        }
      }, WIDGETS_MS);
    }
  };
})();
