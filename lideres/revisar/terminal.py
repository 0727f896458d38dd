"""`lideres datos revisar` en la terminal: el resumen, el gráfico por mes de un distrito y la
exportación de las filas limpias (y de las apartadas, con su motivo)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lideres.errores import ErrorLideres
from lideres.formato import fecha as fecha_es
from lideres.formato import numero
from lideres.revisar.frases import cuantos
from lideres.revisar.resultado import MAX_LISTADAS, Revision
from lideres.revisar.revision import revisar_archivo

ANCHO_BARRA = 30


def grafico_por_mes(revision: Revision, distrito: str) -> str:
    """Las incidencias (o denuncias) de un distrito por mes, con barras de texto."""
    filas = revision.distrito(distrito)
    nombre = filas["distrito"].iloc[0]
    ubigeo = filas["ubigeo"].iloc[0] if "ubigeo" in filas.columns else None
    serie = revision.por_mes(distrito)
    maximo = max(int(serie.max()), 1)
    titulo = f"{revision.unidad.capitalize()} por mes en {nombre}"
    if ubigeo:
        titulo += f" (UBIGEO {ubigeo})"
    if "cantidad" in revision.tabla.columns:
        titulo += ", suma de «cantidad»"
    lineas = [titulo + ":"]
    for mes, valor in serie.items():
        barra = "█" * round(ANCHO_BARRA * int(valor) / maximo)
        lineas.append(f"  {fecha_es(mes.date(), 'MMM y'):>10} {numero(int(valor)):>7} {barra}")
    return "\n".join(lineas)


def cli_revisar(args) -> int:
    """`lideres datos revisar ARCHIVO [--columnas fecha=…,tipo=…] [--distrito D] [--exportar SALIDA.csv]`.

    Con --exportar guarda las filas válidas en SALIDA.csv y, si hay filas apartadas, su número de
    fila y el motivo en SALIDA_apartadas.csv (para corregirlas en el original). Con --distrito
    muestra sus incidencias (o denuncias) por mes y exporta solo sus filas.
    """
    entrada = Path(args.archivo).expanduser()
    salida = Path(args.exportar).expanduser() if getattr(args, "exportar", None) else None
    distrito = getattr(args, "distrito", None)
    if salida is not None:
        _revisar_salida(entrada, salida)
    revision = revisar_archivo(entrada, columnas=getattr(args, "columnas", None))
    print(revision.resumen())
    if distrito:
        print(grafico_por_mes(revision, distrito))
    if salida is None:
        if len(revision.filas_apartadas) > MAX_LISTADAS:
            print("Para ver todas las filas apartadas, usa --exportar SALIDA.csv: las filas apartadas "
                  "se guardan en SALIDA_apartadas.csv.")
        return 0
    tabla = (revision.distrito(distrito) if distrito else revision.tabla).copy()
    tabla["fecha"] = tabla["fecha"].dt.strftime("%Y-%m-%d")
    _guardar(tabla, salida)
    print(f"Se guardaron {cuantos(len(tabla), 'fila válida', 'filas válidas')} en «{salida}» "
          "(el archivo original no se modificó).")
    if revision.filas_apartadas:
        apartadas = _salida_apartadas(salida)
        _guardar(pd.DataFrame(revision.filas_apartadas, columns=["fila", "motivo"]), apartadas)
        print(f"Se guardaron {cuantos(len(revision.filas_apartadas), 'fila apartada', 'filas apartadas')} "
              f"(fila del original y motivo) en «{apartadas}».")
    return 0


def _salida_apartadas(salida: Path) -> Path:
    """limpio.csv -> limpio_apartadas.csv"""
    return salida.with_name(f"{salida.stem}_apartadas.csv")


def _guardar(tabla: pd.DataFrame, ruta: Path) -> None:
    from lideres.exportar import guardar_csv

    try:
        guardar_csv(tabla, ruta)
    except OSError as e:
        raise ErrorLideres(
            f"No se pudo guardar «{ruta}» ({e.strerror or 'error del sistema'}).",
            como_arreglar="Si el archivo está abierto en Excel, ciérralo. Si no, elige otra carpeta.",
        ) from None


def _revisar_salida(entrada: Path, salida: Path) -> None:
    if salida.suffix.lower() != ".csv":
        raise ErrorLideres(
            f"El archivo de salida «{salida.name}» debe terminar en .csv.",
            como_arreglar=f"Por ejemplo: --exportar {salida.with_suffix('.csv').name}",
        )
    otro_nombre = f"Elige otro nombre, por ejemplo --exportar {entrada.stem}_limpio.csv"
    if _mismo_archivo(salida, entrada):
        raise ErrorLideres(
            "La salida es el mismo archivo que estás revisando: se perdería el original.",
            como_arreglar=otro_nombre,
        )
    apartadas = _salida_apartadas(salida)
    if _mismo_archivo(apartadas, entrada):
        raise ErrorLideres(
            f"Las filas apartadas se guardarían en «{apartadas.name}», que es el mismo archivo que "
            "estás revisando: se perdería el original.",
            como_arreglar=otro_nombre,
        )
    if salida.is_dir():
        raise ErrorLideres(
            f"«{salida}» es una carpeta.",
            como_arreglar=f"Escribe un nombre de archivo, por ejemplo {salida / 'limpio.csv'}",
        )


def _mismo_archivo(salida: Path, entrada: Path) -> bool:
    if salida.resolve() == entrada.resolve():
        return True
    return salida.exists() and entrada.exists() and salida.samefile(entrada)
