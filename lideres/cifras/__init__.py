"""Las cifras que el curso cita, con su clave, su alcance y su fuente (issue 18, «decir exacto»).

- `registro`: cada clave se recalcula desde `data/` (`cifra`, `valor`, `texto`, `pie`).
- `prosa`: revisa textos (lecciones, capítulos, páginas de facilitación, glosario, plantillas) y
  encuentra números sin clave o que no coinciden con su valor recalculado.
- `alcance`: una tasa se aplica solo a lo que describe (mismo nivel, periodo y universo).

En la prosa, un número se marca con su clave en un comentario que no se ve: `34,536<!--cifra sidpol.total.callao.2024-->`.
"""

from lideres.cifras.registro import Cifra, cifra, pie, slug, texto, valor

__all__ = ["Cifra", "cifra", "pie", "slug", "texto", "valor"]
