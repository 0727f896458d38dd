/* Leer una respuesta como la escribe la gente y revisarla contra huellas, sin conocer la respuesta.
 *
 * Es la copia en JavaScript de lideres/banco/claves.py y lideres/banco/revision.py: las mismas reglas,
 * paso por paso, para que el libro (sin Python) diga lo mismo que el cuaderno. La prueba
 * tests/navegador/test_navegador_cuestionario.py compara los dos con una tabla de respuestas.
 * Necesita lideresSha256 (sha256.js). Los textos (¡Bien!, pistas de formato…) vienen de Python, en
 * `textos`, para no tener dos copias.
 */
(function (global) {
  "use strict";

  var MAXIMO_TEXTO = 2000;
  var MAXIMO_PASOS = 1e15;
  var PREFIJOS_OPCION = ["la ", "letra ", "opción ", "opcion ", "alternativa "];
  var NUMERO = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
  var MILES = /^[+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;
  var DECIMAL_CON_COMA = /^[+-]?[0-9]+,[0-9]+$/;
  var BLANCOS = /[ \t\n\r\u00a0\u2009\u202f_]+/g;
  var NO_ALFANUMERICO = /[^a-z0-9]+/g;
  // Los espacios que quita str.strip() de Python (no son los mismos que los de trim() de JavaScript).
  var ESPACIOS_PYTHON = "\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680" +
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

  function strip(texto) {
    var inicio = 0, fin = texto.length;
    while (inicio < fin && ESPACIOS_PYTHON.indexOf(texto[inicio]) >= 0) inicio++;
    while (fin > inicio && ESPACIOS_PYTHON.indexOf(texto[fin - 1]) >= 0) fin--;
    return texto.slice(inicio, fin);
  }

  function lstrip(texto) {
    var inicio = 0;
    while (inicio < texto.length && ESPACIOS_PYTHON.indexOf(texto[inicio]) >= 0) inicio++;
    return texto.slice(inicio);
  }

  function largo(texto) { return Array.from(texto).length; }  // en caracteres, como len() de Python

  function huella(sal, clave) { return global.lideresSha256(sal + "|" + clave).slice(0, 24); }

  function texto(valor) {
    if (typeof valor !== "string") return null;
    var t = strip(valor);
    return largo(t) <= MAXIMO_TEXTO ? t : null;
  }

  function esLetra(c) { return /^\p{L}$/u.test(c); }

  // --- opción ------------------------------------------------------------------------------------
  function claveOpcion(valor) {
    var t = texto(valor);
    if (t === null) return null;
    t = t.toLowerCase();
    for (var i = 0; i < PREFIJOS_OPCION.length; i++) {
      if (t.indexOf(PREFIJOS_OPCION[i]) === 0) {
        t = lstrip(t.slice(PREFIJOS_OPCION[i].length));
        break;
      }
    }
    var letras = Array.from(t);
    for (var j = 0; j < letras.length; j++) {
      if (esLetra(letras[j])) {
        var siguiente = j + 1 < letras.length ? letras[j + 1] : "";
        if (letras[j] >= "a" && letras[j] <= "z" && !(siguiente && esLetra(siguiente))) return letras[j];
        return null;
      }
    }
    return null;
  }

  // --- número ------------------------------------------------------------------------------------
  function comoNumero(valor) {
    var numero, coma = false;
    if (typeof valor === "number") {
      numero = valor;
    } else if (typeof valor === "string") {
      var t = texto(valor);
      if (t === null) return [null, false];
      t = t.replace(BLANCOS, "");
      if (MILES.test(t)) {
        t = t.replace(/,/g, "");
      } else if (DECIMAL_CON_COMA.test(t)) {
        t = t.replace(",", ".");
        coma = true;
      }
      if (!NUMERO.test(t)) return [null, false];
      numero = Number(t);
    } else {
      return [null, false];
    }
    if (!isFinite(numero)) return [null, false];
    return [numero, coma];
  }

  function paso(numero, tolerancia) {
    if (!tolerancia || tolerancia <= 0) return null;
    var escala = numero / tolerancia;
    if (isNaN(escala) || Math.abs(escala) > MAXIMO_PASOS) return null;
    return Math.floor(escala + 0.5);
  }

  function clavesVecinas(numero, tolerancia) {
    var n = paso(numero, tolerancia);
    return n === null ? [] : [String(n), String(n - 1), String(n + 1)];
  }

  // --- distrito y texto --------------------------------------------------------------------------
  function claveTexto(valor) {
    var t = texto(valor);
    if (t === null) return null;
    // NFKD y sin marcas (tildes, diéresis): «Martín» -> «Martin».
    var sinTildes = t.normalize("NFKD").replace(/\p{Mn}/gu, "");
    var clave = sinTildes.toLowerCase().replace(NO_ALFANUMERICO, " ").split(" ")
      .filter(function (p) { return p; }).join(" ");
    return clave || null;
  }

  function distancia(a, b, maximo) {
    if (maximo === undefined) maximo = 1;
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > maximo) return maximo + 1;
    var anterior = [];
    for (var k = 0; k <= b.length; k++) anterior.push(k);
    for (var i = 1; i <= a.length; i++) {
      var actual = [i];
      for (var j = 1; j <= b.length; j++) {
        actual.push(Math.min(anterior[j] + 1, actual[j - 1] + 1,
          anterior[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0)));
      }
      if (Math.min.apply(null, actual) > maximo) return maximo + 1;
      anterior = actual;
    }
    return Math.min(anterior[anterior.length - 1], maximo + 1);
  }

  function masCercano(clave, opciones) {
    var mejor = null, mejorD = 2;
    for (var i = 0; i < opciones.length; i++) {
      var otra = claveTexto(opciones[i]);
      if (otra === null) continue;
      var d = distancia(clave, otra);
      if (d < mejorD) { mejor = otra; mejorD = d; }
    }
    return mejor;
  }

  function nombreDe(clave, opciones) {
    for (var i = 0; i < opciones.length; i++) if (claveTexto(opciones[i]) === clave) return opciones[i];
    return null;
  }

  // --- orden -------------------------------------------------------------------------------------
  function elementosOrden(valor) {
    if (Array.isArray(valor)) return valor.length > 0 && valor.length <= 100 ? valor.slice() : null;
    var t = texto(valor);
    if (!t) return null;
    return t.split(/[,;\n]/).filter(function (p) { return strip(p); });
  }

  // --- revisar -----------------------------------------------------------------------------------
  function vacio(valor) {
    if (valor === null || valor === undefined) return true;
    if (typeof valor === "string") return !strip(valor);
    if (Array.isArray(valor)) return valor.length === 0;
    return false;
  }

  function unir(mensaje, nota) { return nota ? mensaje + " " + nota : mensaje; }

  function decimalPython(numero) {
    // 250 -> «250.0», 250.5 -> «250.5» (como lo escribiría Python).
    if (Number.isInteger(numero) && Math.abs(numero) < 1e15) return numero.toFixed(0) + ".0";
    return String(numero);
  }

  function Huellas(publica, textos) {
    this.sal = String(publica.sal);
    this.buenas = {};
    var lista = publica.huellas || [];
    for (var i = 0; i < lista.length; i++) this.buenas[lista[i]] = true;
    this.errores = publica.errores || {};
    this.explicacion = String(publica.explicacion || textos.SIN_EXPLICACION);
    this.textos = textos;
  }
  Huellas.prototype.veredicto = function (clave, nota) {
    var h = huella(this.sal, clave);
    if (this.buenas[h]) return { correcto: true, mensaje: unir(this.textos.BIEN, nota) };
    if (Object.prototype.hasOwnProperty.call(this.errores, h)) {
      return { correcto: false, mensaje: unir(String(this.errores[h]), nota) };
    }
    return null;
  };
  Huellas.prototype.mal = function (nota) {
    return { correcto: false, mensaje: unir(this.explicacion, nota) };
  };

  function lista(valor) { return Array.isArray(valor) ? valor : []; }

  function revisarOpcion(publica, respuesta, textos) {
    var clave = claveOpcion(respuesta);
    var n = Math.min(lista(publica.opciones).length, 26), letras = [];
    for (var i = 0; i < n; i++) letras.push(String.fromCharCode(97 + i));
    if (clave === null || (letras.length && letras.indexOf(clave) < 0)) {
      if (letras.length > 1) {
        return { correcto: null, mensaje: "Escribe solo la letra de una alternativa: " +
          letras.slice(0, -1).join(", ") + " o " + letras[letras.length - 1] + "." };
      }
      return { correcto: null, mensaje: textos.FORMATO.opcion };
    }
    var h = new Huellas(publica, textos);
    return h.veredicto(clave, "") || h.mal("");
  }

  function revisarNumero(publica, respuesta, textos) {
    var leido = comoNumero(respuesta), numero = leido[0], coma = leido[1];
    if (numero === null) return { correcto: null, mensaje: textos.FORMATO.numero };
    var nota = coma && textos.COMA_DECIMAL ? textos.COMA_DECIMAL.replace("{numero}", decimalPython(numero)) : "";
    var h = new Huellas(publica, textos);
    var tolerancia = Number(publica.tolerancia || 0.5);
    var vecinas = clavesVecinas(numero, tolerancia);
    for (var i = 0; i < vecinas.length; i++) {
      if (h.buenas[huella(h.sal, vecinas[i])]) return { correcto: true, mensaje: unir(textos.BIEN, nota) };
    }
    var tolerancias = lista(publica.tolerancias);
    for (var t = 0; t < tolerancias.length; t++) {
      var claves = clavesVecinas(numero, Number(tolerancias[t]));
      for (var j = 0; j < claves.length; j++) {
        var v = h.veredicto(t + ":" + claves[j], nota);
        if (v) return v;
      }
    }
    return h.mal(nota);
  }

  function revisarDistrito(publica, respuesta, textos) {
    var clave = claveTexto(respuesta);
    if (clave === null) return { correcto: null, mensaje: textos.FORMATO.distrito };
    var opciones = lista(publica.opciones).map(String);
    var h = new Huellas(publica, textos);
    var v = h.veredicto(clave, "");
    if (v) return v;
    if (opciones.some(function (o) { return claveTexto(o) === clave; })) return h.mal("");
    var cercana = masCercano(clave, opciones);
    if (cercana === null) return { correcto: false, mensaje: textos.DISTRITO_DESCONOCIDO };
    v = h.veredicto(cercana, "");
    if (v && v.correcto) {
      return { correcto: true, mensaje: textos.BIEN + " Se escribe «" + nombreDe(cercana, opciones) + "»." };
    }
    return v || h.mal("");
  }

  function revisarOrden(publica, respuesta, textos) {
    var elementos = elementosOrden(respuesta);
    if (!elementos || !elementos.length) return { correcto: null, mensaje: textos.FORMATO.orden };
    var opciones = lista(publica.opciones).map(String);
    var conocidas = opciones.map(claveTexto);
    var partes = [];
    for (var i = 0; i < elementos.length; i++) {
      var clave = claveTexto(elementos[i]);
      if (clave === null) return { correcto: null, mensaje: textos.FORMATO.orden };
      if (opciones.length && conocidas.indexOf(clave) < 0) clave = masCercano(clave, opciones) || clave;
      partes.push(clave);
    }
    var h = new Huellas(publica, textos);
    var v = h.veredicto(partes.join("|"), "");
    if (v) return v;
    if (opciones.length && partes.slice().sort().join("|") !== conocidas.slice().sort().join("|")) {
      return { correcto: false, mensaje: textos.ORDEN_INCOMPLETO };
    }
    return h.mal("");
  }

  var REVISORES = { opcion: revisarOpcion, numero: revisarNumero, distrito: revisarDistrito, orden: revisarOrden };

  /* {correcto: true | false | null, mensaje}: lo mismo que lideres.banco.revisar. Nunca lanza. */
  function revisar(publica, respuesta, textos) {
    try {
      if (vacio(respuesta)) return { correcto: null, mensaje: textos.VACIO };
      if (publica.tipo === "escrita") return { correcto: null, mensaje: textos.A_MANO };
      var revisor = REVISORES[publica.tipo];
      if (!revisor) return { correcto: null, mensaje: textos.NO_SE_PUDO };
      return revisor(publica, respuesta, textos);
    } catch (e) {
      return { correcto: null, mensaje: textos.NO_SE_PUDO };
    }
  }

  global.LideresBanco = {
    huella: huella, claveOpcion: claveOpcion, comoNumero: comoNumero, paso: paso,
    clavesVecinas: clavesVecinas, claveTexto: claveTexto, distancia: distancia,
    masCercano: masCercano, nombreDe: nombreDe, elementosOrden: elementosOrden, revisar: revisar
  };
})(typeof window !== "undefined" ? window : globalThis);
